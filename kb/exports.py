"""Open-data downloads built from the validated data: JSON, CSV, XLSX, JSON Schema and SKOS.

Pure functions: `build_downloads(knowledge, site_url, version)` returns every file as bytes by its
path under the site's `downloads/` folder. The entries are written from the pydantic models
themselves (`model_dump`), plus a few derived fields (translation status, page addresses,
provenance, licence per field), so a field added to `kb/schema.py` appears in every export.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import re
import subprocess
import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import Literal, Optional

from pydantic import BaseModel, ConfigDict, Field, create_model

from . import schema, sitemap
from .knowledge import Knowledge
from .paper import PAPER, PAPER_URL
from .paths import site_path
from .translation import entry_status

FOLDER = "downloads"
LANGUAGES = sitemap.LANGUAGES

# Licences: the site's own text is CC BY 4.0; the paper's words (the annex's factor phrases and
# quotations) stay the paper's, credited and not relicensed.
SITE_LICENCE = "CC-BY-4.0"
PAPER_LICENCE = "paper"
LICENCES = {
    SITE_LICENCE: {"name": "Creative Commons Attribution 4.0 International",
                   "url": "https://creativecommons.org/licenses/by/4.0/"},
    PAPER_LICENCE: {"name": "Words of the Stanley Center for Peace and Security's discussion paper "
                            "(September 2020), quoted or translated with credit; not covered by the "
                            "site's licence",
                    "url": PAPER_URL},
}


@dataclass(frozen=True)
class Collection:
    name: str            # export name and file stem
    attribute: str       # Knowledge attribute
    model: type[BaseModel]
    page: str            # docs page that lists the entries ("" for one page per entry)
    paper_fields: frozenset[str] = frozenset()   # language-block fields in the paper's words
    tabular: bool = False


# Site-map key -> the language-block fields in the paper's words; the collections also published as tables.
PAPER_FIELDS = {"glossary": {"quote", "quotation"}, "factors": {"label", "also_phrased"}, "dimensions": {"wording"}}
AS_TABLES = {"glossary", "factors", "organizations"}
COLLECTIONS = tuple(
    Collection(c.export_name, c.key, schema.DATA_FILES[c.data_name], "" if c.generated_with else c.list_page,
               frozenset(PAPER_FIELDS.get(c.key, ())), c.key in AS_TABLES)
    for c in sitemap.COLLECTIONS if c.export_name)
TABULAR = tuple(c for c in COLLECTIONS if c.tabular)


# --- the version of the data ----------------------------------------------------------------
def data_version(root: Path) -> str:
    """The date of the commit the site is built from (ISO 8601), the same for every build of it.

    One small function so that a per-page "last changed" date can replace it later. Without git
    (an unpacked archive), the newest data file's modification time.
    """
    try:
        out = subprocess.run(["git", "log", "-1", "--format=%cI"], cwd=root, capture_output=True,
                             text=True, timeout=10, check=True).stdout.strip()
        if out:
            return out
    except (OSError, subprocess.SubprocessError):
        pass
    newest = max((p.stat().st_mtime for p in (root / "data").glob("*.yml")), default=0)
    return dt.datetime.fromtimestamp(int(newest), dt.timezone.utc).isoformat()


# --- export models ----------------------------------------------------------------------------
class LicenceInfo(BaseModel):
    model_config = ConfigDict(extra="forbid")
    name: str
    url: str


class PaperInfo(BaseModel):
    model_config = ConfigDict(extra="forbid")
    title: str
    genre: str
    publisher: str
    date: str
    url: str


def entry_export_model(collection: Collection) -> type[BaseModel]:
    """The data model of one entry plus the derived fields every export carries."""
    extra: dict = {
        "translation_status": (Literal["current", "stale", "missing"],
                               Field(description="State of the Spanish text: current, stale (the English changed "
                                                 "since) or missing (the Spanish edition shows the English)")),
        "urls": (dict[str, str], Field(description="Address of the entry on the site, by language")),
        "licence": (dict[str, str], Field(description="Licence of each text field ('en.term', ...): "
                                                      f"'{SITE_LICENCE}' or '{PAPER_LICENCE}'")),
    }
    if "provenance" not in collection.model.model_fields:
        extra["provenance"] = (Optional[schema.Provenance],
                               Field(default=None, description="Where the entry's text comes from, where known"))
    if collection.name == "factors":
        extra["dimensions"] = (list[str], Field(description="Slugs of the dimensions whose tables name the factor"))
    return create_model(f"{collection.model.__name__}Export", __base__=collection.model, **extra)


def file_export_model(collection: Collection) -> type[BaseModel]:
    entry = entry_export_model(collection)
    return create_model(
        f"{collection.model.__name__}Download",
        __config__=ConfigDict(extra="forbid"),
        collection=(Literal[collection.name], ...),   # type: ignore[valid-type]
        version=(str, Field(description="Date of the commit the data was published from")),
        site=(str, ...),
        based_on=(PaperInfo, ...),
        licences=(dict[str, LicenceInfo], ...),
        count=(int, ...),
        entries=(list[entry], ...),                    # type: ignore[valid-type]
    )


def json_schema(collection: Collection) -> dict:
    result = file_export_model(collection).model_json_schema()
    return {"$schema": "https://json-schema.org/draft/2020-12/schema",
            "title": f"{collection.name} ({FOLDER}/{collection.name}.json)", **result}


# --- derived fields --------------------------------------------------------------------------
def entry_url(site_url: str, collection: Collection, slug: str, lang: str, default: str = "en") -> str:
    prefix = "" if lang == default else f"{lang}/"
    path = sitemap.BY_KEY[collection.attribute].entry_url.format(slug=slug).lstrip("/")
    return site_url.rstrip("/") + "/" + prefix + path


def derived_provenance(collection: Collection, entry, knowledge: Knowledge) -> Optional[dict]:
    """What the current data already says about where an entry comes from, as a Provenance."""
    if getattr(entry, "provenance", None) is not None:
        return None   # the data records it itself
    if collection.name == "glossary":
        if entry.source == "site":
            return {"kind": "site", "ref": ""}
        if entry.source == "discussion-paper":
            return {"kind": "paper", "ref": ""}
        source = knowledge.sources.get(entry.source)
        if source is not None and source.kind in ("resolution", "treaty", "document"):
            return {"kind": "official", "ref": source.en.title}
        return None
    if collection.name in ("factors", "dimensions"):
        return {"kind": "paper", "ref": sitemap.BY_KEY[collection.attribute].list_page}
    if collection.name == "sources":
        return {"kind": "site", "ref": ""} if entry.site_addition else {"kind": "paper", "ref": sitemap.BY_KEY["sources"].list_page}
    if collection.name == "editorial-notes":
        return {"kind": "site", "ref": ""}
    return None


def field_licences(collection: Collection, entry) -> dict[str, str]:
    result = {}
    for lang in LANGUAGES:
        block = getattr(entry, lang)
        if block is None:
            continue
        for name, value in block.model_dump().items():
            if name in ("translated_from", "rendering") or value in ("", [], None):
                continue
            result[f"{lang}.{name}"] = PAPER_LICENCE if name in collection.paper_fields else SITE_LICENCE
    return result


def holds_paper_words(knowledge: Knowledge, name: str) -> bool:
    """Whether any entry of the collection holds a field in the paper's words, so that a file of
    it is not under the site's licence alone."""
    collection = next(c for c in COLLECTIONS if c.name == name)
    return any(PAPER_LICENCE in field_licences(collection, entry).values()
               for entry in getattr(knowledge, collection.attribute).values())


