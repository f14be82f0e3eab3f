"""Fifteenth synthetic world: online sex-work ads collected in the Isère (38).

A collection team's sheet (``SHEET_COLUMNS``) and its hidden truth
(``TRUTH_COLUMNS``: which person each ad presents, and that person's network).
Everything is fiction: invented ``.example`` sites, phone numbers only in the
ARCEP ranges reserved for fiction, pseudonyms built on common first names,
texts composed from generic phrases written for this module.  The places are
real communes of the Isère (INSEE codes and postcodes of the reference tables).

DATA SHEET
==========

Taken from the report (Amicale du Nid, Diagnostic Pas-de-Calais, 2020)
----------------------------------------------------------------------
* 699 ads for 273 persons, i.e. a 61 % duplicate rate (II-B, synthèse):
  ``persons_for_ads(699) == 273``.
* Collection from 20 September to 5 December 2018, 77 days (I-B-1, III-D):
  ``collection_days(699) == 77`` and the window starts on 2018-09-20.
* 39 sites in three families plus one massage-salon directory (I-B-1,
  Annexe 5-1-a).  Site weights copy the counts of the II-B table: escorting
  58 % (two big directories, as escorts69/sexemodel), classifieds 15 %,
  dating 27 %; sites with 0 ads in the report get a tiny weight.
* Dating sites re-publish the same contents (II-B "sites reprenant les mêmes
  contenus", Annexe 5-1-a "contenus identiques"): a family of 11 mirror sites
  where one posting appears on up to 11 sites with identical text; this is the
  main source of duplicates (II-B).
* Escorting sites: standardised profile cards, systematic for agencies,
  "incall/outcall" jargon, glamour tone, a first name always shown, tours with
  dates in several countries, several languages (Annexe 5-1-a, V-A-4).
  Dating sites: short texts, mistakes, titles built on a physical or
  "ethnic" category or a nationality, rarely a phone (Annexe 5-1-a).
  Classifieds: first person, shorter, phone often in the text.
* Prostitution is never named: "moment", "détente", "compagnie"; conditions
  (no hidden numbers, no sms, hygiène, discrétion), "photos réelles",
  "je vous attends", "je peux me déplacer", "appartement climatisé" (II-B).
* 18 % of ads present the person as "de passage" (III-D); tours organised by
  networks in rented flats, a few days to weeks per town (III-B-1, V-A-2,
  Annexe 5-2); mobility "sur le secteur pendant toute la saison" (II-B) and
  a tourist-season effect (III-D; transposed to the ski resorts).
* 80 % of ads in five agglomerations, ~30 communes including very rural ones
  (III-D).  Transposed: Grenoble metropolis, Nord-Isère (Bourgoin-Jallieu,
  L'Isle-d'Abeau, Villefontaine...), Vienne, Voiron; plus the Rhône valley,
  ski resorts and rural communes.
* Persons in the ads: 84 % women, 7 % men, 9 % trans persons (IV-A-1); trans
  persons mostly from Latin America and exploited by networks (IV-A-1).
* Age stated in 47 % of ads (53 % without), mean 30, declarative and possibly
  false (IV-A-2); sites forbid minors, so no declared age under 18.
* Origin stated for 58 % of persons, 20 % of them French; foreign origins from
  Latin America, Europe, Asia, Africa (IV-A-3), and categories rather than
  nationalities ("latine", "métisse", "asiatique", "méditerranéenne"...).
* Networks (V-A-2, V-A-4): international agencies on escort sites,
  East-European / South-American / Asian tour networks in flats, a
  massage salon (III-B-2, two Chinese women), and local pimping of a few
  persons (V-A-1, press review: "il avait monté un réseau").  Clues of the
  "faisceau d'indices" (V-A-4), all generated: similar wording and the same
  spelling mistakes for different persons; the same pseudo for two persons;
  same categories, same town and same dates; the same phone number, or
  numbers where only the last two digits vary; third-person wording; English;
  incoherent ages / pseudos / categories across ads of one person; "de
  passage", "pour quelques jours", "en vacances"; "24h/24", "tout le temps".
  Clues are visible in 38 % of ads (V-A-4); absence of clues does not
  exclude a network (V-A-4), so some network ads show none.
* Non-financial exchange, half of it for lodging (III-C): some independent
  ads on classifieds / dating sites ask for lodging or "someone who takes care
  of me"; men offer to men on classifieds (II-B extract).
* Scam warnings and payment cards exist on dating sites (Annexe 5-1-b): not
  modelled beyond mirror sites.

Decided, not in the report
--------------------------
* Growth laws: persons = 273 (n/699)^0.7 beyond 699 ads (below: the report's
  ratio); window = 77 sqrt(n/699) days beyond 699 ads, capped at 3000 days
  (2026-12-06).  At 1 000 000 ads: ~44 000 persons, ~23 ads each (max a few
  hundred, mirror re-posts over years), 2912 days, ~40 000 distinct numbers
  out of the 60 000 fiction numbers (never exhausted up to 1 000 000 ads;
  beyond, numbers would be recycled).
* Persons: 27 % in networks (agencies 36 %, tours 36 %, local 18 %, salons
  10 % of network persons); network persons post ~1.9 times more, so about
  36 % of ads belong to networks.  ~85 % of network ads and ~14 % of
  independent ads carry a text or phone clue (independents: marketing "de
  passage", "24h/24", an occasional third-person or English phrase).
* Network phones: one or two central numbers (35 % of agency/tour networks,
  60 % of local networks, all salons), a block of numbers differing in the
  last two digits (35 %), or unrelated numbers (30 %).  Independents never
  share a number.
* Independents: 5 % tour on their own (real "de passage" without network),
  3 % claim "de passage" as marketing, 4 % are seasonal in ski resorts,
  12 % of classifieds/dating independents ask for lodging.
* Hard cases, same person looking different (measured at 3000 ads):
  ~10 % of multi-ad persons use two pseudos (20 % of persons have a second
  pseudo used in 35 % of postings); ~4 % show two phone numbers (8 % of
  independents change number in mid-span; central-number networks); ~22 %
  show ads with and without a phone (dating sites hide it, 4-10 % of other
  ads show it only in the text, sometimes obfuscated: "zéro six", "O6",
  spaced digits); >80 % have rewritten texts (each posting is recomposed from
  the writer's preferred phrases, 30 % of cross-listed escort cards are
  rewritten, 15 % of mirror copies are truncated) and several typed forms of
  the commune (site formats "Nom (CP)", "CP Nom", "Nom (38)", free typing with
  aliases such as "SMH", "L'Alpe d'Huez", "Les 2 Alpes", team typing without
  accents / in capitals); declared ages drift (rounding, lies, +1 per year
  over long windows, +-3-5 for network ads); pseudo decorations ("lea",
  "LÉA", "Léa38", "Léa ❤") on free-typed sites; the same person in French and
  English; a neighbouring commune in 10 % of postings.
* Hard cases, different persons looking alike: pseudos are common first
  names (with person-level decorations: "Miss Léa", "Léa-Rose"), so ~75 % of
  ads share their pseudo with another person; every writer draws on the same
  phrase banks; a network writes all its persons with the same phrases,
  typing habits and mistakes; 30 % of agency/tour networks reuse one pseudo
  for two persons; profile cards share a site skeleton; 2 % of independents
  copy another person's text verbatim (exact same text, different person).
* Text habits per writer: separators, final punctuation, emoji, all-caps,
  no accents, lower case, 0-3 characteristic mistakes (networks 1-3).
* Languages: agencies write French 45 %, English 25 %, both 30 %; tour
  networks mostly French, some English or Spanish; independents 97 % French.
* Declared communes: 1.2 % of ads give only the département or a sector
  ("Isère", "38", "Nord-Isère").  Ski resorts weigh 3 times more in December-
  April, 1 time in July-August, 0.15 otherwise for tours.
* Phone ranges: 06 39 98 favoured (mobile), 04 65 71 (regional), the other
  fiction ranges rarer; 9 ways to write a number.
* Sheet order: by day collected then site, ids ``ISR-000001`` in that order;
  person ids and network ids are random labels.
"""

from __future__ import annotations

import math
import random
import unicodedata
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import numpy as np
import pandas as pd

DEPARTEMENT = "38"
SHEET_COLUMNS = (
    "id_annonce",
    "site",
    "date_collecte",
    "commune_declaree",
    "titre",
    "texte",
    "telephone",
    "pseudo",
    "age_declare",
)
TRUTH_COLUMNS = ("id_annonce", "id_personne", "id_reseau")
DEFAULT_SEED = 3815

REPORT_ADS = 699
REPORT_PERSONS = 273
REPORT_DAYS = 77
WINDOW_START = date(2018, 9, 20)
# The window never runs past the day before "today" (2026-12-07).
LAST_POSSIBLE_DAY = date(2026, 12, 6)
MAX_DAYS = (LAST_POSSIBLE_DAY - WINDOW_START).days + 1
PERSONS_EXPONENT = 0.7
DAYS_EXPONENT = 0.5


# --------------------------------------------------------------------------
# Growth laws
# --------------------------------------------------------------------------
def _round(x: float) -> int:
    return int(math.floor(x + 0.5))


def persons_for_ads(n_ads: int) -> int:
    """Number of distinct persons presented by ``n_ads`` ads.

    Up to the report's size the report's duplicate rate holds (699 ads ->
    273 persons, 61 % duplicates).  Beyond it, persons grow as
    ``273 * (n / 699) ** 0.7``: a larger collection is also a longer one
    (see ``collection_days``), each person is seen reposting more often, and
    new persons keep arriving.  At 1 000 000 ads: about 44 000 persons,
    about 23 ads each over an eight-year window.
    """
    n = int(n_ads)
    if n <= 0:
        return 0
    if n <= REPORT_ADS:
        return max(1, _round(n * REPORT_PERSONS / REPORT_ADS))
    return min(n, _round(REPORT_PERSONS * (n / REPORT_ADS) ** PERSONS_EXPONENT))


