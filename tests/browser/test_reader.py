"""What a reader does, in Debian's Chromium, against the built site served on 127.0.0.1."""

from __future__ import annotations

import re
from urllib.parse import urlparse

import pytest

from conftest import ROOT, tap_first_term

from kb.inline import first_sentence
from kb.knowledge import load_knowledge

pytestmark = pytest.mark.browser


def definition_behind(term) -> str:
    """What the tooltip of an auto-linked term must say: its glossary definition's first sentence."""
    slug = term.get_attribute("href").split("#", 1)[1]
    return first_sentence(load_knowledge(ROOT / "data").glossary[slug].en.definition)


def same_words(a: str, b: str) -> bool:
    return " ".join(a.split()) == " ".join(b.split())


def record_requests(tab):
    seen = []
    tab.on("request", lambda request: seen.append(request.url))
    return seen


def switch_language(tab, hreflang):
    tab.hover(".md-header__option .md-select")
    tab.click(f'.md-select__link[hreflang="{hreflang}"]')
    tab.wait_for_load_state()


def test_switching_language_on_an_inner_page_lands_on_the_same_page(page, server):
    page.goto(f"{server}/assumptions/evidence/")
    switch_language(page, "es")
    assert page.url == f"{server}/es/assumptions/evidence/"
    assert page.locator("html").get_attribute("lang") == "es"
    switch_language(page, "en")
    assert page.url == f"{server}/assumptions/evidence/"


def test_switching_language_on_a_generated_page(page, server):
    page.goto(f"{server}/es/dimensions/security-of-livelihoods/")
    switch_language(page, "en")
    assert page.url == f"{server}/dimensions/security-of-livelihoods/"
    assert page.locator("h1").inner_text().rstrip("¶").strip() == "Security of livelihoods"


def search(tab, query):
    tab.click(".md-search__input")
    tab.keyboard.type(query, delay=20)   # as a reader types: Material listens to key events
    tab.wait_for_selector(".md-search-result__item", timeout=15000)
    return [a.get_attribute("href") for a in tab.locator(".md-search-result__item > a").all()]


@pytest.mark.parametrize("query,expected", [
    ("depuracion etnica", "es/glossary/"),
    ("depuracion", "es/glossary/"),              # "-ción" typed without its accent
    ("educacion para la paz", "es/factors/"),
    ("impunidad", "es/"),
    ("sociedad civil", "es/dimensions/vibrant-civil-society-active-private-sectors/"),
    ("discurso de odio", "es/assumptions/hate-speech/"),
])
def test_spanish_search_without_accents_finds_spanish_pages_only(page, server, query, expected):
    requests = record_requests(page)
    page.goto(f"{server}/es/")
    results = search(page, query)
    assert results, query
    assert all(urlparse(href).path.startswith("/es/") for href in results), results
    assert any(urlparse(href).path.startswith("/" + expected) for href in results), (query, results)
    index_requests = [u for u in requests if "search_index" in u]
    assert index_requests and all("/es/search/" in u for u in index_requests)


def test_found_words_are_not_listed_as_missing(page, server):
    # Material strikes through typed words a result lacks; stemmed or unaccented words it has
    # must not be struck through, nor stop words such as "para" and "la".
    page.goto(f"{server}/es/")
    search(page, "depuracion etnica")
    # The best section is the second link of the first result (the first is the page itself);
    # sections under "more on this page" may rightly lack a word.
    best = page.locator(".md-search-result__item").first.locator(":scope > a").nth(1)
    assert best.get_attribute("href").endswith("/es/glossary/?h=depuracion+etnica#ethnic-cleansing")
    assert best.locator("del").count() == 0 and best.locator("mark").count() >= 2
    page.fill(".md-search__input", "")
    search(page, "educacion para la paz")
    best = page.locator(".md-search-result__item").first.locator(":scope > a").nth(1)
    assert "res-peace-education-capacity" in best.get_attribute("href")
    assert best.locator("del").count() == 0


