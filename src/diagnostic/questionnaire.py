"""Step 2 — the professionals' questionnaire (annex 4 of the report).

The questionnaire is encoded once, as data (`instrument/questionnaire.yaml`); from it the
project writes and reads the two exports users really have: Google Forms (CSV, one row
per response, question texts as headers, multiple choices joined in one cell, the
situation block repeated) and KoboToolbox (`.xlsx`, question codes as headers, the
situations in a repeat-group sheet). Respondents' names, e-mails and phone numbers are
dropped on reading: they never reach a notebook.
"""

from __future__ import annotations

import io
import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import pandas as pd
import yaml
from scipy.stats import binomtest

from .errors import InputError, Problem
from .privacy import mask_free_text
from .spreadsheets import write_workbook
from .text import without_accents
from .tables import decode

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


@cache
def questions() -> tuple[Question, ...]:
    """Every question of annex 4, in order, with its section's repeat group."""
    data = yaml.safe_load(INSTRUMENT.read_text(encoding="utf-8"))
    result = []
    for section in data["sections"]:
        for q in section["questions"]:
            result.append(Question(q["code"], q["texte"], q["type"], tuple(q.get("choix", ())),
                                   bool(q.get("identifiant")), section.get("groupe") == "situation"))
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
    words = re.findall(r"[a-z0-9]+", without_accents(label).lower())
    return "_".join(words)[:40]


def split_choices(cell: str, question: Question) -> list[str]:
    """The choices ticked in a Google Forms cell ("A, B" — labels may contain commas)."""
    cell = (cell or "").strip()
    found = []
    for label in sorted(question.choix, key=len, reverse=True):
        if label in cell:
            found.append(label)
            cell = cell.replace(label, "")
    other = cell.strip(" ,")
    if other:  # Google Forms writes the text typed in "Autre" as it is
        found.append("Autre")
    return [label for label in question.choix if label in found]


def join_choices(labels: list[str]) -> str:
    return ", ".join(labels)


# --- Reading -------------------------------------------------------------------------

def _problem_file(path: Path, message: str, place: str = "fichier") -> InputError:
    return InputError(path, [Problem(place, None, message)])


