"""The site's stylesheet is well formed: an unclosed block (a merge once left an `@media` rule
open) silently confines every later rule to phones, and no build or validator notices."""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_every_block_of_site_css_is_closed_where_it_should_be():
    css = re.sub(r"/\*.*?\*/", "", (ROOT / "docs" / "assets" / "site.css").read_text(encoding="utf-8"), flags=re.S)
    css = re.sub(r'"(?:[^"\\]|\\.)*"', '""', css)
    depth = 0
    for number, line in enumerate(css.splitlines(), start=1):
        for char in line:
            depth += {"{": 1, "}": -1}.get(char, 0)
            assert depth >= 0, f"docs/assets/site.css:{number}: a '}}' closes nothing"
    assert depth == 0, "docs/assets/site.css: a block is never closed"


def test_the_quotation_rules_apply_at_every_width():
    """The rules for quotations and provenance labels sit at the top level, not inside a media query."""
    css = re.sub(r"/\*.*?\*/", "", (ROOT / "docs" / "assets" / "site.css").read_text(encoding="utf-8"), flags=re.S)
    at = css.index(".md-typeset figure.kb-quotation")
    before = css[:at]
    assert before.count("{") == before.count("}"), "the quotation rule is nested inside another block"
