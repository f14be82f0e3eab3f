"""Reproducing the published figures, and judging every estimate against the synthetic truth.

Tables for the reproduction chapter:

- `reproduction_table`: every figure the report prints (`data/reference/
  pas-de-calais-2020-chiffres.yaml`), with the value this edition computes, a mark and a
  reason, none left out; `agreement_summary` counts the marks;
- `edition_values`: this edition's value of each of those figures, read from the
  chapters' saved results (`results`);
- `published_vs_method`: the calculations redone on the published inputs themselves
  (sample sizes, the persons rule, the published MSE studies);
- `estimates_vs_truth`: each estimate of this edition next to the synthetic world's truth.
"""

from __future__ import annotations

import math
from pathlib import Path

import pandas as pd

from . import dedup, mse, sampling

SAME, CLOSE, DIFFERENT = "✓ identique", "≈ proche", "✗ différent"
NOT_COMPUTED = "non calculé"


def mark(published: float, obtained: float, tolerance: float = 0.0) -> str:
    """✓ when equal (to the published rounding), ≈ within `tolerance`, ✗ otherwise."""
    if pd.isna(obtained):
        return "—"
    if obtained == published:
        return SAME
    return CLOSE if abs(obtained - published) <= tolerance else DIFFERENT


# The published multiple-systems-estimation studies (data/reference/mse/README.md).
MSE_STUDIES = [("mse_Korea_3lists.csv", "Corée du Sud, 3 listes", 268.8, "b:c"),
               ("mse_NewOrleans_5lists_SparseMSE_n185.csv", "La Nouvelle-Orléans, 5 listes", 1034, "aucune"),
               ("mse_NewOrleans_8lists_SparseMSE_n185.csv", "La Nouvelle-Orléans, 8 listes", 1184, "D:E"),
               ("mse_WesternUS_5lists.csv", "Ouest des États-Unis, 5 listes", 2483, "A:E")]


def published_vs_method(reference: dict, mse_folder: Path) -> pd.DataFrame:
    """The calculations redone on the published inputs themselves: the sample sizes
    (Cochran with finite-population correction gives the calculator's 249 and 366), the
    report's persons rule, and the published multiple-systems-estimation studies."""
    internet = reference["internet"]
    rows = [
        ("Annonces à coder (Pas-de-Calais, 699 annonces, marge 5 %)", "I-B-1", internet["sample_size"]["value"],
         sampling.sample_size(internet["ads_counted"]["value"], internet["sample_size"]["margin_of_error"]), "formule"),
        ("Annonces à coder (Ile-de-France, 7 393 annonces, marge 5 %)", "annexe 5",
         reference["ile_de_france_2017"]["sample_size"]["value"],
         sampling.sample_size(reference["ile_de_france_2017"]["ads_counted"]["value"], 0.05), "formule"),
        ("Personnes derrière les annonces (699 × (1 − 61 %))", "II-B", internet["persons_estimate"]["value"],
         dedup.persons_from_duplicate_rate(internet["ads_counted"]["value"], internet["duplicate_rate"]["value"]),
         "formule"),
    ]
    for name, label, published, interactions in MSE_STUDIES:
        result = mse.estimate(pd.read_csv(mse_folder / name), bootstrap=0)
        digits = 1 if published % 1 else 0
        rows.append((f"Estimation par systèmes multiples : {label} (interaction {interactions})", "étude publiée",
                     published, round(result.estimate, digits), "données publiées"))
    table = pd.DataFrame(rows, columns=["chiffre", "section", "publie", "manuel", "calcule_sur"])
    table["accord"] = [mark(p, o) for p, o in zip(table["publie"], table["manuel"])]
    return table


