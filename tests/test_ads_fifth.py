"""The fifth synthetic ad corpus (Gironde): the generator's own promises, nothing about linkage."""
from __future__ import annotations

import hashlib
import os
import re
import subprocess
import sys

import phonenumbers
import pytest

from diagnostic import communes
from diagnostic.synthetic import ads_fifth as f5

FICTION = ("0199 00", "0261 91", "0353 01", "0465 71", "0536 49", "0639 98")
FICTION = tuple(x.replace(" ", "") for x in FICTION)   # the TECH-NOTES ranges, first six digits


@pytest.fixture(scope="module")
def world():
    return f5.fifth_world(699)


@pytest.fixture(scope="module")
def world2000():
    return f5.fifth_world(2000)


def _national(digits: str) -> str:
    """A written number's ten national digits ("+33 6 39 98 12 34" -> "0639981234")."""
    d = re.sub(r"\D", "", digits.replace("O", "0").replace("zéro", "0"))
    if d.startswith("0033"):
        d = "0" + d[4:]
    elif d.startswith("330"):  # "+33 (0)6 ..."
        d = "0" + d[3:]
    elif d.startswith("33"):
        d = "0" + d[2:]
    elif not d.startswith("0"):   # "zéro 6 39 98 12 34": the zero written in letters
        d = "0" + d
    return d


def test_persons_law_by_hand():
    # 273 * sqrt(n / 699), rounded: 1.69152 * 273 = 461.8; 11.9609 * 273 = 3265.3;
    # 37.8235 * 273 = 10325.8
    assert f5.persons_for(699) == 273
    assert f5.persons_for(2000) == 462
    assert f5.persons_for(100_000) == 3265
    assert f5.persons_for(1_000_000) == 10326
    assert f5.persons_for(1) == 1 and f5.persons_for(0) == 0
    assert f5.collection_days(699) == 77       # 20 September to 5 December 2018


def test_report_scale(world):
    sheet, truth = world
    assert len(sheet) == len(truth) == 699
    assert truth["id_personne"].nunique() == 273
    assert sheet["date_collecte"].min() >= "2018-09-20"
    assert sheet["date_collecte"].max() <= "2018-12-05"


def test_columns_and_ids(world):
    sheet, truth = world
    assert tuple(sheet.columns) == f5.COLUMNS
    assert tuple(truth.columns) == f5.TRUTH_COLUMNS
    assert f5.DEPARTEMENT == "33"
    assert list(sheet["id_annonce"]) == [f"A{i:07d}" for i in range(1, 700)]
    assert list(truth["id_annonce"]) == list(sheet["id_annonce"])
    assert truth["id_personne"].str.fullmatch(r"P\d{5}").all()
    assert truth["id_reseau"].str.fullmatch(r"(R\d{4})?").all()
    # persons numbered by first appearance: P00001 is the first ad's person
    assert truth["id_personne"].iloc[0] == "P00001"
    for frame in (sheet, truth):
        assert frame.map(lambda v: isinstance(v, str)).all().all()


@pytest.mark.parametrize("n", [1, 2, 7, 50, 300, 1500])
def test_exact_row_counts(n):
    sheet, truth = f5.fifth_world(n, seed=5)
    assert len(sheet) == len(truth) == n
    assert truth["id_personne"].nunique() == f5.persons_for(n)


def test_empty():
    sheet, truth = f5.fifth_world(0)
    assert len(sheet) == 0 and tuple(sheet.columns) == f5.COLUMNS
    assert len(truth) == 0 and tuple(truth.columns) == f5.TRUTH_COLUMNS


def test_same_bytes_in_another_process(tmp_path):
    paths = f5.write_fifth_world(400, tmp_path / "a", seed=11)
    assert [p.relative_to(tmp_path / "a").as_posix() for p in paths] == [
        "annonces-SYNTHETIQUE.csv", "verite/annonces-SYNTHETIQUE.csv"]
    code = ("import sys; from diagnostic.synthetic import ads_fifth as f;"
            "f.write_fifth_world(400, sys.argv[1], seed=11)")
    env = dict(os.environ, PYTHONHASHSEED="12345")
    subprocess.run([sys.executable, "-c", code, str(tmp_path / "b")], check=True, env=env)
    for p in paths:
        other = tmp_path / "b" / p.relative_to(tmp_path / "a")
        assert hashlib.sha256(p.read_bytes()).digest() == hashlib.sha256(other.read_bytes()).digest()
    header = paths[0].read_text(encoding="utf-8").splitlines()[0]
    assert header == ",".join(f5.COLUMNS)


def test_seed_changes_the_world():
    a, _ = f5.fifth_world(200, seed=1)
    b, _ = f5.fifth_world(200, seed=2)
    assert not a.equals(b)


