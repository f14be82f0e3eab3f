"""Sixteenth synthetic world: online ads of a French département (35, Ille-et-Vilaine).

SYNTHETIC DATA. Every ad, person, network, phone number and site below is invented.
Sites are fictional ``*.example`` domains; phone numbers come only from the ranges that
ARCEP reserves for fiction (TECH-NOTES, "Phone numbers"); first names are common ones.

The world imitates the collection sheet of an Internet diagnostic as the Amicale du Nid
describes it (Pas-de-Calais diagnostic, 2020):

* II-B: 699 ads counted on 39 sites between 20 September and 5 December 2018 (77 days),
  a duplicate rate of about 61 % and hence about 273 persons; the ads split into
  specialised "escorting" sites (405), classified-ad sites (107) and dating sites (187,
  170 of them one set of ads republished by ten look-alike sites).  At 699 ads this
  module gives exactly 273 persons; longer collections find more persons, sub-linearly
  (``persons_for_ads``).
* II-B extracts and annex 5 (1-a): ads written in the first person, euphemistic ("moment",
  "détente", "compagnie"), conditions ("pas de numéros masqués", "photos 100 % réelles"),
  prices in "roses", "incall/outcall", physical and "ethnic" categories in titles
  ("Jolie asiatique", "belle brune"), short and misspelt on dating sites.
* III-D: the communes declared by the authors, 18 % of ads "de passage", many communes
  including rural ones.
* IV-A: 84 % women, 7 % men, 9 % transgender persons among the persons of the ads; age
  missing in 53 % of ads and declared (mean about 30) otherwise; origin stated for 58 %
  of persons, 20 % of them French, the others from Latin America, Europe, Asia, Africa.
* V-A-4: indices of networks (same wording for apparently different persons, same or
  near-identical numbers, third person, English, incoherent descriptions, several
  pseudos, "de passage", "24h/24"); such indices appear in 38 % of the ads.
* Annex 5 (1-a, 1-b): site categories, mirror sites sharing contents, structured profile
  fields on escorting sites, free text on classified and dating sites.

Proportions chosen (per person unless said otherwise; the report gives the starred ones):

* scale*: 273 persons for 699 ads; ads per person heavy-tailed (about 44 % of persons
  with one ad at that scale), many more per person in longer collections;
* sites*: about 55-60 % of ads on escorting sites, 12-15 % on classifieds, the rest on
  dating sites, 15-30 % being copies on the look-alike family (one of which truncates);
  22 % of postings also go to a second site the same day;
* networks (V-A-4*): 32 % of persons, 2-8 persons each, about 30 % of ads; per network one
  template (wording, typos, emoji, number format, commune spelling) reused with other
  names, ages and descriptions; 40 % share a switchboard number, 30 % use numbers of one
  decade (last digit only varies), 30 % own numbers; 25 % show an agency account as
  pseudo; third person in most ads of 55 % of networks, English-only in 16 %, bilingual
  in 14 %; 25 % of their ads incoherent (a second name, a second age, a second origin);
  70 % tour with stops of 3-12 days, members often posting the same day;
* "de passage"* (III-D, 18 % of ads): network tours, 7 % of the others on tour, a few
  residents as a selling point;
* numbers: 10 % of independent persons never give one (site messages only), 3 % in
  networks; 16 % of persons with two ads or more change number once, 4 % twice, a third of
  them announcing "nouveau numéro"; numbers typed in a dozen ways in the texts, copied by
  the collector in the site's or her own way; numbers only in the text on dating sites
  (copied into the cell 30 % of the time); the fiction ranges hold 60,000 numbers, only
  10,000 of them mobile: small worlds show mobile numbers only, while beyond about 6,000
  numbers (20,000 ads) the six blocks are used evenly, so that unrelated persons do not
  get near-identical numbers by chance before that point;
* pseudos: first name only 45 %, decorated name 30 %, handle without a name 25 %; 20 %
  of site accounts spelt differently; 14 % of persons change (or drop) it; 6 % use a
  second working name; 62 % give a first name in the text (women), 40 % (men);
* communes: home commune weighted towards Rennes and Saint-Malo, about 50 communes
  including rural ones; each person and each site has a way of typing it (case, accents,
  short forms, postcode, "(35)", "centre", "et alentours", neighbourhoods, the département
  instead); 8 % of residents move, 5 % of ads give a neighbouring commune;
* ages* (IV-A-2): mean about 29-30, in the cell of about half the ads; 25 % of persons
  vary it by 1-3 years between sites and over time, half of them age with the calendar;
* persons* (IV-A): 84 % women, 7-10 % men, 6-9 % transgender; origin stated for about
  58 %, 20 % of them French; hair, eyes, build and size said with synonyms and in varying
  subsets, 8 % change hair colour.

Public interface: ``DEPARTEMENT``, ``DEFAULT_SEED``, ``sixteenth_world`` and
``write_sixteenth_world``; ``persons_for_ads`` and ``collection_days`` give the scale.
"""

from __future__ import annotations

import datetime as _dt
import unicodedata
from pathlib import Path

import numpy as np
import pandas as pd

DEPARTEMENT = "35"
DEPARTEMENT_NAME = "Ille-et-Vilaine"
DEFAULT_SEED = 35_016

SHEET_COLUMNS = [
    "id_annonce",
    "site",
    "date_collecte",
    "commune_declaree",
    "titre",
    "texte",
    "telephone",
    "pseudo",
    "age_declare",
]
TRUTH_COLUMNS = ["id_annonce", "id_personne", "id_reseau"]
FILE_NAME = "annonces-SYNTHETIQUE.csv"

# --- scale (report II-B) -------------------------------------------------------------
REPORT_ADS = 699
REPORT_PERSONS = 273
REPORT_DAYS = 77  # 20 September - 5 December 2018
START_DATE = _dt.date(2018, 9, 20)
GROWTH_EXPONENT = 0.8  # persons ~ ads**0.8 while far from the ceiling
PERSONS_CEILING = 40_000  # the persons who can ever appear in the département's ads
DAYS_EXPONENT = 0.45  # a larger collection is also a longer one

# --- phone numbers: ARCEP fiction ranges only (TECH-NOTES) ---------------------------
# Mobile block first: ads give mobile numbers; the Breton landline block next.
FICTION_PREFIXES = ("063998", "026191", "019900", "035301", "046571", "053649")
PHONE_CAPACITY = 10_000 * len(FICTION_PREFIXES)
SIBLING_DECADE_SHARE = 0.3  # at most this share of a block's decades go to networks


def persons_for_ads(n_ads: int) -> int:
    """Number of distinct persons behind ``n_ads`` collected ads.

    Equal to the report's 273 persons at its 699 ads (II-B, duplicates about 61 %). It
    grows sub-linearly (a longer collection meets new persons but mostly the same ones
    again) and stays below ``PERSONS_CEILING``, so that the fiction phone ranges
    (``PHONE_CAPACITY``) are never exhausted.
    """
    if n_ads <= 0:
        return 0
    a = float(REPORT_PERSONS)
    h = (n_ads / REPORT_ADS) ** GROWTH_EXPONENT
    p = PERSONS_CEILING * a * h / (PERSONS_CEILING - a + a * h)
    return int(min(n_ads, max(1, round(p))))


def collection_days(n_ads: int) -> int:
    """Length of the collection in days: 77 days at 699 ads (II-B), longer beyond."""
    if n_ads <= 0:
        return 1
    return max(1, int(round(REPORT_DAYS * (n_ads / REPORT_ADS) ** DAYS_EXPONENT)))


# =====================================================================================
# Reference data: communes of Ille-et-Vilaine (checked against reference/communes.csv
# and codes_postaux.csv, COG 2018).
# name, postcodes, weight as home commune, weight as touring stop, short forms,
# neighbourhoods
# =====================================================================================
_COMMUNES = [
    ("Rennes", ("35000", "35200", "35700"), 48.0, 45.0, (),
     ("Centre", "Thabor", "Villejean", "Beaulieu", "Cleunay", "Bréquigny", "Le Blosne",
      "Maurepas", "Sainte-Thérèse", "Colombier", "Saint-Hélier", "Jeanne d'Arc",
      "Patton", "La Courrouze", "Sud-Gare", "gare")),
    ("Saint-Malo", ("35400",), 11.0, 17.0, ("St Malo", "St-Malo", "St. Malo"),
     ("Intra-Muros", "Paramé", "Saint-Servan", "Rothéneuf")),
    ("Fougères", ("35300",), 5.0, 7.0, (), ("centre",)),
    ("Vitré", ("35500",), 4.0, 6.0, (), ()),
    ("Redon", ("35600",), 3.0, 4.0, (), ()),
    ("Dinard", ("35800",), 2.5, 5.0, (), ()),
    ("Cesson-Sévigné", ("35510",), 3.0, 4.0, ("Cesson",), ()),
    ("Saint-Jacques-de-la-Lande", ("35136",), 2.0, 3.0,
     ("St Jacques", "St-Jacques-de-la-Lande", "St Jacques de la Lande"), ()),
    ("Bruz", ("35170",), 2.0, 2.0, (), ()),
    ("Saint-Grégoire", ("35760",), 1.5, 2.0, ("St Grégoire", "St-Grégoire"), ()),
    ("Chantepie", ("35135",), 1.0, 0.5, (), ()),
    ("Betton", ("35830",), 1.0, 0.3, (), ()),
    ("Pacé", ("35740",), 1.0, 0.5, (), ()),
    ("Le Rheu", ("35650",), 0.8, 0.2, (), ()),
    ("Montfort-sur-Meu", ("35160",), 0.8, 0.2, ("Montfort",), ()),
    ("Cancale", ("35260",), 0.8, 1.0, (), ()),
    ("Combourg", ("35270",), 0.8, 0.3, (), ()),
    ("Dol-de-Bretagne", ("35120",), 0.8, 0.3, ("Dol", "Dol de Bretagne"), ()),
    ("Janzé", ("35150",), 0.6, 0.1, (), ()),
    ("Châteaugiron", ("35410",), 0.6, 0.2, (), ()),
    ("Bain-de-Bretagne", ("35470",), 0.6, 0.2, ("Bain", "Bain de Bretagne"), ()),
    ("Guichen", ("35580",), 0.5, 0.1, (), ()),
    ("Mordelles", ("35310",), 0.5, 0.1, (), ()),
    ("Thorigné-Fouillard", ("35235",), 0.5, 0.1, ("Thorigné",), ()),
    ("Vern-sur-Seiche", ("35770",), 0.5, 0.1, ("Vern",), ()),
    ("Liffré", ("35340",), 0.6, 0.1, (), ()),
    ("La Guerche-de-Bretagne", ("35130",), 0.4, 0.1, ("La Guerche",), ()),
    ("Melesse", ("35520",), 0.4, 0.1, (), ()),
    ("L'Hermitage", ("35590",), 0.4, 0.1, ("Lhermitage",), ()),
    ("Vezin-le-Coquet", ("35132",), 0.4, 0.1, ("Vezin",), ()),
    ("Saint-Aubin-du-Cormier", ("35140",), 0.3, 0.1, ("St Aubin du Cormier",), ()),
    ("Pleurtuit", ("35730",), 0.3, 0.2, (), ()),
    ("Saint-Méen-le-Grand", ("35290",), 0.3, 0.1, ("St Méen",), ()),
    ("Montauban-de-Bretagne", ("35360",), 0.3, 0.1, ("Montauban",), ()),
    ("Plélan-le-Grand", ("35380",), 0.3, 0.1, (), ()),
    ("Retiers", ("35240",), 0.3, 0.0, (), ()),
    ("Noyal-Châtillon-sur-Seiche", ("35230",), 0.3, 0.1, ("Noyal-Châtillon",), ()),
    ("Chartres-de-Bretagne", ("35131",), 0.4, 0.1, ("Chartres de Bretagne",), ()),
    ("Acigné", ("35690",), 0.3, 0.0, (), ()),
    ("Saint-Briac-sur-Mer", ("35800",), 0.2, 0.3, ("St Briac",), ()),
    ("Saint-Lunaire", ("35800",), 0.2, 0.2, ("St Lunaire",), ()),
    ("Louvigné-du-Désert", ("35420",), 0.2, 0.0, (), ()),
    ("Gévezé", ("35850",), 0.2, 0.0, (), ()),
    ("Laillé", ("35890",), 0.2, 0.0, (), ()),
    ("Tinténiac", ("35190",), 0.3, 0.1, (), ()),
    ("Saint-Coulomb", ("35350",), 0.2, 0.1, (), ()),
    ("La Mézière", ("35520",), 0.2, 0.0, (), ()),
    ("Pipriac", ("35550",), 0.2, 0.0, (), ()),
    ("Grand-Fougeray", ("35390",), 0.2, 0.0, (), ()),
    ("Val-d'Izé", ("35450",), 0.1, 0.0, (), ()),
]
_RENNES_METROPOLE = {"Rennes", "Cesson-Sévigné", "Saint-Jacques-de-la-Lande", "Bruz",
                     "Saint-Grégoire", "Chantepie", "Betton", "Pacé", "Le Rheu",
                     "Thorigné-Fouillard", "Vern-sur-Seiche", "Mordelles", "L'Hermitage",
                     "Vezin-le-Coquet", "Noyal-Châtillon-sur-Seiche",
                     "Chartres-de-Bretagne", "Acigné", "Gévezé", "Laillé", "Melesse",
                     "La Mézière", "Saint-Erblon", "Orgères"}
