"""Tests of the sixteenth synthetic world (département 35, Ille-et-Vilaine).

The world follows the Amicale du Nid Pas-de-Calais diagnostic (2020): II-B (699 ads, 273
persons, duplicates about 61 %, site categories, mirror sites), III-D (declared communes,
"de passage"), IV-A (gender, age, origin) and V-A-4 (indices of networks).
"""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from diagnostic.synthetic import ads_sixteenth as w16

REFERENCE = Path(__file__).resolve().parents[1] / "src" / "diagnostic" / "reference"
FICTION = w16.FICTION_PREFIXES


# ------------------------------------------------------------------------------------
# fixtures and helpers
# ------------------------------------------------------------------------------------
@pytest.fixture(scope="module")
def report_world():
    sheet, truth, flags = w16._generate(699, w16.DEFAULT_SEED)
    return sheet, truth, flags


@pytest.fixture(scope="module")
def big_world():
    sheet, truth, flags = w16._generate(6000, 11)
    df = sheet.join(truth.set_index("id_annonce"), on="id_annonce")
    df["tel"] = df["telephone"].map(normalise)
    return df, flags


def normalise(s: str) -> str:
    """A French number as ten digits, whatever its spelling (or '' if none)."""
    if not s:
        return ""
    s = s.replace("(0)", "")
    d = re.sub(r"\D", "", s)
    if d.startswith("0033"):
        d = "0" + d[4:]
    elif d.startswith("33") and len(d) == 11:
        d = "0" + d[2:]
    return d


_TEXT_PHONE = re.compile(
    r"(?:\+33\s?(?:\(0\))?\s?|0033\s?|zéro\s\w+\s|[0O]\s?)[1-9](?:[\s.\-/\u00a0]?\d){8}")


def numbers_in_text(text: str) -> list[str]:
    out = []
    for m in _TEXT_PHONE.finditer(text):
        s = m.group(0)
        if s.startswith("zéro"):
            word = s.split()[1]
            first = {"six": "6", "deux": "2", "un": "1", "trois": "3", "quatre": "4",
                     "cinq": "5"}[word]
            out.append("0" + first + re.sub(r"\D", "", s.split(None, 2)[2]))
        else:
            out.append(normalise(s.replace("O", "0", 1)))
    return out


def strip_accents(s: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFD", s)
                   if unicodedata.category(c) != "Mn")


# ------------------------------------------------------------------------------------
# interface
# ------------------------------------------------------------------------------------
def test_interface_and_shape(report_world):
    sheet, truth = w16.sixteenth_world(699)
    assert w16.DEPARTEMENT == "35"
    assert list(sheet.columns) == ["id_annonce", "site", "date_collecte", "commune_declaree",
                                   "titre", "texte", "telephone", "pseudo", "age_declare"]
    assert list(truth.columns) == ["id_annonce", "id_personne", "id_reseau"]
    assert len(sheet) == len(truth) == 699
    assert sheet["id_annonce"].is_unique
    assert (sheet["id_annonce"].values == truth["id_annonce"].values).all()
    for frame in (sheet, truth):
        for col in frame.columns:
            assert frame[col].map(lambda x: isinstance(x, str)).all(), col
    dates = pd.to_datetime(sheet["date_collecte"], format="%Y-%m-%d")
    assert dates.min() >= pd.Timestamp("2018-09-20")
    assert dates.max() <= pd.Timestamp("2018-12-05")  # II-B: 20 Sept - 5 Dec 2018
    assert dates.is_monotonic_increasing  # the sheet is kept in collection order
    assert (sheet["titre"] != "").all() and (sheet["texte"] != "").all()
    ages = sheet["age_declare"][sheet["age_declare"] != ""]
    assert ages.str.fullmatch(r"\d{2} ?(ans)?").all()
    assert truth["id_reseau"].eq("").any() and truth["id_reseau"].ne("").any()
    # the public function returns what the internal generator builds
    assert sheet.equals(report_world[0]) and truth.equals(report_world[1])


