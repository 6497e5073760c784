"""Link-preview tags, preview cards and last-updated dates: the pure functions behind them."""

from __future__ import annotations

import datetime as dt
import io
import subprocess
from html.parser import HTMLParser

from PIL import Image, ImageFont

from kb import cards, revision
from kb.cards import FONT, CardText, cached_card, card_key, draw_card
from kb.share import SharedPage, card_path, meta_tags


def shared(**changes) -> SharedPage:
    values = dict(title="Glosario", description="Términos clave.", url="https://kb.example.org/es/glossary/",
                  site_name="Base de conocimientos", lang="es", other_langs=("en",),
                  image_url="https://kb.example.org/assets/cards/es/glossary.png", image_alt="Glosario · Base")
    values.update(changes)
    return SharedPage(**values)


class Meta(HTMLParser):
    def __init__(self):
        super().__init__()
        self.tags: list[tuple[str, str]] = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "meta":
            self.tags.append((attrs.get("property") or attrs.get("name"), attrs.get("content")))


def parsed(html: str) -> list[tuple[str, str]]:
    parser = Meta()
    parser.feed(html)
    return parser.tags


def test_titles_and_descriptions_with_quotes_and_markup_stay_inside_their_attribute():
    html = meta_tags(shared(title='The "upstream" <b>view</b> & more', description="It's <script>x</script>"))
    tags = dict(parsed(html))
    assert tags["og:title"] == 'The "upstream" <b>view</b> & more'
    assert tags["twitter:description"] == "It's <script>x</script>"
    assert "<script>" not in html and "<b>" not in html


def test_the_tags_name_the_language_as_open_graph_expects():
    tags = parsed(meta_tags(shared()))
    assert ("og:locale", "es_LA") in tags
    assert ("og:locale:alternate", "en_US") in tags
    assert ("twitter:card", "summary_large_image") in tags
    assert ("og:image:width", "1200") in tags and ("og:image:height", "630") in tags
    assert dict(parsed(meta_tags(shared(is_home=True))))["og:type"] == "website"
    assert dict(tags)["og:type"] == "article"


def test_cards_live_under_one_folder_per_language():
    assert card_path("en", "") == "assets/cards/en/index.png"
    assert card_path("es", "es/") == "assets/cards/es/index.png"
    assert card_path("es", "es/glossary/") == "assets/cards/es/glossary.png"
    assert card_path("en", "dimensions/security-of-livelihoods/") == "assets/cards/en/dimensions/security-of-livelihoods.png"


def test_a_card_is_1200_by_630_small_and_the_same_bytes_every_time():
    text = CardText("Upstream prevention: the risk and resilience factors of social cohesion and the governance "
                    "of diversity in every country, with a title far longer than any page has",
                    "Atrocity Prevention Knowledge Base", "English")
    first, second = draw_card(text), draw_card(text)
    assert first == second
    image = Image.open(io.BytesIO(first))
    assert image.size == (1200, 630) and image.format == "PNG"
    assert len(first) < 60_000
    assert not {"tIME", "date:create", "date:modify"} & set(image.info)


def test_a_title_too_long_for_the_card_is_cut_not_spilled():
    for title in ("Supercalifragilistic" * 6, "word " * 80, ""):
        image = Image.open(io.BytesIO(draw_card(CardText(title, "Base", "English"))))
        assert image.size == (1200, 630)
        # The right margin stays the background colour: no text ran over it.
        right_margin = image.convert("RGB").crop((1125, 0, 1200, 630))
        assert right_margin.getcolors() == [(75 * 630, cards.BACKGROUND)]


def test_the_font_draws_every_spanish_letter():
    font = ImageFont.truetype(str(FONT), 40)
    missing = font.getmask("\uffff").getbbox()         # what a letter the font lacks looks like
    for letter in "áéíóúüñÁÉÍÓÚÜÑ¿¡«»":
        assert font.getmask(letter).getbbox() != missing, letter
    assert draw_card(CardText("Prevención", "Base", "Español")) != draw_card(CardText("Prevencion", "Base", "Español"))


