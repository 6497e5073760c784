"""The Content-Security-Policy every built page carries, as a <meta http-equiv> (GitHub Pages
sets no headers).

The policy names what may run, by hash: each script file the page loads (the theme's, or one of
the site's listed in SITE_SCRIPTS), whose <script> tag carries the same hash as `integrity`, and
the theme's *known* small inline scripts. A file a pull request adds does not run, even if a page
loads it, until a maintainer lists it here. The hashes are of the trusted copies (the installed
theme's files, the site's files in docs/), so a published file that differs is refused by the
browser too. Inline styles are refused except the table-cell alignment Python-Markdown writes,
allowed by hash ('unsafe-hashes').

Offline copies are opened from file://, where a browser refuses every integrity check (it needs
CORS): kb/offline.py gives them offline_policy(), which allows the copy's own files ('self')
instead; the copy holds only pages that passed the output check (kb/output_safety.py).

Inline scripts are recognised by their exact shape (Material 9.8): the Those scripts are recognised by their exact shape (Material 9.8): the
`__md_scope` bootstrap (its URL depends on the page's depth), the palette restore and the tabbed
anchor fix. Any other inline script is refused: hashing whatever a page holds would whitelist an
injected one. JSON data blocks (`application/json`, `application/ld+json`) are not run and need
no hash. If a theme upgrade changes its inline scripts the build says so; update KNOWN_INLINE_SCRIPTS.
"""

from __future__ import annotations

import base64
import hashlib
import re
from pathlib import Path
from typing import Callable

POLICY = ("default-src 'self'; script-src {scripts}; worker-src 'self'; style-src 'self'{styles}; "
          "img-src 'self' data:; object-src 'none'; base-uri 'none'; form-action 'none'")

# The site's own scripts and styles, as published (site paths). Maintainers own this list
# (CODEOWNERS): adding a file here is what lets it run in every reader's browser.
SITE_SCRIPTS = ("assets/search-defer.js", "assets/terms.js", "assets/glossary.js", "assets/edition.js",
                "assets/not-found.js", "assets/javascripts/workers/kb-search.js")
SITE_STYLES = ("assets/site.css",)

DATA_SCRIPT_TYPES = {"application/json", "application/ld+json"}

_MD_SCOPE_REST = (
    ',__md_hash=e=>[...e].reduce(((e,_)=>(e<<5)-e+_.charCodeAt(0)),0),'
    '__md_get=(e,_=localStorage,t=__md_scope)=>JSON.parse(_.getItem(t.pathname+"."+e)),'
    '__md_set=(e,_,t=localStorage,a=__md_scope)=>{try{t.setItem(a.pathname+"."+e,JSON.stringify(_))}catch(e){}}')
_PALETTE = (
    'var palette=__md_get("__palette");if(palette&&palette.color){if("(prefers-color-scheme)"===palette.color.media)'
    '{var media=matchMedia("(prefers-color-scheme: light)"),input=document.querySelector(media.matches?'
    '"[data-md-color-media=\'(prefers-color-scheme: light)\']":"[data-md-color-media=\'(prefers-color-scheme: dark)\']");'
    'palette.color.media=input.getAttribute("data-md-color-media"),palette.color.scheme=input.getAttribute("data-md-color-scheme"),'
    'palette.color.primary=input.getAttribute("data-md-color-primary"),palette.color.accent=input.getAttribute("data-md-color-accent")}'
    'for(var[key,value]of Object.entries(palette.color))document.body.setAttribute("data-md-color-"+key,value)}')
_TABBED = ('var target=document.getElementById(location.hash.slice(1));'
           'target&&target.name&&(target.checked=target.name.startsWith("__tabbed_"))')

# name -> the script's exact text as a pattern (only the page-depth URL may vary: a path, no quotes)
KNOWN_INLINE_SCRIPTS: dict[str, re.Pattern] = {
    "Material's __md_scope bootstrap": re.compile(r'__md_scope=new URL\("[A-Za-z0-9._~/%-]*",location\)' + re.escape(_MD_SCOPE_REST)),
    "Material's palette restore": re.compile(re.escape(_PALETTE)),
    "Material's tabbed anchor fix": re.compile(re.escape(_TABBED)),
}

_SCRIPT = re.compile(r"<script\b([^>]*)>(.*?)</script\s*>", re.IGNORECASE | re.DOTALL)
_TYPE = re.compile(r"""\btype\s*=\s*["']?([^"'\s>]+)""", re.IGNORECASE)
_SRC = re.compile(r"\bsrc\s*=", re.IGNORECASE)


class UnknownInlineScript(ValueError):
    """A page holds an inline script that is not one of the theme's known ones."""


def script_hash(body: str) -> str:
    return file_hash(body.encode("utf-8"))


def known_script_name(body: str) -> str | None:
    return next((name for name, pattern in KNOWN_INLINE_SCRIPTS.items() if pattern.fullmatch(body)), None)


