"""Ninth synthetic corpus of online ads: the Bas-Rhin (67), Strasbourg and the Rhine border.

Data sheet
==========

What it is. A collection sheet as a département's collector fills it (one row per ad
saved: site, date, commune declared, title, text, phone, pseudo, declared age) and a truth
file saying which person, and which network if any, is behind every ad. It exists to judge
the ad linkage (which ads belong to the same person) and was written without looking at how
the linkage works. Everything is fictitious: persons, first names, pseudos, brands and
texts are drawn from combinations; every site domain ends with ``.example``; every phone
number belongs to the ranges ARCEP reserves for fiction (01 99 00, 02 61 91, 03 53 01,
04 65 71, 05 36 49, 06 39 98 + four digits). The persons are personnes en situation de
prostitution; the texts keep the register of the ads quoted in the report: euphemisms
("moment de détente", "compagnie", "massage"), never anything explicit.

Source of truth: Amicale du Nid, *Diagnostic départemental ... Pas-de-Calais* (2020).

Taken from the report
---------------------
- I-B-1: 699 ads over 77 days (20 September to 5 December, first and last days included),
  on 39 sites of three kinds (escorting directories and agencies, general classifieds,
  dating sites) plus one erotic-massage site; the collector sorts ads by the city the
  advertiser declares. Hence ``span_days(699) == 77`` and 39 sites.
- II-B: a 61 % duplicate rate, hence 273 persons behind 699 ads:
  ``person_count(699) == 273``. The site table: two directories dominate; eleven dating
  sites "reprenant les mêmes contenus" show the same 17 ads each (187 of 699 ads, 27 %).
  Here eleven mirror sites copy a posting to up to ten siblings (same title, text, pseudo,
  phone; zero to three days' lag; some mirrors cut the text or add the CGU line "Ne jamais
  payer par carte PCS avant une rencontre", annex 5). The quoted ads give the register and
  stock phrases (appels masqués, photos 100 % réelles, appartement climatisé, ouverte à
  toute demande, "jeune mec ... massage, sortie ... qui prend soin de moi", bisous).
- III-D: communes as declared by the advertisers, most ads in a few agglomerations, some in
  very rural communes, 18 % of the ads saying the person is "de passage".
- IV-A: persons shown as women 84 %, men 7 %, trans 9 %; 53 % of the ads give no age and
  declared ages (a sales argument, mean 30) may change; an origin is shown for 58 % of the
  persons, 20 % of them French; the listed origins (Latin America, Europe, Asia, Africa).
- V-A-4 and annex 5 (the indices of pimping visible on the Internet): one organiser's
  wording with the same mistakes for apparently different persons; one pseudo or one
  account for several persons; the same number, or numbers whose last digits only differ;
  third-person texts; texts in English; incoherences (two names, two ages); "de passage",
  "24h/24"; agency fiches filled with the same systematism, tours announced in several
  languages. 38 % of the studied ads showed a network.

Decided here (not in the report)
--------------------------------
- Place: the Bas-Rhin instead of the Pas-de-Calais. 46 of its communes (COG 2018 names,
  their postcodes, weighted towards Strasbourg and its Eurométropole, then Haguenau,
  Sélestat, Saverne), Strasbourg with 16 districts (Neudorf, Krutenau, Robertsau, Cronenbourg ...),
  and four German towns across the Rhine (Kehl, Offenburg, Baden-Baden, Karlsruhe). A
  commune is written many ways: name alone, postcode first or after, "(67)", upper or lower
  case, without accents, district alone or "Strasbourg - Neudorf", "Strasbourg centre",
  abbreviations (Stras, Sxb, Schilick, Illkirch-Graff.), German names (Straßburg, Hagenau,
  Schlettstadt, Zabern), "Kehl (Allemagne)", "Strasbourg / Kehl", "Bas-Rhin", typos and
  empty cells. Each site shows the city its own way (free text, its city list, postcode
  first ...) and the collector's hand adds typos, case and accent slips.
- Border: German-language sites and classifieds, tour networks based in Kehl or Offenburg
  writing in German (sometimes with a French line), international tours writing in English;
  independents from Germany or living across the border.
- Collection period: from 20 September 2021 (the report's calendar start, another year).
- Persons (shares of persons): independents living here 60 %, independents de passage
  10 %, members of tour networks (sex-tours: Eastern-European, Latin-American with trans
  persons, German-based, international English-language) 17 %, of local organisers
  (classifieds, one misspelt first-person text for several women) 5 %, of massage salons
  3 %, of escort agencies (shared account, agency switchboard, fiche) 5 %. Independents
  are 82 % women, 9 % men, 9 % trans; tour members return for new stays while their
  network lasts. Declared ages are 18 or more: the world holds no minor (the report
  documents minors, the sites forbid them; modelling their ads is not this tool's job).
- ``id_reseau`` marks an organisation posting for two persons or more; a partner
  exploiting one person alone leaves no network trace in the ads and is not modelled.
- Ads per person: one each, the rest shared in proportion to activity x days present
  (mirror users x10, for their copies), which yields persons reposting many times
  (up to ~50 ads at 699) next to a majority seen once.
- Reposts: the same text with small edits (synonyms, an added "De retour !", a sentence
  dropped or swapped, punctuation, a typo), 30 % another title, 5 % a new text; some
  declared ages move by one or two years; 8 % of independents (12 % of network members)
  switch to another first name and pseudo; pseudos are dropped on 6 % of ads and sites
  differ in showing them at all.
- Phones: a person types her or his number one way, a site may display it another way,
  the collector copies or retypes it (spaces, dots, dashes, +33, 0033, "+33 (0)6", ...).
  About 10 % of the ads show no number at all (site messaging) and about 12 % only inside
  the text (sometimes with a letter O for the zero). Independents change number a Poisson
  number of times (mean 0.12 + 0.6 x years present, at most 3). A network holds a block of ten
  numbers sharing their first nine digits: members get lines in turn (successive or
  simultaneous members share a line), some switch line, and a share of the ads (25 % tours,
  60 % salons, 80 % agencies, whose switchboard is a 03 53 01 number) show the common
  switchboard. Independents try 06 39 98 first (65 %), then 03 53 01 (18 %), 01 99 00 (8 %)
  and the others; 300 blocks of ten per range are kept for networks.
- Mirrors and cross-posting: one posting may go to two of a person's sites the same day.

Measured at 699 ads, seed 2031
------------------------------
273 persons (191 independent, 82 in 14 networks of 2 to 12 persons), 61 % duplicates,
150 persons seen once, 27 with five ads or more (max 48); 40 % of ads from networks;
27 % of ads on the mirror family; 19.5 % of ads saying "de passage" or the like; 10.6 %
without any number, 11.7 % with a number in the text only; 20 numbers shown for two
persons or more (switchboards and shared lines); 11 independents with two numbers;
56 % of ads with an empty age cell, mean declared age 28; 8 % of ads in German, 5 % in
English, 6 % declaring a German town; 137 distinct spellings of communes; 37 sites used.

Scale
-----
``person_count(n) = round(273 (n/699)^0.9)`` and ``span_days(n) = round(77 (n/699)^0.5)``
(both at least 1 and at most n): a bigger corpus is read as a longer watch (the sites
scraped over years) where persons come and go, so ads per person grow slowly
(2.6 at 699, 3.6 at 20 000, 5.3 at a million). Presences are drawn on that longer span
(residents ~120 days median, stays of 2-21 days, networks living months), so the shares
drift with n: at 20 000 ads, 35 % network ads, 30 % mirror ads, 72 % duplicates.
Numbers: 60 000 fiction numbers exist. Each range is walked round-robin over a shuffled
order, so the number handed out is the one released longest ago; a released number
rests at least 90 days (``_QUARANTINE``) and two holders never overlap. Up to ~20 000 ads
no independent's number is ever reused; beyond, numbers are recycled after their holder
has left, exactly as the truth records them (one number, several persons, at different
times); network blocks are recycled the same way.
Measured at 1 000 000 ads (seed 2031, 2-core machine shared with another job): 43 s and
2.0 GiB peak for ``ninth_world``; 188 857 persons over 2 912 days, 8 679 networks, 81 %
duplicates, 31 % network ads, 36 % mirror ads; 155 859 number holdings, none handed out
before the end of its quarantine; an independent's number serves 3.6 successive persons
on average (16 at most) with at least 91 days (median 194) between two holders; every
digit sequence that looks like a phone number is a fiction number.
Deterministic: one ``numpy.random.default_rng(seed)`` drives everything (uniforms drawn in
blocks), nothing depends on hash or set order, the same seed gives the same bytes.
``_LAST_RUN`` keeps the latest call's number diagnostics (holdings, spills to another
range, shortened quarantines).
"""

from __future__ import annotations

import bisect
import datetime as _dt
import unicodedata
from pathlib import Path

import numpy as np
import pandas as pd

DEPARTEMENT = "67"
COLUMNS = ("id_annonce", "site", "date_collecte", "commune_declaree", "titre", "texte",
           "telephone", "pseudo", "age_declare")
TRUTH_COLUMNS = ("id_annonce", "id_personne", "id_reseau")

# --------------------------------------------------------------------------------------
# Anchors taken from the report and the world's own growth law
# --------------------------------------------------------------------------------------
_REF_ADS, _REF_PERSONS, _REF_DAYS = 699, 273, 77      # report I-B-1 and II-B
_PERSON_EXPONENT = 0.9                                # persons grow as ads ** 0.9
_DAYS_EXPONENT = 0.5                                  # the watch lengthens as sqrt(ads)
_START = _dt.date(2021, 9, 20)                        # same calendar start as the report
_QUARANTINE = 90                                      # days a released number stays unused
_RESERVED_DECADES = 300                               # per fiction range, kept for networks
_TRIES = 256                                          # busy numbers skipped before spilling over
_LAST_RUN: dict[str, int] = {}                        # diagnostics of the latest call (numbers)


def _check(n_ads) -> int:
    n = int(n_ads)
    if n != n_ads or n < 1:
        raise ValueError(f"n_ads must be a positive integer, not {n_ads!r}")
    return n


def person_count(n_ads: int) -> int:
    """Number of distinct persons behind `n_ads` ads (699 -> 273, then ads ** 0.9)."""
    n = _check(n_ads)
    p = int(round(_REF_PERSONS * (n / _REF_ADS) ** _PERSON_EXPONENT))
    return max(1, min(n, p))


def span_days(n_ads: int) -> int:
    """Length of the collection in days, first and last day included (699 -> 77)."""
    n = _check(n_ads)
    d = int(round(_REF_DAYS * (n / _REF_ADS) ** _DAYS_EXPONENT))
    return max(1, min(n, d))


# --------------------------------------------------------------------------------------
# A buffered stream of uniforms drawn from numpy's generator (fast in Python loops)
# --------------------------------------------------------------------------------------
class _Stream:
    __slots__ = ("rng", "buf", "i")

    def __init__(self, rng: np.random.Generator):
        self.rng = rng
        self.buf: list[float] = []
        self.i = 0

    def u(self) -> float:
        i = self.i
        if i >= len(self.buf):
            self.buf = self.rng.random(1 << 16).tolist()
            i = 0
        self.i = i + 1
        return self.buf[i]

    def chance(self, p: float) -> bool:
        return self.u() < p

    def pick(self, seq):
        return seq[int(self.u() * len(seq))]

    def randint(self, a: int, b: int) -> int:
        return a + int(self.u() * (b - a + 1))

    def wpick(self, table):
        """table = (items, cumulative weights ending at 1.0)."""
        items, cum = table
        return items[min(bisect.bisect_right(cum, self.u()), len(items) - 1)]

    def sample(self, seq, k: int) -> list:
        pool = list(seq)
        out = []
        for _ in range(min(k, len(pool))):
            out.append(pool.pop(int(self.u() * len(pool))))
        return out


def _table(pairs) -> tuple[tuple, tuple]:
    items = tuple(p[0] for p in pairs)
    w = np.array([p[1] for p in pairs], dtype=float)
    cum = np.cumsum(w / w.sum())
    cum[-1] = 1.0
    return items, tuple(cum.tolist())


# --------------------------------------------------------------------------------------
# Phone numbers: only the six ARCEP fiction ranges (10,000 numbers each)
# --------------------------------------------------------------------------------------
_RANGES = ("019900", "026191", "035301", "046571", "053649", "063998")
R01, R02, R03, R04, R05, R06 = range(6)
_FALLBACK = (R06, R03, R01, R04, R05, R02)


