"""Generated pages match the data in both editions: counts, slugs, cross-links and backlinks."""

from __future__ import annotations

import re
from collections import defaultdict
from urllib.parse import urljoin, urlsplit

import pytest

from conftest import ROOT
from kb.knowledge import load_knowledge

K = load_knowledge(ROOT / "data")
EDITIONS = ["", "es/"]


def entry_facts(heading):
    """The fact blocks under an entry's heading, up to the next heading: the facts, then the links
    onward (kb/facts.py)."""
    blocks = []
    for sibling in heading.find_next_siblings():
        if sibling.name in ("h2", "h3"):
            break
        if "kb-facts" in (sibling.get("class") or []):
            blocks.append(sibling)
    return blocks


def ids(site, url):
    return {tag["id"] for tag in site.soup(url).find_all(id=True)}


@pytest.mark.parametrize("edition", EDITIONS)
def test_glossary_has_every_term_once_with_its_definition(site, edition):
    soup = site.soup(edition + "glossary/")
    headings = [h["id"] for h in soup.select("article h3[id]")]
    assert sorted(headings) == sorted(K.glossary)
    lang = "es" if edition else "en"
    longer = [slug for slug, e in K.glossary.items() if ". " in " ".join(getattr(e, lang).definition.split())]
    for slug in longer[:3]:
        # Collapsed, an entry shows its term and the definition's first sentence; the rest of the
        # definition follows inside the same <details>, present in the HTML.
        entry = soup.find(id=slug).find_parent("div", class_="kb-entry")
        definition = " ".join(getattr(K.glossary[slug], lang).definition.split())
        gist = entry.select_one("summary .kb-gist").get_text()
        assert definition.startswith(gist) and len(gist) < len(definition)
        assert " ".join(entry.get_text(" ").split()).count(definition.split(". ")[1][:40]) == 1


def test_glossary_is_alphabetical_by_each_languages_rules(site):
    from kb.collation import sort_key
    for edition, lang in (("", "en"), ("es/", "es")):
        terms = [h.get_text(" ", strip=True).rstrip("¶").strip() for h in site.soup(edition + "glossary/").select("article h3[id]")]
        assert terms == sorted(terms, key=lambda t: sort_key(t, lang))


def test_glossary_letter_navigation_leads_to_letter_sections(site):
    soup = site.soup("es/glossary/")
    targets = [a["href"][1:] for a in soup.select("nav.kb-letters a")]
    assert targets and all(soup.find(id=t) is not None for t in targets)


@pytest.mark.parametrize("edition", EDITIONS)
def test_every_slug_resolves_in_both_editions(site, edition):
    assert set(K.glossary) <= ids(site, edition + "glossary/")
    assert set(K.factors) <= ids(site, edition + "factors/")
    assert set(K.organizations) <= ids(site, edition + "organizations/")
    assert set(K.sources) <= ids(site, edition + "sources/")
    assert set(K.notes) <= ids(site, edition + "editorial-notes/")
    for slug in K.dimensions:
        assert site.path(f"{edition}dimensions/{slug}/").exists()


@pytest.mark.parametrize("edition", EDITIONS)
def test_dimension_pages_list_the_annex_factors_in_order(site, edition):
    for slug, dimension in K.dimensions.items():
        soup = site.soup(f"{edition}dimensions/{slug}/")
        for column, expected in (("risks", dimension.risks), ("resiliencies", dimension.resiliencies)):
            items = soup.select(f"section.kb-{column} > ol > li")
            anchors = [li.find("a")["href"].split("#")[1] for li in items]
            assert anchors == list(expected), (slug, column)


def test_shared_factors_name_the_other_dimensions(site):
    soup = site.soup("dimensions/security-of-livelihoods/")
    item = soup.find("a", href=re.compile("#risk-horizontal-inequalities$")).find_parent("li")
    assert "Constructive management of diversity" in item.get_text()


def test_factor_index_names_each_dimension_as_risk_or_resilience(site):
    soup = site.soup("factors/")
    for slug, factor in K.factors.items():
        facts = " ".join(block.get_text() for block in entry_facts(soup.find(id=slug)))
        for dimension in K.dimensions_of(slug):
            assert dimension.en.title in facts, (slug, dimension.slug)
        assert ("Risk factor in" if factor.kind == "risk" else "Resilience factor in") in facts


