"""Show whose words or claim a text is: the paper's, an official text's or the site's.

Every rendered part carries `data-provenance="paper|official|site"` on the element that holds
the text, and a short visible label ("From the paper", "From an official text", "Site summary") with a
link to the section of the site that presents that part of the paper, or to the UN document.
"""

from __future__ import annotations

import re
from html import escape

from .context import RenderContext
from .inline import first_sentence
from .paper import PAPER_TITLES, PAPER_URL
from .schema import Provenance

# UN document symbols such as A/RES/60/1, A/47/277, S/RES/2282 (2016): these have a stable address.
UN_SYMBOL = re.compile(r"\b(?:A|S|E)/(?:RES/)?[0-9]+(?:/[0-9]+)*(?:\s\([0-9]{4}\))?")


def undocs_url(symbol: str, lang: str) -> str:
    """The official address of a UN document; Spanish pages ask for the Spanish text."""
    compact = symbol.replace(" (", "(")
    return "https://undocs.org/" + ("es/" if lang == "es" else "") + compact


def external_link(ctx: RenderContext, href: str, text: str, lang: str = "") -> str:
    """A link that leaves the site, marked as such for the eye and for screen readers."""
    lang_attr = f' hreflang="{lang}"' if lang else ""
    return (f'<a class="kb-external" href="{escape(href)}"{lang_attr} rel="external">{text}'
            f'<span class="kb-visually-hidden" data-search-exclude> ({ctx.ui("external_link")})</span></a>')


def evidenced_links(ctx: RenderContext, links) -> str:
    """The entry's official pages, each kept only because its address was seen somewhere citable.
    undocs.org addresses ask for the Spanish text on Spanish pages."""
    shown = []
    for link in links:
        if link.lang not in ("any", ctx.lang):
            continue
        url = link.url
        if ctx.lang == "es" and url.startswith("https://undocs.org/") and not url.startswith("https://undocs.org/es/"):
            url = "https://undocs.org/es/" + url[len("https://undocs.org/"):]
        text = re.sub(r"^https://(www\.)?", "", url).rstrip("/")
        shown.append(external_link(ctx, url, escape(text)))
    return ", ".join(shown)


def official_ref_html(ctx: RenderContext, ref: str) -> str:
    """The reference with each UN symbol in it linked to undocs.org."""
    out, at = [], 0
    for match in UN_SYMBOL.finditer(ref):
        out.append(escape(ref[at:match.start()]))
        out.append(external_link(ctx, undocs_url(match.group(0), ctx.lang), escape(match.group(0))))
        at = match.end()
    out.append(escape(ref[at:]))
    return "".join(out)


def page_ref_link(ctx: RenderContext, ref: str) -> str:
    """Markdown link to the site's section named by 'page.md#anchor', titled by that page."""
    path = ref.split("#", 1)[0]
    title = ctx.page_titles.get(path) or ctx.ui("the_page")
    return f"[{title}](/{ref})"


def label(ctx: RenderContext, provenance: Provenance, kind_key: str = "") -> str:
    """The visible label, as inline Markdown/HTML: '<span class="kb-provenance" data-search-exclude>From the paper · …</span>'."""
    words = ctx.ui(kind_key or f"provenance_{provenance.kind}")
    if provenance.kind == "official":
        detail = official_ref_html(ctx, provenance.ref_es if ctx.lang == "es" and provenance.ref_es else provenance.ref)
    elif provenance.ref:
        detail = (ctx.ui("provenance_based_on") + " " if provenance.kind == "site" else "") + page_ref_link(ctx, provenance.ref)
    else:
        detail = ""
    return f'<span class="kb-provenance" data-search-exclude>{words}{" · " + detail if detail else ""}</span>'




def mark_english_titles(ctx: RenderContext, text: str) -> str:
    if ctx.lang == "en":
        return text
    for title in PAPER_TITLES:
        pattern = r"\s+".join(re.escape(word) for word in title.split())
        text = re.sub(pattern, lambda m: f'<span lang="en">{" ".join(m.group(0).split())}</span>', text)
    return text


