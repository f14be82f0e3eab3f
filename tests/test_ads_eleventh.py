"""Tests of the eleventh synthetic world of ads (Alpes-Maritimes, written blind)."""

from __future__ import annotations

import csv
import functools
import hashlib
import io
import re
import unicodedata
from collections import defaultdict
from pathlib import Path

import pandas as pd
import pytest

from diagnostic.synthetic import ads_eleventh as m

REFERENCE = Path(__file__).resolve().parents[1] / "src" / "diagnostic" / "reference"
PIN_699 = "4ddf8fb2e0b6dfd041cfaba9d130b03533a61a90dfcac5f61425ff740d7ce567"

# ARCEP: numbers reserved for fiction (first six digits, 10,000 numbers each)
FICTION = ("019900", "026191", "035301", "046571", "053649", "063998")
PHONE_RE = re.compile(r"(?:\+33|0033|[0O])(?:[\s.\-/]?[0-9O]){9}")


def phones_in(s: str) -> list[str]:
    """Every French phone number written in ``s``, as ten digits."""
    out = []
    for hit in PHONE_RE.findall(s):
        d = hit.replace("O", "0")
        d = re.sub(r"[^0-9+]", "", d)
        if d.startswith("+33"):
            d = "0" + d[3:]
        elif d.startswith("0033"):
            d = "0" + d[4:]
        out.append(d)
    return out


def norm(s: str) -> str:
    s = "".join(ch for ch in unicodedata.normalize("NFD", s) if unicodedata.category(ch) != "Mn")
    s = re.sub(r"[-'’()/,_]", " ", s.lower())
    return re.sub(r"\s+", " ", s).strip()


def edit_distance(a: str, b: str) -> int:
    prev = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        cur = [i]
        for j, cb in enumerate(b, 1):
            cur.append(min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (ca != cb)))
        prev = cur
    return prev[-1]


_TOWN_TAIL = re.compile(
    r"(?<=\w\w)(" + "|".join(sorted({re.escape(norm(m._pseudo_tag(c.insee))) for c in m.COMMUNES},
                                       key=len, reverse=True)) + r")$"
)


@functools.lru_cache(maxsize=None)
def base_name(pseudo: str) -> str:
    """The first name inside a decorated pseudo (« Miss Lola », « lola06 »...)."""
    p = norm(pseudo)
    p = re.sub(r"^(miss|lady|mister|sir) ", "", p)
    p = re.sub(r"( ts| new| nouveau| douce| doux|\d+)$", "", p)
    return _TOWN_TAIL.sub("", p).strip()


def frame(n: int):
    sheet, truth, hidden = m._generate(n)
    df = sheet.merge(truth, on="id_annonce").merge(hidden, on="id_annonce")
    return sheet, truth, hidden, df


@pytest.fixture(scope="module")
def w699():
    return frame(699)


@pytest.fixture(scope="module")
def w2000():
    return frame(2000)


@pytest.fixture(scope="module")
def w100k():
    # large enough for recycled numbers and crowds of homonyms, still a few seconds
    return frame(100_000)


# --------------------------------------------------------------------------


def test_report_size_and_window(w699):
    sheet, truth, _, _ = w699
    assert len(sheet) == 699 and len(truth) == 699
    assert truth["id_personne"].nunique() == 273
    assert sheet["date_collecte"].min() == "2018-09-20"
    assert sheet["date_collecte"].max() == "2018-12-05"
    # the report's duplicate rate: 1 - 273 / 699 = 61 %
    assert round(1 - truth["id_personne"].nunique() / len(truth), 2) == 0.61