def collection_days(n_ads: int) -> int:
    """Length in days of the collection window for ``n_ads`` ads.

    The report's window (20 September - 5 December 2018, 77 days) for any
    collection up to 699 ads; beyond it the window grows as the square root
    of the size, ``77 * sqrt(n / 699)``, never past 2026-12-06 (3000 days).
    At 1 000 000 ads: 2912 days (2018-09-20 to 2026-09-09).
    """
    n = int(n_ads)
    if n <= REPORT_ADS:
        return REPORT_DAYS
    return min(MAX_DAYS, _round(REPORT_DAYS * (n / REPORT_ADS) ** DAYS_EXPONENT))


# --------------------------------------------------------------------------
# Communes (real communes of the Isère, INSEE codes and postcodes from the
# reference tables).  zone, base weight, ski flag, typed aliases.
# --------------------------------------------------------------------------
@dataclass(frozen=True)
class Commune:
    nom: str
    insee: str
    codes_postaux: tuple
    zone: str
    weight: float
    ski: bool = False
    aliases: tuple = ()


_C = Commune
COMMUNES = (
    # Grenoble-Alpes Métropole and the Grésivaudan
    _C("Grenoble", "38185", ("38000", "38100"), "grenoble", 26.0, False,
       ("Grenoble centre", "Grenoble gare", "Grenoble et alentours", "Gre", "Grenoble sud")),
    _C("Saint-Martin-d'Hères", "38421", ("38400",), "grenoble", 4.0, False,
       ("St Martin d'Hères", "Saint Martin d Heres", "St-Martin-d'Hères", "SMH", "St Martin d'heres")),
    _C("Échirolles", "38151", ("38130",), "grenoble", 4.0, False, ("Echirolles", "Échirolles centre")),
    _C("Fontaine", "38169", ("38600",), "grenoble", 2.5, False, ("Fontaine 38",)),
    _C("Meylan", "38229", ("38240",), "grenoble", 1.5),
    _C("Seyssinet-Pariset", "38485", ("38170",), "grenoble", 1.2, False, ("Seyssinet", "Seyssinet Pariset")),
    _C("Saint-Égrève", "38382", ("38120",), "grenoble", 1.2, False, ("St Egreve", "Saint Egrève", "St-Égrève")),
    _C("Sassenage", "38474", ("38360",), "grenoble", 0.8),
    _C("Seyssins", "38486", ("38180",), "grenoble", 0.5),
    _C("Eybens", "38158", ("38320",), "grenoble", 0.8),
    _C("Le Pont-de-Claix", "38317", ("38800",), "grenoble", 0.8, False, ("Pont de Claix", "Le Pont de Claix")),
    _C("Saint-Martin-le-Vinoux", "38423", ("38950",), "grenoble", 0.4, False, ("St Martin le Vinoux",)),
    _C("Gières", "38179", ("38610",), "grenoble", 0.5, False, ("Gieres",)),
    _C("Vizille", "38562", ("38220",), "grenoble", 0.6),
    _C("Domène", "38150", ("38420",), "grenoble", 0.4, False, ("Domene",)),
    _C("Crolles", "38140", ("38920",), "grenoble", 0.6),
    _C("Vif", "38545", ("38450",), "grenoble", 0.3),
    _C("Varces-Allières-et-Risset", "38524", ("38760",), "grenoble", 0.3, False, ("Varces",)),
    _C("Claix", "38111", ("38640",), "grenoble", 0.3),
    _C("Saint-Ismier", "38397", ("38330",), "grenoble", 0.3, False, ("St Ismier",)),
    _C("Villard-Bonnot", "38547", ("38190",), "grenoble", 0.3, False, ("Villard Bonnot", "Brignoud")),
    _C("Pontcharra", "38314", ("38530",), "grenoble", 0.7),
    # Vienne and the Rhône valley
    _C("Vienne", "38544", ("38200",), "vienne", 8.0, False, ("Vienne centre", "Vienne 38", "Vienne (Isère)")),
    _C("Pont-Évêque", "38318", ("38780",), "vienne", 0.6, False, ("Pont Eveque",)),
    _C("Chasse-sur-Rhône", "38087", ("38670",), "vienne", 0.8, False, ("Chasse sur Rhone",)),
    _C("Estrablin", "38157", ("38780",), "vienne", 0.2),
    _C("Roussillon", "38344", ("38150",), "roussillon", 1.0),
    _C("Le Péage-de-Roussillon", "38298", ("38550",), "roussillon", 0.8, False, ("Péage de Roussillon", "Le Peage")),
    _C("Saint-Maurice-l'Exil", "38425", ("38550",), "roussillon", 0.4, False, ("St Maurice l'Exil",)),
    _C("Salaise-sur-Sanne", "38468", ("38150",), "roussillon", 0.6, False, ("Salaise",)),
    _C("Beaurepaire", "38034", ("38270",), "roussillon", 0.5),
    # Nord-Isère
    _C("Bourgoin-Jallieu", "38053", ("38300",), "nord", 7.0, False, ("Bourgoin", "Bourgoin Jallieu", "Bourgoin-J")),
    _C("L'Isle-d'Abeau", "38193", ("38080",), "nord", 2.0, False, ("Isle d'Abeau", "L Isle d Abeau", "L'Isle d'Abeau")),
    _C("Villefontaine", "38553", ("38090",), "nord", 2.0),
    _C("La Verpillière", "38537", ("38290",), "nord", 0.8, False, ("La Verpilliere",)),
    _C("Saint-Quentin-Fallavier", "38449", ("38070",), "nord", 1.2, False, ("St Quentin Fallavier", "St-Quentin")),
    _C("La Tour-du-Pin", "38509", ("38110",), "nord", 1.2, False, ("La Tour du Pin",)),
    _C("Charvieu-Chavagneux", "38085", ("38230",), "nord", 0.6, False, ("Charvieu",)),
    _C("Pont-de-Chéruy", "38316", ("38230",), "nord", 0.5, False, ("Pont de Cheruy",)),
    _C("Heyrieux", "38189", ("38540",), "nord", 0.3),
    _C("Diémoz", "38144", ("38790",), "nord", 0.1, False, ("Diemoz",)),
    _C("Saint-Jean-de-Bournay", "38399", ("38440",), "nord", 0.3, False, ("St Jean de Bournay",)),
    # Voironnais, Bièvre, Sud-Grésivaudan
    _C("Voiron", "38563", ("38500",), "voiron", 5.0, False, ("Voiron centre",)),
    _C("Moirans", "38239", ("38430",), "voiron", 0.8),
    _C("Voreppe", "38565", ("38340",), "voiron", 0.8),
    _C("Rives", "38337", ("38140",), "voiron", 0.4),
    _C("Coublevie", "38133", ("38500",), "voiron", 0.3),
    _C("Tullins", "38517", ("38210",), "voiron", 0.5),
    _C("Le Grand-Lemps", "38182", ("38690",), "voiron", 0.2, False, ("Le Grand Lemps",)),
    _C("La Côte-Saint-André", "38130", ("38260",), "voiron", 0.5, False, ("La Cote St André", "La Côte St André")),
    _C("Saint-Marcellin", "38416", ("38160",), "voiron", 1.0, False, ("St Marcellin",)),
    _C("Vinay", "38559", ("38470",), "voiron", 0.3),
    # Ski resorts (weights multiplied in winter)
    _C("Huez", "38191", ("38750",), "stations", 0.8, True, ("L'Alpe d'Huez", "Alpe d'Huez", "Alpe-d'Huez", "L'Alpe")),
    _C("Les Deux Alpes", "38253", ("38520", "38860"), "stations", 0.7, True, ("Les 2 Alpes", "2 Alpes", "Deux-Alpes")),
    _C("Chamrousse", "38567", ("38410",), "stations", 0.6, True, ("Chamrousse 1650", "Chamrousse 1750")),
    _C("Villard-de-Lans", "38548", ("38250",), "stations", 0.6, True, ("Villard de Lans", "Villard")),
    _C("Lans-en-Vercors", "38205", ("38250",), "stations", 0.2, True, ("Lans en Vercors",)),
    _C("Autrans-Méaudre en Vercors", "38225", ("38112", "38880"), "stations", 0.2, True, ("Autrans", "Méaudre")),
    _C("Le Bourg-d'Oisans", "38052", ("38520",), "stations", 0.3, True, ("Bourg d'Oisans", "Le Bourg d Oisans")),
    _C("Oz", "38289", ("38114",), "stations", 0.1, True, ("Oz en Oisans",)),
    _C("Vaujany", "38527", ("38114",), "stations", 0.1, True),
    _C("Allevard", "38006", ("38580",), "stations", 0.2, True, ("Allevard les Bains",)),
    _C("Les Adrets", "38002", ("38190",), "stations", 0.1, True, ("Prapoutel", "Les 7 Laux")),
    # Rural communes
    _C("La Mure", "38269", ("38350",), "rural", 0.4),
    _C("Mens", "38226", ("38710",), "rural", 0.1),
    _C("Corps", "38128", ("38970",), "rural", 0.05),
    _C("Morestel", "38261", ("38510",), "rural", 0.3),
    _C("Crémieu", "38138", ("38460",), "rural", 0.3, False, ("Cremieu",)),
    _C("Le Pont-de-Beauvoisin", "38315", ("38480",), "rural", 0.3, False, ("Pont de Beauvoisin",)),
    _C("Les Abrets en Dauphiné", "38001", ("38490",), "rural", 0.3, False, ("Les Abrets",)),
    _C("Optevoz", "38282", ("38460",), "rural", 0.05),
    _C("Lalley", "38204", ("38930",), "rural", 0.05),
    _C("Siévoz", "38489", ("38350",), "rural", 0.03, False, ("Sievoz",)),
    _C("Monestier-de-Clermont", "38242", ("38650",), "rural", 0.1, False, ("Monestier de Clermont",)),
)

