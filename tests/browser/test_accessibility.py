"""WCAG 2.2 AA, as far as a machine can check it: axe-core in Chromium, on each kind of page."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.browser

PAGES = ["", "about/", "definitions/", "assumptions/", "assumptions/hate-speech/", "dimensions/",
         "dimensions/vibrant-civil-society-active-private-sectors/", "factors/", "glossary/", "organizations/",
         "sources/", "editorial-notes/", "translation-status/", "404.html", "data/", "print/"]
RULES = {"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]},
         "resultTypes": ["violations"]}


@pytest.fixture(scope="module")
def axe():
    from axe_playwright_python.sync_playwright import Axe
    return Axe()


@pytest.mark.parametrize("url", [edition + page for edition in ("", "es/") for page in PAGES])
def test_no_wcag_violation(page, server, axe, url):
    page.goto(f"{server}/{url}")
    page.wait_for_load_state("networkidle")
    violations = axe.run(page, options=RULES).response["violations"]
    report = [(v["id"], v["impact"], [n["target"] for n in v["nodes"][:3]]) for v in violations]
    assert report == []


@pytest.mark.parametrize("scheme", ["default", "slate"])
def test_colour_contrast_in_both_schemes(page, server, axe, scheme):
    page.goto(f"{server}/es/dimensions/security-of-livelihoods/")
    # Material animates colour changes; measure the final colours, not a frame of the transition.
    # A rule added through the CSSOM: the page's policy refuses a <style> element, as it should.
    page.evaluate("document.styleSheets[0].insertRule('*, *::before, *::after { transition: none !important; }')")
    page.evaluate(f"document.body.setAttribute('data-md-color-scheme', '{scheme}')")
    page.wait_for_timeout(100)
    rules = {"runOnly": {"type": "rule", "values": ["color-contrast"]}, "resultTypes": ["violations"]}
    violations = axe.run(page, options=rules).response["violations"]
    assert [(v["id"], [n["target"] for n in v["nodes"][:5]]) for v in violations] == []
