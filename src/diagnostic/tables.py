"""Reading the tables users keep in Excel or LibreOffice, as they come, checked row by row.

Every reader of the project goes through this module:

- `read_grid`: the cells of a CSV (UTF-8 with or without BOM, UTF-16 as Excel's
  "Texte Unicode" writes it, or Windows-1252; comma, semicolon or tab) or of an `.xlsx`
  sheet, as text, with a French message naming the file for every file that cannot be
  read (empty, truncated, password-protected, a CSV renamed `.xlsx`, a row longer than
  the header…);
- `read_frame`: the same table with its headers matched without case, accents,
  surrounding spaces or punctuation (`Téléphone`, ` ID annonce ` are `telephone`,
  `id_annonce`);
- `read_rows`: every row checked against one pydantic model (in one call), unknown
  headers reported (`ColumnWarning`), and one InputError listing every problem with its
  row and column.

`Date` is the one date type of the readers: a real date, written 2018-10-02, 02/10/2018
or as an Excel date cell, read as 2018-10-02.
"""

from __future__ import annotations

import csv
import datetime as dt
import functools
import io
import re
import warnings
import zipfile
from pathlib import Path
from typing import Annotated, TypeVar

import pandas as pd
from openpyxl import load_workbook
from pydantic import BaseModel, BeforeValidator, TypeAdapter, ValidationError

from .errors import InputError, Problem, problems_from_pydantic
from .text import without_accents

Row = TypeVar("Row", bound=BaseModel)
EXCEL_SUFFIXES = (".xlsx", ".xlsm")
SEPARATORS = (",", ";", "\t")
EXCEL_CELL_LIMIT = 32767  # characters an Excel cell can hold
ORIGINAL_HEADERS = "entetes"  # frame.attrs key: matched header → header as typed in the file
_OLE2 = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # password-protected workbooks and old .xls files
_SAVE_AS = "un tableau enregistré au format .xlsx ou .csv"


class ColumnWarning(UserWarning):
    """Columns of a user's table that no reader uses (a typo in a header, most often)."""


def header_key(text: str) -> str:
    """A header as the readers match it: "  Téléphone " → "telephone", "ID annonce" → "id_annonce"."""
    words = re.findall(r"[0-9a-z]+", without_accents(str(text)).lower())
    return "_".join(words)


def column_letter(index: int) -> str:
    """The spreadsheet letter of the column at this 0-based position: 0 → A, 27 → AB."""
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


# --- Dates ---------------------------------------------------------------------------

DATE_EXPECTED = "une date réelle écrite AAAA-MM-JJ ou JJ/MM/AAAA (par exemple 2018-10-02 ou 02/10/2018)"


def iso_date(value) -> str | None:
    """A date cell as 2018-10-02: "2018-10-02", "02/10/2018", "2/10/2018", an Excel date cell."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    if isinstance(value, dt.datetime):
        return value.date().isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    text = str(value).strip()
    iso = re.fullmatch(r"(\d{4})-(\d{1,2})-(\d{1,2})(?:[ T]00:00(?::00)?)?", text)
    french = re.fullmatch(r"(\d{1,2})/(\d{1,2})/(\d{4})", text)
    try:
        if iso:
            return dt.date(int(iso[1]), int(iso[2]), int(iso[3])).isoformat()
        if french:
            return dt.date(int(french[3]), int(french[2]), int(french[1])).isoformat()
    except ValueError:
        pass
    raise ValueError(DATE_EXPECTED)


Date = Annotated[str, BeforeValidator(iso_date)]


# --- Cells of a file ---------------------------------------------------------------------

def _problem(path: Path, expected: str, place: str = "fichier") -> InputError:
    return InputError(path, [Problem(place, None, expected)])


def decode(path: Path) -> str:
    """The text of a CSV file: UTF-16 with its BOM, else UTF-8 (with or without BOM), else Windows-1252."""
    data = path.read_bytes()
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError:
            raise _problem(path, "un texte UTF-16 complet (le fichier est tronqué ou abîmé)") from None
    for encoding in ("utf-8-sig", "cp1252"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise _problem(path, "un fichier CSV en UTF-8, UTF-16 ou Windows-1252")


def _separator(text: str) -> str:
    """The separator that splits the header line into the most columns (a comma on a tie)."""
    header_line = text.splitlines()[0]
    counts = {sep: len(next(csv.reader([header_line], delimiter=sep), [])) for sep in SEPARATORS}
    return max(SEPARATORS, key=lambda sep: (counts[sep], sep == ","))


def _csv_cells(path: Path) -> list[list[str]]:
    text = decode(path)
    if not text.strip():
        raise _problem(path, "une première ligne d'en-têtes (les noms des colonnes) : le fichier est vide")
    try:
        return [row for row in csv.reader(io.StringIO(text), delimiter=_separator(text), strict=True)]
    except csv.Error as exc:
        raise _problem(path, f"un fichier CSV bien formé (guillemets fermés ; erreur de lecture : {exc})") from None


def _excel_text(value) -> str:
    """An Excel cell as the user sees it: dates as 2018-10-02, whole numbers without ".0"."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "oui" if value else "non"
    if isinstance(value, dt.datetime):
        return value.date().isoformat() if value.time() == dt.time() else value.isoformat(sep=" ")
    if isinstance(value, (dt.date, dt.time)):
        return value.isoformat()
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() else repr(value)
    return str(value)


