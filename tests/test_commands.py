"""The command line never loses a file, never shows a traceback, and checks every input first.

Cases of issue 17 (sections 1, 3, 4 and "Half-written state") and of `diagnostic verifier`
(issue 14, section 2), each with its exact outcome: exit code, French message, files left
as they were.

Lost files (`synth`):
 1. `--sortie` on a folder holding a user's files: exit 2, refused, the files unchanged.
 2. `--sortie` naming an existing file: exit 2, the file unchanged, nothing new beside it.
 3. A folder `synth` wrote, to which a user added a file: exit 2, the added file named.
 4. A folder `synth` wrote: replaced (exit 0); `--remplacer` replaces a user's folder.
Options and files of the light commands:
 5. `synth --ads 0`, `--ads -5`, `--seed -1`: exit 2 with a French usage message.
 6. `communes --departement 999`: exit 2, the code refused.
 7. `communes --alias Boulogne` (no `=`): exit 2.
 8. `communes --out`: exit 2, a French usage message.
 9. `dedup --out` naming a file: exit 2, the file unchanged.
10. `dedup --out` naming a folder that cannot be written: exit 2.
11. `dedup` on a header-only ad sheet: exit 2, no output folder created.
12. `dedup`, `accord`, `communes` on a CSV renamed `.xlsx`, `accord` on a truncated workbook,
    `dedup` on an empty CSV: exit 2, the file named.
13. `accord` given the same file twice: exit 2; two files of the same name in two folders: compared.
14. `mse` on all-zero counts: exit 2.
Last resorts:
15. An unexpected exception in a command: exit 70, « Erreur inattendue … signalez-la avec ce
    fichier : <log> », the traceback in the log and not on the screen.
16. A full disk during a build (OSError ENOSPC): exit 2, French message, last good book kept.
17. Ctrl-C during a build (in-process): exit 130, « Interrompu : le dernier livre réussi est
    conservé. », no staging folder left.
18. Ctrl-C (SIGINT) on a real build in a subprocess, while a notebook runs: the same, and no
    traceback on the terminal.
Half-written state:
19. A stale staging folder of the same edition is removed by the next run; another edition's is not.
20. A run of the same edition still going (its lock held) is not disturbed: the new run is refused.
21. A run killed by SIGKILL leaves its staging folder; the next run removes it. A run stopped by
    SIGTERM removes its own at once: exit 143, « Interrompu … ».
22. The failed notebook of an older failure is replaced by the new failure's (`echec/`); a good run
    removes `echec/` (checked in `test_book.py`, which builds a book).
`diagnostic verifier` and the checks before `run`:
23. The default edition: exit 0, « aucun problème ».
24. `annonces:` pointing at the site inventory: exit 2, the missing columns named.
25. An ad on a site not in the inventory, and counts that disagree with it: exit 2, each named.
26. `--rapport FICHIER.xlsx`: one row per problem (file, place, value, expected).
27. `run` with a bad input file stops before any notebook: exit 2, nothing executed.
28. `diagnostic --help` answers without importing pandas, papermill or Jupyter.
"""

import errno
import os
import re
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pandas as pd
import pytest
import yaml

from diagnostic import cli, run as runner
from diagnostic.synthetic.world import MARKER

ROOT = Path(__file__).resolve().parents[1]
PARAMS = ROOT / "params/pas-de-calais.yaml"
DATA = ROOT / "data/synthetic"
PYTHON_ENV = {**os.environ, "PYTHONPATH": str(ROOT / "src")}


@pytest.fixture(autouse=True)
def in_project(monkeypatch):
    """Commands run from the project's folder, as `make` runs them."""
    monkeypatch.chdir(ROOT)


def snapshot(folder: Path) -> dict:
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def error_of(capsys) -> str:
    """What the command printed on standard error, without the blank lines around it."""
    return capsys.readouterr().err.strip()


