"""A département's first edition, from the folder `diagnostic nouveau` writes (issue 14 § 4).

The Gironde (33) folder is filled here by hand, as an analyst would fill the templates in
Excel: six partners, two interviews, a Google Forms export (the form's own CSV, AM/PM
timestamps, three situation sections), four sites and thirty ads written for Gironde
communes. No synthetic generator, no coder sheet at first. Then:

(a) the first build succeeds; the chapters that need coded sheets say what is missing and
    what to do; the blank coder sheets are written in the folder the LISEZMOI and chapter 6
    name, and kept when a later build fails; `--only 06` works on that first build;
(b) the coder sheets, filled with values of their drop-down lists, are named in the
    parameters and the book is built again: chapters 6 and 7 show the coded results;
(c) no page shows a Pas-de-Calais example: "Pas-de-Calais", "Lens", "62300", "Arras"… only
    in the sentences listed in `CITING`, which cite the report as the source of the method;
    no comparison column "Rapport (2018)"; the pistes say where they come from;
(d) `diagnostic verifier` names file, row, column and value for each broken file of
    `BROKEN` (what `test_reading` checks reader by reader, here through the command).

Two full builds and one `--only`: the tests share them, in one xdist worker.
"""

from __future__ import annotations

import csv
import re
import shutil
from pathlib import Path

import openpyxl
import pytest
from bs4 import BeautifulSoup

from diagnostic import cli, coding, presentation, questionnaire, scaffold, synthesis
from diagnostic.run import RunError, run
from test_scaffold import fill  # the templates filled as a user would in Excel

pytestmark = [pytest.mark.book, pytest.mark.xdist_group("premiere_edition")]

KEY = "cle-de-test-secrete-de-trente-deux-caracteres-au-moins"
CODE = "33"

# --- The data, written by hand ------------------------------------------------------------

PARTNERS = [  # id, structure, type, champ, commune_code, commune, contact, employeur, a_repondu, entretien, date
    ["S01", "CCAS de Pessac", "institution", "accueil_accompagnement_social_insertion", "33318", "Pessac",
     "courriel", "commune_intercommunalite", "oui", "non", None],
    ["S02", "Maison des adolescents de Bordeaux", "association", "sante", "33063", "Bordeaux",
     "relais de la déléguée", "association_accompagnement", "oui", "oui", "2024-04-02"],
    ["S03", "Commissariat de Mérignac", "institution", "securite_publique", "33281", "Mérignac",
     "réunion", "autre", "oui", "non", None],
    ["S04", "Foyer Les Tilleuls", "association", "hebergement_logement", "33243", "Libourne",
     "courriel", "structure_hebergement", "non", "oui", "2024-04-10"],
    ["S05", "Lycée de l'estuaire", "institution", "education_jeunesse", "33058", "Blaye",
     "courriel", "autre", "oui", "non", None],
    ["S06", "Service pénitentiaire d'insertion et de probation", "institution", "justice", "33063", "Bordeaux",
     "relais de la déléguée", "autre", "non", "non", None],
]
INTERVIEWS = [  # id, date, structure, téléphone, professionnels, fonctions, situations identifiées, déjà répondu
    ["E01", "2024-04-02", "Maison des adolescents de Bordeaux", "non", 3, "Infirmière | Éducateur | Psychologue",
     "oui", 1],
    ["E02", "2024-04-10", "Foyer Les Tilleuls", "oui", 1, "Cheffe de service", "non", 0],
]
PROBABLE = "D'une prostitution probable ou avérée (identifiée, observée ou rapportée)"
RISK = "D'un risque prostitutionnel (des personnes particulièrement exposées au risque d'entrer dans la prostitution)"
INTERVIEW_SITUATIONS = [  # in the template's column order (scaffold.situation_columns)
    ["E01", 1, PROBABLE, "2", "Des femmes", "15-17 ans", "Française", None, None, "Seul.e sans enfants",
     "Centre d'hébergement / Foyer", "Scolarisé.e (collège, lycée)", "Sans ressources", "Fugues répétées",
     "Via Internet | Hôtel", "Bordeaux, gare Saint-Jean", "Oui", "Je ne sais pas", None, None],
    ["E01", 2, RISK, "1", "Des hommes", "18-25 ans", "Hors Union Européenne", "Maroc", None, "Seul.e sans enfants",
     "Rue", "Etranger.e sans titre de travail", "Sans ressources", None, "Rue", "Bordeaux", "Non", "Non", None,
     None],
]
MILESTONES = [["2024-01-08", "Envoi du questionnaire par la déléguée départementale"],
              ["2024-02-05", "Relance des structures"], ["2024-03-12", "Réunion des partenaires à Bordeaux"]]

