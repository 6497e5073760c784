"""Fingerprints tie Spanish to the English it translates; a changed English sentence makes it stale."""

import shutil
from pathlib import Path

from kb import stamp as stamp_tool
from kb.knowledge import load_knowledge
from kb.status_page import data_statuses
from kb.translation import (CURRENT, MISSING, STALE, block_fingerprint, page_fingerprint, page_status,
                            stamp_front_matter)

FIXTURE = Path(__file__).resolve().parent.parent / "fixtures" / "data"


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
