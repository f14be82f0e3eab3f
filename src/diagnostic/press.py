"""The press review: a third, dated source beside the professionals and the Internet.

The report "complété[s] par une revue de presse des articles parus entre 2015 et 2020"
(section I, annex 2, page 51) and uses it where the other two sources are silent: the
Chinese networks in Arras apartments (sections IV-A-3 and V-A-2), the « sex tours »
(section III-D), the single verbalisation of « clients » in 2018 (section V-B, page 38).

The review is a table, one row per article: `date`, `titre`, `source` (the newspaper),
`commune` (as the article writes it; empty when it concerns the whole département) and
`forme`, one of the forms of the report's map of places and forms (section III). The
titles are shown as the press printed them, full names masked (`privacy`).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Literal

import pandas as pd
from pydantic import BaseModel, ConfigDict, Field

from . import communes, disclosure
from .privacy import mask_free_text
from .tables import Date, read_rows

# The legend of the report's map of places and forms (section III): outdoor ("visible"),
# indoor ("discrète": apartments, hotels, massage parlours), in exchange for goods or
# services, unknown. An article on the « clients », or on the département as a whole,
# often names no form: it is "inconnue(s)".
FORMS = ("Routes, rues", "Appartements, maisons, hôtels", "Salons de massage", "Contre biens ou services",
         "Forme(s) de prostitution inconnue(s)")


class Article(BaseModel):
    model_config = ConfigDict(extra="ignore")

    date: Date
    titre: str = Field(min_length=1)
    source: str = Field(min_length=1)
    commune: str | None = None
    forme: Literal[FORMS]  # type: ignore[valid-type]


def read_press(path: str | Path) -> pd.DataFrame:
    """Read a press review (CSV or .xlsx), one row per article, checked row by row; full
    names and contacts in the titles masked. A bad date or a form outside the list is
    refused with its row and column."""
    articles = read_rows(path, Article, required=("date", "titre", "source", "forme"))
    articles["titre"] = articles["titre"].map(mask_free_text)
    return articles


@dataclass
class PressReview:
    """The press review counted: by year and form, and by arrondissement."""

    articles: pd.DataFrame          # the articles read, with `annee`, `code_insee`, `arrondissement_code`
    by_year_form: pd.DataFrame      # annee, forme, articles (every year of the span, every form)
    by_arrondissement: pd.DataFrame  # arrondissement_code, arrondissement, articles (every arrondissement)
    unmatched: pd.DataFrame         # communes written but not found, with a suggestion

    def numbers(self) -> dict:
        dates = self.articles["date"]
        placed = self.articles["arrondissement_code"] != ""
        return {"articles_presse": len(self.articles),
                "presse_debut": dates.min() if len(dates) else None,
                "presse_fin": dates.max() if len(dates) else None,
                "articles_presse_par_annee": self.by_year_form.groupby("annee")["articles"].sum().to_dict(),
                "articles_presse_par_forme": self.by_year_form.groupby("forme")["articles"].sum()
                .reindex(list(FORMS), fill_value=0).to_dict(),
                "articles_presse_places": int(placed.sum()),
                "articles_presse_sans_commune": int((self.articles["commune"].fillna("") == "").sum()),
                "articles_presse_non_rattaches": int(self.unmatched["articles"].sum()),
                "arrondissements_presse": int((self.by_arrondissement["articles"] > 0).sum())}

    def crossed(self, persons: pd.DataFrame, threshold: int) -> pd.DataFrame:
        """Articles and persons in a probable or proven situation (step 3, `code`,
        `personnes`) by arrondissement, small counts of persons hidden: where the press
        and the professionals agree, and where one of them is silent."""
        counts = persons.set_index("code")["personnes"]
        table = self.by_arrondissement.assign(
            personnes=self.by_arrondissement["arrondissement_code"].map(counts).fillna(0).astype(int))
        shown = disclosure.protect(table.set_index("arrondissement_code")["personnes"], threshold)
        silent = {(True, False): "presse seule", (False, True): "professionnel·les seul·es",
                  (True, True): "les deux", (False, False): "aucune des deux"}
        return pd.DataFrame({
            "arrondissement": table["arrondissement"].to_numpy(),
            "articles": table["articles"].to_numpy(),
            "personnes": shown.to_numpy(),
            "sources": [silent[(a > 0, p > 0)] for a, p in zip(table["articles"], table["personnes"])]})

    def by_year(self) -> pd.DataFrame:
        """Articles by year of publication (rows, `Année`) and form (columns), with the total."""
        by_year = (self.by_year_form.pivot(index="annee", columns="forme", values="articles")[list(FORMS)]
                   .rename_axis(columns=None))
        by_year["Total"] = by_year.sum(axis=1)
        return by_year.reset_index().rename(columns={"annee": "Année"}).astype({"Année": str})

    def articles_table(self) -> "HTML":
        """The articles read: date, source, title, commune, form."""
        from .presentation import table

        return table(self.articles[["date", "source", "titre", "commune", "forme"]].fillna(""),
                     labels={"date": "Date", "source": "Source", "titre": "Titre", "commune": "Commune",
                             "forme": "Forme"})


def crossed_table(crossed: pd.DataFrame) -> "HTML":
    """The press review crossed with step 3's persons (`PressReview.crossed`), labelled."""
    from .presentation import table

    return table(crossed, labels={"arrondissement": "Arrondissement", "articles": "Articles de presse",
                                  "personnes": "Personnes signalées (étape 3)", "sources": "Qui en parle"},
                 persons=["personnes"])


def review(articles: pd.DataFrame, arrondissements: pd.DataFrame, departement: str,
           aliases: dict[str, str] | None = None, corrections: dict[str, str] | None = None) -> PressReview:
    """Count the articles by year and form and, through their commune (`communes.match`),
    by arrondissement (`arrondissements`: `geo.commune_arrondissements`)."""
    matches = communes.match(articles["commune"], departement, aliases, corrections)
    written = articles["commune"].fillna("") != ""
    seat = dict(zip(arrondissements["commune_code"], arrondissements["arrondissement_code"]))
    located = articles.assign(annee=articles["date"].str[:4].astype(int),
                              code_insee=matches["code_insee"].to_numpy(),
                              arrondissement_code=matches["code_insee"].map(seat).fillna("").to_numpy())
    years = range(located["annee"].min(), located["annee"].max() + 1) if len(located) else range(0)
    by_year_form = (located.groupby(["annee", "forme"]).size()
                    .reindex(pd.MultiIndex.from_product([years, FORMS], names=["annee", "forme"]), fill_value=0)
                    .rename("articles").reset_index())
    names = arrondissements.drop_duplicates("arrondissement_code").sort_values("arrondissement_code")
    by_arrondissement = names[["arrondissement_code", "arrondissement"]].assign(
        articles=names["arrondissement_code"].map(located["arrondissement_code"].value_counts()).fillna(0)
        .astype(int).to_numpy()).reset_index(drop=True)
    unmatched = communes.unmatched(matches[written.to_numpy()], departement).rename(columns={"annonces": "articles"})
    return PressReview(located, by_year_form, by_arrondissement, unmatched)
