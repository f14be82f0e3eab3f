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
from dataclasses import dataclass
from pathlib import Path

import pandas as pd
from pydantic import BaseModel, ConfigDict, Field, ValidationInfo, field_validator

from . import adfields, communes, press
from .privacy import is_first_name, mask_ad_text, mask_contacts, phone_neighbour_keys, phone_pseudonyms, pseudonym
from .tables import EXCEL_CELL_LIMIT, Date, read_rows, sheet_names
from .text import per_distinct, without_accents

AD_COLUMNS = ("id_annonce", "site", "date_collecte", "commune_declaree", "titre", "texte", "telephone",
              "pseudo", "age_declare")


class Ad(BaseModel):
    model_config = ConfigDict(extra="ignore")

    id_annonce: str = Field(min_length=1)
    site: str = Field(min_length=1)
    date_collecte: Date | None = None
    commune_declaree: str | None = None
    titre: str | None = None
    texte: str | None = None
    telephone: str | None = None
    pseudo: str | None = None
    age_declare: str | None = None

    @field_validator("texte")
    @classmethod
    def fits_a_spreadsheet_cell(cls, text: str | None, info: ValidationInfo) -> str | None:
        """An ad's text goes whole into the coders' spreadsheet: at most 32 767 characters."""
        if text is not None and len(text) > EXCEL_CELL_LIMIT:
            raise ValueError(f"un texte d'au plus {EXCEL_CELL_LIMIT} caractères (la limite d'une cellule Excel : "
                             f"l'annonce « {info.data.get('id_annonce')} » ne tiendrait pas entière dans la fiche de "
                             f"codage ; coupez le texte recopié ou gardez-en l'essentiel)")
        return text


def _sheet(path: Path) -> str | int:
    if path.suffix.lower() in (".xlsx", ".xlsm"):
        names = sheet_names(path)
        return "annonces" if "annonces" in names else names[-1]
    return 0


def read_ads(path: str | Path) -> pd.DataFrame:
    """Read an ad collection sheet (CSV or .xlsx), checked and pseudonymised.

    `telephone` and `pseudo` are replaced by `telephone_pseudo`, `prefixe_pseudo` (the
    number without its last two digits), `voisins_pseudo` (keys shared by numbers one digit
    apart) and `pseudo_pseudo`; `titre` and `texte` have their phone numbers, e-mails and
    the ad's own pseudonym masked.

    Read from the text before it is masked (`adfields`, step 7): `prenom_pseudo` (the
    pseudonym of the first name the ad gives, which is then masked in the text too),
    `age` (declared, a number), `taille` (the declared height in centimetres), `description`
    and `langues` (words joined by spaces), `telephones_texte` and `voisins_texte`
    (pseudonyms of the numbers written inside the text, and their neighbour keys),
    `pseudo_prenom` (the pseudo is only a first name, "Emma", and the ad's first name: the
    text gives none, or the same; step 7 then compares it once, as the first name), `commune_cle` (the declared commune without its
    postcode, accents and vague place words; `adfields.commune_codes` turns it into an
    INSEE code when the département is known).
    """
    path = Path(path)
    ads = read_rows(path, Ad, required=("id_annonce", "site"), sheet=_sheet(path), unique="id_annonce",
                    empty_allowed=False)
    keys = per_distinct(lambda t: (*phone_pseudonyms(t), phone_neighbour_keys(t)), ads["telephone"].fillna(""))
    for k, column in enumerate(("telephone_pseudo", "prefixe_pseudo", "voisins_pseudo")):
        ads[column] = [key[k] for key in keys]
    pseudos = ads["pseudo"].fillna("")
    ads["pseudo_pseudo"] = per_distinct(lambda p: pseudonym("PSE", without_accents(p).strip().lower()) if p else "",
                                        pseudos)
    # one word, a known first name: "Emma", not "Emma62", "Douce Emma" nor "Gina-love"
    ads["pseudo_prenom"] = per_distinct(lambda p: bool(re.fullmatch(r"[^\W\d_]+", p.strip()))
                                        and is_first_name(p.strip()), pseudos)
    found = per_distinct(_read_text, ads["titre"].fillna(""), ads["texte"].fillna(""), pseudos,
                         ads["age_declare"].fillna(""))
    for k, column in enumerate(("prenom_pseudo", "age", "taille", "description", "langues", "telephones_texte",
                                "voisins_texte", "titre", "texte"), start=1):
        ads[column] = [f[k] for f in found]
    # a pseudo that is only a first name is the ad's first name when its text gives none; when
    # the text gives another ("Manon" above "je suis Emma"), it stays a pseudo
    named = per_distinct(lambda p, first: adfields.name_key(p.strip()) if first else "", pseudos, ads["pseudo_prenom"])
    unnamed = (ads["prenom_pseudo"] == "") & ads["pseudo_prenom"]
    ads.loc[unnamed, "prenom_pseudo"] = pd.Series(named, index=ads.index)[unnamed]
    ads["pseudo_prenom"] = ads["pseudo_prenom"] & (pd.Series(named, index=ads.index) == ads["prenom_pseudo"])
    ads["commune_cle"] = per_distinct(adfields.commune_key, ads["commune_declaree"].fillna(""))
    return ads.drop(columns=["telephone", "pseudo"])


