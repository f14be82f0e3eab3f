"""Step 2 — the professionals' questionnaire (annex 4 of the report).

The questionnaire is encoded once, as data (`instrument/questionnaire.yaml`); from it the
project writes and reads the two exports users really have: Google Forms (CSV, one row
per response, question texts as headers, multiple choices joined in one cell, the
situation block repeated) and KoboToolbox (`.xlsx`, question codes as headers, the
situations in a repeat-group sheet). Respondents' names, e-mails and phone numbers are
dropped on reading: they never reach a notebook.
"""

from __future__ import annotations

import datetime as dt
import io
import re
import warnings
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import pandas as pd
import yaml

from .errors import InputError, Problem
from .privacy import mask_free_text
from .spreadsheets import write_workbook
from . import tables
from .tables import ColumnWarning, column_letter, decode, header_key
from .text import slug, without_accents

INSTRUMENT = Path(__file__).resolve().parent / "instrument" / "questionnaire.yaml"
GOOGLE_TIMESTAMP = "Horodateur"
KOBO_REPEAT_SHEET = "situation"


@dataclass(frozen=True)
class Question:
    code: str
    texte: str
    type: str
    choix: tuple[str, ...] = ()
    identifiant: bool = False
    situation: bool = False
    libelles: tuple[tuple[str, str], ...] = ()  # (accepted wording as matched, label) for a free answer
    addition: bool = False  # asked by this handbook, not in annex 4: an export without it is still read


@cache
def questions() -> tuple[Question, ...]:
    """Every question of annex 4, in order, with its section's repeat group."""
    data = yaml.safe_load(INSTRUMENT.read_text(encoding="utf-8"))
    result = []
    for section in data["sections"]:
        for q in section["questions"]:
            wordings = tuple((header_key(wording), label) for label, others in (q.get("libelles") or {}).items()
                             for wording in [label, *others])
            result.append(Question(q["code"], q["texte"], q["type"], tuple(q.get("choix", ())),
                                   bool(q.get("identifiant")), section.get("groupe") == "situation", wordings,
                                   bool(q.get("ajout_manuel"))))
    return tuple(result)


def question(code: str) -> Question:
    """The question of annex 4 with this code."""
    return next(q for q in questions() if q.code == code)


def main_questions() -> list[Question]:
    return [q for q in questions() if not q.situation]


def situation_questions() -> list[Question]:
    return [q for q in questions() if q.situation]


def choice_code(label: str) -> str:
    """The XLSForm name of a choice: its label in lower-case ASCII, words joined by "_"."""
    return slug(label)


def split_choices(cell: str, question: Question) -> list[str]:
    """The choices ticked in a Google Forms cell ("A, B" in the Sheet, "A;B" in the form's
    own CSV — labels may contain commas). Text typed in "Autre" is read as "Autre"; any
    other text is not one of the choices (ValueError)."""
    cell = (cell or "").strip()
    found = []
    for label in sorted(question.choix, key=len, reverse=True):
        if label in cell:
            found.append(label)
            cell = cell.replace(label, "")
    other = cell.strip(" ,;")
    if other:
        if "Autre" not in question.choix:  # Google Forms writes the text typed in "Autre" as it is
            raise ValueError(other)
        found.append("Autre")
    return [label for label in question.choix if label in found]


def join_choices(labels: list[str]) -> str:
    return ", ".join(labels)


# --- Reading -------------------------------------------------------------------------

TIMESTAMP_HEADERS = ("horodateur", "timestamp", "horodatage", "date_et_heure")
# The respondent's address when the form collects it: identifying, dropped on reading.
EMAIL_HEADERS = ("adresse_e_mail", "adresse_email", "email_address", "adresse_courriel", "e_mail", "email")
_STAMP = re.compile(r"(\d{1,4})[/.-](\d{1,2})[/.-](\d{1,4})[ T]+(\d{1,2}):(\d{2})(?::(\d{2})(?:[.,]\d+)?)?"
                    r"\s*([AaPp][Mm])?\s*(?:(?:UTC|GMT|Z)?\s*(?:[+-]\d{1,2}(?::?\d{2})?)?)?")
