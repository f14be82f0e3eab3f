"""Step 7 — from ads to persons: linking the ads that are about the same person.

Section II-B of the report estimates the persons behind the ads from a duplicate rate
measured by hand in the coded sample (61 % in Pas-de-Calais, so 273 persons behind 699
ads). This module links the whole corpus instead, and says why for every link:

- the same phone number (pseudonymised) → the same person;
- the same text word for word under the same pseudonym (reposts, mirror sites) → the same
  person;
- nearly the same text (Jaccard similarity of word-pair shingles), the same pseudonym and
  the same declared commune, when the phones do not contradict it → the same person (two
  phones one digit apart are taken as a typo, since pseudonym, commune and text agree);
- phones that differ only in their last two digits are a **network index** (section
  V-A-4), not a link: a network is several persons, never merged into one.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pandas as pd

from .coding import hypergeometric_interval
from .communes import normalise as normalise_commune
from .spreadsheets import write_csv
from .text import without_accents

NEAR_THRESHOLD = 0.5   # Jaccard similarity of word-pair shingles for two texts to be "close"


def _words(text: str) -> list[str]:
    return re.findall(r"\w+", without_accents(str(text)).lower())


def _shingles(text: str, size: int = 2) -> set[str]:
    words = _words(text)
    return {" ".join(words[i:i + size]) for i in range(max(1, len(words) - size + 1))}


class _Links:
    """Union–find over the ads, keeping the reason of every link."""

    def __init__(self, n: int):
        self.parent = list(range(n))
        self.reasons: list[tuple[int, int, str]] = []

    def root(self, i: int) -> int:
        while self.parent[i] != i:
            self.parent[i] = self.parent[self.parent[i]]
            i = self.parent[i]
        return i

    def link(self, i: int, j: int, reason: str) -> None:
        a, b = self.root(i), self.root(j)
        if a != b:
            self.parent[a] = b
            self.reasons.append((i, j, reason))


def link(ads: pd.DataFrame, near_threshold: float = NEAR_THRESHOLD) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Link the ads of a pseudonymised collection sheet (`ads.read_ads`) into persons.

    Returns (ads with `id_personne`, links with `id_annonce_a`, `id_annonce_b`, `raison`).
    """
    n = len(ads)
    links = _Links(n)
    phones = ads["telephone_pseudo"].fillna("").to_numpy()
    pseudos = ads["pseudo_pseudo"].fillna("").to_numpy()
    texts = (ads["titre"].fillna("") + " " + ads["texte"].fillna("")).to_numpy()
    neighbours = [set(filter(None, keys.split(";"))) for keys in ads.get("voisins_pseudo", pd.Series([""] * n)).fillna("")]

    for positions in pd.Series(range(n)).groupby(phones).groups.values():
        positions = list(positions)
        if phones[positions[0]]:
            for other in positions[1:]:
                links.link(positions[0], other, "même téléphone")

    # Word for word the same text under the same pseudonym: a repost or a mirror site. (A
    # network's template, its pseudonyms masked, can be word for word the same for two persons.)
    normalised = [" ".join(_words(t)) for t in texts]
    for positions in pd.Series(range(n)).groupby([normalised, pseudos]).groups.values():
        positions = list(positions)
        for other in positions[1:]:
            links.link(positions[0], other, "texte identique, même pseudo (republication ou site miroir)")

    # Near-identical texts are compared only within the same pseudonym and the same declared
    # commune (blocking): a repost keeps both, and this keeps a large corpus tractable.
    shingles = [_shingles(text) for text in normalised]
    places = ads["commune_declaree"].fillna("").map(normalise_commune).to_numpy()
    blocks = pd.Series(range(n)).groupby([pseudos, places]).groups
    for (pseudo, _), positions in blocks.items():
        positions = list(positions)
        if not pseudo or len(positions) < 2:
            continue
        for a_index, k in enumerate(positions):
            for other in positions[a_index + 1:]:
                union = len(shingles[k] | shingles[other])
                similarity = len(shingles[k] & shingles[other]) / union if union else 0.0
                if similarity < near_threshold:
                    continue
                if phones[k] and phones[other] and phones[k] != phones[other]:
                    if neighbours[k] & neighbours[other]:
                        links.link(k, other, f"texte proche ({similarity:.2f}), même pseudo et même commune, "
                                             "téléphone à un chiffre près (faute de frappe)")
                    continue
                links.link(k, other, f"texte proche ({similarity:.2f}), même pseudo et même commune")

    roots = [links.root(i) for i in range(n)]
    numbering = {r: f"P{k + 1:05d}" for k, r in enumerate(dict.fromkeys(roots))}
    persons = ads.assign(id_personne=[numbering[r] for r in roots])
    ids = ads["id_annonce"].to_numpy()
    table = pd.DataFrame([{"id_annonce_a": ids[i], "id_annonce_b": ids[j], "raison": reason}
                          for i, j, reason in links.reasons], columns=["id_annonce_a", "id_annonce_b", "raison"])
    return persons, table


