"""Organizations directory, sources list, editorial notes, assumptions list and definition blocks."""

from __future__ import annotations

from dataclasses import dataclass
from html import escape

from . import sitemap
from .collation import sort_key
from .dimension_pages import dimension_path
from .context import RenderContext
from .facts import facts_blocks
from .glossary_page import GLOSSARY
from .inline import inline_html
from .paper import PAPER_URL
from .provenance import definition_parts, evidenced_links, label, mark_english_titles, part
from .search_exclusion import NOT_INDEXED
from .see_links import link_see_phrases

ORGANIZATIONS = sitemap.BY_KEY["organizations"].list_page
NOTES = sitemap.BY_KEY["notes"].list_page
TYPE_ORDER = ["stanley-center", "un-system", "intergovernmental", "government", "network", "ngo",
              "research", "academic", "media", "initiative"]
SOURCE_KIND_ORDER = ["paper", "brief", "report", "study", "document", "resolution", "treaty", "database"]


@dataclass(frozen=True)
class AssumptionPage:
    number: int
    path: str               # docs path of the English page, e.g. "assumptions/evidence.md"
    title: str              # H1 in the edition's language
    description: str        # front-matter description in the edition's language
    dimensions: tuple[str, ...]
    heading: str = ""           # the paper's own heading (es: the site's translation of it)
    heading_original: str = ""  # the paper's English heading, shown beside a translation


def render_organizations(ctx: RenderContext) -> str:
    k = ctx.knowledge
    out = []
    for org_type in TYPE_ORDER:
        members = [o for o in k.organizations.values() if o.type == org_type]
        if not members:
            continue
        out += [f"## {ctx.ui('org_type_' + org_type.replace('-', '_'))} {{ #type-{org_type} }}", ""]
        for org in sorted(members, key=lambda o: sort_key(ctx.text(o).name, ctx.lang)):
            text = ctx.text(org)
            name = text.name + (f" ({text.abbreviation})" if text.abbreviation else "")
            if ctx.lang != "en" and text.name == org.en.name:
                name = f'<span lang="en">{escape(name)}</span>'   # an English name: screen readers switch voice
            out += [f"### {name} {{ #{org.slug} }}", ""]
            notice = ctx.translation_notice(org, ORGANIZATIONS, org.slug)
            if notice:
                out += [notice, ""]
            gloss = getattr(text, "gloss", "")
            if gloss:
                out += [f'<p class="kb-gloss">{inline_html(gloss)}</p>', ""]
            out += part(ctx, org.provenance, text.description, "kb-description", ctx.lang_attr(org))
            if text.context and org.context_from is not None:     # what the paper says, labelled as the paper's
                out += part(ctx, org.context_from, text.context, "kb-context", ctx.lang_attr(org))
            facts = [f"**{ctx.ui('scope')}:** {ctx.ui('scope_' + org.scope.replace('-', '_'))}"]
            if ctx.lang == "es" and org.es and org.es.name != org.en.name:
                facts.insert(0, f'**{ctx.ui("english_name")}:** <span lang="en">{escape(org.en.name)}</span>')
            links = [f"**{ctx.ui('cited_on')}:** <!-- kb:used-on {org.slug} -->"]
            if org.links:
                links.append(f"**{ctx.ui('official_site')}:** " + evidenced_links(ctx, org.links))
            out += facts_blocks(facts, links)
    return "\n".join(out)


def render_sources(ctx: RenderContext) -> str:
    k = ctx.knowledge
    out = []
    for kind in SOURCE_KIND_ORDER:
        members = [s for s in k.sources.values() if s.kind == kind]
        if not members:
            continue
        out += [f"## {ctx.ui('source_kind_' + kind)} {{ #kind-{kind} }}", ""]
        for source in sorted(members, key=lambda s: (s.year or 0, sort_key(ctx.text(s).title, ctx.lang))):
            text = ctx.text(source)
            year = f", {source.year}" if source.year else ""
            addition = f' <span class="kb-badge" data-search-exclude>{ctx.ui("site_addition")}</span>' if source.site_addition else ""
            title = f"*{text.title}*"
            if ctx.lang != "en" and text.title == source.en.title:
                title = f'<cite lang="en">{inline_html(text.title)}</cite>'
            out += [f'<div class="kb-source" id="{source.slug}" markdown>', "",
                    f"{title}. {text.publisher}{year}.{addition}", ""]
            if text.context and source.context_from is not None:   # what the paper says, then what the site adds
                out += part(ctx, source.context_from, text.context, "kb-context", ctx.lang_attr(source))
            if text.note:
                out += part(ctx, source.provenance, link_see_phrases(text.note, source.see), "kb-description",
                            ctx.lang_attr(source))
            if source.links:
                out += [f'<p class="kb-links" data-search-exclude><strong>{ctx.ui("online")}:</strong> '
                        f'{evidenced_links(ctx, source.links)}</p>', ""]
            out += ["</div>", ""]
    return "\n".join(out)


