"""Command line: `diagnostic run`, `verifier`, `synth`, `nouveau`, `mse`, `communes`, `dedup`, `accord`
and `cle`.

Every command answers in French and never with a traceback: a bad file or option gets
a message naming the file, the place and what was expected (exit code 2), Ctrl-C stops
with « Interrompu » (exit code 130; SIGTERM: 143) after cleaning up, and anything unforeseen is written with its
traceback to a log file that the message names (exit code 70). The heavy modules
(pandas, papermill, Jupyter) are imported by the command that needs them, so that
`diagnostic --help` answers at once.
"""

from __future__ import annotations

import _thread
import argparse
import datetime as dt
import errno
import os
import re
import signal
import sys
import tempfile
import threading
import traceback
from pathlib import Path

EXIT_INPUT = 2          # a file, a parameter or an option to correct
EXIT_UNEXPECTED = 70    # EX_SOFTWARE: a fault of the program, to report

# argparse's own messages (Python ships no French catalogue): the common ones, in French.
_ARGPARSE_FRENCH = [
    (r"the following arguments are required: (.*)", r"arguments obligatoires manquants : \1"),
    (r"unrecognized arguments: (.*)", r"option(s) inconnue(s) : \1"),
    (r"argument (\S+): invalid choice: (.*?) \(choose from (.*)\)", r"\1 : choix inconnu \2 ; choix possibles : \3"),
    (r"argument (\S+): invalid (\w+) value: (.*)", r"\1 : valeur \3 invalide ; attendu : un nombre"),
    (r"argument (\S+): expected one argument", r"\1 : une valeur est attendue après l'option"),
    (r"argument (\S+): expected (\d+) arguments?", r"\1 : \2 valeur(s) attendue(s)"),
    (r"argument (\S+): (.*)", r"\1 : \2"),
]