_NEARBY = {
    "Rennes": ("Cesson-Sévigné", "Saint-Grégoire", "Saint-Jacques-de-la-Lande",
               "Chantepie", "Bruz", "Pacé", "Vezin-le-Coquet", "Betton"),
    "Saint-Malo": ("Dinard", "Cancale", "Saint-Coulomb", "Pleurtuit"),
    "Dinard": ("Saint-Malo", "Saint-Lunaire", "Saint-Briac-sur-Mer", "Pleurtuit"),
    "Fougères": ("Louvigné-du-Désert", "Saint-Aubin-du-Cormier"),
    "Vitré": ("Val-d'Izé", "La Guerche-de-Bretagne", "Châteaugiron"),
    "Redon": ("Pipriac",),
}
_RENNES_POSTCODE_WEIGHTS = (0.6, 0.25, 0.15)

# =====================================================================================
# Sites (annex 5, 1-a): escorting (E), classified ads (C), dating (D), and one family of
# look-alike dating sites republishing the same ads (M, report II-B: ten sites, 17 ads
# each).  name, category, weight in category, phone field filled, age field shown,
# pseudo shown, commune display, phone display style, text truncated at (0 = no).
# =====================================================================================
_SITES = [
    ("annuaire-escortes.example", "E", 0.30, 0.97, 0.90, 1.0, "field:name", 0, 0),
    ("ouest-escorts.example", "E", 0.27, 0.95, 0.85, 1.0, "field:name35", 2, 0),
    ("ladyguide.example", "E", 0.10, 0.90, 0.80, 1.0, "free", 0, 0),
    ("carnet-rose.example", "E", 0.08, 0.90, 0.70, 1.0, "field:cpname", 1, 0),
    ("compagnie-vip.example", "E", 0.08, 0.95, 0.95, 1.0, "field:upper", 4, 0),
    ("happy-companions.example", "E", 0.06, 0.95, 0.95, 1.0, "field:namedept", 5, 0),
    ("euro-tour-models.example", "E", 0.05, 0.95, 0.95, 1.0, "dept", 4, 0),
    ("escorte-ouest-annonces.example", "E", 0.06, 0.90, 0.60, 1.0, "free", 0, 0),
    ("petites-annonces-ouest.example", "C", 0.40, 0.50, 0.20, 0.40, "free", 1, 0),
    ("marche-libre.example", "C", 0.30, 0.40, 0.10, 0.50, "field:cpname", 1, 0),
    ("trouvetout-annonces.example", "C", 0.25, 0.50, 0.30, 0.60, "free", 0, 0),
    ("entre-particuliers.example", "C", 0.05, 0.30, 0.00, 0.30, "field:name", 1, 0),
    ("rencontre-intime.example", "D", 0.50, 0.00, 0.60, 1.0, "free", 0, 0),
    ("on-se-croise.example", "D", 0.50, 0.00, 0.50, 1.0, "free", 0, 0),
    ("rencontres-du-soir.example", "M", 1.0, 0.0, 0.70, 1.0, "field:name", 0, 0),
    ("calins-et-rencontres.example", "M", 1.0, 0.0, 0.70, 1.0, "field:name", 0, 0),
    ("rendez-vous-discret.example", "M", 1.0, 0.0, 0.70, 1.0, "field:name", 0, 0),
    ("coeurs-de-passage.example", "M", 1.0, 0.0, 0.70, 1.0, "field:name", 0, 0),
    ("une-nuit-rencontre.example", "M", 1.0, 0.0, 0.70, 1.0, "field:cpname", 0, 0),
    ("rencontres-ouest.example", "M", 1.0, 0.0, 0.70, 1.0, "field:name", 0, 280),
    ("tete-a-tete-annonces.example", "M", 1.0, 0.0, 0.70, 1.0, "field:name", 0, 0),
    ("romance-express.example", "M", 1.0, 0.0, 0.70, 1.0, "field:name", 0, 0),
    ("amours-ephemeres.example", "M", 1.0, 0.0, 0.70, 1.0, "field:name", 0, 0),
]
_SITE_NAMES = [s[0] for s in _SITES]
_SITE_CAT = [s[1] for s in _SITES]
_CAT_SITES = {c: [i for i, s in enumerate(_SITES) if s[1] == c] for c in "ECDM"}
_AGENCY_SITES = [_SITE_NAMES.index(n) for n in
                 ("compagnie-vip.example", "happy-companions.example",
                  "euro-tour-models.example")]

# =====================================================================================
# Persons: names, origins, descriptions (IV-A; II-B extracts; annex 5)
# =====================================================================================
_NAMES_F = {
    "fr": ("Julie", "Camille", "Léa", "Manon", "Chloé", "Emma", "Sarah", "Laura", "Marie",
           "Jessica", "Audrey", "Mélanie", "Sophie", "Clara", "Inès", "Lola", "Océane",
           "Anaïs", "Pauline", "Élodie", "Charlotte", "Jade", "Lisa", "Kelly", "Cindy",
           "Vanessa", "Sandra", "Aurélie", "Émilie", "Coralie", "Maëlle", "Nolwenn",
           "Gwenaëlle", "Morgane", "Cassandra", "Alicia", "Justine", "Margaux"),
    "latam": ("Paola", "Valentina", "Camila", "Daniela", "Gabriela", "Isabela", "Luana",
              "Bianca", "Fernanda", "Carolina", "Mariana", "Juliana", "Natalia",
              "Alejandra", "Sofia", "Luciana", "Yasmin", "Larissa", "Melina", "Thalia",
              "Rafaela", "Pamela", "Brenda", "Kimberly", "Alessandra", "Lorena"),
    "eu": ("Carla", "Giulia", "Chiara", "Elena", "Lucia", "Alba", "Martina", "Lena",
           "Hanna", "Sanna", "Laura", "Nina", "Greta", "Marta"),
    "est": ("Natasha", "Olga", "Irina", "Anastasia", "Katia", "Oksana", "Alina", "Daria",
            "Milena", "Nadia", "Vika", "Kristina", "Aneta", "Ewa", "Monika", "Yulia",
            "Sasha", "Anna"),
    "asie": ("Mei", "Lin", "Lili", "Suki", "Mina", "Jasmine", "Kim", "Yasmina", "Leila",
             "Nour", "Priya", "Maya", "Lina", "Jenny", "Amy"),
    "afr": ("Aïcha", "Fatou", "Grace", "Joy", "Awa", "Mariam", "Naomi", "Stella",
            "Esther", "Ruth", "Linda", "Nadia"),
    "mix": ("Jade", "Inaya", "Kenza", "Shana", "Naya", "Célia", "Maeva", "Tessa"),
}
_NAMES_M = ("Kevin", "Lucas", "Hugo", "Thomas", "Nico", "Alex", "Mehdi", "Yanis", "Julien",
            "Maxime", "Rafael", "Diego", "Bruno", "Sami", "Enzo", "Théo", "Dylan", "Léo")

# key: (noun fem., noun masc., generic adjective, generic nouns fem., English, group)
_ORIGINS = {
    "fr": ("française", "français", "française", ("française", "bretonne"), "French", "fr"),
    "br": ("brésilienne", "brésilien", "latine", ("latina", "latine"), "Brazilian", "latam"),
    "co": ("colombienne", "colombien", "latine", ("latina",), "Colombian", "latam"),
    "ve": ("vénézuélienne", "vénézuélien", "latine", ("latina",), "Venezuelan", "latam"),
    "ar": ("argentine", "argentin", "latine", ("latina",), "Argentinian", "latam"),
    "cu": ("cubaine", "cubain", "latine", ("latina", "métisse"), "Cuban", "latam"),
    "mx": ("mexicaine", "mexicain", "latine", ("latina",), "Mexican", "latam"),
    "py": ("paraguayenne", "paraguayen", "latine", ("latina",), "Paraguayan", "latam"),
    "pr": ("portoricaine", "portoricain", "latine", ("latina",), "Puerto Rican", "latam"),
    "es": ("espagnole", "espagnol", "méditerranéenne", ("méditerranéenne",), "Spanish",
           "eu"),
    "it": ("italienne", "italien", "méditerranéenne", ("méditerranéenne",), "Italian",
           "eu"),
    "de": ("allemande", "allemand", "européenne", ("européenne",), "German", "eu"),
    "fi": ("finlandaise", "finlandais", "nordique", ("nordique",), "Finnish", "eu"),
    "pl": ("polonaise", "polonais", "de l'Est", ("européenne",), "Polish", "est"),
    "ua": ("ukrainienne", "ukrainien", "de l'Est", ("européenne",), "Ukrainian", "est"),
    "cn": ("chinoise", "chinois", "asiatique", ("asiatique",), "Chinese", "asie"),
    "in": ("indienne", "indien", "orientale", ("orientale",), "Indian", "asie"),
    "lb": ("libanaise", "libanais", "orientale", ("orientale", "méditerranéenne"),
           "Lebanese", "asie"),
    "ke": ("kényane", "kényan", "africaine", ("black", "africaine"), "Kenyan", "afr"),
    "bk": ("black", "black", "africaine", ("black", "africaine"), "African", "afr"),
    "me": ("métisse", "métis", "métisse", ("métisse",), "mixed-race", "mix"),
}
_ORIGIN_GROUPS = {
    "latam": (("br", 4), ("co", 3), ("ve", 2), ("ar", 1), ("cu", 1), ("mx", 1), ("py", 1),
              ("pr", 1)),
    "eu": (("es", 3), ("it", 2), ("de", 1), ("fi", 1)),
    "est": (("ua", 3), ("pl", 2)),
    "asie": (("cn", 4), ("in", 1), ("lb", 2)),
    "afr": (("bk", 3), ("ke", 1)),
    "mix": (("me", 1),),
    "fr": (("fr", 1),),
}
# declared origins (IV-A-3): 20 % French, 80 % foreign
_GROUP_WEIGHTS = (("fr", 0.20), ("latam", 0.32), ("eu", 0.12), ("est", 0.12),
                  ("asie", 0.12), ("afr", 0.08), ("mix", 0.04))

