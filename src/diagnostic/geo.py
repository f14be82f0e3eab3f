"""Maps of the département: its communes, arrondissements and outline (`data/geo/`).

Boundaries: IGN Admin Express COG 2018 and INSEE COG 2018 (Licence Ouverte), the credit
line below goes under every map. Maps are Altair geoshapes, so they display offline
like every other chart of the book.
"""

from __future__ import annotations

import gzip
import json
import re
import textwrap
from functools import cache
from pathlib import Path

import altair as alt
import pandas as pd
from shapely.geometry import mapping, shape
from shapely.ops import unary_union
from shapely.strtree import STRtree

from .communes import official_names
from .paths import project_root
from .presentation import PERSONS_MARK

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


def _containing(points: list, areas: list) -> list[int]:
    """For each point, the position of the area containing it (the nearest if none does)."""
    tree = STRtree(areas)
    positions = []
    for point in points:
        hits = [i for i in tree.query(point) if areas[i].contains(point)]
        positions.append(int(hits[0]) if hits else int(tree.nearest(point)))
    return positions


def commune_arrondissements(code: str, root: Path | None = None) -> pd.DataFrame:
    """Each commune of the département with the arrondissement that contains it.

    A commune belongs to the arrondissement containing a point inside it (its
    representative point), so that the partner map can be drawn by arrondissement.
    """
    communes = layer(code, "communes", root)["features"]
    arrondissements = layer(code, "arrondissements", root)["features"]
    inside = _containing([shape(f["geometry"]).representative_point() for f in communes],
                         [shape(f["geometry"]) for f in arrondissements])
    return pd.DataFrame([{"commune_code": feature["properties"]["code"], "commune": feature["properties"]["nom"],
                          "arrondissement_code": arrondissements[k]["properties"]["code"],
                          "arrondissement": arrondissements[k]["properties"]["nom"]}
                         for feature, k in zip(communes, inside)])


def label_point(geometry: dict) -> tuple[float, float]:
    """Where a commune's name goes: the centroid of its polygon when it lies inside it, else
    a point surely inside (a crescent-shaped commune's centroid can fall in its neighbour)."""
    polygon = shape(geometry)
    point = polygon.centroid if polygon.contains(polygon.centroid) else polygon.representative_point()
    return round(point.x, 5), round(point.y, 5)


def _names_the_chief_town(arrondissement: str, commune: str) -> int | None:
    """How an arrondissement's name names a commune: 0 the same name ("Arras"); 1 one of the
    towns of a double name ("Fougères" in "Fougères-Vitré"); 2 a commune nouvelle that took
    the old name inside its own ("Segré-en-Anjou Bleu" for "Segré"); None otherwise."""
    a, c = arrondissement.casefold(), commune.casefold()
    if a == c:
        return 0
    if f"-{c}-" in f"-{a}-":
        return 1
    if re.search(rf"(?:^|[\s\-']){re.escape(a)}(?:$|[\s\-'])", c):
        return 2
    return None


def chief_towns(communes: dict, arrondissements: dict) -> list[dict]:
    """The chef-lieu of each arrondissement (`nom`, `longitude`, `latitude`), the main
    communes named on the maps.

    An arrondissement is named after its chef-lieu: the chef-lieu is the commune inside the
    arrondissement that bears its name; for a double name ("Fougères-Vitré"), both towns;
    for a chef-lieu merged into a commune nouvelle ("Segré"), the commune whose name holds
    the old one. Both arguments are GeoJSON FeatureCollections with `code` and `nom`.
    """
    features = communes["features"]
    if not arrondissements["features"]:  # Martinique and Mayotte in the 2018 files
        return []
    inside = _containing([shape(f["geometry"]).representative_point() for f in features],
                         [shape(f["geometry"]) for f in arrondissements["features"]])
    towns = []
    for k, area in enumerate(arrondissements["features"]):
        ranked = [(rank, f) for f, where in zip(features, inside) if where == k
                  and (rank := _names_the_chief_town(area["properties"]["nom"], f["properties"]["nom"])) is not None]
        best = min((rank for rank, _ in ranked), default=None)
        for rank, feature in ranked:
            if rank == best:
                longitude, latitude = label_point(feature["geometry"])
                towns.append({"code": feature["properties"]["code"], "nom": feature["properties"]["nom"],
                              "longitude": longitude, "latitude": latitude})
    return sorted(towns, key=lambda town: town["code"])


@cache
def main_communes(code: str, root: Path | None = None) -> tuple[dict, ...]:
    """The communes named on every map of the département: the chefs-lieux of its arrondissements."""
    return tuple(chief_towns(layer(code, "communes", root), layer(code, "arrondissements", root)))


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


MASKED = "masque"  # the column of `values` marking an area whose count is hidden (secret statistique)
NO_DATA = "aucune donnée"
MASKED_COLOUR, NO_DATA_COLOUR = "#8c8c8c", "#eeeeee"
# The legends stand below the map, one above the other: the map keeps the column's width. The
# colour scale is vertical: side by side, its labels ("0 10 20 30 40") would read as a phone
# number in the PDF's text, which the publication check reads.
GRADIENT = 70


def masked_label(threshold: int | None) -> str:
    """The legend of a hidden count: under the threshold, or hidden so that one cannot be recovered."""
    return f"effectif masqué (secret statistique, seuil de {threshold})" if threshold \
        else "effectif masqué (secret statistique)"