SITES = [  # site, catégorie, annonces, miroir, mode, pages, 10 pages, options, abonnement, inscription, cgu, date
    ["escorte-sud.example", "escorting", 14, None, "exact", None, None, "oui", "non", "non", "oui", "2024-02-05"],
    ["annonces-aquitaine.example", "petites_annonces", 9, None, "exact", None, None, "oui", "non", "non", "non",
     "2024-02-06"],
    ["massages-gironde.example", "massages", 7, None, "exact", None, None, "non", "non", "non", "oui", "2024-02-06"],
    ["rencontres-ocean.example", "rencontres", 0, None, "exact", None, None, "non", "oui", "oui", "oui", "2024-02-07"],
]
ADS = [  # id, site, date, commune écrite, titre, texte, téléphone, pseudo, âge
    ["G01", "escorte-sud.example", "2024-02-05", "Bordeaux", "Léa, douce et discrète",
     "Bonjour, je suis Léa, 24 ans, je reçois dans mon appartement près de la gare. Appelez-moi.",
     "06 39 98 10 01", "Léa", "24"],
    ["G02", "escorte-sud.example", "2024-02-05", "Mérignac", "Nouvelle à Mérignac",
     "Nouvelle fille de passage à Mérignac, disponible 24h/24, elle vous reçoit.", "06 39 98 10 02", "Nina", None],
    ["G03", "escorte-sud.example", "2024-02-05", "Bordeaux", "Sexy girl",
     "New in town, available 24/7, call me. Only gentlemen.", "06 39 98 10 03", "Kelly", "21"],
    ["G04", "escorte-sud.example", "2024-02-05", "Bordeaux", "Sexy girl",
     "New in town, available 24/7, call me. Only gentlemen.", "06 39 98 10 04", "Jessy", "22"],
    ["G05", "escorte-sud.example", "2024-02-05", "Arcachon", "Massage et détente",
     "Je me déplace à domicile ou à l'hôtel sur le bassin. Sonia, 35 ans.", "06 39 98 10 05", "Sonia", "35"],
    ["G06", "escorte-sud.example", "2024-02-05", "Pessac", "Trans belle et féminine",
     "Belle trans, je reçois à Pessac en toute discrétion.", "06 39 98 10 06", "Alicia", "29"],
    ["G07", "escorte-sud.example", "2024-02-05", "Talence", "Étudiante",
     "Étudiante, 20 ans, disponible en soirée, je reçois à Talence.", "06 39 98 10 07", "Manon", "20"],
    ["G08", "escorte-sud.example", "2024-02-05", "Bordeaux", "Homme pour femmes",
     "Homme sportif propose moments de détente aux femmes et aux couples.", "06 39 98 10 08", "Marc", "38"],
    ["G09", "escorte-sud.example", "2024-02-05", "Libourne", "Première fois à Libourne",
     "Jolie brune de passage à Libourne quelques jours seulement.", "06 39 98 10 09", "Julia", None],
    ["G10", "escorte-sud.example", "2024-02-05", "Bordeaux", "Léa",
     "Bonjour, je suis Léa, 24 ans, je reçois dans mon appartement près de la gare. Appelez-moi.",
     "06 39 98 10 01", "Léa", "24"],
    ["G11", "escorte-sud.example", "2024-02-05", "Bègles", "Câline",
     "Femme mature et câline vous attend à Bègles, rendez-vous par téléphone.", "06 39 98 10 11", "Sylvie", "52"],
    ["G12", "escorte-sud.example", "2024-02-05", "Bordeaux", "Deux amies",
     "Mes amies et moi vous recevons, plusieurs filles disponibles, appelez le standard.", "06 39 98 10 12",
     "Les amies", None],
    ["G13", "escorte-sud.example", "2024-02-05", "Langon", "Nouvelle",
     "Nouvelle à Langon, douce et souriante.", "06 39 98 10 13", "Clara", "27"],
    ["G14", "escorte-sud.example", "2024-02-05", "Mérignac", "Nina de retour",
     "Nina de retour à Mérignac, disponible 24h/24, elle vous reçoit.", "06 39 98 10 02", "Nina", None],
    ["G15", "annonces-aquitaine.example", "2024-02-06", "Bordeaux", "Léa près de la gare",
     "Je suis Léa, 24 ans, je reçois près de la gare Saint-Jean.", "06 39 98 10 01", "Léa", "24"],
    ["G16", "annonces-aquitaine.example", "2024-02-06", "Lormont", "Massage relaxant",
     "Massage relaxant par jeune femme, je me déplace.", "06 39 98 10 16", "Emma", "23"],
    ["G17", "annonces-aquitaine.example", "2024-02-06", "Cenon", "Rencontre",
     "Jeune femme cherche rencontres généreuses, je reçois à Cenon.", "06 39 98 10 17", "Inès", "19"],
    ["G18", "annonces-aquitaine.example", "2024-02-06", "Bordeaux", "Hot girl",
     "Hot girl new in Bordeaux, available all the time.", "06 39 98 10 18", "Vicky", "21"],
    ["G19", "annonces-aquitaine.example", "2024-02-06", "Villenave-d'Ornon", "Détente",
     "Moments de détente à Villenave-d'Ornon, femme de 40 ans.", "06 39 98 10 19", "Carole", "40"],
    ["G20", "annonces-aquitaine.example", "2024-02-06", "Le Bouscat", "Couple",
     "Couple libéré reçoit hommes et femmes au Bouscat.", "06 39 98 10 20", "Duo", None],
    ["G21", "annonces-aquitaine.example", "2024-02-06", "Saint-Médard-en-Jalles", "Nouvelle",
     "Nouvelle dans le coin, je me déplace à Saint-Médard-en-Jalles.", "06 39 98 10 21", "Zoé", "26"],
    ["G22", "annonces-aquitaine.example", "2024-02-06", "Bordeaux", "Sexy girl",
     "New in town, available 24/7, call me. Only gentlemen.", "06 39 98 10 03", "Kelly", "21"],
    ["G23", "annonces-aquitaine.example", "2024-02-06", "La Teste-de-Buch", "Vacances",
     "De passage à La Teste-de-Buch pour les vacances, je reçois.", "06 39 98 10 23", "Lina", "31"],
    ["G24", "massages-gironde.example", "2024-02-06", "Bordeaux", "Salon de massage asiatique",
     "Salon de massage, jeunes masseuses asiatiques, ouvert tous les jours de 9 h à 23 h.", "06 39 98 10 24",
     "Salon Lotus", None],
    ["G25", "massages-gironde.example", "2024-02-06", "Bordeaux", "Massage naturiste",
     "Massage naturiste par masseuse diplômée, je reçois dans un cadre calme.", "06 39 98 10 25", "Anaïs", "33"],
    ["G26", "massages-gironde.example", "2024-02-06", "Mérignac", "Massage tantrique",
     "Massage tantrique à Mérignac, sur rendez-vous.", "06 39 98 10 26", "Maya", "36"],
    ["G27", "massages-gironde.example", "2024-02-06", "Pessac", "Massage",
     "Masseuse se déplace à domicile sur Pessac et alentours.", "06 39 98 10 27", "Lou", "28"],
    ["G28", "massages-gironde.example", "2024-02-06", "Bordeaux", "Salon de massage asiatique",
     "Salon de massage, nouvelles masseuses asiatiques, ouvert tous les jours.", "06 39 98 10 24",
     "Salon Lotus", None],
    ["G29", "massages-gironde.example", "2024-02-06", "Talence", "Massage californien",
     "Massage californien à Talence, femme douce.", "06 39 98 10 29", "Eva", "30"],
    ["G30", "massages-gironde.example", "2024-02-06", "Gujan-Mestras", "Massage",
     "Massage relaxant sur le bassin, je me déplace.", "06 39 98 10 30", "Nora", "34"],
]

