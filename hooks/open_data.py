"""Open data: downloads, the Data page, citations, JSON-LD, the print edition and the offline
copies. A thin adapter: the work is done in ../kb (exports.py, data_page.py, citation.py,
print_edition.py, offline.py). Listed last in mkdocs.yml: it reads what the other hooks made."""

from __future__ import annotations

import os
import re
from pathlib import Path

from _shared import ROOT, default_language, edition, editions, fail, i18n, knowledge, language
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

from kb.citation import cite_block, glossary_json_ld, json_ld_script, page_json_ld, paper_block
from kb.config_guard import check_config_file
from kb.credits import publisher_name
from kb.data_page import dataset_json_ld, fill_sizes, render_downloads
from kb.exports import COLLECTIONS, FOLDER, build_downloads, check_against_pages, data_version
from kb.offline import offline_zip
from kb.paths import english_path, relative_url
from kb.publishing import publishing_problems
from kb.print_edition import PLACEHOLDER, PrintPage, article_of, assemble, drop_from_sitemap, heading_of
from kb.share import absolute, card_path
from kb.site_output import gzip_text

DOWNLOADS_MARKER = "<!-- kb:downloads -->"
PRINT_MARKER = "<!-- kb:print-edition -->"
PRINT_PAGE = "print.md"
PDF_DIR = "build/pdf"                       # where scripts/print_pdf.py (make pdf) writes the PDFs
OFFLINE_FOLDER = "atrocity-prevention-kb"   # the folder inside each offline zip
NOT_PRINTED = {"translation-status.md", "data.md", PRINT_PAGE, "404.md"}   # tools, not the knowledge
# Pages that list entries or tools rather than argue: WebPage, not Article, in JSON-LD.
LIST_PAGES = {"index.md", "glossary.md", "factors.md", "organizations.md", "sources.md", "endnotes.md",
              "editorial-notes.md", "translation-status.md", "data.md"}
_build: dict = {}     # one per `mkdocs build`: the version and the downloads


def version(page=None) -> str:
    """The version a citation names: the page's last change (hooks/share_cards.py reads it from
    git), else the date of the data's last commit."""
    day = getattr(page, "kb_last_changed", None)
    return day.isoformat() if day else _build["version"]


def on_config(config):
    """mkdocs.yml stays within what maintainers checked (kb/config_guard.py); the deploy build
    (KB_PUBLISHING=1) refuses the local defaults (kb/publishing.py)."""
    fail(check_config_file(Path(config["config_file_path"])))
    problems = publishing_problems(os.environ)
    if problems:
        raise PluginError("\nThis build is for publishing, but:\n  " + "\n  ".join(problems))
    return config


def on_pre_build(config):
    if language(config) == default_language(config) or "downloads" not in _build:
        _build["version"] = data_version(ROOT)
        _build["downloads"] = build_downloads(knowledge(), config["site_url"] or "/", _build["version"])


@event_priority(-300)  # after knowledge_pages has put the dimension pages in the nav (-200)
def on_nav(nav, config, files):
    """The edition's reading order, for the print edition: the nav's pages."""
    edition(config).reading_order = [(p.url, english_path(p.file.src_uri), p.title) for p in nav.pages]
    return nav


def on_page_markdown(markdown, page, config, files):
    markdown = markdown.replace(PRINT_MARKER, PLACEHOLDER)
    if DOWNLOADS_MARKER not in markdown:
        return markdown
    ed = edition(config)
    lang, k = ed.lang, ed.knowledge
    names = {l: k.ui(f"language_name_{l}", lang) for l in ("en", "es")}
    table = render_downloads(k, lang, ed.titles,
                             lambda path: relative_url(path, page.url), names)
    return markdown.replace(DOWNLOADS_MARKER, table)


