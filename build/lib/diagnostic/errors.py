"""Clear messages, in French, for bad input.

Every problem found in a user's file names the file, the place (row and column of a
table, key of a parameters file), the value found and what was expected. Validation
itself is done by pydantic models; this module turns pydantic's English error records
into French sentences.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pydantic import ValidationError


SHOWN_PROBLEMS = 25  # a message listing hundreds of rows helps nobody: the first ones, and how many more


@dataclass(frozen=True)
class Problem:
    """One thing wrong in an input file."""

    place: str       # "ligne 4, colonne « annonces »" or "clé « echantillonnage.marge_erreur »"
    value: Any
    expected: str

    def __str__(self) -> str:
        if self.value is None:
            return f"{self.place} : attendu : {self.expected}."
        found = "absente" if self.value is _MISSING else f"« {_shortened(self.value)} »"
        return f"{self.place} : valeur {found} ; attendu : {self.expected}."


def _shortened(value: Any, limit: int = 120) -> str:
    """A value short enough to be read in a message: a whole ad's text is not."""
    text = str(value)
    return text if len(text) <= limit else f"{text[:limit]}… ({len(text)} caractères)"


class InputError(ValueError):
    """A user's file does not have the expected content. Its message is for users."""

    def __init__(self, path: str | Path, problems: list[Problem]):
        self.path = str(path)
        self.problems = problems
        lines = [f"Fichier « {self.path} » : {len(problems)} problème(s) à corriger."]
        lines += [f"  - {problem}" for problem in problems[:SHOWN_PROBLEMS]]
        if len(problems) > SHOWN_PROBLEMS:
            lines.append(f"  … et {len(problems) - SHOWN_PROBLEMS} autre(s) du même genre.")
        super().__init__("\n".join(lines))


_MISSING = object()
_PATTERNS = {
    r"^\d{4}-\d{2}-\d{2}$": "une date écrite AAAA-MM-JJ (par exemple 2018-10-02)",
    r"^(\d{5}|2[AB]\d{3})$": "un code INSEE de commune à cinq caractères (par exemple 62498)",
}


def expected_from_pydantic(error: dict) -> str:
    """What the value should have been, in French, for one pydantic error record."""
    kind = error["type"]
    ctx = error.get("ctx") or {}
    if kind == "missing":
        return "une valeur (cette clé est obligatoire)"
    if kind == "extra_forbidden":
        return "aucune clé de ce nom (clé inconnue : vérifiez l'orthographe)"
    if kind in ("float_parsing", "float_type"):
        return "un nombre (avec un point décimal, par exemple 0.05)"
    if kind in ("int_parsing", "int_type", "int_from_float"):
        return "un nombre entier"
    if kind in ("string_type",):
        return "un texte"
    if kind in ("bool_parsing", "bool_type"):
        return "oui/non (true ou false)"
    if kind in ("dict_type", "model_type"):
        return "une rubrique contenant des clés"
    if kind == "greater_than":
        return f"un nombre strictement supérieur à {ctx['gt']}"
    if kind == "greater_than_equal":
        return f"un nombre supérieur ou égal à {ctx['ge']}"
    if kind == "less_than":
        return f"un nombre strictement inférieur à {ctx['lt']}"
    if kind == "less_than_equal":
        return f"un nombre inférieur ou égal à {ctx['le']}"
    if kind == "string_too_short":
        return "un texte non vide"
    if kind == "string_pattern_mismatch":
        return _PATTERNS.get(ctx.get("pattern"), f"un texte de la forme {ctx.get('pattern')}")
    if kind == "literal_error":
        return "l'une des valeurs " + str(ctx.get("expected", "")).replace(" or ", " ou ")
    if kind == "value_error":
        # Our own validators raise ValueError with a French "expected" text.
        return str(ctx.get("error", error["msg"]))
    return error["msg"]


def problems_from_pydantic(exc: ValidationError, place) -> list[Problem]:
    """Turn a pydantic ValidationError into Problems; `place(loc)` words the location."""
    problems = []
    for error in exc.errors():
        value = _MISSING if error["type"] == "missing" else error.get("input")
        if isinstance(value, dict):
            value = "{…}"
        problems.append(Problem(place(error["loc"]), value, expected_from_pydantic(error)))
    return problems
