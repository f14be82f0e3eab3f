"""`diagnostic nouveau`: the templates match what the readers read, and a filled folder reads back."""

from __future__ import annotations

import re
import typing
from pathlib import Path

import openpyxl
import pandas as pd
import pytest
import yaml

from diagnostic import ads, cli, inventory, params, partners, press, questionnaire, scaffold
from diagnostic.territories import communes_of
from diagnostic.errors import InputError

# Each template and the reader's row model (None: the interview situations, read by question code).
MODELS = {"partenaires": partners.Structure, "entretiens": partners.Interview, "situations_entretiens": None,
          "calendrier": partners.Milestone, "inventaire_sites": inventory.Site, "annonces": ads.Ad,
          "lieux_a_risque": ads.RiskPlace, "annonces_clients": ads.ClientAd, "forum": ads.ForumDiscussion,
          "revue_presse": press.Article, "territoires": partners.Territory}
READERS = {"partenaires": partners.read_registry, "entretiens": partners.read_interviews,
           "situations_entretiens": partners.read_interview_situations, "calendrier": partners.read_milestones,
           "inventaire_sites": inventory.read, "annonces": ads.read_ads, "lieux_a_risque": ads.read_risk_places,
           "annonces_clients": ads.read_client_ads, "forum": ads.read_forum, "revue_presse": press.read_press,
           "territoires": partners.read_territories}
SITUATION_CODES = [q.code for q in questionnaire.situation_questions() if q.code != "autre_situation"]


@pytest.fixture(scope="module")
def gironde(tmp_path_factory, project_root) -> Path:
    folder = tmp_path_factory.mktemp("nouveau") / "gironde"
    scaffold.create("33", folder, root=project_root)
    return folder


def all_templates():
    return [*scaffold.templates("33063", "Bordeaux"), scaffold.territories_template()]


def by_key(folder: Path) -> dict[str, Path]:
    return {t.key: folder / t.file for t in all_templates()}


def headers(path: Path) -> list[str]:
    return [c.value for c in openpyxl.load_workbook(path).worksheets[0][1]]


def accepted_columns(key: str) -> set[str]:
    model = MODELS[key]
    return set(model.model_fields) if model else {"id_entretien", "num_situation", *SITUATION_CODES}


def allowed_values(key: str, column: str) -> tuple:
    """The closed values of a column, straight from the reader's model or the instrument."""
    model = MODELS[key]
    if model is None:
        return questionnaire.question(column).choix if column in SITUATION_CODES else ()
    annotation = model.model_fields[column].annotation
    for member in (annotation, *typing.get_args(annotation)):
        if typing.get_origin(member) is typing.Literal:
            return typing.get_args(member)
    return ()


def drop_downs(path: Path) -> dict[str, list[str]]:
    """Column name → the values of its drop-down list, read back from the workbook."""
    book = openpyxl.load_workbook(path)
    sheet, names = book.worksheets[0], headers(path)
    found = {}
    for rule in sheet.data_validations.dataValidation:
        letter = re.match(r"[A-Z]+", str(rule.sqref)).group()
        column = names[openpyxl.utils.column_index_from_string(letter) - 1]
        assert str(rule.sqref) == f"{letter}2:{letter}{scaffold.TEMPLATE_ROWS}"
        list_sheet, cells = rule.formula1.split("!")
        found[column] = [c.value for row in book[list_sheet][cells.replace("$", "")] for c in row]
    return found


def test_every_column_the_readers_read_is_in_its_template(gironde):
    for key, path in by_key(gironde).items():
        read = [c.name for c in next(t for t in all_templates() if t.key == key).columns if c.read]
        assert set(read) == accepted_columns(key), key
        assert set(headers(path)) - set(read) <= {"commune"}, key  # territories: the commune's name, to read
    assert headers(gironde / "situations-entretiens.xlsx") == ["id_entretien", "num_situation", *SITUATION_CODES]
    assert headers(gironde / "partenaires.xlsx")[:4] == ["id_structure", "structure", "type", "champ"]


