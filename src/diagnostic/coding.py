"""Step 6 — coding the sampled ads by hand: coder sheets, reading them back, agreement, results.

The report (sections I-B-1, IV-A, V-A-4 and V-B) reads each of the 249 sampled ads and
notes the sex or gender presented, the declared age, the nationality or origin, whether
the person is "de passage", to whom the ad is addressed, and the network indices of
V-A-4. Here:

- every coder gets a spreadsheet of the ads assigned to them, with a drop-down list of
  the codebook's values on every column to fill (`write_coder_sheet`);
- a subsample is coded by two coders, so that their agreement can be measured (Cohen's
  kappa and Krippendorff's alpha, nominal) and their disagreements discussed;
- the filled sheets are read back with a clear message for every unknown value, ad
  absent from the sample, ad coded twice in one sheet, or ad of the sample left out;
- the coded sample gives shares with intervals exact for a sample drawn without
  replacement from a finite population (hypergeometric).
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from functools import cache, cached_property
from collections.abc import Iterable, Mapping
from pathlib import Path

import krippendorff
import numpy as np
import pandas as pd
from scipy.stats import hypergeom, t as student
from sklearn.metrics import cohen_kappa_score

from .errors import InputError, Problem
from . import precoding
from .precoding import codebook
from .spreadsheets import WHOLE_NUMBER, write_workbook
from .tables import EXCEL_SUFFIXES, read_frame, sheet_names
from .text import without_accents

SHEET = "Codage"
SUGGESTIONS_SHEET = "Suggestions"
YES_NO = ["oui", "non"]
# What the coder sees of each ad (the text is the collection sheet's, contacts masked).
AD_COLUMNS = ("num_echantillon", "id_annonce", "site", "categorie", "rang", "date_collecte", "commune_declaree",
              "titre", "texte")
# The pseudonymised keys of the ad (`ads.read_ads`): same number, number without its last two
# digits (neighbouring numbers), same pseudo (same account); then the linkage's suggestion.
KEY_COLUMNS = ("telephone_pseudo", "prefixe_pseudo", "pseudo_pseudo")
LINKAGE_COLUMNS = ("liaison_echantillon", "liaison_avant")
LETTERS = str.maketrans("0123456789", "ghijklmnop")   # a key's digits as letters (hex keys stay distinct)
KEY = "id_annonce"


def variables() -> dict[str, list[str] | str]:
    """Every column a coder fills, in sheet order, with its allowed values (or `entier`)."""
    book = codebook()
    allowed: dict[str, list[str] | str] = {}
    for entry in book["annonce"] + book["profil"]:
        allowed[entry["code"]] = WHOLE_NUMBER if entry["valeurs"] == "entier" else list(entry["valeurs"])
    for entry in book["indices_reseau"]:
        allowed["indice_" + entry["code"]] = YES_NO
    return allowed


def variable_labels() -> dict[str, str]:
    """The French label of every coded variable, as the codebook words it (tables and charts
    show these, never the column names)."""
    book = codebook()
    labels = {entry["code"]: entry["libelle"] for entry in book["annonce"] + book["profil"]}
    return labels | {"indice_" + entry["code"]: entry["libelle"] for entry in book["indices_reseau"]}


@cache
def _value_labels() -> dict[str, dict[str, str]]:
    book = codebook()
    return {entry["code"]: entry.get("libelles", {}) for entry in book["annonce"] + book["profil"]}


def value_label(variable: str, value: str) -> str:
    """A coded value as a reader reads it (« non_renseignee » → « non renseignée »); the
    sheets keep the codebook's values, which the drop-down lists offer."""
    return _value_labels().get(variable, {}).get(value, value)


def codebook_table() -> pd.DataFrame:
    """The codebook as chapter 6 shows it: each sheet column, its label, its definition and
    its values, written as in the drop-down lists with their reading when it differs."""
    book = codebook()
    shown = lambda e, v: v if value_label(e["code"], v) == v else f"{v} ({value_label(e['code'], v)})"  # noqa: E731
    return pd.DataFrame([{"Colonne de la fiche": e["code"], "Libellé": e["libelle"], "Définition": e["definition"],
                          "Valeurs": "nombre entier" if e["valeurs"] == "entier"
                          else " / ".join(shown(e, v) for v in e["valeurs"])}
                         for e in book["annonce"] + book["profil"]])


