"""The professionals' side of the synthetic world: structures, professionals, the
questionnaire answers and interviews, and the situations they report.

Calibrated on sections I-A, II-A, III and IV of the Pas-de-Calais report: 92
professionals (61 through the questionnaire in 36 responses of which 12 collective, 35
in 15 interviews, 4 in both), 58 of whom identified situations; 167 persons reported
a minima (152 in a probable or proven situation, 15 at risk) with the published
profiles. The situations come from a capture model: groups of persons in the
département are each detected, or not, by each field of activity, so that the truth
also holds the persons nobody reported (the "hidden part" of step 3).
"""

from __future__ import annotations

import datetime as dt

import numpy as np
import pandas as pd

from ..partners import FIELD_LABELS, FIELDS
from ..situations import FACTOR_LABELS, FACTOR_PARENT
from .common import FICTION_PREFIXES, NUMBER_WORDS, assign_by_quota, assign_flag, spell_phone

# Structures by field: (name pattern, employer category of the report's section I-A-4, institution?).
STRUCTURE_KINDS = {
    "accueil_accompagnement_social_insertion": [
        ("Association Horizon Solidarité", "association_accompagnement", False),
        ("Maison départementale des solidarités de {ville}", "conseil_departemental", True),
        ("CCAS de {ville}", "commune_intercommunalite", True),
        ("Association Le Relais des Femmes", "association_accompagnement", False),
        ("Mission locale de {ville}", "autre", False),
        ("Point d'accueil Écoute Jeunes de {ville}", "association_accompagnement", False)],
    "hebergement_logement": [
        ("Centre d'hébergement Les Tilleuls", "structure_hebergement", False),
        ("Foyer Le Phare ({ville})", "structure_hebergement", False),
        ("Accueil de nuit La Passerelle", "structure_hebergement", False),
        ("Résidence sociale Les Glycines", "structure_hebergement", False),
        ("SIAO du département", "structure_hebergement", False)],
    "sante": [
        ("Centre hospitalier de {ville} — service des urgences", "autre", True),
        ("CSAPA L'Escale", "autre", False), ("Centre de santé sexuelle de {ville}", "conseil_departemental", True)],
    "education_jeunesse": [
        ("Aide sociale à l'enfance — antenne de {ville}", "conseil_departemental", True),
        ("Service de prévention spécialisée de {ville}", "association_accompagnement", False),
        ("Lycée professionnel Jean-Fictif", "autre", True)],
    "securite_publique": [
        ("Commissariat de {ville}", "autre", True), ("Brigade de gendarmerie de {ville}", "autre", True),
        ("Police municipale de {ville}", "commune_intercommunalite", True)],
    "justice": [
        ("Service pénitentiaire d'insertion et de probation", "autre", True),
        ("Protection judiciaire de la jeunesse — unité de {ville}", "autre", True),
        ("Association d'aide aux victimes France Victimes fictive", "association_accompagnement", False)],
}
FIRST_NAMES = ["Camille", "Claire", "Sophie", "Nadia", "Julien", "Karim", "Élodie", "Laure", "Marc", "Fatou",
               "Hélène", "Thomas", "Amandine", "Samir", "Céline", "Isabelle", "Nicolas", "Sandrine", "Yasmina", "Paul"]
LAST_NAMES = ["Fictif", "Exemplaire", "Modèle", "Imaginaire", "Inventé", "Supposé", "Deschamps-Fictif",
              "Martin-Exemple", "Lefort-Fictif", "Dubois-Exemple", "Leroy-Fictif", "Moreau-Exemple"]
FUNCTIONS = {"encadrement": ["Cheffe de service", "Directeur", "Responsable de structure"],
             "travail_social": ["Assistante sociale", "Éducateur spécialisé", "Conseillère en économie sociale et familiale"],
             "sante": ["Infirmière", "Médecin", "Psychologue"],
             "autre": ["Chargée de mission", "Officier de police judiciaire", "Conseillère d'insertion", "Bénévole"]}
# How a professional words each vulnerability factor: the labels of section IV-B, in lower case.
VULNERABILITY_PHRASES = {key: label.removeprefix("dont ").lower() for key, label in FACTOR_LABELS.items()}
AGE_BANDS = {"under_15": "Moins de 15 ans", "15_17": "15-17 ans", "18_25": "18-25 ans", "26_35": "26-35 ans",
             "36_45": "36-45 ans", "46_55": "46-55 ans", "over_55": "Plus de 55 ans", "unknown": ""}


def _sizes(count: int, total: int, low: int, high: int, rng: np.random.Generator) -> list[int]:
    """`count` whole numbers between low and high that add up to `total`."""
    sizes = [low] * count
    for _ in range(total - low * count):
        candidates = [i for i, s in enumerate(sizes) if s < high]
        sizes[candidates[rng.integers(len(candidates))]] += 1
    return sizes


