"""A third synthetic ad corpus (SYNTHÉTIQUE), written without seeing the linkage (step 7).

The collection sheet follows section I-B-1 of the report (one row per ad seen on a site for
the département, the commune as the ad writes it, the phone as written); its truth says
which person (and which network, if any) each ad comes from. It serves to measure the
linkage of step 7, never to tune it.

What the report says and this world follows
- 699 ads in 77 days (20 September – 5 December 2018) for 273 persons (section III-B: 61 %
  duplicates, 2.56 ads per person). Below, ``persons(n)`` gives 271 persons for 699 ads.
- Sites of three kinds (section I-B-1, annex 5): escort sites (agency sheets, standardised,
  and directories), about 58 % of ads (405/699); classifieds, 15 % (107); dating sites,
  27 % (187), most of them the same ads copied on mirror sites "by the same creators"
  (eleven sites with the same 17 ads in the report's table). One massage-salon site.
- Five towns hold ≈ 80 % of the ads: Lens 26 %, Arras 18 %, Boulogne-sur-Mer 14 %,
  Béthune 12 %, Calais 11 %; about 30 communes in all, some very rural (section III-D).
- 18 % of ads say the person is "de passage" (section III-D); sex-tours of networks
  (annex 5 and section V-A-4). Here 60 % of the ads of touring networks (70 % of
  networks) and 8 % of the others say so, about 20 % in all.
- 84 % women, 7 % men, 9 % transgender persons (section IV-A-1); ads nearly all to men.
- Age: mean declared ≈ 30, absent from 53 % of the ads studied (section IV-A-2): here
  the age column is empty in about half of the ads, and the text sometimes gives another.
- Origin or nationality given for 58 % of persons, 20 % of them French (section IV-A-3).
- Network indices (section V-A-4, "faisceau d'indices"): similar wording for different
  persons, same or near numbers (last two digits differ), third person, English,
  incoherent descriptions (several names, ages, origins), "de passage", "24h/24"; in
  the report 38 % of ads show them clearly.

What this manual decides (the report says nothing on it)
- Persons: ``persons(n) = 20 000 · (1 − exp(−0.39 n / 20 000))`` — 271 persons for 699
  ads, ≈ 765 for 2 000, ≈ 12 500 for 50 000, 20 000 (the cap) for 1 000 000. Every person
  has at least one ad; the others are drawn in proportion to an intensity (log-normal, capped,
  network members 3.5 ×, posting on more sites and reposting more) times the length of their window of activity. More ads than the
  cap can feed mean a longer collection: ``days = min(1 095, 77 · max(1, ads per person
  / 2.56))``, so 1 000 000 ads cover three years (≈ 50 ads per person, reposts).
- 30 % of persons belong to networks of 2 to 12 members (2 + geometric), each network
  with an origin (Latin American, Eastern European, Asian, African, Southern European,
  or a Latin American network of transgender persons), a language (third person in
  French, first person in French, or English), one text skeleton for all its members
  (same sentences, same typos), a route of 2 to 5 towns visited by stays of 4 to 14
  days, often a shared pseudo ("Nouvelle Latina"), and half the time a switchboard
  number written on about a third of its members' ads (the truth puts them in the
  same network: the only number shared by several persons).
- Phones: only the ranges reserved for fiction (01 99 00, 02 61 91, 03 53 01, 04 65 71,
  05 36 49, 06 39 98: 600 blocks of 100 numbers differing in their last two digits).
  A network takes its numbers in one block (near numbers); each independent person takes
  one number in the next block in a shuffled cycle, so unrelated persons share a block
  only once the 600 blocks are handed out (from about 500 persons on: a limit of the
  fiction ranges, real mobile numbers being much sparser). Never two unrelated persons on one
  number. Most numbers look like landlines: the fiction leaves no choice. 25 % of
  persons change number during the collection (a network member: in the network's
  block); 4 % of independent persons never give one (site messaging).
- Numbers written six ways ("06 39 98 12 34", "0639981234", "06.39.98.12.34",
  "+33639981234", "+33 6 39 98 12 34", "06-39-98-12-34"); each person has a habit, kept
  three times out of four; agency sheets show their site's format. The phone column is
  filled on 98 % of agency sheets, 90 % of directory ads, 75 % of classifieds, 20 % of
  dating ads; a number missing from the column is in the text half the time, and 12 %
  of the ads with the column filled repeat it in the text.
- Pseudos: the first name alone (40 %), with digits (20 %), with a word (15 %), a
  description ("PetiteBrune62", 15 %), another first name (10 %); 20 % of persons change
  pseudo once; classifieds show a pseudo on 45 % of ads, directories 90 %, sheets and
  dating sites always. Case sometimes changes.
- First names: Zipf-weighted lists by origin, so that many persons share common names.
- Descriptions: hair, eyes, build, height, origin, each given by a variant of the text
  with some probability and in one of several wordings; a person has 1 to 8 text
  variants (more when she has more ads); reposts mostly reuse the first one (identical
  texts). Independent persons keep a personal style (lower case, no accents, SMS
  abbreviations); 5 % of network texts give a second name or a second origin.
- Communes: the person's home town (drawn with the report's shares for the five towns,
  15 % among 29 other towns, 5 % among all 891 communes of the COG 2018), 12 % move once,
  15 % also post for a second town; written in up to twelve ways ("Lens", "LENS",
  "62300 Lens", "Lens centre", "Lens et alentours", "proche Lens", short forms such as
  "Boulogne" or "St Omer", a typo, no accents), the person's habit two times out of
  three; 4 % empty, 2 % the département only ("Pas-de-Calais", "62").
- Mirror sites: four dating sites copy the ads of "rencontre-complice.example" (same
  title, text, phone, pseudo, age, commune; collected 0 to 3 days later); copies are
  about 20 % of the rows, so the rows number n_ads exactly when the source has enough ads.
- Not modelled: ads for two persons at once ("duo"), photos, clients' ads, the same ad
  text stolen by an unrelated person, prices.
"""

from __future__ import annotations

import math
import random
from datetime import date, timedelta
from pathlib import Path

import numpy as np
import pandas as pd

from ..communes import official_names, postcodes
from ..text import without_accents

COLUMNS = ("id_annonce", "site", "date_collecte", "commune_declaree", "titre", "texte", "telephone", "pseudo",
           "age_declare")
TRUTH_COLUMNS = ("id_annonce", "id_personne", "id_reseau")
START = date(2018, 9, 20)
BASE_DAYS, BASE_ADS_PER_PERSON = 77, 2.56
PERSON_CAP, MAX_DAYS = 20_000, 1_095
NETWORK_SHARE = 0.30
MIRROR_SHARE = 0.20
FICTION_PREFIXES = ("019900", "026191", "035301", "046571", "053649", "063998")

