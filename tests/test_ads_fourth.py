"""The fourth synthetic ad corpus (`diagnostic.synthetic.ads_fourth`): shape, determinism,
fiction phone numbers only, mirror copies, networks' shared numbers, scale."""

import hashlib
import os
import re
import subprocess
import sys
from datetime import date
from pathlib import Path

import pandas as pd
import pytest

from diagnostic.synthetic import ads_fourth
from diagnostic.synthetic.ads_fourth import COLUMNS, DEPARTEMENT, TRUTH_COLUMNS, fourth_world, write_fourth_world

FICTION = ("0199 00", "0261 91", "0353 01", "0465 71", "0536 49", "0639 98")
FICTION = tuple(p.replace(" ", "") for p in FICTION)
MIRRORS = set(ads_fourth._MIRROR_SITES)


# An independent reading of French number words 0..99 (not the generator's code).
def _words() -> dict[str, int]:
    units = "zéro un deux trois quatre cinq six sept huit neuf dix onze douze treize quatorze quinze seize".split()
    out = {w: i for i, w in enumerate(units)}
    out.update({"dix-sept": 17, "dix-huit": 18, "dix-neuf": 19})
    tens = {"vingt": 20, "trente": 30, "quarante": 40, "cinquante": 50, "soixante": 60}
    for word, value in tens.items():
        out[word] = value
        out[f"{word} et un"] = value + 1
        for u in range(2, 10):
            out[f"{word}-{units[u]}"] = value + u
    for k in range(10, 20):
        key = [w for w, v in out.items() if v == k][0]
        out["soixante-" + key] = 60 + k
        out["quatre-vingt-" + key] = 80 + k
    out["soixante et onze"] = 71
    out["quatre-vingts"] = 80
    for u in range(1, 10):
        out[f"quatre-vingt-{units[u]}"] = 80 + u
    return out


_WORDS = _words()
_WORD_RE = re.compile(r"(?<![\w-])(" + "|".join(re.escape(w) for w in sorted(_WORDS, key=len, reverse=True)) + r")(?![\w-])")
_PHONE_RE = re.compile(r"(?<![\d])(?:(?:\+|00)33[\s.\-*]?(?:\(0\)[\s.\-*]?)?|0[\s.\-*]?)[1-9](?:[\s.\-*]?\d){8}(?!\d)")


def phones_in(text: str) -> list[str]:
    """Every phone number written in a text, as ten digits: spaces, dots, dashes, stars, +33,
    +33 (0), run together, the letter O for zero, French words ("zéro six trente-neuf...")."""
    text = _WORD_RE.sub(lambda m: f" {_WORDS[m[1]]} ", text)
    text = re.sub(r"(?<=\d) +(?=\d)", " ", text)
    text = re.sub(r"\b0 (\d)\b", r"0\1", text)  # "zéro six" -> "0 6" -> "06"
    text = re.sub(r"(?<![A-Za-z])O(?=[\s.\-*]?\d)", "0", text)
    found = []
    for match in _PHONE_RE.finditer(text):
        digits = re.sub(r"\D", "", match[0])
        if digits.startswith("330"):
            digits = "0" + digits[3:]
        elif digits.startswith("33"):
            digits = "0" + digits[2:]
        elif digits.startswith("0033"):
            digits = "0" + digits[4:]
        found.append(digits)
    return found


def column_number(written: str) -> str:
    digits = re.sub(r"\D", "", written)
    if digits.startswith("330"):
        return "0" + digits[3:]
    return "0" + digits[2:] if digits.startswith("33") else digits


@pytest.fixture(scope="module")
def world_2000():
    return fourth_world(2000, seed=2027)


@pytest.fixture(scope="module")
def world_5000():
    return fourth_world(5000, seed=11)


def test_reader_of_spelled_numbers():
    assert phones_in("Tél : zéro six trente-neuf quatre-vingt-dix-huit douze soixante et onze") == ["0639981271"]
    assert phones_in("appel O6 39 98 O1 80, ou +33 (0)6 39 98 00 07 ou 0 6 3 9 9 8 4 5 6 7") == [
        "0639980180", "0639980007", "0639984567"]
    assert phones_in("du 03/02 au 10/02, 1m65, 24h/24, 59000 Lille") == []


