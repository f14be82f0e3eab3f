"""The ninth synthetic ad corpus (Bas-Rhin): anchors, shape, fiction-only data, networks."""

import hashlib
import re

import pandas as pd
import pytest

from diagnostic.synthetic import ads_ninth as nine

FICTION = ("019900", "026191", "035301", "046571", "053649", "063998")
# digits separated by at most one space, dot, dash or slash, with an optional +33 / 0033 / (0)
PHONE_LIKE = re.compile(r"(?:\+33|0033)?[ ]?(?:\(0\)[ ]?)?\d(?:[ .\-/]?\d)+")
SHEET_DIGEST = "e7c692d7d0296df3"


def national(token: str) -> str:
    d = re.sub(r"\D", "", token)
    if d.startswith("0033"):
        d = d[4:]
    elif token.lstrip().startswith("+33"):
        d = d[2:]
    if len(d) == 9:          # +33 6 ..., or a zero typed as the letter O
        d = "0" + d
    return d


@pytest.fixture(scope="module")
def world():
    sheet, truth = nine.ninth_world(699)
    return sheet, truth, sheet.merge(truth, on="id_annonce")


def test_report_anchors():
    assert nine.DEPARTEMENT == "67"
    assert nine.person_count(699) == 273
    assert nine.span_days(699) == 77
    assert nine.person_count(2000) == 703 and nine.span_days(2000) == 130
    assert nine.person_count(1_000_000) == 188_857 and nine.span_days(1_000_000) == 2912
    assert nine.person_count(1) == 1 and nine.span_days(1) == 1
    with pytest.raises(ValueError):
        nine.ninth_world(0)


def test_shape_columns_and_types(world):
    sheet, truth, _ = world
    assert tuple(sheet.columns) == nine.COLUMNS == (
        "id_annonce", "site", "date_collecte", "commune_declaree", "titre", "texte",
        "telephone", "pseudo", "age_declare")
    assert tuple(truth.columns) == nine.TRUTH_COLUMNS == ("id_annonce", "id_personne", "id_reseau")
    assert len(sheet) == len(truth) == 699
    assert sheet.id_annonce.is_unique
    assert sheet.id_annonce.tolist() == truth.id_annonce.tolist()
    for frame in (sheet, truth):
        assert all(pd.api.types.is_string_dtype(frame[c]) for c in frame.columns)
        assert not frame.isna().any().any()
    assert sheet.age_declare.str.fullmatch(r"\d*").all()
    assert sheet.date_collecte.str.fullmatch(r"\d{4}-\d{2}-\d{2}").all()
    assert sheet.texte.str.len().min() > 20


def test_persons_and_span(world):
    sheet, truth, _ = world
    assert truth.id_personne.nunique() == 273
    dates = pd.to_datetime(sheet.date_collecte)
    assert (dates.max() - dates.min()).days + 1 == 77
    assert dates.min() == pd.Timestamp("2021-09-20")
    assert dates.is_monotonic_increasing          # the sheet in the order of collection
    assert round(1 - 273 / 699, 2) == 0.61


@pytest.mark.parametrize("n", [1, 7, 60, 2000])
def test_other_sizes(n):
    sheet, truth = nine.ninth_world(n, seed=5)
    assert len(sheet) == n and truth.id_personne.nunique() == nine.person_count(n)
    days = pd.to_datetime(sheet.date_collecte)
    assert (days.max() - days.min()).days + 1 == nine.span_days(n)


def test_determinism_and_digest(world):
    sheet, truth, _ = world
    again, truth_again = nine.ninth_world(699)
    pd.testing.assert_frame_equal(sheet, again)
    pd.testing.assert_frame_equal(truth, truth_again)
    digest = hashlib.sha256(sheet.to_csv(index=False).encode("utf-8")).hexdigest()[:16]
    assert digest == SHEET_DIGEST
    other, _ = nine.ninth_world(699, seed=7)
    assert not other.equals(sheet)


def test_fictitious_sites(world):
    sheet, _, _ = world
    assert len(nine._SITES) == 39 and len({s[0] for s in nine._SITES}) == 39
    assert all(s[0].endswith(".example") for s in nine._SITES)
    assert sheet.site.str.endswith(".example").all()
    assert sheet.site.nunique() >= 30


def test_only_fiction_phone_numbers(world):
    sheet, _, _ = world
    seen = 0
    for column in ("telephone", "texte"):
        for value in sheet[column].tolist():
            for token in PHONE_LIKE.findall(value):
                if len(re.sub(r"\D", "", token)) < 9:
                    continue
                number = national(token)
                assert len(number) == 10 and number[:6] in FICTION, (column, token, value)
                seen += 1
    assert seen > 600
    filled = sheet.telephone[sheet.telephone != ""]
    assert filled.map(lambda v: national(v)[:6] in FICTION and len(national(v)) == 10).all()
    assert filled.nunique() > filled.map(national).nunique()     # several spellings per number


def test_no_minor(world):
    sheet, _, _ = world
    ages = pd.to_numeric(sheet.age_declare[sheet.age_declare != ""])
    assert ages.min() >= 18 and 24 <= ages.mean() <= 32
    in_text = sheet.texte.str.extractall(r"\b(\d\d) (?:ans|Jahre|years)")[0].astype(int)
    assert in_text.min() >= 18