def test_columns_types_and_ids(w699, w2000):
    for sheet, truth, _, _ in (w699, w2000):
        assert tuple(sheet.columns) == m.SHEET_COLUMNS
        assert tuple(truth.columns) == m.TRUTH_COLUMNS
        for f in (sheet, truth):
            for col in f.columns:
                assert f[col].map(type).eq(str).all(), col
        n = len(sheet)
        assert list(sheet["id_annonce"]) == [f"A{i:07d}" for i in range(1, n + 1)]
        assert list(truth["id_annonce"]) == list(sheet["id_annonce"])
        # collection order: dates never go back
        assert sheet["date_collecte"].is_monotonic_increasing
        assert truth["id_personne"].str.fullmatch(r"P\d{6}").all()
        assert truth["id_reseau"].str.fullmatch(r"(R\d{5})?").all()
        # a person belongs to one network at most
        assert truth.groupby("id_personne")["id_reseau"].nunique().max() == 1
        assert sheet["site"].str.endswith(".example").all()
        assert (sheet["age_declare"].eq("") | sheet["age_declare"].str.fullmatch(r"\d{2}")).all()
    assert len(w2000[0]) == 2000
    assert w2000[1]["id_personne"].nunique() == m.persons_for_ads(2000) == 667


def test_deterministic_and_pinned(w699):
    sheet, truth = m.eleventh_world(699)
    assert sheet.equals(w699[0]) and truth.equals(w699[1])
    data = sheet.to_csv(index=False, lineterminator="\n").encode("utf-8")
    assert hashlib.sha256(data).hexdigest() == PIN_699
    other, _ = m.eleventh_world(699, seed=m.DEFAULT_SEED + 1)
    assert not other["texte"].equals(sheet["texte"])


def test_phones_only_in_fiction_ranges(w699, w2000, w100k):
    assert set(m.FICTION_PREFIXES) == set(FICTION)
    for _, _, _, df in (w699, w2000, w100k):
        found = 0
        for field, text, num, num2 in zip(df["telephone"], df["texte"], df["numero"], df["numero2"]):
            in_field = phones_in(field)
            in_text = phones_in(text)
            if field:
                assert in_field, field
            for p in in_field + in_text:
                assert p[:6] in FICTION, p
                assert p in (num, num2), (p, num, num2)
            found += len(in_field) + len(in_text)
        assert found > len(df) * 0.8
    df = w699[3]
    only_text = df[(df["telephone"] == "") & df["texte"].map(lambda t: bool(phones_in(t)))]
    assert len(only_text) >= 0.08 * len(df)
    no_number = df[(df["telephone"] == "") & ~df["texte"].map(lambda t: bool(phones_in(t)))]
    assert 0.03 * len(df) <= len(no_number) <= 0.45 * len(df)
    # many ways of writing a number in the phone field
    shapes = {re.sub(r"\d", "9", f) for f in w2000[3]["telephone"] if f}
    assert len(shapes) >= 10
    # spaced-out digits and a letter O for zero, in texts
    texts = " ".join(w2000[3]["texte"])
    assert re.search(r"\b0 [1-6] \d \d \d \d", texts)
    assert re.search(r"\bO[1-6] \d\d", texts)


def test_communes_table_is_real():
    names, depts = {}, {}
    with open(REFERENCE / "communes.csv", encoding="utf-8") as f:
        for row in csv.DictReader(f):
            names[row["code"]] = row["nom"]
            depts[row["code"]] = row["departement"]
    postcodes = defaultdict(set)
    with open(REFERENCE / "codes_postaux.csv", encoding="utf-8") as f:
        for row in csv.DictReader(f):
            postcodes[row["code_insee"]].add(row["code_postal"])
    assert len(m.COMMUNES) >= 60
    assert len({c.insee for c in m.COMMUNES}) == len(m.COMMUNES)
    for c in m.COMMUNES:
        assert depts[c.insee] == "06"
        assert names[c.insee] == c.nom
        assert set(c.codes_postaux) == postcodes[c.insee], c.nom
    known = {c.insee for c in m.COMMUNES}
    for table in (m.QUARTIERS, m.ABREVIATIONS, m.FOREIGN_FORMS, m.FAUTES):
        assert set(table) <= known
    assert set(m.MENU_TOWNS) <= known
    # the big towns of the 06 lead
    weights = {c.nom: c.poids for c in m.COMMUNES}
    assert max(weights, key=weights.get) == "Nice"
    assert sorted(weights, key=weights.get)[-3:] == ["Antibes", "Cannes", "Nice"]


