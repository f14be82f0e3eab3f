"""Step 7 — from ads to persons: linking the ads that are about the same person.

Section II-B of the report estimates the persons behind the ads from a duplicate rate
measured in the coded sample (« de l'ordre de 61 % » in Pas-de-Calais, so 273 persons
behind 699 ads; how a duplicate was recognised, it does not say). This module links the
whole corpus instead (issue 15), and says why for every link:

- fields read from each ad (`adfields`): phones (in their column and in the text), the
  pseudonym, the first name, the age, the height, the description, the commune's INSEE
  code, and the text's word trigrams (MinHash/LSH keys to find candidate pairs at scale);
- the pairs compared: ads sharing a number or a pseudo, by sorted stretches (each ad with
  its neighbours, so that a person's hundreds of reposts make pairs in proportion to
  them), and ads sharing a first name in a commune or a band of their text's signature,
  by stretches too, when no number or pseudo already brings them together (the
  handbook's choices: the report does not say how it recognised a duplicate);
- a Fellegi–Sunter model (Splink, DuckDB embedded) weighs each field's agreement; its m
  and u probabilities are estimated from the ads alone, without labels, every random draw
  seeded; each link lists the fields and the weight each brought;
- links are taken strongest first, but never join ads whose first names, ages, heights or
  eye colours disagree (`ONE_VALUE`, the handbook's choice; two first names only through a
  link of `RENAMED`): one generic field (a shared phone, a common name) cannot glue
  persons together, and a number shared by apparently different persons is a **network
  index** (section V-A-4);
- the persons are a range: sure links only (high bound) versus sure and probable links
  (low bound); probable links go to a review sheet whose decisions are read back.
"""

from __future__ import annotations

import collections
import dataclasses
import json
import logging
import re
import sys
import tempfile
import zlib
from pathlib import Path
from typing import Iterable, Iterator, Literal

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.dataset as ds
import pyarrow.parquet as pq
import duckdb
from splink import DuckDBAPI, Linker, SettingsCreator, block_on
from splink.blocking_rule_library import CustomRule
import splink.comparison_library as cl
from pydantic import BaseModel, ConfigDict, Field

from .groups import DisjointSets
from . import adfields
from .coding import hypergeometric_interval
from .presentation import percent
from .spreadsheets import write_csv, write_workbook
from .tables import read_rows
from .text import in_parts, per_distinct, without_accents

# Match probabilities that make a link "sure" or "probable": the persons behind the ads as a
# range, sure links only versus sure and probable links (issue 15; the handbook's choice:
# section II-B gives one figure, 273 persons, from a duplicate rate of 61 %).
SURE = 0.99
PROBABLE = 0.5
AGE_TOLERANCE = 2          # years between two "close" ages (a level of the age comparison)
AGE_SPREAD = 5             # years between the ages one person's ads declare, at most (see `grouped`)
HEIGHT_TOLERANCE = 2       # centimetres between two "close" heights (a level of the height comparison)
HEIGHT_SPREAD = 3          # centimetres between the heights one person's ads declare, at most (see `grouped`)
SEED = 7                   # every random draw of the model (u sampling)
BANDS, ROWS = 10, 3        # MinHash: 30 hashes, 10 bands of 3 (texts ~60 % alike meet in a band)
BLOCK_LIMIT = 50           # ads sharing a first name + commune key the weights are learnt on, at most
STRETCH = 3                # ads of one stretch of the ads sharing a number or a pseudo (see `_stretched`)
_PRIME = (1 << 61) - 1

# The fields compared, in the order of `liens.csv`, with their French names.
FIELDS = {"telephone": "téléphone", "pseudo": "pseudo", "prenom": "prénom", "age": "âge", "taille": "taille",
          "description": "description", "commune": "commune", "texte": "texte"}


def words(text: str) -> list[str]:
    return re.findall(r"\w+", without_accents(str(text)).lower())


def shingles(text: str, size: int) -> list[str]:
    """The word n-grams of a text (the text itself when it is shorter), without repeats."""
    found = words(text)
    return list(dict.fromkeys(" ".join(found[i:i + size]) for i in range(max(1, len(found) - size + 1))))


class UnionFind(DisjointSets):
    """The ads' groups, keeping the reason of every link that joined two of them."""

    def __init__(self, n: int):
        super().__init__(range(n))
        self.reasons: list[tuple[int, int, str]] = []

    def link(self, i: int, j: int, reason: str) -> None:
        if self.join(j, i):
            self.reasons.append((i, j, reason))


def trigram_hashes(text: str) -> np.ndarray:
    """The distinct hashes (CRC-32) of a text's word trigrams."""
    return np.unique(np.array([zlib.crc32(g.encode("utf-8")) for g in shingles(text, 3)], dtype=np.uint64))


def _signatures(hashes: list[np.ndarray], chunk: int = 20_000) -> np.ndarray:
    """The MinHash signature of each set of trigram hashes (a row of `BANDS * ROWS`
    minima), computed for `chunk` texts at a time; an empty set gives a row of zeros."""
    rng = np.random.default_rng(SEED)
    a = rng.integers(1, _PRIME, size=BANDS * ROWS, dtype=np.uint64)
    b = rng.integers(0, _PRIME, size=BANDS * ROWS, dtype=np.uint64)
    signatures = np.zeros((len(hashes), BANDS * ROWS), dtype=np.uint64)
    for low in range(0, len(hashes), chunk):
        part = [h for h in hashes[low:low + chunk]]
        lengths = np.array([len(h) for h in part])
        rows = np.flatnonzero(lengths) + low
        if not len(rows):
            continue
        values = (np.outer(np.concatenate(part), a) + b) % np.uint64(_PRIME)
        starts = np.concatenate([[0], np.cumsum(lengths)[:-1]])[lengths > 0]
        signatures[rows] = np.minimum.reduceat(values, starts, axis=0)
    return signatures


