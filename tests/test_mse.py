"""Multiple systems estimation: the published estimates, to the unit, and the intervals."""

import itertools
import json
import subprocess
import sys
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from diagnostic import mse

MSE = Path(__file__).resolve().parents[1] / "data" / "reference" / "mse"


@pytest.mark.parametrize("name, published, interactions", [
    ("mse_Korea_3lists.csv", 268.8, [("b", "c")]),
    ("mse_NewOrleans_5lists_SparseMSE_n185.csv", 1034, []),
    ("mse_NewOrleans_8lists_SparseMSE_n185.csv", 1184, [("D", "E")]),
    ("mse_WesternUS_5lists.csv", 2483, [("A", "E")]),
])
def test_published_point_estimates(name, published, interactions):
    result = mse.estimate(pd.read_csv(MSE / name))
    assert round(result.estimate, 1 if published == 268.8 else 0) == published
    assert result.interactions == interactions


def test_main_effects_only_new_orleans():
    result = mse.estimate(pd.read_csv(MSE / "mse_NewOrleans_8lists_SparseMSE_n185.csv"), main_effects_only=True)
    assert round(result.estimate) == 997


def test_observed_counts_and_missing_histories():
    lists, histories, counts = mse.read_captures(pd.read_csv(MSE / "mse_Korea_3lists.csv"))
    assert lists == ["b", "c", "d"] and len(histories) == 7 and counts.sum() == 123
    assert counts[(histories == [0, 1, 1]).all(axis=1)][0] == 0


def test_independent_lists_give_the_lincoln_petersen_estimate():
    # Two lists: 60 on A only, 20 on both, 40 on B only. Independence: N = (80 × 60) / 20 = 240.
    table = pd.DataFrame({"A": [1, 1, 0], "B": [0, 1, 1], "count": [60, 20, 40]})
    assert mse.estimate(table).estimate == pytest.approx(240, rel=1e-6)


def test_non_existent_estimate_is_not_selected():
    table = pd.DataFrame({"A": [1, 0, 1], "B": [0, 1, 1], "count": [10, 10, 0]})
    X, y, _ = mse._model(*mse.read_captures(table)[1:], [(0, 1)])
    assert X.shape[0] == 2  # the history on both lists is structurally zero and removed


def test_overlap_p_values_are_the_smaller_poisson_tail():
    # 0 persons on both lists where 2 are expected: P(X ≤ 0) = e⁻² ≈ 0.135335;
    # 5 where 1 is expected: P(X ≥ 5) = 1 − e⁻¹ (1 + 1 + 1/2 + 1/6 + 1/24) ≈ 0.003660.
    p = mse._overlap_p_values(np.array([0.0, 5.0]), np.array([2.0, 1.0]))
    assert p == pytest.approx([0.135335, 0.003660], abs=1e-6)


def test_a_fit_answers_existence_as_the_linear_programme():
    """The shortcut (a fit's means projected on the margins) never contradicts the programme,
    on the main-effects and one-pair models of the published data sets and of two lists
    that never overlap (no finite estimate)."""
    never_overlap = pd.DataFrame({"A": [1, 0], "B": [0, 1], "count": [10, 10]})
    answers = []
    for table in [*(pd.read_csv(name) for name in sorted(MSE.glob("*.csv"))), never_overlap]:
        lists, histories, counts = mse.read_captures(table)
        for pairs in [[], *([pair] for pair in itertools.combinations(range(len(lists)), 2))]:
            X, y, _ = mse._model(histories, counts, pairs)
            answer = mse.estimate_exists(X, y)
            assert mse.estimate_exists(X, y, mse._fit(X, y)) == answer, (lists, pairs)
            answers.append(answer)
    assert True in answers and False in answers


def test_a_fit_with_positive_means_needs_no_linear_programme(monkeypatch):
    table = pd.DataFrame({"A": [1, 1, 0], "B": [0, 1, 1], "count": [60, 20, 40]})
    X, y, _ = mse._model(*mse.read_captures(table)[1:], [])
    monkeypatch.setattr(mse, "linprog", None)  # calling it would fail
    assert mse.estimate_exists(X, y, mse._fit(X, y))


def test_captures_from_sources_counts_persons():
    persons = pd.DataFrame({"sources": ["sante;justice", "sante", "justice", "sante"], "n": [2, 1, 3, 1]})
    table = mse.captures_from_sources(persons, weight_column="n")
    assert table.to_dict("records") == [{"justice": 0, "sante": 1, "count": 2},
                                        {"justice": 1, "sante": 0, "count": 3},
                                        {"justice": 1, "sante": 1, "count": 2}]


def simulate(rng, size, probabilities):
    caught = rng.random((size, len(probabilities))) < probabilities
    seen = caught[caught.any(axis=1)].astype(int)
    frame = pd.DataFrame(seen, columns=[f"L{k}" for k in range(len(probabilities))])
    return frame.groupby(list(frame.columns)).size().reset_index(name="count")


def test_bootstrap_interval_covers_the_true_size():
    """Independent lists, known population: the BCa interval (model selection repeated)
    should contain the true size in most simulated populations."""
    rng = np.random.default_rng(2026)
    covered, runs = 0, 30
    for k in range(runs):
        table = simulate(rng, 400, [0.3, 0.25, 0.2, 0.15])
        low, high = mse.estimate(table, bootstrap=60, seed=k).bootstrap_interval
        covered += low <= 400 <= high
    assert covered / runs >= 0.8


def test_command_line_json(project_root):
    out = subprocess.run([sys.executable, "-m", "diagnostic", "mse", "--captures",
                          str(MSE / "mse_WesternUS_5lists.csv"), "--json", "--bootstrap", "20"],
                         capture_output=True, text=True, cwd=project_root, check=True)
    answer = json.loads(out.stdout)
    assert round(answer["estimate"]) == 2483 and answer["observed"] == 345 and answer["interactions"] == ["A:E"]
    low, high = answer["bootstrap_interval"]
    assert low < 2483 < high


def test_command_line_refuses_a_table_without_counts(tmp_path, project_root):
    bad = tmp_path / "captures.csv"
    bad.write_text("A,B\n1,0\n", encoding="utf-8")
    out = subprocess.run([sys.executable, "-m", "diagnostic", "mse", "--captures", str(bad)],
                         capture_output=True, text=True, cwd=project_root)
    assert out.returncode == 2 and "colonne « count »" in out.stderr