def _forms():
    forms = defaultdict(set)
    for c in m.COMMUNES:
        forms[norm(c.nom)].add(c.insee)
        for table in (m.QUARTIERS, m.ABREVIATIONS, m.FOREIGN_FORMS, m.FAUTES):
            for f in table.get(c.insee, ()):
                forms[norm(f)].add(c.insee)
    return forms


def resolve(declared: str, target: str, forms) -> str:
    """How a declared commune names the commune ``target`` (or AssertionError)."""
    if declared == "":
        return "vide"
    if declared in m.DEPARTEMENT_LABELS:
        return "departement"
    s = norm(declared)
    codes = re.findall(r"\b\d{5}\b", s)
    rest = re.sub(r"\b\d{5}\b", " ", s)
    rest = re.sub(r"\b06\b", " ", rest).strip()
    rest = re.sub(r"\s+", " ", rest)
    c = next(c for c in m.COMMUNES if c.insee == target)
    for code in codes:
        assert code in c.codes_postaux, (declared, target)
    if not rest:
        assert codes, declared
        return "code_postal"
    if target in forms.get(rest, ()):
        return "exact" if rest == norm(c.nom) else "alias"
    own = [f for f, insees in forms.items() if target in insees]
    assert min(edit_distance(rest, f) for f in own) <= 2, (declared, target)
    return "faute"


def test_declared_communes_name_06_communes(w699, w2000):
    forms = _forms()
    for _, _, _, df in (w699, w2000):
        kinds = [resolve(d, t, forms) for d, t in zip(df["commune_declaree"], df["insee_declaree"])]
        counts = pd.Series(kinds).value_counts(normalize=True)
        assert counts.get("exact", 0) > 0.5
        assert 0.005 < counts.get("vide", 0) < 0.08
        assert counts.get("departement", 0) < 0.08
        assert counts.get("code_postal", 0) > 0.002
        assert counts.get("alias", 0) > 0.01
        assert counts.get("faute", 0) > 0
    df = w2000[3]
    nice = set(df.loc[df["insee_declaree"] == "06088", "commune_declaree"])
    assert {"Nice", "nice", "NICE"} <= nice
    assert len(nice) >= 15
    assert any(re.fullmatch(r"06[0-3]00", x) for x in nice)
    assert nice & set(m.QUARTIERS["06088"])
    # many communes, not only the coast
    assert df["insee"].nunique() >= 30
    assert (df["insee"] == "06088").mean() > 0.25
    assert df["insee"].isin(["06088", "06029", "06004"]).mean() > 0.5


def test_sites_of_several_kinds_and_mirrors(w699):
    sheet, truth, hidden, df = w699
    kind = {s.name: s.kind for s in m.SITES}
    share = sheet["site"].map(kind).value_counts(normalize=True)
    assert 0.40 < share["escort"] < 0.70
    assert 0.08 < share["petites"] < 0.30
    assert 0.12 < share["rencontre"] < 0.40
    assert sheet["site"].nunique() >= 15
    # mirrors copy the source ad: same person, same title, several dating sites
    mirrors = df[df["miroir"] == 1]
    assert len(mirrors) > 0.1 * len(df)
    date_family = {s.name for s in m.SITES if s.family == "date"}
    g = df[df["site"].isin(date_family)].groupby(["id_personne", "titre"])["site"].nunique()
    assert g.max() >= 6