def read_google_forms(path: str | Path) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Read a Google Forms CSV export; return (responses, situations) without identifiers,
    free-text answers with their contacts and full names masked (`privacy.mask_free_text`)."""
    path = Path(path)
    text = decode(path)
    first = text.splitlines()[0] if text else ""
    separator = ";" if first.count(";") > first.count(",") else ","
    raw = pd.read_csv(io.StringIO(text), sep=separator, dtype=str, keep_default_na=False, header=None)
    header, rows = [str(h).strip() for h in raw.iloc[0]], raw.iloc[1:]
    main, situation = main_questions(), situation_questions()
    expected = [GOOGLE_TIMESTAMP] + [q.texte for q in main]
    columns = {}
    position = 0
    for question_text in expected:
        try:
            position = header.index(question_text, position)
        except ValueError:
            raise _problem_file(path, f"une colonne « {question_text} » (export Google Forms du "
                                      f"questionnaire de l'annexe 4)", "première ligne") from None
        columns[question_text] = position
    blocks, start = [], header.index(situation[0].texte) if situation[0].texte in header else len(header)
    while start < len(header) and header[start] == situation[0].texte:
        blocks.append(start)
        start += len(situation)
    responses, situations = [], []
    for number, (_, row) in enumerate(rows.iterrows(), start=1):
        line = number + 1
        record = {"id_reponse": f"R{number:03d}", "horodatage": row[columns[GOOGLE_TIMESTAMP]]}
        for q in main:
            if q.identifiant:
                continue
            record[q.code] = _value(row[columns[q.texte]], q, path, line, q.texte)
        responses.append(record)
        for k, block in enumerate(blocks, start=1):
            cells = row[block:block + len(situation)]
            if not any(str(c).strip() for c in cells):
                continue
            item = {"id_reponse": record["id_reponse"], "num_situation": k}
            for q, cell in zip(situation, cells):
                if not q.identifiant:
                    item[q.code] = _value(cell, q, path, line, q.texte)
            situations.append(item)
    return _frames(responses, situations)


def _value(cell, question: Question, path: Path, line: int, column: str):
    cell = "" if cell is None else str(cell).strip()
    if question.type == "choix_multiple":
        return split_choices(cell, question)
    if question.type == "entier":
        if not cell:
            return None
        if not re.fullmatch(r"\d+", cell):
            raise InputError(path, [Problem(f"ligne {line}, colonne « {column} »", cell, "un nombre entier")])
        return int(cell)
    if question.type == "choix_unique" and cell and cell not in question.choix:
        raise InputError(path, [Problem(f"ligne {line}, colonne « {column} »", cell,
                                        "l'une des réponses " + " / ".join(question.choix))])
    return mask_free_text(cell) if question.type == "texte" else cell


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


def read_kobo(path: str | Path) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Read a KoboToolbox `.xlsx` export (XML names); return (responses, situations)."""
    path = Path(path)
    sheets = pd.read_excel(path, sheet_name=None, dtype=str)
    names = list(sheets)
    main_sheet = sheets[names[0]].fillna("")
    repeat = sheets.get(KOBO_REPEAT_SHEET)
    if repeat is None:
        raise _problem_file(path, f"une feuille « {KOBO_REPEAT_SHEET} » (groupe répété des situations)")
    repeat = repeat.fillna("")
    main, situation = main_questions(), situation_questions()
    for q in main:
        if q.code not in main_sheet.columns:
            raise _problem_file(path, f"une colonne « {q.code} » dans la feuille « {names[0]} »", "première ligne")
    index_to_id, responses = {}, []
    for number, row in enumerate(main_sheet.to_dict("records"), start=1):
        record = {"id_reponse": f"R{number:03d}", "horodatage": row.get("_submission_time", "")}
        index_to_id[str(row.get("_index", number))] = record["id_reponse"]
        for q in main:
            if not q.identifiant:
                record[q.code] = _kobo_value(row[q.code], q, path, number + 1)
        responses.append(record)
    situations, counters = [], {}
    for number, row in enumerate(repeat.to_dict("records"), start=1):
        parent = index_to_id.get(str(row.get("_parent_index", "")))
        if parent is None:
            raise InputError(path, [Problem(f"feuille « {KOBO_REPEAT_SHEET} », ligne {number + 1}, colonne "
                                            f"« _parent_index »", row.get("_parent_index"),
                                            "le numéro (_index) d'une réponse de la première feuille")])
        counters[parent] = counters.get(parent, 0) + 1
        item = {"id_reponse": parent, "num_situation": counters[parent]}
        for q in situation:
            if not q.identifiant:
                item[q.code] = _kobo_value(row.get(q.code, ""), q, path, number + 1)
        situations.append(item)
    return _frames(responses, situations)


def _kobo_value(cell, question: Question, path: Path, line: int):
    cell = str(cell).strip()
    if question.type in ("choix_unique", "choix_multiple"):
        by_code = {choice_code(label): label for label in question.choix}
        labels = []
        for code in cell.split():
            if code not in by_code:
                raise InputError(path, [Problem(f"ligne {line}, colonne « {question.code} »", code,
                                                "l'un des codes " + ", ".join(by_code))])
            labels.append(by_code[code])
        return labels if question.type == "choix_multiple" else (labels[0] if labels else "")
    if question.type == "entier":
        return int(float(cell)) if cell else None
    return mask_free_text(cell) if question.type == "texte" else cell


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
    """Read the questionnaire export, Google Forms (.csv) or KoboToolbox (.xlsx)."""
    path = Path(path)
    return read_kobo(path) if path.suffix.lower() in (".xlsx", ".xlsm") else read_google_forms(path)


# --- The instrument as an XLSForm (KoboToolbox, ODK) ------------------------------------

_XLSFORM_TYPES = {"texte": "text", "entier": "integer"}


def xlsform_tables() -> dict[str, pd.DataFrame]:
    """Annex 4 as the three sheets of an XLSForm: survey, choices, settings.

    Sections become groups, the situations a repeat group (one per situation described),
    the number consulted is asked only for a collective answer.
    """
    data = yaml.safe_load(INSTRUMENT.read_text(encoding="utf-8"))
    survey, choices = [], []
    for section in data["sections"]:
        repeat = section.get("groupe") == "situation"
        survey.append({"type": "begin_repeat" if repeat else "begin_group", "name": section["code"],
                       "label": section["titre"], "relevant": ""})
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
            survey.append({"type": xls_type, "name": q["code"], "label": q["texte"], "relevant": relevant})
        survey.append({"type": "end_repeat" if repeat else "end_group", "name": "", "label": "", "relevant": ""})
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
