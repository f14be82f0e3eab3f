"""Sixth synthetic ad corpus, written blind: the Rhône (département 69).

Data sheet
==========

What this is
------------
A collection sheet of online ads as a collector of the Internet diagnostic would save them
(one row per ad seen, in the order met), and its truth: which person posted each ad, and
which pimping structure (« réseau ») that person's ads belong to, if any. Everything is
invented: persons, handles, first names given to them, texts, sites (every domain ends in
``.example``), phone numbers (only the ARCEP ranges reserved for fiction). The communes are
real (COG 2018 communes of the Rhône and of the Métropole de Lyon, code 69, from
``communes.official_names()``; Lyon's nine arrondissements through their postcodes). The
corpus was written without reading the project's linkage code, its rules or the other
synthetic corpora: it is a test set for the linkage of step 7, not a copy of its assumptions.

What the world takes from the report (Amicale du Nid, Pas-de-Calais, 2020)
--------------------------------------------------------------------------
* I-B-1 and annex 5-1-a: sites in three families, escort directories and agency catalogues
  (standardised profiles, a first name always shown, tours, several languages), general
  classified-ads sites (rubrics for adults or massages, the poster's account shown), dating
  sites (short texts, spelling mistakes, titles made of a physical trait, a nationality or a
  « moment »), plus one directory of massage salons; and mirror sites « reprenant les mêmes
  contenus » (the table of II-B: ten dating sites with exactly 17 ads each). Here: 39 sites
  (I-B-1 counts 39), one family of ten dating mirrors and one pair of escort mirrors copying
  an escort directory.
* II-B: 699 ads, a duplicate rate estimated at 61 %, 273 persons. At ``n_ads = 699`` the truth
  holds exactly 273 persons. The split between families follows the table of II-B loosely
  (there escorting 58 %, classified ads 15 %, dating 27 %; here, at 699 ads, 52 %, 8 % and
  37 % with the mirror copies); « decided, not in the report »: 4 % of the ads are on the
  massage directories (the report counts 0 there in 2018).
* II-B extracts and IV-A: euphemism (« moment », « détente », « compagnie », « qui prend soin
  de moi »), conditions (« pas de numéros masqués ni de SMS »), « photos 100 % réelles »,
  « je vous attends », « je peux me déplacer ».
* III-D: 18 % of the ads present the person as « de passage »; the ads concentrate on a few
  agglomerations (80 % in five in the Pas-de-Calais) with a rural tail (30 communes). Here
  Lyon, Villeurbanne, Villefranche-sur-Saône, Vénissieux and Bron carry about 70 % of the
  posts (« decided, not in the report »: the weights by commune are mine, Lyon's
  arrondissements weighted by their nightlife and hotels); the rest is spread over some
  twenty named suburbs and every other commune of code 69.
* IV-A-1: in the ads, 84 % women, 7 % men, 9 % transgender persons; the transgender persons of
  the report's network were from Latin America. Drawn by person, by kind (below).
* IV-A-2: mean declared age 30; 53 % of the ads give no age; an age is declarative and may
  vary. Declared ages ~ N(30, 6) clipped to 19..52; displayed as the site displays it.
* IV-A-3: an origin is given for 58 % of the persons, 20 % of them French, 80 % foreign, from
  the countries the report lists (Argentina, Brazil, Colombia, Cuba, Mexico, Paraguay, Puerto
  Rico, Venezuela; Germany, Spain, Italy, Finland, Poland, Ukraine; China, India, Lebanon;
  Kenya), plus Romania (IV-A-3, shared diagnosis) and the catch-all categories the ads use.
* V-A-1 / V-A-2: intra-family and local pimping (a partner posting for one to three persons),
  international networks moving persons from town to town for days or weeks (« sex tours »,
  apartments rented short term), and (press, annex 2) massage salons.
* V-A-4: the network indices: the same template for different persons (same words, same
  mistakes), a same handle or account for several persons, the same numbers or numbers
  differing only in their last digits, ads in the third person, in English, « de passage » /
  « quelques jours », « 24h/24 », inconsistent ages or origins within one ad series.
  38 % of the studied ads showed them; here the persons in structures post about half of the
  ads, and an index shows in many of them, not all (an index is drawn, not forced).
* V-B: 96 % of the ads address men, 8 % women (some both): men's ads here address women or
  couples in 45 % of cases, other ads say « messieurs » or nobody.
* Annex 5-1-b: paid options (« 100 % vérifié », « photos réelles ») and the warning « ne
  jamais payer par carte PCS avant une rencontre » under dating-site ads.
* Annex 5-2: sites sort by declared town; the date of publication is often missing (the sheet
  keeps the collection date only).

Decided, not in the report
--------------------------
* Kinds of persons (shares of persons): independent 60 %; local pimping (a partner, a
  relative or a « friend », 1 to 3 persons) 10 %; touring networks (3 to 9 persons) 17 %;
  agencies with a catalogue (4 to 12 persons) 8 %; massage salons (2 to 6 persons) 5 %.
  Every person of the last four kinds has an ``id_reseau`` (a partner exploiting one woman
  is a structure of size one); independents have ``""``.
* Ads per person: every person has at least one ad; the rest is shared in proportion to a
  lognormal weight (sigma 0.9) times a kind factor (independent 1.0, local 1.3, touring 1.8,
  agency 1.5, salon 1.2), capped at ``max(10, ceil(6 × mean))`` ads per person.
* Change within one person: 1 to 3 phone numbers over time (a new number after about 15 and
  40 ads, sometimes earlier), 1 to 3 handles, one or two first names (25 % use an alias),
  the declared age moving by one or two years in 12 % of the ads, one to three base texts
  rewritten each time (sentences dropped, swapped, added; accents lost; typos; emojis;
  capitals), 1 to 4 favourite sites, a home commune written many ways, touring persons
  moving between 2 to 4 communes. 12 % of the independents never show a number (dating-site
  messaging only). Sites with an age field leave it empty in 45 % of the ads (53 % of the
  ads without an age, IV-A-2).
* What different persons share: first names (small pools by origin), handles built the same
  way (« Lina69 » can be two persons), the network's template, account handle, phone number
  or block of ten numbers (numbers differing in the last digit), and stock sentences every
  hand uses (« pas de numéros masqués », « photos réelles »).
* Phones: a network takes a block of ten consecutive numbers and gives one per member (half
  of the networks), or one or two numbers to all members; salons and agencies add a
  landline. Mobiles come from 06 39 98 xx xx; when that range is used up they spill to
  01 99 00, 02 61 91, 03 53 01 and 05 36 49 (fiction forces it); landlines come from
  04 65 71 xx xx (the Lyon region's 04) and spill the same way. A number appears in the
  phone field (when the site shows one: 10 % to 95 % by site) and/or in the text (45 % of
  the ads of a person who writes it), written in one of fifteen spellings (spaces, dots,
  dashes, +33, 0033, letter O for zero, digits spaced out, words for a pair, a split line).
* Mirrors: an original posted on the dating family's source site is copied to its mirrors
  (each next ad of that person is a copy with probability 0.7, up to the nine mirrors), and
  the escort directory to its two mirrors (0.5): same title, text and handle, the mirror's
  own way of showing age and phone, a date 0 to 2 days later.
* Languages: touring networks write English (55 %), Spanish or Portuguese (15 % of the Latin
  American ones), otherwise French; 3 % of the independents write English.
* Dates: the collection starts on 2019-01-14 and lasts ``round(77 × (n/699)^0.4)`` days (77
  days, the report's 20 September – 5 December 2018, at 699 ads). Independents post over a
  window of Beta(2, 2) × length; touring persons in stints of 5 to 21 days.
* Growth law: a longer collection meets partly the same persons plus newcomers, as a Heaps
  law: ``persons(n) = round(273 × (n / 699) ** 0.65)`` (never more than ``n``), so that
  persons(699) = 273.

  ============  ========  ==================  ================  ===================
  ads           persons   mean ads / person   max ads / person  fiction numbers used
  ============  ========  ==================  ================  ===================
  699           273       2.56                13                337
  2 000         541       3.70                23                643
  100 000       6 875     14.55               88                8 352
  1 000 000     30 708    32.56               196               44 195
  ============  ========  ==================  ================  ===================

  (persons from the formula; the other columns measured at seed 2029. « Used » counts the
  numbers handed out, reserved blocks of ten included, out of the 60 000 fiction numbers; at
  one million ads 06 39 98 is full and the spill ranges carry the rest. No person shows more
  than 4 numbers, network and salon lines included, and no independent more than 3. The
  ranges would run out near 1.6 million ads: ``RuntimeError``, never a made-up number.)
  Measured at 699 ads: 61 % duplicates (1 − 273/699), 17 % of the ads « de passage », 53 %
  with an empty age field, mean declared age 29.6, 46 % of the ads posted by persons in a
  structure.

* Performance at 1 000 000 ads (``write_sixth_world``, this 2-core machine, measured with
  ``/usr/bin/time -v``): 36.5 s wall-clock, 1.95 GB maximum resident memory (100 000 ads:
  5.0 s, 0.36 GB).

Vocabulary: comments and names speak of « personnes en situation de prostitution »; the ad
texts are euphemistic as real ones are and never explicit.
"""

