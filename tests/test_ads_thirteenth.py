"""Tests of the thirteenth synthetic world (Seine-Maritime ads, written blind)."""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections import defaultdict
from pathlib import Path

import pandas as pd
import pytest

from diagnostic.synthetic import ads_thirteenth as m

REF = Path(__file__).resolve().parents[1] / "src" / "diagnostic" / "reference"
PINNED_699 = "192278f5cc47755c4834e11c0e0dc27f663f855320845b1ba9a1aea8a23c2447"

# ARCEP ranges reserved for fiction (first six digits), written here, not read from the module
FICTION = {"019900", "026191", "035301", "046571", "053649", "063998"}
PHONE_RE = re.compile(
    r"(?<![\d+])(?:(?:\+|00)33[\s.\-/]?|\(\+33\)\s?|0[\s.\-/]?|33)?[1-9](?:[\s.\-/]?\d){8}(?!\d)"
)


def normalize_phone(raw: str) -> str:
    d = re.sub(r"\D", "", raw)
    if d.startswith("0033"):
        d = "0" + d[4:]
    elif d.startswith("33") and len(d) == 11:
        d = "0" + d[2:]
    elif len(d) == 9:
        d = "0" + d
    return d


def phones_in(s: str) -> list[str]:
    return [normalize_phone(x.group(0)) for x in PHONE_RE.finditer(s)]


def fold(s: str) -> str:
    s = unicodedata.normalize("NFKD", s)
    return "".join(c for c in s if not unicodedata.combining(c)).lower()


def tokens(s: str) -> list[str]:
    toks = re.sub(r"[^a-z0-9]+", " ", fold(s)).split()
    out = []
    for t in toks:
        if t.isdigit():
            continue
        out.append({"st": "saint", "ste": "sainte"}.get(t, t))
    return out


def shingles(s: str, k: int = 4) -> set:
    t = re.sub(r"[^a-z0-9]+", " ", fold(s)).split()
    return {" ".join(t[i : i + k]) for i in range(max(0, len(t) - k + 1))}


@pytest.fixture(scope="module")
def w699():
    return m.thirteenth_world(699)


@pytest.fixture(scope="module")
def w2000():
    return m.thirteenth_world(2000)


@pytest.fixture(scope="module")
def communes_76():
    df = pd.read_csv(REF / "communes.csv", dtype=str, keep_default_na=False)
    return df[df["departement"] == "76"]


def ad_phones(sheet: pd.DataFrame) -> list[set]:
    return [set(phones_in(f)) | set(phones_in(t)) for f, t in zip(sheet["telephone"], sheet["texte"])]


# ---------------------------------------------------------------- contract


def test_contract_constants():
    assert m.DEPARTEMENT == "76"
    assert m.SHEET_COLUMNS == (
        "id_annonce", "site", "date_collecte", "commune_declaree", "titre", "texte",
        "telephone", "pseudo", "age_declare",
    )
    assert m.TRUTH_COLUMNS == ("id_annonce", "id_personne", "id_reseau")
    assert len(m.COMMUNES) >= 40


def test_columns_and_types(w699):
    sheet, truth = w699
    assert tuple(sheet.columns) == m.SHEET_COLUMNS
    assert tuple(truth.columns) == m.TRUTH_COLUMNS
    assert len(sheet) == len(truth) == 699
    for df in (sheet, truth):
        for col in df.columns:
            assert all(type(v) is str for v in df[col]), col
    assert list(sheet["id_annonce"]) == [f"A{i:07d}" for i in range(1, 700)]
    assert list(truth["id_annonce"]) == list(sheet["id_annonce"])
    assert truth["id_personne"].str.fullmatch(r"P\d{6}").all()
    assert truth["id_reseau"].str.fullmatch(r"(R\d{5})?").all()
    assert sheet["site"].str.endswith(".example").all()
    assert sheet["date_collecte"].str.fullmatch(r"\d{4}-\d{2}-\d{2}").all()
    # collection order: dates never go back
    assert list(sheet["date_collecte"]) == sorted(sheet["date_collecte"])
    # required fields are filled
    for col in ("site", "date_collecte", "commune_declaree", "titre", "texte"):
        assert (sheet[col] != "").all(), col
    # a person belongs to one network at most
    per = truth.groupby("id_personne")["id_reseau"].nunique()
    assert (per == 1).all()