def shown_disagreements(table: pd.DataFrame) -> pd.DataFrame:
    """The disagreements as a reader reads them: variables by their label, values by their
    reading (the CSV for the coders' meeting keeps the values of the sheets)."""
    coders = [c for c in table.columns if c.startswith("codeur_")]
    shown = table.assign(**{c: [value_label(v, x) for v, x in zip(table["variable"], table[c])] for c in coders})
    return shown.assign(variable=shown["variable"].map(variable_labels()))


def categorical() -> list[str]:
    """The coded variables whose values come from a list (all but the declared age)."""
    return [name for name, allowed in variables().items() if allowed != WHOLE_NUMBER]


def index_columns() -> list[str]:
    """The columns of the nine network indices of section V-A-4."""
    return [name for name in variables() if name.startswith("indice_")]


def assign(sample: pd.DataFrame, coders: list[str], double_coded: int, seed: int) -> pd.DataFrame:
    """Which coder codes which ad: a random subsample of `double_coded` ads goes to the
    first two coders, every other ad to one coder in turn (sample order).

    Returns one row per (ad, coder), with `double` true for the double-coded ads.
    """
    ids = sample[KEY].tolist()
    if len(coders) < 2:
        double_coded = 0
    chosen = set(np.random.default_rng(seed).choice(len(ids), size=min(double_coded, len(ids)), replace=False).tolist())
    rows, turn = [], 0
    for position, ad in enumerate(ids):
        if position in chosen:
            rows += [{KEY: ad, "codeur": coders[0], "double": True}, {KEY: ad, "codeur": coders[1], "double": True}]
        else:
            rows.append({KEY: ad, "codeur": coders[turn % len(coders)], "double": False})
            turn += 1
    return pd.DataFrame(rows, columns=[KEY, "codeur", "double"])


def linkage_suggestions(sample: pd.DataFrame, persons: pd.DataFrame) -> pd.DataFrame:
    """What the linkage of step 7 says of each sampled ad, for the coder to check (issue 15):
    `liaison_echantillon`, the sample numbers (« n° 12 ; n° 40 ») of the other sampled ads it puts with this one;
    `liaison_avant`, the ads of the same person collected before this one (sheet order), the
    clue of a "doublon". `persons`: every ad of the collection sheet, in its order, with its
    `id_personne` (sure links)."""
    person_of = dict(zip(persons[KEY], persons["id_personne"]))
    rank = dict(zip(persons[KEY], range(len(persons))))
    wanted = {person_of.get(ad) for ad in sample[KEY]}
    mates = persons[persons["id_personne"].isin(wanted)].groupby("id_personne")[KEY].agg(list).to_dict()
    number = dict(zip(sample[KEY], sample["num_echantillon"]))
    together, before = [], []
    for ad in sample[KEY]:
        others = [o for o in mates.get(person_of.get(ad), []) if o != ad]
        together.append(" ; ".join(f"n° {number[o]}" for o in others if o in number))  # no run of digits
        earlier = [o for o in others if rank[o] < rank[ad]]
        before.append(", ".join(earlier[:5]) + (f" (+ {len(earlier) - 5} autres)" if len(earlier) > 5 else ""))
    return pd.DataFrame({KEY: sample[KEY].to_numpy(), "liaison_echantillon": together, "liaison_avant": before})


def coder_sheet(sample: pd.DataFrame, assignment: pd.DataFrame, coder: str,
                linkage: pd.DataFrame | None = None) -> pd.DataFrame:
    """The sheet of one coder: the ads assigned to them (with their pseudonymised keys and,
    if given, the linkage's suggestion) and an empty column per variable."""
    mine = assignment.loc[assignment["codeur"] == coder, KEY]
    shown = [c for c in (*AD_COLUMNS, *KEY_COLUMNS) if c in sample.columns]
    sheet = sample[sample[KEY].isin(set(mine))][shown].copy()
    for column in KEY_COLUMNS:
        if column in sheet:  # spelt with letters only: nine digits in a row would read as a phone number
            sheet[column] = sheet[column].fillna("").str.translate(LETTERS)
    if linkage is not None:
        sheet = sheet.merge(linkage, on=KEY, how="left")
    sheet["codeur"] = coder
    for name in variables():
        sheet[name] = ""
    sheet["remarques"] = ""
    return sheet.reset_index(drop=True)


