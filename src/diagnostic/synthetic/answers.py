"""Questionnaire answers (annex 4) and interview notes of the synthetic professionals.

One record per questionnaire response, with the question codes of the instrument, and
one per situation described. The shares of the report's section "Synthèse" guide the
answers about the professionals themselves (needs, training, knowledge of the law).
"""

from __future__ import annotations

import datetime as dt

import numpy as np
import pandas as pd

from .. import questionnaire
from .common import assign_flag
from .partners import AGE_BANDS, FIELD_LABELS, VULNERABILITY_PHRASES

COUNTRIES = {"ue": ["Roumanie", "Bulgarie", "Espagne", "Pologne"],
             "hors_ue": ["Nigeria", "Albanie", "Brésil", "Colombie", "Chine", "Érythrée", "Ukraine", "Maroc"]}
NATIONALITY_LABELS = {"francaise": ["Française"], "ue": ["Union Européenne"], "hors_ue": ["Hors Union Européenne"],
                      "inconnue": []}
SEX_LABELS = {"femme": ["Des femmes"], "homme": ["Des hommes"], "trans": ["Des personnes transidentitaires"]}
FORMS = ["Appartement", "Rue", "Via Internet", "Hôtel", "Route", "Salon de massage", "Bar / Club"]
NEEDS = {"Formation": "training", "Appui d'associations spécialisées": "specialised_associations",
         "Information / sensibilisation": "information_awareness", "Mise en réseau": "networking",
         "Outils de prévention": "prevention_tools"}
REPERAGE = questionnaire.question("reperage").choix  # the four ways of having met situations
NATURE = dict(zip(("risque", "probable_averee"), questionnaire.question("nature").choix))
UNKNOWN_FORM_SHARE = 0.1  # descriptions of prostitution whose form the professional does not know (invented)


def _situation_answers(group, count_text: str, rng: np.random.Generator) -> dict:
    """The answers describing one situation, as a professional would tick and write them.

    A situation of risk has no form of prostitution; a described prostitution may have an
    unknown one ("Inconnu", the report's map category "forme(s) inconnue(s)").
    """
    age = AGE_BANDS[group.age]
    exchange = group.contre_hebergement or group.contre_biens_services
    answers = {
        "nature": NATURE[group.statut],
        "nb_personnes": count_text,
        "sexe": SEX_LABELS[group.sexe],
        "age": [age] if age else [],
        "nationalite": NATIONALITY_LABELS[group.nationalite],
        "pays_origine": (COUNTRIES[group.nationalite][rng.integers(len(COUNTRIES[group.nationalite]))]
                         if group.nationalite in COUNTRIES else ""),
        "situation_administrative": ("Sans titre de séjour" if group.nationalite == "hors_ue" and rng.random() < 0.5
                                     else ""),
        "situation_familiale": [["Seul.e sans enfants", "Seul.e avec enfant(s) à charge ou enceinte",
                                 "En couple ou en famille"][rng.integers(3)]] if rng.random() < 0.7 else [],
        "logement": {"instable": [["Hôtel / Via le 115", "Rue", "Squat", "Tiers / Connaissance / Communauté",
                                   "Centre d'hébergement / Foyer"][rng.integers(5)]],
                     "stable": [["Logement autonome", "Famille"][rng.integers(2)]], "inconnu": []}[group.logement],
        "situation_professionnelle": {"sans_emploi": [
            "Etranger.e sans titre de travail" if group.nationalite == "hors_ue" and rng.random() < 0.6
            else "Demandeur.euse d'emploi"], "emploi_ou_etudes": [["Etudiant.e", "Salarié.e", "Scolarisé.e (collège, lycée)"][
                rng.integers(3)]], "inconnu": []}[group.emploi],
        "situation_financiere": {"sans_ressources_ou_minima": [["Sans ressources", "Minima sociaux"][rng.integers(2)]],
                                 "inconnu": []}[group.ressources],
        "parcours": "; ".join(VULNERABILITY_PHRASES[f] for f in VULNERABILITY_PHRASES
                              if getattr(group, f"facteur_{f}", False)).capitalize(),
        "forme": [] if group.statut == "risque" else ["Inconnu"] if not exchange and rng.random() < UNKNOWN_FORM_SHARE
        else sorted({FORMS[rng.integers(len(FORMS))]}
                    | ({"Contre hébergement"} if group.contre_hebergement else set())
                    | ({"Contre autres biens ou services"} if group.contre_biens_services else set()),
                    key=questionnaire.question("forme").choix.index),
        "zones": group.commune if rng.random() < 0.7 else f"{group.commune} et alentours",
        "proxenete": {"probable_averee": "Oui, son compagnon" if group.proxenete_conjoint
                      else ["Oui", "Oui, probablement"][rng.integers(2)],
                      "absent": "Non", "inconnu": "Je ne sais pas"}[group.proxenete],
        "reseau": "Oui, un réseau international" if group.proxenete == "probable_averee" and rng.random() < 0.15
        else ["Non", "Je ne sais pas"][rng.integers(2)],
        "clients": "",
        "complements_situation": "",
    }
    return answers


