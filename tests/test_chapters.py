"""A chapter is executed again only when what it reads changed (`diagnostic.chapters`).

On a small book of three chapters written here, run by the real runner (papermill, one
kernel per chapter; only Jupyter Book is replaced by a copy of the sources, since the
pages are not what these tests look at):
- 01 reads the section `echantillonnage` and a file of the project (not named by the
  parameters) and saves the margin of error and the file's line count;
- 02 reads the section `codage`;
- 03 reads the results of 01.
"""

import json
import re
import shutil
from pathlib import Path

import nbformat
import pytest
import yaml

from diagnostic import chapters, run as runner

PARAMETERS = {"departement": {"code": "62"},
              "donnees": {"nature": "publiees", "inventaire_sites": "data/reference/pas-de-calais-sites-2018.csv"},
              "echantillonnage": {"marge_erreur": 0.05, "niveau_confiance": 0.95, "proportion_attendue": 0.5,
                                  "graine": 2018},
              "codage": {"codeurs": ["A", "B"], "double_codage": 50}}
HEADER = ("from diagnostic import params, results\nfrom diagnostic.paths import resolve\n"
          "run = params.load(resolve(fichier_parametres))\n")
CHAPTERS = {
    "01_a": HEADER + 'note = resolve("data/reference/note.txt").read_text(encoding="utf-8")\n'
                     'results.save("01", {"marge": run.echantillonnage.marge_erreur, "lignes": len(note.splitlines())})',
    "02_b": HEADER + 'results.save("02", {"codeurs": run.codage.codeurs, "double": run.codage.double_codage})',
    "03_c": HEADER + 'results.save("03", {"marge_double": 2 * results.load("01")["marge"]})',
}


def notebook(code: str) -> nbformat.NotebookNode:
    parameters = nbformat.v4.new_code_cell('fichier_parametres = "params/essai.yaml"')
    parameters.metadata["tags"] = ["parameters"]
    return nbformat.v4.new_notebook(cells=[nbformat.v4.new_markdown_cell("# Chapitre"), parameters,
                                           nbformat.v4.new_code_cell(code)],
                                    metadata={"kernelspec": {"name": "python3", "display_name": "Python 3",
                                                             "language": "python"}})


@pytest.fixture
def small_book(tmp_path, project_root, monkeypatch):
    """A project of three chapters, and the runner without Jupyter Book."""
    project = tmp_path / "projet"
    (project / "book").mkdir(parents=True)
    (project / "book/index.md").write_text("# Essai\n", encoding="utf-8")
    (project / "notebooks").mkdir()
    for name, code in CHAPTERS.items():
        nbformat.write(notebook(code), project / f"notebooks/{name}.ipynb")
    (project / "_toc.yml").write_text(yaml.safe_dump({"format": "jb-book", "root": "book/index", "chapters": [
        {"file": f"notebooks/{name}"} for name in CHAPTERS]}), encoding="utf-8")
    shutil.copy2(project_root / "_config.yml", project / "_config.yml")
    (project / "data/reference").mkdir(parents=True)
    shutil.copy2(project_root / "data/reference/pas-de-calais-sites-2018.csv", project / "data/reference")
    (project / "data/reference/note.txt").write_text("une ligne\n", encoding="utf-8")
    (project / "params").mkdir()
    (project / "params/essai.yaml").write_text(yaml.safe_dump(PARAMETERS), encoding="utf-8")

    def copy_sources(source: Path, output: Path) -> Path:
        html = output / "_build/html"  # Sphinx writes into the last good book's pages when it reuses its environment
        shutil.copytree(source, html, dirs_exist_ok=True)
        shutil.copytree(source / "book/_static", html / "_static", dirs_exist_ok=True)
        (html / "index.html").write_text("<html><body>Essai</body></html>", encoding="utf-8")
        return html

    monkeypatch.setattr(runner, "build_book", copy_sources)
    return project


def build(project: Path, capsys, **options) -> set[str]:
    """Run the small book; return the chapters executed."""
    capsys.readouterr()
    runner.run(project / "params/essai.yaml", root=project, output=project / "_build", **options)
    return set(re.findall(r"▶ (\S+) : exécution", capsys.readouterr().err))


def change(project: Path, section: str, key: str, value) -> None:
    path = project / "params/essai.yaml"
    content = yaml.safe_load(path.read_text(encoding="utf-8"))
    content[section][key] = value
    path.write_text(yaml.safe_dump(content), encoding="utf-8")


def saved(project: Path, chapter: str) -> dict:
    return json.loads((project / f"_build/essai/notebooks/resultats/{chapter}.json").read_text(encoding="utf-8"))


