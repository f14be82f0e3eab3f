"""Command line: `diagnostic run --params params/X.yaml`."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from .errors import InputError
from .run import RunError, run
from .synthetic.world import write_world


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="diagnostic",
        description="Manuel reproductible du diagnostic départemental de la prostitution.")
    commands = parser.add_subparsers(dest="commande", required=True)
    build = commands.add_parser("run", help="exécuter les notebooks et construire le livre")
    build.add_argument("--params", required=True, type=Path,
                       help="fichier de paramètres du run (par exemple params/pas-de-calais.yaml)")
    build.add_argument("--sortie", type=Path, default=None,
                       help="dossier des livres construits (par défaut : _build/)")
    synth = commands.add_parser("synth", help="écrire le monde synthétique du département")
    synth.add_argument("--params", required=True, type=Path, help="fichier de paramètres")
    synth.add_argument("--seed", "--graine", dest="graine", type=int, default=None,
                       help="graine (par défaut : monde_synthetique.graine)")
    synth.add_argument("--ads", "--annonces", dest="annonces", type=int, default=None,
                       help="nombre d'annonces (par défaut : celui de l'inventaire modèle)")
    synth.add_argument("--sortie", type=Path, default=None,
                       help="dossier où écrire (par défaut : monde_synthetique.dossier)")
    args = parser.parse_args(argv)

    try:
        if args.commande == "run":
            run(args.params, output=args.sortie)
        else:
            write_world(args.params, seed=args.graine, n_ads=args.annonces, output=args.sortie)
    except (InputError, RunError, FileNotFoundError) as exc:
        print(f"\nErreur : {exc}", file=sys.stderr)
        return 2
    return 0
