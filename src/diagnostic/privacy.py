"""Pseudonymisation on reading: names, e-mails and phone numbers never reach a notebook.

A phone number or a pseudonym is replaced by a keyed hash (HMAC-SHA256): the same value
always gives the same pseudonym, so that the analyses can still tell that two ads carry
the same number, but the number itself cannot be read back without the key. With a
public key, anyone could hash every French number and reverse the pseudonyms: real data
(`nature: reelles`) are refused without a secret key (`require_key`). The key is created
once by `diagnostic cle --sortie FICHIER` (`write_key`), kept outside the project, and
named before each run by the environment variable DIAGNOSTIC_FICHIER_CLE (the file) or
DIAGNOSTIC_CLE_PSEUDONYMISATION (the key itself). Synthetic and published-figure
editions use a public default key.
"""

from __future__ import annotations

import hashlib
import hmac
import csv
import os
import re
import secrets
import unicodedata
from functools import lru_cache
from pathlib import Path

import gender_guesser.detector as gender_guesser
import phonenumbers

from .errors import InputError, Problem
from .text import without_accents

KEY_VARIABLE = "DIAGNOSTIC_CLE_PSEUDONYMISATION"
KEY_FILE_VARIABLE = "DIAGNOSTIC_FICHIER_CLE"
_DEFAULT_KEY = "manuel-diagnostic-donnees-synthetiques"
MIN_KEY_LENGTH = 32  # characters; `write_key` writes 43 (256 random bits)
PHONE_MASK = "[téléphone]"
EMAIL_MASK = "[courriel]"
NAME_MASK = "[pseudo]"
FULL_NAME_MASK = "[nom]"
# A phone cell from its first digit (or "+") to its last, and a digit masked within it.
_WITHIN_DIGITS = re.compile(r"\+?\d(?:.*\d)?", re.DOTALL)
_MASKED_DIGIT = re.compile(r"[^\W\d_]|\*")

# Nine digits at least, possibly separated by spaces, dots, dashes or "+": the shortest a
# French number can be written (+33 6 12 34 56 78 has eleven). A cheap test before the
# phonenumbers matcher, which is slow on a million ads.
DIGIT_RUN = re.compile(r"\d(?:[\s.\-()+]{0,2}\d){8,}")

# E-mail addresses, also written to escape robots: "prenom.nom (at) fournisseur.fr",
# "[at]", " arobase ", "(dot)", "[point]", " point ".
_OPEN, _CLOSE = r"[\(\[\{<]", r"[\)\]\}>]"
_AT = rf"(?:\s*@\s*|\s*{_OPEN}\s*(?:at|arobase|@)\s*{_CLOSE}\s*|\s+(?:at|arobase)\s+)"
_DOT = rf"(?:\.|\s*{_OPEN}\s*(?:dot|point|\.)\s*{_CLOSE}\s*|\s+(?:dot|point)\s+)"
# Found from its "at" outwards: a search from every word would be slow on whole pages.
_AT_RE = re.compile(_AT, re.IGNORECASE)
_LOCAL_PART = re.compile(rf"[\w+-]+(?:{_DOT}[\w+-]+)*$", re.IGNORECASE)
_DOMAIN = re.compile(rf"[\w-]+(?:{_DOT}[\w-]+)*{_DOT}[^\W\d_]{{2,24}}(?!\w)", re.IGNORECASE)
_LONGEST_PART = 120

# Separators between the groups of a number written to escape robots ("06/45/21/87/93",
# "06_12_34_56_78", "06,12,34,56,78"): four separators at least, so that a date
# (02/10/2018) or an amount (1,500,000) is left alone.
_SEPARATED = re.compile(r"(?<!\d)(?:\+|00)?\d{1,4}(?:[ \t]*[/_,|*~][ \t]*\d{1,4}){4,}(?!\d)")
_ODD_SEPARATOR = re.compile(r"[ \t]*[/_,|*~][ \t]*")
_ODD_SEPARATOR_IN_DIGITS = re.compile(r"\d[ \t]*[/_,|*~][ \t]*\d")   # a quick test before `_SEPARATED`
# Invisible characters (zero-width spaces, joiners, soft hyphens…: Unicode format characters).
_INVISIBLE = re.compile("[" + "".join(chr(c) for c in range(0x110000)
                                      if unicodedata.category(chr(c)) == "Cf" and c < 0xE0000) + "]")
