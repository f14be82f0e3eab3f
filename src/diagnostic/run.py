"""Run the whole handbook for one parameters file: execute the notebooks, build the book.

`diagnostic run --params params/X.yaml` (or `make book PARAMS=params/X.yaml`):
1. checks the parameters and reads every input file they name (`verification`: nothing
   runs if one is wrong; skipped when none of them changed since the last good book);
2. executes the notebooks listed in `_toc.yml` with papermill, the parameters file
   injected into the cell tagged `parameters`, in a staging folder: a chapter whose inputs
   did not change since the last good book is taken from it as it was executed
   (`chapters`: parameters sections, files and earlier chapters' results it read);
   chapters run in parallel, each once the chapters whose results it reads are done;
3. builds the book with Jupyter Book 1.x from the executed notebooks, warnings as errors,
   from the last good book's Sphinx environment when the book has the same files: only the
   pages whose sources changed are read and written again (`reuse_sphinx_state`);
4. checks what the book would publish (`publication.check_book`: contact details,
   identifying values, small counts of persons; a file whose bytes the last good book's
   check already read, by the same rules, is not read again);
5. only then replaces `_build/<run>/html` (and the executed notebooks beside it).
A failure at any step names the notebook and the cell and leaves the last good book
of that run untouched; the executed notebook that failed is kept in `_build/<run>/echec/`
until the next good book. One run of an edition at a time holds `_build/<run>/.verrou`;
a run killed before its end leaves its staging folder `_build/.<run>-en-cours-*`, which
the next run of the same edition removes. `--tout` executes every chapter again;
`--only 05` (workshops) executes chapter 5 again in any case, the others as their inputs say.
The page "Cette édition" records the package version and the parameters file.
"""

from __future__ import annotations

import fcntl
import html
import json
import os
import queue
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import yaml

from . import chapters, params as parameters
from .paths import ROOT_VARIABLE, project_root, replace_folder

BOOK_SOURCES = ("book",)
NATURE_LABELS = {
    "synthetiques": "données synthétiques (fictives)",
    "publiees": "chiffres publiés du diagnostic du Pas-de-Calais (2020)",
    "reelles": "données du département",
}


class RunError(RuntimeError):
    """A run failed; the message, in French, says where. The previous book is kept."""

    notebook: Path | None = None  # the chapter that failed, if one did


def toc_files(root: Path) -> list[str]:
    """Every document of `_toc.yml`, in reading order (without extension)."""
    toc = yaml.safe_load((root / "_toc.yml").read_text(encoding="utf-8"))
    files = [toc["root"]]

    def walk(entries):
        for entry in entries or []:
            if "file" in entry:
                files.append(entry["file"])
            walk(entry.get("sections"))
            walk(entry.get("chapters"))

    for part in toc.get("parts", []):
        walk(part.get("chapters"))
    walk(toc.get("chapters"))
    return files


def notebooks(root: Path) -> list[Path]:
    """The notebooks the book contains, relative to the project root, in reading order."""
    return [Path(f + ".ipynb") for f in toc_files(root) if (root / (f + ".ipynb")).is_file()]


def _book_config(root: Path, run_params: parameters.Parametres, edition: str) -> dict:
    """The project's `_config.yml`, with this run's title and substitutions."""
    config = yaml.safe_load((root / "_config.yml").read_text(encoding="utf-8"))
    config["title"] = run_params.book_title
    config.setdefault("html", {})["extra_footer"] = (
        f"<p>Édition {html.escape(run_params.departement.nom)} — manuel <code>diagnostic</code> "
        f"{html.escape(edition)} — <a href=\"../book/edition.html\">paramètres de l'édition</a></p>")
    substitutions = config.setdefault("parse", {}).setdefault("myst_substitutions", {})
    substitutions.update({
        "departement": run_params.departement.nom,
        "code_departement": run_params.departement.code,
        "nature_donnees": NATURE_LABELS[run_params.donnees.nature],
    })
    return config


