"""Eighteenth synthetic world of online ads: the Var (83). SYNTHETIC DATA.

Every ad, person, network, pseudo and phone number below is invented. Phone numbers come only
from the two ranges ARCEP reserves for fiction that suit the Var (mobile 06 39 98 xx xx,
south-east landline 04 65 71 xx xx); sites are fictitious ``.example`` domains. Communes and
postcodes are real communes of the Var (checked against ``reference/communes.csv`` and
``reference/codes_postaux.csv``). The vocabulary stays that of a neutral ad directory: it speaks
of "personnes", never of objects, with no explicit content.

What it follows in the source report (Amicale du Nid, diagnostic du Pas-de-Calais, 2020)
-------------------------------------------------------------------------------------------
* II-B: 699 ads counted over 77 days (20 Sept. - 5 Dec. 2018) correspond to about 273 persons
  (duplicate rate about 61 %). Here 699 ads give exactly 273 persons. Site mix of II-B:
  escorting sites 58 % of postings, classified-ad sites 15 %, dating sites 27 %, the latter
  largely made of one dating site's ads copied onto a family of mirror sites (II-B: the same
  17 ads on 11 sites).
* Annex 5: three kinds of sites; escorting sites use standardised "fiches" (prénom, âge,
  cheveux, yeux, taille, origine, langues, incall/outcall, tarifs "en roses", "GFE"); dating
  sites carry short, sometimes misspelled ads, titles made of physical traits; mirror sites
  share content (and may keep a stale copy, collected later than the original). Here a
  dating-site person (30 %) has 35 % of her postings copied onto 2 to 9 mirrors, collected up to
  25 days later with the original's content (old number, old commune): about 16 % of ads.
* IV-A: persons in the ads: 84 % women, 7 % men, 9 % trans persons; declared age on 47 % of
  ads (here about 51 %: 65 % of escorting fiches, 30 % of classified ads, 40 % of dating ads;
  mean about 30, declared ages skewed young, never under 18); an origin is declared for 58 % of
  independent persons (85 % in networks), 20 % of origins French.
* III-D: 18 % of ads say "de passage" (here about 24 %: network templates say it too); ads
  concentrate in a few urban areas (here Toulon 30 %, then Fréjus / Saint-Raphaël, Hyères,
  La Seyne-sur-Mer, Draguignan...) with a tail of small communes; the coast changes with the
  tourist season.
* V-A-4 (indices of networks): shared wording for several persons, same pseudo/account for
  several persons, numbers differing only in their last digit(s), third-person writing, ads in
  English, inconsistent names or ages, "de passage", "24h/24". 38 % of ads show such indices in
  the report: here 33 % of persons belong to a network (2 to 7 persons) and, posting more
  (weight x 1.6), they account for about 43 % of ads.

Proportions chosen (per person unless stated)
---------------------------------------------
* Persons: 273 * n/699 below 699 ads; 273 * (n/699) ** 0.48 above (8 900 at 1 000 000 ads).
  Collection length: 77 days * (n/699) ** 0.35 (about 2.7 years at 1 000 000 ads), starting
  17 June 2019 so that even 699 ads cover a summer. Each person has an active window (40 days
  + exponential, mean 150 days, capped by the collection); more ads per person when longer.
* Number changes: geometric, mean about L/300 over an active window of L days (at most 3); 7 % of
  persons never show any number (site messaging only); about 10 % of ads show no number at all.
* Number placement per ad: field only 52 %, field and text 22 %, text only 13 %, none 13 %
  (none only on classified and dating sites; fiches of escorting sites always carry one).
* Number pool: mobile 06 39 98 first (blocks of ten reserved for networks, at most 40 % of the
  range), landline 04 65 71 for 6 % of persons and once mobiles run out; about 13 300 distinct
  numbers at 1 000 000 ads out of 20 000, each number owned by one person or one network.
  Spellings in text: spaced, glued, dotted, dashed, +33, "zéro six ...", words for pairs,
  "06 .. 39 .. 98 ..." with masking dots.
* Pseudos: 20 % change pseudo once; 15 % of ads leave the pseudo empty; 8 % of persons also use
  a second working name on some sites; 12 % of persons declare inconsistent ages across sites.
* Communes: 8 % of persons move once; 15 % go to a seaside resort in June-September; 8 % of
  independent persons and 35 % of networks tour ("de passage"). Communes are typed as official
  name (38 %), lower case (10 %), without accents / "St" (10 %), postcode (10 %),
  "name (postcode)" (8 %), neighbourhood or "centre" (8 %), misspelling (6 %),
  "secteur / proche X" (6 %), just "Var" or "83" (2 %), empty (2 %).
* Networks: shared template (third person in 70 % of networks, English in 20 %), switchboard
  number in 45 % of networks (used on 75 % of members' ads), consecutive numbers of one block of
  ten (differ only in the last digit) in 40 %, shared account pseudo in 50 %, "24h/24" in 70 %.

Truth: ``id_personne`` is the person, ``id_reseau`` the network ("" outside any network).
"""

from __future__ import annotations

import bisect
import datetime as _dt
import random
import re
import unicodedata
from pathlib import Path

import numpy as np
import pandas as pd

DEPARTEMENT = "83"
SHEET_COLUMNS = ("id_annonce", "site", "date_collecte", "commune_declaree", "titre", "texte",
                 "telephone", "pseudo", "age_declare")
TRUTH_COLUMNS = ("id_annonce", "id_personne", "id_reseau")
DEFAULT_SEED = 8318

REPORT_ADS = 699
REPORT_PERSONS = 273
REPORT_DAYS = 77
START = _dt.date(2019, 6, 17)
PERSONS_EXPONENT = 0.48
DAYS_EXPONENT = 0.35

