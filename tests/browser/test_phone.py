"""Reading on a phone (360 × 740) and a desktop, in Chromium: the glossary, the factor chart,
the language switch, the other-edition notice and the 404 page."""

from __future__ import annotations

import pytest

from conftest import SiteHandler, build_site, serving, tap_first_term, wait_until

pytestmark = pytest.mark.browser

PHONE = {"viewport": {"width": 360, "height": 740}, "is_mobile": True, "has_touch": True, "device_scale_factor": 2}


@pytest.fixture
def small(browser):
    context = browser.new_context(**PHONE)
    yield context.new_page()
    context.close()


def overflow(tab) -> int:
    return tab.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")


# --- glossary -----------------------------------------------------------------------------------
def test_the_spanish_glossary_is_at_most_twenty_phone_screens_with_entries_collapsed(small, server):
    small.goto(f"{server}/es/glossary/")
    assert small.locator(".kb-entry details[open]").count() == 0
    height = small.evaluate("document.documentElement.scrollHeight")
    assert height <= 20 * 740, f"{height} px is {height / 740:.1f} screens"
    assert overflow(small) <= 1
    letters = small.locator(".kb-letters")
    assert letters.evaluate("n => n.scrollWidth - n.clientWidth") <= 1   # the letter index wraps
    # Collapsed, an entry still says what the term means.
    entry = small.locator(".kb-entry", has=small.locator("#genocide"))
    assert entry.locator(".kb-gist").is_visible() and len(entry.locator(".kb-gist").inner_text()) > 30
    assert not entry.locator(".kb-facts").first.is_visible()
    entry.locator("summary").tap()
    assert entry.locator(".kb-facts").first.is_visible()


@pytest.mark.parametrize("typed,expected", [
    ("crimenes atroces", "atrocity-crimes"),     # no accents
    ("ATROCITY CRIMES", "atrocity-crimes"),      # the English term, in capitals, on the Spanish page
    ("depuración étnica", "ethnic-cleansing"),   # a variant
])
def test_the_glossary_filter_narrows_the_list_as_the_reader_types(small, server, typed, expected):
    small.goto(f"{server}/es/glossary/")
    field = small.get_by_label("Filtrar el glosario")
    field.fill(typed)
    visible = small.locator(".kb-entry:visible h3").evaluate_all("hs => hs.map(h => h.id)")
    assert expected in visible and len(visible) < 10
    status = small.locator("#kb-filter-status")
    assert status.get_attribute("aria-live") == "polite"
    assert status.inner_text() == f"{len(visible)} de 82 términos"


def test_the_glossary_filter_says_when_nothing_matches(page, server):
    page.goto(f"{server}/glossary/")
    page.get_by_label("Filter the glossary").fill("xyzzy")
    assert page.locator(".kb-entry:visible").count() == 0
    assert page.locator("#kb-filter-status").inner_text().startswith("No term matches")
    page.get_by_label("Filter the glossary").fill("")
    assert page.locator(".kb-entry:visible").count() == 82


def test_a_link_to_an_entry_opens_it_on_arrival_and_on_a_later_fragment_change(small, server):
    small.goto(f"{server}/es/glossary/#atrocity-crimes")
    entry = small.locator(".kb-entry", has=small.locator("#atrocity-crimes"))
    assert entry.locator("details").evaluate("d => d.open")
    assert entry.locator(".kb-facts").first.is_visible()
    small.evaluate("location.hash = '#genocide'")
    wait_until(small, "document.querySelector('#genocide').closest('.kb-entry').querySelector('details').open")


# --- factor chart -------------------------------------------------------------------------------
@pytest.mark.parametrize("edition", ["", "es/"])
def test_the_chart_shows_all_five_dimensions_on_a_phone_and_keeps_its_headers_in_view(small, server, edition):
    small.goto(f"{server}/{edition}dimensions/#matrix")
    assert overflow(small) <= 1
    table = small.locator("table.kb-matrix")
    assert table.evaluate("t => t.getBoundingClientRect().right") <= 360
    heads = small.locator("table.kb-matrix thead th.kb-m-dim")
    assert heads.count() == 5
    for i in range(5):
        box = heads.nth(i).bounding_box()
        assert box["x"] >= 0 and box["x"] + box["width"] <= 360, i
    small.evaluate("document.querySelector('table.kb-matrix tbody tr:nth-child(40)').scrollIntoView()")
    small.wait_for_timeout(100)
    header = heads.first.bounding_box()
    assert 0 <= header["y"] < 200, "the column headers scrolled away"
    mark = small.locator("table.kb-matrix a.kb-m-mark").first
    assert "/factors/#" in mark.evaluate("a => a.href")


