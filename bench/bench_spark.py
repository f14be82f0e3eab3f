"""Benchmark: the same linkage on Spark (local mode) and on DuckDB, side by side.

Usage (pyspark in a folder of its own, never in the project's environment):
    pip install --target /chemin/spark-libs 'pyspark==4.0.1'
    PYTHONPATH=src:/chemin/spark-libs .venv/bin/python bench/bench_spark.py [--monde DOSSIER] 100000

Each engine in its own process (`bench_dedup.py --un`), on the same synthetic world:
seconds (wall clock and processor), peak memory of the Python process (Spark's JVM is
apart), persons found, pairwise F1. Not a test: Spark and Java are not in the project's
requirements; `tests/test_dedup.py` checks the interface and the DuckDB results.
"""

import argparse
import json
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent

if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    parser.add_argument("tailles", nargs="+", type=int)
    parser.add_argument("--monde", type=Path, default=None)
    args = parser.parse_args()
    for size in args.tailles:
        for engine in ("spark", "duckdb"):
            command = [sys.executable, str(HERE / "bench_dedup.py"), "--un", str(size), "--moteur", engine]
            command += ["--monde", str(args.monde)] if args.monde else []
            out = subprocess.run(command, capture_output=True, text=True)
            if out.returncode:
                print(json.dumps({"annonces": size, "moteur": engine, "erreur": out.stderr.strip().splitlines()[-1:]},
                                 ensure_ascii=False), flush=True)
            else:
                print(out.stdout.strip(), flush=True)
