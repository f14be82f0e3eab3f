"""The Internet side of the synthetic world: sites, the persons behind the ads, the ads.

Calibrated on sections I-B, II-B, III-D, IV-A and V-A-4 of the Pas-de-Calais report:
the published site inventory (39 sites, 699 ads, eleven dating sites that mirror the
same 17 ads), about 61 % duplicate ads (so about 273 persons), the towns the ads
declare, 18 % "de passage", 38 % of ads with network indices, 53 % without age, 96 %
addressed to men. Every ad knows, in the truth tables, the person it is about.
"""

from __future__ import annotations

import datetime as dt
import random
import numpy as np
import pandas as pd

from ..sampling import largest_remainder
from . import adtext
from ..text import without_accents
from .common import FICTION_PREFIXES, assign_by_quota, assign_flag, spell_phone

SITE_STEMS = {
    "escorting": ["escortes-elite", "annuaire-escort", "agence-velours", "escort-nord", "belles-rencontres-vip",
                  "escort-premium", "girls-agenda", "catalogue-charme", "escort-select", "models-luxe",
                  "compagnie-chic", "escort-guide", "tournee-europe", "top-escort-fr", "escortes-69",
                  "escort-book", "model-agence", "annonces-247", "lovely-site", "modeles-sexy"],
    "petites_annonces": ["marche-annonces", "trouve-tout", "pag-annonces", "entre-particuliers"],
    "massages": ["massages-exquis"],
    "rencontres": ["rencontre-intime", "on-se-connait", "celib-book", "rencontres-insolites", "rue-rencontre",
                   "rencontre-ephemere", "sans-lendemain", "tolere-rencontre", "calin-moi", "for-datings",
                   "pas-de-sexe", "xxl-petites", "trans-rencontres", "plan-dating"],
}
COLLECTION_START, COLLECTION_END = dt.date(2018, 9, 20), dt.date(2018, 12, 5)


def scale_counts(reference: pd.DataFrame, n_ads: int) -> list[int]:
    """Per-site counts of the reference inventory scaled to `n_ads` ads in all.

    Sites of a mirror group keep equal counts; the others share the rest in proportion.
    """
    total = int(reference["annonces"].sum())
    mirrors = reference["groupe_miroir"].fillna("").astype(str)
    counts = [0] * len(reference)
    mirror_total = 0
    for group in sorted(set(mirrors) - {""}):
        members = [i for i, g in enumerate(mirrors) if g == group]
        each = round(int(reference["annonces"].iloc[members[0]]) * n_ads / total)
        for i in members:
            counts[i] = each
        mirror_total += each * len(members)
    others = {i: int(c) for i, (c, g) in enumerate(zip(reference["annonces"], mirrors)) if not g}
    for i, c in largest_remainder(others, n_ads - mirror_total).items() if sum(others.values()) else []:
        counts[i] = c
    return counts


