"""Careless and hostile input, table-driven: each case ends in a message naming the file and line,
never a traceback; payloads that do build leave the HTML inert even without the CSP.

Every case that the checks before the build decide runs in-process, through the kb functions and
make check's find_problems (the same checks, in the same order, as the build). Only mkdocs.yml
mistakes need MkDocs itself: one copy holds all of them and is built once; one more build proves
that payloads which pass leave the HTML inert (static-i18n keeps state between in-process builds)."""

from __future__ import annotations

import os
import re
import shutil
import traceback
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from conftest import ROOT, build_site, copy_project, edit, project_problems
from kb.csp import inline_script_hashes
from kb.front_matter import check_front_matter
from kb.knowledge import load_knowledge
from kb.page_checks import (check_heading_ids, check_language_files, check_links, check_nav_translations,
                            check_other_links)
from kb.page_safety import check_page_safety, check_tree
from kb.problems import KnowledgeError

FIXTURE = ROOT / "tests" / "fixtures" / "data"

# --- data files: (id, file, old text, new text, expected line, words the message must hold) -----------
# Fixture lines: glossary 'genocide' starts on 1 (en.term 5, en.definition 6, es.term 9, es.definition 10),
# 'atrocity-crimes' on 13 (en.term 17, en.variants 19); organizations 'peace-direct' on 1 (name 5, description 6).
DEF = "definition: Acts committed with intent to destroy a group. A second sentence."
DATA_CASES = [
    ("attr-list-handler", "glossary.yml", DEF, 'definition: "*children*{ onclick=alert(document.cookie) }"', 6, "'{'"),
    ("attr-list-org", "organizations.yml", "description: Supports local peacebuilders.",
     'description: "*x*{ onmouseover=alert(1) }"', 7, "attributes"),
    ("attr-list-colon", "glossary.yml", DEF, 'definition: "Acts{: onclick=x }"', 6, "'{'"),
    ("script-tag", "glossary.yml", DEF, "definition: Acts <script>alert(1)</script>", 6, "'<'"),
    ("img-onerror", "glossary.yml", DEF, "definition: Acts <img src=x onerror=alert(1)>", 6, "'<'"),
    ("spaced-tag", "glossary.yml", DEF, "definition: Acts < script>", 6, "'<'"),
    ("html-comment", "glossary.yml", DEF, "definition: Acts <!-- kb:glossary -->", 6, "'<'"),
    ("inline-link", "glossary.yml", DEF, "definition: See [here](javascript:alert(1))", 6, "'['"),
    ("reference-link", "glossary.yml", DEF, 'definition: "See [the text][c]"', 6, "'['"),
    ("reference-definition", "glossary.yml", DEF, 'definition: "[c]: https://evil.example/phish"', 6, "'['"),
    ("abbreviation-definition", "glossary.yml", DEF, 'definition: "*[group]: INJECTED TOOLTIP"', 6, "'['"),
    ("footnote", "glossary.yml", DEF, 'definition: "Acts[^1] committed"', 6, "'['"),
    ("autolink", "glossary.yml", DEF, "definition: Acts <https://evil.example/>", 6, "'<'"),
    ("bare-url", "glossary.yml", DEF, "definition: Acts, see https://evil.example/x", 6, "web address"),
    ("www-url", "glossary.yml", DEF, "definition: Acts, see www.evil.example", 6, "web address"),
    ("javascript-word", "glossary.yml", DEF, "definition: Acts javascript:alert(1)", 6, "javascript"),
    ("javascript-spaced", "glossary.yml", DEF, "definition: Acts java script :alert(1)", 6, "javascript"),
    ("char-reference", "glossary.yml", DEF, "definition: Acts &#60;script&#62;", 6, "character reference"),
    ("named-reference", "glossary.yml", DEF, "definition: Acts &lt;b&gt;", 6, "character reference"),
    ("code-span", "glossary.yml", DEF, "definition: Acts `code` committed", 6, "'`'"),
    ("jinja", "glossary.yml", DEF, 'definition: "{{ config }}"', 6, "'{'"),
    ("heading-start", "glossary.yml", DEF, 'definition: "## Injected heading"', 6, "Markdown block"),
    ("list-start", "glossary.yml", DEF, 'definition: "- a list item"', 6, "Markdown block"),
    ("quote-start", "glossary.yml", DEF, 'definition: "> quoted"', 6, "Markdown block"),
    ("admonition-start", "glossary.yml", DEF, 'definition: "!!! danger"', 6, "Markdown block"),
    ("newline-in-term", "glossary.yml", "term: genocide\n", 'term: "genocide\\n## Injected { #injected }"\n', 5, "more than one line"),
    ("newline-in-definition", "glossary.yml", DEF, 'definition: "Acts.\\n\\n## Heading"', 6, "more than one line"),
    ("bracket-in-term", "glossary.yml", "term: genocide\n", "term: genocide]\n", 5, "'['"),
    ("attr-in-org-name", "organizations.yml", "name: Peace Direct\n    description", 'name: "Peace Direct { #genocide }"\n    description', 6, "'{'"),
    ("emphasis-in-term", "glossary.yml", "term: genocide\n", "term: '**genocide**'\n", 5, "emphasis"),
    ("zero-width-term", "glossary.yml", "term: genocide\n", 'term: "geno\\u200bcide"\n', 5, "U+200B"),
    ("rtl-override-term", "glossary.yml", "term: genocide\n", 'term: "geno\\u202ecide"\n', 5, "U+202E"),
    ("bidi-isolate", "glossary.yml", DEF, 'definition: "Acts \\u2067x\\u2069 committed."', 6, "U+2067"),
    ("control-char", "glossary.yml", DEF, 'definition: "Acts \\u0007 committed."', 6, "U+0007"),
    ("soft-hyphen", "glossary.yml", "term: genocide\n", 'term: "geno\\u00adcide"\n', 5, "U+00AD"),
    ("cyrillic-lookalike-term", "glossary.yml", "term: genocide\n", "term: gеnocide\n", 5, "U+0435"),
    ("greek-lookalike-name", "organizations.yml", "name: Peace Direct\n    description", "name: Pеace Direct\n    description", 6, "mixes alphabets"),
    ("cyrillic-slug", "glossary.yml", "related: [atrocity-crimes]", "related: [аtrocity-crimes]", 3, "U+0430"),
    ("zero-width-slug", "glossary.yml", "- slug: genocide", '- slug: "geno\\u200bcide"', 1, "U+200B"),
    ("duplicate-related", "glossary.yml", "related: [atrocity-crimes]", "related: [atrocity-crimes, atrocity-crimes]", 1, "listed twice"),
    ("duplicate-by-case-accent", "glossary.yml", "variants: [atrocity crime]", "variants: [Génocide]", 14, "also used by"),
    ("duplicate-by-nbsp", "glossary.yml", "variants: [atrocity crime]", 'variants: ["geno\\u00a0cide x", "GENOCIDE"]', 14, "also used by"),
    ("duplicate-by-compat-form", "glossary.yml", "variants: [atrocity crime]", "variants: [ｇｅｎｏｃｉｄｅ]", 14, "also used by"),
    ("org-abbreviation-is-a-term", "organizations.yml", "name: Peace Direct\n    description: Supports",
     "name: Peace Direct\n    abbreviation: genocide\n    description: Supports", 1, "also used by 'genocide'"),
    ("org-english-name-is-a-spanish-term", "organizations.yml", "name: Peace Direct\n    description: Supports",
     "name: Peace Direct\n    variants: [crimen atroz]\n    description: Supports", 1, "es form 'crimen atroz'"),
    ("common-word-variant", "glossary.yml", "variants: [atrocity crime]", "variants: [The]", 14, "most common words"),
    ("common-word-es-variant", "glossary.yml", "variants: [crimen atroz]", "variants: [crimen atroz, de]", 14, "'de' is one of"),
    ("interface-attr-list", "interface.yml", "note: {en: Note, es: Nota}", 'note: {en: "*Note*{ onmouseover=alert(1) }", es: Nota}', 3, "'{'"),
    ("interface-script", "interface.yml", "note: {en: Note, es: Nota}", 'note: {en: "<script>x</script>", es: Nota}', 3, "'<'"),
    ("missing-colon", "glossary.yml", "    term: genocide\n    definition: Acts", "    term genocide\n    definition: Acts", 5, "no ':'"),
    ("tab-indent", "glossary.yml", "    term: genocide\n", "\tterm: genocide\n", 5, "tab"),
    ("python-tag", "glossary.yml", DEF, "definition: !!python/object/apply:os.system [echo]", 6, "tag"),
    ("nul-byte", "glossary.yml", DEF, "definition: Acts\x00 committed", 6, "control character"),
    ("emptied-file", "glossary.yml", None, "# nothing left\n", 1, "has no entries"),
    ("number-as-text", "glossary.yml", "term: genocide\n", "term: 1948\n", 5, "double quotes"),
    ("yaml-boolean", "glossary.yml", "term: genocide\n", "term: NO\n", 5, "yes/no"),
    ("empty-value", "glossary.yml", "term: genocide\n", "term:\n", 5, "is empty"),
    ("list-as-text", "glossary.yml", "term: genocide\n", "term: [genocide]\n", 5, "not a list"),
]