def structures(communes: pd.DataFrame, towns: pd.DataFrame, rng: np.random.Generator) -> pd.DataFrame:
    """The partner registry: structures by field of activity, with their commune."""
    rows = []
    places = list(zip(towns["code"], towns["nom"]))
    for field, kinds in STRUCTURE_KINDS.items():
        for pattern, employer, institution in kinds:
            for _ in range(2 if "{ville}" in pattern else 1):
                code, ville = places[rng.integers(len(places))]
                if rng.random() < 0.25:  # some structures outside the main towns
                    code, ville = communes.iloc[rng.integers(len(communes))][["code", "nom"]]
                elided = ville[:1] in "AEIOUYÉÈÊÎaeiouy"
                name = pattern.replace("de {ville}", "d'{ville}" if elided else "de {ville}").format(ville=ville)
                if any(r["structure"] == name for r in rows):
                    continue
                rows.append({"structure": name, "type": "institution" if institution else "association",
                             "champ": field, "employeur": employer, "commune_code": code, "commune": ville})
    frame = pd.DataFrame(rows)
    frame.insert(0, "id_structure", [f"S{i + 1:03d}" for i in range(len(frame))])
    return frame


def professionals_and_units(registry: pd.DataFrame, targets: dict, rng: np.random.Generator):
    """Professionals, questionnaire responses and interviews, with the published counts.

    A "unit" is what brings professionals' words: a questionnaire response (individual or
    collective) or an interview. Returns (professionals, units).
    """
    p = targets
    collective = _sizes(p["collective_responses"], p["questionnaire_professionals"]
                        - (p["questionnaire_responses"] - p["collective_responses"]), 2, 8, rng)
    response_sizes = [1] * (p["questionnaire_responses"] - p["collective_responses"]) + collective
    response_sizes = [response_sizes[i] for i in rng.permutation(len(response_sizes))]
    interview_sizes = _sizes(p["interviews"], p["interview_professionals"], 1, 5, rng)

    units, professionals = [], []
    structure_ids = list(registry["id_structure"])
    for k, size in enumerate(response_sizes):
        sid = structure_ids[rng.integers(len(structure_ids))]
        units.append({"id_unite": f"Q{k + 1:02d}", "source": "questionnaire", "id_structure": sid,
                      "professionnels": size, "collectif": size > 1})
        for _ in range(size):
            professionals.append({"id_professionnel": f"P{len(professionals) + 1:03d}", "id_structure": sid,
                                  "unites": [f"Q{k + 1:02d}"]})
    # The interviews meet new professionals, except `both` who had answered the questionnaire.
    both = rng.choice(len(professionals), size=p["implied_in_both_sources"], replace=False)
    reused = list(both)
    for k, size in enumerate(interview_sizes):
        uid = f"E{k + 1:02d}"
        members = []
        while reused and len(members) < size and (not members or rng.random() < 0.5):
            members.append(reused.pop())
        sid = professionals[members[0]]["id_structure"] if members else structure_ids[rng.integers(len(structure_ids))]
        for m in members:
            professionals[m]["unites"].append(uid)
        while len(members) < size:
            professionals.append({"id_professionnel": f"P{len(professionals) + 1:03d}", "id_structure": sid,
                                  "unites": [uid]})
            members.append(len(professionals) - 1)
        units.append({"id_unite": uid, "source": "entretien", "id_structure": sid,
                      "professionnels": size, "collectif": size > 1})
    for m in reused:  # interviews too small to take every planned "both": put them in the last ones
        professionals[m]["unites"].append(units[-1]["id_unite"])
        units[-1]["professionnels"] += 1
    units = pd.DataFrame(units)
    professionals = pd.DataFrame(professionals)
    professionals["source"] = professionals["unites"].map(
        lambda u: "les_deux" if len({x[0] for x in u}) == 2 else ("questionnaire" if u[0][0] == "Q" else "entretien"))

    # Which units identified situations: whole units, until exactly `identified` professionals.
    identified_units, identified = set(), set()
    for uid in units["id_unite"].iloc[rng.permutation(len(units))]:
        members = {pid for pid, u in zip(professionals["id_professionnel"], professionals["unites"]) if uid in u}
        if len(identified | members) <= p["identified"]:
            identified_units.add(uid)
            identified |= members
    units["a_identifie"] = units["id_unite"].isin(identified_units)
    professionals["a_identifie"] = professionals["id_professionnel"].isin(identified)
    functions = assign_by_quota(np.ones(len(professionals)), p["functions"], rng)
    professionals["fonction_categorie"] = functions
    professionals["fonction"] = [FUNCTIONS[f][rng.integers(len(FUNCTIONS[f]))] for f in functions]
    professionals["unites"] = professionals["unites"].map(";".join)
    return professionals, units


