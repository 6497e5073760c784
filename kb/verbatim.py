"""Find long runs of the paper's own wording in the site's text, without storing the paper.

The repository keeps only hashes of the paper's 13-word sequences ("shingles"), made by
`scripts/paper_shingles.py PAPER.md > tests/fixtures/paper-shingles.txt`; a run of 13 or more
words that the site shares with the paper outside quotation marks is prose the site copied.
"""

from __future__ import annotations

import hashlib
import re

SHINGLE = 13
_WORD = re.compile(r"[a-z0-9]+(?:'[a-z]+)?")
# Quoted text is the paper's on purpose: “…”, "…", «…» and ‘…’ spans are left out of the count.
QUOTED = re.compile(r"“[^”]*”|\"[^\"]*\"|«[^»]*»")


def words(text: str) -> list[str]:
    text = text.lower().replace("’", "'").replace("‘", "'")
    return _WORD.findall(text)


def shingle_hash(chunk: list[str]) -> str:
    return hashlib.sha1(" ".join(chunk).encode("utf-8")).hexdigest()[:16]


def paper_shingles(paper_text: str) -> set[str]:
    """Hashes of every 13-word sequence of the paper's body (the annex's factor phrases excluded)."""
    body = paper_text.split("\nAnnex\n", 1)[0]
    body = re.sub(r"\[([^\]]*)\]\(#\)", r"\1", body)   # the paper's dead placeholder links
    ws = words(body)
    return {shingle_hash(ws[i:i + SHINGLE]) for i in range(len(ws) - SHINGLE + 1)}


def copied_words(text: str, shingles: set[str]) -> tuple[int, int, list[str]]:
    """(words outside quotations, of which copied from the paper, the copied runs)."""
    unquoted = QUOTED.sub(" ", text)
    ws = words(unquoted)
    copied = [False] * len(ws)
    for i in range(len(ws) - SHINGLE + 1):
        if shingle_hash(ws[i:i + SHINGLE]) in shingles:
            for j in range(i, i + SHINGLE):
                copied[j] = True
    runs, current = [], []
    for word, flag in zip(ws, copied):
        if flag:
            current.append(word)
        elif current:
            runs.append(" ".join(current))
            current = []
    if current:
        runs.append(" ".join(current))
    return len(ws), sum(copied), runs
