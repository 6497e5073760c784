"""The offline copy of one edition: a .zip of the built pages that opens from the file system.

A browser opening `index.html` from disk does not turn `glossary/` into `glossary/index.html`,
so every link to a folder gets `index.html`; links to what the copy leaves out (the other
edition, the downloads) point to the published site instead. Search cannot run from the file
system (browsers refuse its worker there), so it is switched off and hidden, and the footer says so.
Entries are sorted and dated with a fixed time: two builds give the same bytes.
"""

from __future__ import annotations

import io
import posixpath
import re
import zipfile
from typing import Callable, Mapping

from .csp import offline_policy
from .exports import FIXED_TIME

# Never in a copy: the other editions (chosen by the caller), the downloads, search, preview cards.
LEFT_OUT = ("downloads/", "search/", "assets/cards/", "assets/javascripts/lunr/", "assets/javascripts/workers/", "sitemap.xml")
_LINK = re.compile(r'(\s(?:href|src)=")([^"]*)(")')
_SCHEME = re.compile(r"^(?:[a-z][a-z0-9+.-]*:|//|#)", re.IGNORECASE)


def selected(path: str, lang: str, default: str, languages: tuple[str, ...]) -> bool:
    """Whether a file of the built site belongs in the copy of edition `lang`."""
    if path.startswith(LEFT_OUT) or path.endswith((".gz", ".map")):
        return False
    top = path.split("/", 1)[0]
    if top in languages and top != default and "/" in path:   # another edition's folder
        return top == lang
    if lang != default:   # the Spanish copy: its folder plus the shared assets
        return path.startswith("assets/")
    return True


def rewrite_page(page_html: str, page_path: str, present: set[str], site_url: str, notice: str) -> str:
    """Links that work from disk; a notice instead of search."""
    page_dir = posixpath.dirname(page_path)

    def link(match: re.Match) -> str:
        value = match.group(2)
        if not value or _SCHEME.match(value):
            return match.group(0)
        path, hash_, anchor = value.partition("#")
        path, mark, query = path.partition("?")
        if not path:
            return match.group(0)
        is_folder = path.endswith("/") or posixpath.basename(path) in (".", "..")
        resolved = posixpath.normpath(posixpath.join(page_dir, path))
        if is_folder:
            resolved = "index.html" if resolved == "." else resolved + "/index.html"
            path = path.rstrip("/") + "/index.html"
        if resolved.startswith("..") or resolved not in present:   # not in the copy: the published page
            online = resolved[: -len("index.html")] if resolved.endswith("index.html") else resolved
            return match.group(1) + site_url.rstrip("/") + "/" + online.lstrip("./") + hash_ + anchor + match.group(3)
        return match.group(1) + path + mark + query + hash_ + anchor + match.group(3)

    page_html = _LINK.sub(link, page_html)
    # Material starts search for a form named "search" and a "search" component: without them it
    # neither loads the index nor starts the worker, whose failure would stop its other scripts.
    page_html = page_html.replace('<form class="md-search__form" name="search">', '<form class="md-search__form">', 1)
    page_html = page_html.replace('data-md-component="search"', 'data-kb-offline-search', 1)
    page_html = re.sub(r"<html\b", "<html data-kb-offline", page_html, count=1)   # whatever attributes follow
    page_html = offline_policy(page_html)      # file:// refuses integrity checks
    return page_html.replace('<div class="md-copyright">',
                             f'<div class="md-copyright"><p class="kb-offline-notice" role="note">{notice}</p>', 1)


def offline_zip(files: Mapping[str, bytes], lang: str, default: str, languages: tuple[str, ...], site_url: str,
                notice: str, folder: str, transform: Callable[[str, str], str] = lambda path, text: text) -> bytes:
    """The zip of one edition. `files` maps every built file's site path to its bytes;
    `transform(path, html)` lets the caller change a page first (e.g. fill in file sizes)."""
    chosen = sorted(p for p in files if selected(p, lang, default, languages))
    present = set(chosen)
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        entries: dict[str, bytes] = {}
        for path in chosen:
            data = files[path]
            if path.endswith(".html"):
                text = transform(path, data.decode("utf-8"))
                data = rewrite_page(text, path, present, site_url, notice).encode("utf-8")
            entries[path] = data
        if lang != default:   # index.html at the top opens the edition
            entries["index.html"] = (f'<!doctype html><html lang="{lang}"><meta charset="utf-8">'
                                     f'<meta http-equiv="refresh" content="0; url={lang}/index.html">'
                                     f'<title>{lang}</title><a href="{lang}/index.html">{lang}/index.html</a></html>\n').encode("utf-8")
        for path in sorted(entries):
            info = zipfile.ZipInfo(f"{folder}/{path}", date_time=FIXED_TIME.timetuple()[:6])
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            archive.writestr(info, entries[path])
    return out.getvalue()
