"""Benchmark: linking N synthetic ads into persons (time, peak memory, accuracy).

Usage: .venv/bin/python bench/bench_dedup.py 100000 1000000
Goals (issues 7 and 15): 100,000 ads in at most 60 s; 1,000,000 in at most 5 minutes and 8 GiB.
Each size in its own process; the world is generated first (not timed), then read
(pseudonymisation and masking, timed apart), then linked.
"""

import json
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def one(n_ads: int) -> dict:
    from diagnostic import ads, dedup
    from diagnostic.synthetic.world import write_world

    with tempfile.TemporaryDirectory() as folder:
        world = write_world(ROOT / "params/pas-de-calais.yaml", n_ads=n_ads, output=Path(folder) / "monde", root=ROOT)
        start = time.perf_counter()
        sheet = ads.read_ads(world / "annonces-SYNTHETIQUE.csv")
        reading = time.perf_counter() - start
        start = time.perf_counter()
        persons, _ = dedup.link(sheet)
        seconds = time.perf_counter() - start
        import pandas as pd
        truth = pd.read_csv(world / "verite/annonces-SYNTHETIQUE.csv", dtype=str, usecols=["id_annonce", "id_personne"])
    merged = persons.merge(truth.rename(columns={"id_personne": "vrai"}), on="id_annonce")
    scores = dedup.pairwise_scores(merged["id_personne"], merged["vrai"])
    return {"annonces": n_ads, "secondes_lecture": round(reading, 1), "secondes_liaison": round(seconds, 1),
            "memoire_max_Mio": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024),
            "personnes": int(persons["id_personne"].nunique()), "vraies_personnes": int(truth["id_personne"].nunique()),
            "f1": round(scores["f1"], 4)}


if __name__ == "__main__":
    if sys.argv[1] == "--un":
        print(json.dumps(one(int(sys.argv[2]))))
    else:
        for size in sys.argv[1:]:
            out = subprocess.run([sys.executable, __file__, "--un", size], capture_output=True, text=True, check=True)
            print(out.stdout.strip())
