"""Users' files as they come (issues 14 § 3 and 17): every case, with its exact outcome.

1. Headers as people type them
   1a. `Téléphone`, `Pseudo`, ` ID annonce `, `Date collecte`, `SITE` are read as
       `telephone`, `pseudo`, `id_annonce`, `date_collecte`, `site`: the phones and handles
       are pseudonymised, and two ads with the same phone share one pseudonym.
   1b. A header no reader uses (`Comentaire`) gives a French `ColumnWarning` naming it.
   1c. A required column missing: "colonne « site » absente", with the columns found.
   1d. Two headers that match the same name (`Site`, `site`) are refused.
2. Google Forms and KoboToolbox exports (see the questionnaire cases below)
   2a. The CSV downloaded from the form itself: timestamps `2024/02/13 5:49:00 AM UTC+1`
       and `2024/02/13 5:49:00 PM UTC+1`, checkboxes joined by ";".
   2b. The same with 24-hour timestamps `2024/02/13 17:49:00 UTC+1`.
   2c. The CSV of the linked Sheet of a French form: `13/02/2024 17:49:00`, checkboxes ", ".
   2d. The `.xlsx` download of the Sheet (timestamps as Excel dates, numbers as numbers).
   2e. A KoboToolbox `.xlsx` export (XML names, group prefixes, the repeat-group sheet).
   2f. A header-only questionnaire: "aucune réponse".
   2g. A timestamp that is no date: row, column and value named.
3. Situation sections matched by their questions
   3a. A last section shorter than the others (trailing questions dropped) is read
       without shifting answers.
   3b. A last section lacking a question in its middle: read, that answer blank.
   3c. A first situation question renamed in every section: error naming the column.
   3d. A column inserted inside a section: error naming the column and the question
       expected there.
   3e. A section other than the last lacking a question: error naming the question.
   3f. "Oui" in "Décrire une autre situation ?" of an empty section adds no situation.
4. "Activité principale": labels in any case and common wordings ("santé", "Sante",
   "Éducation / jeunesse", "police", "gendarmerie", "justice", "hébergement") are read as
   the six fields' labels; another value is reported with the choices.
5. An unknown label in a multiple-choice answer is reported (file, row, column, value,
   allowed labels); text typed in "Autre" is read as "Autre".
6. Files that cannot be read, in French, naming the file
   6a. Empty file; 6b. header-only ad sheet; 6c. a row longer than its header;
   6d. a password-protected workbook (an OLE2 file); 6e. a truncated `.xlsx`;
   6f. a CSV renamed `.xlsx`; 6g. a UTF-16 tab-separated export (Excel's "Texte Unicode")
   is read; 6h. a `;`-separated captures file for `diagnostic mse` is read; 6i. `oui`/`non`
   or text in capture columns; 6j. a count of 5.5; 6k. all-zero counts, a header-only captures
   file, persons on no list; 6l. a coder sheet
   whose "Codage" sheet was renamed `Feuil1` is read; 6m. an ad text over 32 767
   characters is refused with the ad's id; 6n. dates: `2018-13-45` refused, `2018-10-02`,
   `02/10/2018` and an Excel date cell read as 2018-10-02; 6o. blank lines at the end of
   an Excel CSV (`;;`) are ignored.
"""

from __future__ import annotations

import datetime as dt
import warnings
from pathlib import Path

import pytest
from openpyxl import Workbook

from diagnostic import ads, questionnaire, tables
from diagnostic.errors import InputError


def write(path: Path, text: str, encoding: str = "utf-8") -> Path:
    path.write_bytes(text.encode(encoding))
    return path


def workbook(path: Path, sheets: dict[str, list[list]]) -> Path:
    book = Workbook()
    book.remove(book.active)
    for name, rows in sheets.items():
        sheet = book.create_sheet(name)
        for row in rows:
            sheet.append(row)
    book.save(path)
    return path


def message(error: pytest.ExceptionInfo) -> str:
    return str(error.value)


# --- 1. Headers as people type them ------------------------------------------------------

AD_SHEET = ("\ufeff ID annonce ;SITE;Date collecte;commune_declaree;Titre;Texte;Téléphone;Pseudo;age_declare\n"
            "A1;escortes.example;2018-10-02;Lens;Bonjour;Appelez Lola au 06 39 98 12 34;06 39 98 12 34;Lola;25\n"
            "A2;escortes.example;02/10/2018;Lens;Bonsoir;Lola vous attend;0639981234;lola;\n")


def test_1a_typed_headers_are_matched_and_pseudonymised(tmp_path):
    sheet = ads.read_ads(write(tmp_path / "annonces.csv", AD_SHEET))
    assert sheet["id_annonce"].tolist() == ["A1", "A2"]
    assert sheet["date_collecte"].tolist() == ["2018-10-02", "2018-10-02"]
    assert sheet["telephone_pseudo"].str.startswith("TEL-").all()
    assert sheet["telephone_pseudo"].nunique() == 1 and sheet["pseudo_pseudo"].nunique() == 1
    assert "Lola" not in " ".join(sheet["texte"]) and "06 39 98" not in " ".join(sheet["texte"])


