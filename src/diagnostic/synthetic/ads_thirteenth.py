"""Thirteenth synthetic world: online ads of the Seine-Maritime (76), written blind.

A fictional collection sheet of online sex-work ads ("annonces") for the
Seine-Maritime, with its truth (which person each ad presents, and which
network, if any, the person belongs to).  It is meant to *judge* a
record-linkage model (ads -> persons) on data its authors never saw: it was
written from a reading of the Amicale du Nid report "Diagnostic de la
prostitution dans le Pas-de-Calais" (2020) only, transposed to another
département, without reading how the project links or reads ads.

Everything is fiction: invented sites (``*.example``), invented pseudonyms
drawn from common first names, phone numbers only in the ARCEP ranges reserved
for fiction, texts composed from generic phrases (no extract of the report is
copied).  Communes, INSEE codes and postcodes are real (official COG and La
Poste tables of the project's ``reference`` folder).

Data sheet
==========

Taken from the report
---------------------
* II-B and I-B-1: 699 ads collected from 20 September to 5 December 2018
  (77 days, both ends counted) on 39 sites, sorted by the town declared by the
  ad's author; a duplicate rate of about 61 % gives 273 persons.  Hence
  ``persons_for_ads(699) == 273`` and ``collection_days(699) == 77``.
* II-B (table) and I-B-1: three kinds of sites -- specialised "escorting"
  sites (foreign-based agencies and escort directories), general classified
  ads, dating sites -- plus one site listing massage salons.  In the table,
  escorting sites hold 405 ads (58 %), classifieds 107 (15 %), dating sites
  187 (27 %), massage 0; two escort directories dominate (171 and 160 ads).
* II-B: nine dating sites "reprenant les mêmes contenus" each show the same 17
  ads as the two dating sites they copy: dating ads are duplicated on many
  look-alike sites, which drives the duplicate rate.  Here each dating posting
  is copied, re-rendered, on most of the nine mirror sites.
* Annexe 5 (I-B-1): escorting agencies use standardised sheets where a first
  name always appears, several languages, announced international tours;
  directories mix agencies and "independent" persons; dating-site ads are
  short, with spelling mistakes, titles that give a first name or a pseudo but
  more often a physical or "ethnic" category; mirror sites share design and
  content.  A formula warns not to pay with a prepaid card before meeting.
  Sites sell options to change the ad's town at will.
* II-B (extracts and their analysis): prostitution is not named but suggested
  ("moment", "détente", "service", "compagnie"); ads tell that hidden numbers
  and SMS are not answered, that photos are real and recent, that the person
  receives in an apartment or moves; ads mention the site where they were
  seen; categories of age, skin, hair, origin, corpulence.
* III-D: the declared town may be the place of the meetings or of residence
  and is not fixed; 18 % of ads present the person as "de passage"; 80 % of
  ads in five agglomerations, but 30 communes in all including very rural
  ones; on the coast, the phenomenon may follow the tourist season (and an
  extract of II-B is "sur le secteur pendant tout l'été").
* III-B-1 and V-A-2: "sex-tours" of international networks (Eastern Europe,
  South America, Asia) in apartments rented for a few days or weeks, on
  itineraries planned in advance; III-B-2 and V-A-2: Chinese women in massage
  salons and apartments.
* IV-A-1: persons presented in the ads: 84 % women, 7 % men, 9 % transgender
  persons; the transgender persons of the field diagnosis were all from Latin
  America and exploited by one network.
* IV-A-2: mean declared age 30; 53 % of ads give no age; declared ages may
  not be true (youth sells).
* IV-A-3: a nationality or origin is given for 58 % of persons, 20 % of them
  French, 80 % foreign (Argentina, Brazil, Colombia, Cuba, Mexico, Paraguay,
  Puerto Rico, Venezuela; Germany, Spain, Italy, Finland, Poland, Ukraine;
  China, India, Lebanon; Kenya); the diagnosis also cites Romania, Russia,
  Cameroon, Ivory Coast.
* V-A-4: networks are plain on escorting sites (systematic sheets, tour
  dates, several languages) and hidden elsewhere, detected by a "faisceau
  d'indices": different persons described in the same words with the same
  spelling mistakes, the same pseudo for several persons, the same terms
  posted the same day in the same town, one user account for several
  persons, the same phone number or numbers differing only in the last two
  digits, texts in the third person, in English, incoherent names or ages in
  one ad, "de passage" / "pour une semaine" / "en vacances", available "24h/24"
  or "tout le temps".  Networks show clearly in 38 % of the ads studied.
* V-A-1: many pimps are partners or relatives (one-person exploitation); such
  persons look independent in the ads and are *not* given a network here.
* I-B-2 (Annexe 5): sites appear and disappear quickly; ads are a photograph
  at a moment T.

Decided, not in the report
--------------------------
* Geography of the 76: the 71 communes of ``COMMUNES`` with weights of my own
  for the persons' home communes (the Rouen area about half, the Le Havre
  area a quarter, then Dieppe and the Bray, Elbeuf, Fécamp and the coast,
  Yvetot and the Pays de Caux, Bolbec-Lillebonne); networks stay or tour in
  the larger towns (Rouen 46 %, Le Havre 32 %, then Dieppe, Fécamp, Elbeuf,
  Yvetot, Bolbec).  Small communes are often declared under their "pole" on
  escort directories, whose town lists are short, and sometimes elsewhere.
  12 % of persons move to a coastal commune between mid-June and
  mid-September (seen only when the window reaches a summer).
* Sites: 30 invented sites (the report's 39 include 10 with no ad): 10 escort
  directories, 4 agency sites (tours, several languages), 4 classifieds, one
  massage-salon site, 2 dating sites and 9 mirrors of them; site weights
  follow the shape of the report's table (two dominant directories).
* Growth laws (documented at the functions): persons grow as
  ``273 * (n/699) ** 0.8`` (ads per person grow slowly with the window: 2.6
  at 699 ads, 11.0 at 1,000,000) and the window as
  ``77 * (n/699) ** 0.3`` days from 20 September 2018 (681 days, up to
  July 2020, at 1,000,000 ads: a national corpus gathered over two years).
* Ads per person: one ad each, plus a capped gamma(0.8) multinomial share
  (cap ``max(15, 5 x mean)`` ads on ordinary sites); at least 7 % of persons
  post on the dating family (more in long windows, so that each has about two
  postings there at most five), each posting being copied on the other source
  and on each of the nine mirrors with probability 0.8 / 0.85 (about 9.5 ads
  per posting), so that about 26.5 % of the ads are dating-family ads.  The
  most active person has 13 ads at 699 ads, 31 at 2,000, 61 at 100,000 and
  71 at 1,000,000 (mostly mirror copies).
* Time: 30 % of persons are "settled" (present 30 days plus an exponential of
  mean 120 days, capped by the window), the others post at a pace of about
  one ad every four days (log-normal); networks post in batches on the same
  days in one town, or follow tours of 1-3 stops of 2-7 days each, a tour
  every 40-80 days.  Activity spans are laid on a circle of the window's days
  (a span cut by the end resumes at the start, as a person coming back) so
  that every day of the window is equally covered.
* 38 % of persons belong to a network of 2 to 8 persons; seven kinds:
  touring agency (escort sites, sheets in the third person, French plus
  English / Spanish / Portuguese / Italian, tour dates, 24h/24, one agency
  line or numbers of one block), shared line (classifieds, third person,
  one number for several persons), number block (each person a number
  differing only in the last two digits), template (same words, same
  mistakes, same categories, same days, same town, unrelated numbers;
  sometimes one pseudo for all), common account (one user account as pseudo
  for several persons), massage salon (salon name as pseudo, salon line,
  broken French), Latin-American transgender tours (Spanish or Portuguese,
  shared line or block).  Network persons' ads come out at 35-38 %.
* Persons: 72 % keep one number, 21 % change once, 7 % twice (when they post
  on several days); a network line changes every 100 to 250 days.  About 20 %
  of persons change first name (their dating nickname often stays), pseudo
  fields are empty on many classified ads, vary in case and suffixes.  Each
  person has a spelling and typing style (case, punctuation, 0-3 habitual
  mistakes, how they type their town) and re-edits the text between
  postings (replace, drop, add, swap a sentence, change the closing).
* Ages: base age 19 + gamma, mean about 32 alone and 27 in networks (about
  30 over the ads that show an age); declared age
  moves by +-1 (sometimes -2/-3) between ads and grows on the birthday;
  person-level propensity to show it, about 53 % of ads without age.
* First name: per person a habit (title, text, both, none) with per-ad noise;
  many phrasings ("Je suis X", "Moi c'est X", "X vous attend", "Ici X"...).
* Phones: in the phone field, in the text only, in both, or nowhere (site
  messaging); 14 written formats (spaces, dots, dashes, slashes, +33, 0033,
  33, missing leading zero, spaced digits...), a site style plus collector
  noise.  Mirror sites re-format them.
* Fiction numbers: the six ARCEP fiction ranges (019900, 026191, 035301,
  046571, 053649, 063998), i.e. 600 blocks of 100 numbers (first eight digits
  fixed).  Numbers are dealt block by block in round robin, so that unrelated
  persons rarely share a block at small sizes.  A number whose last use has
  ended is *recycled* for another person (or network) only after a
  quarantine of ``PHONE_QUARANTINE_DAYS`` (120) days, as operators reassign
  numbers; fresh numbers are used first.  Up to 100,000 ads there is no
  recycling at all (18,226 numbers used at 100,000 ads).  At 1,000,000 ads
  the 91,323 persons alone outnumber the 60,000 fiction numbers, so reuse is
  unavoidable: 109,844 number uses (a person's phase or a network's line or
  block) need 140,388 numbers, i.e. the 60,000 fresh ones and 80,388
  reassignments, made at least 121 days (median 220) after the number's
  previous last appearance (measured with the default seed).  If a size ever needed more, generation raises ``RuntimeError``
  rather than break the quarantine.  The landline-looking ranges stand in for
  mobiles.
* Within the fiction ranges, at large sizes unrelated numbers inevitably
  share their first eight digits: the "last two digits" clue is only
  meaningful at small sizes.
* Mirror sites re-render: accents lost, mojibake (UTF-8 read as cp1252) on one
  mirror, truncation, a site warning appended, town written with the
  département or region, nickname in lower case; copies are collected 0-3
  days after the original.
* Collection order: by day, then by site in a fixed visiting order, then at
  random; ids ``A0000001``..., persons ``P000001``..., networks ``R00001``.
* Default seed 7613.  Dates ISO ``YYYY-MM-DD``.
"""

from __future__ import annotations

import heapq
import math
import random
from collections import namedtuple
from datetime import date, timedelta
from pathlib import Path

import numpy as np
import pandas as pd

__all__ = [
    "DEPARTEMENT",
    "SHEET_COLUMNS",
    "TRUTH_COLUMNS",
    "COMMUNES",
    "FICTION_PREFIXES",
    "PHONE_QUARANTINE_DAYS",
    "persons_for_ads",
    "collection_days",
    "thirteenth_world",
    "write_thirteenth_world",
]

DEPARTEMENT = "76"
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

DEFAULT_SEED = 7613
START_DATE = date(2018, 9, 20)
REPORT_ADS = 699
REPORT_PERSONS = 273
REPORT_DAYS = 77  # 20 September to 5 December 2018, both ends counted
PERSON_EXPONENT = 0.8
DAYS_EXPONENT = 0.3
FICTION_PREFIXES = ("019900", "026191", "035301", "046571", "053649", "063998")
PHONE_QUARANTINE_DAYS = 120

# --------------------------------------------------------------------------
# Geography (names, INSEE codes and postcodes from the reference tables)
# --------------------------------------------------------------------------

Commune = namedtuple("Commune", "nom insee codes_postaux")

