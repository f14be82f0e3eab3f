"""Showing results in the book: French number formats, tables, notices about the data."""

from __future__ import annotations

import html
import re
from typing import TYPE_CHECKING

import pandas as pd

if TYPE_CHECKING:
    from IPython.display import HTML

NATURE_NOTICES = {
    "synthetiques": ("Données synthétiques", "Les données de ce chapitre sont **synthétiques** : "
                     "fictives, produites pour apprendre la méthode. Elles ne décrivent aucune "
                     "personne ni aucun site réels."),
    "publiees": ("Chiffres publiés", "Ce chapitre part des **chiffres publiés** par le diagnostic "
                 "du Pas-de-Calais (rapport de 2020, relevé Internet de septembre à décembre "
                 "2018). Ce qui n'est pas publié (quelles annonces précises ont été tirées, par "
                 "exemple) est recalculé ici et peut différer de ce que l'équipe a fait."),
    "reelles": ("Données du département", "Ce chapitre porte sur les **données réelles** du "
                "diagnostic départemental. Relisez-le avant toute diffusion."),
}


MISSING = "—"


def number(value: float | None, decimals: int = 0) -> str:
    """A number written the French way: 7 393 ; 0,61 ; 248,14 (narrow no-break spaces);
    "—" for a value not computed."""
    if value is None or value != value:  # None or NaN
        return MISSING
    text = f"{value:,.{decimals}f}"
    return text.replace(",", "\u202f").replace(".", ",")


def percent(share: float | None, decimals: int = 0) -> str:
    """A share as a French percentage: 0.05 → "5 %" ("—" when not computed)."""
    if share is None or share != share:
        return MISSING
    return number(100 * share, decimals) + "\u00a0%"


def figure(value: float | None) -> str:
    """A published or computed figure with the decimals it needs: 249 → "249", 268.8 → "268,8"."""
    if value is None or value != value:
        return MISSING
    return number(value, 0 if float(value).is_integer() else 1)


def signed_percent(share: float | None, decimals: int = 1) -> str:
    """A relative gap with its sign: 0.031 → "+3,1 %", −0.02 → "-2,0 %"."""
    text = percent(share, decimals)
    return "+" + text if share is not None and share == share and share > 0 else text


def data_notice(nature: str) -> "HTML":
    """An admonition (the theme's own style) saying where the chapter's data come from."""
    from IPython.display import HTML  # the book's environment only: the commands work without Jupyter

    title, text = NATURE_NOTICES[nature]
    text = re.sub(r"\*\*(.+?)\*\*", r"<strong>\1</strong>", html.escape(text, quote=False))
    return HTML(f'<div class="admonition important"><p class="admonition-title">{title}</p>'
                f"<p>{text}</p></div>")


PERSONS_CLASS = "effectifs-personnes"          # read by `publication.small_counts_in_tables`
PERSONS_MARK = "effectifs-personnes:"  # on maps counting persons (`geo.choropleth`), read by `publication`
PERSONS_ATTRIBUTE = "data-colonnes-personnes"


def table(frame: pd.DataFrame, decimals: dict[str, int] | None = None,
          labels: dict[str, str] | None = None, persons: list[str] | None = None) -> "HTML":
    """An HTML table without the index, numbers in French format, columns renamed.

    `persons` names the columns that count persons: the table is marked so that the
    publication check verifies that no count under the threshold is shown.
    """
    from IPython.display import HTML

    decimals = decimals or {}
    labels = labels or {}
    shown = frame.copy()
    for column in shown.columns:
        if pd.api.types.is_numeric_dtype(shown[column]) and not pd.api.types.is_bool_dtype(shown[column]):
            places = decimals.get(column, 0)
            shown[column] = [number(v, places) for v in shown[column]]
    shown = shown.rename(columns=labels)
    classes = "table tableau-diagnostic" + (f" {PERSONS_CLASS}" if persons else "")
    markup = shown.to_html(index=False, border=0, classes=classes, justify="left", escape=True)
    if persons:
        marked = "|".join(html.escape(labels.get(c, c)) for c in persons)
        markup = markup.replace("<table ", f'<table {PERSONS_ATTRIBUTE}="{marked}" ', 1)
    return HTML(markup)


def glue_all(values: dict[str, str]) -> None:
    """Glue each formatted figure under its key, for the chapter's prose ({glue:text}`clé`)."""
    from myst_nb import glue

    for key, value in values.items():
        glue(key, value, display=False)