# Declarations that name no commune (site offers only the département, or
# the author writes a sector).  Kept rare.
DEPARTEMENT_FORMS = ("Isère", "Isère (38)", "38", "Isere", "Nord-Isère", "Sud Isère")

# Big towns used by tours ("itinéraires planifiés", III-B-1, V-A-2).
_TOUR_TOWNS = {
    "Grenoble": 10.0, "Échirolles": 1.5, "Saint-Martin-d'Hères": 1.5, "Vienne": 3.0,
    "Bourgoin-Jallieu": 2.5, "Saint-Quentin-Fallavier": 1.5, "L'Isle-d'Abeau": 1.0,
    "Voiron": 1.5, "Meylan": 0.5, "Huez": 0.6, "Les Deux Alpes": 0.6, "Chamrousse": 0.5,
    "Villard-de-Lans": 0.3, "Roussillon": 0.4, "La Tour-du-Pin": 0.3,
}
_OUTSIDE_TOUR = ("Lyon", "Annecy", "Chambéry", "Genève", "Valence", "Turin", "Milan",
                 "Marseille", "Nice", "Zurich", "Barcelone", "Lausanne", "Montpellier", "Dijon")

# --------------------------------------------------------------------------
# Sites (39, invented, mirroring the report's table II-B)
# category: E escorting, C classifieds, M massage salons, D dating
# loc: how the site shows the place; ph: how the site shows the phone
# fiche: the site shows a standardised profile card
# --------------------------------------------------------------------------
@dataclass(frozen=True)
class Site:
    name: str
    category: str
    weight: float
    loc: str
    ph: str
    fiche: bool = False
    mirror: bool = False


_S = Site
SITES = (
    _S("escortes-alpes.example", "E", 171, "cp", "canon", True),
    _S("modeles-charme.example", "E", 160, "dept", "canon", True),
    _S("ladyvelours.example", "E", 32, "name", "raw", False),
    _S("escortguide-fr.example", "E", 9, "name", "intl", True),
    _S("lovesito.example", "E", 8, "free", "raw", False),
    _S("happycompagnie.example", "E", 6, "name", "canon", True),
    _S("escorte-rencontre.example", "E", 6, "free", "raw", False),
    _S("escortes-abc.example", "E", 4, "cp", "canon", True),
    _S("filles-fr.example", "E", 2, "name", "raw", False),
    _S("tescorte.example", "E", 2, "name", "intl", True),
    _S("escortbook-fr.example", "E", 2, "cp", "canon", True),
    _S("escorte-fr.example", "E", 1, "free", "raw", False),
    _S("escortes-france.example", "E", 1, "name", "canon", False),
    _S("topescortes-fr.example", "E", 1, "name", "intl", True),
    _S("annonces6.example", "E", 0.3, "free", "raw", False),
    _S("zaramodeles.example", "E", 0.3, "name", "intl", True),
    _S("luxury-compagnie.example", "E", 0.3, "name", "intl", True),
    _S("reseau-escorte.example", "E", 0.3, "cp", "canon", False),
    _S("niamodeles.example", "E", 0.3, "name", "intl", True),
    _S("annonces247.example", "E", 0.3, "free", "raw", False),
    _S("marche-local.example", "C", 20, "cp_first", "raw", False),
    _S("jetrouve.example", "C", 43, "free", "raw", False),
    _S("lespag-annonces.example", "C", 41, "cp_first", "raw", False),
    _S("entre-particuliers.example", "C", 3, "free", "raw", False),
    _S("massages-exquis.example", "M", 1.0, "cp", "canon", False),
    _S("rencontre-intime.example", "D", 17, "name", "none", False, True),
    _S("onsecroise.example", "D", 17, "name", "none", False, True),
    _S("celibook-rencontre.example", "D", 17, "name", "none", False, True),
    _S("rencontres-insolites.example", "D", 17, "name", "none", False, True),
    _S("ruedelarencontre.example", "D", 17, "name", "none", False, True),
    _S("rencontre-ephemere.example", "D", 17, "name", "none", False, True),
    _S("sans-lendemain.example", "D", 17, "name", "none", False, True),
    _S("tolere-rencontre.example", "D", 17, "name", "none", False, True),
    _S("calinemoi.example", "D", 17, "name", "none", False, True),
    _S("fordatings.example", "D", 17, "name", "none", False, True),
    _S("rendezvous-discret.example", "D", 17, "name", "none", False, True),
    _S("xxl-petitesannonces.example", "D", 0.4, "free", "raw", False),
    _S("trans-rencontres.example", "D", 0.4, "free", "raw", False),
    _S("plan-dating.example", "D", 0.4, "free", "raw", False),
)
MIRROR_FAMILY = tuple(s.name for s in SITES if s.mirror)

# --------------------------------------------------------------------------
# Phones: only the ARCEP ranges reserved for fiction
# --------------------------------------------------------------------------
FICTION_PREFIXES = ("019900", "026191", "035301", "046571", "053649", "063998")
_PREFIX_WEIGHTS = (0.4, 0.4, 0.4, 2.0, 0.4, 8.0)

# Markers of the V-A-4 clues, exported for checks.
PASSAGE_MARKERS = ("de passage", "quelques jours", "en vacances", "pour une semaine",
                   "cette semaine uniquement", "toute la saison", "visiting", "for a few days",
                   "in your city", "de paso")
ALWAYS_MARKERS = ("24h/24", "24/24", "tout le temps", "24/7", "jour et nuit")
THIRD_PERSON_MARKERS = ("elle vous", "notre agence", "notre nouvelle", "l'agence", "nos hôtesses",
                        "she is", "she will", "nous vous", "notre institut")
ENGLISH_MARKERS = ("hello gentlemen", "i am ", "i'm ", "kisses", "call me", "real photos",
                   "see you soon", "she is", "available", "my name is")

# --------------------------------------------------------------------------
# People: names, origins
# --------------------------------------------------------------------------
_ORIGINS = {
    # key: (feminine, masculine, english, region)
    "fr": ("française", "français", "French", "fr"),
    "ua": ("ukrainienne", "ukrainien", "Ukrainian", "est"),
    "pl": ("polonaise", "polonais", "Polish", "est"),
    "ru": ("russe", "russe", "Russian", "est"),
    "ro": ("roumaine", "roumain", "Romanian", "est"),
    "al": ("albanaise", "albanais", "Albanian", "est"),
    "br": ("brésilienne", "brésilien", "Brazilian", "latam"),
    "co": ("colombienne", "colombien", "Colombian", "latam"),
    "ve": ("vénézuélienne", "vénézuélien", "Venezuelan", "latam"),
    "ar": ("argentine", "argentin", "Argentinian", "latam"),
    "py": ("paraguayenne", "paraguayen", "Paraguayan", "latam"),
    "cu": ("cubaine", "cubain", "Cuban", "latam"),
    "mx": ("mexicaine", "mexicain", "Mexican", "latam"),
    "pr": ("portoricaine", "portoricain", "Puerto Rican", "latam"),
    "de": ("allemande", "allemand", "German", "eu"),
    "es": ("espagnole", "espagnol", "Spanish", "eu"),
    "it": ("italienne", "italien", "Italian", "eu"),
    "fi": ("finlandaise", "finlandais", "Finnish", "eu"),
    "cn": ("chinoise", "chinois", "Chinese", "asia"),
    "in": ("indienne", "indien", "Indian", "asia"),
    "lb": ("libanaise", "libanais", "Lebanese", "med"),
    "ke": ("kényane", "kényan", "Kenyan", "afr"),
    "cm": ("camerounaise", "camerounais", "Cameroonian", "afr"),
    "ci": ("ivoirienne", "ivoirien", "Ivorian", "afr"),
    "cd": ("congolaise", "congolais", "Congolese", "afr"),
    # categories rather than nationalities (IV-A-3, II-B)
    "latine": ("latine", "latino", "Latina", "latam"),
    "metisse": ("métisse", "métis", "mixed", "afr"),
    "asiatique": ("asiatique", "asiatique", "Asian", "asia"),
    "med": ("méditerranéenne", "méditerranéen", "Mediterranean", "med"),
    "africaine": ("africaine", "africain", "African", "afr"),
    "est": ("de l'Est", "de l'Est", "Eastern European", "est"),
    "exotique": ("exotique", "exotique", "exotic", "afr"),
}
_REGION_LABELS = {
    "fr": (("fr", 8), ("med", 1), ("metisse", 1)),
    "est": (("ua", 4), ("pl", 2), ("ru", 3), ("ro", 2), ("al", 1), ("est", 3)),
    "latam": (("br", 4), ("co", 3), ("ve", 2), ("ar", 1), ("py", 1), ("cu", 1), ("mx", 1),
              ("pr", 1), ("latine", 5)),
    "eu": (("de", 1), ("es", 2), ("it", 3), ("fi", 1), ("med", 2)),
    "asia": (("cn", 3), ("in", 1), ("asiatique", 5)),
    "afr": (("ke", 1), ("cm", 2), ("ci", 2), ("cd", 1), ("africaine", 3), ("metisse", 3), ("exotique", 1)),
    "med": (("lb", 1), ("med", 4)),
}
_NAMES = {
    "fr": ("Léa", "Manon", "Camille", "Chloé", "Emma", "Inès", "Sarah", "Laura", "Julie", "Marine",
           "Océane", "Clara", "Jade", "Lucie", "Pauline", "Anaïs", "Mélissa", "Élodie", "Justine",
           "Marion", "Amandine", "Audrey", "Jessica", "Nadia", "Sabrina", "Sonia", "Vanessa",
           "Sandrine", "Nathalie", "Céline", "Émilie", "Charlotte", "Alice", "Lola", "Zoé"),
    "est": ("Anna", "Katia", "Natalia", "Olga", "Irina", "Daria", "Alina", "Sofia", "Yana", "Oksana",
            "Marina", "Victoria", "Elena", "Tatiana", "Nina", "Kasia", "Ewa", "Vera", "Lena", "Diana"),
    "latam": ("Camila", "Valentina", "Gabriela", "Isabela", "Daniela", "Carolina", "Luana", "Bianca",
              "Paola", "Fernanda", "Juliana", "Mariana", "Natalia", "Andrea", "Larissa", "Kelly",
              "Jessica", "Sofia", "Lorena", "Vitoria"),
    "eu": ("Giulia", "Chiara", "Lucia", "Laura", "Hannah", "Lena", "Emilia", "Carla", "Elena", "Sara"),
    "asia": ("Lina", "Mei", "Lili", "Kim", "Yumi", "Lan", "Ling", "Jade", "Anna", "Priya", "Mia"),
    "afr": ("Grace", "Aïcha", "Fatou", "Mariam", "Awa", "Esther", "Prisca", "Linda", "Sandra",
            "Naomie", "Kelly", "Merveille"),
    "med": ("Yasmine", "Nora", "Leïla", "Samia", "Sofia", "Myriam", "Kenza", "Inès", "Lina", "Maya"),
    "men": ("Lucas", "Hugo", "Thomas", "Nicolas", "Kevin", "Julien", "Maxime", "Alex", "Yanis",
            "Rayan", "Théo", "Enzo", "Bruno", "Mehdi", "Romain", "Adrien", "Sam", "Diego"),
}
_SALON_NAMES = ("Jade", "Lotus", "Bambou", "Orchidée", "Zen", "Perle d'Asie", "Soleil", "Harmonie")

