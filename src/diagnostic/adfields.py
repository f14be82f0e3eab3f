"""Step 7 — what an ad says about its author, read from its text before it is masked.

The linkage of step 7 compares fields, not raw strings (issue 15): the first name the ad
gives ("moi c'est Axelle", "je suis Melina"), the age it declares ("28 ans"), the height
("1m68"), the words of its physical description, the languages it speaks, the phone
numbers written inside the text, and the commune matched to its INSEE code. Names and
phones are pseudonymised here exactly like the `telephone` and `pseudo` columns
(`privacy.pseudonym`): the clear values never leave this module.
"""

from __future__ import annotations

import re

import pandas as pd
import phonenumbers

from . import communes
from .privacy import (NAME_MASK, is_first_name, literal_pattern, phone_neighbour_keys, phone_pseudonyms, pseudonym,
                      written_phones)
from .text import any_of, without_accents

_NAME = r"([A-ZÀ-Ý][a-zà-ÿ]+(?:-[A-ZÀ-Ý][a-zà-ÿ]+)?)"
# "moi c'est Axelle", "je suis Melina", "je m'appelle Sofia", "my name is Joy", "I am Kim":
# the ways ads introduce the person (section II-B quotes ads in the first person, « Je suis
# Melina… »; V-A-4 counts the third person among the indices of a network).
FIRST_NAME_PATTERNS = [
    re.compile(r"(?:moi c['’]?est|je (?:suis|m['’]appelle)|my name is|i am|i'm|call me)\s+" + _NAME, re.IGNORECASE),
    re.compile(r"pr[ée]nom\s*:\s*" + _NAME, re.IGNORECASE),   # a profile sheet's label
]
# Else a known first name followed by the age ("Lina, 22 ans", "Lina 22 ans", "Lina (22 ans)",
# "Lina, 22 years old", not "Ukrainian, 24 years old"), in the third person or signing the ad
# ("Marta est une belle blonde", "Samia ici"), presented ("l'agence vous présente Lucia",
# "découvrez Sarah", "voici Eva"); set off by a comma: "Bonsoir messieurs, Emma, française"; in
# a text written all in lower case, between punctuation marks or at the start of the title or
# the text: "hello, camila, pulpeuse".
_NAME_AND_AGE = re.compile(_NAME + r"\s*(?:[,(–-]\s*)?\d{2}\s*(?:ans|years)")
_NAME_PRESENTED = re.compile(r"\b" + _NAME + r"\s+(?:est une?\b|ici\b)")
_NAME_INTRODUCED = re.compile(r"\b(?:pr[ée]sente(?:nt)?|d[ée]couvrez|voici|meet|this is)\s+" + _NAME, re.IGNORECASE)
_NAME_AND_COMMA = re.compile(r"\b" + _NAME + r"\s*,")
_LOWER_NAME_AND_COMMA = re.compile(r"(?:^|(?<=[,.!?:;\n]))\s*([a-zà-ÿ]+(?:-[a-zà-ÿ]+)?)\s*(?=,)")
# Words that follow "je suis" with a capital letter without being a name.
NOT_NAMES = {"nouvelle", "nouveau", "belle", "douce", "disponible", "ouverte", "ouvert", "de", "une", "un", "la",
             "le", "ici", "new", "sweet", "available", "bonjour", "coucou", "hello", "dispo", "jeune", "tres", "très",
             "votre", "ta", "ton", "sur", "a", "à", "en", "pour", "trans", "escort", "massage", "masseuse"}
AGE = re.compile(r"\b(1[89]|[2-6]\d)\s*(?:ans|years|yo)\b", re.IGNORECASE)
# The height an ad declares, as ads write it: "1m68", "1 m 68", "1,68 m", "1.68m", "168 cm",
# "taille 1,68" (annex 5, 1-a: the escort sites sort the persons by their « mensurations »).
HEIGHT = re.compile(r"\b1\s?m\s?([4-9]\d)\b|\b1[,.]([4-9]\d)\s?m\b|\b(1[4-9]\d)\s?cm\b"
                    r"|(?:taille|mesure|height|gr(?:ö|oe)(?:ß|ss)e)\s*:?\s*1[,.]([4-9]\d)\b", re.IGNORECASE)