def test_1a_phone_cells_as_sites_show_them(tmp_path):
    """A number masked until clicked is no number (libphonenumber would read « XX » as 99,
    one number for every ad so masked); a label or a name around a number is dropped."""
    cells = ["06 39 98 XX XX", "06 39 98 XX XX", "06.39.98.**.**", "06 39 98 1x 34",
             "Tél. 06 39 98 12 34", "06 39 98 12 34 (Lola)", "O6 39 98 12 34", "0639981234"]
    rows = "".join(f"A{k};escortes.example;2018-10-02;Lens;Bonjour;Bonsoir;{cell};;\n" for k, cell in enumerate(cells))
    sheet = ads.read_ads(write(tmp_path / "annonces.csv", AD_SHEET.splitlines(keepends=True)[0] + rows))
    keys = sheet["telephone_pseudo"].tolist()
    assert keys[:4] == ["", "", "", ""] and sheet["voisins_pseudo"].tolist()[:4] == ["", "", "", ""]
    assert keys[4].startswith("TEL-") and set(keys[4:]) == {keys[4]}


def test_1b_unknown_header_is_reported(tmp_path):
    path = write(tmp_path / "annonces.csv", "id_annonce,site,Comentaire\nA1,x.example,à revoir\n")
    with pytest.warns(tables.ColumnWarning) as caught:
        ads.read_ads(path)
    assert str(caught[0].message).startswith(f"Fichier « {path} » : colonne(s) non lue(s), ignorée(s) : "
                                             "« Comentaire ». Colonnes lues : id_annonce, site, date_collecte")


def test_1b_known_headers_give_no_warning(tmp_path):
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        assert len(ads.read_ads(write(tmp_path / "annonces.csv", AD_SHEET))) == 2


def test_1c_missing_required_column_lists_the_columns_found(tmp_path):
    path = write(tmp_path / "annonces.csv", "ID annonce,Sites\nA1,x.example\n")
    with pytest.raises(InputError) as error:
        ads.read_ads(path)
    assert message(error) == (f"Fichier « {path} » : 1 problème(s) à corriger.\n  - colonne « site » absente : "
                              "attendu : une colonne « site » dans la première ligne ; colonnes trouvées : "
                              "« ID annonce », « Sites ».")


def test_1d_two_headers_for_one_column_are_refused(tmp_path):
    path = write(tmp_path / "annonces.csv", "id_annonce,Site,site\nA1,x.example,y.example\n")
    with pytest.raises(InputError, match="colonne C : valeur « site » ; attendu : un nom de colonne qui "
                                         "n'apparaît qu'une fois \\(même nom que la colonne B « Site »\\)"):
        ads.read_ads(path)


# --- 6. Files that cannot be read ------------------------------------------------------------

def test_6a_empty_file(tmp_path):
    path = write(tmp_path / "annonces.csv", "")
    with pytest.raises(InputError) as error:
        ads.read_ads(path)
    assert message(error) == (f"Fichier « {path} » : 1 problème(s) à corriger.\n  - fichier : attendu : une "
                              "première ligne d'en-têtes (les noms des colonnes) : le fichier est vide.")


def test_6b_header_only_ad_sheet(tmp_path):
    path = write(tmp_path / "annonces.csv", "id_annonce,site,texte\n")
    with pytest.raises(InputError, match="lignes : attendu : au moins une ligne de données sous la ligne "
                                         "d'en-têtes \\(le fichier n'a que ses en-têtes\\)"):
        ads.read_ads(path)


def test_6c_row_longer_than_its_header(tmp_path):
    path = write(tmp_path / "annonces.csv", "id_annonce,site\nA1,x.example\nA2,y.example,en trop\n")
    with pytest.raises(InputError) as error:
        ads.read_ads(path)
    assert "- ligne 3 : valeur « 3 cellules » ; attendu : au plus 2 cellules, une par colonne d'en-tête" in message(error)


def test_6d_password_protected_workbook(tmp_path):
    path = tmp_path / "annonces.xlsx"
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 600)
    with pytest.raises(InputError, match="(?s)annonces.xlsx.*fichier : attendu : un classeur .xlsx sans mot de passe"):
        ads.read_ads(path)


def test_6e_truncated_workbook(tmp_path):
    whole = workbook(tmp_path / "entier.xlsx", {"annonces": [["id_annonce", "site"], ["A1", "x.example"]]})
    path = tmp_path / "annonces.xlsx"
    path.write_bytes(whole.read_bytes()[:1500])
    with pytest.raises(InputError, match="un classeur Excel \\(.xlsx\\) complet : ce fichier est tronqué ou abîmé"):
        ads.read_ads(path)


def test_6f_csv_renamed_xlsx(tmp_path):
    path = write(tmp_path / "annonces.xlsx", "id_annonce,site\nA1,x.example\n")
    with pytest.raises(InputError, match="ce fichier est un fichier texte \\(un CSV \\?\\) renommé en .xlsx"):
        ads.read_ads(path)


def test_6g_utf16_tab_export_is_read(tmp_path):
    text = "id_annonce\tsite\tcommune_declaree\r\nA1\tx.example\tBéthune\r\n"
    path = write(tmp_path / "annonces.txt", "\ufeff" + text, encoding="utf-16-le")
    sheet = ads.read_ads(path)
    assert sheet[["id_annonce", "site", "commune_declaree"]].values.tolist() == [["A1", "x.example", "Béthune"]]


