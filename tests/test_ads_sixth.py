"""The sixth ad corpus (Rhône, written blind): the generator's own promises."""

import hashlib
import re
import subprocess
import sys

import numpy as np
import pandas as pd
import pytest
from rapidfuzz.distance import Levenshtein

from diagnostic import communes
from diagnostic.synthetic import ads_sixth as m

# ARCEP fiction ranges (TECH-NOTES): 01 99 00, 02 61 91, 03 53 01, 04 65 71, 05 36 49, 06 39 98
FICTION_PREFIXES = ("019900", "026191", "035301", "046571", "053649", "063998")


@pytest.fixture(scope="module")
def world():
    return m.sixth_world(699)


def test_columns_and_rows(world):
    sheet, truth = world
    assert tuple(sheet.columns) == m.COLUMNS
    assert tuple(truth.columns) == m.TRUTH_COLUMNS
    assert len(sheet) == len(truth) == 699
    assert list(sheet["id_annonce"]) == [f"A{i:07d}" for i in range(1, 700)]
    assert list(truth["id_annonce"]) == list(sheet["id_annonce"])
    for frame in world:
        assert frame.notna().all().all()
        assert all(isinstance(v, str) for col in frame.columns for v in frame[col])
    assert not sheet["texte"].str.contains("\n").any()
    assert (sheet["texte"] != "").all() and (sheet["titre"] != "").all()


@pytest.mark.parametrize("n", [1, 5, 50, 333])
def test_exact_row_counts(n):
    sheet, truth = m.sixth_world(n, seed=7)
    assert len(sheet) == len(truth) == n
    assert truth["id_personne"].nunique() == m.persons_for(n) <= n


def test_zero_ads():
    sheet, truth = m.sixth_world(0)
    assert len(sheet) == 0 and tuple(sheet.columns) == m.COLUMNS
    assert len(truth) == 0 and tuple(truth.columns) == m.TRUTH_COLUMNS


def test_persons_at_699_and_growth_law(world):
    _, truth = world
    assert truth["id_personne"].nunique() == 273  # report II-B
    assert m.persons_for(699) == 273
    # 273 × (2000/699)^0.65 = 273 × e^(0.65 × 1.05125) = 273 × 1.98060 = 540.7
    assert m.persons_for(2000) == 541
    # 273 × (10^6/699)^0.65 = 273 × e^(0.65 × 7.26596) = 273 × 112.48 = 30 708
    assert m.persons_for(1_000_000) == 30708
    ns = [10, 100, 699, 5000, 10**5, 10**6]
    persons = [m.persons_for(n) for n in ns]
    assert persons == sorted(persons)
    assert all(p <= n for p, n in zip(persons, ns))


def test_truth_ids(world):
    _, truth = world
    assert truth["id_personne"].str.fullmatch(r"P\d{5}").all()
    assert truth["id_reseau"].str.fullmatch(r"(R\d{4})?").all()
    # numbered in order of first appearance
    first = list(dict.fromkeys(truth["id_personne"]))
    assert first == [f"P{i:05d}" for i in range(1, 274)]
    nets = list(dict.fromkeys(r for r in truth["id_reseau"] if r))
    assert nets == [f"R{i:04d}" for i in range(1, len(nets) + 1)]
    # one person, one structure
    assert (truth.groupby("id_personne")["id_reseau"].nunique() == 1).all()
    assert (truth["id_reseau"] != "").any() and (truth["id_reseau"] == "").any()


def test_same_bytes_same_seed(tmp_path):
    a = m.write_sixth_world(300, tmp_path / "a", seed=11)
    b = m.write_sixth_world(300, tmp_path / "b", seed=11)
    assert [p.read_bytes() for p in a] == [p.read_bytes() for p in b]
    c = m.write_sixth_world(300, tmp_path / "c", seed=12)
    assert a[0].read_bytes() != c[0].read_bytes()


def test_same_bytes_in_another_process(tmp_path):
    here = m.write_sixth_world(200, tmp_path / "here")
    code = ("import sys; from diagnostic.synthetic.ads_sixth import write_sixth_world; "
            "write_sixth_world(200, sys.argv[1])")
    for hashseed in ("1", "987"):
        folder = tmp_path / f"p{hashseed}"
        subprocess.run([sys.executable, "-c", code, str(folder)], check=True,
                       env={"PYTHONHASHSEED": hashseed, "PATH": "/usr/bin:/bin"})
        for mine, theirs in zip(here, [folder / "annonces-SYNTHETIQUE.csv",
                                       folder / "verite" / "annonces-SYNTHETIQUE.csv"]):
            assert hashlib.sha256(mine.read_bytes()).digest() == hashlib.sha256(theirs.read_bytes()).digest()


def test_written_files(tmp_path):
    paths = m.write_sixth_world(120, tmp_path)
    assert paths == [tmp_path / "annonces-SYNTHETIQUE.csv", tmp_path / "verite" / "annonces-SYNTHETIQUE.csv"]
    sheet, truth = m.sixth_world(120)
    back = pd.read_csv(paths[0], dtype=str, keep_default_na=False)
    assert back.equals(sheet)
    assert pd.read_csv(paths[1], dtype=str, keep_default_na=False).equals(truth)
    assert paths[0].read_text(encoding="utf-8").splitlines()[0] == ",".join(m.COLUMNS)