# A quick test before `_INVISIBLE`, whose long class is slow to scan: the soft hyphen, or a
# character from U+0600 on, where every other invisible character is (French accented letters
# come before; the curly apostrophe and the euro sign after, so a text with one is scanned)
_MAY_BE_INVISIBLE = re.compile("[\xad\u0600-\U0010ffff]")
# The letter O written for a zero inside a number ("O6 39 98 12 O4"): ten digits or O's, in
# pairs or not, with at least six true digits (tested only where an O touches a digit).
_LETTER_O = re.compile(r"(?<![^\W\d_])[0-9Oo](?:[ .\-]?[0-9Oo]){9}(?![^\W\d_])")
_O_BY_A_DIGIT = re.compile(r"[Oo]\d|\d[ .\-]?[Oo]")
# A date at the start of a candidate number ("02 10 2018 14"): not a phone number.
_DATE = re.compile(r"^\d{1,2}\D{1,3}\d{1,2}\D{1,3}(?:19|20)\d{2}(?!\d)")
# A French number written the usual way: "06 39 98 12 34", "0639981234", "+33 6.39.98.12.34",
# "0033639981234" (libphonenumber gives "+33" and its last nine digits: `test_privacy`).
_USUAL_FRENCH = re.compile(r"(?:0|(?:\+|00)33[ .\-]?)[1-9](?:[ .\-]?\d){8}")


def _french_numbers() -> dict[str, int]:
    """Every spelling of 0 to 99 in French (France, Belgium, Switzerland), accents and hyphens removed."""
    units = ["zero", "un", "deux", "trois", "quatre", "cinq", "six", "sept", "huit", "neuf"]
    teens = ["dix", "onze", "douze", "treize", "quatorze", "quinze", "seize", "dix-sept", "dix-huit", "dix-neuf"]
    words = {word: value for value, word in enumerate(units + teens)}
    tens = {20: ["vingt"], 30: ["trente"], 40: ["quarante"], 50: ["cinquante"], 60: ["soixante"],
            70: ["septante"], 80: ["quatre-vingt", "quatre-vingts", "huitante", "octante"], 90: ["nonante"]}
    for ten, names in tens.items():
        for name in names:
            words[name] = ten
            if name == "quatre-vingts":
                continue  # "quatre-vingts" alone; 81 is "quatre-vingt-un"
            for unit in range(1, 10):
                words[f"{name}-{units[unit]}"] = ten + unit
            words[f"{name}-et-un"] = ten + 1
    for base, name in ((60, "soixante"), (80, "quatre-vingt")):  # 70-79 and 90-99 as France says them
        for teen in range(10, 20):
            words[f"{name}-{teens[teen - 10]}"] = base + teen
        words[f"{name}-et-onze"] = base + 11
    return words


FRENCH_NUMBERS = _french_numbers()
_NUMBER_WORD = "|".join(sorted((w.replace("-", r"[\s-]+").replace("zero", "z[eé]ro") for w in FRENCH_NUMBERS),
                               key=len, reverse=True))
_NUMBER_WORD_RE = re.compile(rf"(?<![^\W\d_])(?:{_NUMBER_WORD})(?![^\W\d_])", re.IGNORECASE)
# A number spelled out, group after group, from its first "zéro" ("zéro six douze trente-quatre…").
_SPELLED = re.compile(rf"(?<![^\W\d_])z[eé]ro(?:[\s,.;:-]+(?:{_NUMBER_WORD}))+(?![^\W\d_])", re.IGNORECASE)
_ZERO = re.compile("z[eé]ro", re.IGNORECASE)   # a quick test before `_SPELLED`, which starts so


HOW_TO_CREATE_KEY = (
    "créez une fois pour toutes une clé secrète, hors du dossier du projet, avec "
    "« diagnostic cle --sortie ~/.config/diagnostic/cle-pseudonymisation.txt », gardez-en une copie en lieu "
    f"sûr, puis indiquez-la avant chaque run : « export {KEY_FILE_VARIABLE}=~/.config/diagnostic/"
    "cle-pseudonymisation.txt » (voir la page « Éthique et confidentialité »)")


