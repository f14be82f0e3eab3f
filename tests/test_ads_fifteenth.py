"""Tests of the fifteenth synthetic world (Isère, 38)."""

from __future__ import annotations

import hashlib
import re
import unicodedata
from functools import lru_cache
from pathlib import Path

import pandas as pd
import pytest

from diagnostic.synthetic import ads_fifteenth as w

REFERENCE = Path(__file__).resolve().parents[1] / "src" / "diagnostic" / "reference"
SHEET_699_SHA256 = "b4cea79058b2ea7a8dd06287ba7f1d054795f8e297bfcd13b58b2091b62df67c"


@lru_cache(maxsize=None)
def world(n: int, seed: int = w.DEFAULT_SEED):
    return w._generate(n, seed)


def joined(n: int, seed: int = w.DEFAULT_SEED) -> pd.DataFrame:
    sheet, truth, _ = world(n, seed)
    df = sheet.join(truth.set_index("id_annonce"), on="id_annonce")
    low = (df["titre"] + " " + df["texte"]).str.lower()

    def has(markers):
        return low.apply(lambda t: any(m in t for m in markers))

    df["passage"] = has(w.PASSAGE_MARKERS)
    df["always"] = has(w.ALWAYS_MARKERS)
    df["third"] = has(w.THIRD_PERSON_MARKERS)
    df["english"] = has(w.ENGLISH_MARKERS)
    df["ph"] = df["telephone"].map(norm_phone)
    df["ps"] = df["pseudo"].map(norm_text)
    phoned = df[df["ph"] != ""]
    per_phone = phoned.groupby("ph")["id_personne"].nunique()
    df["shared_phone"] = df["ph"].isin(set(per_phone[per_phone > 1].index))
    df["clue"] = df["passage"] | df["always"] | df["third"] | df["english"] | df["shared_phone"]
    return df


