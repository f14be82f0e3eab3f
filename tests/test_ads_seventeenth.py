"""Tests of the seventeenth synthetic world (Paris, département 75; synthetic data only)."""

from __future__ import annotations

import os
import re
import subprocess
import sys
import time
from collections import defaultdict
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from diagnostic.synthetic import ads_seventeenth as w17

REFERENCE = Path(__file__).resolve().parents[1] / "src" / "diagnostic" / "reference"
FICTION = ("063998", "019900", "053649", "046571", "035301", "026191")
WORDS = {"un": "1", "deux": "2", "trois": "3", "quatre": "4", "cinq": "5", "six": "6"}


# ---------------------------------------------------------------------------------------------
# helpers
# ---------------------------------------------------------------------------------------------
@pytest.fixture(scope="module")
def world_5k():
    sheet, truth = w17.seventeenth_world(5000, seed=11)
    return sheet.join(truth.set_index("id_annonce"), on="id_annonce")


@pytest.fixture(scope="module")
def world_699():
    sheet, truth = w17.seventeenth_world(699)
    return sheet, truth


def normalise(raw: str) -> str:
    """Digits of one French number however it is written ('' if it is not one)."""
    t = raw.strip()
    t = re.sub(r"^z[ée]ro\s+(un|deux|trois|quatre|cinq|six)", lambda m: "0" + WORDS[m.group(1)], t)
    t = re.sub(r"^O(?=\d)", "0", t)
    t = t.replace("(0)", "")
    d = re.sub(r"\D", "", t)
    if d.startswith("0033"):
        d = "0" + d[4:]
    elif d.startswith("33") and t.startswith("+"):
        d = "0" + d[2:]
    return d


PHONE_IN_TEXT = re.compile(
    r"(?<![\w+])(?:z[ée]ro\s+(?:un|deux|trois|quatre|cinq|six)|\+33(?: ?\(0\))?|0033|O(?=\d)|0)"
    r"(?:[ .\-/]?\d){8,11}(?!\d)")


def numbers_in_text(text: str) -> list[str]:
    return [normalise(m.group(0)) for m in PHONE_IN_TEXT.finditer(text)]


def all_numbers(row) -> list[str]:
    out = numbers_in_text(row.texte)
    if row.telephone:
        out.append(normalise(row.telephone))
    return out


ARR_NAMES = {n: v for n, v in w17._ARR.items()}
ROMAN = {r: i for i, r in enumerate(w17._ROMAN) if r}
SUBURB_NAMES = {}
for i, (name, cp, variants, _m, _a) in enumerate(w17.SUBURBS):
    for v in (name,) + tuple(variants):
        SUBURB_NAMES[w17._plain(v).lower().replace("-", " ")] = i


def place_key(place: str):
    """('a', n) for an arrondissement, ('s', i) for a suburb, ('p',) for Paris, None if unsure."""
    p = w17._plain(place).lower().replace("-", " ")
    m = re.search(r"\b(75|92|93|94)(\d{3})\b", p)
    if m:
        if m.group(1) == "75":
            n = int(m.group(2)) % 100
            return ("a", n)
        for i, s in enumerate(w17.SUBURBS):
            if s[1] == m.group(0):
                return ("s", i)
    for name, i in sorted(SUBURB_NAMES.items(), key=lambda kv: -len(kv[0])):
        if name in p:
            return ("s", i)
    m = re.search(r"\b(\d{1,2})\s*(?:er|e|eme|ieme|è|ème)?\b(?!\s*\))", p)
    departement_only = re.fullmatch(r"(paris )?\(?75\)?|75 paris", p.strip())
    if m and 1 <= int(m.group(1)) <= 20 and not departement_only:
        return ("a", int(m.group(1)))
    m = re.search(r"\b([xvi]+)(?:e|eme|ème)\b", p)
    if m and m.group(1).upper() in ROMAN:
        return ("a", ROMAN[m.group(1).upper()])
    if p.strip() in ("paris", "paris (75)", "paris 75", "75 paris", "paris, ile de france"):
        return ("p",)
    return None