# hair key: (nouns fem., phrases fem., English, masc. phrase)
_HAIR = {
    "brune": (("brune", "brunette"), ("brune", "cheveux bruns", "aux cheveux bruns"),
              "brunette", "brun"),
    "blonde": (("blonde", "blondinette"), ("blonde", "cheveux blonds", "aux cheveux blonds"),
               "blonde", "blond"),
    "chatain": (("châtain",), ("châtain", "cheveux châtains", "châtain clair"),
                "brown-haired", "châtain"),
    "rousse": (("rousse",), ("rousse", "cheveux roux", "aux cheveux roux"), "redhead",
               "roux"),
    "noirs": (("brune",), ("cheveux noirs", "aux longs cheveux noirs",
                           "brune aux cheveux noirs"), "dark-haired", "cheveux noirs"),
}
_HAIR_BY_GROUP = {
    "fr": (("brune", 35), ("blonde", 25), ("chatain", 30), ("rousse", 10)),
    "latam": (("brune", 60), ("noirs", 15), ("chatain", 15), ("blonde", 10)),
    "eu": (("brune", 40), ("blonde", 30), ("chatain", 25), ("rousse", 5)),
    "est": (("blonde", 50), ("chatain", 20), ("brune", 25), ("rousse", 5)),
    "asie": (("noirs", 70), ("brune", 30)),
    "afr": (("noirs", 50), ("brune", 50)),
    "mix": (("brune", 60), ("noirs", 30), ("chatain", 10)),
}
_EYES = {"marron": ("yeux marron", "aux yeux marron", "brown"),
         "verts": ("yeux verts", "aux yeux verts", "green"),
         "bleus": ("yeux bleus", "aux yeux bleus", "blue"),
         "noirs": ("yeux noirs", "aux yeux noirs", "dark"),
         "noisette": ("yeux noisette", "aux yeux noisette", "hazel")}
_EYE_WEIGHTS = (("marron", 45), ("verts", 15), ("bleus", 15), ("noirs", 15),
                ("noisette", 10))
# build key: (fem. words, masc. words, English)
_BUILD = {
    "mince": (("mince", "fine", "svelte"), ("mince", "fin"), "slim"),
    "pulpeuse": (("pulpeuse", "aux formes généreuses", "ronde", "avec des formes"),
                 ("costaud", "bien bâti"), "curvy"),
    "sportive": (("sportive", "athlétique", "tonique"), ("sportif", "musclé", "athlétique"),
                 "sporty"),
    "menue": (("menue", "petite et menue", "petit gabarit"), ("fin", "mince"), "petite"),
}
_BUILD_WEIGHTS = (("mince", 40), ("pulpeuse", 25), ("sportive", 15), ("menue", 20))
_ADJ_F = ("douce", "souriante", "élégante", "raffinée", "sympathique", "pétillante",
          "câline", "discrète", "naturelle", "chaleureuse", "attentionnée", "sensuelle",
          "coquine", "timide")
_ADJ_M = ("sympa", "discret", "respectueux", "souriant", "cool", "attentionné")
_ADJ_EN = ("sweet", "elegant", "discreet", "friendly", "smiling", "classy")
_SKIN = ("peau mate", "peau claire", "teint hâlé", "peau douce")

_PSEUDO_HANDLES_F = ("Jolie_brune", "Douceur", "PetiteFleur", "BelleDeJour", "Coquelicot",
                     "Cerise", "Papillon", "Caramel", "Vanille", "Cannelle", "Etoile",
                     "Nuit_douce", "Lune", "Perle", "Sirène", "Plume", "Bulle")
_PSEUDO_HANDLES_M = ("Mec_discret", "JH_sportif", "Beau_brun", "Etudiant", "Gars_sympa")
_AGENCY_HANDLES = ("Agence Elite", "NewGirls", "VIP Models", "Top Companions",
                   "Girls Tour", "Belles Etrangères", "Golden Escort", "Premium Girls",
                   "Elite Models", "Diamond Agency", "Belles de Nuit")
_AGENCY_BY_GROUP = {"latam": ("Latinas VIP", "Latina Tour"), "asie": ("Asian Beauty",),
                    "est": ("Belles de l'Est", "Slavic Models"), "afr": ("Belles d'Afrique",)}

# =====================================================================================
# Text banks. Placeholders: {name} {age} {city} {phone} {p1} {p2} {site} {orig}
# {origadj} {hairn} {desc} {adj} {build}.  Nothing beyond the report's own extracts.
# =====================================================================================
_FR_F = {
    "greet": ("Bonjour messieurs,", "Coucou !", "Bonsoir à tous,", "Hello messieurs !",
              "Bonjour à vous,", "Salut à tous,", "Bonjour,"),
    "intro_na": ("Je suis {name}, {desc}, {age} ans.", "Moi c'est {name}, {age} ans, {desc}.",
                 "Je m'appelle {name}, j'ai {age} ans, {desc}.", "{name}, {age} ans, {desc}.",
                 "Je suis {name}, une jolie {orig} de {age} ans, {desc}."),
    "intro_n": ("Je suis {name}, {desc}.", "Moi c'est {name}, {desc}.",
                "Je m'appelle {name} : {desc}.", "Je suis {name} une belle {orig}, {desc}."),
    "intro_a": ("Jeune femme de {age} ans, {desc}.", "Délicieuse {orig} de {age} ans, {desc}.",
                "Jolie {orig} de {age} ans vous propose un moment de pure évasion.",
                "Charmante {hairn} de {age} ans, {desc}."),
    "intro": ("Jolie {orig}, {desc}.", "Belle {hairn}, {desc}.",
              "Charmante jeune femme, {desc}.", "Ravissante {orig} {adj}, {desc}."),
    "loc": ("Je reçois dans un appartement privé et discret à {city}.",
            "Je reçois en appartement calme et propre, {city}.",
            "Je vous reçois dans un cadre discret sur {city}.",
            "Appartement climatisé pour votre confort.",
            "Je me déplace sur {city} et alentours.",
            "Je reçois et je me déplace sur {city}.",
            "Je reçois à l'hôtel sur {city}.",
            "Parking gratuit à proximité, {city}."),
    "passage": ("De passage à {city} pour quelques jours seulement.",
                "Nouvelle sur {city} pour une semaine !",
                "Je suis de passage sur {city}, ne tardez pas.",
                "Sur le secteur de {city} jusqu'à dimanche.",
                "Présente à {city} quelques jours seulement."),
    "offer": ("Je vous propose un moment de détente et de complicité en toute discrétion.",
              "Je vous réserve un instant où la discrétion, le respect et l'hygiène sont "
              "de rigueur.",
              "La détente dans la complicité et la bonne humeur est à l'ordre du jour.",
              "Je propose un bon moment tranquille, agréable et discret, dans une ambiance "
              "raffinée.",
              "Vous désirez de la compagnie en toute discrétion ? Ne cherchez plus.",
              "Massage relaxant aux huiles chaudes pour vous détendre.",
              "Pour un moment de douceur partagé, sans prise de tête.",
              "Je suis ouverte à toute demande, n'hésitez pas.",
              "Idéale pour homme courtois qui cherche un moment agréable."),
    "avail": ("Disponible du lundi au samedi de 10h à 22h.", "Dispo 7j/7 de 9h à minuit.",
              "Disponible en journée uniquement.", "Dispo tous les soirs à partir de 18h.",
              "Disponible ce week-end, prévenir 30 minutes avant.",
              "Sur rendez-vous uniquement.", "Disponible 24h/24.",
              "Dispo en semaine de 11h à 20h."),
    "cond": ("Pas de numéros masqués, pas de sms.",
             "Les appels masqués, sms, mails et fixes resteront sans suite.",
             "SMS uniquement, je ne réponds pas aux appels.",
             "Hommes respectueux uniquement.",
             "Mes photos sont 100 % réelles et récentes.",
             "Pas sérieux s'abstenir.", "Hygiène irréprochable exigée."),
    "price": ("Tarifs : {p1} roses la demi-heure, {p2} roses l'heure.",
              "{p1}€ la demi-heure, {p2}€ l'heure.", "Petit cadeau à partir de {p1}.",
              "Tarif : {p2} € / 1h.", "Cadeau {p1} roses 30 min, {p2} roses 1h."),
    "contact": ("Appelez-moi au {phone}.", "Contact : {phone}", "Tél : {phone}",
                "Appelle-moi vite au {phone} !", "Pour me joindre : {phone}",
                "Whatsapp ou appel : {phone}"),
    "message": ("Contactez-moi par message sur le site.",
                "Écrivez-moi en privé, je réponds vite.",
                "Contact uniquement par la messagerie du site.",
                "Laissez-moi un message, je vous recontacte."),
    "mention": ("Pensez à me dire que vous m'avez vue sur {site}.",
                "Dites-moi que vous venez de {site}."),
    "sign": ("Bisous", "À très vite, bisous.", "Je vous attends.", "À bientôt.",
             "Gros bisous", "Bises.", "À tout de suite !"),
}
_FR_T = dict(_FR_F)
_FR_T.update({
    "intro_na": ("Je suis {name}, une belle transsexuelle de {age} ans, {desc}.",
                 "Moi c'est {name}, trans {orig} de {age} ans, {desc}.",
                 "{name}, TS {orig} {age} ans, {desc}."),
    "intro_n": ("Je suis {name} une belle transsexuelle jolie, polie et très douce, j'ai "
                "une vraie beauté {origadj}.",
                "Moi c'est {name}, trans très féminine, {desc}."),
    "intro_a": ("Belle trans {orig} de {age} ans, {desc}.",
                "TS très féminine de {age} ans, {desc}."),
    "intro": ("Belle trans {orig}, {desc}.", "Trans très féminine, {desc}."),
})
_FR_M = {
    "greet": ("Salut,", "Bonjour,", "Hello,"),
    "intro_na": ("Je suis {name}, {age} ans, {desc}.",
                 "Moi c'est {name}, jeune mec de {age} ans, {desc}."),
    "intro_n": ("Je suis {name}, {desc}.", "{name}, mec {desc}."),
    "intro_a": ("Bonjour je suis un jeune mec de {age} ans, {desc}.",
                "Jeune homme de {age} ans, {desc}."),
    "intro": ("Bonjour je suis un jeune mec de {city}, {desc}.", "Jeune homme {desc}."),
    "loc": ("Si tu es intéressé je peux me déplacer, très discret.",
            "Je reçois sur {city}, discret.", "Je me déplace sur {city} et environs."),
    "passage": ("De passage sur {city} quelques jours.",),
    "offer": ("Je propose mes services à mec gay ou bi : massage, sortie...",
              "Je propose massage et compagnie pour hommes.",
              "Pour hommes et femmes, moment de détente.",
              "En échange, qui prend soin de moi..."),
    "avail": ("Dispo le soir et le week-end.", "Disponible en journée.",
              "Dispo rapidement."),
    "cond": ("Discrétion assurée.", "Pas sérieux s'abstenir.", "Réponse rapide."),
    "price": ("Cadeau {p1}.", "{p2}€ l'heure."),
    "contact": ("Envoie un sms au {phone}.", "Tél : {phone}", "Contact : {phone}"),
    "message": ("Écris-moi en privé.", "Contact par message uniquement."),
    "mention": ("Dis-moi que tu viens de {site}.",),
    "sign": ("À plus.", "Bises", "A+"),
}
_FR_F3 = {
    "greet": ("Nouvelle !", "Messieurs,", "NOUVEAU :"),
    "intro_na": ("{name} est une {orig} de {age} ans, {desc}.",
                 "Nouvelle ! {name}, {age} ans, {desc}, vient d'arriver.",
                 "Voici {name}, {age} ans, {desc}.",
                 "{name}, jeune {orig} de {age} ans, {desc}."),
    "intro_n": ("{name} est une {orig} {adj}, {desc}.", "Découvrez {name}, {desc}.",
                "Voici {name} : {desc}."),
    "intro_a": ("Jeune {orig} de {age} ans, {desc}, vous attend.",
                "Nouvelle fille de {age} ans, {desc}."),
    "intro": ("Nouvelle jeune femme {adj}, {desc}.", "Très belle {orig}, {desc}."),
    "loc": ("Elle vous reçoit dans un appartement discret à {city}.",
            "Elle reçoit en appartement privé sur {city}.",
            "Elle se déplace à l'hôtel sur {city}.",
            "Elle reçoit et se déplace sur {city} et alentours."),
    "passage": ("Elle est de passage à {city} pour quelques jours seulement.",
                "Elle est à {city} pour une semaine, ne tardez pas.",
                "Nouvelle sur {city} !"),
    "offer": ("Elle vous propose un moment de détente en toute discrétion.",
              "Elle est douce, souriante et très discrète.",
              "Elle saura vous faire passer un moment agréable.",
              "Elle est ouverte à toute demande."),
    "avail": ("Elle est disponible 24h/24.", "Disponible tous les jours, tout le temps.",
              "Disponible 7j/7.", "Disponible jour et nuit."),
    "cond": ("Pas de numéros masqués.", "Photos 100 % réelles.",
             "Appel uniquement, pas de sms.", "Hommes respectueux uniquement."),
    "price": _FR_F["price"],
    "contact": ("Appelez vite le {phone}.", "Réservation au {phone}.", "Contact : {phone}",
                "Pour la rencontrer : {phone}"),
    "message": ("Réservation par message sur le site.",),
    "mention": ("Dites que vous venez de {site}.",),
    "sign": ("À très vite.", "Ne tardez pas !", "Merci."),
}
_FR_T3 = dict(_FR_F3)
_FR_T3.update({
    "intro_na": ("{name} est une trans {orig} de {age} ans, {desc}.",
                 "Nouvelle trans ! {name}, {age} ans, {desc}."),
    "intro_n": ("Découvrez {name}, trans très féminine, {desc}.",
                "{name} est une belle trans {orig}, {desc}."),
    "intro_a": ("Trans {orig} de {age} ans, {desc}, vous attend.",),
    "intro": ("Nouvelle trans {adj}, {desc}.",),
})
_EN = {
    "greet": ("Hello gentlemen,", "Hi guys!", "Hello!", "Hi,"),
    "intro_na": ("I am {name}, {age} years old, {desc}.",
                 "My name is {name}, {age} y.o., {desc}.", "{name}, {age}, {desc}."),
    "intro_n": ("I am {name}, {desc}.", "I'm {name}, {desc}."),
    "intro_a": ("Young {orig} girl, {age} years old, {desc}.",),
    "intro": ("Sweet {orig} girl, {desc}.",),
    "loc": ("Incall in a private and discreet apartment in {city}.",
            "Incall / outcall in {city}.", "Outcall to hotels in {city} area."),
    "passage": ("New in {city} for a few days only!", "Only this week in {city}.",
                "Just arrived in {city}."),
    "offer": ("Sweet, elegant and discreet, perfect girlfriend experience.",
              "I offer a relaxing moment in a friendly atmosphere.",
              "High level escort, elegant and refined.",
              "Come and spend a nice time with me."),
    "avail": ("Available 24/7.", "Available every day from 10am to midnight.",
              "Available now."),
    "cond": ("No private numbers, no sms.", "Real photos 100%.",
             "Respectful gentlemen only."),
    "price": ("{p1} roses 30 min, {p2} roses 1 hour.", "Rates: {p2}€ per hour."),
    "contact": ("Call me: {phone}", "Whatsapp: {phone}", "Contact me at {phone}."),
    "message": ("Contact me through the site.", "Send me a message here."),
    "mention": ("Tell me you saw me on {site}.",),
    "sign": ("Kisses", "See you soon!", "xoxo"),
}
_EN3 = dict(_EN)
_EN3.update({
    "intro_na": ("{name} is a {orig} girl, {age} years old, {desc}.",
                 "New girl {name} ({age}) just arrived, {desc}."),
    "intro_n": ("{name} is a {orig} girl, {desc}.", "Meet {name}, {desc}."),
    "intro_a": ("New {orig} girl, {age} years old, {desc}.",),
    "intro": ("New {orig} girl, {desc}.",),
    "loc": ("She receives in a discreet apartment in {city}.",
            "Incall / outcall in {city}."),
    "passage": ("She is in {city} for a few days only.",),
    "offer": ("She is sweet, elegant and discreet.",),
    "avail": ("She is available 24/7.", "Available day and night."),
    "contact": ("Call now {phone}.", "Booking: {phone}"),
})
_BANKS = {("fr", "F", 1): _FR_F, ("fr", "T", 1): _FR_T, ("fr", "M", 1): _FR_M,
          ("fr", "F", 3): _FR_F3, ("fr", "T", 3): _FR_T3, ("fr", "M", 3): _FR_M,
          ("en", "F", 1): _EN, ("en", "T", 1): _EN, ("en", "M", 1): _EN,
          ("en", "F", 3): _EN3, ("en", "T", 3): _EN3, ("en", "M", 3): _EN3}