def situations(units: pd.DataFrame, registry: pd.DataFrame, communes_cited: pd.DataFrame,
               targets: dict, rng: np.random.Generator):
    """Groups of persons, the ones reported by at least one field, and the reports.

    Latent groups are drawn one by one; each is detected by each field of activity with a
    probability that varies between groups (heterogeneity) and is reported if some unit of
    a detecting field identified situations. Drawing stops when the reported persons
    number exactly `persons_reported`. Returns (groups with truth, persons reported, reports).
    """
    reporting = units[units["a_identifie"]].merge(registry[["id_structure", "champ"]], on="id_structure")
    by_field = {f: list(reporting.loc[reporting["champ"] == f, "id_unite"]) for f in FIELDS}
    detection = np.array([0.30, 0.25, 0.15, 0.15, 0.20, 0.12])
    target = targets["persons_reported"]
    groups, reported_persons = [], 0
    while reported_persons < target:
        size = 1 if rng.random() < 0.72 else int(rng.choice([2, 2, 3, 3, 4, 5, 6, 10]))
        frailty = np.exp(rng.normal(0, 0.6))
        detected = [f for f, q in zip(FIELDS, detection) if rng.random() < min(0.95, q * frailty)]
        detected = [f for f in detected if by_field[f]]
        observed = bool(detected)
        if observed:
            size = min(size, target - reported_persons)
            reported_persons += size
        groups.append({"id_groupe": f"G{len(groups) + 1:04d}", "taille": size, "signale": observed,
                       "champs": ";".join(detected)})
    groups = pd.DataFrame(groups)
    seen = groups[groups["signale"]].reset_index(drop=True)

    seen["statut"] = "probable_averee"
    at_risk, left = [], targets["persons_at_risk"]
    for k in rng.permutation(len(seen)):
        if 0 < seen.loc[k, "taille"] <= left and seen.loc[k, "taille"] <= 3:
            at_risk.append(k)
            left -= seen.loc[k, "taille"]
        if left == 0:
            break
    seen.loc[at_risk, "statut"] = "risque"
    # The published shares are those of the persons in a probable or proven situation
    # (base 152); the persons at risk get profiles drawn from the same shares.
    parts = [_profiles(seen[seen["statut"] == status], targets, rng) for status in ("probable_averee", "risque")]
    seen = pd.concat(parts).sort_index()
    # "Dans 29 situations, un conjoint proxénète est signalé" (V-A-1): among the situations of
    # probable or proven prostitution with a pimp, as many as the report counts (all, if fewer).
    pimped = np.flatnonzero((seen["statut"] == "probable_averee") & (seen["proxenete"] == "probable_averee"))
    seen["proxenete_conjoint"] = False
    seen.loc[pimped, "proxenete_conjoint"] = assign_flag(
        np.ones(len(pimped)), min(1.0, targets["partner_pimp_situations"] / max(len(pimped), 1)), rng)
    seen["commune_code"] = [communes_cited["code"].iloc[rng.integers(len(communes_cited))] for _ in range(len(seen))]
    seen["commune"] = seen["commune_code"].map(dict(zip(communes_cited["code"], communes_cited["nom"])))

    reports = []
    for group in seen.itertuples(index=False):
        for field in group.champs.split(";"):
            unit = by_field[field][rng.integers(len(by_field[field]))]
            if any(r["id_unite"] == unit and r["id_groupe"] == group.id_groupe for r in reports):
                continue
            reports.append({"id_unite": unit, "id_groupe": group.id_groupe,
                            "nb_personnes": count_text(group.taille, rng)})
    reports = pd.DataFrame(reports)
    persons = seen.loc[seen.index.repeat(seen["taille"])].reset_index(drop=True)
    persons.insert(0, "id_personne_signalee", [f"PS{i + 1:04d}" for i in range(len(persons))])
    return groups, seen, persons, reports


