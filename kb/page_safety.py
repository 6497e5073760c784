"""What a page in docs/ may not carry, and what the build may not read.

Pages are Markdown with some raw HTML allowed (details, figures, tables). They may not carry
script in any form: <script> and the elements that embed other documents or code, event-handler
attributes (raw HTML or attribute lists `{ onclick=... }`), `javascript:`/`vbscript:`/`data:`
URLs, or `srcdoc`. The Content-Security-Policy (kb/csp.py) would stop most of this in a browser;
refusing it in the source keeps reviewers from approving it and keeps the HTML inert anyway.

Files: a symlink under docs/ or data/ could publish any file of the build machine (or the
repository's .git/config), so any symlink stops the build. Files must be UTF-8 (a byte-order
mark is accepted).
"""

from __future__ import annotations

import html
import re
import unicodedata
from pathlib import Path

from .problems import Problem

FORBIDDEN_ELEMENTS = ("script", "iframe", "frame", "frameset", "object", "embed", "applet", "base", "meta",
                      "form", "link", "portal")
_ELEMENT = re.compile(r"<\s*(" + "|".join(FORBIDDEN_ELEMENTS) + r")\b", re.IGNORECASE)
# An attribute named on... inside a raw HTML tag or a Markdown attribute list { ... }.
_TAG = re.compile(r"<\s*[a-zA-Z][^<>]*>?", re.DOTALL)
_ATTR_LIST = re.compile(r"\{:?[^{}\n]*\}")
_HANDLER = re.compile(r"(?:^|[\s\"'/{:])(on[a-z]+)\s*=", re.IGNORECASE)
_SRCDOC = re.compile(r"(?:^|[\s\"'/{])(srcdoc|formaction)\s*=", re.IGNORECASE)
_SCRIPT_SCHEME = re.compile(r"(?:java|vb|live|moz-?)script\s*:", re.IGNORECASE)
# data: as a URL: in an attribute value, a Markdown link or image, a reference definition, an autolink
_DATA_URL = re.compile(
    r"""(?:(?:href|src|srcset|action|poster|data|xlink:href|background)\s*=\s*["']?|\]\(\s*<?|^\s{0,3}\[[^\]]+\]:\s*<?|<)\s*data\s*:""",
    re.IGNORECASE)
_FENCE = re.compile(r"^\s*(```|~~~)")
# Control characters (tab excepted) and bidirectional overrides/isolates: invisible, and able to
# make a line read differently from what the reviewer sees in the diff.
_HIDDEN = re.compile("[\x00-\x08\x0b-\x1f\x7f\u202a-\u202e\u2066-\u2069\ufeff]")
_CODE_SPAN = re.compile(r"(`+)(?:(?!\1).)+?\1")

SCRIPT_FIX = ("pages cannot carry script: remove it. A behaviour the site needs goes in a file under "
              "docs/assets/ loaded by the theme (overrides/main.html), where it is reviewed as code")


def _prose(markdown: str) -> str:
    """The page with fenced code and inline code blanked out (kept line for line): code is shown, not run."""
    out, fenced = [], False
    for line in markdown.split("\n"):
        if _FENCE.match(line):
            fenced = not fenced
            out.append("")
            continue
        out.append("" if fenced else _CODE_SPAN.sub(lambda m: " " * len(m.group(0)), line))
    return "\n".join(out)


def _line(text: str, offset: int) -> int:
    return text.count("\n", 0, offset) + 1


