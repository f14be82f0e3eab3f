"""Huitième corpus synthétique d'annonces, écrit à l'aveugle : Loire-Atlantique (44).

Fiche de données (data sheet)
=============================

Objet. Une feuille de collecte fictive, telle qu'une personne chargée du diagnostic Internet
(étape 7 de la méthode) l'aurait remplie en relevant des annonces d'offre de prostitution
localisées en Loire-Atlantique, et la vérité qui l'accompagne : quelle personne en situation de
prostitution est présentée dans chaque annonce, et par quel réseau elle est éventuellement
exploitée. Le corpus a été écrit sans lire le code de la liaison (déduplication) qu'il sert à
juger. Tout est inventé : personnes, prénoms, pseudos, sites (domaines en ``.example``), numéros
(tranches ARCEP réservées à la fiction). Seules les communes sont réelles (COG 2018, codes 44…).

Ce que le monde reprend du rapport (Amicale du Nid, Pas-de-Calais, 2020)
------------------------------------------------------------------------
- I-B-1 et annexe 5-1-a : trois grandes familles de sites (« escorting » — agences aux fiches
  standardisées et annuaires —, petites annonces généralistes, rencontres) et un site de salons
  de massage ; des sites de rencontres au design commun qui reprennent les mêmes contenus
  (« sites reprenant les mêmes contenus ») : ici une famille d'un site-mère et de sept miroirs.
- I-B-1 : tri par « villes déclarées par les auteur.es » : la commune est celle qu'écrit
  l'annonce, pas celle où vit la personne.
- II-B : 699 annonces, 273 personnes (taux de doublons de 61 %) : à 699 annonces le monde compte
  exactement 273 personnes.
- II-B (extraits d'annonces) : vocabulaire euphémique (« moment », « détente », « compagnie »),
  conditions affichées (« pas de numéro masqué », « pas de sms »), « photos 100 % réelles »,
  « je reçois / je me déplace ».
- III-D : « de passage » dans 18 % des cas (ici : environ 15 à 20 % des annonces le disent ;
  55 % de celles des réseaux itinérants, 30 % des agences, 8 % des indépendantes) ; concentration des annonces sur quelques agglomérations
  (ici Nantes et sa métropole, Saint-Nazaire, la côte) et présence de communes rurales ;
  saisonnalité côtière (La Baule, Pornic, Pornichet).
- IV-A-1 : 84 % de femmes, 7 % d'hommes, 9 % de personnes transidentitaires (tirage par
  personne, conditionné au type d'organisation).
- IV-A-2 : âge moyen déclaré d'environ 30 ans ; 53 % des annonces sans âge (ici : selon le
  site, l'âge est affiché « 27 ans », « 27 » ou pas du tout ; certaines personnes ne le donnent
  jamais).
- IV-A-3 : nationalité ou provenance indiquée pour 58 % des personnes, dont 20 % françaises et
  80 % étrangères (Amérique latine, Europe, Asie, Afrique).
- V-A-2 : réseaux internationaux itinérants (« sex-tours »), appartements occupés quelques jours.
- V-A-1 et V-A-3 : proxénétisme de proximité (conjoint, « ami ») : ici « proxénète local »,
  petits groupes sur les petites annonces et les sites de rencontres.
- V-A-4 : faisceau d'indices de réseau : mêmes tournures et mêmes fautes pour des personnes
  différentes, même pseudo/compte pour plusieurs personnes, mêmes numéros ou numéros dont seuls
  les deux derniers chiffres varient, troisième personne, anglais, « de passage », « 24h/24 ».
  Dans le rapport ces indices sont visibles dans 38 % des annonces ; ici environ 48 % des
  personnes appartiennent à un réseau et leurs annonces portent ces indices avec une
  probabilité propre à chaque indice (aucune annonce ne les porte tous).
- Annexe 5-1-b : options payantes (« VIP », « 100 % vérifié ») reprises dans quelques titres.

Décisions qui ne viennent pas du rapport (« decided, not in the report »)
-------------------------------------------------------------------------
- Loi de croissance (decided, not in the report). P(n) personnes pour n annonces :
  ``P(n) = max(1, round(273 n / 699))`` si n ≤ 699, sinon ``round(273 (n / 699) ** 0.75)``.

  ===========  =========  ==================  =====================
  annonces     personnes  annonces/personne   durée de collecte (j)
  ===========  =========  ==================  =====================
  699          273        2,56                76
  2 000        601        3,33                108
  100 000      11 293     8,86                397
  1 000 000    63 505     15,75               856
  ===========  =========  ==================  =====================

  La fenêtre de collecte s'allonge avec le corpus : ``D = 76`` jours (à partir du 14 janvier
  2019) jusqu'à 699 annonces, ``round(76 (n/699) ** (1/3))`` au-delà : un corpus plus grand est
  une collecte plus longue, pas une personne qui publierait des milliers d'annonces.
- Types d'organisation (decided, not in the report) : indépendantes 52 %, réseaux itinérants
  20 % (groupes de 3 à 12), agences d'escorte 9 % (groupes de 4 à 18), proxénètes locaux 11 %
  (groupes de 1 à 4), salons de massage 8 % (groupes de 2 à 6). ``id_reseau`` est vide pour les
  indépendantes seulement.
- Nombre d'annonces par personne (decided, not in the report) : 1 + une part multinomiale du
  reste, poids log-normaux (σ = 0,8) multipliés par le type (itinérants ×1,6, agences ×1,4,
  proxénètes locaux ×1,3, salons ×0,9), plafonnés à 12 fois la moyenne.
- Miroirs (decided, not in the report) : une publication sur la famille de rencontres est
  recopiée sur 1 à 8 sites de la famille, même texte au mot près ; chaque miroir peut tronquer le
  texte, couper le titre, passer le pseudo en minuscules, et date la copie de 0 à 2 jours après.
- Ce qui change d'une annonce à l'autre d'une même personne (decided, not in the report) :
  ordre et choix des phrases, titre, commune écrite (variantes, quartiers, voisines, aucune),
  âge (±1 an parfois ; les réseaux varient davantage), pseudo selon le site, présence et graphie
  du téléphone, changement de numéro en cours de collecte (6 % des indépendantes).
- Ce que des personnes différentes partagent (decided, not in the report) : prénoms courants,
  gabarits de texte d'un même réseau (fautes comprises), numéro du réseau (un pour 2 à 3
  personnes d'un réseau itinérant, numéros voisins — même centaine — dans un réseau), compte de
  l'agence ou du salon comme pseudo, phrases banales communes à toutes les annonces.
- Téléphones (decided, not in the report) : uniquement les six tranches de fiction ARCEP
  (01 99 00, 02 61 91, 03 53 01, 04 65 71, 05 36 49, 06 39 98 ; 60 000 numéros). Les numéros sont
  attribués par centaines ; les centaines du 06 passent d'abord, puis celles du 02, puis les
  autres. Graphies : « 06 39 98 12 34 », « 0639981234 », points, tirets, « +33 6 … »,
  « 0033 6 … », « 06 39 98 1234 », « O6 » (lettre O), « 06 39 98 12 34 » coupé en deux
  (« 06 39 98 / 12 34 »). Le champ téléphone est vide sur les sites qui ne l'affichent pas.
- Sites (decided, not in the report) : 24 domaines inventés en ``.example`` ; chacun a sa
  manière d'afficher la commune (« Nantes », « 44000 Nantes », « Nantes (44) »), l'âge et le
  pseudo.
- Langues (decided, not in the report) : français surtout ; anglais pour une partie des agences
  et des réseaux itinérants ; quelques phrases en espagnol, portugais ou italien.
- Ordre de la feuille (decided, not in the report) : par date de collecte, puis par site dans
  l'ordre de la liste du collecteur, puis au hasard ; ``id_annonce`` suit cet ordre ; les
  identifiants de personnes et de réseaux sont attribués dans un ordre tiré au hasard.

Coût mesuré (``/usr/bin/time -v``, machine à 2 cœurs, Python 3.11) pour 1 000 000 d'annonces,
``write_eighth_world`` avec écriture des deux CSV : 38,3 s (horloge), 1,74 Go de mémoire résidente
maximale ; 63 505 personnes, 6 267 réseaux, au plus 203 annonces pour une personne (sur 856
jours) ; 37 709 numéros distincts visibles (champ et textes) sur les 60 000 des tranches de
fiction (63 %), aucune tranche épuisée par construction (une centaine pleine passe à la suivante).
"""
from __future__ import annotations

