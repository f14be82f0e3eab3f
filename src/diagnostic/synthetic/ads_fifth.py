"""A fifth synthetic corpus of online ads, set in the Gironde (département 33), written blind.

Data sheet
==========

Purpose. A collection sheet of online ads as a collector saves them (step 7 of the method: the
ads of one département, saved site by site), with the truth kept apart (who posted each ad), so
that the linkage of ads into persons can be judged on a corpus written by a hand that never saw
the linkage code. Everything here is synthetic and fictional: no real person, no real site, no
reachable telephone number.

What the world takes from the report (Amicale du Nid, *Diagnostic de la prostitution dans le
Pas-de-Calais*, 2020), transposed to the Gironde
------------------------------------------------------------------------------------------------
- I-B-1 and annex 5 (1-a): the sites fall into escort directories and agencies, general
  classified-ad sites, dating sites and one site of massage salons; several dating sites
  "renvoient à des contenus identiques" (mirrors copying the same ads); directories mix agencies
  and persons presented as independent; agency sheets are standardised, in several languages,
  with tour dates. The collection counts ads by the town their authors declare.
- II-B: 699 ads, a duplicate rate of about 61 %, hence 273 persons. Here, at ``n_ads = 699``,
  the truth holds exactly 273 persons. The report's site table (58 % of ads on escort sites,
  15 % on classified-ad sites, 27 % on dating sites, 11 dating sites each showing the same
  17 ads) guides the site weights and the mirror family below.
- II-B (quoted ads): the vocabulary (« moment de détente », « compagnie », « discrétion,
  respect, hygiène », « je ne réponds pas aux numéros masqués et pas de sms », « photos 100 %
  réelles », « je vous attends », « je peux me déplacer », « bisous »), never explicit.
- III-D: ads are placed by declared town; 18 % of them present the person as « de passage »;
  the ads concentrate on a few agglomerations but reach rural communes; coastal towns are
  seasonal. Here: Bordeaux and its metropole, the Bassin d'Arcachon, Libourne, and a tail of
  rural Gironde communes (COG 2018, ``communes.official_names()``).
- IV-A-1: 84 % of the persons in ads are women, 7 % men, 9 % transgender persons.
- IV-A-2: 53 % of ads give no age; declared ages average about 30; no declared minor (the
  sites forbid it), youth used as an argument.
- IV-A-3: an origin is stated for 58 % of persons, of whom 20 % French and 80 % foreign (Latin
  America, Europe, Asia, Africa); categories are marketing, not identity.
- V-A-1 (intra-family and partner pimping), V-A-2 (international networks touring apartments,
  Eastern European, South American, Chinese), V-A-4 (networks visible on the internet) give the
  person types, and V-A-4's list of indices is what network ads show here: the same text
  template for different persons, one handle for several persons, the same phone numbers or
  numbers differing only in their last two digits, third-person ads, English ads, several
  names or ages for one person, « de passage », « 24h/24 ». 38 % of the ads studied show such
  indices clearly.

Decisions that are not in the report (each one « decided, not in the report »)
------------------------------------------------------------------------------
- Growth law: persons(n) = min(n, round(273 * sqrt(n / 699))) and a collection window of
  round(77 * sqrt(n / 699)) days (at least one) ending on 5 December 2018, the report's last
  day: a longer collection reaches further back, meets the same persons again (reposts, new
  numbers, new handles) and newcomers. At 699 ads the window is the report's own, 20 September
  to 5 December 2018 (77 days). « decided, not in the report »

  ============  ========  ==========================  =====================
  ads            persons   window (days, first day)    ads per person (mean)
  ============  ========  ==========================  =====================
  699              273       77 (2018-09-20)             2.56
  2 000            462      130 (2018-07-29)             4.33
  100 000        3 265      921 (2016-05-29)            30.6
  1 000 000     10 326    2 912 (2010-12-16)            96.8
  ============  ========  ==========================  =====================

- Person types (shares of persons, fixed quotas): independent 56 %, local pimp (partner or
  "ami", one to three persons, V-A-1) 12 %, escort agency 10 %, touring network (sex-tours,
  V-A-2) 18 %, massage salon 4 %. Network sizes grow slowly with the collection length
  (x (n/699)^0.15). Ads per person follow a heavy tail: a log-normal posting rate (sigma 0.8,
  capped at 5) times the days the person is active, times 1 (independent), 1.5 (pimp, salon), 2 (agency),
  3 (touring). « decided, not in the report »
- Mirrors: one dating family (a source site and 8 mirrors copying each ad with probability
  0.9, within 0 to 4 days), one escort directory copied by 2 mirrors (0.7), and one aggregator
  copying any escort directory ad with probability 0.08. Mirrors may cut the text at about 220
  characters, drop or reformat the phone field, and show only their own list of towns.
  « decided, not in the report »
- Activity: independent and other persons are active for 20 days plus an exponential time
  (mean 420 days independent, 250 pimp, 200 salon, 120 agency); touring persons have a career
  (20 days plus an exponential of mean 300) holding 1 to 6 tours of 3 to 14 days.
- Identity over time: a person's active time is cut into 1 to 5 periods (each tour is a period
  for touring persons); at each new period the person changes phone number (p = 0.45, touring
  0.35), handle
  (0.35), first name given (0.25), text (0.5); the declared age drifts by a year (0.3).
  Between two ads of one period: a sentence rephrased (0.25), one dropped (0.15), two swapped
  (0.1), a typo (0.08). Network members share the network's text template (0.85), the
  network's account handle on some sites (agency, touring 0.4, salon always), the network's
  phones (agency, pimp, salon) or numbers of one block of 100 differing in their last two
  digits (touring). « decided, not in the report »
- Phones: only the ARCEP fiction ranges (TECH-NOTES): 06 39 98 for most persons, 05 36 49 for
  salons and some local lines, 01 99 00 for Paris-based agencies and touring networks, 02 61 91,
  03 53 01, 04 65 71 for a few persons. There is a single fiction mobile range of 10 000
  numbers: once 7 500 of a range are used, new numbers come from the next range (at 1 000 000
  ads, 06 39 98 reaches that mark and 05 36 49, 01 99 00... take the rest: the fixed fiction
  ranges stand for the many mobile ranges of real ads). 12 % of independent persons never show
  a number.
  Phone written in the text with probability 0.5 on dating sites (no phone field there), 0.3
  elsewhere, in 15 spellings (spaces, dots, dashes, slashes, +33, 0033, a letter O for the
  zero, spaced digits, « zéro 6 ... »). « decided, not in the report »
- « De passage » in 75 % of touring ads, 35 % of agency ads, 5 % of the others (about 20 %
  of ads at 699, fewer in long collections where long-lived independent persons dominate).
- Languages: French; English for 35-40 % of agency and touring ads; Spanish or Portuguese for
  some Latin American persons. « decided, not in the report »
- Towns written as ads write them: official name, without accents or in lower case, with a
  postcode, abbreviated (St-, Bdx), a district of Bordeaux (Chartrons, Caudéran...), a zone
  (« Bordeaux et alentours », « Bassin d'Arcachon »), misspelled, a neighbouring commune, or
  nothing (about 8 %). « decided, not in the report »
- Order of the sheet: by collection date, then at random within a day (the order met, with no
  link to persons); persons and networks are numbered by first appearance. « decided, not in
  the report »

Measured (this 2-core machine, ``/usr/bin/time -v python -c "write_fifth_world(1_000_000,
...)"``, seed 2028): 46.6 s wall clock (45.2 s in the call), maximum resident set 1.63 GB.
At 1 000 000 ads: 10 326 persons, 839 networks, 31 % of ads from networks; 12 763 distinct
numbers drawn out of the 60 000 fiction numbers (06 39 98: 7 500 of 10 000; 05 36 49: 2 342;
01 99 00: 1 792; 04 65 71: 492; 03 53 01: 375; 02 61 91: 262); at most 6 distinct numbers in
one person's phone fields (mean 1.54); ads per person: median 38, mean 96.8, maximum 7 226
(a person active all eight years who posts on the mirrored dating site, each posting copied
up to 8 times). At 100 000 ads: about 5 s and 0.37 GB.

Sober vocabulary: the comments speak of persons in a situation of prostitution; the ad texts
imitate the euphemisms of real ads and nothing more.
"""
from __future__ import annotations

import bisect
import datetime as dt
import math
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import pandas as pd

from diagnostic import communes

