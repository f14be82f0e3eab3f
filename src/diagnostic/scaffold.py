"""`diagnostic nouveau`: a ready folder for a département that starts its own diagnostic.

The folder holds a parameters file naming the département and its files, one Excel
template per input the parameters name (French headers exactly as the readers read them,
one fictitious example row, drop-down lists, a « Notes » sheet), the territories (the
arrondissements by default), the questionnaire of annex 4 as a Google Forms kit and as an
XLSForm for KoboToolbox, and a LISEZMOI saying what to fill, check and build.

Nothing here is typed twice: the columns, their types, whether they are required and
their allowed values come from the readers' pydantic models (`partners`, `inventory`,
`ads`, `press`) and from the instrument (`instrument/questionnaire.yaml`); only the French
explanations of each column are written here.
"""

from __future__ import annotations

import json
import types
import typing
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Literal

import pandas as pd
import yaml
from openpyxl import Workbook
from openpyxl.comments import Comment
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation
from pydantic import BaseModel

from . import ads, coding, geo, inventory, params, partners, press, questionnaire
from .errors import InputError, Problem
from .paths import project_root
from .spreadsheets import style_header, workbook_bytes
from .territories import departements

# --- Columns, from the readers' models --------------------------------------------------

DATE_PATTERN = r"^\d{4}-\d{2}-\d{2}$"
INSEE_PATTERN = r"^(\d{5}|2[AB]\d{3})$"
PATTERN_KINDS = {DATE_PATTERN: "date écrite AAAA-MM-JJ (saisie comme texte)",
                 INSEE_PATTERN: "code INSEE de commune à cinq caractères (texte, zéro initial compris)"}


@dataclass(frozen=True)
class Column:
    """One column of a template, as its reader reads it."""

    name: str
    required: bool
    kind: str
    description: str
    allowed: tuple[str, ...] = ()
    several: bool = False
    if_missing: str = ""
    read: bool = True      # False: a column for the people who fill the file, ignored on reading
    as_text: bool = True   # cells formatted as text, so that Excel keeps "01001" or "2024-03-14"


def literal_values(annotation) -> tuple[str, ...]:
    """The allowed values of a `Literal[...]` annotation, `None` allowed or not."""
    if typing.get_origin(annotation) is Literal:
        return tuple(typing.get_args(annotation))
    if typing.get_origin(annotation) in (typing.Union, types.UnionType):
        for member in typing.get_args(annotation):
            if typing.get_origin(member) is Literal:
                return tuple(typing.get_args(member))
    return ()


def _kind(info) -> tuple[str, bool]:
    """A field's type in words, and whether its cells are text."""
    if literal_values(info.annotation):
        return "une valeur de la liste déroulante", True
    bounds = {name: getattr(m, name) for m in info.metadata for name in ("ge", "pattern")
              if getattr(m, name, None) is not None}
    if info.annotation is int:
        return f"nombre entier ({bounds['ge']} ou plus)" if "ge" in bounds else "nombre entier", False
    if "pattern" in bounds:
        return PATTERN_KINDS[bounds["pattern"]], True
    return "texte", True


def _shown_default(value) -> str:
    return "chaque ligne est lue sans valeur." if value is None else f"chaque ligne prend la valeur « {value} »."


def model_columns(model: type[BaseModel], descriptions: dict[str, str],
                  missing: dict[str, str]) -> tuple[Column, ...]:
    """The columns a reader reads: every field of its model, in order.

    A field without a default is required (a missing column makes the file unreadable);
    an optional column says what its absence means (the default value, and its effect).
    """
    columns = []
    for name, info in model.model_fields.items():
        kind, as_text = _kind(info)
        required = info.is_required()
        if_missing = "" if required else f"{_shown_default(info.default)} {missing[name]}".strip()
        columns.append(Column(name, required, kind, descriptions[name], literal_values(info.annotation),
                              if_missing=if_missing, as_text=as_text))
    return tuple(columns)


def situation_columns() -> tuple[Column, ...]:
    """The interview situations: the questionnaire's situation questions (annex 4), by code."""
    columns = [Column("id_entretien", True, "texte", "Identifiant de l'entretien où la situation a été décrite "
                      "(le même que dans la liste des entretiens)."),
               Column("num_situation", True, "nombre entier (1 ou plus)", "Numéro de la situation dans "
                      "l'entretien : 1, 2, 3…", as_text=False)]
    for q in questionnaire.situation_questions():
        if q.code == "autre_situation":  # the form's navigation, not a description
            continue
        several = q.type == "choix_multiple"
        kind = ("une ou plusieurs valeurs de la liste, séparées par « | »" if several else
                "une valeur de la liste" if q.choix else "texte")
        source = "Question ajoutée par ce manuel à l'annexe 4" if q.addition else "Question de l'annexe 4"
        columns.append(Column(q.code, False, kind, f"{source} : « {q.texte} »", q.choix, several,
                              if_missing="la nature de la situation est « non précisée » : comptée parmi les personnes "
                                         "concernées, jamais parmi les situations probables ou avérées." if q.code == "nature"
                              else "la question n'est pas renseignée pour les situations des entretiens."))
    return tuple(columns)


# --- The French explanations of each column ----------------------------------------------

_YES_NO = "oui ou non"

