"""The synthetic world of a département: generate it, write its files and its truth.

`diagnostic synth --params params/X.yaml [--seed N] [--ads N]` (and `make data`) writes
into `data/synthetic/` the files a département would really hold (site inventory, ad
collection sheet, partner registry, interview list, questionnaire exports, places at
risk, "clients'" ads, press review), every name ending in -SYNTHETIQUE, and into
`data/synthetic/verite/` the truth that no département has: who is behind each ad,
which persons were reported, and those nobody reported. Same parameters and seed: the
same bytes.
"""

from __future__ import annotations

import csv
import datetime as dt
import hashlib
import shutil
import sys
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import pandas as pd
import yaml

from .. import coding, inventory, params as parameters
from ..errors import InputError, Problem
from ..params import Parametres
from ..territories import communes_of
from ..paths import check_replaceable, output_folder, project_root, replace_folder, resolve, write_marker
from ..spreadsheets import write_workbook
from . import answers, coders, exports, internet, partners, press

SUFFIX = "-SYNTHETIQUE"
NOTICE = ("DONNÉES SYNTHÉTIQUES — monde fictif produit par le manuel du diagnostic départemental ; "
          "aucune personne, structure, annonce ni numéro réels.")
# Past this size the ad sheet is written as CSV only: a spreadsheet of more rows is of no use
# to a person (Excel stops at 1,048,576), and writing it would take minutes.
XLSX_MAX_ADS = 20_000
# Written by `write_world` in each folder it writes (the list of its files): a folder
# without it, or with other files, is someone's and is not replaced without --remplacer.
MARKER = ".monde-SYNTHETIQUE"
PLACE_TYPES = ["Sex-shop avec cabines", "Club libertin", "Sauna", "Salon de massage", "Bar à hôtesses"]


def targets(reference: dict) -> dict:
    """Calibration targets, from the published figures (`data/reference/*.yaml`)."""
    internet_ref, situations, partners_ref = reference["internet"], reference["situations"], reference["partners"]
    base = situations["sex"]["base"]
    age = situations["age_shares"]
    living = situations["living_conditions"]
    q = reference["questionnaire"]
    return {
        "duplicate_rate": internet_ref["duplicate_rate"]["value"],
        "network_share": internet_ref["network_indices_share"]["value"],
        "passing_share": internet_ref["passing_through_share"]["value"],
        "sex_ads": {"femme": internet_ref["sex_shares"]["women"], "homme": internet_ref["sex_shares"]["men"],
                    "trans": internet_ref["sex_shares"]["transgender"]},
        "age_missing": internet_ref["age"]["missing_share"], "age_mean": internet_ref["age"]["mean"],
        "nationality_informed": internet_ref["nationality"]["informed_share"],
        "french_among_informed": internet_ref["nationality"]["french_among_informed"],
        "audience": {"hommes": internet_ref["audience"]["men_exclusively"],
                     "femmes": internet_ref["audience"]["women_exclusively"],
                     "hommes_femmes": round(internet_ref["audience"]["women_alone"]
                                            - internet_ref["audience"]["women_exclusively"], 4),
                     "hommes_couples": round(1 - internet_ref["audience"]["men_exclusively"]
                                             - internet_ref["audience"]["women_alone"], 4)},
        "questionnaire_professionals": partners_ref["questionnaire_professionals"]["value"],
        "questionnaire_responses": partners_ref["questionnaire_responses"]["value"],
        "collective_responses": partners_ref["questionnaire_collective_responses"]["value"],
        "interviews": partners_ref["interviews"]["value"],
        "interview_professionals": partners_ref["interview_professionals"]["value"],
        "implied_in_both_sources": partners_ref["implied_in_both_sources"]["value"],
        "identified": q["identified_situations_share"]["count"],
        "functions": {"encadrement": partners_ref["functions"]["management"],
                      "travail_social": partners_ref["functions"]["social_workers"],
                      "sante": partners_ref["functions"]["health"], "autre": partners_ref["functions"]["other"]},
        "persons_reported": situations["persons_concerned_a_minima"]["value"],
        "persons_at_risk": situations["persons_at_risk_only"]["value"],
        "sex": {"femme": situations["sex"]["women"] / base, "homme": situations["sex"]["men"] / base,
                "trans": situations["sex"]["transgender"] / base},
        "age": {"under_15": age["under_15"], "15_17": round(age["minors_total"] - age["under_15"], 4),
                "18_25": age["18_25"], "26_35": age["26_35"], "36_45": age["36_45"], "46_55": age["46_55"],
                "over_55": age["over_55"], "unknown": age["unknown"]},
        "nationality": {"francaise": situations["nationality_shares"]["french"],
                        "ue": situations["nationality_shares"]["eu"],
                        "hors_ue": situations["nationality_shares"]["non_eu"],
                        "inconnue": situations["nationality_shares"]["unknown"]},
        "vulnerability": situations["vulnerability_factor_shares"],
        "resources": {"sans_ressources_ou_minima": living["no_resources_or_minimum_benefits"]["base"] / base,
                      "inconnu": 1 - living["no_resources_or_minimum_benefits"]["base"] / base},
        "employment": {"sans_emploi": living["unemployed_excl_students"]["value"] * living["unemployed_excl_students"]["base"] / base,
                       "emploi_ou_etudes": (1 - living["unemployed_excl_students"]["value"]) * living["unemployed_excl_students"]["base"] / base,
                       "inconnu": 1 - living["unemployed_excl_students"]["base"] / base},
        "housing": {"instable": living["no_stable_housing"]["value"] * living["no_stable_housing"]["base"] / base,
                    "stable": (1 - living["no_stable_housing"]["value"]) * living["no_stable_housing"]["base"] / base,
                    "inconnu": 1 - living["no_stable_housing"]["base"] / base},
        "exchange_share": situations["goods_or_services_exchange_share"]["value"],
        "pimp": {"probable_averee": situations["pimp_presence"]["probable_or_proven"],
                 "absent": situations["pimp_presence"]["absent"], "inconnu": situations["pimp_presence"]["unknown"]},
        "partner_pimp_situations": situations["partner_pimp_situations"],
        "communes_cited": situations["communes_cited"]["value"],
        "ad_communes": internet_ref["communes"]["value"],
        "insufficiently_equipped": q["insufficiently_equipped"]["value"],
        "unaware_commission": q["unaware_departmental_commission"]["value"],
        "unaware_pathway": q["unaware_exit_pathway"]["value"],
        "needs": q["needs"],
        "high_risk_places": internet_ref["high_risk_places"]["value"],
        "client_ads": internet_ref["client_side"]["classified_client_ads"],
        "forum_discussions": internet_ref["client_side"]["forum_discussions"],
        "forum_communes": internet_ref["client_side"]["forum_communes"],
        "forum_pseudonyms_min": internet_ref["client_side"]["forum_pseudonyms_min"],
    }


