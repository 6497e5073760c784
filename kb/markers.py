"""Expand `<!-- kb:... -->` markers in a page's Markdown into generated content.

Unknown markers and unknown ids are reported with the page, the line and the ids that exist.
"""

from __future__ import annotations

import difflib
import re

from .context import RenderContext
from .dimension_pages import render_dimensions_list, render_factor_index
from .glossary_page import render_glossary
from .matrix_table import render_matrix
from .problems import Problem
from .reference_pages import (render_assumptions_list, render_definition, render_note_box,
                              render_notes_list, render_organizations, render_sources)

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
}
# Markers that take an id, the table the id must be in, and the renderer.
WITH_ID = {
    "definition": ("glossary", render_definition),
    "note": ("notes", render_note_box),
}
LATE = {"used-on", "translation-status"}   # filled in after every page is rendered


def expand_markers(markdown: str, ctx: RenderContext, page_path: str,
                   line_offset: int = 0) -> tuple[str, list[Problem], list[str]]:
    """Return the expanded Markdown, the problems found, and the note slugs the page shows.

    `line_offset` is the number of source lines before `markdown` (the front matter), so that
    messages give the line as the contributor sees it in the file.
    """
    problems: list[Problem] = []
    notes_shown: list[str] = []

    def replace(match: re.Match) -> str:
        name, arg = match.group("name"), match.group("arg")
        line = line_offset + markdown.count("\n", 0, match.start()) + 1
        file = f"docs/{page_path}"
        if name in WHOLE:
            return WHOLE[name](ctx)
        if name in WITH_ID:
            table_name, render = WITH_ID[name]
            table = getattr(ctx.knowledge, table_name)
            if not arg or arg not in table:
                guess = difflib.get_close_matches(arg or "", list(table), n=1)
                hint = f"did you mean '{guess[0]}'? " if guess else ""
                problems.append(Problem(file, line, "", f"the marker 'kb:{name}' names '{arg or ''}', which does not exist",
                                        f"{hint}use an id from data/{'glossary' if table_name == 'glossary' else 'editorial_notes'}.yml"))
                return ""
            if name == "note":
                notes_shown.append(arg)
            return render(ctx, arg)
        if name in LATE:
            return match.group(0)
        known = sorted([*WHOLE, *WITH_ID, "translation-status"])
        guess = difflib.get_close_matches(name, known, n=1)
        hint = f"did you mean 'kb:{guess[0]}'? " if guess else ""
        problems.append(Problem(file, line, "", f"'kb:{name}' is not a marker the site knows",
                                f"{hint}the markers are: {', '.join('kb:' + k for k in known)}"))
        return ""

    return MARKER.sub(replace, markdown), problems, notes_shown
