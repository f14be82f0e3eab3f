"""A seventh synthetic ad corpus, written blind: the Bouches-du-Rhône (département 13).

Data sheet
==========

What this is. A *collection sheet*: one row per online ad a collector saved while counting the
offer of prostitution on the Internet in the Bouches-du-Rhône, and beside it the *truth* (which
person posted each ad, and which organised group, if any, stood behind that person). Everything
is invented: persons, handles, texts, sites (every domain ends in ``.example``) and phone
numbers (only the ranges ARCEP reserves for fiction). Nothing describes a real person or site.
It was written without seeing the project's linkage code, so that the linkage can be judged on
ads it was not tuned to.

Public interface: ``DEPARTEMENT``, ``COLUMNS``, ``TRUTH_COLUMNS``, ``person_count(n_ads)``,
``span_days(n_ads)``, ``seventh_world(n_ads, seed=2030)`` → ``(sheet, truth)`` and
``write_seventh_world(n_ads, folder, seed=2030)`` → the two CSV paths.

What the world takes from the report (Amicale du Nid, *Diagnostic … Pas-de-Calais*, 2020)
------------------------------------------------------------------------------------------
* I-B-1 and II-B: 699 ads counted over 77 days (20 September – 5 December 2018) on 39 sites,
  a 61 % duplicate rate, hence 273 persons. Here **699 ads always give exactly 273 persons**,
  and a 699-ad collection lasts 77 days.
* I-B-1, annex 5 (1-a): three kinds of sites, escort directories and agencies' catalogues,
  general classified ads, dating sites, plus one directory of "massage" salons (SIRET
  required, « prestations de bien-être »). II-B: on the dating side, eleven sites showed the
  *same* 17 ads (« sites reprenant les mêmes contenus »); annex 5 (1-a): sites of the same
  design, probably by the same authors, as back-ups. Here a family of nine dating sites copies
  each posting onto several of its members, and one escort directory has two back-up mirrors.
* II-B (the four quoted ads): euphemisms (« moment », « détente », « compagnie »), conditions
  (« pas de sms », « numéros masqués »), « photos 100 % vraies », « appartement climatisé »,
  « je peux me déplacer », « sur le secteur ». The texts use that register and never anything
  explicit.
* III-D: ads sorted by the town their authors declare; 18 % of ads present the person as
  « de passage »; ads concentrate in a few towns (80 % in five agglomerations in the 62) but
  about thirty communes appear, rural ones included; towns may be residence or meeting place.
* IV-A-1: in the ads, 84 % women, 7 % men, 9 % transgender persons (drawn per person here).
* IV-A-2: 53 % of the ads studied gave no age; mean declared age 30; ages are declared, and
  sites forbid minors. Here no declared age is under 19, and age display depends on the site.
* IV-A-3: a nationality or origin is given for 58 % of persons, of whom 20 % French and 80 %
  foreign (Latin America, Europe, Asia, Africa), as ads label persons (« brésilienne »,
  « asiatique »…), which may not be true.
* V-A-1: local, often intimate, pimping (a partner, 1–3 persons, one phone for them).
  V-A-2 and annex 5 (2): international networks touring (« sex-tours ») between towns for a
  few days to weeks, apartments rented for the purpose. III-B-2: massage salons.
* V-A-4: the indices of organised prostitution, all planted here in networks' ads: the same
  wording and misspellings across persons, the same handle for several persons, the same
  town and dates, the same phone or numbers differing only in their last two digits, third
  person, English, incoherent ages or handles, « de passage », « 24h/24 ». 38 % of the ads
  studied showed such clues.

Decided, not in the report
--------------------------
* **Growth law** (« decided, not in the report »): persons = min(n, round(273 · (n/699)^0.55))
  and the collection lasts round(77 · max(1, n/699)^0.4) days, starting Monday 30 September
  2019; the collector works on Mondays, Wednesdays and Thursdays. A bigger sheet is a longer
  collection: the same persons post again and are reposted, new persons arrive more slowly.

  ==========  =======  ==============  =====  ===========================================
  ads         persons  ads per person  days   distinct numbers in the sheet (of 60 000)
  ==========  =======  ==============  =====  ===========================================
  699         273      2.56            77     215
  2 000       487      4.11            117    372
  100 000     4 185    23.9            561    3 512
  1 000 000   14 849   67.3            1 408  12 735 (06 39 98: 7 078 of 10 000, 71 %)
  ==========  =======  ==============  =====  ===========================================

  (Seed 2030. The most active person has 11 ads at 699, 408 at 1 000 000, mirror copies
  included.) Shares obtained at 699 ads with seed 2030: 50 % of ads posted by persons in a
  group, 18 % « de passage », 58 % with no age shown, 49 % with an empty phone field.

* **Who posts** (shares of persons, decided): independent 46 %; local pimp (partner or
  acquaintance, groups of 1–3) 16 %; touring network (groups of 3–10) 20 %; agency catalogue
  based abroad (groups of 4–14) 10 %; massage salon (2–5 persons) 8 %. Every person placed by a
  third party carries an ``id_reseau``, even a group of one (the id then names the pimp);
  independents carry ``""``.
* **Ads per person**: each person has at least one ad; the rest are spread in proportion to a
  log-normal activity (σ = 0.8, capped at six times the median) times a factor by kind
  (independent 1, local 1.2, touring 1.5, agency 1.4, salon 1.1). A posting on the mirror
  family counts once per copy the collector met (2–9 copies).
* **What changes between one person's ads**: the site, the handle's spelling (« Léa »,
  « lea13 », « Léa_Marseille », « NEW Léa »), the way the town is written, the phone's
  spelling and whether the phone is in the text, the field or both, a segment or two of the
  text, a full rewrite about every four months, a second number for 14 % of persons, age + 1
  after each year for half of them (others keep their age), and, in networks, an age that
  differs between sites (±1–3) for a third of the members.
* **What different persons share**: common first names (a small list, so handles collide
  between unrelated persons), stock phrases every author uses, towns, dates; inside a network
  the template, its misspellings, the booking line (touring, agency, salon) or a number in the
  same hundred, the tour dates and towns; a local pimp's single number for all his persons;
  1 % of numbers pass from one person to another after the first stops (recycled SIM).
* **Phones**: the six fiction ranges only (01 99 00, 02 61 91, 03 53 01, 04 65 71, 05 36 49,
  06 39 98, xx xx). Mobiles are the most common; the others stand for virtual numbers and
  salons' landlines (04 is the region's). Each site shows its field its own way (spaced,
  compact, international, « 06 39 98 XX XX » masked until clicked, or no field); texts write
  numbers in twelve spellings (dots, dashes, slashes, +33, 0033, a letter O for the zero…).
  When a range fills up the next one is used; none does at 1 000 000 ads.
* **Sites**: 33 invented sites: 10 escort directories, 2 back-up mirrors of one of them,
  3 agency catalogues, 5 classified-ad sites, a family of 9 dating sites copying each other,
  2 other dating sites and 2 salon directories; each with its own title style, phone display
  and age display (« 27 ans », « 27 » or none).
* **Towns** (home of a person, decided): Marseille 46 %, Aix-en-Provence 14 %, then Aubagne,
  Martigues, Vitrolles, Salon-de-Provence, Arles, Istres, Marignane, La Ciotat, Les
  Pennes-Mirabeau (Plan-de-Campagne), Gardanne, Miramas…, and 7 % spread over the other
  communes. Written as ads write them: « Marseille 8e », « 13008 », « Castellane »,
  « Mrs », « Aix en Pce », « St Rémy », « Martigue », « Marseille et environs »,
  « Aix / Marseille », a neighbouring town outside the département (Toulon, Avignon) for
  2 %, nothing for 5 %.
* **Languages**: French throughout for independents (a line of English for some); touring
  networks 55 % French (third person), 30 % English, 10 % Spanish, 5 % Italian; agencies 60 %
  English. No declared age under 19, no minor depicted.
* **Order met**: rows sorted by collection day, then by the collector's round of the sites
  (a fixed order), then by their place on the page (random); ``id_annonce`` numbers them.

Performance (``/usr/bin/time -v``, this 2-core machine, ``write_seventh_world(1_000_000)``):
35–37 s elapsed and 1.43–1.47 GB maximum resident memory (two runs), both files written (314 MB and 20 MB);
``seventh_world(1_000_000)`` alone: 28 s, 1.33 GB.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import pandas as pd

from .. import communes

DEPARTEMENT = "13"
COLUMNS = ("id_annonce", "site", "date_collecte", "commune_declaree", "titre", "texte", "telephone",
           "pseudo", "age_declare")
TRUTH_COLUMNS = ("id_annonce", "id_personne", "id_reseau")

BASE_ADS, BASE_PERSONS, BASE_DAYS = 699, 273, 77
PERSON_EXPONENT, SPAN_EXPONENT = 0.55, 0.4
START = dt.date(2019, 9, 30)
WORKDAYS = (0, 2, 3)  # Monday, Wednesday, Thursday

FICTION_PREFIXES = ("019900", "026191", "035301", "046571", "053649", "063998")


def person_count(n_ads: int) -> int:
    """Persons behind n ads: 273 at 699 ads, (n/699)^0.55 growth, never more than the ads."""
    if n_ads <= 0:
        return 0
    return min(n_ads, round(BASE_PERSONS * (n_ads / BASE_ADS) ** PERSON_EXPONENT))


def span_days(n_ads: int) -> int:
    """Length of the collection in days: 77 up to 699 ads, then (n/699)^0.4 longer."""
    return round(BASE_DAYS * max(1.0, n_ads / BASE_ADS) ** SPAN_EXPONENT)


# --- sites ---------------------------------------------------------------------------------

@dataclass(frozen=True)
class _Site:
    domain: str
    kind: str  # escort, agency, classified, dating, mirror, massage
    weight: float
    phone: str  # spaced, compact, intl, dotted, masked, none
    age: str  # ans, num, none
    title: str  # handle, descriptive, dating, salon
    family: str = ""


SITES = (
    _Site("escortes-provence.example", "escort", 5.0, "spaced", "ans", "handle"),
    _Site("calanques-companions.example", "escort", 3.0, "intl", "num", "handle"),
    _Site("annuaire-velours.example", "escort", 4.0, "compact", "ans", "handle"),
    _Site("sudescort.example", "escort", 6.0, "spaced", "num", "handle", "sud"),
    _Site("sudescort-backup.example", "escort", 1.5, "spaced", "num", "handle", "sud"),
    _Site("sud-escort2.example", "escort", 1.0, "spaced", "num", "handle", "sud"),
    _Site("mistral-girls.example", "escort", 2.5, "none", "ans", "handle"),
    _Site("escort-passion13.example", "escort", 3.0, "dotted", "ans", "descriptive"),
    _Site("rivage-escort.example", "escort", 1.5, "spaced", "none", "handle"),
    _Site("ts-companions.example", "escort", 1.5, "intl", "ans", "handle"),
    _Site("garcons-du-sud.example", "escort", 0.8, "compact", "num", "handle"),
    _Site("annuaire-independantes.example", "escort", 2.0, "spaced", "ans", "descriptive"),
    _Site("riviera-elite-models.example", "agency", 2.0, "intl", "num", "handle"),
    _Site("euro-vip-tour.example", "agency", 1.5, "intl", "ans", "handle"),
    _Site("golden-nights-agency.example", "agency", 1.0, "none", "num", "handle"),
    _Site("annonces-du-sud.example", "classified", 4.0, "masked", "none", "descriptive"),
    _Site("bonplan-adultes.example", "classified", 3.0, "none", "none", "descriptive"),
    _Site("vitrine-annonces.example", "classified", 2.5, "compact", "none", "descriptive"),
    _Site("petitesannonces-paca.example", "classified", 2.0, "spaced", "none", "descriptive"),
    _Site("troc-rencontres.example", "classified", 1.0, "none", "none", "descriptive"),
    _Site("rencontre-coquine-sud.example", "mirror", 1.0, "none", "ans", "dating", "m"),
    _Site("celibmed.example", "mirror", 1.0, "none", "ans", "dating", "m"),
    _Site("doux-rendezvous.example", "mirror", 1.0, "none", "ans", "dating", "m"),
    _Site("rencontres-sans-suite.example", "mirror", 1.0, "none", "ans", "dating", "m"),
    _Site("tendres-instants.example", "mirror", 1.0, "none", "ans", "dating", "m"),
    _Site("rendezvous-discret.example", "mirror", 1.0, "none", "ans", "dating", "m"),
    _Site("calins-du-soir.example", "mirror", 1.0, "none", "ans", "dating", "m"),
    _Site("flirt-phoceen.example", "mirror", 1.0, "none", "ans", "dating", "m"),
    _Site("amours-ephemeres.example", "mirror", 1.0, "none", "ans", "dating", "m"),
    _Site("plan-rencontre-sud.example", "dating", 1.5, "compact", "num", "dating"),
    _Site("rencontres-trans-sud.example", "dating", 0.7, "spaced", "ans", "dating"),
    _Site("massages-bienetre.example", "massage", 2.0, "spaced", "none", "salon"),
    _Site("zen-detente-annuaire.example", "massage", 1.0, "dotted", "none", "salon"),
)
_SITE_INDEX = {s.domain: i for i, s in enumerate(SITES)}
_MIRRORS = [i for i, s in enumerate(SITES) if s.family == "m"]
_SUD = [i for i, s in enumerate(SITES) if s.family == "sud"]

# Share of a person's postings by site kind, per kind of person (decided).
_KIND_SITES = {
    "independent": {"escort": .34, "classified": .30, "mirror": .22, "dating": .10, "massage": .04},
    "local": {"escort": .28, "classified": .45, "mirror": .20, "dating": .07},
    "touring": {"escort": .62, "classified": .18, "mirror": .12, "agency": .08},
    "agency": {"agency": .45, "escort": .48, "classified": .07},
    "salon": {"massage": .75, "classified": .20, "escort": .05},
}

# --- phones --------------------------------------------------------------------------------

_RANGE_PREFS = {  # order of preference of the fiction ranges, by holder (decided)
    "independent": {"063998": .62, "046571": .20, "019900": .06, "053649": .04, "026191": .04, "035301": .04},
    "local": {"063998": .72, "046571": .18, "019900": .04, "053649": .03, "035301": .03},
    "touring": {"063998": .45, "019900": .30, "046571": .15, "035301": .05, "026191": .05},
    "agency": {"019900": .60, "063998": .30, "046571": .10},
    "salon": {"046571": .80, "063998": .20},
}


class _Phones:
    """The 60 000 fiction numbers, handed out without replacement (a range full: the next)."""

    def __init__(self, rng: np.random.Generator):
        self.order = {p: rng.permutation(10_000) for p in FICTION_PREFIXES}
        self.used = {p: np.zeros(10_000, dtype=bool) for p in FICTION_PREFIXES}
        self.pos = {p: 0 for p in FICTION_PREFIXES}

    def _take(self, prefix: str, suffix: int) -> str:
        self.used[prefix][suffix] = True
        return f"{prefix}{suffix:04d}"

    def new(self, prefs: dict[str, float], u: float) -> str:
        cum, chosen = 0.0, next(iter(prefs))
        for prefix, w in prefs.items():
            cum += w
            if u < cum:
                chosen = prefix
                break
        start = FICTION_PREFIXES.index(chosen)
        for k in range(len(FICTION_PREFIXES)):
            prefix = FICTION_PREFIXES[(start + k) % len(FICTION_PREFIXES)]
            order, used = self.order[prefix], self.used[prefix]
            while self.pos[prefix] < 10_000 and used[order[self.pos[prefix]]]:
                self.pos[prefix] += 1
            if self.pos[prefix] < 10_000:
                return self._take(prefix, int(order[self.pos[prefix]]))
        raise RuntimeError("fiction phone ranges exhausted")

    def sibling(self, number: str, prefs: dict[str, float], u: float) -> str:
        """A free number differing from `number` in its last two digits only, if any."""
        prefix, block = number[:6], int(number[6:8])
        used = self.used[prefix]
        start = int(u * 100)
        for k in range(100):
            suffix = block * 100 + (start + k) % 100
            if not used[suffix]:
                return self._take(prefix, suffix)
        return self.new(prefs, u)

    def count(self) -> dict[str, int]:
        return {p: int(u.sum()) for p, u in self.used.items()}


def _spell(number: str, style: int) -> str:
    """A number as people write it (12 spellings)."""
    d = number
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
        return f"{d[:2]} {d[2:6]} {d[6:]}"
    if style == 8:
        return "/".join(pairs)
    if style == 9:
        return "O" + d[1] + " " + " ".join(pairs[1:])
    if style == 10:
        return f"{d[:2]} {d[2:4]} {d[4:6]} {d[6:]}"
    return f"{d[:4]} {d[4:6]} {d[6:8]} {d[8:]}"


def _field(number: str, display: str) -> str:
    """The site's phone field, as displayed."""
    if not number or display == "none":
        return ""
    if display == "spaced":
        return _spell(number, 0)
    if display == "compact":
        return number
    if display == "intl":
        return _spell(number, 4)
    if display == "dotted":
        return _spell(number, 2)
    return " ".join([number[i:i + 2] for i in range(0, 6, 2)]) + " XX XX"  # masked until clicked