def _read_text(title: str, text: str, handle: str, age_field: str) -> tuple:
    """What step 7 reads from an ad's title and text (`adfields.fields`), then the title and
    the text masked (contacts, full names, the ad's handle and the first name it gives): in
    one pass, so that the numbers step 7 found in each are not searched again by the masking
    (`privacy.phone_spans` keeps the last texts' numbers)."""
    found = adfields.fields(title, text, age_field)
    return (*found, *(adfields.mask_first_name(mask_ad_text(part, handle), found[0]) for part in (title, text)))


class RiskPlace(BaseModel):
    model_config = ConfigDict(extra="ignore")
    type: str = Field(min_length=1)
    nom: str | None = None
    commune: str = Field(min_length=1)


class ClientAd(BaseModel):
    model_config = ConfigDict(extra="ignore")
    id_annonce_client: str = Field(min_length=1)
    date: Date
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




def passing_through(texts: pd.Series) -> pd.Series:
    """Ads that say the person is "de passage" (section III-D: 18 % in Pas-de-Calais), found
    by the words of the pre-coding rule (`precoding.PASSING`); step 6 codes it ad by ad in
    the sample, and may find another share."""
    from .precoding import PASSING

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


@dataclass
class InternetCollection:
    """Step 4's result: the sites, the ads by commune, and the other Internet elements."""

    sites: pd.DataFrame
    ads: pd.DataFrame                 # the ad sheet, read and pseudonymised
    located: pd.DataFrame             # each ad with its commune's INSEE code and match status
    unmatched: pd.DataFrame           # spellings not matched, with a suggestion
    by_commune: pd.DataFrame          # ads per commune, most first
    top_share: float
    communes: int
    passing: pd.Series                # ads saying the person is "de passage"
    by_arrondissement: pd.DataFrame
    elements: pd.DataFrame            # risk places, clients' ads, forum discussions by commune
    elements_by_code: pd.DataFrame    # their total by INSEE code, for the map
    client_ads: int | None
    risk_places: int | None
    forum_discussions: int | None
    forum_communes: int | None
    waves: dict | None                # a second collection compared with the first
    review: press.PressReview | None = None  # the press review (annex 2), a third dated source

    def numbers(self) -> dict:
        press_numbers = self.review.numbers() if self.review else {}
        return press_numbers | {"sites": len(self.sites), "annonces": int(self.sites["annonces"].sum()),
                "annonces_releve": len(self.ads), "communes": self.communes, "part_cinq_villes": self.top_share,
                "cinq_villes": self.by_commune["commune"].head(5).tolist(),
                "part_de_passage": float(self.passing.mean()) if len(self.passing) else None,
                "part_communes_rattachees": float((self.located["statut_commune"] == communes.MATCHED).mean())
                if len(self.located) else None,
                "annonces_non_rattachees": int(self.unmatched["annonces"].sum()),
                "collecte_debut": self.ads["date_collecte"].dropna().min() if len(self.ads) else None,
                "collecte_fin": self.ads["date_collecte"].dropna().max() if len(self.ads) else None,
                "annonces_clients": self.client_ads, "lieux_a_risque": self.risk_places,
                "discussions_forum": self.forum_discussions, "communes_forum": self.forum_communes,
                "annonces_par_categorie": self.sites.groupby("categorie")["annonces"].sum().astype(int).to_dict(),
                "annonces_par_site": dict(zip(self.sites["site"], self.sites["annonces"].astype(int))),
                "part_par_commune": dict(zip(self.by_commune["commune"], self.by_commune["part"]))}

    def glued(self, departement: str, crossed: pd.DataFrame | None) -> dict[str, str]:
        """The figures chapter 4's prose cites, formatted; `crossed`: the press review crossed
        with step 3's persons (`PressReview.crossed`), None without a review."""
        from .presentation import MISSING, number, percent

        numbers = self.numbers()
        mirrors = self.sites[self.sites["groupe_miroir"].fillna("") != ""]
        # The comparison with the report only makes sense for the Pas-de-Calais edition.
        cited = f"{number(numbers['communes'])} communes sont citées" + (
            " (dans le rapport : Lens, Arras, Boulogne-sur-Mer, Béthune et Calais, environ 80 %, et 30 communes)"
            if departement == "62" else "")
        values = {"N": number(numbers["annonces"]), "nb_sites": number(numbers["sites"]),
                  "nb_miroirs": number(len(mirrors)),
                  "annonces_miroir": number(int(mirrors["annonces"].iloc[0])) if len(mirrors) else "0",
                  "taux_communes": percent(numbers["part_communes_rattachees"], 1),
                  "nb_restes": number(numbers["annonces_non_rattachees"]),
                  "part_top5": percent(numbers["part_cinq_villes"]), "communes_citees": cited,
                  "villes_top5": ", ".join(numbers["cinq_villes"]), "part_passage": percent(numbers["part_de_passage"]),
                  "vagues": self.waves_text(), "n_annonces_clients": number(numbers["annonces_clients"]),
                  "n_discussions_forum": number(numbers["discussions_forum"]),
                  "n_communes_forum": number(numbers["communes_forum"])}
        press_keys = ("presse_n", "presse_periode", "presse_sans_commune", "presse_non_rattaches")
        if self.review and numbers["articles_presse"]:
            values |= {"presse_n": number(numbers["articles_presse"]),
                       "presse_periode": f"du {pd.Timestamp(numbers['presse_debut']):%d/%m/%Y} au "
                                         f"{pd.Timestamp(numbers['presse_fin']):%d/%m/%Y}",
                       "presse_sans_commune": number(numbers["articles_presse_sans_commune"]),
                       "presse_non_rattaches": number(numbers["articles_presse_non_rattaches"])}
        else:
            values |= dict.fromkeys(press_keys, MISSING)
        if crossed is None:
            return values | {"presse_seule": MISSING, "pros_seuls": MISSING}
        only = {key: ", ".join(crossed.loc[crossed["sources"] == source, "arrondissement"]) or "aucun"
                for key, source in (("presse_seule", "presse seule"), ("pros_seuls", "professionnel·les seul·es"))}
        return values | only

    def waves_text(self) -> str:
        """The dates of the two collections and the sites gone or come, or how to add a second one."""
        if not self.waves:
            return ("Cette édition n'a qu'un relevé : le second s'indique dans la clé « donnees.annonces_vague2 » du "
                    "fichier de paramètres (même modèle que le premier).")
        d1, f1, d2, f2 = (pd.Timestamp(d) for d in self.waves["dates"])
        return (f"Premier relevé du {d1:%d/%m/%Y} au {f1:%d/%m/%Y} ; second relevé du {d2:%d/%m/%Y} au "
                f"{f2:%d/%m/%Y}. Sites disparus : {', '.join(self.waves['disparus']) or 'aucun'}. Sites apparus : "
                f"{', '.join(self.waves['apparus']) or 'aucun'}.")

    def waves_table(self) -> "HTML":
        """Ads by category in each collection (section I-B: two collections compared)."""
        from .inventory import CATEGORY_LABELS
        from .presentation import table

        by_category = self.waves["par_categorie"]
        return table(by_category.assign(categorie=by_category["categorie"].map(CATEGORY_LABELS)
                                        .fillna(by_category["categorie"])),
                     labels={"categorie": "Catégorie", "vague_1": "Premier relevé", "vague_2": "Second relevé"})

    def unmatched_table(self, rows: int = 15) -> "HTML":
        """The spellings of communes not matched, most ads first, with the nearest commune."""
        from .presentation import table

        return table(self.unmatched.head(rows).assign(statut=lambda t: t["statut"].map(communes.STATUS_LABELS)),
                     labels={"saisie": "Écrit dans l'annonce", "statut": "Statut", "annonces": "Annonces",
                             "suggestion": "Commune la plus proche (à vérifier)"})

    def commune_tables(self, rows: int = 10) -> tuple["HTML", "HTML"]:
        """The communes with the most ads, and the ads by arrondissement, with their shares."""
        from .presentation import percent, table

        return (table(self.by_commune.head(rows).assign(part=lambda t: t["part"].map(percent)),
                      labels={"commune": "Commune", "code_insee": "Code INSEE", "annonces": "Annonces", "part": "Part"}),
                table(self.by_arrondissement.assign(part=lambda t: t["part"].map(percent)),
                      labels={"arrondissement": "Arrondissement", "annonces": "Annonces", "part": "Part"}))