def test_rejects_non_positive_sizes():
    for bad in (0, -1, -699):
        with pytest.raises(ValueError):
            m.thirteenth_world(bad)
        with pytest.raises(ValueError):
            m.persons_for_ads(bad)
        with pytest.raises(ValueError):
            m.collection_days(bad)


# ---------------------------------------------------------------- report figures


def test_699_ads_make_273_persons_over_the_report_window(w699):
    sheet, truth = w699
    assert m.persons_for_ads(699) == 273
    assert m.collection_days(699) == 77
    assert truth["id_personne"].nunique() == 273
    assert sheet["date_collecte"].min() >= "2018-09-20"
    assert sheet["date_collecte"].max() <= "2018-12-05"
    assert sheet["date_collecte"].nunique() >= 60
    # the dating family (two sources and nine mirrors) carries about a quarter
    sites = sheet["site"].value_counts()
    assert sheet["site"].nunique() >= 20
    mirrors = [s for s, k in zip(m._S_NAME, m._S_KIND) if k in ("rencontre", "miroir")]
    share = sheet["site"].isin(mirrors).mean()
    assert 0.2 <= share <= 0.33
    assert sites.iloc[0] >= 80  # a dominant escort directory


def test_growth_law():
    grid = [1, 2, 10, 100, 699, 700, 2000, 10_000, 100_000, 1_000_000]
    persons = [m.persons_for_ads(n) for n in grid]
    days = [m.collection_days(n) for n in grid]
    assert persons == sorted(persons) and days == sorted(days)
    assert all(1 <= p <= n for p, n in zip(persons, grid))
    assert m.persons_for_ads(1) == 1
    assert m.persons_for_ads(2000) == 633
    assert m.persons_for_ads(100_000) == 14_474
    assert m.persons_for_ads(1_000_000) == 91_323
    assert m.collection_days(2000) == 106
    assert m.collection_days(100_000) == 341
    assert m.collection_days(1_000_000) == 681
    # ads per person grow slowly with the corpus, never explode
    ratios = [n / p for n, p in zip(grid[4:], persons[4:])]
    assert ratios == sorted(ratios)
    assert 2.5 < ratios[0] < 2.6 and 10 < ratios[-1] < 12


def test_world_follows_growth_law(w2000):
    sheet, truth = w2000
    assert truth["id_personne"].nunique() == m.persons_for_ads(2000)
    last = (pd.Timestamp("2018-09-20") + pd.Timedelta(days=m.collection_days(2000) - 1)).strftime("%Y-%m-%d")
    assert sheet["date_collecte"].min() >= "2018-09-20"
    assert sheet["date_collecte"].max() <= last
    assert sheet["date_collecte"].max() > "2018-12-05"


def test_no_absurd_number_of_ads_per_person(w699, w2000):
    for (sheet, truth), cap in ((w699, 20), (w2000, 40)):
        per = truth.groupby("id_personne").size()
        assert per.max() <= cap
        assert per.min() >= 1
        assert (per == 1).mean() > 0.2  # many persons seen once
    per = w2000[1].groupby("id_personne").size()
    assert abs(per.mean() - 2000 / 633) < 1e-9


# ---------------------------------------------------------------- determinism


def _sha(sheet: pd.DataFrame) -> str:
    return hashlib.sha256(sheet.to_csv(index=False, lineterminator="\n").encode("utf-8")).hexdigest()


def test_deterministic_and_pinned(w699):
    sheet, truth = w699
    again, truth2 = m.thirteenth_world(699)
    assert sheet.equals(again) and truth.equals(truth2)
    assert _sha(sheet) == PINNED_699
    other, other_truth = m.thirteenth_world(699, seed=1)
    assert _sha(other) != _sha(sheet)
    assert other_truth["id_personne"].nunique() == 273


def test_write_reads_back_identical(tmp_path):
    sheet, truth = m.thirteenth_world(699)
    p1, p2 = m.write_thirteenth_world(699, tmp_path)
    assert p1 == tmp_path / "annonces-SYNTHETIQUE.csv"
    assert p2 == tmp_path / "verite" / "annonces-SYNTHETIQUE.csv"
    raw = p1.read_bytes()
    raw_truth = p2.read_bytes()
    assert raw.startswith(",".join(m.SHEET_COLUMNS).encode() + b"\n")
    assert raw_truth.startswith(",".join(m.TRUTH_COLUMNS).encode() + b"\n")
    assert b"\r" not in raw and b"\r" not in raw_truth
    assert raw.endswith(b"\n") and raw_truth.endswith(b"\n")
    raw.decode("utf-8")
    assert raw_truth.count(b"\n") == 700
    back = pd.read_csv(p1, dtype=str, keep_default_na=False)
    back_truth = pd.read_csv(p2, dtype=str, keep_default_na=False)
    pd.testing.assert_frame_equal(back, sheet.astype(object), check_dtype=False)
    pd.testing.assert_frame_equal(back_truth, truth.astype(object), check_dtype=False)
    assert hashlib.sha256(raw).hexdigest() == PINNED_699