def _line_of(text: str, old: str) -> int:
    return text[: text.index(old)].count("\n") + 1


@pytest.mark.parametrize("case", DATA_CASES, ids=[c[0] for c in DATA_CASES])
def test_data_mistake_ends_in_a_message_with_file_and_line(tmp_path, case):
    _, name, old, new, line, words = case
    data = tmp_path / "data"
    shutil.copytree(FIXTURE, data)
    path = data / name
    text = path.read_text(encoding="utf-8")
    path.write_text(new if old is None else text.replace(old, new, 1), encoding="utf-8")
    try:
        load_knowledge(data)
    except KnowledgeError as error:
        report = error.report()
    except Exception:                     # anything else reaches the contributor as a traceback
        pytest.fail("traceback instead of a message:\n" + traceback.format_exc())
    else:
        pytest.fail("the mistake passed silently")
    assert f"data/{name}:{line}" in report, report
    assert words in report, report
    assert "How to fix:" in report


# --- pages: (id, path, text appended or replacing, expected line, words) ------------------------------
PAGE_HEAD = "---\ndescription: A page.\n---\n\n# Title\n\n"      # 6 lines: the payload is on line 7
PAGE_CASES = [
    ("script", "<script>alert(1)</script>", 7, "<script>"),
    ("img-onerror", '<img src="x" onerror="alert(1)">', 7, "onerror"),
    ("svg-onload", '<svg onload="alert(1)"></svg>', 7, "onload"),
    ("iframe", '<iframe src="https://evil.example"></iframe>', 7, "<iframe>"),
    ("iframe-srcdoc", '<iframe srcdoc="&lt;script&gt;alert(1)&lt;/script&gt;"></iframe>', 7, "srcdoc"),
    ("object", '<object data="x.swf"></object>', 7, "<object>"),
    ("embed", '<embed src="x.swf">', 7, "<embed>"),
    ("base", '<base href="https://evil.example/">', 7, "<base>"),
    ("meta-refresh", '<meta http-equiv="refresh" content="0;url=https://evil.example">', 7, "<meta>"),
    ("form", '<form action="https://evil.example"><input></form>', 7, "<form>"),
    ("attr-list-handler", "*careful*{ onclick=\"alert(1)\" }", 7, "onclick"),
    ("attr-list-on-heading", "## Heading { #heading onmouseover=alert(1) }", 7, "onmouseover"),
    ("handler-over-lines", '<a href="/about.md"\n   onclick="alert(1)">x</a>', 8, "onclick"),
    ("javascript-link", "[click](javascript:alert(1))", 7, "javascript:"),
    ("javascript-entity", "[click][c]\n\n[c]: jav&#97;script:alert(document.domain)", 9, "javascript:"),
    ("javascript-raw-href", '<a href="JaVaScRiPt:alert(1)">x</a>', 7, "javascript:"),
    ("javascript-split-url", '<a href="java\nscript:alert(1)">x</a>', 7, "javascript:"),
    ("vbscript-link", "[x](vbscript:msgbox(1))", 7, "javascript:"),
    ("data-url-link", "[x](data:text/html;base64,PHNjcmlwdD4=)", 7, "'data:'"),
    ("data-url-raw", '<a href="data:text/html,<script>alert(1)</script>">x</a>', 7, "'data:'"),
    ("heading-id-spaces", "## What the paper is for { #What the paper is for }", 7, "may not contain spaces"),
    ("heading-id-accent", "## Para qué { #para-qué }", 7, "U+00E9"),
    ("heading-id-zero-width", "## What { #what\u200bthe }", 7, "U+200B"),
    ("duplicate-id", "## One { #same }\n\n## Two { #same }", 9, "used twice"),
    ("broken-reference-link", "[x][g]\n\n[g]: /glosary.md", 9, "does not exist"),
    ("broken-image", "![Chart](/assets/chart.png)", 7, "leads to nothing"),
    ("broken-raw-href", '<a href="../glosary/">x</a>', 7, "leads to nothing"),
    ("broken-raw-anchor", '<a href="../glossary/#genocid">x</a>', 7, "anchor"),
    ("broken-md-link", "[x](/glosary.md)", 7, "does not exist"),
    ("broken-url-path-link", "[x](/glosary/)", 7, "leads to nothing"),
    ("link-to-translation-file", "[x](/glossary.es.md#genocide)", 7, "translation file"),
    ("control-character", "Text \x1b[31m red", 7, "U+001B"),
    ("right-to-left-override", "Text \u202eevil", 7, "U+202E"),
]


