"""What the search index holds: reading text, each text once. A phone downloads the whole index
before its first search (scripts/search_benchmark.py times that on a slow link), so links onward,
labels and second copies stay out of it (data-search-exclude)."""

from __future__ import annotations

import html
import json
import re

import pytest

from conftest import ROOT
from kb.knowledge import load_knowledge
from kb.paths import site_path

K = load_knowledge(ROOT / "data")
LANGS = ["en", "es"]
# Labels of lines that only lead elsewhere: their links are indexed where they point.
NAVIGATION = ["related", "cited_on", "used_on", "official_site", "online", "named_as_risk", "named_as_resilience",
              "also_under", "appears_on", "rendering"]


def plain(text: str) -> str:
    """Words only: no tags, no entities, no Markdown emphasis, single spaces."""
    text = html.unescape(re.sub(r"<[^>]+>", " ", text)).replace("*", "")
    return " ".join(text.split())


def index_docs(site, lang: str) -> list[tuple[str, str]]:
    index = json.loads((site.root / ("" if lang == "en" else f"{lang}/") / "search/search_index.json")
                       .read_text(encoding="utf-8"))
    return [(doc["location"], plain(doc["text"])) for doc in index["docs"]]


def holders(docs, text: str) -> list[str]:
    """Locations whose text holds the opening words of `text`."""
    probe = plain(text)[:100]
    return [location for location, body in docs if probe in body]


@pytest.mark.parametrize("lang", LANGS)
def test_lines_that_lead_elsewhere_are_not_indexed(site, lang):
    docs = index_docs(site, lang)
    for key in NAVIGATION:
        label = K.ui(key, lang) + ":"
        assert not [location for location, body in docs if label in body], label
    for key in ("site_addition", "all_notes", "provenance_site_note", "glossary_entry"):
        assert not [location for location, body in docs if K.ui(key, lang) in body], key


@pytest.mark.parametrize("lang", LANGS)
def test_each_editorial_note_is_indexed_once_on_the_page_it_comments_on(site, lang):
    docs = index_docs(site, lang)
    for note in K.notes.values():
        found = holders(docs, getattr(note, lang).text)
        assert len(found) == 1 and found[0].split("#")[0] == site_path(note.page, lang, "en").removeprefix("es/"), \
            (note.slug, found)


@pytest.mark.parametrize("lang", LANGS)
def test_each_dimension_summary_is_indexed_once_on_its_page(site, lang):
    docs = index_docs(site, lang)
    for slug, dimension in K.dimensions.items():
        assert [f.split("#")[0] for f in holders(docs, getattr(dimension, lang).summary)] == [f"dimensions/{slug}/"], slug


@pytest.mark.parametrize("lang", LANGS)
def test_working_definitions_are_indexed_once_in_the_glossary(site, lang):
    docs = index_docs(site, lang)
    for slug in ("mass-violence", "atrocities", "upstream-prevention"):
        assert holders(docs, getattr(K.glossary[slug], lang).definition) == [f"glossary/#{slug}"], slug


@pytest.mark.parametrize("lang", LANGS)
def test_factors_are_indexed_once_in_the_factor_index(site, lang):
    """A dimension's lists link each factor to its entry in the factor index, which search finds."""
    docs = index_docs(site, lang)
    for slug, factor in K.factors.items():
        assert [location for location, _ in docs if location.endswith("#" + slug)] == [f"factors/#{slug}"], slug
    assert not [location for location, _ in docs if location.endswith(("#risks", "#resiliencies"))]
