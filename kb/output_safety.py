"""What a built page may hold, checked on the output with an HTML parser, not on the source with
patterns: the checks in kb/page_safety.py read Markdown and give early, friendly messages, but a
page reaches readers through Markdown, raw HTML, front matter and the theme's templates, and only
the output shows what all of them made together.

The rule is an allow-list. A page may load only the theme's scripts and the site's own listed
ones (kb/csp.py: SITE_SCRIPTS), run only the theme's known inline scripts, and hold JSON data
blocks. No event-handler attribute, no script, data or vbscript URL (character references decoded,
as a browser decodes them), no <base>, <meta http-equiv>, <style>, embedded document or plugin,
no form but the theme's two in the header, no style attribute but the tables' alignment.
"""

from __future__ import annotations

import posixpath
import re
from dataclasses import dataclass
from pathlib import Path

from lxml import etree
from lxml import html as lxml_html

from .csp import DATA_SCRIPT_TYPES, known_script_name
from .page_safety import check_svg
from .problems import Problem

FORBIDDEN = {"base", "iframe", "frame", "frameset", "object", "embed", "applet", "portal", "style", "template"}
# The theme's two forms (search, colour scheme), both inside its header; neither is ever submitted.
THEME_FORMS = {"md-search__form", "md-header__option"}
LINK_RELS = {"canonical", "icon", "next", "prev", "stylesheet", "alternate"}
URL_ATTRIBUTES = {"href", "src", "action", "formaction", "xlink:href", "poster", "data", "background", "cite",
                  "longdesc", "ping", "manifest", "codebase", "archive", "lowsrc", "dynsrc", "srcset", "icon"}
_SCRIPT_URL = re.compile(r"^(?:java|vb|live)script:|^data:", re.IGNORECASE)
_INVISIBLE = re.compile(r"[\x00-\x20]+")
# Python-Markdown's tables extension aligns cells with a style attribute; nothing else may.
ALIGNMENT_STYLE = re.compile(r"text-align: (?:left|right|center);")

FIX = ("pages cannot carry script, styles or embedded documents: remove it. A behaviour the site "
       "needs goes in a file under docs/assets/ that a maintainer adds to SITE_SCRIPTS in kb/csp.py")


@dataclass(frozen=True)
class OutputProblem:
    line: int        # line of the built HTML
    message: str
    needle: str      # text to look for in the source to find the contributor's line


def site_path_of(url: str, page_url: str, base_path: str) -> str:
    """A script's or stylesheet's address as a site path ('assets/terms.js'), or '' when it
    points outside the site."""
    url = url.split("#", 1)[0].split("?", 1)[0]
    if re.match(r"^[a-z][a-z0-9+.-]*:|^//", url, re.IGNORECASE):
        return ""
    if url.startswith("/"):
        if not url.startswith(base_path):
            return ""
        return posixpath.normpath(url[len(base_path):]).lstrip("/")
    folder = page_url if page_url.endswith("/") or not page_url else posixpath.dirname(page_url) + "/"
    resolved = posixpath.normpath(posixpath.join(folder, url))
    return "" if resolved.startswith("..") else resolved.lstrip("/")


def _scheme_problem(name: str, value: str) -> bool:
    values = [part.strip().split(" ")[0] for part in value.split(",")] if name == "srcset" else [value]
    return any(_SCRIPT_URL.search(_INVISIBLE.sub("", v)) for v in values)


