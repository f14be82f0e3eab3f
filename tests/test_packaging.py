"""The package as others install it: the wheel holds every file the code reads, and the light
commands (`mse`, `dedup`, `communes`, `accord`, `cle`) need neither Jupyter nor the book's tools."""

import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def test_the_wheel_holds_the_instrument_and_the_reference_data(tmp_path):
    source = tmp_path / "source"  # built from a copy: pip builds in the source tree (build/, *.egg-info)
    shutil.copytree(ROOT / "src", source / "src", ignore=shutil.ignore_patterns("*.egg-info", "__pycache__"))
    for name in ("pyproject.toml", "README.md"):
        shutil.copy2(ROOT / name, source / name)
    subprocess.run([sys.executable, "-m", "pip", "wheel", str(source), "--no-deps", "--quiet", "-w", str(tmp_path)],
                   check=True, capture_output=True)
    names = zipfile.ZipFile(next(tmp_path.glob("diagnostic-*.whl"))).namelist()
    for needed in ("diagnostic/instrument/questionnaire.yaml", "diagnostic/instrument/codebook.yaml",
                   "diagnostic/reference/communes.csv", "diagnostic/reference/codes_postaux.csv",
                   "diagnostic/reference/departements.csv", "diagnostic/reference/arrondissements.csv"):
        assert needed in names, needed
    metadata = zipfile.ZipFile(next(tmp_path.glob("diagnostic-*.whl"))).read(
        next(n for n in names if n.endswith("METADATA"))).decode()
    assert 'Requires-Dist: jupyter-book<2,>=1.0.4; extra == "book"' in metadata
    assert "Requires-Dist: splink" in metadata and "Provides-Extra: dev" in metadata


def test_the_light_commands_import_nothing_of_the_book():
    code = ("import sys, diagnostic.cli, diagnostic.dedup, diagnostic.communes, diagnostic.mse, diagnostic.coding, "
            "diagnostic.privacy, diagnostic.params\n"
            "diagnostic.params.Synthese()\n"
            "heavy = sorted({m.split('.')[0] for m in sys.modules} & {'IPython', 'papermill', 'jupyter_book', "
            "'nbformat', 'myst_nb', 'vl_convert', 'pypdf'})\n"
            "print(heavy)")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "[]"
