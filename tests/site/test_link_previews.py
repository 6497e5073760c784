"""What a messaging app shows when a page is shared, and the date each page last changed, read
from the built site of both editions."""

from __future__ import annotations

import datetime as dt
import re
import subprocess
from html.parser import HTMLParser
from urllib.parse import urlparse

import pytest
from PIL import Image

from conftest import ROOT, SITE_URL, build_site

REQUIRED = ("og:type", "og:site_name", "og:title", "og:description", "og:url", "og:locale", "og:locale:alternate",
            "og:image", "og:image:width", "og:image:height", "og:image:alt",
            "twitter:card", "twitter:title", "twitter:description", "twitter:image", "twitter:image:alt")
SITE_NAMES = {"en": "Atrocity Prevention Knowledge Base", "es": "Base de conocimientos sobre prevención de atrocidades"}

# One page of each kind: home, prose, assumption, generated dimension, and the data-made lists.
KINDS = ("", "about/", "assumptions/evidence/", "dimensions/security-of-livelihoods/", "glossary/", "factors/",
         "organizations/", "sources/")


class LinkPreview(HTMLParser):
    """Reads a page the way a link-preview fetcher does: only the <head>'s meta and title tags."""

    def __init__(self):
        super().__init__()
        self.properties: dict[str, list[str]] = {}
        self.title = ""
        self._in_title = self._head_done = False

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "body":
            self._head_done = True
        if self._head_done:
            return
        if tag == "meta" and (attrs.get("property") or attrs.get("name")):
            self.properties.setdefault(attrs.get("property") or attrs.get("name"), []).append(attrs.get("content") or "")
        self._in_title = tag == "title"

    def handle_endtag(self, tag):
        if tag == "title":
            self._in_title = False

    def handle_data(self, data):
        if self._in_title:
            self.title += data

    def one(self, name: str) -> str:
        return self.properties[name][0]


def preview(site, url: str) -> LinkPreview:
    parser = LinkPreview()
    parser.feed(site.html(url))
    return parser


def content_pages(site):
    return [url for url in site.pages() if not url.endswith("404.html")]


def card_file(site, image_url: str):
    assert image_url.startswith(SITE_URL), image_url
    return site.root / urlparse(image_url).path.lstrip("/")


def test_every_page_of_both_editions_has_every_tag_with_absolute_urls_and_its_own_card(site):
    pages = content_pages(site)
    assert len(pages) > 40 and any(p.startswith("es/") for p in pages)
    images = set()
    for url in pages:
        tags = preview(site, url)
        missing = [name for name in REQUIRED if not tags.properties.get(name, [""])[0]]
        assert not missing, f"{url}: missing {missing}"
        lang = "es" if url.startswith("es/") else "en"
        assert tags.one("og:url") == SITE_URL + url
        assert tags.one("og:locale") == {"en": "en_US", "es": "es_LA"}[lang]
        assert tags.one("og:locale:alternate") == {"en": "es_LA", "es": "en_US"}[lang]
        assert tags.one("og:site_name") == SITE_NAMES[lang]
        assert tags.one("twitter:card") == "summary_large_image"
        assert tags.one("og:image") == tags.one("twitter:image")
        assert f"/assets/cards/{lang}/" in tags.one("og:image")
        card = card_file(site, tags.one("og:image"))
        assert card.exists(), f"{url}: no card at {card}"
        assert card.stat().st_size < 60_000, f"{card} is {card.stat().st_size} bytes"
        with Image.open(card) as image:
            assert image.size == (1200, 630) and image.format == "PNG"
        images.add(tags.one("og:image"))
    assert len(images) == len(pages), "two pages share a card"


def test_spanish_pages_are_previewed_in_spanish(site):
    for url in (p for p in content_pages(site) if p.startswith("es/")):
        tags = preview(site, url)
        heading = site.soup(url).select_one("article h1").get_text(" ", strip=True).replace("¶", "").strip()
        assert tags.one("og:title") == heading, url
        assert tags.one("og:description") == site.soup(url).find("meta", attrs={"name": "description"})["content"]
        assert tags.one("og:image:alt").endswith("· Español")
    assert preview(site, "es/glossary/").one("og:title") == "Glosario"
    assert preview(site, "glossary/").one("og:title") == "Glossary"