def check_page_safety(markdown: str, file: str) -> list[Problem]:
    """Script, embedded documents, handlers and script URLs in a page, each with its line."""
    text = _prose(markdown.lstrip("\ufeff"))
    decoded = "\n".join(html.unescape(line) for line in text.split("\n"))   # jav&#97;script: is javascript:
    problems: list[Problem] = []

    def add(offset: int, message: str, fix: str = SCRIPT_FIX, source: str = text) -> None:
        problem = Problem(file, _line(source, offset), "", message, fix)
        if problem not in problems:
            problems.append(problem)

    # Elements and attribute names are checked as written (&lt;script&gt; is shown, not run);
    # URLs after decoding character references, as a browser reads them.
    for match in _ELEMENT.finditer(text):
        add(match.start(), f"the page contains a <{match.group(1).lower()}> element")
    for container in list(_TAG.finditer(text)) + list(_ATTR_LIST.finditer(text)):
        for handler in _HANDLER.finditer(container.group(0)):
            add(container.start() + handler.start(1),
                f"the page gives an element the event-handler attribute '{handler.group(1)}'",
                "remove the attribute: pages cannot carry script (attributes such as { #id } or "
                "{ .class } are fine)")
        for attribute in _SRCDOC.finditer(container.group(0)):
            add(container.start() + attribute.start(1), f"the page uses the attribute '{attribute.group(1)}'")
    squeezed_lines = [re.sub(r"[\x00-\x20]+", "", line) for line in decoded.split("\n")]
    for number, line in enumerate(squeezed_lines, start=1):
        if _SCRIPT_SCHEME.search(line):
            problems.append(Problem(file, number, "", "the page contains a 'javascript:' (or other script) URL",
                                    "link to a page or to an https:// address instead; pages cannot carry script"))
    for tag in _TAG.finditer(decoded):      # a URL split over lines inside a tag still runs
        if _SCRIPT_SCHEME.search(re.sub(r"[\x00-\x20]+", "", tag.group(0))):
            add(tag.start(), "the page contains a 'javascript:' (or other script) URL",
                "link to a page or to an https:// address instead; pages cannot carry script")
    for match in _DATA_URL.finditer(decoded):
        add(match.start(), "the page contains a 'data:' URL",
            "save the file under docs/assets/ and link to it, e.g. ![Chart](/assets/chart.png)")
    for number, line in enumerate(markdown.lstrip("\ufeff").split("\n"), start=1):
        hidden = _HIDDEN.search(line.rstrip("\r"))
        if hidden:
            char = hidden.group(0)
            problems.append(Problem(file, number, "", f"the line holds an invisible character, U+{ord(char):04X} "
                                    f"{unicodedata.name(char, 'a control character')}",
                                    "delete it (retype the text around it): control and right-to-left characters "
                                    "can hide or reverse text"))
    return sorted(set(problems))


def check_sources_safety(sources: dict[str, str]) -> list[Problem]:
    """check_page_safety over every page, given as {path inside docs/: Markdown} (kb/pages.read_sources)."""
    return [problem for name, text in sources.items() for problem in check_page_safety(text, f"docs/{name}")]


def check_tree(root: Path, folders=("docs", "data")) -> list[Problem]:
    """Symlinks anywhere under the folders, and text files that are not UTF-8."""
    problems = []
    for folder in folders:
        base = root / folder
        if base.is_symlink():
            problems.append(Problem(folder, 0, "", f"'{folder}' is a symbolic link",
                                    f"make {folder}/ a real folder inside the repository"))
            continue
        if not base.is_dir():
            continue
        for path in sorted(base.rglob("*")):
            name = path.relative_to(root).as_posix()
            if path.is_symlink():
                problems.append(Problem(name, 0, "", "the file is a symbolic link; the build would publish whatever it points to",
                                        "replace the link with a real file (a copy), or delete it"))
            elif folder == "docs" and path.suffix.lower() in PUBLISHED_AS_IS:
                problems.append(Problem(name, 0, "", "an HTML file in docs/ would be published as it is, without the "
                                        "site's checks or its Content-Security-Policy",
                                        "write the page in Markdown (name.md and name.es.md); layout HTML may go inside it"))
            elif path.is_file() and path.suffix.lower() == ".svg":
                problems += check_svg(path.read_bytes(), name)
            elif path.is_file() and path.suffix in (".md", ".yml", ".yaml", ".css", ".js", ".txt", ".json"):
                problems += check_encoding(path.read_bytes(), name)
    return problems


PUBLISHED_AS_IS = (".html", ".htm", ".xhtml", ".shtml", ".xht")
_SVG_ACTIVE = re.compile(r"<\s*(script|foreignObject|iframe|embed|object)\b|\son[a-z]+\s*=|(java|vb)script\s*:|xlink:href\s*=\s*[\"']?\s*data:",
                         re.IGNORECASE)


def check_svg(data: bytes, name: str) -> list[Problem]:
    """An SVG opened on its own runs its scripts (a <meta> CSP does not cover it): none allowed."""
    text = data.decode("utf-8", "replace")
    found = _SVG_ACTIVE.search(text)
    if not found:
        return []
    return [Problem(name, text.count("\n", 0, found.start()) + 1, "", f"the SVG image carries script ('{found.group(0).strip()}')",
                    "export the image again without scripts, links or event handlers (plain shapes and text)")]


def check_encoding(data: bytes, name: str) -> list[Problem]:
    """UTF-8, with or without a byte-order mark; UTF-16 and Latin-1 named as such."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return [Problem(name, 1, "", "the file is saved as UTF-16, not UTF-8",
                        "save it again as UTF-8 (in most editors: Save with encoding, UTF-8)")]
    try:
        data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        return [Problem(name, line, "", f"the file is not UTF-8 text (byte 0x{data[error.start]:02x} on this line; "
                        "probably saved as Latin-1 or Windows-1252)",
                        "save the file again as UTF-8 (in most editors: Save with encoding, UTF-8)")]
    return []