class _FrenchParser(argparse.ArgumentParser):
    """An ArgumentParser whose usage errors are in French."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, add_help=False, **kwargs)
        self._positionals.title = "arguments"
        self._optionals.title = "options"
        self.add_argument("-h", "--help", "--aide", action="help", help="afficher cette aide et quitter")

    def format_usage(self) -> str:
        return super().format_usage().replace("usage:", "utilisation :", 1)

    def format_help(self) -> str:
        return super().format_help().replace("usage:", "utilisation :", 1)

    def error(self, message: str):
        for pattern, french in _ARGPARSE_FRENCH:
            if re.fullmatch(pattern, message):
                message = re.sub(pattern, french, message)
                break
        self.print_usage(sys.stderr)
        self.exit(EXIT_INPUT, f"Erreur dans la commande : {message}\n"
                              f"(« {self.prog} --aide » décrit les options.)\n")


def _whole_number(minimum: int, expected: str):
    def parse(text: str) -> int:
        try:
            value = int(text)
        except ValueError:
            raise argparse.ArgumentTypeError(f"valeur « {text} » ; attendu : {expected}") from None
        if value < minimum:
            raise argparse.ArgumentTypeError(f"valeur « {text} » ; attendu : {expected}")
        return value
    return parse


_COUNT = _whole_number(1, "un nombre entier d'au moins 1")
_SEED = _whole_number(0, "un nombre entier positif ou nul")


def _parser() -> argparse.ArgumentParser:
    parser = _FrenchParser(
        prog="diagnostic",
        description="Manuel reproductible du diagnostic départemental de la prostitution.")
    commands = parser.add_subparsers(dest="commande", required=True, title="commandes",
                                     parser_class=_FrenchParser)
    build = commands.add_parser("run", help="vérifier les fichiers, exécuter les notebooks et construire le livre")
    build.add_argument("--params", required=True, type=Path,
                       help="fichier de paramètres du run (par exemple params/pas-de-calais.yaml)")
    build.add_argument("--sortie", type=Path, default=None,
                       help="dossier des livres construits (par défaut : _build/)")
    build.add_argument("--only", "--seulement", dest="seulement", action="append", default=None, metavar="CHAPITRE",
                       help="réexécuter ce chapitre dans tous les cas (par exemple 05 ; répétable), les autres "
                            "n'étant réexécutés que si leurs entrées ont changé")
    build.add_argument("--tout", action="store_true",
                       help="réexécuter tous les chapitres, même ceux dont les entrées n'ont pas changé "
                            "depuis le dernier livre réussi")
    build.add_argument("--pdf", action="store_true",
                       help="imprimer aussi la restitution (synthèse) en PDF dans _build/<run>/pdf/")
    check = commands.add_parser("verifier", help="vérifier tous les fichiers nommés par les paramètres, "
                                                 "sans construire le livre")
    check.add_argument("--params", required=True, type=Path, help="fichier de paramètres")
    check.add_argument("--rapport", type=Path, default=None, metavar="FICHIER.xlsx",
                       help="écrire aussi la liste des problèmes dans un classeur .xlsx")
    synth = commands.add_parser("synth", help="écrire le monde synthétique du département")
    synth.add_argument("--params", required=True, type=Path, help="fichier de paramètres")
    synth.add_argument("--seed", "--graine", dest="graine", type=_SEED, default=None,
                       help="graine (par défaut : monde_synthetique.graine)")
    synth.add_argument("--ads", "--annonces", dest="annonces", type=_COUNT, default=None,
                       help="nombre d'annonces (par défaut : celui de l'inventaire modèle)")
    synth.add_argument("--sortie", type=Path, default=None,
                       help="dossier où écrire (par défaut : monde_synthetique.dossier)")
    synth.add_argument("--remplacer", action="store_true",
                       help="effacer le contenu du dossier de sortie même s'il n'a pas été écrit par synth")
    estimate = commands.add_parser("mse", help="estimation par systèmes multiples (capture–recapture)")
    estimate.add_argument("--captures", required=True, type=Path,
                          help="CSV : une colonne 0/1 par liste et une colonne « count »")
    estimate.add_argument("--seuil", type=float, default=None,
                          help="seuil de p-valeur pour ajouter une interaction (0,02)")
    estimate.add_argument("--bootstrap", type=_whole_number(0, "un nombre entier positif ou nul"), default=200,
                          help="rééchantillonnages (0 : aucun)")
    estimate.add_argument("--graine", type=_SEED, default=1, help="graine du bootstrap")
    estimate.add_argument("--json", action="store_true", help="réponse en JSON")
    names = commands.add_parser("communes", help="rattacher des noms de communes à leur code INSEE")
    names.add_argument("fichier", type=Path, help="CSV dont la première colonne contient les noms")
    names.add_argument("--departement", required=True, help="code INSEE du département (par exemple 62)")
    names.add_argument("--alias", action="append", default=[], metavar="COURT=OFFICIEL",
                       help="forme courte (répétable), par exemple « Boulogne=Boulogne-sur-Mer »")
    names.add_argument("--corrections", type=Path, default=None, help="CSV saisie,code_insee de corrections")
    linkage = commands.add_parser("dedup", help="relier les annonces d'une même personne")
    linkage.add_argument("--ads", "--annonces", dest="annonces", required=True, type=Path, nargs="+",
                         metavar="FICHE", help="fiche(s) de relevé des annonces (CSV ou .xlsx) ; un corpus de "
                                               "plusieurs millions d'annonces en plusieurs fiches (un million "
                                               "d'annonces au plus par fiche), lues l'une après l'autre")
    linkage.add_argument("--out", "--sortie", dest="sortie", required=True, type=Path, help="dossier de sortie")
    linkage.add_argument("--moteur", choices=["duckdb", "spark"], default="duckdb",
                         help="moteur de calcul du modèle de liaison : duckdb (intégré) ou spark (mode local, ou "
                              "la grappe que donne spark-submit --master ; pip install 'diagnostic[spark]')")
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
    return parser


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    command = COMMANDS[args.commande]
    interrupted = []

    def interrupt(signum, frame):
        interrupted.append(signum)
        if _in_finaliser(frame):  # Python would ignore the exception: raise it once the finaliser is done
            threading.Timer(0.1, _thread.interrupt_main, args=(signum,)).start()
            return
        raise KeyboardInterrupt

    # Ctrl-C (SIGINT) and a polite stop (SIGTERM) end the command through its cleanup.
    previous = {number: signal.getsignal(number) for number in (signal.SIGINT, signal.SIGTERM)}
    for number, handler in previous.items():
        if handler is not signal.SIG_IGN:  # a shell's background job ignores Ctrl-C: so does the command
            signal.signal(number, interrupt)
    try:
        return command(args)
    except Exception as exc:  # the last resort: every command's foreseen errors are its users' to fix
        # Ctrl-C also reaches the notebook kernel, whose death may surface first as an error.
        return _interrupted(args, interrupted) if interrupted else _report(exc, args)
    except KeyboardInterrupt:
        return _interrupted(args, interrupted)
    finally:
        for number, handler in previous.items():
            signal.signal(number, handler)


def _in_finaliser(frame) -> bool:
    """Whether the signal interrupted an object's finaliser (`__del__`, run by the garbage
    collector at any moment): an exception raised there is printed and ignored."""
    while frame is not None:
        if frame.f_code.co_name == "__del__":
            return True
        frame = frame.f_back
    return False


def _interrupted(args: argparse.Namespace, signals: list[int]) -> int:
    """Exit code 128 + the signal, as a shell reports it (130 for Ctrl-C, 143 for SIGTERM)."""
    import logging

    # The notebook kernel stopped by the same Ctrl-C leaves asynchronous tasks whose errors
    # ("Kernel died") asyncio would print at exit, after this message: they are moot.
    logging.getLogger("asyncio").disabled = True
    kept = "le dernier livre réussi est conservé" if args.commande == "run" else "rien n'a été remplacé"
    print(f"\nInterrompu : {kept}.", file=sys.stderr)
    return 128 + (signals[0] if signals else signal.SIGINT)


def _report(exc: Exception, args: argparse.Namespace) -> int:
    """Print a French message for `exc`; an unforeseen one goes with its traceback to a log file."""
    from .errors import InputError
    from .paths import OS_REASONS, FolderError

    run_error = getattr(sys.modules.get("diagnostic.run"), "RunError", ())  # raised only once `run` is imported
    if isinstance(exc, (InputError, FolderError, run_error)):
        print(f"\nErreur : {exc}", file=sys.stderr)
        return EXIT_INPUT
    if isinstance(exc, OSError) and exc.errno in OS_REASONS:
        where = f" (« {exc.filename} »)" if exc.filename else ""
        advice = (" : libérez de la place et relancez la commande" if exc.errno in (errno.ENOSPC, errno.EDQUOT)
                  else "")
        kept = {"run": " Le dernier livre réussi est conservé.",
                "dedup": " Les résultats précédents du dossier de sortie sont conservés."}.get(args.commande, "")
        print(f"\nErreur : {OS_REASONS[exc.errno]}{advice}{where}.{kept}", file=sys.stderr)
        return EXIT_INPUT
    try:
        where = f"Signalez-la avec ce fichier : {_write_log(exc)}"
    except OSError as failure:  # the log cannot be written either (a full disk): say so, still no traceback
        where = f"Signalez-la ; son journal n'a pas pu être écrit ({OS_REASONS.get(failure.errno, failure.strerror)})."
    print(f"\nErreur inattendue ({type(exc).__name__}) : ce n'est pas une erreur de vos fichiers. {where}",
          file=sys.stderr)
    return EXIT_UNEXPECTED


def _write_log(exc: Exception) -> Path:
    """The traceback of an unforeseen error, with the command line, in a new log file."""
    from importlib.metadata import PackageNotFoundError, version

    try:
        release = version("diagnostic")
    except PackageNotFoundError:
        release = "inconnue"
    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
    handle = tempfile.NamedTemporaryFile("w", encoding="utf-8", prefix=f"diagnostic-erreur-{stamp}-",
                                         suffix=".log", delete=False)
    with handle:
        handle.write(f"Commande : diagnostic {' '.join(sys.argv[1:])}\nVersion : {release}\n"
                     f"Python : {sys.version}\n\n")
        handle.write("".join(traceback.format_exception(exc)))
    return Path(handle.name)


def _run(args) -> int:
    """`diagnostic run --params FILE`: every input checked, then the notebooks and the book."""
    from .run import run

    run(args.params, output=args.sortie, only=args.seulement, pdf=args.pdf, everything=args.tout)
    return 0


def _verifier(args) -> int:
    """`diagnostic verifier --params FILE [--rapport FILE.xlsx]`: every input file checked."""
    from . import verification

    problems = verification.verify(args.params)
    print(verification.as_text(args.params, problems))
    if args.rapport:
        verification.write_report(problems, args.rapport)
        print(f"Rapport écrit : {args.rapport}", file=sys.stderr)
    return EXIT_INPUT if problems else 0


def _synth(args) -> int:
    from .synthetic.world import write_world

    write_world(args.params, seed=args.graine, n_ads=args.annonces, output=args.sortie, replace=args.remplacer)
    return 0


def _accord(args) -> int:
    """`diagnostic accord A.xlsx B.xlsx`: agreement per variable, then the disagreements."""
    import pandas as pd

    from . import coding
    from .verification import read_checked

    if args.fiches[0].resolve() == args.fiches[1].resolve():
        print(f"Erreur : les deux fiches sont le même fichier (« {args.fiches[0]} ») : donnez les fiches "
              f"de deux codeurs.", file=sys.stderr)
        return EXIT_INPUT
    # Each sheet is named after its file; two files of the same name in two folders, by their path.
    labels = [path.stem for path in args.fiches]
    if labels[0] == labels[1]:
        labels = [str(path) for path in args.fiches]
    coded = pd.concat([read_checked(coding.read_coder_sheet, path).assign(codeur=label)
                       for path, label in zip(args.fiches, labels)], ignore_index=True)
    table = coding.agreement(coded)
    if table.empty:
        print("Erreur : aucune annonce codée dans les deux fiches (même identifiant d'annonce).", file=sys.stderr)
        return EXIT_INPUT
    shown = table.assign(accord_observe=(100 * table["accord_observe"]).round().astype(int).astype(str) + " %",
                         kappa=table["kappa"].round(2), alpha=table["alpha"].round(2))
    print(f"Accord entre « {labels[0]} » et « {labels[1]} », "
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
    import json

    from . import mse
    from .verification import read_checked

    table = read_checked(mse.read_captures_file, args.captures)
    threshold = mse.P_THRESHOLD if args.seuil is None else args.seuil
    result = mse.estimate(table, p_threshold=threshold, bootstrap=args.bootstrap, seed=args.graine)
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
    from . import communes
    from .territories import departements
    from .tables import read_frame
    from .verification import read_checked

    code = args.departement.strip().upper()
    if code not in departements():
        print(f"Erreur : --departement : code « {args.departement} » inconnu ; attendu : un code INSEE de "
              f"département : 01 à 95 (2A et 2B pour la Corse), 971 à 976 pour l'outre-mer.", file=sys.stderr)
        return EXIT_INPUT
    malformed = [a for a in args.alias if "=" not in a or not all(part.strip() for part in a.split("=", 1))]
    if malformed:
        print(f"Erreur : --alias : valeur « {malformed[0]} » ; attendu : COURT=OFFICIEL, par exemple "
              f"« Boulogne=Boulogne-sur-Mer ».", file=sys.stderr)
        return EXIT_INPUT
    aliases = dict(a.split("=", 1) for a in args.alias)
    names = read_checked(read_frame, args.fichier)
    if names.columns.empty:
        print(f"Erreur : « {args.fichier} » ne contient aucune colonne : attendu : les noms de communes "
              f"dans la première colonne.", file=sys.stderr)
        return EXIT_INPUT
    fixed = read_checked(communes.read_corrections, args.corrections) if args.corrections else None
    result = communes.match(names.iloc[:, 0], code, aliases, fixed)
    from .spreadsheets import csv_safe

    csv_safe(result).to_csv(sys.stdout, index=False, lineterminator="\n")  # a typed "=…" stays text
    return 0


def _dedup(args) -> int:
    """`diagnostic dedup --ads FILE… --out DIR [--moteur duckdb|spark]`: ads linked into persons, with the reasons."""
    import importlib.util

    from . import dedup, dedup_corpus
    from .paths import output_folder
    from .verification import read_checked

    if args.moteur == "spark" and importlib.util.find_spec("pyspark") is None:
        print(f"\nErreur : {dedup.SPARK_MISSING}.", file=sys.stderr)
        return EXIT_INPUT
    folder = output_folder(args.sortie)
    decisions = read_checked(dedup.read_review, args.decisions) if args.decisions else None
    persons, links, probable, shown = dedup_corpus.link(args.annonces, folder, args.departement,
                                                        decisions=decisions, engine=args.moteur)
    folder.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix=".diagnostic-ecriture-", dir=folder) as staging:
        # written beside, then put in place: a stop while writing leaves the last results whole
        summary = dedup.write_outputs(persons, links.parts(), staging)
        dedup.review_sheet(Path(staging) / "liens_a_relire.xlsx", shown, probable)
        for written in sorted(Path(staging).iterdir()):
            os.replace(written, folder / written.name)
    print(f"{summary['annonces']} annonces, de {summary['personnes_bas']} à {summary['personnes_haut']} personnes "
          f"(liens sûrs et probables, liens sûrs seuls). Résultats dans {folder}.", file=sys.stderr)
    return 0


def _cle(args) -> int:
    """`diagnostic cle --sortie FILE`: a new secret key, readable by its owner only."""
    from . import privacy
    from .paths import project_root

    try:
        project = project_root()
    except FileNotFoundError:
        project = None
    path = privacy.write_key(args.sortie, project)
    print(f"Clé secrète écrite dans {path} (lisible par vous seul·e).\n"
          f"Avant chaque run sur des données réelles : export {privacy.KEY_FILE_VARIABLE}={path}\n"
          "Gardez-en une copie en lieu sûr (coffre de mots de passe, support chiffré) : avec une autre clé, "
          "les pseudonymes d'une nouvelle collecte ne correspondraient plus à ceux de la précédente. "
          "Ne la mettez jamais dans le dossier du projet ni dans un courriel.")
    return 0


def _nouveau(args) -> int:
    """`diagnostic nouveau --departement 33 --dossier DIR`: parameters, templates and questionnaire kit."""
    from .scaffold import create

    written = create(args.departement, args.dossier)
    print(f"{len(written)} fichiers écrits dans {args.dossier} ; commencez par {args.dossier / 'LISEZMOI.md'}.",
          file=sys.stderr)
    return 0


COMMANDS = {"run": _run, "verifier": _verifier, "synth": _synth, "nouveau": _nouveau, "mse": _mse,
            "communes": _communes, "dedup": _dedup, "accord": _accord, "cle": _cle}