def test_a_cached_card_is_drawn_once(tmp_path, monkeypatch):
    text = CardText("Glosario", "Base de conocimientos", "Español")
    path = cached_card(text, tmp_path)
    monkeypatch.setattr(cards, "draw_card", lambda *args: (_ for _ in ()).throw(AssertionError("drawn again")))
    assert cached_card(text, tmp_path) == path
    assert card_key(CardText("Glosario", "Base de conocimientos", "English")) != card_key(text)


def test_the_git_log_is_read_as_each_files_latest_commit_day():
    log = ("\x00c2 2026-11-24T09:10:00-03:00\n\ndocs/about.es.md\ndata/glossary.yml\n"
           "\x00c1 2026-10-02T23:30:00+00:00\n\ndocs/about.es.md\ndocs/about.md\n")
    assert revision.parse_log(log) == {"docs/about.es.md": dt.date(2026, 11, 24), "data/glossary.yml": dt.date(2026, 11, 24),
                                       "docs/about.md": dt.date(2026, 10, 2)}
    # A shallow clone cut at c1: about.md's real last change is older than anything fetched.
    assert revision.parse_log(log, frozenset({"c1"})) == {"docs/about.es.md": dt.date(2026, 11, 24),
                                                          "data/glossary.yml": dt.date(2026, 11, 24)}


def test_dates_read_as_each_edition_writes_them():
    day = dt.date(2026, 11, 24)
    assert revision.time_element(day, "es") == '<time datetime="2026-11-24">24 de noviembre de 2026</time>'
    assert revision.time_element(day, "en") == '<time datetime="2026-11-24">November 24, 2026</time>'


def test_a_page_changes_when_the_data_its_markers_draw_on_changes():
    assert revision.data_files_of("# Glossary\n\n<!-- kb:glossary -->\n") == ["data/glossary.yml"]
    assert revision.data_files_of("Text <!-- kb:note some-note --> and <!-- kb:definition genocide -->") == [
        "data/editorial_notes.yml", "data/glossary.yml"]
    assert revision.page_files("glossary.es.md", "<!-- kb:glossary -->") == ["docs/glossary.es.md", "data/glossary.yml"]
    assert revision.page_files("dimensions/security-of-livelihoods.md", "", generated=True) == [
        "data/dimensions.yml", "data/factors.yml"]


def test_outside_git_there_is_no_date(tmp_path):
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "about.md").write_text("# About\n")
    assert revision.last_change(tmp_path, ["docs/about.md"]) is None


def test_in_git_the_date_is_the_last_commit_of_the_newest_file(tmp_path):
    def git(*args, date):
        env = {"GIT_AUTHOR_DATE": date, "GIT_COMMITTER_DATE": date, "GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@x",
               "GIT_COMMITTER_NAME": "t", "GIT_COMMITTER_EMAIL": "t@x", "PATH": "/usr/bin:/bin"}
        subprocess.run(["git", *args], cwd=tmp_path, env=env, check=True, capture_output=True)
    git("init", "-q", date="2026-01-01T00:00:00+00:00")
    (tmp_path / "docs").mkdir()
    (tmp_path / "data").mkdir()
    (tmp_path / "docs" / "glossary.md").write_text("# Glossary\n")
    (tmp_path / "data" / "glossary.yml").write_text("[]\n")
    git("add", ".", date="2026-01-01T00:00:00+00:00")
    git("commit", "-qm", "first", date="2026-03-05T12:00:00+00:00")
    (tmp_path / "data" / "glossary.yml").write_text("[] # changed\n")
    git("commit", "-qam", "data", date="2026-07-09T12:00:00+00:00")
    assert revision.last_change(tmp_path, ["docs/glossary.md"]) == dt.date(2026, 3, 5)
    assert revision.last_change(tmp_path, ["docs/glossary.md", "data/glossary.yml"]) == dt.date(2026, 7, 9)
    assert revision.last_change(tmp_path, ["docs/unknown.md"]) is None

    # A clone of depth 1 (what CI checks out by default) knows no page's real date: none shown.
    clone = tmp_path.parent / (tmp_path.name + "-shallow")
    subprocess.run(["git", "clone", "-q", "--depth", "1", f"file://{tmp_path}", str(clone)], check=True, capture_output=True)
    assert revision.last_change(clone, ["docs/glossary.md"]) is None
    assert revision.last_change(clone, ["data/glossary.yml"]) is None
