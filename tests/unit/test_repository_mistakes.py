"""Mistakes at the level of the repository's files, as table rows against the kb functions that
refuse them: each row says which file and line the message names and what fix it offers, and
that the contributor sees a message, never a traceback."""

from __future__ import annotations

import sys
import unicodedata
from pathlib import Path

import pytest

from kb.problems import KnowledgeError
from kb.repository_files import check_conflict_markers, check_file_names, check_repository_files

ROOT = Path(__file__).resolve().parent.parent.parent


def one(problems, file, line, *words):
    """The single problem of a row, with its file, line and the words its message or fix must say."""
    assert len(problems) == 1, problems
    problem = problems[0]
    assert (problem.file, problem.line) == (file, line)
    text = f"{problem.message} {problem.fix}"
    for word in words:
        assert word in text, (word, text)
    assert "Traceback" not in KnowledgeError(problems).report()
    return problem


# --- merge-conflict markers ------------------------------------------------------------------
CONFLICTS = [
    # (file, text, lines named)
    ("docs/about.md", "# About\n\n<<<<<<< HEAD\nOld text.\n=======\nNew text.\n>>>>>>> branch\n", [3, 5, 7]),
    ("docs/about.es.md", "# Sobre\n<<<<<<< HEAD\nTexto.\n", [2]),
    ("data/glossary.yml", "- slug: genocide\n>>>>>>> 3f2a1c9 (rename)\n", [2]),
    ("docs/x.md", "intro\n<<<<<<<\nA\n=======\nB\n>>>>>>>\n", [2, 4, 6]),
]


@pytest.mark.parametrize("file, text, lines", CONFLICTS)
def test_conflict_markers_are_refused_with_their_lines(file, text, lines):
    problems = check_conflict_markers(text, file)
    assert [p.line for p in problems] == lines
    assert all(p.file == file and "merge-conflict marker" in p.message and "delete the marker lines" in p.fix
               for p in problems)


@pytest.mark.parametrize("text", [
    "Title\n=======\n\nA heading underlined in the setext way.\n",   # seven '=' alone: a heading
    "> quoted\n>> deeper\n",
    "a <<<<<<< inside a line is text\n",
    "<<<<<<<< eight is not a marker\n",
])
def test_text_that_only_looks_like_a_marker_passes(text):
    assert check_conflict_markers(text, "docs/about.md") == []


def test_conflict_markers_stop_make_check_and_the_build_with_the_file_and_line(tmp_path, monkeypatch):
    for folder in ("data", "docs"):
        (tmp_path / folder).mkdir()
    (tmp_path / "docs" / "about.md").write_text("# About\n\n<<<<<<< HEAD\nA\n=======\nB\n>>>>>>> main\n",
                                                encoding="utf-8")
    problems = check_repository_files(tmp_path)
    assert [(p.file, p.line) for p in problems] == [("docs/about.md", 3), ("docs/about.md", 5), ("docs/about.md", 7)]
    sys.path.insert(0, str(ROOT / "scripts"))
    import check
    found, checked = check.find_problems(tmp_path)
    assert [(p.file, p.line) for p in found] == [("docs/about.md", 3), ("docs/about.md", 5), ("docs/about.md", 7)]
    assert checked == "the files of docs/ and data/"


# --- file names --------------------------------------------------------------------------------
NFD = unicodedata.normalize("NFD", "docs/programación.md")
FILE_NAMES = [
    # (names, file named, words the message and fix must have)
    ([NFD], NFD, ["NFC", "U+0301 COMBINING ACUTE ACCENT", "programación.md"]),
    (["docs/about.md", "docs/About.md"], "docs/about.md", ["docs/About.md", "only in case", "rename"]),
    (["docs/about.md", "docs/ABOUT.es.md", "docs/about.es.md"], "docs/about.es.md", ["docs/ABOUT.es.md"]),
    (["docs/state of the field.md"], "docs/state of the field.md",
     ["U+0020 SPACE", "docs/state-of-the-field.md"]),
    (["docs/tab\tname.md"], "docs/tab\tname.md", ["U+0009", "docs/tab-name.md"]),
    (["docs/\u0430bout.md"], "docs/\u0430bout.md", ["CYRILLIC and LATIN", "U+0430 CYRILLIC SMALL LETTER A",
                                                     "Latin letters only"]),
    (["data/gl\u03bfssary.yml"], "data/gl\u03bfssary.yml", ["GREEK and LATIN", "U+03BF GREEK SMALL LETTER OMICRON"]),
]


@pytest.mark.parametrize("names, file, words", FILE_NAMES)
def test_misleading_file_names_are_refused_with_the_code_points(names, file, words):
    one(check_file_names(names), file, 0, *words)


def test_an_nfd_twin_of_an_nfc_name_is_both_not_nfc_and_a_duplicate():
    nfc = "docs/programación.md"
    problems = check_file_names([nfc, NFD])
    assert sorted((p.file, "NFC" in p.message, "only in case" in p.message) for p in problems) == [
        (NFD, True, False), (nfc, False, True)]


@pytest.mark.parametrize("names", [
    ["docs/about.md", "docs/about.es.md", "docs/assets/site.css", "data/glossary.yml"],
    ["docs/programación.md"],                         # NFC accents are Latin letters
    ["docs/assumptions/labels.md", "docs/labels.md"],  # the same name in two folders is fine
])
def test_plain_names_pass(names):
    assert check_file_names(names) == []


def test_the_real_repository_has_no_file_level_mistakes():
    assert check_repository_files(ROOT) == []


def test_a_misleading_name_on_disk_stops_make_check(tmp_path):
    for folder in ("data", "docs"):
        (tmp_path / folder).mkdir()
    (tmp_path / "docs" / "about.md").write_text("# About\n", encoding="utf-8")
    (tmp_path / "docs" / "my page.md").write_text("# Mine\n", encoding="utf-8")
    sys.path.insert(0, str(ROOT / "scripts"))
    import check
    found, _ = check.find_problems(tmp_path)
    one(found, "docs/my page.md", 0, "U+0020 SPACE", "docs/my-page.md")
