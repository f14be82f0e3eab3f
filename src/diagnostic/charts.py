"""Charts that display with no internet access, in the book and in Jupyter.

Altair's default output loads vega, vega-lite and vega-embed from a CDN: offline, the
book would show empty boxes. Here every chart is emitted as HTML holding a static SVG
(drawn by vl-convert, so it shows in Jupyter and in any browser) followed by a script
that, where `vegaEmbed` is available, replaces it with the interactive chart. The charts
drawn by several chapters, or long to write, are built here (steps 6 and 7 below). The book
serves `vegaEmbed` itself from `_static/vega-bundle.js` (see `write_javascript_bundle`).
"""

from __future__ import annotations

import hashlib
import html
import itertools
import json
from pathlib import Path

import altair as alt
import numpy as np
import pandas as pd
import vl_convert as vlc

BUNDLE_NAME = "vega-bundle.js"
VEGA_LITE_VERSION = ".".join(alt.SCHEMA_VERSION.lstrip("v").split(".")[:2])
FORMAT_LOCALE = vlc.get_format_locale("fr-FR")
TIME_FORMAT_LOCALE = vlc.get_time_format_locale("fr-FR")
PALETTE = ["#1f5f8b", "#d9822b", "#5b8c5a", "#8e5ea2", "#c44e52", "#8c8c8c"]

_chart_numbers = itertools.count(1)


def theme() -> alt.theme.ThemeConfig:
    """Sober defaults: readable fonts, a colour-blind-safe palette, no chart border."""
    return {
        "config": {
            "font": "Helvetica, Arial, sans-serif",
            "view": {"stroke": None, "continuousWidth": 560, "continuousHeight": 300},
            "range": {"category": PALETTE},
            "axis": {"labelFontSize": 12, "titleFontSize": 12, "grid": True, "gridOpacity": 0.4},
            "legend": {"labelFontSize": 12, "titleFontSize": 12},
            "title": {"fontSize": 14, "anchor": "start"},
        }
    }


def _rounded(node):
    """Numbers of a chart's data to 6 significant digits: what a reader can use, and no run of
    nine digits or more that would read as a phone number (the labels for screen readers
    show the raw values)."""
    if isinstance(node, float):
        return float(f"{node:.6g}")
    if isinstance(node, dict):
        return {key: _rounded(value) for key, value in node.items()}
    if isinstance(node, list):
        return [_rounded(value) for value in node]
    return node


def render(spec: dict, **_metadata) -> dict:
    """Altair renderer: static SVG inside a div, upgraded to vega-embed where available."""
    spec = {**spec, "datasets": _rounded(spec["datasets"])} if "datasets" in spec else spec
    text = json.dumps(spec, sort_keys=True, ensure_ascii=False)
    number = next(_chart_numbers)
    # letters only: a run of digits in an identifier would look like a phone number to the publication check
    digest = hashlib.sha1(text.encode()).hexdigest()[:10].translate(str.maketrans("0123456789", "ghijklmnop"))
    ident = f"graphique-{digest}-{number}"
    svg = vlc.vegalite_to_svg(spec, vl_version=VEGA_LITE_VERSION, format_locale=FORMAT_LOCALE,
                              time_format_locale=TIME_FORMAT_LOCALE)
    options = {"renderer": "svg", "actions": False, "formatLocale": FORMAT_LOCALE,
               "timeFormatLocale": TIME_FORMAT_LOCALE}
    script = (f"(function(){{if(!window.vegaEmbed){{return;}}"
              f"var el=document.getElementById({json.dumps(ident)});"
              f"el.innerHTML='';"
              f"window.vegaEmbed(el,{text},{json.dumps(options, ensure_ascii=False)})"
              f".catch(function(e){{console.error(e);}});}})();")
    body = (f'<div id="{ident}" class="graphique-diagnostic">{svg}</div>\n'
            f'<script type="text/javascript">{script}</script>')
    return {"text/html": body, "text/plain": f"<graphique {html.escape(ident)}>"}


def enable() -> None:
    """Use the project's theme and offline renderer for every Altair chart."""
    alt.theme.register("diagnostic", enable=True)(theme)
    alt.renderers.register("diagnostic", render)
    alt.renderers.enable("diagnostic")


