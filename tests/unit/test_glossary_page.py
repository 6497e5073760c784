"""The glossary renderer: entries collapse to term and first sentence, and carry the names a
reader may type into the filter."""

from __future__ import annotations

from pathlib import Path

from kb.context import RenderContext
from kb.glossary_page import match_text, render_entry, split_definition
from kb.knowledge import load_knowledge

ROOT = Path(__file__).resolve().parents[2]


def test_a_definition_splits_into_its_first_sentence_and_the_rest():
    assert split_definition("One thing. Then more. And more.") == ("One thing.", "Then more. And more.")
    assert split_definition("Only one sentence.") == ("Only one sentence.", "")


def test_an_entry_matches_its_names_in_both_languages():
    k = load_knowledge(ROOT / "data")
    names = match_text(RenderContext(knowledge=k, lang="es"), k.glossary["atrocity-crimes"])
    assert "atrocity crimes" in names and "crímenes atroces" in names


def test_an_entry_shows_term_and_first_sentence_and_keeps_the_rest_inside_details():
    k = load_knowledge(ROOT / "data")
    ctx = RenderContext(knowledge=k, lang="en")
    markdown = "\n".join(render_entry(ctx, k.glossary["genocide"]))
    gist, rest = split_definition(" ".join(k.glossary["genocide"].en.definition.split()))
    heading, details = markdown.index("### Genocide { #genocide }"), markdown.index("<details")
    assert heading < details < markdown.index(gist) < markdown.index(rest[:30])
    assert markdown.count(gist) == 1                      # nothing said twice
    assert 'class="kb-facts" data-search-exclude' in markdown   # source, rendering, backlinks