def test_networks_share_numbers_pseudos_templates(w699, w2000, w100k):
    for _, truth, _, df in (w699, w2000):
        nets = truth.loc[truth["id_reseau"] != ""].groupby("id_reseau")["id_personne"].nunique()
        assert len(nets) >= 5
        assert nets.min() >= 1 and nets.max() >= 3
        share = (truth["id_reseau"] != "").mean()
        assert 0.15 < share < 0.55
    df = w2000[3]
    net = df[df["id_reseau"] != ""]
    # the same number for several persons of a network
    by_num = net[net["numero"] != ""].groupby("numero")
    shared = by_num.agg(p=("id_personne", "nunique"), r=("id_reseau", "nunique"))
    assert ((shared["p"] >= 2) & (shared["r"] == 1)).sum() >= 3
    # numbers of one network differing only in their last two digits
    pairs = 0
    for rid, g in net[net["numero"] != ""].groupby("id_reseau"):
        nums = g.drop_duplicates(["numero", "id_personne"])[["numero", "id_personne"]].values
        for i in range(len(nums)):
            for j in range(i + 1, len(nums)):
                a, b = nums[i], nums[j]
                if a[0] != b[0] and a[0][:8] == b[0][:8] and a[1] != b[1]:
                    pairs += 1
    assert pairs >= 3
    # a template: persons of one network with the same wording once names are blanked
    templated = 0
    for rid, g in net[net["miroir"] == 0].groupby("id_reseau"):
        sets = {}
        for pid, gg in g.groupby("id_personne"):
            row = gg.iloc[0]
            t = row["texte"]
            t = re.sub(r"\d+", "#", t)
            words = set(re.findall(r"[a-zà-ÿ]{4,}", t.lower()))
            name = base_name(row["pseudo"]) if row["pseudo"] else ""
            sets[pid] = words - {name}
        ids = list(sets)
        if any(len(sets[a] & sets[b]) / max(1, len(sets[a] | sets[b])) > 0.6
               for i, a in enumerate(ids) for b in ids[i + 1:]):
            templated += 1
    assert templated >= 5
    # a house pseudo used for several persons of a network (V-A-4)
    big = w100k[3]
    bn = big[(big["id_reseau"] != "") & (big["pseudo"] != "")].copy()
    bn["nom"] = bn["pseudo"].map(base_name)
    g = bn.groupby(["id_reseau", "nom"])["id_personne"].nunique()
    assert (g >= 2).sum() >= 20


def test_network_signs_in_texts(w699, w2000):
    df = w2000[3]
    net = df[df["id_reseau"] != ""]
    ind = df[df["id_reseau"] == ""]
    third = (r"\b(?:Elle|Il) (?:est|vous|mesure|s'appelle|reçoit|saura)|\bNotre charmante?\b"
             r"|\bDécouvrez\b|\bNew (?:girl|boy)\b|\bNuova ragazza\b|\bNueva chica\b|\bshe is\b")
    assert net["texte"].str.contains(third, case=False).mean() > 0.3
    assert ind["texte"].str.contains(third, case=False).mean() < 0.1
    assert (net["langue"] != "fr").mean() > (ind["langue"] != "fr").mean()
    assert set(df["langue"]) == {"fr", "en", "it", "es"}
    assert net["texte"].str.contains("English:").any()
    assert df["texte"].str.contains("24h/24|24/7|24 ore|24 horas").any()
    # the share « de passage » is close to the report's 18 %
    for _, _, _, d in (w699, w2000):
        assert 0.10 < d["passage"].mean() < 0.32
    # a previous member's name left in a title (inconsistency)
    assert df["incoherence"].sum() >= 5
    # members of a network in the same town the same day
    co = net.groupby(["id_reseau", "date_collecte", "insee"])["id_personne"].nunique()
    assert (co >= 2).sum() >= 10