REGISTRY = {
    "id_structure": "Identifiant de la structure, unique (par exemple S001).",
    "structure": "Nom de la structure, écrit toujours de la même façon (il relie le répertoire aux entretiens "
                 "et aux réponses au questionnaire).",
    "type": "Institution (service de l'État, collectivité, hôpital…) ou association.",
    "champ": "Champ d'activité de la section I-A-1 du rapport : "
             + " ; ".join(f"{code} = {label}" for code, label in partners.FIELD_LABELS.items()) + ".",
    "commune_code": "Code INSEE de la commune de la structure : il la place sur la carte des territoires.",
    "commune": "Nom de la commune (pour vous relire).",
    "mode_contact": "Comment la structure a été sollicitée (relais de la déléguée, courriel, réunion…).",
    "categorie_employeur": "Employeur, regroupé comme la section I-A-4 du rapport : "
                           + " ; ".join(f"{code} = {label}" for code, label in partners.EMPLOYER_LABELS.items())
                           + ".",
    "a_repondu": f"La structure a-t-elle répondu au questionnaire ? ({_YES_NO})",
    "entretien": f"Un entretien a-t-il eu lieu avec elle ? ({_YES_NO})",
    "date_entretien": "Date de l'entretien, s'il a eu lieu.",
}
REGISTRY_MISSING = {
    "commune_code": "Sans code, la structure n'est comptée dans aucun territoire de la carte de couverture.",
    "commune": "",
    "mode_contact": "",
    "categorie_employeur": "Toutes les structures sont alors « Autres » dans le tableau des employeurs.",
    "a_repondu": "Aucune structure ne compte comme ayant répondu : la couverture de l'étape 1 est sous-estimée.",
    "entretien": "Aucune structure ne compte comme rencontrée : la couverture de l'étape 1 est sous-estimée.",
    "date_entretien": "",
}
INTERVIEWS = {
    "id_entretien": "Identifiant de l'entretien, unique (par exemple E01) ; repris dans le fichier des situations.",
    "date": "Date de l'entretien.",
    "structure": "Structure rencontrée, écrite comme dans le répertoire des partenaires.",
    "par_telephone": f"Entretien par téléphone ? ({_YES_NO})",
    "professionnels": "Nombre de professionnel·les rencontré·es lors de l'entretien.",
    "fonctions": "Fonctions des professionnel·les rencontré·es, séparées par « | » "
                 "(par exemple « Éducatrice | Cheffe de service ») ; jamais leurs noms.",
    "situations_identifiees": f"Ont-ils ou elles décrit des situations qu'ils ou elles avaient identifiées ? ({_YES_NO})",
    "deja_repondu_questionnaire": "Parmi les professionnel·les rencontré·es, combien avaient aussi répondu au "
                                  "questionnaire (comptés une seule fois, section I-A-4).",
}
INTERVIEWS_MISSING = {
    "fonctions": "Les professionnel·les rencontré·es sont comptés en fonction « non précisée ».",
    "situations_identifiees": "Les professionnel·les rencontré·es comptent comme n'ayant identifié aucune "
                              "situation : la part de celles et ceux qui en ont identifié baisse.",
    "deja_repondu_questionnaire": "Personne n'est compté deux fois en moins : le total des professionnel·les "
                                  "contributeurs est surestimé si certain·es ont fait les deux.",
}
MILESTONES = {"date": "Date de l'étape.",
              "etape": "Ce qui s'est passé : envoi du questionnaire, relais, relance, réunion…"}
TERRITORIES = {"commune_code": "Code INSEE de la commune (une ligne par commune).",
               "territoire": "Nom du territoire auquel la commune appartient (arrondissement, intercommunalité…)."}
SITES = {
    "site": "Nom du site Internet (une ligne par site), écrit comme dans la fiche de relevé des annonces.",
    "categorie": "Catégorie du site (section I-B-1) : "
                 + " ; ".join(f"{code} = {label}" for code, label in inventory.CATEGORY_LABELS.items()) + ".",
    "annonces": "Nombre d'annonces relevées sur ce site pour le département (0 si aucune).",
    "groupe_miroir": "Une même lettre pour les sites qui affichent les mêmes annonces (sites miroirs).",
    "mode_comptage": "exact si les annonces ont été comptées une à une ; estime si le site est trop grand et "
                     "que le nombre vient de la règle des dix premières pages (annexe 5).",
    "pages": "Pour un site estimé : nombre de pages de résultats du site pour le département.",
    "pertinentes_10_pages": "Pour un site estimé : annonces pertinentes sur chacune des dix premières pages, "
                            "séparées par « ; » (par exemple 3;1;0;2;2;1;0;0;1;2).",
    "date_collecte": "Jour où les annonces du site ont été comptées (AAAA-MM-JJ ou JJ/MM/AAAA).",
    **{column: f"Grille de description des sites (annexe 5) : {label} ? ({_YES_NO})"
       for column, label in inventory.GRID.items()},
}
SITES_MISSING = {
    "groupe_miroir": "Aucun site n'est tenu pour le miroir d'un autre : des annonces affichées sur plusieurs "
                     "sites sont comptées plusieurs fois.",
    "mode_comptage": "Tous les nombres sont tenus pour des comptages exacts.",
    "pages": "", "pertinentes_10_pages": "", "date_collecte": "La date de comptage de chaque site n'est pas connue.",
    **{column: "Le site n'est pas décrit pour cette caractéristique (absent de la base du tableau)."
       for column in inventory.GRID},
}
ADS = {
    "id_annonce": "Identifiant de l'annonce, unique (par exemple A0001).",
    "site": "Site où l'annonce a été vue, écrit comme dans l'inventaire des sites.",
    "date_collecte": "Date du relevé.",
    "commune_declaree": "Commune telle que l'annonce l'écrit (elle est rattachée ensuite à son code INSEE).",
    "titre": "Titre de l'annonce, tel quel.",
    "texte": "Texte de l'annonce, tel quel (numéros et adresses y sont masqués à la lecture).",
    "telephone": "Numéro de téléphone tel qu'écrit (pseudonymisé à la lecture, jamais affiché ; un numéro "
                 "que le site masque, « 06 39 98 XX XX », n'est pas un numéro).",
    "pseudo": "Pseudo de l'annonce (pseudonymisé à la lecture, jamais affiché).",
    "age_declare": "Âge écrit dans l'annonce, s'il y en a un.",
}
ADS_MISSING = {
    "date_collecte": "Les dates de collecte ne sont pas affichées ni comparées entre deux relevés.",
    "commune_declaree": "Aucune annonce n'est rattachée à une commune : pas de carte des annonces.",
    "titre": "", "texte": "Les textes ne servent ni au repérage des annonces proches ni au codage.",
    "telephone": "Les annonces d'une même personne ne sont pas reliées par leur numéro.",
    "pseudo": "Les annonces d'une même personne ne sont pas reliées par leur pseudo.",
    "age_declare": "",
}
RISK_PLACES = {"type": "Type de lieu (sex-shop avec cabines, salon de massage, club…).",
               "nom": "Nom du lieu.", "commune": "Commune du lieu."}
