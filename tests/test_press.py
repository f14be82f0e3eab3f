"""The press review (annex 2): the reader, its counts by year, form and arrondissement, the
crossing with step 3's persons, and the demand sentence of the synthesis."""

from pathlib import Path

import pandas as pd
import pytest

from diagnostic import communes, press, synthesis
from diagnostic.errors import InputError

DATA = Path(__file__).resolve().parents[1] / "data"
HEADER = "date,titre,source,commune,forme\n"


def write(tmp_path: Path, rows: str) -> Path:
    path = tmp_path / "revue-presse.csv"
    path.write_text(HEADER + rows, encoding="utf-8")
    return path


def test_a_good_review_is_read_with_iso_dates_and_names_masked(tmp_path):
    path = write(tmp_path, "20/10/2017,Arras : au moins cinq appartements loués,La Voix du Nord,Arras,"
                           "\"Appartements, maisons, hôtels\"\n"
                           "2020-06-24,Verbalisation des « clients » : Sophie Martin témoigne,La Voix du Nord,,"
                           "Forme(s) de prostitution inconnue(s)\n")
    articles = press.read_press(path)
    assert articles["date"].tolist() == ["2017-10-20", "2020-06-24"]
    assert articles["forme"].tolist() == ["Appartements, maisons, hôtels", "Forme(s) de prostitution inconnue(s)"]
    assert articles.loc[1, "titre"] == "Verbalisation des « clients » : [nom] témoigne"
    assert pd.isna(articles.loc[1, "commune"]) and articles.loc[0, "source"] == "La Voix du Nord"


def test_an_impossible_date_is_refused_with_its_row_and_column(tmp_path):
    path = write(tmp_path, "2019-11-09,Rouvroy : un quinquagénaire condamné,La Voix du Nord,Rouvroy,\"Routes, rues\"\n"
                           "31/02/2019,Rouvroy : un quinquagénaire incarcéré,La Voix du Nord,Rouvroy,"
                           "Forme(s) de prostitution inconnue(s)\n")
    with pytest.raises(InputError) as caught:
        press.read_press(path)
    message = str(caught.value)
    assert str(path) in message
    assert "ligne 3, colonne « date » : valeur « 31/02/2019 »" in message
    assert "une date réelle écrite AAAA-MM-JJ ou JJ/MM/AAAA" in message


def test_a_form_outside_the_reports_legend_is_refused_with_its_row_and_column(tmp_path):
    path = write(tmp_path, "2015-05-09,Boulogne : à Brequerecque,La Voix du Nord,Boulogne-sur-Mer,Prostitution de rue\n")
    with pytest.raises(InputError) as caught:
        press.read_press(path)
    message = str(caught.value)
    assert "ligne 2, colonne « forme » : valeur « Prostitution de rue »" in message
    assert "l'une des valeurs 'Routes, rues'" in message and "'Salons de massage'" in message


# Five arrondissements of the Pas-de-Calais, one commune each, written by hand.
ARRONDISSEMENTS = pd.DataFrame({
    "commune_code": ["62041", "62758", "62193", "62724", "62765"],
    "commune": ["Arras", "Saint-Martin-Boulogne", "Calais", "Rouvroy", "Saint-Omer"],
    "arrondissement_code": ["62001", "62003", "62006", "62007", "62005"],
    "arrondissement": ["Arras", "Boulogne-sur-Mer", "Calais", "Lens", "Saint-Omer"]})


def hand_review() -> press.PressReview:
    articles = pd.DataFrame({
        "date": ["2016-01-29", "2017-10-20", "2017-10-20", "2019-11-09", "2020-03-20", "2020-06-24", "2020-07-27"],
        "titre": ["a", "b", "c", "d", "e", "f", "g"], "source": "Journal",
        "commune": ["Calais", "Arras", "ARRAS", "Rouvroy", "Saint-Martin-Boulogne", None, "Atlantis"],
        "forme": ["Contre biens ou services", "Appartements, maisons, hôtels", "Appartements, maisons, hôtels",
                  "Forme(s) de prostitution inconnue(s)", "Appartements, maisons, hôtels",
                  "Forme(s) de prostitution inconnue(s)", "Routes, rues"]})
    return press.review(articles, ARRONDISSEMENTS, "62")


def test_articles_by_year_form_and_arrondissement_counted_by_hand():
    review = hand_review()
    per_year = review.by_year_form.groupby("annee")["articles"].sum().to_dict()
    assert per_year == {2016: 1, 2017: 2, 2018: 0, 2019: 1, 2020: 3}
    assert len(review.by_year_form) == 5 * len(press.FORMS)
    indoor_2017 = review.by_year_form.query("annee == 2017 and forme == 'Appartements, maisons, hôtels'")
    assert indoor_2017["articles"].tolist() == [2]
    assert dict(zip(review.by_arrondissement["arrondissement"], review.by_arrondissement["articles"])) == {
        "Arras": 2, "Boulogne-sur-Mer": 1, "Saint-Omer": 0, "Calais": 1, "Lens": 1}
    numbers = review.numbers()
    assert numbers["articles_presse"] == 7 and numbers["articles_presse_places"] == 5
    assert numbers["articles_presse_sans_commune"] == 1 and numbers["articles_presse_non_rattaches"] == 1
    assert (numbers["presse_debut"], numbers["presse_fin"]) == ("2016-01-29", "2020-07-27")
    assert review.unmatched[["saisie", "articles"]].values.tolist() == [["Atlantis", 1]]


