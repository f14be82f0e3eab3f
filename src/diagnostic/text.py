"""Small text helpers shared by the readers and the synthetic world."""

from __future__ import annotations

import unicodedata


def without_accents(text: str) -> str:
    """"Béthune" → "Bethune": the spelling of many ads and exports."""
    return "".join(c for c in unicodedata.normalize("NFD", text) if unicodedata.category(c) != "Mn")