def export_entry(collection: Collection, entry, knowledge: Knowledge, site_url: str) -> dict:
    record = entry.model_dump(mode="json")
    record["translation_status"] = entry_status(entry)
    record["urls"] = {lang: entry_url(site_url, collection, entry.slug, lang) for lang in LANGUAGES}
    record["licence"] = field_licences(collection, entry)
    if "provenance" not in collection.model.model_fields:
        record["provenance"] = derived_provenance(collection, entry, knowledge)
    if collection.name == "factors":
        record["dimensions"] = [d.slug for d in knowledge.dimensions_of(entry.slug)]
    return record


def export_collection(collection: Collection, knowledge: Knowledge, site_url: str, version: str) -> dict:
    """One collection as a validated download (both languages in each entry)."""
    entries = getattr(knowledge, collection.attribute)
    document = {
        "collection": collection.name, "version": version, "site": site_url, "based_on": PAPER,
        "licences": LICENCES, "count": len(entries),
        "entries": [export_entry(collection, e, knowledge, site_url) for e in entries.values()],
    }
    # Checked against the same model the published schema comes from.
    file_export_model(collection).model_validate(document)
    return document


def dumps(value) -> bytes:
    return (json.dumps(value, ensure_ascii=False, indent=2, sort_keys=False) + "\n").encode("utf-8")