# What every height of `HEIGHT` contains: a text without it is passed over at once (a
# twentieth of the time `HEIGHT` takes to find nothing in it; most ads give no height).
_HEIGHT_DIGITS = re.compile(r"1(?:\s?m\s?[4-9]\d|[,.][4-9]\d|[4-9]\d\s?cm)", re.IGNORECASE)
# Physical description as ads word it: hair, build, height, eyes, tattoos, and the origin
# words ads use (categories the report criticises, but signs of one person all the same).
DESCRIPTION_WORDS = {
    "blonde": "blond", "blond": "blond", "brune": "brun", "brun": "brun", "rousse": "roux", "roux": "roux",
    "chatain": "chatain", "metisse": "metisse", "metis": "metisse", "grande": "grand", "grand": "grand",
    "petite": "petit", "petit": "petit", "mince": "mince", "pulpeuse": "pulpeux", "ronde": "rond",
    "sportive": "sportif", "sportif": "sportif", "tatouee": "tatoue", "tatoue": "tatoue", "tatouages": "tatoue",
    "bronzee": "bronze", "musclee": "muscle", "muscle": "muscle", "elancee": "elance",
    "yeux bleus": "yeux-bleus", "yeux verts": "yeux-verts", "yeux noirs": "yeux-noirs",
    "yeux marron": "yeux-marron", "cheveux longs": "cheveux-longs", "cheveux courts": "cheveux-courts",
    "francaise": "francais", "roumaine": "roumain", "bulgare": "bulgare", "espagnole": "espagnol",
    "bresilienne": "bresilien", "colombienne": "colombien", "venezuelienne": "venezuelien",
    "nigeriane": "nigerian", "chinoise": "chinois", "ukrainienne": "ukrainien", "latine": "latin",
    "asiatique": "asiatique", "africaine": "africain", "russe": "russe", "italienne": "italien",
    "blonde naturelle": "blond", "blonde platine": "blond", "brunette": "brun", "blondinette": "blond",
    "yeux marrons": "yeux-marron", "yeux noisette": "yeux-marron", "yeux bleu": "yeux-bleus",
    "yeux vert": "yeux-verts", "yeux noir": "yeux-noirs", "cheveux bruns": "brun", "cheveux noirs": "brun",
    "cheveux blonds": "blond", "cheveux chatains": "chatain", "menue": "petit", "athletique": "sportif",
    # origins ads give, in their feminine form (the masculine is often the language spoken)
    "argentine": "argentin", "cubaine": "cubain", "dominicaine": "dominicain", "peruvienne": "peruvien",
    "equatorienne": "equatorien", "mexicaine": "mexicain", "chilienne": "chilien", "polonaise": "polonais",
    "moldave": "moldave", "albanaise": "albanais", "hongroise": "hongrois", "tcheque": "tcheque",
    "slovaque": "slovaque", "serbe": "serbe", "lituanienne": "lituanien", "thailandaise": "thailandais",
    "vietnamienne": "vietnamien", "japonaise": "japonais", "coreenne": "coreen", "camerounaise": "camerounais",
    "ivoirienne": "ivoirien", "senegalaise": "senegalais", "congolaise": "congolais", "marocaine": "marocain",
    "algerienne": "algerien", "tunisienne": "tunisien", "portugaise": "portugais", "allemande": "allemand",
    "belge": "belge", "grecque": "grec", "turque": "turc", "antillaise": "antillais",
    # English ads (section V-A-4: ads in English are among the network indices)
    "redhead": "roux", "brown eyes": "yeux-marron", "hazel eyes": "yeux-marron",
    "blue eyes": "yeux-bleus", "green eyes": "yeux-verts", "black eyes": "yeux-noirs", "dark eyes": "yeux-noirs",
    "black hair": "brun", "dark hair": "brun", "brown hair": "brun", "light brown hair": "chatain",
    "blond hair": "blond", "red hair": "roux", "long hair": "cheveux-longs", "short hair": "cheveux-courts",
    "slim": "mince", "curvy": "pulpeux", "sporty": "sportif", "athletic": "sportif", "tall": "grand",
    "tattooed": "tatoue", "tanned": "bronze", "brazilian": "bresilien", "colombian": "colombien",
    "venezuelan": "venezuelien", "argentinian": "argentin", "cuban": "cubain", "dominican": "dominicain",
    "peruvian": "peruvien", "mexican": "mexicain", "romanian": "roumain", "bulgarian": "bulgare",
    "ukrainian": "ukrainien", "nigerian": "nigerian", "thai": "thailandais", "vietnamese": "vietnamien",
    "asian": "asiatique", "african": "africain", "latina": "latin", "polish": "polonais",
}
# A profile sheet's labels ("Yeux : verts", "Cheveux : blonde", "Eyes: brown") read as running text.
_TRAIT_LABEL = re.compile(r"\b(yeux|cheveux)\s*:\s*")
_TRAIT_LABEL_EN = re.compile(r"\b(eyes|hair)\s*:\s*([a-z]+(?: [a-z]+)?)")
# The traits of which one person has one value at a time: the colours of the eyes and of the
# hair, by which the escort sites' search engines sort the persons (annex 5, 1-a). Two ads
# giving two eye colours are two persons (`dedup.ONE_VALUE`); two hair colours only weigh
# against a link, through the description's level (a dye, a wig): the handbook's choices.
EXCLUSIVE_TRAITS = {"yeux": ("yeux-bleus", "yeux-verts", "yeux-noirs", "yeux-marron"),
                    "cheveux": ("blond", "brun", "roux", "chatain")}
