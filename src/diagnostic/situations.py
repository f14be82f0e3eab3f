"""Step 3 — counting the situations professionals report (section II-A of the report).

The report's first headline, "167 personnes a minima, dont 152 en situation probable
ou avérée", comes from the situations described in the questionnaire and in interviews,
counted with explicit rules (note 15: no number given → 1; several numbers → the
smallest) and with the same situation reported by several professionals counted once.
This module makes each of those steps explicit and auditable:

- `count_a_minima`: the counting rule applied to what a professional wrote, with the rule
  used written beside it;
- `candidate_pairs` and `consolidate`: situations from different sources that look like
  the same one, with the reasons, then resolved by rule or by a reviewer's decision file;
- the profiles of the persons, each on its own base.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Literal

import pandas as pd
import yaml
from pydantic import BaseModel, ConfigDict, Field
from rapidfuzz import fuzz

from .groups import DisjointSets
from . import disclosure
from .presentation import percent
from .partners import FIELD_LABELS, FIELDS
from .tables import read_rows
from .text import slug, without_accents

if TYPE_CHECKING:
    from . import mse

# Stated a-minima values of the words professionals use for numbers.
APPROXIMATE = {"une dizaine": 10, "une quinzaine": 15, "une vingtaine": 20, "une trentaine": 30,
               "quelques": 2, "plusieurs": 2}
NUMBER_WORDS = {"un": 1, "une": 1, "deux": 2, "trois": 3, "quatre": 4, "cinq": 5, "six": 6, "sept": 7,
                "huit": 8, "neuf": 9, "dix": 10, "onze": 11, "douze": 12, "treize": 13, "quatorze": 14,
                "quinze": 15, "seize": 16, "vingt": 20, "trente": 30}
UNSTABLE_HOUSING = {"Centre d'hébergement / Foyer", "Hôtel / Via le 115", "Rue", "Squat",
                    "Tiers / Connaissance / Communauté", "Camp / Bidonville"}
STABLE_HOUSING = {"Logement autonome", "Famille", "Logement étudiant"}
# Words of a description that point to each vulnerability factor (section IV-B): regular
# expressions on the lower-case text without accents, matched as whole words, so that "viol"
# never matches "violences" and "précarité" matches "precarite". The synthetic world writes
# the labels below; a professional's own words ("viol subi à 15 ans", "violences conjugales")
# match too.
FACTOR_WORDS = {
    "violences": (r"violences?", r"maltraitances?", r"maltraite\w*"),
    "violences_intrafamily": (r"intra-?famil\w*", r"conjugal\w*", r"incestes?"),
    "violences_sexual": (r"violences? sexuel\w*", r"viols?", r"agressions? sexuel\w*", r"abus sexuel\w*",
                         r"incestes?"),
    "family_conflict_or_rupture": (r"ruptures? familia\w*", r"conflits? familia\w*"),
    "economic_precarity": (r"precarite economique", r"precarite financiere", r"difficultes? (?:economiques?|financieres?)"),
    "psychological_troubles": (r"psycholog\w*", r"psychiatr\w*", r"maladies? mentales?"),
    "affective_or_educational_deficiencies": (r"carences?",),
    "addictions": (r"addict\w*", r"toxicomanie"),
    "housing_problem_or_street": (r"(?:probleme|difficulte|absence|perte)s? de logement", r"sans logement", r"a la rue",
                                  r"sans[- ]abri", r"sdf"),
    "school_dropout": (r"decrochage\w*", r"descolaris\w*"),
    "administrative_precarity": (r"precarite administrative", r"sans[- ]papiers", r"sans titre de sejour"),
    "delinquency": (r"delinquan\w*",),
    "wandering": (r"errance",),
    "social_precarity_isolation": (r"isolement", r"isolee?s?", r"precarite sociale"),
    "migration_exile": (r"exil\w*", r"migratoire", r"deracin\w*"),
    "low_self_esteem": (r"estime de soi",),
    "runaways": (r"fugu\w*",),
    "disability": (r"handicap\w*",),
    "early_pregnancy": (r"grossesses?(?: precoces?)?",),
    "job_loss": (r"pertes? d\W?emploi",),
}
# "dont" in the report's table: a person with one of these factors counts in its parent too.
FACTOR_PARENT = {"violences_intrafamily": "violences", "violences_sexual": "violences"}
ANY_FACTOR_LABEL = "Ensemble des facteurs de vulnérabilité identifiés"
FACTOR_LABELS = {
    "violences": "Violences subies", "violences_intrafamily": "dont violences intrafamiliales",
    "violences_sexual": "dont violences sexuelles", "family_conflict_or_rupture": "Conflits ou rupture familiale",
    "economic_precarity": "Précarité économique", "psychological_troubles": "Troubles psychologiques",
    "affective_or_educational_deficiencies": "Carences affectives ou éducatives", "addictions": "Addictions",
    "housing_problem_or_street": "Problème de logement, rue", "school_dropout": "Décrochage scolaire",
    "administrative_precarity": "Précarité administrative", "delinquency": "Délinquance", "wandering": "Errance",
    "social_precarity_isolation": "Isolement social", "migration_exile": "Parcours migratoire, exil",
    "low_self_esteem": "Mauvaise estime de soi", "runaways": "Fugues", "disability": "Handicap",
    "early_pregnancy": "Grossesse précoce", "job_loss": "Perte d'emploi",
}


def count_a_minima(text: str | None) -> tuple[int, str]:
    """The a-minima number of persons in what a professional wrote, and the rule used.

    Note 15 of the report: no number → 1; several numbers ("3 ou 4", "3-4") → the
    smallest. Words: "deux" → 2; "une dizaine" → 10, "une vingtaine" → 20, "quelques" →
    2 (stated a-minima values). Anything else → 1, flagged for review.
    """
    raw = (text or "").strip()
    lowered = raw.lower()
    if not lowered:
        return 1, "aucun nombre : 1"
    for phrase, value in APPROXIMATE.items():
        if phrase in lowered:
            return value, f"« {phrase} » : {value} a minima"
    numbers = [int(n) for n in re.findall(r"\d+", lowered)]
    numbers += [NUMBER_WORDS[w] for w in re.findall(r"[a-zàâçéèêëîïôûù]+", lowered)
                if w in NUMBER_WORDS and w not in ("un", "une")]
    if len(numbers) == 1:
        return numbers[0], "nombre indiqué"
    if numbers:
        return min(numbers), "plusieurs nombres : le plus petit"
    if re.match(r"^(un|une)\b", lowered):
        return 1, "une personne décrite : 1"
    return 1, "illisible : 1, à revoir"


# The nature of a situation (section II-A: 167 persons "concernées", 152 "en situation de
# prostitution probable ou avérée"). The report's first question (annex 4) tells "situations de
# risque prostitutionnel (des personnes vous semblant particulièrement exposées au risque
# d'entrer dans la prostitution)" from prostitution identified, reported or witnessed; this
# handbook asks it of each situation (question "nature", its addition to annex 4).
RISK, PROBABLE, UNSPECIFIED = "risque", "probable_averee", "non_precisee"
STATUS_LABELS = {PROBABLE: "Prostitution probable ou avérée", RISK: "Risque prostitutionnel",
                 UNSPECIFIED: "Nature non précisée"}


def situation_status(nature, ticked: list[str] | None) -> tuple[str, str]:
    """A situation's status (`PROBABLE`, `RISK` or `UNSPECIFIED`) and the rule that gave it.

    `nature`: the answer to the handbook's question "Cette situation relève :", None when the
    export does not have the question (annex 4 as it is); `ticked`: what the respondent
    ticked in the first question, None for a situation noted in an interview. Without the
    question, the status is read from the first question when it allows one reading only:
    only the risk box ticked → risk; the risk box not ticked → probable or proven (the
    situation section describes situations "identifiées de manière probable ou avérée,
    observées ou rapportées"). Anything else, and a blank answer, is "non précisée": never
    counted as probable or proven. The form of prostitution plays no part: an unknown
    form ("Inconnu") is still prostitution (the report's map, section III).
    """
    from .questionnaire import question

    risk_answer, probable_answer = question("nature").choix
    risk_box = question("reperage").choix[0]
    if isinstance(nature, str):
        if nature == risk_answer:
            return RISK, "réponse : risque prostitutionnel"
        if nature == probable_answer:
            return PROBABLE, "réponse : prostitution probable ou avérée"
        return UNSPECIFIED, "réponse vide : nature non précisée"
    if ticked is None:
        return UNSPECIFIED, "situation d'entretien sans la question : nature non précisée"
    if list(ticked) == [risk_box]:
        return RISK, "question absente ; seule la case « risque » cochée : risque prostitutionnel"
    if risk_box not in ticked:
        return PROBABLE, "question absente ; case « risque » non cochée : probable ou avérée"
    return UNSPECIFIED, "question absente ; case « risque » et une autre cochées : nature non précisée"


def _field_of_activity(label: str) -> str:
    by_label = {v.lower(): k for k, v in FIELD_LABELS.items()}
    return by_label.get(str(label).strip().lower(), "")


def prepare(situations: pd.DataFrame, responses: pd.DataFrame, interviews: pd.DataFrame,
            registry: pd.DataFrame) -> pd.DataFrame:
    """One row per situation described, with its id, its count and audit, its status and
    the rule that gave it (`situation_status`), and the field of activity of whoever
    described it.
    """
    table = situations.copy()
    table.insert(0, "id_situation", table["id_source"] + "-" + table["num_situation"].astype(str))
    audit = table["nb_personnes"].map(count_a_minima)
    table["personnes"] = audit.str[0]
    table["regle"] = audit.str[1]
    ticked = dict(zip(responses["id_reponse"], responses["reperage"]))
    natures = table["nature"] if "nature" in table else pd.Series(None, index=table.index, dtype=object)
    status = [situation_status(nature if isinstance(nature, str) else None,
                               ticked.get(source, []) if origin == "questionnaire" else None)
              for nature, source, origin in zip(natures, table["id_source"], table["source"])]
    table["statut"] = [s for s, _ in status]
    table["regle_statut"] = [rule for _, rule in status]
    fields = dict(zip(responses["id_reponse"], responses["activite"].map(_field_of_activity)))
    structure_field = dict(zip(registry["structure"], registry["champ"]))
    fields |= {i: structure_field.get(s, "") for i, s in zip(interviews["id_entretien"], interviews["structure"])}
    table["champ"] = table["id_source"].map(fields).fillna("")
    table["commune"] = table["zones"].fillna("").map(_place)
    return table


def _place(zones: str) -> str:
    """The commune named first in the "zones" answer, for comparing situations."""
    first = re.split(r"\s+et\s+|,|;|\(", str(zones))[0]
    return without_accents(first).strip().lower()


class Decision(BaseModel):
    model_config = ConfigDict(extra="ignore")

    id_a: str = Field(min_length=1)
    id_b: str = Field(min_length=1)
    decision: Literal["meme", "differente"]


def read_decisions(path: str | Path) -> pd.DataFrame:
    """A reviewer's decisions on candidate pairs: id_a, id_b, decision (meme | differente)."""
    return read_rows(path, Decision, required=("id_a", "id_b", "decision"))


PAIR_KEYS = {"sexe": "même sexe", "age": "même tranche d'âge", "nationalite": "même nationalité",
             "proxenete": "même réponse sur le proxénète", "statut": "même nature (risque, probable ou avérée, non précisée)"}


def candidate_pairs(table: pd.DataFrame, min_similarity: float = 0.85) -> pd.DataFrame:
    """Pairs of situations from different sources that may be the same situation.

    Compared only within the same commune (blocking); each pair carries the reasons that
    make it a candidate (`_agree`), the similarity of the two descriptions (0 to 1), and whether the
    rule takes it as the same situation: every attribute equal and descriptions at least
    `min_similarity` alike.
    """
    rows = []
    for _, group in table[table["commune"] != ""].groupby("commune"):
        records = group.to_dict("records")
        for a_index, a in enumerate(records):
            for b in records[a_index + 1:]:
                if a["id_source"] == b["id_source"]:
                    continue
                reasons = ["même commune"] + [label for key, label in PAIR_KEYS.items() if _agree(key, a[key], b[key])]
                descriptions = (a["parcours"] or "", b["parcours"] or "")
                similarity = fuzz.token_set_ratio(*descriptions) / 100 if any(descriptions) else 1.0
                if len(reasons) < 3:
                    continue
                if similarity >= min_similarity:
                    reasons.append(f"descriptions semblables ({similarity:.2f})".replace(".", ","))
                rows.append({"id_a": a["id_situation"], "id_b": b["id_situation"], "similarite": similarity,
                             "raisons": " ; ".join(reasons),
                             "regle": len(reasons) == 2 + len(PAIR_KEYS) and similarity >= min_similarity})
    return pd.DataFrame(rows, columns=["id_a", "id_b", "similarite", "raisons", "regle"])


def _agree(key: str, a, b) -> bool:
    """Whether two situations agree on `key`: the same answer (the same category for the
    pimp); a nature "non précisée" does not contradict a stated one."""
    if key == "proxenete":
        return _same(pimp_category(a), pimp_category(b))
    if key == "statut" and UNSPECIFIED in (a, b):
        return True
    return _same(a, b)


def _same(a, b) -> bool:
    """Equal answers; two blank answers do not contradict each other either."""
    normalise = lambda v: tuple(sorted(v)) if isinstance(v, (list, tuple)) else str(v).strip().lower()  # noqa: E731
    return normalise(a or "") == normalise(b or "")


def consolidate(table: pd.DataFrame, pairs: pd.DataFrame, decisions: pd.DataFrame | None = None) -> pd.DataFrame:
    """Group the situations that are the same, count each group once.

    A pair is the same situation when the rule says so, unless the reviewer decided
    otherwise; a reviewer can also join pairs the rule left apart. A group counts the
    largest of its a-minima counts (each report is itself a floor), is "probable or
    proven" if one of its reports is, else "risk" if one is, else "non précisée" (a stated
    nature prevails over an unstated one), and lists every field of activity that reported it.
    """
    same = {(a, b): rule for a, b, rule in zip(pairs["id_a"], pairs["id_b"], pairs["regle"])}
    if decisions is not None:
        for a, b, decision in zip(decisions["id_a"], decisions["id_b"], decisions["decision"]):
            same[(a, b)] = same[(b, a)] = decision == "meme"
    groups = DisjointSets(table["id_situation"])
    for (a, b), is_same in same.items():
        if is_same and a in groups and b in groups:
            groups.join(b, a)
    table = table.assign(groupe=groups.roots(table["id_situation"]))
    grouped = table.groupby("groupe", sort=False)
    first = grouped.head(1).set_index("groupe")
    result = pd.DataFrame({
        "situations": grouped.size(),
        "personnes": grouped["personnes"].max(),
        "statut": grouped["statut"].agg(lambda s: next(x for x in (PROBABLE, RISK, UNSPECIFIED) if (s == x).any())),
        "champs": grouped["champ"].agg(lambda c: ";".join(sorted({x for x in c if x}))),
        "sources": grouped["id_situation"].agg(";".join),
    })
    for column in ("sexe", "age", "nationalite", "logement", "situation_professionnelle", "situation_financiere",
                   "parcours", "forme", "proxenete", "reseau", "commune"):
        result[column] = first[column]
    return result.reset_index()


def persons_by(groups: pd.DataFrame, column: str, categories: dict[str, str] | None = None) -> pd.Series:
    """Persons by the single answer of a multiple-choice column ("plusieurs" when several
    were ticked, "non renseigné" when none), weighted by each group's count."""
    def one(value):
        if not value:
            return "non renseigné"
        return value[0] if len(value) == 1 else "plusieurs"
    keys = groups[column].map(one)
    if categories:
        keys = keys.map(lambda k: categories.get(k, k))
    return groups["personnes"].groupby(keys).sum()


def pimp_kind(text: str) -> str:
    """Who a pimp is, from the free answer ("Oui, son compagnon" → "Conjoint ou partenaire")."""
    lowered = without_accents(str(text)).lower()
    for kind, words in PIMP_KINDS.items():
        if any(re.search(rf"\b{re.escape(word)}s?\b", lowered) for word in words):
            return kind
    return "Non précisé"


def pimp_category(text: str) -> str:
    """"Oui…" → probable or proven; "Non" → absent; anything else → unknown (section V-A)."""
    lowered = without_accents(str(text)).strip().lower()
    if lowered.startswith("oui"):
        return "probable_averee"
    if lowered.startswith("non"):
        return "absent"
    return "inconnu"


def factor_flags(descriptions: pd.Series) -> pd.DataFrame:
    """One column per vulnerability factor (section IV-B): does each description mention it?

    Words are matched whole on the text in lower case without accents (`FACTOR_WORDS`);
    a factor listed under another in the report ("dont violences sexuelles") sets its
    parent too (`FACTOR_PARENT`).
    """
    text = descriptions.fillna("").map(lambda t: without_accents(str(t)).lower())
    flags = pd.DataFrame({key: text.str.contains(r"\b(?:" + "|".join(words) + r")\b", regex=True)
                          for key, words in FACTOR_WORDS.items()}, index=descriptions.index)
    for child, parent in FACTOR_PARENT.items():
        flags[parent] |= flags[child]
    return flags


def factors(groups: pd.DataFrame) -> pd.DataFrame:
    """Persons with each vulnerability factor mentioned in the descriptions (section IV-B),
    after a first row for the persons with at least one ("Ensemble des facteurs", 76 % in
    the report)."""
    flags = factor_flags(groups["parcours"])
    persons = lambda mask: int(groups.loc[mask, "personnes"].sum())  # noqa: E731
    rows = [{"facteur": "any", "libelle": ANY_FACTOR_LABEL, "personnes": persons(flags.any(axis=1))}]
    rows += [{"facteur": key, "libelle": FACTOR_LABELS[key], "personnes": persons(flags[key])} for key in FACTOR_WORDS]
    return pd.DataFrame(rows)


def living_conditions(groups: pd.DataFrame) -> pd.DataFrame:
    """The three conditions of section IV-C, each on the persons for whom it is known."""
    def share(column, condition):
        known = groups[groups[column].map(bool)]
        return int(known.loc[known[column].map(condition), "personnes"].sum()), int(known["personnes"].sum())

    rows = []
    for label, column, condition in (
        ("Sans ressources ou minima sociaux", "situation_financiere",
         lambda v: bool(set(v) & {"Sans ressources", "Minima sociaux"})),
        ("Sans emploi (hors scolaires et étudiant·es)", "situation_professionnelle",
         lambda v: bool(set(v) & {"Demandeur.euse d'emploi", "Etranger.e sans titre de travail"})),
        ("Sans logement stable", "logement", lambda v: bool(set(v) & UNSTABLE_HOUSING)),
    ):
        count, base = share(column, condition)
        rows.append({"condition": label, "personnes": count, "base": base})
    return pd.DataFrame(rows)


def capture_histories(groups: pd.DataFrame) -> pd.DataFrame:
    """Persons by the fields of activity that reported them: the input of the MSE."""
    known = groups[groups["champs"] != ""]
    table = pd.DataFrame({field: known["champs"].map(lambda c, f=field: int(f in c.split(";"))) for field in FIELDS})
    table = table.loc[:, table.sum() > 0]
    table["count"] = known["personnes"].to_numpy()
    return table.groupby([c for c in table.columns if c != "count"], as_index=False)["count"].sum()


# --- The step computed once: everything chapter 3 shows, and what later chapters read ---

# Section III: "prostitution visible" (outdoor) and "discrète" (indoor), the exchange for goods
# or services the report puts apart, and the map's "forme(s) de prostitution inconnue(s)".
FORM_GROUPS = {
    "Prostitution visible (rue, route, bois)": {"Rue", "Route", "Forêt / Bois"},
    "Prostitution discrète (appartement, hôtel, bar, salon de massage, hébergement, Internet)":
        {"Appartement", "Hôtel", "Bar / Club", "Salon de massage", "Structure d'hébergement", "Via Internet"},
    "Contre biens ou services": {"Contre hébergement", "Contre autres biens ou services"},
    "Forme(s) inconnue(s)": {"Inconnu"},
}
# Who the pimp is, read from the free answer (section V-A-1: "un conjoint proxénète",
# "les proxénètes sont des parents"): the words are this handbook's choice.
PIMP_KINDS = {
    "Conjoint ou partenaire": ("compagnon", "conjoint", "mari", "copain", "petit ami", "partenaire", "concubin"),
    "Parent ou famille": ("pere", "mere", "parent", "famille", "frere", "soeur", "oncle", "tante", "beau-pere"),
    "Réseau": ("reseau",),
}
PIMP_LABELS = {"probable_averee": "Proxénète probable ou avéré", "absent": "Pas de proxénète",
               "inconnu": "Présence d'un proxénète inconnue"}
EXCHANGE_FORMS = {"Contre hébergement", "Contre autres biens ou services"}
MSE_MAX_SPREAD = 3      # bootstrap upper bound at most 3 times the estimate
MSE_MIN_OVERLAP = 5     # persons reported by two fields or more
MSE_MAX_RATIO = 20      # an estimate 20 times the count it starts from is not published


@dataclass
class Counting:
    """Step 3's result: the situations counted, their profiles, and the hidden part (MSE)."""

    described: pd.DataFrame      # one row per situation described, with its count and rule
    pairs: pd.DataFrame          # candidate pairs of the same situation, with their reasons
    groups: pd.DataFrame         # distinct situations after consolidation
    histories: pd.DataFrame      # persons by the fields that reported them (input of the MSE)
    estimate: "mse.Estimate"
    located: pd.DataFrame        # probable or proven situations with their commune and arrondissement
    truth: dict | None = None    # the synthetic world's truth, when there is one

    @property
    def core(self) -> pd.DataFrame:
        """The distinct situations of probable or proven prostitution (the report's 152 persons)."""
        return self.groups[self.groups["statut"] == PROBABLE]

    def natures(self, threshold: int) -> pd.DataFrame:
        """Situations and persons by nature (section II-A: the persons concerned are those in
        a probable or proven situation, those at risk, and here those whose nature is not
        stated), every nature shown even when none, small counts of persons hidden."""
        described = self.described["statut"].value_counts()
        distinct = self.groups.groupby("statut")["personnes"].agg(["size", "sum"])
        table = pd.DataFrame({"nature": list(STATUS_LABELS.values()),
                              "situations_decrites": [int(described.get(s, 0)) for s in STATUS_LABELS],
                              "situations_distinctes": [int(distinct["size"].get(s, 0)) for s in STATUS_LABELS],
                              "personnes": [int(distinct["sum"].get(s, 0)) for s in STATUS_LABELS]})
        table["personnes"] = disclosure.protect(table["personnes"], threshold).to_numpy()
        return table

    def status_rules(self) -> pd.DataFrame:
        """Situations described by the rule that gave them their nature (`situation_status`)."""
        return (self.described.groupby(["regle_statut", "statut"]).size().rename("situations").reset_index()
                .sort_values(["situations", "regle_statut"], ascending=[False, True])
                .assign(statut=lambda f: f["statut"].map(STATUS_LABELS))[["statut", "regle_statut", "situations"]])

    def typology(self, threshold: int) -> pd.DataFrame:
        """Situations and persons by form of prostitution (section III). A situation may have
        several forms: the rows do not add up (the report says the same of its map)."""
        core = self.core
        rows = []
        for label, forms in FORM_GROUPS.items():
            mask = core["forme"].map(lambda f, forms=forms: bool(forms & set(f)))
            rows.append({"forme": label, "situations": int(mask.sum()),
                         "personnes": int(core.loc[mask, "personnes"].sum())})
        table = pd.DataFrame(rows)
        table["part_situations"] = table["situations"] / max(len(core), 1)
        table["personnes"] = disclosure.protect(table["personnes"], threshold).to_numpy()
        return table

    def pimp_kinds(self) -> pd.Series:
        """Situations with a probable or proven pimp, by who the pimp is (section V-A-1)."""
        core = self.core
        with_pimp = core[core["proxenete"].map(pimp_category) == "probable_averee"]
        return with_pimp["proxenete"].map(pimp_kind).value_counts().reindex(
            [*PIMP_KINDS, "Non précisé"], fill_value=0)

    def minors(self, threshold: int) -> pd.DataFrame:
        """Minors in a probable or proven situation by sex and age band (section IV-A-2),
        small counts hidden: the smallest and most identifying counts of the book."""
        core = self.core
        single_age = core["age"].map(lambda a: a[0] if len(a) == 1 else "")
        single_sex = core["sexe"].map(lambda a: a[0] if len(a) == 1 else "plusieurs ou non renseigné")
        young = core[single_age.isin(["Moins de 15 ans", "15-17 ans"])]
        counts = young["personnes"].groupby([single_sex[young.index], single_age[young.index]]).sum().unstack(
            fill_value=0).reindex(columns=["Moins de 15 ans", "15-17 ans"], fill_value=0)
        shown = disclosure.protect_table(counts, threshold) if len(counts) else counts.astype(str)
        return shown.rename_axis(index="Sexe", columns=None).reset_index()

    def rules(self) -> pd.DataFrame:
        """Situations and persons counted by each counting rule (note 15), most used first."""
        return (self.described.groupby("regle").agg(situations=("id_situation", "size"),
                                                    personnes=("personnes", "sum"))
                .reset_index().sort_values(["situations", "regle"], ascending=[False, True]))

    def list_sizes(self) -> pd.Series:
        """Persons reported by each field of activity (each list of the MSE)."""
        return pd.Series({FIELD_LABELS[c]: int((self.histories[c] * self.histories["count"]).sum())
                          for c in self.histories.columns if c != "count"})

    def persons(self, status: str | None = None) -> int:
        groups = self.groups if status is None else self.groups[self.groups["statut"] == status]
        return int(groups["personnes"].sum())

    @property
    def overlap(self) -> int:
        """Persons reported by two fields of activity or more: what the MSE rests on."""
        return int(self.histories.loc[self.histories.drop(columns="count").sum(axis=1) >= 2, "count"].sum())

    def mse_checks(self) -> dict[str, bool]:
        """The conditions chapter 3 states for publishing the MSE estimate at all."""
        low, high = self.estimate.bootstrap_interval or (math.nan, math.nan)
        return {
            "intervalle_calcule": not math.isnan(high),
            "intervalle_raisonnable": not math.isnan(high) and high <= MSE_MAX_SPREAD * self.estimate.estimate,
            "recoupements_suffisants": self.overlap >= MSE_MIN_OVERLAP,
            "rapport_au_decompte_raisonnable": self.estimate.estimate <= MSE_MAX_RATIO * max(self.estimate.observed, 1),
        }

    def numbers(self) -> dict:
        """The chapter's figures, as numbers (saved by `results.save`)."""
        core = self.core
        situations_core = len(core)
        exchange = core["forme"].map(lambda f: bool(EXCHANGE_FORMS & set(f)))
        housing = core["forme"].map(lambda f: "Contre hébergement" in f)
        pimps = core["proxenete"].map(pimp_category)
        low, high = self.estimate.bootstrap_interval or (math.nan, math.nan)
        checks = self.mse_checks()
        kinds = self.pimp_kinds()
        values = {
            "situations_decrites": len(self.described),
            "situations_a_revoir": int(self.described["regle"].str.contains("revoir").sum()),
            "paires_candidates": len(self.pairs),
            "paires_regle": int(self.pairs["regle"].sum()),
            "situations_distinctes": len(self.groups),
            "situations_probables": situations_core,
            "personnes_concernees": self.persons(),
            "personnes_probables": self.persons(PROBABLE),
            "personnes_risque": self.persons(RISK),
            "personnes_non_precisee": self.persons(UNSPECIFIED),
            "situations_non_precisee": int((self.groups["statut"] == UNSPECIFIED).sum()),
            "situations_nature_deduite": int(self.described["regle_statut"].str.startswith("question absente").sum()),
            "part_situations_echange": exchange.mean() if situations_core else math.nan,
            "part_situations_echange_hebergement": housing.mean() if situations_core else math.nan,
            "part_situations_proxenete": (pimps == "probable_averee").mean() if situations_core else math.nan,
            "part_situations_sans_proxenete": (pimps == "absent").mean() if situations_core else math.nan,
            "part_situations_proxenete_inconnu": (pimps == "inconnu").mean() if situations_core else math.nan,
            "situations_conjoint_proxenete": int(kinds["Conjoint ou partenaire"]),
            "situations_parent_proxenete": int(kinds["Parent ou famille"]),
            "situations_reseau_international": int(core["reseau"].fillna("").str.lower()
                                                   .str.contains("international").sum()),
            **{f"part_situations_{slug(label.split(' (')[0])}": float(share) for label, share in zip(
                FORM_GROUPS, self.typology(1)["part_situations"])},
            "personnes_non_localisees": int(self.located.loc[self.located["arrondissement_code"].isna(),
                                                             "personnes"].sum()),
            "mse_observees": self.estimate.observed,
            "mse_estimation": self.estimate.estimate,
            "mse_bas": low, "mse_haut": high,
            "mse_conditionnel_bas": self.estimate.conditional_interval[0],
            "mse_conditionnel_haut": self.estimate.conditional_interval[1],
            "mse_interactions": [list(pair) for pair in self.estimate.interactions],
            "mse_recoupements": self.overlap,
            "mse_verifications": checks,
            "mse_publiable": all(checks.values()),
        }
        base = self.persons(PROBABLE)
        ages = persons_by(core, "age")
        sexes = persons_by(core, "sexe")
        share = lambda counts, labels: sum(counts.get(label, 0) for label in labels) / base if base else math.nan  # noqa: E731
        nationalities = persons_by(core, "nationalite")
        minors = ["Moins de 15 ans", "15-17 ans"]
        single_age = core["age"].map(lambda a: a[0] if len(a) == 1 else "")
        single_sex = core["sexe"].map(lambda a: a[0] if len(a) == 1 else "")
        values |= {"part_mineurs": share(ages, minors), "part_moins_de_15_ans": share(ages, ["Moins de 15 ans"]),
                   "part_25_ans_ou_moins": share(ages, [*minors, "18-25 ans"]),
                   "mineurs": int(ages.reindex(minors).fillna(0).sum()),
                   "mineures_filles": int(core.loc[single_age.isin(minors) & (single_sex == "Des femmes"),
                                                   "personnes"].sum()),
                   "mineurs_garcons": int(core.loc[single_age.isin(minors) & (single_sex == "Des hommes"),
                                                   "personnes"].sum()),
                   "situations_jeunes_majeurs": int((single_age == "18-25 ans").sum()),
                   "part_etudiants": core.loc[core["situation_professionnelle"].map(lambda v: "Etudiant.e" in v),
                                              "personnes"].sum() / base if base else math.nan,
                   "femmes": int(sexes.get("Des femmes", 0)), "hommes": int(sexes.get("Des hommes", 0)),
                   "transidentitaires": int(sexes.get("Des personnes transidentitaires", 0)),
                   "part_femmes": share(sexes, ["Des femmes"]), "part_hommes": share(sexes, ["Des hommes"]),
                   "part_transidentitaires": share(sexes, ["Des personnes transidentitaires"]),
                   "part_echange_contre_hebergement": housing.sum() / exchange.sum() if exchange.sum() else math.nan}
        from .questionnaire import question

        for band in [*question("age").choix, "plusieurs", "non renseigné"]:
            values[f"part_age_{slug(band)}"] = share(ages, [band])
        for nationality in [*question("nationalite").choix, "plusieurs", "non renseigné"]:
            values[f"part_nationalite_{slug(nationality)}"] = share(nationalities, [nationality])
        values["part_nationalite_etrangere"] = share(nationalities, ["Union Européenne", "Hors Union Européenne"])
        for key, row in zip(("sans_ressources", "sans_emploi", "sans_logement_stable"),
                            living_conditions(core).itertuples()):
            values[f"part_{key}"] = row.personnes / row.base if row.base else math.nan
            values[f"base_{key}"] = row.base
        for key, count in factors(core).set_index("facteur")["personnes"].items():
            values[f"part_facteur_{key}"] = count / base if base else math.nan
        if self.truth:
            values["verite_population_totale"] = self.truth.get("personnes_population_totale")
            values["verite_signalees_a_minima"] = self.truth.get("personnes_signalees_a_minima")
        return values

    def tables(self) -> dict[str, pd.DataFrame]:
        """The tables later chapters read (raw counts: working data, not published as such)."""
        by_arrondissement = (self.located.dropna(subset=["arrondissement_code"])
                             .groupby("arrondissement_code")["personnes"].sum()
                             .rename("personnes").reset_index().rename(columns={"arrondissement_code": "code"}))
        return {"personnes_par_arrondissement": by_arrondissement}


PROFILE_UNKNOWN = ["plusieurs", "non renseigné"]
PROFILE_SEXES = ["Des femmes", "Des hommes", "Des personnes transidentitaires"]


def profiles(counting: Counting, threshold: int) -> tuple[list[pd.DataFrame], int]:
    """The sex, age and nationality profiles of the persons in a probable or proven situation
    (section IV-A), small counts hidden, and the base of the sex profile (persons described)."""
    from . import questionnaire as q

    orders = {"sexe": ("Sexe", PROFILE_SEXES), "age": ("Âge", q.question("age").choix),
              "nationalite": ("Nationalité", q.question("nationalite").choix)}
    shown = [profile(persons_by(counting.core, column), [*order, *PROFILE_UNKNOWN], label, threshold)
             for column, (label, order) in orders.items()]
    return [frame for frame, _ in shown], shown[0][1]


def visible_factors(counting: Counting, threshold: int) -> tuple[pd.DataFrame, int]:
    """The vulnerability factors (section IV-B) whose count of persons can be shown, with their
    share (`part`) of the persons described (the base of the sex profile, returned too)."""
    _, base = profiles(counting, threshold)
    found = factors(counting.core)
    found["part"] = found["personnes"] / base
    return found[~disclosure.suppression_mask(found[["personnes"]], threshold)["personnes"].to_numpy()], base


def glued(counting: Counting, threshold: int) -> dict[str, str]:
    """The figures chapter 3's prose cites, formatted."""
    from .presentation import number

    n = counting.numbers()
    counts = {"nb_decrites": "situations_decrites", "nb_a_revoir": "situations_a_revoir",
              "nb_paires": "paires_candidates", "nb_regle": "paires_regle", "nb_groupes": "situations_distinctes",
              "concernees": "personnes_concernees", "probables": "personnes_probables", "risque": "personnes_risque",
              "non_precisee": "personnes_non_precisee", "nature_deduite": "situations_nature_deduite",
              "nb_situations_probables": "situations_probables", "situations_conjoint": "situations_conjoint_proxenete",
              "situations_reseau_international": "situations_reseau_international",
              "non_localisees": "personnes_non_localisees", "mse_observees": "mse_observees",
              "mse_estimation": "mse_estimation"}
    shares = {"part_echange": "part_situations_echange", "part_proxenete": "part_situations_proxenete",
              "part_visible": "part_situations_prostitution_visible",
              "part_discrete": "part_situations_prostitution_discrete", "part_mineurs": "part_mineurs",
              "part_moins_15": "part_moins_de_15_ans", "part_25_ou_moins": "part_25_ans_ou_moins"}
    interactions = ", ".join(" × ".join(FIELD_LABELS[x] for x in pair) for pair in counting.estimate.interactions)
    return ({key: number(n[name]) for key, name in counts.items()}
            | {key: percent(n[name]) for key, name in shares.items()}
            | {"seuil_texte": str(threshold), "base_profils": number(profiles(counting, threshold)[1]),
               "mse_interactions": interactions or "aucune",
               "mse_bootstrap": f"{number(n['mse_bas'])} – {number(n['mse_haut'])}"
               if n["mse_bas"] is not None else "non calculé",
               "mse_conditionnel": f"{number(n['mse_conditionnel_bas'])} – {number(n['mse_conditionnel_haut'])}"})


def floor_and_estimate(counting: Counting) -> tuple[pd.DataFrame, str]:
    """The count a minima, the MSE estimate with its interval and, for a synthetic world, its
    truth (columns `chiffre`, `valeur`, `bas`, `haut`), with the chart's title."""
    n = counting.numbers()
    rows = [{"chiffre": "Décompte a minima (personnes signalées)", "valeur": n["personnes_concernees"],
             "bas": None, "haut": None},
            {"chiffre": "Estimation par systèmes multiples", "valeur": n["mse_estimation"],
             "bas": n["mse_bas"], "haut": n["mse_haut"]}]
    if not counting.truth:
        return pd.DataFrame(rows), "Le plancher et l'estimation"
    rows.append({"chiffre": "Vérité du monde synthétique", "valeur": n["verite_population_totale"],
                 "bas": None, "haut": None})
    return pd.DataFrame(rows), "Le plancher, l'estimation et la vérité du monde synthétique"


def shown_tables(counting: Counting, threshold: int) -> dict[str, "HTML"]:
    """Chapter 3's tables, labelled in French, persons' columns marked for the publication check:
    `regles`, `paires`, `natures`, `statuts`, `sexe`, `age`, `nationalite`, `conditions`,
    `formes`, `typologie`, `proxenetes`, `mineurs`, `listes`."""
    from .presentation import table

    n = counting.numbers()
    base = f"Base : {n['situations_probables']} situations distinctes"
    pairs = counting.pairs[counting.pairs["regle"]].head(8)[["id_a", "id_b", "raisons"]]
    (sex, age, nationality), _ = profiles(counting, threshold)
    conditions = living_conditions(counting.core)
    conditions["Part"] = [percent(p / b) if b else "" for p, b in zip(conditions["personnes"], conditions["base"])]
    forms = forms_and_pimps(counting, threshold)
    typology = counting.typology(threshold)
    minors = counting.minors(threshold)
    sizes = counting.list_sizes()
    shares = {"situations": "Situations", "part_situations": "Part des situations", "personnes": "Personnes concernées"}
    return {
        "regles": table(counting.rules(), labels={"regle": "Règle appliquée", "situations": "Situations",
                                                   "personnes": "Personnes comptées"}),
        "paires": table(pairs, labels={"id_a": "Situation", "id_b": "Même situation que", "raisons": "Raisons"}),
        "natures": table(counting.natures(threshold), persons=["personnes"],
                         labels={"nature": "Nature de la situation", "situations_decrites": "Situations décrites",
                                 "situations_distinctes": "Situations distinctes", "personnes": "Personnes concernées"}),
        "statuts": table(counting.status_rules(), labels={"statut": "Nature", "regle_statut": "Règle appliquée",
                                                          "situations": "Situations décrites"}),
        "sexe": table(sex, persons=["Personnes"]), "age": table(age, persons=["Personnes"]),
        "nationalite": table(nationality, persons=["Personnes"]),
        "conditions": table(conditions, labels={"condition": "Condition de vie (section IV-C)",
                                                "personnes": "Personnes", "base": "Base"}),
        "formes": table(forms.assign(part_situations=forms["part_situations"].map(percent)),
                        labels={"indicateur": base, **shares}, persons=["personnes"]),
        "typologie": table(typology.assign(part_situations=typology["part_situations"].map(percent)),
                           labels={"forme": base, **shares}, persons=["personnes"]),
        "proxenetes": table(counting.pimp_kinds().rename_axis("proxenete").reset_index(name="situations"),
                            labels={"proxenete": "Proxénète probable ou avéré : qui ?", "situations": "Situations"}),
        "mineurs": table(minors, persons=[c for c in minors.columns if c != "Sexe"]),
        "listes": table(pd.DataFrame({"liste": sizes.index, "personnes": disclosure.protect(sizes, threshold).to_numpy()}),
                        labels={"liste": "Liste (champ d'activité)", "personnes": "Personnes signalées"},
                        persons=["personnes"]),
    }


def persons_by_arrondissement(counting: Counting, threshold: int) -> pd.DataFrame:
    """Persons in a probable or proven situation by arrondissement, small counts hidden
    (`code`, `personnes`: None where suppressed, `masque`), ready for `geo.choropleth(..., persons=True)`."""
    return protected_areas(counting.tables()["personnes_par_arrondissement"], threshold)


def protected_areas(by_area: pd.DataFrame, threshold: int) -> pd.DataFrame:
    """Counts of persons by area (`code`, `personnes`) with the small ones (and their
    complements) replaced by None and marked `masque`, so that a map draws them as masked."""
    counts = by_area.set_index("code")["personnes"]
    hidden = disclosure.suppression_mask(counts.to_frame(), threshold).iloc[:, 0]
    return pd.DataFrame({"code": counts.index, "personnes": counts.astype(object).where(~hidden, None).to_numpy(),
                         "masque": hidden.to_numpy()})


def profile(counts: pd.Series, order: list[str], label: str, threshold: int) -> tuple[pd.DataFrame, int]:
    """A one-way profile of persons (sex, age…) in `order`, small counts hidden, each share
    on the base of the persons described (section IV-A: the base is always stated)."""
    counts = counts.reindex(order).dropna().astype(int)
    base = int(counts.sum())
    shown = disclosure.protect(counts, threshold)
    shares = [percent(v / base) if m.isdigit() else ""
              for v, m in zip(counts, shown)]
    return pd.DataFrame({label: counts.index, "Personnes": shown.to_numpy(), "Part": shares}), base


def forms_and_pimps(counting: Counting, threshold: int) -> pd.DataFrame:
    """Forms of prostitution and pimps, counted in the report's unit: situations (section
    III-C: "31 % des situations décrites"; V-A: "43 % des situations repérées"), with the
    persons they concern beside them (small counts hidden)."""
    core = counting.core
    exchange = core["forme"].map(lambda f: bool(EXCHANGE_FORMS & set(f)))
    housing = core["forme"].map(lambda f: "Contre hébergement" in f)
    pimps = core["proxenete"].map(pimp_category)
    network = core["reseau"].fillna("").str.lower().str.startswith("oui")
    rows = [("Prostitution contre biens ou services", exchange), ("dont contre un hébergement", housing),
            *[(PIMP_LABELS[k], pimps == k) for k in ("probable_averee", "absent", "inconnu")],
            ("Réseau de proxénétisme ou de traite évoqué", network)]
    table = pd.DataFrame({"indicateur": [label for label, _ in rows],
                          "situations": [int(mask.sum()) for _, mask in rows],
                          "personnes": [int(core.loc[mask, "personnes"].sum()) for _, mask in rows]})
    table["part_situations"] = table["situations"] / max(len(core), 1)
    table["personnes"] = disclosure.protect(table["personnes"], threshold).to_numpy()
    return table


def compute(run, root: Path | None = None) -> Counting:
    """Step 3 from the validated parameters: read, count, consolidate, profile, estimate.

    Sections II-A (count a minima, note 15), IV (profiles) and V-A (pimps) of the report;
    the MSE of the hidden part is the handbook's addition (chapter 3 says so).
    """
    from . import communes, geo, mse, partners, questionnaire
    from .paths import resolve

    data = run.donnees
    responses, survey_situations = questionnaire.read_answers(resolve(data.questionnaire, root))
    interview_notes = (partners.read_interview_situations(resolve(data.situations_entretiens, root))
                       if data.situations_entretiens else None)
    described = prepare(questionnaire.all_situations(survey_situations, interview_notes), responses,
                        partners.read_interviews(resolve(data.entretiens, root)),
                        partners.read_registry(resolve(data.partenaires, root)))
    pairs = candidate_pairs(described, run.situations.similarite_min)
    decisions = read_decisions(resolve(data.decisions_doublons, root)) if data.decisions_doublons else None
    groups = consolidate(described, pairs, decisions)
    histories = capture_histories(groups)
    try:
        estimate = mse.estimate(histories, bootstrap=run.situations.bootstrap, seed=run.situations.graine)
    except ValueError:  # fields whose reports never overlap: no estimate, and chapter 3 says so
        estimate = mse.Estimate([c for c in histories.columns if c != "count"], int(histories["count"].sum()),
                                math.nan, [])
    code = run.departement.code
    core = groups[groups["statut"] == PROBABLE]
    places = communes.match(core["commune"].str.title(), code, dict(run.communes.alias))
    arrondissements = geo.commune_arrondissements(code, root)
    located = core.assign(code_insee=places["code_insee"].to_numpy())
    located["arrondissement_code"] = located["code_insee"].map(
        dict(zip(arrondissements["commune_code"], arrondissements["arrondissement_code"])))
    truth = yaml.safe_load(resolve(data.verite, root).read_text(encoding="utf-8")) if data.verite else None
    return Counting(described, pairs, groups, histories, estimate, located, truth)