# ---------------------------------------------------------------------------------------------
# interface and shape
# ---------------------------------------------------------------------------------------------
def test_interface_and_columns(world_699):
    sheet, truth = world_699
    assert w17.DEPARTEMENT == "75"
    assert list(sheet.columns) == ["id_annonce", "site", "date_collecte", "commune_declaree",
                                   "titre", "texte", "telephone", "pseudo", "age_declare"]
    assert list(truth.columns) == ["id_annonce", "id_personne", "id_reseau"]
    assert len(sheet) == len(truth) == 699
    for frame in (sheet, truth):
        assert not frame.isna().any().any()
        for col in frame.columns:
            assert all(isinstance(x, str) for x in frame[col])
    assert sheet.id_annonce.is_unique
    assert (sheet.id_annonce.values == truth.id_annonce.values).all()
    assert sheet.date_collecte.str.fullmatch(r"\d{4}-\d{2}-\d{2}").all()
    dates = pd.to_datetime(sheet.date_collecte)
    assert dates.min() >= pd.Timestamp("2016-12-27")
    assert dates.max() < pd.Timestamp("2016-12-27") + pd.Timedelta(days=w17.collection_days(699))
    assert sheet.commune_declaree.ne("").all()
    assert sheet.titre.ne("").all() and sheet.texte.ne("").all()
    assert sheet.age_declare.str.fullmatch(r"(\d{2}( ?ans)?)?").all()
    ages = pd.to_numeric(sheet.age_declare.str.extract(r"(\d+)")[0]).dropna()
    assert ages.min() >= 18 and ages.max() <= 60
    assert truth.id_reseau.eq("").any() and truth.id_reseau.ne("").any()


def test_small_and_invalid_sizes():
    sheet, truth = w17.seventeenth_world(0)
    assert len(sheet) == 0 and list(sheet.columns)[0] == "id_annonce"
    assert len(truth) == 0 and list(truth.columns) == ["id_annonce", "id_personne", "id_reseau"]
    for n in (1, 2, 7, 50):
        sheet, truth = w17.seventeenth_world(n)
        assert len(sheet) == len(truth) == n
    with pytest.raises(ValueError):
        w17.seventeenth_world(-1)


def test_determinism_and_files(tmp_path):
    a = w17.seventeenth_world(1500, seed=5)
    b = w17.seventeenth_world(1500, seed=5)
    c = w17.seventeenth_world(1500, seed=6)
    pd.testing.assert_frame_equal(a[0], b[0])
    pd.testing.assert_frame_equal(a[1], b[1])
    assert not a[0].texte.equals(c[0].texte)
    w17.write_seventeenth_world(1200, tmp_path / "one")
    w17.write_seventeenth_world(1200, tmp_path / "two")
    for rel in ("annonces-SYNTHETIQUE.csv", "verite/annonces-SYNTHETIQUE.csv"):
        one = (tmp_path / "one" / rel).read_bytes()
        assert one == (tmp_path / "two" / rel).read_bytes()
        one.decode("utf-8")
    back = pd.read_csv(tmp_path / "one" / "annonces-SYNTHETIQUE.csv", dtype=str,
                       keep_default_na=False)
    sheet, truth = w17.seventeenth_world(1200)
    assert list(back.columns) == list(sheet.columns)
    assert (back.texte.values == sheet.texte.values).all()
    back_truth = pd.read_csv(tmp_path / "one" / "verite" / "annonces-SYNTHETIQUE.csv", dtype=str,
                             keep_default_na=False)
    assert (back_truth.id_personne.values == truth.id_personne.values).all()


def test_files_identical_across_processes(tmp_path):
    code = ("import sys; from diagnostic.synthetic import ads_seventeenth as w; "
            "w.write_seventeenth_world(800, sys.argv[1])")
    src_dir = str(Path(w17.__file__).resolve().parents[2])
    for h in ("1", "2"):
        env = dict(os.environ, PYTHONHASHSEED=h, PYTHONPATH=src_dir)
        subprocess.run([sys.executable, "-c", code, str(tmp_path / h)], check=True, env=env)
    for rel in ("annonces-SYNTHETIQUE.csv", "verite/annonces-SYNTHETIQUE.csv"):
        assert (tmp_path / "1" / rel).read_bytes() == (tmp_path / "2" / rel).read_bytes()


