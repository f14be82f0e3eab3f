"""The site inventory: published totals, and errors that name the file, row and column."""

import pytest

from diagnostic import inventory
from diagnostic.errors import InputError


def test_published_pas_de_calais_totals(project_root):
    sites = inventory.read(project_root / "data/reference/pas-de-calais-sites-2018.csv")
    assert len(sites) == 39                                  # section I-B-1
    by_category = inventory.counts_by_category(sites).set_index("categorie")["annonces"].to_dict()
    assert by_category == {"escorting": 405, "petites_annonces": 107, "massages": 0, "rencontres": 187}
    assert sites["annonces"].sum() == 699                    # section II-B
    mirrors = sites[sites["groupe_miroir"] == "A"]
    assert len(mirrors) == 11 and set(mirrors["annonces"]) == {17}


def test_reads_xlsx_and_semicolon_csv(tmp_path, project_root):
    sites = inventory.read(project_root / "data/exemple-49/inventaire-sites-SYNTHETIQUE.csv")
    sites.to_excel(tmp_path / "inventaire.xlsx", index=False)
    assert inventory.read(tmp_path / "inventaire.xlsx")["annonces"].sum() == 137
    (tmp_path / "inventaire.csv").write_text(
        "site;categorie;annonces\nun.example;escorting;3\n", encoding="utf-8-sig")
    assert inventory.read(tmp_path / "inventaire.csv")["annonces"].tolist() == [3]


def test_bad_rows_are_all_reported(tmp_path):
    path = tmp_path / "inventaire.csv"
    path.write_text("site,categorie,annonces\n"
                    "a.example,escorting,12\n"
                    "b.example,escort,3\n"
                    "c.example,rencontres,douze\n"
                    "a.example,massages,1\n", encoding="utf-8")
    with pytest.raises(InputError) as error:
        inventory.read(path)
    message = str(error.value)
    assert "inventaire.csv" in message and "3 problème(s)" in message
    assert "ligne 3, colonne « categorie » : valeur « escort »" in message
    assert "ligne 4, colonne « annonces » : valeur « douze » ; attendu : un nombre entier" in message
    assert "ligne 5, colonne « site »" in message and "déjà ligne 2" in message


def test_missing_column(tmp_path):
    path = tmp_path / "inventaire.csv"
    path.write_text("site,annonces\na.example,3\n", encoding="utf-8")
    with pytest.raises(InputError, match="colonne « categorie »"):
        inventory.read(path)
