"""The parameters of one run: one YAML file in `params/`, checked before anything runs.

A département adapts the handbook by writing its own parameters file (its INSEE code,
its input files, its choices of margin of error and seed), never by editing the code
or the notebooks. Every key is documented in the chapter "Réutiliser ce manuel".
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Literal

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, ValidationInfo, field_validator

from . import chapters, privacy
from .errors import InputError, Problem, problems_from_pydantic
from .paths import project_root, resolve
from .territories import departements

class _Section(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


def _existing_file(value: str | None, info: ValidationInfo) -> str | None:
    context = info.context or {}
    if value is None or (info.field_name in (*_INPUTS, "fiches_codage") and not context.get("donnees_requises", True)):
        return value
    root = context.get("racine")
    if not resolve(value, root).is_file():
        raise ValueError(f"un fichier existant (chemin relatif au dossier du projet, "
                         f"ici {root}) ; ce fichier est introuvable")
    return value


# The département's own input files: they must exist to run the book, not to write the
# synthetic world that will provide them.
_INPUTS = ("inventaire_sites", "annonces", "partenaires", "entretiens", "situations_entretiens", "questionnaire",
           "calendrier", "territoires", "decisions_doublons", "verite", "annonces_vague2", "corrections_communes",
           "lieux_a_risque", "annonces_clients", "forum", "revue_presse")


class Departement(_Section):
    code: str

    @field_validator("code", mode="before")
    @classmethod
    def known_code(cls, value):
        if isinstance(value, int) and not isinstance(value, bool):
            value = f"{value:02d}"
        if not isinstance(value, str) or value.upper() not in departements():
            raise ValueError("un code INSEE de département existant : 01 à 95 (2A et 2B pour "
                             "la Corse), 971 à 976 pour l'outre-mer, entre guillemets "
                             "(par exemple \"62\")")
        return value.upper()

    @property
    def nom(self) -> str:
        return departements()[self.code]


class Donnees(_Section):
    def __getattribute__(self, name: str):
        if chapters.RECORDING and name in _DONNEES_FIELDS:  # which input files a chapter reads
            chapters.record("donnees:" + name)
        return super().__getattribute__(name)

    nature: Literal["synthetiques", "publiees", "reelles"]
    inventaire_sites: str
    annonces: str | None = None
    partenaires: str | None = None
    entretiens: str | None = None
    situations_entretiens: str | None = None
    questionnaire: str | None = None
    calendrier: str | None = None
    territoires: str | None = None
    decisions_doublons: str | None = None
    verite: str | None = None
    annonces_vague2: str | None = None
    corrections_communes: str | None = None
    lieux_a_risque: str | None = None
    annonces_clients: str | None = None
    forum: str | None = None
    revue_presse: str | None = None
    fiches_codage: list[str] = Field(default_factory=list)

    _fichiers = field_validator(*_INPUTS)(_existing_file)

    @field_validator("fiches_codage")
    @classmethod
    def coder_sheets_exist(cls, paths: list[str], info: ValidationInfo) -> list[str]:
        for path in paths:
            _existing_file(path, info)
        return paths


class VillePrincipale(_Section):
    commune: str = Field(min_length=1)
    part: float = Field(gt=0, lt=1)
    code_postal: str | None = None
    alias: str | None = None


class MondeSynthetique(_Section):
    """How to generate the synthetic world of the département (`diagnostic synth`)."""

    graine: int = Field(ge=0)
    dossier: str = "data/synthetic"
    calibrage: str
    inventaire_modele: str
    villes_principales: list[VillePrincipale] = Field(min_length=1)
    communes_annonces: int = Field(ge=1)
    annonces: int | None = Field(default=None, ge=1)

    _fichiers = field_validator("calibrage", "inventaire_modele")(_existing_file)

    @field_validator("villes_principales")
    @classmethod
    def shares_below_one(cls, towns):
        if sum(t.part for t in towns) >= 1:
            raise ValueError("des parts dont la somme est inférieure à 1 (le reste va aux autres communes)")
        return towns


def _open_unit_interval(description: str):
    return Field(gt=0, lt=1, description=description)


class Echantillonnage(_Section):
    marge_erreur: float = _open_unit_interval("marge d'erreur e de la formule de Cochran")
    niveau_confiance: float = _open_unit_interval("niveau de confiance (0,95 en général)")
    proportion_attendue: float = _open_unit_interval("proportion p supposée (0,5 : le cas le plus prudent)")
    graine: int = Field(ge=0, description="graine du tirage aléatoire")


class Codage(_Section):
    codeurs: list[str] = Field(default_factory=lambda: ["A", "B"], min_length=1)
    double_codage: int = Field(default=50, ge=0, description="annonces codées par les deux premiers codeurs")
    graine: int = Field(default=6, ge=0)

    @field_validator("codeurs")
    @classmethod
    def distinct_coders(cls, coders: list[str]) -> list[str]:
        if len(set(coders)) != len(coders) or any(not c.strip() for c in coders):
            raise ValueError("des identifiants de codeurs distincts et non vides (initiales ou lettres)")
        return coders


class Deduplication(_Section):
    seuil_texte_proche: float = Field(default=0.5, gt=0, le=1)
    mondes_monte_carlo: int = Field(default=200, ge=0)
    graine: int = Field(default=7, ge=0)


class Piste(_Section):
    titre: str = Field(min_length=1)
    indicateur: str = Field(pattern=r"^\d\d:[a-z0-9_]+$",
                            description="chapitre:résultat, par exemple 03:part_situations_echange")
    libelle: str = Field(min_length=1)
    texte: str = Field(min_length=1)
    acteurs: str | None = Field(default=None, description="qui agit")
    horizon: str | None = Field(default=None, description="court, moyen ou long terme")
    suivi: str | None = Field(default=None, description="l'indicateur à suivre")


def _default_actions() -> list[Piste]:
    from .synthesis import DEFAULT_ACTIONS

    return [Piste(**piste) for piste in DEFAULT_ACTIONS]


class Synthese(_Section):
    pistes: list[Piste] = Field(default_factory=_default_actions)
    auteurs: str = Field(default="L'équipe du diagnostic départemental", min_length=1,
                         description="qui signe la restitution (première page du PDF)")
    date: str | None = Field(default=None, pattern=r"^\d{4}-\d{2}-\d{2}$",
                             description="date de la restitution ; par défaut, la fin de la période des données")


class Communes(_Section):
    alias: dict[str, str] = Field(default_factory=dict)


class Confidentialite(_Section):
    seuil_petits_effectifs: int = Field(default=5, ge=2)
    # Findings of the publication check reviewed as false alarms: the SHA-256 of the value
    # found (shown by the finding), never the value itself.
    constats_verifies: tuple[Annotated[str, Field(pattern=r"^[0-9a-f]{64}$")], ...] = ()


class Situations(_Section):
    similarite_min: float = Field(default=0.85, gt=0, le=1)
    bootstrap: int = Field(default=200, ge=0)
    graine: int = Field(default=1, ge=0)


class Parametres(_Section):
    def __getattribute__(self, name: str):
        if chapters.RECORDING and name in _SECTIONS:  # which sections a chapter reads
            chapters.record("section:" + name)
        return super().__getattribute__(name)

    titre: str | None = Field(default=None, min_length=1)
    departement: Departement
    donnees: Donnees
    echantillonnage: Echantillonnage
    situations: Situations = Situations()
    codage: Codage = Codage()
    deduplication: Deduplication = Deduplication()
    synthese: Synthese = Synthese()
    confidentialite: Confidentialite = Confidentialite()
    communes: Communes = Communes()
    monde_synthetique: MondeSynthetique | None = None

    @field_validator("monde_synthetique")
    @classmethod
    def towns_in_departement(cls, value: MondeSynthetique | None, info: ValidationInfo) -> MondeSynthetique | None:
        """The main towns as people write them ("Le Gosier", "Gosier", "St-Omer"), each
        replaced by its official name; an unknown or ambiguous name is refused."""
        departement = info.data.get("departement")
        if value is None or departement is None:
            return value
        import pandas as pd

        from .communes import AMBIGUOUS, UNMATCHED, match

        found = match(pd.Series([t.commune for t in value.villes_principales], dtype=object), departement.code)
        unknown = found.loc[found["statut"] == UNMATCHED, "saisie"].tolist()
        shared = [f"{row.saisie} ({row.precision})" for row in found.itertuples() if row.statut == AMBIGUOUS]
        if unknown or shared:
            raise ValueError(f"des communes du département {departement.code} écrites comme dans le Code officiel "
                             f"géographique, avec ou sans article ; "
                             + " ; ".join([f"inconnues : {', '.join(unknown)}"] * bool(unknown)
                                          + [f"ambiguës : {', '.join(shared)}"] * bool(shared))
                             + " (clé monde_synthetique.villes_principales)")
        towns = [t.model_copy(update={"commune": name}) for t, name in zip(value.villes_principales, found["commune"])]
        return value.model_copy(update={"villes_principales": towns})

    @field_validator("communes")
    @classmethod
    def aliases_name_communes(cls, section: Communes, info: ValidationInfo) -> Communes:
        import pandas as pd

        from . import communes

        departement = info.data.get("departement")
        if not section.alias or departement is None:
            return section
        found = communes.match(pd.Series(list(section.alias.values())), departement.code)
        unknown = [f"{short} → {full}" for (short, full), status in
                   zip(section.alias.items(), found["statut"]) if status != communes.MATCHED]
        if unknown:
            raise ValueError(f"des alias qui désignent chacun une commune du département {departement.code}, "
                             f"écrite comme dans le Code officiel géographique ; aucune commune pour : "
                             f"{', '.join(unknown)} (clé communes.alias)")
        return section

    @property
    def book_title(self) -> str:
        return self.titre or f"Diagnostic départemental de la prostitution — {self.departement.nom}"


_SECTIONS = frozenset(Parametres.model_fields)
_DONNEES_FIELDS = frozenset(Donnees.model_fields)


def _key_place(loc: tuple) -> str:
    return "clé « " + ".".join(str(part) for part in loc) + " »"


class DuplicateKey(yaml.YAMLError):
    """A key written twice in one section of a parameters file."""

    def __init__(self, key, first: int, second: int):
        super().__init__(f"{key} {first} {second}")
        self.key, self.first, self.second = key, first, second


class _UniqueKeyLoader(yaml.SafeLoader):
    """PyYAML's safe loader, refusing a key written twice in a mapping (PyYAML keeps the last)."""

    def construct_mapping(self, node, deep=False):
        lines = {}
        for key_node, _ in node.value:
            if key_node.tag == "tag:yaml.org,2002:merge":
                continue
            key = self.construct_object(key_node, deep=True)
            try:
                first = lines.setdefault(key, key_node.start_mark.line + 1)
            except TypeError:  # an unhashable key: PyYAML's own error says so
                break
            if first != key_node.start_mark.line + 1:
                raise DuplicateKey(key, first, key_node.start_mark.line + 1)
        return super().construct_mapping(node, deep)