# --- towns ---------------------------------------------------------------------------------

_HOMES = {"13055": 46, "13001": 14, "13005": 4, "13056": 3.5, "13117": 3, "13103": 3, "13004": 2.5,
          "13047": 2.5, "13054": 2.5, "13028": 2, "13071": 2, "13041": 1.5, "13063": 1.5, "13002": 1,
          "13027": 1, "13108": 1, "13022": .8, "13039": .8, "13077": .8}
_TAIL_SHARE = 7.0
_TOUR_TOWNS = {"13055": .58, "13001": .2, "13117": .05, "13054": .04, "13056": .04, "13103": .04, "13005": .05}
_SHORT = {"13001": ["Aix", "Aix en Pce", "Aix-en-Pce", "AIX", "Aix centre"],
          "13103": ["Salon", "Salon de Pce", "Salon-de-Pce"], "13056": ["Martigue", "Martigues centre"],
          "13071": ["Plan de Campagne", "Les Pennes", "Pennes Mirabeau"], "13054": ["Marignane aéroport"],
          "13117": ["Vitrolles aéroport", "Vitrolle"], "13047": ["Istre"], "13005": ["Aubagne centre"],
          "13028": ["Ciotat", "la ciotat"], "13004": ["Arles centre"], "13039": ["Fos"],
          "13096": ["Saintes Maries", "Stes Maries de la Mer"], "13014": ["Berre", "Etang de Berre"]}