def test_network_shares_a_template(world):
    _, _, d = world
    found = False
    for _, ads in d[d.id_reseau != ""].groupby("id_reseau"):
        owners: dict[str, set] = {}
        for pid, text in zip(ads.id_personne, ads.texte):
            for sentence in re.split(r"(?<=[.!])\s+", text):
                if len(sentence) >= 35 and not re.search(r"\d", sentence):
                    owners.setdefault(sentence, set()).add(pid)
        shared = [s for s, who in owners.items() if len(who) >= 3]
        if shared:
            persons = ads[ads.texte.str.contains(shared[0], regex=False)]
            firsts = persons.drop_duplicates("id_personne").texte.str.split().str[0]
            if firsts.nunique() >= 2 and persons.age_declare.replace("", pd.NA).dropna().nunique() >= 2:
                found = True
                break
    assert found


def test_switchboard_and_close_numbers(world):
    _, _, d = world
    d = d[d.telephone != ""].assign(number=lambda x: x.telephone.map(national))
    per_number = d.groupby("number").agg(persons=("id_personne", "nunique"),
                                         networks=("id_reseau", lambda s: set(s)))
    shared = per_number[per_number.persons >= 3]
    assert len(shared) >= 1
    assert any(nets != {""} and len(nets) == 1 for nets in shared.networks)
    # numbers of one network whose last digit(s) only differ
    close = 0
    for rid, ads in d[d.id_reseau != ""].groupby("id_reseau"):
        numbers = sorted(set(ads.number))
        if len(numbers) >= 2 and len({n[:8] for n in numbers}) < len(numbers):
            close += 1
    assert close >= 3


def test_phones_missing_or_in_text(world):
    sheet, _, d = world
    has_number = sheet.texte.map(lambda t: any(len(re.sub(r"\D", "", x)) >= 9
                                               for x in PHONE_LIKE.findall(t)))
    no_phone = (sheet.telephone == "") & ~has_number
    only_text = (sheet.telephone == "") & has_number
    assert 0.05 <= no_phone.mean() <= 0.2
    assert 0.05 <= only_text.mean() <= 0.2
    ind = d[(d.id_reseau == "") & (d.telephone != "")]
    changed = ind.assign(n=ind.telephone.map(national)).groupby("id_personne").n.nunique()
    assert (changed >= 2).sum() >= 3        # persons changing number during the watch


def test_mirrors_reposts_and_spellings(world):
    sheet, _, d = world
    mirrors = {s[0] for s in nine._SITES if s[1] == "mir"}
    assert len(mirrors) == 11
    on_mirrors = sheet[sheet.site.isin(mirrors)]
    assert 0.15 <= len(on_mirrors) / len(sheet) <= 0.4
    assert on_mirrors.groupby(on_mirrors.texte.str[:120]).site.nunique().max() >= 6
    per_person = d.groupby("id_personne").size()
    assert per_person.max() >= 20 and (per_person == 1).sum() >= 100
    busy = per_person.idxmax()
    texts = d[d.id_personne == busy].texte
    assert texts.nunique() >= 3                      # reposts edited, not copied
    strasbourg = sheet.commune_declaree[sheet.commune_declaree.str.contains(
        "Stras|Sxb|Neudorf|Krutenau|Robertsau|Cronenbourg|Stra.burg", case=False)]
    assert strasbourg.nunique() >= 12
    assert sheet.commune_declaree.str.contains("Kehl|Offenburg|Baden|Karlsruhe").any()
    assert sheet.texte.str.contains(r"\b(?:ich|Jahre|nur)\b").any()       # German ads
    assert sheet.texte.str.contains(r"\b(?:years|Available|Call)\b").any()  # English ads
    pseudos = d[(d.id_reseau == "") & (d.pseudo != "")].groupby("id_personne").pseudo.nunique()
    assert (pseudos >= 2).sum() >= 2


def test_truth_is_consistent(world):
    _, truth, _ = world
    nets = truth.groupby("id_personne").id_reseau.nunique()
    assert (nets == 1).all()                         # one network at most, for all ads
    in_networks = truth[truth.id_reseau != ""]
    sizes = in_networks.groupby("id_reseau").id_personne.nunique()
    assert sizes.min() >= 2 and len(sizes) >= 5
    assert 0.25 <= len(in_networks) / len(truth) <= 0.55


def test_write_ninth_world(tmp_path):
    sheet_path, truth_path = nine.write_ninth_world(60, tmp_path, seed=3)
    assert sheet_path == tmp_path / "annonces-SYNTHETIQUE.csv"
    assert truth_path == tmp_path / "verite" / "annonces-SYNTHETIQUE.csv"
    first = sheet_path.read_text(encoding="utf-8").splitlines()[0]
    assert first == ",".join(nine.COLUMNS)
    assert truth_path.read_text(encoding="utf-8").splitlines()[0] == ",".join(nine.TRUTH_COLUMNS)
    back = pd.read_csv(sheet_path, dtype=str, keep_default_na=False)
    expected, truth = nine.ninth_world(60, seed=3)
    assert back.values.tolist() == expected.values.tolist()
    assert pd.read_csv(truth_path, dtype=str, keep_default_na=False).id_annonce.tolist() == truth.id_annonce.tolist()