def write_javascript_bundle(static_dir: Path) -> Path:
    """Write vega, vega-lite and vega-embed, bundled by vl-convert, into the book's _static.

    The bundle is wrapped in a function scope: unwrapped, its globals clash with the
    theme's scripts and no chart renders.
    """
    static_dir.mkdir(parents=True, exist_ok=True)
    target = static_dir / BUNDLE_NAME
    bundle = vlc.javascript_bundle(vl_version=VEGA_LITE_VERSION)
    target.write_text(f"(function(){{\n{bundle}\n}})();\n", encoding="utf-8")
    return target


def agreement_bars(agreement: pd.DataFrame) -> alt.Chart:
    """Krippendorff's alpha of each coded variable, coloured by its reading, with the
    thresholds 0.667 and 0.8 (step 6). `agreement`: `coding.agreement`, variables labelled."""
    bars = alt.Chart(agreement.dropna(subset=["alpha"])).mark_bar().encode(
        y=alt.Y("variable:N", sort="-x", title=None),
        x=alt.X("alpha:Q", title="Alpha de Krippendorff", scale=alt.Scale(domain=[-0.2, 1])),
        color=alt.Color("lecture_alpha:N", title="Lecture",
                        scale=alt.Scale(domain=["fiable", "conclusions provisoires", "à revoir (consignes, exemples)"],
                                        range=["#3a7d44", "#d9a22b", "#b8432f"])),
        tooltip=[alt.Tooltip("variable:N", title="Variable"), alt.Tooltip("alpha:Q", title="Alpha", format=".2f"),
                 alt.Tooltip("kappa:Q", title="Kappa", format=".2f"),
                 alt.Tooltip("accord_observe:Q", title="Accord observé", format=".0%")])
    thresholds = alt.Chart(pd.DataFrame({"seuil": [0.667, 0.8]})).mark_rule(strokeDash=[4, 3]).encode(x="seuil:Q")
    return (bars + thresholds).properties(width=460, height=alt.Step(16),
                                          title="Accord entre les deux codages, variable par variable")


def shares_with_intervals(points: pd.DataFrame, title: str, axis_title: str,
                          reference: str | None = None) -> alt.LayerChart:
    """The interval-dot chart: each share (point, column `part`) with its interval
    (`bas`–`haut`), labelled by `libelle`; with `reference`, the published value
    (column `publie`) as an orange tick named by it."""
    axis = alt.Y("libelle:N", sort=None, title=None)
    bars = alt.Chart(points).mark_rule(strokeWidth=2).encode(
        y=axis, x=alt.X("bas:Q", title=axis_title, axis=alt.Axis(format="%"), scale=alt.Scale(domain=[0, 1])),
        x2="haut:Q")
    dots = alt.Chart(points).mark_point(filled=True, size=70, color="#1f4e79").encode(
        y=axis, x="part:Q",
        tooltip=[alt.Tooltip("libelle:N", title="Indicateur"), alt.Tooltip("part:Q", title="Part", format=".0%"),
                 alt.Tooltip("bas:Q", title="Borne basse", format=".0%"),
                 alt.Tooltip("haut:Q", title="Borne haute", format=".0%")])
    layers = bars + dots
    if reference:
        layers += alt.Chart(points.dropna(subset=["publie"])).mark_tick(color="#d9822b", thickness=2, size=14).encode(
            y=axis, x="publie:Q", tooltip=[alt.Tooltip("publie:Q", title=reference, format=".0%")])
        title += f", {reference} (repère orange)"
    return layers.properties(width=460, height=alt.Step(24), title=title)


def ads_per_person(sizes: pd.DataFrame) -> alt.Chart:
    """Persons by number of ads (step 7; columns `annonces`, `personnes`)."""
    return alt.Chart(sizes).mark_bar(color="#1f4e79").encode(
        x=alt.X("annonces:O", title="Nombre d'annonces de la personne"), y=alt.Y("personnes:Q", title="Personnes"),
        tooltip=[alt.Tooltip("annonces:O", title="Annonces"), alt.Tooltip("personnes:Q", title="Personnes")],
    ).properties(width=520, height=240, title="Combien d'annonces par personne ?")