CLIENT_ADS = {"id_annonce_client": "Identifiant de l'annonce de « client », unique.",
              "date": "Date de l'annonce.", "commune_declaree": "Commune telle que l'annonce l'écrit.",
              "texte": "Texte de l'annonce (numéros et adresses masqués à la lecture)."}
FORUM = {"id_discussion": "Identifiant de la discussion.", "commune": "Commune dont parle la discussion.",
         "pseudonymes": "Nombre de pseudonymes différents qui y participent."}
PRESS = {"date": "Date de parution de l'article.", "titre": "Titre de l'article, tel que le journal l'a imprimé.",
         "source": "Journal ou site d'information (La Voix du Nord, Nord Littoral…).",
         "commune": "Commune dont parle l'article, telle qu'il l'écrit (rattachée ensuite à son code INSEE).",
         "forme": "Forme de prostitution dont parle l'article, dans la légende de la carte des lieux et des formes "
                  "du rapport (section III) ; « Forme(s) de prostitution inconnue(s) » si l'article n'en dit rien."}
PRESS_MISSING = {"commune": "Aucun article n'est rattaché à une commune : pas de croisement par arrondissement."}


# --- The templates ----------------------------------------------------------------------

@dataclass(frozen=True)
class Template:
    """One input file the parameters name, and how its reader reads it."""

    key: str                     # the key under `donnees` in the parameters file
    file: str
    sheet: str
    title: str
    columns: tuple[Column, ...]
    reader: Callable
    example: dict = field(default_factory=dict)


def templates(commune_code: str, commune: str) -> tuple[Template, ...]:
    """Every template, its example row set in the département's commune `commune`."""
    structure = "EXEMPLE Association fictive (ligne à supprimer)"
    return (
        Template("partenaires", "partenaires.xlsx", "partenaires", "Répertoire des partenaires (étape 1)",
                 model_columns(partners.Structure, REGISTRY, REGISTRY_MISSING), partners.read_registry,
                 {"id_structure": "EXEMPLE-S01", "structure": structure, "type": "association",
                  "champ": partners.FIELDS[0], "commune_code": commune_code, "commune": commune,
                  "mode_contact": "relais de la déléguée départementale",
                  "categorie_employeur": "association_accompagnement", "a_repondu": "oui", "entretien": "oui",
                  "date_entretien": "2024-03-14"}),
        Template("entretiens", "entretiens.xlsx", "entretiens", "Liste des entretiens (étape 1, annexe 3)",
                 model_columns(partners.Interview, INTERVIEWS, INTERVIEWS_MISSING), partners.read_interviews,
                 {"id_entretien": "EXEMPLE-E01", "date": "2024-03-14", "structure": structure,
                  "par_telephone": "non", "professionnels": 2, "fonctions": "Éducatrice spécialisée | Cheffe de service",
                  "situations_identifiees": "oui", "deja_repondu_questionnaire": 1}),
        Template("situations_entretiens", "situations-entretiens.xlsx", "situations",
                 "Situations décrites en entretien (étapes 2 et 3, variables de l'annexe 4)",
                 situation_columns(), partners.read_interview_situations,
                 {"id_entretien": "EXEMPLE-E01", "num_situation": 1, "nb_personnes": "2", "sexe": "Des femmes",
                  "age": "18-25 ans | 26-35 ans", "nationalite": "Hors Union Européenne",
                  "situation_familiale": "Seul.e sans enfants", "logement": "Hôtel / Via le 115",
                  "situation_professionnelle": "Etranger.e sans titre de travail",
                  "situation_financiere": "Sans ressources", "parcours": "Exemple fictif : rupture familiale",
                  "forme": "Appartement | Via Internet", "zones": commune, "proxenete": "Je ne sais pas",
                  "reseau": "Non"}),
        Template("calendrier", "calendrier-mobilisation.xlsx", "calendrier", "Calendrier de la mobilisation (étape 1)",
                 model_columns(partners.Milestone, MILESTONES, {}), partners.read_milestones,
                 {"date": "2024-01-15", "etape": "EXEMPLE à supprimer : envoi du questionnaire par la déléguée "
                                                 "départementale"}),
        Template("inventaire_sites", "inventaire-sites.xlsx", "sites", "Inventaire des sites (étape 4, annexe 5)",
                 model_columns(inventory.Site, SITES, SITES_MISSING), inventory.read,
                 {"site": "exemple-a-supprimer.example", "categorie": inventory.CATEGORIES[0], "annonces": 1,
                  "mode_comptage": "exact", "options_payantes": "oui", "abonnement": "non",
                  "inscription_payante": "non", "avertissement_cgu": "oui"}),
        Template("annonces", "annonces.xlsx", "annonces", "Fiche de relevé des annonces (étape 4)",
                 model_columns(ads.Ad, ADS, ADS_MISSING), ads.read_ads,
                 {"id_annonce": "EXEMPLE-A0001", "site": "exemple-a-supprimer.example", "date_collecte": "2024-02-01",
                  "commune_declaree": commune, "titre": "EXEMPLE fictif à supprimer",
                  "texte": "Annonce fictive : recopier le texte tel qu'il est écrit.",
                  "telephone": "06 39 98 xx xx (recopier le numéro tel qu'il est écrit)",
                  "pseudo": "Exemple", "age_declare": "25"}),
        Template("lieux_a_risque", "lieux-a-risque.xlsx", "lieux", "Lieux « à haut risque prostitutionnel » (étape 4)",
                 model_columns(ads.RiskPlace, RISK_PLACES, {"nom": ""}), ads.read_risk_places,
                 {"type": "Salon de massage", "nom": "EXEMPLE fictif à supprimer", "commune": commune}),
        Template("annonces_clients", "annonces-clients.xlsx", "annonces_clients",
                 "Annonces de « clients » (étape 4, section V-B)",
                 model_columns(ads.ClientAd, CLIENT_ADS, {"commune_declaree": "", "texte": ""}), ads.read_client_ads,
                 {"id_annonce_client": "EXEMPLE-C01", "date": "2024-02-03", "commune_declaree": commune,
                  "texte": "EXEMPLE fictif à supprimer"}),
        Template("forum", "forum-discussions.xlsx", "discussions", "Discussions de forum de « clients » (étape 4)",
                 model_columns(ads.ForumDiscussion, FORUM, {}), ads.read_forum,
                 {"id_discussion": "EXEMPLE-F01", "commune": commune, "pseudonymes": 2}),
        Template("revue_presse", "revue-presse.xlsx", "articles", "Revue de presse (étape 4, annexe 2)",
                 model_columns(press.Article, PRESS, PRESS_MISSING), press.read_press,
                 {"date": "2024-02-05", "titre": "EXEMPLE fictif à supprimer", "source": "Nom du journal",
                  "commune": commune, "forme": press.FORMS[1]}),
    )