def version(root: Path) -> str:
    """The handbook's version: the package's, and the git commit of `root` when there is one."""
    from importlib.metadata import version as package_version

    text = package_version("diagnostic")
    try:
        commit = subprocess.run(["git", "rev-parse", "--short=12", "HEAD"], cwd=root, capture_output=True,
                                text=True, timeout=10)
        dirty = subprocess.run(["git", "status", "--porcelain", "--untracked-files=no"], cwd=root,
                               capture_output=True, text=True, timeout=10)
    except (OSError, subprocess.SubprocessError):
        return text
    if commit.returncode == 0:
        text += f" (commit {commit.stdout.strip()}{', modifié localement' if dirty.stdout.strip() else ''})"
    return text


def edition_page(params_path: Path, run_params: parameters.Parametres, root: Path, edition: str) -> str:
    """The page "Cette édition": version, parameters file, and the file itself."""
    try:
        shown = params_path.resolve().relative_to(root)
    except ValueError:
        shown = params_path.name
    lines = ["# Cette édition : paramètres et version", "",
             f"- **Département** : {run_params.departement.nom} ({run_params.departement.code})",
             f"- **Données** : {NATURE_LABELS[run_params.donnees.nature]}",
             f"- **Version du manuel** : `diagnostic` {edition}",
             f"- **Fichier de paramètres** : `{shown}`", "",
             "Relancer `diagnostic run --params` avec ce fichier, cette version et les mêmes données redonne "
             "exactement ce livre. Le fichier de paramètres de l'édition :", "",
             "```yaml", params_path.read_text(encoding="utf-8").rstrip(), "```", ""]
    return "\n".join(lines)


OFFLINE_SCRIPTS = ("vega-bundle.js", "mathjax/tex-svg.js")  # as named in _config.yml (charts.BUNDLE_NAME)


def write_offline_assets(static: Path, previous: Path | None = None) -> None:
    """Scripts the book would otherwise load from CDNs: vega (charts) and MathJax (formulas).

    `previous`: the `_static` folder of the last good book, whose copies are taken when the
    environment that wrote them has not changed (vl-convert takes seconds to bundle vega).
    """
    if previous is not None and all((previous / script).is_file() for script in OFFLINE_SCRIPTS):
        for script in OFFLINE_SCRIPTS:
            (static / script).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(previous / script, static / script)
        return
    import mathjax  # the django-static-mathjax package: MathJax 3's files, nothing else used

    from . import charts

    charts.write_javascript_bundle(static)
    mathjax_dir = Path(mathjax.__file__).resolve().parent / "static" / "mathjax" / "es5"
    (static / "mathjax").mkdir(parents=True, exist_ok=True)
    shutil.copy2(mathjax_dir / "tex-svg.js", static / "mathjax" / "tex-svg.js")


_LIVE_KERNELS: set = set()  # the kernels running, stopped at once when a build is abandoned
_ABANDONED = threading.Event()  # set when a build is abandoned: a kernel starting then is stopped too


def _kernel_manager(folder: Path, variables: dict[str, str]):
    """A notebook kernel started in `folder` with the chapter's own environment variables, whose
    log stays off the terminal. (Papermill's own `cwd` changes the directory of the whole
    process, which chapters executed side by side in threads cannot share.)

    A chapter's errors come back through its outputs (and `RunError`); what the kernel
    process itself prints is noise there: a warning about its local connection at each
    start, and tracebacks of its sockets closing when a run is interrupted (Ctrl-C).
    """
    from jupyter_client.manager import AsyncKernelManager

    class QuietKernelManager(AsyncKernelManager):
        async def start_kernel(self, **kw):
            kw.setdefault("stderr", subprocess.DEVNULL)
            kw["env"] = {**os.environ, **variables}
            kw["cwd"] = str(folder)
            # No shared history database: kernels side by side (and other Jupyter users of the
            # machine) would wait on its lock.
            kw["extra_arguments"] = [*kw.get("extra_arguments", []), "--HistoryManager.enabled=False"]
            await super().start_kernel(**kw)
            _LIVE_KERNELS.add(self)
            if _ABANDONED.is_set():
                stop_kernels()

        async def shutdown_kernel(self, *args, **kw):
            _LIVE_KERNELS.discard(self)
            return await super().shutdown_kernel(*args, **kw)

    return QuietKernelManager


