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
    if isinstance(node, (list, tuple)):  # a map's features come as a tuple (`geo._inline`)
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


def stretch_matrix(pairs: pd.DataFrame) -> alt.Chart:
    """The pairs compared among the ads of one number, sorted (`dedup.stretch_pairs`)."""
    kinds = ["même tronçon", "tronçons voisins", "non comparées"]
    return alt.Chart(pairs).mark_rect(stroke="white").encode(
        x=alt.X("rang_a:O", title="Annonces du même numéro, rangées (prénom, âge, pseudo, commune)"),
        y=alt.Y("rang_b:O", title=None),
        color=alt.Color("comparaison:N", title="Paire", sort=kinds,
                        scale=alt.Scale(domain=kinds, range=["#1f5f8b", "#7fa7c9", "#eeeeee"])),
        tooltip=[alt.Tooltip("rang_a:O", title="Annonce"), alt.Tooltip("rang_b:O", title="Avec l'annonce"),
                 alt.Tooltip("comparaison:N", title="Paire")],
    ).properties(width=300, height=300, title="Quelles annonces d'un même numéro sont comparées")


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


def sample_size_curves(curves: pd.DataFrame, marks: pd.DataFrame) -> alt.LayerChart:
    """Step 5: ads to code against ads counted (log scale), one curve per margin of error,
    with the marked editions (`Sampling.size_curves`)."""
    x_axis = alt.X("annonces:Q", scale=alt.Scale(type="log"), title="Annonces relevées (N, échelle logarithmique)")
    lines = alt.Chart(curves).mark_line(strokeWidth=2.5).encode(
        x=x_axis, y=alt.Y("echantillon:Q", title="Annonces à coder (n)"),
        color=alt.Color("marge:N", title="Marge d'erreur", sort=["3 %", "5 %", "10 %"]),
        tooltip=[alt.Tooltip("annonces:Q", title="Annonces relevées"), alt.Tooltip("marge:N", title="Marge d'erreur"),
                 alt.Tooltip("echantillon:Q", title="Annonces à coder")])
    points = alt.Chart(marks).mark_point(size=90, filled=True, color="black").encode(
        x=x_axis, y="echantillon:Q", tooltip=[alt.Tooltip("libelle:N", title="Repère")])
    labels = points.mark_text(align="left", dx=8, dy=-8, fontSize=11).encode(text="libelle:N")
    return (lines + points + labels).properties(width=560, height=320,
                                                title="Taille d'échantillon selon le nombre d'annonces relevées")


def sample_size_by_margin(by_margin: pd.DataFrame, margin: float, n: int, title: str) -> alt.LayerChart:
    """Step 5: ads to code at each margin of error (`Sampling.sizes_by_margin`), the chosen
    margin (`n` ads to code) marked."""
    from .presentation import percent

    chosen = pd.DataFrame([{"marge_erreur": margin, "echantillon": n, "marge": percent(margin, 1)}])
    x_axis = alt.X("marge_erreur:Q", title="Marge d'erreur", axis=alt.Axis(format="%"))
    curve = alt.Chart(by_margin).mark_line(point=True).encode(
        x=x_axis, y=alt.Y("echantillon:Q", title="Annonces à coder (n)"),
        tooltip=[alt.Tooltip("marge:N", title="Marge d'erreur"), alt.Tooltip("echantillon:Q", title="Annonces à coder")])
    marked = alt.Chart(chosen).mark_point(size=160, filled=True, color="#d9822b").encode(
        x=x_axis, y="echantillon:Q",
        tooltip=[alt.Tooltip("marge:N", title="Marge choisie"), alt.Tooltip("echantillon:Q", title="Annonces à coder")])
    return (curve + marked).properties(width=560, height=280, title=title)


