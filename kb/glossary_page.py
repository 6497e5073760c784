"""The glossary: every term, alphabetical by the edition's rules, with letter navigation."""

from __future__ import annotations

from html import escape
from itertools import groupby

from .collation import letter_of, sort_key
from .context import RenderContext
from .inline import inline_html, strip_emphasis
from .provenance import definition_parts

GLOSSARY = "glossary.md"


def letter_id(letter: str) -> str:
    return "letter-" + ("other" if letter == "#" else {"Ñ": "enye"}.get(letter, letter.lower()))


def first_sentence(text: str) -> str:
    """The tooltip: the definition's first sentence (the schema asks that it stand alone), as words."""
    text = strip_emphasis(text)
    for end in (". ", "? ", "! "):
        cut = text.find(end)
        if cut != -1:
            return text[: cut + 1]
    return text


def render_glossary(ctx: RenderContext) -> str:
    k = ctx.knowledge
    entries = sorted(k.glossary.values(), key=lambda e: sort_key(ctx.text(e).term, ctx.lang))
    groups = [(letter, list(items)) for letter, items in groupby(entries, key=lambda e: letter_of(ctx.text(e).term, ctx.lang))]
    nav_links = " ".join(f'<a href="#{letter_id(letter)}">{letter}</a>' for letter, _ in groups)
    out = [f'<nav class="kb-letters" aria-label="{escape(ctx.ui("glossary_letters"))}">{nav_links}</nav>', ""]
    for letter, items in groups:
        shown = "\\#" if letter == "#" else letter      # a bare '#' would read as the heading's closing mark
        out += [f"## {shown} {{ #{letter_id(letter)} }}", ""]
        for entry in items:
            out += render_entry(ctx, entry)
    return "\n".join(out)


def render_entry(ctx: RenderContext, entry) -> list[str]:
    k = ctx.knowledge
    text = ctx.text(entry)
    heading = text.term[0].upper() + text.term[1:]
    lines = [f"### {heading} {{ #{entry.slug} }}", ""]
    notice = ctx.translation_notice(entry, GLOSSARY, entry.slug)
    if notice:
        lines += [notice, ""]
    lines += definition_parts(ctx, entry)
    if text.note:
        lines += [f'<p class="kb-usage-note" data-provenance="site"{ctx.lang_attr(entry)}><strong>{ctx.ui("note")}:</strong> '
                  f'{inline_html(text.note)} <span class="kb-provenance">{ctx.ui("provenance_site_note")}</span></p>', ""]
    facts = []
    if text.abbreviation:
        facts.append(f"**{ctx.ui('abbreviation')}:** {text.abbreviation}")
    if text.variants:
        facts.append(f"**{ctx.ui('also')}:** " + ", ".join(f"*{v}*" for v in text.variants))
    if entry.related:
        related = [k.glossary[s] for s in entry.related]
        facts.append(f"**{ctx.ui('related')}:** " + ", ".join(
            f"[{ctx.text(r).term}](/{GLOSSARY}#{r.slug})" for r in related))
    if ctx.lang == "es" and entry.es is not None:
        facts.append(f"**{ctx.ui('rendering')}:** {ctx.ui('rendering_' + entry.es.rendering.replace('-', '_'))}")
    other = getattr(entry, ctx.other_lang) or entry.en
    href = ctx.other_language_href(GLOSSARY, entry.slug)
    facts.append(f'**{ctx.ui("in_other_language")}:** <a href="{href}" hreflang="{ctx.other_lang}" '
                 f'lang="{ctx.other_lang}">{escape(other.term)}</a>')
    facts.append(f"**{ctx.ui('used_on')}:** <!-- kb:used-on {entry.slug} -->")
    lines += ['<div class="kb-facts" markdown>', ""]
    lines += [f"- {fact}" for fact in facts]
    lines += ["", "</div>", ""]
    return lines