import datetime as _dt
from pathlib import Path

import numpy as np
import pandas as pd

from diagnostic import communes as _communes

DEPARTEMENT = "44"
COLUMNS = ("id_annonce", "site", "date_collecte", "commune_declaree", "titre", "texte",
           "telephone", "pseudo", "age_declare")
TRUTH_COLUMNS = ("id_annonce", "id_personne", "id_reseau")

# 1 000 000 annonces, seed 2031, `write_eighth_world` (génération + deux CSV), /usr/bin/time -v.
MEASURED = {"elapsed_s": 38.3, "max_rss_mb": 1738, "distinct_phones": 37_709, "phone_pool": 60_000}

REPORT_ADS, REPORT_PERSONS = 699, 273
GROWTH_EXPONENT = 0.75
START = _dt.date(2019, 1, 14)
BASE_DAYS = 76

FICTION_PREFIXES = ("0199", "0261", "0353", "0465", "0536", "0639")  # + "00", "91", "01", ...
FICTION_BLOCKS = ("019900", "026191", "035301", "046571", "053649", "063998")
_BLOCK_WEIGHT = {"063998": 6.0, "026191": 2.5}  # les autres : 1


def person_count(n_ads: int) -> int:
    """Nombre de personnes du monde pour ``n_ads`` annonces (loi de croissance de la fiche)."""
    if n_ads <= 0:
        return 0
    if n_ads <= REPORT_ADS:
        return max(1, round(n_ads * REPORT_PERSONS / REPORT_ADS))
    return int(round(REPORT_PERSONS * (n_ads / REPORT_ADS) ** GROWTH_EXPONENT))


def collection_days(n_ads: int) -> int:
    if n_ads <= REPORT_ADS:
        return BASE_DAYS
    return int(round(BASE_DAYS * (n_ads / REPORT_ADS) ** (1 / 3)))


# ---------------------------------------------------------------------------------------------
# Sites. kind: escort / agence / annonces / rencontre (famille miroir) / massage / hommes.
# phone: probabilité que le champ téléphone soit affiché ; age: "ans", "nu" ou "" ; place: style
# du champ commune ; pseudo: probabilité d'afficher un pseudo.
# ---------------------------------------------------------------------------------------------
SITES = (
    # domaine, famille, phone, age, place, pseudo
    ("nuits-de-l-ouest.example", "escort", 0.90, "ans", "plain", 0.95),
    ("escortes-atlantique.example", "escort", 0.85, "nu", "dept", 1.0),
    ("annuaire-galant.example", "escort", 0.80, "ans", "cp", 0.9),
    ("velours-escorts.example", "escort", 0.75, "nu", "plain", 1.0),
    ("ladies-west.example", "escort", 0.90, "ans", "dept", 1.0),
    ("transelles.example", "escort", 0.85, "ans", "plain", 1.0),
    ("europa-elite-models.example", "agence", 0.70, "nu", "plain", 1.0),
    ("golden-tour-agency.example", "agence", 0.65, "ans", "plain", 1.0),
    ("bonplan-annonces.example", "annonces", 0.45, "", "cp", 0.6),
    ("annonces-du-coin.example", "annonces", 0.55, "", "plain", 0.5),
    ("trocouest.example", "annonces", 0.35, "", "cp", 0.3),
    ("pag-loire.example", "annonces", 0.50, "ans", "dept", 0.7),
    ("rencontres-complices.example", "rencontre", 0.0, "ans", "plain", 1.0),
    ("coeurs-ephemeres.example", "rencontre", 0.0, "ans", "plain", 1.0),
    ("sans-lendemain.example", "rencontre", 0.0, "ans", "plain", 1.0),
    ("calins-nantais.example", "rencontre", 0.0, "nu", "plain", 1.0),
    ("douce-rencontre.example", "rencontre", 0.0, "ans", "plain", 1.0),
    ("flirt-estuaire.example", "rencontre", 0.0, "ans", "plain", 1.0),
    ("un-soir-seulement.example", "rencontre", 0.0, "nu", "plain", 1.0),
    ("rdv-discrets.example", "rencontre", 0.0, "ans", "plain", 1.0),
    ("massages-harmonie.example", "massage", 0.95, "", "cp", 0.8),
    ("zen-detente-annuaire.example", "massage", 0.90, "", "plain", 0.6),
    ("mecs-entre-eux.example", "hommes", 0.40, "nu", "plain", 1.0),
    ("petits-mots-coquins.example", "annonces", 0.30, "ans", "plain", 0.9),
)
SITE_NAMES = tuple(s[0] for s in SITES)
_SITE_KIND = tuple(s[1] for s in SITES)
MIRRORS = tuple(i for i, k in enumerate(_SITE_KIND) if k == "rencontre")
_BY_KIND = {k: tuple(i for i, kk in enumerate(_SITE_KIND) if kk == k)
            for k in ("escort", "agence", "annonces", "rencontre", "massage", "hommes")}

