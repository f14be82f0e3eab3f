"""The fourth synthetic corpus of online ads, written blind: a data sheet.

What it is for
--------------
Step 7 of the handbook links the ads collected for a département into persons. To judge that
linkage honestly the project needs ad corpora written by hands that never saw it. This one was
written without opening the linkage code, its rules, its tests, the benchmark, the chapter 7
pages, the notebooks or the other synthetic generators: what it contains comes from the report
below and from what ads, phone numbers and towns look like in France. Nothing in it is real:
every site ends in ``.example``, every phone number is in a range ARCEP reserves for fiction,
the persons, names, networks, salons and accounts are invented. The ads describe *personnes en
situation de prostitution*; the texts stay as euphemistic as real ads are (« moment de
détente », « compagnie »), never explicit.

    fourth_world(n_ads, seed=2027) -> (sheet, truth)
    write_fourth_world(n_ads, folder, seed=2027) -> [folder/annonces-SYNTHETIQUE.csv,
                                                      folder/verite/annonces-SYNTHETIQUE.csv]

``sheet`` has COLUMNS, one row per ad seen by the collector (all cells strings, empty cells
empty strings): ``id_annonce`` (A0000001..., in the order met, no link to persons), ``site``,
``date_collecte`` (ISO, a weekday: the collector works Monday to Friday), ``commune_declaree``
(as the ad writes it), ``titre``, ``texte`` (one line), ``telephone`` (the site's phone field as
displayed, often empty), ``pseudo`` (the handle shown, possibly empty), ``age_declare`` ("27 ans"
or "27" as the site shows it, or empty). ``truth`` has TRUTH_COLUMNS: who posted each ad
(``id_personne`` P00001...) and their network (``id_reseau`` R0001..., empty outside any).
Exactly ``n_ads`` rows, the same bytes for the same (n_ads, seed) in any process.

The source: Amicale du Nid, diagnostic du Pas-de-Calais (2020)
---------------------------------------------------------------
What the world takes from the report (sections cited):

* I-B-1, II-B: 699 ads on 39 sites over eleven weeks (20 September - 5 December 2018); an
  estimated 61 % duplicates, hence 273 persons. Here 699 ads are posted by exactly 273 persons
  over 77 days. Duplicates come "notamment" from dating sites copying the same contents (eleven
  sites showing the same 17 ads, 27 % of the ads): here a group of 8 mirror sites, 25 % of the
  rows on average at 699 ads (17-38 % from one seed to another), 24-27 % at 100 000 and more.
* Annex 5, 1-a: three families of sites, escorting (agencies' standardised fiches, international
  tours, several languages, "high level escort", "GFE"; directories mixing agencies and
  "indépendantes"), petites annonces (short texts, spelling mistakes, titles such as « belle
  brune », « Jolie asiatique », « d'agréables moments », « petit plaisir »), dating sites; one
  site of erotic massage salons. Here 6 escorting sites, 3 of petites annonces, 1 of massages,
  1 dating site and the mirror group (shares of rows below).
* III-D: 80 % of the ads in five agglomerations, a tail of about thirty communes, some very
  rural; 18 % present the person as « de passage ». Here the towns are weighted the same way
  in the Nord, and 18-20 % of the ads say « de passage », « pour une semaine », « en tournée ».
* IV-A-1: 84 % women, 7 % men, 9 % trans persons in the ads; the trans persons met were from
  Latin America and exploited by one network. Here 81-86 % / 5-10 % / 7-12 % of persons; trans
  persons' origin is Latin American for 85 % of them. 96 % of the ads address men: here about
  1-2 % (men offering massages "aux femmes") do not.
* IV-A-2: the age is missing from 53 % of the ads; the declared ages average 30 and are a
  sales argument. Here 52-55 % of the ads carry no age at all (field or text; 70-74 % have an
  empty ``age_declare``), the declared ages average 29-30; a declared age is the real age minus a
  "shave" that grows with age, never under 18 (sites refuse minors), and varies from one ad of
  a person to the next (-2..+3 years on 5-35 % of her ads).
* IV-A-3: an origin is stated for 58 % of the persons, 20 % of them French, 80 % foreign:
  Latin America (Argentine, Brésil, Colombie, Cuba, Mexique, Paraguay, Porto-Rico, Venezuela),
  Europe (Allemagne, Espagne, Italie, Finlande, Pologne, Ukraine), Asia (Chine, Inde, Liban),
  Africa (Kenya). Here 60-65 % of persons have an origin or a category in their ads, 15-20 %
  of them French; the same countries, plus Romania, Bulgaria, Russia, Thailand, Morocco,
  Cameroon and Côte d'Ivoire (the diagnostic partagé and the press review name them). 40 % of
  the labels are categories rather than nationalities (« black », « métisse », « latine »,
  « asiatique », « slave », « méditerranéenne »), as the report's quotes show.
* V-A-4, the *faisceau d'indices* of networks: similar texts for different persons with the
  same words and mistakes; the same handle or account for several persons; the same number, or
  numbers differing only by their last digits; third person; English; incoherent ages or names;
  « de passage », « dans votre ville pour une semaine »; « 24h/24 ». Network action shows
  clearly in 38 % of the ads studied. Here 37-39 % of the rows at 699-2 000 ads come from
  network members (30-33 % at 100 000 and more, where the long-staying independents weigh
  more); every one of those indices is generated (see Networks).
* V-A-1/2: proxénétisme mostly by partners, and international networks touring flats rented
  for a few days (South American, Eastern European, Chinese) based outside the département.
* Quoted ads (II-B): « Délicieuse jeune black de 28 ans... les appels masqués, sms, mail, fixes
  resteront sans suite », « MES PHOTOS SONT 100 % VRAIES », « je peux me déplacer », « En échange
  qui prend soin de moi » (a young man on a petites annonces site): their phrasing is in the
  sentence banks.

The setting: Nord (59)
----------------------
DEPARTEMENT is "59". The Nord neighbours the Pas-de-Calais (the report sends persons to Lille,
its press review has « un réseau de prostitution de Lille à Calais »), so the report's findings
transpose without strain. 54 communes are used, all read from the COG 2018 reference files the
package ships (``reference/communes.csv``, ``reference/codes_postaux.csv``, the files behind
``communes.official_names()`` and ``communes.postcodes()``); their postcodes are the real ones.
Persons live in the metropole of Lille (Lille 28 % of residents, Roubaix, Tourcoing,
Villeneuve-d'Ascq, Marcq-en-Barœul, Armentières...), Valenciennes (9 %), Dunkerque (8 %),
Douai (6.5 %), Maubeuge and Cambrai (4 % each) and small towns down to Trélon, Bavay or Cassel.
Touring persons stop in the big towns (Lille 55 %).

Scale (decided, not in the report)
----------------------------------
Persons: ``persons_count(n) = round(4500 n / (n + K))`` with K chosen so that 699 ads give 273
persons. Collection length: ``collection_days(n) = 77 sqrt(n / 699)`` days, between 77 and
1 096 (three years). More ads therefore mean a longer collection of the same persons posting
again, not more persons: the population is capped at 4 500 so that the 10 000 fiction mobile
numbers suffice.

    ads         days  persons  networks  ads per person (median / 90th pct / max)
    699           77      273     15-17   2 / 5 / 30-40
    2 000        130      702     37-39   2 / 6 / 45-60
    100 000      921    4 061       208   11 / 54 / ~1 400
    1 000 000  1 096    4 452       228   99 / 482 / ~13 000

The heaviest posters are persons who post on the mirror group: each of their ads shows on up
to 8 sites. ``fourth_world(1_000_000)`` takes 18-25 s and peaks at about 1.9 GB on the 2-core
machine; it uses 72.5 % of the mobile fiction range (6 150 numbers given to persons, 110
ten-blocks reserved by networks), 21 numbers of 01 99 00, 39 of 03 53 01, 10 of 04 65 71
(100 000 ads: 64 %).

Persons (shares of persons)
---------------------------
    kind            share  what it stands for
    independante     50 %  resident, posts herself; spells of months to years (median 14 months)
    occasionnelle    13 %  resident, short spells (median 6 weeks), petites annonces and
                           dating sites, casual writing ("simple" register), younger
    itinerante        7 %  independent but touring: visits of 4-15 days, back a few times
    agence            8 %  member of an escort agency (network)
    tournee          12 %  member of a touring network (sex tours in rented flats)
    locale            6 %  one of 2-4 young women put on the sites by one local pimp
    salon             4 %  masseuse of an erotic massage salon (the salon posts her ads)

Residents are active over a spell drawn around the collection (lognormal lengths), so a long
collection sees persons arrive and leave. 3 % of persons (7 % of independent residents with a
long enough spell) move once to another town; 9-10 % (699-2 000 ads) to 17-18 % (100 000 ads
and more) of persons appear in two towns or more (movers and touring persons). Each person has a first name (French
pools by origin, common names more often: the first name of a pool is about 6 times as frequent
as its twentieth), hair, eyes, build, height and weight written several ways ("1m65", "1,65 m",
"165 cm", "1.65m"), languages. 6-10 % take another first name during the collection, 11-17 %
another handle; 30 % of persons use a separate handle on dating sites; 2-25 % of ads of a
person show no handle.

Texts: each independent person has a version of her text, rewritten every five months on
average (50-55 % of persons at 699-2 000 ads, 78-79 % at 100 000 and more have two versions, the second drawn
anew and often quite different); 6-11 % keep two texts at once, a standardised fiche for
escorting sites and a short one elsewhere. Registers: polished, fiche ("Âge : 27 ans | Taille :
1m65 | ..."), "simple" (no accents, no punctuation, abbreviations: « slt moi c Lina 23ans dispo
sur Douai »), English for 25 % of foreign independent touring persons, 20 % of touring networks'
members and a third of agency members. The
sentence banks are shared by everybody: unrelated persons write « la discrétion, le respect et
l'hygiène sont de rigueur » or « Photos 100 % réelles » alike. Within a version an ad changes
by its town, its declared age, its phone spelling and contact line, a title in capitals or with
"NEW" (10 %).

Networks (the faisceau d'indices, generated)
--------------------------------------------
A network here is an organisation that posts ads for two persons or more (a partner exploiting
one person is not a network: that person is "independante", with an empty id_reseau).

* Sizes: agencies 5-30 members, touring networks 4-15, local pimps 2-4, salons 3-6. One
  network recruits in one region (its members are presented with origins of that region).
* Templates: each network writes all its members' ads from one template per campaign (a new
  campaign every four months on average), third person, often with the network's own spelling
  mistakes copied on every member's ad («apartement», «Disponnible»); only names, ages,
  descriptions, towns and numbers differ. Agencies announce tour dates (« du 12/10 au 15/10 »),
  some write in English.
* Accounts: the network's handle (« Saphir Models », « nouvelles59 », « Kev59 », « Salon
  Lotus ») is the pseudo on a share of its members' ads (per network: 50-95 % for agencies, 0-80
  % for touring networks, 0-70 % for local pimps, 90 % for salons).
* Switchboards: 1 or 2 numbers written on several members' ads (60 % of touring networks and 70
  % of local pimps have one, shown on 20-90 % of the ads; agencies always, in 01 99 00 for a
  Paris base, 04 65 71, or a mobile; salons always, their 03 53 01 landline on every ad: the
  masseuses' own phones never show). A member's own number sometimes follows the switchboard in
  the text (« ou directement Lina : 06 ... »).
* Ten-blocks: 65 % of touring networks, 40 % of agencies and 25 % of local pimps buy their SIMs
  together, numbers that differ only by their last digit (06 39 98 45 1x). When a member leaves,
  20-50 % of the time her SIM goes to a later member: one number, two persons of one network,
  at different dates (modelled on purpose; never across networks or to an independent person).
* Batches: a network posts on its own days (every 1-3 days), so its members' ads share dates;
  touring members are in town together for the same passage (6-14 days, every 2-8 weeks, the
  towns rotating).
* Incoherences: a member is renamed between
  passages (30 % in agencies and touring networks), stage names are reused across networks
  (« Lina », « Sarah », « Jade »...); on 8 % of a network's ads the text gives an age 1-4 years
  above the age field; members are younger on average.

Sites (shares of rows, 699 ads / 1 M ads)
-----------------------------------------
    annuaire-escortes.example      escorting, town from a list, phone field "06 39 98 12 34"  19 / 23 %
    charmes-du-nord.example        escorting, free town, phone field "0639981234"            18 / 19 %
    ladies-europe.example          agency catalogue, towns in capitals, "+33 6 39 98 ..."   2.5 / 2.6 %
    velours-agency.example         agency, phone field "06.39.98.12.34"                      2.1 / 1.6 %
    escorte-independante.example   directory, phone typed by the person                      2.8 / 3.1 %
    sweet-escort.example           directory, town "Lille (59)"                              2.7 / 3.2 %
    petites-annonces-nord.example  no phone field (number in the text), "Lille (59000)"      11 / 10.5 %
    le-marche-des-annonces.example phone field optional, typed                               4.7 / 4.1 %
    annonces-partout.example       no phone field, no handle                                 4.0 / 2.8 %
    massages-bien-etre.example     salons and a few independent masseuses                    3.4 / 2.5 %
    plan-discret.example           dating site, numbers often disguised                      3.2 / 3.2 %
    8 mirror sites                 one dating database shown on 8 sites; one of them          26 / 24 %
                                   (bulle-de-rencontres) cuts texts after 160 characters
    (699 ads: mean of ten seeds; the site shares of the report were 58 % escorting, 15 %
    petites annonces, 27 % dating sites)

A mirror ad is shown by every site of the group that is up that day (each of 6 of the 8 sites,
with probability 0.4, is down for one stretch of 10-35 % of the collection); the collector misses
5 % of the copies (more when the sheet must stop at n_ads rows) and sees the others 0-2 days
later, on the next weekday. Copies are identical in every field but the site, the date and the id.

Phone numbers
-------------
Only the ARCEP fiction ranges appear: 06 39 98 xx xx for every person's mobile, 01 99 00 / 04 65
71 for agencies' switchboards, 03 53 01 for salons' landlines (02 61 91 and 05 36 49 are unused).
Networks reserve their ten-blocks first; persons' numbers are then spread over the other
ten-blocks, one per block before any block gets a second. A number belongs to one person, or to
one network (switchboard, or a SIM passed between its members); nothing else is ever shared.
All fiction mobiles share the prefix 06 39 98, so at 100 000 ads and more two unrelated persons
often have numbers in the same hundred-block (same first 8 digits); only the ten-blocks of
networks are reserved. A linkage that reads "only the last two digits differ" as a network
will be misled here more than in reality; "only the last digit differs" is kept for networks.
Changes: a person changes number about every 24 months when independent (10 months when
occasional, 16 touring independently or in an agency, 5 months in a local network, every 10
weeks in a touring network), at most 3 times: 13 % of persons at 699-2 000 ads, 35-37 % at
100 000 ads and more, have two numbers or more. 4 % of persons outside networks hold two numbers at
once (« 06 ... ou 06 ... »).

Where a number is written: on escorting sites mostly in the phone field (90-99 % filled) and
repeated in the text 20-40 % of the time; on petites annonces only in the text (about 90 %); on dating
sites 35 % of the ads give none and the others write it in the text, disguised half the time.
About 18-20 % of all ads carry no number anywhere (8 % of independent persons never give one on
dating and petites annonces sites); 43-53 % of the rows have an empty phone field.
Spellings (person's habit): "06 39 98 12 34" 40 %, "0639981234" 16 %, "06.39.98.12.34" 14 %,
"+33 6 39 98 12 34" 6 %, "0639 98 12.34" 5 %, "06-39-98-12-34" 4 %, "+33639981234" 3 %,
"+33 (0)6 39 98 12 34" 2 %, and disguised: "O6 39 98 12 34" (letter O) 4 %, « zéro six
trente-neuf quatre-vingt-dix-huit douze trente-quatre » 2 %, « zéro six 39 98 12 34 » 2 %,
"0 6 3 9 9 8 1 2 3 4" 2 %; dating sites' filters push half the numbers into a disguise (one more:
"06*39*98*12*34").

Communes as written
-------------------
Sites with a town list (directories, the massage site) show the town from the list, and a
person from a small town picks her pôle (Armentières -> Lille, Anzin -> Valenciennes). The
petites annonces site shows "Lille (59000)". Free fields carry the person's habit (72 % her main
style, 14 % a second one, 14 % official, plain, capitals or empty), styles drawn with these
shares: official name 31 %, lower case / no accents ("villeneuve d'ascq", "Armentieres") 12 %,
capitals 10 %, "59000 Lille" 7 %, "Lille 59000" / "Lille (59000)" 4 %, postcode alone 3 %,
"Lille (59)" / "Lille 59" 5 %, "Lille centre", "centre-ville", "gare" 5 %, a quarter or an
associated commune ("Wazemmes", "Vieux-Lille", "Lomme", "Hellemmes", "Malo-les-Bains",
"Saint-Pol-sur-Mer": not COG communes) 2 %, "proche Lille", "secteur Douai", "X et environs" 6 %,
short forms ("VDA", "Villeneuve", "Marcq", "St Amand", "Le Cateau", "Dk") 4 %, misspellings
("Valencienne", "Tourcoin", "Armentiere", "Dunkerke") 3 %, only the département ("Nord", "59",
"Nord (59)", "Hauts-de-France") 2 %, Lille's metropole ("MEL", "Métropole lilloise") 2 %, empty
4 %. Lille's postcodes (59000, 59800, 59160, 59260, 59777) are all used. The town in the text
is the person's own spelling of it (70 % official) and may differ from the field.

Truth conventions
-----------------
* ``id_personne`` is the person the ad presents, whoever wrote it (a switchboard's ad belongs to
  the member it presents).
* Mirror copies belong to the person of the original.
* A SIM passed within a network: each ad belongs to the member presented at its date.
* Duo ads: 9-10 % of persons share a flat (2 % of persons as independent pairs in one town, and
  pairs of members of touring and local networks); 12 % of such a person's ads present both
  (« Duo de copines à Lille ! Lina et Sarah... »), 0.4-1.5 % of all ads. A duo ad belongs to the
  person who posts it (her number, her handle, named first). A linkage that joins it to the
  flatmate too is scored wrong under this convention, which is debatable.
* A lone person exploited by a partner has an empty id_reseau (see Networks).

Traps, both ways
----------------
Joined wrongly if trusted: a network's template, account, switchboard or recycled SIM across
different persons; common boilerplate sentences; a site's town list (a whole agglomeration
under "Lille"); unrelated persons with the same first name in the same town (27 % of persons at
699 ads share their first name and town with an unrelated person, 46 % at 2 000, 76-77 % at
100 000 and more); stage names reused across networks; fiction mobiles' common prefix.
Split wrongly if trusted: number changes, second numbers, disguised or text-only numbers,
ads without any number, renamed persons and changed or dropped handles, separate dating
handles, text rewrites and parallel fiche/short texts, moves and tours (one person, several
towns), a town written twenty ways, declared ages that vary, truncated mirror copies, an
agency's English and French fiches for one member.

Not modelled
------------
Minors (no declared age under 18: the report's minors exploited through the Internet are not in
this sheet); ads of "clients" (section V-B); fake or scam profiles; photos (the collection
sheet has none, though they are the report's first network index); ads for several persons at
once other than duos; the same person in two networks; numbers recycled by operators between
strangers; foreign numbers (only French fiction ranges may appear); sites opening during the
collection (only outages of mirror sites); seasonal variation; the sampling of 249 ads the report
analysed (every ad here is in the sheet).
"""