_NEIGHBOURS = ["Toulon", "Avignon", "Aix / Toulon", "Avignon - Tarascon", "Nîmes"]
_QUARTIERS = {1: ["Noailles", "Belsunce", "Canebière"], 2: ["La Joliette"], 3: ["Belle de Mai"],
              4: ["Cinq-Avenues", "Chartreux"], 5: ["La Timone", "Baille"], 6: ["Castellane", "Cours Julien"],
              7: ["Vieux-Port", "Endoume"], 8: ["Prado", "Pointe Rouge", "Bonneveine"], 9: ["Mazargues"],
              10: ["La Capelette"], 11: ["La Valentine"], 12: ["Saint-Barnabé"], 13: ["Château-Gombert"],
              14: ["Sainte-Marthe"], 15: ["Saint-Louis"], 16: ["L'Estaque"]}
_DISTRICT_WEIGHTS = np.array([8, 5, 3, 4, 7, 12, 6, 14, 5, 6, 3, 3, 4, 3, 3, 2], dtype=float)


def _plain(name: str) -> str:
    table = str.maketrans("éèêëàâîïôöûùüçÉÈ", "eeeeaaiioouuucEE")
    return name.translate(table)


class _Towns:
    def __init__(self):
        names = communes.official_names()
        self.names = {c: n for c, n in sorted(names.items()) if c.startswith(DEPARTEMENT) and len(c) == 5}
        served: dict[str, list[str]] = {}
        for postcode, codes in sorted(communes.postcodes().items()):
            for code in codes:
                served.setdefault(code, []).append(postcode)
        # the town's main postcode: one ending in 00, else in 0, else the first
        self.postcode = {c: min(pcs, key=lambda pc: (not pc.endswith("00"), not pc.endswith("0"), pc))
                         for c, pcs in served.items()}
        tail = [c for c in self.names if c not in _HOMES and not c.startswith("132")]
        codes = list(_HOMES) + tail
        weights = np.array(list(_HOMES.values()) + [_TAIL_SHARE / len(tail)] * len(tail))
        self.home_codes, self.home_p = codes, weights / weights.sum()
        self.tour_codes = list(_TOUR_TOWNS)
        self.tour_p = np.array(list(_TOUR_TOWNS.values())) / sum(_TOUR_TOWNS.values())
        self.cache: dict[tuple[str, int], list[str]] = {}

    def short(self, code: str) -> str:
        """The town as a text says it ("Aix", "Marseille")."""
        return _SHORT.get(code, [self.names[code]])[0] if code == "13001" else self.names[code]

    def forms(self, code: str, district: int) -> list[str]:
        key = (code, district)
        if key in self.cache:
            return self.cache[key]
        name = self.names[code]
        if code == "13055":
            pc = f"130{district:02d}"
            suffix = "er" if district == 1 else "e"
            forms = ["Marseille"] * 6 + ["marseille", "marseille", "MARSEILLE", f"Marseille {district}{suffix}",
                     f"Marseille {pc}", f"{pc} Marseille", pc, "Marseille centre", "Marseille et environs",
                     *_QUARTIERS[district], "Mrs", "Marseile", "Marseille (13)", "Aix / Marseille",
                     f"Marseille {district}ème"]
        else:
            pc = self.postcode.get(code, "")
            forms = [name] * 5 + [_plain(name).lower(), name.replace("-", " "), name.upper(),
                     f"{pc} {name}", f"{name} ({DEPARTEMENT})", *_SHORT.get(code, [])]
            if name.startswith("Saint-") or name.startswith("Sainte-"):
                forms.append(name.replace("Sainte-", "Ste ").replace("Saint-", "St ").replace("-", " "))
            if code not in ("13001",):
                forms.append(f"{name} et alentours")
        self.cache[key] = forms
        return forms


