"""Time the computation of steps 4 to 7 (`ads.compute`, `sampling.compute`, `coding.compute`,
`deduplication.compute`) at several sizes of ad sheet, each size in its own process.

The worlds are written first (not timed) by `diagnostic synth --ads N` into
/tmp/bench-etapes-N with a parameters file pointing to them. Run from the project folder:

    .venv/bin/python bench/bench_etapes.py 700 5000 50000

Prints one Markdown table row per size: seconds of each step and the peak memory.
"""

from __future__ import annotations

import json
import re
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def world(ads: int) -> Path:
    """The parameters file of a synthetic world of `ads` ads (written once)."""
    folder = Path(f"/tmp/bench-etapes-{ads}")
    target = Path(f"/tmp/bench-etapes-{ads}.yaml")
    text = (ROOT / "params/pas-de-calais.yaml").read_text(encoding="utf-8").replace("data/synthetic", str(folder))
    target.write_text(text, encoding="utf-8")
    if not (folder / "annonces-SYNTHETIQUE.csv").is_file():
        subprocess.run([sys.executable, "-m", "diagnostic", "synth", "--params", str(target), "--ads", str(ads),
                        "--sortie", str(folder), "--remplacer"], check=True, cwd=ROOT, capture_output=True)
    return target


def measure(parameters: str) -> dict:
    """In this process: each step's compute, its result saved as the chapter saves it."""
    from diagnostic import ads, coding, deduplication, params, results, sampling

    run = params.load(Path(parameters), ROOT)
    build = Path(tempfile.mkdtemp(prefix="bench-etapes-"))
    times = {}
    for chapter, step in (("04", ads.compute), ("05", sampling.compute),
                          ("06", lambda r, root: coding.compute(r, root, build)),
                          ("07", lambda r, root: deduplication.compute(r, root, build))):
        start = time.perf_counter()
        result = step(run, ROOT)
        times[chapter] = time.perf_counter() - start
        if chapter != "04":
            results.save(chapter, result.numbers(), result.tables(), build)
    times["memoire_mio"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return times


def french(value: float, decimals: int = 1) -> str:
    return re.sub(r"(\d)(?=(\d{3})+(?!\d))", r"\1 ", f"{value:.{decimals}f}").replace(".", ",")


if __name__ == "__main__":
    if sys.argv[1] == "--mesure":
        print(json.dumps(measure(sys.argv[2])))
        sys.exit()
    print("| annonces | étape 4 (s) | étape 5 (s) | étape 6 (s) | étape 7 (s) | mémoire max (Mio) |")
    print("|---:|---:|---:|---:|---:|---:|")
    for size in map(int, sys.argv[1:]):
        parameters = world(size)
        out = subprocess.run([sys.executable, __file__, "--mesure", str(parameters)], check=True, cwd=ROOT,
                             capture_output=True, text=True).stdout
        found = json.loads(out.strip().splitlines()[-1])
        print(f"| {french(size, 0)} | " + " | ".join(french(found[c]) for c in ("04", "05", "06", "07"))
              + f" | {french(found['memoire_mio'], 0)} |", flush=True)
