"""`diagnostic verifier`: every input file a parameters file names, read and checked before a build.

Each file goes through the reader its chapter uses (the same checks, the same French
messages), then the files are compared with each other: the ads of the collection sheet
against the site inventory (every site known, as many ads per site as the inventory
counts, as the sample draw of section I-B-1 needs). `diagnostic run` runs these checks
first and stops before any notebook if one fails, so that a bad file is reported at
once, not after tens of seconds inside a chapter.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

import yaml

from .errors import InputError, Problem
from .paths import project_root, resolve

if TYPE_CHECKING:  # the readers are imported when a verification runs, not by every command
    import pandas as pd

    from .params import Parametres

UNREADABLE = "un fichier CSV (UTF-8 ou Windows-1252) lisible, avec une ligne d'en-têtes"
UNREADABLE_WORKBOOK = ("un classeur .xlsx enregistré par Excel, LibreOffice, Google Sheets ou KoboToolbox : "
                       "ni abîmé, ni protégé par un mot de passe, ni un CSV renommé en .xlsx")


def read_checked(reader: Callable, source, path: str | Path | None = None):
    """`reader(source)`, with any failure of the reader turned into an InputError naming the file.

    The readers raise InputError for what they check; a file they cannot open at all (a
    corrupted workbook, a CSV renamed .xlsx, a file of another kind) may make the
    underlying library raise anything else, which is reported here in French.
    """
    try:
        return reader(source)
    except InputError:
        raise
    except Exception as exc:
        path = Path(path or source)
        workbook = path.suffix.lower() in (".xlsx", ".xlsm")
        raise InputError(path, [Problem("fichier", "illisible", UNREADABLE_WORKBOOK if workbook
                                        else UNREADABLE)]) from exc


def _truth_summary(path: Path) -> dict:
    """The synthetic world's truth summary (`verite`): a YAML mapping with the total population."""
    try:
        summary = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (yaml.YAMLError, UnicodeDecodeError):
        summary = None
    if not isinstance(summary, dict) or "personnes_population_totale" not in summary:
        raise InputError(path, [Problem("fichier", None, "le résumé de la vérité d'un monde synthétique "
                                                         "(verite/resume-SYNTHETIQUE.yaml, écrit par diagnostic synth)")])
    return summary


def readers() -> dict[str, Callable]:
    """Each data key of the parameters, with the reader its chapter uses."""
    from . import ads, communes, inventory, partners, press, questionnaire, situations

    return {
        "inventaire_sites": inventory.read,
        "annonces": ads.read_ads,
        "annonces_vague2": ads.read_ads,
        "partenaires": partners.read_registry,
        "entretiens": partners.read_interviews,
        "situations_entretiens": partners.read_interview_situations,
        "questionnaire": questionnaire.read_answers,
        "calendrier": partners.read_milestones,
        "territoires": partners.read_territories,
        "decisions_doublons": situations.read_decisions,
        "corrections_communes": communes.read_corrections,
        "lieux_a_risque": ads.read_risk_places,
        "annonces_clients": ads.read_client_ads,
        "forum": ads.read_forum,
        "revue_presse": press.read_press,
    }


def check_inputs(run_params: Parametres, root: Path) -> list[InputError]:
    """Every problem of the input files `run_params` names, file by file, then across files."""
    from . import coding, sampling

    data = run_params.donnees
    found, read = [], {}
    for key, reader in readers().items():
        value = getattr(data, key)
        if value is None:
            continue
        try:
            read[key] = read_checked(reader, resolve(value, root))
        except InputError as exc:
            found.append(exc)
    for sheet in data.fiches_codage:
        try:
            read_checked(coding.read_coder_sheet, resolve(sheet, root))
        except InputError as exc:
            found.append(exc)
    if data.verite:
        try:
            read_checked(_truth_summary, resolve(data.verite, root))
        except InputError as exc:
            found.append(exc)
    if "inventaire_sites" in read and "annonces" in read:
        try:
            sampling.ads_to_draw_from(read["inventaire_sites"], read["annonces"],
                                      source=f"{resolve(data.annonces, root)} (comparée à l'inventaire des sites "
                                             f"{resolve(data.inventaire_sites, root)})")
        except InputError as exc:
            found.append(exc)
    return found


def verify(params_path: str | Path, root: Path | None = None) -> list[InputError]:
    """Every problem of a parameters file and of the files it names; empty if the book can be built."""
    from .params import load

    root = (root or project_root()).resolve()
    try:
        run_params = load(params_path, root)
    except InputError as exc:
        return [exc]
    return check_inputs(run_params, root)


def as_text(params_path: str | Path, found: list[InputError]) -> str:
    """The verification's answer, for the terminal."""
    if not found:
        return (f"Vérification de « {params_path} » : aucun problème ; le livre peut être construit "
                f"(diagnostic run --params {params_path}).")
    total = sum(len(exc.problems) for exc in found)
    lines = [f"Vérification de « {params_path} » : {total} problème(s) dans {len(found)} fichier(s) ; "
             f"le livre ne peut pas être construit avant leur correction.", ""]
    lines += [f"{exc}\n" for exc in found]
    return "\n".join(lines).rstrip()


def _shown(value) -> str:
    if value is None:
        return ""
    return "absente" if type(value) is object else str(value)


def problems_table(found: list[InputError]) -> pd.DataFrame:
    """One row per problem: file, place, value found, what was expected."""
    import pandas as pd

    return pd.DataFrame([{"fichier": exc.path, "lieu": problem.place, "valeur": _shown(problem.value),
                          "attendu": problem.expected} for exc in found for problem in exc.problems],
                        columns=["fichier", "lieu", "valeur", "attendu"])


def write_report(found: list[InputError], path: str | Path) -> Path:
    """The problems as an .xlsx workbook (`--rapport`), one row each."""
    from .spreadsheets import write_workbook

    return write_workbook(path, {"problemes": problems_table(found)}, notice=[
        "Problèmes trouvés par « diagnostic verifier » dans les fichiers du diagnostic.",
        "Une ligne par problème : le fichier, la ligne et la colonne, la valeur trouvée, la valeur attendue."])