def test_crossing_with_the_persons_of_step_3_hides_small_counts():
    # Step 3's table: persons by arrondissement code (Boulogne and Calais: nobody reported).
    persons = pd.DataFrame({"code": ["62001", "62007", "62005"], "personnes": [12, 3, 7]})
    crossed = hand_review().crossed(persons, threshold=5).set_index("arrondissement")
    assert crossed.loc["Arras"].tolist() == [2, "12", "les deux"]
    assert crossed.loc["Lens"].tolist() == [1, "< 5", "les deux"]
    # 3 is hidden, so the next smallest count (7) is hidden too: 3 cannot be recovered from the total
    assert crossed.loc["Saint-Omer"].tolist() == [0, "masqué", "professionnel·les seul·es"]
    assert crossed.loc["Boulogne-sur-Mer"].tolist() == [1, "0", "presse seule"]
    assert crossed.loc["Calais"].tolist() == [1, "0", "presse seule"]


def test_the_synthetic_review_names_communes_of_its_world():
    articles = press.read_press(DATA / "synthetic/revue-presse-SYNTHETIQUE.csv")
    assert articles["date"].str[:4].value_counts().sort_index().to_dict() == {
        "2015": 2, "2016": 3, "2017": 8, "2018": 1, "2019": 4, "2020": 8}  # as many per year as annex 2
    assert articles["source"].str.endswith("(fictif)").all()
    named = articles["commune"].dropna()
    assert (communes.match(named, "62")["statut"] == communes.MATCHED).all()
    situations = pd.read_csv(DATA / "synthetic/verite/situations-signalees-SYNTHETIQUE.csv", dtype=str)
    towns = {"Lens", "Arras", "Boulogne-sur-Mer", "Béthune", "Calais"}  # params/pas-de-calais.yaml
    assert set(named) <= set(situations["commune"]) | towns


def test_demand_sentence_from_the_results():
    results = {"04": {"annonces_clients": 22, "discussions_forum": 76, "communes_forum": 24, "articles_presse": 26,
                      "presse_debut": "2015-05-09", "presse_fin": "2020-07-27"},
               "06": {"part_public_hommes": 0.96}}
    assert synthesis.key_findings(results)["demande"] == (
        "96\xa0% des annonces codées s'adressent à des hommes ; 22 annonces de « clients » cherchant une "
        "personne en situation de prostitution ont été relevées ; 76 discussions de « clients » sur un forum "
        "portent sur 24 communes ; la revue de presse réunit 26 articles parus de 2015 à 2020.")
    only_press = {"04": {"annonces_clients": None, "articles_presse": 3, "presse_debut": "2019-01-04",
                         "presse_fin": "2019-12-30"}}
    assert synthesis.demand_sentence(only_press) == "La revue de presse réunit 3 articles parus en 2019."
    assert "demande" not in synthesis.key_findings({"04": {"annonces_clients": None}})


def test_a_review_with_no_article_counts_zero_everywhere(tmp_path):
    review = press.review(press.read_press(write(tmp_path, "")), ARRONDISSEMENTS, "62")
    numbers = review.numbers()
    assert numbers["articles_presse"] == 0 and numbers["presse_debut"] is None
    assert numbers["articles_presse_par_forme"] == dict.fromkeys(press.FORMS, 0)
    assert review.by_arrondissement["articles"].tolist() == [0] * 5


def test_the_reports_own_annex_2_reads_and_counts_as_printed():
    """The 26 articles of the report's annex 2, transcribed in `data/reference/`: read by the
    same reader as a département's file, counted by year as the annex lists them (its
    « 2018 » heading holds one article dated 30 March 2017), titles left as printed (no
    commune or newspaper taken for a person's name)."""
    from diagnostic import geo

    path = DATA / "reference/pas-de-calais-2020-revue-presse.csv"
    articles = press.read_press(path)
    assert len(articles) == 26 and not articles["titre"].str.contains(r"\[nom\]").any()
    assert articles["titre"].tolist() == pd.read_csv(path)["titre"].tolist()
    counted = press.review(articles, geo.commune_arrondissements("62"), "62")
    assert counted.articles.groupby("annee").size().to_dict() == {2015: 2, 2016: 3, 2017: 8, 2018: 1, 2019: 4, 2020: 8}
    by_arrondissement = counted.by_arrondissement.set_index("arrondissement")["articles"].to_dict()
    assert by_arrondissement == {"Arras": 9, "Béthune": 3, "Boulogne-sur-Mer": 4, "Montreuil": 0, "Saint-Omer": 0,
                                 "Calais": 4, "Lens": 1}  # Rouvroy is in Lens; 5 articles name no commune