# ---------------------------------------------------------------- fiction


def test_phones_only_in_fiction_ranges(w699, w2000):
    for sheet, _ in (w699, w2000):
        n_field = n_text = 0
        for field, text in zip(sheet["telephone"], sheet["texte"]):
            if field:
                found = phones_in(field)
                assert len(found) == 1, field
                n_field += 1
            else:
                found = []
            in_text = phones_in(text)
            n_text += bool(in_text)
            for num in found + in_text:
                assert len(num) == 10 and num[:6] in FICTION, (field, text)
            # no other long digit run hides a real-looking number
            for run in re.findall(r"(?:\(?\+)?\d(?:[ .\-/]?\d){8,}", text):
                inside = phones_in(run)
                assert inside and all(x[:6] in FICTION for x in inside), run
        assert n_field > 0.5 * len(sheet)
        assert n_text > 0.1 * len(sheet)
    assert set(m.FICTION_PREFIXES) == FICTION
    # all six ranges are used at 2000 ads
    used = {p[:6] for s in ad_phones(w2000[0]) for p in s}
    assert used == FICTION


def test_sites_and_texts_are_fictional_and_sober(w2000):
    sheet, _ = w2000
    assert sheet["site"].str.fullmatch(r"[a-z0-9\-]+\.example").all()
    text = " ".join(sheet["texte"]).lower()
    for word in ("moment", "détente", "compagnie", "discr"):
        assert word in text
    for crude in ("sexe", "sodo", "fellation", "pipe", "baise"):
        assert crude not in text
    assert "http" not in text and "@" not in text
    # no extract of the report copied verbatim
    for quote in (
        "la discrétion, le respect, l'hygiène, la courtoisie sont de rigueur",
        "je suis ouverte à toute demande",
        "complicité et la bonne humeur",
        "mes photos sont 100 % vraies",
    ):
        assert quote not in text


# ---------------------------------------------------------------- geography


def test_communes_table_is_real(communes_76):
    cp = pd.read_csv(REF / "codes_postaux.csv", dtype=str, keep_default_na=False)
    pairs = set(zip(cp["code_postal"], cp["code_insee"]))
    names = dict(zip(communes_76["code"], communes_76["nom"]))
    seen = set()
    for c in m.COMMUNES:
        assert c.insee.startswith("76")
        assert names.get(c.insee) == c.nom, c
        assert c.codes_postaux, c
        for code in c.codes_postaux:
            assert (code, c.insee) in pairs, (code, c)
        assert c.insee not in seen
        seen.add(c.insee)


def _resolver(communes_76):
    table = []
    for code, nom in zip(communes_76["code"], communes_76["nom"]):
        t = tokens(nom)
        table.append((t, code))
        if t and t[0] in ("le", "la", "les") and len(t) > 1:
            table.append((t[1:], code))
    table.sort(key=lambda x: -len(x[0]))

    def resolve(s: str):
        t = tokens(s)
        for toks, code in table:
            k = len(toks)
            for i in range(len(t) - k + 1):
                if t[i : i + k] == toks:
                    return code
        return None

    return resolve


def test_declared_communes_name_76_communes(w699, w2000, communes_76):
    resolve = _resolver(communes_76)
    ours = {c.insee for c in m.COMMUNES}
    dept_words = {"seine", "maritime", "normandie", "haute"}
    for sheet, _ in (w699, w2000):
        unresolved = []
        codes = []
        for s in sheet["commune_declaree"]:
            code = resolve(s)
            if code is None:
                if set(tokens(s)) <= dept_words:
                    continue
                unresolved.append(s)
            else:
                codes.append(code)
        assert len(unresolved) <= 0.03 * len(sheet), unresolved[:20]
        assert set(codes) <= ours
        counts = pd.Series(codes).value_counts()
        assert list(counts.index[:2]) in (["76540", "76351"], ["76351", "76540"])  # Rouen, Le Havre
        assert counts.get("76540", 0) > 0.3 * len(codes)
        assert len(counts) >= 25  # many communes, rural ones included
    # the same commune is typed in many ways
    rouen = [s for s in w2000[0]["commune_declaree"] if resolve(s) == "76540"]
    assert len(set(rouen)) >= 12