def compute(run, root: Path | None = None) -> InternetCollection:
    """Step 4 from the validated parameters (sections I-B, III-D and V-B of the report), with
    the press review (annex 2) when the parameters name one."""
    from . import geo, inventory
    from .paths import resolve

    data, code, aliases = run.donnees, run.departement.code, dict(run.communes.alias)
    sites = inventory.read(resolve(data.inventaire_sites, root))
    collected = read_ads(resolve(data.annonces, root))
    corrections = communes.read_corrections(resolve(data.corrections_communes, root)) if data.corrections_communes \
        else None
    located = by_commune(collected, code, aliases, corrections)
    unmatched = communes.unmatched(communes.match(collected["commune_declaree"], code, aliases, corrections), code)
    per_commune, top_share, n_communes = concentration(located)
    arrondissements = geo.commune_arrondissements(code, root)
    per_arrondissement = (located.merge(arrondissements, left_on="code_insee", right_on="commune_code")
                          .groupby("arrondissement").size().rename("annonces").reset_index()
                          .sort_values("annonces", ascending=False))
    per_arrondissement["part"] = per_arrondissement["annonces"] / len(located)
    elements, client_ads, risk_places, forum = [], None, None, None
    if data.lieux_a_risque:
        places = read_risk_places(resolve(data.lieux_a_risque, root))
        risk_places = len(places)
        elements.append(places.groupby("commune").size().rename("Lieux à risque"))
    if data.annonces_clients:
        clients = read_client_ads(resolve(data.annonces_clients, root))
        client_ads = len(clients)
        elements.append(clients.groupby("commune_declaree").size().rename("Annonces de « clients »"))
    if data.forum:
        forum = read_forum(resolve(data.forum, root))
        elements.append(forum.groupby("commune").size().rename("Discussions de forum"))
    other = (pd.concat(elements, axis=1).fillna(0).astype(int).reset_index(names="Commune") if elements
             else pd.DataFrame({"Commune": []}))
    other = other.assign(total=other.iloc[:, 1:].sum(axis=1)).sort_values("total", ascending=False, kind="stable")
    other_codes = communes.match(other["Commune"], code, aliases)
    by_code = pd.DataFrame({"code": other_codes["code_insee"].to_numpy(), "elements": other["total"].to_numpy()})
    waves = (compare_waves(collected, read_ads(resolve(data.annonces_vague2, root)), sites)
             if data.annonces_vague2 else None)
    return InternetCollection(sites, collected, located, unmatched, per_commune, top_share, n_communes,
                              passing_through(collected["texte"]), per_arrondissement,
                              other.drop(columns="total"), by_code, client_ads, risk_places,
                              len(forum) if forum is not None else None,
                              forum["commune"].nunique() if forum is not None else None, waves,
                              press.review(press.read_press(resolve(data.revue_presse, root)), arrondissements, code,
                                           aliases, corrections) if data.revue_presse else None)
