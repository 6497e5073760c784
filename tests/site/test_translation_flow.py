"""Translations kept honest, end to end: a copy of the project with one English sentence changed in
a page and one in a glossary entry (no Spanish touched: an English-only fix must pass) and one page
that has no Spanish version yet, built the way CI builds the real one (the shared build of a changed
project, tests/conftest.changed_site)."""

from __future__ import annotations

from bs4 import BeautifulSoup

from conftest import SITE_URL


def soup(site, url):
    return BeautifulSoup((site / url / "index.html").read_text(encoding="utf-8"), "html.parser")


def test_exactly_the_changed_page_is_marked_out_of_date(changed_site):
    notice = soup(changed_site, "es/about").select_one(".kb-translation-notice")
    assert notice is not None and "desactualizada" in notice.get_text()
    assert notice.a["href"] == "../../about/" and notice.a["hreflang"] == "en"
    others = [p for p in ("es", "es/definitions", "es/assumptions/evidence")
              if soup(changed_site, p).select_one(".kb-translation-notice")]
    assert others == []


def test_an_english_only_change_to_an_entry_shows_the_notice_on_that_entry_only(changed_site):
    page = soup(changed_site, "es/glossary")
    notices = page.select(".kb-translation-notice")
    assert len(notices) == 1 and "cambió" in notices[0].get_text()
    entry_heading = notices[0].find_previous(["h3"])
    assert entry_heading["id"] == "genocide"


def test_the_build_prints_a_note_naming_each_out_of_date_spanish_twin(changed_site):
    log = (changed_site / ".build-log").read_text(encoding="utf-8")
    assert "Spanish out of date: docs/about.es.md" in log
    assert "Spanish out of date: data/glossary.yml [genocide]" in log
    assert "make stamp FILES=data/glossary.yml:genocide" in log


def test_the_status_page_lists_the_stale_page_with_an_edit_link(changed_site):
    page = soup(changed_site, "es/translation-status")
    rows = [row for row in page.select("table tr") if "about.es.md" in row.get_text()]
    assert len(rows) == 1 and "Desactualizado" in rows[0].get_text()
    assert rows[0].a["href"] == "https://github.com/example/kb/edit/main/docs/about.es.md"
    assert [row for row in page.select("table tr") if "data/glossary.yml · genocide" in row.get_text()
            and "Desactualizado" in row.get_text()]
    english = soup(changed_site, "translation-status")
    assert any("Out of date" in row.get_text() for row in english.select("table tr") if "about.es.md" in row.get_text())


def test_an_untranslated_page_shows_english_marked_as_english_with_a_spanish_notice(changed_site):
    page = soup(changed_site, "es/only-english")
    assert page.html["lang"] == "es"
    notice = page.select_one("article .kb-translation-notice")
    assert notice is not None and "aún no está traducida" in notice.get_text()
    body = page.select_one('article div[lang="en"]')
    assert body is not None and "no Spanish version yet" in body.get_text()


def test_an_untranslated_page_is_not_announced_as_spanish(changed_site):
    page = soup(changed_site, "es/only-english")
    assert page.select_one('link[rel="canonical"]')["href"] == SITE_URL + "only-english/"
    sitemap = (changed_site / "sitemap.xml").read_text(encoding="utf-8")
    assert f"{SITE_URL}es/only-english/" not in sitemap
    assert f"<loc>{SITE_URL}only-english/</loc>" in sitemap
