"""Time the book's builds: cold, warm, nothing changed, one chapter, one parameter.

    PYTHONPATH=src .venv/bin/python bench/bench_livre.py [--sortie DOSSIER]

Each build is the command a reader types (`python -m diagnostic run`), in its own process,
on the default edition (params/pas-de-calais.yaml, synthetic data), into a temporary output
folder (or `--sortie`). The parameters file is copied there under the same name, so that
the parameter change of the last build does not touch the project. In order:
1. cold: an empty output folder (every chapter executed, the vega bundle written);
2. warm, everything executed again (`--tout`);
3. warm, nothing changed (no chapter executed, the book not rebuilt);
4. `--only 05` (a workshop: chapter 5 executed again, same parameters);
5. one parameter read by one chapter changed (`synthese.auteurs`, read by chapter 8 only).
`--repetitions N` runs the warm builds N times (the median is shown, and every value). Prints a
Markdown table (wall-clock seconds; processor seconds of the build and its children; chapters
executed; Jupyter Book's and the check's shares; the machine's load before each build), for
bench/RESULTATS.md: the machine is shared, the processor seconds say what the load does not.
"""

from __future__ import annotations

import argparse
import os
import re
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]


def build(params: Path, output: Path, *options: str) -> dict:
    load = os.getloadavg()[0]
    processor = resource.getrusage(resource.RUSAGE_CHILDREN)
    began = time.monotonic()
    result = subprocess.run([sys.executable, "-m", "diagnostic", "run", "--params", str(params),
                             "--sortie", str(output), *options], cwd=ROOT, capture_output=True, text=True)
    seconds = time.monotonic() - began
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = after.ru_utime + after.ru_stime - processor.ru_utime - processor.ru_stime
    if result.returncode != 0:
        sys.exit(f"Échec de la construction ({' '.join(options)}) :\n{result.stderr[-3000:]}")
    log = result.stderr

    def times(pattern: str) -> list[float]:
        return [float(value.replace(",", ".")) for value in re.findall(pattern, log)]

    return {"secondes": seconds, "processeur": cpu, "charge": load, "executes": re.findall(r"✓ (\S+) : exécuté", log),
            "chapitres": sum(times(r"exécuté en ([\d,]+) s")), "livre": sum(times(r"livre construit en ([\d,]+) s")),
            "controle": sum(times(r"contrôlé en ([\d,]+) s"))}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sortie", type=Path, default=None)
    parser.add_argument("--repetitions", type=int, default=1)
    args = parser.parse_args()
    folder = Path(args.sortie or tempfile.mkdtemp(prefix="bench-livre-"))
    params = folder / "parametres" / "pas-de-calais.yaml"
    params.parent.mkdir(parents=True, exist_ok=True)
    content = yaml.safe_load((ROOT / "params/pas-de-calais.yaml").read_text(encoding="utf-8"))
    params.write_text(yaml.safe_dump(content, allow_unicode=True), encoding="utf-8")
    output = folder / "livres"

    authors = iter(f"L'équipe du banc d'essai, mesure {k}" for k in range(1, 1000))

    def one_parameter() -> dict:
        content.setdefault("synthese", {})["auteurs"] = next(authors)
        params.write_text(yaml.safe_dump(content, allow_unicode=True), encoding="utf-8")
        return build(params, output)

    cold = build(params, output)
    runs: dict[str, list[dict]] = {name: [] for name in ("tout", "rien", "05", "parametre")}
    for _ in range(args.repetitions):
        runs["tout"].append(build(params, output, "--tout"))
        runs["rien"].append(build(params, output))
        runs["05"].append(build(params, output, "--only", "05"))
        runs["parametre"].append(one_parameter())
    rows = [("à froid (dossier de sortie vide)", [cold]), ("à chaud, tout réexécuté (--tout)", runs["tout"]),
            ("à chaud, rien de changé", runs["rien"]), ("--only 05", runs["05"]),
            ("un paramètre lu par un chapitre (synthese.auteurs)", runs["parametre"])]

    def fmt(value: float) -> str:
        return f"{value:.1f}".replace(".", ",")

    print(f"Charge de la machine (1, 5, 15 min) : {', '.join(fmt(v) for v in os.getloadavg())} ; "
          f"{os.cpu_count()} cœurs.\n")
    def median(measures: list[dict], key: str) -> str:
        shown = fmt(statistics.median(m[key] for m in measures))
        return shown if len(measures) == 1 else f"{shown} ({' ; '.join(fmt(m[key]) for m in measures)})"

    print("| construction | secondes | processeur (s) | charge | chapitres exécutés | exécution (somme, s) "
          "| Jupyter Book (s) | contrôle (s) |")
    print("|---|---:|---:|---:|---|---:|---:|---:|")
    for name, measures in rows:
        executed = ", ".join(chapter[:2] for chapter in measures[0]["executes"]) or "aucun"
        print(f"| {name} | {median(measures, 'secondes')} | {median(measures, 'processeur')} "
              f"| {median(measures, 'charge')} | {executed} | {median(measures, 'chapitres')} "
              f"| {median(measures, 'livre')} | {median(measures, 'controle')} |")


if __name__ == "__main__":
    main()