# Each figure of the report this edition computes: (chapter:result key, factor to the report's unit).
EDITION_KEYS = {
    "questionnaire_outilles_insuffisamment_part": ("02:part_insuffisamment_outille", 100),
    "besoin_formation_part": ("02:part_besoin_formation", 100),
    "besoin_associations_part": ("02:part_besoin_appui_d_associations_specialisees", 100),
    "besoin_information_part": ("02:part_besoin_information_sensibilisation", 100),
    "besoin_reseau_part": ("02:part_besoin_mise_en_reseau", 100),
    "besoin_outils_prevention_part": ("02:part_besoin_outils_de_prevention", 100),
    "entretiens": ("01:professionnels_nombre_entretiens", 1),
    "entretiens_professionnels": ("01:professionnels_entretiens", 1),
    "questionnaire_professionnels": ("01:professionnels_questionnaire", 1),
    "questionnaire_reponses": ("01:professionnels_reponses", 1),
    "questionnaire_reponses_collectives": ("01:professionnels_reponses_collectives", 1),
    "professionnels_total": ("01:professionnels_total", 1),
    "professionnels_deux_sources": ("01:professionnels_les_deux", 1),
    "fonctions_encadrement": ("01:fonction_encadrement", 1),
    "fonctions_travail_social": ("01:fonction_travail_social", 1),
    "fonctions_sante": ("01:fonction_sante", 1),
    "fonctions_autres": ("01:fonction_autre", 1),
    "employeurs_hebergement": ("01:employeur_structure_hebergement", 1),
    "employeurs_associations": ("01:employeur_association_accompagnement", 1),
    "employeurs_conseil_departemental": ("01:employeur_conseil_departemental", 1),
    "employeurs_communes": ("01:employeur_commune_intercommunalite", 1),
    "employeurs_autres": ("01:employeur_autre", 1),
    "sites_etudies": ("04:sites", 1),
    "annonces_relevees": ("04:annonces", 1),
    "echantillon_annonces": ("05:echantillon", 1),
    "professionnels_ayant_identifie_part": ("02:part_identifie", 100),
    "professionnels_ayant_identifie": ("02:identifie_effectif", 1),
    "personnes_concernees": ("03:personnes_concernees", 1),
    "personnes_probables_averees": ("03:personnes_probables", 1),
    "personnes_en_risque": ("03:personnes_risque", 1),
    "annonces_escorting": ("04:annonces_par_categorie/escorting", 1),
    "annonces_petites_annonces": ("04:annonces_par_categorie/petites_annonces", 1),
    "annonces_massages": ("04:annonces_par_categorie/massages", 1),
    "annonces_rencontres": ("04:annonces_par_categorie/rencontres", 1),
    "taux_doublons": ("07:taux_doublons", 100),
    "personnes_internet": ("07:personnes_rapport", 1),
    "lieux_haut_risque": ("04:lieux_a_risque", 1),
    "biens_services_part": ("03:part_situations_echange", 100),
    "biens_services_hebergement_part": ("03:part_echange_contre_hebergement", 100),
    "annonces_de_passage_part": ("04:part_de_passage", 100),
    "annonces_cinq_villes_part": ("04:part_cinq_villes", 100),
    "annonces_lens_part": ("04:part_par_commune/Lens", 100),
    "annonces_arras_part": ("04:part_par_commune/Arras", 100),
    "annonces_boulogne_part": ("04:part_par_commune/Boulogne-sur-Mer", 100),
    "annonces_bethune_part": ("04:part_par_commune/Béthune", 100),
    "annonces_calais_part": ("04:part_par_commune/Calais", 100),
    "communes_internet": ("04:communes", 1),
    "personnes_femmes": ("03:femmes", 1), "personnes_hommes": ("03:hommes", 1),
    "personnes_trans": ("03:transidentitaires", 1),
    "personnes_femmes_part": ("03:part_femmes", 100), "personnes_hommes_part": ("03:part_hommes", 100),
    "personnes_trans_part": ("03:part_transidentitaires", 100),
    "annonces_femmes_part": ("06:part_femme", 100), "annonces_hommes_part": ("06:part_homme", 100),
    "annonces_trans_part": ("06:part_trans", 100),
    "age_mineurs_part": ("03:part_mineurs", 100), "age_moins_15_part": ("03:part_moins_de_15_ans", 100),
    "age_18_25_part": ("03:part_age_18_25_ans", 100), "age_25_ou_moins_part": ("03:part_25_ans_ou_moins", 100),
    "mineurs": ("03:mineurs", 1), "mineures_filles": ("03:mineures_filles", 1),
    "mineurs_garcons": ("03:mineurs_garcons", 1), "jeunes_majeurs": ("03:situations_jeunes_majeurs", 1),
    "etudiants_part": ("03:part_etudiants", 100),
    "age_26_35_part": ("03:part_age_26_35_ans", 100), "age_36_45_part": ("03:part_age_36_45_ans", 100),
    "age_46_55_part": ("03:part_age_46_55_ans", 100), "age_plus_55_part": ("03:part_age_plus_de_55_ans", 100),
    "age_inconnu_part": ("03:part_age_non_renseigne", 100),
    "annonces_age_moyen": ("06:age_moyen", 1), "annonces_sans_age_part": ("06:part_age_absent", 100),
    "nationalite_francaise_part": ("03:part_nationalite_francaise", 100),
    "nationalite_etrangere_part": ("03:part_nationalite_etrangere", 100),
    "nationalite_ue_part": ("03:part_nationalite_union_europeenne", 100),
    "nationalite_hors_ue_part": ("03:part_nationalite_hors_union_europeenne", 100),
    "nationalite_inconnue_part": ("03:part_nationalite_non_renseigne", 100),
    "annonces_nationalite_renseignee_part": ("06:part_origine_renseignee", 100),
    "facteurs_ensemble_part": ("03:part_facteur_any", 100),
    "facteur_violences_part": ("03:part_facteur_violences", 100),
    "facteur_violences_intrafamiliales_part": ("03:part_facteur_violences_intrafamily", 100),
    "facteur_violences_sexuelles_part": ("03:part_facteur_violences_sexual", 100),
    "facteur_conflit_rupture_familiale_part": ("03:part_facteur_family_conflict_or_rupture", 100),
    "facteur_precarite_economique_part": ("03:part_facteur_economic_precarity", 100),
    "facteur_troubles_psychologiques_part": ("03:part_facteur_psychological_troubles", 100),
    "facteur_carences_part": ("03:part_facteur_affective_or_educational_deficiencies", 100),
    "facteur_addictions_part": ("03:part_facteur_addictions", 100),
    "facteur_hebergement_rue_part": ("03:part_facteur_housing_problem_or_street", 100),
    "facteur_descolarisation_part": ("03:part_facteur_school_dropout", 100),
    "facteur_precarite_administrative_part": ("03:part_facteur_administrative_precarity", 100),
    "facteur_delinquance_part": ("03:part_facteur_delinquency", 100),
    "facteur_errance_part": ("03:part_facteur_wandering", 100),
    "facteur_isolement_part": ("03:part_facteur_social_precarity_isolation", 100),
    "facteur_parcours_migratoire_part": ("03:part_facteur_migration_exile", 100),
    "facteur_estime_de_soi_part": ("03:part_facteur_low_self_esteem", 100),
    "facteur_fugues_part": ("03:part_facteur_runaways", 100),
    "facteur_handicap_part": ("03:part_facteur_disability", 100),
    "facteur_grossesse_precoce_part": ("03:part_facteur_early_pregnancy", 100),
    "facteur_perte_emploi_part": ("03:part_facteur_job_loss", 100),
    "sans_ressources_part": ("03:part_sans_ressources", 100), "sans_emploi_part": ("03:part_sans_emploi", 100),
    "sans_logement_stable_part": ("03:part_sans_logement_stable", 100),
    "base_situation_financiere": ("03:base_sans_ressources", 1),
    "base_situation_professionnelle": ("03:base_sans_emploi", 1), "base_logement": ("03:base_sans_logement_stable", 1),
    "proxenete_present_part": ("03:part_situations_proxenete", 100),
    "proxenete_absent_part": ("03:part_situations_sans_proxenete", 100),
    "proxenete_inconnu_part": ("03:part_situations_proxenete_inconnu", 100),
    "conjoint_proxenete": ("03:situations_conjoint_proxenete", 1),
    "annonces_indices_reseau_part": ("06:part_indices_reseau", 100),
    "audience_hommes_part": ("06:part_public_hommes", 100),
    "audience_hommes_exclusivement_part": ("06:part_public_hommes_seuls", 100),
    "forum_discussions": ("04:discussions_forum", 1), "forum_communes": ("04:communes_forum", 1),
    "annonces_clients": ("04:annonces_clients", 1),
}