# ---------------------------------------------------------------------------------------------
# scale (report II-B) -- 1M properties tested on the functions, not by generating 1M ads
# ---------------------------------------------------------------------------------------------
def test_reference_figures(world_699):
    sheet, truth = world_699
    assert truth.id_personne.nunique() == 273
    assert abs(1 - 273 / 699 - 0.61) < 0.01
    per_person = truth.groupby("id_personne").size()
    assert (per_person == 1).mean() > 0.2  # some persons with one ad only
    assert per_person.max() >= 5


def test_persons_grow_sublinearly():
    assert w17.persons_for_ads(699) == 273
    sizes = [1, 10, 100, 699, 1000, 10_000, 100_000, 1_000_000, 10_000_000]
    persons = [w17.persons_for_ads(n) for n in sizes]
    assert all(p <= n for p, n in zip(persons, sizes))
    assert persons == sorted(persons)
    ratios = [n / p for p, n in zip(persons, sizes) if n >= 699]
    assert ratios == sorted(ratios) and ratios[-1] > 50  # more ads per person over time
    assert 5_000 < w17.persons_for_ads(1_000_000) < 30_000
    days = [w17.collection_days(n) for n in sizes]
    assert days == sorted(days) and days[3] == 49 and days[-1] > days[3]


def test_population_at_one_million_is_cheap_and_numbers_are_not_exhausted():
    start = time.perf_counter()
    persons, nets, days, book, _s, _r = w17._population(1_000_000, w17.DEFAULT_SEED)
    assert time.perf_counter() - start < 10
    assert sum(p.n_ads for p in persons) == 1_000_000
    assert min(p.n_ads for p in persons) >= 1
    assert len(persons) == w17.persons_for_ads(1_000_000)
    assert book.n_used < 0.5 * 60_000
    owner = {}
    for p in persons:
        for num in p.phones:
            assert num[:6] in FICTION and len(num) == 10
            net = p.net if p.net >= 0 else None
            key = ("n", net) if net is not None else ("p", p.idx)
            assert owner.setdefault(num, key) == key  # never shared outside one network
    # gender shares of the persons in the ads (report IV-A: 84 % / 7 % / 9 %)
    g = pd.Series([p.gender for p in persons]).value_counts(normalize=True)
    assert 0.80 < g["f"] < 0.88 and 0.05 < g["m"] < 0.10 and 0.06 < g["t"] < 0.12
    net_share = np.mean([p.net >= 0 for p in persons])
    assert 0.2 < net_share < 0.32
    # a much longer collection still fits in the fiction ranges
    persons, _n, _d, book, _s, _r = w17._population(10_000_000, w17.DEFAULT_SEED)
    assert book.n_used < 60_000


# ---------------------------------------------------------------------------------------------
# fiction only
# ---------------------------------------------------------------------------------------------
def test_only_fiction_numbers_and_example_sites(world_5k):
    df = world_5k
    assert df.site.str.endswith(".example").all()
    assert df.site.nunique() >= 15
    for col in ("titre", "texte", "pseudo", "commune_declaree"):
        assert not df[col].str.contains(r"www\.|https?://|\.(?:com|fr|net|org)\b").any()
    found = 0
    for row in df.itertuples():
        for num in all_numbers(row):
            assert len(num) == 10 and num[:6] in FICTION, (row.telephone, row.texte)
            found += 1
    assert found > len(df) * 0.6
    # nothing else in the texts that looks like a phone number
    stray = df.texte.str.replace(PHONE_IN_TEXT, "", regex=True).str.contains(r"\d{6,}")
    assert not stray.any()


