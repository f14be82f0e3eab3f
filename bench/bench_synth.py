"""Benchmark: time and peak memory of writing a synthetic world of N ads.

Usage: .venv/bin/python bench/bench_synth.py 10000 100000 1000000
Goal (issue 3): 1,000,000 ads in at most 60 s and 4 GiB on the project's 2-core machine.
Each size runs in its own process so that peak memory (ru_maxrss) is that size's own.
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
    from diagnostic.synthetic.world import write_world

    with tempfile.TemporaryDirectory() as folder:
        start = time.perf_counter()
        write_world(ROOT / "params/pas-de-calais.yaml", n_ads=n_ads, output=Path(folder) / "monde", root=ROOT)
        seconds = time.perf_counter() - start
    return {"annonces": n_ads, "secondes": round(seconds, 1),
            "memoire_max_Mio": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)}


if __name__ == "__main__":
    if sys.argv[1] == "--un":
        print(json.dumps(one(int(sys.argv[2]))))
    else:
        for size in sys.argv[1:]:
            out = subprocess.run([sys.executable, __file__, "--un", size], capture_output=True, text=True, check=True)
            print(out.stdout.strip())