def test_6m_ad_text_over_an_excel_cell_is_refused_with_its_id(tmp_path):
    path = write(tmp_path / "annonces.csv", "id_annonce,site,texte\nA7,x.example," + "a" * 32768 + "\n")
    with pytest.raises(InputError) as error:
        ads.read_ads(path)
    assert ("ligne 2, colonne « texte » : valeur « " + "a" * 120 + "… (32768 caractères) » ; attendu : un texte "
            "d'au plus 32767 caractères (la limite d'une cellule Excel : l'annonce « A7 » ne tiendrait pas "
            "entière dans la fiche de codage") in message(error)


@pytest.mark.parametrize("written, read", [("2018-10-02", "2018-10-02"), ("02/10/2018", "2018-10-02"),
                                           ("2/10/2018", "2018-10-02"), ("", None)])
def test_6n_dates_are_read_as_iso(tmp_path, written, read):
    sheet = ads.read_ads(write(tmp_path / "annonces.csv", f"id_annonce,site,date_collecte\nA1,x.example,{written}\n"))
    assert sheet["date_collecte"].tolist() == [read]


@pytest.mark.parametrize("written", ["2018-13-45", "31/02/2018", "2018/10/02", "hier"])
def test_6n_impossible_dates_are_refused(tmp_path, written):
    path = write(tmp_path / "annonces.csv", f"id_annonce,site,date_collecte\nA1,x.example,{written}\n")
    with pytest.raises(InputError) as error:
        ads.read_ads(path)
    assert (f"ligne 2, colonne « date_collecte » : valeur « {written} » ; attendu : une date réelle écrite "
            "AAAA-MM-JJ ou JJ/MM/AAAA (par exemple 2018-10-02 ou 02/10/2018).") in message(error)


def test_6n_excel_date_cells_are_read(tmp_path):
    path = workbook(tmp_path / "annonces.xlsx", {"annonces": [["id_annonce", "site", "date_collecte", "age_declare"],
                                                              ["A1", "x.example", dt.datetime(2018, 10, 2), 25.0]]})
    sheet = ads.read_ads(path)
    assert sheet[["date_collecte", "age_declare"]].values.tolist() == [["2018-10-02", "25"]]


# --- 2 to 5. The questionnaire, as Google Forms and KoboToolbox export it -------------------

# The form's questions as Google Forms writes them in the first row (annex 4), in order.
BEFORE = [
    "Nom de l'organisation ou du service :",
    'Nom du/de la répondant.e :',
    'Fonction :',
    'Adresse mail :',
    'Numéro de téléphone :',
    'Votre activité principale :',
    'Vous remplissez le questionnaire :',
    'Si le questionnaire est rempli à titre collectif, combien de professionnel.les ont-ils/elles été consulté.es ?',
    'Dans le cadre de vos missions, avez-vous déjà :',
    'Combien de personnes ces situations concernent-elles ?',
]
SITUATION = [
    'Combien de personnes (environ) sont concernées par cette situation ?',
    'Ces personnes sont :',
    'Quel âge ont-elles, environ ?',
    'Quelle est leur nationalité ?',
    "Pour les personnes étrangères, pourriez-vous préciser leur pays d'origine ?",
    'Pour les personnes étrangères hors Union Européenne, pourriez-vous préciser leur situation administrative ?',
    'Quelle est leur situation familiale ?',
    'Comment / où logent-elles ?',
    'Quelle est leur situation professionnelle ?',
    'Quelle est leur situation financière ?',
    'Pouvez-vous décrire leur parcours de vie, des facteurs de vulnérabilité qui pourraient conduire ces personnes à entrer dans la prostitution ?',
    "De quelle forme de prostitution s'agit-il ?",
    'Pouvez-vous préciser les zones géographiques où ont lieu les faits de prostitution (dans quelles villes, quels quartiers, noms de rues, numéros de routes...)?',
    "Savez-vous s'il existe un/des proxénète(s) ?",
    'Pensez-vous que la prostitution de ces personnes est organisée par un réseau de proxénétisme et/ou de traite des êtres humains ?',
    'Avez-vous des informations concernant les clients de ces personnes ?',
    'Informations complémentaires que vous souhaiteriez apporter...',
    'Décrire une autre situation ?',
]
AFTER = [
    'Dans le cadre de vos missions, avez-vous déjà pris en charge des personnes en situation ou en risque de prostitution ?',
    'Si oui, avez-vous parlé avec elles de prostitution (directement ou de manière suggérée) ?',
    'Ces personnes avaient-elles des demandes particulières ? Lesquelles ?',
    'Quelles réponses ont été apportées ?',
    "Avez-vous orienté ces personnes vers d'autres structures ? Lesquelles ?",
    'Aborder le sujet de la prostitution avec une personne qui pourrait être concerné vous semble-t-il :',
    'Pourquoi ?',
    'Vous estimez-vous suffisamment outillé.e ?',
    'Si non, de quoi auriez-vous besoin pour mieux accompagner les personnes en situation ou en risque de prostitution ?',
    "Quels sont les principaux freins auxquels vous vous heurtez dans votre volonté d'accompagner des personnes en situation, ou en risque de prostitution ?",
    'Avez-vous déjà suivi, ou allez-vous suivre, une formation en lien avec cette problématique ?',
    'Si oui, pouvez préciser le type de formation suivie (nombre de jours, titre, intervenant.e...) ?',
    'Seriez-vous intéressé.e pour participer à un travail en réseau ou à une démarche de réflexion partagée en lien avec cette problématique ?',
    'Informations complémentaires que vous souhaiteriez apporter...',
    'Le saviez-vous ? [La Loi du 13 avril 2016 abolit le délit de racolage]',
    "Le saviez-vous ? [Les clients de la prostitution sont désormais passibles d'une contravention de 1500€]",
    "Le saviez-vous ? [La Loi du 13 avril 2016 crée un parcours de sortie de la prostitution et d'insertion sociale et professionnelle]",
    'Le saviez-vous ? [Le parcours de sortie de la prostitution peut donner droit à une autorisation provisoire de séjour avec droit au travail]',
    'Le saviez-vous ? [La marchandisation des corps entre désormais dans les thématiques abordées lors des actions de prévention à destination des jeunes]',
    "Le saviez-vous ? [La Loi du 13 avril 2016 crée une commission départementale, chargée de coordonner l'action en faveur des victimes de la prostitution]",
    "Pensez-vous que vous pourriez orienter des personnes vers le dispositif du parcours de sortie de la prostitution et d'insertion sociale et professionnelle ?",
    'Avez-vous déjà mené des actions de prévention et/ou de sensibilisation au sujet de la prostitution ?',
    "Si oui, pouvez-vous préciser (type d'action, public visé, outils utilisés...) ?",
    'Identifiez-vous des besoins spécifiques en termes de prévention, notamment auprès des jeunes ? Lesquels ?',
    'Informations complémentaires que vous souhaiteriez apporter...',
    "Acceptez-vous d'être recontacté.e dans le cadre de ce diagnostic ?",
    'Connaissez-vous des personnes ressources pour ce diagnostic ?',
    'Si oui, pourriez-vous nous indiquer leurs noms / coordonnées / fonctions ?',
    'Pourquoi sont-elles ressources selon-vous ?',
    'Informations complémentaires que vous souhaiteriez apporter...',
]