@dataclass
class World:
    """The files of a synthetic département (inputs) and its truth."""

    inputs: dict[str, pd.DataFrame] = field(default_factory=dict)
    truth: dict[str, pd.DataFrame] = field(default_factory=dict)
    coder_sheets: dict[str, tuple[pd.DataFrame, pd.DataFrame]] = field(default_factory=dict)
    summary: dict = field(default_factory=dict)


def _stream(seed: int, name: str) -> np.random.Generator:
    """An independent random stream per part of the world (changing one leaves the others)."""
    return np.random.default_rng([seed, int(hashlib.sha256(name.encode()).hexdigest()[:8], 16)])


def generate(run: Parametres, seed: int | None = None, n_ads: int | None = None,
             root: Path | None = None) -> World:
    """Generate the synthetic world of the run's département."""
    settings = run.monde_synthetique
    seed = settings.graine if seed is None else seed
    reference = yaml.safe_load(resolve(settings.calibrage, root).read_text(encoding="utf-8"))
    goal = targets(reference)
    model_sites = inventory.read(resolve(settings.inventaire_modele, root))
    model_sites["groupe_miroir"] = model_sites["groupe_miroir"].fillna("")
    n_ads = n_ads or settings.annonces or int(model_sites["annonces"].sum())

    communes = communes_of(run.departement.code)
    code_of = dict(zip(communes["nom"], communes["code"]))
    towns = pd.DataFrame([{"code": code_of[t.commune], "nom": t.commune, "part": t.part,
                           "code_postal": t.code_postal or "", "alias": t.alias or ""}
                          for t in settings.villes_principales])
    rng = _stream(seed, "communes")
    rest = communes[~communes["code"].isin(towns["code"])]
    other_ad_communes = rest.iloc[np.sort(rng.choice(len(rest), size=min(len(rest), max(
        0, settings.communes_annonces - len(towns))), replace=False))]
    cited = pd.concat([towns[["code", "nom"]], rest.iloc[rng.choice(len(rest), size=min(len(rest), max(
        0, goal["communes_cited"] - len(towns))), replace=False)][["code", "nom"]]])

    world = World()
    sites = internet.synthetic_sites(model_sites, n_ads, _stream(seed, "sites"))
    persons, ads = internet.online_world(sites, towns, other_ad_communes, {**goal, "sex": goal["sex_ads"]},
                                         _stream(seed, "annonces"))
    world.inputs["inventaire-sites"] = sites
    ad_columns = ["id_annonce", "site", "date_collecte", "commune_declaree", "titre", "texte", "telephone",
                  "pseudo", "age_declare"]
    world.inputs["annonces"] = ads[ad_columns]
    world.truth["annonces"] = ads[["id_annonce", "id_personne", "id_reseau", "id_publication", "miroir",
                                   "commune_code", "telephone_vrai", "faute_telephone"]]
    wave = internet.second_wave(sites, ads, _stream(seed, "vague2"))
    world.inputs["annonces-vague2"] = wave[ad_columns]
    world.truth["personnes-internet"] = persons
    rng = _stream(seed, "codage")
    world.truth["codes-annonces"] = coders.true_codes(world.truth["annonces"], persons, rng)
    world.coder_sheets = coders.filled_sheets(run, sites, world.inputs["annonces"], world.truth["codes-annonces"], rng)

    rng = _stream(seed, "partenaires")
    registry = partners.structures(communes, towns, rng)
    professionals, units = partners.professionals_and_units(registry, goal, rng)
    professionals = partners.contact_details(professionals, rng)
    groups, seen, reported, reports = partners.situations(units, registry, cited, goal, _stream(seed, "situations"))
    survey, survey_situations, interview_situations = answers.responses(
        units, professionals, registry, seen, reports, goal, _stream(seed, "questionnaire"))
    interviews = partners.interview_list(units, registry, professionals, rng)
    reached = set(units["id_structure"])
    world.inputs["partenaires"] = registry.assign(
        a_repondu=registry["id_structure"].isin(units.loc[units["source"] == "questionnaire", "id_structure"]).map(
            {True: "oui", False: "non"}),
        entretien=registry["id_structure"].isin(units.loc[units["source"] == "entretien", "id_structure"]).map(
            {True: "oui", False: "non"}),
        mode_contact=[("relais de la déléguée départementale" if s in reached else "courriel sans réponse")
                      for s in registry["id_structure"]],
        date_entretien=registry["structure"].map(interviews.groupby("structure")["date"].min()).fillna(""),
    ).rename(columns={"employeur": "categorie_employeur"})
    world.inputs["entretiens"] = interviews
    world.inputs["calendrier-mobilisation"] = _milestones(survey, interviews)
    world.inputs["situations-entretiens"] = interview_situations.drop(columns=["id_groupe"])
    world.inputs["questionnaire"] = survey
    world.inputs["questionnaire-situations"] = survey_situations
    # Which group of persons each situation described is about (readers number responses
    # R001, R002… in file order).
    response_ids = {u: f"R{k + 1:03d}" for k, u in enumerate(survey["id_unite"])}
    world.truth["situations-decrites"] = pd.concat([
        survey_situations.assign(id_source=survey_situations["id_unite"].map(response_ids)),
        interview_situations.assign(id_source=interview_situations["id_entretien"]),
    ])[["id_source", "num_situation", "id_groupe"]]
    world.truth["professionnels"] = professionals.drop(columns=["nom", "courriel", "telephone"])
    world.truth["unites"] = units
    world.truth["groupes"] = groups
    world.truth["situations-signalees"] = seen
    world.truth["personnes-signalees"] = reported
    world.truth["signalements"] = reports
    world.truth["structures"] = registry

    rng = _stream(seed, "lieux")
    world.inputs["lieux-a-risque"] = _places(goal, towns, rng)
    world.inputs["annonces-clients"] = _client_ads(goal, towns, communes, rng)
    world.inputs["forum-discussions"] = _forum(goal, communes, towns, rng)
    world.inputs["revue-presse"] = press.articles(seen, towns, _stream(seed, "presse"))
    world.summary = {
        "graine": seed, "departement": run.departement.code,
        "annonces": int(len(ads)), "sites": int(len(sites)),
        "personnes_derriere_les_annonces": int(persons.shape[0]),
        "taux_doublons": round(1 - persons.shape[0] / len(ads), 4),
        "personnes_signalees_a_minima": int(reported.shape[0]),
        "personnes_probable_averee": int((reported["statut"] == "probable_averee").sum()),
        "personnes_a_risque": int((reported["statut"] == "risque").sum()),
        "personnes_population_totale": int(groups["taille"].sum()),
        "personnes_jamais_signalees": int(groups.loc[~groups["signale"], "taille"].sum()),
        "professionnels": int(len(professionals)),
        "professionnels_ayant_identifie": int(professionals["a_identifie"].sum()),
    }
    return world