from __future__ import annotations

import math
import unicodedata
from dataclasses import dataclass, field
from datetime import date, timedelta
from functools import cache
from pathlib import Path

import numpy as np
import pandas as pd

from .. import communes

DEPARTEMENT = "59"
COLUMNS = ("id_annonce", "site", "date_collecte", "commune_declaree", "titre", "texte", "telephone",
           "pseudo", "age_declare")
TRUTH_COLUMNS = ("id_annonce", "id_personne", "id_reseau")

_START = date(2024, 9, 16)  # a Monday: the collection begins
_REPORT_ADS, _REPORT_PERSONS = 699, 273  # section II-B of the report
_PERSONS_CAP = 4500  # persons followed at most, however long the collection (fiction numbers)
_K = _REPORT_ADS * _PERSONS_CAP / _REPORT_PERSONS - _REPORT_ADS

# The six ranges ARCEP reserves for fiction (10 000 numbers each); nothing else is ever written.
FICTION_PREFIXES = ("019900", "026191", "035301", "046571", "053649", "063998")
_MOBILE = "063998"


# --------------------------------------------------------------------------------------------
# Reference: the communes of the département (COG 2018, read by `communes`)
# --------------------------------------------------------------------------------------------

@cache
def _commune_names() -> dict[str, str]:
    return {code: name for code, name in communes.official_names().items() if code.startswith(DEPARTEMENT)}


@cache
def _commune_postcodes() -> dict[str, tuple[str, ...]]:
    served: dict[str, list[str]] = {}
    for postcode, codes in communes.postcodes().items():
        for code in codes:
            if code.startswith(DEPARTEMENT):
                served.setdefault(code, []).append(postcode)
    return {code: tuple(sorted(served[code])) for code in sorted(served)}


# Towns where persons are based: INSEE code, weight (share of resident persons, %), the pôle
# (agglomeration centre) a list-based site or "proche X" points to, short forms, misspellings,
# quarters. Weights follow section III-D's shape (80 % in five agglomerations, a rural tail).
_TOWNS = (
    ("59350", 26.0, "59350", ("Lille Métropole",), ("Lile", "Lilles"),
     ("Vieux-Lille", "Lille Wazemmes", "Lille Fives", "Euralille", "Lomme", "Hellemmes", "Lille Moulins")),
    ("59512", 5.0, "59512", (), ("Roubais", "Roubaixe"), ("Roubaix Gare",)),
    ("59599", 4.5, "59599", (), ("Tourcoin", "Tourquoing"), ()),
    ("59009", 3.5, "59350", ("Villeneuve", "VDA", "Villeneuve d'Ascq", "V d'Ascq"), ("Villeneuve d'Asq", "Villeneuve-dascq"), ("Villeneuve Pont-de-Bois",)),
    ("59378", 1.8, "59350", ("Marcq", "Marcq en Baroeul"), ("Marq-en-Baroeul",), ()),
    ("59328", 1.0, "59350", (), ("Lambersard",), ()),
    ("59368", 1.0, "59350", ("Madeleine",), ("La Madelaine",), ()),
    ("59650", 0.9, "59512", (), ("Watrelos",), ()),
    ("59163", 0.6, "59512", (), (), ()),
    ("59646", 0.6, "59350", (), ("Wasquehale",), ()),
    ("59360", 0.6, "59350", ("Loos lez Lille",), (), ()),
    ("59410", 0.5, "59350", ("Mons en Baroeul", "Mons"), (), ()),
    ("59507", 0.4, "59350", (), (), ()),
    ("59560", 0.6, "59350", (), ("Seclim",), ()),
    ("59286", 0.4, "59350", (), (), ()),
    ("59527", 0.4, "59350", ("St André", "St-André-lez-Lille"), (), ()),
    ("59299", 0.4, "59512", (), (), ()),
    ("59220", 0.3, "59350", ("Faches",), (), ()),
    ("59017", 2.0, "59350", ("Armentieres",), ("Armentiere", "Armantières"), ()),
    ("59279", 0.6, "59599", (), ("Haluin",), ()),
    ("59152", 0.3, "59599", (), (), ()),
    ("59606", 8.5, "59606", ("Valenciennes (59)",), ("Valencienne", "Valencienes"), ("Valenciennes gare",)),
    ("59014", 0.6, "59606", (), (), ()),
    ("59526", 1.0, "59606", ("St Amand", "St-Amand", "Saint Amand"), ("St Amand les eaux",), ()),
    ("59172", 1.0, "59606", (), ("Denin",), ()),
    ("59153", 0.4, "59606", ("Condé",), (), ()),
    ("59491", 0.3, "59606", (), (), ()),
    ("59183", 7.5, "59183", ("Dk",), ("Dunkerke", "Dunquerque"), ("Malo-les-Bains", "Saint-Pol-sur-Mer", "Dunkerque centre")),
    ("59271", 0.8, "59183", ("Grande Synthe",), ("Grand-Synthe",), ()),
    ("59155", 0.6, "59183", ("Coudekerque",), (), ()),
    ("59273", 0.5, "59183", (), ("Gravelyne",), ()),
    ("59067", 0.2, "59183", (), (), ()),
    ("59178", 6.0, "59178", (), ("Douaie", "Douay"), ()),
    ("59569", 0.5, "59178", ("Sin",), (), ()),
    ("59574", 0.3, "59178", (), (), ()),
    ("59449", 0.3, "59178", (), (), ()),
    ("59392", 3.5, "59392", (), ("Maubeuges", "Maubege"), ()),
    ("59291", 0.4, "59392", (), (), ()),
    ("59324", 0.3, "59392", (), (), ()),
    ("59033", 0.3, "59392", ("Aulnoye",), (), ()),
    ("59122", 3.5, "59122", (), ("Cambrais", "Cambray"), ()),
    ("59139", 0.6, "59122", (), (), ()),
    ("59136", 0.3, "59122", ("Le Cateau",), (), ()),
    ("59571", 0.1, "59122", (), (), ()),
    ("59295", 1.0, "59295", (), ("Hazebrouk",), ()),
    ("59043", 0.6, "59295", (), (), ()),
    ("59135", 0.1, "59295", (), (), ()),
    ("59580", 0.1, "59295", (), (), ()),
    ("59663", 0.1, "59183", (), (), ()),
    ("59036", 0.3, "59392", ("Avesnes",), (), ()),
    ("59249", 0.4, "59392", (), (), ()),
    ("59601", 0.1, "59392", (), (), ()),
    ("59481", 0.2, "59606", (), (), ()),
    ("59053", 0.1, "59392", (), (), ()),
)
# Where itinerant persons and touring networks stop: the big towns only.
_TOUR_TOWNS = (("59350", 55.0), ("59606", 14.0), ("59183", 12.0), ("59178", 7.0), ("59512", 3.0),
               ("59599", 2.0), ("59392", 3.0), ("59122", 3.0), ("59009", 1.0))
# Towns a site with a drop-down list offers (the others pick their pôle).
_LIST_TOWNS = ("59350", "59512", "59599", "59009", "59606", "59183", "59178", "59392", "59122",
               "59017", "59295")
_METROPOLE = {"59350", "59512", "59599", "59009", "59378", "59328", "59368", "59650", "59163", "59646",
              "59360", "59410", "59507", "59560", "59286", "59527", "59299", "59220", "59017", "59279",
              "59152"}
_ENGLISH_TOWN = {"59183": "Dunkirk", "59350": "Lille"}

# How the commune field is written (free-text sites): style, share of persons' habits.
_COMMUNE_STYLES = (("officiel", 0.31), ("sans_accents", 0.12), ("majuscules", 0.10), ("cp_nom", 0.07),
                   ("nom_cp", 0.04), ("cp", 0.03), ("nom_dep", 0.05), ("centre", 0.05), ("quartier", 0.02),
                   ("proche", 0.06), ("court", 0.04), ("faute", 0.03), ("departement", 0.02),
                   ("vide", 0.04), ("metropole", 0.02))


def _plain(text: str) -> str:
    """Without accents ("Armentières" -> "Armentieres"), "œ" -> "oe"."""
    text = text.replace("œ", "oe").replace("Œ", "OE")
    return "".join(c for c in unicodedata.normalize("NFD", text) if unicodedata.category(c) != "Mn")


# --------------------------------------------------------------------------------------------
# Sites (all fictitious, all ending in .example)
# --------------------------------------------------------------------------------------------

@dataclass(frozen=True)
class _Site:
    name: str
    category: str          # escorting, petites_annonces, massages, rencontres
    phone_field: str       # "" (no field), a fixed display style, or "raw" (as the person typed it)
    phone_fill: float      # share of ads whose field is filled, when the site has one
    in_text: float         # chance the number is also (or only) written in the text
    obfuscate: float       # chance a number in the text is disguised (the site filters numbers)
    pseudo: str            # "handle", "prenom" or ""
    age_field: str         # "ans" ("27 ans"), "num" ("27") or ""
    commune: str           # "liste", "liste_maj", "liste_dep", "cp" or "libre"


