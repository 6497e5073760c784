"""Changes to the built site that MkDocs and static-i18n leave to us (each is listed in MAINTAINING.md)."""

from __future__ import annotations

import functools
import json
import re
from urllib.parse import urljoin

_ALTERNATE_LINK = re.compile(r'[ \t]*<link rel="alternate" href="[^"]*" hreflang="[^"]*">\n?')
_CONFIG_SCRIPT = re.compile(r'(<script id="__config" type="application/json">)(.*?)(</script>)', re.DOTALL)


def split_search_index(index: dict, prefixes: dict[str, str]) -> dict[str, dict]:
    """One search index per language, so Spanish readers search (and download) Spanish only.

    `prefixes` maps each non-default language to its URL prefix ("es" -> "es/"); the default
    language gets every other document. Locations are made relative to the language's root.
    """
    out: dict[str, dict] = {}
    default_docs = [d for d in index["docs"] if not any(d["location"].startswith(p) for p in prefixes.values())]
    config = dict(index.get("config", {}))
    default_lang = [lang for lang in config.get("lang", ["en"]) if lang not in prefixes] or ["en"]
    out["default"] = {**index, "config": {**config, "lang": default_lang}, "docs": default_docs}
    for lang, prefix in prefixes.items():
        docs = [{**d, "location": d["location"][len(prefix):]} for d in index["docs"] if d["location"].startswith(prefix)]
        out[lang] = {**index, "config": {**config, "lang": [lang]}, "docs": docs}
    return out


def configure_search(html: str, index_prefix: str = "", worker: str = "kb-search.js") -> str:
    """Point the page's search at its language's index and at our worker wrapper.

    Material loads `<base>search/search_index.json`; Spanish pages get base + "es/". The worker
    named in `search` becomes our wrapper (docs/assets/javascripts/workers/), which loads
    Material's worker and stems the terms readers type.
    """
    def rewrite(match: re.Match) -> str:
        config = json.loads(match.group(2))
        if index_prefix:
            config["base"] = config.get("base", ".").rstrip("/") + "/" + index_prefix
        if config.get("search"):
            folder, _, material_worker = config["search"].rpartition("/")
            config["search"] = f"{folder}/{worker}?worker={material_worker}"
        return match.group(1) + json.dumps(config) + match.group(3)
    return _CONFIG_SCRIPT.sub(rewrite, html, count=1)


def strip_alternate_links(html: str) -> str:
    """Remove Material's <link rel="alternate" hreflang> tags from <head>.

    Since 9.7 Material fetches `<each alternate URL>/sitemap.xml` to switch languages itself; with
    static-i18n's per-page switcher those are 404s, three per page view. The hreflang cluster is
    published in sitemap.xml instead (absolute URLs and x-default), which search engines accept.
    """
    end = html.find("</head>")
    if end == -1:
        return _ALTERNATE_LINK.sub("", html)
    return _ALTERNATE_LINK.sub("", html[:end]) + html[end:]   # the links live in <head> only


def add_x_default(sitemap_xml: str, default_lang: str) -> str:
    """Give every <url> of the sitemap an x-default alternate: the default language's page."""
    pattern = re.compile(rf'(\s*)<xhtml:link rel="alternate" hreflang="{default_lang}" href="([^"]*)"/>')

    def one(match: re.Match) -> str:
        block = match.group(0)
        if 'hreflang="x-default"' in block:
            return block
        found = pattern.search(block)
        if not found:
            return block
        indent, href = found.group(1), found.group(2)
        last = block.rfind("/>") + 2
        return block[:last] + f'{indent}<xhtml:link rel="alternate" hreflang="x-default" href="{href}"/>' + block[last:]
    return re.sub(r"<url>.*?</url>", one, sitemap_xml, flags=re.DOTALL)


def absolute_url(site_url: str, url: str) -> str:
    return urljoin(site_url if site_url.endswith("/") else site_url + "/", url)


def drop_from_sitemap(sitemap_xml: str, absolute_urls: set[str]) -> str:
    """Remove <url> entries for the given pages, and alternate links pointing at them."""
    def keep_url(match: re.Match) -> str:
        block = match.group(0)
        loc = re.search(r"<loc>([^<]*)</loc>", block)
        if loc and loc.group(1).strip() in absolute_urls:
            return ""
        for url in absolute_urls:
            block = re.sub(rf'\s*<xhtml:link[^>]*href="{re.escape(url)}"[^>]*/>', "", block)
        return block
    return re.sub(r"\s*<url>.*?</url>", keep_url, sitemap_xml, flags=re.DOTALL)