def test_persons_change_numbers_pseudos_and_ages(w2000, w100k):
    df = w2000[3]
    ind = df[(df["id_reseau"] == "") & (df["miroir"] == 0)]
    nums = ind[ind["numero"] != ""].groupby("id_personne")["numero"].nunique()
    assert (nums >= 2).sum() >= 10
    named = ind[ind["pseudo"] != ""].copy()
    named["nom"] = named["pseudo"].map(base_name)
    names = named.groupby("id_personne")["nom"].nunique()
    assert (names >= 2).sum() >= 10
    assert (named.groupby("id_personne")["pseudo"].nunique() >= 2).sum() > (names >= 2).sum()
    # ads without a pseudo for persons who have one elsewhere
    dropped = set(ind.loc[ind["pseudo"] == "", "id_personne"]) & set(named["id_personne"])
    assert len(dropped) >= 20
    # ages vary a little, never wildly
    ages = df[df["age_declare"] != ""].assign(a=lambda x: x["age_declare"].astype(int))
    spread = ages.groupby("id_personne")["a"].agg(lambda a: a.max() - a.min())
    assert (spread >= 1).sum() >= 30
    assert spread.max() <= 8
    a = ages["a"]
    assert 18 <= a.min() and a.max() <= 65 and 27 <= a.mean() <= 33
    # a second number (WhatsApp) in some texts
    assert (df["numero2"] != "").sum() >= 5
    # people posting for months, with a number change in between
    big = w100k[3]
    span = big.groupby("id_personne")["jour"].agg(lambda d: d.max() - d.min())
    assert (span >= 180).sum() >= 1000
    long_ids = span[span >= 180].index
    bl = big[big["id_personne"].isin(long_ids) & (big["numero"] != "")]
    assert (bl.groupby("id_personne")["numero"].nunique() >= 2).mean() > 0.3


def test_hard_cases(w2000, w100k):
    df = w2000[3]
    # different persons with the same name, age and town, not of one network
    x = df[(df["pseudo"] != "") & (df["age_declare"] != "") & (df["id_reseau"] == "")].copy()
    x["nom"] = x["pseudo"].map(base_name)
    g = x.groupby(["nom", "age_declare", "insee"])["id_personne"].nunique()
    assert (g >= 2).sum() >= 1
    # at large size: crowds of homonyms
    big = w100k[3]
    y = big[(big["pseudo"] != "") & (big["age_declare"] != "")].copy()
    y["nom"] = y["pseudo"].map(base_name)
    g = y.groupby(["nom", "age_declare", "insee"])["id_personne"].nunique()
    assert (g >= 2).sum() >= 1000
    assert g.max() >= 10
    # a recycled number: persons outside networks, after the quarantine only
    z = big[big["numero"] != ""].groupby(["numero", "id_personne", "id_reseau"])["jour"].agg(["min", "max"])
    z = z.reset_index().sort_values(["numero", "min"])
    z["prev_max"] = z.groupby("numero")["max"].shift()
    z["prev_net"] = z.groupby("numero")["id_reseau"].shift()
    t = z.dropna(subset=["prev_max"])
    t = t[~((t["id_reseau"] != "") & (t["id_reseau"] == t["prev_net"]))]
    gaps = t["min"] - t["prev_max"]
    assert len(gaps) >= 20
    assert m.QUARANTINE_DAYS == 90 and gaps.min() >= 90
    # the same person with a new number and a new pseudo at once (a new identity)
    ind = big[(big["id_reseau"] == "") & (big["miroir"] == 0) & (big["numero"] != "")
              & (big["pseudo"] != "")].sort_values(["id_personne", "jour"])
    nom = ind["pseudo"].map(base_name)
    same = ind["id_personne"].eq(ind["id_personne"].shift())
    both = same & ind["numero"].ne(ind["numero"].shift()) & nom.ne(nom.shift())
    assert ind.loc[both, "id_personne"].nunique() >= 30
    only_number = same & ind["numero"].ne(ind["numero"].shift()) & nom.eq(nom.shift())
    assert only_number.sum() > both.sum()


def test_growth_law():
    assert m.persons_for_ads(699) == 273
    assert m.collection_days(699) == 77
    assert m.persons_for_ads(2000) == 667
    assert m.collection_days(2000) == 107
    assert m.persons_for_ads(100_000) == 18_551
    assert m.collection_days(100_000) == 359
    assert m.persons_for_ads(1_000_000) == 131_328
    assert m.collection_days(1_000_000) == 732
    sizes = [1, 2, 10, 100, 699, 2000, 10_000, 100_000, 1_000_000]
    persons = [m.persons_for_ads(n) for n in sizes]
    days = [m.collection_days(n) for n in sizes]
    assert persons == sorted(persons) and days == sorted(days)
    assert all(1 <= p <= n for p, n in zip(persons, sizes))
    ratio = [n / p for p, n in zip(persons, sizes)][4:]
    assert ratio == sorted(ratio)  # more ads per person in longer windows
    assert 7 < 1_000_000 / m.persons_for_ads(1_000_000) < 9


