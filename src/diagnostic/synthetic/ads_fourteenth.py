"""Fourteenth synthetic world: online ads collected in the Moselle (57).

A fictional corpus of prostitution-offer ads, typed into a collection sheet the
way the Amicale du Nid team did for the Pas-de-Calais (diagnostic 2020),
transposed to the Moselle (Metz, Thionville, Forbach, Sarreguemines,
Saint-Avold, Sarrebourg, the borders with Luxembourg and Germany).  Each row of
the sheet is one ad as seen on one site on one day; the truth table says which
person the ad presents and that person's network (empty if none).

Everything is fiction: sites use ``.example`` domains, phone numbers come only
from the ARCEP blocks reserved for fiction (01 99 00, 02 61 91, 03 53 01,
04 65 71, 05 36 49, 06 39 98), pseudonyms are common first names and the texts
are composed from generic phrases written for this module (no extract of the
report is copied).

Data sheet
==========

Taken from the report
---------------------
* 699 ads counted on 39 sites between 20 September and 5 December 2018
  (77 days), an estimated duplicate rate of 61 %, hence 273 persons
  (I-B-1, II, II-B).  ``persons_for_ads(699) == 273``,
  ``collection_days(699) == 77``.
* Three families of sites (I-B-1, Annexe 5-1-a) with the report's split of the
  699 ads: specialised "escorting" sites 405 (58 %; two large directories
  carry 171 and 160 ads, one agency 32, a dozen small sites 1-9 each),
  classifieds 107 (15 %: 43, 41, 20, 3), dating sites 187 (27 %).  The dating
  sites form one family of 11 mirror sites "reprenant les mêmes contenus"
  (17 ads each in the table, II-B; "mêmes créateurs", Annexe 5-1-a): a dating
  ad is copied on up to 11 mirrors, the main source of duplicates.
  The erotic-massage directory had 0 ads (II-B): no such site here.
* Agencies: standardised "fiches" (first name, age, nationality, hair, eyes,
  height, languages, incall/outcall, availability), glamour tone,
  multilingual, dated international tours, systematic filling (Annexe 5-1-a,
  V-A-4).  Directories mix agency and "indépendante" ads (Annexe 5-1-a).
* Dating-site ads are short, less written, with spelling mistakes; titles put
  forward physical / "ethnic" / national categories rather than a name
  (Annexe 5-1-a).
* Wording: prostitution is never named, it is "moment", "détente",
  "compagnie", "service"; pseudo-conditions (no hidden numbers, no SMS,
  hygiene, photos "100 % réelles"), "je vous attends", "je peux me déplacer",
  "appartement climatisé" (II-B).  A man's ad on a classifieds site offering
  company to gay or bi men "en échange" of being taken care of (II-B, III-C).
* Cities are those declared by the ad authors; 80 % of ads in five
  agglomerations, ~30 communes including very rural ones (III-D).  Here:
  Metz 26 %, Thionville 18 %, Forbach 14 %, Sarreguemines 11 %, Saint-Avold
  11 %, the remaining 20 % spread over ~30 other communes.
* 18 % of ads present the person as "de passage"; sex-tours of international
  networks, flats rented for a few days (III-B-1, III-D, Annexe 5-2).
* Persons presented: 84 % women, 7 % men, 9 % transgender persons (IV-A-1);
  trans persons mostly presented as Latin American (IV-A-1, II-B).
* Declared age absent from 53 % of ads, mean declared age about 30, age is
  marketing ("jeune") and may not match (IV-A-2).
* Nationality or origin given for 58 % of persons, 20 % of them French, 80 %
  foreign: Latin America (Argentina, Brazil, Colombia, Cuba, Mexico,
  Paraguay, Puerto Rico, Venezuela), Europe (Germany, Spain, Italy, Finland,
  Poland, Ukraine), Asia (China, India, Lebanon), Africa (Kenya); labels may be
  marketing and inconsistent (IV-A-3, II-B).
* 96 % of ads address men, 8 % (also) women (V-B).
* Networks (V-A-2, V-A-4): Eastern-European, South-American, Asian (Chinese)
  and African networks working in flats via Internet, not settled in the
  département; local exploitation by partners / "friends" (V-A-1, V-A-3).
  The "faisceau d'indices" of V-A-4, all present: same words, same spelling
  mistakes in ads of different persons; the same pseudo used for several
  persons; same category terms posted on the same date in the same town;
  same account (here: the same agency signature); same phone numbers or
  numbers differing only in the last two digits; third-person writing;
  English; incoherent descriptions (several pseudos, ages, nationalities);
  "de passage" / "pour une semaine" / "en vacances"; "24h/24".  Network
  clues visible in about 38 % of ads (V-A-4).
* Payment-card warning and paid options such as "photos réelles",
  "100 % vérifié" (Annexe 5-1-b) appear as site boilerplate in a few ads.

Decided, not in the report
--------------------------
* Transposition to the Moselle: communes, postcodes and INSEE codes from the
  reference tables; tours name Luxembourg, Sarrebruck, Trèves, Nancy,
  Strasbourg, Bruxelles as other stops.
* Person kinds (share of persons): independent resident 65 %, independent
  touring alone 5 %, member of an international touring network 22 %, member
  of a small local network (boyfriend / "friends", 2-4 persons) 8 %.  A person
  exploited by a partner alone is indistinguishable from an independent and
  has an empty ``id_reseau``.  International networks have 3-12 persons
  (mean ~6) at the 699 scale; a network is active at most ~6 months.
* Postings per person: 1 + a gamma-weighted multinomial share of the extra
  postings, network members weighted x1.7 (international) / x1.3 (local);
  capped (10 postings at 77 days, growing like sqrt(window)).  A dating
  posting becomes 6-11 mirror copies (11 with probability 0.85); at most two
  dating originals per person.
* Growth laws: ``persons_for_ads(n) = round(273 * (n/699) ** 0.8)`` clamped to
  [1, n] (ads per person grow slowly: 2.6 at 699, ~11 at 1 000 000);
  ``collection_days(n) = 77`` for n <= 699 (a smaller corpus is a sample of
  the same window) and ``round(77 * sqrt(n/699))`` above (2 912 days at
  1 000 000).  Resident persons stay at most ~2 years.
* Phones: independents have one number, 15 % a second one (change of number
  during the window, old number still shown on 20 % of later ads).  Network
  phone modes: one or two shared numbers (35 %), numbers differing in the
  last two digits (35 %), individual numbers (30 %); local networks share the
  organiser's number in 60 % of cases.  Numbers are allocated in order of
  first use and recycled (like operator reassignment) only after a
  quarantine of 365 days after the last owner's activity (180 days for a
  network's block of 100 numbers); at 1 000 000 ads ~46 000 distinct numbers
  are shown and only a handful of unrelated owners share a number within a
  year.  About 77 % of the numbers at the 699 scale are 06 39 98 mobiles.
  Phone shown on ~85 % of escorting ads, ~75 % of classifieds, ~60 % of
  dating ads, in ~12 written formats (spaces, dots, dashes, +33, 0033 ...).
* Hard cases, one person looking different: 22 % of persons have a second
  pseudo (diminutive, other name), 15 % two phones, 30 % of persons with an
  age declare it inconsistently (+-1-3 years), 12 % of persons with a
  nationality use a second, different one, 35 % have 2-3 different base
  texts, touring persons change town; per ad, pseudo case/accent changes,
  collector typing variations of the commune (accents, case, postcode,
  neighbourhood, abbreviations, typos, sometimes only "Moselle"), mirror
  copies truncated (10 %) or without the phone (15 %).
* Hard cases, different persons looking alike: network members share
  template, typos, agency signature, phones (see modes), a house pseudo (30 %
  of international networks) and tour stops/dates; unrelated persons share
  common first names (Zipf-like draw); 3 % of independent persons copy the
  base text of another independent; generic short dating ads look alike;
  independents also show clue-like phrases ("de passage" 3 %, "24h/24" 5 %).
* Measured (seed default, 2 500 ads; asserted with ranges in the tests):
  ~16 % of multi-ad persons show two pseudo roots, ~9 % two declared ages,
  ~3-5 % two phones; ~75 % of networks with 2+ persons share a phone, a
  phone block, a pseudo or an agency signature; textual clues (third person,
  English, fiche, tour, "de passage", 24h/24, agency) in ~25-30 % of all ads
  and ~60-70 % of network ads, the rest of the 38 % being carried by shared
  phones / pseudos; "de passage"-type wording in ~18-23 % of ads.
* Collection sheet: rows sorted by collection date then site (as a team
  works), ids ``A57-0000001``...; person ids ``P57-...`` and network ids
  ``R57-...`` are random permutations (no order leaks).
"""

