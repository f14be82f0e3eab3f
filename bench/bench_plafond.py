"""Benchmark: how far the linkage of step 7 is from the best any scoring of its candidate
pairs could do, and how its persons move with the threshold of a sure link.

Usage: PYTHONPATH=src .venv/bin/python bench/bench_plafond.py [--mondes troisieme,…] [ANNONCES]

For each world (the default one, 699 ads, and the worlds written apart at ANNONCES ads; never
those kept blind, `bench_dedup.BLIND`, to judge the next change of the model):
- the model as `diagnostic dedup` runs it: persons by sure links, and by sure and probable links;
- the ceiling: every candidate pair the blocking gives (`scored_pairs` with floor 0) linked
  when, and only when, its two ads are truly of one person — a perfect scoring of the same
  pairs —, without the guard and with it (`grouped`: no two first names but through a link of
  `dedup.RENAMED`, no two eye colours, no ages too far apart in one person). Persons the
  ceiling still splits have ads that no candidate pair joins, or that the guard keeps apart;
- the persons and F1 when every pair of probability at least s is linked (with the guard),
  for a few thresholds s (`SURE` is one of them).
"""

import argparse
import sys
import tempfile
from pathlib import Path

import numpy as np
import pandas as pd
from scipy.sparse import coo_matrix
from scipy.sparse.csgraph import connected_components

from diagnostic import dedup

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_dedup import BLIND, GENERATORS  # noqa: E402
from bench_liaison import BOULOGNE, world  # noqa: E402

THRESHOLDS = (0.5, 0.8, 0.9, dedup.SURE, 0.999)
MEASURED = [name for name in GENERATORS if name not in BLIND]


def measured(groups, truth: pd.Series) -> str:
    """Persons found, their gap to the truth and the pairwise F1, as one cell."""
    labels = pd.Series(groups).astype(str)
    found, true = labels.nunique(), truth.nunique()
    f1 = dedup.pairwise_scores(labels, truth)["f1"]
    return f"{found} ({(found - true) / true:+.1%}), {f1:.3f}".replace(".", ",")


def row(name: str, size: int) -> list[str]:
    sheet, truths, departement = world(name, size)
    truth = truths.loc[sheet["id_annonce"], "id_personne"].reset_index(drop=True)
    fields = dedup.comparable(sheet, departement, BOULOGNE if departement == "62" else None)   # as bench_liaison
    with tempfile.TemporaryDirectory(prefix="diagnostic-duckdb-") as spill:
        pairs = dedup.scored_pairs(dedup.trained_model(fields, "duckdb", Path(spill)), len(sheet), floor=0.0)
    a, b, probability = pairs["a"].to_numpy(), pairs["b"].to_numpy(), pairs["probabilite"].to_numpy()
    guard = dedup.field_columns(fields, [*dedup.ONE_VALUE, "age", "taille"])
    # the model, as `linked_fields` groups its links
    sure = probability >= dedup.SURE
    high, low, _ = dedup.persons_by_links(guard, pairs, sure, ~sure & (probability >= dedup.PROBABLE))
    # the ceiling: the true pairs among the candidates
    true = truth.to_numpy()[a] == truth.to_numpy()[b]
    graph = coo_matrix((np.ones(true.sum()), (a[true], b[true])), shape=(len(sheet), len(sheet)))
    unguarded = connected_components(graph, directed=False)[1]
    second_name = dedup.renamed(pairs)
    guarded = dedup.grouped(guard, a[true], b[true], first=int(true.sum()), second_name=second_name[true])[0]
    at = [measured(dedup.grouped(guard, a[probability >= s], b[probability >= s], first=int((probability >= s).sum()),
                                 second_name=second_name[probability >= s])[0], truth) for s in THRESHOLDS]
    return [name, str(len(sheet)), str(truth.nunique()), measured(high, truth), measured(low, truth),
            measured(unguarded, truth), measured(guarded, truth), *at]


if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    parser.add_argument("annonces", type=int, nargs="?", default=2000)
    parser.add_argument("--mondes", default=",".join(["defaut", *MEASURED]))
    options = parser.parse_args()
    names = options.mondes.split(",")
    if set(names) & set(BLIND):
        sys.exit(f"non mesurés : {', '.join(sorted(set(names) & set(BLIND)))} (ils jugeront le prochain changement du modèle)")
    header = ["monde", "annonces", "personnes", "liens sûrs", "sûrs et probables", "plafond sans garde",
              "plafond avec garde", *[f"p ≥ {s}".replace(".", ",") for s in THRESHOLDS]]
    print("| " + " | ".join(header) + " |")
    print("|" + "---|" * len(header))
    for name in names:
        print("| " + " | ".join(row(name, options.annonces)) + " |", flush=True)
