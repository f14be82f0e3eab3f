"""Where the project's files are, whether code runs from the runner or by hand in Jupyter."""

from __future__ import annotations

import errno
import os
import shutil
import tempfile
from pathlib import Path

ROOT_VARIABLE = "DIAGNOSTIC_RACINE"
SHOWN_FILES = 5
# Why the system refused to read or write, in French (its own `strerror` is in English).
OS_REASONS = {
    errno.ENOSPC: "le disque est plein",
    errno.EDQUOT: "le quota de disque est atteint",
    errno.EACCES: "permission refusée",
    errno.EPERM: "opération non permise",
    errno.EROFS: "le disque est en lecture seule",
    errno.ENOENT: "fichier ou dossier introuvable",
    errno.EISDIR: "un dossier a été donné là où un fichier est attendu",
    errno.ENOTDIR: "un fichier a été donné là où un dossier est attendu",
}


class FolderError(RuntimeError):
    """A folder a command would write into cannot be used; the message, in French, says why.

    Nothing has been written or removed when it is raised."""


class ProjectNotFound(FolderError, FileNotFoundError):
    """The command runs outside the project folder (no `_toc.yml` and `params/` above it)."""


def project_root(start: Path | None = None) -> Path:
    """The folder holding `_toc.yml` and `params/`.

    The runner sets DIAGNOSTIC_RACINE for the notebooks it executes; otherwise the
    folders above `start` (default: the current folder) are searched, so that a
    notebook opened by hand in `notebooks/` finds its data too.
    """
    if os.environ.get(ROOT_VARIABLE):
        return Path(os.environ[ROOT_VARIABLE]).resolve()
    here = (start or Path.cwd()).resolve()
    for folder in (here, *here.parents):
        if (folder / "_toc.yml").is_file() and (folder / "params").is_dir():
            return folder
    raise ProjectNotFound(
        f"Dossier du projet introuvable au-dessus de {here} (il contient _toc.yml et params/). "
        f"Lancez la commande depuis le dossier du projet ou définissez {ROOT_VARIABLE}.")


def resolve(path: str | Path, root: Path | None = None) -> Path:
    """A path from a parameters file: absolute as given, or relative to the project root."""
    path = Path(path)
    return path if path.is_absolute() else (root or project_root()) / path


def replace_folder(new: Path, final: Path) -> None:
    """Put the folder `new` in place of `final`, keeping the old one until the new one is there."""
    old = final.with_name(f".{final.name}-ancien")
    if old.exists():
        shutil.rmtree(old)
    if final.exists():
        final.rename(old)
    new.rename(final)
    if old.exists():
        shutil.rmtree(old)


def output_folder(path: Path) -> Path:
    """`path`, checked as a folder a command may write into; nothing is created or changed.

    Raise FolderError when `path` is an existing file, when a folder above it is a file,
    or when the folder (or the nearest one above it that exists) cannot be written into.
    """
    path = Path(path)
    _not_a_file(path)
    existing = next(folder for folder in (path, *path.absolute().parents) if folder.exists())
    if not existing.is_dir():
        raise FolderError(f"« {path} » ne peut pas être créé : « {existing} » est un fichier, pas un dossier.")
    try:
        tempfile.TemporaryFile(dir=existing).close()
    except OSError as exc:
        raise FolderError(f"Le dossier « {existing} » n'est pas accessible en écriture "
                          f"({OS_REASONS.get(exc.errno, exc.strerror)}) : choisissez un autre dossier.") from None
    return path


def _not_a_file(path: Path) -> None:
    if path.exists() and not path.is_dir():
        raise FolderError(f"« {path} » est un fichier, pas un dossier : indiquez un dossier "
                          f"(le fichier n'a pas été modifié).")


def written_files(folder: Path) -> list[str]:
    """Every file under `folder`, as paths relative to it, sorted."""
    return sorted(str(p.relative_to(folder)) for p in folder.rglob("*") if not p.is_dir())


def check_replaceable(folder: Path, marker: str, command: str, replace: bool = False) -> None:
    """Refuse to replace `folder` unless it holds only what `command` itself wrote.

    `command` writes `marker` in each folder it writes, listing the files it wrote; a
    folder without it, or holding any other file (a user's notes, real data put there),
    is replaced only when `replace` is true (`--remplacer`). An existing file is never
    replaced. Raise FolderError, before anything is removed.
    """
    folder = Path(folder)
    _not_a_file(folder)
    if not folder.exists():
        return
    present = written_files(folder)
    if not present or replace:
        return
    listed = folder / marker
    ours = set(listed.read_text(encoding="utf-8").splitlines()[1:]) | {marker} if listed.is_file() else set()
    foreign = [name for name in present if name not in ours]
    if foreign:
        shown = ", ".join(f"« {name} »" for name in foreign[:SHOWN_FILES])
        more = f" et {len(foreign) - SHOWN_FILES} autre(s)" if len(foreign) > SHOWN_FILES else ""
        why = ("il contient des fichiers que « diagnostic " + command + " » n'a pas écrits : " + shown + more
               if listed.is_file() else
               "il n'a pas été écrit par « diagnostic " + command + " » et contient " + shown + more)
        raise FolderError(f"Le dossier « {folder} » n'est pas remplacé : {why}. Rien n'a été modifié. "
                          f"Choisissez un dossier vide ou nouveau, ou ajoutez --remplacer pour effacer "
                          f"son contenu.")


def write_marker(folder: Path, marker: str, command: str) -> None:
    """Sign `folder` as written by `command`: the marker lists the files it holds."""
    files = written_files(folder)
    (folder / marker).write_text(f"Dossier écrit par « diagnostic {command} » ; fichiers écrits :\n"
                                 + "".join(f"{name}\n" for name in files), encoding="utf-8")
