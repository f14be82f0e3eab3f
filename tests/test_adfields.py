"""Step 7: the fields read from an ad's text before it is masked (hand-written cases)."""

import math

import pandas as pd

from diagnostic import adfields, ads
from diagnostic.privacy import phone_neighbour_keys, phone_pseudonyms


def test_first_name_in_the_ways_ads_introduce_the_person():
    assert adfields.first_name("Coucou, moi c'est Axelle, 28 ans.") == "Axelle"
    assert adfields.first_name("Bonjour je suis Melina, brune.") == "Melina"
    assert adfields.first_name("Je m'appelle Sofia") == "Sofia"
    assert adfields.first_name("Nouvelle à Lens : Kim, 22 ans, douce.") == "Kim"
    assert adfields.first_name("Je suis Nouvelle sur Arras, je suis ouverte") == ""   # not names
    assert adfields.first_name("Massage relaxant à Lens") == ""
    # a profile sheet's label, and a known first name set off by a comma
    assert adfields.first_name("Prénom : Nadia | Âge : 24 ans | Yeux : verts") == "Nadia"
    assert adfields.first_name("Bonsoir messieurs, Emma, française, corps athlétique.") == "Emma"
    assert adfields.first_name("Venez découvrir Chloé, douce et souriante.") == "Chloé"
    # the third person, a signature, a lower-case name opening the text under its title
    assert adfields.first_name("Marta est une belle blonde finlandaise, élégante et raffinée.") == "Marta"
    assert adfields.first_name("Lyon est une grande ville, je reçois près du tram.") == ""
    assert adfields.first_name("Salut, Samia ici, douce et pleine de charme.") == "Samia"
    assert adfields.first_name("Olga is a pretty Ukrainian, 24 years old.") == ""
    assert adfields.fields("Nouvelle à Lyon", "hanna, belle blonde, vous reçoit sur lyon.", "")[0] == "hanna"
    assert adfields.first_name("Lens, belle brune, discrète.") == ""   # a town, not a first name
    assert adfields.first_name("Bonjour, nouvelle sur Arras.") == ""
    # a text written all in lower case: a known first name between punctuation marks
    assert adfields.first_name("hello, camila, pulpeuse. pour un moment agréable") == "camila"
    assert adfields.first_name("emma, brune. compagnie agréable") == "emma"
    assert adfields.first_name("salut a tous, je recois a lens, discretion assuree") == ""
    assert adfields.first_name("lingerie rose, talons hauts") == ""   # a known name, not set off
    # the age right after the name, and a name presented
    assert adfields.first_name("Luana 25 ans de passage \n De retour ! Elle vous propose un moment") == "Luana"
    assert adfields.first_name("Dispo dès maintenant. Eva 27 ans rousse nouvelle sur Obernai.") == "Eva"
    assert adfields.first_name("Paloma (23 ans), ravissante argentine") == "Paloma"
    assert adfields.first_name("Agence Sata vous présente Lucia. Âge : 30 ans") == "Lucia"
    assert adfields.first_name("Découvrez Sarah : sportive et souriante.") == "Sarah"
    assert adfields.first_name("Nouvelle 25 ans, de passage à Lens") == ""    # no name before the age
    assert adfields.first_name("Je vous présente mes services, 30 ans") == ""


def test_the_same_first_name_gives_the_same_key_whatever_its_spelling():
    assert adfields.name_key("Zoé") == adfields.name_key("ZOE") != adfields.name_key("Zia")
    assert adfields.name_key("Zoé").startswith("PRE-") and "zo" not in adfields.name_key("Zoé")[4:6]


def test_declared_age_from_the_cell_then_from_the_text():
    assert adfields.declared_age("28 ans", "") == 28
    assert adfields.declared_age("", "Lina, 31 ans, brune") == 31
    assert adfields.declared_age("", "New in town, 24 years old") == 24
    assert math.isnan(adfields.declared_age("", "disponible 24h/24, 7 jours"))


def test_declared_height_in_the_spellings_ads_use():
    # "1m68", "1 m 60", "1,65 m", "1.64m", "168 cm", a profile's label, German; all in centimetres
    assert [adfields.declared_height(t) for t in ("Brune, 1m68, 55 kg", "je mesure 1 m 60", "grande (1,65 m)",
                                                   "1.64m", "Taille : 157 cm | Yeux : bleus", "taille 1,70, mince",
                                                   "Größe: 170 cm")] == [168, 160, 165, 164, 157, 170, 170]
    # hours, prices and a bare "1m" are not heights
    assert all(math.isnan(adfields.declared_height(t)) for t in ("rdv 1h30", "1,50 € le café", "1m de la gare", ""))


def test_description_and_languages():
    assert adfields.description("Blonde aux yeux bleus, petite et pulpeuse, brésilienne") == [
        "blond", "bresilien", "petit", "pulpeux", "yeux-bleus"]
    assert adfields.description("Moment de détente") == []
    # as profile sheets and plurals write them
    assert adfields.description("Cheveux : blonde | Yeux : marron | Silhouette : menue") == [
        "blond", "petit", "yeux-marron"]
    assert adfields.description("Prénom : Camila | Nationalité : argentine | Yeux : noisette") == [
        "argentin", "yeux-marron"]
    # in English, as profile sheets and running text write them ("Spanish", a language, is no origin)
    assert adfields.description("Name: Valentina | Nationality: Colombian | Hair: blonde | Eyes: brown | "
                                "Languages: English, Spanish") == ["blond", "colombien", "yeux-marron"]
    assert adfields.description("sweet redhead, green eyes, slim and tattooed") == [
        "mince", "roux", "tatoue", "yeux-verts"]
    assert adfields.description("Hair: light brown | Eyes: hazel") == ["chatain", "yeux-marron"]
    assert adfields.description("aux yeux marrons, cheveux bruns, 1m61") == ["brun", "yeux-marron"]
    assert adfields.description("Jolie brunette aux yeux noisette") == ["brun", "yeux-marron"]
    assert adfields.description("blondinette aux yeux bleu clair") == ["blond", "yeux-bleus"]
    assert adfields.description("cheveux noirs, yeux verts") == ["brun", "yeux-verts"]