def test_sites_are_fiction(world):
    sheet, _ = world
    assert sheet["site"].str.endswith(".example").all()
    assert all(s[0].endswith(".example") for s in m.SITES)
    assert len(m.SITES) == 39  # report I-B-1: 39 sites
    assert set(sheet["site"]) <= {s[0] for s in m.SITES}


WORDS = {"dix": "10", "douze": "12", "quinze": "15", "vingt": "20", "trente": "30", "quarante": "40",
         "cinquante": "50", "soixante": "60"}
CANDIDATE = re.compile(r"(?:\+33|0033|\(0|0|O)\s?\d(?:[\s.\-/()]{0,4}\d){7,8}")


def _normalise(candidate: str) -> str:
    d = re.sub(r"\D", "", candidate.replace("O", "0", 1))
    if candidate.startswith("+33"):
        d = "0" + d[2:]
    elif candidate.startswith("0033"):
        d = "0" + d[4:]
    return d


def _numbers(text: str) -> list[str]:
    for word, digits in WORDS.items():
        text = text.replace(f" {word} ", f" {digits} ")
    return [_normalise(c) for c in CANDIDATE.findall(text)]


def test_written_phone_spellings():
    digits = "0639981234"
    spellings = {m.written_phone(digits, k) for k in range(m.PHONE_STYLES)}
    assert len(spellings) == m.PHONE_STYLES
    assert m.written_phone(digits, 0) == "06 39 98 12 34"
    assert m.written_phone(digits, 5) == "+33639981234"
    assert m.written_phone(digits, 9) == "06 39 98 douze 34"
    for spelling in spellings:
        assert _numbers(f"appelez {spelling} merci") == [digits], spelling


@pytest.mark.parametrize("n", [699, 20000])
def test_every_phone_in_fiction_ranges(n, world):
    sheet = world[0] if n == 699 else m.sixth_world(n, seed=3)[0]
    fields = [f for f in sheet["telephone"] if f]
    assert fields and len(fields) < len(sheet)  # often empty, not always
    found = [d for f in fields for d in _numbers(f" {f} ")]
    assert len(found) == len(fields)
    in_text = [d for t in sheet["texte"] for d in _numbers(t)]
    assert in_text
    for d in found + in_text:
        assert len(d) == 10 and d.startswith(FICTION_PREFIXES), d


def test_phone_pool_never_reuses_a_number():
    pool = m._PhonePool(np.random.default_rng(0))
    s = m._Stream(np.random.default_rng(1))
    block = pool.block(m.MOBILE_RANGES)
    singles = [pool.single(m.MOBILE_RANGES, s) for _ in range(3000)]
    assert len(set(block)) == 10 and len({b[:9] for b in block}) == 1
    assert len(set(singles)) == 3000 and not set(singles) & set(block)
    assert {x[:9] for x in singles}.isdisjoint({block[0][:9]})


def test_dates_ages_and_communes(world):
    sheet, _ = world
    dates = pd.to_datetime(sheet["date_collecte"], format="%Y-%m-%d")
    assert dates.is_monotonic_increasing  # the order met
    assert dates.min() >= pd.Timestamp("2019-01-14")
    assert dates.max() < pd.Timestamp("2019-01-14") + pd.Timedelta(days=77)
    assert sheet["age_declare"].str.fullmatch(r"(\d{2}( ans)?)?").all()
    ages = pd.to_numeric(sheet["age_declare"].str.replace(" ans", ""), errors="coerce").dropna()
    assert ages.min() >= 19 and 0.3 < (sheet["age_declare"] == "").mean() < 0.8
    names = communes.official_names()
    rhone = {n for c, n in names.items() if c.startswith("69")}
    elsewhere = {n for c, n in names.items() if not c.startswith("69")} - rhone
    written = set(sheet["commune_declaree"])
    assert written & rhone
    # a name of a commune outside the Rhône is a neighbouring town, a district of Lyon or
    # Villeurbanne (« Gerland »), or a one-letter slip on a Rhône name (« Saint-Prest »)
    districts = {d for _, ds in m.LYON_ARR.values() for d in ds} | {d for ds in m.DISTRICTS.values() for d in ds}
    ascii_rhone = {m._ascii(n) for n in rhone}
    for name in (written & elsewhere) - set(m.NEIGHBOURS_OUTSIDE) - districts:
        assert any(Levenshtein.distance(m._ascii(name), r) == 1 for r in ascii_rhone), name


def test_persons_vary_and_mirrors_copy(world):
    sheet, truth = world
    both = sheet.assign(p=truth["id_personne"])
    # a mirror copy: the same text on two sites, one person
    copies = both.groupby("texte").agg(sites=("site", "nunique"), persons=("p", "nunique"))
    assert (copies["sites"] > 1).any()
    # one person's ads differ: several ad texts for some persons
    assert (both.groupby("p")["texte"].nunique() > 1).any()
    assert (both.groupby("p")["site"].nunique() > 1).any()