_TITLES = {
    "F": ("{Adj} {orig} à {city}", "{name} - {city}", "{name}, {age} ans", "{name} {orig}",
          "Nouvelle à {city}", "Nouvelle {orig} sur {city}", "{Adj} {hairn} {build}",
          "Douce {name}", "Moment de détente {city}", "Massage relaxant {city}",
          "Première fois à {city} !", "{name} vous attend", "{Adj} {hairn} à {city}",
          "{Orig} {adj} {city}", "{Adj} {orig} {age} ans"),
    "T": ("Trans {orig} {city}", "{name} TS {orig}", "Belle trans {name}",
          "Nouvelle trans à {city}", "Trans très féminine {city}", "{name} trans {age} ans"),
    "M": ("Jeune homme pour homme {city}", "{name} {age} ans {build}",
          "Massage par jeune mec {city}", "Mec discret {city}", "JH {age} ans {city}"),
    "EN": ("New in {city}", "{name}, {age} - new in town", "Sweet {orig} {name}",
           "{name} only few days in {city}", "{Orig} girl in {city}"),
    "passage": ("{Orig} de passage à {city}", "De passage à {city}",
                "Nouvelle à {city} quelques jours", "{name} de passage",
                "{name} {orig} de passage {city}"),
    "F3": ("Nouvelle : {name} {age} ans", "{name} {orig} - disponible 24h/24",
           "{name}, {orig}, {city}", "NEW {name} {age} ans {city}"),
}
_TITLE_ADJ = ("Jolie", "Belle", "Charmante", "Superbe", "Douce", "Délicieuse", "Magnifique")
_TYPOS = (("discrète", "discrete"), ("reçois", "recois"), ("disponible", "disponnible"),
          ("appartement", "apartement"), ("très", "tres"), ("à bientôt", "a bientot"),
          ("masqués", "masquer"), ("n'hésitez", "n'hesitez"), ("rendez-vous", "rdv"),
          ("messieurs", "mesieurs"), ("détente", "detente"), ("Je suis", "je suis"),
          ("quelques", "quelque"), ("uniquement", "uniquemment"))
_EMOJIS = ("💋", "🌹", "❤️", "😘", "✨", "☎️", "🔥", "💕")
_SLOTS = ("greet", "intro", "passage", "loc", "offer", "offer2", "avail", "cond", "price",
          "contact", "mention", "sign")


# =====================================================================================
# small helpers
# =====================================================================================
def _strip_accents(s: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFD", s)
                   if unicodedata.category(c) != "Mn")


def _uniform_stream(rng: np.random.Generator, chunk: int = 1 << 15):
    while True:
        yield from rng.random(chunk).tolist()


class _Draw:
    """Fast draws from a seeded numpy Generator (uniforms fetched in chunks)."""

    __slots__ = ("u",)

    def __init__(self, rng: np.random.Generator):
        self.u = _uniform_stream(rng).__next__

    def pick(self, seq):
        return seq[int(self.u() * len(seq))]

    def wpick(self, pairs):
        total = 0.0
        for _, w in pairs:
            total += w
        x = self.u() * total
        for k, w in pairs:
            x -= w
            if x < 0:
                return k
        return pairs[-1][0]

    def randint(self, lo: int, hi: int) -> int:  # inclusive
        return lo + int(self.u() * (hi - lo + 1))


def _pairs(d: str) -> list[str]:
    return [d[0:2], d[2:4], d[4:6], d[6:8], d[8:10]]


def _fmt_phone(d: str, style: int) -> str:
    """The many ways a French number is written (d: 10 digits starting with 0)."""
    p = _pairs(d)
    if style == 0:
        return " ".join(p)
    if style == 1:
        return d
    if style == 2:
        return ".".join(p)
    if style == 3:
        return "-".join(p)
    if style == 4:
        return "+33 " + d[1] + " " + " ".join(p[1:])
    if style == 5:
        return "+33" + d[1:]
    if style == 6:
        return "0033 " + d[1] + " " + " ".join(p[1:])
    if style == 7:
        return "+33 (0)" + d[1] + " " + " ".join(p[1:])
    if style == 8:
        return "/".join(p)
    if style == 9:
        return "\u00a0".join(p)
    if style == 10:  # letter O for zero, written by hand in the text
        return "O" + d[1] + " " + " ".join(p[1:])
    if style == 11:
        return " ".join(d)
    if style == 12:
        return "zéro " + {"6": "six", "2": "deux", "1": "un", "3": "trois", "4": "quatre",
                          "5": "cinq"}[d[1]] + " " + " ".join(p[1:])
    if style == 13:
        return p[0] + " " + p[1] + " " + p[2] + " " + d[6:]
    return " ".join(p)


_TEXT_PHONE_STYLES = ((0, 40), (1, 14), (2, 14), (3, 5), (4, 6), (5, 4), (8, 2), (10, 3),
                      (11, 3), (12, 1), (13, 4), (6, 2), (7, 2))
_COLLECTOR_STYLES = ((0, 45), (1, 30), (2, 10), (4, 5), (5, 4), (3, 3), (13, 3), (9, 2))


# =====================================================================================
# communes as typed
# =====================================================================================
class _Communes:
    def __init__(self):
        self.names = [c[0] for c in _COMMUNES]
        self.cps = [c[1] for c in _COMMUNES]
        self.home_pairs = [(i, c[2]) for i, c in enumerate(_COMMUNES)]
        self.tour_pairs = [(i, c[3]) for i, c in enumerate(_COMMUNES) if c[3] > 0]
        self.short = [c[4] for c in _COMMUNES]
        self.hoods = [c[5] for c in _COMMUNES]
        self.index = {n: i for i, n in enumerate(self.names)}
        self.nearby = {self.index[k]: [self.index[x] for x in v] for k, v in _NEARBY.items()}

    def typed(self, ci: int, habit: int, cp: str, hood: str, dr: _Draw) -> str:
        """The commune as a person or a collector types it (III-D, annex 5)."""
        name = self.names[ci]
        if habit == 0:  # plain
            return name
        if habit == 1:  # case
            return dr.pick((name.upper(), name.lower(), name.upper()))
        if habit == 2:  # no accents, no hyphens
            s = _strip_accents(name)
            return dr.pick((s, s.replace("-", " "), s.replace("-", " ").lower(),
                            name.replace("-", " ")))
        if habit == 3:  # short forms
            if self.short[ci]:
                return dr.pick(self.short[ci])
            return name.replace("Saint-", "St-")
        if habit == 4:  # postcode
            return dr.pick((f"{name} {cp}", f"{cp} {name}", cp, f"{name} ({cp})",
                            f"{cp} - {name}", f"{name.upper()} {cp}"))
        if habit == 5:  # département in brackets
            return dr.pick((f"{name} (35)", f"{name} 35", f"{name} - 35",
                            f"{name}, Ille-et-Vilaine"))
        if habit == 6:  # centre / alentours
            return dr.pick((f"{name} centre", f"{name} centre-ville",
                            f"Centre-ville {name}", f"{name} et alentours",
                            f"{name} et environs", f"{name} + 30 km", f"secteur {name}",
                            f"{name} et ses alentours"))
        if habit == 7 and hood:  # neighbourhood
            return dr.pick((f"{name} {hood}", f"{name} - {hood}", hood, f"{hood} ({name})",
                            f"{name} quartier {hood}"))
        if habit == 8:  # département instead of a commune
            if name in _RENNES_METROPOLE and dr.u() < 0.3:
                return dr.pick(("Rennes métropole", "Rennes Métropole", "agglo rennaise"))
            return dr.pick(("Ille-et-Vilaine", "ille et vilaine", "Ille et Vilaine",
                            "Ille-et-Vilaine (35)", "35", "Bretagne", "ILLE-ET-VILAINE"))
        return name

    def site_field(self, ci: int, mode: str, cp: str, dr: _Draw) -> str:
        name = self.names[ci]
        if mode == "field:name":
            return name
        if mode == "field:name35":
            return f"{name} (35)"
        if mode == "field:cpname":
            return f"{cp} {name}"
        if mode == "field:upper":
            return name.upper()
        if mode == "field:namedept":
            return f"{name}, Ille-et-Vilaine"
        return name