def sample_by_site(allocated: pd.DataFrame) -> alt.Chart:
    """Step 5: ads to code by site, coloured by category (`Sampling.sites_with_ads`)."""
    return alt.Chart(allocated).mark_bar().encode(
        y=alt.Y("site:N", sort="-x", title=None), x=alt.X("echantillon:Q", title="Annonces à coder"),
        color=alt.Color("categorie:N", title="Catégorie", legend=alt.Legend(labelLimit=200, orient="bottom")),
        tooltip=[alt.Tooltip("site:N", title="Site"), alt.Tooltip("annonces:Q", title="Annonces relevées"),
                 alt.Tooltip("quote_part:Q", title="Part exacte", format=".2f"),
                 alt.Tooltip("echantillon:Q", title="Annonces à coder")],
    ).properties(width=420, height=alt.Step(16), title="Annonces à coder par site")


def ads_by_site(sites: pd.DataFrame) -> alt.Chart:
    """Step 4: ads counted on each site that has some, coloured by category."""
    from .inventory import CATEGORY_LABELS

    shown = sites[sites["annonces"] > 0].assign(categorie_libelle=lambda t: t["categorie"].map(CATEGORY_LABELS))
    return alt.Chart(shown).mark_bar().encode(
        y=alt.Y("site:N", sort="-x", title=None), x=alt.X("annonces:Q", title="Annonces relevées"),
        color=alt.Color("categorie_libelle:N", title="Catégorie", legend=alt.Legend(orient="bottom")),
        tooltip=[alt.Tooltip("site:N", title="Site"), alt.Tooltip("annonces:Q", title="Annonces"),
                 alt.Tooltip("mode_comptage:N", title="Comptage")],
    ).properties(width=420, height=alt.Step(15), title="Annonces relevées par site")


def ads_and_persons_maps(departement: str, by_commune: pd.DataFrame, persons: pd.DataFrame,
                         threshold: int) -> alt.HConcatChart:
    """Step 4: ads by declared commune beside step 3's persons by arrondissement (`persons`:
    `code`, `personnes`, small counts hidden by `situations.protected_areas`)."""
    from . import geo

    ads_map = geo.choropleth(
        departement, "communes", by_commune.rename(columns={"code_insee": "code"})[["code", "annonces"]],
        "annonces", "Annonces par commune déclarée", "Annonces", width=300,
        tooltip=[alt.Tooltip("properties.nom:N", title="Commune"), alt.Tooltip("annonces:Q", title="Annonces")])
    persons_map = geo.choropleth(
        departement, "arrondissements", persons, "personnes",
        "Personnes en situation probable ou avérée (étape 3)", "Personnes", scheme="oranges", width=300, persons=True,
        threshold=threshold)
    return alt.hconcat(ads_map, persons_map).resolve_scale(color="independent")


def elements_map(departement: str, by_code: pd.DataFrame) -> alt.Chart:
    """Step 4: risk places, clients' ads and forum discussions by commune (`code`, `elements`)."""
    from . import geo

    return geo.choropleth(departement, "communes", by_code, "elements",
                          "Lieux à risque, annonces de « clients » et discussions de forum, par commune",
                          "Éléments relevés", scheme="purples", width=380,
                          tooltip=[alt.Tooltip("properties.nom:N", title="Commune"),
                                   alt.Tooltip("elements:Q", title="Éléments relevés")])


def press_by_year(by_year_form: pd.DataFrame, forms: list[str]) -> alt.Chart:
    """Step 4 (annex 2): articles by year of publication, stacked by form."""
    return alt.Chart(by_year_form).mark_bar().encode(
        x=alt.X("annee:O", title="Année de parution"), y=alt.Y("sum(articles):Q", title="Articles"),
        color=alt.Color("forme:N", title="Forme", scale=alt.Scale(domain=forms),
                        legend=alt.Legend(orient="bottom", columns=2, labelLimit=300)),
        order=alt.Order("forme:N"),
        tooltip=[alt.Tooltip("annee:O", title="Année"), alt.Tooltip("forme:N", title="Forme"),
                 alt.Tooltip("articles:Q", title="Articles")],
    ).properties(width=420, height=220, title="Articles de presse par année de parution et par forme")


