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

Numbers come from the fiction ranges only (01 99 00 … 06 39 98, 60 000 numbers), so the
persons are capped (`MAX_PERSONS`) below the point where they would run out. Up to the
cap, the world is the first sweep of a collection: the stock of ads online on one day
(2026-01-15), the same for the same (n_ads, seed) as before the cap existed. Past it, more ads are not more persons but the same persons reposting over
six months of daily sweeps (`COLLECTION_DAYS`): a few very active persons, networks
reposting their templates, each repost reworded as the first ads are, and some persons
changing number (a second fiction number; a network's member takes another one of its
block) or pseudo along the way. Those reposts are drawn in bulk (numpy), so that a
million ads take seconds and ten million fit in memory. The fiction ranges bound the
realism: at a million ads the 8 000 persons post about 120 ads each (mirror copies
included), the most active over a thousand. The truth's `id_reseau` names a network
after its first member.
"""

from __future__ import annotations

from datetime import date, timedelta
from math import ceil
from operator import itemgetter
from pathlib import Path

import numpy as np
import pandas as pd

PREFIXES = ["019900", "026191", "035301", "046571", "053649", "063998"]
# Numbers used per person drawn, measured over 60 seeds: 5.9 on average (a network, 6 % of
# the draws, takes a whole block of 100 numbers for its 3 to 8 members; an independent uses
# 1.2). At 8 000 persons, 12 556 of the 60 000 numbers are left on average (standard
# deviation 1 383, fewest 8 982); switching independents then need about
# 8 000 × 0.74 × PHONE_CHANGE ≈ 1 200 more: eight standard deviations to spare. At 9 000
# persons only 6 638 would be left (3 171 at worst), too close.
MAX_PERSONS = 8_000
FIRST_DAY = date(2026, 1, 15)
COLLECTION_DAYS = 182  # past the cap: daily sweeps over six months
PHONE_CHANGE, PSEUDO_CHANGE = 0.2, 0.15  # shares of persons who change once during them
ACTIVITY_SPREAD = 0.75  # sigma of the log-normal activity: the most active of 8 000 post ~12× the mean
KEEP_SENTENCE, PHONE_IN_TEXT, NO_PHONE_FIELD, OWN_PSEUDO, AGE_GIVEN = 0.85, 0.25, 0.1, 0.75, 0.5
SWITCHBOARD_SHARE, MIRRORED = 0.3, 0.15
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
SUFFIXES = ["", "_x", "69", " douce", "-love"]
SITES = np.array([f"site{k}.example" for k in range(24)], dtype=object)  # 0-11 the sites, 21-23 mirrors


def _commune_spellings(name: str, postcode: str) -> list[str]:
    return [name, name.upper(), f"{postcode} {name}", f"{name.lower()} centre", name.lower().replace("-", " "),
            f"{name} et alentours"]


def _commune_spelling(name: str, postcode: str, rng: np.random.Generator) -> str:
    return _commune_spellings(name, postcode)[rng.integers(6)]


def _phone_spellings(number: str) -> list[str]:
    pairs = [number[i:i + 2] for i in range(0, 10, 2)]
    return [number, " ".join(pairs), ".".join(pairs), "+33 " + number[1] + " " + " ".join(pairs[1:])]


def _phone_spelling(number: str, rng: np.random.Generator) -> str:
    return _phone_spellings(number)[rng.integers(4)]


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
            "pseudo": name + SUFFIXES[rng.integers(5)],
            "sentences": list(rng.permutation(len(BODIES))[:4]), "opening": int(rng.integers(len(OPENINGS)))}


def _persons(goal: float, max_persons: int, rng: np.random.Generator, numbers: _Numbers) -> list[dict]:
    """Persons drawn until they have `goal` ads between them, or until `max_persons`."""
    persons, k, ads = [], 0, 0
    while ads < goal and k < max_persons:
        if rng.random() < 0.06:  # a network: 3 to 8 persons, one block of numbers, one switchboard
            block = numbers.block()
            last = rng.permutation(100)
            switchboard = f"{block}{last[0]:02d}" if block else ""
            template = NETWORK_TEMPLATES[rng.integers(len(NETWORK_TEMPLATES))]
            commune = COMMUNES[rng.integers(len(COMMUNES))]
            network = f"RI{k:06d}"  # named after its first member
            for m in range(min(int(rng.integers(3, 9)), max_persons - k)):
                person = _person(k, rng, numbers) | {"id_reseau": network, "commune": commune}
                person["telephones"] = [f"{block}{last[m + 1]:02d}" if block else ""]
                person.update(network=(template, switchboard), annonces=int(rng.integers(1, 4)),
                              next_number=f"{block}{last[m + 9]:02d}" if block else "")
                persons.append(person)
                ads += person["annonces"]
                k += 1
        else:
            persons.append(_person(k, rng, numbers) | {"network": None, "annonces": int(rng.geometric(0.4))})
            ads += persons[-1]["annonces"]
            k += 1
    return persons


def _own_text(person: dict, kept) -> str:
    """Her opening, age, description and those of her four sentences that are `kept`."""
    opening = OPENINGS[person["opening"]].format(n=person["prenom"])
    body = [BODIES[i] for i, keep in zip(person["sentences"], kept) if keep]
    return f"{opening}, {person['age']} ans, {person['description']}. " + " ".join(body)


def _network_text(person: dict) -> str:
    template = person["network"][0]
    return template.format(v=person["commune"][0], n=person["prenom"], a=person["age"], d=person["description"])


def _own_ad(person: dict, rng: np.random.Generator) -> dict:
    """An ad by an independent-looking person: her sentences, reworded a little each time."""
    text = _own_text(person, [rng.random() < KEEP_SENTENCE for _ in person["sentences"]])
    phone = person["telephones"][rng.integers(len(person["telephones"]))]
    in_text = phone and rng.random() < PHONE_IN_TEXT
    if in_text:
        text += f" Appelez le {_phone_spelling(phone, rng)}."
    pseudo = (person["pseudo"] if rng.random() < OWN_PSEUDO
              else (person["prenom"].lower() if rng.random() < 0.5 else ""))
    return {"texte": text,
            "telephone": "" if in_text or rng.random() < NO_PHONE_FIELD else _phone_spelling(phone, rng),
            "pseudo": pseudo, "age_declare": str(person["age"]) if rng.random() < AGE_GIVEN else ""}


def _network_ad(person: dict, template: str, switchboard: str, rng: np.random.Generator) -> dict:
    phone = switchboard if switchboard and rng.random() < SWITCHBOARD_SHARE else person["telephones"][0]
    return {"texte": _network_text(person), "telephone": _phone_spelling(phone, rng) if phone else "",
            "pseudo": person["prenom"], "age_declare": ""}


def _first_sweep(persons: list[dict], rng: np.random.Generator) -> dict[str, np.ndarray]:
    """Every person's first ads, each with its mirror copies, one row at a time."""
    rows = []
    for person in persons:
        for _ in range(person["annonces"]):
            ad = (_network_ad(person, *person["network"], rng) if person["network"]
                  else _own_ad(person, rng))
            commune, postcode, _ = person["commune"]
            ad |= {"commune_declaree": _commune_spelling(commune, postcode, rng), "titre": "",
                   "id_personne": person["id_personne"], "id_reseau": person["id_reseau"]}
            copies = 1 + (rng.random() < MIRRORED) * int(rng.integers(1, 4))  # mirror sites: the same ad again
            for copy in range(copies):
                rows.append(ad | {"site": f"site{int(rng.integers(12)) if copy == 0 else 20 + copy}.example"})
    return {name: np.array([row[name] for row in rows], dtype=object) for name in rows[0]} | {
        "jour": np.zeros(len(rows), dtype=int)}


