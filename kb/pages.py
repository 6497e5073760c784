"""The docs tree, read once: each page's Markdown, title, translation status and assumption, and
the checks on every page (front matter, heading ids, links and anchors).

Anchors are not listed by hand: each page's markers are expanded with the real renderers and the
ids they produce are collected, so a renderer's new heading id is known to the link checker at once.
"""

from __future__ import annotations

import difflib

import re
import unicodedata
from pathlib import Path


from .context import RenderContext
from .dimension_pages import dimension_path, render_dimension_page
from . import front_matter
from .front_matter import check_front_matter
from .yamlsource import load_yaml_text
from .markers import check_marker_homes, expand_markers
from .page_checks import (check_heading_ids, check_headings, check_language_files, check_links, check_other_links,
                          has_headings_without_id, heading_ids)
from .paths import english_path, is_english, localized_path, translated_path
from .problems import Problem
from .reference_pages import AssumptionPage, render_assumption_dimensions, render_paper_heading
from .status_page import PageTranslation
from .translation import page_status

ASSUMPTIONS_FILE = "data/assumptions.yml"
_ATTRIBUTE_ID = re.compile(r'(?:\{\s*#|\bid=")([A-Za-z0-9_-]+)')


def page_text(text: str) -> str:
    """A page's Markdown as every check and the build read it: in Unicode NFC, so that an "é"
    typed as "e" plus a combining accent (as some editors save it) is the letter the terms,
    ids and searches use."""
    return unicodedata.normalize("NFC", text)


def read_sources(docs: Path) -> dict[str, str]:
    """Every page's Markdown (in NFC) by its path inside docs/ ("about.es.md"); a byte-order mark is dropped."""
    return {p.relative_to(docs).as_posix(): page_text(p.read_text(encoding="utf-8-sig")) for p in sorted(docs.rglob("*.md"))}


def read_assets(docs: Path) -> frozenset[str]:
    """Every file in docs/ that is not a page, by its path inside docs/ ("assets/site.css")."""
    return frozenset(p.relative_to(docs).as_posix() for p in docs.rglob("*") if p.is_file() and p.suffix != ".md")


def split_front_matter(text: str) -> tuple[dict, str]:
    """(front matter, body) of a page; unreadable front matter reads as none (check_front_matter
    reports it with its line)."""
    block, body, _ = front_matter.split(text)
    if block is None:
        return {}, text
    loaded = load_yaml_text(block, "")     # the loader of every YAML: no tags, anchors or depth
    if loaded.problems:
        return {}, text
    return (loaded.data if isinstance(loaded.data, dict) else {}), body


def front_matter_lines(sources: dict[str, str], src_uri: str) -> int:
    """How many lines the page's front matter takes, so that messages give the line in the file."""
    block, body, lines = front_matter.split(sources.get(src_uri, ""))
    # MkDocs also drops the empty lines after the block (mkdocs.utils.meta.get_data).
    return lines + len(body) - len(body.lstrip("\n")) if block is not None else 0


_ATTRIBUTE_LIST = re.compile(r"\s*\{:?[^{}]*\}\s*$")        # `{ #id .class }` at a heading's end
_LINK = re.compile(r"!?\[([^\[\]]*)\]\([^()]*\)")     # no "[" inside: linear on a run of "["
_EMPHASIS = re.compile(r"(\*{1,3}|_{1,3}|`)(?=\S)(.+?)(?<=\S)\1")


def plain_heading(heading: str) -> str:
    """A Markdown heading as the plain text every output uses (citations, JSON-LD, exports,
    cards, the print edition's contents): attribute lists, links, emphasis and tags removed."""
    text = _ATTRIBUTE_LIST.sub("", heading.strip())
    text = _LINK.sub(r"\1", text)
    text = re.sub(r"<[^<>]*>", "", text)
    previous = None
    while previous != text:
        previous, text = text, _EMPHASIS.sub(r"\2", text)
    return re.sub(r"\s+#+$", "", text).strip()


def read_titles(sources: dict[str, str], lang: str, default: str) -> dict[str, str]:
    """Each page's title (its H1) in the edition's language, by English docs path."""
    titles = {}
    for path in (p for p in sources if is_english(p)):
        body = split_front_matter(sources[localized_path(path, lang, default, sources)])[1]
        heading = next((plain_heading(line[2:]) for line in body.splitlines() if line.startswith("# ")), None)
        if heading:
            titles[path] = heading
    return titles


