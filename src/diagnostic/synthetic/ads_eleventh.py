"""Eleventh synthetic world of online ads: the Alpes-Maritimes (06), written blind.

A fictitious collection of online sex-work ads for the Alpes-Maritimes, with its
truth (which ads present the same person, which persons belong to the same
network), made to *judge* a record-linkage model on data its authors never saw.
It was written from a reading of the Amicale du Nid's report « Diagnostic de la
prostitution dans le Pas-de-Calais » (2020), transposed to the 06, without
looking at the project's linkage code or at the other synthetic worlds.

Everything is fiction: phone numbers only in the six ARCEP blocks reserved for
fiction, sites under ``.example``, invented first names, sober prose (the only
words for the act are the report's euphemisms: « moment », « détente »,
« compagnie », « service »...). Commune names, INSEE codes and postcodes come
from the official tables (``reference/communes.csv``, ``codes_postaux.csv``).

Data sheet
==========

Taken from the report
---------------------
- I-B-1 and II-B: an ad collection sorted by the city the authors declare, on
  sites of three kinds (specialised « escorting » sites, agencies and
  directories; general classified-ad sites; dating sites) plus one directory of
  erotic-massage salons; the report's window (20 September - 5 December 2018,
  77 days) and its size: 699 ads for 273 persons (duplicate rate 61 %).
- II-B: the duplicates come largely from contents copied onto several dating
  sites that look made by the same authors (eleven sites showing the same 17
  ads); annex 5: mirror sites as « backup » or for visibility; sites appear and
  disappear quickly and reopen under other names.
- II-B table: the share of ads by kind of site (escorting ~58 %, classifieds
  ~15 %, dating ~27 %, massage directory ~0) and the concentration on two big
  escort directories.
- II-B extracts and annex 5: the vocabulary (« moment », « détente »,
  « compagnie », « discrétion », « appartement climatisé », « je me déplace »,
  « pas de numéros masqués », « pas de sms », « photos 100 % réelles »,
  « bisous »), ethnic and physical categories in titles (« jolie asiatique »,
  « belle brune », « beauté latine »), escort jargon (incall/outcall, GFE),
  systematic fiches on agency sites, several languages, announced tour dates.
- III-B-1, III-D: « de passage » persons (18 % of the ads), moved from town to
  town for days or weeks along itineraries planned by networks, in flats
  rented short-term; 80 % of the ads in a few agglomerations but about 30
  communes, some very rural; seasonality of tourist areas.
- IV-A-1: persons presented in the ads: 84 % women, 7 % men, 9 % trans.
- IV-A-2: mean declared age 30; about half of the ads (53 %) give no age;
  declared ages are unreliable.
- IV-A-3: origin stated for 58 % of the persons, of whom 20 % French and 80 %
  foreign (Latin America, Europe, Asia, Africa).
- V-A-2: international networks (Eastern Europe, South America, Asia) of
  passage, flats reached via the Internet; V-A-1: local pimping by a partner.
- V-A-4, the « faisceau d'indices »: the same wording, expressions and spelling
  mistakes for apparently different persons; the same pseudo for several
  persons; ads for different persons posted the same day in the same town with
  the same descriptive terms; the same phone number, or numbers differing only
  in their last two digits; writing in the third person; writing in English;
  inconsistencies (several names or ages in one ad); « de passage », « pour une
  semaine », « en vacances »; « disponible 24h/24 »; 38 % of the studied ads
  show such signs.
- V-B: 96 % of the ads address men, a few address women.

Decided, not in the report
--------------------------
- Geography of the 06 (77 communes with weights, :data:`COMMUNES`): Nice ~40 %
  of the ads, Cannes ~17 %, Antibes/Juan-les-Pins ~9 %, then the coast from
  Théoule to Menton, Grasse and the moyen-pays, a thin hinterland (Roya,
  Vésubie, Tinée, the ski resorts Isola 2000, Auron, Valberg); Beausoleil and
  Cap-d'Ail as the French side of Monaco; Italian forms near the border
  (Nizza, Mentone). About 30 communes appear at 699 ads, all 77 at 100,000.
- Calendar (approximate dates, every year): summer on the coast (x1.45),
  Cannes congresses and festivals (MIPIM, MIPTV, the film festival, Lions,
  Yachting Festival, MIPCOM), Monaco Grand Prix and Yacht Show (Beausoleil,
  Cap-d'Ail, Roquebrune, Menton, Èze), Nice carnival, Menton lemon festival,
  jazz at Juan, ski season in the hinterland. Posting days and tour stays lean
  towards them. No other year-specific event (nor the 2020 lockdown) is drawn.
- Sites: 29 invented names (.example), weights after the report's table (two
  big escort directories, a few classifieds, one massage directory, which gets
  1-2 % of the ads where the report counted none); a family
  of eleven dating sites (one source and ten mirrors copying each new ad with
  probability 0.85 after 0-2 days and re-rendering it: accents lost, text cut,
  title in capitals, phone field hidden, commune as « Nice (06) », in capitals
  or only the département); an international agency with two mirror portals.
  Escort directories impose a menu of 26 towns (persons of small communes pick
  the nearest). The report's sites hold through its 77 days; then each closes
  after a lognormal life (median ~14 months, ~4 years for the big ones) and a
  successor with a new name takes its place and its posters the same day.
- Persons (shares of persons): residents who post for months (~38/70 of the
  independents), occasional posters (~20/70), independents « de passage »
  (~12/70), network members (30 % of all persons). Careers are lognormal
  durations (residents: median 150 days; occasional: 12 days; passage: visits
  of 3-10 days every 3 weeks to 3 months) that may begin before and end after
  the window, with pauses, moves to another commune, a secondary town for 15 %
  of the residents, and, in windows longer than 200 days, 10 % of residents
  who come back every summer.
- Networks (shares of networks): agencies 18 % (fiches on escort directories,
  age always shown, third person, French + English or English only, announced
  tour dates), tours 37 % (« sex-tours » from Eastern Europe, Latin America,
  Asia or Italy; English, Spanish or Italian ads), local pimps 30 % (2-6
  persons on classifieds and dating sites, same mistakes, third person half the
  time) and massage salons 15 % (Asian women rotating in one place). Networks
  live months or years (lognormal, median 240 days) and recruit over time
  (agencies 1.2, tours 1.5, salons 0.7 new members a month). Tours and agencies
  follow an itinerary planned by the network (stays of 3-9 or 5-15 days in the
  towns of their circuit, weighted by the season and the events): members join
  its stays, so that several of them post the same days in the same town. One
  template for all members (other first names, ages, descriptions), re-edited
  for all at once about every 45 days; 30 % of agencies and tours use one to
  three « house » pseudos passed from member to member; 12 % of network ads
  keep the name or age of another member in the title. Phones of a network: one
  switchboard number (re-issued every ~5 months), a run of 3-8 nearly
  consecutive numbers handed to members and passed on to newcomers, or
  individual numbers.
- Numbers: the six fiction blocks (60,000 numbers) are used as if all were
  mobiles. Fresh numbers are handed out in a well-spread order (a Kronecker
  sequence), so that at small sizes unrelated persons have far-apart numbers
  as in reality. A released number waits at least 90 days (quarantine) and is
  then reissued, first released first, to someone else: the recycling of
  numbers by operators. Measured: no reissue to another person at 699 or
  2,000 ads; at 100,000 about 160, the earliest 95 days after the last ad of
  the former holder; at a million the pool is worn: 90 % of the numbers have
  had two or more unrelated holders (2.7 on average) over two years, at least
  91 and typically 250 days apart, and about a quarter of the pool is in use at
  any time, so that numbers of unrelated persons often share their first eight
  digits (an unavoidable weakening of the report's « last two digits » clue, to
  keep in mind when judging a model at that size).
- Independents change number about every 200 days (and often when coming back
  after more than 75 days away); a quarter of the changes come with a new
  pseudo (a new identity), and pseudos also change on their own (every ~400
  days); 10 % use another first name on classified sites; 8 % never show a
  number; 5 % add a second number (« WhatsApp ») in their texts.
- Phones are written in 16 shapes in the phone field (spaces, dots, dashes,
  slashes, +33, 0033, grouped by three, « (appels uniquement) », « sms ok »...)
  and, in texts, also spaced out digit by digit or with a letter O for each
  zero; sites that hide the phone field push persons to write it in the text.
- Declared commune: each person has a typing habit (official name, lower or
  upper case, no accents, postcode alone or with the name, neighbourhood,
  abbreviation, misspelling, Italian or English form, the département, nothing)
  followed three times out of four; 2-3 % of the ads give nothing and about
  5 % only the département (mostly the mirrors).
- First names: Zipf-like pools (weight 1/(rank+4)^1.05) by origin (generic,
  Latin American, trans, Eastern European, Asian, Italian, African, male): the
  most popular pseudonym is borne by about 4 % of the persons, and many persons
  of similar declared ages bear it in the same towns at the same time;
  pseudos decorated per person (« Lola06 », « LolaNice », « Miss Lola »,
  « lola », « Lola TS »...).
- Texts: each person composes hers from sentence banks (about ten slots with
  4-14 variants each, a personal trio among 32 adjectives, physical details,
  hours, personal spelling habits, separators and case) and re-edits it about
  once a month (a sentence changed, added, dropped or moved); per-ad additions
  (« Nouvelles photos », stay dates, « !!! »). Languages: French, English,
  Italian, Spanish; 12 % of the Riviera's residents and passing independents
  write in English and 6 % add « English spoken » (an international clientele:
  English is a weaker clue here than in the report).
- Ages: true age 21 + Gamma(2.2, 5.5) (networks of passage: 20 + Gamma(2,
  3.5)); declared age = true age minus 0-5 years, varying by one (15 % of the
  ads) or two-three (5 %) years between ads, +1 after a year for a third of
  those active that long; shown according to the site (escort fiches 50-75 %,
  agencies always, classifieds 20-35 %, dating sites 45-50 %) and to the
  person, which gives about half of the ads without age and a mean near 30, as
  in the report.
- Growth laws (:func:`persons_for_ads`, :func:`collection_days`): persons =
  273 x (n/699)^0.85 and window = 77 x (n/699)^0.31 days from 20 September
  2018: a year at 100,000 ads (18,551 persons), two years at a million
  (131,328 persons, 7.6 ads each). The geography stays the 06's at national
  sizes: the volume, not the map, is national.
- Ad counts: a person's expected count is her posting rate x active days x the
  mirror copies of her sites; counts are drawn (multinomial, at least one ad
  each) and capped at 0.3 posting per active day (x mirror copies) and
  :data:`MAX_ADS_PER_PERSON` = 250 ads in all.
- Resulting shares (default seed): ads of network members 32 % at 699 ads,
  27 % at 2,000 and 100,000, 24 % at a million (the report's 38 % of ads with
  signs also counts signs that independents show here: « de passage » as
  marketing, English, third person, 24h/24); « de passage » 20-22 % of the ads;
  kinds of sites: escorting 64 %, dating 18 %, classifieds 16 % at 699 ads
  (the report: 58, 27, 15; a few dating posters weigh heavily through their
  mirror copies) and 58, 25, 17 % at 2,000; no age in 48-52 % of the ads,
  mean declared age 29-30; persons 85 % women, 7 % men, 7-11 % trans.

Measured (default seed, this machine, niced)
--------------------------------------------
========== ======== ======== ========== ========== ===========
ads        persons  networks window     time       peak memory
========== ======== ======== ========== ========== ===========
699        273      18       77 days    0.1 s      0.13 GB
2,000      667      47       107 days   0.2 s      0.13 GB
100,000    18,551   842      359 days   5.6 s      0.41 GB
1,000,000  131,328  4,673    732 days   43-53 s    2.6 GB
========== ======== ======== ========== ========== ===========

What tells apart two persons who share a first name, an age and a town
-----------------------------------------------------------------------
Their numbers (unless a network shares one, or an operator reissued it after
the quarantine); their texts (another skeleton of sentences, another trio of
adjectives, other physical details, hours, mistakes, separators); the
decoration of their pseudos and their habits of typing the commune and the
phone; their sites; and time (careers, stays and pauses that do not coincide).
What ties together the ads of one person who posts for months: a number kept
for months and a pseudo that changes at other moments than the number (but a
quarter of the number changes come with a new pseudo); a text that drifts by
small edits; stable physical details and habits. Inside a network the text is
the template's, and only the name, age and description (and, for individual
or run numbers, the number) tell the members apart; with a house pseudo and a
switchboard number, only the age and description do.
"""

from __future__ import annotations

import bisect
import hashlib
import heapq
import math
import random
import unicodedata
from collections import deque
from datetime import date, timedelta
from pathlib import Path
from typing import NamedTuple

import numpy as np
import pandas as pd

# --------------------------------------------------------------------------
# Public contract
# --------------------------------------------------------------------------

DEPARTEMENT = "06"
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
DEFAULT_SEED = 61_06_2018

REPORT_ADS = 699
REPORT_PERSONS = 273
REPORT_START = date(2018, 9, 20)
REPORT_DAYS = 77  # 20 September - 5 December 2018, both included
PERSONS_EXPONENT = 0.85
DAYS_EXPONENT = 0.31

FICTION_PREFIXES = ("019900", "026191", "035301", "046571", "053649", "063998")
QUARANTINE_DAYS = 90
POSTINGS_PER_DAY_MAX = 0.3
MAX_ADS_PER_PERSON = 250
FILE_NAME = "annonces-SYNTHETIQUE.csv"


def persons_for_ads(n_ads: int) -> int:
    """Number of distinct persons behind ``n_ads`` ads.

    ``round(273 * (n_ads / 699) ** 0.85)``, bounded by 1 and ``n_ads``: exactly
    the report's 273 persons at its 699 ads. The exponent below one says that a
    bigger corpus is also a longer one (see :func:`collection_days`): persons
    who stay active are seen again and again, so ads per person grow slowly,
    from 2.6 at 699 ads to 5.4 at 100,000 (one year) and 7.6 at a million
    (two years), while the count of persons keeps growing through turnover
    (new arrivals, tours, occasional posters).
    """
    n = int(n_ads)
    if n <= 0:
        raise ValueError("n_ads must be positive")
    p = round(REPORT_PERSONS * (n / REPORT_ADS) ** PERSONS_EXPONENT)
    return max(1, min(n, p))


def collection_days(n_ads: int) -> int:
    """Length of the collection window, in days, for ``n_ads`` ads.

    ``round(77 * (n_ads / 699) ** 0.31)``, at least 1: the report's 77 days
    (20 September - 5 December 2018) at 699 ads, 107 days at 2,000, about a
    year (359 days) at 100,000 and two years (732 days) at a million. The
    window always starts on 20 September 2018. The volume per day grows too
    (from 9 to 1,366 ads a day): a national-size corpus is both longer and
    wider than a départemental count.
    """
    n = int(n_ads)
    if n <= 0:
        raise ValueError("n_ads must be positive")
    return max(1, round(REPORT_DAYS * (n / REPORT_ADS) ** DAYS_EXPONENT))


# --------------------------------------------------------------------------
# Geography (names, INSEE codes and postcodes from the official tables)
# --------------------------------------------------------------------------


class Commune(NamedTuple):
    nom: str
    insee: str
    codes_postaux: tuple[str, ...]
    poids: float  # share of the resident persons (relative)
    secteur: str  # littoral, moyen-pays, haut-pays, ski