def dumps_index(index: dict) -> str:
    return json.dumps(index, ensure_ascii=False, separators=(",", ":"))


_EMPHASIS = re.compile(r"<(em|cite)>([^<]{3,}?)</\1>")


def english_titles(knowledge) -> frozenset[str]:
    """English titles and names the data knows that stay in English in the other edition."""
    titles = {s.en.title for s in knowledge.sources.values()}
    titles |= {o.en.name for o in knowledge.organizations.values() if o.es is None or o.es.name == o.en.name}
    return frozenset(titles)


@functools.lru_cache(maxsize=8)
def _title_forms(titles: frozenset[str]) -> frozenset[str]:
    """Each title folded for comparison, and its part before a colon (the short title)."""
    folded = {" ".join(t.split()).casefold() for t in titles}
    return frozenset(folded | {t.split(":")[0] for t in folded})


def mark_english_titles(html: str, titles: frozenset[str]) -> str:
    """On a translated page, mark italic titles of English works and names as lang="en".

    `titles` holds the English titles and names the data knows (see `english_titles`); an
    italic text that is one of them, or the start of one ("Pathways for Peace" for "Pathways
    for Peace: Inclusive Approaches…"), is English: screen readers then switch voice.
    """
    forms = _title_forms(titles)

    def mark(match: re.Match) -> str:
        text = " ".join(match.group(2).split()).casefold()
        if text in forms:
            return f'<{match.group(1)} lang="en">{match.group(2)}</{match.group(1)}>'
        return match.group(0)
    return _EMPHASIS.sub(mark, html)


def add_script_labels(html: str, labels: dict[str, str]) -> str:
    """Give scripts their interface words as data-kb-* attributes on <html>, in the page's language.

    Scripts under docs/assets/ stay language-neutral: the words live in data/interface.yml and
    reach the script through the page, e.g. {"go-to-entry": "Ir a la entrada"}.
    """
    from html import escape
    attributes = "".join(f' data-kb-{name}="{escape(text, quote=True)}"' for name, text in labels.items())
    return re.sub(r"<html\b", lambda m: m.group(0) + attributes, html, count=1)


def gzip_text(text: str) -> bytes:
    """`text` gzipped reproducibly (no time or file name in the header): sitemap.xml.gz is written
    from the final sitemap.xml, after the hooks have changed it (MkDocs compresses it earlier)."""
    import gzip
    import io
    buffer = io.BytesIO()
    with gzip.GzipFile(fileobj=buffer, mode="wb", mtime=0, filename="") as archive:
        archive.write(text.encode("utf-8"))
    return buffer.getvalue()


EDITION_KEYS = ("edition_hint", "edition_hint_link", "edition_hint_close")


def add_edition_texts(html: str, knowledge, languages: list[str]) -> str:
    """Give assets/edition.js the words of its "also in your language" hint, in every language.

    The hint speaks the language the reader's browser prefers, not the page's, so each page
    carries all of them, as JSON data (not a script: the Content-Security-Policy allows it).
    """
    texts = {lang: {key: knowledge.ui(key, lang) for key in EDITION_KEYS} for lang in languages}
    data = json.dumps(texts, ensure_ascii=False).replace("</", "<\\/")
    snippet = f'<script type="application/json" id="kb-editions">{data}</script>\n'
    end = html.find("</head>")   # read before the scripts at the end of <body> run
    return html if end == -1 else html[:end] + snippet + html[end:]


_CHECKBOX_AUTOCOMPLETE = re.compile(r'(<input\b[^>]*\btype="checkbox"[^>]*?)\s+autocomplete="off"')
_TOC_LABEL = re.compile(r'(<label\b[^>]*?)\s+for="__toc"')


def fix_theme_html(html: str) -> str:
    """Correct what Material writes outside any partial we can override, so that every page
    passes the Nu HTML Checker (tests/site/test_html_validity.py).

    | Where (Material 9.8.1)            | What it writes                          | Fix                        |
    |-----------------------------------|-----------------------------------------|----------------------------|
    | base.html, drawer/search toggles  | autocomplete="off" on type="checkbox"  | attribute removed          |
    | partials/toc.html, on pages whose | <label for="__toc"> naming no control  | for removed (the label is  |
    | nav item has no __toc checkbox    | (section index pages)                   | still the contents' title) |

    Also overridden, as partials: partials/nav-item.html (tabindex="" on section labels).
    """
    html = _CHECKBOX_AUTOCOMPLETE.sub(r"\1", html)
    if 'id="__toc"' not in html:
        html = _TOC_LABEL.sub(r"\1", html)
    return html
