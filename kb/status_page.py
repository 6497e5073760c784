"""The translation status report: pages and data entries, translated, out of date or missing."""

from __future__ import annotations

from dataclasses import dataclass

from . import sitemap
from .context import RenderContext
from .search_exclusion import NOT_INDEXED
from .translation import CURRENT, MISSING, STALE, entry_status


@dataclass(frozen=True)
class PageTranslation:
    english_path: str     # docs path of the English page, e.g. "about.md"
    spanish_path: str     # docs path of its Spanish twin, e.g. "about.es.md"
    status: str           # current / stale / missing


DATA_TABLES = tuple((c.key, c.data_file) for c in sitemap.COLLECTIONS if c.in_status)


def data_statuses(knowledge) -> list[tuple[str, str, str]]:
    """(file, slug, status) for every data entry."""
    return [(file, slug, entry_status(entry))
            for table, file in DATA_TABLES for slug, entry in getattr(knowledge, table).items()]


def render_status(ctx: RenderContext, pages: list[PageTranslation]) -> str:
    entries = data_statuses(ctx.knowledge)
    label = {CURRENT: ctx.ui("status_current"), STALE: ctx.ui("status_stale"), MISSING: ctx.ui("status_missing")}

    def count(items, status):
        return sum(1 for item in items if item == status)

    page_states = [p.status for p in pages]
    out = [f"## {ctx.ui('status_summary')} {{ #summary }}", "",
           f'<div {NOT_INDEXED} markdown>', "",    # counts, not reading text: kept out of the search index
           f"| | {label[CURRENT]} | {label[STALE]} | {label[MISSING]} |", "|---|---:|---:|---:|",
           f"| {ctx.ui('status_pages')} | {count(page_states, CURRENT)} | {count(page_states, STALE)} | {count(page_states, MISSING)} |"]
    for table, file in DATA_TABLES:
        states = [s for f, _, s in entries if f == file]
        out.append(f"| {ctx.ui('status_table_' + table)} | {count(states, CURRENT)} | {count(states, STALE)} | {count(states, MISSING)} |")
    out += ["", "</div>", "", f"## {ctx.ui('status_gaps')} {{ #gaps }}", ""]
    gaps = [(p.spanish_path if p.status == STALE else p.english_path, "docs/" + p.spanish_path, p.status)
            for p in pages if p.status != CURRENT]
    gaps += [(f"{file} · {slug}", file, status) for file, slug, status in entries if status != CURRENT]
    if not gaps:
        out += [ctx.ui("status_no_gaps"), ""]
        return "\n".join(out)
    out += [f"| {ctx.ui('status_item')} | {ctx.ui('status_state')} | |", "|---|---|---|"]
    for item, file, status in gaps:
        edit = ctx.edit_href(file)
        action = f"[{ctx.ui('status_edit')}]({edit})" if edit else f"`{file}`"
        out.append(f"| {item} | {label[status]} | {action} |")
    out.append("")
    return "\n".join(out)


def stale_notes(knowledge, pages: list[PageTranslation]) -> list[str]:
    """One line per out-of-date Spanish text, naming the Spanish twin: allowed (an English-only fix
    may be merged), shown to readers as a notice, and printed so nobody mistakes it for current."""
    notes = [f"docs/{p.spanish_path}: its English original docs/{p.english_path} changed; the Spanish page shows "
             f"an out-of-date notice until it is updated (then: make stamp FILES=docs/{p.spanish_path})"
             for p in pages if p.status == STALE]
    notes += [f"{file} [{slug}]: the Spanish text (es:) is older than the English or was never checked; it shows "
              f"an out-of-date notice until it is updated (then: make stamp FILES={file}:{slug})"
              for file, slug, status in data_statuses(knowledge) if status == STALE]
    return notes
