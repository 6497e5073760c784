"""A page's front matter, read once: one block pattern, one YAML reader (kb/yamlsource.py), one
typed model. The checks, the fingerprints and stamps of translations (kb/translation.py), the page
titles and descriptions (kb/pages.py) all read it here. MkDocs silently ignores front matter it
cannot read, and Material's templates print or test its keys as they are: `hide: yes` or
`search: [exclude]` crash them, a quote in `description` adds attributes to a meta tag."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .problems import Problem
from .yamlsource import load_yaml_text

KNOWN_KEYS = {"description", "translation_of", "title", "hide", "search"}
# Keys that pages used to carry and that now live in a data file.
MOVED_KEYS = {"assumption": "data/assumptions.yml", "dimensions": "data/assumptions.yml"}
# What Material 9.8's templates test in `hide:` (base.html and its partials).
HIDE_VALUES = ("feedback", "footer", "navigation", "path", "tags", "toc")
SEARCH_KEYS = {"exclude": bool, "boost": (int, float)}
MAX_DESCRIPTION = 160     # search engines show 160 characters at most
MAX_TITLE = 200           # characters of a title, here and as a page's H1 (kb/page_checks.py)
# Material prints the title and description into the HTML; overrides/main.html escapes them, and
# these are refused first so that no other template that prints them raw can be reached.
RAW_IN_THEME = re.compile(r'["<>]')
FINGERPRINT = re.compile(r"^[0-9a-f]{10}$")
# The block MkDocs reads (mkdocs.utils.meta): closed by --- or by ...
BLOCK = re.compile(r"\A---[ \t]*\n(.*?\n)?(?:-{3}|\.{3})[ \t]*(\n|\Z)", re.DOTALL)


@dataclass(frozen=True)
class FrontMatter:
    """The keys a page may set, typed; `lines` gives the line of each key in the file."""
    description: str = ""
    title: str = ""
    hide: tuple[str, ...] = ()
    search_exclude: bool = False
    translation_of: str = ""
    present: bool = False                 # the page has a front matter block that could be read
    lines: dict = field(default_factory=dict)


def split(text: str) -> tuple[str | None, str, int]:
    """(the YAML between the --- lines or None, the body after them, how many lines the block takes)."""
    text = text.lstrip("\ufeff")      # a byte-order mark (some editors add one) is harmless
    match = BLOCK.match(text)
    if not match:
        return None, text, 0
    return match.group(1) or "", text[match.end():], match.group(0).count("\n")


def read_front_matter(text: str, file: str) -> tuple[FrontMatter, list[Problem]]:
    """The page's front matter as a FrontMatter, and every problem with it (file, line, fix)."""
    block, _, _ = split(text)
    if block is None:
        if text.lstrip("\ufeff").startswith("---"):
            return FrontMatter(), [Problem(file, 1, "", "the front matter has no closing '---' line",
                                           "end the front matter with a line that holds only ---")]
        return FrontMatter(), [Problem(file, 1, "", "the page has no front matter with a description",
                                       "start the page with three lines: ---, description: <one sentence about the page>, ---")]
    loaded = load_yaml_text(block, file)
    if loaded.problems:
        problem = loaded.problems[0]
        generic = "mapping values are not allowed" in problem.message
        return FrontMatter(), [Problem(file, problem.line + 1, "", "the front matter cannot be read: " + problem.message.split(": ", 1)[-1],
                                       'put the value in double quotes, e.g. description: "Text: with a colon"' if generic else problem.fix)]
    meta = loaded.data or {}
    if not isinstance(meta, dict):
        return FrontMatter(), [Problem(file, 2, "", "the front matter should be 'key: value' lines", "write description: <text>")]
    problems: list[Problem] = []

    def line(key) -> int:
        return meta.line_of(key) + 1 if hasattr(meta, "line_of") else 2

    for key in meta:
        if key in MOVED_KEYS:
            problems.append(Problem(file, line(key), "", f"'{key}' no longer goes in a page's front matter",
                                    f"remove the line; the {key} of an assumption is set in {MOVED_KEYS[key]}"))
        elif key not in KNOWN_KEYS:
            problems.append(Problem(file, line(key), "", f"'{key}' is not a front matter key the site knows",
                                    f"use one of: {', '.join(sorted(KNOWN_KEYS))}"))
    description = _text(meta, "description", MAX_DESCRIPTION, file, line, problems)
    if meta.get("description") is None or (isinstance(meta["description"], str) and not meta["description"].strip()):
        problems.append(Problem(file, 2, "", "the page has no description",
                                "add a line description: <one or two sentences about what the page offers>"))
    title = _text(meta, "title", MAX_TITLE, file, line, problems)
    hide = _hide(meta, file, line, problems)
    search_exclude = _search(meta, file, line, problems)
    translation_of = meta.get("translation_of", "")
    if "translation_of" in meta and not (isinstance(translation_of, str) and FINGERPRINT.match(translation_of)):
        problems.append(Problem(file, line("translation_of"), "", f"'translation_of' should be the fingerprint 'make stamp' "
                                f"writes, ten letters and digits in quotes (it reads {str(translation_of)[:40]!r})",
                                f"run make stamp FILES={file} after checking the translation, instead of typing it"))
        translation_of = str(translation_of)
    return FrontMatter(description=description, title=title, hide=hide, search_exclude=search_exclude,
                       translation_of=translation_of or "", present=True,
                       lines={key: line(key) for key in meta}), problems