def _real_pages():
    docs = ROOT / "docs"
    pages = {p.relative_to(docs).as_posix() for p in docs.rglob("*.md") if p.name.count(".") == 1}
    assets = {p.relative_to(docs).as_posix() for p in docs.rglob("*") if p.is_file() and p.suffix != ".md"}
    return pages, assets


def page_problems(text: str, file: str = "docs/about.md", page_path: str = "about.md"):
    pages, assets = _real_pages()
    anchors = {"glossary.md": {"genocide", "war-crimes"}}
    return (check_front_matter(text, file) + check_page_safety(text, file) + check_heading_ids(text, file)
            + check_links(text, file, page_path, pages, anchors) + check_other_links(text, file, page_path, pages, anchors, assets))


@pytest.mark.parametrize("case", PAGE_CASES, ids=[c[0] for c in PAGE_CASES])
def test_page_mistake_ends_in_a_message_with_file_and_line(case):
    _, payload, line, words = case
    try:
        found = page_problems(PAGE_HEAD + payload + "\n")
    except Exception:
        pytest.fail("traceback instead of a message:\n" + traceback.format_exc())
    report = "\n".join(str(p) for p in found)
    assert f"docs/about.md:{line}" in report and words in report, report
    assert all(p.fix for p in found)


def test_markers_malformed_misplaced_or_in_code():
    from kb.context import RenderContext
    from kb.markers import expand_markers
    ctx = RenderContext(knowledge=load_knowledge(ROOT / "data"), lang="en")
    text = "A.\n\n<!--kb: definition genocide-->\n\n```\n<!-- kb:definition genocide -->\n```\n\n<!-- kb:note eirene-count -->\n"
    expanded, found, _ = expand_markers(text, ctx, "about.md", line_offset=4)
    report = "\n".join(map(str, found))
    assert "docs/about.md:7:" in report and "not written as one" in report
    assert "docs/about.md:13 [eirene-count]" in report and "belongs on assumptions/evidence.md" in report
    assert "```\n<!-- kb:definition genocide -->\n```" in expanded     # shown as code, not expanded


def test_an_entry_anchor_missing_from_the_built_page_is_named():
    from kb.page_checks import check_entry_anchors
    [problem] = check_entry_anchors('<h3 id="genocide">Genocide</h3>', ["genocide", "war-crimes"], "data/glossary.yml",
                                    {("data/glossary.yml", "war-crimes"): 40}, "glossary")
    assert (problem.file, problem.line, problem.entry) == ("data/glossary.yml", 40, "war-crimes")