def strip_accents(s: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFD", s) if unicodedata.category(c) != "Mn")


def norm_text(s: str) -> str:
    return re.sub(r"[^a-z]", "", strip_accents(s).lower())


def norm_phone(s: str) -> str:
    d = re.sub(r"\D", "", s)
    if d.startswith("0033"):
        d = "0" + d[4:]
    elif d.startswith("33") and len(d) == 11:
        d = "0" + d[2:]
    return d


def norm_commune(s: str) -> str:
    s = strip_accents(s).lower()
    s = re.sub(r"\d+", "", s).replace("isere", "")
    return re.sub(r"[^a-z]", "", s)


# ---------------------------------------------------------------- contract
def test_contract_constants():
    assert w.DEPARTEMENT == "38"
    assert w.SHEET_COLUMNS == ("id_annonce", "site", "date_collecte", "commune_declaree", "titre",
                               "texte", "telephone", "pseudo", "age_declare")
    assert w.TRUTH_COLUMNS == ("id_annonce", "id_personne", "id_reseau")
    for c in w.COMMUNES:
        assert c.nom and c.insee and c.codes_postaux


def test_growth_laws():
    assert w.persons_for_ads(699) == 273
    assert w.collection_days(699) == 77
    sizes = [1, 2, 5, 10, 100, 699, 700, 2000, 10_000, 100_000, 1_000_000]
    persons = [w.persons_for_ads(n) for n in sizes]
    days = [w.collection_days(n) for n in sizes]
    assert persons == sorted(persons) and days == sorted(days)
    assert all(1 <= p <= n for p, n in zip(persons, sizes))
    assert w.collection_days(1_000_000) > 2 * 365  # the window grows
    assert w.collection_days(1_000_000) <= w.MAX_DAYS
    # ads per person stays plausible at 1 000 000 ads
    assert 10 < 1_000_000 / w.persons_for_ads(1_000_000) < 40


def test_report_world_699():
    sheet, truth = w.fifteenth_world(699)
    assert tuple(sheet.columns) == w.SHEET_COLUMNS
    assert tuple(truth.columns) == w.TRUTH_COLUMNS
    assert len(sheet) == len(truth) == 699
    assert list(sheet["id_annonce"]) == list(truth["id_annonce"])
    assert sheet["id_annonce"].is_unique
    assert truth["id_personne"].nunique() == 273
    # 61 % duplicates, as in the report (II-B)
    assert round(1 - 273 / 699, 2) == 0.61
    assert sheet["date_collecte"].min() >= "2018-09-20"
    assert sheet["date_collecte"].max() <= "2018-12-05"
    assert sheet["date_collecte"].nunique() > 60
    for col in w.SHEET_COLUMNS:
        assert sheet[col].map(type).eq(str).all(), col
    # network ids are consistent per person
    assert (truth.groupby("id_personne")["id_reseau"].nunique() == 1).all()


@pytest.mark.parametrize("n", [1, 2, 3, 7, 50, 273, 700, 1234, 3000])
def test_exact_row_counts(n):
    sheet, truth = w.fifteenth_world(n)
    assert len(sheet) == len(truth) == n
    assert truth["id_personne"].nunique() == w.persons_for_ads(n)
    days = pd.to_datetime(sheet["date_collecte"])
    assert days.min() >= pd.Timestamp("2018-09-20")
    assert (days.max() - pd.Timestamp("2018-09-20")).days < w.collection_days(n)


def test_determinism_and_pinned_hash():
    a, ta = w.fifteenth_world(699)
    b, tb = w.fifteenth_world(699)
    pd.testing.assert_frame_equal(a, b)
    pd.testing.assert_frame_equal(ta, tb)
    c, _ = w.fifteenth_world(699, seed=w.DEFAULT_SEED + 1)
    assert not a.equals(c)
    digest = hashlib.sha256(a.to_csv(index=False, lineterminator="\n").encode("utf-8")).hexdigest()
    assert digest == SHEET_699_SHA256


def test_write_and_read_back(tmp_path):
    p_sheet, p_truth = w.write_fifteenth_world(1500, tmp_path)
    assert p_sheet == tmp_path / "annonces-SYNTHETIQUE.csv"
    assert p_truth == tmp_path / "verite" / "annonces-SYNTHETIQUE.csv"
    sheet, truth = w.fifteenth_world(1500)
    back_s = pd.read_csv(p_sheet, dtype=str, keep_default_na=False, encoding="utf-8")
    back_t = pd.read_csv(p_truth, dtype=str, keep_default_na=False, encoding="utf-8")
    assert list(back_s.columns) == list(w.SHEET_COLUMNS)
    assert list(back_t.columns) == list(w.TRUTH_COLUMNS)
    for col in w.SHEET_COLUMNS:
        assert back_s[col].tolist() == sheet[col].tolist(), col
    for col in w.TRUTH_COLUMNS:
        assert back_t[col].tolist() == truth[col].tolist(), col


# ---------------------------------------------------------------- fiction rules
def test_phones_only_in_fiction_ranges():
    df = joined(3000)
    shown = df.loc[df["ph"] != "", "ph"]
    assert len(shown) > 0.5 * len(df)
    assert shown.str.len().eq(10).all()
    assert shown.str[:6].isin(w.FICTION_PREFIXES).all()
    # numbers written inside the texts too
    in_text = df["texte"].str.findall(r"(?:\+33|0033|0)\s?\d(?:[ .\-/]?\d{2}){4}")
    found = [norm_phone(x) for lst in in_text for x in lst]
    assert len(found) > 100
    assert all(x[:6] in w.FICTION_PREFIXES for x in found)
    # several ways of writing a number
    formats = df.loc[df["telephone"] != "", "telephone"].map(lambda s: re.sub(r"\d", "9", s)).nunique()
    assert formats >= 5


def test_sites_are_fictional_and_match_report_structure():
    assert len(w.SITES) == 39
    assert all(s.name.endswith(".example") for s in w.SITES)
    assert len({s.name for s in w.SITES}) == 39
    assert len(w.MIRROR_FAMILY) == 11
    df = joined(3000)
    cats = df["site"].map({s.name: s.category for s in w.SITES})
    share = cats.value_counts(normalize=True)
    # report II-B: 58 % escorting, 15 % classifieds, 27 % dating (mirrors)
    assert 0.48 < share["E"] < 0.66
    assert 0.10 < share["C"] < 0.22
    assert 0.18 < share["D"] < 0.35
    # mirror sites carry identical contents
    mirrored = df[df["site"].isin(w.MIRROR_FAMILY)]
    copies = mirrored.groupby("texte")["site"].nunique()
    assert (copies >= 5).sum() >= 10


def test_communes_are_real_communes_of_isere():
    ref = pd.read_csv(REFERENCE / "communes.csv", dtype=str, keep_default_na=False)
    cps = pd.read_csv(REFERENCE / "codes_postaux.csv", dtype=str, keep_default_na=False)
    ref = ref.set_index("code")
    assert len({c.insee for c in w.COMMUNES}) == len(w.COMMUNES) >= 60
    for c in w.COMMUNES:
        assert c.insee in ref.index, c
        assert ref.loc[c.insee, "nom"] == c.nom
        assert ref.loc[c.insee, "departement"] == "38"
        expected = set(cps.loc[cps["code_insee"] == c.insee, "code_postal"])
        assert set(c.codes_postaux) == expected, c.nom
    depts = pd.read_csv(REFERENCE / "departements.csv", dtype=str)
    assert depts.set_index("code").loc["38", "nom"] == "Isère"


def test_declared_communes_map_to_the_38():
    forms = {}
    for c in w.COMMUNES:
        for f in (c.nom,) + tuple(c.aliases):
            forms.setdefault(norm_commune(f), set()).add(c.insee)
    df = joined(3000)
    decl = df["commune_declaree"]
    dept = decl.isin(w.DEPARTEMENT_FORMS)
    assert 0.0 < dept.mean() < 0.04
    mapped = decl[~dept].map(lambda s: forms.get(norm_commune(s)))
    assert mapped.notna().all(), decl[~dept][mapped.isna()].unique()[:10]
    insee = mapped.map(lambda s: sorted(s)[0])
    share = insee.value_counts(normalize=True)
    # III-D transposed: Grenoble first, five agglomerations carry most ads
    assert share.index[0] == "38185"
    zone = {c.insee: c.zone for c in w.COMMUNES}
    z = insee.map(zone).value_counts(normalize=True)
    assert z["grenoble"] > 0.35
    assert z[["grenoble", "vienne", "nord", "voiron"]].sum() > 0.7
    assert z.get("stations", 0) > 0 and z.get("rural", 0) > 0
    # many ways to type a town
    assert decl[insee.eq("38185").reindex(decl.index, fill_value=False)].nunique() >= 8


def test_report_world_commune_count():
    df = joined(699)
    forms = {norm_commune(f): c.insee for c in w.COMMUNES for f in (c.nom,) + tuple(c.aliases)}
    communes = df["commune_declaree"].map(lambda s: forms.get(norm_commune(s))).dropna().nunique()
    assert 25 <= communes <= 60  # report: 30 communes, among them very rural ones


# ---------------------------------------------------------------- people
def test_person_profiles_follow_report():
    _, _, info = world(3000)
    persons = pd.DataFrame(info["persons"])
    g = persons["g"].value_counts(normalize=True)
    # IV-A-1: 84 % women, 7 % men, 9 % trans persons in the ads
    assert 0.79 < g["F"] < 0.89
    assert 0.04 < g["M"] < 0.10
    assert 0.06 < g["T"] < 0.13
    # IV-A-3: origin stated for 58 % of persons, 20 % of them French
    stated = persons["declares_origin"]
    assert 0.48 < stated.mean() < 0.66
    french = (persons.loc[stated, "region"] == "fr").mean()
    assert 0.12 < french < 0.30


def test_declared_ages():
    df = joined(3000)
    shown = df["age_declare"] != ""
    # IV-A-2: 53 % of ads without age, mean age 30
    assert 0.40 < shown.mean() < 0.56
    ages = df.loc[shown, "age_declare"].astype(int)
    assert ages.min() >= 18 and ages.max() <= 70
    assert 27 < ages.mean() < 32
    assert df.loc[shown, "age_declare"].str.fullmatch(r"\d{2}").all()


def test_passage_share():
    # III-D: 18 % of ads present the person as "de passage"
    df = joined(3000)
    assert 0.13 < df["passage"].mean() < 0.26
    df699 = joined(699)
    assert 0.12 < df699["passage"].mean() < 0.26


# ---------------------------------------------------------------- networks
def test_networks_present_with_clues():
    df = joined(3000)
    net = df[df["id_reseau"] != ""]
    assert net["id_reseau"].nunique() >= 40
    # V-A-4: clues visible in 38 % of ads
    assert 0.30 < df["clue"].mean() < 0.46
    assert net["clue"].mean() > 0.70
    assert df.loc[df["id_reseau"] == "", "clue"].mean() < 0.20  # marketing "de passage", 24h/24...
    # each network shows at least one clue of the faisceau d'indices
    phoned = df[df["ph"] != ""].assign(p8=lambda d: d["ph"].str[:8])
    shown_clue = 0
    for rid, grp in net.groupby("id_reseau"):
        persons = grp["id_personne"].nunique()
        ph = phoned[phoned["id_reseau"] == rid]
        shares_phone = ph.groupby("ph")["id_personne"].nunique().max() > 1 if len(ph) else False
        block = ph.groupby("p8")["id_personne"].nunique().max() > 1 if len(ph) else False
        same_pseudo = grp[grp["ps"] != ""].groupby("ps")["id_personne"].nunique().max() > 1 \
            if (grp["ps"] != "").any() else False
        text = grp[["passage", "always", "third", "english"]].any(axis=None)
        same_day_town = grp.groupby(["date_collecte", "commune_declaree"])["id_personne"].nunique().max() > 1
        if persons < 2 or shares_phone or block or same_pseudo or text or same_day_town:
            shown_clue += 1
    # the others show only their shared writing habits (report: absence of clues
    # does not exclude a network)
    assert shown_clue / net["id_reseau"].nunique() > 0.8
    # phones: central numbers and numbers where only the last two digits vary
    per = phoned[phoned["id_reseau"] != ""].groupby("id_reseau")
    central = per.apply(lambda g: g.groupby("ph")["id_personne"].nunique().max() > 1).mean()
    assert central > 0.2
    blocks = per.apply(lambda g: g.groupby("p8")["ph"].nunique().max() > 1).mean()
    assert blocks > 0.15
    # no phone shared between persons outside networks
    indep = phoned[phoned["id_reseau"] == ""]
    assert indep.groupby("ph")["id_personne"].nunique().max() == 1


def test_network_languages_and_third_person():
    df = joined(3000)
    net = df["id_reseau"] != ""
    assert df.loc[net, "english"].mean() > 3 * df.loc[~net, "english"].mean()
    assert df.loc[net, "third"].mean() > 3 * df.loc[~net, "third"].mean()
    assert df.loc[net, "always"].mean() > 3 * df.loc[~net, "always"].mean()


# ---------------------------------------------------------------- hard cases
def test_same_person_looks_different():
    df = joined(3000)
    g = df.groupby("id_personne")
    multi = g.size() > 1
    # several pseudos for one person (about 10 % of multi-ad persons)
    pseudos = g["ps"].agg(lambda s: s[s != ""].nunique())[multi]
    assert 0.05 < (pseudos >= 2).mean() < 0.20
    # a changed phone number (a few %)
    phones = g["ph"].agg(lambda s: s[s != ""].nunique())[multi]
    assert 0.02 < (phones >= 2).mean() < 0.12
    # ads with and without a phone for the same person
    mixed = g["ph"].agg(lambda s: (s == "").any() and (s != "").any())[multi]
    assert 0.10 < mixed.mean() < 0.40
    # rewritten texts and several ways to declare the place
    assert (g["texte"].nunique()[multi] >= 2).mean() > 0.6
    assert (g["commune_declaree"].nunique()[multi] >= 2).mean() > 0.6
    # declared ages that differ between ads of one person
    ages = df[df["age_declare"] != ""].groupby("id_personne")["age_declare"].nunique()
    assert 0.10 < (ages >= 2).mean() < 0.50


def test_different_persons_look_alike():
    df = joined(3000)
    # common first names: the same pseudo for different persons
    per_pseudo = df[df["ps"] != ""].groupby("ps")["id_personne"].nunique()
    collide = df["ps"].isin(set(per_pseudo[per_pseudo > 1].index)).mean()
    assert 0.4 < collide < 0.9
    # copied texts: the same text for different persons (rare)
    per_text = df.groupby("texte")["id_personne"].nunique()
    assert 0 < (per_text > 1).sum() < 0.05 * len(per_text)
    # network template: persons of a network share typing habits and phrases
    net = df[df["id_reseau"] != ""]
    same_net = net.groupby("id_reseau")["id_personne"].nunique()
    assert (same_net >= 2).mean() > 0.9


def test_mirror_duplicates_drive_the_duplicate_rate():
    df = joined(699)
    d = df[df["site"].isin(w.MIRROR_FAMILY)]
    assert 0.15 < len(d) / len(df) < 0.35
    # exact copies of one posting: same text, same person, different sites
    grp = d.groupby("texte").agg(persons=("id_personne", "nunique"), sites=("site", "nunique"))
    assert (grp["persons"] == 1).mean() > 0.95
    assert grp["sites"].max() >= 9


def test_ads_per_person_not_absurd():
    _, truth = w.fifteenth_world(3000)
    per = truth.groupby("id_personne").size()
    assert per.max() < 80
    assert per.min() == 1
    assert (per == 1).mean() > 0.1