# ---------------------------------------------------------------- networks


def test_networks_exist_and_share_numbers_pseudos_or_templates(w699, w2000):
    for (sheet, truth), lo in ((w699, 0.25), (w2000, 0.28)):
        share = (truth["id_reseau"] != "").mean()
        assert lo <= share <= 0.5
        assert truth.loc[truth["id_reseau"] != "", "id_reseau"].nunique() >= 10
    sheet, truth = w2000
    phones = ad_phones(sheet)
    kinds = defaultdict(int)
    evidenced = 0
    nets = truth[truth["id_reseau"] != ""].groupby("id_reseau")
    for rid, grp in nets:
        members = grp["id_personne"].unique()
        assert len(members) >= 2
        by_person_phone = defaultdict(set)
        by_person_pseudo = defaultdict(set)
        by_person_sh = defaultdict(set)
        for i in grp.index:
            pid = truth.at[i, "id_personne"]
            by_person_phone[pid] |= phones[i]
            if sheet.at[i, "pseudo"]:
                by_person_pseudo[pid].add(sheet.at[i, "pseudo"].lower())
            by_person_sh[pid] |= shingles(sheet.at[i, "texte"])
        found = set()
        ps = list(members)
        for a in range(len(ps)):
            for b in range(a + 1, len(ps)):
                pa, pb = by_person_phone[ps[a]], by_person_phone[ps[b]]
                if pa & pb:
                    found.add("same number")
                if any(x[:8] == y[:8] and x != y for x in pa for y in pb):
                    found.add("last two digits")
                if by_person_pseudo[ps[a]] & by_person_pseudo[ps[b]]:
                    found.add("same pseudo")
                sa, sb = by_person_sh[ps[a]], by_person_sh[ps[b]]
                if sa and sb and len(sa & sb) / min(len(sa), len(sb)) >= 0.4:
                    found.add("template")
        evidenced += bool(found)
        for k in found:
            kinds[k] += 1
    assert evidenced >= 0.9 * len(nets)
    for k in ("same number", "last two digits", "same pseudo", "template"):
        assert kinds[k] >= 3, dict(kinds)


def test_network_clues_of_the_faisceau(w2000):
    sheet, truth = w2000
    net = truth["id_reseau"] != ""
    texts = sheet["texte"]
    english = texts.str.contains(r"\b(?:years old|Available|Kisses|Visiting|I am)\b")
    iberian = texts.str.contains(r"\b(?:soy|sou|años|anos|Besos|Beijos)\b")
    third = texts.str.contains(r"\bElle (?:vous|se|reçoit|peut|saura|aime)\b", case=False)
    allday = texts.str.contains(r"24h/24|tout le temps|jour et nuit|24/7", case=False)
    for clue in (english, iberian, third, allday):
        assert clue[net].mean() > 3 * max(clue[~net].mean(), 0.005)
        assert clue[net].sum() >= 10
    # tours announce dates in the département
    tours = texts.str.contains(r"du \d{1,2}(?: \w+)? au \d{1,2} \w+")
    assert tours[net].sum() >= 20


def test_de_passage_share(w699, w2000):
    pat = r"passage|quelques jours|une semaine|vacances|tournée|Visiting|few days|llegada|chegar|Derni|tout l'été|la saison"
    for sheet, _ in (w699, w2000):
        share = sheet["texte"].str.contains(pat, case=False).mean()
        assert 0.12 <= share <= 0.28  # report III-D: 18 %


# ---------------------------------------------------------------- persons