_SITES = (
    _Site("annuaire-escortes.example", "escorting", "spaces", 0.97, 0.30, 0.0, "handle", "ans", "liste"),
    _Site("charmes-du-nord.example", "escorting", "compact", 0.95, 0.25, 0.0, "handle", "num", "libre"),
    _Site("ladies-europe.example", "escorting", "intl", 0.97, 0.40, 0.0, "prenom", "num", "liste_maj"),
    _Site("velours-agency.example", "escorting", "dots", 0.99, 0.20, 0.0, "prenom", "ans", "liste"),
    _Site("escorte-independante.example", "escorting", "raw", 0.90, 0.35, 0.0, "handle", "ans", "libre"),
    _Site("sweet-escort.example", "escorting", "spaces", 0.93, 0.30, 0.0, "handle", "num", "liste_dep"),
    _Site("petites-annonces-nord.example", "petites_annonces", "", 0.0, 0.82, 0.10, "prenom", "", "cp"),
    _Site("le-marche-des-annonces.example", "petites_annonces", "raw", 0.50, 0.70, 0.05, "handle", "", "libre"),
    _Site("annonces-partout.example", "petites_annonces", "", 0.0, 0.80, 0.15, "", "", "libre"),
    _Site("massages-bien-etre.example", "massages", "spaces", 0.95, 0.40, 0.0, "handle", "ans", "liste"),
    _Site("plan-discret.example", "rencontres", "", 0.0, 0.55, 0.50, "handle", "num", "libre"),
)
# A group of dating sites sharing one database: an ad posted on the group shows on every site of
# the group that is up (section II-B, annex 5: "contenus identiques", design in common).
_MIRROR_SITES = ("rencontre-a-deux.example", "coeurs-en-ligne.example", "rdv-secret.example",
                 "instant-complice.example", "rencontres-du-soir.example", "tete-a-tete-rencontres.example",
                 "sans-lendemain.example", "bulle-de-rencontres.example")
_MIRROR_TEMPLATE = _Site("mirror", "rencontres", "", 0.0, 0.45, 0.55, "handle", "num", "libre")
_TRUNCATING_MIRROR = "bulle-de-rencontres.example"  # shows the first 160 characters then "..."
_TRUNCATE_AT = 160
_G = len(_SITES)  # the mirror group as a posting site

# Sites each kind of person posts on (weights over _SITES indices and the group _G).
_KIND_SITES = {
    "independante": {0: .28, 1: .24, 4: .08, 5: .05, 6: .10, 7: .06, 8: .04, 9: .02, 10: .05, _G: .05},
    "occasionnelle": {0: .06, 1: .09, 4: .04, 6: .24, 7: .15, 8: .11, 10: .16, _G: .15},
    "itinerante": {0: .34, 1: .28, 2: .10, 5: .10, 6: .12, 4: .06},
    "agence": {2: .45, 3: .35, 0: .10, 1: .10},
    "tournee": {0: .30, 1: .25, 5: .05, 6: .20, 7: .10, 8: .10},
    "locale": {1: .16, 6: .26, 7: .15, 8: .11, 10: .14, _G: .18},
    "salon": {9: .70, 6: .15, 0: .15},
}

# --------------------------------------------------------------------------------------------
# Persons: kinds, networks, origins, names
# --------------------------------------------------------------------------------------------

# Kind of person: share of persons, whether it is a network kind.
_KINDS = (("independante", 0.50), ("occasionnelle", 0.13), ("itinerante", 0.07), ("agence", 0.08),
          ("tournee", 0.12), ("locale", 0.06), ("salon", 0.04))
_NETWORK_KINDS = ("agence", "tournee", "locale", "salon")
# Sex presented (F woman, T trans woman, M man), by kind (section IV-A-1: 84 / 9 / 7 %).
_SEX = {"independante": (.82, .07, .11), "occasionnelle": (.80, .06, .14), "itinerante": (.70, .30, 0.),
        "agence": (.95, .05, 0.), "tournee": (.80, .20, 0.), "locale": (1., 0., 0.), "salon": (1., 0., 0.)}

# Origin: key -> (feminine label, masculine label, English, region, name pool)
_ORIGINS = {
    "fr": ("française", "français", "French", "fr", "fr"),
    "br": ("brésilienne", "brésilien", "Brazilian", "latam", "pt"),
    "co": ("colombienne", "colombien", "Colombian", "latam", "es"),
    "ve": ("vénézuélienne", "vénézuélien", "Venezuelan", "latam", "es"),
    "ar": ("argentine", "argentin", "Argentinian", "latam", "es"),
    "cu": ("cubaine", "cubain", "Cuban", "latam", "es"),
    "mx": ("mexicaine", "mexicain", "Mexican", "latam", "es"),
    "py": ("paraguayenne", "paraguayen", "Paraguayan", "latam", "es"),
    "pr": ("portoricaine", "portoricain", "Puerto Rican", "latam", "es"),
    "es": ("espagnole", "espagnol", "Spanish", "eu", "es"),
    "it": ("italienne", "italien", "Italian", "eu", "it"),
    "de": ("allemande", "allemand", "German", "eu", "east"),
    "fi": ("finlandaise", "finlandais", "Finnish", "eu", "east"),
    "pl": ("polonaise", "polonais", "Polish", "east", "east"),
    "ua": ("ukrainienne", "ukrainien", "Ukrainian", "east", "east"),
    "ru": ("russe", "russe", "Russian", "east", "east"),
    "ro": ("roumaine", "roumain", "Romanian", "east", "east"),
    "bg": ("bulgare", "bulgare", "Bulgarian", "east", "east"),
    "cn": ("chinoise", "chinois", "Chinese", "asia", "asia"),
    "th": ("thaïlandaise", "thaïlandais", "Thai", "asia", "asia"),
    "in": ("indienne", "indien", "Indian", "asia", "asia"),
    "lb": ("libanaise", "libanais", "Lebanese", "med", "med"),
    "ke": ("kényane", "kényan", "Kenyan", "africa", "africa"),
    "cm": ("camerounaise", "camerounais", "Cameroonian", "africa", "africa"),
    "ci": ("ivoirienne", "ivoirien", "Ivorian", "africa", "africa"),
    "ma": ("marocaine", "marocain", "Moroccan", "med", "med"),
}
# Category labels the ads use instead of a nationality ("black", "beauté latine", ...).
_CATEGORY = {"latam": ("latine", "métisse", "beauté latine"), "east": ("slave", "européenne de l'Est", "blonde de l'Est"),
             "asia": ("asiatique", "asiatique"), "africa": ("black", "africaine", "black aux formes"),
             "med": ("méditerranéenne", "orientale"), "eu": ("européenne", "méditerranéenne"), "fr": ("française", "petite française")}
_CATEGORY_LABELS = frozenset(label for labels in _CATEGORY.values() for label in labels)
# Real origins by kind: (origin keys, weights).
_ORIGIN_MIX = {
    "independante": (("fr", "br", "co", "ve", "cu", "es", "it", "pl", "ro", "cm", "ci", "ke", "ma", "lb", "cn", "th"),
                     (42, 6, 5, 3, 2, 3, 2, 3, 4, 6, 5, 2, 8, 2, 3, 4)),
    "occasionnelle": (("fr", "ma", "ro", "cm", "br"), (78, 8, 5, 5, 4)),
    "itinerante": (("br", "co", "ve", "ar", "mx", "py", "pr", "es", "it", "ro", "ua", "cm", "ke", "th", "in"),
                   (14, 10, 8, 5, 4, 3, 3, 8, 6, 8, 8, 8, 5, 6, 4)),
    "agence": (("ua", "ru", "pl", "ro", "bg", "br", "co", "ve", "ar", "es", "it", "de", "fi", "cn", "in", "lb"),
               (14, 10, 8, 10, 5, 10, 8, 5, 3, 6, 5, 3, 2, 5, 3, 3)),
    "tournee": (("br", "co", "ve", "py", "pr", "ro", "bg", "ua", "cn", "th", "ke"),
                (22, 12, 8, 4, 3, 13, 8, 8, 14, 5, 3)),
    "locale": (("fr", "ma", "ro"), (85, 10, 5)),
    "salon": (("cn", "th"), (75, 25)),
}
# Probability that a person's ads state an origin, by whether it is French (section IV-A-3:
# stated for 58 % of persons, 20 % of them French).
_STATES_ORIGIN = {"fr": 0.32, "other": 0.72}

_NAMES_F = {
    "fr": ("Sarah", "Laura", "Julie", "Manon", "Camille", "Léa", "Emma", "Chloé", "Marie", "Jessica", "Océane",
           "Mélanie", "Amandine", "Audrey", "Élodie", "Pauline", "Jade", "Inès", "Lina", "Nina", "Clara", "Lisa",
           "Eva", "Zoé", "Émilie", "Anaïs", "Charlotte", "Alicia", "Justine", "Morgane", "Candice", "Kelly",
           "Vanessa", "Sabrina", "Cindy", "Aurélie", "Margaux", "Lou", "Alexia", "Estelle"),
    "pt": ("Bianca", "Luana", "Juliana", "Gabriela", "Fernanda", "Larissa", "Thaís", "Vitória", "Bruna",
           "Camila", "Natália", "Yasmin", "Rafaela", "Paola", "Amanda"),
    "es": ("Valentina", "Camila", "Daniela", "Gabriela", "Isabella", "Paola", "Natalia", "Carla", "Sofía",
           "Mariana", "Lucía", "Andrea", "Paula", "Sara", "Alejandra", "Melina", "Yuliana", "Karina"),
    "it": ("Giulia", "Chiara", "Francesca", "Sara", "Martina", "Alessia", "Bianca"),
    "east": ("Anastasia", "Natasha", "Katia", "Olga", "Irina", "Alina", "Daria", "Oksana", "Svetlana", "Vika",
             "Elena", "Ioana", "Andreea", "Diana", "Maria", "Nadia", "Kristina", "Sonia", "Eva", "Anna", "Mila",
             "Lena", "Nicoleta", "Roxana"),
    "asia": ("Lily", "Mei", "Jade", "Kim", "Lin", "Yuki", "Coco", "Mimi", "Lucy", "Anna", "Lisa", "Nana", "Amy",
             "Linda", "Cindy", "Ying", "Sakura"),
    "africa": ("Grace", "Precious", "Fatou", "Aïcha", "Mariam", "Joy", "Blessing", "Nadia", "Awa", "Sandra",
               "Christelle", "Laeticia", "Nelly", "Rose", "Prisca"),
    "med": ("Yasmine", "Sofia", "Leïla", "Samira", "Nora", "Inès", "Lina", "Sara", "Dounia", "Myriam", "Shéhérazade",
            "Naïma", "Kenza", "Salma"),
}
_NAMES_T = ("Melina", "Bianca", "Kelly", "Paola", "Gabriela", "Thaís", "Vitória", "Larissa", "Barbara", "Valeska",
            "Luana", "Camila", "Jéssica", "Nicole", "Sabrina", "Rafaella", "Alessandra", "Kimberly")
_NAMES_M = ("Lucas", "Thomas", "Hugo", "Maxime", "Yanis", "Enzo", "Alex", "Rayan", "Karim", "Nico", "Julien",
            "Kevin", "Dylan", "Mehdi", "Antoine", "Samir", "Bruno", "Diego", "Leo")
# Stage names networks hand out (the same few names over and over).
_STAGE_NAMES = ("Lina", "Sarah", "Jade", "Mila", "Luna", "Eva", "Nina", "Kim", "Lola", "Bella", "Alina",
                "Vanessa", "Jessica", "Kelly", "Nikita", "Angel", "Sofia", "Emma", "Anna", "Cindy", "Lily",
                "Ruby", "Mia", "Amber", "Candy", "Barbie", "Roxy", "Maya", "Diana", "Lara")

_HAIR_F = (("brune", "cheveux bruns", "brunette", "brown hair"), ("blonde", "cheveux blonds", "blonde", "blond hair"),
           ("châtain", "cheveux châtains", "châtain", "light brown hair"), ("rousse", "cheveux roux", "rousse", "red hair"),
           ("brune", "cheveux noirs", "brune", "black hair"))
_HAIR_W = (0.38, 0.24, 0.16, 0.05, 0.17)
_HAIR_M = (("brun", "cheveux bruns"), ("blond", "cheveux blonds"), ("châtain", "cheveux châtains"), ("brun", "cheveux noirs"))
_EYES = (("marron", "brown"), ("noirs", "dark"), ("verts", "green"), ("bleus", "blue"), ("noisette", "hazel"))
_EYES_W = (0.42, 0.16, 0.15, 0.20, 0.07)
_BUILD_F = (("mince", "slim"), ("fine", "slim"), ("pulpeuse", "curvy"), ("ronde", "curvy"), ("sportive", "athletic"),
            ("aux formes généreuses", "curvy"), ("menue", "petite"), ("élancée", "tall and slim"))
_BUILD_M = ("sportif", "mince", "musclé", "athlétique", "fin")


# --------------------------------------------------------------------------------------------
# Phone numbers: pools, spellings
# --------------------------------------------------------------------------------------------

class _NumbersExhausted(RuntimeError):
    pass


class _Pool:
    """The 10 000 fiction numbers of one prefix. Networks reserve whole ten-blocks (numbers that
    differ only by their last digit, bought together); persons are spread over the other
    ten-blocks, one number per block before any block gets a second one."""

    def __init__(self, prefix: str, rng: np.random.Generator):
        self.prefix = prefix
        self.order = rng.permutation(1000)
        self.digits = np.argsort(rng.random((1000, 10)), axis=1)
        self.reserved: list[int] = []
        self.reserved_set: set[int] = set()
        self.cursor = 0  # position in the spread order
        self.taken = 0

    def number(self, block: int, digit: int) -> str:
        return f"{self.prefix}{block:03d}{digit}"

    def reserve_block(self) -> int:
        if self.cursor:
            raise RuntimeError("blocks are reserved before any single number is given")
        if len(self.reserved) >= 600:
            raise _NumbersExhausted(f"{self.prefix}: no ten-block left for networks")
        block = int(self.order[-1 - len(self.reserved)])
        self.reserved.append(block)
        self.reserved_set.add(block)
        return block

    def take(self) -> str:
        while True:
            if self.cursor >= 10000:
                raise _NumbersExhausted(f"{self.prefix}: all fiction numbers are taken")
            rank, position = divmod(self.cursor, 1000)
            self.cursor += 1
            block = int(self.order[position])
            if block in self.reserved_set:
                continue
            self.taken += 1
            return self.number(block, int(self.digits[block, rank]))


_PHONE_STYLES = (("spaces", .40), ("compact", .16), ("dots", .14), ("dashes", .04), ("intl", .06),
                 ("intl_compact", .03), ("intl_paren", .02), ("mixed", .05), ("letter_o", .04),
                 ("words", .02), ("half_words", .02), ("spaced_digits", .02))
_DIGIT_STYLES = ("spaces", "compact", "dots", "dashes", "intl", "intl_compact", "intl_paren", "mixed")
_DISGUISES = ("letter_o", "words", "half_words", "spaced_digits", "spaces_stars")
_UNITS = ("zéro", "un", "deux", "trois", "quatre", "cinq", "six", "sept", "huit", "neuf", "dix", "onze",
          "douze", "treize", "quatorze", "quinze", "seize")
_TENS = {2: "vingt", 3: "trente", 4: "quarante", 5: "cinquante", 6: "soixante"}


