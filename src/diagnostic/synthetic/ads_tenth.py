"""A tenth synthetic world of online ads, in the Hérault (34), written blind.

The collection sheet of an Internet diagnostic (the ads as a collector copies them) and its
truth (which human each ad presents, which network or pimp organises it), to judge a linkage
of ads to persons on data it was never tuned on. Everything is fiction except the communes
and their postcodes: names, pseudonyms, sites (``.example``), texts; phone numbers only in the
ranges the regulator (ARCEP) reserves for fiction.

Data sheet
==========

Taken from the report (Amicale du Nid, *Diagnostic de la prostitution dans le Pas-de-Calais*, 2020)
---------------------------------------------------------------------------------------------------
- 699 ads for 273 persons, « taux de doublons de l'ordre de 61 % » (II-B): the world has exactly
  273 persons at 699 ads.
- The collection window, 20 September - 5 December 2018, 77 days (I-B-1).
- Three kinds of sites, in the proportions of the II-B table: specialised « escorting » sites
  (58 % of the ads, two large directories taking most of them), general classified ads (15 %),
  dating sites (27 %), these last made of one site whose content is copied by a family of
  « sites reprenant les mêmes contenus »; one site of « massages » (annexe 5). The mirrors copy
  an ad whole but render it their own way (a commune field, lost or garbled accents, a text cut
  short), as scraped copies do.
- Persons presented: 84 % women, 7 % men, 9 % transgender persons (IV-A-1, Internet).
- Declared ages: a mean of about 30, and no age for 53 % of the ads (IV-A-2); ages are
  declared, sometimes inconsistent between ads of one person (V-A-4).
- Origin or nationality stated for about 58 % of persons, a fifth of them French; the countries
  and categories of the ads (IV-A-3 and II-B: « latine », « méditerranéenne »...).
- « De passage » in about 18 % of the ads (III-D): sex tours of networks across the
  département's cities, planned stays of a few days (III-B-1, annexe 5), and the marketing
  claim of it.
- Networks in about 38 % of the ads (V-A-4), of three orders (V-A-1, V-A-2): international
  networks touring (Eastern Europe, Latin America - where the transgender persons are - ,
  Asia), escort agencies, and local pimps (a partner, a « petit ami »). The « faisceau
  d'indices » of V-A-4 is what their ads show: one wording for several persons (same words,
  same spelling mistakes, other first names, ages, descriptions), one pseudo or account for
  several persons, one number or numbers differing only in their last two digits, the third
  person, English and other languages, inconsistent descriptions, « de passage »,
  « 24h/24 ».
- Ad wording (II-B extracts): the euphemisms (« moment », « détente », « compagnie »), the
  conditions (« pas de numéros masqués ni de SMS », « photos 100 % réelles »), « appartement
  climatisé », « je peux me déplacer », a young man addressing men, « qui prend soin de
  moi ». The extracts themselves are not copied.

Decided, not in the report
--------------------------
- Geography of the Hérault: about 45 % of the residents' ads in Montpellier, then Béziers, Sète,
  Agde and the Cap d'Agde, Lunel, the metropolis' suburbs and the coast, and a tail of some forty
  communes (``COMMUNES``; names and INSEE codes from the shared geographic data, postcodes
  those of La Poste, written from knowledge since that data has none). Tours stop mostly in
  Montpellier, Béziers and Sète, and on the coast in summer (windows longer than 77 days meet
  summers). Sites with a list of cities offer only the main ones: a
  person in Jacou is « Montpellier » there.
- Communes as written: the official name, lower or upper case, without hyphens or accents, with
  « (34) » or the postcode, the postcode alone, « centre », a neighbourhood alone (« Antigone »,
  « Carnon »), « près de », an abbreviation or a misspelling, the département only, or nothing.
  Each person has a habit; each site a commune field (free text, a list, a postcode).
- Networks: 30 % of the persons, so that their ads are 35-38 % of the sheet: international tours
  (about 56 % of network persons), massage salons (8 %), local pimps of one to three persons
  (36 %). A network shares one template in 85 % of cases (local pimps 40 %), with its own
  spelling mistakes and habits; writes in the third person in 60 % (agencies 80 %; independent
  persons 3 %); posts from one account in 55 % (salons always, local pimps 30 %); gives its
  persons one switchboard number renewed about every 180 days (35 %), numbers of one batch that
  differ only in their last two digits (30 %), or a number each, handed on to a newcomer when a
  person leaves (35 %); salons always one number, local pimps half the time. House names
  (« Bella », « Kiara »...) are given to several persons of a network, and common first names
  meet across unrelated persons.
- Languages: French mostly; English, French with English or Spanish after it, Spanish,
  Portuguese, Italian for networks and a few foreign independent persons: about 11 % of the ads.
- Change of number about once per 400 days of presence for a person with her own number, at a
  new tour visit for 40 % of touring persons; change of name about once per 250 days, or at a
  new visit (25 %); an alias on some sites; the pseudo left empty on 5 % of the ads, absent from
  one classified site. At 699 ads 7 % of the persons show two numbers or more, at 100 000 ads
  37 %.
- Texts rewritten about every 60 days by an independent person, every 90 days for a network
  person writing her own, every 150 days for a network template; a rewrite keeps about half
  the sentences. The number is written in the text of about a third of the ads, in the person's
  own format, and is the only number of about 20 % of them; typing mistakes in 1.5 % of the
  written numbers (a digit of the last four changed, swapped or dropped: the number stays in the
  fiction range and may be another person's).
- Ads without any number: about 8 % at 699 ads, 11 % at a million (dating sites and their
  mirrors, masked numbers, agency sheets « réservation via le site »).
- Declared ages are 18 or more (the sites refuse minors, IV-A-2) and grow by one a year.
- One ad presents one person (no duo ads). No number is recycled between unrelated persons.
- Phone numbers: the six fiction ranges (60 000 numbers) stand for all French numbers; the
  mobile range is drawn four times as often and the 04 range twice as often as the others.

Growth law (decided)
--------------------
Persons grow like a vocabulary (Heaps' law) with the number of ads:
``persons = round(273 * (n / 699) ** 0.6)`` (never more than ``n``), and the collection window
lengthens with it, ``days = round(77 * (n / 699) ** 0.35)`` from 20 September 2018: a larger
sheet is a longer collection, in which persons stay, come back, tour and repost. Nobody has more
than eight times the mean number of ads per person (``MAX_ADS_FACTOR``).

=============  =========  ==============  ===============  ========================
ads            persons    ads per person  window (days)    cap of ads per person
=============  =========  ==============  ===============  ========================
699            273        2.6             77               21
2 000          513        3.9             111              32
100 000        5 364      18.6            437              150
1 000 000      21 354     46.8            979              375
=============  =========  ==============  ===============  ========================

At a million ads 35 800 fiction numbers appear (39 400 taken, counting the unused rest of the
networks' batches) of the 60 000; somewhere between 1.5 and 2 million ads the ranges run out and
``tenth_world`` raises ``RuntimeError`` rather than reuse a number.
"""

from __future__ import annotations

import bisect
import itertools
import math
import random
import string
import unicodedata
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path

import numpy as np
import pandas as pd

DEPARTEMENT = "34"

REPORT_ADS = 699
REPORT_PERSONS = 273
PERSONS_EXPONENT = 0.6
REPORT_WINDOW_DAYS = 77
WINDOW_EXPONENT = 0.35
COLLECTION_START = date(2018, 9, 20)

SHEET_COLUMNS = ("id_annonce", "site", "date_collecte", "commune_declaree", "titre", "texte",
                 "telephone", "pseudo", "age_declare")
TRUTH_COLUMNS = ("id_annonce", "id_personne", "id_reseau")
FILE_NAME = "annonces-SYNTHETIQUE.csv"

# ARCEP's ranges for fiction: the first six digits; the last four are free (10 000 numbers each).
FICTION_PREFIXES = ("019900", "026191", "035301", "046571", "053649", "063998")
_PREFIX_WEIGHTS = (1.0, 1.0, 1.0, 2.0, 1.0, 4.0)
_RANGE_SIZE = 10_000
_BATCH_SIZE = 20  # a network's batch of consecutive numbers: only the last two digits vary


def persons_for_ads(n_ads: int) -> int:
    """Number of persons the world presents in ``n_ads`` ads (the growth law)."""
    return min(n_ads, round(REPORT_PERSONS * (n_ads / REPORT_ADS) ** PERSONS_EXPONENT))


def collection_days(n_ads: int) -> int:
    """Length of the collection window, in days, for ``n_ads`` ads."""
    return max(7, round(REPORT_WINDOW_DAYS * (n_ads / REPORT_ADS) ** WINDOW_EXPONENT))


# --------------------------------------------------------------------------------------------
# Communes
# --------------------------------------------------------------------------------------------

@dataclass(frozen=True)
class Commune:
    """A real commune of the Hérault and the ways the ads name it.

    ``weight``: share of the ads of persons living there; ``tour``: weight as a tour stop;
    ``coastal``: its tour weight is multiplied in summer; ``agglo``: the city a site's list offers
    for it; ``places``: neighbourhoods or localities the ads name alone; ``typos``: spellings met.
    """

    name: str
    insee: str
    postcodes: tuple[str, ...]
    weight: float
    tour: float = 0.0
    coastal: bool = False
    agglo: str = ""
    places: tuple[str, ...] = ()
    typos: tuple[str, ...] = ()