_STAMP_EXPECTED = ("une date et une heure (par exemple 13/02/2024 17:49:00, 2024/02/13 5:49:00 PM UTC+1 "
                   "ou 2024-02-13T17:49:00)")


class _Unexpected(ValueError):
    """A cell that is not an answer to its question; the text says what was expected."""


def _day_first(stamps: list[str]) -> bool:
    """Whether the dates of a file are written day first (French) rather than month first (US)."""
    parts = [m for m in map(_STAMP.fullmatch, stamps) if m and len(m[1]) <= 2]
    if any(int(m[1]) > 12 for m in parts):
        return True
    if any(int(m[2]) > 12 for m in parts):
        return False
    return not any(m[7] for m in parts)


def timestamp(text: str, day_first: bool = True) -> str:
    """A response's date and time as 2024-02-13T17:49:00 (the time as written, zone dropped).

    Google Forms' own CSV writes `2024/02/13 5:49:00 PM UTC+1`, its Sheet `13/02/2024
    17:49:00` (French) or `2/13/2024 17:49:00` (US), the `.xlsx` download an Excel date,
    KoboToolbox `2024-02-13T17:49:00.000+01:00`.
    """
    match = _STAMP.fullmatch(str(text).strip())
    if not match:
        raise _Unexpected(_STAMP_EXPECTED)
    a, b, c, hour, minute, second, half = match.groups()
    year, month, day = (a, b, c) if len(a) == 4 else (c, b, a) if day_first else (c, a, b)
    hour = int(hour)
    if half:
        if not 1 <= hour <= 12:
            raise _Unexpected(_STAMP_EXPECTED)
        hour = hour % 12 + (12 if half.lower() == "pm" else 0)
    try:
        moment = dt.datetime(int(year), int(month), int(day), hour, int(minute), int(second or 0))
    except ValueError:
        raise _Unexpected(_STAMP_EXPECTED) from None
    return moment.isoformat()


def _read_cell(cell: str, question: Question, codes: bool = False):
    """One answer as the tables hold it: a list of labels for a multiple choice, an int,
    or text. `codes`: choices written as XLSForm names (KoboToolbox)."""
    cell = "" if cell is None else str(cell).strip()
    if question.type in ("choix_unique", "choix_multiple"):
        if codes:
            by_code = {choice_code(label): label for label in question.choix}
            unknown = [c for c in cell.split() if c not in by_code]
            if unknown:
                raise _Unexpected("l'un des codes " + ", ".join(by_code))
            labels = [by_code[c] for c in cell.split()]
        elif question.type == "choix_multiple":
            try:
                labels = split_choices(cell, question)
            except ValueError as exc:
                raise _Unexpected(f"les réponses proposées (texte non reconnu : « {exc} ») : "
                                  + " / ".join(question.choix)) from None
        else:
            by_key = {header_key(label): label for label in question.choix}
            if cell and header_key(cell) not in by_key:
                raise _Unexpected("l'une des réponses " + " / ".join(question.choix))
            labels = [by_key[header_key(cell)]] if cell else []
        return labels if question.type == "choix_multiple" else (labels[0] if labels else "")
    if question.type == "entier":
        if not cell:
            return None
        if not re.fullmatch(r"\d+", cell):
            raise _Unexpected("un nombre entier")
        return int(cell)
    if question.libelles and cell:
        wordings = dict(question.libelles)
        if header_key(cell) not in wordings:
            raise _Unexpected("l'un des champs d'activité " + " / ".join(dict.fromkeys(wordings.values()))
                              + " (ou une formulation courante, voir instrument/questionnaire.yaml)")
        return wordings[header_key(cell)]
    return mask_free_text(cell) if question.type == "texte" else cell


@dataclass
class _GoogleLayout:
    """Where each question of annex 4 is in a Google Forms export."""

    main: dict[str, int]
    blocks: list[dict[str, int]]  # one per situation section: question code → column
    ignored: list[int]            # columns at the right of the last question