# The questionnaire as Google Forms downloads it from the form itself: AM/PM timestamps in
# UTC+1, checkboxes joined by ";", three situation sections of every question.
SECTIONS = 3
IDENTIFIED = "Identifié, de manière probable ou avérée, des situations de prostitution"
RISK = ("Identifié des situations de risque prostitutionnel (des personnes vous semblant particulièrement "
        "exposées au risque d'entrer dans la prostitution)")
RESPONDENTS = [  # the answers of each respondent (question code → answer), then their situations
    ({"organisation": "CCAS de Pessac", "nom_repondant": "Camille Durand", "fonction": "Assistante sociale",
      "courriel": "c.durand@ccas.example", "telephone": "06 39 98 20 01", "activite": "Social",
      "mode_reponse": "A titre individuel", "reperage": [IDENTIFIED, RISK], "nb_personnes_total": "4",
      "prise_en_charge": "Oui", "parle_prostitution": "Oui", "facilite": "Difficile", "outille": "Non",
      "besoins": ["Formation", "Mise en réseau"], "formation": "Non", "reseau_interet": "Oui",
      "sait_racolage": "Oui, je le savais", "sait_parcours": "Non, je ne le savais pas", "recontact": "Oui"},
     [{"nb_personnes": "3", "sexe": ["Des femmes"], "age": ["18-25 ans"], "nationalite": ["Hors Union Européenne"],
       "pays_origine": "Nigeria", "logement": ["Hôtel / Via le 115"], "situation_financiere": ["Sans ressources"],
       "forme": ["Appartement", "Via Internet"], "zones": "Bordeaux, quartier de la gare", "proxenete": "Oui",
       "reseau": "Oui", "autre_situation": "Oui"},
      {"nb_personnes": "1", "sexe": ["Des femmes"], "age": ["15-17 ans"], "nationalite": ["Française"],
       "logement": ["Famille"], "situation_professionnelle": ["Scolarisé.e (collège, lycée)"],
       "forme": ["Via Internet"], "zones": "Pessac", "autre_situation": "Non, passer à la rubrique suivante"}]),
    ({"organisation": "Maison des adolescents de Bordeaux", "nom_repondant": "Hugo Bernard", "fonction": "Éducateur",
      "courriel": "h.bernard@mda.example", "telephone": "06 39 98 20 02", "activite": "santé",
      "mode_reponse": "A titre collectif (service ou structure)", "nb_consultes": "4", "reperage": [IDENTIFIED],
      "nb_personnes_total": "2", "prise_en_charge": "Oui", "parle_prostitution": "Non", "facilite": "Difficile",
      "outille": "Non", "besoins": ["Information / sensibilisation", "Formation"], "formation": "Oui",
      "reseau_interet": "Oui", "sait_racolage": "Oui, je le savais", "recontact": "Oui"},
     [{"nb_personnes": "2", "sexe": ["Des femmes", "Des personnes transidentitaires"], "age": ["15-17 ans"],
       "nationalite": ["Française"], "logement": ["Centre d'hébergement / Foyer"], "forme": ["Hôtel"],
       "zones": "Bordeaux", "proxenete": "Je ne sais pas", "autre_situation": "Non, passer à la rubrique suivante"}]),
    ({"organisation": "Commissariat de Mérignac", "nom_repondant": "Karim Leroy", "fonction": "Brigadier",
      "courriel": "k.leroy@police.example", "telephone": "06 39 98 20 03", "activite": "police",
      "mode_reponse": "A titre individuel", "reperage": [IDENTIFIED], "nb_personnes_total": "5",
      "prise_en_charge": "Non", "facilite": "Facile", "outille": "Oui", "formation": "Oui", "reseau_interet": "Oui",
      "sait_racolage": "Oui, je le savais", "recontact": "Non"},
     [{"nb_personnes": "5", "sexe": ["Des femmes"], "age": ["26-35 ans", "36-45 ans"],
       "nationalite": ["Union Européenne"], "pays_origine": "Roumanie", "forme": ["Route"],
       "zones": "Mérignac, zone commerciale", "proxenete": "Oui", "reseau": "Oui", "autre_situation": "Oui"},
      {"nb_personnes": "1", "sexe": ["Des hommes"], "age": ["18-25 ans"], "nationalite": ["Française"],
       "forme": ["Via Internet"], "zones": "Mérignac", "autre_situation": "Oui"},
      {"nb_personnes": "2", "sexe": ["Des femmes"], "age": ["18-25 ans"], "nationalite": ["Hors Union Européenne"],
       "forme": ["Salon de massage"], "zones": "Bordeaux", "reseau": "Je ne sais pas",
       "autre_situation": "Non, passer à la rubrique suivante"}]),
    ({"organisation": "Lycée de l'estuaire", "nom_repondant": "Anne Moreau", "fonction": "Infirmière scolaire",
      "courriel": "a.moreau@lycee.example", "telephone": "06 39 98 20 04", "activite": "Éducation / jeunesse",
      "mode_reponse": "A titre individuel", "reperage": [RISK], "nb_personnes_total": "1",
      "prise_en_charge": "Oui", "parle_prostitution": "Oui", "facilite": "Ni facile, ni difficile",
      "outille": "Non", "besoins": ["Outils de prévention"], "formation": "Non", "reseau_interet": "Non",
      "sait_racolage": "Non, je ne le savais pas", "prevention_menee": "Oui", "recontact": "Oui"}, []),
    ({"organisation": "Mairie de Langon", "nom_repondant": "Paul Girard", "fonction": "Directeur du CCAS",
      "courriel": "p.girard@langon.example", "telephone": "06 39 98 20 05", "activite": "action sociale",
      "mode_reponse": "A titre individuel", "reperage": [], "prise_en_charge": "Non", "facilite": "Difficile",
      "outille": "Non", "besoins": ["Information / sensibilisation"], "formation": "Non", "reseau_interet": "Oui",
      "recontact": "Non"}, []),
]
STAMPS = ["2024/02/13 9:05:12 AM UTC+1", "2024/02/13 5:49:00 PM UTC+1", "2024/02/15 11:20:41 AM UTC+1",
          "2024/02/20 2:03:09 PM UTC+1", "2024/03/01 8:15:55 AM UTC+1"]