# What each description word speaks of: two ads that describe different things (« brune »
# in one, « yeux verts » in the other) have nothing to compare (step 7 weighs them as an
# absent description); the origins are the words not listed here.
TRAIT_KINDS = {"cheveux": ("blond", "brun", "roux", "chatain", "cheveux-longs", "cheveux-courts"),
               "yeux": EXCLUSIVE_TRAITS["yeux"],
               "silhouette": ("grand", "petit", "mince", "pulpeux", "rond", "sportif", "muscle", "elance"),
               "peau": ("tatoue", "bronze")}
_KIND_OF = {word: kind for kind, words in TRAIT_KINDS.items() for word in words}
_DESCRIPTION = re.compile(r"\b(" + any_of(DESCRIPTION_WORDS) + r")\b")
LANGUAGE_WORDS = {"francais": "francais", "french": "francais", "anglais": "anglais", "english": "anglais",
                  "espagnol": "espagnol", "spanish": "espagnol", "italien": "italien", "italian": "italien",
                  "russe": "russe", "russian": "russe", "roumain": "roumain", "portugais": "portugais",
                  "allemand": "allemand", "german": "allemand", "arabe": "arabe", "chinois": "chinois"}
_LANGUAGES = re.compile(r"(?:parle|parlant|langues?\s*:|speak|speaks|speaking)\s+((?:[a-z]+(?:\s*(?:,|et|and|/)\s*)?){1,4})")
_LANGUAGE_CUES = ("parl", "langue", "speak")   # how every phrase of `_LANGUAGES` starts: a quick test before it
# Vague place words that ads add to a commune: "lens centre", "Arras gare", "Calais et alentours".
PLACE_NOISE = re.compile(r"\b(centre ville|centre|ville|gare|(?:et (?:ses )?)?(?:alentours|environs)|secteur|proche|"
                         r"agglomeration|agglo|nord|sud|est|ouest)\b")


def first_name(text: str) -> str:
    """The first name the ad gives for its author, as written ("" when none is found)."""
    for pattern in FIRST_NAME_PATTERNS:
        for found in pattern.finditer(text or ""):
            name = found.group(1)
            if without_accents(name).lower() not in NOT_NAMES:
                return name
    known_name_patterns = (_NAME_AND_AGE, _NAME_PRESENTED, _NAME_INTRODUCED, _NAME_AND_COMMA, _LOWER_NAME_AND_COMMA)
    return next((found.group(1) for pattern in known_name_patterns
                 for found in pattern.finditer(text or "") if is_first_name(found.group(1))), "")


def name_key(name: str) -> str:
    """The pseudonym of a first name ("PRE-…"), whatever its case and accents; "" for none."""
    return pseudonym("PRE", without_accents(name).lower()) if name else ""


def declared_age(age_field: str, text: str) -> float:
    """The age the ad declares: its `age_declare` cell ("28", "28 ans"), else "28 ans" in the text."""
    found = re.fullmatch(r"\s*(\d{2})\s*(?:ans)?\s*", str(age_field or "")) or AGE.search(text or "")
    return float(found.group(1)) if found else float("nan")


def declared_height(text: str) -> float:
    """The height the ad declares, in centimetres (`HEIGHT`: "1m68" gives 168), NaN when none."""
    found = _HEIGHT_DIGITS.search(text or "") and HEIGHT.search(text)
    if not found:
        return float("nan")
    centimetres, = filter(None, found.groups())
    return float(centimetres) + (100 if len(centimetres) == 2 else 0)


def description(text: str) -> list[str]:
    """The physical description words of the ad, normalised, sorted, without repeats."""
    lowered = _TRAIT_LABEL.sub(r"\1 ", without_accents(text or "").lower())
    lowered = _TRAIT_LABEL_EN.sub(lambda m: f"{m.group(2)} {m.group(1)}", lowered)
    return sorted({DESCRIPTION_WORDS[w] for w in _DESCRIPTION.findall(lowered)})


KINDS = (*TRAIT_KINDS, "origine")
_KIND_BIT = {kind: k for k, kind in enumerate(KINDS)}


def trait_kinds(words: list[str]) -> list[str]:
    """What an ad's description words speak of ("cheveux", "yeux", "silhouette", "peau",
    "origine"), sorted, without repeats."""
    return sorted({_KIND_OF.get(word, "origine") for word in words})