def write_coder_sheet(sheet: pd.DataFrame, suggestions: pd.DataFrame | None, path: str | Path,
                      notice: list[str]) -> Path:
    """Save a coder's sheet as .xlsx: drop-down lists on every column to fill, and the
    pre-coding's suggestions on a sheet of their own (to confirm, never to copy blindly)."""
    sheets = {SHEET: sheet}
    if suggestions is not None:
        sheets[SUGGESTIONS_SHEET] = sheet[["num_echantillon", KEY]].merge(suggestions, on=KEY, how="left")
    allowed = {name: values for name, values in variables().items()}
    return write_workbook(path, sheets, notice=notice, choices={SHEET: allowed})


def _sheet(path: str | Path) -> pd.DataFrame:
    """The "Codage" sheet of a coder's workbook (or the table of a CSV copy).

    A workbook whose "Codage" sheet was renamed (`Feuil1`, or copied into a new workbook)
    is read from its only sheet with an `id_annonce` column.
    """
    if Path(path).suffix.lower() not in EXCEL_SUFFIXES:
        return read_frame(path)
    names = sheet_names(path)
    if SHEET in names:
        return read_frame(path, sheet=SHEET)
    candidates = [name for name in names if name not in ("Lisez-moi", SUGGESTIONS_SHEET)
                  and KEY in read_frame(path, sheet=name).columns]
    if len(candidates) != 1:
        raise InputError(path, [Problem("fichier", None, f"une feuille « {SHEET} » avec une colonne « {KEY} » "
                                                         f"(la fiche de codage d'origine) ; feuilles trouvées : "
                                                         f"{', '.join(names)}")])
    return read_frame(path, sheet=candidates[0])


def _normalise(value: str) -> str:
    return without_accents(str(value)).strip().lower().replace(" ", "_").replace("-", "_")


def _age(value: str) -> int | None:
    number = float(str(value).replace(",", "."))
    if not number.is_integer() or not 0 <= number <= 120:
        raise ValueError
    return int(number)


def read_coder_sheet(path: str | Path, expected: Iterable[str] | None = None,
                     frame: pd.DataFrame | None = None) -> pd.DataFrame:
    """Read back one filled coder sheet; raise InputError listing every problem.

    Values are compared without accents nor case ("Française" is `francaise`). An ad
    found (`annonce_retrouvee` = oui) must have every listed variable filled; an ad not
    found may leave them empty. `expected`, if given, is the set of ads assigned to this
    coder: an ad outside it, or one of them missing, is reported. `frame`: the sheet, if
    already read.
    """
    frame = _sheet(path) if frame is None else frame
    allowed = variables()
    problems = [Problem(f"colonne « {name} »", None, "une colonne de ce nom (la fiche de codage d'origine)")
                for name in [KEY, "codeur", *allowed] if name not in frame.columns]
    if problems:
        raise InputError(path, problems)
    expected = None if expected is None else set(expected)
    first_row: dict[str, int] = {}
    rows = []
    for index, row in frame.iterrows():
        line = index + 2  # the spreadsheet's row: the header is row 1
        ad = str(row[KEY]).strip()
        if not ad and not any(str(row[name]).strip() for name in allowed):
            continue  # an empty line
        if ad in first_row:
            problems.append(Problem(f"ligne {line}, colonne « {KEY} »", ad,
                                    f"une annonce codée une seule fois (déjà codée ligne {first_row[ad]})"))
            continue
        first_row[ad] = line
        if expected is not None and ad not in expected:
            problems.append(Problem(f"ligne {line}, colonne « {KEY} »", ad,
                                    "l'identifiant d'une annonce attribuée à ce codeur ou cette codeuse"))
        record = {KEY: ad, "codeur": str(row["codeur"]).strip()}
        found = _normalise(row["annonce_retrouvee"]) if str(row["annonce_retrouvee"]).strip() else ""
        for name, values in allowed.items():
            raw = str(row[name]).strip()
            if not raw:
                if values != WHOLE_NUMBER and (name == "annonce_retrouvee" or found == "oui"):
                    problems.append(Problem(f"ligne {line}, colonne « {name} »", None,
                                            "une des valeurs " + " / ".join(values)))
                record[name] = None
            elif values == WHOLE_NUMBER:
                try:
                    record[name] = _age(raw)
                except ValueError:
                    problems.append(Problem(f"ligne {line}, colonne « {name} »", raw,
                                            "un nombre entier entre 0 et 120 (l'âge écrit dans l'annonce), ou rien"))
            elif _normalise(raw) not in values:
                problems.append(Problem(f"ligne {line}, colonne « {name} »", raw, "une des valeurs " + " / ".join(values)))
            else:
                record[name] = _normalise(raw)
        rows.append(record)
    if expected is not None:
        problems += [Problem(f"annonce « {ad} »", None, "une ligne pour cette annonce de l'échantillon, "
                                                        "attribuée à ce codeur ou cette codeuse (absente de la fiche)")
                     for ad in sorted(expected - set(first_row))]
    if problems:
        raise InputError(path, problems)
    return pd.DataFrame(rows, columns=[KEY, "codeur", *allowed])