# =====================================================================================
# phone numbers
# =====================================================================================
def _allocate_numbers(rng: np.random.Generator, n_single: int,
                      group_sizes: list[int]) -> tuple[list[str], list[list[str]]]:
    """Numbers from the ARCEP fiction ranges only.

    Single numbers are spread so that, while the ranges allow it (about 6,000 numbers),
    no two persons share the first nine digits by chance; the mobile block comes first,
    so small worlds only show mobile numbers. A network's "sibling" numbers (V-A-4:
    numbers whose last digits only vary) share one decade (same first nine digits).
    """
    need = n_single + sum(group_sizes)
    if need > PHONE_CAPACITY:
        raise ValueError(f"{need} numbers needed, fiction ranges hold {PHONE_CAPACITY}")
    decade_orders = [rng.permutation(1000) for _ in FICTION_PREFIXES]
    digit_orders = [rng.permuted(np.tile(np.arange(10), (1000, 1)), axis=1)
                    for _ in FICTION_PREFIXES]
    per_block = int(1000 * SIBLING_DECADE_SHARE)
    groups: list[list[str]] = []
    reserved = [0] * len(FICTION_PREFIXES)
    b = 0
    for size in group_sizes:
        while reserved[b] >= per_block:
            b += 1
        dec = int(decade_orders[b][reserved[b]])
        reserved[b] += 1
        digits = digit_orders[b][dec][:size]
        groups.append([f"{FICTION_PREFIXES[b]}{dec:03d}{int(x)}" for x in digits])
    # pass-major order: the first number of every free decade (mobile block first),
    # then the second one, etc.; a chance near-identical pair only appears once the
    # 6,000 decades are used (about 20,000 ads)
    stream: list[str] = []
    for p in range(10):
        if len(stream) >= n_single:
            break
        for b, prefix in enumerate(FICTION_PREFIXES):
            if len(stream) >= n_single:
                break
            free = decade_orders[b][reserved[b]:]
            sub = free * 10 + digit_orders[b][free, p]
            stream.extend(f"{prefix}{int(x):04d}" for x in sub)
    if len(stream) < n_single:  # leftover digits of the network decades
        for b, prefix in enumerate(FICTION_PREFIXES):
            used = {}
            for size, grp in zip(group_sizes, groups):
                if grp[0].startswith(prefix):
                    used[grp[0][6:9]] = size
            for dec_s, size in used.items():
                dec = int(dec_s)
                stream.extend(f"{prefix}{dec:03d}{int(x)}" for x in digit_orders[b][dec][size:])
    return stream[:n_single], groups


# =====================================================================================
# the world
# =====================================================================================
class _Person:
    __slots__ = ("pid", "gender", "net", "count", "group", "origin", "name", "alt_name",
                 "alt_mode", "alt_day", "alt_cat", "pseudo", "pseudo2", "pseudo_day",
                 "site_pseudo", "name_text", "age", "age_drift", "age_ages", "age_text",
                 "age_cell", "site_age", "hair", "hair2", "hair_day", "eyes", "build",
                 "height", "weight", "adjs", "skin", "lang", "third", "incoherent",
                 "phones", "no_phone", "text_phone_style", "phone_in_text",
                 "announce_new", "schedule", "home_cp", "hood", "typing", "typing2",
                 "cat_w", "home_sites", "typos", "emoji", "newline", "caps", "p1", "p2",
                 "price_day", "start", "end", "stops", "tour", "spec", "title_spec",
                 "passage_rate", "mention_rate", "nearby_rate", "agency", "moves_to")


def _choose_origin(dr: _Draw, group: str | None) -> str | None:
    if group is None:
        return None
    return dr.wpick(_ORIGIN_GROUPS[group])


def _new_spec(dr: _Draw, bank: dict, third: bool) -> dict:
    """Which sentence of each slot a text uses (its wording), as indices."""
    spec = {}
    spec["greet"] = dr.randint(0, len(bank["greet"]) - 1) if dr.u() < 0.45 else -1
    spec["intro"] = dr.randint(0, 99)
    spec["desc"] = tuple(k for k in ("orig", "hair", "eyes", "build", "size", "adj", "skin")
                         if dr.u() < {"orig": 0.35, "hair": 0.55, "eyes": 0.3, "build": 0.5,
                                      "size": 0.25, "adj": 0.55, "skin": 0.1}[k])
    spec["loc"] = dr.randint(0, len(bank["loc"]) - 1) if dr.u() < 0.8 else -1
    spec["offer"] = dr.randint(0, len(bank["offer"]) - 1) if dr.u() < 0.85 else -1
    spec["offer2"] = dr.randint(0, len(bank["offer"]) - 1) if dr.u() < 0.3 else -1
    spec["avail"] = dr.randint(0, len(bank["avail"]) - 1) if dr.u() < (0.9 if third else 0.6) else -1
    spec["cond"] = dr.randint(0, len(bank["cond"]) - 1) if dr.u() < 0.6 else -1
    spec["cond2"] = dr.randint(0, len(bank["cond"]) - 1) if dr.u() < 0.25 else -1
    spec["price"] = dr.randint(0, len(bank["price"]) - 1) if dr.u() < 0.35 else -1
    spec["contact"] = dr.randint(0, 99)
    spec["sign"] = dr.randint(0, len(bank["sign"]) - 1) if dr.u() < 0.6 else -1
    spec["passage"] = dr.randint(0, len(bank["passage"]) - 1)
    spec["order_swap"] = dr.u() < 0.3
    return spec


def _tweak_spec(dr: _Draw, spec: dict, bank: dict) -> dict:
    """Slight rewording of a repost: one slot changed, dropped or added."""
    s = dict(spec)
    k = dr.pick(("offer", "avail", "cond", "price", "sign", "greet", "loc", "desc",
                 "order_swap", "offer2"))
    if k == "desc":
        s["desc"] = tuple(x for x in ("orig", "hair", "eyes", "build", "size", "adj")
                          if dr.u() < 0.45)
    elif k == "order_swap":
        s["order_swap"] = not s["order_swap"]
    else:
        key = "offer" if k == "offer2" else k
        if s.get(k, -1) >= 0 and dr.u() < 0.35:
            s[k] = -1
        else:
            s[k] = dr.randint(0, len(bank[key]) - 1)
    return s


