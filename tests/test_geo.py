"""Maps: the communes they name, and the three renderings of an area (value, masked, no data)."""

import re

import pandas as pd
import vl_convert as vlc

from diagnostic import charts, geo, publication
from diagnostic.situations import protected_areas


def square(x0, y0, x1, y1):
    return {"type": "Polygon", "coordinates": [[[x0, y0], [x1, y0], [x1, y1], [x0, y1], [x0, y0]]]}


def collection(*features):
    return {"type": "FeatureCollection",
            "features": [{"type": "Feature", "geometry": g, "properties": {"code": c, "nom": n}}
                         for c, n, g in features]}


def test_the_chief_town_is_the_commune_of_the_arrondissement_that_bears_its_name():
    communes = collection(("99001", "Arras", square(0, 0, 2, 2)), ("99002", "Dainville", square(2, 0, 6, 2)),
                          ("99003", "Segré-en-Anjou Bleu", square(0, 2, 2, 4)),
                          ("99004", "Segréville", square(2, 2, 6, 4)))
    arrondissements = collection(("991", "Arras", square(0, 0, 6, 2)), ("992", "Segré", square(0, 2, 6, 4)))
    towns = geo.chief_towns(communes, arrondissements)
    # Arras: same name; Segré: the commune nouvelle holding the old name as a word, not "Segréville".
    # The label sits at the centroid of the square: ((0 + 2) / 2, (0 + 2) / 2) and ((0 + 2) / 2, (2 + 4) / 2).
    assert towns == [{"code": "99001", "nom": "Arras", "longitude": 1.0, "latitude": 1.0},
                     {"code": "99003", "nom": "Segré-en-Anjou Bleu", "longitude": 1.0, "latitude": 3.0}]


def test_a_double_name_gives_both_towns_and_a_town_elsewhere_is_not_taken():
    communes = collection(("99001", "Fougères", square(0, 0, 1, 1)), ("99002", "Vitré", square(1, 0, 2, 1)),
                          ("99003", "Redon", square(2, 0, 3, 1)), ("99004", "Vitré", square(3, 0, 4, 1)))
    arrondissements = collection(("991", "Fougères-Vitré", square(0, 0, 2, 1)), ("992", "Redon", square(2, 0, 4, 1)))
    assert [t["code"] for t in geo.chief_towns(communes, arrondissements)] == ["99001", "99002", "99003"]


def test_a_label_stays_inside_a_commune_whose_centroid_falls_outside():
    # A "U": area 9 - 2 = 7, centroid (1.5, (9 × 1.5 - 2 × 2) / 7 ≈ 1.357), inside the notch [1, 2] × [1, 3].
    u_shape = {"type": "Polygon",
               "coordinates": [[[0, 0], [3, 0], [3, 3], [2, 3], [2, 1], [1, 1], [1, 3], [0, 3], [0, 0]]]}
    x, y = geo.label_point(u_shape)
    assert not (1 <= x <= 2 and 1 <= y <= 3) and 0 <= x <= 3 and 0 <= y <= 3
    assert geo.label_point(square(0, 0, 2, 2)) == (1.0, 1.0)


def test_the_pas_de_calais_maps_name_its_seven_chief_towns(project_root):
    names = {town["nom"] for town in geo.main_communes("62", project_root)}
    assert names == {"Arras", "Béthune", "Boulogne-sur-Mer", "Calais", "Lens", "Montreuil", "Saint-Omer"}


def _data(spec: dict) -> list[dict]:
    return [datum for view in publication._walk(spec) if isinstance(view.get("values"), list)
            for datum in view["values"]]


def _layers(spec: dict) -> list[dict]:
    return [view for view in publication._walk(spec) if "mark" in view]


def test_zero_masked_and_no_data_are_three_renderings_explained_by_the_legend(project_root):
    # 40, 3 and 12 persons: 3 is under the threshold, and the next smallest (12) is hidden too,
    # otherwise 3 would be the total minus the others.
    counts = protected_areas(pd.DataFrame({"code": ["62001", "62002", "62003"], "personnes": [40, 3, 12]}), 5)
    assert counts["masque"].tolist() == [False, True, True] and counts["personnes"].tolist() == [40, None, None]
    values = pd.concat([counts, pd.DataFrame({"code": ["62004", "62005"], "personnes": [0, None]})])
    chart = geo.choropleth("62", "arrondissements", values, "personnes", "Carte", "Personnes", root=project_root,
                           persons=True, threshold=5)
    spec = chart.to_dict()
    areas = {d["properties"]["code"]: d for d in _data(spec)
             if d.get("type") == "Feature" and "code" in d["properties"]}
    masked = "effectif masqué (secret statistique, seuil de 5)"
    assert areas["62002"]["masque"] is True and areas["62002"]["statut"] == masked
    assert areas["62003"]["statut"] == masked and "personnes" not in {k for k, v in areas["62003"].items() if v}
    assert areas["62004"]["personnes"] == 0 and "statut" not in areas["62004"]   # a zero is a value
    assert areas["62005"]["statut"] == "aucune donnée"
    assert areas["62006"]["personnes"] == 0 and "statut" not in areas["62006"]   # absent from the counts: zero
    colours = {view["encoding"]["color"]["field"]: view["encoding"]["color"] for view in _layers(spec)
               if "color" in view.get("encoding", {})}
    assert colours["personnes"]["scale"]["domainMin"] == 0            # zero is in the scale
    # a horizontal colour scale's labels ("0 10 20 30 40") read as a phone number in the PDF's text
    assert colours["personnes"]["legend"]["direction"] == "vertical"
    assert colours["statut"]["scale"] == {"domain": [masked, "aucune donnée"], "range": ["#8c8c8c", "#eeeeee"]}
    svg = vlc.vegalite_to_svg(spec, vl_version=charts.VEGA_LITE_VERSION)
    drawn = set(re.findall(r"<text[^>]*>([^<]*)</text>", svg))
    assert {masked, "aucune donnée", "Personnes", "Arras", "Saint-Omer"} <= drawn
    # no person count under the threshold reaches the page
    html = charts.render(spec)["text/html"]
    assert publication.small_counts_in_maps(publication.read_page(html), "page", 5) == []


def test_a_map_and_its_legends_fit_the_text_column(project_root):
    # The book's text column is 692 px wide in a 1 300 px window (measured in Chromium).
    values = pd.DataFrame({"code": ["62001", "62002"], "personnes": [None, 40], "masque": [True, False]})
    chart = geo.choropleth("62", "arrondissements", values, "personnes",
                           "Pas-de-Calais : personnes en situation probable ou avérée, par arrondissement "
                           "(secret statistique appliqué)", "Personnes", root=project_root)
    svg = vlc.vegalite_to_svg(chart.to_dict(), vl_version=charts.VEGA_LITE_VERSION)
    assert float(re.search(r'<svg[^>]* width="([\d.]+)"', svg).group(1)) <= 692
