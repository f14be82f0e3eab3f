"""The seventh synthetic ad corpus (Bouches-du-Rhône): the generator's own promises."""

from __future__ import annotations

import datetime as dt
import hashlib
import re
import subprocess
import sys

import pandas as pd
import pytest

from diagnostic import communes
from diagnostic.synthetic import ads_seventh as seventh

FICTION = ("019900", "026191", "035301", "046571", "053649", "063998")  # TECH-NOTES, ARCEP fiction ranges
RUN = re.compile(r"(?:\+|\b)\d[\d .\-/]*\d")


@pytest.fixture(scope="module")
def world699():
    return seventh.seventh_world(699)


@pytest.fixture(scope="module")
def world2000():
    return seventh.seventh_world(2000, seed=7)


def _numbers(cell: str) -> list[str]:
    """Every phone number written in a cell (9 digits or more), as ten digits."""
    found = []
    for run in RUN.findall(cell):
        digits = re.sub(r"\D", "", run)
        if len(digits) < 9:
            continue
        if digits.startswith("0033"):
            digits = "0" + digits[4:]
        elif digits.startswith("33") and len(digits) == 11:
            digits = "0" + digits[2:]
        elif len(digits) == 9:  # "O6 39 98 …": a letter O for the zero
            digits = "0" + digits
        found.append(digits)
    return found


def test_interface_constants():
    assert seventh.DEPARTEMENT == "13"
    assert seventh.COLUMNS == ("id_annonce", "site", "date_collecte", "commune_declaree", "titre", "texte",
                               "telephone", "pseudo", "age_declare")
    assert seventh.TRUTH_COLUMNS == ("id_annonce", "id_personne", "id_reseau")


def test_growth_law_by_hand():
    # 273 · (n/699)^0.55: 2000 → 486.7 → 487; 100 000 → 4 185.05; 1 000 000 → 14 849.1
    assert seventh.person_count(699) == 273
    assert seventh.person_count(2000) == 487
    assert seventh.person_count(100_000) == 4185
    assert seventh.person_count(1_000_000) == 14849
    assert seventh.person_count(1) == 1
    assert seventh.person_count(5) == 5  # never more persons than ads
    assert seventh.person_count(0) == 0
    # 77 · (n/699)^0.4: 77 days up to 699 ads; 1 000 000 → 1 408.3
    assert seventh.span_days(10) == 77
    assert seventh.span_days(699) == 77
    assert seventh.span_days(1_000_000) == 1408


@pytest.mark.parametrize("n", [0, 1, 2, 37, 699, 2000])
def test_row_counts(n):
    sheet, truth = seventh.seventh_world(n, seed=11)
    assert len(sheet) == len(truth) == n
    assert list(sheet.columns) == list(seventh.COLUMNS)
    assert list(truth.columns) == list(seventh.TRUTH_COLUMNS)
    assert truth["id_personne"].nunique() == seventh.person_count(n)


def test_persons_at_699(world699):
    sheet, truth = world699
    assert truth["id_personne"].nunique() == 273
    assert sorted(truth["id_personne"].unique()) == [f"P{i:05d}" for i in range(1, 274)]


def test_persons_at_2000(world2000):
    assert world2000[1]["id_personne"].nunique() == 487


def test_ids_and_strings(world699):
    sheet, truth = world699
    assert sheet["id_annonce"].tolist() == [f"A{i:07d}" for i in range(1, 700)]
    assert truth["id_annonce"].tolist() == sheet["id_annonce"].tolist()
    for frame in (sheet, truth):
        assert not frame.isna().any().any()
        assert all(isinstance(v, str) for col in frame.columns for v in frame[col])
    assert truth["id_reseau"].map(lambda r: r == "" or re.fullmatch(r"R\d{4}", r) is not None).all()
    # one person, one group (or none) in every ad
    assert (truth.groupby("id_personne")["id_reseau"].nunique() == 1).all()
    # both kinds of persons exist
    assert (truth["id_reseau"] == "").any() and (truth["id_reseau"] != "").any()


def test_determinism_in_process():
    a = seventh.seventh_world(500, seed=3)
    b = seventh.seventh_world(500, seed=3)
    pd.testing.assert_frame_equal(a[0], b[0])
    pd.testing.assert_frame_equal(a[1], b[1])
    c = seventh.seventh_world(500, seed=4)
    assert not a[0].equals(c[0])