from __future__ import annotations

import datetime as _dt
import hashlib
import math
import random
import unicodedata
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pandas as pd

DEPARTEMENT = "57"
DEFAULT_SEED = 5714
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
START_DATE = _dt.date(2018, 9, 20)

# ---------------------------------------------------------------------------
# Communes
# ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Commune:
    nom: str
    insee: str
    codes_postaux: tuple
    agglo: str
    weight: float  # share of ads declaring this commune (relative)


def _c(nom, insee, cps, agglo, w):
    return Commune(nom, insee, tuple(cps.split()), agglo, w)


COMMUNES = (
    # Metz agglomeration: 26 %
    _c("Metz", "57463", "57000 57050 57070", "metz", 17.0),
    _c("Montigny-lès-Metz", "57480", "57950", "metz", 2.5),
    _c("Woippy", "57751", "57140", "metz", 1.5),
    _c("Marly", "57447", "57155", "metz", 1.2),
    _c("Saint-Julien-lès-Metz", "57616", "57070", "metz", 0.8),
    _c("Longeville-lès-Metz", "57412", "57050", "metz", 0.8),
    _c("Le Ban-Saint-Martin", "57049", "57050", "metz", 0.6),
    _c("Moulins-lès-Metz", "57487", "57160", "metz", 0.8),
    _c("Ars-sur-Moselle", "57032", "57130", "metz", 0.8),
    # Thionville agglomeration and Luxembourg border: 18 %
    _c("Thionville", "57672", "57100", "thionville", 11.0),
    _c("Yutz", "57757", "57970", "thionville", 1.8),
    _c("Terville", "57666", "57180", "thionville", 0.8),
    _c("Hayange", "57306", "57700", "thionville", 1.4),
    _c("Fameck", "57206", "57290", "thionville", 0.7),
    _c("Florange", "57221", "57190", "thionville", 0.6),
    _c("Manom", "57441", "57100", "thionville", 0.3),
    _c("Hettange-Grande", "57323", "57330", "thionville", 0.6),
    _c("Cattenom", "57124", "57570", "thionville", 0.3),
    _c("Audun-le-Tiche", "57038", "57390", "thionville", 0.5),
    # Forbach and the border with Sarrebruck: 14 %
    _c("Forbach", "57227", "57600", "forbach", 8.5),
    _c("Stiring-Wendel", "57660", "57350", "forbach", 1.5),
    _c("Behren-lès-Forbach", "57058", "57460", "forbach", 0.8),
    _c("Petite-Rosselle", "57537", "57540", "forbach", 0.5),
    _c("Freyming-Merlebach", "57240", "57800", "forbach", 1.8),
    _c("Hombourg-Haut", "57332", "57470", "forbach", 0.5),
    _c("Farébersviller", "57207", "57450", "forbach", 0.4),
    # Sarreguemines: 11 %
    _c("Sarreguemines", "57631", "57200", "sarreguemines", 11.0),
    # Saint-Avold: 11 %
    _c("Saint-Avold", "57606", "57500", "saintavold", 8.0),
    _c("Creutzwald", "57160", "57150", "saintavold", 2.2),
    _c("Faulquemont", "57209", "57380", "saintavold", 0.8),
    # remaining 20 %: Orne valley, Sarrebourg, small towns and rural communes
    _c("Amnéville", "57019", "57360", "orne", 2.6),
    _c("Hagondange", "57283", "57300", "orne", 1.6),
    _c("Talange", "57663", "57525", "orne", 0.8),
    _c("Maizières-lès-Metz", "57433", "57280", "orne", 1.2),
    _c("Rombas", "57591", "57120", "orne", 0.8),
    _c("Mondelange", "57474", "57300", "orne", 0.5),
    _c("Uckange", "57683", "57270", "orne", 0.6),
    _c("Guénange", "57269", "57310", "orne", 0.4),
    _c("Algrange", "57012", "57440", "orne", 0.4),
    _c("Sarrebourg", "57630", "57400", "sarrebourg", 4.2),
    _c("Phalsbourg", "57540", "57370", "sarrebourg", 0.8),
    _c("Bitche", "57089", "57230", "rural", 1.2),
    _c("Château-Salins", "57132", "57170", "rural", 0.6),
    _c("Dieuze", "57177", "57260", "rural", 0.7),
    _c("Morhange", "57483", "57340", "rural", 0.6),
    _c("Boulay-Moselle", "57097", "57220", "rural", 0.7),
    _c("Sierck-les-Bains", "57650", "57480", "rural", 0.5),
)
_CW = np.array([c.weight for c in COMMUNES], dtype=float)
_CW = _CW / _CW.sum()
_AGGLO_MEMBERS = {}
for _i, _cm in enumerate(COMMUNES):
    _AGGLO_MEMBERS.setdefault(_cm.agglo, []).append(_i)
_IDX = {c.nom: i for i, c in enumerate(COMMUNES)}
# towns where touring persons stop (the flats rented for a few days)
_TOUR_TOWNS = [_IDX[n] for n in ("Metz", "Thionville", "Forbach", "Sarreguemines", "Saint-Avold",
                                 "Sarrebourg", "Yutz", "Amnéville", "Montigny-lès-Metz", "Creutzwald")]
_TOUR_W = np.array([30, 18, 12, 10, 8, 6, 5, 4, 4, 3], dtype=float)
_TOUR_W /= _TOUR_W.sum()
_ABROAD = ["Luxembourg", "Sarrebruck", "Trèves", "Nancy", "Strasbourg", "Bruxelles", "Esch-sur-Alzette", "Reims"]
_QUARTIERS = {
    "Metz": ["centre", "gare", "Sablon", "Queuleu", "Borny", "Devant-les-Ponts", "Nord", "Technopôle"],
    "Thionville": ["centre", "gare", "Saint-Pierre"],
    "Forbach": ["centre", "Wiesberg"],
    "Sarreguemines": ["centre", "gare"],
    "Saint-Avold": ["centre"],
}
_ABBR = {
    "Saint-Avold": ["St Avold", "St-Avold", "Saint Avold", "St.Avold"],
    "Saint-Julien-lès-Metz": ["St Julien les Metz", "St-Julien"],
    "Montigny-lès-Metz": ["Montigny", "Montigny les Metz", "Montigny-les-Metz"],
    "Sarreguemines": ["Sarreguemine", "Sarregueminnes", "Sarreg"],
    "Thionville": ["Thionvile", "Thionvill", "Thionville Luxembourg"],
    "Metz": ["Mets", "Metz Moselle"],
    "Freyming-Merlebach": ["Freyming", "Merlebach", "Freyming Merlebach"],
    "Sarrebourg": ["Sarrebourg Moselle", "Sarrebour"],
    "Forbach": ["Forbach frontière", "Forbach Sarrebruck"],
    "Boulay-Moselle": ["Boulay"],
    "Hettange-Grande": ["Hettange"],
    "Maizières-lès-Metz": ["Maizieres", "Maizières les Metz"],
}

# ---------------------------------------------------------------------------
# Sites (invented, .example)
# ---------------------------------------------------------------------------
# (domain, category, weight at the 699 scale, agency)
_ESCORT_SITES = [
    ("escortes-lorraine.example", 171, False),
    ("modeles-prives.example", 160, False),
    ("dame-de-compagnie.example", 32, True),
    ("annuaire-escortes.example", 9, False),
    ("doux-rendezvous.example", 8, False),
    ("happy-hotesses.example", 6, True),
    ("escorte-rencontre.example", 6, False),
    ("abc-escortes.example", 4, False),
    ("filles-de-france.example", 2, False),
    ("t-escorte.example", 2, True),
    ("book-escorte.example", 2, False),
    ("top-escortes-europe.example", 1, True),
    ("escortes-fr.example", 1, False),
    ("france-hotesses.example", 1, False),
]
_CLASSIFIED_SITES = [
    ("ca-se-trouve.example", 43),
    ("les-petites-annonces.example", 41),
    ("marche-annonces.example", 20),
    ("entre-particuliers.example", 3),
]
_DATING_MIRRORS = [
    "rencontre-intime.example",
    "on-se-connait.example",
    "celibataires-book.example",
    "rencontres-insolites.example",
    "rue-des-rencontres.example",
    "rencontre-passagere.example",
    "sans-lendemain.example",
    "tolerance-rencontres.example",
    "calins-rencontres.example",
    "for-datings.example",
    "pas-de-chichis.example",
]
_ESC_NAMES = [s[0] for s in _ESCORT_SITES]
_ESC_W = np.array([s[1] for s in _ESCORT_SITES], float)
_ESC_AG = np.array([s[2] for s in _ESCORT_SITES])
_CLA_NAMES = [s[0] for s in _CLASSIFIED_SITES]
_CLA_W = np.array([s[1] for s in _CLASSIFIED_SITES], float)

