"""Step 6 — pre-coding the sampled ads by rules on their French text.

Each rule suggests a value of the codebook (`instrument/codebook.yaml`, section V-A-4 for
the network indices) from the words of the ad; the coder confirms or corrects it. A
suggestion is never the final code: its precision and recall, measured against the
synthetic world's truth, say how far it can be trusted.
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

import pandas as pd
import yaml

CODEBOOK = Path(__file__).resolve().parent / "instrument" / "codebook.yaml"

# Section V-A-4: « de passage », « dans votre ville pour une semaine / quelques jours » ou « en vacances »
# (a bare « dans votre ville » says where, not for how long).
PASSING = re.compile(r"de passage|quelques jours|pour une semaine|en vacances|few days", re.I)
ALWAYS = re.compile(r"24\s*h\s*/\s*24|24/7|tout le temps", re.I)
THIRD_PERSON = re.compile(r"\b(?:elle|il) (?:vous|est|propose|attend|re[cç]oit)\b", re.I)
ENGLISH = re.compile(r"\b(?:new in|years old|company|available|call)\b", re.I)
TRANS = re.compile(r"\btrans\b", re.I)
MAN = re.compile(r"\b(homme|il vous|ouvert à|doux et discret|nouveau)\b", re.I)
AGE = re.compile(r"\b(\d{2})\s*(?:ans|years)\b", re.I)
FRENCH = re.compile(r"\bfran[cç]ais(e)?\b", re.I)
FOREIGN = re.compile(r"\b(roumaine?|bulgare|espagnole?|br[ée]silien(ne)?|colombien(ne)?|v[ée]n[ée]zu[ée]lien(ne)?|"
                     r"nig[ée]riane?|chinois(e)?|ukrainien(ne)?|latin[eo]|asiatique|africaine?)\b", re.I)


@cache
def codebook() -> dict:
    """The codebook: profile variables and the network indices of section V-A-4."""
    return yaml.safe_load(CODEBOOK.read_text(encoding="utf-8"))


def _audience(text: str) -> str:
    lowered = text.lower()
    if "couples" in lowered:
        return "hommes_couples"
    if "hommes et femmes" in lowered or "men and women" in lowered:
        return "hommes_femmes"
    if "uniquement pour femmes" in lowered or "for ladies" in lowered:
        return "femmes"
    return "hommes"


def suggest(ads: pd.DataFrame) -> pd.DataFrame:
    """Suggested codes for each ad (title and text), one column per codebook variable."""
    text = (ads["titre"].fillna("") + ". " + ads["texte"].fillna(""))
    english = text.str.contains(ENGLISH)
    ages = text.str.extract(AGE)[0]
    return pd.DataFrame({
        "id_annonce": ads["id_annonce"],
        "sexe_presente": [("trans" if TRANS.search(t) else "homme" if MAN.search(t) else "femme") for t in text],
        "age_declare": pd.to_numeric(ages, errors="coerce").astype("Int64"),
        "origine": ["francaise" if FRENCH.search(t) else "etrangere" if FOREIGN.search(t) else "non_renseignee"
                    for t in text],
        "de_passage": text.str.contains(PASSING).map({True: "oui", False: "non"}),
        "public": text.map(_audience),
        "langue": english.map({True: "anglais", False: "francais"}),
        "personne_grammaticale": text.str.contains(THIRD_PERSON).map({True: "troisieme", False: "premiere"}),
        "disponibilite_24h": text.str.contains(ALWAYS).map({True: "oui", False: "non"}),
    })


def precision_recall(suggested: pd.Series, truth: pd.Series) -> pd.DataFrame:
    """Precision and recall of the suggestions, value by value, against the true codes."""
    rows = []
    for value in sorted(set(truth.dropna()) | set(suggested.dropna()), key=str):
        predicted, actual = suggested == value, truth == value
        hits = int((predicted & actual).sum())
        rows.append({"valeur": value, "suggerees": int(predicted.sum()), "vraies": int(actual.sum()),
                     "precision": hits / predicted.sum() if predicted.sum() else float("nan"),
                     "rappel": hits / actual.sum() if actual.sum() else float("nan")})
    return pd.DataFrame(rows)


QUALITY_VARIABLES = ("sexe_presente", "origine", "de_passage", "public", "langue", "personne_grammaticale",
                     "disponibilite_24h")


def quality(suggestions: pd.DataFrame, truth: pd.DataFrame) -> pd.DataFrame:
    """How good the suggestions are against the true codes, variable by variable: the share
    exactly right, the lowest precision, and the lowest recall with the value it is for."""
    compared = suggestions.merge(truth, on="id_annonce", suffixes=("", "_vrai"))
    rows = []
    for variable in QUALITY_VARIABLES:
        measured = precision_recall(compared[variable], compared[variable + "_vrai"])
        measured = measured[measured["vraies"] > 0]
        weakest = measured.sort_values("rappel", kind="stable").iloc[0]
        rows.append({"variable": variable,
                     "exactitude": float((compared[variable] == compared[variable + "_vrai"]).mean()),
                     "precision_min": float(measured["precision"].min()),
                     "rappel_min": float(weakest["rappel"]), "valeur": weakest["valeur"]})
    true_age = pd.to_numeric(compared["age_declare_vrai"], errors="coerce")
    read_age = compared["age_declare"].astype("float")
    rows.append({"variable": "age_declare",
                 "exactitude": float(((read_age == true_age) | (read_age.isna() & true_age.isna())).mean()),
                 "precision_min": float("nan"), "rappel_min": float("nan"), "valeur": ""})
    return pd.DataFrame(rows)