def read_assumptions(k, sources: dict[str, str], lang: str, default: str, titles: dict[str, str]) -> list[AssumptionPage]:
    """Each assumption of data/assumptions.yml with its page's title and description, in the
    edition's language, ordered by number."""
    found = []
    for assumption in k.assumptions_in_order():
        english_meta = split_front_matter(sources.get(assumption.page, ""))[0]
        local_meta = split_front_matter(sources.get(localized_path(assumption.page, lang, default, sources), ""))[0]
        found.append(AssumptionPage(number=assumption.number, path=assumption.page,
                                    title=titles.get(assumption.page, assumption.page),
                                    description=str(local_meta.get("description", english_meta.get("description", ""))),
                                    dimensions=tuple(assumption.dimensions),
                                    heading=_heading(assumption, lang),
                                    heading_original=assumption.en.heading if assumption.en else ""))
    return found


def _heading(assumption, lang: str) -> str:
    """The paper's heading in the edition's language (the English one where no translation)."""
    block = getattr(assumption, lang, None) or assumption.en
    return block.heading if block else ""


def insert_after_title(markdown: str, block: str) -> str:
    """Add a block right under the page's H1 (or at its start)."""
    if not block:
        return markdown
    match = re.search(r"^# .*\n", markdown, re.MULTILINE)
    at = match.end() if match else 0
    return markdown[:at] + "\n" + block + "\n" + markdown[at:]


def read_page_translations(sources: dict[str, str], lang: str = "es") -> list[PageTranslation]:
    result = []
    for path in (p for p in sources if is_english(p)):
        translation = translated_path(path, lang)
        meta = split_front_matter(sources[translation])[0] if translation in sources else None
        result.append(PageTranslation(path, translation, page_status(sources[path], meta)))
    return result


def insert_before_related(markdown: str, section: str) -> str:
    """Add a generated section before the page's "Related" section (or at its end)."""
    if not section:
        return markdown
    match = re.search(r"^## .*\{\s*#related\s*\}", markdown, re.MULTILINE)
    if not match:
        return markdown.rstrip() + "\n\n" + section
    return markdown[: match.start()] + section + "\n" + markdown[match.start():]


def related_left_out_of_search(markdown: str) -> str:
    """Mark the page's "Related" section (links to other pages, named by their titles) so that
    Material leaves it out of the search index: those titles are indexed on their own pages."""
    return re.sub(r"^(## .*\{\s*#related)(\s*\})", r"\1 data-search-exclude\2", markdown, count=1, flags=re.MULTILINE)


def expand_page(markdown: str, ctx: RenderContext, src_uri: str, sources: dict[str, str]):
    """A page's Markdown as the site shows it: markers expanded, an assumption's dimensions added.
    Returns (markdown, problems, editorial notes shown)."""
    expanded, problems, notes = expand_markers(markdown, ctx, src_uri, line_offset=front_matter_lines(sources, src_uri))
    assumption = next((a for a in ctx.assumptions if a.path == english_path(src_uri)), None)
    if assumption:
        expanded = related_left_out_of_search(insert_before_related(expanded, render_assumption_dimensions(ctx, assumption)))
        expanded = insert_after_title(expanded, render_paper_heading(ctx, assumption))
    return expanded, problems, notes


def ids_in(markdown: str) -> set[str]:
    """The ids a page's Markdown gives: heading ids and attribute ids ({ #x }, id="x")."""
    return set(heading_ids(markdown)) | set(_ATTRIBUTE_ID.findall(markdown))


def known_anchors(sources: dict[str, str], k, default: str = "en") -> dict[str, set[str]]:
    """Ids each English page has once built, found by rendering it (markers and generated pages)."""
    ctx = english_context(k, sources, default)
    anchors = {}
    for path, text in sources.items():
        if not is_english(path) or "[^" in text:     # footnotes: MkDocs checks their anchors itself
            continue
        anchors[path] = ids_in(expand_page(split_front_matter(text)[1], ctx, path, sources)[0])
    for slug in k.dimensions:
        anchors[dimension_path(slug)] = ids_in(render_dimension_page(ctx, slug))
    return anchors


def english_context(k, sources: dict[str, str], default: str = "en") -> RenderContext:
    titles = read_titles(sources, default, default)
    return RenderContext(knowledge=k, lang=default, assumptions=read_assumptions(k, sources, default, default, titles),
                         page_titles=titles, page_translations=read_page_translations(sources))


def check_pages(sources: dict[str, str], k, assets: frozenset[str] = frozenset()) -> list[Problem]:
    """Front matter, headings and links of every page, with the line and the fix for each problem.

    `k` is None when the data itself could not be loaded: the checks that need it are skipped.
    `assets` holds the other files in docs/ (images, downloads), which links may name.
    """
    english = {path: text for path, text in sources.items() if is_english(path)}
    dimensions = list(k.dimensions) if k else []
    pages = set(english) | {dimension_path(slug) for slug in dimensions}
    anchors = known_anchors(sources, k) if k else {}
    problems = check_language_files(list(sources))
    misnamed = {p.file[len("docs/"):] for p in problems}    # their other checks would only add noise
    problems += check_assumption_pages(sources, k) if k else []
    problems += check_data_page_refs(k, pages, anchors) if k else []
    for path, text in sources.items():
        if path in misnamed:
            continue
        name = f"docs/{path}"
        english_twin = english_path(path)
        problems += check_front_matter(text, name)
        problems += check_marker_homes(text, path, english_twin)
        twin = english.get(english_twin) if path != english_twin else None
        comparable = twin is not None and not has_headings_without_id(twin)
        problems += check_headings(text, name, heading_ids(twin) if comparable else None)
        problems += check_heading_ids(text, name)
        links = check_links(text, name, english_twin, pages, anchors)
        links += check_other_links(text, name, english_twin, pages, anchors, assets)
        if not k:   # generated pages are unknown without the data: keep only certain problems
            links = [p for p in links if "/dimensions/" not in p.message]
        problems += links
    return problems


