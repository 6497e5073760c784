"""Checks on a page's Markdown that MkDocs reports without a line or a fix, or not at all.

- Links to pages or anchors that do not exist (with the line and the nearest existing target).
- Headings without an explicit `{ #id }`, and ids a Spanish page does not share with its English
  original (links and the language switcher rely on the same ids in both).
"""

from __future__ import annotations

import difflib
import posixpath
import re

from .front_matter import MAX_TITLE   # a page's H1, as its front-matter title; the longest real one has about 100
from .paths import english_path
from .problems import Problem

_FENCE = re.compile(r"^(```|~~~)")
_LINK = re.compile(r"\]\(\s*<?([^)\s>]+)>?(?:\s+\"[^\"]*\")?\s*\)")
# Every pattern that reads a heading is linear in its length: a pull request can write a heading
# of 20 KB, and a backtracking pattern would keep the check busy for hours. `\S` before the end
# keeps `(.*?)\s*$` from re-reading a run of spaces at each of its characters.
_HEADING = re.compile(r"^(#{2,6})\s+(.*?\S|)\s*$")
_TITLE = re.compile(r"^#\s+(.*?\S|)\s*$")
_ATTR_LIST_AT_END = re.compile(r"\{:?([^{}]*)\}\s*$")   # `{ #id .class key=value }` at a heading's end
MAX_HEADING = 300    # characters of a heading with its { #id }; the longest real one has about 110


def explicit_id(heading: str) -> str | None:
    """The id a heading's attribute list gives it (`{ #id }`, the last one when there are several)."""
    attrs = _ATTR_LIST_AT_END.search(heading)
    ids = [t[1:] for t in attrs.group(1).split() if t.startswith("#") and len(t) > 1] if attrs else []
    return ids[-1] if ids else None


def shown(text: str, limit: int = 80) -> str:
    """A text as a message quotes it: a long one cut, so that the message stays readable."""
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _lines_outside_code(markdown: str):
    """(line number, text) of every line that is not inside a fenced code block."""
    fenced = False
    for number, line in enumerate(markdown.splitlines(), start=1):
        if _FENCE.match(line.strip()):
            fenced = not fenced
            continue
        if not fenced:
            yield number, line


def heading_ids(markdown: str) -> dict[str, int]:
    """Explicit heading ids of a page (level 2 and deeper) and the line of each."""
    found = {}
    for number, line in _lines_outside_code(markdown):
        heading = _HEADING.match(line)
        if heading:
            found_id = explicit_id(heading.group(2))
            if found_id:
                found[found_id] = number
    return found


def check_headings(markdown: str, file: str, english_ids: dict[str, int] | None = None,
                   line_offset: int = 0) -> list[Problem]:
    """Every heading from level 2 down has an explicit id; a translation uses the English ids."""
    problems = []
    seen = set()
    for number, line in _lines_outside_code(markdown):
        heading = _HEADING.match(line)
        if not heading:
            title = _TITLE.match(line)
            if title and len(title.group(1)) > MAX_TITLE:
                problems.append(Problem(file, number + line_offset, "", f"the page title '{shown(title.group(1))}' is "
                                        f"{len(title.group(1)):,} characters long; a title has at most {MAX_TITLE}",
                                        "shorten the title (the line that starts with '# ') to a few words"))
            continue
        heading_id = explicit_id(heading.group(2))
        where = number + line_offset
        if len(heading.group(2)) > MAX_HEADING:
            problems.append(Problem(file, where, "", f"the heading '{shown(heading.group(2))}' is {len(heading.group(2)):,} "
                                    f"characters long; a heading has at most {MAX_HEADING}",
                                    "shorten the heading to a few words; the text goes in the paragraphs below it"))
            seen.add(heading_id)
            continue
        if not heading_id:
            suggestion = re.sub(r"[^a-z0-9]+", "-", heading.group(2).lower()).strip("-")[:60].strip("-") or "section"
            problems.append(Problem(file, where, "", f"the heading '{shown(heading.group(2))}' has no explicit id",
                                    f"end the line with {{ #{suggestion} }} (in English words; the Spanish twin uses the same id)"))
            continue
        if english_ids is not None and heading_id not in english_ids:
            guess = difflib.get_close_matches(heading_id, list(english_ids), n=1)
            hint = f"did you mean '{guess[0]}'? " if guess else ""
            problems.append(Problem(file, where, "", f"the heading id '{heading_id}' is not used by the English page",
                                    f"{hint}use the id of the matching English heading: {', '.join(sorted(english_ids)) or 'none'}"))
        seen.add(heading_id)
    if english_ids is not None:
        for missing in sorted(set(english_ids) - seen):
            problems.append(Problem(file, 0, "", f"the English page has a heading with id '{missing}' that this page lacks",
                                    f"translate that section, with the heading ending in {{ #{missing} }}"))
    return problems