# ---------------------------------------------------------------------------
# Phones (ARCEP fiction ranges only)
# ---------------------------------------------------------------------------
FICTION_PREFIXES = ("019900", "026191", "035301", "046571", "053649", "063998")
_PREFIX_BIAS = {"063998": 1.0, "035301": 6.0}  # mobiles first, then the local range


def _phone_pools(seed):
    """Return (single-number pool, network blocks), both in allocation order."""
    rng = np.random.default_rng([seed, 99])
    blocks = [(p, b) for p in FICTION_PREFIXES for b in range(100)]
    rng.shuffle(blocks)
    net_blocks = [x for i, x in enumerate(blocks) if i % 3 == 0]  # 200 blocks
    single_blocks = [x for i, x in enumerate(blocks) if i % 3 != 0]  # 400 blocks
    nums = np.array([int(p + f"{b:02d}" + f"{k:02d}") for p, b in single_blocks for k in range(100)],
                    dtype=np.int64)
    bias = np.array([_PREFIX_BIAS.get(p, 30.0) for p, b in single_blocks for k in range(100)])
    key = rng.random(len(nums)) * bias
    single = nums[np.argsort(key, kind="stable")]
    nb_bias = np.array([_PREFIX_BIAS.get(p, 30.0) for p, b in net_blocks])
    order = np.argsort(rng.random(len(net_blocks)) * nb_bias, kind="stable")
    net = [int(net_blocks[i][0] + f"{net_blocks[i][1]:02d}") for i in order]  # 8-digit stems
    return single, net


def _digits(num):
    return f"{num:010d}"


def format_phone(num, style):
    d = _digits(num)
    pairs = [d[i:i + 2] for i in range(0, 10, 2)]
    if style == 0:
        return " ".join(pairs)
    if style == 1:
        return d
    if style == 2:
        return ".".join(pairs)
    if style == 3:
        return "-".join(pairs)
    if style == 4:
        return "+33 " + d[1] + " " + " ".join(pairs[1:])
    if style == 5:
        return "+33" + d[1:]
    if style == 6:
        return "0033 " + d[1] + " " + " ".join(pairs[1:])
    if style == 7:
        return f"{d[:2]} {d[2:4]} {d[4:6]} {d[6:]}"
    if style == 8:
        return f"{d[:4]} {d[4:7]} {d[7:]}"
    if style == 9:
        return "/".join(pairs)
    if style == 10:
        return f"{d[:2]}.{d[2:4]}.{d[4:6]}.{d[6:]}"
    return "(+33) " + d[1:]


_N_PHONE_STYLES = 12

# ---------------------------------------------------------------------------
# Names, categories, nationalities
# ---------------------------------------------------------------------------
_NAMES_FR = ["Laura", "Julie", "Camille", "Manon", "Léa", "Sarah", "Jessica", "Émilie", "Chloé", "Marie",
             "Pauline", "Mélanie", "Audrey", "Céline", "Sandra", "Nadia", "Inès", "Clara", "Lucie", "Océane",
             "Amandine", "Jennifer", "Elodie", "Lisa", "Anaïs", "Morgane", "Kelly", "Vanessa", "Sophie", "Eva"]
_NAMES_LATAM = ["Bianca", "Camila", "Larissa", "Gabriela", "Valentina", "Daniela", "Paola", "Yasmin", "Fernanda",
                "Luana", "Mariana", "Isabela", "Carolina", "Jessica", "Vanessa", "Melina", "Karla", "Tatiana"]
_NAMES_EUR = ["Olga", "Natalia", "Katia", "Oksana", "Anna", "Alina", "Sofia", "Irina", "Dasha", "Viktoria",
              "Julia", "Lena", "Giulia", "Lucia", "Carmen", "Nina", "Alexandra", "Marta", "Kasia", "Elena"]
_NAMES_ASIA = ["Lily", "Mei", "Lina", "Jade", "Yuki", "Linda", "Sakura", "Amy", "Cindy", "Lan", "Priya", "Maya",
               "Yasmine", "Nour"]
_NAMES_AFR = ["Grace", "Amina", "Fatou", "Aïcha", "Joy", "Esther", "Mercy", "Naomi", "Prisca", "Awa"]
_NAMES_M = ["Kevin", "Lucas", "Théo", "Alex", "Maxime", "Yanis", "Hugo", "Romain", "Nicolas", "Julien", "Dylan",
            "Mehdi", "Bruno", "Enzo"]
_DIMINUTIVES = {
    "Natalia": ["Nata", "Natasha"], "Alexandra": ["Alex", "Sasha"], "Camila": ["Cami", "Mila"],
    "Jessica": ["Jess", "Jessy"], "Émilie": ["Emy", "Mimi"], "Vanessa": ["Vaness", "Nessa"],
    "Katia": ["Kat", "Katy"], "Gabriela": ["Gabi", "Gaby"], "Valentina": ["Vale", "Tina"],
    "Daniela": ["Dani", "Daniella"], "Isabela": ["Isa", "Bela"], "Viktoria": ["Vika", "Vicky"],
    "Mélanie": ["Mel", "Mélo"], "Elena": ["Lena", "Helena"], "Melina": ["Mely", "Lina"],
    "Carolina": ["Carol", "Caro"], "Amandine": ["Mandy", "Didine"], "Océane": ["Oce", "Ocea"],
    "Alina": ["Ali", "Lina"], "Sofia": ["Sofi", "Sophie"], "Fernanda": ["Fer", "Nanda"],
}
_ZIPF = {}


def _zipf_weights(k):
    if k not in _ZIPF:
        w = 1.0 / np.arange(1, k + 1) ** 0.9
        _ZIPF[k] = w / w.sum()
    return _ZIPF[k]


# nationality: (feminine adjective, english, region, names pool)
_NATS = {
    "française": ("French", "fr"), "brésilienne": ("Brazilian", "latam"), "colombienne": ("Colombian", "latam"),
    "vénézuélienne": ("Venezuelan", "latam"), "argentine": ("Argentinian", "latam"), "cubaine": ("Cuban", "latam"),
    "mexicaine": ("Mexican", "latam"), "paraguayenne": ("Paraguayan", "latam"),
    "portoricaine": ("Puerto Rican", "latam"), "allemande": ("German", "eur"), "espagnole": ("Spanish", "eur"),
    "italienne": ("Italian", "eur"), "finlandaise": ("Finnish", "eur"), "polonaise": ("Polish", "eur"),
    "ukrainienne": ("Ukrainian", "eur"), "chinoise": ("Chinese", "asia"), "indienne": ("Indian", "asia"),
    "libanaise": ("Lebanese", "asia"), "kényane": ("Kenyan", "afr"),
}
_NATS_BY_REGION = {}
for _n, (_e, _r) in _NATS.items():
    _NATS_BY_REGION.setdefault(_r, []).append(_n)
_REGION_NAMES = {"fr": _NAMES_FR, "latam": _NAMES_LATAM, "eur": _NAMES_EUR, "asia": _NAMES_ASIA,
                 "afr": _NAMES_AFR}
_REGION_LABELS = {"fr": ["brune", "blonde", "châtain", "rousse", "métisse", "pulpeuse"],
                  "latam": ["latine", "métisse", "brune", "aux formes"], "eur": ["blonde", "slave", "brune", "fine"],
                  "asia": ["asiatique", "orientale", "fine", "brune"], "afr": ["black", "métisse", "aux formes"]}
_REGION_LANGS = {"fr": "français", "latam": "espagnol, portugais, anglais", "eur": "russe, anglais, un peu français",
                 "asia": "chinois, anglais", "afr": "anglais, un peu français"}
_ADJ = ["jolie", "belle", "jeune", "charmante", "douce", "souriante", "élégante", "ravissante", "sublime",
        "nouvelle", "sympathique"]
_ADJ_EN = {"jolie": "pretty", "belle": "beautiful", "jeune": "young", "charmante": "charming", "douce": "sweet",
           "souriante": "smiling", "élégante": "elegant", "ravissante": "lovely", "sublime": "gorgeous",
           "nouvelle": "new", "sympathique": "friendly"}
_HAIR = ["bruns", "blonds", "châtains", "noirs", "roux"]
_EYES = ["marron", "verts", "bleus", "noirs", "noisette"]
_AGENCIES = ["Agence Velours", "Diamant Models", "Luna VIP", "Elite Est", "Perle Rare", "Golden Girls Europe",
             "Star Hostess", "Rubis Agency", "Opale Club", "Saphir Models"]