# --- language switch ----------------------------------------------------------------------------
def test_switching_language_keeps_the_place_and_the_menu_marks_the_current_language(page, server):
    page.goto(f"{server}/es/glossary/#atrocity-crimes")
    current = page.locator(".md-select__link[aria-current]")
    assert current.count() == 1 and current.get_attribute("hreflang") == "es"
    page.hover(".md-header__option .md-select")
    page.click('.md-select__link[hreflang="en"]')
    page.wait_for_url(f"{server}/glossary/#atrocity-crimes")
    assert page.locator("#atrocity-crimes").evaluate("h => h.closest('.kb-entry').querySelector('details').open")
    assert page.locator(".md-select__link[aria-current]").get_attribute("hreflang") == "en"
    page.goto(f"{server}/organizations/#gaamac")
    page.evaluate("location.hash = '#peace-direct'")
    page.hover(".md-header__option .md-select")
    page.click('.md-select__link[hreflang="es"]')
    page.wait_for_url(f"{server}/es/organizations/#peace-direct")


# --- the other edition, offered once ------------------------------------------------------------
@pytest.mark.parametrize("locale,url,twin,words", [
    ("es-MX", "/glossary/", "/es/glossary/", "también está en español"),
    ("en-US", "/es/assumptions/evidence/", "/assumptions/evidence/", "also in English"),
])
def test_a_reader_who_prefers_the_other_language_is_offered_its_edition_once(browser, server, locale, url, twin, words):
    context = browser.new_context(locale=locale, **PHONE)
    tab = context.new_page()
    tab.goto(server + url)
    hint = tab.locator(".kb-edition-hint")
    hint.wait_for()
    assert words in hint.inner_text()
    assert tab.url == server + url                      # no redirect
    assert hint.locator("a").get_attribute("href").endswith(twin)
    hint.locator("button").tap()
    assert hint.count() == 0
    tab.reload()
    tab.wait_for_load_state("networkidle")
    assert tab.locator(".kb-edition-hint").count() == 0   # closing it is remembered
    context.close()


def test_a_reader_reading_their_own_language_sees_no_notice(browser, server):
    context = browser.new_context(locale="es-419")
    tab = context.new_page()
    tab.goto(f"{server}/es/")
    tab.wait_for_load_state("networkidle")
    assert tab.locator(".kb-edition-hint").count() == 0
    context.close()


# --- 404 under GitHub Pages' rules ----------------------------------------------------------------
PREFIX = "/atrocity-kb"


@pytest.fixture(scope="module")
def prefixed_server(tmp_path_factory):
    """The site built for https://example.github.io/atrocity-kb/ and served under /atrocity-kb/,
    with the root 404.html for every missing address, as GitHub Pages does."""
    site = tmp_path_factory.mktemp("prefixed")
    result = build_site(site, extra_env={"SITE_URL": f"https://example.github.io{PREFIX}/"})
    assert result.returncode == 0, result.stderr

    class Handler(SiteHandler):
        def translate_path(self, path):
            if path.startswith(PREFIX + "/"):
                path = path[len(PREFIX):]
            elif not path.startswith("/"):
                path = "/missing"
            return super().translate_path(path if self.path.startswith(PREFIX) else "/no-such-file")

    with serving(site, Handler) as base:
        yield base + PREFIX


def visit_missing(tab, url):
    failed, errors = [], []
    tab.on("response", lambda r: failed.append(r.url) if r.status >= 400 else None)
    # requests aborted by the hand-over to the edition's own 404 page are not failures
    tab.on("requestfailed", lambda r: failed.append(r.url) if r.failure != "net::ERR_ABORTED" else None)
    tab.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    response = tab.goto(url)
    tab.wait_for_load_state("networkidle")
    assert response.status == 404
    return [u for u in failed if u != url], [e for e in errors if "404" not in e or "Failed to load resource" not in e]