def test_columns_and_types(world_2000):
    sheet, truth = world_2000
    assert tuple(sheet.columns) == COLUMNS
    assert tuple(truth.columns) == TRUTH_COLUMNS
    assert len(sheet) == len(truth) == 2000
    for frame in (sheet, truth):
        assert not frame.isna().any().any()
        assert all(isinstance(v, str) for column in frame.columns for v in frame[column])
    assert sheet["id_annonce"].is_unique
    assert DEPARTEMENT == "59"
    days = pd.to_datetime(sheet["date_collecte"], format="%Y-%m-%d")
    assert (days.dt.day_of_week < 5).all()  # the collector works on weekdays
    assert days.min() >= pd.Timestamp(date(2024, 9, 16))
    assert (days.max() - days.min()).days < ads_fourth.collection_days(2000)
    ages = sheet.loc[sheet["age_declare"] != "", "age_declare"]
    assert ages.str.fullmatch(r"\d\d( ans)?").all()
    assert (ages.str[:2].astype(int) >= 18).all()
    assert 0.40 < (sheet["age_declare"] == "").mean() < 0.85


def test_sites_are_fictitious(world_2000):
    sheet, _ = world_2000
    assert sheet["site"].str.endswith(".example").all()
    assert sheet["site"].nunique() >= 15


def test_truth_covers_every_ad(world_2000):
    sheet, truth = world_2000
    assert truth["id_annonce"].tolist() == sheet["id_annonce"].tolist()
    assert truth["id_personne"].str.fullmatch(r"P\d{5}").all()
    assert truth["id_reseau"].str.fullmatch(r"(R\d{4})?").all()
    # A person belongs to one network at most.
    assert truth.groupby("id_personne")["id_reseau"].nunique().max() == 1
    assert 0.25 < (truth["id_reseau"] != "").mean() < 0.55


def test_same_bytes_for_same_seed_and_another_world_for_another_seed(world_2000):
    sheet, truth = world_2000
    again, again_truth = fourth_world(2000, seed=2027)
    assert sheet.to_csv(index=False).encode() == again.to_csv(index=False).encode()
    assert truth.to_csv(index=False).encode() == again_truth.to_csv(index=False).encode()
    other, other_truth = fourth_world(2000, seed=2028)
    assert other.to_csv(index=False) != sheet.to_csv(index=False)
    assert other_truth["id_personne"].tolist() != truth["id_personne"].tolist()


def test_same_bytes_in_another_process_with_another_hash_seed(tmp_path):
    code = ("import hashlib, sys; from diagnostic.synthetic.ads_fourth import fourth_world; "
            "s, t = fourth_world(800, 5); print(hashlib.sha256((s.to_csv() + t.to_csv()).encode()).hexdigest())")
    digests = set()
    for hash_seed in ("1", "2"):
        env = dict(os.environ, PYTHONHASHSEED=hash_seed,
                   PYTHONPATH=os.pathsep.join([str(Path(ads_fourth.__file__).resolve().parents[2]),
                                               os.environ.get("PYTHONPATH", "")]))
        out = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True)
        digests.add(out.stdout.strip())
    s, t = fourth_world(800, 5)
    assert digests == {hashlib.sha256((s.to_csv() + t.to_csv()).encode()).hexdigest()}


