"""Step results as data: saved once by their chapter, read by the later ones (issue 16)."""

import json
import math
from pathlib import Path

import nbformat
import pandas as pd
import pytest

from diagnostic import mse, results, situations, synthesis

ROOT = Path(__file__).resolve().parents[1]


def test_numbers_and_tables_round_trip(tmp_path):
    results.save("03", {"personnes": 167, "part": 0.31, "absent": float("nan"), "paire": ("a", "b")},
                 {"par_zone": pd.DataFrame({"code": ["62001", "62005"], "personnes": [72, 1]})}, folder=tmp_path)
    assert results.load("03", tmp_path) == {"personnes": 167, "part": 0.31, "absent": None, "paire": ["a", "b"]}
    table = results.load_table("03", "par_zone", tmp_path)
    assert table["code"].tolist() == ["62001", "62005"]  # INSEE codes stay text ("01001" keeps its zero)
    assert results.load_all(tmp_path) == {"03": results.load("03", tmp_path)}


def test_a_missing_result_says_which_chapter_to_run(tmp_path):
    with pytest.raises(results.MissingResult, match="chapitre 03"):
        results.load("03", tmp_path)


def test_the_synthesis_formats_numbers_once():
    saved = {"02": {"part_insuffisamment_outille": 0.9231, "reponses": 36}, "04": {"cinq_villes": ["Lens", "Arras"]}}
    assert synthesis.shown("02:part_insuffisamment_outille", synthesis.value(saved, "02:part_insuffisamment_outille")) \
        == "92\u00a0%"
    assert synthesis.shown("02:reponses", 36) == "36"
    assert synthesis.shown("04:cinq_villes", ["Lens", "Arras"]) == "Lens, Arras"
    assert synthesis.shown("07:personnes_rapport", synthesis.value(saved, "07:personnes_rapport")) == "—"


def test_the_default_pistes_are_the_eight_of_the_report():
    titles = [p["titre"] for p in synthesis.DEFAULT_ACTIONS]
    # The report's conclusion, in its order (table of contents, pages 42 to 48).
    assert titles == [
        "Des partenaires en demande de formation et d'information",
        "Construire un partenariat solide pour l'accompagnement des personnes en situation de prostitution",
        "Inscrire la prostitution dans les protocoles de prise en charge des femmes victimes de violences",
        "Inclure et nommer la prostitution contre biens ou services dans les actions de lutte contre le système "
        "prostitutionnel",
        "Prendre en compte la prostitution en milieu rural dans le maillage partenarial",
        "Lutter contre le proxénétisme et la traite passant par Internet",
        "Prévenir et agir contre la prostitution des mineur·es et jeunes majeur·es",
        "Responsabiliser les « clients » de la prostitution",
    ]
    internet = synthesis.DEFAULT_ACTIONS[5]["texte"]
    assert "riverain" in internet and "location saisonnière" in internet and "maraude" not in internet


def _histories(rows: list[tuple[int, int, int, int]]) -> pd.DataFrame:
    return pd.DataFrame(rows, columns=["sante", "justice", "hebergement_logement", "count"])


def _counting(histories: pd.DataFrame, estimate: mse.Estimate) -> situations.Counting:
    empty = pd.DataFrame()
    return situations.Counting(empty, empty, empty, histories, estimate, empty)


def test_the_mse_estimate_is_withheld_when_lists_barely_overlap():
    # 60 persons, three on two lists: the estimate rests on three overlaps.
    histories = _histories([(1, 0, 0, 30), (0, 1, 0, 20), (0, 0, 1, 7), (1, 1, 0, 2), (0, 1, 1, 1)])
    estimate = mse.Estimate(lists=["sante", "justice", "hebergement_logement"], observed=60, estimate=1400.0,
                            interactions=[], bootstrap_interval=(300.0, 9000.0))
    checks = _counting(histories, estimate).mse_checks()
    assert checks == {"intervalle_calcule": True, "intervalle_raisonnable": False,
                      "recoupements_suffisants": False, "rapport_au_decompte_raisonnable": False}
    sentence = synthesis.mse_sentence({"mse_estimation": 1400.0, "mse_verifications": checks})
    assert sentence.startswith("L'estimation par systèmes multiples n'est pas publiée")
    assert "trop peu de personnes" in sentence and "vingt fois" in sentence and "1 400" not in sentence


def test_the_mse_estimate_is_published_with_its_interval_when_its_checks_pass():
    histories = _histories([(1, 0, 0, 60), (0, 1, 0, 50), (0, 0, 1, 30), (1, 1, 0, 20), (0, 1, 1, 7)])
    estimate = mse.Estimate(lists=["sante", "justice", "hebergement_logement"], observed=167, estimate=228.1,
                            interactions=[], bootstrap_interval=(198.5, 262.7))
    checks = _counting(histories, estimate).mse_checks()
    assert all(checks.values())
    sentence = synthesis.mse_sentence({"mse_estimation": 228.1, "mse_bas": 198.5, "mse_haut": 262.7,
                                       "mse_verifications": checks})
    assert "228 personnes en tout (intervalle à 95 % : 198 – 263)" in sentence.replace("\u202f", " ")


