"""A synthetic press review: a small dated list of fictional articles (annex 2 of the report).

As many articles each year as annex 2 lists for the Pas-de-Calais (26 from 2015 to 2020, by
date of publication). Most tell an affair of the synthetic world: the commune of one of its
situations in a probable or proven prostitution situation, and the exchange for goods or
services when that situation is one; some name one of the towns the ads declare (the press
hears of what the professionals did not report); a few concern the whole département (the
« clients », the law). Titles and newspapers are fictional, and the newspapers say so.
"""

from __future__ import annotations

import datetime as dt

import numpy as np
import pandas as pd

from ..press import FORMS

ARTICLES_PER_YEAR = {2015: 2, 2016: 3, 2017: 8, 2018: 1, 2019: 4, 2020: 8}
SOURCES = ("Le Quotidien régional (fictif)", "L'Hebdomadaire du territoire (fictif)",
           "Le Journal du soir (fictif)", "Agence de presse nationale (fictif)")
STREET, INDOOR, MASSAGE, EXCHANGE, UNKNOWN = FORMS
# Forms of an affair that is not an exchange for goods or services, and their weights.
OTHER_FORMS = ((INDOOR, 0.6), (STREET, 0.15), (MASSAGE, 0.1), (UNKNOWN, 0.15))
TITLES = {
    STREET: ["{commune} : des femmes en situation de prostitution près de la gare",
             "{commune} : le réseau faisait venir des femmes chaque week-end"],
    INDOOR: ["{commune} : un réseau de prostitution démantelé dans des appartements loués",
             "{commune} : un homme condamné pour avoir prostitué sa compagne",
             "{commune} : des annonces en ligne menaient à un appartement"],
    MASSAGE: ["{commune} : un salon de massage fermé après une enquête",
              "{commune} : soupçons de proxénétisme dans un salon de massage"],
    EXCHANGE: ["{commune} : des jeunes hébergées en échange d'actes sexuels",
               "{commune} : prostitution contre un toit, les travailleurs sociaux alertent"],
    UNKNOWN: ["{commune} : un quinquagénaire soupçonné de proxénétisme incarcéré",
              "{commune} : une enquête ouverte pour proxénétisme"],
}
DEPARTEMENT_TITLES = ["Prostitution : une verbalisation des « clients » très faible dans le département",
                      "Prostitution des mineures : les professionnels de la jeunesse s'inquiètent",
                      "Loi de 2016 sur le système prostitutionnel : quel bilan dans le département ?"]
DEPARTEMENT_SHARE, TOWN_SHARE = 0.1, 0.2


def articles(situations: pd.DataFrame, towns: pd.DataFrame, rng: np.random.Generator) -> pd.DataFrame:
    """The review: date, titre, source, commune (empty for the whole département), forme."""
    core = situations[situations["statut"] == "probable_averee"].reset_index(drop=True)
    rows = []
    for year, count in ARTICLES_PER_YEAR.items():
        for _ in range(count):
            draw = rng.random()
            if draw < DEPARTEMENT_SHARE:
                commune, form = "", UNKNOWN
                title = DEPARTEMENT_TITLES[rng.integers(len(DEPARTEMENT_TITLES))]
            else:
                if draw < DEPARTEMENT_SHARE + TOWN_SHARE:
                    commune, exchange = towns["nom"].iloc[rng.integers(len(towns))], False
                else:
                    situation = core.iloc[rng.integers(len(core))]
                    commune = situation["commune"]
                    exchange = bool(situation["contre_biens_services"] or situation["contre_hebergement"])
                form = EXCHANGE if exchange else OTHER_FORMS[rng.choice(len(OTHER_FORMS),
                                                                         p=[w for _, w in OTHER_FORMS])][0]
                title = TITLES[form][rng.integers(len(TITLES[form]))].format(commune=commune)
            day = dt.date(year, 1, 1) + dt.timedelta(days=int(rng.integers(365)))
            rows.append({"date": day.isoformat(), "titre": title, "source": SOURCES[rng.integers(len(SOURCES))],
                         "commune": commune, "forme": form})
    return pd.DataFrame(rows).sort_values("date", kind="stable").reset_index(drop=True)