@pytest.mark.parametrize("lang", ["", "es/"])
@pytest.mark.parametrize("kind", KINDS)
def test_a_shared_link_previews_with_title_description_and_picture(site, kind, lang):
    url = lang + kind
    tags = preview(site, url)
    heading = site.soup(url).select_one("article h1").get_text(" ", strip=True).replace("¶", "").strip()
    # What the preview shows: the page's heading, its own summary, its card, the site's name.
    assert tags.one("og:title") == tags.one("twitter:title") == heading
    assert tags.one("og:description") == tags.one("twitter:description")
    assert len(tags.one("og:description")) > 40
    assert tags.one("og:type") == ("website" if kind == "" else "article")
    assert tags.one("og:image:alt").startswith(heading)
    canonical = site.soup(url).find("link", rel="canonical")["href"]
    assert tags.one("og:url") == canonical
    assert card_file(site, tags.one("og:image")).exists()


def git_day(*paths: str) -> dt.date:
    days = []
    for path in paths:
        out = subprocess.run(["git", "log", "-1", "--format=%cI", "--", path], cwd=ROOT, capture_output=True, text=True).stdout
        days.append(dt.datetime.fromisoformat(out.strip()).date())
    return max(days)


MONTHS_ES = "enero febrero marzo abril mayo junio julio agosto septiembre octubre noviembre diciembre".split()


def shown_date(site, url: str):
    time = site.soup(url).select_one(".md-source-file time")
    return (time["datetime"], time.get_text(strip=True)) if time else None


def test_each_page_shows_when_its_source_last_changed_in_its_editions_words(site):
    shallow = subprocess.run(["git", "rev-parse", "--is-shallow-repository"], cwd=ROOT, capture_output=True, text=True)
    assert shallow.stdout.strip() != "true", (
        "this checkout has only part of the git history, so pages cannot be dated: fetch the whole history "
        "(git fetch --unshallow; in GitHub Actions, actions/checkout with fetch-depth: 0)")
    day = git_day("docs/about.es.md")
    assert shown_date(site, "es/about/") == (day.isoformat(), f"{day.day} de {MONTHS_ES[day.month - 1]} de {day.year}")
    assert "Última actualización" in site.soup("es/about/").select_one(".md-source-file").get_text()
    day = git_day("docs/about.md")
    assert shown_date(site, "about/") == (day.isoformat(), f"{day.strftime('%B')} {day.day}, {day.year}")
    # Pages made from data take the data file's date.
    day = git_day("docs/glossary.es.md", "data/glossary.yml")
    assert shown_date(site, "es/glossary/")[0] == day.isoformat()
    day = git_day("data/dimensions.yml", "data/factors.yml")
    assert shown_date(site, "es/dimensions/security-of-livelihoods/")[0] == day.isoformat()
    for url in content_pages(site):
        assert shown_date(site, url), f"{url} shows no date"


@pytest.mark.release
def test_outside_git_the_build_works_and_shows_no_date(export_site, site):
    from conftest import Site
    exported = Site(export_site)
    for url in ("about/", "es/about/", "es/glossary/", "dimensions/security-of-livelihoods/"):
        assert exported.soup(url).select_one("article h1")
        assert exported.soup(url).select("time") == [], url
        assert shown_date(site, url)


@pytest.mark.release
def test_cards_are_byte_identical_when_drawn_again(export_site, site):
    ours = sorted(p.relative_to(site.root) for p in (site.root / "assets" / "cards").rglob("*.png"))
    theirs = sorted(p.relative_to(export_site) for p in (export_site / "assets" / "cards").rglob("*.png"))
    assert ours == theirs and len(ours) > 40
    different = [str(p) for p in ours if (site.root / p).read_bytes() != (export_site / p).read_bytes()]
    assert not different


def test_the_cards_are_left_out_of_the_search_index_and_sitemap(site):
    assert "assets/cards" not in (site.root / "sitemap.xml").read_text(encoding="utf-8")
    assert re.search(r"assets/cards/", (site.root / "search" / "search_index.json").read_text(encoding="utf-8")) is None