def check_links(markdown: str, file: str, page_path: str, pages: set[str],
                anchors: dict[str, set[str]], line_offset: int = 0) -> list[Problem]:
    """Links to Markdown pages that do not exist, and anchors that a known page does not have.

    `page_path` is the English path of the page ("assumptions/evidence.md"); `pages` holds every
    page's English path; `anchors` maps a page to the ids it is known to have.
    """
    problems = []
    for number, line in _lines_outside_code(markdown):
        for match in _LINK.finditer(line):
            target = match.group(1)
            if re.match(r"^[a-z][a-z0-9+.-]*:", target):      # http:, https:, mailto:
                continue
            path, _, anchor = target.partition("#")
            if path and not path.endswith(".md"):
                continue                                     # images, assets, folders: MkDocs checks them
            resolved = page_path if not path else (
                posixpath.normpath(path.lstrip("/")) if path.startswith("/")
                else posixpath.normpath(posixpath.join(posixpath.dirname(page_path), path)))
            resolved = english_path(resolved)
            where = number + line_offset
            if resolved not in pages:
                same_name = sorted(p for p in pages if posixpath.basename(p) == posixpath.basename(resolved))
                guess = same_name[:1] or difflib.get_close_matches(resolved, sorted(pages), n=1)
                hint = f"did you mean '/{guess[0]}'? " if guess else ""
                problems.append(Problem(file, where, "", f"the link '{target}' leads to a page that does not exist",
                                        f"{hint}link to a page inside docs/, written like /assumptions/evidence.md"))
            elif anchor and resolved in anchors and anchor not in anchors[resolved]:
                guess = difflib.get_close_matches(anchor, sorted(anchors[resolved]), n=1)
                hint = f"did you mean '#{guess[0]}'? " if guess else ""
                problems.append(Problem(file, where, "", f"the link '{target}' names an anchor that '{resolved}' does not have",
                                        f"{hint}use one of the page's heading ids, or the slug of an entry on it"))
    return problems


# --- checks added for contributor mistakes that used to pass silently ---------------------------
ID_PATTERN = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
_RAW_ID = re.compile(r"""\bid\s*=\s*["']([^"']*)["']""")
_RAW_URL = re.compile(r"""<[a-zA-Z][^<>]*?\b(href|src)\s*=\s*["']([^"']*)["']""", re.DOTALL)
_REFERENCE = re.compile(r"^\s{0,3}\[([^\]]+)\]:\s*<?([^\s>]+)>?")
_IMAGE = re.compile(r"!\[[^\]]*\]\(\s*<?([^)\s>]+)>?")