def on_post_page(output, page, config):
    src = english_path(page.file.src_uri)
    if src == "404.md" or "</article>" not in output:
        return output
    ed = edition(config)
    lang, k = ed.lang, ed.knowledge
    site_name = config["site_name"]
    site_url = config["site_url"] or "/"
    url = page.canonical_url or page.url
    # The page's own heading (the nav may use a shorter title).
    title = ed.titles.get(src) or page.title or site_name
    data = [page_json_ld(lang, site_name, site_url, title, url, str(page.meta.get("description", "")),
                         version(page), article=src not in LIST_PAGES, publisher=publisher_name(config["extra"], lang),
                         image=absolute(config["site_url"], card_path(lang, page.url)))]
    if src == "glossary.md":
        data.append(glossary_json_ld(k, lang, url))
    if src == "data.md":
        data.append(dataset_json_ld(k, lang, title, str(page.meta.get("description", "")), url, data[0]["author"],
                                    lambda path: absolute(config["site_url"], path), version(page),
                                    # the print PDFs are published only once `make pdf` has made them
                                    lambda path: not path.endswith(".pdf") or (ROOT / PDF_DIR / Path(path).name).exists()))
    scripts = "".join(json_ld_script(d) for d in data)
    if src == PRINT_PAGE:   # a copy of every page: not for search engines
        scripts = '<meta name="robots" content="noindex">' + scripts
    output = output.replace("</head>", scripts + "</head>", 1)
    output = add_footer_links(output, page, config)
    box = cite_block(k, lang, site_name, title, url, version(page))
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
    others = [l for l in i18n(config).build_languages if l != default_language(config)]
    problems = check_against_pages(k, shown_ids(site, [""] + [f"{l}/" for l in others]))
    if problems:
        raise PluginError("\nThe downloads would not match the pages:\n  " + "\n  ".join(problems))
    for download in _build["downloads"]:
        target = site / download.path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(download.data)
    for pdf in sorted((ROOT / PDF_DIR).glob("print-*.pdf")):   # made by `make pdf` from the previous build
        (site / FOLDER / pdf.name).write_bytes(pdf.read_bytes())
    for lang in i18n(config).build_languages:
        write_print_edition(site, config, lang)
    write_offline_copies(site, config)
    fill_data_pages(site, config)


def write_offline_copies(site: Path, config) -> None:
    languages = tuple(i18n(config).build_languages)
    default = default_language(config)
    files = {p.relative_to(site).as_posix(): p.read_bytes() for p in sorted(site.rglob("*")) if p.is_file()}
    sizes = download_sizes(site)

    def fill(path: str, text: str) -> str:   # the copy's Data page lists what exists so far
        return fill_sizes(text, sizes, "es" if path.startswith("es/") else "en") if path.endswith("data/index.html") else text

    k = knowledge()
    for lang in languages:
        data = offline_zip(files, lang, default, languages, config["site_url"] or "/",
                           k.ui("offline_search_unavailable", lang), f"{OFFLINE_FOLDER}-{lang}", fill)
        (site / FOLDER / f"offline-{lang}.zip").write_bytes(data)


def download_sizes(site: Path) -> dict[str, int]:
    return {p.relative_to(site).as_posix(): p.stat().st_size for p in (site / FOLDER).glob("*") if p.is_file()}


def add_footer_links(output: str, page, config) -> str:
    """A small link to the print edition and the Data page in the footer of every page."""
    lang, default = language(config), default_language(config)
    prefix = "" if lang == default else f"{lang}/"
    ed = edition(config)
    links = (f'<p class="kb-footer-links"><a href="{relative_url(prefix + "print/", page.url)}">{ed.ui("print_link")}</a>'
             f' · <a href="{relative_url(prefix + "data/", page.url)}">{ed.ui("data_link")}</a></p>')
    return output.replace('<div class="md-copyright">', '<div class="md-copyright">' + links, 1)


def write_print_edition(site: Path, config, lang: str) -> None:
    default = default_language(config)
    prefix = "" if lang == default else f"{lang}/"
    target = site / prefix / "print" / "index.html"
    if not target.exists():
        return
    ed = editions.get(lang)
    titles = ed.titles if ed else {}
    pages = []
    for url, src, nav_title in (ed.reading_order if ed else []):
        if src in NOT_PRINTED:
            continue
        built = site / (url + "index.html" if url.endswith("/") or not url else url)
        article = article_of(built.read_text(encoding="utf-8"))
        pages.append(PrintPage(url, titles.get(src) or heading_of(article) or nav_title or url, article))
    contents = assemble(pages, prefix + "print/", knowledge().ui("print_contents", lang))
    page_html = target.read_text(encoding="utf-8")
    if PLACEHOLDER not in page_html:
        raise PluginError(f"\ndocs/{PRINT_PAGE}: the print edition page lost its marker; "
                          f"put the line {PRINT_MARKER} back at its end")
    target.write_text(page_html.replace(PLACEHOLDER, contents, 1), encoding="utf-8")
    sitemap = site / "sitemap.xml"
    if sitemap.exists():
        final = drop_from_sitemap(sitemap.read_text(encoding="utf-8"), "/print/")
        sitemap.write_text(final, encoding="utf-8")
        (site / "sitemap.xml.gz").write_bytes(gzip_text(final))   # the same content as sitemap.xml


def shown_ids(site: Path, prefixes: list[str]) -> dict[str, set[str]]:
    """The ids on each collection's page, in every built edition (an id must be on all of them)."""
    result = {}
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
    sizes = download_sizes(site)
    for lang in i18n(config).build_languages:
        page = site / ("" if lang == default_language(config) else lang) / "data" / "index.html"
        if page.exists():
            page.write_text(fill_sizes(page.read_text(encoding="utf-8"), sizes, lang), encoding="utf-8")
