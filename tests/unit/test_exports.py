"""kb/exports.py, kb/citation.py and kb/data_page.py on the project's data and on small inputs."""

from __future__ import annotations

import io
import json
import zipfile
from pathlib import Path

import pytest

from kb import exports, schema
from kb.citation import bibtex, citation_date, json_ld_script, page_record
from kb.inline import first_sentence
from kb.data_page import fill_sizes, format_size
from kb.knowledge import load_knowledge

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def knowledge():
    return load_knowledge(ROOT / "data")


def test_a_field_added_to_the_schema_appears_in_the_exports(knowledge):
    """Exports are model dumps: a new field needs no exporter change."""
    class WithReview(schema.Organization):
        reviewed: str = "2026-01"
    organizations = {slug: WithReview(**o.model_dump()) for slug, o in knowledge.organizations.items()}
    collection = exports.Collection("organizations", "organizations", WithReview, "organizations.md", tabular=True)
    patched = type(knowledge)(**{**knowledge.__dict__, "organizations": organizations})
    document = exports.export_collection(collection, patched, "https://x.org/", "2026-01-01")
    assert document["entries"][0]["reviewed"] == "2026-01"
    assert "reviewed" in json.dumps(exports.file_export_model(collection).model_json_schema())


def test_each_entry_exports_the_provenance_the_data_records(knowledge):
    collection = next(c for c in exports.COLLECTIONS if c.name == "organizations")
    document = exports.export_collection(collection, knowledge, "https://x.org/", "2026-01-01")
    first = document["entries"][0]
    recorded = knowledge.organizations[first["slug"]].provenance
    assert first["provenance"] == recorded.model_dump(mode="json")
    header, rows = exports.table(document, "es")
    assert rows[0][header.index("provenance")] == f"{recorded.kind}: {recorded.ref}" if recorded.ref else recorded.kind


def test_the_check_against_pages_names_what_a_page_does_not_show(knowledge):
    shown = {c.name: set(getattr(knowledge, c.attribute)) for c in exports.COLLECTIONS}
    assert exports.check_against_pages(knowledge, shown) == []
    shown["glossary"] -= {"genocide"}
    problems = exports.check_against_pages(knowledge, shown)
    assert len(problems) == 1 and "genocide" in problems[0] and "docs/glossary.md" in problems[0]


def test_csv_has_a_bom_crlf_and_quotes_where_needed():
    data = exports.to_csv(["slug", "label"], [["a", 'comma, "quote"\nline']])
    assert data == '\ufeffslug,label\r\na,"comma, ""quote""\nline"\r\n'.encode("utf-8")


def test_workbooks_and_zips_do_not_depend_on_the_clock():
    one = exports.to_xlsx({"t": (["a"], [["1"]])}, [["version", "v"]], "2026-01-01T00:00:00+00:00")
    two = exports.to_xlsx({"t": (["a"], [["1"]])}, [["version", "v"]], "2026-01-01T00:00:00+00:00")
    assert one == two
    core = zipfile.ZipFile(io.BytesIO(one)).read("docProps/core.xml")
    assert b"2026-01-01T00:00:00+00:00" in core


def test_json_ld_cannot_close_its_script_element():
    script = json_ld_script({"name": "</script><script>alert(1)</script> & more"})
    body = script[len('<script type="application/ld+json">'):-len("</script>")]
    assert "<" not in body and ">" not in body and "&" not in body
    assert json.loads(body)["name"].startswith("</script>")


def test_first_sentence_and_bibtex_escaping():
    assert first_sentence("One thing. Another.") == "One thing."
    assert "50\\% \\& more" in bibtex(page_record("en", "Site", "50% & more", "https://x.org/a/", "2026-01-01"))


