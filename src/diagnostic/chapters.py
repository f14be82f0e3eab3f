"""Which chapters a build executes again: their dependencies, their inputs, their fingerprints.

A chapter (one notebook of `_toc.yml`) is executed again only when one of its inputs
changed since the last good book of the edition. Its inputs, hashed together into its
fingerprint (`key`):
- the notebook file;
- the package `diagnostic` (every file of it), the Python version and the installed
  distributions (their names and versions), and the parameters file's path in the project;
- the sections of the parameters file the chapter read, by their values: changing
  `echantillonnage.marge_erreur` executes again the chapters that read `echantillonnage`,
  not the others;
- the files it opened for reading (data, reference figures, boundaries, the secret key),
  by their content, and the files named by the `donnees` keys it read (even those read by
  compiled code, which Python does not see open);
- the results (`resultats/NN*`) of the chapters it reads (`results.load("NN")`,
  `results.load_table("NN", …)`, `results.load_all()`: every chapter before it), by their
  content: a chapter executed again whose results did not change leaves the chapters
  after it as they were.

What a chapter read is recorded while it runs (the kernel's `params.load` starts the
recording when the runner asks for it through `DIAGNOSTIC_LECTURES`), and kept with its
fingerprint in the manifest `.chapitres.json` of the executed notebooks: the next build
compares the fingerprint computed from those same reads. A chapter given the same inputs
follows the same path and reads the same things, so this is enough to tell that nothing it
depends on changed.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import sys
import sysconfig
from dataclasses import dataclass
from pathlib import Path

from .paths import ROOT_VARIABLE, resolve

READS_VARIABLE = "DIAGNOSTIC_LECTURES"
RECORDING = bool(os.environ.get(READS_VARIABLE))  # this process is a chapter's kernel run by the runner
MANIFEST = ".chapitres.json"
PACKAGE = Path(__file__).resolve().parent

# --- Inside a chapter's kernel: what it reads --------------------------------------------------

_recorded: set[str] = set()
_WRITE_FLAGS = os.O_WRONLY | os.O_RDWR | os.O_CREAT | os.O_APPEND | os.O_TRUNC


def record(entry: str) -> None:
    """Note one read of the running chapter (a parameters section, a file), once."""
    log = os.environ.get(READS_VARIABLE)
    if RECORDING and log and entry not in _recorded:
        _recorded.add(entry)
        with open(log, "a", encoding="utf-8") as handle:
            handle.write(entry + "\n")


def _ignored_prefixes() -> tuple[str, ...]:
    """Where reads are not inputs of a chapter: Python and its packages (the environment's
    fingerprint covers them), the package `diagnostic` (hashed whole), the build folder the
    chapter runs in, and the system's own files."""
    places = {sys.prefix, sys.base_prefix, sys.exec_prefix, str(PACKAGE),
              str(Path(os.environ[READS_VARIABLE]).parent.parent),
              "/proc", "/sys", "/dev", "/etc", "/usr", "/lib", str(Path.home() / ".cache")}
    places |= {path for path in sysconfig.get_paths().values()}
    return tuple(sorted(os.path.realpath(place) + os.sep for place in places))


def _on_open(event: str, args: tuple) -> None:
    if event != "open":
        return
    path, mode, flags = args
    if isinstance(path, int) or (mode and any(c in mode for c in "wax+")) or (flags and flags & _WRITE_FLAGS):
        return
    full = os.path.realpath(os.fsdecode(path))
    if not full.startswith(_IGNORED) and os.path.isfile(full):
        record("fichier:" + (full[len(_ROOT):] if full.startswith(_ROOT) else full))


_IGNORED: tuple[str, ...] = ()
_ROOT = ""


def start_recording() -> None:
    """Record, from now on, the files this process opens for reading (once per process): those
    of the project by their path in it, so that a copy of the project keeps its chapters."""
    global _IGNORED, _ROOT
    if RECORDING and not _IGNORED:
        _IGNORED = _ignored_prefixes()
        _ROOT = os.path.realpath(os.environ[ROOT_VARIABLE]) + os.sep
        sys.addaudithook(_on_open)


# --- In the runner: dependencies and fingerprints --------------------------------------------

_READS = re.compile(r"""results\.load(?:_table)?\(\s*["'](\d\d)["']""")
_READS_ALL = re.compile(r"results\.load_all\(")


def number(notebook: Path) -> str:
    """A chapter's number, the start of its notebook's name ("05" for 05_echantillonnage)."""
    return notebook.stem[:2]


def read_results(names: list[str], earlier: list[Path]) -> set[Path]:
    """The chapters among `earlier` whose results a chapter read (`Reads.results`)."""
    return {chapter for chapter in earlier if "*" in names or number(chapter) in names}


_STEP_CALL = re.compile(r"\b(\w+)\.compute\(")


def dependencies(notebook: Path, earlier: list[Path]) -> list[Path]:
    """The chapters among `earlier` whose results `notebook` reads in its own code cells, or
    in the module of the step it computes (`deduplication.compute(run)` reads the results of
    steps 5 and 6): known before a first build, so that a chapter never starts before them
    (what it really read is recorded too: see `Reads.results`)."""
    cells = json.loads(notebook.read_text(encoding="utf-8"))["cells"]
    code = "\n".join("".join(cell["source"]) for cell in cells if cell["cell_type"] == "code")
    package = Path(__file__).parent
    code += "".join((package / f"{step}.py").read_text(encoding="utf-8")
                    for step in sorted(set(_STEP_CALL.findall(code))) if (package / f"{step}.py").is_file())
    if _READS_ALL.search(code):
        return list(earlier)
    named = set(_READS.findall(code))
    return [chapter for chapter in earlier if number(chapter) in named]


