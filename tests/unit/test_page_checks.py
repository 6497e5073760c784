"""Page mistakes MkDocs reports without a line or a fix (or not at all)."""

from kb.page_checks import check_headings, check_links, heading_ids

PAGES = {"index.md", "about.md", "glossary.md", "assumptions/index.md", "assumptions/evidence.md"}
ANCHORS = {"glossary.md": {"genocide", "hate-speech"}, "about.md": {"two-parts"}}


def test_link_to_a_missing_page_names_the_line_and_the_nearest_page():
    text = "Intro\n\nSee [the evidence](/assumptions/evidense.md) and [home](../index.md).\n"
    [problem] = check_links(text, "docs/assumptions/labels.md", "assumptions/labels.md", PAGES, ANCHORS, line_offset=3)
    assert (problem.file, problem.line) == ("docs/assumptions/labels.md", 6)
    assert "did you mean '/assumptions/evidence.md'" in problem.fix


def test_link_to_a_missing_anchor_suggests_the_nearest():
    text = "A [term](/glossary.md#genocid), [ok](/glossary.md#genocide), [self](#two-parts), [web](https://x.org/#a)\n"
    [problem] = check_links(text, "docs/about.es.md", "about.md", PAGES, ANCHORS)
    assert problem.line == 1 and "did you mean '#genocide'" in problem.fix


def test_links_in_code_blocks_are_not_checked():
    text = "```\n[x](/nowhere.md)\n```\n"
    assert check_links(text, "docs/about.md", "about.md", PAGES, ANCHORS) == []


def test_heading_without_id_gets_a_suggested_id():
    [problem] = check_headings("# Title\n\n## Local ownership\n", "docs/x.md")
    assert problem.line == 3 and "{ #local-ownership }" in problem.fix


def test_spanish_heading_ids_must_be_the_english_ones():
    english = heading_ids("## Local ownership { #local-ownership }\n\n## Evidence { #evidence }\n")
    spanish = "## Apropiación local { #apropiacion-local }\n\n## Evidencia { #evidense }\n"
    problems = check_headings(spanish, "docs/x.es.md", english)
    assert any(p.line == 1 and "evidence, local-ownership" in p.fix for p in problems)       # a translated id
    assert any(p.line == 3 and "did you mean 'evidence'" in p.fix for p in problems)         # a typo
    assert any("'local-ownership' that this page lacks" in p.message for p in problems)
