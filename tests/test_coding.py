"""Step 6: coder sheets, reading them back, agreement between coders, results with intervals."""

from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from openpyxl import load_workbook
from scipy.stats import hypergeom

from diagnostic import coding, dedup
from diagnostic.errors import InputError

DATA = Path(__file__).resolve().parents[1] / "data" / "synthetic"
SHEETS = [DATA / "codage-A-SYNTHETIQUE.xlsx", DATA / "codage-B-SYNTHETIQUE.xlsx"]


@pytest.fixture(scope="module")
def coded():
    return coding.read_coder_sheets(SHEETS)


@pytest.fixture(scope="module")
def truth():
    return pd.read_csv(DATA / "verite/codes-annonces-SYNTHETIQUE.csv", dtype=str, keep_default_na=False)


def test_every_codebook_variable_has_a_drop_down_list():
    sheet = load_workbook(SHEETS[0])[coding.SHEET]
    header = [c.value for c in sheet[1]]
    rules = {}
    for rule in sheet.data_validations.dataValidation:
        for cell_range in rule.sqref.ranges:
            rules[header[cell_range.min_col - 1]] = (rule.type, rule.formula1)
    assert rules["sexe_presente"] == ("list", '"femme,homme,trans,indetermine"')
    assert rules["doublon"] == ("list", '"oui,non"')
    assert rules["age_declare"][0] == "whole"
    assert set(coding.variables()) <= set(rules)
    assert len(coding.index_columns()) == 9


def test_default_sample_is_split_between_two_coders_with_50_ads_coded_twice(coded):
    per_ad = coded.groupby("id_annonce")["codeur"].nunique()
    assert len(per_ad) == 249 and (per_ad == 2).sum() == 50
    assert sorted(coded["codeur"].unique()) == ["A", "B"]


def test_simulated_coders_mostly_agree_with_the_truth(coded, truth):
    merged = coded.merge(truth, on="id_annonce", suffixes=("", "_vrai"))
    found = merged[merged["annonce_retrouvee"] == "oui"]
    for name in ["sexe_presente", "doublon", "de_passage", "langue"]:
        share = (found[name] == found[name + "_vrai"]).mean()
        assert 0.9 <= share < 1.0, (name, share)


def _filled(tmp_path, edit):
    frame = pd.read_excel(SHEETS[0], sheet_name=coding.SHEET, dtype=str).fillna("")
    frame = edit(frame)
    path = tmp_path / "fiche.csv"
    frame.to_csv(path, index=False)
    return path


def test_unknown_value_names_file_row_column_and_expected_values(tmp_path):
    path = _filled(tmp_path, lambda f: f.assign(sexe_presente=["femmme"] + list(f["sexe_presente"][1:])))
    with pytest.raises(InputError) as error:
        coding.read_coder_sheet(path)
    message = str(error.value)
    assert "fiche.csv" in message and "ligne 2, colonne « sexe_presente »" in message
    assert "« femmme »" in message and "femme / homme / trans / indetermine" in message


def test_values_are_read_without_case_nor_accents(tmp_path):
    path = _filled(tmp_path, lambda f: f.assign(origine=f["origine"].str.replace("francaise", "Française")))
    read = coding.read_coder_sheet(path)
    assert set(read["origine"].dropna()) <= {"francaise", "etrangere", "non_renseignee"}


def test_duplicated_row_and_missing_ad_are_reported(tmp_path):
    original = pd.read_excel(SHEETS[0], sheet_name=coding.SHEET, dtype=str).fillna("")
    expected = set(original["id_annonce"])
    path = _filled(tmp_path, lambda f: pd.concat([f.iloc[:1], f.iloc[:-1]], ignore_index=True))
    with pytest.raises(InputError) as error:
        coding.read_coder_sheet(path, expected)
    message = str(error.value)
    assert f"ligne 3, colonne « id_annonce » : valeur « {original['id_annonce'][0]} »" in message
    assert "déjà codée ligne 2" in message
    assert f"annonce « {original['id_annonce'].iloc[-1]} »" in message and "absente de la fiche" in message


def test_ad_outside_the_sample_and_empty_code_are_reported(tmp_path):
    def edit(f):
        f.loc[0, "id_annonce"] = "AN999999"
        f.loc[1, "annonce_retrouvee"] = "oui"
        f.loc[1, "public"] = ""
        return f
    original = pd.read_excel(SHEETS[0], sheet_name=coding.SHEET, dtype=str).fillna("")
    with pytest.raises(InputError) as error:
        coding.read_coder_sheet(_filled(tmp_path, edit), set(original["id_annonce"]))
    message = str(error.value)
    assert "ligne 2, colonne « id_annonce » : valeur « AN999999 »" in message
    assert "ligne 3, colonne « public » : attendu : une des valeurs hommes / femmes" in message