def test_persons_change_numbers_and_pseudos(w2000):
    sheet, truth = w2000
    phones = ad_phones(sheet)
    nums = defaultdict(set)
    pseudos = defaultdict(set)
    nads = truth.groupby("id_personne").size()
    for i, pid in enumerate(truth["id_personne"]):
        nums[pid] |= phones[i]
        if sheet.at[i, "pseudo"]:
            pseudos[pid].add(sheet.at[i, "pseudo"].lower())
    several = nads[nads >= 3].index
    multi_num = sum(1 for p in several if len(nums[p]) >= 2) / len(several)
    multi_pseudo = sum(1 for p in several if len(pseudos[p]) >= 2) / len(several)
    assert 0.12 <= multi_num <= 0.6
    assert multi_pseudo >= 0.25
    # and some persons drop their pseudo on some ads but not all
    has_empty = truth.assign(e=sheet["pseudo"] == "").groupby("id_personne")["e"].agg(["any", "all"])
    assert ((has_empty["any"]) & (~has_empty["all"])).sum() >= 40


def test_popular_first_names_are_shared_by_many_persons(w2000):
    sheet, truth = w2000
    plain = sheet["pseudo"].str.fullmatch(r"[A-ZÀ-Ý][a-zà-ÿ]{2,}")
    df = pd.DataFrame({"p": sheet.loc[plain, "pseudo"], "who": truth.loc[plain, "id_personne"]})
    by_name = df.groupby("p")["who"].nunique().sort_values(ascending=False)
    assert (by_name >= 2).sum() >= 20
    assert by_name.iloc[0] >= 8


def test_hard_cases_present(w699, w2000):
    sheet, truth = w2000
    phones = ad_phones(sheet)
    field = sheet["telephone"] != ""
    in_text = sheet["texte"].map(lambda t: bool(phones_in(t)))
    none = [not p for p in phones]
    assert 0.04 <= sum(none) / len(sheet) <= 0.2  # ads without any number
    assert ((~field) & in_text).mean() >= 0.05  # number only inside the text
    formats = {re.sub(r"\d", "9", f) for f in sheet.loc[field, "telephone"]}
    assert len(formats) >= 10
    text_formats = {re.sub(r"\d", "9", m_.group(0)) for t in sheet["texte"] for m_ in PHONE_RE.finditer(t)}
    assert len(text_formats) >= 6
    # ages: about half missing, mean near 30, and they vary within persons
    ages = pd.to_numeric(sheet["age_declare"].str.replace(" ans", "", regex=False), errors="coerce")
    assert 0.42 <= ages.isna().mean() <= 0.62
    assert 27 <= ages.mean() <= 33 and ages.min() >= 18
    var = ages.groupby(truth["id_personne"]).nunique()
    assert (var >= 2).sum() >= 30
    # re-edited texts: the same person, different but close texts
    mirrors = {s for s, k in zip(m._S_NAME, m._S_KIND) if k in ("rencontre", "miroir")}
    own = ~sheet["site"].isin(mirrors)
    edited = 0
    for pid, grp in sheet[own].groupby(truth.loc[own, "id_personne"]):
        texts = list(dict.fromkeys(grp["texte"]))
        if len(texts) >= 2:
            a, b = shingles(texts[0]), shingles(texts[1])
            if a and b and 0.3 <= len(a & b) / min(len(a), len(b)) < 1.0:
                edited += 1
    assert edited >= 40
    # mirror copies: one posting on many look-alike sites, re-rendered
    mir = sheet[sheet["site"].isin(mirrors)]
    per = mir.groupby(truth.loc[mir.index, "id_personne"])["site"].nunique()
    assert (per >= 6).sum() >= 15
    assert mir["texte"].str.contains("Ã").any()
    # the first name: in the title only, in the text only, in both, nowhere
    combos = defaultdict(int)
    plain = sheet["pseudo"].str.fullmatch(r"[A-ZÀ-Ý][a-zà-ÿ]{2,}")
    for ps, title, text in zip(sheet.loc[plain, "pseudo"], sheet.loc[plain, "titre"], sheet.loc[plain, "texte"]):
        combos[(ps.lower() in title.lower(), ps.lower() in text.lower())] += 1
    total = sum(combos.values())
    for key in ((True, True), (True, False), (False, True), (False, False)):
        assert combos[key] >= 0.04 * total, dict(combos)
    phrasings = sheet["texte"].str.extract(r"(Je suis|Moi c'est|Ici|Je m'appelle|On m'appelle|Appelez-moi|je m'appelle|Découvrez|Voici)\b")[0]
    assert phrasings.nunique() >= 7


def test_small_worlds_are_consistent():
    for n in (1, 2, 5, 17, 60):
        sheet, truth = m.thirteenth_world(n)
        assert len(sheet) == n
        assert truth["id_personne"].nunique() == m.persons_for_ads(n)