# nom, insee, postcodes, weight, pole, coastal
_COMMUNE_ROWS = (
    ("Rouen", "76540", ("76000", "76100"), 30.0, "Rouen", False),
    ("Le Havre", "76351", ("76600", "76610", "76620"), 20.0, "Le Havre", False),
    ("Dieppe", "76217", ("76200", "76370"), 5.5, "Dieppe", True),
    ("Fécamp", "76259", ("76400",), 3.0, "Fécamp", True),
    ("Elbeuf", "76231", ("76500",), 2.8, "Elbeuf", False),
    ("Sotteville-lès-Rouen", "76681", ("76300",), 2.6, "Rouen", False),
    ("Saint-Étienne-du-Rouvray", "76575", ("76800",), 2.6, "Rouen", False),
    ("Le Grand-Quevilly", "76322", ("76120",), 1.8, "Rouen", False),
    ("Le Petit-Quevilly", "76498", ("76140",), 1.8, "Rouen", False),
    ("Mont-Saint-Aignan", "76451", ("76130",), 1.4, "Rouen", False),
    ("Canteleu", "76157", ("76380",), 1.0, "Rouen", False),
    ("Maromme", "76410", ("76150",), 0.9, "Rouen", False),
    ("Déville-lès-Rouen", "76216", ("76250",), 0.7, "Rouen", False),
    ("Bois-Guillaume", "76108", ("76230",), 0.9, "Rouen", False),
    ("Bihorel", "76095", ("76420",), 0.6, "Rouen", False),
    ("Darnétal", "76212", ("76160",), 0.7, "Rouen", False),
    ("Oissel", "76484", ("76350",), 0.7, "Rouen", False),
    ("Grand-Couronne", "76319", ("76530",), 0.5, "Rouen", False),
    ("Petit-Couronne", "76497", ("76650",), 0.4, "Rouen", False),
    ("Le Mesnil-Esnard", "76429", ("76240",), 0.3, "Rouen", False),
    ("Bonsecours", "76103", ("76240",), 0.3, "Rouen", False),
    ("Franqueville-Saint-Pierre", "76475", ("76520",), 0.3, "Rouen", False),
    ("Malaunay", "76402", ("76770",), 0.3, "Rouen", False),
    ("Duclair", "76222", ("76480",), 0.3, "Rouen", False),
    ("Caudebec-lès-Elbeuf", "76165", ("76320",), 0.8, "Elbeuf", False),
    ("Saint-Aubin-lès-Elbeuf", "76561", ("76410",), 0.4, "Elbeuf", False),
    ("Cléon", "76178", ("76410",), 0.4, "Elbeuf", False),
    ("Montivilliers", "76447", ("76290",), 1.1, "Le Havre", False),
    ("Harfleur", "76341", ("76700",), 0.8, "Le Havre", False),
    ("Gonfreville-l'Orcher", "76305", ("76700",), 0.8, "Le Havre", False),
    ("Sainte-Adresse", "76552", ("76310",), 0.5, "Le Havre", True),
    ("Octeville-sur-Mer", "76481", ("76930",), 0.4, "Le Havre", True),
    ("Épouville", "76238", ("76133",), 0.15, "Le Havre", False),
    ("Saint-Romain-de-Colbosc", "76647", ("76430",), 0.3, "Le Havre", False),
    ("Bolbec", "76114", ("76210",), 1.0, "Bolbec", False),
    ("Lillebonne", "76384", ("76170",), 0.8, "Bolbec", False),
    ("Port-Jérôme-sur-Seine", "76476", ("76170", "76330"), 0.4, "Bolbec", False),
    ("Yvetot", "76758", ("76190",), 1.2, "Yvetot", False),
    ("Barentin", "76057", ("76360",), 1.0, "Rouen", False),
    ("Pavilly", "76495", ("76570",), 0.4, "Rouen", False),
    ("Eu", "76255", ("76260",), 0.6, "Dieppe", True),
    ("Le Tréport", "76711", ("76470",), 0.8, "Dieppe", True),
    ("Criel-sur-Mer", "76192", ("76910",), 0.15, "Dieppe", True),
    ("Étretat", "76254", ("76790",), 0.6, "Le Havre", True),
    ("Les Loges", "76390", ("76790",), 0.1, "Fécamp", False),
    ("Yport", "76754", ("76111",), 0.2, "Fécamp", True),
    ("Valmont", "76719", ("76540",), 0.1, "Fécamp", False),
    ("Saint-Valery-en-Caux", "76655", ("76460",), 0.6, "Yvetot", True),
    ("Veules-les-Roses", "76735", ("76980",), 0.15, "Dieppe", True),
    ("Varengeville-sur-Mer", "76720", ("76119",), 0.1, "Dieppe", True),
    ("Cany-Barville", "76159", ("76450",), 0.3, "Fécamp", False),
    ("Goderville", "76302", ("76110",), 0.2, "Le Havre", False),
    ("Offranville", "76482", ("76550",), 0.2, "Dieppe", False),
    ("Arques-la-Bataille", "76026", ("76880",), 0.2, "Dieppe", False),
    ("Envermeu", "76235", ("76630",), 0.15, "Dieppe", False),
    ("Luneray", "76400", ("76810",), 0.15, "Dieppe", False),
    ("Saint-Nicolas-d'Aliermont", "76624", ("76510",), 0.2, "Dieppe", False),
    ("Neufchâtel-en-Bray", "76462", ("76270",), 0.5, "Dieppe", False),
    ("Forges-les-Eaux", "76276", ("76440",), 0.4, "Rouen", False),
    ("Gournay-en-Bray", "76312", ("76220",), 0.5, "Rouen", False),
    ("Aumale", "76035", ("76390",), 0.2, "Dieppe", False),
    ("Blangy-sur-Bresle", "76101", ("76340",), 0.2, "Dieppe", False),
    ("Saint-Saëns", "76648", ("76680",), 0.15, "Rouen", False),
    ("Buchy", "76146", ("76750",), 0.1, "Rouen", False),
    ("Yerville", "76752", ("76760",), 0.2, "Yvetot", False),
    ("Doudeville", "76219", ("76560",), 0.15, "Yvetot", False),
    ("Tôtes", "76700", ("76890",), 0.15, "Yvetot", False),
    ("Auffay", "76034", ("76720", "76850"), 0.1, "Dieppe", False),
    ("Clères", "76179", ("76690",), 0.1, "Rouen", False),
    ("Montville", "76452", ("76710",), 0.2, "Rouen", False),
    ("Jumièges", "76378", ("76480",), 0.1, "Rouen", False),
)

COMMUNES = tuple(Commune(r[0], r[1], r[2]) for r in _COMMUNE_ROWS)
_C_NAME = [r[0] for r in _COMMUNE_ROWS]
_C_WEIGHT = np.array([r[3] for r in _COMMUNE_ROWS], dtype=float)
_C_COAST = np.array([r[5] for r in _COMMUNE_ROWS], dtype=bool)
_C_INDEX = {r[0]: i for i, r in enumerate(_COMMUNE_ROWS)}
_C_POLE = [_C_INDEX[r[4]] for r in _COMMUNE_ROWS]
_C_BIG = {_C_INDEX[x] for x in ("Rouen", "Le Havre", "Dieppe", "Fécamp", "Elbeuf")}
# tours of networks stop in the larger towns
_TOUR_CITIES = [_C_INDEX[x] for x in ("Rouen", "Le Havre", "Dieppe", "Fécamp", "Elbeuf", "Yvetot", "Bolbec")]
_TOUR_WEIGHTS = np.array([46, 32, 9, 4, 4, 3, 2], dtype=float)
_C_RANGE = range(len(_COMMUNE_ROWS))
_C_CUM = np.cumsum(_C_WEIGHT).tolist()


def _tour_sample(rnd: random.Random, k: int) -> list:
    """k distinct tour towns drawn by weight."""
    pool = list(range(len(_TOUR_CITIES)))
    out = []
    while len(out) < k and pool:
        j = rnd.choices(pool, weights=[_TOUR_WEIGHTS[i] for i in pool])[0]
        out.append(_TOUR_CITIES[j])
        pool.remove(j)
    return out


_COAST_IDX = [i for i in range(len(_COMMUNE_ROWS)) if _C_COAST[i]]
_TYPOS = {
    "Le Havre": ("Le Harve", "Le Havres"),
    "Dieppe": ("Diepe", "Dieppes"),
    "Fécamp": ("Fecamps", "Fécam"),
    "Rouen": ("Roeun", "Rouens"),
    "Sotteville-lès-Rouen": ("Sotteville les Rouan",),
    "Saint-Étienne-du-Rouvray": ("St Etienne du Rouvrai",),
    "Elbeuf": ("Elbeuf sur Seine",),
}

# --------------------------------------------------------------------------
# Sites
# --------------------------------------------------------------------------

# name, kind, weight, phone style, commune style, age shown prob, pseudo prob
_SITE_ROWS = (
    ("velours-escort.example", "escorte", 165, 1, "canon", 0.62, 0.99),
    ("modeles-charme.example", "escorte", 150, 0, "dep_paren", 0.55, 0.99),
    ("dame-de-coeur.example", "escorte", 35, 2, "canon", 0.5, 0.97),
    ("escort-guide-fr.example", "escorte", 12, 4, "cp_after", 0.6, 0.99),
    ("douceur-annonces.example", "escorte", 9, 1, "upper", 0.45, 0.95),
    ("fiches-escort.example", "escorte", 6, 1, "canon", 0.6, 0.99),
    ("indep-escortes.example", "escorte", 3, 0, "dep_dash", 0.5, 0.97),
    ("annuaire-charme.example", "escorte", 2, 2, "canon", 0.5, 0.95),
    ("belles-de-nuit.example", "escorte", 2, 1, "canon", 0.5, 0.95),
    ("escort-normandie.example", "escorte", 1, 1, "region", 0.5, 0.95),
    ("elite-companions.example", "agence", 7, 4, "canon", 0.95, 1.0),
    ("euro-tour-ladies.example", "agence", 5, 5, "canon", 0.95, 1.0),
    ("topmodels-escort.example", "agence", 3, 4, "dep_paren", 0.9, 1.0),
    ("luxe-compagnie.example", "agence", 1, 1, "canon", 0.9, 1.0),
    ("troc-annonces.example", "annonces", 45, 0, "cp_after", 0.22, 0.45),
    ("annonces-partout.example", "annonces", 42, 0, "cp_before", 0.18, 0.35),
    ("marche-du-coin.example", "annonces", 20, 1, "user", 0.2, 0.5),
    ("les-voisins-annonces.example", "annonces", 4, 2, "user", 0.15, 0.4),
    ("massages-bien-etre.example", "massage", 3, 1, "cp_after", 0.1, 1.0),
    ("rencontre-tendre.example", "rencontre", 0, 0, "user", 0.35, 0.97),
    ("on-se-croise.example", "rencontre", 0, 1, "user", 0.35, 0.97),
    ("celib-et-plus.example", "miroir", 0, 0, "dep_dash", 0.35, 0.97),
    ("rue-des-coeurs.example", "miroir", 0, 1, "region", 0.35, 0.97),
    ("ephemeres.example", "miroir", 0, 2, "upper", 0.35, 0.97),
    ("sans-suite-rencontres.example", "miroir", 0, 0, "noacc", 0.35, 0.97),
    ("calin-calin.example", "miroir", 0, 5, "dep_paren", 0.35, 0.97),
    ("datingzone.example", "miroir", 0, 4, "dep_dash", 0.35, 0.97),
    ("tolerance-rencontres.example", "miroir", 0, 1, "canon", 0.35, 0.97),
    ("pause-douce.example", "miroir", 0, 3, "region", 0.35, 0.97),
    ("tchatche-rencontre.example", "miroir", 0, 0, "noacc", 0.35, 0.97),
)
_S_NAME = [r[0] for r in _SITE_ROWS]
_S_KIND = [r[1] for r in _SITE_ROWS]
_S_WEIGHT = [r[2] for r in _SITE_ROWS]
_S_PHONE = [r[3] for r in _SITE_ROWS]
_S_CSTYLE = [r[4] for r in _SITE_ROWS]
_S_AGE = [r[5] for r in _SITE_ROWS]
_S_PSEUDO = [r[6] for r in _SITE_ROWS]
_ESCORT_SITES = [i for i, k in enumerate(_S_KIND) if k == "escorte"]
_AGENCY_SITES = [i for i, k in enumerate(_S_KIND) if k == "agence"]
_CLASSIFIED_SITES = [i for i, k in enumerate(_S_KIND) if k == "annonces"]
_MASSAGE_SITES = [i for i, k in enumerate(_S_KIND) if k == "massage"]
_DATING_SOURCES = [i for i, k in enumerate(_S_KIND) if k == "rencontre"]
_MIRRORS = [i for i, k in enumerate(_S_KIND) if k == "miroir"]
# mirror rendering habits: (strip accents, mojibake, truncate at, warning, nickname lower)
_MIRROR_HABITS = {
    _MIRRORS[0]: (False, False, 0, True, False),
    _MIRRORS[1]: (False, False, 420, False, True),
    _MIRRORS[2]: (True, False, 0, True, False),
    _MIRRORS[3]: (True, False, 300, False, True),
    _MIRRORS[4]: (False, True, 0, False, False),
    _MIRRORS[5]: (False, False, 0, True, True),
    _MIRRORS[6]: (False, False, 250, False, False),
    _MIRRORS[7]: (True, False, 0, True, False),
    _MIRRORS[8]: (False, False, 350, False, True),
}
_WARNINGS = (
    "Ne payez jamais à l'avance par carte prépayée.",
    "Attention : ne jamais envoyer de coupon de recharge avant un rendez-vous.",
)

# --------------------------------------------------------------------------
# Names (invented pseudonyms from common first names; list order = popularity)
# --------------------------------------------------------------------------

