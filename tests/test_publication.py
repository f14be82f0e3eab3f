"""The publication check: no contact detail, no identifying value, no small count of persons."""

import pandas as pd

from diagnostic import charts, geo, params, publication
from diagnostic.presentation import table


def test_phone_email_and_known_values_are_found_and_not_repeated_in_full():
    found = publication.scan_text("Appelez le 06 39 98 71 40 ou ecrire a lina@exemple.example — Lina_love",
                                  "page x", {"Lina_love"})
    kinds = sorted(f.what.split(" « ")[0] for f in found)
    assert kinds == ["adresse électronique", "donnée d'identification d'un fichier d'entrée", "numéro de téléphone"]
    assert all("71 40" not in f.what and "exemple.example" not in f.what for f in found)
    assert publication.scan_text("699 annonces, 2018-09-20, 0,61, 62 300 habitants", "page", set()) == []


def test_the_books_commit_is_not_a_phone_number():
    """Every page names the handbook's commit (`run.version`); 788191601ec6, a real one, begins
    with nine digits that read as 07 88 19 16 01. A number written on its own still counts."""
    assert publication.scan_text("Version 0.1.0 (commit 788191601ec6)", "page", set()) == []
    assert publication.scan_text("commit 0639987140ab, modifié localement", "page", set()) == []
    found = publication.scan_text("joignable au 788191601 ou au 0788191601e", "page", set())
    assert [f.what.split(" « ")[0] for f in found] == ["numéro de téléphone"] * 2


def test_every_known_value_is_found_in_any_case_overlapping_or_inside_a_word():
    values = {"Lina_love", "lina_lo", "ina_love2", "Kim-22", "Sam Dupont", "absent_ici"}
    text = "Annonce de LINA_LOVE2 et de kim-22 ; « sam dupont » aussi"
    found = {f.what for f in publication.scan_text(text, "page", values)}
    expected = {"Lina_love", "lina_lo", "ina_love2", "Kim-22", "Sam Dupont"}   # every value `in` the text, any case
    assert len(found) == len(expected) == len({v for v in values if v.lower() in text.lower()})
    assert publication.scan_text("rien de connu", "page", values) == []


def test_respondents_and_handles_of_the_default_world_are_known(project_root):
    run = params.load(project_root / "params/pas-de-calais.yaml", project_root)
    values = publication.sensitive_values(run, project_root)
    raw = pd.read_csv(project_root / "data/synthetic/questionnaire-google-forms-SYNTHETIQUE.csv", dtype=str,
                      keep_default_na=False, encoding="utf-8-sig")
    assert set(raw["Nom du/de la répondant.e :"]) <= values
    assert set(raw["Adresse mail :"]) <= values
    assert any("_love" in v for v in values)


def test_small_counts_in_a_marked_table_are_found():
    frame = pd.DataFrame({"Sexe": ["Femmes", "Hommes", "Trans"], "Personnes": ["120", "3", "< 5"]})
    page = publication.read_page(table(frame, persons=["Personnes"]).data)
    found = publication.small_counts_in_tables(page, "page", 5)
    assert len(found) == 1 and "« 3 »" in found[0].what
    assert publication.small_counts_in_tables(publication.read_page(table(frame).data), "page", 5) == []


def test_small_counts_on_a_marked_map_are_found(project_root):
    values = pd.DataFrame({"code": ["62001", "62002"], "personnes": [2, 40]})
    chart = geo.choropleth("62", "arrondissements", values, "personnes", "Carte", "Personnes", root=project_root,
                           persons=True)
    html = charts.render(chart.to_dict())["text/html"]
    found = publication.small_counts_in_maps(publication.read_page(html), "page", 5)
    assert len(found) == 1 and "effectif de personnes 2 " in found[0].what
    safe = geo.choropleth("62", "arrondissements", values.assign(personnes=[None, 40]), "personnes", "Carte",
                          "Personnes", root=project_root, persons=True)
    assert publication.small_counts_in_maps(publication.read_page(charts.render(safe.to_dict())["text/html"]),
                                            "page", 5) == []


def test_a_page_already_checked_with_the_same_bytes_and_rules_is_not_read_again(project_root, tmp_path, monkeypatch):
    notebooks, html = tmp_path / "notebooks", tmp_path / "html"
    notebooks.mkdir()
    html.mkdir()
    (html / "a.html").write_text("<p>Rien à signaler.</p>", encoding="utf-8")
    (html / "b.html").write_text("<p>Arrêté n° 06 39 98 12 34 du préfet</p>", encoding="utf-8")
    cache = tmp_path / "controle.json"
    run = params.load(project_root / "params/pas-de-calais.yaml", project_root)
    first = publication.check_book(notebooks, html, run, project_root, cache=cache)
    assert [f.place for f in first] == ["page b.html"]

    scanned = []
    scan_page = publication.scan_page
    monkeypatch.setattr(publication, "scan_page", lambda markup, place, *rest: scanned.append(place)
                        or scan_page(markup, place, *rest))
    # Nothing changed: no page read again, the same findings (the one of b.html, from the cache).
    assert publication.check_book(notebooks, html, run, project_root, cache=cache) == first
    assert scanned == []
    # a.html now shows a phone number: it alone is read again, and caught.
    (html / "a.html").write_text("<p>Appelez le 06 39 98 71 40.</p>", encoding="utf-8")
    found = publication.check_book(notebooks, html, run, project_root, cache=cache)
    assert scanned == ["page a.html"]
    assert sorted((f.place, f.what.split(" « ")[0]) for f in found) == [("page a.html", "numéro de téléphone"),
                                                                        ("page b.html", "numéro de téléphone")]
    # Other rules (a higher small-count threshold): every page read again.
    scanned.clear()
    stricter = run.model_copy(update={"confidentialite": run.confidentialite.model_copy(
        update={"seuil_petits_effectifs": 11})})
    assert publication.check_book(notebooks, html, stricter, project_root, cache=cache) == found
    assert scanned == ["page a.html", "page b.html"]
