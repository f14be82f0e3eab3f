"""Parameters are checked before anything runs, with French messages naming the key."""

import subprocess
import sys

import pytest
import yaml

from diagnostic import params
from diagnostic.errors import InputError

DEFAULT = {
    "departement": {"code": "62"},
    "donnees": {"nature": "publiees", "inventaire_sites": "data/reference/pas-de-calais-sites-2018.csv"},
    "echantillonnage": {"marge_erreur": 0.05, "niveau_confiance": 0.95,
                        "proportion_attendue": 0.5, "graine": 2018},
}


def write(tmp_path, content):
    path = tmp_path / "essai.yaml"
    path.write_text(content if isinstance(content, str) else yaml.safe_dump(content), encoding="utf-8")
    return path


def changed(section, key, value):
    content = {k: dict(v) for k, v in DEFAULT.items()}
    content[section][key] = value
    return content


def test_default_parameters_load(project_root):
    run = params.load(project_root / "params/pas-de-calais.yaml", project_root)
    assert run.departement.code == "62" and run.departement.nom == "Pas-de-Calais"
    assert run.book_title == "Diagnostic départemental de la prostitution — Pas-de-Calais"
    assert run.echantillonnage.marge_erreur == 0.05


def test_example_49_loads(project_root):
    run = params.load(project_root / "params/exemple-49.yaml", project_root)
    assert run.departement.nom == "Maine-et-Loire"
    assert "exemple fictif" in run.book_title


@pytest.mark.parametrize("code, expected", [("2A", "Corse-du-Sud"), ("974", "La Réunion"),
                                            (1, "Ain"), ("2b", "Haute-Corse")])
def test_departement_codes_accepted(tmp_path, project_root, code, expected):
    run = params.load(write(tmp_path, changed("departement", "code", code)), project_root)
    assert run.departement.nom == expected


@pytest.mark.parametrize("code", ["20", "00", "96", "975", "977", "Pas-de-Calais", ""])
def test_unknown_departement_codes_rejected(tmp_path, project_root, code):
    with pytest.raises(InputError) as error:
        params.load(write(tmp_path, changed("departement", "code", code)), project_root)
    message = str(error.value)
    assert "essai.yaml" in message and "clé « departement.code »" in message
    assert f"« {code} »" in message and "code INSEE de département existant" in message


@pytest.mark.parametrize("key, value, expected", [
    ("marge_erreur", 0, "strictement supérieur à 0"),
    ("marge_erreur", 1.5, "strictement inférieur à 1"),
    ("niveau_confiance", 1, "strictement inférieur à 1"),
    ("proportion_attendue", "moitié", "un nombre"),
    ("graine", -1, "supérieur ou égal à 0"),
])
def test_out_of_range_values(tmp_path, project_root, key, value, expected):
    with pytest.raises(InputError) as error:
        params.load(write(tmp_path, changed("echantillonnage", key, value)), project_root)
    assert f"clé « echantillonnage.{key} »" in str(error.value)
    assert expected in str(error.value)


def test_missing_input_file(tmp_path, project_root):
    content = changed("donnees", "inventaire_sites", "data/absent.csv")
    with pytest.raises(InputError, match="clé « donnees.inventaire_sites ».*data/absent.csv.*introuvable"):
        params.load(write(tmp_path, content), project_root)


def test_unknown_and_missing_keys(tmp_path, project_root):
    content = changed("echantillonnage", "marge_erreure", 0.05)
    del content["echantillonnage"]["marge_erreur"]
    with pytest.raises(InputError) as error:
        params.load(write(tmp_path, content), project_root)
    message = str(error.value)
    assert "2 problème(s)" in message
    assert "clé « echantillonnage.marge_erreure »" in message and "clé inconnue" in message
    assert "clé « echantillonnage.marge_erreur » : valeur absente" in message


def test_yaml_syntax_error_names_the_line(tmp_path, project_root):
    path = write(tmp_path, "departement:\n  code: \"62\"\n donnees: [\n")
    with pytest.raises(InputError) as error:
        params.load(path, project_root)
    assert str(error.value).endswith("ligne 3 : valeur « donnees: [ » ; attendu : du YAML valide : « clé: valeur », "
                                     "une rubrique par ligne, indentée par des espaces.")


# Hand-written broken files: the line reported is the line to correct (issue 17, section 4).
VALID_TEXT = ("departement:\n  code: \"62\"\ndonnees:\n  nature: publiees\n"
              "  inventaire_sites: data/reference/pas-de-calais-sites-2018.csv\n"
              "echantillonnage:\n  marge_erreur: 0.05\n  niveau_confiance: 0.95\n  proportion_attendue: 0.5\n"
              "  graine: 2018\n")