IDENTIFIED = ("Identifié, de manière probable ou avérée, des situations de prostitution")
WITNESS = "Été témoin de situations de prostitution"
SECOND_PERSON = {  # the answers of a collective response that describes no situation
    "Nom de l'organisation ou du service :": "Collège Jean Moulin", "Nom du/de la répondant.e :": "Jeanne Petit",
    "Fonction :": "CPE", "Adresse mail :": "j.petit@college.example", "Numéro de téléphone :": "03 53 01 00 02",
    "Votre activité principale :": "Éducation / jeunesse",
    "Vous remplissez le questionnaire :": "A titre collectif (service ou structure)",
    BEFORE[7]: "5",
    AFTER[0]: "Non", AFTER[7]: "Oui", AFTER[10]: "Oui",
}
FIRST_PERSON = {
    "Nom de l'organisation ou du service :": "CCAS de Vergne", "Nom du/de la répondant.e :": "Camille Martin",
    "Fonction :": "Assistante sociale", "Adresse mail :": "c.martin@ccas.example",
    "Numéro de téléphone :": "06 39 98 00 01", "Votre activité principale :": "santé",
    "Vous remplissez le questionnaire :": "A titre individuel",
    "Dans le cadre de vos missions, avez-vous déjà :": [IDENTIFIED, WITNESS],
    "Combien de personnes ces situations concernent-elles ?": "3",
    AFTER[0]: "Oui", AFTER[7]: "Non", AFTER[8]: ["Formation", "Mise en réseau"], AFTER[10]: "Non",
    AFTER[14]: "Oui, je le savais", AFTER[19]: "Non, je ne le savais pas",
}
FIRST_SITUATIONS = [
    {SITUATION[0]: "2 ou 3", SITUATION[1]: ["Des femmes"], SITUATION[2]: ["18-25 ans", "26-35 ans"],
     SITUATION[3]: ["Hors Union Européenne"], SITUATION[7]: ["Hôtel / Via le 115"],
     SITUATION[11]: ["Rue", "Via Internet"], SITUATION[12]: "Lens, gare", SITUATION[17]: "Oui"},
    {SITUATION[0]: "une", SITUATION[1]: ["Des hommes"], SITUATION[3]: ["Française"],
     SITUATION[11]: ["Inconnu"], SITUATION[17]: "Non, passer à la rubrique suivante"},
]


def form_row(stamp, answers: dict, situations: list[dict], blocks: int, joiner: str) -> list:
    """One response as Google Forms writes it: its answers under the header of `form_header`."""
    def cell(value):
        return joiner.join(value) if isinstance(value, list) else value
    row = [stamp] + [cell(answers.get(text, "")) for text in BEFORE]
    for k in range(blocks):
        own = situations[k] if k < len(situations) else {}
        row += [cell(own.get(text, "")) for text in SITUATION]
    return row + [cell(answers.get(text, "")) for text in AFTER]


