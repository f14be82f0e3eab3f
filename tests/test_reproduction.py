"""The reproduction chapter's tables: published figures recomputed, estimates against the truth."""

from pathlib import Path

import pytest
import yaml

from diagnostic import reproduction

ROOT = Path(__file__).resolve().parents[1]
REFERENCE = yaml.safe_load((ROOT / "data/reference/pas-de-calais-2020-published.yaml").read_text(encoding="utf-8"))


@pytest.mark.parametrize("text, value", [("1\u202f234", 1234), ("0,61", 0.61), ("63\u00a0%", 63), ("59,3 %", 59.3)])
def test_numbers_are_read_back_from_the_book(text, value):
    assert reproduction.as_number(text) == value


def test_marks():
    assert reproduction.mark(249, 249) == reproduction.SAME
    assert reproduction.mark(53, 54, tolerance=5) == reproduction.CLOSE
    assert reproduction.mark(38, 51, tolerance=5) == reproduction.DIFFERENT


def test_formulas_and_published_mse_studies_are_reproduced_exactly():
    table = reproduction.published_vs_method(REFERENCE, ROOT / "data/reference/mse", values={})
    exact = table[table["calcule_sur"] != "monde synthétique calé sur le rapport"]
    assert len(exact) == 8 and (exact["accord"] == reproduction.SAME).all()
    assert set(exact["publie"]) >= {249, 366, 273, 92, 268.8, 1034, 1184, 2483}
    # without the chapters' values, the figures computed on the synthetic world are not shown
    assert (table.loc[table["calcule_sur"] == "monde synthétique calé sur le rapport", "accord"] == "—").all()


def test_estimates_are_set_against_the_truth():
    values = {"03:concernees": "167", "03:mse_estimation": "228", "07:personnes_rapport": "285",
              "07:n_personnes_liees": "270", "07:taux": "59,3\u00a0%", "02:identifie_effectif": "58"}
    truth = yaml.safe_load((ROOT / "data/synthetic/verite/resume-SYNTHETIQUE.yaml").read_text(encoding="utf-8"))
    table = reproduction.estimates_vs_truth(values, truth).set_index("estimation")
    assert table["ecart_relatif"].iloc[0] == 0
    assert table.loc["Personnes derrière les annonces, liaison de toutes les annonces", "verite"] == 273
    assert table.loc["Personnes derrière les annonces, liaison de toutes les annonces", "ecart_relatif"] == \
        pytest.approx(-3 / 273)
