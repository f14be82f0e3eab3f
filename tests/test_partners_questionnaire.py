"""Steps 1 and 2: partner coverage, contributors, the XLSForm, the report's indicators."""

import math
from pathlib import Path

import pandas as pd
import pytest
from pyxform import xls2xform

from diagnostic import geo, partners, questionnaire
from diagnostic.errors import InputError, Problem

DATA = Path(__file__).resolve().parents[1] / "data" / "synthetic"
Z95 = 1.959963984540054


@pytest.mark.parametrize("text, expected", [
    ("Cheffe de service", "encadrement"), ("Directeur", "encadrement"), ("Assistante sociale", "travail_social"),
    ("Éducateur spécialisé", "travail_social"), ("Infirmière", "sante"), ("Psychologue", "sante"),
    ("Bénévole", "autre"), ("", "non_precisee"), (None, "non_precisee")])
def test_function_groups(text, expected):
    assert partners.function_category(text) == expected


def test_communes_fall_in_their_arrondissement(project_root):
    table = geo.commune_arrondissements("62", project_root).set_index("commune_code")["arrondissement"]
    assert len(table) == 891
    assert table["62498"] == "Lens" and table["62041"] == "Arras" and table["62193"] == "Calais"
    assert table["62160"] == "Boulogne-sur-Mer" and table["62765"] == "Saint-Omer"


def test_coverage_flags_every_empty_cell():
    registry = pd.DataFrame([
        {"id_structure": "S1", "champ": "sante", "commune_code": "c1", "a_repondu": "oui", "entretien": "non"},
        {"id_structure": "S2", "champ": "sante", "commune_code": "c2", "a_repondu": "non", "entretien": "non"},
        {"id_structure": "S3", "champ": "justice", "commune_code": "c2", "a_repondu": "non", "entretien": "oui"},
    ])
    territories = pd.DataFrame({"commune_code": ["c1", "c2"], "territoire_code": ["A1", "A2"],
                                "territoire": ["Nord", "Sud"]})
    table = partners.coverage(registry, territories).set_index(["champ", "territoire"])
    assert len(table) == 6 * 2
    assert table.loc[("sante", "Nord"), "participantes"] == 1
    assert table.loc[("sante", "Sud"), "identifiees"] == 1 and table.loc[("sante", "Sud"), "lacune"]
    assert not table.loc[("justice", "Sud"), "lacune"]
    assert table["lacune"].sum() == 12 - 2


def test_contributors_are_counted_once(project_root):
    responses, _ = questionnaire.read_answers(DATA / "questionnaire-kobotoolbox-SYNTHETIQUE.xlsx")
    interviews = partners.read_interviews(DATA / "entretiens-SYNTHETIQUE.csv")
    registry = partners.read_registry(DATA / "partenaires-SYNTHETIQUE.csv")
    assert partners.contributors(responses, interviews) == {
        "questionnaire": 61, "entretiens": 35, "les_deux": 4, "total": 92, "reponses": 36,
        "reponses_collectives": 12, "nombre_entretiens": 15}
    assert partners.by_employer(responses, interviews, registry)["professionnels"].sum() == 92
    assert partners.by_function(responses, interviews)["professionnels"].sum() == 61 + 35


def test_timeline_runs_to_the_totals():
    responses, _ = questionnaire.read_answers(DATA / "questionnaire-google-forms-SYNTHETIQUE.csv")
    interviews = partners.read_interviews(DATA / "entretiens-SYNTHETIQUE.csv")
    events = partners.timeline(responses, interviews)
    assert events.groupby("moyen")["cumul"].max().to_dict() == {"Entretien": 35, "Questionnaire": 61}
    assert events["date"].is_monotonic_increasing


def test_xlsform_passes_pyxform(tmp_path):
    path = questionnaire.write_xlsform(tmp_path / "formulaire.xlsx")
    result = xls2xform.convert(xlsform=str(path), validate=False)
    assert "diagnostic_partage_annexe4" in result.xform
    assert "<group" in result.xform and 'jr:template=""' in result.xform  # sections and the situation repeat
    survey = pd.read_excel(path, sheet_name="survey")
    assert (survey["type"] == "begin_repeat").sum() == 1
    assert "Le saviez-vous ? [La Loi du 13 avril 2016 abolit le délit de racolage]" in survey["label"].tolist()