def test_a_column_is_required_in_the_notes_exactly_when_the_reader_refuses_its_absence(gironde, tmp_path):
    for template in scaffold.templates("33063", "Bordeaux"):
        example = pd.DataFrame([template.example]).reindex(columns=[c.name for c in template.columns])
        notes = {row[0]: row[1] for row in openpyxl.load_workbook(gironde / template.file)["Notes"].iter_rows(
            min_row=6, values_only=True)}
        for column in template.columns:
            probe = tmp_path / f"{template.key}-sans-{column.name}.csv"
            example.drop(columns=column.name).to_csv(probe, index=False)
            try:
                READERS[template.key](probe)
                refused = False
            except InputError:
                refused = True
            assert refused == (notes[column.name] == "oui"), (template.key, column.name)


def test_every_closed_value_has_the_models_drop_down_list(gironde):
    for key, path in by_key(gironde).items():
        lists = drop_downs(path)
        closed = {c: allowed_values(key, c) for c in headers(path) if c in accepted_columns(key)}
        assert {c: tuple(v) for c, v in lists.items()} == {c: v for c, v in closed.items() if v}, key
    assert drop_downs(gironde / "partenaires.xlsx")["champ"] == list(partners.FIELDS)
    assert drop_downs(gironde / "inventaire-sites.xlsx")["categorie"] == list(inventory.CATEGORIES)
    assert drop_downs(gironde / "entretiens.xlsx")["situations_identifiees"] == ["oui", "non"]


def test_multiple_answers_are_allowed_past_the_list_and_explained(gironde):
    book = openpyxl.load_workbook(gironde / "situations-entretiens.xlsx")
    rules = {str(r.sqref)[0]: r for r in book.worksheets[0].data_validations.dataValidation}
    assert rules["E"].errorStyle == "warning" and "|" in rules["E"].error  # sexe: "A | B" possible
    strict = openpyxl.load_workbook(gironde / "partenaires.xlsx").worksheets[0].data_validations.dataValidation
    assert all(r.errorStyle in (None, "stop") for r in strict)


def test_the_parameters_name_the_departement_and_every_template(gironde, monkeypatch):
    # real data: the département's secret key is required before anything is read (privacy.require_key)
    monkeypatch.setenv("DIAGNOSTIC_CLE_PSEUDONYMISATION", "cle-de-test-secrete-de-trente-deux-caracteres-au-moins")
    path = gironde / "parametres-33.yaml"
    loaded = params.load(path, root=gironde, inputs_required=False)
    assert loaded.departement.nom == "Gironde" and loaded.departement.code == "33"
    assert loaded.donnees.nature == "reelles"
    assert (loaded.echantillonnage.marge_erreur, loaded.echantillonnage.niveau_confiance,
            loaded.echantillonnage.proportion_attendue) == (0.05, 0.95, 0.5)
    for key, template in by_key(gironde).items():
        assert Path(getattr(loaded.donnees, key)) == template.resolve()
    assert params.load(path, root=gironde).donnees.partenaires  # the files exist: the full check passes
    text = path.read_text(encoding="utf-8")
    assert 'code: "33"' in text
    for line in text.splitlines():  # every key has its French comment on the line above
        if re.match(r"^\s*[a-z_]+:\s*\S", line):
            previous = text.splitlines()[text.splitlines().index(line) - 1]
            assert previous.strip().startswith("#"), line


def cell_texts(path: Path) -> list[str]:
    if path.suffix == ".xlsx":
        book = openpyxl.load_workbook(path)
        return [str(c.value) for sheet in book for row in sheet.iter_rows() for c in row if c.value is not None]
    return [path.read_text(encoding="utf-8")]


def test_nothing_of_pas_de_calais_in_the_folder(gironde):
    files = sorted(p for p in gironde.iterdir())
    assert {p.name for p in files} >= {"parametres-33.yaml", "LISEZMOI.md", "creer-formulaire.gs",
                                       "questionnaire-google-forms.md", "questionnaire-kobotoolbox-xlsform.xlsx"}
    for path in files:
        for text in cell_texts(path):
            assert not re.search(r"Pas-de-Calais|\b62\b|\bLens\b", text), (path.name, text[:200])
    territories = partners.read_territories(gironde / "territoires.xlsx")
    assert len(territories) == len(communes_of("33")) and territories["commune_code"].str.startswith("33").all()
    assert set(territories["territoire"]) == {"Arcachon", "Blaye", "Bordeaux", "Langon", "Lesparre-Médoc", "Libourne"}
    assert "Gironde" in (gironde / "LISEZMOI.md").read_text(encoding="utf-8")