def _milestones(survey: pd.DataFrame, interviews: pd.DataFrame) -> pd.DataFrame:
    """The dated steps of the mobilisation: launch, relays, reminders, interviews."""
    first = dt.datetime.strptime(survey["horodatage"].iloc[0], "%d/%m/%Y %H:%M:%S").date()
    steps = [(first - dt.timedelta(days=3), "Envoi du questionnaire par la déléguée départementale aux droits des femmes"),
             (first + dt.timedelta(days=10), "Relais par les têtes de réseau (fédérations, Conseil départemental)"),
             (first + dt.timedelta(days=45), "Première relance par courriel"),
             (first + dt.timedelta(days=150), "Deuxième relance, présentation en comité de pilotage"),
             (dt.date.fromisoformat(interviews["date"].min()), "Premier entretien"),
             (dt.date.fromisoformat(interviews["date"].max()), "Dernier entretien")]
    return pd.DataFrame([{"date": d.isoformat(), "etape": e} for d, e in steps])


def _places(goal: dict, towns: pd.DataFrame, rng: np.random.Generator) -> pd.DataFrame:
    """Places "at high prostitution risk" (section I-B-3): a risk, not a proven fact."""
    names = ["Le Boudoir", "L'Odyssée", "Les Thermes bleus", "Zen & Spa", "Le Flamingo", "Le Velours", "Le Miroir"]
    rows = [{"type": PLACE_TYPES[k % len(PLACE_TYPES)], "nom": f"{names[k % len(names)]} (fictif)",
             "commune": towns["nom"].iloc[rng.integers(len(towns))]} for k in range(goal["high_risk_places"])]
    return pd.DataFrame(rows)