def _build_world(n_ads: int, seed: int):
    rng = np.random.default_rng(seed)
    dr = _Draw(rng)
    u, pick, wpick, randint = dr.u, dr.pick, dr.wpick, dr.randint
    com = _Communes()
    n_persons = persons_for_ads(n_ads)
    n_days = collection_days(n_ads)

    # ---- ads per person: at least one each, heavy-tailed (reposts, several sites)
    weights = rng.lognormal(0.0, 1.05, n_persons)
    extra = rng.multinomial(n_ads - n_persons, weights / weights.sum()) if n_ads > n_persons \
        else np.zeros(n_persons, dtype=np.int64)
    counts = (1 + extra).tolist()

    # ---- networks (V-A-4): about 30 % of the persons, 2 to 8 persons each
    order = rng.permutation(n_persons).tolist()
    net_of = [-1] * n_persons
    networks: list[dict] = []
    target = int(round(0.32 * n_persons))
    pos = 0
    while pos < target and pos < n_persons - 1:
        size = min(wpick(((2, 30), (3, 25), (4, 18), (5, 12), (6, 8), (8, 7))),
                   n_persons - pos)
        if size < 2:
            break
        members = order[pos:pos + size]
        pos += size
        nid = len(networks)
        for m in members:
            net_of[m] = nid
        grp = wpick((("latam", 35), ("est", 25), ("asie", 15), ("afr", 10), ("eu", 10),
                     ("fr", 5)))
        trans_net = grp == "latam" and u() < 0.3
        lang = wpick((("fr", 0.70), ("en", 0.16), ("bi", 0.14)))
        phone_mode = wpick((("switch", 0.4), ("sibling", 0.3), ("own", 0.3)))
        third = u() < 0.55
        net = {"members": members, "group": grp, "trans": trans_net, "lang": lang,
               "phone_mode": phone_mode, "third": third,
               "agency": (pick(_AGENCY_HANDLES + _AGENCY_BY_GROUP.get(grp, ()))
                          + pick(("", " 35", " France", " Rennes")) if u() < 0.25 else ""),
               "typos": tuple(t for t in _TYPOS if u() < 0.12),
               "emoji": pick(_EMOJIS) if u() < 0.5 else "",
               "text_phone_style": wpick(_TEXT_PHONE_STYLES),
               "typing": wpick(((0, 40), (1, 15), (2, 10), (4, 10), (5, 10), (6, 10),
                                (8, 5))),
               "tour": u() < 0.7, "same_day": u() < 0.7,
               "newline": u() < 0.3, "caps": u() < 0.25}
        networks.append(net)

    # ---- persons
    persons: list[_Person] = []
    for i in range(n_persons):
        p = _Person()
        p.pid = i
        p.count = counts[i]
        p.net = net_of[i]
        net = networks[p.net] if p.net >= 0 else None
        # gender (IV-A-1, Internet: 84 % women, 7 % men, 9 % transgender)
        if net is not None:
            p.gender = "T" if net["trans"] else "F"
        else:
            p.gender = wpick((("F", 0.84), ("T", 0.06), ("M", 0.10)))
        # origin stated for 58 % of the persons (IV-A-3)
        if net is not None:
            p.group = net["group"]
            declared = u() < 0.9
        else:
            if p.gender == "T":
                p.group = wpick((("latam", 0.7), ("fr", 0.2), ("asie", 0.1)))
            else:
                p.group = wpick(_GROUP_WEIGHTS) if u() < 0.75 else "fr"
            declared = u() < 0.45
        if p.group == "fr" and net is None:
            declared = declared and u() < 0.6
        p.origin = _choose_origin(dr, p.group) if declared else None
        if p.gender == "M":
            p.name = pick(_NAMES_M)
        else:
            p.name = pick(_NAMES_F[p.group] if u() < 0.85 else _NAMES_F[pick(tuple(_NAMES_F))])
        # second working name
        p.alt_name = ""
        p.alt_mode = 0
        if u() < 0.06:
            pool = _NAMES_M if p.gender == "M" else _NAMES_F[pick(tuple(_NAMES_F))]
            alt = pick(pool)
            if alt != p.name:
                p.alt_name = alt
                p.alt_mode = 1 if u() < 0.5 else 2  # 1: on one site category, 2: later on
                p.alt_cat = pick(("C", "D", "M", "E"))
        # age: declared, around 30 on average (IV-A-2), some inconsistent over time
        p.age = int(min(58, max(18, round(rng.normal(28.5, 6.5)))))
        if p.gender == "M":
            p.age = int(min(45, max(18, round(rng.normal(25, 4)))))
        p.age_drift = u() < 0.25
        p.age_ages = u() < 0.5
        p.age_text = 0.55 if u() < 0.5 else 0.05
        p.age_cell = 0.85 if u() < 0.68 else 0.0
        p.site_age = {}
        # description
        hair_group = p.group if p.group in _HAIR_BY_GROUP else "fr"
        p.hair = wpick(_HAIR_BY_GROUP[hair_group])
        p.hair2 = wpick(_HAIR_BY_GROUP["fr"]) if u() < 0.08 else ""
        p.eyes = wpick(_EYE_WEIGHTS)
        p.build = wpick(_BUILD_WEIGHTS)
        p.height = randint(150, 180) if p.gender != "M" else randint(168, 190)
        p.weight = int(round(p.height - 105 + {"mince": 0, "pulpeuse": 18, "sportive": 4,
                                               "menue": -6}[p.build] + randint(-4, 4)))
        adjs = _ADJ_M if p.gender == "M" else _ADJ_F
        k1 = int(u() * len(adjs))
        k2 = (k1 + 1 + int(u() * (len(adjs) - 1))) % len(adjs)
        p.adjs = (adjs[k1], adjs[k2])
        p.skin = pick(_SKIN)
        # writing
        if net is not None:
            p.lang = net["lang"]
            p.third = 0.85 if net["third"] else 0.05
            p.incoherent = 0.25
            p.typos = net["typos"]
            p.emoji = net["emoji"]
            p.newline = net["newline"]
            p.caps = net["caps"]
            p.text_phone_style = net["text_phone_style"]
            p.typing = net["typing"]
            p.agency = net["agency"]
        else:
            foreign = p.group not in ("fr",) and p.gender != "M"
            p.lang = "en" if (foreign and u() < 0.03) else ("bi" if foreign and u() < 0.03
                                                           else "fr")
            p.third = 0.9 if u() < 0.05 else 0.0
            p.incoherent = 0.0
            p.typos = tuple(t for t in _TYPOS if u() < 0.08)
            p.emoji = pick(_EMOJIS) if u() < 0.35 else ""
            p.newline = u() < 0.25
            p.caps = u() < 0.12
            p.text_phone_style = wpick(_TEXT_PHONE_STYLES)
            p.typing = wpick(((0, 35), (1, 12), (2, 12), (3, 5), (4, 12), (5, 6), (6, 10),
                              (7, 5), (8, 3)))
            p.agency = ""
        p.typing2 = wpick(((0, 30), (1, 10), (2, 10), (3, 10), (4, 15), (5, 5), (6, 12),
                           (7, 5), (8, 3)))
        p.name_text = (0.85 if u() < 0.62 else 0.0) if p.gender != "M" else \
            (0.8 if u() < 0.4 else 0.0)
        if net is not None:
            p.name_text = 0.9 if u() < 0.85 else 0.0
        # pseudo: first name only, decorated name, or a handle without a name
        p.pseudo = _make_pseudo(dr, p)
        p.pseudo_day = 10 ** 9
        p.site_pseudo = {}
        # prices
        p.p1 = pick((60, 70, 80, 80, 100, 100, 120))
        p.p2 = int(round(p.p1 * pick((1.5, 1.6, 1.8, 2.0, 2.0)) / 10.0)) * 10
        # where the ads go: escorting, classifieds, dating, mirror family (II-B)
        if net is not None:
            p.cat_w = (("E", 0.74), ("C", 0.04), ("D", 0.08), ("M", 0.14))
        elif p.gender == "M":
            p.cat_w = (("E", 0.20), ("C", 0.45), ("D", 0.25), ("M", 0.10))
        else:
            e = 0.55 + 0.25 * u()
            p.cat_w = (("E", e), ("C", (1 - e) * 0.55), ("D", (1 - e) * 0.30),
                       ("M", (1 - e) * 0.15 + 0.07))
        p.home_sites = {}
        p.passage_rate = 0.0
        p.mention_rate = 0.08 if u() < 0.5 else 0.0
        p.nearby_rate = 0.05
        p.phone_in_text = 0.35 if u() < 0.6 else 0.05
        p.announce_new = u() < 0.35
        persons.append(p)

    # ---- time: windows, tours, moves (III-D: 18 % of ads "de passage")
    for net in networks:
        net["stops"] = _make_stops(dr, com, n_days, many=net["tour"])
    for p in persons:
        if p.net >= 0:
            net = networks[p.net]
            stops = net["stops"]
            if len(stops) > 2 and u() < 0.5:  # members rotate through the tour
                a = randint(0, len(stops) - 2)
                b = randint(a + 1, len(stops) - 1)
                stops = stops[a:b + 1]
            p.stops = stops
            p.tour = net["tour"]
            p.passage_rate = 0.75 if p.tour else 0.15
        elif u() < 0.07:  # independent persons on tour
            p.stops = _make_stops(dr, com, n_days, many=True)
            p.tour = True
            p.passage_rate = 0.6
        else:
            home = wpick(com.home_pairs)
            w = min(float(n_days), float(rng.lognormal(np.log(150.0), 1.0)))
            w = max(w, 1.0)
            start = int(u() * (n_days - w + 1))
            p.stops = [(start, home, start + int(w))]
            p.tour = False
            p.passage_rate = 0.02
        first_ci = p.stops[0][1]
        p.home_cp = (wpick(tuple(zip(com.cps[first_ci], _RENNES_POSTCODE_WEIGHTS)))
                     if len(com.cps[first_ci]) > 1 else com.cps[first_ci][0])
        p.hood = pick(com.hoods[first_ci]) if com.hoods[first_ci] and u() < 0.5 else ""
        p.start = p.stops[0][0]
        p.end = p.stops[-1][2]
        p.schedule = [(s[0], s[1]) for s in p.stops]

    # ---- numbers: who gives one, who changes it (V-A-4, switchboards and siblings)
    for p in persons:
        p.no_phone = u() < (0.10 if p.net < 0 else 0.03)
    single_owner: list[tuple[int, int]] = []  # (person or -1-network, slot)
    changes = {}
    for p in persons:
        n_change = 0
        if p.count >= 2 and not p.no_phone:
            x = u()
            n_change = 2 if x < 0.04 else (1 if x < 0.20 else 0)
        changes[p.pid] = n_change
    group_sizes: list[int] = []
    group_nets: list[int] = []
    switch_changes = {}
    for nid, net in enumerate(networks):
        if net["phone_mode"] == "switch":
            switch_changes[nid] = 1 if u() < 0.3 else 0
        elif net["phone_mode"] == "sibling":
            size = 0
            for m in net["members"]:
                if not persons[m].no_phone:
                    changes[m] = min(changes[m], 1)
                    size += 1 + changes[m]
            while size > 10:
                for m in net["members"]:
                    if changes[m] and size > 10:
                        changes[m] = 0
                        size -= 1
                if size > 10:
                    break
            if size > 10:  # very large networks: the others get their own numbers
                net["phone_mode"] = "own"
            elif size:
                group_sizes.append(size)
                group_nets.append(nid)
    n_single = 0
    for p in persons:
        if p.no_phone:
            continue
        mode = networks[p.net]["phone_mode"] if p.net >= 0 else "own"
        if mode == "own":
            n_single += 1 + changes[p.pid]
    n_single += sum(1 + c for c in switch_changes.values())
    # stay within the fiction ranges whatever the scale: drop changes if needed
    for p in persons:
        if n_single + sum(group_sizes) <= PHONE_CAPACITY:
            break
        mode = networks[p.net]["phone_mode"] if p.net >= 0 else "own"
        if mode == "own" and changes[p.pid]:
            n_single -= changes[p.pid]
            changes[p.pid] = 0
    singles, groups = _allocate_numbers(rng, n_single, group_sizes)
    # singles are handed out in random order (so that the spill-over to landline
    # blocks at large scale is not tied to dates)
    perm = rng.permutation(len(singles)).tolist()
    it = iter([singles[k] for k in perm])
    switch_numbers = {nid: [next(it) for _ in range(1 + c)]
                      for nid, c in switch_changes.items()}
    group_it = {nid: iter(g) for nid, g in zip(group_nets, groups)}
    for nid, nums in switch_numbers.items():  # the switchboard changes for all at once
        stops = networks[nid]["stops"]
        span = max(1, stops[-1][2] - stops[0][0])
        networks[nid]["switch"] = [(-1, nums[0])] + [
            (stops[0][0] + 1 + int(u() * span), x) for x in nums[1:]]
    for p in persons:
        p.phones = []
        if p.no_phone:
            continue
        mode = networks[p.net]["phone_mode"] if p.net >= 0 else "own"
        if mode == "switch":
            p.phones = networks[p.net]["switch"]
        elif mode == "sibling":
            p.phones = [next(group_it[p.net]) for _ in range(1 + changes[p.pid])]
        else:
            p.phones = [next(it) for _ in range(1 + changes[p.pid])]

    # ---- other changes over time (their dates are set with the posting dates)
    for p in persons:
        p.pseudo2 = ""
        if p.count >= 2 and u() < 0.14:  # changes (or drops) the pseudo
            p.pseudo2 = "-" if u() < 0.3 else _make_pseudo(dr, p, avoid=p.pseudo)
        p.moves_to = -1
        if not p.tour and p.net < 0 and p.count >= 2 and u() < 0.08:  # moves
            new = wpick(com.home_pairs)
            if new != p.schedule[0][1]:
                p.moves_to = new
        p.price_day = 0 if u() < 0.3 else -1

    # ---- wording: individual texts, or one template per network
    for net in networks:
        lang = "en" if net["lang"] == "en" else "fr"
        bank = _BANKS[(lang, "F", 3 if net["third"] else 1)]
        net["spec"] = _new_spec(dr, bank, net["third"])
        net["spec_en"] = _new_spec(dr, _BANKS[("en", "F", 3 if net["third"] else 1)],
                                   net["third"])
        net["title"] = randint(0, 99)
        net["p1"] = pick((80, 100, 100, 120, 150))
        net["p2"] = net["p1"] + pick((50, 80, 100))
    for p in persons:
        if p.net >= 0:
            net = networks[p.net]
            p.spec = net["spec"]
            p.title_spec = net["title"]
            p.p1, p.p2 = net["p1"], net["p2"]
        else:
            lang = "en" if p.lang == "en" else "fr"
            p.spec = _new_spec(dr, _BANKS[(lang, p.gender, 1)], False)
            p.title_spec = randint(0, 99)
    return dr, com, persons, networks, n_days


def _make_pseudo(dr: _Draw, p: _Person, avoid: str = "") -> str:
    for _ in range(5):
        style = dr.wpick((("name", 0.45), ("deco", 0.30), ("handle", 0.25)))
        name = p.name
        if style == "name":
            s = dr.pick((name, name, name.upper(), name.lower(), _strip_accents(name)))
        elif style == "deco":
            s = dr.pick((f"{name}35", f"{name}_rennes", f"Douce{name}", f"La belle {name}",
                         f"{name}{p.age}", f"x{name}x", f"{name} {dr.pick(('Latina', 'Top', 'VIP', 'Sexy', 'Bzh'))}",
                         f"{name.lower()}_{dr.randint(1, 99)}"))
            if p.gender == "M":
                s = dr.pick((f"{name}35", f"{name}_rennes", f"{name}{p.age}"))
        else:
            pool = _PSEUDO_HANDLES_M if p.gender == "M" else _PSEUDO_HANDLES_F
            s = dr.pick(pool) + dr.pick(("", "35", "_rennes", "_bzh", str(dr.randint(1, 99))))
        if s != avoid:
            return s
    return avoid + "_"