def vulnerability_factors(factors: pd.DataFrame, base: int) -> alt.Chart:
    """Step 3 (section IV-B): share of the persons described with each vulnerability factor
    (`situations.visible_factors`)."""
    return alt.Chart(factors).mark_bar().encode(
        y=alt.Y("libelle:N", sort="-x", title=None),
        x=alt.X("part:Q", title="Part des personnes", axis=alt.Axis(format="%")),
        tooltip=[alt.Tooltip("libelle:N", title="Facteur"), alt.Tooltip("personnes:Q", title="Personnes"),
                 alt.Tooltip("part:Q", title="Part", format=".0%")],
    ).properties(width=420, height=alt.Step(18), title=f"Facteurs de vulnérabilité (base : {base} personnes)")


def persons_map(departement: str, name: str, persons: pd.DataFrame, threshold: int) -> alt.Chart:
    """Step 3: persons in a probable or proven situation by arrondissement, small counts hidden
    (`situations.persons_by_arrondissement`)."""
    from . import geo

    return geo.choropleth(departement, "arrondissements", persons, "personnes",
                          f"{name} : personnes en situation probable ou avérée, par arrondissement "
                          "(secret statistique appliqué)", "Personnes", scheme="oranges", persons=True,
                          threshold=threshold)


def floor_and_estimate(comparison: pd.DataFrame, title: str) -> alt.LayerChart:
    """Step 3: the count a minima, the MSE estimate with its interval (and a synthetic world's
    truth), from `situations.floor_and_estimate`."""
    base = alt.Chart(comparison).encode(y=alt.Y("chiffre:N", sort=None, title=None, axis=alt.Axis(labelLimit=300)))
    interval = base.mark_rule(strokeWidth=3, color="#8c8c8c").encode(x=alt.X("bas:Q", title="Personnes"), x2="haut:Q")
    points = base.mark_point(filled=True, size=120).encode(
        x="valeur:Q", color=alt.Color("chiffre:N", legend=None),
        tooltip=[alt.Tooltip("chiffre:N", title="Chiffre"), alt.Tooltip("valeur:Q", title="Personnes", format=".0f"),
                 alt.Tooltip("bas:Q", title="Borne basse", format=".0f"),
                 alt.Tooltip("haut:Q", title="Borne haute", format=".0f")])
    return (interval + points).properties(width=420, height=alt.Step(34), title=title)


def coverage_grid(coverage: pd.DataFrame) -> alt.LayerChart:
    """Step 1: participating structures by field and territory, gaps in orange (`Mobilisation.coverage`)."""
    from .partners import FIELD_LABELS, FIELDS

    shown = coverage.assign(champ_libelle=lambda t: t["champ"].map(FIELD_LABELS))
    base = alt.Chart(shown).encode(x=alt.X("territoire:N", title="Territoire"),
                                   y=alt.Y("champ_libelle:N", title=None, sort=[FIELD_LABELS[f] for f in FIELDS]))
    cells = base.mark_rect(stroke="white").encode(
        color=alt.condition("datum.participantes > 0",
                            alt.Color("participantes:Q", title="Structures participantes",
                                      scale=alt.Scale(scheme="blues")),
                            alt.value("#f4d6c4")),
        tooltip=[alt.Tooltip("champ_libelle:N", title="Champ"), alt.Tooltip("territoire:N", title="Territoire"),
                 alt.Tooltip("identifiees:Q", title="Repérées"), alt.Tooltip("participantes:Q", title="Participantes")])
    texts = base.mark_text(fontSize=12).encode(text=alt.Text("participantes:Q"))
    return (cells + texts).properties(width=480, height=240,
                                      title="Structures participantes par champ et par territoire (orange : lacune)")


def partners_map(departement: str, name: str, layer: str | dict, by_territory: pd.DataFrame) -> alt.Chart:
    """Step 1: participating structures by territory (`Mobilisation.by_territory`)."""
    from . import geo

    return geo.choropleth(departement, layer, by_territory, "participantes",
                          f"{name} : structures participantes par territoire", "Structures participantes",
                          tooltip=[alt.Tooltip("properties.nom:N", title="Territoire"),
                                   alt.Tooltip("participantes:Q", title="Structures participantes"),
                                   alt.Tooltip("lacunes:Q", title="Champs sans participant")])