def _client_ads(goal: dict, towns: pd.DataFrame, communes: pd.DataFrame, rng: np.random.Generator) -> pd.DataFrame:
    """Ads posted by "clients" looking for persons (section V-B), May to July 2020."""
    texts = ["Homme cherche moment de détente, discrétion assurée", "Cherche massage relaxant à domicile",
             "Recherche jeune femme pour moments agréables, rémunération", "Cherche compagnie ce soir, généreux"]
    start = dt.date(2020, 5, 1)
    rows = []
    for k in range(goal["client_ads"]):
        place = towns["nom"].iloc[rng.integers(len(towns))] if rng.random() < 0.7 else communes["nom"].iloc[
            rng.integers(len(communes))]
        rows.append({"id_annonce_client": f"C{k + 1:03d}", "date": (start + dt.timedelta(days=int(rng.integers(92)))).isoformat(),
                     "commune_declaree": place, "texte": texts[rng.integers(len(texts))]})
    return pd.DataFrame(rows)


def _forum(goal: dict, communes: pd.DataFrame, towns: pd.DataFrame, rng: np.random.Generator) -> pd.DataFrame:
    """Forum discussions of "clients" by commune (2015-2016), with how many pseudonyms took part."""
    places = list(towns["nom"]) + list(communes["nom"].iloc[rng.choice(len(communes), size=max(
        0, goal["forum_communes"] - len(towns)), replace=False)])
    rows = [{"id_discussion": f"F{k + 1:03d}", "commune": places[k % len(places)],
             "pseudonymes": int(1 + rng.integers(3))} for k in range(goal["forum_discussions"])]
    frame = pd.DataFrame(rows)
    missing = goal["forum_pseudonyms_min"] - frame["pseudonymes"].sum()
    if missing > 0:
        frame.loc[: missing - 1, "pseudonymes"] += 1
    return frame


def _write_csv(frame: pd.DataFrame, path: Path) -> None:
    """UTF-8 CSV; a cell holding several choices is written "A | B", as a team would type it."""
    for column in frame.columns[frame.dtypes == object]:
        if frame[column].map(type).eq(list).any():
            frame = frame.assign(**{column: frame[column].map(lambda v: " | ".join(v) if isinstance(v, list) else v)})
    frame.to_csv(path, index=False, encoding="utf-8", lineterminator="\n", quoting=csv.QUOTE_MINIMAL)


