"""Step 1 — partner mapping: the registry of structures and the interviews (section I-A).

The registry lists the structures that may meet persons in situation or at risk of
prostitution, in the six fields of activity of section I-A-1, with their commune, how
they were reached and whether they answered or were interviewed. The interview list has
the shape of annex 3 (date, structure, by phone or not); the situations described in
interviews use the same variables as the questionnaire's situations (annex 4).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Literal

import pandas as pd
from pydantic import BaseModel, ConfigDict, Field

from . import communes, questionnaire
from .errors import InputError, Problem
from .tables import Date, read_frame, read_rows

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
    date_entretien: Date | None = None


class Interview(BaseModel):
    model_config = ConfigDict(extra="ignore")

    id_entretien: str = Field(min_length=1)
    date: Date
    structure: str = Field(min_length=1)
    par_telephone: YES_NO
    professionnels: int = Field(ge=1)
    fonctions: str | None = None            # functions of the professionals met, "A | B"
    situations_identifiees: YES_NO = "non"  # did they describe situations they identified?
    deja_repondu_questionnaire: int = Field(default=0, ge=0)  # met here and also in the questionnaire


def read_registry(path: str | Path) -> pd.DataFrame:
    """The partner registry, checked (fields of activity, yes/no columns, INSEE codes: a
    postcode given for an INSEE code is refused, with the commune it serves)."""
    registry = read_rows(path, Structure, required=("id_structure", "structure", "type", "champ"),
                         unique="id_structure", empty_allowed=False)
    misread = communes.postcodes_given_as_insee(registry["commune_code"], registry["commune"])
    if misread:
        raise InputError(path, [Problem(f"ligne {position + 2}, colonne « commune_code »",
                                        registry["commune_code"].iloc[position], _postcode_hint(
                                            registry["commune_code"].iloc[position], served))
                                for position, served in sorted(misread.items())])
    return registry


def _postcode_hint(postcode: str, served: tuple[str, ...]) -> str:
    names = communes.official_names()
    options = " ou ".join(f"{names[c]} ({c})" for c in served)
    return f"le code INSEE de la commune ({postcode} est un code postal, pas un code INSEE : commune {options} ?)"


def read_interviews(path: str | Path) -> pd.DataFrame:
    """The interview list (annex 3 shape)."""
    return read_rows(path, Interview, required=("id_entretien", "date", "structure"), unique="id_entretien")


def read_interview_situations(path: str | Path) -> pd.DataFrame:
    """Situations noted in interviews: the questionnaire's situation variables, one row each.

    Cells with several choices are written "A | B"; each choice must be one of annex 4, and
    a single-choice answer one of its choices (or blank).
    """
    path = Path(path)
    frame = read_frame(path)
    variables = [q for q in questionnaire.situation_questions() if q.code in frame.columns]
    missing = [c for c in ("id_entretien", "num_situation") if c not in frame.columns]
    if missing:
        raise InputError(path, [Problem(f"colonne « {c} »", None, "une colonne de ce nom") for c in missing])
    problems = []
    for q in variables:
        if q.type not in ("choix_multiple", "choix_unique"):
            continue
        values = []
        for line, cell in enumerate(frame[q.code], start=2):
            labels = [v.strip() for v in cell.split("|") if v.strip()] if q.type == "choix_multiple" else \
                [cell.strip()] if cell.strip() else []
            for label in labels:
                if label not in q.choix:
                    problems.append(Problem(f"ligne {line}, colonne « {q.code} »", label,
                                            "l'une des réponses : " + " / ".join(q.choix)))
            values.append(labels if q.type == "choix_multiple" else cell.strip())
        frame[q.code] = values
    if problems:
        raise InputError(path, problems)
    return frame


_FUNCTION_WORDS = {
    "encadrement": ("chef", "cheffe", "directeur", "directrice", "responsable", "coordinat", "cadre"),
    "travail_social": ("assistant", "assistante", "social", "sociale", "éducat", "educat", "conseillère en économie",
                       "cesf", "moniteur", "monitrice", "médiat", "animat"),
    "sante": ("infirmi", "médecin", "medecin", "psycholog", "psychiatr", "sage-femme", "soignant"),
}


def function_category(text: str | None) -> str:
    """The report's function groups (I-A-4) from a function as people write it."""
    text = (text or "").strip().lower()
    if not text:
        return "non_precisee"
    for category, words in _FUNCTION_WORDS.items():
        if any(word in text for word in words):
            return category
    return "autre"


