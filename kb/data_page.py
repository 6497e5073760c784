"""The table of downloads on the "Data" page, and the file sizes filled in once they are written."""

from __future__ import annotations

import html
import re
from typing import Callable

from . import sitemap
from .exports import COLLECTIONS, FOLDER, LANGUAGES, LICENCES, SITE_LICENCE, holds_paper_words
from .knowledge import Knowledge

FORMATS = {"json": "JSON", "schema": "JSON Schema", "skos": "SKOS (JSON-LD)", "csv": "CSV (UTF-8)",
           "xlsx": "Excel (.xlsx)", "zip": "ZIP", "pdf": "PDF"}
# The page that lists each collection: its title, in the edition's language, names the contents.
COLLECTION_PAGES = {c.name: sitemap.BY_KEY[c.attribute].list_page for c in COLLECTIONS}
MEDIA_TYPES = {"json": "application/json", "schema": "application/schema+json", "skos": "application/ld+json",
               "csv": "text/csv", "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
               "zip": "application/zip", "pdf": "application/pdf"}
SIZE_SPAN = re.compile(r'<span class="kb-size" data-kb-size="([^"]+)">[^<]*</span>')


def listed_files() -> list[tuple[str, str, str, str]]:
    """(path, format, collection, language) of every file the Data page lists, in its order."""
    files = []
    for lang in LANGUAGES:
        files.append((f"{FOLDER}/knowledge-base-{lang}.xlsx", "xlsx", "all", lang))
        for name in ("factors", "glossary", "organizations"):
            files.append((f"{FOLDER}/{name}-{lang}.csv", "csv", name, lang))
    for c in COLLECTIONS:
        files.append((f"{FOLDER}/{c.name}.json", "json", c.name, ""))
    files.append((f"{FOLDER}/glossary.skos.jsonld", "skos", "glossary", ""))
    for c in COLLECTIONS:
        files.append((f"{FOLDER}/{c.name}.schema.json", "schema", c.name, ""))
    for lang in LANGUAGES:
        files.append((f"{FOLDER}/offline-{lang}.zip", "zip", "offline", lang))
        files.append((f"{FOLDER}/print-{lang}.pdf", "pdf", "print", lang))
    return files


# What a file of each kind holds, where it is not one collection: the workbook holds the three
# tables, the offline copies and the print editions hold the pages, which quote the paper.
HOLDS = {"all": ("factors", "glossary", "organizations")}
HOLDS_PAGES = ("offline", "print")


def paper_words_in(knowledge: Knowledge, kind: str, collection: str) -> bool:
    """Whether a listed file holds the paper's words (then it is not under CC BY alone): computed
    from the licence of each field the file holds; a schema holds no text of the paper."""
    if kind == "schema":
        return False
    if collection in HOLDS_PAGES:
        return True
    return any(holds_paper_words(knowledge, name) for name in HOLDS.get(collection, (collection,)))


def dataset_json_ld(knowledge: Knowledge, lang: str, name: str, description: str, page_url: str,
                    site: dict, absolute: Callable[[str], str], version: str, published: Callable[[str], bool]) -> dict:
    """schema.org Dataset for the Data page, so dataset search engines find the files: one
    DataDownload per listed file this build publishes, each with the licence its fields call for."""
    site_licence = LICENCES[SITE_LICENCE]["url"]
    mixed = {"@type": "CreativeWork", "name": knowledge.ui("download_licence_mixed", lang), "url": page_url + "#licence"}
    files = [{"@type": "DataDownload", "name": path.rsplit("/", 1)[-1], "contentUrl": absolute(path),
              "encodingFormat": MEDIA_TYPES[kind], "inLanguage": file_lang or ["en", "es"],
              "license": mixed if paper_words_in(knowledge, kind, collection) else site_licence}
             for path, kind, collection, file_lang in listed_files() if published(path)]
    return {"@context": "https://schema.org", "@type": "Dataset", "name": name, "description": description,
            "url": page_url, "inLanguage": lang, "creator": site, "dateModified": version[:10],
            "license": mixed, "isAccessibleForFree": True, "distribution": files}


def render_downloads(knowledge: Knowledge, lang: str, titles: dict[str, str], href: Callable[[str], str],
                     language_names: dict[str, str]) -> str:
    """An HTML table: file (link), contents, language, format, size (filled in later), licence."""
    ui = lambda key: html.escape(knowledge.ui(key, lang))   # noqa: E731
    rows = []
    for path, kind, collection, file_lang in listed_files():
        if collection == "all":
            contents = ", ".join(titles.get(COLLECTION_PAGES[n], n) for n in ("factors", "glossary", "organizations"))
        elif collection == "offline":
            contents = knowledge.ui("offline_copy", lang)
        elif collection == "print":
            contents = knowledge.ui("print_edition", lang)
        else:
            contents = titles.get(COLLECTION_PAGES[collection], collection)
        if kind == "schema":
            contents = f"{knowledge.ui('download_schema_of', lang)} {collection}.json"
        licence = "download_licence_mixed" if paper_words_in(knowledge, kind, collection) else "download_licence_site"
        language = language_names.get(file_lang, "") if file_lang else knowledge.ui("download_both_languages", lang)
        name = path.rsplit("/", 1)[-1]
        rows.append(f'<tr data-kb-file="{html.escape(path)}"><td><a href="{html.escape(href(path))}" download><code>{html.escape(name)}</code></a></td>'
                    f"<td>{html.escape(contents)}</td><td>{html.escape(language)}</td><td>{FORMATS[kind]}</td>"
                    f'<td><span class="kb-size" data-kb-size="{html.escape(path)}">–</span></td>'
                    f"<td>{ui(licence)}</td></tr>")
    head = "".join(f"<th scope=\"col\">{ui(k)}</th>" for k in
                   ("download_file", "download_contents", "download_language", "download_format", "download_size", "download_licence"))
    # A list of files, not reading text: left out of the search index (the page's prose describes them).
    return (f'<div class="kb-downloads md-typeset__scrollwrap" data-search-exclude><div class="md-typeset__table"><table class="kb-nolink">\n'
            f"<thead><tr>{head}</tr></thead>\n<tbody>\n" + "\n".join(rows) + "\n</tbody></table></div></div>\n")


def format_size(size: int, lang: str) -> str:
    if size < 1024:
        text = f"{size} B"
    elif size < 1024 * 1024:
        text = f"{size / 1024:.0f} KB"
    else:
        text = f"{size / (1024 * 1024):.1f} MB"
    return text.replace(".", ",") if lang == "es" else text


ROW = re.compile(r'<tr data-kb-file="([^"]+)">.*?</tr>\n?')


def fill_sizes(page_html: str, sizes: dict[str, int], lang: str) -> str:
    """Put each file's size into its table cell; rows of files this build did not make (the PDFs
    without `make pdf`) are dropped, so the page never links to a missing file."""
    page_html = ROW.sub(lambda m: m.group(0) if m.group(1) in sizes else "", page_html)
    return SIZE_SPAN.sub(lambda m: f'<span class="kb-size" data-kb-size="{m.group(1)}">'
                                   f'{format_size(sizes[m.group(1)], lang)}</span>', page_html)
