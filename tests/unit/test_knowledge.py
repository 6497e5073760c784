"""Every mistake a contributor can make in data/ ends in a message naming file, line, entry and fix."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from kb.knowledge import load_knowledge
from kb.problems import KnowledgeError

FIXTURE = Path(__file__).resolve().parent.parent / "fixtures" / "data"


@pytest.fixture
def data(tmp_path) -> Path:
    target = tmp_path / "data"
    shutil.copytree(FIXTURE, target)
    return target


def edit(data: Path, name: str, old: str, new: str) -> None:
    path = data / name
    text = path.read_text(encoding="utf-8")
    assert old in text, f"fixture text not found: {old!r}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def problems(data: Path) -> list:
    with pytest.raises(KnowledgeError) as caught:
        load_knowledge(data)
    return caught.value.problems


def test_the_fixture_is_valid(data):
    k = load_knowledge(data)
    assert set(k.glossary) == {"genocide", "atrocity-crimes"}
    assert k.dimensions_of("risk-weak-rule-of-law")[0].slug == "legitimate-and-capable-authority"


def test_yaml_syntax_error_gives_file_line_and_hint(data):
    edit(data, "glossary.yml", "    term: genocide\n", "    term: genocide\n   definition broken: [\n")
    [problem] = problems(data)
    assert problem.file == "data/glossary.yml"
    assert problem.line in (6, 7, 8)
    assert "cannot be read" in problem.message and problem.fix


def test_unknown_key_is_named_with_a_suggestion(data):
    edit(data, "glossary.yml", "    variants: []\n", "    variants: []\n    defintion: typo\n")
    [problem] = problems(data)
    assert (problem.file, problem.line, problem.entry) == ("data/glossary.yml", 8, "genocide")
    assert "'en.defintion' is not a field" in problem.message
    assert "did you mean 'definition'" in problem.fix


def test_missing_key(data):
    edit(data, "factors.yml", "  kind: risk\n", "")
    [problem] = problems(data)
    assert (problem.file, problem.entry) == ("data/factors.yml", "risk-weak-rule-of-law")
    assert "'kind' is missing" in problem.message and "add 'kind:'" in problem.fix


def test_wrong_type(data):
    edit(data, "glossary.yml", "  related: [atrocity-crimes]", "  related: atrocity-crimes")
    [problem] = problems(data)
    assert problem.line == 3 and "should be a list" in problem.message


def test_wrong_choice_lists_the_allowed_values(data):
    edit(data, "organizations.yml", "type: ngo", "type: charity")
    [problem] = problems(data)
    assert "'charity' is not an allowed value" in problem.message and "'ngo'" in problem.fix


def test_duplicate_slug(data):
    edit(data, "factors.yml", "- slug: res-independent-judiciaries", "- slug: risk-weak-rule-of-law")
    found = problems(data)
    assert any("used twice" in p.message and p.line == 8 for p in found)


def test_slug_with_capitals_or_accents_gets_a_suggestion(data):
    edit(data, "glossary.yml", "- slug: genocide", "- slug: Genocidio_Étnico")
    found = problems(data)
    assert any("not a valid slug" in p.message and "genocidio-etnico" in p.fix for p in found)


def test_duplicate_term_after_case_and_accent_folding(data):
    edit(data, "glossary.yml", "variants: [crimen atroz]", "variants: [Genocídio]")
    found = problems(data)
    assert any("'Genocídio' is also used by 'genocide'" in p.message for p in found)


def test_reference_to_unknown_slug_suggests_the_nearest(data):
    edit(data, "glossary.yml", "related: [atrocity-crimes]", "related: [atrocity-crime]")
    [problem] = problems(data)
    assert problem.entry == "genocide" and "'atrocity-crime'" in problem.message
    assert "did you mean 'atrocity-crimes'" in problem.fix


def test_factor_no_dimension_uses(data):
    edit(data, "factors.yml", "- slug: risk-weak-rule-of-law", "- slug: risk-unused\n  kind: risk\n  en:\n    label: Unused\n- slug: risk-weak-rule-of-law")
    [problem] = problems(data)
    assert problem.entry == "risk-unused" and "no dimension lists this factor" in problem.message


def test_factor_listed_under_the_wrong_kind(data):
    edit(data, "dimensions.yml", "risks: [risk-weak-rule-of-law]", "risks: [res-independent-judiciaries]")
    found = problems(data)
    assert any("is a resilience factor but is listed under 'risks'" in p.message for p in found)


def test_empty_text(data):
    edit(data, "glossary.yml", "    definition: Acts committed", "    definition: ''\n    x_: Acts committed")
    found = problems(data)
    assert any("text is empty" in p.message for p in found)


def test_html_or_script_in_text(data):
    edit(data, "glossary.yml", "Acts committed with intent", "Acts <script>alert(1)</script> committed")
    [problem] = problems(data)
    assert "the text contains '<' (HTML" in problem.message and problem.line == 6


def test_markdown_link_in_text(data):
    edit(data, "organizations.yml", "Supports local peacebuilders.", "See [this](https://example.org).")
    [problem] = problems(data)
    assert "'[' or ']'" in problem.message and "link" in problem.message


def test_all_problems_are_reported_at_once(data):
    edit(data, "organizations.yml", "type: ngo", "type: charity")
    edit(data, "factors.yml", "  kind: risk\n", "")
    edit(data, "sources.yml", "year: 2020", "year: twenty")
    found = problems(data)
    assert {p.file for p in found} == {"data/organizations.yml", "data/factors.yml", "data/sources.yml"}


def test_missing_file_and_non_list_file(data):
    (data / "sources.yml").unlink()
    (data / "factors.yml").write_text("slug: x\n", encoding="utf-8")
    found = problems(data)
    assert any(p.file == "data/sources.yml" and "missing" in p.message for p in found)
    assert any(p.file == "data/factors.yml" and "should be a list" in p.message for p in found)


def test_unquoted_comma_in_interface_string(data):
    with (data / "interface.yml").open("a", encoding="utf-8") as f:
        f.write("extra_key: {en: One, two, es: Uno}\n")
    found = problems(data)
    assert any(p.file == "data/interface.yml" and "double quotes" in p.fix for p in found)


def test_report_reads_as_plain_text(data):
    edit(data, "organizations.yml", "type: ngo", "type: charity")
    with pytest.raises(KnowledgeError) as caught:
        load_knowledge(data)
    report = caught.value.report()
    assert report.startswith("1 problem in the site's data or pages:")
    assert "data/organizations.yml:2 [peace-direct]" in report and "How to fix:" in report


# --- pages: front matter that MkDocs would silently ignore -------------------------------------
from kb.front_matter import check_front_matter  # noqa: E402


def test_front_matter_with_an_unquoted_colon_is_reported_with_its_line():
    [problem] = check_front_matter("---\ndescription: The field: an overview\n---\n# T\n", "docs/x.es.md")
    assert (problem.file, problem.line) == ("docs/x.es.md", 2)
    assert "cannot be read" in problem.message and "double quotes" in problem.fix


def test_page_without_description_or_with_unknown_key():
    assert "no front matter" in check_front_matter("# Title\n", "docs/x.md")[0].message
    problems = check_front_matter("---\ndescripton: typo\n---\n", "docs/x.md")
    assert any("'descripton' is not a front matter key" in p.message and p.line == 2 for p in problems)
    assert any("no description" in p.message for p in problems)


def test_assumption_page_with_an_unknown_dimension():
    text = "---\ndescription: d\nassumption: 1\ndimensions: [security-of-livelihood]\n---\n"
    [problem] = check_front_matter(text, "docs/assumptions/x.md", ["security-of-livelihoods"])
    assert problem.line == 4 and "'security-of-livelihood' is not a dimension" in problem.message


def test_a_correct_page_passes():
    assert check_front_matter('---\ndescription: "A: b"\ntranslation_of: 0123456789\n---\n# T\n', "docs/x.md") == []


# --- markers in pages ---------------------------------------------------------------------------
def test_unknown_marker_and_unknown_id_name_the_page_and_line(data):
    from kb.context import RenderContext
    from kb.markers import expand_markers
    ctx = RenderContext(knowledge=load_knowledge(data), lang="en")
    text = "Intro\n\n<!-- kb:definitoin genocide -->\n\n<!-- kb:note no-such-note -->\n\n<!-- kb:definition genocide -->\n"
    out, found, notes = expand_markers(text, ctx, "definitions.md", line_offset=3)
    assert [(p.file, p.line) for p in found] == [("docs/definitions.md", 6), ("docs/definitions.md", 8)]
    assert "did you mean 'kb:definition'" in found[0].fix
    assert "'no-such-note', which does not exist" in found[1].message and "data/editorial_notes.yml" in found[1].fix
    assert "Acts committed with intent" in out and notes == []