# --- words ---------------------------------------------------------------------------------

_NAMES = {
    "f": ["Léa", "Jessica", "Sarah", "Manon", "Laura", "Inès", "Chloé", "Nina", "Julia", "Sofia", "Bella",
          "Lina", "Maya", "Eva", "Kelly", "Nadia", "Samira", "Camila", "Valentina", "Paola", "Luna",
          "Anastasia", "Katia", "Olga", "Mila", "Yasmine", "Clara", "Emma", "Alicia", "Vanessa", "Mélissa",
          "Océane", "Cindy", "Amandine", "Lola", "Jade", "Kim", "Lily", "Mei", "Nora", "Carla", "Daria",
          "Alina", "Bianca", "Gabriela", "Fernanda", "Sabrina", "Angela", "Lucia", "Priscilla"],
    "m": ["Kevin", "Lucas", "Adam", "Rayan", "Hugo", "Mathis", "Enzo", "Nico", "Théo", "Yanis", "Alex", "Sam"],
    "t": ["Melina", "Bianca", "Isabella", "Thalia", "Vitoria", "Kiara", "Paloma", "Brenda", "Larissa",
          "Giselle", "Alessandra", "Natasha", "Sheila", "Raissa"],
}
_ORIGINS = {  # how ads label persons (IV-A-3), French feminine / masculine / English / Spanish
    "fr": ("française", "français", "French", "francesa"), "mars": ("marseillaise", "marseillais", "local", "de aquí"),
    "br": ("brésilienne", "brésilien", "Brazilian", "brasileña"), "co": ("colombienne", "colombien", "Colombian", "colombiana"),
    "ve": ("vénézuélienne", "vénézuélien", "Venezuelan", "venezolana"), "ar": ("argentine", "argentin", "Argentinian", "argentina"),
    "cu": ("cubaine", "cubain", "Cuban", "cubana"), "es": ("espagnole", "espagnol", "Spanish", "española"),
    "it": ("italienne", "italien", "Italian", "italiana"), "pl": ("polonaise", "polonais", "Polish", "polaca"),
    "ua": ("ukrainienne", "ukrainien", "Ukrainian", "ucraniana"), "ro": ("roumaine", "roumain", "Romanian", "rumana"),
    "ru": ("russe", "russe", "Russian", "rusa"), "as": ("asiatique", "asiatique", "Asian", "asiática"),
    "cn": ("chinoise", "chinois", "Chinese", "china"), "lb": ("libanaise", "libanais", "Lebanese", "libanesa"),
    "af": ("africaine", "africain", "African", "africana"), "latina": ("latine", "latino", "Latina", "latina"),
    "med": ("méditerranéenne", "méditerranéen", "Mediterranean", "mediterránea"),
}
_FOREIGN = ["br", "co", "ve", "ar", "cu", "es", "it", "pl", "ua", "ro", "ru", "as", "cn", "lb", "af", "latina", "med"]
_LOOKS = {"f": ["brune", "blonde", "rousse", "métisse", "jolie brune", "belle blonde", "douce", "pulpeuse", "élégante",
                "petite brune", "grande blonde", "naturelle"],
          "m": ["sportif", "brun", "jeune", "musclé", "souriant", "discret"],
          "t": ["très féminine", "douce", "élégante", "pulpeuse", "brune", "blonde"]}

