"""Fingerprints that tie each Spanish text to the English text it translates.

A Spanish data block records `translated_from: <fingerprint of its en block>`; a Spanish page
records `translation_of: <fingerprint of its English page>` in its front matter. When the English
changes, the fingerprints differ and the Spanish is reported as out of date.
"""

from __future__ import annotations

import hashlib
import json
import re

from pydantic import BaseModel

from .front_matter import split

CURRENT, STALE, MISSING = "current", "stale", "missing"


def _digest(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:10]


LATER_OPTIONAL = {"quotation", "attribution", "context", "wording"}


def block_fingerprint(block: BaseModel) -> str:
    """Fingerprint of an English data block: every field, in a stable order, whitespace folded."""
    # Optional fields added to the schema later count only once they hold text, so that adding a
    # field does not mark every existing translation out of date.
    fields = {k: v for k, v in block.model_dump().items() if k not in LATER_OPTIONAL or v}
    return _digest(json.dumps(fields, sort_keys=True, ensure_ascii=False, separators=(",", ":")))


def page_fingerprint(markdown: str) -> str:
    """Fingerprint of an English page's text: front matter and whitespace differences ignored."""
    body = split(markdown)[1]
    return _digest(" ".join(body.split()))


def entry_status(entry) -> str:
    if entry.es is None:
        return MISSING
    return CURRENT if entry.es.translated_from == block_fingerprint(entry.en) else STALE


def page_status(english_markdown: str, spanish_meta: dict | None) -> str:
    if spanish_meta is None:
        return MISSING
    recorded = str(spanish_meta.get("translation_of", "") or "")
    return CURRENT if recorded == page_fingerprint(english_markdown) else STALE


def stamp_front_matter(spanish_markdown: str, fingerprint: str) -> str:
    """Set `translation_of:` in a Spanish page's front matter, adding front matter if needed."""
    block, body, _ = split(spanish_markdown)
    line = f'translation_of: "{fingerprint}"'  # quoted: an all-digit fingerprint would read as a number
    if block is None:
        return f"---\n{line}\n---\n\n{spanish_markdown}"
    if re.search(r"^translation_of:.*$", block, re.MULTILINE):
        block = re.sub(r"^translation_of:.*$", line, block, count=1, flags=re.MULTILINE)
    else:
        block += line + "\n"
    return f"---\n{block}---\n{body}"


def stamp_yaml_lines(lines: list[str], es_line: int, fingerprint_line: int | None, fingerprint: str) -> list[str]:
    """Write a fingerprint into YAML text by line, keeping every other line (and comment) as it is.

    `es_line` is the 1-based line of the `es:` key; `fingerprint_line` that of an existing
    `translated_from:` key inside the es block, if any.
    """
    lines = list(lines)
    if fingerprint_line:
        index = fingerprint_line - 1
        # Only the value: in a one-line block ("es: {translated_from: ..., heading: ...}") more follows.
        lines[index] = re.sub(r"(translated_from:)\s*(\"[^\"]*\"|'[^']*'|[^,}\s]*)", rf'\g<1> "{fingerprint}"',
                              lines[index].rstrip("\n"), count=1) + "\n"
        return lines
    # A one-line block ("es: {heading: ...}"): add the key inside its braces.
    flow = re.match(r"^(\s*es:\s*\{)(\s*)", lines[es_line - 1])
    if flow:
        line = lines[es_line - 1]
        lines[es_line - 1] = f'{flow.group(1)}translated_from: "{fingerprint}", ' + line[flow.end():]
        return lines
    # No key yet: add it as the first field of the es block, with that block's indentation.
    first_field = lines[es_line] if es_line < len(lines) else ""
    indent = re.match(r"\s*", first_field).group(0) or " " * (len(re.match(r"\s*", lines[es_line - 1]).group(0)) + 2)
    lines.insert(es_line, f'{indent}translated_from: "{fingerprint}"\n')
    return lines