# ARCEP fiction ranges (TECH-NOTES): prefixes of 6 digits, 10 000 numbers each.
MOBILE_PREFIX = "063998"
LANDLINE_PREFIX = "046571"
POOL_SIZE = 20_000

# --- sites ------------------------------------------------------------------------------------
ESCORT_SITES = (("escortes-azur.example", 22), ("riviera-escorts.example", 14),
                ("annuaire-escorte-sud.example", 9), ("vip-mediterranee.example", 5),
                ("escort83.example", 4), ("belles-du-var.example", 2),
                ("topmodels-cote.example", 1), ("luxe-companions.example", 1))
CLASSIFIED_SITES = (("petitesannonces-var.example", 6), ("le-marche-sud.example", 5),
                    ("trouvetout.example", 3), ("annonces-particuliers.example", 1))
DATING_SITES = (("rencontre-intime-sud.example", 1), ("on-se-voit.example", 1))
MIRROR_SITES = ("celibataires-du-sud.example", "rencontres-insolites.example",
                "rue-des-rencontres.example", "rencontre-ephemere.example",
                "sans-lendemain.example", "tolerance-rencontres.example",
                "calins-du-var.example", "fordates.example", "coeurs-du-sud.example")
ALL_SITES = tuple(s for s, _ in ESCORT_SITES + CLASSIFIED_SITES + DATING_SITES) + MIRROR_SITES
CATEGORY_SHARES = (("escort", 0.58), ("classified", 0.15), ("dating", 0.27))

# --- communes (name, INSEE code, postcodes, weight, coastal resort) -------------------------
COMMUNES = (
    ("Toulon", "83137", ("83000", "83100", "83200"), 30.0, False),
    ("Fréjus", "83061", ("83600", "83370"), 8.0, True),
    ("Saint-Raphaël", "83118", ("83700", "83530"), 7.0, True),
    ("Hyères", "83069", ("83400",), 8.0, True),
    ("La Seyne-sur-Mer", "83126", ("83500",), 7.0, False),
    ("Draguignan", "83050", ("83300",), 6.0, False),
    ("Six-Fours-les-Plages", "83129", ("83140",), 3.0, True),
    ("La Valette-du-Var", "83144", ("83160",), 3.0, False),
    ("La Garde", "83062", ("83130",), 2.5, False),
    ("Brignoles", "83023", ("83170",), 3.0, False),
    ("Saint-Tropez", "83119", ("83990",), 2.0, True),
    ("Sainte-Maxime", "83115", ("83120",), 2.0, True),
    ("Sanary-sur-Mer", "83123", ("83110",), 1.5, True),
    ("Bandol", "83009", ("83150",), 1.5, True),
    ("Le Lavandou", "83070", ("83980",), 1.0, True),
    ("Cavalaire-sur-Mer", "83036", ("83240",), 1.0, True),
    ("Cogolin", "83042", ("83310",), 1.0, False),
    ("Grimaud", "83068", ("83310",), 0.5, True),
    ("Ramatuelle", "83101", ("83350",), 0.3, True),
    ("Roquebrune-sur-Argens", "83107", ("83520", "83380"), 1.0, True),
    ("Puget-sur-Argens", "83099", ("83480",), 0.8, False),
    ("Le Muy", "83086", ("83490",), 0.6, False),
    ("Vidauban", "83148", ("83550",), 0.6, False),
    ("Le Luc", "83073", ("83340",), 0.6, False),
    ("Le Cannet-des-Maures", "83031", ("83340",), 0.3, False),
    ("Saint-Maximin-la-Sainte-Baume", "83116", ("83470",), 1.0, False),
    ("Ollioules", "83090", ("83190",), 0.8, False),
    ("Le Pradet", "83098", ("83220",), 0.6, False),
    ("Carqueiranne", "83034", ("83320",), 0.4, True),
    ("La Crau", "83047", ("83260",), 0.6, False),
    ("La Londe-les-Maures", "83071", ("83250",), 0.5, True),
    ("Bormes-les-Mimosas", "83019", ("83230",), 0.4, True),
    ("Solliès-Pont", "83130", ("83210",), 0.5, False),
    ("Cuers", "83049", ("83390",), 0.5, False),
    ("Lorgues", "83072", ("83510",), 0.4, False),
    ("Les Arcs", "83004", ("83460",), 0.4, False),
    ("Trans-en-Provence", "83141", ("83720",), 0.3, False),
    ("Saint-Cyr-sur-Mer", "83112", ("83270",), 0.5, True),
    ("Le Beausset", "83016", ("83330",), 0.3, False),
    ("Saint-Mandrier-sur-Mer", "83153", ("83430",), 0.3, True),
    ("Barjols", "83012", ("83670",), 0.15, False),
    ("Cotignac", "83046", ("83570",), 0.15, False),
    ("Salernes", "83121", ("83690",), 0.15, False),
    ("Aups", "83007", ("83630",), 0.1, False),
    ("Fayence", "83055", ("83440",), 0.15, False),
    ("Flayosc", "83058", ("83780",), 0.1, False),
    ("Tourves", "83140", ("83170",), 0.1, False),
    ("Callas", "83028", ("83830",), 0.1, False),
)
NEIGHBOURHOODS = {
    "Toulon": ("Toulon centre", "Le Mourillon", "Toulon Mourillon", "Saint-Jean-du-Var",
               "La Rode", "Toulon Port", "Pont-du-Las", "Cap Brun", "Toulon gare"),
    "Hyères": ("Hyères centre", "L'Ayguade", "Giens", "Hyères port"),
    "Fréjus": ("Fréjus-Plage", "Saint-Aygulf", "Fréjus centre", "Port-Fréjus"),
    "Saint-Raphaël": ("Boulouris", "Agay", "Saint-Raphaël centre", "Santa Lucia"),
    "La Seyne-sur-Mer": ("Tamaris", "Les Sablettes", "La Seyne centre"),
    "Draguignan": ("Draguignan centre", "Dracénie"),
    "Roquebrune-sur-Argens": ("Les Issambres",),
    "Sainte-Maxime": ("Sainte-Maxime centre",),
    "Six-Fours-les-Plages": ("Le Brusc",),
}
MISSPELLINGS = {
    "Toulon": ("Touloun", "Toullon", "Toulong"),
    "Hyères": ("Hyere", "Hieres", "Hyéres", "Yeres"),
    "Fréjus": ("Frejus", "Fréjuss", "Fregus"),
    "Saint-Raphaël": ("St Raphael", "Saint Raphael", "St-Raph", "Saint Rapha"),
    "La Seyne-sur-Mer": ("La Seynes", "La Seine sur mer", "la seyne"),
    "Draguignan": ("Dragignan", "Draguinan"),
    "Saint-Tropez": ("St Trop", "St-Tropez", "Saint Tropé"),
    "Sainte-Maxime": ("Ste Maxime", "St Maxime"),
    "Six-Fours-les-Plages": ("Six Fours", "6 fours"),
    "La Valette-du-Var": ("La Valette", "lavalette"),
    "Brignoles": ("Brignole",),
    "Sanary-sur-Mer": ("Sanary",),
    "Cavalaire-sur-Mer": ("Cavalaire",),
}
SEASONAL_RESORTS = ("Saint-Tropez", "Sainte-Maxime", "Cavalaire-sur-Mer", "Le Lavandou",
                    "Hyères", "Fréjus", "Saint-Raphaël", "Bandol", "Sanary-sur-Mer",
                    "Ramatuelle", "Grimaud", "Six-Fours-les-Plages", "Bormes-les-Mimosas")
