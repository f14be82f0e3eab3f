"""Multiple systems estimation (capture–recapture) of a hidden population.

Step 3 counts the persons that professionals reported: a floor. When several sources
(fields of activity, or groups of structures) report persons, the overlaps between
their lists say something about the persons none of them saw. This module fits Poisson
log-linear models to the capture histories, as Chan, Silverman & Vincent (2021, JASA)
did for the UK and Dutch estimates of victims of trafficking:

- main effects of each list, then two-list interactions added one at a time, the most
  significant first, while its p-value is below 0.02, and only when the estimate still
  exists and is identifiable (as the R package SparseMSE does);
- estimated total = persons observed + fitted count of the unobserved history 0…0;
- a bootstrap interval that repeats the model selection on every resample, and the
  model-conditional interval beside it, which is too narrow because it ignores that the
  model was chosen from the data (Silverman, Chan & Vincent 2024).
"""

from __future__ import annotations

import itertools
import math
import re
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import pandas as pd
from scipy.optimize import linprog
from scipy.stats import norm, poisson

from .errors import InputError, Problem
from .tables import ORIGINAL_HEADERS, column_letter, read_frame

P_THRESHOLD = 0.02
_MAX_ITERATIONS = 100
_TOLERANCE = 1e-10
_MAX_COEFFICIENT = 30.0  # beyond this, the fit drifts to an infinite estimate
_CERTAIN_MINIMUM = 1e-3  # a smallest cell mean this far above the programme's 1e-9 proves existence


@dataclass
class Estimate:
    """The result of a model selection and fit."""

    lists: list[str]
    observed: int
    estimate: float
    interactions: list[tuple[str, str]]
    conditional_interval: tuple[float, float] = (math.nan, math.nan)
    bootstrap_interval: tuple[float, float] | None = None
    bootstrap_estimates: np.ndarray | None = field(default=None, repr=False)

    def as_dict(self) -> dict:
        result = {"estimate": self.estimate, "observed": self.observed,
                  "unobserved": self.estimate - self.observed, "lists": self.lists,
                  "interactions": [":".join(pair) for pair in self.interactions],
                  "conditional_interval": list(self.conditional_interval)}
        if self.bootstrap_interval is not None:
            result["bootstrap_interval"] = list(self.bootstrap_interval)
            result["bootstrap_replicates"] = int(len(self.bootstrap_estimates))
        return result


def read_captures_file(path: str | Path) -> pd.DataFrame:
    """A capture-history file (CSV or `.xlsx`): one 0/1 column per list and a `count`
    column, each row a history and its number of persons; checked, with the lists named
    as their headers are typed.

    Refused in French, by row and column: a missing `count`, no list, a cell of a list
    other than 0 or 1, a count that is not a whole number, a history on no list with
    persons, no person at all.
    """
    path = Path(path)
    frame = read_frame(path)
    typed = frame.attrs[ORIGINAL_HEADERS]
    found = ", ".join(f"« {typed[c]} »" for c in frame.columns)
    if "count" not in frame.columns:
        raise InputError(path, [Problem("colonne « count » absente", None, "une colonne « count » (nombre de "
                                        f"personnes par historique) ; colonnes trouvées : {found}")])
    lists = [c for c in frame.columns if c != "count"]
    if not lists:
        raise InputError(path, [Problem("colonnes", None, "au moins une colonne de liste (0/1) à côté de « count »")])
    problems = []
    frame = frame[frame.map(str.strip).ne("").any(axis=1)]
    for line, row in zip(frame.index + 2, frame.to_dict("records")):
        for position, name in enumerate(frame.columns):
            cell = row[name].strip()
            place = f"ligne {line}, colonne {column_letter(position)} « {typed[name]} »"
            if name == "count" and not re.fullmatch(r"\d+", cell):
                problems.append(Problem(place, cell, "un nombre entier de personnes, 0 ou plus"))
            elif name != "count" and cell not in ("0", "1"):
                problems.append(Problem(place, cell, "0 (pas sur cette liste) ou 1 (sur cette liste)"))
        if not problems and row["count"].strip() != "0" and all(row[name].strip() == "0" for name in lists):
            problems.append(Problem(f"ligne {line}", row["count"], "des personnes sur au moins une liste (un 1) : "
                                    "personne n'est compté sans avoir été vu"))
    if problems:
        raise InputError(path, problems)
    table = frame.astype(int).rename(columns={c: typed[c] for c in lists})
    table = table[table.drop(columns="count").any(axis=1)].reset_index(drop=True)  # "nobody seen by no list"
    if table["count"].sum() == 0:
        raise InputError(path, [Problem("colonne « count »", "0 partout", "au moins une personne observée")])
    return table


