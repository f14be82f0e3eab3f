"""Count the code lines of the chapters (non-blank lines of code cells), chapter by chapter.

Issue 16 asks that notebooks narrate and the package computes: this count is the measure
(994 lines before the step results, goal at most half). Run from the project folder:

    .venv/bin/python bench/lignes_notebooks.py
"""

from pathlib import Path

import nbformat

ROOT = Path(__file__).resolve().parents[1]


def code_lines(path: Path) -> int:
    notebook = nbformat.read(path, as_version=4)
    return sum(1 for cell in notebook.cells if cell.cell_type == "code"
               for line in cell.source.splitlines() if line.strip())


if __name__ == "__main__":
    total = 0
    for path in sorted((ROOT / "notebooks").glob("[0-9][0-9]_*.ipynb")):
        count = code_lines(path)
        total += count
        print(f"{path.name:32} {count:5}")
    print(f"{'total':32} {total:5}")