def _text(meta: dict, key: str, limit: int, file: str, line, problems: list[Problem]) -> str:
    value = meta.get(key)
    if value is None:
        return ""
    if not isinstance(value, str):
        problems.append(Problem(file, line(key), "", f"the {key} should be text",
                                f'put it in double quotes, e.g. {key}: "2020 in review"'))
        return ""
    value = value.strip()
    if len(value) > limit:
        problems.append(Problem(file, line(key), "", f"the {key} is {len(value):,} characters long; "
                                + ("search engines show 160 at most" if key == "description" else f"a {key} has at most {limit}"),
                                f"shorten it to one sentence of at most {limit} characters"))
    bad = RAW_IN_THEME.search(value)
    if bad:
        problems.append(Problem(file, line(key), "", f"the {key} contains '{bad.group(0)}', which the theme writes into the "
                                "page's HTML as it is (a quote can add attributes to a tag, '<' a tag)",
                                "use typographic quotes “ ” instead of \", and words instead of < or >"))
    return value


def _hide(meta: dict, file: str, line, problems: list[Problem]) -> tuple[str, ...]:
    value = meta.get("hide")
    if value is None:
        return ()
    allowed = ", ".join(HIDE_VALUES)
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        written = {True: "yes", False: "no"}.get(value, repr(value)) if isinstance(value, bool) else repr(value)
        problems.append(Problem(file, line("hide"), "", f"'hide' should be a list of the parts to hide ({allowed}), "
                                f"not {written}"[:200], "write it as a list, e.g. hide: [toc] or one '- toc' line per part"))
        return ()
    unknown = [v for v in value if v not in HIDE_VALUES]
    if unknown:
        problems.append(Problem(file, line("hide"), "", f"'hide' names '{unknown[0][:40]}', which is not a part of the page",
                                f"use only: {allowed}"))
    return tuple(v for v in value if v in HIDE_VALUES)


def _search(meta: dict, file: str, line, problems: list[Problem]) -> bool:
    value = meta.get("search")
    if value is None:
        return False
    fix = "write it as a mapping, e.g. search: {exclude: true} (see Material's documentation of search)"
    if not isinstance(value, dict):
        problems.append(Problem(file, line("search"), "", f"'search' should be a mapping of {', '.join(SEARCH_KEYS)}, "
                                f"not {value!r}"[:200], fix))
        return False
    for key, item in value.items():
        kind = SEARCH_KEYS.get(key)
        if kind is None:
            problems.append(Problem(file, line("search"), "", f"'search' has the key '{str(key)[:40]}', which the theme does not know",
                                    f"use only: {', '.join(SEARCH_KEYS)}"))
        elif not isinstance(item, kind) or (kind is not bool and isinstance(item, bool)):
            problems.append(Problem(file, line("search"), "", f"'search: {key}' should be "
                                    + ("true or false" if kind is bool else "a number"), fix))
    return value.get("exclude") is True


def unreadable_front_matter(sources: dict[str, str]) -> list[Problem]:
    """Pages whose front matter the project's YAML reader refuses (tags, anchors, nesting): the
    build stops on them before MkDocs reads the front matter with its own, trusting reader."""
    problems = []
    for path, text in sources.items():
        block = split(text)[0]
        if block is not None and load_yaml_text(block, "").problems:
            problems += check_front_matter(text, f"docs/{path}")[:1]
    return problems


def check_front_matter(text: str, file: str) -> list[Problem]:
    return read_front_matter(text, file)[1]
