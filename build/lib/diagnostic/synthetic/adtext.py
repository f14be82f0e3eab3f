"""French ad texts for the synthetic world, from a small template grammar.

The wording follows what the report quotes of real ads (sections II-B and V-A-4):
euphemisms ("massage", "moment", "détente", "compagnie", "discrétion"), false signs of
autonomy ("je ne réponds pas aux numéros masqués"), "de passage", "24h/24", network ads
written in the third person or in English. Nothing explicit: the handbook needs the
signs that coders look for, not the content of the ads.
"""

from __future__ import annotations

import itertools
import random
from dataclasses import dataclass

PSEUDOS_F = ["Lina", "Maya", "Jade", "Nora", "Elsa", "Iris", "Luna", "Alma", "Zoé", "Kiara", "Nina",
             "Sofia", "Mila", "Ambre", "Lola", "Kenza", "Yasmine", "Bella", "Tina", "Sarah", "Emma",
             "Clara", "Leana", "Dalia", "Rosa", "Vanessa", "Eva", "Ines", "Julia", "Paola", "Mei",
             "Lin", "Kim", "Naya", "Olga", "Daria", "Ana", "Livia", "Grace", "Joy"]
PSEUDOS_M = ["Alex", "Hugo", "Nael", "Tom", "Ryan", "Leo", "Sami", "Enzo", "Marco", "Yanis"]
PSEUDO_SUFFIXES = ["", "", "", "", " douce", "_love", " x", "-chou", " sensuelle"]

# Origin words as ads use them (categories the report criticises), feminine / masculine.
ORIGINS = {
    "francaise": ("française", "français"),
    "roumaine": ("roumaine", "roumain"), "bulgare": ("bulgare", "bulgare"),
    "espagnole": ("espagnole", "espagnol"), "bresilienne": ("brésilienne", "brésilien"),
    "colombienne": ("colombienne", "colombien"), "venezuelienne": ("vénézuélienne", "vénézuélien"),
    "nigeriane": ("nigériane", "nigérian"), "chinoise": ("chinoise", "chinois"),
    "ukrainienne": ("ukrainienne", "ukrainien"), "latine": ("latine", "latino"),
    "asiatique": ("asiatique", "asiatique"), "africaine": ("africaine", "africain"),
}
FOREIGN_ORIGINS = [k for k in ORIGINS if k != "francaise"]


@dataclass
class Profile:
    """What one person's ads say about them (the truth of the coding variables)."""

    pseudo: str
    sexe: str                 # femme | homme | trans
    age: int | None           # declared age, None when the ads give none
    origine: str | None       # key of ORIGINS, None when not said
    ville: str                # commune as the person writes it
    de_passage: bool
    h24: bool
    troisieme_personne: bool
    anglais: bool
    public: str               # hommes | femmes | hommes_femmes | hommes_couples
    recoit: bool              # incall (True) or outcall


def _adj(profile: Profile, feminine: str, masculine: str) -> str:
    return masculine if profile.sexe == "homme" else feminine


def _origin(profile: Profile) -> str:
    f, m = ORIGINS[profile.origine]
    return m if profile.sexe == "homme" else f


def _audience_sentence(profile: Profile, english: bool) -> str | None:
    if english:
        return {"hommes": "Gentlemen only.", "femmes": "For ladies.", "hommes_femmes": "Men and women welcome.",
                "hommes_couples": "Couples welcome."}[profile.public]
    return {"hommes": None, "femmes": "Uniquement pour femmes.", "hommes_femmes": "Hommes et femmes bienvenus.",
            "hommes_couples": "Couples bienvenus."}[profile.public]


_THREE_OF_EIGHT = list(itertools.combinations(range(8), 3))  # uniform choice of three of the eight phrases


def _signs(profile: Profile, passing: str, always: str, english: bool) -> list[str]:
    """The closing sentences that coders look for: "de passage", "24h/24", the audience."""
    signs = ([passing] if profile.de_passage else []) + ([always] if profile.h24 else [])
    audience = _audience_sentence(profile, english)
    return signs + ([audience] if audience else [])


