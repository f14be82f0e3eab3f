"""A second, harder world of ads, written apart from `internet.py` and `adtext.py` (issue 15).

It shares no code with the first generator, so that the linkage of step 7 is judged on
ads its author did not shape: persons who change numbers, drop or change their pseudo,
write their commune in many ways ("lens centre", "62300 Lens", "LENS"); mirror sites;
networks whose members share a template (same wording, their own first name, age,
description, numbers differing in the last digits) and a switchboard number; ads with no
number, or a number only in the text.

How the two were kept apart: the model's fields, comparisons, blocking and thresholds
were set on the first world and on the hand-written cases of `tests/test_dedup.py`,
then measured once on this world (`bench/bench_liaison.py`); nothing was changed after.
Numbers come from the fiction ranges only (01 99 00 … 06 39 98, 60 000 numbers): past
them, persons publish without a number, as the report says some do.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

PREFIXES = ["019900", "026191", "035301", "046571", "053649", "063998"]
NAMES = ["Axelle", "Melina", "Soraya", "Ilona", "Kelly", "Jessica", "Manon", "Chloé", "Océane", "Laura", "Amandine",
         "Aurélie", "Célia", "Delphine", "Estelle", "Fanny", "Gaëlle", "Héloïse", "Jasmine", "Karine", "Léa", "Maeva",
         "Nadège", "Ophélie", "Priscilla", "Roxane", "Samia", "Tania", "Valérie", "Wendy", "Yasmina", "Zara",
         "Anaïs", "Bianca", "Carla", "Diana", "Erika", "Flora", "Gina", "Hanna"]
HAIR = ["blonde", "brune", "rousse", "châtain", "métisse"]
BUILD = ["petite", "grande", "mince", "pulpeuse", "sportive", "ronde"]
EYES = ["yeux bleus", "yeux verts", "yeux noirs", "yeux marron", ""]
COMMUNES = [("Lens", "62300", "62498"), ("Arras", "62000", "62041"), ("Calais", "62100", "62193"),
            ("Béthune", "62400", "62119"), ("Boulogne-sur-Mer", "62200", "62160"), ("Liévin", "62800", "62510"),
            ("Hénin-Beaumont", "62110", "62427"), ("Saint-Omer", "62500", "62765")]
OPENINGS = ["Coucou, moi c'est {n}", "Bonsoir messieurs, je m'appelle {n}", "Salut, je suis {n}", "{n} ici"]
BODIES = ["Rencontre tendre et complice, dans un cadre propre et discret.",
          "Je prends le temps, pas de précipitation, ambiance feutrée.",
          "Soirées ou après-midis, sur rendez-vous pris la veille.",
          "Hygiène irréprochable exigée, douche à disposition.",
          "Parking gratuit à proximité, accès facile.",
          "Pas de sms, appels uniquement, numéros masqués refusés.",
          "Je parle anglais et un peu d'espagnol.",
          "Photos vérifiées par le site, aucune mauvaise surprise."]
NETWORK_TEMPLATES = ["Exclusif à {v} ! {n}, {a} ans, {d}, toute nouvelle, vous accueille pour un moment inoubliable. "
                     "Discrétion garantie, appartement luxueux.",
                     "{n} ({a} ans), {d}, de passage quelques jours seulement à {v}. Réservez vite, "
                     "places limitées, accueil VIP."]


def _commune_spelling(name: str, postcode: str, rng: np.random.Generator) -> str:
    style = rng.integers(6)
    return [name, name.upper(), f"{postcode} {name}", f"{name.lower()} centre", name.lower().replace("-", " "),
            f"{name} et alentours"][style]


def _phone_spelling(number: str, rng: np.random.Generator) -> str:
    pairs = [number[i:i + 2] for i in range(0, 10, 2)]
    return [number, " ".join(pairs), ".".join(pairs), "+33 " + number[1] + " " + " ".join(pairs[1:])][rng.integers(4)]


class _Numbers:
    """Fiction numbers handed out once each, in a shuffled order; none left → ""."""

    def __init__(self, rng: np.random.Generator):
        self.blocks = [f"{p}{h:02d}" for p in PREFIXES for h in rng.permutation(100)]
        self.next_block, self.rng = 0, rng
        self.free: list[str] = []

    def block(self) -> str | None:
        if self.next_block >= len(self.blocks):
            return None
        self.next_block += 1
        return self.blocks[self.next_block - 1]

    def one(self) -> str:
        if not self.free:
            block = self.block()
            if block is None:
                return ""
            self.free = [f"{block}{k:02d}" for k in self.rng.permutation(100)]
        return self.free.pop()


def _describe(rng: np.random.Generator) -> str:
    words = [HAIR[rng.integers(len(HAIR))], BUILD[rng.integers(len(BUILD))], EYES[rng.integers(len(EYES))]]
    return ", ".join(w for w in words if w)


def _person(k: int, rng: np.random.Generator, numbers: _Numbers) -> dict:
    name = NAMES[rng.integers(len(NAMES))]
    commune = COMMUNES[min(int(rng.geometric(0.35)) - 1, len(COMMUNES) - 1)]
    return {"id_personne": f"I{k:06d}", "prenom": name, "age": int(rng.integers(19, 45)),
            "description": _describe(rng), "commune": commune, "id_reseau": "",
            "telephones": [numbers.one() for _ in range(1 + (rng.random() < 0.2))],
            "pseudo": name + ["", "_x", "69", " douce", "-love"][rng.integers(5)],
            "sentences": list(rng.permutation(len(BODIES))[:4]), "opening": int(rng.integers(len(OPENINGS)))}


def _own_ad(person: dict, rng: np.random.Generator) -> dict:
    """An ad by an independent-looking person: her sentences, reworded a little each time."""
    body = [BODIES[i] for i in person["sentences"] if rng.random() < 0.85]
    opening = OPENINGS[person["opening"]].format(n=person["prenom"])
    text = f"{opening}, {person['age']} ans, {person['description']}. " + " ".join(body)
    phone = person["telephones"][rng.integers(len(person["telephones"]))]
    in_text = phone and rng.random() < 0.25
    if in_text:
        text += f" Appelez le {_phone_spelling(phone, rng)}."
    pseudo = person["pseudo"] if rng.random() < 0.75 else (person["prenom"].lower() if rng.random() < 0.5 else "")
    return {"texte": text, "telephone": "" if in_text or rng.random() < 0.1 else _phone_spelling(phone, rng),
            "pseudo": pseudo, "age_declare": str(person["age"]) if rng.random() < 0.5 else ""}


def _network_ad(person: dict, template: str, switchboard: str, rng: np.random.Generator) -> dict:
    text = template.format(v=person["commune"][0], n=person["prenom"], a=person["age"], d=person["description"])
    phone = switchboard if switchboard and rng.random() < 0.3 else person["telephones"][0]
    return {"texte": text, "telephone": _phone_spelling(phone, rng) if phone else "", "pseudo": person["prenom"],
            "age_declare": ""}


def independent_world(n_ads: int, seed: int = 2026) -> tuple[pd.DataFrame, pd.DataFrame]:
    """A collection sheet of about `n_ads` ads and its truth (id_annonce, id_personne, id_reseau)."""
    rng = np.random.default_rng(seed)
    numbers = _Numbers(rng)
    persons, k = [], 0
    while sum(p["annonces"] for p in persons) < n_ads * 0.75:  # mirrors add the rest
        if rng.random() < 0.06:  # a network: 3 to 8 persons, one block of numbers, one switchboard
            block = numbers.block()
            last = rng.permutation(100)
            switchboard = f"{block}{last[0]:02d}" if block else ""
            template = NETWORK_TEMPLATES[rng.integers(len(NETWORK_TEMPLATES))]
            commune = COMMUNES[rng.integers(len(COMMUNES))]
            for m in range(int(rng.integers(3, 9))):
                person = _person(k, rng, numbers) | {"id_reseau": f"RI{k:06d}", "commune": commune}
                person["telephones"] = [f"{block}{last[m + 1]:02d}" if block else ""]
                person.update(network=(template, switchboard), annonces=int(rng.integers(1, 4)))
                persons.append(person)
                k += 1
        else:
            persons.append(_person(k, rng, numbers) | {"network": None, "annonces": int(rng.geometric(0.4))})
            k += 1
    rows = []
    for person in persons:
        for _ in range(person["annonces"]):
            ad = (_network_ad(person, *person["network"], rng) if person["network"]
                  else _own_ad(person, rng))
            commune, postcode, _ = person["commune"]
            ad |= {"commune_declaree": _commune_spelling(commune, postcode, rng), "titre": "",
                   "id_personne": person["id_personne"], "id_reseau": person["id_reseau"]}
            copies = 1 + (rng.random() < 0.15) * int(rng.integers(1, 4))  # mirror sites: the same ad again
            for copy in range(copies):
                rows.append(ad | {"site": f"site{int(rng.integers(12)) if copy == 0 else 20 + copy}.example"})
    table = pd.DataFrame(rows).iloc[rng.permutation(len(rows))].reset_index(drop=True)
    table.insert(0, "id_annonce", [f"IN{i + 1:07d}" for i in range(len(table))])
    table["date_collecte"] = "2026-01-15"
    sheet = table[["id_annonce", "site", "date_collecte", "commune_declaree", "titre", "texte", "telephone",
                   "pseudo", "age_declare"]]
    return sheet, table[["id_annonce", "id_personne", "id_reseau"]]