def responses(units: pd.DataFrame, professionals: pd.DataFrame, registry: pd.DataFrame,
              groups: pd.DataFrame, reports: pd.DataFrame, targets: dict,
              rng: np.random.Generator) -> tuple[pd.DataFrame, pd.DataFrame, pd.DataFrame]:
    """(questionnaire responses, their situations, the situations noted in interviews)."""
    survey = units[units["source"] == "questionnaire"].merge(registry, on="id_structure").reset_index(drop=True)
    first = professionals.assign(unite=professionals["unites"].str.split(";").str[0]).drop_duplicates("unite")
    first = first.set_index("unite")
    n = len(survey)
    took_charge = assign_flag(np.ones(n), 0.6, rng) | survey["a_identifie"].to_numpy()
    equipped = ~assign_flag(np.ones(n), targets["insufficiently_equipped"], rng)
    unaware_commission = assign_flag(np.ones(n), targets["unaware_commission"], rng)
    unaware_pathway = assign_flag(np.ones(n), targets["unaware_pathway"], rng)
    needs = {label: assign_flag(np.ones(n), targets["needs"][key], rng) for label, key in NEEDS.items()}
    group_by_id = {g.id_groupe: g for g in groups.itertuples(index=False)}
    start = dt.datetime(2018, 6, 15, 9, 0)

    rows, situation_rows = [], []
    for k, unit in survey.iterrows():
        person = first.loc[unit["id_unite"]]
        identified = bool(unit["a_identifie"])
        own = reports[reports["id_unite"] == unit["id_unite"]]
        reports_risk = any(group_by_id[g].statut == "risque" for g in own["id_groupe"])
        reperage = []
        if identified:  # the risk box is ticked by whoever describes a situation of risk
            reperage = [REPERAGE[1]] + ([REPERAGE[0]] if rng.random() < 0.4 or reports_risk else []) + (
                [REPERAGE[2]] if rng.random() < 0.3 else [])
        elif rng.random() < 0.25:
            reperage = [REPERAGE[2]]
        know = lambda flag: "Non, je ne le savais pas" if flag else "Oui, je le savais"  # noqa: E731
        record = {
            "horodatage": (start + dt.timedelta(days=int(k * 9), hours=int(rng.integers(8)))).strftime("%d/%m/%Y %H:%M:%S"),
            "organisation": unit["structure"], "nom_repondant": person["nom"], "fonction": person["fonction"],
            "courriel": person["courriel"], "telephone": person["telephone"], "activite": FIELD_LABELS[unit["champ"]],
            "mode_reponse": "A titre collectif (service ou structure)" if unit["collectif"] else "A titre individuel",
            "nb_consultes": int(unit["professionnels"]) if unit["collectif"] else None,
            "reperage": sorted(reperage, key=REPERAGE.index),
            "nb_personnes_total": (str(sum(group_by_id[g].taille for g in own["id_groupe"])) if len(own) else ""),
            "prise_en_charge": "Oui" if took_charge[k] else "Non",
            "parle_prostitution": ("Oui" if rng.random() < 0.5 else "Non") if took_charge[k] else "",
            "demandes": "", "reponses": "", "orientations": "",
            "facilite": str(rng.choice(["Difficile", "Ni facile, ni difficile", "Facile"], p=[0.6, 0.3, 0.1])),
            "facilite_pourquoi": "Sujet tabou, peur de stigmatiser la personne." if rng.random() < 0.5 else "",
            "outille": ("Oui" if equipped[k] else "Non") if took_charge[k] else "",
            "besoins": [label for label in questionnaire.question("besoins").choix
                        if label in needs and needs[label][k]],
            "freins": ["Manque de formation", "Méconnaissance des dispositifs", "Le sujet n'est pas abordé par les personnes",
                       ""][rng.integers(4)],
            "formation": "Non", "formation_detail": "",
            "reseau_interet": "Oui" if rng.random() < 0.8 else "Non", "complements_accompagnement": "",
            "sait_racolage": know(rng.random() < 0.3), "sait_contravention": know(rng.random() < 0.2),
            "sait_parcours": know(unaware_pathway[k]), "sait_titre_sejour": know(rng.random() < 0.7),
            "sait_prevention": know(rng.random() < 0.6), "sait_commission": know(unaware_commission[k]),
            "orienter_parcours": ["Oui", "Non", "Je ne sais pas"][rng.integers(3)],
            "prevention_menee": "Non" if rng.random() < 0.8 else "Oui", "prevention_detail": "",
            "besoins_prevention": "", "complements_loi": "",
            "recontact": "Oui" if rng.random() < 0.8 else "Non",
            "personnes_ressources": "Non", "ressources_coordonnees": "", "ressources_pourquoi": "",
            "complements_conclusion": "",
        }
        if rng.random() < 0.15:
            record.update(personnes_ressources="Oui",
                          ressources_coordonnees=f"{person['nom']}, {person['telephone']}, {person['courriel']}",
                          ressources_pourquoi="Connaît bien le territoire.")
        record["id_unite"] = unit["id_unite"]
        rows.append(record)
        for number, report in enumerate(own.itertuples(index=False), start=1):
            answers = _situation_answers(group_by_id[report.id_groupe], report.nb_personnes, rng)
            answers["autre_situation"] = "Oui" if number < len(own) else "Non, passer à la rubrique suivante"
            situation_rows.append({"id_unite": unit["id_unite"], "num_situation": number,
                                   "id_groupe": report.id_groupe, **answers})

    interview_rows = []
    for unit_id, own in reports[reports["id_unite"].str.startswith("E")].groupby("id_unite", sort=True):
        for number, report in enumerate(own.itertuples(index=False), start=1):
            answers = _situation_answers(group_by_id[report.id_groupe], report.nb_personnes, rng)
            answers.pop("complements_situation")
            interview_rows.append({"id_entretien": unit_id, "num_situation": number,
                                   "id_groupe": report.id_groupe, **answers})
    return pd.DataFrame(rows), pd.DataFrame(situation_rows), pd.DataFrame(interview_rows)
