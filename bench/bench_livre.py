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
Prints a Markdown table (seconds; chapters executed; Jupyter Book's share) and the
machine's load, for bench/RESULTATS.md.
"""

from __future__ import annotations

import argparse
import os
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]


def build(params: Path, output: Path, *options: str) -> dict:
    began = time.monotonic()
    result = subprocess.run([sys.executable, "-m", "diagnostic", "run", "--params", str(params),
                             "--sortie", str(output), *options], cwd=ROOT, capture_output=True, text=True)
    seconds = time.monotonic() - began
    if result.returncode != 0:
        sys.exit(f"Échec de la construction ({' '.join(options)}) :\n{result.stderr[-3000:]}")
    log = result.stderr

    def times(pattern: str) -> list[float]:
        return [float(value.replace(",", ".")) for value in re.findall(pattern, log)]

    return {"secondes": seconds, "executes": re.findall(r"✓ (\S+) : exécuté", log),
            "chapitres": sum(times(r"exécuté en ([\d,]+) s")), "livre": sum(times(r"livre construit en ([\d,]+) s")),
            "controle": sum(times(r"contrôlé en ([\d,]+) s"))}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sortie", type=Path, default=None)
    args = parser.parse_args()
    folder = Path(args.sortie or tempfile.mkdtemp(prefix="bench-livre-"))
    params = folder / "parametres" / "pas-de-calais.yaml"
    params.parent.mkdir(parents=True, exist_ok=True)
    content = yaml.safe_load((ROOT / "params/pas-de-calais.yaml").read_text(encoding="utf-8"))
    params.write_text(yaml.safe_dump(content, allow_unicode=True), encoding="utf-8")
    output = folder / "livres"

    rows = [("à froid (dossier de sortie vide)", build(params, output)),
            ("à chaud, tout réexécuté (--tout)", build(params, output, "--tout")),
            ("à chaud, rien de changé", build(params, output)),
            ("--only 05", build(params, output, "--only", "05"))]
    content.setdefault("synthese", {})["auteurs"] = "L'équipe du banc d'essai"
    params.write_text(yaml.safe_dump(content, allow_unicode=True), encoding="utf-8")
    rows.append(("un paramètre lu par un chapitre (synthese.auteurs)", build(params, output)))

    def fmt(value: float) -> str:
        return f"{value:.1f}".replace(".", ",")

    print(f"Charge de la machine (1, 5, 15 min) : {', '.join(fmt(v) for v in os.getloadavg())} ; "
          f"{os.cpu_count()} cœurs.\n")
    print("| construction | secondes | chapitres exécutés | exécution (somme, s) | Jupyter Book (s) | contrôle (s) |")
    print("|---|---:|---|---:|---:|---:|")
    for name, row in rows:
        executed = ", ".join(chapter[:2] for chapter in row["executes"]) or "aucun"
        print(f"| {name} | {fmt(row['secondes'])} | {executed} | {fmt(row['chapitres'])} | {fmt(row['livre'])} "
              f"| {fmt(row['controle'])} |")


if __name__ == "__main__":
    main()