def test_every_phone_is_a_fiction_number(world_5000):
    sheet, _ = world_5000
    column = sheet.loc[sheet["telephone"] != "", "telephone"].map(column_number)
    assert len(column) > 1000
    assert column.str.len().eq(10).all()
    assert column.str[:6].isin(FICTION).all()
    in_text = [n for text in sheet["texte"] for n in phones_in(text)]
    assert len(in_text) > 1000
    assert all(n[:6] in FICTION for n in in_text), sorted({n for n in in_text if n[:6] not in FICTION})[:5]
    # No other long run of digits anywhere (a number the reader above would miss).
    for column_name in ("texte", "titre", "pseudo", "commune_declaree"):
        stripped = sheet[column_name].str.replace(_PHONE_RE, "", regex=True)
        assert not stripped.str.contains(r"\d(?:[\s.\-*]?\d){9}").any(), column_name
    # The spellings the corpus promises are all there.
    texts = " ".join(sheet["texte"])
    for spelling in ("+33", "+33 (0)", "zéro six", "O6 39", "06.39.98", "0639 98", "06-39-98", "06*39*98", "0 6 3 9 9 8"):
        assert spelling in texts, spelling


def test_ads_without_any_number_and_numbers_only_in_text(world_5000):
    sheet, _ = world_5000
    has_text = sheet["texte"].map(lambda t: bool(phones_in(t)))
    none = (sheet["telephone"] == "") & ~has_text
    assert 0.10 < none.mean() < 0.35
    only_text = (sheet["telephone"] == "") & has_text
    assert only_text.mean() > 0.15


def test_mirror_sites_show_copies(world_2000):
    sheet, truth = world_2000
    frame = sheet.assign(person=truth["id_personne"])
    mirror = frame[frame["site"].isin(MIRRORS)]
    assert 0.15 < len(mirror) / len(frame) < 0.40
    truncating = mirror["site"] == ads_fourth._TRUNCATING_MIRROR
    full, cut = mirror[~truncating], mirror[truncating]
    key = ["titre", "texte", "telephone", "pseudo", "age_declare", "commune_declaree"]
    groups = full.groupby(key)
    # Copies are the same ad: one person behind each, on several sites of the group.
    assert groups["person"].nunique().max() == 1
    sites_per_ad = groups["site"].nunique()
    assert (sites_per_ad >= 2).mean() > 0.9
    dates = groups["date_collecte"].agg(lambda d: (pd.to_datetime(d).max() - pd.to_datetime(d).min()).days)
    assert dates.median() <= 2  # copies seen within days (identical reposts fall in one group too)
    # The truncating site shows the first 160 characters of a copy.
    originals = full.groupby(["titre", "pseudo", "person"])["texte"].agg(list).to_dict()
    for _, row in cut.iterrows():
        texts = originals.get((row["titre"], row["pseudo"], row["person"]), [])
        if row["texte"].endswith("..."):
            assert len(row["texte"]) <= 163
            assert any(t.startswith(row["texte"][:-3]) for t in texts)
        else:
            assert row["texte"] in texts or not texts


def _numbers_by_row(sheet: pd.DataFrame) -> pd.DataFrame:
    rows = []
    for position, (written, text) in enumerate(zip(sheet["telephone"], sheet["texte"])):
        numbers = set(phones_in(text))
        if written:
            numbers.add(column_number(written))
        rows += [(position, n) for n in numbers]
    return pd.DataFrame(rows, columns=["row", "number"])


def test_numbers_shared_only_within_a_network(world_5000):
    sheet, truth = world_5000
    numbers = _numbers_by_row(sheet)
    numbers["person"] = truth["id_personne"].to_numpy()[numbers["row"]]
    numbers["network"] = truth["id_reseau"].to_numpy()[numbers["row"]]
    per_number = numbers.groupby("number").agg(persons=("person", "nunique"), networks=("network", "unique"))
    shared = per_number[per_number["persons"] > 1]
    assert len(shared) >= 10  # switchboards, SIMs passed on within networks
    for networks in shared["networks"]:
        assert len(networks) == 1 and networks[0] != ""
    # Switchboards: one number on the ads of several members of one network.
    assert shared["persons"].max() >= 4
    # Networks' SIMs bought together: numbers that differ only by their last digit.
    members = numbers[numbers["network"] != ""].drop_duplicates(["network", "number"])
    blocks = members.assign(block=members["number"].str[:9]).groupby(["network", "block"])["number"].nunique()
    assert (blocks >= 2).sum() >= 3