def form_header(stamp: str, blocks: int) -> list[str]:
    return [stamp] + BEFORE + SITUATION * blocks + AFTER


def form_csv(path: Path, header: list[str], rows: list[list], separator: str = ",") -> Path:
    import csv
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, delimiter=separator)
        writer.writerow(header)
        writer.writerows(rows)
    return path


def two_responses(stamps, blocks=3, joiner=", "):
    return [form_row(stamps[0], FIRST_PERSON, FIRST_SITUATIONS, blocks, joiner),
            form_row(stamps[1], SECOND_PERSON, [], blocks, joiner)]


def check_two_responses(responses, situations, stamps):
    assert responses["id_reponse"].tolist() == ["R001", "R002"]
    assert responses["horodatage"].tolist() == stamps
    assert responses["activite"].tolist() == ["Santé", "Éducation, jeunesse"]
    assert responses["nb_consultes"].tolist()[1] == 5 and responses["nb_consultes"].isna().tolist() == [True, False]
    assert responses["reperage"].tolist() == [[IDENTIFIED, WITNESS], []]
    assert responses["besoins"].tolist() == [["Mise en réseau", "Formation"][::-1], []]
    assert responses["sait_racolage"].tolist() == ["Oui, je le savais", ""]
    assert responses["sait_commission"].tolist() == ["Non, je ne le savais pas", ""]
    assert "nom_repondant" not in responses and "courriel" not in responses and "telephone" not in responses
    assert situations[["id_reponse", "num_situation"]].values.tolist() == [["R001", 1], ["R001", 2]]
    assert situations["nb_personnes"].tolist() == ["2 ou 3", "une"]
    assert situations["age"].tolist() == [["18-25 ans", "26-35 ans"], []]
    assert situations["forme"].tolist() == [["Rue", "Via Internet"], ["Inconnu"]]
    assert situations["zones"].tolist() == ["Lens, gare", ""]


def test_2a_form_csv_with_am_pm_timestamps(tmp_path):
    stamps = ["2024/02/13 5:49:00 AM UTC+1", "2024/02/13 5:49:00 PM UTC+1"]
    path = form_csv(tmp_path / "reponses.csv", form_header("Timestamp", 3), two_responses(stamps, joiner=";"))
    check_two_responses(*questionnaire.read_answers(path), ["2024-02-13T05:49:00", "2024-02-13T17:49:00"])


def test_2b_form_csv_with_24_hour_timestamps(tmp_path):
    stamps = ["2024/02/13 17:49:00 UTC+1", "2024/02/14 9:05:12 UTC+1"]
    path = form_csv(tmp_path / "reponses.csv", form_header("Horodateur", 3), two_responses(stamps, joiner=";"))
    check_two_responses(*questionnaire.read_answers(path), ["2024-02-13T17:49:00", "2024-02-14T09:05:12"])


def test_2c_sheet_csv_of_a_french_form(tmp_path):
    stamps = ["13/02/2024 17:49:00", "02/03/2024 08:00:00"]
    path = form_csv(tmp_path / "reponses.csv", form_header("Horodateur", 3), two_responses(stamps), separator=";")
    check_two_responses(*questionnaire.read_answers(path), ["2024-02-13T17:49:00", "2024-03-02T08:00:00"])


def test_2d_xlsx_download_of_the_sheet(tmp_path):
    rows = two_responses([dt.datetime(2024, 2, 13, 17, 49), dt.datetime(2024, 3, 2, 8, 0)])
    rows[1][form_header("Horodateur", 3).index(BEFORE[7])] = 5  # a number, as Sheets stores it
    path = workbook(tmp_path / "reponses.xlsx", {"Réponses au formulaire 1": [form_header("Horodateur", 3), *rows]})
    check_two_responses(*questionnaire.read_answers(path), ["2024-02-13T17:49:00", "2024-03-02T08:00:00"])


def test_2e_kobotoolbox_xlsx(tmp_path):
    main = ["start", "introduction/organisation", "introduction/nom_repondant", "introduction/fonction",
            "introduction/courriel", "introduction/telephone", "introduction/activite", "introduction/mode_reponse",
            "introduction/nb_consultes", "reperage/reperage", "reperage/nb_personnes_total"]
    main += [f"suite/{q.code}" for q in questionnaire.main_questions()[10:]] + ["_id", "_submission_time", "_index"]
    first = ["2024-02-13T17:40:00", "CCAS de Vergne", "Camille Martin", "AS", "c@ccas.example", "0639980001", "Sante",
             "a_titre_individuel", "", "identifie_de_maniere_probable_ou_averee_ ete_temoin_de_situations_de_prostitution",
             "3"] + [""] * len(questionnaire.main_questions()[10:]) + [101, "2024-02-13T16:49:00.000+01:00", 1]
    second = ["2024-02-14T08:00:00", "Collège", "Jeanne Petit", "CPE", "j@college.example", "0353010002", "Police",
              "a_titre_collectif_service_ou_structure", 5, "", ""] + [""] * len(questionnaire.main_questions()[10:]) \
        + [102, "2024-02-14T08:05:00", 2]
    repeat = [["situation/nb_personnes", "situation/sexe", "situation/forme", "_index", "_parent_index"],
              ["2", "des_femmes", "rue via_internet", 1, 1], ["1", "des_hommes", "inconnu", 2, 1]]
    path = workbook(tmp_path / "kobo.xlsx", {"diagnostic": [main, first, second], "situation": repeat})
    responses, situations = questionnaire.read_answers(path)
    assert responses["horodatage"].tolist() == ["2024-02-13T16:49:00", "2024-02-14T08:05:00"]
    assert responses["activite"].tolist() == ["Santé", "Sécurité publique"]
    assert responses["nb_consultes"].tolist()[1] == 5
    assert responses["reperage"].tolist() == [[IDENTIFIED, WITNESS], []]
    assert situations[["id_reponse", "num_situation", "nb_personnes"]].values.tolist() == [["R001", 1, "2"],
                                                                                           ["R001", 2, "1"]]
    assert situations["forme"].tolist() == [["Rue", "Via Internet"], ["Inconnu"]]
    assert situations["nature"].tolist() == [None, None]  # the repeat sheet has no "nature": not asked


