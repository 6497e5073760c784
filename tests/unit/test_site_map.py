"""The site map (kb/sitemap.py) is where each collection lives: the other tables are derived from
it, and a data file or list page named in the code of many modules is a table that was not."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from kb import interface, page_links, published, schema, sitemap, status_page

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "scripts"))
import name_count  # noqa: E402

# How many modules of kb/ and hooks/ may name each file in code. The goal is 2 (the site map and at
# most one more, with a reason in a comment): lower a ceiling when a table moves to the site map,
# never raise one.
CEILINGS = {
    "assumptions.yml": 4, "dimensions.yml": 3, "editorial_notes.yml": 2, "factors.yml": 2,
    "glossary.yml": 7, "interface.yml": 3, "organizations.yml": 4, "sources.yml": 3,
    "spanish_style.yml": 1,
    "glossary.md": 3, "factors.md": 2, "dimensions/index.md": 2, "organizations.md": 2, "sources.md": 2,
    "editorial-notes.md": 2, "assumptions/index.md": 2, "definitions.md": 2,
}


def test_every_data_file_and_list_page_has_a_ceiling():
    assert set(name_count.watched_names()) == set(CEILINGS)


@pytest.mark.parametrize("name", sorted(CEILINGS))
def test_a_file_is_named_by_no_more_modules_than_its_ceiling(name):
    naming = name_count.modules_naming()[name]
    assert len(naming) <= CEILINGS[name], (
        f"{name} is named in {len(naming)} modules ({', '.join(naming)}): derive the new table from kb/sitemap.py")


def test_the_count_reads_code_strings_not_docstrings_or_comments():
    source = ('"""Reads glossary.yml."""\n# glossary.yml\n'
              'def f():\n    """glossary.yml"""\n    return "data/glossary.yml"\n')
    assert name_count.code_strings(source) == ["data/glossary.yml"]
    assert name_count.code_strings('"""glossary.yml"""\nX = 1\n') == []


def test_every_collection_has_its_data_file_model_and_list_page():
    for collection in sitemap.COLLECTIONS:
        assert (ROOT / collection.data_file).is_file(), collection.data_file
        assert (ROOT / "docs" / collection.list_page).is_file(), collection.list_page
        assert schema.DATA_FILES[collection.data_name].__name__ == collection.model


def test_the_tables_are_derived_from_the_site_map():
    keys = [c.key for c in sitemap.COLLECTIONS]
    assert list(schema.DATA_FILES) == [c.data_name for c in sitemap.COLLECTIONS]
    assert set(published.ADDRESSES) == {c.data_file for c in sitemap.COLLECTIONS if c.entry_url}
    assert set(page_links.ENTRY_PAGES) <= set(keys)
    assert [key for key, _ in status_page.DATA_TABLES] == list(interface.STATUS_TABLES)
    assert published.ADDRESSES["data/dimensions.yml"].format(slug="x") == "/dimensions/x/"


def test_markers_pages_and_downloads_come_from_the_site_map():
    from kb import exports, markers, revision
    assert revision.data_files_of("<!-- kb:note why -->\n<!-- kb:dimension-matrix -->") == [
        "data/editorial_notes.yml", "data/factors.yml"]
    assert revision.page_files("dimensions/genocide.md", "", generated=True) == [
        "data/dimensions.yml", "data/factors.yml"]
    assert markers.HOMES["sources-list"] == "sources.md" and "notes-list" not in markers.HOMES
    assert [c.name for c in exports.COLLECTIONS] == [
        "glossary", "factors", "dimensions", "organizations", "sources", "editorial-notes"]
    assert [c.name for c in exports.TABULAR] == ["glossary", "factors", "organizations"]
    assert next(c for c in exports.COLLECTIONS if c.name == "dimensions").page == ""
