"""Tests of the fourteenth synthetic world (Moselle, 57)."""

from __future__ import annotations

import hashlib
import re
import unicodedata
from pathlib import Path

import pandas as pd
import pytest

from diagnostic.synthetic import ads_fourteenth as w

REF = Path(w.__file__).resolve().parents[1] / "reference"
SHA_699_SHEET = "4ff1a49ce7e4c8ba851125013c6ba071978a00b99aecd1102d9ce530f4626b99"


@pytest.fixture(scope="module")
def w699():
    return w.fourteenth_world(699)


@pytest.fixture(scope="module")
def w2500():
    sheet, truth = w.fourteenth_world(2500)
    return sheet.merge(truth, on="id_annonce")


def _norm_phone(x):
    d = re.sub(r"\D", "", x)
    if d.startswith("0033"):
        d = "0" + d[4:]
    elif d.startswith("33") and len(d) == 11:
        d = "0" + d[2:]
    return d


def _plain(s):
    s = unicodedata.normalize("NFD", s)
    return "".join(c for c in s if unicodedata.category(c) != "Mn").lower().replace("-", " ")


def _root(p):
    p = re.sub(r"(57|_x| ❤| TS| VIP)$", "", p).strip()
    return _plain(p)


# --- contract -----------------------------------------------------------------


def test_contract_constants():
    assert w.DEPARTEMENT == "57"
    assert w.SHEET_COLUMNS == ("id_annonce", "site", "date_collecte", "commune_declaree", "titre", "texte",
                               "telephone", "pseudo", "age_declare")
    assert w.TRUTH_COLUMNS == ("id_annonce", "id_personne", "id_reseau")
    assert w.persons_for_ads(699) == 273
    assert w.collection_days(699) == 77
    for c in w.COMMUNES:
        assert c.nom and c.insee and c.codes_postaux


def test_growth_laws():
    last_p, last_d = 0, 0
    for n in [1, 2, 5, 10, 100, 699, 700, 5000, 100_000, 1_000_000]:
        p, d = w.persons_for_ads(n), w.collection_days(n)
        assert 1 <= p <= n
        assert p >= last_p and d >= last_d
        last_p, last_d = p, d
    assert w.collection_days(1_000_000) > 10 * 77
    # ads per person grow slowly, stay plausible
    assert 2 < 1_000_000 / w.persons_for_ads(1_000_000) < 20


@pytest.mark.parametrize("n", [1, 2, 3, 7, 10, 33, 150, 699, 1200])
def test_exact_sizes(n):
    sheet, truth = w.fourteenth_world(n)
    assert tuple(sheet.columns) == w.SHEET_COLUMNS
    assert tuple(truth.columns) == w.TRUTH_COLUMNS
    assert len(sheet) == len(truth) == n
    assert sheet.id_annonce.is_unique
    assert (sheet.id_annonce.values == truth.id_annonce.values).all()
    assert truth.id_personne.nunique() == w.persons_for_ads(n)
    dates = pd.to_datetime(sheet.date_collecte)
    assert dates.min() >= pd.Timestamp("2018-09-20")
    assert (dates.max() - pd.Timestamp("2018-09-20")).days < w.collection_days(n)
    for col in w.SHEET_COLUMNS:
        assert sheet[col].map(type).eq(str).all()


def test_window_699(w699):
    sheet, _ = w699
    assert sheet.date_collecte.min() == "2018-09-20"
    assert sheet.date_collecte.max() == "2018-12-05"


def test_invalid_size():
    with pytest.raises(ValueError):
        w.fourteenth_world(0)


# --- determinism, io ------------------------------------------------------------


def test_determinism(w699):
    sheet, truth = w699
    again, truth2 = w.fourteenth_world(699)
    assert hashlib.sha256(sheet.to_csv(index=False).encode()).hexdigest() == SHA_699_SHEET
    pd.testing.assert_frame_equal(sheet, again)
    pd.testing.assert_frame_equal(truth, truth2)
    other, _ = w.fourteenth_world(699, seed=1)
    assert not other.equals(sheet)


def test_write_read_back(tmp_path):
    a, v = w.write_fourteenth_world(900, tmp_path / "out")
    assert a == tmp_path / "out" / "annonces-SYNTHETIQUE.csv" and v == tmp_path / "out" / "verite" / "annonces-SYNTHETIQUE.csv"
    sheet, truth = w.fourteenth_world(900)
    rs = pd.read_csv(a, dtype=str, keep_default_na=False, encoding="utf-8")
    rt = pd.read_csv(v, dtype=str, keep_default_na=False, encoding="utf-8")
    pd.testing.assert_frame_equal(rs, sheet.astype(str))
    pd.testing.assert_frame_equal(rt, truth.astype(str))


# --- fiction rules ---------------------------------------------------------------