# --- tables (CSV and XLSX) ------------------------------------------------------------------
def _cell(value, lang: str = "en") -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, list):
        return "; ".join(_cell(v, lang) for v in value)
    if isinstance(value, dict):
        if set(value) <= {"kind", "ref", "ref_es"}:          # a Provenance, its reference in the row's language
            ref = (value.get("ref_es") if lang == "es" else "") or value.get("ref")
            return value.get("kind", "") + (f": {ref}" if ref else "")
        return "; ".join(f"{k}: {_cell(v, lang)}" for k, v in value.items())
    return str(value)


def table_rows(record: dict, lang: str) -> dict[str, str]:
    """One entry as a flat row in one language: shared fields, then that language's block
    (the English block where the Spanish is missing: `translation_status` says so)."""
    row: dict[str, str] = {}
    block = record.get(lang) or record["en"]
    for key, value in record.items():
        if key in LANGUAGES:
            if key == "en":      # the language block goes where the English block was
                for name, text in block.items():
                    if name != "translated_from":
                        row[name] = _cell(text)
            continue
        if key == "urls":
            row["url"] = value[lang]
        elif key == "licence":
            paper = sorted({f.split(".", 1)[1] for f, lic in value.items() if lic == PAPER_LICENCE})
            row["licence"] = (f"{PAPER_LICENCE}: {', '.join(paper)}; other text: " if paper else "") + SITE_LICENCE
        else:
            row[key] = _cell(value, lang)
    return row


def table(collection_export: dict, lang: str, dimension_titles: dict[str, str] | None = None) -> tuple[list[str], list[list[str]]]:
    """One language's rows. Factors also get their dimensions' titles, for readers of a spreadsheet."""
    rows = []
    for record in collection_export["entries"]:
        row = table_rows(record, lang)
        if dimension_titles is not None and "dimensions" in record:
            row["dimension_titles"] = "; ".join(dimension_titles[d] for d in record["dimensions"])
        rows.append(row)
    header: list[str] = []
    for row in rows:
        header += [k for k in row if k not in header]
    return header, [[row.get(k, "") for k in header] for row in rows]


def to_csv(header: list[str], rows: list[list[str]]) -> bytes:
    """RFC 4180: CRLF line ends, quotes where needed; UTF-8 with a byte-order mark for spreadsheets."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(header)
    writer.writerows(rows)
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")


FIXED_TIME = dt.datetime(2020, 9, 1, 0, 0, 0)   # the paper's month: any fixed value keeps builds identical


def to_xlsx(sheets: dict[str, tuple[list[str], list[list[str]]]], about: list[list[str]], version: str) -> bytes:
    """One workbook; its dates are the data's version, so two builds of a commit give the same bytes."""
    from openpyxl import Workbook
    from openpyxl.styles import Font

    workbook = Workbook()
    workbook.properties.created = FIXED_TIME
    workbook.properties.creator = "Atrocity Prevention Knowledge Base"
    first = workbook.active
    first.title = "about"
    for line in about:
        _append_text(first, line)
    for name, (header, rows) in sheets.items():
        sheet = workbook.create_sheet(name)
        _append_text(sheet, header)
        for cell in sheet[1]:
            cell.font = Font(bold=True)
        for row in rows:
            _append_text(sheet, row)
        sheet.freeze_panes = "A2"
    raw = io.BytesIO()
    workbook.save(raw)
    return normalize_zip(raw.getvalue(), modified=version)