FINGERPRINT_BITS = 1024   # the bits of a text's trigram fingerprint, in 64-bit integer columns
FINGERPRINT_COLUMNS = [f"empreinte_{k}" for k in range(FINGERPRINT_BITS // 64)]


def fingerprints(hashes: list[np.ndarray]) -> np.ndarray:
    """Each set of trigram hashes as `FINGERPRINT_BITS` bits (a trigram sets the bit of
    its hash), in 64-bit signed integers: the bits of two texts' union are the OR of their
    fingerprints, so the union's size is estimated from them (`_jaccard_at_least`)."""
    lengths = np.array([len(h) for h in hashes])
    prints = np.zeros((len(hashes), FINGERPRINT_BITS // 64), dtype=np.uint64)
    if lengths.sum():
        bit = np.concatenate([h for h in hashes if len(h)]) % np.uint64(FINGERPRINT_BITS)
        rows = np.repeat(np.arange(len(hashes)), lengths)
        np.bitwise_or.at(prints, (rows, (bit // np.uint64(64)).astype(np.int64)), np.uint64(1) << (bit % np.uint64(64)))
    return prints.view(np.int64)


def minhash_bands(hashes: list[np.ndarray]) -> np.ndarray:
    """MinHash/LSH keys of each text's trigram hashes (`trigram_hashes`), one row of `BANDS`
    per text (meaningless for a text without trigrams): two texts that share a key are
    candidates for comparison. Fixed coefficients, so the same keys on every run; each key
    is a band's number and a 60-bit mix of its `ROWS` minima."""
    bands = _signatures(hashes).reshape(len(hashes), BANDS, ROWS)
    mixed = np.zeros((len(hashes), BANDS), dtype=np.uint64)
    for row in range(ROWS):   # a multiply–xor mix, wrapping modulo 2**64
        mixed = (mixed ^ bands[:, :, row]) * np.uint64(0x9E3779B97F4A7C15)
    return (((mixed >> np.uint64(8)) << np.uint64(4)) | np.arange(BANDS, dtype=np.uint64)).astype(np.int64)


def text_keys(texts: list[str]) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """What the model compares of each text (`trigram_hashes`): its number of distinct
    trigrams, its fingerprint (`fingerprints`) and its MinHash/LSH keys (`minhash_bands`)."""
    hashes = [trigram_hashes(text) for text in texts]
    return np.array([len(h) for h in hashes], dtype=np.int64), fingerprints(hashes), minhash_bands(hashes)


def _one_of_alike(ad: np.ndarray, value: np.ndarray, alike: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """The pairs (`ad[k]`, `value[k]`) with one ad kept for each group of ads `alike` (≥ 0:
    same number, pseudo, first name, age and commune, with a number or a pseudo, so already
    compared by their stretches; −1: alike to no other) sharing a value: a first name in a
    commune or a band of text then opens pairs between persons, or numbers, not within one
    person's hundreds of reposts."""
    standing = np.where(alike[ad] >= 0, alike[ad], -1 - ad)
    first = ~pd.DataFrame({"value": value, "standing": standing}).duplicated().to_numpy()
    return ad[first], value[first]


def _name_place_key(prenom: pd.Series, commune: pd.Series, age: pd.Series) -> pd.Series:
    """The first name and the commune, as one key for learning the weights (`trained_model`);
    with the age too when more than `BLOCK_LIMIT` ads share them (a common name in a large
    town), and no key when even the age leaves more than `BLOCK_LIMIT`: the pairs learnt
    from stay in proportion to the ads. (The pairs scored come from `_stretched`.)"""
    known = prenom.notna() & commune.notna()
    key = prenom.fillna("") + "|" + commune.fillna("")
    big = key.map(key[known].value_counts()).fillna(0) > BLOCK_LIMIT
    key = key.where(~big, key + "|" + age.map(lambda x: "" if x != x else str(int(x))))
    key = key.where(known & ~(big & age.isna()), None)
    return key.where(key.map(key.value_counts()).fillna(0) <= BLOCK_LIMIT, None)


def _keys_per_ad(n_ads: int, ad: np.ndarray, key: np.ndarray) -> pd.Series:
    """The keys of each of `n_ads` ads as lists (possibly empty), from pairs (`ad[k]`, `key[k]`),
    in one Arrow list column (no Python list per ad: a million ads have tens of millions of keys)."""
    order = np.argsort(ad, kind="stable")
    offsets = np.r_[0, np.cumsum(np.bincount(ad, minlength=n_ads))].astype(np.int32)
    lists = pa.ListArray.from_arrays(pa.array(offsets), pa.array(np.asarray(key, dtype=np.int64)[order]))
    return pd.Series(pd.arrays.ArrowExtensionArray(lists))


def _likeness_rank(likeness: pd.DataFrame) -> np.ndarray:
    """Each ad's rank when the ads are sorted by the columns of `likeness` in order (then by
    their own order): alike ads get neighbouring ranks."""
    codes = [pd.factorize(likeness[column], sort=True)[0] for column in reversed(likeness.columns)]
    rank = np.empty(len(likeness), dtype=np.int64)
    rank[np.lexsort([np.arange(len(likeness)), *codes])] = np.arange(len(likeness))
    return rank


def _stretched(ad: np.ndarray, value: np.ndarray, rank: np.ndarray) -> pd.Series:
    """Each ad's blocking keys (a list, possibly empty) for the values it has (numbers,
    pseudos, a first name in a commune, bands of text): `ad[k]` has `value[k]`; `rank`
    (`_likeness_rank`) sorts alike ads together.

    The ads sharing a value are sorted by `rank` and cut into stretches of `STRETCH`
    ads; each ad is compared with the ads of its own stretch and of the two next to it (the
    « sorted neighbourhood » of record linkage). Up to two stretches, every pair is
    compared; beyond, a person's hundreds of reposts over a long collection, or a network's
    switchboard, make pairs in proportion to their ads, not to their square. The stretches
    overlap, so ads that sort together stay joined to each other whatever their number; one
    person's ads sort together (same first name, age, pseudo), a network's persons apart.
    A key is the value's number times 2**32 plus the stretch's.
    """
    values = pd.factorize(value)[0].astype(np.int64)
    shared = np.bincount(values, minlength=1)[values] > 1   # a value of one ad opens no pair
    values, ad = values[shared], ad[shared]
    order = np.lexsort([rank[ad], values])   # by value, then alike ads together
    values, ad = values[order], ad[order]
    first = np.r_[True, values[1:] != values[:-1]] if len(values) else np.zeros(0, dtype=bool)
    position = np.arange(len(values)) - np.maximum.accumulate(np.where(first, np.arange(len(values)), 0))
    stretch = position // STRETCH
    key = (values << 32) | stretch
    later = stretch > 0
    return _keys_per_ad(len(rank), np.r_[ad, ad[later]], np.r_[key, key[later] - 1])


def stretch_pairs(n_ads: int) -> pd.DataFrame:
    """Which pairs of `n_ads` ads sharing one number, in their sorted order, are compared
    (`_stretched`'s keys; chapter 7's picture): columns `rang_a`, `rang_b` (1 to `n_ads`) and
    `comparaison` (« même tronçon » — the same keys —, « tronçons voisins » — one key in
    common — or « non comparées »)."""
    keys = _stretched(np.arange(n_ads), np.zeros(n_ads, dtype=np.int64), np.arange(n_ads)).tolist()
    return pd.DataFrame([{"rang_a": a + 1, "rang_b": b + 1,
                          "comparaison": "même tronçon" if keys[a] == keys[b] else "tronçons voisins"
                          if set(keys[a]) & set(keys[b]) else "non comparées"}
                         for a in range(n_ads) for b in range(n_ads)])


BAND_COLUMNS = [f"bande_{k}" for k in range(BANDS)]   # an ad's MinHash bands, read by `blocking_keys`


def ad_fields(ads: pd.DataFrame, departement: str | None = None, aliases: dict[str, str] | None = None,
              first_id: int = 0) -> pd.DataFrame:
    """The fields of each ad that the model compares, from the ad alone (`ads.read_ads`
    columns in), with its text's MinHash bands (`BAND_COLUMNS`) for `blocking_keys`; the
    ads are numbered (`unique_id`) from `first_id`.

    Each distinct text is cut into trigrams once (a million ads repeat their texts)."""
    texts = (ads["titre"].fillna("") + " " + ads["texte"].fillna(""))
    codes, distinct = pd.factorize(texts)
    distinct_trigrams, distinct_prints, distinct_bands = (np.concatenate(parts) for parts in
                                                          zip(*in_parts(text_keys, distinct.tolist())))
    phones = per_distinct(lambda p, t: sorted(set(([p] if p else []) + [k for k in t.split(";") if k])),
                          ads["telephone_pseudo"].fillna(""), ads["telephones_texte"].fillna(""))
    neighbours = per_distinct(lambda v, t: sorted({k for k in (v + ";" + t).split(";") if k}),
                              ads["voisins_pseudo"].fillna(""), ads["voisins_texte"].fillna(""))
    blank = lambda column: ads[column].fillna("").replace("", None).astype(object).to_numpy()  # noqa: E731
    # a pseudo that is only a first name agrees whenever the first names do: compared once, as the first name
    pseudo = np.where(ads["pseudo_prenom"].fillna(False).to_numpy(dtype=bool), None, blank("pseudo_pseudo"))
    places, written = pd.factorize(ads["commune_cle"].fillna(""))
    codes_of = np.array(adfields.commune_codes(list(written), departement, aliases), dtype=object)
    commune = pd.Series(codes_of[places] if len(places) else [], dtype=object).replace("", None)
    # each distinct description read once
    described = per_distinct(lambda words: adfields.compared_description(words.split()), ads["description"].fillna(""))
    return pd.DataFrame({
        "unique_id": np.arange(first_id, first_id + len(ads)),
        "telephone": blank("telephone_pseudo"),
        "telephones": phones, "voisins": neighbours,
        "pseudo": pseudo, "prenom": blank("prenom_pseudo"),
        "age": ads["age"].astype(float).to_numpy(),
        "taille": ads["taille"].astype(float).to_numpy(),
        **{f"description_{k}": np.array([bits[k] for bits, *_ in described], dtype=np.int64) for k in (0, 1)},
        "traits": np.array([bits for _, bits, *_ in described], dtype=np.int64),
        **{trait: [values[k] or None for _, _, *values in described]
           for k, trait in enumerate(adfields.EXCLUSIVE_TRAITS)},
        "commune": commune.to_numpy(),
        "n_trigrammes": distinct_trigrams[codes],
        **dict(zip(FINGERPRINT_COLUMNS, distinct_prints[codes].T)),
        **dict(zip(BAND_COLUMNS, distinct_bands[codes].T)),
    })


KEY_COLUMNS = ["prenom_commune", "blocs_prenom_commune", "bandes", "blocs_telephone", "blocs_pseudo"]


def blocking_keys(fields: pd.DataFrame) -> pd.DataFrame:
    """The keys that bring candidate pairs together (`KEY_COLUMNS`, one row per ad), from
    the fields of the whole corpus (`ad_fields`, rows in `unique_id` order): they depend on
    every ad (the ads sharing a value, sorted alike together, `_stretched`)."""
    blank = lambda column: pd.Series(fields[column].to_numpy(dtype=object), dtype=object)  # noqa: E731
    prenom, pseudo, telephone, commune = (blank(column) for column in ("prenom", "pseudo", "telephone", "commune"))
    age = pd.Series(fields["age"].to_numpy(dtype=float))
    likeness = pd.DataFrame({"prenom": prenom, "age": age, "pseudo": pseudo, "commune": commune})
    numbered = pd.Series(fields["telephones"].to_numpy(dtype=object)).explode().dropna()
    named = pseudo.dropna()
    identified = telephone.notna() | pseudo.notna()
    alike = np.where(identified, likeness.assign(telephone=telephone).groupby(
        ["telephone", *likeness.columns], dropna=False, sort=False).ngroup().to_numpy(), -1)
    rank = _likeness_rank(likeness)
    known = (prenom.notna() & commune.notna()).to_numpy()
    name_place = (prenom + "|" + commune)[known].to_numpy()
    texted = np.flatnonzero(fields["n_trigrammes"].to_numpy() > 0)
    bands = fields[BAND_COLUMNS].to_numpy()[texted].ravel()
    return pd.DataFrame({
        "prenom_commune": _name_place_key(prenom, commune, age).to_numpy(),
        "blocs_prenom_commune": _stretched(*_one_of_alike(np.flatnonzero(known), name_place, alike), rank),
        "bandes": _stretched(*_one_of_alike(np.repeat(texted, BANDS), bands, alike), rank),
        "blocs_telephone": _stretched(numbered.index.to_numpy(), numbered.to_numpy(), rank),
        "blocs_pseudo": _stretched(named.index.to_numpy(), named.to_numpy(), rank),
    })


def comparable(ads: pd.DataFrame, departement: str | None = None,
               aliases: dict[str, str] | None = None) -> pd.DataFrame:
    """The fields that the model compares and the keys of the candidate pairs, one row per
    ad (`ads.read_ads` columns in): `ad_fields`, then `blocking_keys`."""
    fields = ad_fields(ads, departement, aliases)
    return pd.concat([fields.drop(columns=BAND_COLUMNS), blocking_keys(fields)], axis=1)


# The list functions of the comparisons, in the SQL of each engine (Splink runs them as written).
ENGINES = ("duckdb", "spark")
_SQL = {"duckdb": {"size": "len({0})", "common": "list_intersect({0}, {1})"},
        "spark": {"size": "size({0})", "common": "array_intersect({0}, {1})"}}
DUCKDB_MEMORY = "4GB"     # DuckDB spills to disk beyond this (the whole run stays within 8 GiB at a million ads)
TRAINING_ADS = 200_000    # ads the weights are learnt on, at most (a national corpus: a seeded sample)
RANDOM_PAIRS = 2e6        # random pairs of ads the u are estimated on, at most
PREDICTED_ADS = 500_000   # ads whose pairs are scored at once, at most
DUCKDB_THREADS = 2        # for the predictions; the training sums on one thread, in the same order every run


def _sql(engine: str, function: str, *columns: str) -> str:
    return _SQL[engine][function].format(*columns)


def _jaccard_at_least(share: float) -> str:
    """Two texts' trigrams have a Jaccard similarity of `share` or more, in SQL.

    The union's size is estimated from the bits its fingerprint sets (linear counting:
    u = −M ln(1 − bits/M) for M bits), the intersection is then the two sizes minus the
    union, and J ≥ s reads |A| + |B| ≥ (1 + s) u. Within a few trigrams of the exact count
    for ads' texts, and a few operations per pair instead of intersecting two lists. (DuckDB
    counts a column's bits in a signed byte: the counts are summed as integers.)
    """
    bits = " + ".join(f"CAST(bit_count({c}_l | {c}_r) AS INTEGER)" for c in FINGERPRINT_COLUMNS)
    union = f"-{FINGERPRINT_BITS} * ln(greatest(1 - ({bits}) / {FINGERPRINT_BITS}.0, 1e-9))"
    return f"n_trigrammes_l + n_trigrammes_r >= {1 + share} * ({union})"


NOT_FILLED = "non renseigné"
NOTHING_TO_COMPARE = "non renseignée ou sans trait commun"   # a description absent, or of other traits


def _null(column: str, engine: str = "duckdb", array: bool = False) -> dict:
    test = (f"({_sql(engine, 'size', column + '_l')} = 0 OR {_sql(engine, 'size', column + '_r')} = 0)" if array
            else f"({column}_l IS NULL OR {column}_r IS NULL)")
    return {"sql_condition": test, "label_for_charts": NOT_FILLED, "is_null_level": True}


# A common value of these weighs less than a rare one when two ads agree on it (term-frequency
# adjustment): a first name or a pseudo many persons use, a large town.
TERM_FREQUENCY = ("pseudo", "prenom", "commune")


def _exact(column: str, same: str, different: str) -> cl.CustomComparison:
    """Two levels, `same` (its weight adjusted to the value's frequency for `TERM_FREQUENCY`)
    and `different`, beside the field not filled in."""
    tf = {"tf_adjustment_column": column, "tf_adjustment_weight": 1.0} if column in TERM_FREQUENCY else {}
    return cl.CustomComparison(output_column_name=column, comparison_levels=[
        _null(column), {"sql_condition": f"{column}_l = {column}_r", "label_for_charts": same, **tf},
        {"sql_condition": "ELSE", "label_for_charts": different}])


# Same first name and commune, the pairs the phone's weight is learnt on (the key
# `prenom_commune` refines the largest groups by the age); naming both columns, the
# training by expectation maximisation leaves them out.
NAME_AND_PLACE = "l.prenom_commune = r.prenom_commune AND l.prenom = r.prenom AND l.commune = r.commune"


def settings(engine: str = "duckdb") -> SettingsCreator:
    """The Fellegi–Sunter model: eight comparisons, their levels from sure to different,
    in the SQL of `engine` (the same model on DuckDB or Spark).

    A common pseudo, first name or commune weighs less than a rare one (term-frequency
    adjustment): one generic field cannot glue persons together alone.
    """
    shared = lambda left, right: f"{_sql(engine, 'size', _sql(engine, 'common', left, right))} > 0"  # noqa: E731
    # A pair sharing the sheet's number or a pseudo is compared within their stretches (`_stretched`),
    # not again for its first name and commune or its text: a person's hundreds of reposts are not
    # paired all.
    elsewhere = "NOT coalesce(l.telephone = r.telephone OR l.pseudo = r.pseudo, false)"
    phone = cl.CustomComparison(output_column_name="telephone", comparison_levels=[
        _null("telephones", engine, array=True),
        {"sql_condition": shared("telephones_l", "telephones_r"), "label_for_charts": "même numéro"},
        {"sql_condition": shared("voisins_l", "voisins_r"), "label_for_charts": "numéros à un chiffre près"},
        {"sql_condition": "ELSE", "label_for_charts": "numéros différents"}])
    age = cl.CustomComparison(output_column_name="age", comparison_levels=[
        _null("age"), {"sql_condition": "age_l = age_r", "label_for_charts": "même âge"},
        {"sql_condition": f"abs(age_l - age_r) <= {AGE_TOLERANCE}", "label_for_charts": "âges proches"},
        {"sql_condition": "ELSE", "label_for_charts": "âges différents"}])
    height = cl.CustomComparison(output_column_name="taille", comparison_levels=[
        _null("taille"), {"sql_condition": "taille_l = taille_r", "label_for_charts": "même taille"},
        {"sql_condition": f"abs(taille_l - taille_r) <= {HEIGHT_TOLERANCE}", "label_for_charts": "tailles proches"},
        {"sql_condition": "ELSE", "label_for_charts": "tailles différentes"}])
    # two descriptions that speak of different things (hair in one, eyes in the other) say
    # nothing, like an absent one; those that speak of the same things agree, in part, or not
    description = cl.CustomComparison(output_column_name="description", comparison_levels=[
        {"sql_condition": "(traits_l & traits_r) = 0",
         "label_for_charts": NOTHING_TO_COMPARE, "is_null_level": True},
        {"sql_condition": " OR ".join(f"{t}_l <> {t}_r" for t in adfields.EXCLUSIVE_TRAITS),
         "label_for_charts": "couleurs des yeux ou des cheveux différentes"},
        {"sql_condition": " OR ".join("(" + " AND ".join(f"(description_{k}_l & description_{k}_r) = description_{k}_{side}"
                                                          for k in (0, 1)) + ")" for side in "lr"),
         "label_for_charts": "descriptions compatibles"},
        {"sql_condition": " OR ".join(f"(description_{k}_l & description_{k}_r) <> 0" for k in (0, 1)),
         "label_for_charts": "descriptions en partie communes"},
        {"sql_condition": "ELSE", "label_for_charts": "descriptions différentes"}])
    text = cl.CustomComparison(output_column_name="texte", comparison_levels=[
        {"sql_condition": "(n_trigrammes_l = 0 OR n_trigrammes_r = 0)", "label_for_charts": NOT_FILLED,
         "is_null_level": True},
        {"sql_condition": _jaccard_at_least(0.8), "label_for_charts": "textes presque identiques"},
        {"sql_condition": _jaccard_at_least(0.5), "label_for_charts": "textes proches"},
        {"sql_condition": _jaccard_at_least(0.25), "label_for_charts": "textes en partie communs"},
        {"sql_condition": "ELSE", "label_for_charts": "textes différents"}])
    return SettingsCreator(
        link_type="dedupe_only", unique_id_column_name="unique_id",
        comparisons=[phone, _exact("pseudo", "même pseudo", "pseudos différents"),
                     _exact("prenom", "même prénom", "prénoms différents"), age, height, description,
                     _exact("commune", "même commune", "communes différentes"), text],
        blocking_rules_to_generate_predictions=[
            block_on("blocs_telephone", arrays_to_explode=["blocs_telephone"]),
            block_on("blocs_pseudo", arrays_to_explode=["blocs_pseudo"]),
            CustomRule(f"l.blocs_prenom_commune = r.blocs_prenom_commune AND {elsewhere}",
                       arrays_to_explode=["blocs_prenom_commune"]),
            CustomRule(f"l.bandes = r.bandes AND {elsewhere}", arrays_to_explode=["bandes"])],
        retain_intermediate_calculation_columns=True, additional_columns_to_retain=[])


SPARK_MISSING = ("le moteur « spark » demande pyspark (pip install 'diagnostic[spark]') et Java 17 ou plus ; "
                 "sans eux, « --moteur duckdb » fait le même calcul sur cette machine")


def spark_session():
    """The Spark session of `--moteur spark`: the one `spark-submit` (or PYSPARK_SUBMIT_ARGS)
    configured, on a cluster when its master URL was given; else local mode on every core."""
    try:
        from pyspark.sql import SparkSession
    except ImportError:
        raise RuntimeError(SPARK_MISSING) from None
    builder = SparkSession.builder.appName("diagnostic dedup")
    if not SparkSession.getActiveSession():
        builder = (builder.config("spark.sql.shuffle.partitions", "8").config("spark.driver.memory", "6g")
                   .config("spark.ui.showConsoleProgress", "false"))   # the command says its own progress
    return builder.getOrCreate()


def _database(engine: str, spill: Path):
    """The Splink backend of `engine`; DuckDB writes what exceeds its memory into the
    folder `spill` (its default is the current folder)."""
    if engine == "spark":
        from splink import SparkAPI

        spark = spark_session()
        spark.conf.set("spark.sql.execution.arrow.pyspark.enabled", "true")
        return SparkAPI(spark_session=spark, break_lineage_method="persist", register_udfs_automatically=False)
    return DuckDBAPI(duckdb.connect(config={"threads": 1, "memory_limit": DUCKDB_MEMORY,
                                            "temp_directory": str(spill)}))


# The fields compared (`comparable`): a frame in memory, or a folder of Parquet files on disk
# (`dedup_corpus`, a corpus larger than memory), which the engine reads itself.
Fields = pd.DataFrame | Path


def _registered(database, fields: Fields, engine: str):
    """`fields` as a table of the backend (a Spark data frame on Spark)."""
    if isinstance(fields, Path):
        if engine == "spark":
            return database.register(spark_session().read.parquet(str(fields)))
        view = f"fichiers_{fields.name}"   # our own folders: « champs », « echantillon »
        database._con.execute(f"CREATE VIEW {view} AS SELECT * FROM read_parquet('{_quoted(fields / '*.parquet')}')")
        return database.register(view)
    return database.register(spark_session().createDataFrame(fields) if engine == "spark" else fields)


def _quoted(path: Path) -> str:
    return str(path).replace("'", "''")


def ads_count(fields: Fields) -> int:
    """How many ads `fields` has (a Parquet folder: from the files' metadata)."""
    if isinstance(fields, Path):
        return sum(pq.ParquetFile(part).metadata.num_rows for part in sorted(fields.glob("*.parquet")))
    return len(fields)


def field_columns(fields: Fields, columns: list[str]) -> pd.DataFrame:
    """The `columns` of `fields`, one row per ad."""
    if isinstance(fields, Path):
        return ds.dataset(fields, format="parquet").to_table(columns=columns).to_pandas()
    return fields[columns]


def _training_sample(fields: Fields, n_ads: int, folder: Path) -> Fields:
    """`TRAINING_ADS` of the `n_ads` ads of `fields` drawn at random (seeded), in their
    order; from a Parquet folder, written into `folder` as a Parquet file."""
    drawn = np.sort(pd.RangeIndex(n_ads).to_series().sample(TRAINING_ADS, random_state=SEED).to_numpy())
    if isinstance(fields, pd.DataFrame):
        return fields.iloc[drawn]
    folder.mkdir()
    sample = ds.dataset(fields, format="parquet").to_table(filter=pc.field("unique_id").isin(pa.array(drawn)))
    pq.write_table(sample.sort_by("unique_id"), folder / "echantillon.parquet")
    return folder


def trained_model(fields: Fields, engine: str, spill: Path) -> Linker:
    """The model with its m and u probabilities estimated from the ads alone (no labels).

    u (how often two different persons agree by chance) from random pairs, seeded; m (how
    often one person's ads agree) by expectation maximisation, twice: on the pairs sharing
    a phone number (which estimates every field but the phone), then on the pairs sharing
    a commune and a first name (which estimates the phone's). Each round estimates its
    own u as well, those of the different persons within its pairs, and the model then
    scores with the u of random pairs (`_u_of_random_pairs`), less the agreements of the
    pairs of one person among them (`_u_of_different_persons`). Beyond `TRAINING_ADS` ads,
    the weights are learnt on a seeded random sample of that many ads (each pair of the
    sample is a pair of the corpus, drawn with the same chance) and the model then scores
    the whole corpus.
    """
    database = _database(engine, spill)
    table = _registered(database, fields, engine)
    n_ads = ads_count(fields)
    n_sampled = min(n_ads, TRAINING_ADS)
    sample = table if n_ads <= TRAINING_ADS else _registered(
        database, _training_sample(fields, n_ads, spill / "echantillon"), engine)
    learner = Linker(sample, settings(engine), log_level=logging.ERROR)  # a level absent from a small corpus is no error
    learner.training.estimate_probability_two_random_records_match(
        [block_on("telephone"), block_on("pseudo", "commune")], recall=0.8)
    learner.training.estimate_u_using_random_sampling(max_pairs=RANDOM_PAIRS, seed=SEED)
    for rule in (block_on("telephone"), NAME_AND_PLACE):
        _expectation_maximisation(learner, rule)
    _u_of_random_pairs(learner)
    _u_of_different_persons(learner, min(RANDOM_PAIRS, n_sampled * (n_sampled - 1) / 2))
    _unseen_levels_weigh_next_to_nothing(learner)
    if engine == "duckdb":
        database._con.execute(f"SET threads = {DUCKDB_THREADS}")
    if sample is table:
        return learner
    return Linker(table, learner.misc.save_model_to_json(), log_level=logging.ERROR)


UNSEEN = 1e-6          # u of a level no pair reached in training (Splink's value for a level not observed)
UNSEEN_WEIGHT = 0.01   # bits: the weight of such a level, times its rank among them in its comparison


def _unseen_levels_weigh_next_to_nothing(learner: Linker) -> None:
    """A level that neither the random pairs (u) nor the expectation maximisation (m)
    reached keeps Splink's default m and u, whose ratio says nothing of the ads (on the
    default world, « couleurs des yeux ou des cheveux différentes » weighed +10.0): it
    weighs next to nothing instead, like a field not filled in, until a corpus shows it.
    Each such level of a comparison gets its own hundredths of a bit (+0.01, +0.02…),
    shown as « +0,0 » but distinct from the 0 of a field not filled in, so that the level
    a pair reached is still read back from its weight (`_levels_by_weight`)."""
    for comparison in learner._settings_obj.comparisons:
        unseen = [level for level in comparison.comparison_levels
                  if not level.is_null_level and level._m_probability is None and level._u_probability is None]
        for rank, level in enumerate(unseen, start=1):
            level.u_probability = UNSEEN
            level.m_probability = UNSEEN * 2 ** (rank * UNSEEN_WEIGHT)


def _u_of_random_pairs(learner: Linker) -> None:
    """Each level's u back to its estimate on random pairs, the rounds of expectation
    maximisation's set aside (a level no random pair reached has none).

    A round's u describe the different persons among its own pairs: the ads sharing a
    number include those of a network's persons, who share far more than two persons
    drawn at random (a text, a commune, an age). The round needs them — with the u of
    random pairs fixed, it took these pairs for one person's and learnt that one person's
    ads often give different first names, ages or descriptions (on the eighth corpus,
    2 000 ads, « descriptions différentes » weighed −1.7 bits, −7.8 by the truth's own
    pairs) —, but a pair scored is any two ads of the corpus, whose chance agreement is
    that of random pairs."""
    for comparison in learner._settings_obj.comparisons:
        for level in comparison._comparison_levels_excluding_null:
            level._trained_u_probabilities = [trained for trained in level._trained_u_probabilities
                                              if not str(trained["description"]).startswith("EM")]
            level._u_probability = level._trained_u_median


def _u_of_different_persons(learner: Linker, pairs: float) -> None:
    """Each level's u, estimated on `pairs` random pairs, less the share of those pairs that
    are one person's: u = (a − λ m) / (1 − λ), for a the level's share among the random pairs,
    λ the share of pairs of one person and m the level's among them; no less than the
    sampling's own standard error, √(a / pairs) (below it, the sampling cannot tell u from
    zero; the handbook's choice).

    Splink's sampling takes every random pair for two persons. For most levels the pairs of
    one person are too few among them to matter, but not for a number or a near-identical
    text: two ads drawn at random share one mostly because they are one person's (a person
    reposts the same number tens of times), and the u of « même numéro » was then about λ m,
    whose weight log2(m / u) did little more than cancel the prior log2 λ. Where a is below
    λ m (λ is estimated from the pairs sharing a number or a pseudo and a commune, and may
    be too high: on the default world, « même numéro »), the standard error is the u. The u
    of each comparison still sum to about one (λ and m sum to one over its levels)."""
    settings_ = learner._settings_obj
    share = settings_.core_model_settings.probability_two_random_records_match
    for comparison in settings_.comparisons:
        for level in comparison._comparison_levels_excluding_null:
            random_pairs, one_person = level._u_probability, level._m_probability
            if random_pairs is not None and one_person is not None:
                level._u_probability = max((random_pairs - share * one_person) / (1 - share),
                                           np.sqrt(random_pairs / pairs))


def _expectation_maximisation(learner: Linker, rule) -> None:
    """One round of expectation maximisation on the pairs `rule` selects, its m and u free
    (`_u_of_random_pairs`).

    On a small sheet (a département's first collection: 137 ads in the Maine-et-Loire
    example), a level whose every pair is judged a non-match (or a match) sees its m (or
    its u) probability halve and halve until it reaches zero, which Splink refuses: the
    round is then run again with half as many iterations (down to one), which stops before
    that, from the model as it was before the refused round. A round that succeeds the
    first time is unchanged.
    """
    settings_ = learner._settings_obj
    training, model = settings_.training_settings, settings_.core_model_settings.copy()
    try:
        while True:
            try:
                learner.training.estimate_parameters_using_expectation_maximisation(rule, fix_u_probabilities=False)
                return
            except ValueError as error:
                iterations = settings_.training_settings.max_iterations
                if not ("m_probability" in str(error) or "u_probability" in str(error)) or iterations <= 1:
                    raise
                settings_.core_model_settings = model.copy()   # the session set aside the rule's fields
                settings_.training_settings = dataclasses.replace(training, max_iterations=iterations // 2)
    finally:
        settings_.training_settings = training


def scored_pairs(linker: Linker, ads: int, engine: str = "duckdb", floor: float = PROBABLE) -> pd.DataFrame:
    """The candidate pairs of probability `floor` or more (`PROBABLE`; 0, every candidate pair,
    for bench/bench_plafond.py), and those sharing a number (a network index when the persons
    differ), with the level reached by each field and the weight (log2 of its Bayes factor) it
    brought.

    The pairs of a corpus of `ads` ads are scored by chunks of about `PREDICTED_ADS` ads
    (Splink's chunks of the left ads of the pairs): each chunk's scores are written,
    filtered and dropped before the next, so that they never all wait in memory or on disk.
    Each field's level is read back from the weight it brought (`_levels_by_weight`), so
    the scores carry neither the two ads' fields nor Splink's level columns, which make
    them several times wider (half the scoring time at 300 000 ads); when two levels
    of a field weigh the same (a small sheet), they are asked of Splink."""
    weights = {field: _levels_by_weight(linker, field) for field in FIELDS}
    by_weight = all(weights.values())
    linker._settings_obj._retain_matching_columns = not by_weight   # Splink keeps its levels only with the fields
    same_number = max(_level_labels(linker, "telephone"))
    if by_weight:
        weight = next(w for w, level in weights["telephone"].items() if level == same_number)
        kept = f"match_probability >= {floor} OR abs(mw_telephone - ({weight})) < {WEIGHT_TOLERANCE}"
    else:
        kept = f"match_probability >= {floor} OR gamma_telephone = {same_number}"
    tf = [f"mw_tf_adj_{f}" for f in TERM_FREQUENCY]
    wanted = (["unique_id_l", "unique_id_r", "match_weight", "match_probability"] + [f"mw_{f}" for f in FIELDS]
              + ([] if by_weight else [f"gamma_{f}" for f in FIELDS]) + tf)
    chunks = -(-ads // PREDICTED_ADS)
    parts = []
    for chunk in range(1, chunks + 1):
        if chunks > 1:
            print(f"Paires notées : part {chunk}/{chunks}…", file=sys.stderr, flush=True)
        predicted = linker.inference.predict_chunk(left_chunk=(chunk, chunks))
        if engine == "spark":
            scores = predicted.as_spark_dataframe().filter(kept).select(*wanted).toPandas()
        else:
            scores = predicted.as_duckdbpyrelation().filter(kept).select(*wanted).df()
        predicted.drop_table_from_database_and_remove_from_cache()
        if engine == "spark":
            _spark_cache_of_the_ads_only(linker)
        parts.append(_levelled(scores, linker, weights if by_weight else None))
    table = pd.concat(parts, ignore_index=True)
    del parts
    order = np.lexsort((table["b"].to_numpy(), table["a"].to_numpy(), -table["poids"].to_numpy()))
    for column in table:   # strongest first, a column at a time (forty million pairs at ten million ads)
        table[column] = table[column].array.take(order)
    return table


def _levelled(scores: pd.DataFrame, linker: Linker, weights: dict[str, dict[float, int]] | None) -> pd.DataFrame:
    """One chunk's scores (`scored_pairs`) with each field's level, read from its weight
    when `weights` are given, and its weight with the term-frequency adjustment."""
    table = pd.DataFrame({"a": scores["unique_id_l"].to_numpy(), "b": scores["unique_id_r"].to_numpy(),
                          "poids": scores["match_weight"].to_numpy(), "probabilite": scores["match_probability"].to_numpy()})
    for field in FIELDS:
        weight = scores[f"mw_{field}"].astype(float)
        gamma = (_level_of_weight(weight.to_numpy(), weights[field]) if weights
                 else scores[f"gamma_{field}"].to_numpy())
        if f"mw_tf_adj_{field}" in scores:
            weight = weight + scores[f"mw_tf_adj_{field}"].astype(float).fillna(0.0)
        table[f"poids_{field}"] = weight.round(2).to_numpy()
        labels = _level_labels(linker, field)   # levels numbered from −1 (not filled in) up, one by one
        table[f"niveau_{field}"] = pd.Categorical.from_codes(gamma - min(labels),
                                                             [labels[level] for level in sorted(labels)])
    return table


def _spark_cache_of_the_ads_only(linker: Linker) -> None:
    """Spark keeps what Splink persisted for a chunk (its candidate pairs, its scores) after
    Splink drops their tables: ten million ads in 20 chunks filled 50 GB of disk by the
    eighth. Spark's cache is emptied after each chunk, and the ads' table, which every
    chunk reads, is cached again."""
    spark = spark_session()
    spark.catalog.clearCache()
    if "__splink__df_concat_with_tf" in linker._intermediate_table_cache:
        spark.catalog.cacheTable(linker._intermediate_table_cache["__splink__df_concat_with_tf"].physical_name)


WEIGHT_TOLERANCE = 1e-6   # a level's weight as Splink's SQL writes and reads it back, to within this


def _levels_by_weight(linker: Linker, field: str) -> dict[float, int]:
    """Each level of `field` by the weight (its log2 Bayes factor, before the term-frequency
    adjustment) that the model gives it; empty when two levels weigh the same (to within
    a thousandth), so that the weight does not tell which level a pair reached."""
    comparison = _comparison(linker, field)
    weights = {level._match_weight: level.comparison_vector_value for level in comparison.comparison_levels}
    spread = np.diff(sorted(w for w in weights if w is not None))
    distinct = len(weights) == len(comparison.comparison_levels) and None not in weights and (spread > 1e-3).all()
    return weights if distinct else {}


def _level_of_weight(weight: np.ndarray, levels: dict[float, int]) -> np.ndarray:
    """The level each pair reached, from the weight it brought (`_levels_by_weight`)."""
    known = np.array(sorted(levels))
    nearest = np.abs(weight[:, None] - known[None, :]).argmin(axis=1)
    if len(weight) and not (np.abs(weight - known[nearest]) < WEIGHT_TOLERANCE).all():
        raise ValueError(f"poids hors des niveaux du modèle : {weight[np.abs(weight - known[nearest]) >= WEIGHT_TOLERANCE][:3]}")
    return np.array([levels[w] for w in known])[nearest]


def _comparison(linker: Linker, field: str):
    """The model's comparison of `field` (its levels, their labels and weights)."""
    return next(c for c in linker._settings_obj.comparisons if c.output_column_name == field)


def _level_labels(linker: Linker, field: str) -> dict[int, str]:
    comparison = _comparison(linker, field)
    return {level.comparison_vector_value: level.label_for_charts for level in comparison.comparison_levels}

# The fields of which a person has one value: two groups of ads giving two different values
# are two persons (`grouped`; two first names may be one person renamed, `RENAMED`). Not the
# hair: it is dyed, or a wig, and an ad's « brune » or « blonde » is a sales argument like its
# age; two hair colours weigh against a link through the description's level « couleurs des
# yeux ou des cheveux différentes », as learnt.
ONE_VALUE = ("prenom", "yeux")


# One person under a second first name: a link whose ads share the number, the age and the
# looks (descriptions that agree on a trait they both give), or the number, the age and
# nearly all their words (descriptions compatible, or nothing to compare), joins two groups of
# ads that name the person differently. The report is silent (V-A-4 counts several pseudonyms
# in one ad among a network's incoherences, not one person's ads under two names); the
# handbook's reading: apparently one person, renamed. A network's template under one number for
# several persons changes their ages or looks with their names (V-A-4: ads « apparemment
# relatives à des personnes différentes » with « les mêmes mots ou expressions »), and stays
# apart. Each entry: the levels a link must reach, field by field; one entry is enough.
RENAMED = ({"telephone": ("même numéro",), "age": ("même âge",), "description": ("descriptions compatibles",)},
           {"telephone": ("même numéro",), "age": ("même âge",),
            "description": ("descriptions compatibles", NOTHING_TO_COMPARE), "texte": ("textes presque identiques",)})


def renamed(pairs: pd.DataFrame) -> np.ndarray:
    """Which scored pairs (`scored_pairs`) may join two first names: their levels are those of an entry of `RENAMED`."""
    return np.logical_or.reduce([np.logical_and.reduce([pairs[f"niveau_{field}"].isin(levels).to_numpy()
                                                        for field, levels in entry.items()]) for entry in RENAMED])


def _compatible(group_a: tuple, group_b: tuple, second_name: bool) -> bool:
    """Two groups of ads (their first names, eye colour, ages and heights, as `grouped`
    holds them) can be one person: a first name in common, or none on one side, or a link
    that allows a `second_name` (`RENAMED`); no two eye colours; the ages their ads declare
    within `AGE_SPREAD` years (a declared age is a sales argument that "peut ne pas
    correspondre à la réalité", section IV-A-2, and a person's ads over a long collection
    declare several); and their heights within `HEIGHT_SPREAD` centimetres (a person has one
    height; a few centimetres allow for rounding)."""
    (names_a, eyes_a, ages_a, heights_a), (names_b, eyes_b, ages_b, heights_b) = group_a, group_b
    if names_a and names_b and names_a.isdisjoint(names_b) and not second_name:
        return False
    if eyes_a is not None and eyes_b is not None and eyes_a != eyes_b:
        return False
    return (not max(ages_a[1], ages_b[1]) - min(ages_a[0], ages_b[0]) > AGE_SPREAD
            and not max(heights_a[1], heights_b[1]) - min(heights_a[0], heights_b[0]) > HEIGHT_SPREAD)


def _span(value: float) -> tuple[float, float]:
    """The lowest and highest of one ad's value, empty (+inf, -inf) when it gives none."""
    return (value, value) if value == value else (np.inf, -np.inf)


def _spanned(a: tuple[float, float], b: tuple[float, float]) -> tuple[float, float]:
    return min(a[0], b[0]), max(a[1], b[1])


def grouped(fields: pd.DataFrame, a: np.ndarray, b: np.ndarray, first: int,
            second_name: np.ndarray | None = None) -> tuple[list[int], list[int], list[bool]]:
    """Persons from links taken in order (the `first` ones, the sure links, then the
    others, each set strongest first), never joining two groups of ads whose first names,
    eye colours, ages or heights contradict each other (clusters that do not chain,
    issue 15) — two first names only through a link of `second_name` (`renamed`).

    Returns each ad's group (the index of its first ad) after the `first` links and after
    all, and, per link, whether it holds: a refused link is two persons, not one, whatever
    field they share — a phone shared by ads whose descriptions disagree is a network
    index (section V-A-4), not a merge.
    """
    groups = DisjointSets(range(len(fields)))
    second_name = np.zeros(len(a), dtype=bool) if second_name is None else second_name
    names = fields["prenom"].astype(object).where(fields["prenom"].notna(), None).tolist()
    one_name = {name: frozenset([name]) for name in set(names)} | {None: frozenset()}
    eyes = fields["yeux"].astype(object).where(fields["yeux"].notna(), None).tolist()
    traits = [(one_name[name], eye, _span(age), _span(height)) for name, eye, age, height
              in zip(names, eyes, fields["age"].astype(float).tolist(), fields["taille"].astype(float).tolist())]
    holds, after_first = [], None
    for k, (i, j, renaming) in enumerate(zip(a.tolist(), b.tolist(), second_name.tolist())):
        if k == first:
            after_first = groups.roots(range(len(fields)))
        ri, rj = groups.root(i), groups.root(j)
        if ri == rj:
            holds.append(True)
        elif _compatible(traits[ri], traits[rj], renaming):
            groups.join(ri, rj)
            (names_i, eyes_i, ages_i, heights_i), (names_j, eyes_j, ages_j, heights_j) = traits[ri], traits[rj]
            traits[ri] = (names_i | names_j, eyes_i if eyes_i is not None else eyes_j, _spanned(ages_i, ages_j),
                          _spanned(heights_i, heights_j))
            holds.append(True)
        else:
            holds.append(False)
    after_all = groups.roots(range(len(fields)))
    return after_all if after_first is None else after_first, after_all, holds


def _numbered(groups: list[int]) -> list[str]:
    numbering = {g: f"P{k + 1:05d}" for k, g in enumerate(dict.fromkeys(groups))}
    return [numbering[g] for g in groups]


def _reasons(pairs: pd.DataFrame) -> pd.Series:
    """Each link's fields, with the level reached and its weight: "même numéro (+12,4)".

    A field's words are written once per level and weight met, and joined link by link
    by Arrow: four million links at a million ads."""
    parts = []
    for field in FIELDS:
        level = pairs[f"niveau_{field}"].astype("category").array
        weights, weight_of = pd.factorize(pairs[f"poids_{field}"].to_numpy())
        met, combinations = pd.factorize(level.codes.astype(np.int64) * (len(weight_of) + 1) + weights)
        said = [None if level.categories[code] in (NOT_FILLED, NOTHING_TO_COMPARE)
                else f"{level.categories[code]} ({weight_of[weight]:+.1f})".replace(".", ",")
                for code, weight in zip(*divmod(combinations, len(weight_of) + 1))]
        parts.append(pa.array(said, pa.string()).take(pa.array(met)))
    return pd.Series(pc.binary_join_element_wise(*parts, " ; ", null_handling="skip"), dtype="str")


def _words(levels: pd.Series) -> pd.api.extensions.ExtensionArray:
    """A field's levels (categories) as text, one per link."""
    levels = levels.astype("category").array
    return pd.array(levels.categories, dtype="str").take(levels.codes.astype(np.int64))


LINK_STATUSES = {"sur": "sûr", "probable": "probable", "reseau": "indice de réseau (même numéro, personnes différentes)",
                 "ecarte": "écarté (personnes différentes)", "releve": "relu : même personne",
                 "releve_differente": "relu : personnes différentes"}
STATUS_KEYS = list(LINK_STATUSES)   # a link's status, held as its index in this list
LINK_COLUMNS = (["id_annonce_a", "id_annonce_b", "statut", "poids", "probabilite", "raison"]
                + [f"{kind}_{field}" for field in FIELDS for kind in ("niveau", "poids")])
LINKS_AT_ONCE = 1_000_000   # the links turned into rows of `liens.csv` at once (`Links.parts`)


@dataclasses.dataclass
class Links:
    """The scored pairs of a corpus (`scored_pairs`, strongest first) and each one's status,
    held as numbers — a hundred bytes or so a pair: forty million pairs at ten million ads
    fit in memory, their rows of text would not — and given as the rows of `liens.csv`
    (`table`), all at once or by parts."""

    pairs: pd.DataFrame
    status: np.ndarray   # each pair's status, an index in `STATUS_KEYS`
    ids: np.ndarray      # each ad's `id_annonce`, by the ads' numbers in `pairs` (held as pandas text)

    def __post_init__(self) -> None:
        self.ids = pd.array(self.ids, dtype="str")   # as text once, taken from by every part of `table`

    def __len__(self) -> int:
        return len(self.pairs)

    def table(self, rows=slice(None)) -> pd.DataFrame:
        """The links `rows` (a slice or a mask of the pairs) as rows of `liens.csv`, with the
        ads' ids, the status in words and the reason of each link (`_reasons`)."""
        pairs = self.pairs[rows]
        table = pd.DataFrame({"id_annonce_a": self.ids.take(pairs["a"].to_numpy()),
                              "id_annonce_b": self.ids.take(pairs["b"].to_numpy()),
                              "statut": pd.array(list(LINK_STATUSES.values()), dtype="str").take(
                                  self.status[rows].astype(np.int64)),
                              "poids": pairs["poids"].round(2).to_numpy(),
                              "probabilite": pairs["probabilite"].round(4).to_numpy(),
                              "raison": _reasons(pairs).array})
        for column in LINK_COLUMNS[len(table.columns):]:
            table[column] = _words(pairs[column]) if column.startswith("niveau_") else pairs[column].to_numpy()
        return table

    def parts(self) -> Iterator[pd.DataFrame]:
        """The rows of `liens.csv`, `LINKS_AT_ONCE` at a time (one empty part when there is no link)."""
        parts = max(-(-len(self) // LINKS_AT_ONCE), 1)
        for part in range(parts):
            if parts > 1:
                print(f"Liens mis en lignes : part {part + 1}/{parts}…", file=sys.stderr, flush=True)
            yield self.table(slice(part * LINKS_AT_ONCE, (part + 1) * LINKS_AT_ONCE))

    def of_status(self, key: str) -> pd.DataFrame:
        """The links of one status (a key of `LINK_STATUSES`), as rows of `liens.csv`."""
        return self.table(self.status == STATUS_KEYS.index(key))


def link(ads: pd.DataFrame, departement: str | None = None, aliases: dict[str, str] | None = None,
         decisions: pd.DataFrame | None = None, engine: str = "duckdb") -> tuple[pd.DataFrame, pd.DataFrame]:
    """Link the ads of a pseudonymised collection sheet (`ads.read_ads`) into persons.

    Returns the ads with `id_personne` (sure links only: the estimate, and the high bound
    of the persons) and `id_personne_probable` (sure and probable links: the low bound),
    and the links table of `liens.csv` (`linked_fields`).
    """
    check_engine(engine)
    high, low, links = linked_fields(comparable(ads, departement, aliases), ads["id_annonce"].to_numpy(),
                                     decisions, engine)
    return ads.assign(id_personne=high, id_personne_probable=low), links.table()


def check_engine(engine: str) -> None:
    """Refuse, in French, an engine other than `ENGINES` (before any ad is read)."""
    if engine not in ENGINES:
        raise ValueError(f"moteur « {engine} » inconnu : « duckdb » (intégré) ou « spark » attendu")


def _decided(ids: np.ndarray, a: np.ndarray, b: np.ndarray, decisions: pd.DataFrame) -> np.ndarray:
    """Each pair's decision in `decisions` (`read_review`, either order of its two ads),
    "" when the reviewer left it blank or did not see it."""
    decisions = decisions[decisions["decision"] != ""]
    number = pd.Index(ids)
    left, right = (number.get_indexer(decisions[f"id_annonce_{side}"]) for side in "ab")
    seen = (left >= 0) & (right >= 0)
    pair = lambda x, y: np.minimum(x, y).astype(np.int64) * len(ids) + np.maximum(x, y)  # noqa: E731
    found = pd.Index(pair(left[seen], right[seen])).get_indexer(pair(a, b))
    said = np.append(decisions["decision"].to_numpy(dtype=object)[seen], "")
    return said[found]   # -1, not found, reads the "" appended


def linked_fields(fields: Fields, ids: np.ndarray, decisions: pd.DataFrame | None = None,
                  engine: str = "duckdb") -> tuple[list[str], list[str], Links]:
    """Each ad's person, by sure links and by sure and probable links, and the links, from
    the fields compared (`comparable`, in memory or on disk) of the ads `ids`.

    A Fellegi–Sunter model (Splink, `engine` "duckdb", embedded, or "spark") scores every
    candidate pair; pairs of probability `SURE` or more are sure links, from `PROBABLE`
    probable ones. `decisions` (`read_review`) are a reviewer's answers on probable pairs:
    "meme" makes the link sure, "differente" removes it.
    """
    if len(ids) < 2:
        alone = _numbered(list(range(len(ids))))
        return alone, alone, Links(_no_pairs(), np.zeros(0, dtype=np.int8), ids)
    with tempfile.TemporaryDirectory(prefix="diagnostic-duckdb-") as spill:   # removed even on a stop
        linker = trained_model(fields, engine, Path(spill))
        pairs = scored_pairs(linker, len(ids), engine)
        if engine == "duckdb":
            linker._db_api._con.close()
    code = {key: np.int8(STATUS_KEYS.index(key)) for key in STATUS_KEYS}
    probability = pairs["probabilite"].to_numpy()
    status = np.where(probability >= SURE, code["sur"], np.where(probability >= PROBABLE, code["probable"], -1))
    if decisions is not None and len(decisions):
        said = _decided(ids, pairs["a"].to_numpy(), pairs["b"].to_numpy(), decisions)
        status = np.where(said == "meme", code["releve"], np.where(said == "differente", code["releve_differente"],
                                                                    status))
    high_groups, low_groups, refused = persons_by_links(field_columns(fields, [*ONE_VALUE, "age", "taille"]), pairs,
                                                        (status == code["sur"]) | (status == code["releve"]),
                                                        status == code["probable"])
    phone = (pairs["niveau_telephone"] == "même numéro").to_numpy()
    status = np.where(refused | (status == -1), np.where(phone, code["reseau"], code["ecarte"]), status)
    return _numbered(high_groups), _numbered(low_groups), Links(pairs, status.astype(np.int8), ids)


def persons_by_links(guard: pd.DataFrame, pairs: pd.DataFrame, sure: np.ndarray,
                     probable: np.ndarray) -> tuple[list[int], list[int], np.ndarray]:
    """Each ad's group by the `sure` pairs, and by the sure and `probable` ones (`grouped`,
    the sure pairs first, each set strongest first as `scored_pairs` sorts them, with the
    first names, eye colours, ages and heights of `guard`), and which pairs the guard refused."""
    order = np.argsort(~sure, kind="stable")
    kept = order[sure[order] | probable[order]]
    if len(guard) > PREDICTED_ADS:
        print(f"Annonces réunies en personnes : {len(kept)} liens sûrs ou probables…", file=sys.stderr, flush=True)
    high, low, holds = grouped(guard, pairs["a"].to_numpy()[kept], pairs["b"].to_numpy()[kept], first=int(sure.sum()),
                               second_name=renamed(pairs)[kept])
    refused = np.zeros(len(pairs), dtype=bool)
    refused[kept[~np.array(holds, dtype=bool)]] = True
    return high, low, refused


def _no_pairs() -> pd.DataFrame:
    """The scored pairs of a sheet of fewer than two ads."""
    return pd.DataFrame({"a": np.zeros(0, dtype=np.int64), "b": np.zeros(0, dtype=np.int64), "poids": [],
                         "probabilite": []} | {f"{kind}_{field}": [] for field in FIELDS for kind in ("poids", "niveau")})


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


def networks_merged(labels: pd.Series, truth: pd.DataFrame) -> tuple[int, int]:
    """Of a synthetic world's networks of two persons or more (`truth`: each ad's
    `id_personne` and `id_reseau`, "" for none, in the order of `labels`, each ad's person
    found), how many have two of their persons or more in one person found, and how many
    there are (issue 15's target: networks never merged into one person; the report's
    section V-A-4 lists the indices of a network, not this measure)."""
    ads = pd.DataFrame({"trouvee": labels.to_numpy(), "personne": truth["id_personne"].to_numpy(),
                        "reseau": truth["id_reseau"].fillna("").to_numpy()})
    ads = ads[ads["reseau"] != ""]
    persons = ads.groupby("reseau")["personne"].nunique()
    merged = ads.groupby(["reseau", "trouvee"])["personne"].nunique().groupby(level="reseau").max() > 1
    return int(merged[persons > 1].sum()), int((persons > 1).sum())


PERSON_COLUMNS = ["id_annonce", "id_personne", "id_personne_probable"]   # `annonces_personnes.csv`


def write_outputs(persons: pd.DataFrame, links: Iterable[pd.DataFrame], folder: str | Path) -> dict:
    """Write `annonces_personnes.csv`, `liens.csv` (the links table given in one part or
    several, `Links.parts`) and `resume.json` into `folder`."""
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    write_csv(persons[PERSON_COLUMNS], folder / "annonces_personnes.csv")
    by_status = collections.Counter()
    with open(folder / "liens.csv", "w", encoding="utf-8", newline="") as out:
        for k, part in enumerate(links):
            write_csv(part, out, header=k == 0)
            by_status.update(part["statut"].value_counts().to_dict())
    summary = persons_range(persons) | {
        "taux_doublons": round(1 - persons["id_personne"].nunique() / len(persons), 4) if len(persons) else 0.0,
        "liens_par_statut": dict(by_status.most_common())}
    (folder / "resume.json").write_text(json.dumps(summary, ensure_ascii=False, indent=2), encoding="utf-8")
    return summary


def persons_range(persons: pd.DataFrame) -> dict:
    """The persons behind the ads as a range: sure and probable links (low bound), sure
    links only (high bound, and the estimate: the better of the two on both synthetic
    worlds, `bench/RESULTATS.md`)."""
    low, high = int(persons["id_personne_probable"].nunique()), int(persons["id_personne"].nunique())
    return {"annonces": int(len(persons)), "personnes": high, "personnes_bas": low, "personnes_haut": high}


REVIEW_SHEET = "a_relire"
REVIEW_CHOICES = ["meme", "differente"]
REVIEW_SHOWN = ("site", "commune_declaree", "titre", "texte")   # each ad of a pair, for the reviewer's eyes
REVIEW_ROWS = 50_000   # probable links in the review sheet, at most (a national corpus may have more)


def review_sheet(path: str | Path, ads: pd.DataFrame, links: pd.DataFrame) -> Path:
    """The probable links, for a reviewer to decide (drop-down "meme" / "differente").

    The reviewer sees the two ads as the book may show them (contacts and names masked)
    and the weights of the model; `read_review` reads the decisions back into `link`.
    Beyond `REVIEW_ROWS` probable links (the handbook's choice: more than anyone reviews,
    and an Excel sheet holds a million rows at most), the strongest `REVIEW_ROWS` are
    listed and the sheet says how many are left, all in `liens.csv`.
    """
    probable = for_review(links)
    shown = ads.set_index("id_annonce")[list(REVIEW_SHOWN)]
    table = probable[["id_annonce_a", "id_annonce_b", "probabilite", "raison"]].copy()
    for side in ("a", "b"):
        for column in shown.columns:
            table[f"{column}_{side}"] = shown.loc[table[f"id_annonce_{side}"], column].to_numpy()
    table["decision"] = ""
    left = int((links["statut"] == LINK_STATUSES["probable"]).sum()) - len(probable)
    notice = ["Liens probables entre annonces, à relire (étape 7).",
              "Pour chaque ligne, choisir dans la colonne « decision » : meme (la même personne) "
              "ou differente (deux personnes) ; laisser vide si l'on ne sait pas.",
              "Puis : diagnostic dedup --annonces … --sortie … --decisions ce_fichier.xlsx"]
    if left:
        notice.append(f"Seuls les {len(probable)} liens probables les plus forts sont ici ; les {left} autres "
                      f"sont dans liens.csv (statut « probable »).")
    return write_workbook(path, {REVIEW_SHEET: table}, notice=notice, choices={REVIEW_SHEET: {"decision": REVIEW_CHOICES}})


def for_review(links: pd.DataFrame) -> pd.DataFrame:
    """The probable links the review sheet lists: the `REVIEW_ROWS` strongest."""
    return links[links["statut"] == LINK_STATUSES["probable"]].head(REVIEW_ROWS)


class ReviewDecision(BaseModel):
    model_config = ConfigDict(extra="ignore")

    id_annonce_a: str = Field(min_length=1)
    id_annonce_b: str = Field(min_length=1)
    decision: Literal["meme", "differente"] | None = None


def read_review(path: str | Path) -> pd.DataFrame:
    """A filled review sheet: id_annonce_a, id_annonce_b, decision (meme | differente | "" left blank)."""
    path = Path(path)
    sheet = REVIEW_SHEET if path.suffix.lower() in (".xlsx", ".xlsm") else 0
    shown = ("probabilite", "raison") + tuple(f"{c}_{side}" for side in "ab" for c in REVIEW_SHOWN)
    table = read_rows(path, ReviewDecision, required=("id_annonce_a", "id_annonce_b", "decision"), sheet=sheet,
                      not_read=shown)
    return table.assign(decision=table["decision"].fillna(""))


def persons_from_duplicate_rate(ads: int, rate: float) -> int:
    """The report's rule (section II-B): persons = ads × (1 − duplicate rate), rounded.

    699 ads and a rate of 61 % give 273 persons.
    """
    return round(ads * (1 - rate))


def report_estimate(ads: int, coded: int, duplicates: int, confidence: float = 0.95) -> dict:
    """The report's estimate of the persons behind the ads, with an interval carried through.

    `coded` ads of the sample were checked, `duplicates` of them were found to repeat an
    ad collected before (the handbook's definition of the coded variable `doublon`: the
    report does not say how it recognised a duplicate). The rate's interval is exact for a
    sample drawn without replacement among the `ads` (hypergeometric); persons = ads ×
    (1 − rate) maps its upper bound to the lower bound of the persons, and back.
    """
    rate = duplicates / coded if coded else float("nan")
    low, high = hypergeometric_interval(duplicates, coded, ads, confidence)
    return {"annonces": ads, "codees": coded, "doublons": duplicates, "taux": rate, "taux_bas": low, "taux_haut": high,
            "personnes": ads * (1 - rate), "personnes_bas": ads * (1 - high), "personnes_haut": ads * (1 - low)}


def against_truth(persons: pd.DataFrame, truth: pd.DataFrame, report: dict | None = None) -> pd.DataFrame:
    """Both ways of counting persons behind the ads against the synthetic world's truth
    (`truth`: the true person, `id_personne`, and network, `id_reseau`, of each ad, by
    `id_annonce`): persons found, relative error, and for the linkage the pairwise
    precision, recall and F1, and the networks of several persons of which it puts two
    persons or more in one (`networks_merged`)."""
    ads_truth = truth.loc[persons["id_annonce"]].reset_index(drop=True)
    true_persons = truth["id_personne"].nunique()
    scores = pairwise_scores(persons["id_personne"], ads_truth["id_personne"])
    merged, networks = networks_merged(persons["id_personne"], ads_truth)
    found = persons["id_personne"].nunique()
    rows = [{"methode": "Liaison de toutes les annonces (liens sûrs)", "personnes": found,
             "erreur": (found - true_persons) / true_persons, **scores,
             "reseaux_reunis": merged, "reseaux": networks}]
    if report:
        rows.insert(0, {"methode": "Rapport : taux de doublons de l'échantillon", "personnes": report["personnes"],
                        "erreur": (report["personnes"] - true_persons) / true_persons,
                        "precision": np.nan, "rappel": np.nan, "f1": np.nan, "reseaux_reunis": np.nan, "reseaux": np.nan})
    return pd.DataFrame(rows).assign(vraies_personnes=true_persons)


def waterfall(links: pd.DataFrame, examples: pd.DataFrame) -> pd.DataFrame:
    """The steps of a waterfall chart for a few links: the prior, then each field's weight
    (positive when the field agrees), then the total, with the comparison level of each."""
    names = dict(FIELDS, a_priori="a priori", total="total")
    steps = []
    for rank, link_ in enumerate(examples.itertuples(index=False)):
        name = f"{'Lien sûr' if link_.statut == LINK_STATUSES['sur'] else 'Lien probable'} : " \
               f"{link_.id_annonce_a} et {link_.id_annonce_b}"
        weights = {"a_priori": link_.poids - sum(getattr(link_, f"poids_{c}") for c in FIELDS)}
        weights |= {c: getattr(link_, f"poids_{c}") for c in FIELDS}
        total = 0.0
        for order, (field, weight) in enumerate(weights.items()):
            steps.append({"lien": name, "ordre": order, "etape": names[field], "debut": total, "fin": total + weight,
                          "poids": weight, "sens": "concorde" if weight >= 0 else "diffère",
                          "niveau": "" if field == "a_priori" else getattr(link_, f"niveau_{field}")})
            total += weight
        steps.append({"lien": name, "ordre": len(weights), "etape": names["total"], "debut": 0.0, "fin": total,
                      "poids": total, "sens": "total",
                      "niveau": f"probabilité {percent(link_.probabilite, 1)}"})
    return pd.DataFrame(steps)