def read_captures(table: pd.DataFrame) -> tuple[list[str], np.ndarray, np.ndarray]:
    """(list names, every observable history as 0/1 rows, their counts, 0 where absent).

    The table has one 0/1 column per list and a `count` column (the shared files' format);
    histories that nobody has are usually left out, and are put back here with count 0.
    """
    lists = [c for c in table.columns if c != "count"]
    histories = np.array(list(itertools.product([0, 1], repeat=len(lists)))[1:], dtype=float)
    counts = dict.fromkeys(map(tuple, histories.astype(int)), 0)
    for row, count in zip(table[lists].to_numpy(dtype=int), table["count"].to_numpy(dtype=int)):
        key = tuple(row)
        if key not in counts:
            raise ValueError(f"l'historique {key} n'est pas une suite de 0 et de 1 avec au moins une liste")
        counts[key] += int(count)
    if sum(counts.values()) == 0:
        raise ValueError("aucune personne observée : toutes les fréquences sont nulles")
    return lists, histories, np.array([counts[tuple(h)] for h in histories.astype(int)], dtype=float)


def _model(histories: np.ndarray, counts: np.ndarray,
           pairs: list[tuple[int, int]]) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Design matrix, counts and kept rows of the model with these two-list terms.

    A pair of lists that no one is on together cannot have a finite interaction: as in
    SparseMSE, its term is left out and the histories with both lists are removed
    (their expected count is zero under that model).
    """
    keep = np.ones(len(histories), dtype=bool)
    terms = []
    for i, j in pairs:
        both = (histories[:, i] == 1) & (histories[:, j] == 1)
        if counts[both].sum() == 0:
            keep &= ~both
        else:
            terms.append((i, j))
    h = histories[keep]
    columns = [np.ones(len(h)), *h.T] + [h[:, i] * h[:, j] for i, j in terms]
    return np.column_stack(columns), counts[keep], keep


def _fit(X: np.ndarray, y: np.ndarray) -> tuple[np.ndarray, np.ndarray] | None:
    """Poisson regression by iteratively reweighted least squares; None if it diverges."""
    mu = y + 0.5
    eta = np.log(mu)
    beta = np.zeros(X.shape[1])
    deviance = np.inf
    seen = y > 0
    seen_or_one = np.where(seen, y, 1)
    for _ in range(_MAX_ITERATIONS):
        z = eta + (y - mu) / mu
        XtW = X.T * mu
        try:
            beta = np.linalg.solve(XtW @ X, XtW @ z)
        except np.linalg.LinAlgError:
            return None
        eta = X @ beta
        if np.abs(beta).max() > _MAX_COEFFICIENT or eta.max() > 50:
            return None
        mu = np.exp(eta)
        new = 2 * (np.where(seen, y * np.log(seen_or_one / mu), 0) - (y - mu)).sum()
        if abs(new - deviance) < _TOLERANCE * (1 + abs(new)):
            break
        deviance = new
    try:
        covariance = np.linalg.inv((X.T * mu) @ X)
    except np.linalg.LinAlgError:
        return None
    return beta, covariance


NO_FINITE_ESTIMATE = ("le modèle à effets principaux n'a pas d'estimation finie (des listes qui ne se recoupent "
                      "jamais, ou trop peu de personnes)")


def estimate_exists(X: np.ndarray, y: np.ndarray, fitted: tuple[np.ndarray, np.ndarray] | None = None) -> bool:
    """Whether the maximum likelihood estimate exists and is identifiable for this model.

    Existence: the linear programme of Fienberg & Rinaldo (2012), as SparseMSE's
    `checkident` sets it: find cell means x ≥ 0 with the observed sufficient statistics
    (Xᵀx = Xᵀy) maximising their smallest value; the estimate is finite only if that
    minimum can be positive. Identifiability: the design has full column rank.

    A fit of this model (`fitted`) can answer without the programme: its fitted means,
    projected on {x : Xᵀx = Xᵀy}, are such cell means, so when their smallest is clearly
    positive the programme's maximum is at least as large and its answer is yes.
    """
    if np.linalg.matrix_rank(X) < X.shape[1]:
        return False
    if fitted is not None:
        mu = np.exp(X @ fitted[0])
        if np.min(mu - X @ np.linalg.solve(X.T @ X, X.T @ (mu - y))) > _CERTAIN_MINIMUM:
            return True
    n = X.shape[0]
    result = linprog(c=np.r_[np.zeros(n), -1.0], A_eq=np.c_[X.T, np.zeros(X.shape[1])], b_eq=X.T @ y,
                     A_ub=np.c_[-np.eye(n), np.ones(n)], b_ub=np.zeros(n), bounds=[(0, None)] * (n + 1),
                     method="highs")
    return bool(result.status == 0 and -result.fun > 1e-9)


def _unobserved(beta: np.ndarray) -> float:
    return float(math.exp(beta[0]))  # the all-zero history: only the intercept


def _overlap_p_values(observed: np.ndarray, expected: np.ndarray) -> np.ndarray:
    """SparseMSE's p-value for adding a pair: the smaller Poisson tail of the number of
    persons on both lists, under the current model; for every candidate pair at once."""
    return np.minimum(poisson.cdf(observed, expected), poisson.sf(observed - 1, expected))


def select_and_fit(lists: list[str], histories: np.ndarray, counts: np.ndarray,
                   p_threshold: float = P_THRESHOLD) -> tuple[list[tuple[int, int]], np.ndarray, np.ndarray]:
    """Stepwise selection of two-list parameters (Chan, Silverman & Vincent 2021; SparseMSE).

    From main effects only, add at each step the pair of lists with the lowest p-value,
    provided it is below `p_threshold` and the model still has an estimate that exists
    and is identifiable.
    """
    pairs = list(itertools.combinations(range(len(lists)), 2))
    both = [(histories[:, i] == 1) & (histories[:, j] == 1) for i, j in pairs]
    overlaps = np.array([counts[on_both].sum() for on_both in both])
    chosen: list[tuple[int, int]] = []
    X, y, keep = _model(histories, counts, chosen)
    fitted = _fit(X, y)
    if fitted is None:
        raise ValueError(NO_FINITE_ESTIMATE)
    beta, covariance = fitted
    while True:
        mu = np.exp(X @ beta)
        candidates = [k for k, pair in enumerate(pairs) if pair not in chosen]
        p = _overlap_p_values(overlaps[candidates], np.array([mu[both[k][keep]].sum() for k in candidates]))
        trial = None
        # the lowest p-value first (ties: the first pair), the first whose estimate exists
        for rank in np.argsort(p, kind="stable"):
            if not p[rank] < p_threshold:
                break
            pair = pairs[candidates[rank]]
            model = _model(histories, counts, chosen + [pair])
            fitted = _fit(*model[:2])
            if estimate_exists(*model[:2], fitted):
                trial = pair, model, fitted
                break
        if trial is None:
            return chosen, beta, covariance
        pair, (trial_X, trial_y, trial_keep), fitted = trial
        if fitted is None:
            return chosen, beta, covariance
        chosen.append(pair)
        X, y, keep = trial_X, trial_y, trial_keep
        beta, covariance = fitted


def estimate(table: pd.DataFrame, p_threshold: float = P_THRESHOLD, confidence: float = 0.95,
             bootstrap: int = 0, seed: int = 0, main_effects_only: bool = False) -> Estimate:
    """Estimate the population size from a capture-history table (0/1 columns + `count`)."""
    lists, histories, counts = read_captures(table)
    X, y = _model(histories, counts, [])[:2]
    if not estimate_exists(X, y, _fit(X, y)):
        # lists that never overlap (a first small collection): the fit would drift to a
        # meaningless "estimate" of billions instead of failing
        raise ValueError(NO_FINITE_ESTIMATE)
    if main_effects_only:
        chosen = []
        fitted = _fit(*_model(histories, counts, chosen)[:2])
        if fitted is None:
            raise ValueError(NO_FINITE_ESTIMATE)
        beta, covariance = fitted
    else:
        chosen, beta, covariance = select_and_fit(lists, histories, counts, p_threshold)
    observed = int(counts.sum())
    hidden = _unobserved(beta)
    # Model-conditional interval: normal on log(unobserved), delta method on the intercept.
    half = norm.ppf(0.5 + confidence / 2) * math.sqrt(covariance[0, 0])
    conditional = (observed + hidden * math.exp(-half), observed + hidden * math.exp(half))
    result = Estimate(lists, observed, observed + hidden, [(lists[i], lists[j]) for i, j in chosen], conditional)
    if bootstrap:
        replicates = bootstrap_estimates(histories, counts, bootstrap, seed, p_threshold, main_effects_only)
        jackknife = _jackknife(histories, counts, p_threshold, main_effects_only)
        result.bootstrap_interval = bca_interval(replicates, result.estimate, jackknife, counts, confidence)
        result.bootstrap_estimates = replicates
    return result


def _point(histories: np.ndarray, counts: np.ndarray, p_threshold: float, main_effects_only: bool) -> float:
    """The estimate with the model selected on these counts (NaN if it has none)."""
    try:
        if main_effects_only:
            fitted = _fit(*_model(histories, counts, [])[:2])
            if fitted is None:
                return math.nan
            beta = fitted[0]
        else:
            _, beta, _ = select_and_fit([""] * histories.shape[1], histories, counts, p_threshold)
    except ValueError:
        return math.nan
    return float(counts.sum() + _unobserved(beta))


def _jackknife(histories, counts, p_threshold, main_effects_only) -> np.ndarray:
    """Estimates with one person fewer in each capture history (for the BCa acceleration)."""
    values = np.zeros(len(counts))
    for k in np.flatnonzero(counts):
        fewer = counts.copy()
        fewer[k] -= 1
        values[k] = _point(histories, fewer, p_threshold, main_effects_only)
    return values


def bca_interval(replicates: np.ndarray, point: float, jackknife: np.ndarray, counts: np.ndarray,
                 confidence: float = 0.95) -> tuple[float, float]:
    """Bias-corrected and accelerated bootstrap interval (DiCiccio & Efron 1996), as in
    SparseMSE's `estimatepopulation`: the acceleration from a jackknife in which each
    capture history counts as many times as it has persons."""
    values = replicates[np.isfinite(replicates)]
    z0 = norm.ppf(np.clip(np.mean(values < point), 1e-6, 1 - 1e-6))
    weights = counts / counts.sum()
    residuals = np.sum(weights * jackknife) - jackknife
    denominator = 6 * np.sum(counts * residuals ** 2) ** 1.5
    acceleration = np.sum(counts * residuals ** 3) / denominator if denominator else 0.0
    bounds = []
    for alpha in (0.5 - confidence / 2, 0.5 + confidence / 2):
        z = norm.ppf(alpha)
        adjusted = norm.cdf(z0 + (z0 + z) / (1 - acceleration * (z0 + z)))
        bounds.append(float(np.quantile(values, adjusted)))
    return bounds[0], bounds[1]


def bootstrap_estimates(histories: np.ndarray, counts: np.ndarray, replicates: int, seed: int,
                        p_threshold: float = P_THRESHOLD, main_effects_only: bool = False) -> np.ndarray:
    """Estimates on resampled persons (multinomial on the observed histories), the model
    selected anew on each resample. A resample without a finite estimate gives NaN."""
    rng = np.random.default_rng(seed)
    total = int(counts.sum())
    return np.array([_point(histories, rng.multinomial(total, counts / total).astype(float),
                            p_threshold, main_effects_only) for _ in range(replicates)])


def captures_from_sources(persons: pd.DataFrame, source_column: str = "sources",
                          weight_column: str | None = None) -> pd.DataFrame:
    """A capture-history table from one row per person (or group) listing its sources
    ("a;b"), optionally weighted (a group of n persons with the same history)."""
    sources = sorted({s for cell in persons[source_column] for s in str(cell).split(";") if s})
    rows = {}
    for cell, weight in zip(persons[source_column],
                            persons[weight_column] if weight_column else np.ones(len(persons))):
        seen = set(str(cell).split(";")) - {""}
        if not seen:
            continue
        key = tuple(int(s in seen) for s in sources)
        rows[key] = rows.get(key, 0) + int(weight)
    table = pd.DataFrame([list(k) + [v] for k, v in sorted(rows.items())], columns=sources + ["count"])
    return table