def render_note_box(ctx: RenderContext, slug: str) -> str:
    """The "Editorial note" box on the page a note comments on. Written as HTML (Material's
    admonition markup) rather than `!!! info`: Markdown inside an admonition cannot hold the
    <div data-provenance> that says whose the text is."""
    note = ctx.knowledge.notes[slug]
    text = ctx.text(note)
    title = f"{escape(ctx.ui('editorial_note'))}: {inline_html(text.title)}"
    body = mark_english_titles(ctx, inline_html(" ".join(text.text.split())))
    all_notes = escape(ctx.same_language_href(NOTES, slug))
    return "\n".join([
        f'<div class="admonition info kb-note-box">',
        f'<p class="admonition-title">{title}</p>',
        f'<div class="kb-note-text" data-provenance="site"{ctx.lang_attr(note)}>',
        f"<p>{body}</p>",
        f'<p><span class="kb-provenance" data-search-exclude>{escape(ctx.ui("provenance_site_note"))}</span></p>',
        "</div>",
        f'<p data-search-exclude><small>{escape(ctx.ui("note_added_by_site"))} <a href="{all_notes}">{escape(ctx.ui("all_notes"))}</a></small></p>',
        "</div>",
        "",
    ])


def render_notes_list(ctx: RenderContext) -> str:
    """Every note under its title. The search index keeps only the titles here: each note's text is
    indexed once, in its box on the page it comments on (a build check makes sure the box is there)."""
    out = []
    for note in ctx.knowledge.notes.values():
        text = ctx.text(note)
        out += [f"## {text.title} {{ #{note.slug} }}", "",
                f'<p class="kb-kicker">{ctx.ui("note_kind_" + note.kind)}</p>', "",
                *note_text_part(ctx, note, text.text, indexed=False),
                f"{ctx.ui('appears_on')}: [{ctx.page_titles.get(note.page, ctx.ui('the_page'))}](/{note.page})",
                "{: data-search-exclude }", ""]
    return "\n".join(out)


def note_text_part(ctx: RenderContext, note, text: str, indexed: bool = True) -> list[str]:
    """An editorial note's text, labelled as the site's, with what its claims were checked against."""
    spanish = ctx.lang == "es" and note.es is not None and note.es.evidence
    evidence = "; ".join(note.es.evidence) if spanish else f'<span lang="en">{"; ".join(note.evidence)}</span>'
    mark = "" if indexed else " " + NOT_INDEXED
    return [f'<div class="kb-note-text" data-provenance="site"{ctx.lang_attr(note)}{mark} markdown>', "", text, "",
            f'<span class="kb-provenance" data-search-exclude>{ctx.ui("provenance_site_note")} · {ctx.ui("evidence")}: '
            f'{evidence}</span>', "", "</div>", ""]


def render_definition(ctx: RenderContext, slug: str) -> str:
    """A glossary entry's definition, shown whole on another page. Left out of the search index:
    the entry itself is indexed in the glossary."""
    entry = ctx.knowledge.glossary[slug]
    return "\n".join([
        f'<div class="kb-definition-block" {NOT_INDEXED} markdown>', "",
        *definition_parts(ctx, entry),
        f'<small>[{ctx.ui("glossary_entry")}](/{GLOSSARY}#{slug})</small>', "{: data-search-exclude }", "",
        "</div>", "",
    ])


def render_paper_heading(ctx: RenderContext, assumption: AssumptionPage, searched: bool = True) -> str:
    """The paper's own heading for an assumption, as a marked and attributed quotation (review
    P25): the page's H1 is the site's shorter title. In Spanish: the site's translation, with the
    English original beside it."""
    if not assumption.heading:
        return ""
    key = "provenance_quote_paper" + ("_translated" if ctx.lang != "en" else "")
    caption = escape(ctx.ui("paper_heading").replace("{number}", str(assumption.number)))
    if ctx.lang != "en" and assumption.heading_original:
        caption += (f' ({escape(ctx.ui("original_in_english"))}: '
                    f'<q lang="en">{escape(assumption.heading_original)}</q>)')
    return "\n".join([
        f'<figure class="kb-quotation kb-paper-heading" data-provenance="paper"{"" if searched else " " + NOT_INDEXED}>',
        f'<blockquote cite="{PAPER_URL}"><p>{escape(assumption.heading)}</p></blockquote>',
        f'<figcaption>{caption}. <span class="kb-provenance" data-search-exclude>{ctx.ui(key)}</span></figcaption>',
        "</figure>", ""])


def render_assumptions_list(ctx: RenderContext) -> str:
    k = ctx.knowledge
    out = []
    for a in ctx.assumptions:
        dims = ", ".join(f"[{ctx.text(k.dimensions[d]).title}](/{dimension_path(d)})" for d in a.dimensions)
        out += [f"## [{a.title}](/{a.path}) {{ #assumption-{a.number} }}", ""]
        heading = render_paper_heading(ctx, a, searched=False)   # indexed on the assumption's own page
        if heading:
            out += [heading, ""]
        out += [a.description, ""]
        if dims:
            # A Markdown-enabled block: links inside a raw <p> would be shown as typed (review P15).
            out += [f'<div class="kb-counts" data-provenance="site" {NOT_INDEXED} markdown>', "",
                    f"{ctx.ui('dimensions_touched')}: {dims} "
                    f'<span class="kb-provenance" data-search-exclude>{ctx.ui("provenance_site_mapping")}</span>', "", "</div>", ""]
    return "\n".join(out)


def render_assumption_dimensions(ctx: RenderContext, assumption: AssumptionPage) -> str:
    k = ctx.knowledge
    if not assumption.dimensions:
        return ""
    items = [f"- [{ctx.text(k.dimensions[d]).title}](/{dimension_path(d)})" for d in assumption.dimensions]
    return "\n".join([f"## {ctx.ui('dimensions_touched')} {{ #dimensions }}", "",
                      f'<div class="kb-mapping" data-provenance="site" {NOT_INDEXED} markdown>', "", *items, "",
                      f'<span class="kb-provenance" data-search-exclude>{ctx.ui("provenance_site_mapping")}</span>', "", "</div>", ""])

