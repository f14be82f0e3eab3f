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
    assert run.notebook_values()["marge_erreur"] == 0.05


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
    with pytest.raises(InputError, match=r"ligne \d+, colonne \d+"):
        params.load(path, project_root)


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