def test_2f_header_only_questionnaire(tmp_path):
    path = form_csv(tmp_path / "reponses.csv", form_header("Horodateur", 2), [])
    with pytest.raises(InputError) as error:
        questionnaire.read_answers(path)
    assert message(error) == (f"Fichier « {path} » : 1 problème(s) à corriger.\n  - lignes : attendu : au moins une "
                              "réponse sous la ligne d'en-têtes (le fichier n'a que ses en-têtes : aucune réponse).")


def test_2g_timestamp_that_is_no_date(tmp_path):
    path = form_csv(tmp_path / "reponses.csv", form_header("Horodateur", 3),
                    two_responses(["13/02/2024 17:49:00", "31/02/2024 08:00:00"]))
    with pytest.raises(InputError, match="ligne 3, colonne A « Horodateur » : valeur « 31/02/2024 08:00:00 » ; "
                                         "attendu : une date et une heure"):
        questionnaire.read_answers(path)


def test_3a_last_section_shorter_is_read_without_shift(tmp_path):
    header = form_header("Horodateur", 2)
    rows = two_responses(["13/02/2024 17:49:00", "14/02/2024 08:00:00"], blocks=2)
    last = len(BEFORE) + 1 + 2 * len(SITUATION)  # the first column after the second section
    header = header[:last - 6] + header[last:]  # its six last questions deleted from the form
    rows = [row[:last - 6] + row[last:] for row in rows]
    responses, situations = questionnaire.read_answers(form_csv(tmp_path / "reponses.csv", header, rows))
    assert situations["forme"].tolist() == [["Rue", "Via Internet"], ["Inconnu"]]
    assert situations["zones"].tolist() == ["Lens, gare", ""]
    assert situations["autre_situation"].tolist() == ["Oui", ""]
    assert responses["prise_en_charge"].tolist() == ["Oui", "Non"]


def test_3b_last_section_lacking_a_middle_question(tmp_path):
    header = form_header("Horodateur", 2)
    rows = two_responses(["13/02/2024 17:49:00", "14/02/2024 08:00:00"], blocks=2)
    nationality = len(BEFORE) + 1 + len(SITUATION) + 3
    assert header[nationality] == "Quelle est leur nationalité ?"
    del header[nationality]
    for row in rows:
        del row[nationality]
    _, situations = questionnaire.read_answers(form_csv(tmp_path / "reponses.csv", header, rows))
    assert situations["nationalite"].tolist() == [["Hors Union Européenne"], []]
    assert situations["forme"].tolist() == [["Rue", "Via Internet"], ["Inconnu"]]


def test_3c_renamed_first_situation_question(tmp_path):
    header = ["Combien de personnes sont concernées ?" if h == SITUATION[0] else h for h in form_header("Horodateur", 3)]
    path = form_csv(tmp_path / "reponses.csv", header, two_responses(["13/02/2024 17:49:00", "14/02/2024 08:00:00"]))
    with pytest.raises(InputError) as error:
        questionnaire.read_answers(path)
    assert message(error) == (
        f"Fichier « {path} » : 1 problème(s) à corriger.\n  - première ligne, colonne L : valeur « Combien de "
        "personnes sont concernées ? » ; attendu : une question de la section « Description des situations » (ici "
        f"« Cette situation relève : » ou, sans cette question ajoutée par le manuel, « {SITUATION[0]} »), ou la "
        f"question « {AFTER[0]} » qui la suit (questionnaire de l'annexe 4, questions dans l'ordre du formulaire).")


def test_3d_column_inserted_in_a_section(tmp_path):
    header = form_header("Horodateur", 3)
    rows = two_responses(["13/02/2024 17:49:00", "14/02/2024 08:00:00"])
    at = len(BEFORE) + 1 + 4  # after "Quelle est leur nationalité ?" of the first section
    header.insert(at, "Langue parlée ?")
    for row in rows:
        row.insert(at, "")
    path = form_csv(tmp_path / "reponses.csv", header, rows)
    with pytest.raises(InputError, match=f"première ligne, colonne P : valeur « Langue parlée \\? » ; attendu : une "
                                         f"question de la section « Description des situations » \\(ici « Pour les "
                                         f"personnes étrangères, pourriez-vous préciser leur pays d'origine \\? »\\)"):
        questionnaire.read_answers(path)