COMMUNES: tuple[Commune, ...] = (
    Commune("Nice", "06088", ("06000", "06100", "06200", "06300"), 34.0, "littoral"),
    Commune("Cannes", "06029", ("06150", "06400"), 14.0, "littoral"),
    Commune("Antibes", "06004", ("06160", "06600"), 8.5, "littoral"),
    Commune("Cagnes-sur-Mer", "06027", ("06800",), 3.4, "littoral"),
    Commune("Saint-Laurent-du-Var", "06123", ("06700",), 2.4, "littoral"),
    Commune("Menton", "06083", ("06500",), 3.0, "littoral"),
    Commune("Grasse", "06069", ("06130", "06520"), 2.6, "moyen-pays"),
    Commune("Le Cannet", "06030", ("06110",), 2.0, "littoral"),
    Commune("Mandelieu-la-Napoule", "06079", ("06210",), 2.0, "littoral"),
    Commune("Vallauris", "06155", ("06220",), 1.5, "littoral"),
    Commune("Villeneuve-Loubet", "06161", ("06270",), 1.3, "littoral"),
    Commune("Beausoleil", "06012", ("06240",), 1.9, "littoral"),
    Commune("Mougins", "06085", ("06250",), 1.2, "moyen-pays"),
    Commune("Valbonne", "06152", ("06560",), 1.2, "moyen-pays"),
    Commune("Roquebrune-Cap-Martin", "06104", ("06190",), 0.8, "littoral"),
    Commune("Cap-d'Ail", "06032", ("06320",), 0.6, "littoral"),
    Commune("Carros", "06033", ("06510",), 0.4, "moyen-pays"),
    Commune("Vence", "06157", ("06140",), 0.8, "moyen-pays"),
    Commune("La Trinité", "06149", ("06340",), 0.4, "moyen-pays"),
    Commune("Saint-Jean-Cap-Ferrat", "06121", ("06230",), 0.3, "littoral"),
    Commune("Villefranche-sur-Mer", "06159", ("06230",), 0.4, "littoral"),
    Commune("Beaulieu-sur-Mer", "06011", ("06310",), 0.4, "littoral"),
    Commune("Théoule-sur-Mer", "06138", ("06590",), 0.3, "littoral"),
    Commune("Mouans-Sartoux", "06084", ("06370",), 0.4, "moyen-pays"),
    Commune("Contes", "06048", ("06390",), 0.2, "moyen-pays"),
    Commune("Drap", "06054", ("06340",), 0.15, "moyen-pays"),
    Commune("Biot", "06018", ("06410",), 0.4, "moyen-pays"),
    Commune("Èze", "06059", ("06360",), 0.2, "littoral"),
    Commune("La Turbie", "06150", ("06320",), 0.15, "moyen-pays"),
    Commune("Saint-Paul-de-Vence", "06128", ("06570",), 0.2, "moyen-pays"),
    Commune("La Colle-sur-Loup", "06044", ("06480",), 0.25, "moyen-pays"),
    Commune("Tourrettes-sur-Loup", "06148", ("06140",), 0.1, "moyen-pays"),
    Commune("Gattières", "06064", ("06510",), 0.1, "moyen-pays"),
    Commune("Saint-Jeannet", "06122", ("06640",), 0.1, "moyen-pays"),
    Commune("La Gaude", "06065", ("06610",), 0.15, "moyen-pays"),
    Commune("Roquefort-les-Pins", "06105", ("06330",), 0.15, "moyen-pays"),
    Commune("Opio", "06089", ("06650",), 0.08, "moyen-pays"),
    Commune("Le Rouret", "06112", ("06650",), 0.08, "moyen-pays"),
    Commune("Le Bar-sur-Loup", "06010", ("06620",), 0.08, "moyen-pays"),
    Commune("Châteauneuf-Grasse", "06038", ("06740",), 0.1, "moyen-pays"),
    Commune("Peymeinade", "06095", ("06530",), 0.15, "moyen-pays"),
    Commune("Saint-Vallier-de-Thiey", "06130", ("06460",), 0.08, "haut-pays"),
    Commune("Pégomas", "06090", ("06580",), 0.15, "moyen-pays"),
    Commune("La Roquette-sur-Siagne", "06108", ("06550",), 0.1, "moyen-pays"),
    Commune("Auribeau-sur-Siagne", "06007", ("06810",), 0.05, "moyen-pays"),
    Commune("Saint-Cézaire-sur-Siagne", "06118", ("06530",), 0.05, "moyen-pays"),
    Commune("Cabris", "06026", ("06530",), 0.03, "moyen-pays"),
    Commune("Tourrette-Levens", "06147", ("06690",), 0.08, "moyen-pays"),
    Commune("Falicon", "06060", ("06950",), 0.04, "moyen-pays"),
    Commune("Aspremont", "06006", ("06790",), 0.04, "moyen-pays"),
    Commune("Colomars", "06046", ("06670",), 0.05, "moyen-pays"),
    Commune("Saint-André-de-la-Roche", "06114", ("06730",), 0.15, "moyen-pays"),
    Commune("Levens", "06075", ("06670",), 0.08, "moyen-pays"),
    Commune("L'Escarène", "06057", ("06440",), 0.04, "haut-pays"),
    Commune("Sospel", "06136", ("06380",), 0.06, "haut-pays"),
    Commune("Breil-sur-Roya", "06023", ("06540",), 0.04, "haut-pays"),
    Commune("Tende", "06163", ("06430",), 0.04, "haut-pays"),
    Commune("Puget-Théniers", "06099", ("06260",), 0.05, "haut-pays"),
    Commune("Saint-Martin-Vésubie", "06127", ("06450",), 0.05, "haut-pays"),
    Commune("Roquebillière", "06103", ("06450",), 0.03, "haut-pays"),
    Commune("Lantosque", "06074", ("06450",), 0.02, "haut-pays"),
    Commune("Valdeblore", "06153", ("06420",), 0.02, "ski"),
    Commune("Isola", "06073", ("06420",), 0.04, "ski"),
    Commune("Saint-Étienne-de-Tinée", "06120", ("06660",), 0.05, "ski"),
    Commune("Péone", "06094", ("06470",), 0.05, "ski"),
    Commune("Guillaumes", "06071", ("06470",), 0.02, "haut-pays"),
    Commune("Gréolières", "06070", ("06620",), 0.02, "ski"),
    Commune("Saint-Martin-du-Var", "06126", ("06670",), 0.04, "moyen-pays"),
    Commune("Le Broc", "06025", ("06510",), 0.02, "moyen-pays"),
    Commune("Gilette", "06066", ("06830",), 0.02, "haut-pays"),
    Commune("Peille", "06091", ("06440",), 0.03, "haut-pays"),
    Commune("Gorbio", "06067", ("06500",), 0.02, "moyen-pays"),
    Commune("Castellar", "06035", ("06500",), 0.01, "moyen-pays"),
    Commune("Sainte-Agnès", "06113", ("06500",), 0.01, "moyen-pays"),
    Commune("Villars-sur-Var", "06158", ("06710",), 0.01, "haut-pays"),
    Commune("Spéracèdes", "06137", ("06530",), 0.02, "moyen-pays"),
    Commune("Le Tignet", "06140", ("06530",), 0.03, "moyen-pays"),
)
_BY_INSEE = {c.insee: c for c in COMMUNES}

# The menu of towns of the escort directories; other communes pick the nearest.
MENU_TOWNS = (
    "06088", "06029", "06004", "06027", "06123", "06083", "06069", "06030",
    "06079", "06155", "06161", "06012", "06085", "06152", "06104", "06032",
    "06157", "06159", "06011", "06121", "06084", "06018", "06138", "06033",
    "06149", "06059",
)
_NEAREST_MENU = {
    "06048": "06088", "06054": "06088", "06150": "06032", "06128": "06157",
    "06044": "06161", "06148": "06157", "06064": "06033", "06122": "06157",
    "06065": "06157", "06105": "06152", "06089": "06152", "06112": "06069",
    "06010": "06069", "06038": "06069", "06095": "06069", "06130": "06069",
    "06090": "06079", "06108": "06079", "06007": "06069", "06118": "06069",
    "06026": "06069", "06147": "06088", "06060": "06088", "06006": "06088",
    "06046": "06088", "06114": "06088", "06075": "06088", "06057": "06088",
    "06136": "06083", "06023": "06083", "06163": "06083", "06099": "06033",
    "06127": "06088", "06103": "06088", "06074": "06088", "06153": "06088",
    "06073": "06088", "06120": "06088", "06094": "06088", "06071": "06088",
    "06070": "06069", "06126": "06033", "06025": "06033", "06066": "06033",
    "06091": "06083", "06067": "06083", "06035": "06083", "06113": "06083",
    "06158": "06033", "06137": "06069", "06140": "06069",
}

# Neighbourhoods, localities, abbreviations and foreign forms, by INSEE code.
QUARTIERS: dict[str, tuple[str, ...]] = {
    "06088": ("Nice centre", "Nice Nord", "Nice Ouest", "Nice Est", "Vieux-Nice",
              "Cimiez", "Libération", "Jean Médecin", "Port de Nice", "Riquier",
              "Saint-Roch", "Magnan", "Fabron", "Arénas", "Promenade des Anglais",
              "Carré d'Or", "Gare Thiers", "Musiciens", "Saint-Isidore", "Pasteur"),
    "06029": ("Cannes centre", "La Croisette", "La Bocca", "Cannes la Bocca",
              "Le Suquet", "Californie", "Palm Beach", "Gare de Cannes", "Carnot",
              "Petit Juas"),
    "06004": ("Juan-les-Pins", "Juan les Pins", "Cap d'Antibes", "Antibes centre",
              "Port Vauban", "La Fontonne"),
    "06155": ("Golfe-Juan", "Golfe Juan"),
    "06152": ("Sophia-Antipolis", "Sophia Antipolis", "Garbejaïre"),
    "06027": ("Cros-de-Cagnes", "Haut-de-Cagnes", "Cagnes centre"),
    "06123": ("Cap 3000", "Saint-Laurent centre"),
    "06161": ("Marina Baie des Anges", "Villeneuve plage"),
    "06079": ("La Napoule", "Mandelieu centre"),
    "06083": ("Garavan", "Menton centre", "Carei"),
    "06104": ("Carnolès", "Cap-Martin"),
    "06069": ("Magagnosc", "Plascassier", "Grasse centre"),
    "06094": ("Valberg",),
    "06120": ("Auron",),
    "06073": ("Isola 2000",),
    "06030": ("Rocheville", "Le Cannet centre"),
    "06012": ("Monaco / Beausoleil", "Beausoleil limite Monaco", "Monte-Carlo (Beausoleil)"),
    "06032": ("Cap d'Ail limite Monaco",),
    "06085": ("Mougins le haut",),
}
ABREVIATIONS: dict[str, tuple[str, ...]] = {
    "06123": ("St-Laurent-du-Var", "St Laurent du Var", "St Laurent", "SLV"),
    "06121": ("St-Jean-Cap-Ferrat", "St Jean Cap Ferrat", "Cap Ferrat"),
    "06128": ("St Paul de Vence", "St-Paul"),
    "06104": ("Roquebrune CM", "Roquebrune"),
    "06027": ("Cagnes",),
    "06161": ("Villeneuve", "Villeneuve Lbt"),
    "06079": ("Mandelieu",),
    "06159": ("Villefranche",),
    "06011": ("Beaulieu",),
    "06084": ("Mouans",),
    "06138": ("Théoule",),
    "06044": ("La Colle",),
    "06114": ("St André de la Roche", "St-André"),
    "06130": ("St Vallier",),
    "06118": ("St Cézaire",),
    "06127": ("St Martin Vésubie",),
    "06120": ("St Etienne de Tinée",),
    "06126": ("St Martin du Var",),
    "06122": ("St Jeannet",),
    "06113": ("Ste Agnès",),
    "06108": ("La Roquette",),
    "06105": ("Roquefort",),
    "06099": ("Puget",),
    "06088": ("Nce",),
}
FOREIGN_FORMS: dict[str, tuple[str, ...]] = {
    "06088": ("Nizza", "Nice, French Riviera", "Nice Côte d'Azur"),
    "06083": ("Mentone",),
    "06029": ("Cannes, French Riviera", "Cannes (Côte d'Azur)"),
    "06004": ("Antibo", "Antibes French Riviera"),
    "06159": ("Villafranca",),
    "06012": ("Beausoleil (Monaco area)",),
}
# Misspellings seen in free fields (more are made by small slips at random).
FAUTES: dict[str, tuple[str, ...]] = {
    "06004": ("Antibe", "Antibbes", "Anttibes"),
    "06029": ("Canne", "Cannes la boca", "Cane"),
    "06027": ("Cagne sur mer", "Cagnes sur mere"),
    "06123": ("St Laurant du Var", "Saint Laurent du var"),
    "06083": ("Menthon", "Mentton"),
    "06069": ("Grasses", "Grase"),
    "06155": ("Vallauri", "Valoris"),
    "06079": ("Mandelieux", "Mandelieu la napoul"),
    "06161": ("Villeneuve Louber", "Villeneuve loubett"),
    "06012": ("Beau soleil", "Bausoleil"),
    "06104": ("Roquebrunne", "Roquebrune cap martain"),
    "06088": ("Nices", "Nicce"),
    "06030": ("Le Canet", "Le Cannett"),
    "06085": ("Mougin", "Mougens"),
    "06152": ("Valbone", "Valbonnes"),
}
DEPARTEMENT_LABELS = ("Alpes-Maritimes", "06", "Côte d'Azur", "Alpes Maritimes (06)")


def _sans_accents(s: str) -> str:
    return "".join(
        ch for ch in unicodedata.normalize("NFD", s) if unicodedata.category(ch) != "Mn"
    )


# --------------------------------------------------------------------------
# Calendar
# --------------------------------------------------------------------------

# (first month-day, last month-day, communes, factor) every year; approximate.
_EVENTS = (
    ((3, 12), (3, 15), ("06029",), 2.2),  # MIPIM
    ((4, 8), (4, 11), ("06029",), 1.8),  # MIPTV
    ((5, 13), (5, 25), ("06029", "06030", "06079", "06004"), 3.0),  # film festival
    ((5, 22), (5, 27), ("06012", "06032", "06104", "06083", "06059"), 3.0),  # Grand Prix
    ((6, 17), (6, 21), ("06029",), 1.8),  # Lions
    ((9, 10), (9, 15), ("06029", "06079"), 1.6),  # Yachting Festival
    ((9, 25), (9, 28), ("06012", "06032", "06104"), 2.0),  # Monaco Yacht Show
    ((10, 14), (10, 18), ("06029",), 2.0),  # MIPCOM
    ((2, 15), (3, 3), ("06088",), 1.4),  # carnival
    ((2, 15), (3, 3), ("06083",), 1.5),  # lemon festival
    ((7, 10), (7, 21), ("06004",), 1.5),  # jazz at Juan
)


def _season(d: date, secteur: str) -> float:
    m, day = d.month, d.day
    if secteur == "ski":
        if m in (12, 1, 2, 3) and not (m == 12 and day < 15):
            return 3.0
        return 0.6
    summer = (m in (7, 8)) or (m == 6 and day >= 20) or (m == 9 and day <= 10)
    if secteur == "littoral":
        if summer:
            return 1.45
        if m in (11, 1, 2):
            return 0.85
        return 1.0
    if summer:
        return 1.15
    return 0.95