def edition_values(results: dict[str, dict], figures: list[dict]) -> dict[str, float]:
    """This edition's value of every report figure it computes, in the report's unit, read
    from the chapters' saved results (numbers, never the book's text). The ads per site
    are matched by the site's name."""
    from .synthesis import value
    from .text import slug

    values = {}
    for key, (source, factor) in EDITION_KEYS.items():
        found = value(results, source)
        if found is not None:
            values[key] = factor * found
    per_site = value(results, "04:annonces_par_site") or {}
    known = {f["id"] for f in figures}
    for site, count in per_site.items():
        key = "annonces_site_" + slug(site.removeprefix("www."), 60)
        if key in known:
            values[key] = count
    return {key: figure for key, figure in values.items() if key in known}


def estimates_vs_truth(results: dict[str, dict], truth: dict) -> pd.DataFrame:
    """Each estimate of this edition next to the synthetic world's truth, with the relative error."""
    from .synthesis import value

    def number(key: str, factor: float = 1) -> float:
        found = value(results, key)
        return float("nan") if found is None else factor * found

    rows = [
        ("Personnes signalées a minima (règles de décompte)", number("03:personnes_concernees"),
         truth["personnes_signalees_a_minima"]),
        ("Population totale, signalées ou non (systèmes multiples)", number("03:mse_estimation"),
         truth["personnes_population_totale"]),
        ("Personnes derrière les annonces, méthode du rapport", number("07:personnes_rapport"),
         truth["personnes_derriere_les_annonces"]),
        ("Personnes derrière les annonces, liaison de toutes les annonces", number("07:personnes_liees"),
         truth["personnes_derriere_les_annonces"]),
        ("Taux de doublons (%), mesuré dans l'échantillon", number("07:taux_doublons", 100),
         100 * truth["taux_doublons"]),
        ("Professionnel·les ayant identifié des personnes", number("02:identifie_effectif"),
         truth["professionnels_ayant_identifie"]),
    ]
    table = pd.DataFrame(rows, columns=["estimation", "manuel", "verite"])
    table["ecart_relatif"] = (table["manuel"] - table["verite"]) / table["verite"]
    return table