def usage_error(capsys, argv) -> str:
    with pytest.raises(SystemExit) as stop:
        cli.main(argv)
    assert stop.value.code == 2
    return error_of(capsys).splitlines()[-2]


# --- 1–4. Lost files -------------------------------------------------------------------------

def test_synth_refuses_a_folder_holding_a_users_files(tmp_path, capsys):
    folder = tmp_path / "mes-donnees"
    folder.mkdir()
    (folder / "annonces-REELLES.csv").write_text("id_annonce,site\nA1,vrai-site.fr\n", encoding="utf-8")
    (folder / "notes.txt").write_text("entretien du 3 mars", encoding="utf-8")
    before = snapshot(folder)
    assert cli.main(["synth", "--params", str(PARAMS), "--sortie", str(folder)]) == 2
    assert error_of(capsys) == (
        f"Erreur : Le dossier « {folder} » n'est pas remplacé : il n'a pas été écrit par « diagnostic synth » et "
        f"contient « annonces-REELLES.csv », « notes.txt ». Rien n'a été modifié. Choisissez un dossier vide ou "
        f"nouveau, ou ajoutez --remplacer pour effacer son contenu.")
    assert snapshot(folder) == before and sorted(p.name for p in tmp_path.iterdir()) == ["mes-donnees"]


def test_synth_never_touches_a_file_named_as_output(tmp_path, capsys):
    target = tmp_path / "rapport.docx"
    target.write_bytes(b"un document")
    for extra in ([], ["--remplacer"]):
        assert cli.main(["synth", "--params", str(PARAMS), "--sortie", str(target), *extra]) == 2
        assert error_of(capsys) == (f"Erreur : « {target} » est un fichier, pas un dossier : indiquez un dossier "
                                    f"(le fichier n'a pas été modifié).")
    assert target.read_bytes() == b"un document" and [p.name for p in tmp_path.iterdir()] == ["rapport.docx"]


def test_synth_refuses_its_own_folder_once_a_user_added_a_file(tmp_path, capsys):
    folder = tmp_path / "monde"
    shutil.copytree(DATA, folder)
    (folder / "annonces-REELLES.csv").write_text("id_annonce,site\n", encoding="utf-8")
    before = snapshot(folder)
    assert cli.main(["synth", "--params", str(PARAMS), "--sortie", str(folder)]) == 2
    assert error_of(capsys) == (
        f"Erreur : Le dossier « {folder} » n'est pas remplacé : il contient des fichiers que « diagnostic synth » "
        f"n'a pas écrits : « annonces-REELLES.csv ». Rien n'a été modifié. Choisissez un dossier vide ou nouveau, "
        f"ou ajoutez --remplacer pour effacer son contenu.")
    assert snapshot(folder) == before


def test_synth_replaces_its_own_folder_and_a_users_only_when_asked(tmp_path, capsys):
    own = tmp_path / "monde"
    shutil.copytree(DATA, own)
    (own / "codage-A-SYNTHETIQUE.xlsx").write_bytes(b"ancienne version")
    assert cli.main(["synth", "--params", str(PARAMS), "--sortie", str(own)]) == 0
    assert sorted(snapshot(own)) == sorted(snapshot(DATA))
    assert (own / "entretiens-SYNTHETIQUE.csv").read_bytes() == (DATA / "entretiens-SYNTHETIQUE.csv").read_bytes()
    users = tmp_path / "a-remplacer"
    users.mkdir()
    (users / "brouillon.txt").write_text("à jeter", encoding="utf-8")
    assert cli.main(["synth", "--params", str(PARAMS), "--sortie", str(users), "--remplacer"]) == 0
    assert snapshot(users) == snapshot(own)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a-remplacer", "monde"]
    assert (users / MARKER).read_text(encoding="utf-8").splitlines()[:3] == [
        "Dossier écrit par « diagnostic synth » ; fichiers écrits :", "LISEZMOI.md", "annonces-SYNTHETIQUE.csv"]


# --- 5–14. Options and files of the light commands -------------------------------------------

