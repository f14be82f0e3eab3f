"""Privacy leaks of issue 17 (section 2), one small hand-written input per case.

Cases:

1. Phone numbers in every spelling are masked on reading (`privacy.mask_contacts`) and
   found by the publication check (`publication.scan_text`), with one shared detection:
   slashes, underscores, commas, stars, zero-width spaces, French words ("zéro six douze…"), O's for zeros,
   `+33 (0)6…`, `0033 6…`; dates, postcodes, ages and prices are left alone.
2. Obfuscated e-mails (`(at)`, `[at]`, ` arobase `, `(dot)`, `[point]`) are masked on
   reading and found by the check.
3. A full name (first name and surname) inside an ad's text or a free-text answer is
   masked as `[nom]`; commune and street names are not; for real data the coder sheets
   are working files outside the book.
4. Formula injection: texts starting with `=`, `+`, `-`, `@` stay plain strings in the
   xlsx files and get a leading apostrophe in the CSV files.
5. The pseudonymisation key: real data are refused without a secret key (French
   message saying how to create one); `diagnostic cle --sortie FICHIER` writes one
   (mode 600, never overwriting); synthetic and published-figure editions need none.
6. The publication check parses pages (visible text, reader-visible attributes, chart
   data), ignores internal identifiers, accepts findings acknowledged by their hash,
   and opens the book's downloads (xlsx, zip, CSV).
"""

import csv
import hashlib
import io
import stat
import zipfile

import pandas as pd
import pytest
import yaml
from hypothesis import given, settings, strategies as st
from openpyxl import load_workbook

from diagnostic import ads, cli, coding, params, privacy, publication, spreadsheets
from diagnostic.errors import InputError

# 4. Formula injection ------------------------------------------------------------------

INJECTIONS = ['=HYPERLINK("http://x.example","clic")', "=cmd|' /C calc'!A0", "  =1+1", "+33 rien", "-2+3",
              "@SUM(A1)", "\t=1", "\r=1"]


def _sample_with(texts):
    return pd.DataFrame({"num_echantillon": range(1, len(texts) + 1),
                         "id_annonce": [f"A{k}" for k in range(len(texts))], "site": "site.example",
                         "titre": texts, "texte": texts})


def test_ad_texts_that_look_like_formulas_stay_strings_in_the_coder_sheet(tmp_path):
    sample = _sample_with(INJECTIONS)
    assignment = coding.assign(sample, ["A"], 0, 1)
    sheet = coding.coder_sheet(sample, assignment, "A")
    path = coding.write_coder_sheet(sheet, None, tmp_path / "fiche.xlsx", notice=["=1+2 dans l'avis"])
    workbook = load_workbook(path)
    rows = list(workbook[coding.SHEET].iter_rows(min_row=2))
    header = [c.value for c in workbook[coding.SHEET][1]]
    texts = [row[header.index("texte")] for row in rows]
    # a lone \r may come back as \n, depending on the XML parser openpyxl finds
    assert [c.value.replace("\r", "\n") for c in texts] == [t.replace("\r", "\n") for t in INJECTIONS]
    assert all(c.data_type == "s" for c in texts)
    assert workbook["Lisez-moi"]["A1"].data_type == "s" and workbook["Lisez-moi"]["A1"].value == "=1+2 dans l'avis"


def test_csv_cells_never_start_a_formula():
    buffer = io.StringIO()
    texts = INJECTIONS + ["ordinaire", " espace"]
    # a column of text (searched at once), the same texts among numbers and a gap (cell by cell), a category
    table = pd.DataFrame({"texte": texts, "n": range(10), "mele": pd.Series([*texts[:8], 7, None], dtype=object),
                          "categorie": pd.Categorical(texts)})
    spreadsheets.write_csv(table, buffer)
    rows = list(csv.reader(io.StringIO(buffer.getvalue(), newline="")))
    cells = [row[0] for row in rows[1:]]
    assert cells[:2] == ["'=HYPERLINK(\"http://x.example\",\"clic\")", "'=cmd|' /C calc'!A0"]
    assert cells[2:] == ["'  =1+1", "'+33 rien", "'-2+3", "'@SUM(A1)", "'\t=1", "'\r=1", "ordinaire", " espace"]
    assert [row[1] for row in rows[1:3]] == ["0", "1"]  # numbers are left alone
    assert [row[2] for row in rows[1:]] == cells[:8] + ["7", ""]
    assert [row[3] for row in rows[1:]] == cells


# 1. Phone numbers in every spelling ----------------------------------------------------

