"""The labelled lines under an entry: facts in the search index, links onward out of it."""

from __future__ import annotations

import markdown

from kb.facts import facts_blocks


def test_links_onward_follow_the_facts_in_a_block_search_leaves_out():
    lines = facts_blocks(["**Scope:** Global"], ["**Cited on:** [Assumption 4](/assumptions/early-action.md)"])
    html = markdown.markdown("\n".join(lines), extensions=["md_in_html"])
    facts, links = html.split("</div>")[:2]
    assert "Scope" in facts and "data-search-exclude" not in facts
    # With a value: Python-Markdown drops a bare attribute from a <div markdown> block.
    assert 'data-search-exclude=""' in links and "Cited on" in links


def test_no_empty_block():
    assert facts_blocks(["**Scope:** Global"]) == ['<div class="kb-facts" markdown>', "", "- **Scope:** Global", "",
                                                   "</div>", ""]
    assert facts_blocks([], []) == []