def check_heading_ids(markdown: str, file: str) -> list[Problem]:
    """Heading ids must be lower-case ASCII words joined by hyphens; attribute lists well formed;
    and no id may appear twice on a page (headings, attribute lists or raw HTML)."""
    problems, seen = [], {}
    for number, line in _lines_outside_code(markdown):
        heading = _HEADING.match(line)
        ids_here = []
        if heading and len(heading.group(2)) > MAX_HEADING:
            continue                              # check_headings asks to shorten it first
        if heading:
            attrs = _ATTR_LIST_AT_END.search(heading.group(2))
            if attrs:
                tokens = attrs.group(1).split()
                stray = [t for t in tokens if not (t.startswith(("#", ".")) or "=" in t)]
                if stray:
                    written = attrs.group(1).strip()
                    problems.append(Problem(file, number, "", f"the heading's {{ {written} }} is not one id: an id may not contain spaces",
                                            f"write the id as one word with hyphens, e.g. {{ #{_suggest_id(written)} }}"))
                    continue
                ids_here += [t[1:] for t in tokens if t.startswith("#")]
        ids_here += [m.group(1) for m in _RAW_ID.finditer(line)]
        for heading_id in ids_here:
            if not ID_PATTERN.match(heading_id):
                odd = next((c for c in heading_id if not (c.isascii() and (c.isalnum() or c == "-"))), None)
                named = f" ('{odd}' is U+{ord(odd):04X})" if odd else ""
                problems.append(Problem(file, number, "", f"the id '{shown(heading_id)}' is not lower-case ASCII letters, "
                                        f"digits and hyphens{named}",
                                        f"write it like '{shown(_suggest_id(heading_id))}'"))
            elif heading_id in seen:
                problems.append(Problem(file, number, "", f"the id '{heading_id}' is used twice on this page (first on line {seen[heading_id]})",
                                        "give this heading or element another id; links can reach only the first"))
            else:
                seen[heading_id] = number
    return problems


def _suggest_id(text: str) -> str:
    import unicodedata
    plain = unicodedata.normalize("NFKD", text.lower()).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", plain).strip("-") or "section"


def check_other_links(markdown: str, file: str, page_path: str, pages: set[str],
                      anchors: dict[str, set[str]], assets: set[str]) -> list[Problem]:
    """Links MkDocs reports without a line, or not at all: reference definitions, images, and
    href/src in raw HTML (written as site URLs such as ../glossary/ or as .md paths)."""
    problems = []
    for number, line in _lines_outside_code(markdown):
        targets = [m.group(2) for m in _REFERENCE.finditer(line)]
        targets += [m.group(1) for m in _IMAGE.finditer(line)]
        inline = [m.group(1) for m in _LINK.finditer(line)]
        for target in inline:       # .md targets are checked by check_links; here, what it leaves
            if re.search(r"\.[a-z]{2}\.md(#|$)", target):
                problems.append(Problem(file, number, "", f"the link '{target}' names a translation file",
                                        f"link to the English file ({re.sub(r'[.][a-z]{2}[.]md', '.md', target)}); "
                                        "each edition then links to its own page"))
            elif not target.partition("#")[0].endswith(".md"):
                targets.append(target)
        for target in dict.fromkeys(targets):
            problems += _check_target(target, file, number, page_path, pages, anchors, assets, url_style=False)
    for match in _RAW_URL.finditer(markdown):
        number = markdown.count("\n", 0, match.start()) + 1
        problems += _check_target(match.group(2), file, number, page_path, pages, anchors, assets, url_style=True)
    return problems


def _check_target(target: str, file: str, number: int, page_path: str, pages: set[str],
                  anchors: dict[str, set[str]], assets: set[str], url_style: bool) -> list[Problem]:
    if not target or re.match(r"^[a-z][a-z0-9+.-]*:", target) or target.startswith("//"):
        return []
    path, _, anchor = target.partition("#")
    if path.endswith(".md") or not path:
        return check_links(f"[x]({target})", file, page_path, pages, anchors, line_offset=number - 1)
    base = posixpath.dirname(page_path)
    if url_style:
        # A site URL as the reader's browser resolves it: pages live at folder URLs (about/).
        page_url = page_path[:-3] + "/" if not page_path.endswith("index.md") else page_path[: -len("index.md")]
        base = page_url.rstrip("/")
    resolved = posixpath.normpath(path.lstrip("/")) if path.startswith("/") else posixpath.normpath(posixpath.join(base, path))
    resolved = re.sub(r"^es(/|$)", "", resolved).rstrip("/")
    if resolved in assets:
        return []
    stem = resolved[: -len("/index.html")] if resolved.endswith("/index.html") else resolved
    candidates = {f"{stem}.md", f"{stem}/index.md"} if stem not in ("", ".") else {"index.md"}
    found = next((c for c in candidates if c in pages), None)
    if found is None:
        guess = difflib.get_close_matches(resolved, sorted(assets | {p[:-3] for p in pages}), n=1)
        hint = f"did you mean '/{guess[0]}'? " if guess else ""
        return [Problem(file, number, "", f"the link '{target}' leads to nothing on the site",
                        f"{hint}link to a page as /assumptions/evidence.md, or to a file under docs/assets/")]
    if anchor and found in anchors and anchor not in anchors[found]:
        return [Problem(file, number, "", f"the link '{target}' names an anchor that '{found}' does not have",
                        "use one of the page's heading ids, or the slug of an entry on it")]
    return []