def read_coder_sheets(paths: Iterable[str | Path], assignment: pd.DataFrame | None = None) -> pd.DataFrame:
    """Read back every coder's sheet: one row per (ad, coder).

    With the `assignment` of the sample, each sheet is checked against the ads given to
    the coder named in its `codeur` column.
    """
    coded = []
    for path in paths:
        frame, expected = _sheet(path), None
        if assignment is not None:
            names = sorted(set(frame.get("codeur", pd.Series(dtype=str)).str.strip()) - {""})
            if len(names) != 1 or names[0] not in set(assignment["codeur"]):
                raise InputError(path, [Problem("colonne « codeur »", ", ".join(names) or None,
                                                "un seul codeur ou une seule codeuse, parmi "
                                                + ", ".join(sorted(set(assignment["codeur"]))))])
            expected = assignment.loc[assignment["codeur"] == names[0], KEY]
        coded.append(read_coder_sheet(path, expected, frame))
    return pd.concat(coded, ignore_index=True)


READINGS_KAPPA = [(0.0, "pas d'accord au-delà du hasard"), (0.2, "accord faible"), (0.4, "accord passable"), (0.6, "accord modéré"),
                  (0.8, "accord important"), (1.01, "accord presque parfait")]


def reading_kappa(kappa: float) -> str:
    """Landis and Koch's reading of a kappa (1977): ≤ 0 no agreement beyond chance … > 0.8 almost perfect."""
    if math.isnan(kappa):
        return "non calculable"
    for upper, label in READINGS_KAPPA:
        if kappa <= upper:
            return label
    return READINGS_KAPPA[-1][1]


def reading_alpha(alpha: float) -> str:
    """Krippendorff's reading of alpha: ≥ 0.8 fiable; 0.667 to 0.8 conclusions provisoires."""
    if math.isnan(alpha):
        return "non calculable"
    if alpha >= 0.8:
        return "fiable"
    if alpha >= 0.667:
        return "conclusions provisoires"
    return "à revoir (consignes, exemples)"


def double_coded(coded: pd.DataFrame) -> tuple[pd.DataFrame, pd.DataFrame, str, str]:
    """The ads coded by two coders, as two aligned tables (first coder, second coder)."""
    counts = coded.groupby(KEY)["codeur"].nunique()
    both = coded[coded[KEY].isin(counts[counts == 2].index)]
    coders = list(dict.fromkeys(both.sort_values([KEY, "codeur"])["codeur"]))
    if len(coders) < 2:
        empty = coded.iloc[0:0]
        return empty, empty, "", ""
    first = both[both["codeur"] == coders[0]].set_index(KEY).sort_index()
    second = both[both["codeur"] == coders[1]].set_index(KEY).sort_index()
    common = first.index.intersection(second.index)
    return first.loc[common], second.loc[common], coders[0], coders[1]


def agreement(coded: pd.DataFrame) -> pd.DataFrame:
    """Agreement of two coders, variable by variable, on the double-coded ads.

    Observed agreement, Cohen's kappa (scikit-learn) and Krippendorff's alpha for
    nominal data (`krippendorff`); an ad coded "not found" by either coder, or a value
    left empty, is left out of that variable's comparison.
    """
    first, second, _, _ = double_coded(coded)
    rows = []
    for name in categorical() + ["age_declare"]:
        a, b = first[name], second[name]
        kept = a.notna() & b.notna()
        a, b = a[kept].astype(str), b[kept].astype(str)
        if len(a) == 0:
            continue
        observed = float((a == b).mean())
        if a.nunique() == 1 and b.nunique() == 1 and a.iloc[0] == b.iloc[0]:
            kappa = alpha = float("nan")  # a single value everywhere: agreement is perfect but not measurable
        else:
            kappa = float(cohen_kappa_score(a, b))
            values = sorted(set(a) | set(b))
            codes = {v: k for k, v in enumerate(values)}
            alpha = float(krippendorff.alpha(reliability_data=[a.map(codes).to_numpy(), b.map(codes).to_numpy()],
                                             level_of_measurement="nominal"))
        rows.append({"variable": name, "annonces": int(len(a)), "accord_observe": observed, "kappa": kappa,
                     "lecture_kappa": reading_kappa(kappa), "alpha": alpha, "lecture_alpha": reading_alpha(alpha)})
    return pd.DataFrame(rows)