@pytest.mark.parametrize("n", [1, 2, 5, 17, 60])
def test_small_worlds(n):
    sheet, truth = w16.sixteenth_world(n, seed=3)
    assert len(sheet) == len(truth) == n
    assert 1 <= truth["id_personne"].nunique() <= n
    assert truth["id_personne"].nunique() == w16.persons_for_ads(n)


def test_write_and_determinism(tmp_path):
    a, b = tmp_path / "a", tmp_path / "b"
    w16.write_sixteenth_world(400, a)
    w16.write_sixteenth_world(400, b)
    for rel in ("annonces-SYNTHETIQUE.csv", "verite/annonces-SYNTHETIQUE.csv"):
        assert (a / rel).read_bytes() == (b / rel).read_bytes()
    sheet = pd.read_csv(a / "annonces-SYNTHETIQUE.csv", dtype=str, keep_default_na=False,
                        encoding="utf-8")
    truth = pd.read_csv(a / "verite" / "annonces-SYNTHETIQUE.csv", dtype=str,
                        keep_default_na=False, encoding="utf-8")
    s0, t0 = w16.sixteenth_world(400)
    pd.testing.assert_frame_equal(sheet, s0, check_dtype=False)
    pd.testing.assert_frame_equal(truth, t0, check_dtype=False)
    other, _ = w16.sixteenth_world(400, seed=w16.DEFAULT_SEED + 1)
    assert not other.equals(s0)


# ------------------------------------------------------------------------------------
# scale (II-B) and the 1M-ads properties, checked on the functions
# ------------------------------------------------------------------------------------
def test_report_scale(report_world):
    _, truth, _ = report_world
    persons = truth["id_personne"].nunique()
    assert persons == 273  # II-B
    assert abs((1 - persons / 699) - 0.61) < 0.01  # duplicate rate about 61 %


def test_persons_per_ads_function():
    f = w16.persons_for_ads
    assert f(699) == 273
    assert f(0) == 0 and f(1) == 1
    ns = [1, 10, 100, 699, 2_000, 10_000, 100_000, 1_000_000, 10_000_000, 10**9]
    ps = [f(n) for n in ns]
    assert all(p <= n for p, n in zip(ps, ns))
    assert all(a < b for a, b in zip(ps, ps[1:]))  # grows
    ratios = [p / n for p, n in zip(ps, ns)]
    assert all(a >= b for a, b in zip(ratios[2:], ratios[3:]))  # sub-linearly
    assert ps[-1] <= w16.PERSONS_CEILING
    # at 1M ads: tens of thousands of persons, each with many ads over time
    assert 15_000 < f(1_000_000) < w16.PERSONS_CEILING
    # worst case of the numbers needed (one number per person, changes at 20 % + 4 %,
    # generously doubled) stays within the fiction ranges
    assert w16.PERSONS_CEILING * 1.3 < w16.PHONE_CAPACITY
    assert w16.collection_days(699) == 77
    assert w16.collection_days(1_000_000) > w16.collection_days(10_000) > 77