def stop_kernels() -> None:
    """Kill the kernels still running (a build abandoned: Ctrl-C, a failed chapter)."""
    _ABANDONED.set()
    for manager in list(_LIVE_KERNELS):
        _LIVE_KERNELS.discard(manager)
        try:
            os.kill(manager.provisioner.pid, signal.SIGKILL)
        except (AttributeError, ProcessLookupError, TypeError):
            pass


def execute_notebook(source: Path, target: Path, values: dict, root: Path, reads: Path | None = None) -> None:
    """Execute one notebook with papermill, injecting the values its parameters cell declares;
    what it reads is recorded in `reads` (`chapters`)."""
    import papermill

    declared = papermill.inspect_notebook(str(source))
    injected = {name: value for name, value in values.items() if name in declared}
    target.parent.mkdir(parents=True, exist_ok=True)
    variables = {ROOT_VARIABLE: str(root)} | ({chapters.READS_VARIABLE: str(reads)} if reads else {})
    try:
        papermill.execute_notebook(
            str(source), str(target), parameters=injected, kernel_name="python3",
            kernel_manager_class=_kernel_manager(target.parent, variables), progress_bar=False,
            request_save_on_cell_execute=False)
    except papermill.PapermillExecutionError as exc:
        number, first_line = _source_cell(target, exc.cell_index)
        raise RunError(
            f"Le notebook « {source.name} » a échoué à la cellule n° {number} "
            f"(« {first_line} ») : {exc.ename} : {exc.evalue}") from None
    hide_injected_parameters(target)


def _source_cell(executed: Path, index: int) -> tuple[int, str]:
    """Number (from 1, as in the source notebook) and first line of an executed cell.

    The executed notebook has papermill's injected parameters, which the person editing
    the source notebook never sees, and, after a failure, papermill's error banner on top.
    """
    import nbformat

    cells = [cell for cell in nbformat.read(executed, as_version=4).cells
             if "papermill-error-cell-tag" not in cell.metadata.get("tags", [])]
    injected = sum(1 for cell in cells[:index]
                   if "injected-parameters" in cell.metadata.get("tags", []))
    lines = cells[index].source.strip().splitlines() or [""]
    return index - injected + 1, lines[0][:80]


def hide_injected_parameters(path: Path) -> None:
    """Tidy an executed notebook: papermill's injected cell tagged `remove-cell` (MyST-NB
    ignores papermill's report mode), its random id and the clock times removed, so that
    the same run gives the same bytes."""
    import nbformat

    notebook = nbformat.read(path, as_version=4)
    for record in (notebook.metadata.get("papermill", {}),):
        for key in ("start_time", "end_time", "duration", "input_path", "output_path"):
            record.pop(key, None)
    for cell in notebook.cells:
        tags = cell.metadata.setdefault("tags", [])
        if "injected-parameters" in tags:
            cell["id"] = "parametres-injectes"  # papermill draws a random id
            if "remove-cell" not in tags:
                tags.append("remove-cell")
        cell.metadata.pop("execution", None)
        for key in ("start_time", "end_time", "duration"):
            cell.metadata.get("papermill", {}).pop(key, None)
    nbformat.write(notebook, path)


UNCHANGED_DATE = 946684800  # 2000-01-01: a source the last good book's Sphinx environment read as it is
SPHINX_STATE = ".sphinx"  # in a run's folder: Sphinx's environment (doctrees) and myst-nb's outputs of its book