KINDS = ("independante", "itinerant", "agence", "proxenete_local", "salon")
KIND_SHARES = (0.52, 0.20, 0.09, 0.11, 0.08)
GROUP_SIZES = {"itinerant": (3, 12), "agence": (4, 18), "proxenete_local": (1, 4), "salon": (2, 6)}
KIND_WEIGHT = {"independante": 1.0, "itinerant": 1.6, "agence": 1.4, "proxenete_local": 1.3,
               "salon": 0.9}
# familles de sites préférées (poids) par type de personne
SITE_PREF = {
    "independante": {"escort": 3, "annonces": 3, "rencontre": 3, "massage": 0.5},
    "itinerant": {"escort": 5, "annonces": 2, "rencontre": 2},
    "agence": {"agence": 5, "escort": 3},
    "proxenete_local": {"annonces": 4, "rencontre": 4, "escort": 1},
    "salon": {"massage": 6, "annonces": 2},
}

# ---------------------------------------------------------------------------------------------
# Communes : poids des lieux déclarés et manières de les écrire.
# ---------------------------------------------------------------------------------------------
_PLACE_WEIGHTS = {
    "44109": 40.0, "44184": 11.0, "44162": 5.0, "44143": 5.0, "44055": 4.0, "44114": 2.0,
    "44190": 2.0, "44026": 1.5, "44215": 1.5, "44131": 1.5, "44132": 1.2, "44069": 1.2,
    "44036": 1.5, "44003": 1.2, "44043": 1.0, "44020": 1.0, "44047": 0.8, "44172": 0.8,
    "44035": 0.8, "44015": 0.5, "44195": 0.5, "44087": 0.4, "44154": 0.8, "44129": 0.4,
    "44110": 0.3, "44103": 0.4, "44210": 0.6, "44049": 0.3, "44009": 0.5, "44194": 0.3,
    "44209": 0.3, "44052": 0.2,
}
_RURAL_WEIGHT = 0.06  # chacune des autres communes du département
_VARIANTS = {
    "44109": ("Nantes", "NANTES", "nantes", "Nante", "Nantes centre", "Nantes et environs",
              "Nantes - Île de Nantes", "Nantes Doulon", "Nantes Chantenay", "Nantes Zola",
              "Nantes gare sud", "Nantes Beaulieu", "Nantes Erdre", "Nantes Bellevue",
              "Nantes nord", "Nantes sud", "Nantes Talensac", "Nantes Commerce", "Nantes/Rezé",
              "Nantes (Malakoff)", "Nantes Hauts-Pavés", "Nantes Saint-Félix"),
    "44184": ("Saint-Nazaire", "Saint Nazaire", "St Nazaire", "St-Nazaire", "ST NAZAIRE",
              "St Naz", "Saint-Nazaire centre", "St Nazaire Penhoët", "Saint-Nazaire Méan",
              "St Marc sur Mer", "Saint Nazair", "St-Nazaire plage"),
    "44162": ("Saint-Herblain", "St Herblain", "St-Herblain Atlantis", "Saint Herblin",
              "St Herblain (Nantes ouest)"),
    "44143": ("Rezé", "Reze", "REZE", "Rezé Trentemoult", "Rezé les Nantes", "Rezé - Pont Rousseau"),
    "44055": ("La Baule", "La Baule-Escoublac", "LA BAULE", "la baule", "Baule"),
    "44114": ("Orvault", "Orvaut", "Orvault Petit Chantilly"),
    "44190": ("Saint-Sébastien-sur-Loire", "St Sébastien", "St Seb", "St-Sebastien sur Loire"),
    "44026": ("Carquefou", "Carquefoux"),
    "44215": ("Vertou", "VERTOU"),
    "44131": ("Pornic", "Pornic (côte de Jade)"),
    "44132": ("Pornichet", "Pornichet plage"),
    "44069": ("Guérande", "Guerande", "Guérande / presqu'île"),
    "44036": ("Châteaubriant", "Chateaubriant", "Chateaubriand"),
    "44003": ("Ancenis", "ANCENIS"),
    "44172": ("Sainte-Luce-sur-Loire", "Ste Luce", "Sainte Luce"),
    "44035": ("La Chapelle-sur-Erdre", "La Chapelle s/ Erdre", "Chapelle sur Erdre"),
    "44154": ("Saint-Brevin-les-Pins", "St Brevin", "Saint Brevin"),
    "44047": ("Couëron", "Coueron"),
    "44210": ("Trignac", "Trignac (St Nazaire)"),
}
_VAGUE = ("Loire-Atlantique", "44", "Nantes et environs", "Presqu'île guérandaise",
          "Pays de Retz", "Nantes métropole", "Atlantique")
_OUTSIDE = ("Angers", "Vannes", "Cholet", "La Roche-sur-Yon", "Redon", "Rennes")


