"""kb/output_safety.published_file_problems: every file of the built site, as readers receive it,
held to the published-file allow-list. The hostile rows are files a build step could write after
the page checks ran (a download, the print edition, a copied theme file); each must be refused."""

from __future__ import annotations

import pytest

from kb.csp import add_content_security_policy, file_hash
from kb.output_safety import check_published_site, published_file_problems

BUNDLE = b"console.log('theme')"
ASSETS = {"assets/javascripts/bundle.min.js": BUNDLE, "assets/site.css": b"body{}"}


def built_page(body: str = "", head: str = "", up: str = "../") -> bytes:
    html = (f'<!doctype html><html><head><meta charset="utf-8"><link rel="stylesheet" href="{up}assets/site.css">'
            f'{head}</head><body><article>{body}</article>'
            f'<script src="{up}assets/javascripts/bundle.min.js"></script></body></html>')
    return add_content_security_policy(html, lambda src: file_hash(BUNDLE)).encode("utf-8")


def written_later(payload: str, head: str = "") -> bytes:
    """A page that got its policy, then had something added by a later build step."""
    page = built_page().replace(b"</article>", payload.encode() + b"</article>")
    return page.replace(b"</head>", head.encode() + b"</head>")


PASSES = [
    ("page", "about/index.html", built_page("<p>Hello</p>")),
    ("table-alignment", "about/index.html", built_page('<table><tr><td style="text-align: right;">1</td></tr></table>')),
    ("listed-script", "assets/javascripts/bundle.min.js", BUNDLE),
    ("source-map", "assets/javascripts/bundle.min.js.map", b"{}"),
    ("download", "downloads/glossary.csv", b"term,definition\n"),
    ("json-ld", "downloads/glossary.skos.jsonld", b"{}"),
    ("sitemap", "sitemap.xml", b"<urlset/>"),
    ("image", "assets/images/favicon.png", b"\x89PNG"),
    ("plain-svg", "assets/images/map.svg", b'<svg xmlns="http://www.w3.org/2000/svg"><path d="M0 0"/></svg>'),
]


@pytest.mark.parametrize("case", PASSES, ids=[c[0] for c in PASSES])
def test_what_the_site_publishes_passes(case):
    _, path, data = case
    assert published_file_problems(path, data, ASSETS) == []


HOSTILE = [
    # id, published path, bytes, words the message must hold
    ("page-without-policy", "print/index.html", b"<html><head></head><body><p>x</p></body></html>", "0 Content-Security"),
    ("page-with-two-policies", "about/index.html",
     written_later("", '<meta http-equiv="Content-Security-Policy" content="script-src *">'), "2 Content-Security"),
    ("policy-by-place", "about/index.html",
     built_page().replace(b"script-src ", b"script-src 'self' "), "by place"),
    ("script-before-policy", "about/index.html",
     built_page().replace(b"<html><head>", b"<html><head><script src='x.js'></script>"), "before"),
    ("script-written-after-the-check", "data/index.html", written_later("<script>window.__pwned=1</script>"), "inline script"),
    ("handler-written-after-the-check", "print/index.html", written_later('<img src="x.png" onerror="alert(1)">'), "onerror"),
    ("refresh-written-after-the-check", "about/index.html",
     written_later("", '<meta http-equiv="refresh" content="0;url=https://evil.example/">'), "http-equiv"),
    ("unlisted-script-file", "assets/x.js", b"window.__pwned=1", "neither the theme's"),
    ("unlisted-style-file", "assets/x.css", b"body{display:none}", "neither the theme's"),
    ("changed-script-file", "assets/javascripts/bundle.min.js", b"window.__pwned=1", "differs"),
    ("stray-source-map", "assets/x.js.map", b"{}", "source map"),
    ("xml", "downloads/feed.xml", b'<html xmlns="http://www.w3.org/1999/xhtml"><script>alert(1)</script></html>', "'.xml'"),
    ("xsl", "assets/x.xsl", b"<xsl:stylesheet/>", "'.xsl'"),
    ("svgz", "assets/x.svgz", b"\x1f\x8b", "'.svgz'"),
    ("xhtml", "assets/x.xhtml", b"<html/>", "'.xhtml'"),
    ("no-suffix", "downloads/README", b"text", "'README'"),
    ("svg-script", "assets/images/x.svg",
     b'<svg xmlns="http://www.w3.org/2000/svg"><s:script xmlns:s="http://www.w3.org/2000/svg">alert(1)</s:script></svg>',
     "script"),
    ("svg-set-handler", "assets/images/x.svg",
     b'<svg xmlns="http://www.w3.org/2000/svg"><set attributeName="onmouseover" to="alert(1)"/></svg>', "event handler"),
]


@pytest.mark.parametrize("case", HOSTILE, ids=[c[0] for c in HOSTILE])
def test_hostile_published_files_are_refused(case):
    _, path, data, words = case
    problems = published_file_problems(path, data, ASSETS)
    assert problems, path
    assert any(words in p.message for p in problems), [p.message for p in problems]


def test_the_site_check_names_the_published_file_and_line(tmp_path):
    site = tmp_path / "site"
    (site / "about").mkdir(parents=True)
    (site / "about" / "index.html").write_bytes(written_later('\n\n<p onclick="alert(1)">x</p>'))
    (site / "index.html").write_bytes(built_page(up=""))
    problems = check_published_site(site, ASSETS)
    assert [(p.file, p.line) for p in problems] == [("site/about/index.html", 4)], problems
    assert "onclick" in problems[0].message and "hooks/" in problems[0].fix