def reuse_sphinx_state(source: Path, staging: Path, output: Path, before: dict[str, str], now: dict[str, str]) -> None:
    """Start the build from the last good book's Sphinx environment and pages: Sphinx then reads
    and writes again only the pages whose sources changed (`sphinx_ext` makes it write every
    page when what the others show of a page changed), and gives the pages a fresh build gives.

    Sphinx tells a changed source by its modification time: a source whose content differs from
    the last good book's is dated now, whatever date its copy kept; one whose content is the same
    (a chapter executed again to the same bytes) is dated back to `UNCHANGED_DATE`, before Sphinx
    read it: it is not read again.
    """
    build = staging / "_build"
    (output / SPHINX_STATE).rename(build)  # a failed build loses it: the next one is a fresh one
    shutil.copytree(output / "html", build / "html")  # copies, with their dates: the last good book stays as it is
    for name, content in now.items():
        os.utime(source / name, None if before.get(name) != content else (UNCHANGED_DATE, UNCHANGED_DATE))


def build_book(source: Path, output: Path) -> Path:
    """Build the HTML book with Jupyter Book 1.x, every warning counted as an error."""
    command = [str(Path(sys.executable).with_name("jupyter-book")), "build", str(source),
               "--path-output", str(output), "--builder", "html", "-W", "--keep-going"]
    result = subprocess.run(command, capture_output=True, text=True)
    if result.returncode != 0:
        raise RunError("La construction du livre a échoué (les avertissements comptent comme "
                       "des erreurs) :\n" + (result.stdout + result.stderr)[-4000:])
    return output / "_build" / "html"


SYNTHESIS_PAGE = Path("notebooks/08_synthese.html")
KIT_PAGE = Path("book/guide/kit.html")  # the guide's printable kit: checklists, consent text, safeguarding
# Headless Chromium, for the PDFs and for the tests that open the book: no first-run dialogs, no
# background traffic, and 15 s of virtual time for the charts and formulas to be drawn.
CHROMIUM_FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
                  "--disable-component-update", "--disable-sync", "--no-pdf-header-footer",
                  "--virtual-time-budget=15000"]


def print_pdf(page: Path, target: Path) -> Path:
    """The restitution as PDF: the synthesis page printed by headless Chromium (Debian package)."""
    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    if chromium is None:
        raise RunError("Le PDF est imprimé par Chromium, introuvable : installez le paquet Debian « chromium » "
                       "(make browser).")
    target.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as profile:
        result = subprocess.run([chromium, *CHROMIUM_FLAGS, f"--user-data-dir={profile}", f"--print-to-pdf={target}",
                                 page.as_uri()], capture_output=True, text=True, timeout=300)
    if result.returncode != 0 or not target.is_file():
        raise RunError("L'impression du PDF par Chromium a échoué :\n" + result.stderr[-2000:])
    return target


def select(available: list[Path], only: list[str] | None) -> list[Path]:
    """The notebooks named by `--only` (by their number or the start of their name)."""
    if not only:
        return available
    chosen = [nb for nb in available if any(nb.stem.startswith(name) for name in only)]
    unknown = [name for name in only if not any(nb.stem.startswith(name) for nb in available)]
    if unknown:
        raise RunError(f"--only : chapitre(s) inconnu(s) : {', '.join(unknown)} ; chapitres du livre : "
                       + ", ".join(nb.stem for nb in available))
    return chosen


