"""Cite this page, Cite the paper, and schema.org JSON-LD in both editions."""

from __future__ import annotations

import json
import re

import pytest

from conftest import SITE_URL

PAPER_URL = "https://stanleycenter.org/publications/strategy-mass-violence-prevention/"


def json_ld(soup) -> list[dict]:
    return [json.loads(s.string) for s in soup.select('script[type="application/ld+json"]')]


def content_pages(site):
    return [u for u in site.pages() if not u.endswith("404.html") and u.endswith("/") or u == ""]


def test_every_content_page_in_both_editions_offers_a_citation(site):
    pages = content_pages(site)
    assert any(p.startswith("es/") for p in pages) and len(pages) > 40
    for url in pages:
        soup = site.soup(url)
        if soup.select_one("article") is None:
            continue
        box = soup.select_one("article .kb-cite:not(.kb-cite-paper)")
        assert box is not None, url
        text = box.select_one(".kb-cite-text").get_text(" ")
        title = soup.select_one("article h1").get_text().strip().rstrip("¶").strip()
        assert title in text, url
        assert SITE_URL + url in text, url
        assert PAPER_URL in text and "Stanley Center for Peace and Security" in text
        assert box.select_one(".kb-cite-bibtex").get_text().startswith("@online{")
        assert "TY  - ELEC" in box.select_one(".kb-cite-ris").get_text()
        (item,) = json.loads(box.select_one(".kb-cite-csl").get_text())
        assert item["URL"] == SITE_URL + url and item["title"] == title, url
        assert item["author"][0]["literal"] in box.select_one(".kb-cite-chicago").get_text()
        expected = "Citar esta página" if url.startswith("es/") else "Cite this page"
        assert box.select_one("h2").get_text() == expected, url


@pytest.mark.parametrize("url, date", [
    ("glossary/", r"\(\d{4}, (January|February|March|April|May|June|July|August|September|October|November|December) \d{1,2}\)"),
    ("es/glossary/", r"\(\d{4}, \d{1,2} de (enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|octubre|noviembre|diciembre)\)"),
])
def test_the_citation_dates_the_page_in_the_readers_language(site, url, date):
    text = site.soup(url).select_one("article .kb-cite:not(.kb-cite-paper) .kb-cite-text").get_text()
    assert re.match(r"[^.]+\. " + date + r"\. ", text), text


@pytest.mark.parametrize("url, heading", [("", "Cite the paper"), ("es/", "Citar el documento")])
def test_the_home_page_cites_the_paper(site, url, heading):
    box = site.soup(url).select_one(".kb-cite-paper")
    assert box.select_one("h2").get_text() == heading
    text = box.select_one(".kb-cite-text").get_text()
    assert "Stanley Center for Peace and Security. (2020). Strategy Consultation on Mass Violence and Atrocity Prevention" in text
    assert PAPER_URL in text
    assert "AU  - Stanley Center for Peace and Security" in box.select_one(".kb-cite-ris").get_text()
    assert json.loads(box.select_one(".kb-cite-csl").get_text())[0]["type"] == "report"


@pytest.mark.parametrize("prefix", ["", "es/"])
def test_glossary_pages_carry_a_defined_term_set_with_every_term(site, prefix):
    soup = site.soup(prefix + "glossary/")
    data = {d["@type"]: d for d in json_ld(soup)}
    term_set = data["DefinedTermSet"]
    lang = prefix.rstrip("/") or "en"
    assert term_set["inLanguage"] == lang
    shown = [h["id"] for h in soup.select("article h3[id]")]
    assert sorted(t["termCode"] for t in term_set["hasDefinedTerm"]) == sorted(shown)
    for term in term_set["hasDefinedTerm"]:
        assert term["url"] == f"{SITE_URL}{prefix}glossary/#{term['termCode']}"
        heading = soup.select_one(f"h3#{term['termCode']}").get_text().strip().rstrip("¶").strip()
        assert term["name"].casefold() in heading.casefold()
        assert term["description"].endswith((".", "?", "!")) and term["description"].count(". ") == 0


def test_every_page_says_it_is_based_on_the_paper_and_no_script_can_be_closed(site):
    for url in content_pages(site):
        html = site.html(url)
        for block in html.split('<script type="application/ld+json">')[1:]:
            body = block.split("</script>", 1)[0]
            assert "<" not in body and ">" not in body, url
        data = json_ld(site.soup(url))
        if not data:
            continue
        page = data[0]
        assert page["@type"] in ("WebPage", "Article")
        assert page["isBasedOn"]["url"] == PAPER_URL
        assert page["url"] == SITE_URL + url
        assert page["inLanguage"] == ("es" if url.startswith("es/") else "en")
        # What a structured-data reader needs of an article: a creator, a publisher, an image.
        assert page["author"] == {"@type": "Organization", "name": page["isPartOf"]["name"], "url": page["isPartOf"]["url"]}
        assert page["publisher"]["@type"] == "Organization" and page["publisher"]["name"], url
        assert page["image"].startswith(SITE_URL + "assets/cards/") and page["image"].endswith(".png"), url
