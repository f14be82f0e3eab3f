"""Command line: `diagnostic run`, `synth`, `nouveau`, `mse`, `communes`, `dedup`, `accord` and `cle`."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

import pandas as pd

from . import ads, coding, communes, dedup, mse, privacy
from .errors import InputError, Problem
from .paths import project_root
from .run import RunError, run
from .synthetic.world import write_world
from .tables import read_frame


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
    build.add_argument("--only", "--seulement", dest="seulement", action="append", default=None, metavar="CHAPITRE",
                       help="réexécuter ce chapitre seulement (par exemple 05 ; répétable), les autres "
                            "étant repris du dernier livre construit")
    build.add_argument("--pdf", action="store_true",
                       help="imprimer aussi la restitution (synthèse) en PDF dans _build/<run>/pdf/")
    synth = commands.add_parser("synth", help="écrire le monde synthétique du département")
    synth.add_argument("--params", required=True, type=Path, help="fichier de paramètres")
    synth.add_argument("--seed", "--graine", dest="graine", type=int, default=None,
                       help="graine (par défaut : monde_synthetique.graine)")
    synth.add_argument("--ads", "--annonces", dest="annonces", type=int, default=None,
                       help="nombre d'annonces (par défaut : celui de l'inventaire modèle)")
    synth.add_argument("--sortie", type=Path, default=None,
                       help="dossier où écrire (par défaut : monde_synthetique.dossier)")
    estimate = commands.add_parser("mse", help="estimation par systèmes multiples (capture–recapture)")
    estimate.add_argument("--captures", required=True, type=Path,
                          help="CSV : une colonne 0/1 par liste et une colonne « count »")
    estimate.add_argument("--seuil", type=float, default=mse.P_THRESHOLD,
                          help="seuil de p-valeur pour ajouter une interaction (0,02)")
    estimate.add_argument("--bootstrap", type=int, default=200, help="rééchantillonnages (0 : aucun)")
    estimate.add_argument("--graine", type=int, default=1, help="graine du bootstrap")
    estimate.add_argument("--json", action="store_true", help="réponse en JSON")
    names = commands.add_parser("communes", help="rattacher des noms de communes à leur code INSEE")
    names.add_argument("fichier", type=Path, help="CSV dont la première colonne contient les noms")
    names.add_argument("--departement", required=True, help="code INSEE du département (par exemple 62)")
    names.add_argument("--alias", action="append", default=[], metavar="COURT=OFFICIEL",
                       help="forme courte (répétable), par exemple « Boulogne=Boulogne-sur-Mer »")
    names.add_argument("--corrections", type=Path, default=None, help="CSV saisie,code_insee de corrections")
    linkage = commands.add_parser("dedup", help="relier les annonces d'une même personne")
    linkage.add_argument("--ads", "--annonces", dest="annonces", required=True, type=Path,
                         help="fiche de relevé des annonces (CSV ou .xlsx)")
    linkage.add_argument("--out", "--sortie", dest="sortie", required=True, type=Path, help="dossier de sortie")
    linkage.add_argument("--moteur", choices=["duckdb"], default="duckdb",
                         help="moteur de calcul du modèle de liaison (DuckDB, intégré)")
    linkage.add_argument("--departement", default=None,
                         help="code du département, pour ramener les communes déclarées à leur code INSEE")
    linkage.add_argument("--decisions", type=Path, default=None,
                         help="feuille de relecture remplie (liens_a_relire.xlsx), relue avant de compter les personnes")
    agreement = commands.add_parser("accord", help="accord entre deux codages des mêmes annonces (kappa, alpha)")
    agreement.add_argument("fiches", nargs=2, type=Path, metavar="FICHE",
                           help="deux fiches de codage remplies (.xlsx ou CSV), des mêmes annonces")
    secret = commands.add_parser("cle", help="créer la clé secrète de pseudonymisation (données réelles)")
    secret.add_argument("--sortie", required=True, type=Path,
                        help="fichier à créer, hors du projet (par exemple ~/.config/diagnostic/cle-pseudonymisation.txt)")
    scaffold = commands.add_parser("nouveau", help="écrire le dossier prêt à remplir d'un département")
    scaffold.add_argument("--departement", required=True, help="code INSEE du département (par exemple 33)")
    scaffold.add_argument("--dossier", required=True, type=Path, help="dossier à créer (nouveau ou vide)")
    args = parser.parse_args(argv)
    if args.commande == "cle":
        return _cle(args)
    if args.commande == "nouveau":
        return _nouveau(args)
    if args.commande == "accord":
        return _accord(args)
    if args.commande == "dedup":
        return _dedup(args)
    if args.commande == "mse":
        return _mse(args)
    if args.commande == "communes":
        return _communes(args)

    try:
        if args.commande == "run":
            run(args.params, output=args.sortie, only=args.seulement, pdf=args.pdf)
        else:
            write_world(args.params, seed=args.graine, n_ads=args.annonces, output=args.sortie)
    except (InputError, RunError, FileNotFoundError) as exc:
        print(f"\nErreur : {exc}", file=sys.stderr)
        return 2
    return 0


def _cle(args) -> int:
    """`diagnostic cle --sortie FILE`: a new secret key, readable by its owner only."""
    try:
        project = project_root()
    except FileNotFoundError:
        project = None
    try:
        path = privacy.write_key(args.sortie, project)
    except InputError as exc:
        print(f"Erreur : {exc}", file=sys.stderr)
        return 2
    print(f"Clé secrète écrite dans {path} (lisible par vous seul·e).\n"
          f"Avant chaque run sur des données réelles : export {privacy.KEY_FILE_VARIABLE}={path}\n"
          "Gardez-en une copie en lieu sûr (coffre de mots de passe, support chiffré) : avec une autre clé, "
          "les pseudonymes d'une nouvelle collecte ne correspondraient plus à ceux de la précédente. "
          "Ne la mettez jamais dans le dossier du projet ni dans un courriel.")


def _nouveau(args) -> int:
    """`diagnostic nouveau --departement 33 --dossier DIR`: parameters, templates and questionnaire kit."""
    from .scaffold import create

    try:
        written = create(args.departement, args.dossier)
    except (InputError, FileNotFoundError) as exc:
        print(f"Erreur : {exc}", file=sys.stderr)
        return 2
    print(f"{len(written)} fichiers écrits dans {args.dossier} ; commencez par {args.dossier / 'LISEZMOI.md'}.",
          file=sys.stderr)
    return 0


def _accord(args) -> int:
    """`diagnostic accord A.xlsx B.xlsx`: agreement per variable, then the disagreements."""
    try:
        coded = pd.concat([coding.read_coder_sheet(path).assign(codeur=path.stem) for path in args.fiches],
                          ignore_index=True)
    except InputError as exc:
        print(f"Erreur : {exc}", file=sys.stderr)
        return 2
    table = coding.agreement(coded)
    if table.empty:
        print("Erreur : aucune annonce codée dans les deux fiches (même identifiant d'annonce).", file=sys.stderr)
        return 2
    shown = table.assign(accord_observe=(100 * table["accord_observe"]).round().astype(int).astype(str) + " %",
                         kappa=table["kappa"].round(2), alpha=table["alpha"].round(2))
    print(f"Accord entre « {args.fiches[0].stem} » et « {args.fiches[1].stem} », "
          f"sur {int(table['annonces'].max())} annonces codées deux fois :\n")
    print(shown.rename(columns={"annonces": "annonces", "accord_observe": "accord", "lecture_kappa": "lecture (kappa)",
                                "lecture_alpha": "lecture (alpha)"}).to_string(index=False))
    listed = coding.disagreements(coded)
    print(f"\n{len(listed)} désaccord(s) :\n")
    if len(listed):
        print(listed.to_string(index=False))
    return 0


def _mse(args) -> int:
    """`diagnostic mse --captures FILE.csv`: the estimate, the model, both intervals."""
    try:
        table = pd.read_csv(args.captures)
        if "count" not in table.columns:
            raise InputError(args.captures, [Problem("colonne « count »", None,
                                                     "une colonne « count » (nombre de personnes par historique)")])
        result = mse.estimate(table, p_threshold=args.seuil, bootstrap=args.bootstrap, seed=args.graine)
    except (InputError, ValueError, FileNotFoundError) as exc:
        print(f"Erreur : {exc}", file=sys.stderr)
        return 2
    if args.json:
        print(json.dumps(result.as_dict(), ensure_ascii=False, indent=2))
        return 0
    interactions = ", ".join(":".join(p) for p in result.interactions) or "aucune"
    low, high = result.conditional_interval
    print(f"Personnes observées : {result.observed}")
    print(f"Estimation de la population : {result.estimate:.1f} (dont {result.estimate - result.observed:.1f} jamais observées)")
    print(f"Interactions retenues : {interactions}")
    if result.bootstrap_interval:
        b_low, b_high = result.bootstrap_interval
        print(f"Intervalle bootstrap BCa à 95 % (sélection refaite, {args.bootstrap} tirages) : {b_low:.0f} – {b_high:.0f}")
    print(f"Intervalle conditionnel au modèle à 95 % : {low:.0f} – {high:.0f} (ignore que le modèle a été choisi sur les données : en général trop étroit)")
    return 0


def _communes(args) -> int:
    """`diagnostic communes --departement 62 FILE.csv`: CSV on standard output."""
    try:
        names = read_frame(args.fichier).iloc[:, 0]
        aliases = dict(a.split("=", 1) for a in args.alias)
        fixed = communes.read_corrections(args.corrections) if args.corrections else None
        result = communes.match(names, args.departement.upper(), aliases, fixed)
    except (InputError, ValueError, FileNotFoundError) as exc:
        print(f"Erreur : {exc}", file=sys.stderr)
        return 2
    result.to_csv(sys.stdout, index=False, lineterminator="\n")
    return 0


def _dedup(args) -> int:
    """`diagnostic dedup --ads FILE --out DIR`: ads linked into persons, with the reasons."""
    try:
        sheet = ads.read_ads(args.annonces)
        decisions = dedup.read_review(args.decisions) if args.decisions else None
        persons, links = dedup.link(sheet, args.departement, decisions=decisions, engine=args.moteur)
    except (InputError, FileNotFoundError) as exc:
        print(f"Erreur : {exc}", file=sys.stderr)
        return 2
    summary = dedup.write_outputs(persons, links, args.sortie)
    dedup.review_sheet(args.sortie / "liens_a_relire.xlsx", sheet, links)
    print(f"{summary['annonces']} annonces, de {summary['personnes_bas']} à {summary['personnes_haut']} personnes "
          f"(liens sûrs et probables, liens sûrs seuls). Résultats dans {args.sortie}.", file=sys.stderr)
    return 0