PHONES = ["06/45/21/87/93", "06_12_34_56_78", "06,12,34,56,78", "06 39 98 12 34", "06.39.98.12.34",
          "0\u200b6\u200b3\u200b9\u200b9\u200b8\u200b1\u200b2\u200b3\u200b4",
          "06\u200c39\u206098\ufeff12 34",
          "zéro six douze trente-quatre cinquante-six soixante-dix-huit",
          "zéro six trente neuf quatre-vingt-dix-huit soixante et onze quatorze",
          "Zéro six un deux trois quatre cinq six sept huit",
          "+33 (0)6 39 98 12 34", "0033 6 39 98 12 34", "+33639981234",
          "O6 39 98 98 O2", "O6.39.98.12.O4", "06*39*98*12*34"]
ORDINARY = ["collectée le 2018-10-02 à 62300 Lens", "du 02/10/2018 au 05/10/2018", "Lina, 28 ans",
            "150 roses la demi-heure", "rdv 02 10 2018 14h", "1,500,000 vues", "un deux trois nous irons au bois"]


@pytest.mark.parametrize("phone", PHONES)
def test_a_phone_in_any_spelling_is_masked_on_reading(phone):
    assert privacy.mask_contacts(f"Appelle-moi au {phone} bisous") == "Appelle-moi au [téléphone] bisous"


@pytest.mark.parametrize("phone", PHONES)
def test_a_phone_in_any_spelling_is_found_by_the_publication_check(phone):
    found = publication.scan_text(f"Appelle-moi au {phone} bisous", "page x", set())
    assert [f.what.split(" « ")[0] for f in found] == ["numéro de téléphone"]


@pytest.mark.parametrize("text", ORDINARY)
def test_dates_postcodes_ages_and_prices_are_not_phones(text):
    assert privacy.mask_contacts(text) == text
    assert publication.scan_text(text, "page x", set()) == []


@given(st.sampled_from(["0", "+33", "+33 ", "+33.", "0033", "0033-"]), st.integers(1, 9),
       st.lists(st.tuples(st.sampled_from(["", " ", ".", "-"]), st.integers(0, 9)), min_size=8, max_size=8))
@settings(max_examples=300, deadline=None)
def test_a_number_written_the_usual_way_reads_as_libphonenumber_reads_it(prefix, first, rest):
    written = prefix + str(first) + "".join(separator + str(digit) for separator, digit in rest)
    assert privacy._USUAL_FRENCH.fullmatch(written)   # read without libphonenumber
    assert privacy.normalise_phone(written) == privacy._e164(written) == "+33" + written.translate(
        {ord(c): None for c in " .-+"})[-9:]


def test_other_numbers_are_read_by_libphonenumber():
    assert [privacy.normalise_phone(n) for n in ("+33 (0)6 39 98 12 34", "0033 6 39 98 12 34", "+44 20 7946 0018",
                                                 "06 39 98 12 34 56")] == [
        "+33639981234", "+33639981234", "+442079460018", None]


def test_the_quick_test_before_the_invisible_characters_lets_none_through():
    invisible = privacy._INVISIBLE.pattern[1:-1]
    assert len(invisible) > 60 and all(privacy._MAY_BE_INVISIBLE.search(c) for c in invisible)
    assert not privacy._MAY_BE_INVISIBLE.search("Âgée de 25 ans, très câline, « œil » de biche")


# 2. Obfuscated e-mails -----------------------------------------------------------------

EMAILS = ["prenom.nom (at) fournisseur.fr", "prenom.nom [at] fournisseur.fr", "prenom.nom arobase fournisseur.fr",
          "prenom.nom@fournisseur.fr", "prenom (at) fournisseur (dot) fr", "prenom.nom [at] fournisseur [point] fr",
          "prenom arobase fournisseur point fr", "Prenom.Nom {AT} Fournisseur.FR"]


@pytest.mark.parametrize("email", EMAILS)
def test_an_obfuscated_email_is_masked_and_found(email):
    assert privacy.mask_contacts(f"Écris à {email} merci") == "Écris à [courriel] merci"
    found = publication.scan_text(f"Écris à {email} merci", "page x", set())
    assert [f.what.split(" « ")[0] for f in found] == ["adresse électronique"]


def test_words_at_and_point_alone_are_not_emails():
    text = "Rendez-vous at home, point final. Le point de rencontre est à Lens."
    assert privacy.mask_contacts(text) == text


# 5. The pseudonymisation key -----------------------------------------------------------

