"""Reproducing the published figures, and judging every estimate against the synthetic truth.

Tables for the reproduction chapter:

- `reproduction_table`: every figure the report prints (`data/reference/
  pas-de-calais-2020-chiffres.yaml`), with the value this edition computes, a mark and a
  reason, none left out; `agreement_summary` counts the marks;
- `published_vs_method`: each figure of `data/reference/` (the Pas-de-Calais report and
  the published multiple-systems-estimation studies) next to the value the handbook's
  method gives, on the published inputs where they are published (sample sizes, the
  persons rule, the MSE datasets) or on the synthetic world built to match them;
- `estimates_vs_truth`: each estimate of this edition (read from the chapters' glued
  values) next to the truth of the synthetic world.
"""

from __future__ import annotations

import math
import re
from pathlib import Path

import pandas as pd

from . import dedup, mse, sampling

SAME, CLOSE, DIFFERENT = "✓ identique", "≈ proche", "✗ différent"
NOT_COMPUTED = "non calculé"


def as_number(text: str) -> float:
    """A number as the book writes it ("1 234", "0,61", "63 %") back to a float."""
    cleaned = re.sub(r"[\s\u202f\u00a0%]", "", str(text)).replace(",", ".")
    return float(cleaned)


def mark(published: float, obtained: float, tolerance: float = 0.0) -> str:
    """✓ when equal (to the published rounding), ≈ within `tolerance`, ✗ otherwise."""
    if pd.isna(obtained):
        return "—"
    if obtained == published:
        return SAME
    return CLOSE if abs(obtained - published) <= tolerance else DIFFERENT


def published_vs_method(reference: dict, mse_folder: Path, values: dict[str, str]) -> pd.DataFrame:
    """Every published figure the handbook recomputes, with the value it obtains.

    `values` are the chapters' glued values ("NN:name" → text), for the figures the
    chapters compute on the synthetic world built to match the report.
    """
    internet, partners, situations = reference["internet"], reference["partners"], reference["situations"]
    q = reference["questionnaire"]
    glued = lambda key: as_number(values[key]) if key in values else float("nan")  # noqa: E731
    rows = [
        ("Annonces à coder (Pas-de-Calais, 699 annonces, marge 5 %)", "I-B-1", internet["sample_size"]["value"],
         sampling.sample_size(internet["ads_counted"]["value"], internet["sample_size"]["margin_of_error"]), 0, "formule"),
        ("Annonces à coder (Ile-de-France, 7 393 annonces, marge 5 %)", "annexe 5",
         reference["ile_de_france_2017"]["sample_size"]["value"],
         sampling.sample_size(reference["ile_de_france_2017"]["ads_counted"]["value"], 0.05), 0, "formule"),
        ("Personnes derrière les annonces (699 × (1 − 61 %))", "II-B", internet["persons_estimate"]["value"],
         dedup.persons_from_duplicate_rate(internet["ads_counted"]["value"], internet["duplicate_rate"]["value"]), 0,
         "formule"),
        ("Professionnel·les ayant contribué (questionnaire et entretiens)", "I-A-4",
         partners["professionals_total"]["value"],
         partners["questionnaire_professionals"]["value"] + partners["interview_professionals"]["value"]
         - partners["implied_in_both_sources"]["value"], 0, "formule"),
    ]
    for name, published, interactions in [("mse_Korea_3lists.csv", 268.8, "b:c"),
                                          ("mse_NewOrleans_5lists_SparseMSE_n185.csv", 1034, "aucune"),
                                          ("mse_NewOrleans_8lists_SparseMSE_n185.csv", 1184, "D:E"),
                                          ("mse_WesternUS_5lists.csv", 2483, "A:E")]:
        result = mse.estimate(pd.read_csv(mse_folder / name), bootstrap=0)
        digits = 1 if published % 1 else 0
        rows.append((f"Estimation par systèmes multiples, {name.removeprefix('mse_').removesuffix('.csv')} "
                     f"(interaction {interactions})", "données publiées", published, round(result.estimate, digits),
                     0, "données publiées"))
    synthetic = [
        ("Personnes concernées a minima", "II-A", situations["persons_concerned_a_minima"]["value"],
         glued("03:concernees"), 0),
        ("dont en situation probable ou avérée", "II-A", situations["persons_probable_or_proven"]["value"],
         glued("03:probables"), 0),
        ("Réponses au questionnaire", "I-A-3", partners["questionnaire_responses"]["value"], glued("02:nb_reponses"), 0),
        ("Professionnel·les consulté·es par le questionnaire", "I-A-3", partners["questionnaire_professionals"]["value"],
         glued("02:nb_professionnels_q"), 0),
        ("Part des professionnel·les ayant identifié des situations (%)", "II-A",
         100 * q["identified_situations_share"]["value"], glued("02:part_identifie"), 2),
        ("Annonces relevées", "II-B", internet["ads_counted"]["value"], glued("05:N"), 0),
        ("Sites étudiés", "I-B-1", internet["sites_studied"]["value"], glued("04:nb_sites"), 0),
        ("Communes déclarées par les annonces", "III-D", internet["communes"]["value"], glued("04:nb_communes"), 0),
        ("Annonces « de passage » (%)", "III-D", 100 * internet["passing_through_share"]["value"],
         glued("04:part_passage"), 5),
        ("Annonces présentant une femme (%)", "IV-A-1", 100 * internet["sex_shares"]["women"], glued("06:part_femme"), 5),
        ("Annonces sans âge (%)", "IV-A-2", 100 * internet["age"]["missing_share"], glued("06:part_age_absent"), 5),
        ("Annonces avec un indice de réseau (%)", "V-A-4", 100 * internet["network_indices_share"]["value"],
         glued("06:part_indices_reseau"), 5),
        ("Taux de doublons (%)", "II-B", 100 * internet["duplicate_rate"]["value"], glued("07:taux"), 5),
    ]
    rows += [(label, section, published, obtained, tolerance, "monde synthétique calé sur le rapport")
             for label, section, published, obtained, tolerance in synthetic]
    table = pd.DataFrame(rows, columns=["chiffre", "section", "publie", "manuel", "tolerance", "calcule_sur"])
    table["accord"] = [mark(p, o, t) for p, o, t in zip(table["publie"], table["manuel"], table["tolerance"])]
    return table.drop(columns="tolerance")