def check_language_files(paths: list[str], languages: tuple[str, ...] = ("es",)) -> list[Problem]:
    """Page files named for a language the site does not build, misnamed twins, and translations
    without an English original: static-i18n would drop or misplace them without a word."""
    problems = []
    english = {p for p in paths if re.fullmatch(r"[^.]+\.md", p.rsplit("/", 1)[-1])}
    for path in paths:
        name = path.rsplit("/", 1)[-1]
        folder = path[: -len(name)]
        suffixed = re.fullmatch(r"([^.]+)\.([^.]+)\.md", name)
        if suffixed:
            stem, lang = suffixed.groups()
            if lang in languages:
                if f"{folder}{stem}.md" not in english:
                    problems.append(Problem(f"docs/{path}", 0, "", f"this translation has no English original docs/{folder}{stem}.md",
                                            f"add docs/{folder}{stem}.md, or rename this file after the English page it translates"))
                continue
            want = next((l for l in languages if l == lang.lower() or lang.lower() in ("sp", "spa", "esp", "spanish", "es-419")), languages[0])
            problems.append(Problem(f"docs/{path}", 0, "", f"'.{lang}' is not a language the site builds, so the file would be left out",
                                    f"name the Spanish twin docs/{folder}{stem}.{want}.md"))
            continue
        twin = re.fullmatch(r"(.+)[-_](" + "|".join(languages) + r"|sp|esp|spa)\.md", name, re.IGNORECASE)
        if twin and f"{folder}{twin.group(1)}.md" in english:
            problems.append(Problem(f"docs/{path}", 0, "", "this looks like a translation, but its name lacks the '.es.md' ending",
                                    f"rename it docs/{folder}{twin.group(1)}.{languages[0]}.md"))
        elif re.search(r"\.(md|MD|Md|markdown)$", name) and not name.endswith(".md"):
            problems.append(Problem(f"docs/{path}", 0, "", "page files end in '.md'", f"rename it to end in .md"))
    return problems


def nav_titles(nav) -> list[str]:
    """Every title in the mkdocs.yml nav (sections and pages)."""
    titles = []
    for item in nav or []:
        if isinstance(item, dict):
            for title, value in item.items():
                titles.append(str(title))
                if isinstance(value, list):
                    titles += nav_titles(value)
    return titles


def check_nav_translations(nav, translations: dict, config_text: str, lang: str = "es") -> list[Problem]:
    """Each nav title needs its translation in mkdocs.yml, or that edition's menu shows English."""
    problems = []
    for title in nav_titles(nav):
        if title not in (translations or {}):
            line = next((n for n, text in enumerate(config_text.splitlines(), start=1)
                         if re.match(r"\s*-\s*" + re.escape(title) + r"\s*:", text)), 0)
            problems.append(Problem("mkdocs.yml", line, "", f"the menu title '{title}' has no {lang} translation",
                                    f"add a line '{title}: <title in the {lang} edition>' under nav_translations "
                                    f"(languages, locale {lang}) in mkdocs.yml"))
    return problems