def sheet_names(path: str | Path) -> list[str]:
    """The sheets of a workbook, with a French message if it cannot be opened."""
    return _open_workbook(Path(path)).sheetnames


def _open_workbook(path: Path):
    head = path.read_bytes()[:8]
    if head.startswith(_OLE2):
        raise _problem(path, "un classeur .xlsx sans mot de passe : ce fichier est protégé par un mot de passe, "
                             "ou c'est un ancien classeur .xls (ouvrez-le et enregistrez-le au format .xlsx, "
                             "sans mot de passe)")
    if not head.startswith(b"PK"):
        kind = "vide" if not head else "un fichier texte (un CSV ?) renommé en .xlsx" \
            if _looks_like_text(path) else "d'un autre format"
        raise _problem(path, f"un classeur Excel (.xlsx) : ce fichier est {kind} ; enregistrez-le au format "
                             ".xlsx, ou nommez-le .csv si c'est un CSV")
    try:
        return load_workbook(path, read_only=True, data_only=True)
    except (zipfile.BadZipFile, KeyError, OSError, ValueError, TypeError):
        raise _problem(path, "un classeur Excel (.xlsx) complet : ce fichier est tronqué ou abîmé "
                             "(copie interrompue ?) ; ouvrez-le dans Excel ou LibreOffice et enregistrez-le "
                             "à nouveau") from None


def _looks_like_text(path: Path) -> bool:
    try:
        decode(path)
    except InputError:
        return False
    return True


def _excel_cells(path: Path, sheet: str | int) -> list[list[str]]:
    workbook = _open_workbook(path)
    names = workbook.sheetnames
    if isinstance(sheet, int):
        name = names[sheet]
    elif sheet in names:
        name = sheet
    else:
        raise _problem(path, f"une feuille « {sheet} » (feuilles trouvées : {', '.join(names)})")
    try:
        rows = [[_excel_text(v) for v in row] for row in workbook[name].iter_rows(values_only=True)]
    except (zipfile.BadZipFile, KeyError, OSError, ValueError) as exc:
        raise _problem(path, f"une feuille « {name} » lisible ({exc})") from None
    finally:
        workbook.close()
    return rows


def read_grid(path: str | Path, sheet: str | int = 0) -> list[list[str]]:
    """Every row of a table, the header row first, as text (empty cells as "").

    Rows shorter than the header are padded, blank rows at the end dropped; an empty file
    or a row longer than the header are refused with a French message.
    """
    path = Path(path)
    if not path.is_file():
        raise _problem(path, "un fichier existant")
    suffix = path.suffix.lower()
    if suffix in (".xls", ".ods", ".numbers"):
        raise _problem(path, f"{_SAVE_AS} (le format {suffix} n'est pas lu)")
    rows = _excel_cells(path, sheet) if suffix in EXCEL_SUFFIXES else _csv_cells(path)
    while rows and not any(c.strip() for c in rows[-1]):  # blank lines at the end ("; ; ;" from Excel)
        rows.pop()
    if not rows or not any(c.strip() for c in rows[0]):
        raise _problem(path, "une première ligne d'en-têtes (les noms des colonnes) : le fichier est vide")
    header = rows[0]
    while header and not header[-1].strip():  # Excel's empty columns on the right
        header = header[:-1]
    width = len(header)
    problems = []
    result = [header]
    for number, row in enumerate(rows[1:], start=2):
        if len(row) == width:   # most rows: as many cells as headers
            result.append(row)
            continue
        filled = max((i + 1 for i, c in enumerate(row) if c.strip()), default=0)
        if filled > width:
            problems.append(Problem(f"ligne {number}", f"{filled} cellules", f"au plus {width} cellules, une par "
                                    "colonne d'en-tête (un séparateur de trop, ou une colonne sans nom ?)"))
        result.append((row[:width] + [""] * width)[:width])
    if problems:
        raise InputError(path, problems)
    return result