def professionals_bars(functions: pd.DataFrame, employers: pd.DataFrame) -> alt.VConcatChart:
    """Step 1: the professionals who contributed, by function and by employer (`libelle`, `professionnels`)."""
    def bars(data: pd.DataFrame, title: str) -> alt.Chart:
        return alt.Chart(data).mark_bar().encode(
            y=alt.Y("libelle:N", sort="-x", title=None), x=alt.X("professionnels:Q", title="Professionnel·les"),
            tooltip=[alt.Tooltip("libelle:N", title="Catégorie"),
                     alt.Tooltip("professionnels:Q", title="Professionnel·les")],
        ).properties(width=380, height=alt.Step(22), title=title)

    return alt.vconcat(bars(functions, "Par fonction"), bars(employers, "Par employeur")).resolve_scale(
        x="independent")


def mobilisation_timeline(timeline: pd.DataFrame, milestones: pd.DataFrame | None):
    """Step 1: professionals reached over time by each way (cumulated), milestones dashed."""
    curves = alt.Chart(timeline).mark_line(point=True, interpolate="step-after").encode(
        x=alt.X("date:T", title=None, axis=alt.Axis(format="%b %Y")),
        y=alt.Y("cumul:Q", title="Professionnel·les atteint·es (cumul)"),
        color=alt.Color("moyen:N", title="Voie"),
        tooltip=[alt.Tooltip("date:T", title="Date", format="%d/%m/%Y"), alt.Tooltip("moyen:N", title="Voie"),
                 alt.Tooltip("professionnels:Q", title="Professionnel·les"), alt.Tooltip("cumul:Q", title="Cumul")])
    if milestones is not None:
        curves = curves + alt.Chart(milestones).mark_rule(color="#8c8c8c", strokeDash=[4, 3]).encode(
            x="date:T", tooltip=[alt.Tooltip("date:T", title="Date", format="%d/%m/%Y"),
                                 alt.Tooltip("etape:N", title="Étape")])
    return curves.properties(width=560, height=260,
                             title="Mobilisation des professionnel·les au fil du temps (tirets : étapes)")


def survey_indicators(indicators: pd.DataFrame) -> alt.Chart:
    """Step 2: each indicator's share on its own base (`Survey.indicators`)."""
    return alt.Chart(indicators).mark_bar(color="#1f5f8b").encode(
        y=alt.Y("indicateur:N", sort=None, title=None, axis=alt.Axis(labelLimit=420)),
        x=alt.X("part:Q", title="Part des professionnel·les", axis=alt.Axis(format="%"), scale=alt.Scale(domain=[0, 1])),
        tooltip=[alt.Tooltip("indicateur:N", title="Indicateur"), alt.Tooltip("part:Q", title="Part", format=".0%"),
                 alt.Tooltip("effectif:Q", title="Professionnel·les"), alt.Tooltip("base:Q", title="Sur (base)")],
    ).properties(width=300, height=alt.Step(24), title="Ce que disent les professionnel·les (chaque part sur sa base)")


def answer_shares(shares: pd.DataFrame, title: str) -> alt.Chart:
    """Step 2: the answers to one question (`questionnaire.answer_shares`), as shares of the professionals."""
    return alt.Chart(shares).mark_bar().encode(
        x=alt.X("part:Q", title="Part des professionnel·les", axis=alt.Axis(format="%")),
        y=alt.Y("reponse:N", sort=None, title=None),
        tooltip=[alt.Tooltip("reponse:N", title="Réponse"), alt.Tooltip("professionnels:Q", title="Professionnel·les"),
                 alt.Tooltip("part:Q", title="Part", format=".0%")],
    ).properties(width=400, height=alt.Step(26), title=title)