def page_output_problems(page_html: str, page_url: str, scripts: frozenset[str], styles: frozenset[str],
                         base_path: str = "/") -> list[OutputProblem]:
    """Every element of a built page held to the allow-list. `scripts` and `styles` are the site
    paths pages may load; `base_path` is the site's path on its host ('/' or '/repo/')."""
    try:
        root = lxml_html.document_fromstring(page_html)
    except (etree.ParserError, ValueError):
        return [OutputProblem(1, "the built page could not be read as HTML", "")]
    problems: list[OutputProblem] = []

    def add(element, message: str, needle: str = "") -> None:
        problems.append(OutputProblem(element.sourceline or 1, message, needle))

    for element in root.iter():
        if not isinstance(element.tag, str):        # comments, processing instructions
            continue
        tag = element.tag.lower()
        if tag in FORBIDDEN:
            add(element, f"the page holds a <{tag}> element", f"<{tag}")
        elif tag == "meta" and element.get("http-equiv") is not None:
            add(element, f"the page holds a <meta http-equiv=\"{element.get('http-equiv')}\">: it could redirect "
                "readers or change the page's security policy", "http-equiv")
        elif tag == "script":
            kind = (element.get("type") or "").lower()
            src = element.get("src")
            if src is not None:
                if site_path_of(src, page_url, base_path) not in scripts:
                    add(element, f"the page loads the script '{src}', which is not one of the site's listed scripts", src)
            elif kind not in DATA_SCRIPT_TYPES and known_script_name(element.text or "") is None:
                add(element, "the page holds an inline script the site does not know", "<script")
        elif tag == "form":
            header = next((a for a in element.iterancestors("header") if "md-header" in a.get("class", "")), None)
            if header is None or not THEME_FORMS & set(element.get("class", "").split()):
                add(element, "the page holds a <form>", "<form")
        elif tag == "link":
            rel = set((element.get("rel") or "").lower().split())
            if not rel or not rel <= LINK_RELS:
                add(element, f"the page holds a <link rel=\"{element.get('rel')}\">", "<link")
            elif "stylesheet" in rel and site_path_of(element.get("href", ""), page_url, base_path) not in styles:
                add(element, f"the page loads the stylesheet '{element.get('href')}', which the site does not list",
                    element.get("href", ""))
        elif tag in ("set", "animate") and (element.get("attributename") or "").lower() in ("href", "xlink:href"):
            add(element, f"the page's SVG animates a link (<{tag} attributeName=\"href\">)", f"<{tag}")
        elif tag in ("set", "animate") and (element.get("attributename") or "").lower().startswith("on"):
            add(element, f"the page's SVG animates an event handler (<{tag} attributeName=\"{element.get('attributename')}\">)",
                f"<{tag}")
        for name, value in element.attrib.items():
            name = name.lower()
            if name.startswith("on"):
                add(element, f"the page gives an element the event-handler attribute '{name}'", name)
            elif name in ("srcdoc", "formaction"):
                add(element, f"the page uses the attribute '{name}'", name)
            elif name in URL_ATTRIBUTES and _scheme_problem(name, value):
                add(element, f"the page holds a '{_INVISIBLE.sub('', value)[:20]}…' URL", value.strip()[:12])
            elif name == "style" and not (tag in ("td", "th") and ALIGNMENT_STYLE.fullmatch(value.strip())):
                add(element, "the page gives an element a style attribute", "style=")
    return problems


def source_line(source: str, needle: str) -> int:
    """The first line of the contributor's file that holds `needle` (case-insensitive), or 0."""
    if not needle:
        return 0
    lowered, wanted = source.lower(), needle.lower()
    at = lowered.find(wanted)
    return source.count("\n", 0, at) + 1 if at >= 0 else 0


# What the published site may hold, by type. Pages and files are checked as they are written, but
# steps after that (downloads, the print edition, the Data page's sizes, the theme's copied files)
# write to the site too: this last look reads every published file as a reader's browser gets it.
DATA_TYPES = (".json", ".jsonld", ".csv", ".xlsx", ".zip", ".pdf", ".txt", ".bib", ".ris")
MEDIA_TYPES = (".png", ".jpg", ".jpeg", ".gif", ".webp", ".avif", ".ico", ".woff", ".woff2", ".ttf", ".otf")
# XML only as the sitemap: any other XML file could carry XHTML script on the site's address.
XML_FILES = ("sitemap.xml", "sitemap.xml.gz")
_HASH_SOURCE = re.compile(r"'sha256-[A-Za-z0-9+/]+={0,2}'")
_POLICY = re.compile(rb'<meta http-equiv="Content-Security-Policy" content="([^"]*)">')