def form_parts() -> tuple[list, list, list]:
    """The questions before the situation section, the section, the questions after it."""
    order, situation = list(questionnaire.questions()), questionnaire.situation_questions()
    first = order.index(situation[0])
    return order[:first], situation, [q for q in order[first:] if not q.situation]


def form_header(sections: int = SECTIONS) -> list[str]:
    """The first row of the form's CSV: the timestamp, then every question's text, the
    situation section repeated (the texts of `instrument/questionnaire.yaml`, as the
    form built by `creer-formulaire.gs` asks them)."""
    before, situation, after = form_parts()
    return ["Horodateur"] + [q.texte for q in before + situation * sections + after]


def form_rows(sections: int = SECTIONS) -> list[list[str]]:
    before, situation, after = form_parts()

    def cell(value) -> str:
        return ";".join(value) if isinstance(value, list) else (value or "")

    rows = []
    for stamp, (answers, described) in zip(STAMPS, RESPONDENTS):
        row = [stamp] + [cell(answers.get(q.code)) for q in before]
        for k in range(sections):
            own = described[k] if k < len(described) else {}
            row += [cell(own.get(q.code)) for q in situation]
        rows.append(row + [cell(answers.get(q.code)) for q in after])
    return rows


def write_csv(path: Path, header: list[str], rows: list[list[str]]) -> Path:
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(header)
        writer.writerows(rows)
    return path


UNUSED = ("lieux_a_risque", "annonces_clients", "forum")  # files this département does not use


def parameters_with(path: Path, **values: str) -> Path:
    """The parameters file `nouveau` wrote, edited as its comments say: unused files' lines
    removed, `donnees.questionnaire` uncommented, other `donnees` keys set."""
    lines = []
    for line in path.read_text(encoding="utf-8").splitlines():
        key = line.strip().split(":")[0].lstrip("# ")
        if line.startswith("  ") and key in UNUSED and not line.strip().startswith("#"):
            continue
        if line.strip().startswith("# questionnaire:"):
            line = "  questionnaire: " + line.split(":", 1)[1].strip()
        lines.append(line)
        if line.strip() == "nature: reelles":
            lines += [f"  {name}: {value}" for name, value in values.items()]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def fill_folder(folder: Path) -> Path:
    """Write the Gironde folder with `diagnostic nouveau` and fill it; return its parameters file."""
    assert cli.main(["nouveau", "--departement", CODE, "--dossier", str(folder)]) == 0
    fill(folder / "partenaires.xlsx", PARTNERS)
    fill(folder / "entretiens.xlsx", INTERVIEWS)
    fill(folder / "situations-entretiens.xlsx", INTERVIEW_SITUATIONS)
    fill(folder / "calendrier-mobilisation.xlsx", MILESTONES)
    fill(folder / "inventaire-sites.xlsx", SITES)
    fill(folder / "annonces.xlsx", ADS)
    write_csv(folder / "reponses-questionnaire.csv", form_header(), form_rows())
    return parameters_with(folder / "parametres-33.yaml")


# --- The coders' work, by hand ---------------------------------------------------------------