from __future__ import annotations

import math
import unicodedata
from pathlib import Path

import numpy as np
import pandas as pd

from diagnostic import communes

DEPARTEMENT = "69"
COLUMNS = ("id_annonce", "site", "date_collecte", "commune_declaree", "titre", "texte",
           "telephone", "pseudo", "age_declare")
TRUTH_COLUMNS = ("id_annonce", "id_personne", "id_reseau")

START = np.datetime64("2019-01-14")
PERSONS_AT_699 = 273
GROWTH_EXPONENT = 0.65

# ARCEP fiction ranges: prefix of eight digits, 10 000 numbers each.
MOBILE_RANGES = ("063998", "019900", "026191", "035301", "053649")
LANDLINE_RANGES = ("046571", "019900", "026191", "035301", "053649")
ALL_RANGES = ("063998", "046571", "019900", "026191", "035301", "053649")

KINDS = ("independante", "locale", "tournee", "agence", "salon")
KIND_SHARE = (0.60, 0.10, 0.17, 0.08, 0.05)
KIND_SIZE = {"locale": (1, 3), "tournee": (3, 9), "agence": (4, 12), "salon": (2, 6)}
KIND_WEIGHT = {"independante": 1.0, "locale": 1.3, "tournee": 1.8, "agence": 1.5, "salon": 1.2}


def persons_for(n_ads: int) -> int:
    """The growth law (Heaps): 273 persons at 699 ads."""
    if n_ads <= 0:
        return 0
    return max(1, min(n_ads, round(PERSONS_AT_699 * (n_ads / 699) ** GROWTH_EXPONENT)))


def collection_days(n_ads: int) -> int:
    return max(7, round(77 * (max(n_ads, 1) / 699) ** 0.4))


# --------------------------------------------------------------------------------- sites
# (domain, family, weight of original posts, P(phone field shown), age style, pseudo style)
# age style: "ans" → "27 ans", "num" → "27", "" → no age field; pseudo: "profil", "compte", "".
SITES = (
    ("lyon-escortes.example", "escort", 16, 0.95, "ans", "profil"),
    ("velours-annuaire.example", "escort", 11, 0.90, "num", "profil"),
    ("escorte-rhone.example", "escort", 8, 0.85, "ans", "profil"),
    ("elite-compagnie.example", "escort", 4, 0.60, "num", "profil"),
    ("girls-en-tournee.example", "escort", 4, 0.75, "ans", "profil"),
    ("independantes-annuaire.example", "escort", 4, 0.90, "ans", "profil"),
    ("carte-des-escortes.example", "escort", 3, 0.80, "num", "profil"),
    ("nuits-europe.example", "escort", 2, 0.70, "num", "profil"),
    ("roses-et-satin.example", "escort", 2, 0.90, "ans", "profil"),
    ("luxe-modeles.example", "escort", 1.5, 0.50, "num", ""),
    ("escorte-privee.example", "escort", 1.5, 0.90, "ans", "profil"),
    ("book-escort-fr.example", "escort", 1, 0.85, "", "profil"),
    ("dates-de-tournee.example", "escort", 1, 0.60, "num", "profil"),
    ("escorte-rhone-69.example", "escort-miroir", 0, 0.85, "ans", "profil"),
    ("escortes-auvergne-rhone.example", "escort-miroir", 0, 0.85, "", "profil"),
    ("annonces-du-rhone.example", "annonces", 6, 0.30, "", "compte"),
    ("bonplan-69.example", "annonces", 4, 0.20, "", "compte"),
    ("petitesannonces-plus.example", "annonces", 2.5, 0.40, "", "compte"),
    ("marche-local.example", "annonces", 1.5, 0.10, "", "compte"),
    ("troc-et-annonces.example", "annonces", 1, 0.25, "", ""),
    ("massages-bienetre.example", "massage", 3, 0.95, "", "profil"),
    ("salons-zen.example", "massage", 1, 0.90, "", "profil"),
    ("rencontres-lyonnaises.example", "rencontre", 6, 0.10, "num", "profil"),
    ("coeur-a-prendre.example", "rencontre", 3, 0.05, "ans", "profil"),
    ("amours-express.example", "rencontre", 2, 0.15, "num", "profil"),
    ("tchat-et-rencontres.example", "rencontre", 2, 0.00, "ans", "profil"),
    ("instants-complices.example", "rencontre-source", 9, 0.15, "num", "profil"),
    ("rdv-discret.example", "rencontre-miroir", 0, 0.15, "num", "profil"),
    ("soirees-a-deux.example", "rencontre-miroir", 0, 0.15, "num", "profil"),
    ("petit-moment.example", "rencontre-miroir", 0, 0.15, "num", "profil"),
    ("bulle-de-rencontre.example", "rencontre-miroir", 0, 0.15, "num", "profil"),
    ("tete-a-tete-69.example", "rencontre-miroir", 0, 0.15, "num", "profil"),
    ("affinites-nocturnes.example", "rencontre-miroir", 0, 0.15, "num", "profil"),
    ("cafe-rencontre.example", "rencontre-miroir", 0, 0.15, "num", "profil"),
    ("premier-verre.example", "rencontre-miroir", 0, 0.15, "num", "profil"),
    ("douce-escale.example", "rencontre-miroir", 0, 0.15, "num", "profil"),
    ("trans-et-rencontres.example", "rencontre", 1, 0.30, "ans", "profil"),
    ("hommes-a-domicile.example", "rencontre", 0.6, 0.30, "ans", "profil"),
    ("sans-engagement.example", "rencontre", 1, 0.05, "", "profil"),
)
SITE_INDEX = {s[0]: i for i, s in enumerate(SITES)}
DATING_SOURCE = SITE_INDEX["instants-complices.example"]
DATING_MIRRORS = tuple(i for i, s in enumerate(SITES) if s[1] == "rencontre-miroir")
ESCORT_SOURCE = SITE_INDEX["escorte-rhone.example"]
ESCORT_MIRRORS = tuple(i for i, s in enumerate(SITES) if s[1] == "escort-miroir")
SHORT_NAME = tuple(s[0].split(".")[0].replace("-", "") for s in SITES)