def test_a_renamed_data_file_is_named():
    from kb.yamlsource import load_yaml_file
    import tempfile
    folder = Path(tempfile.mkdtemp())
    (folder / "sources.yaml").write_text("[]", encoding="utf-8")
    [problem] = load_yaml_file(folder / "sources.yml", "data/sources.yml").problems
    assert "rename data/sources.yaml to sources.yml" in problem.fix


@pytest.mark.parametrize("payload", ["`<script>alert(1)</script>` in code", "```\n<img onerror=alert(1)>\n```",
                                     "The on-call team; a data: point.", "## Heading { #heading .kb-note }"])
def test_harmless_text_in_pages_passes(payload):
    assert page_problems(PAGE_HEAD + payload + "\n") == []


FILE_CASES = [
    ("byte-order-mark-page", "about.md", "\ufeff" + PAGE_HEAD + "Text.\n", None, ""),
    ("front-matter-number", "about.md", "---\ndescription: 2020\n---\n\n# T\n", 2, "should be text"),
    ("front-matter-too-long", "about.md", "---\ndescription: " + "word " * 40 + "\n---\n\n# T\n", 2, "160"),
    ("front-matter-curly-quotes", "about.md", "---\ndescription: \u201cA: b\u201d\n---\n\n# T\n", 2, "curly"),
]


@pytest.mark.parametrize("case", FILE_CASES, ids=[c[0] for c in FILE_CASES])
def test_front_matter_cases(case):
    _, path, text, line, words = case
    found = check_front_matter(text, f"docs/{path}")
    if line is None:
        assert found == []
    else:
        report = "\n".join(map(str, found))
        assert f"docs/{path}:{line}" in report and words in report, report


@pytest.mark.parametrize("names,file,words", [
    (["about.md", "about.sp.md"], "docs/about.sp.md", "about.es.md"),
    (["about.md", "about.ES.md"], "docs/about.ES.md", "about.es.md"),
    (["about.md", "about-es.md"], "docs/about-es.md", "about.es.md"),
    (["orphan.es.md"], "docs/orphan.es.md", "no English original"),
])
def test_misnamed_and_orphan_language_files_are_named(names, file, words):
    report = "\n".join(map(str, check_language_files(names)))
    assert file in report and words in report, report


def test_a_menu_title_without_its_spanish_translation_is_named_with_its_line():
    config = "nav:\n  - Home: index.md\n  - A new page: new.md\n"
    [problem] = check_nav_translations([{"Home": "index.md"}, {"A new page": "new.md"}], {"Home": "Inicio"}, config)
    assert (problem.file, problem.line) == ("mkdocs.yml", 3) and "nav_translations" in problem.fix


@pytest.mark.parametrize("name,content,line,words", [
    ("docs/evil.html", b"<script>alert(1)</script>", 0, "published as it is"),
    ("docs/assets/chart.svg", b'<svg xmlns="http://www.w3.org/2000/svg">\n<script>alert(1)</script></svg>', 2, "script"),
    ("docs/assets/chart2.svg", b'<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"></svg>', 1, "script"),
])
def test_files_published_as_they_are_may_not_carry_script(tmp_path, name, content, line, words):
    path = tmp_path / name
    path.parent.mkdir(parents=True)
    path.write_bytes(content)
    [problem] = check_tree(tmp_path)
    assert (problem.file, problem.line) == (name, line) and words in problem.message


@pytest.mark.parametrize("kind", ["symlink-out", "symlink-inside", "latin-1", "utf-16", "symlinked-folder"])
def test_unsafe_files_stop_the_build_with_a_message(tmp_path, kind):
    (tmp_path / "docs" / "assets").mkdir(parents=True)
    (tmp_path / "data").mkdir()
    (tmp_path / "docs" / "about.md").write_text(PAGE_HEAD, encoding="utf-8")
    target = {"symlink-out": "docs/assets/env.txt", "symlink-inside": "data/glossary.yml", "latin-1": "docs/about.es.md",
              "utf-16": "data/organizations.yml", "symlinked-folder": "docs/assets/more"}[kind]
    if kind == "symlink-out":
        os.symlink("/proc/self/environ", tmp_path / target)
    elif kind == "symlink-inside":
        (tmp_path / ".git").mkdir()
        (tmp_path / ".git" / "config").write_text("[secret]\n", encoding="utf-8")
        os.symlink(tmp_path / ".git" / "config", tmp_path / target)
    elif kind == "latin-1":
        (tmp_path / target).write_bytes(PAGE_HEAD.encode() + "Para qué sirve\n".encode("latin-1"))
    elif kind == "utf-16":
        (tmp_path / target).write_bytes("- slug: x\n".encode("utf-16"))
    else:
        os.symlink("/etc", tmp_path / target)
    found = check_tree(tmp_path)
    assert [p.file for p in found] == [target], found
    assert found[0].fix
    if kind == "latin-1":
        assert found[0].line == 7 and "Latin-1" in found[0].message


# --- mistakes found before any page is built: in-process, through make check's find_problems ---------
PROJECT_CASES = [
    # id, file, old, new, expected "file:line" in the report
    ("symlink-to-environ", "docs/assets/env.txt", "symlink", "/proc/self/environ", "docs/assets/env.txt"),
    ("latin-1-page", "docs/about.es.md", "latin-1", "", "docs/about.es.md:"),
    ("script-in-page", "docs/about.md", "\n# ", "\n<script>alert(1)</script>\n\n# ", "docs/about.md:5"),
    ("attr-list-in-data", "data/glossary.yml", "definition: ", 'definition: "*x*{ onclick=alert(1) } ', "data/glossary.yml:"),
    ("spanish-file-misnamed", "docs/about.sp.md", None, PAGE_HEAD + "Texto.\n", "docs/about.sp.md"),
    ("english-heading-loses-id", "docs/about.md", " { #what-the-paper-is-for }", "", "has no explicit id"),
]