# What coder A reads in each ad (codebook values): sexe, âge, origine, de passage, public,
# langue, personne grammaticale, 24h/24, lieu, doublon, indices relevés. G13 was gone when
# the coders looked for it (annonce_retrouvee = non, nothing else coded).
CODES = {
    "G01": ("femme", 24, "non_renseignee", "non", "hommes", "francais", "premiere", "non", "recoit", "non", ()),
    "G02": ("femme", None, "non_renseignee", "oui", "hommes", "francais", "troisieme", "oui", "recoit", "non",
            ("troisieme_personne", "de_passage", "disponible_tout_le_temps")),
    "G03": ("femme", 21, "non_renseignee", "oui", "hommes", "anglais", "premiere", "oui", "non_precise", "non",
            ("redaction_similaire", "telephones_voisins", "anglais", "de_passage", "disponible_tout_le_temps")),
    "G04": ("femme", 22, "non_renseignee", "oui", "hommes", "anglais", "premiere", "oui", "non_precise", "non",
            ("redaction_similaire", "telephones_voisins", "anglais", "de_passage", "disponible_tout_le_temps")),
    "G05": ("femme", 35, "non_renseignee", "non", "hommes", "francais", "premiere", "non", "se_deplace", "non", ()),
    "G06": ("trans", 29, "non_renseignee", "non", "hommes", "francais", "premiere", "non", "recoit", "non", ()),
    "G07": ("femme", 20, "non_renseignee", "non", "hommes", "francais", "premiere", "non", "recoit", "non", ()),
    "G08": ("homme", 38, "non_renseignee", "non", "femmes", "francais", "troisieme", "non", "non_precise", "non", ()),
    "G09": ("femme", None, "non_renseignee", "oui", "hommes", "francais", "troisieme", "non", "non_precise", "non",
            ("de_passage",)),
    "G10": ("femme", 24, "non_renseignee", "non", "hommes", "francais", "premiere", "non", "recoit", "oui", ()),
    "G11": ("femme", 52, "non_renseignee", "non", "hommes", "francais", "troisieme", "non", "recoit", "non", ()),
    "G12": ("femme", None, "non_renseignee", "non", "hommes", "francais", "premiere", "non", "recoit", "non",
            ("troisieme_personne",)),
    "G13": None,
    "G14": ("femme", None, "non_renseignee", "oui", "hommes", "francais", "troisieme", "oui", "recoit", "oui",
            ("troisieme_personne", "de_passage", "disponible_tout_le_temps")),
    "G15": ("femme", 24, "non_renseignee", "non", "hommes", "francais", "premiere", "non", "recoit", "oui", ()),
    "G16": ("femme", 23, "non_renseignee", "non", "hommes", "francais", "premiere", "non", "se_deplace", "non", ()),
    "G17": ("femme", 19, "non_renseignee", "non", "hommes", "francais", "premiere", "non", "recoit", "non", ()),
    "G18": ("femme", 21, "non_renseignee", "oui", "hommes", "anglais", "premiere", "oui", "non_precise", "non",
            ("anglais", "disponible_tout_le_temps")),
    "G19": ("femme", 40, "non_renseignee", "non", "hommes", "francais", "premiere", "non", "non_precise", "non", ()),
    "G20": ("indetermine", None, "non_renseignee", "non", "hommes_femmes", "francais", "troisieme", "non", "recoit",
            "non", ()),
    "G21": ("femme", 26, "non_renseignee", "non", "hommes", "francais", "premiere", "non", "se_deplace", "non", ()),
    "G22": ("femme", 21, "non_renseignee", "oui", "hommes", "anglais", "premiere", "oui", "non_precise", "oui",
            ("redaction_similaire", "anglais", "de_passage", "disponible_tout_le_temps")),
    "G23": ("femme", 31, "non_renseignee", "oui", "hommes", "francais", "premiere", "non", "recoit", "non",
            ("de_passage",)),
    "G24": ("femme", None, "etrangere", "non", "hommes", "francais", "troisieme", "non", "recoit", "non",
            ("redaction_similaire", "troisieme_personne")),
    "G25": ("femme", 33, "non_renseignee", "non", "hommes", "francais", "premiere", "non", "recoit", "non", ()),
    "G26": ("femme", 36, "non_renseignee", "non", "hommes", "francais", "troisieme", "non", "non_precise", "non", ()),
    "G27": ("femme", 28, "non_renseignee", "non", "hommes", "francais", "troisieme", "non", "se_deplace", "non", ()),
    "G28": ("femme", None, "etrangere", "non", "hommes", "francais", "troisieme", "non", "recoit", "oui",
            ("redaction_similaire", "troisieme_personne")),
    "G29": ("femme", 30, "non_renseignee", "non", "hommes", "francais", "troisieme", "non", "non_precise", "non", ()),
    "G30": ("femme", 34, "non_renseignee", "non", "hommes", "francais", "premiere", "non", "se_deplace", "non", ()),
}
# Where coder B, coding the same ad, reads it otherwise (the double-coded ads only).
SECOND_READING = {"G05": {"lieu": "non_precise"}, "G12": {"sexe_presente": "indetermine"},
                  "G26": {"lieu": "recoit"}, "G02": {"personne_grammaticale": "premiere"}}
CODED = ("sexe_presente", "age_declare", "origine", "de_passage", "public", "langue", "personne_grammaticale",
         "disponibilite_24h", "lieu", "doublon")


def coded_row(ad: str, coder: str) -> dict:
    """The values a coder writes in the sheet for one ad (from the drop-down lists)."""
    values = CODES[ad]
    if values is None:
        return {"annonce_retrouvee": "non"}
    row = dict(zip(CODED, values[:-1])) | {"annonce_retrouvee": "oui"}
    row |= {name: "oui" if name.removeprefix("indice_") in values[-1] else "non" for name in coding.index_columns()}
    return row | (SECOND_READING.get(ad, {}) if coder == "B" else {})


def fill_coder_sheet(path: Path) -> list[str]:
    """Fill a blank coder sheet in place, as the coder does in Excel; return its ads."""
    book = openpyxl.load_workbook(path)
    sheet = book[coding.SHEET]
    names = [cell.value for cell in sheet[1]]
    ads = []
    for cells in sheet.iter_rows(min_row=2):
        ad, coder = cells[names.index("id_annonce")].value, cells[names.index("codeur")].value
        ads.append(ad)
        for name, value in coded_row(ad, coder).items():
            cells[names.index(name)].value = value
    book.save(path)
    return ads


# --- The builds (shared by the tests, in this order) -------------------------------------------

PDC = re.compile(r"Pas-de-Calais|\bLens\b|\b62\d{3}\b|\bArras\b|\bCalais\b|B[ée]thune|Boulogne|Li[ée]vin|Saint-Omer"
                 r"|Rapport \(2018\)|--departement 62")