def _areas(features: list[dict], values: pd.DataFrame, field: str, threshold: int | None) -> list[dict]:
    """The features with their row of `values` beside their geometry, and a `statut` for those
    without a value: a hidden count (`values[MASKED]` true) or no data."""
    rows = {str(row["code"]): row for row in values.astype(object).where(values.notna(), None).to_dict("records")}
    areas = []
    for feature in features:
        row = rows.get(feature["properties"]["code"], {field: 0})
        datum = {"type": "Feature", "geometry": feature["geometry"], "properties": feature["properties"],
                 **{key: value for key, value in row.items() if key != "code"}}
        if datum.get(field) is None:
            datum["statut"] = masked_label(threshold) if datum.get(MASKED) else NO_DATA
        areas.append(datum)
    return areas


def _inline(features: list[dict]) -> alt.Data:
    """A map's features as the inline data of a layer, held in a tuple: Altair copies a chart's
    lists again at each step of its composition (layers, concatenation, properties) and when it
    writes the specification — thousands of coordinates, seconds per map —, but keeps a tuple by
    reference. The specification written is the same (`charts.render` reads it as lists)."""
    with alt.utils.schemapi.debug_mode(False):  # nor checked against the schema on creation: it is data
        return alt.Data(values=tuple(features))


def _names_layer(towns: tuple[dict, ...]) -> alt.LayerChart:
    """A dot and the name of each main commune, on a white halo so that it reads on any colour
    (the halo is the name drawn first with a white outline, hidden from screen readers)."""
    base = alt.Chart(alt.Data(values=list(towns))).encode(longitude="longitude:Q", latitude="latitude:Q")
    text = dict(text="nom:N")
    label = dict(align="left", baseline="middle", dx=5, fontSize=11, font="Helvetica, Arial, sans-serif")
    return (base.mark_circle(size=22, color="#222222", opacity=1, stroke="white", strokeWidth=1, aria=False)
            + base.mark_text(**label, stroke="white", strokeWidth=3, strokeJoin="round", opacity=0.9,
                             aria=False).encode(**text)
            + base.mark_text(**label, color="#111111").encode(**text))


def choropleth(code: str, level: str | dict, values: pd.DataFrame, field: str, title: str,
               legend: str, tooltip: list | None = None, scheme: str = "blues",
               root: Path | None = None, width: int = 520, persons: bool = False,
               threshold: int | None = None) -> alt.LayerChart:
    """A map of `field` by area (`values` has a `code` column); `level` names a layer
    ("arrondissements", "communes") or is a FeatureCollection (see `territory_layer`).

    Three renderings, each in the legend (below the map, so that the map keeps the column's
    width): a value, zero included, in the colour scale (its lightest shade is a colour,
    not white); a count hidden by the secret statistique (`values` has a true `masque` where
    `field` is empty: see `situations.protected_areas`) in mid grey, "effectif masqué", with
    the `threshold` when given; an area without data in light grey, "aucune donnée". An area
    missing from `values` counts 0 (nothing was found there). The chefs-lieux of the arrondissements are named
    (`main_communes`); the département outline is on top and the
    credit line of the boundaries is the chart's subtitle. `persons=True` marks a map of
    counts of persons, which the publication check verifies (no count under the threshold).
    """
    features = (layer(code, level, root) if isinstance(level, str) else level)["features"]
    areas = _areas(features, values, field, threshold)
    known = [a for a in areas if "statut" not in a]
    unknown = [a for a in areas if "statut" in a]
    layers = [alt.Chart(_inline(known)).mark_geoshape(stroke="white", strokeWidth=0.6).encode(
        color=alt.Color(f"{field}:Q", title=legend,
                        scale=alt.Scale(scheme=alt.SchemeParams(name=scheme, extent=[0.15, 1]), domainMin=0),
                        legend=alt.Legend(orient="none", legendX=0, legendY=width + 12, direction="vertical",
                                          gradientLength=GRADIENT, titleLimit=width, format="~d")),
        tooltip=tooltip or [alt.Tooltip("properties.nom:N", title="Territoire"),
                            alt.Tooltip(f"{field}:Q", title=legend)])]
    if unknown:
        statuses = sorted({a["statut"] for a in unknown}, key=lambda s: s == NO_DATA)
        layers.append(alt.Chart(_inline(unknown)).mark_geoshape(stroke="white", strokeWidth=0.6).encode(
            color=alt.Color("statut:N", title=None,
                            scale=alt.Scale(domain=statuses,
                                            range=[NO_DATA_COLOUR if s == NO_DATA else MASKED_COLOUR for s in statuses]),
                            legend=alt.Legend(orient="none", legendX=0, legendY=width + GRADIENT + 45,
                                              direction="vertical", labelLimit=width)),
            tooltip=[alt.Tooltip("properties.nom:N", title="Territoire"), alt.Tooltip("statut:N", title=legend)]))
    layers.append(alt.Chart(_inline(layer(code, "departement", root)["features"])).mark_geoshape(
        fill=None, stroke="#333333", strokeWidth=1.2))
    if main_communes(code, root):
        layers.append(_names_layer(main_communes(code, root)))
    # independent colour scales inside the map: maps set side by side keep their own legends
    chart = alt.layer(*layers).resolve_scale(color="independent").properties(
        width=width, height=width,
        # titles wrapped to the map's width (about 8 px a character at 14 px, 5.5 at 10 px)
        title=alt.Title(textwrap.wrap(title, width=max(30, width // 8)),
                        subtitle=textwrap.wrap(CREDIT, width=max(40, int(width / 5.5))), subtitleFontSize=10)
    ).project(type="mercator")
    return chart.properties(description=PERSONS_MARK + field) if persons else chart
