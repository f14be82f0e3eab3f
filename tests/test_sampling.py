"""Step 5: sample size, allocation and draw (section I-B-1 and annex 5 of the report)."""

import math
import re

import pandas as pd
import pytest
from hypothesis import given, settings, strategies as st

from diagnostic import inventory, sampling
from diagnostic.spreadsheets import write_workbook

Z95 = 1.959963984540054  # standard normal 97.5 % quantile, written out


def cochran_by_hand(N, e=0.05, z=Z95, p=0.5):
    n0 = z * z * p * (1 - p) / (e * e)
    return math.ceil(n0 / (1 + (n0 - 1) / N))


def test_published_sample_sizes():
    assert sampling.sample_size(699) == 249       # Pas-de-Calais 2018, section I-B-1
    assert sampling.sample_size(7393) == 366      # Ile-de-France 2017, annex 5


def test_shortcut_formula_would_give_248():
    n0 = sampling.sample_size_infinite()
    assert math.ceil(n0 / (1 + n0 / 699)) == 248  # why the exact formula matters
    assert n0 == pytest.approx(384.1459, abs=1e-4)


@pytest.mark.parametrize("N, margin, expected", [
    (50, 0.05, 45), (100, 0.05, 80), (500, 0.05, 218), (1000, 0.05, 278),
    (10000, 0.05, 370), (699, 0.03, 423), (699, 0.10, 85), (137, 0.05, 102),
])
def test_sample_size_table(N, margin, expected):
    assert cochran_by_hand(N, margin) == expected
    assert sampling.sample_size(N, margin) == expected


@given(N=st.integers(1, 100_000), e=st.floats(0.01, 0.3), conf=st.sampled_from([0.9, 0.95, 0.99]))
def test_sample_size_matches_formula_and_never_exceeds_population(N, e, conf):
    z = {0.9: 1.6448536269514722, 0.95: Z95, 0.99: 2.5758293035489004}[conf]
    n = sampling.sample_size(N, e, conf)
    assert n == min(N, cochran_by_hand(N, e, z))
    assert 1 <= n <= N


def test_sample_size_edge_cases():
    assert sampling.sample_size(0) == 0
    with pytest.raises(ValueError):
        sampling.sample_size(100, margin=0)
    with pytest.raises(ValueError):
        sampling.sample_size(100, confidence=1)


def test_largest_remainder_known_case():
    # quotas 4.29, 2.86, 2.86 (10 × 3/7, 2/7, 2/7): floors 4+2+2, the two units left to b and c
    assert sampling.largest_remainder({"a": 30, "b": 20, "c": 20}, 10) == {"a": 4, "b": 3, "c": 3}
    assert sampling.largest_remainder({"a": 5, "b": 0, "c": 5}, 3) == {"a": 2, "b": 0, "c": 1}


counts_strategy = st.dictionaries(st.text("abcdefghij", min_size=1, max_size=4),
                                  st.integers(0, 500), min_size=1, max_size=30)


@given(counts=counts_strategy, data=st.data())
def test_largest_remainder_properties(counts, data):
    total = data.draw(st.integers(0, sum(counts.values())))
    shares = sampling.largest_remainder(counts, total)
    population = sum(counts.values())
    assert sum(shares.values()) == total
    for key, count in counts.items():
        exact = total * count / population if population else 0
        assert math.floor(exact) <= shares[key] <= math.ceil(exact)  # proportional to the unit
        assert shares[key] <= count
        if count == 0:
            assert shares[key] == 0


@settings(max_examples=50)
@given(sizes=st.lists(st.lists(st.integers(0, 300), min_size=1, max_size=8), min_size=1, max_size=4),
       data=st.data())
def test_two_level_allocation(sizes, data):
    rows = [{"departement": f"d{i}", "site": f"d{i}-s{j}", "annonces": c}
            for i, sites in enumerate(sizes) for j, c in enumerate(sites)]
    frame = pd.DataFrame(rows)
    n = data.draw(st.integers(0, int(frame["annonces"].sum())))
    allocation = sampling.allocate(frame, n, strata=("departement", "site"))
    assert allocation["echantillon"].sum() == n
    by_departement = sampling.largest_remainder(
        frame.groupby("departement", sort=False)["annonces"].sum().to_dict(), n)
    assert allocation.groupby("departement")["echantillon"].sum().to_dict() == by_departement
    assert (allocation["echantillon"] <= allocation["annonces"]).all()


@pytest.fixture(scope="module")
def pas_de_calais(project_root):
    return inventory.read(project_root / "data/reference/pas-de-calais-sites-2018.csv")


def test_pas_de_calais_allocation(pas_de_calais):
    allocation = sampling.allocate(pas_de_calais, 249)
    assert allocation["echantillon"].sum() == 249
    by_site = dict(zip(allocation["site"], allocation["echantillon"]))
    assert by_site["escorts69.fr"] == 61       # 249 × 171 / 699 = 60.91
    assert by_site["sexemodel.com"] == 57      # 57.00
    assert by_site["celibook.com"] == 6        # each mirror site: 249 × 17 / 699 = 6.06
    assert by_site["massagexquis.com"] == 0    # no ads, no sample