_YAML_EXPECTED = "du YAML valide : « clé: valeur », une rubrique par ligne, indentée par des espaces"
_YAML_PROBLEMS = {  # PyYAML's wording → what the line should have been
    "could not find expected ':'": "« clé: valeur » : les deux-points manquent après la clé",
    "found character '\\t' that cannot start any token": "une indentation par espaces (cette ligne contient "
                                                           "une tabulation)",
    "mapping values are not allowed here": "une seule paire « clé: valeur » par ligne (ou la valeur entre "
                                           "guillemets si elle contient « : »)",
}


def _unclosed_quote(text: str) -> int | None:
    """The first line (from 1) that opens a quoted value without closing it, if any."""
    for number, line in enumerate(text.splitlines(), start=1):
        quote, previous, index = None, ":", 0
        while index < len(line):
            char = line[index]
            if quote:
                if char == "\\" and quote == '"':
                    index += 1
                elif char == quote and not (quote == "'" and line[index + 1:index + 2] == "'"):
                    quote = None
                elif char == quote:
                    index += 1
            elif char == "#" and (index == 0 or line[index - 1] in " \t"):
                break
            elif char in "\"'" and previous in ":-[{,":
                quote = char
            if not char.isspace():
                previous = char
            index += 1
        if quote:
            return number
    return None


