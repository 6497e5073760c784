"""How the merged pages look, measured in Chromium (positions and computed styles, never pixels):
the style sheet applies whole at every width, the end of a page is one quiet block, the quoted
definitions are at full contrast and the other-edition notice hides nothing for good."""

from __future__ import annotations

from pathlib import Path

import pytest

pytestmark = pytest.mark.browser

ROOT = Path(__file__).resolve().parents[2]
PHONE = {"viewport": {"width": 360, "height": 740}, "is_mobile": True, "has_touch": True}
DESKTOP = {"viewport": {"width": 1280, "height": 900}}


@pytest.fixture(params=[PHONE, DESKTOP], ids=["phone", "desktop"])
def open_at_each_size(browser, request):
    """Opens a page on a phone, then on a desktop (one test run each): open_page(url, **options)."""
    contexts = []

    def open_page(url: str, **options):
        contexts.append(browser.new_context(**request.param, **options))
        tab = contexts[-1].new_page()
        tab.goto(url)
        return tab
    yield open_page
    for context in contexts:
        context.close()


@pytest.mark.parametrize("width", [360, 1280])
def test_the_last_rules_of_the_style_sheet_apply_at_every_width(browser, server, width):
    context = browser.new_context(viewport={"width": width, "height": 800})
    tab = context.new_page()
    tab.goto(f"{server}/glossary/")
    # The glossary filter is styled near the end of site.css; the provenance label in the middle.
    assert tab.locator(".kb-filter input").evaluate("n => getComputedStyle(n).maxWidth") == "480px"
    body = tab.locator(".md-typeset").first.evaluate("n => parseFloat(getComputedStyle(n).fontSize)")
    label = tab.locator(".kb-provenance").first.evaluate("n => parseFloat(getComputedStyle(n).fontSize)")
    assert label < body, "the provenance label should be smaller than the text it labels"
    context.close()


def test_the_end_of_a_page_has_one_rule_and_a_plain_bibtex_link(open_at_each_size, server):
    tab = open_at_each_size(f"{server}/es/assumptions/hate-speech/")
    report, cite = tab.locator(".kb-report"), tab.locator(".kb-cite").first
    assert report.evaluate("n => getComputedStyle(n).borderTopStyle") == "solid"
    assert cite.evaluate("n => n.previousElementSibling.className") == "kb-report"
    assert cite.evaluate("n => getComputedStyle(n).borderTopStyle") == "none"   # not a second rule
    # The citation's text lines up with the page's text, not indented inside a box.
    assert abs(cite.locator(".kb-cite-text").bounding_box()["x"] - report.bounding_box()["x"]) <= 1
    summary = cite.locator("summary")
    styles = summary.evaluate("n => { const s = getComputedStyle(n); "
                              "return [s.backgroundColor, getComputedStyle(n.parentElement).borderLeftStyle] }")
    assert styles == ["rgba(0, 0, 0, 0)", "none"], "BibTeX · RIS should not be a coloured note box"
    assert summary.bounding_box()["height"] >= 24          # WCAG 2.5.8 target size
    summary.click()
    assert cite.locator(".kb-cite-bibtex").is_visible()


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_the_quoted_working_definitions_are_at_full_contrast(browser, server, scheme):
    context = browser.new_context(**DESKTOP, color_scheme=scheme)
    tab = context.new_page()
    tab.goto(f"{server}/definitions/")
    quote = tab.locator(".kb-quotation blockquote").first
    colours = quote.evaluate("n => [getComputedStyle(n).color, getComputedStyle(n.closest('.md-typeset')).color]")
    assert colours[0] == colours[1], colours
    context.close()


def test_the_other_edition_notice_leaves_the_footer_readable(open_at_each_size, server):
    tab = open_at_each_size(f"{server}/es/about/", locale="en-US")
    hint = tab.locator(".kb-edition-hint")
    hint.wait_for()
    tab.evaluate("window.scrollTo(0, document.documentElement.scrollHeight)")
    footer_text = tab.locator(".md-copyright").bounding_box()
    assert footer_text["y"] + footer_text["height"] <= hint.bounding_box()["y"] + 1
    for box in tab.locator(".kb-footer-links a").evaluate_all("ns => ns.map(n => n.getBoundingClientRect().height)"):
        assert box >= 24                                    # WCAG 2.5.8 target size


def test_edit_this_entry_sits_on_the_glossary_terms_line(open_at_each_size, server):
    tab = open_at_each_size(f"{server}/es/glossary/")
    entry = tab.locator(".kb-entry", has=tab.locator("#genocide"))
    term, edit = entry.locator("h3").bounding_box(), entry.locator("a.kb-entry-edit").bounding_box()
    assert edit["y"] < term["y"] + term["height"] and edit["x"] > term["x"]   # beside, not below
    assert edit["height"] >= 24                                              # WCAG 2.5.8
    fact = entry.locator(".kb-facts li").first
    entry.locator("summary").click()
    assert abs(fact.bounding_box()["x"] - term["x"]) <= 1                   # flush with the term
    tab.get_by_label("Filtrar el glosario").fill("genocidio")
    assert tab.locator(".kb-entry:visible").count() < 5                     # hidden entries stay hidden


@pytest.mark.parametrize("url", ["", "es/", "glossary/", "es/glossary/", "es/about/"])
def test_no_text_is_set_below_12_px_on_a_phone(browser, server, url):
    # Lighthouse counts every text node, shown or in a closed <details>: the BibTeX and RIS of
    # "Cite this page" were at 11.9 px, Material's code size inside the smaller citation box.
    context = browser.new_context(**PHONE)
    tab = context.new_page()
    tab.goto(f"{server}/{url}")
    small = tab.evaluate("""() => {
        const found = [], walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
        for (let node; (node = walker.nextNode());) {
            const element = node.parentElement;
            if (!node.textContent.trim() || element.closest("script, style, noscript, template")) continue;
            const size = parseFloat(getComputedStyle(element).fontSize);
            if (size < 12) found.push(`${element.tagName.toLowerCase()}.${element.className} ${size}px: ${node.textContent.trim().slice(0, 40)}`);
        }
        return found; }""")
    context.close()
    assert small == [], f"/{url}: text under 12 px:\n" + "\n".join(small[:10])


LANDINGS = ["es/glossary/#genocide", "organizations/#gaamac", "assumptions/evidence/#evidence-gaps"]


@pytest.mark.parametrize("landing", LANDINGS)
def test_a_landing_never_puts_the_target_under_the_header_or_the_back_to_top_button(open_at_each_size, server, landing):
    """The review's case: after "go to the entry", a term link, search or the language switch,
    "Back to top" covered the term's name. Shown or not, the button must clear the target."""
    tab = open_at_each_size(f"{server}/{landing}")
    target = tab.locator(f"[id='{landing.split('#')[1]}']").first
    if target.count() == 0:
        pytest.fail(f"{landing}: no such target")
    tab.wait_for_timeout(300)
    tab.evaluate("document.querySelector('.md-top').removeAttribute('hidden')")   # as when it shows
    tab.wait_for_timeout(200)
    box = target.bounding_box()
    header = tab.locator(".md-header").bounding_box()
    button = tab.locator(".md-top").bounding_box()
    assert box["y"] >= header["y"] + header["height"], landing
    assert box["y"] >= button["y"] + button["height"], (landing, box, button)
