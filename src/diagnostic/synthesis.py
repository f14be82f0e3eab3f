"""The synthesis for the departmental commission: key figures of every step, pistes d'action.

Following the report's conclusion ("Conclusion et pistes d'action"), the synthesis
restates the key figures of each step and ties each piste d'action to the figure that
motivates it. The figures are never typed by hand: they are the results each chapter
saved in the same build (`results`), read here as numbers and formatted once.
"""

from __future__ import annotations

import math

import pandas as pd

from .presentation import number, percent

NOT_COMPUTED = "—"

# The eight pistes d'action of the report's conclusion, in its order and with its titles,
# each tied to the figure of this edition that motivates it ("chapter:result key").
DEFAULT_ACTIONS = [
    {"titre": "Des partenaires en demande de formation et d'information",
     "indicateur": "02:part_insuffisamment_outille",
     "libelle": "des répondant·es qui ont accompagné des personnes s'estiment insuffisamment outillé·es",
     "texte": "Poursuivre l'information et la sensibilisation, et proposer des formations aux professionnel·les "
              "sur la réalité du système prostitutionnel et sur la manière d'en parler avec les personnes.",
     "acteurs": "DDFE, association spécialisée, organismes de formation", "horizon": "court terme",
     "suivi": "professionnel·les formé·es par champ d'activité"},
    {"titre": "Construire un partenariat solide pour l'accompagnement des personnes en situation de prostitution",
     "indicateur": "02:part_besoin_mise_en_reseau",
     "libelle": "des répondant·es souhaitent la mobilisation d'un réseau partenarial",
     "texte": "Faire agréer une association spécialisée dans le département, condition des parcours de sortie ; "
              "organiser des formations interprofessionnelles par territoire ; s'appuyer sur les instances "
              "existantes (commission violences faites aux femmes, CDPD, CLSPD).",
     "acteurs": "Préfecture, commission départementale, associations", "horizon": "court terme",
     "suivi": "association agréée ; parcours de sortie ouverts"},
    {"titre": "Inscrire la prostitution dans les protocoles de prise en charge des femmes victimes de violences",
     "indicateur": "03:part_facteur_violences",
     "libelle": "des personnes en situation probable ou avérée ont subi des violences",
     "texte": "Étendre les dispositifs existants pour les violences conjugales aux victimes de violences sexuelles, "
              "dont la prostitution, dans tous les protocoles de prise en charge des femmes victimes de violences.",
     "acteurs": "DDFE, centres hospitaliers, forces de l'ordre, intervenant·es sociaux en commissariat",
     "horizon": "moyen terme", "suivi": "protocoles mentionnant la prostitution"},
    {"titre": "Inclure et nommer la prostitution contre biens ou services dans les actions de lutte contre "
              "le système prostitutionnel",
     "indicateur": "03:part_situations_echange",
     "libelle": "des situations décrites relèvent d'un échange contre des biens ou des services",
     "texte": "Informer le public de l'interdiction d'acheter un acte sexuel, y compris contre un avantage en "
              "nature ; sensibiliser les publics hébergés ; travailler l'accès aux biens de première nécessité "
              "et à l'hébergement.",
     "acteurs": "Structures d'hébergement, collectivités, associations", "horizon": "court terme",
     "suivi": "actions de sensibilisation menées"},
    {"titre": "Prendre en compte la prostitution en milieu rural dans le maillage partenarial",
     "indicateur": "04:communes",
     "libelle": "communes déclarées par les annonces Internet",
     "texte": "Ne pas oublier le milieu rural dans le maillage partenarial (unités mobiles d'aller-vers) et "
              "imaginer des modes d'aller-vers sur Internet pour entrer en contact avec les personnes.",
     "acteurs": "Collectivités, associations, unités mobiles", "horizon": "moyen terme",
     "suivi": "territoires ruraux couverts par un partenaire"},
    {"titre": "Lutter contre le proxénétisme et la traite passant par Internet",
     "indicateur": "06:part_indices_reseau",
     "libelle": "des annonces codées présentent au moins un indice de réseau",
     "texte": "Sensibiliser les riverain·es, les propriétaires d'appartements en location saisonnière et les "
              "hôtelier·es pour repérer les réseaux de passage ; étudier les dispositifs de veille sur Internet "
              "de la police et de la gendarmerie.",
     "acteurs": "Parquets, police, gendarmerie, bailleurs, hôtellerie", "horizon": "moyen terme",
     "suivi": "signalements reçus ; enquêtes ouvertes"},
    {"titre": "Prévenir et agir contre la prostitution des mineur·es et jeunes majeur·es",
     "indicateur": "03:part_mineurs",
     "libelle": "des personnes en situation probable ou avérée sont mineures",
     "texte": "Repérer les jeunes concerné·es dans les institutions qui prennent en charge les plus fragiles "
              "(ASE, PJJ) ; intégrer la prostitution aux actions de prévention en milieu scolaire ; renforcer le "
              "partenariat entre protection de l'enfance et associations spécialisées.",
     "acteurs": "Conseil départemental (ASE), PJJ, Éducation nationale, BPDJ, CIDFF", "horizon": "court terme",
     "suivi": "jeunes repéré·es et orienté·es ; séances de prévention"},
    {"titre": "Responsabiliser les « clients » de la prostitution",
     "indicateur": "04:annonces_clients",
     "libelle": "annonces de « clients » relevées sur Internet",
     "texte": "Mettre en place des stages de responsabilisation des acheteurs d'actes sexuels, créés par la loi "
              "du 13 avril 2016, sur le modèle de ceux des auteurs de violences conjugales.",
     "acteurs": "Parquets, forces de l'ordre, associations", "horizon": "moyen terme",
     "suivi": "verbalisations ; stages organisés"},
]