SITE_FIX = ("readers would receive this file unchecked. If it is in overrides/ (copied as it is), remove it "
            "or, for a script or style, ask a maintainer to list it (kb/csp.py); otherwise find the build step "
            "that writes it (hooks/, kb/) and make it write only the site's page, data, media and listed asset types")


def published_file_problems(path: str, data: bytes, assets: dict[str, bytes], base_path: str = "/") -> list[OutputProblem]:
    """One published file (its site path and bytes) held to the published-file allow-list. `assets`
    maps the site path of every script and style pages may load to its trusted bytes."""
    suffix = posixpath.splitext(path)[1].lower()
    name = posixpath.basename(path)
    if suffix == ".html":
        return _published_page_problems(path, data, assets, base_path)
    if suffix in (".js", ".css"):
        if path not in assets:
            return [OutputProblem(0, f"a {'script' if suffix == '.js' else 'style'} file that is neither the "
                                  "theme's nor one the site lists (SITE_SCRIPTS, SITE_STYLES in kb/csp.py)", "")]
        if data != assets[path]:
            return [OutputProblem(0, "the published copy differs from the reviewed file it was copied from", "")]
        return []
    if suffix == ".map":
        return [] if path[: -len(".map")] in assets else [OutputProblem(0, "a source map of no listed script or style", "")]
    if suffix == ".svg":
        return [OutputProblem(p.line or 1, p.message, "") for p in check_svg(data, path)]
    if path in XML_FILES or suffix in DATA_TYPES + MEDIA_TYPES:
        return []
    return [OutputProblem(0, f"a '{suffix or name}' file is published, which is none of the site's file types", "")]


def _published_page_problems(path: str, data: bytes, assets: dict[str, bytes], base_path: str) -> list[OutputProblem]:
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        return [OutputProblem(1, "the published page is not UTF-8", "")]
    page_url = path[: -len("index.html")] if path.endswith("/index.html") or path == "index.html" else path
    scripts = frozenset(p for p in assets if p.endswith(".js"))
    styles = frozenset(p for p in assets if p.endswith(".css"))
    problems = page_output_problems(text, page_url, scripts, styles, base_path)
    policies = _POLICY.findall(data)
    # page_output_problems refuses a <meta http-equiv>; the site's own policy is the one allowed.
    if len(policies) == 1:
        problems = [p for p in problems if not (p.needle == "http-equiv" and '"Content-Security-Policy"' in p.message)]
    if len(policies) != 1:
        problems.append(OutputProblem(1, f"the published page carries {len(policies)} Content-Security-Policies, not one", ""))
    else:
        script_src = policies[0].decode().split("script-src ", 1)[-1].split(";", 1)[0].split()
        if not script_src or not all(_HASH_SOURCE.fullmatch(s) for s in script_src):
            problems.append(OutputProblem(1, f"the published page's policy lets scripts run by place ({' '.join(script_src)}), "
                                          "not by hash", ""))
        first_script = data.find(b"<script")
        if first_script != -1 and first_script < data.find(b"Content-Security-Policy"):
            problems.append(OutputProblem(data.count(b"\n", 0, first_script) + 1,
                                          "a script comes before the page's Content-Security-Policy", ""))
    return problems


def check_published_site(site_dir: Path, assets: dict[str, bytes], base_path: str = "/") -> list[Problem]:
    """Every file of the built site, as readers receive it (published_file_problems)."""
    problems = []
    for path in sorted(p for p in site_dir.rglob("*") if p.is_file()):
        name = path.relative_to(site_dir).as_posix()
        for p in published_file_problems(name, path.read_bytes(), assets, base_path):
            problems.append(Problem(f"{site_dir.name}/{name}", p.line, "", f"the published file: {p.message}", SITE_FIX))
    return problems