def link_waterfall(steps: pd.DataFrame) -> alt.FacetChart:
    """The weights of a few links, field by field (`dedup.waterfall`), one panel per link."""
    return alt.Chart(steps).mark_bar().encode(
        x=alt.X("etape:N", sort=alt.SortField("ordre"), title=None, axis=alt.Axis(labelAngle=-40)),
        y=alt.Y("debut:Q", title="Poids cumulé (en bits)"), y2="fin:Q",
        color=alt.Color("sens:N", title="Élément", scale=alt.Scale(domain=["concorde", "diffère", "total"],
                                                                   range=["#5b8c5a", "#c44e52", "#1f5f8b"])),
        tooltip=[alt.Tooltip("etape:N", title="Élément"), alt.Tooltip("niveau:N", title="Comparaison"),
                 alt.Tooltip("poids:Q", title="Poids", format="+.1f")],
    ).properties(width=260, height=240).facet(column=alt.Column("lien:N", title=None)).properties(
        title="Deux liens, élément par élément")


def estimator_errors(errors: pd.DataFrame) -> alt.LayerChart:
    """The report's estimator, world by world: histogram of the relative error (`ecart`)
    for each case of duplicate coding (`cas`)."""
    bars = alt.Chart(errors).mark_bar(opacity=0.7).encode(
        x=alt.X("ecart:Q", bin=alt.Bin(step=0.02), title="Écart relatif de l'estimation à la vérité",
                axis=alt.Axis(format="%")),
        y=alt.Y("count():Q", title="Mondes", stack=None),
        color=alt.Color("cas:N", title="Codage des doublons", legend=alt.Legend(orient="bottom")),
        tooltip=[alt.Tooltip("cas:N", title="Cas"), alt.Tooltip("count():Q", title="Mondes")])
    zero = alt.Chart(pd.DataFrame({"x": [0]})).mark_rule(color="black").encode(x="x:Q")
    return (bars + zero).properties(width=520, height=260,
                                    title="Estimation du rapport : écart à la vérité, monde par monde")


def threshold_curves(effect: pd.DataFrame, chosen: float, true_persons: int | None = None):
    """Persons found by the first edition's rules for each text threshold (the chosen one
    marked), and, when the truth is known, the true persons and the F1 of the links."""
    base = alt.Chart(effect).encode(x=alt.X("seuil:Q", title="Seuil de ressemblance des textes",
                                            scale=alt.Scale(domain=[0.3, 1])))
    layers = [base.mark_line(point=True, color="#1f4e79").encode(
        y=alt.Y("personnes:Q", title="Personnes trouvées", scale=alt.Scale(zero=False)),
        tooltip=[alt.Tooltip("seuil:Q", title="Seuil", format=".2f"), alt.Tooltip("personnes:Q", title="Personnes")])]
    if true_persons is not None:
        layers.append(alt.Chart(pd.DataFrame({"y": [true_persons]})).mark_rule(color="#3a7d44", strokeDash=[6, 3])
                      .encode(y="y:Q", tooltip=[alt.Tooltip("y:Q", title="Vraies personnes")]))
    marked = effect[np.isclose(effect["seuil"], chosen)]
    if len(marked):
        layers.append(alt.Chart(marked).mark_point(size=180, filled=True, color="#d9822b").encode(
            x="seuil:Q", y="personnes:Q", tooltip=[alt.Tooltip("personnes:Q", title="Seuil choisi : personnes")]))
    chart = alt.layer(*layers).properties(width=520, height=240,
                                          title="Règles de la première édition : personnes trouvées selon le seuil")
    if true_persons is None:
        return chart
    f1 = base.mark_line(point=True, color="#b8432f").encode(
        y=alt.Y("f1:Q", title="F1 des liens", scale=alt.Scale(domain=[0.8, 1])),
        tooltip=[alt.Tooltip("seuil:Q", title="Seuil", format=".2f"), alt.Tooltip("f1:Q", title="F1", format=".3f")]
    ).properties(width=520, height=160, title="Qualité des liens (F1) selon le seuil")
    return alt.vconcat(chart, f1)
