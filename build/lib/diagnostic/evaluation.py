"""How good are the estimates of the persons behind the ads? Answers from synthetic worlds.

Only a synthetic world knows who is behind each ad. Two studies:

- `report_estimator_study`: the report's estimate (section II-B: duplicate rate measured
  in the coded sample, persons = ads × (1 − rate)) repeated over many synthetic worlds
  built like the département's (same sites, same mirror groups, same duplicate rate):
  its bias, and how often its interval holds the true number of persons;
- `threshold_effect`: the hand-written rules of the first edition
  (`dedup_rules.link_by_rules`) for a range of near-duplicate thresholds, with the number
  of persons and, if the truth is known, pairwise precision, recall and F1.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
from tqdm import tqdm

from . import dedup, dedup_rules, sampling
from .synthetic.internet import ads_of_persons


def first_ads(ads: pd.DataFrame) -> pd.Series:
    """True for the first ad of each person in collection order: the others are duplicates."""
    return ~ads["id_personne"].duplicated()


def report_estimator_study(sites: pd.DataFrame, duplicate_rate: float, margin: float, confidence: float,
                           proportion: float, worlds: int, seed: int, missed_duplicates: float = 0.0,
                           progress: bool = True) -> pd.DataFrame:
    """The report's estimator over `worlds` synthetic worlds; one row per world.

    In each world the ads are drawn as in step 5 (size, allocation by site, random
    draw) and each sampled ad is coded duplicate or not; a coder misses a true duplicate
    with probability `missed_duplicates`. Columns: true persons, estimate, interval
    bounds, and whether the interval holds the truth.
    """
    total = int(sites["annonces"].sum())
    size = sampling.sample_size(total, margin, confidence, proportion)
    allocation = sampling.allocate(sites, size)
    rows = []
    for world in tqdm(range(worlds), desc="Mondes simulés", disable=not progress, leave=False):
        rng = np.random.default_rng([seed, world])
        ads = ads_of_persons(sites, duplicate_rate, rng)
        ads["doublon"] = ~first_ads(ads)
        drawn = sampling.draw(ads, allocation, seed=int(rng.integers(2**31)))
        coded = drawn["doublon"].to_numpy() & (rng.random(len(drawn)) >= missed_duplicates)
        estimate = dedup.report_estimate(len(ads), len(drawn), int(coded.sum()), confidence)
        truth = int(ads["id_personne"].nunique())
        rows.append({"monde": world, "annonces": len(ads), "vraies_personnes": truth,
                     "estimation": estimate["personnes"], "bas": estimate["personnes_bas"],
                     "haut": estimate["personnes_haut"],
                     "couvre": estimate["personnes_bas"] <= truth <= estimate["personnes_haut"]})
    return pd.DataFrame(rows)


def study_summary(study: pd.DataFrame) -> dict:
    """Mean relative bias, mean relative error, coverage of the interval, mean width."""
    error = (study["estimation"] - study["vraies_personnes"]) / study["vraies_personnes"]
    return {"mondes": int(len(study)), "biais_relatif": float(error.mean()),
            "erreur_relative_moyenne": float(error.abs().mean()), "couverture": float(study["couvre"].mean()),
            "largeur_moyenne": float((study["haut"] - study["bas"]).mean())}


def threshold_effect(ads: pd.DataFrame, thresholds, truth: pd.Series | None = None,
                     progress: bool = True) -> pd.DataFrame:
    """Persons found by the linkage for each near-duplicate threshold (and scores vs truth).

    `truth`, aligned with `ads`, holds each ad's true person when it is known.
    """
    rows = []
    for threshold in tqdm(list(thresholds), desc="Seuils", disable=not progress, leave=False):
        persons, _ = dedup_rules.link_by_rules(ads, near_threshold=float(threshold))
        row = {"seuil": float(threshold), "personnes": int(persons["id_personne"].nunique())}
        if truth is not None:
            row.update(dedup.pairwise_scores(persons["id_personne"], truth))
        rows.append(row)
    return pd.DataFrame(rows)