_NAMES = {
    "fr": (
        "Lola Jessica Julie Laura Emma Léa Chloé Manon Sarah Mélissa Nina Eva Alicia "
        "Vanessa Cindy Kelly Samantha Clara Inès Jade Océane Marine Pauline Camille "
        "Élodie Audrey Sabrina Jennifer Amandine Aurélie Justine Charlotte Margaux "
        "Anaïs Célia Lucie Maëva Noémie Estelle Caroline Nadia Sonia Yasmine Leila "
        "Sofia Mia Luna Zoé Lina Romane Candice Cassandra Tiffany Priscilla Cynthia "
        "Karine Sandra Nathalie Virginie Stéphanie Sophie Alexia Ambre Lou Emy Kim "
        "Lily Gaëlle Alice Juliette Louna Maya Naomi Roxane Séverine Valérie Delphine "
        "Sylvie Carla Elsa"
    ).split(),
    "latam": (
        "Valentina Gabriela Camila Isabela Daniela Fernanda Paola Bianca Luana Larissa "
        "Yasmin Thalia Paloma Natalia Mariana Juliana Carolina Adriana Alejandra "
        "Catalina Ximena Rafaela Bruna Letícia Vitória"
    ).split(),
    "eu_west": "Giulia Chiara Francesca Lucía Carmen Elena Martina Anja Lena Hanna Aino Sara".split(),
    "eu_east": (
        "Alina Katia Natacha Tania Olga Irina Svetlana Oksana Anastasia Daria Ioana "
        "Andreea Ewa Kasia Monika Milena Vika Yulia Sonia Diana"
    ).split(),
    "asia": "Mei Lin Lily Yuki Jasmine Lan Xiao Hana Priya Anjali Nour Rania Maya Kim Cherry Coco".split(),
    "africa": "Grace Fatou Aïcha Awa Mariam Joy Blessing Esther Nadège Christelle Merveille Précieuse".split(),
    "male": (
        "Kevin Julien Yanis Alex Max Lucas Théo Rayan Adam Hugo Enzo Nico Sam Tom Léo "
        "Diego Marco Bruno Rafael Mehdi Karim Dylan Jordan Romain Anthony Thomas Samy "
        "Nathan Ryan Jules"
    ).split(),
    "trans": (
        "Bianca Paloma Larissa Thalia Luana Yasmin Kelly Giselle Camilla Barbara Sabrina "
        "Vanessa Natasha Jenifer Pamela Rebeca Fabiana Bruna Kiara Dany Nicole Sheila "
        "Samantha Tiffany Carla"
    ).split(),
}
_NAME_W = {k: np.array([1.0 / (i + 1) ** 0.9 for i in range(len(v))]) for k, v in _NAMES.items()}
for _k in _NAME_W:
    _NAME_W[_k] /= _NAME_W[_k].sum()

# nationality forms: fr feminine, fr masculine, English, Spanish, Portuguese
_NATS = {
    "fr": (("française", "français", "French", "francesa", "francesa"),),
    "latam": (
        ("brésilienne", "brésilien", "Brazilian", "brasileña", "brasileira"),
        ("colombienne", "colombien", "Colombian", "colombiana", "colombiana"),
        ("vénézuélienne", "vénézuélien", "Venezuelan", "venezolana", "venezuelana"),
        ("argentine", "argentin", "Argentinian", "argentina", "argentina"),
        ("cubaine", "cubain", "Cuban", "cubana", "cubana"),
        ("mexicaine", "mexicain", "Mexican", "mexicana", "mexicana"),
        ("paraguayenne", "paraguayen", "Paraguayan", "paraguaya", "paraguaia"),
        ("portoricaine", "portoricain", "Puerto Rican", "puertorriqueña", "porto-riquenha"),
    ),
    "eu_west": (
        ("espagnole", "espagnol", "Spanish", "española", "espanhola"),
        ("italienne", "italien", "Italian", "italiana", "italiana"),
        ("allemande", "allemand", "German", "alemana", "alemã"),
        ("finlandaise", "finlandais", "Finnish", "finlandesa", "finlandesa"),
    ),
    "eu_east": (
        ("polonaise", "polonais", "Polish", "polaca", "polonesa"),
        ("ukrainienne", "ukrainien", "Ukrainian", "ucraniana", "ucraniana"),
        ("russe", "russe", "Russian", "rusa", "russa"),
        ("roumaine", "roumain", "Romanian", "rumana", "romena"),
    ),
    "asia": (
        ("chinoise", "chinois", "Chinese", "china", "chinesa"),
        ("indienne", "indien", "Indian", "india", "indiana"),
        ("libanaise", "libanais", "Lebanese", "libanesa", "libanesa"),
    ),
    "africa": (
        ("kényane", "kényan", "Kenyan", "keniana", "queniana"),
        ("camerounaise", "camerounais", "Cameroonian", "camerunesa", "camaronesa"),
        ("ivoirienne", "ivoirien", "Ivorian", "marfileña", "marfinense"),
    ),
}
_ORIGIN_LABEL = {
    "fr": ("française", "normande", "d'ici"),
    "latam": ("latine", "latina", "sud-américaine"),
    "eu_west": ("méditerranéenne", "européenne"),
    "eu_east": ("de l'Est", "slave"),
    "asia": ("asiatique", "orientale"),
    "africa": ("africaine", "black", "métisse"),
}

_F_ADJ = (
    "douce souriante sympathique élégante charmante pétillante câline naturelle discrète "
    "raffinée gentille joyeuse sensuelle attentionnée coquette pulpeuse timide drôle "
    "délicate chaleureuse"
).split()
_F_CAT = (
    "brune", "blonde", "rousse", "métisse", "châtain", "jeune femme", "femme mûre",
    "petite brune", "grande blonde", "jolie ronde", "beauté exotique", "fille aux yeux verts",
    "étudiante", "femme élégante",
)
_M_ADJ = "sportif discret souriant sympa gentil doux musclé timide cool attentionné".split()
_M_CAT = ("jeune homme", "mec", "beau gosse", "garçon", "jeune mec", "homme", "étudiant")
_T_CAT = ("trans", "jolie trans", "TS", "trans féminine", "belle trans", "transsexuelle")
_EN_ADJ = "sweet elegant charming playful lovely friendly classy gentle".split()

# --------------------------------------------------------------------------
# Phrase banks.  [a|b] = alternatives chosen once per person (or network);
# {name} {city} {age} {d1} {d2} {phone} {site} are filled per ad; {adj} {adj2}
# {cat} {nat} {orig} are filled per person.
# --------------------------------------------------------------------------

_GREET = (
    "Bonjour messieurs", "Coucou", "Hello", "Bonsoir à tous", "Salut", "Bonjour",
    "Bienvenue", "Coucou les hommes", "Bonjour à vous", "Hey", "Bonjour les gentlemen",
)
_PRES_F = (
    "[Je suis|Moi c'est|Ici|Je m'appelle] {name}, [une |][jeune |]{cat} {adj} [de {age} ans|]",
    "{name}, {cat} {adj} [et {adj2}|] [à|sur] {city}",
    "[On m'appelle|Appelez-moi] {name}, [jeune femme|femme] {adj} [de {age} ans|]",
    "[Coucou|Bonjour|Hello] c'est {name} [{nat}|], [très |][douce|souriante|agréable]",
    "[Je suis|Moi c'est] {name} [{nat}|], {adj} et {adj2}",
    "{name} [vous attend|vous reçoit|est là pour vous] [à|sur] {city}",
    "Je me présente : {name}, {age} ans, {cat} [{nat}|]",
    "[Nouvelle|Nouvelle ici], je m'appelle {name} et j'ai {age} ans",
    "Votre {cat} {name} [est de retour|est disponible|vous attend]",
)
_ANON_F = (
    "[Jeune|Jolie|Belle|Charmante] {cat} {adj} [{nat}|] [de {age} ans|]",
    "[Femme|Jeune femme] {adj} et {adj2} [{nat}|]",
    "{cat} {nat} [{adj}|] [nouvelle|disponible] [à|sur] {city}",
    "[Jolie|Belle] {orig} [{adj}|] [de {age} ans|]",
    "[Jeune|Vraie] {cat} [{adj}|], [{age} ans|] [à|sur] {city}",
)
_PRES_M = (
    "[Je suis|Moi c'est] {name}, [jeune homme|mec] {adj} [de {age} ans|]",
    "{name}, {cat} {adj} [{nat}|] [à|sur] {city}",
    "[Salut|Bonjour], [je m'appelle|moi c'est] {name}, {age} ans",
)
_ANON_M = (
    "[Jeune homme|Mec|Jeune mec] {adj} [de {age} ans|] [sur|à] {city}",
    "{cat} {adj} et [discret|gentil]",
)
_PRES_T = (
    "[Je suis|Moi c'est] {name}, [trans|belle trans|jolie trans] {nat} {adj}",
    "{name}, [TS|trans] [féminine|très féminine] [de {age} ans|]",
    "[Coucou|Bonjour] c'est {name}, {cat} [{nat}|] [{adj}|]",
)
_ANON_T = (
    "[Jolie|Belle] {cat} {adj} [{nat}|] [à|sur] {city}",
    "{cat} [très féminine|féminine et {adj}] [de {age} ans|]",
)
_OFFER_F = (
    "[Je vous propose|Je propose|Je vous offre] un [moment|instant] de [détente|douceur|complicité] [en toute discrétion|sans prise de tête|dans la bonne humeur|]",
    "[Disponible|Dispo] pour [partager|passer] un [bon|agréable|vrai] moment [ensemble|à deux|]",
    "[Envie de|Besoin de] [compagnie|détente|douceur] ? [Je suis là|Appelez-moi|N'attendez plus]",
    "[Massage relaxant|Massage] et moment de détente [assurés|garantis|]",
    "[Je propose|Je vous propose] ma compagnie [aux hommes|à messieurs] [respectueux|courtois|galants] [et généreux|]",
    "Pour [vous détendre|oublier le stress|un moment hors du temps], [je suis là|pensez à moi|je vous attends]",
    "[Venez|Viens] passer un moment [agréable|relaxant|chaleureux] [avec moi|en ma compagnie]",
    "[Un service|Des services] de [qualité|compagnie] pour [hommes|messieurs] [exigeants|de bon goût]",
)
_OFFER_M = (
    "Je propose mes services [à homme|à mec|aux hommes] [gay ou bi|discrets|]",
    "[Massage, sortie, compagnie|Massage et compagnie|Sorties et détente] pour [hommes|femmes seules|couples]",
    "[Cherche|Recherche] [homme|personne] [généreux|attentionné] [pour moments complices|pour me dépanner]",
    "En retour, un petit coup de pouce [est le bienvenu|serait apprécié]",
)
_PLACE = (
    "Je reçois [dans un appartement|chez moi dans un cadre] [calme|discret|propre|climatisé] [à|sur] {city}",
    "[Je me déplace|Déplacement possible] [sur|autour de] {city} [et alentours|et environs|]",
    "Reçois et [me déplace|déplacements] [hôtel|domicile|hôtel et domicile]",
    "[Appartement|Lieu] [discret|calme] [proche gare|proche centre|parking facile|avec parking] [à|sur] {city}",
    "[Je reçois|Reçois uniquement] [en journée|le soir|sur rendez-vous] [à|sur] {city}",
    "[Je suis|Présente] [sur le 76|en Seine-Maritime|sur {city} et le 76]",
)
_COND = (
    "[Pas de numéros masqués|Pas d'appels masqués|Aucun numéro masqué|Numéros masqués refusés]",
    "[Appels masqués et SMS|Les sms et numéros masqués] [ignorés|sans réponse|resteront sans réponse]",
    "[Hygiène|Propreté] et respect [exigés|obligatoires|de rigueur]",
    "Discrétion [assurée|garantie|absolue]",
    "[Hommes|Messieurs] [respectueux|polis|courtois] [uniquement|seulement]",
    "[Pas sérieux|Plaisantins] s'abstenir",
    "[Je ne réponds pas aux|Pas de] [sms|messages]",
    "Rendez-vous [pris|à prendre] [30 min|une heure|1h] à l'avance",
    "[Photos|Mes photos sont] [réelles|100% réelles|récentes et réelles]",
    "[Dites-moi|Précisez] que vous m'avez [vue|trouvée] sur {site}",
    "[Fixes|Numéros fixes] et mails sans suite",
)
_AVAIL = (
    "[Disponible|Dispo] [du lundi au samedi|tous les jours|en semaine|le week-end] [de 10h à 22h|de 9h à 20h|à partir de 14h|]",
    "[Disponible|Dispo] [en soirée|l'après-midi|en journée] [sur rendez-vous|]",
    "[Disponible|Dispo] 7j/7",
)
_CLOSE = (
    "Bisous", "Gros bisous", "À bientôt", "À très vite", "Je vous attends",
    "N'hésitez pas à m'appeler", "Au plaisir", "Appelez-moi vite", "Kiss", "Bises",
    "À tout de suite", "Contactez-moi vite",
)
_PHONE_T = (
    "Appelez au {phone}", "Tél : {phone}", "Mon numéro : {phone}", "Contact : {phone}",
    "Joignable au {phone}", "{phone} (appels uniquement)", "Appelle-moi au {phone}",
    "Tel {phone}", "Pour me joindre : {phone}",
)
_PASSAGE = (
    "[De passage|Seulement de passage] [à|sur] {city} [pour quelques jours|pour une semaine|cette semaine|]",
    "[Nouvelle|Juste arrivée] [à|sur] {city} [pour quelques jours|pour peu de temps]",
    "En vacances [à|sur] {city} [quelques jours|jusqu'à la fin de la semaine]",
    "[Présente|Disponible] [à|sur] {city} [du {d1} au {d2}|jusqu'au {d2}]",
    "[Derniers jours|Dernière semaine] [à|sur] {city}",
    "Dans votre ville pour [une semaine|quelques jours] seulement",
)
_SUMMER = ("Sur [le secteur|la côte|{city}] [tout l'été|pour la saison|pendant les vacances]",)