DEPARTEMENT = "33"
COLUMNS = ("id_annonce", "site", "date_collecte", "commune_declaree", "titre", "texte",
           "telephone", "pseudo", "age_declare")
TRUTH_COLUMNS = ("id_annonce", "id_personne", "id_reseau")

REPORT_ADS, REPORT_PERSONS, REPORT_DAYS = 699, 273, 77
COLLECTION_END = dt.date(2018, 12, 5)
#: The ARCEP fiction ranges (TECH-NOTES), as the first six digits of a national number.
FICTION_PREFIXES = ("063998", "053649", "019900", "026191", "035301", "046571")
SPILL_AT = 7_500   # numbers used in a range before new numbers go to the next range (decided)


def persons_for(n_ads: int) -> int:
    """Persons behind ``n_ads`` ads: 273 at 699, growing as the square root (decided)."""
    if n_ads <= 0:
        return 0
    return min(n_ads, int(math.floor(REPORT_PERSONS * math.sqrt(n_ads / REPORT_ADS) + 0.5)))


def collection_days(n_ads: int) -> int:
    """Length of the collection window in days: 77 at 699 ads (the report's), as the square root."""
    return max(1, int(math.floor(REPORT_DAYS * math.sqrt(max(n_ads, 1) / REPORT_ADS) + 0.5)))


# --------------------------------------------------------------------------------------- sites
@dataclass(frozen=True)
class Site:
    name: str
    kind: str            # escort, petites, rencontre, massage
    phone_field: float   # probability that the site shows a phone field for an ad
    phone_style: int     # how the site displays it (see _fmt_phone)
    age_style: str       # "ans", "nu" (bare number), "" (no age field), "mix"
    pseudo: str          # name, handle, account, salon
    towns: str           # libre (free text) or liste (the site's own list)
    family: str = ""     # mirror family this site belongs to
    mirror: float = 0.0  # probability a mirror copies an ad of its family's source
    cut: bool = False    # the mirror cuts long texts


SITES = (
    Site("escortes-gironde.example", "escort", 0.92, 0, "ans", "name", "liste", "B"),
    Site("bx-escorts.example", "escort", 0.9, 4, "ans", "name", "libre"),
    Site("annuaire-velours.example", "escort", 0.85, 1, "ans", "name", "liste"),
    Site("garonne-escorts.example", "escort", 0.9, 2, "ans", "name", "libre"),
    Site("charme-sudouest.example", "escort", 0.8, 0, "nu", "name", "libre"),
    Site("vip-compagnie.example", "escort", 0.95, 4, "ans", "name", "liste"),
    Site("eurotour-models.example", "escort", 0.95, 5, "nu", "name", "liste"),
    Site("trans-rencontres-fr.example", "escort", 0.9, 0, "ans", "name", "libre"),
    Site("escort-atlantique.example", "escort", 0.85, 3, "ans", "name", "libre"),
    Site("douces-escortes.example", "escort", 0.8, 1, "mix", "name", "libre"),
    Site("petites-annonces-sudouest.example", "petites", 0.55, 1, "mix", "account", "libre"),
    Site("annonces-du-33.example", "petites", 0.5, 0, "", "account", "libre"),
    Site("troc-annonces.example", "petites", 0.45, 2, "", "account", "liste"),
    Site("entre-particuliers.example", "petites", 0.4, 1, "mix", "account", "libre"),
    Site("salons-bienetre.example", "massage", 0.98, 0, "", "salon", "liste"),
    Site("rencontre-complice.example", "rencontre", 0.0, 0, "nu", "handle", "libre", "A"),
    Site("rencontres-adultes33.example", "rencontre", 0.0, 0, "nu", "handle", "libre"),
    Site("gay-moments.example", "rencontre", 0.2, 1, "nu", "handle", "libre"),
    # mirrors (never the first place of an ad)
    Site("escortes-gironde-bis.example", "escort", 0.92, 0, "ans", "name", "liste", "B", 0.7),
    Site("eg-miroir.example", "escort", 0.6, 1, "nu", "name", "liste", "B", 0.7, True),
    Site("toutes-annonces-escort.example", "escort", 0.7, 5, "mix", "name", "liste", "*", 0.08,
         True),
    Site("coeurs-discrets.example", "rencontre", 0.0, 0, "nu", "handle", "libre", "A", 0.9),
    Site("rencontres-du-soir.example", "rencontre", 0.0, 0, "nu", "handle", "libre", "A", 0.9),
    Site("calins-girondins.example", "rencontre", 0.0, 0, "nu", "handle", "liste", "A", 0.9),
    Site("douce-rencontre.example", "rencontre", 0.0, 0, "nu", "handle", "libre", "A", 0.9, True),
    Site("ephemere-dating.example", "rencontre", 0.0, 0, "nu", "handle", "libre", "A", 0.9),
    Site("sans-lendemain.example", "rencontre", 0.0, 0, "nu", "handle", "libre", "A", 0.9),
    Site("tendres-rencontres.example", "rencontre", 0.0, 0, "nu", "handle", "liste", "A", 0.9),
    Site("flirt-atlantique.example", "rencontre", 0.0, 0, "nu", "handle", "libre", "A", 0.9, True),
)
_SITE_INDEX = {s.name: i for i, s in enumerate(SITES)}
_SOURCES = {"A": _SITE_INDEX["rencontre-complice.example"],
            "B": _SITE_INDEX["escortes-gironde.example"]}
_MIRRORS = {fam: tuple(i for i, s in enumerate(SITES) if s.family == fam and s.mirror > 0)
            for fam in ("A", "B")}
_AGGREGATOR = _SITE_INDEX["toutes-annonces-escort.example"]
_ESCORT_SOURCES = tuple(i for i, s in enumerate(SITES) if s.kind == "escort" and s.mirror == 0)

# Where each person type first posts (site name -> weight). « decided, not in the report »
_FAVOURITES = {
    "indep": {"escortes-gironde.example": 6, "bx-escorts.example": 6, "annuaire-velours.example": 3,
              "garonne-escorts.example": 3, "charme-sudouest.example": 2,
              "escort-atlantique.example": 2, "douces-escortes.example": 2,
              "petites-annonces-sudouest.example": 3, "annonces-du-33.example": 3,
              "troc-annonces.example": 1, "entre-particuliers.example": 2,
              "rencontre-complice.example": 2.5, "rencontres-adultes33.example": 2},
    "pimp": {"bx-escorts.example": 4, "escortes-gironde.example": 3, "petites-annonces-sudouest.example": 4,
             "annonces-du-33.example": 4, "entre-particuliers.example": 2,
             "rencontre-complice.example": 1.5, "rencontres-adultes33.example": 3},
    "agency": {"vip-compagnie.example": 8, "eurotour-models.example": 4, "escortes-gironde.example": 4,
               "annuaire-velours.example": 3, "garonne-escorts.example": 2},
    "touring": {"eurotour-models.example": 5, "escortes-gironde.example": 5, "bx-escorts.example": 5,
                "escort-atlantique.example": 3, "douces-escortes.example": 2,
                "annonces-du-33.example": 2, "rencontre-complice.example": 0.6},
    "salon": {"salons-bienetre.example": 10, "petites-annonces-sudouest.example": 3,
              "annonces-du-33.example": 2},
}
_FAV_MEN = {"gay-moments.example": 6, "rencontres-adultes33.example": 3,
            "petites-annonces-sudouest.example": 3, "entre-particuliers.example": 2,
            "bx-escorts.example": 1}
_FAV_TRANS = {"trans-rencontres-fr.example": 8, "bx-escorts.example": 3, "escortes-gironde.example": 2,
              "annonces-du-33.example": 1}