def _digits(idx: int) -> str:
    return _RANGES[idx // 10000] + f"{idx % 10000:04d}"


def _fmt_phone(d: str, style: int) -> str:
    """d: ten national digits. Spellings a collector copies or types."""
    p = (d[0:2], d[2:4], d[4:6], d[6:8], d[8:10])
    if style == 0:
        return " ".join(p)
    if style == 1:
        return d
    if style == 2:
        return ".".join(p)
    if style == 3:
        return "+33 " + d[1] + " " + " ".join(p[1:])
    if style == 4:
        return "+33" + d[1:]
    if style == 5:
        return "-".join(p)
    if style == 6:
        return "0033 " + d[1] + " " + " ".join(p[1:])
    if style == 7:
        return "+33 (0)" + d[1] + " " + " ".join(p[1:])
    if style == 8:
        return d[0:2] + " " + d[2:4] + " " + d[4:6] + " " + d[6:10]
    if style == 9:
        return "+33 (0) " + d[1:4] + " " + d[4:6] + " " + d[6:8] + " " + d[8:10]
    if style == 10:   # written inside a text, zero typed as a letter O
        return "O" + d[1] + " " + " ".join(p[1:])
    if style == 11:
        return "/".join(p)
    return " ".join(p)


# formats a person types in free fields, and a collector's own habits
# first range tried for an independent's number (mobile first, local landline block next)
_IND_RANGES = _table(((R06, 65), (R03, 18), (R01, 8), (R04, 3), (R05, 3), (R02, 3)))
_PERSON_PHONE_FMT = _table(((0, 40), (1, 22), (2, 12), (3, 6), (4, 5), (5, 4), (6, 2), (7, 3),
                            (8, 3), (9, 1), (11, 2)))
_TEXT_PHONE_FMT = _table(((0, 40), (1, 15), (2, 15), (3, 8), (4, 4), (5, 5), (7, 3), (8, 4),
                          (10, 3), (11, 3)))


class _Pool:
    """Hands out fiction numbers; released numbers rest `_QUARANTINE` days, reserved
    decades (ten numbers sharing their first nine digits) go to networks."""

    def __init__(self, rng: np.random.Generator):
        self.free = [-(10 ** 9)] * 60000
        self.dec_free = [-(10 ** 9)] * 6000
        self.ind: list[list[int]] = []
        self.dec: list[list[int]] = []
        self.ind_ptr = [0] * 6
        self.dec_ptr = [0] * 6
        for r in range(6):
            perm = rng.permutation(1000)
            reserved = perm[:_RESERVED_DECADES]
            rest = perm[_RESERVED_DECADES:]
            nums = (rest[:, None] * 10 + np.arange(10)[None, :]).ravel() + r * 10000
            self.ind.append(rng.permutation(nums).tolist())
            self.dec.append((reserved + r * 1000).tolist())
        self.spilled = 0      # holders sent to another range than their preferred one
        self.shortened = 0    # numbers handed out before the end of their quarantine

    def _take(self, table, orders, ptrs, prefs, start, end):
        # round robin over each range's shuffled numbers: the number taken is the one
        # released longest ago; a busy stretch sends the holder to the next range
        for bound in (_TRIES, None):
            for r in prefs:
                order = orders[r]
                n = len(order)
                ptr = ptrs[r]
                for _ in range(n if bound is None else min(bound, n)):
                    x = order[ptr]
                    ptr += 1
                    if ptr == n:
                        ptr = 0
                    if table[x] <= start:
                        table[x] = end + 1 + _QUARANTINE
                        ptrs[r] = ptr
                        if r != prefs[0]:
                            self.spilled += 1
                        return x
                ptrs[r] = ptr
        # every number rests in quarantine: shorten it, never overlap two holders
        self.shortened += 1
        best, best_v = -1, None
        for r in prefs:
            for x in orders[r]:
                v = table[x]
                if v - _QUARANTINE <= start and (best_v is None or v < best_v):
                    best, best_v = x, v
        if best < 0:
            raise RuntimeError("the fiction number ranges are exhausted")
        table[best] = end + 1 + _QUARANTINE
        return best

    def number(self, first: int, start: int, end: int) -> int:
        prefs = (first,) + tuple(r for r in _FALLBACK if r != first)
        return self._take(self.free, self.ind, self.ind_ptr, prefs, start, end)

    def decade(self, first: int, start: int, end: int) -> int:
        prefs = (first,) + tuple(r for r in _FALLBACK if r != first)
        return self._take(self.dec_free, self.dec, self.dec_ptr, prefs, start, end)


# --------------------------------------------------------------------------------------
# Sites: 39, fictitious, all under .example (report I-B-1: escorting, classifieds,
# dating sites, one massage site; II-B: a family of dating sites copying the same ads)
# --------------------------------------------------------------------------------------
# domain, group, popularity, age field, pseudo shown, title shown, phone field,
# commune style, phone display style (-1: as typed by the advertiser), truncation
_SITES = (
    ("strasbourg-escorts.example", "esc_fr", 12, True, True, True, True, "free", 0, 0),
    ("escort67.example", "esc_fr", 10, True, True, True, True, "pc_first", 2, 0),
    ("escort-alsace.example", "esc_fr", 8, True, True, False, True, "canon_pc", 0, 0),
    ("escortes-grand-est.example", "esc_fr", 4, True, True, True, True, "dept", 1, 0),
    ("annuaire-independantes.example", "esc_fr", 3, True, True, True, True, "canon", 0, 0),
    ("belles-de-nuit.example", "esc_fr", 2, False, True, True, True, "free", -1, 0),
    ("divines-escorts.example", "esc_fr", 1, True, True, True, True, "canon", 0, 0),
    ("rhin-companions.example", "esc_int", 3, True, True, True, True, "canon", 3, 0),
    ("topescort-europa.example", "esc_int", 3, True, True, True, True, "canon", 4, 0),
    ("eurocity-girls.example", "esc_int", 2, True, True, True, True, "free", 3, 0),
    ("tour-dates.example", "esc_int", 1, True, True, False, True, "canon", 4, 0),
    ("vip-elsass.example", "esc_de", 3, True, True, True, True, "de", 7, 0),
    ("ladies-oberrhein.example", "esc_de", 2, True, True, True, True, "de", 6, 0),
    ("escorts-rhein-neckar.example", "esc_de", 1, True, True, True, True, "de", 3, 0),
    ("luxe-compagnie.example", "esc_ag", 2, True, True, True, True, "canon", 0, 0),
    ("modeles-prives.example", "esc_ag", 1, True, True, False, True, "canon", 2, 0),
    ("trans-escort-est.example", "esc_trans", 3, True, True, True, True, "free", 0, 0),
    ("gentlemen-escort.example", "esc_men", 1, True, True, True, True, "canon", 1, 0),
    ("annonces-rhin.example", "pa", 3, False, False, True, False, "free", -1, 0),
    ("marche-alsace.example", "pa", 5, False, True, True, True, "pc_first", -1, 0),
    ("petites-annonces-est.example", "pa", 4, True, False, True, True, "canon_pc", -1, 0),
    ("trouve-tout67.example", "pa", 3, False, True, True, True, "free", -1, 0),
    ("particuliers-est.example", "pa", 1, False, False, True, True, "upper", -1, 0),
    ("kleinanzeigen-ortenau.example", "pa_de", 2, False, True, True, True, "de", -1, 0),
    ("massages-bien-etre.example", "mass", 1, False, False, True, True, "canon_pc", 0, 0),
    ("rencontre-intime.example", "mir", 1, True, True, True, True, "free", -1, 0),
    ("onseconnait.example", "mir", 1, True, True, True, True, "free", -1, 0),
    ("celibat-rhin.example", "mir", 1, True, True, True, True, "free", -1, 0),
    ("rencontres-insolites.example", "mir", 1, True, True, True, False, "free", -1, 300),
    ("rue-des-rencontres.example", "mir", 1, True, True, True, True, "free", -1, 0),
    ("rencontre-ephemere.example", "mir", 1, True, True, True, True, "free", -1, 0),
    ("sans-lendemain.example", "mir", 1, True, True, True, True, "free", -1, 260),
    ("tolerance-rencontres.example", "mir", 1, True, True, True, True, "free", -1, 0),
    ("calins-alsace.example", "mir", 1, True, True, True, True, "free", -1, 0),
    ("for-dating.example", "mir", 1, True, True, True, False, "free", -1, 320),
    ("pas-de-souci.example", "mir", 1, True, True, True, True, "free", -1, 0),
    ("plan-rencontre.example", "renc", 2, True, True, True, False, "free", -1, 0),
    ("grandes-annonces.example", "renc", 1, False, True, True, True, "free", -1, 0),
    ("trans-rencontre.example", "renc_trans", 1, True, True, True, True, "free", -1, 0),
)
_S_DOMAIN = tuple(s[0] for s in _SITES)
_S_GROUP = tuple(s[1] for s in _SITES)
_S_AGE = tuple(s[3] for s in _SITES)
_S_PSEUDO = tuple(s[4] for s in _SITES)
_S_TITLE = tuple(s[5] for s in _SITES)
_S_PHONE = tuple(s[6] for s in _SITES)
_S_CSTYLE = tuple(s[7] for s in _SITES)
_S_PSTYLE = tuple(s[8] for s in _SITES)
_S_TRUNC = tuple(s[9] for s in _SITES)
_GROUP_SITES: dict[str, tuple[tuple, tuple]] = {}
for _g in ("esc_fr", "esc_int", "esc_de", "esc_ag", "esc_trans", "esc_men", "pa", "pa_de",
           "mass", "mir", "renc", "renc_trans"):
    _GROUP_SITES[_g] = _table([(i, s[2]) for i, s in enumerate(_SITES) if s[1] == _g])
_MIRRORS = tuple(i for i, s in enumerate(_SITES) if s[1] == "mir")
_PCS_FOOTER = " Ne jamais payer par carte PCS avant une rencontre."

# --------------------------------------------------------------------------------------
# Communes (COG 2018 names for the Bas-Rhin; postcodes; German exonyms; local spellings)
# --------------------------------------------------------------------------------------
# key, official name, postcode, German name, weight (share of persons), other spellings
_COMMUNES = (
    ("strasbourg", "Strasbourg", "67000", "Straßburg", 52.0, ("Stras", "Strasb.", "Sxb", "Strasbg")),
    ("schiltigheim", "Schiltigheim", "67300", "", 4.0, ("Schilick", "Schilik", "Schilti")),
    ("illkirch", "Illkirch-Graffenstaden", "67400", "", 3.0,
     ("Illkirch", "Illkirch Graffenstaden", "Illkirch-Graff.")),
    ("bischheim", "Bischheim", "67800", "", 1.5, ()),
    ("hoenheim", "Hœnheim", "67800", "", 0.5, ("Hoenheim",)),
    ("lingolsheim", "Lingolsheim", "67380", "", 1.0, ()),
    ("ostwald", "Ostwald", "67540", "", 1.0, ()),
    ("geispolsheim", "Geispolsheim", "67118", "", 0.5, ("Geispolsheim gare",)),
    ("entzheim", "Entzheim", "67960", "", 0.7, ("Entzheim aéroport", "aéroport d'Entzheim")),
    ("eckbolsheim", "Eckbolsheim", "67201", "", 0.4, ()),
    ("haguenau", "Haguenau", "67500", "Hagenau", 7.0, ("Hagueneau",)),
    ("selestat", "Sélestat", "67600", "Schlettstadt", 4.0, ()),
    ("saverne", "Saverne", "67700", "Zabern", 3.0, ()),
    ("obernai", "Obernai", "67210", "Oberehnheim", 2.0, ()),
    ("molsheim", "Molsheim", "67120", "", 2.0, ()),
    ("erstein", "Erstein", "67150", "", 1.5, ()),
    ("brumath", "Brumath", "67170", "", 1.0, ()),
    ("bischwiller", "Bischwiller", "67240", "Bischweiler", 1.0, ()),
    ("wissembourg", "Wissembourg", "67160", "Weißenburg", 1.0, ()),
    ("barr", "Barr", "67140", "", 0.2, ()),
    ("rosheim", "Rosheim", "67560", "", 0.15, ()),
    ("mutzig", "Mutzig", "67190", "", 0.15, ()),
    ("wasselonne", "Wasselonne", "67310", "Wasselnheim", 0.15, ()),
    ("marlenheim", "Marlenheim", "67520", "", 0.15, ()),
    ("sarre-union", "Sarre-Union", "67260", "", 0.15, ("Sarre Union",)),
    ("drusenheim", "Drusenheim", "67410", "", 0.15, ()),
    ("soufflenheim", "Soufflenheim", "67620", "", 0.1, ()),
    ("seltz", "Seltz", "67470", "", 0.1, ()),
    ("niederbronn", "Niederbronn-les-Bains", "67110", "", 0.15, ("Niederbronn",)),
    ("reichshoffen", "Reichshoffen", "67110", "", 0.1, ()),
    ("ingwiller", "Ingwiller", "67340", "", 0.1, ()),
    ("lauterbourg", "Lauterbourg", "67630", "Lauterburg", 0.15, ()),
    ("benfeld", "Benfeld", "67230", "", 0.15, ()),
    ("ville", "Villé", "67220", "", 0.1, ("Ville",)),
    ("schirmeck", "Schirmeck", "67130", "", 0.1, ()),
    ("hochfelden", "Hochfelden", "67270", "", 0.15, ()),
    ("truchtersheim", "Truchtersheim", "67370", "", 0.1, ()),
    ("vendenheim", "Vendenheim", "67550", "", 0.2, ()),
    ("wantzenau", "La Wantzenau", "67610", "", 0.2, ("Wantzenau",)),
    ("fegersheim", "Fegersheim", "67640", "", 0.15, ()),
    ("eschau", "Eschau", "67114", "", 0.1, ()),
    ("souffelweyersheim", "Souffelweyersheim", "67460", "", 0.15, ("Souffel",)),
    ("reichstett", "Reichstett", "67116", "", 0.15, ()),
    ("mundolsheim", "Mundolsheim", "67450", "", 0.15, ()),
    ("dettwiller", "Dettwiller", "67490", "", 0.1, ()),
    ("bouxwiller", "Bouxwiller", "67330", "Buchsweiler", 0.1, ()),
    ("kehl", "Kehl", "77694", "Kehl am Rhein", 4.0, ()),
    ("offenburg", "Offenburg", "77652", "", 1.0, ()),
    ("baden-baden", "Baden-Baden", "76530", "", 0.5, ()),
    ("karlsruhe", "Karlsruhe", "76131", "", 0.5, ()),
)
_C_INDEX = {c[0]: i for i, c in enumerate(_COMMUNES)}
_C_NAME = tuple(c[1] for c in _COMMUNES)
_C_PC = tuple(c[2] for c in _COMMUNES)
_C_DE = tuple(c[3] or c[1] for c in _COMMUNES)
_C_ALT = tuple(c[5] for c in _COMMUNES)
_FOREIGN = frozenset(_C_INDEX[k] for k in ("kehl", "offenburg", "baden-baden", "karlsruhe"))
_STRAS = _C_INDEX["strasbourg"]
_COMMUNE_TABLE = _table([(i, c[4]) for i, c in enumerate(_COMMUNES)])
_DISTRICTS = (("Centre", "67000"), ("Gare", "67000"), ("Petite France", "67000"),
              ("Krutenau", "67000"), ("Esplanade", "67000"), ("Orangerie", "67000"),
              ("Robertsau", "67000"), ("Neudorf", "67100"), ("Meinau", "67100"),
              ("Neuhof", "67100"), ("Port du Rhin", "67100"), ("Cronenbourg", "67200"),
              ("Hautepierre", "67200"), ("Koenigshoffen", "67200"), ("Montagne Verte", "67200"),
              ("Elsau", "67200"))
_DISTRICT_TABLE = _table([(i, w) for i, w in enumerate((14, 8, 3, 5, 5, 3, 4, 9, 3, 3, 1, 4, 3,
                                                         3, 2, 1))])
_GENERIC_PLACES = ("Bas-Rhin", "Alsace", "67", "Strasbourg et environs", "Eurométropole")


def _strip_accents(s: str) -> str:
    s = s.replace("œ", "oe").replace("ß", "ss")
    return "".join(ch for ch in unicodedata.normalize("NFD", s) if unicodedata.category(ch) != "Mn")


def _commune_forms(c: int, district: int, lang: str) -> tuple[tuple, tuple]:
    """How an advertiser writes her or his commune, with weights."""
    name, pc = _C_NAME[c], _C_PC[c]
    forms: list[tuple[str, float]] = []
    if c == _STRAS:
        dname, dpc = _DISTRICTS[district] if district >= 0 else ("Centre", "67000")
        forms += [("Strasbourg", 30), ("Strasbourg centre", 6), ("Strasbourg Centre-ville", 2),
                  (f"Strasbourg {dname}", 8), (f"Strasbourg - {dname}", 4), (dname, 5),
                  (f"{dname} (Strasbourg)", 2), (f"Strasbourg ({dpc})", 5), (f"{dpc} Strasbourg", 5),
                  ("Strasbourg 67", 3), ("Strasbourg (67)", 3), ("Strasbourg et environs", 2),
                  ("Strasbourg / Kehl", 1), ("Eurométropole de Strasbourg", 1),
                  ("Strassburg", 2 if lang == "de" else 0.3), ("Straßburg", 2 if lang == "de" else 0.2)]
        if dname == "Gare":
            forms.append(("Strasbourg gare", 6))
        forms += [(a, 1) for a in _C_ALT[c]]
    elif c in _FOREIGN:
        forms += [(name, 40), (f"{name} (Allemagne)", 10), (f"{name} (DE)", 6), (f"{pc} {name}", 6),
                  (f"{name} / Strasbourg", 8), (f"{name}, près de Strasbourg", 5)]
        if _C_DE[c] != name:
            forms.append((_C_DE[c], 8))
        if name == "Kehl":
            forms.append(("Strasbourg / Kehl", 6))
    else:
        forms += [(name, 50), (f"{name} ({pc})", 8), (f"{pc} {name}", 8), (f"{name} 67", 4),
                  (f"{name} (67)", 4), (f"{name} et alentours", 3)]
        plain = _strip_accents(name)
        if plain != name:
            forms.append((plain, 6))
        forms += [(a, 4) for a in _C_ALT[c]]
        if _C_DE[c] != name:
            forms.append((_C_DE[c], 3 if lang == "de" else 0.5))
    return _table(forms)


def _commune_site(c: int, style: str) -> str:
    name = _C_NAME[c]
    if style == "canon":
        return name
    if style == "canon_pc":
        return f"{name} ({_C_PC[c]})"
    if style == "pc_first":
        return f"{_C_PC[c]} {name}"
    if style == "dept":
        return f"{name} (Allemagne)" if c in _FOREIGN else f"{name} (67)"
    if style == "upper":
        return name.upper()
    if style == "de":
        return _C_DE[c]
    return name


def _typo(word: str, U: _Stream) -> str:
    if len(word) < 4:
        return word
    i = U.randint(1, len(word) - 2)
    r = U.u()
    if r < 0.3:
        return word[:i] + word[i + 1] + word[i] + word[i + 2:]
    if r < 0.6:
        return word[:i] + word[i + 1:]
    if r < 0.85:
        return word[:i] + word[i] + word[i:]
    return word[:i] + U.pick("aeinrstu") + word[i + 1:]


# --------------------------------------------------------------------------------------
# Persons as the ads show them (report IV-A): first names, origins, descriptions
# --------------------------------------------------------------------------------------
_NAMES = {
    ("FR", "F"): ("Léa", "Chloé", "Manon", "Camille", "Inès", "Sarah", "Julie", "Emma", "Lola", "Jade",
                  "Clara", "Océane", "Marine", "Laura", "Pauline", "Alicia", "Mélissa", "Jessica",
                  "Vanessa", "Audrey", "Elodie", "Kelly", "Cindy", "Amandine", "Lisa", "Zoé", "Louna",
                  "Maëlys", "Anaïs", "Justine", "Noémie", "Célia", "Nina", "Eva", "Margaux", "Sabrina"),
    ("DE", "F"): ("Lena", "Hannah", "Mia", "Leonie", "Sophie", "Jana", "Nina", "Laura", "Anna",
                  "Marie", "Katharina", "Jasmin", "Sandra", "Melanie", "Carina", "Franziska", "Svenja",
                  "Tanja", "Nicole", "Steffi"),
    ("LAT", "F"): ("Valentina", "Camila", "Daniela", "Bianca", "Luana", "Isabela", "Gabriela",
                   "Fernanda", "Paola", "Carolina", "Mariana", "Juliana", "Yasmin", "Natalia", "Andrea",
                   "Luisa", "Rafaela", "Milagros", "Alejandra", "Sofia", "Melina"),
    ("EST", "F"): ("Alina", "Daria", "Irina", "Katia", "Oksana", "Milena", "Nadia", "Olga", "Svetlana",
                   "Tatiana", "Veronika", "Yana", "Ioana", "Andreea", "Roxana", "Monika", "Agnieszka",
                   "Kasia", "Ewa", "Lidia", "Marina", "Alona", "Ela"),
    ("SUD", "F"): ("Lucia", "Giulia", "Chiara", "Elena", "Martina", "Carmen", "Lorena", "Alba",
                   "Noelia", "Francesca", "Yara", "Rania"),
    ("AFR", "F"): ("Aïcha", "Fatou", "Grace", "Mariama", "Awa", "Esther", "Joyce", "Ruth", "Mireille",
                   "Nadège", "Prisca", "Clarisse"),
    ("ASIA", "F"): ("Mei", "Lili", "Lin", "Yuki", "Suki", "Mina", "Nana", "Kim", "Lan", "Cherry",
                    "Coco", "Lucky", "Jasmine", "Ling"),
    ("T", "T"): ("Paloma", "Kiara", "Thalia", "Bruna", "Larissa", "Thaís", "Vitória", "Melina",
                 "Bianca", "Gaby", "Paola", "Luana", "Nicole", "Dayana", "Samantha"),
    ("FR", "H"): ("Lucas", "Karim", "Enzo", "Mehdi", "Hugo", "Théo", "Yanis", "Kevin", "Jordan",
                  "Maxime", "Romain", "Nathan", "Bastien", "Florian"),
    ("X", "H"): ("Jonas", "Max", "Felix", "Leon", "Diego", "Mateo", "Rafael", "Bruno", "Thiago",
                 "Moussa", "Junior", "Alex", "Dima", "Andrei", "Marco"),
}
# key: French feminine, French masculine, German feminine, English, group, category word
_ORIGINS = {
    "fr": ("française", "français", "Französin", "French", "FR", "alsacienne"),
    "de": ("allemande", "allemand", "Deutsche", "German", "DE", "allemande"),
    "br": ("brésilienne", "brésilien", "Brasilianerin", "Brazilian", "LAT", "latine"),
    "co": ("colombienne", "colombien", "Kolumbianerin", "Colombian", "LAT", "latine"),
    "ve": ("vénézuélienne", "vénézuélien", "Venezolanerin", "Venezuelan", "LAT", "latine"),
    "ar": ("argentine", "argentin", "Argentinierin", "Argentinian", "LAT", "latine"),
    "cu": ("cubaine", "cubain", "Kubanerin", "Cuban", "LAT", "latine"),
    "mx": ("mexicaine", "mexicain", "Mexikanerin", "Mexican", "LAT", "latine"),
    "es": ("espagnole", "espagnol", "Spanierin", "Spanish", "SUD", "méditerranéenne"),
    "it": ("italienne", "italien", "Italienerin", "Italian", "SUD", "méditerranéenne"),
    "lb": ("libanaise", "libanais", "Libanesin", "Lebanese", "SUD", "orientale"),
    "pl": ("polonaise", "polonais", "Polin", "Polish", "EST", "de l'Est"),
    "ua": ("ukrainienne", "ukrainien", "Ukrainerin", "Ukrainian", "EST", "de l'Est"),
    "ro": ("roumaine", "roumain", "Rumänin", "Romanian", "EST", "de l'Est"),
    "bg": ("bulgare", "bulgare", "Bulgarin", "Bulgarian", "EST", "de l'Est"),
    "ru": ("russe", "russe", "Russin", "Russian", "EST", "de l'Est"),
    "cn": ("chinoise", "chinois", "Chinesin", "Chinese", "ASIA", "asiatique"),
    "th": ("thaïlandaise", "thaïlandais", "Thailänderin", "Thai", "ASIA", "asiatique"),
    "cm": ("camerounaise", "camerounais", "Kamerunerin", "Cameroonian", "AFR", "métisse"),
    "ci": ("ivoirienne", "ivoirien", "Ivorerin", "Ivorian", "AFR", "black"),
}
_IND_ORIGINS = _table((("fr", 40), ("de", 9), ("br", 6), ("co", 4), ("ve", 3), ("ar", 2), ("cu", 2),
                       ("mx", 1), ("es", 4), ("it", 3), ("pl", 4), ("ua", 4), ("ro", 5), ("bg", 2),
                       ("ru", 2), ("cn", 3), ("th", 2), ("lb", 1), ("cm", 2), ("ci", 1)))
_HAIRS = ("brun", "blond", "chatain", "roux", "noir")
_FR_HAIR_F = {"brun": "brune", "blond": "blonde", "chatain": "châtain", "roux": "rousse", "noir": "brune"}
_FR_HAIR_M = {"brun": "brun", "blond": "blond", "chatain": "châtain", "roux": "roux", "noir": "brun"}
_FR_HAIR_PL = {"brun": "bruns", "blond": "blonds", "chatain": "châtains", "roux": "roux", "noir": "noirs"}
_DE_HAIR = {"brun": "braune Haare", "blond": "blond", "chatain": "hellbraune Haare",
            "roux": "rothaarig", "noir": "schwarze Haare"}
_EN_HAIR = {"brun": "brunette", "blond": "blonde", "chatain": "light brown hair", "roux": "redhead",
            "noir": "black hair"}
_EYES = ("marron", "verts", "bleus", "noirs", "noisette")
_DE_EYES = {"marron": "braune", "verts": "grüne", "bleus": "blaue", "noirs": "dunkle",
            "noisette": "haselnussbraune"}
_EN_EYES = {"marron": "brown", "verts": "green", "bleus": "blue", "noirs": "dark", "noisette": "hazel"}
_SIL_F = ("mince", "pulpeuse", "sportive", "élancée", "menue", "ronde")
_SIL_M = ("sportif", "mince", "musclé", "svelte")
_DE_SIL = {"mince": "schlank", "pulpeuse": "kurvig", "sportive": "sportlich", "élancée": "groß und schlank",
           "menue": "zierlich", "ronde": "mollig", "sportif": "sportlich", "musclé": "muskulös",
           "svelte": "schlank"}
_EN_SIL = {"mince": "slim", "pulpeuse": "curvy", "sportive": "sporty", "élancée": "tall and slim",
           "menue": "petite", "ronde": "curvy", "sportif": "athletic", "musclé": "muscular",
           "svelte": "slim"}
_SIL_KG = {"mince": -4, "pulpeuse": 8, "sportive": 0, "élancée": -2, "menue": -7, "ronde": 16,
           "sportif": 0, "mince_m": -4, "musclé": 6, "svelte": -3}

T_RES, T_PASS, T_TOUR, T_LOCAL, T_MASS, T_AGENCY = range(6)
_TYPE_SHARE = (0.60, 0.10, 0.17, 0.05, 0.03, 0.05)

# markers substituted when an ad is written out
NAME, AGE, CITY, TEL = "\x04", "\x03", "\x02", "\x01"


class _Person:
    __slots__ = ("ptype", "net", "spans", "gender", "names", "switch_name", "age", "drift", "origin",
                 "show_origin", "orig_word", "height", "weight", "hair", "eyes", "sil", "lang",
                 "second", "commune", "district", "forms", "text_city", "cities", "sites",
                 "a", "b", "rate", "phone_mode", "phone_in_text", "phone_fmt", "text_fmt",
                 "handles", "gives_age", "passage", "misspell", "incoherent", "phys_style",
                 "range_pref", "switchboard_share", "line_switch")


class _Network:
    __slots__ = ("kind", "flavour", "members", "a", "b", "brand", "sig", "template", "title_pats",
                 "misspell", "lang", "second", "sites", "cities", "shared_handle", "phys_style",
                 "lines", "switch_share", "first_range", "sb_range", "origins", "mirror")


# --------------------------------------------------------------------------------------
# Text material. Register of the ads quoted in the report (II-B, annex 5): euphemisms.
# --------------------------------------------------------------------------------------
_GREET = ("Bonjour", "Coucou", "Hello", "Bonsoir", "Salut à tous", "Bienvenue")
_NAMEP = ("je suis {n}", "moi c'est {n}", "je m'appelle {n}", "ici {n}", "c'est {n}")
_ADJ_F = ("jolie", "belle", "charmante", "douce", "ravissante", "délicieuse", "pétillante", "adorable",
          "sublime")
_ADJ_M = ("beau", "charmant", "jeune", "gentil")
_OFFER_F = (
    "Je vous propose un moment de détente et de complicité.",
    "Je vous propose un moment de pure évasion en toute discrétion.",
    "Je vous réserve un instant agréable dans la bonne humeur.",
    "Pour un moment tendre et complice, vous êtes au bon endroit.",
    "Je suis douce, souriante et attentionnée.",
    "Massage relaxant et moment de détente sur rendez-vous.",
    "Je vous offre ma compagnie pour un dîner, une soirée ou un moment à deux.",
    "Ambiance raffinée et détente garantie.",
    "Je suis ouverte à toute demande, n'hésitez pas.",
    "Compagnie agréable pour messieurs courtois et respectueux.",
    "Venez passer un moment inoubliable en ma compagnie.",
    "La détente dans la complicité et la bonne humeur est à l'ordre du jour.",
)
_OFFER_T = (
    "Je suis féminine, polie et très douce.",
    "Vraie beauté latine, je propose un bon moment tranquille et discret.",
    "Je vous propose un moment agréable dans une ambiance raffinée.",
    "Douce et souriante, je vous attends pour un moment de détente.",
)
_OFFER_M = (
    "Je propose mes services à homme gay ou bi : massage, sortie, moments de détente.",
    "Massage relaxant et compagnie pour hommes, discret.",
    "En échange, quelqu'un qui prend soin de moi.",
    "Je propose des moments de détente entre hommes, sans prise de tête.",
    "Accompagnement pour soirées et sorties, très discret.",
)
_PLACE = (
    "Je reçois dans un appartement discret et climatisé à " + CITY + ".",
    "Je reçois à " + CITY + " dans un cadre propre et discret.",
    "Je me déplace à domicile ou à l'hôtel sur " + CITY + " et alentours.",
    "Reçois et me déplace sur " + CITY + ".",
    "Appartement privé, parking facile, secteur " + CITY + ".",
    "Je vous attends à " + CITY + ".",
    "Appartement climatisé pour votre confort.",
)
_COND = (
    "Discrétion, respect et hygiène sont de rigueur.",
    "Les appels masqués, sms et mails resteront sans suite.",
    "Je ne réponds pas aux numéros masqués.",
    "Mes photos sont 100 % réelles et récentes.",
    "Uniquement sur rendez-vous, merci de prévenir 30 minutes avant.",
    "Messieurs polis et respectueux uniquement.",
    "Pas sérieux s'abstenir.",
)
_AVAIL = (
    "Disponible du lundi au samedi de 10h à 22h.",
    "Dispo 7j/7.",
    "Disponible en journée et en soirée.",
    "Disponible 24h/24.",
    "Dispo le week-end uniquement.",
    "Disponible sur rendez-vous.",
)
_PASSAGE = (
    "De passage à " + CITY + " pour quelques jours seulement.",
    "Pour la première fois à " + CITY + " !",
    "Je suis sur le secteur pour une semaine.",
    "Présente à " + CITY + " jusqu'à la fin du mois.",
    "De passage dans votre ville, ne tardez pas.",
)
_CONTACT = (
    "Appelle-moi au " + TEL + ".",
    "Contact : " + TEL,
    "Tél. " + TEL + " (pas de sms).",
    "Pour me joindre : " + TEL + ".",
    "Mon numéro : " + TEL + ".",
)
_NOCONTACT = (
    "Contactez-moi par la messagerie du site.",
    "Écrivez-moi via le site, je réponds vite.",
    "N'hésitez pas à me contacter.",
    "Pensez à me dire que vous m'avez vue sur ce site.",
)
_CLOSE = ("À très vite, bisous.", "Bisous.", "Je vous attends.", "À bientôt !", "Gros bisous à tous.",
          "Au plaisir de vous rencontrer.")
_DE = {
    "intro": ("Hallo, ich bin " + NAME + ", {age}{orig}.", "Hi, ich heiße " + NAME + "{agep}.",
              NAME + "{agec}{origc}, neu in " + CITY + "."),
    "offer": ("Ich biete dir entspannte und diskrete Stunden.", "Zärtlich, gepflegt und diskret.",
              "Gepflegte Begleitung für höfliche Herren.", "Entspannende Massagen und schöne Momente."),
    "place": ("Privat in " + CITY + ", auch Hausbesuche.", "Diskretes Apartment in " + CITY + ".",
              "Besuchbar in " + CITY + ", Parkplatz vorhanden."),
    "cond": ("Keine SMS, keine unterdrückten Nummern.", "Echte Fotos.", "Nur mit Termin."),
    "avail": ("Täglich von 10 bis 22 Uhr.", "Nur für kurze Zeit in " + CITY + "!", "Auch am Wochenende."),
    "contact": ("Ruf mich an: " + TEL, "Tel./WhatsApp: " + TEL, "Telefon: " + TEL),
    "close": ("Bis bald, Küsschen.", "Ich freue mich auf dich.", "Liebe Grüße."),
    "fr": ("Je parle aussi un peu français.", "Nouvelle à " + CITY + ", appelez vite !"),
}
_EN = {
    "intro": ("Hi, I'm " + NAME + "{agec}{origc}.", "Hello gentlemen, my name is " + NAME + ".",
              NAME + ", sweet {orig_en} girl{agey}."),
    "offer": ("I offer relaxing and discreet moments.", "Elegant companion for dinner dates.",
              "Sweet, friendly and discreet."),
    "place": ("Incall in " + CITY + ", outcall to hotels.", "Private apartment in " + CITY + "."),
    "cond": ("No SMS, no hidden numbers.", "Real photos, 100% me."),
    "avail": ("Available 24/7.", "Only a few days in " + CITY + "!", "Available day and night."),
    "contact": ("Call or WhatsApp: " + TEL, "Phone: " + TEL, "Call me: " + TEL),
    "close": ("Kisses.", "See you soon."),
    "fr": ("Je parle français et anglais.", "Disponible maintenant à " + CITY + "."),
}
_UPDATES = {
    "fr": ("De retour !", "Nouvelles photos.", "Dispo ce week-end.", "Derniers jours à " + CITY + " !",
           "NOUVEAU", "Je suis de retour sur " + CITY + ".", "Dispo dès maintenant.", "Enfin de retour."),
    "de": ("Wieder da!", "Neue Fotos.", "Nur noch wenige Tage!", "Jetzt verfügbar."),
    "en": ("Back in town!", "New photos.", "Last days!", "Available now."),
}
_SYN = (("moment", "instant"), ("Disponible", "Dispo"), ("disponible", "dispo"),
        ("appartement", "appart"), ("discrète", "discrete"), ("agréable", "sympa"), ("Bisous", "Bisou"),
        ("rendez-vous", "rdv"), ("très", "tres"), ("À très vite", "À bientôt"),
        ("Je vous attends", "Je t'attends"), ("climatisé", "tout confort"), ("Appelle-moi", "Appelez-moi"),
        ("n'hésitez pas", "n'hésite pas"), ("détente", "relaxation"), ("messieurs", "Messieurs"),
        ("jolie", "belle"), ("douce", "câline"), ("Hallo", "Hi"), ("diskret", "diskrete"),
        ("apartment", "flat"), ("Available", "Avail."), ("reçoit", "recoit"),
        ("quelques jours", "quelques jours seulement"), ("24h/24", "jour et nuit"))
_MISSPELL = (("discrète", "discrete"), ("très", "tres"), (" à ", " a "), ("reçois", "recois"),
             ("reçoit", "recoit"), ("appartement", "appartemment"), ("agréable", "agreable"),
             ("N'hésitez", "N'hesitez"), ("Appelle-moi", "Apelle moi"), ("messieurs", "mesieurs"),
             ("de passage", "de pasage"), ("quelques", "quelque"), ("Appelez", "Apellez"),
             ("journée", "journee"), ("détente", "detente"), ("numéros", "numero"), ("sms", "SMS"),
             ("privé", "privée"), ("rendez-vous", "rendez vous"))
_SYLL = ("ve", "lo", "ra", "ni", "sa", "phi", "ta", "mi", "lu", "na", "ri", "so", "ka", "de", "bel",
         "ori", "za", "li", "mo", "ly")
_SIG_FR = ("Nouvelles filles chaque semaine", "Photos 100% réelles", "Qualité et discrétion",
           "Ambiance VIP", "Réservez vite", "Service haut de gamme")
_SIG_EN = ("New girls every week", "100% real pictures", "VIP service", "Book now")
_SIG_DE = ("Jede Woche neue Damen", "Echte Bilder", "VIP Service", "Jetzt buchen")
_DECO = ("***", "~", "--", "+++", "**", "==")
_STOPS = ("Karlsruhe", "Bâle", "Luxembourg", "Metz", "Nancy", "Fribourg", "Stuttgart", "Zurich",
          "Mannheim", "Colmar")
_LANGS = ("français, anglais", "anglais, russe", "français, espagnol", "anglais, allemand",
          "français, anglais, allemand", "portugais, espagnol", "anglais")


def _cap(s: str) -> str:
    return s[:1].upper() + s[1:] if s else s


def _brand(U: _Stream) -> str:
    k = 2 if U.chance(0.6) else 3
    return _cap("".join(U.pick(_SYLL) for _ in range(k)))


def _apply(sentences: list[str], rules) -> list[str]:
    out = []
    for s in sentences:
        for a, b in rules:
            s = s.replace(a, b)
        out.append(s)
    return out


# physical descriptions, varied wordings ----------------------------------------------
def _hm(h: int) -> str:
    return f"{h // 100}m{h % 100:02d}"


def _phys(p: _Person, style: int, lang: str) -> str:
    h, w, hair, eyes, sil = p.height, p.weight, p.hair, p.eyes, p.sil
    male = p.gender == "H"
    if lang == "de":
        if style % 2 == 0:
            return f"{h // 100},{h % 100:02d} m groß, {_DE_SIL[sil]}, {_DE_HAIR[hair]}, {_DE_EYES[eyes]} Augen."
        return f"Größe: {h} cm, Gewicht: {w} kg, {_DE_HAIR[hair]}."
    if lang == "en":
        if style % 2 == 0:
            return f"{h} cm, {_EN_SIL[sil]}, {_EN_HAIR[hair]}, {_EN_EYES[eyes]} eyes."
        return f"Height {h // 100}.{h % 100:02d} m, weight {w} kg, {_EN_EYES[eyes]} eyes."
    if male:
        if style % 2 == 0:
            return f"{_hm(h)}, {w} kg, {sil}, cheveux {_FR_HAIR_PL[hair]}."
        return f"Je suis {sil}, {_FR_HAIR_M[hair]}, yeux {eyes}, {h} cm."
    ha = _FR_HAIR_F[hair]
    style %= 6
    if style == 0:
        return f"Je mesure {_hm(h)} pour {w} kg, {sil}, cheveux {_FR_HAIR_PL[hair]} et yeux {eyes}."
    if style == 1:
        return f"{_cap(ha)} aux yeux {eyes}, {_hm(h)}, silhouette {sil}."
    if style == 2:
        return f"Taille : {h // 100},{h % 100:02d} m - Cheveux : {_FR_HAIR_PL[hair]} - Yeux : {eyes}."
    if style == 3:
        return f"{_cap(sil)}, {ha}, {h} cm, {w} kg."
    if style == 4:
        size = "Petite" if h < 160 else ("Grande" if h > 172 else "Jolie")
        return f"{size} {ha} de {_hm(h)} aux yeux {eyes}."
    return f"{_hm(h)}/{w}kg, yeux {eyes}, {sil}."


def _orig_fr(p: _Person) -> str:
    if not p.show_origin or not p.origin:
        return ""
    o = _ORIGINS[p.origin]
    if p.gender == "H":
        return o[1]
    return o[5] if p.orig_word else o[0]


def _age_fr(p: _Person, U: _Stream) -> str:
    e = "" if p.gender == "H" else "e"
    return U.pick((" de " + AGE + " ans", ", " + AGE + " ans", " (" + AGE + " ans)", ", " + AGE + "a",
                   f", âgé{e} de " + AGE + " ans", " " + AGE + " ans"))


def _desc_fr(p: _Person, U: _Stream) -> str:
    orig = _orig_fr(p)
    if p.gender == "H":
        noun = U.pick(("jeune homme", "mec", "homme", "jeune mec"))
        adj = U.pick(_ADJ_M) + " " if U.chance(0.4) else ""
    elif p.gender == "T":
        noun = U.pick(("trans", "transsexuelle", "jeune trans", "femme trans"))
        adj = U.pick(_ADJ_F) + " " if U.chance(0.7) else ""
    else:
        noun = U.pick(("jeune femme", "femme", "demoiselle", _FR_HAIR_F[p.hair], "fille", "jeune femme"))
        adj = U.pick(_ADJ_F) + " " if U.chance(0.7) else ""
    return (adj + noun + (" " + orig if orig else "")).strip()


def _intro_fr(p: _Person, U: _Stream) -> str:
    age = _age_fr(p, U) if p.gives_age and U.chance(0.8) else ""
    desc = _desc_fr(p, U)
    namep = U.pick(_NAMEP).replace("{n}", NAME)
    form = U.randint(0, 4)
    if form == 0:
        greet = U.pick(_GREET)
        return f"{greet}, {namep}, {desc}{age}."
    if form == 1:
        return f"{_cap(desc)}{age}, {namep}."
    if form == 2:
        return f"{_cap(namep)} ! {_cap(desc)}{age}."
    if form == 3:
        orig = _orig_fr(p)
        return NAME + (", " + AGE + " ans" if p.gives_age else "") + (", " + orig if orig else "") + "."
    arrived = "arrivé" if p.gender == "H" else "arrivée"
    return f"{_cap(desc)}{age} nouvellement {arrived} à {CITY}. {_cap(namep)}."


def _title_fr(p: _Person, U: _Stream) -> str:
    if p.gender == "H":
        short = U.pick(("Jeune homme", "Mec discret", "Massage entre hommes", "Jeune mec sportif"))
    elif p.gender == "T":
        short = U.pick(("Belle trans", "Trans latine", "Jolie trans", "Transsexuelle douce"))
    else:
        orig = _ORIGINS[p.origin][5] if (p.show_origin and p.origin) else ""
        short = U.pick((f"Jolie {_FR_HAIR_F[p.hair]}", f"Belle {_FR_HAIR_F[p.hair]}",
                        f"Beauté {orig}" if orig else "Jolie jeune femme",
                        f"Douce {orig}" if orig else "Douce jeune femme", "Charmante demoiselle"))
    age = " " + AGE + " ans" if p.gives_age else ""
    pats = (f"{NAME}, {short.lower()} à {CITY}", f"Nouvelle à {CITY}", f"{short} de passage",
            f"{NAME}{age}", f"{short} {NAME}", f"Massage détente {CITY}", f"Première fois à {CITY} !",
            f"{NAME} - photos réelles", f"Moment de détente avec {NAME}", f"{short} discrète sur {CITY}",
            f"Coucou c'est {NAME}", f"{short}{age}")
    if p.gender == "H":
        pats = (f"{short} {CITY}", f"{NAME}{age}, {CITY}", f"{short}", f"{NAME} - massage",
                f"Jeune mec de {CITY}")
    return U.pick(pats)


def _text_fr(p: _Person, U: _Stream) -> list[str]:
    s = [_intro_fr(p, U)]
    if U.chance(0.6):
        s.append(_phys(p, p.phys_style, "fr"))
    bank = _OFFER_M if p.gender == "H" else (_OFFER_T if p.gender == "T" and U.chance(0.6) else _OFFER_F)
    s += U.sample(bank, 1 if U.chance(0.55) else 2)
    if U.chance(0.75):
        s.append(U.pick(_PLACE))
    s += U.sample(_COND, U.randint(0, 2))
    if U.chance(0.6):
        s.append(U.pick(_AVAIL))
    if p.passage:
        s.append(U.pick(_PASSAGE))
    s.append(U.pick(_CONTACT) if p.phone_in_text else U.pick(_NOCONTACT))
    if U.chance(0.7):
        s.append(U.pick(_CLOSE))
    if p.misspell:
        s = _apply(s, p.misspell)
    return s


def _text_foreign(p: _Person, U: _Stream, lang: str) -> list[str]:
    b = _DE if lang == "de" else _EN
    o = _ORIGINS[p.origin] if (p.show_origin and p.origin) else None
    intro = U.pick(b["intro"])
    if lang == "de":
        intro = (intro.replace("{age}", (AGE + " Jahre") if p.gives_age else "")
                 .replace("{orig}", (", " + o[2]) if o else "")
                 .replace("{agep}", (" (" + AGE + ")") if p.gives_age else "")
                 .replace("{agec}", (", " + AGE + " J.") if p.gives_age else "")
                 .replace("{origc}", (", " + o[2]) if o else ""))
        intro = intro.replace(", , ", ", ").replace(", .", ".")
    else:
        intro = (intro.replace("{agec}", (", " + AGE + " years old") if p.gives_age else "")
                 .replace("{origc}", (", " + o[3]) if o else "")
                 .replace("{orig_en}", o[3] if o else "European")
                 .replace("{agey}", (", " + AGE + "yo") if p.gives_age else ""))
    s = [intro]
    if U.chance(0.7):
        s.append(_phys(p, p.phys_style, lang))
    s += U.sample(b["offer"], 1 if U.chance(0.5) else 2)
    if U.chance(0.7):
        s.append(U.pick(b["place"]))
    s += U.sample(b["cond"], U.randint(0, 1))
    if U.chance(0.6) or p.passage:
        s.append(U.pick(b["avail"]))
    if p.phone_in_text:
        s.append(U.pick(b["contact"]))
    if U.chance(0.5):
        s.append(U.pick(b["close"]))
    if p.second:
        s.append(U.pick(b["fr"]))
    return s


def _title_foreign(p: _Person, U: _Stream, lang: str) -> str:
    o = _ORIGINS[p.origin] if (p.show_origin and p.origin) else None
    if lang == "de":
        pats = (f"NEU in {CITY}: {NAME}", f"{NAME} ({AGE}) - nur kurze Zeit" if p.gives_age else f"{NAME} - nur kurze Zeit",
                f"{NAME}, {o[2]}, privat" if o else f"{NAME}, privat", f"Diskrete Begegnung in {CITY}")
    else:
        pats = (f"New in {CITY} - {NAME} {AGE}" if p.gives_age else f"New in {CITY} - {NAME}",
                f"{NAME}, sweet {o[3]} girl" if o else f"{NAME}, sweet girl", f"{NAME} - real photos")
    return U.pick(pats)


def _closed(sentences: list[str]) -> list[str]:
    """A number never runs into the next sentence's digits: close its sentence."""
    return [s + "." if s.endswith(TEL) else s for s in sentences]


def _person_text(p: _Person, U: _Stream) -> tuple[list[str], str]:
    s, t = _person_text_raw(p, U)
    return _closed(s), t


def _person_text_raw(p: _Person, U: _Stream) -> tuple[list[str], str]:
    if p.lang == "fr":
        s = _text_fr(p, U)
        if p.second == "de" and U.chance(0.8):
            s.append(U.pick(("Ich spreche auch Deutsch.", "Deutsch sprechend.", "Auch auf Deutsch: ruf an!")))
        elif p.second == "en" and U.chance(0.8):
            s.append(U.pick(("English spoken.", "I speak English too.")))
        return s, _title_fr(p, U)
    return _text_foreign(p, U, p.lang), _title_foreign(p, U, p.lang)


# network templates --------------------------------------------------------------------
_NT_FR = {
    "intro": (NAME + " est une {desc} de " + AGE + " ans, tres douce et discrete.",
              "Nouvelle à " + CITY + " : " + NAME + ", " + AGE + " ans, {orig}.",
              "Découvrez " + NAME + ", {desc}, " + AGE + " ans, de passage à " + CITY + ".",
              NAME + " (" + AGE + " ans), ravissante {orig}, vient d'arriver à " + CITY + "."),
    "offer": ("Elle vous propose un moment de détente inoubliable.",
              "Elle saura vous faire passer un agréable moment en toute discrétion.",
              "Elle vous reçoit dans un appartement privé et discret.",
              "Elle est douce, souriante et attentionnée."),
    "pass": ("De passage pour quelques jours seulement.", "Disponible 24h/24 et 7j/7.",
             "Uniquement cette semaine à " + CITY + " !", "Présente à " + CITY + " pour une courte durée."),
    "contact": ("Réservation par téléphone uniquement, pas de sms.", "Appelez le " + TEL + ".",
                "Contact : " + TEL + " (appels uniquement).", "Pour réserver, appelez le " + TEL + "."),
}
_NT_EN = {
    "intro": (NAME + ", " + AGE + " years old, sweet {orig_en} girl, new in " + CITY + " for a few days only.",
              "Hello gentlemen, " + NAME + " is visiting " + CITY + " this week.",
              NAME + " ({orig_en}, " + AGE + ") available now in " + CITY + "."),
    "offer": ("Incall in a private apartment, outcall to hotels.", "Elegant, sweet and discreet.",
              "She will make your time unforgettable."),
    "pass": ("Available 24/7.", "Next stops: {stops}.", "Only a few days in " + CITY + "!"),
    "contact": ("Call or WhatsApp: " + TEL, "No SMS, no hidden numbers.", "Booking: " + TEL),
}
_NT_DE = {
    "intro": ("NEU in " + CITY + ": " + NAME + ", " + AGE + " Jahre, {orig_de}.",
              NAME + " ist nur für kurze Zeit in " + CITY + "!",
              NAME + " (" + AGE + "), {orig_de}, jetzt in " + CITY + "."),
    "offer": ("Diskretes Privatapartment, gepflegtes Ambiente.", "Zärtlich und diskret.",
              "Sie freut sich auf deinen Besuch."),
    "pass": ("Rund um die Uhr erreichbar.", "Nur diese Woche!", "Danach weiter nach {stops}."),
    "contact": ("Anruf oder WhatsApp: " + TEL, "Keine SMS, keine unterdrückten Nummern.", "Termine: " + TEL),
}
_NT_LOCAL = (
    ("Jolie {orig} de " + AGE + " ans tres douce et caline.", "Coucou c'est " + NAME + ", {desc} de " + AGE + " ans.",
     NAME + " " + AGE + " ans {orig} nouvelle sur " + CITY + "."),
    ("Je recois dans appartement propre et discret a " + CITY + ".", "Je recoit sur " + CITY + " centre.",
     "Recois seulement, appartement discret."),
    ("Pour moment agreable sans prise de tete.", "Tres coquine et souriante, pour moment de detente.",
     "Douce et calline pour passer un bon moment."),
    ("Pas de numero masquer ni sms.", "Pas de sms ni appel masquer svp.", "Pas serieux s'abstenir."),
    ("Dispo tout les jours 24h/24.", "Dispo de 9h a minuit.", "Disponible tout les jours."),
    ("Apeller moi au " + TEL + ".", "Mon numero " + TEL + ".", "Appel uniquement " + TEL + "."),
    ("Bisou.", "A tres vite.", "Bisous a bientot."),
)
_NT_MASS = (
    (NAME + ", nouvelle masseuse au salon {brand} à " + CITY + ".",
     "Salon {brand} : " + NAME + " vous accueille pour un massage relaxant.",
     "Nouvelle au salon {brand} : " + NAME + ", jeune masseuse {orig}."),
    ("Jeune masseuse {orig}, douce et souriante.", "Masseuse asiatique très douce, " + AGE + " ans.",
     "Douce et attentionnée, elle vous attend."),
    ("Massage relaxant, ambiance zen et discrète.", "Massage détente du corps, cadre propre et calme.",
     "Massage traditionnel et relaxant."),
    ("Ouvert tous les jours de 10h à 22h, sur rendez-vous.", "Ouvert 7j/7 de 9h à 21h.",
     "Ouvert du lundi au dimanche."),
    ("Douche et parking à disposition.", "Salon climatisé, discrétion assurée."),
    ("Contact : " + TEL, "Rendez-vous au " + TEL + ".", "Réservation : " + TEL),
)


def _member_fill(text: str, p: _Person, net: _Network) -> str:
    o = _ORIGINS[p.origin] if p.origin else _ORIGINS["ro"]
    if "{" not in text:
        return text
    shown = p.show_origin
    plain = "trans" if p.gender == "T" else _FR_HAIR_F[p.hair]
    return (text.replace("{desc}", _desc_word(p))
            .replace("{orig}", (o[5] if p.orig_word else o[0]) if shown else plain)
            .replace("{orig_en}", o[3] if shown else "European")
            .replace("{orig_de}", o[2] if shown else "neu")
            .replace("{brand}", net.brand)
            .replace("{stops}", net.sig[1]))


def _desc_word(p: _Person) -> str:
    if p.gender == "T":
        return "jolie trans" + (" " + _ORIGINS[p.origin][5] if p.show_origin and p.origin else "")
    base = "jeune " + (_ORIGINS[p.origin][0] if p.show_origin and p.origin else "femme")
    return base if p.height < 170 else "grande " + _FR_HAIR_F[p.hair]


def _network_template(net: _Network, U: _Stream) -> None:
    """The organiser's text: the same sentences, mistakes and signature for every member."""
    brand = _brand(U)
    net.brand = brand
    stops = ", ".join(U.sample(_STOPS, 3))
    if net.kind == T_TOUR:
        bank = {"fr": _NT_FR, "en": _NT_EN, "de": _NT_DE}[net.lang]
        sigs = {"fr": _SIG_FR, "en": _SIG_EN, "de": _SIG_DE}[net.lang]
        deco = U.pick(_DECO)
        sig = f"{deco} {U.pick(sigs)} - {brand} {deco}"
        t = [U.pick(bank["intro"]), "{phys}"]
        t += U.sample(bank["offer"], U.randint(1, 2))
        t += U.sample(bank["pass"], U.randint(1, 2))
        t += U.sample(bank["contact"], U.randint(1, 2))
        if U.chance(0.7):
            t.append(sig)
        if net.second:
            t.append(U.pick(_DE["fr"] if net.lang == "de" else _EN["fr"]))
        titles = {"fr": (f"Nouvelle à {CITY} : {NAME}", f"{NAME} {AGE} ans de passage",
                         f"{NAME}, {{desc}} - {brand}", f"Nouvelle {{orig}} à {CITY}"),
                  "en": (f"New in {CITY}: {NAME} {AGE}", f"{NAME} - {brand}", f"{NAME}, {{orig_en}} girl"),
                  "de": (f"NEU: {NAME} ({AGE}) in {CITY}", f"{NAME} - {brand}", f"{NAME}, {{orig_de}}")}[net.lang]
    elif net.kind == T_LOCAL:
        t = [U.pick(part) for part in _NT_LOCAL if U.chance(0.85)]
        if "{phys}" not in t and U.chance(0.5):
            t.insert(1, "{phys}")
        sig = ""
        titles = (f"Jolie {{orig}} sur {CITY}", f"{NAME} {AGE} ans", f"Nouvelle sur {CITY}",
                  f"{NAME} tres douce")
    elif net.kind == T_MASS:
        t = [U.pick(part) for part in _NT_MASS]
        sig = ""
        titles = (f"Salon {brand} - {NAME}", f"Massage relaxant {CITY}", f"Nouvelle masseuse {NAME}")
    else:  # agency
        agency = U.pick(("Agence {b}", "{b} Escort", "{b} Companions", "Agence {b} Strasbourg")).replace("{b}", brand)
        net.brand = agency
        fiche = U.pick(("Âge : " + AGE + " ans | Taille : {h} | Cheveux : {hair} | Yeux : {eyes} | Origine : {orig}",
                        "Age " + AGE + " - Taille {h} - {hair} - yeux {eyes} - {orig}",
                        "Âge : " + AGE + " / Taille : {h} / Origine : {orig}"))
        t = [U.pick((agency + " vous présente " + NAME + ".", NAME + ", nouvelle recrue de l'agence " + agency + ".",
                     agency + " : découvrez " + NAME + ".")),
             fiche, "Langues parlées : {langs}.",
             "Disponible " + U.pick(("en journée et en soirée", "24h/24", "sur réservation",
                                     "pour dîners et voyages")) + ".",
             U.pick(("Réservation uniquement par le standard de l'agence : " + TEL + ".",
                     "Réservation par téléphone auprès de l'agence.", "Standard : " + TEL)),
             agency + " - élégance et discrétion à " + CITY + "."]
        sig = ""
        titles = (f"{NAME} - {agency}", f"{NAME}, {AGE} ans", f"{agency} : {NAME}")
    net.sig = (sig, stops)
    net.template = t
    net.title_pats = titles
    rules = U.sample(_MISSPELL, U.randint(2, 4))
    net.misspell = tuple(rules)


def _member_text(p: _Person, net: _Network, U: _Stream) -> tuple[list[str], str]:
    out = []
    for t in net.template:
        if t == "{phys}":
            if U.chance(0.85):
                out.append(_phys(p, net.phys_style, net.lang if net.kind == T_TOUR else "fr"))
            continue
        if net.kind == T_AGENCY:
            o = _ORIGINS[p.origin] if p.origin else _ORIGINS["fr"]
            t = (t.replace("{h}", _hm(p.height)).replace("{hair}", _FR_HAIR_PL[p.hair])
                 .replace("{eyes}", p.eyes).replace("{orig}", o[0] if p.show_origin else "européenne")
                 .replace("{langs}", U.pick(_LANGS)))
        out.append(_member_fill(t, p, net))
    if p.phone_mode == "text" and not any(TEL in t for t in out):
        out.append({"fr": "Contact : ", "en": "Call: ", "de": "Tel.: "}[net.lang if net.kind == T_TOUR else "fr"] + TEL)
    out = _apply(out, net.misspell)
    if p.incoherent and U.chance(0.5):
        out.append(U.pick(("Demandez " + NAME + " ou {other}.", "Appelez pour " + NAME + " ({other}).")))
    title = _member_fill(U.pick(net.title_pats), p, net)
    return _closed(out), title


# --------------------------------------------------------------------------------------
# Reposts: small edits, sometimes another title
# --------------------------------------------------------------------------------------
def _edit(sent: list[str], base_len: int, lang: str, U: _Stream) -> list[str]:
    sent = list(sent)
    for _ in range(1 if U.chance(0.7) else 2):
        r = U.u()
        if r < 0.40:
            for _try in range(4):
                a, b = U.pick(_SYN)
                if U.chance(0.5):
                    a, b = b, a
                hit = [i for i, s in enumerate(sent) if a in s]
                if hit:
                    i = hit[int(U.u() * len(hit))]
                    sent[i] = sent[i].replace(a, b, 1)
                    break
        elif r < 0.60:
            if len(sent) >= base_len + 2:
                if len(sent) > 2:
                    del sent[U.randint(1, len(sent) - 1)]
            else:
                upd = U.pick(_UPDATES[lang])
                if upd not in sent:
                    if U.chance(0.5):
                        sent.insert(0, upd)
                    else:
                        sent.append(upd)
        elif r < 0.70:
            if len(sent) > 3:
                del sent[U.randint(1, len(sent) - 1)]
        elif r < 0.80:
            if len(sent) > 3:
                i = U.randint(1, len(sent) - 2)
                sent[i], sent[i + 1] = sent[i + 1], sent[i]
        elif r < 0.92:
            i = U.randint(0, len(sent) - 1)
            s = sent[i]
            if s.endswith("."):
                sent[i] = s[:-1] + U.pick(("!", " !", "...", " :)", " ;)", ".."))
            elif s.endswith("!"):
                sent[i] = s[:-1].rstrip() + "."
            else:
                sent[i] = s + U.pick((".", " !", " <3"))
        else:
            i = U.randint(0, len(sent) - 1)
            words = sent[i].split(" ")
            cand = [k for k, w in enumerate(words) if len(w) > 4 and w.isalpha()]
            if cand:
                k = cand[int(U.u() * len(cand))]
                words[k] = _typo(words[k], U)
                sent[i] = " ".join(words)
    return sent


# --------------------------------------------------------------------------------------
# The population
# --------------------------------------------------------------------------------------
def _split_counts(P: int) -> list[int]:
    if P < 12:
        return [P - P // 5, P // 5, 0, 0, 0, 0]
    raw = np.array(_TYPE_SHARE) * P
    out = np.floor(raw).astype(int)
    rest = P - out.sum()
    order = np.argsort(-(raw - out), kind="stable")
    for i in order[:rest]:
        out[i] += 1
    out = out.tolist()
    for k in (T_TOUR, T_LOCAL, T_MASS, T_AGENCY):
        if out[k] == 1:          # a network needs two persons at least
            out[k] = 0
            out[T_RES] += 1
    return out


def _group_sizes(total: int, kind: int, U: _Stream) -> list[int]:
    base, extra = {T_TOUR: (3, 10), T_LOCAL: (2, 3), T_MASS: (3, 4), T_AGENCY: (5, 12)}[kind]
    sizes = []
    left = total
    while left > 0:
        s = base + int(U.u() * (extra + 1))
        if left - s < 2:
            s = left
        sizes.append(s)
        left -= s
    if sizes and sizes[-1] < 2:
        if len(sizes) > 1:
            sizes[-2] += sizes.pop()
    return sizes


def _window(S: int, median: float, sigma: float, rng_u: _Stream, lo: int = 1) -> tuple[int, int]:
    # lognormal duration from two uniforms (Box-Muller), start anywhere overlapping the watch
    u1, u2 = max(rng_u.u(), 1e-12), rng_u.u()
    z = np.sqrt(-2.0 * np.log(u1)) * np.cos(2 * np.pi * u2)
    L = max(lo, int(round(median * float(np.exp(sigma * z)))))
    start = -L + 1 + int(rng_u.u() * (S + L - 1))
    return max(0, start), min(S - 1, start + L - 1)


def _sites_for(groups: list[tuple[str, float]], k: int, U: _Stream) -> list[tuple[int, float]]:
    """k home sites drawn from weighted groups; the first one is the main site."""
    out: list[int] = []
    gt = _table(groups)
    tries = 0
    while len(out) < k and tries < 20:
        tries += 1
        g = U.wpick(gt)
        s = U.wpick(_GROUP_SITES[g])
        if g == "mir":
            s = U.pick(_MIRRORS)
            if any(_S_GROUP[x] == "mir" for x in out):
                continue
        if s not in out:
            out.append(s)
    w = [1.0 / (i + 1) ** 0.8 for i in range(len(out))]
    return list(zip(out, w))


def _make_person(ptype: int, U: _Stream, S: int) -> _Person:
    p = _Person()
    p.ptype = ptype
    p.net = -1
    p.spans = None
    p.drift = U.chance(0.15)
    p.incoherent = False
    p.misspell = tuple(U.sample(_MISSPELL, U.randint(1, 3))) if U.chance(0.25) else ()
    p.phys_style = U.randint(0, 5)
    p.passage = ptype == T_PASS or U.chance(0.03)
    p.second = None
    p.range_pref = R06
    p.line_switch = False
    p.switchboard_share = 0.0
    return p


def _finish_person(p: _Person, U: _Stream) -> None:
    g = p.gender
    if g == "H":
        p.height = int(round(178 + 6 * _gauss(U)))
        p.sil = U.pick(_SIL_M)
        p.weight = p.height - 100 + _SIL_KG.get(p.sil, 0) + U.randint(-4, 4)
    else:
        p.height = max(150, min(184, int(round((170 if g == "T" else 165) + 6 * _gauss(U)))))
        p.sil = U.pick(_SIL_F)
        p.weight = max(45, p.height - 106 + _SIL_KG[p.sil] + U.randint(-3, 3))
    grp = _ORIGINS[p.origin][4] if p.origin else "FR"
    if grp in ("DE", "EST"):
        p.hair = U.pick(("blond", "blond", "brun", "chatain", "roux"))
    elif grp in ("LAT", "AFR", "ASIA", "SUD"):
        p.hair = U.pick(("brun", "brun", "chatain", "noir", "noir"))
    else:
        p.hair = U.pick(_HAIRS)
    p.eyes = U.pick(_EYES)
    p.orig_word = U.chance(0.35)


def _gauss(U: _Stream) -> float:
    u1, u2 = max(U.u(), 1e-12), U.u()
    return float(np.sqrt(-2.0 * np.log(u1)) * np.cos(2 * np.pi * u2))


def _name_for(origin: str | None, gender: str, U: _Stream) -> str:
    if gender == "H":
        return U.pick(_NAMES[("FR", "H")] if origin in (None, "fr") or U.chance(0.3) else _NAMES[("X", "H")])
    if gender == "T":
        return U.pick(_NAMES[("T", "T")])
    grp = _ORIGINS[origin][4] if origin else "FR"
    if grp == "FR" and U.chance(0.08):
        grp = U.pick(("LAT", "EST", "SUD"))   # a pseudonym from another register
    return U.pick(_NAMES[(grp, "F")])


def _handles(name: str, U: _Stream, city: str) -> list[str]:
    plain = _strip_accents(name)
    forms = (name, plain + "67", plain.lower() + "_strass", plain + "_VIP", "Douce " + name,
             plain.lower() + str(U.randint(10, 99)), name + " " + city.split(" ")[0], "Belle" + plain,
             plain + ".x", name)
    first = U.pick(forms)
    return [first, U.pick(forms)]


def _make_population(P: int, S: int, U: _Stream):
    counts = _split_counts(P)
    persons: list[_Person] = []
    networks: list[_Network] = []
    # independents ---------------------------------------------------------------
    for ptype in (T_RES, T_PASS):
        for _ in range(counts[ptype]):
            p = _make_person(ptype, U, S)
            r = U.u()
            p.gender = "F" if r < 0.82 else ("H" if r < 0.91 else "T")
            p.origin = U.wpick(_IND_ORIGINS)
            if p.gender == "T" and U.chance(0.7):
                p.origin = U.pick(("br", "co", "ve", "ar", "cu", "mx"))
            p.show_origin = U.chance(0.5)
            _finish_person(p, U)
            p.names = [_name_for(p.origin, p.gender, U)]
            p.names.append(_name_for(p.origin, p.gender, U))
            p.switch_name = U.chance(0.08)
            p.age = max(18, min(58, int(round((33 if p.gender != "H" else 28) + 7 * _gauss(U)))))
            p.gives_age = U.chance(0.3)
            german = p.origin == "de"
            if ptype == T_PASS:
                c = _STRAS if U.chance(0.7) else U.wpick(_COMMUNE_TABLE)
                p.a, p.b = _window(S, 8, 0.5, U, lo=2)
                p.rate = 0.25
            else:
                c = U.wpick(_COMMUNE_TABLE)
                p.a, p.b = _window(S, 120, 0.9, U)
                p.rate = 0.035 * float(np.exp(1.0 * _gauss(U)))
            if c in _FOREIGN:
                german = german or U.chance(0.5)
            p.lang = "de" if german and U.chance(0.7) else ("en" if U.chance(0.04) else "fr")
            if p.lang == "fr" and (german or U.chance(0.06)):
                p.second = "de" if (german or U.chance(0.5)) else "en"
            elif p.lang != "fr" and U.chance(0.4):
                p.second = "fr"
            p.commune = c
            p.district = U.wpick(_DISTRICT_TABLE) if c == _STRAS else -1
            if ptype == T_PASS and U.chance(0.5):
                p.range_pref = U.pick((R01, R04, R05, R02, R06))
            else:
                p.range_pref = U.wpick(_IND_RANGES)
            # sites
            if p.gender == "H":
                groups = [("esc_men", 0.35), ("pa", 0.4), ("renc", 0.15)]
            elif p.gender == "T":
                groups = [("esc_trans", 0.4), ("renc_trans", 0.25), ("esc_fr", 0.2), ("pa", 0.15)]
            elif p.lang == "de":
                groups = [("esc_de", 0.45), ("pa_de", 0.25), ("esc_fr", 0.2), ("esc_int", 0.1)]
            elif p.lang == "en":
                groups = [("esc_int", 0.6), ("esc_fr", 0.4)]
            else:
                groups = [("esc_fr", 0.50), ("pa", 0.30), ("renc", 0.05), ("mass", 0.03),
                          ("esc_int", 0.05), ("esc_de", 0.04), ("pa_de", 0.03)]
            k = U.pick((1, 1, 2, 2, 2, 3, 3, 4))
            if U.chance({"H": 0.18, "T": 0.06}.get(p.gender, 0.10)):
                groups = groups + [("mir", 0.5)]
                k = max(k, 2)
                sites = _sites_for(groups, k, U)
                if not any(_S_GROUP[s] == "mir" for s, _ in sites):
                    sites[-1] = (U.pick(_MIRRORS), sites[-1][1])
            else:
                sites = _sites_for(groups, k, U)
            p.sites = sites
            m = U.u()
            p.phone_mode = "field" if m < 0.86 else ("text" if m < 0.92 else "none")
            p.phone_in_text = p.phone_mode == "text" or (p.phone_mode == "field" and U.chance(0.3))
            persons.append(p)
    # networks --------------------------------------------------------------------
    for kind in (T_TOUR, T_LOCAL, T_MASS, T_AGENCY):
        for size in _group_sizes(counts[kind], kind, U):
            net = _Network()
            net.kind = kind
            net.members = []
            net.second = None
            net.mirror = False
            if kind == T_TOUR:
                net.flavour = U.wpick(_table((("est", 32), ("latino", 28), ("de", 28), ("int", 12))))
                net.a, net.b = _window(S, 200, 0.7, U, lo=14)
                net.lang = {"est": "fr" if U.chance(0.7) else "en", "latino": "fr", "de": "de",
                            "int": "en"}[net.flavour]
                net.second = "fr" if net.lang != "fr" and U.chance(0.5) else None
                origins = {"est": ("ua", "ro", "pl", "bg", "ru"), "latino": ("br", "co", "ve", "ar", "cu", "mx"),
                           "de": ("de", "pl", "ro", "ua", "bg"), "int": ("ua", "br", "es", "it", "ro", "ru", "th")}
                net.origins = origins[net.flavour]
                if net.flavour == "de":
                    net.cities = [U.pick((_C_INDEX["kehl"], _C_INDEX["offenburg"])), _STRAS]
                else:
                    net.cities = [_STRAS] + U.sample([_C_INDEX[k] for k in ("haguenau", "selestat", "saverne",
                                                                                "obernai", "illkirch",
                                                                                "schiltigheim", "kehl",
                                                                                "entzheim")], U.randint(0, 2))
                groups = {"est": [("esc_int", .4), ("esc_fr", .35), ("pa", .25)],
                          "latino": [("esc_fr", .45), ("esc_trans", .2), ("pa", .25), ("renc_trans", .1)],
                          "de": [("esc_de", .5), ("pa_de", .3), ("esc_fr", .2)],
                          "int": [("esc_int", .7), ("esc_fr", .3)]}[net.flavour]
                net.mirror = net.flavour in ("est", "latino") and U.chance(0.3)
                net.switch_share = 0.25
                net.first_range = R06 if U.chance(0.85) else R01
            elif kind == T_LOCAL:
                net.flavour = "local"
                net.a, net.b = _window(S, 300, 0.6, U, lo=30)
                net.lang = "fr"
                net.origins = ("fr", "fr", "ro", "cm", "ci", "br")
                net.cities = [U.wpick(_COMMUNE_TABLE)]
                if net.cities[0] in _FOREIGN:
                    net.cities = [_STRAS]
                groups = [("pa", .6), ("renc", .25), ("esc_fr", .15)]
                net.mirror = U.chance(0.5)
                net.switch_share = 0.10
                net.first_range = R06
            elif kind == T_MASS:
                net.flavour = "massage"
                net.a, net.b = _window(S, 360, 0.6, U, lo=30)
                net.lang = "fr"
                net.origins = ("cn", "cn", "th")
                net.cities = [U.pick((_STRAS, _STRAS, _C_INDEX["haguenau"], _C_INDEX["schiltigheim"],
                                      _C_INDEX["illkirch"], _C_INDEX["selestat"]))]
                groups = [("mass", .6), ("pa", .4)]
                net.switch_share = 0.6
                net.first_range = R03 if U.chance(0.5) else R06
            else:
                net.flavour = "agency"
                net.a, net.b = _window(S, 400, 0.6, U, lo=30)
                net.lang = "fr"
                net.origins = ("ua", "ru", "pl", "es", "it", "br", "fr", "de", "ro")
                net.cities = [_STRAS]
                groups = [("esc_ag", .75), ("esc_fr", .25)]
                net.switch_share = 0.8
                net.first_range = R06
            net.sites = _sites_for(groups, U.randint(2, 4) if kind != T_AGENCY else U.randint(1, 3), U)
            if net.mirror and not any(_S_GROUP[s] == "mir" for s, _ in net.sites):
                net.sites.append((U.pick(_MIRRORS), 0.6))
            net.phys_style = U.randint(0, 5)
            net.shared_handle = ""
            if kind != T_AGENCY and U.chance(0.3):
                net.shared_handle = U.pick(("NewGirls67", "Nouvelles_Strasbourg", "VIP_Rhin", "Girls_Alsace",
                                            "Tour_Est", "Angels67"))
            _network_template(net, U)
            if kind == T_AGENCY:
                net.shared_handle = net.brand
            net.sb_range = R03 if kind in (T_AGENCY, T_MASS) else net.first_range
            nid = len(networks)
            networks.append(net)
            for _ in range(size):
                p = _make_person(kind, U, S)
                p.net = nid
                r = U.u()
                if net.flavour == "latino":
                    p.gender = "T" if r < 0.45 else "F"
                else:
                    p.gender = "F"
                p.origin = U.pick(net.origins)
                p.show_origin = U.chance(0.85)
                _finish_person(p, U)
                p.names = [_name_for(p.origin, p.gender, U), _name_for(p.origin, p.gender, U)]
                p.switch_name = U.chance(0.12)
                p.age = max(18, min(45, int(round(26 + 4.5 * _gauss(U)))))
                p.gives_age = True
                p.drift = U.chance(0.3)
                p.incoherent = U.chance(0.15)
                p.lang = net.lang
                p.second = net.second
                p.commune = net.cities[0]
                p.district = U.wpick(_DISTRICT_TABLE) if p.commune == _STRAS else -1
                span_n = net.b - net.a + 1
                if kind == T_TOUR:
                    L = U.randint(4, 21)
                    p.rate = 0.35
                    p.passage = True
                elif kind == T_MASS:
                    L = U.randint(14, 60)
                    p.rate = 0.12
                elif kind == T_LOCAL:
                    L = int(round(90 * float(np.exp(0.6 * _gauss(U)))))
                    p.rate = 0.08
                else:
                    L = int(round(90 * float(np.exp(0.6 * _gauss(U)))))
                    p.rate = 0.05
                L = max(1, min(L, span_n))
                # sex-tours come back: one stay, then returns while the network lasts
                n_stays = 1 + (min(4, _poisson(U, span_n / 200.0)) if kind == T_TOUR else 0)
                stays = []
                for _k in range(n_stays):
                    s0 = net.a + int(U.u() * (span_n - L + 1))
                    stays.append((s0, s0 + L - 1))
                    L = max(1, min(U.randint(4, 21), span_n))
                stays.sort()
                merged = [stays[0]]
                for a_, b_ in stays[1:]:
                    if a_ <= merged[-1][1] + 1:
                        merged[-1] = (merged[-1][0], max(merged[-1][1], b_))
                    else:
                        merged.append((a_, b_))
                p.spans = merged
                p.a, p.b = merged[0][0], merged[-1][1]
                p.sites = net.sites if U.chance(0.7) else net.sites[: max(1, len(net.sites) - 1)]
                p.phone_mode = "field" if U.chance(0.88) else "text"
                p.phone_in_text = p.phone_mode == "text" or any(TEL in t for t in net.template)
                p.line_switch = kind != T_AGENCY and U.chance(0.15)
                p.switchboard_share = net.switch_share
                net.members.append(len(persons))
                persons.append(p)
    return persons, networks


# --------------------------------------------------------------------------------------
# The world
# --------------------------------------------------------------------------------------
def ninth_world(n_ads: int, seed: int = 2031) -> tuple[pd.DataFrame, pd.DataFrame]:
    """(sheet, truth) for `n_ads` ads: the collection sheet and who is behind each ad."""
    n = _check(n_ads)
    P = person_count(n)
    S = span_days(n)
    rng = np.random.default_rng(seed)
    U = _Stream(rng)
    pool = _Pool(rng)
    persons, networks = _make_population(P, S, U)

    # ads per person: one each, the rest in proportion to activity x presence ----------
    w = np.empty(P)
    for i, p in enumerate(persons):
        mir = any(_S_GROUP[s] == "mir" for s, _ in p.sites)
        present = sum(b_ - a_ + 1 for a_, b_ in p.spans) if p.spans else p.b - p.a + 1
        w[i] = p.rate * present * (10.0 if mir else 1.0)
    counts = (1 + rng.multinomial(n - P, w / w.sum())).tolist()

    # events (one posting, on one or several sites) and rows (one saved ad) ------------
    ev_person: list[int] = []
    ev_text: list[str] = []
    ev_title: list[str] = []
    ev_age: list[int] = []
    ev_name: list[str] = []
    ev_city: list[int] = []
    ev_district: list[int] = []
    ev_hold: list[int] = []
    ev_line: list[int] = []
    ev_sb: list[bool] = []
    ev_first_row: list[int] = []
    row_ev: list[int] = []
    row_site: list[int] = []
    row_day: list[int] = []
    # phone holdings: start, end, kind (0 number, 1 decade), first range
    h_start: list[int] = []
    h_end: list[int] = []
    h_kind: list[int] = []
    h_range: list[int] = []
    net_hold = [-1] * len(networks)
    net_sb = [-1] * len(networks)
    net_lines: list[list[int]] = [[] for _ in networks]
    for k, net in enumerate(networks):
        nl = min(10, max(2, (len(net.members) + 1) // 2 + 1))
        off = U.randint(0, 10 - nl)
        net_lines[k] = list(range(off, off + nl))

    member_rank = [0] * P
    for net in networks:
        for rank, m in enumerate(sorted(net.members, key=lambda m: (persons[m].a, m))):
            member_rank[m] = rank
    lags = (0, 0, 0, 0, 1, 1, 2, 3)
    for pi, p in enumerate(persons):
        c = counts[pi]
        net = networks[p.net] if p.net >= 0 else None
        site_tab = _table(p.sites)
        nonmir = [s for s, _ in p.sites if _S_GROUP[s] != "mir"]
        groups: list[list[int]] = []
        left = c
        while left > 0:
            s = U.wpick(site_tab)
            if _S_GROUP[s] == "mir":
                k = 1 + sum(1 for _ in range(10) if U.u() < 0.8)
                k = min(k, left)
                others = U.sample([m for m in _MIRRORS if m != s], k - 1)
                sites = [s] + others
            else:
                sites = [s]
                if left >= 2 and len(nonmir) > 1 and U.chance(0.25):
                    other = U.pick([x for x in nonmir if x != s])
                    sites.append(other)
            groups.append(sites)
            left -= len(sites)
        E = len(groups)
        L = p.b - p.a + 1
        if p.spans and len(p.spans) > 1:
            st = _table([((a_, b_), b_ - a_ + 1) for a_, b_ in p.spans])
            days = []
            for _ in range(E):
                a_, b_ = U.wpick(st)
                days.append(a_ + int(U.u() * (b_ - a_ + 1)))
            days.sort()
        else:
            days = sorted(p.a + int(U.u() * L) for _ in range(E))
        # text and title
        if net is not None:
            sent, title = _member_text(p, net, U)
            if p.incoherent:
                other = _name_for(p.origin, p.gender, U)
                sent = [s.replace("{other}", other) for s in sent]
        else:
            sent, title = _person_text(p, U)
        base_len = len(sent)
        lang = p.lang
        name_i = 0
        switch_at = U.randint(1, E - 1) if (p.switch_name and E >= 3) else -1
        # cities: tours may move to another commune of the network for the rest of the stay
        city, district = p.commune, p.district
        move_at = -1
        if net is not None and net.kind == T_TOUR and len(net.cities) > 1 and E >= 2 and U.chance(0.35):
            move_at = U.randint(1, E - 1)
        # phones: change points for independents, lines for networks
        hold = -1
        line = -1
        n_changes = 0
        change_at: list[int] = []
        if net is None and p.phone_mode != "none" and E >= 2:
            lam = 0.12 + 0.6 * L / 365.0
            n_changes = min(3, int(_poisson(U, lam)))
            if n_changes:
                change_at = sorted(set(U.randint(1, E - 1) for _ in range(n_changes)))
        if net is not None:
            lines = net_lines[p.net]
            line = lines[member_rank[pi] % len(lines)]
        switch_line_at = U.randint(1, E - 1) if (p.line_switch and E >= 2) else -1
        age = p.age
        prev_day = -1
        ver_sent, ver_title = sent, title
        for e in range(E):
            d = days[e]
            if e > 0 and d != prev_day:
                if U.chance(0.05):
                    if net is None:
                        ver_sent, ver_title = _person_text(p, U)
                        base_len = len(ver_sent)
                elif not U.chance(0.04):
                    ver_sent = _edit(ver_sent, base_len, lang, U)
                    if U.chance(0.3):
                        ver_title = (_member_text(p, net, U)[1] if net is not None
                                     else (_title_fr(p, U) if lang == "fr" else _title_foreign(p, U, lang)))
                if p.drift and U.chance(0.3):
                    age = max(18, p.age + U.pick((-1, 1, 1, 2, -2)))
            prev_day = d
            if e == switch_at:
                name_i = 1
            if e == move_at:
                city = U.pick(net.cities[1:])
                district = U.wpick(_DISTRICT_TABLE) if city == _STRAS else -1
            # phone holding
            if net is None:
                if p.phone_mode != "none" and (hold < 0 or e in change_at):
                    hold = len(h_start)
                    h_start.append(10 ** 9)
                    h_end.append(-1)
                    h_kind.append(0)
                    h_range.append(p.range_pref)
            else:
                if e == switch_line_at:
                    lines = net_lines[p.net]
                    line = U.pick([x for x in lines if x != line] or lines)
            eid = len(ev_person)
            ev_person.append(pi)
            ev_text.append(" ".join(ver_sent))
            ev_title.append(ver_title)
            ev_age.append(age)
            ev_name.append(p.names[name_i])
            ev_city.append(city)
            ev_district.append(district)
            ev_hold.append(hold)
            ev_line.append(line)
            ev_sb.append(net is not None and U.chance(p.switchboard_share))
            ev_first_row.append(len(row_ev))
            for j, s in enumerate(groups[e]):
                row_ev.append(eid)
                row_site.append(s)
                row_day.append(min(p.b if j == 0 else S - 1, d + (0 if j == 0 else U.pick(lags))))

    # exact span: stretch the days so that the first and last days are collection days ---
    days_arr = np.asarray(row_day, dtype=np.int64)
    if len(days_arr) > 1 and S > 1:
        lo, hi = int(days_arr.min()), int(days_arr.max())
        if (lo, hi) != (0, S - 1):
            if hi > lo:
                days_arr = np.rint((days_arr - lo) * (S - 1) / (hi - lo)).astype(np.int64)
            else:
                days_arr[:] = 0
                days_arr[-1] = S - 1
    else:
        days_arr[:] = 0
    row_day = days_arr.tolist()

    # holdings' extents from their ads, then numbers, in order of first use --------------
    row_ev_arr = np.asarray(row_ev, dtype=np.int64)
    ev_hold_arr = np.asarray(ev_hold, dtype=np.int64)
    ev_person_arr = np.asarray(ev_person, dtype=np.int64)
    rh = ev_hold_arr[row_ev_arr]
    mask = rh >= 0
    H = len(h_start)
    hs = np.full(H, 10 ** 9, dtype=np.int64)
    he = np.full(H, -1, dtype=np.int64)
    np.minimum.at(hs, rh[mask], days_arr[mask])
    np.maximum.at(he, rh[mask], days_arr[mask])
    person_net = np.array([p.net for p in persons], dtype=np.int64)
    rn = person_net[ev_person_arr[row_ev_arr]]
    NN = len(networks)
    ns = np.full(NN, 10 ** 9, dtype=np.int64)
    ne = np.full(NN, -1, dtype=np.int64)
    m2 = rn >= 0
    if NN:
        np.minimum.at(ns, rn[m2], days_arr[m2])
        np.maximum.at(ne, rn[m2], days_arr[m2])
    jobs = [(int(hs[h]), 0, h) for h in range(H) if he[h] >= 0]
    jobs += [(int(ns[k]), 1, k) for k in range(NN) if ne[k] >= 0]
    jobs.sort()
    h_number = [-1] * H
    net_decade = [-1] * NN
    for start, kind, h in jobs:
        if kind == 0:
            h_number[h] = pool.number(h_range[h], start, int(he[h]))
        else:
            net = networks[h]
            net_decade[h] = pool.decade(net.first_range, start, int(ne[h]))
            if net.kind == T_AGENCY:
                net_sb[h] = pool.number(net.sb_range, start, int(ne[h]))
    _LAST_RUN.clear()
    _LAST_RUN.update(persons=P, days=S, networks=NN, holders=len(jobs), spilled=pool.spilled,
                     shortened=pool.shortened)
    # --------------------------------------------------------------------------------
    # write every row out
    # --------------------------------------------------------------------------------
    person_ids = _ids("P67-", P, rng)
    net_ids = _ids("R67-", NN, rng) if NN else []
    dates = [(_START + _dt.timedelta(days=d)).isoformat() for d in range(S)]
    n_rows = len(row_ev)
    order_key = np.lexsort((rng.random(n_rows), np.asarray(row_site), days_arr))
    forms_cache: dict[tuple[int, int, str], tuple] = {}
    person_form: list[str | None] = [None] * P
    person_fmt = [U.wpick(_PERSON_PHONE_FMT) for _ in range(P)]
    text_fmt = [U.wpick(_TEXT_PHONE_FMT) for _ in range(P)]
    handles: list[list[str] | None] = [None] * P

    col_site, col_date, col_comm, col_title, col_text = [], [], [], [], []
    col_tel, col_pseudo, col_age, col_pid, col_rid = [], [], [], [], []
    rendered: dict[int, tuple[str, str, str]] = {}
    ev_left = np.bincount(np.asarray(row_ev, dtype=np.int64), minlength=len(ev_person)).tolist()
    for r in order_key.tolist():
        e = row_ev[r]
        s = row_site[r]
        pi = ev_person[e]
        p = persons[pi]
        # phone of the event
        if p.net >= 0:
            k = p.net
            dec = net_decade[k]
            if ev_sb[e]:
                num = net_sb[k] if net_sb[k] >= 0 else dec * 10 + net_lines[k][0]
            else:
                num = dec * 10 + ev_line[e]
        else:
            hh = ev_hold[e]
            num = h_number[hh] if hh >= 0 else -1
        # text, title rendered once per event
        got = rendered.get(e)
        if got is None:
            city = ev_city[e]
            key = (city, ev_district[e], p.lang)
            tab = forms_cache.get(key)
            if tab is None:
                tab = _commune_forms(city, ev_district[e], p.lang)
                forms_cache[key] = tab
            if person_form[pi] is None or city != p.commune:
                f0 = U.wpick(tab)
                if p.net < 0 and U.chance(0.03):
                    f0 = U.pick(_GENERIC_PLACES)
                if city == p.commune:
                    person_form[pi] = f0
            else:
                f0 = person_form[pi]
            tcity = _C_NAME[city] if (U.chance(0.7) or f0 in _GENERIC_PLACES or f0[:1].isdigit()) else f0
            tel_txt = _fmt_phone(_digits(num), text_fmt[pi]) if num >= 0 else "par message"
            name = ev_name[e]
            age = str(ev_age[e])
            txt = ev_text[e]
            txt = txt.replace(NAME, name).replace(AGE, age).replace(CITY, tcity).replace(TEL, tel_txt)
            ttl = ev_title[e].replace(NAME, name).replace(AGE, age).replace(CITY, tcity)
            if TEL in ttl:
                ttl = ttl.replace(TEL, tel_txt)
            got = (txt, ttl, f0)
            rendered[e] = got
        txt, ttl, f0 = got
        ev_left[e] -= 1
        if not ev_left[e]:          # last copy of this posting: free its texts
            del rendered[e]
            ev_text[e] = ""
        # site presentation and the collector's hand
        group = _S_GROUP[s]
        if group == "mir" and ev_first_row[e] != r:
            if _S_TRUNC[s] and len(txt) > _S_TRUNC[s]:
                # the site cuts the text; a number cut in two is dropped whole
                txt = txt[: _S_TRUNC[s]].rstrip("0123456789 .-/()+") + "..."
            if U.chance(0.15):
                txt = txt + _PCS_FOOTER
        style = _S_CSTYLE[s]
        city = ev_city[e]
        if style == "free" or (group == "mir" and U.chance(0.9)):
            comm = f0 if U.chance(0.8) else U.wpick(forms_cache[(city, ev_district[e], p.lang)])
        else:
            comm = _commune_site(city, style)
        x = U.u()
        if x < 0.03:
            words = comm.split(" ")
            j = int(U.u() * len(words))
            words[j] = _typo(words[j], U)
            comm = " ".join(words)
        elif x < 0.05:
            comm = comm.lower()
        elif x < 0.065:
            comm = _strip_accents(comm)
        elif x < 0.075:
            comm = ""
        # phone column
        tel = ""
        if num >= 0 and p.phone_mode == "field" and _S_PHONE[s] and not U.chance(0.02):
            ps = _S_PSTYLE[s]
            if ps < 0:
                ps = person_fmt[pi]
            elif U.chance(0.3):
                ps = 0 if U.chance(0.6) else 1
            tel = _fmt_phone(_digits(num), ps)
        # pseudo
        pseudo = ""
        if _S_PSEUDO[s] and not U.chance(0.06):
            if p.net >= 0 and networks[p.net].shared_handle and group != "mass":
                pseudo = networks[p.net].shared_handle
            else:
                hs_ = handles[pi]
                if hs_ is None:
                    hs_ = _handles(p.names[0], U, _C_NAME[p.commune]) + _handles(p.names[1], U, _C_NAME[p.commune])
                    handles[pi] = hs_
                base = 2 if ev_name[e] != p.names[0] else 0
                # mirror sites copy the account as it is; elsewhere, one account per site
                pseudo = hs_[base] if (group == "mir" or s % 3 or U.chance(0.7)) else hs_[base + 1]
        # declared age
        agef = ""
        if _S_AGE[s] and p.gives_age and not U.chance(0.04):
            a = ev_age[e]
            if p.incoherent and U.chance(0.5):
                a = a + U.pick((1, 2, 3))
            agef = str(a)
        col_site.append(_S_DOMAIN[s])
        col_date.append(dates[row_day[r]])
        col_comm.append(comm)
        col_title.append(ttl if _S_TITLE[s] else "")
        col_text.append(txt)
        col_tel.append(tel)
        col_pseudo.append(pseudo)
        col_age.append(agef)
        col_pid.append(person_ids[pi])
        col_rid.append(net_ids[p.net] if p.net >= 0 else "")
    width = max(6, len(str(n_rows)))
    ids = [f"67-{i + 1:0{width}d}" for i in range(n_rows)]
    sheet = pd.DataFrame({"id_annonce": ids, "site": col_site, "date_collecte": col_date,
                          "commune_declaree": col_comm, "titre": col_title, "texte": col_text,
                          "telephone": col_tel, "pseudo": col_pseudo, "age_declare": col_age},
                         columns=list(COLUMNS), dtype=str)
    truth = pd.DataFrame({"id_annonce": ids, "id_personne": col_pid, "id_reseau": col_rid},
                         columns=list(TRUTH_COLUMNS), dtype=str)
    return sheet, truth


def _poisson(U: _Stream, lam: float) -> int:
    L = np.exp(-lam)
    k, p = 0, 1.0
    while True:
        p *= U.u()
        if p <= L:
            return k
        k += 1


def _ids(prefix: str, k: int, rng: np.random.Generator) -> list[str]:
    width = max(4, len(str(k)))
    perm = rng.permutation(k) + 1
    return [f"{prefix}{int(v):0{width}d}" for v in perm]


def write_ninth_world(n_ads: int, folder, seed: int = 2031) -> tuple[Path, Path]:
    """Write `annonces-SYNTHETIQUE.csv` and `verite/annonces-SYNTHETIQUE.csv` in `folder`."""
    folder = Path(folder)
    sheet, truth = ninth_world(n_ads, seed)
    (folder / "verite").mkdir(parents=True, exist_ok=True)
    a = folder / "annonces-SYNTHETIQUE.csv"
    b = folder / "verite" / "annonces-SYNTHETIQUE.csv"
    sheet.to_csv(a, index=False, encoding="utf-8", lineterminator="\n")
    truth.to_csv(b, index=False, encoding="utf-8", lineterminator="\n")
    return a, b