REAL = {"departement": {"code": "62"},
        "donnees": {"nature": "reelles", "inventaire_sites": "donnees/absent-sites.csv", "annonces": "donnees/absent.csv"},
        "echantillonnage": {"marge_erreur": 0.05, "niveau_confiance": 0.95, "proportion_attendue": 0.5, "graine": 1}}


@pytest.fixture
def no_key(monkeypatch):
    monkeypatch.delenv(privacy.KEY_VARIABLE, raising=False)
    monkeypatch.delenv(privacy.KEY_FILE_VARIABLE, raising=False)
    return monkeypatch


def _params_file(tmp_path, nature):
    content = {k: dict(v) for k, v in REAL.items()}
    content["donnees"]["nature"] = nature
    path = tmp_path / "reelles.yaml"
    path.write_text(yaml.safe_dump(content, allow_unicode=True), encoding="utf-8")
    return path


def test_real_data_without_a_key_are_refused_before_any_file_is_read(tmp_path, no_key):
    path = _params_file(tmp_path, "reelles")
    with pytest.raises(InputError) as error:
        params.load(path, tmp_path)
    message = str(error.value)
    assert "reelles.yaml" in message and "clé « donnees.nature »" in message and "« reelles »" in message
    assert "diagnostic cle --sortie" in message and privacy.KEY_FILE_VARIABLE in message
    assert "absent" not in message  # refused before the missing input files are even looked at


def test_synthetic_and_published_editions_need_no_key(project_root, no_key):
    assert params.load(project_root / "params/pas-de-calais.yaml", project_root).donnees.nature == "synthetiques"
    privacy.require_key("publiees")
    assert privacy.pseudonym("TEL", "+33639981234").startswith("TEL-")


def test_a_short_or_public_key_is_refused(no_key):
    no_key.setenv(privacy.KEY_VARIABLE, "secret")
    with pytest.raises(InputError, match="au moins 32 caractères"):
        privacy.require_key("reelles", "p.yaml")


def test_the_key_command_writes_a_private_file_once_and_the_run_finds_it(tmp_path, no_key, capsys):
    target = tmp_path / "coffre" / "cle.txt"
    no_key.chdir(tmp_path)
    assert cli.main(["cle", "--sortie", str(target)]) == 0
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    key = target.read_text(encoding="utf-8").strip()
    assert len(key) == 43 and f"export {privacy.KEY_FILE_VARIABLE}={target}" in capsys.readouterr().out
    assert cli.main(["cle", "--sortie", str(target)]) == 2
    assert "existe déjà" in capsys.readouterr().err and target.read_text(encoding="utf-8").strip() == key
    no_key.setenv(privacy.KEY_FILE_VARIABLE, str(target))
    privacy.require_key("reelles")
    public = privacy.pseudonym("TEL", "+33639981234")
    no_key.setenv(privacy.KEY_VARIABLE, key)
    assert privacy.pseudonym("TEL", "+33639981234") == public  # the file and the variable give the same key
    no_key.delenv(privacy.KEY_VARIABLE)
    no_key.delenv(privacy.KEY_FILE_VARIABLE)
    assert privacy.pseudonym("TEL", "+33639981234") != public


def test_the_key_is_never_written_inside_the_project(tmp_path):
    with pytest.raises(InputError, match="hors du projet"):
        privacy.write_key(tmp_path / "params" / "cle.txt", project=tmp_path)
    assert not (tmp_path / "params" / "cle.txt").exists()


# 6. The publication check --------------------------------------------------------------

PAGE = """<html><head><title>Étape 4</title>
<meta name="description" content="Les annonces du département"></head><body>
<div id="graphique-0956123456-0639981234" class="graphique-diagnostic" data-hash="0639981234a0956">
<svg><text>Lens</text></svg></div>
<a href="04_annonces.html#tableau-0639981234">suite</a>
<img src="_images/0639981234.png" alt="Carte des annonces">
<span title="Appeler le 06/39/98/12/34">survol</span>
<button aria-label="écrire à lina (at) exemple.fr">x</button>
<a href="mailto:contact@exemple.fr">écrire</a>
<p>Texte visible : zéro six trente-neuf quatre-vingt-dix-huit douze trente-quatre.</p>
<script>console.log("06 39 98 12 34 dans un script n'est pas lu")</script>
<script type="text/javascript">(function(){var el=document.getElementById("g");
window.vegaEmbed(el,{"$schema": "https://vega.github.io/schema/vega-lite/v5.json",
"data": {"name": "data-0956a639981234b"}, "datasets": {"data-0956a639981234b": [
{"commune": "Lens", "annonces": 12, "note": "tel 06_39_98_56_78"}]}},{"renderer":"svg"}).catch(function(e){});})();
</script></body></html>"""