def value(results: dict[str, dict], key: str):
    """The number saved as "chapter:key" (a key may go into a dict: "02:besoins/Formation")."""
    chapter, _, name = key.partition(":")
    found = results.get(chapter, {})
    for part in name.split("/"):
        found = found.get(part) if isinstance(found, dict) else None
    return found


def shown(key: str, figure) -> str:
    """A result as the synthesis writes it: shares as percentages, counts as numbers."""
    if figure is None or (isinstance(figure, float) and math.isnan(figure)):
        return NOT_COMPUTED
    if isinstance(figure, list):
        return ", ".join(map(str, figure))
    name = key.partition(":")[2]
    if name.startswith("part") or "/" in name:
        return percent(figure)
    return number(figure)


def actions(pistes: list[dict], results: dict[str, dict]) -> pd.DataFrame:
    """The pistes d'action with the figure that motivates each (— when its chapter has not run)."""
    return pd.DataFrame([{"piste": p["titre"], "chiffre": shown(p["indicateur"], value(results, p["indicateur"])),
                          "constat": p["libelle"], "proposition": p["texte"], "acteurs": p.get("acteurs") or "",
                          "horizon": p.get("horizon") or "", "suivi": p.get("suivi") or ""} for p in pistes])


def mse_sentence(counting: dict | None) -> str:
    """What the synthesis says of the hidden part: the MSE estimate when its checks pass
    (chapter 3, "quand ne pas la publier"), otherwise why it is withheld."""
    if not counting or counting.get("mse_estimation") is None:
        return "L'estimation par systèmes multiples n'a pas été calculée dans cette édition."
    checks = counting["mse_verifications"]
    if all(checks.values()):
        return (f"L'estimation par systèmes multiples de la partie que personne n'a signalée donne "
                f"{number(counting['mse_estimation'])} personnes en tout (intervalle à 95 % : "
                f"{number(counting['mse_bas'])} – {number(counting['mse_haut'])}) : une estimation, à citer à côté "
                f"du décompte a minima, jamais à sa place.")
    reasons = {"intervalle_calcule": "son intervalle n'a pas pu être calculé",
               "intervalle_raisonnable": "son intervalle est trop large",
               "recoupements_suffisants": "trop peu de personnes ont été signalées par plusieurs champs d'activité",
               "rapport_au_decompte_raisonnable": "elle dépasse vingt fois le décompte dont elle part"}
    failed = [reasons[key] for key, passed in checks.items() if not passed]
    return ("L'estimation par systèmes multiples n'est pas publiée dans cette synthèse : "
            + " ; ".join(failed) + " (voir le chapitre 3, « quand ne pas la publier »).")