def test_same_bytes_in_another_process(tmp_path):
    paths = seventh.write_seventh_world(300, tmp_path / "here", seed=5)
    assert paths == [tmp_path / "here" / "annonces-SYNTHETIQUE.csv",
                     tmp_path / "here" / "verite" / "annonces-SYNTHETIQUE.csv"]
    code = ("import sys; from diagnostic.synthetic.ads_seventh import write_seventh_world; "
            "write_seventh_world(300, sys.argv[1], seed=5)")
    subprocess.run([sys.executable, "-c", code, str(tmp_path / "there")], check=True,
                   env={"PYTHONHASHSEED": "123", "PATH": ""})
    for here, name in zip(paths, ["annonces-SYNTHETIQUE.csv", "verite/annonces-SYNTHETIQUE.csv"]):
        there = tmp_path / "there" / name
        assert hashlib.sha256(here.read_bytes()).digest() == hashlib.sha256(there.read_bytes()).digest()


def test_written_csv_reads_back(tmp_path):
    paths = seventh.write_seventh_world(120, tmp_path, seed=9)
    sheet = pd.read_csv(paths[0], dtype=str, keep_default_na=False)
    truth = pd.read_csv(paths[1], dtype=str, keep_default_na=False)
    expected_sheet, expected_truth = seventh.seventh_world(120, seed=9)
    pd.testing.assert_frame_equal(sheet, expected_sheet.astype(str))
    pd.testing.assert_frame_equal(truth, expected_truth.astype(str))


@pytest.mark.parametrize("which", ["world699", "world2000"])
def test_every_phone_in_fiction_ranges(which, request):
    sheet, _ = request.getfixturevalue(which)
    seen = 0
    for column in ("telephone", "texte", "titre"):
        for cell in sheet[column]:
            for number in _numbers(cell):
                assert len(number) == 10 and number[:6] in FICTION, (column, cell)
                seen += 1
    assert seen > 0
    masked = sheet["telephone"][sheet["telephone"].str.contains("X")]
    assert masked.map(lambda v: re.sub(r"\D", "", v) in FICTION).all()
    # a field is either empty or holds one number (or a masked one)
    filled = sheet["telephone"][(sheet["telephone"] != "") & ~sheet["telephone"].str.contains("X")]
    assert filled.map(lambda v: len(_numbers(v)) == 1).all()


def test_sites_are_fictional(world699):
    sheet, _ = world699
    assert sheet["site"].str.endswith(".example").all()
    assert set(sheet["site"]) <= {s.domain for s in seventh.SITES}
    assert len(seventh.SITES) == 33


def test_dates_within_collection(world2000):
    sheet, _ = world2000
    first, last = seventh.START, seventh.START + dt.timedelta(days=seventh.span_days(2000) - 1)
    dates = sheet["date_collecte"].map(dt.date.fromisoformat)
    assert dates.between(first, last).all()
    assert dates.map(lambda d: d.weekday() in (0, 2, 3)).all()  # the collector's days
    assert dates.is_monotonic_increasing  # ids follow the order met


def test_ages_as_sites_show_them(world2000):
    sheet, _ = world2000
    ages = sheet["age_declare"]
    assert ages.map(lambda a: a == "" or re.fullmatch(r"\d{2}( ans)?", a) is not None).all()
    shown = ages[ages != ""].str.slice(0, 2).astype(int)
    assert (shown >= 19).all()  # no minor declared
    assert (ages == "").any() and ages.str.endswith(" ans").any() and ages.str.fullmatch(r"\d{2}").any()


def test_texts_one_line_and_communes(world699):
    sheet, _ = world699
    for column in ("titre", "texte", "pseudo", "commune_declaree"):
        assert not sheet[column].str.contains(r"[\r\n]").any()
    assert (sheet["texte"] != "").all()
    names = communes.official_names()
    of_13 = {n for c, n in names.items() if c.startswith("13")}
    written = set(sheet["commune_declaree"])
    # every exact official name written is a commune of the Bouches-du-Rhône, or one of the
    # forms the module declares (short names, Marseille districts, neighbouring towns), which
    # may be homonyms of communes elsewhere ("Aix", "Noailles")
    declared = (set(seventh._NEIGHBOURS) | {q for qs in seventh._QUARTIERS.values() for q in qs}
                | {f for fs in seventh._SHORT.values() for f in fs})
    assert written & set(names.values()) <= of_13 | declared
    assert "Marseille" in written and "" in written
