"""Step 4: the published totals, the large-site rule, the commune matcher, two waves."""

import math
import re
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest
from scipy.stats import t

from diagnostic import ads, communes, inventory

DATA = Path(__file__).resolve().parents[1] / "data"


def test_published_totals_by_category():
    sites = inventory.read(DATA / "reference/pas-de-calais-sites-2018.csv")
    table = inventory.counts_by_category(sites).set_index("categorie")
    assert table["annonces"].to_dict() == {"escorting": 405, "petites_annonces": 107, "massages": 0, "rencontres": 187}
    assert table["sites"].sum() == 39 and table["annonces"].sum() == 699


def test_large_site_rule():
    per_page = [3, 5, 4, 6, 2, 5, 4, 3, 5, 3]  # mean 4
    result = inventory.large_site_estimate(120, per_page)
    assert result["estimation"] == 480  # 4 × 120 pages
    sd = pd.Series(per_page).std()
    half = t.ppf(0.975, 9) * sd / math.sqrt(10) * 120
    assert result["borne_basse"] == pytest.approx(480 - half) and result["borne_haute"] == pytest.approx(480 + half)


def test_estimated_sites_of_the_synthetic_inventory_agree_with_their_counts():
    sites = inventory.read(DATA / "synthetic/inventaire-sites-SYNTHETIQUE.csv")
    estimated = inventory.estimated_sites(sites)
    assert len(estimated) == 2 and (estimated["estimation"] == estimated["annonces"]).all()


def test_description_grid_tallies():
    frame = pd.DataFrame({"site": [f"s{k}.example" for k in range(40)], "categorie": "escorting", "annonces": 1,
                          "options_payantes": ["oui"] * 29 + ["non"] * 11,
                          "abonnement": ["oui"] * 4 + ["non"] * 36})
    tallies = inventory.grid_tallies(frame).set_index("caracteristique")
    assert tallies.iloc[0][["sites", "base"]].tolist() == [29, 40]  # Ile-de-France, annex 5
    assert tallies.iloc[1][["sites", "base"]].tolist() == [4, 40]
    assert tallies.iloc[2]["base"] == 0


SPELLINGS = [
    ("Lens", "62498", "matched"), ("LENS", "62498", "matched"), ("lens", "62498", "matched"),
    ("62300 Lens", "62498", "matched"), ("Lens (62300)", "62498", "matched"),
    ("Bethune", "62119", "matched"), ("BÉTHUNE", "62119", "matched"),
    ("Boulogne sur mer", "62160", "matched"), ("Boulogne", "62160", "matched"),  # through the alias
    ("St Omer", "62765", "matched"), ("St-Omer", "62765", "matched"), ("Saint Omer", "62765", "matched"),
    ("Henin-Beaumont", "62427", "matched"), ("hénin beaumont", "62427", "matched"),
    ("Lenz", "", "unmatched"), ("Paris", "", "unmatched"), ("", "", "unmatched"),
]


def test_commune_matcher_on_real_spellings():
    names = pd.Series([s for s, _, _ in SPELLINGS])
    result = communes.match(names, "62", aliases={"Boulogne": "Boulogne-sur-Mer"})
    assert result["code_insee"].tolist() == [c for _, c, _ in SPELLINGS]
    assert result["statut"].tolist() == [s for _, _, s in SPELLINGS]
    assert result.loc[0, "commune"] == "Lens"


def test_names_shared_by_several_communes_are_ambiguous_until_corrected(tmp_path):
    shared = communes.match(pd.Series(["Vergne"]), "17")
    assert shared["statut"].iloc[0] == "ambiguous" and shared["code_insee"].iloc[0] == ""
    corrections = tmp_path / "corrections.csv"
    code = communes.communes_of("17")
    code = code.loc[code["nom"].map(communes.normalise) == "vergne", "code"].iloc[0]
    corrections.write_text(f"saisie,code_insee\nVergne,{code}\n", encoding="utf-8")
    fixed = communes.match(pd.Series(["Vergne"]), "17", corrections=communes.read_corrections(corrections))
    assert fixed["statut"].iloc[0] == "matched" and fixed["code_insee"].iloc[0] == code


def test_unmatched_names_are_listed_with_a_suggestion():
    result = communes.match(pd.Series(["Arrsa", "Arrsa", "Lens", "Btéhune"]), "62")
    listed = communes.unmatched(result, "62")
    assert listed[["saisie", "annonces"]].values.tolist() == [["Arrsa", 2], ["Btéhune", 1]]
    assert listed["suggestion"].tolist() == ["Arras (62041)", "Béthune (62119)"]


def test_communes_command(tmp_path, project_root):
    names = tmp_path / "noms.csv"
    names.write_text("commune_declaree\n62300 Lens\nBoulogne\nLenz\n", encoding="utf-8")
    out = subprocess.run([sys.executable, "-m", "diagnostic", "communes", "--departement", "62",
                          "--alias", "Boulogne=Boulogne-sur-Mer", str(names)],
                         capture_output=True, text=True, cwd=project_root, check=True)
    assert out.stdout.splitlines() == ["saisie,code_insee,commune,statut,precision", "62300 Lens,62498,Lens,matched,",
                                       "Boulogne,62160,Boulogne-sur-Mer,matched,", "Lenz,,,unmatched,"]


