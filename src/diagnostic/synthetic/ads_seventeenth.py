"""Seventeenth synthetic world: online prostitution ads for Paris (département 75).

SYNTHETIC DATA. Every ad, pseudo, phone number and site of this module is invented: sites are
fictional ``*.example`` domains, phone numbers are drawn only from the ranges the French
regulator (ARCEP) reserves for fiction, first names are common first names. Nothing here
describes a real person. The world exists so that a record-linkage method written by others can
be judged on ads it was never tuned on; it was written without looking at that method.

What the world follows (Amicale du Nid, diagnostic of the Pas-de-Calais, 2020):

* II-B (Internet ads): 699 ads collected over the collection period point to about 273 persons
  (a duplicate rate of about 61 %); ``persons_for_ads`` gives 273 persons for 699 ads and grows
  sub-linearly beyond, because a longer collection (``collection_days``) finds more persons, each
  with more ads over time. The sites fall into escort directories, classified-ad sites and dating
  sites; one family of dating sites republishes the same contents (17 ads on each of 11 sites in
  the report), which is why mirror copies are a large share of the duplicates here too.
* II-D: about 18 % of the persons are presented as "de passage"; the declared place is the
  place typed by the author, not necessarily fixed in time.
* IV-A: in the ads, 84 % women, 7 % men, 9 % transgender persons; a mean declared age of about 30,
  no age in 53 % of the ads studied.
* V-A-4 (indices of networks, from the Ile-de-France diagnostic): ads for apparently different
  persons written alike (same words, same spelling mistakes), same descriptions, same account
  (pseudo), same phone number or numbers differing only by their last two digits; ads in the
  third person, in English; incoherent descriptions (several pseudos, ages or origins in one ad);
  "de passage", "24h/24". Network indices are visible in 38 % of the ads studied.
* Annex 5 (methodology of the Ile-de-France Internet diagnostic): what each category of site
  looks like (standardised "fiches" with physical characteristics on escort directories, jargon
  such as incall/outcall, GFE, prices in "roses"; brief ads with mistakes on dating sites, titles
  giving a first name or a physical/"ethnic" category; identical contents on sites built by the
  same authors; sex-tours with dates). The collection dates start on the first day of the
  Ile-de-France collection (27 December 2016) and last 49 days at the reference size.

Paris specifics: the place is "Paris", an arrondissement written in the many ways people write one
("Paris 15", "Paris 15e", "75015", "15ème arrondissement", "Paris XVe"), a neighbourhood or a
métro station, or, for persons who move or tour, a commune of the inner suburbs (92, 93, 94).

Proportions chosen (per person unless said otherwise; the report gives the starred ones):

* persons in a network 26 %, posting about three times more: 30-38 % of the ads (* 38 %);
  networks: agencies (third person, English, tours, a switchboard), Eastern-European apartment
  networks (numbers of one block, "nouvelle / de passage", spelling mistakes), South-American
  transgender networks, Asian massage apartments, African networks; templates shared by all
  members, one account pseudo for several persons, 24h/24, incoherent second name/age/origin
  in 8-30 % of their ads;
* women 84 %, men 7 %, transgender 9 % (*); declared age mean about 29-30 (*), no age cell in
  about half of the ads (* 53 %); ages constant for 70 % of persons, drifting by one or two
  years between sites or wordings for 20 %, incoherent for 10 % (30 % in networks);
* touring persons ("de passage", with dates) 13 % of independents and the members of agency and
  apartment networks: about 20 % of the ads say so (* 18 %); 22 % of independents (30 % in
  networks) move once or twice, a third of moves to the inner suburbs;
* contact: number in the field 50 %, field and text 22 %, text only 16 %, no number (site
  messaging) 12 %; number changes at a rate of one per 550 active days plus 7 %, so about 10 %
  of persons with several ads change number over 49 days (a quarter to a third over 1-4
  years); the text may keep the old number until it is reworded;
* pseudo: first name alone 55 %, name with a suffix 25 %, descriptive 13 %, none 7 %; it differs
  between sites for about a third of accounts, changes over time for 10 %; 8 % of independents
  and 25 % of network members use a second working name; no first name in the text for 15 %;
* sites: escort directories about 50 %, classified ads 15-25 %, dating sites 25-30 % of the ads,
  most of them copies across a family of eight mirror sites (* 405 / 107 / 187 of 699); a
  republisher copies an escort directory, sometimes with a stale state of the ad;
* English in about 10 % of the ads (mostly networks); Spanish, Portuguese or Italian lines for a
  quarter of the Latin-American and Italian/Spanish persons.

Capacity: the six fiction blocks hold 60 000 numbers; 1 000 000 ads use about 11 000 of them,
10 000 000 ads about 37 000 (mobile block first, then the 01 block, then the others).

Public interface: ``DEPARTEMENT``, ``seventeenth_world`` and ``write_seventeenth_world``.
"""

from __future__ import annotations

import datetime as _dt
import math
import string
from bisect import bisect_right
from functools import lru_cache
from pathlib import Path

import numpy as np
import pandas as pd

DEPARTEMENT = "75"
DEFAULT_SEED = 75_017

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

# --- scale (report II-B) ----------------------------------------------------------------------
BASE_ADS = 699
BASE_PERSONS = 273
PERSONS_EXPONENT = 0.5  # persons grow as the square root of the ads beyond the reference size
COLLECTION_START = _dt.date(2016, 12, 27)  # first day of the Ile-de-France collection (annex 5)
BASE_DAYS = 49  # 27 December 2016 - 13 February 2017 (annex 5)
DAYS_EXPONENT = 0.35

# --- fiction phone ranges (ARCEP), 10 000 numbers each -----------------------------------------
FICTION_PREFIXES = ("063998", "019900", "053649", "046571", "035301", "026191")
_MOBILE_ORDER = (0, 1, 2, 3, 4, 5)
_LANDLINE_ORDER = (1, 0, 2, 3, 4, 5)

# --- shares (see the final report of the generator and the docstrings) ------------------------
NETWORK_PERSON_SHARE = 0.26  # persons in a network; they post more (about 35-40 % of the ads)


def persons_for_ads(n_ads: int) -> int:
    """Number of persons behind ``n_ads`` ads (report II-B: 699 ads, 273 persons).

    Below the reference size the collection is a thinner sample of the same period (same ratio);
    above it the collection is longer and persons grow as ``(n/699) ** 0.5``.
    """
    n_ads = int(n_ads)
    if n_ads <= 0:
        return 0
    if n_ads <= BASE_ADS:
        return max(1, int(round(n_ads * BASE_PERSONS / BASE_ADS)))
    return int(round(BASE_PERSONS * (n_ads / BASE_ADS) ** PERSONS_EXPONENT))


def collection_days(n_ads: int) -> int:
    """Length of the collection in days: 49 days (annex 5) up to 699 ads, longer beyond."""
    n_ads = int(n_ads)
    if n_ads <= BASE_ADS:
        return BASE_DAYS
    return int(round(BASE_DAYS * (n_ads / BASE_ADS) ** DAYS_EXPONENT))


# ==============================================================================================
# Random stream
# ==============================================================================================
class _Stream:
    """Buffered uniform draws from a seeded numpy Generator (fast scalar draws, deterministic)."""

    __slots__ = ("_rng", "_buf", "_pos", "_len")

    def __init__(self, rng: np.random.Generator):
        self._rng = rng
        self._buf: list[float] = []
        self._pos = 0
        self._len = 0

    def u(self) -> float:
        if self._pos >= self._len:
            self._buf = self._rng.random(1 << 16).tolist()
            self._pos = 0
            self._len = len(self._buf)
        x = self._buf[self._pos]
        self._pos += 1
        return x

    def i(self, n: int) -> int:
        k = int(self.u() * n)
        return k if k < n else n - 1

    def between(self, a: int, b: int) -> int:
        """Integer in [a, b]."""
        return a + self.i(b - a + 1)

    def pick(self, seq):
        return seq[self.i(len(seq))]

    def bern(self, p: float) -> bool:
        return self.u() < p

    def wpick(self, seq, cum):
        x = self.u() * cum[-1]
        k = bisect_right(cum, x)
        return seq[k if k < len(seq) else len(seq) - 1]

    def sample(self, seq, k: int) -> list:
        idx = list(range(len(seq)))
        k = min(k, len(idx))
        for j in range(k):
            r = j + self.i(len(idx) - j)
            idx[j], idx[r] = idx[r], idx[j]
        return [seq[t] for t in idx[:k]]

    def normal(self, mu: float, sd: float) -> float:
        u1 = max(self.u(), 1e-12)
        return mu + sd * math.sqrt(-2.0 * math.log(u1)) * math.cos(2.0 * math.pi * self.u())

    def poisson(self, lam: float) -> int:
        if lam <= 0:
            return 0
        if lam > 30:
            return max(0, int(round(self.normal(lam, math.sqrt(lam)))))
        limit, k, p = math.exp(-lam), 0, self.u()
        while p > limit:
            k += 1
            p *= self.u()
        return k


def _cum(weights) -> list[float]:
    out, acc = [], 0.0
    for w in weights:
        acc += w
        out.append(acc)
    return out


class _Choice:
    """A weighted choice table."""

    __slots__ = ("items", "cum")

    def __init__(self, pairs):
        self.items = [p[0] for p in pairs]
        self.cum = _cum([p[1] for p in pairs])

    def draw(self, s: _Stream):
        return s.wpick(self.items, self.cum)


# ==============================================================================================
# Places of Paris and of the inner suburbs
# ==============================================================================================
# arrondissement: (weight of ads, neighbourhoods, métro stations). Neighbourhoods overlap
# arrondissements on purpose (Montparnasse 14/15, Pigalle 9/18, Bastille 4/11/12...).
_ARR = {
    1: (2, ("Châtelet", "Les Halles", "Louvre", "Palais-Royal"),
        ("Châtelet", "Louvre-Rivoli", "Tuileries", "Les Halles")),
    2: (3, ("Opéra", "Bourse", "Sentier", "Grands Boulevards"),
        ("Bourse", "Sentier", "Grands Boulevards", "Quatre-Septembre")),
    3: (2, ("Le Marais", "Arts et Métiers", "Temple"),
        ("Arts et Métiers", "Temple", "Filles du Calvaire")),
    4: (1, ("Le Marais", "Hôtel de Ville", "Bastille", "Saint-Paul"),
        ("Saint-Paul", "Hôtel de Ville", "Pont Marie")),
    5: (2, ("Quartier Latin", "Panthéon", "Jussieu"),
        ("Place Monge", "Jussieu", "Maubert-Mutualité", "Censier-Daubenton")),
    6: (2, ("Saint-Germain-des-Prés", "Luxembourg", "Odéon"),
        ("Odéon", "Saint-Sulpice", "Vavin", "Mabillon")),
    7: (3, ("Tour Eiffel", "Invalides", "École Militaire"),
        ("École Militaire", "La Tour-Maubourg", "Solférino", "Invalides")),
    8: (9, ("Champs-Élysées", "Madeleine", "Saint-Lazare", "Monceau", "Étoile"),
        ("George V", "Franklin D. Roosevelt", "Saint-Lazare", "Madeleine", "Miromesnil",
         "Monceau")),
    9: (6, ("Opéra", "Pigalle", "Grands Boulevards", "Saint-Georges"),
        ("Pigalle", "Saint-Georges", "Notre-Dame-de-Lorette", "Chaussée d'Antin", "Cadet")),
    10: (6, ("Gare du Nord", "Gare de l'Est", "Canal Saint-Martin", "République"),
         ("Gare du Nord", "Gare de l'Est", "Château-Landon", "Jacques Bonsergent")),
    11: (6, ("Bastille", "Oberkampf", "République", "Nation"),
         ("Oberkampf", "Voltaire", "Parmentier", "Ledru-Rollin", "Charonne")),
    12: (6, ("Gare de Lyon", "Bercy", "Nation", "Daumesnil"),
         ("Gare de Lyon", "Daumesnil", "Bercy", "Reuilly-Diderot", "Michel Bizot")),
    13: (5, ("Place d'Italie", "Quartier asiatique", "Butte-aux-Cailles", "Bibliothèque"),
         ("Place d'Italie", "Tolbiac", "Porte de Choisy", "Olympiades", "Maison Blanche")),
    14: (5, ("Montparnasse", "Alésia", "Denfert-Rochereau", "Pernety"),
         ("Alésia", "Denfert-Rochereau", "Pernety", "Mouton-Duvernet", "Plaisance")),
    15: (8, ("Montparnasse", "Beaugrenelle", "Convention", "Porte de Versailles", "Vaugirard"),
         ("Convention", "Vaugirard", "Commerce", "Félix Faure", "La Motte-Picquet-Grenelle",
          "Porte de Versailles")),
    16: (8, ("Trocadéro", "Passy", "Auteuil", "Porte Maillot"),
         ("Trocadéro", "Passy", "Victor Hugo", "Porte d'Auteuil", "Jasmin", "Boissière")),
    17: (8, ("Batignolles", "Ternes", "Wagram", "Porte Maillot", "Place de Clichy"),
         ("Ternes", "Wagram", "Villiers", "Porte de Champerret", "Rome", "Brochant")),
    18: (6, ("Montmartre", "Pigalle", "Barbès", "Place de Clichy"),
         ("Barbès-Rochechouart", "Abbesses", "Jules Joffrin", "Marcadet-Poissonniers",
          "Porte de Clignancourt")),
    19: (4, ("Buttes-Chaumont", "La Villette", "Belleville"),
         ("Jaurès", "Laumière", "Crimée", "Botzaris")),
    20: (4, ("Belleville", "Gambetta", "Ménilmontant", "Porte de Bagnolet"),
         ("Gambetta", "Ménilmontant", "Pyrénées", "Porte de Bagnolet", "Jourdain")),
}
_ARR_CHOICE = _Choice([(n, v[0]) for n, v in _ARR.items()])
_ROMAN = ("", "I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII", "XIII",
          "XIV", "XV", "XVI", "XVII", "XVIII", "XIX", "XX")

