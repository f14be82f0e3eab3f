"""Commune names as ads and people write them, matched to INSEE codes (COG 2018).

"Hénin-Beaumont", "henin beaumont", "HENIN-BEAUMONT", "62110 Hénin-Beaumont", "St Omer":
the same communes. Names are compared after removing a leading postcode, accents, case,
hyphens and apostrophes, and expanding "St"/"Ste"; short forms ("Boulogne") go through an
alias table given in the parameters; a name shared by several communes of the
département is flagged ambiguous; every unmatched name is listed with its count, for the
user to resolve in a corrections file (section III-D of the report: ads sorted by the
town they declare).
"""

from __future__ import annotations

import re
from pathlib import Path

import pandas as pd
from pydantic import BaseModel, ConfigDict, Field
from rapidfuzz import fuzz, process

from .params import communes_of
from .tables import read_rows
from .text import without_accents

# Machine-readable statuses (the `diagnostic communes` output), and their French labels.
MATCHED, AMBIGUOUS, UNMATCHED = "matched", "ambiguous", "unmatched"
STATUS_LABELS = {MATCHED: "trouvée", AMBIGUOUS: "ambiguë (plusieurs communes)", UNMATCHED: "inconnue"}
_POSTCODE = re.compile(r"^\s*\d{5}\s+|\s+\(?\d{5}\)?\s*$")


def normalise(name: str) -> str:
    """The comparison key of a commune name: "62300 St-Omer" → "saint omer"."""
    text = _POSTCODE.sub("", str(name))
    text = without_accents(text).lower()
    text = re.sub(r"[-'’.]", " ", text)
    text = re.sub(r"\bste\b", "sainte", text)
    text = re.sub(r"\bst\b", "saint", text)
    return re.sub(r"\s+", " ", text).strip()


class Correction(BaseModel):
    model_config = ConfigDict(extra="ignore")

    saisie: str = Field(min_length=1)
    code_insee: str = Field(pattern=r"^(\d{5}|2[AB]\d{3})$")


def read_corrections(path: str | Path) -> dict[str, str]:
    """A user's corrections: written name → INSEE code (columns saisie, code_insee)."""
    table = read_rows(path, Correction, required=("saisie", "code_insee"), unique="saisie")
    return {normalise(s): c for s, c in zip(table["saisie"], table["code_insee"])}


def match(names: pd.Series, departement: str, aliases: dict[str, str] | None = None,
          corrections: dict[str, str] | None = None) -> pd.DataFrame:
    """Each written name with its INSEE code, official name and status.

    Status: "matched" (one commune), "ambiguous" (several communes share the name: resolve
    it in the corrections file), "unmatched" (no commune of the département).
    """
    communes = communes_of(departement)
    keys = communes["nom"].map(normalise)
    by_key = communes.groupby(keys)["code"].agg(list).to_dict()
    official = dict(zip(communes["code"], communes["nom"]))
    alias_keys = {normalise(short): normalise(full) for short, full in (aliases or {}).items()}
    fixed = corrections or {}

    def one(name: str) -> tuple[str, str]:
        key = normalise(name)
        if key in fixed:
            return fixed[key], MATCHED
        key = alias_keys.get(key, key)
        codes = by_key.get(key, [])
        if len(codes) == 1:
            return codes[0], MATCHED
        return "", AMBIGUOUS if codes else UNMATCHED

    results = [one(n) for n in names.fillna("")]
    codes = [code for code, _ in results]
    return pd.DataFrame({"saisie": names.to_numpy(), "code_insee": codes,
                         "commune": [official.get(c, "") for c in codes],
                         "statut": [status for _, status in results]})


def unmatched(matches: pd.DataFrame, departement: str) -> pd.DataFrame:
    """Names left unmatched or ambiguous, most frequent first, for the corrections file,
    each with the closest commune name as a suggestion (fuzzy matching, to be checked)."""
    left = matches[matches["statut"] != MATCHED]
    table = (left.groupby(["saisie", "statut"]).size().rename("annonces").reset_index()
             .sort_values(["annonces", "saisie"], ascending=[False, True]).reset_index(drop=True))
    names = communes_of(departement)
    keys = names["nom"].map(normalise).tolist()
    suggestions = []
    for written in table["saisie"]:
        best = process.extractOne(normalise(written), keys, scorer=fuzz.ratio, score_cutoff=75)
        suggestions.append(f"{names['nom'].iloc[best[2]]} ({names['code'].iloc[best[2]]})" if best else "")
    return table.assign(suggestion=suggestions)