def _yaml_problem(text: str, exc: yaml.YAMLError) -> Problem:
    """Where a parameters file stops being YAML, and what that line should have been."""
    lines = text.splitlines()
    if isinstance(exc, DuplicateKey):
        return Problem(f"lignes {exc.first} et {exc.second}", exc.key,
                       "une clé écrite une seule fois dans sa rubrique (la seconde valeur remplacerait la "
                       "première sans le dire) : gardez l'une des deux lignes")
    unclosed = _unclosed_quote(text)
    if unclosed:
        return Problem(f"ligne {unclosed}", lines[unclosed - 1].strip(),
                       "des guillemets fermés sur la même ligne que la valeur qu'ils ouvrent")
    problem = getattr(exc, "problem", None) or ""
    mark = exc.context_mark if problem == "could not find expected ':'" else getattr(exc, "problem_mark", None)
    if mark is None:
        return Problem("fichier", None, _YAML_EXPECTED)
    line = mark.line
    if problem == "mapping values are not allowed here":
        # "clé valeur" followed by "clé: valeur": PyYAML reads both lines as one text and stops
        # on the second; the line to correct is the one above, which has no colon.
        above = [n for n in range(line) if lines[n].strip() and not lines[n].lstrip().startswith("#")]
        if above and ":" not in lines[above[-1]] and not lines[above[-1]].lstrip().startswith("-"):
            line, problem = above[-1], "could not find expected ':'"
    shown = lines[line].strip() if line < len(lines) else None
    return Problem(f"ligne {line + 1}", shown or None, _YAML_PROBLEMS.get(problem, _YAML_EXPECTED))


