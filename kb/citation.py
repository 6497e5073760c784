"""Citations ("Cite this page", "Cite the paper") and schema.org JSON-LD, from page metadata.

Pure functions: the hook gives the page's title, address, language and the data's version; the
words come from data/interface.yml and the paper's reference from kb/paper.py.
"""

from __future__ import annotations

import datetime as dt
import html
import json
import re

from babel.dates import format_date

from .inline import first_sentence
from .knowledge import Knowledge
from .paper import PAPER, PAPER_URL
from .revision import BABEL_LOCALES


def version_date(version: str) -> str:
    """'2026-11-24T08:44:38+00:00' -> '2026-11-24'."""
    return version[:10]


# APA's "(year, month day)", in the reader's language; the machine formats (BibTeX, RIS, JSON-LD)
# keep ISO 8601.
CITATION_DATE = {"en": "y, MMMM d", "es": "y, d 'de' MMMM"}


def citation_date(version: str, lang: str) -> str:
    """'2026-11-24…' -> '2026, November 24' / '2026, 24 de noviembre'."""
    day = dt.date.fromisoformat(version_date(version))
    return format_date(day, format=CITATION_DATE.get(lang, "y-MM-dd"), locale=BABEL_LOCALES.get(lang, lang))


def _year(version: str) -> str:
    return version[:4]


def paper_reference(knowledge: Knowledge, lang: str) -> str:
    """The paper's own reference, APA-like: publisher, date, title, genre, address. The
    publisher's name and the title are English in every edition, and marked so."""
    mark = ' lang="en"' if lang != "en" else ""
    return (f"<span{mark}>{PAPER['publisher']}</span>. ({PAPER['date'][:4]}). <i{mark}>{PAPER['title']}</i> "
            f"[{knowledge.ui('cite_paper_genre', lang)}]. {PAPER_URL}")


def page_citation(knowledge: Knowledge, lang: str, site_name: str, title: str, url: str, version: str) -> str:
    """APA-like reference to one page, as HTML (titles in italics, every part escaped)."""
    e = html.escape
    return (f"{e(site_name)}. ({e(citation_date(version, lang))}). <i>{e(title)}</i>. {e(url)}. "
            f"{e(knowledge.ui('cite_based_on', lang))}: {paper_reference(knowledge, lang)}")


def _bibtex_escape(text: str) -> str:
    return re.sub(r"([{}%&$#_])", r"\\\1", text)


def bibtex_key(url: str, version: str) -> str:
    path = re.sub(r"^https?://[^/]+/", "", url).strip("/") or "home"
    return "apkb-" + re.sub(r"[^a-z0-9]+", "-", path.lower()).strip("-") + "-" + _year(version)


def page_bibtex(lang: str, site_name: str, title: str, url: str, version: str) -> str:
    b = _bibtex_escape
    return (f"@misc{{{bibtex_key(url, version)},\n"
            f"  title = {{{b(title)}}},\n"
            f"  howpublished = {{{b(site_name)}}},\n"
            f"  year = {{{_year(version)}}},\n"
            f"  url = {{{url}}},\n"
            f"  urldate = {{{version_date(version)}}},\n"
            f"  language = {{{'english' if lang == 'en' else 'spanish'}}},\n"
            f"  note = {{{b(PAPER['publisher'])}, {b(PAPER['title'])} ({PAPER['date'][:4]}), {PAPER_URL}}}\n"
            f"}}")


def page_ris(lang: str, site_name: str, title: str, url: str, version: str) -> str:
    lines = [("TY", "ELEC"), ("TI", title), ("T2", site_name), ("PY", _year(version)),
             ("DA", version_date(version).replace("-", "/")), ("UR", url), ("LA", lang),
             ("N1", f"{PAPER['publisher']}, {PAPER['title']} ({PAPER['date'][:4]}), {PAPER_URL}"), ("ER", "")]
    return "\n".join(f"{tag}  - {value}".rstrip() for tag, value in lines)


