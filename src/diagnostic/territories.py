"""The reference geography: départements and communes of the Code officiel géographique 2018.

Read from the package's `reference/` folder (INSEE COG 2018, see `reference/LISEZMOI.md`):
the parameters check a département's code against it (`params`), the communes module
matches written names against its communes, the synthetic world and `diagnostic nouveau`
draw their communes from it.
"""

from __future__ import annotations

import csv
from functools import cache
from pathlib import Path

import pandas as pd

REFERENCE = Path(__file__).resolve().parent / "reference"


@cache
def departements() -> dict[str, str]:
    """INSEE code → name of every département (COG 2018: 01–95 with 2A/2B, 971–976)."""
    with open(REFERENCE / "departements.csv", encoding="utf-8") as handle:
        return {row["code"]: row["nom"] for row in csv.DictReader(handle)}


@cache
def _communes() -> pd.DataFrame:
    return pd.read_csv(REFERENCE / "communes.csv", dtype=str)


def communes_of(code: str) -> pd.DataFrame:
    """The communes (INSEE code, name) of a département, COG 2018."""
    table = _communes()
    return table[table["departement"] == code][["code", "nom"]].reset_index(drop=True)