_FR = {
    "greet": ["Bonjour messieurs", "Coucou", "Bonsoir", "Salut à tous", "Bienvenue", "Hello", "Bonjour"],
    "offer": ["je vous propose un moment de détente", "pour un moment agréable et discret",
              "je vous offre une parenthèse de douceur", "pour partager un instant complice",
              "massage relaxant et plus si affinités", "compagnie agréable pour hommes courtois",
              "un moment de complicité sans prise de tête", "pour vous faire oublier le stress de la journée",
              "détente et bonne humeur assurées", "pour un rendez-vous plein de charme"],
    "place": ["je reçois dans un appartement discret et climatisé", "je me déplace à domicile ou à l'hôtel",
              "je reçois et je me déplace", "appartement propre et discret, parking facile",
              "je reçois dans un cadre calme et soigné", "déplacement possible sur tout le secteur",
              "je reçois en toute discrétion près du centre", "je peux me déplacer"],
    "avail": ["disponible 7j/7", "dispo de 10h à 22h", "disponible tout le temps", "disponible 24h/24",
              "sur rendez-vous uniquement", "en semaine de 11h à 20h", "dispo le soir et le week-end",
              "disponible jour et nuit"],
    "cond": ["pas de sms, pas de numéro masqué", "appels masqués et sms resteront sans réponse",
             "hommes respectueux uniquement", "hygiène et discrétion exigées", "pas sérieux s'abstenir",
             "je ne réponds pas aux numéros masqués", "courtoisie de rigueur"],
    "photos": ["photos 100% réelles", "mes photos sont vraies et récentes", "photos vérifiées",
               "MES PHOTOS SONT 100% VRAIES"],
    "close": ["Bisous", "A très vite", "Je vous attends", "Au plaisir", "Kiss", "À bientôt bisous", "Gros bisous"],
    "phone": ["Tel {p} !", "Appelle-moi au {p} (pas de sms)", "Contact : {p}, à bientôt",
              "Mon numéro : {p} (appel uniquement)", "Joignable au {p}, merci", "Tél. {p} !"],
    "passage": ["de passage à {c} pour quelques jours seulement", "nouvelle à {c} cette semaine",
                "en vacances à {c} jusqu'à dimanche", "sur {c} pour une semaine",
                "de passage sur le secteur de {c}", "première fois à {c}"],
}
_FR3 = {  # third person, networks' templates
    "intro": ["{n}, {l} {o} de {a} ans, vous reçoit", "Nouvelle arrivée : {n}, {l} {o}, {a} ans",
              "{n} est une {l} {o} de {a} ans", "Découvrez {n}, {l} {o}", "{n} {o} {a} ans, douce et souriante"],
    "more": ["Elle vous propose un moment de détente", "Elle parle anglais et un peu français",
             "Elle vous attend dans un appartement discret", "Elle est disponible 24h/24",
             "Elle sera ravie de vous recevoir", "Réservation par téléphone uniquement"],
    "place": ["Appartement discret et climatisé", "Elle se déplace à l'hôtel", "Incall et outcall",
              "Elle reçoit près de la gare", "Elle vous reçoit dans un cadre soigné"],
    "phone": ["Réservation : {p}, merci", "Appelez le {p} (appel seulement)", "Infos au {p} !",
              "Contact {p}, pas de sms"],
}
_EN = {
    "intro": ["Hi gentlemen, I am {n}, {a} years old {o} girl", "Hello, my name is {n}, sweet {o} lady",
              "New in town: {n}, {a}, {o}", "Hi, I'm {n}, elegant {o} companion"],
    "more": ["new in {c} for few days only", "incall and outcall", "available 24/7",
             "only for respectful gentlemen", "real photos", "I speak English and a little French"],
    "phone": ["Call me {p} (no sms)", "Phone: {p}, whatsapp too", "Booking {p} !"],
    "close": ["Kisses", "See you soon", "xx"],
}
_ES = {
    "intro": ["Hola cariño, soy {n}, chica {o} muy femenina", "Hola amor, soy {n}, {a} años, {o}"],
    "more": ["estoy de paso en {c} pocos días", "recibo en apartamento discreto", "disponible 24 horas"],
    "phone": ["Llámame al {p} (no sms)", "Teléfono {p}, besos"],
    "close": ["Besitos", "Te espero"],
}
_IT = {
    "intro": ["Ciao, sono {n}, ragazza {o} dolce e raffinata", "Ciao amore, sono {n}, {a} anni"],
    "more": ["a {c} per pochi giorni", "ricevo in ambiente discreto", "disponibile tutto il giorno"],
    "phone": ["Chiamami al {p} (no sms)", "Telefono {p}, baci"],
    "close": ["Baci", "A presto"],
}
_IT_ORIGIN = {"it": "italiana", "es": "spagnola", "br": "brasiliana", "latina": "latina"}
_SALON = {
    "intro": ["Salon {s} à {c} : massages relaxants par nos hôtesses {o}",
              "{s} vous accueille à {c} pour un massage bien-être", "Nouveau à {c} : salon {s}",
              "Institut {s}, {c}, massages traditionnels et relaxants"],
    "more": ["nouvelles masseuses chaque semaine", "cadre zen et climatisé", "de 10h à 21h sur rendez-vous",
             "parking gratuit", "{n}, nouvelle masseuse, douce et attentionnée", "douche à disposition",
             "massage body-body et naturiste"],
    "phone": ["Rendez-vous au {p}, merci", "Tél {p} !", "Réservation {p} (appel)"],
}
_SALON_NAMES = ["Jade", "Lotus", "Bambou", "Orchidée", "Zen Prado", "Perle d'Orient", "Sakura", "Harmonie",
                "Jasmin", "Soie", "Nuage", "Bien-être Castellane", "Lune", "Oasis"]
_TYPOS = [("é", "e"), ("appartement", "apartement"), ("disponible", "disponnible"), ("discret", "discrait"),
          ("rendez-vous", "rdv"), ("hommes", "homme"), ("ç", "c"), ("très", "tres"), ("je vous", "jvous"),
          ("quelques", "quelque"), ("agréable", "agreable"), ("à ", "a ")]
_TITLE_DESC = {"f": ["Jolie {l} {o} à {c}", "{l} de passage à {c}", "Moment de détente {c}",
                     "Belle {o} pour moment agréable", "Massage relaxant {c}", "{n} {a} ans, {c}",
                     "Nouvelle sur {c}", "Douceur et complicité"],
               "m": ["Jeune homme {l} sur {c}", "Mec {l} pour hommes discrets", "{n} {a} ans dispo {c}"],
               "t": ["Belle trans {o} à {c}", "TS {n} {l}, {c}", "Trans {o} de passage", "{n} TS nouvelle {c}"]}
_TITLE_DATING = ["Rencontre agréable sur {c}", "Femme {a} ans cherche homme généreux", "Câlins et douceur {c}",
                 "Moment complice, {c}", "{n}, {a} ans, {c}", "Recherche homme respectueux", "Tendre rendez-vous"]


# --- persons -------------------------------------------------------------------------------

@dataclass
class _Voice:
    lang: str
    third: bool
    picks: tuple
    typos: tuple
    phone_in_text: float
    spell: int


@dataclass
class _Person:
    idx: int
    kind: str
    network: int
    gender: str
    name: str
    pseudos: list
    age: int
    age_visible: bool
    age_grows: bool
    age_jitter: bool
    origin: str
    look: str
    phones: list
    switch: int  # day the second number takes over
    home: str
    district: int
    windows: list  # (start, end, town)
    sites: list
    site_p: np.ndarray
    voice: _Voice
    passage: bool
    salon: str = ""
    voices: dict = field(default_factory=dict)


def _pick(rng: np.random.Generator, weights: dict) -> str:
    keys = list(weights)
    p = np.array([weights[k] for k in keys], dtype=float)
    return keys[int(rng.choice(len(keys), p=p / p.sum()))]


def _voice(rng: np.random.Generator, kind: str, lang: str | None = None, third: bool | None = None) -> _Voice:
    if lang is None:
        lang = {"touring": _pick(rng, {"fr": .55, "en": .30, "es": .10, "it": .05}),
                "agency": _pick(rng, {"en": .6, "fr": .4})}.get(kind, "fr")
    if third is None:
        third = kind in ("touring", "agency") and lang == "fr" and rng.random() < .8
    picks = tuple(int(x) for x in rng.integers(0, 1000, size=10))
    n_typos = int(rng.choice([0, 0, 1, 1, 2, 3]))
    typos = tuple(_TYPOS[i] for i in sorted(rng.choice(len(_TYPOS), size=n_typos, replace=False)))
    return _Voice(lang, bool(third), picks, typos, float(rng.choice([.1, .4, .7, .95])), int(rng.integers(0, 12)))