@pytest.mark.parametrize("case", PROJECT_CASES, ids=[c[0] for c in PROJECT_CASES])
def test_a_project_mistake_ends_in_a_message(checked_copy, case):
    _, name, old, new, where = case
    path = checked_copy / name
    original = path.read_text(encoding="utf-8") if path.exists() else None
    if old == "symlink":
        os.symlink(new, path)
    elif old == "latin-1":
        path.write_bytes(original.encode("latin-1", "replace"))
    else:
        path.write_text(new if old is None else original.replace(old, new, 1), encoding="utf-8")
    try:
        report = project_problems(checked_copy)
    except Exception:
        pytest.fail("traceback instead of a message:\n" + traceback.format_exc())
    finally:
        if original is None:
            path.unlink()
        else:
            path.write_text(original, encoding="utf-8")
    assert where in report, report
    assert "How to fix:" in report
    blamed = re.search(r"^docs/about\.es\.md", report, re.MULTILINE)
    assert not blamed or "about.es" in name, report   # the twin is not blamed


# --- mistakes in mkdocs.yml, which only the build reads: one build of one copy holding all of them ----
CONFIG_CASES = [
    # id, old, new, expected "file:line" in the build's output
    ("menu-title-untranslated", "            Sources: Fuentes\n", "", "mkdocs.yml:"),
    # The About page renders the publisher before the build reports its problems: a list was a traceback.
    ("publisher-as-list", "    en: !ENV [SITE_PUBLISHER_EN,", "    en: [a, b]\n    xx: !ENV [SITE_PUBLISHER_EN,",
     f"mkdocs.yml:{_line_of((ROOT / 'mkdocs.yml').read_text(encoding='utf-8'), '    en: !ENV [SITE_PUBLISHER_EN,')} [extra.publisher]"),
]
NEW_PAGE = ("docs/new-page.md", "docs/new-page.md: the page is not in the site's menu")


@pytest.fixture(scope="module")
def config_mistakes(tmp_path_factory) -> str:
    """The output of one build of a copy with every mkdocs.yml case and a page left out of the menu."""
    project = copy_project(tmp_path_factory.mktemp("config-mistakes"))
    for _, old, new, _ in CONFIG_CASES:
        edit(project / "mkdocs.yml", old, new)
    (project / NEW_PAGE[0]).write_text(PAGE_HEAD + "Text.\n", encoding="utf-8")
    result = build_site(project / "site-out", project)
    assert result.returncode != 0, "the build passed with mistakes in mkdocs.yml"
    return result.stdout + result.stderr


@pytest.mark.parametrize("where", [c[3] for c in CONFIG_CASES] + [NEW_PAGE[1]],
                         ids=[c[0] for c in CONFIG_CASES] + ["new-page-not-in-menu"])
def test_the_build_stops_with_a_message(config_mistakes, where):
    assert "Traceback" not in config_mistakes, config_mistakes
    assert where in config_mistakes, config_mistakes
    assert "How to fix:" in config_mistakes
    assert re.search(r"\d+ problems in the site's data or pages:\n", config_mistakes)   # listed together
    assert "- docs/about.es.md" not in config_mistakes   # no twin is blamed


# --- payloads that pass: the shared build of a changed project (tests/conftest.changed_site) -----------
def test_payloads_that_build_leave_the_html_inert(changed_site):
    site = changed_site
    html = (site / "about" / "index.html").read_text(encoding="utf-8")
    assert "Shown-not-run" in html
    assert (site / "sitemap.xml.gz").exists()
    for page in [site / "about" / "index.html", site / "es" / "about" / "index.html", site / "glossary" / "index.html"]:
        text = page.read_text(encoding="utf-8")
        soup = BeautifulSoup(text, "html.parser")
        for element in soup.find_all(True):
            assert not [a for a in element.attrs if a.lower().startswith("on")], element
            for attribute in ("href", "src", "action", "formaction"):
                value = re.sub(r"\s", "", str(element.get(attribute, ""))).lower()
                assert not value.startswith(("javascript:", "vbscript:")), element
        inline_script_hashes(text)            # raises if any inline script is not the theme's own
        # Every external script is a file the build published (the theme's bundle or the site's own),
        # never one a payload names: no other host, and a file that exists in the built site.
        for script in soup.find_all("script", src=True):
            src = script["src"].split("?")[0]
            assert "//" not in src and not src.startswith(("javascript:", "data:")), script
            published = (site / src.lstrip("/") if src.startswith("/") else page.parent / src).resolve()
            assert published.is_relative_to(site.resolve()) and published.is_file(), script


@pytest.mark.parametrize("form", ["Génocide", "GENOCIDE", "geno\u200bcide", "gеnocide", "ｇｅｎｏｃｉｄｅ", " genocide  "])
def test_names_that_only_look_different_compare_equal(form):
    from kb.schema import comparable
    assert comparable(form) == comparable("genocide")