def territories_template() -> Template:
    """The territories file: every commune with its territory (no example row: real data)."""
    columns = model_columns(partners.Territory, TERRITORIES, {})
    named = Column("commune", False, "texte", "Nom de la commune, pour vous relire (non lu par le manuel).",
                   read=False, if_missing="rien ne change : la colonne n'est pas lue.")
    return Template("territoires", "territoires.xlsx", "territoires",
                    "Territoires de la couverture (étape 1) : les arrondissements, ou votre découpage",
                    (columns[0], named, columns[1]), partners.read_territories)


# --- Writing the workbooks --------------------------------------------------------------

TEMPLATE_ROWS = 1000  # drop-down lists and text formats cover the rows 2 to 1000
_EXAMPLE_FILL = PatternFill("solid", fgColor="FFF2CC")
EXAMPLE_NOTE = "Ligne d'exemple fictive : supprimez-la avant de saisir vos données."
NOTES_HEADER = ["colonne", "obligatoire", "type", "valeurs permises", "description", "si la colonne manque"]


def _allowed_text(column: Column) -> str:
    return " ; ".join(column.allowed)


def notes_rows(template: Template) -> list[list[str]]:
    """The « Notes » sheet: one row per column (required, type, allowed values, meaning)."""
    rows = []
    for column in template.columns:
        missing = "le fichier est refusé" if column.required else column.if_missing
        rows.append([column.name, "oui" if column.required else "non", column.kind, _allowed_text(column),
                     column.description, missing])
    return rows


def _validation(column: Column, list_range: str) -> DataValidation:
    rule = DataValidation(type="list", formula1=list_range, allow_blank=True)
    rule.showErrorMessage = True
    if column.several:
        rule.errorStyle = "warning"
        rule.errorTitle = "Plusieurs réponses ?"
        rule.error = "Plusieurs réponses s'écrivent séparées par « | », chacune prise dans la liste."
    else:
        rule.errorTitle = "Valeur non prévue"
        rule.error = "Choisissez une valeur de la liste : " + ", ".join(column.allowed) + "."
    return rule