def coverage(registry: pd.DataFrame, territories: pd.DataFrame) -> pd.DataFrame:
    """Structures by field of activity and territory: identified, answered, interviewed.

    `territories` maps each commune (`commune_code`) to a territory (`territoire_code`,
    `territoire`): the arrondissements by default, or the intercommunalities a
    département provides. One row per field × territory (all of them, including those
    with no structure), with `participantes` = structures that answered the
    questionnaire or were interviewed. A cell with no participating structure is a
    mobilisation gap (the report's lesson: rural areas and the south-west were
    under-covered).
    """
    located = registry.merge(territories[["commune_code", "territoire_code"]], on="commune_code", how="left")
    located["participante"] = (located["a_repondu"] == "oui") | (located["entretien"] == "oui")
    grid = pd.MultiIndex.from_product([FIELDS, sorted(territories["territoire_code"].unique())],
                                      names=["champ", "territoire_code"])
    table = located.groupby(["champ", "territoire_code"]).agg(
        identifiees=("id_structure", "size"), a_repondu=("a_repondu", lambda s: int((s == "oui").sum())),
        entretien=("entretien", lambda s: int((s == "oui").sum())), participantes=("participante", "sum"))
    table = table.reindex(grid, fill_value=0).reset_index()
    names = territories.drop_duplicates("territoire_code").set_index("territoire_code")["territoire"]
    table.insert(2, "territoire", table["territoire_code"].map(names))
    table["lacune"] = table["participantes"] == 0
    return table


class Territory(BaseModel):
    model_config = ConfigDict(extra="ignore")

    commune_code: str = Field(pattern=r"^(\d{5}|2[AB]\d{3})$")
    territoire: str = Field(min_length=1)


def read_territories(path: str | Path) -> pd.DataFrame:
    """A département's own territories (e.g. intercommunalities): one row per commune."""
    table = read_rows(path, Territory, required=("commune_code", "territoire"), unique="commune_code",
                      not_read=("commune",))  # the commune's name, written by the template to be read by people
    return table.assign(territoire_code=table["territoire"])


class Milestone(BaseModel):
    model_config = ConfigDict(extra="ignore")

    date: Date
    etape: str = Field(min_length=1)


def read_milestones(path: str | Path) -> pd.DataFrame:
    """Dated steps of the mobilisation: relays, reminders, meetings (one row each)."""
    return read_rows(path, Milestone, required=("date", "etape"))


def contributors(responses: pd.DataFrame, interviews: pd.DataFrame) -> dict:
    """Professionals who contributed (section I-A-4): each source, the overlap, the total.

    The questionnaire counts the professionals consulted (collective answers expanded);
    the interviews count the professionals met; those met in interview who had also
    answered the questionnaire are counted once (92 = 61 + 35 − 4 in the report).
    """
    consulted = questionnaire.professionals_consulted(responses)
    survey = int(consulted.sum())
    met = int(interviews["professionnels"].sum())
    both = int(interviews["deja_repondu_questionnaire"].sum())
    return {"questionnaire": survey, "entretiens": met, "les_deux": both, "total": survey + met - both,
            "reponses": len(responses), "reponses_collectives": int((consulted > 1).sum()),
            "nombre_entretiens": len(interviews)}


def by_function(responses: pd.DataFrame, interviews: pd.DataFrame) -> pd.DataFrame:
    """Professionals by function group. A collective answer gives only its respondent's
    function: the other professionals consulted are "non précisée"."""
    counts = dict.fromkeys(FUNCTION_LABELS, 0)
    for function, consulted in zip(responses["fonction"], questionnaire.professionals_consulted(responses)):
        counts[function_category(function)] += 1
        counts["non_precisee"] += int(consulted) - 1
    for functions, met in zip(interviews["fonctions"].fillna(""), interviews["professionnels"]):
        listed = [f for f in functions.split("|") if f.strip()]
        for function in listed:
            counts[function_category(function)] += 1
        counts["non_precisee"] += max(0, int(met) - len(listed))
    return pd.DataFrame({"fonction": list(counts), "professionnels": list(counts.values())})


def by_employer(responses: pd.DataFrame, interviews: pd.DataFrame, registry: pd.DataFrame) -> pd.DataFrame:
    """Professionals by employer (I-A-4), each professional once: the organisation named in
    the questionnaire or the structure met is looked up in the registry."""
    category = dict(zip(registry["structure"], registry["categorie_employeur"]))
    counts = dict.fromkeys(EMPLOYERS, 0)
    unknown = 0
    for organisation, consulted in zip(responses["organisation"], questionnaire.professionals_consulted(responses)):
        if organisation in category:
            counts[category[organisation]] += int(consulted)
        else:
            unknown += int(consulted)
    for structure, met, both in zip(interviews["structure"], interviews["professionnels"],
                                    interviews["deja_repondu_questionnaire"]):
        if structure in category:
            counts[category[structure]] += int(met) - int(both)
        else:
            unknown += int(met) - int(both)
    table = pd.DataFrame({"employeur": list(counts), "professionnels": list(counts.values())})
    if unknown:
        table.loc[len(table)] = {"employeur": "hors_repertoire", "professionnels": unknown}
    return table