def _google_layout(path: Path, header: list[str]) -> _GoogleLayout:
    """Match the headers with the questions, in order; situation sections by their questions.

    The situation section may be repeated; each repetition must have every question, in
    order, except the last, which may be shorter (Google Forms leaves out the questions the
    owner deleted). A question this handbook adds to annex 4 may be absent from every
    section (a form built from annex 4 as it is). Any header that is not the expected
    question is an error naming it.
    """
    keys = [header_key(h) for h in header]
    order = list(questions())
    first = next(i for i, q in enumerate(order) if q.situation)
    before, situation = order[:first], situation_questions()
    after = [q for q in order[first:] if not q.situation]

    def unexpected(column: int, expected: str) -> InputError:
        found = header[column] if column < len(header) else None
        place = f"première ligne, colonne {column_letter(column)}" if found is not None \
            else f"première ligne, après la colonne {column_letter(len(header) - 1)}"
        return InputError(path, [Problem(place, found, expected + " (questionnaire de l'annexe 4, questions "
                                                                  "dans l'ordre du formulaire)")])

    def expect(q: Question, column: int) -> int:
        if column >= len(keys) or keys[column] != header_key(q.texte):
            raise unexpected(column, f"la question « {q.texte} »")
        return column

    if keys[0] not in TIMESTAMP_HEADERS:
        raise unexpected(0, f"la colonne « {GOOGLE_TIMESTAMP} » (date et heure de chaque réponse)")
    column = 1
    while column < len(keys) and keys[column] in EMAIL_HEADERS:
        column += 1
    main = {}
    for q in before:
        main[q.code] = expect(q, column)
        column += 1
    situation_keys = [header_key(q.texte) for q in situation]
    end, blocks, last = header_key(after[0].texte), [], -1
    while column < len(keys) and keys[column] != end:
        if keys[column] not in situation_keys:
            following = situation[last + 1] if 0 <= last < len(situation) - 1 else situation[0]
            here = f"« {following.texte} »"
            if following.addition:  # optional: the question after it may come instead
                here += f" ou, sans cette question ajoutée par le manuel, « {situation[situation.index(following) + 1].texte} »"
            raise unexpected(column, f"une question de la section « Description des situations » (ici {here})"
                                     f", ou la question « {after[0].texte} » qui la suit")
        index = situation_keys.index(keys[column])
        if not blocks or index <= last:
            blocks.append({})
        blocks[-1][situation[index].code] = column
        last, column = index, column + 1
    if not blocks:
        raise unexpected(column, f"la question « {situation[0].texte} » (section « Description des situations »)")
    for number, block in enumerate(blocks[:-1], start=1):
        missing = [q for q in situation if q.code not in block and not q.addition]
        if missing:
            columns = sorted(block.values())
            raise InputError(path, [Problem(
                f"première ligne, section de situation n° {number} (colonnes {column_letter(columns[0])} à "
                f"{column_letter(columns[-1])})", None,
                f"la question « {missing[0].texte} » : chaque section de situation reprend toutes les questions, "
                f"dans l'ordre ; seule la dernière peut être plus courte")])
    for q in after:
        main[q.code] = expect(q, column)
        column += 1
    ignored = [c for c in range(column, len(header)) if header[c].strip()]
    if ignored:
        warnings.warn(f"Fichier « {path} » : colonne(s) après la dernière question, non lue(s) : "
                      + ", ".join(f"{column_letter(c)} « {header[c]} »" for c in ignored) + ".",
                      ColumnWarning, stacklevel=3)
    return _GoogleLayout(main, blocks, ignored)