TOUR_CIRCUIT = ("Toulon", "Fréjus", "Saint-Raphaël", "Hyères", "Draguignan", "La Seyne-sur-Mer",
                "Brignoles", "Sainte-Maxime", "Saint-Tropez", "La Valette-du-Var")

# --- persons --------------------------------------------------------------------------------
NAMES_F = ("Léa", "Jade", "Emma", "Chloé", "Inès", "Sarah", "Camila", "Julia", "Nina", "Lina",
           "Maya", "Sofia", "Bianca", "Valentina", "Paola", "Carla", "Alicia", "Eva", "Lola",
           "Anaïs", "Mélina", "Kelly", "Jessica", "Laura", "Clara", "Océane", "Manon", "Yasmine",
           "Nadia", "Amira", "Ksenia", "Olga", "Daria", "Irina", "Natacha", "Mei", "Lin", "Aya",
           "Fatou", "Awa", "Grace", "Joy", "Bella", "Luna", "Stella", "Vanessa", "Samantha",
           "Victoria", "Alexia", "Elena", "Roxane", "Margaux", "Zoé", "Lisa", "Tiffany", "Cindy")
NAMES_M = ("Lucas", "Hugo", "Nathan", "Karim", "Rafael", "Diego", "Mehdi", "Yanis", "Théo",
           "Bruno", "Enzo", "Kevin")
NAMES_T = ("Melina", "Bruna", "Thalia", "Kim", "Yasmin", "Alessandra", "Jennifer", "Barbara",
           "Dani", "Ariana", "Fernanda", "Nicole")
ORIGINS = (("française", "France", "française", 20), ("brésilienne", "Brésil", "portugais", 12),
           ("colombienne", "Colombie", "espagnol", 9),
           ("vénézuélienne", "Venezuela", "espagnol", 5),
           ("cubaine", "Cuba", "espagnol", 3), ("argentine", "Argentine", "espagnol", 3),
           ("espagnole", "Espagne", "espagnol", 5), ("italienne", "Italie", "italien", 5),
           ("ukrainienne", "Ukraine", "russe", 7), ("russe", "Russie", "russe", 5),
           ("roumaine", "Roumanie", "roumain", 6), ("polonaise", "Pologne", "polonais", 3),
           ("chinoise", "Chine", "chinois", 5), ("ivoirienne", "Côte d'Ivoire", "anglais", 3),
           ("camerounaise", "Cameroun", "anglais", 3), ("marocaine", "Maroc", "arabe", 4),
           ("libanaise", "Liban", "arabe", 2))
HAIRS = ("cheveux bruns", "cheveux noirs", "cheveux châtains", "cheveux blonds", "cheveux roux",
         "cheveux longs et bruns", "cheveux courts")
HAIR_FICHE = ("bruns", "noirs", "châtains", "blonds", "roux", "longs, bruns", "courts")
HAIR_TITLE = ("belle brune", "belle brune", "jolie châtain", "jolie blonde", "belle rousse",
              "belle brune", "charmante")
EYES = ("yeux marron", "yeux noirs", "yeux verts", "yeux bleus", "yeux noisette")
NOUNS = {"F": "jeune femme", "M": "jeune homme", "T": "jeune femme trans"}
PRON = {"F": "Elle", "M": "Il", "T": "Elle"}