def test_phones_only_fiction_ranges(w2500):
    d = w2500
    shown = d.telephone[d.telephone != ""]
    assert len(shown) > 0.6 * len(d)
    norm = shown.map(_norm_phone)
    assert norm.str.len().eq(10).all()
    assert norm.str[:6].isin(w.FICTION_PREFIXES).all()
    # numbers also written inside the texts
    in_text = 0
    for t in d.texte:
        for m in re.findall(r"(?:\+33|0033|\(\+33\)|0)[\d .\-/()]{8,16}\d", t):
            if len(re.sub(r"\D", "", m)) >= 9:  # skip tour dates such as 10/01-23/01
                assert _norm_phone(m)[:6] in w.FICTION_PREFIXES, m
                in_text += 1
    assert in_text > 50
    # many formats
    assert shown.map(lambda x: re.sub(r"\d", "9", x)).nunique() >= 8


def test_sites_fictional(w2500):
    assert w2500.site.str.endswith(".example").all()


def test_communes_of_57():
    com = pd.read_csv(REF / "communes.csv", dtype=str, keep_default_na=False)
    cp = pd.read_csv(REF / "codes_postaux.csv", dtype=str, keep_default_na=False)
    com57 = com[com.departement == "57"].set_index("code")
    pairs = set(zip(cp.code_postal, cp.code_insee))
    for c in w.COMMUNES:
        assert c.insee in com57.index, c
        assert com57.loc[c.insee, "nom"] == c.nom
        for p in c.codes_postaux:
            assert (p, c.insee) in pairs
    assert len({c.insee for c in w.COMMUNES}) == len(w.COMMUNES) >= 30


def test_declared_communes_resolve(w699):
    sheet, _ = w699
    names = [_plain(c.nom) for c in w.COMMUNES]
    abbr = [_plain(a) for v in w._ABBR.values() for a in v]
    ok = sheet.commune_declaree.map(lambda s: any(x in _plain(s) for x in names + abbr) or "moselle" in _plain(s))
    assert ok.all()
    # typed in many ways
    assert (sheet.commune_declaree.map(_plain) != sheet.commune_declaree.str.lower()).any()
    assert sheet.commune_declaree.str.contains(r"\(57\d\d\d\)").any()
    # 80 % in five agglomerations (III-D), about 30 communes
    agg = sheet.commune_declaree.map(lambda s: next((c.agglo for c in sorted(w.COMMUNES, key=lambda c: -len(c.nom))
                                                     if _plain(c.nom) in _plain(s)), None))
    share5 = agg.isin(["metz", "thionville", "forbach", "sarreguemines", "saintavold"]).mean()
    assert 0.65 < share5 < 0.9


# --- report figures ----------------------------------------------------------------


def test_site_families_699(w699):
    sheet, truth = w699
    dating = sheet.site.isin(w._DATING_MIRRORS)
    classified = sheet.site.isin(w._CLA_NAMES)
    assert dating.sum() == 187 and classified.sum() == 107 and (~dating & ~classified).sum() == 405
    # mirror duplicates: the same dating text on several mirrors, same person
    d = sheet[dating].merge(truth, on="id_annonce")
    per_text = d.groupby("texte").agg(sites=("site", "nunique"), persons=("id_personne", "nunique"))
    assert (per_text.sites >= 2).mean() > 0.6
    assert (per_text.persons == 1).all()
    big = sheet.site.value_counts()
    assert set(big.index[:2]) == {"escortes-lorraine.example", "modeles-prives.example"}


def test_duplicate_rate_699(w699):
    _, truth = w699
    assert 1 - truth.id_personne.nunique() / len(truth) == pytest.approx(0.61, abs=0.01)


def test_ages_and_passage(w2500):
    d = w2500
    shown = d.age_declare != ""
    assert 0.38 < shown.mean() < 0.56  # 53 % without age (IV-A-2)
    ages = d.age_declare[shown].astype(int)
    assert ages.min() >= 18 and 27 < ages.mean() < 33
    passage = d.texte.str.contains(r"passage|quelques jours|une semaine|vacances|few days|one week", regex=True)
    assert 0.12 < passage.mean() < 0.30  # 18 % (III-D)


def test_gender_mix(w2500):
    d = w2500
    trans = d.texte.str.contains(r"trans", case=False) | d.pseudo.str.endswith(" TS")
    men = d.texte.str.contains(r"Jeune mec|Homme |étudiant sur", regex=True)
    assert 0.02 < trans.mean() < 0.15
    assert 0.02 < men.mean() < 0.15


# --- networks and the faisceau d'indices (V-A-4) --------------------------------------