COMMUNES: tuple[Commune, ...] = (
    Commune("Montpellier", "34172", ("34000", "34070", "34080", "34090"), 45.0, 45.0,
            places=("Antigone", "Écusson", "Comédie", "Port Marianne", "Odysseum", "Gare Saint-Roch",
                    "Beaux-Arts", "Boutonnet", "Figuerolles", "Près d'Arènes", "Croix d'Argent",
                    "Hôpitaux-Facultés", "Mosson", "Celleneuve", "Estanove"),
            typos=("Montpelier", "Montpellié", "Mtp", "Montp", "MTP")),
    Commune("Béziers", "34032", ("34500",), 12.0, 15.0,
            places=("Allées Paul-Riquet", "La Devèze", "Béziers centre"), typos=("Bezier", "Béziér")),
    Commune("Sète", "34301", ("34200",), 6.0, 8.0, True,
            places=("Mont Saint-Clair", "Corniche de Sète", "Quartier Haut"), typos=("Sette", "Séte")),
    Commune("Agde", "34003", ("34300",), 4.0, 6.0, True,
            places=("Cap d'Agde", "Le Cap d'Agde", "Grau d'Agde"), typos=("Adge", "Cap dagde")),
    Commune("Lunel", "34145", ("34400",), 3.0, 4.0, typos=("Lunnel",)),
    Commune("Castelnau-le-Lez", "34057", ("34170",), 2.5, 2.0, agglo="Montpellier",
            typos=("Castelnau", "Castelnau le lez")),
    Commune("Lattes", "34129", ("34970",), 2.0, 2.0, agglo="Montpellier", places=("Boirargues", "Maurin")),
    Commune("Mauguio", "34154", ("34130", "34280"), 1.6, 2.0, True, agglo="Montpellier",
            places=("Carnon", "Carnon-Plage")),
    Commune("Frontignan", "34108", ("34110",), 1.4, 1.0, True, agglo="Sète", places=("Frontignan-Plage",),
            typos=("Frontigan",)),
    Commune("Palavas-les-Flots", "34192", ("34250",), 1.2, 2.0, True, agglo="Montpellier",
            typos=("Palavas",)),
    Commune("La Grande-Motte", "34344", ("34280",), 1.2, 2.0, True, agglo="Montpellier",
            typos=("Grande Motte", "La grande motte")),
    Commune("Pérols", "34198", ("34470",), 1.0, 1.5, agglo="Montpellier"),
    Commune("Saint-Jean-de-Védas", "34270", ("34430",), 1.0, 1.5, agglo="Montpellier",
            typos=("St Jean de Vedas", "St-Jean-de-Védas")),
    Commune("Juvignac", "34123", ("34990",), 0.8, 0.5, agglo="Montpellier"),
    Commune("Pézenas", "34199", ("34120",), 1.0, 1.0, agglo="Béziers"),
    Commune("Clermont-l'Hérault", "34079", ("34800",), 0.8, 0.0, agglo="Montpellier",
            typos=("Clermont l'Herault", "Clermont")),
    Commune("Lodève", "34142", ("34700",), 0.6),
    Commune("Bédarieux", "34028", ("34600",), 0.5, agglo="Béziers"),
    Commune("Mèze", "34157", ("34140",), 0.7, 0.5, True, agglo="Sète"),
    Commune("Sérignan", "34299", ("34410",), 0.5, 0.5, True, agglo="Béziers"),
    Commune("Valras-Plage", "34324", ("34350",), 0.6, 1.0, True, agglo="Béziers", typos=("Valras",)),
    Commune("Marseillan", "34150", ("34340",), 0.6, 0.5, True, agglo="Agde", places=("Marseillan-Plage",)),
    Commune("Vias", "34332", ("34450",), 0.4, 0.3, True, agglo="Agde", places=("Vias-Plage",)),
    Commune("Balaruc-les-Bains", "34023", ("34540",), 0.5, 0.3, agglo="Sète", typos=("Balaruc",)),
    Commune("Gignac", "34114", ("34150",), 0.4, agglo="Montpellier"),
    Commune("Ganges", "34111", ("34190",), 0.3),
    Commune("Saint-Gély-du-Fesc", "34255", ("34980",), 0.4, agglo="Montpellier",
            typos=("St Gely du Fesc",)),
    Commune("Le Crès", "34090", ("34920",), 0.4, agglo="Montpellier"),
    Commune("Villeneuve-lès-Maguelone", "34337", ("34750",), 0.3, agglo="Montpellier",
            typos=("Villeneuve les Maguelone",)),
    Commune("Lamalou-les-Bains", "34126", ("34240",), 0.2, agglo="Béziers"),
    Commune("Saint-Pons-de-Thomières", "34284", ("34220",), 0.1, typos=("St Pons",)),
    Commune("Capestang", "34052", ("34310",), 0.2, agglo="Béziers"),
    Commune("Servian", "34300", ("34290",), 0.2, agglo="Béziers"),
    Commune("Florensac", "34101", ("34510",), 0.2, agglo="Agde"),
    Commune("Marsillargues", "34151", ("34590",), 0.2, agglo="Lunel"),
    Commune("Castries", "34058", ("34160",), 0.3, agglo="Montpellier"),
    Commune("Baillargues", "34022", ("34670",), 0.3, agglo="Montpellier"),
    Commune("Fabrègues", "34095", ("34690",), 0.3, agglo="Montpellier"),
    Commune("Grabels", "34116", ("34790",), 0.3, agglo="Montpellier"),
    Commune("Jacou", "34120", ("34830",), 0.3, agglo="Montpellier"),
    Commune("Villeneuve-lès-Béziers", "34336", ("34420",), 0.3, agglo="Béziers"),
    Commune("Sauvian", "34298", ("34410",), 0.2, agglo="Béziers"),
    Commune("Poussan", "34213", ("34560",), 0.2, agglo="Sète"),
    Commune("Saint-André-de-Sangonis", "34239", ("34725",), 0.2, agglo="Montpellier"),
    Commune("Saint-Chinian", "34245", ("34360",), 0.1, agglo="Béziers"),
)
"""Communes the ads declare, under their official names (the INSEE's file puts an article apart:
« Grande-Motte », « Crès ») and postcodes."""

_OTHER_CITIES = ("Nîmes", "Perpignan", "Toulouse", "Marseille", "Avignon", "Narbonne", "Barcelone", "Lyon")