SELF_TEMPLATES = (
    "Bonjour, {moi}. {qui} {desc}. Je vous reçois dans un appartement discret à {ville}. "
    "{dispo} {contact}",
    "{moi}, {qui} souriante et discrète. {desc}. Disponible sur {ville} et alentours. "
    "{langues} {contact}",
    "Nouvelle sur {ville} ! {moi}, {qui} {desc}. Moment de détente dans le respect et la "
    "courtoisie. {dispo} {contact}",
    "Coucou {moi} {qui}, {desc}. je recois ou je me deplace sur {ville}, hotel ou domicile. "
    "{contact}",
    "{qui} douce et agréable vous propose un moment de compagnie à {ville}. {moi}. {desc}. "
    "Les appels masqués resteront sans suite. {contact}",
    "Massage relaxant à {ville} par {qui} attentionnée. {moi}. {desc}. {dispo} {contact}",
    "{moi} :) {qui} {desc}, pour un moment agréable et discret sur {ville}. {langues} "
    "{contact}",
    "Bonsoir messieurs, {moi}. {qui} {desc}. Reçois en toute discrétion sur {ville}, "
    "appartement climatisé. {dispo} {contact}",
    "Je suis une {qui}, {desc}. {moi}. Disponible pour sorties et moments de détente sur {ville}. "
    "Photos 100 % réelles. {contact}",
    "{moi}, {qui} élégante et raffinée, {desc}. High level escort sur {ville}, social time "
    "apprécié. {langues} {contact}",
)
NETWORK_TEMPLATES = (
    "{nom} est une {qui} {origine} de {age} ans, {desc}. {pron} est de passage à {ville} pour "
    "quelques jours seulement. {dispo} {contact}",
    "Nouvelle arrivée à {ville} : {nom}, {age} ans, {desc}. {pron} vous reçoit dans un "
    "appartement discret et climatisé. Photos réelles. {dispo} {contact}",
    "Magnifique {qui} {origine}, {nom} {age} ans. {desc}. {pron} est en vacances sur {ville}, "
    "disponible tout le temps. {contact}",
    "{nom} vous attend à {ville} !!! {qui} {origine} {age}ans {desc}. {pron} est dispo 24h/24 "
    "7j/7 {contact}",
    "Une semaine seulement à {ville} : {nom}, {qui} de {age} ans, {desc}. {pron} parle "
    "{langue}. {dispo} {contact}",
)
ENGLISH_TEMPLATES = (
    "New in {ville}! {nom}, {age} years old, {desc_en}. Available 24/7, incall and outcall. "
    "{contact}",
    "Sweet {nom} only a few days in {ville}. {age} y.o., {desc_en}. Call me {contact}",
)
NETWORK_PSEUDOS = ("VIP Riviera", "Azur Models", "Agence Soleil", "Girls83", "Top Escort Sud",
                   "Elite Var", "Dream Team", "Perles du Sud", "Sud Passion", "Luxe Azur")


_MASCULINE = (("souriante et discrète", "souriant et discret"),
              ("douce et agréable", "doux et agréable"), ("attentionnée", "attentionné"),
              ("élégante et raffinée", "élégant et raffiné"), ("Nouvelle sur", "Nouveau sur"),
              ("Je suis une jeune homme", "Je suis un jeune homme"))


def n_persons(n_ads: int) -> int:
    """Number of distinct persons behind ``n_ads`` ads (sub-linear above the report's 699)."""
    if n_ads <= 0:
        return 0
    if n_ads <= REPORT_ADS:
        return max(1, min(n_ads, round(REPORT_PERSONS * n_ads / REPORT_ADS)))
    return round(REPORT_PERSONS * (n_ads / REPORT_ADS) ** PERSONS_EXPONENT)


def collection_days(n_ads: int) -> int:
    """Length of the collection in days (77 days for the report's 699 ads, longer beyond)."""
    if n_ads <= REPORT_ADS:
        return REPORT_DAYS
    return round(REPORT_DAYS * (n_ads / REPORT_ADS) ** DAYS_EXPONENT)


# --- small helpers ------------------------------------------------------------------------------
_UNITS = ("zéro", "un", "deux", "trois", "quatre", "cinq", "six", "sept", "huit", "neuf", "dix",
          "onze", "douze", "treize", "quatorze", "quinze", "seize", "dix-sept", "dix-huit",
          "dix-neuf")
_TENS = {2: "vingt", 3: "trente", 4: "quarante", 5: "cinquante", 6: "soixante"}


def french_number(k: int) -> str:
    """French words for 0..99."""
    if k < 20:
        return _UNITS[k]
    if k < 70:
        t, u = divmod(k, 10)
        if u == 0:
            return _TENS[t]
        return _TENS[t] + ("-et-un" if u == 1 else "-" + _UNITS[u])
    if k < 80:
        return "soixante-et-onze" if k == 71 else "soixante-" + _UNITS[k - 60]
    if k == 80:
        return "quatre-vingts"
    return "quatre-vingt-" + _UNITS[k - 80]