# ---------------------------------------------------------------------------
# Phrase banks (each entry: (with_age, without_age))
# ---------------------------------------------------------------------------


def _same(*xs):
    return [(x, x) for x in xs]


_BANK = {
    "intro": _same("Bonjour messieurs,", "Coucou,", "Bonsoir à tous,", "Hello,", "Salut,",
                   "Bienvenue sur mon annonce,", "Bonjour,", "Hello messieurs,"),
    "pres1": [("je suis {p}, {d} de {a} ans.", "je suis {p}, {d}."),
              ("moi c'est {p}, {d}, {a} ans.", "moi c'est {p}, {d}."),
              ("{d} de {a} ans, je m'appelle {p}.", "je m'appelle {p}, {d}."),
              ("je m'appelle {p}, j'ai {a} ans, {d} et naturelle.", "je m'appelle {p}, {d} et naturelle."),
              ("petite {d} de {a} ans, on m'appelle {p}.", "petite {d}, on m'appelle {p}.")],
    "pres3": [("{p} est une {d} de {a} ans.", "{p} est une {d}."),
              ("Notre nouvelle hôtesse {p}, {d} de {a} ans, vous attend.", "Notre nouvelle hôtesse {p}, {d}, vous attend."),
              ("Découvrez {p}, {a} ans, {d} au sourire charmant.", "Découvrez {p}, {d} au sourire charmant."),
              ("{p}, {a} ans, {d}, vient d'arriver.", "{p}, {d}, vient d'arriver.")],
    "presen": [("Hello gentlemen, I am {p}, {a} years old, {den}.", "Hello gentlemen, I am {p}, {den}."),
               ("My name is {p}, {den}, {a} years old.", "My name is {p}, {den}."),
               ("Sweet {p} ({a}) just arrived.", "Sweet {p} just arrived.")],
    "presm": [("Jeune mec de {v}, {a} ans, discret et sympa.", "Jeune mec de {v}, discret et sympa."),
              ("Homme de {a} ans, sportif, sur {v}.", "Homme sportif, sur {v}."),
              ("Moi c'est {p}, {a} ans, étudiant sur {v}.", "Moi c'est {p}, étudiant sur {v}.")],
    "offm": _same("Je propose ma compagnie à homme gay ou bi pour massage, sorties, moments sympas.",
                  "En échange je cherche quelqu'un qui prend soin de moi.",
                  "Je propose des massages détente aux femmes seules ou aux couples.",
                  "Contre un coup de main pour le loyer ou des petits cadeaux.",
                  "Je peux me déplacer, très discret."),
    "offer": _same("Je vous propose un moment de détente en toute discrétion.",
                   "Je vous offre un agréable moment de complicité.",
                   "Pour un instant de douceur et d'évasion loin du stress.",
                   "Massage relaxant et moment convivial au programme.",
                   "Je vous reçois dans un appartement calme et discret.",
                   "Je me déplace à domicile ou à l'hôtel.",
                   "Cadre agréable, propre et climatisé.",
                   "Compagnie agréable pour vos soirées ou vos dîners.",
                   "Je vous accueille toujours avec le sourire.",
                   "Ambiance douce et détendue, sans prise de tête."),
    "offer3": _same("Elle vous reçoit dans un appartement discret et climatisé.",
                    "Elle se déplace à l'hôtel ou à domicile.",
                    "Elle saura vous faire passer un moment agréable.",
                    "Compagnie élégante pour dîners et soirées.",
                    "Réservez vite votre rendez-vous avec elle."),
    "offeren": _same("Incall and outcall.", "I offer a relaxing time in a private flat.",
                     "Call me for a nice time together.", "Elegant company for dinner or hotel."),
    "place": _same("Je suis sur {v} et alentours.", "Disponible sur {v} et environs.", "Sur le secteur de {v}.",
                   "Appartement privé à {v}, proche gare.", "Je reçois à {v}.", "Secteur {v} et frontière."),
    "place3": _same("Elle vous attend à {v}.", "Appartement privé à {v}.", "Secteur {v}."),
    "placeen": _same("I am in {v}.", "Private flat in {v}, near the station."),
    "passage": _same("De passage à {v} pour quelques jours seulement.",
                     "Nouvelle dans votre ville pour une semaine.",
                     "En vacances dans la région, ne me ratez pas.",
                     "Présente sur {v} jusqu'à la fin de la semaine.",
                     "Derniers jours à {v} !", "De passage sur le secteur, profitez-en."),
    "passage3": _same("Elle est de passage à {v} pour quelques jours.", "Présente à {v} une semaine seulement.",
                      "En tournée, elle ne reste que quelques jours."),
    "passageen": _same("Only a few days in {v}!", "New in town for one week."),
    "tour": _same("Tournée : {v} du {t1} au {t2}, ensuite {nx}.", "Prochaines villes : {nx} puis {nx2}.",
                  "Tour : {v} {t1}-{t2}, {nx} next."),
    "dispo": _same("Disponible 24h/24 et 7j/7.", "Disponible tout le temps, même la nuit.",
                   "Disponible du lundi au samedi de 10h à 20h.", "Disponible en journée uniquement.",
                   "Sur rendez-vous, appelez 30 minutes avant.", "Disponible le soir après 18h."),
    "dispoen": _same("Available 24/7.", "Available day and night."),
    "cond": _same("Pas de numéro masqué ni de SMS.", "Les appels masqués restent sans réponse.",
                  "SMS uniquement s'il vous plaît.", "Respect et hygiène exigés.",
                  "Photos 100% réelles et récentes.", "Merci de dire que vous venez de {site}.",
                  "Pas de fixes, pas de mails.", "Hommes courtois uniquement."),
    "conden": _same("No hidden numbers, no SMS.", "Real photos."),
    "clients": _same("Couples et femmes bienvenus.", "Pour messieurs respectueux.",
                     "Messieurs de plus de 25 ans uniquement."),
    "lang": _same("Je parle français et anglais.", "Je parle espagnol et un peu français.",
                  "Langues : {langs}.", "I speak English."),
    "sign": [("Bisous.", "Bisous."), ("À très vite.", "À très vite."), ("Je vous attends.", "Je vous attends."),
             ("Kiss.", "Kiss."), ("À bientôt, {p}.", "À bientôt, {p}."), ("Gros bisous.", "Gros bisous.")],
    "signen": _same("Kisses.", "See you soon.", "Call me!"),
    "short": [("{d} dispo sur {v}, {a} ans.", "{d} dispo sur {v}."),
              ("{d} pour moment sympa, {a}ans.", "{d} pour moment sympa."),
              ("{d} de {a} ans cherche rencontre généreuse sur {v}.", "{d} cherche rencontre généreuse sur {v}."),
              ("Nouvelle sur {v}, {d}, appelle moi.", "Nouvelle sur {v}, {d}, appelle moi.")],
}
_TITLES = [
    ("{P} - {v}", "{P} - {v}"), ("{D} à {v}", "{D} à {v}"), ("{P}, {a} ans, {v}", "{P}, {v}"),
    ("Nouvelle {d} sur {v}", "Nouvelle {d} sur {v}"), ("{D} de passage", "{D} de passage"),
    ("Moment de détente {v}", "Moment de détente {v}"), ("{D}", "{D}"), ("NEW {P} {v}", "NEW {P} {v}"),
    ("Escorte {d} {v}", "Escorte {d} {v}"), ("{D} aux formes", "{D} aux formes"),
]
_TITLES_EN = [("Sweet {P} in {v}", "Sweet {P} in {v}"), ("{P} new in town", "{P} new in town"),
              ("{Den} girl {v}", "{Den} girl {v}")]
_TITLES_M = [("Jeune mec {v}", "Jeune mec {v}"), ("Massage homme {v}", "Massage homme {v}"),
             ("{P} {a} ans dispo", "{P} dispo")]
_TYPOS = [("appartement", "apartement"), ("Disponible", "Disponnible"), ("disponible", "dispo"),
          ("reçois", "recois"), ("À bientôt", "A bientot"), ("à l'hôtel", "a l'hotel"), ("très", "tres"),
          ("messieurs", "messieur"), ("vous attends", "vous attend"), ("agréable", "agreable"),
          ("numéro", "numero"), ("jusqu'à", "jusqu'a"), ("s'il vous plaît", "svp"), ("appelez", "appeler"),
          ("quelques", "quelque"), ("discrétion", "discretion"), ("sourire", "sourir"), ("Je suis", "Jsuis"),
          ("rendez-vous", "rdv"), ("environs", "environ")]
_BOILER = ["[Photos vérifiées]", "[100% vérifié]", "Ne jamais payer par carte prépayée avant une rencontre.",
           "Annonce VIP", "[Photos réelles]"]