# third person (networks)
_PRES3 = (
    "{name} est une [jeune femme|jolie fille|femme] {nat} de {age} ans, {adj} et {adj2}",
    "[Nouvelle|Nouvelle fille|Nouvelle copine] : {name}, {age} ans, {nat}",
    "{name}, {cat} {nat}, [vous reçoit|vous attend|est disponible] [à|sur] {city}",
    "[Découvrez|Voici] {name}, {cat} {adj} de {age} ans",
    "{name} [arrive|est arrivée] [à|sur] {city}, {cat} {nat} {adj}",
)
_ANON3 = (
    "[Nouvelle|Jeune] {cat} {nat} [disponible|arrivée] [à|sur] {city}",
    "[Une|Jolie] {orig} de {age} ans [vous attend|vous reçoit]",
)
_OFFER3 = (
    "Elle vous propose un moment de [détente|compagnie] [inoubliable|agréable|de qualité]",
    "Elle [vous reçoit|reçoit] dans un appartement [discret|privé|climatisé]",
    "[Très|Vraiment] {adj}, elle [saura vous détendre|aime les hommes galants]",
    "Elle [se déplace|peut se déplacer] [hôtel et domicile|à l'hôtel]",
    "Sa [compagnie|présence] [vous fera oublier le stress|est un vrai moment de douceur]",
)
_NET_AVAIL = ("Disponible 24h/24", "Disponible tout le temps", "24h/24 7j/7", "Dispo jour et nuit", "Disponible 24h/24 sur rendez-vous")
_TOUR_FR = (
    "[Présente|De passage|En tournée] [à|sur] {city} du {d1} au {d2}",
    "[Seulement|Uniquement] du {d1} au {d2} [à|sur] {city}",
    "[Tournée|Visite] [à|sur] {city} : du {d1} au {d2}",
)
_EN = {
    "pres": (
        "[Hello|Hi] [gentlemen|guys], I am {name}, a {adj_en} {nat_en} [girl|lady] of {age}",
        "{name}, {age} years old, {nat_en}, [sweet and classy|elegant and friendly]",
    ),
    "tour": ("[Visiting|In] {city} from {d1en} to {d2en}", "[New in town|Only a few days] in {city} ({d1en} - {d2en})"),
    "body": (
        "[Incall and outcall|Incall only|Outcall hotel]",
        "[Available 24/7|Available day and night]",
        "[Only|Just for] [gentlemen|respectful men]",
        "[No hidden numbers|No private numbers], no SMS",
        "[Real photos|100% real pictures]",
    ),
    "close": ("Kisses", "See you soon", "Call me"),
}
_ES = {
    "pres": ("[Hola|Hola amor], soy {name}, {nat_es} de {age} años", "{name}, [chica|trans] {nat_es}, [muy femenina|muy cariñosa]"),
    "tour": ("Recién llegada a {city}", "[Solo|Solamente] unos días en {city}"),
    "body": ("[Muy|Súper] [cariñosa|femenina] y discreta", "Disponible las 24 horas", "[Sin prisas|Ambiente tranquilo]"),
    "close": ("Te espero", "Besos", "Besitos"),
}
_PT = {
    "pres": ("Oi amor, sou {name}, {nat_pt} de {age} anos", "{name}, [morena|loira] {nat_pt}, [muito carinhosa|muito feminina]"),
    "tour": ("Acabei de chegar em {city}", "[Só|Somente] alguns dias em {city}"),
    "body": ("[Muito|Super] carinhosa e discreta", "Disponível 24 horas", "Ambiente tranquilo"),
    "close": ("Beijos", "Te espero", "Beijinhos"),
}
_IT = {
    "pres": ("Ciao, sono {name}, ragazza {nat_it} di {age} anni",),
    "tour": ("Di passaggio a {city} per pochi giorni",),
    "body": ("Molto dolce e discreta", "Disponibile 24 ore su 24"),
    "close": ("Baci", "A presto"),
}
_SALON = (
    "[Nouveau salon|Nouvelle adresse] de massage [à|sur] {city}",
    "[Jeune|Nouvelle] masseuse asiatique {name}, [très gentille|très douce]",
    "Massage relaxant [tout le corps|complet], [très bien|vraiment bien]",
    "Ouvert tous les jours de [9h à 22h|10h à 23h|10h à 21h]",
    "Nouvelle fille [chaque semaine|tous les 15 jours]",
    "[Douche disponible|Cadre propre], [parking facile|discret]",
    "Appeler [avant venir|pour rdv]",
)
_SALON_TITLE = (
    "Massage asiatique {city}", "{salon} - massage relaxant", "Nouvelle masseuse {name}",
    "MASSAGE {city} nouvelle fille", "{salon} {city}",
)
_SALON_NAMES = (
    "Salon Lotus", "Massage Jade", "Institut Bambou", "Zen Massage", "Orchidée Bien-être",
    "Perle d'Asie", "Fleur de Lotus", "Massage Harmonie", "Spa Jasmin", "Détente Orient",
    "Massage Soleil", "Jardin de Jade",
)
_ACCOUNT_WORDS = ("charme", "vip", "elite", "prestige", "velours", "satin", "nuit", "etoile", "diamant", "douceur", "perle", "ladies")

_TITLE_NAMED_F = (
    "{name}, {cat} {adj}", "{name} [{age} ans|] [à|sur] {city}", "{name} de passage",
    "{name}", "[Coucou|Hello] c'est {name}", "{name} ♡", "{name} - {city}",
    "[Douce|Charmante] {name} [pour vous|vous attend]", "{name}, nouvelle [à|sur] {city}",
    "NEW {name} [à|sur] {city}", "{name} {cat} {nat}",
)
_TITLE_ANON_F = (
    "[Belle|Jolie] {cat} [disponible|dispo]", "{catc} {adj} [à|sur] {city}", "Moment de détente [à|sur] {city}",
    "Nouvelle [à|sur] {city}", "[Douce|Charmante] {cat} pour [hommes|messieurs] [respectueux|courtois]",
    "[Massage|Massage relaxant] [et détente|]", "Jeune femme {nat} [à|sur] {city}",
    "{catc} {orig} [à|sur] {city}", "[Petit|Agréable] moment [à|sur] {city}",
)
_TITLE_NAMED_M = ("{name}, {cat} {adj}", "{name} [pour hommes|pour femmes]", "{name} - {city}")
_TITLE_ANON_M = ("{catc} {adj} [à|sur] {city}", "[Jeune homme|Mec] [pour hommes|dispo] [à|sur] {city}", "Massage et compagnie")
_TITLE_NAMED_T = ("{name} trans {city}", "{name}, {cat} {nat}", "{name} ♡ trans")
_TITLE_ANON_T = ("{catc} [à|sur] {city}", "[Jolie|Belle] trans {nat}", "TS [de passage|nouvelle] [à|sur] {city}")
_TITLE_NET = (
    "{name} - {nat} - {city}", "NEW {name} [in|à] {city} {d1}-{d2}", "{name}, {age} ans, {city}",
    "[Nouvelle|New] {cat} {name}", "{name} [VIP|Top|New] {city}",
)

_ERRORS = (
    ("je vous attends", "je vous attend"), ("Je vous attends", "Je vous attend"), ("très", "trés"),
    ("À bientôt", "A bientot"), ("appartement", "appartemment"), ("Discrétion", "Discretion"),
    ("discrétion", "discretion"), ("N'hésitez", "Nhesitez"), ("messieurs", "messieur"),
    ("respectueux", "respectueu"), ("masqués", "masquer"), ("numéros", "numero"),
    ("Disponible", "Disponnible"), ("disponible", "disponnible"), ("quelques jours", "quelque jours"),
    ("détente", "detente"), ("agréable", "agreable"), ("reçois", "recois"), ("Reçois", "Recois"),
    ("Appelez", "Appeler"), ("appelez", "appeler"), ("garantis", "garantie"), ("À très vite", "a tres vite"),
    ("courtois", "courtoi"), ("exigés", "exigé"), ("photos", "foto"),
)
_ABBREV = (("Disponible", "Dispo"), ("rendez-vous", "rdv"), ("Rendez-vous", "RDV"), ("Bisous", "Bsx"), ("Gros bisous", "gros bsx"))

_MONTHS_FR = ("janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre", "novembre", "décembre")
_MONTHS_EN = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")

_ACCENTS = str.maketrans(
    "àâäáãéèêëíìîïóòôöõúùûüçñÀÂÄÁÉÈÊËÍÎÏÓÔÖÚÙÛÜÇÑ",
    "aaaaaeeeeiiiiooooouuuucnAAAAEEEEIIIOOOUUUUCN",
)


def _noacc(s: str) -> str:
    return s.translate(_ACCENTS)


def _tidy(s: str) -> str:
    s = " ".join(s.split())
    return s.replace(" ,", ",").replace(",,", ",").replace(" .", ".").strip(" ,")


def _expand(template: str, rnd: random.Random) -> str:
    out = []
    i = 0
    while True:
        j = template.find("[", i)
        if j < 0:
            out.append(template[i:])
            break
        k = template.find("]", j)
        out.append(template[i:j])
        out.append(rnd.choice(template[j + 1 : k].split("|")))
        i = k + 1
    return "".join(out)


def _fill(s: str, values: dict) -> str:
    if "{" not in s:
        return s
    for key, val in values.items():
        if key in s:
            s = s.replace(key, val)
    return s


def _cap(s: str) -> str:
    return s[:1].upper() + s[1:] if s else s


# --------------------------------------------------------------------------
# Phones
# --------------------------------------------------------------------------

_FIELD_STYLES = (0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 13)
_TEXT_STYLES = (1, 1, 2, 0, 3, 12, 10, 4, 13)


def _fmt_phone(num: str, style: int) -> str:
    a = (num[0:2], num[2:4], num[4:6], num[6:8], num[8:10])
    nat = num[1:]
    if style == 0:
        return num
    if style == 1:
        return " ".join(a)
    if style == 2:
        return ".".join(a)
    if style == 3:
        return "-".join(a)
    if style == 4:
        return "+33 " + nat[0] + " " + " ".join(a[1:])
    if style == 5:
        return "+33" + nat
    if style == 6:
        return "0033 " + nat[0] + " " + " ".join(a[1:])
    if style == 7:
        return num[:4] + " " + num[4:6] + " " + num[6:8] + " " + num[8:]
    if style == 8:
        return "(+33) " + nat
    if style == 9:
        return "33" + nat
    if style == 10:
        return "/".join(a)
    if style == 11:
        return nat[0] + " " + " ".join(a[1:])
    if style == 12:
        return " ".join(num)
    return " ".join(a[:3]) + " " + a[3] + a[4]  # 13


class _NumberPool:
    """Fiction numbers dealt block by block, recycled after a quarantine."""

    def __init__(self, rnd: random.Random, quarantine: int):
        self.quarantine = quarantine
        blocks = [p + f"{b:02d}" for p in FICTION_PREFIXES for b in range(100)]
        rnd.shuffle(blocks)
        self.blocks = blocks
        self.available = []
        for _ in blocks:
            suffixes = [f"{x:02d}" for x in range(100)]
            rnd.shuffle(suffixes)
            self.available.append(suffixes)
        self.heads = [0] * len(blocks)  # index of the next usable number
        self.pending: list = []  # (free_day, seq, block, suffix)
        self.pointer = 0
        self.seq = 0
        self.recycled = 0
        self.last_end: dict = {}
        self.min_gap = None
        self.gaps: list = []

    def allocate(self, start: int, end: int, k: int) -> list[str]:
        pend = self.pending
        while pend and pend[0][0] <= start:
            _, _, b, suf = heapq.heappop(pend)
            self.available[b].append(suf)
        nb = len(self.blocks)
        for step in range(nb):
            b = (self.pointer + step) % nb
            if len(self.available[b]) - self.heads[b] >= k:
                h = self.heads[b]
                sufs = self.available[b][h : h + k]
                self.heads[b] = h + k
                if self.heads[b] > 400:  # compact
                    self.available[b] = self.available[b][self.heads[b] :]
                    self.heads[b] = 0
                self.pointer = b + 1
                out = []
                for suf in sufs:
                    self.seq += 1
                    heapq.heappush(pend, (end + 1 + self.quarantine, self.seq, b, suf))
                    num = self.blocks[b] + suf
                    prev = self.last_end.get(num)
                    if prev is not None:
                        self.recycled += 1
                        gap = start - prev
                        self.gaps.append(gap)
                        self.min_gap = gap if self.min_gap is None else min(self.min_gap, gap)
                    self.last_end[num] = end
                    out.append(num)
                return out
        raise RuntimeError("the fiction phone ranges are exhausted for this size")


# --------------------------------------------------------------------------
# Growth laws
# --------------------------------------------------------------------------


def _check_n(n_ads) -> int:
    if isinstance(n_ads, bool) or not isinstance(n_ads, (int, np.integer)):
        raise ValueError("n_ads must be a positive integer")
    n = int(n_ads)
    if n <= 0:
        raise ValueError("n_ads must be a positive integer")
    return n


def persons_for_ads(n_ads: int) -> int:
    """Number of distinct persons behind ``n_ads`` ads.

    ``round(273 * (n/699) ** 0.8)``, at least 1 and at most ``n``.  At 699 ads
    this is the report's 273 persons (61 % duplicates, II-B).  The exponent
    below 1 says that a bigger corpus is also a longer collection, in which
    each person re-posts more: 2.6 ads per person at 699, 3.2 at 2,000 (633
    persons), 6.9 at 100,000 (14,474 persons) and 11.0 at 1,000,000 ads
    (91,323 persons over 681 days, a national corpus).
    """
    n = _check_n(n_ads)
    p = int(round(REPORT_PERSONS * (n / REPORT_ADS) ** PERSON_EXPONENT))
    return max(1, min(n, p))


def collection_days(n_ads: int) -> int:
    """Length of the collection window, in days (both ends counted).

    ``round(77 * (n/699) ** 0.3)``, at least 1: the report's 77 days (20
    September - 5 December 2018) at 699 ads, 106 days at 2,000, 341 days at
    100,000 and 681 days (until late July 2020) at 1,000,000 ads.
    """
    n = _check_n(n_ads)
    return max(1, int(round(REPORT_DAYS * (n / REPORT_ADS) ** DAYS_EXPONENT)))


