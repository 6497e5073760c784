"""Checks on a page's Markdown that MkDocs reports without a line or a fix, or not at all.

- Links to pages or anchors that do not exist (with the line and the nearest existing target).
- Headings without an explicit `{ #id }`, and ids a Spanish page does not share with its English
  original (links and the language switcher rely on the same ids in both).
"""

from __future__ import annotations

import difflib
import posixpath
import re

from .paths import english_path
from .problems import Problem

_FENCE = re.compile(r"^(```|~~~)")
_LINK = re.compile(r"\]\(\s*<?([^)\s>]+)>?(?:\s+\"[^\"]*\")?\s*\)")
_HEADING = re.compile(r"^(#{2,6})\s+(.*?)\s*$")
_EXPLICIT_ID = re.compile(r"\{\s*[^}]*#([A-Za-z0-9_-]+)[^}]*\}\s*$")


def _lines_outside_code(markdown: str):
    """(line number, text) of every line that is not inside a fenced code block."""
    fenced = False
    for number, line in enumerate(markdown.splitlines(), start=1):
        if _FENCE.match(line.strip()):
            fenced = not fenced
            continue
        if not fenced:
            yield number, line


def heading_ids(markdown: str) -> dict[str, int]:
    """Explicit heading ids of a page (level 2 and deeper) and the line of each."""
    found = {}
    for number, line in _lines_outside_code(markdown):
        heading = _HEADING.match(line)
        if heading:
            explicit = _EXPLICIT_ID.search(heading.group(2))
            if explicit:
                found[explicit.group(1)] = number
    return found


def check_headings(markdown: str, file: str, english_ids: dict[str, int] | None = None,
                   line_offset: int = 0) -> list[Problem]:
    """Every heading from level 2 down has an explicit id; a translation uses the English ids."""
    problems = []
    seen = set()
    for number, line in _lines_outside_code(markdown):
        heading = _HEADING.match(line)
        if not heading:
            continue
        explicit = _EXPLICIT_ID.search(heading.group(2))
        where = number + line_offset
        if not explicit:
            suggestion = re.sub(r"[^a-z0-9]+", "-", heading.group(2).lower()).strip("-") or "section"
            problems.append(Problem(file, where, "", f"the heading '{heading.group(2)}' has no explicit id",
                                    f"end the line with {{ #{suggestion} }} (in English words; the Spanish twin uses the same id)"))
            continue
        heading_id = explicit.group(1)
        if english_ids is not None and heading_id not in english_ids:
            guess = difflib.get_close_matches(heading_id, list(english_ids), n=1)
            hint = f"did you mean '{guess[0]}'? " if guess else ""
            problems.append(Problem(file, where, "", f"the heading id '{heading_id}' is not used by the English page",
                                    f"{hint}use the id of the matching English heading: {', '.join(sorted(english_ids)) or 'none'}"))
        seen.add(heading_id)
    if english_ids is not None:
        for missing in sorted(set(english_ids) - seen):
            problems.append(Problem(file, 0, "", f"the English page has a heading with id '{missing}' that this page lacks",
                                    f"translate that section, with the heading ending in {{ #{missing} }}"))
    return problems


def check_links(markdown: str, file: str, page_path: str, pages: set[str],
                anchors: dict[str, set[str]], line_offset: int = 0) -> list[Problem]:
    """Links to Markdown pages that do not exist, and anchors that a known page does not have.

    `page_path` is the English path of the page ("assumptions/evidence.md"); `pages` holds every
    page's English path; `anchors` maps a page to the ids it is known to have.
    """
    problems = []
    for number, line in _lines_outside_code(markdown):
        for match in _LINK.finditer(line):
            target = match.group(1)
            if re.match(r"^[a-z][a-z0-9+.-]*:", target):      # http:, https:, mailto:
                continue
            path, _, anchor = target.partition("#")
            if path and not path.endswith(".md"):
                continue                                     # images, assets, folders: MkDocs checks them
            resolved = page_path if not path else (
                posixpath.normpath(path.lstrip("/")) if path.startswith("/")
                else posixpath.normpath(posixpath.join(posixpath.dirname(page_path), path)))
            resolved = english_path(resolved)
            where = number + line_offset
            if resolved not in pages:
                guess = difflib.get_close_matches(resolved, sorted(pages), n=1)
                hint = f"did you mean '/{guess[0]}'? " if guess else ""
                problems.append(Problem(file, where, "", f"the link '{target}' leads to a page that does not exist",
                                        f"{hint}link to a page inside docs/, written like /assumptions/evidence.md"))
            elif anchor and resolved in anchors and anchor not in anchors[resolved]:
                guess = difflib.get_close_matches(anchor, sorted(anchors[resolved]), n=1)
                hint = f"did you mean '#{guess[0]}'? " if guess else ""
                problems.append(Problem(file, where, "", f"the link '{target}' names an anchor that '{resolved}' does not have",
                                        f"{hint}use one of the page's heading ids, or the slug of an entry on it"))
    return problems