@contextmanager
def edition_lock(output: Path) -> Iterator[None]:
    """Hold the edition's lock (`output/.verrou`) for a run, after removing what killed runs left.

    The lock is an `flock` on a file: the system releases it when its process ends, even
    killed (SIGKILL), so a lock that can be taken means no other run of this edition is
    alive. Its staging folders `.<run>-en-cours-*` beside `output` are then leftovers of
    killed runs, and are removed. A run of the same edition still going is not disturbed:
    this one is refused.
    """
    output.mkdir(parents=True, exist_ok=True)
    with open(output / ".verrou", "a") as lock:
        try:
            fcntl.flock(lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            raise RunError(f"Un autre run de l'édition « {output.name} » est en cours (verrou {output / '.verrou'}) : "
                           f"attendez sa fin, ou arrêtez-le, avant d'en lancer un autre.") from None
        for stale in output.parent.glob(f".{output.name}-en-cours-*"):  # a killed run's staging folder
            shutil.rmtree(stale, ignore_errors=True)
        try:
            yield
        finally:
            fcntl.flock(lock, fcntl.LOCK_UN)


def check_inputs(run_params: parameters.Parametres, root: Path) -> None:
    """Every input file read and checked before any notebook runs (`diagnostic verifier`)."""
    from . import verification

    found = verification.check_inputs(run_params, root)
    if found:
        raise RunError("Les fichiers d'entrée ont des problèmes ; aucun notebook n'a été exécuté, le dernier livre "
                       "réussi est conservé.\n\n" + "\n".join(str(exc) for exc in found))


def keep_failed(executed: Path, failures: Path) -> Path:
    """The executed notebook that failed, in `failures` (replacing any older failure)."""
    shutil.rmtree(failures, ignore_errors=True)
    failures.mkdir(parents=True)
    return Path(shutil.copy2(executed, failures / executed.name))


def _seconds(value: float) -> str:
    return f"{value:.1f}".replace(".", ",") + " s"


class Chapters:
    """The chapters of one build, executed in parallel as their dependencies allow.

    A chapter starts once the chapters whose results it reads are done; it is executed
    again only when its fingerprint differs from the last good book's (`chapters`), or
    when `forced`. Up to `jobs` chapters run at once, each in its own kernel; a chapter's
    executed notebook and its results depend only on its inputs, never on the order.
    """

    def __init__(self, every: list[Path], forced: list[Path], root: Path, source: Path, staging: Path,
                 values: dict, fingerprints: chapters.Fingerprints, previous: dict, jobs: int,
                 durations: dict[str, float]):
        self.every, self.forced, self.root = every, set(forced), root
        self.source, self.notebooks, self.reads = source, source / "notebooks", staging / "lectures"
        self.values, self.fingerprints, self.previous, self.jobs = values, fingerprints, previous, jobs
        # What a chapter reads: in its notebook, and what it read last time (the step functions
        # read results too). A chapter that reads another one's results before they are done is
        # executed again after them (`run`).
        self.upstream, self.in_code = {}, {}
        for i, nb in enumerate(every):
            self.in_code[nb] = set(chapters.dependencies(root / nb, every[:i]))   # the sources do not change in a build
            read = chapters.read_results(previous.get(nb.stem, {}).get("resultats", []), every[:i])
            self.upstream[nb] = sorted(self.in_code[nb] | read, key=every.index)
        # The longest chains first (by the last build's durations): the chapters others wait for start early.
        remaining: dict[Path, float] = {}
        for notebook in reversed(every):
            after = [remaining[other] for other in every if notebook in self.upstream[other]]
            remaining[notebook] = durations.get(notebook.stem, 10.0) + max(after, default=0.0)
        self.order = sorted(every, key=lambda nb: (-remaining[nb], every.index(nb)))
        self.records: dict[str, dict] = {}
        self.executed: dict[str, float] = {}  # chapter → seconds

    def _key(self, notebook: Path, reads: chapters.Reads) -> str:
        """The chapter's fingerprint, with the results of the chapters it reads (in its cells, or as it read them)."""
        earlier = self.every[:self.every.index(notebook)]
        read = self.in_code[notebook] | chapters.read_results(reads.results, earlier)
        return self.fingerprints.key(self.root / notebook, reads, self.notebooks, sorted(read, key=self.every.index))

    def _unchanged(self, notebook: Path) -> dict | None:
        """The last good book's record of a chapter whose inputs did not change, if any."""
        record = self.previous.get(notebook.stem)
        if notebook in self.forced or not record or not (self.source / notebook).is_file():
            return None
        reads = chapters.Reads(record["sections"], record["donnees"], record["fichiers"], record["resultats"])
        return record if self._key(notebook, reads) == record["cle"] else None

    def _start(self, notebook: Path, done: queue.Queue) -> None:
        chapter = chapters.number(notebook)
        for old in [*self.notebooks.glob(f"resultats/{chapter}.json"), *self.notebooks.glob(f"resultats/{chapter}-*")]:
            old.unlink()  # a chapter executed again writes all its results anew
        log = self.reads / f"{notebook.stem}.txt"
        log.unlink(missing_ok=True)

        def work():
            began = time.monotonic()
            try:
                execute_notebook(self.root / notebook, self.source / notebook, self.values, self.root, log)
                done.put((notebook, None, time.monotonic() - began))
            except BaseException as exc:  # handed to the main thread, which stops the build
                done.put((notebook, exc, 0.0))

        threading.Thread(target=work, name=notebook.stem, daemon=True).start()

    def _finish(self, notebook: Path, seconds: float, reads: chapters.Reads) -> None:
        self.records[notebook.stem] = {"cle": self._key(notebook, reads), "sections": reads.sections,
                                       "donnees": reads.donnees, "fichiers": reads.files,
                                       "resultats": reads.results}
        self.executed[notebook.stem] = round(seconds, 1)

    def run(self) -> None:
        _ABANDONED.clear()
        self.reads.mkdir(parents=True, exist_ok=True)
        waiting, running, done = list(self.order), set(), queue.Queue()
        finished: set[Path] = set()
        done_before: dict[Path, set[Path]] = {}  # the chapters done when each one started
        try:
            while waiting or running:
                ready = [nb for nb in waiting if set(self.upstream[nb]) <= finished]
                while ready:  # a chapter kept as it was may let others start at once
                    notebook = ready.pop(0)
                    record = self._unchanged(notebook)
                    if record is not None:
                        waiting.remove(notebook)
                        self.records[notebook.stem] = record
                        finished.add(notebook)
                        print(f"  = {notebook.stem} : inchangé, repris du dernier livre", file=sys.stderr)
                        ready = [nb for nb in waiting if set(self.upstream[nb]) <= finished and nb not in running]
                    elif len(running) < self.jobs:
                        waiting.remove(notebook)
                        running.add(notebook)
                        print(f"  ▶ {notebook.stem} : exécution…", file=sys.stderr, flush=True)
                        done_before[notebook] = set(finished)
                        self._start(notebook, done)
                if not running:
                    continue  # every chapter left was kept as it was
                notebook, error, seconds = done.get()
                running.discard(notebook)
                earlier = self.every[:self.every.index(notebook)]
                reads = chapters.Reads.from_log(self.reads / f"{notebook.stem}.txt", self.root)
                missed = chapters.read_results(reads.results, earlier) - done_before[notebook]
                if missed:  # it read results of a chapter not done yet: again, once that one is
                    self.upstream[notebook] = sorted(set(self.upstream[notebook]) | missed, key=self.every.index)
                    waiting.append(notebook)
                    print(f"  ↻ {notebook.stem} : lit aussi les résultats de "
                          f"{', '.join(sorted(chapters.number(nb) for nb in missed))}, réexécuté après eux",
                          file=sys.stderr)
                    continue
                if isinstance(error, RunError):
                    error.notebook = notebook
                if error is not None:
                    raise error
                self._finish(notebook, seconds, reads)
                finished.add(notebook)
                print(f"  ✓ {notebook.stem} : exécuté en {_seconds(seconds)}", file=sys.stderr, flush=True)
        except BaseException:
            stop_kernels()  # the chapters still running end with their kernels
            for thread in [t for t in threading.enumerate() if t.name in {nb.stem for nb in running}]:
                thread.join(timeout=60)
            raise


def run(params_path: str | Path, root: Path | None = None, output: Path | None = None,
        only: list[str] | None = None, pdf: bool = False, everything: bool = False,
        jobs: int | None = None) -> Path:
    """Execute the notebooks and build the book for one run; return its index.html.

    A chapter whose inputs did not change since the last good book of this run is taken
    from it as it was executed (`chapters`); `everything` executes every chapter again.
    `only` names chapters to execute again in any case (for instance `["05"]`); it needs a
    complete last good book. Up to `jobs` chapters run at once (default: the processors
    this process may use). `pdf` also prints the restitution (the synthesis chapter) to
    `_build/<run>/pdf/synthese-<run>.pdf`, and the guide's kit to
    `_build/<run>/pdf/kit-conduire-le-diagnostic.pdf`.
    """
    root = (root or project_root()).resolve()
    params_path = Path(params_path)
    run_params = parameters.load(params_path, root)
    run_name = params_path.stem
    output = (output or root / "_build").resolve() / run_name
    jobs = jobs or max(1, len(os.sched_getaffinity(0)))
    with edition_lock(output):
        return _build(params_path, run_params, root, output, only, pdf, everything, jobs)


def _inputs_key(fingerprints: chapters.Fingerprints) -> str:
    """The fingerprint of what `check_inputs` reads: the section `donnees` of the parameters (the
    only one `verification.check_inputs` reads), every file it names, the package."""
    named = {key: fingerprints.named_files(key) for key in sorted(fingerprints.values["donnees"])}
    return chapters.digest([fingerprints.context, fingerprints.values["donnees"], named])


def _build(params_path: Path, run_params: parameters.Parametres, root: Path, output: Path,
           only: list[str] | None, pdf: bool, everything: bool, jobs: int) -> Path:
    """The run itself, under the edition's lock."""
    run_name = output.name
    try:  # the chapters are given the parameters file by its path in the project, wherever the project is
        shown = str(params_path.resolve().relative_to(root))
    except ValueError:
        shown = str(params_path.resolve())
    values = {"fichier_parametres": shown}
    every = notebooks(root)
    forced = every if everything else select(every, only) if only else []
    if only and not all((output / nb).is_file() for nb in every):
        raise RunError(f"--only demande un livre complet déjà construit pour ce run ({output}) : "
                       f"lancez d'abord « diagnostic run --params {params_path} » sans --only.")
    manifest = chapters.read_manifest(output / "notebooks")
    fingerprints = chapters.Fingerprints(root, shown, run_params.model_dump(mode="json"))
    inputs_key = _inputs_key(fingerprints)
    if manifest.get("verification") == inputs_key:
        print("Fichiers d'entrée inchangés depuis le dernier livre réussi : déjà vérifiés.", file=sys.stderr)
    else:
        check_inputs(run_params, root)
    edition = version(root)

    print(f"Livre « {run_params.book_title} » ({run_name}) : {len(every)} chapitres, "
          f"{jobs} à la fois au plus.", file=sys.stderr)
    # Always the same folder (the edition's lock keeps it to one run): Sphinx keeps its environment only
    # for the same source folder (`build_book`).
    staging = output.parent / f".{run_name}-en-cours-livre"
    staging.mkdir()
    try:
        source = staging / "source"
        source.mkdir()
        for folder in BOOK_SOURCES:
            shutil.copytree(root / folder, source / folder)
        shutil.copy2(root / "_toc.yml", source / "_toc.yml")
        (source / "_config.yml").write_text(
            yaml.safe_dump(_book_config(root, run_params, edition), allow_unicode=True, sort_keys=False),
            encoding="utf-8")
        (source / "book" / "edition.md").write_text(edition_page(params_path, run_params, root, edition),
                                                    encoding="utf-8")
        static_key = chapters.digest(fingerprints.context["environnement"])
        write_offline_assets(source / "book" / "_static",
                             output / "html" / "_static" if manifest.get("statique") == static_key else None)
        if (output / "notebooks").is_dir():  # the last good book's chapters, kept when their inputs did not change
            shutil.copytree(output / "notebooks", source / "notebooks")
            for gone in set((source / "notebooks").glob("*.ipynb")) - {source / nb for nb in every}:
                gone.unlink()  # a chapter no longer in the book

        durations = output / ".durees.json"  # only to start the longest chapters first
        known = json.loads(durations.read_text(encoding="utf-8")) if durations.is_file() else {}
        steps = Chapters(every, forced, root, source, staging, values, fingerprints,
                         manifest.get("chapitres", {}), jobs, known)
        try:
            steps.run()
        except RunError as exc:
            kept = keep_failed(source / exc.notebook, output / "echec")
            raise RunError(f"{exc}\nLe notebook exécuté, avec l'erreur, est ici : {kept}\n"
                           f"Le dernier livre réussi de ce run est conservé.") from None
        print(f"Chapitres exécutés : {len(steps.executed)} sur {len(every)}.", file=sys.stderr)
        from . import publication

        sources = fingerprints.folder(source, leaving=(chapters.MANIFEST, publication.CACHE))
        book_key = chapters.digest([fingerprints.context, fingerprints.file(params_path), sources])
        # The last good book's Sphinx environment serves when the book has the same files (a page
        # added or removed: a fresh build, that leaves no page of the old one).
        sphinx_key = chapters.digest([fingerprints.context, sorted(sources)])
        chapters.write_manifest(source / "notebooks", {"chapitres": steps.records, "verification": inputs_key,
                                                       "statique": static_key, "livre": book_key,
                                                       "sphinx": sphinx_key, "sources": sources})
        durations.write_text(json.dumps(known | steps.executed, sort_keys=True), encoding="utf-8")
        if manifest.get("livre") == book_key and (output / "html").is_dir() and (not pdf or (output / "pdf").is_dir()):
            # The same sources as the last good book's: the same pages, already built and checked.
            print("Sources du livre inchangées : le dernier livre réussi est à jour.", file=sys.stderr)
            _publish(source, staging, output, None, pdf=pdf)
            return output / "html" / "index.html"

        print("Construction du livre (Jupyter Book)…", file=sys.stderr)
        began = time.monotonic()
        if manifest.get("sphinx") == sphinx_key and (output / SPHINX_STATE).is_dir() and (output / "html").is_dir():
            reuse_sphinx_state(source, staging, output, manifest.get("sources", {}), sources)
        html_folder = build_book(source, staging)
        print(f"  livre construit en {_seconds(time.monotonic() - began)}", file=sys.stderr)
        pdfs = ()
        if pdf:
            print("Impression du PDF de la restitution…", file=sys.stderr)
            pdfs = (print_pdf(html_folder / SYNTHESIS_PAGE, staging / "pdf" / f"synthese-{run_name}.pdf"),
                    print_pdf(html_folder / KIT_PAGE, staging / "pdf" / "kit-conduire-le-diagnostic.pdf"))
        print("Contrôle de confidentialité (coordonnées, petits effectifs)…", file=sys.stderr)
        began = time.monotonic()
        # The findings of the last good book's check, file by file: a file with the same bytes, checked by
        # the same rules, is not read again. The new findings go with this book's notebooks.
        findings = publication.check_book(source / "notebooks", html_folder, run_params, root, pdfs,
                                          cache=source / "notebooks" / publication.CACHE)
        print(f"  contrôlé en {_seconds(time.monotonic() - began)}", file=sys.stderr)
        if findings:
            listed = "\n".join(f"  - {finding}" for finding in findings[:30])
            more = f"\n  … et {len(findings) - 30} autre(s)." if len(findings) > 30 else ""
            raise RunError(f"Le contrôle de confidentialité a trouvé {len(findings)} problème(s) ; le livre n'est "
                           f"pas publié, le dernier livre réussi est conservé :\n{listed}{more}")
        _publish(source, staging, output, html_folder, pdf=pdf)
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    return output / "html" / "index.html"


def _publish(source: Path, staging: Path, output: Path, html_folder: Path | None, pdf: bool) -> None:
    """A good book in place: its executed notebooks, its pages (`html_folder`, None when the
    last good book's are the same), Sphinx's environment that built them, and its PDFs."""
    replace_folder(source / "notebooks", output / "notebooks")
    if html_folder is not None:
        # Sphinx's environment goes first, and comes back after the pages: a run stopped in between
        # leaves none, never one that does not match the pages (the next build is then a fresh one).
        shutil.rmtree(output / SPHINX_STATE, ignore_errors=True)
        replace_folder(html_folder, output / "html")
        replace_folder(html_folder.parent, output / SPHINX_STATE)
        if pdf:
            replace_folder(staging / "pdf", output / "pdf")
    if not pdf:
        shutil.rmtree(output / "pdf", ignore_errors=True)  # a PDF of an older book would mislead
    shutil.rmtree(output / "echec", ignore_errors=True)  # the failure of an older run, now repaired
    print(f"Livre prêt : {output / 'html' / 'index.html'}", file=sys.stderr)
