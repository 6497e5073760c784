"""The print edition: every page of one edition on one page, in reading order, ids prefixed.

Pure functions on built HTML: `article_of(html)` takes a page's article, and `assemble(...)`
joins the articles with a table of contents, giving every id a per-page prefix (so none repeats)
and turning links between the edition's pages into links inside the print page.
"""

from __future__ import annotations

import html as html_module
import posixpath
import re
from dataclasses import dataclass

PLACEHOLDER = '<div class="kb-print-edition" data-kb-print-edition></div>'
_ARTICLE = re.compile(r'<article class="md-content__inner md-typeset">(.*)</article>', re.DOTALL)
_DROP = [
    re.compile(r'<aside class="kb-cite.*?</aside>\s*', re.DOTALL),                 # one citation, at the top
    re.compile(r'<a href="[^"]*" title="[^"]*" class="md-content__button md-icon"[^>]*>.*?</a>\s*', re.DOTALL),
    re.compile(r'<script\b.*?</script>', re.DOTALL),
    re.compile(r'<p class="kb-report">.*?</p>\s*', re.DOTALL),                     # "Report a problem": one, for the print page
]
_ID_ATTRIBUTE = re.compile(r'(\s(?:id|for|aria-labelledby|aria-describedby|aria-controls)=")([^"]*)(")')
_HREF = re.compile(r'(\s(?:xlink:)?href=")([^"]*)(")')


@dataclass(frozen=True)
class PrintPage:
    url: str       # site-relative URL of the page ("about/", "es/about/", "" for the home page)
    title: str
    article: str   # the page's article HTML


def article_of(page_html: str) -> str:
    match = _ARTICLE.search(page_html)
    if not match:
        return ""
    article = match.group(1)
    for pattern in _DROP:
        article = pattern.sub("", article)
    return article


def heading_of(article: str) -> str:
    """The text of the article's first <h1>, without its permalink sign."""
    match = re.search(r"<h1\b[^>]*>(.*?)</h1>", article, re.DOTALL)
    if not match:
        return ""
    text = re.sub(r'<a class="headerlink".*?</a>', "", match.group(1), flags=re.DOTALL)
    return html_module.unescape(re.sub(r"<[^>]+>", "", text)).strip()


def _resolve(href: str, page_url: str) -> tuple[str, str]:
    """(site-relative page URL, anchor) of a relative link written on `page_url`."""
    path, _, anchor = href.partition("#")
    if not path:
        return page_url, anchor
    base = posixpath.dirname("/" + page_url + "x")
    target = posixpath.normpath(posixpath.join(base, path)).lstrip("/")
    if path.endswith("/") and target and not target.endswith("/"):
        target += "/"
    if target.endswith("index.html"):
        target = target[: -len("index.html")]
    return ("" if target == "." else target), anchor


def prefix_ids(article: str, prefix: str) -> str:
    def ids(match: re.Match) -> str:
        return match.group(1) + " ".join(f"{prefix}-{i}" for i in match.group(2).split()) + match.group(3)
    return _ID_ATTRIBUTE.sub(ids, article)


def rewrite_links(article: str, page_url: str, anchors: dict[str, str], print_url: str) -> str:
    """Links to pages of the edition become in-page anchors; other relative links are made
    relative to the print page; outside addresses stay as they are."""
    def href(match: re.Match) -> str:
        value = html_module.unescape(match.group(2))
        if re.match(r"^[a-z][a-z0-9+.-]*:", value, re.IGNORECASE):
            return match.group(0)
        target, anchor = _resolve(value, page_url)
        if target in anchors:
            new = "#" + (f"{anchors[target]}-{anchor}" if anchor else anchors[target])
        else:
            new = posixpath.relpath("/" + (target or "."), "/" + (print_url or ".")) + ("/" if target.endswith("/") else "")
            new = new.replace("//", "/") + (f"#{anchor}" if anchor else "")
        return match.group(1) + html_module.escape(new) + match.group(3)
    return _HREF.sub(href, article)


def assemble(pages: list[PrintPage], print_url: str, contents_title: str) -> str:
    """The whole edition: a table of contents, then each page in a section with prefixed ids."""
    anchors = {page.url: f"p{n}" for n, page in enumerate(pages, start=1)}
    toc = "\n".join(f'<li><a href="#{anchors[p.url]}">{html_module.escape(p.title)}</a></li>' for p in pages)
    sections = []
    for page in pages:
        prefix = anchors[page.url]
        body = rewrite_links(prefix_ids(page.article, prefix), page.url, anchors, print_url)
        sections.append(f'<section class="kb-print-page" id="{prefix}" aria-label="{html_module.escape(page.title)}">\n'
                        f"{body}\n</section>")
    return (f'<nav class="kb-print-contents" aria-labelledby="kb-print-contents-title">\n'
            f'<h2 id="kb-print-contents-title">{html_module.escape(contents_title)}</h2>\n<ol>\n{toc}\n</ol>\n</nav>\n'
            + "\n".join(sections))


def drop_from_sitemap(xml: str, fragment: str) -> str:
    """Remove every <url> whose <loc> contains `fragment` (the print pages duplicate the others)."""
    return re.sub(r"\s*<url>(?:(?!</url>).)*?<loc>[^<]*" + re.escape(fragment) + r"[^<]*</loc>.*?</url>", "", xml, flags=re.DOTALL)