def test_number_allocation_at_million_scale():
    rng = np.random.default_rng(0)
    n_persons = w16.persons_for_ads(1_000_000)
    groups = [int(x) for x in rng.integers(2, 11, size=n_persons // 40)]
    n_single = int(n_persons * 1.25)
    singles, sib = w16._allocate_numbers(np.random.default_rng(1), n_single, groups)
    allnums = singles + [x for g in sib for x in g]
    assert len(singles) == n_single and len(allnums) == len(set(allnums))
    assert all(len(x) == 10 and x[:6] in FICTION for x in allnums)
    for g, size in zip(sib, groups):
        assert len(g) == size and len({x[:9] for x in g}) == 1  # only the last digit varies
    # small scale: mobile numbers only, no two persons sharing nine digits by chance
    singles, sib = w16._allocate_numbers(np.random.default_rng(2), 300, [4, 3, 5])
    assert all(x.startswith("063998") for x in singles)
    assert len({x[:9] for x in singles}) == 300
    assert not {x[:9] for x in singles} & {g[0][:9] for g in sib}
    with pytest.raises(ValueError):
        w16._allocate_numbers(np.random.default_rng(3), w16.PHONE_CAPACITY + 1, [])


def test_medium_scale_quick():
    sheet, truth, _ = w16._generate(20_000, 5)
    assert len(sheet) == 20_000
    assert truth["id_personne"].nunique() == w16.persons_for_ads(20_000)
    tel = sheet["telephone"].map(normalise)
    tel = tel[tel != ""]
    assert tel.str[:6].isin(FICTION).all()


# ------------------------------------------------------------------------------------
# rules of the project: fiction phones, .example sites, real communes, sober wording
# ------------------------------------------------------------------------------------
def test_sites_are_fictional(big_world):
    df, _ = big_world
    assert df["site"].str.endswith(".example").all()
    assert df["site"].nunique() >= 15


def test_phones_are_fiction_only(big_world):
    df, _ = big_world
    tel = df.loc[df["tel"] != "", "tel"]
    assert tel.str.fullmatch(r"0\d{9}").all()
    assert tel.str[:6].isin(FICTION).all()
    found = [x for t in df["texte"] for x in numbers_in_text(t)]
    assert len(found) > 1000
    assert all(x[:6] in FICTION and len(x) == 10 for x in found)
    # a look-alike site truncates texts, sometimes inside a number: only a fiction prefix
    cut = df["texte"].str.extract(r"((?:\+33|0)[\d .]{5,})…$")[0].dropna()
    for tail in cut:
        digits = re.sub(r"\D", "", re.sub(r"^(?:\+33|0033)\s?(?:\(0\))?\s?", "0", tail))
        assert any(p.startswith(digits[:6]) or digits.startswith(p) for p in FICTION), tail
    # no other long digit run anywhere (titles, texts, pseudos)
    for col in ("titre", "texte", "pseudo", "commune_declaree", "age_declare"):
        stripped = df[col].map(lambda t: re.sub(r"(?:\+33|0)[\d .]{5,}…$", "",
                                                _TEXT_PHONE.sub("", t)))
        assert not stripped.str.contains(r"\d{6,}").any(), col


def test_communes_are_real():
    communes = pd.read_csv(REFERENCE / "communes.csv", dtype=str, keep_default_na=False)
    cps = pd.read_csv(REFERENCE / "codes_postaux.csv", dtype=str, keep_default_na=False)
    c35 = communes[communes["departement"] == "35"]
    insee = dict(zip(c35["nom"], c35["code"]))
    pairs = set(zip(cps["code_postal"], cps["code_insee"]))
    for name, postcodes, *_ in w16._COMMUNES:
        assert name in insee, name
        for cp in postcodes:
            assert (cp, insee[name]) in pairs, (name, cp)


def test_commune_postcodes_in_sheet_are_valid(big_world):
    df, _ = big_world
    cps = pd.read_csv(REFERENCE / "codes_postaux.csv", dtype=str, keep_default_na=False)
    valid = set(cps.loc[cps["code_postal"].str.startswith("35"), "code_postal"])
    found = df["commune_declaree"].str.findall(r"\b\d{5}\b").explode().dropna()
    assert len(found) > 50 and found.isin(valid).all()


def test_sober_wording(big_world):
    df, _ = big_world
    banned = ("pute", "salope", "fellation", "sodomie", "pipe", "chatte", "bite", "porno",
              "anal", "éjac", "sexe")
    blob = " ".join(df["titre"].head(3000)) + " " + " ".join(df["texte"].head(3000))
    words = set(re.findall(r"\w+", blob.lower()))
    assert not words & set(banned)


# ------------------------------------------------------------------------------------
# realistic proportions (II-B, III-D, IV-A, V-A-4)
# ------------------------------------------------------------------------------------
def test_proportions_at_report_scale():
    cat_of = dict(zip(w16._SITE_NAMES, w16._SITE_CAT))
    shares = []
    for seed in (1, 2, 3):
        sheet, truth, flags = w16._generate(699, seed)
        cat = sheet["site"].map(cat_of)
        shares.append({
            "escort": (cat == "E").mean(),
            "classified": (cat == "C").mean(),
            "dating": cat.isin(["D", "M"]).mean(),
            "mirror": (cat == "M").mean(),
            "network_ads": (truth["id_reseau"] != "").mean(),
            "age": (sheet["age_declare"] != "").mean(),
            "passage": ((flags & 8) > 0).mean(),
            "english": ((flags & 2) > 0).mean(),
            "third": ((flags & 1) > 0).mean(),
            "incoherent": ((flags & 4) > 0).mean(),
            "text_only": ((flags & 16) > 0).mean(),
            "no_tel_cell": (sheet["telephone"] == "").mean(),
        })
    m = pd.DataFrame(shares).mean()
    assert 0.48 < m["escort"] < 0.70  # II-B: 405/699 = 58 %
    assert 0.08 < m["classified"] < 0.22  # 107/699 = 15 %
    assert 0.18 < m["dating"] < 0.38  # 187/699 = 27 %
    assert 0.08 < m["mirror"] < 0.30  # 170/699 republished by look-alike sites
    assert 0.22 < m["network_ads"] < 0.45  # V-A-4: indices in 38 % of ads
    assert 0.38 < m["age"] < 0.58  # IV-A-2: no age in 53 % of ads
    assert 0.12 < m["passage"] < 0.26  # III-D: 18 % "de passage"
    assert 0.03 < m["english"] < 0.20
    assert 0.05 < m["third"] < 0.25
    assert 0.02 < m["incoherent"] < 0.15
    assert 0.05 < m["text_only"] < 0.30
    assert 0.15 < m["no_tel_cell"] < 0.50


def test_persons_profile_proportions():
    _, _, persons, networks, _ = w16._build_world(20_000, 9)
    g = pd.Series([p.gender for p in persons]).value_counts(normalize=True)
    assert abs(g["F"] - 0.84) < 0.05 and 0.04 < g["M"] < 0.12 and 0.05 < g["T"] < 0.13
    declared = np.mean([p.origin is not None for p in persons])
    assert 0.45 < declared < 0.70  # IV-A-3: origin stated for 58 %
    french = np.mean([p.origin == "fr" for p in persons if p.origin])
    assert 0.10 < french < 0.30  # 20 % of the stated origins
    ages = np.array([p.age for p in persons])
    assert 27 < ages.mean() < 32 and ages.min() >= 18  # IV-A-2: mean about 30
    in_net = np.mean([p.net >= 0 for p in persons])
    assert 0.25 < in_net < 0.40
    sizes = [len(n["members"]) for n in networks]
    assert min(sizes) >= 2 and max(sizes) <= 8
    no_phone = np.mean([not p.phones for p in persons])
    assert 0.04 < no_phone < 0.15


def test_single_and_repeated_persons(report_world):
    _, truth, _ = report_world
    counts = truth["id_personne"].value_counts()
    assert 0.3 < (counts == 1).mean() < 0.6  # some persons with one ad only
    assert counts.max() >= 10  # others with many ads over time


# ------------------------------------------------------------------------------------
# each hard case is present
# ------------------------------------------------------------------------------------
def test_phone_changes_and_missing_numbers(big_world):
    df, flags = big_world
    with_tel = df[df["tel"] != ""]
    per_person = with_tel.groupby("id_personne")["tel"].nunique()
    assert (per_person >= 2).sum() >= 20  # persons who change their number
    # persons who never give a number: no cell, no number in any text
    text_nums = df["texte"].map(lambda t: bool(numbers_in_text(t)))
    silent = (df.assign(any_num=(df["tel"] != "") | text_nums)
              .groupby("id_personne")["any_num"].any())
    assert (~silent).sum() >= 20
    assert df["texte"].str.contains("message|messagerie|en privé").any()
    # numbers only inside the text, the cell left empty
    only_text = (df["tel"] == "") & text_nums
    assert only_text.sum() >= 100
    assert ((flags & 16) > 0).sum() >= 100
    assert df["texte"].str.contains("NOUVEAU NUMÉRO|nouveau numéro", case=False).any()


def test_phone_formats_vary(big_world):
    df, _ = big_world
    cells = df.loc[df["telephone"] != "", "telephone"]
    shapes = cells.map(lambda s: re.sub(r"\d", "9", s)).value_counts()
    assert len(shapes) >= 6
    assert cells.str.startswith("+33").any() and cells.str.contains(r"\.").any()
    texts = df["texte"]
    assert texts.str.contains(r"\b0\d(?: \d\d){4}\b").any()
    assert texts.str.contains(r"\b0\d{9}\b").any()
    assert texts.str.contains(r"\+33").any()
    assert texts.str.contains(r"\bO6 ").any() or texts.str.contains(r"zéro six").any()


def test_pseudos(big_world):
    df, _ = big_world
    named = df[df["pseudo"] != ""]
    assert (df["pseudo"] == "").mean() > 0.02  # pseudo absent on some ads
    n = named.groupby("id_personne")["pseudo"].nunique()
    assert (n >= 2).sum() >= 50  # changed or varying pseudos
    # pseudo that is just the first name given in the text
    first_name = named.apply(lambda r: bool(re.search(
        r"(?:Je suis|Moi c'est|Je m'appelle|I am|Voici) " + re.escape(r["pseudo"]) + r"\b",
        r["texte"])), axis=1)
    assert first_name.sum() >= 100
    # persons who never give a first name in the text
    says_name = df["texte"].str.contains(r"Je suis [A-ZÉ]|Moi c'est|Je m'appelle|I am|I'm")
    never = df.assign(s=says_name).groupby("id_personne")["s"].any()
    assert (~never).sum() >= 50
    # one pseudo (an agency account) on ads of several persons
    shared = named.groupby("pseudo")["id_personne"].nunique()
    assert (shared >= 2).any()


def test_second_working_name(big_world):
    df, _ = big_world
    names = df["texte"].str.extract(r"(?:Je suis|Moi c'est|Je m'appelle) ([A-ZÉÏ][a-zéèëïô]+)")[0]
    per = df.assign(n=names).dropna(subset=["n"]).groupby("id_personne")["n"].nunique()
    assert (per >= 2).sum() >= 3


def test_communes_typed_many_ways(big_world):
    df, _ = big_world
    c = df["commune_declaree"]
    rennes = c[c.map(lambda s: "rennes" in strip_accents(s).lower())]
    assert rennes.nunique() >= 12
    assert c.str.fullmatch(r"35\d{3}").any()  # postcode alone
    assert c.str.contains(r"RENNES|SAINT-MALO").any()
    assert c.str.contains("Fougeres|Vitre|Cesson-Sevigne|Cesson Sevigne").any()
    assert c.str.contains("centre", case=False).any()
    assert c.str.contains("alentours|environs", case=False).any()
    assert c.str.contains("Villejean|Beaulieu|Paramé|Saint-Servan|Intra-Muros|Le Blosne|"
                          "Bréquigny|Maurepas|Thabor|Cleunay").any()
    assert c.str.contains("Ille-et-Vilaine|ille et vilaine", case=False).any()
    assert c.str.contains(r"^St[ -]|Cesson$", regex=True).any()
    assert (c == "").any()
    # persons seen in several communes (moves, tours, neighbouring communes)
    base = c.map(lambda s: strip_accents(s).lower().split()[0] if s else "")
    per = df.assign(b=base)[base != ""].groupby("id_personne")["b"].nunique()
    assert (per >= 2).sum() >= 50


def test_mirror_sites(big_world):
    df, flags = big_world
    mirror = df[(flags & 32) > 0]
    groups = mirror.groupby(["id_personne", "titre", "texte"])["site"].nunique()
    assert (groups >= 3).sum() >= 20  # the same ad republished on look-alike sites
    trunc = df[df["site"] == "rencontres-ouest.example"]["texte"]
    assert trunc.str.endswith("…").any()


def test_networks(big_world):
    df, flags = big_world
    net = df[df["id_reseau"] != ""]
    # switchboard: one number for several persons of one network
    by_tel = net[net["tel"] != ""].groupby("tel")["id_personne"].nunique()
    assert (by_tel >= 2).sum() >= 5
    # numbers differing only by their last digits, for different persons of a network
    found = 0
    for _, g in net[net["tel"] != ""].groupby("id_reseau"):
        firsts = g.drop_duplicates("id_personne").groupby(g["tel"].str[:9])["tel"].nunique()
        found += int((firsts >= 2).any())
    assert found >= 5
    # template: several persons of a network share whole sentences
    shared_template = 0
    for _, g in net.groupby("id_reseau"):
        texts = g.drop_duplicates("id_personne")["texte"]
        if len(texts) < 2:
            continue
        sets = [set(re.split(r"(?<=[.!?])\s+", t)) for t in texts]
        if len(sets[0] & sets[1]) >= 3:
            shared_template += 1
    assert shared_template >= 10
    # third person, English, incoherent descriptions
    assert net["texte"].str.contains(r"\bElle (?:vous reçoit|reçoit|est)").any()
    assert df["texte"].str.contains(r"\bI am\b|\bAvailable\b|\bCall me\b").sum() >= 50
    assert df["texte"].str.contains(r"Demandez|Ask for").any()
    assert ((flags & 4) > 0).sum() >= 50
    assert net["texte"].str.contains("24h/24|24/7").mean() > 0.3
    # ...but individuals' ads carry fewer such indices
    ind = df[df["id_reseau"] == ""]
    assert ind["texte"].str.contains(r"\bElle\b").mean() < net["texte"].str.contains(
        r"\bElle\b").mean()


def test_ages_inconsistent(big_world):
    df, _ = big_world
    ages = df["age_declare"].str.extract(r"(\d+)")[0].astype(float)
    per = df.assign(a=ages).dropna(subset=["a"]).groupby("id_personne")["a"]
    spread = per.max() - per.min()
    assert (spread >= 2).sum() >= 30
    assert df["age_declare"].str.fullmatch(r"\d+").any()
    assert df["age_declare"].str.fullmatch(r"\d+ ans").any()


def test_descriptions_vary(big_world):
    df, _ = big_world
    hair = df["texte"].str.extract(
        r"\b(brune|brunette|cheveux bruns|blonde|cheveux blonds|châtain clair|châtain|"
        r"rousse|cheveux noirs)\b")[0]
    per = df.assign(h=hair).dropna(subset=["h"]).groupby("id_personne")["h"].nunique()
    assert (per >= 2).sum() >= 30
    assert df["texte"].str.contains(r"1m\d\d|1,\d\d m|\d{3} cm").any()
    assert df["texte"].str.contains("latina|brésilienne|asiatique|black|ukrainienne").any()


def test_reposts_are_reworded(big_world):
    df, _ = big_world
    per = df.groupby("id_personne").agg(n=("texte", "size"), k=("texte", "nunique"))
    many = per[per["n"] >= 5]
    assert (many["k"] == 1).mean() < 0.5  # most reword, change price or availability
    assert (many["k"] < many["n"]).mean() > 0.8  # ...but identical reposts are common
    prices = df["texte"].str.extract(r"(\d+) roses l'heure")[0]
    per_price = df.assign(p=prices).dropna(subset=["p"]).groupby("id_personne")["p"].nunique()
    assert (per_price >= 2).any()