def report_answers() -> tuple[pd.DataFrame, pd.DataFrame]:
    """Answers built to match the report: 61 professionals (individual answers), 35 met
    in 15 interviews of whom 4 had answered too."""
    n = 61
    rows = []
    for k in range(n):
        rows.append({
            "mode_reponse": "A titre individuel", "nb_consultes": None,
            "reperage": [questionnaire.IDENTIFIED[1]] if k < 37 else [],
            "prise_en_charge": "Oui" if k < 39 else "Non",
            "outille": ("Non" if k < 36 else "Oui") if k < 39 else "",
            "formation": "Non",
            "sait_commission": "Non, je ne le savais pas" if k < 52 else "Oui, je le savais",
            "sait_parcours": "Non, je ne le savais pas" if k < 40 else "Oui, je le savais",
            "besoins": [need for need, count in [("Formation", 39), ("Appui d'associations spécialisées", 31),
                                                 ("Information / sensibilisation", 30), ("Mise en réseau", 26),
                                                 ("Outils de prévention", 23)] if k < count],
        })
    # Interviews: 35 professionals, 4 of whom answered the questionnaire; 21 more identified.
    interviews = pd.DataFrame({"professionnels": [5] + [5, 5, 4, 3, 2, 2] + [2, 1, 1, 1, 1, 1, 1, 1],
                               "deja_repondu_questionnaire": [4] + [0] * 14,
                               "situations_identifiees": ["non"] + ["oui"] * 6 + ["non"] * 8})
    return pd.DataFrame(rows), interviews


def test_report_figures_come_back():
    responses, interviews = report_answers()
    assert interviews["professionnels"].sum() == 35
    table = questionnaire.indicators(responses, interviews).set_index("indicateur")
    expected = {  # value printed in the report, count, base
        "Ont déjà identifié des personnes en situation ou en risque de prostitution": (0.63, 58, 92),
        "S'estiment insuffisamment outillé·es (parmi celles et ceux qui ont pris en charge des personnes)": (0.92, 36, 39),
        "Ont suivi une formation sur le système prostitutionnel": (0.0, 0, 61),
        "Ne connaissaient pas la commission départementale": (0.85, 52, 61),
        "Ne connaissaient pas le parcours de sortie de la prostitution": (0.66, 40, 61),
        "Besoin : Formation": (0.64, 39, 61),
        "Besoin : Appui d'associations spécialisées": (0.51, 31, 61),
        "Besoin : Information / sensibilisation": (0.49, 30, 61),
        "Besoin : Mise en réseau": (0.43, 26, 61),
        "Besoin : Outils de prévention": (0.38, 23, 61),
    }
    for label, (printed, count, base) in expected.items():
        row = table.loc[label]
        assert (row["effectif"], row["base"]) == (count, base), label
        assert round(row["part"], 2) == printed, label


def test_wilson_interval_matches_the_formula():
    count, base = 58, 92
    p = count / base
    centre = (p + Z95 ** 2 / (2 * base)) / (1 + Z95 ** 2 / base)
    half = Z95 / (1 + Z95 ** 2 / base) * math.sqrt(p * (1 - p) / base + Z95 ** 2 / (4 * base ** 2))
    low, high = questionnaire.wilson_interval(count, base)
    assert low == pytest.approx(centre - half, abs=1e-9) and high == pytest.approx(centre + half, abs=1e-9)
    assert (round(low, 3), round(high, 3)) == (0.528, 0.722)


def test_collective_answers_count_for_the_professionals_consulted():
    responses = pd.DataFrame({"mode_reponse": ["A titre individuel", "A titre collectif (service ou structure)"],
                              "nb_consultes": [None, 8]})
    assert questionnaire.professionals_consulted(responses).tolist() == [1, 8]


def test_situations_of_both_sources_join():
    _, survey = questionnaire.read_answers(DATA / "questionnaire-google-forms-SYNTHETIQUE.csv")
    notes = partners.read_interview_situations(DATA / "situations-entretiens-SYNTHETIQUE.csv")
    joined = questionnaire.all_situations(survey, notes)
    assert len(joined) == len(survey) + len(notes)
    assert set(joined["source"]) == {"questionnaire", "entretien"}
    assert joined.loc[joined["source"] == "entretien", "sexe"].map(len).min() == 1