def _place_table():
    names = _communes.official_names()
    cps: dict[str, list[str]] = {}
    for cp, codes in _communes.postcodes().items():
        for code in codes:
            if code.startswith(DEPARTEMENT):
                cps.setdefault(code, []).append(cp)
    codes = sorted(c for c in names if c.startswith(DEPARTEMENT) and len(c) == 5)
    weights = np.array([_PLACE_WEIGHTS.get(c, _RURAL_WEIGHT) for c in codes], dtype=float)
    return codes, weights / weights.sum(), names, {c: sorted(v) for c, v in cps.items()}


# ---------------------------------------------------------------------------------------------
# Personnes : genre, origine affichée, prénoms.
# ---------------------------------------------------------------------------------------------
GENDER_BY_KIND = {  # F, H, T
    "independante": (0.78, 0.13, 0.09),
    "itinerant": (0.80, 0.0, 0.20),
    "agence": (0.97, 0.0, 0.03),
    "proxenete_local": (0.93, 0.05, 0.02),
    "salon": (1.0, 0.0, 0.0),
}
ORIGINS = {  # groupe: (adjectifs féminins, prénoms)
    "fr": (("française", "bretonne", "nantaise", "parisienne"),
           ("Manon", "Léa", "Chloé", "Jade", "Laura", "Émilie", "Sarah", "Julie", "Océane",
            "Clara", "Mélanie", "Cindy", "Audrey", "Lola", "Inès", "Nina")),
    "latine": (("brésilienne", "colombienne", "vénézuélienne", "argentine", "cubaine",
                "latine", "dominicaine"),
               ("Camila", "Valentina", "Isabela", "Daniela", "Yasmin", "Bianca", "Luana",
                "Paola", "Natalia", "Fernanda", "Gabriela", "Sofia", "Mariana", "Thalia")),
    "est": (("ukrainienne", "russe", "roumaine", "polonaise", "bulgare", "de l'Est", "lituanienne"),
            ("Olga", "Natasha", "Irina", "Alina", "Ksenia", "Daria", "Ioana", "Andreea",
             "Milena", "Katia", "Vika", "Nadia", "Sofia", "Anastasia")),
    "asie": (("asiatique", "chinoise", "thaïlandaise", "vietnamienne", "japonaise"),
             ("Lily", "Mei", "Lin", "Yuki", "Kim", "Nana", "Jenny", "Ling", "Mai", "Lan",
              "Coco", "Amy")),
    "afrique": (("black", "ivoirienne", "camerounaise", "africaine", "métisse", "antillaise"),
                ("Aïcha", "Fatou", "Grace", "Mariama", "Precious", "Kadi", "Awa", "Joy",
                 "Naomie", "Shanice", "Maeva")),
    "med": (("méditerranéenne", "italienne", "espagnole", "libanaise", "orientale", "portugaise"),
            ("Yasmine", "Leila", "Carla", "Giulia", "Lucia", "Rania", "Nour", "Ines", "Ana",
             "Sara", "Lina", "Selma")),
}
MALE_NAMES = ("Kevin", "Romain", "Lucas", "Yanis", "Tom", "Dylan", "Hugo", "Mehdi", "Jordan",
              "Alex", "Théo", "Enzo")
ORIGIN_BY_KIND = {  # poids des groupes d'origine
    "independante": {"fr": 5, "latine": 1.5, "est": 1, "asie": 0.5, "afrique": 2, "med": 2},
    "itinerant": {"latine": 4, "est": 4, "asie": 1.5, "afrique": 0.5, "med": 1},
    "agence": {"est": 5, "latine": 2, "med": 1.5, "fr": 0.5},
    "proxenete_local": {"fr": 5, "afrique": 2, "med": 1, "est": 1},
    "salon": {"asie": 8, "fr": 0.3},
}
# Part des personnes dont l'origine est affichée (IV-A-3 : 58 %), réglée par type pour que
# parmi les origines affichées la part « française » reste proche de 20 %.
ORIGIN_SHOWN = {"independante": 0.50, "itinerant": 0.70, "agence": 0.75, "proxenete_local": 0.45,
                "salon": 0.80}

# ---------------------------------------------------------------------------------------------
# Phrases. {n} prénom, {o} origine, {a} âge, {c} ville, {d} date, {s} nom du salon.
# ---------------------------------------------------------------------------------------------
FR_OPEN = ("Bonjour messieurs, je suis {n}, {o} de {a} ans", "Coucou c'est {n} !",
           "Salut, moi c'est {n}, {a} ans", "Je m'appelle {n}, jolie {o} pleine de douceur",
           "{n}, {o} coquine et souriante", "Bonsoir, {n} {a} ans, nouvelle sur {c}",
           "Hello c'est {n} ta nouvelle voisine", "Jeune femme {o} de {a} ans vous attend",
           "Belle {o} sensuelle et pétillante", "Charmante {n}, {a} ans, toute douce")
FR_SERVICE = ("je vous propose un moment de détente et de complicité",
              "pour un agréable moment sans prise de tête",
              "massage relaxant et plus selon le feeling",
              "je serai votre parenthèse douce après le travail",
              "compagnie agréable pour vos soirées ou un simple café",
              "moments câlins en toute discrétion",
              "je suis ouverte à toute proposition respectueuse",
              "détente assurée dans la bonne humeur",
              "je vous offre un instant hors du temps")
FR_PLACE = ("je reçois dans un appartement propre et discret", "je reçois et je me déplace",
            "déplacement hôtel et domicile uniquement", "appartement climatisé, parking facile",
            "à deux pas du tram", "à 5 min de la gare", "douche à disposition",
            "reçois en privé, quartier calme")
FR_RULES = ("pas de numéro masqué", "pas de sms, appel uniquement", "sms uniquement svp",
            "hygiène et respect exigés", "rdv à prendre 30 min avant",
            "photos 100% réelles et récentes", "pas de prise de tête",
            "les appels masqués resteront sans réponse", "contact par message sur le site")
FR_DISPO = ("dispo 7j/7", "disponible de 10h à 22h", "dispo le soir uniquement",
            "disponible en journée", "dispo ce week-end", "présente en semaine")
FR_CLOSE = ("Bisous", "À très vite", "N'hésitez pas à m'appeler", "Gros bisous",
            "Je vous attends", "à bientôt bisous", "Kiss", "Au plaisir")