def template_workbook(template: Template, rows: list[dict]) -> Workbook:
    """The template: the data sheet (header, rows), « Notes », and « Listes » (drop-down values)."""
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = template.sheet
    names = [c.name for c in template.columns]
    sheet.append(names)
    for row in rows:
        sheet.append([row.get(name) for name in names])
    style_header(sheet)
    notes = workbook.create_sheet("Notes")
    lists = workbook.create_sheet("Listes")
    notes.append([template.title])
    notes.append(["Une ligne par colonne de la feuille « " + template.sheet + " » : ne renommez pas les colonnes. "
                  "Les listes déroulantes donnent les valeurs permises (feuille « Listes »)."])
    if template.example:
        notes.append(["La ligne 2 (en jaune) est un exemple fictif : supprimez-la avant de saisir vos données."])
    notes.append([])
    notes.append(NOTES_HEADER)
    for row in notes_rows(template):
        notes.append(row)
    style_header(notes, row=notes.max_row - len(template.columns))
    notes["A1"].font = Font(bold=True)
    for letter, width in zip("ABCDEF", (26, 12, 30, 45, 70, 60)):
        notes.column_dimensions[letter].width = width
    list_column = 0
    for index, column in enumerate(template.columns, start=1):
        letter = get_column_letter(index)
        sheet.column_dimensions[letter].width = min(45, max(12, len(column.name) + 4))
        if column.as_text:
            sheet.column_dimensions[letter].number_format = "@"
            for cells in sheet.iter_rows(min_row=2, min_col=index, max_col=index):
                cells[0].number_format = "@"
        if column.allowed:
            list_column += 1
            target = get_column_letter(list_column)
            lists.cell(row=1, column=list_column, value=column.name)
            for k, value in enumerate(column.allowed, start=2):
                lists.cell(row=k, column=list_column, value=value)
            rule = _validation(column, f"Listes!${target}$2:${target}${len(column.allowed) + 1}")
            rule.add(f"{letter}2:{letter}{TEMPLATE_ROWS}")
            sheet.add_data_validation(rule)
    if list_column:
        style_header(lists)
    else:
        workbook.remove(lists)
    if template.example:
        for cell in sheet[2]:
            cell.fill = _EXAMPLE_FILL
        sheet["A2"].comment = Comment(EXAMPLE_NOTE, "diagnostic nouveau")
    for row in notes.iter_rows(min_row=1):
        for cell in row:
            cell.alignment = Alignment(wrap_text=True, vertical="top")
    return workbook


def _write_new(path: Path, content: bytes | str) -> Path:
    """Write a file that must not exist yet (never overwrite a user's file)."""
    data = content.encode("utf-8") if isinstance(content, str) else content
    with open(path, "xb") as handle:
        handle.write(data)
    return path


# --- The questionnaire kit --------------------------------------------------------------

SITUATION_SECTIONS = 10  # situation sections of the Google form (respondents describe up to this many)
_KINDS = {"texte": "réponse courte", "entier": "réponse courte (nombre entier)",
          "choix_unique": "choix multiples (une seule réponse)", "choix_multiple": "cases à cocher (plusieurs réponses)"}


def _instrument() -> dict:
    return yaml.safe_load(questionnaire.INSTRUMENT.read_text(encoding="utf-8"))


def forms_guide(departement: str) -> str:
    """`questionnaire-google-forms.md`: how to build the form so that its export is read as it is."""
    data = _instrument()
    lines = [f"# Questionnaire de l'annexe 4 dans Google Forms — {departement}", "",
             "Le manuel lit l'export du formulaire tel quel si le formulaire suit **exactement** ce document : "
             "mêmes questions, **même libellé au caractère près**, même ordre, mêmes choix.", "",
             "## Le plus simple : le script", "",
             "1. Dans Google Drive : Nouveau > Plus > Google Apps Script.",
             "2. Remplacez le contenu par celui de `creer-formulaire.gs`, enregistrez, puis exécutez "
             "la fonction `creerFormulaire` (autorisez l'accès à vos formulaires).",
             "3. Le journal d'exécution donne l'adresse du formulaire créé : relisez-le, puis publiez-le.", "",
             "## Construire le formulaire à la main", "",
             "- Une **section** par partie ci-dessous ; les questions dans l'ordre, libellés copiés tels quels.",
             "- « réponse courte » : question Réponse courte ; « choix multiples » : Choix multiples ; "
             "« cases à cocher » : Cases à cocher. Les choix s'écrivent exactement comme ci-dessous ; "
             "« Autre » est un choix comme les autres (pas l'option « Autre » de Google Forms).",
             f"- La partie « Description des situations » est **répétée** : créez {SITUATION_SECTIONS} sections "
             "« Situation n°1 », « Situation n°2 »… Chaque section répète **toutes** les questions de la "
             "situation, **dans le même ordre**, y compris la dernière, « Décrire une autre situation ? », "
             "même dans la dernière section : une section plus courte décale les réponses des suivantes.",
             "- « Décrire une autre situation ? » : activez « Aller à la section en fonction de la réponse » ; "
             "« Oui » mène à la section de la situation suivante, « Non, passer à la rubrique suivante » à la "
             "partie II (dans la dernière section de situation, les deux mènent à la partie II).",
             "- Ne collectez pas les adresses e-mail (paramètre du formulaire) : les coordonnées sont déjà "
             "demandées, et le manuel les écarte dès la lecture.", "",
             "## Exporter les réponses", "",
             "Onglet Réponses > « Associer à Sheets », puis dans la feuille : Fichier > Télécharger > "
             "Valeurs séparées par des virgules (.csv). Gardez le fichier tel quel (ne renommez pas les "
             "colonnes, ne supprimez pas de ligne) et indiquez son chemin dans la clé `donnees.questionnaire` "
             "du fichier de paramètres.", "",
             "Avec KoboToolbox : déployez `questionnaire-kobotoolbox-xlsform.xlsx` (le même questionnaire, "
             "les situations en groupe répété) et exportez les réponses en `.xlsx` (« XML values and headers »).",
             "", "## Les questions, dans l'ordre", ""]
    for section in data["sections"]:
        repeated = section.get("groupe") == "situation"
        lines += [f"### {section['titre']}" + (f" (section répétée {SITUATION_SECTIONS} fois)" if repeated else ""),
                  ""]
        for number, q in enumerate(section["questions"], start=1):
            lines.append(f"{number}. « {q['texte']} » — {_KINDS[q['type']]}"
                         + (f" ({questionnaire.ADDITION_NOTE})" if q.get("ajout_manuel") else ""))
            lines += [f"   - {choice}" for choice in q.get("choix", ())]
        lines.append("")
    return "\n".join(lines)


def _js(text: str) -> str:
    return json.dumps(text, ensure_ascii=False)