# ---------------------------------------------------------------------------
# Growth laws
# ---------------------------------------------------------------------------


def persons_for_ads(n_ads: int) -> int:
    """Distinct persons presented by ``n_ads`` ads: 273 for 699 (report), then
    ``round(273 * (n/699) ** 0.8)``, clamped to [1, n]."""
    n = int(n_ads)
    if n < 1:
        return 0
    return int(min(n, max(1, round(273 * (n / 699.0) ** 0.8))))


def collection_days(n_ads: int) -> int:
    """Days of collection: 77 (20 Sep - 5 Dec 2018) up to 699 ads, then
    ``round(77 * sqrt(n/699))``."""
    n = int(n_ads)
    if n <= 699:
        return 77
    return int(round(77 * math.sqrt(n / 699.0)))


# ---------------------------------------------------------------------------
# Helpers
# ---------------------------------------------------------------------------


def _strip_accents(s):
    return "".join(ch for ch in unicodedata.normalize("NFD", s) if unicodedata.category(ch) != "Mn")


def _capitalize(s):
    return s[:1].upper() + s[1:] if s else s


def _typed_commune(rnd, ci, ad_form):
    """What the collector types for the commune declared by the ad."""
    c = COMMUNES[ci]
    if ad_form is not None:
        return ad_form
    r = rnd.random()
    nom = c.nom
    if r < 0.46:
        return nom
    if r < 0.56:
        return _strip_accents(nom).replace("-", " ")
    if r < 0.62:
        return nom.upper()
    if r < 0.66:
        return nom.lower()
    if r < 0.74:
        return f"{nom} ({rnd.choice(c.codes_postaux)})"
    if r < 0.78:
        return f"{rnd.choice(c.codes_postaux)} {nom}"
    if r < 0.81:
        return f"{nom} 57"
    if r < 0.88 and nom in _QUARTIERS:
        return f"{nom} {rnd.choice(_QUARTIERS[nom])}"
    if r < 0.94 and nom in _ABBR:
        return rnd.choice(_ABBR[nom])
    if r < 0.96:
        return f"{nom} et alentours"
    if r < 0.975:
        return rnd.choice(["Moselle", "Moselle (57)", "57 Moselle"])
    if r < 0.985:
        other = COMMUNES[rnd.choice(_TOUR_TOWNS)].nom
        return f"{nom} / {other}" if other != nom else nom
    return _strip_accents(nom).lower()


def _gumbel(rng, n):
    return -np.log(-np.log(rng.random(n) + 1e-300) + 1e-300)


# ---------------------------------------------------------------------------
# World construction
# ---------------------------------------------------------------------------


def _dating_groups(n_dat, min_groups, rnd):
    sizes = []
    rem = n_dat
    while rem > 0:
        s = 11 if rnd.random() < 0.85 else rnd.randint(6, 10)
        s = min(s, rem)
        sizes.append(s)
        rem -= s
    while len(sizes) < min_groups:
        j = max(range(len(sizes)), key=lambda i: sizes[i])
        a = sizes[j] // 2
        sizes[j] -= a
        sizes.append(a)
    return sizes


def _allocate(rng, P, total, weights, cap):
    k = np.ones(P, dtype=np.int64)
    extra = total - P
    while extra > 0:
        room = cap - k
        w = weights * (room > 0)
        w = w / w.sum()
        draw = rng.multinomial(extra, w)
        add = np.minimum(draw, room)
        k += add
        extra -= int(add.sum())
    return k


class _Person:
    __slots__ = ("kind", "gender", "net", "region", "nat", "nat2", "age", "age_shift", "pseudos", "alt_p",
                 "labels", "adj", "phones", "switch", "home", "visits", "start", "end", "skels", "typos",
                 "voice", "fmt", "shows_nat", "hair", "eyes", "height", "agency", "copy_of", "age_incoh",
                 "house_p", "idx")


class _Network:
    __slots__ = ("kind", "region", "typos", "skel", "voice", "phone_mode", "phones", "stem", "house_p",
                 "agency", "stops", "home", "batch_days", "agency_sites", "english")


def _skeleton(rnd, voice, gender, passage, indep_clues, english_p, tour):
    """A base text: list of (category, index)."""
    def pick(cat):
        return (cat, rnd.randrange(len(_BANK[cat])))
    sk = []
    if gender == "M":
        sk.append(pick("presm"))
        sk.append(pick("offm"))
        if rnd.random() < 0.5:
            sk.append(pick("offm"))
        if rnd.random() < 0.4:
            sk.append(pick("cond"))
        return sk
    if voice == "en":
        sk += [pick("presen"), pick("offeren")]
        sk.append(pick("passageen") if passage else pick("placeen"))
        if rnd.random() < 0.6:
            sk.append(pick("dispoen"))
        sk.append(pick("conden"))
        sk.append(pick("signen"))
        return sk
    if voice == "short":
        sk.append(pick("short"))
        if rnd.random() < 0.5:
            sk.append(pick("cond"))
        if rnd.random() < 0.3:
            sk.append(pick("sign"))
        return sk
    if voice == "fiche":
        sk.append(("fiche", 0))
        sk.append(pick("offer3"))
        if passage:
            sk.append(pick("passage3"))
        if tour:
            sk.append(pick("tour"))
        return sk
    third = voice == "3p"
    if not third and rnd.random() < 0.7:
        sk.append(pick("intro"))
    sk.append(pick("pres3" if third else "pres1"))
    sk.append(pick("offer3" if third else "offer"))
    if rnd.random() < 0.5:
        sk.append(pick("offer3" if third else "offer"))
    if passage:
        sk.append(pick("passage3" if third else "passage"))
    else:
        sk.append(pick("place3" if third else "place"))
    if tour and rnd.random() < 0.7:
        sk.append(pick("tour"))
    if indep_clues.get("dispo"):
        sk.append(("dispo", rnd.choice([0, 1])))
    elif rnd.random() < 0.4:
        sk.append(("dispo", rnd.randrange(2, len(_BANK["dispo"]))))
    if rnd.random() < 0.6:
        sk.append(pick("cond"))
    if rnd.random() < 0.12:
        sk.append(pick("clients"))
    if english_p and rnd.random() < english_p:
        sk.append(pick("lang"))
    if rnd.random() < 0.8:
        sk.append(pick("sign"))
    return sk


def _dedupe(sk):
    out = []
    for x in sk:
        if x not in out:
            out.append(x)
    return out