# (domain, kind, weight for network members, weight for independent persons)
SITES = (
    ("velours-escorts.example", "fiche", 3.0, 0.3),
    ("elite-companions.example", "fiche", 2.0, 0.2),
    ("tour-escorts-europe.example", "fiche", 2.0, 0.05),
    ("annuaire-escortes.example", "annuaire", 4.0, 2.5),
    ("escortes-du-nord.example", "annuaire", 4.0, 2.5),
    ("charmantes.example", "annuaire", 1.5, 1.0),
    ("independantes-france.example", "annuaire", 0.3, 1.0),
    ("toutannonces.example", "annonces", 1.0, 1.5),
    ("affaires-du-nord.example", "annonces", 0.5, 1.2),
    ("particuliers-annonces.example", "annonces", 0.2, 0.6),
    ("rencontre-complice.example", "rencontre", 0.3, 2.2),
    ("rencontres-libres.example", "rencontre", 0.2, 0.8),
    ("salons-bien-etre.example", "massage", 0.3, 0.3),
)
MIRROR_SOURCE = "rencontre-complice.example"
MIRRORS = ("coeurs-ephemeres.example", "nuit-complice.example", "sans-lendemain.example", "calins-discrets.example")
KIND_PHONE = {"fiche": 0.98, "annuaire": 0.90, "annonces": 0.75, "rencontre": 0.20, "massage": 0.95}
KIND_PSEUDO = {"fiche": 1.0, "annuaire": 0.90, "annonces": 0.45, "rencontre": 1.0, "massage": 0.6}
KIND_AGE = {"fiche": 0.97, "annuaire": 0.45, "annonces": 0.2, "rencontre": 0.7, "massage": 0.2}

# Towns: INSEE code and share of persons living (or staying) there (section III-D).
TOWNS = {"62498": 26, "62041": 18, "62160": 14, "62119": 12, "62193": 11}
OTHER_TOWNS = ("62510", "62427", "62178", "62765", "62108", "62215", "62643", "62667", "62758", "62065", "62617",
               "62048", "62318", "62826", "62764", "62413", "62186", "62588", "62014", "62548", "62637", "62133",
               "62004", "62040", "62525", "62250", "62895", "62570", "62771")
SHORT_NAMES = {"Boulogne-sur-Mer": "Boulogne", "Bruay-la-Buissière": "Bruay", "Hénin-Beaumont": "Hénin",
               "Saint-Omer": "St Omer", "Le Touquet-Paris-Plage": "Le Touquet", "Saint-Martin-Boulogne":
               "St Martin Boulogne", "Nœux-les-Mines": "Noeux", "Berck": "Berck-sur-Mer", "Aire-sur-la-Lys": "Aire",
               "Saint-Nicolas": "St Nicolas", "Bully-les-Mines": "Bully", "Montreuil": "Montreuil-sur-Mer"}

FIRST_NAMES = {
    "fr": "Léa Emma Manon Chloé Camille Sarah Laura Julie Marie Océane Jessica Mélanie Amandine Pauline Lucie Clara "
          "Inès Lola Jade Anaïs Émilie Audrey Morgane Élodie Marine Justine Aurélie Cindy Kelly Vanessa Sabrina Nadia "
          "Samia Yasmina Sofia Nina Eva Zoé Alicia Laetitia Stéphanie Sandra Virginie Jennifer Coralie Maëva Noémie "
          "Charlotte Margaux Léna Mélissa Célia Lisa Ambre Axelle Estelle Fanny Gwendoline Héloïse Priscilla",
    "latina": "Valentina Camila Daniela Isabella Gabriela Mariana Paola Carolina Luna Bianca Alejandra Natalia Sofia "
              "Juliana Andrea Melina Fernanda Catalina Ximena Yuliana Lorena Adriana",
    "est": "Anastasia Natasha Ioana Alina Elena Irina Daria Oksana Katia Olga Anna Maria Nicoleta Andreea Bianca "
           "Diana Kristina Sveta Vika Alexandra Larisa Denisa",
    "asie": "Lily Mei Suki Kim Yumi Jasmine Lin Coco Miko Lisa Anna Nana Cherry Linda Amy Jenny Xiao Lan",
    "afrique": "Grace Aïcha Fatou Joy Precious Mercy Awa Mariam Blessing Esther Aminata Christelle",
    "sud": "Carla Giulia Chiara Lucia Paula Elena Marta Alba Sara Francesca",
    "homme": "Kevin Thomas Lucas Hugo Nicolas Julien Maxime Mehdi Yanis Alex Rayan Dylan Anthony Romain Enzo Bryan",
    "trans": "Melina Bianca Kelly Paola Luna Isabella Nikita Jessica Vanessa Barbara Samantha Carla Alessandra Thalia "
             "Yasmin Pamela",
}
# origin group → (nationality adjectives, generic words, English words)
ORIGINS = {
    "latina": (("colombienne", "vénézuélienne", "brésilienne", "argentine", "mexicaine", "cubaine"),
               ("latina", "beauté latine", "sud-américaine", "latine"), ("latina", "colombian girl", "brazilian")),
    "est": (("roumaine", "ukrainienne", "russe", "polonaise", "bulgare"),
            ("de l'Est", "slave", "blonde de l'Est"), ("russian", "ukrainian", "romanian")),
    "asie": (("chinoise", "thaïlandaise", "japonaise", "coréenne"),
             ("asiatique", "jolie asiatique", "beauté asiatique"), ("asian", "chinese girl", "thai")),
    "afrique": (("camerounaise", "ivoirienne", "kényane", "congolaise"),
                ("black", "africaine", "black aux formes", "ébène"), ("ebony", "african")),
    "sud": (("espagnole", "italienne", "portugaise"), ("méditerranéenne", "du sud", "latine"),
            ("spanish", "italian")),
    "fr": (("française",), ("bien de chez nous", "du Nord", "nordiste", "française"), ("french",)),
    "autre": (("antillaise", "marocaine", "algérienne"), ("métisse", "orientale", "black", "méditerranéenne",
                                                           "maghrébine"), ("mixed", "oriental")),
}
HAIR = {"brune": ("brune", "belle brune", "cheveux bruns", "brunette"),
        "blonde": ("blonde", "belle blonde", "cheveux blonds", "blondinette"),
        "châtain": ("châtain", "cheveux châtains", "châtain clair"),
        "rousse": ("rousse", "jolie rousse", "cheveux roux"),
        "noirs": ("cheveux noirs", "aux longs cheveux noirs", "brune aux cheveux noirs")}
HAIR_EN = {"brune": "brunette", "blonde": "blonde", "châtain": "light brown hair", "rousse": "redhead",
           "noirs": "black hair"}