def test_what_a_description_speaks_of():
    assert adfields.trait_kinds(adfields.description("belle brune")) == ["cheveux"]
    assert adfields.trait_kinds(adfields.description("aux yeux noisette, 1m70")) == ["yeux"]
    assert adfields.trait_kinds(adfields.description("Brune, pulpeuse, tatouée, colombienne")) == [
        "cheveux", "origine", "peau", "silhouette"]
    assert adfields.trait_kinds([]) == []
    bits = lambda text: adfields.trait_bits(adfields.description(text))  # noqa: E731
    assert bits("belle brune") & bits("aux yeux verts") == 0 and bits("belle brune") & bits("blonde, mince") > 0
    assert bits("") == 0 and bits("Brune, pulpeuse, tatouée, colombienne, yeux verts") == 0b11111


def test_a_description_as_bits_says_which_words_two_descriptions_share():
    def bits(words):   # the two signed 64-bit integers read back as one unsigned number
        low, high = adfields.description_bits(words)
        return (high % (1 << 64)) << 64 | (low % (1 << 64))

    words = lambda text: bits(adfields.description(text))  # noqa: E731
    brune, brune_mince, yeux_verts = words("brune"), words("brune et mince"), words("yeux verts")
    assert brune & brune_mince == brune and brune & yeux_verts == 0 and words("") == 0
    # every word its own bit, beyond the first 64 too
    vocabulary = adfields.DESCRIPTION_VOCABULARY
    assert len(vocabulary) > 64 and {1 << k for k in range(len(vocabulary))} == {bits([w]) for w in vocabulary}


def test_an_exclusive_trait_is_the_one_colour_an_ad_gives():
    words = adfields.description("Blonde aux yeux verts, mince")
    assert adfields.exclusive_trait(words, "yeux") == "yeux-verts"
    assert adfields.exclusive_trait(words, "cheveux") == "blond"
    # none given, or two that contradict each other in one ad: nothing said of one person
    assert adfields.exclusive_trait(adfields.description("Petite et mince"), "yeux") == ""
    assert adfields.exclusive_trait(adfields.description("Blonde ou brune selon vos envies"), "cheveux") == ""
    assert adfields.languages("Je parle anglais et espagnol.") == ["anglais", "espagnol"]
    assert adfields.languages("I speak english") == ["anglais"]
    assert adfields.languages("Anglaise de passage") == []


def test_phones_inside_the_text_are_pseudonymised_like_the_phone_column():
    found, neighbours = adfields.text_phones("Appelez-moi au 05 36 49 12 34 ou au +33536491235.")
    assert found == sorted([phone_pseudonyms("0536491234")[0], phone_pseudonyms("0536491235")[0]])
    assert all(key.startswith("TEL-") for key in found)
    assert neighbours == sorted(set(phone_neighbour_keys("0536491234").split(";"))
                                | set(phone_neighbour_keys("0536491235").split(";")))
    assert adfields.text_phones("Disponible 24h/24") == ([], [])
    # in every spelling the masking knows: words, O's for zeros, stars
    same = adfields.text_phones("au 05 36 49 12 34")
    for written in ("zéro cinq trente-six quarante-neuf douze trente-quatre", "O5 36 49 12 34", "05*36*49*12*34"):
        assert adfields.text_phones(f"Appelez-moi au {written}, bisous") == same


def test_commune_spellings_meet_on_the_insee_code():
    written = ["lens centre", "62300 Lens", "LENS", "Arras gare", "Hénin-Beaumont", "Trifouillis"]
    assert adfields.commune_codes(written, "62") == ["62498", "62498", "62498", "62041", "62427", "trifouillis"]
    assert adfields.commune_key("lens centre ville") == "lens"
    assert adfields.commune_key("Lens et environs") == adfields.commune_key("Lens et ses alentours") == "lens"


def test_reading_extracts_the_fields_and_masks_the_first_name(tmp_path):
    sheet = tmp_path / "annonces.csv"
    pd.DataFrame([{"id_annonce": "A1", "site": "s.example", "commune_declaree": "lens centre", "titre": "Douceur",
                   "texte": "Moi c'est Axelle, 28 ans, blonde. Je parle anglais. Appelez le 05 36 49 12 34.",
                   "telephone": "", "pseudo": "", "age_declare": ""}]).to_csv(sheet, index=False)
    row = ads.read_ads(sheet).iloc[0]
    assert row["prenom_pseudo"] == adfields.name_key("Axelle") and row["age"] == 28
    assert row["description"] == "blond" and row["langues"] == "anglais" and row["commune_cle"] == "lens"
    assert row["telephones_texte"] == phone_pseudonyms("0536491234")[0]
    assert "Axelle" not in row["texte"] and "05 36" not in row["texte"] and "[pseudo]" in row["texte"]
