"""Provenance, per-table wording, 'See' links and verbatim runs: data mistakes give file, line and
fix; the pure functions do what the pages rely on."""

from __future__ import annotations

from kb.autolink import first_link_anchors
from kb.credits import issues_url
from kb.provenance import UN_SYMBOL, mark_external_links, undocs_url
from kb.see_links import link_see_phrases, see_phrases
from kb.verbatim import copied_words, paper_shingles

from fixture_data import data, edit, problems  # noqa: F401  (data is a fixture)


def test_a_missing_provenance_names_file_line_and_fix(data):
    edit(data, "glossary.yml", "  provenance: {kind: site}\n", "")
    [problem] = problems(data)
    assert (problem.file, problem.entry) == ("data/glossary.yml", "atrocity-crimes")
    assert problem.line > 0 and "'provenance' is missing" in problem.message and "add 'provenance:'" in problem.fix


def test_a_paper_provenance_without_its_section_is_refused(data):
    edit(data, "glossary.yml", "  provenance: {kind: site}\n", "  provenance: {kind: paper}\n")
    [problem] = problems(data)
    assert problem.entry == "atrocity-crimes" and "page.md#anchor" in problem.message


def test_an_official_provenance_needs_its_document(data):
    edit(data, "glossary.yml", "  provenance: {kind: site}\n", "  provenance: {kind: official}\n")
    [problem] = problems(data)
    assert "document symbol" in problem.message


def test_a_quotation_without_its_origin_is_reported(data):
    edit(data, "glossary.yml", "    definition: Genocide, war crimes and crimes against humanity.\n",
         "    quotation: Three crimes.\n    definition: Genocide, war crimes and crimes against humanity.\n")
    found = problems(data)
    assert any("no 'quotation_from'" in p.message and p.file == "data/glossary.yml" and p.line > 0 for p in found)


def test_a_note_without_evidence_is_reported(data):
    edit(data, "editorial_notes.yml", '  evidence: ["A document that shows the correction"]\n', "")
    [problem] = problems(data)
    assert problem.file == "data/editorial_notes.yml" and "'evidence' is missing" in problem.message


def test_a_table_wording_for_a_factor_the_dimension_does_not_list(data):
    edit(data, "dimensions.yml", "  en:\n", "  en:\n    wording: {res-unknown: Something}\n")
    found = problems(data)
    assert any("'wording'" in p.message and "res-unknown" in p.message for p in found)


def test_see_phrases_are_linked_in_order():
    text = "It follows the summit. See Assumption 4. It is cited (see the editorial note in State of the field)."
    assert see_phrases(text) == ["Assumption 4", "the editorial note in State of the field"]
    linked = link_see_phrases(text, ["assumptions/early-action.md", "editorial-notes.md#x"])
    assert "See [Assumption 4](/assumptions/early-action.md)." in linked
    assert "(see [the editorial note in State of the field](/editorial-notes.md#x))" in linked


def test_un_symbols_and_their_spanish_text():
    assert UN_SYMBOL.search("A/RES/60/1, paras. 138-139").group(0) == "A/RES/60/1"
    assert UN_SYMBOL.search("A/RES/70/262 and S/RES/2282 (2016)").group(0) == "A/RES/70/262"
    assert undocs_url("S/RES/2282 (2016)", "es") == "https://undocs.org/es/S/RES/2282(2016)"
    assert undocs_url("A/63/677", "en") == "https://undocs.org/A/63/677"


def test_issues_url_comes_from_the_edit_link():
    assert issues_url("https://github.com/o/r/edit/main/README.md") == "https://github.com/o/r/issues"
    assert issues_url("") == ""


def test_external_links_are_marked_once_and_own_links_are_not():
    html = ('<p><a href="https://example.org/x">x</a> <a href="https://kb.example.org/y/">y</a> '
            '<a class="kb-external" href="https://a.org/">a</a></p>')
    marked = mark_external_links(html, "https://kb.example.org/", "external site")
    assert marked.count("kb-external") == 2 and marked.count("(external site)") == 1
    assert '<a href="https://kb.example.org/y/">y</a>' in marked


def test_first_link_anchors_name_the_section_before_the_link():
    html = '<h2 id="a">A</h2><p>x</p><h2 id="b">B</h2><p><a href="../glossary/#g">g</a></p>'
    assert first_link_anchors(html, "page/") == {"glossary/#g": "b"}


def test_verbatim_runs_are_found_outside_quotation_marks():
    paper = "one two three four five six seven eight nine ten eleven twelve thirteen fourteen"
    shingles = paper_shingles(paper)
    total, copied, runs = copied_words("so " + paper + " here", shingles)
    assert copied == 14 and runs == [paper]
    assert copied_words(f"so “{paper}” here", shingles)[1] == 0


def test_fields_added_later_change_the_fingerprint_only_when_filled():
    from kb.schema import GlossaryText
    from kb.translation import block_fingerprint
    plain = GlossaryText(term="t", definition="A definition.")
    assert block_fingerprint(plain) == block_fingerprint(GlossaryText(term="t", definition="A definition.", context=""))
    assert block_fingerprint(plain) != block_fingerprint(GlossaryText(term="t", definition="A definition.", context="More."))
