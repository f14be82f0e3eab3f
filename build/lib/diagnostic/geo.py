"""Maps of the département: its communes, arrondissements and outline (`data/geo/`).

Boundaries: IGN Admin Express COG 2018 and INSEE COG 2018 (Licence Ouverte), the credit
line below goes under every map. Maps are Altair geoshapes, so they display offline
like every other chart of the book.
"""

from __future__ import annotations

import gzip
import json
from functools import cache
from pathlib import Path

import altair as alt
import pandas as pd
from shapely.geometry import mapping, shape
from shapely.ops import unary_union
from shapely.strtree import STRtree

from .communes import official_names
from .paths import project_root

CREDIT = "Fond de carte : IGN Admin Express COG 2018, INSEE COG 2018 — Licence Ouverte"


def geo_folder(code: str, root: Path | None = None) -> Path:
    return (root or project_root()) / "data" / "geo" / code


@cache
def layer(code: str, name: str, root: Path | None = None) -> dict:
    """One layer ("communes", "arrondissements", "departement") as a GeoJSON FeatureCollection.

    Communes and arrondissements are named as in the reference, with their article ("Le
    Havre", where the boundary files say "Havre").
    """
    path = geo_folder(code, root) / f"{name}.geojson.gz"
    with gzip.open(path, "rt", encoding="utf-8") as handle:
        data = json.load(handle)
    # The département outline is stored as a single Feature.
    if data.get("type") == "Feature":
        return {"type": "FeatureCollection", "features": [data]}
    names = official_names(name)  # communes or arrondissements
    for feature in data["features"]:
        properties = feature["properties"]
        properties["nom"] = names.get(properties["code"], properties["nom"])
    return data


def commune_arrondissements(code: str, root: Path | None = None) -> pd.DataFrame:
    """Each commune of the département with the arrondissement that contains it.

    A commune belongs to the arrondissement containing a point inside it (its
    representative point), so that the partner map can be drawn by arrondissement.
    """
    communes = layer(code, "communes", root)["features"]
    arrondissements = layer(code, "arrondissements", root)["features"]
    shapes = [shape(f["geometry"]) for f in arrondissements]
    tree = STRtree(shapes)
    rows = []
    for feature in communes:
        point = shape(feature["geometry"]).representative_point()
        hits = [i for i in tree.query(point) if shapes[i].contains(point)]
        nearest = hits[0] if hits else int(tree.nearest(point))
        rows.append({"commune_code": feature["properties"]["code"], "commune": feature["properties"]["nom"],
                     "arrondissement_code": arrondissements[nearest]["properties"]["code"],
                     "arrondissement": arrondissements[nearest]["properties"]["nom"]})
    return pd.DataFrame(rows)


def arrondissement_territories(code: str, root: Path | None = None) -> pd.DataFrame:
    """The arrondissements as territories (commune_code, territoire_code, territoire)."""
    return commune_arrondissements(code, root).rename(
        columns={"arrondissement_code": "territoire_code", "arrondissement": "territoire"})


def territory_layer(code: str, territories: pd.DataFrame, root: Path | None = None) -> dict:
    """Territories made of communes (e.g. intercommunalities) as GeoJSON: their communes' union."""
    shapes = {f["properties"]["code"]: shape(f["geometry"]) for f in layer(code, "communes", root)["features"]}
    features = []
    for (territory_code, name), members in territories.groupby(["territoire_code", "territoire"], sort=True):
        union = unary_union([shapes[c] for c in members["commune_code"] if c in shapes])
        features.append({"type": "Feature", "geometry": mapping(union),
                         "properties": {"code": territory_code, "nom": name}})
    return {"type": "FeatureCollection", "features": features}


PERSONS_MARK = "effectifs-personnes:"  # read by `publication.small_counts_in_maps`


def choropleth(code: str, level: str | dict, values: pd.DataFrame, field: str, title: str,
               legend: str, tooltip: list | None = None, scheme: str = "blues",
               root: Path | None = None, width: int = 520, persons: bool = False) -> alt.LayerChart:
    """A map of `field` by area (`values` has a `code` column); `level` names a layer
    ("arrondissements", "communes") or is a FeatureCollection (see `territory_layer`).

    Areas without a value are drawn in light grey; the département outline is on top and
    the credit line of the boundaries is the chart's subtitle. `persons=True` marks a map
    of counts of persons, which the publication check verifies (no count under the threshold).
    """
    features = (layer(code, level, root) if isinstance(level, str) else level)["features"]
    data = alt.Data(values=[{"type": "Feature", "geometry": f["geometry"], "properties": f["properties"]}
                            for f in features])
    lookup = alt.LookupData(values, key="code", fields=[c for c in values.columns if c != "code"])
    base = alt.Chart(data).transform_lookup(lookup="properties.code", from_=lookup)
    fill = base.mark_geoshape(stroke="white", strokeWidth=0.6).encode(
        color=alt.condition(f"isValid(datum['{field}'])",
                            alt.Color(f"{field}:Q", title=legend, scale=alt.Scale(scheme=scheme)),
                            alt.value("#eeeeee")),
        tooltip=tooltip or [alt.Tooltip("properties.nom:N", title="Territoire"),
                            alt.Tooltip(f"{field}:Q", title=legend)])
    outline = alt.Chart(alt.Data(values=layer(code, "departement", root)["features"])).mark_geoshape(
        fill=None, stroke="#333333", strokeWidth=1.2)
    chart = (fill + outline).properties(
        width=width, height=width, title=alt.Title(title, subtitle=CREDIT, subtitleFontSize=10)
    ).project(type="mercator")
    return chart.properties(description=PERSONS_MARK + field) if persons else chart