def _js_question(q: dict, indent: str = "  ") -> list[str]:
    title = _js(q["texte"]) + (f").setHelpText({_js(questionnaire.ADDITION_NOTE)}" if q.get("ajout_manuel") else "")
    choices = "[" + ", ".join(_js(c) for c in q.get("choix", ())) + "]"
    if q["type"] == "choix_multiple":
        return [f"{indent}form.addCheckboxItem().setTitle({title}).setChoiceValues({choices});"]
    if q["type"] == "choix_unique":
        return [f"{indent}form.addMultipleChoiceItem().setTitle({title}).setChoiceValues({choices});"]
    if q["type"] == "entier":
        return [f"{indent}form.addTextItem().setTitle({title})",
                f"{indent}    .setValidation(FormApp.createTextValidation().requireWholeNumber().build());"]
    return [f"{indent}form.addTextItem().setTitle({title});"]


def apps_script(departement: str) -> str:
    """`creer-formulaire.gs`: a Google Apps Script that builds the form of annex 4.

    One function per section, in the instrument's order; the situation section is added
    `NOMBRE_SITUATIONS` times, each ending with « Décrire une autre situation ? » that
    leads to the next situation or to part II.
    """
    data = _instrument()
    last = next(q for s in data["sections"] if s.get("groupe") == "situation" for q in s["questions"][-1:])
    yes, no = last["choix"]
    lines = [f"// Crée le questionnaire de l'annexe 4 dans Google Forms ({departement}).",
             "// Écrit par « diagnostic nouveau » à partir de instrument/questionnaire.yaml : ne changez ni les",
             "// libellés ni l'ordre des questions, le manuel lit l'export des réponses par ces libellés.",
             "// Exécutez la fonction creerFormulaire ; le journal donne l'adresse du formulaire.", "",
             f"var NOMBRE_SITUATIONS = {SITUATION_SECTIONS};", ""]
    calls = []
    for number, section in enumerate(data["sections"]):
        name = "section_" + section["code"]
        if section.get("groupe") == "situation":
            lines += [f"function {name}(form, numero) {{",
                      f"  var page = form.addPageBreakItem().setTitle({_js(section['titre'])} + \" — situation n°\" + numero);"]
            for q in section["questions"][:-1]:
                lines += _js_question(q)
            lines += [f"  var suite = form.addMultipleChoiceItem().setTitle({_js(last['texte'])});",
                      "  return {page: page, suite: suite};", "}", ""]
            calls += ["  var situations = [];",
                      "  for (var numero = 1; numero <= NOMBRE_SITUATIONS; numero++) {",
                      f"    situations.push({name}(form, numero));", "  }"]
        elif number == 0:
            lines += [f"function {name}(form) {{", f"  form.addSectionHeaderItem().setTitle({_js(section['titre'])});"]
            lines += [line for q in section["questions"] for line in _js_question(q)] + ["}", ""]
            calls.append(f"  {name}(form);")
        else:
            lines += [f"function {name}(form) {{",
                      f"  var page = form.addPageBreakItem().setTitle({_js(section['titre'])});"]
            lines += [line for q in section["questions"] for line in _js_question(q)] + ["  return page;", "}", ""]
            follows_situations = calls and calls[-1] == "  }" and not any("partie2" in c for c in calls)
            calls.append(f"  var partie2 = {name}(form);" if follows_situations else f"  {name}(form);")
    lines += ["function creerFormulaire() {",
              f"  var form = FormApp.create({_js(data['titre'] + ' — ' + departement)});",
              "  form.setCollectEmail(false);", *calls,
              "  // « Décrire une autre situation ? » : la situation suivante, ou la partie II.",
              "  for (var i = 0; i < situations.length; i++) {",
              "    var suivante = i + 1 < situations.length ? situations[i + 1].page : partie2;",
              "    var suite = situations[i].suite;",
              f"    suite.setChoices([suite.createChoice({_js(yes)}, suivante), suite.createChoice({_js(no)}, partie2)]);",
              "  }",
              "  Logger.log(\"Formulaire créé : \" + form.getEditUrl());", "}", ""]
    return "\n".join(lines)


# --- The parameters file and the LISEZMOI ------------------------------------------------

