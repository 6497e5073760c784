"""Findings of the content and Spanish reviews that the first wave left open, held as classes:
what the paper says about an organization is labelled as the paper's; a phrase the paper quotes
from an official text stays a marked quotation in Spanish too; a source's added details say where
they come from."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[2]
ORGANIZATIONS = yaml.safe_load((ROOT / "data" / "organizations.yml").read_text(encoding="utf-8"))
SOURCES = {s["slug"]: s for s in yaml.safe_load((ROOT / "data" / "sources.yml").read_text(encoding="utf-8"))}
PAPER_SAYS = {"": re.compile(r"(^|[.;]\s+)The paper\b"), "es/": re.compile(r"(^|[.;]\s+)El documento\b")}


def words(text: str) -> str:
    return " ".join(text.split())


@pytest.mark.parametrize("edition", ["", "es/"])
def test_what_the_paper_says_about_an_organization_is_labelled_as_the_paper_s(site, edition):
    soup = site.soup(edition + "organizations/")
    split = [o["slug"] for o in ORGANIZATIONS if o["en"].get("context")]
    assert len(split) >= 12
    for slug in split:
        heading = soup.find(id=slug)
        context = heading.find_next(class_="kb-context")
        assert context is not None and context.get("data-provenance") == "paper", slug
        assert context.find_previous(["h3"]) is heading, f"{slug}: the paper's part is not in its entry"
        label = words(context.select_one(".kb-provenance").get_text())
        assert label.startswith("From the paper" if not edition else "Del documento") and context.find("a"), slug
    for description in soup.select(".kb-description[data-provenance=site]"):
        text = words(description.get_text())
        assert not PAPER_SAYS[edition].search(text), f"a site summary states what the paper says: {text[:120]}"


def test_the_framework_s_phrase_is_quoted_in_english_with_the_site_s_translation(site):
    soup = site.soup("es/assumptions/hate-speech/")
    quoted = [s for s in soup.select('article span[lang="en"]')
              if "environment conducive to the perpetration of mass atrocities" in s.get_text()]
    assert quoted, "the Framework of Analysis phrase is not quoted in English"
    around = words(quoted[0].parent.get_text())
    assert "«environment conducive to the perpetration of mass atrocities»" in around
    assert "traducción del sitio" in around


def test_the_pathfinders_review_names_its_authors_and_year_as_the_site_s_details(site):
    entry = SOURCES["pathfinders-violence-prevention-review"]
    assert entry["year"] == 2020 and entry["evidence"], "authors and year need the place they were read"
    text = site.text("sources/")
    assert "Flávia Carbonari" in text and "David Marques" in text
    assert "the site's details" in " ".join(entry["en"]["note"].split())


def test_every_official_link_names_the_host_it_was_seen_on():
    """An address is shown only where it was seen: the place recorded in `seen_in` names its host
    (issue 10 item 6: no guessed addresses)."""
    for name in ("organizations.yml", "sources.yml"):
        for entry in yaml.safe_load((ROOT / "data" / name).read_text(encoding="utf-8")):
            for link in entry.get("links", []):
                host = re.sub(r"^https://(www\.)?", "", link["url"]).split("/")[0]
                if host == "undocs.org":      # a UN document: its symbol is the evidence
                    symbol = link["url"].split("undocs.org/", 1)[1].removeprefix("es/")
                    assert symbol in link["seen_in"], f"data/{name} {entry['slug']}: {symbol} not in seen_in"
                else:
                    assert host in link["seen_in"], f"data/{name} {entry['slug']}: {host} not in seen_in"


def test_most_organizations_with_a_site_of_their_own_are_linked(site):
    linked = [o["slug"] for o in ORGANIZATIONS if o.get("links")]
    assert len(linked) >= 19
    soup = site.soup("organizations/")
    for org in ORGANIZATIONS:
        if not org.get("links"):
            continue
        heading = soup.find(id=org["slug"])
        link = heading.find_next("a", href=org["links"][0]["url"])
        assert link is not None and link.find_previous("h3") is heading, f"{org['slug']}: its official link is not shown"


@pytest.mark.parametrize("edition", ["", "es/"])
def test_what_the_paper_takes_from_a_source_is_labelled_as_the_paper_s(site, edition):
    soup = site.soup(edition + "sources/")
    split = [slug for slug, s in SOURCES.items() if s["en"].get("context")]
    assert len(split) >= 4
    for slug in split:
        context = soup.find(id=slug).select_one(".kb-context")
        assert context is not None and context.get("data-provenance") == "paper", slug
        assert PAPER_SAYS[edition].search(words(context.get_text())), slug
        for description in soup.find(id=slug).select(".kb-description[data-provenance=site]"):
            assert not PAPER_SAYS[edition].search(words(description.get_text())), slug
