"""The last check before a book replaces the previous one: nothing published that should not be.

Run at the end of every build (`run.run`), before the new book replaces the last good
one, on the executed notebooks, the HTML pages, every file the book offers for download
(`_downloads/`: xlsx — every sheet and cell —, zip — every member, recursively —, CSV)
and the PDF if there is one:

- no phone number, no e-mail address (one detection with the masking on reading:
  `privacy.phone_spans`, `privacy.email_spans`), no respondent's name or contact detail
  (taken from the questionnaire export), no ad's handle (taken from the ad sheet);
- every published table or map about persons (tables marked by `presentation.table(...,
  persons=...)`, maps by `geo.choropleth(..., persons=True)`) shows no count under the
  small-count threshold: only "< 5", "masqué", or counts at or above the threshold.

Pages are parsed (the standard library's HTML parser, in one pass: building a tree of
the thousands of SVG elements of the charts would be slow): what a reader can see or
hear is scanned —
the visible text, the attributes read aloud or shown on hover (`title`, `alt`,
`aria-label`, `placeholder`…), the links that leave the book (`mailto:`, `tel:`,
external addresses) and the text values of the charts' data (`vegaEmbed(...)` specs) —
never internal identifiers (`id`, `class`, `data-*`, the book's own links, dataset names).

A finding fails the build and says where (file, and the kind of data found, never the
data itself in full). A finding reviewed by the département (a false alarm) is
acknowledged in its parameters by the SHA-256 of the value, never the value
(`confidentialite.constats_verifies`); the finding's message shows that hash.
"""

from __future__ import annotations

import csv
from functools import lru_cache
import hashlib
import io
import json
import re
import zipfile
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path

import nbformat
import pandas as pd

from . import chapters, privacy
from .params import Parametres
from .paths import resolve
from .presentation import PERSONS_ATTRIBUTE, PERSONS_CLASS, PERSONS_MARK
from .tables import read_frame

MASKED = re.compile(r"^(?:<\s*\d+|masqué|—|-|)$")
# Attributes a reader sees on hover or hears from a screen reader.
READER_ATTRIBUTES = ("title", "alt", "aria-label", "aria-description", "placeholder", "summary", "label")
LEAVING_LINK = re.compile(r"^(?:mailto:|tel:|sms:|https?://)", re.IGNORECASE)
# Keys of a chart specification that name things for the program, not for the reader.
INTERNAL_KEYS = frozenset({"$schema", "name", "id", "datasets_names", "usermeta"})
# Joins separate values so that two values never read as one number ("06 39" + "98 12 34").
VALUE_SEPARATOR = " ;\n; "
_EMBED = re.compile(r"vegaEmbed\(el,")


@dataclass(frozen=True)
class Finding:
    place: str
    what: str
    fingerprint: str = ""  # SHA-256 of the value found, for `confidentialite.constats_verifies`

    def __str__(self) -> str:
        hint = f" (empreinte à recopier dans confidentialite.constats_verifies si c'est une fausse alerte " \
               f"vérifiée : {self.fingerprint})" if self.fingerprint else ""
        return f"{self.place} : {self.what}{hint}"


def fingerprint(value: str) -> str:
    """The SHA-256 (hex) of a found value: how a département acknowledges it without writing it."""
    return hashlib.sha256(value.strip().encode("utf-8")).hexdigest()


def _hint(value: str) -> str:
    """A finding names what was found without publishing it again: the first characters."""
    return value[:4] + "…"


def sensitive_values(run: Parametres, root: Path | None = None) -> set[str]:
    """Respondents' names, e-mails and phones, and the ads' handles, as in the input files."""
    from . import questionnaire  # scipy, for the questionnaire's intervals: only when there is one

    values: set[str] = set()
    if run.donnees.questionnaire:
        values |= questionnaire.identifying_values(resolve(run.donnees.questionnaire, root))
    if run.donnees.annonces:
        handles = read_frame(resolve(run.donnees.annonces, root)).get("pseudo", pd.Series(dtype=str))
        # a bare first name ("Lina") could be any word; a handle with a mark is unmistakable
        values |= {h.strip() for h in handles if len(h.strip()) >= 4 and re.search(r"[_\-\s\d]", h.strip())}
    return values


# The handbook's commit, as every page names it (`run.version`): its digits are no phone number
COMMIT = re.compile(r"\bcommit ([0-9a-f]{7,40})\b")


