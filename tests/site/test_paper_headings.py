"""Each assumption's page and the overview show the paper's own heading for the assumption as a
marked, attributed quotation under the site's shorter title (content review P25); the Spanish
edition gives the site's translation, marked as such, with the English original beside it."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[2]
HEADINGS = yaml.safe_load((ROOT / "tests" / "fixtures" / "assumption-headings.yml").read_text(encoding="utf-8"))
PAPER_URL = "https://stanleycenter.org/publications/strategy-mass-violence-prevention/"


def words(text: str) -> str:
    return " ".join(text.split())


def heading_figure(soup, after):
    figure = after.find_next("figure", class_="kb-paper-heading")
    assert figure is not None and figure.get("data-provenance") == "paper"
    assert figure.find("blockquote").get("cite") == PAPER_URL
    return figure


@pytest.mark.parametrize("number", sorted(HEADINGS))
def test_each_assumption_page_quotes_the_paper_s_heading_under_its_title(site, number):
    soup = site.soup(HEADINGS[number]["page"])
    h1 = soup.find("h1")
    figure = heading_figure(soup, h1)
    assert h1.find_next(["h2", "figure"]) is figure, "the heading is not right under the page title"
    assert words(figure.find("blockquote").get_text()) == HEADINGS[number]["heading"]
    caption = words(figure.figcaption.get_text())
    assert f"heading for Assumption {number}" in caption and "word for word" in caption
    assert words(h1.get_text()).rstrip("¶") != HEADINGS[number]["heading"], "the page title should be the site's own"


@pytest.mark.parametrize("number", sorted(HEADINGS))
def test_spanish_pages_mark_the_heading_as_the_site_s_translation_with_the_original(site, number):
    soup = site.soup("es/" + HEADINGS[number]["page"])
    figure = heading_figure(soup, soup.find("h1"))
    caption = figure.figcaption
    assert "traducción del sitio" in caption.get_text()
    original = caption.find("q", lang="en")
    assert original is not None and words(original.get_text()) == HEADINGS[number]["heading"]
    assert words(figure.find("blockquote").get_text()) != HEADINGS[number]["heading"]


@pytest.mark.parametrize("edition", ["", "es/"])
def test_the_overview_quotes_every_heading_under_its_assumption(site, edition):
    soup = site.soup(edition + "assumptions/")
    for number, expected in HEADINGS.items():
        section = soup.find(id=f"assumption-{number}")
        figure = heading_figure(soup, section)
        assert figure.find_previous(["h2"]) is section
        shown = figure.find("q", lang="en") if edition else figure.find("blockquote")
        assert words(shown.get_text()) == expected["heading"]


@pytest.mark.parametrize("edition", ["", "es/"])
def test_the_home_page_lists_each_assumption_under_its_page_s_title(site, edition):
    """One title per assumption: the home page's list says what the page's H1 says (after
    "Assumption N:"), so that a reader who clicks finds the words they clicked."""
    soup = site.soup(edition)
    items = soup.find(id="the-nine-assumptions").find_next("ol").find_all("li")
    assert len(items) == 9
    for number, item in enumerate(items, start=1):
        page = site.soup(edition + HEADINGS[number]["page"])
        h1 = words(page.find("h1").get_text()).rstrip("¶").strip()
        assert h1.split(": ", 1)[1] == words(item.get_text()), f"{edition} home, assumption {number}"
