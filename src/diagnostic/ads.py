"""Step 4 — the Internet diagnostic: the ad collection sheet and the other Internet elements.

The collection sheet has one row per ad seen on a site for the département (section
I-B-1): `id_annonce`, `site`, `date_collecte`, `commune_declaree` (as the ad writes it),
`titre`, `texte`, `telephone` (as written), `pseudo`, `age_declare`. On reading, phone
numbers and pseudonyms are replaced by pseudonyms (see `privacy`), and the numbers and
e-mails inside the texts are masked. Also read here: the places "at high prostitution
risk" and the "clients'" ads and forum discussions (sections I-B-3 and V-B).
"""

from __future__ import annotations

import re
from pathlib import Path

import pandas as pd
from pydantic import BaseModel, ConfigDict, Field

from . import communes
from .privacy import mask_ad_text, mask_contacts, phone_neighbour_keys, phone_pseudonyms, pseudonym
from .tables import read_rows
from .text import without_accents

AD_COLUMNS = ("id_annonce", "site", "date_collecte", "commune_declaree", "titre", "texte", "telephone",
              "pseudo", "age_declare")


class Ad(BaseModel):
    model_config = ConfigDict(extra="ignore")

    id_annonce: str = Field(min_length=1)
    site: str = Field(min_length=1)
    date_collecte: str | None = Field(default=None, pattern=r"^\d{4}-\d{2}-\d{2}$")
    commune_declaree: str | None = None
    titre: str | None = None
    texte: str | None = None
    telephone: str | None = None
    pseudo: str | None = None
    age_declare: str | None = None


def _sheet(path: Path) -> str | int:
    if path.suffix.lower() in (".xlsx", ".xlsm"):
        names = pd.ExcelFile(path).sheet_names
        return "annonces" if "annonces" in names else names[-1]
    return 0


def read_ads(path: str | Path) -> pd.DataFrame:
    """Read an ad collection sheet (CSV or .xlsx), checked and pseudonymised.

    `telephone` and `pseudo` are replaced by `telephone_pseudo`, `prefixe_pseudo` (the
    number without its last two digits), `voisins_pseudo` (keys shared by numbers one digit
    apart) and `pseudo_pseudo`; `titre` and `texte` have their phone numbers, e-mails and
    the ad's own pseudonym masked.
    """
    path = Path(path)
    ads = read_rows(path, Ad, required=("id_annonce", "site"), sheet=_sheet(path), unique="id_annonce")
    phones = [phone_pseudonyms(t) for t in ads["telephone"].fillna("")]
    ads["telephone_pseudo"] = [p[0] for p in phones]
    ads["prefixe_pseudo"] = [p[1] for p in phones]
    ads["voisins_pseudo"] = [phone_neighbour_keys(t) for t in ads["telephone"].fillna("")]
    ads["pseudo_pseudo"] = [pseudonym("PSE", without_accents(p).strip().lower()) if p else ""
                            for p in ads["pseudo"].fillna("")]
    pseudos = ads["pseudo"].fillna("")
    ads["titre"] = [mask_ad_text(t, p) for t, p in zip(ads["titre"].fillna(""), pseudos)]
    ads["texte"] = [mask_ad_text(t, p) for t, p in zip(ads["texte"].fillna(""), pseudos)]
    return ads.drop(columns=["telephone", "pseudo"])


class RiskPlace(BaseModel):
    model_config = ConfigDict(extra="ignore")
    type: str = Field(min_length=1)
    nom: str | None = None
    commune: str = Field(min_length=1)


class ClientAd(BaseModel):
    model_config = ConfigDict(extra="ignore")
    id_annonce_client: str = Field(min_length=1)
    date: str = Field(pattern=r"^\d{4}-\d{2}-\d{2}$")
    commune_declaree: str | None = None
    texte: str | None = None


class ForumDiscussion(BaseModel):
    model_config = ConfigDict(extra="ignore")
    id_discussion: str = Field(min_length=1)
    commune: str = Field(min_length=1)
    pseudonymes: int = Field(ge=0)


def read_risk_places(path: str | Path) -> pd.DataFrame:
    """Places "at high prostitution risk" (a risk, not a proven fact: section I-B-3)."""
    return read_rows(path, RiskPlace, required=("type", "commune"))


def read_client_ads(path: str | Path) -> pd.DataFrame:
    """Ads posted by "clients" (section V-B), texts with contacts masked."""
    ads = read_rows(path, ClientAd, required=("id_annonce_client", "date"), unique="id_annonce_client")
    ads["texte"] = ads["texte"].fillna("").map(mask_contacts)
    return ads


def read_forum(path: str | Path) -> pd.DataFrame:
    """Forum discussions of "clients" by commune (section V-B)."""
    return read_rows(path, ForumDiscussion, required=("id_discussion", "commune", "pseudonymes"))



PASSING = re.compile(r"de passage|quelques jours|pour une semaine|few days|dans votre ville", re.IGNORECASE)


def passing_through(texts: pd.Series) -> pd.Series:
    """Ads that say the person is "de passage" (section III-D: 18 % in Pas-de-Calais), found
    by their words; step 6 confirms it ad by ad when coding the sample."""
    return texts.fillna("").str.contains(PASSING)


def by_commune(ads: pd.DataFrame, departement: str, aliases: dict[str, str] | None = None,
               corrections: dict[str, str] | None = None) -> pd.DataFrame:
    """The ads with the commune they declare matched to its INSEE code (see `communes`)."""
    matches = communes.match(ads["commune_declaree"], departement, aliases, corrections)
    return ads.assign(code_insee=matches["code_insee"].to_numpy(), commune=matches["commune"].to_numpy(),
                      statut_commune=matches["statut"].to_numpy())


def concentration(located: pd.DataFrame, top: int = 5) -> tuple[pd.DataFrame, float, int]:
    """Ads per commune, most first; the share of the `top` communes; the number of communes
    (section III-D: the five main towns ≈ 80 % of the ads, 30 communes)."""
    counts = (located[located["code_insee"] != ""].groupby(["code_insee", "commune"]).size()
              .rename("annonces").reset_index().sort_values(["annonces", "commune"], ascending=[False, True]))
    counts["part"] = counts["annonces"] / len(located)
    return counts.reset_index(drop=True), float(counts["part"].head(top).sum()), len(counts)


def compare_waves(first: pd.DataFrame, second: pd.DataFrame, inventory: pd.DataFrame) -> dict:
    """Two collections compared: sites that appeared or vanished, ads per category and site.

    The landscape changes fast (annex 5: sites close and reopen under other names, ads
    migrate); a second collection shows how much.
    """
    category = dict(zip(inventory["site"], inventory["categorie"]))
    sites_first, sites_second = set(first["site"]), set(second["site"])
    per_site = pd.DataFrame({"vague_1": first.groupby("site").size(), "vague_2": second.groupby("site").size()}
                            ).fillna(0).astype(int).reset_index(names="site")
    per_site["categorie"] = per_site["site"].map(category).fillna("nouveau site")
    per_category = per_site.groupby("categorie")[["vague_1", "vague_2"]].sum().reset_index()
    return {"disparus": sorted(sites_first - sites_second), "apparus": sorted(sites_second - sites_first),
            "par_site": per_site, "par_categorie": per_category,
            "dates": (first["date_collecte"].min(), first["date_collecte"].max(),
                      second["date_collecte"].min(), second["date_collecte"].max())}