# The first characters with which a spreadsheet reads what a reader types into a cell as a formula.
FORMULA_TRIGGERS = ("=", "+", "-", "@")


def _append_text(sheet, values: list[str]) -> None:
    """One row of text cells. openpyxl stores a text that begins with '=' as a formula: every cell
    is set back to a text cell, and one that begins like a formula ('+Peace') also gets Excel's
    quote prefix, so that editing it does not turn it into one."""
    sheet.append(values)
    for cell in sheet[sheet.max_row]:
        if isinstance(cell.value, str):
            cell.data_type = "s"
            if cell.value.startswith(FORMULA_TRIGGERS):
                cell.quotePrefix = True


_MODIFIED = re.compile(rb"(<dcterms:modified[^>]*>)[^<]*(</dcterms:modified>)")


def normalize_zip(data: bytes, modified: str = "") -> bytes:
    """The same archive with fixed timestamps and permissions, so two builds give the same bytes.

    openpyxl stamps the save time into docProps/core.xml: `modified` replaces it."""
    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            fixed = zipfile.ZipInfo(info.filename, date_time=FIXED_TIME.timetuple()[:6])
            fixed.compress_type = zipfile.ZIP_DEFLATED
            fixed.external_attr = 0o644 << 16
            content = source.read(info.filename)
            if info.filename == "docProps/core.xml" and modified:
                content = _MODIFIED.sub(lambda m: m.group(1) + modified.encode() + m.group(2), content)
            target.writestr(fixed, content)
    return out.getvalue()


# --- SKOS -------------------------------------------------------------------------------------
def skos_glossary(knowledge: Knowledge, site_url: str, version: str) -> dict:
    """The glossary as a SKOS concept scheme in JSON-LD; concept URIs are the English glossary
    addresses (slugs never change with a reworded title)."""
    base = site_url.rstrip("/") + "/"
    scheme = base + site_path(sitemap.BY_KEY["glossary"].list_page, "en", "en")

    def uri(slug: str) -> str:
        return f"{scheme}#{slug}"

    def page_uri(ref: str) -> str:
        """A provenance's 'page.md#anchor' as the English page's address."""
        page, _, anchor = ref.partition("#")
        return base + site_path(page, "en", "en") + (f"#{anchor}" if anchor else "")

    # skos:related is symmetric (SKOS §8.6.6): a link one entry makes is written on both.
    related = {slug: set(entry.related) for slug, entry in knowledge.glossary.items()}
    for slug, entry in knowledge.glossary.items():
        for other in entry.related:
            related.setdefault(other, set()).add(slug)

    concepts = []
    for entry in knowledge.glossary.values():
        concept: dict = {"@id": uri(entry.slug), "@type": "skos:Concept", "skos:inScheme": {"@id": scheme},
                         "skos:notation": entry.slug}
        labels, alt, definitions, notes = [], [], [], []
        for lang in LANGUAGES:
            block = getattr(entry, lang)
            if block is None:
                continue
            labels.append({"@value": block.term, "@language": lang})
            alt += [{"@value": v, "@language": lang} for v in block.variants]
            if block.abbreviation:
                alt.append({"@value": block.abbreviation, "@language": lang})
            if block.quotation and entry.quotation_from is not None:
                # The quoted definition (the paper's or an official text's words; in Spanish the
                # site's translation unless official), as a resource that names where it is from.
                source = entry.quotation_from
                origin = page_uri(source.ref) if source.kind == "paper" else source.ref
                definitions.append({"rdf:value": {"@value": block.quotation, "@language": lang},
                                    "dct:source": {"@id": origin} if source.kind == "paper" else origin})
                notes.append({"@value": block.definition, "@language": lang})   # the site's gloss
            else:
                definitions.append({"@value": block.definition, "@language": lang})
            if block.note:
                notes.append({"@value": block.note, "@language": lang})
        concept["skos:prefLabel"] = labels
        if alt:
            concept["skos:altLabel"] = alt
        concept["skos:definition"] = definitions
        if notes:
            concept["skos:scopeNote"] = notes
        if related.get(entry.slug):
            concept["skos:related"] = [{"@id": uri(s)} for s in sorted(related[entry.slug])]
        if entry.source != "site":
            concept["dct:source"] = {"@id": f"{base}sources/#{entry.source}"}
        concept["schema:url"] = {"@id": uri(entry.slug)}
        concepts.append(concept)
    return {
        "@context": {"skos": "http://www.w3.org/2004/02/skos/core#", "dct": "http://purl.org/dc/terms/",
                     "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#", "schema": "https://schema.org/"},
        "@graph": [
            {"@id": scheme, "@type": "skos:ConceptScheme",
             "skos:prefLabel": [{"@value": knowledge.ui("glossary_title", "en"), "@language": "en"},
                                {"@value": knowledge.ui("glossary_title", "es"), "@language": "es"}],
             "dct:modified": version, "dct:license": {"@id": LICENCES[SITE_LICENCE]["url"]},
             "dct:source": {"@id": PAPER_URL},
             "skos:hasTopConcept": [{"@id": uri(s)} for s in knowledge.glossary]},
            *concepts,
        ],
    }


