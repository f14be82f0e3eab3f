"""Step 7 — from ads to persons: everything chapter 7 shows, computed once.

Section II-B of the report estimates the persons behind the ads from the duplicate rate
measured in the coded sample (61 %, so 273 persons behind 699 ads). This step gives:

- the report's estimate, with its exact interval, from step 6's coded duplicates;
- the linkage of every ad of the collection sheet (`dedup.link`): persons as a range,
  links by kind, network indices, two links weighed field by field. The linkage is run
  once, by `link_collection`, when step 6 prepares the coders' sheets (they show its
  suggestion); this step reads it from step 6's results;
- on a synthetic world, both methods against the truth; the report's estimator over
  simulated worlds (`evaluation.report_estimator_study`); the first edition's rules for
  a range of thresholds (`evaluation.threshold_effect`).

On a first build (coder sheets not filled yet) the report's estimate is missing and the
result says so (`missing`); the linkage and the simulations still run, the simulated
worlds taking the linkage's duplicate rate (never another département's).
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from . import dedup, evaluation

THRESHOLDS = np.round(np.arange(0.3, 1.0001, 0.05), 2)
MISSED_CASES = {"Aucun doublon manqué": 0.0, "5 % des doublons manqués": 0.05}


def link_collection(run, root=None) -> tuple[pd.DataFrame, pd.DataFrame]:
    """The linkage of the whole collection sheet: each ad's person (sure links, and sure
    and probable links) and the links table (`dedup.link`)."""
    from .ads import read_ads
    from .paths import resolve

    persons, links = dedup.link(read_ads(resolve(run.donnees.annonces, root)), run.departement.code,
                                dict(run.communes.alias), decisions=None)
    return persons[dedup.PERSON_COLUMNS], links


@dataclass
class Deduplication:
    """Step 7's result."""

    population: int
    ads: pd.DataFrame                      # the collection sheet, read and pseudonymised
    persons: pd.DataFrame                  # each ad's person (sure; sure and probable links)
    links: pd.DataFrame
    report: dict | None                    # `dedup.report_estimate`, None before coding
    networks: pd.DataFrame                 # groups of neighbouring numbers (V-A-4)
    truth: pd.DataFrame | None             # both methods against the synthetic truth
    studies: dict[str, pd.DataFrame]       # the report's estimator over simulated worlds
    rules: pd.DataFrame                    # the first edition's rules, threshold by threshold
    world_rate: float                      # the duplicate rate the simulated worlds take
    missing: list[str] = field(default_factory=list)

    @property
    def range(self) -> dict:
        return dedup.persons_range(self.persons)

    def sizes(self) -> pd.DataFrame:
        """How many persons have 1, 2, 3… ads (sure links)."""
        counts = self.persons.groupby("id_personne").size()
        return counts.value_counts().sort_index().rename_axis("annonces").reset_index(name="personnes")

    def link_counts(self) -> pd.DataFrame:
        return self.links["statut"].value_counts().rename_axis("statut").reset_index(name="liens")

    def examples(self) -> pd.DataFrame:
        """Two links of each kind, with the declared communes of both ads."""
        where = self.ads.set_index("id_annonce")[["commune_declaree"]]
        shown = self.links.groupby("statut", sort=False).head(2)
        return (shown.merge(where, left_on="id_annonce_a", right_index=True)
                .merge(where.add_suffix("_b"), left_on="id_annonce_b", right_index=True))

    def waterfall(self) -> pd.DataFrame:
        """A sure link and the least certain probable link, field by field."""
        chosen = pd.concat([self.links[self.links["statut"] == dedup.LINK_STATUSES["sur"]].head(1),
                            self.links[self.links["statut"] == dedup.LINK_STATUSES["probable"]].tail(1)])
        return dedup.waterfall(self.links, chosen)

    def study_summary(self) -> pd.DataFrame:
        return pd.DataFrame([{"cas": case, **evaluation.study_summary(study)} for case, study in self.studies.items()])

    def study_errors(self) -> pd.DataFrame:
        """Each simulated world's relative error, for the histogram."""
        return pd.concat([study.assign(cas=case, ecart=(study["estimation"] - study["vraies_personnes"])
                                       / study["vraies_personnes"]) for case, study in self.studies.items()],
                         ignore_index=True)

    def numbers(self) -> dict:
        """The chapter's figures (saved by `results.save`; the synthesis and the
        reproduction read `taux_doublons`, `personnes_rapport`, `personnes_liees`…)."""
        report = self.report or {}
        span = self.range
        sizes = self.persons.groupby("id_personne").size()
        status = self.links["statut"]
        numbers = {
            "annonces": self.population, "manque": self.missing,
            "taux_doublons": report.get("taux"), "taux_doublons_bas": report.get("taux_bas"),
            "taux_doublons_haut": report.get("taux_haut"), "codees": report.get("codees"),
            "doublons": report.get("doublons"), "personnes_rapport": report.get("personnes"),
            "personnes_bas": report.get("personnes_bas"), "personnes_haut": report.get("personnes_haut"),
            "personnes_liees": span["personnes"], "personnes_liees_bas": span["personnes_bas"],
            "personnes_liees_haut": span["personnes_haut"],
            "taux_doublons_liaison": 1 - span["personnes"] / len(self.persons) if len(self.persons) else 0.0,
            "liens": int(status.isin([dedup.LINK_STATUSES["sur"], dedup.LINK_STATUSES["probable"]]).sum()),
            "liens_probables": int((status == dedup.LINK_STATUSES["probable"]).sum()),
            "indices_meme_numero": int((status == dedup.LINK_STATUSES["reseau"]).sum()),
            "personnes_une_annonce": int((sizes == 1).sum()), "annonces_max": int(sizes.max()) if len(sizes) else 0,
            "groupes_numeros_voisins": len(self.networks),
            "annonces_numeros_voisins": int(self.networks["annonces"].sum()) if len(self.networks) else 0,
            "taux_mondes": self.world_rate,
        }
        if self.truth is not None:
            linkage = self.truth.iloc[-1]
            true_persons = int(linkage["vraies_personnes"])
            numbers |= {"vraies_personnes": true_persons, "precision": linkage["precision"],
                        "rappel": linkage["rappel"], "f1": linkage["f1"], "erreur_liaison": linkage["erreur"],
                        "reseaux_reunis": int(linkage["reseaux_reunis"]), "reseaux": int(linkage["reseaux"]),
                        "erreur_rapport": self.truth.iloc[0]["erreur"] if self.report else None,
                        "verite_dans_fourchette": span["personnes_bas"] <= true_persons <= span["personnes_haut"]}
        for key, summary in zip(("mc", "mc_manques"), self.study_summary().to_dict("records")):
            numbers |= {f"{key}_{name}": summary[name] for name in
                        ("mondes", "biais_relatif", "erreur_relative_moyenne", "couverture", "largeur_moyenne")}
        return numbers

    def tables(self) -> dict[str, pd.DataFrame]:
        return {"regles": self.rules}


