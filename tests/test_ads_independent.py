"""The independent ad world (issue 15, item 5) past its cap of persons: numbers never run
out, stay in the fiction ranges, and more ads are more reposts by the same persons.

A test-only cap of 500 persons on 20 000 ads stands for 8 000 persons on a million."""

import re

import pandas as pd
import pytest

from diagnostic.ads import read_ads
from diagnostic.synthetic.ads_independent import MAX_PERSONS, independent_world, write_independent_world

# the ARCEP ranges kept for fiction: 01 99 00, 02 61 91, 03 53 01, 04 65 71, 05 36 49, 06 39 98
FICTION = ("019900", "026191", "035301", "046571", "053649", "063998")
PHONE = re.compile(r"(?:\+33 ?\d|0\d)(?:[ .]?\d{2}){4}")


def national(spelled: str) -> str:
    digits = re.sub(r"\D", "", spelled)
    return "0" + digits[2:] if digits.startswith("33") else digits


def numbers_per_ad(sheet: pd.DataFrame) -> pd.Series:
    """Every number an ad gives, in its phone field or in its text, as ten digits."""
    return (sheet["telephone"] + " " + sheet["texte"]).map(lambda t: {national(m) for m in PHONE.findall(t)})


def share_without_number(sheet: pd.DataFrame) -> float:
    return float(numbers_per_ad(sheet).map(len).eq(0).mean())


@pytest.fixture(scope="module")
def capped():
    sheet, truth = independent_world(20_000, seed=11, max_persons=500)
    return sheet.assign(numeros=numbers_per_ad(sheet)), truth


def test_the_cap_is_reached_and_held(capped):
    sheet, truth = capped
    assert len(sheet) == len(truth) > 19_000
    assert truth["id_personne"].nunique() == 500


def numbers_per_person(numbers: pd.Series, truth: pd.DataFrame) -> pd.DataFrame:
    """Each person's ads and the distinct numbers they give."""
    return numbers.groupby(truth["id_personne"]).agg(annonces="size", numeros=lambda s: len(set().union(*s)))


def test_no_person_is_left_without_a_number(capped):
    """An ad may give no number (as some do), but five of a person's ads all without one
    would be a person the fiction ranges had no number left for."""
    sheet, truth = capped
    persons = numbers_per_person(sheet["numeros"], truth)
    assert persons["annonces"].ge(5).mean() > 0.9
    assert persons.loc[persons["annonces"] >= 5, "numeros"].gt(0).all()


def test_numbers_stay_in_the_fiction_ranges(capped):
    sheet, _ = capped
    found = set().union(*sheet["numeros"])
    assert len(found) > 500
    assert all(len(n) == 10 and n[:6] in FICTION for n in found)
    # a phone field holds one number, spelled in one of four ways
    assert sheet["telephone"].eq("").sum() + sheet["telephone"].str.fullmatch(PHONE.pattern).sum() == len(sheet)


def test_an_independent_number_belongs_to_one_person(capped):
    sheet, truth = capped
    uses = (pd.DataFrame({"numero": sheet["numeros"], "personne": truth["id_personne"],
                          "reseau": truth["id_reseau"]}).explode("numero").dropna())
    of_independents = uses.loc[uses["reseau"] == "", "numero"].unique()
    owners = uses[uses["numero"].isin(of_independents)].groupby("numero")["personne"].nunique()
    assert len(owners) > 300
    assert owners.eq(1).all()
    assert not uses.loc[uses["reseau"] != "", "numero"].isin(of_independents).any()


def test_a_network_numbers_its_members_within_one_block(capped):
    sheet, truth = capped
    members = truth[truth["id_reseau"] != ""]
    assert members["id_reseau"].nunique() >= 5
    for _, ads in sheet.loc[members.index].groupby(members["id_reseau"]):
        assert len({n[:8] for n in set().union(*ads["numeros"])}) == 1
    shared = members.groupby("id_reseau")["id_personne"].nunique()
    assert shared.max() >= 3  # a network is several persons


