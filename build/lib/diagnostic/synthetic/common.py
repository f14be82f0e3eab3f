"""Building blocks of the synthetic world: quotas, fiction phone numbers, French spellings."""

from __future__ import annotations

import numpy as np


# Blocks of 10,000 numbers that ARCEP reserves for fiction (unreachable), as national prefixes.
FICTION_BLOCKS = ("0639 98", "0199 00", "0261 91", "0353 01", "0465 71", "0536 49")
FICTION_PREFIXES = tuple(block.replace(" ", "") for block in FICTION_BLOCKS)  # 6 digits each


def assign_by_quota(weights: np.ndarray, shares: dict, rng: np.random.Generator) -> np.ndarray:
    """Give each unit a category so that the weighted shares match `shares` closely.

    Units are put in random order and laid end to end on [0, 1] by weight; a unit takes
    the category whose cumulative share covers its midpoint (systematic allocation). Each
    category's weighted share is then within one unit's weight of its target.
    """
    categories = list(shares)
    targets = np.array([shares[c] for c in categories], dtype=float)
    targets = targets / targets.sum()
    weights = np.asarray(weights, dtype=float)
    order = rng.permutation(len(weights))
    cumulative = np.cumsum(weights[order])
    total = cumulative[-1] if len(cumulative) else 0.0
    midpoints = (cumulative - weights[order] / 2) / (total or 1.0)
    chosen = np.searchsorted(np.cumsum(targets), midpoints, side="right")
    chosen = np.minimum(chosen, len(categories) - 1)
    result = np.empty(len(weights), dtype=object)
    result[order] = np.array(categories, dtype=object)[chosen]
    return result


def assign_flag(weights: np.ndarray, share: float, rng: np.random.Generator) -> np.ndarray:
    """Boolean version of `assign_by_quota`: True for a weighted share `share` of units."""
    if share <= 0:
        return np.zeros(len(weights), dtype=bool)
    return assign_by_quota(weights, {True: share, False: max(0.0, 1 - share)}, rng).astype(bool)


def fiction_numbers(count: int, rng: np.random.Generator, prefix: str = "063998") -> list[str]:
    """`count` distinct 10-digit national numbers of one fiction block (at most 10,000)."""
    if count > 10_000:
        raise ValueError("a fiction block holds 10,000 numbers")
    suffixes = rng.choice(10_000, size=count, replace=False)
    return [f"{prefix}{s:04d}" for s in suffixes]


def spell_phone(national: str, style: int) -> str:
    """A 10-digit national number written as people write it in ads."""
    pairs = [national[i:i + 2] for i in range(0, 10, 2)]
    styles = (
        " ".join(pairs),                       # 06 39 98 12 34
        national,                              # 0639981234
        ".".join(pairs),                       # 06.39.98.12.34
        "+33 " + national[1] + " " + " ".join(pairs[1:]),  # +33 6 39 98 12 34
        "+33" + national[1:],                  # +33639981234
        "-".join(pairs),                       # 06-39-98-12-34
        "0" + national[1] + " " + national[2:6] + " " + national[6:],  # 06 3998 1234
    )
    return styles[style % len(styles)]


NUMBER_WORDS = {1: "une", 2: "deux", 3: "trois", 4: "quatre", 5: "cinq", 6: "six", 7: "sept",
                8: "huit", 9: "neuf", 10: "dix", 12: "douze", 15: "quinze", 20: "vingt"}