_HAIR = ("brune", "blonde", "châtain", "rousse", "brune", "brune", "blonde", "noire")
_EYES = ("marron", "verts", "bleus", "noirs", "noisette", "marron")
_MONTHS = ("janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août",
           "septembre", "octobre", "novembre", "décembre")
_MONTHS_EN = ("January", "February", "March", "April", "May", "June", "July", "August",
              "September", "October", "November", "December")

# --------------------------------------------------------------------------
# Phrase banks (own generic phrases; sober wording)
# A template is "text[optional part]"; an optional part is dropped when one
# of its fields is empty.  Fields: p pseudo, a age, o origin, d descriptor,
# c commune, d1 d2 dates, t tour, s site, h hair, tel phone.
# --------------------------------------------------------------------------
_BANK_RAW = {
    "greet": ("Bonjour", "Bonsoir", "Coucou", "Hello", "Salut", "Bonjour messieurs",
              "Bienvenue", "Hello à tous", "Bonjour à vous"),
    "intro1": ("je suis {p}[, {d} {o}][ de {a} ans]",
               "je m'appelle {p}[, j'ai {a} ans]",
               "moi c'est {p}[, {d} {o}]",
               "je suis {p}[, une {d} {o}][, {a} ans]",
               "{p}[, {a} ans][, {d} {o}]",
               "je suis une {d} {o} souriante et pétillante[ de {a} ans]",
               "je suis {p}, {d} douce et naturelle",
               "petite {d} {o}[ de {a} ans], je m'appelle {p}"),
    "intro3": ("{p} est une {d} {o}[ de {a} ans]",
               "notre nouvelle hôtesse {p}[, {a} ans], vous attend",
               "l'agence vous présente {p}[, {d} {o}][ de {a} ans]",
               "{p}[, {d} {o}], elle vous reçoit",
               "découvrez {p}[, {a} ans], {d} {o} élégante et raffinée",
               "{p} vient d'arriver[, {d} {o}][ de {a} ans]"),
    "introM": ("je suis {p}[, jeune homme de {a} ans]",
               "jeune mec[ de {a} ans][, {o}] sur {c}",
               "{p}[, {a} ans], {d} sympa et discret",
               "homme[ {o}][ de {a} ans] disponible"),
    "offer": ("je vous propose un moment de détente et de douceur",
              "pour un agréable moment en toute discrétion",
              "pour partager un instant de complicité",
              "massage relaxant et moment de bien-être",
              "pour vous faire oublier le stress de la journée",
              "un rendez-vous tout en douceur vous attend",
              "compagnie agréable pour vos soirées",
              "je vous offre un moment d'évasion et de tendresse",
              "pour des instants de détente sans prise de tête",
              "ouverte à vos demandes dans le respect"),
    "offer3": ("elle vous propose un moment de détente",
               "elle saura vous accueillir avec douceur",
               "compagnie raffinée pour hommes de goût",
               "elle vous accompagne pour dîners et soirées",
               "une expérience haut de gamme et discrète"),
    "offerM": ("je propose compagnie et massage à homme gay ou bi",
               "pour messieurs discrets qui veulent passer un bon moment",
               "cherche homme généreux pour me soutenir en échange de ma compagnie",
               "massage entre hommes, détente assurée"),
    "lodging": ("je cherche un hébergement en échange de ma compagnie",
                "si tu peux m'héberger quelques temps on s'arrange",
                "à la recherche d'un toit, je suis gentille et discrète",
                "en échange de quelqu'un qui s'occupe de moi"),
    "place": ("je reçois dans un appartement discret et climatisé",
              "je vous reçois en toute discrétion dans un cadre agréable",
              "appartement calme et propre, parking facile",
              "je me déplace à l'hôtel ou à domicile",
              "reçoit et se déplace",
              "incall / outcall",
              "je reçois dans un appartement privé près du centre",
              "déplacements possibles[ sur {c}] et environs",
              "je peux me déplacer, très discrète",
              "appartement cosy, douche à disposition"),
    "local": ("sur {c}", "à {c} et alentours", "secteur {c}", "je reçois sur {c}",
              "proche {c}", "sur {c} et sa région", "{c} centre", "disponible sur {c}"),
    "passage": ("de passage à {c}[ du {d1} au {d2}]",
                "de passage sur {c} pour quelques jours seulement",
                "nouvelle à {c} pour une semaine",
                "en vacances dans la région[, à {c}]",
                "présente sur {c} cette semaine uniquement",
                "dans votre ville pour quelques jours",
                "juste de passage, ne tardez pas"),
    "season": ("sur le secteur de {c} pendant toute la saison",
               "présente à {c} toute la saison d'hiver"),
    "tour": ("prochaines dates : {t}", "tournée : {t}", "ensuite : {t}"),
    "avail": ("disponible du lundi au samedi", "de 10h à 22h", "en journée uniquement",
              "le soir après 19h", "sur rendez-vous pris 30 min à l'avance",
              "disponible le week-end", "disponible en semaine de 9h à 20h",
              "rendez-vous la veille de préférence"),
    "avail24": ("disponible 24h/24", "dispo 24h/24 et 7j/7", "disponible tout le temps",
                "jour et nuit, 7j/7"),
    "cond": ("pas d'appels masqués", "pas de sms", "appels masqués et sms sans réponse",
             "hygiène et respect exigés", "messieurs courtois uniquement",
             "discrétion assurée et exigée", "personnes sérieuses uniquement",
             "pas de mails ni de fixes", "merci de respecter les horaires",
             "pas de numéros cachés svp"),
    "photo": ("photos 100% réelles", "mes photos sont récentes et vraies", "photos vérifiées",
              "aucune mauvaise surprise, photos réelles", "photos non retouchées"),
    "tel": ("appelez-moi au {tel}", "tel : {tel}", "contact : {tel}", "joignable au {tel}",
            "mon numéro : {tel}", "{tel}"),
    "close": ("à très vite", "bisous", "au plaisir de vous rencontrer", "je vous attends",
              "n'hésitez pas à m'appeler", "à bientôt", "douces bises",
              "dites que vous m'avez vue sur {s}", "contactez-moi vite"),
    "close3": ("elle vous attend", "réservation par téléphone", "à bientôt chez nous",
               "réservez dès maintenant"),
    # English
    "en_intro": ("hello gentlemen, I am {p}[, {a} years old][, {o} girl]",
                 "hi, I'm {p}[, a sweet {o} lady][ of {a}]",
                 "{p} is a charming {o} girl[, {a} years old]",
                 "my name is {p}[, {o}][, {a}]"),
    "en_body": ("incall and outcall", "real photos", "no sms, no private numbers",
                "available for dinner dates", "elegant and discreet",
                "she is waiting for you"),
    "en_passage": ("visiting {c}[ from {d1} to {d2}]", "in your city for a few days only",
                   "in {c} for a few days"),
    "en_avail24": ("available 24/7",),
    "en_close": ("kisses", "see you soon", "call me", "kisses and see you soon"),
    "es": ("hola cariño, soy {p}", "besos", "llámame, estoy de paso en {c}"),
    # Titles
    "title": ("{p}", "{p}, {a} ans", "{p} {o}", "Jolie {h} sur {c}", "Belle {o} à {c}",
              "Nouvelle à {c}", "Douce {p}", "Moment de détente", "Agréable moment",
              "{p} - {c}", "Jeune femme {o}", "Escort {c}", "Dispo ce soir", "Belle {h} {o}",
              "Massage détente {c}", "{p} nouvelle", "Charmante {p}", "Belle {p}"),
    "titleT": ("{p} trans {o}", "Belle trans sur {c}", "Nouvelle trans à {c}", "{p}, trans {o}",
               "Trans {o} {c}", "{p} belle trans"),
    "titleM": ("Jeune homme pour homme", "{p} jeune mec {c}", "Massage entre hommes",
               "Homme dispo {c}", "{p}, {a} ans"),
    "titleS": ("Institut {p} - massages", "Massages asiatiques {c}", "Nouvelles hôtesses à {c}",
               "Salon {p} {c}", "Massage relaxant {c}"),
    "titleEN": ("New in {c}", "{p} sweet {o} girl", "{p} - real photos", "{p} visiting {c}"),
}


