"""Step 5 — sampling the ads to be coded by hand.

Follows section I-B-1 of the Pas-de-Calais report and part 3 of its annex 5 (the
Ile-de-France 2017 method): the ads counted are too many to be read in detail, so a
sample is drawn whose size comes from Cochran's formula with a finite-population
correction (margin of error 5 %: 249 ads for 699 in Pas-de-Calais, 366 for 7393 in
Ile-de-France); the sample is then "réparti par département et par site, en fonction
des proportions de la population", and the ads are "sélectionnées de manière
aléatoire sur chaque page".
"""

from __future__ import annotations

import math
from dataclasses import dataclass
import zlib
from collections.abc import Mapping, Sequence

import numpy as np
import pandas as pd
from scipy.stats import norm

from .errors import InputError, Problem
from .spreadsheets import write_workbook

# Cochran's formula gives a real number; a sample of 248.0000000001 ads is 248 ads.
_ROUNDING_TOLERANCE = 1e-9


def z_value(confidence: float) -> float:
    """Two-sided standard normal quantile for a confidence level (0.95 → 1.96)."""
    if not 0 < confidence < 1:
        raise ValueError(f"confidence must be in (0, 1), got {confidence}")
    return float(norm.ppf(1 - (1 - confidence) / 2))


def sample_size_infinite(margin: float = 0.05, confidence: float = 0.95,
                         proportion: float = 0.5) -> float:
    """Cochran's n0 = z² p (1 − p) / e², before the finite-population correction."""
    if not 0 < margin < 1:
        raise ValueError(f"margin must be in (0, 1), got {margin}")
    if not 0 < proportion < 1:
        raise ValueError(f"proportion must be in (0, 1), got {proportion}")
    z = z_value(confidence)
    return z * z * proportion * (1 - proportion) / (margin * margin)


def sample_size(population: int, margin: float = 0.05, confidence: float = 0.95,
                proportion: float = 0.5) -> int:
    """Number of ads to code: Cochran with finite-population correction, rounded up.

    n = ceil(n0 / (1 + (n0 − 1) / N)), n0 = z² p (1 − p) / e². This is what the free
    calculator used by the report computes: N = 699 → 249 (section I-B-1),
    N = 7393 → 366 (annex 5, part 3). The shortcut n0 / (1 + n0 / N) gives 248.
    """
    if population < 0:
        raise ValueError(f"population must be >= 0, got {population}")
    if population == 0:
        return 0
    n0 = sample_size_infinite(margin, confidence, proportion)
    n = n0 / (1 + (n0 - 1) / population)
    return min(population, math.ceil(n - _ROUNDING_TOLERANCE))


def sample_size_table(populations: Sequence[int], margins: Sequence[float],
                      confidence: float = 0.95, proportion: float = 0.5) -> pd.DataFrame:
    """Sample size for every (population, margin) pair: the data of the teaching charts."""
    rows = [
        {"annonces": int(N), "marge_erreur": float(e),
         "echantillon": sample_size(int(N), e, confidence, proportion)}
        for e in margins for N in populations
    ]
    return pd.DataFrame(rows)


def largest_remainder(counts: Mapping[str, int], total: int) -> dict[str, int]:
    """Share `total` among strata in proportion to `counts`, in whole numbers.

    Hamilton's method: each stratum first gets the integer part of its exact share
    total × count / Σ counts; the units left over go to the largest fractional parts
    (ties broken by the larger count, then by the order of `counts`). The result adds
    up exactly to `total` and a stratum with no ads gets nothing; when `total` is at most
    Σ counts (a sample), no stratum gets more than it has.
    """
    if any(c < 0 for c in counts.values()):
        raise ValueError("counts must be >= 0")
    population = sum(counts.values())
    if total < 0:
        raise ValueError(f"total must be >= 0, got {total}")
    if population == 0:
        if total:
            raise ValueError("nothing to share among strata that all count 0")
        return {key: 0 for key in counts}
    exact = {key: total * c / population for key, c in counts.items()}
    shares = {key: math.floor(q) for key, q in exact.items()}
    left = total - sum(shares.values())
    order = sorted(enumerate(counts), key=lambda item: (
        -(exact[item[1]] - shares[item[1]]), -counts[item[1]], item[0]))
    for _, key in order[:left]:
        shares[key] += 1
    return shares


