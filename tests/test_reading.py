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
   or text in capture columns; 6j. a count of 5.5; 6k. all-zero counts; 6l. a coder sheet
   whose "Codage" sheet was renamed `Feuil1` is read; 6m. an ad text over 32 767
   characters is refused with the ad's id; 6n. dates: `2018-13-45` refused, `2018-10-02`,
   `02/10/2018` and an Excel date cell read as 2018-10-02.
"""

from __future__ import annotations

import datetime as dt
import warnings
from pathlib import Path

import pytest
from openpyxl import Workbook

from diagnostic import ads, tables
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
