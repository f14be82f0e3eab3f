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
from .synthetic.internet import publication_owners


def first_ads(ads: pd.DataFrame) -> pd.Series:
    """True for the first ad of each person in collection order: the others are duplicates."""
    return ~ads["id_personne"].duplicated()


def light_world_layout(sites: pd.DataFrame) -> tuple[pd.DataFrame, np.ndarray, np.ndarray]:
    """The publications of a light world and where each is displayed, as arrays.

    The layout of `synthetic.internet.ads_of_persons`, computed once for every simulated
    world: one publication per ad, except a mirror group's ads, published once and shown
    on every member site. Returns the publications (with `affichages`), and for each
    displayed ad, before shuffling, its publication and its site (row of `sites`).
    """
    groups = sites["groupe_miroir"].fillna("") if "groupe_miroir" in sites else pd.Series("", index=sites.index)
    rows = np.arange(len(sites))
    counts = sites["annonces"].to_numpy(dtype=np.int64)
    shown_on, displays = [], []
    for _, members in pd.Series(rows[groups.to_numpy() != ""]).groupby(groups[groups != ""].to_numpy()):
        members = members.to_numpy()
        shown_on += [members] * int(counts[members[0]])
        displays += [len(members)] * int(counts[members[0]])
    own = rows[groups.to_numpy() == ""]
    own_postings = np.repeat(own, counts[own])
    displays = np.concatenate([np.array(displays, dtype=np.int64), np.ones(len(own_postings), dtype=np.int64)])
    site_of_ad = np.concatenate([np.concatenate(shown_on) if shown_on else np.array([], dtype=np.int64), own_postings])
    posting_of_ad = np.repeat(np.arange(len(displays)), displays)
    return pd.DataFrame({"affichages": displays}), posting_of_ad, site_of_ad


def report_estimator_study(sites: pd.DataFrame, duplicate_rate: float, margin: float, confidence: float,
                           proportion: float, worlds: int, seed: int, missed_duplicates: float = 0.0,
                           progress: bool = True) -> pd.DataFrame:
    """The report's estimator over `worlds` synthetic worlds; one row per world.

    In each world the ads are drawn as in step 5 (size, allocation by site, random
    draw: `sampling.draw`'s generator for each site) and each sampled ad is coded
    duplicate or not; a coder misses a true duplicate with probability
    `missed_duplicates`. Columns: true persons, estimate, interval bounds, and whether the
    interval holds the truth.

    Each world is the light world of `synthetic.internet.ads_of_persons` (same random
    draws, same worlds), built on arrays: a world of 50 000 ads costs milliseconds, so
    that the study grows with the number of worlds, not with worlds × ads × sites.
    """
    total = int(sites["annonces"].sum())
    size = sampling.sample_size(total, margin, confidence, proportion)
    allocation = sampling.allocate(sites, size)
    postings, posting_of_ad, site_of_ad = light_world_layout(sites)
    row_of_site = {site: k for k, site in enumerate(sites["site"])}
    to_draw = [(site, row_of_site[site], int(n)) for site, n in zip(allocation["site"], allocation["echantillon"]) if n]
    rows = []
    for world in tqdm(range(worlds), desc="Mondes simulés", disable=not progress, leave=False):
        rng = np.random.default_rng([seed, world])
        owner, persons = publication_owners(postings, duplicate_rate, rng)
        shuffled = rng.permutation(len(site_of_ad))
        person, site = owner[posting_of_ad][shuffled], site_of_ad[shuffled]
        duplicate = np.ones(len(person), dtype=bool)
        duplicate[np.unique(person, return_index=True)[1]] = False   # a person's first ad is not a duplicate
        order = np.argsort(site, kind="stable")                      # each site's ads, in collection order
        starts = np.searchsorted(site[order], np.arange(len(sites) + 1))
        draw_seed = int(rng.integers(2**31))
        drawn = []
        for name, k, n in to_draw:
            on_site = order[starts[k]:starts[k + 1]]
            if n > len(on_site):
                raise ValueError(f"site {name!r}: {n} ads to draw, only {len(on_site)} listed")
            drawn.append(on_site[np.sort(sampling.site_generator(draw_seed, name).choice(len(on_site), size=n,
                                                                                          replace=False))])
        drawn = np.concatenate(drawn) if drawn else np.array([], dtype=np.int64)
        coded = duplicate[drawn] & (rng.random(len(drawn)) >= missed_duplicates)
        estimate = dedup.report_estimate(len(person), len(drawn), int(coded.sum()), confidence)
        rows.append({"monde": world, "annonces": len(person), "vraies_personnes": persons,
                     "estimation": estimate["personnes"], "bas": estimate["personnes_bas"],
                     "haut": estimate["personnes_haut"],
                     "couvre": estimate["personnes_bas"] <= persons <= estimate["personnes_haut"]})
    return pd.DataFrame(rows)


def study_summary(study: pd.DataFrame) -> dict:
    """Mean relative bias, mean relative error, coverage of the interval, mean width."""
    error = (study["estimation"] - study["vraies_personnes"]) / study["vraies_personnes"]
    return {"mondes": int(len(study)), "biais_relatif": float(error.mean()),
            "erreur_relative_moyenne": float(error.abs().mean()), "couverture": float(study["couvre"].mean()),
            "largeur_moyenne": float((study["haut"] - study["bas"]).mean())}


def threshold_effect(ads: pd.DataFrame, thresholds, truth: pd.Series | None = None) -> pd.DataFrame:
    """Persons found by the linkage for each near-duplicate threshold (and scores vs truth).

    `truth`, aligned with `ads`, holds each ad's true person when it is known.
    """
    rows = []
    thresholds = list(thresholds)
    for threshold, persons in zip(thresholds, dedup_rules.persons_by_threshold(ads, thresholds)):
        row = {"seuil": float(threshold), "personnes": int(persons.nunique())}
        if truth is not None:
            row.update(dedup.pairwise_scores(persons, truth))
        rows.append(row)
    return pd.DataFrame(rows)