def allocate(inventory: pd.DataFrame, n: int,
             strata: Sequence[str] = ("site",), count_column: str = "annonces") -> pd.DataFrame:
    """Allocate a sample of `n` ads across strata, level by level.

    With strata ("departement", "site") the sample is first shared among départements,
    then each département's share among its sites, as annex 5 describes; with ("site",)
    among the sites of one département. Returns one row per innermost stratum with its
    ads, its exact proportional share (`quote_part`) and its whole number of ads to
    code (`echantillon`).
    """
    strata = list(strata)
    table = inventory[strata + [count_column]].copy()

    def share(frame: pd.DataFrame, level: int, size: int) -> list[int]:
        column = strata[level]
        totals = frame.groupby(column, sort=False)[count_column].sum()
        parts = largest_remainder(totals.to_dict(), size)
        if level == len(strata) - 1:
            return [parts[key] for key in frame[column]]
        result = pd.Series(0, index=frame.index)
        for key, group in frame.groupby(column, sort=False):
            result.loc[group.index] = share(group, level + 1, parts[key])
        return result.tolist()

    table["echantillon"] = share(table, 0, n) if len(table) else []
    total = table[count_column].sum()
    table["quote_part"] = n * table[count_column] / total if total else 0.0
    return table.rename(columns={count_column: "annonces"})[
        strata + ["annonces", "quote_part", "echantillon"]]


def ads_from_inventory(inventory: pd.DataFrame, count_column: str = "annonces") -> pd.DataFrame:
    """One row per ad counted on each site, identified by its rank in the site's listing.

    Used when only the site inventory is known (the published table): the coder then
    opens the site and codes the ad at that rank, as the report's "sélectionnées de
    manière aléatoire sur chaque page".
    """
    rows = [
        {"site": site, "rang": rank, "id_annonce": f"{site}#{rank:04d}"}
        for site, count in zip(inventory["site"], inventory[count_column])
        for rank in range(1, int(count) + 1)
    ]
    return pd.DataFrame(rows, columns=["site", "rang", "id_annonce"])


def ads_to_draw_from(inventory: pd.DataFrame, ads: pd.DataFrame | None = None,
                     source: str = "fiche de relevé des annonces") -> pd.DataFrame:
    """The ads the sample is drawn from: the collection sheet if there is one, else ranks.

    The sheet must list, for each site, as many ads as the inventory counts; otherwise
    the draw would not follow the allocation, and the difference is reported site by site.
    """
    if ads is None:
        return ads_from_inventory(inventory)
    listed = ads.groupby("site").size()
    problems = [Problem(f"site « {site} »", int(listed.get(site, 0)),
                        f"{count} annonces, comme dans l'inventaire des sites")
                for site, count in zip(inventory["site"], inventory["annonces"]) if listed.get(site, 0) != count]
    problems += [Problem(f"site « {site} »", int(n), "un site de l'inventaire")
                 for site, n in listed.items() if site not in set(inventory["site"])]
    if problems:
        raise InputError(source, problems)
    return ads


def site_generator(seed: int, site: str) -> np.random.Generator:
    """A random generator of its own for each site, derived from the run's seed.

    Each site's draw depends only on the seed and the site's name, so that correcting
    one site's count in the inventory leaves every other site's draw unchanged.
    """
    return np.random.default_rng([seed, zlib.crc32(site.encode("utf-8"))])


def draw(ads: pd.DataFrame, allocation: pd.DataFrame, seed: int) -> pd.DataFrame:
    """Draw, without replacement, `echantillon` ads on each site of the allocation.

    Same ads, allocation and seed: same sample. The result keeps the columns of `ads`,
    sorted by site (allocation order) then by the ads' order, with a sample number
    `num_echantillon` from 1 to n that coders use to refer to an ad.
    """
    rows_of_site = ads.groupby("site", sort=False).indices
    drawn = []
    for site, size in zip(allocation["site"], allocation["echantillon"]):
        on_site = rows_of_site.get(site, np.array([], dtype=np.int64))
        if size > len(on_site):
            raise ValueError(f"site {site!r}: {size} ads to draw, only {len(on_site)} listed")
        if size == 0:
            continue
        positions = site_generator(seed, site).choice(len(on_site), size=int(size), replace=False)
        drawn.append(on_site[np.sort(positions)])
    sample = ads.iloc[np.concatenate(drawn) if drawn else []].reset_index(drop=True)
    sample.insert(0, "num_echantillon", range(1, len(sample) + 1))
    return sample


def drawn_sample(inventory: pd.DataFrame, ads: pd.DataFrame | None, margin: float, confidence: float,
                 proportion: float, seed: int, source: str = "fiche de relevé des annonces") -> pd.DataFrame:
    """The whole step in one call: size, allocation by site, draw; each ad with its site's category.

    The coding chapter and the synthetic coders use it to find the sample the sampling
    chapter drew with the same parameters.
    """
    size = sample_size(int(inventory["annonces"].sum()), margin, confidence, proportion)
    sample = draw(ads_to_draw_from(inventory, ads, source), allocate(inventory, size), seed)
    return sample.merge(inventory[["site", "categorie"]], on="site", how="left")


