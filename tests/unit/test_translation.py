"""Fingerprints tie Spanish to the English it translates; a changed English sentence makes it stale."""

import shutil
from pathlib import Path

from kb import stamp as stamp_tool
from kb.knowledge import load_knowledge
from kb.status_page import data_statuses
from kb.translation import (CURRENT, MISSING, STALE, block_fingerprint, page_fingerprint, page_status,
                            stamp_front_matter)

FIXTURE = Path(__file__).resolve().parent.parent / "fixtures" / "data"
ROOT = Path(__file__).resolve().parent.parent.parent


def test_page_fingerprint_ignores_front_matter_and_whitespace():
    a = "---\ndescription: x\n---\n# Title\n\nOne  sentence.\n"
    b = "---\ndescription: y\n---\n\n# Title\nOne sentence.   \n"
    assert page_fingerprint(a) == page_fingerprint(b)
    assert page_fingerprint(a) != page_fingerprint(a.replace("One", "Two"))


def test_page_status():
    english = "# T\n\nText."
    assert page_status(english, None) == MISSING
    assert page_status(english, {"translation_of": page_fingerprint(english)}) == CURRENT
    assert page_status(english + " More.", {"translation_of": page_fingerprint(english)}) == STALE
    assert page_status(english, {}) == STALE


def test_stamp_front_matter_adds_or_replaces_the_line():
    assert stamp_front_matter("# T\n", "abc") == '---\ntranslation_of: "abc"\n---\n\n# T\n'
    once = stamp_front_matter("---\ndescription: d\n---\n# T\n", "abc")
    assert once == '---\ndescription: d\ntranslation_of: "abc"\n---\n# T\n'
    assert stamp_front_matter(once, "def") == once.replace("abc", "def")


def test_changing_one_english_sentence_marks_exactly_that_entry_stale(tmp_path, monkeypatch):
    data = tmp_path / "data"
    shutil.copytree(FIXTURE, data)
    monkeypatch.setattr(stamp_tool, "ROOT", tmp_path)
    for name, model in stamp_tool.DATA_FILES.items():
        stamp_tool.stamp_data_file(data / name, model)
    before = load_knowledge(data)
    assert {s for _, _, s in data_statuses(before)} == {CURRENT}
    path = data / "glossary.yml"
    path.write_text(path.read_text().replace("Acts committed with intent", "Acts done with intent"))
    after = data_statuses(load_knowledge(data))
    assert [(f, slug) for f, slug, s in after if s == STALE] == [("data/glossary.yml", "genocide")]


def test_stamping_keeps_comments_and_layout(tmp_path, monkeypatch):
    data = tmp_path / "data"
    shutil.copytree(FIXTURE, data)
    path = data / "factors.yml"
    path.write_text("# A comment that must survive\n" + path.read_text())
    monkeypatch.setattr(stamp_tool, "ROOT", tmp_path)
    stamp_tool.stamp_data_file(path, stamp_tool.DATA_FILES["factors.yml"])
    text = path.read_text()
    k = load_knowledge(data)
    assert text.startswith("# A comment that must survive\n")
    fingerprint = block_fingerprint(k.factors["risk-weak-rule-of-law"].en)
    assert f'translated_from: "{fingerprint}"' in text


def test_an_all_digit_fingerprint_stays_text(tmp_path, monkeypatch):
    from kb.translation import stamp_yaml_lines
    lines = stamp_yaml_lines(["- slug: x\n", "  es:\n", "    label: y\n"], 2, None, "0123456789")
    import yaml
    assert yaml.safe_load("".join(lines))[0]["es"]["translated_from"] == "0123456789"


def _project(tmp_path):
    from conftest import copy_project
    return copy_project(tmp_path, parts=("data", "docs"))


def test_stamp_refuses_to_run_without_a_name(capsys):
    assert stamp_tool.main([]) == 2
    assert "Nothing was stamped" in capsys.readouterr().err


def test_stamp_records_only_the_named_entry_and_page_and_says_so(tmp_path, capsys):
    project = _project(tmp_path)
    glossary = project / "data" / "glossary.yml"
    glossary.write_text(glossary.read_text(encoding="utf-8")
                        .replace("Acts committed with intent", "Acts, newly worded, committed with intent", 1)
                        .replace("    definition: ", "    definition: Changed. ", 1), encoding="utf-8")
    about = project / "docs" / "about.md"
    about.write_text(about.read_text(encoding="utf-8") + "\nOne new sentence.\n", encoding="utf-8")
    programming = project / "docs" / "programming.md"
    programming.write_text(programming.read_text(encoding="utf-8") + "\nAnother new sentence.\n", encoding="utf-8")
    from kb.knowledge import load_knowledge
    stale_before = {s for f, s, st in data_statuses(load_knowledge(project / "data")) if st == STALE}
    assert "genocide" in stale_before and len(stale_before) >= 2
    assert stamp_tool.main(["data/glossary.yml:genocide", "docs/about.es.md"], project) == 0
    out = capsys.readouterr().out
    assert "stamped data/glossary.yml:genocide" in out and "stamped docs/about.es.md" in out
    stale_after = {s for f, s, st in data_statuses(load_knowledge(project / "data")) if st == STALE}
    assert stale_after == stale_before - {"genocide"}
    from mkdocs.utils.meta import get_data
    meta = get_data((project / "docs" / "programming.es.md").read_text(encoding="utf-8"))[1]
    assert page_status(programming.read_text(encoding="utf-8"), meta) == STALE


def test_stamp_on_an_unreadable_entry_is_a_message_not_a_traceback(tmp_path, capsys):
    project = _project(tmp_path)
    glossary = project / "data" / "glossary.yml"
    text = glossary.read_text(encoding="utf-8")
    es_term = text.index("    term: ", text.index("  es:"))
    glossary.write_text(text[:es_term] + "    x_term: " + text[es_term + len("    term: "):], encoding="utf-8")
    assert stamp_tool.main(["data/glossary.yml"], project) == 1
    err = capsys.readouterr().err
    assert "data/glossary.yml:" in err and "Traceback" not in err


def test_a_new_entry_never_stamped_is_not_said_to_have_changed():
    from kb.context import RenderContext
    k = load_knowledge(ROOT / "data")
    entry = k.glossary["genocide"]
    new = entry.model_copy(update={"es": entry.es.model_copy(update={"translated_from": ""})})
    changed = entry.model_copy(update={"es": entry.es.model_copy(update={"translated_from": "0000000000"})})
    ctx = RenderContext(knowledge=k, lang="es")
    assert "cotejó" in ctx.translation_notice(new, "glossary.md", "genocide")
    assert "cambió" not in ctx.translation_notice(new, "glossary.md", "genocide")
    assert "cambió" in ctx.translation_notice(changed, "glossary.md", "genocide")