# Which families each kind posts on (weights multiply the site's own weight).
KIND_FAMILY_WEIGHT = {
    "independante": {"escort": 1.0, "annonces": 1.3, "massage": 0.2, "rencontre": 2.0, "rencontre-source": 3.0},
    "locale": {"escort": 0.7, "annonces": 2.0, "massage": 0.1, "rencontre": 2.0, "rencontre-source": 3.0},
    "tournee": {"escort": 2.2, "annonces": 0.8, "massage": 0.0, "rencontre": 0.5, "rencontre-source": 0.7},
    "agence": {"escort": 3.0, "annonces": 0.3, "massage": 0.0, "rencontre": 0.1, "rencontre-source": 0.1},
    "salon": {"escort": 0.1, "annonces": 1.0, "massage": 6.0, "rencontre": 0.0, "rencontre-source": 0.0},
}

# ------------------------------------------------------------------------------ communes
# Weights of posts by commune, « decided, not in the report ». Lyon is split by arrondissement.
TOWN_WEIGHTS = (
    ("Villeurbanne", 9), ("Villefranche-sur-Saône", 4.5), ("Vénissieux", 4), ("Bron", 3),
    ("Saint-Priest", 2.5), ("Vaulx-en-Velin", 2.5), ("Caluire-et-Cuire", 2), ("Givors", 1.5),
    ("Oullins", 1.5), ("Décines-Charpieu", 1.5), ("Tarare", 1), ("Meyzieu", 1),
    ("Rillieux-la-Pape", 1), ("Écully", 1), ("Tassin-la-Demi-Lune", 1), ("Limonest", 0.7),
    ("Chassieu", 0.7), ("Sainte-Foy-lès-Lyon", 0.8), ("Saint-Genis-Laval", 0.8), ("Genas", 0.5),
    ("Brignais", 0.5), ("Saint-Fons", 0.5), ("Neuville-sur-Saône", 0.4), ("Belleville", 0.4),
    ("Anse", 0.3), ("L'Arbresle", 0.3), ("Mions", 0.3), ("Corbas", 0.3),
)
LYON_WEIGHT = 52.0
TAIL_WEIGHT = 5.0
LYON_ARR = {  # arrondissement → (weight, districts written in ads)
    1: (5, ("Terreaux", "Croix-Rousse", "Hôtel de Ville")),
    2: (9, ("Bellecour", "Perrache", "Confluence", "Cordeliers")),
    3: (11, ("Part-Dieu", "Montchat", "Saxe-Gambetta")),
    4: (2, ("Croix-Rousse",)),
    5: (3, ("Vieux Lyon", "Saint-Just")),
    6: (7, ("Brotteaux", "Foch", "Masséna")),
    7: (9, ("Guillotière", "Gerland", "Jean Macé")),
    8: (6, ("Monplaisir", "Grange Blanche", "États-Unis")),
    9: (4, ("Vaise", "Gorge de Loup")),
}
NEIGHBOURS_OUTSIDE = ("Vienne", "Trévoux", "Bourgoin-Jallieu", "Saint-Étienne", "Mâcon")
DISTRICTS = {"Villeurbanne": ("Gratte-Ciel", "Charpennes", "Cusset"), "Vénissieux": ("Parilly", "Les Minguettes")}

# ---------------------------------------------------------------------------- origins
# (key, feminine adjective, masculine adjective, name pool, region)
ORIGINS = (
    ("fr", "française", "français", "fr", "fr"),
    ("br", "brésilienne", "brésilien", "latam", "latam"), ("co", "colombienne", "colombien", "latam", "latam"),
    ("ve", "vénézuélienne", "vénézuélien", "latam", "latam"), ("ar", "argentine", "argentin", "latam", "latam"),
    ("cu", "cubaine", "cubain", "latam", "latam"), ("mx", "mexicaine", "mexicain", "latam", "latam"),
    ("py", "paraguayenne", "paraguayen", "latam", "latam"), ("pr", "portoricaine", "portoricain", "latam", "latam"),
    ("es", "espagnole", "espagnol", "latam", "eu"), ("it", "italienne", "italien", "eu", "eu"),
    ("de", "allemande", "allemand", "eu", "eu"), ("fi", "finlandaise", "finlandais", "est", "eu"),
    ("pl", "polonaise", "polonais", "est", "est"), ("ua", "ukrainienne", "ukrainien", "est", "est"),
    ("ro", "roumaine", "roumain", "est", "est"), ("cn", "chinoise", "chinois", "asie", "asie"),
    ("in", "indienne", "indien", "asie", "asie"), ("lb", "libanaise", "libanais", "fr", "eu"),
    ("ke", "kényane", "kényan", "afr", "afr"),
)
CATEGORY_BY_REGION = {"latam": ("latine", "latina", "des îles"), "est": ("de l'Est", "slave"),
                      "asie": ("asiatique", "d'Asie"), "afr": ("africaine", "black", "métisse"),
                      "eu": ("méditerranéenne", "européenne"), "fr": ("française", "d'ici")}
ENGLISH_ORIGIN = {"br": "Brazil", "co": "Colombia", "ve": "Venezuela", "ar": "Argentina", "cu": "Cuba",
                  "mx": "Mexico", "py": "Paraguay", "pr": "Puerto Rico", "es": "Spain", "it": "Italy",
                  "de": "Germany", "fi": "Finland", "pl": "Poland", "ua": "Ukraine", "ro": "Romania",
                  "cn": "China", "in": "India", "lb": "Lebanon", "ke": "Kenya", "fr": "France"}
NAMES = {
    "fr": ("Léa", "Manon", "Camille", "Chloé", "Inès", "Sarah", "Julie", "Laura", "Jessica", "Mélanie",
           "Cindy", "Audrey", "Nadia", "Sabrina", "Émilie", "Clara", "Lola", "Jade", "Alicia", "Océane",
           "Kelly", "Amandine", "Marion", "Sonia", "Yasmine", "Lina", "Maéva", "Élodie", "Samia", "Karine"),
    "latam": ("Valentina", "Camila", "Daniela", "Isabella", "Luna", "Gabriela", "Paola", "Carolina",
              "Mariana", "Natalia", "Yasmin", "Bianca", "Larissa", "Fernanda", "Raíssa", "Melina",
              "Alejandra", "Ximena", "Dayana", "Lorena", "Thalia", "Vitória"),
    "est": ("Anastasia", "Oksana", "Natasha", "Irina", "Alina", "Katia", "Sofia", "Daria", "Viktoria",
            "Ioana", "Andreea", "Elena", "Marta", "Zofia", "Milena", "Olga"),
    "asie": ("Lily", "Mei", "Yumi", "Kim", "Jasmine", "Linda", "Anna", "Coco", "Ling", "Miya", "Jenny",
             "Priya", "Lan", "Suki"),
    "afr": ("Grace", "Joy", "Esther", "Fatou", "Aïcha", "Precious", "Mercy", "Nadège"),
    "eu": ("Giulia", "Chiara", "Lara", "Nour", "Alessia", "Hanna", "Carla", "Noemi"),
    "m": ("Kevin", "Lucas", "Romain", "Yanis", "Mehdi", "Hugo", "Thomas", "Bruno", "Diego", "Rafael",
          "Matheus", "Nico", "Alex", "Sami"),
}
AGENCY_NAMES = ("Velours", "Onyx", "Perle", "Lumière", "Saphir", "Opale", "Ambre", "Rivage", "Satin", "Éclat")
AGENCY_SUFFIX = ("Models", "Élite", "Companions", "Prestige", "VIP", "Agency")
SALON_NAMES = ("Fleur de Lotus", "Jade", "Bambou", "Orchidée", "Zen Harmonie", "Lotus d'Or", "Soleil d'Asie",
               "Perle de Soie", "Temple du Bien-être", "Cerisier")