EYES = {"marron": ("yeux marron", "aux yeux marrons", "yeux noisette"), "bleus": ("yeux bleus", "aux yeux bleus"),
        "verts": ("yeux verts", "aux yeux verts", "regard vert"), "noirs": ("yeux noirs", "regard noir")}
BUILD = {"mince": ("mince", "fine", "silhouette fine"), "pulpeuse": ("pulpeuse", "aux formes généreuses",
                                                                     "bien en formes"),
         "ronde": ("ronde", "bien en chair", "pulpeuse et ronde"), "sportive": ("sportive", "tonique",
                                                                               "corps athlétique"),
         "menue": ("menue", "petite et mince", "petit gabarit")}
BUILD_EN = {"mince": "slim", "pulpeuse": "curvy", "ronde": "curvy", "sportive": "sporty", "menue": "petite"}

OPENERS = ("Bonjour messieurs,", "Coucou,", "Salut à tous,", "Bonsoir messieurs,", "Hello,", "", "", "Bienvenue,")
OFFERS = ("je vous propose un moment de détente et de complicité", "je vous propose des massages relaxants",
          "pour un moment agréable en toute discrétion", "je vous réserve un instant de douceur",
          "pour passer un bon moment ensemble", "massage naturiste et détente",
          "compagnie agréable pour vos soirées", "je vous propose un moment de pure évasion",
          "pour un moment câlin sans prise de tête")
PLACES = ("Je reçois dans un appartement discret et propre.", "Je reçois en appartement privé, parking facile.",
          "Je peux me déplacer à domicile ou à l'hôtel.", "Je reçois ou je me déplace.",
          "Appartement climatisé pour votre confort.", "Je reçois uniquement.", "Déplacement possible.",
          "Cadre discret et agréable, douche à disposition.")
AVAILABILITY = ("Disponible du lundi au samedi de 10h à 22h.", "Dispo en journée et en soirée.", "Disponible 7j/7.",
                "Disponible uniquement le soir.", "Disponible sur rendez-vous.", "Disponible le week-end.",
                "Disponible en semaine à partir de 14h.")
ALWAYS = ("Disponible 24h/24.", "Disponible tout le temps.", "Dispo 24h/24 7j/7.")
CONDITIONS = ("Hygiène et respect exigés.", "Discrétion assurée.", "Hommes courtois uniquement.",
              "Pas de numéros masqués, pas de sms.", "Je ne réponds pas aux numéros masqués.",
              "Photos 100 % réelles.", "Messieurs respectueux seulement.", "Pas sérieux s'abstenir.",
              "Les appels masqués et sms resteront sans réponse.", "Rendez-vous pris 30 minutes à l'avance.")
CLOSINGS = ("Bisous.", "À très vite.", "Gros bisous.", "À bientôt.", "N'hésitez pas à m'appeler.",
            "Appelle-moi vite.", "")
NO_PHONE = ("Contactez-moi par la messagerie du site.", "Me contacter par message privé.",
            "Envoyez-moi un message.")
THIRD_INTROS = ("Nouvelle ! {name}, {age} ans, {desc}, vous attend pour un moment inoubliable.",
                "{name} est une jeune femme {desc} de {age} ans.",
                "Venez découvrir {name}, {desc}, {age} ans.",
                "{name}, jeune {desc}, vous reçoit dans un cadre discret.")
THIRD_SENTENCES = ("Elle reçoit en appartement discret et climatisé.", "Elle se déplace aussi à l'hôtel.",
                   "Elle parle {langs}.", "Très douce et souriante, elle saura vous mettre à l'aise.",
                   "Photos réelles et récentes.", "Réservation par téléphone uniquement.",
                   "Pour quelques jours seulement.", "Elle vous attend.")
EN_INTROS = ("Hello gentlemen, my name is {name}, {age} years old, {desc}.", "Hi! I am {name}, {desc}, {age} yo.",
             "New girl in town: {name}, {age} years, {desc}.")
EN_SENTENCES = ("I offer a relaxing and discreet time in my private apartment.", "Available 24/7.",
                "Incall and outcall.", "Only calls, no sms, no private numbers.", "Real photos 100%.",
                "Here for a few days only.", "I speak English and a little French.", "Kisses.")
TYPOS = ("appartement tres discret et propre !!", "NOUVELLE DANS VOTRE VILLE", "pas de sms pas de masquer",
         "ambience relaxe et discrette", "vrai photo 100%", "Je suis tres douce et gentile",
         "pour passé un moment agreable", "pas de numero caché merci", "Appel moi vite !!!")
LEAD_PASSING = ("De passage à {v} pour quelques jours.", "Nouvelle à {v}, de passage cette semaine.",
                "De passage sur {v} et alentours.", "En vacances à {v} pour une semaine.",
                "Dans votre ville ({v}) pour quelques jours seulement !")
LEAD_PASSING_EN = ("New in {v} for a few days only!", "Visiting {v} this week.")
LEAD_PLACE = ("Sur {v}.", "Je reçois à {v}.", "Secteur {v} et environs.", "{v} et alentours.", "Sur {v} centre.")
CONTACTS = ((" Tél : ", ""), (" Appelle-moi au ", "."), (" Contact : ", ""), (" ", " (appels uniquement)"),
            (" Mon numéro : ", ""), (" tel ", ""))
CONTACTS_EN = ((" Call me: ", ""), (" Phone: ", ""))
PHONE_FORMAT_WEIGHTS = (0.45, 0.25, 0.10, 0.08, 0.05, 0.07)
ENGLISH = {"colombienne": "Colombian", "vénézuélienne": "Venezuelan", "brésilienne": "Brazilian",
           "argentine": "Argentinian", "mexicaine": "Mexican", "cubaine": "Cuban", "roumaine": "Romanian",
           "ukrainienne": "Ukrainian", "russe": "Russian", "polonaise": "Polish", "bulgare": "Bulgarian",
           "chinoise": "Chinese", "thaïlandaise": "Thai", "japonaise": "Japanese", "coréenne": "Korean",
           "camerounaise": "Cameroonian", "ivoirienne": "Ivorian", "kényane": "Kenyan", "congolaise": "Congolese",
           "espagnole": "Spanish", "italienne": "Italian", "portugaise": "Portuguese", "marron": "brown",
           "bleus": "blue", "verts": "green", "noirs": "black", "français": "French", "anglais": "English",
           "espagnol": "Spanish"}
PSEUDO_HAIR = {"brune": "Brune", "blonde": "Blonde", "châtain": "Chatain", "rousse": "Rousse", "noirs": "Brune"}
PSEUDO_ORIGIN = {"latina": "Latina", "est": "Slave", "asie": "Asiat", "afrique": "Black", "sud": "Latine",
                 "fr": "Chti", "autre": "Metisse"}
