"""Front matter keys the theme reads, typed (kb/front_matter.py): the review's redirecting
description, the <title> that closes itself, and the 'hide'/'search' shapes that crashed the
theme's templates each end in a message with the file, the line and a fix."""

from __future__ import annotations

import pytest

from kb.front_matter import check_front_matter

PAGE = "---\ndescription: About the paper.\n{}\n---\n\n# About\n"


@pytest.mark.parametrize("line, words", [
    ("""title: '</title><style>body{display:none}</style>'""", "the title contains '<'"),
    ("""title: [a, b]""", "the title should be text"),
    ("hide: yes", "'hide' should be a list"),
    ("hide: [everything]", "'hide' names 'everything'"),
    ("search: [exclude]", "'search' should be a mapping"),
    ("search: {exclude: maybe}", "'search: exclude' should be true or false"),
    ("search: {boost: true}", "'search: boost' should be a number"),
])
def test_theme_keys_of_the_wrong_shape_are_refused_with_their_line(line, words):
    problems = check_front_matter(PAGE.format(line), "docs/about.md")
    assert [(p.file, p.line) for p in problems] == [("docs/about.md", 3)], problems
    assert words in problems[0].message and problems[0].fix


def test_a_description_that_would_add_attributes_is_refused():
    page = """---\ndescription: '0;url=https://evil.example/phish" http-equiv="refresh'\n---\n\n# About\n"""
    (problem,) = check_front_matter(page, "docs/about.md")
    assert problem.line == 2 and "contains '\"'" in problem.message


@pytest.mark.parametrize("line", ["hide: [navigation, toc]", "search: {exclude: true}", "search: {boost: 2}",
                                  "title: Print edition"])
def test_the_shapes_the_site_uses_pass(line):
    assert check_front_matter(PAGE.format(line), "docs/about.md") == []