def estimates_vs_truth(values: dict[str, str], truth: dict) -> pd.DataFrame:
    """Each estimate of this edition next to the synthetic world's truth, with the relative error."""
    glued = lambda key: as_number(values[key]) if key in values else float("nan")  # noqa: E731
    rows = [
        ("Personnes signalées a minima (règles de décompte)", glued("03:concernees"), truth["personnes_signalees_a_minima"]),
        ("Population totale, signalées ou non (systèmes multiples)", glued("03:mse_estimation"),
         truth["personnes_population_totale"]),
        ("Personnes derrière les annonces, méthode du rapport", glued("07:personnes_rapport"),
         truth["personnes_derriere_les_annonces"]),
        ("Personnes derrière les annonces, liaison de toutes les annonces", glued("07:n_personnes_liees"),
         truth["personnes_derriere_les_annonces"]),
        ("Taux de doublons (%), mesuré dans l'échantillon", glued("07:taux"), 100 * truth["taux_doublons"]),
        ("Professionnel·les ayant identifié des situations", glued("02:identifie_effectif"),
         truth["professionnels_ayant_identifie"]),
    ]
    table = pd.DataFrame(rows, columns=["estimation", "manuel", "verite"])
    table["ecart_relatif"] = (table["manuel"] - table["verite"]) / table["verite"]
    return table


def printed_decimals(value: float) -> int:
    """Decimals of a figure as the report prints it: 17 → 0, 268.8 → 1."""
    text = repr(float(value)).rstrip("0").rstrip(".")
    return len(text.split(".")[1]) if "." in text else 0


def sampling_tolerance(figure: dict) -> float:
    """The gap a share may show from sampling alone: two standard errors of a proportion on
    the report's base, in points (17 % of 152 persons → ± 6.1). Zero for counts, and for
    shares whose base the report does not give."""
    n = figure.get("effectif_base")
    if figure.get("unite") != "%" or not n:
        return 0.0
    p = min(max(figure["valeur"] / 100, 0.0), 1.0)
    return 200 * math.sqrt(p * (1 - p) / n)


def reproduction_table(figures: list[dict], computed: dict[str, float],
                       tolerances: dict[str, float] | None = None,
                       reasons: dict[str, str] | None = None) -> pd.DataFrame:
    """One row per reference figure, none left out: the published value, this edition's.

    `figures` are the entries of `pas-de-calais-2020-chiffres.yaml`; `computed` maps a
    figure's id to the value this edition computes, as a number in the figure's unit
    (points for a share: 17, not 0.17). The mark is ✓ when the value, rounded to the
    printed precision, equals the published one; ≈ when it is within the tolerance
    (`tolerances[id]`, by default `sampling_tolerance`: the world and the samples are
    drawn, so a share may differ by sampling noise alone); ✗ otherwise. A figure with no
    computed value is "non calculé", with the reason the reference file gives
    (`hors_methode`) or the one passed in `reasons`; every ≈ and ✗ carries a reason too.
    """
    tolerances, reasons = tolerances or {}, reasons or {}
    unknown = set(computed) - {f["id"] for f in figures}
    if unknown:
        raise ValueError(f"Chiffres inconnus du fichier de référence : {', '.join(sorted(unknown))}")
    rows = []
    for figure in figures:
        published, key = figure["valeur"], figure["id"]
        tolerance = tolerances.get(key, sampling_tolerance(figure))
        if key not in computed or pd.isna(computed[key]):
            obtained, agreement = float("nan"), NOT_COMPUTED
            reason = reasons.get(key) or figure.get("hors_methode") or "pas calculé par cette édition"
        else:
            obtained = round(float(computed[key]), printed_decimals(published))
            agreement = mark(published, obtained, tolerance)
            gap = _points(obtained - published, figure)
            default = {SAME: "", CLOSE: f"écart de {gap}, dans la tolérance d'échantillonnage "
                                         f"(± {_points(tolerance, figure)})",
                       DIFFERENT: f"écart de {gap}, non expliqué"}[agreement]
            reason = reasons.get(key, default) if agreement != SAME else ""
        rows.append({"id": key, "chiffre": figure["libelle"], "section": figure["section"], "page": figure["page"],
                     "publie": published, "manuel": obtained, "accord": agreement, "raison": reason})
    return pd.DataFrame(rows, columns=["id", "chiffre", "section", "page", "publie", "manuel", "accord", "raison"])


def _points(value: float, figure: dict) -> str:
    unit = " points" if figure.get("unite") == "%" else ""
    return f"{abs(value):.1f}".replace(".", ",").removesuffix(",0") + unit


def agreement_summary(table: pd.DataFrame) -> dict[str, int]:
    """How many figures of each mark, and the total (every reference figure)."""
    counts = table["accord"].value_counts()
    return {label: int(counts.get(label, 0)) for label in (SAME, CLOSE, DIFFERENT, NOT_COMPUTED)} | {
        "total": len(table)}
