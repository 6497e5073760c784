"""Every quotation the English edition shows, held against the text it quotes.

The repository does not hold the paper, so a quotation of the paper is checked by the hash of its
exact wording (words and punctuation, case and typographic quotes folded):
`scripts/paper_quotations.py PAPER.md` writes tests/fixtures/paper-quotations.txt with the hash
of every quotation the site shows that the paper contains. A quotation edited by one word or one
comma has another hash and fails. Quotations of other texts (a UN paragraph, a treaty article)
are compared with that paragraph's words, kept in tests/fixtures/other-quotations.yml.
"""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

from . import sitemap

_TOKEN = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*|'[a-z]+|[,;:.()?!]")   # "Civilization's" = "civilization" + "'s"
# Quoted spans in English text: “…” or "…" on one line.
_QUOTED = re.compile(r"“([^”]+)”|\"([^\"\n]+)\"")
_FRONT_MATTER = re.compile(r"\A---\n.*?\n---\n", re.DOTALL)
_FENCE = re.compile(r"^```.*?^```", re.DOTALL | re.MULTILINE)
_ADMONITION = re.compile(r'^\s*(?:!!!|\?\?\?\+?)\s+\w+(?:\s+[\w-]+)*\s+"[^"]*"\s*$', re.MULTILINE)
MIN_WORDS = 3       # shorter quoted words ("my country first") are names or terms, not quotations
ELLIPSIS = re.compile(r"\s*(?:…|\.\.\.)\s*")


def tokens(text: str) -> list[str]:
    """Words, apostrophes and punctuation, lower case, quotation marks left out; the paper's dead
    '[text](#)' links read as their text."""
    text = text.lower().replace("’", "'").replace("‘", "'").replace("—", " — ").replace("–", "-")
    text = re.sub(r"(?<![a-z0-9])'|'(?![a-z])", " ", text)   # quotation marks, nested or not; apostrophes stay
    text = re.sub(r"\[([^\]]*)\]\(#\)", r"\1", text)
    text = re.sub(r"[*_]", "", text)
    return _TOKEN.findall(text)


def normalized(text: str) -> str:
    """The wording a quotation must keep: its tokens, without the sentence's closing stop."""
    return " ".join(tokens(text)).strip(" ,.;:")


def quote_hash(text: str) -> str:
    return hashlib.sha1(normalized(text).encode("utf-8")).hexdigest()[:16]


def pieces(quotation: str) -> list[str]:
    """A quotation with an ellipsis quotes each piece on its own."""
    return [p for p in ELLIPSIS.split(quotation) if len(p.split()) >= 1 and normalized(p)]


def quoted_spans(text: str) -> list[str]:
    """The texts in quotation marks of MIN_WORDS words or more (a Markdown page's front matter,
    code blocks and admonition titles left out)."""
    text = _FRONT_MATTER.sub("", text)
    text = _FENCE.sub("", text)
    text = _ADMONITION.sub("", text)
    spans = []
    for match in _QUOTED.finditer(text):
        span = match.group(1) or match.group(2)
        if len(span.split()) >= MIN_WORDS and "=" not in span:
            spans.append(" ".join(span.split()))
    return spans


def english_strings(item, path: str = ""):
    """(path, text) for every string in a data entry outside its Spanish block."""
    if isinstance(item, str):
        yield path, item
    elif isinstance(item, dict):
        for key, value in item.items():
            if key != "es":
                yield from english_strings(value, f"{path}.{key}" if path else str(key))
    elif isinstance(item, list):
        for i, value in enumerate(item):
            yield from english_strings(value, f"{path}[{i}]")


def site_quotations(root: Path, data: dict[str, list]) -> list[tuple[str, str, str]]:
    """(where, kind, text) for every quotation of the English edition: the glossary's `quotation`
    fields (kind: their `quotation_from` kind) and every quoted span in the data's English fields
    and the English pages (kind: "quoted")."""
    found, glossary = [], sitemap.BY_KEY["glossary"]
    for entry in data.get(glossary.data_name, []):
        source = entry.get("quotation_from") or {}
        if entry.get("en", {}).get("quotation"):
            found.append((f"{glossary.data_file}:{entry['slug']}.en.quotation", source.get("kind", ""),
                          " ".join(entry["en"]["quotation"].split())))
    for name, entries in sorted(data.items()):
        for entry in entries:
            for path, text in english_strings(entry):
                if path.endswith("en.quotation"):
                    continue
                for span in quoted_spans(text):
                    found.append((f"data/{name}:{entry.get('slug', '')}.{path}", "quoted", span))
    for page in sorted((root / "docs").rglob("*.md")):
        if page.name.endswith(".es.md"):
            continue
        for span in quoted_spans(page.read_text(encoding="utf-8")):
            found.append((page.relative_to(root).as_posix(), "quoted", span))
    return found


def in_text(quotation: str, source_text: str) -> bool:
    """Each piece of the quotation is a run of the source's exact words and punctuation."""
    haystack = " " + normalized(source_text) + " "
    return all(f" {normalized(p)} " in haystack for p in pieces(quotation))
