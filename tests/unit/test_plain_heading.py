"""A heading's plain text, as every output (citations, JSON-LD, exports, cards) uses it."""

import pytest

from kb.pages import plain_heading, read_titles


@pytest.mark.parametrize("heading, plain", [
    ("Atrocity Prevention Knowledge Base: print edition { #print-edition }",
     "Atrocity Prevention Knowledge Base: print edition"),
    ("Glossary {: #glossary .wide }", "Glossary"),
    ("Glossary {#glossary}", "Glossary"),
    ("The *Responsibility to Protect*", "The Responsibility to Protect"),
    ("**Bold** and `code`", "Bold and code"),
    ("See [the paper](https://example.org/) now", "See the paper now"),
    ("A <abbr title='x'>UN</abbr> page", "A UN page"),
    ("Closing hashes ##", "Closing hashes"),
    ("Sets {a, b} stay", "Sets {a, b} stay"),
    ("C# stays", "C# stays"),
])
def test_plain_heading(heading, plain):
    assert plain_heading(heading) == plain


def test_titles_are_read_clean_in_both_languages():
    sources = {"print.md": "---\ndescription: x\n---\n# Print edition { #print-edition }\n",
               "print.es.md": "# Edición para imprimir { #print-edition }\n"}
    assert read_titles(sources, "en", "en") == {"print.md": "Print edition"}
    assert read_titles(sources, "es", "en") == {"print.md": "Edición para imprimir"}