def network_indices(ads: pd.DataFrame) -> pd.DataFrame:
    """Groups of ads whose phones differ only in their last two digits (section V-A-4)."""
    with_prefix = ads[ads["prefixe_pseudo"].fillna("") != ""]
    groups = with_prefix.groupby("prefixe_pseudo").agg(annonces=("id_annonce", "size"),
                                                       telephones=("telephone_pseudo", "nunique"))
    return groups[groups["telephones"] > 1].reset_index()


def pairwise_scores(predicted: pd.Series, truth: pd.Series) -> dict:
    """Pairwise precision, recall and F1 of a clustering of ads against the true persons."""
    def pairs(labels):
        sizes = labels.value_counts()
        return int((sizes * (sizes - 1) // 2).sum())

    both = pd.DataFrame({"p": predicted.to_numpy(), "t": truth.to_numpy()})
    true_positive = pairs(both["p"] + "|" + both["t"].astype(str))
    predicted_pairs, true_pairs = pairs(both["p"]), pairs(both["t"].astype(str))
    precision = true_positive / predicted_pairs if predicted_pairs else 1.0
    recall = true_positive / true_pairs if true_pairs else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"precision": precision, "rappel": recall, "f1": f1}


def write_outputs(persons: pd.DataFrame, links: pd.DataFrame, folder: str | Path) -> dict:
    """Write `annonces_personnes.csv`, `liens.csv` and `resume.json` into `folder`."""
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    write_csv(persons[["id_annonce", "id_personne"]], folder / "annonces_personnes.csv")
    write_csv(links, folder / "liens.csv")
    summary = {"annonces": int(len(persons)), "personnes": int(persons["id_personne"].nunique()),
               "taux_doublons": round(1 - persons["id_personne"].nunique() / len(persons), 4) if len(persons) else 0.0,
               "liens_par_raison": links["raison"].str.split(" \\(").str[0].value_counts().to_dict()}
    (folder / "resume.json").write_text(json.dumps(summary, ensure_ascii=False, indent=2), encoding="utf-8")
    return summary


def persons_from_duplicate_rate(ads: int, rate: float) -> int:
    """The report's rule (section II-B): persons = ads × (1 − duplicate rate), rounded.

    699 ads and a rate of 61 % give 273 persons.
    """
    return round(ads * (1 - rate))


def report_estimate(ads: int, coded: int, duplicates: int, confidence: float = 0.95) -> dict:
    """The report's estimate of the persons behind the ads, with an interval carried through.

    `coded` ads of the sample were checked, `duplicates` of them were found to repeat an
    ad collected before. The rate's interval is exact for a sample drawn without
    replacement among the `ads` (hypergeometric); persons = ads × (1 − rate) maps its
    upper bound to the lower bound of the persons, and back.
    """
    rate = duplicates / coded if coded else float("nan")
    low, high = hypergeometric_interval(duplicates, coded, ads, confidence)
    return {"annonces": ads, "codees": coded, "doublons": duplicates, "taux": rate, "taux_bas": low, "taux_haut": high,
            "personnes": ads * (1 - rate), "personnes_bas": ads * (1 - high), "personnes_haut": ads * (1 - low)}