# --------------------------------------------------------------------------
# Persons and networks
# --------------------------------------------------------------------------

_NET_KINDS = ("agence", "ligne", "bloc", "gabarit", "compte", "salon", "latino")
_NET_KIND_W = np.array([0.25, 0.19, 0.15, 0.16, 0.10, 0.07, 0.08])
_NET_SIZE = {
    "agence": (3, 8), "ligne": (2, 4), "bloc": (2, 5), "gabarit": (3, 6),
    "compte": (2, 5), "salon": (2, 5), "latino": (2, 5),
}
_TOURING = {"agence", "latino"}


class _Net:
    __slots__ = (
        "idx", "kind", "members", "phone_policy", "lang", "third", "errors", "case",
        "joiner", "end", "template", "titles", "city", "span", "batch_days", "visits",
        "line_period", "line_offset", "shared_name", "account", "salon", "site_pool",
        "same_terms", "cat", "nat", "orig", "age_incoherent", "personal_share",
    )


class _Person:
    __slots__ = (
        "idx", "gender", "origin", "net", "name", "name2", "rename_at", "age", "birthday",
        "age_show", "age_style", "nat", "cat", "adj", "adj2", "orig", "home", "declares_pole",
        "typing", "itinerant", "marketing_passage", "summer", "summer_city", "sites", "site_w",
        "n_normal", "n_clusters", "phases", "name_mode", "phone_mode_w", "text_style",
        "errors", "case", "joiner", "end", "greet", "pres", "anon", "body", "close",
        "passage_t", "phone_t", "titles_named", "titles_anon", "edit_p", "pseudo_escort",
        "pseudo_dating", "pseudo_classified", "pseudo_drop", "tour_cities", "span",
        "visits", "keep_nick", "lang_lines", "third",
    )


def _choice_w(rnd: random.Random, items, weights):
    return rnd.choices(items, weights=weights, k=1)[0]


def _capped_multinomial(rng: np.random.Generator, total: int, weights: np.ndarray, cap: int) -> np.ndarray:
    w = weights / weights.sum()
    out = rng.multinomial(total, w)
    for _ in range(50):
        over = out > cap
        if not over.any():
            break
        excess = int((out[over] - cap).sum())
        out[over] = cap
        room = out < cap
        if not room.any():
            break
        ww = weights * room
        out += rng.multinomial(excess, ww / ww.sum())
    return out


def _wsample(rnd: random.Random, sites: list, k: int) -> list:
    """k distinct sites drawn by the sites' weights."""
    out: list = []
    pool = list(sites)
    while len(out) < k and pool:
        s = _choice_w(rnd, pool, [_S_WEIGHT[i] for i in pool])
        out.append(s)
        pool.remove(s)
    return out


_ARTICLES = (
    (" à Le ", " au "), (" à Les ", " aux "), (" de Le ", " du "), (" de Les ", " des "),
    (" à le ", " au "), (" à les ", " aux "), (" de le ", " du "), (" de les ", " des "),
)


def _articles(s: str) -> str:
    if " Le" not in s and " le" not in s and " Les" not in s and " les" not in s:
        return s
    for a, b in _ARTICLES:
        if a in s:
            s = s.replace(a, b)
    return s


def _draw_name(rnd: random.Random, pool: str) -> str:
    names = _NAMES[pool]
    return _choice_w(rnd, names, _NAME_W[pool])


def _name_pool(gender: str, origin: str) -> str:
    if gender == "H":
        return "male"
    if gender == "T":
        return "trans"
    return origin


def _nat_forms(rnd: random.Random, origin: str):
    return rnd.choice(_NATS[origin])


def _pseudo_forms(rnd: random.Random, name: str, city: str):
    lo = _noacc(name.lower())
    city_s = _noacc(city.lower()).replace(" ", "").replace("-", "")
    num = rnd.choice(("76", "22", "2018", str(rnd.randint(10, 99)), "x", "_", "69"))
    escort = rnd.choices(
        (name, name, f"{name}{num}" if num not in ("x", "_") else name, f"Miss {name}", f"{name} {city}",
         name.upper(), f"{name}{name[-1]}", f"{name} ♡"),
        weights=(5, 3, 1.5, 1, 1, 0.5, 0.4, 0.4),
    )[0]
    dating = rnd.choice(
        (f"{lo}{num}", f"{lo}_{city_s}", f"douce_{lo}", f"{lo}.{city_s}", f"{lo}{rnd.randint(1, 99)}",
         f"la_{lo}", f"{lo}{lo[-1]}{lo[-1]}", f"{lo}_x")
    )
    classified = rnd.choice((name, lo, f"{lo}{num}", f"{name}{rnd.randint(70, 99)}", name))
    return escort, dating.replace("x_x", "x"), classified


# --------------------------------------------------------------------------
# The world
# --------------------------------------------------------------------------