@pytest.mark.book
def test_a_chapter_is_executed_again_only_when_what_it_reads_changed(small_book, capsys):
    assert build(small_book, capsys) == {"01_a", "02_b", "03_c"}
    executed = small_book / "_build/essai/notebooks/02_b.ipynb"
    before = executed.read_bytes()

    assert build(small_book, capsys) == set()  # nothing changed: nothing executed, the book kept as it was
    assert executed.read_bytes() == before

    change(small_book, "codage", "double_codage", 40)  # the section only 02 reads
    assert build(small_book, capsys) == {"02_b"}
    assert saved(small_book, "02")["double"] == 40

    change(small_book, "echantillonnage", "graine", 7)  # read by 01, but not in its results: 03 is kept
    assert build(small_book, capsys) == {"01_a"}

    change(small_book, "echantillonnage", "marge_erreur", 0.04)  # 01's results change: 03, which reads them, too
    assert build(small_book, capsys) == {"01_a", "03_c"}
    assert saved(small_book, "03") == {"marge_double": 0.08}

    (small_book / "data/reference/note.txt").write_text("une ligne\ndeux lignes\n", encoding="utf-8")
    assert build(small_book, capsys) == {"01_a", "03_c"}  # a file 01 opened
    assert saved(small_book, "01")["lignes"] == 2

    assert build(small_book, capsys, everything=True) == {"01_a", "02_b", "03_c"}  # --tout
    assert build(small_book, capsys, only=["02"]) == {"02_b"}


@pytest.mark.book
def test_a_failed_chapter_keeps_the_last_good_book_and_runs_again_next_time(small_book, capsys):
    assert build(small_book, capsys) == {"01_a", "02_b", "03_c"}
    good = {p.name: p.read_bytes() for p in (small_book / "_build/essai/notebooks").rglob("*") if p.is_file()}
    path = small_book / "notebooks/02_b.ipynb"
    working = path.read_bytes()
    broken = nbformat.read(path, as_version=4)
    broken.cells.append(nbformat.v4.new_code_cell('raise ValueError("panne volontaire")'))
    nbformat.write(broken, path)
    with pytest.raises(runner.RunError, match="02_b.ipynb.*panne volontaire"):
        build(small_book, capsys)
    assert {p.name: p.read_bytes() for p in (small_book / "_build/essai/notebooks").rglob("*") if p.is_file()} == good
    assert (small_book / "_build/essai/echec/02_b.ipynb").is_file()
    assert sorted(p.name for p in (small_book / "_build").iterdir()) == ["essai"]  # no staging folder left

    path.write_bytes(working)  # repaired: the same notebook as the last good book's, nothing to execute
    assert build(small_book, capsys) == set()
    assert not (small_book / "_build/essai/echec").exists()


def write_notebook(path: Path, *cells: str) -> Path:
    nbformat.write(nbformat.v4.new_notebook(cells=[
        nbformat.v4.new_markdown_cell(cell[3:]) if cell.startswith("md:") else nbformat.v4.new_code_cell(cell)
        for cell in cells]), path)
    return path


def test_dependencies_are_the_chapters_whose_results_a_notebook_reads(tmp_path):
    earlier = [Path(f"notebooks/0{n}_x.ipynb") for n in range(1, 6)]
    tables = write_notebook(tmp_path / "a.ipynb", 'e = results.load_table("05", "echantillon")',
                            "n = results.load('02')['annonces']", 'md:results.load("03") in the text is not a read')
    assert chapters.dependencies(tables, earlier) == [earlier[1], earlier[4]]
    everything = write_notebook(tmp_path / "b.ipynb", 'chiffres = results.load_all(".")')
    assert chapters.dependencies(everything, earlier[:3]) == earlier[:3]
    assert chapters.dependencies(write_notebook(tmp_path / "c.ipynb", "x = 1"), earlier) == []


def test_a_chapter_waits_for_the_results_its_step_reads_even_on_a_first_build(project_root):
    """Chapter 7 calls `deduplication.compute(run)`, which reads the results of steps 5 and 6:
    known from the step's module, not only from a previous build (a first build started it
    before chapter 6 was done, and ran it twice)."""
    every = sorted((project_root / "notebooks").glob("0*.ipynb"))
    earlier = [Path("notebooks") / nb.name for nb in every[:6]]
    found = chapters.dependencies(project_root / "notebooks/07_deduplication.ipynb", earlier)
    assert [chapters.number(nb) for nb in found] == ["05", "06"]
    found = chapters.dependencies(project_root / "notebooks/06_codage.ipynb", earlier[:5])
    assert [chapters.number(nb) for nb in found] == ["05"]


def test_reads_keep_the_files_that_still_exist(tmp_path):
    (tmp_path / "donnees.csv").write_text("a\n", encoding="utf-8")
    log = tmp_path / "lectures.txt"
    log.write_text("section:codage\nsection:codage\ndonnees:annonces\nfichier:donnees.csv\n"
                   f"fichier:{tmp_path / 'temporaire-efface'}\n", encoding="utf-8")
    reads = chapters.Reads.from_log(log, tmp_path)
    assert (reads.sections, reads.donnees, reads.files) == (["codage"], ["annonces"], ["donnees.csv"])
