"""The paper the site presents: its reference, in one place (citations, downloads, quotations)."""

from __future__ import annotations

PAPER_URL = "https://stanleycenter.org/publications/strategy-mass-violence-prevention/"
PAPER = {
    "title": "Strategy Consultation on Mass Violence and Atrocity Prevention",
    "genre": "Discussion Paper",
    "publisher": "Stanley Center for Peace and Security",
    "date": "2020-09",
    "url": PAPER_URL,
}
# The paper's English titles (its own, and its publication page's): on Spanish pages they are
# marked lang="en", so that screen readers read them in English.
PAPER_TITLES = (PAPER["title"], "Assessing Our Strategic Priorities for Mass Violence and Atrocity Prevention")