CODING_COLUMNS = ("annonce_retrouvee", "codeur", "date_codage", "remarques")
SHEET_COLUMNS = ("rang", "id_annonce", "date_collecte", "commune_declaree", "titre", "texte", "age_declare")


def coding_sheet(sample: pd.DataFrame, inventory: pd.DataFrame) -> pd.DataFrame:
    """The sheet coders fill in: one row per sampled ad, with its site's category.

    The columns to fill (`CODING_COLUMNS`) are left empty; the profile variables and
    network indices of step 6 are added by the codebook of that step.
    """
    sheet = sample.merge(inventory[["site", "categorie"]], on="site", how="left")
    columns = ["num_echantillon", "site", "categorie"] + [c for c in SHEET_COLUMNS if c in sample.columns]
    sheet = sheet[columns].copy()
    for column in CODING_COLUMNS:
        sheet[column] = ""
    return sheet


def write_coding_sheet(sheet: pd.DataFrame, path, notice: list[str]) -> None:
    """Save the coding sheet as .xlsx, with a "Lisez-moi" sheet saying what the data are."""
    write_workbook(path, {"Échantillon": sheet}, notice=notice)


@dataclass
class Sampling:
    """Step 5's result: the sample size with each term of Cochran's formula, the allocation
    by site and the ads drawn."""

    sites: pd.DataFrame
    population: int
    z: float
    n0: float
    n_exact: float
    n: int
    allocation: pd.DataFrame
    sample: pd.DataFrame          # the ads drawn, with their site's category

    def numbers(self) -> dict:
        return {"annonces": self.population, "sites": len(self.sites), "echantillon": self.n, "z": self.z,
                "n0": self.n0, "n_exact": self.n_exact, "part_codee": self.n / self.population if self.population else None,
                "sites_echantillon": int((self.allocation["echantillon"] > 0).sum()),
                "sites_sans_annonce": int((self.allocation["annonces"] == 0).sum())}

    def tables(self) -> dict[str, pd.DataFrame]:
        """The sample drawn, which chapter 6 codes (never drawn again there), and the sites."""
        return {"echantillon": self.sample, "sites": self.sites}

    def glued(self, plan) -> dict[str, str]:
        """The figures chapter 5's prose cites, formatted (`plan`: the parameters' sampling plan)."""
        from .presentation import number, percent

        return {"N": number(self.population), "nb_sites": number(len(self.sites)), "z": number(self.z, 3),
                "n0": number(self.n0, 2), "n_exact": number(self.n_exact, 2), "n": number(self.n),
                "marge": percent(plan.marge_erreur), "confiance": percent(plan.niveau_confiance),
                "part_codee": percent(self.n / self.population), "graine": str(plan.graine),
                "nb_sites_echantillon": number(self.numbers()["sites_echantillon"]),
                "nb_sites_sans": number(self.numbers()["sites_sans_annonce"])}

    def sites_with_ads(self) -> pd.DataFrame:
        """The allocation of the sites that have ads, with their category (French label)."""
        from .inventory import CATEGORY_LABELS

        shown = self.allocation[self.allocation["annonces"] > 0].merge(self.sites[["site", "categorie"]], on="site")
        return shown.assign(categorie=shown["categorie"].map(CATEGORY_LABELS))

    def allocation_table(self) -> "HTML":
        """The sites with ads, most ads first: ads counted, exact share, ads to code."""
        from .presentation import table

        shown = self.sites_with_ads().sort_values("annonces", ascending=False, kind="stable")
        return table(shown[["site", "annonces", "quote_part", "echantillon"]], decimals={"quote_part": 2},
                     labels={"site": "Site", "annonces": "Annonces relevées", "quote_part": "Part exacte",
                             "echantillon": "Annonces à coder"})

    def size_curves(self, name: str, confidence: float, proportion: float) -> tuple[pd.DataFrame, pd.DataFrame]:
        """The sample size for 20 to 20 000 ads at margins 3, 5 and 10 %, and the marks drawn on
        them: Pas-de-Calais 2018 (699 → 249), Ile-de-France 2017 (7 393 → 366) and this edition."""
        from .presentation import number, percent

        population = self.population
        sizes = sorted(set(np.unique(np.geomspace(20, 20000, 80).round().astype(int))) | {699, 7393, population})
        curves = sample_size_table(sizes, [0.03, 0.05, 0.10], confidence, proportion)
        curves["marge"] = curves["marge_erreur"].map(percent)
        marks = pd.DataFrame([
            {"annonces": 699, "echantillon": sample_size(699, 0.05, 0.95, 0.5),
             "libelle": "Pas-de-Calais 2018 : 699 → 249"},
            {"annonces": 7393, "echantillon": sample_size(7393, 0.05, 0.95, 0.5),
             "libelle": "Ile-de-France 2017 : 7 393 → 366"},
        ])
        if population not in set(marks["annonces"]):
            marks.loc[len(marks)] = {"annonces": population, "echantillon": self.n,
                                     "libelle": f"{name} (cette édition) : {number(population)} → {self.n}"}
        return curves, marks

    def sizes_by_margin(self, confidence: float, proportion: float) -> pd.DataFrame:
        """The sample size for this edition's ads at each margin from 2 to 15 % (step 0,5 point)."""
        from .presentation import percent

        margins = np.round(np.arange(0.02, 0.1501, 0.005), 3)
        by_margin = sample_size_table([self.population], margins, confidence, proportion)
        by_margin["marge"] = by_margin["marge_erreur"].map(lambda e: percent(e, 1))
        return by_margin

    def write_sheets(self, run) -> pd.DataFrame:
        """Write the coding sheet into `sorties/` (and, for real data, the full sheet with the ads'
        texts into `travail/`, outside the book); return the sheet written into `sorties/`."""
        from .paths import resolve

        sheet = coding_sheet(self.sample.drop(columns="categorie"), self.sites)
        header = [f"Fiche de codage — {run.departement.nom} — {len(sheet)} annonces tirées "
                  f"(graine {run.echantillonnage.graine}).", SHEET_NOTICES[run.donnees.nature],
                  "Une ligne par annonce à coder : retrouver l'annonce (identifiant, ou rang sur le site), puis "
                  "remplir les colonnes vides."]
        if run.donnees.nature == "reelles":
            # Real data: the full sheet carries the ads' texts; it is a working file, outside the book.
            folder = resolve(f"travail/fiches-de-codage-{run.departement.code}")
            folder.mkdir(parents=True, exist_ok=True)
            write_coding_sheet(sheet, folder / "fiche-de-codage.xlsx", notice=header)
            sheet = sheet.drop(columns=[c for c in ("titre", "texte") if c in sheet])
        write_coding_sheet(sheet, "sorties/fiche-de-codage.xlsx", notice=header)
        return sheet


