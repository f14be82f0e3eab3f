"""The synthetic questionnaire answers written as the tools users have export them."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pandas as pd

from .. import questionnaire
from ..spreadsheets import write_workbook


def _cell(value, question: questionnaire.Question) -> str:
    if question.type == "choix_multiple":
        return questionnaire.join_choices(value or [])
    if value is None or (isinstance(value, float) and pd.isna(value)):
        return ""
    return str(int(value)) if question.type == "entier" else str(value)


def write_google_forms(responses: pd.DataFrame, situations: pd.DataFrame, path: Path) -> Path:
    """Google Forms CSV: timestamp first, question texts as headers, the situation block
    repeated as many times as the longest response needs, UTF-8 with BOM."""
    main, repeat = questionnaire.main_questions(), questionnaire.situation_questions()
    blocks = int(situations.groupby("id_unite").size().max()) if len(situations) else 1
    # The form puts the situation section after section I, before section II.
    split = [q.code for q in main].index("nb_personnes_total") + 1
    header = [questionnaire.GOOGLE_TIMESTAMP] + [q.texte for q in main[:split]]
    header += [q.texte for _ in range(blocks) for q in repeat] + [q.texte for q in main[split:]]
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(header)
    by_unit = {u: s.sort_values("num_situation") for u, s in situations.groupby("id_unite")}
    for response in responses.to_dict("records"):
        row = [response["horodatage"]] + [_cell(response[q.code], q) for q in main[:split]]
        own = by_unit.get(response["id_unite"], pd.DataFrame()).to_dict("records")
        for k in range(blocks):
            row += [_cell(own[k][q.code], q) for q in repeat] if k < len(own) else [""] * len(repeat)
        row += [_cell(response[q.code], q) for q in main[split:]]
        writer.writerow(row)
    path.write_bytes(buffer.getvalue().encode("utf-8-sig"))
    return path


def _kobo_cell(value, question: questionnaire.Question):
    if question.type == "choix_multiple":
        return " ".join(questionnaire.choice_code(v) for v in (value or []))
    if question.type == "choix_unique":
        return questionnaire.choice_code(value) if value else ""
    return _cell(value, question)


def write_kobo(responses: pd.DataFrame, situations: pd.DataFrame, path: Path) -> Path:
    """KoboToolbox `.xlsx` export with XML names: one sheet of responses, one of situations."""
    main, repeat = questionnaire.main_questions(), questionnaire.situation_questions()
    rows = []
    for index, response in enumerate(responses.to_dict("records"), start=1):
        day, month, rest = response["horodatage"].split("/")
        year, time = rest.split(" ")
        stamp = f"{year}-{month}-{day}T{time}"
        rows.append({"start": stamp, "end": stamp, **{q.code: _kobo_cell(response[q.code], q) for q in main},
                     "_id": 100000 + index, "_uuid": f"00000000-0000-4000-8000-{index:012d}",
                     "_submission_time": stamp, "_index": index})
    index_of = {u: i for i, u in enumerate(responses["id_unite"], start=1)}
    repeat_rows = []
    for k, situation in enumerate(situations.to_dict("records"), start=1):
        repeat_rows.append({**{q.code: _kobo_cell(situation[q.code], q) for q in repeat}, "_index": k,
                            "_parent_table_name": "questionnaire_diagnostic",
                            "_parent_index": index_of[situation["id_unite"]]})
    return write_workbook(path, {"questionnaire_diagnostic": pd.DataFrame(rows),
                                 questionnaire.KOBO_REPEAT_SHEET: pd.DataFrame(repeat_rows)})