# ------------------------------------------------------------------------------- texts
# Placeholders: {n} name, {a} age phrase, {o} origin adjective, {d} description, {v} town,
# {q} district or town, {s} site short name, {t} phone as written, {x} salon/agency name.
FR_OPEN = (
    "Bonjour, je suis {n}, {d} {o}{a}.", "Coucou messieurs, moi c'est {n}, {d}.",
    "Je m'appelle {n}, {d} {o}, je vous accueille sur {q}.", "{n}, {d}, vous reçoit en toute discrétion sur {v}.",
    "Salut, {n} ici{a}, douce et pleine de charme.", "Nouvelle sur {v} ! Je suis {n}, {d} {o}.",
    "Hello, je suis {n}, {d} souriante et attentionnée.", "Bonsoir, {n}{a}, {d} sympathique et naturelle.",
)
FR_MID = (
    "Je vous propose un moment de détente et de complicité dans la discrétion.",
    "Je reçois dans un appartement calme et propre, parking facile.",
    "Douce, souriante et attentionnée, je prends le temps.",
    "Massage relaxant aux huiles chaudes pour oublier le stress de la semaine.",
    "Ambiance cosy, douche à disposition, boissons offertes.",
    "Je me déplace aussi à l'hôtel ou à domicile.",
    "Rencontre sans prise de tête, hygiène et respect de rigueur.",
    "J'aime les hommes courtois et bien élevés.",
    "Photos 100% réelles et récentes, pas de mauvaise surprise.",
    "Disponible en journée et en soirée, uniquement sur rendez-vous.",
    "Un instant de douceur loin du quotidien, dans la bonne humeur.",
    "Appartement climatisé, discret, proche du tram.",
    "Je suis ouverte à toute demande raisonnable, n'hésitez pas.",
    "Pour un moment agréable, un verre ou une sortie.",
)
FR_COND = (
    "Pas de numéros masqués ni de SMS.", "Appels masqués, fixes et mails resteront sans réponse.",
    "Merci de prévenir 30 minutes avant.", "Pas sérieux s'abstenir.",
    "Dites-moi que vous m'avez vue sur {s}.", "Je ne réponds pas aux numéros cachés.",
)
FR_CLOSE = ("À très vite, bisous.", "Je vous attends. Bisous", "N'hésitez pas à m'appeler.",
            "Au plaisir de vous rencontrer.", "Bisous à bientôt", "Appelez-moi vite !")
FR_THIRD = (
    "{n} est une {d} {o}{a}, élégante et raffinée.", "Elle vous reçoit dans un appartement discret sur {q}.",
    "Notre hôtesse {n} est disponible 24h/24 et 7j/7.", "Réservation uniquement par téléphone, merci de votre courtoisie.",
    "{n} vient d'arriver sur {v} pour quelques jours seulement.", "Nouvelle, très douce, à découvrir rapidement.",
    "Elle saura vous faire passer un moment inoubliable.", "Photos vérifiées par l'agence.",
    "Elle parle français et anglais.", "Pour toute réservation, contactez l'agence {x}.",
)
EN_TEXT = (
    "Hi gentlemen, I am {n}{a}, new in {v}.", "Sweet and elegant girl from {c}, only a few days in town.",
    "Available 24/7, incall and outcall.", "Real photos, no bad surprises.", "GFE, social time, high level companion.",
    "Call me, no hidden numbers, no SMS.", "Clean private apartment near the centre.", "Kisses",
    "Just visiting {v} this week, don't miss me.",
)
ES_TEXT = ("Hola amor, soy {n}, latina cariñosa, recién llegada a {v}.", "Estoy disponible todos los días.",
           "Fotos reales, ambiente discreto.", "Llámame, besos.")
PT_TEXT = ("Olá, sou {n}, brasileira carinhosa, de passagem por {v}.", "Disponível todos os dias, 24h.",
           "Fotos reais, local discreto.", "Beijos.")
SALON_TEXT = (
    "Institut {x} : massages relaxants, californien, 4 mains, par des masseuses attentionnées.",
    "Ouvert 7j/7 de 10h à 22h.", "Cadre zen et discret, à deux pas du métro.", "Sur rendez-vous ou sans.",
    "Nouvelle masseuse {n}, {o}, douce et attentionnée.", "Tarifs sur demande, parking à proximité.",
)
MEN_TEXT = (
    "Jeune homme {d}, je propose compagnie et massage.", "Mec sympa et discret, je me déplace sur {v} et alentours.",
    "Pour dames ou couples, moment de détente assuré.", "En échange de quelqu'un qui prend soin de moi.",
    "Sorties, soirées, massage, je suis à l'écoute.", "Très discret, n'hésite pas à m'écrire.",
)
PASSAGE = ("De passage sur {v} pour quelques jours seulement.", "Dans votre ville pour une semaine !",
           "En vacances à {v}, profitez-en.", "Juste de passage, ne tardez pas.")
H24 = ("Disponible 24h/24.", "7j/7 et 24h/24.", "Dispo tout le temps.")
PCS = "Ne jamais payer par carte PCS avant une rencontre."
CONTACT = ("Appelez-moi au {t}", "Tel : {t}", "☎ {t}", "Contact {t} (pas de sms)", "WhatsApp {t}",
           "Mon numéro : {t}", "tel {t}", "Joignable au {t}")
CONTACT_EN = ("Call {t}", "Phone / WhatsApp {t}", "Tel {t}")
DESC_F = ("jolie brune", "belle blonde", "jeune femme", "charmante étudiante", "femme mûre", "belle rousse",
          "jolie métisse", "femme pulpeuse", "jolie fille", "belle femme")
DESC_T = ("trans très féminine", "jolie trans", "belle transsexuelle", "trans douce")
DESC_M = ("sportif", "charmant", "discret et sympa", "souriant")
EMOJI = (" ❤", " 💋", " ✨", " 🌹", " 😘", "")
TITLE_F = (
    "{n} {d} sur {v}", "Nouvelle à {v}", "{N} 100% réelle", "Jolie {o} de passage", "Massage détente {q}",
    "Belle {d} disponible", "{n}, {age} ans, {v}", "Moment de douceur avec {n}", "{d} {o} {v}",
    "Rencontre adulte {v}", "{n} vous attend", "Première fois sur {v}",
)
TITLE_EN = ("New girl in {v}", "{n} from {c}", "{N} - just arrived", "Sweet {n} 24/7")
TITLE_M = ("Homme {d} pour dames", "Jeune mec {v}", "Massage par homme {d}", "{n}, compagnie et détente")
TITLE_SALON = ("Institut {x}", "Massage asiatique {q}", "{x} - massages relaxants", "Salon {x} {v}")
NUMBER_WORDS = {"10": "dix", "12": "douze", "15": "quinze", "20": "vingt", "30": "trente", "40": "quarante",
                "50": "cinquante", "60": "soixante"}


def _ascii(text: str) -> str:
    return unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()