def cite_block(knowledge: Knowledge, lang: str, site_name: str, title: str, url: str, version: str) -> str:
    """The "Cite this page" box: a ready reference, then BibTeX and RIS in a <details>."""
    ui = lambda key: html.escape(knowledge.ui(key, lang))   # noqa: E731
    return (f'<aside class="kb-cite" aria-labelledby="kb-cite-title">\n'
            f'<h2 id="kb-cite-title">{ui("cite_this_page")}</h2>\n'
            f'<p class="kb-cite-text">{page_citation(knowledge, lang, site_name, title, url, version)}</p>\n'
            f'<details class="kb-cite-formats"><summary>BibTeX · RIS</summary>\n'
            f'<p>{ui("cite_formats")}</p>\n'
            f'<pre class="kb-cite-bibtex"><code>{html.escape(page_bibtex(lang, site_name, title, url, version))}</code></pre>\n'
            f'<pre class="kb-cite-ris"><code>{html.escape(page_ris(lang, site_name, title, url, version))}</code></pre>\n'
            f'</details>\n</aside>\n')


def paper_block(knowledge: Knowledge, lang: str) -> str:
    """The "Cite the paper" box on the home page."""
    title = html.escape(knowledge.ui("cite_the_paper", lang))
    bibtex = (f"@techreport{{stanleycenter-2020-strategy,\n  title = {{{PAPER['title']}}},\n"
              f"  institution = {{{PAPER['publisher']}}},\n  type = {{{PAPER['genre']}}},\n"
              f"  year = {{2020}},\n  month = sep,\n  url = {{{PAPER_URL}}}\n}}")
    return (f'<aside class="kb-cite kb-cite-paper" aria-labelledby="kb-cite-paper-title">\n'
            f'<h2 id="kb-cite-paper-title">{title}</h2>\n'
            f'<p class="kb-cite-text">{paper_reference(knowledge, lang)}</p>\n'
            f'<details class="kb-cite-formats"><summary>BibTeX</summary>\n'
            f'<pre class="kb-cite-bibtex"><code>{html.escape(bibtex)}</code></pre>\n</details>\n</aside>\n')


# --- schema.org JSON-LD ------------------------------------------------------------------------
def json_ld_script(data: dict) -> str:
    """A <script type="application/ld+json"> element that no text can close: <, > and & escaped."""
    text = json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    text = text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    return f'<script type="application/ld+json">{text}</script>'


def the_paper() -> dict:
    return {"@type": "Report", "name": PAPER["title"], "url": PAPER_URL, "datePublished": PAPER["date"],
            "publisher": {"@type": "Organization", "name": PAPER["publisher"]}}


def page_json_ld(lang: str, site_name: str, site_url: str, title: str, url: str, description: str,
                 version: str, article: bool) -> dict:
    data = {"@context": "https://schema.org", "@type": "Article" if article else "WebPage",
            "name": title, "url": url, "inLanguage": lang, "dateModified": version_date(version),
            "isBasedOn": the_paper(), "license": "https://creativecommons.org/licenses/by/4.0/",
            "isPartOf": {"@type": "WebSite", "name": site_name, "url": site_url}}
    if article:
        data["headline"] = title
    if description:
        data["description"] = description
    return data



def glossary_json_ld(knowledge: Knowledge, lang: str, page_url: str) -> dict:
    """A DefinedTermSet with every term of the glossary in the page's language."""
    terms = []
    for entry in knowledge.glossary.values():
        block = getattr(entry, lang) or entry.en
        terms.append({"@type": "DefinedTerm", "name": block.term,
                      "termCode": entry.slug, "url": f"{page_url}#{entry.slug}",
                      "inLanguage": lang if getattr(entry, lang) else "en",
                      "description": first_sentence(block.definition)})
    return {"@context": "https://schema.org", "@type": "DefinedTermSet", "@id": page_url,
            "name": knowledge.ui("glossary_title", lang), "url": page_url, "inLanguage": lang,
            "isBasedOn": the_paper(), "hasDefinedTerm": terms}
