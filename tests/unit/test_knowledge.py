"""Every mistake a contributor can make in data/ ends in a message naming file, line, entry and fix."""

from __future__ import annotations

import pytest

from kb.knowledge import load_knowledge
from kb.problems import KnowledgeError

from fixture_data import FIXTURE, data, edit, problems  # noqa: F401  (data is a fixture)


def test_the_fixture_is_valid(data):
    k = load_knowledge(data)
    assert set(k.glossary) == {"genocide", "atrocity-crimes"}
    assert k.dimensions_of("risk-weak-rule-of-law")[0].slug == "legitimate-and-capable-authority"


def test_yaml_syntax_error_gives_file_line_and_hint(data):
    edit(data, "glossary.yml", "    term: genocide\n", "    term: genocide\n   definition broken: [\n")
    [problem] = problems(data)
    assert problem.file == "data/glossary.yml"
    assert problem.line == 6          # the broken line itself, just below 'term: genocide' (line 5)
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


def test_assumption_keys_left_in_front_matter_point_to_the_data_file():
    text = "---\ndescription: d\nassumption: 1\ndimensions: [security-of-livelihoods]\n---\n"
    found = check_front_matter(text, "docs/assumptions/x.md")
    assert [p.line for p in found] == [3, 4]
    assert all("data/assumptions.yml" in p.fix for p in found)


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


# --- assumptions: data/assumptions.yml and the pages it names --------------------------------------
def test_assumption_with_an_unknown_dimension(data):
    edit(data, "assumptions.yml", "[legitimate-and-capable-authority]", "[legitimate-and-capable-authorty]")
    [problem] = problems(data)
    assert (problem.file, problem.line, problem.entry) == ("data/assumptions.yml", 1, "evidence")
    assert "'legitimate-and-capable-authorty', which is not a dimension" in problem.message
    assert "did you mean 'legitimate-and-capable-authority'" in problem.fix


def test_two_assumptions_with_one_number(data):
    with (data / "assumptions.yml").open("a", encoding="utf-8") as f:
        f.write("- slug: funding\n  number: 5\n  page: assumptions/funding.md\n  dimensions: []\n"
                "  provenance: {kind: site}\n")
    [problem] = problems(data)
    assert (problem.file, problem.line, problem.entry) == ("data/assumptions.yml", 9, "funding")
    assert "the number 5 is also given to 'evidence'" in problem.message


def test_assumption_number_that_is_not_a_number(data):
    edit(data, "assumptions.yml", "number: 5", "number: five")
    [problem] = problems(data)
    assert (problem.file, problem.line) == ("data/assumptions.yml", 2)
    assert "'number' should be the number the paper gives" in problem.message


def test_assumption_pages_and_entries_match(data):
    from kb.pages import check_assumption_pages
    k = load_knowledge(data)
    sources = {"assumptions/index.md": "", "assumptions/funding.md": "", "assumptions/funding.es.md": ""}
    page_problem, entry_problem = check_assumption_pages(sources, k)
    assert (page_problem.file, page_problem.line) == ("docs/assumptions/funding.md", 1)
    assert "no entry in data/assumptions.yml" in page_problem.message
    assert (entry_problem.file, entry_problem.line, entry_problem.entry) == ("data/assumptions.yml", 1, "evidence")
    assert "'assumptions/evidence.md' does not exist" in entry_problem.message


def test_assumptions_come_in_the_papers_order_with_their_page_text(data):
    from kb.pages import read_assumptions
    k = load_knowledge(data)
    sources = {"assumptions/evidence.md": "---\ndescription: Evidence.\n---\n# Evidence\n",
               "assumptions/evidence.es.md": "---\ndescription: Evidencia.\n---\n# Evidencia\n"}
    [page] = read_assumptions(k, sources, "es", "en", {"assumptions/evidence.md": "Evidencia"})
    assert (page.number, page.title, page.description, page.dimensions) == (
        5, "Evidencia", "Evidencia.", ("legitimate-and-capable-authority",))


# --- interface strings: every key the code uses, and no other ---------------------------------------
def test_a_missing_interface_string_names_the_file_and_key(data):
    text = (data / "interface.yml").read_text(encoding="utf-8")
    (data / "interface.yml").write_text("\n".join(l for l in text.splitlines() if not l.startswith("org_type_media:")) + "\n")
    [problem] = problems(data)
    assert (problem.file, problem.entry) == ("data/interface.yml", "org_type_media")
    assert "is missing" in problem.message and "'org_type_media:'" in problem.fix


def test_an_interface_string_nothing_uses_is_reported_with_its_line(data):
    with (data / "interface.yml").open("a", encoding="utf-8") as f:
        f.write("org_typ_media: {en: Media, es: Medios}\n")
    [problem] = problems(data)
    lines = (data / "interface.yml").read_text(encoding="utf-8").splitlines()
    assert (problem.file, problem.line) == ("data/interface.yml", len(lines))
    assert "did you mean 'org_type_media'" in problem.fix


def test_the_fixture_has_exactly_the_real_interface_keys():
    import yaml
    real = yaml.safe_load((FIXTURE.parent.parent.parent / "data" / "interface.yml").read_text(encoding="utf-8"))
    fixture = yaml.safe_load((FIXTURE / "interface.yml").read_text(encoding="utf-8"))
    assert set(fixture) == set(real)


def test_every_interface_key_written_in_the_code_is_declared():
    """Literal keys in kb/ and hooks/ (ui("x"), ctx.ui('x')) are in kb.interface.KEYS; built keys
    ("org_type_" + ...) are derived there from the schema."""
    import re
    from kb.interface import KEYS
    root = FIXTURE.parent.parent.parent
    used = set()
    for path in [*(root / "kb").glob("*.py"), *(root / "hooks").glob("*.py")]:
        used |= set(re.findall(r"""\bui\((?:config, )?["']([a-z_]+)["']\)""", path.read_text(encoding="utf-8")))
    assert used and used <= KEYS, sorted(used - KEYS)


def test_a_paper_heading_without_its_origin_is_reported(data):
    edit(data, "assumptions.yml", "  heading_from: {kind: paper, ref: assumptions/evidence.md}\n", "")
    [problem] = problems(data)
    assert (problem.file, problem.entry) == ("data/assumptions.yml", "evidence") and problem.line > 0
    assert "'heading_from'" in problem.message and "kind: paper" in problem.fix