# ---------------------------------------------------------------------------------------------
# places of Paris
# ---------------------------------------------------------------------------------------------
def test_suburbs_match_reference_tables():
    communes = pd.read_csv(REFERENCE / "communes.csv", dtype=str, keep_default_na=False)
    postcodes = pd.read_csv(REFERENCE / "codes_postaux.csv", dtype=str, keep_default_na=False)
    arr = pd.read_csv(REFERENCE / "arrondissements_municipaux.csv", dtype=str,
                      keep_default_na=False)
    assert sorted(arr[arr.commune == "75056"].code) == [f"751{n:02d}" for n in range(1, 21)]
    for n in range(1, 21):
        assert f"750{n:02d}" in set(postcodes.code_postal)
    for name, cp, _variants, _metro, near in w17.SUBURBS:
        codes = set(postcodes.loc[postcodes.code_postal == cp, "code_insee"])
        rows = communes[communes.code.isin(codes)]
        assert name in set(rows.nom), (name, cp)
        assert set(rows.departement) <= {"92", "93", "94"}
        assert 1 <= near <= 20


def test_place_written_in_many_ways(world_5k):
    places = world_5k.commune_declaree
    patterns = {
        "plain": r"^Paris$",
        "number": r"^Paris ?\d{1,2}$",
        "ordinal": r"^Paris \d{1,2}(?:e|ème|eme|er)$",
        "postcode": r"^750\d\d$",
        "arrondissement": r"(?:ème|e|er) arrondissement",
        "roman": r"Paris [XVI]+e",
        "metro": r"(?:Métro|M°|metro) ",
        "suburb": r"Boulogne|Vincennes|Saint-Ouen|Montreuil|Levallois|Neuilly|Issy|Ivry|Clichy"
                  r"|Pantin|Saint-Mandé|Charenton|Montrouge|Malakoff|Kremlin",
        "suburb postcode": r"^9[234]\d{3}",
    }
    for label, pat in patterns.items():
        assert places.str.contains(pat, case=False).any(), label
    quartiers = {q for v in w17._ARR.values() for q in v[1]}
    assert places.isin(quartiers).any()
    keys = places.map(place_key)
    assert keys.notna().mean() > 0.8
    suburb_share = keys.map(lambda k: k is not None and k[0] == "s").mean()
    assert 0.01 < suburb_share < 0.2


# ---------------------------------------------------------------------------------------------
# hard cases of a linkage (report V-A-4 and the brief)
# ---------------------------------------------------------------------------------------------
def test_phones_change_are_absent_or_in_text_only(world_5k):
    df = world_5k
    field = df[df.telephone != ""].assign(num=lambda d: d.telephone.map(normalise))
    indep = field[field.id_reseau == ""]
    changed = indep.groupby("id_personne").num.nunique()
    multi = df[df.id_reseau == ""].groupby("id_personne").size()
    share_changed = (changed >= 2).sum() / (multi >= 2).sum()
    assert 0.05 < share_changed < 0.4
    nums = df.apply(lambda r: tuple(all_numbers(r)), axis=1)
    no_number_person = nums.map(len).eq(0).groupby(df.id_personne).all()
    assert 0.04 < no_number_person.mean() < 0.25
    text_only = (df.telephone == "") & nums.map(len).gt(0)
    assert 0.1 < text_only.mean() < 0.45
    assert df.texte.str.contains("messagerie du site|message privé|message ici|par message").any()
    # numbers in text written in several ways, including obfuscated ones
    texts = df.texte
    assert texts.str.contains(r"\b0\d(?: \d\d){4}\b").any()
    assert texts.str.contains(r"\b0\d(?:\.\d\d){4}\b").any()
    assert texts.str.contains(r"\b0\d{9}\b").any()
    assert texts.str.contains(r"\bO\d \d\d").any()
    assert texts.str.contains(r"z[ée]ro (?:six|un)").any()
    assert texts.str.contains(r"\+33").any()
    fields = df.telephone[df.telephone != ""]
    assert fields.str.contains(r"^\+33").any() and fields.str.contains(r"^\d{10}$").any()
    assert fields.str.contains(r"^0\d(?: \d\d){4}$").any()
    assert df.texte.str.contains(r"[Nn]ouveau num[ée]ro|NOUVEAU NUM").any()
    # a reposted text that still gives the old number while the field gives the new one
    both = df[(df.telephone != "") & (df.id_reseau == "")]
    stale = both.apply(lambda r: bool(numbers_in_text(r.texte))
                       and normalise(r.telephone) not in numbers_in_text(r.texte), axis=1)
    assert stale.sum() >= 3