# Every sentence of the Gironde edition that may name the Pas-de-Calais: it cites the report
# as the source of the method, quotes it, or describes the default synthetic world built on it.
# Page → fragments; each sentence matching PDC must contain one fragment of its page.
CITING = {
    "book/index.html": ["Il suit la méthode du diagnostic réalisé dans le Pas-de-Calais entre 2018 et 2020"],
    "book/cadre-legal.html": ["Le rapport du Pas-de-Calais en rappelle les six points clés",
                              "Le diagnostic du Pas-de-Calais avait trois objectifs",
                              "Le rapport insiste sur le poids de ces situations dans le Pas-de-Calais"],
    "book/methode.html": ["La méthode en sept étapes", "Dans le Pas-de-Calais, 92 professionnel·les ont participé",
                          "167 personnes concernées dans le Pas-de-Calais",
                          "plus, dans le Pas-de-Calais, un annuaire de salons de massage", "Pas-de-Calais :",
                          "(61 % dans le Pas-de-Calais)"],
    "book/precautions.html": ["Précautions méthodologiques",
                              "aucun·e répondant·e du Pas-de-Calais n’avait été formé·e"],
    "book/donnees.html": ["qui ressemble au Pas-de-Calais du rapport de 2020",
                          "calé sur les chiffres publiés du Pas-de-Calais",
                          "Calé sur le rapport du Pas-de-Calais (les sections entre parenthèses)",
                          "les villes déclarées (Lens, Arras, Boulogne-sur-Mer, Béthune, Calais"],
    "book/ateliers.html": ["Les données sont celles du monde synthétique du Pas-de-Calais",
                           "comparez avec celle du Pas-de-Calais"],
    "book/guide/index.html": ["Le calendrier du Pas-de-Calais", "en suivant ce qu’a fait le diagnostic du Pas-de-Calais",
                              "Chaque affirmation sur le diagnostic du Pas-de-Calais renvoie à une section du rapport",
                              "comptabilisées dans le Pas-de-Calais entre le 20 septembre et le 5 décembre 2018",
                              "rôle dans le Pas-de-Calais (section du rapport)"],
    "book/guide/etapes.html": ["présentée au CDPD (Pas-de-Calais", "Le questionnaire du Pas-de-Calais demandait",
                               "Google Forms comme dans le Pas-de-Calais, section I-A-3",
                               "fixées et notées (Pas-de-Calais"],
    "book/guide/internet.html": ["section I-B-1 pour le Pas-de-Calais", "Le Pas-de-Calais n’est pas parti de rien",
                                 "n’a donc été étudié dans le Pas-de-Calais (section I-B-2)",
                                 "Dans le Pas-de-Calais, les « sites nécessitant une inscription",
                                 "Le Pas-de-Calais a compté ses annonces « entre le 20 septembre"],
    "book/guide/entretiens.html": ["Dans le Pas-de-Calais, « 15 entretiens ont été réalisés",
                                   "(Dans le Pas-de-Calais, 85 % et 66 % des répondant·es",
                                   "(Les trois questions des professionnel·les du Pas-de-Calais",
                                   "Le questionnaire du Pas-de-Calais demandait environ 15 minutes",
                                   "comme dans le diagnostic du Pas-de-Calais"],
    "book/guide/codage.html": ["le décompte des annonces du Pas-de-Calais s’est étendu du 20 septembre"],
    "book/guide/donnees-personnelles.html": ["Le rapport du Pas-de-Calais n’en dit qu’une chose",
                                             "Dans le Pas-de-Calais, la préfecture a demandé le diagnostic"],
    "book/guide/kit.html": ["présentée au CDPD (Pas-de-Calais", "Le questionnaire du Pas-de-Calais demandait",
                            "Google Forms comme dans le Pas-de-Calais, section I-A-3",
                            "fixées et notées (Pas-de-Calais", "(Dans le Pas-de-Calais, 85 % et 66 % des répondant·es",
                            "(Les trois questions des professionnel·les du Pas-de-Calais",
                            "comme dans le diagnostic du Pas-de-Calais"],
    "book/reutiliser.html": ["les huit de la conclusion du rapport du Pas-de-Calais (une autre édition qui les garde "
                             "les voit signalées comme telles)"],
    "notebooks/01_partenaires.html": ["Dans le Pas-de-Calais, ce repérage a été fait avec la déléguée",
                                      "Le rapport du Pas-de-Calais tire cette leçon"],
    "notebooks/02_questionnaire.html": ["comme dans le rapport du Pas-de-Calais", "dans le rapport du Pas-de-Calais :"],
    "notebooks/03_situations.html": ["Le premier chiffre du rapport du Pas-de-Calais est celui-ci"],
    "notebooks/04_annonces.html": ["Un article de La Voix du Nord (24 juin 2020) rapportait",
                                   "lors d’une enquête pour proxénétisme à Arras",
                                   "La conclusion en tire que « la pénalisation des « clients »",
                                   "compte 76 discussions de « clients » sur 24 communes du Pas-de-Calais",
                                   "L’équipe s’est connectée à un tchat que citent les professionnel·les",
                                   "Le rapport complète le diagnostic partagé et le diagnostic Internet par",
                                   "des réseaux chinois dans des appartements d’Arras en 2017 (sections IV-A-3",
                                   "(dans l’annexe 2, un salon de massage d’Arras en donne trois"],
    "notebooks/05_echantillonnage.html": ["Le rapport du Pas-de-Calais décrit ainsi la méthode (section I-B-1)",
                                          "redonne ses 249 annonces pour les 699 du Pas-de-Calais",
                                          "Annonces à coder (n) Pas-de-Calais 2018 :",
                                          "dans le Pas-de-Calais en 2018, onze sites de rencontres"],
    "notebooks/06_codage.html": ["Dans le Pas-de-Calais, les 249 annonces codées donnent",
                                 "Dans l’édition du Pas-de-Calais, une dernière colonne donne, pour mémoire"],
    "notebooks/08_synthese.html": ["Amicale du Nid, diagnostic du Pas-de-Calais (2020)",
                                   "les « éléments de synthèse » du rapport du Pas-de-Calais (pages 2 et 3)",
                                   "Les huit pistes sont celles de la conclusion du rapport du Pas-de-Calais",
                                   "Ces pistes sont celles du rapport du Pas-de-Calais (2020), reprises faute de pistes",
                                   "Restitution des résultats et préconisations pour le Pas-de-Calais (2020)",
                                   "comme le fait la conclusion du rapport du Pas-de-Calais."],
    "notebooks/09_reproduction.html": ["il met chaque chiffre imprimé dans le rapport du Pas-de-Calais",
                                       "Annonces à coder (Pas-de-Calais, 699 annonces, marge 5 %)",
                                       "construit pour ressembler au rapport du Pas-de-Calais"],
}


# "—", what a figure not computed prints, after the words that introduce a figure ("Sur les —
# annonces", "dans — des annonces", ": — .") or opening a sentence; not a dash of a title
# ("Étape 6 — Le codage") or of prose ("au sien — en gardant").
PLACEHOLDER = re.compile(r"(?:^|(?:^|[\s(])(?:les|des|de|dans|à|sur|moins|en|donne|est|entre|et|«|:|;|,|\())\s?—"
                         r"(?:\s|$)")


def page_sentences(page: Path) -> list[str]:
    """What a reader reads on a page (code cells left out), sentence by sentence."""
    soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
    main = soup.select_one("main")
    if main is None:  # the redirecting index.html
        return []
    for hidden in main.select(".cell_input, script, style"):
        hidden.decompose()
    text = re.sub(r"\s+", " ", main.get_text(" ")).replace("\u202f", " ").replace("\u00a0", " ")
    return re.split(r"(?<=[.!?:;])\s+", text)