def read_google_forms(path: str | Path) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Read a Google Forms export; return (responses, situations) without identifiers.

    Accepted as they come: the CSV downloaded from the form itself, the CSV or `.xlsx`
    download of its Sheet, in any of the encodings and separators of `tables.read_grid`.
    Every problem is reported with its row and column.
    """
    path = Path(path)
    grid = tables.read_grid(path)
    header, rows = grid[0], grid[1:]
    layout = _google_layout(path, header)
    situation = situation_questions()
    day_first = _day_first([row[0] for row in rows])
    responses, situations, problems = [], [], []

    def read(cell: str, q: Question, line: int, column: int):
        try:
            return _read_cell(cell, q)
        except _Unexpected as exc:
            problems.append(Problem(f"ligne {line}, colonne {column_letter(column)} « {header[column]} »", cell, str(exc)))

    for number, row in enumerate(rows, start=1):
        line = number + 1
        if not any(c.strip() for c in row):
            continue
        record = {"id_reponse": f"R{len(responses) + 1:03d}", "horodatage": None}
        try:
            record["horodatage"] = timestamp(row[0], day_first)
        except _Unexpected as exc:
            problems.append(Problem(f"ligne {line}, colonne A « {header[0]} »", row[0], str(exc)))
        for q in main_questions():
            if not q.identifiant:
                record[q.code] = read(row[layout.main[q.code]], q, line, layout.main[q.code])
        responses.append(record)
        for k, block in enumerate(layout.blocks, start=1):
            if not any(row[c].strip() for code, c in block.items() if code != "autre_situation"):
                continue  # a section left empty ("Oui" to another situation, then nothing described)
            item = {"id_reponse": record["id_reponse"], "num_situation": k}
            for q in situation:
                if not q.identifiant:
                    item[q.code] = read(row[block[q.code]], q, line, block[q.code]) if q.code in block \
                        else _absent(q)
            situations.append(item)
    _check_answers(path, responses, problems)
    return _frames(responses, situations)


def _absent(question: Question):
    """The answer to a question the export does not have: None for a question this handbook
    adds (not asked, which is not the same as left blank), an empty answer otherwise."""
    return None if question.addition else _read_cell("", question)


def _check_answers(path: Path, responses: list[dict], problems: list[Problem]) -> None:
    if not responses and not problems:
        problems.append(Problem("lignes", None, "au moins une réponse sous la ligne d'en-têtes (le fichier n'a "
                                                "que ses en-têtes : aucune réponse)"))
    if problems:
        raise InputError(path, problems)


def identifying_values(path: str | Path) -> set[str]:
    """The identifying answers of an export (names, e-mails, phones of the respondents).

    The readers drop them; the publication check (`publication.check_book`) searches the
    built book for them, to prove that none got through.
    """
    path = Path(path)
    marked = [q for q in main_questions() + situation_questions() if q.identifiant]
    if path.suffix.lower() in (".xlsx", ".xlsm"):
        frames = pd.read_excel(path, sheet_name=None, dtype=str).values()
        columns = lambda frame: [c for c in frame.columns if any(str(c).split("/")[-1] == q.code for q in marked)]  # noqa: E731
    else:
        text = decode(path)
        first = text.splitlines()[0] if text else ""
        frames = [pd.read_csv(io.StringIO(text), sep=";" if first.count(";") > first.count(",") else ",",
                              dtype=str, keep_default_na=False)]
        columns = lambda frame: [c for c in frame.columns  # noqa: E731
                                 if any(re.sub(r"\.\d+$", "", str(c)).strip() == q.texte.strip() for q in marked)]
    values = set()
    for frame in frames:
        for column in columns(frame):
            values |= {v.strip() for v in frame[column].fillna("") if len(v.strip()) >= 4}
    return values


def _kobo_sheet(path: Path, sheet: str | int) -> tuple[list[str], list[dict[str, str]]]:
    """A sheet of a KoboToolbox export: its headers, and its rows keyed by question code
    (headers "groupe/code" as Kobo writes them inside groups)."""
    grid = tables.read_grid(path, sheet)
    codes = [h.strip().split("/")[-1] for h in grid[0]]
    rows = [{code: row[i] for i, code in reversed(list(enumerate(codes)))} for row in grid[1:]
            if any(c.strip() for c in row)]
    return codes, rows


def read_kobo(path: str | Path) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Read a KoboToolbox `.xlsx` export (XML names); return (responses, situations)."""
    path = Path(path)
    names = tables.sheet_names(path)
    if KOBO_REPEAT_SHEET not in names:
        raise InputError(path, [Problem("fichier", None, f"une feuille « {KOBO_REPEAT_SHEET} » (groupe répété des "
                                                         f"situations) ; feuilles trouvées : {', '.join(names)}")])
    main_codes, main_rows = _kobo_sheet(path, 0)
    repeat_codes, repeat_rows = _kobo_sheet(path, KOBO_REPEAT_SHEET)
    main, situation = main_questions(), situation_questions()
    missing = [q.code for q in main if q.code not in main_codes]
    if missing:
        raise InputError(path, [Problem(f"feuille « {names[0]} », colonne « {code} » absente", None,
                                        "une colonne de ce nom (export KoboToolbox avec les noms XML)")
                                for code in missing])
    problems: list[Problem] = []

    def read(row: dict, q: Question, sheet: str, line: int):
        try:
            return _read_cell(row.get(q.code, ""), q, codes=True)
        except _Unexpected as exc:
            problems.append(Problem(f"feuille « {sheet} », ligne {line}, colonne « {q.code} »", row.get(q.code), str(exc)))

    index_to_id, responses = {}, []
    for number, row in enumerate(main_rows, start=1):
        record = {"id_reponse": f"R{number:03d}", "horodatage": None}
        try:
            record["horodatage"] = timestamp(row.get("_submission_time", ""))
        except _Unexpected as exc:
            problems.append(Problem(f"feuille « {names[0]} », ligne {number + 1}, colonne « _submission_time »",
                                    row.get("_submission_time"), str(exc)))
        index_to_id[str(row.get("_index", number))] = record["id_reponse"]
        for q in main:
            if not q.identifiant:
                record[q.code] = read(row, q, names[0], number + 1)
        responses.append(record)
    situations, counters = [], {}
    for number, row in enumerate(repeat_rows, start=1):
        parent = index_to_id.get(str(row.get("_parent_index", "")))
        if parent is None:
            problems.append(Problem(f"feuille « {KOBO_REPEAT_SHEET} », ligne {number + 1}, colonne « _parent_index »",
                                    row.get("_parent_index"), "le numéro (_index) d'une réponse de la première feuille"))
            continue
        counters[parent] = counters.get(parent, 0) + 1
        item = {"id_reponse": parent, "num_situation": counters[parent]}
        for q in situation:
            if not q.identifiant:
                item[q.code] = read(row, q, KOBO_REPEAT_SHEET, number + 1) if q.code in repeat_codes else _absent(q)
        situations.append(item)
    _check_answers(path, responses, problems)
    return _frames(responses, situations)


