"""Privacy leaks of issue 17 (section 2), one small hand-written input per case.

Cases:

1. Phone numbers in every spelling are masked on reading (`privacy.mask_contacts`) and
   found by the publication check (`publication.scan_text`), with one shared detection:
   slashes, underscores, commas, zero-width spaces, French words ("zéro six douze…"),
   `+33 (0)6…`, `0033 6…`; dates, postcodes, ages and prices are left alone.
2. Obfuscated e-mails (`(at)`, `[at]`, ` arobase `, `(dot)`, `[point]`) are masked on
   reading and found by the check.
3. A full name (first name and surname) inside an ad's text or a free-text answer is
   masked as `[nom]`; commune and street names are not; for real data the coder sheets
   are working files outside the book.
4. Formula injection: texts starting with `=`, `+`, `-`, `@` stay plain strings in the
   xlsx files and get a leading apostrophe in the CSV files.
5. The pseudonymisation key: real data are refused without a secret key (French
   message saying how to create one); `diagnostic cle --sortie FICHIER` writes one
   (mode 600, never overwriting); synthetic and published-figure editions need none.
6. The publication check parses pages (visible text, reader-visible attributes, chart
   data), ignores internal identifiers, accepts findings acknowledged by their hash,
   and opens the book's downloads (xlsx, zip, CSV).
"""

import csv
import io
import zipfile

import pandas as pd
import pytest
from openpyxl import load_workbook

from diagnostic import coding, privacy, publication, spreadsheets

# 4. Formula injection ------------------------------------------------------------------

INJECTIONS = ['=HYPERLINK("http://x.example","clic")', "=cmd|' /C calc'!A0", "  =1+1", "+33 rien", "-2+3",
              "@SUM(A1)", "\t=1", "\r=1"]


def _sample_with(texts):
    return pd.DataFrame({"num_echantillon": range(1, len(texts) + 1),
                         "id_annonce": [f"A{k}" for k in range(len(texts))], "site": "site.example",
                         "titre": texts, "texte": texts})


def test_ad_texts_that_look_like_formulas_stay_strings_in_the_coder_sheet(tmp_path):
    sample = _sample_with(INJECTIONS)
    assignment = coding.assign(sample, ["A"], 0, 1)
    sheet = coding.coder_sheet(sample, assignment, "A")
    path = coding.write_coder_sheet(sheet, None, tmp_path / "fiche.xlsx", notice=["=1+2 dans l'avis"])
    workbook = load_workbook(path)
    rows = list(workbook[coding.SHEET].iter_rows(min_row=2))
    header = [c.value for c in workbook[coding.SHEET][1]]
    texts = [row[header.index("texte")] for row in rows]
    assert [c.value for c in texts] == INJECTIONS[:-1] + ["\n=1"]  # XML stores a lone \r as \n
    assert all(c.data_type == "s" for c in texts)
    assert workbook["Lisez-moi"]["A1"].data_type == "s" and workbook["Lisez-moi"]["A1"].value == "=1+2 dans l'avis"


def test_csv_cells_never_start_a_formula():
    buffer = io.StringIO()
    spreadsheets.write_csv(pd.DataFrame({"texte": INJECTIONS + ["ordinaire", " espace"], "n": range(10)}), buffer)
    rows = list(csv.reader(io.StringIO(buffer.getvalue(), newline="")))
    cells = [row[0] for row in rows[1:]]
    assert cells[:2] == ["'=HYPERLINK(\"http://x.example\",\"clic\")", "'=cmd|' /C calc'!A0"]
    assert cells[2:] == ["'  =1+1", "'+33 rien", "'-2+3", "'@SUM(A1)", "'\t=1", "'\r=1", "ordinaire", " espace"]
    assert [row[1] for row in rows[1:3]] == ["0", "1"]  # numbers are left alone