def coding_sentence(results: dict[str, dict]) -> str:
    """The coded sample and the persons behind the ads (chapters 6 and 7); before any coder
    sheet is filled, what the synthesis waits for and where to give it."""
    figure = lambda key: shown(key, value(results, key))  # noqa: E731
    linked = f"la liaison de toutes les annonces en trouve {figure('07:personnes_liees')}."
    if not value(results, "06:codage"):
        return (f"L’échantillon de {figure('05:echantillon')} annonces attend le codage (chapitre 6) : les fiches "
                f"remplies s’indiquent dans la clé « donnees.fiches_codage » du fichier de paramètres ; sans attendre, "
                + linked)
    return (f"Dans l’échantillon de {figure('05:echantillon')} annonces codées, {figure('06:part_femme')} présentent "
            f"une femme, {figure('06:part_public_hommes')} s’adressent aux hommes et {figure('06:part_indices_reseau')} "
            f"portent au moins un indice de réseau. Avec un taux de doublons de {percent(value(results, '07:taux_doublons'))}, "
            f"{figure('07:personnes_rapport')} personnes (de {figure('07:personnes_bas')} à "
            f"{figure('07:personnes_haut')}) seraient concernées par ces annonces ; " + linked)


def needs_sentence(questionnaire: dict | None) -> str:
    """The professionals' needs, most cited first, with their shares (section I-A-5)."""
    if not questionnaire:
        return NOT_COMPUTED
    needs = sorted(((key.removeprefix("part_besoin_"), share) for key, share in questionnaire.items()
                    if key.startswith("part_besoin_") and key != "part_besoin_autre"), key=lambda n: -n[1])
    return " ; ".join(f"{NEED_LABELS.get(code, code)} ({percent(share)})" for code, share in needs)


NEED_LABELS = {"formation": "formation", "appui_d_associations_specialisees": "appui d'associations spécialisées",
               "information_sensibilisation": "information et sensibilisation",
               "mise_en_reseau": "mise en réseau", "outils_de_prevention": "outils de prévention"}


def demand_sentence(results: dict[str, dict]) -> str | None:
    """The demand side (section V-B) as the results give it: whom the coded ads address, the
    « clients' » own ads and forum discussions, and the press review beside them (annex 2);
    None when no chapter computed any of them."""
    get = lambda key: value(results, key)  # noqa: E731
    count = lambda key: shown("04:n", get(key))  # noqa: E731
    parts = []
    if get("06:part_public_hommes") is not None:
        parts.append(f"{shown('06:part_public_hommes', get('06:part_public_hommes'))} des annonces codées "
                     f"s'adressent à des hommes")
    if get("04:annonces_clients") is not None:
        parts.append(f"{count('04:annonces_clients')} annonces de « clients » cherchant une personne en situation "
                     f"de prostitution ont été relevées")
    if get("04:discussions_forum") is not None:
        parts.append(f"{count('04:discussions_forum')} discussions de « clients » sur un forum portent sur "
                     f"{count('04:communes_forum')} communes")
    if get("04:articles_presse") is not None:
        period = {str(get("04:presse_debut") or "")[:4], str(get("04:presse_fin") or "")[:4]} - {""}
        parts.append(f"la revue de presse réunit {count('04:articles_presse')} articles"
                     + (f" parus de {min(period)} à {max(period)}" if len(period) == 2 else
                        f" parus en {period.pop()}" if period else ""))
    if not parts:
        return None
    text = " ; ".join(parts) + "."
    return text[0].upper() + text[1:]