@pytest.mark.parametrize("option, value, expected", [
    ("--ads", "0", "un nombre entier d'au moins 1"),
    ("--ads", "-5", "un nombre entier d'au moins 1"),
    ("--ads", "beaucoup", "un nombre entier d'au moins 1"),
    ("--seed", "-1", "un nombre entier positif ou nul"),
])
def test_synth_refuses_counts_and_seeds_out_of_range(tmp_path, capsys, option, value, expected):
    name = {"--ads": "--ads/--annonces", "--seed": "--seed/--graine"}[option]
    line = usage_error(capsys, ["synth", "--params", str(PARAMS), "--sortie", str(tmp_path / "m"), option, value])
    assert line == f"Erreur dans la commande : {name} : valeur « {value} » ; attendu : {expected}"
    assert not (tmp_path / "m").exists()


def names_file(tmp_path) -> Path:
    path = tmp_path / "noms.csv"
    path.write_text("commune\nArras\nBoulogne\n", encoding="utf-8")
    return path


def test_communes_refuses_an_unknown_departement(tmp_path, capsys):
    assert cli.main(["communes", "--departement", "999", str(names_file(tmp_path))]) == 2
    assert error_of(capsys) == ("Erreur : --departement : code « 999 » inconnu ; attendu : un code INSEE de "
                                "département : 01 à 95 (2A et 2B pour la Corse), 971 à 976 pour l'outre-mer.")


def test_communes_refuses_an_alias_without_equals(tmp_path, capsys):
    assert cli.main(["communes", "--departement", "62", "--alias", "Boulogne", str(names_file(tmp_path))]) == 2
    assert error_of(capsys) == ("Erreur : --alias : valeur « Boulogne » ; attendu : COURT=OFFICIEL, par exemple "
                                "« Boulogne=Boulogne-sur-Mer ».")
    assert cli.main(["communes", "--departement", "62", "--alias", "Boulogne=Boulogne-sur-Mer",
                     str(names_file(tmp_path))]) == 0
    assert capsys.readouterr().out.splitlines()[1:] == ["Arras,62041,Arras,matched,",
                                                        "Boulogne,62160,Boulogne-sur-Mer,matched,"]


def test_communes_has_no_output_option(tmp_path, capsys):
    line = usage_error(capsys, ["communes", "--departement", "62", str(names_file(tmp_path)), "--out", "x"])
    assert line == "Erreur dans la commande : option(s) inconnue(s) : --out x"


def test_dedup_never_writes_over_a_file(tmp_path, capsys):
    target = tmp_path / "resultats.csv"
    target.write_text("mes résultats", encoding="utf-8")
    assert cli.main(["dedup", "--ads", str(DATA / "annonces-SYNTHETIQUE.csv"), "--out", str(target)]) == 2
    assert error_of(capsys) == (f"Erreur : « {target} » est un fichier, pas un dossier : indiquez un dossier "
                                f"(le fichier n'a pas été modifié).")
    assert target.read_text(encoding="utf-8") == "mes résultats"


def test_dedup_refuses_a_folder_it_cannot_write(capsys):
    folder = Path("/sys/diagnostic-sortie")  # not writable, even by root
    assert cli.main(["dedup", "--ads", str(DATA / "annonces-SYNTHETIQUE.csv"), "--out", str(folder)]) == 2
    assert error_of(capsys) == ("Erreur : Le dossier « /sys » n'est pas accessible en écriture (permission "
                                "refusée) : choisissez un autre dossier.")


def test_dedup_refuses_a_header_only_sheet_and_creates_nothing(tmp_path, capsys):
    sheet = tmp_path / "annonces.csv"
    sheet.write_text("id_annonce,site,date_collecte,commune_declaree,titre,texte,telephone,pseudo,age_declare\n",
                     encoding="utf-8")
    assert cli.main(["dedup", "--ads", str(sheet), "--out", str(tmp_path / "sortie")]) == 2
    assert error_of(capsys) == (f"Erreur : Fichier « {sheet} » : 1 problème(s) à corriger.\n"
                                f"  - lignes : attendu : au moins une ligne de données sous la ligne d'en-têtes "
                                f"(le fichier n'a que ses en-têtes).")
    assert [p.name for p in tmp_path.iterdir()] == ["annonces.csv"]