def first_person_sentences(profile: Profile, rng: random.Random) -> list[str]:
    """The sentences of an independent-looking ad, in the first person."""
    intro = f"Bonjour, je suis {profile.pseudo}"
    if profile.sexe == "trans":
        intro += ", belle trans"
    if profile.age is not None:
        intro += f", {profile.age} ans"
    if profile.origine:
        intro += f", {_origin(profile)}"
    sentences = [intro + "."]
    pool = [
        "Je vous propose un moment de détente dans la discrétion.",
        "Massage relaxant, ambiance calme et douce.",
        "Complicité et bonne humeur.",
        "Discrétion, respect et hygiène de rigueur.",
        "Je ne réponds pas aux numéros masqués, pas de SMS.",
        "Mes photos sont 100% réelles et récentes.",
        f"{_adj(profile, 'Douce et discrète', 'Doux et discret')}, pour un moment de compagnie.",
        "Je suis ouverte à toute demande." if profile.sexe != "homme" else "Je suis ouvert à toute demande.",
    ]
    sentences += [pool[i] for i in _THREE_OF_EIGHT[int(rng.random() * len(_THREE_OF_EIGHT))]]
    sentences.append("Je vous reçois dans un appartement discret." if profile.recoit
                     else "Je peux me déplacer.")
    return sentences + _signs(profile, f"De passage à {profile.ville} pour quelques jours seulement.",
                              "Disponible 24h/24.", english=False)


def third_person_sentences(profile: Profile, template: int) -> list[str]:
    """A network template in the third person: the same words for several persons."""
    elle = "Il" if profile.sexe == "homme" else "Elle"
    nouvelle = _adj(profile, "nouvelle", "nouveau")
    intro = f"{profile.pseudo}"
    if profile.age is not None:
        intro += f", {profile.age} ans"
    if profile.origine:
        intro += f", {_origin(profile)}"
    variants = [
        [f"{intro}, {nouvelle} à {profile.ville}.", f"{elle} vous attend pour un moment de détente.",
         f"{elle} vous reçoit dans un appartement climatisé."],
        [f"{intro} vient d'arriver à {profile.ville}.", f"{elle} est là pour un moment de compagnie en toute discrétion.",
         "Hygiène et discrétion assurées."],
        [f"Nouvelle arrivée : {intro}.", f"{elle} propose des massages et un moment agréable.",
         "Appartement privé et discret."],
    ]
    return variants[template % len(variants)] + _signs(
        profile, f"De passage à {profile.ville} pour une semaine seulement.", f"{elle} est disponible 24h/24.",
        english=False)


def english_sentences(profile: Profile) -> list[str]:
    """A network template in English."""
    intro = f"New in {profile.ville}! {profile.pseudo}"
    if profile.age is not None:
        intro += f", {profile.age} years old"
    return [intro + ".", "Sweet and discreet company.", "Private apartment, relaxing massage."] + _signs(
        profile, "Only a few days in town.", "Available 24/7.", english=True)


def title(profile: Profile, rng: random.Random) -> str:
    if profile.anglais:
        return f"{profile.pseudo} new in town"
    choices = [
        f"{profile.pseudo}, moment de détente à {profile.ville}",
        f"{_adj(profile, 'Nouvelle', 'Nouveau')} sur {profile.ville} : {profile.pseudo}",
        f"Massage et détente avec {profile.pseudo}",
        f"Compagnie agréable à {profile.ville}",
    ]
    if profile.origine:
        choices.append(f"{profile.pseudo} {_origin(profile)}, {_adj(profile, 'douce et discrète', 'doux et discret')}")
    return choices[int(rng.random() * len(choices))]


_SYNONYMS = [("détente", "relaxation"), ("discrétion", "toute discrétion"), ("moment", "instant"),
             ("appartement", "appart"), ("Bonjour", "Coucou"), ("agréable", "agreable")]


def paraphrase(sentences: list[str], rng: random.Random) -> list[str]:
    """A repost by the same person: one sentence dropped or moved, a word changed, maybe a typo."""
    body = list(sentences)
    if len(body) > 3 and rng.random() < 0.5:
        body.pop(1 + int(rng.random() * (len(body) - 2)))
    if len(body) > 3 and rng.random() < 0.5:
        i = 1 + int(rng.random() * (len(body) - 1))
        j = 1 + int(rng.random() * (len(body) - 2))
        j += j >= i  # two distinct positions after the first sentence
        body[i], body[j] = body[j], body[i]
    word, other = _SYNONYMS[int(rng.random() * len(_SYNONYMS))]
    body = [s.replace(word, other, 1) for s in body]
    if rng.random() < 0.3:
        body = [typo(s, rng) if k == 1 else s for k, s in enumerate(body)]
    return body


def typo(text: str, rng: random.Random) -> str:
    """Swap two neighbouring letters of one word, as fast typing does."""
    start = int(rng.random() * max(1, len(text) - 1))
    for i in itertools.chain(range(start, len(text) - 1), range(0, start)):
        if text[i].isalpha() and text[i + 1].isalpha():
            return text[:i] + text[i + 1] + text[i] + text[i + 2:]
    return text
