"""Step results saved with the build, so that later chapters read data, never French text.

Each step module computes, from the validated parameters, everything its chapter shows
(for instance `situations.compute`). The chapter saves the result's numbers and tables in
the run's folder, beside the executed notebooks: `resultats/NN.json` for the numbers
(chapter number NN) and `resultats/NN-<table>.parquet` for the tables (types kept: an ad
identifier "0012" stays text). Later chapters (the
map of chapter 4, the synthesis, the reproduction) read them with `load` and `load_table`;
with `diagnostic run --only`, the results of the chapters not executed again come from
the last good book, with their notebooks.

These files are working data of the build, not pages of the book: the publication check
applies to what the chapters show, and the chapters show persons' counts only through
`disclosure`.
"""

from __future__ import annotations

import json
import math
from pathlib import Path

import pandas as pd

from . import chapters

FOLDER = "resultats"


class MissingResult(RuntimeError):
    """A chapter needs the result of an earlier chapter that has not run in this build."""


def _plain(value):
    """A value JSON can hold: numpy numbers as Python numbers, NaN as None, tuples as lists."""
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    if hasattr(value, "item"):  # numpy scalar
        value = value.item()
    if isinstance(value, float) and math.isnan(value):
        return None
    return value


def save(chapter: str, numbers: dict, tables: dict[str, pd.DataFrame] | None = None,
         folder: str | Path = ".") -> Path:
    """Write a chapter's numbers (JSON) and tables (parquet) in `folder/resultats/`."""
    target = Path(folder) / FOLDER
    target.mkdir(parents=True, exist_ok=True)
    path = target / f"{chapter}.json"
    path.write_text(json.dumps(_plain(numbers), ensure_ascii=False, indent=1, sort_keys=True) + "\n",
                    encoding="utf-8")
    for name, table in (tables or {}).items():
        table.to_parquet(target / f"{chapter}-{name}.parquet", index=False)
    return path


def load(chapter: str, folder: str | Path = ".") -> dict:
    """The numbers a chapter saved in this build."""
    chapters.record(f"resultat:{chapter}")  # the runner starts this chapter after that one
    path = Path(folder) / FOLDER / f"{chapter}.json"
    if not path.is_file():
        raise MissingResult(f"Les résultats du chapitre {chapter} manquent ({path}) : exécutez d'abord ce "
                            f"chapitre (diagnostic run sans --only, ou --only {chapter}).")
    return json.loads(path.read_text(encoding="utf-8"))


def load_table(chapter: str, name: str, folder: str | Path = ".") -> pd.DataFrame:
    """A table a chapter saved in this build."""
    chapters.record(f"resultat:{chapter}")
    path = Path(folder) / FOLDER / f"{chapter}-{name}.parquet"
    if not path.is_file():
        raise MissingResult(f"La table « {name} » du chapitre {chapter} manque ({path}) : exécutez d'abord "
                            f"ce chapitre.")
    return pd.read_parquet(path)


def load_all(folder: str | Path = ".") -> dict[str, dict]:
    """Every chapter's numbers saved in this build, keyed by chapter number."""
    chapters.record("resultat:*")  # every chapter before this one
    return {path.stem: json.loads(path.read_text(encoding="utf-8"))
            for path in sorted((Path(folder) / FOLDER).glob("[0-9][0-9].json"))}