def inline_script_hashes(html: str) -> list[str]:
    """Hashes of the page's inline scripts, all of which must be known theme scripts."""
    hashes = []
    for match in _SCRIPT.finditer(html):
        attributes, body = match.group(1), match.group(2)
        if _SRC.search(attributes):
            continue
        kind = _TYPE.search(attributes)
        if kind and kind.group(1).lower() in DATA_SCRIPT_TYPES:
            continue
        if known_script_name(body) is None:
            start = html.count("\n", 0, match.start()) + 1
            raise UnknownInlineScript(
                f"line {start} of the built page holds an inline script the site does not know: "
                f"{' '.join(body.split())[:80]!r}. Put the code in a file under docs/assets/ and load it "
                "with <script src> (overrides/main.html); if a theme upgrade changed its own inline "
                "scripts, update KNOWN_INLINE_SCRIPTS in kb/csp.py")
        digest = script_hash(body)
        if digest not in hashes:
            hashes.append(digest)
    return hashes


def trusted_assets(theme_dirs: list[Path], docs_dir: Path, custom_dir: Path | None = None) -> dict[str, bytes]:
    """Site path -> bytes of every script and style a page may load: the installed theme's own
    files (the first theme folder that has a file wins, as MkDocs copies them) and the site's
    listed ones, read from where they are reviewed, not from the published copy. The site's theme
    folder (`custom_dir`, overrides/) is the site's own: a script or style there counts only if
    SITE_SCRIPTS or SITE_STYLES lists it, as in docs/."""
    listed = SITE_SCRIPTS + SITE_STYLES
    assets: dict[str, bytes] = {}
    for folder in reversed(theme_dirs):
        own = custom_dir is not None and folder.resolve() == Path(custom_dir).resolve()
        for path in sorted(folder.rglob("*")):
            name = path.relative_to(folder).as_posix()
            if path.suffix in (".js", ".css") and path.is_file() and (not own or name in listed):
                assets[name] = path.read_bytes()
    for name in listed:
        path = docs_dir / name
        if path.is_file():
            assets[name] = path.read_bytes()
    return assets


def file_hash(data: bytes) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(data).digest()).decode("ascii") + "'"


_SCRIPT_SRC = re.compile(r"""<script\b([^>]*?)\ssrc="([^"]+)"([^>]*)>""", re.IGNORECASE)
_STYLE_ATTR = re.compile(r'\sstyle="([^"]*)"')


def add_integrity(html: str, hash_of: Callable[[str], str]) -> tuple[str, list[str]]:
    """Every <script src> given `integrity` = the hash of the trusted file (hash_of(src); the
    output check has already refused any script the site does not list); returns the page and
    the hashes, in order."""
    hashes: list[str] = []

    def tag(match: re.Match) -> str:
        digest = hash_of(match.group(2))
        if digest not in hashes:
            hashes.append(digest)
        value = digest.strip("'")
        return f'<script{match.group(1)} src="{match.group(2)}" integrity="{value}"{match.group(3)}>'

    return _SCRIPT_SRC.sub(tag, html), hashes


def content_security_policy(html: str, file_hashes: list[str] = ()) -> str:
    scripts = " ".join([*file_hashes, *inline_script_hashes(html)]) or "'none'"
    styles = sorted({script_hash(style) for style in _STYLE_ATTR.findall(html)})
    return POLICY.format(scripts=scripts, styles=(" 'unsafe-hashes' " + " ".join(styles)) if styles else "")


def add_content_security_policy(html: str, hash_of: Callable[[str], str] | None = None) -> str:
    """The page with its CSP <meta> first in <head> (a meta policy covers only what follows it),
    and each script tag with its integrity hash."""
    file_hashes: list[str] = []
    if hash_of is not None:
        html, file_hashes = add_integrity(html, hash_of)
    meta = f'<meta http-equiv="Content-Security-Policy" content="{content_security_policy(html, file_hashes)}">'
    charset = re.search(r"<meta charset=[^>]*>", html, re.IGNORECASE)
    if charset:
        return html[: charset.end()] + "\n    " + meta + html[charset.end():]
    head = re.search(r"<head\b[^>]*>", html, re.IGNORECASE)
    if head:
        return html[: head.end()] + meta + html[head.end():]
    return meta + html


_POLICY_META = re.compile(r'(<meta http-equiv="Content-Security-Policy" content="[^"]*script-src )([^;]*)(;)')
_INTEGRITY = re.compile(r'(<script\b[^>]*?) integrity="[^"]*"')


def offline_policy(html: str) -> str:
    """A page for a copy opened from file://: integrity dropped (browsers refuse it there), the
    copy's own files allowed instead; the inline hashes stay."""
    html = _INTEGRITY.sub(r"\1", html)
    def scripts(match: re.Match) -> str:
        hashes = [h for h in match.group(2).split() if h != "'none'"]
        return match.group(1) + " ".join(["'self'", *hashes]) + match.group(3)
    return _POLICY_META.sub(scripts, html, count=1)
