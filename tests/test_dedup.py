"""Step 7: linking the ads into persons, against the synthetic truth."""

import json
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest

from diagnostic import ads, dedup

DATA = Path(__file__).resolve().parents[1] / "data" / "synthetic"


@pytest.fixture(scope="module")
def linked():
    sheet = ads.read_ads(DATA / "annonces-SYNTHETIQUE.csv")
    persons, links = dedup.link(sheet)
    truth = pd.read_csv(DATA / "verite/annonces-SYNTHETIQUE.csv", dtype=str, keep_default_na=False)
    return sheet, persons, links, persons.merge(truth.rename(columns={"id_personne": "vrai"}), on="id_annonce")


def test_linkage_reaches_the_goals_on_the_default_world(linked):
    _, persons, _, merged = linked
    scores = dedup.pairwise_scores(merged["id_personne"], merged["vrai"])
    assert scores["f1"] >= 0.95
    true_persons = merged["vrai"].nunique()
    assert true_persons == 273
    assert abs(persons["id_personne"].nunique() - true_persons) / true_persons <= 0.03


def test_every_link_has_a_reason(linked):
    _, persons, links, _ = linked
    assert len(links) == len(persons) - persons["id_personne"].nunique()  # a spanning forest of the clusters
    assert links["raison"].str.match(r"^(même téléphone|texte identique|texte proche)").all()


def test_a_network_is_not_merged_into_one_person(linked):
    _, _, _, merged = linked
    networks = merged[merged["id_reseau"] != ""].groupby("id_reseau")
    merged_networks = sum(1 for _, ads_of in networks if ads_of["vrai"].nunique() > 1 and ads_of["id_personne"].nunique() == 1)
    assert merged_networks == 0


def test_network_index_phones_one_prefix(linked):
    sheet, _, _, merged = linked
    indices = dedup.network_indices(sheet)
    assert len(indices) > 10 and (indices["telephones"] > 1).all()


def test_pairwise_scores_on_a_known_case():
    predicted = pd.Series(["a", "a", "a", "b"])
    truth = pd.Series(["x", "x", "y", "y"])
    # predicted pairs: 3 (one true), true pairs: 2 → precision 1/3, recall 1/2
    assert dedup.pairwise_scores(predicted, truth) == pytest.approx({"precision": 1 / 3, "rappel": 0.5, "f1": 0.4})


def test_command_line(tmp_path, project_root):
    out = subprocess.run([sys.executable, "-m", "diagnostic", "dedup", "--ads", str(DATA / "annonces-SYNTHETIQUE.xlsx"),
                          "--out", str(tmp_path / "sortie")], capture_output=True, text=True, cwd=project_root, check=True)
    assert "699 annonces" in out.stderr
    table = pd.read_csv(tmp_path / "sortie/annonces_personnes.csv")
    assert list(table.columns) == ["id_annonce", "id_personne"] and len(table) == 699
    summary = json.loads((tmp_path / "sortie/resume.json").read_text(encoding="utf-8"))
    assert summary["personnes"] == table["id_personne"].nunique()
    assert (tmp_path / "sortie/liens.csv").is_file()
