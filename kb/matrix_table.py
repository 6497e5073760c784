"""The factor × dimension chart: an HTML table, so that it fits a phone, keeps its headers in
view while scrolling (sticky <thead>) and in print (a repeated <thead>), and reads without
JavaScript or images. It is left out of the search index (data-search-exclude): every factor
and dimension is indexed where it is described."""

from __future__ import annotations

from html import escape

from . import sitemap
from .context import RenderContext

FACTORS = sitemap.BY_KEY["factors"].list_page
MARK = {"risk": "■", "resilience": "●"}   # shapes as well as colours: colour is not the only cue


def render_matrix(ctx: RenderContext) -> str:
    k = ctx.knowledge
    dimensions = list(k.dimensions.values())
    titles = [escape(ctx.text(d).title) for d in dimensions]
    # The key sits right above the table: on a phone the headers show only the numbers.
    key = "".join(f'<li value="{n}">{title}</li>' for n, title in enumerate(titles, 1))
    legend = (f'<p class="kb-matrix-legend"><span class="kb-m-risk" aria-hidden="true">{MARK["risk"]}</span> '
              f'{escape(ctx.ui("risk_factor_one"))} <span class="kb-m-resilience" aria-hidden="true">'
              f'{MARK["resilience"]}</span> {escape(ctx.ui("resilience_factor_one"))}</p>')
    head = "".join(f'<th scope="col" class="kb-m-dim"><span class="kb-m-num" aria-hidden="true">{n}</span>'
                   f'<span class="kb-m-name">{title}</span></th>' for n, title in enumerate(titles, 1))
    out = [f'<div class="kb-matrix-key" data-search-exclude>{legend}<ol class="kb-matrix-dims">{key}</ol></div>',
           f'<table class="kb-matrix" data-search-exclude><caption>{escape(ctx.ui("matrix_title"))}</caption>',
           f'<thead><tr><th scope="col" class="kb-m-factor">{escape(ctx.ui("matrix_factor"))}</th>{head}</tr></thead>']
    for kind in ("risk", "resilience"):
        out.append(f'<tbody class="kb-m-{kind}"><tr class="kb-m-group"><th scope="colgroup" '
                   f'colspan="{len(dimensions) + 1}">{escape(ctx.ui(kind + "_factors"))}</th></tr>')
        mark_label = escape(ctx.ui(kind + "_factor_one"))
        for factor in (f for f in k.factors.values() if f.kind == kind):
            named_by = {d.slug for d in k.dimensions_of(factor.slug)}
            href = escape(ctx.same_language_href(FACTORS, factor.slug))
            cells = "".join(
                f'<td><a class="kb-m-mark" href="{href}"><span aria-hidden="true">{MARK[kind]}</span>'
                f'<span class="kb-m-sr">{mark_label}</span></a></td>' if d.slug in named_by else "<td></td>"
                for d in dimensions)
            out.append(f'<tr><th scope="row">{escape(ctx.text(factor).label)}</th>{cells}</tr>')
        out.append("</tbody>")
    out.append("</table>")
    return "\n".join(out)