SMS = (("disponible", "dispo"), ("rendez-vous", "rdv"), ("Bisous", "Bisouss"), ("rapidement", "rapidos"),
       ("s'il vous plaît", "svp"), ("messieurs", "mrs"), ("pour", "pr"))


def persons(n_ads: int) -> int:
    """The number of persons behind `n_ads` ads (see the module docstring)."""
    return max(2, min(n_ads, round(PERSON_CAP * (1 - math.exp(-0.39 * n_ads / PERSON_CAP)))))


def collection_days(n_ads: int) -> int:
    """The length of the collection: the report's 77 days, longer when the persons' cap is reached."""
    return int(min(MAX_DAYS, round(BASE_DAYS * max(1.0, n_ads / persons(n_ads) / BASE_ADS_PER_PERSON))))


def _zipf(count: int) -> np.ndarray:
    weights = 1.0 / np.arange(1, count + 1) ** 1.1
    return weights / weights.sum()


def _no_accents(text: str) -> str:
    """As ads typed without accents write it: "Béthune" → "Bethune", "cœur" → "coeur"."""
    return without_accents(text).replace("œ", "oe").replace("Œ", "OE")


def _phone(number: int, style: int) -> str:
    """Fiction number `number` (0–59 999) written in one of six styles."""
    digits = FICTION_PREFIXES[number // 10_000] + f"{number % 10_000:04d}"
    pairs = [digits[i:i + 2] for i in range(0, 10, 2)]
    if style == 0:
        return " ".join(pairs)
    if style == 1:
        return digits
    if style == 2:
        return ".".join(pairs)
    if style == 3:
        return "+33" + digits[1:]
    if style == 4:
        return "+33 " + digits[1] + " " + " ".join(pairs[1:])
    return "-".join(pairs)


def _typo(name: str, rng: random.Random) -> str:
    letters = [i for i, c in enumerate(name) if c.isalpha()]
    i = rng.choice(letters[1:-1]) if len(letters) > 3 else letters[-1]
    return name[:i] + name[i + 1:] if rng.random() < 0.5 else name[:i] + name[i + 1:i + 2] + name[i] + name[i + 2:]


def _spellings(name: str, postcode: str, rng: random.Random) -> list[str]:
    """Twelve ways an ad writes a commune (slot 0: the official name)."""
    short = SHORT_NAMES.get(name, name)
    return [name, name.upper(), name.lower(), f"{postcode} {name}", f"{name} centre", f"{name} et alentours",
            f"proche {short}", short, _typo(name, rng), _no_accents(name).replace("-", " "), f"{short} ({postcode})",
            f"{short.lower()} et environs"]


def _communes(rng: random.Random) -> tuple[list[str], np.ndarray, list[list[str]]]:
    """The 891 communes of the département (COG 2018): names, weights, spellings."""
    names = {code: name for code, name in official_names().items() if code.startswith("62")}
    codes = sorted(names)
    first_postcode = {}
    for postcode, served in sorted(postcodes().items()):
        for code in served:
            first_postcode.setdefault(code, postcode)
    weights = np.full(len(codes), 0.05 / (len(codes) - len(TOWNS) - len(OTHER_TOWNS)))
    index = {c: i for i, c in enumerate(codes)}
    for code, share in TOWNS.items():
        weights[index[code]] = 0.80 * share / sum(TOWNS.values())
    other = _zipf(len(OTHER_TOWNS)) * 0.15
    for k, code in enumerate(OTHER_TOWNS):
        weights[index[code]] = other[k]
    spellings = [_spellings(names[c], first_postcode.get(c, "62000"), rng) for c in codes]
    return [names[c] for c in codes], weights / weights.sum(), spellings


class _Numbers:
    """The fiction numbers, handed out block by block (600 blocks of 100 near numbers)."""

    def __init__(self, rng: random.Random):
        self.order = list(range(600))
        rng.shuffle(self.order)
        self.free = {b: rng.sample(range(100), 100) for b in range(600)}
        self.cursor = 0

    def block(self, needed: int) -> int:
        for _ in range(600):
            b = self.order[self.cursor % 600]
            self.cursor += 1
            if len(self.free[b]) >= needed:
                return b
        raise ValueError("plus assez de numéros fictifs")

    def take(self, b: int) -> int:
        return b * 100 + self.free[b].pop()


def _desc(person: dict, rng: random.Random, english: bool, p: float = 0.55) -> list[str]:
    """Some of the person's traits, each in one of its wordings."""
    words = []
    if person["shows_origin"] and rng.random() < 0.75:
        nat, generic, en = ORIGINS[person["origin"]]
        words.append(rng.choice(en) if english else (person["nationality"] if rng.random() < 0.5
                                                     else rng.choice(generic)))
        if person["network"] >= 0 and rng.random() < 0.05:  # an incoherent second origin
            words.append(rng.choice(ORIGINS[rng.choice(("latina", "est", "asie", "sud"))][0]))
    if rng.random() < p:
        words.append(HAIR_EN[person["hair"]] if english else rng.choice(HAIR[person["hair"]]))
    if rng.random() < p * 0.6 and not english:
        words.append(rng.choice(EYES[person["eyes"]]))
    if rng.random() < p:
        words.append(BUILD_EN[person["build"]] if english else rng.choice(BUILD[person["build"]]))
    if rng.random() < p * 0.4:
        h = person["height"]
        words.append(rng.choice((f"1m{h - 100}", f"1,{h - 100} m", f"{h} cm")))
    return words


def _gender_word(person: dict, english: bool) -> str:
    if person["gender"] == "homme":
        return "young man" if english else "jeune homme"
    if person["gender"] == "trans":
        return "trans" if english else "trans"
    return "girl" if english else "femme"


def _style(text: str, person: dict) -> str:
    """The independent person's own way of writing."""
    style = person["style"]
    if "sms" in style:
        for long, short in SMS:
            text = text.replace(long, short)
    if "accents" in style:
        text = _no_accents(text)
    if "lower" in style:
        text = text.lower()
    return text


def _free_text(person: dict, net: dict | None, rng: random.Random) -> str:
    """One wording of the person's ad text."""
    age = person["age"] + rng.choice((0, 0, 0, 0, 1, -1, 2))
    name = person["text_name"]
    if net and rng.random() < 0.05:  # a second name: the network's incoherence
        name = rng.choice(net["names"])
    if person["gender"] == "homme":
        desc = ", ".join(["jeune mec"] + [w for w, p in ((rng.choice(("sportif", "mince", "musclé", "souriant")), 0.5),
                                                         (f"{person['height']} cm", 0.2)) if rng.random() < p])
        body = [rng.choice(("Bonjour,", "Salut,", "")), f"Je suis {name}, {desc}, {age} ans.",
                rng.choice(("Je propose mes services à hommes gay ou bi, massage, sortie...",
                            "Pour hommes ou couples, massage et moment de détente.",
                            "Pour femmes seules, massage relaxant et compagnie.",
                            "En échange qui prend soin de moi...")),
                rng.choice(("Je peux me déplacer, très discret.", "Je reçois chez moi.", "Très discret.")),
                rng.choice(CLOSINGS)]
        return _style(" ".join(s for s in body if s), person)
    if net is None or net["language"] == "fr1":
        skeleton = net["skeleton"] if net else None
        srng = random.Random(skeleton) if skeleton is not None else rng
        words = _desc(person, rng, False)
        if person["gender"] == "trans":
            words.insert(0, rng.choice(("belle trans", "transsexuelle", "TS")))
        desc = ", ".join(words)
        intro = rng.choice((f"Je suis {name}" + (f", {desc}" if desc else "") + (f", {age} ans." if rng.random() < 0.5
                                                                                   else "."),
                            f"Je m'appelle {name}, j'ai {age} ans, {desc}." if desc else f"Je m'appelle {name}.",
                            f"{name}, {desc}." if desc else f"Moi c'est {name}."))
        parts = [srng.choice(OPENERS), intro, srng.choice(OFFERS).capitalize() + ".", srng.choice(PLACES)]
        parts.append(srng.choice(ALWAYS) if net and net["always"] else rng.choice(AVAILABILITY))
        parts += srng.sample(CONDITIONS, 2)[: 1 + (rng.random() < 0.5)]
        if net:
            parts.append(net["typo"])
        parts.append(srng.choice(CLOSINGS) if net else rng.choice(CLOSINGS))
        if not net:  # a person rewords: drop or swap a sentence now and then
            if rng.random() < 0.3:
                parts[3] = rng.choice(PLACES)
            if rng.random() < 0.3:
                parts.pop(rng.randrange(2, len(parts)))
        text = " ".join(p for p in parts if p)
        return text if net else _style(text, person)
    srng = random.Random(net["skeleton"])
    english = net["language"] == "en"
    words = _desc(person, rng, english, 0.7)
    if person["gender"] == "trans":
        words.insert(0, "trans" if english else rng.choice(("transsexuelle", "trans")))
    desc = ", ".join(words) or _gender_word(person, english)
    langs = ", ".join(person["langs"])
    if english:
        parts = [srng.choice(EN_INTROS).format(name=name, age=age, desc=desc)] + srng.sample(EN_SENTENCES, 4)
    else:
        parts = [srng.choice(THIRD_INTROS).format(name=name, age=age, desc=desc)]
        parts += [s.format(langs=langs) for s in srng.sample(THIRD_SENTENCES, 3)]
        if net["always"]:
            parts.append(srng.choice(ALWAYS))
    parts.append(net["typo"])
    if rng.random() < 0.25:
        parts.pop(rng.randrange(1, len(parts)))
    return " ".join(parts)


def _sheet(person: dict, net: dict | None, rng: random.Random) -> str:
    """An agency's standardised profile sheet (annex 5), then a short presentation."""
    english = net is not None and net["language"] == "en"
    age = person["age"] + rng.choice((0, 0, 0, 1, -1))
    nationality = person["nationality"] if person["shows_origin"] or net else "française"
    if net and rng.random() < 0.1:
        nationality = rng.choice(ORIGINS[rng.choice(("latina", "est", "asie"))][0])
    if english:
        fields = (f"Name: {person['text_name']} | Age: {age} | Nationality: {ENGLISH.get(nationality, nationality)} | "
                  f"Hair: {HAIR_EN[person['hair']]} | Eyes: {ENGLISH[person['eyes']]} | Height: {person['height']} cm"
                  f" | Languages: {', '.join(ENGLISH[lang] for lang in person['langs'])} | Incall: yes | Outcall: "
                  f"{rng.choice(('yes', 'no'))}")
    else:
        fields = (f"Prénom : {person['text_name']} | Âge : {age} ans | Nationalité : {nationality} | Cheveux : "
                  f"{person['hair']} | Yeux : {person['eyes']} | Taille : {person['height']} cm | Silhouette : "
                  f"{person['build']} | Langues : {', '.join(person['langs'])} | Reçoit : oui | Se déplace : "
                  f"{rng.choice(('oui', 'non'))}")
    return fields + "\n" + _free_text(person, net, rng)


def _titles(person: dict, net: dict | None, rng: random.Random, count: int) -> list[str]:
    name, age = person["text_name"], person["age"]
    nat, generic, en = ORIGINS[person["origin"]]
    hair = PSEUDO_HAIR[person["hair"]].lower()
    if person["gender"] == "homme":
        choices = (f"Jeune mec {age} ans", "Massage par jeune homme", f"{name} pour hommes", "H pour H discret")
    elif person["gender"] == "trans":
        choices = (f"{name} trans {rng.choice(generic)}", f"TS {name}", f"Belle trans {generic[-1]}",
                   f"{name} belle trans")
    elif net and net["language"] == "en":
        choices = (f"New {name}", f"{name} sweet {rng.choice(en)}", "New girl in town", f"{name} {age}yo")
    else:
        choices = (name, f"{name}, {hair}", f"Jolie {rng.choice(generic)}", f"Belle {hair}", f"{name} {age} ans",
                   "Moment de détente", "Massage relaxant", f"Nouvelle !! {name}", f"Douce {name}",
                   f"{name} - {person['nationality']} {age} ans", "Petit plaisir", "D'agréables moments")
    return [rng.choice(choices) for _ in range(count)]


def _pseudo(person: dict, rng: random.Random) -> str:
    name = person["text_name"]
    kind = rng.random()
    if kind < 0.40:
        return name
    if kind < 0.60:
        return rng.choice((f"{name.lower()}{rng.choice((62, 59, 22, 23, 25, 2018))}", f"{name}_{rng.randint(18, 99)}"))
    if kind < 0.75:
        return rng.choice((f"Douce {name}", f"Sweet {name}", f"{name} la {person['hair']}", f"{name} câline"))
    if kind < 0.90:
        word = rng.choice((PSEUDO_HAIR[person["hair"]], PSEUDO_ORIGIN.get(person["origin"], "Lady"), "Caline",
                           "Coquine", "Douceur", "Sexy", "Lady", "Charme"))
        return rng.choice(("Petite", "Douce", "Belle", "Jolie", "Sweet", "Tendre", "Jeune", "")) + rng.choice(
            ("", "_", " ")) * (rng.random() < 0.5) + word + rng.choice(("", "62", "59", str(rng.randint(1, 99))))
    return rng.choice(FIRST_NAMES["fr"].split()[:30])


def _world(n_ads: int, seed: int) -> tuple[pd.DataFrame, pd.DataFrame]:
    rng = np.random.default_rng(seed)
    prng = random.Random(seed)
    n_persons, days = persons(n_ads), collection_days(n_ads)
    commune_names, commune_weights, spellings = _communes(prng)
    n_communes = len(commune_names)
    names = {k: v.split() for k, v in FIRST_NAMES.items()}

    # Networks first, then independent persons.
    quota = round(n_persons * NETWORK_SHARE)
    sizes = []
    while quota - sum(sizes) >= 2:
        sizes.append(int(min(12, 1 + rng.geometric(0.35), quota - sum(sizes))))
    if sizes and quota - sum(sizes) == 1 and sizes[-1] < 12:
        sizes[-1] += 1
    numbers = _Numbers(prng)
    networks, people = [], []
    for j, size in enumerate(sizes):
        origin = prng.choices(("latina", "est", "asie", "afrique", "sud", "trans"), (25, 25, 20, 10, 10, 10))[0]
        language = prng.choices(("fr3", "fr1", "en"), (45, 25, 30))[0]
        block = numbers.block(2 * size + 1)
        towns = list(rng.choice(n_communes, size=prng.randint(2, 5), replace=False, p=commune_weights))
        net = {"origin": "latina" if origin == "trans" else origin, "trans": origin == "trans", "language": language,
               "skeleton": prng.getrandbits(32), "typo": prng.choice(TYPOS), "always": prng.random() < 0.6,
               "tours": prng.random() < 0.7, "towns": towns, "stay": prng.randint(4, 14), "block": block,
               "switchboard": numbers.take(block) if prng.random() < 0.5 else -1,
               "shared_pseudo": prng.choice(("Nouvelle Latina", "Asian Beauty", "New Girls", "Belles de l'Est",
                                             "Douceur Exotique")) if prng.random() < 0.3 else "",
               "names": []}
        networks.append(net)
        for _ in range(size):
            people.append({"network": j})
    n_net = len(people)
    for _ in range(n_persons - n_net):
        people.append({"network": -1})
    n_persons = len(people)

    for i, person in enumerate(people):
        net = networks[person["network"]] if person["network"] >= 0 else None
        if net:
            person["gender"] = "trans" if net["trans"] else "femme"
            person["origin"] = net["origin"]
            person["shows_origin"] = prng.random() < 0.9
            person["age"] = int(min(45, 19 + rng.gamma(2.0, 3.5)))
        else:
            person["gender"] = prng.choices(("femme", "homme", "trans"), (81.5, 10, 8.5))[0]
            person["origin"] = prng.choices(("fr", "autre", "latina", "est", "afrique", "sud", "asie"),
                                            (55, 20, 8, 5, 6, 3, 3))[0]
            person["shows_origin"] = prng.random() < 0.45
            person["age"] = int(min(58, 20 + rng.gamma(2.0, 5.5)))
        group = person["gender"] if person["gender"] in ("homme", "trans") else (
            "fr" if person["origin"] == "autre" else person["origin"])
        pool = names[group]
        person["text_name"] = pool[int(rng.choice(len(pool), p=_zipf(len(pool))))]
        if net:
            net["names"].append(person["text_name"])
        person["nationality"] = prng.choice(ORIGINS[person["origin"]][0])
        person["hair"] = prng.choices(tuple(HAIR), (45, 25, 15, 5, 10))[0]
        person["eyes"] = prng.choices(tuple(EYES), (55, 20, 15, 10))[0]
        person["build"] = prng.choice(tuple(BUILD))
        person["height"] = prng.randint(155, 180)
        person["langs"] = (["français"] if person["origin"] in ("fr", "autre") or not net else
                           ["anglais"] + (["espagnol"] if person["origin"] == "latina" else [])
                           + (["français"] if prng.random() < 0.4 else []))
        person["style"] = {s for s, p in (("sms", 0.15), ("accents", 0.2), ("lower", 0.12)) if prng.random() < p}
        pseudos = [_pseudo(person, prng)]
        if prng.random() < 0.2:
            pseudos.append(_pseudo(person, prng))
        person["pseudos"] = pseudos
        if net:
            own = numbers.take(net["block"])
            second = numbers.take(net["block"]) if prng.random() < 0.25 else -1
        elif prng.random() < 0.04:
            own, second = -1, -1
        else:
            own = numbers.take(numbers.block(1))
            second = numbers.take(numbers.block(1)) if prng.random() < 0.25 else -1
        person["phones"] = (own, second)

    # Person arrays.
    is_net = np.array([p["network"] >= 0 for p in people])
    network_of = np.array([p["network"] for p in people])
    start = rng.integers(0, days, n_persons)
    mean_len = np.where(is_net, 0.35, 0.7) * days
    length = np.maximum(np.where(is_net, 5, 1), rng.exponential(mean_len)).astype(int)
    start = np.minimum(start, np.maximum(0, days - length))  # a window inside the collection when it fits
    end = np.minimum(days, start + length)
    length = np.maximum(1, end - start)
    intensity = np.minimum(5.0, rng.lognormal(0.0, 0.9, n_persons)) * np.where(is_net, 3.5, 1.0)
    n_orig = n_ads - round(n_ads * MIRROR_SHARE)
    weights = intensity * length
    counts = 1 + rng.multinomial(max(0, n_orig - n_persons), weights / weights.sum())

    # Sites per person.
    site_names = [s[0] for s in SITES]
    site_kind = np.array([s[1] for s in SITES])
    w_net = np.array([s[2] for s in SITES])
    w_ind = np.array([s[3] for s in SITES])
    fiche = site_kind == "fiche"
    person_sites = np.zeros((n_persons, 4), dtype=np.int64)
    person_cum = np.ones((n_persons, 4))
    for i, person in enumerate(people):
        w = (w_net if is_net[i] else w_ind).copy()
        if person["gender"] == "homme":
            w[fiche] = 0
        m = min(int(counts[i]), prng.choices((1, 2, 3, 4), (25, 35, 25, 15) if is_net[i] else (45, 30, 18, 7))[0])
        chosen = rng.choice(len(SITES), size=m, replace=False, p=w / w.sum())
        share = rng.dirichlet(np.ones(m))
        person_sites[i, :m] = chosen
        person_sites[i, m:] = chosen[-1]
        person_cum[i, :m] = np.cumsum(share)
        person["has_fiche"] = bool(fiche[chosen].any())

    # Text variants per person: free texts, agency sheets, titles.
    n_variants = np.clip(1 + np.round(np.sqrt(counts)), 1, 8).astype(int)
    free, sheet, title = [], [], []
    free_off, sheet_off, title_off = (np.zeros(n_persons, dtype=np.int64) for _ in range(3))
    sheet_k = np.ones(n_persons, dtype=np.int64)
    title_k = np.minimum(3, n_variants)
    for i, person in enumerate(people):
        net = networks[person["network"]] if person["network"] >= 0 else None
        free_off[i], sheet_off[i], title_off[i] = len(free), len(sheet), len(title)
        free += [_free_text(person, net, prng) for _ in range(n_variants[i])]
        if person["has_fiche"]:
            sheet_k[i] = 2
            sheet += [_sheet(person, net, prng) for _ in range(2)]
        else:
            sheet.append("")
        title += _titles(person, net, prng, int(title_k[i]))
    free, sheet, title = (np.array(v, dtype=object) for v in (free, sheet, title))

    # Ads: person, date, site.
    person = np.repeat(np.arange(n_persons), counts)
    n = len(person)
    day = start[person] + (rng.random(n) * length[person]).astype(np.int64)
    u = rng.random(n)
    slot = np.minimum(3, (u[:, None] > person_cum[person]).sum(axis=1))
    site = person_sites[person, slot]
    kind = site_kind[site]

    # Where: home town, a second town, a move; networks follow their route.
    home = rng.choice(n_communes, size=n_persons, p=commune_weights)
    second_town = rng.choice(n_communes, size=n_persons, p=commune_weights)
    moves = rng.random(n_persons) < 0.12
    also = rng.random(n_persons) < 0.15
    move_day = start + (rng.random(n_persons) * length).astype(np.int64)
    town = home[person].copy()
    other = (moves[person] & (day >= move_day[person])) | (also[person] & (rng.random(n) < 0.25))
    town[other] = second_town[person][other]
    net_ads = np.flatnonzero(is_net[person])
    if len(networks):
        routes = np.array([(net["towns"] * 5)[:5] for net in networks])
        route_len = np.array([len(net["towns"]) for net in networks])
        stay = np.array([net["stay"] for net in networks])
        tours = np.array([net["tours"] for net in networks])
        offset = rng.integers(0, 5, n_persons)
        nets = network_of[person[net_ads]]
        stop = (day[net_ads] // stay[nets] + offset[person[net_ads]]) % route_len[nets]
        town[net_ads] = routes[nets, stop]
        passing = np.zeros(n, dtype=bool)
        passing[net_ads] = tours[nets] & (rng.random(len(net_ads)) < 0.6)
    else:
        passing = np.zeros(n, dtype=bool)
    passing |= ~is_net[person] & (rng.random(n) < 0.08)

    english = np.zeros(n, dtype=bool)
    if len(networks):
        net_english = np.array([net["language"] == "en" for net in networks])
        english[net_ads] = net_english[network_of[person[net_ads]]]

    # Commune as written.
    habit = rng.integers(0, 12, n_persons)
    spelled = np.where(rng.random(n) < 0.67, habit[person], rng.integers(0, 12, n))
    spelled[(kind == "fiche") & (rng.random(n) < 0.9)] = 0
    spelling_table = np.array([s for row in spellings for s in row], dtype=object)
    commune = spelling_table[town * 12 + spelled]
    r = rng.random(n)
    vague = (kind != "fiche") & (r < 0.06)
    commune[vague & (r < 0.04)] = ""
    commune[vague & (r >= 0.04)] = np.array(["Pas-de-Calais", "62", "Pas de Calais", "Nord-Pas-de-Calais"],
                                            dtype=object)[rng.integers(0, 4, int((vague & (r >= 0.04)).sum()))]

    # Text: a lead naming the town (or "de passage"), the person's variant, the contact.
    j = (n_variants[person] * rng.random(n) ** 1.8).astype(np.int64)
    body = free[free_off[person] + j]
    on_sheet = (kind == "fiche") & (sheet_k[person] == 2)
    body[on_sheet] = sheet[sheet_off[person[on_sheet]] + (rng.random(int(on_sheet.sum())) < 0.3)]
    leads_fr = [[s.format(v=name) + " " for s in LEAD_PASSING + LEAD_PLACE] for name in commune_names]
    leads_en = [[s.format(v=name) + " " for s in LEAD_PASSING_EN] for name in commune_names]
    lead_table = np.array([s for row in leads_fr for s in row] + [s for row in leads_en for s in row], dtype=object)
    n_fr, n_pass, n_place = len(LEAD_PASSING + LEAD_PLACE), len(LEAD_PASSING), len(LEAD_PLACE)
    lead = np.full(n, "", dtype=object)
    place = ~passing & (rng.random(n) < 0.3) & ~english
    fr_pass = passing & ~english
    lead[fr_pass] = lead_table[town[fr_pass] * n_fr + rng.integers(0, n_pass, int(fr_pass.sum()))]
    lead[place] = lead_table[town[place] * n_fr + n_pass + rng.integers(0, n_place, int(place.sum()))]
    en_pass = passing & english
    lead[en_pass] = lead_table[n_communes * n_fr + town[en_pass] * len(LEAD_PASSING_EN)
                               + rng.integers(0, len(LEAD_PASSING_EN), int(en_pass.sum()))]
    lead[on_sheet] = ""

    # Phone: the person's number (the second after a change), or the network's switchboard.
    phones = np.array([p["phones"] for p in people], dtype=np.int64)
    change_day = start + (rng.random(n_persons) * length).astype(np.int64)
    number = np.where((phones[person, 1] >= 0) & (day >= change_day[person]), phones[person, 1],
                      phones[person, 0])
    if len(networks):
        board = np.array([net["switchboard"] for net in networks])
        use_board = np.zeros(n, dtype=bool)
        use_board[net_ads] = (board[network_of[person[net_ads]]] >= 0) & (rng.random(len(net_ads)) < 0.35)
        number[use_board] = board[network_of[person[use_board]]]
    has_number = number >= 0
    phone_p = np.vectorize(KIND_PHONE.get)(site_kind)[site]
    in_column = has_number & (rng.random(n) < phone_p)
    in_text = has_number & np.where(in_column, rng.random(n) < 0.12, rng.random(n) < 0.5)
    used = np.unique(number[has_number])
    style_habit = rng.choice(6, size=n_persons, p=PHONE_FORMAT_WEIGHTS)
    style = np.where(rng.random(n) < 0.75, style_habit[person], rng.choice(6, size=n, p=PHONE_FORMAT_WEIGHTS))
    site_style = rng.integers(0, 6, len(SITES))
    style[kind == "fiche"] = site_style[site[kind == "fiche"]]
    written = np.array([_phone(int(k), s) for k in used for s in range(6)], dtype=object)
    position = np.searchsorted(used, np.maximum(number, 0)) * 6
    telephone = np.full(n, "", dtype=object)
    telephone[in_column] = written[position[in_column] + style[in_column]]
    text_style = rng.choice(6, size=n, p=PHONE_FORMAT_WEIGHTS)
    contact_table = np.array([a for a, _ in CONTACTS + CONTACTS_EN], dtype=object)
    after_table = np.array([b for _, b in CONTACTS + CONTACTS_EN], dtype=object)
    which = np.where(english, len(CONTACTS) + rng.integers(0, len(CONTACTS_EN), n), rng.integers(0, len(CONTACTS), n))
    contact = np.full(n, "", dtype=object)
    contact[in_text] = (contact_table[which[in_text]] + written[position[in_text] + text_style[in_text]]
                        + after_table[which[in_text]])
    no_phone = ~has_number & (rng.random(n) < 0.5)
    contact[no_phone] = np.array([" " + s for s in NO_PHONE], dtype=object)[rng.integers(0, 3, int(no_phone.sum()))]
    texte = lead + body + contact

    # Title, suffixed by the town now and then.
    titre = title[title_off[person] + (title_k[person] * rng.random(n) ** 1.5).astype(np.int64)]
    suffix = ~english & (rng.random(n) < 0.2)
    suffix_table = np.array([f" - {c}" for c in commune_names] + [f" sur {c}" for c in commune_names], dtype=object)
    titre[suffix] = titre[suffix] + suffix_table[town[suffix] + n_communes * rng.integers(0, 2, int(suffix.sum()))]

    # Pseudo: the current one, the network's shared one, none on some sites.
    n_pseudos = np.array([len(p["pseudos"]) for p in people])
    pseudo_table = np.array([s for p in people for s in (p["pseudos"] * 2)[:2]], dtype=object)
    pseudo_day = start + (rng.random(n_persons) * length).astype(np.int64)
    k = ((n_pseudos[person] == 2) & (day >= pseudo_day[person])).astype(np.int64)
    pseudo = pseudo_table[person * 2 + k]
    recase = rng.random(n) < 0.08
    pseudo[recase] = np.array([s.lower() for s in pseudo[recase]], dtype=object)
    if len(networks):
        shared = np.array([net["shared_pseudo"] for net in networks], dtype=object)
        use_shared = np.zeros(n, dtype=bool)
        use_shared[net_ads] = (shared[network_of[person[net_ads]]] != "") & (rng.random(len(net_ads)) < 0.3)
        pseudo[use_shared] = shared[network_of[person[use_shared]]]
    pseudo_p = np.vectorize(KIND_PSEUDO.get)(site_kind)[site]
    pseudo[rng.random(n) >= pseudo_p] = ""

    # Age: the person's, ± 1 or 2 years now and then; "24" or "24 ans".
    ages = np.array([p["age"] for p in people])
    jitter = rng.choice(np.array([-2, -1, 0, 1, 2]), size=n, p=[0.04, 0.12, 0.70, 0.10, 0.04])
    age = np.maximum(18, ages[person] + jitter)
    with_ans = np.where(rng.random(n) < 0.9, rng.random(n_persons)[person] < 0.4, rng.random(n) < 0.5)
    with_ans[kind == "rencontre"] = False
    age_strings = np.array([str(a) for a in range(100)] + [f"{a} ans" for a in range(100)], dtype=object)
    age_declare = age_strings[age + 100 * with_ans]
    age_p = np.vectorize(KIND_AGE.get)(site_kind)[site]
    age_declare[rng.random(n) >= age_p] = ""

    originals = pd.DataFrame({"site": np.array(site_names, dtype=object)[site], "day": day,
                              "commune_declaree": commune, "titre": titre, "texte": texte, "telephone": telephone,
                              "pseudo": pseudo, "age_declare": age_declare, "person": person})
    # Mirror sites copy the source's ads.
    source_rows = np.flatnonzero(originals["site"].to_numpy() == MIRROR_SOURCE)
    wanted = min(n_ads - n, len(source_rows) * len(MIRRORS))
    pairs = rng.permutation(len(source_rows) * len(MIRRORS))[:max(0, wanted)]
    pairs.sort()
    copies = originals.iloc[source_rows[pairs // len(MIRRORS)]].copy()
    copies["site"] = np.array(MIRRORS, dtype=object)[pairs % len(MIRRORS)]
    copies["day"] = np.minimum(days - 1, copies["day"].to_numpy() + rng.integers(0, 4, len(copies)))
    ads = pd.concat([originals, copies], ignore_index=True)
    # The collector goes site by site, day by day; within a page, the order says nothing of the person.
    ads = ads.iloc[rng.permutation(len(ads))].sort_values(["day", "site"], kind="stable", ignore_index=True)

    ids = np.array([f"ANN-{k:07d}" for k in range(1, len(ads) + 1)], dtype=object)
    dates = np.array([(START + timedelta(days=d)).isoformat() for d in range(days)], dtype=object)
    sheet_frame = pd.DataFrame({"id_annonce": ids, "site": ads["site"].to_numpy(),
                                "date_collecte": dates[ads["day"].to_numpy()]})
    for column in COLUMNS[3:]:
        sheet_frame[column] = ads[column].to_numpy()
    labels = rng.permutation(n_persons)
    person_ids = np.array([f"P{k + 1:05d}" for k in labels], dtype=object)
    network_ids = np.array([f"R{k + 1:04d}" for k in range(len(networks))] + [""], dtype=object)
    who = ads["person"].to_numpy()
    truth = pd.DataFrame({"id_annonce": ids, "id_personne": person_ids[who], "id_reseau": network_ids[network_of[who]]})
    return sheet_frame, truth


def third_world(n_ads: int, seed: int = 2026) -> tuple[pd.DataFrame, pd.DataFrame]:
    """A synthetic collection sheet of about `n_ads` ads and its truth (who posted each ad)."""
    if n_ads < 2:
        raise ValueError(f"au moins 2 annonces attendues, reçu {n_ads}")
    return _world(int(n_ads), seed)


def write_third_world(n_ads: int, folder: str | Path, seed: int = 2026) -> list[Path]:
    """Write `annonces-SYNTHETIQUE.csv` and `verite/annonces-SYNTHETIQUE.csv` in `folder`."""
    sheet, truth = third_world(n_ads, seed)
    folder = Path(folder)
    paths = [folder / "annonces-SYNTHETIQUE.csv", folder / "verite" / "annonces-SYNTHETIQUE.csv"]
    for frame, path in zip((sheet, truth), paths):
        path.parent.mkdir(parents=True, exist_ok=True)
        frame.to_csv(path, index=False, encoding="utf-8", lineterminator="\n")
    return paths