def _text(path: Path) -> str:
    """A parameters file's text, which must be UTF-8; a Latin-1 file is refused with its line."""
    data = path.read_bytes()
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[:exc.start].count(b"\n") + 1
        shown = data.splitlines()[line - 1].decode("cp1252", errors="replace").strip()
        raise InputError(path, [Problem(f"ligne {line}", shown, "un fichier enregistré en UTF-8 : il semble "
                                        "enregistré en Latin-1 ou Windows-1252 (accents) ; enregistrez-le à "
                                        "nouveau en choisissant l'encodage UTF-8")]) from None


def load(path: str | Path, root: Path | None = None, inputs_required: bool = True) -> Parametres:
    """Read and check a parameters file; raise InputError (in French) if anything is wrong.

    With `inputs_required=False` (writing the synthetic world), the département's input
    files need not exist yet. Real data (`nature: reelles`) need a secret pseudonymisation
    key (`privacy.require_key`).
    """
    path = Path(path)
    root = root or project_root()
    if not path.is_file():
        raise InputError(path, [Problem("fichier", str(path), "un fichier de paramètres existant")])
    text = _text(path)
    chapters.start_recording()  # in a chapter executed by the runner: the files it reads from here on
    try:
        raw = yaml.load(text, Loader=_UniqueKeyLoader)
    except yaml.YAMLError as exc:
        raise InputError(path, [_yaml_problem(text, exc)]) from None
    if not isinstance(raw, dict):
        raise InputError(path, [Problem("fichier", type(raw).__name__, "des rubriques « clé: valeur »")])
    if inputs_required and isinstance(raw.get("donnees"), dict):
        privacy.require_key(raw["donnees"].get("nature"), path)  # real data: refused before any file is read
    try:
        return Parametres.model_validate(raw, context={"racine": root, "donnees_requises": inputs_required})
    except ValidationError as exc:
        raise InputError(path, problems_from_pydantic(exc, _key_place)) from None
