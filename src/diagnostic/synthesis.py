"""The synthesis for the departmental commission: key figures of every step, pistes d'action.

Following the report's conclusion ("Conclusion et pistes d'action"), the synthesis
restates the key figures of each step and ties each piste d'action to the figure that
motivates it. The figures are never typed by hand: they are the values each chapter
glued (myst-nb `glue`) in the executed notebooks of the same build, read back here.
"""

from __future__ import annotations

import ast
from pathlib import Path

import nbformat
import pandas as pd

# The report's pistes d'action (conclusion), each tied to a figure "chapter:glued name".
DEFAULT_ACTIONS = [
    {"titre": "Former et informer les professionnel·les",
     "indicateur": "02:part_outille",
     "libelle": "des répondant·es au questionnaire s'estiment insuffisamment outillé·es",
     "texte": "Proposer des formations interprofessionnelles sur le système prostitutionnel, le repérage "
              "et l'orientation des personnes, et faire connaître la loi du 13 avril 2016."},
    {"titre": "Construire un partenariat solide autour des parcours de sortie",
     "indicateur": "01:nb_lacunes",
     "libelle": "croisements champ d'activité × territoire sans aucun partenaire mobilisé",
     "texte": "Mobiliser les partenaires manquants (santé, hébergement, insertion, justice…) sur chaque "
              "territoire, pour l'accès aux droits, aux soins, à l'hébergement et à l'emploi."},
    {"titre": "Reconnaître la prostitution contre biens ou services",
     "indicateur": "03:part_echange",
     "libelle": "des personnes signalées sont en situation de prostitution contre biens ou services",
     "texte": "Nommer cette forme de prostitution (hébergement, « troc ») dans les actions de lutte contre "
              "les violences faites aux femmes et dans les protocoles de prise en charge."},
    {"titre": "Ne pas oublier les territoires ruraux",
     "indicateur": "04:nb_communes",
     "libelle": "communes déclarées par les annonces Internet",
     "texte": "Inclure les communes hors des grandes agglomérations dans le maillage partenarial "
              "(dispositifs d'« aller-vers », unités mobiles)."},
    {"titre": "Lutter contre le proxénétisme et la traite passant par Internet",
     "indicateur": "06:part_indices_reseau",
     "libelle": "des annonces codées présentent au moins un indice de réseau",
     "texte": "Développer les maraudes virtuelles et le travail avec les services d'enquête sur les "
              "annonces présentant des indices de réseau."},
    {"titre": "Mesurer et suivre la prostitution via Internet",
     "indicateur": "07:personnes_rapport",
     "libelle": "personnes estimées derrière les annonces (méthode du rapport)",
     "texte": "Refaire le relevé des annonces à intervalles réguliers, avec la même méthode, pour suivre "
              "l'évolution et évaluer les actions de la commission."},
]


def glued_values(folder: str | Path) -> dict[str, str]:
    """Every value glued as text by the executed chapters in `folder`, keyed "NN:name"."""
    values = {}
    for path in sorted(Path(folder).glob("[0-9][0-9]_*.ipynb")):
        chapter = path.stem[:2]
        for cell in nbformat.read(path, as_version=4).cells:
            for output in cell.get("outputs", []):
                book = output.get("metadata", {}).get("scrapbook")
                text = output.get("data", {}).get("application/papermill.record/text/plain")
                if book and text is not None:
                    try:
                        values[f"{chapter}:{book['name']}"] = str(ast.literal_eval(text))
                    except (ValueError, SyntaxError):
                        values[f"{chapter}:{book['name']}"] = text
    return values


def actions(pistes: list[dict], values: dict[str, str]) -> pd.DataFrame:
    """The pistes d'action with the figure that motivates each (— when the chapter did not run)."""
    return pd.DataFrame([{"piste": p["titre"], "chiffre": values.get(p["indicateur"], "—"),
                          "constat": p["libelle"], "proposition": p["texte"]} for p in pistes])