RENAMED_CSV = ("  - fichier : attendu : un classeur Excel (.xlsx) : ce fichier est un fichier texte (un CSV ?) "
               "renommé en .xlsx ; enregistrez-le au format .xlsx, ou nommez-le .csv si c'est un CSV.")
TRUNCATED_XLSX = ("  - fichier : attendu : un classeur Excel (.xlsx) complet : ce fichier est tronqué ou abîmé (copie "
                  "interrompue ?) ; ouvrez-le dans Excel ou LibreOffice et enregistrez-le à nouveau.")


@pytest.mark.parametrize("command", ["dedup", "accord", "communes"])
def test_a_csv_renamed_xlsx_is_named_not_a_traceback(tmp_path, capsys, command):
    fake = tmp_path / "fiche.xlsx"
    shutil.copy2(DATA / "annonces-SYNTHETIQUE.csv", fake)
    argv = {"dedup": ["dedup", "--ads", str(fake), "--out", str(tmp_path / "sortie")],
            "accord": ["accord", str(fake), str(DATA / "codage-B-SYNTHETIQUE.xlsx")],
            "communes": ["communes", "--departement", "62", str(fake)]}[command]
    assert cli.main(argv) == 2
    assert error_of(capsys) == f"Erreur : Fichier « {fake} » : 1 problème(s) à corriger.\n{RENAMED_CSV}"
    assert not (tmp_path / "sortie").exists()


def test_a_truncated_workbook_and_an_empty_csv_are_named_not_a_traceback(tmp_path, capsys):
    truncated = tmp_path / "codage-A.xlsx"
    truncated.write_bytes((DATA / "codage-A-SYNTHETIQUE.xlsx").read_bytes()[:5000])
    assert cli.main(["accord", str(truncated), str(DATA / "codage-B-SYNTHETIQUE.xlsx")]) == 2
    assert error_of(capsys) == f"Erreur : Fichier « {truncated} » : 1 problème(s) à corriger.\n{TRUNCATED_XLSX}"
    empty = tmp_path / "annonces.csv"
    empty.write_bytes(b"")
    assert cli.main(["dedup", "--ads", str(empty), "--out", str(tmp_path / "sortie")]) == 2
    assert error_of(capsys) == (f"Erreur : Fichier « {empty} » : 1 problème(s) à corriger.\n"
                                f"  - fichier : attendu : une première ligne d'en-têtes (les noms des colonnes) : le "
                                f"fichier est vide.")


def test_accord_refuses_the_same_file_twice(capsys):
    sheet = DATA / "codage-A-SYNTHETIQUE.xlsx"
    assert cli.main(["accord", str(sheet), str(sheet)]) == 2
    assert error_of(capsys) == (f"Erreur : les deux fiches sont le même fichier (« {sheet} ») : donnez les fiches "
                                f"de deux codeurs.")


def test_accord_tells_apart_two_sheets_of_the_same_name(tmp_path, capsys):
    first, second = tmp_path / "codeur-1/fiche.xlsx", tmp_path / "codeur-2/fiche.xlsx"
    for copy, original in ((first, "codage-A-SYNTHETIQUE.xlsx"), (second, "codage-B-SYNTHETIQUE.xlsx")):
        copy.parent.mkdir()
        shutil.copy2(DATA / original, copy)
    assert cli.main(["accord", str(first), str(second)]) == 0
    assert capsys.readouterr().out.splitlines()[0] == (f"Accord entre « {first} » et « {second} », "
                                                       f"sur 50 annonces codées deux fois :")