def _build(n_ads, seed):
    n = int(n_ads)
    days = collection_days(n)
    P = persons_for_ads(n)
    rng = np.random.default_rng([seed, 57, 14])
    rnd = random.Random(seed * 1_000_003 + 14)
    single_pool, net_stems = _phone_pools(seed)

    # --- channels --------------------------------------------------------
    n_dat = int(round(n * 187 / 699))
    n_esc = int(round(n * 405 / 699))
    if n_dat + n_esc > n:
        n_esc = n - n_dat
    n_cla = n - n_dat - n_esc
    groups = _dating_groups(n_dat, max(0, P - n_esc - n_cla), rnd)
    G = len(groups)
    n_post = G + n_esc + n_cla

    # --- persons ---------------------------------------------------------
    kinds = rng.choice(4, size=P, p=[0.65, 0.05, 0.22, 0.08])  # 0 indep,1 indep passage,2 intl net,3 local net
    gender = np.where(rng.random(P) < 0.84, "F", np.where(rng.random(P) < 7 / 16, "M", "T"))
    # men are mostly independent residents; trans persons mostly in Latin-American networks
    gender = np.where((gender == "M") & (kinds == 2), "F", gender)
    kinds = np.where((gender == "T") & (rng.random(P) < 0.5), 2, kinds)
    persons = []
    scale = math.sqrt(days / 77.0)

    # networks: consecutive members of each kind
    networks = []
    net_of = np.full(P, -1, dtype=np.int64)
    for kd, (lo, hi) in ((2, (3, 12)), (3, (2, 4))):
        members = np.flatnonzero(kinds == kd)
        rng.shuffle(members)
        i = 0
        while i < len(members):
            size = int(min(hi, max(lo, round(rng.gamma(2.5, (lo + hi) / 5.0)))))
            for m in members[i:i + size]:
                net_of[m] = len(networks)
            networks.append(kd)
            i += size
    nets = []
    for j, kd in enumerate(networks):
        nt = _Network()
        nt.kind = kd
        if kd == 2:
            nt.region = rnd.choices(["eur", "latam", "asia", "afr"], [0.4, 0.35, 0.18, 0.07])[0]
        else:
            nt.region = "fr"
        nt.typos = rnd.sample(_TYPOS, rnd.randint(1, 4))
        nt.voice = rnd.choices(["fiche", "3p", "en", "1p"], [0.35, 0.25, 0.15, 0.25])[0] if kd == 2 else \
            rnd.choices(["1p", "short"], [0.6, 0.4])[0]
        nt.english = 0.5 if kd == 2 else 0.0
        nt.skel = None
        r = rnd.random()
        if kd == 2:
            nt.phone_mode = "shared" if r < 0.35 else ("siblings" if r < 0.70 else "own")
        else:
            nt.phone_mode = "shared" if r < 0.6 else "own"
        nt.house_p = rnd.choice(_REGION_NAMES[nt.region]) if (kd == 2 and rnd.random() < 0.3) else None
        nt.agency = rnd.choice(_AGENCIES) if kd == 2 else None
        _ag = [int(x) for x in np.flatnonzero(_ESC_AG)]
        nt.agency_sites = rnd.choices(_ag, [float(_ESC_W[x]) for x in _ag], k=2) if kd == 2 else []
        # activity / tour stops
        s0 = rnd.randint(0, days - 1) - rnd.randint(0, 10)
        span = min(180, 20 + int(rng.exponential(60)))
        stops = []
        t = s0
        while t < s0 + span:
            ln = rnd.randint(3, 10)
            stops.append((t, t + ln - 1, int(rng.choice(_TOUR_TOWNS, p=_TOUR_W))))
            t += ln + rnd.randint(0, 5)
        nt.stops = stops
        nt.home = int(rng.choice(len(COMMUNES), p=_CW))
        nt.batch_days = [rnd.randint(0, days - 1) for _ in range(max(2, int(3 * scale)))]
        nt.phones = []
        nt.stem = None
        nets.append(nt)

    for i in range(P):
        p = _Person()
        p.idx = i
        kd = int(kinds[i])
        p.kind = kd
        p.gender = str(gender[i])
        p.net = int(net_of[i])
        nt = nets[p.net] if p.net >= 0 else None
        if nt is not None:
            region = nt.region if rnd.random() < 0.9 else rnd.choice(["eur", "latam"])
        elif p.gender == "T":
            region = rnd.choices(["latam", "fr", "eur"], [0.7, 0.2, 0.1])[0]
        else:
            region = rnd.choices(["fr", "latam", "eur", "asia", "afr"], [0.55, 0.15, 0.15, 0.08, 0.07])[0]
        p.region = region
        # declared nationality
        shows = {0: 0.45, 1: 0.7, 2: 0.9, 3: 0.35}[kd]
        if rnd.random() < shows:
            if region == "fr" or (kd in (0, 3) and rnd.random() < 0.3):
                p.nat = "française" if region == "fr" or rnd.random() < 0.5 else None
            else:
                p.nat = rnd.choice(_NATS_BY_REGION[region])
            if p.nat is None:
                p.nat = rnd.choice(_NATS_BY_REGION[region])
        else:
            p.nat = None
        p.nat2 = None
        if p.nat and rnd.random() < 0.12:
            p.nat2 = rnd.choice([x for x in _NATS if x != p.nat and _NATS[x][1] != "fr"])
        # age
        if p.gender == "M":
            age = rnd.randint(19, 35)
        elif kd == 2:
            age = int(min(42, max(18, rng.normal(28, 4.5))))
        else:
            age = int(min(55, max(18, rng.normal(34, 7))))
        p.age = age
        p.age_shift = rnd.choice([0, 0, 0, 1, 2, 3]) if age > 22 else 0
        p.age_incoh = rnd.random() < 0.30
        # pseudo
        pool = _NAMES_M if p.gender == "M" else _REGION_NAMES[region]
        main = pool[int(rng.choice(len(pool), p=_zipf_weights(len(pool))))]
        p.pseudos = [main]
        p.alt_p = 0.0
        if rnd.random() < 0.22:
            alt = rnd.choice(_DIMINUTIVES[main]) if main in _DIMINUTIVES and rnd.random() < 0.6 else rnd.choice(pool)
            if alt != main:
                p.pseudos.append(alt)
                p.alt_p = rnd.uniform(0.25, 0.6)
        p.house_p = nt.house_p if nt is not None and nt.house_p and rnd.random() < 0.6 else None
        # descriptors
        p.labels = [rnd.choice(_REGION_LABELS[region])]
        if rnd.random() < 0.3:
            p.labels.append(rnd.choice(_REGION_LABELS[region]))
        p.adj = rnd.choice(_ADJ)
        p.hair, p.eyes, p.height = rnd.choice(_HAIR), rnd.choice(_EYES), rnd.randint(150, 180)
        p.agency = nt.agency if nt is not None else None
        # voice
        if p.gender == "M":
            p.voice = "m"
        elif nt is not None:
            p.voice = nt.voice if rnd.random() < 0.8 else rnd.choice(["1p", "3p", "en", "short"])
        else:
            p.voice = rnd.choices(["1p", "short", "3p", "en"], [0.72, 0.22, 0.03, 0.03])[0]
        p.fmt = rnd.randrange(_N_PHONE_STYLES) if rnd.random() < 0.5 else rnd.choice([0, 0, 1, 2])
        p.typos = (list(nt.typos) if nt is not None and rnd.random() < 0.85 else
                   (rnd.sample(_TYPOS, rnd.randint(1, 3)) if rnd.random() < 0.45 else []))
        p.copy_of = None
        # presence
        if kd in (2, 1):
            if nt is not None:
                k0 = rnd.randrange(len(nt.stops))
                chosen = nt.stops[k0:k0 + rnd.randint(1, 3)]
                if rnd.random() < 0.2:
                    chosen = chosen + [rnd.choice(nt.stops)]
            else:
                chosen = []
                for _ in range(rnd.randint(1, 2)):
                    s = rnd.randint(0, days - 1)
                    chosen.append((s, s + rnd.randint(3, 14), int(rng.choice(_TOUR_TOWNS, p=_TOUR_W))))
            vis = []
            for a, b, c in chosen:
                a2, b2 = max(0, a), min(days - 1, b)
                if a2 > b2:
                    a2 = b2 = min(days - 1, max(0, a))
                vis.append((a2, b2, c))
            p.visits = vis
            p.start = min(v[0] for v in vis)
            p.end = max(v[1] for v in vis)
            p.home = vis[0][2]
        else:
            p.visits = None
            if nt is not None:
                p.home = nt.home if rnd.random() < 0.7 else rnd.choice(_AGGLO_MEMBERS[COMMUNES[nt.home].agglo])
            else:
                p.home = int(rng.choice(len(COMMUNES), p=_CW))
            st = rnd.uniform(-0.5 * days, days - 1)
            dur = 30 + rng.exponential(min(700.0, 0.8 * days))
            p.start = int(max(0, st))
            p.end = int(min(days - 1, max(p.start, st + min(dur, 730))))
        persons.append(p)

    # skeletons (after voices known)
    indep = [p for p in persons if p.net < 0 and p.gender != "M"]
    for p in persons:
        nt = nets[p.net] if p.net >= 0 else None
        passage = p.kind in (1, 2) and rnd.random() < 0.92
        if p.kind == 0 and rnd.random() < 0.03:
            passage = True
        clues = {"dispo": (nt is not None and nt.kind == 2 and rnd.random() < 0.5) or
                 (nt is None and rnd.random() < 0.05)}
        tour = nt is not None and nt.kind == 2 and rnd.random() < 0.35
        if nt is not None and nt.skel is None:
            nt.skel = _skeleton(rnd, p.voice, p.gender, passage, clues, nt.english, tour)
        nsk = rnd.choices([1, 2, 3], [0.65, 0.25, 0.10])[0]
        sks = []
        for j in range(nsk):
            if nt is not None and j == 0 and p.voice == nt.voice and rnd.random() < 0.8:
                sk = list(nt.skel)
                if rnd.random() < 0.4:
                    sk = sk[:-1] + _skeleton(rnd, p.voice, p.gender, passage, clues, 0, False)[-1:]
            else:
                sk = _skeleton(rnd, p.voice, p.gender, passage, clues,
                               (nt.english if nt is not None else 0.05), tour)
            sks.append((_dedupe(sk), passage, p.voice))
        p.skels = sks
    # 3 % of independents copy another independent's base text
    if len(indep) > 1:
        for p in indep:
            if rnd.random() < 0.03:
                q = rnd.choice(indep)
                if q is not p:
                    p.copy_of = q.idx
                    p.skels = [q.skels[0]] + p.skels[1:]
                    p.typos = list(q.typos)

    # --- postings per person --------------------------------------------
    mult = np.select([kinds == 2, kinds == 3], [1.7, 1.3], 1.0) * np.where(gender == "M", 0.7, 1.0)
    wts = rng.gamma(0.8, 1.0, P) * mult + 1e-9
    cap = int(max(10, round(10 * scale), math.ceil(3 * n_post / P)))
    k = _allocate(rng, P, n_post, wts, cap)
    owner = np.repeat(np.arange(P), k)
    rank = np.arange(n_post) - np.repeat(np.cumsum(k) - k, k)

    # --- channel assignment ---------------------------------------------
    pk = kinds[owner]
    pg = gender[owner]
    pref_dat = np.select([pk == 2, pk == 1], [-2.5, -1.0], 0.3) + np.where(pg == "M", 0.5, 0.0)
    key = pref_dat + _gumbel(rng, n_post)
    key[rank >= 2] = -1e9
    chan = np.full(n_post, 0, dtype=np.int64)  # 0 escort, 1 classified, 2 dating
    order = np.argsort(-key, kind="stable")
    chan[order[:G]] = 2
    pref_cla = np.select([pk == 2, pk == 3], [-2.0, 0.8], 0.0) + np.where(pg == "M", 1.8, 0.0)
    key2 = pref_cla + _gumbel(rng, n_post)
    key2[chan == 2] = -1e18
    order2 = np.argsort(-key2, kind="stable")
    chan[order2[:n_cla]] = 1

    # --- phones -----------------------------------------------------------
    # Numbers are handed out in order of first use; a number (or a network's
    # block of 100) is reassigned only after a quarantine following its last
    # owner's activity, like operators recycle numbers.
    quarantine, stem_quarantine = 365, 180
    busy = np.full(len(single_pool), -10 ** 9, dtype=np.int64)
    ptr = [0]

    def take_single(day, until):
        npool = len(single_pool)
        for _ in range(npool):
            i = ptr[0] % npool
            ptr[0] += 1
            if busy[i] + quarantine < day:
                busy[i] = until
                return int(single_pool[i])
        i = ptr[0] % npool  # pool exhausted (never at the supported sizes)
        busy[i] = max(busy[i], until)
        return int(single_pool[i])

    stem_busy = np.full(len(net_stems), -10 ** 9, dtype=np.int64)
    net_ptr = [0]

    def take_stem(day, until):
        for _ in range(len(net_stems)):
            i = net_ptr[0] % len(net_stems)
            net_ptr[0] += 1
            if stem_busy[i] + stem_quarantine < day:
                stem_busy[i] = until
                return net_stems[i]
        return None

    net_first, net_last = {}, {}
    for p in persons:
        if p.net >= 0:
            net_first[p.net] = min(net_first.get(p.net, 10 ** 9), p.start)
            net_last[p.net] = max(net_last.get(p.net, -1), p.end)
    events = sorted([(p.start, 1, p.idx) for p in persons] + [(d, 0, j) for j, d in net_first.items()])
    for day, typ, j in events:
        if typ == 0:
            nt = nets[j]
            if nt.phone_mode == "siblings":
                nt.stem = take_stem(day, net_last[j])
                if nt.stem is None:
                    nt.phone_mode = "shared"
            if nt.phone_mode == "shared":
                nt.phones = [take_single(day, net_last[j]) for _ in range(1 if rnd.random() < 0.6 else 2)]
            continue
        p = persons[j]
        nt = nets[p.net] if p.net >= 0 else None
        if nt is None or nt.phone_mode == "own":
            p.phones = [take_single(day, p.end)]
            if rnd.random() < 0.15:
                p.phones.append(take_single(day, p.end))
        elif nt.phone_mode == "siblings":
            used = {x % 100 for x in nt.phones}
            free = [d for d in range(100) if d not in used]
            last = rnd.choice(free)
            num = nt.stem * 100 + last
            nt.phones.append(num)
            p.phones = [num]
        else:
            p.phones = list(nt.phones)
        p.switch = rnd.randint(p.start, p.end) if len(p.phones) > 1 else None

    # --- postings: date, commune, site ------------------------------------
    post_day = np.empty(n_post, dtype=np.int64)
    post_com = np.empty(n_post, dtype=np.int64)
    post_site = [None] * n_post
    post_sk = np.empty(n_post, dtype=np.int64)
    esc_p_norm = _ESC_W / _ESC_W.sum()
    indep_esc_w = np.where(_ESC_AG, 0.15, 1.0) * _ESC_W
    indep_esc_w /= indep_esc_w.sum()
    cla_p = _CLA_W / _CLA_W.sum()
    u_site = rng.random(n_post)
    esc_draw_indep = rng.choice(len(_ESC_NAMES), size=n_post, p=indep_esc_w)
    esc_draw_all = rng.choice(len(_ESC_NAMES), size=n_post, p=esc_p_norm)
    cla_draw = rng.choice(len(_CLA_NAMES), size=n_post, p=cla_p)
    for t in range(n_post):
        p = persons[owner[t]]
        nt = nets[p.net] if p.net >= 0 else None
        if p.visits is not None:
            a, b, c = p.visits[rnd.randrange(len(p.visits))]
            d = rnd.randint(a, b)
            ci = c
        else:
            if nt is not None and rnd.random() < 0.6:
                cands = [x for x in nt.batch_days if p.start <= x <= p.end]
                d = rnd.choice(cands) if cands else rnd.randint(p.start, p.end)
            else:
                d = rnd.randint(p.start, p.end)
            r = rnd.random()
            if r < 0.85:
                ci = p.home
            elif r < 0.95:
                ci = rnd.choice(_AGGLO_MEMBERS[COMMUNES[p.home].agglo])
            else:
                ci = rnd.choice(_TOUR_TOWNS)
        post_day[t] = d
        post_com[t] = ci
        ch = chan[t]
        if ch == 0:
            if nt is not None and nt.kind == 2 and u_site[t] < 0.25:
                post_site[t] = _ESC_NAMES[rnd.choice(nt.agency_sites)]
            elif p.kind == 2:
                post_site[t] = _ESC_NAMES[esc_draw_all[t]]
            else:
                post_site[t] = _ESC_NAMES[esc_draw_indep[t]]
        elif ch == 1:
            post_site[t] = _CLA_NAMES[cla_draw[t]]
        post_sk[t] = rnd.randrange(len(p.skels)) if rnd.random() < 0.5 else 0

    # --- render ads --------------------------------------------------------
    ad_post = []
    ad_site = []
    ad_day = []
    ad_mirror = []
    gi = 0
    for t in range(n_post):
        if chan[t] == 2:
            s = groups[gi]
            gi += 1
            sites = rnd.sample(_DATING_MIRRORS, s)
            for m, st in enumerate(sites):
                ad_post.append(t)
                ad_site.append(st)
                ad_day.append(min(days - 1, int(post_day[t]) + (0 if m == 0 else rnd.randint(0, 6))))
                ad_mirror.append(m)
        else:
            ad_post.append(t)
            ad_site.append(post_site[t])
            ad_day.append(int(post_day[t]))
            ad_mirror.append(-1)
    assert len(ad_post) == n

    # per-posting rendered content (shared by mirror copies)
    rendered = {}
    rows_site, rows_date, rows_com, rows_title, rows_text, rows_tel, rows_ps, rows_age = ([] for _ in range(8))
    dates = [(START_DATE + _dt.timedelta(days=i)).isoformat() for i in range(days)]
    for a in range(n):
        t = ad_post[a]
        p = persons[owner[t]]
        if t not in rendered or ad_mirror[a] < 0:
            rendered[t] = _render(rnd, p, nets[p.net] if p.net >= 0 else None, int(post_day[t]),
                                  int(post_com[t]), int(post_sk[t]), ad_site[a], chan[t], days)
        title, text, tel, pseudo, age, ad_form = rendered[t]
        m = ad_mirror[a]
        if m > 0:
            r = rnd.random()
            if r < 0.10 and len(text) > 160:
                text = text[:150].rstrip() + "…"
            elif r < 0.25:
                tel = ""
        rows_site.append(ad_site[a])
        rows_date.append(dates[ad_day[a]])
        rows_com.append(_typed_commune(rnd, int(post_com[t]), ad_form))
        rows_title.append(title)
        rows_text.append(text)
        rows_tel.append(tel)
        rows_ps.append(pseudo)
        rows_age.append(age)

    # --- ids and order ------------------------------------------------------
    person_perm = rng.permutation(P)
    net_perm = rng.permutation(max(1, len(nets)))
    ad_person = np.array([owner[t] for t in ad_post], dtype=np.int64)
    day_arr = np.array(ad_day, dtype=np.int64)
    site_arr = np.array(rows_site, dtype=object)
    tie = rng.random(n)
    order = np.lexsort((tie, site_arr, day_arr))
    ids = np.array([f"A57-{i + 1:07d}" for i in range(n)], dtype=object)
    sheet = pd.DataFrame({
        "id_annonce": ids,
        "site": site_arr[order],
        "date_collecte": np.array(rows_date, dtype=object)[order],
        "commune_declaree": np.array(rows_com, dtype=object)[order],
        "titre": np.array(rows_title, dtype=object)[order],
        "texte": np.array(rows_text, dtype=object)[order],
        "telephone": np.array(rows_tel, dtype=object)[order],
        "pseudo": np.array(rows_ps, dtype=object)[order],
        "age_declare": np.array(rows_age, dtype=object)[order],
    }, columns=list(SHEET_COLUMNS))
    pid = np.array([f"P57-{int(person_perm[i]) + 1:07d}" for i in range(P)], dtype=object)
    nid_of_person = np.array([f"R57-{int(net_perm[persons[i].net]) + 1:05d}" if persons[i].net >= 0 else ""
                              for i in range(P)], dtype=object)
    truth = pd.DataFrame({
        "id_annonce": ids,
        "id_personne": pid[ad_person[order]],
        "id_reseau": nid_of_person[ad_person[order]],
    }, columns=list(TRUTH_COLUMNS))
    return sheet, truth


