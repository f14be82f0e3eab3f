"""Filled coder sheets for the synthetic world (step 6), as two coders would return them.

The sample is drawn exactly as the sampling chapter draws it (same allocation, same
seed); each ad's true codes come from the person behind it; each simulated coder
copies the true code, except for a small share of slips (another value of the list),
so that the agreement chapter has real disagreements to show.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from .. import coding, precoding, privacy, sampling
from ..params import Parametres
from ..spreadsheets import WHOLE_NUMBER

SLIP_RATES = (0.04, 0.06)   # share of codes misread by the first, the second coder, …
NOT_FOUND_RATE = 0.02       # ads removed between the collection and the coding


def true_codes(truth: pd.DataFrame, persons: pd.DataFrame, rng: np.random.Generator) -> pd.DataFrame:
    """The codes an attentive coder gives every ad, from the person behind it.

    `truth` holds every ad of the collection (`id_annonce`, `id_personne`). `doublon` is
    "oui" when an ad of the same person comes before it in the collection sheet
    (identifier order): the persons behind the ads are then exactly the ads that are not
    doublons. The network indices are those a coder can see: several persons of one
    network writing alike, in the same commune, with phones a few digits apart.
    """
    people = persons.copy()
    network = people["id_reseau"].fillna("") != ""
    in_network = people[network]
    size = in_network.groupby("id_reseau")["id_personne"].transform("size")
    same_place = in_network.groupby(["id_reseau", "commune_code"])["id_personne"].transform("size") > 1
    with_phone = in_network[in_network["telephone"].fillna("") != ""]
    phones = with_phone.groupby("id_reseau")["telephone"].transform("nunique")
    people["similaire"] = (size > 1).reindex(people.index, fill_value=False)
    people["meme_lieu"] = same_place.reindex(people.index, fill_value=False)
    people["voisins"] = (phones > 1).reindex(people.index, fill_value=False)
    table = truth[["id_annonce", "id_personne"]].merge(people, on="id_personne", how="left")
    first = set(table.sort_values("id_annonce").drop_duplicates("id_personne")["id_annonce"])
    yes = lambda flags: np.where(np.asarray(flags, dtype=bool), "oui", "non")  # noqa: E731
    return pd.DataFrame({
        "id_annonce": table["id_annonce"],
        "annonce_retrouvee": yes(rng.random(len(table)) >= NOT_FOUND_RATE),
        "doublon": yes(~table["id_annonce"].isin(first)),
        "sexe_presente": table["sexe"],
        "age_declare": table["age"].where(table["age"] >= 0).astype("Int64"),
        "origine": np.where(table["origine"].fillna("") == "", "non_renseignee",
                            np.where(table["origine"] == "francaise", "francaise", "etrangere")),
        "de_passage": yes(table["de_passage"]),
        "public": table["public"],
        "langue": np.where(table["anglais"].astype(bool), "anglais", "francais"),
        "personne_grammaticale": np.where(table["troisieme_personne"].astype(bool), "troisieme", "premiere"),
        "disponibilite_24h": yes(table["h24"]),
        "lieu": np.where(table["recoit"].astype(bool), "recoit", "se_deplace"),
        "indice_redaction_similaire": yes(table["similaire"]),
        "indice_memes_termes_meme_lieu": yes(table["meme_lieu"]),
        "indice_meme_compte": "non",
        "indice_telephones_voisins": yes(table["voisins"]),
        "indice_troisieme_personne": yes(table["troisieme_personne"]),
        "indice_anglais": yes(table["anglais"]),
        "indice_incoherences": "non",
        "indice_de_passage": yes(table["de_passage"]),
        "indice_disponible_tout_le_temps": yes(table["h24"]),
    })


def _slip(value, allowed, rng: np.random.Generator):
    """Another value than the true one: a neighbouring age, or another value of the list.

    A sign present is missed more often than an absent one is seen: on a yes/no
    variable, "non" turns into "oui" only one slip in ten.
    """
    if allowed == coding.YES_NO:
        return "non" if value == "oui" or rng.random() >= 0.1 else "oui"
    if allowed == WHOLE_NUMBER:
        return None if pd.isna(value) else int(value) + int(rng.choice([-1, 1]))
    others = [v for v in allowed if v != value]
    return others[int(rng.integers(len(others)))]


def fill(sheet: pd.DataFrame, codes: pd.DataFrame, slip_rate: float, rng: np.random.Generator) -> pd.DataFrame:
    """A coder's sheet filled with the true codes, but for a share `slip_rate` of slips."""
    filled = sheet.copy()
    true = codes.set_index("id_annonce").loc[filled["id_annonce"]].reset_index()
    for name, allowed in coding.variables().items():
        values = true[name].astype(object).tolist()
        for k, value in enumerate(values):
            if name != "annonce_retrouvee" and rng.random() < slip_rate:
                values[k] = _slip(value, allowed, rng)
        filled[name] = ["" if v is None or pd.isna(v) else v for v in values]
    lost = true["annonce_retrouvee"] == "non"
    for name in coding.variables():
        if name != "annonce_retrouvee":
            filled.loc[lost.to_numpy(), name] = ""
    return filled


def filled_sheets(run: Parametres, sites: pd.DataFrame, ads: pd.DataFrame, codes: pd.DataFrame,
                  rng: np.random.Generator) -> dict[str, tuple[pd.DataFrame, pd.DataFrame]]:
    """Every coder's filled sheet and its pre-coding suggestions, for the run's sample."""
    settings = run.echantillonnage
    drawn = sampling.drawn_sample(sites, ads, settings.marge_erreur, settings.niveau_confiance,
                                  settings.proportion_attendue, settings.graine)
    # the texts as coders see them (the draw does not read them): only the sample's are masked
    sample = drawn.assign(**{part: [privacy.mask_ad_text(t, p) for t, p in zip(drawn[part], drawn["pseudo"])]
                             for part in ("titre", "texte")})
    assignment = coding.assign(sample, run.codage.codeurs, run.codage.double_codage, run.codage.graine)
    suggestions = precoding.suggest(sample)
    sheets = {}
    for k, coder in enumerate(run.codage.codeurs):
        blank = coding.coder_sheet(sample, assignment, coder)
        sheets[coder] = (fill(blank, codes, SLIP_RATES[k % len(SLIP_RATES)], rng), suggestions)
    return sheets