def test_3e_section_other_than_the_last_lacking_a_question(tmp_path):
    header = form_header("Horodateur", 3)
    rows = two_responses(["13/02/2024 17:49:00", "14/02/2024 08:00:00"])
    at = len(BEFORE) + 1 + 4
    del header[at]
    for row in rows:
        del row[at]
    path = form_csv(tmp_path / "reponses.csv", header, rows)
    with pytest.raises(InputError) as error:
        questionnaire.read_answers(path)
    assert ("première ligne, section de situation n° 1 (colonnes L à AB) : attendu : la question « Pour les personnes "
            "étrangères, pourriez-vous préciser leur pays d'origine ? » : chaque section de situation reprend toutes "
            "les questions, dans l'ordre ; seule la dernière peut être plus courte.") in message(error)


def test_3f_oui_in_an_empty_section_adds_no_situation(tmp_path):
    rows = two_responses(["13/02/2024 17:49:00", "14/02/2024 08:00:00"])
    rows[0][len(BEFORE) + 3 * len(SITUATION)] = "Oui"  # "Décrire une autre situation ?" of the third section
    _, situations = questionnaire.read_answers(form_csv(tmp_path / "reponses.csv", form_header("Horodateur", 3), rows))
    assert situations["num_situation"].tolist() == [1, 2]


def test_3g_nature_question_absent_is_not_a_blank_answer(tmp_path):
    """The handbook's question « Cette situation relève : » (not in annex 4): an export
    without it reads None (not asked), an export with it reads the answer, "" when blank."""
    stamps = ["13/02/2024 17:49:00", "14/02/2024 08:00:00"]
    rows = two_responses(stamps, blocks=2)
    _, old = questionnaire.read_answers(form_csv(tmp_path / "annexe4.csv", form_header("Horodateur", 2), rows))
    assert old["nature"].tolist() == [None, None]
    nature = questionnaire.question("nature")
    header = form_header("Horodateur", 2)
    for k in (1, 0):  # the question first in each situation section
        at = 1 + len(BEFORE) + k * len(SITUATION)
        header.insert(at, nature.texte)
        for row, answer in zip(rows, ([nature.choix[0], ""][k], "")):
            row.insert(at, answer)
    _, new = questionnaire.read_answers(form_csv(tmp_path / "avec-nature.csv", header, rows))
    assert new["nature"].tolist() == [nature.choix[0], ""]
    assert new["forme"].tolist() == [["Rue", "Via Internet"], ["Inconnu"]]


@pytest.mark.parametrize("written, field", [
    ("santé", "Santé"), ("Sante", "Santé"), ("SANTÉ", "Santé"), ("Éducation / jeunesse", "Éducation, jeunesse"),
    ("education jeunesse", "Éducation, jeunesse"), ("police", "Sécurité publique"),
    ("Gendarmerie", "Sécurité publique"), ("justice", "Justice"), ("hébergement", "Hébergement, logement"),
    ("Accueil, accompagnement social, insertion", "Accueil, accompagnement social, insertion"), ("", "")])
def test_4_field_of_activity_wordings(tmp_path, written, field):
    rows = two_responses(["13/02/2024 17:49:00", "14/02/2024 08:00:00"])
    rows[0][BEFORE.index("Votre activité principale :") + 1] = written
    responses, _ = questionnaire.read_answers(form_csv(tmp_path / "r.csv", form_header("Horodateur", 3), rows))
    assert responses["activite"].tolist()[0] == field


def test_4_field_wordings_are_the_six_fields():
    from diagnostic.partners import FIELD_LABELS
    assert set(dict(questionnaire.question("activite").libelles).values()) == set(FIELD_LABELS.values())


def test_4_unknown_field_of_activity_is_reported_with_the_choices(tmp_path):
    rows = two_responses(["13/02/2024 17:49:00", "14/02/2024 08:00:00"])
    rows[1][BEFORE.index("Votre activité principale :") + 1] = "Mairie"
    path = form_csv(tmp_path / "r.csv", form_header("Horodateur", 3), rows)
    with pytest.raises(InputError) as error:
        questionnaire.read_answers(path)
    assert ("ligne 3, colonne G « Votre activité principale : » : valeur « Mairie » ; attendu : l'un des champs "
            "d'activité Accueil, accompagnement social, insertion / Hébergement, logement / Santé / Éducation, "
            "jeunesse / Sécurité publique / Justice (ou une formulation courante, voir "
            "instrument/questionnaire.yaml).") in message(error)


def test_5_unknown_label_in_a_multiple_choice_is_reported(tmp_path):
    rows = two_responses(["13/02/2024 17:49:00", "14/02/2024 08:00:00"])
    sexe = len(BEFORE) + 1 + 1
    rows[0][sexe] = "Des femmes, Des mineures"
    path = form_csv(tmp_path / "r.csv", form_header("Horodateur", 3), rows)
    with pytest.raises(InputError) as error:
        questionnaire.read_answers(path)
    assert message(error) == (
        f"Fichier « {path} » : 1 problème(s) à corriger.\n  - ligne 2, colonne M « Ces personnes sont : » : valeur "
        "« Des femmes, Des mineures » ; attendu : les réponses proposées (texte non reconnu : « Des mineures ») : "
        "Des femmes / Des hommes / Des personnes transidentitaires.")