def test_persons_change_numbers_pseudos_and_towns(world_5000):
    sheet, truth = world_5000
    frame = sheet.assign(person=truth["id_personne"])
    numbers = _numbers_by_row(sheet)
    numbers["person"] = truth["id_personne"].to_numpy()[numbers["row"]]
    per_person = numbers.groupby("person")["number"].nunique()
    assert (per_person >= 2).sum() >= 50
    pseudos = frame[frame["pseudo"] != ""].groupby("person")["pseudo"].nunique()
    assert (pseudos >= 2).sum() >= 50
    written = frame.groupby("person")["commune_declaree"].nunique()
    assert (written >= 3).sum() >= 50
    for form in ("59000", "LILLE", "proche ", "centre", "Métropole lilloise"):
        assert frame["commune_declaree"].str.contains(form, regex=False).any(), form
    assert (frame["commune_declaree"] == "").mean() < 0.1
    assert frame["titre"].str.startswith("Duo").any()  # flatmates' duo ads


def test_network_templates_are_shared_by_members(world_5000):
    sheet, truth = world_5000
    frame = sheet.assign(person=truth["id_personne"], network=truth["id_reseau"])
    members = frame[frame["network"] != ""]
    # Strip the names, ages and numbers: what is left of a template is common to several members.
    skeleton = members["texte"].str.replace(r"\d+", "#", regex=True).str.split().str[-12:].str.join(" ")
    persons = members.assign(skeleton=skeleton).groupby(["network", "skeleton"])["person"].nunique()
    assert (persons >= 3).sum() >= 5


def test_699_ads_give_about_the_report_s_273_persons():
    sheet, truth = fourth_world(699)
    assert len(sheet) == 699
    persons = truth["id_personne"].nunique()
    assert abs(persons - 273) <= 10
    assert abs((1 - persons / 699) - 0.61) < 0.02  # the report's 61 % duplicates (section II-B)
    assert ads_fourth.persons_count(2000) < 2000 / 2.4


def test_write_fourth_world(tmp_path):
    paths = write_fourth_world(300, tmp_path, seed=3)
    assert paths == [tmp_path / "annonces-SYNTHETIQUE.csv", tmp_path / "verite" / "annonces-SYNTHETIQUE.csv"]
    raw = paths[0].read_bytes()
    assert b"\r\n" not in raw and raw.decode("utf-8")
    sheet = pd.read_csv(paths[0], dtype=str, keep_default_na=False)
    truth = pd.read_csv(paths[1], dtype=str, keep_default_na=False)
    expected, expected_truth = fourth_world(300, seed=3)
    pd.testing.assert_frame_equal(sheet, expected)
    pd.testing.assert_frame_equal(truth, expected_truth)


def test_a_million_ads_never_exhaust_the_fiction_numbers():
    world = ads_fourth._world(1_000_000, 2027)
    mobile = world.pools[ads_fourth._MOBILE]
    used = mobile.taken + 10 * len(mobile.reserved)
    assert used < 8500  # of 10 000: room left
    assert sum(pool.taken for pool in world.pools.values()) < 9000
    sheet, truth = world.render()
    assert len(sheet) == 1_000_000
    assert truth["id_personne"].nunique() == ads_fourth.persons_count(1_000_000) <= 4500
    assert sheet["site"].str.endswith(".example").all()
    written = sheet["telephone"]
    frame = pd.DataFrame({"number": written[written != ""].map(column_number),
                          "person": truth["id_personne"][written != ""],
                          "network": truth["id_reseau"][written != ""]}).drop_duplicates()
    assert frame["number"].str[:6].isin(FICTION).all()
    assert frame["number"].nunique() > 3000
    shared = frame.groupby("number").agg(persons=("person", "nunique"), networks=("network", "unique"))
    for networks in shared.loc[shared["persons"] > 1, "networks"]:
        assert len(networks) == 1 and networks[0] != ""
    # More ads mean more ads per person over a longer collection, not more persons.
    per_person = truth.groupby("id_personne").size()
    assert per_person.median() > 50
    days = pd.to_datetime(sheet["date_collecte"])
    assert (days.max() - days.min()).days > 1000