def _strip_accents(text: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFD", text) if not unicodedata.combining(c))


def _commune_index(name: str) -> int:
    return next(i for i, c in enumerate(COMMUNES) if c.name == name)


_AGGLO_INDEX = tuple(_commune_index(c.agglo) if c.agglo else i for i, c in enumerate(COMMUNES))


def _in_summer(day_date: date) -> bool:
    return (6, 15) <= (day_date.month, day_date.day) <= (9, 15)


class _CommuneWriter:
    """How an advertiser or a site writes a commune in the ``commune_declaree`` field."""

    # families of spellings of a free field, and their weights
    FAMILIES = ("officiel", "minuscules", "majuscules", "sans_tirets", "departement_entre",
                "code_postal", "centre", "quartier", "pres_de", "faute", "code_seul",
                "departement_seul", "vide")
    WEIGHTS = (30, 10, 4, 8, 8, 6, 5, 6, 4, 4, 3, 3, 9)

    def __init__(self, rnd: random.Random):
        self.rnd = rnd

    def free(self, commune_idx: int, habit: str) -> str:
        """A free field: the person's habit six times in ten, else any spelling."""
        rnd = self.rnd
        family = habit if rnd.random() < 0.6 else rnd.choices(self.FAMILIES, self.WEIGHTS)[0]
        c = COMMUNES[commune_idx]
        name = c.name
        if family == "officiel":
            return name
        if family == "minuscules":
            return name.lower()
        if family == "majuscules":
            return name.upper()
        if family == "sans_tirets":
            return _strip_accents(name).replace("-", " ")
        if family == "departement_entre":
            return rnd.choice((f"{name} (34)", f"{name} 34", f"{name} - 34", f"{name} (Hérault)"))
        if family == "code_postal":
            code = rnd.choice(c.postcodes)
            return rnd.choice((f"{name} {code}", f"{code} {name}", f"{code} - {name.upper()}"))
        if family == "centre":
            return rnd.choice((f"{name} centre", f"{name} centre-ville", f"centre ville {name.lower()}"))
        if family == "quartier" and c.places:
            place = rnd.choice(c.places)
            return rnd.choice((place, f"{name} {place}", f"{name} - {place}", place.lower()))
        if family == "pres_de":
            return rnd.choice((f"près de {name}", f"{name} et alentours", f"secteur {name}",
                               f"{name} et environs"))
        if family == "faute" and c.typos:
            return rnd.choice(c.typos)
        if family == "code_seul":
            return rnd.choice(c.postcodes)
        if family == "departement_seul":
            return rnd.choice(("Hérault", "Herault", "34", "Hérault (34)"))
        if family == "vide":
            return ""
        return _strip_accents(name).lower()

    def listed(self, commune_idx: int, with_postcode: bool) -> str:
        """A site's list of the main cities: a small commune appears as its city."""
        c = COMMUNES[_AGGLO_INDEX[commune_idx]]
        return f"{c.name} ({c.postcodes[0]})" if with_postcode else c.name

    def postcode(self, commune_idx: int) -> str:
        return self.rnd.choice(COMMUNES[commune_idx].postcodes)


# --------------------------------------------------------------------------------------------
# Sites
# --------------------------------------------------------------------------------------------

@dataclass(frozen=True)
class Site:
    """A site of the collection and what its pages show.

    ``kind``: agence, annuaire, petites_annonces, rencontre, massage; ``weight``: its share of the
    postings of its kind; ``phone``: chance the number field is shown; ``pseudo``: prenom (the
    name the person is presented under), compte (an account name) or aucun; ``age``: the age
    field, as a number, with « ans », or none; ``commune``: libre (free text), liste, liste_cp,
    code (a postcode field); ``render``: how a mirror garbles the copied text.
    """

    domain: str
    kind: str
    weight: float
    phone: float
    pseudo: str
    age: str
    commune: str
    normalised_phone: bool = False
    render: str = ""


_MIRROR_ORIGIN = "rencontre-discrete.example"
SITES: tuple[Site, ...] = (
    Site("velvet-tour.example", "agence", 0.45, 0.9, "prenom", "ans", "liste", True),
    Site("elite-companions.example", "agence", 0.35, 0.85, "prenom", "ans", "liste", True),
    Site("world-escort-tours.example", "agence", 0.20, 0.9, "prenom", "nombre", "liste", True),
    Site("escortes-occitanie.example", "annuaire", 0.42, 0.97, "prenom", "nombre", "liste"),
    Site("modeles-du-sud.example", "annuaire", 0.38, 0.95, "prenom", "ans", "libre"),
    Site("lady-azur.example", "annuaire", 0.09, 0.9, "compte", "", "libre"),
    Site("annuaire-charme.example", "annuaire", 0.04, 0.95, "prenom", "nombre", "liste_cp", True),
    Site("escort-hexagone.example", "annuaire", 0.03, 0.95, "compte", "ans", "code"),
    Site("lovely-sud.example", "annuaire", 0.04, 0.9, "prenom", "nombre", "libre"),
    Site("trouve-tout.example", "petites_annonces", 0.38, 0.55, "compte", "", "liste_cp"),
    Site("annonces-particuliers.example", "petites_annonces", 0.36, 0.5, "aucun", "", "code"),
    Site("marche-du-midi.example", "petites_annonces", 0.20, 0.6, "compte", "", "libre"),
    Site("bonnes-affaires-34.example", "petites_annonces", 0.06, 0.7, "compte", "", "liste"),
    Site("massages-bien-etre.example", "massage", 1.0, 1.0, "compte", "", "liste_cp", True),
    Site(_MIRROR_ORIGIN, "rencontre", 0.85, 0.25, "compte", "nombre", "libre"),
    Site("rencontres-adultes-sud.example", "rencontre", 0.15, 0.3, "compte", "nombre", "libre"),
    # the mirrors of rencontre-discrete: never posted to, they copy it
    Site("celib-occitan.example", "miroir", 0.0, 0.25, "compte", "nombre", "libre"),
    Site("rencontres-etonnantes.example", "miroir", 0.0, 0.25, "compte", "nombre", "liste"),
    Site("allee-des-rencontres.example", "miroir", 0.0, 0.25, "compte", "nombre", "libre", render="sans_accents"),
    Site("rencontre-passagere.example", "miroir", 0.0, 0.25, "compte", "nombre", "code"),
    Site("sans-promesse.example", "miroir", 0.0, 0.25, "compte", "nombre", "libre", render="mojibake"),
    Site("douceurs-du-soir.example", "miroir", 0.0, 0.25, "compte", "nombre", "libre", render="tronque"),
    Site("coeurs-ouverts.example", "miroir", 0.0, 0.25, "compte", "nombre", "liste_cp"),
    Site("meet-and-date.example", "miroir", 0.0, 0.25, "compte", "nombre", "libre"),
    Site("rdv-complices.example", "miroir", 0.0, 0.25, "compte", "nombre", "libre", render="sans_accents"),
)
_MIRRORS = tuple(i for i, s in enumerate(SITES) if s.kind == "miroir")
_MIRROR_COPY = 0.85  # chance a mirror copies a given ad
_ORIGIN_INDEX = next(i for i, s in enumerate(SITES) if s.domain == _MIRROR_ORIGIN)
_SITE_WORD = tuple(s.domain.removesuffix(".example") for s in SITES)

# where each profile posts: the kinds of sites and their weights
_KIND_PREFS = {
    "independante": {"annuaire": 0.69, "petites_annonces": 0.11, "rencontre": 0.16, "agence": 0.02,
                     "massage": 0.02},
    "independant": {"petites_annonces": 0.50, "rencontre": 0.35, "annuaire": 0.15},
    "tournee": {"agence": 0.25, "annuaire": 0.68, "petites_annonces": 0.05, "rencontre": 0.02},
    "agence": {"agence": 0.60, "annuaire": 0.40},
    "salon": {"massage": 0.70, "petites_annonces": 0.30},
    "local": {"annuaire": 0.58, "petites_annonces": 0.30, "rencontre": 0.12},
}


def _copies_expected(site_idx: int) -> float:
    return 1 + len(_MIRRORS) * _MIRROR_COPY if site_idx == _ORIGIN_INDEX else 1.0


# --------------------------------------------------------------------------------------------
# Phone numbers
# --------------------------------------------------------------------------------------------

class _PhoneBook:
    """Hands out fiction numbers, never twice, and batches of consecutive numbers for networks.

    A number is an integer k in [0, 60 000): range k // 10 000, last four digits k % 10 000.
    """

    def __init__(self, rng: np.random.Generator):
        n = len(FICTION_PREFIXES) * _RANGE_SIZE
        weights = np.repeat(np.array(_PREFIX_WEIGHTS), _RANGE_SIZE)
        keys = rng.random(n) ** (1.0 / weights)  # weighted order without replacement
        self._order = np.argsort(-keys, kind="stable").tolist()
        self._batches = rng.permutation(n // _BATCH_SIZE).tolist()
        self._used = bytearray(n)
        self._next = 0
        self._next_batch = 0

    def number(self) -> int:
        while self._next < len(self._order):
            k = self._order[self._next]
            self._next += 1
            if not self._used[k]:
                self._used[k] = 1
                return k
        raise RuntimeError("the fiction phone ranges are exhausted: too many persons for 60 000 numbers")

    def batch(self) -> list[int]:
        while self._next_batch < len(self._batches):
            start = self._batches[self._next_batch] * _BATCH_SIZE
            self._next_batch += 1
            if not any(self._used[start:start + _BATCH_SIZE]):
                self._used[start:start + _BATCH_SIZE] = b"\x01" * _BATCH_SIZE
                return list(range(start, start + _BATCH_SIZE))
        raise RuntimeError("no free batch of consecutive fiction numbers left")


def _digits(k: int) -> str:
    return FICTION_PREFIXES[k // _RANGE_SIZE] + f"{k % _RANGE_SIZE:04d}"


def _pairs(digits: str, sep: str) -> str:
    return sep.join(digits[i:i + 2] for i in range(0, len(digits), 2))


_PHONE_FORMATS = ("paires", "points", "colle", "tirets", "international", "international_colle",
                  "double_zero", "zero_entre", "quatre")
_FIELD_FORMAT_WEIGHTS = (40, 14, 22, 5, 8, 4, 2, 2, 3)
_TEXT_FORMAT_WEIGHTS = (34, 18, 18, 6, 10, 4, 2, 3, 5)


def _format_phone(digits: str, fmt: str) -> str:
    """Writes a French number (possibly mistyped, 9 to 11 digits) the way people do."""
    if fmt == "paires":
        return _pairs(digits, " ")
    if fmt == "points":
        return _pairs(digits, ".")
    if fmt == "tirets":
        return _pairs(digits, "-")
    if fmt == "colle":
        return digits
    if fmt == "international":
        return f"+33 {digits[1]} {_pairs(digits[2:], ' ')}"
    if fmt == "international_colle":
        return "+33" + digits[1:]
    if fmt == "double_zero":
        return f"0033 {digits[1]} {_pairs(digits[2:], ' ')}"
    if fmt == "zero_entre":
        return f"+33 (0){digits[1]} {_pairs(digits[2:], ' ')}"
    if fmt == "quatre":
        return f"{_pairs(digits[:6], ' ')} {digits[6:]}"
    if fmt == "espace":
        return " ".join(digits)
    raise ValueError(fmt)


def _mistype(digits: str, rnd: random.Random) -> str:
    """A typing mistake in the last four digits: the number stays in its fiction range."""
    i = rnd.randrange(6, 10)
    kind = rnd.random()
    if kind < 0.5:
        wrong = rnd.choice([d for d in "0123456789" if d != digits[i]])
        return digits[:i] + wrong + digits[i + 1:]
    if kind < 0.8 and i < 9 and digits[i] != digits[i + 1]:
        return digits[:i] + digits[i + 1] + digits[i] + digits[i + 2:]
    return digits[:i] + digits[i + 1:]


# --------------------------------------------------------------------------------------------
# Words: names, origins, descriptions, texts
# --------------------------------------------------------------------------------------------

_NAMES = {
    "fr": ("Léa", "Chloé", "Manon", "Camille", "Jade", "Inès", "Sarah", "Laura", "Julie", "Océane", "Emma",
           "Lola", "Mélissa", "Jessica", "Audrey", "Sabrina", "Nadia", "Samia", "Kelly", "Cindy", "Marine",
           "Amandine", "Sandra", "Élodie", "Anaïs", "Charlotte", "Clara", "Maëva", "Alicia", "Lina",
           "Yasmine", "Sofia", "Nina", "Eva", "Zoé", "Margaux", "Lou", "Célia"),
    "latine": ("Valentina", "Camila", "Daniela", "Isabela", "Mariana", "Luana", "Yasmin", "Bianca",
               "Gabriela", "Paola", "Carolina", "Fernanda", "Juliana", "Larissa", "Natalia", "Andrea",
               "Alejandra", "Luisa", "Kiara", "Melina", "Catalina", "Ximena"),
    "trans": ("Melina", "Bianca", "Thalia", "Nicole", "Barbara", "Kelly", "Bruna", "Rafaela", "Vitória",
              "Karla", "Alessandra", "Dayana", "Sheila", "Paloma"),
    "est": ("Alina", "Irina", "Oksana", "Natasha", "Katya", "Dasha", "Milena", "Vika", "Yana", "Sonia",
            "Olga", "Kristina", "Anastasia", "Diana", "Marta", "Agata", "Ewa", "Lena", "Polina"),
    "asie": ("Mei", "Lin", "Lili", "Xiao", "Yan", "Jing", "Ling", "Kiki", "Anna", "Coco", "Cherry",
             "Lucy", "Ting", "Fang"),
    "monde": ("Giulia", "Chiara", "Lucia", "Carmen", "Nerea", "Hanna", "Aino", "Layla", "Yara", "Priya",
              "Amani", "Wanjiru", "Greta", "Elena", "Noor", "Sienna"),
    "homme": ("Kevin", "Yanis", "Lucas", "Mehdi", "Enzo", "Théo", "Rafael", "Diego", "Alex", "Hugo",
              "Nathan", "Sami", "Bryan", "Romain", "Julien", "Karim", "Tom", "Léo"),
}
_HOUSE_NAMES = ("Bella", "Angel", "Cristal", "Kiara", "Stella", "Luna", "Jessy", "Lady")
_ACCOUNT_WORDS = ("Riviera", "Soleil", "Orchidée", "Azur", "Étoile", "Perle", "Velours", "Paradis",
                  "Diamant", "Tropic", "Flamingo", "Duchesse", "Opale", "Saphir", "Mistral", "Garrigue")
_SALON_NAMES = ("Lotus d'Or", "Jardin de Jade", "Bambou Zen", "Fleur de Thé", "Orchidée Bleue",
                "Pavillon Lotus", "Zen Harmonie", "Perle de Soie")


@dataclass(frozen=True)
class Origin:
    """An origin an ad states, in the languages of the ads (feminine; masculine for men)."""

    fr: str
    en: str
    es: str = ""
    it: str = ""
    pt: str = ""
    fr_m: str = ""


_ORIGINS = {
    "française": Origin("française", "French", "francesa", fr_m="français"),
    "brésilienne": Origin("brésilienne", "Brazilian", "brasileña", pt="brasileira", fr_m="brésilien"),
    "colombienne": Origin("colombienne", "Colombian", "colombiana"),
    "vénézuélienne": Origin("vénézuélienne", "Venezuelan", "venezolana"),
    "argentine": Origin("argentine", "Argentinian", "argentina"),
    "cubaine": Origin("cubaine", "Cuban", "cubana"),
    "mexicaine": Origin("mexicaine", "Mexican", "mexicana"),
    "paraguayenne": Origin("paraguayenne", "Paraguayan", "paraguaya"),
    "portoricaine": Origin("portoricaine", "Puerto Rican", "puertorriqueña"),
    "espagnole": Origin("espagnole", "Spanish", "española", fr_m="espagnol"),
    "italienne": Origin("italienne", "Italian", it="italiana", fr_m="italien"),
    "allemande": Origin("allemande", "German"),
    "finlandaise": Origin("finlandaise", "Finnish"),
    "polonaise": Origin("polonaise", "Polish"),
    "ukrainienne": Origin("ukrainienne", "Ukrainian"),
    "chinoise": Origin("chinoise", "Chinese"),
    "indienne": Origin("indienne", "Indian"),
    "libanaise": Origin("libanaise", "Lebanese"),
    "kenyane": Origin("kenyane", "Kenyan"),
    "latine": Origin("latine", "Latina", "latina", fr_m="latino"),
    "asiatique": Origin("asiatique", "Asian"),
    "méditerranéenne": Origin("méditerranéenne", "Mediterranean", "mediterránea", fr_m="méditerranéen"),
    "métisse": Origin("métisse", "mixed-race", fr_m="métis"),
    "slave": Origin("slave", "Slavic", fr_m="slave"),
}
# origins by group: (origin, weight); the second column is the category the same ads may use instead
_ORIGIN_POOLS = {
    "est": (("ukrainienne", 4), ("polonaise", 2), ("slave", 4)),
    "latine": (("brésilienne", 4), ("colombienne", 3), ("vénézuélienne", 2), ("argentine", 1), ("cubaine", 1),
               ("mexicaine", 1), ("paraguayenne", 1), ("portoricaine", 1), ("latine", 3)),
    "asie": (("chinoise", 5), ("asiatique", 4)),
    "monde": (("espagnole", 2), ("italienne", 2), ("allemande", 1), ("finlandaise", 1), ("libanaise", 1),
              ("indienne", 1), ("kenyane", 1), ("brésilienne", 1), ("ukrainienne", 1)),
    "independante": (("française", 22), ("latine", 8), ("brésilienne", 6), ("colombienne", 4),
                     ("méditerranéenne", 10), ("métisse", 8), ("espagnole", 4), ("italienne", 3),
                     ("asiatique", 5), ("slave", 5), ("vénézuélienne", 2), ("cubaine", 2), ("libanaise", 1)),
    "local": (("française", 40), ("méditerranéenne", 10), ("métisse", 10), ("slave", 8), ("latine", 6),
              ("brésilienne", 6)),
    "homme": (("française", 50), ("brésilienne", 10), ("latine", 10), ("méditerranéenne", 15),
              ("espagnole", 8), ("italienne", 7)),
}
_CATEGORY = {"ukrainienne": "slave", "polonaise": "slave", "chinoise": "asiatique", "brésilienne": "latine",
             "colombienne": "latine", "vénézuélienne": "latine", "argentine": "latine", "cubaine": "latine",
             "mexicaine": "latine", "paraguayenne": "latine", "portoricaine": "latine",
             "espagnole": "méditerranéenne", "italienne": "méditerranéenne", "libanaise": "méditerranéenne"}

_DESCRIPTIONS = {
    "femme": (("jolie brune", "brunette"), ("belle blonde", "blonde"), ("charmante brune", "brunette"),
              ("douce", "sweet"), ("pulpeuse", "curvy"), ("sportive", "sporty"), ("élégante", "elegant"),
              ("petite brune", "petite brunette"), ("grande blonde", "tall blonde"),
              ("rousse pétillante", "redhead"), ("jeune femme", "young")),
    "mure": (("femme mûre", "mature"), ("belle femme", "beautiful"), ("élégante", "elegant")),
    "trans": (("belle trans", "trans"), ("transsexuelle", "TS"), ("trans féminine", "feminine trans"),
              ("TS", "TS")),
    "homme": (("sportif", "sporty"), ("brun", "dark-haired"), ("discret", "discreet"), ("sympa", "friendly"),
              ("souriant", "smiling")),
}

# Sentence banks: bank -> slot -> sentences. Slots are rendered in this order; « passage » only
# for an ad « de passage », « contact » only when the number is written in the text.
_SLOTS = ("intro", "offer", "place", "avail", "passage", "langue", "cond", "contact", "close")
_BANKS: dict[str, dict[str, tuple[str, ...]]] = {
    "fr1f": {
        "intro": ("Bonjour, je m'appelle {nom}, {desc} {orig} de {age} ans.", "Coucou, c'est {nom} !",
                  "Bonjour messieurs, moi c'est {nom}, {age} ans.", "Je suis {nom}, {desc} et souriante.",
                  "{nom}, {age} ans, {desc} {orig}, nouvelle sur {ville}.",
                  "Charmante {orig} de {age} ans, je vous propose un moment d'évasion à {ville}.",
                  "Bonsoir, je suis {nom}, jeune femme {orig} pleine de douceur.",
                  "Hello, {nom} ici, {desc} de {age} ans.", "{desc} {orig} pour vous messieurs.",
                  "Je m'appelle {nom} et je suis {desc}.", "Nouvelle à {ville}, je suis {nom}, {orig}, {age} ans.",
                  "Bonjour à tous, {nom}, {desc}, {age} ans.", "Vous cherchez de la compagnie à {ville} ?"),
        "offer": ("Je vous propose un moment de détente et de complicité en toute discrétion.",
                  "Je vous reçois pour un moment agréable, dans le respect et la bonne humeur.",
                  "Moment de douceur et de relaxation, sans prise de tête.",
                  "Je propose des massages relaxants et plus si affinités.",
                  "Pour un instant de compagnie tranquille et discret.",
                  "Douce, souriante et attentionnée, je saurai vous mettre à l'aise.",
                  "Je suis ouverte à la discussion, n'hésitez pas à demander.",
                  "Je vous attends pour partager un bon moment ensemble.",
                  "Complicité et bonne humeur au rendez-vous.",
                  "Je privilégie les rencontres calmes et respectueuses."),
        "place": ("Je reçois dans un appartement propre, discret et climatisé.",
                  "Appartement privé, stationnement facile à proximité.",
                  "Je reçois chez moi ou je me déplace à votre hôtel.",
                  "Je peux me déplacer sur {ville} et ses environs.", "Je reçois uniquement, pas de déplacement.",
                  "Cadre calme et discret, douche à disposition.",
                  "Appartement discret proche du centre de {ville}."),
        "avail": ("Disponible 24h/24 et 7j/7.", "Disponible du lundi au samedi de 10h à 22h.",
                  "Dispo tous les jours sur rendez-vous.", "Disponible en soirée et le week-end.",
                  "Disponible tout le temps, n'hésitez pas.",
                  "Merci de prendre rendez-vous 30 minutes à l'avance.",
                  "Disponible en journée uniquement."),
        "passage": ("De passage à {ville} pour quelques jours seulement !",
                    "Je suis dans votre ville pour une semaine.",
                    "En vacances à {ville} jusqu'au {fin}.", "Sur le secteur pendant tout l'été.",
                    "De passage du {debut} au {fin}, ne me ratez pas.",
                    "Derniers jours à {ville} avant mon départ !",
                    "Après {autreville}, je suis à {ville} cette semaine."),
        "langue": ("Je parle français et anglais.", "Je parle un peu français.",
                   "Je parle anglais et un peu français."),
        "cond": ("Pas de numéros masqués ni de SMS.", "Les appels masqués resteront sans réponse.",
                 "Respect et hygiène exigés.", "Mes photos sont 100 % réelles et récentes.", "Photos vérifiées.",
                 "Pas sérieux s'abstenir.", "Merci de préciser que vous m'avez vue sur {site}.",
                 "Discrétion assurée.", "Je ne réponds pas aux mails."),
        "contact": ("Appelez-moi au {tel}.",
                    "Tél : {tel}", "Contact au {tel}.", "Joignable au {tel}, appel uniquement.",
                    "WhatsApp : {tel}", "📞 {tel}", "Mon numéro : {tel}"),
        "close": ("Bisous.", "À très vite.", "Bisous et à bientôt 😘", "N'hésitez pas à m'appeler.", "Je vous attends.",
                  "À bientôt.", "Kiss."),
    },
    "fr3f": {
        "intro": ("{nom} est une {desc} {orig} de {age} ans.", "Nous vous présentons {nom}, {age} ans, {desc} {orig}.",
                  "Nouvelle arrivée : {nom}, {desc} {orig}.", "Très jolie {orig}, {nom} a {age} ans.",
                  "Découvrez {nom}, {desc} et souriante.", "Superbe {orig} de {age} ans, {desc}.",
                  "Jeune femme de {age} ans, {desc}, reçoit à {ville}.",
                  "{nom}, {age} ans, vient d'arriver à {ville}."),
        "offer": ("Elle vous propose un moment de détente en toute discrétion.",
                  "Elle saura vous accueillir avec douceur et gentillesse.",
                  "Charmante et attentionnée, elle vous attend.",
                  "Elle reçoit pour des moments agréables et complices.",
                  "Elle est douce, calme et très discrète.", "Moment de détente garanti avec elle."),
        "place": ("Elle reçoit dans un appartement discret et climatisé.", "Elle se déplace à l'hôtel ou à domicile.",
                  "Appartement privé proche du centre.", "Elle reçoit uniquement, en appartement privé."),
        "avail": ("Disponible 24h/24.", "Elle est disponible tous les jours, sur rendez-vous.",
                  "Disponible tout le temps.", "Disponible jour et nuit."),
        "passage": ("Elle est de passage à {ville} pour quelques jours.",
                    "Présente à {ville} du {debut} au {fin} seulement.",
                    "En tournée : {ville} cette semaine, puis {autreville}.",
                    "Elle est dans votre ville pour une semaine.", "De passage, ne tardez pas !"),
        "langue": ("Elle parle anglais et un peu français.", "Elle parle un peu français.", "Elle parle anglais."),
        "cond": ("Pas de SMS, pas de numéros masqués.",
                 "Photos 100 % réelles.", "Réservation par téléphone uniquement.",
                 "Merci de respecter les horaires.", "Appeler 20 minutes avant."),
        "contact": ("Réservations : {tel}", "Appelez le {tel}.", "Contact : {tel}", "Renseignements au {tel}."),
        "close": ("Ne tardez pas !", "À bientôt.", "Elle vous attend.", "Bienvenue aux gentlemen."),
    },
    "fr1m": {
        "intro": ("Salut, je suis {nom}, jeune mec de {age} ans.", "Jeune homme {desc} de {age} ans sur {ville}.",
                  "Mec {orig} de {age} ans, {desc}.", "Bonjour, {nom}, {age} ans, {desc}.",
                  "Salut à tous, je m'appelle {nom}."),
        "offer": ("Je propose mes services à homme gay ou bi : massage, sortie, compagnie.",
                  "En échange d'un coup de pouce financier.", "Disponible pour moments de détente entre hommes.",
                  "Ouvert aussi aux femmes et aux couples.", "Je cherche quelqu'un qui prend soin de moi.",
                  "Massage relaxant pour homme, plus si affinités."),
        "place": ("Je peux me déplacer, très discret.", "Je reçois sur {ville}.", "Je me déplace uniquement.",
                  "Pas de lieu, je me déplace chez vous ou à l'hôtel."),
        "avail": ("Dispo le soir.", "Disponible tous les jours.", "Dispo surtout le week-end."),
        "passage": ("De passage à {ville} quelques jours.", "Je suis sur {ville} cette semaine seulement."),
        "langue": ("Je parle anglais.",),
        "cond": ("Discrétion assurée.", "Pas d'échange de photos.", "Sérieux uniquement."),
        "contact": ("Contacte-moi au {tel}.", "Tél : {tel}", "SMS ou appel au {tel}."),
        "close": ("À plus.", "Contacte-moi.", "Bises."),
    },
    "en1f": {
        "intro": ("Hello gentlemen, I am {nom}, {age} years old.", "Hello, my name is {nom}.",
                  "Hi! My name is {nom}, sweet {orig_en} girl.",
                  "I'm {nom}, a {desc_en} {orig_en} lady.", "New in {ville}: {nom}, {age}."),
        "offer": ("I offer you a relaxing and discreet time.",
                  "Perfect girlfriend experience, elegant and open-minded.",
                  "Let's spend a nice moment together.", "Sweet, friendly and very discreet."),
        "place": ("Private apartment in {ville}.", "Incall and outcall.", "Incall only, clean and discreet apartment."),
        "avail": ("Available 24/7.", "Available every day.", "Available day and night."),
        "passage": ("Only a few days in {ville}!", "Visiting {ville} this week only.",
                    "On tour: {ville} now, then {autreville}.", "In {ville} from {debut} to {fin}."),
        "langue": ("I speak English and a little French.", "I speak English."),
        "cond": ("No SMS, no hidden numbers.", "100% real photos.", "Booking by phone only."),
        "contact": ("Call me: {tel}", "Booking: {tel}", "WhatsApp {tel}", "Phone: {tel}"),
        "close": ("Kisses.", "See you soon.", "Don't miss me!"),
    },
    "en3f": {
        "intro": ("{nom} is a beautiful {orig_en} lady, {age} years old.", "Meet {nom}, {desc_en} and elegant.",
                  "New girl in town: {nom}, {age}.", "Sweet {orig_en} girl {nom} is waiting for you."),
        "offer": ("She offers a relaxing and discreet time.", "She is sweet, friendly and open-minded.",
                  "Perfect girlfriend experience with her."),
        "place": ("She receives in a private apartment in {ville}.", "Incall and outcall.", "Incall only."),
        "avail": ("Available 24/7.", "She is available every day."),
        "passage": ("She is visiting {ville} for a few days only.", "On tour: {ville} now, then {autreville}.",
                    "In {ville} from {debut} to {fin}."),
        "langue": ("She speaks English.", "She speaks English and a little French."),
        "cond": ("No SMS, no hidden numbers.", "100% real photos.", "Booking by phone only."),
        "contact": ("Booking: {tel}", "Call: {tel}", "WhatsApp: {tel}"),
        "close": ("Don't miss her!", "See you soon."),
    },
    "es1f": {
        "intro": ("Hola, soy {nom}, {orig_es} de {age} años.", "Hola cariño, soy {nom}.",
                  "Chica {orig_es} muy cariñosa, {age} años."),
        "offer": ("Te ofrezco un momento relajante y discreto.", "Muy cariñosa y simpática."),
        "place": ("Piso privado y discreto en {ville}.",),
        "avail": ("Disponible 24 horas.", "Disponible todos los días."),
        "passage": ("De paso por {ville} pocos días.", "Solo esta semana en {ville}."),
        "langue": ("Hablo español y un poco de francés.",), "cond": ("No contesto números ocultos.",),
        "contact": ("Llámame: {tel}", "WhatsApp {tel}"), "close": ("Besos.", "Te espero."),
    },
    "pt1f": {
        "intro": ("Oi, sou {nom}, {orig_pt} de {age} anos.", "Olá amor, sou a {nom}."),
        "offer": ("Atendo com carinho e discrição.",), "place": ("Apartamento discreto em {ville}.",),
        "avail": ("Disponível 24 horas.",), "passage": ("Só alguns dias em {ville}.",),
        "langue": ("Falo português e um pouco de francês.",), "cond": ("Não atendo números privados.",),
        "contact": ("Liga: {tel}", "WhatsApp {tel}"), "close": ("Beijos.",),
    },
    "it1f": {
        "intro": ("Ciao, sono {nom}, ragazza {orig_it} di {age} anni.", "Ciao amore, sono {nom}."),
        "offer": ("Ti offro un momento di relax e discrezione.",), "place": ("Appartamento privato a {ville}.",),
        "avail": ("Disponibile tutti i giorni.",), "passage": ("Solo pochi giorni a {ville}.",),
        "langue": ("Parlo italiano e un po' di francese.",), "cond": ("Niente numeri privati.",),
        "contact": ("Chiamami: {tel}", "WhatsApp {tel}"), "close": ("Baci.",),
    },
    "salon": {
        "intro": ("Institut {salon} : nouvelle masseuse {nom}, {orig}.", "Salon {salon}, massages relaxants par {nom}.",
                  "Découvrez {nom}, masseuse {orig}.", "Nouvelle hôtesse {nom} au salon {salon}."),
        "offer": ("Massages relaxants et plus si affinités.", "Détente assurée dans un cadre zen.",
                  "Massages aux huiles chaudes."),
        "place": ("Salon climatisé, douche à disposition.", "Parking gratuit devant le salon.",
                  "Accueil discret à {ville}."),
        "avail": ("Ouvert 7j/7 de 10h à 22h.", "Ouvert tous les jours, sans rendez-vous."),
        "passage": ("Nouvelle cette semaine seulement !",), "langue": ("Elle parle un peu français.",),
        "cond": ("Pas de SMS.", "Tarifs au téléphone."), "contact": ("Réservation au {tel}", "Tél : {tel}"),
        "close": ("À bientôt au salon.", "Bienvenue."),
    },
}
_TITLES = {
    "fr1f": ("{nom} {desc} {orig}", "Nouvelle à {ville}", "{nom} - {age} ans - {ville}", "Jolie {orig} pour vous",
             "Moment de détente à {ville}", "{nom}, douceur et discrétion", "Belle {orig} à {ville}",
             "{nom} ❤ {ville}", "{desc} disponible sur {ville}", "Massage relaxant {ville}", "{nom} {age} ans",
             "{nom}"),
    "fr3f": ("Nouvelle : {nom}", "{nom}, {age} ans, {orig}", "{nom} à {ville}", "Nouvelle hôtesse à {ville}",
             "{nom} - {desc} {orig}"),
    "fr1m": ("Jeune mec dispo {ville}", "{nom} {age} ans pour homme", "Mec discret {ville}",
             "Massage entre hommes {ville}"),
    "en1f": ("{nom} - new in {ville}", "Sweet {orig_en} girl", "{nom} {age}y {ville}", "Real photos - {nom}"),
    "en3f": ("{nom} - VIP escort", "New: {nom}, {age}", "{nom} {orig_en} {ville}"),
    "es1f": ("{nom} {orig_es} en {ville}", "Chica latina {ville}"),
    "pt1f": ("{nom} {orig_pt}", "{nom} em {ville}"),
    "it1f": ("{nom} {orig_it} a {ville}",),
    "salon": ("Salon {salon} - nouvelle masseuse", "Massage {orig} {ville}", "{nom} - massage relaxant",
              "Institut {salon} {ville}"),
}

_SUMMER_ONLY = frozenset(("Sur le secteur pendant tout l'été.",))
_FORMATTER = string.Formatter()


def _fields(template: str) -> frozenset[str]:
    return frozenset(name for _, name, _, _ in _FORMATTER.parse(template) if name)


_BANK_FIELDS = {bank: {slot: tuple(_fields(s) for s in sentences) for slot, sentences in slots.items()}
                for bank, slots in _BANKS.items()}
_TITLE_FIELDS = {bank: tuple(_fields(s) for s in titles) for bank, titles in _TITLES.items()}

# Shared spelling mistakes of a network's template (V-A-4: « les mêmes fautes »).
_MISSPELLINGS = (("appartement", "apartement"), ("discret", "discrait"), ("n'hésitez pas", "n'hésiter pas"),
                 ("rendez-vous", "rdv"), ("quelques", "quelque"), ("climatisé", "climatiser"),
                 ("Disponible", "Disponnible"), ("messieurs", "messieur"), ("ensemble", "ensembles"))
_SMS_STYLE = (("Disponible", "Dispo"), ("rendez-vous", "rdv"), ("s'il vous plaît", "svp"), ("Bisous", "Bisous bisous"),
              ("beaucoup", "bcp"), ("n'hésitez pas", "hésitez pas"))
_EMOJIS = ("😘", "💋", "🌸", "✨", "🔥", "❤️", "🌹")


@dataclass(frozen=True)
class _Version:
    """One writing of an ad: sentences chosen per slot, a title, quirks, and what it shows."""

    start: int
    bank: str
    parts: tuple[tuple[str, int], ...]
    title: int
    second_bank: str = ""
    second_parts: tuple[tuple[str, int], ...] = ()
    misspellings: tuple[int, ...] = ()
    field_age_shift: int = 0
    text_age_shift: int = 0
    tells_passage: bool = True
    passage_claim: bool = False


def _draw_parts(rnd: random.Random, bank: str, available: frozenset[str], slots: tuple[str, ...]
                ) -> tuple[tuple[str, int], ...]:
    """Chooses one sentence per slot among those whose fields the person can fill."""
    parts = []
    for slot in slots:
        fields_ = _BANK_FIELDS[bank][slot]
        candidates = [i for i, f in enumerate(fields_) if f <= available]
        if candidates:
            parts.append((slot, rnd.choice(candidates)))
    return tuple(parts)


def _optional_slots(rnd: random.Random, foreign: bool) -> tuple[str, ...]:
    """The slots of one writing: intro, contact and passage always kept ready, others by chance;
    the languages spoken only for a person stated foreign."""
    keep = {"intro": 1.0, "offer": 0.9, "place": 0.75, "avail": 0.6, "passage": 1.0,
            "langue": 0.35 if foreign else 0.0, "cond": 0.6, "contact": 1.0, "close": 0.7}
    return tuple(s for s in _SLOTS if rnd.random() < keep[s])


# --------------------------------------------------------------------------------------------
# Persons and networks
# --------------------------------------------------------------------------------------------

@dataclass
class _Stay:
    start: int
    end: int  # inclusive
    commune: int
    passage: bool
    place: str = ""  # the neighbourhood the ads of this stay name, if any


@dataclass
class _Network:
    ident: str
    kind: str  # tournee, agence, salon, local
    group: str  # origin group of its persons
    phone_mode: str  # standard, suite, individuel
    shared_account: bool
    shared_template: bool
    third_person: bool
    language: str  # fr, en, fr+en, fr+es
    span: tuple[int, int]
    commune: int
    sites: list[int]
    account: str
    salon: str = ""
    switchboard: list[tuple[int, int]] = field(default_factory=list)  # (start day, number)
    batch: list[int] = field(default_factory=list)
    handover: list[tuple[int, int]] = field(default_factory=list)  # (free from day, number)
    states_origin: bool = True
    quirks: tuple | None = None  # the writer's habits, when one writer writes for all its persons
    versions: dict[str, list[tuple[int, _Version]]] = field(default_factory=dict)  # bank -> writings
    misspellings: tuple[int, ...] = ()


@dataclass
class _Person:
    ident: str
    gender: str
    profile: str  # independante, independant, tournee, agence, salon, local
    network: _Network | None
    age: int
    origin: str  # "" when the ads state none
    alt_origin: str
    stays: list[_Stay]
    sites: list[int] = field(default_factory=list)
    site_weights: list[float] = field(default_factory=list)
    names: list[tuple[int, str]] = field(default_factory=list)  # (start day, name)
    alias: dict[int, str] = field(default_factory=dict)  # site -> another name shown there
    accounts: list[tuple[int, str]] = field(default_factory=list)
    phones: list[tuple[int, int]] = field(default_factory=list)
    versions: list[tuple[int, _Version]] = field(default_factory=list)
    birthday: int = 0
    description: tuple[str, str] = ("", "")
    bank: str = "fr1f"
    second_bank: str = ""
    commune_habit: str = "officiel"
    field_format: str = "paires"
    text_format: str = "paires"
    text_phone: float = 0.3
    gives_age: float = 0.55
    no_accents: bool = False
    emoji: str = ""
    sms_style: bool = False
    title_caps: bool = False
    hides_phone: float = 0.0

    def presence(self) -> int:
        return sum(s.end - s.start + 1 for s in self.stays)


def _at(epochs: list, day: int):
    """The value of a list of (start day, value) epochs at ``day``."""
    i = bisect.bisect_right(epochs, day, key=lambda e: e[0]) - 1
    return epochs[max(i, 0)][1]


class _WorldBuilder:
    """Draws the persons, their networks and their ads; every draw comes from the two seeded generators."""

    NETWORK_SHARE = 0.30
    GENDER_SHARES = (("femme", 0.84), ("homme", 0.07), ("trans", 0.09))
    # network kinds: share of network persons, group of origin, typical size
    NETWORK_KINDS = (("tournee", "est", 0.18), ("tournee", "latine", 0.20), ("tournee", "asie", 0.10),
                     ("agence", "monde", 0.08), ("salon", "asie", 0.08), ("local", "local", 0.36))

    def __init__(self, n_ads: int, seed: int):
        self.n_ads = n_ads
        self.n_persons = persons_for_ads(n_ads)
        self.days = collection_days(n_ads)
        self.rng = np.random.default_rng(seed)
        self.rnd = random.Random(seed)
        self.phones = _PhoneBook(self.rng)
        self.writer = _CommuneWriter(self.rnd)
        self.dates = [(COLLECTION_START + timedelta(days=d)) for d in range(self.days)]
        self.date_text = [d.isoformat() for d in self.dates]
        self.short_date = [f"{d.day:02d}/{d.month:02d}" for d in self.dates]

    # ---------------- time and places ----------------

    def _tour_commune(self, day: int) -> int:
        summer = _in_summer(self.dates[min(max(day, 0), self.days - 1)])
        weights = [c.tour * (4.0 if summer and c.coastal else 1.0) for c in COMMUNES]
        return self.rnd.choices(range(len(COMMUNES)), weights)[0]

    def _home_commune(self) -> int:
        return self.rnd.choices(range(len(COMMUNES)), [c.weight for c in COMMUNES])[0]

    def _place(self, commune: int) -> str:
        places = COMMUNES[commune].places
        return self.rnd.choice(places) if places and self.rnd.random() < 0.2 else ""

    def _visits(self, span: tuple[int, int], n_visits: int, stops: tuple[int, int], length: tuple[int, int],
                base: int | None = None) -> list[_Stay]:
        """Tour visits inside ``span``: each a few stops of a few days, « de passage »."""
        rnd, stays = self.rnd, []
        lo, hi = span
        for _ in range(n_visits):
            start = rnd.randint(lo, hi)
            for _ in range(rnd.randint(*stops)):
                end = start + rnd.randint(*length) - 1
                commune = base if base is not None else self._tour_commune(start)
                a, b = max(start, 0), min(end, self.days - 1)
                if a <= b:
                    stays.append(_Stay(a, b, commune, True, self._place(commune)))
                start = end + 1
        if not stays:  # a visit always meets the window
            start = rnd.randint(max(lo, 0), max(min(hi, self.days - 1), max(lo, 0)))
            commune = base if base is not None else self._tour_commune(start)
            stays.append(_Stay(start, min(start + rnd.randint(*length) - 1, self.days - 1), commune, True,
                               self._place(commune)))
        return sorted(stays, key=lambda s: s.start)

    def _residence(self, commune: int) -> list[_Stay]:
        """A person living in the département: one presence, sometimes a move."""
        rnd = self.rnd
        arrival = rnd.randint(-200, self.days - 1)
        length = 30 + int(rnd.expovariate(1 / 300))
        a, b = max(arrival, 0), min(arrival + length, self.days - 1)
        if a > b:
            a, b = 0, min(length, self.days - 1)
        if b - a > 120 and rnd.random() < 0.15:
            cut = rnd.randint(a + 30, b - 30)
            other = self._home_commune()
            return [_Stay(a, cut, commune, False, self._place(commune)),
                    _Stay(cut + 1, b, other, False, self._place(other))]
        return [_Stay(a, b, commune, False, self._place(commune))]

    def _span(self) -> tuple[int, int]:
        """A network's activity in the window: it appears, works for months, disappears."""
        rnd = self.rnd
        start = rnd.randint(-int(0.3 * self.days), int(0.9 * self.days))
        end = start + 60 + int(rnd.expovariate(1 / 500))
        return max(start, 0), min(max(end, max(start, 0)), self.days - 1)

    # ---------------- networks ----------------

    def build_networks(self, n_network_persons: int) -> list[tuple[_Network, int]]:
        """Networks and their sizes, until ``n_network_persons`` persons are placed."""
        rnd, made, placed = self.rnd, [], 0
        mean_size = {"tournee": 5.0, "agence": 5.0, "salon": 3.5, "local": 1.4}
        weights = [share / mean_size[kind] for kind, _, share in self.NETWORK_KINDS]
        while placed < n_network_persons:
            kind, group, _ = rnd.choices(self.NETWORK_KINDS, weights)[0]
            if kind in ("tournee", "agence"):
                size = min(20, 2 + int(rnd.expovariate(1 / 3.0)))
            elif kind == "salon":
                size = rnd.randint(2, 5)
            else:
                size = rnd.choices((1, 2, 3), (0.7, 0.25, 0.05))[0]
            size = min(size, n_network_persons - placed)
            made.append((self._network(kind, group, len(made) + 1), size))
            placed += size
        return made

    def _network(self, kind: str, group: str, number: int) -> _Network:
        rnd = self.rnd
        if kind == "salon":
            phone_mode = "standard"
        elif kind == "local":
            phone_mode = rnd.choice(("standard", "individuel"))
        else:
            phone_mode = rnd.choices(("standard", "suite", "individuel"), (0.35, 0.30, 0.35))[0]
        if kind == "agence":
            language = rnd.choices(("en", "fr+en", "fr"), (0.5, 0.3, 0.2))[0]
        elif kind == "tournee" and group == "latine":
            language = rnd.choices(("fr", "fr+es", "en", "fr+en"), (0.55, 0.15, 0.15, 0.15))[0]
        elif kind == "tournee":
            language = rnd.choices(("en", "fr+en", "fr"), (0.4, 0.25, 0.35))[0]
        elif kind == "salon":
            language = rnd.choices(("fr", "en"), (0.9, 0.1))[0]
        else:
            language = "fr"
        # where a local pimp or a salon works; touring networks draw a commune per stop
        commune = self._home_commune() if kind in ("local", "salon") else _commune_index("Montpellier")
        kind_prefs = _KIND_PREFS[kind]
        sites = self._choose_sites(kind_prefs, rnd.randint(2, 4))
        word = rnd.choice(_ACCOUNT_WORDS)
        account = rnd.choice((f"agence_{word.lower()}", f"{word}Girls", f"vip_{word.lower()}34",
                              f"new_{word.lower()}", f"{word} Escort", f"{word.lower()}.sud"))
        network = _Network(
            ident=f"R{number:05d}", kind=kind, group=group, phone_mode=phone_mode,
            shared_account=kind == "salon" or rnd.random() < (0.3 if kind == "local" else 0.55),
            shared_template=rnd.random() < (0.4 if kind == "local" else 0.85),
            third_person=rnd.random() < {"agence": 0.8, "local": 0.3}.get(kind, 0.6),
            language=language, span=self._span(), commune=commune, sites=sites, account=account,
            salon=rnd.choice(_SALON_NAMES) if kind == "salon" else "",
            misspellings=tuple(rnd.sample(range(len(_MISSPELLINGS)), rnd.randint(0, 2))),
        )
        network.states_origin = rnd.random() < (0.5 if kind == "local" else 0.85)
        if kind == "salon":
            network.account = network.salon
        if phone_mode == "standard":
            network.switchboard = self._epochs(network.span, 180, self.phones.number)
        elif phone_mode == "suite":
            network.batch = self.phones.batch()
        return network

    def _epochs(self, span: tuple[int, int], mean_days: float, draw) -> list[tuple[int, object]]:
        """Values renewed about every ``mean_days`` over ``span``, the first from its start."""
        epochs = [(span[0], draw())]
        day = span[0] + self.rnd.expovariate(1 / mean_days)
        while day <= span[1]:
            epochs.append((int(day), draw()))
            day += self.rnd.expovariate(1 / mean_days)
        return epochs

    def _choose_sites(self, kind_prefs: dict[str, float], k: int) -> list[int]:
        """``k`` distinct sites drawn by kind preference and site weight."""
        weights = [kind_prefs.get(s.kind, 0.0) * s.weight for s in SITES]
        chosen: list[int] = []
        for _ in range(min(k, sum(w > 0 for w in weights))):
            i = self.rnd.choices(range(len(SITES)), weights)[0]
            chosen.append(i)
            weights[i] = 0.0
        return chosen

    # ---------------- persons ----------------

    def _gender_counts(self) -> dict[str, int]:
        raw = [(g, share * self.n_persons) for g, share in self.GENDER_SHARES]
        counts = {g: int(x) for g, x in raw}
        by_remainder = sorted(raw, key=lambda gx: gx[1] - int(gx[1]), reverse=True)
        for g, _ in by_remainder[:self.n_persons - sum(counts.values())]:  # largest remainders
            counts[g] += 1
        return counts

    def build_persons(self) -> list[_Person]:
        rnd = self.rnd
        persons: list[_Person] = []
        targets = self._gender_counts()
        n_network = round(self.NETWORK_SHARE * self.n_persons)
        for network, size in self.build_networks(n_network):
            for _ in range(size):
                gender = self._network_gender(network)
                persons.append(self._network_person(network, gender))
        left = dict(targets)
        for p in persons:
            left[p.gender] = left[p.gender] - 1
        pool = [g for g, n in left.items() for _ in range(max(n, 0))]
        pool += ["femme"] * (self.n_persons - len(persons) - len(pool))
        pool = pool[:self.n_persons - len(persons)]
        rnd.shuffle(pool)
        persons += [self._independent_person(g) for g in pool]
        order = list(range(len(persons)))
        rnd.shuffle(order)  # identifiers say nothing of how the world was drawn
        for number, i in enumerate(order, start=1):
            persons[i].ident = f"P{number:06d}"
        return persons

    def _network_gender(self, network: _Network) -> str:
        r = self.rnd.random()
        if network.group == "latine":
            return "trans" if r < 0.35 else "femme"
        if network.kind == "local":
            return "homme" if r < 0.08 else "trans" if r < 0.13 else "femme"
        if network.kind == "agence":
            return "trans" if r < 0.05 else "femme"
        return "femme"

    def _origin(self, group: str, shown: float) -> tuple[str, str]:
        if self.rnd.random() >= shown:
            return "", ""
        pool = _ORIGIN_POOLS[group]
        origin = self.rnd.choices([o for o, _ in pool], [w for _, w in pool])[0]
        return origin, _CATEGORY.get(origin, origin)

    def _declared_age(self, mean: float, sd: float, top: int) -> int:
        return int(min(max(round(self.rnd.gauss(mean, sd)), 18), top))

    def _network_person(self, network: _Network, gender: str) -> _Person:
        rnd = self.rnd
        kind = network.kind
        shown = 1.0 if network.states_origin else 0.0
        origin, alt = self._origin("homme" if gender == "homme" else network.group, shown)
        if kind == "tournee" or kind == "agence":
            n_visits = 1 + _poisson(rnd, (network.span[1] - network.span[0]) / 120)
            stays = self._visits(network.span, n_visits, (1, 3), (3, 10))
            age = self._declared_age(27, 4, 40)
            profile = kind
        elif kind == "salon":
            n_visits = 1 + _poisson(rnd, (network.span[1] - network.span[0]) / 200)
            stays = self._visits(network.span, n_visits, (1, 1), (14, 60), base=network.commune)
            for s in stays:
                s.passage = rnd.random() < 0.2
            age = self._declared_age(33, 6, 50)
            profile = "salon"
        else:
            stays = self._residence(network.commune)
            age = self._declared_age(27 if gender == "homme" else 29, 6, 50)
            profile = "local"
        person = _Person("", gender, profile, network, age, origin, alt, stays)
        person.sites = [s for s in network.sites if rnd.random() < 0.7] or [rnd.choice(network.sites)]
        person.gives_age = 0.75
        self._identity(person)
        return person

    def _independent_person(self, gender: str) -> _Person:
        rnd = self.rnd
        if gender == "homme":
            origin, alt = self._origin("homme", 0.35)
            age = self._declared_age(27, 5, 45)
            profile = "independant"
        else:
            origin, alt = self._origin("independante", 0.55)
            age = self._declared_age(29 if gender == "trans" else 33, 7, 58)
            profile = "independante"
        if rnd.random() < 0.08:  # touring on one's own, the coast in summer
            n_visits = 1 + _poisson(rnd, self.days / 240)
            stays = self._visits((0, self.days - 1), n_visits, (1, 2), (5, 21))
        else:
            stays = self._residence(self._home_commune())
        person = _Person("", gender, profile, None, age, origin, alt, stays)
        n_sites = 1 + sum(rnd.random() < 0.35 for _ in range(3))
        person.sites = self._choose_sites(_KIND_PREFS[profile], n_sites)
        self._identity(person)
        return person

    def _identity(self, person: _Person) -> None:
        """Names, accounts, numbers, writings and habits of a person."""
        rnd = self.rnd
        network = person.network
        first, last = person.stays[0].start, person.stays[-1].end
        person.site_weights = [0.2 + rnd.random() for _ in person.sites]
        person.birthday = rnd.randrange(365)
        desc_key = "homme" if person.gender == "homme" else "trans" if person.gender == "trans" else (
            "mure" if person.age >= 38 else "femme")
        person.description = rnd.choice(_DESCRIPTIONS[desc_key])
        names_pool = self._names_pool(person)
        visit_starts = [s.start for s in person.stays]

        # names: a new one about every 250 days, or at a new visit for a touring person
        def new_name() -> str:
            if network and network.kind != "local" and rnd.random() < 0.3:
                return rnd.choice(_HOUSE_NAMES)
            return rnd.choice(names_pool)

        if person.profile in ("tournee", "agence"):
            person.names = [(visit_starts[0], new_name())]
            for start in visit_starts[1:]:
                if rnd.random() < 0.25:
                    person.names.append((start, new_name()))
        else:
            person.names = self._epochs((first, last), 250, new_name)
        for site in person.sites:
            if rnd.random() < (0.35 if network else 0.1):
                person.alias[site] = new_name()
        person.accounts = [(day, self._account(name, person)) for day, name in person.names]

        # numbers
        person.phones = self._phones(person, first, last, visit_starts)
        person.hides_phone = 0.15 if rnd.random() < 0.2 else 0.0

        # the way of writing
        person.bank, person.second_bank = self._banks(person)
        person.commune_habit = rnd.choices(_CommuneWriter.FAMILIES, _CommuneWriter.WEIGHTS)[0]
        person.field_format = rnd.choices(_PHONE_FORMATS, _FIELD_FORMAT_WEIGHTS)[0]
        person.text_format = rnd.choices(_PHONE_FORMATS + ("espace",), _TEXT_FORMAT_WEIGHTS + (1,))[0]
        person.text_phone = rnd.choice((0.05, 0.3, 0.6, 0.9))
        quirks = (rnd.random() < 0.08, rnd.choice(_EMOJIS) if rnd.random() < 0.12 else "", rnd.random() < 0.1,
                  rnd.random() < 0.1)
        if network and network.shared_template:
            network.quirks = network.quirks or quirks
            quirks = network.quirks
        person.no_accents, person.emoji, person.sms_style, person.title_caps = quirks
        if network and network.shared_template:
            if person.bank not in network.versions:
                network.versions[person.bank] = self._writings(person, network.span, 150)
            person.versions = network.versions[person.bank]
        else:
            person.versions = self._writings(person, (first, last), 60 if not network else 90)

    def _names_pool(self, person: _Person) -> tuple[str, ...]:
        if person.gender == "homme":
            return _NAMES["homme"]
        if person.gender == "trans":
            return _NAMES["trans"]
        group = person.network.group if person.network else ""
        if group in ("est", "asie", "monde", "latine"):
            return _NAMES[group]
        if person.origin in ("brésilienne", "colombienne", "vénézuélienne", "latine", "cubaine"):
            return _NAMES["latine"]
        return _NAMES["fr"]

    def _account(self, name: str, person: _Person) -> str:
        rnd = self.rnd
        base = _strip_accents(name).lower()
        return rnd.choice((f"{base}{rnd.randint(1, 99)}", f"{base}_34", f"douce_{base}",
                           f"{base}.{rnd.randint(18, 45)}",
                           f"{name}{rnd.choice(('Mtp', 'Sud', 'Hérault', 'Love', ''))}",
                           f"{_strip_accents(person.description[0]).replace(' ', '')}{rnd.randint(1, 99)}"))

    def _phones(self, person: _Person, first: int, last: int, visit_starts: list[int]) -> list[tuple[int, int]]:
        """The numbers a person's ads give over time (those of the network when it answers for them)."""
        rnd, network = self.rnd, person.network
        if network and network.phone_mode == "standard":
            return network.switchboard
        if network and network.phone_mode == "suite":
            if not network.batch:
                network.batch = self.phones.batch()
            return [(first, network.batch.pop(0))]
        if network and network.phone_mode == "individuel" and network.kind != "local":
            phones: list[tuple[int, int]] = []
            for start in visit_starts:
                if not phones or rnd.random() < 0.4:
                    handed = [h for h in network.handover if h[0] <= start]
                    if handed and rnd.random() < 0.5:
                        network.handover.remove(handed[0])
                        phones.append((start, handed[0][1]))
                    else:
                        phones.append((start, self.phones.number()))
            network.handover.append((last + 1, phones[-1][1]))
            return phones
        return self._epochs((first, last), 400, self.phones.number)

    def _banks(self, person: _Person) -> tuple[str, str]:
        network = person.network
        if network and network.kind == "salon":
            return "salon", ""
        if person.gender == "homme":
            return "fr1m", ""
        third = network.third_person if network else self.rnd.random() < 0.03
        language = network.language if network else "fr"
        origin = _ORIGINS.get(person.origin)
        if not network and origin and person.origin != "française":
            r = self.rnd.random()
            if r < 0.08:
                language = "en"
            elif r < 0.12 and origin.pt:
                language = "pt"
            elif r < 0.12 and origin.es:
                language = "es"
            elif r < 0.12 and origin.it:
                language = "it"
        if language == "fr+es" and not (origin and origin.es):
            language = "fr"
        voice = "3f" if third else "1f"
        if language in ("es", "pt", "it"):
            return f"{language}1f", ""
        if language == "en":
            return f"en{voice}", ""
        if language == "fr+en":
            return f"fr{voice}", f"en{voice}"
        if language == "fr+es":
            return f"fr{voice}", "es1f"
        return f"fr{voice}", ""

    def _available(self, person: _Person) -> frozenset[str]:
        """The fields a writing may use: the age in the text six times in ten, the origin if stated."""
        fields_ = {"nom", "ville", "debut", "fin", "autreville", "tel", "site", "desc", "desc_en", "salon"}
        if self.rnd.random() < 0.6:
            fields_.add("age")
        origin = _ORIGINS.get(person.origin)
        if origin:
            fields_ |= {"orig", "orig_en"}
            for lang in ("es", "it", "pt"):
                if getattr(origin, lang):
                    fields_.add(f"orig_{lang}")
        return frozenset(fields_)

    def _writings(self, person: _Person, span: tuple[int, int], every: float) -> list[tuple[int, _Version]]:
        """Successive writings over ``span``, as (start day, writing): a rewrite keeps part of the previous one.

        A network's template is drawn for its first person of a language; its others share it.
        """
        rnd = self.rnd
        versions: list[_Version] = []
        starts = [day for day, _ in self._epochs(span, every, lambda: None)]
        network = person.network
        for start in starts:
            available = self._available(person)
            foreign = person.origin not in ("", "française") and person.bank != "fr1m"
            parts = _draw_parts(rnd, person.bank, available, _optional_slots(rnd, foreign))
            if versions:  # a rewrite: some sentences kept from the previous writing
                previous = dict(versions[-1].parts)
                parts = tuple((slot, previous[slot]) if slot in previous and rnd.random() < 0.5 else (slot, i)
                              for slot, i in parts)
            titles = [i for i, f in enumerate(_TITLE_FIELDS[person.bank]) if f <= available]
            second = ()
            if person.second_bank:
                second = _draw_parts(rnd, person.second_bank, available, ("intro", "offer", "avail"))
            incoherent = 0.3 if network else 0.1
            versions.append(_Version(
                start=start, bank=person.bank, parts=parts, title=rnd.choice(titles),
                second_bank=person.second_bank, second_parts=second,
                misspellings=network.misspellings if network else (),
                field_age_shift=rnd.choice((-2, -1, 1, 2, -3)) if rnd.random() < incoherent else 0,
                text_age_shift=rnd.choice((-1, 1, -2)) if rnd.random() < incoherent / 2 else 0,
                tells_passage=rnd.random() < 0.65,
                passage_claim=rnd.random() < 0.03,
            ))
        return [(v.start, v) for v in versions]


def _poisson(rnd: random.Random, lam: float) -> int:
    """A Poisson draw from Python's generator (Knuth's method, for the small means used here)."""
    limit, k, p = math.exp(-lam), 0, 1.0
    while True:
        p *= rnd.random()
        if p <= limit:
            return k
        k += 1


# --------------------------------------------------------------------------------------------
# Ads
# --------------------------------------------------------------------------------------------

class _AdWriter:
    """Writes a person's ads: postings on their sites, reposts, the mirrors' copies."""

    def __init__(self, builder: _WorldBuilder):
        self.b = builder
        self.rnd = builder.rnd
        self.columns: dict[str, list] = {c: [] for c in SHEET_COLUMNS[1:]}
        self.columns["day"] = []
        self.columns["site_index"] = []
        self.truth_person: list[str] = []
        self.truth_network: list[str] = []
        self._text_cache: dict[tuple, tuple[str, str]] = {}

    def write(self, person: _Person, n_ads: int) -> None:
        rnd = self.rnd
        stay_lengths = [s.end - s.start + 1 for s in person.stays]
        cum = list(itertools.accumulate(stay_lengths))
        self._text_cache = {}
        remaining = n_ads
        while remaining > 0:
            stay = person.stays[bisect.bisect_right(cum, rnd.random() * cum[-1])] if len(cum) > 1 else person.stays[0]
            day = rnd.randint(stay.start, stay.end)
            site = rnd.choices(person.sites, person.site_weights)[0]
            ad = self._posting(person, stay, day, site)
            self._emit(person, ad, day, site)
            remaining -= 1
            if site == _ORIGIN_INDEX:
                for mirror in _MIRRORS:
                    if remaining and rnd.random() < _MIRROR_COPY:
                        copy_day = min(day + rnd.randint(0, 3), self.b.days - 1)
                        self._emit(person, self._mirror(ad, mirror, stay), copy_day, mirror)
                        remaining -= 1

    def _emit(self, person: _Person, ad: dict, day: int, site: int) -> None:
        cols = self.columns
        for key in ("commune_declaree", "titre", "texte", "telephone", "pseudo", "age_declare"):
            cols[key].append(ad[key])
        cols["site"].append(SITES[site].domain)
        cols["date_collecte"].append(self.b.date_text[day])
        cols["day"].append(day)
        cols["site_index"].append(site)
        self.truth_person.append(person.ident)
        self.truth_network.append(person.network.ident if person.network else "")

    def _posting(self, person: _Person, stay: _Stay, day: int, site_idx: int) -> dict:
        rnd = self.rnd
        site = SITES[site_idx]
        network = person.network
        version = _at(person.versions, day)
        name = person.alias.get(site_idx) or _at(person.names, day)
        number = _at(person.phones, day)
        age = person.age + (day + person.birthday) // 365

        shows_phone = rnd.random() < site.phone and rnd.random() >= person.hides_phone
        phone_field = ""
        if shows_phone:
            phone_field = _format_phone(self._typed(number), "paires" if site.normalised_phone else person.field_format)
        phone_text = ""
        if rnd.random() < (person.text_phone if shows_phone else min(1.0, person.text_phone + 0.3)):
            phone_text = _format_phone(self._typed(number), person.text_format)

        passage = stay.passage and version.tells_passage or version.passage_claim
        ville = stay.place or COMMUNES[stay.commune].name
        key = (id(version), name, age, ville, phone_text, passage, site_idx, stay.start)
        cached = self._text_cache.get(key)
        if cached is None:
            cached = self._render(person, version, name, max(18, age + version.text_age_shift), ville, phone_text,
                                  passage, stay, site_idx)
            self._text_cache[key] = cached
        title, text = cached

        if site.pseudo == "aucun" or rnd.random() < 0.05:
            pseudo = ""
        elif site.pseudo == "compte":
            pseudo = network.account if network and network.shared_account else _at(person.accounts, day)
        else:
            pseudo = name
        age_text = ""
        if site.age and rnd.random() < person.gives_age:
            shown = max(18, age + version.field_age_shift)  # the sites refuse minors' ads (IV-A-2)
            age_text = f"{shown} ans" if site.age == "ans" else str(shown)
        return {"commune_declaree": self._commune(person, stay, site), "titre": title, "texte": text,
                "telephone": phone_field, "pseudo": pseudo, "age_declare": age_text}

    def _typed(self, number: int) -> str:
        """The digits of a number as typed: 1.5 % of the time with a mistake."""
        digits = _digits(number)
        return _mistype(digits, self.rnd) if self.rnd.random() < 0.015 else digits

    def _commune(self, person: _Person, stay: _Stay, site: Site) -> str:
        w = self.b.writer
        if site.commune == "liste":
            return w.listed(stay.commune, False)
        if site.commune == "liste_cp":
            return w.listed(stay.commune, True)
        if site.commune == "code":
            return w.postcode(stay.commune)
        if stay.place and self.rnd.random() < 0.5:
            return stay.place
        return w.free(stay.commune, person.commune_habit)

    def _mirror(self, ad: dict, mirror_idx: int, stay: _Stay) -> dict:
        """A mirror's copy: same ad, its own commune field, its own garbling of the text."""
        mirror = SITES[mirror_idx]
        copy = dict(ad)
        if mirror.commune != "libre":
            copy["commune_declaree"] = self._commune_structured(stay.commune, mirror)
        if mirror.render == "sans_accents":
            copy["titre"], copy["texte"] = _strip_accents(ad["titre"]), _strip_accents(ad["texte"])
        elif mirror.render == "mojibake":
            copy["titre"], copy["texte"] = _mojibake(ad["titre"]), _mojibake(ad["texte"])
        elif mirror.render == "tronque" and len(ad["texte"]) > 160:
            copy["texte"] = ad["texte"][:160].rstrip() + "..."
        return copy

    def _commune_structured(self, commune: int, site: Site) -> str:
        w = self.b.writer
        if site.commune == "code":
            return w.postcode(commune)
        return w.listed(commune, site.commune == "liste_cp")

    def _render(self, person: _Person, version: _Version, name: str, age: int, ville: str, phone_text: str,
                passage: bool, stay: _Stay, site_idx: int) -> tuple[str, str]:
        rnd, b = self.rnd, self.b
        network = person.network
        # « plusieurs catégories » from one ad to the next: the nationality, or the category instead
        alt = rnd.random() < (0.25 if network else 0.1)
        origin = _ORIGINS.get(person.alt_origin if alt else person.origin)
        values = {
            "nom": name, "age": age, "ville": ville, "tel": phone_text, "site": _SITE_WORD[site_idx],
            "desc": person.description[0], "desc_en": person.description[1],
            "orig": (origin.fr_m or origin.fr) if origin and person.gender == "homme" else origin.fr if origin else "",
            "orig_en": origin.en if origin else "", "orig_es": origin.es if origin else "",
            "orig_it": origin.it if origin else "", "orig_pt": origin.pt if origin else "",
            "debut": b.short_date[stay.start], "fin": b.short_date[stay.end],
            "autreville": rnd.choice(_OTHER_CITIES), "salon": network.salon if network else "",
        }
        bank = _BANKS[version.bank]
        summer = _in_summer(b.dates[stay.start])
        sentences = []
        for slot, i in version.parts:
            if (slot == "passage" and not passage) or (slot == "contact" and not phone_text):
                continue
            if slot == "contact" and version.second_parts:
                continue
            sentence = bank[slot][i]
            if slot == "passage" and not summer and sentence in _SUMMER_ONLY:
                sentence = bank[slot][0]
            sentences.append(_capitalised(sentence.format_map(values)))
        text = " ".join(sentences)
        if version.second_parts:
            second = _BANKS[version.second_bank]
            tail = [second[slot][i].format_map(values) for slot, i in version.second_parts]
            if phone_text:
                tail.append(second["contact"][0].format_map(values))
            text = f"{text} / {' '.join(tail)}"
        title = _capitalised(_TITLES[version.bank][version.title].format_map(values))
        for i in version.misspellings:
            wrong, right = _MISSPELLINGS[i]
            text = text.replace(wrong, right)
        if person.sms_style:
            for long, short in _SMS_STYLE:
                text = text.replace(long, short)
        if person.emoji:
            text = f"{text} {person.emoji}"
            title = f"{person.emoji} {title}"
        if person.no_accents:
            text, title = _strip_accents(text), _strip_accents(title)
        if person.title_caps:
            title = title.upper()
        return title, text


def _capitalised(sentence: str) -> str:
    return sentence[:1].upper() + sentence[1:]


def _mojibake(text: str) -> str:
    """UTF-8 read as Windows-1252, as a careless copy does."""
    return text.encode("utf-8").decode("cp1252", errors="replace")


# --------------------------------------------------------------------------------------------
# The world
# --------------------------------------------------------------------------------------------

MAX_ADS_FACTOR = 8  # nobody has more than eight times the mean number of ads per person


def _ads_per_person(builder: _WorldBuilder, persons: list[_Person]) -> list[int]:
    """Each person's number of ads: one at least, the rest shared by activity and presence, capped."""
    rates = {"independante": 0.06, "independant": 0.06, "tournee": 0.5, "agence": 0.5, "salon": 0.12,
             "local": 0.08}
    weights = np.empty(len(persons))
    for i, p in enumerate(persons):
        # a dating ad copied by the mirrors is reposted less often: its copies count by their square root
        copies = sum(_copies_expected(s) ** 0.5 * w for s, w in zip(p.sites, p.site_weights)) / sum(p.site_weights)
        spread = min(math.exp(builder.rnd.gauss(0.0, 0.6)), 3.0)
        weights[i] = rates[p.profile] * p.presence() * copies * spread
    cap = max(2, math.ceil(MAX_ADS_FACTOR * builder.n_ads / len(persons)))
    counts = np.ones(len(persons), dtype=np.int64)
    left = builder.n_ads - len(persons)
    while left > 0:  # share, clip at the cap, share the excess again among the others
        open_weights = np.where(counts < cap, weights, 0.0)
        counts += builder.rng.multinomial(left, open_weights / open_weights.sum())
        left = int(np.maximum(counts - cap, 0).sum())
        counts = np.minimum(counts, cap)
    return counts.tolist()


def _build(n_ads: int, seed: int) -> tuple[_WorldBuilder, list[_Person], _AdWriter]:
    if not isinstance(n_ads, int) or n_ads < 1:
        raise ValueError("n_ads must be a positive integer")
    builder = _WorldBuilder(n_ads, seed)
    persons = builder.build_persons()
    counts = _ads_per_person(builder, persons)
    writer = _AdWriter(builder)
    for person, count in zip(persons, counts):
        writer.write(person, count)
    return builder, persons, writer


def tenth_world(n_ads: int, seed: int = 3407) -> tuple[pd.DataFrame, pd.DataFrame]:
    """The collection sheet of ``n_ads`` ads and its truth (who each ad presents, who organises it).

    Rows are in collection order (by date, then site); ``id_annonce`` numbers them in that order.
    """
    builder, _, writer = _build(n_ads, seed)
    cols = writer.columns
    order = np.lexsort((builder.rng.random(n_ads), np.array(cols.pop("site_index")), np.array(cols.pop("day"))))
    ids = [f"A{i:07d}" for i in range(1, n_ads + 1)]
    sheet = {"id_annonce": ids}
    for name in SHEET_COLUMNS[1:]:
        values = cols.pop(name)
        sheet[name] = [values[j] for j in order]
        del values
    truth = {"id_annonce": ids,
             "id_personne": [writer.truth_person[j] for j in order],
             "id_reseau": [writer.truth_network[j] for j in order]}
    return (pd.DataFrame(sheet, columns=list(SHEET_COLUMNS), dtype="str"),
            pd.DataFrame(truth, columns=list(TRUTH_COLUMNS), dtype="str"))


def write_tenth_world(n_ads: int, folder, seed: int = 3407) -> tuple[Path, Path]:
    """Writes the sheet and its truth as ``folder/annonces-SYNTHETIQUE.csv`` and
    ``folder/verite/annonces-SYNTHETIQUE.csv`` (UTF-8, comma, header, "\\n") and returns both paths."""
    sheet, truth = tenth_world(n_ads, seed)
    folder = Path(folder)
    sheet_path, truth_path = folder / FILE_NAME, folder / "verite" / FILE_NAME
    truth_path.parent.mkdir(parents=True, exist_ok=True)
    sheet.to_csv(sheet_path, index=False, encoding="utf-8", lineterminator="\n")
    truth.to_csv(truth_path, index=False, encoding="utf-8", lineterminator="\n")
    return sheet_path, truth_path