def test_forms_and_pimps_are_counted_in_situations_as_the_report_does():
    """Section III-C: "31 % des situations"; V-A: "43 % des situations repérées"."""
    groups = pd.DataFrame({
        "statut": ["probable_averee"] * 4 + ["risque"],
        "personnes": [10, 1, 1, 1, 3],
        "forme": [["Contre hébergement"], ["Appartement"], ["Rue"], ["Contre autres biens ou services"], ["Inconnu"]],
        "proxenete": ["Oui", "Non", "Non", "Je ne sais pas", ""], "reseau": ["Non", "Non", "Oui", "", ""]})
    counting = situations.Counting(pd.DataFrame(), pd.DataFrame(), groups, pd.DataFrame(), None, pd.DataFrame())
    table = situations.forms_and_pimps(counting, threshold=5).set_index("indicateur")
    assert table.loc["Prostitution contre biens ou services", "situations"] == 2
    assert table.loc["Prostitution contre biens ou services", "part_situations"] == 0.5   # 2 of 4 situations
    assert table.loc["Prostitution contre biens ou services", "personnes"] == "11"       # 11 of 13 persons
    assert table.loc["Proxénète probable ou avéré", "part_situations"] == 0.25
    assert table.loc["Pas de proxénète", "personnes"] == "< 5"


CHAPTER_OF_STEP = {"partners.compute(": "01", "st.compute(": "03", "situations.compute(": "03", "st.prepare(": "03",
                   "st.consolidate(": "03", "st.candidate_pairs(": "03", "mse.estimate(": "03", "ads.compute(": "04",
                   "sampling.compute(": "05", "sampling.drawn_sample(": "05", "sampling.draw(": "05",
                   "sampling.allocate(": "05", "dedup.link(": "07"}


def test_no_chapter_recomputes_another_step():
    for path in sorted((ROOT / "notebooks").glob("[0-9][0-9]_*.ipynb")):
        code = "\n".join(c.source for c in nbformat.read(path, as_version=4).cells if c.cell_type == "code")
        for call, chapter in CHAPTER_OF_STEP.items():
            if call in code:
                assert path.stem[:2] == chapter, f"{path.name} recalcule l'étape du chapitre {chapter} ({call})"


def test_step_3_on_the_default_world_gives_the_report_counts():
    from diagnostic import params

    counting = situations.compute(params.load(ROOT / "params/pas-de-calais.yaml", ROOT), ROOT)
    numbers = counting.numbers()
    assert (numbers["personnes_concernees"], numbers["personnes_probables"], numbers["personnes_risque"]) == \
        (167, 152, 15)
    mapped = counting.tables()["personnes_par_arrondissement"]["personnes"].sum() + numbers["personnes_non_localisees"]
    assert mapped == 152  # the map counts the persons of the tables: probable or proven
    json.dumps(results._plain(numbers))  # every figure can be saved
    assert not math.isnan(numbers["part_situations_echange"])


# Issue 12: every place where the handbook decides what the report does not say has a
# « Choix de ce manuel » box (what the report says, what the handbook does, the alternative).
CHOICES = {
    "01_partenaires": ["« 4 par les deux »"],
    "03_situations": ["reconnaître une même situation", "ce qu'est une situation « en risque »", "la base des parts"],
    "05_echantillonnage": ["la répartition de l'échantillon entre les sites"],
    "06_codage": ["quand une annonce « présente des indices de réseau »", "reconnaître un doublon"],
    "07_deduplication": ["relier les annonces par un modèle"],
    "08_synthese": ["quel chiffre citer"],
}


def test_every_choice_of_the_handbook_is_marked_as_such():
    for chapter, titles in CHOICES.items():
        notebook = nbformat.read(ROOT / "notebooks" / f"{chapter}.ipynb", as_version=4)
        text = "\n".join(c.source for c in notebook.cells if c.cell_type == "markdown")
        boxes = [line for line in text.splitlines() if line.startswith("```{admonition} Choix de ce manuel")]
        for title in titles:
            assert f"```{{admonition}} Choix de ce manuel : {title}" in boxes, (chapter, title)
        for box in text.split("```{admonition} Choix de ce manuel")[1:]:
            body = " ".join(box.split("```")[0].split())
            assert "**Ce que dit le rapport**" in body and "choix possible" in body, (chapter, body[:80])


def test_the_forms_sentence_leaves_out_housing_when_no_situation_is_an_exchange():
    base = {"part_situations_prostitution_discrete": 0.6, "part_situations_prostitution_visible": 0.2,
            "personnes_concernees": 12, "personnes_probables": 10}
    with_exchange = synthesis.key_findings({"03": base | {"part_situations_echange": 0.25,
                                                          "part_echange_contre_hebergement": 0.5}})["formes"]
    assert with_exchange.endswith("d'un échange contre des biens ou des services (contre un hébergement dans "
                                  "50\xa0% de ces cas).")
    without = synthesis.key_findings({"03": base | {"part_situations_echange": 0.0,
                                                    "part_echange_contre_hebergement": None}})["formes"]
    assert without.endswith("0\xa0% d'un échange contre des biens ou des services.") and "—" not in without