def test_the_search_index_loads_only_when_the_reader_searches(phone, server):
    requests = record_requests(phone)
    phone.goto(f"{server}/es/assumptions/evidence/")
    phone.wait_for_load_state("networkidle")
    assert not [u for u in requests if "search_index" in u]
    phone.locator('label[for="__search"]').first.tap()
    phone.keyboard.type("impunidad", delay=20)
    phone.wait_for_selector(".md-search-result__item", timeout=15000)
    assert [u for u in requests if "search_index" in u] == [f"{server}/es/search/search_index.json"]


def test_english_search_finds_english_pages_only_and_stems(page, server):
    page.goto(f"{server}/")
    results = search(page, "hate speech")
    assert results and not any("/es/" in href for href in results)
    page.fill(".md-search__input", "")
    results = search(page, "prevented")          # stemmed: finds "prevention", "preventing"
    assert any("/definitions/" in href or "/assumptions/" in href for href in results)


def test_no_request_leaves_the_site(page, server):
    requests = record_requests(page)
    for url in ("/", "/es/", "/dimensions/", "/es/glossary/", "/assumptions/hate-speech/"):
        page.goto(server + url)
        page.wait_for_load_state("networkidle")
    hosts = {urlparse(u).netloc for u in requests if u.startswith("http")}
    assert hosts == {urlparse(server).netloc}, hosts
    assert not [u for u in requests if u.endswith("/sitemap.xml")], "Material fetched sitemaps for alternates"


def test_a_term_shows_its_definition_on_tap(phone, server):
    term = tap_first_term(phone, f"{server}/assumptions/hate-speech/")
    popover = phone.locator(".kb-popover")
    popover.wait_for(state="visible")
    assert phone.url.endswith("/assumptions/hate-speech/")
    assert same_words(popover.locator("p").inner_text(), definition_behind(term))
    assert term.get_attribute("aria-expanded") == "true"
    popover.locator("a").tap()
    phone.wait_for_url(re.compile(r"/glossary/#"))


def test_a_term_shows_its_definition_on_hover(page, server):
    page.goto(f"{server}/assumptions/hate-speech/")
    term = page.locator("article a.kb-term").first
    term.hover()
    tooltip = page.locator(".md-tooltip2--active, .md-tooltip--active, [role=tooltip]").first
    tooltip.wait_for(state="visible", timeout=5000)
    assert same_words(tooltip.inner_text(), definition_behind(term))


def test_missing_page_shows_the_404_with_a_way_home(page, server):
    response = page.goto(f"{server}/no-such-page/")
    assert response.status == 404
    assert page.locator(".kb-not-found:visible h1").inner_text() == "Page not found"
    # The Spanish text is in the page too (shown without JavaScript, or under /es/).
    assert page.locator('article .kb-not-found[lang="es"] a[hreflang="es"]').first.get_attribute("href").endswith("/es/")


TABLE_PAGES = ("/about/", "/es/about/", "/programming/", "/es/programming/", "/translation-status/", "/es/translation-status/")


def test_phone_layout_has_no_horizontal_scroll(phone, server):
    for url in ("/", "/es/dimensions/", "/es/glossary/", "/dimensions/constructive-management-of-diversity/") + TABLE_PAGES:
        phone.goto(server + url)
        overflow = phone.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
        assert overflow <= 1, (url, overflow)
        # Tables scroll inside their own box when too wide; on these pages every column should show.
        tables = phone.evaluate("[...document.querySelectorAll('article .md-typeset__scrollwrap')]"
                                ".map(w => w.scrollWidth - w.clientWidth)")
        assert all(extra <= 1 for extra in tables), (url, tables)


def test_the_tap_popover_speaks_the_page_language(phone, server):
    for url, link_text in (("/es/assumptions/hate-speech/", "Ir a la entrada"), ("/assumptions/hate-speech/", "Go to the entry")):
        tap_first_term(phone, server + url)
        popover = phone.locator(".kb-popover")
        popover.wait_for(state="visible")
        assert popover.locator("a").inner_text() == link_text