def _kinds(findings):
    return sorted((f.place.split(" (")[-1].rstrip(")") if "(" in f.place else "texte", f.what.split(" « ")[0])
                  for f in findings)


def test_the_check_reads_visible_text_attributes_and_chart_data_not_identifiers():
    found = publication.scan_page(PAGE, "page 04.html", frozenset(), 5)
    assert _kinds(found) == [("attributs lus ou affichés au survol", "adresse électronique"),
                             ("attributs lus ou affichés au survol", "adresse électronique"),
                             ("attributs lus ou affichés au survol", "numéro de téléphone"),
                             ("données des graphiques", "numéro de téléphone"),
                             ("texte", "numéro de téléphone")]
    assert all("12 34" not in str(f) and "56 78" not in str(f) for f in found)


def test_a_chart_identifier_never_blocks_a_build():
    page = ('<div id="graphique-0956-0639981234" data-id="06 39 98 12 34" class="c-0639981234">'
            '<a href="_downloads/0639981234/fiche.xlsx">fiche</a></div>')
    assert publication.scan_page(page, "page", frozenset(), 5) == []


def test_a_reviewed_finding_is_acknowledged_by_its_hash_never_its_value(project_root, tmp_path):
    notebooks, html = tmp_path / "notebooks", tmp_path / "html"
    notebooks.mkdir()
    html.mkdir()
    (html / "arrete.html").write_text("<p>Arrêté n° 06 39 98 12 34 du préfet</p><p>Ou le 06 39 98 56 78</p>",
                                      encoding="utf-8")
    run = params.load(project_root / "params/pas-de-calais.yaml", project_root)
    found = publication.check_book(notebooks, html, run, project_root)
    digest = hashlib.sha256("06 39 98 12 34".encode()).hexdigest()
    assert [f.fingerprint for f in found] == [digest, hashlib.sha256("06 39 98 56 78".encode()).hexdigest()]
    assert digest in str(found[0]) and "12 34" not in str(found[0])
    reviewed = run.model_copy(update={"confidentialite": run.confidentialite.model_copy(
        update={"constats_verifies": (digest,)})})
    assert [f.fingerprint for f in publication.check_book(notebooks, html, reviewed, project_root)] == [
        hashlib.sha256("06 39 98 56 78".encode()).hexdigest()]


def test_acknowledged_findings_are_hashes_in_the_parameters(tmp_path):
    path = tmp_path / "p.yaml"
    content = {"departement": {"code": "62"},
               "donnees": {"nature": "synthetiques", "inventaire_sites": "x.csv"},
               "echantillonnage": {"marge_erreur": 0.05, "niveau_confiance": 0.95, "proportion_attendue": 0.5,
                                   "graine": 1},
               "confidentialite": {"constats_verifies": ["06 39 98 12 34"]}}
    path.write_text(yaml.safe_dump(content, allow_unicode=True), encoding="utf-8")
    with pytest.raises(InputError, match="confidentialite.constats_verifies"):
        params.load(path, tmp_path, inputs_required=False)


def _xlsx(sheets):
    buffer = io.BytesIO()
    with pd.ExcelWriter(buffer, engine="openpyxl") as writer:
        for name, frame in sheets.items():
            frame.to_excel(writer, sheet_name=name, index=False)
    return buffer.getvalue()


def _zip(members):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, content in members.items():
            archive.writestr(name, content)
    return buffer.getvalue()


def test_downloads_are_opened_every_sheet_every_member(project_root, tmp_path):
    notebooks, html = tmp_path / "notebooks", tmp_path / "html"
    notebooks.mkdir()
    downloads = html / "_downloads" / "0956abc"
    downloads.mkdir(parents=True)
    (html / "index.html").write_text("<p>Rien à signaler.</p>", encoding="utf-8")
    workbook = _xlsx({"Lisez-moi": pd.DataFrame({"a": ["rien"]}),
                      "Codage": pd.DataFrame({"texte": ["ok", "écrire à sophie [at] exemple [point] fr"]})})
    inner = _zip({"fiche-codage-B.xlsx": _xlsx({"Codage": pd.DataFrame({"texte": ["appelle 06,39,98,12,34"]})})})
    (downloads / "fiches-de-codage.zip").write_bytes(_zip({"fiche-codage-A.xlsx": workbook, "autres.zip": inner}))
    (downloads / "desaccords.csv").write_text("id,texte\nA1,0639981234\n", encoding="utf-8")
    run = params.load(project_root / "params/pas-de-calais.yaml", project_root)
    places = sorted((f.place, f.what.split(" « ")[0]) for f in publication.check_book(notebooks, html, run, project_root))
    assert places == [
        ("téléchargement _downloads/0956abc/desaccords.csv", "numéro de téléphone"),
        ("téléchargement _downloads/0956abc/fiches-de-codage.zip › autres.zip › fiche-codage-B.xlsx › "
         "feuille « Codage »", "numéro de téléphone"),
        ("téléchargement _downloads/0956abc/fiches-de-codage.zip › fiche-codage-A.xlsx › feuille « Codage »",
         "adresse électronique")]


