"""Small text helpers shared by the readers and the synthetic world."""

from __future__ import annotations

import re
import unicodedata


def without_accents(text: str) -> str:
    """"Béthune" → "Bethune": the spelling of many ads and exports."""
    return "".join(c for c in unicodedata.normalize("NFD", text) if unicodedata.category(c) != "Mn")


def slug(label: str, length: int = 40) -> str:
    """A label as an identifier: "Moins de 15 ans" → "moins_de_15_ans" (lower-case ASCII words)."""
    words = re.findall(r"[a-z0-9]+", without_accents(str(label)).lower())
    return "_".join(words)[:length]