def key_findings(results: dict[str, dict]) -> dict[str, str]:
    """One sentence per question a commission asks, each with its headline figure, as the
    report's « éléments de synthèse » (pages 2-3): how many, who, minors, where, which forms,
    pimps and networks, demand, what professionals need. Every figure comes from the results;
    a question whose chapter has not run says so."""
    get = lambda key: value(results, key)  # noqa: E731
    pct = lambda key: shown(key, get(key))  # noqa: E731
    sentences = {}
    if get("03:personnes_concernees") is not None:
        sentences["combien"] = (
            f"Au moins {shown('03:n', get('03:personnes_concernees'))} personnes concernées par la prostitution ont "
            f"été repérées par les professionnel·les, dont {shown('03:n', get('03:personnes_probables'))} en "
            f"situation de prostitution probable ou avérée : un plancher, pas un décompte de toutes les personnes, "
            f"ni une indication du nombre de parcours de sortie à prévoir. " + mse_sentence(results.get("03")))
        sentences["qui"] = (
            f"{pct('03:part_femmes')} sont des femmes, {pct('03:part_hommes')} des hommes et "
            f"{pct('03:part_transidentitaires')} des personnes transidentitaires ; des violences sont mentionnées "
            f"dans {pct('03:part_facteur_violences')} des parcours.")
        sentences["mineurs"] = (
            f"{pct('03:part_mineurs')} des personnes en situation probable ou avérée sont mineures et "
            f"{pct('03:part_25_ans_ou_moins')} ont 25 ans ou moins : un ou une mineure en situation de prostitution "
            f"est réputée en danger (loi du 4 mars 2002).")
        sentences["formes"] = (
            f"{pct('03:part_situations_prostitution_discrete')} des situations décrites relèvent de la prostitution "
            f"discrète (appartements, hôtels, Internet…), {pct('03:part_situations_prostitution_visible')} de la "
            f"prostitution visible, et {pct('03:part_situations_echange')} d'un échange contre des biens ou des "
            f"services" + (f" (contre un hébergement dans {pct('03:part_echange_contre_hebergement')} de ces cas)"
                           if pct("03:part_echange_contre_hebergement") != NOT_COMPUTED else "") + ".")
        sentences["proxenetes"] = (
            f"Un proxénète est probable ou avéré dans {pct('03:part_situations_proxenete')} des situations ; un "
            f"conjoint ou partenaire est en cause dans {shown('03:n', get('03:situations_conjoint_proxenete'))} "
            f"d'entre elles" + (f", et {pct('06:part_indices_reseau')} des annonces codées portent au moins un indice "
                                f"de réseau." if get("06:part_indices_reseau") is not None else "."))
    if get("04:annonces") is not None:
        internet = (f"{shown('04:n', get('04:annonces'))} annonces ont été relevées sur {shown('04:n', get('04:sites'))} "
                    f"sites, dans {shown('04:n', get('04:communes'))} communes ; {pct('04:part_cinq_villes')} se "
                    f"situent dans cinq villes ({shown('04:cinq_villes', get('04:cinq_villes'))}).")
        if get("07:personnes_liees") is not None:
            internet += (
                f" La liaison de toutes les annonces y trouve {shown('07:n', get('07:personnes_liees'))} personnes "
                f"(de {shown('07:n', get('07:personnes_liees_bas'))} à "
                f"{shown('07:n', get('07:personnes_liees_haut'))} selon les liens retenus) : c'est le chiffre que ce "
                f"manuel propose de citer, parce qu'il lit chaque annonce et peut être relu lien par lien.")
            if get("07:personnes_rapport") is not None:
                internet += (f" La règle du rapport, qui applique à toutes les annonces le taux de doublons de "
                             f"l'échantillon, donne {shown('07:n', get('07:personnes_rapport'))} personnes (de "
                             f"{shown('07:n', get('07:personnes_bas'))} à {shown('07:n', get('07:personnes_haut'))}).")
        sentences["ou"] = internet
    demand = demand_sentence(results)
    if demand:
        sentences["demande"] = demand
    if get("02:part_insuffisamment_outille") is not None:
        sentences["besoins"] = (
            f"{pct('02:part_insuffisamment_outille')} des professionnel·les qui ont accompagné des personnes "
            f"s'estiment insuffisamment outillé·es ; leurs besoins : {needs_sentence(results.get('02'))}.")
    return sentences


def _french_date(iso: str) -> str:
    months = ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre",
              "novembre", "décembre"]
    year, month, day = (int(part) for part in iso[:10].split("-"))
    return f"{'1er' if day == 1 else day} {months[month - 1]} {year}"


def heading(results: dict[str, dict], departement: str, authors: str, date: str | None) -> dict[str, str]:
    """The first lines of the restitution: the département, the period of the data (the
    professionals' answers and interviews, the ads' collection), who signs it and when."""
    professionals = [d for d in (value(results, "02:premiere_reponse"), value(results, "02:derniere_reponse"),
                                 value(results, "02:premier_entretien"), value(results, "02:dernier_entretien")) if d]
    internet = [d for d in (value(results, "04:collecte_debut"), value(results, "04:collecte_fin")) if d]
    periods = []
    if professionals:
        periods.append(f"questionnaire et entretiens du {_french_date(min(professionals))} au "
                       f"{_french_date(max(professionals))}")
    if internet:
        periods.append(f"annonces relevées du {_french_date(min(internet))} au {_french_date(max(internet))}")
    last = max([*professionals, *internet], default=None)
    return {"departement": departement, "periode": " ; ".join(periods) or NOT_COMPUTED, "auteurs": authors,
            "date": _french_date(date) if date else (_french_date(last) if last else NOT_COMPUTED)}