def _make_stops(dr: _Draw, com: _Communes, n_days: int, many: bool):
    """A tour: stops of a few days to a few weeks in several communes (II-B, III-D)."""
    n_stops = dr.randint(2, 5) if many else 1
    if many and n_days > 200 and dr.u() < 0.5:
        n_stops = dr.randint(4, 9)
    stops = []
    total = 0
    lengths = []
    for _ in range(n_stops):
        ln = dr.randint(3, 12) if many else dr.randint(20, 90)
        lengths.append(ln)
        total += ln
    total = min(total, n_days)
    t = int(dr.u() * max(1, n_days - total + 1))
    prev = -1
    for ln in lengths:
        if t >= n_days:
            break
        ci = dr.wpick(com.tour_pairs)
        if ci == prev:
            ci = dr.wpick(com.tour_pairs)
        end = min(n_days, t + ln)
        stops.append((t, ci, end))
        prev = ci
        t = end + (dr.randint(0, 15) if n_days > 200 and dr.u() < 0.4 else 0)
    if not stops:
        ci = dr.wpick(com.tour_pairs)
        stops.append((0, ci, min(n_days, 7)))
    return stops


# =====================================================================================
# rendering of the ads
# =====================================================================================
def _desc_parts(p: _Person, keys, lang: str, dr: _Draw, hair: str) -> str:
    parts = []
    male = p.gender == "M"
    for k in keys:
        if k == "orig":
            if p.origin:
                o = _ORIGINS[p.origin]
                parts.append(o[4] if lang == "en" else (o[1] if male else o[0]))
        elif k == "hair":
            h = _HAIR[hair]
            parts.append((h[2] if lang == "en" else (h[3] if male else dr.pick(h[1]))))
        elif k == "eyes":
            e = _EYES[p.eyes]
            parts.append(f"{e[2]} eyes" if lang == "en" else dr.pick(e[:2]))
        elif k == "build":
            b = _BUILD[p.build]
            parts.append(b[2] if lang == "en" else dr.pick(b[1] if male else b[0]))
        elif k == "size":
            h, w = p.height, p.weight
            parts.append(dr.pick((f"1m{h - 100:02d} pour {w} kg", f"1,{h - 100:02d} m",
                                  f"{h} cm, {w} kg", f"1.{h - 100:02d}m {w}kg",
                                  f"1m{h - 100:02d}")) if lang != "en"
                         else f"{h} cm, {w} kg")
        elif k == "adj":
            if lang == "en":
                k = int(dr.u() * len(_ADJ_EN))
                parts.append(f"{_ADJ_EN[k]} and {_ADJ_EN[(k + 1 + int(dr.u() * 3)) % len(_ADJ_EN)]}")
            else:
                parts.append(f"{p.adjs[0]} et {p.adjs[1]}")
        elif k == "skin" and lang != "en":
            parts.append(p.skin)
    if not parts:
        if lang == "en":
            return dr.pick(_ADJ_EN)
        return p.adjs[1]
    return ", ".join(parts)


def _state_at(p: _Person, day: int):
    # commune
    ci = p.schedule[0][1]
    for d, c in p.schedule:
        if d <= day:
            ci = c
    phone = ""
    new_phone = False
    for d, num in p.phones:
        if d <= day:
            phone = num
            new_phone = d >= 0 and day - d < 20
    return ci, phone, new_phone


def _render_person(p: _Person, net: dict | None, dr: _Draw, com: _Communes, n_days: int,
                   rows: dict, persons: list[_Person]) -> None:
    """All the ads of one person, appended to ``rows`` (one row per site)."""
    u, pick, wpick, randint = dr.u, dr.pick, dr.wpick, dr.randint
    # --- postings: a site (or a set of mirror sites) and a date, consuming p.count ads
    remaining = p.count
    postings = []  # list of list of site indices
    while remaining > 0:
        cat = wpick(p.cat_w)
        if cat == "M" and remaining >= 2:
            k = min(remaining, randint(2, 9))
            sites = _CAT_SITES["M"][:]
            chosen = []
            for _ in range(k):
                j = int(u() * len(sites))
                chosen.append(sites.pop(j))
            postings.append(chosen)
            remaining -= k
            continue
        if cat == "M":
            cat = "D"
        if net is not None and cat == "E" and u() < 0.45:
            site = pick(_AGENCY_SITES)
        else:
            hs = p.home_sites.get(cat)
            if hs is None:
                cands = _CAT_SITES[cat]
                hs = [wpick(tuple((s, _SITES[s][2]) for s in cands))
                      for _ in range(1 + (u() < 0.4))]
                p.home_sites[cat] = hs
            site = pick(hs) if u() < 0.85 else wpick(tuple((s, _SITES[s][2])
                                                           for s in _CAT_SITES[cat]))
        if remaining >= 2 and u() < 0.22:  # the same ad on two sites at once
            cat2 = wpick(p.cat_w)
            cat2 = "D" if cat2 == "M" else cat2
            site2 = wpick(tuple((s, _SITES[s][2]) for s in _CAT_SITES[cat2]))
            if site2 != site:
                postings.append([site, site2])
                remaining -= 2
                continue
        postings.append([site])
        remaining -= 1
    # --- dates
    m = len(postings)
    if p.tour:
        dates = []
        net_same = net is not None and net["same_day"]
        for _ in range(m):
            st = pick(p.stops)
            ln = max(1, st[2] - st[0])
            if net_same and u() < 0.6:
                d = st[0] + (0 if u() < 0.7 else randint(0, min(2, ln - 1)))
            else:
                d = st[0] + int(u() * ln)
            dates.append(min(n_days - 1, d))
        dates.sort()
    else:
        a, b = p.start, max(p.start + 1, p.end)
        dates = sorted(min(n_days - 1, a + int(u() * (b - a))) for _ in range(m))

    # changes happen between the first and the last posting
    d0, d1 = dates[0], dates[-1]

    def change_day() -> int:
        return d0 + 1 + int(u() * (d1 - d0)) if d1 > d0 else 10 ** 9

    if p.phones and isinstance(p.phones[0], str):
        p.phones = [(-1, p.phones[0])] + sorted((change_day(), x) for x in p.phones[1:])
    if p.pseudo2:
        p.pseudo_day = change_day()
    if p.alt_mode == 2:
        p.alt_day = change_day() if u() < 0.7 else d0
    if p.moves_to >= 0:
        p.schedule = p.schedule + [(change_day(), p.moves_to)]
    p.price_day = change_day() if p.price_day == 0 else 10 ** 9
    p.hair_day = change_day() if p.hair2 else 10 ** 9

    gender = p.gender
    is_net = net is not None
    spec = p.spec
    spec_en = net["spec_en"] if is_net else None
    version_spec = spec
    first_day = dates[0] if dates else 0
    emoji = p.emoji
    for j, (sites, day) in enumerate(zip(postings, dates)):
        # --- version of the text (reposts: identical, tweaked, rewritten)
        lang_mode = p.lang
        if j > 0:
            x = u()
            if is_net:
                if x > 0.75:
                    version_spec = _tweak_spec(dr, spec, _BANKS[("fr", "F", 1)])
                else:
                    version_spec = spec
            else:
                if x < 0.5:
                    pass
                elif x < 0.9:
                    version_spec = _tweak_spec(dr, version_spec,
                                               _BANKS[("en" if lang_mode == "en" else "fr",
                                                       gender, 1)])
                else:
                    version_spec = _new_spec(dr, _BANKS[("en" if lang_mode == "en" else "fr",
                                                         gender, 1)], False)
        ci, phone, new_phone = _state_at(p, day)
        if not p.tour and ci in com.nearby and u() < p.nearby_rate:
            ci = pick(com.nearby[ci])
        cp = com.cps[ci][0] if len(com.cps[ci]) == 1 else p.home_cp
        hood = p.hood if ci == p.schedule[0][1] else ""
        city_text = com.names[ci]
        if p.typing2 in (2, 3) and u() < 0.7:
            city_text = com.typed(ci, p.typing2, cp, hood, dr)
            if any(ch.isdigit() for ch in city_text) or len(city_text) > 30:
                city_text = com.names[ci]
        # --- name, age, hair at that date
        name = p.name
        if p.alt_mode == 1 and any(_SITE_CAT[s] == p.alt_cat for s in sites):
            name = p.alt_name
        elif p.alt_mode == 2 and day >= p.alt_day:
            name = p.alt_name
        age = p.age
        if p.age_ages:
            age += (day - first_day) // 365
        if p.age_drift and u() < 0.45:
            age += pick((-2, -1, 1, 2, 3, -3))
        age = max(18, age)
        hair = p.hair2 if day >= p.hair_day else p.hair
        third = u() < p.third
        passage = u() < p.passage_rate
        incoherent = is_net and u() < p.incoherent
        inc_kind = pick(("name", "age", "origin") if p.origin else ("name", "age")) \
            if incoherent else ""
        name_in_text = u() < p.name_text
        age_in_text = u() < p.age_text or inc_kind == "age"
        # origin noun used in titles / intros
        if p.origin:
            o = _ORIGINS[p.origin]
            orig_noun = (o[1] if gender == "M" else (o[0] if u() < 0.6 else pick(o[3])))
            orig_adj = o[2]
            orig_en = o[4]
        else:
            orig_noun = _HAIR[hair][3] if gender == "M" else pick(_HAIR[hair][0])
            orig_adj = "naturelle"
            orig_en = _HAIR[hair][2]
        orig_noun_text = orig_noun
        if inc_kind == "origin" and p.origin:
            other = _ORIGINS[pick(tuple(k for k, v in _ORIGINS.items()
                                       if v[5] == _ORIGINS[p.origin][5] and k != p.origin)
                                 or ("me",))]
            orig_noun_text = other[0]
        text_phone = _fmt_phone(phone, p.text_phone_style if u() < 0.85
                                else wpick(_TEXT_PHONE_STYLES)) if phone else ""
        # contact mode of this posting
        has_field = any(_SITES[s][3] > 0 for s in sites)
        if not phone:
            phone_text = False
        elif has_field:
            phone_text = u() < p.phone_in_text
        else:
            phone_text = u() < 0.8
        # --- text
        langs = ("fr", "en") if lang_mode == "bi" else (lang_mode,)
        chunks = []
        for lang in langs:
            bank = _BANKS[(lang, gender, 3 if third else 1)]
            sp = spec_en if (lang == "en" and spec_en is not None) else version_spec
            key = "intro" + ("_" if (name_in_text or age_in_text) else "") + \
                  ("n" if name_in_text else "") + ("a" if age_in_text else "")
            intro = bank[key][sp["intro"] % len(bank[key])]
            keys = sp["desc"]
            if "{hairn}" in intro or ("{orig}" in intro and not p.origin):
                keys = tuple(k for k in keys if k != "hair")
            if "{orig}" in intro and p.origin:
                keys = tuple(k for k in keys if k != "orig")
            if "{adj}" in intro or "{origadj}" in intro:
                keys = tuple(k for k in keys if k != "adj")
            desc = _desc_parts(p, keys, lang, dr, hair)
            fields = {
                "name": name, "age": age, "city": city_text, "phone": text_phone,
                "p1": p.p1 + (20 if day >= p.price_day else 0),
                "p2": p.p2 + (30 if day >= p.price_day else 0),
                "site": _SITE_NAMES[sites[0]].split(".")[0],
                "orig": orig_en if lang == "en" else orig_noun_text,
                "origadj": orig_adj, "hairn": orig_en if lang == "en" else
                pick(_HAIR[hair][0]) if gender != "M" else _HAIR[hair][3],
                "desc": desc, "adj": p.adjs[0] if lang == "fr" else pick(_ADJ_EN),
                "build": _BUILD[p.build][2] if lang == "en" else _BUILD[p.build][
                    1 if gender == "M" else 0][0],
            }
            if inc_kind == "age" and age_in_text:
                fields["age"] = age + pick((-4, -3, 3, 4, 5, 6))
            sents = []
            if lang == "en" and lang_mode == "bi":
                sents.append("English:")
            if sp["greet"] >= 0:
                sents.append(bank["greet"][sp["greet"] % len(bank["greet"])])
            sents.append(intro)
            if passage:
                sents.append(bank["passage"][sp["passage"] % len(bank["passage"])])
            body = []
            for slot in ("loc", "offer", "offer2", "avail", "cond", "cond2", "price"):
                idx = sp[slot]
                if idx >= 0:
                    b = bank["offer" if slot == "offer2" else ("cond" if slot == "cond2"
                                                                 else slot)]
                    sentence = b[idx % len(b)]
                    if sentence not in body:
                        body.append(sentence)
            if sp["order_swap"] and len(body) >= 2:
                body[0], body[1] = body[1], body[0]
            if is_net and (u() < 0.5 or third) and lang == "fr":
                sentence = pick(("Disponible 24h/24.", "Disponible tout le temps.",
                                 "Dispo 24h/24 7j/7."))
                if not any("24h/24" in x or "tout le temps" in x for x in body):
                    body.append(sentence)
            sents.extend(body)
            if new_phone and p.announce_new and phone_text and lang == "fr":
                sents.append(pick(("NOUVEAU NUMÉRO !", "Attention nouveau numéro :",
                                   "Nouveau numéro, l'ancien ne marche plus.")))
            if phone_text:
                sents.append(bank["contact"][sp["contact"] % len(bank["contact"])])
            elif not phone or not has_field:
                sents.append(bank["message"][sp["contact"] % len(bank["message"])])
            if u() < p.mention_rate:
                sents.append(bank["mention"][0])
            if incoherent and inc_kind == "name":
                other = persons[pick(net["members"])].name
                if other == name:
                    other = pick(_NAMES_F["latam"])
                sents.append(pick((f"Demandez {other}.", f"Appelez et demandez {other} !",
                                   f"Ask for {other}.")))
            if sp["sign"] >= 0:
                sents.append(bank["sign"][sp["sign"] % len(bank["sign"])])
            sep = "\n" if p.newline else " "
            chunks.append(sep.join(sents).format(**fields))
        text = ("\n\n" if p.newline else " ").join(chunks)
        for a, b in p.typos:
            text = text.replace(a, b)
        if emoji and u() < 0.7:
            text = text + " " + emoji
        # --- title
        if lang_mode == "en":
            tbank = _TITLES["EN"]
        elif passage and gender != "M" and u() < 0.5:
            tbank = _TITLES["passage"]
        elif third and gender != "M" and u() < 0.6:
            tbank = _TITLES["F3"]
        else:
            tbank = _TITLES["T" if gender == "T" and u() < 0.7 else
                            ("M" if gender == "M" else "F")]
        tidx = p.title_spec if (j == 0 or u() < 0.7) else randint(0, 99)
        title = ""
        for attempt in range(6):
            t = tbank[(tidx + attempt * 7) % len(tbank)]
            if "{name}" in t and not name_in_text and p.name_text == 0:
                continue
            if "{age}" in t and not (age_in_text or u() < 0.5):
                continue
            title = t
            break
        if not title:
            title = tbank[0] if "{name}" not in tbank[0] else "Nouvelle à {city}"
        tnoun = orig_noun  # an incoherent origin only appears in the text
        title = title.format(
            name=name, age=age, city=city_text, orig=(orig_en if lang_mode == "en" else tnoun),
            Orig=(orig_en if lang_mode == "en" else tnoun).capitalize(),
            Adj=pick(_TITLE_ADJ), adj=p.adjs[0],
            hairn=pick(_HAIR[hair][0]) if gender != "M" else _HAIR[hair][3],
            build=_BUILD[p.build][1 if gender == "M" else 0][0])
        if p.caps and u() < 0.8:
            title = title.upper()
        if emoji and u() < 0.3:
            title = title + " " + emoji
        if u() < 0.1:
            title = title + pick((" !!", " !!!", " ***", " - NEW", " ❤"))

        # --- one row per site (mirror sites republish the very same ad, II-B)
        for k, s in enumerate(sites):
            site = _SITES[s]
            cat = site[1]
            d = day
            if k > 0 and (cat == "M" or len(sites) > 1):
                d = min(n_days - 1, day + (0 if u() < 0.6 else randint(1, 3)))
            # telephone cell as the collector copied it
            tel = ""
            if phone:
                if site[3] > 0 and u() < site[3]:
                    tel = _fmt_phone(phone, site[7] if u() < 0.7 else wpick(_COLLECTOR_STYLES))
                elif phone_text and u() < 0.3:
                    tel = _fmt_phone(phone, wpick(_COLLECTOR_STYLES))
            # pseudo
            pseudo = ""
            if u() < site[5]:
                if p.agency and (cat == "E" or cat == "M") and u() < 0.6:
                    pseudo = p.agency
                else:
                    base = p.pseudo2 if (p.pseudo2 and d >= p.pseudo_day) else p.pseudo
                    if base == "-":  # dropped: the first name where a profile needs one
                        base = name if cat in "EM" else ""
                    if name != p.name and p.alt_name and (name in base or p.name in base
                                                          or u() < 0.5):
                        base = base.replace(p.name, name) if p.name in base else name
                    key = (s, base)
                    ps = p.site_pseudo.get(key)
                    if ps is None and not base:
                        ps = ""
                    elif ps is None:
                        ps = base if u() < 0.8 else _pseudo_variant(dr, base)
                        p.site_pseudo[key] = ps
                    pseudo = ps
            # age cell
            age_cell = ""
            if site[4] > 0 and u() < site[4] * p.age_cell:
                a = age
                sa = p.site_age.get(s)
                if p.age_drift:
                    if sa is None:
                        sa = pick((0, 0, -1, -2, 1, 2))
                        p.site_age[s] = sa
                    a = max(18, a + sa)
                age_cell = _fmt_age(dr, a)
            elif age_in_text and u() < 0.5:
                age_cell = _fmt_age(dr, age)
            # commune
            mode = site[6]
            if mode == "dept":
                commune = pick(("Ille-et-Vilaine", "Ille-et-Vilaine (35)", "35 - Ille-et-Vilaine"))
            elif mode == "free" or u() < 0.15:
                habit = p.typing if u() < 0.8 else p.typing2
                commune = com.typed(ci, habit, cp, hood, dr)
            else:
                commune = com.site_field(ci, mode, cp, dr)
            if u() < 0.02:
                commune = ""
            t_text = text
            if site[8] and len(t_text) > site[8]:
                t_text = t_text[:site[8]].rstrip() + "…"
            rows["site"].append(s)
            rows["day"].append(d)
            rows["commune"].append(commune)
            rows["titre"].append(title)
            rows["texte"].append(t_text)
            rows["telephone"].append(tel)
            rows["pseudo"].append(pseudo)
            rows["age"].append(age_cell)
            rows["person"].append(p.pid)
            rows["flags"].append(
                (1 if third else 0) | (2 if "en" in langs else 0) | (4 if incoherent else 0)
                | (8 if passage else 0) | (16 if (phone_text and not tel and phone) else 0)
                | (32 if cat == "M" else 0))