def test_ads_per_person_are_heavy_tailed(capped):
    _, truth = capped
    per_person = truth["id_personne"].value_counts()
    assert per_person.mean() == pytest.approx(len(truth) / 500)
    assert per_person.max() > 4 * per_person.mean()
    assert per_person.median() < per_person.mean()


def test_reposts_are_dated_over_months_and_numbered_as_collected(capped):
    sheet, _ = capped
    dates = pd.to_datetime(sheet["date_collecte"])
    assert dates.is_monotonic_increasing
    assert dates.min() == pd.Timestamp("2026-01-15")
    assert (dates.max() - dates.min()).days >= 150
    assert sheet["id_annonce"].is_unique


def test_some_persons_change_number_or_pseudo_along_the_collection(capped):
    sheet, truth = capped
    own = truth["id_reseau"] == ""
    uses = (pd.DataFrame({"numero": sheet["numeros"], "jour": pd.to_datetime(sheet["date_collecte"]),
                          "personne": truth["id_personne"]})[own].explode("numero").dropna()
            .groupby(["personne", "numero"])["jour"].agg(["min", "max"]))

    def switched(spans: pd.DataFrame) -> bool:  # a number dropped before another one is first used
        return bool((spans["max"].to_numpy()[:, None] < spans["min"].to_numpy()[None, :]).any())

    changed = uses.groupby(level="personne").apply(switched)
    assert 0.05 < changed.mean() < 0.5
    pseudos = sheet.loc[own, "pseudo"].str.lower().groupby(truth.loc[own, "id_personne"]).agg(
        lambda p: {x for x in p if x})
    assert pseudos.map(len).gt(2).any()  # beyond her pseudo and her first name in lower case


def test_the_share_of_ads_without_a_number_holds_past_the_cap(capped):
    small, _ = independent_world(2000, seed=11)
    assert share_without_number(capped[0]) == pytest.approx(share_without_number(small), abs=0.01)
    assert 0.02 < share_without_number(small) < 0.15


def test_at_the_real_cap_every_person_still_has_a_fiction_number():
    sheet, truth = independent_world(30_000)
    numbers = numbers_per_ad(sheet)
    persons = numbers_per_person(numbers, truth)
    assert len(persons) == MAX_PERSONS
    assert persons.loc[persons["annonces"] >= 5, "numeros"].gt(0).all()
    assert all(n[:6] in FICTION for n in set().union(*numbers))
    small, _ = independent_world(2000)
    assert numbers.map(len).eq(0).mean() == pytest.approx(share_without_number(small), abs=0.01)


def test_below_the_cap_the_world_does_not_depend_on_it():
    sheet, truth = independent_world(2000)
    assert truth["id_personne"].nunique() < 700
    capped_sheet, capped_truth = independent_world(2000, max_persons=700)
    pd.testing.assert_frame_equal(sheet, capped_sheet)
    pd.testing.assert_frame_equal(truth, capped_truth)
    assert sheet["date_collecte"].eq("2026-01-15").all()


def test_the_cap_cannot_exceed_the_numbers():
    with pytest.raises(ValueError, match="numéros fictifs"):
        independent_world(1000, max_persons=MAX_PERSONS + 1)


def test_the_written_world_is_read_as_a_collection_sheet(tmp_path):
    sheet_path, truth_path = write_independent_world(1000, tmp_path)
    assert sheet_path == tmp_path / "annonces-SYNTHETIQUE.csv"
    assert truth_path == tmp_path / "verite" / "annonces-SYNTHETIQUE.csv"
    ads = read_ads(sheet_path)
    truth = pd.read_csv(truth_path, dtype=str, keep_default_na=False)
    assert list(truth.columns) == ["id_annonce", "id_personne", "id_reseau"]
    assert len(ads) == len(truth) > 900
    assert ads["id_annonce"].tolist() == truth["id_annonce"].tolist()
    assert ads["site"].str.endswith(".example").all()
    assert ads["telephone_pseudo"].ne("").mean() > 0.5