def test_matrix_is_a_table_with_a_row_per_factor_named_headers_and_linked_marks(site):
    dimensions = list(K.dimensions.values())
    for edition, lang, word in (("", "en", "Which dimensions"), ("es/", "es", "Qué dimensiones")):
        soup = site.soup(edition + "dimensions/")
        table = soup.select_one("table.kb-matrix")
        assert word in table.caption.get_text()
        heads = table.select("thead th.kb-m-dim")
        assert [h.select_one(".kb-m-name").get_text() for h in heads] == [getattr(d, lang).title for d in dimensions]
        rows = table.select("tbody tr:not(.kb-m-group)")
        assert len(rows) == len(K.factors)
        marks = table.select("a.kb-m-mark")
        assert len(marks) == sum(len(d.risks) + len(d.resiliencies) for d in dimensions)
        assert {m["href"].split("#")[1] for m in marks} == set(K.factors)
        assert all(m["href"].startswith("../factors/#") for m in marks)
        assert not soup.select("svg.kb-matrix")


@pytest.mark.parametrize("edition", EDITIONS)
def test_organizations_directory_has_every_organization(site, edition):
    headings = [h["id"] for h in site.soup(edition + "organizations/").select("article h3[id]")]
    assert sorted(headings) == sorted(K.organizations)


def test_the_definitions_page_takes_its_definitions_from_the_glossary(site):
    for edition, lang in (("", "en"), ("es/", "es")):
        text = site.text(edition + "definitions/")
        for slug in ("mass-violence", "atrocities", "upstream-prevention"):
            definition = " ".join(getattr(K.glossary[slug], lang).definition.split())
            assert definition in text, (edition, slug)


def test_editorial_notes_show_on_their_page_and_on_the_notes_page(site):
    for slug, note in K.notes.items():
        for edition, lang in (("", "en"), ("es/", "es")):
            page_url = edition + (note.page[:-3] + "/").replace("index/", "")
            assert getattr(note, lang).title.replace("*", "") in site.text(page_url), (slug, edition)
            entry = site.soup(edition + "editorial-notes/").find(id=slug)
            assert entry is not None
            page_title = site.soup(page_url).h1.get_text().rstrip("¶").strip()
            assert entry.find_next("a", string=page_title) is not None, (slug, page_title)


def site_url_of(href: str, from_url: str) -> str:
    """Where a link on the page at `from_url` leads, as a site URL without anchor ("es/about/")."""
    return urlsplit(urljoin("https://site.test/" + from_url, href)).path.lstrip("/")


def _backlinks_expected(site, edition, page_dir):
    """Which pages link to which anchor of `page_dir` (glossary/ or organizations/), read from the HTML."""
    expected = defaultdict(set)
    target_dir = edition + page_dir
    for url in site.pages():
        if not url.startswith(edition) or (edition == "" and url.startswith("es/")) or url.endswith("404.html"):
            continue
        if url.startswith(target_dir):
            continue
        for a in site.soup(url).select("article a[href]"):
            href = a["href"]
            if "#" in href and not href.startswith(("http", "#")) and site_url_of(href, url) == target_dir:
                expected[href.split("#", 1)[1]].add(url)
    return expected


@pytest.mark.parametrize("edition", EDITIONS)
@pytest.mark.parametrize("page_dir", ["glossary/", "organizations/"])
def test_backlinks_list_exactly_the_pages_that_link_to_the_entry(site, edition, page_dir):
    expected = _backlinks_expected(site, edition, page_dir)
    soup = site.soup(edition + page_dir)
    listed_any = False
    for heading in soup.select("article h3[id]"):
        # A glossary entry lists its facts in two blocks inside its .kb-entry; backlinks land on
        # the section that links ("page/#anchor"): compare the pages.
        entry = heading.find_parent("div", class_="kb-entry")
        links = entry.select(".kb-backlinks a") if entry else [a for block in entry_facts(heading)
                                                                for a in block.select(".kb-backlinks a")]
        listed = {site_url_of(a["href"].split("#")[0], edition + page_dir) for a in links}
        assert listed == expected.get(heading["id"], set()), heading["id"]
        listed_any |= bool(listed)
        assert all(a.get_text().strip() and "¶" not in a.get_text() for a in links)
    assert listed_any


def test_auto_links_go_to_the_right_entry_with_a_tooltip(site):
    soup = site.soup("assumptions/hate-speech/")
    link = soup.select_one('a.kb-term[href$="glossary/#hate-speech"]')
    assert link is not None and link["title"].startswith(K.glossary["hate-speech"].en.definition.split(".")[0])
    spanish = site.soup("es/assumptions/hate-speech/").select_one('a.kb-term[href$="glossary/#hate-speech"]')
    assert spanish is not None and spanish.get_text().lower().startswith("discurso")


def test_auto_links_never_appear_in_headings_or_twice_per_entry(site):
    for url in (u for u in site.pages() if not u.endswith("print/")):   # the print edition repeats every page
        article = site.soup(url).select_one("article")
        if article is None:
            continue
        assert not article.select("h1 a.kb-term, h2 a.kb-term, h3 a.kb-term, h1 a.kb-org, h2 a.kb-org"), url
        hrefs = [a["href"] for a in article.select("a.kb-term, a.kb-org")]
        assert len(hrefs) == len(set(hrefs)), url
