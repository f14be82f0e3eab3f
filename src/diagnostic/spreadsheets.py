"""Excel and CSV files for the people who open them (coders, partners), the same bytes every run.

openpyxl stamps the time of writing into the file (document properties and zip entry
dates); here both are fixed, so that the same run gives byte-identical files.

No text is ever written as a live formula: an ad's text such as `=HYPERLINK(…)` or
`=cmd|' /C calc'!A0` stays a string cell in a workbook, and a CSV cell starting with
`=`, `+`, `-`, `@` (also after spaces), a tab or a carriage return gets OWASP's leading
apostrophe ("CSV injection").
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
import zipfile
from pathlib import Path

import pandas as pd
from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation

FIXED_TIME = dt.datetime(2020, 1, 1)
_ZIP_TIME = (2020, 1, 1, 0, 0, 0)
_HEADER_FILL = PatternFill("solid", fgColor="DCE6F0")
# What a spreadsheet program may read as the start of a formula (OWASP, "CSV injection").
FORMULA_START = re.compile(r"^(?:[ ]*[=+\-@]|[\t\r])")


def _append_text(sheet, values: list) -> None:
    """Append a row whose strings stay strings (openpyxl makes a formula of any "=…").

    The row is read back only when it holds such a string: finding the last row reads
    every cell of the sheet, so that doing it for each row made the time grow with the
    square of the rows (5 000 rows of three columns: 2.7 s, now 0.2 s)."""
    sheet.append(values)
    if any(isinstance(value, str) and value.startswith("=") for value in values):
        for cell in sheet[sheet.max_row]:
            if cell.data_type == "f":
                cell.data_type = "s"


def csv_safe(frame: pd.DataFrame) -> pd.DataFrame:
    """The table with every text cell that could start a formula prefixed by an apostrophe.

    Only the columns that can hold text are read, and the others are shared with `frame`,
    not copied: a national corpus's links are tens of millions of rows of numbers. A column
    of text (pandas' `str`) is searched at once, by Arrow; any other, cell by cell."""
    def safe(value):
        return "'" + value if isinstance(value, str) and FORMULA_START.match(value) else value
    safe_frame = frame.copy(deep=False)
    for k, dtype in enumerate(frame.dtypes):
        column = frame.iloc[:, k]
        if isinstance(dtype, pd.StringDtype):
            safe_frame.isetitem(k, column.mask(column.str.match(FORMULA_START.pattern).fillna(False), "'" + column))
        elif not (pd.api.types.is_numeric_dtype(dtype) or pd.api.types.is_datetime64_any_dtype(dtype)):
            safe_frame.isetitem(k, column.map(safe))
    return safe_frame


def write_csv(frame: pd.DataFrame, target, header: bool = True) -> None:
    """Write a table as UTF-8 CSV (a path or an open text stream, where a table in several
    parts is written part after part, the header with the first), no cell read as a formula.

    Texts are quoted (a carriage return inside a text would otherwise end the row)."""
    csv_safe(frame).to_csv(target, index=False, header=header, lineterminator="\n", quoting=csv.QUOTE_NONNUMERIC)


def _normalise_zip(data: bytes) -> bytes:
    """Rewrite an .xlsx archive with fixed entry dates and document timestamps."""
    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for item in source.infolist():
            content = source.read(item.filename)
            if item.filename == "docProps/core.xml":
                stamp = FIXED_TIME.strftime("%Y-%m-%dT%H:%M:%SZ").encode()
                content = re.sub(rb"(<dcterms:(?:created|modified)[^>]*>)[^<]*", rb"\g<1>" + stamp,
                                 content)
            info = zipfile.ZipInfo(item.filename, date_time=_ZIP_TIME)
            info.compress_type = zipfile.ZIP_DEFLATED
            target.writestr(info, content)
    return out.getvalue()


WHOLE_NUMBER = "entier"


def _validation(allowed: list[str] | str) -> DataValidation:
    """A drop-down list of the allowed values, or a whole number between 0 and 120."""
    if allowed == WHOLE_NUMBER:
        rule = DataValidation(type="whole", operator="between", formula1="0", formula2="120", allow_blank=True)
        rule.error = "Un nombre entier (l'âge écrit dans l'annonce), ou rien."
    else:
        rule = DataValidation(type="list", formula1='"' + ",".join(allowed) + '"', allow_blank=True)
        rule.error = "Choisissez une valeur de la liste : " + ", ".join(allowed) + "."
    rule.errorTitle = "Valeur non prévue par le livre de codes"
    rule.showErrorMessage = True
    return rule


def write_workbook(path: str | Path, sheets: dict[str, pd.DataFrame],
                   notice: list[str] | None = None,
                   choices: dict[str, dict[str, list[str] | str]] | None = None) -> Path:
    """Write one sheet per table (bold header, frozen first row, readable widths).

    `notice`, if given, becomes a first sheet "Lisez-moi" (one line per cell), for
    instance to say that the data are synthetic. `choices[sheet][column]` puts a
    drop-down list of allowed values (or `WHOLE_NUMBER`) on that column's cells.
    """
    workbook = Workbook()
    workbook.remove(workbook.active)
    if notice:
        readme = workbook.create_sheet("Lisez-moi")
        for line in notice:
            _append_text(readme, [line])
        readme.column_dimensions["A"].width = 100
        readme["A1"].font = Font(bold=True)
    for name, table in sheets.items():
        sheet = workbook.create_sheet(name)
        _append_text(sheet, [str(c) for c in table.columns])
        for row in table.itertuples(index=False):
            _append_text(sheet, [None if pd.isna(v) else v for v in row])
        style_header(sheet)
        for index, column in enumerate(table.columns, start=1):
            longest = max([len(str(column))] + [len(str(v)) for v in table[column].head(200)])
            sheet.column_dimensions[get_column_letter(index)].width = min(60, max(10, longest + 2))
        for column, allowed in (choices or {}).get(name, {}).items():
            rule = _validation(allowed)
            letter = get_column_letter(list(table.columns).index(column) + 1)
            rule.add(f"{letter}2:{letter}{max(2, len(table) + 1)}")
            sheet.add_data_validation(rule)
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(workbook_bytes(workbook))
    return path


def style_header(sheet, row: int = 1) -> None:
    """The header look of every table of the project: bold, coloured, wrapped, frozen."""
    for cell in sheet[row]:
        cell.font = Font(bold=True)
        cell.fill = _HEADER_FILL
        cell.alignment = Alignment(wrap_text=True, vertical="top")
    sheet.freeze_panes = f"A{row + 1}"


def workbook_bytes(workbook: Workbook) -> bytes:
    """The .xlsx file of a workbook, with fixed timestamps: the same workbook, the same bytes."""
    workbook.properties.created = workbook.properties.modified = FIXED_TIME
    buffer = io.BytesIO()
    workbook.save(buffer)
    return _normalise_zip(buffer.getvalue())


def write_zip(target: str | Path, members: dict[str, bytes]) -> Path:
    """A zip archive of `members` (name → bytes) with fixed dates: the same files, the same bytes."""
    target = Path(target)
    with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in members.items():
            archive.writestr(zipfile.ZipInfo(name, date_time=FIXED_TIME.timetuple()[:6]), data, zipfile.ZIP_DEFLATED)
    return target
