"""Reading and checking pages (kb/pages.py): anchors come from what the renderers produce."""

from pathlib import Path

from kb.knowledge import load_knowledge
from kb.pages import check_pages, known_anchors, related_left_out_of_search, split_front_matter

FIXTURE = Path(__file__).resolve().parent.parent / "fixtures" / "data"
PAGE = "---\ndescription: d\n---\n\n# {title}\n\n{body}\n"


def test_anchors_are_the_ids_the_rendered_page_has():
    k = load_knowledge(FIXTURE)
    sources = {"glossary.md": PAGE.format(title="Glossary", body="<!-- kb:glossary -->"),
               "about.md": PAGE.format(title="About", body="## Scope { #scope }\n\nText.")}
    anchors = known_anchors(sources, k)
    assert set(k.glossary) <= anchors["glossary.md"]
    assert {"letter-a", "letter-g"} <= anchors["glossary.md"] and "letter-q" not in anchors["glossary.md"]
    assert anchors["about.md"] == {"scope"}
    assert {"risks", "resiliencies", "about-this-page"} <= anchors["dimensions/legitimate-and-capable-authority.md"]


def test_a_link_to_an_id_no_renderer_makes_is_reported():
    k = load_knowledge(FIXTURE)
    sources = {"glossary.md": PAGE.format(title="Glossary", body="<!-- kb:glossary -->"),
               "about.md": PAGE.format(title="About", body="See [genocide](/glossary.md#genocid) and [q](/glossary.md#letter-q).")}
    found = [p for p in check_pages(sources, k) if p.file == "docs/about.md"]
    assert [p.line for p in found] == [7, 7]
    assert "did you mean '#genocide'?" in found[0].fix


def test_front_matter_and_body():
    assert split_front_matter("---\ndescription: d\n---\n# T\n") == ({"description": "d"}, "# T\n")
    assert split_front_matter("# T\n") == ({}, "# T\n")
    assert split_front_matter("---\ndescription: a: b\n---\n# T\n")[0] == {}


def test_the_related_section_is_marked_for_search_to_leave_out():
    page = "# T\n\nText.\n\n## Related {  #related }\n\n- [Other](/other.md)\n"
    assert "## Related {  #related data-search-exclude }" in related_left_out_of_search(page)
    assert related_left_out_of_search("# T\n\n## Scope { #scope }\n") == "# T\n\n## Scope { #scope }\n"
