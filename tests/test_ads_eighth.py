"""The eighth synthetic ad corpus (Loire-Atlantique): the generator's own promises."""
from __future__ import annotations

import re
import subprocess
import sys
from datetime import date

import pandas as pd
import pytest

from diagnostic.synthetic import ads_eighth as m

FICTION = ("019900", "026191", "035301", "046571", "053649", "063998")  # TECH-NOTES, ARCEP
PHONE_IN_TEXT = re.compile(r"(?:\+33|0033|[0O])(?:[ ./-]*\d){9}")


@pytest.fixture(scope="module")
def world699():
    return m.eighth_world(699)


def _normalise(written: str) -> str:
    digits = re.sub(r"\D", "", written.replace("O", "0"))
    if written.lstrip().startswith("+33"):
        digits = "0" + digits[2:]
    elif digits.startswith("0033"):
        digits = "0" + digits[4:]
    return digits


def test_interface_constants():
    assert m.DEPARTEMENT == "44"
    assert m.COLUMNS == ("id_annonce", "site", "date_collecte", "commune_declaree", "titre",
                         "texte", "telephone", "pseudo", "age_declare")
    assert m.TRUTH_COLUMNS == ("id_annonce", "id_personne", "id_reseau")


def test_report_scale(world699):
    sheet, truth = world699
    assert len(sheet) == len(truth) == 699
    assert truth["id_personne"].nunique() == 273          # report II-B


def test_growth_law_from_its_definition():
    assert m.person_count(0) == 0
    assert m.person_count(1) == 1                          # round(273/699) = 0, at least one person
    assert m.person_count(100) == 39                       # 27 300 / 699 = 39.06
    assert m.person_count(699) == 273
    for n in (2_000, 100_000, 1_000_000):
        assert m.person_count(n) == round(273 * (n / 699) ** 0.75)
    # the data sheet's table
    assert [m.person_count(n) for n in (2_000, 100_000, 1_000_000)] == [
        round(273 * (n / 699) ** 0.75) for n in (2_000, 100_000, 1_000_000)]
    assert m.collection_days(699) == 76 and m.collection_days(10) == 76


@pytest.mark.parametrize("n", [1, 2, 37, 250, 1_000])
def test_row_counts_and_persons(n):
    sheet, truth = m.eighth_world(n, seed=7)
    assert len(sheet) == len(truth) == n
    assert truth["id_personne"].nunique() == m.person_count(n)


def test_empty_world():
    sheet, truth = m.eighth_world(0)
    assert list(sheet.columns) == list(m.COLUMNS) and len(sheet) == 0
    assert list(truth.columns) == list(m.TRUTH_COLUMNS) and len(truth) == 0


def test_columns_and_cells(world699):
    sheet, truth = world699
    assert tuple(sheet.columns) == m.COLUMNS
    assert tuple(truth.columns) == m.TRUTH_COLUMNS
    for frame in (sheet, truth):
        assert frame.map(lambda v: isinstance(v, str)).all().all()
    assert list(sheet["id_annonce"]) == [f"A{k:07d}" for k in range(1, 700)]
    assert list(truth["id_annonce"]) == list(sheet["id_annonce"])
    assert not sheet["texte"].str.contains("\n").any()
    assert (sheet["texte"] != "").all()


def test_identifiers(world699):
    _, truth = world699
    assert truth["id_personne"].str.fullmatch(r"P\d{5}").all()
    assert truth["id_reseau"].str.fullmatch(r"(R\d{4})?").all()
    # one person, one network (or none)
    assert (truth.groupby("id_personne")["id_reseau"].nunique() == 1).all()
    assert (truth["id_reseau"] != "").any() and (truth["id_reseau"] == "").any()


def test_dates_in_window(world699):
    sheet, _ = world699
    days = pd.to_datetime(sheet["date_collecte"], format="%Y-%m-%d")
    assert days.min() >= pd.Timestamp(date(2019, 1, 14))
    assert days.max() <= pd.Timestamp(date(2019, 1, 14)) + pd.Timedelta(days=75)
    assert days.is_monotonic_increasing                 # the order met follows the collection


