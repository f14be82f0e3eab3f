"""Twelfth synthetic world of ads: the Haute-Garonne (31), written blind from the report.

A world of online sex-work ads, as a team of collectors would copy them into a collection sheet,
with the truth (which person, which network) kept apart, to judge a record linkage
(ads -> persons) on data its authors never saw.  Everything is fiction: persons, pseudonyms,
sites (``.example``), and telephone numbers, all in the ARCEP blocks reserved for fiction.
The prose is sober and uses only the euphemisms the report lists.

Source: Amicale du Nid, « Diagnostic départemental pour la lutte contre la prostitution,
le proxénétisme et la traite des êtres humains aux fins d'exploitation sexuelle --
Pas-de-Calais », 2020 (with its annex 5, the method of the Île-de-France diagnostic).
Sections cited below are the report's.

Data sheet
==========

Taken from the report
---------------------
* II-B, I-B-1: 699 ads collected between 20 September and 5 December 2018 (77 days), on
  39 sites; a duplicate rate of 61 %, hence 273 persons.  At 699 ads this world has exactly
  273 persons and a 77-day window starting on 2018-09-20.
* I-B-1, II-B table, annex 5-1-a: three kinds of sites -- specialised « escorting » sites
  (agencies and directories, 405 ads), general classified ads (107) and dating sites (187) --
  plus one directory of massage parlours (0 ads).  The escort ads concentrate on two big
  directories (171 and 160 ads out of 405).  Weights of the sites below copy these shares.
* II-B, annex 5-1-a: on the dating sites the same contents are duplicated on several sites of
  similar design, « probablement conçus par les mêmes auteur-e-s » (in the table, 17 ads each
  on 11 sites): a family of eleven dating sites here copies each ad posted on one of its two
  « source » sites to the others (each copy is one row of the sheet), re-rendered by each
  mirror (cut text, stripped accents, upper-case title, hidden number...).
* I-B-2, annex 5-2: sites appear and disappear quickly; over long windows the mirror sites
  each live only part of the window.
* Annex 5-1-b: paid options let advertisers edit their ad and its location without limit:
  persons re-edit their texts and sometimes change their declared commune.
* I-B-1, annex 5-2: ads are sorted on the cities declared by their authors: the sheet's
  ``commune_declaree`` is what the ad declares, typed or rendered in many ways.
* III-D: 80 % of the ads in five agglomerations, 30 communes named including very rural ones;
  18 % of the ads present the person as « de passage ».  III-B-1, V-A-2, annex 5-2: sex tours
  organised by networks from Eastern Europe, South America and Asia, for a few days or weeks in
  apartments rented through platforms; itineraries planned in advance.
* IV-A-1: persons presented in the ads: 84 % women, 7 % men, 9 % transgender persons; the
  transgender persons known to the partners all came from Latin America.
* IV-A-2: 53 % of the ads give no age; the mean declared age is 30; the sites forbid minors
  (declared ages here are 18 or more).
* IV-A-3: 58 % of the persons are given a nationality or provenance, 20 % of them French and
  80 % foreign (Argentina, Brazil, Colombia, Cuba, Mexico, Paraguay, Puerto Rico, Venezuela;
  Germany, Spain, Italy, Finland, Poland, Ukraine; China, India, Lebanon; Kenya).  Romania,
  Cameroon and Côte d'Ivoire come from the partners' part of IV-A-3.
* II-B: prostitution is never named; euphemisms « escort », « moment », « détente »,
  « service », « compagnie », conditions (« pas de numéros masqués », « pas de sms »), the
  meeting place (« je vous attends », « je peux me déplacer », « appartement »), mobility
  (« sur le secteur »), photos said to be real; one extract of classified ads is a young man
  offering « massage, sortie » to gay or bisexual men, or an arrangement.  V-B: 96 % of the
  ads address men, 8 % address women.
* Annex 5-1-a: agency fiches are standardised, glamorous (« élégante et raffinée »), always
  with a first name, multilingual, with tours in several countries; dating-site ads are short,
  with spelling mistakes, titles naming a physical trait or a nationality.
* V-A-4, the « faisceau d'indices » of network ads: similar wording and the same spelling
  mistakes for apparently different persons; one pseudonym for several persons; the same
  descriptive terms, the same day, the same town; the same numbers, or numbers of which only
  the last two digits differ; third-person writing; English; incoherences (several
  pseudonyms or ages in one ad); « de passage », « en vacances »; « 24h/24 ».  Networks are
  « clearly visible » in 38 % of the ads studied: here 30 % of the persons belong to a
  network and the tour and agency persons post more, so that network ads are about a third of
  the sheet (0.33 at 699 ads, 0.30 at 1,000,000).
* V-A-4: networks are plainest on escort sites (agencies), more discreet on classified and
  dating sites.  V-A-1: most pimps the partners describe are partners or relatives: here the
  small « local » networks (two or three persons, one manager's number).
* Annex 5-2: publication dates are not always shown and some ads are stale: the sheet only has
  the collection date.

Decided, not in the report
--------------------------
* Geography: the Haute-Garonne from the COG 2018 table (``src/diagnostic/reference``): 60
  communes -- Toulouse (about 57 % of the ads, with its quarters), 31 communes of the
  metropolis and its rim (Blagnac, Labège and Portet for their hotels), the towns of the plain
  (Muret, Revel, Villefranche-de-Lauragais, Grenade, Fronton, Carbonne, Cazères...) and the
  Pyrenean south (Saint-Gaudens, Bagnères-de-Luchon, Montréjeau...).  Tours go through
  Toulouse, its hotel zones, Muret, Saint-Gaudens and Luchon.  No seasonality.
* Commune typing: official name, lower or upper case, without accents, « St » for
  « Saint », short forms (« Luchon », « Ramonville », « Tlse »), with a postcode (one of the
  commune's own La Poste codes), with « (31) », or Toulouse with a quarter.  Each site renders
  it its own way (a drop-down list, a list with postcode, or free typing); 3 % empty.
* Growth laws.  A larger corpus is read as a larger area *and* a longer window: the window is
  ``77 * (n/699) ** (1/3)`` days and the area ``(n/699) ** (2/3)`` times the report's.  Persons
  grow with the area and, through turnover, as the square root of the window, hence
  ``persons = round(273 * (n/699) ** (5/6))``: 656 persons and 109 days at 2,000 ads, about
  17,100 persons and 403 days at 100,000, about 116,000 persons and 868 days (2.4 years) at
  1,000,000, i.e. 2.6, 5.8 and 8.6 ads per person.  Above 699 ads the communes stay those of
  the Haute-Garonne: the large sizes are a stress test, a national volume on this geography.
* Activity: each person is active over a span (median 45 days at 77 days, growing as the
  square root of the window); ads are spread over it, often several the same day on several
  sites (cross-posting), and re-posted on later days.  Ads per person: one at least, then a
  multinomial share of the rest with log-normal weights (times the square root of the span)
  capped at six times their mean, so that nobody has an absurd number of ads (at most 12 at
  699 ads, 33 at 2,000, 73 at 100,000, 104 over the 2.4 years of 1,000,000: a person on the
  dating family has each posting copied on up to ten mirrors).
* Networks: about 30 % of the persons.  Four kinds: « agence » (escort directories, fiches in
  the third person, often bilingual French-English, a shared agency number, international tour
  dates, persons rotating for 5-15 days), « tournee » (sex tours from Eastern Europe, Latin
  America or Asia: persons de passage for a few days in one to three towns, ads in English,
  Spanish, Portuguese or simple French, one number each in the network's batch or one shared
  number, « 24h/24 »), « modele » (one template with its spelling mistakes for all persons,
  classified and dating sites, ads posted the same days in the same town, one or two shared
  numbers), « local » (two or three persons, one manager's number, French).  A quarter of the
  tour and template networks reuse one pseudonym for successive persons on the same number.
* What one person's ads look like, the report's indices being ambiguous: one ad always
  presents one person (never a duo).  Ads that share a number, a template or a pseudonym but
  differ in first name, age or description are different persons of one network (the
  report's « personnes différentes »).  An ad whose text keeps another person's first name or
  age (the template was not fully edited, V-A-4 « incohérences ») belongs to the person of
  its pseudonym and fiche.  A person keeps her description (hair, category, provenance) and
  her declared age within two years of her base age.
* Persons: pseudonymous first names drawn from invented pools with Zipf weights (so popular
  names are shared by many unrelated persons); the pseudo field shows the display name
  (escort sites, one in capitals) or a username (classified and dating sites), is empty on
  half the classified ads and on 3 % of the others; persons change pseudonym with probability
  0.12 + 0.25 × min(1, span/365 days), a quarter of them then alternating the two.  Declared
  age: base ages women 19 + Gamma(2.2, 6), men 19 + Gamma(2, 3.6), transgender persons
  20 + Gamma(2.5, 4), agency persons 22-33 (the ads' mean comes out at 30-31); each new text
  version moves it by one year with probability 0.15 (never more than two from the base), and
  5 % of the ads show a profile field one year off; 45 % of the independent persons never give
  an age, 35 % always, 20 % half the time.  Texts: built from sentence banks in the person's
  voice, re-edited on a quarter of the posting days (a tenth for network persons: a sentence
  replaced, dropped or added), with the person's own spelling mistakes (a network's for its
  persons); 10 % of the persons write on several lines.
* Telephones.  6 % of the persons give no number at all, 3 % of the other ads omit it.  Escort
  sites show the number in their own format (the collector copies it as shown, and retypes it
  in another format 12 % of the time); classified sites show it half the time, dating sites
  a third of the time (otherwise it is only in the text, if the person wrote it there).
  Formats: spaces, dots, dashes, slashes, no separator, +33, +33 (0), 0033.  Persons change number
  (1 + Poisson(0.10 + 0.35 × span/100 days) numbers, at most 4); 4 % of those with one
  number and four ads or more alternate it with a second one.
* Fiction ranges.  Only the six ARCEP blocks reserved for fiction are used (first six digits
  019900, 026191, 035301, 046571, 053649, 063998; 60,000 numbers), all six standing in for
  mobile numbers.  A network takes a batch of ten numbers inside one hundred (so they differ
  only in their last two digits); hundreds used by networks are never given to independent
  persons.  Numbers are spread one per hundred first, so that at small sizes unrelated persons
  rarely share a hundred.  At large sizes numbers are recycled, as operators do: a number
  freed by a person (or a network's batch) goes back to a least-recently-used queue and is
  given again at the earliest 180 days after its last ad; if the queue ever lacked a number
  that old, the oldest free one would be given (``twelfth_world`` records the smallest gap
  seen in ``sheet.attrs["ecart_min_recyclage"]``: 194 days at 1,000,000 ads, where about
  49,000 of the 60,000 numbers appear, each held by three persons in turn on average).  Up to
  100,000 ads no number is ever recycled: a number shared by two persons is a network's.
* Sites: 32 invented sites (14 escort, 4 classified, 1 massage, 13 dating, 11 of them one
  family of mirrors); for windows over 120 days each mirror lives on a random 40-100 % of the
  window.  Collection date: the day the collector saw the ad; copies on mirrors are seen 0-6
  days after the original.  Ids follow the collection order (date, then site, then page).
* Languages: French for independent persons (2 % in the third person; 6 % of those of
  foreign provenance add an English version); networks as above.  Men address men (gay or
  bisexual) or women; no ad presents two persons.
"""
from __future__ import annotations

import heapq
import math
import random
import unicodedata
from datetime import date, timedelta
from pathlib import Path
from typing import NamedTuple

import numpy as np
import pandas as pd

DEPARTEMENT = "31"
SHEET_COLUMNS = ("id_annonce", "site", "date_collecte", "commune_declaree", "titre", "texte",
                 "telephone", "pseudo", "age_declare")
TRUTH_COLUMNS = ("id_annonce", "id_personne", "id_reseau")

REPORT_ADS = 699
REPORT_PERSONS = 273
REPORT_DAYS = 77                      # 2018-09-20 .. 2018-12-05
START = date(2018, 9, 20)
DEFAULT_SEED = 31
FILE_NAME = "annonces-SYNTHETIQUE.csv"

# ARCEP numbers reserved for fiction: six blocks of 10,000.
FICTION_PREFIXES = ("019900", "026191", "035301", "046571", "053649", "063998")
QUARANTINE_DAYS = 180