def _frames(responses: list[dict], situations: list[dict]) -> tuple[pd.DataFrame, pd.DataFrame]:
    main = ["id_reponse", "horodatage"] + [q.code for q in main_questions() if not q.identifiant]
    repeat = ["id_reponse", "num_situation"] + [q.code for q in situation_questions() if not q.identifiant]
    return pd.DataFrame(responses, columns=main), pd.DataFrame(situations, columns=repeat)


def professionals_consulted(responses: pd.DataFrame) -> pd.Series:
    """Professionals behind each response: 1, or the number consulted for a collective answer."""
    collective = responses["mode_reponse"].str.startswith("A titre collectif")
    return responses["nb_consultes"].where(collective, 1).fillna(1).astype(int)


# --- Indicators (section "Synthèse" and I-A-5 of the report) --------------------------

IDENTIFIED = ("Identifié des situations de risque prostitutionnel (des personnes vous semblant particulièrement "
              "exposées au risque d'entrer dans la prostitution)",
              "Identifié, de manière probable ou avérée, des situations de prostitution")


def wilson_interval(count: float, base: float, confidence: float = 0.95) -> tuple[float, float]:
    """Wilson score interval for a proportion (scipy's binomtest), on whole numbers."""
    from scipy.stats import binomtest  # scipy.stats takes most of a second to import: not for the publication check

    if base <= 0:
        return (float("nan"), float("nan"))
    result = binomtest(int(round(count)), int(round(base))).proportion_ci(confidence, method="wilson")
    return float(result.low), float(result.high)


def indicator(label: str, count: float, base: float, confidence: float = 0.95) -> dict:
    low, high = wilson_interval(count, base, confidence)
    return {"indicateur": label, "effectif": int(round(count)), "base": int(round(base)),
            "part": count / base if base else float("nan"), "borne_basse": low, "borne_haute": high}