def test_sizes_are_filled_and_rows_of_unbuilt_files_dropped():
    html = ('<tr data-kb-file="downloads/a.json"><td><span class="kb-size" data-kb-size="downloads/a.json">–</span></td></tr>\n'
            '<tr data-kb-file="downloads/p.pdf"><td><span class="kb-size" data-kb-size="downloads/p.pdf">–</span></td></tr>\n')
    filled = fill_sizes(html, {"downloads/a.json": 2048}, "es")
    assert "2 KB" in filled and "p.pdf" not in filled
    assert format_size(1_600_000, "es") == "1,5 MB" and format_size(1_600_000, "en") == "1.5 MB"


# --- print edition and offline copy ------------------------------------------------------------
from kb.offline import rewrite_page, selected  # noqa: E402
from kb.print_edition import PrintPage, assemble, drop_from_sitemap  # noqa: E402


def test_print_edition_prefixes_ids_and_turns_page_links_into_anchors():
    pages = [PrintPage("", "Home", '<h1 id="home">Home</h1><a href="glossary/#genocide">g</a><a href="#home">t</a>'),
             PrintPage("glossary/", "Glossary", '<h3 id="genocide">G</h3><label for="genocide">x</label>'
                                                '<a href="../">home</a><a href="../data/">data</a><a href="https://x.org/">o</a>')]
    html = assemble(pages, "print/", "Contents")
    assert 'id="p1-home"' in html and 'id="p2-genocide"' in html and 'for="p2-genocide"' in html
    assert 'href="#p2-genocide"' in html and 'href="#p1-home"' in html and 'href="#p1"' in html
    assert 'href="../data/"' in html and 'href="https://x.org/"' in html
    assert '<a href="#p1">Home</a>' in html and '<a href="#p2">Glossary</a>' in html


def test_print_pages_are_dropped_from_the_sitemap():
    xml = "<urlset><url><loc>https://x.org/a/</loc></url><url><loc>https://x.org/print/</loc></url></urlset>"
    assert drop_from_sitemap(xml, "/print/") == "<urlset><url><loc>https://x.org/a/</loc></url></urlset>"


def test_offline_links_name_files_and_what_is_left_out_goes_online():
    present = {"index.html", "glossary/index.html", "assets/site.css"}
    page = ('<html lang="en"><a href="../">h</a><a href="../glossary/#x">g</a><link href="../assets/site.css">'
            '<a href="../es/glossary/">es</a><a href="#top">t</a><a href="https://o.org/">o</a>'
            '<div class="md-copyright"></div>')
    out = rewrite_page(page, "about/index.html", present, "https://kb.org/", "No search")
    assert 'href="../index.html"' in out and 'href="../glossary/index.html#x"' in out
    assert 'href="../assets/site.css"' in out and 'href="https://kb.org/es/glossary/"' in out
    assert 'href="#top"' in out and 'href="https://o.org/"' in out and "No search" in out


def test_offline_copies_hold_one_edition_and_no_preview_cards():
    languages = ("en", "es")
    assert selected("about/index.html", "en", "en", languages) and not selected("es/about/index.html", "en", "en", languages)
    assert selected("es/about/index.html", "es", "en", languages) and not selected("about/index.html", "es", "en", languages)
    assert selected("assets/site.css", "es", "en", languages)
    for path in ("assets/cards/a.png", "downloads/glossary.json", "search/search_index.json", "assets/x.js.map"):
        assert not selected(path, "en", "en", languages)


def test_the_offline_marker_goes_on_the_html_tag_whatever_attributes_come_first():
    # The theme override writes data-kb-go-to-entry before lang; search must still be hidden.
    from kb.offline import rewrite_page
    page = '<!doctype html>\n<html data-kb-go-to-entry="Go to the entry" lang="en" class="no-js"><body></body></html>'
    out = rewrite_page(page, "glossary/index.html", {"glossary/index.html"}, "https://kb.example.org/", "Offline copy")
    assert '<html data-kb-offline data-kb-go-to-entry="Go to the entry" lang="en"' in out


def test_a_citation_dates_the_page_in_the_readers_language():
    assert citation_date("2026-11-04T08:44:38+00:00", "en") == "2026, November 4"
    assert citation_date("2026-11-04T08:44:38+00:00", "es") == "2026, 4 de noviembre"