# ---------------------------------------------------------------------------------------------
# Communes (COG 2018 names and codes, La Poste postcodes)
# ---------------------------------------------------------------------------------------------

class Commune(NamedTuple):
    nom: str
    insee: str
    codes_postaux: tuple[str, ...]


# nom, INSEE, postcodes, weight (share of the ads, per mille), zone, short forms typed
_COMMUNE_DATA = (
    ("Toulouse", "31555", ("31000", "31100", "31200", "31300", "31400", "31500"), 570, "T",
     ("Tlse",)),
    ("Blagnac", "31069", ("31700",), 45, "M", ("Blagnac aéroport",)),
    ("Colomiers", "31149", ("31770",), 22, "M", ()),
    ("Tournefeuille", "31557", ("31170",), 18, "M", ()),
    ("Balma", "31044", ("31130",), 14, "M", ()),
    ("L'Union", "31561", ("31240",), 10, "M", ("L Union", "Lunion")),
    ("Ramonville-Saint-Agne", "31446", ("31520",), 12, "M", ("Ramonville",)),
    ("Labège", "31254", ("31670",), 16, "M", ("Labège Innopole",)),
    ("Portet-sur-Garonne", "31433", ("31120",), 13, "M", ("Portet",)),
    ("Saint-Orens-de-Gameville", "31506", ("31650",), 9, "M", ("Saint-Orens",)),
    ("Cugnaux", "31157", ("31270",), 9, "M", ()),
    ("Castanet-Tolosan", "31113", ("31320",), 7, "M", ("Castanet",)),
    ("Saint-Jean", "31488", ("31240",), 5, "M", ()),
    ("Aucamville", "31022", ("31140",), 5, "M", ()),
    ("Fenouillet", "31182", ("31150",), 5, "M", ()),
    ("Villeneuve-Tolosane", "31588", ("31270",), 4, "M", ()),
    ("Plaisance-du-Touch", "31424", ("31830",), 5, "M", ("Plaisance",)),
    ("Beauzelle", "31056", ("31700",), 3, "M", ()),
    ("Cornebarrieu", "31150", ("31700",), 3, "M", ()),
    ("Launaguet", "31282", ("31140",), 3, "M", ()),
    ("Quint-Fonsegrives", "31445", ("31130",), 3, "M", ()),
    ("Saint-Alban", "31467", ("31140",), 2, "M", ()),
    ("Castelginest", "31116", ("31780",), 3, "M", ()),
    ("Pibrac", "31417", ("31820",), 2, "M", ()),
    ("Aussonne", "31032", ("31840",), 2, "M", ()),
    ("Frouzins", "31203", ("31270",), 2, "M", ()),
    ("Seysses", "31547", ("31600",), 2, "M", ()),
    ("Fonsorbes", "31187", ("31470",), 2, "M", ()),
    ("Léguevin", "31291", ("31490",), 2, "M", ()),
    ("Escalquens", "31169", ("31750",), 2, "M", ()),
    ("Saint-Jory", "31490", ("31790",), 2, "M", ()),
    ("Bruguières", "31091", ("31150",), 2, "M", ()),
    ("Muret", "31395", ("31600",), 30, "P", ()),
    ("Villefranche-de-Lauragais", "31582", ("31290",), 6, "P", ("Villefranche",)),
    ("Revel", "31451", ("31250",), 7, "P", ()),
    ("Grenade", "31232", ("31330",), 4, "P", ()),
    ("Fronton", "31202", ("31620",), 4, "P", ()),
    ("Villemur-sur-Tarn", "31584", ("31340",), 4, "P", ("Villemur",)),
    ("Auterive", "31033", ("31190",), 5, "P", ()),
    ("Carbonne", "31107", ("31390",), 5, "P", ()),
    ("Cazères", "31135", ("31220",), 4, "P", ()),
    ("Saint-Lys", "31499", ("31470",), 3, "P", ()),
    ("Rieumes", "31454", ("31370",), 2, "P", ()),
    ("Noé", "31399", ("31410",), 1, "P", ()),
    ("Martres-Tolosane", "31324", ("31220",), 2, "P", ("Martres",)),
    ("Nailloux", "31396", ("31560",), 2, "P", ()),
    ("Caraman", "31106", ("31460",), 1, "P", ()),
    ("Verfeil", "31573", ("31590",), 1, "P", ()),
    ("Montastruc-la-Conseillère", "31358", ("31380",), 1, "P", ("Montastruc",)),
    ("Bessières", "31066", ("31660",), 1, "P", ()),
    ("Cadours", "31098", ("31480",), 1, "P", ()),
    ("Saint-Gaudens", "31483", ("31800",), 35, "S", ()),
    ("Bagnères-de-Luchon", "31042", ("31110",), 12, "S", ("Luchon",)),
    ("Montréjeau", "31390", ("31210",), 5, "S", ()),
    ("Valentine", "31565", ("31800",), 2, "S", ()),
    ("Salies-du-Salat", "31523", ("31260",), 2, "S", ("Salies",)),
    ("Aspet", "31020", ("31160",), 1, "S", ()),
    ("L'Isle-en-Dodon", "31239", ("31230",), 2, "S", ("L Isle en Dodon",)),
    ("Saint-Martory", "31503", ("31360",), 1, "S", ()),
    ("Gourdan-Polignan", "31224", ("31210",), 2, "S", ()),
)

COMMUNES = tuple(Commune(nom, insee, cps) for nom, insee, cps, *_ in _COMMUNE_DATA)
_C_WEIGHT = np.array([row[3] for row in _COMMUNE_DATA], dtype=float)
_C_WEIGHT /= _C_WEIGHT.sum()
_C_ZONE = tuple(row[4] for row in _COMMUNE_DATA)
_C_SHORT = tuple(row[5] for row in _COMMUNE_DATA)
_TOULOUSE = 0
_QUARTIERS = ("Capitole", "Compans-Caffarelli", "Saint-Cyprien", "Matabiau", "Rangueil",
              "Purpan", "Minimes", "Jean-Jaurès", "Saint-Michel", "Borderouge", "Mirail",
              "Carmes", "Jolimont", "Empalot", "Côte Pavée", "Croix-Daurade", "Lardenne",
              "Arènes", "centre", "Saint-Agne")
# stops of tours and agencies: agglomerations and hotel zones
_TOUR_STOPS = {"Toulouse": 50, "Blagnac": 9, "Labège": 6, "Portet-sur-Garonne": 5, "Muret": 7,
               "Saint-Gaudens": 8, "Bagnères-de-Luchon": 4, "Colomiers": 5, "Balma": 3,
               "Montréjeau": 2, "Revel": 2}
_NAME_INDEX = {c.nom: i for i, c in enumerate(COMMUNES)}


def _strip_accents(text: str) -> str:
    return "".join(ch for ch in unicodedata.normalize("NFD", text)
                   if unicodedata.category(ch) != "Mn")


# ---------------------------------------------------------------------------------------------
# Sites
# ---------------------------------------------------------------------------------------------

class _Site(NamedTuple):
    name: str
    kind: str          # escort | annonces | massage | rencontre (dating) | famille (mirror family)
    weight: float      # attractiveness inside its kind
    phone_style: int   # how the site prints a number
    city: str          # liste | liste_maj | liste_ascii | liste_cp | libre
    show_phone: float  # probability that the number is shown in the phone field
    age_field: float   # how often the site shows an age when the person gives one
    pseudo: str        # nom | nom_maj | user | user_or_empty
    mirror: tuple[str, ...] = ()   # re-rendering of copied ads
    mention: bool = False          # the site asks advertisers to mention it


_SITES = (
    _Site("velours-annuaire.example", "escort", 171, 0, "liste", 0.97, 1.0, "nom"),
    _Site("sud-escortes.example", "escort", 160, 2, "liste_maj", 0.97, 1.0, "nom_maj"),
    _Site("ladies-occitanie.example", "escort", 32, 1, "liste", 0.95, 0.9, "nom"),
    _Site("charme-et-sens.example", "escort", 9, 0, "liste_ascii", 0.95, 0.9, "nom"),
    _Site("lovely-rendezvous.example", "escort", 8, 4, "libre", 0.9, 0.9, "nom", (), True),
    _Site("happy-models.example", "escort", 6, 5, "liste", 0.95, 1.0, "nom"),
    _Site("escorte-rencontre.example", "escort", 6, 3, "liste_cp", 0.9, 0.9, "nom"),
    _Site("abc-escortes.example", "escort", 4, 0, "liste", 0.95, 0.9, "nom"),
    _Site("top-agency-europe.example", "escort", 3, 7, "liste", 1.0, 1.0, "nom"),
    _Site("girls-du-sud.example", "escort", 2, 1, "liste_ascii", 0.9, 0.9, "nom"),
    _Site("escortbook-occitanie.example", "escort", 2, 0, "liste", 0.95, 0.9, "nom"),
    _Site("t-escorts-international.example", "escort", 2, 6, "liste", 1.0, 1.0, "nom"),
    _Site("guide-escort-france.example", "escort", 1, 2, "liste_maj", 0.95, 0.9, "nom"),
    _Site("vip-escortes-france.example", "escort", 1, 0, "liste", 0.95, 1.0, "nom"),
    _Site("petites-annonces-du-midi.example", "annonces", 43, 1, "liste_cp", 0.5, 0.5,
          "user_or_empty"),
    _Site("troc-et-annonces.example", "annonces", 41, 0, "libre", 0.5, 0.4, "user_or_empty"),
    _Site("le-marche-des-annonces.example", "annonces", 20, 2, "liste", 0.45, 0.4,
          "user_or_empty"),
    _Site("annonces-entre-particuliers.example", "annonces", 3, 1, "liste_cp", 0.5, 0.4,
          "user_or_empty"),
    _Site("massages-bien-etre.example", "massage", 1, 0, "liste_cp", 0.9, 0.5, "nom"),
    # the family of dating sites: two sources and nine mirrors
    _Site("rencontre-intime-sud.example", "famille", 1, 1, "libre", 0.35, 1.0, "user"),
    _Site("on-se-rencontre.example", "famille", 1, 1, "libre", 0.35, 1.0, "user"),
    _Site("celib-rencontres.example", "famille", 0, 1, "libre", 0.35, 1.0, "user",
          ("tronque",)),
    _Site("rencontres-insolites.example", "famille", 0, 0, "libre", 0.35, 1.0, "user",
          ("titre_maj",)),
    _Site("rue-des-rencontres.example", "famille", 0, 1, "libre", 0.35, 1.0, "user",
          ("sans_accents",)),
    _Site("rencontre-ephemere.example", "famille", 0, 2, "libre", 0.35, 1.0, "user",
          ("ville_maj", "espaces")),
    _Site("sans-lendemain-rencontres.example", "famille", 0, 1, "libre", 0.35, 1.0, "user",
          ("sans_tel",)),
    _Site("tolerance-rencontres.example", "famille", 0, 1, "libre", 0.35, 1.0, "user",
          ("tronque", "titre_min")),
    _Site("calins-et-moi.example", "famille", 0, 0, "libre", 0.35, 1.0, "user", ("espaces",)),
    _Site("for-datings.example", "famille", 0, 5, "libre", 0.35, 1.0, "user",
          ("sans_accents", "titre_maj")),
    _Site("pas-de-tabou.example", "famille", 0, 1, "libre", 0.35, 1.0, "user",
          ("sans_tel", "tronque")),
    _Site("trans-rencontres.example", "rencontre", 2, 1, "libre", 0.3, 1.0, "user"),
    _Site("plan-dating.example", "rencontre", 2, 1, "libre", 0.2, 1.0, "user"),
)
_SITE_INDEX = {s.name: i for i, s in enumerate(_SITES)}
_FAMILY = tuple(i for i, s in enumerate(_SITES) if s.kind == "famille")
_FAMILY_SOURCES = _FAMILY[:2]
_MIRRORS = _FAMILY[2:]
_ESCORT = tuple(i for i, s in enumerate(_SITES) if s.kind == "escort")
_ANNONCES = tuple(i for i, s in enumerate(_SITES) if s.kind == "annonces")
_AGENCY_SITES = (_SITE_INDEX["top-agency-europe.example"],
                 _SITE_INDEX["t-escorts-international.example"])
