"""The factor × dimension chart: an SVG drawn at build time, labelled for screen readers."""

from __future__ import annotations

from html import escape
from textwrap import wrap

from .context import RenderContext

ROW_LINE = 17          # height of one line of label text
LABEL_WIDTH = 196      # room for wrapped factor labels: the chart fits a 360 px phone screen
COLUMN = 31            # width of one dimension's column
WRAP_AT = 28           # characters per label line


def render_matrix(ctx: RenderContext) -> str:
    k = ctx.knowledge
    dimensions = list(k.dimensions.values())
    width = LABEL_WIDTH + COLUMN * len(dimensions) + 4
    top = 40
    body, y = [], top
    for kind in ("risk", "resilience"):
        factors = [f for f in k.factors.values() if f.kind == kind]
        body.append(f'<text class="kb-m-group" x="0" y="{y + 14}">{escape(ctx.ui(kind + "_factors"))}</text>')
        y += 24
        for factor in factors:
            lines = wrap(ctx.text(factor).label, WRAP_AT) or [""]
            height = ROW_LINE * len(lines) + 6
            named_by = [d.slug for d in k.dimensions_of(factor.slug)]
            label = escape(ctx.text(factor).label)
            body.append(f'<g class="kb-m-row kb-m-{kind}"><title>{label}: '
                        f'{escape(", ".join(ctx.text(k.dimensions[s]).title for s in named_by))}</title>')
            body.append(f'<rect class="kb-m-band" x="0" y="{y}" width="{width}" height="{height}"/>')
            for i, line in enumerate(lines):
                body.append(f'<text class="kb-m-label" x="4" y="{y + 15 + i * ROW_LINE}">{escape(line)}</text>')
            for column, dimension in enumerate(dimensions):
                if dimension.slug in named_by:
                    cx = LABEL_WIDTH + column * COLUMN + COLUMN // 2
                    cy = y + height // 2
                    shape = (f'<circle cx="{cx}" cy="{cy}" r="7"/>' if kind == "resilience"
                             else f'<rect x="{cx - 7}" y="{cy - 7}" width="14" height="14"/>')
                    body.append(f'<g class="kb-m-mark">{shape}</g>')
            body.append("</g>")
            y += height
        y += 12
    header = [f'<text class="kb-m-head" x="{LABEL_WIDTH + c * COLUMN + COLUMN // 2}" y="26" text-anchor="middle">{c + 1}</text>'
              for c in range(len(dimensions))]
    title = escape(ctx.ui("matrix_title"))
    desc = escape(ctx.ui("matrix_desc").format(factors=len(k.factors), dimensions=len(dimensions)))
    svg = (f'<svg class="kb-matrix" role="img" aria-labelledby="kb-matrix-title kb-matrix-desc" '
           f'viewBox="0 0 {width} {y}" width="{width}" height="{y}" xmlns="http://www.w3.org/2000/svg">'
           f'<title id="kb-matrix-title">{title}</title><desc id="kb-matrix-desc">{desc}</desc>'
           + "".join(header) + "".join(body) + "</svg>")
    legend = "".join(f"<li><strong>{n}</strong> {escape(ctx.text(d).title)}</li>" for n, d in enumerate(dimensions, 1))
    key = (f'<p class="kb-matrix-key"><span class="kb-key-risk" aria-hidden="true"></span> {escape(ctx.ui("risk"))} '
           f'<span class="kb-key-resilience" aria-hidden="true"></span> {escape(ctx.ui("resilience"))}</p>')
    return (f'<figure class="kb-matrix-figure"><div class="kb-matrix-scroll" tabindex="0" role="region" '
            f'aria-label="{title}">{svg}</div><figcaption>{key}<ol class="kb-matrix-legend">{legend}</ol>'
            f"</figcaption></figure>")