def page_text(page: Path) -> str:
    return " ".join(page_sentences(page))


class Edition:
    """The Gironde folder, the project it builds in, and the builds done so far."""

    def __init__(self, base: Path, project_root: Path):
        self.params = fill_folder(base / "gironde")
        text = self.params.read_text(encoding="utf-8")  # a small team: 8 ads coded twice, not 50
        self.params.write_text(text.replace("double_codage: 50", "double_codage: 8"), encoding="utf-8")
        self.project = base / "projet"  # real coder sheets go under the project's travail/: a copy
        for name in ("book", "notebooks", "params", "data"):
            shutil.copytree(project_root / name, self.project / name)
        for name in ("_config.yml", "_toc.yml"):
            shutil.copy2(project_root / name, self.project / name)
        self.output = base / "livres"
        self.book = self.output / self.params.stem
        self.sheets = self.project / coding.sheets_folder(CODE)

    def run(self, only: list[str] | None = None) -> Path:
        return run(self.params, root=self.project, output=self.output, only=only)

    def sheet_bytes(self) -> dict[str, bytes]:
        return {p.name: p.read_bytes() for p in sorted(self.sheets.glob("fiche-codage-*.xlsx"))}


@pytest.fixture(scope="module")
def edition(tmp_path_factory, project_root):
    with pytest.MonkeyPatch.context() as patch:  # real data: the département's secret key is required
        patch.setenv("DIAGNOSTIC_CLE_PSEUDONYMISATION", KEY)
        yield Edition(tmp_path_factory.mktemp("premiere-edition"), project_root)


@pytest.fixture(scope="module")
def first_book(edition):
    """(a) The first build: no coder sheet yet."""
    edition.run()
    edition.first_sheets = edition.sheet_bytes()
    edition.first_pages = {p.name: p.read_bytes() for p in (edition.book / "notebooks").glob("*.ipynb")}
    return edition


@pytest.fixture(scope="module")
def workshop(first_book):
    """`--only 06` on that first build."""
    first_book.run(only=["06"])
    return first_book


@pytest.fixture(scope="module")
def coded_book(workshop):
    """(b) The coder sheets filled in place, named in the parameters, and the book built again."""
    edition = workshop
    edition.coded_ads = {path.stem[-1]: fill_coder_sheet(path)
                         for path in sorted(edition.sheets.glob("fiche-codage-*.xlsx"))}
    edition.filled_sheets = edition.sheet_bytes()
    sheets = ", ".join(str(edition.sheets / name) for name in edition.filled_sheets)
    parameters_with(edition.params, fiches_codage=f"[{sheets}]")
    edition.run()
    return edition


# --- (a) The first build ------------------------------------------------------------------------

def test_first_build_says_what_the_coding_waits_for(first_book):
    coding_page = page_text(first_book.book / "html/notebooks/06_codage.html")
    assert ("Les fiches remplies de A, B ne sont pas encore indiquées. Les fiches vierges sont dans le dossier "
            f"« {coding.sheets_folder(CODE)} » du projet (jamais publié).") in coding_page
    for chapter in ("06_codage", "07_deduplication", "08_synthese"):
        sentences = page_sentences(first_book.book / f"html/notebooks/{chapter}.html")
        assert any("donnees.fiches_codage" in s for s in sentences), chapter  # what to do
        # no sentence written for coded data printed with its figures missing
        blanks = [s for s in sentences if PLACEHOLDER.search(s)]
        assert blanks == [], (chapter, blanks)


def test_blank_coder_sheets_are_where_the_lisezmoi_and_chapter_6_say(first_book):
    folder = coding.sheets_folder(CODE)
    assert f"`{folder}`" in (first_book.params.parent / "LISEZMOI.md").read_text(encoding="utf-8")
    assert f"Les fiches vierges sont dans le dossier « {folder} » du projet, jamais publié" in page_text(
        first_book.book / "html/notebooks/06_codage.html")
    assert sorted(first_book.first_sheets) == ["fiche-codage-A.xlsx", "fiche-codage-B.xlsx"]
    sample = set()
    for name in first_book.first_sheets:
        sheet = openpyxl.load_workbook(first_book.sheets / name)[coding.SHEET]
        names = [c.value for c in sheet[1]]
        rows = [dict(zip(names, (c.value for c in row))) for row in sheet.iter_rows(min_row=2)]
        assert rows and all(not row[v] for row in rows for v in coding.variables()), name  # blank
        assert {row["codeur"] for row in rows} == {name[-6]}
        sample |= {row["id_annonce"] for row in rows}
    # 28 of the 30 ads (Cochran, 5 %, finite population: ⌈384,16 / (1 + 383,16 / 30)⌉ = 28)
    assert len(sample) == 28 and sample <= {row[0] for row in ADS}


def test_only_06_works_on_the_first_build_and_keeps_the_blank_sheets(workshop):
    again = {p.name: p.read_bytes() for p in (workshop.book / "notebooks").glob("*.ipynb")}
    assert again.keys() == workshop.first_pages.keys()
    assert all(again[name] == workshop.first_pages[name] for name in again if not name.startswith("06"))
    assert workshop.sheet_bytes() == workshop.first_sheets


# --- (b) The coded sheets ----------------------------------------------------------------------------

def test_second_build_shows_the_coded_results(coded_book):
    assert coded_book.sheet_bytes() == coded_book.filled_sheets, "les fiches remplies ont été réécrites"
    first = coded_book.coded_ads["A"]  # coder A's codes count for the ads coded twice (chapter 6)
    sample = sorted(set(first) | set(coded_book.coded_ads["B"]))
    found = [ad for ad in sample if CODES[ad] is not None]
    women = sum(CODES[ad][0] == "femme" for ad in found)
    duplicates = sum(CODES[ad][9] == "oui" for ad in found)
    network = sum(bool(CODES[ad][10]) for ad in found)
    text = page_text(coded_book.book / "html/notebooks/06_codage.html")
    assert (f"Sur les {len(found)} annonces retrouvées et codées : "
            f"{presentation.percent(women / len(found)).replace(chr(160), ' ')} présentent une femme") in text
    assert f"{presentation.percent(network / len(found)).replace(chr(160), ' ')} présentent au moins un indice" in text
    assert "Les fiches remplies ne sont pas encore indiquées" not in text
    dedup = page_text(coded_book.book / "html/notebooks/07_deduplication.html")
    assert f"{duplicates} des {len(found)} annonces codées sont des doublons" in dedup


