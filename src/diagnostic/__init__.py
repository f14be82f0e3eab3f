"""Method of the departmental diagnostic of prostitution, pimping and trafficking.

One module per step of the method, following the Pas-de-Calais diagnostic report (2020):
`sampling` (step 5) for now; `params` and `run` hold the run machinery.
"""

__version__ = "0.1.0"