def disagreements(coded: pd.DataFrame) -> pd.DataFrame:
    """Every double-coded ad and variable on which the two coders differ, to be discussed."""
    first, second, one, two = double_coded(coded)
    rows = []
    for ad in first.index:
        for name in [*categorical(), "age_declare"]:
            a, b = first.at[ad, name], second.at[ad, name]
            if (pd.isna(a) and pd.isna(b)) or a == b:
                continue
            rows.append({KEY: ad, "variable": name, f"codeur_{one}": "" if pd.isna(a) else str(a),
                         f"codeur_{two}": "" if pd.isna(b) else str(b)})
    return pd.DataFrame(rows, columns=[KEY, "variable", f"codeur_{one}", f"codeur_{two}"])


def final_codes(coded: pd.DataFrame, reference_coder: str) -> pd.DataFrame:
    """One row per ad: a double-coded ad keeps `reference_coder`'s codes (the team
    discusses the disagreements list and corrects that coder's sheet if needed)."""
    ordered = coded.assign(_first=coded["codeur"] != reference_coder).sort_values([KEY, "_first"], kind="stable")
    return ordered.drop_duplicates(KEY).drop(columns="_first").reset_index(drop=True)


def hypergeometric_interval(successes: int, sample: int, population: int,
                            confidence: float = 0.95) -> tuple[float, float]:
    """Exact interval of a population share from a sample drawn without replacement.

    The bounds are the smallest and largest numbers K of units with the trait, among the
    `population`, for which seeing `successes` in the `sample` is not too unlikely
    (Clopper–Pearson's construction with the hypergeometric law); returned as shares.
    P(X ≥ successes | K) grows with K and P(X ≤ successes | K) falls with it, so each
    bound is found by bisection: about 2 log2(N) evaluations, not N (50 000 ads in
    milliseconds).
    """
    if not 0 <= successes <= sample <= population:
        raise ValueError(f"need 0 <= successes <= sample <= population, got {successes}, {sample}, {population}")
    if sample == 0:
        return 0.0, 1.0
    tail = (1 - confidence) / 2
    first, last = successes, population - (sample - successes)   # the K that can give `successes`

    def upper_tail(k: int) -> float:   # P(X >= successes | K = k)
        return float(hypergeom.sf(successes - 1, population, k, sample))

    def lower_tail(k: int) -> float:   # P(X <= successes | K = k)
        return float(hypergeom.cdf(successes, population, k, sample))

    low, high = first, last            # the smallest K whose upper tail exceeds `tail`
    while low < high:
        middle = (low + high) // 2
        low, high = (low, middle) if upper_tail(middle) > tail else (middle + 1, high)
    bottom = low
    low, high = first, last            # the largest K whose lower tail exceeds `tail`
    while low < high:
        middle = (low + high + 1) // 2
        low, high = (middle, high) if lower_tail(middle) > tail else (low, middle - 1)
    return float(bottom / population), float(low / population)


def share(flags: pd.Series, population: int, confidence: float = 0.95) -> dict:
    """Share of true values among the non-missing `flags`, with its hypergeometric interval.

    The base is the number of coded ads on which the variable was noted; the population
    is scaled to the same proportion of the ads counted.
    """
    known = flags.dropna().astype(bool)
    base, count = int(len(known)), int(known.sum())
    if base == 0:
        return {"effectif": 0, "base": 0, "part": float("nan"), "bas": float("nan"), "haut": float("nan")}
    total = max(base, round(population * base / len(flags)))
    low, high = hypergeometric_interval(count, base, total, confidence)
    return {"effectif": count, "base": base, "part": count / base, "bas": low, "haut": high}