# inner-suburb communes: (official name, postcode, other spellings, métro or RER station, the
# arrondissement it borders). Names and postcodes are those of the reference tables.
SUBURBS = (
    ("Boulogne-Billancourt", "92100", ("Boulogne", "Boulogne Billancourt"),
     "Boulogne Jean Jaurès", 16),
    ("Neuilly-sur-Seine", "92200", ("Neuilly", "Neuilly sur Seine"), "Pont de Neuilly", 17),
    ("Levallois-Perret", "92300", ("Levallois", "Levallois Perret"), "Pont de Levallois", 17),
    ("Issy-les-Moulineaux", "92130", ("Issy", "Issy les Moulineaux"), "Mairie d'Issy", 15),
    ("Clichy", "92110", ("Clichy la Garenne",), "Mairie de Clichy", 17),
    ("Courbevoie", "92400", ("Courbevoie La Défense",), "La Défense", 17),
    ("Puteaux", "92800", ("Puteaux La Défense",), "Esplanade de La Défense", 16),
    ("Montrouge", "92120", (), "Mairie de Montrouge", 14),
    ("Malakoff", "92240", (), "Malakoff - Plateau de Vanves", 14),
    ("Vanves", "92170", (), "Malakoff - Plateau de Vanves", 15),
    ("Saint-Ouen", "93400", ("St Ouen", "Saint Ouen", "Saint-Ouen-sur-Seine"),
     "Mairie de Saint-Ouen", 18),
    ("Saint-Denis", "93200", ("St Denis", "Saint Denis"), "Basilique de Saint-Denis", 18),
    ("Aubervilliers", "93300", (), "Quatre Chemins", 19),
    ("Pantin", "93500", (), "Église de Pantin", 19),
    ("Les Lilas", "93260", ("Lilas",), "Mairie des Lilas", 20),
    ("Bagnolet", "93170", (), "Gallieni", 20),
    ("Montreuil", "93100", ("Montreuil sous Bois",), "Mairie de Montreuil", 20),
    ("Vincennes", "94300", (), "Château de Vincennes", 12),
    ("Saint-Mandé", "94160", ("St Mandé", "Saint Mande"), "Saint-Mandé", 12),
    ("Charenton-le-Pont", "94220", ("Charenton",), "Charenton - Écoles", 12),
    ("Ivry-sur-Seine", "94200", ("Ivry", "Ivry sur Seine"), "Mairie d'Ivry", 13),
    ("Le Kremlin-Bicêtre", "94270", ("Kremlin-Bicêtre", "Kremlin Bicetre"),
     "Le Kremlin-Bicêtre", 13),
    ("Gentilly", "94250", (), "Gentilly", 13),
    ("Arcueil", "94110", (), "Laplace", 14),
)

_ACCENTS = str.maketrans("àâäéèêëîïôöùûüçÀÂÄÉÈÊËÎÏÔÖÙÛÜÇ", "aaaeeeeiioouuucAAAEEEEIIOOUUUC")


def _plain(text: str) -> str:
    return text.translate(_ACCENTS)


def _ordinal(n: int, s: _Stream) -> str:
    if n == 1:
        return s.pick(("1er", "1er", "1e", "1ER"))
    return f"{n}" + s.pick(("e", "e", "ème", "ème", "eme", "è", "EME", "ieme"))


def _postcode(n: int, s: _Stream) -> str:
    if n == 16 and s.bern(0.3):
        return "75116"
    return f"750{n:02d}"


# location tuples: ("a", arrondissement, neighbourhood, métro) or ("s", suburb index)
def _place_field(loc, style: str, s: _Stream) -> str:
    """The place as typed in the ad's place field (the sheet's ``commune_declaree``)."""
    if loc[0] == "s":
        name, cp, variants, _metro, arr = SUBURBS[loc[1]]
        r = s.u()
        if style == "cp":
            out = cp if r < 0.6 else f"{cp} {name}"
        elif style in ("cp_city", "arr", "roman"):
            out = s.pick((f"{name} ({cp[:2]})", f"{cp} {name}", f"{name} {cp}", f"{name} ({cp})"))
        elif style in ("quartier", "metro", "combo"):
            out = s.pick((f"{name}, proche Paris {arr}", f"{name} - métro {_metro}",
                          f"{name} (limite Paris {arr})", name))
        else:
            out = name if (r < 0.6 or not variants) else s.pick(variants)
        r = s.u()
        if r < 0.06:
            out = out.lower()
        elif r < 0.09:
            out = out.upper()
        elif r < 0.16:
            out = _plain(out)
        return out
    _kind, n, quartier, metro = loc
    if style == "paris":
        out = _PARIS_PLAIN.draw(s)
    elif style == "num":
        out = s.pick((f"Paris {n}", f"Paris {n}", f"paris {n}", f"PARIS {n}", f"Paris{n}"))
    elif style == "ord":
        out = "Paris " + _ordinal(n, s)
    elif style == "cp":
        out = _postcode(n, s)
    elif style == "cp_city":
        cp = _postcode(n, s)
        out = s.pick((f"{cp} Paris", f"Paris {cp}", f"Paris ({cp})", f"PARIS {n} ({cp})"))
    elif style == "arr":
        o = _ordinal(n, s)
        out = s.pick((f"{o} arrondissement", f"{o} arrondissement", f"{o} arr.",
                      f"Paris {o} arrondissement", f"Paris {o} arr", f"{o} arrdt"))
    elif style == "roman":
        rn = _ROMAN[n]
        out = s.pick((f"Paris {rn}e", f"Paris {rn}ème", f"{rn}e arrondissement"))
        if n == 1:
            out = s.pick(("Paris Ier", "Ier arrondissement"))
    elif style == "quartier":
        out = s.pick((quartier, quartier, f"Paris - {quartier}", f"Paris {quartier}"))
    elif style == "metro":
        out = s.pick((f"Métro {metro}", f"M° {metro}", f"metro {metro}", f"Paris, métro {metro}",
                      metro))
    else:  # combo
        out = s.pick((f"Paris {n} - {metro}", f"Paris {_ordinal(n, s)} ({quartier})",
                      f"Paris {n} {quartier}", f"{quartier} (Paris {_ordinal(n, s)})"))
    r = s.u()
    if r < 0.07:
        out = _plain(out)
    elif r < 0.09:
        out = out.lower()
    return out


@lru_cache(maxsize=None)
def _text_place(loc, style: int) -> str:
    """A place phrase for the ad body (deterministic given the location and the style)."""
    if loc[0] == "s":
        name, _cp, _v, metro, arr = SUBURBS[loc[1]]
        return (f"à {name}, à 5 minutes de Paris {arr}", f"à {name} (métro {metro})",
                f"à {name}, proche Paris", f"sur {name}, limite Paris {arr}")[style % 4]
    _k, n, quartier, metro = loc
    o = "1er" if n == 1 else f"{n}ème"
    return (f"dans le {o}", f"à Paris {n}", f"près du métro {metro}",
            f"à deux pas de {quartier}", f"secteur {quartier}", f"dans le {o}, métro {metro}",
            f"à 2 minutes du métro {metro}", f"Paris {o}, quartier {quartier}")[style % 8]


@lru_cache(maxsize=None)
def _text_place_en(loc) -> str:
    if loc[0] == "s":
        return f"in {SUBURBS[loc[1]][0]}, close to Paris"
    return f"near {loc[3]} metro (Paris {loc[1]})"


@lru_cache(maxsize=None)
def _title_place(loc, style: int) -> str:
    if loc[0] == "s":
        return SUBURBS[loc[1]][0] if style % 2 else f"{SUBURBS[loc[1]][0]} proche Paris"
    _k, n, quartier, metro = loc
    return ("Paris", f"Paris {n}", f"Paris {n}e" if n > 1 else "Paris 1er", quartier,
            f"Paris {n}", "Paris")[style % 6]


_PARIS_PLAIN = _Choice([("Paris", 60), ("PARIS", 8), ("paris", 8), ("Paris (75)", 7),
                        ("Paris 75", 5), ("75 - Paris", 4), ("Paris, Île-de-France", 3),
                        ("Paris et alentours", 2), ("Paris centre", 3)])


def _draw_arr_loc(s: _Stream, arrs=None):
    n = s.pick(arrs) if arrs else _ARR_CHOICE.draw(s)
    _w, quartiers, metros = _ARR[n]
    return ("a", n, s.pick(quartiers), s.pick(metros))


def _draw_suburb_loc(s: _Stream):
    return ("s", s.i(len(SUBURBS)))


# place-field styles by site category
_PLACE_STYLES = {
    "escort": _Choice([("paris", 30), ("ord", 22), ("num", 16), ("arr", 10), ("roman", 3),
                       ("quartier", 6), ("metro", 4), ("combo", 5), ("cp", 2), ("cp_city", 2)]),
    "classified": _Choice([("cp", 30), ("cp_city", 25), ("paris", 20), ("num", 10), ("ord", 5),
                           ("arr", 5), ("quartier", 3), ("metro", 2)]),
    "dating": _Choice([("paris", 45), ("num", 12), ("ord", 8), ("quartier", 12), ("metro", 8),
                       ("arr", 7), ("cp", 4), ("combo", 4)]),
}


