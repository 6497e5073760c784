"""A reference people can cite: whose text each part is, the paper's exact words where they
matter, the annex as each table words it, no unverified remark, credit, licence and privacy."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml
from bs4 import BeautifulSoup

from kb.verbatim import copied_words

ROOT = Path(__file__).resolve().parents[2]
FIXTURES = ROOT / "tests" / "fixtures"
INTERFACE = yaml.safe_load((ROOT / "data" / "interface.yml").read_text(encoding="utf-8"))
PAPER_URL = "https://stanleycenter.org/publications/strategy-mass-violence-prevention/"
EDITIONS = ("", "es/")
DIMENSIONS = ["constructive-management-of-diversity", "legitimate-and-capable-authority",
              "security-of-livelihoods", "vibrant-civil-society-active-private-sectors",
              "guarantees-of-nonrecurrence"]


def labels(lang: str) -> list[str]:
    return [value[lang] for key, value in INTERFACE.items()
            if key.startswith("provenance_") and key != "provenance_based_on"]


def words(text: str) -> str:
    return " ".join(text.split())


# --- provenance ------------------------------------------------------------------------------

@pytest.mark.parametrize("edition", EDITIONS)
@pytest.mark.parametrize("page, selector, expected_at_least", [
    ("glossary/", ".kb-entry summary, .kb-entry .kb-definition", 140),   # the visible line, and the rest of the definition
    ("organizations/", ".kb-description", 56),
    ("sources/", ".kb-source .kb-description", 30),
    ("editorial-notes/", ".kb-note-text", 14),
    ("definitions/", ".kb-definition", 3),
])
def test_every_definition_and_description_says_whose_it_is(site, edition, page, selector, expected_at_least):
    lang = "es" if edition else "en"
    parts = site.soup(edition + page).select(selector)
    assert len(parts) >= expected_at_least, f"{edition + page}: only {len(parts)} parts matched {selector}"
    for part in parts:
        kind = part.get("data-provenance")
        assert kind in ("paper", "official", "site"), f"{edition + page}: a text without data-provenance: {words(part.get_text())[:80]}"
        label = part.select_one(".kb-provenance")
        assert label is not None and words(label.get_text()), f"{edition + page}: no visible label on {words(part.get_text())[:80]}"
        assert any(words(label.get_text()).startswith(l) for l in labels(lang)), \
            f"{edition + page}: unexpected label '{words(label.get_text())}'"


@pytest.mark.parametrize("edition", EDITIONS)
def test_every_glossary_entry_has_its_definition_labelled(site, edition):
    soup = site.soup(edition + "glossary/")
    entries = soup.select("h3[id]")
    assert len(entries) >= 80
    for heading in entries:
        block = heading.find_parent(class_="kb-entry").find_all(True)   # the collapsed entry, opened
        marked = [b for b in block if b.get("data-provenance")]
        assert marked, f"glossary entry {heading['id']} has no part with data-provenance"
        assert not any("Source:" in words(b.get_text()) or "Fuente:" in words(b.get_text()) for b in block), \
            f"glossary entry {heading['id']} still ends in the generic Source line"


@pytest.mark.parametrize("edition", EDITIONS)
def test_every_data_provenance_element_shows_its_label(site, edition):
    for page in ["glossary/", "organizations/", "sources/", "editorial-notes/", "definitions/", "assumptions/",
                 *(f"dimensions/{d}/" for d in DIMENSIONS)]:
        for element in site.soup(edition + page).select("article [data-provenance]"):
            if element.name == "p" and element.find_parent(attrs={"data-provenance": True}):
                continue
            label = element.select_one(".kb-provenance")
            assert label is not None and words(label.get_text()), \
                f"{edition + page}: <{element.name} data-provenance> without a visible label: {words(element.get_text())[:80]}"


@pytest.mark.parametrize("edition", EDITIONS)
def test_the_site_s_mapping_of_assumptions_to_dimensions_is_labelled(site, edition):
    lang = "es" if edition else "en"
    for page in ["assumptions/", "assumptions/early-action/", "dimensions/guarantees-of-nonrecurrence/"]:
        mapping = site.soup(edition + page).select('[data-provenance="site"].kb-mapping, [data-provenance="site"].kb-counts')
        assert mapping, f"{edition + page}: the assumption-dimension mapping is not marked as the site's"
        assert INTERFACE["provenance_site_mapping"][lang] in words(mapping[0].get_text())


def test_statements_the_paper_does_not_make_are_not_labelled_as_the_paper_s(site):
    soup = site.soup("glossary/")
    for text in ("transitional justice", "does not depend on legal categories"):
        for part in soup.select('[data-provenance="paper"]'):
            assert text not in part.get_text(), f"'{text}' is presented as the paper's"
    for page in ["sources/", *(f"dimensions/{d}/" for d in DIMENSIONS)]:
        text = words(site.soup(page).select_one("article").get_text())
        assert "draws on Alex Bellamy" not in text and "source of the paper's five dimensions" not in text


# --- the working definitions, word for word ---------------------------------------------------

WORKING = yaml.safe_load((FIXTURES / "working-definitions.yml").read_text(encoding="utf-8"))


@pytest.mark.parametrize("page", ["definitions/", "glossary/"])
@pytest.mark.parametrize("slug", sorted(WORKING))
def test_working_definitions_are_quoted_whole_and_attributed(site, page, slug):
    soup = site.soup(page)
    heading = soup.find(id=slug)
    figure = heading.find_next("figure", class_="kb-quotation")
    assert figure is not None and figure.get("data-provenance") == "paper"
    quote = figure.find("blockquote")
    assert quote.get("cite") == PAPER_URL
    assert words(quote.get_text()) == words(WORKING[slug]), f"{page}#{slug}: the quotation is not the paper's text"
    caption = words(figure.find("figcaption").get_text())
    assert "2017 working definition" in caption and "2020" in caption
    gloss = figure.find_next_sibling(class_="kb-definition")
    if gloss is None and page == "glossary/":      # a one-sentence gloss is the collapsed entry's visible line
        gloss = heading.find_next("summary")
    assert gloss is not None and gloss.get("data-provenance") == "site", "the site's explanation is not separate"


@pytest.mark.parametrize("page", ["es/definitions/", "es/glossary/"])
@pytest.mark.parametrize("slug", sorted(WORKING))
def test_spanish_working_definitions_are_marked_as_the_site_s_translation(site, page, slug):
    figure = site.soup(page).find(id=slug).find_next("figure", class_="kb-quotation")
    assert figure is not None and figure.find("blockquote") is not None
    caption = words(figure.find("figcaption").get_text())
    assert "traducción del sitio" in caption and "2017" in caption


# --- the annex, table by table ------------------------------------------------------------------

ANNEX = yaml.safe_load((FIXTURES / "annex.yml").read_text(encoding="utf-8"))


@pytest.mark.parametrize("slug, table", list(zip(DIMENSIONS, ANNEX)), ids=DIMENSIONS)
def test_each_dimension_page_words_its_factors_as_its_annex_table(site, slug, table):
    soup = site.soup(f"dimensions/{slug}/")
    for column, section in (("risk", "section.kb-risks"), ("resilience", "section.kb-resiliencies")):
        cells = [words(li.find("a").get_text()) for li in soup.select(f"{section} > ol > li")]
        assert cells == [words(c) for c in table[column]], f"{slug} {column}: the page's cells differ from the annex"


def test_the_factor_index_keeps_the_other_wordings(site):
    text = words(site.soup("factors/").select_one("article").get_text())
    for wording in ("Vibrant civil society", "Limited corruption", "Average/low wealth",
                    "Vibrant and free civil society", "Absence of/limited corruption", "Low/average wealth"):
        assert wording in text


# --- no unverified statement, no copied prose -----------------------------------------------------

UNVERIFIED = re.compile(r"from memory|recalled|without verification|not checked against the document|"
                        r"(?<!trabajo )(?<!trabajos )de memoria|sin haberlo comprobado|sin cotejar|still to be confirmed", re.IGNORECASE)


def test_no_page_publishes_an_unverified_remark(site):
    for url in site.pages():
        if url.endswith(".html") and not url.endswith("index.html") and "/" not in url.rstrip("/"):
            continue
        match = UNVERIFIED.search(site.text(url))
        assert not match, f"/{url}: '{match.group(0)}' is an unverified remark"


def test_editorial_notes_record_their_evidence():
    notes = yaml.safe_load((ROOT / "data" / "editorial_notes.yml").read_text(encoding="utf-8"))
    for note in notes:
        assert note.get("evidence"), f"editorial note {note['slug']} records no evidence"


def test_under_two_percent_of_the_english_text_is_the_paper_s_prose_unquoted(site):
    shingles = set((FIXTURES / "paper-shingles.txt").read_text(encoding="utf-8").split())
    total = copied = 0
    runs = []
    for url in site.pages():
        if url.startswith(("es/", "dimensions/", "factors/")) or not url.endswith("/"):
            continue   # the Spanish edition, and the annex's factor phrases, which are the paper's
        article = site.soup(url).select_one("article")
        if article is None:
            continue
        article = BeautifulSoup(str(article), "html.parser")
        # Quotations, titles, names in links and headings are the paper's or nobody's prose.
        for element in article.select("blockquote, q, svg, cite, em, a, h1, h2, h3, h4, h5, h6, strong"):
            element.decompose()
        n, c, page_runs = copied_words(words(article.get_text(" ")), shingles)
        total, copied = total + n, copied + c
        runs += [f"/{url}: {r}" for r in page_runs]
    assert total > 15000
    assert copied / total < 0.02, f"{copied / total:.1%} of the words are the paper's prose unquoted:\n" + "\n".join(runs)


# --- credit, publisher, licence, privacy ---------------------------------------------------------------

def test_every_page_credits_and_links_the_paper_in_its_footer(site):
    for url in site.pages():
        soup = site.soup(url)
        footer = soup.select_one("footer .md-copyright")
        if footer is None:
            continue
        link = footer.find("a", href=PAPER_URL)
        assert link is not None, f"/{url}: the footer does not link the paper"
        if url.startswith("es/"):
            assert link.find("cite").get("lang") == "en", f"/{url}: the paper's English title is not lang=en"


@pytest.mark.parametrize("edition, words_expected", [
    ("", ["maintainers of the Atrocity Prevention Knowledge Base", "not a publication of the Stanley Center",
          "CC BY 4.0", "annex's factor phrases remain", "no cookies", "no analytics"]),
    ("es/", ["no es una publicación del Stanley Center", "CC BY 4.0", "formulaciones de los factores del anexo",
             "no usa cookies", "analítica"]),
])
def test_about_page_says_who_publishes_how_to_report_licence_and_privacy(site, edition, words_expected):
    text = site.text(edition + "about/")
    for expected in words_expected:
        assert expected in text, f"/{edition}about/: missing '{expected}'"
    report = site.soup(edition + "about/").select_one("#who-publishes-this-site ~ p a[href$='/issues']")
    assert report is not None and report["href"] == "https://github.com/example/kb/issues"


def test_the_privacy_statement_is_true_no_request_to_another_host(site):
    for url in site.pages():
        soup = site.soup(url)
        for tag, attr in (("script", "src"), ("link", "href"), ("img", "src"), ("iframe", "src"),
                          ("source", "src"), ("video", "src"), ("audio", "src")):
            for element in soup.find_all(tag):
                value = element.get(attr) or ""
                if tag == "link" and "stylesheet" not in (element.get("rel") or []) and "preload" not in (element.get("rel") or []):
                    continue
                assert not re.match(r"^(https?:)?//", value) or value.startswith("https://kb.example.org/"), \
                    f"/{url}: <{tag} {attr}={value}> asks another host"


# --- rendering and links --------------------------------------------------------------------------

UNRENDERED = re.compile(r"\]\(|\[[^\]\n]{1,120}\]\[")


def test_no_page_shows_unrendered_markdown_links(site):
    for url in site.pages():
        soup = BeautifulSoup(site.html(url), "html.parser")
        for element in soup(["script", "style", "code", "pre"]):
            element.decompose()
        match = UNRENDERED.search(soup.get_text(" "))
        assert not match, f"/{url}: raw Markdown in the text: …{soup.get_text(' ')[max(0, match.start() - 60):match.end() + 30]}…"


@pytest.mark.parametrize("edition", EDITIONS)
def test_links_that_leave_the_site_are_marked(site, edition):
    for page in ["about/", "sources/", "organizations/", "glossary/", ""]:
        for link in site.soup(edition + page).select("article a[href^='http']:not(.md-content__button)"):
            assert "kb-external" in (link.get("class") or []), f"/{edition + page}: {link['href']} is not marked external"
            assert link.select_one(".kb-visually-hidden"), f"/{edition + page}: {link['href']} has no words for screen readers"


def test_un_documents_link_the_spanish_text_from_spanish_pages(site):
    english = [a["href"] for a in site.soup("sources/").select("a[href^='https://undocs.org/']")]
    spanish = [a["href"] for a in site.soup("es/sources/").select("a[href^='https://undocs.org/']")]
    assert len(english) >= 5 and len(spanish) == len(english)
    assert all(not h.startswith("https://undocs.org/es/") for h in english)
    assert all(h.startswith("https://undocs.org/es/") for h in spanish)


def test_every_official_link_in_the_data_records_where_it_was_seen():
    for name in ("organizations.yml", "sources.yml"):
        for entry in yaml.safe_load((ROOT / "data" / name).read_text(encoding="utf-8")):
            for link in entry.get("links", []):
                assert link.get("seen_in", "").strip(), f"data/{name} {entry['slug']}: {link['url']} has no seen_in"


@pytest.mark.parametrize("edition, verb", [("", "See"), ("es/", "Ver")])
def test_see_references_on_the_sources_page_are_links(site, edition, verb):
    for note in site.soup(edition + "sources/").select(".kb-description"):
        text = words(note.get_text())
        if re.search(rf"(^|[.;(] ?){verb} ", text):
            assert note.find("a", href=re.compile(r"^\.\./")), f"/{edition}sources/: '{text[:80]}' has a plain 'See …'"


@pytest.mark.parametrize("edition", EDITIONS)
def test_dimension_pages_link_their_glossary_terms(site, edition):
    for slug in DIMENSIONS:
        links = site.soup(f"{edition}dimensions/{slug}/").select("article a[href*='glossary/#']")
        assert links, f"/{edition}dimensions/{slug}/ links no glossary term"


@pytest.mark.parametrize("edition", EDITIONS)
def test_used_on_backlinks_land_on_the_section(site, edition):
    backlinks = site.soup(edition + "glossary/").select(".kb-backlinks a")
    assert len(backlinks) > 100
    with_anchor = [a for a in backlinks if "#" in a["href"]]
    assert len(with_anchor) / len(backlinks) > 0.9, "most 'Used on' links should land on a section, not a page top"
    for link in with_anchor[:40]:
        page, anchor = link["href"].split("#", 1)
        target = (Path(edition + "glossary/") / page).as_posix()
        target = re.sub(r"[^/]+/\.\./", "", target)
        while "/../" in target:
            target = re.sub(r"[^/]+/\.\./", "", target, count=1)
        target = target if target.endswith("/") else target + "/"
        assert site.soup(target).find(id=anchor) is not None, f"{link['href']} lands on no element"


def test_the_paper_s_english_titles_are_marked_english_on_spanish_pages(site):
    for url in [u for u in site.pages() if u.startswith("es/") and u.endswith("/")]:
        soup = BeautifulSoup(site.html(url), "html.parser")
        for title in ("Strategy Consultation on Mass Violence and Atrocity Prevention",
                      "Assessing Our Strategic Priorities for Mass Violence and Atrocity Prevention"):
            for text in soup.find_all(string=re.compile(re.escape(title.split()[0]) + r"\s+" + re.escape(title.split()[1]))):
                if text.find_parent(["script", "style", "pre", "code"]) is not None:   # data, BibTeX/RIS
                    continue
                assert text.find_parent(attrs={"lang": "en"}) is not None, f"/{url}: '{title}' is not marked lang=en"
