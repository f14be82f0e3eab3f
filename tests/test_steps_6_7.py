"""Steps 6 and 7 as the chapters compute them (`coding.compute`, `deduplication.compute`):
hand-computed small cases, the first build without coder sheets, the coded shares of the
default world against the report (issue 12), and the simulated worlds at scale."""

from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from diagnostic import coding, deduplication, evaluation, params, results, sampling
from diagnostic.synthetic.internet import ads_of_persons

ROOT = Path(__file__).resolve().parents[1]
REFERENCE = ROOT / coding.REFERENCE


@pytest.fixture(scope="module")
def run():
    return params.load(ROOT / "params/pas-de-calais.yaml", ROOT)


@pytest.fixture(scope="module")
def build(run, tmp_path_factory):
    """A build folder holding step 5's results, as chapter 5 saves them."""
    folder = tmp_path_factory.mktemp("livre")
    drawn = sampling.compute(run, ROOT)
    results.save("05", drawn.numbers(), drawn.tables(), folder)
    return folder


@pytest.fixture(scope="module")
def step6(run, build):
    result = coding.compute(run, ROOT, build)
    results.save("06", result.numbers(), result.tables(), build)
    return result


def test_linkage_suggestion_on_a_case_written_by_hand():
    # The collection: five ads in this order; the linkage puts X1, X3, X5 together, X2 alone, X4 alone.
    persons = pd.DataFrame({"id_annonce": ["X1", "X2", "X3", "X4", "X5"],
                            "id_personne": ["P1", "P2", "P1", "P3", "P1"]})
    sample = pd.DataFrame({"num_echantillon": [1, 2, 3], "id_annonce": ["X3", "X4", "X5"]})
    shown = coding.linkage_suggestions(sample, persons).set_index("id_annonce")
    assert shown.loc["X3", "liaison_echantillon"] == "n° 3"       # X5, sample number 3
    assert shown.loc["X5", "liaison_echantillon"] == "n° 1"       # X3, sample number 1
    assert shown.loc["X3", "liaison_avant"] == "X1"               # collected before X3
    assert shown.loc["X5", "liaison_avant"] == "X1, X3"
    assert shown.loc["X4", "liaison_echantillon"] == shown.loc["X4", "liaison_avant"] == ""


def test_coder_sheet_shows_the_keys_and_the_linkage_suggestion(step6):
    sheet = step6.blank_sheet("A")
    for column in (*coding.KEY_COLUMNS, *coding.LINKAGE_COLUMNS):
        assert column in sheet.columns
    assert sheet["telephone_pseudo"].str.startswith("TEL-").any()
    assert not sheet[list(coding.KEY_COLUMNS)].apply(lambda c: c.str.contains(r"\d")).any().any()  # no digits
    # one key, one spelling: ads with the same number keep the same (letter-only) key
    assert sheet["telephone_pseudo"].nunique() == step6.sample.loc[step6.sample["id_annonce"].isin(
        sheet["id_annonce"]), "telephone_pseudo"].nunique()
    assert sheet["liaison_avant"].str.len().gt(0).any()
    # The keys and the suggestion sit before the columns to fill, which read back as before.
    assert list(sheet.columns).index("liaison_avant") < list(sheet.columns).index("annonce_retrouvee")


def test_published_shares_are_read_from_the_report_figures():
    published = coding.published_shares(REFERENCE)
    assert published["femme"] == 0.84 and published["doublon"] == 0.61
    assert published["public_hommes_seuls"] == 0.91 and len(published) == len(coding.PUBLISHED)


# Issue 12: every coded share of step 6 on the world built to match the report. The
# tolerance is sampling: the published value must lie in the share's exact interval at 99 %
# (hypergeometric, 243 ads found among 699). Three shares fall outside it; the cause, found by
# comparing the world's truth over all 699 ads, over the sampled ads, and the coded values:
# - the world matches the report within 1.5 points over all its ads (checked below) — the
#   report is not in question;
# - "femme": the sampled ads present fewer women (79.9 %) than the world (84.0 %), a draw
#   2 standard errors away, and the simulated coders' slips take it to 78.2 %;
# - "public_hommes_seuls" (91 %): 92.0 % of the sampled ads in truth, 86.4 % once coded: the
#   simulated coders slip on 4 to 6 % of codes towards *another* value of the list, which
#   lowers every dominant value (`synthetic.coders.SLIP_RATES`); "public_hommes" (96 %) adds
#   a world 1.3 points short (94.7 %) to the same slips.
OUTSIDE_99 = {"femme", "public_hommes", "public_hommes_seuls"}


def test_every_coded_share_against_the_report(step6):
    published = coding.published_shares(REFERENCE)
    shares = step6.shares.set_index("indicateur")
    assert set(shares.index) == set(coding.PUBLISHED)
    outside = set()
    for key, row in shares.iterrows():
        total = max(int(row["base"]), round(699 * row["base"] / len(step6.found)))
        low, high = coding.hypergeometric_interval(int(row["effectif"]), int(row["base"]), total, 0.99)
        if not low <= published[key] <= high:
            outside.add(key)
    assert outside == OUTSIDE_99