def _sites_for(rng: np.random.Generator, kind: str, gender: str) -> tuple[list, np.ndarray]:
    shares = _KIND_SITES[kind]
    chosen, weights = [], []
    for cat, share in shares.items():
        candidates = [i for i, s in enumerate(SITES) if s.kind == cat and s.family != "sud"
                      or (cat == "escort" and s.domain == "sudescort.example")]
        if gender != "t":
            candidates = [i for i in candidates if "trans" not in SITES[i].domain and "ts-" not in SITES[i].domain]
        if gender != "m":
            candidates = [i for i in candidates if "garcons" not in SITES[i].domain]
        if cat == "mirror":
            candidates = candidates[:1]  # a mirror posting lands on the family (copies added later)
        if not candidates:
            continue
        w = np.array([SITES[i].weight for i in candidates])
        k = min(len(candidates), 1 + int(rng.poisson(0.8)))
        picked = rng.choice(len(candidates), size=k, replace=False, p=w / w.sum())
        for j in sorted(picked):
            chosen.append(candidates[j])
            weights.append(share / k)
    w = np.array(weights) * rng.uniform(0.5, 1.5, size=len(weights))
    return chosen, np.cumsum(w / w.sum())


class _World:
    def __init__(self, n_ads: int, seed: int):
        self.rng = np.random.default_rng(seed)
        self.n_ads, self.n_persons, self.span = n_ads, person_count(n_ads), span_days(n_ads)
        self.towns = _Towns()
        self.phones = _Phones(self.rng)
        days = [d for d in range(self.span) if (START + dt.timedelta(days=d)).weekday() in WORKDAYS]
        self.workdays = np.array(days)
        nxt = np.searchsorted(self.workdays, np.arange(self.span))
        self.next_workday = self.workdays[np.minimum(nxt, len(self.workdays) - 1)]
        self.persons: list[_Person] = []
        self.networks = 0

    # persons ------------------------------------------------------------------------------
    def _window(self, median: float) -> tuple[int, int]:
        rng = self.rng
        length = int(np.clip(np.exp(rng.normal(np.log(median), 0.8)), 7, self.span))
        start = int(rng.integers(-length // 2, max(1, self.span - length // 2)))
        return max(0, start), min(self.span - 1, max(start + length, start + 6, 6))

    def _age(self, gender: str) -> int:
        return int(np.clip(round(19 + self.rng.gamma(2.2, 5.0)), 19, 52))

    def _origin(self, kind: str, gender: str) -> str:
        rng = self.rng
        if kind == "salon":
            return str(rng.choice(["as", "cn", "as", ""]))
        p_given = {"independent": .45, "local": .40, "touring": .80, "agency": .85}[kind]
        if rng.random() >= p_given:
            return ""
        if kind in ("independent", "local") and rng.random() < .45:
            return str(rng.choice(["fr", "mars", "med"]))
        if gender == "t":
            return str(rng.choice(["br", "co", "ve", "ar", "latina"]))
        return str(rng.choice(_FOREIGN))

    def _phone_list(self, kind: str, base: list) -> tuple[list, int]:
        rng = self.rng
        prefs = _RANGE_PREFS[kind]
        phones = list(base)
        if not phones:
            phones = [self.phones.new(prefs, rng.random())]
        if rng.random() < .14:
            phones.append(self.phones.new(prefs, rng.random()))
        return phones, int(rng.integers(0, self.span))

    def _person(self, kind: str, network: int, gender: str, voice: _Voice, base_phones: list,
                windows: list | None, home: str | None, name: str | None = None, salon: str = "") -> _Person:
        rng = self.rng
        name = name or str(rng.choice(_NAMES[gender]))
        home = home or self.towns.home_codes[int(rng.choice(len(self.towns.home_codes), p=self.towns.home_p))]
        district = int(rng.choice(16, p=_DISTRICT_WEIGHTS / _DISTRICT_WEIGHTS.sum())) + 1
        if windows is None:
            start, end = self._window(150 if kind == "independent" else 100)
            windows = [(start, end, home)]
        plain = _plain(name)
        pseudos = [name, name, plain.lower(), f"{plain.lower()}{DEPARTEMENT}", f"{name}_{self.towns.short(home).split()[0]}",
                   f"NEW {name}", name.upper(), f"{name} {rng.integers(20, 99)}"]
        if gender == "t":
            pseudos += [f"{name} TS", f"Trans {name}"]
        if kind == "salon":
            pseudos = [f"Salon {salon}", f"{salon}", f"Institut {salon}", f"{name} ({salon})"]
        phones, switch = self._phone_list(kind, base_phones)
        sites, site_p = _sites_for(rng, kind, gender)
        person = _Person(
            idx=len(self.persons), kind=kind, network=network, gender=gender, name=name, pseudos=pseudos,
            age=self._age(gender), age_visible=rng.random() < .62, age_grows=rng.random() < .5,
            age_jitter=kind in ("touring", "agency") and rng.random() < .33, origin=self._origin(kind, gender),
            look=str(rng.choice(_LOOKS[gender])), phones=phones, switch=switch, home=home, district=district,
            windows=windows, sites=sites, site_p=site_p, voice=voice,
            passage=kind in ("touring", "agency") or rng.random() < .04, salon=salon)
        self.persons.append(person)
        return person

    def _gender(self) -> str:
        u = self.rng.random()
        return "f" if u < .84 else ("m" if u < .91 else "t")

    def build_persons(self) -> None:
        rng = self.rng
        # person shares 46/16/20/10/8 %, drawn per group: share / mean group size
        kinds = {"independent": .46, "local": .16 / (5 / 3), "touring": .20 / 6.5, "agency": .10 / 8.5,
                 "salon": .08 / 3.5}
        while len(self.persons) < self.n_persons:
            left = self.n_persons - len(self.persons)
            kind = _pick(rng, kinds)
            if kind == "independent":
                self._person(kind, -1, self._gender(), _voice(rng, kind), [], None, None)
                continue
            size = {"local": int(rng.choice([1, 1, 1, 2, 2, 3])), "touring": int(rng.integers(3, 11)),
                    "agency": int(rng.integers(4, 15)), "salon": int(rng.integers(2, 6))}[kind]
            size = min(size, left)
            self.networks += 1
            net = self.networks
            if kind == "local":
                line = [self.phones.new(_RANGE_PREFS[kind], rng.random())]
                home = None
                for _ in range(size):
                    shared = line if rng.random() < .65 else []
                    p = self._person(kind, net, "f" if rng.random() < .9 else "m", _voice(rng, kind), shared, None, home)
                    home = p.home
                continue
            prefs = _RANGE_PREFS[kind]
            lines = [self.phones.new(prefs, rng.random()) for _ in range(1 + int(rng.random() < .5))]
            template = _voice(rng, kind)
            gender = "t" if kind == "touring" and rng.random() < .3 else "f"
            if kind == "salon":
                home = self.towns.home_codes[int(rng.choice(len(self.towns.home_codes), p=self.towns.home_p))]
                start, end = self._window(300)
                salon = str(rng.choice(_SALON_NAMES))
                for _ in range(size):
                    s, e = self._window(90)
                    s, e = max(s, start), max(min(e, end), max(s, start) + 6)
                    self._person(kind, net, "f", template, lines, [(s, min(e, self.span - 1), home)], home, salon=salon)
                continue
            # touring networks and agencies: visits of a few days to weeks, the same for members
            n_visits = 1 + int(rng.poisson(self.span / 200))
            visits = []
            for _ in range(n_visits):
                length = int(rng.integers(4, 22))
                s = int(rng.integers(0, max(1, self.span - 4)))
                town = self.towns.tour_codes[int(rng.choice(len(self.towns.tour_codes), p=self.towns.tour_p))]
                visits.append((s, min(self.span - 1, s + length), town))
            shared_name = str(rng.choice(_NAMES[gender]))
            for _ in range(size):
                joined = [v for v in visits if rng.random() < .7] or [visits[int(rng.integers(len(visits)))]]
                if rng.random() < .45:
                    own = [self.phones.sibling(lines[0], prefs, rng.random())]
                else:
                    own = list(lines)
                name = shared_name if rng.random() < .15 else None  # one handle for several persons
                self._person(kind, net, gender, template, own, joined, joined[0][2], name=name)

    # ads ----------------------------------------------------------------------------------
    def ad_counts(self) -> np.ndarray:
        rng = self.rng
        factor = {"independent": 1.0, "local": 1.2, "touring": 1.5, "agency": 1.4, "salon": 1.1}
        activity = np.exp(rng.normal(0.0, 0.8, size=len(self.persons)))
        activity = np.minimum(activity, 6.0)
        w = activity * np.array([factor[p.kind] for p in self.persons])
        return 1 + rng.multinomial(self.n_ads - len(self.persons), w / w.sum())


def _apply(text: str, typos: tuple) -> str:
    for old, new in typos:
        text = text.replace(old, new)
    return text


def _segments(world: _World, p: _Person, v: _Voice, town: str, age: int, number: str, u: np.ndarray,
              phone_in_text: bool) -> tuple[str, str]:
    """Title-less text of one posting and the handle used; u: ten uniforms."""
    c = world.towns.short(town)
    o_i = {"f": 0, "t": 0, "m": 1}[p.gender]
    origin = _ORIGINS[p.origin] if p.origin else None
    pk = v.picks

    def at(lst, k, shift=0):
        return lst[(pk[k] + shift) % len(lst)]

    drift = int(u[0] * 3) if u[1] < .3 else 0  # a segment changed now and then
    spelled = _spell(number, v.spell if u[2] < .8 else int(u[3] * 12)) if phone_in_text else ""
    parts: list[str] = []
    if p.kind == "salon":
        o = origin[0] + "s" if origin else "qualifiées"
        parts.append(at(_SALON["intro"], 0).format(s=p.salon, c=c, o=o))
        parts += [at(_SALON["more"], 1, drift).format(n=p.name), at(_SALON["more"], 1, drift + 3)]
        if spelled:
            parts.append(at(_SALON["phone"], 3).format(p=spelled))
    if v.lang == "en":
        o = origin[2] if origin else "sexy"
        parts += [at(_EN["intro"], 0).format(n=p.name, a=age, o=o), at(_EN["more"], 1, drift).format(c=c),
                  at(_EN["more"], 2)]
        if spelled:
            parts.append(at(_EN["phone"], 3).format(p=spelled))
        parts.append(at(_EN["close"], 4))
    elif v.lang == "es":
        o = origin[3] if origin else "latina"
        parts += [at(_ES["intro"], 0).format(n=p.name, a=age, o=o), at(_ES["more"], 1, drift).format(c=c)]
        if spelled:
            parts.append(at(_ES["phone"], 3).format(p=spelled))
        parts.append(at(_ES["close"], 4))
    elif v.lang == "it":
        o = _IT_ORIGIN.get(p.origin, "italiana")
        parts += [at(_IT["intro"], 0).format(n=p.name, a=age, o=o), at(_IT["more"], 1, drift).format(c=c)]
        if spelled:
            parts.append(at(_IT["phone"], 3).format(p=spelled))
        parts.append(at(_IT["close"], 4))
    elif v.third:
        o = origin[o_i] if origin else ""
        parts.append(at(_FR3["intro"], 0).format(n=p.name, l=p.look, o=o, a=age).replace("  ", " "))
        parts += [at(_FR3["more"], 1, drift), at(_FR3["place"], 2)]
        if p.passage:
            parts.append(at(_FR["passage"], 5, drift).format(c=c).replace("nouvelle", "elle est nouvelle"))
        if spelled:
            parts.append(at(_FR3["phone"], 3).format(p=spelled))
    else:
        o = origin[o_i] if origin else ""
        who = {"f": "une", "t": "une", "m": "un"}[p.gender]
        kind_word = {"f": "femme", "t": "trans", "m": "jeune homme"}[p.gender]
        age_txt = f" de {age} ans" if p.age_visible and u[4] < .5 else ""
        intro = f"je suis {p.name}, {who} {kind_word} {p.look} {o}{age_txt}".replace("  ", " ").strip()
        parts.append(at(_FR["greet"], 0) + ", " + intro.replace(" ,", ","))
        parts.append(at(_FR["offer"], 1, drift))
        parts.append(at(_FR["place"], 2))
        if p.passage and (u[5] < .8 or p.kind in ("touring", "agency")):
            parts.append(at(_FR["passage"], 5).format(c=c))
        elif u[5] < .3:
            parts.append(f"sur {c} et environs")
        if u[6] < .8:
            parts.append(at(_FR["avail"], 6, drift))
        if u[7] < .75:
            parts.append(at(_FR["cond"], 7))
        if pk[8] % 3 == 0:
            parts.append(at(_FR["photos"], 8))
        if spelled:
            parts.append(at(_FR["phone"], 3).format(p=spelled))
        parts.append(at(_FR["close"], 4))
    text = ""
    for part in (s[0].upper() + s[1:] for s in parts if s):
        text += part if not text else (" " if text.endswith(("!", "?")) else ". ") + part
    return text, c


def _title(world: _World, p: _Person, site: _Site, pseudo: str, c: str, age: int, u: float) -> str:
    o = ""
    if p.origin:
        o = _ORIGINS[p.origin][1 if p.gender == "m" else 0]
    if site.title == "salon" or p.kind == "salon":
        return f"Salon {p.salon} - massages relaxants {c}" if u < .6 else f"{pseudo} à {c}"
    if site.title == "handle":
        forms = [f"{pseudo} - {c}", f"{pseudo}", f"{pseudo}, {age} ans", f"{pseudo} {o}".strip()]
        return forms[int(u * len(forms))]
    if site.title == "dating" and p.gender == "f":
        return _TITLE_DATING[int(u * len(_TITLE_DATING))].format(c=c, a=age, n=p.name)
    forms = _TITLE_DESC[p.gender]
    return forms[int(u * len(forms))].format(l=p.look, o=o or "", c=c, n=p.name, a=age).replace("  ", " ").strip()


def _rows(world: _World, counts: np.ndarray) -> dict[str, list]:
    rng = world.rng
    out: dict[str, list] = {k: [] for k in ("site", "day", "commune", "titre", "texte", "telephone", "pseudo", "age",
                                            "person", "network")}
    towns = world.towns
    for p, k in zip(world.persons, counts):
        k = int(k)
        U = rng.random((k, 26))
        windows = p.windows
        wlen = np.array([e - s + 1 for s, e, _ in windows], dtype=float)
        wcum = np.cumsum(wlen / wlen.sum())
        j = 0
        left = k
        while left > 0:
            u = U[j]
            j += 1
            site_i = p.sites[min(int(np.searchsorted(p.site_p, u[0], side="right")), len(p.sites) - 1)]
            copies = [site_i]
            if SITES[site_i].family == "m" and left > 1:
                m = min(left, 2 + int(u[1] * 8))
                start = int(u[2] * len(_MIRRORS))
                copies = [_MIRRORS[(start + t) % len(_MIRRORS)] for t in range(m)]
            elif SITES[site_i].family == "sud" and left > 1 and u[1] < .6:
                m = min(left, 2 + int(u[2] * 2))
                copies = _SUD[:m]
            w_i = min(int(np.searchsorted(wcum, u[3], side="right")), len(windows) - 1)
            s, e, town = windows[w_i]
            day = s + int(u[4] * (e - s + 1))
            if p.kind in ("independent", "local") and u[5] < .15:
                town = towns.home_codes[int(u[6] * 19)]  # a neighbouring town now and then
            # the person's voice, rewritten about every 120 days
            version = (day - s) // 120 if p.kind in ("independent", "local") else 0
            if version not in p.voices:
                p.voices[version] = p.voice if version == 0 else _voice(rng, p.kind, "fr", False)
            v = p.voices[version]
            number = p.phones[-1] if len(p.phones) > 1 and day >= p.switch else p.phones[0]
            age = p.age + ((day - s) // 365 if p.age_grows else 0)
            if p.age_jitter and u[7] < .5:
                age = max(19, age + int(u[8] * 7) - 3)
            in_text = u[9] < v.phone_in_text
            text, c = _segments(world, p, v, town, age, number, u[16:], in_text)
            text = _apply(text, v.typos)
            pseudo_i = int(u[10] * len(p.pseudos)) if u[11] < .6 else 0
            pseudo = p.pseudos[pseudo_i]
            title = _apply(_title(world, p, SITES[site_i], pseudo, c, age, u[12]), v.typos)
            r = u[13]
            if r < .05:
                commune = ""
            elif r < .07 and town in ("13001", "13055", "13108", "13027", "13004"):
                commune = _NEIGHBOURS[int(u[14] * len(_NEIGHBOURS))]
            else:
                forms = towns.forms(town, p.district)
                commune = forms[int(u[14] * len(forms))]
            show_field = not (in_text and u[15] < .3)
            for t, site_c in enumerate(copies):
                site = SITES[site_c]
                lag = int(u[15] * 3) * (t > 0)
                out["site"].append(site_c)
                out["day"].append(min(day + lag, world.span - 1))
                out["commune"].append(commune)
                out["titre"].append(title)
                out["texte"].append(text)
                out["telephone"].append(_field(number, site.phone) if show_field else "")
                out["pseudo"].append("" if site.kind == "classified" and u[11] > .7 else pseudo)
                shown = p.age_visible and site.age != "none"
                out["age"].append((f"{age} ans" if site.age == "ans" else str(age)) if shown else "")
                out["person"].append(p.idx)
                out["network"].append(p.network)
            left -= len(copies)
    return out


def _recycle(world: _World) -> None:
    """1 % of numbers pass to another person once their first holder has stopped."""
    rng = world.rng
    persons = [p for p in world.persons if p.kind == "independent"]
    if len(persons) < 2:
        return
    n = max(0, round(0.01 * len(persons)))
    givers = rng.choice(len(persons), size=n, replace=False)
    ends = np.array([max(e for _, e, _ in p.windows) for p in persons])
    for g in givers:
        giver = persons[int(g)]
        later = [q for q in persons if min(s for s, _, _ in q.windows) > ends[int(g)] and len(q.phones) == 1]
        if later:
            taker = later[int(rng.integers(len(later)))]
            taker.phones = [giver.phones[-1]]


def seventh_world(n_ads: int, seed: int = 2030) -> tuple[pd.DataFrame, pd.DataFrame]:
    """The collection sheet (COLUMNS) and the truth (TRUTH_COLUMNS), n_ads rows each."""
    if n_ads <= 0:
        return pd.DataFrame(columns=list(COLUMNS)), pd.DataFrame(columns=list(TRUTH_COLUMNS))
    world = _World(int(n_ads), seed)
    world.build_persons()
    _recycle(world)
    counts = world.ad_counts()
    rows = _rows(world, counts)
    day = np.asarray(world.next_workday[np.asarray(rows["day"])])
    site = np.asarray(rows["site"])
    page = world.rng.random(len(day))
    order = np.lexsort((page, site, day))
    dates = np.array([(START + dt.timedelta(days=int(d))).isoformat() for d in range(world.span)], dtype=object)
    ids = np.array([f"A{i:07d}" for i in range(1, n_ads + 1)], dtype=object)
    domains = np.array([s.domain for s in SITES], dtype=object)

    def col(name):
        return np.asarray(rows[name], dtype=object)[order]

    sheet = pd.DataFrame({
        "id_annonce": ids, "site": domains[site[order]], "date_collecte": dates[day[order]],
        "commune_declaree": col("commune"), "titre": col("titre"), "texte": col("texte"),
        "telephone": col("telephone"), "pseudo": col("pseudo"), "age_declare": col("age"),
    }, columns=list(COLUMNS))
    person = np.asarray(rows["person"])[order]
    network = np.asarray(rows["network"])[order]
    pid = np.array([f"P{i + 1:05d}" for i in range(len(world.persons))], dtype=object)
    nid = np.array([""] + [f"R{i:04d}" for i in range(1, world.networks + 1)], dtype=object)
    truth = pd.DataFrame({"id_annonce": ids, "id_personne": pid[person], "id_reseau": nid[np.where(network > 0, network, 0)]},
                         columns=list(TRUTH_COLUMNS))
    return sheet, truth


def write_seventh_world(n_ads: int, folder, seed: int = 2030) -> list[Path]:
    """Write the sheet and its truth (`verite/`) as CSV; return both paths."""
    folder = Path(folder)
    sheet, truth = seventh_world(n_ads, seed)
    (folder / "verite").mkdir(parents=True, exist_ok=True)
    paths = [folder / "annonces-SYNTHETIQUE.csv", folder / "verite" / "annonces-SYNTHETIQUE.csv"]
    sheet.to_csv(paths[0], index=False, encoding="utf-8")
    truth.to_csv(paths[1], index=False, encoding="utf-8")
    return paths