PASSING = ("de passage à {c} pour quelques jours seulement", "en vacances à {c} jusqu'au {d}",
           "nouvelle dans votre ville pour une semaine", "juste de passage sur {c}",
           "dernier jours à {c} !!")
THIRD = ("{n} est une jeune femme {o} de {a} ans, élégante et raffinée",
         "Elle vous reçoit dans un appartement discret", "Réservation par téléphone",
         "{n}, {a} ans, est disponible pour vous à {c}", "Une perle {o} à découvrir",
         "Elle parle français et anglais", "Disponible 24h/24")
EN = ("Hi gentlemen, I am {n}, {a} years old {o} girl", "New in {c} !!",
      "high level companion for discreet gentlemen", "first time in {c}, only a few days",
      "incall and outcall", "available 24/7", "real photos 100%", "call me, no sms",
      "Our agency presents {n}, {a} years, luxury escort", "Tour: {c} until {d}, then Rennes")
OTHER_LANG = ("hola cariño, llámame", "te espero guapo", "beijos, me liga",
              "ciao, ti aspetto", "hablo español y un poco francés")
SALON = ("Salon {s} à {c} : massages bien-être, naturiste, body-body",
         "ouvert du lundi au samedi de 10h à 20h", "équipe de masseuses {o}",
         "sur rendez-vous, parking devant le salon", "nouvelle masseuse {n} au salon",
         "cadre zen et propre", "massage 4 mains possible")
MALE = ("Jeune mec de {a} ans sur {c}", "je propose compagnie à homme gay ou bi",
        "massage entre hommes, très discret", "en échange de qui prend soin de moi",
        "je peux me déplacer", "mec sympa et discret")
TRANS = ("belle trans {o} très féminine", "transsexuelle {o} douce et raffinée",
         "trans active et passive, débutants bienvenus")
TITLES = ("{n}", "{n} {a}ans", "Belle {o} sur {c}", "Nouvelle à {c}", "Massage détente {c}",
          "douceur et complicité", "{n} de passage", "Jolie {o}", "NEW {n} 100% réelle",
          "moment agréable", "{n} ★ VIP", "petit plaisir", "{o} sexy sur {c}",
          "{n} - {c}", "Photos vérifiées {n}")
GENERIC = ("brune", "blonde", "rousse", "pétillante", "douce", "souriante", "pulpeuse", "sportive")
SALON_NAMES = ("Lotus d'Or", "Bambou Zen", "Jardin de Jade", "Orchidée", "Perle d'Asie",
               "Fleur de Lune", "Soleil Levant", "Harmonie")
TYPOS = (("appartement", "apartement"), ("discret", "discrais"), ("disponible", "disponnible"),
         ("rendez-vous", "rdv"), ("vous", "vs"), ("massage", "masage"), ("messieurs", "messieur"),
         ("N'hésitez", "Nhesitez"), ("nouvelle", "nouvel"), ("très", "tres"), ("à ", "a "),
         ("bientôt", "bientot"), ("propre", "propr"))
EMOJI = ("💋", "❤️", "🌹", "😘", "✨", "🔥", "")


def _format_phone(digits: str, style: int) -> str:
    """Une des manières dont un numéro de fiction (10 chiffres) est écrit."""
    p = [digits[i:i + 2] for i in range(0, 10, 2)]
    if style == 0:
        return " ".join(p)
    if style == 1:
        return digits
    if style == 2:
        return ".".join(p)
    if style == 3:
        return "-".join(p)
    if style == 4:
        return "+33 " + digits[1] + " " + " ".join(p[1:])
    if style == 5:
        return "+33" + digits[1:]
    if style == 6:
        return "0033 " + digits[1] + " " + " ".join(p[1:])
    if style == 7:
        return " ".join(p[:3]) + " " + digits[6:]
    if style == 8:
        return "O" + digits[1] + " " + " ".join(p[1:])
    return " ".join(p[:3]) + " / " + " ".join(p[3:])


N_PHONE_STYLES = 10


def _phone_hundreds(rng):
    """Les 600 centaines des tranches de fiction (8 premiers chiffres), l'ordre de leurs 100
    numéros (mélangé) et le poids de chaque centaine : 06 ×6, 02 ×2,5, les autres ×1."""
    hundreds = [f"{b}{h:02d}" for b in FICTION_BLOCKS for h in range(100)]
    w = np.array([_BLOCK_WEIGHT.get(h[:6], 1.0) for h in hundreds])
    inner = rng.permuted(np.tile(np.arange(100), (len(hundreds), 1)), axis=1)
    return hundreds, inner, w / w.sum()


def _pick(u: float, seq):
    return seq[int(u * len(seq))]