def trait_bits(words: list[str]) -> int:
    """`trait_kinds` as the bits of an integer (bit k for `KINDS[k]`): two descriptions speak
    of a common trait when their bits meet, a test of a few instructions per pair."""
    return sum(1 << _KIND_BIT[kind] for kind in trait_kinds(words))


# Every description word, in order: a description is also written as the bits of two integers.
DESCRIPTION_VOCABULARY = tuple(sorted(set(DESCRIPTION_WORDS.values())))
_WORD_BIT = {word: k for k, word in enumerate(DESCRIPTION_VOCABULARY)}


def description_bits(words: list[str]) -> tuple[int, int]:
    """An ad's description words as the bits of two 64-bit signed integers (bit k for
    `DESCRIPTION_VOCABULARY[k]`): whether two descriptions share a word, or one holds all the
    other's, is then a few instructions per pair."""
    bits = sum(1 << _WORD_BIT[word] for word in words)
    signed = lambda part: part - (1 << 64) if part >> 63 else part  # noqa: E731  (two's complement)
    return signed(bits & ((1 << 64) - 1)), signed(bits >> 64)


def compared_description(words: list[str]) -> tuple:
    """What step 7 compares of an ad's description words: their bits (`description_bits`), the
    bits of what they speak of (`trait_bits`), and the one eye and hair colour they give
    (`exclusive_trait`, one per `EXCLUSIVE_TRAITS`)."""
    return (description_bits(words), trait_bits(words), *(exclusive_trait(words, t) for t in EXCLUSIVE_TRAITS))


def exclusive_trait(words: list[str], trait: str) -> str:
    """The one value of `trait` ("yeux", "cheveux") among an ad's description words; "" when
    the ad gives none, or several: an ad that contradicts itself (a network index, section
    V-A-4: "incohérences dans la description des personnes") says nothing of one person."""
    given = set(words) & set(EXCLUSIVE_TRAITS[trait])
    return given.pop() if len(given) == 1 else ""


def languages(text: str) -> list[str]:
    """The languages the ad says its author speaks ("parle anglais et espagnol")."""
    lowered = without_accents(text or "").lower()
    if not any(cue in lowered for cue in _LANGUAGE_CUES):
        return []
    found = set()
    for group in _LANGUAGES.findall(lowered):
        found |= {LANGUAGE_WORDS[w] for w in re.findall(r"[a-z]+", group) if w in LANGUAGE_WORDS}
    return sorted(found)


def text_phones(*texts: str) -> tuple[list[str], list[str]]:
    """The phone numbers written inside texts (an ad's title and text), in every spelling the
    masking knows (`privacy.written_phones`), never the numbers themselves: their pseudonyms
    ("TEL-…") and their neighbour keys (`privacy.phone_neighbour_keys`)."""
    numbers = [number for text in texts for number in written_phones(text)]
    return (sorted({phone_pseudonyms(raw)[0] for raw in numbers} - {""}),
            sorted({key for raw in numbers for key in phone_neighbour_keys(raw).split(";") if key}))


def fields(title: str, body: str, age_field: str) -> tuple[str, str, float, float, str, str, str, str]:
    """What step 7 reads from one ad (its title and text, its `age_declare` cell): the first
    name as written (to mask it), its key, the age, the height, the description and the
    languages (words joined by spaces), the phones written in the title and the text and
    their neighbour keys (joined by ";")."""
    text = title + " \n " + body
    name = first_name(text)
    phones, neighbours = text_phones(title, body)
    return (name, name_key(name), declared_age(age_field, text), declared_height(text),
            " ".join(description(text)), " ".join(languages(text)), ";".join(phones), ";".join(neighbours))


def mask_first_name(text: str, name: str) -> str:
    """The text with the first name it gives masked like the ad's own pseudonym."""
    if not text or not name:
        return text
    return literal_pattern(name, whole_word=True).sub(NAME_MASK, text)


def commune_key(written: str) -> str:
    """A commune as an ad writes it, without the vague place words around it ("lens centre" → "lens")."""
    key = communes.normalise(written or "")
    return re.sub(r"\s+", " ", PLACE_NOISE.sub(" ", key)).strip() or key


def commune_codes(written, departement: str | None, aliases: dict[str, str] | None = None) -> list[str]:
    """The commune each ad declares, as its INSEE code when it is found in the département
    (`communes.match`), else as its normalised spelling, so that two ads of one commune
    compare equal however they write it ("lens centre", "62300 Lens", "LENS")."""
    keys = [commune_key(w) for w in written]
    if not departement:
        return keys
    matched = communes.match(pd.Series(keys, dtype=object), departement, aliases)
    return [code or key for code, key in zip(matched["code_insee"], keys)]