# ----------------------------------------------------------------------------------- communes
# Gironde communes by zone, with a weight for where persons say they are. « decided »
_ZONES = {
    "metropole": ("Bordeaux et alentours", {
        "Bordeaux": 40, "Mérignac": 6, "Pessac": 4, "Talence": 4, "Bègles": 3,
        "Villenave-d'Ornon": 2, "Le Bouscat": 2, "Cenon": 2, "Lormont": 2, "Floirac": 1.5,
        "Gradignan": 1.5, "Eysines": 1.5, "Saint-Médard-en-Jalles": 1.2, "Blanquefort": 1,
        "Bruges": 1, "Le Haillan": 0.8, "Bassens": 0.6, "Ambarès-et-Lagrave": 0.8,
        "Carbon-Blanc": 0.5, "Artigues-près-Bordeaux": 0.5, "Parempuyre": 0.4, "Ambès": 0.3,
        "Saint-Aubin-de-Médoc": 0.4, "Le Taillan-Médoc": 0.4, "Bouliac": 0.3,
        "Martignas-sur-Jalle": 0.4, "Saint-Jean-d'Illac": 0.5, "Cestas": 0.7, "Canéjan": 0.4,
        "Léognan": 0.5, "Latresne": 0.2}),
    "bassin": ("Bassin d'Arcachon", {
        "Arcachon": 4, "La Teste-de-Buch": 3, "Gujan-Mestras": 2, "Andernos-les-Bains": 1.5,
        "Lège-Cap-Ferret": 1, "Biganos": 1, "Audenge": 0.6, "Arès": 0.6, "Le Teich": 0.6,
        "Mios": 0.5, "Marcheprime": 0.4, "Lanton": 0.5, "Salles": 0.4}),
    "medoc": ("Médoc", {"Lacanau": 1, "Soulac-sur-Mer": 0.5, "Pauillac": 0.6, "Lesparre-Médoc": 0.7,
                        "Castelnau-de-Médoc": 0.4}),
    "libournais": ("Libournais", {"Libourne": 4, "Saint-Émilion": 0.3, "Coutras": 0.6,
                                  "Saint-Denis-de-Pile": 0.4, "Izon": 0.3, "Saint-Loubès": 0.4,
                                  "Sainte-Foy-la-Grande": 0.5}),
    "sud": ("Sud Gironde", {"Langon": 1.5, "Bazas": 0.4, "La Réole": 0.4, "Cadillac": 0.4,
                            "Podensac": 0.3, "Créon": 0.4}),
    "nord": ("Haute Gironde", {"Blaye": 0.6, "Saint-André-de-Cubzac": 1, "Saint-Ciers-sur-Gironde": 0.2}),
}
_TAIL_WEIGHT = 6.0   # every other Gironde commune shares this weight (rural tail)
_BORDEAUX_PLACES = ("Chartrons", "Saint-Michel", "Bastide", "Caudéran", "Mériadeck", "Saint-Jean",
                    "Victoire", "Bordeaux Lac", "Saint-Augustin", "Nansouty", "Saint-Seurin",
                    "Capucins", "centre", "Gambetta", "Saint-Pierre")
_TOURING_TOWNS = ("Bordeaux", "Bordeaux", "Bordeaux", "Mérignac", "Arcachon", "Libourne", "Pessac",
                  "Talence", "La Teste-de-Buch", "Bègles", "Lormont", "Langon")


