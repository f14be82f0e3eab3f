"""Two yardsticks for the linkage of step 7 (`dedup.link`), measured side by side in
`bench/bench_liaison.py`: the hand-written rules of the first edition, and a naive
baseline (same phone, or texts sharing most of their word trigrams).
"""

from __future__ import annotations

import pandas as pd

from .communes import normalise as normalise_commune
from .dedup import UnionFind, shingles, words

NEAR_THRESHOLD = 0.5   # Jaccard similarity of word-pair shingles for two texts to be "close"


def link_by_rules(ads: pd.DataFrame, near_threshold: float = NEAR_THRESHOLD) -> tuple[pd.DataFrame, pd.DataFrame]:
    """The hand-written rules of the first edition, kept as the yardstick of `link`
    (`bench/bench_liaison.py`): same phone; same text under the same pseudonym; close
    text, same pseudonym and commune, phones at most one digit apart.

    Returns (ads with `id_personne`, links with `id_annonce_a`, `id_annonce_b`, `raison`).
    """
    return _linked(ads, _candidates(ads), near_threshold)


def persons_by_threshold(ads: pd.DataFrame, thresholds) -> list[pd.Series]:
    """`id_personne` of the rules for each near-duplicate threshold, the ads compared once."""
    candidates = _candidates(ads)
    return [_linked(ads, candidates, float(threshold))[0]["id_personne"] for threshold in thresholds]


def _candidates(ads: pd.DataFrame) -> list[tuple[int, int, float | None, str]]:
    """Every link the rules can make, in their order, with the text similarity of the
    close-text ones (None for the others): what `_linked` keeps depends on the threshold."""
    n = len(ads)
    phones = ads["telephone_pseudo"].fillna("").to_numpy()
    pseudos = ads["pseudo_pseudo"].fillna("").to_numpy()
    texts = (ads["titre"].fillna("") + " " + ads["texte"].fillna("")).to_numpy()
    neighbours = [set(filter(None, keys.split(";"))) for keys in ads.get("voisins_pseudo", pd.Series([""] * n)).fillna("")]
    candidates = []
    for positions in pd.Series(range(n)).groupby(phones).groups.values():
        positions = list(positions)
        if phones[positions[0]]:
            candidates += [(positions[0], other, None, "même téléphone") for other in positions[1:]]

    # Word for word the same text under the same pseudonym: a repost or a mirror site. (A
    # network's template, its pseudonyms masked, can be word for word the same for two persons.)
    normalised = [" ".join(words(t)) for t in texts]
    for positions in pd.Series(range(n)).groupby([normalised, pseudos]).groups.values():
        positions = list(positions)
        candidates += [(positions[0], other, None, "texte identique, même pseudo (republication ou site miroir)")
                       for other in positions[1:]]

    # Near-identical texts are compared only within the same pseudonym and the same declared
    # commune (blocking): a repost keeps both, and this keeps a large corpus tractable.
    pairs = [set(shingles(text, 2)) for text in normalised]
    places = ads["commune_declaree"].fillna("").map(normalise_commune).to_numpy()
    blocks = pd.Series(range(n)).groupby([pseudos, places]).groups
    for (pseudo, _), positions in blocks.items():
        positions = list(positions)
        if not pseudo or len(positions) < 2:
            continue
        for a_index, k in enumerate(positions):
            for other in positions[a_index + 1:]:
                union = len(pairs[k] | pairs[other])
                similarity = len(pairs[k] & pairs[other]) / union if union else 0.0
                if phones[k] and phones[other] and phones[k] != phones[other]:
                    if neighbours[k] & neighbours[other]:
                        candidates.append((k, other, similarity, f"texte proche ({similarity:.2f}), même pseudo et "
                                                                 "même commune, téléphone à un chiffre près (faute de frappe)"))
                    continue
                candidates.append((k, other, similarity, f"texte proche ({similarity:.2f}), même pseudo et même commune"))
    return candidates


def _linked(ads: pd.DataFrame, candidates: list, near_threshold: float) -> tuple[pd.DataFrame, pd.DataFrame]:
    links = UnionFind(len(ads))
    for k, other, similarity, reason in candidates:
        if similarity is None or similarity >= near_threshold:
            links.link(k, other, reason)
    roots = [links.root(i) for i in range(len(ads))]
    numbering = {r: f"P{k + 1:05d}" for k, r in enumerate(dict.fromkeys(roots))}
    persons = ads.assign(id_personne=[numbering[r] for r in roots])
    ids = ads["id_annonce"].to_numpy()
    table = pd.DataFrame([{"id_annonce_a": ids[i], "id_annonce_b": ids[j], "raison": reason}
                          for i, j, reason in links.reasons], columns=["id_annonce_a", "id_annonce_b", "raison"])
    return persons, table


def link_naive(ads: pd.DataFrame, threshold: float = 0.5) -> pd.DataFrame:
    """The naive baseline: the same phone (in its column or in the text), or texts whose
    word-trigram shingles have a Jaccard similarity of at least `threshold` (candidates
    from an inverted index of the shingles). Returns the ads with `id_personne`."""
    n = len(ads)
    links = UnionFind(n)
    phones = [set(filter(None, [p, *t.split(";")])) for p, t in zip(ads["telephone_pseudo"].fillna(""),
                                                                   ads["telephones_texte"].fillna(""))]
    first_with = {}
    for k, keys in enumerate(phones):
        for key in keys:
            links.link(first_with.setdefault(key, k), k, "même téléphone")
    trigrams = [set(shingles(t, 3)) for t in (ads["titre"].fillna("") + " " + ads["texte"].fillna(""))]
    index: dict[str, list[int]] = {}
    for k, grams in enumerate(trigrams):
        for gram in grams:
            index.setdefault(gram, []).append(k)
    for k, grams in enumerate(trigrams):
        shared = pd.Series([o for g in grams for o in index[g] if o > k], dtype=int).value_counts()
        for other, common in shared.items():
            if common / len(grams | trigrams[other]) >= threshold:
                links.link(k, int(other), "textes proches")
    roots = [links.root(i) for i in range(n)]
    numbering = {r: f"P{k + 1:05d}" for k, r in enumerate(dict.fromkeys(roots))}
    return ads.assign(id_personne=[numbering[r] for r in roots])
