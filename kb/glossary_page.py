"""The glossary: every term, alphabetical by the edition's rules, with letter navigation."""

from __future__ import annotations

from html import escape
from itertools import groupby

from . import sitemap
from .collation import letter_of, sort_key
from .context import RenderContext
from .facts import facts_blocks
from .inline import first_sentence, inline_html
from .provenance import definition_parts, gist_label

GLOSSARY = sitemap.BY_KEY["glossary"].list_page


def letter_id(letter: str) -> str:
    return "letter-" + ("other" if letter == "#" else {"Ñ": "enye"}.get(letter, letter.lower()))


def render_glossary(ctx: RenderContext) -> str:
    k = ctx.knowledge
    entries = sorted(k.glossary.values(), key=lambda e: sort_key(ctx.text(e).term, ctx.lang))
    groups = [(letter, list(items)) for letter, items in groupby(entries, key=lambda e: letter_of(ctx.text(e).term, ctx.lang))]
    nav_links = " ".join(f'<a href="#{letter_id(letter)}">{letter}</a>' for letter, _ in groups)
    out = [filter_box(ctx, len(entries)), "",
           f'<nav class="kb-letters" data-search-exclude aria-label="{escape(ctx.ui("glossary_letters"))}">{nav_links}</nav>', ""]
    for letter, items in groups:
        shown = "\\#" if letter == "#" else letter      # a bare '#' would read as the heading's closing mark
        out += ['<section class="kb-letter-group" markdown>', "", f"## {shown} {{ #{letter_id(letter)} }}", ""]
        for entry in items:
            out += render_entry(ctx, entry)
        out += ["</section>", ""]
    return "\n".join(out)


def filter_box(ctx: RenderContext, total: int) -> str:
    """The filter field, hidden until assets/glossary.js shows it (it does nothing without it)."""
    return (f'<div class="kb-filter" hidden data-search-exclude data-kb-count="{escape(ctx.ui("glossary_filter_count"))}" '
            f'data-kb-total="{total}">'
            f'<label for="kb-filter-input">{escape(ctx.ui("glossary_filter_label"))}</label>'
            f'<input id="kb-filter-input" type="search" autocomplete="off" spellcheck="false" '
            f'aria-describedby="kb-filter-status">'
            f'<p id="kb-filter-status" class="kb-filter-status" aria-live="polite" '
            f'data-kb-none="{escape(ctx.ui("glossary_filter_none"))}"></p></div>')


def match_text(ctx: RenderContext, entry) -> str:
    """Every name a reader may type to find the entry: term, variants, abbreviation, both languages."""
    names = []
    for block in (entry.en, entry.es):
        if block is not None:
            names += [block.term, *block.variants, block.abbreviation]
    return " | ".join(dict.fromkeys(n for n in names if n))


def split_definition(text: str) -> tuple[str, str]:
    """The definition's first sentence (shown collapsed) and the rest (shown on opening)."""
    gist = first_sentence(text)
    return gist, text[len(gist):].strip()


def render_entry(ctx: RenderContext, entry) -> list[str]:
    """One entry: the term and the definition's first sentence always visible; the rest one tap
    away (<details>). Everything stays in the HTML, for search engines and readers without
    JavaScript. The heading stays outside <details> so that the site search indexes the whole
    entry under it; assets/glossary.js opens the entry a link points at.
    """
    text = ctx.text(entry)
    heading = text.term[0].upper() + text.term[1:]
    gist = split_definition(" ".join(text.definition.split()))[0]
    lang = ctx.lang_attr(entry)
    lines = [f'<div class="kb-entry" data-kb-match="{escape(match_text(ctx, entry))}" markdown>', "",
             f"### {heading} {{ #{entry.slug} }}", "",
             '<details class="kb-more" markdown>',
             f'<summary data-provenance="{entry.provenance.kind}"><span class="kb-gist"{lang}>{inline_html(gist)}</span> '
             f'{gist_label(ctx, entry)}</summary>', ""]   # whose the visible line is, without opening the entry
    notice = ctx.translation_notice(entry, GLOSSARY, entry.slug)
    if notice:
        lines += [notice, ""]
    lines += definition_parts(ctx, entry, after_gist=True)   # the quotation, the rest of the definition, the paper's context
    if text.note:
        lines += [f'<p class="kb-usage-note" data-provenance="site"{lang}><strong>{ctx.ui("note")}:</strong> '
                  f'{inline_html(text.note)} <span class="kb-provenance" data-search-exclude>{ctx.ui("provenance_site_note")}</span></p>', ""]
    lines += facts_blocks(*entry_facts(ctx, entry))
    lines += ["</details>", "", "</div>", ""]
    return lines


def entry_facts(ctx: RenderContext, entry) -> tuple[list[str], list[str]]:
    """The labelled lines under an opened entry (Markdown list items): the names a reader may search
    for (the other language's term too), then the lines that lead elsewhere or say the same in many
    entries (related terms, the kind of rendering, backlinks), which search leaves out."""
    k = ctx.knowledge
    text = ctx.text(entry)
    facts, links = [], []
    if text.abbreviation:
        facts.append(f"**{ctx.ui('abbreviation')}:** {text.abbreviation}")
    if text.variants:
        facts.append(f"**{ctx.ui('also')}:** " + ", ".join(f"*{v}*" for v in text.variants))
    other = getattr(entry, ctx.other_lang) or entry.en
    href = ctx.other_language_href(GLOSSARY, entry.slug)
    facts.append(f'**{ctx.ui("in_other_language")}:** <a href="{href}" hreflang="{ctx.other_lang}" '
                 f'lang="{ctx.other_lang}">{escape(other.term)}</a>')
    if entry.related:
        related = [k.glossary[s] for s in entry.related]
        links.append(f"**{ctx.ui('related')}:** " + ", ".join(
            f"[{ctx.text(r).term}](/{GLOSSARY}#{r.slug})" for r in related))
    if ctx.lang == "es" and entry.es is not None:
        links.append(f"**{ctx.ui('rendering')}:** {ctx.ui('rendering_' + entry.es.rendering.replace('-', '_'))}")
    links.append(f"**{ctx.ui('used_on')}:** <!-- kb:used-on {entry.slug} -->")
    return facts, links