def mean_interval(values: pd.Series, population: int, confidence: float = 0.95) -> dict:
    """Mean with a Student interval and finite-population correction √(1 − n/N)."""
    values = pd.to_numeric(values, errors="coerce").dropna().astype(float)
    n = len(values)
    if n < 2:
        return {"base": n, "moyenne": float(values.mean()) if n else float("nan"),
                "bas": float("nan"), "haut": float("nan")}
    correction = math.sqrt(max(0.0, 1 - n / population)) if population else 1.0
    half = student.ppf(1 - (1 - confidence) / 2, n - 1) * values.std(ddof=1) / math.sqrt(n) * correction
    return {"base": n, "moyenne": float(values.mean()), "bas": float(values.mean() - half),
            "haut": float(values.mean() + half)}


def sample_results(final: pd.DataFrame, population: int, confidence: float = 0.95,
                   published: Mapping[str, float] | None = None) -> pd.DataFrame:
    """The coded sample's results, as the report presents them (IV-A, III-D, V-A-4, V-B).

    Shares are over the ads found; each comes with its hypergeometric interval and,
    when given, the published value.
    """
    found = final[final["annonce_retrouvee"] == "oui"]
    published = published or {}
    indicators = {
        "femme": ("Sexe présenté : femme", found["sexe_presente"] == "femme"),
        "homme": ("Sexe présenté : homme", found["sexe_presente"] == "homme"),
        "trans": ("Sexe présenté : trans", found["sexe_presente"] == "trans"),
        "age_absent": ("Âge non indiqué", found["age_declare"].isna()),
        "origine_renseignee": ("Nationalité ou origine indiquée", found["origine"] != "non_renseignee"),
        "de_passage": ("« De passage »", found["de_passage"] == "oui"),
        "public_hommes": ("S'adresse aux hommes (seuls ou non)", found["public"] != "femmes"),
        "public_hommes_seuls": ("S'adresse exclusivement aux hommes", found["public"] == "hommes"),
        "indices_reseau": ("Au moins un indice de réseau (V-A-4)", (found[index_columns()] == "oui").any(axis=1)),
        "doublon": ("Doublon d'une annonce relevée avant", found["doublon"] == "oui"),
    }
    rows = []
    for key, (label, flags) in indicators.items():
        result = share(flags, population, confidence)
        rows.append({"indicateur": key, "libelle": label, **result, "publie": published.get(key, float("nan"))})
    return pd.DataFrame(rows)


# Each share of `sample_results` and the figure of the report it reproduces
# (`data/reference/pas-de-calais-2020-chiffres.yaml`, in %).
PUBLISHED = {"femme": "annonces_femmes_part", "homme": "annonces_hommes_part", "trans": "annonces_trans_part",
             "age_absent": "annonces_sans_age_part", "origine_renseignee": "annonces_nationalite_renseignee_part",
             "de_passage": "annonces_de_passage_part", "public_hommes": "audience_hommes_part",
             "public_hommes_seuls": "audience_hommes_exclusivement_part",
             "indices_reseau": "annonces_indices_reseau_part", "doublon": "taux_doublons"}
REFERENCE = "data/reference/pas-de-calais-2020-chiffres.yaml"


def published_shares(path: str | Path) -> dict[str, float]:
    """The report's value of each coded share, as a share (0.84 for "84 %")."""
    import yaml

    figures = {f["id"]: f["valeur"] for f in yaml.safe_load(Path(path).read_text(encoding="utf-8"))["chiffres"]}
    return {key: figures[name] / 100 for key, name in PUBLISHED.items()}


