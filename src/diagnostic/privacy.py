"""Pseudonymisation on reading: names, e-mails and phone numbers never reach a notebook.

A phone number or a pseudonym is replaced by a keyed hash (HMAC-SHA256): the same value
always gives the same pseudonym, so that the analyses can still tell that two ads carry
the same number, but the number itself cannot be read back without the key. The key
comes from the environment variable DIAGNOSTIC_CLE_PSEUDONYMISATION; a département
working on real data must set its own secret key (the default is for synthetic data).
"""

from __future__ import annotations

import hashlib
import hmac
import os
import re

import phonenumbers

KEY_VARIABLE = "DIAGNOSTIC_CLE_PSEUDONYMISATION"
_DEFAULT_KEY = "manuel-diagnostic-donnees-synthetiques"
EMAIL = re.compile(r"[\w.+-]+@[\w-]+(\.[\w-]+)+")
PHONE_MASK = "[téléphone]"
EMAIL_MASK = "[courriel]"
NAME_MASK = "[pseudo]"
# Nine digits at least, possibly separated by spaces, dots, dashes or "+": the shortest a
# French number can be written (+33 6 12 34 56 78 has eleven). A cheap test before the
# phonenumbers matcher, which is slow on a million ads.
DIGIT_RUN = re.compile(r"\d(?:[\s.\-()+]{0,2}\d){8,}")


def _key() -> bytes:
    return os.environ.get(KEY_VARIABLE, _DEFAULT_KEY).encode("utf-8")


def pseudonym(kind: str, value: str, length: int = 10) -> str:
    """A stable pseudonym, e.g. pseudonym("TEL", "+33639981234") → "TEL-3f9a0c…"."""
    digest = hmac.new(_key(), f"{kind}:{value}".encode("utf-8"), hashlib.sha256).hexdigest()
    return f"{kind}-{digest[:length]}"


def normalise_phone(text: str) -> str | None:
    """A French phone number as written ("06.39.98.12.34", "+33 6 39…") in E.164, or None.

    The fiction ranges are "possible" but not "valid" numbers for libphonenumber: possible
    is what is checked here.
    """
    try:
        number = phonenumbers.parse(str(text), "FR")
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
    return pseudonym("TEL", e164), pseudonym("PFX", e164[:-2])


def mask_contacts(text: str) -> str:
    """The text with every phone number and e-mail address replaced by a mask."""
    if not text:
        return text
    text = EMAIL.sub(EMAIL_MASK, text)
    if not DIGIT_RUN.search(text):
        return text  # no run of nine digits or more: no phone number to look for
    matches = list(phonenumbers.PhoneNumberMatcher(text, "FR", leniency=phonenumbers.Leniency.POSSIBLE))
    for match in reversed(matches):
        text = text[:match.start] + PHONE_MASK + text[match.end:]
    return text


def mask_name(text: str, name: str) -> str:
    """The text with every occurrence of `name` (an ad's pseudonym), in any case, masked."""
    if not text or not name or not name.strip():
        return text
    return re.sub(re.escape(name.strip()), NAME_MASK, text, flags=re.IGNORECASE)


def mask_ad_text(text: str, handle: str) -> str:
    """An ad's title or text as the book may show it: contacts and the ad's own handle masked."""
    return mask_name(mask_contacts(text), handle)


def phone_neighbour_keys(text: str) -> str:
    """Pseudonyms of the number with one of its last four digits masked, joined by ";".

    Two numbers one digit apart in their last four (a typo, or two phones of one network)
    share one of these keys, without either number being readable.
    """
    e164 = normalise_phone(text) if text else None
    if not e164:
        return ""
    return ";".join(pseudonym("VOI", e164[:k] + "*" + e164[k + 1:]) for k in range(len(e164) - 4, len(e164)))