def _parse(template: str):
    parts = []
    i = 0
    while i < len(template):
        j = template.find("[", i)
        if j < 0:
            parts.append((False, template[i:]))
            break
        if j > i:
            parts.append((False, template[i:j]))
        k = template.index("]", j)
        parts.append((True, template[j + 1:k]))
        i = k + 1
    out = []
    for opt, text in parts:
        keys = []
        s = 0
        while True:
            a = text.find("{", s)
            if a < 0:
                break
            b = text.index("}", a)
            keys.append(text[a + 1:b])
            s = b + 1
        out.append((opt, text, tuple(keys)))
    return tuple(out)


_BANK = {k: tuple(_parse(t) for t in v) for k, v in _BANK_RAW.items()}


def _fill(parsed, vals) -> str:
    out = []
    for opt, text, keys in parsed:
        if opt:
            ok = True
            for k in keys:
                if not vals.get(k):
                    ok = False
                    break
            if not ok:
                continue
        out.append(text.format_map(vals) if keys else text)
    return "".join(out)


# Writers' typing habits: (from, to).  A writer keeps its own set; a network's
# writer shares it across the persons it presents (V-A-4: same mistakes).
_TYPOS = (
    ("vous", "vs"), ("rendez-vous", "rdv"), ("n'hésitez", "nhésitez"), ("discrète", "discrette"),
    ("hygiène", "hygienne"), ("appartement", "appart"), ("très", "tres"), ("c'est", "cest"),
    ("quelques", "quelque"), ("disponible", "dispo"), ("agréable", "agreable"),
    ("appelez", "appeler"), ("contactez", "contacter"), ("bisous", "bisouss"),
    ("photos", "fotos"), ("je suis", "jsuis"), ("à ", "a "), ("moment", "moments"),
    ("passage", "pasage"), ("respect", "respet"), ("détente", "détante"), ("réelles", "réel"),
    ("messieurs", "mesieurs"), ("vraies", "vrai"), ("s'il vous plaît", "svp"),
)
_EMOJI = ("", "", "", "", "💋", "❤", "🌹", "✨", "😘", "🔥")
_SEP = (". ", ". ", ". ", "! ", " ... ", " - ", ", ", " / ")


def _strip_accents(s: str) -> str:
    return "".join(ch for ch in unicodedata.normalize("NFD", s) if unicodedata.category(ch) != "Mn")


def _cap(s: str) -> str:
    return s[:1].upper() + s[1:] if s else s


# --------------------------------------------------------------------------
# Writers
# --------------------------------------------------------------------------
class _Writer:
    __slots__ = ("third", "lang", "pref", "p_pref", "typos", "noaccent", "caps", "sep",
                 "end", "emoji", "slots", "phone_fmt", "lower", "fiche_full", "title_pref",
                 "greet_p", "always")

    def __init__(self, r: random.Random, kind: str):
        self.third = {"agence": r.random() < 0.7, "tournee": r.random() < 0.4,
                      "local": r.random() < 0.2, "salon": True}.get(kind, r.random() < 0.02)
        if kind == "agence":
            self.lang = r.choices(("fr", "en", "fren"), (45, 25, 30))[0]
        elif kind == "tournee":
            self.lang = r.choices(("fr", "en", "fren", "fres"), (68, 12, 12, 8))[0]
        else:
            self.lang = r.choices(("fr", "fren", "fres"), (97, 2, 1))[0]
        self.pref = {k: r.sample(range(len(v)), min(len(v), 2 if len(v) > 4 else 1))
                     for k, v in _BANK.items()}
        self.p_pref = 0.85 if kind != "indep" else 0.7
        n_typo = r.choices((0, 1, 2, 3), (45, 30, 17, 8))[0] if kind in ("indep", "salon", "agence") \
            else r.choices((1, 2, 3), (40, 40, 20))[0]
        self.typos = tuple(r.sample(_TYPOS, n_typo))
        self.noaccent = r.random() < (0.12 if kind in ("indep", "local") else 0.2 if kind == "tournee" else 0.03)
        self.caps = r.random() < 0.15
        self.lower = r.random() < 0.08
        self.sep = r.choice(_SEP)
        self.end = r.choice(("", ".", "!", " !", "!!", "...", " :)"))
        self.emoji = r.choice(_EMOJI)
        # probability of each optional slot
        self.slots = {
            "greet": r.random() * 0.9,
            "offer": 0.5 + r.random() * 0.5,
            "place": r.random(),
            "avail": r.random() * 0.8,
            "cond": r.random(),
            "photo": r.random() * (0.9 if kind in ("agence", "tournee") else 0.5),
            "close": 0.4 + r.random() * 0.6,
        }
        self.always = {"agence": 0.45, "tournee": 0.4, "local": 0.25, "salon": 0.3}.get(kind, 0.04)
        self.phone_fmt = r.choices(range(9), (34, 22, 12, 6, 6, 4, 4, 4, 8))[0]
        self.fiche_full = kind in ("agence", "tournee") or r.random() < 0.3
        self.title_pref = r.random()
        self.greet_p = r.random()

    def pick(self, r: random.Random, key: str):
        bank = _BANK[key]
        if r.random() < self.p_pref:
            return bank[r.choice(self.pref[key])]
        return bank[r.randrange(len(bank))]


def _phone_text(digits: str, fmt: int) -> str:
    d = digits
    if fmt == 0:
        return f"{d[0:2]} {d[2:4]} {d[4:6]} {d[6:8]} {d[8:10]}"
    if fmt == 1:
        return d
    if fmt == 2:
        return f"{d[0:2]}.{d[2:4]}.{d[4:6]}.{d[6:8]}.{d[8:10]}"
    if fmt == 3:
        return f"{d[0:2]}-{d[2:4]}-{d[4:6]}-{d[6:8]}-{d[8:10]}"
    if fmt == 4:
        return f"+33 {d[1]} {d[2:4]} {d[4:6]} {d[6:8]} {d[8:10]}"
    if fmt == 5:
        return "+33" + d[1:]
    if fmt == 6:
        return f"0033 {d[1]} {d[2:4]} {d[4:6]} {d[6:8]} {d[8:10]}"
    if fmt == 7:
        return f"{d[0:2]}/{d[2:4]}/{d[4:6]}/{d[6:8]}/{d[8:10]}"
    return f"{d[0:2]}{d[2:4]} {d[4:6]}{d[6:8]} {d[8:10]}"


def _phone_obfuscated(digits: str, r: random.Random) -> str:
    d = digits
    k = r.randrange(4)
    if k == 0:
        return f"zéro {'six' if d[1] == '6' else d[1]} {d[2:4]} {d[4:6]} {d[6:8]} {d[8:10]}"
    if k == 1:
        return f"O{d[1]} {d[2:4]} {d[4:6]} {d[6:8]} {d[8:10]}"
    if k == 2:
        return " ".join(d)
    return f"{d[0:2]} {d[2:4]} {d[4:6]} {d[6:8]} {d[8:10]} (sans le 0 devant : {d[1:]})"


# --------------------------------------------------------------------------
# Commune display
# --------------------------------------------------------------------------
def _commune_forms(c: Commune):
    base = [c.nom]
    base.extend(c.aliases)
    return tuple(dict.fromkeys(base))


def _declared(c: Commune, site: Site, typed: str, r: random.Random) -> str:
    style = site.loc
    if style == "cp":
        s = f"{c.nom} ({c.codes_postaux[0]})"
    elif style == "cp_first":
        s = f"{r.choice(c.codes_postaux)} {typed}" if r.random() < 0.8 else typed
    elif style == "dept":
        s = f"{c.nom} (38)" if r.random() < 0.85 else f"{c.nom} - Isère"
    elif style == "name":
        s = c.nom
    else:  # free: as the author typed it
        s = typed
    # the collection team's own typing
    u = r.random()
    if u < 0.05:
        s = _strip_accents(s)
    elif u < 0.08:
        s = s.lower()
    elif u < 0.095:
        s = s.upper()
    elif u < 0.105:
        s = s.replace("-", " ")
    return s


# --------------------------------------------------------------------------
# Generation
# --------------------------------------------------------------------------
_NET_TYPES = ("agence", "tournee", "local", "salon")
_NET_PERSON_SHARE = (0.36, 0.36, 0.18, 0.10)
_NETWORK_SHARE = 0.27


def _net_size(r: random.Random, kind: str) -> int:
    if kind == "agence":
        return min(14, 3 + int(np.random.default_rng(r.randrange(1 << 30)).poisson(3)))
    if kind == "tournee":
        return min(10, 2 + int(np.random.default_rng(r.randrange(1 << 30)).poisson(2.5)))
    if kind == "local":
        return 2 + (r.random() < 0.3) + (r.random() < 0.3)
    return 2 + (r.random() < 0.4) + (r.random() < 0.4)


def _pseudo_style(r: random.Random, name: str) -> str:
    """A person's pseudo, built on a common first name."""
    u = r.random()
    if u < 0.62:
        return name
    if u < 0.76:
        return f"{name}{r.choice(('38', '21', '22', '23', '25', '69', '01', '2', ''))}"
    if u < 0.86:
        return f"{r.choice(('Miss', 'Lady', 'Bella', 'Mlle', 'Sweet', 'Petite'))} {name}"
    if u < 0.94:
        return f"{name} {r.choice(('douce', 'câline', 'sublime', 'jolie', 'la belle'))}"
    return f"{name}-{r.choice(('Rose', 'Marie', 'Lou', 'Anne', 'Sun', 'Star'))}"


def _wchoice(r: random.Random, items, cum):
    return items[r.choices(range(len(items)), cum_weights=cum)[0]]


