"""Alphabetical order and letter groups by each language's rules (Spanish: accents ignored, ñ after n)."""

from __future__ import annotations

import unicodedata

_LEADING_PUNCTUATION = "«»\"'“”‘’¿¡(#+@ "
_AFTER_N = "n\x7f"  # "n" + DEL sorts after every "n…" word and before "o": where Spanish files ñ


def _without_accents(text: str) -> str:
    decomposed = unicodedata.normalize("NFD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def sort_key(text: str, lang: str) -> tuple[str, str]:
    """Primary key ignores case and accents (Spanish keeps ñ as its own letter); ties by the text."""
    lowered = text.casefold().lstrip(_LEADING_PUNCTUATION)
    primary = lowered.replace("ñ", _AFTER_N) if lang == "es" else lowered
    return (_without_accents(primary), lowered)


def letter_of(text: str, lang: str) -> str:
    """The letter a term is filed under: A…Z, Ñ in Spanish, or '#' for anything else."""
    stripped = text.casefold().lstrip(_LEADING_PUNCTUATION)
    if not stripped:
        return "#"
    if lang == "es" and stripped[0] == "ñ":
        return "Ñ"
    base = _without_accents(stripped[0])
    return base.upper() if base.isascii() and base.isalpha() else "#"
