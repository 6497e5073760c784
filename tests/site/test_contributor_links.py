"""What a reader who spots a mistake, or a contributor who wants to fix it, finds on every page:
"Report a problem" (a prefilled issue and an e-mail address) and an edit link to the right file
and line."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest
import yaml

from conftest import CONTACT_EMAIL, REPO_URL, SITE_URL

ROOT = Path(__file__).resolve().parent.parent.parent
INTERFACE = yaml.safe_load((ROOT / "data" / "interface.yml").read_text(encoding="utf-8"))


def visible_text(element) -> str:
    """The text a sighted reader sees (words only for screen readers, such as "(external site)", left out)."""
    return "".join(t for t in element.find_all(string=True) if not t.find_parent(class_="kb-visually-hidden"))


def content_pages(site):
    return [url for url in site.pages() if url.endswith("/") or url == ""]


@pytest.mark.parametrize("lang", ["en", "es"])
def test_every_page_has_a_prefilled_bilingual_report_link_and_the_contact_address(site, lang):
    other = "es" if lang == "en" else "en"
    pages = [u for u in content_pages(site) if u.startswith("es/") == (lang == "es")]
    assert len(pages) > 20
    for url in pages:
        soup = site.soup(url)
        report = soup.select(".kb-report")
        assert len(report) == 1, f"{url}: {len(report)} report paragraphs"
        link = report[0].find("a", href=lambda h: h and h.startswith(REPO_URL + "/issues/new?"))
        assert link is not None and visible_text(link) == INTERFACE["report_problem"][lang], url
        query = parse_qs(urlsplit(link["href"]).query)
        prefix = f"{INTERFACE['report_issue_title'][lang]}: "
        assert query["title"][0].startswith(prefix), url
        title = query["title"][0][len(prefix):]       # the page's title, as in the browser tab
        assert title and (soup.title.get_text().startswith(title) or url in ("", "es/")), url   # home: nav title
        body = query["body"][0]
        assert SITE_URL + url in body, url       # the page's own address, absolute
        assert INTERFACE["report_issue_prompt"][lang] in body and INTERFACE["report_issue_prompt"][other] in body
        mail = report[0].find("a", href=lambda h: h and h.startswith("mailto:"))
        assert mail is not None and mail.get_text() == CONTACT_EMAIL, url
        assert INTERFACE["report_or_write"][lang] in report[0].get_text()
        assert report[0].find("script") is None and not any(a.startswith("on") for a in link.attrs)


def test_the_spanish_link_says_reportar_un_error(site):
    link = site.soup("es/glossary/").select_one(".kb-report a")
    assert visible_text(link) == "Reportar un error"
    assert visible_text(site.soup("glossary/").select_one(".kb-report a")) == "Report a problem"


def dimension_lines() -> dict[str, int]:
    lines = (ROOT / "data" / "dimensions.yml").read_text(encoding="utf-8").splitlines()
    return {line.split(":", 1)[1].strip(): n for n, line in enumerate(lines, 1) if line.startswith("- slug:")}


@pytest.mark.parametrize("prefix", ["", "es/"])
def test_a_dimension_page_edit_button_opens_its_entry_in_the_data_file(site, prefix):
    found = dimension_lines()
    assert len(found) == 5
    for slug, line in found.items():
        edit = site.soup(f"{prefix}dimensions/{slug}/").select_one('a[rel="edit"]')
        assert edit is not None, slug
        assert edit["href"] == f"https://github.com/example/kb/edit/main/data/dimensions.yml#L{line}"


def test_a_prose_page_edit_button_still_opens_its_markdown(site):
    assert site.soup("es/about/").select_one('a[rel="edit"]')["href"].endswith("/edit/main/docs/about.es.md")


@pytest.mark.parametrize("url, first", [("about/", "CONTRIBUTING.md"), ("es/about/", "CONTRIBUTING.es.md")])
def test_the_about_page_links_both_contributor_guides_own_language_first(site, url, first):
    links = site.soup(url).select("#contributing ~ ul.kb-guides a")
    hrefs = [a["href"] for a in links]
    assert hrefs[0] == f"{REPO_URL}/blob/main/{first}"
    assert set(hrefs) == {f"{REPO_URL}/blob/main/CONTRIBUTING.md", f"{REPO_URL}/blob/main/CONTRIBUTING.es.md"}
    assert all((ROOT / h.rsplit("/", 1)[1]).is_file() for h in hrefs)


def test_the_spanish_contributor_guide_has_the_same_content_as_the_english():
    import re
    english = (ROOT / "CONTRIBUTING.md").read_text(encoding="utf-8")
    spanish = (ROOT / "CONTRIBUTING.es.md").read_text(encoding="utf-8").replace("<página>", "<page>")

    def shape(text):   # sections, table rows, commands, files and markers named
        return (len(re.findall(r"^#+ ", text, re.M)), len(re.findall(r"^\|", text, re.M)),
                sorted(set(re.findall(r"`make (\w+)", text))),
                sorted(set(re.findall(r"`((?:docs|data|hooks|kb|overrides|schemas)/[^`]*|<!-- kb:[^`]*)`", text))))
    assert shape(spanish) == shape(english)
    for guide in (english, spanish):   # both say what the web editor cannot do
        assert "make stamp" in guide.split("\n## ")[1]


def data_lines(name: str) -> dict[str, int]:
    lines = (ROOT / "data" / name).read_text(encoding="utf-8").splitlines()
    return {line.split(":", 1)[1].strip(): n for n, line in enumerate(lines, 1) if line.startswith("- slug:")}


@pytest.mark.parametrize("page, data", [("glossary", "glossary.yml"), ("organizations", "organizations.yml"),
                                        ("factors", "factors.yml"), ("sources", "sources.yml")])
@pytest.mark.parametrize("prefix", ["", "es/"])
def test_each_entry_of_a_list_page_opens_its_line_in_the_data_file(site, page, data, prefix):
    entries = data_lines(data)
    soup = site.soup(f"{prefix}{page}/")
    links = soup.select("a.kb-entry-edit")
    assert len(links) == len(entries)
    label = INTERFACE["edit_entry"]["es" if prefix else "en"]
    for link in links:
        entry = link.find_previous(id=lambda i: i in entries)   # the heading or box it belongs to
        assert link["href"] == f"https://github.com/example/kb/edit/main/data/{data}#L{entries[entry['id']]}"
        assert visible_text(link) == label
    # "Edit this entry" stays out of search results
    index = site.html(f"{prefix}search/search_index.json")
    assert label not in index