# ==============================================================================================
# Phones
# ==============================================================================================
def fiction_number(index: int) -> str:
    """The 10-digit fiction number of global index 0..59 999."""
    return FICTION_PREFIXES[index // 10000] + f"{index % 10000:04d}"


class _PhoneBook:
    """Allocates distinct fiction numbers (ARCEP ranges), mobile block first."""

    def __init__(self, rng: np.random.Generator):
        self.used = bytearray(60000)
        self.order = [rng.permutation(10000).tolist() for _ in FICTION_PREFIXES]
        self.ptr = [0] * len(FICTION_PREFIXES)
        self.blocks = [rng.permutation(100).tolist() for _ in FICTION_PREFIXES]
        self.bptr = [0] * len(FICTION_PREFIXES)
        self.n_used = 0

    def draw(self, landline: bool = False) -> str:
        for pool in (_LANDLINE_ORDER if landline else _MOBILE_ORDER):
            order, p = self.order[pool], self.ptr[pool]
            while p < 10000:
                k = pool * 10000 + order[p]
                p += 1
                if not self.used[k]:
                    self.used[k] = 1
                    self.ptr[pool] = p
                    self.n_used += 1
                    return fiction_number(k)
            self.ptr[pool] = p
        raise RuntimeError("fiction phone ranges exhausted")

    def block(self, landline: bool = False) -> tuple[int, int]:
        """A block of 100 numbers sharing their first 8 digits, with at least 40 free."""
        for pool in (_LANDLINE_ORDER if landline else _MOBILE_ORDER):
            while self.bptr[pool] < 100:
                b = self.blocks[pool][self.bptr[pool]]
                self.bptr[pool] += 1
                start = pool * 10000 + b * 100
                if 100 - sum(self.used[start:start + 100]) >= 40:
                    return pool, b
        raise RuntimeError("no free block of fiction numbers")

    def draw_in_block(self, blk: tuple[int, int], s: _Stream) -> str:
        pool, b = blk
        start = pool * 10000 + b * 100
        free = [k for k in range(start, start + 100) if not self.used[k]]
        if not free:
            return self.draw(landline=pool == 1)
        k = s.pick(free)
        self.used[k] = 1
        self.n_used += 1
        return fiction_number(k)


_DIGIT_WORDS = {"1": "un", "2": "deux", "3": "trois", "4": "quatre", "5": "cinq", "6": "six"}


def format_phone(num: str, fmt: int) -> str:
    """Writes a 10-digit French number in one of the ways ads and collectors write them."""
    a, b, c, d, e = num[0:2], num[2:4], num[4:6], num[6:8], num[8:10]
    if fmt == 0:
        return f"{a} {b} {c} {d} {e}"
    if fmt == 1:
        return num
    if fmt == 2:
        return f"{a}.{b}.{c}.{d}.{e}"
    if fmt == 3:
        return f"{a}-{b}-{c}-{d}-{e}"
    if fmt == 4:
        return f"+33 {num[1]} {b} {c} {d} {e}"
    if fmt == 5:
        return "+33" + num[1:]
    if fmt == 6:
        return f"0033 {num[1]} {b} {c} {d} {e}"
    if fmt == 7:
        return f"+33 (0){num[1]} {b} {c} {d} {e}"
    if fmt == 8:
        return f"{a}/{b}/{c}/{d}/{e}"
    if fmt == 9:
        return f"{num[:4]} {num[4:7]} {num[7:]}"
    if fmt == 10:  # letter O for the leading zero (text only)
        return f"O{num[1]} {b} {c} {d} {e}"
    if fmt == 11:  # every digit spaced (text only)
        return " ".join(num)
    if fmt == 12:  # first digits in words (text only)
        return f"zéro {_DIGIT_WORDS[num[1]]} {b} {c} {d} {e}"
    return f"{a}{b} {c}{d} {e}"  # 13: "0639 9812 34"


_FIELD_FMT = _Choice([(0, 40), (1, 22), (2, 10), (3, 4), (4, 7), (5, 5), (6, 2), (7, 2), (8, 2),
                      (9, 2), (13, 1)])
_TEXT_FMT = _Choice([(0, 40), (1, 15), (2, 14), (3, 5), (4, 6), (5, 3), (8, 2), (9, 3), (10, 4),
                     (11, 4), (12, 3), (13, 1)])


def _copy_error(text: str, s: _Stream) -> str:
    """Collector's slip: two adjacent digits of the last four swapped."""
    digits = [i for i, ch in enumerate(text) if ch.isdigit()]
    if len(digits) < 4:
        return text
    i, j = digits[-4 + s.i(3)], None
    pos = digits.index(i)
    j = digits[pos + 1]
    chars = list(text)
    chars[i], chars[j] = chars[j], chars[i]
    return "".join(chars)


# ==============================================================================================
# Sites (fictional domains; categories of II-B and annex 5)
# ==============================================================================================
class _Site:
    __slots__ = ("domain", "cat", "phone", "pseudo", "age", "age_fmt", "fiche", "short", "styles",
                 "display_fmt")

    def __init__(self, domain, cat, phone, pseudo, age, age_fmt, fiche, short, styles, display_fmt):
        self.domain, self.cat = domain, cat
        self.phone, self.pseudo, self.age, self.age_fmt = phone, pseudo, age, age_fmt
        self.fiche, self.short, self.styles, self.display_fmt = fiche, short, styles, display_fmt


_MIRROR_DOMAINS = (
    "rencontre-intime-idf.example", "coeurs-ephemeres.example", "rdv-sans-lendemain.example",
    "calins-paris.example", "rencontres-insolites-fr.example", "folles-rencontres.example",
    "celib-rencontres.example", "date-express.example",
)
SITES = (
    _Site("velours-escorte.example", "escort", 0.97, 0.98, 0.55, "{a} ans", 0.55, 0.0, "escort", 0),
    _Site("paname-escorts.example", "escort", 0.95, 0.97, 0.55, "{a}", 0.5, 0.0, "escort", 1),
    _Site("annuaire-charme-idf.example", "escort", 0.92, 0.95, 0.45, "{a} ans", 0.4, 0.0, "escort",
          2),
    _Site("elite-models-paris.example", "escort", 0.97, 0.99, 0.8, "{a}", 0.75, 0.0, "escort", 4),
    _Site("trans-escort-idf.example", "escort", 0.95, 0.98, 0.6, "{a} ans", 0.45, 0.0, "escort", 0),
    _Site("escort-relais.example", "escort", 0.95, 0.9, 0.5, "{a}", 0.3, 0.0, "escort", 1),
    _Site("bien-etre-massage-paris.example", "classified", 1.0, 0.9, 0.05, "{a}", 0.0, 0.0,
          "classified", 0),
    _Site("petites-annonces-idf.example", "classified", 0.65, 0.1, 0.08, "{a} ans", 0.0, 0.0,
          "classified", 1),
    _Site("annonces-tout-paris.example", "classified", 0.7, 0.5, 0.15, "{a}", 0.0, 0.0,
          "classified", 2),
    _Site("trouve-tout.example", "classified", 0.5, 0.3, 0.05, "{a} ans", 0.0, 0.0, "classified",
          1),
) + tuple(
    _Site(d, "dating", 0.0, 1.0, 0.6, "{a} ans", 0.0, 0.6, "dating", 0) for d in _MIRROR_DOMAINS
) + (
    _Site("on-se-voit.example", "dating", 0.3, 1.0, 0.7, "{a}", 0.0, 0.4, "dating", 0),
    _Site("entre-hommes-paris.example", "dating", 0.4, 1.0, 0.8, "{a} ans", 0.0, 0.3, "dating", 1),
)
_SITE_INDEX = {site.domain: i for i, site in enumerate(SITES)}
_MIRROR = tuple(_SITE_INDEX[d] for d in _MIRROR_DOMAINS)
_REPUBLISHED = _SITE_INDEX["velours-escorte.example"]
_REPUBLISHER = _SITE_INDEX["escort-relais.example"]
_MIRROR_KEY = -1  # stands for "the mirror family" in the site preferences below

# site preferences by kind of person (annex 5: agencies on escort directories, massage listings,
# men on dating/classified sites, transgender persons on a specialised directory)
_SITE_PREFS = {
    "ind_f": {0: 14, 1: 11, 2: 9, 3: 2, 6: 2, 7: 4, 8: 3, 9: 2, _MIRROR_KEY: 11, 18: 9},
    "ind_t": {4: 28, 0: 6, 1: 5, 7: 3, 8: 2, _MIRROR_KEY: 9, 18: 6},
    "ind_m": {19: 30, 7: 8, 8: 5, 9: 4, _MIRROR_KEY: 7, 18: 8, 1: 3},
    "agency": {3: 40, 0: 20, 1: 15, 2: 12},
    "est": {0: 20, 1: 20, 2: 15, 7: 10, 8: 6, 9: 3, _MIRROR_KEY: 7},
    "latina": {4: 40, 1: 10, 7: 6, _MIRROR_KEY: 9, 18: 5},
    "massage": {6: 45, 7: 15, 8: 10, 9: 6, _MIRROR_KEY: 4},
    "africa": {2: 15, 7: 12, 8: 10, 9: 6, _MIRROR_KEY: 12, 18: 10, 0: 10},
}

# ==============================================================================================
# Persons' descriptions (as ads write them; report IV-A and annex 5)
# ==============================================================================================
# origin key: (feminine, masculine, English, group of first names)
_ORIGINS = {
    "francaise": ("française", "français", "French", "fr"),
    "black": ("black", "black", "African", "afr"),
    "metisse": ("métisse", "métis", "mixed-race", "fr"),
    "latine": ("latine", "latino", "Latina", "latam"),
    "bresilienne": ("brésilienne", "brésilien", "Brazilian", "latam"),
    "colombienne": ("colombienne", "colombien", "Colombian", "latam"),
    "venezuelienne": ("vénézuélienne", "vénézuélien", "Venezuelan", "latam"),
    "peruvienne": ("péruvienne", "péruvien", "Peruvian", "latam"),
    "asiatique": ("asiatique", "asiatique", "Asian", "asia"),
    "chinoise": ("chinoise", "chinois", "Chinese", "asia"),
    "thai": ("thaïlandaise", "thaïlandais", "Thai", "asia"),
    "vietnamienne": ("vietnamienne", "vietnamien", "Vietnamese", "asia"),
    "russe": ("russe", "russe", "Russian", "est"),
    "ukrainienne": ("ukrainienne", "ukrainien", "Ukrainian", "est"),
    "roumaine": ("roumaine", "roumain", "Romanian", "est"),
    "bulgare": ("bulgare", "bulgare", "Bulgarian", "est"),
    "polonaise": ("polonaise", "polonais", "Polish", "est"),
    "tcheque": ("tchèque", "tchèque", "Czech", "est"),
    "italienne": ("italienne", "italien", "Italian", "med"),
    "espagnole": ("espagnole", "espagnol", "Spanish", "med"),
    "mediterraneenne": ("méditerranéenne", "méditerranéen", "Mediterranean", "med"),
    "orientale": ("orientale", "oriental", "Middle Eastern", "magh"),
    "marocaine": ("marocaine", "marocain", "Moroccan", "magh"),
    "algerienne": ("algérienne", "algérien", "Algerian", "magh"),
    "ivoirienne": ("ivoirienne", "ivoirien", "Ivorian", "afr"),
    "camerounaise": ("camerounaise", "camerounais", "Cameroonian", "afr"),
    "congolaise": ("congolaise", "congolais", "Congolese", "afr"),
    "nigeriane": ("nigériane", "nigérian", "Nigerian", "afr"),
    "antillaise": ("antillaise", "antillais", "Caribbean", "afr"),
}

_ORIGIN_PREFS = {
    "ind_f": _Choice([("francaise", 22), ("black", 7), ("metisse", 7), ("latine", 4),
                      ("bresilienne", 4), ("colombienne", 2), ("asiatique", 5), ("chinoise", 2),
                      ("thai", 2), ("russe", 4), ("ukrainienne", 3), ("roumaine", 4),
                      ("italienne", 2), ("espagnole", 2), ("mediterraneenne", 4), ("orientale", 4),
                      ("marocaine", 3), ("algerienne", 2), ("ivoirienne", 3), ("camerounaise", 3),
                      ("antillaise", 3), ("polonaise", 2), ("congolaise", 2)]),
    "ind_t": _Choice([("bresilienne", 30), ("colombienne", 12), ("venezuelienne", 8),
                      ("latine", 14), ("peruvienne", 5), ("francaise", 10), ("metisse", 8),
                      ("asiatique", 5), ("thai", 5)]),
    "ind_m": _Choice([("francaise", 35), ("metisse", 12), ("black", 10), ("marocaine", 8),
                      ("algerienne", 6), ("latine", 8), ("bresilienne", 8), ("asiatique", 5),
                      ("italienne", 4), ("espagnole", 4)]),
    "agency": _Choice([("russe", 20), ("ukrainienne", 18), ("tcheque", 8), ("polonaise", 8),
                       ("italienne", 8), ("espagnole", 6), ("bresilienne", 10), ("francaise", 8),
                       ("roumaine", 8), ("latine", 6)]),
    "est": _Choice([("russe", 22), ("ukrainienne", 22), ("roumaine", 28), ("bulgare", 12),
                    ("polonaise", 8), ("tcheque", 8)]),
    "latina": _Choice([("bresilienne", 40), ("colombienne", 20), ("venezuelienne", 15),
                       ("peruvienne", 10), ("latine", 15)]),
    "massage": _Choice([("chinoise", 60), ("asiatique", 25), ("thai", 8), ("vietnamienne", 7)]),
    "africa": _Choice([("ivoirienne", 20), ("camerounaise", 20), ("congolaise", 15),
                       ("nigeriane", 20), ("black", 25)]),
}

_NAMES_F = {
    "fr": ("Léa", "Camille", "Manon", "Chloé", "Julie", "Sarah", "Laura", "Emma", "Inès", "Clara",
           "Jade", "Lola", "Zoé", "Lucie", "Marine", "Pauline", "Océane", "Mélissa", "Nina", "Eva",
           "Alicia", "Anaïs", "Élodie", "Audrey", "Jessica", "Sabrina", "Vanessa", "Cindy",
           "Marion", "Amandine", "Charlotte", "Justine", "Margaux", "Laetitia", "Émilie"),
    "latam": ("Valentina", "Camila", "Daniela", "Gabriela", "Isabella", "Natalia", "Paola",
              "Carolina", "Mariana", "Andrea", "Luciana", "Bianca", "Fernanda", "Juliana",
              "Tatiana", "Yasmin", "Larissa", "Bruna", "Paula", "Karla", "Melina", "Kelly",
              "Thalia", "Giovanna", "Samantha", "Rafaela", "Fabiola", "Leticia", "Vitória"),
    "est": ("Anna", "Katia", "Natalia", "Irina", "Olga", "Svetlana", "Elena", "Alina", "Daria",
            "Polina", "Oksana", "Ioana", "Andreea", "Larisa", "Mihaela", "Sofia", "Viktoria",
            "Yana", "Nadia", "Vera", "Kristina", "Milena", "Alexandra", "Diana", "Nikol",
            "Tereza", "Monika", "Ivana"),
    "asia": ("Lily", "Mei", "Lin", "Yuki", "Kim", "Jenny", "Lucy", "Coco", "Amy", "Linda", "Mia",
             "Nana", "Ling", "Suki", "Jasmine", "Cindy", "Lan", "Hua", "Ying", "Mai", "Lana"),
    "afr": ("Grace", "Fatou", "Aïcha", "Mariam", "Awa", "Esther", "Prisca", "Merveille",
            "Christelle", "Nadège", "Sandrine", "Carine", "Aminata", "Rokia", "Josiane", "Estelle",
            "Joy", "Blessing", "Precious", "Naomie", "Kelly", "Gloria"),
    "magh": ("Sarah", "Yasmina", "Nadia", "Leila", "Samira", "Kenza", "Myriam", "Inès", "Sofia",
             "Amel", "Nour", "Lina", "Dounia", "Malika", "Rania"),
    "med": ("Giulia", "Chiara", "Francesca", "Elena", "Carmen", "Lucia", "Alba", "Marta",
            "Sofia", "Alessia", "Bianca", "Valeria", "Paloma", "Martina"),
}
_NAMES_M = {
    "fr": ("Alex", "Kevin", "Thomas", "Nicolas", "Julien", "Hugo", "Lucas", "Romain", "Maxime",
           "Enzo", "Adam", "Ryan", "Yanis", "Jordan", "Dylan", "Théo"),
    "latam": ("Diego", "Rafael", "Bruno", "Marco", "Carlos", "Thiago", "Lucas", "Mateo"),
    "afr": ("Moussa", "Ibrahim", "Junior", "Cédric", "Franck", "Patrick", "Samuel"),
    "magh": ("Karim", "Mehdi", "Yanis", "Nassim", "Bilal", "Sofiane", "Amir"),
    "asia": ("Kenji", "Leo", "Minh", "Kevin"),
    "est": ("Alex", "Dimitri", "Ivan", "Sasha"),
    "med": ("Marco", "Luca", "Pablo", "Sergio"),
}

# hair key: (feminine adjective, masculine, in a fiche, English)
_HAIR = {
    "brun": ("brune", "brun", "bruns", "brunette"),
    "blond": ("blonde", "blond", "blonds", "blonde"),
    "roux": ("rousse", "roux", "roux", "redhead"),
    "chatain": ("châtain", "châtain", "châtains", "light brown hair"),
    "noir": ("brune", "brun", "noirs", "black hair"),
}
_HAIR_BY_GROUP = {
    "fr": _Choice([("brun", 38), ("blond", 26), ("chatain", 26), ("roux", 8), ("noir", 2)]),
    "est": _Choice([("blond", 42), ("brun", 30), ("chatain", 18), ("roux", 6), ("noir", 4)]),
    "latam": _Choice([("brun", 55), ("noir", 15), ("blond", 15), ("chatain", 15)]),
    "asia": _Choice([("noir", 60), ("brun", 35), ("chatain", 5)]),
    "afr": _Choice([("noir", 55), ("brun", 40), ("blond", 5)]),
    "magh": _Choice([("brun", 60), ("noir", 30), ("chatain", 10)]),
    "med": _Choice([("brun", 60), ("chatain", 20), ("noir", 10), ("blond", 10)]),
}
_EYES = {"marron": "brown", "noirs": "dark", "verts": "green", "bleus": "blue",
         "noisette": "hazel", "gris": "grey"}
_EYES_BY_GROUP = {
    "fr": _Choice([("marron", 45), ("bleus", 20), ("verts", 20), ("noisette", 15)]),
    "est": _Choice([("bleus", 35), ("verts", 20), ("marron", 30), ("gris", 15)]),
    "other": _Choice([("marron", 55), ("noirs", 35), ("noisette", 5), ("verts", 5)]),
}
_BUILD_F = ("mince", "fine", "pulpeuse", "sportive", "ronde", "aux formes généreuses", "élancée",
            "menue")
_BUILD_F_EN = ("slim", "slender", "curvy", "athletic", "curvy", "curvy", "tall and slim", "petite")
_BUILD_F_BMI = (19.0, 18.6, 24.0, 21.0, 28.0, 26.0, 19.5, 18.6)
_BUILD_M = ("sportif", "mince", "musclé", "athlétique", "costaud")
_BUILD_M_EN = ("sporty", "slim", "muscular", "athletic", "strong")
_BUILD_M_BMI = (23.5, 21.0, 25.0, 24.0, 27.5)
_CUPS = _Choice([("A", 8), ("B", 28), ("C", 30), ("D", 20), ("E", 10), ("F", 4)])

_LANGS_EN = {"fr": "French", "est": "Russian", "latam": "Spanish", "asia": "Chinese",
             "afr": "French", "magh": "Arabic", "med": "Italian"}


# ==============================================================================================
# Phrase banks (French data; what ads say, soberly; quotes of the report where they exist)
# ==============================================================================================
@lru_cache(maxsize=None)
def _keys(template: str) -> frozenset:
    return frozenset(f for _, f, _, _ in string.Formatter().parse(template) if f)


_BANK_FR_F = {
    "greet": ("Bonjour messieurs,", "Coucou,", "Hello,", "Bonsoir à tous,",
              "Bienvenue sur mon annonce.", "Bonjour à tous,", "Salut,"),
    "intro": (
        "Je suis {name}, {origin} de {age} ans.",
        "Moi c'est {name}, {age} ans, {origin} {hair}.",
        "Je m'appelle {name}, j'ai {age} ans et je suis {origin}.",
        "{name}, jolie {origin} de {age} ans.",
        "Je suis {name}, une jeune femme {origin} de {age} ans, {build} et souriante.",
        "Bonjour, c'est {name}, {age} ans.",
        "Je suis {name}, {origin} {hair} aux yeux {eyes}.",
        "Moi c'est {name}, jolie {origin}.",
        "Je m'appelle {name}, je suis une {hair} {build}.",
        "{name}, charmante {origin}.",
        "Je suis {name}, {hair} pétillante.",
        "Jolie {origin} de {age} ans.",
        "Délicieuse jeune {origin} de {age} ans vous propose un moment de pure évasion.",
        "Jeune femme {origin} de {age} ans, {build}.",
        "Belle {hair} de {age} ans.",
        "Jolie {origin} {hair} aux yeux {eyes}.",
        "Charmante jeune femme {origin}, douce et discrète.",
        "Belle {hair} {build}, {origin}.",
        "Jolie {hair} aux yeux {eyes}, douce et sexy.",
    ),
    "desc": (
        "{height} pour {weight}, poitrine {bust}.",
        "Je mesure {height} pour {weight}.",
        "{Hair}, yeux {eyes}, {height}, {weight}.",
        "Taille {height}, {weight}, {bust} naturel.",
        "Silhouette {build}, {height}, {weight}.",
        "{height}, {weight}, {bust}, yeux {eyes}.",
    ),
    "offer": (
        "Je vous propose un moment de détente et de complicité en toute discrétion.",
        "Je vous réserve un instant où la discrétion, le respect, l'hygiène et la courtoisie "
        "sont de rigueur.",
        "Je propose un bon moment tranquille, agréable et discret.",
        "Vous désirez de la compagnie en toute discrétion avec une jeune femme sympathique ? "
        "Ne cherchez plus.",
        "Douce, souriante et attentionnée, je saurai vous mettre à l'aise.",
        "Massage relaxant et moment de douceur garantis.",
        "Compagnie agréable pour dîner, soirée ou moment de détente.",
        "La détente dans la complicité et la bonne humeur est à l'ordre du jour.",
        "Je suis ouverte d'esprit, douce et pleine de charme.",
        "Moment de qualité, sans prise de tête.",
        "Élégante et raffinée, je vous accompagne pour vos soirées.",
        "GFE et social time pour gentlemen courtois.",
        "Je vous accueille avec le sourire pour un moment hors du temps.",
        "Je suis là pour vous faire oublier le stress de la journée.",
    ),
    "place": (
        "Je reçois dans un appartement discret et climatisé {tplace}.",
        "Je reçois {tplace}, dans un cadre propre et discret.",
        "Appartement privé {tplace}, accès facile.",
        "Je reçois {tplace} et je me déplace à votre hôtel.",
        "Je vous attends {tplace}.",
        "Je me déplace sur Paris et proche banlieue, ou je reçois {tplace}.",
        "Incall {tplace} / outcall hôtels.",
    ),
    "cond": (
        "Pas de numéros masqués, pas de SMS.",
        "Les appels masqués, SMS, mails et fixes resteront sans suite.",
        "Désolée mais je ne réponds pas aux numéros masqués et pas de SMS.",
        "Prévenir 30 minutes avant.",
        "Hygiène irréprochable exigée.",
        "Mes photos sont 100 % vraies et récentes.",
        "Photos réelles, pas de mauvaise surprise.",
        "Uniquement messieurs courtois et respectueux.",
        "Rendez-vous à prendre une heure à l'avance.",
    ),
    "close": ("À bientôt. Bisous.", "Je vous attends.", "Bisous.", "À très vite.",
              "N'hésitez pas à me contacter.", "Au plaisir de vous rencontrer.",
              "Pensez à me dire que vous m'avez vue sur {site_short}.", "Bisous à tous."),
    "tour": ("De passage à Paris {dates} seulement.", "Nouvelle à Paris pour quelques jours.",
             "Je suis de passage sur Paris cette semaine.", "De retour à Paris {dates} !",
             "Dernière semaine à Paris, ne me ratez pas.", "En vacances à Paris {dates}."),
}
_BANK_FR_T_INTRO = (
    "Je suis {name}, une belle trans {origin} de {age} ans.",
    "{name}, transsexuelle {origin}, jolie, polie et très douce.",
    "Belle trans {origin} {hair}, {age} ans.",
    "Je suis {name}, une belle transsexuelle jolie, polie et très douce, {origin}.",
    "Jolie trans {origin}, féminine et raffinée.",
    "Trans {origin} de {age} ans, {height}, très féminine.",
    "Moi c'est {name}, trans {origin}, vraie beauté naturelle.",
)
_BANK_FR_M = {
    "greet": ("Bonjour,", "Salut,", "Hello,", "Bonsoir messieurs,"),
    "intro": (
        "Je suis {name}, jeune mec {origin} de {age} ans, sportif et discret.",
        "Bonjour je suis un jeune mec de {age} ans, je propose mes services à mec gay ou bi.",
        "{name}, {age} ans, masseur {origin} pour hommes.",
        "Homme {origin} de {age} ans, {build}.",
        "Je m'appelle {name}, {age} ans, {build}, {hair}.",
        "Jeune homme {origin}, {build}, pour hommes.",
        "Mec {build} aux yeux {eyes}, {height}, {weight}.",
    ),
    "desc": ("{height}, {weight}, {build}.", "Je mesure {height} pour {weight}, yeux {eyes}.",
             "{Hair}, yeux {eyes}, {build}."),
    "offer": ("Massage, sortie, moment de détente entre hommes.",
              "Très discret, je peux me déplacer.",
              "Pour hommes respectueux uniquement.",
              "Massage relaxant, sortie ou simple compagnie.",
              "Moment convivial sans prise de tête."),
    "place": ("Je reçois {tplace}.", "Je me déplace ou je reçois {tplace}.",
              "Je peux me déplacer, sinon je reçois {tplace}."),
    "cond": ("Pas de numéros masqués.", "Discrétion assurée.", "Hygiène exigée.",
             "Pas de SMS."),
    "close": ("À bientôt.", "Au plaisir.", "N'hésite pas.", "Bises."),
    "tour": ("De passage à Paris {dates}.", "Sur Paris pour quelques jours seulement."),
}
_BANK_FR_3 = {
    "greet": ("", "Messieurs,", "Nouveau !"),
    "intro": (
        "{name} est une jeune femme {origin} de {age} ans, {hair} aux yeux {eyes}.",
        "Nous vous présentons {name}, {age} ans, ravissante {origin}.",
        "Découvrez {name}, {origin} de {age} ans, nouvelle dans notre sélection.",
        "{name}, {age} ans, {origin}, {height}, {weight}.",
        "Très jolie {origin}, {name} a {age} ans.",
        "{name} est une belle {origin} {hair}, {build}.",
    ),
    "desc": ("Elle mesure {height} pour {weight}, poitrine {bust}.",
             "{Hair}, yeux {eyes}, {height}, {weight}, {bust}.",
             "Silhouette {build}, {height}."),
    "offer": ("Elle est douce, élégante et très discrète.",
              "Elle saura vous faire passer un moment agréable.",
              "Toujours souriante, elle vous accueille avec plaisir.",
              "Elle est parfaite pour un moment de détente ou une soirée.",
              "Sérieuse et discrète, elle n'attend que votre appel."),
    "place": ("Elle vous reçoit dans un appartement discret {tplace}.",
              "Elle reçoit {tplace} et se déplace à votre hôtel.",
              "Rendez-vous {tplace}, appartement privé."),
    "cond": ("Réservation par téléphone uniquement.", "Pas de SMS.",
             "Photos 100 % réelles.", "Prévenir une heure avant."),
    "close": ("Ne la ratez pas !", "À découvrir très vite.", "Elle vous attend."),
    "tour": ("Elle est à Paris pour quelques jours seulement.",
             "Elle est de passage à Paris {dates}.",
             "Nouvelle à Paris, disponible {dates}."),
}
_BANK_EN = {
    "greet": ("Hello gentlemen,", "Hi!", "Hello,", "Welcome,"),
    "intro": (
        "I am {name}, {age} years old {origin_en} girl.",
        "My name is {name}, sweet {origin_en} lady, {age} years.",
        "I am {name}, an elegant {origin_en} escort in Paris.",
        "I'm {name}, {age} y.o., {hair_en}, {eyes_en} eyes.",
        "Sweet {origin_en} girl, {age} years old, {build_en}.",
    ),
    "desc": ("{height_en}, {weight_en}, {bust}.", "I am {build_en}, {height_en}."),
    "offer": ("I am sweet, elegant and discreet.",
              "I offer GFE and social time for respectful gentlemen.",
              "Perfect companion for dinner or a relaxing moment.",
              "Real photos 100%."),
    "place": ("Incall {tplace_en}, outcall to your hotel.", "Private apartment {tplace_en}.",
              "Incall / outcall, {tplace_en}."),
    "cond": ("No SMS, no hidden numbers.", "Please call 30 minutes before.",
             "Only respectful gentlemen."),
    "close": ("Kisses", "See you soon", "Kisses, {name}"),
    "tour": ("New in Paris for a few days only!", "In Paris {dates_en}.",
             "Only a few days in town!"),
}
_BANK_EN_3 = {
    "greet": ("", "New!"),
    "intro": ("{name} is a {age} years old {origin_en} beauty, new in Paris.",
              "Meet {name}, {age}, elegant {origin_en} companion.",
              "{name}, {age} years, {origin_en}, {height_en}, {weight_en}."),
    "desc": ("She is {build_en}, {hair_en}, {eyes_en} eyes.",),
    "offer": ("She is sweet, elegant and very discreet.", "She speaks English and {lang2}.",
              "Perfect girlfriend experience."),
    "place": ("Incall {tplace_en} / outcall to your hotel.",),
    "cond": ("Booking by phone only.", "No SMS."),
    "close": ("Don't miss her!",),
    "tour": ("She is in Paris {dates_en} only.", "New in Paris for a few days!"),
}
_BANK_MASSAGE = {
    "greet": ("", "Nouveau !", "Bienvenue,"),
    "intro": ("Nouvelle jeune masseuse {origin}, {age} ans, très gentille.",
              "{name}, jeune {origin} {age} ans, massage relaxant.",
              "Jolie masseuse {origin}, douce et souriante.",
              "Nouvelle fille {origin} {age} ans, très jolie."),
    "desc": ("{height}, {weight}.", "Petite et mince, {height}."),
    "offer": ("Massage relaxant, massage californien, massage aux huiles.",
              "Vrai massage de détente pour oublier le stress.",
              "Massage corps complet, ambiance zen."),
    "place": ("Salon privé {tplace}, propre et climatisé.", "Appartement calme {tplace}.",
              "Massage {tplace}, douche disponible."),
    "cond": ("Nouvelle fille chaque semaine.", "Pas de SMS, appel seulement."),
    "close": ("Merci.", "A bientôt."),
    "tour": ("Nouvelle cette semaine.", "Nouvelle arrivée à Paris."),
}

_PRICE_T = ("Tarifs : 30 min {p30} € / 1 h {p60} €.", "{p60} roses l'heure.",
            "1h {p60}€, 30mn {p30}€.", "Tarifs par téléphone.", "Cadeau : {p60} € l'heure.",
            "Tarifs : 1h = {p60} roses.")
_PRICE_T_EN = ("Rates: 30 min {p30} EUR / 1 h {p60} EUR.", "{p60} roses per hour.")
_AVAIL_FR = ("Disponible du lundi au samedi de 10h à 22h.", "Dispo 7j/7 de 11h à minuit.",
             "Sur rendez-vous uniquement.", "Dispo ce soir.", "Disponible en journée et en soirée.",
             "Disponible aujourd'hui.", "Dispo le week-end.", "Disponible de 9h à 20h.",
             "Dispo tard le soir.")
_AVAIL_24 = ("Disponible 24h/24.", "Dispo 24h/24 7j/7.", "Disponible tout le temps.")
_AVAIL_EN = ("Available 24/7.", "Available from 11am to midnight.", "Available today.")
_CONTACT_FR = ("Appelez-moi au {phone}.", "Tél : {phone}.",
               "Mon numéro : {phone} (appels uniquement).",
               "Contact : {phone}", "Appelle-moi vite au {phone}.", "WhatsApp : {phone}",
               "{phone}", "Joignable au {phone}.")
_CONTACT_FR_3 = ("Pour prendre rendez-vous avec {name}, appelez le {phone}.",
                 "Réservation par téléphone : {phone}.", "Appelez-nous au {phone}.",
                 "Contact : {phone}")
_CONTACT_EN = ("Call me: {phone}", "Phone / WhatsApp: {phone}", "Booking: {phone}")
_NEW_NUMBER = ("Nouveau numéro : {phone} !", "NOUVEAU NUMÉRO {phone}",
               "Attention nouveau numéro : {phone}.")
_NO_PHONE = ("Contactez-moi par la messagerie du site.", "Écrivez-moi en message privé.",
             "Envoyez-moi un message ici.", "Je réponds uniquement aux messages du site.",
             "Contact par message uniquement.")
_FOREIGN = {
    "latam": ("Hola amor, soy {name}.", "Besos.", "Hablo español.", "Oi, sou {name}, beijos."),
    "med": ("Ciao, sono {name}.", "Parlo italiano.", "Hola, soy {name}."),
}
_INCOH = ("Jeune {origin2} de {age2} ans.", "Demandez {name2}.", "{name2}, {age2} ans.",
          "Belle {origin2} disponible.")

_TITLES_F = (
    "{name}, jolie {origin} à {tshort}", "Jolie {hair} {tshort}", "Belle {origin} de {age} ans",
    "{name} - {origin} - {tshort}", "Douce {name} vous attend", "Charmante {origin} disponible",
    "Moment de détente avec {name}", "Délicieuse {origin} {tshort}", "Jeune femme {origin} {hair}",
    "{name} {age} ans {tshort}", "Jolie {origin}", "La {origin} aux formes", "Belle {hair}",
    "D'agréables moments à {tshort}", "Petit moment de douceur", "{name}",
)
_TITLES_T = ("{name}, belle trans {origin}", "Trans {origin} {tshort}",
             "Nouvelle trans à Paris - {name}", "{name} trans {origin} {age} ans",
             "Belle trans {hair} {tshort}")
_TITLES_M = ("Jeune mec {origin} pour hommes", "{name}, masseur pour hommes - {tshort}",
             "Jeune homme sportif et discret", "{name} {age} ans, {tshort}",
             "Mec {build} dispo {tshort}")
_TITLES_EN = ("{name}, sweet {origin_en} girl in Paris", "New in Paris! {name} {age}",
              "{name} - elegant {origin_en} companion", "{name} {origin_en} beauty")
_TITLES_TOUR = ("Nouvelle à Paris : {name}", "De passage : {name}, {origin}",
                "{name} de passage à Paris", "NEW {name} {origin} {tshort}")
_TITLES_MASSAGE = ("Massage relaxant {tshort}", "Nouvelle masseuse {origin}",
                   "Massage {origin} {tshort}", "Massage zen {tshort}")
_TITLE_PREFIX = ("NEW ", "NOUVEAU ", "DISPO ", "★ ", "❤ ", "!!! ", "Dispo ce soir - ")

_TYPOS = (("reçois", "recois"), ("reçois", "recoit"), ("appartement", "apartement"),
          ("très", "tres"), ("discrète", "discrete"), ("N'hésitez", "Nhesitez"),
          ("rendez-vous", "rdv"), ("Appelez-moi", "Appel moi"), ("quelques", "quelque"),
          ("disponible", "disponnible"), ("hygiène", "hygienne"), ("À bientôt", "a bientot"),
          ("Bisous", "bisou"), ("vous propose", "vous propos"), ("femme", "fame"),
          ("douce", "douse"), ("à Paris", "a paris"), ("Élégante", "Elegante"),
          ("pas de SMS", "pas de sms"), ("appartement", "appart"), ("messieurs", "mrs"))

_MONTHS = ("janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre",
           "octobre", "novembre", "décembre")
_MONTHS_EN = ("January", "February", "March", "April", "May", "June", "July", "August",
              "September", "October", "November", "December")

_EMOJI = ("💋", "❤️", "🌹", "✨", "😘", "🔥")


@lru_cache(maxsize=None)
def _filter(templates: tuple, avail: frozenset) -> tuple:
    return tuple(t for t in templates if _keys(t) <= avail)


# ==============================================================================================
# Population
# ==============================================================================================
_NET_TYPES = _Choice([("agency", 25), ("est", 30), ("latina", 15), ("massage", 15),
                      ("africa", 15)])
_NET_SIZE = {"agency": (3, 10), "est": (3, 8), "latina": (2, 6), "massage": (3, 8),
             "africa": (2, 5)}
_NET_ARRS = {"agency": (8, 16, 17, 7, 15), "est": (8, 15, 16, 17, 9, 12, 10),
             "latina": (17, 18, 9, 15, 16, 10), "massage": (13, 12, 11, 19, 20, 15, 10, 14),
             "africa": (10, 18, 19, 20, 11, 12)}
_NET_ACCOUNTS = ("Agence Prestige Paris", "VIP Models Paris", "Lotus Massage", "Elite Girls",
                 "Paris Charme", "Zen Massage Paris", "Beauté d'Orient", "Latinas Paris",
                 "Top Models", "Massage Jade", "Golden Girls Paris", "Douceur d'Asie")


class _Network:
    __slots__ = ("idx", "type", "members", "a", "b", "phone_mode", "landline", "phone_times",
                 "phones", "block", "voice3", "lang", "typos", "p_incoh", "tour", "avail24",
                 "account", "protos", "proto_times", "proto_desc", "arrs", "pseudo_tpl")


class _Person:
    __slots__ = (
        "idx", "kind", "net", "gender", "origin", "group", "name", "name_var", "alt_name",
        "alt_from", "alt_sites", "age", "age_mode", "hair", "hair2", "hair2_from", "eyes",
        "height", "weight", "cup", "band", "build", "intervals", "tour", "loc_times", "locs",
        "phone_times", "phones", "contact", "text_fmt", "p_name", "p_age_text", "p_origin",
        "lang", "voice3", "typos", "foreign", "price", "price2", "price_from", "avails",
        "sites", "site_cum", "republish", "pseudo_style", "pseudo_from", "profiles",
        "versions", "version_times", "emoji", "name2", "age2", "origin2", "weight_ads", "n_ads",
        "visit_dates",
    )


def _lognormal(s: _Stream, median: float, sigma: float) -> float:
    return median * math.exp(s.normal(0.0, sigma))


def _window(s: _Stream, days: int, median_life: float) -> tuple[float, float]:
    life = _lognormal(s, median_life, 1.0)
    start = -life + s.u() * (days + life)
    a, b = max(0.0, start), min(float(days), start + life)
    if b - a < 1.0:
        a = min(a, days - 1.0)
        b = a + 1.0
    return a, b


def _visits(s: _Stream, a: float, b: float, n: int, lo: float, hi: float) -> list:
    out = []
    for _ in range(n):
        length = min(b - a, lo + s.u() * (hi - lo))
        start = a + s.u() * max(0.0, (b - a) - length)
        out.append([start, start + max(1.0, length)])
    out.sort()
    merged = []
    for v in out:
        if merged and v[0] <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], v[1])
        else:
            merged.append(v)
    return [(x, y) for x, y in merged]