@lru_cache(maxsize=4)
def _key_in_file(path: str) -> str:
    try:
        return Path(path).expanduser().read_text(encoding="utf-8").strip()
    except (OSError, UnicodeDecodeError):
        raise InputError(path, [Problem("fichier", None, f"la clé de pseudonymisation nommée par {KEY_FILE_VARIABLE}, "
                                                         "un fichier lisible écrit par « diagnostic cle »")]) from None


def secret_key() -> str | None:
    """The département's secret key, from DIAGNOSTIC_CLE_PSEUDONYMISATION or the file
    named by DIAGNOSTIC_FICHIER_CLE; None when neither is set."""
    if os.environ.get(KEY_VARIABLE):
        return os.environ[KEY_VARIABLE].strip()
    if os.environ.get(KEY_FILE_VARIABLE):
        return _key_in_file(os.environ[KEY_FILE_VARIABLE])
    return None


def require_key(nature: str, source: str | Path = "paramètres") -> None:
    """Refuse real data without a secret key (before anything is read), in French.

    `source`: the parameters file, named in the message.
    """
    if nature != "reelles":
        return
    key = secret_key()
    if key is None:
        raise InputError(source, [Problem("clé « donnees.nature »", nature,
                                          "pour des données réelles, une clé secrète de pseudonymisation "
                                          "(sans elle, un pseudonyme de téléphone se retrouve en essayant tous "
                                          "les numéros) : " + HOW_TO_CREATE_KEY)])
    if len(key) < MIN_KEY_LENGTH or key == _DEFAULT_KEY:
        raise InputError(source, [Problem("clé de pseudonymisation", f"{len(key)} caractères",
                                          f"une clé secrète d'au moins {MIN_KEY_LENGTH} caractères, différente de la "
                                          "clé publique des données synthétiques : " + HOW_TO_CREATE_KEY)])


def write_key(path: str | Path, project: Path | None = None) -> Path:
    """Write a new secret key (256 random bits) into a new file readable by its owner only.

    Never overwrites a file (losing a key in use would change every pseudonym), never
    writes inside the `project` folder (which is copied, shared, versioned).
    """
    path = Path(path).expanduser().absolute()
    if project is not None and path.resolve().is_relative_to(project.resolve()):
        raise InputError(path, [Problem("dossier", str(path.parent), "un dossier hors du projet (qui est copié, "
                                        "partagé, versionné), par exemple ~/.config/diagnostic/")])
    if path.exists():
        raise InputError(path, [Problem("fichier", "existe déjà", "un fichier qui n'existe pas encore (une clé en "
                                        "usage n'est jamais remplacée : ses pseudonymes changeraient tous)")])
    path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(descriptor, "w", encoding="utf-8") as handle:
        handle.write(secrets.token_urlsafe(32) + "\n")
    os.chmod(path, 0o600)
    return path


def _key() -> bytes:
    return (secret_key() or _DEFAULT_KEY).encode("utf-8")


def pseudonym(kind: str, value: str, length: int = 10) -> str:
    """A stable pseudonym, e.g. pseudonym("TEL", "+33639981234") → "TEL-3f9a0c…"."""
    return _pseudonym(_key(), kind, value, length)


@lru_cache(maxsize=1 << 18)
def _pseudonym(key: bytes, kind: str, value: str, length: int = 10) -> str:
    digest = hmac.new(key, f"{kind}:{value}".encode("utf-8"), hashlib.sha256).hexdigest()
    return f"{kind}-{digest[:length]}"


@lru_cache(maxsize=1 << 16)
def normalise_phone(text: str) -> str | None:
    """A French phone number as written ("06.39.98.12.34", "+33 6 39…", "zéro six…", "O6…")
    in E.164, or None.

    Letters left once spelled numbers and O's are digits are no digits: around the number
    (« tél. », a name) they are dropped; within it, or a « * », a digit is masked and there
    is no number — libphonenumber would read letters on a phone's keypad, a number masked
    until clicked (« 06 39 98 XX XX ») as 06 39 98 99 99, one number for every ad so masked.
    The fiction ranges are "possible" but not "valid" numbers for libphonenumber: possible
    is what is checked here.
    """
    digits = _WITHIN_DIGITS.search(_normalised(str(text))[0])
    if digits is None or _MASKED_DIGIT.search(digits.group(0)):
        return None
    if _USUAL_FRENCH.fullmatch(digits.group(0)):   # most numbers, read without libphonenumber (a million ads)
        return "+33" + re.sub(r"\D", "", digits.group(0))[-9:]
    return _e164(digits.group(0))