def parameters_text(code: str, paths: dict[str, str]) -> str:
    """The département's parameters file, every key commented in French."""
    name = departements()[code]
    defaults_coding, defaults_dedup = params.Codage(), params.Deduplication()
    defaults_situations, defaults_privacy = params.Situations(), params.Confidentialite()
    titles = {t.key: t.title for t in templates("", "")} | {"territoires": territories_template().title}
    lines = [f"# Paramètres du diagnostic : {name}, écrits par « diagnostic nouveau ».",
             "# Chaque clé est expliquée dans le chapitre « Réutiliser ce manuel dans votre département ».",
             "# Les chemins sont relatifs au dossier du projet, ou absolus. Les nombres décimaux",
             "# s'écrivent avec un point (0.05).", "",
             "# titre: (facultatif) par défaut « Diagnostic départemental de la prostitution — " + name + " »", "",
             "departement:",
             f"  # Code INSEE du département, entre guillemets ({name})",
             f"  code: \"{code}\"", "",
             "donnees:",
             "  # reelles : les données de votre diagnostic (synthetiques : fictives ; publiees : un rapport publié)",
             "  nature: reelles"]
    for key, path in paths.items():
        lines += [f"  # {titles[key]}", f"  {key}: {path}"]
    lines += ["  # Export du questionnaire (Google Forms .csv ou KoboToolbox .xlsx, voir",
              "  # questionnaire-google-forms.md) : décommentez quand il existe.",
              f"  # questionnaire: {Path(paths['partenaires']).parent.as_posix()}/reponses-questionnaire.csv",
              "  # Deuxième relevé des annonces, quelques mois plus tard (même modèle que annonces.xlsx)",
              "  # annonces_vague2: …",
              "  # Corrections des communes non reconnues dans les annonces (colonnes saisie, code_insee)",
              "  # corrections_communes: …",
              "  # Décisions sur les paires de situations candidates (colonnes id_a, id_b, decision)",
              "  # decisions_doublons: …",
              "  # Fiches de codage remplies (étape 6), produites par le chapitre de codage, une par codeur",
              "  # fiches_codage: [ …/codage-A.xlsx, …/codage-B.xlsx ]", "",
              "echantillonnage:",
              "  # Marge d'erreur de la formule de Cochran : 5 %, celle du rapport",
              "  marge_erreur: 0.05",
              "  # Niveau de confiance : 95 %, celui du rapport",
              "  niveau_confiance: 0.95",
              "  # Proportion supposée : 0,5, l'hypothèse la plus prudente (échantillon le plus grand)",
              "  proportion_attendue: 0.5",
              "  # Graine du tirage des annonces à coder : même graine, même échantillon (notez-la)",
              "  graine: 1", "",
              "codage:",
              "  # Identifiants des codeurs et codeuses (lettres ou initiales, jamais de nom)",
              f"  codeurs: [{', '.join(defaults_coding.codeurs)}]",
              "  # Annonces codées par les deux premiers, pour mesurer leur accord",
              f"  double_codage: {defaults_coding.double_codage}",
              "  # Graine du choix des annonces codées deux fois",
              f"  graine: {defaults_coding.graine}", "",
              "situations:",
              "  # Ressemblance minimale de deux descriptions pour reconnaître une même situation",
              f"  similarite_min: {defaults_situations.similarite_min}",
              "  # Rééchantillonnages de l'intervalle de l'estimation par systèmes multiples",
              f"  bootstrap: {defaults_situations.bootstrap}",
              "  # Graine de ces rééchantillonnages",
              f"  graine: {defaults_situations.graine}", "",
              "deduplication:",
              "  # Ressemblance (0 à 1) à partir de laquelle deux textes d'annonces sont « proches »",
              f"  seuil_texte_proche: {defaults_dedup.seuil_texte_proche}",
              "  # Mondes simulés pour juger l'estimation du nombre de personnes (0 : aucun)",
              f"  mondes_monte_carlo: {defaults_dedup.mondes_monte_carlo}",
              "  # Graine de ces simulations",
              f"  graine: {defaults_dedup.graine}", "",
              "communes:",
              "  # Formes courtes des communes dans les annonces et la commune officielle qu'elles",
              "  # désignent, par exemple {Forme courte: Nom officiel}",
              "  alias: {}", "",
              "confidentialite:",
              "  # Effectifs de personnes inférieurs à ce seuil masqués dans les tableaux et les cartes",
              f"  seuil_petits_effectifs: {defaults_privacy.seuil_petits_effectifs}", ""]
    return "\n".join(lines)


def readme_text(code: str, parameters_file: str, files: list[Template]) -> str:
    """The folder's LISEZMOI: what to fill, in order; how to check; how to build."""
    name = departements()[code]
    lines = [f"# Diagnostic départemental — {name} ({code})", "",
             "Ce dossier a été écrit par `diagnostic nouveau`. Les modèles `.xlsx` s'ouvrent dans Excel ou "
             "LibreOffice ; chacun a une feuille « Notes » qui explique chaque colonne (obligatoire ou non, "
             "type, valeurs permises, ce que change son absence) et des listes déroulantes pour les valeurs "
             "fermées. Ne renommez pas les colonnes. La ligne 2 en jaune est un exemple fictif : "
             "supprimez-la.", "",
             "## 1. Remplir, dans cet ordre", ""]
    for number, template in enumerate(files, start=1):
        done = "" if template.example else " Déjà rempli (les arrondissements) : à remplacer seulement par un autre découpage."
        lines.append(f"{number}. `{template.file}` — {template.title}.{done}")
    lines += ["", "Le questionnaire des professionnel·les : construisez le formulaire avec "
              "`creer-formulaire.gs` (Google Forms, voir `questionnaire-google-forms.md`) ou déployez "
              "`questionnaire-kobotoolbox-xlsform.xlsx` (KoboToolbox) ; à la fin de la collecte, "
              "enregistrez l'export dans ce dossier et indiquez-le dans la clé `donnees.questionnaire` de "
              f"`{parameters_file}`.", "",
              "Les fichiers que vous n'utilisez pas : supprimez leur ligne dans le fichier de paramètres "
              "(seul l'inventaire des sites est indispensable).", "",
              "## 2. Vérifier", "",
              "Depuis le dossier du projet :", "", "```",
              f"diagnostic verifier --params {parameters_file}", "```", "",
              "La commande lit chaque fichier sans rien construire et dit en français, pour chaque problème, "
              "le fichier, la ligne, la colonne, la valeur trouvée et la valeur attendue.", "",
              "## 3. Construire le livre", "", "```",
              f"diagnostic run --params {parameters_file}", "```", "",
              "La première construction réussit avant tout codage : les chapitres qui attendent les fiches "
              "remplies le disent. Le chapitre de codage écrit une fiche vierge par codeur ou codeuse (listes "
              f"déroulantes) dans le dossier `{coding.sheets_folder(code)}` du projet, hors du livre publié, "
              "où elle reste même si une construction suivante échoue. Une fois remplies, indiquez-les dans "
              "la clé `donnees.fiches_codage` et reconstruisez.", ""]
    return "\n".join(lines)