def _fmt_age(dr: _Draw, a: int) -> str:
    x = dr.u()
    if x < 0.55:
        return str(a)
    if x < 0.93:
        return f"{a} ans"
    return f"{a}ans"


def _pseudo_variant(dr: _Draw, s: str) -> str:
    k = dr.randint(0, 4)
    if k == 0:
        return s.upper()
    if k == 1:
        return s.lower()
    if k == 2:
        return _strip_accents(s) + ("" if s[-1:].isdigit() else "35")
    if k == 3:
        return s.replace(" ", "_") + "_" + str(dr.randint(1, 99))
    return _strip_accents(s)


def _generate(n_ads: int, seed: int):
    """Build the sheet, the truth and hidden per-ad flags (for the tests)."""
    if n_ads < 0:
        raise ValueError("n_ads must be >= 0")
    if n_ads == 0:
        empty_sheet = pd.DataFrame({c: pd.Series([], dtype=object) for c in SHEET_COLUMNS})
        empty_truth = pd.DataFrame({c: pd.Series([], dtype=object) for c in TRUTH_COLUMNS})
        return empty_sheet, empty_truth, np.zeros(0, dtype=np.int64)
    dr, com, persons, networks, n_days = _build_world(n_ads, seed)
    day_iso = [(START_DATE + _dt.timedelta(days=d)).isoformat() for d in range(n_days + 4)]
    rows = {k: [] for k in ("site", "day", "commune", "titre", "texte", "telephone",
                            "pseudo", "age", "person", "flags")}
    for p in persons:
        _render_person(p, networks[p.net] if p.net >= 0 else None, dr, com, n_days,
                       rows, persons)
    n = len(rows["site"])
    assert n == n_ads, (n, n_ads)
    # the sheet is ordered as collected: by date, then site, ties at random
    day = np.asarray(rows["day"], dtype=np.int64)
    site = np.asarray(rows["site"], dtype=np.int64)
    tie = np.asarray([dr.u() for _ in range(n)])
    order = np.lexsort((tie, site, day)).tolist()
    width = max(6, len(str(n_ads)))
    ids = [f"A{k + 1:0{width}d}" for k in range(n)]
    sheet = pd.DataFrame({
        "id_annonce": ids,
        "site": [_SITE_NAMES[rows["site"][k]] for k in order],
        "date_collecte": [day_iso[rows["day"][k]] for k in order],
        "commune_declaree": [rows["commune"][k] for k in order],
        "titre": [rows["titre"][k] for k in order],
        "texte": [rows["texte"][k] for k in order],
        "telephone": [rows["telephone"][k] for k in order],
        "pseudo": [rows["pseudo"][k] for k in order],
        "age_declare": [rows["age"][k] for k in order],
    }, columns=SHEET_COLUMNS)
    pw = max(5, len(str(len(persons))))
    rw = max(4, len(str(len(networks))))
    person_ids = [f"P{k + 1:0{pw}d}" for k in range(len(persons))]
    net_ids = [f"R{k + 1:0{rw}d}" for k in range(len(networks))]
    pers = rows["person"]
    truth = pd.DataFrame({
        "id_annonce": ids,
        "id_personne": [person_ids[pers[k]] for k in order],
        "id_reseau": [net_ids[persons[pers[k]].net] if persons[pers[k]].net >= 0 else ""
                      for k in order],
    }, columns=TRUTH_COLUMNS)
    flags = np.asarray(rows["flags"], dtype=np.int64)[np.asarray(order, dtype=np.int64)]
    return sheet, truth, flags


def sixteenth_world(n_ads: int, seed: int = DEFAULT_SEED) -> tuple[pd.DataFrame, pd.DataFrame]:
    """The collection sheet and its truth for ``n_ads`` synthetic ads of département 35.

    Sheet columns (all text, empty string when absent): ``id_annonce, site,
    date_collecte, commune_declaree, titre, texte, telephone, pseudo, age_declare``.
    Truth columns: ``id_annonce, id_personne, id_reseau`` (empty outside networks).
    Scale and proportions follow the report's II-B, III-D, IV-A and V-A-4 (see module
    docstring); deterministic for a given ``seed``.
    """
    sheet, truth, _ = _generate(int(n_ads), int(seed))
    return sheet, truth


def write_sixteenth_world(n_ads: int, folder) -> None:
    """Write ``folder/annonces-SYNTHETIQUE.csv`` and ``folder/verite/annonces-SYNTHETIQUE.csv``."""
    folder = Path(folder)
    sheet, truth = sixteenth_world(n_ads)
    (folder / "verite").mkdir(parents=True, exist_ok=True)
    sheet.to_csv(folder / FILE_NAME, index=False, encoding="utf-8", lineterminator="\n")
    truth.to_csv(folder / "verite" / FILE_NAME, index=False, encoding="utf-8",
                 lineterminator="\n")
