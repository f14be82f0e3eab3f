"""Where the project's files are, whether code runs from the runner or by hand in Jupyter."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

ROOT_VARIABLE = "DIAGNOSTIC_RACINE"


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
    raise FileNotFoundError(
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
