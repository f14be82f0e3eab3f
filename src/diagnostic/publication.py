"""The last check before a book replaces the previous one: nothing published that should not be.

Run at the end of every build (`run.run`), before the new book replaces the last good
one, on the executed notebooks, the HTML pages and the PDF if there is one:

- no phone number, no e-mail address, no respondent's name or contact detail (taken
  from the questionnaire export), no ad's handle (taken from the ad sheet);
- every published table or map about persons (tables marked by `presentation.table(...,
  persons=...)`, maps by `geo.choropleth(..., persons=True)`) shows no count under the
  small-count threshold: only "< 5", "masqué", or counts at or above the threshold.

A finding fails the build and says where (file, and the kind of data found, never the
data itself in full).
"""

from __future__ import annotations

import html
import json
import re
from dataclasses import dataclass
from pathlib import Path

import nbformat
import pandas as pd
from bs4 import BeautifulSoup
from pypdf import PdfReader

from . import privacy, questionnaire
from .geo import PERSONS_MARK
from .presentation import PERSONS_ATTRIBUTE, PERSONS_CLASS
from .params import Parametres
from .paths import resolve
from .tables import read_frame

MASKED = re.compile(r"^(?:<\s*\d+|masqué|—|-|)$")


@dataclass(frozen=True)
class Finding:
    place: str
    what: str

    def __str__(self) -> str:
        return f"{self.place} : {self.what}"


def _hint(value: str) -> str:
    """A finding names what was found without publishing it again: the first characters."""
    return value[:4] + "…"


def sensitive_values(run: Parametres, root: Path | None = None) -> set[str]:
    """Respondents' names, e-mails and phones, and the ads' handles, as in the input files."""
    values: set[str] = set()
    if run.donnees.questionnaire:
        values |= questionnaire.identifying_values(resolve(run.donnees.questionnaire, root))
    if run.donnees.annonces:
        handles = read_frame(resolve(run.donnees.annonces, root)).get("pseudo", pd.Series(dtype=str))
        # a bare first name ("Lina") could be any word; a handle with a mark is unmistakable
        values |= {h.strip() for h in handles if len(h.strip()) >= 4 and re.search(r"[_\-\s\d]", h.strip())}
    return values


def scan_text(text: str, place: str, sensitive: set[str] | frozenset[str]) -> list[Finding]:
    """Phone numbers, e-mail addresses and known identifying values in one text."""
    findings = [Finding(place, f"numéro de téléphone « {_hint(text[a:b])} »") for a, b in privacy.phone_spans(text)]
    findings += [Finding(place, f"adresse électronique « {_hint(text[a:b])} »") for a, b in privacy.email_spans(text)]
    lowered = text.lower()
    findings += [Finding(place, f"donnée d'identification d'un fichier d'entrée « {_hint(v)} »")
                 for v in sorted(sensitive) if v.lower() in lowered]
    return findings


def _count_ok(cell: str, threshold: int) -> bool:
    cell = cell.replace("\u202f", "").replace("\u00a0", "").strip()
    if MASKED.match(cell):
        return True
    try:
        value = float(cell.replace(",", "."))
    except ValueError:
        return True  # a label, not a count
    return value == 0 or value >= threshold


def small_counts_in_tables(markup: str, place: str, threshold: int) -> list[Finding]:
    """Cells of the person-count columns of marked tables under the threshold."""
    findings = []
    for fragment in re.findall(rf"<table[^>]*{PERSONS_CLASS}.*?</table>", markup, flags=re.S):
        table = BeautifulSoup(fragment, "html.parser").table
        wanted = set(filter(None, (table.get(PERSONS_ATTRIBUTE) or "").split("|")))
        header = [th.get_text(" ", strip=True) for th in table.select("thead th")]
        positions = [k for k, name in enumerate(header) if name in wanted]
        for row in table.select("tbody tr"):
            cells = [td.get_text(" ", strip=True) for td in row.find_all(["td", "th"])]
            for k in positions:
                if k < len(cells) and not _count_ok(cells[k], threshold):
                    findings.append(Finding(place, f"effectif de personnes « {cells[k]} » sous le seuil de "
                                                   f"{threshold} dans la colonne « {header[k]} » d'un tableau"))
    return findings


def _walk(node):
    if isinstance(node, dict):
        yield node
        for value in node.values():
            yield from _walk(value)
    elif isinstance(node, list):
        for value in node:
            yield from _walk(value)


def small_counts_in_maps(html: str, place: str, threshold: int) -> list[Finding]:
    """Values under the threshold in the person-count field of marked maps (vega specs)."""
    findings = []
    if PERSONS_MARK not in html:
        return findings
    for match in re.finditer(r"vegaEmbed\(el,(\{.*?\}),\{\"renderer\"", html, flags=re.S):
        if PERSONS_MARK not in match.group(1):
            continue
        try:
            spec = json.loads(match.group(1))
        except json.JSONDecodeError:
            continue
        for view in _walk(spec):
            description = view.get("description")
            if not isinstance(description, str) or not description.startswith(PERSONS_MARK):
                continue
            field = description[len(PERSONS_MARK):]
            for node in _walk(view):
                value = node.get(field)
                if isinstance(value, (int, float)) and 0 < value < threshold:
                    findings.append(Finding(place, f"effectif de personnes {value:g} sous le seuil de {threshold} "
                                                   f"sur une carte (champ « {field} »)"))
    return findings


def _notebook_texts(path: Path):
    notebook = nbformat.read(path, as_version=4)
    for number, cell in enumerate(notebook.cells, start=1):
        for output in cell.get("outputs", []):
            data = output.get("data", {})
            parts = [str(v) for k, v in data.items() if k.startswith("text/") or k.endswith("json")]
            yield number, "\n".join(parts) + output.get("text", "")


def visible_text(markup: str) -> str:
    """The text of a page as a reader sees it (scripts and styles left out), without parsing it."""
    text = re.sub(r"<(script|style)\b.*?</\1>", " ", markup, flags=re.S | re.I)
    return html.unescape(re.sub(r"<[^>]+>", " ", text))


def chart_scripts(markup: str) -> str:
    """The inline scripts of the charts (their data included)."""
    return " ".join(body for body in re.findall(r"<script[^>]*>(.*?)</script>", markup, flags=re.S)
                    if "vegaEmbed" in body)


def check_book(notebooks: Path, html_folder: Path, run: Parametres, root: Path | None = None,
               pdfs: tuple[Path, ...] = ()) -> list[Finding]:
    """Every finding in a built book: its executed notebooks, its HTML pages, its PDFs."""
    sensitive = frozenset(v.lower() for v in sensitive_values(run, root))
    threshold = run.confidentialite.seuil_petits_effectifs
    findings: list[Finding] = []
    for path in sorted(notebooks.glob("*.ipynb")):
        for number, text in _notebook_texts(path):
            findings += scan_text(text, f"notebook {path.name}, cellule {number}", sensitive)
    for path in sorted(html_folder.rglob("*.html")):
        raw = path.read_text(encoding="utf-8")
        place = f"page {path.relative_to(html_folder)}"
        findings += scan_text(visible_text(raw), place, sensitive)
        findings += scan_text(chart_scripts(raw), place + " (données des graphiques)", sensitive)
        findings += small_counts_in_tables(raw, place, threshold)
        findings += small_counts_in_maps(raw, place, threshold)
    for path in pdfs:
        text = "\n".join(page.extract_text() or "" for page in PdfReader(path).pages)
        findings += scan_text(text, f"PDF {path.name}", sensitive)
    return findings