def _e164(written: str) -> str | None:
    """A number's digits, as `normalise_phone` finds them, in E.164 as libphonenumber reads
    them (a French number unless it starts with a country code), or None."""
    try:
        number = phonenumbers.parse(written, "FR")
    except phonenumbers.NumberParseException:
        return None
    if not phonenumbers.is_possible_number(number):
        return None
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)


def phone_pseudonyms(text: str) -> tuple[str, str]:
    """(pseudonym of the number, pseudonym of the number without its last two digits).

    The second one lets step 7 see numbers "dont seuls les deux derniers chiffres varient"
    (a network index of section V-A-4) without revealing them. Empty when no number.
    """
    e164 = normalise_phone(text) if text else None
    if not e164:
        return "", ""
    key = _key()
    return _pseudonym(key, "TEL", e164), _pseudonym(key, "PFX", e164[:-2])


def _spelled_digits(spelled: str) -> str:
    """"zéro six douze trente-quatre" → "061234"."""
    values = [FRENCH_NUMBERS[re.sub(r"[\s-]+", "-", without_accents(m.group(0)).lower())]
              for m in _NUMBER_WORD_RE.finditer(spelled)]
    return "".join(str(v) for v in values)


def _substitute(text: str, spans: list[tuple[int, int]], pattern: re.Pattern, replace) -> tuple[str, list]:
    """`pattern.sub(replace, text)`, keeping for every character the span of the original it comes from."""
    pieces, new_spans, last = [], [], 0
    for match in pattern.finditer(text):
        if match.start() == match.end():
            continue
        pieces.append(text[last:match.start()])
        new_spans += spans[last:match.start()]
        replacement = replace(match)
        origin = (spans[match.start()][0], spans[match.end() - 1][1])
        pieces.append(replacement)
        new_spans += [origin] * len(replacement)
        last = match.end()
    pieces.append(text[last:])
    new_spans += spans[last:]
    return "".join(pieces), new_spans


def _normalised(text: str) -> tuple[str, list[tuple[int, int]] | None]:
    """The text with numbers written to escape robots rewritten in digits, and for every
    character the span of the original text it comes from (None: the text is unchanged)."""
    # (a quick test that the long pattern may match, the pattern, its rewrite)
    rewrites = ((_MAY_BE_INVISIBLE.search, _INVISIBLE, lambda m: ""),
                (_ODD_SEPARATOR_IN_DIGITS.search, _SEPARATED, lambda m: _ODD_SEPARATOR.sub(" ", m.group(0))),
                (_ZERO.search, _SPELLED, lambda m: _spelled_digits(m.group(0))),  # "zéro six…"
                (_O_BY_A_DIGIT.search, _LETTER_O, _zeros))
    spans = None  # built only when a rewrite is needed (most texts have none)
    for may_match, pattern, rewrite in rewrites:
        if may_match(text) and pattern.search(text):
            spans = spans or [(k, k + 1) for k in range(len(text))]
            text, spans = _substitute(text, spans, pattern, rewrite)
    return text, spans


def _zeros(match: re.Match) -> str:
    """A number written with O's for zeros, in digits (left as written with fewer than six digits)."""
    written = match.group(0)
    return re.sub("[Oo]", "0", written) if sum(c.isdigit() for c in written) >= 6 else written


@lru_cache(maxsize=4)   # an ad's title and text: read for step 7, then masked
def _found_phones(text: str) -> tuple[tuple[tuple[int, int], str], ...]:
    """The phone numbers written in the text, in every spelling: where (start, end, in the
    text as written) and the number in digits (as `phonenumbers` read it).

    The one detection shared by the masking on reading, the publication check and the
    phones step 7 reads in the text: any number `phonenumbers` finds with leniency POSSIBLE
    (the fiction ranges are possible, not valid), after invisible characters are removed,
    unusual separators (`/`, `_`, `,`, `*`…) made spaces, numbers spelled in French ("zéro six
    douze…") made digits, and O's written for zeros ("O6 39…") made zeros.
    """
    if not text:
        return ()
    normalised, spans = _normalised(text)
    found = []
    for low, high in digit_windows(normalised):
        for start, end, raw in window_phones(normalised[low:high]):
            start, end = low + start, low + end
            if not _DATE.match(raw):
                found.append(((spans[start][0], spans[end - 1][1]) if spans else (start, end), raw))
    return tuple(found)