def test_no_absurd_number_of_ads(w699, w2000, w100k):
    for (_, truth, _, df), top in ((w699, 40), (w2000, 80), (w100k, m.MAX_ADS_PER_PERSON)):
        c = truth["id_personne"].value_counts()
        assert c.max() <= top
        assert c.min() >= 1
    big = w100k[3]
    c = big["id_personne"].value_counts()
    assert c.quantile(0.99) <= 80
    assert c.median() <= 5
    # without mirror copies, at most about one new ad every two days of activity
    own = big[big["miroir"] == 0]
    agg = own.groupby("id_personne")["jour"].agg(["size", "min", "max"])
    busy = agg[agg["size"] >= 20]
    assert (busy["size"] / (busy["max"] - busy["min"] + 1)).max() <= 1.5


def test_large_size_is_realistic(w100k):
    sheet, truth, hidden, df = w100k
    assert truth["id_personne"].nunique() == 18_551
    assert sheet["date_collecte"].max() == "2019-09-13"
    named = df[df["pseudo"] != ""].copy()
    named["nom"] = named["pseudo"].map(base_name)
    per_name = named.groupby("nom")["id_personne"].nunique().sort_values(ascending=False)
    # popular pseudonyms shared by many persons, and a long tail
    assert per_name.iloc[0] >= 300
    assert per_name.iloc[0] / truth["id_personne"].nunique() < 0.06
    assert len(per_name) >= 300
    # numbers are not exhausted: most persons have their own
    nums = df.loc[df["numero"] != "", "numero"].nunique()
    assert nums >= 0.8 * truth["id_personne"].nunique()
    assert hidden.attrs["networks"] >= 500
    # sites close and reopen under other names over a year
    assert sheet["site"].nunique() > len(m.SITES) + 5
    # the summer season lifts the coast
    month = sheet["date_collecte"].str[5:7]
    per_day = sheet.groupby(month).size() / sheet.groupby(month)["date_collecte"].nunique()
    assert per_day["08"] > per_day["11"]


def test_write_reads_back(tmp_path):
    p_sheet, p_truth = m.write_eleventh_world(699, tmp_path)
    assert p_sheet == tmp_path / "annonces-SYNTHETIQUE.csv"
    assert p_truth == tmp_path / "verite" / "annonces-SYNTHETIQUE.csv"
    sheet, truth = m.eleventh_world(699)
    for path, f in ((p_sheet, sheet), (p_truth, truth)):
        raw = path.read_bytes()
        assert b"\r" not in raw and raw.endswith(b"\n")
        back = pd.read_csv(io.BytesIO(raw), dtype=str, keep_default_na=False, encoding="utf-8")
        assert list(back.columns) == list(f.columns)
        assert back.astype(object).equals(f.astype(object))


def test_rejects_non_positive_sizes(tmp_path):
    for bad in (0, -1, -699):
        with pytest.raises(ValueError):
            m.eleventh_world(bad)
        with pytest.raises(ValueError):
            m.persons_for_ads(bad)
        with pytest.raises(ValueError):
            m.collection_days(bad)
        with pytest.raises(ValueError):
            m.write_eleventh_world(bad, tmp_path)
    assert not (tmp_path / "annonces-SYNTHETIQUE.csv").exists()


def test_sober_french_prose(w2000):
    df = w2000[3]
    fr = df[df["langue"] == "fr"]["texte"].str.lower()
    for word in ("détente", "moment", "compagnie", "discr"):
        assert fr.str.contains(word).mean() > 0.05, word
    banned = r"\b(?:sexe|sexuel\w*|fellation|pénétration|nue|nues|porno\w*|érotique)\b"
    assert not df["texte"].str.lower().str.contains(banned).any()
    assert not df["titre"].str.lower().str.contains(banned).any()
    # the report's extracts are not copied
    assert not df["texte"].str.contains("pure évasion|instant féérique|sur le secteur pendant tout l'été").any()