def test_mse_refuses_all_zero_counts(tmp_path, capsys):
    captures = tmp_path / "captures.csv"
    captures.write_text("police,associations,count\n1,0,0\n0,1,0\n1,1,0\n", encoding="utf-8")
    assert cli.main(["mse", "--captures", str(captures), "--bootstrap", "0"]) == 2
    assert error_of(capsys) == (f"Erreur : Fichier « {captures} » : 1 problème(s) à corriger.\n"
                                f"  - colonne « count » : valeur « 0 partout » ; attendu : au moins une personne "
                                f"observée.")


# --- 15–18. Last resorts ---------------------------------------------------------------------

def test_an_unexpected_error_goes_to_a_log_not_the_screen(tmp_path, capsys, monkeypatch):
    def broken(args):
        return 1 / 0

    monkeypatch.setitem(cli.COMMANDS, "mse", broken)
    monkeypatch.setattr("tempfile.tempdir", str(tmp_path))
    assert cli.main(["mse", "--captures", "x.csv"]) == 70
    message = error_of(capsys)
    log = next(tmp_path.glob("diagnostic-erreur-*.log"))
    assert message == ("Erreur inattendue (ZeroDivisionError) : ce n'est pas une erreur de vos fichiers. "
                       f"Signalez-la avec ce fichier : {log}")
    text = log.read_text(encoding="utf-8")
    assert "Traceback (most recent call last)" in text and "return 1 / 0" in text
    assert "ZeroDivisionError: division by zero" in text


def last_good_book(output: Path) -> dict:
    book = output / "pas-de-calais"
    (book / "html").mkdir(parents=True)
    (book / "html/index.html").write_text("<p>le dernier bon livre</p>", encoding="utf-8")
    return snapshot(book / "html")


@pytest.mark.parametrize("fault, code, message", [
    (OSError(errno.ENOSPC, "No space left on device", "/tmp/livres/x.ipynb"), 2,
     "Erreur : le disque est plein : libérez de la place et relancez la commande (« /tmp/livres/x.ipynb »). "
     "Le dernier livre réussi est conservé."),
    (KeyboardInterrupt(), 130, "Interrompu : le dernier livre réussi est conservé."),
], ids=["disque-plein", "ctrl-c"])
def test_a_build_stopped_by_a_full_disk_or_ctrl_c_keeps_the_last_good_book(tmp_path, capsys, monkeypatch,
                                                                           fault, code, message):
    output = tmp_path / "livres"
    before = last_good_book(output)

    def failing(source, target, values, root, reads=None):
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text("à moitié écrit", encoding="utf-8")
        raise fault

    monkeypatch.setattr(runner, "execute_notebook", failing)
    assert cli.main(["run", "--params", str(PARAMS), "--sortie", str(output)]) == code
    assert error_of(capsys).splitlines()[-1] == message
    assert snapshot(output / "pas-de-calais/html") == before
    assert sorted(p.name for p in output.iterdir()) == ["pas-de-calais"]  # no staging folder left
    assert sorted(p.name for p in (output / "pas-de-calais").iterdir()) == [".verrou", "html"]


def wait_for(condition, timeout: float = 300) -> None:
    end = time.monotonic() + timeout
    while not condition():
        assert time.monotonic() < end, "délai dépassé"
        time.sleep(0.3)


def start_build(params: Path, output: Path, log: Path) -> subprocess.Popen:
    """`diagnostic run` in its own process group, Ctrl-C handled as in a terminal."""
    with open(log, "w") as stderr:
        return subprocess.Popen([sys.executable, "-m", "diagnostic", "run", "--params", str(params),
                                 "--sortie", str(output)], cwd=ROOT, env=PYTHON_ENV, stdout=subprocess.DEVNULL,
                                stderr=stderr, start_new_session=True,
                                preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL))


