"""Commune names as people type them (issue 17), matched to COG 2018 INSEE codes.

The spellings below are written by hand as ads, partner lists and questionnaire answers
write them; each has the commune the person meant. Out of the box (no alias, no
correction), at least 95 % of each département's spellings must be matched and none to
another commune.
"""

import pandas as pd
import pytest
import yaml

from diagnostic import communes, geo, params

# (as typed, INSEE code of the commune meant)
PAS_DE_CALAIS = [
    ("Lens", "62498"), ("LENS", "62498"), ("lens (62)", "62498"), ("Lens centre", "62498"),
    ("Lens gare", "62498"), ("Lens Centre-Ville", "62498"), ("62300 Lens", "62498"), ("Lens 62300", "62498"),
    ("Lens, 62", "62498"), ("Arras Cedex 9", "62041"), ("62000 ARRAS", "62041"), ("arras centre ville", "62041"),
    ("Bethune", "62119"), ("BÉTHUNE", "62119"), ("Béthune (62400)", "62119"), ("Le Portel", "62667"),
    ("Portel", "62667"), ("LE PORTEL", "62667"), ("Le-Portel", "62667"), ("Noeux les Mines", "62617"),
    ("Nœux-les-Mines", "62617"), ("noeux-les-mines", "62617"), ("St-Omer", "62765"), ("St Omer", "62765"),
    ("Saint Omer", "62765"), ("Boulogne sur mer", "62160"), ("Boulogne s/ Mer", "62160"),
    ("Henin Beaumont", "62427"), ("hénin-beaumont", "62427"), ("Le Touquet-Paris-Plage", "62826"),
    ("Touquet Paris Plage", "62826"), ("Bruay la Buissiere", "62178"), ("Lievin", "62510"),
    ("Liévin 62800", "62510"), ("Eleu dit Leauwette", "62291"), ("St Martin Boulogne", "62758"),
    ("Calais", "62193"), ("62100", "62193"),
]
GIRONDE = [
    ("Bordeaux", "33063"), ("BORDEAUX", "33063"), ("33000 Bordeaux", "33063"), ("Bordeaux 33000", "33063"),
    ("Bordeaux Cedex", "33063"), ("Bordeaux centre", "33063"), ("Bordeaux gare", "33063"),
    ("Bordeaux (33)", "33063"), ("Merignac", "33281"), ("Mérignac 33700", "33281"), ("PESSAC", "33318"),
    ("Talence", "33522"), ("Le Bouscat", "33069"), ("Bouscat", "33069"), ("LE BOUSCAT", "33069"),
    ("La Teste-de-Buch", "33529"), ("La Teste de Buch", "33529"), ("Teste-de-Buch", "33529"),
    ("la teste de buch", "33529"), ("Arcachon", "33009"), ("Begles", "33039"), ("Villenave d'Ornon", "33550"),
    ("Villenave d Ornon", "33550"), ("St Medard en Jalles", "33449"), ("Saint-Médard-en-Jalles", "33449"),
    ("Libourne", "33243"), ("Gujan Mestras", "33199"), ("Le Haillan", "33200"), ("Haillan", "33200"),
    ("Lege Cap Ferret", "33236"), ("Andernos les Bains", "33005"), ("Le Taillan Médoc", "33519"),
    ("St Jean d'Illac", "33422"), ("Canejan", "33090"), ("33260", "33529"), ("La Teste", "33529"),
]
GUADELOUPE = [
    ("Les Abymes", "97101"), ("Abymes", "97101"), ("LES ABYMES", "97101"), ("les-abymes", "97101"),
    ("97139 Les Abymes", "97101"), ("Le Gosier", "97113"), ("Gosier", "97113"), ("LE GOSIER", "97113"),
    ("Pointe-à-Pitre", "97120"), ("Pointe a Pitre", "97120"), ("POINTE A PITRE", "97120"),
    ("97110 Pointe-à-Pitre", "97120"), ("Pointe-à-Pitre Cedex", "97120"), ("Baie Mahault", "97103"),
    ("Baie-Mahault 97122", "97103"), ("Ste Anne", "97128"), ("Sainte Anne", "97128"), ("St François", "97125"),
    ("Saint Francois", "97125"), ("Le Moule", "97117"), ("Moule", "97117"), ("Basse Terre", "97105"),
    ("Basse-Terre (971)", "97105"), ("Capesterre Belle Eau", "97107"), ("Morne a l'Eau", "97116"),
    ("Morne-à-l'eau", "97116"), ("Petit Bourg", "97118"), ("Lamentin", "97115"), ("Ste Rose", "97129"),
    ("Trois Rivieres", "97132"), ("Vieux Habitants", "97134"), ("La Désirade", "97110"), ("Desirade", "97110"),
    ("Terre de Haut", "97131"), ("97190", "97113"),
]


