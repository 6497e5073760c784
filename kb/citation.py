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


# --- One record per cited work -----------------------------------------------------------------
# Every format is written from one CSL-JSON record (the format citeproc engines and Zotero read), so
# the APA and Chicago texts, BibTeX, RIS and CSL-JSON cannot disagree. The creator of a page is the
# site itself, a corporate author; the paper's is the Stanley Center. No access date is stored: a
# reader's reference manager adds its own.
_LANGID = {"en": "english", "es": "spanish"}


def _date_parts(version: str) -> list[int]:
    return [int(part) for part in version_date(version).split("-")]


def page_record(lang: str, site_name: str, title: str, url: str, version: str) -> dict:
    """The CSL-JSON record of one page of the site, dated by its last change."""
    return {"id": bibtex_key(url, version), "type": "webpage", "title": title,
            "author": [{"literal": site_name}], "issued": {"date-parts": [_date_parts(version)]},
            "URL": url, "language": lang}


def paper_record(knowledge: Knowledge, lang: str) -> dict:
    """The CSL-JSON record of the paper. Its author is its publisher, so APA names it once."""
    year, month = (int(part) for part in PAPER["date"].split("-")[:2])
    return {"id": "stanleycenter-2020-strategy", "type": "report", "title": PAPER["title"],
            "author": [{"literal": PAPER["publisher"]}], "genre": knowledge.ui("cite_paper_genre", lang),
            "issued": {"date-parts": [[year, month]]}, "URL": PAPER_URL, "language": "en"}


def _creator(record: dict) -> str:
    return record["author"][0]["literal"]


def _lang_attr(record: dict, lang: str) -> str:
    """' lang="en"' when the work is in another language than the page, else nothing."""
    return f' lang="{record["language"]}"' if record["language"] != lang else ""


def _marked(text: str, record: dict, lang: str) -> str:
    mark = _lang_attr(record, lang)
    return f"<span{mark}>{html.escape(text)}</span>" if mark else html.escape(text)


def _italic_title(record: dict, lang: str) -> str:
    return f"<i{_lang_attr(record, lang)}>{html.escape(record['title'])}</i>"


def _issued(record: dict, sep: str = "-") -> str:
    """The record's date as written in BibTeX ('2026-11-24') or RIS ('2026/11/24')."""
    return sep.join(f"{part:02d}" for part in record["issued"]["date-parts"][0])


def _day(record: dict, lang: str) -> str:
    """'November 24' / '24 de noviembre'."""
    day = dt.date(*record["issued"]["date-parts"][0])
    return format_date(day, format="MMMM d" if lang == "en" else "d 'de' MMMM", locale=BABEL_LOCALES.get(lang, lang))


def apa_text(record: dict, lang: str) -> str:
    """APA 7 as HTML: creator, (date), title in italics, [genre], address."""
    when = _issued(record)[:4] if record["type"] == "report" else citation_date(_issued(record), lang)
    title = _italic_title(record, lang)
    genre = f" [{html.escape(record['genre'])}]" if record.get("genre") else ""
    return f"{_marked(_creator(record), record, lang)}. ({html.escape(when)}). {title}{genre}. {html.escape(record['URL'])}"


def chicago_text(record: dict, lang: str) -> str:
    """Chicago author-date as HTML. A page's title is quoted, the paper's in italics; English puts
    the full stop inside the closing quotation mark, Spanish after it."""
    year = record["issued"]["date-parts"][0][0]
    creator = _marked(_creator(record), record, lang)
    if record["type"] == "report":
        title = _italic_title(record, lang)
        return f"{creator}. {year}. {title}. {html.escape(record['genre'])}. {html.escape(record['URL'])}."
    quoted = f"“{html.escape(record['title'])}.”" if lang == "en" else f"“{html.escape(record['title'])}”."
    return f"{creator}. {year}. {quoted} {html.escape(_day(record, lang))}. {html.escape(record['URL'])}."


def _bibtex_escape(text: str) -> str:
    return re.sub(r"([{}%&$#_])", r"\\\1", text)


def bibtex_key(url: str, version: str) -> str:
    path = re.sub(r"^https?://[^/]+/", "", url).strip("/") or "home"
    return "apkb-" + re.sub(r"[^a-z0-9]+", "-", path.lower()).strip("-") + "-" + _year(version)


def bibtex(record: dict, note: str = "") -> str:
    """biblatex: @online for a page (Zotero imports it as a web page), @techreport for the paper.
    The creator sits in double braces, the form for a corporate author."""
    b = _bibtex_escape
    parts = record["issued"]["date-parts"][0]
    fields = [("author", "{" + b(_creator(record)) + "}"), ("title", b(record["title"]))]
    if record["type"] == "report":
        entry = "techreport"
        fields += [("institution", b(_creator(record))), ("type", b(record["genre"])), ("year", str(parts[0]))]
    else:
        entry = "online"
    fields += [("date", _issued(record)), ("url", record["URL"]),
               ("langid", _LANGID.get(record["language"], record["language"]))]
    if note:
        fields.append(("note", b(note)))
    body = ",\n".join(f"  {name} = {{{value}}}" for name, value in fields)
    return f"@{entry}{{{record['id']},\n{body}\n}}"