SHEET_NOTICES = {
    "synthetiques": "DONNÉES SYNTHÉTIQUES (fictives) : ce fichier sert à apprendre la méthode.",
    "publiees": "Échantillon tiré à partir de l'inventaire publié du Pas-de-Calais (2018).",
    "reelles": "Données du diagnostic : fichier à conserver en lieu sûr.",
}
SHEET_PREVIEW = {"num_echantillon": "N°", "site": "Site", "categorie": "Catégorie", "rang": "Rang sur le site",
                 "id_annonce": "Identifiant", "date_collecte": "Relevée le"}


def sheet_preview(sheet: pd.DataFrame, rows: int = 8) -> "HTML":
    """The first rows of the coding sheet, in the columns that say which ad to find."""
    from .presentation import table

    return table(sheet.head(rows)[[c for c in SHEET_PREVIEW if c in sheet]], labels=SHEET_PREVIEW)


def compute(run, root=None) -> Sampling:
    """Step 5 from the validated parameters (section I-B-1 and annex 5, part 3)."""
    from . import ads as ad_sheet, inventory
    from .paths import resolve

    data, plan = run.donnees, run.echantillonnage
    sites = inventory.read(resolve(data.inventaire_sites, root))
    population = int(sites["annonces"].sum())
    n0 = sample_size_infinite(plan.marge_erreur, plan.niveau_confiance, plan.proportion_attendue)
    n = sample_size(population, plan.marge_erreur, plan.niveau_confiance, plan.proportion_attendue)
    allocation = allocate(sites, n)
    collected = ad_sheet.read_ads(resolve(data.annonces, root)) if data.annonces else None
    source = data.annonces or data.inventaire_sites
    sample = draw(ads_to_draw_from(sites, collected, source), allocation, plan.graine)
    sample = sample.merge(sites[["site", "categorie"]], on="site", how="left")
    return Sampling(sites, population, z_value(plan.niveau_confiance), n0, n0 / (1 + (n0 - 1) / population),
                    n, allocation, sample)