class _Phones:
    """Allocate fiction numbers without replacement (weighted towards mobiles)."""

    def __init__(self, rng: np.random.Generator):
        w = np.repeat(np.asarray(_PREFIX_WEIGHTS, dtype=float), 10000)
        key = rng.exponential(size=60000) / w
        self.order = np.argsort(key, kind="stable").tolist()
        self.used = bytearray(60000)
        self.pos = 0
        self.recycled = 0

    @staticmethod
    def digits(i: int) -> str:
        return FICTION_PREFIXES[i // 10000] + f"{i % 10000:04d}"

    def new(self) -> int:
        while self.pos < 60000 and self.used[self.order[self.pos]]:
            self.pos += 1
        if self.pos >= 60000:  # only far beyond 1 000 000 ads: recycle a number
            i = self.order[self.recycled % 60000]
            self.recycled += 1
            return i
        i = self.order[self.pos]
        self.used[i] = 1
        return i

    def block(self, k: int, r: random.Random):
        """k numbers sharing their first eight digits (only the last two vary)."""
        anchor = self.new()
        base = anchor - anchor % 100
        free = [base + j for j in range(100) if not self.used[base + j]]
        r.shuffle(free)
        out = [anchor]
        for i in free[: k - 1]:
            self.used[i] = 1
            out.append(i)
        while len(out) < k:
            out.append(self.new())
        return out


def _generate(n_ads: int, seed: int = DEFAULT_SEED):
    n = int(n_ads)
    if n < 0:
        raise ValueError("n_ads must be >= 0")
    rng = np.random.default_rng([seed, 38, 15])
    r = random.Random(seed * 1_000_003 + 38)
    n_p = persons_for_ads(n)
    W = collection_days(n)
    phones = _Phones(rng)

    communes = COMMUNES
    by_name = {c.nom: c for c in communes}
    c_cum = list(np.cumsum([c.weight for c in communes]))
    zones = {}
    for c in communes:
        zones.setdefault(c.zone, []).append(c)
    tour_items = [by_name[k] for k in _TOUR_TOWNS]
    tour_w = np.array([_TOUR_TOWNS[k] for k in _TOUR_TOWNS])
    tour_ski = np.array([c.ski for c in tour_items])
    start_ord = WINDOW_START.toordinal()

    def month_of(day: int) -> int:
        return date.fromordinal(start_ord + day).month

    def tour_town(day: int) -> Commune:
        m = month_of(day)
        f = 3.0 if m in (12, 1, 2, 3, 4) else (1.0 if m in (7, 8) else 0.15)
        w = np.where(tour_ski, tour_w * f, tour_w)
        cum = np.cumsum(w).tolist()
        return _wchoice(r, tour_items, cum)

    sites_by_cat = {}
    for s in SITES:
        if not s.mirror:
            sites_by_cat.setdefault(s.category, []).append(s)
    cat_cum = {k: list(np.cumsum([s.weight for s in v])) for k, v in sites_by_cat.items()}
    mirror_sites = [s for s in SITES if s.mirror]

    # ---------------- networks and persons -----------------------------
    target_net = _round(n_p * _NETWORK_SHARE) if n_p >= 6 else 0
    kind_w = [sh / m for sh, m in zip(_NET_PERSON_SHARE, (6.0, 4.5, 2.6, 2.8))]
    networks = []
    assigned = 0
    while assigned < target_net:
        kind = r.choices(_NET_TYPES, kind_w)[0]
        size = min(_net_size(r, kind), target_net - assigned)
        if size < 2:
            break
        networks.append({"kind": kind, "size": size})
        assigned += size

    persons = []  # dicts
    for ni, net in enumerate(networks):
        kind = net["kind"]
        if kind == "agence":
            region = r.choices(("est", "latam", "eu", "asia"), (60, 25, 10, 5))[0]
        elif kind == "tournee":
            region = r.choices(("est", "latam", "asia", "afr"), (35, 40, 18, 7))[0]
        elif kind == "local":
            region = r.choices(("fr", "afr", "est"), (80, 12, 8))[0]
        else:
            region = "asia"
        net["region"] = region
        net["writer"] = _Writer(r, kind)
        if kind == "salon":
            strat = "central"
        elif kind == "local":
            strat = "central" if r.random() < 0.6 else "own"
        else:
            strat = r.choices(("central", "block", "own"), (35, 35, 30))[0]
        net["strat"] = strat
        # activity: network life and, for tours, stops in the Isère
        life = W if W <= 120 else min(W, int(rng.lognormal(math.log(300), 0.7)) + 30)
        t0 = r.randint(-life // 3, max(-life // 3, W - 1 - life // 2))
        net["t0"], net["t1"] = max(0, t0), min(W - 1, t0 + life)
        stops = []
        if kind in ("agence", "tournee"):
            d = net["t0"] + r.randrange(0, 10)
            while d <= net["t1"]:
                length = r.randint(3, 10)
                stops.append((d, min(net["t1"], d + length - 1), tour_town(d)))
                d += length + r.randint(4, 40)
            if not stops:
                stops.append((net["t0"], net["t1"], tour_town(net["t0"])))
        else:
            home = _wchoice(r, communes, c_cum)
            net["home"] = home
        net["stops"] = stops
        net["shared_pseudo"] = r.random() < 0.3 and kind in ("agence", "tournee")
        net["salon"] = r.choice(_SALON_NAMES)
        net["tour_list"] = ", ".join(r.sample(_OUTSIDE_TOUR, 3))
        for _ in range(net["size"]):
            persons.append({"net": ni, "kind": kind})
    while len(persons) < n_p:
        persons.append({"net": -1, "kind": "indep"})
    persons = persons[:n_p]

    for p in persons:
        kind = p["kind"]
        net = networks[p["net"]] if p["net"] >= 0 else None
        if kind == "agence":
            g = r.choices("FT", (85, 15))[0]
        elif kind == "tournee":
            g = r.choices("FT", (62, 38))[0] if net["region"] == "latam" else r.choices("FT", (92, 8))[0]
        elif kind == "local":
            g = r.choices("FM", (90, 10))[0]
        elif kind == "salon":
            g = "F"
        else:
            g = r.choices("FMT", (855, 89, 56))[0]
        p["g"] = g
        if net is not None:
            region = net["region"]
            if region != "fr" and r.random() < 0.15:
                region = r.choice(("est", "latam", "eu"))
        elif g == "T":
            region = r.choices(("latam", "fr", "asia"), (70, 20, 10))[0]
        else:
            region = r.choices(("fr", "afr", "latam", "eu", "med", "est", "asia"),
                               (60, 10, 8, 6, 8, 4, 4))[0]
        p["region"] = region
        labels = _REGION_LABELS[region]
        p["origin"] = r.choices([k for k, _ in labels], [w for _, w in labels])[0]
        alt = r.choices([k for k, _ in labels], [w for _, w in labels])[0]
        p["origin_alt"] = alt
        p["declares_origin"] = r.random() < (0.22 if region == "fr" else 0.85)
        # declared base age
        if kind in ("agence", "tournee", "salon"):
            age = 19 + int(rng.gamma(2.2, 2.6))
        elif g == "M":
            age = 19 + int(rng.gamma(1.6, 4.0))
        else:
            age = 19 + int(rng.gamma(2.3, 6.3))
        p["age"] = min(age, 58)
        p["age_shift"] = r.random() < 0.35  # rounds or lies differently by site
        pool = _NAMES["men"] if g == "M" else _NAMES[region if region in _NAMES else "fr"]
        p["pseudo"] = _pseudo_style(r, r.choice(pool))
        p["pseudo2"] = _pseudo_style(r, r.choice(pool)) if r.random() < 0.2 else ""
        p["hair"] = r.choice(_HAIR) if region not in ("asia", "afr") else "brune"
        p["eyes"] = r.choice(_EYES)
        p["height"] = int(rng.normal(166 if g != "M" else 177, 6))
        p["writer"] = net["writer"] if net is not None else _Writer(r, "indep")
        p["alias_idx"] = r.random()
        # primary channel
        if kind == "agence":
            ch = ("E", "E", "E", "C")
        elif kind == "tournee":
            ch = ("E", "C", "E", "D")
        elif kind == "local":
            ch = r.choice((("C", "D", "C", "E"), ("D", "C", "D", "C")))
        elif kind == "salon":
            ch = ("M", "C", "M", "C")
        elif g == "M":
            ch = ("C", "C", "D", "E")
        elif g == "T":
            ch = ("E", "E", "C", "D")
        else:
            ch = r.choices((("E", "E", "C", "E"), ("C", "C", "E", "D"), ("D", "D", "C", "E")),
                           (56, 33, 11))[0]
        p["ch"] = ch
        p["lodging"] = kind == "indep" and ch[0] in ("C", "D") and r.random() < 0.12
        p["mobile"] = kind == "indep" and r.random() < 0.05
        p["fake_passage"] = kind == "indep" and not p["mobile"] and r.random() < 0.03
        p["season"] = kind == "indep" and g == "F" and r.random() < 0.04

    # pseudo shared by two persons of a network ("un même pseudo", V-A-4)
    members = {}
    for i, p in enumerate(persons):
        if p["net"] >= 0:
            members.setdefault(p["net"], []).append(i)
    for ni, idx in members.items():
        net = networks[ni]
        if net["shared_pseudo"] and len(idx) >= 2:
            a, b = r.sample(idx, 2)
            persons[b]["pseudo"] = persons[a]["pseudo"]
        if net["kind"] == "salon":
            for i in idx:
                persons[i]["salon"] = net["salon"]

    # copycats: an independent copies another person's text (2 %)
    indep_idx = [i for i, p in enumerate(persons) if p["kind"] == "indep"]
    for i in indep_idx:
        persons[i]["copy_of"] = -1
        if len(persons) > 5 and r.random() < 0.02:
            j = r.randrange(len(persons))
            if j != i:
                persons[i]["copy_of"] = j

    # ---------------- phones -------------------------------------------
    for ni, idx in members.items():
        net = networks[ni]
        strat = net["strat"]
        if strat == "central":
            nums = [phones.new() for _ in range(1 + (r.random() < 0.3))]
            for i in idx:
                persons[i]["phones"] = [r.choice(nums)]
                if len(nums) > 1 and r.random() < 0.5:
                    persons[i]["phones"] = list(nums)
        elif strat == "block":
            nums = phones.block(len(idx), r)
            for i, num in zip(idx, nums):
                persons[i]["phones"] = [num]
        else:
            for i in idx:
                persons[i]["phones"] = [phones.new()]
    for i in indep_idx:
        p = persons[i]
        p["phones"] = [phones.new()]
        if r.random() < 0.08:
            p["phones"].append(phones.new())  # changed number during the window

    # ---------------- ads per person -----------------------------------
    mean_by_ch = {"E": 1.1, "C": 0.33, "D": 3.9, "M": 0.8}
    w = np.empty(n_p)
    for i, p in enumerate(persons):
        base = mean_by_ch[p["ch"][0]]
        if p["kind"] in ("agence", "tournee"):
            base *= 1.9
        w[i] = base
    w *= np.clip(rng.lognormal(0.0, 0.8, n_p), 0.2, 5.0)
    extra = n - n_p
    counts = np.ones(n_p, dtype=np.int64)
    if extra > 0 and n_p > 0:
        counts += rng.multinomial(extra, w / w.sum())

    # ---------------- postings and rows --------------------------------
    col_site, col_day, col_comm, col_title, col_text = [], [], [], [], []
    col_tel, col_pseudo, col_age, col_pid = [], [], [], []
    texts_by_person = {}

    def months_fr(day):
        dd = date.fromordinal(start_ord + day)
        return f"{dd.day} {_MONTHS[dd.month - 1]}"

    def months_en(day):
        dd = date.fromordinal(start_ord + day)
        return f"{_MONTHS_EN[dd.month - 1]} {dd.day}"

    order = list(range(n_p))
    r.shuffle(order)
    for pi in order:
        p = persons[pi]
        k = int(counts[pi])
        net = networks[p["net"]] if p["net"] >= 0 else None
        wr = p["writer"]
        kind = p["kind"]
        # activity span
        if net is not None:
            t0, t1 = net["t0"], net["t1"]
        else:
            span = W if W <= 90 else min(W, max(int(rng.lognormal(math.log(200), 0.9)), 5 * k, 30))
            s0 = r.randint(-span // 4, max(-span // 4, W - 1 - span * 3 // 4))
            t0, t1 = max(0, s0), min(W - 1, s0 + span)
            if t1 < t0:
                t0, t1 = 0, W - 1
        # stops for tours
        stops = None
        if net is not None and net["stops"]:
            st = [s for s in net["stops"] if r.random() < 0.6] or [r.choice(net["stops"])]
            stops = st
        elif p["mobile"]:
            stops = []
            d = t0
            while d <= t1:
                length = r.randint(2, 9)
                stops.append((d, min(t1, d + length - 1), tour_town(d)))
                d += length + r.randint(10, 60)
        if net is not None and "home" in net:
            home = net["home"] if r.random() < 0.8 else _wchoice(r, zones[net["home"].zone],
                                                                   list(np.cumsum([c.weight for c in zones[net["home"].zone]])))
        else:
            home = _wchoice(r, communes, c_cum)
        if p["season"]:
            home = _wchoice(r, zones["stations"], list(np.cumsum([c.weight for c in zones["stations"]])))
        forms = _commune_forms(home)
        typed_home = forms[0] if p["alias_idx"] < 0.55 else forms[int(p["alias_idx"] * 997) % len(forms)]
        phone_list = p["phones"]
        remaining = k
        posting_no = 0
        while remaining > 0:
            posting_no += 1
            u = r.random()
            ch = p["ch"][0] if u < 0.82 else p["ch"][1 + r.randrange(3)]
            if ch == "D":
                c = min(remaining, len(mirror_sites) - int(rng.binomial(len(mirror_sites), 0.08)))
            elif ch == "E":
                c = min(remaining, 1 + int(r.random() < (0.45 if net is not None else 0.25))
                        + int(r.random() < (0.2 if net is not None else 0.05)))
            else:
                c = min(remaining, 1 + int(r.random() < 0.15))
            c = max(1, c)
            remaining -= c
            # when and where
            if stops:
                s_a, s_b, town = r.choice(stops)
                day = r.randint(s_a, max(s_a, s_b))
                comm = town
                passage = r.random() < 0.48
                stay = (s_a, s_b)
            else:
                day = r.randint(t0, t1)
                comm = home
                if r.random() < 0.1 and len(zones[home.zone]) > 1:
                    comm = r.choice(zones[home.zone])
                passage = p["fake_passage"] and r.random() < 0.7
                stay = (day, min(W - 1, day + r.randint(3, 8)))
            if comm is home:
                typed = typed_home
            else:
                f = _commune_forms(comm)
                typed = f[0] if r.random() < 0.6 else r.choice(f)
            if r.random() < 0.012:
                typed = r.choice(DEPARTEMENT_FORMS)
                comm_for_site = None
            else:
                comm_for_site = comm
            # phone of the moment (a changed number replaces the old one)
            if len(phone_list) > 1 and net is None:
                cut = t0 + (t1 - t0) // 2
                ph = phone_list[1] if day > cut else phone_list[0]
            else:
                ph = r.choice(phone_list)
            digits = _Phones.digits(ph)
            # pseudo and age of this posting
            pseudo = p["pseudo2"] if (p["pseudo2"] and r.random() < 0.35) else p["pseudo"]
            elapsed_years = max(0, (day - t0)) // 365
            age = p["age"] + elapsed_years
            if p["age_shift"] and r.random() < 0.4:
                age += r.choice((-2, -1, -1, 1, 1, 2, 3))
            if net is not None and r.random() < 0.12:
                age = max(18, age + r.choice((-4, -3, 3, 5)))  # incoherent ages across ads
            age = max(18, age)
            origin = p["origin"]
            if net is not None and r.random() < 0.15:
                origin = p["origin_alt"]
            first_site = (mirror_sites[0] if ch == "D" else _wchoice(r, sites_by_cat[ch], cat_cum[ch]))
            title, text = _compose(r, wr, p, net, ch, pseudo, age, origin, comm, passage, stay,
                                   digits, first_site, months_fr, months_en, day)
            if p.get("copy_of", -1) >= 0 and p["copy_of"] in texts_by_person and r.random() < 0.6:
                title, text = texts_by_person[p["copy_of"]]
            texts_by_person.setdefault(pi, (title, text))
            # which sites carry this posting
            if ch == "D":
                chosen = r.sample(mirror_sites, c) if c <= len(mirror_sites) else [r.choice(mirror_sites) for _ in range(c)]
                if r.random() < 0.03:
                    chosen[0] = r.choice([s for s in sites_by_cat["D"]])
            elif ch == "E":
                chosen = [first_site]
                pool = [s for s in sites_by_cat["E"] if s is not first_site]
                pc = list(np.cumsum([s.weight for s in pool]))
                while len(chosen) < c:
                    s = _wchoice(r, pool, pc)
                    if s not in chosen:
                        chosen.append(s)
            else:
                chosen = [first_site] * c  # reposted ("remontée") on the same site
            show_age = r.random() < {"E": 0.6, "C": 0.34, "D": 0.3, "M": 0.15}[ch]
            for j, site in enumerate(chosen):
                dj = day if j == 0 else min(W - 1, day + (r.randint(0, 2) if ch != "C" else r.randint(3, 20)))
                t_title, t_text = title, text
                if ch == "E" and j > 0 and r.random() < 0.3:
                    t_title, t_text = _compose(r, wr, p, net, ch, pseudo, age, origin, comm, passage,
                                               stay, digits, site, months_fr, months_en, day)
                if site.mirror and r.random() < 0.15 and len(t_text) > 260:
                    t_text = t_text[:250].rstrip() + "..."
                if comm_for_site is None:
                    decl = typed
                else:
                    decl = _declared(comm_for_site, site, typed, r)
                # phone field as shown
                if site.ph == "none":
                    tel = ""
                elif r.random() < (0.1 if ch == "C" else 0.04):
                    tel = ""  # only in the text, or by message
                elif site.ph == "canon":
                    tel = _phone_text(digits, 0)
                elif site.ph == "intl":
                    tel = _phone_text(digits, 4)
                else:
                    tel = _phone_text(digits, wr.phone_fmt)
                ps = pseudo
                v = r.random()
                if ch == "D" or site.ph == "raw":
                    if v < 0.1:
                        ps = ""
                    elif v < 0.16:
                        ps = ps.lower()
                    elif v < 0.2:
                        ps = ps.upper()
                    elif v < 0.25:
                        ps = ps + r.choice(("38", "_38", " 38", "69"))
                    elif v < 0.28:
                        ps = _strip_accents(ps)
                    elif v < 0.3:
                        ps = ps + " " + r.choice(("❤", "💋", "✨"))
                col_site.append(site.name)
                col_day.append(dj)
                col_comm.append(decl)
                col_title.append(t_title)
                col_text.append(t_text)
                col_tel.append(tel)
                col_pseudo.append(ps)
                col_age.append(str(age) if show_age else "")
                col_pid.append(pi)

    n_rows = len(col_site)
    assert n_rows == n, (n_rows, n)
    # ---------------- sheet order and identifiers -----------------------
    day_arr = np.asarray(col_day, dtype=np.int64)
    site_rank = {s.name: i for i, s in enumerate(sorted(SITES, key=lambda s: s.name))}
    site_arr = np.asarray([site_rank[s] for s in col_site], dtype=np.int64)
    tie = rng.random(n_rows)
    ordr = np.lexsort((tie, site_arr, day_arr)) if n_rows else np.zeros(0, dtype=np.int64)
    width = max(6, len(str(n_rows)))
    ids = [f"ISR-{i + 1:0{width}d}" for i in range(n_rows)]
    dates = (np.datetime64(WINDOW_START.isoformat()) + day_arr[ordr].astype("timedelta64[D]")).astype(str)

    def take(col):
        return [col[i] for i in ordr.tolist()]

    sheet = pd.DataFrame({
        "id_annonce": ids,
        "site": take(col_site),
        "date_collecte": dates.tolist(),
        "commune_declaree": take(col_comm),
        "titre": take(col_title),
        "texte": take(col_text),
        "telephone": take(col_tel),
        "pseudo": take(col_pseudo),
        "age_declare": take(col_age),
    }, columns=list(SHEET_COLUMNS))
    perm = rng.permutation(n_p) if n_p else np.zeros(0, dtype=np.int64)
    pid_label = [f"P{int(x) + 1:06d}" for x in perm]
    nperm = rng.permutation(len(networks)) if networks else np.zeros(0, dtype=np.int64)
    nid_label = [f"R{int(x) + 1:05d}" for x in nperm]
    pids = take(col_pid)
    truth = pd.DataFrame({
        "id_annonce": ids,
        "id_personne": [pid_label[i] for i in pids],
        "id_reseau": [nid_label[persons[i]["net"]] if persons[i]["net"] >= 0 else "" for i in pids],
    }, columns=list(TRUTH_COLUMNS))
    info = {
        "persons": persons,
        "networks": networks,
        "person_labels": pid_label,
        "network_labels": nid_label,
        "window_days": W,
    }
    return sheet, truth, info


def _compose(r, wr, p, net, ch, pseudo, age, origin, comm, passage, stay, digits, site,
             months_fr, months_en, day):
    g = p["g"]
    kind = p["kind"]
    o = _ORIGINS[origin]
    o_fr = o[1] if g == "M" else o[0]
    if not p["declares_origin"]:
        o_fr_t, o_en = "", ""
    else:
        o_fr_t, o_en = o_fr, o[2]
    a_txt = str(age) if r.random() < 0.55 else ""
    if net is not None and a_txt and r.random() < 0.1:
        a_txt = str(age + r.choice((-3, -2, 2, 4)))  # a second age inside the text
    if g == "M":
        d = r.choice(("jeune homme", "mec", "homme")) if age < 30 else "homme"
    elif g == "T":
        d = r.choice(("trans", "jeune trans", "belle trans", "transsexuelle"))
    else:
        d = r.choice(("jeune femme", "femme", "jolie femme", "étudiante", "jolie " + p["hair"])) \
            if age < 30 else r.choice(("femme", "jolie femme", "femme mûre" if age > 42 else "belle femme"))
    c_txt = comm.nom if r.random() < 0.7 else r.choice(_commune_forms(comm))
    vals = {"p": pseudo if kind != "salon" else p.get("salon", pseudo), "a": a_txt, "o": o_fr_t,
            "d": d, "c": c_txt, "h": p["hair"], "s": site.name.split(".")[0], "t": net["tour_list"] if net else "",
            "d1": months_fr(stay[0]), "d2": months_fr(stay[1]), "tel": ""}
    S = wr.slots
    parts = []
    en_only = wr.lang == "en"
    if not en_only:
        if r.random() < S["greet"]:
            parts.append(_fill(wr.pick(r, "greet"), vals))
        if kind == "salon":
            parts.append(_fill(_BANK["intro3"][r.choice((1, 2))], vals).replace("l'agence", "notre institut"))
            parts.append("nos hôtesses asiatiques vous proposent des massages relaxants")
        elif g == "M":
            parts.append(_fill(wr.pick(r, "introM"), vals))
        elif wr.third:
            parts.append(_fill(wr.pick(r, "intro3"), vals))
        else:
            parts.append(_fill(wr.pick(r, "intro1"), vals))
        if p["lodging"] and r.random() < 0.8:
            parts.append(_fill(wr.pick(r, "lodging"), vals))
        elif r.random() < S["offer"]:
            key = "offerM" if g == "M" else ("offer3" if wr.third else "offer")
            parts.append(_fill(wr.pick(r, key), vals))
        if r.random() < S["place"]:
            parts.append(_fill(wr.pick(r, "place"), vals))
        if passage:
            parts.append(_fill(wr.pick(r, "passage"), vals))
        elif p["season"] and r.random() < 0.6:
            parts.append(_fill(wr.pick(r, "season"), vals))
        elif r.random() < 0.6:
            parts.append(_fill(wr.pick(r, "local"), vals))
        if kind == "agence" and r.random() < 0.5:
            parts.append(_fill(wr.pick(r, "tour"), vals))
        if r.random() < wr.always:
            parts.append(_fill(wr.pick(r, "avail24"), vals))
        elif r.random() < S["avail"]:
            parts.append(_fill(wr.pick(r, "avail"), vals))
        if r.random() < S["cond"]:
            parts.append(_fill(wr.pick(r, "cond"), vals))
        if r.random() < S["photo"]:
            parts.append(_fill(wr.pick(r, "photo"), vals))
    if wr.lang in ("en", "fren"):
        ve = dict(vals, o=o_en, d1=months_en(stay[0]), d2=months_en(stay[1]))
        parts.append(_fill(wr.pick(r, "en_intro"), ve))
        parts.append(_fill(wr.pick(r, "en_body"), ve))
        if passage:
            parts.append(_fill(wr.pick(r, "en_passage"), ve))
        if r.random() < wr.always:
            parts.append("available 24/7")
        parts.append(_fill(wr.pick(r, "en_close"), ve))
    if wr.lang == "fres" and r.random() < 0.7:
        parts.append(_fill(wr.pick(r, "es"), vals))
    # phone inside the text
    q = {"C": 0.3, "D": 0.25, "E": 0.08, "M": 0.5}[ch]
    if r.random() < q:
        tel = _phone_obfuscated(digits, r) if (ch == "D" and r.random() < 0.5) else _phone_text(digits, wr.phone_fmt)
        parts.append(_fill(wr.pick(r, "tel"), dict(vals, tel=tel)))
    if not en_only and r.random() < S["close"]:
        parts.append(_fill(wr.pick(r, "close3" if wr.third else "close"), vals))
    # fiche (standardised profile card on escort sites)
    if site.fiche and ch == "E":
        fields = []
        full = wr.fiche_full
        if full or r.random() < 0.6:
            fields.append(f"Âge : {age}")
        if full or r.random() < 0.5:
            fields.append(f"Taille : 1m{p['height'] % 100:02d}" if p["height"] >= 100 else f"Taille : {p['height']} cm")
        hair = p["hair"] if (net is None or r.random() < 0.9) else r.choice(_HAIR)
        if full or r.random() < 0.5:
            fields.append(f"Cheveux : {hair}")
        if full or r.random() < 0.3:
            fields.append(f"Yeux : {p['eyes']}")
        if p["declares_origin"] and (full or r.random() < 0.5):
            fields.append(f"Origine : {o_fr}")
        if full:
            fields.append("Langues : " + {"est": "anglais, russe", "latam": "espagnol, portugais",
                                          "asia": "anglais", "eu": "anglais, italien"}.get(p["region"], "français"))
            fields.append("Reçoit : oui | Se déplace : " + ("oui" if r.random() < 0.6 else "non"))
        parts.append(" | ".join(fields))
    sep = wr.sep
    text = sep.join(_cap(x.strip()) for x in parts if x and x.strip())
    if wr.emoji and r.random() < 0.5:
        text = text + " " + wr.emoji
    text = text + wr.end if text and text[-1] not in ".!" else text
    for a_, b_ in wr.typos:
        text = text.replace(a_, b_)
    if wr.noaccent:
        text = _strip_accents(text)
    if wr.lower:
        text = text.lower()
    elif wr.caps and r.random() < 0.5:
        text = text.upper()
    # title
    if kind == "salon":
        tkey = "titleS"
    elif g == "M":
        tkey = "titleM"
    elif g == "T" and r.random() < 0.7:
        tkey = "titleT"
    elif wr.lang == "en" or (wr.lang == "fren" and r.random() < 0.4):
        tkey = "titleEN"
    else:
        tkey = "title"
    tv = dict(vals, o=(o_en if tkey == "titleEN" else o_fr_t), a=str(age))
    if passage and tkey == "title" and r.random() < 0.3:
        title = f"{pseudo} de passage à {c_txt}"
    else:
        title = ""
        for _ in range(4):
            title = _fill(wr.pick(r, tkey), tv).strip(" ,-")
            if "{" not in title and title and not title.endswith(" à") and "  " not in title:
                break
    title = " ".join(title.split())
    if wr.noaccent:
        title = _strip_accents(title)
    if wr.caps and r.random() < 0.4:
        title = title.upper()
    return title, text


def fifteenth_world(n_ads: int, seed: int = DEFAULT_SEED) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Return (sheet, truth) for ``n_ads`` ads of the Isère world."""
    sheet, truth, _ = _generate(n_ads, seed)
    return sheet, truth


def write_fifteenth_world(n_ads: int, folder, seed: int = DEFAULT_SEED) -> tuple[Path, Path]:
    """Write the sheet and the truth as UTF-8 CSV files; return their paths."""
    folder = Path(folder)
    (folder / "verite").mkdir(parents=True, exist_ok=True)
    sheet, truth = fifteenth_world(n_ads, seed)
    p_sheet = folder / "annonces-SYNTHETIQUE.csv"
    p_truth = folder / "verite" / "annonces-SYNTHETIQUE.csv"
    sheet.to_csv(p_sheet, index=False, encoding="utf-8", lineterminator="\n")
    truth.to_csv(p_truth, index=False, encoding="utf-8", lineterminator="\n")
    return p_sheet, p_truth
