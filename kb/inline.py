"""Data text printed by the renderers: the schema allows plain text with *emphasis* and
**strong** only (kb/schema.py); these helpers print it safely where Markdown does not reach
(raw HTML blocks, attributes, tooltips)."""

from __future__ import annotations

import re
from html import escape

_STRONG = re.compile(r"(?<![\w*])(\*\*|__)(?=\S)(.+?)(?<=\S)\1(?![\w*])")
_EMPHASIS = re.compile(r"(?<![\w*])(\*|_)(?=\S)(.+?)(?<=\S)\1(?![\w*])")


def strip_emphasis(text: str) -> str:
    """The text as words only: '*Acts* committed' -> 'Acts committed' (tooltips, titles)."""
    return _EMPHASIS.sub(r"\2", _STRONG.sub(r"\2", text))


def inline_html(text: str) -> str:
    """The text as HTML: escaped, with its emphasis as <em> and <strong>."""
    escaped = escape(text, quote=True)
    return _EMPHASIS.sub(r"<em>\2</em>", _STRONG.sub(r"<strong>\2</strong>", escaped))


def tooltip(text: str) -> str:
    """A definition's first sentence as plain words: a title attribute shows '*' literally."""
    return strip_emphasis(first_sentence(text))


def first_sentence(text: str) -> str:
    """A definition's first sentence: the tooltip, the collapsed glossary entry and the JSON-LD
    description (data/README.md asks that it stand alone)."""
    for end in (". ", "? ", "! "):
        cut = text.find(end)
        if cut != -1:
            return text[: cut + 1]
    return text
