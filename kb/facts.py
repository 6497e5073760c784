"""The labelled lines under an entry ("Scope: Global", "Related terms: …").

Two blocks: the facts a reader may search for, then the links onward, which Material leaves out of
the search index (kb/search_exclusion.py). Links onward only repeat other entries' names, which are
indexed where they belong; every byte the index sheds reaches a phone on a slow link sooner.
"""

from __future__ import annotations

from collections.abc import Sequence

from .search_exclusion import NOT_INDEXED


def facts_blocks(facts: Sequence[str], links: Sequence[str] = ()) -> list[str]:
    """Markdown lines: each item is a list item's inline Markdown ('**Scope:** Global')."""
    out: list[str] = []
    for attrs, items in (("", facts), (" " + NOT_INDEXED, links)):
        if items:
            out += [f'<div class="kb-facts"{attrs} markdown>', ""] + [f"- {item}" for item in items] + ["", "</div>", ""]
    return out