def test_own_territories_are_read_and_drawn(tmp_path, project_root):
    path = tmp_path / "intercommunalites.csv"
    path.write_text("commune_code,territoire\n62498,CA de Lens-Liévin\n62510,CA de Lens-Liévin\n"
                    "62041,CU d'Arras\n", encoding="utf-8")
    territories = partners.read_territories(path)
    assert territories["territoire_code"].tolist() == ["CA de Lens-Liévin", "CA de Lens-Liévin", "CU d'Arras"]
    layer = geo.territory_layer("62", territories, project_root)
    assert [f["properties"]["nom"] for f in layer["features"]] == ["CA de Lens-Liévin", "CU d'Arras"]
    bad = tmp_path / "faux.csv"
    bad.write_text("commune_code,territoire\n6249,X\n", encoding="utf-8")
    with pytest.raises(Exception, match="ligne 2, colonne « commune_code ».*code INSEE de commune"):
        partners.read_territories(bad)


def test_milestones_are_read():
    steps = partners.read_milestones(DATA / "calendrier-mobilisation-SYNTHETIQUE.csv")
    assert len(steps) == 6 and steps["etape"].str.contains("relance").sum() == 2


REGISTRY_HEADER = "id_structure,structure,type,champ,commune_code,commune\n"


def test_a_postcode_given_as_insee_code_is_refused_with_its_commune(tmp_path):
    # 62300 is Lens's postcode and also the INSEE code of Équihen-Plage: read as an INSEE
    # code it would move the partner from Lens to Équihen-Plage.
    path = tmp_path / "partenaires.csv"
    path.write_text(REGISTRY_HEADER + "S1,CCAS de Lens,institution,sante,62300,Lens\n"
                    "S2,CCAS d'Arras,institution,sante,62041,Arras\n", encoding="utf-8")
    with pytest.raises(InputError) as error:
        partners.read_registry(path)
    assert error.value.problems == [Problem("ligne 2, colonne « commune_code »", "62300",
                                            "le code INSEE de la commune (62300 est un code postal, pas un code "
                                            "INSEE : commune Lens (62498) ?)")]


def test_a_column_of_postcodes_without_names_is_refused_row_by_row(tmp_path):
    # 62000 is no commune's code: the column holds postcodes, so 62300 is read as one too.
    path = tmp_path / "partenaires.csv"
    path.write_text("id_structure,structure,type,champ,commune_code\n"
                    "S1,CCAS d'Arras,institution,sante,62000\nS2,CCAS de Lens,institution,sante,62300\n"
                    "S3,CCAS de Calais,institution,sante,62193\n", encoding="utf-8")
    with pytest.raises(InputError) as error:
        partners.read_registry(path)
    assert [(p.place, p.expected) for p in error.value.problems] == [
        ("ligne 2, colonne « commune_code »", "le code INSEE de la commune (62000 est un code postal, pas un code "
                                              "INSEE : commune Arras (62041) ou Dainville (62263) ?)"),
        ("ligne 3, colonne « commune_code »", "le code INSEE de la commune (62300 est un code postal, pas un code "
                                              "INSEE : commune Éleu-dit-Leauwette (62291) ou Lens (62498) ?)")]


def test_an_insee_code_that_is_also_a_postcode_is_kept_when_it_is_the_communes_own(tmp_path):
    path = tmp_path / "partenaires.csv"
    path.write_text(REGISTRY_HEADER + "S1,Mairie,institution,sante,62300,Équihen-Plage\n"
                    "S2,CCAS de Lens,institution,sante,62498,Lens\nS3,Mairie,institution,sante,62300,\n",
                    encoding="utf-8")
    assert partners.read_registry(path)["commune_code"].tolist() == ["62300", "62498", "62300"]


def test_the_commune_name_the_territories_template_writes_is_not_reported_as_unread(tmp_path):
    import warnings

    path = tmp_path / "territoires.csv"
    path.write_text("commune_code,commune,territoire,remarque\n33063,Bordeaux,Bordeaux\n", encoding="utf-8")
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        partners.read_territories(path)
    assert len(caught) == 1 and "non lue(s), ignorée(s) : « remarque ». Colonnes lues" in str(caught[0].message)