def read_frame(path: str | Path, sheet: str | int = 0) -> pd.DataFrame:
    """A table as strings (empty cells as ""), one row per spreadsheet row after the header.

    Headers are matched by `header_key` (`Téléphone` → `telephone`); the headers as typed
    are kept in `frame.attrs[ORIGINAL_HEADERS]`. Two headers that match the same name are
    refused.
    """
    path = Path(path)
    grid = read_grid(path, sheet)
    header = [header_key(h) or f"colonne_{column_letter(i)}" for i, h in enumerate(grid[0])]
    seen: dict[str, int] = {}
    problems = []
    for i, key in enumerate(header):
        if key in seen:
            problems.append(Problem(f"colonne {column_letter(i)}", grid[0][i],
                                    f"un nom de colonne qui n'apparaît qu'une fois (même nom que la colonne "
                                    f"{column_letter(seen[key])} « {grid[0][seen[key]]} »)"))
        seen.setdefault(key, i)
    if problems:
        raise InputError(path, problems)
    frame = pd.DataFrame(grid[1:], columns=header, dtype=object)
    frame.attrs[ORIGINAL_HEADERS] = {key: str(typed).strip() for key, typed in zip(header, grid[0])}
    return frame


@functools.cache
def _rows_model(model: type[Row]) -> TypeAdapter:
    """`model`'s check of a whole table at once (pydantic's core checks the rows in one call)."""
    return TypeAdapter(list[model])


def read_rows(path: str | Path, model: type[Row], aliases: dict[str, str] | None = None,
              required: tuple[str, ...] = (), sheet: str | int = 0,
              unique: str | None = None, empty_allowed: bool = True,
              not_read: tuple[str, ...] = ()) -> pd.DataFrame:
    """Read a table and check each row against `model`; return the checked rows.

    Headers are matched without case, accents or punctuation. `aliases` renames accepted
    alternative headers; `required` columns must be present; `unique` names a column
    whose values may not repeat; `empty_allowed=False` refuses a table with no row.
    Columns the model does not read are reported by a `ColumnWarning`, except `not_read`
    ones, which a template writes for its reader's eyes only; empty rows are
    skipped, and rows are numbered as in the spreadsheet.
    """
    path = Path(path)
    frame = read_frame(path, sheet)
    typed = frame.attrs[ORIGINAL_HEADERS]
    frame = frame.rename(columns={header_key(k): v for k, v in (aliases or {}).items()})
    missing = [c for c in required if c not in frame.columns]
    if missing:
        found = ", ".join(f"« {typed[h]} »" for h in typed) or "aucune"
        raise InputError(path, [Problem(f"colonne « {c} » absente", None,
                                        f"une colonne « {c} » dans la première ligne ; colonnes trouvées : {found}")
                                for c in missing])
    unknown = [typed.get(c, c) for c in frame.columns if c not in model.model_fields and c not in not_read]
    if unknown:
        warnings.warn(f"Fichier « {path} » : colonne(s) non lue(s), ignorée(s) : "
                      + ", ".join(f"« {c} »" for c in unknown)
                      + ". Colonnes lues : " + ", ".join(model.model_fields) + ".", ColumnWarning, stacklevel=2)
    columns = [c for c in frame.columns if c in model.model_fields]
    cells = list(zip(*([cell.strip() for cell in frame[c].tolist()] for c in columns)))   # row by row
    # empty rows are skipped; the header is line 1 in a spreadsheet; empty cells are None
    lines = [number for number, row in enumerate(cells, start=2) if any(row)]
    records = [{c: cell or None for c, cell in zip(columns, row)} for row in cells if any(row)]
    problems = []   # (line, problem), sorted by line at the end
    if unique in columns:
        values = [record[unique] for record in records]
        first_line: dict[str, int] = {}
        for line, key in zip(lines, values):
            if key is not None and first_line.setdefault(key, line) != line:
                problems.append((line, Problem(f"ligne {line}, colonne « {unique} »", key,
                                               f"une valeur qui n'apparaît qu'une fois (déjà ligne {first_line[key]})")))
    rows: list = []
    try:
        rows = _rows_model(model).dump_python(_rows_model(model).validate_python(records))
    except ValidationError as exc:
        found = problems_from_pydantic(exc, lambda loc: f"ligne {lines[loc[0]]}, colonne « {loc[1]} »")
        problems += zip((lines[error["loc"][0]] for error in exc.errors()), found)
    if not rows and not problems and not empty_allowed:
        problems.append((0, Problem("lignes", None, "au moins une ligne de données sous la ligne d'en-têtes "
                                                    "(le fichier n'a que ses en-têtes)")))
    if problems:
        raise InputError(path, [problem for _, problem in sorted(problems, key=lambda found: found[0])])
    return pd.DataFrame.from_records(rows, columns=list(model.model_fields))