def _per_person(persons: list[dict], value) -> np.ndarray:
    return np.array([value(p) for p in persons], dtype=object)


def _reposts(persons: list[dict], count: int, rng: np.random.Generator,
             numbers: _Numbers) -> dict[str, np.ndarray]:
    """`count` later ads by the same persons, with their mirror copies, drawn in bulk.

    The rules are `_own_ad`'s and `_network_ad`'s, applied to arrays: each person's texts
    for the 16 ways of keeping her four sentences, each number's four spellings and each
    commune's six are written once, and every repost picks among them. Activity is
    log-normal (a network's members share theirs); a person who changes number or pseudo
    does it on a day of the collection and keeps the new one after."""
    size = len(persons)
    person_ids = _per_person(persons, itemgetter("id_personne"))
    network_ids = _per_person(persons, itemgetter("id_reseau"))
    activity = pd.Series(rng.lognormal(0.0, ACTIVITY_SPREAD, size)).groupby(
        np.where(network_ids != "", network_ids, person_ids)).transform("first").to_numpy()
    who = np.repeat(np.arange(size), rng.multinomial(count, activity / activity.sum()))
    n, day = len(who), rng.integers(1, COLLECTION_DAYS, len(who))

    def after_change(share: float) -> tuple[np.ndarray, np.ndarray]:
        """Who changes (per person) and which reposts come after her change (per repost)."""
        changes = rng.random(size) < share
        return changes, day >= np.where(changes, rng.integers(1, COLLECTION_DAYS, size), COLLECTION_DAYS)[who]

    changes, new_number = after_change(PHONE_CHANGE)
    later = [(p["next_number"] if p["network"] else numbers.one()) if change else p["telephones"][0]
             for p, change in zip(persons, changes)]
    _, new_pseudo = after_change(PSEUDO_CHANGE)
    renamed = _per_person(persons, lambda p: NAMES[rng.integers(len(NAMES))] + SUFFIXES[rng.integers(5)])
    pseudos = np.where(new_pseudo, renamed[who], _per_person(persons, itemgetter("pseudo"))[who])
    distinct = pd.Index(sorted({n for p in persons for n in p["telephones"]} | set(later)
                               | {p["network"][1] for p in persons if p["network"]}))
    spelled = np.array([_phone_spellings(n) for n in distinct], dtype=object)
    said = np.array([[f" Appelez le {s}." for s in forms] for forms in spelled], dtype=object)
    texts = np.array([[_network_text(p)] * 16 if p["network"] else
                      [_own_text(p, [code >> s & 1 for s in range(4)]) for code in range(16)] for p in persons],
                     dtype=object)

    # one repost per row of `who`, by `_own_ad`'s and `_network_ad`'s rules
    network_ad = (network_ids != "")[who]
    kept = (rng.random((n, 4)) < KEEP_SENTENCE) @ np.array([1, 2, 4, 8])
    owned = np.stack([distinct.get_indexer([p["telephones"][k] for p in persons]) for k in (0, -1)], axis=1)
    number = owned[who, rng.integers(0, np.array([len(p["telephones"]) for p in persons])[who])]
    number = np.where(new_number, distinct.get_indexer(later)[who], number)
    switchboards = distinct.get_indexer([p["network"][1] if p["network"] else "" for p in persons])
    number = np.where(network_ad & (rng.random(n) < SWITCHBOARD_SHARE), switchboards[who], number)
    style = rng.integers(4, size=n)
    in_text = ~network_ad & (rng.random(n) < PHONE_IN_TEXT)
    text = texts[who, kept]
    text[in_text] = text[in_text] + said[number[in_text], style[in_text]]
    pseudo = np.where(rng.random(n) < OWN_PSEUDO, pseudos,
                      np.where(rng.random(n) < 0.5, _per_person(persons, lambda p: p["prenom"].lower())[who], ""))
    pseudo = np.where(network_ad, _per_person(persons, itemgetter("prenom"))[who], pseudo)
    phone_field = np.where(in_text | (~network_ad & (rng.random(n) < NO_PHONE_FIELD)), "", spelled[number, style])
    age = np.where(~network_ad & (rng.random(n) < AGE_GIVEN), _per_person(persons, lambda p: str(p["age"]))[who], "")
    commune_forms = np.array([_commune_spellings(name, postcode) for name, postcode, _ in COMMUNES], dtype=object)
    commune_of = np.array([COMMUNES.index(p["commune"]) for p in persons])
    commune = commune_forms[commune_of[who], rng.integers(6, size=n)]

    copies = 1 + (rng.random(n) < MIRRORED) * rng.integers(1, 4, size=n)  # mirror sites: the same ad again
    row = np.repeat(np.arange(n), copies)
    copy = np.arange(len(row)) - np.repeat(np.cumsum(copies) - copies, copies)
    site = SITES[np.where(copy == 0, rng.integers(12, size=len(row)), 20 + copy)]
    columns = {"texte": text, "telephone": phone_field, "pseudo": pseudo, "age_declare": age,
               "commune_declaree": commune, "titre": np.full(n, "", dtype=object), "id_personne": person_ids[who],
               "id_reseau": network_ids[who], "jour": day}
    return {name: values[row] for name, values in columns.items()} | {"site": site}