def _event_factor(d: date, insee: str) -> float:
    f = 1.0
    md = (d.month, d.day)
    for a, b, towns, fac in _EVENTS:
        if a <= md <= b and insee in towns:
            f = max(f, fac)
    return f


# --------------------------------------------------------------------------
# Sites
# --------------------------------------------------------------------------


class Site(NamedTuple):
    slot: int
    name: str
    kind: str  # escort, petites, rencontre, massage
    weight: float  # choice weight within its kind
    family: str  # "" or the family of mirrored sites
    mirror: bool  # a mirror copies the family's source
    communes: str  # menu, menu_cp, libre, miroir
    phone: str  # champ, libre, cache
    pseudo: float  # probability the pseudo field is shown
    age: float  # probability the age field is shown
    agency: bool


_SITES_SPEC = (
    # name, kind, weight, family, mirror, communes, phone, pseudo, age, agency
    ("azurescort.example", "escort", 24.0, "", False, "menu", "champ", 1.0, 0.75, False),
    ("rivieramodels.example", "escort", 22.0, "", False, "menu_cp", "champ", 1.0, 0.72, False),
    ("dame-de-compagnie.example", "escort", 4.6, "", False, "libre", "champ", 1.0, 0.5, False),
    ("annuaire-escorte-sud.example", "escort", 1.4, "", False, "menu", "champ", 1.0, 0.55, False),
    ("happycompanions.example", "escort", 0.9, "", False, "menu", "champ", 1.0, 0.6, False),
    ("rencontre-escorte.example", "escort", 0.9, "", False, "libre", "libre", 0.95, 0.5, False),
    ("lovely-azur.example", "escort", 1.2, "", False, "libre", "champ", 1.0, 0.5, False),
    ("escortcatalogue.example", "escort", 0.6, "", False, "menu", "champ", 1.0, 0.6, False),
    ("girls-baie-des-anges.example", "escort", 0.4, "", False, "menu", "champ", 1.0, 0.5, False),
    ("vip-companions-europe.example", "escort", 0.7, "vip", False, "menu", "champ", 1.0, 0.95, True),
    ("vip-companions-italia.example", "escort", 0.0, "vip", True, "miroir", "champ", 1.0, 0.95, True),
    ("vip-companions-monaco.example", "escort", 0.0, "vip", True, "miroir", "champ", 1.0, 0.95, True),
    ("elite-tour-escorts.example", "escort", 0.5, "", False, "menu", "champ", 1.0, 0.9, True),
    ("trouvetout-annonces.example", "petites", 6.2, "", False, "libre", "libre", 0.7, 0.35, False),
    ("lesannonces-du-sud.example", "petites", 5.9, "", False, "libre", "cache", 0.6, 0.3, False),
    ("marche-riviera.example", "petites", 2.9, "", False, "libre", "libre", 0.5, 0.3, False),
    ("entre-particuliers.example", "petites", 0.5, "", False, "menu_cp", "libre", 0.5, 0.2, False),
    ("bienetre-massages.example", "massage", 1.0, "", False, "menu_cp", "champ", 0.9, 0.1, False),
    ("rencontres-secretes.example", "rencontre", 1.0, "date", False, "libre", "cache", 1.0, 0.5, False),
    ("coeurs-libres.example", "rencontre", 0.0, "date", True, "miroir", "cache", 1.0, 0.5, False),
    ("celib-azur.example", "rencontre", 0.0, "date", True, "miroir", "cache", 1.0, 0.5, False),
    ("rencontres-imprevues.example", "rencontre", 0.0, "date", True, "miroir", "cache", 1.0, 0.5, False),
    ("rue-des-coeurs.example", "rencontre", 0.0, "date", True, "miroir", "cache", 0.9, 0.5, False),
    ("instant-ephemere.example", "rencontre", 0.0, "date", True, "miroir", "cache", 1.0, 0.5, False),
    ("sans-attache.example", "rencontre", 0.0, "date", True, "miroir", "cache", 1.0, 0.45, False),
    ("tolerance-dating.example", "rencontre", 0.0, "date", True, "miroir", "cache", 1.0, 0.5, False),
    ("calins-et-plus.example", "rencontre", 0.0, "date", True, "miroir", "cache", 0.9, 0.5, False),
    ("fordates.example", "rencontre", 0.0, "date", True, "miroir", "cache", 1.0, 0.5, False),
    ("doux-rendezvous.example", "rencontre", 0.0, "date", True, "miroir", "cache", 1.0, 0.5, False),
)
SITES: tuple[Site, ...] = tuple(Site(i, *spec) for i, spec in enumerate(_SITES_SPEC))
MIRROR_COPY = 0.85
_MIRROR_SLOTS = {
    fam: [s.slot for s in SITES if s.family == fam and s.mirror] for fam in ("vip", "date")
}
_SOURCE_SLOT = {s.family: s.slot for s in SITES if s.family and not s.mirror}
# How mirrors re-render (by slot): strip accents, cut text at, upper-case title.
_MIRROR_RENDER = {}
for _i, _slot in enumerate(_MIRROR_SLOTS["date"] + _MIRROR_SLOTS["vip"]):
    _MIRROR_RENDER[_slot] = (
        _i % 3 == 1,
        (None, 280, 420, None, 350)[_i % 5],
        _i % 4 == 2,
    )

_NAME_WORDS_A = ("escort", "rencontre", "annonces", "charme", "riviera", "azur", "sud",
                 "elite", "vip", "douce", "secret", "discret", "nuit", "intime", "belle",
                 "coquin", "perle", "baie", "soleil", "club")
_NAME_WORDS_B = ("club", "book", "zone", "plus", "city", "live", "guide", "mag", "top",
                 "list", "spot", "hub", "place", "world", "line", "web")


# --------------------------------------------------------------------------
# Persons: names and attributes
# --------------------------------------------------------------------------

_N_GENERIC = (
    "Julia Lola Emma Jessica Laura Sarah Eva Nina Léa Sofia Kim Lina Mia Vanessa Chloé "
    "Manon Alicia Clara Inès Jade Camille Maeva Melissa Amandine Elodie Marie Alexia Anna "
    "Luna Stella Bella Cindy Sabrina Angela Barbara Sandra Nadia Yasmine Sonia Célia Noémie "
    "Zoé Louna Lily Candice Océane Pauline Justine Marion Audrey Coralie Emilie Caroline "
    "Jennifer Kelly Samantha Tiffany Priscilla Vicky Victoria Sharon Eden Ambre Lou Romane "
    "Charlotte Elsa Agathe Lucie Margaux Anaïs Axelle Cassandra Diane Estelle Fanny Gwen "
    "Hélène Iris Jasmine Karine Laetitia Lisa Maya Naomi Nathalie Olivia Patricia Rachel "
    "Rose Sophie Tania Wendy Yuna Zara Alison Ashley Candy Cherry Crystal Daisy Gigi Honey "
    "Jenny Kiara Lexie Lana Lara Lena Lilou Mila Nikita Ruby Scarlett Sheila Tina Cleo "
    "Alba Ariane Aurore Capucine Clémence Delphine Eloïse Emeline Flora Gaëlle Héloïse "
    "Jeanne Juliette Louise Maëlle Mélanie Morgane Nora Ophélie Perrine Solène Virginie "
    "Aline Alizée Apolline Bérénice Carla Chanel Cyrielle Dana Dolly Edwige Elise Fiona "
    "Gloria Ilona Ingrid Jordane Kenza Kristel Leslie Lindsay Lorie Lydia Mallory Mathilde "
    "Maud Mylène Nelly Nina-Rose Orlane Pamela Prisca Roxane Salomé Selena Shana Sylvie "
    "Tessa Thalie Valérie Vénus Yoana Yolande"
).split()
_N_LATAM = (
    "Bianca Larissa Gabriela Fernanda Camila Daniela Valeria Paola Carolina Natalia "
    "Alejandra Mariana Juliana Isabela Luana Adriana Rafaela Letícia Bruna Dayana Lorena "
    "Ximena Mayra Karla Marisol Paloma Catalina Andrea Yesenia Thaís Jhenifer Kátia Luz "
    "Milagros Yuliana Estefania Dulce Graciela Rocio Vitória"
).split()
_N_TRANS = (
    "Kendra Thalia Giovanna Barbie Alessandra Raissa Nicolly Penélope Mônica Bárbara "
    "Kelly Pamela Sabrina Bruna Jade Samantha Yasmin Luna Vanessa Bianca"
).split()
_N_EAST = (
    "Natasha Alina Katya Oksana Olga Irina Svetlana Anastasia Daria Polina Yana Kristina "
    "Viktoria Alena Milena Diana Ksenia Marina Elena Tatiana Ludmila Inna Zlata Masha Sasha "
    "Lera Ioana Andreea Roxana Alexandra Denisa Larisa Magda Agnieszka Kasia Ewa Monika "
    "Aneta Nadia Vera Mila Sonia Karina Veronika Lidia"
).split()
_N_ASIA = (
    "Mei Lili Lin Yuki Kim Sakura Ying Xiao Lan Jade Min Kiko Aiko Mai Linh Ploy Noi Fon "
    "Hana Suki Jia Nana Coco Annie Amy Lily Cindy Vivi Lucky Mimi Jasmine Lisa"
).split()
_N_ITALY = (
    "Giulia Chiara Francesca Martina Alessia Federica Sara Valentina Elisa Silvia Giorgia "
    "Ilaria Roberta Serena Claudia Beatrice Arianna Noemi Ludovica Greta Vittoria Angelica "
    "Simona Manuela"
).split()
_N_AFRICA = (
    "Aïcha Fatou Awa Mariam Grace Joy Blessing Precious Esther Naomie Kadi Bintou Prisca "
    "Ornella Yasmina Leila Samira Nour Imane Sana Dounia Fanta Rokia Djeneba"
).split()
_N_MALE = (
    "Kevin Lucas Hugo Alex Tom Nico Max Léo Yanis Ryan Enzo Mehdi Karim Sami Adam Mathis "
    "Julien Thomas Antoine Marco Luca Rafael Diego Bruno Matteo Carlos Andrei Dimitri "
    "Sacha Jordan Dylan Anthony Bastien Romain Florian Quentin Axel Théo Noah Nathan"
).split()


def _zipf(n: int, s: float = 1.05, k: float = 4.0) -> list[float]:
    return [1.0 / (i + k) ** s for i in range(n)]


_NAME_POOLS = {
    "generic": (_N_GENERIC, _zipf(len(_N_GENERIC))),
    "latam": (_N_LATAM, _zipf(len(_N_LATAM))),
    "trans": (_N_TRANS, _zipf(len(_N_TRANS))),
    "east": (_N_EAST, _zipf(len(_N_EAST))),
    "asia": (_N_ASIA, _zipf(len(_N_ASIA))),
    "italy": (_N_ITALY, _zipf(len(_N_ITALY))),
    "africa": (_N_AFRICA, _zipf(len(_N_AFRICA))),
    "male": (_N_MALE, _zipf(len(_N_MALE))),
}
_NAME_CUM = {k: (names, list(np.cumsum(w))) for k, (names, w) in _NAME_POOLS.items()}


class Origin(NamedTuple):
    key: str
    group: str  # name pool
    fr_f: str
    fr_m: str
    en: str
    it: str
    es: str
    weight: float


ORIGINS = (
    Origin("fr", "generic", "française", "français", "French", "francese", "francesa", 20.0),
    Origin("br", "latam", "brésilienne", "brésilien", "Brazilian", "brasiliana", "brasileña", 9.0),
    Origin("co", "latam", "colombienne", "colombien", "Colombian", "colombiana", "colombiana", 6.0),
    Origin("ve", "latam", "vénézuélienne", "vénézuélien", "Venezuelan", "venezuelana", "venezolana", 3.5),
    Origin("ar", "latam", "argentine", "argentin", "Argentinian", "argentina", "argentina", 1.5),
    Origin("cu", "latam", "cubaine", "cubain", "Cuban", "cubana", "cubana", 1.5),
    Origin("mx", "latam", "mexicaine", "mexicain", "Mexican", "messicana", "mexicana", 1.0),
    Origin("py", "latam", "paraguayenne", "paraguayen", "Paraguayan", "paraguaiana", "paraguaya", 0.8),
    Origin("pr", "latam", "portoricaine", "portoricain", "Puerto Rican", "portoricana", "puertorriqueña", 0.6),
    Origin("it", "italy", "italienne", "italien", "Italian", "italiana", "italiana", 7.0),
    Origin("es", "generic", "espagnole", "espagnol", "Spanish", "spagnola", "española", 2.5),
    Origin("de", "generic", "allemande", "allemand", "German", "tedesca", "alemana", 1.0),
    Origin("pl", "east", "polonaise", "polonais", "Polish", "polacca", "polaca", 1.5),
    Origin("fi", "east", "finlandaise", "finlandais", "Finnish", "finlandese", "finlandesa", 0.4),
    Origin("ro", "east", "roumaine", "roumain", "Romanian", "rumena", "rumana", 3.0),
    Origin("ua", "east", "ukrainienne", "ukrainien", "Ukrainian", "ucraina", "ucraniana", 5.0),
    Origin("ru", "east", "russe", "russe", "Russian", "russa", "rusa", 5.0),
    Origin("cn", "asia", "chinoise", "chinois", "Chinese", "cinese", "china", 4.0),
    Origin("th", "asia", "thaïlandaise", "thaïlandais", "Thai", "tailandese", "tailandesa", 2.0),
    Origin("in", "asia", "indienne", "indien", "Indian", "indiana", "india", 0.8),
    Origin("lb", "africa", "libanaise", "libanais", "Lebanese", "libanese", "libanesa", 1.5),
    Origin("ke", "africa", "kényane", "kényan", "Kenyan", "keniota", "keniana", 0.8),
    Origin("cm", "africa", "camerounaise", "camerounais", "Cameroonian", "camerunese", "camerunesa", 1.5),
    Origin("ci", "africa", "ivoirienne", "ivoirien", "Ivorian", "ivoriana", "marfileña", 1.5),
    Origin("ma", "africa", "marocaine", "marocain", "Moroccan", "marocchina", "marroquí", 2.0),
)
_ORIGIN_BY_KEY = {o.key: o for o in ORIGINS}
_ORIGIN_GROUP_KEYS = {
    "east": ("ua", "ru", "ro", "pl", "fi"),
    "latam": ("br", "co", "ve", "ar", "cu", "mx", "py", "pr"),
    "asia": ("cn", "th"),
    "italy": ("it",),
    "france": ("fr",),
}
# Looser « categories » used instead of a nationality (IV-A-3, II-B).
CATEGORIES = (
    ("métisse", "métis", "mixed", "mulatta", "mulata"),
    ("black", "black", "ebony", "nera", "negra"),
    ("asiatique", "asiatique", "Asian", "asiatica", "asiática"),
    ("latine", "latino", "Latina", "latina", "latina"),
    ("méditerranéenne", "méditerranéen", "Mediterranean", "mediterranea", "mediterránea"),
    ("slave", "slave", "Slavic", "slava", "eslava"),
    ("orientale", "oriental", "Oriental", "orientale", "oriental"),
    ("exotique", "exotique", "exotic", "esotica", "exótica"),
)
_CATEGORY_OF_GROUP = {"latam": 3, "east": 5, "asia": 2, "africa": 1, "italy": 4}