def test_ctrl_c_while_a_notebook_runs_prints_one_line_and_no_traceback(tmp_path):
    output, log = tmp_path / "livres", tmp_path / "erreurs.txt"
    before = last_good_book(output)
    build = start_build(PARAMS, output, log)
    try:
        # A chapter's kernel has started and runs its cells.
        wait_for(lambda: re.search(r"▶ \S+ : exécution", log.read_text(errors="replace")))
        time.sleep(5)
        os.killpg(build.pid, signal.SIGINT)
        assert build.wait(timeout=120) == 130
    finally:
        if build.poll() is None:
            os.killpg(build.pid, signal.SIGKILL)
    shown = log.read_text(encoding="utf-8")
    assert shown.splitlines()[-1] == "Interrompu : le dernier livre réussi est conservé."
    assert "Traceback" not in shown and "KeyboardInterrupt" not in shown
    assert snapshot(output / "pas-de-calais/html") == before
    assert sorted(p.name for p in output.iterdir()) == ["pas-de-calais"]


# --- 19–22. Half-written state ---------------------------------------------------------------

def params_with(tmp_path: Path, name: str = "pas-de-calais", **data) -> Path:
    """The default parameters, some data keys changed, written as `<name>.yaml` (the edition's name)."""
    content = yaml.safe_load(PARAMS.read_text(encoding="utf-8"))
    content["donnees"].update({key: str(value) for key, value in data.items()})
    folder = tmp_path / f"parametres-{len(list(tmp_path.glob('parametres-*')))}"
    folder.mkdir()
    path = folder / f"{name}.yaml"
    path.write_text(yaml.safe_dump(content, allow_unicode=True), encoding="utf-8")
    return path


WRONG_ADS = {"annonces": DATA / "inventaire-sites-SYNTHETIQUE.csv"}  # stops the run at the checks


def test_the_next_run_removes_stale_staging_of_its_own_edition_only(tmp_path, capsys):
    output = tmp_path / "livres"
    stale = output / ".pas-de-calais-en-cours-k7x2"
    other = output / ".exemple-49-en-cours-a1b2"
    for folder in (stale, other):
        (folder / "source").mkdir(parents=True)
        (folder / "source/page.html").write_text("reste", encoding="utf-8")
    assert cli.main(["run", "--params", str(params_with(tmp_path, **WRONG_ADS)), "--sortie", str(output)]) == 2
    assert sorted(p.name for p in output.iterdir()) == [".exemple-49-en-cours-a1b2", "pas-de-calais"]
    assert "aucun notebook n'a été exécuté" in error_of(capsys)


