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

import numpy as np
import pandas as pd
from pydantic import BaseModel, ConfigDict, Field
from scipy.stats import t

from .tables import Date, read_rows

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
    # The site description grid of annex 5 (part 1-b).
    options_payantes: Literal["oui", "non"] | None = None
    abonnement: Literal["oui", "non"] | None = None
    inscription_payante: Literal["oui", "non"] | None = None
    avertissement_cgu: Literal["oui", "non"] | None = None
    date_collecte: Date | None = None  # the day the ads were counted


def read(path: str | Path) -> pd.DataFrame:
    """Read and check a site inventory; raise InputError listing every problem found."""
    return read_rows(path, Site, aliases=_COLUMN_ALIASES, required=REQUIRED_COLUMNS, unique="site",
                     empty_allowed=False)


def counts_by_category(inventory: pd.DataFrame) -> pd.DataFrame:
    """Sites and ads per category, in the report's order (section II-B: 405 / 107 / 0 / 187)."""
    grouped = inventory.groupby("categorie").agg(sites=("site", "size"), annonces=("annonces", "sum"))
    grouped = grouped.reindex(CATEGORIES, fill_value=0).reset_index()
    return grouped


GRID = {"options_payantes": "Options payantes (mise en avant, « photos réelles »…)",
        "abonnement": "Abonnement payant", "inscription_payante": "Inscription payante",
        "avertissement_cgu": "Conditions d'utilisation qui dégagent le site de toute responsabilité"}


def category_table(inventory: pd.DataFrame, label: str = "Catégorie") -> "HTML":
    """Sites and ads per category (`counts_by_category`), shown with French labels."""
    from .presentation import table

    counts = counts_by_category(inventory)
    return table(counts.assign(categorie=counts["categorie"].map(CATEGORY_LABELS)),
                 labels={"categorie": label, "sites": "Sites", "annonces": "Annonces"})


def grid_tallies(inventory: pd.DataFrame) -> pd.DataFrame:
    """How many sites have each feature of the description grid, on the sites described
    (annex 5: 29 of the 40 Ile-de-France sites had paid options)."""
    rows = []
    for column, label in GRID.items():
        described = inventory[column].dropna() if column in inventory else pd.Series(dtype=str)
        rows.append({"caracteristique": label, "sites": int((described == "oui").sum()), "base": int(len(described))})
    return pd.DataFrame(rows)


def large_site_estimate(pages: int, relevant_per_page: list[int], confidence: float = 0.95) -> dict:
    """Annex 5's rule for a site too large to count: mean relevant ads over the first ten
    pages × number of pages, with an interval from the page-to-page variation (Student t
    on the mean). It is an estimate, not a count."""
    values = np.asarray(relevant_per_page, dtype=float)
    mean = values.mean()
    half = t.ppf(0.5 + confidence / 2, len(values) - 1) * values.std(ddof=1) / np.sqrt(len(values)) if len(values) > 1 else 0.0
    return {"estimation": float(mean * pages), "borne_basse": float(max(0.0, (mean - half) * pages)),
            "borne_haute": float((mean + half) * pages), "moyenne_par_page": float(mean), "pages": pages}


def estimated_sites(inventory: pd.DataFrame, confidence: float = 0.95) -> pd.DataFrame:
    """The large-site rule applied to every site counted "estime" in the inventory."""
    rows = []
    for site in inventory[inventory["mode_comptage"] == "estime"].itertuples(index=False):
        values = [int(v) for v in str(site.pertinentes_10_pages).split(";") if v.strip()]
        rows.append({"site": site.site, "annonces": site.annonces,
                     **large_site_estimate(int(site.pages), values, confidence)})
    return pd.DataFrame(rows)


def estimated_table(inventory: pd.DataFrame) -> "HTML | None":
    """The sites estimated by the large-site rule (`estimated_sites`) with their 95 % interval;
    None when every site was counted."""
    from .presentation import number, table

    estimated = estimated_sites(inventory)
    if not len(estimated):
        return None
    estimated["intervalle"] = [f"{number(b)} – {number(h)}"
                               for b, h in zip(estimated["borne_basse"], estimated["borne_haute"])]
    return table(estimated[["site", "pages", "moyenne_par_page", "estimation", "intervalle"]],
                 decimals={"moyenne_par_page": 2},
                 labels={"site": "Site", "pages": "Pages", "moyenne_par_page": "Annonces pertinentes par page (10 premières)",
                         "estimation": "Estimation", "intervalle": "Intervalle à 95 %"})


def grid_table(inventory: pd.DataFrame) -> "HTML":
    """The description grid (`grid_tallies`) with each share on the sites described."""
    from .presentation import percent, table

    grid = grid_tallies(inventory)
    grid["Part"] = [percent(s / b) if b else "" for s, b in zip(grid["sites"], grid["base"])]
    return table(grid, labels={"caracteristique": "Caractéristique", "sites": "Sites", "base": "Sites décrits"})