def nav_paths(nav) -> set[str]:
    """Every page file the mkdocs.yml nav lists."""
    found = set()
    for item in nav or []:
        values = item.values() if isinstance(item, dict) else [item]
        for value in values:
            if isinstance(value, list):
                found |= nav_paths(value)
            elif isinstance(value, str) and value.endswith(".md"):
                found.add(value)
    return found


def check_pages_in_nav(english_paths, listed: set[str], left_out) -> list[Problem]:
    """An English page that is neither in the nav nor declared as left out (not_in_nav)."""
    return [Problem(f"docs/{path}", 0, "", "the page is not in the site's menu",
                    f"add a line '- <Menu title>: {path}' under nav in mkdocs.yml, and the title's Spanish under "
                    "nav_translations (or list the page under not_in_nav if it should stay out of the menu)")
            for path in sorted(english_paths) if path not in listed and not left_out(path)]


def check_entry_anchors(html: str, slugs, data_file: str, lines: dict, page: str) -> list[Problem]:
    """Auto-links and "Related" links lead to #slug on the glossary and organizations pages: each
    entry's anchor must be in the page as built (nothing else checks links added after MkDocs)."""
    ids = set(re.findall(r'\bid="([^"]+)"', html))
    return [Problem(data_file, lines.get((data_file, slug), 0), slug,
                    f"the built {page} page has no anchor '#{slug}', so every link to this entry leads nowhere",
                    "check the entry's name or term: it must be plain text (see data/README.md)")
            for slug in slugs if slug not in ids]


def has_headings_without_id(markdown: str) -> bool:
    """Whether a page has a heading (level 2 or deeper) without an explicit id: then its
    translation is not compared with it until the English is fixed (the message would mislead)."""
    return any((h := _HEADING.match(line)) and not explicit_id(h.group(2))
               for _, line in _lines_outside_code(markdown))


_EMAIL = re.compile(r"^[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}$")


def _config_line(config_text: str, key: str, after: int = 0) -> int:
    """The line of `key:` in mkdocs.yml (the first one after line `after`), or 0."""
    for number, text in enumerate(config_text.splitlines(), start=1):
        if number > after and re.match(r"\s*" + re.escape(key) + r"\s*:", text):
            return number
    return 0


def check_site_extra(extra: dict, config_text: str) -> list[Problem]:
    """mkdocs.yml's `extra:` values that reach every page (publisher, report_repo_url,
    contact_email) are text, an https address and an e-mail address: never markup or script."""
    from .schema import _https_address, _plain_text      # the rules every data text follows
    problems = []
    extra_line = _config_line(config_text, "extra")

    def problem(key: str, line: int, message: str, fix: str) -> None:
        problems.append(Problem("mkdocs.yml", line or _config_line(config_text, key, extra_line), f"extra.{key}", message, fix))

    publisher = extra.get("publisher")
    if publisher is not None:
        line = _config_line(config_text, "publisher", extra_line)
        values = publisher.items() if isinstance(publisher, dict) else [("", publisher)]
        for lang, value in values:
            where = _config_line(config_text, lang, line) if lang else line
            if not isinstance(value, str):
                problem("publisher", where, f"the publisher{f' ({lang})' if lang else ''} should be one text",
                        "write the name on the same line, e.g. en: the maintainers of this repository")
                continue
            try:
                _plain_text(value)
            except ValueError as error:
                message, _, fix = str(error).partition("\n")
                problem("publisher", where, f"the publisher{f' ({lang})' if lang else ''}: {message}", fix)
    repo = extra.get("report_repo_url")
    if repo:
        try:
            _https_address(str(repo))
        except ValueError as error:
            message, _, fix = str(error).partition("\n")
            problem("report_repo_url", 0, f"report_repo_url (or SITE_REPO_URL): {message}",
                    "write the repository's address, e.g. https://github.com/ORG/REPO")
    email = extra.get("contact_email")
    if email and not _EMAIL.match(str(email)):
        problem("contact_email", 0, f"contact_email (or SITE_CONTACT_EMAIL) '{str(email)[:60]}' is not an e-mail address",
                "write one address such as team@example.org, without quotes, spaces or a name")
    return problems