_MASSAGE = _SITE_INDEX["massages-bien-etre.example"]
_TRANS_DATING = _SITE_INDEX["trans-rencontres.example"]
_PLAN_DATING = _SITE_INDEX["plan-dating.example"]
MIRROR_COPY_P = 0.92


def sites() -> pd.DataFrame:
    """The sites of the world, their kind and whether they mirror another site's ads."""
    return pd.DataFrame({"site": [s.name for s in _SITES],
                         "type": [s.kind for s in _SITES],
                         "miroir": [bool(s.mirror) for s in _SITES]})


# ---------------------------------------------------------------------------------------------
# Growth laws
# ---------------------------------------------------------------------------------------------

def _check(n_ads) -> int:
    if isinstance(n_ads, bool) or int(n_ads) != n_ads or n_ads <= 0:
        raise ValueError(f"n_ads must be a positive integer, got {n_ads!r}")
    return int(n_ads)


def persons_for_ads(n_ads: int) -> int:
    """Number of persons behind ``n_ads`` ads: 273 at 699 (report, II-B), then ``(n/699)^(5/6)``.

    The exponent 5/6 reads a larger corpus as a larger area (exponent 2/3, persons in proportion)
    collected over a longer window (exponent 1/3) in which persons turn over as the square root
    of the window: 1/2 x 1/3 = 1/6.
    """
    n = _check(n_ads)
    return max(1, min(n, round(REPORT_PERSONS * (n / REPORT_ADS) ** (5 / 6))))


def collection_days(n_ads: int) -> int:
    """Length of the collection window in days: 77 at 699 ads (report), then ``(n/699)^(1/3)``."""
    n = _check(n_ads)
    return max(1, round(REPORT_DAYS * (n / REPORT_ADS) ** (1 / 3)))


# ---------------------------------------------------------------------------------------------
# Telephones
# ---------------------------------------------------------------------------------------------

