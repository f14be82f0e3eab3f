"""Benchmark: a corpus of millions of ads, in sheets of a million, linked by the command
`diagnostic dedup` itself (issue 15: 10 000 000 ads on Spark in local mode).

Usage (pyspark in a folder of its own for Spark, never in the project's environment):
    PYTHONPATH=src:/chemin/spark-libs .venv/bin/python bench/bench_corpus.py DOSSIER [--moteur spark]

DOSSIER holds a world written by `diagnostic synth --ads N` (its sheet
`annonces-SYNTHETIQUE.csv` and `verite/`). Its sheet is cut into sheets of `SHEET_ADS` ads
(not timed: a national corpus arrives as several sheets, one per month or per site), then
the command runs in a process of its own: wall-clock seconds, the peak memory of the
command's processes together (Python and, on Spark, its Java machine), read from /proc
every second, the persons found and the pairwise F1 against the world's truth.
"""

import argparse
import csv
import json
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHEET_ADS = 1_000_000


def cut(sheet: Path, folder: Path, size: int = SHEET_ADS) -> list[Path]:
    """`sheet` (CSV) as sheets of at most `size` ads, each with the header row."""
    csv.field_size_limit(sys.maxsize)
    parts, writer, handle = [], None, None
    with sheet.open(newline="", encoding="utf-8") as source:
        rows = csv.reader(source)
        header = next(rows)
        for k, row in enumerate(rows):
            if k % size == 0:
                if handle:
                    handle.close()
                parts.append(folder / f"annonces-{len(parts) + 1:02d}.csv")
                handle = parts[-1].open("w", newline="", encoding="utf-8")
                writer = csv.writer(handle)
                writer.writerow(header)
            writer.writerow(row)
    if handle:
        handle.close()
    return parts


def _tree_memory(pid: int) -> int:
    """Resident memory (bytes) of process `pid` and all its descendants."""
    total, todo = 0, [pid]
    while todo:
        current = todo.pop()
        try:
            status = Path(f"/proc/{current}/status").read_text()
            total += next(int(line.split()[1]) * 1024 for line in status.splitlines() if line.startswith("VmRSS:"))
            for task in Path(f"/proc/{current}/task").iterdir():
                todo += [int(child) for child in (task / "children").read_text().split()]
        except (FileNotFoundError, ProcessLookupError, StopIteration):
            continue
    return total


def run(world: Path, engine: str, size: int = SHEET_ADS) -> dict:
    import pandas as pd

    from diagnostic import dedup

    with tempfile.TemporaryDirectory(dir=world) as folder:
        sheets = cut(world / "annonces-SYNTHETIQUE.csv", Path(folder), size)
        out = Path(folder) / "sortie"
        command = [sys.executable, "-m", "diagnostic", "dedup", "--ads", *map(str, sheets), "--out", str(out),
                   "--moteur", engine]
        start = time.perf_counter()
        process = subprocess.Popen(command, cwd=ROOT, stderr=subprocess.PIPE, text=True)
        peak = [0]

        def watch():
            while process.poll() is None:
                peak[0] = max(peak[0], _tree_memory(process.pid))
                time.sleep(1)

        watcher = threading.Thread(target=watch, daemon=True)
        watcher.start()
        said = []
        for line in process.stderr:   # the command's progress, shown as it comes
            print(line, end="", file=sys.stderr, flush=True)
            said.append(line)
        process.wait()
        seconds = time.perf_counter() - start
        watcher.join()
        if process.returncode:
            return {"annonces": None, "moteur": engine, "erreur": "".join(said[-5:])}
        persons = pd.read_csv(out / "annonces_personnes.csv", dtype=str)
        summary = json.loads((out / "resume.json").read_text(encoding="utf-8"))
    truth = pd.read_csv(world / "verite/annonces-SYNTHETIQUE.csv", dtype=str, usecols=["id_annonce", "id_personne"])
    merged = persons.merge(truth.rename(columns={"id_personne": "vrai"}), on="id_annonce")
    scores = dedup.pairwise_scores(merged["id_personne"], merged["vrai"])
    low = dedup.pairwise_scores(merged["id_personne_probable"], merged["vrai"])
    return {"annonces": len(persons), "fiches": len(sheets), "moteur": engine, "secondes": round(seconds, 1),
            "memoire_max_Mio": round(peak[0] / 2**20), "liens": sum(summary["liens_par_statut"].values()),
            "personnes": summary["personnes_haut"], "vraies_personnes": int(truth["id_personne"].nunique()),
            **{name: round(value, 4) for name, value in scores.items()},
            "personnes_bas": summary["personnes_bas"], **{f"{name}_bas": round(value, 4) for name, value in low.items()}}


if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    parser.add_argument("monde", type=Path)
    parser.add_argument("--moteur", default="duckdb", choices=["duckdb", "spark"])
    parser.add_argument("--par-fiche", type=int, default=SHEET_ADS, help="annonces par fiche")
    args = parser.parse_args()
    print(json.dumps(run(args.monde, args.moteur, args.par_fiche), ensure_ascii=False), flush=True)