def _age_base(kind: str, gender: str, s: _Stream) -> int:
    if kind == "est":
        return s.between(19, 26)
    if kind == "agency":
        return s.between(20, 29)
    if kind == "massage":
        return s.between(22, 33)
    if gender == "m":
        return s.between(19, 35)
    if gender == "t":
        return s.between(21, 36)
    r = s.u()
    if r < 0.30:
        return s.between(19, 25)
    if r < 0.72:
        return s.between(26, 35)
    if r < 0.92:
        return s.between(36, 45)
    return s.between(46, 55)


def _make_networks(P: int, days: int, s: _Stream) -> tuple[list, list]:
    """Networks (report V-A-4) and the network index of each person slot (-1: none)."""
    target = int(round(NETWORK_PERSON_SHARE * P))
    nets, member = [], [-1] * P
    slot = 0
    while slot < target:
        ntype = _NET_TYPES.draw(s)
        lo, hi = _NET_SIZE[ntype]
        size = s.between(lo, hi)
        if s.bern(0.12):
            size += s.between(3, 8)  # a few larger agencies / apartment networks
        size = min(size, target - slot)
        if size < 2:
            break
        net = _Network()
        net.idx, net.type = len(nets), ntype
        net.members = list(range(slot, slot + size))
        for k in net.members:
            member[k] = net.idx
        slot += size
        net.a, net.b = _window(s, days, 300.0)
        if net.b - net.a < min(days, 14):
            net.b = min(float(days), net.a + 14.0)
            net.a = max(0.0, net.b - 14.0)
        nets.append(net)
    return nets, member