# --- what the merges added: assumptions, provenance, links, see, wording, interface placeholders,
# page-bound markers, data/spanish_style.yml, mkdocs.yml extra, make stamp. Checked in-process on one
# shared copy of the real data and pages, through the checks `make check` and the build run first.
# (id, file, old text, new text, text of the ORIGINAL file on whose line the message must be (None:
# the edited line), words the message must hold)
ORG_LINK = '{url: "https://stanleycenter.org/", seen_in: "the paper\'s About Us section, which sends readers to stanleycenter.org"}'
QUOTE_FROM = 'quotation_from: {kind: paper, ref: "definitions.md#mass-violence"}'
SEE = 'see: ["endnotes.md#iccpr-article-20"]'
WORDING = 'res-limited-corruption: "Limited corruption"'
A, G, D, O, S, I = ("data/assumptions.yml", "data/glossary.yml", "data/dimensions.yml", "data/organizations.yml",
                    "data/sources.yml", "data/interface.yml")
MERGED_CASES = [
    ("assumption-number-0", A, "number: 1\n", "number: 0\n", None, "1 to 99"),
    ("assumption-number-as-word", A, "number: 1\n", "number: one\n", None, "1 to 99"),
    ("assumption-duplicate-number", A, "number: 2\n", "number: 1\n", "- slug: collaboration", "also given to 'labels'"),
    ("assumption-duplicate-page", A, "page: assumptions/collaboration.md", "page: assumptions/labels.md", "- slug: collaboration", "also the page of"),
    ("assumption-page-missing", A, "page: assumptions/collaboration.md", "page: assumptions/colaboration.md", "- slug: collaboration", "does not exist"),
    ("assumption-page-outside-folder", A, "page: assumptions/collaboration.md", "page: collaboration.md", None, "not a page path"),
    ("assumption-unknown-dimension", A, "dimensions: [constructive-management-of-diversity, vibrant", "dimensions: [constructive-management-of-diversty, vibrant", "- slug: collaboration", "did you mean"),
    ("assumption-dimensions-as-text", A, "dimensions: [legitimate-and-capable-authority, guarantees-of-nonrecurrence]", "dimensions: legitimate-and-capable-authority", None, "should be a list"),
    ("assumption-slug-twice", A, "- slug: collaboration\n", "- slug: labels\n", None, "used twice"),
    ("provenance-paper-without-ref", G, QUOTE_FROM, "quotation_from: {kind: paper}", None, "needs 'ref: page.md#anchor'"),
    ("provenance-ref-to-missing-page", G, QUOTE_FROM, QUOTE_FROM.replace("definitions", "definitons"), "- slug: mass-violence", "did you mean 'definitions.md'"),
    ("provenance-ref-to-missing-anchor", G, QUOTE_FROM, QUOTE_FROM.replace("mass-violence", "mass-violense"), "- slug: mass-violence", "not a heading id"),
    ("provenance-site-ref-missing-page", O, 'provenance: {kind: site, ref: "programming.md#', 'provenance: {kind: site, ref: "programing.md#', "<<ENTRY>>", "does not exist"),
    ("provenance-unknown-kind", G, QUOTE_FROM, QUOTE_FROM.replace("paper", "book"), None, "'paper', 'official' or 'site'"),
    ("provenance-as-text", G, QUOTE_FROM, "quotation_from: paper", None, "block of fields"),
    ("provenance-paper-ref-is-url", G, QUOTE_FROM, 'quotation_from: {kind: paper, ref: "https://evil.example/"}', None, "is not one"),
    ("provenance-official-javascript", G, QUOTE_FROM, 'quotation_from: {kind: official, ref: "javascript:alert(1)"}', None, "javascript"),
    ("provenance-official-html", G, QUOTE_FROM, 'quotation_from: {kind: official, ref: "A/RES/60/1 <img src=x onerror=alert(1)>"}', None, "'<'"),
    ("context-from-twice", G, 'context_from: {kind: paper, ref: "programming.md#four-shifts"}', 'context_from: {kind: paper, ref: "programming.md#four-shifts"}\n  context_from: {kind: site}', 1, "appears twice"),
    ("wording-not-a-factor-of-the-dimension", D, WORDING, WORDING.replace("corruption:", "corrupt:"), "- slug: security-of-livelihoods", "does not list"),
    ("wording-with-handler", D, WORDING, 'res-limited-corruption: "Limited <b onclick=x>corruption</b>"', None, "'<'"),
    ("wording-as-list", D, "wording:\n      " + WORDING, "wording: [res-limited-corruption]", None, "block of fields"),
    ("wording-empty", D, WORDING, 'res-limited-corruption: ""', None, "is empty"),
    ("link-http", O, ORG_LINK, ORG_LINK.replace("https:", "http:"), None, "https://"),
    ("link-javascript", O, ORG_LINK, ORG_LINK.replace("https://stanleycenter.org/", "javascript:alert(1)"), None, "script or data address"),
    ("link-quote-breaks-attribute", O, ORG_LINK, ORG_LINK.replace('org/"', 'org/\\" onmouseover=\\"alert(1)"', 1), None, "quotes"),
    ("link-without-host", O, ORG_LINK, ORG_LINK.replace("https://stanleycenter.org/", "https:///x"), None, "host name"),
    ("link-userinfo-host", O, ORG_LINK, ORG_LINK.replace("stanleycenter.org/", "stanleycenter.org@evil.example/"), None, "'@'"),
    ("link-seen-in-is-url", O, ORG_LINK, ORG_LINK.replace("the paper's", "https://evil.example/ the paper's"), None, "web address"),
    ("link-without-seen-in", O, ORG_LINK, '{url: "https://stanleycenter.org/"}', None, "'links.0.seen_in' is missing"),
    ("link-unknown-lang", O, ORG_LINK, ORG_LINK.replace("{url", "{lang: fr, url"), None, "'en', 'es' or 'any'"),
    ("links-as-text", O, "  links:\n    - " + ORG_LINK, '  links: "https://stanleycenter.org/"', None, "should be a list"),
    ("link-listed-twice", O, ORG_LINK, ORG_LINK + "\n    - " + ORG_LINK, "- slug: stanley-center", "listed twice"),
    ("see-missing-page", S, SEE, SEE.replace("endnotes", "endnote"), "- slug: iccpr", "did you mean 'endnotes.md'"),
    ("see-missing-anchor", S, SEE, SEE.replace("-20", "-2"), "- slug: iccpr", "not a heading id"),
    ("see-url", S, SEE, 'see: ["https://evil.example/"]', None, "not a page.md#anchor"),
    ("see-count-differs", S, SEE, "see: []", "- slug: iccpr", "'See …'"),
    ("evidence-script", S, "  evidence:\n", '  evidence:\n    - "<script>alert(1)</script>"\n', "  evidence:\n    - \"<script>", "'<'"),
    ("placeholder-removed", I, "This site is published by {publisher}.", "This site is published by us.", None, "lost its placeholder {publisher}"),
    ("placeholder-misspelt", I, "This site is published by {publisher}.", "This site is published by {publsher}.", None, "did you mean {publisher}"),
    ("placeholder-es-removed", I, "{n} de {total} términos", "{n} términos", None, "es text has lost its placeholder {total}"),
    ("placeholder-in-plain-string", I, "edition_hint: {en: \"This page is also in English.\"", "edition_hint: {en: \"This page {page} is also in English.\"", None, "does not fill in"),
    ("interface-bidi-override", I, "edition_hint: {en: \"This page", "edition_hint: {en: \"\u202eThis page", None, "U+202E"),
    ("print-marker-deleted", "docs/print.md", "<!-- kb:print-edition -->", "", "<<END>>", "lost its marker"),
    ("print-marker-in-code", "docs/print.md", "<!-- kb:print-edition -->", "```\n<!-- kb:print-edition -->\n```", "<<END>>", "inside a code block"),
    ("downloads-marker-deleted", "docs/data.md", "<!-- kb:downloads -->", "", "<<END>>", "kb:downloads"),
    ("glossary-marker-deleted-es", "docs/glossary.es.md", "<!-- kb:glossary -->", "", "<<END>>", "kb:glossary"),
    ("credits-marker-twice", "docs/about.md", "<!-- kb:site-credits -->", "\n<!-- kb:site-credits -->\n\n<!-- kb:site-credits -->", 2, "already on line"),
    ("note-marker-twice", "docs/state-of-the-field.md", "<!-- kb:note thirty-year-high -->",
     "<!-- kb:note thirty-year-high -->\n\n<!-- kb:note thirty-year-high -->", 2, "already on line"),
    ("definition-marker-twice-es", "docs/definitions.es.md", "<!-- kb:definition atrocities -->",
     "<!-- kb:definition atrocities -->\n\n<!-- kb:definition atrocities -->", 2, "shown twice"),
    ("credits-marker-on-another-page", "docs/index.md", "\n## ", "\n<!-- kb:site-credits -->\n\n## ", None, "belongs on about.md"),
]