def test_kappa_and_alpha_on_a_case_computed_by_hand():
    a = ["oui", "oui", "non", "non"]
    b = ["oui", "non", "non", "non"]
    rows = [{"id_annonce": f"X{k}", "codeur": c, **{n: None for n in coding.variables()}, "doublon": v}
            for k in range(4) for c, v in (("A", a[k]), ("B", b[k]))]
    table = coding.agreement(pd.DataFrame(rows)).set_index("variable").loc["doublon"]
    # p_o = 3/4, p_e = 1/2·1/4 + 1/2·3/4 = 1/2 → kappa = 1/2;
    # alpha = 1 − (n − 1)·Σ o_ck / Σ n_c n_k = 1 − 7·2 / (2·3·5) = 8/15.
    assert table["accord_observe"] == 0.75
    assert table["kappa"] == pytest.approx(0.5)
    assert table["alpha"] == pytest.approx(8 / 15)
    assert table["lecture_kappa"] == "accord modéré"   # Landis et Koch : 0,41 à 0,60
    assert table["lecture_alpha"] == "à revoir (consignes, exemples)"


def test_disagreements_list_every_difference(coded):
    first, second, _, _ = coding.double_coded(coded)
    listed = coding.disagreements(coded)
    differing = sum(int(((first[n] != second[n]) & ~(first[n].isna() & second[n].isna())).sum())
                    for n in coding.categorical() + ["age_declare"])
    assert len(listed) == differing > 0


@pytest.mark.parametrize("k, n, N", [(0, 10, 100), (149, 243, 699), (5, 20, 40), (20, 20, 30)])
def test_hypergeometric_interval_matches_its_definition(k, n, N):
    low, high = coding.hypergeometric_interval(k, n, N)
    K = np.arange(N + 1)
    ok_low = [K_ for K_ in K if K_ >= k and N - K_ >= n - k and hypergeom.sf(k - 1, N, K_, n) > 0.025]
    ok_high = [K_ for K_ in K if K_ >= k and N - K_ >= n - k and hypergeom.cdf(k, N, K_, n) > 0.025]
    assert (round(low * N), round(high * N)) == (min(ok_low), max(ok_high))
    assert low <= k / n <= high


def test_a_census_has_no_sampling_error():
    assert coding.hypergeometric_interval(7, 30, 30) == (7 / 30, 7 / 30)
    census = coding.mean_interval(pd.Series([20, 30, 40]), population=3)
    assert census["bas"] == census["haut"] == 30


def test_report_rule_699_ads_and_61_percent_give_273_persons():
    assert dedup.persons_from_duplicate_rate(699, 0.61) == 273


def test_report_estimate_on_the_synthetic_sample_covers_the_true_persons(coded):
    final = coding.final_codes(coded, "A")
    found = final[final["annonce_retrouvee"] == "oui"]
    estimate = dedup.report_estimate(699, len(found), int((found["doublon"] == "oui").sum()))
    true_persons = 273  # the default world's persons behind the 699 ads (verite/resume)
    assert estimate["personnes_bas"] <= true_persons <= estimate["personnes_haut"]
    assert estimate["personnes_bas"] < estimate["personnes"] < estimate["personnes_haut"]
    assert estimate["personnes"] == pytest.approx(699 * (1 - estimate["taux"]))


def test_sample_results_are_close_to_the_published_figures(coded):
    results = coding.sample_results(coding.final_codes(coded, "A"), 699).set_index("indicateur")
    for key, published in [("femme", 0.84), ("age_absent", 0.53), ("origine_renseignee", 0.58),
                           ("indices_reseau", 0.38), ("doublon", 0.61)]:
        assert abs(results.loc[key, "part"] - published) < 0.07, key
    assert (results["bas"] <= results["part"]).all() and (results["part"] <= results["haut"]).all()


def test_workshop_command_compares_two_codings_of_the_same_ten_ads(tmp_path, capsys):
    from diagnostic.cli import main

    first = pd.read_excel(SHEETS[0], sheet_name=coding.SHEET, dtype=str).fillna("")
    first = first[first["annonce_retrouvee"] == "oui"].head(10).reset_index(drop=True)
    second = first.copy()
    second.loc[3, "public"] = "femmes" if second.loc[3, "public"] != "femmes" else "hommes"
    first.to_csv(tmp_path / "participant-1.csv", index=False)
    second.to_csv(tmp_path / "participant-2.csv", index=False)
    assert main(["accord", str(tmp_path / "participant-1.csv"), str(tmp_path / "participant-2.csv")]) == 0
    out = capsys.readouterr().out
    assert "sur 10 annonces codées deux fois" in out
    public = next(line for line in out.splitlines() if line.strip().startswith("public "))
    assert "90 %" in public
    assert "1 désaccord(s)" in out and first.loc[3, "id_annonce"] in out


def test_coded_values_are_shown_in_french_and_kept_as_coded_in_the_sheets():
    assert coding.value_label("origine", "non_renseignee") == "non renseignée"
    assert coding.value_label("public", "hommes") == "hommes"  # already readable
    book = coding.codebook_table().set_index("Colonne de la fiche")
    assert book.loc["origine", "Valeurs"] == ("francaise (française) / etrangere (étrangère) / "
                                              "non_renseignee (non renseignée)")
    assert book.loc["age_declare", "Valeurs"] == "nombre entier"
    shown = coding.shown_disagreements(pd.DataFrame(
        {"id_annonce": ["A12"], "variable": ["lieu"], "codeur_A": ["se_deplace"], "codeur_B": ["non_precise"]}))
    assert shown.iloc[0].tolist() == ["A12", "Reçoit ou se déplace", "se déplace", "non précisé"]