def _render(rnd, p, nt, day, ci, sk_i, site, chan, days):
    """Render one posting: (title, text, phone, pseudo, age, commune form or None)."""
    nom = COMMUNES[ci].nom
    # pseudo
    if p.house_p and rnd.random() < 0.7:
        ps = p.house_p
    elif len(p.pseudos) > 1 and rnd.random() < p.alt_p:
        ps = p.pseudos[1]
    else:
        ps = p.pseudos[0]
    r = rnd.random()
    if r < 0.06:
        ps_shown = ps.upper()
    elif r < 0.12:
        ps_shown = _strip_accents(ps)
    elif r < 0.15:
        ps_shown = f"{ps}{rnd.choice(['57', '_x', ' ❤', ' TS' if p.gender == 'T' else ' VIP'])}"
    else:
        ps_shown = ps
    # age
    is_agency = site in _ESC_NAMES and bool(_ESC_AG[_ESC_NAMES.index(site)])
    p_age = 0.95 if is_agency else (0.5 if chan == 0 else 0.25)
    sk, passage, voice = p.skels[sk_i]
    if voice == "fiche":
        p_age = 0.95
    show_age = rnd.random() < p_age
    age_v = p.age - p.age_shift
    if p.age_incoh and rnd.random() < 0.4:
        age_v += rnd.choice([-3, -2, -1, 1, 2])
    age_v = max(18, age_v)
    # nationality label
    nat = p.nat
    if p.nat2 and rnd.random() < 0.4:
        nat = p.nat2
    lab = rnd.choice(p.labels)
    if p.gender == "T":
        core = f"{lab} trans" if rnd.random() < 0.5 else f"transsexuelle {nat or lab}"
    elif nat and rnd.random() < 0.6:
        core = nat
    else:
        core = lab
    d = f"{p.adj} {core}"
    den = f"{_ADJ_EN.get(p.adj, 'sweet')} {_NATS[nat][0] if nat else 'girl'}"
    # tour
    nx, nx2 = rnd.sample(_ABROAD, 2)
    t1 = START_DATE + _dt.timedelta(days=day)
    t2 = t1 + _dt.timedelta(days=rnd.randint(3, 7))
    slots = {
        "p": ps, "a": age_v, "d": d, "den": den, "v": nom, "site": site.split(".")[0],
        "t1": t1.strftime("%d/%m"), "t2": t2.strftime("%d/%m"), "nx": nx, "nx2": nx2,
        "langs": _REGION_LANGS[p.region],
    }
    parts = []
    for cat, idx in sk:
        if cat == "fiche":
            f = [f"Prénom : {ps}"]
            if show_age:
                f.append(f"Âge : {age_v} ans")
            if nat:
                f.append(f"Nationalité : {_capitalize(nat)}")
            f += [f"Cheveux : {p.hair}", f"Yeux : {p.eyes}", f"Taille : {p.height} cm",
                  f"Langues : {_REGION_LANGS[p.region]}", f"Ville : {nom}",
                  "Incall / Outcall", "Disponibilité : " + ("24h/24" if rnd.random() < 0.5 else "sur rendez-vous")]
            parts.append(" | ".join(f) + ".")
            continue
        tmpl = _BANK[cat][idx][0 if show_age else 1]
        parts.append(tmpl.format(**slots))
    if parts:
        parts[0] = _capitalize(parts[0])
    # light per-ad edits
    if len(parts) > 3 and rnd.random() < 0.2:
        del parts[rnd.randrange(1, len(parts))]
    if rnd.random() < 0.08:
        parts.insert(0, rnd.choice(["NOUVELLE !", "De retour !", "Nouvelles photos.", "Enfin de retour sur " + nom + "."]))
    if p.agency and voice in ("fiche", "3p", "en") and rnd.random() < 0.7:
        parts.append(f"Réservation : {p.agency}.")
    sep = "\n" if rnd.random() < 0.25 else " "
    text = sep.join(x for x in parts if x)
    for a, b in p.typos:
        text = text.replace(a, b)
    # phone
    num = None
    if p.phones:
        num = p.phones[0]
        if p.switch is not None and day >= p.switch and rnd.random() < 0.8:
            num = p.phones[1]
        elif nt is not None and nt.phone_mode == "shared" and len(p.phones) > 1 and rnd.random() < 0.3:
            num = p.phones[1]
    show_tel = rnd.random() < (0.85 if chan == 0 else (0.75 if chan == 1 else 0.6))
    style = p.fmt if rnd.random() < 0.7 else rnd.randrange(_N_PHONE_STYLES)
    tel = format_phone(num, style) if (num is not None and show_tel) else ""
    if num is not None and rnd.random() < 0.12:
        text += f" {rnd.choice(['Tél', 'Appelle-moi au', 'Contact :', 'Call'])} {format_phone(num, rnd.randrange(_N_PHONE_STYLES))}"
    if chan == 0 and rnd.random() < 0.06:
        text += " " + rnd.choice(_BOILER)
    if chan == 2 and rnd.random() < 0.15:
        text += " " + _BOILER[2]
    # title
    if voice == "m":
        tl = _TITLES_M
    elif voice == "en":
        tl = _TITLES_EN
    else:
        tl = _TITLES
    if nt is not None and nt.skel is not None:
        ti = (hash_index(nt.agency or str(nt.home), len(tl)) if rnd.random() < 0.6 else rnd.randrange(len(tl)))
    else:
        ti = rnd.randrange(len(tl))
    tt = tl[ti][0 if show_age else 1]
    title = tt.format(P=ps_shown, D=_capitalize(d), d=lab, v=nom, a=age_v, Den=_capitalize(den))
    if chan == 2 and rnd.random() < 0.3:
        title = title.upper()
    # pseudo field shown?
    p_ps = 0.97 if chan == 0 else (0.7 if chan == 1 else 0.55)
    pseudo_field = ps_shown if rnd.random() < p_ps else ""
    age_field = str(age_v) if show_age else ""
    return title, text, tel, pseudo_field, age_field, None