@pytest.mark.parametrize("departement, spellings", [("62", PAS_DE_CALAIS), ("33", GIRONDE), ("971", GUADELOUPE)])
def test_typed_names_are_matched_out_of_the_box_and_never_to_another_commune(departement, spellings):
    assert len(spellings) >= 30
    result = communes.match(pd.Series([s for s, _ in spellings]), departement)
    expected = [c for _, c in spellings]
    matched = result["statut"] == communes.MATCHED
    wrong = result[matched & (result["code_insee"] != expected)]
    assert wrong.empty, wrong
    assert matched.mean() >= 0.95
    # The one spelling left is a short form, for the alias table: never a guess.
    assert result.loc[~matched, "saisie"].tolist() == {"62": [], "33": ["La Teste"], "971": []}[departement]


def test_official_names_carry_their_article():
    names = {d: dict(zip(*communes.communes_of(d)[["code", "nom"]].T.values)) for d in ("62", "33", "76", "17", "971")}
    assert names["62"]["62667"] == "Le Portel" and names["62"]["62617"] == "Nœux-les-Mines"
    assert names["33"]["33529"] == "La Teste-de-Buch" and names["33"]["33069"] == "Le Bouscat"
    assert names["76"]["76351"] == "Le Havre" and names["17"]["17300"] == "La Rochelle"
    assert names["971"]["97101"] == "Les Abymes" and names["971"]["97113"] == "Le Gosier"
    result = communes.match(pd.Series(["Le Havre", "Havre", "La Rochelle", "Rochelle"]), "76")
    assert result["commune"].tolist() == ["Le Havre", "Le Havre", "", ""]  # La Rochelle is in 17


def test_names_shared_by_several_communes_stay_ambiguous_with_every_candidate():
    result = communes.match(pd.Series(["Vergne", "La Vergne", "Vergné", "Longeville", "La Longeville",
                                       "Breuil", "Le Breuil"]), "17")
    assert result["statut"].tolist() == ["ambiguous", "matched", "ambiguous", "unmatched", "unmatched",
                                         "unmatched", "unmatched"]
    assert result.loc[0, "precision"] == "plusieurs communes : Vergné (17464), La Vergne (17465)"
    assert result.loc[1, "code_insee"] == "17465"
    longeville = communes.match(pd.Series(["Longeville", "La Longeville"]), "25")
    assert longeville["statut"].tolist() == ["ambiguous", "matched"]
    assert longeville["code_insee"].tolist() == ["", "25347"]
    # 51086 Breuil was renamed after 2018: no article known, its name is kept as in 2018.
    breuil = communes.match(pd.Series(["Breuil", "Le Breuil", "LE BREUIL (51)"]), "51")
    assert breuil["statut"].tolist() == ["ambiguous", "matched", "matched"]
    assert breuil["code_insee"].tolist() == ["", "51085", "51085"]


