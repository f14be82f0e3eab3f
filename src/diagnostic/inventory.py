"""The site inventory of the Internet diagnostic (section I-B-1 and annex 5, part 1).

One row per site studied: its name, its category (escorting, petites annonces,
massages, rencontres), the number of ads it showed for the département, and the
mirror group of sites that show the same ads (the eleven dating sites of
Pas-de-Calais that all carry the same 17 ads). Read from CSV or Excel, checked row by
row with messages that name the file, the row and the column.
"""

from __future__ import annotations

from pathlib import Path
from typing import Literal

import pandas as pd
from pydantic import BaseModel, ConfigDict, Field, ValidationError

from .errors import InputError, Problem, problems_from_pydantic

CATEGORIES = ("escorting", "petites_annonces", "massages", "rencontres")
CATEGORY_LABELS = {
    "escorting": "Escorting",
    "petites_annonces": "Petites annonces",
    "massages": "Massages",
    "rencontres": "Rencontres",
}

# The published reference table keeps its English headers; the project's own files use French.
_COLUMN_ALIASES = {"category": "categorie", "ads": "annonces", "mirror_group": "groupe_miroir"}
REQUIRED_COLUMNS = ("site", "categorie", "annonces")


class Site(BaseModel):
    """One row of the inventory."""

    model_config = ConfigDict(extra="ignore")

    site: str = Field(min_length=1)
    categorie: Literal[CATEGORIES]  # type: ignore[valid-type]
    annonces: int = Field(ge=0)
    groupe_miroir: str | None = None


def _read_table(path: Path) -> pd.DataFrame:
    if path.suffix.lower() in (".xlsx", ".xlsm"):
        return pd.read_excel(path, dtype=str).fillna("")
    return pd.read_csv(path, dtype=str, keep_default_na=False, sep=None, engine="python",
                       encoding="utf-8-sig")


def read(path: str | Path) -> pd.DataFrame:
    """Read and check a site inventory; raise InputError listing every problem found."""
    path = Path(path)
    table = _read_table(path).rename(columns=lambda c: _COLUMN_ALIASES.get(c.strip(), c.strip()))
    missing = [c for c in REQUIRED_COLUMNS if c not in table.columns]
    if missing:
        raise InputError(path, [Problem(f"colonne « {c} »", None, "une colonne de ce nom dans "
                                        "la première ligne") for c in missing])
    problems, rows, first_line = [], [], {}
    for index, record in enumerate(table.to_dict("records")):
        record = {k: (v.strip() if isinstance(v, str) else v) for k, v in record.items()}
        record["groupe_miroir"] = record.get("groupe_miroir") or None
        line = index + 2  # the header is line 1 in a spreadsheet or a text editor
        try:
            rows.append(Site.model_validate(record).model_dump())
        except ValidationError as exc:
            problems += problems_from_pydantic(
                exc, lambda loc, line=line: f"ligne {line}, colonne « {loc[0]} »")
            continue
        site = rows[-1]["site"]
        if site in first_line:
            problems.append(Problem(f"ligne {line}, colonne « site »", site,
                                    f"un site qui n'apparaît qu'une fois (déjà ligne {first_line[site]})"))
        first_line.setdefault(site, line)
    if problems:
        raise InputError(path, problems)
    return pd.DataFrame(rows, columns=list(Site.model_fields))


def counts_by_category(inventory: pd.DataFrame) -> pd.DataFrame:
    """Sites and ads per category, in the report's order (section II-B: 405 / 107 / 0 / 187)."""
    grouped = inventory.groupby("categorie").agg(sites=("site", "size"), annonces=("annonces", "sum"))
    grouped = grouped.reindex(CATEGORIES, fill_value=0).reset_index()
    return grouped