@dataclass
class Coding:
    """Step 6's result. Before the sheets are filled (a département's first build),
    `coded` is None and `missing` says which coders' sheets are awaited."""

    population: int                       # ads collected (step 5)
    sample: pd.DataFrame                  # the ads drawn by step 5
    assignment: pd.DataFrame
    suggestions: pd.DataFrame             # the pre-coding of the sample
    linkage: pd.DataFrame | None          # each sampled ad's linkage suggestion
    quality: pd.DataFrame | None          # the pre-coding against the synthetic truth
    coded: pd.DataFrame | None            # every coder's codes, one row per (ad, coder)
    missing: list[str]
    confidence: float
    published: dict[str, float] | None    # the report's shares (Pas-de-Calais edition only)
    persons: pd.DataFrame | None = None   # the linkage of the whole sheet (read by step 7)
    links: pd.DataFrame | None = None

    def blank_sheet(self, coder: str) -> pd.DataFrame:
        return coder_sheet(self.sample, self.assignment, coder, self.linkage)

    @cached_property
    def final(self) -> pd.DataFrame | None:
        return None if self.coded is None else final_codes(self.coded, self.assignment["codeur"].iloc[0])

    @cached_property
    def found(self) -> pd.DataFrame | None:
        return None if self.final is None else self.final[self.final["annonce_retrouvee"] == "oui"]

    @cached_property
    def shares(self) -> pd.DataFrame | None:
        return None if self.final is None else sample_results(self.final, self.population, self.confidence,
                                                               self.published)

    @cached_property
    def age(self) -> dict | None:
        if self.found is None:
            return None
        ages = self.found["age_declare"]
        return mean_interval(ages, round(self.population * ages.notna().mean()), self.confidence)

    @cached_property
    def agreement(self) -> pd.DataFrame | None:
        return None if self.coded is None else agreement(self.coded)

    @cached_property
    def disagreements(self) -> pd.DataFrame | None:
        return None if self.coded is None else disagreements(self.coded)

    def shown_shares(self, threshold: int) -> pd.DataFrame:
        """The shares as the chapter shows them: counts of ads under `threshold` hidden
        (`disclosure`), percentages, the interval, and the report's value when known."""
        from . import disclosure
        from .presentation import percent

        shares = self.shares
        shown = pd.DataFrame({
            "Indicateur": shares["libelle"], "Annonces": disclosure.protect(shares["effectif"], threshold),
            "Sur": shares["base"], "Part": shares["part"].map(percent),
            f"Intervalle à {percent(self.confidence)}": [f"{percent(b)} – {percent(h)}"
                                                         for b, h in zip(shares["bas"], shares["haut"])]})
        if self.published is not None:
            shown["Rapport du Pas-de-Calais (annonces de 2018)"] = shares["publie"].map(percent)
        return shown

    def awaiting(self, run) -> str | None:
        """What to do while coder sheets are missing (a département's first build), in French."""
        if not self.missing:
            return None
        where = (f"dans le dossier « {blank_sheets_folder(run)} » du projet (jamais publié)"
                 if run.donnees.nature == "reelles" else "dans l'archive ci-dessous")
        return (f"**Les fiches remplies de {', '.join(self.missing)} ne sont pas encore indiquées.** Les fiches "
                f"vierges sont {where}. Faites coder chaque annonce, puis indiquez les fiches remplies dans la "
                f"clé `donnees.fiches_codage` du fichier de paramètres et reconstruisez le livre : l'accord "
                f"entre codeurs, les parts et le taux de doublons (chapitre 7) seront alors calculés.")

    def numbers(self) -> dict:
        """The chapter's figures (saved by `results.save`; the synthesis, the reproduction
        and step 7 read `part_*`, `age_moyen`, `retrouvees` and `doublons`)."""
        numbers = {"codage": self.coded is not None, "manque": self.missing, "annonces": self.population,
                   "echantillon": len(self.sample), "codees_deux_fois": int(self.assignment["double"].sum() // 2)}
        if self.quality is not None:
            numbers["exactitude_min"] = float(self.quality["exactitude"].min())
        if self.coded is None:
            return numbers
        numbers |= {"codees": int(self.coded[KEY].nunique()), "retrouvees": len(self.found),
                    "introuvables": int((self.final["annonce_retrouvee"] == "non").sum()),
                    "doublons": int((self.found["doublon"] == "oui").sum()),
                    "desaccords": len(self.disagreements),
                    "age_moyen": self.age["moyenne"], "age_bas": self.age["bas"], "age_haut": self.age["haut"],
                    "a_revoir": self.agreement.loc[self.agreement["alpha"] < 0.667, "variable"].tolist()}
        for row in self.shares.itertuples(index=False):
            numbers |= {f"part_{row.indicateur}": row.part, f"bas_{row.indicateur}": row.bas,
                        f"haut_{row.indicateur}": row.haut}
        return numbers

    def tables(self) -> dict[str, pd.DataFrame]:
        tables = {} if self.shares is None else {"parts": self.shares}
        if self.persons is not None:
            tables |= {"liaison_personnes": self.persons, "liaison_liens": self.links}
        return tables


def compute(run, root=None, build=".") -> Coding:
    """Step 6 from the validated parameters and step 5's sample, read from the results
    saved in the build folder `build` (sections I-B-1, IV-A, V-A-4 and V-B of the report).

    The filled sheets named by `donnees.fiches_codage` are read back and checked against
    the assignment; a coder whose sheet is not named yet is listed in `missing` (all of
    them on a first build: the chapter then offers the blank sheets and says what to do).
    """
    from . import deduplication, results
    from .paths import resolve
    from .synthetic.world import read_truth

    data, settings = run.donnees, run.codage
    sample = results.load_table("05", "echantillon", build)
    population = int(results.load("05", build)["annonces"])
    assignment = assign(sample, settings.codeurs, settings.double_codage, settings.graine)
    suggestions = precoding.suggest(sample)
    quality = (precoding.quality(suggestions, read_truth(resolve(data.verite, root), "codes-annonces"))
               if data.verite else None)
    persons = links = linkage = None
    if data.annonces:
        persons, links = deduplication.link_collection(run, root)
        linkage = linkage_suggestions(sample, persons)
    coded = (read_coder_sheets([resolve(path, root) for path in data.fiches_codage], assignment)
             if data.fiches_codage else None)
    missing = sorted(set(settings.codeurs) - (set() if coded is None else set(coded["codeur"])))
    published = published_shares(resolve(REFERENCE, root)) if run.departement.code == "62" else None
    return Coding(population, sample, assignment, suggestions, linkage, quality, coded, missing,
                  run.echantillonnage.niveau_confiance, published, persons, links)


SHEET_NOTICES = {
    "synthetiques": "DONNÉES SYNTHÉTIQUES (fictives) : ce fichier sert à apprendre la méthode.",
    "publiees": "Échantillon tiré à partir de l'inventaire publié.",
    "reelles": "Données du diagnostic : fichier à conserver en lieu sûr.",
}


def sheets_folder(code: str) -> str:
    """Where the coder sheets of real data are written, relative to the project: a working
    folder, never published (the sheets carry the ads' texts)."""
    return f"travail/fiches-de-codage-{code}"


def blank_sheets_folder(run) -> str:
    """Where the blank sheets are kept: with real data, `sheets_folder`; otherwise the
    chapter's downloads."""
    return sheets_folder(run.departement.code) if run.donnees.nature == "reelles" else "sorties"


def write_blank_sheets(result: Coding, run, root=None, archive: str | Path = "sorties/fiches-de-codage.zip") -> list[Path]:
    """Write every coder's blank sheet (drop-down lists, the pre-coding on its own sheet) in
    `blank_sheets_folder`, and the archive the chapter offers: the sheets themselves, or,
    with real data, only a notice saying where they are. A real-data sheet already in the
    folder is never replaced: a coder may be filling it (rename it to get a new blank one)."""
    from .paths import resolve
    from .spreadsheets import write_zip

    real = run.donnees.nature == "reelles"
    folder = resolve(blank_sheets_folder(run), root) if real else Path("sorties")
    folder.mkdir(parents=True, exist_ok=True)
    Path(archive).parent.mkdir(parents=True, exist_ok=True)
    written = [write_coder_sheet(result.blank_sheet(coder), result.suggestions, folder / f"fiche-codage-{coder}.xlsx",
                                 notice=[f"Fiche de codage de « {coder} » — {run.departement.nom} — graine du tirage "
                                         f"{run.echantillonnage.graine}.", SHEET_NOTICES[run.donnees.nature],
                                         "Feuille « Codage » : une ligne par annonce, une liste déroulante par colonne "
                                         "à remplir ; les clés pseudonymisées (numéro, numéro sans ses deux derniers "
                                         "chiffres, pseudo) et la suggestion de la liaison aident à coder doublon, "
                                         "même compte et numéros voisins.",
                                         "Feuille « Suggestions » : le pré-codage, à confirmer en lisant l'annonce, "
                                         "jamais à recopier.",
                                         "Annonce introuvable : annonce_retrouvee = non, et le reste vide."])
               for coder in run.codage.codeurs
               if not (real and (folder / f"fiche-codage-{coder}.xlsx").exists())]
    if real:
        write_zip(archive, {"LISEZ-MOI.txt": (f"Les fiches de codage sont dans le dossier « "
                                              f"{blank_sheets_folder(run)} » du projet.\n").encode("utf-8")})
    else:
        write_zip(archive, {path.name: path.read_bytes() for path in written})
    return written