def printed_decimals(value: float) -> int:
    """Decimals of a figure as the report prints it: 17 → 0, 268.8 → 1."""
    text = repr(float(value)).rstrip("0").rstrip(".")
    return len(text.split(".")[1]) if "." in text else 0


# A figure the report words as an order of magnitude (« la moitié », « une dizaine ») is met
# within a fifth of its value: the handbook's reading, said in the chapter's table.
APPROXIMATE = 0.2


def sampling_tolerance(figure: dict) -> float:
    """The gap a figure may show without contradicting the report: for a share, two standard
    errors of a proportion on the report's base, in points (17 % of 152 persons → ± 6.1);
    for a figure the report words approximately (`approximatif`), a fifth of its value
    (« la moitié » → ± 10 points, « une dizaine » → ± 2) when that is wider. Zero for exact
    counts, and for shares whose base the report does not give."""
    approximate = APPROXIMATE * abs(figure["valeur"]) if figure.get("approximatif") else 0.0
    return max(approximate, _sampling(figure))


def _sampling(figure: dict) -> float:
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
            within = ("le rapport donne un ordre de grandeur" if figure.get("approximatif")
                      else "dans la tolérance d'échantillonnage")
            default = {SAME: "", CLOSE: f"écart de {gap}, {within} (± {_points(tolerance, figure)})",
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