def test_pseudos_and_names(world_5k):
    df = world_5k
    first_names = {n for pool in w17._NAMES_F.values() for n in pool} | \
        {n for pool in w17._NAMES_M.values() for n in pool}
    first_names |= {w17._plain(n) for n in first_names}
    pseudo_is_name = df.pseudo.isin(first_names)
    assert 0.2 < pseudo_is_name.mean() < 0.7
    assert 0.05 < (df.pseudo == "").mean() < 0.4
    distinct = df[df.pseudo != ""].groupby("id_personne").pseudo.nunique()
    assert (distinct >= 2).mean() > 0.1  # pseudos change across sites or over time
    # first name given in the text for some persons, never for others
    def gives_name(group):
        names = set(group.pseudo) & first_names
        return any(n in t for n in names for t in group.texte) if names else None
    by_person = df[df.id_reseau == ""].groupby("id_personne")[["pseudo", "texte"]].apply(gives_name)
    by_person = by_person.dropna()
    assert 0.3 < by_person.astype(bool).mean() < 0.98
    # a second working name: two different first names as pseudos of one person
    two_names = df[pseudo_is_name & (df.id_reseau == "")].groupby("id_personne").pseudo.apply(
        lambda s: len({w17._plain(x).lower() for x in s}) >= 2)
    assert two_names.any()


def test_ages_and_descriptions_vary(world_5k):
    df = world_5k
    ages = df.age_declare.str.extract(r"(\d+)")[0]
    with_age = df.assign(age=ages).dropna(subset=["age"])
    spread = with_age.groupby("id_personne").age.nunique()
    assert (spread >= 2).sum() >= 10
    assert 0.1 < (spread >= 2).mean() < 0.6
    assert df.age_declare.str.fullmatch(r"\d+ ans").any()
    assert df.age_declare.str.fullmatch(r"\d+").any()
    assert 0.4 < (df.age_declare == "").mean() < 0.65  # report IV-A-2: 53 % without age
    mean_age = pd.to_numeric(ages).mean()
    assert 26 < mean_age < 33  # report: mean declared age about 30
    for pat in (r"\b1m\d\d\b", r"\b1,\d\d m\b", r"\b1\d\d cm\b", r"\b\d\d ?kg\b",
                r"\b(?:85|90|95|100)[A-F]\b", r"bonnet [A-F]", r"Cheveux : ",
                r"yeux (?:verts|bleus|marron)",
                r"brune|blonde|rousse|châtain", r"Origine : "):
        assert df.texte.str.contains(pat).any(), pat
    weights = df.texte.str.extract(r"Poids : (\d+)")[0]
    moved = df.assign(w=weights).dropna(subset=["w"]).groupby("id_personne").w.nunique()
    assert (moved >= 2).any()


def test_persons_move_and_tour(world_5k):
    df = world_5k.assign(key=world_5k.commune_declaree.map(place_key))
    located = df[df.key.map(lambda k: k is not None and k[0] in "as")]
    n_places = located.groupby("id_personne").key.agg(["size", "nunique"])
    n_places = n_places[n_places["size"] >= 3]["nunique"]
    assert 0.1 < (n_places >= 2).mean() < 0.6
    moved_out = located.groupby("id_personne").key.apply(
        lambda s: {k[0] for k in s} == {"a", "s"})
    assert moved_out.any()
    passage = df.texte.str.contains(
        r"[Dd]e passage|quelques jours|few days|[Nn]ouvelle à Paris|Only a few days|In Paris from"
        r"|in Paris from|De retour|vacances", regex=True)
    assert 0.08 < passage.mean() < 0.35  # report II-D: 18 % "de passage"
    assert df.texte.str.contains(r"du \d{1,2} (?:\w+ )?au \d{1,2} \w+").any()


