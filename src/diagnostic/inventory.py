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
from pydantic import BaseModel, ConfigDict, Field

from .tables import read_rows

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
    mode_comptage: Literal["exact", "estime"] = "exact"
    pages: int | None = Field(default=None, ge=0)
    pertinentes_10_pages: str | None = None  # relevant ads on each of the first ten pages, "3;1;0;…"


def read(path: str | Path) -> pd.DataFrame:
    """Read and check a site inventory; raise InputError listing every problem found."""
    return read_rows(path, Site, aliases=_COLUMN_ALIASES, required=REQUIRED_COLUMNS, unique="site")


def counts_by_category(inventory: pd.DataFrame) -> pd.DataFrame:
    """Sites and ads per category, in the report's order (section II-B: 405 / 107 / 0 / 187)."""
    grouped = inventory.groupby("categorie").agg(sites=("site", "size"), annonces=("annonces", "sum"))
    grouped = grouped.reindex(CATEGORIES, fill_value=0).reset_index()
    return grouped