def independent_world(n_ads: int, seed: int = 2026,
                      max_persons: int = MAX_PERSONS) -> tuple[pd.DataFrame, pd.DataFrame]:
    """A collection sheet of about `n_ads` ads and its truth (id_annonce, id_personne, id_reseau).

    At most `max_persons` persons (a smaller cap is for tests); past them, the same persons
    repost over `COLLECTION_DAYS` days."""
    if max_persons > MAX_PERSONS:
        raise ValueError(f"au plus {MAX_PERSONS} personnes : au-delà, les numéros fictifs viendraient à manquer")
    rng = np.random.default_rng(seed)
    numbers = _Numbers(rng)
    persons = _persons(n_ads * 0.75, max_persons, rng, numbers)  # mirrors add the rest
    columns = _first_sweep(persons, rng)
    missing = ceil(n_ads * 0.75 - sum(p["annonces"] for p in persons))
    if missing > 0:
        reposts = _reposts(persons, missing, rng, numbers)
        columns = {name: np.concatenate([values, reposts[name]]) for name, values in columns.items()}
    order = rng.permutation(len(columns["jour"]))
    order = order[np.argsort(columns["jour"][order], kind="stable")]  # numbered as collected
    day = columns.pop("jour")[order]
    table = {"id_annonce": pd.Series([f"IN{i + 1:07d}" for i in range(len(order))]), "date_collecte": pd.Series(
        np.array([(FIRST_DAY + timedelta(days=d)).isoformat() for d in range(COLLECTION_DAYS)], dtype=object)[day])}
    for name in list(columns):  # one column at a time, to hold ten million ads
        table[name] = pd.Series(columns.pop(name)[order])
    return tuple(pd.DataFrame({name: table[name] for name in names}, copy=False) for names in (
        ["id_annonce", "site", "date_collecte", "commune_declaree", "titre", "texte", "telephone", "pseudo",
         "age_declare"], ["id_annonce", "id_personne", "id_reseau"]))


def write_independent_world(n_ads: int, folder: str | Path, seed: int = 2026) -> list[Path]:
    """Write the sheet to `folder/annonces-SYNTHETIQUE.csv` and its truth to `folder/verite/`; return both paths."""
    folder = Path(folder)
    (folder / "verite").mkdir(parents=True, exist_ok=True)
    sheet, truth = independent_world(n_ads, seed)
    paths = [folder / "annonces-SYNTHETIQUE.csv", folder / "verite" / "annonces-SYNTHETIQUE.csv"]
    for frame, path in zip((sheet, truth), paths):
        frame.to_csv(path, index=False, encoding="utf-8", lineterminator="\n")
    return paths
