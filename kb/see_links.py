"""Cross-references written in data text ("See Endnotes (SDG 16).") and the pages they point to."""

from __future__ import annotations

import re


# "See Endnotes (SDG 16)." / "(ver la nota editorial del supuesto 4)": cross-references in data
# text, whose targets the entry's `see` field gives in order.
SEE_PHRASE = re.compile(r"(?:(?<=^)|(?<=[.;]\s)|(?<=\())(?P<verb>[Ss]ee|[Vv]er) (?P<what>[^.)]*)(?=[.)])")


def see_phrases(text: str) -> list[str]:
    return [m.group("what") for m in SEE_PHRASE.finditer(text)]


def link_see_phrases(text: str, targets: list[str]) -> str:
    """Turn each 'See X' into 'See [X](/target)' (Markdown); phrases without a target stay text."""
    refs = iter(targets)

    def link(match: re.Match) -> str:
        target = next(refs, None)
        if target is None:
            return match.group(0)
        return f"{match.group('verb')} [{match.group('what')}](/{target})"

    return SEE_PHRASE.sub(link, text)