def _plain(s: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFD", s) if unicodedata.category(c) != "Mn")


@dataclass
class _Town:
    code: str
    name: str
    zone: str
    postcodes: tuple[str, ...]
    forms: list[str] = field(default_factory=list)      # ordinary spellings
    misspelt: list[str] = field(default_factory=list)


def _gironde() -> tuple[list[_Town], np.ndarray]:
    names = {c: n for c, n in sorted(communes.official_names().items()) if c.startswith(DEPARTEMENT)}
    by_name = {n: c for c, n in names.items()}
    posts: dict[str, list[str]] = {}
    for pc, codes in sorted(communes.postcodes().items()):
        for c in codes:
            if c in names:
                posts.setdefault(c, []).append(pc)
    towns, weights, placed = [], [], set()
    for zone, (_, members) in _ZONES.items():
        for name, w in members.items():
            code = by_name[name]      # KeyError: a name not in COG 2018 (a test checks)
            towns.append(_Town(code, name, zone, tuple(posts.get(code, ()))))
            weights.append(w)
            placed.add(code)
    tail = [c for c in names if c not in placed]
    for c in tail:
        towns.append(_Town(c, names[c], "", tuple(posts.get(c, ()))))
        weights.append(_TAIL_WEIGHT / len(tail))
    for t in towns:
        short = (t.name.replace("Saint-", "St-").replace("Sainte-", "Ste-")
                 if t.name.startswith(("Saint-", "Sainte-")) else t.name)
        t.forms = [t.name, _plain(t.name), t.name.lower(), _plain(t.name).upper(), short,
                   t.name.replace("-", " "), t.name.split("-")[0] if t.name.startswith("La Teste") else
                   short.replace("-", " ")]
        p = _plain(t.name).lower()
        drop = p[:len(p) // 2] + p[len(p) // 2 + 1:]
        double = p.replace("n", "nn", 1) if "n" in p else p + "e"
        t.misspelt = [drop.capitalize(), double.capitalize()]
    w = np.asarray(weights, dtype=float)
    return towns, w / w.sum()


def _write_town(t: _Town, u: float, v: float, mode: str, neighbour: _Town | None) -> str:
    """A declared town as an ad writes it (u picks the kind of spelling, v the variant)."""
    if mode == "liste":   # the site's own list: official name, sometimes with a postcode
        if u < 0.7 or not t.postcodes:
            return t.name
        pc = t.postcodes[int(v * len(t.postcodes))]
        return f"{t.name} ({pc})" if u < 0.9 else f"{pc} {t.name}"
    if u < 0.08:
        return ""
    if u < 0.45:
        return t.name
    if u < 0.62:
        return t.forms[1 + int(v * (len(t.forms) - 1))]
    if u < 0.72 and t.postcodes:
        pc = t.postcodes[int(v * len(t.postcodes))]
        return (f"{t.name} ({pc})", f"{pc} {t.name}", f"{t.name} {pc[:2]}", f"{_plain(t.name)} {pc}")[
            int(v * 4)]
    if u < 0.80 and t.name == "Bordeaux":
        place = _BORDEAUX_PLACES[int(v * len(_BORDEAUX_PLACES))]
        return (f"Bordeaux {place}", f"Bdx {place}", f"Bordeaux - {place}", place)[int(v * 7) % 4]
    if u < 0.80 and t.name != "Bordeaux":
        return (t.name, "Gironde (33)")[int(v * 2)]
    if u < 0.87:
        label = _ZONES[t.zone][0] if t.zone else "Gironde"
        extra = ("Bordeaux Métropole", "BDX", "Bordeaux et environs", "33 Gironde")
        return (label, f"{t.name} et alentours", extra[int(v * 4)])[int(v * 12) % 3]
    if u < 0.93:
        return t.misspelt[int(v * 2)]
    return neighbour.name if neighbour is not None else t.name


# ------------------------------------------------------------------------------------- phones
class _PhonePool:
    """Distinct numbers drawn from the fiction ranges; blocks of 100 share their first 8 digits."""

    def __init__(self, rng: np.random.Generator):
        self.rng = rng
        self.used = {p: np.zeros(10_000, dtype=bool) for p in FICTION_PREFIXES}
        self.order = {p: rng.permutation(10_000) for p in FICTION_PREFIXES}
        self.pos = dict.fromkeys(FICTION_PREFIXES, 0)
        self.count = dict.fromkeys(FICTION_PREFIXES, 0)

    def _range(self, prefix: str) -> str:
        start = FICTION_PREFIXES.index(prefix)
        for k in range(len(FICTION_PREFIXES)):
            p = FICTION_PREFIXES[(start + k) % len(FICTION_PREFIXES)]
            if self.count[p] < SPILL_AT:
                return p
        raise ValueError("the fiction phone ranges are exhausted")

    def _take(self, prefix: str, k: int) -> str:
        self.used[prefix][k] = True
        self.count[prefix] += 1
        return f"{prefix}{k:04d}"

    def new(self, prefix: str) -> str:
        prefix = self._range(prefix)
        order, used = self.order[prefix], self.used[prefix]
        i = self.pos[prefix]
        while used[order[i]]:
            i += 1
        self.pos[prefix] = i + 1
        return self._take(prefix, int(order[i]))

    def block(self, prefix: str) -> tuple[str, int]:
        prefix = self._range(prefix)
        for _ in range(50):
            b = int(self.rng.integers(100))
            if (~self.used[prefix][b * 100:(b + 1) * 100]).sum() >= 40:
                return prefix, b
        return prefix, int(np.argmax([(~self.used[prefix][b * 100:(b + 1) * 100]).sum()
                                      for b in range(100)]))

    def in_block(self, prefix: str, b: int) -> str:
        free = np.flatnonzero(~self.used[prefix][b * 100:(b + 1) * 100])
        if len(free) == 0:
            return self.new(prefix)
        return self._take(prefix, b * 100 + int(free[int(self.rng.integers(len(free)))]))


def _fmt_phone(num: str, style: int) -> str:
    """A national number "0639981234" in one of the ways sites and people write it."""
    p = [num[i:i + 2] for i in range(0, 10, 2)]
    forms = (
        " ".join(p), num, ".".join(p), "-".join(p), "+33 " + num[1] + " " + " ".join(p[1:]),
        "+33" + num[1:], "0033 " + num[1] + " " + " ".join(p[1:]), f"{p[0]} {p[1]} {p[2]} {num[6:]}",
        "/".join(p), "(+33) " + num[1:], "+33 (0)" + num[1] + " " + " ".join(p[1:]),
        "O" + num[1] + " " + " ".join(p[1:]), " ".join(num), "zéro " + num[1] + " " + " ".join(p[1:]),
        "".join(p[:3]) + " " + "".join(p[3:]),
    )
    return forms[style % len(forms)]


# -------------------------------------------------------------------------------------- texts
_NAMES = {
    "fr": ("Léa", "Manon", "Camille", "Chloé", "Julie", "Laura", "Sarah", "Emma", "Inès", "Jade",
           "Clara", "Lola", "Océane", "Marie", "Pauline", "Anaïs", "Mélanie", "Célia", "Élodie",
           "Justine", "Margaux", "Cindy", "Audrey", "Jessica", "Nadia", "Sonia"),
    "latam": ("Bianca", "Larissa", "Camila", "Valentina", "Gabriela", "Daniela", "Fernanda", "Paola",
              "Yasmin", "Isabela", "Luana", "Natalia", "Carolina", "Sofia", "Mariana", "Luna"),
    "este": ("Anna", "Olga", "Natasha", "Irina", "Katia", "Alina", "Sveta", "Daria", "Oksana", "Vika",
             "Elena", "Ioana", "Andreea", "Kasia", "Milena", "Nadia"),
    "asie": ("Lin", "Mei", "Lily", "Yuki", "Jasmine", "Coco", "Xiao", "Ying", "Kim", "Nana", "Lisa"),
    "afrique": ("Grace", "Mariam", "Aïcha", "Fatou", "Esther", "Joyce", "Awa", "Linda", "Divine",
                "Ruth", "Prisca"),
    "ouest": ("Giulia", "Chiara", "Lucia", "Carmen", "Marta", "Lena", "Alba", "Sara", "Elisa"),
    "men": ("Lucas", "Hugo", "Karim", "Mehdi", "Thomas", "Yanis", "Nico", "Rafael", "Diego", "Alex",
            "Léo", "Kevin", "Sam"),
    "trans": ("Melina", "Bianca", "Kelly", "Yasmin", "Thalia", "Paloma", "Barbara", "Luna", "Kiara",
              "Jessica", "Samantha", "Vanessa"),
}
# Descriptors: (French, English) by group; the first ones do not state an origin.
_NEUTRAL_F = (("jolie brune", "pretty brunette"), ("belle blonde", "beautiful blonde"),
              ("jeune femme", "young woman"), ("femme élégante", "elegant lady"),
              ("charmante jeune femme", "charming young woman"), ("jolie rousse", "pretty redhead"))
_DESC = {
    "fr": (("charmante française", "charming French girl"), ("jolie française", "pretty French girl")),
    "latam": (("belle latine", "Latina beauty"), ("jolie brésilienne", "pretty Brazilian"),
              ("belle colombienne", "beautiful Colombian"), ("jolie vénézuélienne", "pretty Venezuelan")),
    "este": (("jolie ukrainienne", "pretty Ukrainian"), ("belle blonde de l'Est", "Eastern blonde"),
             ("jolie polonaise", "pretty Polish girl"), ("belle roumaine", "beautiful Romanian")),
    "asie": (("jolie asiatique", "pretty Asian girl"), ("douce chinoise", "sweet Chinese girl"),
             ("belle japonaise", "beautiful Japanese")),
    "afrique": (("jolie black", "pretty ebony"), ("belle africaine", "beautiful African"),
                ("charmante ivoirienne", "charming Ivorian"), ("jolie métisse", "pretty mixed girl")),
    "ouest": (("belle italienne", "beautiful Italian"), ("jolie espagnole", "pretty Spanish girl"),
              ("jolie méditerranéenne", "Mediterranean beauty")),
}
_DESC_M = (("jeune homme", "young man"), ("homme sportif", "athletic man"), ("jeune mec", "young guy"),
           ("beau métis", "handsome man"))
_DESC_T = (("jolie trans", "pretty trans girl"), ("belle trans", "beautiful trans"),
           ("trans latina", "trans Latina"), ("belle transsexuelle", "gorgeous trans"))

# Sentence banks: language/voice -> slot -> paraphrases.  Slots in their usual order.
_SLOTS = ("intro", "offre", "qualite", "lieu", "passage", "dispo", "contact", "tel", "fin")
_OPTIONAL = (2, 3, 5, 6)
_BANKS = {
    "fr_je": {
        "intro": ("Bonjour messieurs, je suis {nom}, {desc} de {age} ans.", "Coucou, moi c'est {nom}, {desc} !",
                  "Je m'appelle {nom}, {desc} pleine de charme.", "Hello, je suis {nom}, {desc} de {age} ans...",
                  "{nom}, {desc}, douce et souriante.", "Je suis {nom} une {desc} très douce et polie."),
        "offre": ("Je vous propose un moment de détente et de complicité.",
                  "Je propose un agréable moment de compagnie en toute discrétion.",
                  "Pour un moment de douceur et d'évasion, n'hésitez pas.",
                  "Je vous réserve un instant de détente hors du temps.",
                  "Massage relaxant et moment de bien-être garantis.",
                  "Vous désirez de la compagnie en toute discrétion ? Ne cherchez plus."),
        "qualite": ("La discrétion, le respect et l'hygiène sont de rigueur.", "Propre et courtoise.",
                    "Mes photos sont 100% réelles et récentes.", "Ambiance raffinée, appartement climatisé.",
                    "Complicité et bonne humeur assurées."),
        "lieu": ("Je reçois dans un appartement discret à {ville}.", "Je peux me déplacer sur {ville} et alentours.",
                 "Je reçois à {ville}, parking facile.", "Je reçois ou je me déplace, hôtel ou domicile.",
                 "Appartement privé et discret près de {ville}."),
        "passage": ("De passage à {ville} pour quelques jours seulement.", "Nouvelle à {ville}, cette semaine uniquement !",
                    "En vacances sur {ville}, ne tardez pas.", "Je suis de passage dans votre ville pour une semaine."),
        "dispo": ("Disponible 7j/7.", "Dispo tous les jours de 10h à 22h.", "Disponible 24h/24.",
                  "Sur rendez-vous uniquement, prévenir 30 min avant."),
        "contact": ("Pas de SMS, pas de numéros masqués.", "Les appels masqués resteront sans suite.",
                    "Je ne réponds pas aux numéros masqués et pas de sms.", "Appels uniquement svp.",
                    "Dites-moi que vous m'avez vue sur {site}."),
        "tel": ("Tél : {tel}", "Appelle-moi au {tel}", "☎ {tel}", "WhatsApp : {tel}", "Mon numéro : {tel}",
                "Contact {tel}"),
        "fin": ("Bisous.", "À très vite !", "Je vous attends.", "Bisous à bientôt", "😘", "A bientôt bisous"),
    },
    "fr_il": {
        "intro": ("Bonjour, je suis {nom}, {desc} de {age} ans.", "Moi c'est {nom}, {desc} sympa.",
                  "{nom}, {desc} discret."),
        "offre": ("Je propose mes services à homme ou couple : massage, sortie, moment de détente.",
                  "Je propose des massages relaxants et de la compagnie.",
                  "Je cherche homme qui prend soin de moi, moments de détente."),
        "qualite": ("Très discret.", "Propre et respectueux."),
        "lieu": ("Je peux me déplacer sur {ville}.", "Je reçois à {ville}."),
        "passage": ("De passage à {ville} quelques jours.",),
        "dispo": ("Dispo le soir et le week-end.", "Disponible en journée."),
        "contact": ("Pas de numéros masqués.", "Écris-moi ou appelle."),
        "tel": ("Tél : {tel}", "Appelle-moi au {tel}", "{tel}"),
        "fin": ("A bientôt.", "Bises."),
    },
    "fr_elle": {
        "intro": ("{nom} est une {desc} de {age} ans, douce et élégante.", "Découvrez {nom}, {desc} raffinée.",
                  "Nouvelle : {nom}, {desc}, vous attend.", "{nom}, {desc} de {age} ans, très câline."),
        "offre": ("Elle vous propose un moment de détente et de compagnie.",
                  "Elle saura vous faire passer un agréable moment en toute discrétion.",
                  "Compagnie élégante pour vos soirées et moments de détente."),
        "qualite": ("Photos 100% vérifiées.", "Élégante, discrète et souriante.",
                    "Hygiène et respect exigés."),
        "lieu": ("Elle reçoit dans un appartement discret à {ville}.", "Incall et outcall sur {ville}.",
                 "Elle se déplace à l'hôtel."),
        "passage": ("De passage à {ville} pour quelques jours.", "En tournée : à {ville} cette semaine seulement.",
                    "Dans votre ville pour une semaine."),
        "dispo": ("Disponible 24h/24.", "Disponible tous les jours.", "Réservation conseillée."),
        "contact": ("Pas de SMS, pas d'appels masqués.", "Réservations par téléphone uniquement."),
        "tel": ("Réservation : {tel}", "Tél : {tel}", "Contact : {tel}", "WhatsApp {tel}"),
        "fin": ("À très vite.", "Bisous.", "Merci de votre confiance."),
    },
    "fr_salon": {
        "intro": ("Institut {nom} à {ville} : nouvelle hôtesse {desc}.", "Salon {nom}, masseuses {desc}.",
                  "Venez découvrir notre salon {nom}."),
        "offre": ("Massages relaxants, body-body, moments de bien-être.",
                  "Massage détente et relaxation dans un cadre zen.", "Soins et massages pour messieurs."),
        "qualite": ("Cadre propre et discret.", "Douche à disposition, parking."),
        "lieu": ("Au cœur de {ville}.", "Proche du centre de {ville}."),
        "passage": ("Nouvelle hôtesse cette semaine seulement.",),
        "dispo": ("Ouvert 7j/7 de 10h à 21h.", "Ouvert tous les jours, avec ou sans rendez-vous."),
        "contact": ("Sur rendez-vous.", "Appelez pour réserver."),
        "tel": ("Tél : {tel}", "Réservation {tel}", "{tel}"),
        "fin": ("À bientôt.", "Bienvenue."),
    },
    "en_i": {
        "intro": ("Hi gentlemen, I am {nom}, {desc}, {age} years old.", "Hello, my name is {nom}, {desc}.",
                  "{nom}, sweet and elegant {desc}."),
        "offre": ("I offer you a relaxing moment and good company.", "Perfect companion for your evenings.",
                  "Let me make your day softer."),
        "qualite": ("Real photos.", "Discretion and hygiene required."),
        "lieu": ("Incall in {ville}, outcall to hotels.", "Private apartment in {ville}."),
        "passage": ("New in {ville} for a few days only!", "Just visiting {ville} this week.",
                    "On tour: {ville} only a few days."),
        "dispo": ("Available 24/7.", "Available every day."),
        "contact": ("No SMS, no hidden numbers.", "Call me, no private numbers."),
        "tel": ("Call me: {tel}", "WhatsApp {tel}", "Phone {tel}"),
        "fin": ("Kisses.", "See you soon.", "xoxo"),
    },
    "en_she": {
        "intro": ("{nom} is a {desc}, {age} years old.", "Meet {nom}, {desc}.", "New girl {nom}, {desc}."),
        "offre": ("She offers elegant company and relaxing moments.", "High level companion, GFE."),
        "qualite": ("100% real photos.", "Elegant and discreet."),
        "lieu": ("Incall / outcall {ville}.", "She receives in a private flat in {ville}."),
        "passage": ("New in {ville} for a few days only!", "On tour in {ville}, book now."),
        "dispo": ("Available 24/7.", "Bookings every day."),
        "contact": ("No SMS. No hidden numbers.",),
        "tel": ("Booking: {tel}", "WhatsApp {tel}"),
        "fin": ("Kisses.",),
    },
    "es": {
        "intro": ("Hola, soy {nom}, {desc} de {age} años.", "Soy {nom}, chica latina muy cariñosa."),
        "offre": ("Te ofrezco un momento de relax y compañía.",),
        "qualite": ("Fotos reales.", "Discreción total."),
        "lieu": ("Recibo en apartamento privado en {ville}.",),
        "passage": ("De paso en {ville} pocos días.",),
        "dispo": ("Disponible 24 horas.",),
        "contact": ("No contesto números ocultos.",),
        "tel": ("Llámame {tel}", "WhatsApp {tel}"),
        "fin": ("Besos.",),
    },
    "pt": {
        "intro": ("Oi, sou {nom}, {desc} de {age} anos.", "Sou {nom}, brasileira carinhosa."),
        "offre": ("Ofereço um momento de relaxamento e companhia.",),
        "qualite": ("Fotos reais.", "Muito discreta."),
        "lieu": ("Atendo em apartamento privado em {ville}.",),
        "passage": ("De passagem em {ville} por poucos dias.",),
        "dispo": ("Disponível 24 horas.",),
        "contact": ("Não atendo número privado.",),
        "tel": ("Liga {tel}", "WhatsApp {tel}"),
        "fin": ("Beijos.",),
    },
}
_NO_AGE = {"fr": "{nom}, {desc}.", "en": "{nom}, {desc}.", "es": "Soy {nom}, {desc}.",
           "pt": "Sou {nom}, {desc}."}
_TITLES = {
    "fr": ("{nom}, {desc} à {ville}", "{Desc} {ville}", "{nom} {age} ans", "Nouvelle à {ville}",
           "{Desc} pour moment de détente", "Moment de douceur avec {nom}", "{nom} ♥ {ville}",
           "{Desc} de passage", "{NOM} - {desc}", "Compagnie agréable {ville}"),
    "en": ("{nom} - new in {ville}", "{Desc} in {ville}", "{nom} {age}", "Sweet {desc}"),
    "es": ("{nom} {desc} en {ville}", "Latina de paso {ville}"),
    "pt": ("{nom} {desc} em {ville}", "Brasileira em {ville}"),
}
_TITLES_SALON = ("Massage relaxant {ville}", "Institut {nom} - massages", "Salon {nom} {ville}",
                 "Nouvelle masseuse {ville}")
_TITLES_M = ("{nom}, {desc} pour moments de détente", "Jeune homme {ville}", "{Desc} dispo {ville}")
_ACCOUNTS = ("Velvet", "Sweetnight", "Cocotte", "Douceur", "Lady", "Kiss", "Angel", "Perle")
_HANDLE_ADJ = ("douce", "caline", "sweet", "belle", "coquine", "tendre", "bella", "cherie")
_NET_NAMES = ("VIP Garonne", "Elite Tour", "Bordeaux Models", "Angels Tour", "Lotus", "Jade",
              "Orchidée", "Euro Girls", "Atlantique VIP", "Golden", "Sakura", "Bambou", "Nuit Bleue")
_TYPOS = (("é", "e"), ("à ", "a "), ("è", "e"), ("vous", "vs"), ("très", "tres"), ("ê", "e"))


def _typo(text: str, u: float) -> str:
    a, b = _TYPOS[int(u * len(_TYPOS))]
    return text.replace(a, b)


# ------------------------------------------------------------------------------------ persons
@dataclass
class _Net:
    kind: str
    account: str
    phones: list[str]
    block: tuple[str, int] | None
    template: list[tuple[int, ...]]   # text picks shared by members
    third: float                      # share of ads in the third person
    english: float
    group: str


@dataclass
class _Person:
    kind: str
    net: int
    gender: str
    group: str
    shows_origin: bool
    shows_age: bool
    age: int
    intervals: list[tuple[int, int]]            # active days (inclusive)
    bounds: list[int]                           # first day of each period after the first
    names: list[str]
    handles: list[str]
    phones: list[str]                           # one per period ("" when none)
    picks: list[tuple[int, ...]]                # text picks per period
    ages: list[int]
    home: int
    desc: int
    langs: tuple[float, float, float, float]    # fr, en, es, pt
    style: tuple[bool, bool, int]               # no accents, emoji, phone spelling
    favs: np.ndarray
    fav_w: np.ndarray
    weight: float = 1.0


_KINDS = (("indep", 0.56), ("pimp", 0.12), ("agency", 0.10), ("touring", 0.18), ("salon", 0.04))
_GENDER = {"indep": (0.80, 0.12, 0.08), "pimp": (0.95, 0.03, 0.02), "agency": (0.95, 0.0, 0.05),
           "touring": (0.78, 0.0, 0.22), "salon": (1.0, 0.0, 0.0)}
_GROUPS = ("fr", "latam", "este", "asie", "afrique", "ouest")
_ORIGIN = {"indep": (0.40, 0.15, 0.12, 0.05, 0.20, 0.08), "pimp": (0.45, 0.10, 0.15, 0.0, 0.30, 0.0),
           "agency": (0.10, 0.20, 0.45, 0.05, 0.0, 0.20)}
_SHOWS_ORIGIN = {"indep": 0.45, "pimp": 0.5, "agency": 0.8, "touring": 0.85, "salon": 0.9}
_SHOWS_AGE = {"indep": 0.45, "pimp": 0.5, "agency": 0.95, "touring": 0.8, "salon": 0.2}
_AGE = {"indep": (31, 7, 19, 55), "pimp": (24, 5, 18, 45), "agency": (25, 3.5, 19, 38),
        "touring": (25, 4, 19, 40), "salon": (32, 7, 20, 50)}
_SPAN = {"indep": 420, "pimp": 250, "agency": 120, "salon": 200}
_RATE = {"indep": 1.0, "pimp": 1.5, "agency": 2.0, "touring": 3.0, "salon": 1.5}


def _quotas(total: int, shares: list[float]) -> list[int]:
    raw = [total * s for s in shares]
    out = [int(math.floor(r)) for r in raw]
    rest = sorted(range(len(raw)), key=lambda i: (out[i] - raw[i], i))
    for i in rest[: total - sum(out)]:
        out[i] += 1
    return out


def _pick(rng: np.random.Generator, probs) -> int:
    p = np.asarray(probs, dtype=float)
    return int(rng.choice(len(p), p=p / p.sum()))


def _draw_picks(rng: np.random.Generator) -> tuple[int, ...]:
    """Text picks of a period: one paraphrase index per slot, and which optional slots appear."""
    picks = [int(x) for x in rng.integers(0, 60, size=len(_SLOTS))]
    keep = [int(rng.random() < 0.65) for _ in _OPTIONAL]
    order = int(rng.random() < 0.3)     # 1: "lieu" before "offre"
    return tuple(picks + keep + [order])


def _make_people(rng: np.random.Generator, n_persons: int, days: int, n_ads: int, towns, town_w):
    pool = _PhonePool(rng)
    kinds = _quotas(n_persons, [s for _, s in _KINDS])
    grow = max(1.0, (n_ads / REPORT_ADS) ** 0.15)
    metro = [i for i, t in enumerate(towns) if t.zone == "metropole"]
    by_name = {t.name: i for i, t in enumerate(towns)}
    zone_members: dict[str, list[int]] = {}
    for i, t in enumerate(towns):
        zone_members.setdefault(t.zone, []).append(i)
    nets: list[_Net] = []
    people: list[_Person] = []
    site_names = [s.name for s in SITES]

    def favourites(kind: str, gender: str):
        table = _FAV_MEN if gender == "M" else (_FAV_TRANS if gender == "T" and rng.random() < 0.7
                                                else _FAVOURITES[kind])
        idx = np.array([site_names.index(k) for k in table])
        w = np.array(list(table.values()), dtype=float)
        k = min(len(idx), 1 + int(rng.binomial(3, 0.35)))
        chosen = rng.choice(len(idx), size=k, replace=False, p=w / w.sum())
        return idx[chosen], rng.dirichlet(np.ones(k) * 1.5)

    def periods(intervals: list[tuple[int, int]], kind: str) -> list[int]:
        if kind == "touring":
            return [a for a, _ in intervals[1:]]
        a, b = intervals[0]
        extra = min(4, int(rng.poisson(0.1 + 0.45 * (b - a + 1) / 365)))
        return sorted(int(x) for x in rng.integers(a + 1, b + 2, size=extra)) if b > a else []

    def new_person(kind: str, net: int, group: str) -> _Person:
        g = "FMT"[_pick(rng, _GENDER[kind])]
        if g == "M":
            group = "fr" if rng.random() < 0.6 else ("afrique", "latam", "ouest")[int(rng.integers(3))]
        elif g == "T" and kind != "touring":
            group = "latam" if rng.random() < 0.7 else "fr"
        mu, sd, lo, hi = _AGE[kind]
        age = int(np.clip(round(rng.normal(mu, sd)), lo, hi))
        if kind == "touring":
            career = 20 + int(rng.exponential(300))
            c0 = int(rng.integers(-career + 1, days))
            c_lo, c_hi = max(0, c0), min(days - 1, c0 + career - 1)
            n_tours = 1 + min(5, int(rng.poisson((c_hi - c_lo + 1) / 120)))
            intervals = []
            for _ in range(n_tours):
                length = int(rng.integers(3, 15))
                start = int(rng.integers(c_lo - length + 1, c_hi + 1))
                intervals.append((max(c_lo, start), min(c_hi, start + length - 1)))
            intervals.sort()
        else:
            length = 20 + int(rng.exponential(_SPAN[kind]))
            start = int(rng.integers(-length + 1, days))
            intervals = [(max(0, start), min(days - 1, start + length - 1))]
        bounds = periods(intervals, kind)
        n_per = len(bounds) + 1
        pool_names = _NAMES["men" if g == "M" else ("trans" if g == "T" else group)]
        names = [pool_names[int(rng.integers(len(pool_names)))]]
        handles = []
        for _ in range(n_per):
            if len(names) < n_per:
                names.append(pool_names[int(rng.integers(len(pool_names)))] if rng.random() < 0.25
                             else names[-1])
        for k in range(n_per):
            if k == 0 or rng.random() < 0.35:
                base = _plain(names[k]).lower()
                u = int(rng.integers(6))
                handles.append((f"{base}33", f"{_HANDLE_ADJ[int(rng.integers(8))]}_{base}", f"{base}.bx",
                                f"{_ACCOUNTS[int(rng.integers(8))]}{int(rng.integers(10, 99))}",
                                f"{base}_{age}", f"{base}bdx")[u])
            else:
                handles.append(handles[-1])
        # phones: own numbers, changing at some new periods
        phones: list[str] = []
        net_obj = nets[net] if net >= 0 else None
        silent = kind == "indep" and rng.random() < 0.12
        for k in range(n_per):
            if silent:
                phones.append("")
            elif k > 0 and rng.random() >= (0.35 if kind == "touring" else 0.45):
                phones.append(phones[-1])
            elif net_obj is not None and net_obj.block is not None:
                phones.append(pool.in_block(*net_obj.block))
            elif kind in ("salon",):
                phones.append("")
            else:
                prefix = FICTION_PREFIXES[_pick(rng, (0.74, 0.1, 0.06, 0.03, 0.03, 0.04))]
                phones.append(pool.new(prefix))
        picks = []
        for k in range(n_per):
            if net_obj is not None and rng.random() < 0.85:
                picks.append(net_obj.template[int(rng.integers(len(net_obj.template)))])
            elif k == 0 or rng.random() < 0.5:
                picks.append(_draw_picks(rng))
            else:
                picks.append(picks[-1])
        declared = age - (int(rng.integers(0, 4)) if net >= 0 else int(rng.integers(0, 2)))
        ages = [max(18, declared)]
        for _ in range(n_per - 1):
            ages.append(max(18, ages[-1] + (int(rng.integers(-1, 2)) if rng.random() < 0.3 else 0)))
        if kind == "touring":
            home = by_name[_TOURING_TOWNS[int(rng.integers(len(_TOURING_TOWNS)))]]
        elif kind in ("agency", "salon") or rng.random() < 0.3:
            home = metro[_pick(rng, town_w[metro])]
        else:
            home = int(rng.choice(len(towns), p=town_w))
        if g == "M":
            desc = int(rng.integers(len(_DESC_M)))
        elif g == "T":
            desc = int(rng.integers(len(_DESC_T)))
        else:
            desc = int(rng.integers(100))
        if kind in ("agency", "touring"):
            en = net_obj.english if net_obj else 0.35
            langs = (1 - en, en, 0.0, 0.0)
        elif group == "latam" and rng.random() < 0.3:
            langs = (0.75, 0.0, 0.12, 0.13)
        else:
            langs = (1.0, 0.0, 0.0, 0.0)
        favs, fav_w = favourites(kind, g)
        active = sum(b - a + 1 for a, b in intervals)
        weight = min(5.0, float(rng.lognormal(0.0, 0.8))) * active * _RATE[kind]
        return _Person(kind, net, g, group, bool(rng.random() < _SHOWS_ORIGIN[kind]),
                       bool(rng.random() < _SHOWS_AGE[kind]), age, intervals, bounds, names, handles,
                       phones, picks, ages, home, desc, langs,
                       (bool(rng.random() < 0.12), bool(rng.random() < 0.2), int(rng.integers(15))),
                       favs, fav_w, weight)

    for (kind, _), count in zip(_KINDS, kinds):
        left = count
        while left > 0:
            if kind == "indep":
                group = _GROUPS[_pick(rng, _ORIGIN["indep"])]
                people.append(new_person(kind, -1, group))
                left -= 1
                continue
            lo, hi = {"pimp": (1, 3), "agency": (3, 10), "touring": (2, 8), "salon": (2, 5)}[kind]
            size = min(left, max(1, int(round(rng.integers(lo, hi + 1) * (grow if kind != "pimp" else 1)))))
            if kind == "touring":
                group = ("este", "latam", "asie")[_pick(rng, (0.45, 0.35, 0.2))]
                block = pool.block(FICTION_PREFIXES[_pick(rng, (0.6, 0.0, 0.3, 0.0, 0.05, 0.05))])
                net_phones = [pool.in_block(*block)] if rng.random() < 0.5 else []
            elif kind == "salon":
                group, block = "asie", None
                net_phones = [pool.new("053649" if rng.random() < 0.8 else "063998")]
            elif kind == "agency":
                group = _GROUPS[_pick(rng, _ORIGIN["agency"])]
                block = pool.block("019900" if rng.random() < 0.5 else "063998") if rng.random() < 0.3 else None
                net_phones = [pool.new(FICTION_PREFIXES[_pick(rng, (0.3, 0.2, 0.5, 0, 0, 0))])
                              for _ in range(1 + int(rng.binomial(2, 0.3)))]
            else:
                group = _GROUPS[_pick(rng, _ORIGIN["pimp"])]
                block = None
                net_phones = [pool.new("063998" if rng.random() < 0.85 else "053649")]
            third = {"agency": 0.7, "touring": 0.5, "salon": 1.0, "pimp": 0.15}[kind]
            english = {"agency": 0.4, "touring": 0.35}.get(kind, 0.0)
            account = (f"{_NET_NAMES[int(rng.integers(len(_NET_NAMES)))]}"
                       f"{'' if rng.random() < 0.5 else ' ' + str(int(rng.integers(2, 99)))}")
            template = [_draw_picks(rng) for _ in range(1 + int(rng.random() < 0.4))]
            nets.append(_Net(kind, account, net_phones, block, template, third, english, group))
            for _ in range(size):
                people.append(new_person(kind, len(nets) - 1, group))
            left -= size
    return people, nets, pool, zone_members


# ------------------------------------------------------------------------------------- postings
def _postings(rng: np.random.Generator, people: list[_Person], n_ads: int):
    """Postings (person, site, day) and their copies on mirrors, exactly n_ads ads in all.

    Every person's first posting is seen at least once; the other copies and postings fill the
    remaining ads in the order drawn."""
    n_p = len(people)
    first_person = np.arange(n_p)
    w = np.array([p.weight for p in people])
    w = w / w.sum()

    def expand(persons: np.ndarray):
        m = len(persons)
        u = rng.random((m, 14))
        rows_p, rows_day = [], []
        for j in range(m):
            p = people[int(persons[j])]
            uj = u[j]
            site = int(p.favs[_pick_u(p.fav_w, uj[0])])
            active = [b - a + 1 for a, b in p.intervals]
            x = uj[1] * sum(active)
            for (a, b), length in zip(p.intervals, active):
                if x < length:
                    day = a + int(x)
                    break
                x -= length
            else:
                day = p.intervals[-1][1]
            copies = [(site, 0)]
            fam = SITES[site].family
            if fam in _MIRRORS:
                for k, msite in enumerate(_MIRRORS[fam]):
                    if uj[2 + k] < SITES[msite].mirror:
                        copies.append((msite, int(uj[2 + k] * 50) % 5))
            if site in _ESCORT_SOURCES and uj[12] < SITES[_AGGREGATOR].mirror:
                copies.append((_AGGREGATOR, 1 + int(uj[13] * 4)))
            rows_p.append(copies)
            rows_day.append(day)
        return rows_p, rows_day

    first_copies, first_days = expand(first_person)
    ads = []   # (person, posting, site, day, is_copy)
    post = 0
    tail = []
    for i, (copies, day) in enumerate(zip(first_copies, first_days)):
        ads.append((i, post, copies[0][0], day, 0))
        for site, delay in copies[1:]:
            tail.append((i, post, site, day + delay, 1))
        post += 1
    need = n_ads - len(ads)
    extra: list[tuple[int, int, int, int, int]] = tail[:need]
    while len(extra) < need:
        m = max(16, int((need - len(extra)) / 1.3) + 8)
        persons = rng.choice(n_p, size=m, p=w)
        copies_l, days_l = expand(persons)
        for i, copies, day in zip(persons.tolist(), copies_l, days_l):
            for k, (site, delay) in enumerate(copies):
                extra.append((i, post, site, day + delay, int(k > 0)))
            post += 1
            if len(extra) >= need:
                break
    return ads + extra[:need]


# ------------------------------------------------------------------------------------ rendering
def _desc(p: _Person, lang: str) -> str:
    col = 1 if lang == "en" else 0
    if p.gender == "M":
        return _DESC_M[p.desc % len(_DESC_M)][col]
    if p.gender == "T":
        return _DESC_T[p.desc % len(_DESC_T)][col]
    if p.shows_origin:
        table = _DESC[p.group]
        return table[p.desc % len(table)][col]
    return _NEUTRAL_F[p.desc % len(_NEUTRAL_F)][col]


def _render_posting(p: _Person, net: _Net | None, site: Site, period: int, u: list[float],
                    town: str, town_text: str, text_phone: str, site_name: str) -> tuple[str, str]:
    lang = ("fr", "en", "es", "pt")[_pick_u(p.langs, u[0])]
    if lang == "fr":
        if p.kind == "salon":
            voice = "fr_salon"
        elif p.gender == "M":
            voice = "fr_il"
        elif net is not None and u[1] < net.third:
            voice = "fr_elle"
        else:
            voice = "fr_je"
    elif lang == "en":
        voice = "en_she" if net is not None and u[1] < net.third else "en_i"
    else:
        voice = lang
    bank = _BANKS[voice]
    picks = p.picks[period]
    name = net.account if p.kind == "salon" and net is not None else p.names[period]
    desc = _desc(p, lang)
    age = p.ages[period] + (1 if net is not None and u[2] < 0.1 else 0)
    values = {"nom": name, "desc": desc, "age": age, "ville": town_text,
              "site": site_name.split(".")[0], "tel": text_phone}
    slots = list(_SLOTS)
    if picks[len(_SLOTS) + len(_OPTIONAL)]:
        slots[1], slots[3] = slots[3], slots[1]
    passage = {"touring": 0.75, "agency": 0.35}.get(p.kind, 0.05)
    rephrase = int(u[3] * len(_SLOTS)) if u[4] < 0.25 else -1
    drop = _OPTIONAL[int(u[5] * len(_OPTIONAL))] if u[6] < 0.15 else -1
    out = []
    for k, slot in enumerate(slots):
        si = _SLOTS.index(slot)
        if slot == "passage" and u[7] >= passage:
            continue
        if slot == "tel" and not text_phone:
            continue
        if si in _OPTIONAL and (not picks[len(_SLOTS) + _OPTIONAL.index(si)] or si == drop):
            continue
        options = bank[slot]
        choice = options[(picks[si] + (1 if si == rephrase else 0)) % len(options)]
        if slot == "intro" and "{age}" in choice and not (p.shows_age and u[8] < 0.7):
            choice = _NO_AGE[lang[:2]]
        if slot == "dispo" and net is not None and u[9] < 0.3 and lang == "fr":
            choice = "Disponible 24h/24."
        out.append(choice.format(**values))
    if u[10] < 0.1 and len(out) > 3:
        out[1], out[2] = out[2], out[1]
    text = " ".join(out)
    if p.style[1]:
        text += " 💋"
    if p.style[0]:
        text = _plain(text)
    if u[11] < 0.08:
        text = _typo(text, u[12])
    # title
    if p.kind == "salon":
        title = _TITLES_SALON[int(u[13] * len(_TITLES_SALON))]
    elif p.gender == "M":
        title = _TITLES_M[int(u[13] * len(_TITLES_M))]
    else:
        options = _TITLES[lang[:2]]
        title = options[int(u[13] * len(options))]
    title = title.format(nom=name, NOM=name.upper(), desc=desc, Desc=desc[:1].upper() + desc[1:],
                         age=age, ville=town or "Bordeaux")
    if u[14] < 0.08:
        title = title.upper()
    return title, text


def _pick_u(probs, u: float) -> int:
    acc = 0.0
    for i, q in enumerate(probs):
        acc += q
        if u < acc:
            return i
    return len(probs) - 1


def _age_cell(age: int, style: str, shows: bool, u: float) -> str:
    if not shows or not style:
        return ""
    if style == "mix":
        style = ("ans", "nu", "")[int(u * 3)]
    return f"{age} ans" if style == "ans" else (str(age) if style == "nu" else "")


def fifth_world(n_ads: int, seed: int = 2028) -> tuple[pd.DataFrame, pd.DataFrame]:
    """The collection sheet (COLUMNS) and its truth (TRUTH_COLUMNS), ``n_ads`` rows each."""
    if n_ads <= 0:
        return (pd.DataFrame({c: pd.Series(dtype=object) for c in COLUMNS}),
                pd.DataFrame({c: pd.Series(dtype=object) for c in TRUTH_COLUMNS}))
    rng = np.random.default_rng(seed)
    towns, town_w = _gironde()
    days = collection_days(n_ads)
    start = COLLECTION_END - dt.timedelta(days=days - 1)
    people, nets, _, zone_members = _make_people(rng, persons_for(n_ads), days, n_ads, towns, town_w)
    ads = _postings(rng, people, n_ads)
    n = len(ads)
    person = np.fromiter((a[0] for a in ads), dtype=np.int64, count=n)
    posting = np.fromiter((a[1] for a in ads), dtype=np.int64, count=n)
    site = np.fromiter((a[2] for a in ads), dtype=np.int64, count=n)
    day = np.minimum(np.fromiter((a[3] for a in ads), dtype=np.int64, count=n), days - 1)
    del ads
    # one content per posting (copies share it); drawn in posting order
    order = np.lexsort((np.arange(n), posting))
    titles = np.empty(n, dtype=object)
    texts = np.empty(n, dtype=object)
    phones = np.empty(n, dtype=object)
    pseudos = np.empty(n, dtype=object)
    ages = np.empty(n, dtype=object)
    towns_out = np.empty(n, dtype=object)
    chunk = 65_536
    cache: dict = {}
    last_post = -1
    for lo in range(0, n, chunk):
        idx = order[lo:lo + chunk]
        U = rng.random((len(idx), 28)).tolist()
        for j, a in enumerate(idx.tolist()):
            u = U[j]
            pi, post, si = int(person[a]), int(posting[a]), int(site[a])
            p = people[pi]
            net = nets[p.net] if p.net >= 0 else None
            s = SITES[si]
            if post != last_post:     # the posting's content, from its original
                last_post = post
                period = bisect.bisect_right(p.bounds, int(day[a]))
                if p.kind == "touring":
                    tour = min(period, len(p.intervals) - 1)
                    town_i = (p.home if u[15] < 0.5 else
                              int(_TOUR_TOWNS_IDX[(tour * 7 + pi) % len(_TOUR_TOWNS_IDX)]))
                elif u[15] < 0.78:
                    town_i = p.home
                elif u[15] < 0.9:
                    members = zone_members[towns[p.home].zone]
                    town_i = members[int(u[16] * len(members))]
                else:
                    town_i = _TOUR_TOWNS_IDX[0]
                t = towns[town_i]
                members = zone_members[t.zone] if t.zone else []
                neighbour = towns[members[int(u[17] * len(members))]] if members else None
                written = _write_town(t, u[18], u[19], "libre", neighbour)
                own = p.phones[period]
                if net is not None and net.phones and (p.kind in ("agency", "salon", "pimp") and
                                                       (u[20] < 0.75 or not own)):
                    field_phone = net.phones[min(len(net.phones) - 1, int(u[21] * len(net.phones)))]
                else:
                    field_phone = own
                text_phone = ""
                if (own or field_phone) and u[22] < (0.5 if s.kind == "rencontre" else 0.3):
                    text_phone = _fmt_phone(own or field_phone, p.style[2] if u[23] < 0.7 else int(u[21] * 15))
                title, text = _render_posting(p, net, s, period, u, written, written or t.name,
                                              text_phone, s.name)
                cache = {"t": t, "written": written, "phone": field_phone, "title": title,
                         "text": text, "period": period, "neighbour": neighbour}
            c = cache
            # the site's display of the posting
            if s.towns == "liste":
                towns_out[a] = _write_town(c["t"], u[27], u[19], "liste", None)
            else:
                towns_out[a] = c["written"]
            text = c["text"]
            if s.cut and len(text) > 220:
                text = text[:217].rsplit(" ", 1)[0] + "..."
            texts[a] = text
            titles[a] = c["title"]
            ph = c["phone"]
            phones[a] = _fmt_phone(ph, s.phone_style) if ph and u[24] < s.phone_field else ""
            period = c["period"]
            if s.pseudo == "name":
                nm = p.names[period]
                pseudos[a] = (net.account if net is not None and net.kind in ("agency", "touring")
                              and u[25] < 0.4 else (nm, nm.upper(), f"{nm} 33", _plain(nm))[int(u[26] * 4)])
            elif s.pseudo == "handle":
                pseudos[a] = p.handles[period]
            elif s.pseudo == "salon":
                pseudos[a] = net.account if net is not None else p.names[period]
            else:
                pseudos[a] = "" if u[16] < 0.4 else (net.account if net is not None and u[17] < 0.5
                                                     else p.handles[period])
            ages[a] = _age_cell(p.ages[period], s.age_style, p.shows_age, u[26])
    # the order met: by collection day, at random within a day
    met = np.lexsort((rng.random(n), day))
    pid_first: dict[int, str] = {}
    nid_first: dict[int, str] = {}
    pid_col, nid_col = [], []
    for a in met.tolist():
        pi = int(person[a])
        if pi not in pid_first:
            pid_first[pi] = f"P{len(pid_first) + 1:05d}"
        net = people[pi].net
        if net >= 0 and net not in nid_first:
            nid_first[net] = f"R{len(nid_first) + 1:04d}"
        pid_col.append(pid_first[pi])
        nid_col.append(nid_first[net] if net >= 0 else "")
    ids = [f"A{i + 1:07d}" for i in range(n)]
    dates = np.array([(start + dt.timedelta(days=d)).isoformat() for d in range(days)], dtype=object)
    sheet = pd.DataFrame({
        "id_annonce": ids,
        "site": np.array([s.name for s in SITES], dtype=object)[site[met]],
        "date_collecte": dates[day[met]],
        "commune_declaree": towns_out[met],
        "titre": titles[met],
        "texte": texts[met],
        "telephone": phones[met],
        "pseudo": pseudos[met],
        "age_declare": ages[met],
    }, columns=list(COLUMNS))
    truth = pd.DataFrame({"id_annonce": ids, "id_personne": pid_col, "id_reseau": nid_col},
                         columns=list(TRUTH_COLUMNS))
    return sheet, truth


_TOUR_TOWNS_IDX: tuple[int, ...] = ()


def _init_tour_towns() -> None:
    global _TOUR_TOWNS_IDX
    towns, _ = _gironde()
    by_name = {t.name: i for i, t in enumerate(towns)}
    _TOUR_TOWNS_IDX = tuple(by_name[n] for n in _TOURING_TOWNS)


_init_tour_towns()


def write_fifth_world(n_ads: int, folder: str | Path, seed: int = 2028) -> list[Path]:
    """Write ``folder/annonces-SYNTHETIQUE.csv`` and ``folder/verite/annonces-SYNTHETIQUE.csv``."""
    folder = Path(folder)
    sheet, truth = fifth_world(n_ads, seed)
    (folder / "verite").mkdir(parents=True, exist_ok=True)
    paths = [folder / "annonces-SYNTHETIQUE.csv", folder / "verite" / "annonces-SYNTHETIQUE.csv"]
    sheet.to_csv(paths[0], index=False, encoding="utf-8", lineterminator="\n")
    truth.to_csv(paths[1], index=False, encoding="utf-8", lineterminator="\n")
    return paths