HAIR = (("brune", "brun", "brunette", "mora", "morena"),
        ("blonde", "blond", "blonde", "bionda", "rubia"),
        ("rousse", "roux", "redhead", "rossa", "pelirroja"),
        ("châtain", "châtain", "chestnut-haired", "castana", "castaña"))
_HAIR_W = (0.5, 0.3, 0.06, 0.14)
_HAIR_PL = ("bruns", "blonds", "roux", "châtains")
_HAIR_PHYS = {"en": ("dark", "blonde", "red", "brown"), "it": ("scuri", "biondi", "rossi", "castani"),
              "es": ("moreno", "rubio", "pelirrojo", "castaño")}
# « silhouette ... » (feminine agreement): for women, for men; then in English
SILHOUETTES = (("mince", "mince"), ("sportive", "sportive"), ("pulpeuse", "musclée"),
               ("élancée", "élancée"), ("menue", "fine"), ("ronde", "athlétique"),
               ("fine", "carrée"), ("généreuse", "costaude"))
_SILH_EN = (("slim", "slim"), ("sporty", "sporty"), ("curvy", "muscular"), ("tall", "tall"),
            ("petite", "lean"), ("round", "athletic"), ("fine", "broad"), ("generous", "strong"))
_AMB_LANG = {
    "en": ("private and clean flat", "drinks offered", "shower available", "sea view terrace",
           "quiet residence", "soft lights and music"),
    "it": ("appartamento pulito e riservato", "doccia a disposizione", "ambiente rilassante"),
    "es": ("apartamento limpio y discreto", "ducha disponible", "ambiente relajado"),
}
EYES = ("marron", "verts", "bleus", "noisette", "noirs", "gris")
_ADJ_F = ("jolie", "belle", "charmante", "douce", "ravissante", "sublime", "jeune",
          "superbe", "élégante", "magnifique", "adorable", "séduisante")
_ADJ_M = ("joli", "beau", "charmant", "doux", "beau", "sublime", "jeune", "superbe",
          "élégant", "beau", "adorable", "séduisant")
_ADJ_EN = ("sweet", "beautiful", "charming", "gorgeous", "stunning", "young", "elegant",
           "lovely", "sexy", "pretty")
_ADJ_IT = ("dolce", "bella", "bellissima", "affascinante", "giovane", "elegante", "splendida")
_ADJ_ES = ("dulce", "bella", "hermosa", "preciosa", "joven", "elegante", "encantadora")

# personal trio of adjectives: (feminine, masculine)
_TRAITS = (
    ("douce", "doux"), ("souriante", "souriant"), ("raffinée", "raffiné"),
    ("discrète", "discret"), ("élégante", "élégant"), ("naturelle", "naturel"),
    ("câline", "câlin"), ("attentionnée", "attentionné"), ("cultivée", "cultivé"),
    ("pétillante", "pétillant"), ("sensuelle", "sensuel"), ("joyeuse", "joyeux"),
    ("patiente", "patient"), ("chaleureuse", "chaleureux"), ("espiègle", "espiègle"),
    ("sympathique", "sympathique"), ("spontanée", "spontané"), ("calme", "calme"),
    ("rieuse", "rieur"), ("complice", "complice"), ("tendre", "tendre"),
    ("soignée", "soigné"), ("dynamique", "dynamique"), ("sportive", "sportif"),
    ("respectueuse", "respectueux"), ("ponctuelle", "ponctuel"), ("coquine", "coquin"),
    ("timide", "timide"), ("bavarde", "bavard"), ("zen", "zen"), ("gentille", "gentil"),
    ("classe", "classe"),
)
_AMBIANCES = (
    "ambiance zen et musique douce", "thé ou café offert", "douche à disposition",
    "serviettes propres et draps frais", "lumière tamisée", "boissons fraîches offertes",
    "terrasse avec vue sur la mer", "climatisation et parking", "cadre soigné et calme",
    "accueil en lingerie fine", "bougies et huiles parfumées", "résidence sécurisée",
)

# --------------------------------------------------------------------------
# Sentence banks. {nom} {age} {desc} {taille} {silh} {cheveux} {yeux} {traits}
# {amb} {h1} {h2} are filled per person; {lieu} {tel} {debut} {fin} per ad.
# Masculine variants after "|" where grammar differs.
# --------------------------------------------------------------------------

_FR = {
    "greet": ("Bonjour", "Bonjour messieurs", "Coucou", "Hello", "Bonsoir", "Salut à tous",
              "Bienvenue", "Coucou les gentlemen", "Bonjour à tous", "Hello messieurs"),
    "intro": (
        "je suis {nom}, {desc} de {age} ans",
        "moi c'est {nom}, {desc}",
        "je m'appelle {nom} et j'ai {age} ans",
        "je suis {nom}, une {desc} pleine de charme|je suis {nom}, un {desc} plein de charme",
        "c'est {nom}, {age} ans, {desc}",
        "ici {nom}, {desc} naturelle et souriante|ici {nom}, {desc} naturel et souriant",
        "je me présente : {nom}, {desc}",
        "{nom}, {desc} de {age} ans, pour vous servir",
        "je suis {nom}, {age} ans, nouvelle dans la région|je suis {nom}, {age} ans, nouveau dans la région",
        "votre {desc} préférée, {nom}|votre {desc} préféré, {nom}",
    ),
    "intro3": (
        "{nom} est une {desc} de {age} ans|{nom} est un {desc} de {age} ans",
        "Nouvelle arrivée : {nom}, {desc}, {age} ans|Nouvel arrivant : {nom}, {desc}, {age} ans",
        "{nom} vous reçoit, {desc} de {age} ans",
        "Découvrez {nom}, {desc} de {age} ans",
        "Notre charmante {nom} est là pour vous|Notre charmant {nom} est là pour vous",
        "Elle s'appelle {nom}, {age} ans, {desc}|Il s'appelle {nom}, {age} ans, {desc}",
        "Voici {nom}, {desc} raffinée de {age} ans|Voici {nom}, {desc} raffiné de {age} ans",
    ),
    "traits": ("{traits}", "je suis {traits}", "on me dit {traits}",
               "{traits}, je saurai vous mettre à l'aise"),
    "traits3": ("Elle est {traits}|Il est {traits}", "{traits}, elle saura vous mettre à l'aise|{traits}, il saura vous mettre à l'aise"),
    "phys": ("je mesure {taille}, silhouette {silh}", "{taille}, silhouette {silh}, yeux {yeux}",
             "cheveux {chev}, yeux {yeux}, {taille}", "silhouette {silh} et yeux {yeux}"),
    "phys3": ("Elle mesure {taille}, silhouette {silh}|Il mesure {taille}, silhouette {silh}",
              "{taille}, silhouette {silh}, yeux {yeux}", "Taille {taille}, cheveux {chev}, yeux {yeux}"),
    "offre": (
        "je vous propose un moment de détente en toute discrétion",
        "je vous offre un agréable moment de complicité",
        "je propose ma compagnie pour un moment de douceur",
        "pour partager un instant de détente et de bonne humeur",
        "je serai votre parenthèse de détente après une longue journée",
        "massages relaxants et moments de détente",
        "je vous accompagne pour vos dîners et soirées",
        "moment de tendresse et de complicité assuré",
        "je propose mes services de compagnie aux hommes respectueux",
        "pour un moment hors du temps, sans prise de tête",
        "idéale pour décompresser après le travail|idéal pour décompresser après le travail",
        "je vous réserve un accueil chaleureux et un moment inoubliable",
        "je propose un moment de détente complice, GFE possible",
        "détente et compagnie pour messieurs de passage sur la Côte",
    ),
    "offre3": (
        "Elle vous propose un moment de détente en toute discrétion|Il vous propose un moment de détente en toute discrétion",
        "Elle vous offre un agréable moment de complicité|Il vous offre un agréable moment de complicité",
        "Compagnie agréable pour dîners, soirées et moments de détente",
        "Un moment de douceur et de complicité vous attend",
        "Elle saura vous faire passer un moment inoubliable|Il saura vous faire passer un moment inoubliable",
    ),
    "lieu": (
        "je reçois dans un appartement discret et climatisé à {lieu}",
        "je vous reçois dans un cadre propre et calme, {lieu}",
        "je me déplace à votre hôtel ou domicile sur {lieu} et alentours",
        "reçois et me déplace sur {lieu}",
        "appartement privé à {lieu}, parking facile",
        "je reçois près de la gare, {lieu}",
        "à deux pas de la mer, {lieu}",
        "déplacements uniquement, hôtels et domiciles secteur {lieu}",
        "je reçois en toute discrétion, quartier calme de {lieu}",
        "incall et outcall sur {lieu}",
    ),
    "lieu3": (
        "Elle reçoit dans un appartement discret à {lieu}|Il reçoit dans un appartement discret à {lieu}",
        "Déplacements hôtels sur {lieu} et toute la Côte",
        "Appartement climatisé à {lieu}, incall et outcall",
        "Rendez-vous à {lieu} dans un cadre discret",
    ),
    "cond": (
        "pas de numéros masqués", "les appels masqués et les sms resteront sans réponse",
        "appels uniquement, pas de sms", "hygiène et respect exigés",
        "merci de m'appeler 30 minutes avant", "réservé aux hommes courtois et respectueux",
        "sur rendez-vous uniquement", "pas de mails ni de fixes",
        "je ne réponds pas aux appels masqués", "discrétion assurée et demandée",
        "messieurs impolis s'abstenir", "sms acceptés, réponse rapide",
    ),
    "dispo": (
        "disponible du lundi au samedi de {h1}h à {h2}h", "dispo tous les jours de {h1}h à {h2}h",
        "disponible en journée et en soirée", "disponible 24h/24 et 7j/7",
        "disponible uniquement le soir", "dispo le week-end",
        "disponible tous les jours sauf le dimanche", "disponible de {h1}h à {h2}h",
    ),
    "photos": ("photos réelles", "mes photos sont 100% vraies", "photos récentes et vérifiées",
               "aucune mauvaise surprise, photos authentiques", "photos non retouchées"),
    "amb": ("{amb}", "chez moi : {amb}"),
    "close": ("bisous", "à très vite", "à bientôt", "au plaisir de vous rencontrer",
              "je vous attends", "n'hésitez pas à m'appeler", "kiss", "bises",
              "au plaisir", "je vous embrasse"),
    "contact": ("appelez-moi au {tel}", "mon numéro : {tel}", "tél {tel}", "contact {tel}",
                "appelle-moi : {tel}", "joignable au {tel}", "uniquement par téléphone au {tel}"),
    "passage": (
        "de passage à {lieu} pour quelques jours seulement",
        "nouvelle à {lieu}, de passage jusqu'au {fin}|nouveau à {lieu}, de passage jusqu'au {fin}",
        "en vacances sur la Côte d'Azur, présente à {lieu} du {debut} au {fin}|en vacances sur la Côte d'Azur, présent à {lieu} du {debut} au {fin}",
        "je suis à {lieu} seulement cette semaine",
        "première fois à {lieu}, ne me ratez pas",
        "de passage dans votre ville pour une semaine",
        "présente sur le secteur pour toute la saison|présent sur le secteur pour toute la saison",
    ),
    "passage3": (
        "De passage à {lieu} du {debut} au {fin} seulement",
        "Nouvelle sur {lieu} pour quelques jours|Nouveau sur {lieu} pour quelques jours",
        "En tournée sur la Côte d'Azur : {lieu} jusqu'au {fin}",
        "Présente à {lieu} cette semaine uniquement|Présent à {lieu} cette semaine uniquement",
    ),
    "vers": ("pour messieurs", "pour hommes et couples", "hommes uniquement",
             "pour femmes et couples", "messieurs et dames bienvenus"),
}
_EN = {
    "greet": ("Hello gentlemen", "Hi", "Hello", "Welcome", "Hi guys"),
    "intro": ("I am {nom}, {desc}, {age} years old", "my name is {nom}, {desc}",
              "I'm {nom}, a {desc} of {age}", "this is {nom}, {age}, {desc}"),
    "intro3": ("{nom} is a {desc}, {age} years old", "Meet {nom}, {desc}, {age}",
               "New girl {nom}, {age} years old, {desc}|New boy {nom}, {age} years old, {desc}"),
    "traits": ("{traits}",), "traits3": ("She is {traits}|He is {traits}",),
    "phys": ("{taille}, {silh} body", "{taille}, {cheveux} hair"),
    "phys3": ("Height {taille}, {cheveux} hair", "{taille}, {silh} body"),
    "offre": ("I offer a relaxing moment in total discretion", "perfect companion for dinners and events",
              "GFE, sweet and friendly company", "let me make your stay on the Riviera unforgettable"),
    "offre3": ("She offers a relaxing moment in total discretion|He offers a relaxing moment in total discretion",
               "Perfect companion for dinners, events and private moments",
               "High level escort, GFE and social time"),
    "lieu": ("incall in a private flat in {lieu}", "outcall to hotels in {lieu}",
             "incall and outcall, {lieu}", "nice apartment near the sea in {lieu}"),
    "lieu3": ("Incall and outcall in {lieu}", "Outcall to all hotels of {lieu} and Monaco",
              "Private apartment in {lieu}"),
    "cond": ("no hidden numbers", "calls only, no sms", "respect and hygiene required",
             "booking 30 minutes before"),
    "dispo": ("available 24/7", "available from {h1} to {h2}", "available day and night"),
    "photos": ("real photos", "100% real pictures"),
    "amb": ("{amb}",),
    "close": ("kisses", "see you soon", "call me", "xoxo"),
    "contact": ("call me {tel}", "phone {tel}", "whatsapp {tel}"),
    "passage": ("only a few days in {lieu}", "visiting {lieu} from {debut} to {fin}",
                "new in town for one week", "on holiday on the Riviera until {fin}"),
    "passage3": ("Tour dates: {lieu} from {debut} to {fin}", "Only a few days in {lieu}",
                 "Visiting the French Riviera until {fin}"),
    "vers": ("gentlemen only", "for men and couples"),
}
_IT = {
    "greet": ("Ciao", "Ciao a tutti", "Buongiorno"),
    "intro": ("sono {nom}, {desc} di {age} anni", "mi chiamo {nom}, {desc}"),
    "intro3": ("{nom} è una {desc} di {age} anni|{nom} è un {desc} di {age} anni",
               "Nuova ragazza {nom}, {age} anni|Nuovo ragazzo {nom}, {age} anni"),
    "traits": ("{traits}",), "traits3": ("Lei è {traits}|Lui è {traits}",),
    "phys": ("alta {taille}, capelli {cheveux}|alto {taille}, capelli {cheveux}",),
    "phys3": ("Alta {taille}, capelli {cheveux}|Alto {taille}, capelli {cheveux}",),
    "offre": ("ti offro un momento di relax in totale discrezione", "compagnia dolce e raffinata"),
    "offre3": ("Momento di relax e compagnia in totale discrezione",),
    "lieu": ("ricevo in appartamento riservato a {lieu}", "mi sposto in hotel a {lieu}"),
    "lieu3": ("Riceve in appartamento riservato a {lieu}",),
    "cond": ("no numeri privati", "solo chiamate"),
    "dispo": ("disponibile tutti i giorni", "disponibile 24 ore su 24"),
    "photos": ("foto reali",),
    "amb": ("{amb}",),
    "close": ("baci", "a presto", "chiamami"),
    "contact": ("chiamami al {tel}", "tel {tel}"),
    "passage": ("di passaggio a {lieu} per pochi giorni", "a {lieu} dal {debut} al {fin}"),
    "passage3": ("Di passaggio a {lieu} solo pochi giorni", "A {lieu} dal {debut} al {fin}"),
    "vers": ("solo uomini",),
}
_ES = {
    "greet": ("Hola", "Hola chicos", "Hola amor"),
    "intro": ("soy {nom}, {desc} de {age} años", "me llamo {nom}, {desc}"),
    "intro3": ("{nom} es una {desc} de {age} años|{nom} es un {desc} de {age} años",
               "Nueva chica {nom}, {age} años|Nuevo chico {nom}, {age} años"),
    "traits": ("{traits}",), "traits3": ("Ella es {traits}|Él es {traits}",),
    "phys": ("mido {taille}, pelo {cheveux}",),
    "phys3": ("Mide {taille}, pelo {cheveux}",),
    "offre": ("te ofrezco un momento de relax con total discreción", "compañía dulce y cariñosa"),
    "offre3": ("Momento de relax y compañía con total discreción",),
    "lieu": ("recibo en apartamento privado en {lieu}", "salidas a hoteles en {lieu}"),
    "lieu3": ("Recibe en apartamento privado en {lieu}",),
    "cond": ("no números ocultos", "solo llamadas"),
    "dispo": ("disponible 24 horas", "disponible todos los días"),
    "photos": ("fotos reales",),
    "amb": ("{amb}",),
    "close": ("besos", "hasta pronto", "llámame"),
    "contact": ("llámame al {tel}", "tel {tel}"),
    "passage": ("de paso por {lieu} pocos días", "en {lieu} del {debut} al {fin}"),
    "passage3": ("De paso por {lieu} solo unos días", "En {lieu} del {debut} al {fin}"),
    "vers": ("solo caballeros",),
}
_BANKS = {"fr": _FR, "en": _EN, "it": _IT, "es": _ES}
_TRAIT_LANG = {
    "en": ("sweet", "smiling", "refined", "discreet", "elegant", "natural", "warm", "playful",
           "cultured", "friendly", "fun", "classy"),
    "it": ("dolce", "sorridente", "raffinata", "discreta", "elegante", "simpatica", "solare"),
    "es": ("dulce", "sonriente", "cariñosa", "discreta", "elegante", "simpática", "alegre"),
}