def _french_number(n: int) -> str:
    """0..99 in French words ("quatre-vingt-dix-huit")."""
    if n < 17:
        return _UNITS[n]
    if n < 20:
        return "dix-" + _UNITS[n - 10]
    if n < 70:
        tens, unit = divmod(n, 10)
        return _TENS[tens] + ("" if unit == 0 else " et un" if unit == 1 else "-" + _UNITS[unit])
    if n < 80:
        return "soixante et onze" if n == 71 else "soixante-" + _french_number(n - 60)
    return "quatre-vingts" if n == 80 else "quatre-vingt-" + _french_number(n - 80)


def _pair_words(pair: str) -> str:
    return f"zéro {_UNITS[int(pair[1])]}" if pair[0] == "0" else _french_number(int(pair))


def spell_phone(number: str, style: str) -> str:
    """A ten-digit French number as people write it."""
    p = [number[i:i + 2] for i in range(0, 10, 2)]
    if style == "spaces":
        return " ".join(p)
    if style == "compact":
        return number
    if style == "dots":
        return ".".join(p)
    if style == "dashes":
        return "-".join(p)
    if style == "intl":
        return "+33 " + number[1] + " " + " ".join(p[1:])
    if style == "intl_compact":
        return "+33" + number[1:]
    if style == "intl_paren":
        return "+33 (0)" + number[1] + " " + " ".join(p[1:])
    if style == "mixed":
        return number[:4] + " " + " ".join(p[2:4]) + "." + p[4]
    if style == "letter_o":
        return " ".join(p).replace("0", "O")
    if style == "words":
        return " ".join(_pair_words(x) for x in p)
    if style == "half_words":
        return _pair_words(p[0]) + " " + " ".join(p[1:])
    if style == "spaced_digits":
        return " ".join(number)
    if style == "spaces_stars":
        return "*".join(p)
    raise ValueError(style)


# --------------------------------------------------------------------------------------------
# Text material (French; English for some foreign persons and agencies)
# --------------------------------------------------------------------------------------------

_INTROS = (
    "Bonjour messieurs, je suis {nom}, {np}{age_de}, je vous reçois à {ville}.",
    "Coucou, moi c'est {nom}, {np}{age_virg}, disponible sur {ville}.",
    "{nom}, {np}{age_de}, vous propose un moment de détente à {ville}.",
    "Je m'appelle {nom}, {np}{age_de}. Je suis sur {ville}.",
    "Je suis {nom}, {np}{age_de}, et je vous propose un moment de pure évasion à {ville}.",
    "Nouvelle sur {ville} ! Je suis {nom}, {np}{age_virg}.",
    "Bonsoir, je suis {nom}{age_virg}, {np} douce et discrète, à {ville}.",
    "Hello, ici {nom}, {np}{age_de}, je suis à {ville} et alentours.",
)
_INTROS_SIMPLE = (
    "slt moi c {nom} {np}{age_sp} dispo sur {ville}",
    "cc les hommes je suis {nom} {np}{age_sp} je recois sur {ville}",
    "{np}{age_sp} dispo {ville} pour moment agreable et discret",
    "bjr je suis {nom}{age_sp} sur {ville}",
)
_INTROS_MEN = (
    "Bonjour je suis un {np} de {ville}{age_virg}, je propose mes services à mec gay ou bi.",
    "{nom}, {np}{age_de}, sur {ville}, propose massage et compagnie à hommes discrets.",
    "Jeune mec dispo sur {ville}{age_virg}, pour hommes gay ou bi, discrétion assurée.",
)
_INTROS_MEN_W = (
    "{nom}, homme{age_de} attentionné et discret, propose massages et moments de détente aux femmes sur {ville}.",
    "Homme{age_de} sur {ville}, propose compagnie et massages pour femmes et couples.",
)
_INTROS_EN = (
    "Hello gentlemen, I am {nom}, a sweet {np_en} girl{age_en}, visiting {ville} for a few days.",
    "Hi! My name is {nom}{age_en}, {np_en}, new in {ville}.",
)
_DESCS = (
    "Je suis {hair}, yeux {eyes}, {build}, {height}.",
    "{Hair} aux yeux {eyes}, silhouette {build}, {height}.",
    "{Hair} {build} de {height} aux yeux {eyes}.",
    "Physique : {height}, {weight} kg, {hair_noun}, yeux {eyes}.",
    "{height} pour {weight} kg, {hair_noun} et yeux {eyes}.",
)
_DESCS_EN = ("{height_en}, {weight} kg, {hair_en}, {eyes_en} eyes, {build_en}.",
             "I am {build_en} with {hair_en} and {eyes_en} eyes.")
_OFFERS = (
    "Je vous propose un moment de détente et de complicité.",
    "Je propose un bon moment tranquille, agréable et discret, dans une ambiance raffinée.",
    "Massage relaxant et moment de douceur pour oublier le stress de la journée.",
    "Je vous réserve un instant agréable où la discrétion, le respect et l'hygiène sont de rigueur.",
    "Venez passer un moment câlin en toute discrétion.",
    "Je suis ouverte à vos propositions, n'hésitez pas.",
    "Compagnie agréable pour vos soirées et vos moments de détente.",
    "Complicité et bonne humeur sont au rendez-vous.",
    "Douce, souriante et attentionnée, je saurai vous mettre à l'aise.",
    "Je propose des massages relaxants aux huiles chaudes.",
)
_PLACES = (
    "Je reçois dans un appartement propre, calme et climatisé.",
    "Je reçois dans un cadre discret, parking facile.",
    "Je me déplace à votre domicile ou à l'hôtel.",
    "Je reçois ou je me déplace.",
    "Appartement discret proche de la gare.",
    "Je reçois uniquement, pas de déplacement.",
)
_RULES = (
    "Les appels masqués, sms et mails resteront sans suite.",
    "Je ne réponds pas aux numéros masqués.",
    "Hommes courtois et respectueux uniquement.",
    "Pas sérieux s'abstenir.",
    "Photos 100 % réelles et récentes.",
    "Hygiène irréprochable exigée.",
    "Merci de prévenir 30 minutes avant.",
    "Désolée mais je ne réponds pas aux numéros masqués et pas de sms.",
)
_AVAILABLE = (
    "Disponible du lundi au samedi de 10h à 21h.",
    "Disponible en journée et en soirée.",
    "Disponible le week-end uniquement.",
    "Disponible tous les jours sauf le dimanche.",
    "Disponible en fin de journée après 18h.",
)
_AVAILABLE_ALWAYS = ("Disponible 24h/24.", "Dispo 24h/24 et 7j/7.", "Disponible tout le temps.")
_PASSING = ("De passage pour quelques jours seulement.", "Je suis dans votre ville pour une semaine.",
            "En vacances dans la région.", "Sur le secteur pendant tout le mois.", "De passage dans le Nord.")
_CLOSINGS = ("À très vite, bisous.", "Au plaisir de vous rencontrer.", "Je vous attends.", "À bientôt.",
             "Bisous.", "N'hésitez pas à me contacter.", "Gros bisous.")
_CONTACT_TEL = ("Appelez-moi au {tel}.", "Tél : {tel}", "Contact : {tel}", "Pour me joindre : {tel}",
                "Appel uniquement au {tel}.", "Sms ou appel : {tel}", "Mon numéro : {tel}", "☎ {tel}",
                "Appelle-moi vite au {tel}.")
_CONTACT_NOTEL = ("Contactez-moi via la messagerie du site.", "Appelez-moi vite.", "Contact par message privé uniquement.",
                  "Écrivez-moi.", "Numéro sur demande par message.")
_SIMPLE_BODY = ("je recois ou je me deplace", "pas de masqué", "serieux uniquement", "dispo ts les jours",
                "rdv possible rapidement", "pas de sms svp", "hygiene exigé", "photo reel", "discretion assuré")
_SIMPLE_CONTACT = ("appel au {tel}", "tel {tel}", "contact {tel}", "apl {tel}", "{tel} pas de masqué")
_SIMPLE_NOTEL = ("mp moi", "contact par message", "ecrit moi")
_EN_BODY = ("I offer a relaxing and discreet moment in my private apartment.", "Incall and outcall.",
            "Elegant and discreet companion.", "No hidden numbers.", "Real photos.", "Kisses.")
_EN_CONTACT = ("Call me: {tel}", "Call or WhatsApp: {tel}", "Phone: {tel}")
_EN_NOTEL = ("Contact me by message.", "Send me a message.")
_MEN_BODY = ("En échange qui prend soin de moi.", "Si tu es intéressé je peux me déplacer, très discret.",
             "Massage, sortie, compagnie.", "Pas de plan sans lendemain.", "Sérieux uniquement.")

_TITLES = ("{nom}", "{nom} {age} ans", "Belle {hair} à {ville}", "Jolie {label}", "{nom}, {label} à {ville}",
           "Moment de détente à {ville}", "Massage relaxant {ville}", "Douce {nom}", "Nouvelle à {ville}",
           "Petit plaisir", "D'agréables moments", "{label} douce et discrète", "{nom} sur {ville}")
_TITLES_SIMPLE = ("dispo {ville}", "{nom} {age}ans", "jolie {hair} dispo", "moment coquin {ville}", "{nom} dispo")
_TITLES_MEN = ("Jeune mec dispo {ville}", "{nom} masseur", "Mec sportif pour hommes", "Massage pour hommes {ville}")
_TITLES_MEN_W = ("Massage pour femmes", "{nom} pour femmes", "Homme attentionné {ville}")
_TITLES_EN = ("{nom} new in {ville}", "Sweet {label_en} {nom}", "{nom} {age}")
_TITLE_PREFIXES = ("NEW ", "Nouveau : ", "♥ ", "Dispo aujourd'hui - ")
_JITTER = (-2, -1, -1, 1, 1, 2, 3)  # a declared age moves by this much on some ads
_LANGS_EN = {"français": "French", "un peu français": "a little French", "anglais": "English", "espagnol": "Spanish",
             "portugais": "Portuguese", "roumain": "Romanian", "polonais": "Polish", "bulgare": "Bulgarian",
             "ukrainien": "Ukrainian", "russe": "Russian", "allemand": "German", "finnois": "Finnish",
             "italien": "Italian", "chinois": "Chinese", "thaï": "Thai", "arabe": "Arabic"}
_MAX_INTENSITY = 1.0  # ads a day at most for an independent person (daily reposts on a few sites)
_AGE_CLASH = 0.08  # share of a network's ads whose text gives another age than the age field
_DUO_SHARE = 0.12  # share of a flat-sharing person's ads that are duo ads
_TITLE_PASSING = ("{label} de passage", "De passage à {ville}", "{nom} de passage")


@dataclass
class _Network:
    idx: int
    kind: str
    members: list = field(default_factory=list)
    town: str = ""
    region: str = ""
    origins: tuple = ()
    rhythm: int = 1
    phase: int = 0
    account: str = ""
    account_share: float = 0.0
    switchboards: list = field(default_factory=list)
    switch_share: float = 0.0
    own_in_text: float = 0.0
    uses_block: bool = False
    blocks: list = field(default_factory=list)
    recycle: float = 0.0
    templates: list = field(default_factory=list)  # (from_day, _Template)
    names: tuple = ()
    passages: list = field(default_factory=list)
    salon: str = ""
    sites: tuple = ()


@dataclass
class _Template:
    title: str
    text: str
    contact_tel: str
    contact_notel: str
    english: bool


@dataclass
class _Version:
    start: int
    family: str  # "all", "escorting", "other": the sites it is posted on
    title: str
    text: str
    contact_tel: str
    contact_notel: str
    english: bool
    age_in_text: bool


@dataclass
class _Person:
    idx: int
    kind: str
    network: int
    sex: str
    audience: str
    origin: str
    states_origin: bool
    real_age: int
    age: int
    name: str
    hair: int
    eyes: int
    build: int
    height: int
    weight: int
    langs: tuple
    register: str
    intervals: list = field(default_factory=list)  # (start, end excl., town)
    intensity: float = 0.1
    sites: tuple = ()
    site_w: np.ndarray | None = None
    numbers: list = field(default_factory=list)  # (from_day, number)
    second: str = ""
    handles: list = field(default_factory=list)  # (from_day, handle)
    dating_handle: str = ""
    drop_pseudo: float = 0.03
    versions: list = field(default_factory=list)
    phone_style: str = "spaces"
    phone_in_text: float = 0.5
    no_phone: bool = False
    commune_styles: tuple = ()
    commune_w: np.ndarray | None = None
    text_town: dict = field(default_factory=dict)
    fills_age: float = 0.85
    age_jitter: float = 0.2
    label: str = ""
    label_en: str = ""
    partner: int = -1
    stage_names: list = field(default_factory=list)  # (from_day, name)


# --------------------------------------------------------------------------------------------
# Sizes
# --------------------------------------------------------------------------------------------

def persons_count(n_ads: int) -> int:
    """Persons behind n_ads ads: 273 for 699 (section II-B), growing ever more slowly up to
    the cap: a longer collection sees the same persons again rather than new ones."""
    if n_ads <= 0:
        return 0
    return max(1, min(n_ads, round(_PERSONS_CAP * n_ads / (n_ads + _K))))


def collection_days(n_ads: int) -> int:
    """Length of the collection: 77 days for 699 ads or fewer (20 September to 5 December in
    the report), growing as the square root of the number of ads, three years at most."""
    return int(round(min(1096.0, max(77.0, 77.0 * math.sqrt(max(n_ads, 1) / _REPORT_ADS)))))


def _largest_remainder(total: int, shares) -> list[int]:
    raw = [total * s for s in shares]
    counts = [int(math.floor(r)) for r in raw]
    rest = total - sum(counts)
    order = sorted(range(len(raw)), key=lambda i: (counts[i] - raw[i], i))
    for i in order[:rest]:
        counts[i] += 1
    return counts


def _pick(rng: np.random.Generator, items, weights=None):
    if weights is None:
        return items[int(rng.integers(len(items)))]
    w = np.asarray(weights, dtype=float)
    return items[int(np.searchsorted(np.cumsum(w), rng.random() * w.sum(), side="right").clip(0, len(items) - 1))]


# --------------------------------------------------------------------------------------------
# The world
# --------------------------------------------------------------------------------------------