def scan_text(text: str, place: str, sensitive: set[str] | frozenset[str]) -> list[Finding]:
    """Phone numbers (not the digits of the handbook's `COMMIT`), e-mail addresses and known
    identifying values in one text."""
    commits = [match.span(1) for match in COMMIT.finditer(text)]
    findings = [Finding(place, f"numéro de téléphone « {_hint(text[a:b])} »", fingerprint(text[a:b]))
                for a, b in privacy.phone_spans(text) if not any(low <= a and b <= high for low, high in commits)]
    findings += [Finding(place, f"adresse électronique « {_hint(text[a:b])} »", fingerprint(text[a:b]))
                 for a, b in privacy.email_spans(text)]
    findings += [Finding(place, f"donnée d'identification d'un fichier d'entrée « {_hint(v)} »", fingerprint(v))
                 for v in sorted(_values_in(text.lower(), _matcher(frozenset(sensitive))))]
    return findings


@lru_cache(maxsize=4)
def _matcher(sensitive: frozenset[str]):
    """An Aho–Corasick automaton of the values in lower case: every value found in one pass
    over a text (a national sheet has hundreds of thousands of handles, a download
    millions of characters: one search per value took minutes)."""
    import ahocorasick

    automaton = ahocorasick.Automaton()
    for value in sensitive:
        if value:
            automaton.add_word(value.lower(), automaton.get(value.lower(), ()) + (value,))
    if len(automaton):
        automaton.make_automaton()
    return automaton


def _values_in(lowered: str, automaton) -> set[str]:
    """The values whose lower-case form occurs in `lowered` (overlapping occurrences too)."""
    if not len(automaton):
        return set()
    return {value for _, values in automaton.iter(lowered) for value in values}


# Pages ---------------------------------------------------------------------------------

@dataclass
class PersonsTable:
    """A table marked as counting persons: its person-count columns, header and rows (cell texts)."""
    columns: set[str]
    header: list[str] = field(default_factory=list)
    rows: list[list[str]] = field(default_factory=list)


@dataclass
class Page:
    """What a reader can see of one HTML page, and its marked tables and charts."""
    text: str
    attributes: str
    charts: list[dict] = field(default_factory=list)
    persons_tables: list[PersonsTable] = field(default_factory=list)


def _chart_specs(script: str) -> list[dict]:
    """The specifications passed to `vegaEmbed(el, {...}, …)` in one script."""
    specs, decoder = [], json.JSONDecoder()
    for match in _EMBED.finditer(script):
        try:
            spec, _ = decoder.raw_decode(script, match.end())
        except json.JSONDecodeError:
            continue
        if isinstance(spec, dict):
            specs.append(spec)
    return specs


class _PageReader(HTMLParser):
    """One pass of the standard library's HTML parser over a page (a tree of thousands of
    SVG elements per chart would be slow to build): what `Page` holds."""

    # The static drawing of a chart (svg) is not read as text: its axis ticks ("0 10 20 30 40")
    # would read as phone numbers; its data are read from the chart's specification instead.
    HIDDEN = ("script", "style", "noscript", "template", "svg")

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.texts: list[str] = []
        self.attributes: list[str] = []
        self.scripts: list[str] = []
        self.tables: list[PersonsTable] = []
        self.hidden: list[str] = []
        self.table: PersonsTable | None = None
        self.depth = 0  # tables opened inside the marked table
        self.section = ""
        self.cell: list[str] | None = None

    def handle_starttag(self, tag, attrs):
        values = dict(attrs)
        if tag in self.HIDDEN:
            self.hidden.append(tag)
        self.attributes += [values[name] for name in READER_ATTRIBUTES if values.get(name)]
        if tag == "meta" and (values.get("name") or values.get("property") or "").endswith("description"):
            self.attributes.append(values.get("content") or "")
        if LEAVING_LINK.match(values.get("href") or ""):
            self.attributes.append(values["href"])
        if tag == "table":
            if self.table is not None:
                self.depth += 1
            elif PERSONS_CLASS in (values.get("class") or "").split():
                self.table = PersonsTable(set(filter(None, (values.get(PERSONS_ATTRIBUTE) or "").split("|"))))
                self.tables.append(self.table)
        elif self.table is not None and not self.depth:
            if tag in ("thead", "tbody"):
                self.section = tag
            elif tag == "tr" and self.section == "tbody":
                self.table.rows.append([])
            elif tag in ("td", "th"):
                self.cell = []

    def handle_endtag(self, tag):
        if self.hidden and tag == self.hidden[-1]:
            self.hidden.pop()
        if tag == "table" and self.table is not None:
            if self.depth:
                self.depth -= 1
            else:
                self.table, self.section = None, ""
        elif tag in ("td", "th") and self.cell is not None and self.table is not None:
            text = " ".join(t.strip() for t in self.cell if t.strip())
            if self.section == "thead" and tag == "th":
                self.table.header.append(text)
            elif self.section == "tbody" and self.table.rows:
                self.table.rows[-1].append(text)
            self.cell = None

    def handle_data(self, data):
        if self.hidden:
            if self.hidden[-1] == "script" and "vegaEmbed" in data:
                self.scripts.append(data)
            return
        self.texts.append(data)
        if self.cell is not None:
            self.cell.append(data)