def _setup_network(net: _Network, s: _Stream, book: _PhoneBook) -> None:
    t = net.type
    net.voice3 = s.bern({"agency": 0.7, "est": 0.5, "africa": 0.4, "massage": 0.3,
                         "latina": 0.2}[t])
    r = s.u()
    if t == "agency":
        net.lang = "en" if r < 0.25 else ("bi" if r < 0.6 else "fr")
    elif t == "est":
        net.lang = "en" if r < 0.15 else ("bi" if r < 0.3 else "fr")
    elif t == "africa":
        net.lang = "en" if r < 0.1 else "fr"
    else:
        net.lang = "fr"
    n_typos = {"agency": 0, "est": 4, "africa": 3, "massage": 5, "latina": 2}[t]
    n_typos = s.between(0, n_typos) if n_typos else 0
    net.typos = tuple(s.sample(_TYPOS, n_typos))
    net.p_incoh = {"agency": 0.08, "est": 0.25, "africa": 0.2, "massage": 0.3, "latina": 0.12}[t]
    net.tour = t in ("agency", "est") or (t == "massage" and s.bern(0.3))
    net.avail24 = s.bern({"agency": 0.4, "est": 0.6, "africa": 0.4, "massage": 0.5,
                          "latina": 0.5}[t])
    net.account = s.pick(_NET_ACCOUNTS) if (t in ("agency", "massage") and s.bern(0.6)) or \
        (t in ("est", "africa") and s.bern(0.2)) else ""
    net.pseudo_tpl = s.pick(("Nouvelle {name}", "{name} New", "{name} Paris", "{name}"))
    k = s.between(1, 3)
    net.arrs = tuple(s.sample(_NET_ARRS[t], k))
    # phone policy: switchboard shared by all members, numbers of one block (last two digits
    # vary), or each member's own numbers
    r = s.u()
    switch_p, seq_p = {"agency": (0.7, 0.0), "est": (0.2, 0.6), "massage": (0.8, 0.2),
                       "africa": (0.4, 0.3), "latina": (0.3, 0.3)}[t]
    net.phone_mode = "switch" if r < switch_p else ("seq" if r < switch_p + seq_p else "own")
    net.landline = net.phone_mode == "switch" and t in ("agency", "massage") and s.bern(0.45)
    net.phone_times, net.phones, net.block = [0.0], [], None
    if net.phone_mode == "switch":
        net.phones.append(book.draw(net.landline))
        n_changes = s.poisson((net.b - net.a) / 300.0 + 0.06)
        for _ in range(min(n_changes, 6)):
            net.phone_times.append(net.a + s.u() * (net.b - net.a))
        net.phone_times.sort()
        for _ in net.phone_times[1:]:
            net.phones.append(book.draw(net.landline))
    elif net.phone_mode == "seq":
        net.block = book.block(False)


def _new_person(idx: int, kind: str, gender: str, s: _Stream) -> _Person:
    p = _Person()
    p.idx, p.kind, p.gender = idx, kind, gender
    pref_key = kind if kind in _ORIGIN_PREFS else {"f": "ind_f", "t": "ind_t", "m": "ind_m"}[gender]
    p.origin = _ORIGIN_PREFS[pref_key].draw(s)
    p.group = _ORIGINS[p.origin][3]
    return p