def test_mirror_sites_and_republisher(world_5k):
    df = world_5k
    mirror = df[df.site.isin(w17._MIRROR_DOMAINS)]
    assert 0.08 < len(mirror) / len(df) < 0.35
    copies = mirror.groupby(["id_personne", "titre", "texte"]).site.nunique()
    assert (copies >= 5).sum() >= 10
    # one posting, same content, found on several mirror sites
    assert copies.max() == len(w17._MIRROR_DOMAINS)
    assert (df.site == "escort-relais.example").any()


def test_network_indices(world_5k):
    df = world_5k
    net = df[df.id_reseau != ""]
    assert 0.25 < len(net) / len(df) < 0.5  # report V-A-4: 38 % of ads with network indices
    f = net[net.telephone != ""].assign(num=lambda d: d.telephone.map(normalise))
    # one switchboard number for several persons of one network
    shared = f.groupby(["id_reseau", "num"]).id_personne.nunique()
    assert (shared >= 2).sum() >= 3
    # numbers that differ only by their last two digits
    f8 = f.assign(head=f.num.str[:8]).groupby(["id_reseau", "head"])
    seq = f8.apply(lambda g: g.id_personne.nunique() >= 2 and g.num.nunique() >= 2,
                   include_groups=False)
    assert seq.sum() >= 2
    # same wording for different persons of one network (templates)
    sentences = net.assign(sent=net.texte.str.split(r"(?<=[.!?]) ")).explode("sent")
    sentences = sentences[sentences.sent.str.len() >= 45]
    reuse = sentences.groupby(["id_reseau", "sent"]).id_personne.nunique()
    assert (reuse >= 3).sum() >= 5
    # third person, English, incoherent descriptions, 24h/24, one account for several persons
    assert net.texte.str.contains(r"\bElle |\bShe |Nous vous présentons|Découvrez ").mean() > 0.1
    english = df.texte.str.contains(r"\b(?:I am|I'm|She is|My name|Call me|Booking|years old)\b")
    assert 0.03 < english.mean() < 0.25
    assert english[df.id_reseau != ""].mean() > english[df.id_reseau == ""].mean()
    two_ages = net.titre.str.cat(net.texte, sep=" ").str.findall(r"\b(\d\d) ans\b").map(
        lambda xs: len(set(xs)) >= 2)
    assert two_ages.sum() >= 5
    assert net.texte.str.contains(r"Demandez \w+").any()
    assert net.texte.str.contains("24h/24|tout le temps").any()
    account = df[df.pseudo != ""].groupby("pseudo").agg(p=("id_personne", "nunique"),
                                                         r=("id_reseau", "first"))
    assert ((account.p >= 3) & (account.r != "")).any()
    assert df.texte.str.contains(r"Hola|Oi, sou|Ciao|Besos|beijos").any()


def test_independents_are_not_all_alike(world_5k):
    df = world_5k[world_5k.id_reseau == ""]
    firsts = df.groupby("id_personne").texte.first()
    assert firsts.nunique() / len(firsts) > 0.95
    # reposts: same person, several ads, slightly reworded texts
    per = df.groupby("id_personne").texte.agg(["size", "nunique"])
    multi = per[per["size"] >= 4]
    assert ((multi["nunique"] > 1) & (multi["nunique"] < multi["size"])).mean() > 0.3


def test_proportions_over_seeds():
    for seed in (1, 2, 3):
        sheet, truth = w17.seventeenth_world(699, seed=seed)
        assert truth.id_personne.nunique() == 273
        cats = sheet.site.map({s.domain: s.cat for s in w17.SITES}).value_counts(normalize=True)
        assert 0.35 < cats["escort"] < 0.7  # report II-B: 405 of 699 on escort sites
        assert 0.05 < cats["classified"] < 0.35  # 107 of 699
        assert 0.1 < cats["dating"] < 0.45  # 187 of 699
        assert 0.2 < (truth.id_reseau != "").mean() < 0.5
        assert 0.4 < (sheet.age_declare == "").mean() < 0.66