def part(ctx: RenderContext, provenance: Provenance, text: str, css: str = "kb-part",
         lang_attr: str = "", kind_key: str = "") -> list[str]:
    """One text with its provenance: the element holding the text says whose it is."""
    text = mark_english_titles(ctx, text)
    return [f'<div class="{css}" data-provenance="{provenance.kind}"{lang_attr} markdown>', "",
            text, "", label(ctx, provenance, kind_key), "", "</div>", ""]


def quotation(ctx: RenderContext, provenance: Provenance, text: str, attribution: str = "",
              lang_attr: str = "") -> list[str]:
    """An exact quotation (in Spanish: the site's translation of it), marked and attributed."""
    cite = PAPER_URL if provenance.kind == "paper" else ""
    cite_attr = f' cite="{cite}"' if cite else ""
    key = "provenance_quote_" + provenance.kind + ("_translated" if ctx.lang != "en" else "")
    caption = escape(attribution) + (". " if attribution else "")
    return [f'<figure class="kb-quotation" data-provenance="{provenance.kind}"{lang_attr} markdown>',
            f'<blockquote{cite_attr}><p>{escape(text)}</p></blockquote>',
            f'<figcaption markdown>{caption}{label(ctx, provenance, key)}</figcaption>',
            "</figure>", ""]


def gist_label(ctx: RenderContext, entry) -> str:
    """The label beside a collapsed entry's visible line (the definition's first sentence): whose
    words it is, as plain text, since a link inside <summary> would steal the tap that opens it."""
    text = ctx.text(entry)
    provenance = entry.provenance
    words = ctx.ui("provenance_site_gloss" if text.quotation and provenance.kind == "site" else f"provenance_{provenance.kind}")
    if provenance.kind == "official":
        words += " · " + escape(provenance.ref_es if ctx.lang == "es" and provenance.ref_es else provenance.ref)
    return f'<span class="kb-provenance kb-gist-provenance" data-search-exclude>{words}</span>'


def definition_parts(ctx: RenderContext, entry, after_gist: bool = False) -> list[str]:
    """A glossary entry's texts: the quoted definition, the site's (or official) definition, and
    what the paper says about the term, each as its own part with its own provenance.

    `after_gist`: the definition's first sentence is already shown (the glossary's collapsed
    entry), so its part holds the rest, with the label that says whose the definition is."""
    text = ctx.text(entry)
    lang_attr = ctx.lang_attr(entry)
    lines: list[str] = []
    if text.quotation and entry.quotation_from is not None:
        lines += quotation(ctx, entry.quotation_from, text.quotation, text.attribution, lang_attr)
    gloss_key = "provenance_site_gloss" if text.quotation else ""
    definition = " ".join(text.definition.split())
    if after_gist:
        definition = definition[len(first_sentence(definition)):].strip()
    if definition or not after_gist:     # collapsed, the first sentence carries its label in <summary>
        lines += part(ctx, entry.provenance, definition, "kb-definition", lang_attr, gloss_key)
    if text.context and entry.context_from is not None:
        lines += part(ctx, entry.context_from, text.context, "kb-context", lang_attr)
    return lines



_EXTERNAL_A = re.compile(r'<a\s(?P<attrs>[^>]*?\bhref="https?://[^"]*"[^>]*)>(?P<body>.*?)</a>', re.DOTALL)


def mark_external_links(html: str, site_url: str, hidden_text: str) -> str:
    """Mark every link that leaves the site (class kb-external: an arrow; hidden words for screen
    readers), whoever wrote it: Markdown pages, data or templates inside the page content."""
    own = site_url.rstrip("/")

    def mark(match: re.Match) -> str:
        attrs, body = match.group("attrs"), match.group("body")
        href = re.search(r'href="([^"]*)"', attrs).group(1)
        if "kb-external" in attrs or (own and href.startswith(own)):
            return match.group(0)
        if re.search(r'\bclass="', attrs):
            attrs = re.sub(r'\bclass="', 'class="kb-external ', attrs, count=1)
        else:
            attrs += ' class="kb-external"'
        return f'<a {attrs}>{body}<span class="kb-visually-hidden" data-search-exclude> ({hidden_text})</span></a>'

    return _EXTERNAL_A.sub(mark, html)
