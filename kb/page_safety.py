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

from lxml import etree

from .csp import SITE_SCRIPTS, SITE_STYLES
from .problems import Problem

LISTED_ASSETS = SITE_SCRIPTS + SITE_STYLES

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
              "docs/assets/ that a maintainer lists in SITE_SCRIPTS (kb/csp.py), where it is reviewed as code")


_HTML_BLOCK_START = re.compile(r"^ {0,3}<[A-Za-z/!?]")


def _prose(markdown: str) -> str:
    """The page with fenced code and inline code blanked out (kept line for line): code is shown,
    not run. Inside a raw HTML block (from a line that opens with a tag to the next blank line)
    Markdown makes no code span, so backticks there are kept and what they hold is checked."""
    out, fenced, in_html = [], False, False
    for line in markdown.split("\n"):
        if _FENCE.match(line) and not in_html:
            fenced = not fenced
            out.append("")
            continue
        if fenced:
            out.append("")
            continue
        if not line.strip():
            in_html = False
        elif _HTML_BLOCK_START.match(line) and (not out or not out[-1].strip() or in_html):
            in_html = True
        out.append(line if in_html else _CODE_SPAN.sub(lambda m: " " * len(m.group(0)), line))
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
            elif folder == "docs" and path.is_file() and check_published_file(name, LISTED_ASSETS):
                problems += check_published_file(name, LISTED_ASSETS)
            elif path.is_file() and path.suffix.lower() == ".svg":
                problems += check_svg(path.read_bytes(), name)
            elif path.is_file() and path.suffix in (".md", ".yml", ".yaml", ".css", ".js", ".txt", ".json"):
                problems += check_encoding(path.read_bytes(), name)
    return problems


PUBLISHED_AS_IS = (".html", ".htm", ".xhtml", ".shtml", ".xht")
# What docs/ may hold besides pages: it is published as it is. Scripts and styles only as the
# files the site lists (kb/csp.py), SVG only once checked; anything else (XML, XSL, SVGZ, HTML,
# text, archives) is refused, since a browser may run it on the site's own address.
MEDIA_TYPES = (".png", ".jpg", ".jpeg", ".gif", ".webp", ".avif", ".ico", ".pdf", ".woff", ".woff2", ".ttf", ".otf", ".svg")


def check_published_file(name: str, listed: tuple[str, ...]) -> list[Problem]:
    """A file under docs/ that is not a page: one of the media types, or a listed script or style."""
    path = name.removeprefix("docs/")
    suffix = Path(path).suffix.lower()
    if path.endswith(".md") or suffix in MEDIA_TYPES or path in listed:
        return []
    if suffix in PUBLISHED_AS_IS:
        return [Problem(name, 0, "", "an HTML file in docs/ would be published as it is, without the "
                        "site's checks or its Content-Security-Policy",
                        "write the page in Markdown (name.md and name.es.md); layout HTML may go inside it")]
    if suffix in (".js", ".mjs", ".css"):
        return [Problem(name, 0, "", "a script or style file that the site does not list; it would not run or apply, "
                        "and it would be published on the site's address",
                        "ask a maintainer: the site's scripts and styles are listed in SITE_SCRIPTS and "
                        "SITE_STYLES in kb/csp.py, which maintainers review")]
    return [Problem(name, 0, "", f"a '{suffix or name}' file cannot be published from docs/: a browser may run it "
                    "on the site's own address",
                    "use an image (PNG, JPEG, WebP, SVG), a PDF or a font; put data in data/ (YAML), text in a page")]


_SVG_ACTIVE_ELEMENTS = {"script", "foreignobject", "iframe", "embed", "object", "handler", "listener"}
_SCRIPT_URL = re.compile(r"^(?:(?:java|vb|live)script|data):", re.IGNORECASE)


def check_svg(data: bytes, name: str) -> list[Problem]:
    """An SVG opened on its own runs its scripts (a <meta> CSP does not cover it). Parsed as XML
    (no entities expanded, no network), so a prefixed <s:script> or an encoded javascript: is seen
    as the browser sees it: no script, foreign HTML, handler, script link or style sheet allowed."""
    fix = "export the image again without scripts, links or event handlers (plain shapes and text)"

    def problem(line: int, what: str) -> list[Problem]:
        return [Problem(name, line, "", f"the SVG image {what}", fix)]

    if re.search(rb"<!ENTITY|<!DOCTYPE[^>]*\[", data, re.IGNORECASE):
        return problem(1, "declares entities (<!ENTITY>), which can hide its content")
    parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False)
    try:
        root = etree.fromstring(data, parser)
    except etree.XMLSyntaxError as error:
        return problem(error.lineno or 1, f"is not well-formed XML ({error.msg})")
    for node in [*root.itersiblings(preceding=True), *root.iter()]:
        if isinstance(node, etree._ProcessingInstruction):
            return problem(node.sourceline or 1, f"carries a processing instruction (<?{node.target}?>)")
        if not isinstance(node.tag, str):
            continue
        local = etree.QName(node).localname.lower()
        if local in _SVG_ACTIVE_ELEMENTS:
            return problem(node.sourceline or 1, f"carries script ('<{local}>')")
        animated = (node.get("attributeName") or "").lower()
        if local in ("set", "animate") and animated in ("href", "xlink:href"):
            return problem(node.sourceline or 1, "animates a link")
        if local in ("set", "animate", "animatemotion", "animatetransform") and animated.startswith("on"):
            return problem(node.sourceline or 1, f"carries script (it animates the event handler '{animated}')")
        for attribute, value in node.attrib.items():
            attr = etree.QName(attribute).localname.lower()
            if attr.startswith("on"):
                return problem(node.sourceline or 1, f"carries script (the '{attr}' attribute)")
            if attr in ("href", "src", "from", "to", "values") and _SCRIPT_URL.search(re.sub(r"[\x00-\x20]+", "", value)):
                return problem(node.sourceline or 1, f"carries script (a '{value.strip()[:16]}…' link)")
    return []


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