class _World:
    def __init__(self, n_ads: int, seed: int):
        self.n = n_ads
        self.rng = np.random.default_rng([seed, 59, 2027])
        self.days = collection_days(n_ads)
        self.P = persons_count(n_ads)
        names = _commune_names()
        missing = [t[0] for t in _TOWNS if t[0] not in names]
        if missing:
            raise RuntimeError(f"communes absent from the COG reference: {missing}")
        self.town_names = names
        self.postcodes = _commune_postcodes()
        self.towns = {t[0]: t for t in _TOWNS}
        self.persons: list[_Person] = []
        self.networks: list[_Network] = []
        self.pools = {prefix: _Pool(prefix, self.rng) for prefix in FICTION_PREFIXES}
        self._collect = self._collector_days()

    # ---- dates -----------------------------------------------------------------------------

    def _collector_days(self) -> np.ndarray:
        """Day offset of an ad's publication -> the day the collector saw it: weekdays only,
        never after the last day of the collection."""
        last = self.days - 1
        out = np.empty(self.days + 8, dtype=np.int64)
        for d in range(self.days + 8):
            c = d
            wd = (_START + timedelta(days=c)).weekday()
            if wd >= 5:
                c += 7 - wd
            if c > last:
                c = last
                while (_START + timedelta(days=c)).weekday() >= 5:
                    c -= 1
            out[d] = c
        return out

    # ---- persons ---------------------------------------------------------------------------

    def build_persons(self) -> None:
        rng = self.rng
        counts = dict(zip([k for k, _ in _KINDS], _largest_remainder(self.P, [s for _, s in _KINDS])))
        # A network kind needs two persons at least; a lone one posts as an independent.
        for kind in _NETWORK_KINDS:
            if counts[kind] == 1:
                counts[kind] = 0
                counts["independante"] += 1
        kinds = [k for k, _ in _KINDS for _ in range(counts[k])]
        kinds = [kinds[i] for i in rng.permutation(len(kinds))]
        for idx, kind in enumerate(kinds):
            self.persons.append(self._person(idx, kind))
        for kind in _NETWORK_KINDS:
            members = [p for p in self.persons if p.kind == kind]
            self._split_networks(kind, members)
        for p in self.persons:
            if p.network < 0:
                self._independent_intervals(p)
        for net in self.networks:
            self._network_schedule(net)
        self._flatmates()
        for p in self.persons:
            self._habits(p)

    def _person(self, idx: int, kind: str) -> _Person:
        rng = self.rng
        sex = _pick(rng, ("F", "T", "M"), _SEX[kind])
        keys, weights = _ORIGIN_MIX[kind]
        origin = _pick(rng, keys, weights)
        if sex == "T" and rng.random() < 0.85:  # section IV-A-1: trans persons from Latin America
            origin = _pick(rng, ("br", "br", "br", "co", "ve", "ar", "pr"))
        states = rng.random() < _STATES_ORIGIN["fr" if origin == "fr" else "other"]
        mean, sd, low = {"independante": (36, 8, 19), "occasionnelle": (27, 6, 18), "itinerante": (30, 5, 19),
                         "agence": (31, 4, 19), "tournee": (33, 5, 19), "locale": (26, 4, 18),
                         "salon": (36, 7, 20)}[kind]
        real_age = int(np.clip(round(rng.normal(mean, sd)), low, 58))
        shave = max(0, int(round(rng.normal(0.3 + 0.12 * (real_age - 24), 1.2))))
        age = max(18, real_age - shave)  # sites refuse minors: no declared age under 18
        if sex == "M":
            name = _pick(rng, _NAMES_M)
        elif sex == "T":
            name = _pick(rng, _NAMES_T)
        else:
            pool = _NAMES_F[_ORIGINS[origin][4]]
            name = _pick(rng, pool, [1.0 / (k + 4) for k in range(len(pool))])  # the first names most in use first
        height = int(np.clip(round(rng.normal(178 if sex == "M" else 166, 6)), 150, 192))
        weight = int(np.clip(round(rng.normal(75 if sex == "M" else 57, 7)), 44, 100))
        langs = self._langs(origin)
        register = {"occasionnelle": ("simple", .55), "locale": ("simple", .4), "independante": ("simple", .12)}.get(kind, ("", 0))
        reg = register[0] if rng.random() < register[1] else ("fiche" if rng.random() < 0.18 else "soigne")
        if kind in ("itinerante",) and origin != "fr" and rng.random() < 0.25:
            reg = "english"
        audience = "hommes"
        if sex == "M":
            audience = "femmes" if rng.random() < 0.3 else "gay"
        p = _Person(idx=idx, kind=kind, network=-1, sex=sex, audience=audience, origin=origin, states_origin=states,
                    real_age=real_age, age=age, name=name, hair=int(_pick(rng, range(5), _HAIR_W)),
                    eyes=int(_pick(rng, range(5), _EYES_W)), build=int(rng.integers(len(_BUILD_F))),
                    height=height, weight=weight, langs=langs, register=reg)
        p.label, p.label_en = self._labels(p)
        return p

    def _langs(self, origin: str) -> tuple[str, ...]:
        rng = self.rng
        if origin == "fr":
            return ("français",) + (("anglais",) if rng.random() < 0.3 else ())
        home = {"br": "portugais", "ro": "roumain", "pl": "polonais", "bg": "bulgare", "ua": "ukrainien", "ru": "russe",
                "de": "allemand", "fi": "finnois", "it": "italien", "cn": "chinois", "th": "thaï", "in": "anglais",
                "lb": "arabe", "ma": "arabe", "ke": "anglais", "cm": "anglais", "ci": "anglais"}.get(origin, "espagnol")
        if origin in ("cm", "ci", "ma", "lb"):
            return ("français", home) if home != "anglais" else ("français", "anglais")
        return (home, "anglais", "un peu français") if rng.random() < 0.6 else (home, "français")

    def _labels(self, p: _Person) -> tuple[str, str]:
        """The origin or category the ads give ("brésilienne", "black", "latine"), if any."""
        rng = self.rng
        fem, masc, en, region, _ = _ORIGINS[p.origin]
        if not p.states_origin:
            return "", ""
        if p.sex == "M":
            return masc, en
        if p.sex == "T" and region != "latam":
            return fem, en
        if rng.random() < 0.4:
            return _pick(rng, _CATEGORY[region]), en
        return fem, en

    def _split_networks(self, kind: str, members: list[_Person]) -> None:
        rng = self.rng
        if len(members) < 2:
            for p in members:
                p.kind = "independante"
            return
        sizes = []
        left = len(members)
        while left > 0:
            size = {"agence": lambda: 4 + int(rng.geometric(1 / 7)), "tournee": lambda: 3 + int(rng.geometric(1 / 5)),
                    "locale": lambda: int(rng.integers(2, 5)), "salon": lambda: int(rng.integers(3, 7))}[kind]()
            size = min(size, left)
            if size < 2:
                sizes[-1] += size
            else:
                sizes.append(size)
            left -= size
        position = 0
        for size in sizes:
            net = _Network(idx=len(self.networks), kind=kind)
            self.networks.append(net)
            group = members[position:position + size]
            position += size
            self._network_identity(net, group)

    def _network_identity(self, net: _Network, group: list[_Person]) -> None:
        rng = self.rng
        keys, weights = _ORIGIN_MIX[net.kind]
        lead = _pick(rng, keys, weights)
        region = _ORIGINS[lead][3]
        # A network recruits in one region (some agencies in two).
        same = [k for k in keys if _ORIGINS[k][3] == region]
        net.origins = tuple(same)
        net.region = region
        net.rhythm = int(rng.integers(1, 4))
        net.phase = int(rng.integers(0, net.rhythm))
        stem = _pick(rng, ("Saphir", "Velours", "Orchidée", "Opale", "Ambre", "Cristal", "Satin", "Perle", "Rubis",
                           "Onyx", "Jasmin", "Lotus", "Azur", "Éden", "Iris", "Topaze"))
        if net.kind == "agence":
            net.account = f"{stem} {_pick(rng, ('Models', 'Agency', 'VIP', 'Companions', 'Escort Agency'))}"
            net.account_share = rng.uniform(0.5, 0.95)
            net.switch_share = rng.uniform(0.4, 0.9)
            net.uses_block = rng.random() < 0.4
            net.own_in_text = 0.1
        elif net.kind == "tournee":
            net.account = _pick(rng, (f"NewGirls{DEPARTEMENT}", f"{stem}_Girls", f"nouvelles{DEPARTEMENT}", "SweetTour",
                                      f"{_plain(stem).lower()}.tour", "Top_Nouvelles"))
            net.account_share = rng.uniform(0.0, 0.8)
            net.switch_share = rng.uniform(0.3, 0.8) if rng.random() < 0.6 else 0.0
            net.uses_block = rng.random() < 0.65
            net.own_in_text = 0.25
        elif net.kind == "locale":
            net.account = _pick(rng, ("Kev59", "mister_d", "Rayan.59", "Bigboss_Nord", "Jo-59", "dom59", "Sam_Lille"))
            net.account_share = rng.uniform(0.0, 0.7)
            net.switch_share = rng.uniform(0.2, 0.6) if rng.random() < 0.7 else 0.0
            net.uses_block = rng.random() < 0.25
            net.own_in_text = 0.15
        else:  # salon
            net.salon = f"{stem}"
            net.account = f"Salon {stem}"
            net.account_share = 0.9
            net.switch_share = 1.0  # the salon's line on every ad; the masseuses' own phones never show
            net.uses_block = False
            net.own_in_text = 0.0
        net.recycle = rng.uniform(0.2, 0.5) if net.uses_block else 0.0
        for p in group:
            p.network = net.idx
            net.members.append(p.idx)
            # The network decides how a member is presented.
            if p.sex != "T" and rng.random() < 0.85:
                p.origin = _pick(rng, net.origins)
            p.states_origin = rng.random() < (0.8 if net.kind != "locale" else 0.35)
            p.langs = self._langs(p.origin)
            p.label, p.label_en = self._labels(p)
            if net.kind in ("agence", "tournee") and rng.random() < 0.6:
                p.name = _pick(rng, _STAGE_NAMES[:12]) if rng.random() < 0.5 else _pick(rng, _STAGE_NAMES)
            if net.kind == "agence":
                p.register = "english" if rng.random() < 0.35 else "fiche"
            elif net.kind == "tournee":
                p.register = "english" if rng.random() < 0.2 else "soigne"
            if net.kind in ("agence", "tournee", "salon"):
                p.age = max(18, min(p.age, int(rng.integers(20, 30))) if rng.random() < 0.2 else p.age)

    # ---- intervals -------------------------------------------------------------------------

    def _resident_town(self) -> str:
        rng = self.rng
        return _pick(rng, [t[0] for t in _TOWNS], [t[1] for t in _TOWNS])

    def _tour_town(self) -> str:
        return _pick(self.rng, [t for t, _ in _TOUR_TOWNS], [w for _, w in _TOUR_TOWNS])

    def _spell(self, median: float, sigma: float) -> tuple[int, int]:
        rng, D = self.rng, self.days
        length = max(1.0, rng.lognormal(math.log(median), sigma))
        start = rng.uniform(-length, D)
        a, b = int(max(0, math.floor(start))), int(min(D, math.ceil(start + length)))
        if b <= a:
            b = a + 1 if a < D else D
            a = min(a, D - 1)
        return a, b

    def _independent_intervals(self, p: _Person) -> None:
        rng, D = self.rng, self.days
        if p.kind == "itinerante":
            visits = 1 + int(rng.poisson(D / 150))
            p.intervals = []
            for _ in range(visits):
                length = int(rng.integers(4, 16))
                a = int(rng.integers(0, max(1, D - 2)))
                p.intervals.append((a, min(D, a + length), self._tour_town()))
            p.intervals.sort()
            p.intensity = rng.lognormal(math.log(0.35), 0.5)
            return
        median, sigma, rate = {"independante": (420, 1.0, 0.08), "occasionnelle": (45, 0.8, 0.05)}[p.kind]
        a, b = self._spell(median, sigma)
        town = self._resident_town()
        if p.kind == "independante" and b - a > 20 and rng.random() < 0.07:
            # Moves once: to another town, most often a bigger one.
            cut = int(rng.integers(a + 7, b - 6))
            other = self._tour_town() if rng.random() < 0.6 else self._resident_town()
            while other == town:
                other = self._resident_town()
            p.intervals = [(a, cut, town), (cut, b, other)]
        else:
            p.intervals = [(a, b, town)]
        p.intensity = min(_MAX_INTENSITY, rng.lognormal(math.log(rate), 1.0 if p.kind == "independante" else 0.8))

    def _network_schedule(self, net: _Network) -> None:
        rng, D = self.rng, self.days
        members = [self.persons[i] for i in net.members]
        if net.kind == "tournee":
            a, b = self._spell(360, 0.8)
            a, b = min(a, D - 1), max(b, min(D, a + 10))
            day = a - int(rng.integers(0, 20))
            while day < b:
                length = int(rng.integers(6, 15))
                if day + length > a:
                    net.passages.append((max(0, day), min(D, day + length), self._tour_town()))
                day += length + int(rng.integers(12, 40))
            if not net.passages:
                net.passages.append((a, min(D, a + 10), self._tour_town()))
            for p in members:
                first = int(rng.integers(len(net.passages)))
                count = 1 + int(rng.geometric(0.55)) - 1
                p.intervals = list(net.passages[first:first + count])
                p.intensity = rng.lognormal(math.log(1.1), 0.4)
        elif net.kind == "agence":
            for p in members:
                stays = 1 + int(rng.poisson(D / 200))
                p.intervals = []
                for _ in range(stays):
                    length = int(rng.integers(3, 9))
                    s = int(rng.integers(0, max(1, D - 2)))
                    town = "59350" if rng.random() < 0.7 else self._tour_town()
                    p.intervals.append((s, min(D, s + length), town))
                p.intervals.sort()
                p.intensity = rng.lognormal(math.log(0.6), 0.4)
        elif net.kind == "locale":
            net.town = self._resident_town()
            for p in members:
                a, b = self._spell(150, 0.7)
                p.intervals = [(a, b, net.town)]
                p.intensity = rng.lognormal(math.log(0.4), 0.5)
        else:
            net.town = _pick(rng, ("59350", "59350", "59606", "59183", "59178", "59512", "59599", "59122", "59392"))
            for p in members:
                a, b = self._spell(100, 0.6)
                p.intervals = [(a, b, net.town)]
                p.intensity = rng.lognormal(math.log(0.3), 0.4)

    def _flatmates(self) -> None:
        """Some independent persons share a flat: same town, overlapping dates; sometimes one
        posts a "duo" ad presenting both (the truth gives it to the one who posts it)."""
        rng = self.rng
        pool = [p for p in self.persons if p.kind == "independante" and p.sex == "F" and len(p.intervals) == 1]
        pairs = int(round(0.02 * len(self.persons)))
        order = rng.permutation(len(pool))
        used = 0
        for k in range(0, len(order) - 1, 2):
            if used >= pairs:
                break
            a, b = pool[order[k]], pool[order[k + 1]]
            s, e, town = a.intervals[0]
            bs, be, _ = b.intervals[0]
            lo, hi = max(s, bs), min(e, be)
            if hi - lo < 3:
                lo, hi = s, e
                b.intervals = [(s, e, town)]
            else:
                b.intervals = [(bs, be, town)]
            a.partner, b.partner = b.idx, a.idx
            used += 1
        # Network members sharing a passage are flatmates too (a network's "duo" ads).
        for net in self.networks:
            if net.kind in ("tournee", "locale") and len(net.members) >= 2:
                members = [self.persons[i] for i in net.members]
                for x, y in zip(members[::2], members[1::2]):
                    if rng.random() < 0.35:
                        x.partner, y.partner = y.idx, x.idx

    # ---- habits ----------------------------------------------------------------------------

    def _habits(self, p: _Person) -> None:
        rng = self.rng
        styles = [s for s, _ in _COMMUNE_STYLES]
        weights = np.array([w for _, w in _COMMUNE_STYLES])
        main = _pick(rng, styles, weights)
        second = _pick(rng, styles, weights)
        p.commune_styles = (main, second, "officiel", "sans_accents", "majuscules", "vide")
        p.commune_w = np.array([0.72, 0.14, 0.06, 0.03, 0.03, 0.02])
        p.phone_style = _pick(rng, [s for s, _ in _PHONE_STYLES], [w for _, w in _PHONE_STYLES])
        p.phone_in_text = rng.uniform(0.3, 1.0)
        p.no_phone = (p.kind in ("occasionnelle", "independante") and rng.random() < 0.08)
        p.fills_age = 0.65 if p.network >= 0 else float(rng.choice((0.0, 0.5, 0.95), p=(0.70, 0.14, 0.16)))
        p.age_jitter = 0.35 if p.network >= 0 else rng.uniform(0.05, 0.3)
        p.drop_pseudo = 0.02 if rng.random() < 0.8 else 0.25
        # Sites: a few per person, a network's sites for its members.
        base = _KIND_SITES[p.kind]
        keys = list(base)
        w = np.array([base[k] for k in keys])
        if p.network >= 0:
            net = self.networks[p.network]
            if not net.sites:
                m = min(len(keys), int(rng.integers(2, 5)))
                chosen = rng.choice(len(keys), size=m, replace=False, p=w / w.sum())
                net.sites = tuple(keys[i] for i in sorted(chosen))
            p.sites = net.sites
        else:
            m = min(len(keys), 1 + int(rng.poisson(1.3)))
            chosen = rng.choice(len(keys), size=m, replace=False, p=w / w.sum())
            p.sites = tuple(keys[i] for i in sorted(chosen))
        sw = np.array([base[k] for k in p.sites]) * rng.dirichlet(np.ones(len(p.sites)) * 2.0)
        p.site_w = sw / sw.sum()
        # Town as written in the text: mostly the official name.
        towns = [t for _, _, t in p.intervals] + ([self.persons[p.partner].intervals[0][2]] if p.partner >= 0 else [])
        for town in dict.fromkeys(towns):
            p.text_town[town] = self._text_town(town, p)

    def _text_town(self, town: str, p: _Person) -> str:
        rng = self.rng
        name = self.town_names[town]
        if p.register == "english":
            return _ENGLISH_TOWN.get(town, _plain(name))
        r = rng.random()
        row = self.towns.get(town)
        if r < 0.70:
            return name
        if r < 0.85:
            return _plain(name).replace("-", " ")
        if r < 0.95 and row and row[3]:
            return _pick(rng, row[3])
        if row and row[4]:
            return _pick(rng, row[4])
        return name

    # ---- numbers ---------------------------------------------------------------------------

    def allocate_numbers(self) -> None:
        rng = self.rng
        mobile = self.pools[_MOBILE]
        # 1. Networks first: their ten-blocks, their switchboards.
        for net in self.networks:
            if net.kind == "salon":
                net.switchboards = [self.pools["035301"].take()]
            elif net.kind == "agence":
                prefix = _pick(rng, ("019900", "046571", _MOBILE, _MOBILE), (0.45, 0.15, 0.2, 0.2))
                count = 1 + int(len(net.members) > 12)
                net.switchboards = [self.pools[prefix].take() if prefix != _MOBILE else None for _ in range(count)]
            elif net.switch_share > 0:
                net.switchboards = [None]
            if net.uses_block:
                net.blocks = [mobile.reserve_block()]
        # Network SIMs: members in order of arrival; a SIM left by a member may go to a later one.
        for net in self.networks:
            members = sorted((self.persons[i] for i in net.members), key=lambda p: p.intervals[0][0])
            free: list[tuple[int, str]] = []  # (released on day, number)
            fresh: list[str] = []
            if net.uses_block:
                fresh = [mobile.number(net.blocks[0], d) for d in rng.permutation(10)]
            for k, sb in enumerate(net.switchboards):
                if sb is None:
                    net.switchboards[k] = fresh.pop() if fresh else None
            for p in members:
                start, end = p.intervals[0][0], p.intervals[-1][1]
                changes = self._changes(p, start, end)
                days = [start] + changes
                for d in days:
                    number = None
                    usable = [x for x in free if x[0] < d]
                    if net.recycle and usable and rng.random() < net.recycle:
                        got = usable[int(rng.integers(len(usable)))]
                        free.remove(got)
                        number = got[1]
                    elif net.uses_block:
                        if not fresh:
                            net.blocks.append(mobile.reserve_block())
                            fresh = [mobile.number(net.blocks[-1], x) for x in rng.permutation(10)]
                        number = fresh.pop()
                    p.numbers.append([d, number])
                for (d0, n0), (d1, _) in zip(p.numbers, p.numbers[1:] + [[end, None]]):
                    if n0 is not None and net.uses_block:
                        free.append((d1, n0))
        # 2. Persons' own numbers, spread over the remaining ten-blocks.
        for p in self.persons:
            if p.network >= 0 and self.networks[p.network].kind == "salon":
                continue
            if not p.numbers:
                start, end = p.intervals[0][0], p.intervals[-1][1]
                p.numbers = [[d, None] for d in [start] + self._changes(p, start, end)]
            for entry in p.numbers:
                if entry[1] is None:
                    entry[1] = mobile.take()
            if p.network < 0 and rng.random() < 0.04:
                p.second = mobile.take()
        for net in self.networks:
            net.switchboards = [s if s is not None else mobile.take() for s in net.switchboards]

    def _changes(self, p: _Person, start: int, end: int) -> list[int]:
        rng = self.rng
        keep = {"independante": 720, "occasionnelle": 300, "itinerante": 480, "agence": 480, "tournee": 70,
                "locale": 150, "salon": 400}[p.kind]
        span = max(0, end - start)
        k = min(3, int(rng.poisson(span / keep)))
        if k == 0 or span < 4:
            return []
        return sorted(set(int(x) for x in rng.integers(start + 1, end, size=k)))

    # ---- handles, names, versions ----------------------------------------------------------

    def _handle(self, name: str, town: str) -> str:
        rng = self.rng
        plain = _plain(name).replace(" ", "")
        low = plain.lower()
        city = _plain(self.town_names[town]).split("-")[0].replace("'", "").replace(" ", "")
        forms = (plain, f"{plain}{DEPARTEMENT}", f"{low}_{city.lower()}", f"douce_{low}", f"{low}{int(rng.integers(1, 99))}",
                 f"{plain}.{chr(65 + int(rng.integers(26)))}", f"Miss{plain}", f"{low}-{city.lower()}", f"{plain}{city}",
                 f"{low}_x", f"sexy{low}", f"{low}.{DEPARTEMENT}")
        return _pick(rng, forms)

    def build_texts(self) -> None:
        for net in self.networks:
            self._network_templates(net)
        for p in self.persons:
            town = p.intervals[0][2]
            self._names_and_handles(p, town)
            if p.network >= 0:
                self._member_versions(p)
            else:
                self._independent_versions(p)

    def _names_and_handles(self, p: _Person, town: str) -> None:
        rng = self.rng
        start, end = p.intervals[0][0], p.intervals[-1][1]
        p.stage_names = [(start, p.name)]
        rename = 0.06 if p.network < 0 else (0.3 if self.networks[p.network].kind in ("tournee", "agence") else 0.1)
        if end - start > 10 and rng.random() < rename:
            pool = _STAGE_NAMES if p.network >= 0 else (_NAMES_F["fr"] if p.sex == "F" else _NAMES_T if p.sex == "T" else _NAMES_M)
            new = _pick(rng, pool)
            if new != p.name:
                p.stage_names.append((int(rng.integers(start + 1, end)), new))
        p.handles = [(start, self._handle(p.name, town))]
        if end - start > 10 and rng.random() < 0.18:
            day = int(rng.integers(start + 1, end))
            current = [n for d, n in p.stage_names if d <= day][-1]
            p.handles.append((day, self._handle(current, town)))
        p.dating_handle = self._handle(p.name, town) if rng.random() < 0.3 else ""

    def _np(self, p: _Person, english: bool = False) -> str:
        """The noun phrase an ad presents the person with ("jeune femme brésilienne", "jolie black")."""
        rng = self.rng
        if english:
            return p.label_en or _pick(rng, ("charming", "elegant", "sweet"))
        if p.sex == "M":
            base = _pick(rng, ("jeune mec", "mec sportif", "jeune homme"))
            return f"{base} {p.label}".strip()
        if p.sex == "T":
            base = _pick(rng, ("belle trans", "jolie transsexuelle", "trans féminine", "belle transsexuelle"))
            return f"{base} {p.label}".strip()
        if p.label and p.label in _CATEGORY_LABELS and p.label != "française":
            return f"{_pick(rng, ('jolie', 'belle', 'magnifique', 'jeune'))} {p.label}"
        base = _pick(rng, ("jeune femme", "jolie femme", "belle femme", "charmante femme")) if p.kind != "occasionnelle" \
            else _pick(rng, ("étudiante", "jeune femme", "jeune fille"))
        return f"{base} {p.label}".strip()

    def _slots(self, p: _Person, english: bool) -> dict[str, str]:
        rng = self.rng
        if p.sex == "M":
            hair, hair_noun = _HAIR_M[min(p.hair, 3)]
            build = _BUILD_M[p.build % len(_BUILD_M)]
        else:
            hair, hair_noun = _HAIR_F[p.hair][0], _HAIR_F[p.hair][1]
            build = _BUILD_F[p.build][0]
        h = p.height
        height = _pick(rng, (f"1m{h - 100:02d}", f"1,{h - 100:02d} m", f"{h} cm", f"1.{h - 100:02d}m"))
        return {
            "hair": hair, "Hair": hair[0].upper() + hair[1:], "hair_noun": hair_noun, "eyes": _EYES[p.eyes][0],
            "hair_fiche": hair_noun.split(" ", 1)[1],
            "build": build, "height": height, "weight": str(p.weight), "langs": ", ".join(p.langs),
            "height_en": f"{h} cm", "hair_en": _HAIR_F[p.hair][3], "eyes_en": _EYES[p.eyes][1],
            "build_en": _BUILD_F[p.build][1], "label": p.label or hair, "label_en": p.label_en or "sexy",
        }

    def _fill(self, text: str, slots: dict[str, str]) -> str:
        for key, value in slots.items():
            text = text.replace("{" + key + "}", value)
        return text

    def _independent_versions(self, p: _Person) -> None:
        rng = self.rng
        start, end = p.intervals[0][0], p.intervals[-1][1]
        # Rewrites: one every ~5 months; a rename starts a new version.
        days = [start] + sorted(int(x) for x in rng.integers(start + 1, max(start + 2, end), size=int(rng.poisson((end - start) / 150))))
        days += [d for d, _ in p.stage_names[1:]]
        days = sorted(set(days))
        families = ["all"]
        if rng.random() < 0.15:
            families = ["escorting", "other"]  # a fiche for directories, a short text elsewhere
        for d in days:
            name = [n for s, n in p.stage_names if s <= d][-1]
            for fam in families:
                register = p.register
                if fam == "other" and register != "simple":
                    register = "simple" if rng.random() < 0.5 else "soigne"
                p.versions.append(self._compose(p, d, fam, name, register))

    def _compose(self, p: _Person, day: int, family: str, name: str, register: str) -> _Version:
        rng = self.rng
        english = register == "english"
        slots = self._slots(p, english)
        age_in_text = rng.random() < (0.16 if p.fills_age > 0 else 0.07)
        passing = p.kind == "itinerante" or (p.kind == "independante" and rng.random() < 0.10)
        always = rng.random() < 0.05
        np_ = self._np(p, english)
        slots.update({"nom": name, "np": np_, "np_en": np_,
                      "age_de": " de {age} ans" if age_in_text else "", "age_virg": ", {age} ans" if age_in_text else "",
                      "age_sp": " {age}ans" if age_in_text else "", "age_en": ", {age} years old" if age_in_text else ""})
        if english:
            parts = [_pick(rng, _INTROS_EN), _pick(rng, _DESCS_EN)]
            parts += list(rng.choice(_EN_BODY, size=int(rng.integers(2, 4)), replace=False))
            parts.append(f"I speak {' and '.join(_LANGS_EN.get(l, l) for l in p.langs)}.")
            contact_tel, contact_notel = _pick(rng, _EN_CONTACT), _pick(rng, _EN_NOTEL)
            title = _pick(rng, _TITLES_EN)
        elif register == "simple":
            intro = _pick(rng, _INTROS_SIMPLE) if p.sex != "M" else _pick(rng, _INTROS_MEN)
            parts = [intro] + list(rng.choice(_SIMPLE_BODY, size=int(rng.integers(1, 4)), replace=False))
            contact_tel, contact_notel = _pick(rng, _SIMPLE_CONTACT), _pick(rng, _SIMPLE_NOTEL)
            title = _pick(rng, _TITLES_SIMPLE) if p.sex != "M" else _pick(rng, _TITLES_MEN)
        else:
            if p.sex == "M":
                intro = _pick(rng, _INTROS_MEN_W if p.audience == "femmes" else _INTROS_MEN)
                parts = [intro, _pick(rng, _DESCS)] + list(rng.choice(_MEN_BODY, size=2, replace=False))
                title = _pick(rng, _TITLES_MEN_W if p.audience == "femmes" else _TITLES_MEN)
            else:
                parts = [_pick(rng, _INTROS)]
                if register == "fiche":
                    fiche = ["Âge : {age} ans" if age_in_text else "", "Taille : {height}", "Cheveux : {hair_fiche}",
                             "Yeux : {eyes}", ("Origine : " + p.label) if p.label else "", "Langues : {langs}"]
                    parts.insert(0, " | ".join(x for x in fiche if x) + " |")
                elif rng.random() < 0.8:
                    parts.append(_pick(rng, _DESCS))
                parts += list(rng.choice(_OFFERS, size=int(rng.integers(1, 3)), replace=False))
                if rng.random() < 0.7:
                    parts.append(_pick(rng, _PLACES))
                parts += list(rng.choice(_RULES, size=int(rng.integers(0, 3)), replace=False))
                if passing:
                    parts.append(_pick(rng, _PASSING))
                parts.append(_pick(rng, _AVAILABLE_ALWAYS if always else _AVAILABLE) if rng.random() < 0.6 else "")
                if p.origin != "fr" and rng.random() < 0.5:
                    parts.append("Je parle {langs}.")
                parts.append(_pick(rng, _CLOSINGS) if rng.random() < 0.7 else "")
                title = _pick(rng, _TITLE_PASSING) if passing and rng.random() < 0.4 else _pick(rng, _TITLES)
            contact_tel, contact_notel = _pick(rng, _CONTACT_TEL), _pick(rng, _CONTACT_NOTEL)
        text = " ".join(x for x in parts if x)
        if register == "simple":
            text = self._degrade(text, strong=True)
        elif rng.random() < 0.15:
            text = self._degrade(text, strong=False)
        text = self._fill(text, slots) + " {contact}"
        title = self._fill(title, slots)
        return _Version(day, family, title, text, contact_tel, contact_notel, english, age_in_text)

    def _degrade(self, text: str, strong: bool) -> str:
        """Spelling as typed in a hurry: accents dropped, a few usual mistakes."""
        rng = self.rng
        rules = (("appartement", "apartement"), ("disponible", "disponnible"), ("discrète", "discrete"),
                 (" à ", " a "), ("n'hésitez", "hésitez"), ("rendez-vous", "rdv"), ("messieurs", "mrs"),
                 ("rencontrer", "rencontré"), ("Je suis", "je suis"), ("c'est", "c"), ("journée", "journé"))
        for old, new in rules:
            if rng.random() < (0.5 if strong else 0.2):
                text = text.replace(old, new)
        if strong and rng.random() < 0.6:
            text = _plain(text)
        if strong and rng.random() < 0.5:
            text = text.replace(".", "").replace(",", "")
        return text

    # Network templates ----------------------------------------------------------------------

    _NET_TEXTS = {
        "tournee": (
            ("NOUVELLE à {ville} !!! {nom}, {age} ans, magnifique {np3}, {desc3}. Elle vous reçoit dans un appartement "
             "privé, propre et discret. De passage pour quelques jours seulement. Disponible 24h/24 et 7j/7. "
             "Photos 100% réelles.", "NOUVELLE {nom} {age} ANS {LABEL}"),
            ("{nom}, {np3} de {age} ans, de passage sur {ville} pour une semaine. {Desc3}. Très douce, câline et "
             "souriante. Appartement discret proche gare. Dispo tout le temps.", "{label} de passage {ville}"),
            ("Première fois à {ville} ! {nom}, {np3}, {age} ans, {desc3}. Elle parle {langs}. Ambiance zen et "
             "discrète, reçoit uniquement. Disponible 24h/24.", "{nom} première fois à {ville}"),
            ("Nouvelle à {ville}, {nom}, {np3}, {desc3}. Elle vous reçoit tous les jours dans un appartement discret. "
             "Photos réelles, de passage quelques jours seulement.", "{nom} nouvelle à {ville}"),
        ),
        "tournee_en": (
            ("Hi gentlemen! I am {nom}, {age} years old, new in {ville} for few days only. {desc_en}. I speak "
             "{langs_en}. Incall only, private apartment. Available 24/7.", "{nom} new in {ville}"),
        ),
        "agence": (
            ("{nom} est une escorte de haut niveau, élégante et raffinée. {LabelCap} de {age} ans, {desc3}. Elle parle "
             "{langs}. En tournée à {ville} du {d1} au {d2}. Réservation auprès de l'agence.", "{nom} - {LabelCap} - {age} ans"),
            ("Âge : {age} ans | Origine : {LabelCap} | Taille : {height} | Cheveux : {hair_fiche} | Yeux : {eyes} | "
             "Langues : {langs} | {nom} vous accompagne pour vos dîners et soirées, GFE. Visite à {ville} du {d1} "
             "au {d2}.", "{nom}, high level escort"),
        ),
        "agence_en": (
            ("{nom} - high level escort, {age} y.o., {label_en}. Elegant and discreet companion, GFE. Languages: "
             "{langs_en}. On tour in {ville} from {d1} to {d2}. Booking by phone or WhatsApp.", "{nom} VIP escort {ville}"),
        ),
        "locale": (
            ("Coucou moi c'est {nom}, {age} ans, {np3} toute nouvelle sur {ville}, je suis douce et coquine, je "
             "reçois ou je me déplace. Pas sérieux s'abstenir.", "{nom} {age}ans nouvelle {ville}"),
            ("{nom}, {np3}, {desc3}, dispo sur {ville} et alentours, photos réelles, discrétion assurée.",
             "Jolie {label} dispo {ville}"),
        ),
        "salon": (
            ("Salon {salon} à {ville} : {nom}, {age} ans, nouvelle masseuse{lab}, vous accueille pour un massage "
             "relaxant dans un cadre zen et discret. Ouvert 7j/7 de 10h à 22h.", "Salon {salon} - {nom} massage"),
            ("Massage bien-être au salon {salon}, {ville}. {nom}, masseuse{lab}, douce et professionnelle. "
             "Cadre propre et climatisé, parking. Sur rendez-vous.", "Massage {label} {ville}"),
        ),
    }
    _NET_CONTACT = {"tournee": ("Appelez le {tel}", "Tél : {tel}", "Call {tel}"),
                    "agence": ("Réservation : {tel}", "Booking: {tel}", "Contact agence : {tel}"),
                    "locale": ("appel ou sms {tel}", "Tél {tel}", "contact {tel}"),
                    "salon": ("Sur rendez-vous : {tel}", "Tél. {tel}", "RDV au {tel}")}

    def _network_templates(self, net: _Network) -> None:
        rng = self.rng
        # One template per campaign; campaigns change every few months.
        starts = [0] + sorted(set(int(x) for x in rng.integers(1, max(2, self.days), size=int(rng.poisson(self.days / 120)))))
        for d in starts:
            families = {"tournee": ("tournee", "tournee_en"), "agence": ("agence", "agence_en")}.get(net.kind, (net.kind,))
            templates = {}
            for fam in families:
                text, title = self._NET_TEXTS[fam][int(rng.integers(len(self._NET_TEXTS[fam])))]
                # The network's own habits of writing, copied on every member's ad.
                if rng.random() < 0.6:
                    text = self._degrade(text, strong=False)
                if rng.random() < 0.3:
                    text = text.replace("!!!", "!!").replace("Disponible", "Disponnible")
                english = fam.endswith("_en")
                contact = _pick(rng, self._NET_CONTACT[net.kind])
                if english:
                    contact = _pick(rng, ("Call {tel}", "Booking: {tel}", "WhatsApp {tel}"))
                templates["en" if english else "fr"] = _Template(title, text, contact, "", english)
            net.templates.append((d, templates))

    def _member_versions(self, p: _Person) -> None:
        rng = self.rng
        net = self.networks[p.network]
        english = p.register == "english"
        slots = self._slots(p, english)
        starts = [d for d, _ in net.templates]
        days = sorted(set(starts) | {s for s, _ in p.stage_names})
        for day in days:
            templates = net.templates[max(0, int(np.searchsorted(starts, day, side="right")) - 1)][1]
            template = templates.get("en" if english else "fr") or templates["fr"]
            name = p.stage_names[0][1]
            for s, n in p.stage_names:
                if s <= day:
                    name = n
            label = p.label or slots["hair"]
            np3 = p.label if p.label else ("jeune trans" if p.sex == "T" else "jeune femme")
            if p.sex == "T" and p.label:
                np3 = f"trans {p.label}"
            desc3 = self._fill(_pick(rng, ("{hair} aux yeux {eyes}, {height}", "{hair}, {build}, {height}, {weight} kg",
                                          "silhouette {build}, yeux {eyes}")), slots)
            local = dict(slots, nom=name, np3=np3, lab=(" " + p.label) if p.label else "", desc3=desc3, Desc3=desc3[0].upper() + desc3[1:],
                         desc_en=self._fill(_DESCS_EN[0], slots).rstrip("."),
                         LABEL=label.upper(), label=label, LabelCap=label[0].upper() + label[1:],
                         langs_en=", ".join(_LANGS_EN.get(l, l) for l in p.langs),
                         salon=net.salon)
            title = self._fill(template.title, local)
            text = self._fill(template.text, local) + " {contact}"
            p.versions.append(_Version(day, "all", title, text, template.contact_tel, template.contact_notel,
                                       template.english, "{age}" in text))

    # ---- postings --------------------------------------------------------------------------

    def plan_postings(self) -> None:
        """How many ads each person posts, on which day and site; mirror copies; exactly n rows."""
        rng, n = self.rng, self.n
        persons = self.persons
        active = np.array([sum(b - a for a, b, _ in p.intervals) for p in persons], dtype=float)
        weight = np.array([p.intensity for p in persons]) * np.maximum(active, 1.0)
        group_share = np.array([p.site_w[list(p.sites).index(_G)] if _G in p.sites else 0.0 for p in persons])
        outages = self._outages()
        up = np.array([[not (a <= d < b) for (a, b) in outages] for d in range(self.days)], dtype=bool)
        expected_copies = float(up.sum(axis=1).mean()) * 0.95
        rows_per_posting = float(np.average(1 + group_share * (expected_copies - 1), weights=weight))
        M = max(len(persons), int(round(n / rows_per_posting)))
        counts = 1 + rng.multinomial(M - len(persons), weight / weight.sum())
        person_of, day_of, site_of = [], [], []
        for p, k in zip(persons, counts):
            person_of.append(np.full(k, p.idx))
            day_of.append(self._days_for(p, k))
            site_of.append(np.asarray(p.sites)[rng.choice(len(p.sites), size=k, p=p.site_w)])
        person_of = np.concatenate(person_of)
        day_of = np.concatenate(day_of)
        site_of = np.concatenate(site_of)
        # Mirror copies: the group's sites up that day; the collector misses a few.
        is_group = site_of == _G
        copies = np.zeros(len(site_of), dtype=np.int64)
        group_idx = np.flatnonzero(is_group)
        seen = up[day_of[group_idx]] & (rng.random((len(group_idx), len(_MIRROR_SITES))) > 0.05)
        seen[~seen.any(axis=1), 0] = True
        copies[group_idx] = seen.sum(axis=1)
        copies[~is_group] = 1
        total = int(copies.sum())
        if total < n:
            extra = n - total
            who = rng.choice(len(persons), size=extra, p=weight / weight.sum())
            e_person, e_day, e_site = [], [], []
            for i in who:
                p = persons[i]
                sites = [s for s in p.sites if s != _G] or [6]
                w = np.array([p.site_w[list(p.sites).index(s)] if s in p.sites else 1.0 for s in sites])
                e_person.append(p.idx)
                e_day.append(int(self._days_for(p, 1)[0]))
                e_site.append(sites[int(rng.choice(len(sites), p=w / w.sum()))])
            person_of = np.concatenate([person_of, np.array(e_person, dtype=np.int64)])
            day_of = np.concatenate([day_of, np.array(e_day, dtype=np.int64)])
            site_of = np.concatenate([site_of, np.array(e_site, dtype=np.int64)])
            copies = np.concatenate([copies, np.ones(extra, dtype=np.int64)])
        elif total > n:
            excess = total - n
            # First the collector misses more mirror copies, then a few reposts.
            removable = np.flatnonzero(seen)  # flat indices into seen
            keep_one = seen.sum(axis=1)
            for j in rng.permutation(len(removable)):
                if excess == 0:
                    break
                r, c = divmod(int(removable[j]), len(_MIRROR_SITES))
                if keep_one[r] > 1:
                    seen[r, c] = False
                    keep_one[r] -= 1
                    excess -= 1
            copies[group_idx] = seen.sum(axis=1)
            if excess:
                per_person = np.bincount(person_of, minlength=len(persons))
                drop = np.zeros(len(person_of), dtype=bool)
                for j in rng.permutation(len(person_of)):
                    if excess == 0:
                        break
                    if copies[j] == 1 and per_person[person_of[j]] > 1 and not is_group[j]:
                        drop[j] = True
                        per_person[person_of[j]] -= 1
                        excess -= 1
                keep = ~drop
                person_of, day_of, site_of, copies = person_of[keep], day_of[keep], site_of[keep], copies[keep]
        self.person_of, self.day_of, self.site_of, self.copies = person_of, day_of, site_of, copies
        self.seen = seen
        self.group_idx = np.flatnonzero(site_of == _G)

    def _days_for(self, p: _Person, k: int) -> np.ndarray:
        rng = self.rng
        lengths = np.array([max(1, b - a) for a, b, _ in p.intervals], dtype=float)
        which = rng.choice(len(p.intervals), size=k, p=lengths / lengths.sum())
        starts = np.array([a for a, _, _ in p.intervals])[which]
        ends = np.array([max(a + 1, b) for a, b, _ in p.intervals])[which]
        days = starts + np.floor(rng.random(k) * (ends - starts)).astype(np.int64)
        if p.network >= 0:
            net = self.networks[p.network]
            # The network posts its members' ads in batches, on its own days.
            snapped = days - ((days - net.phase) % net.rhythm)
            days = np.where((snapped >= starts) & (rng.random(k) < 0.8), snapped, days)
        return np.clip(days, 0, self.days - 1).astype(np.int64)

    def _outages(self) -> list[tuple[int, int]]:
        """Sites of the group go down for a while (annex 5: sites vanish and reappear)."""
        rng, D = self.rng, self.days
        out = []
        for k in range(len(_MIRROR_SITES)):
            if k >= 2 and rng.random() < 0.4:
                length = int(D * rng.uniform(0.1, 0.35))
                a = int(rng.integers(0, max(1, D - length)))
                out.append((a, a + length))
            else:
                out.append((D + 1, D + 1))
        return out

    # ---- rendering -------------------------------------------------------------------------

    def render(self) -> tuple[pd.DataFrame, pd.DataFrame]:
        rng = self.rng
        persons, networks = self.persons, self.networks
        m = len(self.person_of)
        order = np.argsort(self.person_of, kind="stable")
        titles = [None] * m
        texts = [None] * m
        phones = [None] * m
        pseudos = [None] * m
        ages = [None] * m
        communes = [None] * m
        start_of = np.searchsorted(self.person_of[order], np.arange(len(persons)))
        for i in range(len(persons)):
            p = persons[i]
            lo = start_of[i]
            hi = start_of[i + 1] if i + 1 < len(persons) else m
            idx = order[lo:hi]
            if len(idx) == 0:
                continue
            net = networks[p.network] if p.network >= 0 else None
            number_days = np.array([d for d, _ in p.numbers])
            handle_days = np.array([d for d, _ in p.handles])
            u_person = rng.random((len(idx), 22))
            for jj, j in enumerate(idx):
                j = int(j)
                u = u_person[jj]
                day = int(self.day_of[j])
                site_i = int(self.site_of[j])
                site = _SITES[site_i] if site_i < _G else _MIRROR_TEMPLATE
                family = "escorting" if site.category == "escorting" else "other"
                # Version in force that day, for that family of sites.
                cands = [k for k in range(len(p.versions)) if p.versions[k].start <= day and p.versions[k].family in ("all", family)]
                if not cands:
                    cands = [k for k in range(len(p.versions)) if p.versions[k].family in ("all", family)] or [0]
                    v = p.versions[cands[0]]
                else:
                    v = p.versions[cands[-1]]
                town = self._town_at(p, day)
                # Number shown.
                own = p.numbers[max(0, int(np.searchsorted(number_days, day, side="right")) - 1)][1]
                shown = own
                in_text_extra = ""
                if net is not None and net.switchboards and u[0] < net.switch_share:
                    shown = net.switchboards[int(u[1] * len(net.switchboards))]
                    if u[2] < net.own_in_text and own != shown:
                        in_text_extra = own
                elif p.second and u[1] < 0.25:
                    shown = p.second
                has_phone = shown is not None and not (p.no_phone and site.category in ("rencontres", "petites_annonces"))
                if site.category == "rencontres" and u[3] < 0.35:
                    has_phone = False
                phone_col = ""
                if has_phone and site.phone_field and u[4] < site.phone_fill:
                    style = site.phone_field if site.phone_field != "raw" else (
                        p.phone_style if p.phone_style in _DIGIT_STYLES else "spaces")
                    phone_col = spell_phone(shown, style)
                text_tel = ""
                if has_phone and (u[5] < site.in_text * (0.6 + 0.4 * p.phone_in_text) or (not phone_col and site.phone_field == "" and u[5] < 0.9)):
                    style = p.phone_style
                    if site.obfuscate and u[6] < site.obfuscate:
                        style = _DISGUISES[int(u[7] * len(_DISGUISES))]
                    elif site.category == "escorting" and style in _DISGUISES:
                        style = "spaces"
                    text_tel = spell_phone(shown, style)
                    if p.second and shown != p.second and u[12] < 0.3:
                        text_tel += " ou " + spell_phone(p.second, style)
                    if in_text_extra:
                        text_tel += f" (ou directement {p.name} : {spell_phone(in_text_extra, 'spaces')})"
                if text_tel:
                    contact = v.contact_tel.replace("{tel}", text_tel)
                elif phone_col and u[13] < 0.5:
                    contact = ""
                else:
                    contact = v.contact_notel
                # Age.
                age = p.age
                if u[10] < p.age_jitter:
                    age = max(18, age + _JITTER[int(u[10] / p.age_jitter * len(_JITTER)) % len(_JITTER)])
                age_s = str(age)
                ville_txt = p.text_town.get(town) or self.town_names[town]
                text_age = age_s
                if net is not None and u[20] < _AGE_CLASH:  # the fiche and the text disagree
                    text_age = str(age + 1 + int(u[21] * 4))
                text = v.text.replace("{ville}", ville_txt).replace("{age}", text_age).replace("{contact}", contact)
                if "{d1}" in text:
                    d1 = _START + timedelta(days=max(0, day - 1))
                    d2 = d1 + timedelta(days=int(3 + u[14] * 5))
                    text = text.replace("{d1}", d1.strftime("%d/%m")).replace("{d2}", d2.strftime("%d/%m"))
                text = text.rstrip()
                title = v.title.replace("{ville}", ville_txt).replace("{age}", age_s)
                if u[15] < 0.06:
                    title = title.upper()
                elif u[15] > 0.95:
                    title = _TITLE_PREFIXES[int((u[15] - 0.95) / 0.05 * len(_TITLE_PREFIXES)) % len(_TITLE_PREFIXES)] + title
                titles[j] = title
                texts[j] = text
                phones[j] = phone_col
                # Age field.
                if site.age_field and (u[16] < p.fills_age):
                    ages[j] = f"{age_s} ans" if site.age_field == "ans" else age_s
                else:
                    ages[j] = ""
                # Pseudo.
                pseudos[j] = self._pseudo(p, net, site, day, handle_days, u)
                communes[j] = self._commune(p, site, town, u)
        self.titles, self.texts, self.phones, self.pseudos, self.ages, self.communes = titles, texts, phones, pseudos, ages, communes
        self._duos()
        return self._assemble()

    def _town_at(self, p: _Person, day: int) -> str:
        for a, b, town in p.intervals:
            if a <= day < b:
                return town
        best = min(p.intervals, key=lambda x: min(abs(day - x[0]), abs(day - x[1])))
        return best[2]

    def _pseudo(self, p, net, site, day, handle_days, u) -> str:
        if not site.pseudo:
            return ""
        if u[17] < p.drop_pseudo and site.pseudo == "handle":
            return ""
        if net is not None and site.pseudo == "handle" and u[8] < net.account_share:
            return net.account
        name = p.stage_names[0][1]
        for s, n in p.stage_names:
            if s <= day:
                name = n
        if site.pseudo == "prenom":
            return name if u[18] > 0.1 else name.upper()
        if site.category == "rencontres" and p.dating_handle:
            return p.dating_handle
        return p.handles[max(0, int(np.searchsorted(handle_days, day, side="right")) - 1)][1]

    def _commune(self, p: _Person, site: _Site, town: str, u) -> str:
        names, postcodes = self.town_names, self.postcodes
        name = names[town]
        row = self.towns.get(town)
        pole = row[2] if row else town
        if site.commune.startswith("liste"):
            listed = town if town in _LIST_TOWNS else pole
            if listed not in _LIST_TOWNS:
                listed = "59350"
            shown = names[listed]
            if site.commune == "liste_maj":
                return shown.upper()
            if site.commune == "liste_dep":
                return f"{shown} ({DEPARTEMENT})"
            return shown
        if site.commune == "cp":
            if u[19] < 0.04:
                return ""
            return f"{name} ({postcodes[town][0]})"
        k = int(np.searchsorted(np.cumsum(p.commune_w), u[11] * p.commune_w.sum(), side="right"))
        style = p.commune_styles[min(k, len(p.commune_styles) - 1)]
        return self._write_commune(style, town, name, pole, u[10])

    def _write_commune(self, style: str, town: str, name: str, pole: str, r: float) -> str:
        row = self.towns.get(town)
        codes = self.postcodes.get(town, ("",))
        code = codes[0] if r < 0.8 or len(codes) == 1 else codes[1 + int((r - 0.8) / 0.2 * (len(codes) - 1)) % (len(codes) - 1)]
        if style == "officiel":
            return name
        if style == "sans_accents":
            s = _plain(name)
            return s.lower() if r < 0.5 else s.replace("-", " ")
        if style == "majuscules":
            return name.upper() if r < 0.5 else _plain(name).upper()
        if style == "cp_nom":
            return f"{code} {name}" if r < 0.7 else f"{code} {_plain(name)}"
        if style == "nom_cp":
            return f"{name} {code}" if r < 0.5 else f"{name} ({code})"
        if style == "cp":
            return code
        if style == "nom_dep":
            return f"{name} ({DEPARTEMENT})" if r < 0.6 else f"{name} {DEPARTEMENT}"
        if style == "centre":
            return (f"{name} centre", f"{name} centre-ville", f"{name} Centre", f"hyper centre {name}", f"{name} gare")[int(r * 5)]
        if style == "quartier":
            if row and row[5]:
                return row[5][int(r * len(row[5]))]
            return f"{name} centre"
        if style == "proche":
            big = self.town_names[pole]
            if pole != town:
                return (f"proche {big}", f"près de {big}", f"secteur {big}", f"{big} et environs", f"entre {big} et {name}")[int(r * 5)]
            return (f"{name} et alentours", f"{name} et environs", f"secteur {name}", f"région de {name}")[int(r * 4)]
        if style == "court":
            if row and row[3]:
                return row[3][int(r * len(row[3]))]
            return name
        if style == "faute":
            if row and row[4]:
                return row[4][int(r * len(row[4]))]
            s = _plain(name)
            cut = 1 + int(r * (len(s) - 2))
            return s[:cut] + s[cut + 1:]
        if style == "departement":
            return ("Nord", DEPARTEMENT, f"Nord ({DEPARTEMENT})", "Nord Pas de Calais", "Hauts-de-France")[int(r * 5)]
        if style == "vide":
            return ""
        if style == "metropole":
            if town in _METROPOLE:
                return ("Métropole lilloise", "MEL", "Lille métropole", "métropole de Lille")[int(r * 4)]
            return name
        return name

    def _duos(self) -> None:
        """A small share of a flat-sharing person's ads present her and her flatmate together."""
        rng = self.rng
        has_partner = np.array([p.partner >= 0 for p in self.persons])
        candidates = np.flatnonzero(has_partner[self.person_of] & (rng.random(len(self.person_of)) < _DUO_SHARE))
        for j in candidates:
            j = int(j)
            p = self.persons[int(self.person_of[j])]
            q = self.persons[p.partner]
            day = int(self.day_of[j])
            if not any(a <= day < b for a, b, _ in q.intervals):
                continue
            town = self._town_at(p, day)
            ville = p.text_town.get(town) or self.town_names[town]
            qname = q.name
            pname = p.name
            for s, n in p.stage_names:
                if s <= day:
                    pname = n
            duo = (f"Duo de copines à {ville} ! {pname} et {qname}, deux amies complices, vous reçoivent ensemble ou "
                   f"séparément dans un appartement discret. {self._fill('{Hair} aux yeux {eyes}', self._slots(q, False))} "
                   f"pour {qname}.")
            text = self.texts[j]
            self.texts[j] = duo + " " + text
            self.titles[j] = _pick(rng, (f"Duo {pname} et {qname}", f"Duo de copines {ville}", f"{pname} & {qname}"))

    def _assemble(self) -> tuple[pd.DataFrame, pd.DataFrame]:
        rng = self.rng
        copies = self.copies
        m = len(self.person_of)
        # Expand the mirror group: one row per site of the group that shows the ad.
        rows_posting = np.repeat(np.arange(m), copies)
        site_names = np.empty(len(rows_posting), dtype=object)
        sites_plain = np.array([s.name for s in _SITES] + ["?"], dtype=object)
        site_names[:] = sites_plain[np.minimum(self.site_of[rows_posting], _G)]
        is_group_row = self.site_of[rows_posting] == _G
        group_rows = np.flatnonzero(is_group_row)
        # Which group sites: the rows of one posting are consecutive.
        mirror = np.array(_MIRROR_SITES, dtype=object)
        site_cols = []
        for r in self.seen[: len(self.group_idx)]:
            site_cols.append(np.flatnonzero(r))
        if len(group_rows):
            flat = np.concatenate([site_cols[k] for k in range(len(self.group_idx))]) if site_cols else np.array([], int)
            site_names[group_rows] = mirror[flat]
        days = self.day_of[rows_posting].copy()
        lag = np.where(is_group_row, rng.integers(0, 3, size=len(days)), 0)
        days = self._collect[np.minimum(days + lag, self.days - 1)]
        texts = np.array(self.texts, dtype=object)[rows_posting]
        trunc = np.flatnonzero(site_names == _TRUNCATING_MIRROR)
        for r in trunc:
            t = texts[r]
            if len(t) > _TRUNCATE_AT:
                texts[r] = t[:_TRUNCATE_AT].rstrip() + "..."
        day_strings = np.array([(_START + timedelta(days=int(d))).isoformat() for d in range(self.days)], dtype=object)
        frame = pd.DataFrame({
            "site": site_names,
            "date_collecte": day_strings[days],
            "commune_declaree": np.array(self.communes, dtype=object)[rows_posting],
            "titre": np.array(self.titles, dtype=object)[rows_posting],
            "texte": texts,
            "telephone": np.array(self.phones, dtype=object)[rows_posting],
            "pseudo": np.array(self.pseudos, dtype=object)[rows_posting],
            "age_declare": np.array(self.ages, dtype=object)[rows_posting],
        })
        person_ids = np.array([f"P{k:05d}" for k in rng.permutation(len(self.persons)) + 1], dtype=object)
        network_ids = np.array([f"R{k:04d}" for k in rng.permutation(len(self.networks)) + 1] + [""], dtype=object)
        who = self.person_of[rows_posting]
        net_of = np.array([p.network for p in self.persons], dtype=np.int64)
        # Rows in the order the collector met them: by day, then in no meaningful order.
        shuffle = np.lexsort((rng.random(len(days)), days))
        frame = frame.iloc[shuffle].reset_index(drop=True)
        ids = np.array([f"A{k + 1:07d}" for k in range(len(frame))], dtype=object)
        frame.insert(0, "id_annonce", ids)
        truth = pd.DataFrame({"id_annonce": ids, "id_personne": person_ids[who[shuffle]],
                              "id_reseau": network_ids[net_of[who[shuffle]]]})
        return frame[list(COLUMNS)], truth[list(TRUTH_COLUMNS)]