_TITLES_FR = (
    "{nom}, {desc} à {lieu}", "{Desc} {lieu}", "{nom} {age} ans", "{Desc}, {age} ans",
    "Moment de détente avec {nom}", "{nom} - {lieu}", "{Desc} de passage",
    "Nouvelle à {lieu}|Nouveau à {lieu}", "Douce compagnie sur {lieu}", "{nom}, {desc}",
    "{Desc} pour moment agréable", "Détente et complicité {lieu}", "{nom} 06",
    "{Desc} disponible", "Massage relaxant {lieu}", "{nom} vous attend",
)
_TITLES_EN = ("{nom}, {desc} in {lieu}", "{Desc} {lieu}", "{nom} new in {lieu}",
              "{Desc}, {age}")
_TITLES_IT = ("{nom} {desc} a {lieu}", "{Desc} {lieu}")
_TITLES_ES = ("{nom} {desc} en {lieu}", "{Desc} {lieu}")
_TITLES = {"fr": _TITLES_FR, "en": _TITLES_EN, "it": _TITLES_IT, "es": _TITLES_ES}
_AD_EXTRAS = ("Nouvelles photos", "Dispo ce soir", "De retour", "Dispo dès maintenant",
              "Nouveau numéro", "Ce week-end uniquement", "Dernier jour")

# Personal spelling habits (the report's « mêmes fautes »), applied to French text.
_TYPOS = (
    ("appelez-moi", "appeler moi"), ("rendez-vous", "rdv"), ("messieurs", "mrs"),
    ("disponible", "dispo"), ("n'hésitez", "hésitez"), ("quelques", "quelque"),
    ("discrète", "discrete"), ("très", "tres"), ("numéros", "numero"),
    ("appartement", "appart"), ("climatisé", "climatiser"), ("réelles", "réel"),
    ("week-end", "weekend"), ("à très", "a très"), ("je suis", "jsuis"),
    ("vous ", "vs "), ("détente", "detente"), ("moment", "momment"),
    ("hôtel", "hotel"), ("respectueux", "respecteux"), ("agréable", "agreable"),
    ("complicité", "complicitée"), ("discrétion", "discretion"), ("sms", "SMS"),
)
_SEPARATORS = (". ", ". ", ". ", " ! ", "... ", " - ", " . ", ". ")

# --------------------------------------------------------------------------
# Phones
# --------------------------------------------------------------------------

_N_NUMBERS = 60_000


