"""Expand `<!-- kb:... -->` markers in a page's Markdown into generated content.

Unknown markers and unknown ids are reported with the page, the line and the ids that exist.
"""

from __future__ import annotations

import difflib
import re

from . import sitemap
from .context import RenderContext
from .credits import render_credits
from .dimension_pages import render_dimensions_list, render_factor_index
from .glossary_page import render_glossary
from .matrix_table import render_matrix
from .page_links import render_contributor_guides
from .problems import Problem
from .reference_pages import (render_assumptions_list, render_definition, render_note_box,
                              render_notes_list, render_organizations, render_sources)
from .status_page import render_status

MARKER = re.compile(r"^[ \t]*<!--\s*kb:(?P<name>[a-z-]+)(?:\s+(?P<arg>[^\s>]+))?\s*-->[ \t]*$", re.MULTILINE)

# Markers that stand alone, and the function that renders each.
WHOLE = {
    "glossary": render_glossary,
    "factors": render_factor_index,
    "organizations": render_organizations,
    "sources-list": render_sources,
    "notes-list": render_notes_list,
    "assumptions-list": render_assumptions_list,
    "dimensions-list": render_dimensions_list,
    "dimension-matrix": render_matrix,
    "contributor-guides": render_contributor_guides,
    "translation-status": lambda ctx: render_status(ctx, ctx.page_translations),
    "site-credits": render_credits,
}
# Markers that take an id, the table the id must be in, and the renderer.
WITH_ID = {
    "definition": ("glossary", render_definition),
    "note": ("notes", render_note_box),
}
LATE = {"used-on", "downloads", "print-edition"}   # filled in after every page is rendered (hooks/term_links.py, hooks/open_data.py)
# A comment that was meant as a marker but is not written as one (it would vanish silently).
NEAR_MARKER = re.compile(r"<!--\s*kb\s*[:\-]?\s*[a-z]", re.IGNORECASE)
_FENCE = re.compile(r"^[ \t]*(```|~~~)", re.MULTILINE)


def _fenced_spans(markdown: str) -> list[tuple[int, int]]:
    """Character ranges of fenced code blocks: markers there are shown, not expanded."""
    fences = [m.start() for m in _FENCE.finditer(markdown)]
    return [(fences[i], fences[i + 1]) for i in range(0, len(fences) - 1, 2)]


def expand_markers(markdown: str, ctx: RenderContext, page_path: str,
                   line_offset: int = 0) -> tuple[str, list[Problem], list[str]]:
    """Return the expanded Markdown, the problems found, and the note slugs the page shows.

    `line_offset` is the number of source lines before `markdown` (the front matter), so that
    messages give the line as the contributor sees it in the file.
    """
    problems: list[Problem] = []
    notes_shown: list[str] = []
    fenced = _fenced_spans(markdown)
    english_path = re.sub(r"\.[a-z]{2}\.md$", ".md", page_path)
    proper = {m.start() for m in MARKER.finditer(markdown)}
    for near in NEAR_MARKER.finditer(markdown):
        line_start = markdown.rfind("\n", 0, near.start()) + 1
        if line_start in proper or any(a <= near.start() < b for a, b in fenced):
            continue
        if MARKER.match(markdown, line_start):
            continue
        line = line_offset + markdown.count("\n", 0, near.start()) + 1
        problems.append(Problem(f"docs/{page_path}", line, "", "this comment looks like a marker but is not written as one, "
                                "so nothing would be shown", "write it on a line of its own as <!-- kb:name id -->, "
                                "e.g. <!-- kb:definition genocide -->"))

    def replace(match: re.Match) -> str:
        name, arg = match.group("name"), match.group("arg")
        if any(a <= match.start() < b for a, b in fenced):
            return match.group(0)
        line = line_offset + markdown.count("\n", 0, match.start()) + 1
        file = f"docs/{page_path}"
        if arg and (name in WHOLE or name in LATE):
            problems.append(Problem(file, line, "", f"the marker 'kb:{name}' takes no id, so '{arg}' would leave it unexpanded",
                                    f"write it as <!-- kb:{name} -->"))
            return ""
        if name in WHOLE:
            return WHOLE[name](ctx)
        if name in WITH_ID:
            table_name, render = WITH_ID[name]
            table = getattr(ctx.knowledge, table_name)
            if not arg or arg not in table:
                guess = difflib.get_close_matches(arg or "", list(table), n=1)
                hint = f"did you mean '{guess[0]}'? " if guess else ""
                problems.append(Problem(file, line, "", f"the marker 'kb:{name}' names '{arg or ''}', which does not exist",
                                        f"{hint}use an id from {sitemap.BY_KEY[table_name].data_file}"))
                return ""
            if name == "note":
                home = ctx.knowledge.notes[arg].page
                if home != english_path:
                    problems.append(Problem(file, line, arg, f"the editorial note '{arg}' belongs on {home} (its 'page:' field)",
                                            f"move the marker to docs/{home}, or change the note's page: in {sitemap.BY_KEY['notes'].data_file}"))
                notes_shown.append(arg)
            return render(ctx, arg)
        if name in LATE:
            return match.group(0)
        known = sorted([*WHOLE, *WITH_ID, *(LATE - {"used-on"})])
        guess = difflib.get_close_matches(name, known, n=1)
        hint = f"did you mean 'kb:{guess[0]}'? " if guess else ""
        problems.append(Problem(file, line, "", f"'kb:{name}' is not a marker the site knows",
                                f"{hint}the markers are: {', '.join('kb:' + k for k in known)}"))
        return ""

    return MARKER.sub(replace, markdown), problems, notes_shown