def test_a_postcode_beside_a_shared_name_picks_its_commune():
    result = communes.match(pd.Series(["Vergne 17400", "17330 Vergne", "Vergne 17000"]), "17")
    assert result["code_insee"].tolist() == ["17465", "17464", ""]
    assert result["statut"].tolist() == ["matched", "matched", "ambiguous"]
    assert result.loc[0, "precision"] == "nom partagé par 2 communes, départagé par le code postal 17400"


def test_a_postcode_alone_designates_the_communes_it_serves():
    result = communes.match(pd.Series(["62100", "62300", "62500", "59000", "62008"]), "62")
    assert result["statut"].tolist() == ["matched", "ambiguous", "ambiguous", "unmatched", "unmatched"]
    assert result.loc[0, "code_insee"] == "62193" and result.loc[0, "precision"] == "d'après le code postal 62100"
    assert result.loc[1, "precision"] == "plusieurs communes : Éleu-dit-Leauwette (62291), Lens (62498)"


@pytest.mark.parametrize("departement, typed, code, district", [
    ("75", "Paris 15e", "75056", "Paris 15e Arrondissement (75115)"),
    ("75", "Paris 15ème", "75056", "Paris 15e Arrondissement (75115)"),
    ("75", "75015 Paris", "75056", "Paris 15e Arrondissement (75115)"),
    ("75", "Paris 1er", "75056", "Paris 1er Arrondissement (75101)"),
    ("69", "Lyon 3ème", "69123", "Lyon 3e Arrondissement (69383)"),
    ("69", "69003 Lyon", "69123", "Lyon 3e Arrondissement (69383)"),
    ("13", "Marseille 8", "13055", "Marseille 8e Arrondissement (13208)"),
    ("13", "13008", "13055", "Marseille 8e Arrondissement (13208)"),
])
def test_paris_lyon_marseille_districts_are_counted_in_their_commune(departement, typed, code, district):
    row = communes.match(pd.Series([typed]), departement).iloc[0]
    assert (row["code_insee"], row["statut"]) == (code, "matched")
    assert row["precision"].startswith(f"arrondissement municipal {district}, compté dans la commune")


def test_a_district_outside_the_departement_is_unmatched():
    result = communes.match(pd.Series(["Paris 15e", "75015 Paris", "Lyon 3ème"]), "62")
    assert result["statut"].tolist() == ["unmatched"] * 3


def test_unmatched_lists_the_candidates_of_ambiguous_names():
    listed = communes.unmatched(communes.match(pd.Series(["Vergne", "Vergne", "Rochele"]), "17"), "17")
    assert listed.values.tolist() == [
        ["Vergne", "ambiguous", 2, "plusieurs communes : Vergné (17464), La Vergne (17465)"],
        ["Rochele", "unmatched", 1, "La Rochelle (17300)"]]


def test_main_towns_of_the_parameters_accept_names_with_or_without_article(tmp_path, project_root):
    content = yaml.safe_load((project_root / "params/pas-de-calais.yaml").read_text(encoding="utf-8"))
    towns = content["monde_synthetique"]["villes_principales"]
    towns[0]["commune"], towns[1]["commune"] = "Portel", "st-omer"
    path = tmp_path / "params.yaml"
    path.write_text(yaml.safe_dump(content, allow_unicode=True), encoding="utf-8")
    loaded = params.load(path, project_root)
    assert [t.commune for t in loaded.monde_synthetique.villes_principales][:2] == ["Le Portel", "Saint-Omer"]


def test_maps_show_official_names(project_root):
    names = {f["properties"]["code"]: f["properties"]["nom"] for f in geo.layer("62", "communes", project_root)["features"]}
    assert names["62667"] == "Le Portel" and names["62617"] == "Nœux-les-Mines"
    arrondissements = geo.layer("76", "arrondissements", project_root)["features"]
    assert [f["properties"]["nom"] for f in arrondissements] == ["Dieppe", "Le Havre", "Rouen"]
