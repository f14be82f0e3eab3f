"""Step 3: counting rules, duplicates across reporters, the a-minima count, disclosure control."""

from pathlib import Path

import pandas as pd
import pytest

from diagnostic import disclosure, mse, partners, questionnaire, situations

DATA = Path(__file__).resolve().parents[1] / "data" / "synthetic"


@pytest.mark.parametrize("text, value, rule", [
    ("", 1, "aucun nombre : 1"), (None, 1, "aucun nombre : 1"), ("4", 4, "nombre indiqué"),
    ("3 ou 4", 3, "plusieurs nombres : le plus petit"), ("3-4", 3, "plusieurs nombres : le plus petit"),
    ("entre 5 et 8", 5, "plusieurs nombres : le plus petit"), ("deux", 2, "nombre indiqué"),
    ("au moins 3", 3, "nombre indiqué"), ("une dizaine", 10, "« une dizaine » : 10 a minima"),
    ("Une vingtaine de jeunes", 20, "« une vingtaine » : 20 a minima"), ("quelques", 2, "« quelques » : 2 a minima"),
    ("Une jeune femme", 1, "une personne décrite : 1"), ("beaucoup", 1, "illisible : 1, à revoir"),
])
def test_counting_rules(text, value, rule):
    assert situations.count_a_minima(text) == (value, rule)


def crafted() -> pd.DataFrame:
    base = {"sexe": ["Des femmes"], "age": ["18-25 ans"], "nationalite": ["Française"], "proxenete": "Oui",
            "parcours": "Rupture familiale; violences subies", "forme": ["Appartement"], "logement": [],
            "situation_professionnelle": [], "situation_financiere": [], "reseau": "Non", "champ": "sante"}
    rows = [
        {"id_situation": "R001-1", "id_source": "R001", "commune": "lens", "personnes": 3, "statut": "probable_averee"},
        {"id_situation": "E01-1", "id_source": "E01", "commune": "lens", "personnes": 4, "statut": "probable_averee",
         "proxenete": "Oui, son compagnon", "champ": "justice"},
        {"id_situation": "R002-1", "id_source": "R002", "commune": "lens", "personnes": 1, "statut": "probable_averee",
         "age": ["26-35 ans"]},
        {"id_situation": "R001-2", "id_source": "R001", "commune": "lens", "personnes": 2, "statut": "risque",
         "forme": ["Inconnu"]},
        {"id_situation": "R003-1", "id_source": "R003", "commune": "arras", "personnes": 2, "statut": "probable_averee"},
    ]
    return pd.DataFrame([{**base, **row} for row in rows])


def test_duplicates_are_found_with_reasons_and_counted_once():
    table = crafted()
    pairs = situations.candidate_pairs(table)
    same = pairs[pairs["regle"]]
    assert same[["id_a", "id_b"]].values.tolist() == [["R001-1", "E01-1"]]
    assert "même réponse sur le proxénète" in same["raisons"].iloc[0]
    assert not ((pairs["id_a"] == "R001-1") & (pairs["id_b"] == "R001-2")).any()  # same source: never compared
    groups = situations.consolidate(table, pairs)
    assert len(groups) == 4
    merged = groups[groups["situations"] == 2].iloc[0]
    assert merged["personnes"] == 4 and merged["champs"] == "justice;sante"
    assert groups.groupby("statut")["personnes"].sum().to_dict() == {"probable_averee": 7, "risque": 2}


def test_reviewer_decisions_override_the_rule():
    table = crafted()
    pairs = situations.candidate_pairs(table)
    decisions = pd.DataFrame({"id_a": ["R001-1", "R002-1"], "id_b": ["E01-1", "E01-1"],
                              "decision": ["differente", "meme"]})
    groups = situations.consolidate(table, pairs, decisions)
    assert sorted(groups["sources"]) == ["E01-1;R002-1", "R001-1", "R001-2", "R003-1"]


def synthetic_groups():
    responses, survey = questionnaire.read_answers(DATA / "questionnaire-google-forms-SYNTHETIQUE.csv")
    interviews = partners.read_interviews(DATA / "entretiens-SYNTHETIQUE.csv")
    registry = partners.read_registry(DATA / "partenaires-SYNTHETIQUE.csv")
    notes = partners.read_interview_situations(DATA / "situations-entretiens-SYNTHETIQUE.csv")
    table = situations.prepare(questionnaire.all_situations(survey, notes), responses, interviews, registry)
    return table, situations.candidate_pairs(table)


