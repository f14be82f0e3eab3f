"""The tenth synthetic world of ads (Hérault): the contract, the report's figures, the fiction."""

import hashlib
import re
import unicodedata
from collections import defaultdict
from pathlib import Path

import pandas as pd
import pytest

from diagnostic.synthetic.ads_tenth import (
    COMMUNES,
    DEPARTEMENT,
    SHEET_COLUMNS,
    TRUTH_COLUMNS,
    collection_days,
    persons_for_ads,
    tenth_world,
    write_tenth_world,
)

# The sheet of 699 ads, seed 3407, as CSV bytes: a change of the world must be a decision.
SHEET_699_SHA256 = "5026f59e0d1caeac8ea7690fb9dc3b7762da7cb0df5700062dfbf60ffa0a8063"

# ARCEP's numbers reserved for fiction (01 99 00 xx xx ... 06 39 98 xx xx), written here again on purpose.
FICTION = ("019900", "026191", "035301", "046571", "053649", "063998")
PHONE_LIKE = re.compile(r"(?:\+|00)?\d(?:[\s.\-/()]*\d){7,}")
REFERENCE = Path(__file__).resolve().parents[1] / "src/diagnostic/reference"   # the COG and La Poste's codes


@pytest.fixture(scope="module")
def world_699():
    return tenth_world(699)


@pytest.fixture(scope="module")
def world_2000():
    sheet, truth = tenth_world(2000)
    return sheet.merge(truth, on="id_annonce")


def national(match: str) -> str:
    """A phone-like string as ten (or, mistyped, nine or eleven) national digits."""
    digits = re.sub(r"\D", "", match)
    if match.startswith("+33") or digits.startswith("0033"):
        digits = digits[4:] if digits.startswith("0033") else digits[2:]
        digits = "0" + digits.removeprefix("0")
    return digits


def phones_in(text: str) -> list[str]:
    return [national(m.group()) for m in PHONE_LIKE.finditer(text)]


def plain(text: str) -> str:
    text = "".join(c for c in unicodedata.normalize("NFD", text.lower()) if not unicodedata.combining(c))
    return " ".join(re.sub(r"[-'()]", " ", text).split())


def test_report_figures_699_ads_273_persons(world_699):
    sheet, truth = world_699
    assert len(sheet) == len(truth) == 699
    assert truth["id_personne"].nunique() == 273
    assert DEPARTEMENT == "34"


def test_columns_exactly_and_all_strings(world_699):
    sheet, truth = world_699
    assert tuple(sheet.columns) == SHEET_COLUMNS == (
        "id_annonce", "site", "date_collecte", "commune_declaree", "titre", "texte", "telephone", "pseudo",
        "age_declare")
    assert tuple(truth.columns) == TRUTH_COLUMNS == ("id_annonce", "id_personne", "id_reseau")
    for frame in (sheet, truth):
        assert not frame.isna().any().any()
        assert all(isinstance(v, str) for column in frame.columns for v in frame[column])
    assert sheet["id_annonce"].is_unique
    assert list(sheet["id_annonce"]) == list(truth["id_annonce"])
    assert not sheet.apply(lambda c: c.str.contains("\n|\r")).any().any()


def test_deterministic_and_pinned(world_699):
    sheet, _ = world_699
    again, _ = tenth_world(699)
    data = sheet.to_csv(index=False, lineterminator="\n").encode("utf-8")
    assert data == again.to_csv(index=False, lineterminator="\n").encode("utf-8")
    assert hashlib.sha256(data).hexdigest() == SHEET_699_SHA256
    other, other_truth = tenth_world(699, seed=1)
    assert not other.equals(sheet) and other_truth["id_personne"].nunique() == 273


def test_phones_only_in_fiction_ranges(world_699, world_2000):
    sheet, _ = world_699
    found = 0
    for frame in (sheet, world_2000):
        for column in ("telephone", "texte", "titre"):
            for value in frame[column]:
                for number in phones_in(value):
                    found += 1
                    # nine or eleven digits when mistyped, eight or nine when a mirror cut the text
                    assert number[:6] in FICTION and 8 <= len(number) <= 11, (column, value)
    assert found > 1000
    fields = [v for v in world_2000["telephone"] if v]
    assert all(len(phones_in(v)) == 1 for v in fields)


def test_sites_dates_and_ages(world_699):
    sheet, _ = world_699
    assert sheet["site"].str.fullmatch(r"[a-z0-9.-]+\.example").all()
    assert sheet["date_collecte"].between("2018-09-20", "2018-12-05").all()
    assert sheet["age_declare"].str.fullmatch(r"(\d{2}( ans)?)?").all()
    ages = sheet["age_declare"].str.extract(r"(\d+)")[0].dropna().astype(int)
    assert ages.min() >= 18 and 27 <= ages.mean() <= 33  # IV-A-2: a mean of 30
    assert 0.35 <= (sheet["age_declare"] != "").mean() <= 0.65  # IV-A-2: 53 % without an age


def test_communes_table_is_real_hérault():
    names = pd.read_csv(REFERENCE / "communes.csv", dtype=str).set_index("code")["nom"]
    postcodes = pd.read_csv(REFERENCE / "codes_postaux.csv", dtype=str).groupby("code_insee")["code_postal"].apply(set)
    for commune in COMMUNES:
        assert re.sub(r"^(La|Le|Les) ", "", names.get(commune.insee, "")) == re.sub(r"^(La|Le|Les) ", "", commune.name), commune
        assert all(re.fullmatch(r"34\d{3}", code) for code in commune.postcodes), commune
    # each commune's postcodes are La Poste's, but Mauguio's 34280 (Carnon-Plage, a part of the commune)
    wrong = {(c.insee, code) for c in COMMUNES for code in c.postcodes if code not in postcodes.get(c.insee, set())}
    assert wrong <= {("34154", "34280")}


