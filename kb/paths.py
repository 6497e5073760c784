"""Where pages live: the English/Spanish file convention and the site's URL arithmetic, in one place.

Files: an English page is `x.md`, its translation `x.<lang>.md` beside it ("about.es.md").
URLs: the default language at `/`, the others under `/<lang>/` ("es/glossary/").
"""

from __future__ import annotations

import functools
import posixpath
import re

_LANGUAGE_SUFFIX = re.compile(r"\.[a-z]{2}\.md$")


def is_english(docs_path: str) -> bool:
    """True for an English page ("about.md"), false for a translation ("about.es.md")."""
    return not _LANGUAGE_SUFFIX.search(docs_path)


def english_path(docs_path: str) -> str:
    """The English page a file belongs to: "about.es.md" -> "about.md"; "about.md" stays."""
    return _LANGUAGE_SUFFIX.sub(".md", docs_path)


def translated_path(english: str, lang: str) -> str:
    """The file a translation of an English page has: ("about.md", "es") -> "about.es.md"."""
    return english[:-3] + f".{lang}.md"


def localized_path(english: str, lang: str, default: str, existing) -> str:
    """The page's file in the edition's language, or the English one when there is no translation."""
    localized = translated_path(english, lang)
    return localized if lang != default and localized in existing else english


def site_path(docs_path: str, lang: str, default: str) -> str:
    """Site-relative URL of a docs page in a language: 'glossary.md' -> 'es/glossary/'."""
    stem = docs_path[:-3]
    if stem == "index" or stem.endswith("/index"):
        stem = stem[: -len("index")]
    else:
        stem += "/"
    prefix = "" if lang == default else f"{lang}/"
    return (prefix + stem).replace("//", "/")


@functools.lru_cache(maxsize=65536)
def relative_url(target: str, from_page_url: str) -> str:
    """URL of `target` (site-relative, e.g. 'es/glossary/#x') as seen from a page at `from_page_url`."""
    anchor = ""
    if "#" in target:
        target, anchor = target.split("#", 1)
        anchor = "#" + anchor
    base = posixpath.dirname(from_page_url.rstrip("/") + "/x") if from_page_url else ""
    rel = posixpath.relpath("/" + target, "/" + base)
    if (target.endswith("/") or not target) and not rel.endswith("/"):
        rel = "./" if rel == "." else rel + "/"
    return rel + anchor


def resolve_href(href_path: str, page_url: str) -> str:
    """The site path a relative link (without anchor) on the page at `page_url` leads to:
    ("../glossary/", "es/about/") -> "es/glossary/"; "" -> the page itself. Inverse of relative_url."""
    base = posixpath.dirname(page_url.rstrip("/") + "/x") if page_url else ""
    joined = posixpath.normpath(posixpath.join(base, href_path)) if href_path else page_url.rstrip("/")
    joined = "" if joined == "." else joined
    if joined and (href_path.endswith("/") or not href_path):
        joined += "/"
    return joined
