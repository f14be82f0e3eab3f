"""Small text helpers shared by the readers and the synthetic world."""

from __future__ import annotations

import re
import unicodedata

import pandas as pd


# The combining accents of the Latin alphabet, removed in one pass (a million ads).
_COMBINING_ACCENTS = re.compile("[\u0300-\u036f]+")


def without_accents(text: str) -> str:
    """"Béthune" → "Bethune": the spelling of many ads and exports (every nonspacing mark removed)."""
    if text.isascii():
        return text
    text = _COMBINING_ACCENTS.sub("", unicodedata.normalize("NFD", text))
    return text if text.isascii() else "".join(c for c in text if unicodedata.category(c) != "Mn")


def per_distinct(function, *columns) -> list:
    """`function(*row)` for every row of the `columns` (equal lengths, no missing values),
    computed once per distinct row: a million ads repeat their numbers, pseudonyms, texts."""
    keys = pd.Series(columns[0], dtype=object) if len(columns) == 1 else pd.MultiIndex.from_arrays(columns)
    codes, distinct = pd.factorize(keys)
    results = [function(value) for value in distinct] if len(columns) == 1 else [function(*row) for row in distinct]
    return [results[code] for code in codes]


def slug(label: str, length: int = 40) -> str:
    """A label as an identifier: "Moins de 15 ans" → "moins_de_15_ans" (lower-case ASCII words)."""
    words = re.findall(r"[a-z0-9]+", without_accents(str(label)).lower())
    return "_".join(words)[:length]