def test_networks_present_with_clues(w2500):
    d = w2500.copy()
    d["ph"] = d.telephone.map(_norm_phone)
    d["pr"] = d.pseudo.map(_root)
    net = d.id_reseau != ""
    assert 0.25 < net.mean() < 0.5
    assert d.loc[net].groupby("id_reseau").id_personne.nunique().max() >= 3
    # a network never spans persons of another network
    assert d.groupby("id_personne").id_reseau.nunique().max() == 1
    hits = []
    for _, x in d[net].groupby("id_reseau"):
        if x.id_personne.nunique() < 2:
            continue
        phs = x[x.ph != ""].groupby("id_personne").ph.agg(set)
        stems = x[x.ph != ""].groupby("id_personne").ph.agg(lambda v: {p[:8] for p in v})
        prs = x[x.pr != ""].groupby("id_personne").pr.agg(set)
        pl, ql = list(phs.index), list(prs.index)
        shared_phone = any(phs[a] & phs[b] for i, a in enumerate(pl) for b in pl[i + 1:])
        sibling = any(stems[a] & stems[b] for i, a in enumerate(pl) for b in pl[i + 1:])
        shared_pseudo = any(prs[a] & prs[b] for i, a in enumerate(ql) for b in ql[i + 1:])
        agency = x.texte.str.extract(r"Réservation : ([^.]+)\.")[0].dropna()
        hits.append((shared_phone, sibling, shared_pseudo, agency.nunique() == 1 and len(agency) >= 2))
    hits = pd.DataFrame(hits, columns=["phone", "sibling", "pseudo", "agency"])
    assert len(hits) >= 20
    assert hits.phone.mean() > 0.15 and hits.sibling.mean() > 0.25 and hits.agency.mean() > 0.15
    assert hits.any(axis=1).mean() > 0.6
    # textual clues far more frequent in network ads
    third = d.texte.str.contains(r"\b(?:Elle |est une|Notre nouvelle|Découvrez)", regex=True)
    english = d.texte.str.contains(r"\b(?:I am|I offer|My name|Available|Incall and|Call me)", regex=True)
    h24 = d.texte.str.contains(r"24h/24|tout le temps|24/7", regex=True)
    fiche = d.texte.str.startswith("Prénom :")
    tour = d.texte.str.contains(r"Tournée|Tour :|Prochaines villes", regex=True)
    assert third[net].mean() > 3 * third[~net].mean()
    assert english[net].mean() > 2 * english[~net].mean()
    assert h24[net].mean() > 3 * h24[~net].mean()
    assert fiche[net].mean() > 0.05 and tour[net].mean() > 0.02
    # clues visible in a share of ads near the report's 38 %
    passage = d.texte.str.contains(r"passage|quelques jours|une semaine|vacances|few days|one week", regex=True)
    clue = third | english | h24 | fiche | tour | passage | d.texte.str.contains("Réservation :")
    assert 0.22 < clue.mean() < 0.5
    # shared phones between persons occur only inside one network
    multi = d[d.ph != ""].groupby("ph").id_personne.nunique()
    sh = d[d.ph.isin(multi[multi >= 2].index)]
    assert len(sh) > 0
    assert sh.groupby("ph").id_reseau.agg(lambda r: (r != "").all() and r.nunique() == 1).all()


# --- hard cases -------------------------------------------------------------------------


def test_one_person_looks_different(w2500):
    d = w2500.copy()
    d["pr"] = d.pseudo.map(_root)
    d["ph"] = d.telephone.map(_norm_phone)
    sizes = d.groupby("id_personne").size()
    multi = sizes[sizes >= 2].index
    m = d[d.id_personne.isin(multi)]
    roots = m[m.pr != ""].groupby("id_personne").pr.nunique()
    assert 0.08 < (roots >= 2).mean() < 0.35  # 22 % of persons have a second pseudo
    phones = m[m.ph != ""].groupby("id_personne").ph.nunique()
    assert 0.02 < (phones >= 2).mean() < 0.25
    ages = m[m.age_declare != ""].groupby("id_personne").age_declare.nunique()
    assert 0.04 < (ages >= 2).mean() < 0.3
    communes = m.groupby("id_personne").commune_declaree.nunique()
    assert (communes >= 2).mean() > 0.4
    texts = m.groupby("id_personne").texte.nunique()
    assert (texts >= 2).mean() > 0.5
    # a person's ads spread over several site families
    fam = m.site.map(lambda s: "d" if s in w._DATING_MIRRORS else ("c" if s in w._CLA_NAMES else "e"))
    assert (fam.groupby(m.id_personne).nunique() >= 2).mean() > 0.2


def test_different_persons_look_alike(w2500):
    d = w2500.copy()
    d["pr"] = d.pseudo.map(_root)
    # unrelated persons sharing a first name
    pr = d[(d.pr != "")].groupby("pr").id_personne.nunique()
    assert (pr >= 2).mean() > 0.5
    indep = d[d.id_reseau == ""]
    cross = indep[indep.pr != ""].groupby("pr").id_personne.nunique()
    assert (cross >= 3).sum() >= 10
    # same title used by different persons
    tt = d.groupby("titre").id_personne.nunique()
    assert (tt >= 2).sum() >= 5
    # network-shared typos: the same misspelling in ads of different persons of a network
    typos = [b for _, b in w._TYPOS if len(b) > 4]
    nets = d[d.id_reseau != ""]
    found = 0
    for _, x in nets.groupby("id_reseau"):
        for t in typos:
            if x[x.texte.str.contains(re.escape(t))].id_personne.nunique() >= 2:
                found += 1
                break
    assert found >= 10


def test_ads_per_person_bounded():
    _, truth = w.fourteenth_world(3000)
    per = truth.groupby("id_personne").size()
    assert per.min() >= 1
    assert per.max() <= 80
    assert per.median() <= 4