def indicators(responses: pd.DataFrame, interviews: pd.DataFrame | None = None,
               confidence: float = 0.95) -> pd.DataFrame:
    """The report's indicators about the professionals, each with its base and interval.

    Each response counts for the professionals it speaks for (a collective answer for all
    those consulted), as the report counts "61 professionnel.les". "Ont identifié des
    situations" also counts the professionals met in interviews, those met by both means
    once (58 of 92 in the report). The professionals of a collective answer are not
    independent: the intervals are indicative.
    """
    weights = professionals_consulted(responses)
    everyone = float(weights.sum())
    identified = responses["reperage"].map(lambda ticked: any(t in IDENTIFIED for t in ticked))
    count_identified, base_identified = float(weights[identified].sum()), everyone
    if interviews is not None and len(interviews):
        met = interviews["professionnels"].astype(int)
        both = interviews["deja_repondu_questionnaire"].astype(int)
        said_yes = interviews["situations_identifiees"] == "oui"
        count_identified += float((met - both)[said_yes].sum())
        base_identified += float((met - both).sum())
    took_charge = responses["prise_en_charge"] == "Oui"
    rows = [
        indicator("Ont déjà identifié des personnes en situation ou en risque de prostitution",
                  count_identified, base_identified, confidence),
        indicator("S'estiment insuffisamment outillé·es (parmi celles et ceux qui ont pris en charge des personnes)",
                  weights[took_charge & (responses["outille"] == "Non")].sum(), weights[took_charge].sum(), confidence),
        indicator("Ont suivi une formation sur le système prostitutionnel",
                  weights[responses["formation"] == "Oui"].sum(), everyone, confidence),
        indicator("Ne connaissaient pas la commission départementale",
                  weights[responses["sait_commission"].str.startswith("Non")].sum(), everyone, confidence),
        indicator("Ne connaissaient pas le parcours de sortie de la prostitution",
                  weights[responses["sait_parcours"].str.startswith("Non")].sum(), everyone, confidence),
    ]
    for need in question("besoins").choix:
        if need == "Autre":
            continue
        rows.append(indicator(f"Besoin : {need}", weights[responses["besoins"].map(lambda b: need in b)].sum(),
                              everyone, confidence))
    return pd.DataFrame(rows)


def answer_shares(responses: pd.DataFrame, code: str) -> pd.DataFrame:
    """How the professionals answered a single-choice question (blank answers left out)."""
    weights = professionals_consulted(responses)
    answered = responses[code].fillna("") != ""
    table = weights[answered].groupby(responses.loc[answered, code]).sum()
    table = table.reindex([c for c in question(code).choix if c in table.index])
    return pd.DataFrame({"reponse": table.index, "professionnels": table.to_numpy(),
                         "part": table.to_numpy() / table.sum()})