def _describe(p: _Person, s: _Stream) -> None:
    names = _NAMES_M if p.gender == "m" else _NAMES_F
    group = p.group if p.group in names else "fr"
    if p.gender == "t" and s.bern(0.6):
        group = "latam"
    p.name = s.pick(names[group])
    p.name_var = _plain(p.name) if (_plain(p.name) != p.name and s.bern(0.4)) else p.name
    alt = s.pick(names[group])
    p.alt_name = alt if alt != p.name else s.pick(names["fr"])
    p.hair = _HAIR_BY_GROUP.get(p.group, _HAIR_BY_GROUP["fr"]).draw(s)
    p.hair2, p.hair2_from = p.hair, 1e9
    if s.bern(0.06):  # dyed hair during the collection
        p.hair2 = s.pick(("blond", "brun", "roux", "chatain"))
    eyes_key = p.group if p.group in ("fr", "est") else "other"
    p.eyes = _EYES_BY_GROUP[eyes_key].draw(s)
    if p.gender == "m":
        p.height = int(round(min(195, max(162, s.normal(178, 6)))))
        b = s.i(len(_BUILD_M))
        p.build = b
        p.weight = int(round((_BUILD_M_BMI[b] + s.normal(0, 1.0)) * (p.height / 100.0) ** 2))
        p.cup, p.band = "", 0
    else:
        mu = 171 if p.gender == "t" else (160 if p.group == "asia" else 165)
        p.height = int(round(min(185, max(148, s.normal(mu, 6)))))
        b = s.i(len(_BUILD_F))
        p.build = b
        bmi = max(17.8, _BUILD_F_BMI[b] + s.normal(0, 1.0))
        p.weight = int(round(min(105, max(43, bmi * (p.height / 100.0) ** 2))))
        p.cup = _CUPS.draw(s)
        p.band = min(105, max(80, 85 + 5 * int(round((p.weight - 52) / 10.0 + s.normal(0, 0.6)))))


def _fmt_height(h: int, style: int) -> str:
    return (f"1m{h - 100:02d}", f"1,{h - 100:02d} m", f"{h} cm", f"1m{h - 100:02d}")[style % 4]


def _fmt_weight(w: int, style: int) -> str:
    return (f"{w} kg", f"{w}kg", f"{w} kilos", f"{w} kg")[style % 4]


def _fmt_bust(band: int, cup: str, style: int) -> str:
    return (f"{band}{cup}", f"bonnet {cup}", f"{band} {cup}", f"{cup}")[style % 4]


def _population(n_ads: int, seed: int):
    """Persons, networks, phones, timelines and ad counts (no text): cheap even at 1M ads."""
    root = np.random.SeedSequence(seed)
    vec_rng, scalar_rng, phone_rng = (np.random.default_rng(c) for c in root.spawn(3))
    s = _Stream(scalar_rng)
    P, days = persons_for_ads(n_ads), collection_days(n_ads)
    book = _PhoneBook(phone_rng)
    nets, member = _make_networks(P, days, s)
    for net in nets:
        _setup_network(net, s, book)
    persons = []
    for i in range(P):
        if member[i] >= 0:
            net = nets[member[i]]
            kind = net.type
            gender = "t" if kind == "latina" else ("f" if s.u() < 0.97 else "t")
        else:
            net = None
            r = s.u()
            # independents: women 83.5 %, men 9 %, trans 7.5 % -> overall about 84/7/9 (IV-A)
            kind = "ind"
            gender = "f" if r < 0.835 else ("m" if r < 0.925 else "t")
        p = _new_person(i, kind, gender, s)
        p.net = member[i]
        _describe(p, s)
        _timeline(p, net, days, s)
        persons.append(p)
    # ad weights: active days x posting intensity (networks repost more, annex 5)
    w = np.empty(P)
    for p in persons:
        active = sum(b - a for a, b in p.intervals)
        intensity = _lognormal(s, 1.0, 0.9) * (3.0 if p.net >= 0 else 1.0)
        p.weight_ads = active ** 0.8 * intensity
        w[p.idx] = p.weight_ads
    if P:
        counts = 1 + vec_rng.multinomial(n_ads - P, w / w.sum()) if n_ads > P else np.ones(P, int)
    else:
        counts = np.zeros(0, int)
    for p, c in zip(persons, counts.tolist()):
        p.n_ads = c
    for p in persons:
        _phones(p, nets[p.net] if p.net >= 0 else None, s, book)
    return persons, nets, days, book, s, vec_rng


def _timeline(p: _Person, net, days: int, s: _Stream) -> None:
    """Active intervals, tours and moves (II-D: 18 % 'de passage'; persons who move)."""
    p.tour = False
    if net is not None:
        if net.tour or net.type == "massage":
            n = 1 + min(3, s.poisson((net.b - net.a) / 120.0))
            p.intervals = _visits(s, net.a, net.b, n, 5.0, 21.0)
            p.tour = net.tour
        else:
            a = net.a + s.u() * max(0.0, net.b - net.a - 7)
            life = _lognormal(s, 180.0, 0.7)
            p.intervals = [(a, max(a + 1.0, min(net.b, a + life)))]
    else:
        r = s.u()
        if r < 0.13:
            a, b = _window(s, days, 400.0)
            n = 1 + min(5, s.poisson((b - a) / 120.0))
            p.intervals = _visits(s, a, b, n, 3.0, 12.0)
            p.tour = True
        else:
            p.intervals = [_window(s, days, 150.0)]
    a, b = p.intervals[0][0], p.intervals[-1][1]
    arrs = net.arrs if net is not None else None
    base = _draw_arr_loc(s, arrs) if (arrs is None or s.bern(0.85)) else _draw_arr_loc(s)
    p.loc_times, p.locs = [0.0], [base]
    if p.tour:
        # a new place at each visit (hotel or rented flat), sometimes in the inner suburbs
        for va, _vb in p.intervals[1:]:
            p.loc_times.append(va)
            p.locs.append(_draw_suburb_loc(s) if s.bern(0.15) else _draw_arr_loc(s, arrs))
        if s.bern(0.12):
            p.locs[0] = _draw_suburb_loc(s)
    else:
        mover_p = 0.22 if net is None else 0.3
        if s.bern(mover_p):
            n_moves = 1 if s.bern(0.75) else 2
            times = sorted(a + s.u() * (b - a) for _ in range(n_moves))
            for t in times:
                p.loc_times.append(t)
                if s.bern(0.35):
                    p.locs.append(_draw_suburb_loc(s))
                else:
                    near = arrs if (arrs and s.bern(0.6)) else None
                    p.locs.append(_draw_arr_loc(s, near))
    p.visit_dates = [(va, vb) for va, vb in p.intervals]


def _phones(p: _Person, net, s: _Stream, book: _PhoneBook) -> None:
    """Numbers over time; contact policy (field, text only, both, none)."""
    a, b = p.intervals[0][0], p.intervals[-1][1]
    span = b - a
    r = s.u()
    if net is None:
        p.contact = ("field" if r < 0.50 else "both" if r < 0.72 else
                     "text" if r < 0.88 else "none")
    else:
        p.contact = "field" if r < 0.6 else ("both" if r < 0.95 else "text")
    p.phone_times, p.phones = [0.0], []
    if p.contact == "none" and net is None:
        return
    if net is not None and net.phone_mode == "switch":
        p.phone_times, p.phones = net.phone_times, net.phones
        return
    # changes of number: a hazard over the active span plus a small base (prepaid cards)
    if p.n_ads > 1:
        n_changes = s.poisson(0.07 + span / 550.0)
        if p.tour and len(p.intervals) > 1 and s.bern(0.3):
            n_changes += 1
    else:
        n_changes = 0
    n_changes = min(n_changes, 8)
    times = sorted(a + s.u() * span for _ in range(n_changes))
    if p.tour and len(p.intervals) > 1 and times:
        times[-1] = p.intervals[-1][0]  # a new card for the last visit
        times.sort()
    p.phone_times += times
    for _ in p.phone_times:
        if net is not None and net.phone_mode == "seq":
            p.phones.append(book.draw_in_block(net.block, s))
        else:
            p.phones.append(book.draw(False))


# ==============================================================================================
# Versions of an ad (wording over time) and per-site profiles
# ==============================================================================================
class _Version:
    __slots__ = ("slots", "title", "name_in_text", "age_in_text", "origin_in_text", "price_in",
                 "avail_mode", "place_style", "title_place", "en", "en_slots", "age_delta",
                 "weight_delta", "notation", "new_number", "prefix", "typos", "foreign",
                 "contact_tpl", "nophone_tpl", "phone_fmt", "emoji")


_SLOT_ORDER = ("greet", "intro", "tour", "desc", "offer", "offer2", "place", "cond", "price",
               "avail", "close", "contact")


def _bank_for(gender: str, lang: str, voice3: bool, massage: bool):
    if lang == "en":
        return _BANK_EN_3 if voice3 else _BANK_EN
    if massage:
        return _BANK_MASSAGE
    if voice3 and gender != "m":
        return _BANK_FR_3
    return _BANK_FR_M if gender == "m" else _BANK_FR_F


def _title_bank(p: _Person, s: _Stream) -> tuple:
    if p.kind == "massage":
        return _TITLES_MASSAGE
    if p.lang == "en":
        return _TITLES_EN
    if p.tour and s.bern(0.5):
        return _TITLES_TOUR
    return _TITLES_M if p.gender == "m" else _TITLES_T if p.gender == "t" else _TITLES_F


def _new_version(p: _Person, s: _Stream, prev: _Version | None, net, new_number: bool) -> _Version:
    v = _Version()
    main_lang = "en" if p.lang == "en" else "fr"
    massage = p.kind == "massage"
    bank = _bank_for(p.gender, main_lang, p.voice3, massage)
    v.name_in_text = s.bern(p.p_name)
    v.age_in_text = s.bern(p.p_age_text)
    v.origin_in_text = s.bern(p.p_origin)
    avail = {"hair", "eyes", "height", "weight", "build", "tplace", "Hair", "site_short",
             "hair_en", "eyes_en", "height_en", "weight_en", "build_en", "tplace_en", "dates",
             "dates_en", "lang2"}
    if p.gender != "m":
        avail.add("bust")
    if v.name_in_text:
        avail.add("name")
    if v.age_in_text:
        avail.update(("age",))
    if v.origin_in_text:
        avail.update(("origin", "origin_en"))
    avail = frozenset(avail)
    if prev is None:
        slots = {}
        intro_bank = _BANK_FR_T_INTRO if (p.gender == "t" and main_lang == "fr" and not p.voice3
                                          and not massage) else bank["intro"]
        choices = _filter(intro_bank, avail) or _filter(bank["intro"], avail) or \
            (bank["intro"][0],)
        slots["intro"] = s.pick(choices)
        if s.bern(0.4):
            g = s.pick(bank["greet"])
            if g:
                slots["greet"] = g
        if p.tour:
            slots["tour"] = s.pick(bank["tour"])
        if s.bern(0.55):
            c = _filter(bank["desc"], avail)
            if c:
                slots["desc"] = s.pick(c)
        slots["offer"] = s.pick(bank["offer"])
        if s.bern(0.4):
            o2 = s.pick(bank["offer"])
            if o2 != slots["offer"]:
                slots["offer2"] = o2
        if s.bern(0.85):
            slots["place"] = s.pick(bank["place"])
        if s.bern(0.55):
            slots["cond"] = s.pick(bank["cond"])
        if s.bern(0.6):
            c = _filter(bank["close"], avail)
            if c:
                slots["close"] = s.pick(c)
        v.slots = slots
        v.place_style = s.i(8)
        v.title_place = s.i(6)
        v.notation = s.i(4)
        v.contact_tpl = s.i(8)
        v.nophone_tpl = s.pick(_NO_PHONE)
        v.phone_fmt = p.text_fmt if s.bern(0.8) else _TEXT_FMT.draw(s)
        v.age_delta = 0
        v.weight_delta = 0
        v.price_in = p.price > 0 and s.bern(0.8)
        v.avail_mode = s.i(len(p.avails) + 1)
        tb = _title_bank(p, s)
        tavail = avail | {"tshort", "origin", "origin_en", "name", "age"} if s.bern(0.5) else \
            avail | {"tshort"}
        v.title = s.pick(_filter(tb, frozenset(tavail)) or tb)
        v.en = p.lang == "bi"
        v.en_slots = None
        if v.en:
            ben = _BANK_EN_3 if p.voice3 else _BANK_EN
            v.en_slots = {"intro": s.pick(_filter(ben["intro"], avail) or ben["intro"]),
                          "offer": s.pick(ben["offer"])}
            if p.tour:
                v.en_slots["tour"] = s.pick(ben["tour"])
            if s.bern(0.6):
                v.en_slots["place"] = s.pick(ben["place"])
        v.typos = p.typos
        v.foreign = p.foreign
        v.emoji = p.emoji
    else:
        # rewording: copy the previous version and redraw one to three parts
        v.slots = dict(prev.slots)
        for slot in s.sample(("offer", "offer2", "cond", "close", "greet", "desc", "place"),
                             s.between(1, 3)):
            if slot == "offer2":
                if "offer2" in v.slots and s.bern(0.5):
                    del v.slots["offer2"]
                else:
                    o2 = s.pick(bank["offer"])
                    if o2 != v.slots.get("offer"):
                        v.slots["offer2"] = o2
            elif slot == "desc":
                c = _filter(bank["desc"], avail)
                if c:
                    v.slots["desc"] = s.pick(c)
            elif slot == "greet":
                g = s.pick(bank["greet"])
                if g:
                    v.slots["greet"] = g
                else:
                    v.slots.pop("greet", None)
            elif slot == "close":
                c = _filter(bank["close"], avail)
                if c:
                    v.slots["close"] = s.pick(c)
            else:
                new = s.pick(bank[slot])
                if slot != "offer" or new != v.slots.get("offer2"):
                    v.slots[slot] = new
        if s.bern(0.25):
            choices = _filter(bank["intro"], avail)
            if choices:
                v.slots["intro"] = s.pick(choices)
        for attr in ("title", "place_style", "title_place", "notation", "contact_tpl",
                     "nophone_tpl", "phone_fmt", "price_in", "avail_mode", "en", "en_slots",
                     "typos", "foreign", "emoji"):
            setattr(v, attr, getattr(prev, attr))
        # a version inherits what the previous one said about name and age, mostly
        if prev.name_in_text and s.bern(0.85):
            v.name_in_text = True
        v.age_in_text = prev.age_in_text if s.bern(0.8) else v.age_in_text
        v.origin_in_text = prev.origin_in_text if s.bern(0.85) else v.origin_in_text
        if not v.name_in_text and "{name}" in v.slots.get("intro", ""):
            v.name_in_text = True
        if s.bern(0.3):
            v.place_style = s.i(8)
        if s.bern(0.2):
            v.notation = s.i(4)
        if s.bern(0.15):
            v.avail_mode = s.i(len(p.avails) + 1)
        if s.bern(0.2):
            v.title = s.pick(_title_bank(p, s))
        v.age_delta = prev.age_delta
        v.weight_delta = prev.weight_delta
        if p.age_mode == "drift" and s.bern(0.5):
            v.age_delta = s.pick((-2, -1, 1, 1, 2))
        elif p.age_mode == "wild":
            v.age_delta = s.between(-3, 5)
        if s.bern(0.2):
            v.weight_delta = s.between(-3, 3)
    v.new_number = new_number
    v.prefix = s.pick(_TITLE_PREFIX) if s.bern(0.15) else ""
    if new_number and s.bern(0.3):
        v.prefix = "Nouveau numéro - "
    # which template placeholders the version needs (guarantees consistent rendering)
    if "{name}" in v.title or any("{name}" in t for t in v.slots.values()):
        v.name_in_text = True
    return v