def write(world: World, folder: Path) -> list[Path]:
    """Write the world: inputs in `folder`, truth in `folder/verite`; return the files written."""
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "verite").mkdir(exist_ok=True)
    written, rows = [], {}
    for name, frame in world.inputs.items():
        if name in ("questionnaire", "questionnaire-situations"):
            continue
        path = folder / f"{name}{SUFFIX}.csv"
        _write_csv(frame, path)
        written.append(path)
        rows[path] = len(frame)
    if len(world.inputs["annonces"]) <= XLSX_MAX_ADS:
        ads_xlsx = folder / f"annonces{SUFFIX}.xlsx"
        write_workbook(ads_xlsx, {"annonces": world.inputs["annonces"]}, notice=[NOTICE])
        written.append(ads_xlsx)
    survey, situations = world.inputs["questionnaire"], world.inputs["questionnaire-situations"]
    written.append(exports.write_google_forms(survey, situations, folder / f"questionnaire-google-forms{SUFFIX}.csv"))
    rows[written[-1]] = len(survey)
    written.append(exports.write_kobo(survey, situations, folder / f"questionnaire-kobotoolbox{SUFFIX}.xlsx"))
    for coder, (sheet, suggestions) in world.coder_sheets.items():
        written.append(coding.write_coder_sheet(sheet, suggestions, folder / f"codage-{coder}{SUFFIX}.xlsx", notice=[
            NOTICE, f"Fiche de codage de « {coder} », remplie par un codeur simulé (quelques erreurs volontaires).",
            "Feuille « Codage » : une ligne par annonce ; feuille « Suggestions » : le pré-codage, à confirmer."]))
        rows[written[-1]] = len(sheet)
    for name, frame in world.truth.items():
        path = folder / "verite" / f"{name}{SUFFIX}.csv"
        _write_csv(frame, path)
        written.append(path)
        rows[path] = len(frame)
    summary = folder / "verite" / f"resume{SUFFIX}.yaml"
    summary.write_text("# " + NOTICE + "\n" + yaml.safe_dump(world.summary, allow_unicode=True, sort_keys=False),
                       encoding="utf-8")
    written.append(summary)
    readme = folder / "LISEZMOI.md"
    readme.write_text(_readme(world, written, folder, rows), encoding="utf-8")
    return written


def _readme(world: World, written: list[Path], folder: Path, rows: dict[Path, int]) -> str:
    lines = ["# Données synthétiques", "", f"**{NOTICE}**", "",
             "Produit par `make data` (ou `diagnostic synth --params …`). Ne pas modifier à la main :",
             "relancez la commande, qui redonne exactement les mêmes fichiers pour les mêmes paramètres et la même graine.",
             "", "| fichier | lignes |", "|---|---|"]
    for path in written:
        lines.append(f"| `{path.relative_to(folder)}` | {rows.get(path, '')} |")
    lines += ["", "Résumé de la vérité du monde :", ""] + [f"- {k} : {v}" for k, v in world.summary.items()]
    return "\n".join(lines) + "\n"


def write_world(params_path: str | Path, seed: int | None = None, n_ads: int | None = None,
                output: Path | None = None, root: Path | None = None, replace: bool = False) -> Path:
    """Generate and write a département's synthetic world; nothing half-written is left.

    The files are written in a staging folder beside the target, which replaces the
    target only once everything is written. A target holding anything `synth` did not
    write itself (see `paths.check_replaceable`) is refused unless `replace` is true;
    an existing file is never replaced.
    """
    root = root or project_root()
    run = parameters.load(params_path, root, inputs_required=False)
    if run.monde_synthetique is None:
        raise InputError(params_path, [Problem("clé « monde_synthetique »", None,
                                               "une rubrique qui décrit le monde synthétique à produire")])
    target = (output or resolve(run.monde_synthetique.dossier, root)).resolve()
    check_replaceable(target, MARKER, "synth", replace)
    output_folder(target.parent)
    print(f"Monde synthétique : {run.departement.nom}, graine "
          f"{run.monde_synthetique.graine if seed is None else seed}…", file=sys.stderr)
    world = generate(run, seed=seed, n_ads=n_ads, root=root)
    target.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{target.name}-en-cours-", dir=target.parent))
    try:
        write(world, staging)
        write_marker(staging, MARKER, "synth")
        replace_folder(staging, target)
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    print(f"Écrit dans {target} : {world.summary['annonces']} annonces, "
          f"{world.summary['personnes_signalees_a_minima']} personnes signalées.", file=sys.stderr)
    return target


def read_truth(summary: str | Path, name: str) -> pd.DataFrame:
    """One table of a synthetic world's truth, found beside its summary (`verite/resume-….yaml`)."""
    path = Path(summary).parent / f"{name}{SUFFIX}.csv"
    return pd.read_csv(path, dtype=str, keep_default_na=False)