@pytest.mark.parametrize("broken, message", [
    (VALID_TEXT.replace("  nature: publiees", "  nature publiees"),
     "ligne 4 : valeur « nature publiees » ; attendu : « clé: valeur » : les deux-points manquent après la clé."),
    (VALID_TEXT.replace("  marge_erreur", "\tmarge_erreur"),
     "ligne 7 : valeur « marge_erreur: 0.05 » ; attendu : une indentation par espaces (cette ligne contient "
     "une tabulation)."),
    (VALID_TEXT.replace('code: "62"', 'code: "62'),
     "ligne 2 : valeur « code: \"62 » ; attendu : des guillemets fermés sur la même ligne que la valeur "
     "qu'ils ouvrent."),
    (VALID_TEXT.replace("  inventaire_sites: data", "  inventaire_sites: 'data"),
     "ligne 5 : valeur « inventaire_sites: 'data/reference/pas-de-calais-sites-2018.csv » ; attendu : des "
     "guillemets fermés sur la même ligne que la valeur qu'ils ouvrent."),
], ids=["deux-points", "tabulation", "guillemet-double", "guillemet-simple"])
def test_hand_broken_yaml_points_to_the_line_to_correct(tmp_path, project_root, broken, message):
    with pytest.raises(InputError) as error:
        params.load(write(tmp_path, broken), project_root)
    assert str(error.value).splitlines()[1] == f"  - {message}"


def test_apostrophes_inside_values_are_not_quotes(tmp_path, project_root):
    text = VALID_TEXT.replace("departement:", "titre: L'exemple d'un livre  # l'essai\ndepartement:")
    assert params.load(write(tmp_path, text), project_root).book_title == "L'exemple d'un livre"


def test_a_key_written_twice_is_refused_naming_both_lines(tmp_path, project_root):
    text = VALID_TEXT + "  marge_erreur: 0.03\n"
    with pytest.raises(InputError) as error:
        params.load(write(tmp_path, text), project_root)
    assert str(error.value).splitlines()[1] == (
        "  - lignes 7 et 11 : valeur « marge_erreur » ; attendu : une clé écrite une seule fois dans sa rubrique "
        "(la seconde valeur remplacerait la première sans le dire) : gardez l'une des deux lignes.")


def test_a_section_written_twice_is_refused(tmp_path, project_root):
    text = VALID_TEXT + "departement:\n  code: \"59\"\n"
    with pytest.raises(InputError, match="lignes 1 et 11 : valeur « departement »"):
        params.load(write(tmp_path, text), project_root)


def test_a_latin1_file_is_refused_with_its_line(tmp_path, project_root):
    path = tmp_path / "essai.yaml"
    path.write_bytes(VALID_TEXT.replace("departement:\n", "departement:\n  # Département du Pas-de-Calais\n", 1)
                     .encode("latin-1"))
    with pytest.raises(InputError) as error:
        params.load(path, project_root)
    assert str(error.value).splitlines()[1] == (
        "  - ligne 2 : valeur « # Département du Pas-de-Calais » ; attendu : un fichier enregistré en UTF-8 : "
        "il semble enregistré en Latin-1 ou Windows-1252 (accents) ; enregistrez-le à nouveau en choisissant "
        "l'encodage UTF-8.")


def test_an_alias_must_name_a_commune_of_the_departement(tmp_path, project_root):
    good = VALID_TEXT + "communes:\n  alias: {Boulogne: Boulogne-sur-Mer}\n"
    assert params.load(write(tmp_path, good), project_root).communes.alias == {"Boulogne": "Boulogne-sur-Mer"}
    bad = VALID_TEXT + "communes:\n  alias: {Boulogne: Boulogne-sur-Mer, Berck: Berck-Plage}\n"
    with pytest.raises(InputError) as error:
        params.load(write(tmp_path, bad), project_root)
    assert str(error.value).splitlines()[1] == (
        "  - clé « communes » : valeur « {…} » ; attendu : des alias qui désignent chacun une commune du "
        "département 62, écrite comme dans le Code officiel géographique ; aucune commune pour : "
        "Berck → Berck-Plage (clé communes.alias).")


def test_command_line_refuses_bad_parameters_and_builds_nothing(tmp_path, project_root):
    path = write(tmp_path, changed("echantillonnage", "marge_erreur", 5))
    output = tmp_path / "sortie"
    result = subprocess.run([sys.executable, "-m", "diagnostic", "run", "--params", str(path),
                             "--sortie", str(output)], cwd=project_root, capture_output=True, text=True)
    assert result.returncode == 2
    assert "clé « echantillonnage.marge_erreur »" in result.stderr
    assert "strictement inférieur à 1" in result.stderr
    assert not output.exists()


def _keys(model, prefix=""):
    from pydantic import BaseModel
    for name, info in model.model_fields.items():
        annotation = info.annotation
        inner = [a for a in getattr(annotation, "__args__", ()) if isinstance(a, type) and issubclass(a, BaseModel)]
        nested = annotation if isinstance(annotation, type) and issubclass(annotation, BaseModel) else (
            inner[0] if inner else None)
        if nested is None or nested.__name__ == "VillePrincipale":
            yield f"{prefix}{name}"  # a value (or a list of towns): what users write
        else:
            yield from _keys(nested, f"{prefix}{name}.")


def test_every_parameter_is_documented_in_the_book(project_root):
    page = (project_root / "book/reutiliser.md").read_text(encoding="utf-8")
    keys = list(_keys(params.Parametres))
    assert "echantillonnage.graine" in keys and "monde_synthetique.villes_principales" in keys
    for key in keys:
        assert f"`{key}`" in page, key


def test_unknown_town_is_refused(tmp_path, project_root):
    content = yaml.safe_load((project_root / "params/pas-de-calais.yaml").read_text(encoding="utf-8"))
    content["monde_synthetique"]["villes_principales"][0]["commune"] = "Lenz"
    with pytest.raises(InputError, match="inconnues : Lenz"):
        params.load(write(tmp_path, content), project_root)