def _expected_line(original: str, changed: str, old: str | None, new: str, at) -> int:
    """None: the edited line; a number: that many lines below it; "<<ENTRY>>": the '- slug:' line of
    the entry holding the edit; "<<END>>": the last line; text: the line of that text once edited."""
    start = original.index(old) if old is not None else 0
    edited = changed[:start].count("\n") + 1 + (len(new) - len(new.lstrip("\n")))
    if at is None or isinstance(at, int):
        return edited + (at or 0)
    if at == "<<END>>":
        return changed.count("\n") + 1
    if at == "<<ENTRY>>":
        entry = changed.rfind("\n- slug:", 0, start)
        return changed[:entry + 1].count("\n") + 1
    return _line_of(changed, at)


@pytest.fixture(scope="module")
def checked_copy(tmp_path_factory):
    return copy_project(tmp_path_factory.mktemp("hostile-checked"), parts=("docs", "data"))


@pytest.mark.parametrize("case", MERGED_CASES, ids=[c[0] for c in MERGED_CASES])
def test_mistakes_in_the_merged_parts_end_in_a_message(checked_copy, case):
    _, name, old, new, at, words = case
    path = checked_copy / name
    original = path.read_text(encoding="utf-8")
    assert old in original, f"the case no longer fits {name}: {old!r}"
    changed = original.replace(old, new, 1)
    line = _expected_line(original, changed, old, new, at)
    path.write_text(changed, encoding="utf-8")
    try:
        report = project_problems(checked_copy)
    except Exception:
        pytest.fail("traceback instead of a message:\n" + traceback.format_exc())
    finally:
        path.write_text(original, encoding="utf-8")
    assert report, "the mistake passed silently"
    assert f"{name}:{line}" in report, report
    assert words in report, report
    assert "How to fix:" in report