def _network_member_versions(p: _Person, net: _Network, s: _Stream, times: list) -> None:
    """Members share the network's wording (V-A-4): one prototype per network epoch."""
    versions = []
    for k, _t in enumerate(times):
        proto = net.protos[k]
        v = _Version()
        for attr in _Version.__slots__:
            setattr(v, attr, getattr(proto, attr))
        v.slots = dict(proto.slots)
        if s.bern(0.25):  # the member's ad departs from the template on one part
            bank = _bank_for(p.gender, "en" if p.lang == "en" else "fr", p.voice3,
                             p.kind == "massage")
            slot = s.pick(("offer", "cond", "close"))
            v.slots[slot] = s.pick(bank[slot])
        v.age_delta = s.between(-3, 5) if p.age_mode == "wild" else 0
        v.weight_delta = 0
        v.foreign = p.foreign
        v.prefix = s.pick(_TITLE_PREFIX) if s.bern(0.15) else ""
        v.new_number = False
        versions.append(v)
    p.versions, p.version_times = versions, list(times)


def _prepare_person(p: _Person, net, days: int, s: _Stream) -> None:
    """Everything about how the person writes: language, voice, names, ages, pseudos."""
    ind = net is None
    p.lang = "fr"
    if ind:
        r = s.u()
        p.lang = "en" if r < 0.025 else ("bi" if r < 0.07 else "fr")
        p.voice3 = s.bern(0.02)
        p.typos = tuple(s.sample(_TYPOS, s.between(1, 4))) if s.bern(0.2) else ()
    else:
        p.lang = net.lang
        p.voice3 = net.voice3
        p.typos = net.typos
    p.foreign = ""
    if p.group in _FOREIGN and s.bern(0.25):
        p.foreign = s.pick(_FOREIGN[p.group])
    p.emoji = s.pick(_EMOJI) if s.bern(0.08) else ""
    # first name given in the text: never (15 %), sometimes, or almost always
    r = s.u()
    p.p_name = 0.0 if r < 0.15 else (0.5 if r < 0.4 else 0.92)
    if p.voice3:
        p.p_name = 0.95
    p.p_age_text = 0.1 if s.bern(0.5) else 0.45
    p.p_origin = 0.85 if (not ind or p.origin != "francaise") else 0.45
    r = s.u()
    p.age = _age_base(p.kind, p.gender, s)
    p.age_mode = "const" if r < 0.7 else ("drift" if r < 0.9 else "wild")
    if not ind and s.bern(0.3):
        p.age_mode = "wild"
    # second working name, on some sites or from some date
    p.alt_sites = ()
    p.alt_from = 1e9
    if s.bern(0.08 if ind else 0.25):
        if s.bern(0.5):
            p.alt_sites = tuple(range(len(SITES)))  # decided per site below
        else:
            a, b = p.intervals[0][0], p.intervals[-1][1]
            p.alt_from = a + s.u() * (b - a)
    if p.hair2 != p.hair:
        a, b = p.intervals[0][0], p.intervals[-1][1]
        p.hair2_from = a + s.u() * (b - a)
    # pseudo: first name alone (55 %), name with a suffix, a descriptive pseudo, or none
    r = s.u()
    p.pseudo_style = ("name" if r < 0.55 else "suffix" if r < 0.8 else
                      "desc" if r < 0.93 else "none")
    p.pseudo_from = 1e9
    if p.alt_from < 1e9 and s.bern(0.7):
        p.pseudo_from = p.alt_from  # the new working name comes with a new pseudo
    elif s.bern(0.1):
        a, b = p.intervals[0][0], p.intervals[-1][1]
        p.pseudo_from = a + s.u() * (b - a)
    # price and availability lines
    p.price = 0
    if s.bern(0.4):
        p.price = s.pick((100, 120, 150, 150, 180, 200, 250, 300)) if p.kind in ("ind", "agency") \
            else s.pick((80, 100, 100, 120, 150))
        p.price2 = p.price + s.pick((-30, -20, 20, 30, 50))
        a, b = p.intervals[0][0], p.intervals[-1][1]
        p.price_from = a + s.u() * (b - a) if s.bern(0.3) else 1e9
    else:
        p.price2, p.price_from = 0, 1e9
    base = list(s.sample(_AVAIL_FR, s.between(1, 3)))
    if net is not None and net.avail24:
        base = list(s.sample(_AVAIL_24, 1)) + base[:1]
    p.avails = tuple(base)
    p.text_fmt = _TEXT_FMT.draw(s)
    # incoherent second identity inside one ad (networks, V-A-4)
    names = _NAMES_M if p.gender == "m" else _NAMES_F
    p.name2 = s.pick(names.get(p.group, names["fr"]))
    p.age2 = p.age + s.pick((-6, -4, -3, 3, 4, 5, 7))
    if p.age2 < 19:  # never an age under 18, not even an incoherent one
        p.age2 = p.age + s.pick((3, 4, 5, 7))
    if net is not None:
        p.origin2 = _ORIGIN_PREFS[net.type].draw(s)
    else:
        p.origin2 = s.pick(tuple(_ORIGINS))
    if p.origin2 == p.origin:
        p.origin2 = "latine" if p.group != "latam" else "russe"
    # sites used
    key = p.kind if p.kind != "ind" else {"f": "ind_f", "t": "ind_t", "m": "ind_m"}[p.gender]
    prefs = _SITE_PREFS[key]
    items = sorted(prefs)
    k = 1 + sum(1 for _ in range(3) if s.bern(0.35))
    chosen = []
    cum = _cum([prefs[i] for i in items])
    for _ in range(12):
        if len(chosen) >= k:
            break
        c = s.wpick(items, cum)
        if c not in chosen:
            chosen.append(c)
    chosen.sort()
    weights = [prefs[c] * _lognormal(s, 1.0, 0.6) for c in chosen]
    p.sites = chosen
    p.site_cum = _cum(weights)
    p.republish = s.bern(0.5)
    p.profiles = {}


def _version_timeline(p: _Person, net, s: _Stream) -> None:
    if net is not None:
        _network_member_versions(p, net, s, net.proto_times)
        return
    a, b = p.intervals[0][0], p.intervals[-1][1]
    n = min(12, s.poisson((b - a) / 45.0))
    times = [a + s.u() * (b - a) for _ in range(n)]
    if p.tour:
        times += [va for va, _ in p.intervals[1:] if s.bern(0.6)]
    marks = [(t, False) for t in times]
    # a new wording often comes with a new number; otherwise the text keeps the old number
    marks += [(t, True) for t in p.phone_times[1:] if s.bern(0.7)]
    marks.sort()
    versions = [_new_version(p, s, None, None, False)]
    vtimes = [0.0]
    for t, new_number in marks:
        versions.append(_new_version(p, s, versions[-1], None, new_number))
        vtimes.append(t)
    p.versions, p.version_times = versions, vtimes


def _network_protos(net: _Network, persons: list, s: _Stream) -> None:
    lead = persons[net.members[0]]
    n = min(8, s.poisson((net.b - net.a) / 60.0))
    times = sorted(net.a + s.u() * (net.b - net.a) for _ in range(n))
    protos = [_new_version(lead, s, None, net, False)]
    protos[0].name_in_text = True
    for _ in times:
        protos.append(_new_version(lead, s, protos[-1], net, False))
    net.protos = protos
    net.proto_times = [0.0] + times


def _profile(p: _Person, site_idx: int, s: _Stream, net) -> dict:
    """What a person's account on one site looks like (pseudo, age shown, place style...)."""
    prof = p.profiles.get(site_idx)
    if prof is not None:
        return prof
    site = SITES[site_idx]
    prof = {}
    uses_alt = bool(p.alt_sites) and s.bern(0.4)
    prof["alt"] = uses_alt
    prof["pseudos"] = (_pseudo(p, p.alt_name if uses_alt else p.name_var, site, s, net),
                       _pseudo(p, p.alt_name, site, s, net, changed=True))
    prof["age_on"] = s.bern(site.age)
    offset = 0
    if p.age_mode == "drift":
        offset = s.pick((-2, -1, 0, 0, 1, 2))
    elif p.age_mode == "wild":
        offset = s.between(-4, 4)
    prof["age_off"] = offset
    prof["age_fmt"] = site.age_fmt if s.bern(0.9) else s.pick(("{a}", "{a} ans", "{a}ans"))
    prof["style"] = _PLACE_STYLES[site.styles].draw(s)
    prof["fiche"] = s.bern(site.fiche)
    prof["fiche_style"] = s.i(3)
    prof["short"] = s.bern(site.short)
    has_field = s.bern(site.phone)
    if p.contact == "none" or not p.phones:
        prof["field"], prof["text"] = False, False
    elif p.contact == "field":
        prof["field"] = has_field
        prof["text"] = (not has_field and s.bern(0.6)) or s.bern(0.05)
    elif p.contact == "both":
        prof["field"], prof["text"] = has_field, True
    else:  # text only
        prof["field"], prof["text"] = False, True
    prof["collector_fmt"] = _FIELD_FMT.draw(s)
    prof["places"] = {}
    p.profiles[site_idx] = prof
    return prof


def _pseudo(p: _Person, name: str, site: _Site, s: _Stream, net, changed: bool = False) -> str:
    if site.pseudo < 1.0 and not s.bern(site.pseudo):
        return ""
    if net is not None and net.account and s.bern(0.5):
        return net.account  # one account, several persons (V-A-4)
    style = p.pseudo_style
    if changed:
        style = s.pick(("name", "suffix", "desc"))
    elif s.bern(0.3):
        style = s.pick(("name", "suffix", "desc", "name"))
    if net is not None and style != "none" and s.bern(0.5):
        return net.pseudo_tpl.format(name=name)
    if style == "none":
        return ""
    if style == "name":
        r = s.u()
        return name if r < 0.8 else (name.upper() if r < 0.9 else name.lower())
    if style == "suffix":
        arr = p.locs[0][1] if p.locs[0][0] == "a" else 75
        return s.pick((f"{name}{s.pick(('75', str(arr), str(p.age), '06', '2017'))}",
                       f"{name}_Paris", f"{name} Paris", f"{name} Paris {arr}", f"Belle {name}",
                       f"Sweet {name}", f"Douce {name}", f"Miss {name}", f"{name} VIP",
                       f"{name.lower()}{s.between(1, 99)}") +
                      ((f"Trans {name}",) if p.gender == "t" else ()) +
                      ((f"{name} Massage",) if p.kind == "massage" else ()))
    hair = _HAIR[p.hair][0 if p.gender != "m" else 1]
    origin = _ORIGINS[p.origin][0 if p.gender != "m" else 1]
    if p.gender == "m":
        return s.pick(("MecSportif75", f"Masseur_{origin.capitalize()}", "JH_Discret",
                       f"{hair.capitalize()}Paris"))
    return s.pick((f"Jolie{hair.capitalize()}75", f"Belle_{_plain(origin).capitalize()}",
                   f"Douceur_{_plain(origin).capitalize()}", f"{hair.capitalize()}_Paris",
                   "PerleRare", "Douceur75", f"Beauté {origin}", f"Sublime{hair.capitalize()}"))


# ==============================================================================================
# Rendering one ad
# ==============================================================================================
@lru_cache(maxsize=4096)
def _dates_phrase(a: int, b: int, en: bool) -> str:
    d1 = COLLECTION_START + _dt.timedelta(days=a)
    d2 = COLLECTION_START + _dt.timedelta(days=b)
    if en:
        if d1.month == d2.month:
            return f"from {d1.day} to {d2.day} {_MONTHS_EN[d2.month - 1]}"
        return f"from {d1.day} {_MONTHS_EN[d1.month - 1]} to {d2.day} {_MONTHS_EN[d2.month - 1]}"
    if d1.month == d2.month:
        return f"du {d1.day} au {d2.day} {_MONTHS[d2.month - 1]}"
    return f"du {d1.day} {_MONTHS[d1.month - 1]} au {d2.day} {_MONTHS[d2.month - 1]}"


def _fiche(p: _Person, ctx: dict, age, style: int) -> str:
    parts = []
    if age is not None:
        parts.append(f"Âge : {age} ans")
    parts.append(f"Taille : {ctx['height']}")
    parts.append(f"Poids : {ctx['weight']}")
    parts.append(f"Cheveux : {ctx['hair_fiche']}")
    parts.append(f"Yeux : {ctx['eyes']}")
    if p.gender != "m":
        parts.append(f"Mensurations : {p.band}-{60 + (p.weight - 55) // 2}-{p.band}")
        parts.append(f"Poitrine : {p.band}{p.cup}")
    parts.append(f"Origine : {ctx['origin_fiche']}")
    sep = (" | ", " / ", " - ")[style]
    return sep.join(parts)