# --- The reuse chapter and the book's templates ----------------------------------------

CHAPTER_START = "<!-- colonnes des modèles : début (écrit par diagnostic.scaffold.refresh_book) -->"
CHAPTER_END = "<!-- colonnes des modèles : fin -->"
BOOK_EXAMPLE = "49"  # the book's templates are those of its fictitious example, Maine-et-Loire


def _cell(text: str) -> str:
    return text.replace("|", "\\|")


def columns_markdown() -> str:
    """One table per template (column, required, type, allowed values, meaning): the reuse chapter's."""
    lines = []
    for template in (*templates("", ""), territories_template()):
        lines += [f"### `{template.file}` — {template.title}", "",
                  f"Clé `donnees.{template.key}` ; feuille « {template.sheet} ».", "",
                  "| colonne | obligatoire | type | valeurs permises | description ; si la colonne manque |",
                  "|---|---|---|---|---|"]
        for name, required, kind, allowed, description, missing in notes_rows(template):
            lines.append(f"| `{name}` | {required} | {_cell(kind)} | {_cell(allowed)} | "
                         f"{_cell(description)} ; *{_cell(missing)}* |")
        lines.append("")
    return "\n".join(lines)


def chapter_with_columns(text: str) -> str:
    """The reuse chapter with its generated block of column tables replaced by the current one."""
    start, end = text.index(CHAPTER_START) + len(CHAPTER_START), text.index(CHAPTER_END)
    return text[:start] + "\n\n" + columns_markdown() + "\n" + text[end:]


def refresh_book(root: Path | None = None) -> None:
    """Rewrite `book/modeles/` (the templates of the example département) and the column tables of
    the reuse chapter, from the readers' models (`make modeles`)."""
    root = root or project_root()
    models = root / "book" / "modeles"
    for path in models.glob("*"):
        path.unlink()
    write_templates(models, BOOK_EXAMPLE, root)
    chapter = root / "book" / "reutiliser.md"
    chapter.write_text(chapter_with_columns(chapter.read_text(encoding="utf-8")), encoding="utf-8")


# --- The folder -------------------------------------------------------------------------

def example_commune(territories: pd.DataFrame) -> tuple[str, str]:
    """The commune of the example rows: the seat of the département's first arrondissement."""
    seats = territories.drop_duplicates("territoire_code").sort_values("territoire_code")["territoire"]
    names = territories.set_index("commune")["commune_code"]
    for seat in seats:
        if seat in names.index:
            return str(names[seat]), seat
    first = territories.sort_values("commune_code").iloc[0]
    return str(first["commune_code"]), str(first["commune"])


def write_templates(folder: Path, code: str, root: Path | None = None) -> list[Path]:
    """The templates, the territories (arrondissements) and the questionnaire kit, in `folder`."""
    name = departements()[code]
    arrondissements = geo.arrondissement_territories(code, root).sort_values("commune_code")
    commune_code, commune = example_commune(arrondissements)
    written = []
    for template in templates(commune_code, commune):
        rows = [template.example] if template.example else []
        written.append(_write_new(folder / template.file, workbook_bytes(template_workbook(template, rows))))
    territory = territories_template()
    written.append(_write_new(folder / territory.file, workbook_bytes(
        template_workbook(territory, arrondissements.to_dict("records")))))
    written.append(_write_new(folder / "questionnaire-google-forms.md", forms_guide(name)))
    written.append(_write_new(folder / "creer-formulaire.gs", apps_script(name)))
    written.append(_write_new(folder / "questionnaire-kobotoolbox-xlsform.xlsx",
                              workbook_bytes(_xlsform_workbook())))
    return written


def _xlsform_workbook() -> Workbook:
    workbook = Workbook()
    workbook.remove(workbook.active)
    for sheet_name, table in questionnaire.xlsform_tables().items():
        sheet = workbook.create_sheet(sheet_name)
        sheet.append(list(table.columns))
        for row in table.itertuples(index=False):
            sheet.append(list(row))
        style_header(sheet)
    return workbook


def _shown_path(path: Path, root: Path | None) -> str:
    """A path for the parameters file: relative to the project if inside it, else absolute."""
    path = path.resolve()
    if root is not None:
        try:
            return path.relative_to(root.resolve()).as_posix()
        except ValueError:
            pass
    return path.as_posix()


def create(code: str, folder: str | Path, root: Path | None = None) -> list[Path]:
    """Write the ready folder of département `code` into `folder` (new or empty); return its files."""
    folder = Path(folder)
    code = str(code).upper()
    if code not in departements():
        raise InputError("ligne de commande", [Problem("option --departement", code, "un code INSEE de département existant : 01 à 95, "
                                                   "2A et 2B pour la Corse, 971 à 976 pour l'outre-mer")])
    if folder.exists() and (not folder.is_dir() or any(folder.iterdir())):
        raise InputError(folder, [Problem("dossier", str(folder), "un dossier nouveau ou vide : "
                                          "« diagnostic nouveau » ne remplace aucun fichier existant")])
    root = root or project_root()
    folder.mkdir(parents=True, exist_ok=True)
    written = write_templates(folder, code, root)
    files = [*templates("", ""), territories_template()]
    paths = {t.key: _shown_path(folder / t.file, root) for t in files}
    parameters_file = folder / f"parametres-{code.lower()}.yaml"
    written.append(_write_new(parameters_file, parameters_text(code, paths)))
    written.append(_write_new(folder / "LISEZMOI.md",
                              readme_text(code, _shown_path(parameters_file, root), files)))
    return written
