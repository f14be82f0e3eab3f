"""The whole book: built by the runner, read as a reader would, offline."""

import hashlib
import json
import os
import re
import shutil
import subprocess
import sys
import time
from pathlib import Path

import nbformat
import pandas as pd
import pytest
import yaml
from bs4 import BeautifulSoup

from diagnostic.run import CHROMIUM_FLAGS, RunError, run

pytestmark = [pytest.mark.book, pytest.mark.xdist_group("livre_par_defaut")]
SAMPLING_PAGE = Path("html/notebooks/05_echantillonnage.html")


def page_text(path: Path) -> str:
    soup = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
    return re.sub(r"\s+", " ", soup.get_text(" ")).replace("\u202f", " ")


@pytest.fixture(scope="session")
def default_book(tmp_path_factory, project_root):
    """The default book, built once and read by this module's tests (nobody changes it),
    which run in one xdist worker (`xdist_group`): no other worker waits for it."""
    output = tmp_path_factory.mktemp("livre-commun")
    run(project_root / "params/pas-de-calais.yaml", root=project_root, output=output)
    return output / "pas-de-calais"


def test_sampling_page_shows_the_published_sample_size(default_book):
    text = page_text(default_book / SAMPLING_PAGE)
    assert "soit 249 annonces à coder sur 699" in text
    assert "699 annonces sur 39 sites" in text
    assert "26 sites reçoivent au moins une annonce à coder" in text
    assert "Données synthétiques" in text


def test_home_page_names_the_departement(default_book):
    assert "book/index.html" in (default_book / "html/index.html").read_text(encoding="utf-8")  # redirect
    home = default_book / "html/book/index.html"
    soup = BeautifulSoup(home.read_text(encoding="utf-8"), "html.parser")
    assert "Pas-de-Calais" in soup.title.get_text()
    assert "Manuel du diagnostic départemental — Pas-de-Calais" in page_text(home)
    assert "données synthétiques (fictives)" in page_text(home)


def test_coding_sheet_is_offered_for_download(default_book):
    sheets = list((default_book / "html/_downloads").rglob("fiche-de-codage.xlsx"))
    assert len(sheets) == 1
    assert len(pd.read_excel(sheets[0], sheet_name="Échantillon")) == 249


def test_coding_chapter_offers_sheets_with_drop_downs_and_reports_the_sample(default_book):
    archives = list((default_book / "html/_downloads").rglob("fiches-de-codage.zip"))
    assert len(archives) == 1
    import zipfile
    assert sorted(zipfile.ZipFile(archives[0]).namelist()) == ["fiche-codage-A.xlsx", "fiche-codage-B.xlsx"]
    text = page_text(default_book / "html/notebooks/06_codage.html")
    assert "Sur les 243 annonces retrouvées et codées" in text
    assert "Les 249 annonces de l’échantillon sont réparties ci-dessus, dont 50 codées deux fois" in text


def test_deduplication_chapter_prints_the_report_rule_and_the_linkage_against_the_truth(default_book):
    text = page_text(default_book / "html/notebooks/07_deduplication.html")
    assert "699 × (1 − 0,61) = 273 personnes" in text
    assert "Il y a en vérité 273 personnes" in text
    found = re.search(r"La liaison en trouve à ([\d,]+) % près, avec un F1 de ([\d,]+)", text)
    error, f1 = (float(v.replace(",", ".")) for v in found.groups())
    # sure links only: 283 persons for 273 since a pseudo that is a first name counts once (277,
    # +1.5 %, when it counted twice; the independent worlds gained far more: bench/RESULTATS.md)
    assert error <= 4 and f1 >= 0.95
    low, high = (int(v) for v in re.search(r"sa fourchette va de (\d+) à (\d+) ?, et la vérité est dans cette fourchette",
                                           text).groups())
    assert low <= 273 <= high
    # the world's 21 networks of several persons, none with two persons in one (tests/test_dedup.py)
    assert "Des 21 réseaux de plusieurs personnes de ce monde, aucun n’a deux de ses personnes comptées pour une" in text
    assert "feuille de relecture" in text and "Comment se fait un lien : deux exemples" in text
    assert "Sur 200 mondes" in text