# 3. Full names in ads and free-text answers --------------------------------------------

@pytest.mark.parametrize("text, expected", [
    ("Bonjour, je suis Sophie Martin, appelle-moi", "Bonjour, je suis [nom], appelle-moi"),
    ("DUPONT Jean m'a orientée vers vous", "[nom] m'a orientée vers vous"),
    ("Jean-Pierre DUPONT, son « ami », gère les rendez-vous", "[nom], son « ami », gère les rendez-vous"),
    ("Suivie par Nathalie Durand et Marie Dubois", "Suivie par [nom] et [nom]"),
    ("Amira LEFEBVRE, 22 ans", "[nom], 22 ans"),
])
def test_a_full_name_is_masked(text, expected):
    assert privacy.mask_free_text(text) == expected


@pytest.mark.parametrize("text", [
    "Boulogne-sur-Mer, Saint-Omer, Lens Centre", "rue Victor Hugo à Béthune", "Place Jean Jaurès, Arras",
    "avenue Jean Moulin", "Belle Blonde de passage à Calais", "Lina Vous attend", "Lina, 28 ans, Liévin",
    "Manque de places en hébergement d'urgence",
])
def test_places_streets_and_ad_words_are_not_names(text):
    assert privacy.mask_free_text(text) == text


@pytest.mark.parametrize("text, handle, expected", [
    ("Appelez LINA_love2718 ce soir", "lina_love2718", "Appelez [pseudo] ce soir"),
    ("Ici KIMI, et kimi encore", "Kımı", "Ici [pseudo], et [pseudo] encore"),       # dotless ı, as re.IGNORECASE
    ("Écrivez à ſofia", "Sofia", "Écrivez à [pseudo]"),                              # long s folds to s
    ("Rien à masquer ici", "Lina_love", "Rien à masquer ici"),
    ("Straße de GROẞE, chez Große", "Große", "Straße de [pseudo], chez [pseudo]"),        # ẞ folds to two letters
    ("LinaLina et lina", "lina", "[pseudo][pseudo] et [pseudo]"),
])
def test_the_ads_own_handle_is_masked_in_any_case(text, handle, expected):
    assert privacy.mask_name(text, handle) == expected.replace("[pseudo]", privacy.NAME_MASK)


def test_a_name_in_an_ad_never_reaches_the_coder_sheet(tmp_path):
    sheet = tmp_path / "annonces.csv"
    sheet.write_text("id_annonce,site,date_collecte,commune_declaree,titre,texte,telephone,pseudo,age_declare\n"
                     "A1,site.example,2018-10-02,Lens,Sophie Martin à Lens,"
                     "\"Je suis Sophie Martin, demande DUPONT Jean, 06/39/98/12/34, sophie (at) exemple.fr\","
                     "06 39 98 12 34,Sophie_M,28\n", encoding="utf-8")
    read = ads.read_ads(sheet)
    assert read.loc[0, "titre"] == "[nom] à Lens"
    assert read.loc[0, "texte"] == "Je suis [nom], demande [nom], [téléphone], [courriel]"
    assignment = coding.assign(read.assign(num_echantillon=1), ["A"], 0, 1)
    path = coding.write_coder_sheet(coding.coder_sheet(read.assign(num_echantillon=1), assignment, "A"), None,
                                    tmp_path / "fiche.xlsx", notice=["avis"])
    cells = " ".join(str(c.value) for row in load_workbook(path)[coding.SHEET].iter_rows() for c in row)
    assert "Martin" not in cells and "DUPONT" not in cells and "Sophie" not in cells


def test_the_communes_command_writes_a_typed_formula_as_text(tmp_path, capsys):
    from diagnostic import cli

    names = tmp_path / "communes.csv"
    names.write_text('commune\n=HYPERLINK("http://x.example")\nArras\n', encoding="utf-8")
    assert cli.main(["communes", "--departement", "62", str(names)]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[1].startswith('"\'=HYPERLINK(') and lines[2] == "Arras,62041,Arras,matched,"