def test_a_non_empty_folder_is_refused_and_left_alone(tmp_path, project_root):
    (tmp_path / "mes-notes.txt").write_text("à garder", encoding="utf-8")
    with pytest.raises(InputError, match="nouveau ou vide"):
        scaffold.create("33", tmp_path, root=project_root)
    assert [p.name for p in tmp_path.iterdir()] == ["mes-notes.txt"]
    assert cli.main(["nouveau", "--departement", "33", "--dossier", str(tmp_path)]) == 2
    assert cli.main(["nouveau", "--departement", "63", "--dossier", str(tmp_path / "vide")]) == 0
    assert (tmp_path / "vide" / "parametres-63.yaml").is_file()
    with pytest.raises(InputError, match="--departement"):
        scaffold.create("99", tmp_path / "autre", root=project_root)


def test_the_apps_script_asks_every_question_in_order(gironde):
    script = (gironde / "creer-formulaire.gs").read_text(encoding="utf-8")
    position = 0
    for q in questionnaire.questions():
        found = script.find(f'.setTitle("{q.texte}")', position)
        assert found > 0, q.code
        position = found
    for q in questionnaire.questions():
        if q.choix and q.code != "autre_situation":
            assert ", ".join(f'"{c}"' for c in q.choix) in script, q.code
    assert script.count("addPageBreakItem()") == 5  # parts I, II, III, conclusion and the repeated situation
    assert "situations.push(section_situation(form, numero))" in script
    assert 'suite.createChoice("Oui", suivante), suite.createChoice("Non, passer à la rubrique suivante", partie2)' \
        in script


def test_the_forms_guide_lists_the_questions_in_order_and_the_repetition_rule(gironde):
    guide = (gironde / "questionnaire-google-forms.md").read_text(encoding="utf-8")
    position = guide.index("## Les questions, dans l'ordre")
    for number, q in enumerate(questionnaire.questions()):
        found = guide.find(f"« {q.texte} »", position)
        assert found > position, q.code
        position = found
    assert "répète **toutes** les questions" in guide and "**dans le même ordre**" in guide
    xlsform = pd.read_excel(gironde / "questionnaire-kobotoolbox-xlsform.xlsx", sheet_name=None)
    assert list(xlsform) == ["survey", "choices", "settings"]
    assert xlsform["survey"]["name"].dropna().tolist() == questionnaire.xlsform_tables()["survey"]["name"].replace(
        "", float("nan")).dropna().tolist()


def fill(path: Path, rows: list[list]) -> Path:
    """Replace the example row of a template by hand-written rows, as a user would in Excel."""
    book = openpyxl.load_workbook(path)
    sheet = book.worksheets[0]
    sheet.delete_rows(2, sheet.max_row)
    for row in rows:
        sheet.append(row)
    book.save(path)
    return path