# --- (c) Nothing of the Pas-de-Calais but its citations ---------------------------------------------

@pytest.mark.parametrize("build", ["first_book", "coded_book"])
def test_no_pas_de_calais_example_in_the_gironde_edition(build, request):
    book = request.getfixturevalue(build).book / "html"
    found, used = {}, set()
    for page in sorted(book.rglob("*.html")):
        name = page.relative_to(book).as_posix()
        for sentence in page_sentences(page):
            if not PDC.search(sentence):
                continue
            allowed = [f for f in CITING.get(name, []) if f in sentence]
            used |= {(name, f) for f in allowed}
            if not allowed:
                found.setdefault(name, []).append(sentence[:200])
    assert found == {}
    assert {(name, f) for name, fragments in CITING.items() for f in fragments} == used  # no stale entry
    synthesis = page_text(book / "notebooks/08_synthese.html")
    assert "Ces pistes sont celles du rapport du Pas-de-Calais (2020), reprises faute de pistes propres" in synthesis
    assert "Rapport (2018)" not in " ".join(page_text(p) for p in book.rglob("*.html"))


# --- (d) `diagnostic verifier` on broken files ----------------------------------------------------

def report_rows(report: Path) -> list[dict]:
    """The rows of the verifier's `--rapport` workbook."""
    sheet = openpyxl.load_workbook(report)["problemes"]
    rows = list(sheet.iter_rows(values_only=True))
    start = next(k for k, row in enumerate(rows) if row[0] == "fichier")
    return [dict(zip(rows[start], row)) for row in rows[start + 1:]]


def edit(path: Path, change) -> None:
    book = openpyxl.load_workbook(path)
    change(book.worksheets[0])
    book.save(path)


def test_verifier_names_file_row_column_and_value_of_each_broken_file(tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("DIAGNOSTIC_CLE_PSEUDONYMISATION", KEY)
    folder = tmp_path / "gironde"
    params = fill_folder(folder)
    assert cli.main(["verifier", "--params", str(params)]) == 0  # the hand-written folder is right
    edit(folder / "partenaires.xlsx", lambda sheet: sheet.__setitem__("D3", "santé publique"))  # S02's champ
    edit(folder / "annonces.xlsx", lambda sheet: sheet.__setitem__("C5", "2024-02-30"))  # G04's date
    edit(folder / "inventaire-sites.xlsx", lambda sheet: sheet.delete_cols(2))  # no « categorie »
    header, rows = form_header(), form_rows()
    shifted = header.index("Quelle est leur nationalité ?")  # left out of the first situation section
    write_csv(folder / "reponses-questionnaire.csv", header[:shifted] + header[shifted + 1:],
              [row[:shifted] + row[shifted + 1:] for row in rows])
    report = tmp_path / "problemes.xlsx"
    capsys.readouterr()
    assert cli.main(["verifier", "--params", str(params), "--rapport", str(report)]) == 2
    out = capsys.readouterr().out
    assert out.startswith(f"Vérification de « {params} » : 4 problème(s) dans 4 fichier(s) ; le livre ne peut pas "
                          f"être construit avant leur correction.")
    rows = report_rows(report)
    assert {(row["fichier"], row["lieu"], row["valeur"]) for row in rows} == {
        (str(folder / "partenaires.xlsx"), "ligne 3, colonne « champ »", "santé publique"),
        (str(folder / "annonces.xlsx"), "ligne 5, colonne « date_collecte »", "2024-02-30"),
        (str(folder / "inventaire-sites.xlsx"), "colonne « categorie » absente", None),
        # the first section, columns L (12th: timestamp and ten questions before) to AB (17 questions)
        (str(folder / "reponses-questionnaire.csv"), "première ligne, section de situation n° 1 (colonnes L à AC)",
         None),
    }
    expected = {row["fichier"]: row["attendu"] for row in rows}
    assert expected[str(folder / "partenaires.xlsx")].startswith("l'une des valeurs 'accueil_accompagnement")
    assert expected[str(folder / "annonces.xlsx")].startswith("une date réelle écrite AAAA-MM-JJ ou JJ/MM/AAAA")
    assert expected[str(folder / "inventaire-sites.xlsx")].startswith("une colonne « categorie » dans la première")
    assert expected[str(folder / "reponses-questionnaire.csv")].startswith(
        "la question « Quelle est leur nationalité ? » : chaque section de situation reprend toutes les questions")


def test_the_synthesis_says_what_the_coding_waits_for_before_the_sheets_are_filled():
    before = {"05": {"echantillon": 28}, "06": {"codage": False}, "07": {"personnes_liees": 25}}
    assert synthesis.coding_sentence(before) == (
        "L’échantillon de 28 annonces attend le codage (chapitre 6) : les fiches remplies s’indiquent dans la clé "
        "« donnees.fiches_codage » du fichier de paramètres ; sans attendre, la liaison de toutes les annonces en "
        "trouve 25.")
    coded = {"05": {"echantillon": 28}, "06": {"codage": True, "part_femme": 0.85, "part_public_hommes": 0.9,
                                              "part_indices_reseau": 0.5},
             "07": {"personnes_liees": 25, "taux_doublons": 0.25, "personnes_rapport": 23, "personnes_bas": 21,
                    "personnes_haut": 26}}
    assert synthesis.coding_sentence(coded).replace("\u00a0", " ") == (
        "Dans l’échantillon de 28 annonces codées, 85 % présentent une femme, 90 % s’adressent aux hommes et 50 % "
        "portent au moins un indice de réseau. Avec un taux de doublons de 25 %, 23 personnes (de 21 à 26) seraient "
        "concernées par ces annonces ; la liaison de toutes les annonces en trouve 25.")