def read_answers(path: str | Path) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Read the questionnaire export: Google Forms (CSV, or the `.xlsx` of its Sheet) or
    KoboToolbox (`.xlsx` with XML names), told apart by their headers."""
    path = Path(path)
    if path.suffix.lower() not in tables.EXCEL_SUFFIXES:
        return read_google_forms(path)
    header = {header_key(h) for h in tables.read_grid(path)[0]}
    google = header & set(TIMESTAMP_HEADERS) or header_key(main_questions()[0].texte) in header
    return read_google_forms(path) if google else read_kobo(path)


# --- The instrument as an XLSForm (KoboToolbox, ODK) ------------------------------------

_XLSFORM_TYPES = {"texte": "text", "entier": "integer"}
ADDITION_NOTE = "Question ajoutée par le manuel du diagnostic : elle n'est pas dans l'annexe 4 du rapport."


def xlsform_tables() -> dict[str, pd.DataFrame]:
    """Annex 4 as the three sheets of an XLSForm: survey, choices, settings.

    Sections become groups, the situations a repeat group (one per situation described),
    the number consulted is asked only for a collective answer; a question this handbook
    adds says so in its hint.
    """
    data = yaml.safe_load(INSTRUMENT.read_text(encoding="utf-8"))
    survey, choices = [], []
    for section in data["sections"]:
        repeat = section.get("groupe") == "situation"
        survey.append({"type": "begin_repeat" if repeat else "begin_group", "name": section["code"],
                       "label": section["titre"], "hint": "", "relevant": ""})
        for q in section["questions"]:
            kind = q["type"]
            if kind in ("choix_unique", "choix_multiple"):
                list_name = f"l_{q['code']}"
                xls_type = ("select_one " if kind == "choix_unique" else "select_multiple ") + list_name
                choices += [{"list_name": list_name, "name": choice_code(label), "label": label}
                            for label in q["choix"]]
            else:
                xls_type = _XLSFORM_TYPES[kind]
            relevant = "selected(${mode_reponse}, 'a_titre_collectif_service_ou_structure')" \
                if q["code"] == "nb_consultes" else ""
            survey.append({"type": xls_type, "name": q["code"], "label": q["texte"],
                           "hint": ADDITION_NOTE if q.get("ajout_manuel") else "", "relevant": relevant})
        survey.append({"type": "end_repeat" if repeat else "end_group", "name": "", "label": "", "hint": "",
                       "relevant": ""})
    settings = pd.DataFrame([{"form_title": data["titre"], "form_id": "diagnostic_partage_annexe4",
                              "version": "1", "default_language": "French (fr)"}])
    return {"survey": pd.DataFrame(survey), "choices": pd.DataFrame(choices), "settings": settings}


def write_xlsform(path: str | Path) -> Path:
    """Write the XLSForm (.xlsx) that KoboToolbox or ODK can deploy as it is."""
    return write_workbook(path, xlsform_tables())


def all_situations(survey_situations: pd.DataFrame, interview_situations: pd.DataFrame | None) -> pd.DataFrame:
    """Every situation described, from the questionnaire and from the interviews, in one
    table with the same variables (annex 4) and its source: the input of step 3."""
    survey = survey_situations.rename(columns={"id_reponse": "id_source"}).assign(source="questionnaire")
    parts = [survey]
    if interview_situations is not None and len(interview_situations):
        parts.append(interview_situations.rename(columns={"id_entretien": "id_source"}).assign(source="entretien"))
    columns = ["source", "id_source", "num_situation"] + [q.code for q in situation_questions()
                                                           if not q.identifiant and q.code != "autre_situation"]
    table = pd.concat(parts, ignore_index=True)
    return table[[c for c in columns if c in table.columns]]


@dataclass
class Survey:
    """Step 2's result: the answers, the interviews, the report's indicators with their bases."""

    responses: pd.DataFrame
    situations: pd.DataFrame          # every situation described, questionnaire and interviews
    interviews: pd.DataFrame
    consulted: pd.Series              # professionals each response speaks for
    indicators: pd.DataFrame
    export: str                       # "Google Forms" or "KoboToolbox"

    def obstacles(self) -> pd.DataFrame:
        """The obstacles named in free text, masked on reading, with how many answers name each."""
        named = self.responses["freins"].fillna("")
        return named[named != ""].value_counts().rename_axis("frein").reset_index(name="reponses")

    def by_source(self) -> pd.DataFrame:
        """Situations described in the questionnaire and in interviews, and how many sources."""
        table = self.situations.groupby("source").agg(situations=("num_situation", "size"),
                                                      sources=("id_source", "nunique")).reset_index()
        return table.assign(source=table["source"].map({"questionnaire": "Questionnaire (réponses)",
                                                        "entretien": "Entretiens"}))

    def numbers(self) -> dict:
        shares = self.indicators.set_index("indicateur")
        needs = {f"part_besoin_{slug(label.removeprefix('Besoin : '))}": float(row.part)
                 for label, row in shares.iterrows() if label.startswith("Besoin : ")}
        return {"reponses": len(self.responses), "reponses_collectives": int((self.consulted > 1).sum()),
                "professionnels_questionnaire": int(self.consulted.sum()),
                "part_identifie": float(self.indicators["part"].iloc[0]),
                "identifie_effectif": float(self.indicators["effectif"].iloc[0]),
                "identifie_base": float(self.indicators["base"].iloc[0]),
                "part_insuffisamment_outille": float(self.indicators["part"].iloc[1]),
                "base_insuffisamment_outille": float(self.indicators["base"].iloc[1]),
                "premiere_reponse": str(self.responses["horodatage"].min())[:10] if len(self.responses) else None,
                "derniere_reponse": str(self.responses["horodatage"].max())[:10] if len(self.responses) else None,
                "premier_entretien": str(self.interviews["date"].min()) if len(self.interviews) else None,
                "dernier_entretien": str(self.interviews["date"].max()) if len(self.interviews) else None, **needs}

    def glued(self) -> dict[str, str]:
        """The figures chapter 2's prose cites, formatted; the needs listed most cited first."""
        from .presentation import number, percent

        numbers = self.numbers()
        needs = self.indicators[self.indicators["indicateur"].str.startswith("Besoin : ")].sort_values(
            "part", ascending=False, kind="stable")
        return {"nb_reponses": number(numbers["reponses"]), "nb_collectives": number(numbers["reponses_collectives"]),
                "nb_professionnels_q": number(numbers["professionnels_questionnaire"]), "format_export": self.export,
                "part_identifie": percent(numbers["part_identifie"]),
                "identifie_effectif": number(numbers["identifie_effectif"]),
                "identifie_base": number(numbers["identifie_base"]),
                "part_outille": percent(numbers["part_insuffisamment_outille"]),
                "besoins_liste": " ; ".join(f"{i.removeprefix('Besoin : ').lower()} ({percent(p)})"
                                            for i, p in zip(needs["indicateur"], needs["part"]))}

    def shown_tables(self) -> dict[str, "HTML"]:
        """Chapter 2's tables, labelled in French: `indicateurs` (each share on its base),
        `freins`, `entretiens`, `sources` (situations by source)."""
        from .presentation import percent, table

        indicators = self.indicators.assign(pourcentage=lambda t: t["part"].map(percent))
        return {"indicateurs": table(indicators[["indicateur", "pourcentage", "effectif", "base"]],
                                     labels={"indicateur": "Indicateur", "pourcentage": "Part",
                                             "effectif": "Professionnel·les", "base": "Sur (base)"}),
                "freins": table(self.obstacles(), labels={"frein": "Frein cité", "reponses": "Réponses"}),
                "entretiens": table(self.interviews[["date", "structure", "par_telephone", "professionnels"]],
                                    labels={"date": "Date", "structure": "Structure", "par_telephone": "Par téléphone",
                                            "professionnels": "Professionnel·les rencontré·es"}),
                "sources": table(self.by_source(), labels={"source": "Source", "situations": "Situations décrites",
                                                           "sources": "Réponses ou entretiens"})}