def check_assumption_pages(sources: dict[str, str], k) -> list[Problem]:
    """Every assumption page has its entry in data/assumptions.yml, and every entry its page."""
    problems = []
    listed = {a.page: slug for slug, a in k.assumptions.items()}
    for path in sorted(p for p in sources if p.startswith("assumptions/") and is_english(p)):
        if path != "assumptions/index.md" and path not in listed:
            problems.append(Problem(f"docs/{path}", 1, "", "this assumption page has no entry in data/assumptions.yml",
                                    f"add an entry with slug, number, page: {path}, dimensions and provenance "
                                    "(see data/README.md), or move the page out of docs/assumptions/"))
    for page, slug in listed.items():
        if page not in sources:
            problems.append(Problem(ASSUMPTIONS_FILE, k.lines.get((ASSUMPTIONS_FILE, slug), 0), slug,
                                    f"the page '{page}' does not exist",
                                    "write the path of the assumption's page inside docs/, e.g. assumptions/evidence.md"))
    return problems


def check_notes_shown(k, pages: set[str], notes_shown: dict[str, list[str]], lang: str, default: str) -> list[Problem]:
    """Each editorial note names an existing page, and that page shows it with its marker.

    `pages` holds the docs paths of this build's pages; `notes_shown` maps an English page to the
    note slugs its markers showed.
    """
    problems = []
    for slug, note in k.notes.items():
        line = k.lines.get(("data/editorial_notes.yml", slug), 0)
        localized = note.page if lang == default else translated_path(note.page, lang)
        if note.page not in pages and localized not in pages:
            problems.append(Problem("data/editorial_notes.yml", line, slug, f"the page '{note.page}' does not exist",
                                    "write the path of a page inside docs/, e.g. assumptions/evidence.md"))
        elif slug not in notes_shown.get(note.page, []):
            shown = localized if localized in pages else note.page
            problems.append(Problem(f"docs/{shown}", 0, slug, f"the editorial note '{slug}' is not shown on this page",
                                    f"add the line <!-- kb:note {slug} --> after the paragraph it comments on"))
    return problems


def _page_refs(k):
    """(data file, slug, field, page.md#anchor) for every page reference in the data: provenance
    refs of kind paper and site, and the sources' `see` lists."""
    tables = (("data/glossary.yml", k.glossary), ("data/organizations.yml", k.organizations),
              ("data/sources.yml", k.sources), ("data/assumptions.yml", k.assumptions))
    for file, table in tables:
        for slug, entry in table.items():
            for field in ("provenance", "quotation_from", "context_from"):
                origin = getattr(entry, field, None)
                if origin is not None and origin.kind != "official" and origin.ref:
                    yield file, slug, f"{field}: ref", origin.ref
            for ref in getattr(entry, "see", []):
                yield file, slug, "see", ref


def check_data_page_refs(k, pages: set[str], anchors: dict[str, set[str]]) -> list[Problem]:
    """Each page.md#anchor named in the data leads to a page and a heading that exist; otherwise the
    reader's "From the paper" or "See …" link would lead nowhere."""
    problems = []
    for file, slug, field, ref in _page_refs(k):
        page, _, anchor = ref.partition("#")
        line = k.lines.get((file, slug), 0)
        if page not in pages:
            guess = difflib.get_close_matches(page, sorted(pages), n=1)
            hint = f"did you mean '{guess[0]}'? " if guess else ""
            problems.append(Problem(file, line, slug, f"'{field}' names the page '{page}', which does not exist",
                                    f"{hint}write the path of a page inside docs/ (English file name), e.g. definitions.md#mass-violence"))
        elif anchor and page in anchors and anchor not in anchors[page]:
            guess = difflib.get_close_matches(anchor, sorted(anchors[page]), n=1)
            hint = f"did you mean '#{guess[0]}'? " if guess else ""
            problems.append(Problem(file, line, slug, f"'{field}' names '#{anchor}', which is not a heading id on {page}",
                                    f"{hint}use the id in '{{ #... }}' after a heading of docs/{page}"))
    return problems