# --- every download ---------------------------------------------------------------------------
@dataclass(frozen=True)
class Download:
    path: str          # under the site root, e.g. "downloads/glossary.json"
    kind: str          # json | schema | csv | xlsx | skos | zip | pdf
    collection: str    # glossary, factors, ... or "all"
    lang: str          # "" when the file holds both languages
    data: bytes = b""

    @property
    def size(self) -> int:
        return len(self.data)


def build_downloads(knowledge: Knowledge, site_url: str, version: str) -> list[Download]:
    downloads: list[Download] = []
    exported: dict[str, dict] = {}
    for collection in COLLECTIONS:
        document = export_collection(collection, knowledge, site_url, version)
        exported[collection.name] = document
        downloads.append(Download(f"{FOLDER}/{collection.name}.json", "json", collection.name, "", dumps(document)))
        downloads.append(Download(f"{FOLDER}/{collection.name}.schema.json", "schema", collection.name, "",
                                  dumps(json_schema(collection))))
    downloads.append(Download(f"{FOLDER}/glossary.skos.jsonld", "skos", "glossary", "",
                              dumps(skos_glossary(knowledge, site_url, version))))
    for lang in LANGUAGES:
        sheets = {}
        for collection in TABULAR:
            titles = {d["slug"]: (d.get(lang) or d["en"])["title"] for d in exported["dimensions"]["entries"]}
            header, rows = table(exported[collection.name], lang, titles if collection.name == "factors" else None)
            sheets[collection.name] = (header, rows)
            downloads.append(Download(f"{FOLDER}/{collection.name}-{lang}.csv", "csv", collection.name, lang,
                                      to_csv(header, rows)))
        about = [["version", version], ["site", site_url], ["based on", f"{PAPER['publisher']}, {PAPER['title']} ({PAPER['date']}), {PAPER_URL}"],
                 ["licence", f"{SITE_LICENCE} ({LICENCES[SITE_LICENCE]['url']}), except the fields marked in each row's 'licence' column"]]
        downloads.append(Download(f"{FOLDER}/knowledge-base-{lang}.xlsx", "xlsx", "all", lang, to_xlsx(sheets, about, version)))
    return downloads


def check_against_pages(knowledge: Knowledge, page_ids: dict[str, set[str]]) -> list[str]:
    """Messages for every collection whose entries the built pages do not show one for one.

    `page_ids` maps a collection name to the ids found on its page (for dimensions: the slugs
    of the generated dimension pages).
    """
    problems = []
    for collection in COLLECTIONS:
        slugs = set(getattr(knowledge, collection.attribute))
        shown = page_ids.get(collection.name, set())
        missing = sorted(slugs - shown)
        if missing:
            where = collection.page and f"docs/{collection.page}" or "the dimension pages"
            problems.append(f"downloads/{collection.name}.json has {len(slugs)} entries but {where} does not show "
                            f"{', '.join(missing[:5])}{' …' if len(missing) > 5 else ''}: check that the page keeps its "
                            f"data marker (see data/README.md)")
    return problems