def phone_spans(text: str) -> list[tuple[int, int]]:
    """Where phone numbers are written in the text, in every spelling (start, end): `_found_phones`."""
    return [span for span, _ in _found_phones(text)]


def written_phones(text: str) -> list[str]:
    """The phone numbers written in the text, in every spelling, in digits: `_found_phones`."""
    return [number for _, number in _found_phones(text)]


@lru_cache(maxsize=1 << 16)
def window_phones(window: str) -> tuple[tuple[int, int, str], ...]:
    """The numbers `phonenumbers` finds (leniency POSSIBLE) in a window of text, as (start,
    end, as written); kept for the next ad that writes the same number the same way."""
    return tuple((match.start, match.end, match.raw_string) for match in
                 phonenumbers.PhoneNumberMatcher(window, "FR", leniency=phonenumbers.Leniency.POSSIBLE))


def digit_windows(text: str, margin: int = 12) -> list[tuple[int, int]]:
    """The parts of a text around its runs of nine digits or more, where a phone number can
    be: the phonenumbers matcher is slow on long texts (a page, a million ads)."""
    windows: list[tuple[int, int]] = []
    for run in DIGIT_RUN.finditer(text):
        low, high = max(0, run.start() - margin), min(len(text), run.end() + margin)
        if windows and low <= windows[-1][1]:
            windows[-1] = (windows[-1][0], high)
        else:
            windows.append((low, high))
    return windows


def email_spans(text: str) -> list[tuple[int, int]]:
    """Where e-mail addresses are written, also as "nom (at) site (dot) fr" (start, end)."""
    spans: list[tuple[int, int]] = []
    for at in _AT_RE.finditer(text or ""):
        if spans and at.start() < spans[-1][1]:
            continue  # inside the address just found
        local = _LOCAL_PART.search(text, max(0, at.start() - _LONGEST_PART), at.start())
        domain = _DOMAIN.match(text, at.end(), at.end() + _LONGEST_PART)
        if local and domain:
            spans.append((local.start(), domain.end()))
    return spans


def _masked(text: str, spans: list[tuple[int, int]], mask: str) -> str:
    for start, end in sorted(spans, reverse=True):
        text = text[:start] + mask + text[end:]
    return text


def mask_contacts(text: str) -> str:
    """The text with every phone number and e-mail address replaced by a mask."""
    if not text:
        return text
    text = _masked(text, email_spans(text), EMAIL_MASK)
    return _masked(text, phone_spans(text), PHONE_MASK)


# A capitalised or upper-case word (hyphenated parts included: "Jean-Pierre", "Saint-Omer").
_CAPITALISED = re.compile(r"(?<![\w'’-])[A-ZÀ-ÖØ-Þ][A-Za-zÀ-ÖØ-öø-ÿ'’]*(?:-[A-Za-zÀ-ÖØ-öø-ÿ'’]+)*")
# Words before which a "first name + name" is a place, not a person ("rue Victor Hugo").
PLACE_WORDS = frozenset({"rue", "avenue", "av", "boulevard", "bd", "place", "allee", "impasse", "chemin", "quai",
                         "square", "cours", "route", "parc", "residence", "cite", "lycee", "college", "ecole",
                         "hopital", "centre", "espace", "salle", "stade", "gare", "pont", "saint", "sainte", "st",
                         "ste", "port", "mont"})
# Capitalised words of ads and answers that are not surnames ("Belle Blonde", "Lina Vous attend").
NOT_SURNAMES = frozenset("""vous je tu il elle on nous ils elles moi toi le la les un une des de du et ou mais qui que
pour avec sans dans sur sous chez par en au aux ce cette ces mon ma mes ton ta tes son sa ses tres bonjour bonsoir
salut coucou bienvenue merci bisous belle jolie sexy douce coquine blonde brune rousse black metisse trans femme homme
fille disponible dispo massage massages rencontre rencontres appel appelle appelez tel sms photos photo reelles reelle
vraie vrai nouvelle nouveau new hot top vip escort independante independant discrete discret ici pas ans""".split())


@lru_cache(maxsize=1)
def _first_names() -> frozenset[str]:
    """First names of every country (gender-guesser's list, about 45,000), lower case without accents."""
    return frozenset(without_accents(name).lower() for name in gender_guesser.Detector(case_sensitive=False).names)


