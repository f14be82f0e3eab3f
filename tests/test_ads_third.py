"""The third synthetic ad corpus (`synthetic.ads_third`): its sheet reads as a collection
sheet, its phones are fiction numbers never shared by unrelated persons, its truth is whole."""

import re

import pandas as pd
import pytest

from diagnostic import ads
from diagnostic.synthetic.ads_third import (FICTION_PREFIXES, MIRROR_SOURCE, MIRRORS, persons, third_world,
                                            write_third_world)

NUMBER = re.compile(r"(?:\+33 ?\d|0\d)(?:[ .\-]?\d{2}){4}")


def digits(written: str) -> str:
    """A French number as ten digits: "+33 6 39 98 12 34" → "0639981234"."""
    raw = re.sub(r"\D", "", written)
    return "0" + raw[2:] if written.startswith("+33") else raw


@pytest.fixture(scope="module")
def small():
    return third_world(2_000)


@pytest.fixture(scope="module")
def large():
    return third_world(200_000, seed=7)


def test_columns_in_order(small):
    sheet, truth = small
    assert list(sheet.columns) == ["id_annonce", "site", "date_collecte", "commune_declaree", "titre", "texte",
                                   "telephone", "pseudo", "age_declare"]
    assert list(truth.columns) == ["id_annonce", "id_personne", "id_reseau"]


def test_reads_as_a_collection_sheet(tmp_path):
    sheet_path, truth_path = write_third_world(1_500, tmp_path)
    assert sheet_path == tmp_path / "annonces-SYNTHETIQUE.csv"
    assert truth_path == tmp_path / "verite" / "annonces-SYNTHETIQUE.csv"
    read = ads.read_ads(sheet_path)
    assert len(read) == len(pd.read_csv(sheet_path, dtype=str))
    assert read["id_annonce"].is_unique


def test_values_have_the_expected_forms(small):
    sheet, _ = small
    assert sheet["site"].str.endswith(".example").all()
    dates = pd.to_datetime(sheet["date_collecte"], format="%Y-%m-%d")
    assert dates.min() == pd.Timestamp("2018-09-20")
    ages = sheet["age_declare"]
    assert ages.str.fullmatch(r"(\d{2}( ans)?)?").all()
    declared = ages[ages != ""].str[:2].astype(int)
    assert declared.between(18, 60).all()


def test_same_seed_same_files(tmp_path):
    first = [p.read_bytes() for p in write_third_world(1_200, tmp_path / "a")]
    second = [p.read_bytes() for p in write_third_world(1_200, tmp_path / "b")]
    assert first == second
    other = [p.read_bytes() for p in write_third_world(1_200, tmp_path / "c", seed=1)]
    assert other[0] != first[0]


def phones_by_ad(sheet: pd.DataFrame) -> pd.DataFrame:
    """Every number an ad writes, in its column or its text, as ten digits."""
    column = sheet.loc[sheet["telephone"] != "", ["id_annonce", "telephone"]]
    rows = [(i, digits(t)) for i, t in zip(column["id_annonce"], column["telephone"])]
    rows += [(i, digits(m)) for i, text in zip(sheet["id_annonce"], sheet["texte"]) for m in NUMBER.findall(text)]
    return pd.DataFrame(rows, columns=["id_annonce", "numero"])


@pytest.mark.parametrize("world", ["small", "large"])
def test_only_fiction_numbers_never_shared_by_unrelated_persons(world, request):
    sheet, truth = request.getfixturevalue(world)
    numbers = phones_by_ad(sheet)
    assert len(numbers) > 0.5 * len(sheet)
    assert numbers["numero"].str.len().eq(10).all()
    assert numbers["numero"].str[:6].isin(FICTION_PREFIXES).all()
    owners = numbers.merge(truth, on="id_annonce").drop_duplicates(["numero", "id_personne"])
    shared = owners[owners.duplicated("numero", keep=False)]
    # A number written by several persons is a network's switchboard: one network, never an independent.
    assert (shared["id_reseau"] != "").all()
    assert shared.groupby("numero")["id_reseau"].nunique().eq(1).all()
    assert len(shared) > 0  # the switchboards exist


def test_truth_covers_every_ad_and_networks_have_members(small):
    sheet, truth = small
    assert truth["id_annonce"].tolist() == sheet["id_annonce"].tolist()
    assert truth["id_personne"].ne("").all()
    members = truth[truth["id_reseau"] != ""].groupby("id_reseau")["id_personne"].nunique()
    assert len(members) > 0 and members.min() >= 2
    # A person belongs to one network at most.
    assert truth.groupby("id_personne")["id_reseau"].nunique().max() == 1
    # Every person of the world posted at least one ad.
    assert truth["id_personne"].nunique() == persons(2_000)


def test_mirror_sites_copy_the_source(small):
    sheet, truth = small
    table = sheet.merge(truth, on="id_annonce")
    fields = ["titre", "texte", "telephone", "pseudo", "age_declare", "commune_declaree", "id_personne"]
    copies = table[table["site"].isin(MIRRORS)]
    sources = table[table["site"] == MIRROR_SOURCE][fields].drop_duplicates()
    assert len(copies) > 0
    assert len(copies[fields].merge(sources, on=fields)) == len(copies)


@pytest.mark.parametrize(("n_ads", "world"), [(2_000, "small"), (50_000, None), (200_000, "large")])
def test_number_of_rows_near_the_request(n_ads, world, request):
    sheet = request.getfixturevalue(world)[0] if world else third_world(n_ads)[0]
    assert abs(len(sheet) - n_ads) <= 0.03 * n_ads


def test_persons_grow_and_stop_at_the_cap(large):
    _, truth = large
    assert persons(699) == 271  # the report's 273 persons for 699 ads, within 1 %
    assert persons(2_000) < persons(50_000) < persons(1_000_000) <= 20_000
    assert truth["id_personne"].nunique() == persons(200_000)