def test_filled_templates_read_back_through_the_readers(gironde, tmp_path):
    folder = tmp_path / "rempli"
    scaffold.create("33", folder, root=Path(__file__).resolve().parents[1])
    registry = partners.read_registry(fill(folder / "partenaires.xlsx", [
        ["S01", "CCAS de Pessac", "institution", "accueil_accompagnement_social_insertion", "33318", "Pessac",
         "courriel", "commune_intercommunalite", "oui", "non", None],
        ["S02", "Maison des adolescents", "association", "sante", "33063", "Bordeaux", None,
         "association_accompagnement", "oui", "oui", "2024-04-02"]]))
    assert registry["categorie_employeur"].tolist() == ["commune_intercommunalite", "association_accompagnement"]
    assert registry["commune_code"].tolist() == ["33318", "33063"]
    interviews = partners.read_interviews(fill(folder / "entretiens.xlsx", [
        ["E01", "2024-04-02", "Maison des adolescents", "non", 3, "Infirmière | Éducateur", "oui", 1]]))
    assert interviews.loc[0, ["professionnels", "situations_identifiees", "deja_repondu_questionnaire"]].tolist() \
        == [3, "oui", 1]
    situations = partners.read_interview_situations(fill(folder / "situations-entretiens.xlsx", [
        ["E01", 1, questionnaire.question("nature").choix[1], "4", "Des femmes | Des hommes", "15-17 ans", "Française", None, None, None, "Rue", None, None,
         "Rupture familiale", "Rue | Via Internet", "Bordeaux", "Non", "Non", None, None]]))
    assert situations.loc[0, "sexe"] == ["Des femmes", "Des hommes"] and situations.loc[0, "forme"] == ["Rue", "Via Internet"]
    assert situations.loc[0, "nature"] == questionnaire.question("nature").choix[1]
    assert len(partners.read_milestones(fill(folder / "calendrier-mobilisation.xlsx",
                                             [["2024-01-08", "Envoi du questionnaire"]]))) == 1
    sites = inventory.read(fill(folder / "inventaire-sites.xlsx", [
        ["annonces-sud.example", "petites_annonces", 2, None, "exact", None, None, "oui", "non", "non", "oui"],
        ["grand-site.example", "escorting", 120, "A", "estime", 12, "10;9;11;10;10;9;11;10;10;10", None, None,
         None, None]]))
    assert sites["annonces"].tolist() == [2, 120] and sites["mode_comptage"].tolist() == ["exact", "estime"]
    collected = ads.read_ads(fill(folder / "annonces.xlsx", [
        ["A1", "annonces-sud.example", "2024-02-01", "Bordeaux", "Nouvelle", "Appelez le 06 39 98 12 34", "0639981234",
         "Lila", "24"],
        ["A2", "annonces-sud.example", "2024-02-01", "Mérignac", None, None, None, None, None]]))
    assert collected["telephone_pseudo"].iloc[0].startswith("TEL-") and "06 39 98" not in collected["texte"].iloc[0]
    assert collected["texte"].iloc[1] == "" and collected["titre"].iloc[1] == ""  # an ad without text reads
    assert len(ads.read_risk_places(fill(folder / "lieux-a-risque.xlsx", [["Sex-shop", None, "Bordeaux"]]))) == 1
    assert len(ads.read_client_ads(fill(folder / "annonces-clients.xlsx",
                                        [["C1", "2024-02-03", "Talence", "Cherche rencontre"],
                                         ["C2", "2024-02-04", None, None]]))) == 2
    assert ads.read_forum(fill(folder / "forum-discussions.xlsx", [["F1", "Bordeaux", 3]]))["pseudonymes"].tolist() == [3]
    territories = partners.read_territories(fill(folder / "territoires.xlsx", [
        ["33063", "Bordeaux", "Bordeaux Métropole"], ["33318", "Pessac", "Bordeaux Métropole"]]))
    assert territories["territoire_code"].tolist() == ["Bordeaux Métropole"] * 2


def test_the_book_templates_and_the_reuse_chapter_are_up_to_date(tmp_path, project_root):
    scaffold.write_templates(tmp_path, scaffold.BOOK_EXAMPLE, project_root)
    models = project_root / "book" / "modeles"
    assert sorted(p.name for p in models.iterdir()) == sorted(p.name for p in tmp_path.iterdir())
    for path in tmp_path.iterdir():
        assert (models / path.name).read_bytes() == path.read_bytes(), f"{path.name} : lancez make modeles"
    chapter = (project_root / "book" / "reutiliser.md").read_text(encoding="utf-8")
    assert scaffold.chapter_with_columns(chapter) == chapter, "lancez make modeles"
    for key in MODELS:
        for column in accepted_columns(key):
            assert f"| `{column}` |" in chapter, column
    assert "diagnostic nouveau --departement" in chapter


def test_templates_are_the_same_bytes_every_time(tmp_path, project_root):
    first, second = tmp_path / "a", tmp_path / "b"
    scaffold.create("33", first, root=project_root)
    scaffold.create("33", second, root=project_root)
    for path in first.iterdir():
        if path.suffix == ".xlsx":
            assert path.read_bytes() == (second / path.name).read_bytes(), path.name
    assert yaml.safe_load((first / "parametres-33.yaml").read_text(encoding="utf-8"))["departement"] == {"code": "33"}
