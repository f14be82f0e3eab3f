"""Method of the departmental diagnostic of prostitution, pimping and trafficking.

One module per step of the method, following the Pas-de-Calais diagnostic report (2020):
`partners` (1), `questionnaire` (2), `situations` and `mse` (3), `ads` (4), `sampling` (5),
`precoding` and `coding` (6), `dedup` (7). Steps 1 to 5 expose `compute(run)`, whose result
the chapter saves with the build (`results`) for the later chapters to read. `params` and
`run` hold the run machinery.
"""

import os

# openpyxl writes other bytes when lxml happens to be installed: the workbooks the project
# writes (synthetic world, templates, coder sheets) must be the same on every machine.
os.environ.setdefault("OPENPYXL_LXML", "False")

__version__ = "0.1.0"