def read_page(markup: str) -> Page:
    """Parse a page: its visible text, its reader-visible attributes, its charts, its marked tables."""
    reader = _PageReader()
    reader.feed(markup)
    reader.close()
    return Page(text=" ".join(reader.texts), attributes=VALUE_SEPARATOR.join(reader.attributes),
                charts=[spec for script in reader.scripts for spec in _chart_specs(script)],
                persons_tables=reader.tables)


def _walk(node):
    if isinstance(node, dict):
        yield node
        for value in node.values():
            yield from _walk(value)
    elif isinstance(node, list):
        for value in node:
            yield from _walk(value)


def chart_texts(spec: dict) -> str:
    """The text values of a chart a reader may see (data, titles, tooltips), internal names left out."""
    texts = []

    def collect(node):
        if isinstance(node, dict):
            for key, value in node.items():
                if key not in INTERNAL_KEYS:
                    collect(value)
        elif isinstance(node, list):
            for value in node:
                collect(value)
        elif isinstance(node, str):
            texts.append(node)

    collect(spec)
    return VALUE_SEPARATOR.join(texts)


def _count_ok(cell: str, threshold: int) -> bool:
    cell = cell.replace("\u202f", "").replace("\u00a0", "").strip()
    if MASKED.match(cell):
        return True
    try:
        value = float(cell.replace(",", "."))
    except ValueError:
        return True  # a label, not a count
    return value == 0 or value >= threshold


def small_counts_in_tables(page: Page, place: str, threshold: int) -> list[Finding]:
    """Cells of the person-count columns of marked tables under the threshold."""
    findings = []
    for table in page.persons_tables:
        positions = [k for k, name in enumerate(table.header) if name in table.columns]
        for cells in table.rows:
            for k in positions:
                if k < len(cells) and not _count_ok(cells[k], threshold):
                    findings.append(Finding(place, f"effectif de personnes « {cells[k]} » sous le seuil de "
                                                   f"{threshold} dans la colonne « {table.header[k]} » d'un tableau"))
    return findings


def small_counts_in_maps(page: Page, place: str, threshold: int) -> list[Finding]:
    """Values under the threshold in the person-count field of marked maps (vega specs)."""
    findings = []
    for spec in page.charts:
        for view in _walk(spec):
            description = view.get("description")
            if not isinstance(description, str) or not description.startswith(PERSONS_MARK):
                continue
            name = description[len(PERSONS_MARK):]
            for node in _walk(view):
                value = node.get(name)
                if isinstance(value, (int, float)) and 0 < value < threshold:
                    findings.append(Finding(place, f"effectif de personnes {value:g} sous le seuil de {threshold} "
                                                   f"sur une carte (champ « {name} »)"))
    return findings


def scan_page(markup: str, place: str, sensitive: frozenset[str], threshold: int) -> list[Finding]:
    """Every finding in one HTML page (or HTML output of a notebook)."""
    page = read_page(markup)
    findings = scan_text(page.text, place, sensitive)
    findings += scan_text(page.attributes, place + " (attributs lus ou affichés au survol)", sensitive)
    findings += scan_text(VALUE_SEPARATOR.join(chart_texts(s) for s in page.charts),
                          place + " (données des graphiques)", sensitive)
    findings += small_counts_in_tables(page, place, threshold)
    findings += small_counts_in_maps(page, place, threshold)
    return findings


# Notebooks, downloads, PDFs ------------------------------------------------------------

def _scan_notebook(path: Path, sensitive: frozenset[str], threshold: int) -> list[Finding]:
    notebook = nbformat.read(path, as_version=4)
    findings = []
    for number, cell in enumerate(notebook.cells, start=1):
        place = f"notebook {path.name}, cellule {number}"
        for output in cell.get("outputs", []):
            findings += scan_text(output.get("text", ""), place, sensitive)
            for kind, data in output.get("data", {}).items():
                if kind == "text/html":
                    findings += scan_page(str(data), place, sensitive, threshold)
                elif kind.startswith("text/"):
                    findings += scan_text(str(data), place, sensitive)
                elif kind.endswith("json") and isinstance(data, dict):
                    findings += scan_text(chart_texts(data), place, sensitive)
    return findings


def _cell_text(value) -> str | None:
    if isinstance(value, str):
        return value
    if isinstance(value, int) and abs(value) >= 10_000_000:
        return str(value)  # a phone number typed as a number
    return None