def _number(k: int) -> str:
    return FICTION_PREFIXES[k // 10000] + f"{k % 10000:04d}"


def _fmt_phone(d: str, style: int) -> str:
    p = (d[0:2], d[2:4], d[4:6], d[6:8], d[8:10])
    if style == 0:
        return " ".join(p)
    if style == 1:
        return d
    if style == 2:
        return ".".join(p)
    if style == 3:
        return "-".join(p)
    if style == 4:
        return f"+33 {d[1]} {p[1]} {p[2]} {p[3]} {p[4]}"
    if style == 5:
        return "+33" + d[1:]
    if style == 6:
        return f"0033 {d[1]} {p[1]} {p[2]} {p[3]} {p[4]}"
    if style == 7:
        return f"+33 (0){d[1]} {p[1]} {p[2]} {p[3]} {p[4]}"
    return "/".join(p)


_TEXT_PHONE_STYLES = (0, 1, 2, 3, 8, 4)
_TEXT_PHONE_W = (40, 20, 20, 8, 4, 8)


# ---------------------------------------------------------------------------------------------
# Names and descriptions
# ---------------------------------------------------------------------------------------------

_NAMES = {
    "FR": ("Lola", "Léa", "Jade", "Emma", "Chloé", "Manon", "Camille", "Sarah", "Julie", "Laura",
           "Marie", "Clara", "Inès", "Océane", "Lucie", "Eva", "Zoé", "Mélanie", "Jessica",
           "Sabrina", "Audrey", "Amandine", "Élodie", "Cindy", "Sandra", "Nadia", "Sonia",
           "Yasmine", "Lina", "Kelly", "Vanessa", "Noémie", "Justine", "Pauline", "Célia",
           "Margaux", "Anaïs", "Alicia", "Charlotte", "Émilie", "Caroline", "Aurélie", "Estelle",
           "Fanny", "Léna", "Maëva", "Morgane", "Ophélie", "Romane", "Solène", "Tiffany",
           "Cassandra", "Coralie", "Jennifer", "Laetitia", "Marion", "Nina", "Perrine", "Sophie",
           "Virginie"),
    "LATAM": ("Valentina", "Camila", "Isabella", "Gabriela", "Daniela", "Paola", "Carolina",
              "Mariana", "Fernanda", "Luana", "Bianca", "Natalia", "Andrea", "Juliana",
              "Alejandra", "Ximena", "Rafaela", "Larissa", "Bruna", "Tatiana", "Luz",
              "Catalina", "Sofia", "Lucia", "Milagros", "Yuliana", "Paloma", "Thalia",
              "Samanta", "Jimena"),
    "EUR": ("Giulia", "Chiara", "Francesca", "Alessia", "Carmen", "Elena", "Nerea", "Lena",
            "Hannah", "Anna", "Aino", "Emilia", "Greta", "Paula", "Marta", "Silvia"),
    "EST": ("Natasha", "Alina", "Katia", "Irina", "Oksana", "Olga", "Anastasia", "Daria",
            "Milena", "Viktoria", "Yulia", "Sveta", "Nika", "Alona", "Diana", "Kristina",
            "Polina", "Vika", "Ksenia", "Kasia", "Ewa", "Ioana", "Andreea", "Roxana"),
    "ASIE": ("Mei", "Lin", "Lily", "Kim", "Suki", "Jasmine", "Lan", "Ying", "Coco", "Nana",
             "Mimi", "Lulu", "Ling", "Jenny", "Cherry", "Linda", "Priya", "Anjali", "Maya",
             "Layla", "Nour", "Rania", "Yara"),
    "AFR": ("Grace", "Stella", "Joy", "Precious", "Aïcha", "Fatou", "Awa", "Naomi", "Esther",
            "Mercy", "Shanice", "Prisca", "Christelle", "Dorcas"),
    "H": ("Kevin", "Julien", "Hugo", "Lucas", "Thomas", "Nicolas", "Yanis", "Mehdi", "Rayan",
          "Enzo", "Alex", "Max", "Théo", "Dylan", "Diego", "Rafael", "Marco", "Karim", "Sami",
          "Jordan", "Anthony", "Bryan"),
    "T": ("Bianca", "Gabriela", "Paloma", "Luna", "Samantha", "Kendra", "Barbara", "Pamela",
          "Nicole", "Thalia", "Bruna", "Fernanda", "Jessica", "Kelly", "Larissa", "Vitória",
          "Agatha", "Monique"),
    "GLAM": ("Victoria", "Alexia", "Angelina", "Bella", "Stella", "Scarlett", "Vanessa", "Monica",
             "Kristal", "Amber", "Sienna", "Eva", "Naomi", "Olivia", "Jasmine", "Kira"),
}


def _zipf(n: int, s: float = 1.0) -> list[float]:
    return [1.0 / (k + 1) ** s for k in range(n)]


_NAME_W = {k: _zipf(len(v)) for k, v in _NAMES.items()}

# provenance: key -> (region, fr feminine, fr masculine, en, es, pt)
_PROVENANCE = {
    "FR": [("FR", "française", "français", "French", "francesa", "francesa"),
           ("FR", "toulousaine", "toulousain", "French", "francesa", "francesa")],
    "LATAM": [("LATAM", "argentine", "argentin", "Argentinian", "argentina", "argentina"),
              ("LATAM", "brésilienne", "brésilien", "Brazilian", "brasileña", "brasileira"),
              ("LATAM", "colombienne", "colombien", "Colombian", "colombiana", "colombiana"),
              ("LATAM", "cubaine", "cubain", "Cuban", "cubana", "cubana"),
              ("LATAM", "mexicaine", "mexicain", "Mexican", "mexicana", "mexicana"),
              ("LATAM", "paraguayenne", "paraguayen", "Paraguayan", "paraguaya", "paraguaia"),
              ("LATAM", "portoricaine", "portoricain", "Puerto Rican", "puertorriqueña",
               "porto-riquenha"),
              ("LATAM", "vénézuélienne", "vénézuélien", "Venezuelan", "venezolana",
               "venezuelana"),
              ("LATAM", "latine", "latino", "Latina", "latina", "latina")],
    "EUR": [("EUR", "allemande", "allemand", "German", "alemana", "alemã"),
            ("EUR", "espagnole", "espagnol", "Spanish", "española", "espanhola"),
            ("EUR", "italienne", "italien", "Italian", "italiana", "italiana"),
            ("EUR", "finlandaise", "finlandais", "Finnish", "finlandesa", "finlandesa"),
            ("EUR", "méditerranéenne", "méditerranéen", "Mediterranean", "mediterránea",
             "mediterrânea")],
    "EST": [("EST", "polonaise", "polonais", "Polish", "polaca", "polonesa"),
            ("EST", "ukrainienne", "ukrainien", "Ukrainian", "ucraniana", "ucraniana"),
            ("EST", "roumaine", "roumain", "Romanian", "rumana", "romena"),
            ("EST", "de l'Est", "de l'Est", "Eastern European", "del Este", "do Leste")],
    "ASIE": [("ASIE", "chinoise", "chinois", "Chinese", "china", "chinesa"),
             ("ASIE", "indienne", "indien", "Indian", "india", "indiana"),
             ("ASIE", "libanaise", "libanais", "Lebanese", "libanesa", "libanesa"),
             ("ASIE", "asiatique", "asiatique", "Asian", "asiática", "asiática")],
    "AFR": [("AFR", "kenyane", "kenyan", "Kenyan", "keniana", "queniana"),
            ("AFR", "camerounaise", "camerounais", "Cameroonian", "camerunesa", "camaronesa"),
            ("AFR", "ivoirienne", "ivoirien", "Ivorian", "marfileña", "marfinense"),
            ("AFR", "black", "black", "black", "negra", "negra"),
            ("AFR", "métisse", "métis", "mixed-race", "mestiza", "mestiça")],
}
_PROV_W = {"FR": (3, 1), "LATAM": (2, 4, 3, 1, 1, 1, 1, 2, 4), "EUR": (1, 3, 2, 1, 2),
           "EST": (2, 3, 2, 2), "ASIE": (3, 1, 1, 3), "AFR": (1, 1, 1, 3, 3)}
_NAME_POOL_OF = {"FR": "FR", "LATAM": "LATAM", "EUR": "EUR", "EST": "EST", "ASIE": "ASIE",
                 "AFR": "AFR"}

_LEAD_F = ("jolie", "belle", "charmante", "douce", "superbe", "ravissante")
_HAIR_F = ("brune", "blonde", "rousse", "châtain")
_HAIR_EN = {"brune": "brunette", "blonde": "blonde", "rousse": "redhead",
            "châtain": "brunette"}
_LEAD_EN = ("sweet", "elegant", "pretty", "charming", "lovely")
_LEAD_ES = ("muy dulce", "elegante", "cariñosa", "simpática")
_LEAD_PT = ("carinhosa", "elegante", "simpática", "muito doce")
_STYLE_F = ("pétillante", "souriante", "élégante", "naturelle", "raffinée", "câline",
            "sportive", "pulpeuse", "discrète", "pleine de charme")
_LEAD_H = ("jeune homme", "beau mec", "homme", "jeune mec")
_STYLE_H = ("sportif", "sympa", "discret", "souriant", "bien dans sa peau", "attentionné")
_LEAD_T = ("belle trans", "trans", "jolie trans", "trans féminine")


# ---------------------------------------------------------------------------------------------
# Sentence banks (slots: salut, intro, age, passage, offre, lieu, cond, dispo, contact, fin)
# ---------------------------------------------------------------------------------------------

_SLOTS = ("salut", "intro", "age", "passage", "offre", "lieu", "cond", "cond2", "dispo",
          "langue", "contact", "fin")
_OPTIONAL = ("salut", "age", "cond", "cond2", "dispo", "fin")

_BANK = {
    "fr_f": {
        "salut": ("Bonjour messieurs,", "Bonsoir,", "Coucou à tous,", "Hello,",
                  "Bonjour à vous,", "Salut,"),
        "intro": ("Je m'appelle {nom}, {np}.", "Moi c'est {nom}, {np}.",
                  "Je suis {nom}, une {np}.", "{nom}, {np}, sur {ville}.",
                  "Ici {nom}, {np} et pleine de douceur.",
                  "Je suis {nom}, {np}, installée à {ville}."),
        "age": ("J'ai {age} ans.", "{age} ans, toute douce.", "Âgée de {age} ans.",
                "J'ai {age} ans et beaucoup de charme."),
        "passage": ("De passage à {ville} du {du} au {au} seulement !",
                    "Je suis dans votre ville pour quelques jours, du {du} au {au}.",
                    "En vacances sur {ville} cette semaine.",
                    "De passage sur le secteur pour quelques jours.",
                    "Présente sur {ville} jusqu'au {au}, ne tardez pas."),
        "offre": ("Je vous propose un moment de détente en toute discrétion.",
                  "Je propose un agréable moment de complicité, sans prise de tête.",
                  "Envie de compagnie pour un dîner ou une soirée ?",
                  "Je vous offre un massage relaxant et un instant de douceur.",
                  "Pour un vrai moment de détente, dans le respect et la bonne humeur.",
                  "Je serai votre parenthèse détente de la journée.",
                  "Laissez-vous tenter par un moment calme et chaleureux.",
                  "Je propose mes services de massage et de compagnie."),
        "lieu": ("Je reçois dans un appartement calme et discret.",
                 "Je vous accueille dans un cadre propre et agréable.",
                 "Appartement discret, parking facile à proximité.",
                 "Je reçois uniquement, dans un petit appartement au calme.",
                 "Je me déplace à votre hôtel ou à domicile.",
                 "Déplacement possible sur {ville} et alentours.",
                 "Je peux me déplacer, discrétion assurée.",
                 "Je reçois et je me déplace, à vous de choisir."),
        "cond": ("Pas de numéros masqués ni de SMS, merci.",
                 "Appels masqués et SMS resteront sans réponse.",
                 "Uniquement des hommes respectueux et courtois.",
                 "Rendez-vous à prendre 30 minutes à l'avance.",
                 "L'hygiène et le respect sont indispensables.",
                 "Mes photos sont réelles et récentes."),
        "cond2": ("Discrétion assurée et demandée.", "Je ne réponds pas aux numéros masqués.",
                  "Merci de ne pas insister si je ne réponds pas.",
                  "Annonce sérieuse, pas de plaisantins."),
        "dispo": ("Disponible du lundi au samedi, de 10h à 22h.",
                  "Disponible en journée et en soirée.",
                  "Dispo tous les jours sauf le dimanche.",
                  "Disponible sur rendez-vous uniquement.",
                  "Disponible en soirée après 18h.", "Disponible 24h/24."),
        "langue": ("",),
        "contact": ("Appelez-moi au {tel}.", "Tél : {tel}", "Pour me joindre : {tel}.",
                    "Mon numéro : {tel}", "Contactez-moi au {tel}, je réponds vite."),
        "contact_sans": ("Contactez-moi par message.",
                         "Appelez-moi, je vous réponds rapidement.",
                         "Contact par téléphone uniquement."),
        "fin": ("À très vite, bisous.", "Au plaisir de vous rencontrer.", "Bisous.",
                "À bientôt.", "Je vous attends.", "Gros bisous et à bientôt."),
    },
    "fr_h": {
        "salut": ("Salut,", "Bonjour,", "Hello,"),
        "intro": ("Je suis {nom}, {np}, sur {ville}.", "{nom}, {np}, discret et sympa.",
                  "Moi c'est {nom}, {np}."),
        "age": ("J'ai {age} ans.", "{age} ans."),
        "passage": ("De passage sur {ville} quelques jours.",),
        "offre": ("Je propose massages et moments de détente à hommes gays ou bi.",
                  "Je propose ma compagnie pour des sorties, des massages, ou plus si affinités.",
                  "Massage relaxant et moment agréable, pour hommes ou pour femmes.",
                  "Ouvert à un arrangement avec quelqu'un de généreux et attentionné."),
        "lieu": ("Je peux me déplacer, très discret.", "Je reçois ou je me déplace.",
                 "Je me déplace sur {ville} et autour."),
        "cond": ("Pas de numéros masqués.", "Discrétion assurée.",
                 "Uniquement des personnes respectueuses."),
        "cond2": ("Pas sérieux s'abstenir.",),
        "dispo": ("Dispo le soir et le week-end.", "Disponible en journée."),
        "langue": ("",),
        "contact": ("Écris-moi ou appelle au {tel}.", "Tél : {tel}", "Mon numéro : {tel}"),
        "contact_sans": ("Écris-moi, je réponds vite.", "Contacte-moi par message."),
        "fin": ("À bientôt.", "Au plaisir.", "Bises."),
    },
    "fr_t": {
        "salut": ("Coucou,", "Bonjour messieurs,", "Bonsoir mes chéris,"),
        "intro": ("Je suis {nom}, {np}.", "{nom}, {np}, féminine et douce.",
                  "Coucou, moi c'est {nom}, {np}, nouvelle à {ville}."),
        "age": ("J'ai {age} ans.", "{age} ans, très féminine."),
        "passage": ("De passage à {ville} du {du} au {au}.",
                    "Juste quelques jours sur {ville}, ne me ratez pas."),
        "offre": ("Je propose un bon moment tranquille et agréable.",
                  "Je vous offre un moment de détente dans une ambiance raffinée.",
                  "Pour un moment de complicité en toute discrétion."),
        "lieu": ("Je reçois dans un appartement climatisé et discret.",
                 "Appartement privé, propre et calme.", "Je me déplace aussi à l'hôtel."),
        "cond": ("Pas de numéros masqués, pas de SMS.", "Photos 100 % réelles.",
                 "Hommes courtois uniquement."),
        "cond2": ("Discrétion totale.",),
        "dispo": ("Disponible tous les jours.", "Disponible 24h/24."),
        "langue": ("",),
        "contact": ("Appelle-moi au {tel}.", "Tél : {tel}", "{tel}"),
        "contact_sans": ("Appelle-moi vite.",),
        "fin": ("Bisous.", "Je t'attends.", "À très vite."),
    },
    "fr_3": {
        "salut": ("Nouvelle arrivée !", "Exclusivité agence.", "Nouvelle à {ville} :"),
        "intro": ("{nom} est une {np} de {age} ans, nouvelle dans votre ville.",
                  "Nous vous présentons {nom}, {np}, {age} ans.",
                  "{nom}, {age} ans, {np}, vient d'arriver à {ville}.",
                  "La ravissante {nom}, {np}, vous attend à {ville}."),
        "age": ("Elle a {age} ans.",),
        "passage": ("En tournée à {ville} du {du} au {au}, puis {suite}.",
                    "Présente à {ville} du {du} au {au} seulement.",
                    "De passage à {ville} pour quelques jours, du {du} au {au}."),
        "offre": ("Elle vous propose un moment de détente et de compagnie.",
                  "Elle saura vous offrir un instant de douceur et de complicité.",
                  "Compagnie élégante et raffinée pour vos dîners et soirées.",
                  "Une escort de haut niveau pour un moment d'exception."),
        "lieu": ("Elle vous reçoit dans un appartement discret.",
                 "Elle se déplace à votre hôtel.", "Incall et outcall."),
        "cond": ("Photos 100 % vérifiées.", "Discrétion garantie.",
                 "Réservation conseillée."),
        "cond2": ("Agence sérieuse.", "Pas de numéros masqués."),
        "dispo": ("Disponible 24h/24.", "Disponible tous les jours, de jour comme de nuit.",
                  "Disponible 7j/7."),
        "langue": ("Elle parle anglais et quelques mots de français.",
                   "Elle parle espagnol et un peu français.", "Elle parle anglais."),
        "contact": ("Réservation au {tel}.", "Contact agence : {tel}", "Rendez-vous au {tel}."),
        "contact_sans": ("Réservation par téléphone.",),
        "fin": ("Bienvenue.", "Au plaisir de vous recevoir.", "Merci de votre confiance."),
    },
    "fr_massage": {
        "salut": ("Nouveau !", "Bonjour,"),
        "intro": ("Nouvelle masseuse {np} à {ville}, {nom}.", "{nom} jolie jeune fille {np}.",
                  "Masseuse {np} très douce et gentille, {nom}."),
        "age": ("{age} ans.",),
        "passage": ("Seulement quelques jours a {ville}.",),
        "offre": ("Massage relaxant, moment de détente tres agréable.",
                  "Massage complet pour vous detendre.", "Massage détente et bien-être."),
        "lieu": ("Appartement privé propre et calme.", "Salon privé, parking à coté."),
        "cond": ("Pas de numero masqué.", "Accueil tres gentil."),
        "cond2": ("Douche disponible.",),
        "dispo": ("Ouvert 7j/7 de 9h a 23h.", "Disponible 24h/24."),
        "langue": ("Parle un peu français.",),
        "contact": ("Appelez {tel}.", "Tel {tel}", "RDV {tel}"),
        "contact_sans": ("Appelez vite.",),
        "fin": ("Merci.", "A bientot."),
    },
    "en": {
        "salut": ("Hello gentlemen,", "Hi guys,", "Hello,"),
        "intro": ("I am {nom}, {np}.", "My name is {nom}, {np}.",
                  "{nom}, {np}, new in town."),
        "age": ("I am {age} years old.", "{age} y.o."),
        "passage": ("I am visiting {ville} from {du} to {au} only.",
                    "Just arrived in {ville} for a few days.",
                    "On tour in {ville} from {du} to {au}, then {suite}."),
        "offre": ("I offer a relaxing moment and pleasant company.",
                  "Sweet and elegant companion for your evenings.",
                  "Perfect company for a relaxing time."),
        "lieu": ("Incall in a discreet apartment.", "Incall and outcall, hotel visits.",
                 "Private and clean apartment."),
        "cond": ("No hidden numbers.", "Real photos.", "Respectful gentlemen only."),
        "cond2": ("Discretion guaranteed.",),
        "dispo": ("Available 24/7.", "Available day and night."),
        "langue": ("I speak English.", "English and a little French."),
        "contact": ("Call me: {tel}", "Phone: {tel}", "Contact: {tel}, no hidden numbers."),
        "contact_sans": ("Call me.",),
        "fin": ("Kisses.", "See you soon.", "Don't hesitate."),
    },
    "en_3": {
        "salut": ("New girl!", "Agency exclusive."),
        "intro": ("{nom}: {np}, {age} years old, visiting {ville}.",
                  "Meet {nom}, {age}, {np}."),
        "age": ("She is {age}.",),
        "passage": ("In {ville} from {du} to {au}, then {suite}.",
                    "Only a few days in {ville}."),
        "offre": ("She offers a relaxing and elegant moment.",
                  "High class companion for dinners and evenings."),
        "lieu": ("Incall and outcall.", "Hotel visits only."),
        "cond": ("Verified photos.", "Booking recommended."),
        "cond2": ("Discretion guaranteed.",),
        "dispo": ("Available 24/7.",),
        "langue": ("She speaks English.",),
        "contact": ("Booking: {tel}", "Call the agency: {tel}"),
        "contact_sans": ("Booking by phone.",),
        "fin": ("Welcome.",),
    },
    "es": {
        "salut": ("Hola,", "Hola cariño,", "Hola guapo,"),
        "intro": ("Soy {nom}, {np}.", "Me llamo {nom}, {np}.", "{nom}, {np}, nueva en {ville}."),
        "age": ("Tengo {age} años.", "{age} años."),
        "passage": ("Estoy de paso por {ville} del {du} al {au}.",
                    "Nueva en {ville}, solo unos días."),
        "offre": ("Te ofrezco un momento de relax y compañía.",
                  "Momentos de tranquilidad y discreción."),
        "lieu": ("Recibo en apartamento privado y discreto.", "Apartamento limpio y tranquilo."),
        "cond": ("No números ocultos.", "Fotos reales."),
        "cond2": ("Discreción total.",),
        "dispo": ("Disponible 24 horas.", "Disponible todos los días."),
        "langue": ("Hablo español y un poco de francés.",),
        "contact": ("Llámame al {tel}.", "Tel: {tel}", "Solo llamadas: {tel}"),
        "contact_sans": ("Llámame.",),
        "fin": ("Besos.", "Te espero."),
    },
    "pt": {
        "salut": ("Olá,", "Oi amor,"),
        "intro": ("Sou {nom}, {np}.", "Me chamo {nom}, {np}.", "{nom}, {np}, nova em {ville}."),
        "age": ("Tenho {age} anos.",),
        "passage": ("Estou de passagem em {ville} do {du} ao {au}.",
                    "Nova em {ville}, poucos dias."),
        "offre": ("Ofereço um momento de relaxamento e companhia.",
                  "Momentos tranquilos com muita discrição."),
        "lieu": ("Atendo em apartamento discreto.", "Local limpo e tranquilo."),
        "cond": ("Sem números ocultos.", "Fotos reais."),
        "cond2": ("Discrição total.",),
        "dispo": ("Disponível 24 horas.",),
        "langue": ("Falo português e um pouco de francês.",),
        "contact": ("Liga para mim: {tel}", "Tel: {tel}"),
        "contact_sans": ("Liga para mim.",),
        "fin": ("Beijos.", "Te espero."),
    },
}

_TITLES = {
    "fr_f": ("{nom}, {np} à {ville}", "Nouvelle sur {ville}", "{nom} {age} ans",
             "{Np} de passage", "Moment de détente à {ville}", "{Np}, douce et discrète",
             "{nom} - {ville}", "Massage détente {ville}", "{nom} vous attend",
             "Belle rencontre sur {ville}", "{Np}"),
    "fr_h": ("{nom}, {np}", "Massage entre hommes {ville}", "Jeune homme pour sorties",
             "{Np} sur {ville}"),
    "fr_t": ("{nom}, {np}", "Trans de passage à {ville}", "{Np} à {ville}", "{nom} {age} ans"),
    "fr_3": ("{nom} - {np}", "{nom}, nouvelle à {ville}", "Agence : {nom}, {age} ans",
             "{nom} en tournée"),
    "fr_massage": ("Massage {np} {ville}", "Nouvelle masseuse {ville}", "{nom} massage"),
    "en": ("{nom}, {np}", "{nom} in {ville}", "New in {ville}: {nom}"),
    "en_3": ("{nom} - {np}", "{nom} on tour"),
    "es": ("{nom} {np}", "{nom}, nueva en {ville}", "Latina de paso: {nom}"),
    "pt": ("{nom} {np}", "{nom}, nova em {ville}"),
}

_SUITES = ("Barcelona, Madrid", "Genève, Bruxelles", "Bordeaux, Barcelona", "Marseille, Milano",
           "Lisboa", "Bruxelles, Luxembourg", "Montpellier, Genève")

# spelling mistakes: (correct, wrong)
_TYPOS = (("reçois", "recois"), ("disponible", "disponnible"), ("appartement", "appartemment"),
          ("rendez-vous", "rdv"), ("numéros", "numeros"), ("à bientôt", "a bientot"),
          ("discrétion", "discretion"), ("messieurs", "messieur"), ("très", "tres"),
          ("agréable", "agreable"), ("n'hésitez", "n'hesitez"), ("À très vite", "A tres vite"),
          ("détente", "detente"), ("photos", "photo"), ("réelles", "réel"),
          ("je me déplace", "je me deplace"), ("moment", "moment"))


# ---------------------------------------------------------------------------------------------
# People and networks
# ---------------------------------------------------------------------------------------------

class _Net:
    __slots__ = ("idx", "kind", "lang", "lang2", "region", "voice", "typos", "start", "end",
                 "circuit", "n_shared", "n_pers", "p_shared", "persona", "sites", "site_w",
                 "campaign", "members", "title", "phone_text_style", "sep", "personas",
                 "slots", "incoherent", "home")


class _Person:
    __slots__ = ("idx", "net", "member", "gender", "region", "prov", "lang", "lang2", "third",
                 "np", "np_en", "np_es", "np_pt", "age", "p_age", "personas", "switch",
                 "alt_persona", "stints", "home", "mobile", "passage_mkt", "sites", "site_w",
                 "fam_site", "n_rows", "n_fam", "w", "no_phone", "phone_text", "text_phone_style",
                 "city_style", "city_cp", "quartier", "typos", "voice", "title", "sep",
                 "p_edit", "span", "mention", "postings", "dual", "secondary")


def _pick(r: random.Random, seq, weights=None):
    if weights is None:
        return seq[int(r.random() * len(seq))]
    return r.choices(seq, weights)[0]


def _username(r: random.Random, name: str, prov: str) -> str:
    base = _strip_accents(name).lower().replace(" ", "").replace("'", "")
    k = r.random()
    if k < 0.3:
        return f"{base}{r.randint(18, 99)}"
    if k < 0.45:
        return f"{base}31"
    if k < 0.6:
        return f"{base}_tlse"
    if k < 0.72:
        return f"douce_{base}"
    if k < 0.84 and prov:
        return f"{base}.{_strip_accents(prov).lower().replace(' ', '').replace(chr(39), '')}"
    if k < 0.92:
        return f"{base}{base[-1]}"
    return f"{base}_{r.randint(1, 9)}"


def _describe(r: random.Random, p: _Person, prov_row) -> None:
    hair = _pick(r, _HAIR_F, (5, 3, 1, 2))
    fr_adj, en_adj, es_adj, pt_adj = "", "", "", ""
    if prov_row is not None:
        fr_adj = prov_row[1] if p.gender != "H" else prov_row[2]
        en_adj, es_adj, pt_adj = prov_row[3], prov_row[4], prov_row[5]
    if p.gender == "H":
        lead = _pick(r, _LEAD_H)
        p.np = f"{lead} {fr_adj or _pick(r, _STYLE_H)}".strip()
        p.np_en = f"{en_adj} guy".strip()
        p.np_es = f"chico {es_adj}".strip()
        p.np_pt = f"rapaz {pt_adj}".strip()
        return
    if p.gender == "T":
        lead = _pick(r, _LEAD_T)
        p.np = f"{lead} {fr_adj}".strip() if fr_adj else f"{lead} {_pick(r, _STYLE_F)}"
        p.np_en = f"{_pick(r, _LEAD_EN)} {en_adj} trans".replace("  ", " ")
        p.np_es = f"trans {es_adj} {_pick(r, _LEAD_ES)}".replace("  ", " ")
        p.np_pt = f"trans {pt_adj} {_pick(r, _LEAD_PT)}".replace("  ", " ")
        return
    lead = _pick(r, _LEAD_F)
    if p.age < 25 and r.random() < 0.4:
        lead = "jeune"
    if p.age >= 42 and r.random() < 0.5:
        lead = "femme mûre"
    if fr_adj in ("black", "métisse"):
        p.np = f"{lead} {fr_adj}"
    elif fr_adj:
        p.np = f"{lead} {hair} {fr_adj}"
    else:
        p.np = f"{lead} {hair} {_pick(r, _STYLE_F)}" if r.random() < 0.5 else f"{lead} {hair}"
    p.np_en = f"{_pick(r, _LEAD_EN)} {en_adj} {_HAIR_EN[hair]}".replace("  ", " ")
    p.np_es = f"chica {es_adj} {_pick(r, _LEAD_ES)}".replace("  ", " ")
    p.np_pt = f"{pt_adj or 'morena'} {_pick(r, _LEAD_PT)}"


def _voice(r: random.Random, lang: str, p_opt: dict | None = None) -> list[list]:
    """A voice: for each slot present, [slot, alternative]."""
    bank = _BANK[lang]
    p_opt = p_opt or {}
    out = []
    for slot in _SLOTS:
        if slot in ("passage", "langue", "age"):
            continue            # added at rendering when the ad needs them
        if slot in _OPTIONAL and r.random() > p_opt.get(slot, 0.55):
            continue
        out.append([slot, int(r.random() * len(bank[slot]))])
    return out


def _edit(r: random.Random, voice: list[list], lang: str) -> list[list]:
    bank = _BANK[lang]
    v = [list(x) for x in voice]
    k = r.random()
    if k < 0.55 or len(v) <= 3:
        i = int(r.random() * len(v))
        slot = v[i][0]
        v[i][1] = int(r.random() * len(bank[slot]))
    elif k < 0.75:
        opts = [i for i, (s, _) in enumerate(v) if s in _OPTIONAL]
        if opts:
            del v[_pick(r, opts)]
    else:
        present = {s for s, _ in v}
        missing = [s for s in _OPTIONAL if s not in present and s != "age"]
        if missing:
            slot = _pick(r, missing)
            order = {s: j for j, s in enumerate(_SLOTS)}
            v.append([slot, int(r.random() * len(bank[slot]))])
            v.sort(key=lambda x: order[x[0]])
    return v


class _World:
    """All the state of one generation."""

    def __init__(self, n_ads: int, seed: int):
        self.n = n_ads
        self.seed = seed
        self.r = random.Random(seed)
        self.g = np.random.default_rng(seed)
        self.D = collection_days(n_ads)
        self.P = persons_for_ads(n_ads)
        self.scale = self.D / REPORT_DAYS
        self.days = [(START + timedelta(days=d)) for d in range(self.D + 8)]
        self.day_iso = [d.isoformat() for d in self.days]
        self.day_fr = [f"{d.day:02d}/{d.month:02d}" for d in self.days]
        self.persons: list[_Person] = []
        self.nets: list[_Net] = []
        self._mirror_life()

    # -- sites -----------------------------------------------------------------------------
    def _mirror_life(self):
        r, D = self.r, self.D
        self.alive = {}
        for m in _MIRRORS:
            if D <= 120:
                self.alive[m] = (0, D - 1)
            else:
                length = int(D * (0.4 + 0.6 * r.random()))
                a = int(r.random() * (D - length + 1))
                self.alive[m] = (a, a + length - 1)

    # -- persons ---------------------------------------------------------------------------
    def _span(self, median: float) -> tuple[int, int]:
        r, D = self.r, self.D
        length = int(min(D, max(1, round(math.exp(math.log(median) + 0.8 * r.gauss(0, 1))))))
        s = int(r.random() * (D + length - 1)) - length + 1
        return max(0, s), min(D - 1, s + length - 1)

    def _base_person(self, idx: int, gender: str, region: str | None, indicates: bool) -> _Person:
        r = self.r
        p = _Person()
        p.idx, p.net, p.member, p.gender = idx, -1, -1, gender
        if gender == "H":
            age = 19 + r.gammavariate(2.0, 3.6)
        elif gender == "T":
            age = 20 + r.gammavariate(2.5, 4.0)
        else:
            age = 19 + r.gammavariate(2.2, 6.0)
        p.age = int(min(56, age))
        if region is None:
            region = "FR"
        p.region = region
        prov_row = None
        if indicates:
            rows = _PROVENANCE[region]
            prov_row = r.choices(rows, _PROV_W[region])[0]
        p.prov = prov_row[1] if prov_row else ""
        _describe(r, p, prov_row)
        pool = "H" if gender == "H" else ("T" if gender == "T" else _NAME_POOL_OF[region])
        if gender == "F" and not indicates and r.random() < 0.35:
            pool = "FR"
        name = r.choices(_NAMES[pool], _NAME_W[pool])[0]
        p.personas = [(name, _username(r, name, p.prov))]
        p.switch = 10 ** 9
        p.alt_persona = False
        k = r.random()
        p.p_age = 0.0 if k < 0.45 else (1.0 if k < 0.80 else 0.5)
        p.third = False
        p.lang, p.lang2 = ("fr_h" if gender == "H" else "fr_t" if gender == "T" else "fr_f"), ""
        p.typos = [t for t in _TYPOS if r.random() < 0.08]
        p.sep = "\n" if r.random() < 0.10 else " "
        p.text_phone_style = r.choices(_TEXT_PHONE_STYLES, _TEXT_PHONE_W)[0]
        p.city_style = r.choices(("officiel", "min", "maj", "ascii", "abrege", "cp_apres",
                                  "cp_avant", "dept", "quartier"),
                                 (40, 10, 6, 10, 10, 8, 4, 5, 7))[0]
        p.p_edit = 0.25
        p.no_phone = r.random() < 0.06
        p.phone_text = r.random() < 0.45
        p.dual = False
        p.mention = r.random() < 0.4
        p.passage_mkt = False
        p.mobile = False
        p.secondary = -1
        p.n_fam = 0
        p.fam_site = -1
        return p

    def _city(self, p: _Person, ci: int) -> None:
        c = COMMUNES[ci]
        p.home = ci
        p.city_cp = _pick(self.r, c.codes_postaux)
        p.quartier = _pick(self.r, _QUARTIERS) if ci == _TOULOUSE else ""

    def make_persons(self):
        r, g, P, D = self.r, self.g, self.P, self.D
        n_net_persons = round(0.30 * P) if P >= 10 else 0
        # networks first
        idx = 0
        sizes = []
        remaining = n_net_persons
        turnover = self.scale ** 0.35
        while remaining >= 2:
            kind = r.choices(("agence", "tournee", "modele", "local"), (20, 35, 25, 20))[0]
            if kind == "agence":
                size = 3 + int(g.poisson(2.5 * turnover))
            elif kind == "tournee":
                size = 3 + int(g.poisson(3.0 * turnover))
            elif kind == "modele":
                size = 2 + int(g.poisson(1.5 * turnover))
            else:
                size = 2 + (r.random() < 0.4)
            size = min(size, remaining)
            if remaining - size == 1:
                size += 1
            sizes.append((kind, size))
            remaining -= size
        for kind, size in sizes:
            net = self._make_net(kind, size)
            for m in range(size):
                self.persons.append(self._net_person(idx, net, m))
                idx += 1
        while idx < P:
            self.persons.append(self._independent(idx))
            idx += 1

    def _independent(self, idx: int) -> _Person:
        r = self.r
        gender = r.choices(("F", "H", "T"), (84, 7, 9))[0]
        if gender == "T":
            indicates = r.random() < 0.6
            region = "LATAM" if r.random() < 0.8 else "FR"
        else:
            indicates = r.random() < 0.44
            if indicates:
                region = r.choices(("FR", "LATAM", "EUR", "EST", "ASIE", "AFR"),
                                   (33, 22, 12, 11, 10, 12))[0]
            else:
                region = "FR"
        p = self._base_person(idx, gender, region, indicates)
        if p.region != "FR" and r.random() < 0.06:
            p.lang2 = "en"
        if r.random() < 0.02 and gender == "F":
            p.lang = "fr_3"
            p.third = True
        p.voice = _voice(r, p.lang)
        p.title = int(r.random() * len(_TITLES[p.lang]))
        ci = int(self.g.choice(len(COMMUNES), p=_C_WEIGHT))
        self._city(p, ci)
        s, e = self._span(45 * self.scale ** 0.5)
        p.span = (s, e)
        p.stints = [(s, e, ci)]
        if r.random() < 0.08 and e - s >= 6:
            # a mobile person, « de passage » in another town for part of her span
            p.mobile = True
            a = s + int(r.random() * (e - s - 3))
            b = min(e, a + 3 + int(r.random() * 10))
            other = self._stop(exclude=ci)
            p.stints = [x for x in ((s, a - 1, ci), (a, b, other), (b + 1, e, ci)) if x[0] <= x[1]]
        elif r.random() < 0.05:
            p.passage_mkt = True
        if r.random() < 0.08:
            p.secondary = self._neighbour(ci)
        # sites
        if gender == "H":
            p.sites = [_pick(r, _ANNONCES, (43, 41, 20, 3)), _PLAN_DATING]
            p.site_w = [3, 1]
        elif gender == "T":
            p.sites = self._escort_sites(1 + (r.random() < 0.5)) + [_TRANS_DATING]
            p.site_w = [4] * (len(p.sites) - 1) + [1]
        else:
            k = r.random()
            if k < 0.66:
                p.sites = self._escort_sites(1 + int(r.random() * 3))
            elif k < 0.90:
                p.sites = self._annonce_sites(1 + (r.random() < 0.3))
            else:
                p.sites = self._escort_sites(1) + self._annonce_sites(1)
            p.site_w = [max(1.0, 5.0 - 2 * i) for i in range(len(p.sites))]
        p.w = math.exp(0.7 * r.gauss(0, 1))
        return p

    def _escort_sites(self, k: int) -> list[int]:
        w = [_SITES[i].weight for i in _ESCORT]
        chosen = []
        for _ in range(k):
            i = self.r.choices(_ESCORT, w)[0]
            if i not in chosen:
                chosen.append(i)
        return chosen

    def _annonce_sites(self, k: int) -> list[int]:
        w = [_SITES[i].weight for i in _ANNONCES]
        chosen = []
        for _ in range(k):
            i = self.r.choices(_ANNONCES, w)[0]
            if i not in chosen:
                chosen.append(i)
        return chosen

    def _stop(self, exclude: int = -1) -> int:
        names = [n for n in _TOUR_STOPS if _NAME_INDEX[n] != exclude]
        return _NAME_INDEX[self.r.choices(names, [_TOUR_STOPS[n] for n in names])[0]]

    def _neighbour(self, ci: int) -> int:
        zone = _C_ZONE[ci]
        cands = [i for i in range(len(COMMUNES)) if i != ci
                 and (_C_ZONE[i] == zone or (zone in "TM" and _C_ZONE[i] in "TM"))]
        return self.r.choices(cands, [_C_WEIGHT[i] for i in cands])[0]

    def _make_net(self, kind: str, size: int) -> _Net:
        r, D = self.r, self.D
        net = _Net()
        net.idx = len(self.nets)
        net.kind = kind
        net.members = []
        net.typos = [t for t in _TYPOS if r.random() < 0.12]
        net.sep = "\n" if r.random() < 0.3 else " "
        net.phone_text_style = r.choices(_TEXT_PHONE_STYLES, _TEXT_PHONE_W)[0]
        net.persona = False
        net.incoherent = 0.0
        net.lang2 = ""
        if kind == "agence":
            net.region = r.choices(("EST", "LATAM", "EUR", "ASIE"), (5, 3, 2, 1))[0]
            k = r.random()
            net.lang, net.lang2 = (("fr_3", "en_3") if k < 0.6 else
                                   ("en_3", "") if k < 0.8 else ("fr_3", ""))
            net.n_shared = 1
            net.n_pers = min(size, 6) if r.random() < 0.5 else 0
            net.p_shared = 0.7 if net.n_pers else 1.0
            net.sites = list(dict.fromkeys([_pick(r, _AGENCY_SITES)] + self._escort_sites(3)))
            net.site_w = [3] + [2] * (len(net.sites) - 1)
            net.circuit = [_TOULOUSE] + ([_NAME_INDEX["Blagnac"]] if r.random() < 0.5 else [])
            net.incoherent = 0.10
            median = 90
        elif kind == "tournee":
            net.region = r.choices(("EST", "LATAM", "ASIE"), (4, 4, 2))[0]
            if net.region == "ASIE":
                net.lang = "fr_massage"
            elif net.region == "EST":
                net.lang = "en" if r.random() < 0.5 else "fr_f"
                if net.lang == "fr_f" and r.random() < 0.5:
                    net.lang2 = "en"
            else:
                net.lang = _pick(r, ("es", "pt", "fr_f", "fr_t"))
                if net.lang in ("fr_f", "fr_t") and r.random() < 0.5:
                    net.lang2 = "es"
            if r.random() < 0.65:
                net.n_shared, net.n_pers, net.p_shared = 0, min(size, 8), 0.0
            else:
                net.n_shared, net.n_pers, net.p_shared = 1 + (r.random() < 0.3), 0, 1.0
            net.persona = r.random() < 0.25
            base = self._escort_sites(2 + int(r.random() * 2))
            extra = self._annonce_sites(1) if r.random() < 0.6 else []
            if net.region == "ASIE":
                extra.append(_MASSAGE)
            net.sites = list(dict.fromkeys(base + extra))
            net.site_w = [3] * len(base) + [1.5] * (len(net.sites) - len(base))
            stops = [self._stop() for _ in range(2 + int(r.random() * 3))]
            net.circuit = list(dict.fromkeys(stops))
            median = 70
        elif kind == "modele":
            net.region = r.choices(("FR", "LATAM", "EST", "AFR"), (3, 3, 2, 2))[0]
            net.lang = "fr_3" if r.random() < 0.4 else "fr_f"
            net.n_shared = 1 + (r.random() < 0.3)
            net.n_pers = 0 if r.random() < 0.7 else min(size, 4)
            net.p_shared = 1.0 if net.n_pers == 0 else 0.5
            net.persona = r.random() < 0.25
            net.sites = self._annonce_sites(2) + (
                [_pick(r, _ESCORT[:3])] if r.random() < 0.4 else [])
            net.site_w = [2] * len(net.sites)
            net.circuit = [int(self.g.choice(len(COMMUNES), p=_C_WEIGHT))]
            net.incoherent = 0.15
            net.typos = net.typos + [t for t in _TYPOS[:6] if r.random() < 0.3]
            median = 100
        else:   # local
            net.region = r.choices(("FR", "EST", "AFR", "LATAM"), (6, 2, 2, 1))[0]
            net.lang = "fr_f"
            net.n_shared, net.n_pers = 1, 0
            net.p_shared = 1.0
            if r.random() < 0.5:
                net.n_pers, net.p_shared = size, 0.6
            net.sites = self._annonce_sites(1 + (r.random() < 0.5)) + (
                [_pick(r, _ESCORT[:3])] if r.random() < 0.5 else [])
            net.site_w = [2] * len(net.sites)
            net.circuit = [int(self.g.choice(len(COMMUNES), p=_C_WEIGHT))]
            median = 110
        net.voice = _voice(r, net.lang, {"dispo": 0.9 if kind in ("agence", "tournee") else 0.55})
        if kind in ("agence", "tournee") and net.lang in _BANK and "24h/24" in " ".join(
                _BANK[net.lang]["dispo"]):
            for v in net.voice:
                if v[0] == "dispo" and r.random() < 0.6:
                    v[1] = [i for i, t in enumerate(_BANK[net.lang]["dispo"]) if "24" in t][0]
        net.title = int(r.random() * len(_TITLES[net.lang]))
        length = int(min(D, max(7, round(math.exp(math.log(median * self.scale ** 0.6)
                                                   + 0.6 * r.gauss(0, 1))))))
        s = int(r.random() * (D + length - 1)) - length + 1
        net.start, net.end = max(0, s), min(D - 1, s + length - 1)
        if net.end - net.start < 2:
            net.start, net.end = max(0, net.end - 6), min(D - 1, max(0, net.end - 6) + 6)
        # campaign days: the days the network (re)posts its persons' ads
        n_camp = max(1, (net.end - net.start + 1) // (3 if kind in ("agence", "tournee") else 6))
        net.campaign = sorted({net.start + int(r.random() * (net.end - net.start + 1))
                               for _ in range(n_camp)})
        net.personas = {}
        net.home = net.circuit[0]
        self.nets.append(net)
        return net

    def _net_person(self, idx: int, net: _Net, m: int) -> _Person:
        r = self.r
        if net.lang in ("fr_t",):
            gender = "T"
        elif net.kind in ("tournee",) and net.region == "LATAM" and r.random() < 0.3:
            gender = "T"
        else:
            gender = "F"
        p = self._base_person(idx, gender, net.region, r.random() < 0.92)
        p.net, p.member = net.idx, m
        net.members.append(idx)
        if net.kind == "agence":
            p.age = min(p.age, 22 + int(r.random() * 12))
            p.city_style = "officiel"
            name = r.choices(_NAMES["GLAM"], _NAME_W["GLAM"])[0] if r.random() < 0.6 \
                else p.personas[0][0]
            p.personas = [(name, name)]
            _describe(r, p, r.choices(_PROVENANCE[net.region], _PROV_W[net.region])[0])
        p.p_age = {"agence": 1.0, "tournee": 0.75}.get(net.kind, 0.8 if r.random() < 0.7 else 0.0)
        p.lang, p.lang2 = net.lang, net.lang2
        if net.kind == "tournee" and gender == "T" and p.lang == "fr_f":
            p.lang = "fr_t"
        p.third = p.lang in ("fr_3", "en_3")
        p.voice = net.voice if p.lang == net.lang else _voice(r, p.lang)
        p.title = net.title if p.lang == net.lang else int(r.random() * len(_TITLES[p.lang]))
        p.typos = net.typos
        p.sep = net.sep
        p.text_phone_style = net.phone_text_style
        p.p_edit = 0.10
        p.no_phone = False
        p.phone_text = r.random() < (0.8 if net.kind in ("modele", "local") else 0.5)
        p.sites, p.site_w = net.sites, net.site_w
        if net.persona and net.n_pers:
            slot = m % max(1, net.n_pers // 2)
        else:
            slot = 0 if net.persona else None
        if slot is not None:
            if slot not in net.personas:
                net.personas[slot] = p.personas[0]
            p.personas = [net.personas[slot]]
        self._city(p, net.home)
        # stints
        r_ = r.random
        if net.kind in ("agence", "tournee"):
            n_stops = 1 + int(r_() * 3)
            stints = []
            t = net.start + int(r_() * max(1, (net.end - net.start + 1)))
            for k in range(n_stops):
                length = (5 + int(r_() * 11)) if net.kind == "agence" else (3 + int(r_() * 8))
                a, b = t, min(self.D - 1, t + length - 1)
                if a > self.D - 1:
                    break
                stop = net.circuit[(m + k) % len(net.circuit)] if net.kind == "tournee" \
                    else _pick(r, net.circuit)
                stints.append((a, b, stop))
                t = b + 1 + int(r_() * 4)
            if not stints:
                a = max(0, self.D - 3)
                stints = [(a, self.D - 1, net.circuit[0])]
            p.stints = stints
        else:
            length = max(3, int((net.end - net.start + 1) * (0.5 + 0.5 * r_())))
            a = net.start + int(r_() * max(1, net.end - net.start - length + 2))
            b = min(self.D - 1, a + length - 1)
            p.stints = [(a, b, net.home)]
        p.span = (p.stints[0][0], p.stints[-1][1])
        p.w = (3.2 if net.kind in ("agence", "tournee") else 1.3) * math.exp(0.5 * r.gauss(0, 1))
        return p

    # -- ad counts -------------------------------------------------------------------------
    def counts(self):
        r, g, n, P = self.r, self.g, self.n, self.P
        persons = self.persons
        # the family of dating sites: 26 % of the rows (II-B: 187 of 699)
        eligible = [p for p in persons if p.net < 0 and p.gender != "T"
                    or p.net >= 0 and self.nets[p.net].kind in ("modele", "local")]
        alive_frac = sum((b - a + 1) for a, b in self.alive.values()) / (len(_MIRRORS) * self.D)
        rows_per_posting = 1 + MIRROR_COPY_P * (1 + len(_MIRRORS) * alive_frac)
        target = 0.26 * n
        postings = int(round(target / rows_per_posting))
        gfac = 1 + 0.2 * math.log(max(1.0, n / REPORT_ADS))
        n_fam = min(len(eligible), int(round(postings / gfac)))
        if P < 10 or n < 60:
            n_fam = 0
        fam_people = []
        if n_fam:
            order = g.permutation(len(eligible))
            # template and local networks first, as a block, then independents
            nets_first = [eligible[i] for i in order if eligible[i].net >= 0]
            indep = [eligible[i] for i in order if eligible[i].net < 0]
            take_nets = nets_first[: n_fam // 4]
            fam_people = take_nets + indep[: n_fam - len(take_nets)]
            extra = max(0, postings - len(fam_people))
            w = np.array([min(3.0, p.w) for p in fam_people])
            add = g.multinomial(extra, w / w.sum()) if extra else np.zeros(len(fam_people), int)
            for p, a in zip(fam_people, add):
                p.n_fam = 1 + int(a)
                p.fam_site = _pick(r, _FAMILY_SOURCES)
        # family postings and their copies
        fam_rows = 0
        for p in fam_people:
            p.postings = []
            for _ in range(p.n_fam):
                day = self._day_in(p)
                copies = []
                for m in _FAMILY:
                    if m == p.fam_site:
                        continue
                    a, b = self.alive.get(m, (0, self.D - 1))
                    if a <= day <= b and r.random() < MIRROR_COPY_P:
                        cday = min(b, self.D - 1, day + int(r.random() * 7))
                        copies.append((m, cday))
                p.postings.append([day, p.fam_site, copies])
                fam_rows += 1 + len(copies)
        fam_set = {p.idx for p in fam_people}
        need_min = sum(1 for p in persons if p.idx not in fam_set)
        budget = n - fam_rows
        # trim copies if the budget does not leave one row per other person (tiny sizes)
        if budget < need_min:
            for p in fam_people:
                for post in p.postings:
                    while post[2] and budget < need_min:
                        post[2].pop()
                        budget += 1
        for p in persons:
            if p.idx not in fam_set:
                p.postings = []
        rest = budget - need_min
        takers = [p for p in persons if p.idx not in fam_set or r.random() < 0.3]
        w = np.array([p.w * max(1, p.span[1] - p.span[0] + 1) ** 0.5 for p in takers])
        w = np.minimum(w, 6 * w.mean())
        add = g.multinomial(rest, w / w.sum()) if rest > 0 else np.zeros(len(takers), int)
        for p in persons:
            p.n_rows = 0 if p.idx in fam_set else 1
        for p, a in zip(takers, add):
            p.n_rows += int(a)
        total = sum(1 + len(post[2]) for p in fam_people for post in p.postings) + sum(
            p.n_rows for p in persons)
        assert total == n, (total, n)

    def _day_in(self, p: _Person) -> int:
        r = self.r
        st = p.stints
        if len(st) == 1:
            a, b, _ = st[0]
        else:
            lens = [b - a + 1 for a, b, _ in st]
            a, b, _ = r.choices(st, lens)[0]
        return a + int(r.random() * (b - a + 1))

    # -- postings --------------------------------------------------------------------------
    def postings(self):
        """Dates and sites of every person's own postings; phone slots, personas, versions."""
        r = self.r
        self.slots = []          # [owner_kind, owner, start, end]
        for net in self.nets:
            net.slots = []
        for p in self.persons:
            net = self.nets[p.net] if p.net >= 0 else None
            own = []
            for post in p.postings:          # family postings already dated
                own.append([post[0], post[1], post[2]])
            last_day = None
            seen = {(x[0], x[1]) for x in own}
            for k in range(p.n_rows):
                if own and last_day is not None and r.random() < 0.3 and len(p.sites) > 1:
                    day = last_day               # cross-posting the same day on another site
                else:
                    day = self._day_in(p)
                    if net is not None and net.campaign and r.random() < 0.6:
                        near = [c for c in net.campaign if any(a <= c <= b for a, b, _ in p.stints)]
                        if near:
                            day = _pick(r, near)
                site = r.choices(p.sites, p.site_w)[0]
                for _ in range(3):               # a double post on one site the same day is rare
                    if (day, site) not in seen:
                        break
                    site = r.choices(p.sites, p.site_w)[0]
                    if (day, site) in seen and r.random() < 0.5:
                        day = self._day_in(p)
                seen.add((day, site))
                own.append([day, site, None])
                last_day = day
            own.sort(key=lambda x: x[0])
            p.postings = own
            self._plan(p, net)

    def _plan(self, p: _Person, net: _Net | None):
        """Phone slot, persona, text version and commune of each posting."""
        r = self.r
        posts = p.postings
        n = len(posts)
        span = p.span[1] - p.span[0] + 1
        # personas: change of pseudonym, or two pseudonyms on different sites
        if net is None or not net.persona:
            if n > 1 and r.random() < 0.12 + 0.25 * min(1.0, span / 365):
                name = r.choices(_NAMES[self._pool(p)], _NAME_W[self._pool(p)])[0]
                p.personas.append((name, _username(r, name, p.prov)))
                p.switch = 1 + int(r.random() * (n - 1))
                p.alt_persona = r.random() < 0.25
        # phone slots
        slots = []
        if net is None:
            if not p.no_phone:
                lam = 0.10 + 0.35 * span / 100
                k = 1 + min(3, int(self.g.poisson(lam)))
                k = min(k, n)
                cuts = sorted(r.sample(range(1, n), k - 1)) if k > 1 else []
                seg = [0] * n
                for c in cuts:
                    for i in range(c, n):
                        seg[i] += 1
                p.dual = k == 1 and n >= 4 and r.random() < 0.04
                ids = []
                for j in range(k + (1 if p.dual else 0)):
                    ids.append(len(self.slots))
                    self.slots.append(["p", p.idx, 10 ** 9, -1])
                for i in range(n):
                    s = ids[seg[i]] if not p.dual else ids[r.random() < 0.5]
                    slots.append(s)
            else:
                slots = [None] * n
        else:
            if not net.slots:
                for _ in range(net.n_shared + net.n_pers):
                    net.slots.append(len(self.slots))
                    self.slots.append(["n", net.idx, 10 ** 9, -1])
            shared = net.slots[:net.n_shared]
            pers = net.slots[net.n_shared:]
            mine = pers[p.member % len(pers)] if pers else None
            for i in range(n):
                if shared and (mine is None or r.random() < net.p_shared):
                    slots.append(shared[0] if len(shared) == 1 or r.random() < 0.7 else shared[1])
                else:
                    slots.append(mine)
        for i in range(n):
            if slots[i] is not None and r.random() < 0.03:
                slots[i] = None                        # this ad gives no number
        for i, s in enumerate(slots):
            if s is None:
                continue
            d0 = posts[i][0]
            d1 = max([d0] + [c[1] for c in (posts[i][2] or ())])
            sl = self.slots[s]
            sl[2] = min(sl[2], d0)
            sl[3] = max(sl[3], d1)
        # versions
        version, prev = 0, None
        for i, post in enumerate(posts):
            if prev is not None and post[0] != prev and r.random() < p.p_edit:
                version += 1
            prev = post[0]
            persona = 0
            if len(p.personas) > 1:
                persona = (r.random() < 0.5) if p.alt_persona else int(i >= p.switch)
            ci = self._commune_at(p, post[0])
            if p.secondary >= 0 and r.random() < 0.15:
                ci = p.secondary
            post.extend([slots[i], int(persona), version, ci])

    def _pool(self, p: _Person) -> str:
        return "H" if p.gender == "H" else "T" if p.gender == "T" else _NAME_POOL_OF[p.region]

    @staticmethod
    def _commune_at(p: _Person, day: int) -> int:
        for a, b, ci in p.stints:
            if a <= day <= b:
                return ci
        return p.stints[0][2]

    # -- telephone numbers -----------------------------------------------------------------
    def allocate(self):
        """Give each slot a fictional number; networks a batch in one hundred."""
        r = self.r
        hundreds = list(range(600))
        r.shuffle(hundreds)
        net_demand = sum((max(0, net.end - net.start) + 30 + QUARANTINE_DAYS) * 10
                         for net in self.nets if net.slots)
        ind_demand = sum(max(0, s[3] - s[2]) + 30 + QUARANTINE_DAYS
                         for s in self.slots if s[0] == "p" and s[3] >= 0)
        total = net_demand + ind_demand
        frac = 0.0 if total == 0 else net_demand / total
        n_net_h = 0 if not net_demand else min(300, max(20, int(round(600 * frac))))
        net_h, ind_h = hundreds[:n_net_h], hundreds[n_net_h:]
        perm = list(range(100))
        r.shuffle(perm)
        # least-recently-used queues; ties broken so that numbers spread one per hundred first
        ind_heap = []
        perms = {}
        for i, h in enumerate(ind_h):
            pp = list(range(100))
            r.shuffle(pp)
            perms[h] = pp
        for rank in range(100):
            for i, h in enumerate(ind_h):
                ind_heap.append((-10 ** 9, rank * 1000 + i, h * 100 + perms[h][rank]))
        heapq.heapify(ind_heap)
        dec_order = list(range(10))
        net_heap = []
        for rank in range(10):
            for i, h in enumerate(net_h):
                net_heap.append((-10 ** 9, rank * 1000 + i, h * 10 + dec_order[rank]))
        heapq.heapify(net_heap)
        counter = 10 ** 7
        usages = []
        for sid, (kind, owner, a, b) in enumerate(self.slots):
            if kind == "p" and b >= 0:
                usages.append((a, 0, sid))
        for net in self.nets:
            used = [self.slots[s] for s in net.slots if self.slots[s][3] >= 0]
            if used:
                usages.append((min(u[2] for u in used), 1, net.idx))
        usages.sort()
        self.number = {}
        self.min_gap = None
        for start, kind, key in usages:
            heap = ind_heap if kind == 0 else net_heap
            free_from, _, unit = heapq.heappop(heap)
            if free_from > -10 ** 9:
                gap = start - (free_from - QUARANTINE_DAYS)
                self.min_gap = gap if self.min_gap is None else min(self.min_gap, gap)
            counter += 1
            if kind == 0:
                self.number[key] = _number(unit)
                end = self.slots[key][3]
                heapq.heappush(heap, (end + QUARANTINE_DAYS, counter, unit))
            else:
                net = self.nets[key]
                h, dec = divmod(unit, 10)
                digits = list(range(10))
                r.shuffle(digits)
                end = -1
                for j, s in enumerate(net.slots):
                    self.number[s] = _number(h * 100 + perm[dec * 10 + digits[j % 10]])
                    end = max(end, self.slots[s][3])
                heapq.heappush(heap, (end + QUARANTINE_DAYS, counter, unit))

    # -- rendering -------------------------------------------------------------------------
    def render(self) -> list:
        r = self.r
        rows = []
        for p in self.persons:
            net = self.nets[p.net] if p.net >= 0 else None
            versions = [p.voice]
            titles = [p.title]
            ages = [p.age]
            for post in p.postings:
                day, site, copies, slot, persona, version, ci = post
                while len(versions) <= version:
                    versions.append(_edit(r, versions[-1], p.lang))
                    t = titles[-1]
                    if r.random() < 0.3:
                        t = int(r.random() * len(_TITLES[p.lang]))
                    titles.append(t)
                    a = ages[-1]
                    if r.random() < 0.15:
                        a = min(p.age + 2, max(18, p.age - 2, a + _pick(r, (-1, 1))))
                    ages.append(a)
                number = self.number.get(slot) if slot is not None else None
                ad = self._ad(p, net, day, site, ci, persona, versions[version], titles[version],
                              ages[version], number)
                rows.append((day, site, p.idx, ad))
                for m, cday in copies or ():
                    rows.append((cday, m, p.idx, self._mirror(ad, m)))
        return rows

    def _ctx_city(self, p: _Person, ci: int) -> str:
        c = COMMUNES[ci]
        if _C_SHORT[ci] and p.city_style == "abrege":
            return _C_SHORT[ci][0]
        return c.nom

    def _declared(self, p: _Person, ci: int, site: _Site) -> str:
        r = self.r
        if r.random() < 0.03:
            return ""
        c = COMMUNES[ci]
        mode = site.city
        if mode == "liste":
            out = c.nom
        elif mode == "liste_maj":
            out = c.nom.upper()
        elif mode == "liste_ascii":
            out = _strip_accents(c.nom)
        elif mode == "liste_cp":
            cp = p.city_cp if ci == p.home else c.codes_postaux[0]
            out = f"{c.nom} ({cp})"
        else:
            out = self._typed(p, ci)
        if r.random() < 0.08:        # the collector retypes it
            k = r.random()
            out = out.lower() if k < 0.4 else _strip_accents(out) if k < 0.8 else out.upper()
        return out

    def _typed(self, p: _Person, ci: int) -> str:
        r = self.r
        c = COMMUNES[ci]
        style = p.city_style
        if r.random() < 0.12:
            style = _pick(r, ("officiel", "min", "ascii", "abrege", "cp_apres", "dept"))
        nom = c.nom
        cp = p.city_cp if ci == p.home else c.codes_postaux[0]
        if style == "officiel":
            return nom
        if style == "min":
            return nom.lower()
        if style == "maj":
            return nom.upper()
        if style == "ascii":
            return _strip_accents(nom).replace("-", " ")
        if style == "abrege":
            if _C_SHORT[ci]:
                return _pick(r, _C_SHORT[ci])
            if nom.startswith("Saint-"):
                return "St " + nom[6:].replace("-", " ") if r.random() < 0.5 else "St-" + nom[6:]
            return nom.replace("-", " ")
        if style == "cp_apres":
            return f"{nom} {cp}"
        if style == "cp_avant":
            return f"{cp} {nom}"
        if style == "dept":
            return f"{nom} ({DEPARTEMENT})" if r.random() < 0.7 else f"{nom} {DEPARTEMENT}"
        # quartier
        if ci == _TOULOUSE and p.quartier:
            q = p.quartier if r.random() < 0.85 else _pick(r, _QUARTIERS)
            return _pick(r, (f"Toulouse {q}", f"Toulouse - {q}", f"Toulouse ({q})"))
        return nom

    def _ad(self, p, net, day, site_i, ci, persona, voice, title_i, age, number) -> list:
        r = self.r
        site = _SITES[site_i]
        name, user = p.personas[persona]
        lang = p.lang
        bank = _BANK[lang]
        passage = False
        du, au = day, min(self.D + 7, day + 3 + int(r.random() * 5))
        for a, b, c in p.stints:
            if a <= day <= b:
                du, au = a, max(b, day + 1)
        if net is not None and net.kind in ("agence", "tournee"):
            passage = net.kind == "tournee" or r.random() < 0.5
        elif p.mobile and ci != p.home:
            passage = True
        elif p.passage_mkt:
            passage = r.random() < 0.8
        city = self._ctx_city(p, ci)
        text_age = age
        text_name = name
        if (net is not None and net.incoherent and r.random() < net.incoherent
                and len(net.members) > 1):
            other = self.persons[net.members[(p.member + 1) % len(net.members)]]
            text_name = other.personas[0][0]          # the template kept another first name
            text_age = other.age
        in_text = number is not None and (p.phone_text or site.kind in ("famille", "rencontre")
                                          and r.random() < 0.6)
        show_age = r.random() < p.p_age
        tel = _fmt_phone(number, p.text_phone_style) if in_text else ""
        np_ = {"en": p.np_en, "en_3": p.np_en, "es": p.np_es, "pt": p.np_pt,
               "fr_massage": p.prov or "asiatique"}.get(lang, p.np)
        ctx = {"nom": text_name, "np": np_, "Np": np_[:1].upper() + np_[1:], "ville": city,
               "age": text_age, "tel": tel, "du": self.day_fr[du], "au": self.day_fr[au],
               "suite": _SUITES[(p.idx + (net.idx if net else 0)) % len(_SUITES)]}
        parts = []
        for slot, alt in voice:
            if slot == "contact":
                tpl = bank["contact"][alt % len(bank["contact"])] if in_text else \
                    bank["contact_sans"][alt % len(bank["contact_sans"])]
                parts.append(tpl)
                continue
            parts.append(bank[slot][alt])
            if slot == "intro":
                if show_age and "{age}" not in bank[slot][alt] and r.random() < 0.6:
                    parts.append(bank["age"][(alt + p.idx) % len(bank["age"])])
                if passage:
                    parts.append(bank["passage"][(p.idx + alt) % len(bank["passage"])])
                if p.third and net is not None and net.kind == "agence" and lang == "fr_3":
                    parts.append(bank["langue"][1 if net.region == "LATAM" else
                                                (0 if p.idx % 2 else 2)])
        if len(parts) > 1 and parts[0].endswith(",") and p.idx % 3 and parts[1][:1].isupper():
            parts[1] = parts[1][:1].lower() + parts[1][1:]   # « Bonjour, je suis... »
        if site.mention and p.mention:
            parts.append(f"Dites-moi que vous m'avez trouvée sur {site.name.split('.')[0]}.")
        text = p.sep.join(parts).format_map(ctx)
        if p.lang2:
            b2 = _BANK[p.lang2]
            ctx2 = dict(ctx, np={"en": p.np_en, "en_3": p.np_en, "es": p.np_es}.get(p.lang2, p.np))
            extra = [b2["intro"][p.idx % len(b2["intro"])]]
            if passage:
                extra.append(b2["passage"][p.idx % len(b2["passage"])])
            extra.append(b2["offre"][p.idx % len(b2["offre"])])
            if in_text:
                extra.append(b2["contact"][p.idx % len(b2["contact"])])
            text += "\n\n" + " ".join(extra).format_map(ctx2)
        for good, bad in p.typos:
            text = text.replace(good, bad)
        tt = _TITLES[lang][title_i % len(_TITLES[lang])]
        title = tt.format_map(ctx)
        # fields
        if number is not None and r.random() < site.show_phone:
            style = site.phone_style if r.random() >= 0.12 else _pick(r, (0, 1, 2))
            phone = _fmt_phone(number, style)
        else:
            phone = ""
        if r.random() < 0.05:
            age = max(18, age + _pick(r, (-1, 1)))     # a profile field not updated
        age_field = str(age) if show_age and r.random() < site.age_field else ""
        if site.pseudo == "nom":
            pseudo = name
        elif site.pseudo == "nom_maj":
            pseudo = name.upper()
        elif site.pseudo == "user":
            pseudo = user
        else:
            pseudo = user if r.random() < 0.5 else ""
        if r.random() < 0.03:
            pseudo = ""
        commune = self._declared(p, ci, site)
        return [commune, title, text, phone, pseudo, age_field, number if in_text else None]

    def _mirror(self, ad: list, m: int) -> list:
        commune, title, text, phone, pseudo, age_field, in_text_number = ad
        site = _SITES[m]
        r = self.r
        for op in site.mirror:
            if op == "tronque" and len(text) > 180:
                cut = text.rfind(" ", 0, 160 + int(r.random() * 60))
                text = text[:cut if cut > 0 else 160] + "..."
            elif op == "sans_accents":
                text, title, commune = (_strip_accents(text), _strip_accents(title),
                                        _strip_accents(commune))
            elif op == "titre_maj":
                title = title.upper()
            elif op == "titre_min":
                title = title.lower()
            elif op == "ville_maj":
                commune = commune.upper()
            elif op == "espaces":
                text = " ".join(text.split())
            elif op == "sans_tel":
                phone = ""
        if "sans_tel" in site.mirror and in_text_number:
            for style in range(9):
                text = text.replace(_fmt_phone(in_text_number, style),
                                    "[numéro visible aux membres]")
        if phone:
            digits = "0" + "".join(ch for ch in phone if ch.isdigit())[-9:]
            phone = _fmt_phone(digits, site.phone_style)
        pseudo = pseudo.lower()
        return [commune, title, text, phone, pseudo, age_field, in_text_number]


def twelfth_world(n_ads: int, seed: int = DEFAULT_SEED) -> tuple[pd.DataFrame, pd.DataFrame]:
    """The collection sheet of ``n_ads`` ads and its truth (see the module's data sheet)."""
    n = _check(n_ads)
    w = _World(n, seed)
    w.make_persons()
    w.counts()
    w.postings()
    w.allocate()
    rows = w.render()
    assert len(rows) == n
    r = random.Random(seed * 7919 + 1)
    keyed = sorted(((day, site, r.random(), i) for i, (day, site, _, _) in enumerate(rows)))
    # persons and networks numbered in order of their first ad
    pid, nid = {}, {}
    sheet_cols = {c: [] for c in SHEET_COLUMNS}
    truth_cols = {c: [] for c in TRUTH_COLUMNS}
    for k, (day, site, _, i) in enumerate(keyed, start=1):
        _, _, person, ad = rows[i]
        ida = f"A{k:07d}"
        if person not in pid:
            pid[person] = f"P{len(pid) + 1:07d}"
        net = w.persons[person].net
        if net >= 0 and net not in nid:
            nid[net] = f"R{len(nid) + 1:05d}"
        sheet_cols["id_annonce"].append(ida)
        sheet_cols["site"].append(_SITES[site].name)
        sheet_cols["date_collecte"].append(w.day_iso[day])
        sheet_cols["commune_declaree"].append(ad[0])
        sheet_cols["titre"].append(ad[1])
        sheet_cols["texte"].append(ad[2])
        sheet_cols["telephone"].append(ad[3])
        sheet_cols["pseudo"].append(ad[4])
        sheet_cols["age_declare"].append(ad[5])
        truth_cols["id_annonce"].append(ida)
        truth_cols["id_personne"].append(pid[person])
        truth_cols["id_reseau"].append(nid.get(net, "") if net >= 0 else "")
    sheet = pd.DataFrame(sheet_cols, columns=list(SHEET_COLUMNS), dtype=object)
    truth = pd.DataFrame(truth_cols, columns=list(TRUTH_COLUMNS), dtype=object)
    sheet.attrs["ecart_min_recyclage"] = w.min_gap
    sheet.attrs["jours"] = w.D
    return sheet, truth


def _csv_bytes(frame: pd.DataFrame) -> bytes:
    return frame.to_csv(index=False, lineterminator="\n").encode("utf-8")


def write_twelfth_world(n_ads: int, folder, seed: int = DEFAULT_SEED) -> tuple[Path, Path]:
    """Write the sheet and its truth, ``folder/annonces-SYNTHETIQUE.csv`` and
    ``folder/verite/annonces-SYNTHETIQUE.csv``; return both paths."""
    sheet, truth = twelfth_world(n_ads, seed)
    folder = Path(folder)
    (folder / "verite").mkdir(parents=True, exist_ok=True)
    sheet_path = folder / FILE_NAME
    truth_path = folder / "verite" / FILE_NAME
    sheet_path.write_bytes(_csv_bytes(sheet))
    truth_path.write_bytes(_csv_bytes(truth))
    return sheet_path, truth_path