def _environment() -> dict:
    """Python and the installed distributions (their `*.dist-info` folders name the versions)."""
    found = set()
    for folder in {sysconfig.get_paths()["purelib"], sysconfig.get_paths()["platlib"]}:
        if os.path.isdir(folder):
            found |= {name for name in os.listdir(folder) if name.endswith(".dist-info")}
    return {"python": sys.version, "distributions": sorted(found)}


@dataclass
class Reads:
    """What a chapter read in its last execution."""

    sections: list[str]  # top-level sections of the parameters
    donnees: list[str]  # keys of the section `donnees` (the files they name are inputs)
    files: list[str]  # files opened for reading: in the project by their path in it
    results: list[str] = ()  # chapters whose results it read ("*": all those before it)

    @classmethod
    def from_log(cls, log: Path, root: Path) -> Reads:
        entries = log.read_text(encoding="utf-8").splitlines() if log.is_file() else []
        kinds = {kind: sorted({e.split(":", 1)[1] for e in entries if e.startswith(kind + ":")})
                 for kind in ("section", "donnees", "fichier", "resultat")}
        files = [name for name in kinds["fichier"] if resolve(name, root).is_file()]  # not the temporary files it removed
        return cls(kinds["section"], kinds["donnees"], files, kinds["resultat"])


class Fingerprints:
    """Fingerprints of the chapters of one build (each file hashed once per build)."""

    def __init__(self, root: Path, params_shown: str, values: dict):
        """`params_shown`: the parameters file as the chapters are given it; `values`: its content."""
        self.root, self.values = root, values
        self._hashes: dict[Path, str] = {}
        self.context = {**code_fingerprint(self.file), "parametres": params_shown}

    def file(self, path: Path) -> str:
        path = Path(path)
        if path not in self._hashes:
            try:
                self._hashes[path] = hashlib.sha256(path.read_bytes()).hexdigest()
            except OSError:
                self._hashes[path] = "absent"
        return self._hashes[path]

    def folder(self, folder: Path, leaving: tuple[str, ...] = ()) -> dict:
        """Every file of `folder` (but those named `leaving`) by its content."""
        return folder_hashes(folder, leaving, self.file)

    def results(self, notebooks: Path, chapter: str) -> dict:
        """The content of a chapter's saved results, read fresh (they change during a build)."""
        folder = notebooks / "resultats"
        return {p.name: hashlib.sha256(p.read_bytes()).hexdigest()
                for p in sorted([*folder.glob(f"{chapter}.json"), *folder.glob(f"{chapter}-*")])}

    def named_files(self, key: str) -> list[str]:
        named = self.values["donnees"].get(key)
        paths = named if isinstance(named, list) else [named] if named else []
        return [self.file(resolve(path, self.root)) for path in paths]

    def key(self, notebook: Path, reads: Reads, notebooks: Path, upstream: list[Path]) -> str:
        """The fingerprint of a chapter: its notebook `notebook` (source), what it read, and the
        results of the chapters `upstream` as they now are in the build's `notebooks` folder."""
        parts = {"notebook": self.file(notebook), "contexte": self.context,
                 "sections": {name: self.values.get(name) for name in reads.sections},
                 "donnees": {name: self.named_files(name) for name in reads.donnees},
                 "fichiers": {name: self.file(resolve(name, self.root)) for name in reads.files},
                 "resultats": {number(chapter): self.results(notebooks, number(chapter)) for chapter in upstream}}
        return digest(parts)


def code_fingerprint(hash_file=None) -> dict:
    """What every step depends on besides its inputs: the package `diagnostic` (every file of
    it, hashed by `hash_file`), the Python version and the installed distributions."""
    return {"paquet": folder_hashes(PACKAGE, hash_file=hash_file), "environnement": _environment()}


def folder_hashes(folder: Path, leaving: tuple[str, ...] = (), hash_file=None) -> dict:
    """Every file of `folder` (but those named `leaving`, and `__pycache__`) by its content."""
    hash_file = hash_file or (lambda path: hashlib.sha256(path.read_bytes()).hexdigest())
    return {str(p.relative_to(folder)): hash_file(p) for p in sorted(folder.rglob("*"))
            if p.is_file() and "__pycache__" not in p.parts and p.name not in leaving}


def digest(value) -> str:
    """The SHA-256 of a JSON value."""
    return hashlib.sha256(json.dumps(value, sort_keys=True, default=str).encode()).hexdigest()


def read_manifest(notebooks: Path) -> dict:
    """The manifest of a build's executed notebooks (empty when there is none)."""
    path = notebooks / MANIFEST
    return json.loads(path.read_text(encoding="utf-8")) if path.is_file() else {}


def write_manifest(notebooks: Path, manifest: dict) -> None:
    (notebooks / MANIFEST).write_text(json.dumps(manifest, ensure_ascii=False, indent=1, sort_keys=True) + "\n",
                                      encoding="utf-8")
