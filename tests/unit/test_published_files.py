"""What docs/ may publish besides pages (kb/page_safety.check_published_file, check_svg) and the
source check's reading of raw HTML (back-ticks there are not code): hostile rows, in-process."""

from __future__ import annotations

import pytest

from kb.csp import SITE_SCRIPTS, SITE_STYLES
from kb.page_safety import check_page_safety, check_published_file, check_svg

LISTED = SITE_SCRIPTS + SITE_STYLES


@pytest.mark.parametrize("name", ["docs/assets/chart.png", "docs/assets/photo.JPG", "docs/assets/map.svg",
                                  "docs/assets/report.pdf", "docs/assets/fonts/x.woff2", "docs/assets/terms.js",
                                  "docs/assets/site.css", "docs/about.md"])
def test_media_pages_and_listed_assets_may_be_published(name):
    assert check_published_file(name, LISTED) == []


@pytest.mark.parametrize("name, words", [
    ("docs/assets/x.js", "does not list"),
    ("docs/assets/x.mjs", "does not list"),
    ("docs/assets/overlay.css", "does not list"),
    ("docs/assets/feed.xml", "'.xml' file"),
    ("docs/assets/style.xsl", "'.xsl' file"),
    ("docs/assets/map.svgz", "'.svgz' file"),
    ("docs/page.html", "HTML file"),
    ("docs/assets/page.xhtml", "HTML file"),
    ("docs/assets/notes.txt", "'.txt' file"),
])
def test_other_file_types_are_refused_with_the_file_and_a_fix(name, words):
    (problem,) = check_published_file(name, LISTED)
    assert problem.file == name and words in problem.message and problem.fix


SVG = '<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" viewBox="0 0 10 10">{}</svg>'


def test_a_plain_svg_passes():
    assert check_svg(SVG.format('<rect width="10" height="10"/><text x="1" y="5">A</text>').encode(), "docs/a.svg") == []


@pytest.mark.parametrize("body, words", [
    ("<script>alert(1)</script>", "<script>"),
    ('<s:script xmlns:s="http://www.w3.org/2000/svg">alert(1)</s:script>', "<script>"),
    ("<foreignObject><div>x</div></foreignObject>", "<foreignobject>"),
    ('<rect onload="alert(1)"/>', "'onload'"),
    ('<a xlink:href="jav&#x61;script:alert(1)"><text>x</text></a>', "link"),
    ('<a href="data:text/html,x"><text>x</text></a>', "link"),
    ('<a><set attributeName="href" to="javascript:alert(1)"/></a>', "animates"),
    ('<a><animate attributeName="xlink:href" values="javascript:alert(1)"/></a>', "animates"),
])
def test_script_in_an_svg_is_refused_in_every_namespace_and_spelling(body, words):
    (problem,) = check_svg(SVG.format(body).encode(), "docs/assets/a.svg")
    assert words in problem.message and problem.line == 1 and problem.file == "docs/assets/a.svg"


@pytest.mark.parametrize("data, words", [
    (b'<?xml version="1.0"?><!DOCTYPE svg [<!ENTITY a "x">]><svg xmlns="http://www.w3.org/2000/svg">&a;</svg>', "entities"),
    (b'<?xml-stylesheet href="x.xsl" type="text/xsl"?><svg xmlns="http://www.w3.org/2000/svg"/>', "processing instruction"),
    (b"<svg><rect></svg>", "not well-formed"),
])
def test_svgs_that_hide_content_or_do_not_parse_are_refused(data, words):
    (problem,) = check_svg(data, "docs/a.svg")
    assert words in problem.message


def test_backticks_in_a_raw_html_block_do_not_hide_a_script():
    """Inside a raw HTML block Markdown makes no code span: the script would run."""
    page = '# About\n\n<p>`<script src="/assets/x.js"></script>`</p>\n'
    (problem,) = check_page_safety(page, "docs/about.md")
    assert (problem.file, problem.line) == ("docs/about.md", 3) and "<script>" in problem.message


def test_backticks_in_prose_still_show_code():
    assert check_page_safety("# About\n\nWrite `<script>` only as code.\n", "docs/about.md") == []
