"""Reading the tables users keep in Excel or LibreOffice, checked row by row.

Every reader of the project goes through `read_rows`: CSV (UTF-8 with or without BOM,
or Windows-1252 as Excel writes it; comma, semicolon or tab) or `.xlsx`, one pydantic
model per row, and one InputError listing every problem with its row and column.
"""

from __future__ import annotations

import csv
import io
from pathlib import Path
from typing import TypeVar

import pandas as pd
from pydantic import BaseModel, ValidationError

from .errors import InputError, Problem, problems_from_pydantic

Row = TypeVar("Row", bound=BaseModel)
ENCODINGS = ("utf-8-sig", "cp1252")


def decode(path: Path) -> str:
    """The text of a CSV file: UTF-8 (with or without BOM), else Windows-1252."""
    data = path.read_bytes()
    for encoding in ENCODINGS:
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise InputError(path, [Problem("fichier", "encodage inconnu", "un fichier CSV en UTF-8 ou Windows-1252")])


def read_frame(path: str | Path, sheet: str | int = 0) -> pd.DataFrame:
    """A CSV or Excel table as strings (empty cells as ""), headers stripped."""
    path = Path(path)
    if not path.is_file():
        raise InputError(path, [Problem("fichier", str(path), "un fichier existant")])
    if path.suffix.lower() in (".xlsx", ".xlsm"):
        frame = pd.read_excel(path, sheet_name=sheet, dtype=str).fillna("")
    else:
        text = decode(path)
        try:
            dialect = csv.Sniffer().sniff(text[:5000], delimiters=",;\t")
            separator = dialect.delimiter
        except csv.Error:
            separator = ","
        frame = pd.read_csv(io.StringIO(text), sep=separator, dtype=str, keep_default_na=False)
    return frame.rename(columns=lambda c: str(c).strip())


def read_rows(path: str | Path, model: type[Row], aliases: dict[str, str] | None = None,
              required: tuple[str, ...] = (), sheet: str | int = 0,
              unique: str | None = None) -> pd.DataFrame:
    """Read a table and check each row against `model`; return the checked rows.

    `aliases` renames accepted alternative headers; `required` columns must be present;
    `unique` names a column whose values may not repeat.
    """
    path = Path(path)
    frame = read_frame(path, sheet).rename(columns=aliases or {})
    missing = [c for c in required if c not in frame.columns]
    if missing:
        raise InputError(path, [Problem(f"colonne « {c} »", None, "une colonne de ce nom dans la "
                                        "première ligne") for c in missing])
    problems, rows, first_line = [], [], {}
    for index, record in enumerate(frame.to_dict("records")):
        line = index + 2  # the header is line 1 in a spreadsheet or a text editor
        record = {k: (v.strip() or None) if isinstance(v, str) else v for k, v in record.items()}
        if unique and record.get(unique) is not None:
            key = record[unique]
            if key in first_line:
                problems.append(Problem(f"ligne {line}, colonne « {unique} »", key,
                                        f"une valeur qui n'apparaît qu'une fois (déjà ligne {first_line[key]})"))
            first_line.setdefault(key, line)
        try:
            rows.append(model.model_validate(record).model_dump())
        except ValidationError as exc:
            problems += problems_from_pydantic(
                exc, lambda loc, line=line: f"ligne {line}, colonne « {loc[0]} »")
    if problems:
        raise InputError(path, problems)
    return pd.DataFrame(rows, columns=list(model.model_fields))
