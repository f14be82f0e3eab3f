"""Commune names as people write them, matched to INSEE codes (COG 2018).

"Hénin-Beaumont", "henin beaumont", "HENIN-BEAUMONT", "St Omer": the same commune. Names
are compared after removing accents, case, hyphens and apostrophes, and expanding
"St"/"Ste". A name shared by several communes of the département is ambiguous and left
unmatched.
"""

from __future__ import annotations

import re

import pandas as pd

from .params import communes_of
from .text import without_accents


def normalise(name: str) -> str:
    text = without_accents(str(name)).lower()
    text = re.sub(r"[-'’]", " ", text)
    text = re.sub(r"\bste\b\.?", "sainte", text)
    text = re.sub(r"\bst\b\.?", "saint", text)
    return re.sub(r"\s+", " ", text).strip()


def match(names: pd.Series, departement: str) -> pd.DataFrame:
    """INSEE code and official name of each written name (empty when none or ambiguous)."""
    communes = communes_of(departement)
    keys = communes["nom"].map(normalise)
    unique = keys[~keys.duplicated(keep=False)]
    lookup = dict(zip(unique, communes.loc[unique.index, "code"]))
    official = dict(zip(communes["code"], communes["nom"]))
    codes = names.fillna("").map(lambda n: lookup.get(normalise(n), ""))
    return pd.DataFrame({"saisie": names, "code_insee": codes, "commune": codes.map(lambda c: official.get(c, ""))})