def _at(times: list, t: float) -> int:
    return max(0, bisect_right(times, t) - 1)


def _render(p: _Person, net, site_idx: int, t: float, s: _Stream) -> tuple:
    """title, text, phone field, pseudo, age cell, place field of one ad at time t."""
    site = SITES[site_idx]
    prof = _profile(p, site_idx, s, net)
    v = p.versions[_at(p.version_times, t)]
    incoh = net is not None and s.bern(net.p_incoh)
    loc = p.locs[_at(p.loc_times, t)]
    gender_idx = 1 if p.gender == "m" else 0
    hair_key = p.hair2 if t >= p.hair2_from else p.hair
    hair = _HAIR[hair_key]
    o = _ORIGINS[p.origin]
    build = (_BUILD_M if p.gender == "m" else _BUILD_F)[p.build]
    build_en = (_BUILD_M_EN if p.gender == "m" else _BUILD_F_EN)[p.build]
    name = p.alt_name if (prof["alt"] or t >= p.alt_from) else p.name_var
    age = p.age + v.age_delta + prof["age_off"]
    age = min(max(age, 18), 60)
    weight = p.weight + v.weight_delta
    note = v.notation
    ctx = {
        "name": name, "age": age, "origin": o[gender_idx], "origin_en": o[2],
        "hair": hair[gender_idx], "Hair": hair[gender_idx].capitalize(), "hair_en": hair[3],
        "hair_fiche": hair[2], "eyes": p.eyes, "eyes_en": _EYES[p.eyes],
        "height": _fmt_height(p.height, note), "weight": _fmt_weight(weight, note),
        "height_en": f"{p.height} cm", "weight_en": f"{weight} kg",
        "bust": _fmt_bust(p.band, p.cup, note) if p.cup else "", "build": build,
        "build_en": build_en, "tplace": _text_place(loc, v.place_style),
        "tplace_en": _text_place_en(loc), "tshort": _title_place(loc, v.title_place),
        "site_short": site.domain.split(".")[0], "lang2": _LANGS_EN.get(p.group, "French"),
        "origin_fiche": o[gender_idx].capitalize(),
        "name2": p.name2, "age2": p.age2, "origin2": _ORIGINS[p.origin2][gender_idx],
    }
    if p.tour:
        k = _at([a for a, _b in p.visit_dates], t)
        va, vb = p.visit_dates[k]
        ctx["dates"] = _dates_phrase(int(va), int(vb), False)
        ctx["dates_en"] = _dates_phrase(int(va), int(vb), True)
    else:
        ctx["dates"] = ctx["dates_en"] = ""
    # phones: the field shows the current number; the text keeps the number of its wording
    phone_field = ""
    phone_text = ""
    if p.phones:
        num_now = p.phones[_at(p.phone_times, t)]
        if net is not None:
            num_text = num_now  # networks update all their ads at once
        else:
            # the text keeps the number it was written with until it is reworded
            num_text = p.phones[_at(p.phone_times, p.version_times[_at(p.version_times, t)])]
        if prof["field"]:
            fmt = site.display_fmt if s.bern(0.5) else prof["collector_fmt"]
            phone_field = format_phone(num_now, fmt)
            if s.bern(0.003):
                phone_field = _copy_error(phone_field, s)
        if prof["text"]:
            phone_text = format_phone(num_text, v.phone_fmt)
    price = p.price2 if t >= p.price_from else p.price
    # body
    parts = []
    lower_next = False
    slots = v.slots
    short = prof["short"]
    en_only = p.lang == "en"
    for slot in _SLOT_ORDER:
        if short and slot not in ("intro", "offer", "place", "contact", "tour"):
            continue
        if slot == "contact":
            if phone_text:
                if v.new_number and not en_only:
                    tpl = _NEW_NUMBER[v.contact_tpl % len(_NEW_NUMBER)]
                elif en_only:
                    tpl = _CONTACT_EN[v.contact_tpl % len(_CONTACT_EN)]
                elif p.voice3:
                    tpl = _CONTACT_FR_3[v.contact_tpl % len(_CONTACT_FR_3)]
                else:
                    tpl = _CONTACT_FR[v.contact_tpl % len(_CONTACT_FR)]
                parts.append(tpl.replace("{phone}", phone_text).replace("{name}", name))
            elif site.cat == "dating" or p.contact == "none":
                parts.append(v.nophone_tpl)
            continue
        if slot == "price":
            if v.price_in and price:
                tpl = (_PRICE_T_EN if en_only else _PRICE_T)[v.notation % (2 if en_only else 6)]
                parts.append(tpl.format(p30=int(price * 0.65) // 10 * 10, p60=price))
            continue
        if slot == "avail":
            if v.avail_mode < len(p.avails):
                line = p.avails[v.avail_mode]
                if en_only:
                    line = _AVAIL_EN[0] if line in _AVAIL_24 else _AVAIL_EN[1 + v.avail_mode % 2]
                parts.append(line)
            continue
        tpl = slots.get(slot)
        if tpl:
            part = tpl.format_map(ctx)
            if lower_next and not part.startswith(name):
                part = part[0].lower() + part[1:]
            lower_next = slot == "greet" and part.endswith(",") and v.notation < 2
            parts.append(part)
            if slot == "intro" and incoh:
                parts.append(s.pick(_INCOH).format_map(ctx))
    if p.tour and not slots.get("tour") and ctx["dates"] and not en_only:
        parts.insert(1, f"De passage à Paris {ctx['dates']}.")
    text = " ".join(parts)
    if v.en and v.en_slots:
        en_parts = [v.en_slots[k].format_map(ctx) for k in ("intro", "tour", "offer", "place")
                    if k in v.en_slots]
        if phone_text:
            en_parts.append(f"Call {phone_text}")
        text = text + s.pick((" *** ENGLISH: ", " / ", " --- ", " | EN: ")) + " ".join(en_parts)
    if v.foreign:
        text = v.foreign.format_map(ctx) + " " + text
    if prof["fiche"] and not short:
        fiche = _fiche(p, ctx, age if prof["age_on"] or s.bern(0.3) else None,
                       prof["fiche_style"])
        text = fiche + " " + text if prof["fiche_style"] == 0 else text + " " + fiche
    for a, b in v.typos:
        text = text.replace(a, b)
    if v.emoji:
        text = text + " " + v.emoji
    title = v.title.format_map(ctx)
    if incoh and s.bern(0.4):
        title = title + f" {p.age2} ans"
    if v.prefix:
        title = v.prefix + title
    if v.emoji and s.bern(0.5):
        title = title + " " + v.emoji
    # pseudo, age cell, place
    pseudo = prof["pseudos"][1 if t >= p.pseudo_from else 0]
    age_cell = prof["age_fmt"].format(a=age) if prof["age_on"] else ""
    # the place field: mostly what the account typed before for this place, sometimes retyped
    places = prof["places"]
    place = places.get(loc)
    if place is None or s.bern(0.2):
        place = _place_field(loc, prof["style"] if s.bern(0.75) else
                             _PLACE_STYLES[site.styles].draw(s), s)
        places[loc] = place
    return title, text, phone_field, pseudo, age_cell, place


# ==============================================================================================
# The world
# ==============================================================================================
def _posting_blocks(p: _Person, s: _Stream) -> list:
    """Split the person's ads into postings; mirror sites and a republisher copy some."""
    blocks = []
    remaining = p.n_ads
    while remaining > 0:
        site = s.wpick(p.sites, p.site_cum)
        if site == _MIRROR_KEY:
            # the same content on the family of dating sites (II-B: 17 ads on 11 sites)
            k = len(_MIRROR) if s.bern(0.65) else s.between(2, len(_MIRROR) - 1)
            k = min(k, remaining)
            blocks.append(s.sample(_MIRROR, k))
            remaining -= k
        elif site == _REPUBLISHED and p.republish and remaining >= 2 and s.bern(0.5):
            blocks.append([site, _REPUBLISHER])
            remaining -= 2
        else:
            blocks.append([site])
            remaining -= 1
    return blocks


def _posting_times(p: _Person, m: int, s: _Stream) -> list:
    lengths = [b - a for a, b in p.intervals]
    total = sum(lengths)
    cum = _cum(lengths)
    out = []
    for _ in range(m):
        x = s.u() * total
        k = min(bisect_right(cum, x), len(lengths) - 1)
        a, b = p.intervals[k]
        out.append(a + s.u() * (b - a))
    out.sort()
    return out


def seventeenth_world(n_ads: int, seed: int = DEFAULT_SEED) -> tuple[pd.DataFrame, pd.DataFrame]:
    """The collection sheet and the truth of ``n_ads`` synthetic ads for Paris (SYNTHETIC).

    Sheet columns: id_annonce, site, date_collecte, commune_declaree, titre, texte, telephone,
    pseudo, age_declare (all text, empty string when absent). Truth columns: id_annonce,
    id_personne, id_reseau (empty when the person is not in a network).
    """
    n_ads = int(n_ads)
    if n_ads < 0:
        raise ValueError("n_ads must be >= 0")
    if n_ads == 0:
        return (pd.DataFrame({c: pd.Series([], dtype=str) for c in SHEET_COLUMNS}),
                pd.DataFrame({c: pd.Series([], dtype=str) for c in TRUTH_COLUMNS}))
    persons, nets, days, _book, s, vec_rng = _population(n_ads, seed)
    for p in persons:
        _prepare_person(p, nets[p.net] if p.net >= 0 else None, days, s)
    for net in nets:
        _network_protos(net, persons, s)
    for p in persons:
        _version_timeline(p, nets[p.net] if p.net >= 0 else None, s)

    day_str = [(COLLECTION_START + _dt.timedelta(days=d)).isoformat() for d in range(days)]
    site_col, day_col, place_col, title_col, text_col = [], [], [], [], []
    phone_col, pseudo_col, age_col, person_col = [], [], [], []
    last_day = days - 1
    for p in persons:
        net = nets[p.net] if p.net >= 0 else None
        blocks = _posting_blocks(p, s)
        times = _posting_times(p, len(blocks), s)
        for block, t in zip(blocks, times):
            day = min(int(t), last_day)
            ad = _render(p, net, block[0], t, s)
            for j, site_idx in enumerate(block):
                if j == 0:
                    content, d = ad, day
                elif site_idx == _REPUBLISHER:
                    # the republisher copies late and may show an older state of the ad
                    lag = s.u() * 15.0 if s.bern(0.35) else 0.0
                    content = _render(p, net, _REPUBLISHED, max(0.0, t - lag), s)
                    d = min(day + s.between(0, 4), last_day)
                else:
                    content = ad
                    r = s.u()
                    d = min(day + (0 if r < 0.6 else (1 if r < 0.9 else 2)), last_day)
                title, text, phone, pseudo, age_cell, place = content
                site_col.append(site_idx)
                day_col.append(d)
                place_col.append(place)
                title_col.append(title)
                text_col.append(text)
                phone_col.append(phone)
                pseudo_col.append(pseudo)
                age_col.append(age_cell)
                person_col.append(p.idx)

    n = len(site_col)
    assert n == n_ads, (n, n_ads)
    site_arr = np.asarray(site_col, dtype=np.int64)
    day_arr = np.asarray(day_col, dtype=np.int64)
    order = np.lexsort((vec_rng.random(n), site_arr, day_arr))
    # person and network identifiers in an order that says nothing about the ads
    P = len(persons)
    person_perm = vec_rng.permutation(P)
    width_p = max(5, len(str(P)))
    person_ids = [f"P75-{k + 1:0{width_p}d}" for k in person_perm.tolist()]
    net_perm = vec_rng.permutation(len(nets)) if nets else np.zeros(0, int)
    net_ids = [f"R75-{k + 1:03d}" for k in net_perm.tolist()]
    person_net = [net_ids[p.net] if p.net >= 0 else "" for p in persons]
    width = max(7, len(str(n)))
    ids = [f"A75-{k + 1:0{width}d}" for k in range(n)]
    ord_list = order.tolist()
    domains = [site.domain for site in SITES]

    def take(col):
        return [col[k] for k in ord_list]

    pers = take(person_col)
    sheet = pd.DataFrame({
        "id_annonce": ids,
        "site": [domains[site_col[k]] for k in ord_list],
        "date_collecte": [day_str[day_col[k]] for k in ord_list],
        "commune_declaree": take(place_col),
        "titre": take(title_col),
        "texte": take(text_col),
        "telephone": take(phone_col),
        "pseudo": take(pseudo_col),
        "age_declare": take(age_col),
    }, columns=list(SHEET_COLUMNS))
    truth = pd.DataFrame({
        "id_annonce": ids,
        "id_personne": [person_ids[k] for k in pers],
        "id_reseau": [person_net[k] for k in pers],
    }, columns=list(TRUTH_COLUMNS))
    return sheet, truth


def write_seventeenth_world(n_ads: int, folder) -> None:
    """Writes ``folder/annonces-SYNTHETIQUE.csv`` (sheet) and ``folder/verite/...`` (truth)."""
    folder = Path(folder)
    sheet, truth = seventeenth_world(n_ads)
    (folder / "verite").mkdir(parents=True, exist_ok=True)
    sheet.to_csv(folder / "annonces-SYNTHETIQUE.csv", index=False, encoding="utf-8",
                 lineterminator="\n")
    truth.to_csv(folder / "verite" / "annonces-SYNTHETIQUE.csv", index=False, encoding="utf-8",
                 lineterminator="\n")
