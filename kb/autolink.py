"""Link the first occurrence of each known term in a page's HTML, in one pass over the text.

Forms are indexed by their first word, so the cost of a page grows with its length and hardly
with the number of terms. Text inside links, headings, code, abbreviations, admonition titles
and SVG is never touched.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from html import escape
from typing import Iterable

from .paths import resolve_href

_HTML_PIECES = re.compile(r"<!--.*?-->|<[^>]*>|[^<]+", re.DOTALL)
_TAG_NAME = re.compile(r"<\s*(/?)\s*([a-zA-Z][a-zA-Z0-9]*)")
_CLASS = re.compile(r'\bclass\s*=\s*"([^"]*)"')
# A word: letters/digits, glued by apostrophes, colons, dots or ampersands (Impact:Peace, DM&amp;E),
# optionally led by # + or @ (#MeToo, +Peace) and ended by + (SDG16+).
_WORD = re.compile(r"[#+@]?\w+(?:(?:['’.:]|&amp;)\w+)*\+?")
SKIPPED_TAGS = {"a", "abbr", "button", "cite", "code", "em", "i", "h1", "h2", "h3", "h4", "h5", "h6", "kbd",
                "pre", "script", "select", "style", "svg", "textarea", "title", "label", "nav",
                "summary"}   # a link inside a <summary> would fight the toggle
SKIPPED_CLASSES = {"admonition-title", "kb-nolink", "headerlink", "kb-translation-notice"}
VOID_TAGS = {"area", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}


@dataclass(frozen=True)
class Target:
    key: str        # unique id of what is linked, e.g. "glossary:genocide"
    href: str       # where the link leads, relative to the page
    title: str      # tooltip text
    css_class: str  # "kb-term" or "kb-org"


def _base(word: str) -> str:
    """A word without its possessive ending, so that "Interpeace's" finds "Interpeace"."""
    return word[:-2] if len(word) > 2 and word[-1] in "sS" and word[-2] in "'’" else word


@dataclass(frozen=True)
class _Form:
    words: tuple[str, ...]      # normalized words
    gaps: tuple[str, ...]       # what separates them, whitespace folded to " "
    key: str
    case_sensitive: bool


def _is_case_sensitive(form: str) -> bool:
    """Acronyms and names with inner capitals (R2P, GAAMAC, MeToo) must match exactly."""
    return any(any(c.isupper() for c in word[1:]) for word in _WORD.findall(form))


def _plural_forms(form: str) -> list[str]:
    """Regular plurals of the last word, so that 'atrocity crime' also finds 'atrocity crimes'."""
    match = re.search(r"([^\W\d_]+)$", form)
    if not match or _is_case_sensitive(form):
        return [form]
    stem = form[: match.start()]
    last = match.group(1)
    forms = {form, f"{stem}{last}s", f"{stem}{last}es"}
    if last.endswith("y"):
        forms.add(f"{stem}{last[:-1]}ies")
    return sorted(forms)


class TermMatcher:
    """Finds leftmost-longest occurrences of many forms in text."""

    def __init__(self, forms: Iterable[tuple[str, str]]):
        self._by_first_word: dict[str, list[_Form]] = {}
        for text, key in forms:
            for variant in _plural_forms(text.strip()):
                self._add(escape(variant, quote=False), key)
        for candidates in self._by_first_word.values():
            candidates.sort(key=lambda f: -len(f.words))

    def _add(self, form: str, key: str) -> None:
        spans = list(_WORD.finditer(form))
        if not spans:
            return
        sensitive = _is_case_sensitive(form)
        words = tuple(_base(m.group(0)) if sensitive else _base(m.group(0)).casefold() for m in spans)
        gaps = tuple(" ".join(form[a.end():b.start()].split()) or " " for a, b in zip(spans, spans[1:]))
        self._by_first_word.setdefault(words[0].casefold(), []).append(_Form(words, gaps, key, sensitive))

    def find(self, text: str):
        """Yield (start, end, key) for non-overlapping matches, longest first at each position."""
        spans = [(m.start(), m.end(), _base(m.group(0))) for m in _WORD.finditer(text)]
        folded = [word.casefold() for _, _, word in spans]
        index = self._by_first_word
        i = 0
        while i < len(spans):
            candidates = index.get(folded[i])
            found = self._match_at(text, spans, folded, i, candidates) if candidates else None
            if found is None:
                i += 1
                continue
            length, key = found
            yield spans[i][0], spans[i + length - 1][1], key
            i += length

    @staticmethod
    def _match_at(text, spans, folded, i, candidates):
        for form in candidates:
            n = len(form.words)
            if i + n > len(spans):
                continue
            words = [spans[i + j][2] for j in range(n)] if form.case_sensitive else folded[i:i + n]
            if list(form.words) != words:
                continue
            if all((" ".join(text[spans[i + j][1]:spans[i + j + 1][0]].split()) or " ") == form.gaps[j]
                   for j in range(n - 1)):
                return n, form.key
        return None


def link_first_occurrences(html: str, matcher: TermMatcher, targets: dict[str, Target],
                           already_linked: set[str] = frozenset(), url_prefix: str = "") -> tuple[str, set[str]]:
    """Return the HTML with the first occurrence of each target linked, and the keys linked.

    Keys in `already_linked` (the page links them by hand) are not linked again. `url_prefix`
    leads from the page to the site root ("../../"), in front of each target's href. The text is
    read in NFC, as the terms are: "é" typed as "e" and a combining accent still matches.
    """
    html = unicodedata.normalize("NFC", html)
    done = set(already_linked)
    linked: set[str] = set()
    out: list[str] = []
    skip_stack: list[str] = []
    for piece in _HTML_PIECES.finditer(html):
        chunk = piece.group(0)
        if chunk.startswith("<"):
            _track(chunk, skip_stack)
            out.append(chunk)
        elif skip_stack or not chunk.strip():
            out.append(chunk)
        else:
            out.append(_link_text(chunk, matcher, targets, done, linked, url_prefix))
    return "".join(out), linked


def _track(tag: str, skip_stack: list[str]) -> None:
    if tag.startswith("<!--"):
        return
    match = _TAG_NAME.match(tag)
    if not match:
        return
    closing, name = match.group(1) == "/", match.group(2).lower()
    if skip_stack:
        if name == skip_stack[-1] and not tag.endswith("/>"):
            if closing:
                skip_stack.pop()
            else:
                skip_stack.append(name)
        return
    if closing or name in VOID_TAGS or tag.endswith("/>"):
        return
    classes = set((_CLASS.search(tag) or [None, ""])[1].split())
    if name in SKIPPED_TAGS or classes & SKIPPED_CLASSES:
        skip_stack.append(name)


def _link_text(text: str, matcher: TermMatcher, targets: dict[str, Target], done: set[str], linked: set[str],
               url_prefix: str) -> str:
    out, last = [], 0
    addresses = [m.span() for m in _BARE_ADDRESS.finditer(text)]
    for start, end, key in matcher.find(text):
        if key in done or key not in targets:
            continue
        if any(a < end and start < b for a, b in addresses):   # never split a web address written out
            continue
        target = targets[key]
        out.append(text[last:start])
        out.append(f'<a href="{escape(url_prefix + target.href)}" class="{target.css_class}" '
                   f'title="{escape(target.title)}">{text[start:end]}</a>')
        last = end
        done.add(key)
        linked.add(key)
    out.append(text[last:])
    return "".join(out)


_HREF = re.compile(r'<a\s[^>]*?href="([^"#]*)(#[^"]*)?"')
_BARE_ADDRESS = re.compile(r"\b(?:[a-z][a-z0-9+.-]*://|www\.)[^\s<>\"']+", re.IGNORECASE)


def site_paths_linked(html: str, page_url: str) -> set[str]:
    """Every link of the page, as a site-relative URL with its anchor ("es/glossary/#genocide")."""
    found = set()
    for path, anchor in _HREF.findall(html):
        if "://" in path or path.startswith(("mailto:", "/")):
            continue
        found.add(resolve_href(path, page_url) + (anchor or ""))
    return found


_ID = re.compile(r'\bid="([A-Za-z0-9_-]+)"')


def first_link_anchors(html: str, page_url: str) -> dict[str, str]:
    """For each site path the page links to, the id of the section (or factor) holding its first
    link, so that "Used on" backlinks land on the spot and not at the top of a long page."""
    ids = [(m.start(), m.group(1)) for m in _ID.finditer(html)]
    found: dict[str, str] = {}
    for match in _HREF.finditer(html):
        path, anchor = match.group(1), match.group(2)
        if "://" in path or path.startswith(("mailto:", "/")):
            continue
        key = resolve_href(path, page_url) + (anchor or "")
        if key in found:
            continue
        before = [name for at, name in ids if at < match.start()]
        found[key] = before[-1] if before else ""
    return found
