"""The Content-Security-Policy every built page carries, as a <meta http-equiv> (GitHub Pages
sets no headers).

The policy allows script from the site's own files and, inline, only the theme's *known* small
scripts, by their hashes. Those scripts are recognised by their exact shape (Material 9.8): the
`__md_scope` bootstrap (its URL depends on the page's depth), the palette restore and the tabbed
anchor fix. Any other inline script is refused: hashing whatever a page holds would whitelist an
injected one. JSON data blocks (`application/json`, `application/ld+json`) are not run and need
no hash. If a theme upgrade changes its inline scripts the build says so; update KNOWN_INLINE_SCRIPTS.
"""

from __future__ import annotations

import base64
import hashlib
import re

POLICY = ("default-src 'self'; script-src 'self' {hashes}; style-src 'self' 'unsafe-inline'; "
          "img-src 'self' data:; object-src 'none'; base-uri 'self'; form-action 'self'")

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
    return "'sha256-" + base64.b64encode(hashlib.sha256(body.encode("utf-8")).digest()).decode("ascii") + "'"


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


def content_security_policy(html: str) -> str:
    return POLICY.format(hashes=" ".join(inline_script_hashes(html))).replace("'self' ;", "'self';")


def add_content_security_policy(html: str) -> str:
    """The page with its CSP <meta> first in <head> (a meta policy covers only what follows it)."""
    meta = f'<meta http-equiv="Content-Security-Policy" content="{content_security_policy(html)}">'
    charset = re.search(r"<meta charset=[^>]*>", html, re.IGNORECASE)
    if charset:
        return html[: charset.end()] + "\n    " + meta + html[charset.end():]
    head = re.search(r"<head\b[^>]*>", html, re.IGNORECASE)
    if head:
        return html[: head.end()] + meta + html[head.end():]
    return meta + html