def test_no_page_loads_anything_from_the_internet(default_book):
    external = re.compile(r"^(https?:)?//")
    pages = list((default_book / "html").rglob("*.html"))
    assert len(pages) >= 7
    for page in pages:
        soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
        for tag, attribute in (("script", "src"), ("link", "href"), ("img", "src"), ("iframe", "src")):
            for element in soup.find_all(tag):
                if tag == "link" and "stylesheet" not in (element.get("rel") or []) \
                        and element.get("rel") not in (["preload"], ["modulepreload"]):
                    continue
                assert not external.match(element.get(attribute) or ""), (page.name, str(element)[:200])


def render_offline(url: str, profile: Path) -> str:
    """The DOM of a page after its scripts ran, in headless Chromium with no network at all."""
    chromium = shutil.which("chromium")
    assert chromium, "Chromium est nécessaire (paquet Debian « chromium » ; make test l'installe)"
    command = [chromium, *CHROMIUM_FLAGS, "--dump-dom", f"--user-data-dir={profile}", url]
    # A network namespace of its own: only a loopback interface, nothing leaves the machine.
    isolated = ["unshare", "--net", "sh", "-c", 'ip link set lo up 2>/dev/null; exec "$@"', "sh", *command]
    result = subprocess.run(isolated, capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr[-2000:]
    return result.stdout


def test_partner_map_renders_with_the_network_cut(default_book, tmp_path):
    page = default_book / "html/notebooks/01_partenaires.html"
    dom = BeautifulSoup(render_offline(page.as_uri(), tmp_path / "profil"), "html.parser")
    charts = dom.select("div.graphique-diagnostic")
    assert len(charts) == 4 and all("vega-embed" in chart["class"] for chart in charts)
    assert len(dom.select("svg g.mark-shape path")) >= 7  # the arrondissements, drawn by vega
    assert "Fond de carte : IGN Admin Express COG 2018" in dom.get_text()


def test_charts_and_formulas_render_with_the_network_cut(default_book, tmp_path):
    dom = BeautifulSoup(render_offline((default_book / SAMPLING_PAGE).as_uri(), tmp_path / "profil"),
                        "html.parser")
    charts = dom.select("div.graphique-diagnostic")
    assert len(charts) == 3
    for chart in charts:
        assert "vega-embed" in chart["class"], "vega-embed did not replace the static fallback"
        assert chart.select("svg g.mark-line, svg g.mark-rect, svg g.mark-symbol")
    assert dom.find("mjx-container"), "MathJax did not typeset the formulas"


def test_second_departement_gets_its_own_book(tmp_path, project_root):
    index = run(project_root / "params/exemple-49.yaml", root=project_root, output=tmp_path)
    assert index == tmp_path / "exemple-49/html/index.html"
    home = tmp_path / "exemple-49/html/book/index.html"
    soup = BeautifulSoup(home.read_text(encoding="utf-8"), "html.parser")
    assert "Maine-et-Loire (exemple fictif)" in soup.title.get_text()
    text = page_text(tmp_path / "exemple-49" / SAMPLING_PAGE)
    assert "soit 102 annonces à coder sur 137" in text
    assert "Données synthétiques" in text and "249 annonces à coder sur" not in text


def _digest(folder: Path) -> dict:
    return {str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file()}


def copy_of_project(project_root: Path, project: Path) -> Path:
    """The book's sources, parameters and data, to be altered by a test."""
    for name in ("book", "notebooks", "params", "data"):
        shutil.copytree(project_root / name, project / name)
    for name in ("_config.yml", "_toc.yml"):
        shutil.copy2(project_root / name, project / name)
    return project


def test_failing_notebook_leaves_the_last_good_book(default_book, tmp_path, project_root):
    project = copy_of_project(project_root, tmp_path / "projet")
    notebook_path = project / "notebooks/01_partenaires.ipynb"  # the first chapter: the run stops at once
    notebook = nbformat.read(notebook_path, as_version=4)
    notebook.cells.insert(4, nbformat.v4.new_code_cell('raise ValueError("panne volontaire")'))
    nbformat.write(notebook, notebook_path)

    output = tmp_path / "livres"
    shutil.copytree(default_book, output / "pas-de-calais")
    before = _digest(output / "pas-de-calais/html")
    with pytest.raises(RunError) as error:
        run(project / "params/pas-de-calais.yaml", root=project, output=output)
    message = str(error.value)
    assert "01_partenaires.ipynb" in message and "cellule n° 5" in message
    assert "raise ValueError" in message
    assert "panne volontaire" in message and "dernier livre réussi" in message
    assert _digest(output / "pas-de-calais/html") == before
    assert sorted(p.name for p in output.iterdir()) == ["pas-de-calais"]
    assert (output / "pas-de-calais/echec/01_partenaires.ipynb").is_file()


def test_committed_notebooks_carry_no_outputs(project_root):
    for path in (project_root / "notebooks").glob("*.ipynb"):
        notebook = json.loads(path.read_text(encoding="utf-8"))
        for cell in notebook["cells"]:
            if cell["cell_type"] == "code":
                assert cell["outputs"] == [] and cell["execution_count"] is None, path.name


def test_build_products_are_ignored_by_git(project_root):
    ignored = subprocess.run(["git", "check-ignore", "_build/x", ".venv/x", "notebooks/sorties/x"],
                             cwd=project_root, capture_output=True, text=True).stdout.split()
    assert ignored == ["_build/x", ".venv/x", "notebooks/sorties/x"]


PHONE = re.compile(r"(?<![\d.,])(?:\+33\s?|0)[1-9](?:[\s.\-]?\d{2}){4}(?!\d)")
EMAIL = re.compile(r"[\w.+-]+@[\w-]+\.[\w.-]+")


def _visible_text(markup: str) -> str:
    soup = BeautifulSoup(markup, "html.parser")
    for tag in soup(["script", "style"]):
        tag.decompose()
    return soup.get_text(" ")


def test_no_personal_data_reaches_the_book(default_book, project_root):
    raw = pd.read_csv(project_root / "data/synthetic/questionnaire-google-forms-SYNTHETIQUE.csv", dtype=str,
                      keep_default_na=False, encoding="utf-8-sig")
    names = set(raw["Nom du/de la répondant.e :"])
    assert len(names) > 20 and all(raw["Adresse mail :"].str.contains("@"))
    # The ads' handles too (those with a suffix: a bare first name could be any word of the book).
    handles = pd.read_csv(project_root / "data/synthetic/annonces-SYNTHETIQUE.csv", dtype=str, keep_default_na=False)["pseudo"]
    distinctive = {h for h in handles if any(mark in h for mark in ("_", "-", " "))}
    assert len(distinctive) > 20
    names |= distinctive
    texts = []
    for page in (default_book / "html").rglob("*.html"):
        texts.append((page.name, _visible_text(page.read_text(encoding="utf-8"))))
    for notebook_path in (default_book / "notebooks").glob("*.ipynb"):
        notebook = nbformat.read(notebook_path, as_version=4)
        for cell in notebook.cells:
            for output in cell.get("outputs", []):
                data = output.get("data", {})
                text = _visible_text(data.get("text/html", "")) + str(data.get("text/plain", "")) + output.get("text", "")
                texts.append((notebook_path.name, text))
    assert len(texts) > 20
    for where, text in texts:
        assert not PHONE.search(text), (where, PHONE.search(text).group(0))
        assert not EMAIL.search(text), where
        for name in names:
            assert name not in text, (where, name)


def _html_digest(folder: Path) -> dict:
    return {str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*"))
            if p.is_file() and p.suffix in (".html", ".js", ".css", ".xlsx", ".zip", ".csv", ".ipynb", ".json")}


def test_edition_page_shows_the_parameters_and_the_version(default_book, project_root):
    text = page_text(default_book / "html/book/edition.html")
    assert "Fichier de paramètres : params/pas-de-calais.yaml" in text
    assert "seuil_texte_proche" in text and "marge_erreur" in text
    assert "Version du manuel : diagnostic 0.1.0" in text
    footer = BeautifulSoup((default_book / "html/notebooks/05_echantillonnage.html").read_text(encoding="utf-8"),
                           "html.parser").select_one(".extra_footer")
    assert "Édition Pas-de-Calais" in footer.get_text() and footer.a["href"] == "../book/edition.html"


def test_one_chapter_rerun_for_a_workshop_keeps_the_others(default_book, tmp_path, project_root, capsys):
    output = tmp_path / "livres"
    shutil.copytree(default_book, output / "pas-de-calais")
    # What an older failed run and a killed one left: removed by this good run.
    (output / "pas-de-calais/echec").mkdir()
    (output / "pas-de-calais/echec/03_situations.ipynb").write_text("{}", encoding="utf-8")
    (output / ".pas-de-calais-en-cours-tue/source").mkdir(parents=True)
    kept = {p.name: p.read_bytes() for p in (default_book / "notebooks").glob("*.ipynb")}
    capsys.readouterr()
    run(project_root / "params/pas-de-calais.yaml", root=project_root, output=output, only=["05"])
    log = capsys.readouterr().err
    assert re.findall(r"▶ (\S+) : exécution", log) == ["05_echantillonnage"]  # its results unchanged: no other
    assert sorted(p.name for p in output.iterdir()) == ["pas-de-calais"]
    assert not (output / "pas-de-calais/echec").exists()
    # Re-executing a chapter with the same parameters gives the same notebook, to the byte: the
    # book's sources are the same, and its pages are kept.
    again = {p.name: p.read_bytes() for p in (output / "pas-de-calais/notebooks").glob("*.ipynb")}
    assert again == kept
    assert "Sources du livre inchangées" in log
    assert _html_digest(output / "pas-de-calais/html") == _html_digest(default_book / "html")


def test_only_needs_a_complete_book_and_known_chapters(tmp_path, project_root):
    with pytest.raises(RunError, match="sans --only"):
        run(project_root / "params/pas-de-calais.yaml", root=project_root, output=tmp_path, only=["05"])
    with pytest.raises(RunError, match="chapitre\\(s\\) inconnu\\(s\\) : 42"):
        run(project_root / "params/pas-de-calais.yaml", root=project_root, output=tmp_path, only=["42"])


def test_chapters_run_one_at_a_time_give_the_same_bytes_as_in_parallel(default_book, tmp_path, project_root):
    index = run(project_root / "params/pas-de-calais.yaml", root=project_root, output=tmp_path, jobs=1)
    assert _html_digest(index.parent) == _html_digest(default_book / "html")
    assert _html_digest(index.parent.parent / "notebooks") == _html_digest(default_book / "notebooks")


def test_a_book_that_would_publish_a_contact_detail_is_not_published(default_book, tmp_path, project_root):
    project = copy_of_project(project_root, tmp_path / "projet")
    notebook_path = project / "notebooks/05_echantillonnage.ipynb"
    notebook = nbformat.read(notebook_path, as_version=4)
    notebook.cells.append(nbformat.v4.new_code_cell('print("Contact : equipe@association.example")'))
    nbformat.write(notebook, notebook_path)
    output = tmp_path / "livres"
    shutil.copytree(default_book, output / "pas-de-calais")
    before = _digest(output / "pas-de-calais/html")
    with pytest.raises(RunError) as error:
        run(project / "params/pas-de-calais.yaml", root=project, output=output, only=["05"])
    message = str(error.value)
    assert "contrôle de confidentialité" in message and "dernier livre réussi est conservé" in message
    assert "notebook 05_echantillonnage.ipynb" in message and "adresse électronique « equi… »" in message
    assert "page notebooks/05_echantillonnage.html" in message
    assert "association.example" not in message
    assert _digest(output / "pas-de-calais/html") == before


CONSOLE_ERROR = re.compile(r"Uncaught|Error|Failed to|net::ERR|Refused|blocked", re.I)


def render_pages(html: Path, pages: list[str], tmp_path: Path, captures: dict[str, Path] | None = None) -> dict:
    """Each page's DOM and console, in Chromium, served on a loopback with no other network."""
    assert shutil.which("chromium"), "Chromium est nécessaire (paquet Debian « chromium » ; make test l'installe)"
    result = tmp_path / "pages.json"
    command = ["unshare", "--net", sys.executable, str(Path(__file__).with_name("offline_browser.py")),
               str(html), str(result), *pages]
    if captures:
        command += ["--capture", *[f"{page}={target}" for page, target in captures.items()]]
    subprocess.run(command, check=True, timeout=1800)
    return json.loads(result.read_text(encoding="utf-8"))


def test_every_page_works_offline_in_a_browser(default_book, tmp_path):
    html = default_book / "html"
    pages = sorted(str(p.relative_to(html)) for p in html.rglob("*.html")
                   if "_static" not in p.parts and "_sources" not in p.parts)
    captures_dir = tmp_path / "captures"
    captures_dir.mkdir()
    captures = {"book/index.html": captures_dir / "accueil.png",
                "notebooks/08_synthese.html": captures_dir / "synthese.png"}
    word = "pistes"
    rendered = render_pages(html, pages + [f"search.html?q={word}"], tmp_path, captures)
    assert len(rendered) >= 18
    for page, result in rendered.items():
        assert result["code"] == 0, page
        errors = [line for line in result["console"] if CONSOLE_ERROR.search(line)]
        assert not errors, (page, errors[:3])
        dom = BeautifulSoup(result["dom"], "html.parser")
        for chart in dom.select("div.graphique-diagnostic"):
            assert "vega-embed" in chart["class"], page
            assert chart.select("svg g[class^='mark-']"), page
    search = BeautifulSoup(rendered[f"search.html?q={word}"]["dom"], "html.parser")
    found = [a["href"] for a in search.select("#search-results a[href]")]
    assert any("08_synthese" in href for href in found), found
    for target in captures.values():
        assert target.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" and target.stat().st_size > 20_000


def test_synthesis_weaves_the_figures_of_every_step(default_book):
    text = page_text(default_book / "html/notebooks/08_synthese.html")
    assert "Au moins 167 personnes sont concernées (hypothèse basse), dont 152" in text
    assert "699 annonces sur 39 sites" in text
    assert "Dans l’échantillon de 249 annonces codées" in text
    # the report's summary: one sentence per question, each with its chapter
    for question in ("Combien ?", "Qui ?", "Les mineur·es.", "Où, et sur Internet ?", "Sous quelles formes ?",
                     "Proxénètes et réseaux.", "La demande.", "Ce dont les professionnel·les ont besoin."):
        assert question in text, question
    assert "ni une indication du nombre de parcours de sortie" in text
    assert "L’estimation par systèmes multiples de la partie que personne n’a signalée donne" in text
    # the report's eight pistes, with their figure
    assert "Des partenaires en demande de formation et d'information 92 %" in text
    assert "Responsabiliser les « clients » de la prostitution" in text
    assert "Prévenir et agir contre la prostitution des mineur·es et jeunes majeur·es" in text
    assert "Mesurer et suivre" not in text
    dom = BeautifulSoup((default_book / "html/notebooks/08_synthese.html").read_text(encoding="utf-8"), "html.parser")
    assert len(dom.select("div.graphique-diagnostic")) == 1
    assert "Fond de carte : IGN Admin Express COG 2018" in text


def test_restitution_pdf_is_printed_and_reads_back(default_book, tmp_path, project_root):
    from pypdf import PdfReader

    output = tmp_path / "livres"
    shutil.copytree(default_book, output / "pas-de-calais")
    run(project_root / "params/pas-de-calais.yaml", root=project_root, output=output, only=["08"], pdf=True)
    pdf = output / "pas-de-calais/pdf/synthese-pas-de-calais.pdf"
    pages = [re.sub(r"\s+", " ", page.extract_text()).replace("\u202f", " ") for page in PdfReader(pdf).pages]
    text = " ".join(pages)
    assert "Synthèse pour la commission départementale" in text
    # the first page names the département, the period of the data, the authors and the date
    assert "Département : Pas-de-Calais." in pages[0] and "annonces relevées du" in pages[0]
    assert "L'équipe du diagnostic départemental" in pages[0].replace("’", "'")
    kit = output / "pas-de-calais/pdf/kit-conduire-le-diagnostic.pdf"
    assert "protection" in " ".join(page.extract_text() for page in PdfReader(kit).pages).lower()
    assert "167 personnes" in text and "Pistes d’action" in text
    assert "IGN" in text


def test_reproduction_chapter_marks_every_published_figure(default_book, project_root):
    text = page_text(default_book / "html/notebooks/09_reproduction.html")
    found = re.search(r"(\d+) chiffres imprimés dans le rapport : (\d+) identiques, (\d+) proches, (\d+) différents, "
                      r"(\d+) non calculés", text)
    total, same, close, different, missing = (int(v) for v in found.groups())
    reference = yaml.safe_load((project_root / "data/reference/pas-de-calais-2020-chiffres.yaml").read_text(
        encoding="utf-8"))["chiffres"]
    assert total == len(reference) >= 60 and same + close + different + missing == total  # none left out
    assert same + close >= 60
    dom = BeautifulSoup((default_book / "html/notebooks/09_reproduction.html").read_text(encoding="utf-8"),
                        "html.parser")
    rows = [[td.get_text(" ", strip=True) for td in tr.select("td")] for tr in dom.select("table tbody tr")]
    marked = [row for row in rows if len(row) == 7]
    assert {row[0] for row in marked} == {figure["libelle"] for figure in reference}  # every figure, by its label
    assert all(row[6] for row in marked if not row[5].startswith("✓"))  # a reason for every ≈, ✗ and missing one
    assert "Estimation par systèmes multiples : Corée du Sud, 3 listes (interaction b:c) étude publiée 268,8 268,8" in text
    assert "Vérité du monde synthétique" in text


def test_no_apostrophe_is_turned_into_a_closing_quote(default_book):
    """MyST's smart quotes make « l'**Amicale** » into « l” Amicale »: the pages use the
    typographic apostrophe before emphasis, and no elision ends in a quotation mark."""
    elided = re.compile(r"\b[cdjlmnst]”\s?[A-Za-zÀ-ÿ]")
    found = {page.name: elided.findall(page_text(page)) for page in (default_book / "html").rglob("*.html")}
    assert {name: hits for name, hits in found.items() if hits} == {}


def _sphinx_build(source: Path, output: Path) -> None:
    from sphinx.application import Sphinx

    app = Sphinx(str(source), str(source), str(output / "html"), str(output / "doctrees"), "html",
                 status=None, warning=None, freshenv=False)
    app.build()


def _edit(path: Path, text: str) -> None:
    """A source changed, dated a second later than now (Sphinx tells a changed source by its date)."""
    path.write_text(text, encoding="utf-8")
    later = time.time_ns() + 10**9
    os.utime(path, ns=(later, later))


def test_an_incremental_build_writes_every_page_when_a_title_the_others_show_changed(tmp_path):
    """`sphinx_ext`: the book is built from the last good book's Sphinx environment; a page read
    again whose title changed is shown by the others (navigation): they are all written again."""
    source = tmp_path / "source"
    source.mkdir()
    (source / "conf.py").write_text("extensions = ['diagnostic.sphinx_ext']\nhtml_theme = 'basic'\n", encoding="utf-8")
    (source / "index.rst").write_text("Accueil\n=======\n\n.. toctree::\n\n   a\n   b\n", encoding="utf-8")
    (source / "a.rst").write_text("Page A\n======\n\nVoir :doc:`b`.\n", encoding="utf-8")
    (source / "b.rst").write_text("Page B\n======\n\nTexte.\n", encoding="utf-8")
    _sphinx_build(source, tmp_path)
    page_a = tmp_path / "html" / "a.html"
    written = page_a.stat().st_mtime_ns

    _edit(source / "b.rst", "Page B\n======\n\nAutre texte.\n")
    _sphinx_build(source, tmp_path)
    assert page_a.stat().st_mtime_ns == written  # same title: page A is not written again
    assert "Autre texte" in (tmp_path / "html" / "b.html").read_text(encoding="utf-8")

    _edit(source / "b.rst", "Étape B\n=======\n\nAutre texte.\n")
    _sphinx_build(source, tmp_path)
    assert "Étape B" in page_a.read_text(encoding="utf-8")  # its link to B shows B's new title
    assert "Page B" not in page_a.read_text(encoding="utf-8")