def _large_site_pages(ads: int) -> tuple[int, str]:
    """Pages and relevant ads on each of the first ten pages, so that mean × pages = ads (annex 5)."""
    for pages in range(2 * ads, ads - 1, -1):
        if pages and (10 * ads) % pages == 0 and 10 * ads // pages <= 30:
            relevant = 10 * ads // pages
            per_page = [relevant // 10 + (1 if k < relevant % 10 else 0) for k in range(10)]
            return pages, ";".join(str(v) for v in per_page[::-1])
    return ads, ";".join(["1"] * 10)


def synthetic_sites(reference: pd.DataFrame, n_ads: int, rng: np.random.Generator) -> pd.DataFrame:
    """The inventory of the synthetic world: the reference sites under invented `.example` names."""
    counts = scale_counts(reference, n_ads)
    used = {c: 0 for c in SITE_STEMS}
    rows = []
    for (_, site), count in zip(reference.iterrows(), counts):
        stems = SITE_STEMS[site["categorie"]]
        stem = stems[used[site["categorie"]] % len(stems)]
        suffix = used[site["categorie"]] // len(stems)
        used[site["categorie"]] += 1
        row = {"site": f"{stem}{suffix or ''}.example", "categorie": site["categorie"], "annonces": count,
               "groupe_miroir": site["groupe_miroir"] or "", "mode_comptage": "exact", "pages": "",
               "pertinentes_10_pages": ""}
        if site["categorie"] == "petites_annonces" and count >= 40:
            pages, relevant = _large_site_pages(count)
            row.update(mode_comptage="estime", pages=pages, pertinentes_10_pages=relevant)
        rows.append(row)
    # The description grid of annex 5 (part 1-b): paid options on most sites (29 of 40 in
    # Ile-de-France), a few subscriptions and paid registrations, disclaimers in many terms.
    yes_no = lambda flags: np.where(flags, "oui", "non")  # noqa: E731
    ones = np.ones(len(rows))
    for column, share in (("options_payantes", 29 / 40), ("abonnement", 4 / 40), ("inscription_payante", 3 / 40),
                          ("avertissement_cgu", 0.6)):
        for row, value in zip(rows, yes_no(assign_flag(ones, share, rng))):
            row[column] = value
    days = (COLLECTION_END - COLLECTION_START).days
    offsets = np.sort(rng.integers(0, days + 1, size=len(rows)))
    for row, offset in zip(rows, offsets):
        row["date_collecte"] = (COLLECTION_START + dt.timedelta(days=int(offset))).isoformat()
    return pd.DataFrame(rows)


def _postings(sites: pd.DataFrame) -> pd.DataFrame:
    """Distinct publications: one per ad, except a mirror group's ads, published once and shown on every member."""
    parts = []
    for group, members in sites[sites["groupe_miroir"] != ""].groupby("groupe_miroir"):
        count = int(members["annonces"].iloc[0])
        parts.append(pd.DataFrame({"miroir": [group] * count, "site": [None] * count,
                                   "affichages": np.full(count, len(members))}))
    own = sites[sites["groupe_miroir"] == ""]
    parts.append(pd.DataFrame({"miroir": "", "site": np.repeat(own["site"].to_numpy(), own["annonces"].to_numpy()),
                               "affichages": 1}))
    return pd.concat(parts, ignore_index=True)[["miroir", "site", "affichages"]]


# Persons of a world at most. The fiction ranges hold 60,000 numbers (`_phones`: past 300
# networks, half of them go to the networks); a larger world would leave most persons
# without a number. Beyond this size, more ads are more reposts of the same persons — a
# collection over months or a national corpus, where one person posts dozens of ads — as
# the handbook chooses (the report counts one département over a few days).
MAX_PERSONS = 40_000


def publication_owners(postings: pd.DataFrame, duplicate_rate: float,
                       rng: np.random.Generator) -> tuple[np.ndarray, int]:
    """Who publishes each publication: N × (1 − duplicate rate) persons behind N ads, at
    most `MAX_PERSONS`.

    Each person publishes at least once; the other publications go to persons with a
    heterogeneous propensity (a few persons repost a lot).
    """
    n_ads = int(postings["affichages"].sum())
    n_persons = max(1, min(len(postings), round(n_ads * (1 - duplicate_rate)), MAX_PERSONS))
    order = rng.permutation(len(postings))
    owner = np.empty(len(postings), dtype=np.int64)
    owner[order[:n_persons]] = np.arange(n_persons)
    propensity = rng.gamma(0.6, size=n_persons)
    owner[order[n_persons:]] = rng.choice(n_persons, size=len(postings) - n_persons, p=propensity / propensity.sum())
    return owner, n_persons


def ads_of_persons(sites: pd.DataFrame, duplicate_rate: float, rng: np.random.Generator) -> pd.DataFrame:
    """A light world for simulation studies: each ad's site and person, in collection order.

    The same publishing model as the full world (mirror sites included), without texts.
    """
    sites = sites.assign(groupe_miroir=sites["groupe_miroir"].fillna("") if "groupe_miroir" in sites else "")
    postings = _postings(sites)
    owner, _ = publication_owners(postings, duplicate_rate, rng)
    mirror_sites = {g: list(m["site"]) for g, m in sites[sites["groupe_miroir"] != ""].groupby("groupe_miroir")}
    shown_on = [mirror_sites[m] if m else [s] for m, s in zip(postings["miroir"].tolist(), postings["site"].tolist())]
    ads = pd.DataFrame({"site": [site for on in shown_on for site in on],
                        "id_personne": np.repeat(owner, [len(on) for on in shown_on])})
    ads = ads.iloc[rng.permutation(len(ads))].reset_index(drop=True)
    ads.insert(0, "id_annonce", [f"AN{k + 1:06d}" for k in range(len(ads))])
    return ads


def spell_commune(name: str, postcode: str | None, alias: str | None, rng: random.Random) -> str:
    """A commune as an ad writes it: accents dropped, "St", postcode first, short form, case."""
    style = int(rng.random() * 9)
    if style == 8 and rng.random() < 0.3:
        return adtext.typo(name, rng)  # a name mistyped: left for the user's corrections file
    if style == 0:
        return without_accents(name)
    if style == 1:
        return name.upper()
    if style == 2:
        return name.lower()
    if style == 3 and postcode:
        return f"{postcode} {name}"
    if style == 4 and alias:
        return alias
    if style == 5 and ("Saint-" in name or "Sainte-" in name):
        return name.replace("Sainte-", "Ste ").replace("Saint-", "St ")
    if style == 6:
        return without_accents(name).replace("-", " ")
    return name


def online_world(sites: pd.DataFrame, towns: pd.DataFrame, other_communes: pd.DataFrame,
                 targets: dict, rng: np.random.Generator) -> tuple[pd.DataFrame, pd.DataFrame]:
    """The persons behind the ads, and the ads (one row per ad displayed on a site).

    `towns`: columns code, nom, part, code_postal, alias (the main towns and their shares
    of ads); `other_communes`: code, nom (where the remaining ads declare to be).
    Returns (persons, ads), both with their truth columns.
    """
    postings = _postings(sites)
    owner, n_persons = publication_owners(postings, targets["duplicate_rate"], rng)
    postings["id_personne"] = owner
    weight = np.bincount(owner, weights=postings["affichages"].to_numpy(), minlength=n_persons)

    persons = pd.DataFrame({"id_personne": np.arange(n_persons), "annonces": weight.astype(int)})
    network = assign_flag(weight, targets["network_share"], rng)
    persons["reseau"] = network
    persons["de_passage"] = False
    persons["h24"] = False
    idx = np.flatnonzero(network)
    if len(idx):
        persons.loc[idx, "de_passage"] = assign_flag(weight[idx], targets["passing_share"] / targets["network_share"], rng)
        persons.loc[idx, "h24"] = assign_flag(weight[idx], 0.5, rng)
    # Networks of 2 to 6 persons among the persons whose ads carry network indices.
    network_of = np.full(n_persons, "", dtype=object)
    shuffled = rng.permutation(idx)
    sizes, placed = [], 0
    while placed < len(shuffled):
        sizes.append(int(min(rng.integers(2, 7), len(shuffled) - placed)))
        placed += sizes[-1]
    labels = np.repeat([f"R{k + 1:05d}" for k in range(len(sizes))], sizes)
    network_of[shuffled] = labels
    persons["id_reseau"] = network_of
    networks = pd.DataFrame({"id_reseau": [f"R{k + 1:05d}" for k in range(len(sizes))]})
    networks["anglais"] = rng.random(len(networks)) < 0.3
    networks["modele"] = rng.integers(0, 3, size=len(networks))
    persons = persons.merge(networks, on="id_reseau", how="left")
    persons["anglais"] = persons["anglais"].fillna(False).astype(bool)
    persons["troisieme_personne"] = persons["reseau"] & ~persons["anglais"]

    persons["sexe"] = assign_by_quota(weight, targets["sex"], rng)
    persons["age_absent"] = assign_flag(weight, targets["age_missing"], rng)
    persons["age"] = np.where(persons["age_absent"], -1,
                              np.clip(np.round(rng.normal(targets["age_mean"] - 0.5, 5.5, n_persons)), 19, 55)).astype(int)
    informed = np.flatnonzero(assign_flag(weight, targets["nationality_informed"], rng))
    french = assign_flag(weight[informed], targets["french_among_informed"], rng)
    foreign = np.array(adtext.FOREIGN_ORIGINS, dtype=object)[rng.integers(len(adtext.FOREIGN_ORIGINS), size=len(informed))]
    persons["origine"] = ""
    persons.loc[informed, "origine"] = np.where(french, "francaise", foreign)
    persons["public"] = assign_by_quota(weight, targets["audience"], rng)
    persons["recoit"] = rng.random(n_persons) < 0.7

    town_shares = dict(zip(towns["code"], towns["part"]))
    town_shares["autre"] = max(0.0, 1 - sum(town_shares.values()))
    place = assign_by_quota(weight, town_shares, rng)
    others = np.flatnonzero(place == "autre")
    if len(others) and len(other_communes):
        flat = 1 / np.sqrt(np.arange(1, len(other_communes) + 1))
        place[others] = spread_over_all(weight[others], list(other_communes["code"]), flat, rng)
    persons["commune_code"] = place
    names = dict(zip(other_communes["code"], other_communes["nom"])) | dict(zip(towns["code"], towns["nom"]))
    persons["commune"] = persons["commune_code"].map(names)

    persons["telephone"] = _phones(persons, rng)
    fast = random.Random(int(rng.integers(2**63)))  # scalar draws, one per word: Python's generator is faster
    persons["pseudo"] = _pseudos(persons, fast)
    ads = _ads(sites, postings, persons, towns, fast)
    return persons, ads


def spread_over_all(weights: np.ndarray, categories: list, shares: np.ndarray,
                    rng: np.random.Generator) -> np.ndarray:
    """Quota assignment in which every category gets at least one unit (when units suffice).

    A category left empty takes the lightest unit of the category that has the most units:
    the report counts the communes the ads declare (30 in Pas-de-Calais), so each of the
    communes chosen for the world must appear.
    """
    chosen = assign_by_quota(weights, dict(zip(categories, shares)), rng)
    for category in categories:
        if len(chosen) <= len(categories) or (chosen == category).any():
            continue
        values, counts = np.unique(chosen, return_counts=True)
        donor = values[np.argmax(counts)]
        members = np.flatnonzero(chosen == donor)
        chosen[members[np.argmin(weights[members])]] = category
    return chosen


def _phones(persons: pd.DataFrame, rng: np.random.Generator) -> np.ndarray:
    """Fiction numbers: a network shares its first eight digits; some persons have none.

    There are 60,000 fiction numbers in all (600 blocks of 100). Each network takes a
    block of its own while blocks last; past half of them (very large worlds), networks
    share the first half of the blocks, each member with its own last two digits, and
    the independents take the other half. Independent persons take one number in each
    free block before any block gives a second one: two persons share their first eight
    digits (the "neighbour numbers" index of section V-A-4) only when the world put them
    in one network, or when there are more independents than free blocks. The persons
    beyond the numbers publish without one (contact through the site), as some really do.
    """
    # The mobile block first (ads give mobile numbers), then the fixed-line blocks.
    blocks = []
    for prefix in FICTION_PREFIXES:
        hundreds = np.array([f"{prefix}{hundred:02d}" for hundred in range(100)], dtype=object)
        blocks += list(hundreds[rng.permutation(100)])
    phones = np.full(len(persons), "", dtype=object)
    network = persons["id_reseau"].to_numpy()
    members = np.flatnonzero(network != "")
    codes, first = np.unique(network[members], return_inverse=True)
    last_digits = rng.permutation(100)
    if len(codes) <= len(blocks) // 2:
        rank = pd.Series(first).groupby(first).cumcount().to_numpy()
        for k, block_index, position in zip(members, first, rank):
            phones[k] = f"{blocks[block_index]}{last_digits[position % 100]:02d}"
        free_blocks = blocks[len(codes):]
    else:
        shared = len(blocks) // 2
        block_of = first % shared
        used = pd.Series(block_of).groupby(block_of).cumcount().to_numpy()
        for k, block_index, position in zip(members, block_of, used):
            if position < 100:
                phones[k] = f"{blocks[block_index]}{last_digits[position]:02d}"
        free_blocks = blocks[shared:]
    free = [f"{block}{last:02d}" for last in rng.permutation(100) for block in free_blocks]
    independents = np.flatnonzero(network == "")
    with_phone = independents[rng.random(len(independents)) >= 0.08][:len(free)]
    phones[with_phone] = np.array(free[:len(with_phone)], dtype=object)
    return phones


PSEUDO_NUMBERS_FROM = 2_000   # persons: past this size, handles carry a number ("Lina_love2718")


def _pseudos(persons: pd.DataFrame, rng: random.Random) -> list[str]:
    """Handles as ads write them; in a large world many carry a number, as on real sites."""
    numbered = len(persons) > PSEUDO_NUMBERS_FROM
    result = []
    for sexe in persons["sexe"]:
        names = adtext.PSEUDOS_M if sexe == "homme" else adtext.PSEUDOS_F
        handle = rng.choice(names) + rng.choice(adtext.PSEUDO_SUFFIXES)
        result.append(f"{handle}{int(rng.random() * 9999) + 1}" if numbered else handle)
    return result


def _profile(person) -> adtext.Profile:
    return adtext.Profile(
        pseudo=person.pseudo, sexe=person.sexe, age=None if person.age < 0 else int(person.age),
        origine=person.origine or None, ville=person.commune, de_passage=bool(person.de_passage),
        h24=bool(person.h24), troisieme_personne=bool(person.troisieme_personne),
        anglais=bool(person.anglais), public=person.public, recoit=bool(person.recoit))


def _ads(sites: pd.DataFrame, postings: pd.DataFrame, persons: pd.DataFrame, towns: pd.DataFrame,
         rng: random.Random) -> pd.DataFrame:
    postcodes = dict(zip(towns["code"], towns["code_postal"]))
    aliases = dict(zip(towns["code"], towns["alias"]))
    dates = dict(zip(sites["site"], sites["date_collecte"]))
    mirror_sites = {g: list(m["site"]) for g, m in sites[sites["groupe_miroir"] != ""].groupby("groupe_miroir")}
    base = {}
    for person in persons.astype(object).itertuples(index=False):
        profile = _profile(person)
        if person.anglais:
            sentences = adtext.english_sentences(profile)
        elif person.troisieme_personne:
            sentences = adtext.third_person_sentences(profile, int(person.modele))
        else:
            sentences = adtext.first_person_sentences(profile, rng)
        base[person.id_personne] = (profile, sentences)

    fields = ("titre", "texte", "telephone", "pseudo", "age_declare", "commune_declaree", "id_personne",
              "id_reseau", "commune_code", "telephone_vrai", "faute_telephone")
    records = []
    person_by_id = dict(zip(persons["id_personne"].tolist(), zip(
        persons["telephone"].tolist(), persons["commune"].tolist(), persons["commune_code"].tolist(),
        persons["id_reseau"].tolist())))
    seen = set()
    draw = rng.random  # one uniform draw: int(draw() * k) picks among k, much faster than randrange
    for owner in postings["id_personne"].tolist():
        phone, commune, commune_code, network = person_by_id[owner]
        profile, sentences = base[owner]
        if owner in seen:
            sentences = adtext.paraphrase(sentences, rng)
        seen.add(owner)
        written = spell_phone(phone, int(draw() * 7)) if phone else ""
        typo = bool(phone) and draw() < 0.03
        if typo:
            digit = 6 + int(draw() * 4)  # a typo in the last four digits stays in the fiction block
            written = spell_phone(phone[:digit] + str((int(phone[digit]) + 1) % 10) + phone[digit + 1:], 0)
        text = " ".join(sentences)
        if written and draw() < 0.4:
            text += (" Call " if profile.anglais else " Appelez-moi au ") + written + "."
        pseudo = profile.pseudo if draw() > 0.1 else profile.pseudo.lower()
        age = "" if profile.age is None else (str(profile.age) if draw() < 0.5 else f"{profile.age} ans")
        records.append((adtext.title(profile, rng), text, written, pseudo, age,
                        spell_commune(commune, postcodes.get(commune_code) or None,
                                      aliases.get(commune_code) or None, rng),
                        owner, network, commune_code, phone, typo))
    published = pd.DataFrame.from_records(records, columns=fields)
    published.insert(0, "id_publication", np.arange(len(published)))
    published.insert(1, "miroir", postings["miroir"].to_numpy())
    # A publication of a mirror group is shown, word for word, on every site of the group.
    shown_on = [mirror_sites[m] if m else [s] for m, s in zip(postings["miroir"].tolist(), postings["site"].tolist())]
    ads = published.loc[np.repeat(np.arange(len(published)), [len(s) for s in shown_on])].reset_index(drop=True)
    ads.insert(0, "site", [site for sites_of in shown_on for site in sites_of])
    ads.insert(1, "date_collecte", ads["site"].map(dates))
    # Ads are listed site by site, in an order that says nothing about who wrote them.
    order = list(range(len(ads)))
    rng.shuffle(order)
    ads = ads.iloc[order]
    site_order = {s: i for i, s in enumerate(sites["site"])}
    ads = ads.assign(_ordre=ads["site"].map(site_order)).sort_values("_ordre", kind="stable").drop(columns="_ordre")
    ads.insert(0, "id_annonce", [f"AN{i + 1:06d}" for i in range(len(ads))])
    return ads.reset_index(drop=True)


SECOND_WAVE_START = dt.date(2019, 3, 11)


def second_wave(sites: pd.DataFrame, ads: pd.DataFrame, rng: np.random.Generator) -> pd.DataFrame:
    """A second collection, three months later (the report: "a snapshot at a given time").

    Three sites with ads have closed; their ads moved to two new sites; of the other ads,
    three in four are still online; the site of each ad and its text are kept.
    """
    listed = sites[(sites["annonces"] > 0) & (sites["groupe_miroir"] == "")]["site"].tolist()
    closed = set(rng.choice(listed, size=min(3, len(listed)), replace=False)) if listed else set()
    new_sites = ["nouvelles-escortes.example", "annonces-express.example"]
    kept = ads[~ads["site"].isin(closed) & (rng.random(len(ads)) < 0.75)].copy()
    moved = ads[ads["site"].isin(closed)].copy()
    moved["site"] = [new_sites[k % len(new_sites)] for k in range(len(moved))]
    wave = pd.concat([kept, moved], ignore_index=True)
    days = rng.integers(0, 21, size=len(wave))
    wave["date_collecte"] = [(SECOND_WAVE_START + dt.timedelta(days=int(d))).isoformat() for d in days]
    wave["id_annonce"] = [f"AN2-{k + 1:06d}" for k in range(len(wave))]
    return wave.reset_index(drop=True)
