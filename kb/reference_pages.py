"""Organizations directory, sources list, editorial notes, assumptions list and definition blocks."""

from __future__ import annotations

from dataclasses import dataclass

from .collation import sort_key
from .context import RenderContext
from .glossary_page import GLOSSARY

ORGANIZATIONS = "organizations.md"
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
                name = f'<span lang="en">{name}</span>'   # an English name: screen readers switch voice
            out += [f"### {name} {{ #{org.slug} }}", ""]
            notice = ctx.translation_notice(org, ORGANIZATIONS, org.slug)
            if notice:
                out += [notice, ""]
            gloss = getattr(text, "gloss", "")
            if gloss:
                out += [f'<p class="kb-gloss">{gloss}</p>', ""]
            out += [ctx.paragraph(org, text.description), ""]
            facts = [f"**{ctx.ui('scope')}:** {ctx.ui('scope_' + org.scope.replace('-', '_'))}",
                     f"**{ctx.ui('cited_on')}:** <!-- kb:used-on {org.slug} -->"]
            if ctx.lang == "es" and org.es and org.es.name != org.en.name:
                facts.insert(0, f'**{ctx.ui("english_name")}:** <span lang="en">{org.en.name}</span>')
            out += ['<div class="kb-facts" markdown>', ""] + [f"- {f}" for f in facts] + ["", "</div>", ""]
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
            addition = f' <span class="kb-badge">{ctx.ui("site_addition")}</span>' if source.site_addition else ""
            title = f"*{text.title}*"
            if ctx.lang != "en" and text.title == source.en.title:
                title = f'<cite lang="en">{text.title}</cite>'
            out += [f'<div class="kb-source" id="{source.slug}" markdown>', "",
                    f"{title}. {text.publisher}{year}.{addition}", ""]
            if text.note:
                out += [ctx.paragraph(source, text.note), ""]
            out += ["</div>", ""]
    return "\n".join(out)


def render_note_box(ctx: RenderContext, slug: str) -> str:
    note = ctx.knowledge.notes[slug]
    text = ctx.text(note)
    title = f"{ctx.ui('editorial_note')}: {text.title}"
    return "\n".join([
        f'!!! info "{_quote(title)}"',
        "",
        f"    {text.text}",
        "",
        f"    <small>{ctx.ui('note_added_by_site')} [{ctx.ui('all_notes')}](/editorial-notes.md#{slug})</small>",
        "",
    ])


def render_notes_list(ctx: RenderContext) -> str:
    out = []
    for note in ctx.knowledge.notes.values():
        text = ctx.text(note)
        out += [f"## {text.title} {{ #{note.slug} }}", "",
                f'<p class="kb-kicker">{ctx.ui("note_kind_" + note.kind)}</p>', "",
                ctx.paragraph(note, text.text), "",
                f"{ctx.ui('appears_on')}: [{ctx.page_titles.get(note.page, ctx.ui('the_page'))}](/{note.page})", ""]
    return "\n".join(out)


def render_definition(ctx: RenderContext, slug: str) -> str:
    entry = ctx.knowledge.glossary[slug]
    text = ctx.text(entry)
    return "\n".join([
        f'<div class="kb-definition-block"{ctx.lang_attr(entry)} markdown>', "",
        text.definition, "",
        f'<small>[{ctx.ui("glossary_entry")}](/{GLOSSARY}#{slug})</small>', "",
        "</div>", "",
    ])


def render_assumptions_list(ctx: RenderContext) -> str:
    k = ctx.knowledge
    out = []
    for a in ctx.assumptions:
        dims = ", ".join(f"[{ctx.text(k.dimensions[d]).title}](/dimensions/{d}.md)" for d in a.dimensions)
        out += [f"## [{a.title}](/{a.path}) {{ #assumption-{a.number} }}", "", a.description, ""]
        if dims:
            out += [f'<p class="kb-counts">{ctx.ui("dimensions_touched")}: {dims}</p>', ""]
    return "\n".join(out)


def render_assumption_dimensions(ctx: RenderContext, assumption: AssumptionPage) -> str:
    k = ctx.knowledge
    if not assumption.dimensions:
        return ""
    items = [f"- [{ctx.text(k.dimensions[d]).title}](/dimensions/{d}.md)" for d in assumption.dimensions]
    return "\n".join([f"## {ctx.ui('dimensions_touched')} {{ #dimensions }}", "", *items, ""])


def _quote(text: str) -> str:
    return text.replace('"', "'")
