"""Step 1 — partner mapping: the registry of structures and the interviews (section I-A).

The registry lists the structures that may meet persons in situation or at risk of
prostitution, in the six fields of activity of section I-A-1, with their commune, how
they were reached and whether they answered or were interviewed. The interview list has
the shape of annex 3 (date, structure, by phone or not); the situations described in
interviews use the same variables as the questionnaire's situations (annex 4).
"""

from __future__ import annotations

from pathlib import Path
from typing import Literal

import pandas as pd
from pydantic import BaseModel, ConfigDict, Field

from . import questionnaire
from .errors import InputError, Problem
from .tables import read_frame, read_rows

FIELDS = ("accueil_accompagnement_social_insertion", "hebergement_logement", "sante",
          "education_jeunesse", "securite_publique", "justice")
YES_NO = Literal["oui", "non"]
FIELD_LABELS = {
    "accueil_accompagnement_social_insertion": "Accueil, accompagnement social, insertion",
    "hebergement_logement": "Hébergement, logement", "sante": "Santé",
    "education_jeunesse": "Éducation, jeunesse", "securite_publique": "Sécurité publique", "justice": "Justice",
}
# Employers as section I-A-4 of the report groups them.
EMPLOYERS = ("structure_hebergement", "association_accompagnement", "conseil_departemental",
             "commune_intercommunalite", "autre")
EMPLOYER_LABELS = {"structure_hebergement": "Structures d'hébergement",
                   "association_accompagnement": "Associations d'accueil et d'accompagnement social",
                   "conseil_departemental": "Conseil départemental",
                   "commune_intercommunalite": "Communes et intercommunalités", "autre": "Autres"}
FUNCTION_LABELS = {"encadrement": "Encadrement (chef·fes de service, responsables)",
                   "travail_social": "Travail social", "sante": "Santé", "autre": "Autres fonctions",
                   "non_precisee": "Non précisée"}


class Structure(BaseModel):
    model_config = ConfigDict(extra="ignore")

    id_structure: str = Field(min_length=1)
    structure: str = Field(min_length=1)
    type: Literal["institution", "association"]
    champ: Literal[FIELDS]  # type: ignore[valid-type]
    commune_code: str | None = Field(default=None, pattern=r"^(\d{5}|2[AB]\d{3})$")
    commune: str | None = None
    mode_contact: str | None = None
    categorie_employeur: Literal[EMPLOYERS] = "autre"  # type: ignore[valid-type]
    a_repondu: YES_NO = "non"
    entretien: YES_NO = "non"
    date_entretien: str | None = Field(default=None, pattern=r"^\d{4}-\d{2}-\d{2}$")


class Interview(BaseModel):
    model_config = ConfigDict(extra="ignore")

    id_entretien: str = Field(min_length=1)
    date: str = Field(pattern=r"^\d{4}-\d{2}-\d{2}$")
    structure: str = Field(min_length=1)
    par_telephone: YES_NO
    professionnels: int = Field(ge=1)
    fonctions: str | None = None            # functions of the professionals met, "A | B"
    situations_identifiees: YES_NO = "non"  # did they describe situations they identified?
    deja_repondu_questionnaire: int = Field(default=0, ge=0)  # met here and also in the questionnaire


def read_registry(path: str | Path) -> pd.DataFrame:
    """The partner registry, checked (fields of activity, yes/no columns, INSEE codes)."""
    return read_rows(path, Structure, required=("id_structure", "structure", "type", "champ"),
                     unique="id_structure")


def read_interviews(path: str | Path) -> pd.DataFrame:
    """The interview list (annex 3 shape)."""
    return read_rows(path, Interview, required=("id_entretien", "date", "structure"), unique="id_entretien")


def read_interview_situations(path: str | Path) -> pd.DataFrame:
    """Situations noted in interviews: the questionnaire's situation variables, one row each.

    Cells with several choices are written "A | B"; each choice must be one of annex 4.
    """
    path = Path(path)
    frame = read_frame(path)
    variables = [q for q in questionnaire.situation_questions() if q.code in frame.columns]
    if "id_entretien" not in frame.columns:
        raise InputError(path, [Problem("colonne « id_entretien »", None, "une colonne de ce nom")])
    problems = []
    for q in variables:
        if q.type != "choix_multiple":
            continue
        values = []
        for line, cell in enumerate(frame[q.code], start=2):
            labels = [v.strip() for v in cell.split("|") if v.strip()]
            for label in labels:
                if label not in q.choix:
                    problems.append(Problem(f"ligne {line}, colonne « {q.code} »", label,
                                            "l'une des réponses : " + " / ".join(q.choix)))
            values.append(labels)
        frame[q.code] = values
    if problems:
        raise InputError(path, problems)
    return frame