def _number(i: int) -> str:
    return FICTION_PREFIXES[i // 10_000] + f"{i % 10_000:04d}"


def _fmt_phone(num: str, style: int) -> str:
    a, b, c, d, e = num[0:2], num[2:4], num[4:6], num[6:8], num[8:10]
    if style == 0:
        return f"{a} {b} {c} {d} {e}"
    if style == 1:
        return num
    if style == 2:
        return f"{a}.{b}.{c}.{d}.{e}"
    if style == 3:
        return f"{a}-{b}-{c}-{d}-{e}"
    if style == 4:
        return f"+33 {num[1]} {b} {c} {d} {e}"
    if style == 5:
        return "+33" + num[1:]
    if style == 6:
        return f"0033 {num[1]} {b} {c} {d} {e}"
    if style == 7:
        return f"{a} {b} {c} {d} {e} (appels uniquement)"
    if style == 8:
        return f"{a}/{b}/{c}/{d}/{e}"
    if style == 9:
        return f"{num[0:3]} {num[3:6]} {num[6:8]} {num[8:10]}"
    if style == 10:
        return f"{a} {b} {c} {d}{e}"
    if style == 11:
        return f"{a}{b}{c}{d}{e} sms ok"
    if style == 12:
        return " ".join(num)  # spaced out digit by digit (texts)
    # 13: letter O for the zeros (texts, to slip past filters)
    return f"{a} {b} {c} {d} {e}".replace("0", "O")


_FIELD_STYLES = (0, 0, 0, 1, 1, 2, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11)
_TEXT_STYLES = (0, 0, 1, 2, 2, 3, 4, 12, 13, 9)


# --------------------------------------------------------------------------
# The world
# --------------------------------------------------------------------------

_KINDS = ("resident", "occasionnelle", "passage", "reseau")
_NET_KINDS = ("agence", "tournee", "local", "salon")
_NET_KIND_W = (0.18, 0.37, 0.30, 0.15)
NET_SHARE = 0.30
_TOUR_TOWNS = ("06088", "06029", "06004", "06027", "06123", "06083", "06012", "06079",
               "06030", "06161", "06155", "06069", "06032", "06085")
_TOUR_TOWN_W = (30, 20, 10, 4, 3, 4, 4, 3, 3, 2, 2, 2, 1.5, 1.5)
_AGENCY_TOWNS = ("06029", "06088", "06004", "06012", "06121", "06032", "06085", "06079")
_AGENCY_TOWN_W = (30, 28, 10, 10, 4, 5, 3, 3)
_MOIS = ("janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août",
         "septembre", "octobre", "novembre", "décembre")


class _Net:
    __slots__ = ("idx", "nid", "kind", "a", "b", "lang", "bilingual", "third", "template",
                 "typos", "sep", "phone_mode", "house", "circuit", "group", "base",
                 "edits", "phones", "sites", "members", "run", "title_pats", "field_style",
                 "text_style", "tel_in_text", "circuit_w", "itin")


class _Person:
    __slots__ = ("idx", "pid", "kind", "net", "gender", "lang", "third", "origin", "hair",
                 "silh", "taille", "yeux", "traits", "amb", "h1", "h2", "segments",
                 "homes", "second", "sites", "rate", "k", "identities",
                 "leases", "phones", "no_phone", "field_style", "text_style", "tel_in_text",
                 "commune_habit", "slots", "typos", "sep", "case",
                 "edits", "title_pats", "age_show", "show_origin", "desc_adj",
                 "alias", "net_rank", "english_extra", "excl", "whatsapp")


class _World:
    def __init__(self, n_ads: int, seed: int):
        self.n = n_ads
        self.seed = seed
        self.P = persons_for_ads(n_ads)
        self.D = collection_days(n_ads)
        self.np = np.random.default_rng(seed)
        self.r = random.Random(int(self.np.integers(2**62)))
        self.dates = [REPORT_START + timedelta(days=i) for i in range(self.D + 3)]
        self.date_str = [d.isoformat() for d in self.dates]
        self._build_calendar()
        self._build_sites()

    # ---------------- calendar ----------------
    def _build_calendar(self):
        D = self.D
        secteurs = ("littoral", "moyen-pays", "haut-pays", "ski")
        self.season = {s: [_season(self.dates[d], s) for d in range(D)] for s in secteurs}
        self.town_factor = {}
        for c in COMMUNES:
            base = self.season[c.secteur]
            self.town_factor[c.insee] = [base[d] * _event_factor(self.dates[d], c.insee)
                                         for d in range(D)]
        self.town_max = {k: max(v) for k, v in self.town_factor.items()}

    # ---------------- sites ----------------
    def _build_sites(self):
        """Epochs of each site slot: (start, end, name). Successors take the slot."""
        r = self.r
        used = {s.name for s in SITES}
        self.site_epochs = []
        for s in SITES:
            epochs = []
            start = -r.randint(30, 900)
            name = s.name
            big = s.weight >= 5.0
            median = 1500 if big else 420
            end = start + int(math.exp(math.log(median) + 0.6 * r.gauss(0, 1)))
            if end < REPORT_DAYS:  # the report's sites all lived through its window
                end = REPORT_DAYS + int(self.lognormal(median * 0.5, 0.8))
            while True:
                epochs.append((start, end, name))
                if end >= self.D:
                    break
                start = end
                end = start + max(60, int(math.exp(math.log(median) + 0.6 * r.gauss(0, 1))))
                while True:
                    cand = (f"{r.choice(_NAME_WORDS_A)}-{r.choice(_NAME_WORDS_B)}"
                            f"{r.choice(('', '', str(r.randint(2, 99))))}.example")
                    if cand not in used:
                        used.add(cand)
                        break
                name = cand
            self.site_epochs.append(epochs)
        self.site_epoch_starts = [[e[0] for e in ep] for ep in self.site_epochs]
        self.kind_slots = {}
        for s in SITES:
            if s.weight > 0:
                self.kind_slots.setdefault(s.kind, []).append(s.slot)
        self.kind_cum = {
            k: (v, list(np.cumsum([SITES[i].weight for i in v])))
            for k, v in self.kind_slots.items()
        }

    def site_name(self, slot: int, day: int) -> str:
        i = bisect.bisect_right(self.site_epoch_starts[slot], day) - 1
        return self.site_epochs[slot][max(i, 0)][2]

    # ---------------- helpers ----------------
    def pick_slot(self, kind: str) -> int:
        slots, cum = self.kind_cum[kind]
        return self.r.choices(slots, cum_weights=cum)[0]

    def lognormal(self, median: float, sigma: float) -> float:
        return math.exp(math.log(median) + sigma * self.r.gauss(0.0, 1.0))

    def name_from(self, pool: str) -> str:
        names, cum = _NAME_CUM[pool]
        return self.r.choices(names, cum_weights=cum)[0]

    def clip(self, segs):
        out = []
        for a, b, town in segs:
            a2, b2 = max(a, 0), min(b, self.D)
            if b2 > a2:
                out.append((a2, b2, town))
        return out

    # ---------------- networks ----------------
    def build_networks(self):
        r = self.r
        quota = round(NET_SHARE * self.P)
        nets = []
        total = 0
        while total < quota:
            kind = r.choices(_NET_KINDS, weights=_NET_KIND_W)[0]
            net = _Net()
            net.idx = len(nets)
            net.nid = ""
            net.kind = kind
            L = min(2500.0, max(30.0, self.lognormal(240, 0.9)))
            s = r.randint(int(-L) + 1, self.D - 1)
            net.a, net.b = max(0, s), min(self.D, s + int(L))
            if net.b <= net.a:
                net.b = net.a + 1
            months = (net.b - net.a) / 30.0
            if kind == "agence":
                size = 3 + self._poisson(1.2 * months)
            elif kind == "tournee":
                size = 2 + self._poisson(1.5 * months)
            elif kind == "local":
                size = min(6, 2 + self._poisson(0.12 * months))
            else:
                size = 2 + self._poisson(0.7 * months)
            size = min(size, quota - total) if quota - total >= 2 else quota - total
            if size <= 0:
                break
            net.members = [None] * size
            total += size
            self._setup_network(net)
            nets.append(net)
        for i, net in enumerate(nets):
            net.nid = f"R{i + 1:05d}"
        self.nets = nets
        return total

    def _poisson(self, lam: float) -> int:
        if lam <= 0:
            return 0
        if lam > 30:
            return max(0, int(round(self.r.gauss(lam, math.sqrt(lam)))))
        L, k, p = math.exp(-lam), 0, 1.0
        while True:
            p *= self.r.random()
            if p <= L:
                return k
            k += 1

    def _setup_network(self, net: _Net):
        r = self.r
        kind = net.kind
        if kind == "agence":
            net.group = r.choice(("east", "east", "latam", "mixed", "mixed"))
            x = r.random()
            net.lang, net.bilingual = ("fr", True) if x < 0.5 else (("en", False) if x < 0.8 else ("fr", False))
            net.third = r.random() < 0.8
            net.phone_mode = r.choice(("standard", "standard", "bloc", "individuel"))
            net.sites = [_SOURCE_SLOT["vip"] if r.random() < 0.5 else self.pick_slot("escort"),
                         self.pick_slot("escort")]
            if r.random() < 0.5:
                net.sites.append(SITES[12].slot)  # elite-tour directory
            net.circuit = _AGENCY_TOWNS
        elif kind == "tournee":
            net.group = r.choices(("east", "latam", "asia", "italy"), weights=(4, 4, 2, 1.5))[0]
            lang_w = {"east": (("fr", 0.6), ("en", 0.4)), "latam": (("fr", 0.65), ("es", 0.35)),
                      "asia": (("fr", 0.8), ("en", 0.2)), "italy": (("it", 0.6), ("fr", 0.4))}[net.group]
            net.lang = r.choices([l for l, _ in lang_w], weights=[w for _, w in lang_w])[0]
            net.bilingual = net.lang != "fr" and r.random() < 0.3
            net.third = r.random() < 0.55
            net.phone_mode = r.choice(("standard", "bloc", "bloc", "individuel"))
            net.sites = [self.pick_slot("escort"), self.pick_slot("escort")]
            if r.random() < 0.5:
                net.sites.append(self.pick_slot("petites"))
            k = r.randint(3, 5)
            towns = set()
            while len(towns) < k:
                towns.add(r.choices(_TOUR_TOWNS, weights=_TOUR_TOWN_W)[0])
            net.circuit = tuple(t for t in _TOUR_TOWNS if t in towns)
        elif kind == "local":
            net.group = r.choice(("france", "france", "france", "east", "africa", "latam"))
            net.lang = "fr"
            net.bilingual = False
            net.third = r.random() < 0.5
            net.phone_mode = r.choice(("bloc", "bloc", "standard", "individuel"))
            net.sites = [self.pick_slot("petites")]
            if r.random() < 0.5:
                net.sites.append(_SOURCE_SLOT["date"])
            if r.random() < 0.4:
                net.sites.append(self.pick_slot("escort"))
            net.circuit = (self._home_town(),)
        else:  # salon
            net.group = "asia"
            net.lang = "fr"
            net.bilingual = False
            net.third = r.random() < 0.7
            net.phone_mode = "standard"
            net.sites = [SITES[17].slot, self.pick_slot("petites")]
            net.circuit = (r.choices(("06088", "06029", "06004", "06083", "06027", "06069"),
                                     weights=(40, 20, 12, 8, 8, 6))[0],)
        net.base = net.circuit[0]
        net.circuit_w = [_TOUR_TOWN_W[_TOUR_TOWNS.index(x)] if x in _TOUR_TOWNS
                         else (_AGENCY_TOWN_W[_AGENCY_TOWNS.index(x)] if x in _AGENCY_TOWNS
                               else 1.0) for x in net.circuit]
        # the itinerary planned by the network: stays in the towns of its circuit
        net.itin = []
        if kind in ("agence", "tournee"):
            t = net.a - r.randint(0, 10)
            while t < net.b:
                stay = r.randint(5, 15) if kind == "agence" else r.randint(3, 9)
                net.itin.append((t, t + stay, self._tour_town(t, net.circuit, net.circuit_w)))
                t += stay + (r.randint(5, 30) if kind == "agence" else r.randint(2, 20))
        net.house = []
        if kind in ("agence", "tournee") and r.random() < 0.3:
            pool = {"east": "east", "latam": "latam", "asia": "asia", "italy": "italy"}.get(net.group, "generic")
            net.house = [self.name_from(pool) for _ in range(r.randint(1, 3))]
        # template: the same text for all, with the network's mistakes
        net.template = self._compose_slots(
            net.lang, net.third, agency=(kind == "agence"),
            passage={"agence": 0.6, "tournee": 0.75}.get(kind, 0.0), salon=(kind == "salon"))
        net.typos = r.sample(range(len(_TYPOS)), r.randint(1, 3)) if net.lang == "fr" else []
        net.sep = r.choice(_SEPARATORS)
        net.edits = self._edit_days(net.a, net.b, 45.0)
        net.title_pats = r.sample(range(len(_TITLES[net.lang])), min(2, len(_TITLES[net.lang])))
        net.field_style = r.choice(_FIELD_STYLES)
        net.text_style = r.choice(_TEXT_STYLES)
        net.tel_in_text = r.random() < (0.5 if kind == "local" else 0.3)
        net.phones = []
        net.run = []

    def _home_town(self) -> str:
        return self.r.choices(self.home_codes, cum_weights=self.home_cum)[0]

    def _edit_days(self, a: int, b: int, mean_gap: float) -> list[int]:
        days, t = [], a
        while True:
            t += max(1, int(self.r.expovariate(1.0 / mean_gap)))
            if t >= b:
                return days
            days.append(t)

    # ---------------- text composition ----------------
    def _compose_slots(self, lang: str, third: bool, agency=False, passage=False, salon=False):
        """A list of (slot, variant) pairs: the skeleton of a text."""
        r = self.r
        bank = _BANKS[lang]
        suf = "3" if third else ""
        out = []

        def add(slot, p=1.0):
            if r.random() < p:
                out.append((slot, r.randrange(len(bank[slot]))))

        add("greet", 0.2 if third else 0.65)
        add("intro" + suf)
        add("traits" + suf, 0.75)
        add("phys" + suf, 0.9 if agency else 0.45)
        add("offre" + suf, 0.95)
        if passage:
            add("passage" + suf, passage)
        add("lieu" + suf, 0.85)
        add("amb", 0.5 if salon else 0.15)
        add("cond", 0.6)
        if r.random() < 0.3:
            add("cond")
        add("dispo", 0.6 if not agency else 0.9)
        add("photos", 0.3)
        add("vers", 0.08)
        add("close", 0.7)
        return out

    def _edit_skeleton(self, skel, lang: str, third: bool):
        """One re-edit: change a variant, drop or add a sentence, swap two."""
        r = self.r
        bank = _BANKS[lang]
        skel = list(skel)
        x = r.random()
        if x < 0.45 and skel:
            i = r.randrange(len(skel))
            slot = skel[i][0]
            skel[i] = (slot, r.randrange(len(bank[slot])))
        elif x < 0.65 and len(skel) > 3:
            i = r.randrange(1, len(skel))
            if not skel[i][0].startswith("intro"):
                del skel[i]
        elif x < 0.9:
            slot = r.choice(("cond", "dispo", "photos", "close", "amb", "traits" + ("3" if third else "")))
            new = (slot, r.randrange(len(bank[slot])))
            if all(sl != slot for sl, _ in skel):
                if slot == "close" or skel[-1][0] != "close":
                    skel.append(new)
                else:
                    skel.insert(r.randint(1, len(skel) - 1), new)
        elif len(skel) > 3:
            i = r.randrange(1, len(skel) - 1)
            skel[i], skel[i + 1] = skel[i + 1], skel[i]
        return skel

    # ---------------- persons ----------------
    def build_persons(self):
        r = self.r
        self.home_codes = [c.insee for c in COMMUNES]
        self.home_cum = list(np.cumsum([c.poids for c in COMMUNES]))
        n_net = self.build_networks()
        persons = []
        # network members first (their careers depend on the network's life)
        for net in self.nets:
            for rank in range(len(net.members)):
                p = self._new_person(len(persons), "reseau", net, rank)
                net.members[rank] = p
                persons.append(p)
        n_ind = self.P - n_net
        kinds = r.choices(("resident", "occasionnelle", "passage"), weights=(38, 20, 12), k=n_ind)
        for kind in kinds:
            persons.append(self._new_person(len(persons), kind, None, 0))
        # person ids in a shuffled order, so that ids say nothing about kinds
        order = list(range(len(persons)))
        r.shuffle(order)
        for new, i in enumerate(order):
            persons[i].pid = f"P{new + 1:06d}"
        self.persons = persons

    def _new_person(self, idx: int, kind: str, net: _Net | None, rank: int) -> _Person:
        r = self.r
        p = _Person()
        p.idx, p.kind, p.net, p.net_rank = idx, kind, net, rank
        # gender (IV-A-1: 84 / 7 / 9 of the persons presented)
        if net is None:
            p.gender = r.choices("FMT", weights=(81, 8, 11))[0]
        elif net.kind == "tournee" and net.group == "latam":
            p.gender = "T" if r.random() < 0.4 else "F"
        elif net.kind == "agence":
            p.gender = "T" if r.random() < 0.1 else "F"
        elif net.kind == "local":
            p.gender = "M" if r.random() < 0.05 else "F"
        else:
            p.gender = "F"
        # origin (IV-A-3)
        if net is None:
            if r.random() < 0.58:
                o = r.choices(ORIGINS, weights=[o.weight for o in ORIGINS])[0]
                if p.gender == "T" and r.random() < 0.6:
                    o = _ORIGIN_BY_KEY[r.choice(("br", "co", "ve", "ar", "py"))]
                p.origin = o.key
            else:
                p.origin = None
            p.show_origin = p.origin is not None
        else:
            grp = net.group
            if grp == "mixed":
                grp = r.choice(("east", "latam", "italy", "france"))
            keys = _ORIGIN_GROUP_KEYS.get(grp) or ("fr",)
            if grp == "africa":
                keys = ("cm", "ci", "ke", "ma")
            p.origin = r.choice(keys)
            p.show_origin = net.kind in ("agence", "tournee", "salon") or r.random() < 0.5
        # language
        if net is not None:
            p.lang = net.lang
            p.third = net.third
        else:
            p.third = r.random() < 0.03
            x = r.random()
            if p.origin == "it" and x < 0.35:
                p.lang = "it"
            elif p.origin in ("co", "ve", "ar", "cu", "mx", "py", "pr") and x < 0.12:
                p.lang = "es"
            elif x < 0.12 and kind in ("resident", "passage"):
                p.lang = "en"
            else:
                p.lang = "fr"
        p.english_extra = net is None and p.lang == "fr" and r.random() < 0.06
        # physical description
        p.hair = r.choices(range(4), weights=_HAIR_W)[0]
        if p.origin in ("cn", "th", "in", "ke", "cm", "ci", "br", "co", "ve", "cu", "mx", "ma", "lb"):
            p.hair = 0
        p.silh = r.randrange(len(SILHOUETTES))
        p.taille = f"1m{r.randint(52, 80) if p.gender != 'M' else r.randint(68, 92)}"
        p.yeux = r.choice(EYES)
        p.traits = r.sample(range(len(_TRAITS)), 3)
        p.amb = r.randrange(len(_AMBIANCES))
        p.h1 = r.choice((9, 10, 10, 11, 12, 14))
        p.h2 = r.choice((19, 20, 21, 22, 22, 23, 0))
        p.desc_adj = r.randrange(len(_ADJ_F))
        # schedule
        self._schedule(p)
        # identities: (from day, name, declared age base, pseudo style)
        true_age = 21 + min(40.0, r.gammavariate(2.2, 5.5))
        if net is not None and net.kind in ("agence", "tournee"):
            true_age = 20 + r.gammavariate(2.0, 3.5)
        shave = r.choices((0, 1, 2, 3, 5), weights=(50, 20, 15, 10, 5))[0]
        base_age = max(18, int(true_age) - shave)
        name = self._first_name(p)
        p.identities = [(-10**6, name, base_age, self._pseudo_style(p))]
        p.age_show = 1.0 if (net is not None and net.kind == "agence") else r.choice((0.3, 0.6, 0.8, 1.0, 1.0))
        p.alias = self._first_name(p) if (net is None and r.random() < 0.1) else None
        # sites
        self._choose_sites(p)
        # phones
        p.no_phone = net is None and r.random() < 0.08
        p.whatsapp = [] if (net is None and not p.no_phone and r.random() < 0.05) else None
        p.field_style = r.choice(_FIELD_STYLES)
        p.text_style = r.choice(_TEXT_STYLES)
        p.tel_in_text = r.random() < 0.25
        p.leases = []
        p.phones = []
        # writing
        if net is None:
            p.slots = self._compose_slots(p.lang, p.third,
                                          passage=0.8 if kind == "passage" else 0.0)
            if kind == "resident" and r.random() < 0.04:
                p.slots.insert(min(len(p.slots), 3), ("passage", r.randrange(len(_BANKS[p.lang]["passage"]))))
            p.typos = r.sample(range(len(_TYPOS)), r.choice((0, 0, 1, 1, 2, 3))) if p.lang == "fr" else []
            p.sep = r.choice(_SEPARATORS)
            p.case = r.choices(("normal", "lower", "upper"), weights=(90, 7, 3))[0]
            a0 = p.segments[0][0]
            b0 = p.segments[-1][1]
            p.edits = self._edit_days(a0, b0, 30.0)
            pats = _TITLES[p.lang]
            p.title_pats = r.sample(range(len(pats)), min(len(pats), r.randint(1, 3)))
        else:
            p.slots, p.typos, p.sep, p.case, p.edits = None, net.typos, net.sep, "normal", []
            p.title_pats = net.title_pats
        p.excl = r.random() < 0.1
        # commune typing habit
        p.commune_habit = r.choices(
            ("officiel", "minuscules", "majuscules", "sans_accents", "cp", "cp_nom",
             "quartier", "abrev", "faute", "etranger", "vide", "dept"),
            weights=(30, 9, 6, 8, 5, 8, 12, 6, 4, 2, 7, 3))[0]
        return p

    def _first_name(self, p: _Person) -> str:
        r = self.r
        if p.gender == "M":
            return self.name_from("male")
        if p.gender == "T" and r.random() < 0.5:
            return self.name_from("trans")
        o = _ORIGIN_BY_KEY.get(p.origin) if p.origin else None
        if o is not None and o.group != "generic" and r.random() < 0.6:
            return self.name_from(o.group)
        return self.name_from("generic")

    def _pseudo_style(self, p: _Person) -> int:
        w = [55, 10, 6, 5, 5, 3, 3, 4, 3, 3, 2, 6 if p.gender == "T" else 0]
        return self.r.choices(range(12), weights=w)[0]

    def _pseudo(self, name: str, style: int, town: str, age: int, gender: str) -> str:
        if style == 0:
            return name
        if style == 1:
            return name.lower()
        if style == 2:
            return name.upper()
        if style == 3:
            return name + "06"
        if style == 4:
            return name + _pseudo_tag(town)
        if style == 5:
            return ("Miss " if gender != "M" else "Mister ") + name
        if style == 6:
            return name + (" New" if gender != "M" else " Nouveau")
        if style == 7:
            return f"{name}{age}"
        if style == 8:
            return name + name[-1]
        if style == 9:
            return f"{name}_{'douce' if gender != 'M' else 'doux'}"
        if style == 10:
            return ("Lady " if gender != "M" else "Sir ") + name
        return name + " TS"

    # ---------------- schedules ----------------
    def _schedule(self, p: _Person):
        """Active segments (a, b, town or None) within the window."""
        r, D = self.r, self.D
        p.second = None
        p.homes = None
        net = p.net
        for _attempt in range(30):
            segs = []
            if net is None and p.kind == "resident":
                home = self._home_town()
                p.homes = [(-10**6, home)]
                if r.random() < 0.15:
                    p.second = r.choices(_TOUR_TOWNS, weights=_TOUR_TOWN_W)[0]
                if D > 200 and r.random() < 0.10:
                    # seasonal: summers only, coming back each year
                    L = int(min(2000.0, max(400.0, self.lognormal(700, 0.4))))
                    s = r.randint(-L + 1, D - 1)
                    for y in range(self.dates[0].year, self.dates[D - 1].year + 1):
                        a = (date(y, 6, r.randint(1, 25)) - REPORT_START).days
                        b = (date(y, 9, r.randint(5, 30)) - REPORT_START).days
                        a, b = max(a, s), min(b, s + L)
                        if b > a:
                            segs.append((a, b, None))
                else:
                    L = int(min(2500.0, max(20.0, self.lognormal(150, 1.0))))
                    s = r.randint(-L + 1, D - 1)
                    segs = [(s, s + L, None)]
                    for _ in range(self._poisson(L / 200.0)):
                        pa = r.randint(s, s + L - 1)
                        pl = r.randint(10, 40)
                        segs = _cut(segs, pa, pa + pl)
                if r.random() < min(0.6, L / 900.0):
                    mv = r.randint(max(0, s), max(0, min(D - 1, s + L - 1)))
                    p.homes.append((mv, self._home_town()))
            elif net is None and p.kind == "occasionnelle":
                home = self._home_town()
                p.homes = [(-10**6, home)]
                L = int(min(200.0, max(1.0, self.lognormal(12, 0.9))))
                s = r.randint(-L + 1, D - 1)
                segs = [(s, s + L, None)]
            elif net is None:  # independent « de passage »
                L = int(min(1500.0, max(5.0, self.lognormal(120, 0.8))))
                s = r.randint(-L + 1, D - 1)
                t = s
                while t < s + L:
                    stay = r.randint(3, 10)
                    segs.append((t, t + stay, self._tour_town(t, _TOUR_TOWNS, _TOUR_TOWN_W)))
                    t += stay + r.randint(20, 90)
            else:
                segs = self._member_segments(p, net)
            segs = self.clip(segs)
            if segs:
                p.segments = segs
                return
        # fall back: one day somewhere in the window (or in the network's life)
        a = r.randint(net.a, net.b - 1) if net is not None else r.randrange(D)
        town = net.base if net is not None else None
        if p.homes is None:
            p.homes = [(-10**6, self._home_town())]
        p.segments = [(a, a + 1, town)]

    def _tour_town(self, day: int, towns, weights) -> str:
        d = min(max(day, 0), self.D - 1)
        w = [wt * self.town_factor[t][d] for t, wt in zip(towns, weights)]
        return self.r.choices(towns, weights=w)[0]

    def _member_segments(self, p: _Person, net: _Net):
        r = self.r
        a, b = net.a, net.b
        kind = net.kind
        med = {"agence": 45, "tournee": 60, "local": 240, "salon": 40}[kind]
        L = int(max(3.0, self.lognormal(med, 0.7)))
        s = r.randint(a - (L // 3 if kind == "local" else 0), b - 1)
        e = min(b, s + L)
        segs = []
        if kind in ("agence", "tournee"):
            # members follow the network's itinerary, often several at a time
            cand = [st for st in net.itin if st[1] > s and st[0] < e]
            segs = [st for st in cand if r.random() < 0.6]
            if not segs:
                segs = [min(net.itin, key=lambda st: abs(st[0] - s))]
        else:
            segs = [(s, e, net.base)]
            if kind == "local":
                for _ in range(self._poisson(L / 240.0)):
                    pa = r.randint(s, max(s, e - 1))
                    segs = _cut(segs, pa, pa + r.randint(7, 25))
        return segs

    # ---------------- sites of a person ----------------
    def _choose_sites(self, p: _Person):
        r = self.r
        if p.net is not None:
            p.sites = list(p.net.sites)
        else:
            if p.kind == "resident":
                w = (0.64, 0.22, 0.10, 0.04) if p.gender != "M" else (0.2, 0.5, 0.3, 0.0)
                n = 1 + (r.random() < 0.35) + (r.random() < 0.35)
            elif p.kind == "occasionnelle":
                w = (0.45, 0.37, 0.18, 0.0)
                n = 1 + (r.random() < 0.2)
            else:
                w = (0.78, 0.17, 0.05, 0.0)
                n = 1 + (r.random() < 0.4)
            kinds = r.choices(("escort", "petites", "rencontre", "massage"), weights=w, k=n)
            p.sites = []
            for k in kinds:
                sl = self.pick_slot(k)
                if sl not in p.sites:
                    p.sites.append(sl)
        if p.net is not None:
            base = {"agence": 0.6, "tournee": 0.7, "local": 0.2, "salon": 0.35}[p.net.kind]
        else:
            base = {"resident": 0.12, "occasionnelle": 0.25, "passage": 0.5}[p.kind]
        p.rate = base * self.lognormal(1.0, 0.6)

    def _mirror_factor(self, p: _Person) -> float:
        f = 0.0
        for sl in p.sites:
            fam = SITES[sl].family
            f += 1.0 + (MIRROR_COPY * len(_MIRROR_SLOTS[fam]) if fam else 0.0)
        return f / len(p.sites)

    # ---------------- counts ----------------
    def allocate_counts(self):
        P, n = self.P, self.n
        act = np.array([sum(b - a for a, b, _ in p.segments) for p in self.persons], float)
        fac = np.array([self._mirror_factor(p) for p in self.persons])
        rate = np.array([p.rate for p in self.persons])
        lam = rate * act * fac
        cap = np.minimum(np.ceil(POSTINGS_PER_DAY_MAX * act * fac) + 1,
                         MAX_ADS_PER_PERSON).astype(np.int64)
        k = np.ones(P, np.int64)
        extra = n - P
        w = lam.copy()
        for _ in range(50):
            if extra <= 0:
                break
            room = cap - k
            w = np.where(room > 0, lam, 0.0)
            if w.sum() <= 0:
                w = np.where(room > 0, 1.0, 0.0)
                if w.sum() <= 0:  # every cap reached: lift the caps a little
                    cap = cap + 1
                    continue
            add = self.np.multinomial(extra, w / w.sum())
            add = np.minimum(add, room)
            k += add
            extra = n - int(k.sum())
        for p, kk in zip(self.persons, k):
            p.k = int(kk)
        self.active_days = act

    # ---------------- events ----------------
    def build_events(self):
        """Per person: sorted list of (day, slot, mirror_of_slot or -1)."""
        r = self.r
        D = self.D
        self.events = []
        for p in self.persons:
            ev = []
            segs = p.segments
            lens = [b - a for a, b, _ in segs]
            tot = sum(lens)
            cum = list(np.cumsum(lens)) if len(segs) > 1 else [tot]
            weights_site = [SITES[s].weight or 1.0 for s in p.sites]
            k = p.k
            while len(ev) < k:
                # a posting day, favouring the season and the events of its town
                for _try in range(6):
                    u = r.randrange(tot)
                    j = bisect.bisect_right(cum, u) if len(segs) > 1 else 0
                    a, b, town = segs[j]
                    day = a + (u - (cum[j - 1] if j > 0 else 0))
                    t = town or self.home_at(p, day)
                    if r.random() * self.town_max[t] <= self.town_factor[t][day]:
                        break
                slot = r.choices(p.sites, weights=weights_site)[0] if len(p.sites) > 1 else p.sites[0]
                ev.append((day, slot, -1, j))
                fam = SITES[slot].family
                if fam:
                    for m in _MIRROR_SLOTS[fam]:
                        if len(ev) >= k:
                            break
                        if r.random() < MIRROR_COPY:
                            lag = r.choice((0, 0, 1, 1, 2))
                            ev.append((min(D - 1, day + lag), m, slot, j))
            ev.sort()
            self.events.append(ev)

    def home_at(self, p: _Person, day: int) -> str:
        if p.homes is None:
            return p.net.base if p.net is not None else "06088"
        h = p.homes[0][1]
        for d0, town in p.homes:
            if d0 <= day:
                h = town
        return h

    # ---------------- phones ----------------
    def build_leases(self):
        """Who holds which number when: persons, switchboards and runs of networks."""
        r = self.r
        leases = []  # (start, end, size, consecutive, owner, key)
        for p in self.persons:
            if p.net is not None and p.net.phone_mode != "individuel":
                continue
            if p.no_phone:
                continue
            first = self.events[p.idx][0][0]
            last = self.events[p.idx][-1][0]
            mean_gap = 200.0 if p.net is None else 120.0
            cuts = []
            t = first
            while True:
                t += max(10, int(r.expovariate(1.0 / mean_gap)))
                if t > last:
                    break
                cuts.append(t)
            # coming back after a long absence: often a new number
            days = [e[0] for e in self.events[p.idx]]
            for d0, d1 in zip(days, days[1:]):
                if d1 - d0 > 75 and r.random() < 0.55:
                    cuts.append(d1)
            cuts = sorted(set(cuts))
            bounds = [first] + cuts + [last + 1]
            for a, b in zip(bounds, bounds[1:]):
                if b > a:
                    leases.append((a, b, 1, False, ("p", p.idx), len(leases)))
            if p.whatsapp is not None:  # a second number, for messages
                leases.append((first, last + 1, 1, False, ("w", p.idx), len(leases)))
        for net in self.nets:
            if net.phone_mode == "individuel":
                continue
            days = [e[0] for m in net.members for e in self.events[m.idx]]
            a, b = min(days), max(days) + 1
            t = a
            while t < b:
                e = min(b, t + max(30, int(r.expovariate(1.0 / 150.0))))
                size = 1 if net.phone_mode == "standard" else r.randint(3, 8)
                leases.append((t, e, size, size > 1, ("n", net.idx), len(leases)))
                t = e
        leases.sort(key=lambda x: (x[0], x[5]))
        self._allocate(leases)

    def _allocate(self, leases):
        r = self.r
        N = _N_NUMBERS
        a_mul = 37081  # coprime with 60,000, close to 60,000 / golden ratio
        off = r.randrange(N)
        avail = deque((off + i * a_mul) % N for i in range(N))
        in_use = bytearray(N)
        ready = [-10**9] * N  # first day a number may be handed out again
        releasing = []  # heap of (end, number)
        quarantine = deque()  # (ready day, number), in release order
        self.reuse_count = 0
        ever = bytearray(N)

        def advance(day):
            while releasing and releasing[0][0] <= day:
                end, num = heapq.heappop(releasing)
                in_use[num] = 0
                ready[num] = end + QUARANTINE_DAYS
                quarantine.append((end + QUARANTINE_DAYS, num))
            while quarantine and quarantine[0][0] <= day:
                avail.append(quarantine.popleft()[1])

        def take_one(day):
            while avail:
                num = avail.popleft()
                if not in_use[num] and ready[num] <= day:
                    return num
            # the whole block is busy: take the number that waits the least
            best = min((x for x in quarantine if not in_use[x[1]]), default=None)
            if best is None:
                raise RuntimeError("fiction number block exhausted")
            quarantine.remove(best)
            return best[1]

        def take_run(day, size):
            span = size + 3
            for _ in range(3000):
                p0 = r.randrange(N - span)
                if p0 // 10_000 != (p0 + span - 1) // 10_000:
                    continue
                ok = [x for x in range(p0, p0 + span) if not in_use[x] and ready[x] <= day]
                if len(ok) >= size:
                    chosen = sorted(r.sample(ok, size))
                    return chosen
            return [take_one(day) for _ in range(size)]

        self.lease_numbers = {}
        for start, end, size, consecutive, owner, key in leases:
            advance(start)
            nums = take_run(start, size) if consecutive else [take_one(start)]
            for num in nums:
                if ever[num]:
                    self.reuse_count += 1
                ever[num] = 1
                in_use[num] = 1
                heapq.heappush(releasing, (end, num))
            self.lease_numbers[key] = nums
            if owner[0] == "p":
                self.persons[owner[1]].leases.append((start, end, [_number(x) for x in nums]))
            elif owner[0] == "w":
                self.persons[owner[1]].whatsapp = [_number(x) for x in nums]
            else:
                self.nets[owner[1]].phones.append((start, end, [_number(x) for x in nums]))

    def phone_at(self, p: _Person, day: int) -> str:
        net = p.net
        if net is not None and net.phone_mode != "individuel":
            holder = net.phones
        else:
            holder = p.leases
        if not holder:
            return ""
        cur = holder[0]
        for lease in holder:
            if lease[0] <= day:
                cur = lease
            else:
                break
        nums = cur[2]
        if len(nums) == 1:
            return nums[0]
        return nums[p.net_rank % len(nums)]

    # ---------------- rendering ----------------
    def identity_at(self, p: _Person, day: int):
        ident = p.identities[0]
        for it in p.identities:
            if it[0] <= day:
                ident = it
            else:
                break
        return ident

    def build_identities(self):
        """Pseudo changes: with number changes (a quarter) or on their own."""
        r = self.r
        for p in self.persons:
            if p.net is not None:
                if p.net.house:
                    name = p.net.house[p.net_rank % len(p.net.house)]
                    it = p.identities[0]
                    p.identities[0] = (it[0], name, it[2], it[3])
                continue
            first = self.events[p.idx][0][0]
            last = self.events[p.idx][-1][0]
            changes = []
            for lease in p.leases[1:]:
                if r.random() < 0.25:
                    changes.append(lease[0])
            t = first
            while True:
                t += max(10, int(r.expovariate(1.0 / 400.0)))
                if t > last:
                    break
                changes.append(t)
            for d in sorted(set(changes)):
                prev = p.identities[-1]
                age = max(18, prev[2] + r.choice((-2, -1, 0, 0, 0, 1, 2)))
                p.identities.append((d, self._first_name(p), age, self._pseudo_style(p)))
            # a year older in the ads, sometimes
            if last - first > 365 and r.random() < 0.35:
                d = first + 365
                prev = self.identity_at(p, d)
                ids = [x for x in p.identities if x[0] < d] + [(d, prev[1], prev[2] + 1, prev[3])]
                ids += [(x[0], x[1], x[2] + 1, x[3]) for x in p.identities if x[0] > d]
                p.identities = ids

    def desc(self, p: _Person, lang: str) -> str:
        r_adj = p.desc_adj
        g = p.gender
        if lang == "fr":
            adj = (_ADJ_M if g == "M" else _ADJ_F)[r_adj]
            if g == "M":
                if p.show_origin and p.origin:
                    noun = "homme " + _ORIGIN_BY_KEY[p.origin].fr_m
                else:
                    noun = ("jeune homme", "mec", "homme", "masseur")[r_adj % 4]
                return f"{adj} {noun}" if noun != "mec" else f"{adj} mec"
            if p.show_origin and p.origin:
                if r_adj % 3 == 0 and p.origin != "fr":
                    o = _ORIGIN_BY_KEY[p.origin]
                    cat = _CATEGORY_OF_GROUP.get(o.group)
                    noun = CATEGORIES[cat][0] if cat is not None else o.fr_f
                else:
                    noun = _ORIGIN_BY_KEY[p.origin].fr_f
            else:
                noun = HAIR[p.hair][0] if r_adj % 4 else "jeune femme"
            if g == "T":
                noun = ("trans " + noun) if r_adj % 2 else ("TS " + noun)
            return f"{adj} {noun}"
        adjs = {"en": _ADJ_EN, "it": _ADJ_IT, "es": _ADJ_ES}[lang]
        adj = adjs[r_adj % len(adjs)]
        li = {"en": 4, "it": 5, "es": 6}[lang]
        if p.show_origin and p.origin:
            noun = _ORIGIN_BY_KEY[p.origin][li]
        else:
            noun = HAIR[p.hair][li - 2]
        if lang == "en":
            noun += (" boy" if g == "M" else (" trans" if g == "T" else " girl"))
        elif g == "T":
            noun = "trans " + noun
        return f"{adj} {noun}"

    def traits(self, p: _Person, lang: str) -> str:
        if lang == "fr":
            gi = 1 if p.gender == "M" else 0
            t = [_TRAITS[i][gi] for i in p.traits]
        else:
            pool = _TRAIT_LANG[lang]
            t = [pool[i % len(pool)] for i in p.traits]
            if len(set(t)) < 3:
                t = list(dict.fromkeys(t))
        if len(t) == 1:
            return t[0]
        conj = {"fr": "et", "en": "and", "it": "e", "es": "y"}[lang]
        return ", ".join(t[:-1]) + f" {conj} " + t[-1]

    def render_skeleton(self, p: _Person, skel, lang: str, ident) -> list[str]:
        bank = _BANKS[lang]
        fields = {
            "nom": ident[1], "age": str(ident[2]), "desc": self.desc(p, lang),
            "taille": p.taille,
            "silh": (SILHOUETTES if lang == "fr" else _SILH_EN)[p.silh][1 if p.gender == "M" else 0],
            "cheveux": _HAIR_PHYS[lang][p.hair] if lang != "fr"
            else HAIR[p.hair][1 if p.gender == "M" else 0],
            "chev": _HAIR_PL[p.hair], "yeux": p.yeux, "traits": self.traits(p, lang),
            "amb": _AMBIANCES[p.amb] if lang == "fr" else _AMB_LANG[lang][p.amb % len(_AMB_LANG[lang])],
            "h1": str(p.h1), "h2": str(p.h2), "lieu": "{lieu}", "tel": "{tel}",
            "debut": "{debut}", "fin": "{fin}",
        }
        out = []
        masc = p.gender == "M"
        for slot, v in skel:
            variants = bank[slot]
            s = variants[v % len(variants)]
            if "|" in s:
                s = s.split("|")[1 if masc else 0]
            s = s.format(**fields)
            out.append(s[0].upper() + s[1:] if s else s)
        return out

    def text_version(self, p: _Person, day: int, ident, cache: dict):
        """The person's text at a day, with {lieu} {debut} {fin} left open, and
        whether it says « de passage »."""
        net = p.net
        edits = net.edits if net is not None else p.edits
        ver = bisect.bisect_right(edits, day)
        key = (ver, ident[1], ident[2])
        hit = cache.get(key)
        if hit is not None:
            return hit
        if net is not None:
            skel, lang, third = net.template, net.lang, net.third
            rr = random.Random(_hash_int(self.seed, "reseau", net.idx))
        else:
            skel, lang, third = p.slots, p.lang, p.third
            rr = random.Random(_hash_int(self.seed, "personne", p.idx))
        for _ in range(ver):
            skel = self._edit_skeleton_with(rr, skel, lang, third)
        sentences = self.render_skeleton(p, skel, lang, ident)
        if net is not None and net.bilingual:
            sentences = sentences + ["English:"] + self.render_skeleton(p, skel, "en", ident)
        if net is None and p.english_extra:
            sentences.append("English spoken")
        text = p.sep.join(sentences)
        for i in p.typos:
            old, new = _TYPOS[i]
            text = text.replace(old, new).replace(old.capitalize(), new.capitalize())
        passage = any(slot.startswith("passage") for slot, _ in skel)
        cache[key] = (text, passage)
        return text, passage

    def _edit_skeleton_with(self, rr: random.Random, skel, lang, third):
        saved = self.r
        self.r = rr
        try:
            return self._edit_skeleton(skel, lang, third)
        finally:
            self.r = saved

    def commune_string(self, p: _Person, town: str, slot: int, day: int, rr: random.Random):
        """The declared commune as typed or rendered, and the commune it names."""
        site = SITES[slot]
        c = _BY_INSEE[town]
        style = site.communes
        if style in ("menu", "menu_cp"):
            t = town if town in MENU_TOWNS else _NEAREST_MENU.get(town, "06088")
            cm = _BY_INSEE[t]
            if style == "menu":
                return cm.nom, t
            cp = cm.codes_postaux[p.idx % len(cm.codes_postaux)]
            return (f"{cp} - {cm.nom}" if rr.random() < 0.7 else f"{cm.nom} ({cp})"), t
        if style == "miroir":
            x = rr.random()
            if x < 0.25:
                return "Alpes-Maritimes", town
            if x < 0.6:
                return f"{c.nom} (06)", town
            return c.nom.upper(), town
        habit = p.commune_habit if rr.random() < 0.75 else rr.choice(
            ("officiel", "officiel", "minuscules", "cp_nom", "quartier", "vide"))
        return _render_commune(c, habit, p.idx, rr), town

    def render(self):
        r = self.r
        rows = []
        extras = []
        for p in self.persons:
            cache = {}
            net = p.net
            lang = net.lang if net is not None else p.lang
            last_source = {}
            for day, slot, src, j in self.events[p.idx]:
                site = SITES[slot]
                if src >= 0 and src in last_source:
                    # a mirror copies the source ad and re-renders it
                    (town, title, text, phone, pseudo, age_s, passage, tel_in_text, incoherent,
                     phone2) = last_source[src]
                    strip, cut, upper = _MIRROR_RENDER[slot]
                    if strip:
                        text = _sans_accents(text)
                        title = _sans_accents(title)
                    if cut and len(text) > cut:
                        text = text[:cut].rstrip() + "..."
                    if upper:
                        title = title.upper()
                    field = _fmt_phone(phone, 0) if (phone and site.phone == "champ") else ""
                    if r.random() > site.pseudo:
                        pseudo = ""
                    commune, named = self.commune_string(p, town, slot, day, r)
                    rows.append((day, r.random(), self.site_name(slot, day), commune, title,
                                 text, field, pseudo, age_s, p.idx))
                    extras.append((town, lang, passage, tel_in_text, 1, incoherent, phone, phone2,
                                   named))
                    continue
                seg = p.segments[j]
                town = seg[2] or (p.second if (p.second and r.random() < 0.2) else self.home_at(p, day))
                ident = self.identity_at(p, day)
                phone = "" if p.no_phone else self.phone_at(p, day)
                text, passage = self.text_version(p, day, ident, cache)
                # the place as written in the text
                lieu = _BY_INSEE[town].nom
                if town in QUARTIERS and r.random() < 0.3:
                    lieu = r.choice(QUARTIERS[town])
                elif lang == "it" and town in FOREIGN_FORMS and r.random() < 0.6:
                    lieu = FOREIGN_FORMS[town][0]
                if passage:
                    seg_a, seg_b = seg[0], seg[1]
                    text = (text.replace("{debut}", _fr_date(self.dates[seg_a], lang))
                            .replace("{fin}", _fr_date(self.dates[max(seg_a, seg_b - 1)], lang)))
                text = text.replace("{lieu}", lieu)
                # the phone inside the text
                tel_in_text = bool(phone) and (
                    (net.tel_in_text if net is not None else p.tel_in_text)
                    or (site.phone == "cache" and r.random() < 0.7))
                if tel_in_text:
                    style = net.text_style if net is not None else p.text_style
                    bank = _BANKS[lang]["contact"]
                    sent = bank[(p.idx + (net.idx if net else 0)) % len(bank)].replace(
                        "{tel}", _fmt_phone(phone, style))
                    text = text + p.sep + sent[0].upper() + sent[1:]
                phone2 = ""
                if p.whatsapp and r.random() < 0.6:
                    phone2 = p.whatsapp[0]
                    text = text + p.sep + "WhatsApp : " + _fmt_phone(phone2, p.text_style)
                if lang == "fr" and r.random() < 0.12:
                    text = r.choice(_AD_EXTRAS) + " ! " + text
                if p.case == "lower":
                    text = text.lower()
                elif p.case == "upper" and r.random() < 0.5:
                    text = text.upper()
                if p.excl:
                    text += " !!!"
                # the phone field
                if site.phone == "cache" or not phone:
                    field = ""
                else:
                    fs = net.field_style if net is not None else p.field_style
                    if site.phone == "champ":
                        fs = fs if fs in (0, 1, 4, 5) else 0
                    elif r.random() < 0.15:
                        fs = r.choice(_FIELD_STYLES)
                    field = _fmt_phone(phone, fs)
                # pseudo and age
                name = ident[1]
                if p.alias and site.kind == "petites":
                    name = p.alias
                pseudo = self._pseudo(name, ident[3], town, ident[2], p.gender)
                if r.random() < 0.1:
                    pseudo = name
                if r.random() > site.pseudo or (site.phone != "champ" and r.random() < 0.06):
                    pseudo = ""
                age = ident[2]
                x = r.random()
                if x < 0.15:
                    age += r.choice((-1, 1))
                elif x < 0.2:
                    age += r.choice((-3, -2, 2, 3))
                age = max(18, age)
                agency = net is not None and net.kind == "agence"
                show_age = r.random() < (0.97 if agency else site.age * p.age_show)
                age_s = str(age) if show_age else ""
                # the title
                pats = _TITLES[lang]
                pat = pats[p.title_pats[r.randrange(len(p.title_pats))]]
                if "|" in pat:
                    pat = pat.split("|")[1 if p.gender == "M" else 0]
                tname, tage = ident[1], ident[2]
                incoherent = 0
                if net is not None and len(net.members) > 1 and r.random() < 0.12:
                    # a previous member's name or age left in the title
                    other = net.members[(p.net_rank - 1) % len(net.members)]
                    oid = other.identities[0]
                    tname, tage = oid[1], oid[2]
                    incoherent = int(tname != ident[1] or tage != ident[2])
                desc = self.desc(p, lang)
                title = pat.format(nom=tname, desc=desc, Desc=desc[0].upper() + desc[1:],
                                   lieu=_BY_INSEE[town].nom if r.random() < 0.8 else lieu,
                                   age=tage)
                if p.excl and r.random() < 0.5:
                    title += " !!"
                commune, named = self.commune_string(p, town, slot, day, r)
                if site.family:
                    last_source[slot] = (town, title, text, phone, pseudo, age_s, int(passage),
                                         int(tel_in_text), incoherent, phone2)
                rows.append((day, r.random(), self.site_name(slot, day), commune, title,
                             text, field, pseudo, age_s, p.idx))
                extras.append((town, lang, int(passage), int(tel_in_text), 0, incoherent, phone,
                               phone2, named))
        return rows, extras


def _fr_date(d: date, lang: str) -> str:
    if lang == "en":
        return f"{d.day} {d.strftime('%B')}"
    if lang == "it":
        return f"{d.day}/{d.month}"
    if lang == "es":
        return f"{d.day}/{d.month}"
    return f"{d.day} {_MOIS[d.month - 1]}"


def _hash_int(*parts) -> int:
    h = hashlib.blake2b(repr(parts).encode(), digest_size=8).digest()
    return int.from_bytes(h, "big")


def _pseudo_tag(insee: str) -> str:
    """The town a pseudo may carry (« LolaNice », « LolaCannet », « LolaMonaco »)."""
    if insee in ("06012", "06032"):
        return "Monaco"
    words = _sans_accents(_BY_INSEE[insee].nom).replace("'", " ").replace("-", " ").split()
    while len(words) > 1 and words[0] in ("Le", "La", "Les", "L"):
        words = words[1:]
    if words[0] in ("Saint", "Sainte") and len(words) > 1:
        return "St" + words[1]
    return words[0]


def _cut(segs, a, b):
    out = []
    for s, e, t in segs:
        if b <= s or a >= e:
            out.append((s, e, t))
        else:
            if s < a:
                out.append((s, a, t))
            if b < e:
                out.append((b, e, t))
    return out


def _slip(s: str, rr: random.Random) -> str:
    """A small typing slip: a letter dropped or doubled (not the first)."""
    if len(s) < 5:
        return s
    i = rr.randrange(1, len(s) - 1)
    if not s[i].isalpha():
        return s
    return s[:i] + s[i + 1:] if rr.random() < 0.5 else s[:i] + s[i] + s[i:]


def _render_commune(c: Commune, habit: str, pidx: int, rr: random.Random) -> str:
    cp = c.codes_postaux[pidx % len(c.codes_postaux)]
    if habit == "officiel":
        return c.nom
    if habit == "minuscules":
        return c.nom.lower()
    if habit == "majuscules":
        return c.nom.upper()
    if habit == "sans_accents":
        return _sans_accents(c.nom).replace("-", " ")
    if habit == "cp":
        return cp
    if habit == "cp_nom":
        return rr.choice((f"{cp} {c.nom}", f"{c.nom} {cp}", f"{c.nom} ({cp[:2]})"))
    if habit == "quartier":
        q = QUARTIERS.get(c.insee)
        return rr.choice(q) if q else c.nom
    if habit == "abrev":
        a = ABREVIATIONS.get(c.insee)
        return rr.choice(a) if a else _sans_accents(c.nom)
    if habit == "faute":
        f = FAUTES.get(c.insee)
        if f and rr.random() < 0.7:
            return rr.choice(f)
        return _slip(c.nom, rr)
    if habit == "etranger":
        f = FOREIGN_FORMS.get(c.insee)
        return rr.choice(f) if f else c.nom
    if habit == "dept":
        return rr.choice(DEPARTEMENT_LABELS) if rr.random() < 0.5 else c.nom
    return ""  # vide


# --------------------------------------------------------------------------
# Public functions
# --------------------------------------------------------------------------


def _generate(n_ads: int, seed: int = DEFAULT_SEED):
    """The world, its truth and a frame of hidden facts (for tests and checks)."""
    n = int(n_ads)
    if n <= 0:
        raise ValueError("n_ads must be positive")
    w = _World(n, int(seed))
    w.build_persons()
    w.allocate_counts()
    w.build_events()
    w.build_leases()
    w.build_identities()
    rows, extras = w.render()
    order = sorted(range(len(rows)), key=lambda i: (rows[i][0], rows[i][1]))
    ids = [f"A{i + 1:07d}" for i in range(len(rows))]
    persons = w.persons
    cols = {c: [None] * len(rows) for c in SHEET_COLUMNS}
    id_personne, id_reseau = [None] * len(rows), [None] * len(rows)
    ex_cols = ("insee", "langue", "passage", "tel_dans_texte", "miroir", "incoherence",
               "numero", "numero2", "insee_declaree", "genre", "type", "jour")
    ex = {c: [None] * len(rows) for c in ex_cols}
    for new, i in enumerate(order):
        day, _, site, commune, title, text, field, pseudo, age, pidx = rows[i]
        p = persons[pidx]
        cols["id_annonce"][new] = ids[new]
        cols["site"][new] = site
        cols["date_collecte"][new] = w.date_str[day]
        cols["commune_declaree"][new] = commune
        cols["titre"][new] = title
        cols["texte"][new] = text
        cols["telephone"][new] = field
        cols["pseudo"][new] = pseudo
        cols["age_declare"][new] = age
        id_personne[new] = p.pid
        id_reseau[new] = p.net.nid if p.net is not None else ""
        e = extras[i]
        ex["insee"][new], ex["langue"][new], ex["passage"][new] = e[0], e[1], e[2]
        ex["tel_dans_texte"][new], ex["miroir"][new], ex["incoherence"][new] = e[3], e[4], e[5]
        ex["numero"][new], ex["numero2"][new], ex["insee_declaree"][new] = e[6], e[7], e[8]
        ex["genre"][new] = p.gender
        ex["type"][new] = p.net.kind if p.net is not None else p.kind
        ex["jour"][new] = day
    sheet = pd.DataFrame({c: pd.array(cols[c], dtype="str") for c in SHEET_COLUMNS})
    truth = pd.DataFrame({
        "id_annonce": pd.array(cols["id_annonce"], dtype="str"),
        "id_personne": pd.array(id_personne, dtype="str"),
        "id_reseau": pd.array(id_reseau, dtype="str"),
    })
    hidden = pd.DataFrame(ex)
    hidden.insert(0, "id_annonce", cols["id_annonce"])
    hidden.attrs["reuse_count"] = w.reuse_count
    hidden.attrs["networks"] = len(w.nets)
    return sheet, truth, hidden


def eleventh_world(n_ads: int, seed: int = DEFAULT_SEED) -> tuple[pd.DataFrame, pd.DataFrame]:
    """The collection sheet (``SHEET_COLUMNS``) and its truth (``TRUTH_COLUMNS``).

    All values are strings, the empty string for a missing value; ads are
    numbered ``A0000001``... in collection order (day, then order of
    collection within the day). Deterministic for a given seed.
    """
    sheet, truth, _ = _generate(n_ads, seed)
    return sheet, truth


def write_eleventh_world(n_ads: int, folder, seed: int = DEFAULT_SEED) -> tuple[Path, Path]:
    """Write ``folder/annonces-SYNTHETIQUE.csv`` and ``folder/verite/annonces-SYNTHETIQUE.csv``."""
    sheet, truth = eleventh_world(n_ads, seed)
    folder = Path(folder)
    (folder / "verite").mkdir(parents=True, exist_ok=True)
    p_sheet = folder / FILE_NAME
    p_truth = folder / "verite" / FILE_NAME
    sheet.to_csv(p_sheet, index=False, encoding="utf-8", lineterminator="\n")
    truth.to_csv(p_truth, index=False, encoding="utf-8", lineterminator="\n")
    return p_sheet, p_truth