class _World:
    def __init__(self, n: int, seed: int):
        self.n = n
        self.seed = seed
        self.rng = np.random.default_rng([seed, 76, 13])
        self.rnd = random.Random(seed * 1009 + 13)
        self.P = persons_for_ads(n)
        self.days = collection_days(n)
        self.dates = [(START_DATE + timedelta(days=d)) for d in range(self.days + 4)]
        self.date_str = [d.isoformat() for d in self.dates]
        self.summer = np.array([_is_summer(d) for d in self.dates], dtype=bool)

    # ---------------- persons -----------------
    def build(self):
        rnd, rng, P, n = self.rnd, self.rng, self.P, self.n
        # networks
        n_net_persons = int(round(0.38 * P)) if P >= 6 else 0
        order = list(range(P))
        rnd.shuffle(order)
        nets: list[_Net] = []
        pos = 0
        while n_net_persons - pos >= 2:
            kind = _NET_KINDS[int(rng.choice(len(_NET_KINDS), p=_NET_KIND_W))]
            lo, hi = _NET_SIZE[kind]
            size = min(rnd.randint(lo, hi), n_net_persons - pos)
            if size < 2:
                break
            net = _Net()
            net.idx = len(nets)
            net.kind = kind
            net.members = order[pos : pos + size]
            pos += size
            nets.append(net)
        self.nets = nets
        member_of = {}
        for net in nets:
            for m in net.members:
                member_of[m] = net.idx

        # genders: forced in some networks, compensated among the others
        genders = [""] * P
        for net in nets:
            for m in net.members:
                if net.kind == "latino":
                    genders[m] = "T"
                elif net.kind == "salon":
                    genders[m] = "F"
                else:
                    genders[m] = "T" if rnd.random() < 0.04 else "F"
        free = [i for i in range(P) if not genders[i]]
        forced_t = sum(1 for g in genders if g == "T")
        forced_f = sum(1 for g in genders if g == "F")
        need_t = max(0.0, 0.09 * P - forced_t)
        need_h = 0.07 * P
        need_f = max(0.0, 0.84 * P - forced_f)
        tot = need_t + need_h + need_f
        pt, ph = (need_t / tot, need_h / tot) if tot else (0.0, 0.0)
        for i in free:
            u = rnd.random()
            genders[i] = "T" if u < pt else ("H" if u < pt + ph else "F")

        # ad counts: dating-family clusters and ordinary ads
        T0 = int(round(0.265 * n))
        # about 7 % of persons on the dating family, more in long windows so
        # that nobody carries more than a few postings copied on all mirrors
        D = min(P, max(int(round(0.07 * P)), int(math.ceil(T0 / 9.45 / 2.0))))
        T = min(T0, n - P + D)
        if T < D:
            D = max(T, 0)
        sizes: list[int] = []
        if T > 0:
            m = int(T / 9.0) + 20
            draws = 1 + rng.binomial(1, 0.8, size=m) + rng.binomial(len(_MIRRORS), 0.85, size=m)
            tot = 0
            for s in draws.tolist():
                s = min(s, T - tot)
                sizes.append(s)
                tot += s
                if tot >= T:
                    break
            while tot < T:
                s = min(10, T - tot)
                sizes.append(s)
                tot += s
            while len(sizes) < D:
                j = max(range(len(sizes)), key=lambda x: sizes[x])
                a = sizes[j] // 2
                sizes[j] -= a
                sizes.append(a)
        rnd.shuffle(sizes)
        dating_persons = rnd.sample(range(P), D) if D else []
        is_dating = np.zeros(P, dtype=bool)
        is_dating[dating_persons] = True
        clusters_per = np.zeros(P, dtype=np.int64)
        if D:
            extra = len(sizes) - D
            cap_c = max(3, int(math.ceil(2.5 * len(sizes) / D)))
            add = _capped_multinomial(rng, extra, np.ones(D), cap_c - 1) if extra > 0 else np.zeros(D, dtype=np.int64)
            clusters_per[dating_persons] = 1 + add
        N = n - sum(sizes)
        E = N - (P - D)
        w = rng.gamma(0.8, 1.0, size=P)
        w[is_dating] *= 0.35
        cap = max(15, int(math.ceil(5.0 * N / P)))
        normal = np.zeros(P, dtype=np.int64)
        normal[~is_dating] = 1
        if E > 0:
            normal += _capped_multinomial(rng, E, w, cap)
        self.cluster_sizes = sizes
        self.clusters_per = clusters_per
        self.normal = normal

        persons = []
        for i in range(P):
            persons.append(self._person(i, genders[i], member_of.get(i, -1)))
        self.persons = persons
        for net in nets:
            self._network(net)
        for p in persons:
            self._person_text(p)

    def _person(self, i, gender, net_idx) -> _Person:
        rnd, rng = self.rnd, self.rng
        p = _Person()
        p.idx = i
        p.gender = gender
        p.net = net_idx
        if gender == "T":
            p.origin = rnd.choices(("latam", "fr", "eu_east", "asia"), (0.7, 0.15, 0.1, 0.05))[0]
        elif gender == "H":
            p.origin = rnd.choices(("fr", "africa", "latam", "eu_east"), (0.7, 0.12, 0.1, 0.08))[0]
        elif net_idx >= 0:
            p.origin = rnd.choices(("eu_east", "latam", "asia", "africa", "eu_west", "fr"), (0.35, 0.25, 0.12, 0.12, 0.08, 0.08))[0]
        else:
            p.origin = rnd.choices(("fr", "latam", "eu_east", "africa", "asia", "eu_west"), (0.52, 0.14, 0.11, 0.1, 0.07, 0.06))[0]
        p.name = _draw_name(rnd, _name_pool(gender, p.origin))
        p.name2 = ""
        p.rename_at = 2.0
        if rnd.random() < 0.2:
            other = _draw_name(rnd, _name_pool(gender, p.origin))
            if other != p.name:
                p.name2 = other
                p.rename_at = rnd.uniform(0.25, 0.8)
        young = net_idx >= 0
        base = 19 + rnd.gammavariate(2.0, 4.0) if young else 19 + rnd.gammavariate(2.7, 5.0)
        p.age = int(min(55, base))
        p.birthday = rnd.randint(1, 365)
        p.age_show = rnd.betavariate(1.2, 1.0)
        p.age_style = 1 if rnd.random() < 0.05 else 0
        nf = _nat_forms(rnd, p.origin)
        show_nat = rnd.random() < (0.35 if p.origin == "fr" else 0.78)
        p.nat = nf if show_nat else None
        if gender == "H":
            p.cat = rnd.choice(_M_CAT)
            p.adj, p.adj2 = rnd.sample(_M_ADJ, 2)
        elif gender == "T":
            p.cat = rnd.choice(_T_CAT)
            p.adj, p.adj2 = rnd.sample(_F_ADJ, 2)
        else:
            p.cat = rnd.choice(_F_CAT)
            if p.origin in ("africa",) and rnd.random() < 0.5:
                p.cat = rnd.choice(("black", "métisse", "beauté ébène"))
            elif p.origin == "asia" and rnd.random() < 0.6:
                p.cat = "asiatique"
            elif p.origin == "latam" and rnd.random() < 0.5:
                p.cat = rnd.choice(("latine", "latina", "brune latine"))
            p.adj, p.adj2 = rnd.sample(_F_ADJ, 2)
        p.orig = rnd.choice(_ORIGIN_LABEL[p.origin])
        # place
        home = rnd.choices(_C_RANGE, cum_weights=_C_CUM)[0]
        p.home = home
        p.declares_pole = rnd.random() < 0.25
        p.typing = _typing_style(rnd)
        p.itinerant = net_idx < 0 and rnd.random() < 0.06
        p.marketing_passage = net_idx < 0 and not p.itinerant and rnd.random() < 0.06
        p.summer = rnd.random() < 0.12
        p.summer_city = rnd.choice(_COAST_IDX)
        if p.itinerant:
            k = rnd.randint(2, 3)
            p.tour_cities = _tour_sample(rnd, k)
        else:
            p.tour_cities = None
        # sites
        if net_idx < 0:
            if gender == "H":
                prof = rnd.choices(("annonces", "escorte", "mixte"), (0.6, 0.2, 0.2))[0]
            else:
                prof = rnd.choices(("escorte", "annonces", "mixte", "massage"), (0.8, 0.08, 0.11, 0.01))[0]
            p.sites = _pick_sites(rnd, prof)
        else:
            p.sites = []
        p.site_w = None
        p.n_normal = int(self.normal[i])
        p.n_clusters = int(self.clusters_per[i])
        # phone phases
        u = rnd.random()
        p.phases = 1 if u < 0.72 else (2 if u < 0.93 else 3)
        # presentation habits
        p.name_mode = rnd.choices(("both", "title", "text", "none"), (0.34, 0.2, 0.3, 0.16))[0]
        p.phone_mode_w = None
        p.errors = rnd.sample(_ERRORS, rnd.choice((0, 0, 1, 1, 2, 3)))
        if rnd.random() < 0.3:
            p.errors = p.errors + [e for e in rnd.sample(_ABBREV, 2)]
        p.case = rnd.choices(("normal", "lower", "upper1", "noacc"), (0.7, 0.12, 0.08, 0.1))[0]
        p.joiner = rnd.choice((". ", ". ", ". ", "! ", "... ", ", ", " - ", " ; ", ".. "))
        p.end = rnd.choice((".", ".", "!", "!!", "...", "", " ♡", " ;)"))
        p.edit_p = rnd.uniform(0.15, 0.6)
        city = _C_NAME[_C_POLE[home]]
        p.pseudo_escort, p.pseudo_dating, p.pseudo_classified = _pseudo_forms(rnd, p.name, city)
        p.pseudo_drop = rnd.uniform(0.0, 0.12)
        p.keep_nick = rnd.random() < 0.7
        p.lang_lines = None
        p.third = False
        p.visits = None
        p.span = None
        return p

    # ---------------- networks -----------------
    def _network(self, net: _Net):
        rnd, rng = self.rnd, self.rng
        kind = net.kind
        persons = self.persons
        net.third = kind in ("agence", "ligne", "compte") or (kind == "gabarit" and rnd.random() < 0.5)
        net.errors = rnd.sample(_ERRORS, rnd.randint(2, 4))
        net.case = rnd.choices(("normal", "lower", "upper1", "noacc"), (0.6, 0.1, 0.15, 0.15))[0]
        net.joiner = rnd.choice((". ", "! ", " - ", ". ", " * "))
        net.end = rnd.choice((".", "!", "!!", ""))
        net.lang = None
        if kind == "agence":
            net.lang = rnd.choices(("en", "es", "it", "fr"), (0.6, 0.15, 0.1, 0.15))[0]
        elif kind == "latino":
            net.lang = rnd.choice(("es", "pt"))
        elif kind in ("ligne", "gabarit") and rnd.random() < 0.15:
            net.lang = "en"
        # phones
        if kind == "agence":
            net.phone_policy = "line" if rnd.random() < 0.6 else "block"
        elif kind in ("ligne", "salon"):
            net.phone_policy = "line"
        elif kind == "bloc":
            net.phone_policy = "block"
        elif kind == "compte":
            net.phone_policy = "line" if rnd.random() < 0.5 else "personal"
        elif kind == "latino":
            net.phone_policy = "line" if rnd.random() < 0.5 else "block"
        else:
            net.phone_policy = "personal"
        net.personal_share = 0.15 if kind == "ligne" else 0.0
        net.line_period = rnd.randint(100, 250)
        net.line_offset = rnd.randrange(net.line_period)
        # names and terms
        net.shared_name = ""
        net.same_terms = kind in ("gabarit", "compte", "salon") or rnd.random() < 0.3
        ref = persons[net.members[0]]
        net.cat, net.orig = ref.cat, ref.orig
        net.nat = ref.nat
        if kind == "gabarit" and rnd.random() < 0.4:
            net.shared_name = ref.name
        net.account = ""
        if kind == "compte":
            w = rnd.choice(_ACCOUNT_WORDS)
            net.account = rnd.choice((f"agence_{w}{rnd.randint(1, 99)}", f"{w}76", f"{w}_normandie", f"les{w}{rnd.randint(10, 99)}", f"{w.capitalize()} Rouen"))
        net.salon = ""
        if kind == "salon":
            net.salon = rnd.choice(_SALON_NAMES)
        net.age_incoherent = 0.2 if kind in ("agence", "gabarit", "compte", "latino") else 0.08
        # sites
        if kind == "agence":
            agency = rnd.choice(_AGENCY_SITES)
            net.site_pool = ([agency], [agency] + _wsample(rnd, _ESCORT_SITES, rnd.randint(1, 2)))
        elif kind == "salon":
            net.site_pool = (_MASSAGE_SITES, _MASSAGE_SITES + _wsample(rnd, _CLASSIFIED_SITES, 2))
        elif kind == "ligne":
            net.site_pool = (None, _wsample(rnd, _CLASSIFIED_SITES, 2) + _wsample(rnd, _ESCORT_SITES, 1))
        elif kind == "bloc":
            net.site_pool = (None, _wsample(rnd, _ESCORT_SITES, 2) + _wsample(rnd, _CLASSIFIED_SITES, 1))
        elif kind == "gabarit":
            net.site_pool = (None, _wsample(rnd, _ESCORT_SITES, 2) + _wsample(rnd, _CLASSIFIED_SITES, 1))
        elif kind == "compte":
            main = rnd.choice(_CLASSIFIED_SITES[:3] + _ESCORT_SITES[:3])
            net.site_pool = ([main], [main, main, main] + _wsample(rnd, _ESCORT_SITES, 1))
        else:  # latino
            net.site_pool = (None, _wsample(rnd, _ESCORT_SITES, 2) + _wsample(rnd, _CLASSIFIED_SITES, 1))
        # schedule
        days = self.days
        if kind in _TOURING:
            nvis = max(1, int(round(days / rnd.uniform(40, 80))))
            visits = []
            for _ in range(nvis):
                start = rnd.randrange(days)
                k = rnd.choices((1, 2, 3), (0.4, 0.4, 0.2))[0]
                cities = _tour_sample(rnd, k)
                stops = []
                d = start
                for c in cities:
                    ln = rnd.randint(2, 7)
                    a, b = d, min(days - 1, d + ln - 1)
                    if a > days - 1:
                        break
                    stops.append((c, a, b))
                    d = b + 1
                visits.append(stops)
            net.visits = visits
            net.city = visits[0][0][0]
        else:
            net.visits = None
            if rnd.random() < 0.85:
                net.city = _tour_sample(rnd, 1)[0]
            else:
                net.city = rnd.choices(_C_RANGE, cum_weights=_C_CUM)[0]
            ln = max(7, int(days * rnd.uniform(0.3, 1.0)))
            ln = min(ln, days)
            # activity placed on a circle of the window's days, so that every
            # day is equally covered (a span cut by the end resumes at the start)
            s = rnd.randrange(days)
            net.span = (s, ln)
            step = rnd.randint(2, 6)
            net.batch_days = [d % days for d in range(s + rnd.randrange(step), s + ln, step)] or [s]
        # template
        self._net_template(net)
        for m in net.members:
            p = persons[m]
            p.home = net.city
            p.sites = list(net.site_pool[1])
            p.third = net.third
            if net.shared_name:
                p.name = net.shared_name
                p.name2 = ""
            if net.same_terms:
                p.cat, p.orig = net.cat, net.orig
                if net.nat is not None:
                    p.nat = net.nat
            if kind == "latino":
                p.origin = "latam"
                p.nat = _nat_forms(rnd, "latam")
            if kind == "salon":
                p.origin = "asia"
                p.name = _draw_name(rnd, "asia") if not net.shared_name else p.name
                p.nat = None
                p.cat = "asiatique"
            p.errors = list(net.errors)
            p.case = net.case
            p.joiner = net.joiner
            p.end = net.end
            p.edit_p = 0.08
            p.name_mode = rnd.choices(("both", "title", "text"), (0.6, 0.2, 0.2))[0]
            p.itinerant = False
            p.marketing_passage = False
            city = _C_NAME[net.city]
            p.pseudo_escort, p.pseudo_dating, p.pseudo_classified = _pseudo_forms(rnd, p.name, city)
            if net.account:
                p.pseudo_escort = p.pseudo_classified = net.account
            if net.salon:
                p.pseudo_escort = p.pseudo_classified = net.salon
            p.pseudo_drop = 0.02
            p.phases = 1 if rnd.random() < 0.8 else 2

    def _net_template(self, net: _Net):
        rnd = self.rnd
        kind = net.kind
        tpl = {}
        if kind == "salon":
            tpl["pres"] = _expand(_SALON[1], rnd)
            tpl["anon"] = _expand(_SALON[0], rnd)
            tpl["body"] = [("salon", _expand(t, rnd)) for t in rnd.sample(_SALON[2:], 3)]
            tpl["close"] = rnd.choice(("Merci", "A bientot", "Bienvenue", ""))
            tpl["passage"] = ""
            tpl["titles"] = [_expand(t, rnd) for t in rnd.sample(_SALON_TITLE, 2)]
        else:
            if net.third:
                tpl["pres"] = _expand(rnd.choice(_PRES3), rnd)
                tpl["anon"] = _expand(rnd.choice(_ANON3), rnd)
                body = [("offer", _expand(t, rnd)) for t in rnd.sample(_OFFER3, 2)]
            else:
                tpl["pres"] = _expand(rnd.choice(_PRES_T if kind == "latino" else _PRES_F), rnd)
                tpl["anon"] = _expand(rnd.choice(_ANON_T if kind == "latino" else _ANON_F), rnd)
                body = [("offer", _expand(rnd.choice(_OFFER_F), rnd)), ("place", _expand(rnd.choice(_PLACE), rnd))]
            body += [("cond", _expand(t, rnd)) for t in rnd.sample(_COND[:9], rnd.randint(1, 3))]
            if kind in ("agence", "latino", "ligne") or rnd.random() < 0.4:
                body.append(("avail", rnd.choice(_NET_AVAIL)))
            tpl["body"] = body
            tpl["close"] = rnd.choice(_CLOSE)
            tpl["passage"] = _expand(rnd.choice(_TOUR_FR), rnd) if kind in _TOURING else _expand(rnd.choice(_PASSAGE), rnd)
            tpl["titles"] = [_expand(t, rnd) for t in rnd.sample(_TITLE_NET, 2)]
        tpl["lang"] = None
        if net.lang and net.lang != "fr":
            bank = {"en": _EN, "es": _ES, "pt": _PT, "it": _IT}[net.lang]
            tpl["lang"] = [
                _expand(rnd.choice(bank["pres"]), rnd),
                _expand(rnd.choice(bank["tour"]), rnd),
            ] + [_expand(t, rnd) for t in rnd.sample(bank["body"], min(2, len(bank["body"])))] + [rnd.choice(bank["close"])]
            tpl["lang_only"] = kind == "latino" and rnd.random() < 0.5
        else:
            tpl["lang_only"] = False
        tpl["phone"] = _expand(rnd.choice(_PHONE_T), rnd)
        net.template = tpl

    # ---------------- person texts -----------------
    def _person_text(self, p: _Person):
        rnd = self.rnd
        g = p.gender
        vals = {
            "{adj}": p.adj, "{adj2}": p.adj2, "{cat}": p.cat, "{orig}": p.orig,
            "{nat}": (p.nat[1] if g == "H" else p.nat[0]) if p.nat else "",
            "{adj_en}": rnd.choice(_EN_ADJ),
            "{nat_en}": p.nat[2] if p.nat else rnd.choice(("European", "Latin", "exotic")),
            "{nat_es}": p.nat[3] if p.nat else "latina",
            "{nat_pt}": p.nat[4] if p.nat else "latina",
            "{nat_it}": "italiana",
            "{catc}": _cap(p.cat),
        }
        if p.net >= 0:
            net = self.nets[p.net]
            t = net.template
            p.greet = "" if net.third else rnd.choice(("", "", "Bonjour", "Hello"))
            p.pres = _tidy(_fill(t["pres"], vals))
            p.anon = _tidy(_fill(t["anon"], vals))
            p.body = [(s, _tidy(_fill(x, vals))) for s, x in t["body"]]
            p.close = t["close"]
            p.passage_t = _tidy(_fill(t["passage"], vals))
            p.phone_t = t["phone"]
            p.titles_named = [_tidy(_fill(x, vals)) for x in t["titles"]]
            p.titles_anon = [_tidy(_fill(x, vals)) for x in t["titles"]]
            p.lang_lines = [_tidy(_fill(x, vals)) for x in t["lang"]] if t["lang"] else None
            if net.salon:
                p.titles_named = [x.replace("{salon}", net.salon) for x in p.titles_named]
                p.titles_anon = p.titles_named
            return
        if g == "H":
            pres_b, anon_b, offer_b, tn, ta = _PRES_M, _ANON_M, _OFFER_M, _TITLE_NAMED_M, _TITLE_ANON_M
        elif g == "T":
            pres_b, anon_b, offer_b, tn, ta = _PRES_T, _ANON_T, _OFFER_F, _TITLE_NAMED_T, _TITLE_ANON_T
        else:
            pres_b, anon_b, offer_b, tn, ta = _PRES_F, _ANON_F, _OFFER_F, _TITLE_NAMED_F, _TITLE_ANON_F
        p.greet = rnd.choice(_GREET) if rnd.random() < 0.55 else ""
        p.pres = _tidy(_fill(_expand(rnd.choice(pres_b), rnd), vals))
        p.anon = _tidy(_fill(_expand(rnd.choice(anon_b), rnd), vals))
        body = [("offer", _tidy(_fill(_expand(t, rnd), vals))) for t in rnd.sample(offer_b, rnd.choice((1, 1, 2)))]
        if rnd.random() < 0.8:
            body.append(("place", _tidy(_fill(_expand(rnd.choice(_PLACE), rnd), vals))))
        for t in rnd.sample(_COND, rnd.choice((0, 1, 1, 2, 2, 3))):
            body.append(("cond", _tidy(_expand(t, rnd))))
        if rnd.random() < 0.6:
            body.append(("avail", _tidy(_expand(rnd.choice(_AVAIL), rnd))))
        if rnd.random() < 0.25:
            rnd.shuffle(body)
        p.body = body
        p.close = rnd.choice(_CLOSE) if rnd.random() < 0.8 else ""
        p.passage_t = _tidy(_expand(rnd.choice(_PASSAGE), rnd))
        p.phone_t = _expand(rnd.choice(_PHONE_T), rnd)
        p.titles_named = [_tidy(_fill(_expand(t, rnd), vals)) for t in rnd.sample(tn, 2)]
        p.titles_anon = [_tidy(_fill(_expand(t, rnd), vals)) for t in rnd.sample(ta, 2)]

    def _edit(self, p: _Person):
        """Re-edit a person's text between two postings."""
        rnd = self.rnd
        if rnd.random() >= p.edit_p:
            return
        op = rnd.random()
        body = list(p.body)
        if p.net >= 0:
            if op < 0.5 and len(body) > 1:
                i = rnd.randrange(len(body) - 1)
                body[i], body[i + 1] = body[i + 1], body[i]
            else:
                p.close = rnd.choice(_CLOSE)
            p.body = body
            return
        if op < 0.3 and body:
            i = rnd.randrange(len(body))
            slot = body[i][0]
            bank = {"offer": _OFFER_M if p.gender == "H" else _OFFER_F, "place": _PLACE, "cond": _COND, "avail": _AVAIL}[slot]
            body[i] = (slot, _tidy(_fill(_expand(rnd.choice(bank), rnd), self._pvals(p))))
        elif op < 0.45 and len(body) > 1:
            del body[rnd.randrange(len(body))]
        elif op < 0.65:
            new = _tidy(_expand(rnd.choice(_COND), rnd))
            if all(new != x for _, x in body):
                body.insert(rnd.randrange(len(body) + 1), ("cond", new))
        elif op < 0.8 and len(body) > 1:
            i = rnd.randrange(len(body) - 1)
            body[i], body[i + 1] = body[i + 1], body[i]
        elif op < 0.92:
            p.close = rnd.choice(_CLOSE)
        else:
            p.greet = rnd.choice(_GREET)
        p.body = body

    def _pvals(self, p: _Person) -> dict:
        return {
            "{adj}": p.adj, "{adj2}": p.adj2, "{cat}": p.cat, "{orig}": p.orig,
            "{nat}": (p.nat[1] if p.gender == "H" else p.nat[0]) if p.nat else "",
        }

    # ---------------- skeleton (dates, sites, places) -----------------
    def skeleton(self):
        """Per person, the list of postings: (day, site, commune, passage, stop)."""
        rnd = self.rnd
        days = self.days
        postings = []  # per person list of [day, site, commune, passage(0/1/2), (a, b) stop, cluster size]
        sizes = list(self.cluster_sizes)
        si = 0
        for p in self.persons:
            m_norm, m_clu = p.n_normal, p.n_clusters
            total = m_norm + m_clu
            items = []
            if p.net >= 0:
                net = self.nets[p.net]
                slots = self._net_slots(net, total)
            else:
                slots = self._person_slots(p, total)
            kinds = [1] * m_clu + [0] * m_norm
            rnd.shuffle(kinds)
            for (day, commune, passage, stop), is_clu in zip(slots, kinds):
                if is_clu:
                    site = rnd.choice(_DATING_SOURCES)
                    csize = sizes[si]
                    si += 1
                else:
                    site = self._pick_site(p)
                    csize = 0
                items.append([day, site, commune, passage, stop, csize])
            items.sort(key=lambda x: x[0])
            postings.append(items)
        self.postings = postings

    def _pick_site(self, p: _Person) -> int:
        rnd = self.rnd
        sites = p.sites
        if len(sites) == 1:
            return sites[0]
        if rnd.random() < 0.55:
            return sites[0]
        return rnd.choice(sites)

    def _person_slots(self, p: _Person, total: int):
        rnd = self.rnd
        days = self.days
        if rnd.random() < 0.3:
            # settled persons: present most of a short window, some months of a long one
            ln = max(1, min(days, 30 + int(rnd.expovariate(1.0 / 120.0))))
        else:
            gap = math.exp(rnd.gauss(math.log(4.0), 0.7))
            ln = max(1, min(days, int(round(total * gap))))
        # activity placed on a circle of the window's days, so that every day
        # is equally covered (a span cut by the end resumes at the start)
        s = rnd.randrange(days)
        p.span = (s, ln)
        out = []
        if p.itinerant:
            cities = p.tour_cities
            k = len(cities)
            for j in range(total):
                off = rnd.randrange(ln)
                d = (s + off) % days
                seg = min(k - 1, off * k // ln)
                a = max(0, d - rnd.randint(0, 3))
                out.append((d, cities[seg], 1, (a, a + rnd.randint(3, 8))))
            return out
        for j in range(total):
            d = (s + rnd.randrange(ln)) % days
            c = p.home
            passage = 1 if (p.marketing_passage and rnd.random() < 0.8) else 0
            if p.summer and self.summer[d] and rnd.random() < 0.8:
                c = p.summer_city
                passage = 2
            a = max(0, d - rnd.randint(0, 3))
            out.append((d, c, passage, (a, a + rnd.randint(3, 8))))
        return out

    def _net_slots(self, net: _Net, total: int):
        rnd = self.rnd
        days = self.days
        out = []
        if net.visits:
            nvis = len(net.visits)
            k = max(1, min(nvis, int(round(total / rnd.uniform(2.5, 5.0)))))
            chosen = rnd.sample(range(nvis), k)
            for j in range(total):
                stops = net.visits[chosen[j % k]]
                c, a, b = rnd.choice(stops)
                d = rnd.randint(a, b)
                out.append((d, c, 1, (a, b)))
            return out
        s, ln = net.span
        for j in range(total):
            if rnd.random() < 0.75:
                d = rnd.choice(net.batch_days)
            else:
                d = (s + rnd.randrange(ln)) % days
            passage = 1 if (net.kind == "ligne" and rnd.random() < 0.4) else 0
            a = max(0, d - rnd.randint(0, 2))
            out.append((d, net.city, passage, (a, a + rnd.randint(4, 9))))
        return out

    # ---------------- phones -----------------
    def phones(self):
        """Assign phone identities to postings and deal fiction numbers."""
        rnd = self.rnd
        intervals: dict = {}
        keys_order = []
        self.posting_key = []
        for p in self.persons:
            items = self.postings[p.idx]
            pk = []
            net = self.nets[p.net] if p.net >= 0 else None
            if p.phases > 1:
                ddays = sorted({it[0] for it in items})
                h = min(p.phases, len(ddays))
                cuts = sorted(rnd.sample(ddays[1:], h - 1)) if h > 1 else []
            else:
                cuts = []
            for it in items:
                day = it[0]
                last = day + (3 if it[5] else 0)
                ph = sum(1 for c in cuts if day >= c)
                own = ("p", p.idx, ph, 0)
                if net is None or net.phone_policy == "personal":
                    key = own
                else:
                    lph = (day + net.line_offset) // net.line_period
                    if net.phone_policy == "line":
                        key = ("n", net.idx, lph, 0)
                        if net.personal_share and rnd.random() < net.personal_share:
                            key = own
                    else:
                        key = ("b", net.idx, lph, net.members.index(p.idx))
                pk.append(key)
                gkey = key if key[0] != "b" else ("b", key[1], key[2], -1)
                iv = intervals.get(gkey)
                if iv is None:
                    intervals[gkey] = [day, last]
                    keys_order.append(gkey)
                else:
                    if day < iv[0]:
                        iv[0] = day
                    if last > iv[1]:
                        iv[1] = last
            self.posting_key.append(pk)
        pool = _NumberPool(random.Random(self.seed * 7 + 1), PHONE_QUARANTINE_DAYS)
        order = sorted(range(len(keys_order)), key=lambda i: (intervals[keys_order[i]][0], i))
        numbers = {}
        for i in order:
            key = keys_order[i]
            a, b = intervals[key]
            if key[0] == "b":
                size = len(self.nets[key[1]].members)
                nums = pool.allocate(a, b, size)
                for j, num in enumerate(nums):
                    numbers[("b", key[1], key[2], j)] = num
            else:
                numbers[key] = pool.allocate(a, b, 1)[0]
        self.numbers = numbers
        self.recycled = pool.recycled
        self.min_gap = pool.min_gap
        self.gaps = pool.gaps
        self.number_uses = len(order)

    # ---------------- rendering -----------------
    def render(self):
        rnd = self.rnd
        rows_site, rows_day, rows_person = [], [], []
        cols = {c: [] for c in SHEET_COLUMNS[1:]}
        days_out = []
        for p in self.persons:
            items = self.postings[p.idx]
            keys = self.posting_key[p.idx]
            total = len(items)
            for j, it in enumerate(items):
                if j:
                    self._edit(p)
                day, site, commune, passage, stop, csize = it
                num = self.numbers[keys[j]]
                frac = j / max(1, total - 1) if total > 1 else 0.0
                ad = self._render_ad(p, day, site, commune, passage, stop, num, frac)
                self._emit(cols, days_out, rows_person, ad, day, site, p.idx)
                if csize > 1:
                    others = [s for s in _DATING_SOURCES if s != site]
                    targets = []
                    if rnd.random() < 0.8:
                        targets.append(others[0])
                    targets += [m for m in _MIRRORS if rnd.random() < 0.85]
                    while len(targets) < csize - 1:
                        extra = [m for m in [others[0]] + _MIRRORS if m not in targets]
                        if not extra:
                            break
                        targets.append(rnd.choice(extra))
                    rnd.shuffle(targets)
                    for t in targets[: csize - 1]:
                        cday = min(self.days - 1, day + rnd.choice((0, 0, 1, 1, 2, 3)))
                        copy = self._mirror(ad, t, p, commune, num)
                        self._emit(cols, days_out, rows_person, copy, cday, t, p.idx)
        return cols, days_out, rows_person

    def _emit(self, cols, days_out, rows_person, ad, day, site, pidx):
        cols["site"].append(site)
        for c in ("commune_declaree", "titre", "texte", "telephone", "pseudo", "age_declare"):
            cols[c].append(ad[c])
        days_out.append(day)
        rows_person.append(pidx)

    def _render_ad(self, p, day, site, commune, passage, stop, num, frac):
        rnd = self.rnd
        kind = _S_KIND[site]
        net = self.nets[p.net] if p.net >= 0 else None
        name = p.name2 if (p.name2 and frac >= p.rename_at) else p.name
        # age
        age = p.age + ((day - p.birthday) // 365 + 1 if day >= p.birthday else 0)
        u = rnd.random()
        if u < 0.15:
            age += rnd.choice((-1, 1))
        elif u < 0.19:
            age -= rnd.choice((2, 3))
        age = max(18, age)
        show_age = rnd.random() < _S_AGE[site] * (0.45 + 1.1 * p.age_show)
        age_field = ""
        if show_age:
            age_field = f"{age} ans" if p.age_style else str(age)
        text_age = age
        if net is not None and rnd.random() < net.age_incoherent:
            text_age = age + rnd.choice((-3, -2, 2, 3))
        # city as written in the text
        cname = _C_NAME[commune]
        if commune not in _C_BIG and rnd.random() < 0.3:
            cname = _C_NAME[_C_POLE[commune]]
        d1, d2, d1en, d2en = _stop_dates(self.dates, stop)
        vals = {
            "{name}": name, "{city}": cname, "{age}": str(text_age), "{d1}": d1, "{d2}": d2,
            "{d1en}": d1en, "{d2en}": d2en, "{site}": _S_NAME[site].split(".")[0],
        }
        # name placement
        mode = p.name_mode
        r = rnd.random()
        if r < 0.15:
            mode = rnd.choice(("both", "title", "text", "none"))
        name_title = mode in ("both", "title")
        name_text = mode in ("both", "text")
        if net is not None and net.kind == "agence":
            name_title = True
        # phone placement
        phone_mode = self._phone_mode(kind, p)
        # text
        sents = []
        lang_only = net is not None and net.template.get("lang_only")
        if not lang_only:
            if p.greet:
                sents.append(p.greet)
            sents.append(p.pres if name_text else p.anon)
            if passage:
                sents.append(p.passage_t if passage == 1 else _expand(_SUMMER[0], rnd))
            for _, s in p.body:
                sents.append(s)
        if p.lang_lines and (lang_only or rnd.random() < 0.85):
            sents.extend(p.lang_lines[:-1])
        if phone_mode in ("text", "both"):
            pstyle = _TEXT_STYLES[(p.idx * 7 + (1 if rnd.random() < 0.2 else 0)) % len(_TEXT_STYLES)]
            vals["{phone}"] = _fmt_phone(num, pstyle)
            pt = p.phone_t
            sents.insert(max(1, len(sents) - rnd.randint(0, 1)), pt)
        if p.close and not lang_only:
            sents.append(p.close)
        elif lang_only and p.lang_lines:
            sents.append(p.lang_lines[-1])
        text = _articles(p.joiner.join(_fill(s, vals) for s in sents if s) + p.end)
        for a, b in p.errors:
            if a in text:
                text = text.replace(a, b)
        if p.case == "lower":
            text = text.lower()
        elif p.case == "noacc":
            text = _noacc(text)
        elif p.case == "upper1" and rnd.random() < 0.7:
            parts = text.split(p.joiner)
            k = rnd.randrange(len(parts))
            parts[k] = parts[k].upper()
            text = p.joiner.join(parts)
        text = _tidy(text)
        # title
        if name_title:
            title = rnd.choice(p.titles_named)
        else:
            title = rnd.choice(p.titles_anon)
        if net is not None and not name_title:
            title = title.replace("{name}", "").strip(" -,")
        title = _articles(_fill(title, vals))
        if "{" in title:
            title = title.replace("{salon}", "")
        title = _tidy(title)
        if not title:
            title = _cap(p.cat)
        if rnd.random() < 0.05:
            title = title.upper()
        # phone field
        phone = ""
        if phone_mode in ("field", "both"):
            style = _S_PHONE[site] if rnd.random() < 0.7 else rnd.choice(_FIELD_STYLES)
            phone = _fmt_phone(num, style)
        # pseudo
        pseudo = self._pseudo(p, site, name, frac)
        # commune
        commune_txt = self._commune_text(p, site, commune)
        return {
            "commune_declaree": commune_txt, "titre": title, "texte": text, "telephone": phone,
            "pseudo": pseudo, "age_declare": age_field, "_num": num, "_pmode": phone_mode,
        }

    def _phone_mode(self, kind: str, p: _Person) -> str:
        u = self.rnd.random()
        if kind in ("escorte", "agence", "massage"):
            cut = (0.82, 0.05, 0.10)  # field, text, both; rest none
        elif kind == "annonces":
            cut = (0.45, 0.25, 0.12)
        else:
            cut = (0.45, 0.22, 0.15)
        if u < cut[0]:
            return "field"
        if u < cut[0] + cut[1]:
            return "text"
        if u < cut[0] + cut[1] + cut[2]:
            return "both"
        return "none"

    def _pseudo(self, p: _Person, site: int, name: str, frac: float) -> str:
        rnd = self.rnd
        kind = _S_KIND[site]
        if rnd.random() >= _S_PSEUDO[site]:
            return ""
        if rnd.random() < p.pseudo_drop:
            return ""
        renamed = p.name2 and frac >= p.rename_at
        if kind in ("rencontre", "miroir"):
            if renamed and not p.keep_nick:
                return p.pseudo_dating.replace(_noacc(p.name.lower()), _noacc(p.name2.lower()))
            return p.pseudo_dating
        if kind == "annonces":
            ps = p.pseudo_classified
        else:
            ps = p.pseudo_escort
        if renamed and p.name in ps:
            ps = ps.replace(p.name, name)
        if rnd.random() < 0.08:
            ps = rnd.choice((ps.lower(), ps.upper(), ps + rnd.choice(("76", "!", " ♡", "_")), name))
        return ps

    def _commune_text(self, p: _Person, site: int, commune: int) -> str:
        rnd = self.rnd
        kind = _S_KIND[site]
        c = commune
        if kind in ("escorte", "agence") and c not in _C_BIG and rnd.random() < 0.7:
            c = _C_POLE[c]
        elif p.declares_pole and rnd.random() < 0.5:
            c = _C_POLE[c]
        u = rnd.random()
        if u < 0.012:
            return rnd.choice(("Seine-Maritime", "76", "Seine Maritime (76)", "Seine-Maritime - 76"))
        style = _S_CSTYLE[site]
        if style == "user":
            return _commune_variant(rnd, c, p.typing)
        if rnd.random() < 0.1:
            return _commune_variant(rnd, c, p.typing)
        return _commune_variant(rnd, c, style)

    def _mirror(self, ad: dict, site: int, p: _Person, commune: int, num: str) -> dict:
        rnd = self.rnd
        out = dict(ad)
        kind = _S_KIND[site]
        if kind == "rencontre":
            strip, moji, trunc, warn, lower = False, False, 0, rnd.random() < 0.5, False
        else:
            strip, moji, trunc, warn, lower = _MIRROR_HABITS[site]
        text = ad["texte"]
        title = ad["titre"]
        if trunc and len(text) > trunc:
            cut = text.rfind(" ", 0, trunc)
            text = text[: cut if cut > 0 else trunc] + "..."
        if warn:
            text = text + " " + _WARNINGS[site % 2]
        if strip:
            text, title = _noacc(text), _noacc(title)
        if moji:
            text = text.encode("utf-8").decode("cp1252", errors="replace")
            title = title.encode("utf-8").decode("cp1252", errors="replace")
        if lower:
            out["pseudo"] = ad["pseudo"].lower()
        if len(title) > 45 and site % 3 == 0:
            title = title[:42].rstrip() + "..."
        out["texte"] = text
        out["titre"] = title
        if ad["_pmode"] in ("field", "both"):
            style = _S_PHONE[site] if rnd.random() < 0.85 else rnd.choice(_FIELD_STYLES)
            out["telephone"] = _fmt_phone(num, style)
        out["commune_declaree"] = _commune_variant(rnd, commune, _S_CSTYLE[site]) if _S_CSTYLE[site] != "user" else ad["commune_declaree"]
        return out




def _is_summer(d: date) -> bool:
    return (d.month, d.day) >= (6, 15) and (d.month, d.day) <= (9, 15)


def _stop_dates(dates, stop):
    a, b = stop
    a = min(a, len(dates) - 1)
    b = min(max(b, a), len(dates) - 1)
    da, db = dates[a], dates[b]
    d2 = f"{db.day} {_MONTHS_FR[db.month - 1]}"
    d1 = f"{da.day}" if da.month == db.month else f"{da.day} {_MONTHS_FR[da.month - 1]}"
    d1en = f"{da.day} {_MONTHS_EN[da.month - 1]}"
    d2en = f"{db.day} {_MONTHS_EN[db.month - 1]}"
    return d1, d2, d1en, d2en


def _pick_sites(rnd: random.Random, prof: str) -> list[int]:
    esc_w = [_S_WEIGHT[i] for i in _ESCORT_SITES]
    cla_w = [_S_WEIGHT[i] for i in _CLASSIFIED_SITES]
    k = 1 + sum(1 for _ in range(3) if rnd.random() < 0.3)
    out: list[int] = []
    for j in range(k):
        if prof == "escorte":
            pool, w = (_ESCORT_SITES, esc_w) if (j == 0 or rnd.random() < 0.85) else (_CLASSIFIED_SITES, cla_w)
        elif prof == "annonces":
            pool, w = (_CLASSIFIED_SITES, cla_w) if (j == 0 or rnd.random() < 0.7) else (_ESCORT_SITES, esc_w)
        elif prof == "massage":
            pool, w = (_MASSAGE_SITES, [1]) if j == 0 else (_CLASSIFIED_SITES, cla_w)
        else:
            pool, w = (_ESCORT_SITES, esc_w) if rnd.random() < 0.5 else (_CLASSIFIED_SITES, cla_w)
        s = _choice_w(rnd, pool, w)
        if s not in out:
            out.append(s)
    return out


def _typing_style(rnd: random.Random) -> tuple:
    base = rnd.choices(("canon", "lower", "noacc", "noacc_lower", "spaces", "upper"), (0.35, 0.2, 0.15, 0.15, 0.1, 0.05))[0]
    deco = rnd.choices(("", "cp_after", "cp_before", "dep_paren", "quarter", "alentours", "st", "no_article"), (0.45, 0.1, 0.05, 0.1, 0.1, 0.07, 0.08, 0.05))[0]
    return (base, deco)


def _commune_variant(rnd: random.Random, c: int, style) -> str:
    nom = _C_NAME[c]
    cp = _COMMUNE_ROWS[c][2][0] if len(_COMMUNE_ROWS[c][2]) == 1 else rnd.choice(_COMMUNE_ROWS[c][2])
    if isinstance(style, tuple):
        base, deco = style
        if rnd.random() < 0.2:
            deco = rnd.choice(("", "cp_after", "dep_paren", "st", "quarter"))
        if rnd.random() < 0.012 and nom in _TYPOS:
            return rnd.choice(_TYPOS[nom])
        s = nom
        if deco == "st" or (base != "canon" and rnd.random() < 0.3):
            s = s.replace("Saint-", "St-").replace("Sainte-", "Ste-")
            if rnd.random() < 0.5:
                s = s.replace("St-", "St ").replace("Ste-", "Ste ")
            s = s.replace("lès", rnd.choice(("les", "lès", "lés")))
        if deco == "no_article" and s.startswith(("Le ", "Les ")):
            s = s.split(" ", 1)[1]
        if base in ("spaces", "noacc", "noacc_lower") and rnd.random() < 0.7:
            s = s.replace("-", " ")
        if base in ("noacc", "noacc_lower"):
            s = _noacc(s)
        if base in ("lower", "noacc_lower"):
            s = s.lower()
        elif base == "upper":
            s = s.upper()
        if deco == "cp_after":
            s = f"{s} ({cp})" if rnd.random() < 0.6 else f"{s} {cp}"
        elif deco == "cp_before":
            s = f"{cp} {s}"
        elif deco == "dep_paren":
            s = f"{s} (76)" if rnd.random() < 0.6 else f"{s} 76"
        elif deco == "quarter" and c in _C_BIG:
            s = s + rnd.choice((" centre", " centre-ville", " gare", " proche gare", " rive gauche" if nom == "Rouen" else " centre"))
        elif deco == "alentours":
            s = s + rnd.choice((" et alentours", " + alentours", " et environs"))
        return s
    if style == "canon":
        return nom
    if style == "upper":
        return nom.upper()
    if style == "noacc":
        return _noacc(nom)
    if style == "dep_paren":
        return f"{nom} (76)"
    if style == "dep_dash":
        return f"76 - {nom}"
    if style == "cp_after":
        return f"{nom} ({cp})"
    if style == "cp_before":
        return f"{cp} {nom}"
    if style == "region":
        return rnd.choice((f"{nom}, Normandie", f"{nom} (Seine-Maritime)", f"{nom} - Haute-Normandie"))
    return nom


def thirteenth_world(n_ads: int, seed: int = DEFAULT_SEED) -> tuple[pd.DataFrame, pd.DataFrame]:
    """The collection sheet of ``n_ads`` fictional ads of the 76, and its truth.

    Returns ``(sheet, truth)``: ``sheet`` has the columns ``SHEET_COLUMNS``,
    ``truth`` the columns ``TRUTH_COLUMNS`` (``id_reseau`` is ``""`` for a
    person in no network); all values are ``str``, ``""`` when missing; ads
    are numbered ``A0000001``... in collection order.  Deterministic for a
    seed.
    """
    n = _check_n(n_ads)
    w = _World(n, int(seed))
    w.build()
    w.skeleton()
    w.phones()
    cols, days_out, rows_person = w.render()
    m = len(days_out)
    if m != n:  # pragma: no cover - a bug, not an input error
        raise RuntimeError(f"generated {m} ads instead of {n}")
    days_arr = np.asarray(days_out, dtype=np.int64)
    site_arr = np.asarray(cols["site"], dtype=np.int64)
    tie = np.random.default_rng([int(seed), 7613]).permutation(m)
    order = np.lexsort((tie, site_arr, days_arr))
    ids = [f"A{i + 1:07d}" for i in range(m)]
    date_str = w.date_str

    def pick(values):
        return [values[i] for i in order.tolist()]

    sheet = pd.DataFrame(
        {
            "id_annonce": ids,
            "site": [_S_NAME[s] for s in site_arr[order].tolist()],
            "date_collecte": [date_str[d] for d in days_arr[order].tolist()],
            "commune_declaree": pick(cols["commune_declaree"]),
            "titre": pick(cols["titre"]),
            "texte": pick(cols["texte"]),
            "telephone": pick(cols["telephone"]),
            "pseudo": pick(cols["pseudo"]),
            "age_declare": pick(cols["age_declare"]),
        },
        columns=list(SHEET_COLUMNS),
        dtype=object,
    )
    # persons numbered in order of first appearance
    person_seq = np.asarray(rows_person, dtype=np.int64)[order]
    first = {}
    for pidx in person_seq.tolist():
        if pidx not in first:
            first[pidx] = len(first) + 1
    net_of = {}
    net_seq = {}
    for pidx in person_seq.tolist():
        ni = w.persons[pidx].net
        if ni >= 0 and ni not in net_seq:
            net_seq[ni] = len(net_seq) + 1
    truth = pd.DataFrame(
        {
            "id_annonce": ids,
            "id_personne": [f"P{first[x]:06d}" for x in person_seq.tolist()],
            "id_reseau": [
                (f"R{net_seq[w.persons[x].net]:05d}" if w.persons[x].net >= 0 else "") for x in person_seq.tolist()
            ],
        },
        columns=list(TRUTH_COLUMNS),
        dtype=object,
    )
    return sheet, truth


def write_thirteenth_world(n_ads: int, folder, seed: int = DEFAULT_SEED) -> tuple[Path, Path]:
    """Write ``folder/annonces-SYNTHETIQUE.csv`` and ``folder/verite/annonces-SYNTHETIQUE.csv``."""
    sheet, truth = thirteenth_world(n_ads, seed)
    folder = Path(folder)
    (folder / "verite").mkdir(parents=True, exist_ok=True)
    sheet_path = folder / "annonces-SYNTHETIQUE.csv"
    truth_path = folder / "verite" / "annonces-SYNTHETIQUE.csv"
    sheet.to_csv(sheet_path, index=False, encoding="utf-8", lineterminator="\n")
    truth.to_csv(truth_path, index=False, encoding="utf-8", lineterminator="\n")
    return sheet_path, truth_path