# Markers that belong on one page (English docs path): elsewhere they would repeat its ids, and
# without them that page is published empty.
HOMES = {
    **{c.markers[0]: c.list_page for c in sitemap.COLLECTIONS if c.marker_home},
    "translation-status": "translation-status.md", "site-credits": "about.md",
    "contributor-guides": "about.md", "downloads": "data.md", "print-edition": "print.md",
}

# The About page has its own text: its blocks may be left out (a fork without credits).
OPTIONAL_AT_HOME = {"site-credits", "contributor-guides"}


def check_marker_homes(markdown: str, page_path: str, english_path: str, line_offset: int = 0) -> list[Problem]:
    """The page-bound markers of one page (`page_path`, whose English original is `english_path`):
    each on its home page, once, outside code; and the home page keeps its marker. A marker with an
    id (a note, a definition) appears once per page too."""
    problems, seen = [], {}
    fenced = _fenced_spans(markdown)
    file = f"docs/{page_path}"
    for match in MARKER.finditer(markdown):
        name, arg = match.group("name"), match.group("arg")
        if any(a <= match.start() < b for a, b in fenced):
            continue
        line = line_offset + markdown.count("\n", 0, match.start()) + 1
        if name in WITH_ID and arg:
            if (name, arg) in seen:
                problems.append(Problem(file, line, arg, f"<!-- kb:{name} {arg} --> is already on line {seen[name, arg]}: "
                                        "the same block would be shown twice", "keep one of the two lines"))
            seen.setdefault((name, arg), line)
            continue
        if name not in WHOLE and name not in LATE:
            continue
        home = HOMES.get(name)
        if home and home != english_path:
            problems.append(Problem(file, line, "", f"the marker 'kb:{name}' belongs on {home} only (it would repeat that page's content and ids)",
                                    f"remove it, and link to /{home} instead"))
        elif name in seen:
            problems.append(Problem(file, line, "", f"the marker 'kb:{name}' is already on line {seen[name]}: shown twice, its ids would repeat",
                                    "keep one of the two"))
        seen.setdefault(name, line)
    for name, home in HOMES.items():
        if home == english_path and name not in seen and name not in OPTIONAL_AT_HOME:
            last = line_offset + markdown.count("\n") + 1
            problems.append(Problem(file, last, "", f"the page lost its marker <!-- kb:{name} --> (or it is inside a code block), "
                                    "so it would be published without its content",
                                    f"put the line <!-- kb:{name} --> back on a line of its own, outside code"))
    return problems