@lru_cache(maxsize=1)
def _commune_names() -> frozenset[str]:
    """Names of every French commune, lower case without accents (a place, not a surname)."""
    with open(Path(__file__).resolve().parent / "reference" / "communes.csv", encoding="utf-8") as handle:
        return frozenset(without_accents(row["nom"]).lower() for row in csv.DictReader(handle))


def _plain(word: str) -> str:
    return without_accents(word).lower().replace("’", "'")


def is_first_name(word: str) -> bool:
    """`word` is a known first name (hyphenated parts too), not a word ads start sentences with."""
    parts = _plain(word).split("-")
    return all(part in _first_names() for part in parts) and parts[0] not in NOT_SURNAMES


def _is_surname(word: str) -> bool:
    plain = _plain(word)
    return len(plain) >= 2 and plain not in NOT_SURNAMES and plain not in PLACE_WORDS and plain not in _commune_names()


def full_name_spans(text: str) -> list[tuple[int, int]]:
    """Where a person's full name is written: a known first name followed by a capitalised
    or upper-case word ("Sophie Martin", "Jean-Pierre DUPONT"), or an upper-case surname
    followed by a first name ("DUPONT Jean"); not after a street or place word ("rue Victor
    Hugo", "Saint-Omer"), not a commune ("Lens Centre"), not a word of ads ("Belle Blonde").
    """
    words = list(_CAPITALISED.finditer(text or ""))
    spans: list[tuple[int, int]] = []
    for first, second in zip(words, words[1:]):
        if not text[first.end():second.start()].isspace() or (spans and first.start() < spans[-1][1]):
            continue
        before = text[:first.start()].split()[-1:] if first.start() else []
        if before and _plain(before[0]).strip(".,;:") in PLACE_WORDS:
            continue
        a, b = first.group(0), second.group(0)
        if (is_first_name(a) and _is_surname(b)) or (a.isupper() and len(a) >= 2 and _is_surname(a)
                                                       and is_first_name(b)):
            spans.append((first.start(), second.end()))
    return spans


def mask_free_text(text: str) -> str:
    """A free text (an ad, an answer) as the book may show it: contacts and full names masked."""
    if not text:
        return text
    text = mask_contacts(text)
    return _masked(text, full_name_spans(text), FULL_NAME_MASK)


def _folded(text: str) -> str:
    """`text` with every case difference that `re.IGNORECASE` ignores removed (dotless ı too)."""
    return text.casefold().replace("ı", "i")


def mask_name(text: str, name: str) -> str:
    """The text with every occurrence of `name` (an ad's pseudonym), in any case, masked."""
    if not text or not name or not name.strip():
        return text
    needle, folded = _folded(name.strip()), _folded(text)
    if needle not in folded:
        return text
    if len(folded) != len(text):   # a letter folds to several ("ß" → "ss"): the pattern finds where
        return literal_pattern(name.strip()).sub(NAME_MASK, text)
    pieces, last, start = [], 0, folded.find(needle)
    while start >= 0:   # positions in the folded text are positions in the text (a million ads: no pattern)
        pieces += [text[last:start], NAME_MASK]
        last = start + len(needle)
        start = folded.find(needle, last)
    return "".join(pieces + [text[last:]])


@lru_cache(maxsize=4096)
def literal_pattern(word: str, whole_word: bool = False) -> re.Pattern:
    """`word` as a case-insensitive pattern (as a whole word if asked), compiled once."""
    escaped = re.escape(word)
    return re.compile(rf"\b{escaped}\b" if whole_word else escaped, re.IGNORECASE)


def mask_ad_text(text: str, handle: str) -> str:
    """An ad's title or text as the book may show it: contacts, full names and the ad's own handle masked."""
    return mask_name(mask_free_text(text), handle)


def phone_neighbour_keys(text: str) -> str:
    """Pseudonyms of the number with one of its last four digits masked, joined by ";".

    Two numbers one digit apart in their last four (a typo, or two phones of one network)
    share one of these keys, without either number being readable.
    """
    e164 = normalise_phone(text) if text else None
    if not e164:
        return ""
    key = _key()
    return ";".join(_pseudonym(key, "VOI", e164[:k] + "*" + e164[k + 1:]) for k in range(len(e164) - 4, len(e164)))