def compute(run, root=None, build=".") -> Deduplication:
    """Step 7 from the validated parameters and the results of steps 5 and 6 saved in the
    build folder `build` (section II-B of the report, and V-A-4 for the network indices)."""
    from . import results
    from .ads import read_ads
    from .paths import resolve
    from .synthetic.world import read_truth

    data, plan, settings = run.donnees, run.echantillonnage, run.deduplication
    population = int(results.load("05", build)["annonces"])
    coded = results.load("06", build)
    report = (dedup.report_estimate(population, coded["retrouvees"], coded["doublons"], plan.niveau_confiance)
              if coded["codage"] else None)
    ads = read_ads(resolve(data.annonces, root))
    persons = results.load_table("06", "liaison_personnes", build)
    links = results.load_table("06", "liaison_liens", build)
    truth, aligned = None, None
    if data.verite:
        true_ads = read_truth(resolve(data.verite, root), "annonces").set_index("id_annonce")
        truth = dedup.against_truth(persons, true_ads[["id_personne", "id_reseau"]], report)
        aligned = true_ads.loc[ads["id_annonce"], "id_personne"].reset_index(drop=True)
    linked_rate = 1 - persons["id_personne"].nunique() / len(persons) if len(persons) else 0.0
    rate = report["taux"] if report else linked_rate
    sites = results.load_table("05", "sites", build)
    studies = {case: evaluation.report_estimator_study(sites, rate, plan.marge_erreur, plan.niveau_confiance,
                                                       plan.proportion_attendue, settings.mondes_monte_carlo,
                                                       settings.graine, missed_duplicates=missed, progress=False)
               for case, missed in MISSED_CASES.items()} if settings.mondes_monte_carlo else {}
    rules = evaluation.threshold_effect(ads, THRESHOLDS, aligned)
    missing = [] if report else coded["manque"]
    return Deduplication(population, ads, persons, links, report, dedup.network_indices(ads), truth, studies, rules,
                         rate, missing)


def write_downloads(result: Deduplication, folder: str = "sorties/deduplication") -> dict:
    """The linkage's files offered for download: `annonces_personnes.csv`, `liens.csv`,
    `resume.json`, and the review sheet of the probable links."""
    summary = dedup.write_outputs(result.persons, [result.links], folder)
    dedup.review_sheet(f"{folder}/liens_a_relire.xlsx", result.ads, result.links)
    return summary