def test_draw_is_reproducible_and_local_to_each_site(pas_de_calais):
    allocation = sampling.allocate(pas_de_calais, 249)
    ads = sampling.ads_from_inventory(pas_de_calais)
    first = sampling.draw(ads, allocation, seed=2018)
    assert first.equals(sampling.draw(ads, allocation, seed=2018))
    assert len(first) == 249 and first["id_annonce"].is_unique
    assert first.groupby("site").size().to_dict() == {
        s: k for s, k in zip(allocation["site"], allocation["echantillon"]) if k}
    assert not first.equals(sampling.draw(ads, allocation, seed=2019))
    # Correcting one site's count leaves the other sites' draws as they were.
    changed = pas_de_calais.assign(annonces=pas_de_calais["annonces"].where(
        pas_de_calais["site"] != "marche.fr", 30))
    allocation2 = allocation.assign(echantillon=allocation["echantillon"].where(
        allocation["site"] != "marche.fr", 9))
    second = sampling.draw(sampling.ads_from_inventory(changed), allocation2, seed=2018)
    keep = lambda frame: frame[frame["site"] != "marche.fr"]["id_annonce"].tolist()
    assert keep(first) == keep(second)


def test_coding_sheet_is_byte_identical_and_readable(pas_de_calais, tmp_path):
    allocation = sampling.allocate(pas_de_calais, 249)
    sample = sampling.draw(sampling.ads_from_inventory(pas_de_calais), allocation, seed=2018)
    sheet = sampling.coding_sheet(sample, pas_de_calais)
    paths = [tmp_path / "a.xlsx", tmp_path / "b.xlsx"]
    for path in paths:
        sampling.write_coding_sheet(sheet, path, notice=["Test"])
    assert paths[0].read_bytes() == paths[1].read_bytes()
    back = pd.read_excel(paths[0], sheet_name="Échantillon")
    assert len(back) == 249
    assert list(back.columns[:5]) == ["num_echantillon", "site", "categorie", "rang", "id_annonce"]
    assert back["num_echantillon"].tolist() == list(range(1, 250))
    assert pd.read_excel(paths[0], sheet_name="Lisez-moi", header=None).iloc[0, 0] == "Test"


def test_workbook_writes_every_sheet(tmp_path):
    path = write_workbook(tmp_path / "x.xlsx", {"Un": pd.DataFrame({"a": [1, 2]}),
                                                "Deux": pd.DataFrame({"b": ["x"]})})
    assert pd.read_excel(path, sheet_name=None)["Un"]["a"].tolist() == [1, 2]


def test_sampling_tables_and_curves():
    sites = pd.DataFrame({"site": ["a.example", "b.example", "c.example"],
                          "categorie": ["escorting", "rencontres", "massages"], "annonces": [30, 10, 0]})
    allocation = pd.DataFrame({"site": ["a.example", "b.example", "c.example"], "annonces": [30, 10, 0],
                               "quote_part": [27.0, 9.0, 0.0], "echantillon": [27, 9, 0]})
    drawn = sampling.Sampling(sites, 40, 1.96, 384.16, 36.2, 36, allocation, pd.DataFrame())
    assert drawn.sites_with_ads()[["site", "categorie"]].values.tolist() == [["a.example", "Escorting"],
                                                                              ["b.example", "Rencontres"]]
    assert re.findall(r"<t[dh]>(.*?)</t[dh]>", drawn.allocation_table().data) == [
        "Site", "Annonces relevées", "Part exacte", "Annonces à coder", "a.example", "30", "27,00", "27",
        "b.example", "10", "9,00", "9"]
    curves, marks = drawn.size_curves("Exemple", 0.95, 0.5)
    assert marks.values.tolist() == [[699, 249, "Pas-de-Calais 2018 : 699 → 249"],
                                     [7393, 366, "Ile-de-France 2017 : 7 393 → 366"],
                                     [40, 36, "Exemple (cette édition) : 40 → 36"]]
    at_40 = curves[curves["annonces"] == 40].set_index("marge")["echantillon"].to_dict()
    assert at_40 == {"3\u00a0%": cochran_by_hand(40, 0.03), "5\u00a0%": cochran_by_hand(40),
                     "10\u00a0%": cochran_by_hand(40, 0.10)}
    by_margin = drawn.sizes_by_margin(0.95, 0.5)
    assert len(by_margin) == 27 and by_margin["marge"].iloc[[0, 1, -1]].tolist() == ["2,0\u00a0%", "2,5\u00a0%", "15,0\u00a0%"]
    assert by_margin.set_index("marge")["echantillon"]["5,0\u00a0%"] == cochran_by_hand(40)


def test_sheet_preview_shows_the_columns_that_find_an_ad():
    sheet = pd.DataFrame({"num_echantillon": [1, 2], "site": ["a.example"] * 2, "rang": [4, 9],
                          "texte": ["…", "…"], "codeur": ["", ""]})
    assert re.findall(r"<t[dh]>(.*?)</t[dh]>", sampling.sheet_preview(sheet, rows=1).data) == [
        "N°", "Site", "Rang sur le site", "1", "a.example", "4"]