def _strip_accents(s: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFD", s) if unicodedata.category(c) != "Mn")


def spell_phone(digits: str, style: int) -> str:
    """Render a 10-digit number; styles 0..8 as found in ad texts."""
    pairs = [digits[i:i + 2] for i in range(0, 10, 2)]
    if style == 0:
        return " ".join(pairs)
    if style == 1:
        return digits
    if style == 2:
        return ".".join(pairs)
    if style == 3:
        return "-".join(pairs)
    if style == 4:
        return "+33 " + digits[1] + " " + " ".join(pairs[1:])
    if style == 5:
        return "zéro " + _UNITS[int(digits[1])] + " " + " ".join(pairs[1:])
    if style == 6:
        return " ".join(pairs[:2]) + " " + " ".join(french_number(int(p)) for p in pairs[2:])
    if style == 7:
        return " .. ".join(pairs)
    return " ".join(digits)


def _field_phone(digits: str, style: int) -> str:
    if style == 0:
        return digits
    if style == 1:
        return " ".join(digits[i:i + 2] for i in range(0, 10, 2))
    return "+33" + digits[1:]


class _Cum:
    """Weighted choice with a precomputed cumulative table (deterministic, fast)."""

    def __init__(self, items, weights):
        self.items = tuple(items)
        self.cum = []
        total = 0.0
        for w in weights:
            total += w
            self.cum.append(total)
        self.total = total

    def pick(self, rng: random.Random):
        return self.items[bisect.bisect_right(self.cum, rng.random() * self.total)]


_COMMUNE_PICK = _Cum([c[0] for c in COMMUNES], [c[3] for c in COMMUNES])
_COMMUNE_INFO = {c[0]: c for c in COMMUNES}
_ORIGIN_PICK = _Cum(ORIGINS, [o[3] for o in ORIGINS])
_ESCORT_PICK = _Cum([s for s, _ in ESCORT_SITES], [w for _, w in ESCORT_SITES])
_CLASSIFIED_PICK = _Cum([s for s, _ in CLASSIFIED_SITES], [w for _, w in CLASSIFIED_SITES])
_SITE_CATEGORY = {s: "escort" for s, _ in ESCORT_SITES}
_SITE_CATEGORY.update({s: "classified" for s, _ in CLASSIFIED_SITES})
_SITE_CATEGORY.update({s: "dating" for s, _ in DATING_SITES})
_SITE_CATEGORY.update({s: "dating" for s in MIRROR_SITES})


def render_commune(name: str, rng: random.Random) -> str:
    """One typed form of a commune as an ad author would write it."""
    info = _COMMUNE_INFO[name]
    u = rng.random()
    if u < 0.38:
        return name
    if u < 0.48:
        return name.lower()
    if u < 0.58:
        plain = _strip_accents(name).replace("-", " ")
        return plain.replace("Saint ", "St ").replace("Sainte ", "Ste ") if rng.random() < 0.5 \
            else plain
    if u < 0.68:
        return info[2][0] if rng.random() < 0.8 else rng.choice(info[2])
    if u < 0.76:
        return f"{name} ({info[2][0]})"
    if u < 0.84:
        hoods = NEIGHBOURHOODS.get(name)
        return rng.choice(hoods) if hoods else f"{name} centre"
    if u < 0.90:
        typos = MISSPELLINGS.get(name)
        return rng.choice(typos) if typos else name.lower().replace("-", " ")
    if u < 0.96:
        return rng.choice(("secteur ", "proche ", "région ", "secteur ")) + name
    if u < 0.98:
        return rng.choice(("Var", "83", "Var (83)"))
    return ""


# --- phone pool -------------------------------------------------------------------------------
class _Pool:
    """Fiction numbers: shuffled blocks of ten (for networks) and single numbers."""

    def __init__(self, rng: random.Random, n_blocks: int):
        blocks = list(range(1000))
        rng.shuffle(blocks)
        n_blocks = min(n_blocks, 400)  # blocks never take more than 40 % of the mobile range
        self.blocks = blocks[:n_blocks]
        singles = [b * 10 + i for b in blocks[n_blocks:] for i in range(10)]
        rng.shuffle(singles)
        self.mobile_singles = singles
        self.landline = list(range(10_000))
        rng.shuffle(self.landline)

    def block(self) -> list[str] | None:
        if not self.blocks:
            return None
        b = self.blocks.pop()
        return [f"{MOBILE_PREFIX}{b * 10 + i:04d}" for i in range(10)]

    def single(self, prefer_landline: bool = False) -> str:
        if prefer_landline and self.landline:
            return f"{LANDLINE_PREFIX}{self.landline.pop():04d}"
        if self.mobile_singles:
            return f"{MOBILE_PREFIX}{self.mobile_singles.pop():04d}"
        if self.landline:
            return f"{LANDLINE_PREFIX}{self.landline.pop():04d}"
        raise RuntimeError("fiction phone ranges exhausted")


# --- population -------------------------------------------------------------------------------
class _Network:
    __slots__ = ("id", "template", "third", "english", "switchboard", "block", "pseudo",
                 "h24", "tour", "home", "tour_offset")


class _Person:
    __slots__ = ("id", "net", "gender", "name", "alt_name", "alt_sites", "age", "age_offsets",
                 "hair", "eyes", "height", "origin", "show_origin", "langs", "home", "move_day",
                 "new_home", "seasonal", "resort", "tour", "start", "end", "phones",
                 "phone_days", "no_number", "pseudos", "pseudo_day", "sites", "template",
                 "dating", "dispo", "height_style", "texts_phone_style")


def _make_population(n_ads: int, seed: int):
    rng = random.Random(seed)
    n_pers = n_persons(n_ads)
    days = collection_days(n_ads)

    networks: list[_Network] = []
    persons: list[_Person] = []
    net_target = round(0.33 * n_pers)
    in_net = 0
    member_index: list[int] = []
    while in_net < net_target:
        size = min(rng.randint(2, 7), net_target - in_net)
        if size < 2 and networks:
            break
        net = _Network()
        net.id = f"R{len(networks) + 1:04d}"
        net.template = rng.randrange(len(NETWORK_TEMPLATES))
        net.third = rng.random() < 0.70
        net.english = rng.random() < 0.20
        net.block = rng.random() < 0.40
        net.switchboard = rng.random() < 0.45
        net.pseudo = (rng.choice(NETWORK_PSEUDOS) + f" {rng.randint(1, 99)}") \
            if rng.random() < 0.5 else None
        net.h24 = rng.random() < 0.70
        net.tour = rng.random() < 0.35
        net.home = _COMMUNE_PICK.pick(rng)
        net.tour_offset = rng.randrange(len(TOUR_CIRCUIT))
        networks.append(net)
        member_index.extend([len(networks) - 1] * size)
        in_net += size
    pool = _Pool(random.Random(seed * 7 + 1), sum(1 for n in networks if n.block))
    for net in networks:
        net.block = pool.block() if net.block else None
        net.switchboard = pool.single() if net.switchboard else None

    for k in range(n_pers):
        p = _Person()
        p.id = f"P{k + 1:05d}"
        net = networks[member_index[k]] if k < len(member_index) else None
        p.net = net
        u = rng.random()
        if net is not None:
            p.gender = "T" if u < 0.12 else "F"
        else:
            p.gender = "F" if u < 0.83 else ("M" if u < 0.92 else "T")
        names = {"F": NAMES_F, "M": NAMES_M, "T": NAMES_T}[p.gender]
        p.name = rng.choice(names)
        p.alt_name = rng.choice(names) if rng.random() < 0.08 else None
        if p.alt_name == p.name:
            p.alt_name = None
        p.age = min(55, 18 + int(rng.expovariate(1 / 11.0)) + rng.randint(0, 3))
        declared = max(18, p.age - rng.randint(0, 4))
        p.age_offsets = {}
        inconsistent = rng.random() < 0.12
        for s in ALL_SITES:
            p.age_offsets[s] = max(18, declared + (rng.randint(-3, 3) if inconsistent else 0))
        p.hair = rng.randrange(len(HAIRS))
        p.eyes = rng.randrange(len(EYES))
        p.height = rng.randint(152, 180) if p.gender != "M" else rng.randint(165, 190)
        p.origin = _ORIGIN_PICK.pick(rng)
        p.show_origin = rng.random() < (0.58 if net is None else 0.85)
        langs = ["français"]
        if p.origin[2] != "française" and rng.random() < 0.6:
            langs.append(p.origin[2])
        if rng.random() < 0.35:
            langs.append("anglais")
        p.langs = list(dict.fromkeys(langs))
        p.home = net.home if net is not None and rng.random() < 0.7 else _COMMUNE_PICK.pick(rng)
        # activity window
        length = min(days, int(40 + rng.expovariate(1 / 150.0)))
        p.start = rng.randint(0, days - length)
        p.end = p.start + length
        p.move_day = p.start + rng.randint(0, length) if rng.random() < 0.08 else None
        p.new_home = _COMMUNE_PICK.pick(rng)
        p.seasonal = rng.random() < 0.15
        p.resort = rng.choice(SEASONAL_RESORTS)
        p.tour = net.tour if net is not None else rng.random() < 0.08
        # numbers
        p.no_number = net is None and rng.random() < 0.07
        n_changes = 0
        expected = length / 300.0
        while n_changes < 3 and rng.random() < expected / (1.0 + expected):
            n_changes += 1
        p.phone_days = sorted(rng.randint(p.start, p.end) for _ in range(n_changes))
        p.phones = []
        if not p.no_number:
            landline = rng.random() < 0.06
            pos = k - member_index.index(member_index[k]) if net is not None else 0
            first = net.block[pos] if net is not None and net.block and pos < 10 \
                else pool.single(landline)
            p.phones.append(first)
            for _ in range(n_changes):
                p.phones.append(pool.single(landline))
        # pseudos
        base = p.name if rng.random() < 0.5 else rng.choice(
            (f"{p.name}_83", f"{p.name.lower()}.douce" if p.gender != "M" else f"{p.name}_sud",
             f"{p.name}{rng.randint(80, 99)}", f"la{p.name.lower()}", f"{p.name}_VIP",
             p.name + _strip_accents(p.home).replace(" ", "").replace("-", "")[:6]))
        p.pseudos = [_strip_accents(base) if rng.random() < 0.3 else base]
        p.pseudo_day = None
        if rng.random() < 0.20:
            p.pseudos.append(rng.choice((f"{p.name}_new", f"{p.name}{rng.randint(1, 9)}",
                                         f"Miss {p.name}", f"{p.name.lower()}_{p.resort[:3]}")))
            p.pseudo_day = rng.randint(p.start, p.end)
        # sites the person uses
        sites = []
        for _ in range(rng.randint(1, 4)):
            u = rng.random()
            if u < 0.62:
                sites.append(_ESCORT_PICK.pick(rng))
            elif u < 0.86:
                sites.append(_CLASSIFIED_PICK.pick(rng))
            else:
                sites.append(rng.choice(DATING_SITES)[0])
        p.sites = list(dict.fromkeys(sites))
        p.dating = rng.random() < 0.30
        p.alt_sites = [s for s in p.sites if rng.random() < 0.5] if p.alt_name else []
        p.template = rng.randrange(len(SELF_TEMPLATES))
        p.dispo = rng.choice(("Disponible de 10h à 22h.", "Disponible en journée.",
                              "Sur rendez-vous uniquement.", "Disponible 7j/7.",
                              "Disponible le soir.", ""))
        if net is not None and net.h24:
            p.dispo = rng.choice(("Disponible 24h/24.", "Dispo 24h/24 7j/7.",
                                  "Disponible tout le temps."))
        p.height_style = rng.randrange(4)
        p.texts_phone_style = rng.randrange(9)
        persons.append(p)
    return persons, networks, days, pool


# --- ads --------------------------------------------------------------------------------------
def _height(cm: int, style: int) -> str:
    m, c = divmod(cm, 100)
    return (f"{m}m{c:02d}", f"{m},{c:02d} m", f"{cm} cm", f"{m}m {c:02d}")[style]


def _commune_at(p: _Person, day: int, date: _dt.date, rng: random.Random) -> tuple[str, bool]:
    """Canonical commune of a person on a day, and whether the person is 'de passage'."""
    if p.tour:
        offset = p.net.tour_offset if p.net is not None else int(p.id[1:])
        stop = (day // 6 + offset) % len(TOUR_CIRCUIT)
        return TOUR_CIRCUIT[stop], True
    if p.seasonal and 6 <= date.month <= 9:
        return p.resort, rng.random() < 0.5
    if p.move_day is not None and day >= p.move_day:
        return p.new_home, False
    return p.home, False


def _ad_content(p: _Person, day: int, site: str, rng: random.Random) -> dict:
    date = START + _dt.timedelta(days=day)
    commune, passing = _commune_at(p, day, date, rng)
    category = _SITE_CATEGORY[site]
    net = p.net
    name = p.alt_name if p.alt_name and site in p.alt_sites else p.name
    years = (day - p.start) // 365
    age = p.age_offsets[site] + years
    # phone at that date
    phone = ""
    if p.phones:
        phone = p.phones[bisect.bisect_right(p.phone_days, day)]
        if net is not None and net.switchboard and rng.random() < 0.75:
            phone = net.switchboard
    u = rng.random()
    if not phone or (category != "escort" and u < 0.13):
        placement = "none"
    elif u < 0.65:
        placement = "field"
    elif u < 0.87:
        placement = "both"
    else:
        placement = "text"
    style = p.texts_phone_style if rng.random() < 0.7 else rng.randrange(9)
    if placement == "none":
        contact = rng.choice(("Contact uniquement par la messagerie du site.",
                              "Écrivez-moi via la messagerie.", "Contact par message privé."))
    else:
        contact = rng.choice(("Appelez-moi au {t}.", "Contact : {t}", "Tél {t}",
                              "{t} pas de sms, pas de numéros masqués.", "Mon numéro : {t}"))
        contact = contact.format(t=spell_phone(phone, style)) if placement != "field" else \
            rng.choice(("Appelez-moi.", "Pas de numéros masqués.", "Appel uniquement.", ""))
    field_phone = _field_phone(phone, rng.randrange(3)) if placement in ("field", "both") else ""

    hair, eyes = HAIRS[p.hair], EYES[p.eyes]
    height = _height(p.height, p.height_style)
    bits = [hair, eyes, height]
    if p.show_origin and rng.random() < 0.8:
        bits.append("d'origine " + p.origin[0])
    rng.shuffle(bits)
    desc = ", ".join(bits[: rng.randint(2, len(bits))])
    langues = ""
    if len(p.langs) > 1 and rng.random() < 0.6:
        langues = rng.choice(("Je parle ", "Langues : ", "Parle ")) + \
            (", ".join(p.langs[:-1]) + " et " + p.langs[-1] if rng.random() < 0.5
             else ", ".join(p.langs)) + "."
    ville = commune if rng.random() < 0.7 else render_commune(commune, rng) or commune
    qui = NOUNS[p.gender]
    if net is not None:
        if net.english:
            desc_en = f"{p.height} cm, " + ("brunette" if p.hair in (0, 1, 5) else "pretty")
            text = ENGLISH_TEMPLATES[net.template % 2].format(
                nom=name, ville=_strip_accents(ville), age=age, desc_en=desc_en, contact=contact)
        elif net.third:
            text = NETWORK_TEMPLATES[net.template].format(
                nom=name, qui=qui, origine=p.origin[0] if p.show_origin else "", age=age,
                desc=desc, pron=PRON[p.gender], ville=ville, dispo=p.dispo, contact=contact,
                langue=", ".join(p.langs[:-1]) + " et " + p.langs[-1] if len(p.langs) > 1
                else p.langs[0])
        else:
            text = SELF_TEMPLATES[net.template * 2 % len(SELF_TEMPLATES)].format(
                moi=f"moi c'est {name}, {age} ans", qui=qui, desc=desc, ville=ville,
                dispo=p.dispo, contact=contact, langues=langues)
    else:
        tmpl = p.template if rng.random() < 0.8 else rng.randrange(len(SELF_TEMPLATES))
        moi = rng.choice((f"moi c'est {name}", f"je m'appelle {name}", f"{name}",
                          f"moi c'est {name}, {age} ans", f"{name} {age} ans"))
        if rng.random() < 0.1:
            moi = "c'est moi"
        text = SELF_TEMPLATES[tmpl].format(moi=moi, qui=qui, desc=desc, ville=ville,
                                           dispo=p.dispo, contact=contact, langues=langues)
    if passing and rng.random() < 0.8:
        phrases = (" De passage à {v} pour quelques jours.", " De passage sur {v} !",
                   " Juste de passage.", " En vacances sur la côte, {v}.")
        coastal = _COMMUNE_INFO[commune][4]
        text += rng.choice(phrases if coastal else phrases[:3]).format(v=commune)
    if net is None and p.dispo == "" and rng.random() < 0.05:
        text += " Disponible 24h/24."
    show_age = {"escort": 0.65, "classified": 0.30, "dating": 0.40}[category]
    age_field = str(age) if rng.random() < show_age else ""
    if category == "escort":
        fiche = [f"Prénom : {name}"] + ([f"Âge : {age}"] if age_field else []) + [
                 f"Cheveux : {HAIR_FICHE[p.hair]}",
                 f"Yeux : {eyes[5:]}", f"Taille : {height}"]
        if p.show_origin:
            fiche.append(f"Origine : {p.origin[1]}")
        fiche.append("Langues : " + ", ".join(p.langs))
        fiche.append(rng.choice(("Incall / outcall", "Incall", "Outcall uniquement",
                                 "Reçoit et se déplace")))
        if rng.random() < 0.3:
            fiche.append(rng.choice(("Tarifs en roses sur demande", "GFE", "Social time")))
        text = " | ".join(fiche) + "\n" + text
    text = "\n".join(" ".join(line.split()) for line in text.split("\n"))
    if p.gender == "M":
        for fem, masc in _MASCULINE:
            text = text.replace(fem, masc)
    text = "\n".join(line[:1].upper() + line[1:] for line in text.split("\n"))
    text = re.sub(r" ([.,])(?=\s|$)", r"\1", text)
    text = re.sub(r"(?<=\w)\.\.(?=\s|$)", ".", text).strip()
    text = text[:1].upper() + text[1:]
    # title
    t = rng.random()
    if category == "dating":
        title = rng.choice((f"{HAIR_TITLE[p.hair]} {ville}", "moment agréable",
                            f"{qui} {p.origin[0] if p.show_origin else 'discrète'}",
                            "petit moment de détente", f"massage {ville}"))
    elif passing and t < 0.5:
        title = f"{name} de passage à {commune}"
    elif t < 0.4:
        title = f"{name}, {qui} à {ville}"
    elif t < 0.6:
        title = f"Nouvelle à {ville}" if p.gender != "M" else f"Nouveau à {ville}"
    elif t < 0.8:
        title = f"{name} {age} ans"
    else:
        title = f"{HAIR_TITLE[p.hair].capitalize()} {p.origin[0] if p.show_origin else ''}".strip()
    # pseudo
    if net is not None and net.pseudo and rng.random() < 0.7:
        pseudo = net.pseudo
    elif rng.random() < 0.15:
        pseudo = ""
    else:
        pseudo = p.pseudos[1] if p.pseudo_day is not None and day >= p.pseudo_day \
            else p.pseudos[0]
        if name != p.name:
            pseudo = name
    return {"commune": render_commune(commune, rng), "canon": commune, "titre": title,
            "texte": text, "telephone": field_phone, "pseudo": pseudo,
            "age_declare": age_field}


def _world(n_ads: int, seed: int) -> tuple[list[dict], list]:
    persons, networks, days, pool = _make_population(n_ads, seed)
    if not persons:
        return [], []
    rng = random.Random(seed * 31 + 5)
    weights = np.random.default_rng(seed).lognormal(0.0, 1.0, len(persons))
    weights *= np.array([1.6 if p.net is not None else 1.0 for p in persons])
    extra = np.random.default_rng(seed + 1).multinomial(n_ads - len(persons),
                                                        weights / weights.sum())
    rows = []
    mirror_share = 0.35
    for p, e in zip(persons, extra.tolist()):
        count = 1 + e
        ad_days = sorted(rng.randint(p.start, p.end) for _ in range(count))
        i = 0
        while i < count:
            day = ad_days[i]
            if p.dating and count - i >= 2 and rng.random() < mirror_share:
                size = min(count - i, rng.randint(3, 1 + len(MIRROR_SITES)))
                original = rng.choice(DATING_SITES)[0]
                content = _ad_content(p, day, original, rng)
                rows.append((day, original, content, p))
                mirrors = list(MIRROR_SITES)
                rng.shuffle(mirrors)
                for m in mirrors[: size - 1]:
                    # stale copy: same content, collected later
                    lag = min(days - 1, day + rng.randint(0, 25))
                    rows.append((lag, m, content, p))
                i += size
                continue
            site = rng.choice(p.sites)
            rows.append((day, site, _ad_content(p, day, site, rng), p))
            i += 1
    keys = [rng.random() for _ in rows]
    order = sorted(range(len(rows)), key=lambda j: (rows[j][0], keys[j]))
    return [rows[j] for j in order], persons


def _frames(n_ads: int, seed: int, with_canon: bool = False):
    rows, _ = _world(n_ads, seed)
    ids = [f"83-{k + 1:07d}" for k in range(len(rows))]
    sheet = pd.DataFrame({
        "id_annonce": ids,
        "site": [r[1] for r in rows],
        "date_collecte": [(START + _dt.timedelta(days=r[0])).isoformat() for r in rows],
        "commune_declaree": [r[2]["commune"] for r in rows],
        "titre": [r[2]["titre"] for r in rows],
        "texte": [r[2]["texte"] for r in rows],
        "telephone": [r[2]["telephone"] for r in rows],
        "pseudo": [r[2]["pseudo"] for r in rows],
        "age_declare": [r[2]["age_declare"] for r in rows],
    }, columns=list(SHEET_COLUMNS), dtype=object)
    truth = pd.DataFrame({
        "id_annonce": ids,
        "id_personne": [r[3].id for r in rows],
        "id_reseau": [r[3].net.id if r[3].net is not None else "" for r in rows],
    }, columns=list(TRUTH_COLUMNS), dtype=object)
    if with_canon:
        return sheet, truth, [r[2]["canon"] for r in rows]
    return sheet, truth


def eighteenth_world(n_ads: int, seed: int = DEFAULT_SEED) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Sheet and truth of ``n_ads`` synthetic ads of the Var, same row order."""
    if n_ads < 0 or n_ads > 1_000_000:
        raise ValueError("n_ads must be between 0 and 1 000 000")
    return _frames(int(n_ads), seed)


def population_numbers(n_ads: int, seed: int = DEFAULT_SEED) -> dict:
    """Cheap check of the population and phone part alone (no ad text)."""
    persons, networks, days, pool = _make_population(n_ads, seed)
    numbers: list[str] = []
    for p in persons:
        numbers.extend(p.phones)
    for n in networks:
        if n.switchboard:
            numbers.append(n.switchboard)
    return {"persons": len(persons), "networks": len(networks), "days": days,
            "numbers": numbers, "distinct_numbers": len(dict.fromkeys(numbers)),
            "pool_size": POOL_SIZE}


def write_eighteenth_world(n_ads: int, folder) -> None:
    """Write ``folder/annonces-SYNTHETIQUE.csv`` and ``folder/verite/annonces-SYNTHETIQUE.csv``."""
    folder = Path(folder)
    sheet, truth = eighteenth_world(n_ads)
    (folder / "verite").mkdir(parents=True, exist_ok=True)
    sheet.to_csv(folder / "annonces-SYNTHETIQUE.csv", index=False, encoding="utf-8",
                 lineterminator="\n")
    truth.to_csv(folder / "verite" / "annonces-SYNTHETIQUE.csv", index=False, encoding="utf-8",
                 lineterminator="\n")