@pytest.mark.parametrize("lang,path,heading,home", [
    ("es", "/es/no-existe/", "Página no encontrada", "/es/"),
    ("en", "/no-such-page/", "Page not found", "/"),
    ("es", "/es/glossary/old-entry", "Página no encontrada", "/es/"),
])
@pytest.mark.release
def test_a_missing_page_answers_in_the_language_of_its_address(small, prefixed_server, lang, path, heading, home):
    failed, errors = visit_missing(small, prefixed_server + path)
    assert not failed, failed
    assert not errors, errors
    assert small.locator("html").get_attribute("lang") == lang
    visible = small.locator(".kb-not-found:visible")
    assert visible.count() == 1 and visible.locator("h1").inner_text() == heading
    assert visible.locator("a").first.evaluate("a => new URL(a.href).pathname") == PREFIX + home
    menu = small.locator(".md-select__link")
    assert small.locator(".md-select__link[aria-current]").get_attribute("hreflang") == lang
    assert {menu.nth(i).evaluate("a => new URL(a.href).pathname") for i in range(menu.count())} == {PREFIX + "/", PREFIX + "/es/"}
    # The whole page is in the address's language: its header, search and footer, not only the
    # message; and the address bar still shows the address the reader asked for.
    assert small.locator(".md-search__input").get_attribute("placeholder") == ("Buscar" if lang == "es" else "Search")
    assert small.evaluate("location.pathname") == PREFIX + path and "kb-missing" not in small.url


@pytest.mark.release
def test_without_javascript_the_404_is_bilingual(browser, prefixed_server):
    context = browser.new_context(java_script_enabled=False)
    tab = context.new_page()
    tab.goto(prefixed_server + "/es/no-existe/")
    assert tab.locator(".kb-not-found:visible h1").all_inner_texts() == ["Page not found", "Página no encontrada"]
    context.close()


# --- term definitions (WCAG 2.2 SC 1.4.13) ------------------------------------------------------
def overlays(tab) -> list[str]:
    """Every overlay showing a definition: ours, and Material's tooltips."""
    return tab.evaluate("""[...document.querySelectorAll('.kb-tooltip, .kb-popover, .md-tooltip, .md-tooltip2')]
        .filter(e => e.getBoundingClientRect().width > 0 && getComputedStyle(e).visibility !== 'hidden'
                     && getComputedStyle(e).opacity !== '0').map(e => e.className)""")


def test_the_hover_tooltip_is_hoverable_persistent_and_closes_on_escape(page, server):
    page.goto(f"{server}/assumptions/hate-speech/")
    term = page.locator("article a.kb-term").first
    term.hover()
    tip = page.locator('[role="tooltip"].kb-tooltip')
    tip.wait_for()
    assert term.get_attribute("aria-describedby") == tip.get_attribute("id")
    assert float(tip.evaluate("t => getComputedStyle(t).fontSize").rstrip("px")) >= 14
    box = tip.bounding_box()
    page.mouse.move(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2, steps=5)   # onto the tooltip
    page.wait_for_timeout(500)
    assert tip.is_visible(), "the tooltip vanished as the pointer moved onto it"
    page.keyboard.press("Escape")
    assert tip.count() == 0 and term.get_attribute("aria-describedby") is None
    assert overlays(page) == []


def test_keyboard_focus_shows_the_tooltip_and_escape_closes_it(page, server):
    page.goto(f"{server}/es/assumptions/hate-speech/")
    term = page.locator("article a.kb-term").first
    term.focus()
    page.locator('[role="tooltip"]').wait_for()
    page.keyboard.press("Escape")
    assert page.locator('[role="tooltip"]').count() == 0
    assert page.evaluate("document.activeElement.classList.contains('kb-term')")   # focus stays


def test_a_tap_shows_one_overlay_a_dialog_with_a_link_that_looks_like_one(small, server):
    tap_first_term(small, f"{server}/es/assumptions/hate-speech/")
    card = small.locator('.kb-popover[role="dialog"]')
    card.wait_for()
    small.wait_for_timeout(400)
    assert overlays(small) == ["kb-popover"]
    link = card.locator("a")
    assert link.inner_text() == "Ir a la entrada"
    assert "underline" in link.evaluate("a => getComputedStyle(a).textDecorationLine")
    assert float(card.evaluate("c => getComputedStyle(c).fontSize").rstrip("px")) >= 14
    small.keyboard.press("Escape")
    assert card.count() == 0