# data/spanish_style.yml: (id, old, new, expected line, words); checked by tests/site/test_spanish_style.py
STYLE_CASES = [
    ("broken-yaml", "- form: resiliencias\n", "- form: resiliencias\n  preferred: [unclosed\n", "  preferred: factores de resiliencia", "cannot be read"),
    ("tab-indent", "- form: resiliencias\n", "- form: resiliencias\n\tx: y\n", "\tx: y", "tab"),
    ("missing-preferred", "  preferred: tendencias contraproducentes\n", "", "- form: tendencias poco útiles", "'preferred' is missing"),
    ("not-a-list", None, "form: resiliencias\n", "form: resiliencias", "should be a list"),
    ("misspelt-field", "- form: resiliencias\n", "- form: resiliencias\n  prefered: x\n", "  prefered: x", "did you mean 'preferred'"),
    ("cited-in-as-text", "- form: resiliencias\n", "- form: resiliencias\n  cited_in: data/glossary.yml\n", "  cited_in: data/glossary.yml\n", "should be a list"),
    ("cited-in-unknown-entry", "- form: resiliencias\n", "- form: resiliencias\n  cited_in: [{file: data/glossary.yml, entry: no-such-entry}]\n", "- form: resiliencias", "not an entry there"),
    ("empty-form", "- form: resiliencias\n", "- form: ' '\n", "- form: ' '", "is empty"),
    ("unknown-glossary-entry", "- form: resiliencias\n", "- form: resiliencias\n  glossary: no-such-term\n", "- form: resiliencias", "unknown glossary entry"),
]


@pytest.mark.parametrize("case", STYLE_CASES, ids=[c[0] for c in STYLE_CASES])
def test_spanish_style_list_mistakes_end_in_a_message(tmp_path, case):
    from kb.spanish_style import STYLE_FILE, check_project
    _, old, new, at, words = case
    (tmp_path / "data").mkdir()
    (tmp_path / "docs").mkdir()
    shutil.copy(ROOT / "data" / "glossary.yml", tmp_path / "data" / "glossary.yml")
    original = (ROOT / STYLE_FILE).read_text(encoding="utf-8")
    changed = new if old is None else original.replace(old, new, 1)
    (tmp_path / STYLE_FILE).write_text(changed, encoding="utf-8")
    try:
        found = check_project(tmp_path, {"societal-resilience": "resiliencia social", "evidence-based-practice": "x"})
    except Exception:
        pytest.fail("traceback instead of a message:\n" + traceback.format_exc())
    report = "\n".join(map(str, found))
    assert f"{STYLE_FILE}:{_line_of(changed, at)}" in report and words in report, report


def test_a_page_bound_marker_with_an_id_is_named():
    from kb.context import RenderContext
    from kb.markers import expand_markers
    ctx = RenderContext(knowledge=load_knowledge(ROOT / "data"), lang="en")
    _, found, _ = expand_markers("Text.\n\n<!-- kb:downloads all -->\n\n<!-- kb:site-credits x -->\n", ctx, "data.md")
    report = "\n".join(map(str, found))
    assert "docs/data.md:3:" in report and "takes no id" in report and "docs/data.md:5:" in report, report


EXTRA_TEXT = """site_name: X
extra:
  report_repo_url: !ENV [SITE_REPO_URL, ""]
  contact_email: !ENV [SITE_CONTACT_EMAIL, ""]
  publisher:
    en: the maintainers
    es: las personas
"""


@pytest.mark.parametrize("extra,line,words", [
    ({"publisher": {"en": "<img src=x onerror=alert(1)>", "es": "x"}}, 6, "'<'"),
    ({"publisher": {"en": "the *maintainers*{ onclick=alert(1) }", "es": "x"}}, 6, "'{'"),
    ({"publisher": {"en": "x", "es": ["a", "b"]}}, 7, "one text"),
    ({"publisher": {"en": "x", "es": "\u202eevil"}}, 7, "U+202E"),
    ({"report_repo_url": "javascript:alert(1)"}, 3, "script or data address"),
    ({"report_repo_url": "http://github.com/o/r"}, 3, "https://"),
    ({"report_repo_url": 'https://github.com/o/r" onclick="x'}, 3, "quotes"),
    ({"contact_email": 'a" onmouseover="alert(1)@x.org'}, 4, "not an e-mail address"),
    ({"contact_email": "Team <team@example.org>"}, 4, "not an e-mail address"),
])
def test_mkdocs_extra_values_reaching_every_page_are_checked(extra, line, words):
    from kb.page_checks import check_site_extra
    report = "\n".join(map(str, check_site_extra(extra, EXTRA_TEXT)))
    assert f"mkdocs.yml:{line}" in report and words in report and "How to fix:" in report, report
    assert check_site_extra({"publisher": {"en": "the maintainers", "es": "las personas"},
                             "report_repo_url": "https://github.com/o/r", "contact_email": "team@example.org"}, EXTRA_TEXT) == []


def test_the_publisher_name_is_escaped_where_it_is_shown():
    from kb.context import RenderContext
    from kb.credits import render_credits
    ctx = RenderContext(knowledge=load_knowledge(ROOT / "data"), lang="en", extra={"publisher": {"en": "<b onclick=x>A</b>"}})
    assert "<b onclick" not in render_credits(ctx)
    assert render_credits(RenderContext(knowledge=ctx.knowledge, lang="en", extra={"publisher": ["a"]}))   # no traceback


@pytest.mark.parametrize("name", ["data/glossary.yml:", "data/glosary.yml:genocide",
                                  "docs/nothere.es.md", "../etc/passwd"])
def test_make_stamp_refuses_what_it_cannot_stamp(tmp_path, capsys, name):
    from kb.stamp import main
    shutil.copytree(ROOT / "data", tmp_path / "data")
    (tmp_path / "docs").mkdir()
    before = (tmp_path / "data" / "glossary.yml").read_text(encoding="utf-8")
    assert main([name], tmp_path) == 2
    assert name in capsys.readouterr().err
    assert (tmp_path / "data" / "glossary.yml").read_text(encoding="utf-8") == before