def test_sites_are_fictional(world699):
    sheet, _ = world699
    assert sheet["site"].str.endswith(".example").all()
    assert all(s.endswith(".example") for s in m.SITE_NAMES)
    assert not sheet["texte"].str.contains(r"\.(?:com|fr|net|org)\b").any()


def test_every_phone_is_fiction(world699):
    sheet, _ = world699
    fields = sheet.loc[sheet["telephone"] != "", "telephone"]
    assert len(fields) > 0
    for written in fields:
        digits = _normalise(written)
        assert len(digits) == 10 and digits[:6] in FICTION, written
    found = [x for t in sheet["texte"] for x in PHONE_IN_TEXT.findall(t)]
    assert len(found) > 0
    for written in found:
        digits = _normalise(written)
        assert len(digits) == 10 and digits[:6] in FICTION, written
    # nothing else in the texts looks like a phone number (9 digits or more in a row)
    assert not sheet["texte"].str.replace(PHONE_IN_TEXT, "", regex=True).str.contains(
        r"(?:\d[ ./-]?){9}").any()


def test_phone_spellings_vary():
    sheet, _ = m.eighth_world(2_000, seed=3)
    written = pd.concat([sheet["telephone"],
                         sheet["texte"].str.extract(f"({PHONE_IN_TEXT.pattern})")[0].dropna()])
    written = written[written != ""]
    assert written.str.contains(r"^0\d \d\d").any()     # 06 39 98 ...
    assert written.str.fullmatch(r"0\d{9}").any()
    assert written.str.startswith("+33").any()
    assert written.str.contains(r"\.").any()


def test_fields_as_sites_show_them(world699):
    sheet, _ = world699
    assert sheet["age_declare"].str.fullmatch(r"(\d{2}( ans)?)?").all()
    ages = sheet["age_declare"].str.extract(r"(\d+)")[0].dropna().astype(int)
    assert ages.min() >= 18
    assert (sheet["age_declare"] == "").any() and sheet["age_declare"].str.endswith("ans").any()
    assert (sheet["telephone"] == "").any() and (sheet["pseudo"] == "").any()


def test_communes_of_loire_atlantique(world699):
    sheet, _ = world699
    postcodes = sheet["commune_declaree"].str.findall(r"(?<!\d)\d{5}(?!\d)").explode().dropna()
    assert len(postcodes) > 0 and postcodes.str.startswith("44").all()
    assert (sheet["commune_declaree"] == "").any()
    assert sheet["commune_declaree"].str.contains("Nantes", case=False).mean() > 0.2
    assert set(m._PLACE_WEIGHTS) <= set(m._place_table()[0])  # real COG 2018 codes of 44


def test_same_bytes_in_another_process(tmp_path):
    here = m.write_eighth_world(300, tmp_path / "a", seed=11)
    code = ("import sys; from diagnostic.synthetic.ads_eighth import write_eighth_world; "
            "write_eighth_world(300, sys.argv[1], seed=11)")
    subprocess.run([sys.executable, "-c", code, str(tmp_path / "b")], check=True,
                   env={"PYTHONHASHSEED": "123", "PATH": ""})
    for path in here:
        other = tmp_path / "b" / path.relative_to(tmp_path / "a")
        assert path.read_bytes() == other.read_bytes()
    assert m.eighth_world(300, seed=12)[0].equals(m.eighth_world(300, seed=12)[0])
    assert not m.eighth_world(300, seed=12)[0].equals(m.eighth_world(300, seed=13)[0])


def test_written_files(tmp_path):
    paths = m.write_eighth_world(120, tmp_path)
    assert paths == [tmp_path / "annonces-SYNTHETIQUE.csv",
                     tmp_path / "verite" / "annonces-SYNTHETIQUE.csv"]
    sheet, truth = m.eighth_world(120)
    back = pd.read_csv(paths[0], dtype=str, keep_default_na=False)
    assert list(back.columns) == list(m.COLUMNS)
    pd.testing.assert_frame_equal(back, sheet.astype(str))
    back_truth = pd.read_csv(paths[1], dtype=str, keep_default_na=False)
    pd.testing.assert_frame_equal(back_truth, truth.astype(str))
    assert paths[0].read_bytes().decode("utf-8").startswith(",".join(m.COLUMNS))