def _file_texts(name: str, content: bytes):
    """(part, text) of every text a downloadable file holds: sheets, members of archives, tables."""
    suffix = Path(name).suffix.lower()
    if suffix in (".xlsx", ".xlsm"):
        from openpyxl import load_workbook

        workbook = load_workbook(io.BytesIO(content), read_only=True, data_only=False)
        for sheet in workbook.worksheets:
            texts = [t for row in sheet.iter_rows(values_only=True) for t in map(_cell_text, row) if t]
            yield f"feuille « {sheet.title} »", VALUE_SEPARATOR.join(texts)
        workbook.close()
    elif suffix == ".zip":
        with zipfile.ZipFile(io.BytesIO(content)) as archive:
            for member in archive.infolist():
                if not member.is_dir():
                    for part, text in _file_texts(member.filename, archive.read(member)):
                        yield f"{member.filename} › {part}" if part else member.filename, text
    elif suffix in (".csv", ".tsv", ".txt", ".json", ".md", ".yaml", ".yml"):
        text = content.decode("utf-8-sig", errors="replace")
        if suffix in (".csv", ".tsv"):
            rows = csv.reader(io.StringIO(text, newline=""), delimiter="\t" if suffix == ".tsv" else ",")
            text = VALUE_SEPARATOR.join(cell for row in rows for cell in row)
        yield "", text


def scan_download(path: Path, place: str, sensitive: frozenset[str]) -> list[Finding]:
    """Every finding in a file the book offers for download (xlsx, zip, CSV, text)."""
    findings = []
    for part, text in _file_texts(path.name, path.read_bytes()):
        findings += scan_text(text, f"{place} › {part}" if part else place, sensitive)
    return findings


CACHE = ".controle.json"  # beside the executed notebooks of the last good book (`run`)


def check_book(notebooks: Path, html_folder: Path, run: Parametres, root: Path | None = None,
               pdfs: tuple[Path, ...] = (), cache: Path | None = None) -> list[Finding]:
    """Every finding in a built book (notebooks, pages, downloads, PDFs) not acknowledged
    in `confidentialite.constats_verifies`.

    `cache`: a file holding the findings of an earlier check, file by file, with each file's
    SHA-256 and the rules it was checked by (the package and its environment, the threshold,
    the sensitive values of the input files, by their hash). A file whose bytes and rules are
    the same is not read again: its findings are those of the earlier check, the same by
    construction. The cache is rewritten with this check's findings.
    """
    sensitive = frozenset(v.lower() for v in sensitive_values(run, root))
    threshold = run.confidentialite.seuil_petits_effectifs
    rules = chapters.digest([chapters.code_fingerprint(), threshold,
                             hashlib.sha256("\n".join(sorted(sensitive)).encode("utf-8")).hexdigest()])
    earlier = json.loads(cache.read_text(encoding="utf-8")) if cache is not None and cache.is_file() else {}
    known = earlier.get("fichiers", {}) if earlier.get("regles") == rules else {}
    checked: dict[str, dict] = {}

    def findings_of(place: str, path: Path, scan) -> list[Finding]:
        digest = hashlib.sha256(path.read_bytes()).hexdigest()
        record = known.get(place)
        if record is None or record["empreinte"] != digest:
            record = {"empreinte": digest, "constats": [[f.place, f.what, f.fingerprint] for f in scan()]}
        checked[place] = record
        return [Finding(*finding) for finding in record["constats"]]

    findings: list[Finding] = []
    for path in sorted(notebooks.glob("*.ipynb")):
        findings += findings_of(f"notebook {path.name}", path, lambda: _scan_notebook(path, sensitive, threshold))
    for path in sorted(html_folder.rglob("*.html")):
        place = f"page {path.relative_to(html_folder)}"
        findings += findings_of(place, path, lambda: scan_page(path.read_text(encoding="utf-8"), place, sensitive,
                                                               threshold))
    for path in sorted(p for p in (html_folder / "_downloads").rglob("*") if p.is_file()):
        place = f"téléchargement {path.relative_to(html_folder)}"
        findings += findings_of(place, path, lambda: scan_download(path, place, sensitive))
    for path in pdfs:
        findings += findings_of(f"PDF {path.name}", path, lambda: _scan_pdf(path, sensitive))
    if cache is not None:
        cache.write_text(json.dumps({"regles": rules, "fichiers": checked}, ensure_ascii=False, indent=0,
                                    sort_keys=True), encoding="utf-8")
    reviewed = set(run.confidentialite.constats_verifies)
    return [f for f in findings if not f.fingerprint or f.fingerprint not in reviewed]


def _scan_pdf(path: Path, sensitive: frozenset[str]) -> list[Finding]:
    from pypdf import PdfReader

    text = "\n".join(page.extract_text() or "" for page in PdfReader(path).pages)
    return scan_text(text, f"PDF {path.name}", sensitive)
