"""Commune names as ads and people write them, matched to INSEE codes (COG 2018).

"Hénin-Beaumont", "henin beaumont", "HENIN-BEAUMONT", "62110 Hénin-Beaumont", "St Omer",
"Le Portel" and "Portel", "Noeux les Mines", "Lens (62)", "Lens centre", "Arras Cedex 9":
the same communes. Names are compared after removing postcodes, accents, ligatures, case,
hyphens and apostrophes, and expanding "St"/"Ste"; the official names carry their article
("Le Portel", see `reference/LISEZMOI.md`) and a name typed without it still matches. Short
forms ("Boulogne") go through an alias table given in the parameters; a postcode alone, or
beside a name shared by several communes, designates the communes it serves; Paris, Lyon
and Marseille arrondissements are counted in their commune (the maps are drawn by commune).
A name shared by several communes of the département is flagged ambiguous with every
candidate, never resolved silently; every unmatched name is listed with its count, for the
user to resolve in a corrections file (section III-D of the report: ads sorted by the
town they declare).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import pandas as pd
from pydantic import BaseModel, ConfigDict, Field
from rapidfuzz import fuzz, process

from .territories import REFERENCE, communes_of, departements
from .tables import read_rows
from .text import without_accents

# Machine-readable statuses (the `diagnostic communes` output), and their French labels.
MATCHED, AMBIGUOUS, UNMATCHED = "matched", "ambiguous", "unmatched"
STATUS_LABELS = {MATCHED: "trouvée", AMBIGUOUS: "ambiguë (plusieurs communes)", UNMATCHED: "inconnue"}
_POSTCODE = re.compile(r"(?<!\d)(\d{5})(?!\d)")
_LIGATURES = str.maketrans({"œ": "oe", "Œ": "OE", "æ": "ae", "Æ": "AE"})
_ARTICLE = re.compile(r"^(?:le|la|les|l|aux|las|los) ")
# What people add after a commune's name: "(62)", "centre", "gare", "Centre-Ville", "Cedex 9".
_QUALIFIERS = re.compile(r"(?: (?:cedex(?: \d{1,2})?|centre ville|hyper centre|centre|gare|ville|"
                         r"\d{1,3}|2a|2b|et environs|et alentours|environs|alentours))+$")
_DISTRICT = re.compile(r"^(paris|lyon|marseille) (\d{1,2}) ?(?:er|e|eme|ieme|em|d)?(?: arrondissement| arr)?$")


def normalise(name: str) -> str:
    """The comparison key of a commune name: "62300 St-Omer" → "saint omer", "Nœux" → "noeux"."""
    text = without_accents(str(name).translate(_LIGATURES)).lower()
    text = _POSTCODE.sub(" ", text)
    text = re.sub(r"\bs/", " sur ", text)
    text = re.sub(r"[^a-z0-9]+", " ", text)
    text = re.sub(r"\bste\b", "sainte", text)
    text = re.sub(r"\bst\b", "saint", text)
    return re.sub(r"\s+", " ", text).strip()


def without_article(key: str) -> str:
    """A key without its leading article: "le portel" → "portel", "l abergement" → "abergement"."""
    return _ARTICLE.sub("", key)


@cache
def postcodes() -> dict[str, tuple[str, ...]]:
    """Postcode → the INSEE codes it serves (La Poste, base officielle des codes postaux):
    COG 2018 communes, and the arrondissements of Paris, Lyon and Marseille."""
    table = pd.read_csv(REFERENCE / "codes_postaux.csv", dtype=str)
    return {code: tuple(group) for code, group in table.groupby("code_postal")["code_insee"]}


@cache
def municipal_arrondissements() -> pd.DataFrame:
    """Paris, Lyon and Marseille arrondissements: code, name ("Paris 15e Arrondissement"), commune."""
    return pd.read_csv(REFERENCE / "arrondissements_municipaux.csv", dtype=str).set_index("code")


@cache
def official_names(level: str = "communes") -> dict[str, str]:
    """INSEE code → official name of every commune or arrondissement of France (`reference/`)."""
    table = pd.read_csv(REFERENCE / f"{level}.csv", dtype=str)
    return dict(zip(table["code"], table["nom"]))


def served_communes(postcode: str) -> tuple[str, ...]:
    """The COG 2018 communes a postcode serves (an arrondissement of Paris, Lyon or
    Marseille: its commune)."""
    arrondissements = municipal_arrondissements()
    codes = [arrondissements.loc[c, "commune"] if c in arrondissements.index else c for c in postcodes().get(postcode, ())]
    return tuple(dict.fromkeys(codes))


def postcodes_given_as_insee(codes: pd.Series, names: pd.Series) -> dict[int, tuple[str, ...]]:
    """Rows whose INSEE code is a postcode (62300 for Lens, 62498): position → the communes
    that postcode serves.

    A code that is no commune's is a postcode; so is one whose commune name (when given)
    names a commune the postcode serves and not the code's own. Once one row is, every
    code that is also a postcode is read as one (a column holds one kind of code), unless
    its name is that of the code's own commune.
    """
    own = official_names()

    def is_named(name, code: str) -> bool:
        return isinstance(name, str) and without_article(normalise(name)) == without_article(normalise(own[code]))

    proven, suspect = {}, {}
    for position, (code, name) in enumerate(zip(codes, names)):
        served = served_communes(code) if isinstance(code, str) else ()
        if not served or (code in own and is_named(name, code)):
            continue
        if code not in own or any(is_named(name, c) for c in served):
            proven[position] = tuple(c for c in served if is_named(name, c)) or served
        else:
            suspect[position] = served
    return {**proven, **suspect} if proven else {}


@dataclass(frozen=True)
class Found:
    """The communes a written name designates, and how they were found (French, for users)."""

    codes: tuple[str, ...] = ()
    precision: str = ""


class _Index:
    """A département's communes by comparison key, with and without their article."""

    def __init__(self, departement: str):
        communes = communes_of(departement)
        self.names = dict(zip(communes["code"], communes["nom"]))
        keys = communes["nom"].map(normalise)
        self.full = communes.groupby(keys)["code"].agg(tuple).to_dict()
        self.bare = communes.groupby(keys.map(without_article))["code"].agg(tuple).to_dict()
        self.departement_key = normalise(departements().get(departement, ""))

    def by_name(self, key: str) -> tuple[str, ...]:
        """Typed with its article: that commune first; else every commune of that name,
        with or without an article ("Vergne": La Vergne and Vergné)."""
        if key != without_article(key) and key in self.full:
            return self.full[key]
        return self.bare.get(without_article(key), ())

    def district(self, key: str) -> Found:
        """"Paris 15e", "Lyon 3ème", "Marseille 8": the arrondissement's commune."""
        found = _DISTRICT.match(key)
        if not found:
            return Found()
        names = municipal_arrondissements()["nom"].map(normalise)
        codes = names.index[names.str.fullmatch(rf"{found[1]} {int(found[2])}(?:er|e) arrondissement")]
        return self.arrondissement(codes[0]) if len(codes) and self.has_arrondissement(codes[0]) else Found()

    def has_arrondissement(self, code: str) -> bool:
        return municipal_arrondissements().loc[code, "commune"] in self.names

    def arrondissement(self, code: str) -> Found:
        row = municipal_arrondissements().loc[code]
        return Found((row["commune"],), f"arrondissement municipal {row['nom']} ({code}), compté dans la "
                                       f"commune {self.names[row['commune']]}")

    def by_postcode(self, postcode: str) -> tuple[str, ...]:
        """The département's communes served by a postcode (an arrondissement: its commune)."""
        arrondissements = municipal_arrondissements()
        codes = [arrondissements.loc[c, "commune"] if c in arrondissements.index else c
                 for c in postcodes().get(postcode, ())]
        return tuple(dict.fromkeys(c for c in codes if c in self.names))

    def without_qualifiers(self, key: str) -> str:
        """"lens centre ville", "arras cedex 9", "lens 62", "lens pas de calais" → the name."""
        if self.departement_key and key.endswith(" " + self.departement_key):
            key = key[: -len(self.departement_key) - 1]
        return _QUALIFIERS.sub("", key)

    def find(self, written: str, aliases: dict[str, str]) -> Found:
        """The communes a name designates (see the module's docstring)."""
        key = normalise(written)
        postcode = _POSTCODE.search(str(written))
        for candidate in dict.fromkeys((key, self.without_qualifiers(key))):
            candidate = aliases.get(candidate, candidate)
            found = self.district(candidate)
            if found.codes:
                return found
            codes = self.by_name(candidate) if candidate else ()
            if codes:
                return self.with_postcode(codes, postcode[1] if postcode else None)
        if postcode and not self.without_qualifiers(key):
            return self.postcode_alone(postcode[1])
        return Found()

    def with_postcode(self, codes: tuple[str, ...], postcode: str | None) -> Found:
        """A name's communes; a postcode written beside a shared name picks its commune,
        an arrondissement's postcode beside its city's name says which arrondissement."""
        served = postcodes().get(postcode, ()) if postcode else ()
        district = [c for c in served if c in municipal_arrondissements().index
                    and municipal_arrondissements().loc[c, "commune"] in codes]
        if len(codes) == 1 and len(district) == 1:
            return self.arrondissement(district[0])
        narrowed = tuple(c for c in codes if c in self.by_postcode(postcode)) if postcode else ()
        if len(codes) > 1 and len(narrowed) == 1:
            return Found(narrowed, f"nom partagé par {len(codes)} communes, départagé par le code postal {postcode}")
        return Found(codes)

    def postcode_alone(self, postcode: str) -> Found:
        served = postcodes().get(postcode, ())
        if len(served) == 1 and served[0] in municipal_arrondissements().index and self.has_arrondissement(served[0]):
            return self.arrondissement(served[0])
        codes = self.by_postcode(postcode)
        return Found(codes, f"d'après le code postal {postcode}" if len(codes) == 1 else "")

    def candidates(self, codes: tuple[str, ...]) -> str:
        return "plusieurs communes : " + ", ".join(f"{self.names[c]} ({c})" for c in codes)


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
    """Each written name with its INSEE code, official name, status and how it was found.

    Status: "matched" (one commune), "ambiguous" (several communes share the name: resolve
    it in the corrections file; `precision` lists them), "unmatched" (no commune of the
    département). `precision` also says when a postcode or an arrondissement decided.
    """
    index = _Index(departement)
    alias_keys = {normalise(short): normalise(full) for short, full in (aliases or {}).items()}
    fixed = corrections or {}

    def one(name: str) -> tuple[str, str, str]:
        if normalise(name) in fixed:
            return fixed[normalise(name)], MATCHED, "corrigée (fichier de corrections)"
        found = index.find(name, alias_keys)
        if len(found.codes) == 1:
            return found.codes[0], MATCHED, found.precision
        if found.codes:
            return "", AMBIGUOUS, found.precision or index.candidates(found.codes)
        return "", UNMATCHED, ""

    results = [one(n) for n in names.fillna("")]
    codes = [code for code, _, _ in results]
    return pd.DataFrame({"saisie": names.to_numpy(), "code_insee": codes,
                         "commune": [index.names.get(c, "") for c in codes],
                         "statut": [status for _, status, _ in results],
                         "precision": [precision for _, _, precision in results]})


def unmatched(matches: pd.DataFrame, departement: str) -> pd.DataFrame:
    """Names left unmatched or ambiguous, most frequent first, for the corrections file:
    an ambiguous name with its candidates, an unmatched one with the closest commune name
    as a suggestion (fuzzy matching, to be checked)."""
    left = matches[matches["statut"] != MATCHED]
    table = (left.groupby(["saisie", "statut", "precision"]).size().rename("annonces").reset_index()
             .sort_values(["annonces", "saisie"], ascending=[False, True]).reset_index(drop=True))
    names = communes_of(departement)
    keys = names["nom"].map(normalise).tolist()
    suggestions = []
    for written, candidates in zip(table["saisie"], table["precision"]):
        best = process.extractOne(normalise(written), keys, scorer=fuzz.ratio, score_cutoff=75)
        closest = f"{names['nom'].iloc[best[2]]} ({names['code'].iloc[best[2]]})" if best else ""
        suggestions.append(candidates or closest)
    return table.drop(columns="precision").assign(suggestion=suggestions)
