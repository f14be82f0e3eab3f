"""Benchmark: linking N synthetic ads into persons (time, peak memory, accuracy).

Usage: PYTHONPATH=src .venv/bin/python bench/bench_dedup.py [--moteur spark] [--monde DOSSIER]
       [--generateur independant|troisieme|…|dix-septieme|dix-huitieme] 100000 1000000
Goals (issues 7 and 15): 1,000,000 ads read and linked in at most 5 minutes and 8 GiB.
Each size in its own process; the world is generated first (not timed; `--monde` reuses
worlds already written, `DOSSIER/monde<N>`; `--generateur independant` writes the second,
separately written world of `synthetic.ads_independent` instead of the first, `troisieme` the third,
`synthetic.ads_third`, written by a hand that never saw the linkage nor the other two, `quatrieme` the
fourth, `synthetic.ads_fourth`, `cinquieme`, `sixieme` and `septieme` the fifth, sixth and seventh, `synthetic.ads_fifth`, `ads_sixth` and
`ads_seventh`, written blind too, `huitieme` the eighth, `ads_eighth`,
`neuvieme` the ninth, `ads_ninth`, `dixieme` the tenth, `ads_tenth`, `onzieme` the eleventh,
`ads_eleventh`, `douzieme` the twelfth, `ads_twelfth`, `treizieme` the thirteenth,
`ads_thirteenth`, `quatorzieme` the fourteenth, `ads_fourteenth`, `quinzieme` the fifteenth,
`ads_fifteenth`, `seizieme` the sixteenth, `ads_sixteenth`, `dix-septieme` the seventeenth,
`ads_seventeenth`, and `dix-huitieme` the eighteenth, `ads_eighteenth`; a world written blind
is kept unmeasured in `BLIND` until it judges a change of the model), then read
(pseudonymisation and masking, timed apart), then linked. Wall-clock and processor seconds
are both given: on a shared machine the wall clock also counts the other programs' turns.
Memory: the peak of this process, and the largest peak of the processes it forked to read a
national corpus (`text.each`; their pages are shared with this one until written, so the sum
of the two bounds the whole from above).
"""

import argparse
import importlib
import json
import os
import resource
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def processor() -> float:
    """Processor seconds of this process and of the processes it forked and waited for."""
    times = os.times()
    return times.user + times.system + times.children_user + times.children_system


# the worlds written apart from the first generator: `--generateur` → (module, name of its `write_<name>_world`)
GENERATORS = {"independant": ("ads_independent", "independent"), "troisieme": ("ads_third", "third"),
              "quatrieme": ("ads_fourth", "fourth"), "cinquieme": ("ads_fifth", "fifth"),
              "sixieme": ("ads_sixth", "sixth"), "septieme": ("ads_seventh", "seventh"),
              "huitieme": ("ads_eighth", "eighth"), "neuvieme": ("ads_ninth", "ninth"),
              "dixieme": ("ads_tenth", "tenth"), "onzieme": ("ads_eleventh", "eleventh"),
              "douzieme": ("ads_twelfth", "twelfth"), "treizieme": ("ads_thirteenth", "thirteenth"),
              "quatorzieme": ("ads_fourteenth", "fourteenth"), "quinzieme": ("ads_fifteenth", "fifteenth"),
              "seizieme": ("ads_sixteenth", "sixteenth"), "dix-septieme": ("ads_seventeenth", "seventeenth"),
              "dix-huitieme": ("ads_eighteenth", "eighteenth")}
BLIND = ("dix-huitieme",)   # written blind and not yet measured: the judges of the next change of the model


def one(n_ads: int, engine: str, worlds: Path | None, generator: str) -> dict:
    import pandas as pd

    from diagnostic import ads, dedup
    from diagnostic.synthetic.world import write_world

    with tempfile.TemporaryDirectory() as folder:
        world = worlds / f"monde{n_ads}" if worlds else Path(folder) / "monde"
        if not (world / "annonces-SYNTHETIQUE.csv").is_file():
            # written beside, then renamed: a run stopped while writing leaves no half world to reuse
            written = world.with_name(world.name + ".en-cours")
            shutil.rmtree(written, ignore_errors=True)
            if generator == "premier":
                write_world(ROOT / "params/pas-de-calais.yaml", n_ads=n_ads, output=written, root=ROOT)
            else:
                module, name = GENERATORS[generator]
                getattr(importlib.import_module(f"diagnostic.synthetic.{module}"), f"write_{name}_world")(n_ads, written)
            shutil.rmtree(world, ignore_errors=True)
            written.rename(world)
        start, cpu = time.perf_counter(), processor()
        sheet = ads.read_ads(world / "annonces-SYNTHETIQUE.csv")
        reading, reading_cpu = time.perf_counter() - start, processor() - cpu
        start, cpu = time.perf_counter(), processor()
        persons, links = dedup.link(sheet, engine=engine)
        seconds, seconds_cpu = time.perf_counter() - start, processor() - cpu
        truth = pd.read_csv(world / "verite/annonces-SYNTHETIQUE.csv", dtype=str, usecols=["id_annonce", "id_personne"])
    merged = persons.merge(truth.rename(columns={"id_personne": "vrai"}), on="id_annonce")
    scores = dedup.pairwise_scores(merged["id_personne"], merged["vrai"])
    low = dedup.pairwise_scores(merged["id_personne_probable"], merged["vrai"])   # sure and probable links
    return {"annonces": len(sheet), "generateur": generator, "moteur": engine, "secondes_lecture": round(reading, 1),
            "secondes_processeur_lecture": round(reading_cpu, 1), "secondes_liaison": round(seconds, 1),
            "secondes_processeur_liaison": round(seconds_cpu, 1), "liens": len(links),
            "memoire_max_Mio": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024),
            "memoire_max_processus_fils_Mio": round(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024),
            "personnes": int(persons["id_personne"].nunique()), "vraies_personnes": int(truth["id_personne"].nunique()),
            **{name: round(value, 4) for name, value in scores.items()},
            "personnes_bas": int(persons["id_personne_probable"].nunique()),
            **{f"{name}_bas": round(value, 4) for name, value in low.items()}}


if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    parser.add_argument("tailles", nargs="+", type=int)
    parser.add_argument("--moteur", default="duckdb")
    parser.add_argument("--monde", type=Path, default=None)
    parser.add_argument("--generateur", choices=["premier", *GENERATORS], default="premier")
    parser.add_argument("--un", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.un:
        # a polite stop (SIGTERM, `timeout`) ends through the cleanups: DuckDB's spill folder is removed
        signal.signal(signal.SIGTERM, lambda number, frame: sys.exit(128 + number))
        print(json.dumps(one(args.tailles[0], args.moteur, args.monde, args.generateur)))
    else:
        for size in args.tailles:
            command = [sys.executable, __file__, "--un", str(size), "--moteur", args.moteur,
                       "--generateur", args.generateur]
            command += ["--monde", str(args.monde)] if args.monde else []
            done = subprocess.run(command, capture_output=True, text=True)
            print(done.stdout.strip() if done.returncode == 0 else done.stderr.strip(), flush=True)