# --------------------------------------------------------------------------------------------
# Public API
# --------------------------------------------------------------------------------------------

def _world(n_ads: int, seed: int) -> _World:
    world = _World(n_ads, seed)
    world.build_persons()
    world.allocate_numbers()
    world.build_texts()
    world.plan_postings()
    return world


def fourth_world(n_ads: int, seed: int = 2027) -> tuple[pd.DataFrame, pd.DataFrame]:
    """The collection sheet (COLUMNS) and its truth (TRUTH_COLUMNS): n_ads ads, deterministic."""
    if n_ads <= 0:
        return pd.DataFrame(columns=list(COLUMNS), dtype=str), pd.DataFrame(columns=list(TRUTH_COLUMNS), dtype=str)
    return _world(int(n_ads), int(seed)).render()


def write_fourth_world(n_ads: int, folder, seed: int = 2027) -> list[Path]:
    """Writes folder/annonces-SYNTHETIQUE.csv and folder/verite/annonces-SYNTHETIQUE.csv."""
    sheet, truth = fourth_world(n_ads, seed)
    folder = Path(folder)
    (folder / "verite").mkdir(parents=True, exist_ok=True)
    paths = [folder / "annonces-SYNTHETIQUE.csv", folder / "verite" / "annonces-SYNTHETIQUE.csv"]
    sheet.to_csv(paths[0], index=False, encoding="utf-8", lineterminator="\n")
    truth.to_csv(paths[1], index=False, encoding="utf-8", lineterminator="\n")
    return paths