def ris(record: dict, note: str = "") -> str:
    """RIS: ELEC for a page, RPRT for the paper; AU holds the corporate creator, with no comma so
    that reference managers keep it as one name."""
    parts = record["issued"]["date-parts"][0]
    lines = [("TY", "RPRT" if record["type"] == "report" else "ELEC"), ("AU", _creator(record)),
             ("TI", record["title"]), ("PY", str(parts[0])), ("DA", _issued(record, "/")),
             ("UR", record["URL"]), ("LA", record["language"])]
    if record["type"] == "report":
        lines += [("PB", _creator(record)), ("M3", record["genre"])]
    if note:
        lines.append(("N1", note))
    lines.append(("ER", ""))
    return "\n".join(f"{tag}  - {value}".rstrip() for tag, value in lines)


def csl_json(record: dict) -> str:
    """The record as CSL-JSON (a list of one item), the format citeproc engines and Zotero import."""
    return json.dumps([record], ensure_ascii=False, sort_keys=True)


def paper_reference(knowledge: Knowledge, lang: str) -> str:
    """The paper's own reference, APA 7. The publisher's name and the title are English in every
    edition, and marked so."""
    return apa_text(paper_record(knowledge, lang), lang)


def _based_on(knowledge: Knowledge, lang: str) -> str:
    """The plain-text note a page's BibTeX and RIS carry: the paper it is based on."""
    return f"{knowledge.ui('cite_based_on', lang)}: {PAPER['publisher']}, {PAPER['title']} ({PAPER['date'][:4]}), {PAPER_URL}"


def page_citation(knowledge: Knowledge, lang: str, site_name: str, title: str, url: str, version: str) -> str:
    """APA reference to one page, as HTML (titles in italics, every part escaped), then the paper."""
    record = page_record(lang, site_name, title, url, version)
    return f"{apa_text(record, lang)}. {html.escape(knowledge.ui('cite_based_on', lang))}: {paper_reference(knowledge, lang)}"


def _formats(knowledge: Knowledge, lang: str, record: dict, note: str) -> str:
    """The same reference in Chicago, then as code for reference managers."""
    ui = lambda key: html.escape(knowledge.ui(key, lang))   # noqa: E731
    return (f'<details class="kb-cite-formats"><summary>Chicago · BibTeX · RIS · CSL-JSON</summary>\n'
            f'<p class="kb-cite-chicago"><strong>Chicago:</strong> {chicago_text(record, lang)}</p>\n'
            f'<p>{ui("cite_formats")}</p>\n'
            f'<pre class="kb-cite-bibtex"><code>{html.escape(bibtex(record, note))}</code></pre>\n'
            f'<pre class="kb-cite-ris"><code>{html.escape(ris(record, note))}</code></pre>\n'
            f'<pre class="kb-cite-csl"><code>{html.escape(csl_json(record))}</code></pre>\n'
            f'</details>\n')


def cite_block(knowledge: Knowledge, lang: str, site_name: str, title: str, url: str, version: str) -> str:
    """The "Cite this page" box: a ready APA reference, then the other formats in a <details>."""
    record = page_record(lang, site_name, title, url, version)
    return (f'<aside class="kb-cite" aria-labelledby="kb-cite-title">\n'
            f'<h2 id="kb-cite-title">{html.escape(knowledge.ui("cite_this_page", lang))}</h2>\n'
            f'<p class="kb-cite-text">{page_citation(knowledge, lang, site_name, title, url, version)}</p>\n'
            + _formats(knowledge, lang, record, _based_on(knowledge, lang)) + '</aside>\n')


def paper_block(knowledge: Knowledge, lang: str) -> str:
    """The "Cite the paper" box on the home page."""
    record = paper_record(knowledge, lang)
    return (f'<aside class="kb-cite kb-cite-paper" aria-labelledby="kb-cite-paper-title">\n'
            f'<h2 id="kb-cite-paper-title">{html.escape(knowledge.ui("cite_the_paper", lang))}</h2>\n'
            f'<p class="kb-cite-text">{paper_reference(knowledge, lang)}</p>\n'
            + _formats(knowledge, lang, record, "") + '</aside>\n')


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
                 version: str, article: bool, publisher: str = "", image: str = "") -> dict:
    """A page as schema.org: its creator is the site (an organization), its publisher the
    maintainers named in mkdocs.yml, its image the preview card."""
    site = {"@type": "Organization", "name": site_name, "url": site_url}
    data = {"@context": "https://schema.org", "@type": "Article" if article else "WebPage",
            "name": title, "url": url, "inLanguage": lang, "dateModified": version_date(version),
            "author": site, "isBasedOn": the_paper(), "license": "https://creativecommons.org/licenses/by/4.0/",
            "isPartOf": {"@type": "WebSite", "name": site_name, "url": site_url}}
    if publisher:
        data["publisher"] = {"@type": "Organization", "name": publisher}
    if image:
        data["image"] = image
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
