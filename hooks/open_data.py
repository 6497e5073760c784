"""Open data: downloads, citations, JSON-LD. A thin adapter: the work is done in ../kb
(exports.py, data_page.py, citation.py)."""

from __future__ import annotations

import re
from pathlib import Path

from _shared import ROOT, default_language, i18n, knowledge, lang_state, language, relative_url
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

from kb.citation import cite_block, glossary_json_ld, json_ld_script, page_json_ld, paper_block
from kb.data_page import fill_sizes, render_downloads
from kb.exports import COLLECTIONS, FOLDER, build_downloads, check_against_pages, data_version

DOWNLOADS_MARKER = "<!-- kb:downloads -->"
# Pages that list entries or tools rather than argue: WebPage, not Article, in JSON-LD.
LIST_PAGES = {"index.md", "glossary.md", "factors.md", "organizations.md", "sources.md", "endnotes.md",
              "editorial-notes.md", "translation-status.md", "data.md"}
_build: dict = {}     # one per `mkdocs build`: the version and the downloads


def version() -> str:
    """Swap for a per-page last-changed date when one exists."""
    return _build["version"]


def on_pre_build(config):
    if language(config) == default_language(config) or "downloads" not in _build:
        _build["version"] = data_version(ROOT)
        _build["downloads"] = build_downloads(knowledge(), config["site_url"] or "/", _build["version"])


def english_path(src_uri: str) -> str:
    return re.sub(r"\.[a-z]{2}\.md$", ".md", src_uri)


def on_page_markdown(markdown, page, config, files):
    if DOWNLOADS_MARKER not in markdown:
        return markdown
    lang = language(config)
    k = knowledge()
    names = {l: k.ui(f"language_name_{l}", lang) for l in ("en", "es")}
    table = render_downloads(k, lang, lang_state(config).get("titles", {}),
                             lambda path: relative_url(path, page.url), names)
    return markdown.replace(DOWNLOADS_MARKER, table)


def on_post_page(output, page, config):
    src = english_path(page.file.src_uri)
    if src == "404.md" or "</article>" not in output:
        return output
    lang, k = language(config), knowledge()
    site_name = config["site_name"]
    site_url = config["site_url"] or "/"
    url = page.canonical_url or page.url
    # The page's own heading (the nav may use a shorter title).
    title = lang_state(config).get("titles", {}).get(src) or page.title or site_name
    data = [page_json_ld(lang, site_name, site_url, title, url, str(page.meta.get("description", "")),
                         version(), article=src not in LIST_PAGES)]
    if src == "glossary.md":
        data.append(glossary_json_ld(k, lang, url))
    scripts = "".join(json_ld_script(d) for d in data)
    output = output.replace("</head>", scripts + "</head>", 1)
    box = cite_block(k, lang, site_name, title, url, version())
    if src == "index.md":
        box = paper_block(k, lang) + box
    at = output.rfind("</article>")
    return output[:at] + box + output[at:]


@event_priority(-300)  # after i18n_fixes has split the search index (-200)
def on_post_build(config):
    if i18n(config).building:
        return
    site = Path(config["site_dir"])
    k = knowledge()
    problems = check_against_pages(k, shown_ids(site, k))
    if problems:
        raise PluginError("\nThe downloads would not match the pages:\n  " + "\n  ".join(problems))
    for download in _build["downloads"]:
        target = site / download.path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(download.data)
    fill_data_pages(site, config)


def shown_ids(site: Path, k) -> dict[str, set[str]]:
    """The ids on each collection's page, in every built edition (an id must be on all of them)."""
    result = {}
    prefixes = [""] + [f"{l}/" for l in ("es",) if (site / l).is_dir()]
    for collection in COLLECTIONS:
        found = None
        for prefix in prefixes:
            if collection.page:
                page = site / prefix / collection.page[:-3] / "index.html"
                ids = set(re.findall(r'\bid="([^"]+)"', page.read_text(encoding="utf-8"))) if page.exists() else set()
            else:
                ids = {p.parent.name for p in (site / prefix / "dimensions").glob("*/index.html")}
            found = ids if found is None else found & ids
        result[collection.name] = found or set()
    return result


def fill_data_pages(site: Path, config) -> None:
    sizes = {p.relative_to(site).as_posix(): p.stat().st_size for p in (site / FOLDER).glob("*") if p.is_file()}
    for lang in i18n(config).build_languages:
        page = site / ("" if lang == default_language(config) else lang) / "data" / "index.html"
        if page.exists():
            page.write_text(fill_sizes(page.read_text(encoding="utf-8"), sizes, lang), encoding="utf-8")