QUESTION_TYPES = {"texte": "texte libre", "entier": "nombre", "choix_unique": "un choix",
                  "choix_multiple": "plusieurs choix"}


def codebook() -> "HTML":
    """The questionnaire's codebook (annex 4), folded: code, question, type, possible answers."""
    import html

    from IPython.display import HTML

    rows = ["<tr><td><code>{}</code></td><td>{}{}</td><td>{}</td><td>{}</td></tr>".format(
        question.code, html.escape(question.texte),
        " <em>(répétée pour chaque situation)</em>" if question.situation else "",
        QUESTION_TYPES[question.type] + (" — donnée personnelle, écartée à la lecture" if question.identifiant else ""),
        html.escape(" ; ".join(question.choix))) for question in questions()]
    return HTML("<details><summary><strong>Livre de codes du questionnaire</strong> ({} questions)</summary>"
                "<table class='table tableau-diagnostic'><thead><tr><th>Code</th><th>Question</th><th>Type</th>"
                "<th>Réponses possibles</th></tr></thead><tbody>{}</tbody></table></details>".format(
                    len(questions()), "".join(rows)))


def compute(run, root: Path | None = None) -> Survey:
    """Step 2 from the validated parameters (sections I-A-2, I-A-3 and annex 4 of the report)."""
    from . import partners
    from .paths import resolve

    data = run.donnees
    responses, survey_situations = read_answers(resolve(data.questionnaire, root))
    interviews = partners.read_interviews(resolve(data.entretiens, root))
    notes = (partners.read_interview_situations(resolve(data.situations_entretiens, root))
             if data.situations_entretiens else None)
    return Survey(responses, all_situations(survey_situations, notes), interviews, professionals_consulted(responses),
                  indicators(responses, interviews, run.echantillonnage.niveau_confiance),
                  "KoboToolbox" if str(data.questionnaire).lower().endswith((".xlsx", ".xlsm")) else "Google Forms")
