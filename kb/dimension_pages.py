"""The five dimension pages, the dimensions overview list and the factor index."""

from __future__ import annotations

from . import sitemap
from .context import RenderContext
from .facts import facts_blocks
from .provenance import part
from .schema import Provenance
from .search_exclusion import NOT_INDEXED

SITE = Provenance(kind="site")

FACTORS = sitemap.BY_KEY["factors"].list_page
GLOSSARY = sitemap.BY_KEY["glossary"].list_page
DIMENSIONS = sitemap.BY_KEY["dimensions"]


def dimension_path(slug: str) -> str:
    return f"{DIMENSIONS.generated_prefix}{slug}.md"


def render_dimension_page(ctx: RenderContext, slug: str) -> str:
    k = ctx.knowledge
    dimension = k.dimensions[slug]
    text = ctx.text(dimension)
    number = list(k.dimensions).index(slug) + 1
    out = [
        "---",
        f"description: {_yaml_string(text.summary[:157] + ('…' if len(text.summary) > 157 else ''))}",
        "---",
        "",
        f"# {text.title}",
        "",
        f'<p class="kb-kicker">{ctx.ui("dimension")} {number} {ctx.ui("dimension_of")} {len(k.dimensions)}</p>',
        "",
    ]
    notice = ctx.translation_notice(dimension, dimension_path(slug), "")
    if notice:
        out += [notice, ""]
    out += part(ctx, SITE, text.summary, "kb-summary", ctx.lang_attr(dimension))
    out += ['<div class="kb-columns" data-provenance="paper" markdown>', ""]
    for field, heading_key, anchor in (("risks", "risk_factors", "risks"), ("resiliencies", "resilience_factors", "resiliencies")):
        # Each item links to its factor in the factor index, where search finds it: the list is left
        # out of the index (data-search-exclude on the heading leaves out its section).
        out += [f'<section class="kb-column kb-{anchor}" markdown>', "",
                f"## {ctx.ui(heading_key)} {{ #{anchor} data-search-exclude }}", ""]
        for factor_slug in getattr(dimension, field):
            out.append(_factor_item(ctx, factor_slug, exclude=slug))
        out += ["", "</section>", ""]
    out += [f'<span class="kb-provenance" data-search-exclude>{ctx.ui("provenance_annex")}</span>', "", "</div>", ""]
    # The sections below lead elsewhere or say the same on every dimension page: kept out of the
    # search index (data-search-exclude on a heading leaves out its section).
    out += glossary_terms(ctx, dimension)
    touching = [a for a in ctx.assumptions if slug in a.dimensions]
    if touching:
        out += [f"## {ctx.ui('assumptions_touching')} {{ #assumptions data-search-exclude }}", ""]
        out += ['<div class="kb-mapping" data-provenance="site" markdown>', ""]
        out += [f"- [{a.title}](/{a.path})" for a in touching]
        out += ["", f'<span class="kb-provenance" data-search-exclude>{ctx.ui("provenance_site_mapping")}</span>', "", "</div>", ""]
    out += [f"## {ctx.ui('about_this_page')} {{ #about-this-page data-search-exclude }}", "",
            ctx.ui("dimension_page_source") + " [" + ctx.ui("all_dimensions") + f"](/{DIMENSIONS.list_page}) · "
            f"[{ctx.ui('factor_index')}](/{FACTORS})", ""]
    return "\n".join(out)


def glossary_terms(ctx: RenderContext, dimension) -> list[str]:
    """The glossary entries behind this dimension and its factors, so a reader can look them up."""
    k = ctx.knowledge
    slugs = [dimension.glossary] if dimension.glossary else []
    for factor_slug in [*dimension.risks, *dimension.resiliencies]:
        term = k.factors[factor_slug].glossary
        if term and term not in slugs:
            slugs.append(term)
    if not slugs:
        return []
    links = ", ".join(f"[{ctx.text(k.glossary[s]).term}](/{GLOSSARY}#{s})" for s in slugs)
    return [f"## {ctx.ui('glossary_terms')} {{ #glossary-terms data-search-exclude }}", "", links, ""]


def table_label(ctx: RenderContext, dimension, factor) -> str:
    """The factor as THIS dimension's annex table words it (the factor index keeps every wording)."""
    wording = ctx.text(dimension).wording if not ctx.is_fallback(dimension) else dimension.en.wording
    return wording.get(factor.slug) or ctx.text(factor).label


def _factor_item(ctx: RenderContext, factor_slug: str, exclude: str) -> str:
    k = ctx.knowledge
    factor = k.factors[factor_slug]
    label = table_label(ctx, k.dimensions[exclude], factor)
    shared = [d for d in k.dimensions_of(factor_slug) if d.slug != exclude]
    item = f'1. <span id="{factor_slug}"></span>[{label}](/{FACTORS}#{factor_slug})'
    if shared:
        links = ", ".join(f"[{ctx.text(d).title}](/{dimension_path(d.slug)})" for d in shared)
        item += f"  \n    <span data-search-exclude><small>{ctx.ui('also_under')}: </small>{links}</span>"
    return item


def render_dimensions_list(ctx: RenderContext) -> str:
    k = ctx.knowledge
    out = []
    for number, dimension in enumerate(k.dimensions.values(), start=1):
        text = ctx.text(dimension)
        out += [f"### {number}. [{text.title}](/{dimension_path(dimension.slug)}) {{ #{dimension.slug} }}", "",
                f'<div {NOT_INDEXED} markdown>', "",     # the summary is indexed on the dimension's page
                text.summary, "",
                f'<p class="kb-counts">{count(ctx, len(dimension.risks), "risk_factor")} · '
                f'{count(ctx, len(dimension.resiliencies), "resilience_factor")}</p>', "",
                "</div>", ""]
    return "\n".join(out)


def count(ctx: RenderContext, n: int, noun: str) -> str:
    return f"{n} {ctx.ui(noun + ('_one' if n == 1 else '_many'))}"


def render_factor_index(ctx: RenderContext) -> str:
    """Every factor once. The labels are the annex's words, so the whole index says so up front."""
    k = ctx.knowledge
    out = ['<div class="kb-factor-index" data-provenance="paper" markdown>', "",
           f'<p><span class="kb-provenance" data-search-exclude>{ctx.ui("provenance_annex")}</span></p>', ""]
    for kind, heading_key, anchor in (("risk", "risk_factors", "risk-factors"), ("resilience", "resilience_factors", "resilience-factors")):
        out += [f"## {ctx.ui(heading_key)} {{ #{anchor} }}", ""]
        for factor in (f for f in k.factors.values() if f.kind == kind):
            text = ctx.text(factor)
            out += [f"### {text.label} {{ #{factor.slug} }}", ""]
            notice = ctx.translation_notice(factor, FACTORS, factor.slug)
            if notice:
                out += [notice, ""]
            named_by = ", ".join(f"[{ctx.text(d).title}](/{dimension_path(d.slug)})" for d in k.dimensions_of(factor.slug))
            facts = [f"**{ctx.ui('also_phrased')}:** " + "; ".join(f"*{p}*" for p in text.also_phrased)] if text.also_phrased else []
            links = [f"**{ctx.ui('named_as_' + kind)}:** {named_by}"]
            if factor.glossary:
                term = ctx.text(k.glossary[factor.glossary]).term
                links.append(f"**{ctx.ui('glossary')}:** [{term}](/{GLOSSARY}#{factor.glossary})")
            out += facts_blocks(facts, links)
    out += ["</div>", ""]
    return "\n".join(out)


def _yaml_string(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'