def test_declared_communes_name_a_hérault_commune(world_2000):
    tokens = {"herault"}
    for c in COMMUNES:
        tokens |= {plain(c.name), *map(plain, c.typos), *map(plain, c.places), *c.postcodes}
    declared = world_2000["commune_declaree"]
    for value in declared.unique():
        text = plain(value)
        assert text in ("", "34") or any(t in text for t in tokens), value
    assert declared.nunique() > 150 and (declared == "").mean() < 0.15


def test_networks_exist_and_share_numbers_or_pseudos(world_699):
    sheet, truth = world_699
    ads = sheet.merge(truth, on="id_annonce")
    networks = ads[ads["id_reseau"] != ""]
    assert networks["id_reseau"].nunique() >= 10
    assert 0.25 <= len(networks) / len(ads) <= 0.5  # V-A-4: 38 % of the ads
    sharing = 0
    for _, group in networks.groupby("id_reseau"):
        owners = defaultdict(set)
        for person, phone, text, pseudo in group[["id_personne", "telephone", "texte", "pseudo"]].itertuples(
                index=False):
            for number in phones_in(phone) + phones_in(text):
                owners[number].add(person)
            if pseudo:
                owners[pseudo].add(person)
        sharing += any(len(persons) > 1 for persons in owners.values())
    assert sharing >= 3


def test_networks_batches_differ_in_last_two_digits(world_2000):
    networks = world_2000[world_2000["id_reseau"] != ""]
    batches = 0
    for _, group in networks.groupby("id_reseau"):
        by_stem = defaultdict(set)
        for person, phone in group[["id_personne", "telephone"]].itertuples(index=False):
            for number in phones_in(phone):
                if len(number) == 10:
                    by_stem[number[:8]].add((person, number))
        batches += any(len({p for p, _ in pairs}) > 1 and len({n for _, n in pairs}) > 1
                       for pairs in by_stem.values())
    assert batches >= 1


def test_persons_change_numbers_and_pseudos(world_2000):
    ads = world_2000
    numbers = defaultdict(set)
    for person, phone in ads[["id_personne", "telephone"]].itertuples(index=False):
        numbers[person] |= {n for n in phones_in(phone) if len(n) == 10}
    assert sum(len(n) > 1 for n in numbers.values()) >= 20
    pseudos = ads[ads["pseudo"] != ""].groupby("id_personne")["pseudo"].nunique()
    assert (pseudos > 1).sum() >= 50
    assert (ads["pseudo"] == "").mean() > 0.03


def test_the_hard_cases_are_there(world_2000):
    ads = world_2000
    texts = ads["texte"]
    no_number = (ads["telephone"] == "") & ~texts.str.contains(PHONE_LIKE)
    assert no_number.mean() > 0.03
    assert texts.str.contains(r"\b(?:Available|Booking|Kisses)\b").mean() > 0.03  # English
    assert texts.str.contains(r"\b(?:Hola|Oi|Ciao)\b").any()  # other languages
    assert texts.str.contains(r"\bElle\b|\bShe\b").mean() > 0.05  # third person
    passage = texts.str.contains(r"passage|tournée|On tour|Visiting|une semaine|few days|vacances")
    assert 0.08 < passage.mean() < 0.35  # III-D: 18 % « de passage »
    # mirrors: the same text on several sites the same week
    copies = ads.groupby("texte")["site"].nunique()
    assert (copies >= 5).sum() >= 10
    # reposts with rewritten texts, tours across communes
    per_person = ads.groupby("id_personne").agg(texts=("texte", "nunique"), communes=("commune_declaree", "nunique"))
    assert (per_person["texts"] > 2).sum() >= 50 and (per_person["communes"] > 2).sum() >= 50
    # numbers mistyped: nine or eleven digits, still in the fiction ranges
    assert any(len(n) != 10 for v in ads["telephone"] for n in phones_in(v))


def test_growth_law():
    assert [persons_for_ads(n) for n in (699, 2000, 100_000, 1_000_000)] == [273, 513, 5364, 21354]
    assert [collection_days(n) for n in (699, 2000, 100_000, 1_000_000)] == [77, 111, 437, 979]
    sizes = [1, 10, 100, 699, 5000, 50_000, 1_000_000]
    persons = [persons_for_ads(n) for n in sizes]
    assert persons == sorted(persons) and all(p <= n for p, n in zip(persons, sizes))
    for n in (40, 2000, 5000):
        _, truth = tenth_world(n)
        assert len(truth) == n and truth["id_personne"].nunique() == persons_for_ads(n)


def test_nobody_has_an_absurd_number_of_ads(world_2000):
    counts = world_2000.groupby("id_personne").size()
    assert counts.max() <= 8 * len(world_2000) / len(counts) + 1


def test_write_reads_back_identical(tmp_path):
    sheet_path, truth_path = write_tenth_world(500, tmp_path / "sortie")
    assert sheet_path == tmp_path / "sortie" / "annonces-SYNTHETIQUE.csv"
    assert truth_path == tmp_path / "sortie" / "verite" / "annonces-SYNTHETIQUE.csv"
    sheet, truth = tenth_world(500)
    for path, frame in ((sheet_path, sheet), (truth_path, truth)):
        assert b"\r" not in path.read_bytes()
        back = pd.read_csv(path, dtype=str, keep_default_na=False, encoding="utf-8")
        pd.testing.assert_frame_equal(back, frame, check_dtype=False)
    again = write_tenth_world(500, tmp_path / "encore")
    assert sheet_path.read_bytes() == again[0].read_bytes()


def test_rejects_a_non_positive_size():
    with pytest.raises(ValueError):
        tenth_world(0)
