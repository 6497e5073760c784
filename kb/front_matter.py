"""Check a page's front matter: MkDocs silently ignores front matter it cannot read."""

from __future__ import annotations

import re

from .problems import Problem
from .yamlsource import load_yaml_text

KNOWN_KEYS = {"description", "translation_of", "title", "hide", "search"}
# Keys that pages used to carry and that now live in a data file.
MOVED_KEYS = {"assumption": "data/assumptions.yml", "dimensions": "data/assumptions.yml"}
_BLOCK = re.compile(r"\A---[ \t]*\n(.*?\n)?---[ \t]*(\n|\Z)", re.DOTALL)


def check_front_matter(text: str, file: str) -> list[Problem]:
    text = text.lstrip("\ufeff")      # a byte-order mark (some editors add one) is harmless
    match = _BLOCK.match(text)
    if not match:
        if text.startswith("---"):
            return [Problem(file, 1, "", "the front matter has no closing '---' line",
                            "end the front matter with a line that holds only ---")]
        return [Problem(file, 1, "", "the page has no front matter with a description",
                        "start the page with three lines: ---, description: <one sentence about the page>, ---")]
    loaded = load_yaml_text(match.group(1) or "", file)
    if loaded.problems:
        problem = loaded.problems[0]
        generic = "mapping values are not allowed" in problem.message
        return [Problem(file, problem.line + 1, "", "the front matter cannot be read: " + problem.message.split(": ", 1)[-1],
                        'put the value in double quotes, e.g. description: "Text: with a colon"' if generic else problem.fix)]
    meta = loaded.data or {}
    if not isinstance(meta, dict):
        return [Problem(file, 2, "", "the front matter should be 'key: value' lines", "write description: <text>")]
    problems = []
    for key in meta:
        if key in MOVED_KEYS:
            problems.append(Problem(file, meta.line_of(key) + 1, "", f"'{key}' no longer goes in a page's front matter",
                                    f"remove the line; the {key} of an assumption is set in {MOVED_KEYS[key]}"))
        elif key not in KNOWN_KEYS:
            problems.append(Problem(file, meta.line_of(key) + 1, "", f"'{key}' is not a front matter key the site knows",
                                    f"use one of: {', '.join(sorted(KNOWN_KEYS))}"))
    problems += _typed_theme_keys(meta, file)
    description = meta.get("description")
    if description is not None and not isinstance(description, str):
        problems.append(Problem(file, meta.line_of("description") + 1, "", "the description should be text",
                                'put it in double quotes, e.g. description: "2020 in review"'))
    elif isinstance(description, str) and len(description.strip()) > 160:
        problems.append(Problem(file, meta.line_of("description") + 1, "",
                                f"the description is {len(description.strip())} characters long; search engines show 160 at most",
                                "shorten it to one sentence of at most 160 characters"))
    elif not isinstance(description, str) or not description.strip():
        problems.append(Problem(file, 2, "", "the page has no description",
                                "add a line description: <one or two sentences about what the page offers>"))
    return problems


# The keys the theme reads, typed: the theme prints title and description into the page's <head>
# without escaping, and its templates fail with a traceback on a 'hide' or 'search' of the wrong shape.
HIDE_VALUES = ("navigation", "toc", "footer", "path", "feedback", "tags")
_RAW_MARKUP = re.compile(r'["<>]')


def _typed_theme_keys(meta: dict, file: str) -> list[Problem]:
    problems = []

    def add(key: str, message: str, fix: str) -> None:
        problems.append(Problem(file, meta.line_of(key) + 1, "", message, fix))

    for key in ("title", "description"):
        value = meta.get(key)
        if key == "title" and value is not None and not isinstance(value, str):
            add(key, "the title should be text", 'put it in double quotes, e.g. title: "2020 in review"')
        elif isinstance(value, str) and _RAW_MARKUP.search(value):
            mark = _RAW_MARKUP.search(value).group(0)
            add(key, f"the {key} holds '{mark}', which the theme would print into the page's code as it is",
                "write it without double quotes and angle brackets (use « » or ' ' for quotations)")
    hide = meta.get("hide")
    if hide is not None and (not isinstance(hide, list) or not all(isinstance(v, str) and v in HIDE_VALUES for v in hide)):
        add("hide", "'hide' should be a list of parts of the page to hide",
            f"write it as a list, e.g. hide: [toc]; the parts are: {', '.join(HIDE_VALUES)}")
    search = meta.get("search")
    if search is not None and not (isinstance(search, dict) and set(search) <= {"exclude", "boost"}
                                   and isinstance(search.get("exclude", False), bool)
                                   and isinstance(search.get("boost", 1), (int, float))
                                   and not isinstance(search.get("boost", 1), bool)):
        add("search", "'search' should be 'exclude: true' or 'boost: <number>'",
            "write it as two lines, 'search:' then '  exclude: true' (or '  boost: 2')")
    return problems
