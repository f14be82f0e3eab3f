"""Benchmark: the linkage of step 7 side by side with the first edition's rules and a naive
baseline, on the default synthetic world and on the worlds written apart from it.

Usage: .venv/bin/python bench/bench_liaison.py [ANNONCES_DES_MONDES_ECRITS_A_PART] [--mondes NOM …]
(`--mondes`: only these worlds, by their names in `bench_dedup.GENERATORS` or `defaut`; a world of
`bench_dedup.BLIND` is measured only so, when it judges a change)

The model was set (fields, comparisons, blocking, thresholds) on the default world and
the hand-written cases of tests/test_dedup.py; the independent world
(`synthetic.ads_independent`, written without the first generator's code) was measured
once, after, without changing anything. The third (`synthetic.ads_third`) was written by a
hand that had read neither the linkage nor the other generators; its first measurement is
the blind one (bench/RESULTATS.md), the later ones follow changes it showed to be needed.
The fourth (`synthetic.ads_fourth`, set in the Nord), the fifth (`synthetic.ads_fifth`, Gironde), the
sixth (`synthetic.ads_sixth`, Rhône), the seventh (`synthetic.ads_seventh`, Bouches-du-Rhône), the
eighth (`synthetic.ads_eighth`, Loire-Atlantique) and the ninth to thirteenth were written blind
in the same way, each first measured to judge one change of the model (bench/RESULTATS.md): the
ninth (`synthetic.ads_ninth`, Bas-Rhin) the u of the thirteenth session; in the fourteenth, the
tenth (`synthetic.ads_tenth`, Hérault) a weight of the pseudo, not kept, the eleventh
(`synthetic.ads_eleventh`, Alpes-Maritimes) the u of different persons, the twelfth
(`synthetic.ads_twelfth`, Haute-Garonne) their floor, the thirteenth (`synthetic.ads_thirteenth`,
Seine-Maritime) a reading of first names; in the fifteenth, the fourteenth
(`synthetic.ads_fourteenth`, Moselle) one person under a second first name (`dedup.RENAMED`);
in the sixteenth, the fifteenth (`synthetic.ads_fifteenth`, Isère) the height an ad declares, and
the sixteenth (`synthetic.ads_sixteenth`, Ille-et-Vilaine) a second first name through the looks.
The seventeenth (`synthetic.ads_seventeenth`, Paris), written blind in the sixteenth session, was
first measured in the eighteenth without any change of the model: the model's accuracy on a
corpus it had never met. The eighteenth (`synthetic.ads_eighteenth`, Var), written blind in the
eighteenth session, waits in `bench_dedup.BLIND` to judge the next change.
Each row also counts the networks of several persons of which two persons or more are found as
one (`dedup.networks_merged`).
"""

import argparse
import importlib
import json
import tempfile
import time
from pathlib import Path

import pandas as pd

from bench_dedup import GENERATORS
from diagnostic import ads, dedup, dedup_rules

ROOT = Path(__file__).resolve().parents[1]
BOULOGNE = {"Boulogne": "Boulogne-sur-Mer"}
# The worlds measured, by their names in `bench_dedup.GENERATORS` (those of `bench_dedup.BLIND` are not)
LABELS = {"defaut": "monde par défaut", "independant": "monde indépendant", "troisieme": "troisième monde",
          "quatrieme": "quatrième monde (Nord)", "cinquieme": "cinquième monde (Gironde)",
          "sixieme": "sixième monde (Rhône)", "septieme": "septième monde (Bouches-du-Rhône)",
          "huitieme": "huitième monde (Loire-Atlantique)", "neuvieme": "neuvième monde (Bas-Rhin)",
          "dixieme": "dixième monde (Hérault)", "onzieme": "onzième monde (Alpes-Maritimes)",
          "douzieme": "douzième monde (Haute-Garonne)", "treizieme": "treizième monde (Seine-Maritime)",
          "quatorzieme": "quatorzième monde (Moselle)", "quinzieme": "quinzième monde (Isère)",
          "seizieme": "seizième monde (Ille-et-Vilaine)", "dix-septieme": "dix-septième monde (Paris)"}


def scores(name: str, world: str, labels: pd.Series, truth: pd.DataFrame, seconds: float) -> dict:
    found, true = labels.nunique(), truth["id_personne"].nunique()
    merged, networks = dedup.networks_merged(labels, truth)
    return {"monde": world, "methode": name, "personnes": int(found), "vraies_personnes": int(true),
            "erreur_personnes": round((found - true) / true, 4), "secondes": round(seconds, 1),
            **{k: round(v, 4) for k, v in dedup.pairwise_scores(labels.reset_index(drop=True),
                                                                 truth["id_personne"].reset_index(drop=True)).items()},
            "reseaux_reunis": merged, "reseaux": networks}


def compare(world: str, sheet: pd.DataFrame, truth: pd.DataFrame, departement: str = "62") -> list[dict]:
    """The model, the first edition's rules and the naive baseline on one world; `truth`:
    `id_personne` and `id_reseau` by `id_annonce`."""
    truth = truth.loc[sheet["id_annonce"]]
    rows = []
    start = time.perf_counter()
    persons, _ = dedup.link(sheet, departement, BOULOGNE if departement == "62" else None)
    seconds = time.perf_counter() - start
    rows.append(scores("modèle (liens sûrs et probables)", world, persons["id_personne_probable"], truth, seconds))
    rows.append(scores("modèle (liens sûrs seuls)", world, persons["id_personne"], truth, seconds))
    start = time.perf_counter()
    rules, _ = dedup_rules.link_by_rules(sheet)
    rows.append(scores("règles de la première édition", world, rules["id_personne"], truth, time.perf_counter() - start))
    start = time.perf_counter()
    naive = dedup_rules.link_naive(sheet)
    rows.append(scores("base naïve (téléphones + trigrammes)", world, naive["id_personne"], truth,
                       time.perf_counter() - start))
    return rows


def world(name: str, size: int) -> tuple[pd.DataFrame, pd.DataFrame, str]:
    """The ads of a world (`LABELS`) as `ads.read_ads` gives them (a generated world is
    written to CSV and read back, as a département's sheet is), each ad's `id_personne` and
    `id_reseau` by `id_annonce`, and the world's département. The default world has its
    699 ads whatever `size`."""
    if name == "defaut":
        truth = pd.read_csv(ROOT / "data/synthetic/verite/annonces-SYNTHETIQUE.csv", dtype=str, keep_default_na=False)
        return (ads.read_ads(ROOT / "data/synthetic/annonces-SYNTHETIQUE.csv"),
                truth.set_index("id_annonce")[["id_personne", "id_reseau"]], "62")
    module_name, function = GENERATORS[name]
    module = importlib.import_module(f"diagnostic.synthetic.{module_name}")
    written, truth = getattr(module, f"{function}_world")(size)
    with tempfile.TemporaryDirectory() as folder:
        written.to_csv(Path(folder) / "annonces.csv", index=False)
        sheet = ads.read_ads(Path(folder) / "annonces.csv")
    return sheet, truth.set_index("id_annonce")[["id_personne", "id_reseau"]], getattr(module, "DEPARTEMENT", "62")


if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    parser.add_argument("taille", nargs="?", type=int, default=2000)
    parser.add_argument("--mondes", nargs="+", choices=["defaut", *GENERATORS], default=list(LABELS))
    args = parser.parse_args()
    for name in args.mondes:
        sheet, truth, departement = world(name, args.taille)
        for row in compare(f"{LABELS.get(name, name)} ({len(sheet)} annonces)", sheet, truth, departement):
            print(json.dumps(row, ensure_ascii=False), flush=True)
