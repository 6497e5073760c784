"""Stamping a one-line Spanish block ("es: {heading: ...}") keeps the YAML readable."""

import yaml

from kb.translation import stamp_yaml_lines


def test_a_one_line_es_block_gets_the_fingerprint_inside_its_braces():
    lines = ["- slug: a\n", "  en: {heading: One.}\n", "  es: {heading: Uno.}\n"]
    stamped = stamp_yaml_lines(lines, 3, None, "abc123")
    assert yaml.safe_load("".join(stamped))[0]["es"] == {"translated_from": "abc123", "heading": "Uno."}


def test_restamping_a_one_line_block_replaces_only_the_value():
    lines = ["- slug: a\n", '  es: {translated_from: "old", heading: Uno.}\n']
    stamped = stamp_yaml_lines(lines, 2, 2, "new456")
    assert yaml.safe_load("".join(stamped))[0]["es"] == {"translated_from": "new456", "heading": "Uno."}