class _Stream:
    """Uniform draws from one numpy Generator, fetched in blocks (the same sequence in any process)."""

    def __init__(self, rng: np.random.Generator, block: int = 1 << 16):
        self.rng, self.block, self.buf, self.pos = rng, block, [], 0

    def u(self) -> float:
        if self.pos >= len(self.buf):
            self.buf, self.pos = self.rng.random(self.block).tolist(), 0
        self.pos += 1
        return self.buf[self.pos - 1]

    def pick(self, seq):
        return seq[int(self.u() * len(seq))]

    def integer(self, low: int, high: int) -> int:
        """An integer in [low, high]."""
        return low + int(self.u() * (high - low + 1))

    def sample(self, seq, k: int) -> list:
        """k distinct items of seq (k <= len(seq)), in draw order."""
        items = list(seq)
        out = []
        for _ in range(min(k, len(items))):
            out.append(items.pop(int(self.u() * len(items))))
        return out

    def weighted(self, cumulative: list[float]) -> int:
        x = self.u() * cumulative[-1]
        lo, hi = 0, len(cumulative) - 1
        while lo < hi:
            mid = (lo + hi) // 2
            if cumulative[mid] > x:
                hi = mid
            else:
                lo = mid + 1
        return lo


# ------------------------------------------------------------------------------ phones
class _PhonePool:
    """Fiction numbers handed out without replacement. Networks reserve whole blocks of ten
    (numbers differing in the last digit); single numbers are drawn at random over a range,
    outside the reserved blocks, so that unrelated persons rarely share nine digits."""

    def __init__(self, rng: np.random.Generator):
        self.tens_order = {r: rng.permutation(1000).tolist() for r in ALL_RANGES}
        self.singles_order = {r: rng.permutation(10000).tolist() for r in ALL_RANGES}
        self.reserved: dict[str, set[int]] = {r: set() for r in ALL_RANGES}
        self.touched: dict[str, set[int]] = {r: set() for r in ALL_RANGES}
        self.used = 0

    def block(self, ranges) -> list[str]:
        for r in ranges:
            order = self.tens_order[r]
            while order:
                tens = order.pop()
                if tens not in self.touched[r] and tens not in self.reserved[r]:
                    self.reserved[r].add(tens)
                    self.used += 10
                    return [f"{r}{tens * 10 + k:04d}" for k in range(10)]
        raise RuntimeError("fiction phone ranges exhausted")

    def single(self, ranges, stream: _Stream | None = None) -> str:
        for r in ranges:
            order = self.singles_order[r]
            while order:
                number = order.pop()
                if number // 10 not in self.reserved[r]:
                    self.touched[r].add(number // 10)
                    self.used += 1
                    return f"{r}{number:04d}"
        raise RuntimeError("fiction phone ranges exhausted")


def _pairs(d: str) -> list[str]:
    return [d[i:i + 2] for i in range(0, 10, 2)]


def written_phone(digits: str, style: int) -> str:
    """One of the ways people write a French number (``digits``: ten digits, leading 0)."""
    p = _pairs(digits)
    intl = digits[1:]
    if style == 0:
        return " ".join(p)
    if style == 1:
        return digits
    if style == 2:
        return ".".join(p)
    if style == 3:
        return "-".join(p)
    if style == 4:
        return "+33 " + intl[0] + " " + " ".join(_pairs("0" + intl)[1:])
    if style == 5:
        return "+33" + intl
    if style == 6:
        return "0033 " + intl[0] + " " + " ".join(p[1:])
    if style == 7:
        return "O" + digits[1] + " " + " ".join(p[1:])
    if style == 8:
        return " ".join(digits)
    if style == 9:
        return p[0] + " " + p[1] + " " + p[2] + " " + NUMBER_WORDS.get(p[3], p[3]) + " " + p[4]
    if style == 10:
        return digits[:4] + " " + digits[4:7] + " " + digits[7:]
    if style == 11:
        return "(" + p[0] + ") " + " ".join(p[1:])
    if style == 12:
        return " ".join(p[:3]) + " .. " + " ".join(p[3:])
    if style == 13:
        return "/".join(p)
    return p[0] + " " + p[1] + p[2] + " " + p[3] + p[4]


PHONE_STYLES = 15
FIELD_STYLES = (0, 1, 0, 4, 2)  # how sites display their phone field


# ---------------------------------------------------------------------------- communes
def _commune_table():
    names = {c: n for c, n in communes.official_names().items() if c.startswith(DEPARTEMENT)}
    by_name = {n: c for c, n in names.items()}
    postcode_of: dict[str, list[str]] = {}
    for postcode, codes in sorted(communes.postcodes().items()):
        if not postcode.startswith(DEPARTEMENT):
            continue
        for code in codes:
            postcode_of.setdefault(code, []).append(postcode)
    places = []  # (kind, name, code, weight)
    total_arr = sum(w for w, _ in LYON_ARR.values())
    for arr, (w, _) in LYON_ARR.items():
        places.append(("lyon", arr, f"6938{arr}", LYON_WEIGHT * w / total_arr))
    named = set()
    for name, w in TOWN_WEIGHTS:
        if name in by_name:
            places.append(("town", name, by_name[name], w))
            named.add(name)
    tail = sorted(c for c, n in names.items() if n not in named and c != "69123")
    for code in tail:
        places.append(("town", names[code], code, TAIL_WEIGHT / len(tail)))
    return places, postcode_of


def _spell_town(name: str, code: str, postcode_of, s: _Stream) -> str:
    x = s.u()
    pcs = postcode_of.get(code) or ["69"]
    if x < 0.40:
        return name
    if x < 0.48:
        return name.upper()
    if x < 0.58:
        t = _ascii(name).replace("-", " ")
        return t if s.u() < 0.5 else t.lower()
    if x < 0.64:
        return name.replace("Saint-", "St ").replace("Sainte-", "Ste ").replace("-sur-", " s/ ")
    if x < 0.72:
        return s.pick((f"{name} ({pcs[0]})", f"{pcs[0]} {name}", f"{name} 69", f"{name} ({DEPARTEMENT})"))
    if x < 0.78:
        return s.pick((f"{name} et alentours", f"proche {name}", f"{name} / Lyon", f"secteur {name}"))
    if x < 0.83 and name in DISTRICTS:
        return s.pick((f"{name} - ", f"{name} ", "")) + s.pick(DISTRICTS[name])
    if x < 0.88:
        t = _ascii(name)
        i = 1 + int(s.u() * (len(t) - 2)) if len(t) > 3 else 1
        return t[:i] + t[i + 1:] if s.u() < 0.6 else t[:i] + t[i] + t[i:]
    if x < 0.92:
        return pcs[0]
    return ""


def _spell_lyon(arr: int, postcode_of, s: _Stream) -> str:
    x = s.u()
    pcs = postcode_of.get(f"6938{arr}") or [f"6900{arr}"]
    if x < 0.22:
        return "Lyon"
    if x < 0.42:
        return s.pick((f"Lyon {arr}", f"Lyon {arr}e", f"Lyon {arr}ème", f"Lyon 0{arr}", f"LYON {arr}EME",
                       f"Lyon {arr}{'er' if arr == 1 else 'e'} arrondissement"))
    if x < 0.50:
        return pcs[0]
    if x < 0.62:
        district = s.pick(LYON_ARR[arr][1])
        return s.pick((district, f"Lyon - {district}", f"Lyon {district}", _ascii(district)))
    if x < 0.70:
        return s.pick(("Lyon et alentours", "Lyon centre", "Grand Lyon", "lyon", "LYON"))
    if x < 0.76:
        return s.pick(("Rhône", "69", "Lyon (69)", "Rhone"))
    if x < 0.80:
        return s.pick(("Lyon", "Lyonn", "Lyion"))
    if x < 0.83:
        return s.pick(NEIGHBOURS_OUTSIDE)
    if x < 0.92:
        return f"Lyon {arr}" if s.u() < 0.5 else f"{pcs[0]} Lyon"
    return ""


# ----------------------------------------------------------------------------- persons
def _allocate(n_ads: int, weights: np.ndarray) -> np.ndarray:
    """At least one ad per person, the rest in proportion to the weights, under a cap."""
    p = len(weights)
    counts = np.ones(p, dtype=np.int64)
    cap = max(10, math.ceil(6 * n_ads / p))
    rest = n_ads - p
    active = np.ones(p, dtype=bool)
    while rest > 0:
        w = np.where(active, weights, 0.0)
        share = rest * w / w.sum()
        add = np.floor(share).astype(np.int64)
        left = rest - int(add.sum())
        if left:
            order = np.lexsort((np.arange(p), -(share - add)))
            add[order[:left]] += 1
        counts += add
        over = np.maximum(counts - cap, 0)
        counts -= over
        rest = int(over.sum())
        active = counts < cap
    return counts


def _kinds(n_persons: int, rng: np.random.Generator):
    """Kind of each person and its structure (network index, or -1)."""
    targets = np.floor(np.asarray(KIND_SHARE) * n_persons).astype(int)
    targets[0] = n_persons - targets[1:].sum()
    kinds, groups, group_kind = [], [], []
    for k, kind in enumerate(KINDS):
        if kind == "independante":
            kinds += [kind] * int(targets[k])
            groups += [-1] * int(targets[k])
            continue
        lo, hi = KIND_SIZE[kind]
        left = int(targets[k])
        while left > 0:
            size = min(left, int(rng.integers(lo, hi + 1)))
            g = len(group_kind)
            group_kind.append(kind)
            kinds += [kind] * size
            groups += [g] * size
            left -= size
    order = rng.permutation(n_persons)  # persons are not grouped by kind
    return [kinds[i] for i in order], [groups[i] for i in order], group_kind


def _person_gender(kind: str, s: _Stream) -> str:
    x = s.u()
    if kind == "independante":
        return "F" if x < 0.83 else ("M" if x < 0.94 else "T")
    if kind == "locale":
        return "F" if x < 0.92 else "M"
    if kind == "tournee":
        return "F" if x < 0.75 else "T"
    if kind == "agence":
        return "F" if x < 0.95 else "T"
    return "F"


def _origin_for(kind: str, gender: str, s: _Stream) -> int:
    if kind == "salon":
        return s.pick((16, 16, 16, 17))  # Chine, Inde (press, annex 2)
    if gender == "T" or (kind == "tournee" and s.u() < 0.5):
        return s.integer(1, 8)  # Latin America
    if kind in ("tournee", "agence"):
        return s.integer(9, 19)
    if s.u() < 0.42:
        return 0
    return s.integer(1, 19)


def _handle(name: str, age: int, s: _Stream) -> str:
    a = _ascii(name)
    return s.pick((f"{a}69", f"{a.lower()}_lyon", f"{a}_douce", f"la_{a.lower()}", f"{a}{age}",
                   f"Miss{a}", a.upper(), f"{a}.x", f"Sweet{a}", f"{a}_vip", f"{a.lower()}{s.integer(1, 99)}",
                   f"{a}Lyon", name))


def _make_people(kinds, groups, group_kind, counts, n_days, places, rng, s: _Stream):
    pool = _PhonePool(rng)
    place_cum = list(np.cumsum([p[3] for p in places]))
    site_w = np.asarray([site[2] for site in SITES], dtype=float)
    nets = []
    for g, kind in enumerate(group_kind):
        net = {"kind": kind, "template": [], "phones": [], "landline": "", "account": "", "towns": [],
               "third": kind in ("agence", "salon") or (kind != "locale" and s.u() < 0.5) or s.u() < 0.4,
               "lang": "fr", "name": ""}
        if kind == "tournee":
            x = s.u()
            net["lang"] = "en" if x < 0.55 else ("es" if x < 0.63 else ("pt" if x < 0.70 else "fr"))
            net["towns"] = [s.weighted(place_cum) for _ in range(s.integer(2, 4))]
        if kind == "agence":
            net["name"] = f"{s.pick(AGENCY_NAMES)} {s.pick(AGENCY_SUFFIX)}"
            net["landline"] = pool.single(LANDLINE_RANGES, s) if s.u() < 0.5 else ""
        if kind == "salon":
            net["name"] = s.pick(SALON_NAMES)
            net["landline"] = pool.single(LANDLINE_RANGES, s)
            net["towns"] = [s.weighted(place_cum)]
        if kind == "locale" and s.u() < 0.6:
            net["towns"] = [s.weighted(place_cum)]
        if kind != "salon" or s.u() < 0.5:
            if s.u() < 0.5 and kind in ("tournee", "agence", "locale"):
                net["phones"] = pool.block(MOBILE_RANGES)  # numbers differing in the last digit
                net["block"] = True
            else:
                net["phones"] = [pool.single(MOBILE_RANGES, s) for _ in range(s.integer(1, 2))]
                net["block"] = False
        base = s.pick(NAMES["fr"] + NAMES["latam"])
        net["account"] = s.pick((net["name"].replace(" ", "_") or f"{_ascii(base)}_{s.integer(10, 99)}",
                                 f"Lyon_new_girls_{s.integer(1, 9)}", f"{_ascii(base).lower()}.annonces",
                                 f"VIP_Rhone_{s.integer(1, 99)}"))
        net["template"] = _template(kind, net["lang"], net["third"], s)
        net["title"] = s.integer(0, 99)
        net["member"] = 0
        nets.append(net)

    people = []
    for i, kind in enumerate(kinds):
        g = groups[i]
        net = nets[g] if g >= 0 else None
        gender = _person_gender(kind, s)
        origin = _origin_for(kind, gender, s)
        pool_key = "m" if gender == "M" else ORIGINS[origin][3]
        name = s.pick(NAMES[pool_key])
        names = [name] + ([s.pick(NAMES[pool_key])] if s.u() < 0.25 else [])
        age = int(min(52, max(19, round(30 + 6 * float(rng.standard_normal())))))
        n = int(counts[i])
        # phones of one's own, changing over time; networks hand out theirs
        own = []
        if net is None:
            if s.u() >= 0.12:
                own.append(pool.single(MOBILE_RANGES, s))
                if n > 15 and s.u() < 0.6 or n > 5 and s.u() < 0.1:
                    own.append(pool.single(MOBILE_RANGES, s))
                if n > 40 and s.u() < 0.6:
                    own.append(pool.single(MOBILE_RANGES, s))
        else:
            if net["phones"]:
                if net.get("block"):
                    own.append(net["phones"][net["member"] % 10])
                else:
                    own.append(s.pick(net["phones"]))
                    if len(net["phones"]) > 1 and s.u() < 0.3:
                        own.append(net["phones"][1 - net["phones"].index(own[0])])
            if net["landline"]:
                own.append(net["landline"])
            if kind == "locale" and s.u() < 0.3 or (n > 30 and s.u() < 0.4):
                own.append(pool.single(MOBILE_RANGES, s))
            net["member"] += 1
        handles = [_handle(names[0], age, s) for _ in range(1 + (s.u() < 0.35) + (n > 20 and s.u() < 0.4))]
        # sites
        fam = KIND_FAMILY_WEIGHT[kind]
        w = site_w * np.asarray([fam.get(site[1], 0.0) for site in SITES])
        if gender == "T":
            w[SITE_INDEX["trans-et-rencontres.example"]] *= 8
        if gender == "M":
            w[SITE_INDEX["hommes-a-domicile.example"]] *= 20
        w = w / w.sum()
        n_sites = min(1 + int(rng.poisson(1.0 + min(n, 40) / 12)), 6)
        favourite = rng.choice(len(SITES), size=n_sites, replace=False, p=w)
        # towns
        if net is not None and net["towns"]:
            towns = list(net["towns"]) if kind != "locale" else list(net["towns"])
        else:
            towns = [s.weighted(place_cum)]
            if s.u() < 0.15:
                towns.append(s.weighted(place_cum))
        lang = net["lang"] if net is not None else ("en" if s.u() < 0.03 else "fr")
        if net is not None and lang in ("es", "pt") and ORIGINS[origin][4] != "latam":
            lang = "en"
        if gender == "M":
            lang = "fr"
        texts = [_template(kind, lang, net["third"] if net else False, s, gender)
                 if net is None or gender == "M" or s.u() < 0.15 else list(net["template"]) for _ in range(1 + (n > 6 and s.u() < 0.5) + (n > 25 and s.u() < 0.5))]
        dates = _dates(kind, n, n_days, rng)
        people.append({
            "kind": kind, "group": g, "gender": gender, "origin": origin, "names": names, "age": age,
            "phones": own, "handles": handles, "sites": [int(x) for x in favourite],
            "site_cum": list(np.cumsum(w[favourite])), "towns": towns, "lang": lang, "texts": texts,
            "dates": dates, "passage": kind == "tournee" or s.u() < 0.06,
            "h24": kind in ("tournee", "agence") and s.u() < 0.6 or s.u() < 0.05,
            "writes_phone": 0.45 if s.u() < 0.7 else 0.05,
            "styles": [s.integer(0, PHONE_STYLES - 1) for _ in range(2)],
            "show_origin": net is not None and s.u() < 0.85 or net is None and s.u() < 0.5,
            "title": net["title"] if net is not None and s.u() < 0.7 else s.integer(0, 99),
            "emoji": s.pick(EMOJI),
        })
    return people, nets, pool


def _dates(kind: str, n: int, n_days: int, rng: np.random.Generator) -> np.ndarray:
    if kind == "tournee":
        stints = 1 + n // 25
        starts = rng.integers(0, n_days, size=stints)
        lengths = rng.integers(5, 22, size=stints)
        which = rng.integers(0, stints, size=n)
        days = starts[which] + (rng.random(n) * lengths[which]).astype(np.int64)
    else:
        length = max(3.0, n_days * float(rng.beta(2, 2)))
        start = float(rng.random()) * max(n_days - length, 0.0)
        days = (start + rng.random(n) * length).astype(np.int64)
    return np.sort(np.minimum(days, n_days - 1))


def _template(kind: str, lang: str, third: bool, s: _Stream, gender: str = "F") -> list[str]:
    """A base text: a list of sentences with placeholders."""
    if kind == "salon":
        return [SALON_TEXT[0]] + s.sample(SALON_TEXT[1:], 3)
    if gender == "M":
        return s.sample(MEN_TEXT, 3)
    if lang == "en":
        return [EN_TEXT[0]] + s.sample(EN_TEXT[1:], s.integer(2, 4))
    if lang == "es":
        return list(ES_TEXT[: s.integer(2, 4)])
    if lang == "pt":
        return list(PT_TEXT[: s.integer(2, 4)])
    if third:
        return [FR_THIRD[0]] + s.sample(FR_THIRD[1:], s.integer(2, 4))
    out = [s.pick(FR_OPEN)] + s.sample(FR_MID, s.integer(1, 4))
    if s.u() < 0.6:
        out.append(s.pick(FR_COND))
    out.append(s.pick(FR_CLOSE))
    return out


# ------------------------------------------------------------------------------- ads
def _typo(text: str, s: _Stream) -> str:
    x = s.u()
    if x < 0.3:
        return _ascii(text)
    if x < 0.5:
        return text.replace("très", "tres").replace("é ", "er ").replace(" à ", " a ")
    if x < 0.7:
        i = 1 + int(s.u() * max(len(text) - 2, 1))
        return text[:i] + text[i - 1] + text[i:]
    if x < 0.85:
        return text.replace(". ", ".. ").replace("!", "!!")
    return text.lower()


def _ad(person: dict, nets: list, places, postcode_of, k: int, site: int, s: _Stream) -> dict:
    """One original ad of a person: title, text, town, phone field and handle."""
    net = nets[person["group"]] if person["group"] >= 0 else None
    n_total = len(person["dates"])
    epoch = min(len(person["phones"]) - 1, k * len(person["phones"]) // n_total) if person["phones"] else -1
    phone = person["phones"][epoch] if epoch >= 0 else ""
    if person["phones"] and s.u() < 0.15:
        phone = s.pick(person["phones"])
    name = person["names"][0] if len(person["names"]) == 1 or s.u() < 0.7 else person["names"][1]
    gender = person["gender"]
    origin = ORIGINS[person["origin"]]
    # town
    place = places[s.pick(person["towns"])]
    if place[0] == "lyon":
        town_written = _spell_lyon(place[1], postcode_of, s)
        v, q = "Lyon", s.pick(LYON_ARR[place[1]][1]) if s.u() < 0.5 else "Lyon"
    else:
        town_written = _spell_town(place[1], place[2], postcode_of, s)
        v = q = place[1]
    age = max(19, person["age"] + (s.integer(-2, 2) if s.u() < 0.12 else 0))  # no minor: IV-A-2
    if net is not None and s.u() < 0.08:
        age = s.integer(20, 28)  # inconsistent ages within a network's series (V-A-4)
    if person["show_origin"]:
        o = origin[2] if gender == "M" else origin[1]
        if s.u() < 0.3 or person["kind"] in ("tournee", "agence") and s.u() < 0.15:
            o = s.pick(CATEGORY_BY_REGION[origin[4]])
    else:
        o = ""
    d = s.pick(DESC_M if gender == "M" else (DESC_T if gender == "T" else DESC_F))
    a = f", {age} ans" if s.u() < 0.5 else ""
    lang = person["lang"]
    slots = {"n": name, "N": name.upper(), "d": d, "o": o, "a": a, "v": v, "q": q, "s": SHORT_NAME[site],
             "x": net["name"] if net else "", "c": ENGLISH_ORIGIN[origin[0]], "age": age, "t": ""}
    if lang == "en":
        slots["a"] = f", {age} years old" if a else ""
    base = list(s.pick(person["texts"]))
    if len(base) > 2 and s.u() < 0.35:
        del base[1 + int(s.u() * (len(base) - 1))]
    if len(base) > 2 and s.u() < 0.2:
        i = 1 + int(s.u() * (len(base) - 1))
        base[i], base[-1] = base[-1], base[i]
    if s.u() < 0.15 and lang == "fr" and gender != "M":
        extra = s.pick(FR_MID)
        if extra not in base:
            base.insert(len(base) - 1, extra)
    if person["passage"] and lang in ("fr", "en") and s.u() < (0.8 if person["kind"] == "tournee" else 0.5):
        base.insert(1, "Just a few days in {v}." if lang == "en" else s.pick(PASSAGE))
    if person["h24"] and lang in ("fr", "en") and s.u() < 0.6:
        base.insert(len(base) - 1, "Available 24/7." if lang == "en" else s.pick(H24))
    if SITES[site][1].startswith("rencontre") and s.u() < 0.3:
        base.append(PCS)
    text = " ".join(base).format(**slots).replace(" ,", ",").replace("  ", " ").replace(" .", ".").replace(",,", ",")
    if s.u() < 0.18:
        text = _typo(text, s)  # before the number: a typo never makes a number leave the fiction ranges
    if phone and s.u() < person["writes_phone"]:
        written = written_phone(phone, s.pick(person["styles"]) if s.u() < 0.8 else s.integer(0, PHONE_STYLES - 1))
        text += " " + s.pick(CONTACT_EN if lang == "en" else CONTACT).format(t=written)
    if s.u() < 0.25:
        text += person["emoji"]
    # title
    if person["kind"] == "salon":
        tpl = TITLE_SALON[person["title"] % len(TITLE_SALON)]
    elif gender == "M":
        tpl = TITLE_M[person["title"] % len(TITLE_M)]
    elif lang == "en":
        tpl = TITLE_EN[person["title"] % len(TITLE_EN)]
    else:
        tpl = TITLE_F[person["title"] % len(TITLE_F)] if s.u() < 0.75 else s.pick(TITLE_F)
    title = tpl.format(**slots).replace("  ", " ").strip()
    if s.u() < 0.1:
        title = title.upper()
    if s.u() < 0.15:
        title += person["emoji"]
    # fields
    domain, family, _, p_phone, age_style, pseudo_style = SITES[site]
    field_phone = ""
    if phone and s.u() < p_phone:
        field_phone = written_phone(phone, FIELD_STYLES[site % len(FIELD_STYLES)])
    if pseudo_style == "compte" and net is not None and s.u() < 0.6:
        pseudo = net["account"]
    elif pseudo_style:
        pseudo = s.pick(person["handles"]) if s.u() < 0.85 else name
    else:
        pseudo = ""
    return {"site": site, "commune": town_written, "titre": title, "texte": text, "telephone": field_phone,
            "pseudo": pseudo, "age": age, "phone": phone}


def _age_field(age: int, style: str, s: _Stream) -> str:
    if not style or s.u() < 0.45:  # field left blank by the poster
        return ""
    return f"{age} ans" if style == "ans" else str(age)


def sixth_world(n_ads: int, seed: int = 2029) -> tuple[pd.DataFrame, pd.DataFrame]:
    """The collection sheet (``COLUMNS``) and its truth (``TRUTH_COLUMNS``), ``n_ads`` rows each."""
    if n_ads < 0:
        raise ValueError("n_ads must be >= 0")
    if n_ads == 0:
        return pd.DataFrame(columns=list(COLUMNS)), pd.DataFrame(columns=list(TRUTH_COLUMNS))
    rng = np.random.default_rng(seed)
    s = _Stream(rng)
    n_persons = persons_for(n_ads)
    n_days = collection_days(n_ads)
    places, postcode_of = _commune_table()
    kinds, groups, group_kind = _kinds(n_persons, rng)
    weights = rng.lognormal(0.0, 0.9, size=n_persons) * np.asarray([KIND_WEIGHT[k] for k in kinds])
    counts = _allocate(n_ads, weights)
    people, nets, _ = _make_people(kinds, groups, group_kind, counts, n_days, places, rng, s)

    col = {c: [] for c in ("site", "commune", "titre", "texte", "telephone", "pseudo", "age")}
    day_list, person_list = [], []
    for pi, person in enumerate(people):
        dates = person["dates"].tolist()
        prev = None
        mirrors_left: list[int] = []
        for k, day in enumerate(dates):
            copy = False
            if prev is not None and mirrors_left:
                chance = 0.7 if prev["site"] == DATING_SOURCE else 0.5
                copy = s.u() < chance
            if copy:
                site = mirrors_left.pop(int(s.u() * len(mirrors_left)))
                day = min(prev_day + int(s.u() * 3), n_days - 1)
                ad = dict(prev)
                ad["site"] = site
                p_phone = SITES[site][3]
                ad["telephone"] = (written_phone(prev["phone"], FIELD_STYLES[site % len(FIELD_STYLES)])
                                   if prev["phone"] and s.u() < p_phone else "")
            else:
                site = person["sites"][s.weighted(person["site_cum"])]
                ad = _ad(person, nets, places, postcode_of, k, site, s)
                prev, prev_day = ad, day
                mirrors_left = (list(DATING_MIRRORS) if site == DATING_SOURCE
                                else list(ESCORT_MIRRORS) if site == ESCORT_SOURCE else [])
            col["site"].append(SITES[site][0])
            col["commune"].append(ad["commune"])
            col["titre"].append(ad["titre"])
            col["texte"].append(ad["texte"])
            col["telephone"].append(ad["telephone"])
            col["pseudo"].append(ad["pseudo"])
            col["age"].append(_age_field(ad["age"], SITES[site][4], s))
            day_list.append(day)
            person_list.append(pi)

    days = np.asarray(day_list, dtype=np.int64)
    order = np.lexsort((rng.random(n_ads), days))  # the order the collector met them
    person_arr = np.asarray(person_list, dtype=np.int64)[order]
    # persons and networks numbered by first appearance
    _, first = np.unique(person_arr, return_index=True)
    rank_p = np.empty(n_persons, dtype=np.int64)
    rank_p[person_arr[np.sort(first)]] = np.arange(1, n_persons + 1)
    group_arr = np.asarray([p["group"] for p in people], dtype=np.int64)[person_arr]
    net_ids = np.full(len(nets), "", dtype=object)
    seen = 0
    for g in group_arr[group_arr >= 0][np.sort(np.unique(group_arr[group_arr >= 0], return_index=True)[1])]:
        seen += 1
        net_ids[g] = f"R{seen:04d}"
    ids = [f"A{i:07d}" for i in range(1, n_ads + 1)]
    dates = np.datetime_as_string(START + days[order], unit="D")
    sheet = pd.DataFrame({
        "id_annonce": ids,
        "site": np.asarray(col["site"], dtype=object)[order],
        "date_collecte": dates.astype(object),
        "commune_declaree": np.asarray(col["commune"], dtype=object)[order],
        "titre": np.asarray(col["titre"], dtype=object)[order],
        "texte": np.asarray(col["texte"], dtype=object)[order],
        "telephone": np.asarray(col["telephone"], dtype=object)[order],
        "pseudo": np.asarray(col["pseudo"], dtype=object)[order],
        "age_declare": np.asarray(col["age"], dtype=object)[order],
    }, columns=list(COLUMNS))
    truth = pd.DataFrame({
        "id_annonce": ids,
        "id_personne": [f"P{r:05d}" for r in rank_p[person_arr].tolist()],
        "id_reseau": [net_ids[g] if g >= 0 else "" for g in group_arr.tolist()],
    }, columns=list(TRUTH_COLUMNS))
    return sheet, truth


def write_sixth_world(n_ads: int, folder, seed: int = 2029) -> list[Path]:
    """Write ``folder/annonces-SYNTHETIQUE.csv`` and ``folder/verite/annonces-SYNTHETIQUE.csv``."""
    folder = Path(folder)
    sheet, truth = sixth_world(n_ads, seed)
    (folder / "verite").mkdir(parents=True, exist_ok=True)
    paths = [folder / "annonces-SYNTHETIQUE.csv", folder / "verite" / "annonces-SYNTHETIQUE.csv"]
    sheet.to_csv(paths[0], index=False, encoding="utf-8")
    truth.to_csv(paths[1], index=False, encoding="utf-8")
    return paths