def test_a_run_still_going_is_not_disturbed(tmp_path, capsys):
    output = tmp_path / "livres"
    (output / "pas-de-calais").mkdir(parents=True)
    going = output / ".pas-de-calais-en-cours-v3c9"
    going.mkdir()
    holder = subprocess.Popen([sys.executable, "-c", "import fcntl, sys, time\n"
                               f"lock = open({str(output / 'pas-de-calais/.verrou')!r}, 'a')\n"
                               "fcntl.flock(lock, fcntl.LOCK_EX); print('ok', flush=True); time.sleep(120)"],
                              stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline() == "ok\n"
        assert cli.main(["run", "--params", str(PARAMS), "--sortie", str(output)]) == 2
        assert error_of(capsys) == (
            f"Erreur : Un autre run de l'édition « pas-de-calais » est en cours (verrou "
            f"{output / 'pas-de-calais/.verrou'}) : attendez sa fin, ou arrêtez-le, avant d'en lancer un autre.")
        assert going.is_dir()
    finally:
        holder.kill()
        holder.wait()


def test_a_killed_run_leaves_staging_that_the_next_run_removes(tmp_path, capsys):
    output, log = tmp_path / "livres", tmp_path / "erreurs.txt"
    build = start_build(params_with(tmp_path), output, log)
    try:
        wait_for(lambda: any(output.glob(".pas-de-calais-en-cours-*/source/book")))
    finally:
        os.killpg(build.pid, signal.SIGKILL)
        build.wait()
    assert len(list(output.glob(".pas-de-calais-en-cours-*"))) == 1
    assert cli.main(["run", "--params", str(params_with(tmp_path, **WRONG_ADS)), "--sortie", str(output)]) == 2
    assert sorted(p.name for p in output.iterdir()) == ["pas-de-calais"]


def test_a_run_stopped_by_sigterm_cleans_up_at_once(tmp_path):
    output, log = tmp_path / "livres", tmp_path / "erreurs.txt"
    build = start_build(params_with(tmp_path), output, log)
    try:
        wait_for(lambda: any(output.glob(".pas-de-calais-en-cours-*/source/book")))
        build.terminate()
        assert build.wait(timeout=120) == 143
    finally:
        if build.poll() is None:
            os.killpg(build.pid, signal.SIGKILL)
    assert log.read_text(encoding="utf-8").splitlines()[-1] == "Interrompu : le dernier livre réussi est conservé."
    assert sorted(p.name for p in output.iterdir()) == ["pas-de-calais"]


def test_a_new_failure_replaces_the_older_one(tmp_path):
    failures = tmp_path / "echec"
    failures.mkdir()
    (failures / "03_situations.ipynb").write_text("ancien échec", encoding="utf-8")
    executed = tmp_path / "01_partenaires.ipynb"
    executed.write_text("nouvel échec", encoding="utf-8")
    assert runner.keep_failed(executed, failures) == failures / "01_partenaires.ipynb"
    assert snapshot(failures) == {"01_partenaires.ipynb": "nouvel échec".encode()}


# --- 23–27. `diagnostic verifier` and the checks before `run` --------------------------------

def test_verifier_accepts_the_default_edition(capsys):
    assert cli.main(["verifier", "--params", str(PARAMS)]) == 0
    assert capsys.readouterr().out.strip() == (
        f"Vérification de « {PARAMS} » : aucun problème ; le livre peut être construit "
        f"(diagnostic run --params {PARAMS}).")


def test_verifier_refuses_a_key_pointing_at_a_file_of_another_kind(tmp_path, capsys):
    params = params_with(tmp_path, **WRONG_ADS)
    assert cli.main(["verifier", "--params", str(params)]) == 2
    assert capsys.readouterr().out.strip() == (
        f"Vérification de « {params} » : 1 problème(s) dans 1 fichier(s) ; le livre ne peut pas être construit "
        f"avant leur correction.\n\n"
        f"Fichier « {DATA / 'inventaire-sites-SYNTHETIQUE.csv'} » : 1 problème(s) à corriger.\n"
        f"  - colonne « id_annonce » absente : attendu : une colonne « id_annonce » dans la première ligne ; colonnes "
        f"trouvées : « site », « categorie », « annonces », « groupe_miroir », « mode_comptage », « pages », "
        f"« pertinentes_10_pages », « options_payantes », « abonnement », « inscription_payante », "
        f"« avertissement_cgu », « date_collecte ».")


def ads_disagreeing_with_the_inventory(tmp_path: Path) -> Path:
    """The synthetic ad sheet, one ad moved to a site the inventory does not list."""
    ads = pd.read_csv(DATA / "annonces-SYNTHETIQUE.csv", dtype=str, keep_default_na=False)
    first_site = ads.loc[0, "site"]
    ads.loc[0, "site"] = "site-inconnu.example"
    path = tmp_path / "annonces.csv"
    ads.to_csv(path, index=False)
    return path, first_site, int((ads["site"] == first_site).sum())


def test_verifier_compares_the_ads_with_the_inventory(tmp_path, capsys):
    sheet, site, left = ads_disagreeing_with_the_inventory(tmp_path)
    params = params_with(tmp_path, annonces=sheet)
    assert cli.main(["verifier", "--params", str(params), "--rapport", str(tmp_path / "rapport.xlsx")]) == 2
    out = capsys.readouterr().out
    assert (f"Fichier « {sheet} (comparée à l'inventaire des sites {DATA / 'inventaire-sites-SYNTHETIQUE.csv'}) » : "
            f"2 problème(s) à corriger.\n"
            f"  - site « {site} » : valeur « {left} » ; attendu : {left + 1} annonces, comme dans l'inventaire "
            f"des sites.\n"
            f"  - site « site-inconnu.example » : valeur « 1 » ; attendu : un site de l'inventaire.") in out
    report = pd.read_excel(tmp_path / "rapport.xlsx", sheet_name="problemes", dtype=str)
    assert report.columns.tolist() == ["fichier", "lieu", "valeur", "attendu"]
    assert report["lieu"].tolist() == [f"site « {site} »", "site « site-inconnu.example »"]
    assert report["valeur"].tolist() == [str(left), "1"]
    assert report["attendu"].tolist() == [f"{left + 1} annonces, comme dans l'inventaire des sites",
                                          "un site de l'inventaire"]


def test_run_stops_before_any_notebook_when_an_input_is_wrong(tmp_path, capsys, monkeypatch):
    def never(*args):
        raise AssertionError("aucun notebook ne doit être exécuté")

    monkeypatch.setattr(runner, "execute_notebook", never)
    output = tmp_path / "livres"
    before = last_good_book(output)
    assert cli.main(["run", "--params", str(params_with(tmp_path, **WRONG_ADS)), "--sortie", str(output)]) == 2
    message = error_of(capsys)
    assert message.startswith("Erreur : Les fichiers d'entrée ont des problèmes ; aucun notebook n'a été exécuté, "
                              "le dernier livre réussi est conservé.\n\n"
                              f"Fichier « {DATA / 'inventaire-sites-SYNTHETIQUE.csv'} » :")
    assert snapshot(output / "pas-de-calais/html") == before


# --- 28. Speed -------------------------------------------------------------------------------

def test_help_imports_no_heavy_module():
    probe = ("import sys\nfrom diagnostic import cli\ntry:\n    cli.main(['--help'])\nexcept SystemExit:\n    pass\n"
             "print(sorted(m for m in ('pandas', 'papermill', 'nbformat', 'jupyter_client', 'scipy', 'altair')"
             " if m in sys.modules))")
    result = subprocess.run([sys.executable, "-c", probe], env=PYTHON_ENV, capture_output=True, text=True,
                            check=True)
    assert result.stdout.splitlines()[-1] == "[]"
    assert result.stdout.startswith("utilisation : diagnostic")


def test_nouveau_outside_the_project_says_where_to_run_it_and_writes_nothing(tmp_path, capsys, monkeypatch):
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("DIAGNOSTIC_RACINE", raising=False)
    assert cli.main(["nouveau", "--departement", "33", "--dossier", str(tmp_path / "gironde")]) == cli.EXIT_INPUT
    message = error_of(capsys)
    assert message.startswith("Erreur : Dossier du projet introuvable") and "DIAGNOSTIC_RACINE" in message
    assert not (tmp_path / "gironde").exists()


def test_a_stop_that_lands_in_a_finaliser_still_stops_the_command(monkeypatch, capsys):
    """Python ignores an exception raised in `__del__`: a SIGTERM handled while the garbage
    collector ran a finaliser (a ZipFile's, in a CI run) let a whole build finish with exit 0."""

    class Finalised:
        def __del__(self):
            os.kill(os.getpid(), signal.SIGTERM)
            time.sleep(0.05)  # the handler runs here, inside the finaliser

    def command(args):
        Finalised()  # collected at once: its finaliser receives the signal
        deadline = time.monotonic() + 5
        while time.monotonic() < deadline:
            time.sleep(0.01)
        return 0

    monkeypatch.setitem(cli.COMMANDS, "verifier", command)
    started = time.monotonic()
    assert cli.main(["verifier", "--params", str(PARAMS)]) == 143
    assert time.monotonic() - started < 2
    assert "Interrompu" in error_of(capsys)