def hash_index(s, k):
    """Stable small index from a string (network title habit)."""
    return int(hashlib.md5(s.encode("utf-8")).hexdigest()[:8], 16) % k


# ---------------------------------------------------------------------------
# Public API
# ---------------------------------------------------------------------------


def fourteenth_world(n_ads: int, seed: int = DEFAULT_SEED) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Return (sheet, truth) for ``n_ads`` ads, deterministic for ``seed``."""
    n = int(n_ads)
    if n < 1:
        raise ValueError("n_ads must be >= 1")
    return _build(n, int(seed))


def write_fourteenth_world(n_ads: int, folder, seed: int = DEFAULT_SEED) -> tuple[Path, Path]:
    """Write ``folder/annonces-SYNTHETIQUE.csv`` and ``folder/verite/annonces-SYNTHETIQUE.csv``
    (UTF-8, comma), where the benchmarks read every world."""
    folder = Path(folder)
    (folder / "verite").mkdir(parents=True, exist_ok=True)
    sheet, truth = fourteenth_world(n_ads, seed)
    a = folder / "annonces-SYNTHETIQUE.csv"
    v = folder / "verite" / "annonces-SYNTHETIQUE.csv"
    sheet.to_csv(a, index=False, encoding="utf-8", lineterminator="\n")
    truth.to_csv(v, index=False, encoding="utf-8", lineterminator="\n")
    return a, v


def read_sheet(path) -> pd.DataFrame:
    """Read a written CSV back with every column as strings."""
    return pd.read_csv(path, dtype=str, keep_default_na=False, encoding="utf-8")