def test_synthetic_world_a_minima_count_equals_its_truth():
    table, pairs = synthetic_groups()
    truth = pd.read_csv(DATA / "verite/situations-decrites-SYNTHETIQUE.csv")
    group_of = dict(zip(truth["id_source"] + "-" + truth["num_situation"].astype(str), truth["id_groupe"]))
    rule = pairs[pairs["regle"]]
    assert all(group_of[a] == group_of[b] for a, b in zip(rule["id_a"], rule["id_b"]))  # precision 1
    true_pairs = sum(len(m) * (len(m) - 1) // 2 for _, m in truth.groupby("id_groupe"))
    assert len(rule) == true_pairs  # recall 1
    groups = situations.consolidate(table, pairs)
    assert groups.groupby("statut")["personnes"].sum().to_dict() == {"probable_averee": 152, "risque": 15}
    assert (table["champ"] != "").all()


def test_mse_on_the_synthetic_world_covers_its_truth():
    table, pairs = synthetic_groups()
    result = mse.estimate(situations.capture_histories(situations.consolidate(table, pairs)), bootstrap=100, seed=1)
    hidden_truth = pd.read_csv(DATA / "verite/groupes-SYNTHETIQUE.csv")["taille"].sum()
    assert result.observed == 167
    low, high = result.bootstrap_interval
    assert low <= hidden_truth <= high


def report_groups() -> pd.DataFrame:
    """152 persons in a probable or proven situation built to match the report's profiles."""
    rows = []
    def add(n, **fields):
        rows.append({"personnes": n, "statut": "probable_averee", **fields})
    sexes = [["Des femmes"]] * 115 + [["Des hommes"]] * 32 + [["Des personnes transidentitaires"]] * 5
    finance = [["Sans ressources"]] * 116 + [[]] * 36
    work = [["Demandeur.euse d'emploi"]] * 104 + [["Salarié.e"]] * 18 + [[]] * 30
    housing = [["Rue"]] * 83 + [["Logement autonome"]] * 37 + [[]] * 32
    forms = [["Contre hébergement"]] * 24 + [["Contre autres biens ou services"]] * 23 + [["Appartement"]] * 105
    pimps = ["Oui"] * 65 + ["Non"] * 58 + ["Je ne sais pas"] * 29
    for k in range(152):
        add(1, sexe=sexes[k], situation_financiere=finance[k], situation_professionnelle=work[k],
            logement=housing[k], forme=forms[k], proxenete=pimps[k], parcours="violences intrafamiliales" if k < 46 else "")
    return pd.DataFrame(rows)


def test_report_figures_come_back():
    groups = report_groups()
    assert situations.persons_by(groups, "sexe").to_dict() == {
        "Des femmes": 115, "Des hommes": 32, "Des personnes transidentitaires": 5}
    conditions = situations.living_conditions(groups).set_index("condition")
    shares = (conditions["personnes"] / conditions["base"]).round(2).tolist()
    assert conditions["base"].tolist() == [116, 122, 120] and shares == [1.0, 0.85, 0.69]
    exchange = groups["forme"].map(lambda f: bool({"Contre hébergement", "Contre autres biens ou services"} & set(f)))
    assert round(groups.loc[exchange, "personnes"].sum() / 152, 2) == 0.31
    pimps = groups["personnes"].groupby(groups["proxenete"].map(situations.pimp_category)).sum() / 152
    assert pimps.round(2).to_dict() == {"absent": 0.38, "inconnu": 0.19, "probable_averee": 0.43}
    factors = situations.factors(groups).set_index("facteur")["personnes"]
    assert factors["violences_intrafamily"] == 46 and round(46 / 152, 2) == 0.30


def test_small_counts_are_hidden_with_their_complement():
    counts = pd.Series({"femmes": 115, "hommes": 32, "trans": 3})
    assert disclosure.protect(counts).tolist() == ["115", "masqué", "< 5"]
    table = pd.DataFrame({"Lens": [12, 2], "Arras": [7, 9]}, index=["femmes", "hommes"])
    shown = disclosure.protect_table(table)
    assert shown.loc["hommes", "Lens"] == "< 5"
    assert (shown == "masqué").sum().sum() == 3  # its row, its column, and the cell that closes both
    assert disclosure.protect(pd.Series({"a": 10, "b": 0, "c": 7})).tolist() == ["10", "0", "7"]