def test_the_world_itself_matches_every_published_coded_share():
    truth = pd.read_csv(ROOT / "data/synthetic/verite/codes-annonces-SYNTHETIQUE.csv", dtype=str, keep_default_na=False)
    truth = truth.assign(age_declare=pd.to_numeric(truth["age_declare"], errors="coerce"), annonce_retrouvee="oui")
    world = coding.sample_results(truth, len(truth)).set_index("indicateur")["part"]
    for key, value in coding.published_shares(REFERENCE).items():
        assert abs(world[key] - value) <= 0.015, (key, world[key], value)


def test_step_6_result_carries_what_steps_7_8_and_9_read(step6):
    numbers = step6.numbers()
    assert numbers["codage"] and numbers["manque"] == []
    assert numbers["echantillon"] == 249 and numbers["codees_deux_fois"] == 50 and numbers["retrouvees"] == 243
    assert numbers["doublons"] == int((step6.found["doublon"] == "oui").sum())
    for key in ("part_femme", "part_indices_reseau", "part_public_hommes", "part_public_hommes_seuls", "age_moyen"):
        assert 0 < numbers[key]
    assert numbers["bas_femme"] <= numbers["part_femme"] <= numbers["haut_femme"]


def test_step_7_reads_steps_5_and_6_and_brackets_the_truth(run, build, step6):
    result = deduplication.compute(run, ROOT, build)
    numbers = result.numbers()
    assert numbers["codees"] == 243 and numbers["doublons"] == step6.numbers()["doublons"]
    assert numbers["personnes_rapport"] == pytest.approx(699 * (1 - numbers["doublons"] / 243))
    assert numbers["personnes_bas"] <= 273 <= numbers["personnes_haut"]
    assert numbers["vraies_personnes"] == 273 and numbers["verite_dans_fourchette"]
    assert numbers["mc_mondes"] == numbers["mc_manques_mondes"] == 200
    assert numbers["taux_mondes"] == numbers["taux_doublons"]
    assert result.sizes()["personnes"].sum() == numbers["personnes_liees"]


def test_first_build_without_coder_sheets_says_what_is_missing(run, build, step6, tmp_path):
    first = run.model_copy(update={"donnees": run.donnees.model_copy(update={"fiches_codage": []})})
    folder = tmp_path / "premier"
    for name in ("05.json", "05-echantillon.parquet", "05-sites.parquet"):
        (folder / results.FOLDER).mkdir(parents=True, exist_ok=True)
        (folder / results.FOLDER / name).write_bytes((build / results.FOLDER / name).read_bytes())
    awaiting = coding.compute(run=first, root=ROOT, build=folder)
    assert awaiting.coded is None and awaiting.missing == ["A", "B"]
    numbers = awaiting.numbers()
    assert numbers["codage"] is False and "part_femme" not in numbers
    assert "`donnees.fiches_codage`" in awaiting.awaiting(first) and "A, B" in awaiting.awaiting(first)
    results.save("06", numbers, awaiting.tables(), folder)
    step7 = deduplication.compute(first, ROOT, folder).numbers()
    assert step7["personnes_rapport"] is None and step7["manque"] == ["A", "B"]
    assert step7["taux_mondes"] == step7["taux_doublons_liaison"]       # the linkage's rate, not 61 %


def test_light_world_layout_on_a_case_written_by_hand():
    sites = pd.DataFrame({"site": ["a", "b", "c"], "annonces": [2, 2, 3], "groupe_miroir": ["m", "m", ""]})
    postings, posting_of_ad, site_of_ad = evaluation.light_world_layout(sites)
    # two publications shown on both mirror sites, then three on site c
    assert postings["affichages"].tolist() == [2, 2, 1, 1, 1]
    assert posting_of_ad.tolist() == [0, 0, 1, 1, 2, 3, 4]
    assert site_of_ad.tolist() == [0, 1, 0, 1, 2, 2, 2]


def _study_on_data_frames(sites, rate, worlds, seed, missed):
    """The study as it was written first, one data frame per world (the yardstick)."""
    size = sampling.sample_size(int(sites["annonces"].sum()), 0.05, 0.95, 0.5)
    allocation = sampling.allocate(sites, size)
    rows = []
    for world in range(worlds):
        rng = np.random.default_rng([seed, world])
        ads = ads_of_persons(sites, rate, rng)
        ads["doublon"] = ~evaluation.first_ads(ads)
        drawn = sampling.draw(ads, allocation, seed=int(rng.integers(2**31)))
        coded = drawn["doublon"].to_numpy() & (rng.random(len(drawn)) >= missed)
        rows.append((ads["id_personne"].nunique(), len(drawn), int(coded.sum())))
    return rows


def test_simulated_worlds_on_arrays_are_the_same_worlds(run, build):
    sites = results.load_table("05", "sites", build)
    study = evaluation.report_estimator_study(sites, 0.61, 0.05, 0.95, 0.5, worlds=6, seed=7,
                                              missed_duplicates=0.05, progress=False)
    for (persons, drawn, duplicates), row in zip(_study_on_data_frames(sites, 0.61, 6, 7, 0.05), study.itertuples()):
        assert row.vraies_personnes == persons
        assert row.estimation == pytest.approx(699 * (1 - duplicates / drawn))


def test_exact_interval_by_bisection_at_a_large_departement_scale():
    # the values of the exhaustive search over every K from 0 to 50 000 (40 s; see bench/RESULTATS.md)
    assert coding.hypergeometric_interval(200, 380, 50_000) == (0.47496, 0.57726)