def test_phone_fields_in_fiction_ranges(world2000):
    sheet, _ = world2000
    shown = sheet.loc[sheet["telephone"] != "", "telephone"]
    assert 0.2 < len(shown) / len(sheet) < 0.8        # often empty, often shown
    for value in shown:
        nat = _national(value)
        assert len(nat) == 10 and nat[:6] in FICTION, value


_WRITTEN = re.compile(r"(?:(?:\+|00)33[\s.\-/()0]*|\(\+33\)\s*|zéro\s|[0O])\s?[1-9](?:[\s.\-/]*\d){8}")


def test_phones_in_texts_in_fiction_ranges(world2000):
    sheet, _ = world2000
    found = 0
    for text in sheet["texte"]:
        for m in _WRITTEN.finditer(text):
            found += 1
            assert _national(m.group())[:6] in FICTION, m.group()
        for m in phonenumbers.PhoneNumberMatcher(text, "FR", leniency=phonenumbers.Leniency.POSSIBLE):
            assert ("0" + str(m.number.national_number))[:6] in FICTION, m.raw_string
    assert found > 100


def test_no_long_digit_run_outside_fiction(world2000):
    """No run of nine or more digits (spaces and dots allowed) that is not a fiction number."""
    sheet, _ = world2000
    run = re.compile(r"\d(?:[\s.\-/]?\d){8,}")
    for col in ("titre", "texte", "pseudo", "commune_declaree"):
        for text in sheet[col]:
            for m in run.finditer(text.replace("O", "0")):
                assert _national(m.group())[:6] in FICTION, (col, m.group())


def test_sites_are_fictional(world2000):
    sheet, _ = world2000
    assert sheet["site"].str.endswith(".example").all()
    assert all(s.name.endswith(".example") for s in f5.SITES)
    assert sheet["site"].nunique() > 15


def test_towns_are_gironde_communes():
    names = communes.official_names()
    towns, weights = f5._gironde()
    assert len(towns) == sum(c.startswith("33") for c in names)
    assert all(t.code.startswith("33") and names[t.code] == t.name for t in towns)
    assert abs(weights.sum() - 1) < 1e-9


def test_towns_written_many_ways(world2000):
    sheet, _ = world2000
    gironde = {n for c, n in communes.official_names().items() if c.startswith("33")}
    written = sheet["commune_declaree"]
    exact = written.isin(gironde).mean()
    assert 0.3 < exact < 0.9                       # official names, but not only
    assert (written == "").mean() > 0.01           # sometimes no town
    assert written.str.contains(r"\b33\d{3}\b").any()   # postcodes
    assert (~written.isin(gironde) & (written != "")).sum() > 100


def test_one_line_texts_and_formats(world2000):
    sheet, _ = world2000
    for col in f5.COLUMNS:
        assert not sheet[col].str.contains(r"[\r\n]").any(), col
    assert sheet["date_collecte"].str.fullmatch(r"\d{4}-\d{2}-\d{2}").all()
    ages = sheet["age_declare"]
    assert ages.str.fullmatch(r"(\d{2} ans|\d{2})?").all()
    assert ages[ages != ""].str[:2].astype(int).ge(18).all()
    assert 0.3 < (ages == "").mean() < 0.75        # report IV-A-2: 53 % of ads give no age
    assert (sheet["texte"] != "").all() and (sheet["titre"] != "").all()


def test_sober_texts(world2000):
    sheet, _ = world2000
    crude = re.compile(r"\b(?:sexe|sexuel|fellation|sodomie|pute|cul)\b", re.IGNORECASE)
    assert not sheet["texte"].str.contains(crude).any()
    assert not sheet["titre"].str.contains(crude).any()


def test_duplicates_and_networks(world2000):
    sheet, truth = world2000
    # the same content on several sites (mirrors), as in the report's dating sites
    per_text = sheet.groupby("texte")["site"].nunique()
    assert (per_text > 2).sum() > 20
    # a network's members share numbers or numbers differing in their last two digits
    d = sheet.assign(p=truth["id_personne"], r=truth["id_reseau"],
                     n=sheet["telephone"].map(_national))
    d = d[(d["r"] != "") & (d["n"] != "")]
    shared = d.groupby(["r", "n"])["p"].nunique().gt(1).sum()
    d8 = d.assign(b=d["n"].str[:8]).groupby(["r", "b"])["p"].nunique().gt(1).sum()
    assert shared > 0 and d8 > shared
    assert 0.2 < (truth["id_reseau"] != "").mean() < 0.6   # report V-A-4: 38 % of ads
    # one person, several numbers or handles over time
    own = sheet.assign(p=truth["id_personne"])
    assert own.groupby("p")["pseudo"].nunique().max() > 2
    assert (sheet["texte"].str.contains(r"\b(?:I am|my name|She|Meet|New in)\b")).any()   # English