def parse_timestamp(text: str) -> pd.Timestamp:
    """A questionnaire timestamp: Google Forms ("15/06/2018 09:00:00") or Kobo (ISO)."""
    text = str(text).strip()
    if "/" in text:
        return pd.to_datetime(text, format="%d/%m/%Y %H:%M:%S")
    return pd.to_datetime(text)


def timeline(responses: pd.DataFrame, interviews: pd.DataFrame) -> pd.DataFrame:
    """Mobilisation over time: each questionnaire response and interview, and the running
    number of professionals reached by each means."""
    events = pd.concat([
        pd.DataFrame({"date": [parse_timestamp(t).normalize() for t in responses["horodatage"]],
                      "moyen": "Questionnaire", "professionnels": questionnaire.professionals_consulted(responses)}),
        pd.DataFrame({"date": pd.to_datetime(interviews["date"]), "moyen": "Entretien",
                      "professionnels": interviews["professionnels"].astype(int)}),
    ], ignore_index=True).sort_values(["date", "moyen"], kind="stable").reset_index(drop=True)
    events["cumul"] = events.groupby("moyen")["professionnels"].cumsum()
    return events


@dataclass
class Mobilisation:
    """Step 1's result: the partners identified and mobilised, the gaps, the contributors."""

    registry: pd.DataFrame
    territories: pd.DataFrame
    territory_layer: str | dict       # "arrondissements", or the département's own territories
    coverage: pd.DataFrame
    contributions: dict
    functions: pd.DataFrame
    employers: pd.DataFrame
    timeline: pd.DataFrame
    milestones: pd.DataFrame | None

    @property
    def gaps(self) -> pd.DataFrame:
        return self.coverage[self.coverage["lacune"]]

    def by_field(self) -> pd.DataFrame:
        """Structures identified, answering and interviewed, by field of activity (labels)."""
        table = self.registry.groupby("champ").agg(
            identifiees=("id_structure", "size"), a_repondu=("a_repondu", lambda s: int((s == "oui").sum())),
            entretien=("entretien", lambda s: int((s == "oui").sum())),
        ).reindex(FIELDS, fill_value=0).reset_index()
        return table.assign(champ=table["champ"].map(FIELD_LABELS))

    def by_territory(self) -> pd.DataFrame:
        """Participating structures and gaps by territory (`code` for the map)."""
        return (self.coverage.groupby(["territoire_code", "territoire"], as_index=False)
                .agg(participantes=("participantes", "sum"), lacunes=("lacune", "sum"))
                .rename(columns={"territoire_code": "code"}))

    def gaps_by_territory(self) -> pd.DataFrame:
        """For each territory with a gap: the fields without a participant, the silent structures."""
        gaps = self.gaps.assign(champ_libelle=self.gaps["champ"].map(FIELD_LABELS))
        return gaps.groupby("territoire", as_index=False).agg(
            champs=("champ_libelle", lambda c: " ; ".join(sorted(c))), reperees=("identifiees", "sum"))

    def numbers(self) -> dict:
        participating = (self.registry["a_repondu"] == "oui") | (self.registry["entretien"] == "oui")
        return {"structures": len(self.registry), "structures_participantes": int(participating.sum()),
                "lacunes": len(self.gaps), "cases": len(self.coverage),
                **{f"professionnels_{key}": value for key, value in self.contributions.items()},
                **{f"fonction_{row.fonction}": int(row.professionnels) for row in self.functions.itertuples()},
                **{f"employeur_{row.employeur}": int(row.professionnels) for row in self.employers.itertuples()}}


def compute(run, root: Path | None = None) -> Mobilisation:
    """Step 1 from the validated parameters (section I-A of the report): the partners
    registry against the territories, the professionals who contributed, the timeline."""
    from . import geo
    from .paths import resolve

    data, code = run.donnees, run.departement.code
    registry = read_registry(resolve(data.partenaires, root))
    if data.territoires:
        territories = read_territories(resolve(data.territoires, root))
        layer = geo.territory_layer(code, territories, root)
    else:
        territories, layer = geo.arrondissement_territories(code, root), "arrondissements"
    responses, _ = questionnaire.read_answers(resolve(data.questionnaire, root))
    interviews = read_interviews(resolve(data.entretiens, root))
    employers = by_employer(responses, interviews, registry)
    milestones = read_milestones(resolve(data.calendrier, root)) if data.calendrier else None
    return Mobilisation(
        registry, territories, layer, coverage(registry, territories), contributors(responses, interviews),
        by_function(responses, interviews).assign(libelle=lambda t: t["fonction"].map(FUNCTION_LABELS)),
        employers.assign(libelle=employers["employeur"].map(EMPLOYER_LABELS | {"hors_repertoire": "Hors répertoire"})),
        timeline(responses, interviews), milestones)