def test_synthetic_ads_by_commune_and_concentration():
    sheet = ads.read_ads(DATA / "synthetic/annonces-SYNTHETIQUE.csv")
    located = ads.by_commune(sheet, "62", {"Boulogne": "Boulogne-sur-Mer"})
    assert (located["statut_commune"] == "matched").mean() > 0.95
    counts, top5, number = ads.concentration(located)
    assert counts["commune"].head(5).tolist() == ["Lens", "Arras", "Boulogne-sur-Mer", "Béthune", "Calais"]
    assert top5 == pytest.approx(0.80, abs=0.03) and number == 30
    assert ads.passing_through(sheet["texte"]).mean() == pytest.approx(0.18, abs=0.02)


def test_two_waves_compared():
    first = pd.DataFrame({"site": ["a.example", "a.example", "b.example"], "date_collecte": ["2018-10-01"] * 3})
    second = pd.DataFrame({"site": ["a.example", "c.example"], "date_collecte": ["2019-03-12"] * 2})
    sites = pd.DataFrame({"site": ["a.example", "b.example"], "categorie": ["escorting", "rencontres"]})
    waves = ads.compare_waves(first, second, sites)
    assert waves["disparus"] == ["b.example"] and waves["apparus"] == ["c.example"]
    assert waves["par_categorie"].set_index("categorie").to_dict("index") == {
        "escorting": {"vague_1": 2, "vague_2": 1}, "nouveau site": {"vague_1": 0, "vague_2": 1},
        "rencontres": {"vague_1": 1, "vague_2": 0}}
    synthetic = ads.compare_waves(ads.read_ads(DATA / "synthetic/annonces-SYNTHETIQUE.csv"),
                                  ads.read_ads(DATA / "synthetic/annonces-vague2-SYNTHETIQUE.csv"),
                                  inventory.read(DATA / "synthetic/inventaire-sites-SYNTHETIQUE.csv"))
    assert len(synthetic["apparus"]) == 2 and len(synthetic["disparus"]) >= 3


def cells(shown) -> list[str]:
    """The header and body cells of a table shown by `presentation.table`, in reading order."""
    return re.findall(r"<t[dh]>(.*?)</t[dh]>", shown.data)


SITES = pd.DataFrame({"site": ["a.example", "b.example", "c.example"],
                      "categorie": ["escorting", "escorting", "rencontres"], "annonces": [10, 5, 2],
                      "mode_comptage": ["compte", "estime", "compte"], "pages": [None, 3, None],
                      "pertinentes_10_pages": [None, "2;4", None], "options_payantes": ["oui", "non", None]})


def test_inventory_tables_shown():
    assert cells(inventory.category_table(SITES, "Catégorie de site")) == [
        "Catégorie de site", "Sites", "Annonces", "Escorting", "2", "15", "Petites annonces", "0", "0",
        "Massages", "0", "0", "Rencontres", "1", "2"]
    # b.example: 3 pages, 2 then 4 relevant ads: mean 3, estimate 9; half-width t(0.975, 1) = 12.706
    # × sd 1.414 / √2 = 12.706 per page, so 0 (floored) to (3 + 12.706) × 3 = 47.1.
    assert cells(inventory.estimated_table(SITES))[5:] == ["b.example", "3", "3,00", "9", "0 – 47"]
    assert inventory.estimated_table(SITES.assign(mode_comptage="compte")) is None
    grid = cells(inventory.grid_table(SITES))
    assert grid[:4] == ["Caractéristique", "Sites", "Sites décrits", "Part"]
    assert grid[5:8] == ["1", "2", "50\u00a0%"] and grid[9:12] == ["0", "0", ""]  # 1 of 2 described; none described


def test_collection_tables_and_waves_sentence():
    from types import SimpleNamespace

    collection = SimpleNamespace(
        unmatched=pd.DataFrame({"saisie": ["Lns"], "statut": [communes.UNMATCHED], "annonces": [3],
                                "suggestion": ["Lens"]}),
        by_commune=pd.DataFrame({"commune": ["Lens", "Arras"], "code_insee": ["62498", "62041"],
                                 "annonces": [3, 1], "part": [0.75, 0.25]}),
        by_arrondissement=pd.DataFrame({"arrondissement": ["Lens"], "annonces": [4], "part": [1.0]}),
        waves={"dates": ["2018-10-01", "2018-10-02", "2019-03-12", "2019-03-13"], "disparus": ["b.example"],
               "apparus": [], "par_categorie": pd.DataFrame({"categorie": ["escorting", "nouveau site"],
                                                             "vague_1": [2, 0], "vague_2": [1, 1]})})
    assert cells(ads.InternetCollection.unmatched_table(collection)) == [
        "Écrit dans l'annonce", "Statut", "Annonces", "Commune la plus proche (à vérifier)", "Lns", "inconnue", "3", "Lens"]
    by_commune, by_arrondissement = ads.InternetCollection.commune_tables(collection)
    assert cells(by_commune)[4:] == ["Lens", "62498", "3", "75\u00a0%", "Arras", "62041", "1", "25\u00a0%"]
    assert cells(by_arrondissement) == ["Arrondissement", "Annonces", "Part", "Lens", "4", "100\u00a0%"]
    assert cells(ads.InternetCollection.waves_table(collection)) == [
        "Catégorie", "Premier relevé", "Second relevé", "Escorting", "2", "1", "nouveau site", "0", "1"]
    assert ads.InternetCollection.waves_text(collection) == (
        "Premier relevé du 01/10/2018 au 02/10/2018 ; second relevé du 12/03/2019 au 13/03/2019. "
        "Sites disparus : b.example. Sites apparus : aucun.")