def _profiles(groups: pd.DataFrame, targets: dict, rng: np.random.Generator) -> pd.DataFrame:
    """Sex, age, nationality, vulnerabilities, living conditions, forms and pimps (IV, III, V-A)."""
    groups = groups.copy()
    weights = groups["taille"].to_numpy(dtype=float)
    groups["sexe"] = assign_by_quota(weights, targets["sex"], rng)
    groups["age"] = assign_by_quota(weights, targets["age"], rng)
    groups["nationalite"] = assign_by_quota(weights, targets["nationality"], rng)
    vulnerability = {k: v for k, v in targets["vulnerability"].items() if k not in ("any", "base", "section")}
    any_factor = np.flatnonzero(assign_flag(weights, targets["vulnerability"]["any"], rng))
    for factor, share in vulnerability.items():  # a "dont" factor only among those with its parent
        parent = FACTOR_PARENT.get(factor)
        among = np.flatnonzero(groups[f"facteur_{parent}"]) if parent else any_factor
        parent_share = vulnerability[parent] if parent else targets["vulnerability"]["any"]
        flags = np.zeros(len(groups), dtype=bool)
        flags[among] = assign_flag(weights[among], min(1.0, share / parent_share), rng)
        groups[f"facteur_{factor}"] = flags
    groups["ressources"] = assign_by_quota(weights, targets["resources"], rng)
    groups["emploi"] = assign_by_quota(weights, targets["employment"], rng)
    groups["logement"] = assign_by_quota(weights, targets["housing"], rng)
    # Forms and pimps are published as shares of situations (III-C, V-A): one weight per group.
    situations = np.ones(len(groups))
    exchange = assign_flag(situations, targets["exchange_share"], rng)
    housing = np.zeros(len(groups), dtype=bool)
    housing[np.flatnonzero(exchange)] = assign_flag(situations[exchange], 0.5, rng)
    groups["contre_biens_services"] = exchange & ~housing
    groups["contre_hebergement"] = housing
    groups["proxenete"] = assign_by_quota(situations, targets["pimp"], rng)
    return groups


def count_text(size: int, rng: np.random.Generator) -> str:
    """How a professional writes a number of persons; its a-minima reading is `size`.

    Counting rules (note 15 of the report): nothing written → 1; several numbers → the
    smallest; "une dizaine" → 10, "une vingtaine" → 20, "quelques" → 2.
    """
    if size == 1:
        return ["", "1", "une personne", "Une jeune femme"][rng.integers(4)]
    if size == 10:
        return "une dizaine"
    if size == 2 and rng.random() < 0.3:
        return "quelques"
    options = [str(size), f"{size} ou {size + 1}", f"{size}-{size + 2}", f"au moins {size}"]
    if size in NUMBER_WORDS:
        options.append(NUMBER_WORDS[size])
    return options[rng.integers(len(options))]


def contact_details(professionals: pd.DataFrame, rng: np.random.Generator) -> pd.DataFrame:
    """Invented names, e-mails under `.example` and fiction phone numbers of respondents."""
    firsts = [FIRST_NAMES[i] for i in rng.integers(len(FIRST_NAMES), size=len(professionals))]
    lasts = [LAST_NAMES[i] for i in rng.integers(len(LAST_NAMES), size=len(professionals))]
    numbers = rng.choice(10_000, size=len(professionals), replace=False)
    prefix = FICTION_PREFIXES[3]  # 03 53 01: the fixed-line fiction block of the north of France
    return professionals.assign(
        nom=[f"{f} {l}" for f, l in zip(firsts, lasts)],
        courriel=[f"{f.lower()}.{l.lower()}@structure{sid[1:]}.example".replace("é", "e").replace("è", "e")
                  for f, l, sid in zip(firsts, lasts, professionals["id_structure"])],
        telephone=[spell_phone(f"{prefix}{n:04d}", 0) for n in numbers])


def interview_list(units: pd.DataFrame, registry: pd.DataFrame, professionals: pd.DataFrame,
                   rng: np.random.Generator) -> pd.DataFrame:
    """Annex 3 shape (date, structure, by phone or not), with the professionals met: how
    many, their functions, whether they identified situations, how many had answered the
    questionnaire too."""
    interviews = units[units["source"] == "entretien"].merge(registry[["id_structure", "structure"]], on="id_structure")
    start, end = dt.date(2019, 8, 2), dt.date(2020, 7, 15)
    days = np.sort(rng.integers(0, (end - start).days + 1, size=len(interviews)))
    met = {uid: professionals[professionals["unites"].str.contains(uid)] for uid in interviews["id_unite"]}
    return pd.DataFrame({
        "id_entretien": interviews["id_unite"], "date": [(start + dt.timedelta(days=int(d))).isoformat() for d in days],
        "structure": interviews["structure"],
        "par_telephone": np.where(rng.random(len(interviews)) < 0.4, "oui", "non"),
        "professionnels": interviews["professionnels"],
        "fonctions": [" | ".join(met[uid]["fonction"]) for uid in interviews["id_unite"]],
        "situations_identifiees": np.where(interviews["a_identifie"], "oui", "non"),
        "deja_repondu_questionnaire": [int((met[uid]["source"] == "les_deux").sum()) for uid in interviews["id_unite"]]})