def eighth_world(n_ads: int, seed: int = 2031) -> tuple[pd.DataFrame, pd.DataFrame]:
    """La feuille de collecte (``COLUMNS``) et la vérité (``TRUTH_COLUMNS``), ``n_ads`` lignes."""
    n_ads = int(n_ads)
    if n_ads <= 0:
        return (pd.DataFrame({c: pd.Series([], dtype=object) for c in COLUMNS}),
                pd.DataFrame({c: pd.Series([], dtype=object) for c in TRUTH_COLUMNS}))
    rng = np.random.default_rng(seed)
    n_p = person_count(n_ads)
    days = collection_days(n_ads)
    codes, place_p, names, cps = _place_table()
    place_cum = np.cumsum(place_p)

    # --- types d'organisation et réseaux --------------------------------------------------
    kind = rng.choice(len(KINDS), size=n_p, p=KIND_SHARES)
    network = np.full(n_p, -1, dtype=np.int64)
    n_net = 0
    net_kind: list[int] = []
    for k_i, k_name in enumerate(KINDS):
        if k_name == "independante":
            continue
        members = rng.permutation(np.flatnonzero(kind == k_i))
        lo, hi = GROUP_SIZES[k_name]
        pos = 0
        while pos < len(members):
            size = int(rng.integers(lo, hi + 1))
            network[members[pos:pos + size]] = n_net
            net_kind.append(k_i)
            n_net += 1
            pos += size

    # --- attributs par personne -------------------------------------------------------------
    up = rng.random((n_p, 16))
    gender = np.empty(n_p, dtype=np.int64)
    origin_group = []
    for i in range(n_p):
        kn = KINDS[kind[i]]
        g = GENDER_BY_KIND[kn]
        gender[i] = 0 if up[i, 0] < g[0] else (1 if up[i, 0] < g[0] + g[1] else 2)
        ow = ORIGIN_BY_KIND[kn]
        keys = list(ow)
        cum = np.cumsum([ow[k] for k in keys])
        origin_group.append(keys[int(np.searchsorted(cum, up[i, 1] * cum[-1], side="right"))])
    # réseau : gabarit partagé (indice V-A-4), tirages au niveau du réseau
    un = rng.random((max(n_net, 1), 8))
    # âge vrai déclaré : moyenne ~30 ans (IV-A-2)
    base_age = np.clip(np.round(rng.gamma(3.0, 11.0 / 3.0, n_p) + 19), 19, 55).astype(int)
    base_age = np.where(np.isin(kind, [1, 2]), np.clip(base_age - 4, 19, 40), base_age)
    # activité : début et durée
    start = rng.integers(0, days, n_p)
    dur = np.where(np.isin(kind, [1]), rng.integers(3, 13, n_p),
                   np.where(kind == 2, rng.integers(4, 20, n_p),
                            rng.integers(20, max(21, days), n_p)))
    # nombre d'annonces par personne : 1 + multinomiale
    w = rng.lognormal(0.0, 0.8, n_p) * np.array([KIND_WEIGHT[KINDS[k]] for k in kind])
    w = np.minimum(w, 12 * w.mean())
    counts = 1 + rng.multinomial(n_ads - n_p, w / w.sum())

    hundreds, inner, hundred_p = _phone_hundreds(rng)
    used = np.zeros(len(hundreds), dtype=np.int64)
    n_entities = n_net + n_p
    first_hundred = rng.choice(len(hundreds), size=n_entities, p=hundred_p)
    entity = 0

    def take(k: int) -> list[str]:
        """k numéros d'une même centaine tirée au hasard (la suivante si elle est pleine)."""
        nonlocal entity
        h = int(first_hundred[entity])
        entity += 1
        for _ in range(len(hundreds)):
            if used[h] + k <= 100:
                got = [f"{hundreds[h]}{int(x):02d}" for x in inner[h, used[h]:used[h] + k]]
                used[h] += k
                return got
            h = (h + 1) % len(hundreds)
        raise RuntimeError("tranches de fiction épuisées")

    # numéros des réseaux : tous dans une même centaine (seuls les deux derniers chiffres varient)
    net_phones: list[list[str]] = []
    net_size = np.bincount(network[network >= 0], minlength=n_net) if n_net else np.array([])
    for r in range(n_net):
        kn = KINDS[net_kind[r]]
        if kn == "itinerant":
            k = max(1, int(np.ceil(net_size[r] / (2 + un[r, 0]))))
        elif kn == "agence":
            k = 1 + int(un[r, 0] < 0.4)
        elif kn == "salon":
            k = 1 + int(un[r, 0] < 0.5)
        else:  # proxénète local : un numéro pour tous, parfois un par personne
            k = int(net_size[r]) if un[r, 0] < 0.3 else 1
        net_phones.append(take(k))
    net_style_persons = un[:, 1] < 0.55      # 3e personne dans le gabarit
    net_english = un[:, 2]
    net_account = un[:, 3] < 0.45            # un même pseudo/compte pour toutes
    net_template = [rng.permutation(200)[:12].tolist() for _ in range(n_net)]
    net_typos = [rng.random(len(TYPOS)) < 0.35 for _ in range(n_net)]
    net_salon = [_pick(un[r, 4], SALON_NAMES) for r in range(n_net)]
    net_dispo24 = un[:, 5] < 0.5
    net_home = rng.choice(len(codes), size=max(n_net, 1), p=place_p)

    person_phones: list[list[str]] = []
    name = []
    pseudo_base = []
    origin_adj = []
    for i in range(n_p):
        r = network[i]
        og = origin_group[i]
        adjs, firsts = ORIGINS[og]
        if gender[i] == 1:
            name.append(_pick(up[i, 2], MALE_NAMES))
        else:
            name.append(_pick(up[i, 2], firsts))
        shown = up[i, 3] < ORIGIN_SHOWN[KINDS[kind[i]]]
        origin_adj.append(_pick(up[i, 4], adjs) if shown else "")
        nm = name[-1]
        pseudo_base.append(_pick(up[i, 5], (nm, nm.lower() + "44", nm + "_nantes",
                                             "douce." + nm.lower(), nm.upper(), nm + str(base_age[i]),
                                             "la_" + nm.lower(), nm + "Love")))
        if r >= 0:
            ph = net_phones[r]
            person_phones.append([ph[i % len(ph)]] if kind[i] == 1 else list(ph))
        else:
            if up[i, 6] < 0.82:
                person_phones.append(take(2 if up[i, 7] < 0.06 else 1))
            else:
                person_phones.append([])

    person_home = rng.choice(len(codes), size=n_p, p=place_p)
    generic = [_pick(x, GENERIC) for x in rng.random(n_p).tolist()]
    ptmpl = rng.integers(0, 200, (n_p, 12)).tolist()
    ppl_sites = []
    for i in range(n_p):
        kn = KINDS[kind[i]]
        pref = dict(SITE_PREF[kn])
        if gender[i] == 1:
            pref = {"hommes": 5, "annonces": 2, "rencontre": 1}
        if gender[i] == 2 and kn in ("independante", "itinerant"):
            pref["escort"] = pref.get("escort", 0) + 2
        fams = list(pref)
        fw = np.array([pref[f] for f in fams], float)
        n_sites = 1 + int(up[i, 8] * 4)
        chosen = []
        for j in range(n_sites):
            f = fams[min(len(fams) - 1, int(np.searchsorted(
                np.cumsum(fw / fw.sum()), (up[i, 9] * 7.3 + j * 0.37) % 1, side="right")))]
            cand = _BY_KIND[f]
            if f == "escort" and gender[i] != 2:
                cand = tuple(c for c in cand if SITE_NAMES[c] != "transelles.example")
            if f == "escort" and gender[i] == 2 and up[i, 10] < 0.6:
                cand = (SITE_NAMES.index("transelles.example"),)
            s = cand[int(((up[i, 11] + 0.618 * j) % 1) * len(cand))]
            if s not in chosen:
                chosen.append(s)
        ppl_sites.append(chosen)

    # --- annonces -------------------------------------------------------------------------
    ad_person = np.repeat(np.arange(n_p), counts)
    ua = rng.random((n_ads, 20), dtype=np.float32)
    person_rank = rng.permutation(n_p)
    net_rank = rng.permutation(max(n_net, 1))
    width_p = max(5, len(str(n_p)))
    width_r = max(4, len(str(n_net)))

    out_site, out_day, out_place, out_title, out_text = [], [], [], [], []
    out_phone, out_pseudo, out_age, out_pid, out_rid = [], [], [], [], []
    start_date = START.toordinal()
    row = 0
    CH = 20000
    chunk = None
    chunk_at = -1

    def urow(j):
        nonlocal chunk, chunk_at
        c = j // CH
        if c != chunk_at:
            chunk = ua[c * CH:(c + 1) * CH].astype(np.float64).tolist()
            chunk_at = c
        return chunk[j - c * CH]

    for i in range(n_p):
        kn = KINDS[kind[i]]
        r = int(network[i])
        nm = name[i]
        o = origin_adj[i]
        pid = f"P{person_rank[i] + 1:0{width_p}d}"
        rid = f"R{net_rank[r] + 1:0{width_r}d}" if r >= 0 else ""
        home = int(net_home[r]) if (r >= 0 and kind[i] in (3, 4)) else int(person_home[i])
        u0 = up[i]
        # « voix » de la personne (ou du réseau qui rédige pour elle)
        if r >= 0:
            tmpl = net_template[r]
            typos = net_typos[r]
            third = bool(net_style_persons[r]) and kind[i] in (1, 2)
            english = net_english[r] < (0.5 if kind[i] == 2 else 0.3 if kind[i] == 1 else 0.0)
        else:
            tmpl = ptmpl[i]
            typos = [((u0[14] * (t + 3) * 7.77) % 1) < 0.15 for t in range(len(TYPOS))]
            third = False
            english = u0[15] < 0.04
        passing_p = 0.0 if kn in ("salon", "proxenete_local") else (
            0.55 if kn == "itinerant" else 0.30 if kn == "agence" else 0.08)
        age_p = 0.15 if u0[10] < 0.25 else 0.85   # certaines ne donnent jamais l'âge
        sites = ppl_sites[i]
        phones = person_phones[i]
        remaining = int(counts[i])
        while remaining > 0:
            u = urow(row)
            s = sites[int(u[0] * len(sites))]
            copies = 1
            if s in MIRRORS:
                copies = min(remaining, 1 + int(u[1] * 8))
                mirror_sites = [MIRRORS[(MIRRORS.index(s) + 3 * k) % len(MIRRORS)]
                                for k in range(copies)]
            else:
                mirror_sites = [s]
            day = int(start[i] + u[2] * dur[i])
            if kn == "itinerant" and u[3] < 0.3:   # une seconde tournée
                day = (day + 21 + int(u[4] * 40)) % days
            day = day % days
            # commune écrite
            cu = u[5]
            ad_code = None
            if cu < 0.06:
                place_txt = ""
            elif cu < 0.13:
                place_txt = _pick(u[6], _VAGUE)
            elif cu < 0.16 and kn in ("itinerant", "agence"):
                place_txt = _pick(u[6], _OUTSIDE)
            else:
                code = home if cu < 0.78 else min(len(codes) - 1, int(np.searchsorted(
                    place_cum, u[6], side="right")))
                c = codes[code]
                ad_code = c
                place_txt = _pick(u[7], _VARIANTS.get(c, (names[c],)))
            city = place_txt if place_txt and place_txt not in ("44", "Atlantique") else "Nantes"
            age = int(base_age[i])
            if u[8] < (0.25 if r >= 0 else 0.08):
                age = max(18, age + (-1, 1, -2, 2, -3)[int(u[9] * 5)])  # pas de mineure affichée
            dstr = (START + _dt.timedelta(days=day + 3 + int(u[10] * 6))).strftime("%d/%m")
            fmt = {"n": nm, "o": o or generic[i], "a": age, "c": city,
                   "d": dstr, "s": net_salon[r] if r >= 0 else "Détente"}
            # phrases
            parts: list[str] = []
            t = tmpl
            if kn == "salon":
                parts += [SALON[k % len(SALON)] for k in t[:4]]
            elif gender[i] == 1:
                parts += [MALE[0], MALE[1 + t[0] % 5], MALE[1 + t[1] % 5]]
            elif english:
                parts += [EN[t[0] % 2 * 8], EN[2 + t[1] % 7], EN[2 + t[2] % 7], EN[2 + t[3] % 7]]
            elif third:
                parts += [THIRD[0], THIRD[1 + t[0] % 6], THIRD[1 + t[1] % 6]]
            else:
                parts.append(FR_OPEN[t[0] % len(FR_OPEN)])
                if gender[i] == 2:
                    parts.append(TRANS[t[5] % len(TRANS)])
                parts.append(FR_SERVICE[t[1] % len(FR_SERVICE)])
                if u[11] < 0.7:
                    parts.append(FR_SERVICE[t[6] % len(FR_SERVICE)])
                parts.append(FR_PLACE[t[2] % len(FR_PLACE)])
                parts.append(FR_RULES[t[3] % len(FR_RULES)])
                if u[12] < 0.6:
                    parts.append(FR_RULES[t[7] % len(FR_RULES)])
                parts.append(FR_DISPO[t[4] % len(FR_DISPO)])
            if r >= 0 and net_dispo24[r] and u[13] < 0.6:
                parts.append("disponible 24h/24" if not english else "available 24/7")
            if u[14] < passing_p:
                parts.insert(1, PASSING[int(u[15] * len(PASSING))])
            if kn == "itinerant" and u[16] < 0.12:
                parts.append(_pick(u[17], OTHER_LANG))
            # ordre variable, phrase omise
            if len(parts) > 3 and u[16] < 0.4:
                k = 1 + int(u[17] * (len(parts) - 1))
                parts = parts[:1] + parts[k:] + parts[1:k]
            if len(parts) > 3 and u[18] < 0.3:
                del parts[1 + int(u[19] * (len(parts) - 1))]
            if kn != "salon" and not english:
                parts.append(FR_CLOSE[(t[8] + int(u[3] * 2)) % len(FR_CLOSE)])
            parts = list(dict.fromkeys(parts))
            text = ". ".join(p.format(**fmt) for p in parts) + "."
            text = text.replace("  ", " ").replace(" ,", ",").replace("..", ".").replace("!.", "!")
            for on, (a_, b_) in zip(typos, TYPOS):
                if on:
                    text = text.replace(a_, b_)
            if u[19] < 0.15:
                text = text + " " + EMOJI[int(u[18] * len(EMOJI))]
            # téléphone : dans le texte, dans le champ, ou nulle part
            ph_field = ""
            if phones:
                ph = phones[0] if len(phones) == 1 else phones[int(day >= start[i] + dur[i] // 2)]
                if kind[i] in (3, 4) and len(phones) > 1:
                    ph = phones[int(u[4] * len(phones))]
                style = int(u[9] * N_PHONE_STYLES)
                if u[13] < 0.35:
                    pos = " Tel " if u[12] < 0.5 else " Appelez le "
                    text = text + pos + _format_phone(ph, style)
                field_ph = ph
            else:
                field_ph = ""
            title = _pick(u[15], [TITLES[k % len(TITLES)] for k in tmpl[9:12]] + [TITLES[int(u[2] * len(TITLES))]])
            if kn == "salon":
                title = "Salon {s} {c}" if u[1] < 0.5 else title
            if english and u[6] < 0.5:
                title = "New {n} in {c}"
            title = title.format(**fmt).replace("  ", " ").strip()
            if u[7] < 0.1:
                title = title.upper()
            for k, site in enumerate(mirror_sites):
                _, fam, p_phone, age_fmt, place_fmt, p_pseudo = SITES[site]
                uk = (u[(k * 7 + 3) % 20] + 0.379 * k) % 1
                # champ commune, selon le site
                pl = place_txt
                if pl and place_fmt != "plain" and uk < 0.8:
                    cd = ad_code
                    if cd and cd in cps:
                        cp = cps[cd][int(uk * len(cps[cd])) % len(cps[cd])]
                        pl = f"{cp} {pl}" if place_fmt == "cp" else f"{pl} ({cp[:2]})"
                    elif place_fmt == "dept" and pl not in _OUTSIDE:
                        pl = f"{pl} (44)"
                # pseudo
                if r >= 0 and net_account[r]:
                    pz = ("agence_" + net_salon[r].split(" ")[0].lower() if kind[i] == 2
                          else "Salon " + net_salon[r] if kind[i] == 4
                          else "Contact" + str(int(net_rank[r] % 90 + 10)))
                else:
                    pz = pseudo_base[i]
                if fam == "rencontre" and k > 0 and uk < 0.3:
                    pz = pz.lower()
                if ((u[(k + 11) % 20] + 0.11 * k) % 1) >= p_pseudo:
                    pz = ""
                # âge
                ag = ""
                if age_fmt and uk < age_p:
                    ag = f"{age} ans" if age_fmt == "ans" else str(age)
                txt, ttl = text, title
                if fam == "rencontre" and k > 0:
                    if uk < 0.25:
                        txt = txt[: max(40, int(len(txt) * (0.5 + uk)))].rstrip() + "…"
                    if uk > 0.85:
                        ttl = ttl[:20].rstrip()
                tel = ""
                if field_ph and ((u[(k + 5) % 20] + 0.23 * k) % 1) < p_phone:
                    tel = _format_phone(field_ph, (int(u[10] * 3) if fam != "annonces"
                                                   else int(u[10] * N_PHONE_STYLES)))
                out_site.append(site)
                out_day.append(min(day + (int(uk * 3) if k else 0), days - 1))
                out_place.append(pl)
                out_title.append(ttl)
                out_text.append(txt)
                out_phone.append(tel)
                out_pseudo.append(pz)
                out_age.append(ag)
                out_pid.append(pid)
                out_rid.append(rid)
            remaining -= copies
            row += 1

    n_out = len(out_site)
    assert n_out == n_ads, (n_out, n_ads)
    # ordre de la collecte : date, site (liste du collecteur), hasard
    order = np.lexsort((rng.random(n_out), np.array(out_site), np.array(out_day)))
    dates = np.array([_dt.date.fromordinal(start_date + d).isoformat() for d in range(days)])
    ids = [f"A{k + 1:07d}" for k in range(n_out)]
    day_arr = np.array(out_day)[order]

    def col(values):
        return np.array(values, dtype=object)[order]

    sheet = pd.DataFrame({
        "id_annonce": ids,
        "site": col([SITE_NAMES[s] for s in out_site]),
        "date_collecte": dates[day_arr].astype(object),
        "commune_declaree": col(out_place),
        "titre": col(out_title),
        "texte": col(out_text),
        "telephone": col(out_phone),
        "pseudo": col(out_pseudo),
        "age_declare": col(out_age),
    }, columns=list(COLUMNS))
    truth = pd.DataFrame({"id_annonce": ids, "id_personne": col(out_pid),
                          "id_reseau": col(out_rid)}, columns=list(TRUTH_COLUMNS))
    return sheet, truth


def write_eighth_world(n_ads: int, folder, seed: int = 2031) -> list[Path]:
    """Écrit ``folder/annonces-SYNTHETIQUE.csv`` et ``folder/verite/annonces-SYNTHETIQUE.csv``."""
    folder = Path(folder)
    sheet, truth = eighth_world(n_ads, seed)
    (folder / "verite").mkdir(parents=True, exist_ok=True)
    paths = [folder / "annonces-SYNTHETIQUE.csv", folder / "verite" / "annonces-SYNTHETIQUE.csv"]
    sheet.to_csv(paths[0], index=False, encoding="utf-8")
    truth.to_csv(paths[1], index=False, encoding="utf-8")
    return paths