def test_5_text_typed_in_autre_is_read_as_autre(tmp_path):
    rows = two_responses(["13/02/2024 17:49:00", "14/02/2024 08:00:00"])
    housing = len(BEFORE) + 1 + 7
    rows[0][housing] = "Hôtel / Via le 115, chez un ami du quartier"
    _, situations = questionnaire.read_answers(form_csv(tmp_path / "r.csv", form_header("Horodateur", 3), rows))
    assert situations["logement"].tolist() == [["Hôtel / Via le 115", "Autre"], []]


# --- 6h to 6l. Captures for `diagnostic mse`, coder sheets --------------------------------------

def test_6h_semicolon_captures_file_is_read(tmp_path):
    from diagnostic import mse
    path = write(tmp_path / "historiques.csv", "Santé;Justice;Count\n1;0;12\n0;1;9\n1;1;3\n0;0;0\n")
    table = mse.read_captures_file(path)
    assert table.columns.tolist() == ["Santé", "Justice", "count"]
    assert table.values.tolist() == [[1, 0, 12], [0, 1, 9], [1, 1, 3]]
    assert mse.estimate(table).observed == 24


@pytest.mark.parametrize("cell, expected", [
    ("oui", "ligne 3, colonne A « a » : valeur « oui » ; attendu : 0 (pas sur cette liste) ou 1 (sur cette liste)."),
    ("x", "ligne 3, colonne A « a » : valeur « x » ; attendu : 0 (pas sur cette liste) ou 1 (sur cette liste).")])
def test_6i_text_in_a_capture_column(tmp_path, cell, expected):
    from diagnostic import mse
    path = write(tmp_path / "historiques.csv", f"a,b,count\n1,0,4\n{cell},1,2\n")
    with pytest.raises(InputError) as error:
        mse.read_captures_file(path)
    assert message(error) == f"Fichier « {path} » : 1 problème(s) à corriger.\n  - {expected}"


def test_6j_count_of_five_and_a_half(tmp_path):
    from diagnostic import mse
    path = write(tmp_path / "historiques.csv", "a,b,count\n1,0,5.5\n0,1,2\n")
    with pytest.raises(InputError) as error:
        mse.read_captures_file(path)
    assert "ligne 2, colonne C « count » : valeur « 5.5 » ; attendu : un nombre entier de personnes, 0 ou plus." \
        in message(error)


def test_6k_all_zero_counts(tmp_path):
    from diagnostic import mse
    path = write(tmp_path / "historiques.csv", "a,b,count\n1,0,0\n0,1,0\n1,1,0\n")
    with pytest.raises(InputError) as error:
        mse.read_captures_file(path)
    assert message(error).endswith("colonne « count » : valeur « 0 partout » ; attendu : au moins une personne observée.")


def test_6k_persons_on_no_list(tmp_path):
    from diagnostic import mse
    path = write(tmp_path / "historiques.csv", "a,b,count\n1,0,3\n0,0,4\n")
    with pytest.raises(InputError, match="ligne 3 : valeur « 4 » ; attendu : des personnes sur au moins une liste"):
        mse.read_captures_file(path)


def test_6l_coder_sheet_renamed_feuil1_is_read(tmp_path):
    from diagnostic import coding
    columns = ["num_echantillon", "id_annonce", "codeur", *coding.variables(), "remarques"]
    rows = [[1, "A1", "Alix", "non"] + [None] * (len(columns) - 4),
            [2, "A2", "Alix", "non"] + [None] * (len(columns) - 4)]
    path = workbook(tmp_path / "codage-Alix.xlsx", {"Lisez-moi": [["Fiche de codage"]], "Feuil1": [columns, *rows]})
    coded = coding.read_coder_sheet(path, expected=["A1", "A2"])
    assert coded[["id_annonce", "codeur", "annonce_retrouvee"]].values.tolist() == [["A1", "Alix", "non"],
                                                                                   ["A2", "Alix", "non"]]


def test_6l_workbook_without_a_coder_sheet(tmp_path):
    from diagnostic import coding
    path = workbook(tmp_path / "codage-Alix.xlsx", {"Lisez-moi": [["Fiche"]], "Feuil1": [["autre chose"], ["x"]]})
    with pytest.raises(InputError, match="une feuille « Codage » avec une colonne « id_annonce » \\(la fiche de codage "
                                         "d'origine\\) ; feuilles trouvées : Lisez-moi, Feuil1"):
        coding.read_coder_sheet(path)


def test_6k_header_only_captures_file(tmp_path):
    from diagnostic import mse
    path = write(tmp_path / "historiques.csv", "a,b,count\n,,\n")
    with pytest.raises(InputError, match="au moins une personne observée"):
        mse.read_captures_file(path)


def test_6o_blank_lines_at_the_end_of_an_excel_csv_are_ignored(tmp_path):
    sheet = ads.read_ads(write(tmp_path / "annonces.csv", "id_annonce;site\r\nA1;x.example\r\n;\r\n;\r\n\r\n"))
    assert sheet["id_annonce"].tolist() == ["A1"]
