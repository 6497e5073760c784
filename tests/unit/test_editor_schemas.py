"""The JSON Schemas that editors use for data/ (schemas/, generated from kb/schema.py)."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import yaml

from kb import editor_schemas

ROOT = Path(__file__).resolve().parent.parent.parent


def test_the_committed_schemas_are_what_the_models_generate():
    generated = editor_schemas.editor_schemas()
    committed = {p.name: p.read_text(encoding="utf-8") for p in (ROOT / "schemas").glob("*.schema.json")}
    stale = sorted(name for name in generated if committed.get(name) != generated[name])
    extra = sorted(set(committed) - set(generated))
    assert not stale and not extra, (
        f"schemas/ does not match kb/schema.py (out of date: {stale}; no longer generated: {extra}). "
        "Run `make schemas` and commit the files in schemas/.")


def test_every_data_file_names_its_schema_on_its_first_line():
    for name in editor_schemas.data_files():
        first = (ROOT / "data" / name).read_text(encoding="utf-8").splitlines()[0]
        assert first == editor_schemas.schema_comment(name), (
            f"data/{name}: the first line should be `{editor_schemas.schema_comment(name)}` so that editors "
            "complete and check its fields")
        target = (ROOT / "data" / first.split("$schema=", 1)[1]).resolve()
        assert target.is_file(), f"data/{name} points at {target.name}, which does not exist: run `make schemas`"


def test_a_new_data_file_gets_a_schema_without_editing_the_generator(monkeypatch):
    from kb import schema
    monkeypatch.setitem(schema.DATA_FILES, "assumptions.yml", schema.Dimension)
    assert "assumptions.schema.json" in editor_schemas.editor_schemas()


def validator(name: str) -> jsonschema.protocols.Validator:
    document = json.loads((ROOT / "schemas" / editor_schemas.schema_name(name)).read_text(encoding="utf-8"))
    cls = jsonschema.validators.validator_for(document)
    cls.check_schema(document)
    return cls(document)


def test_the_schemas_accept_the_real_data():
    for name in editor_schemas.data_files():
        data = yaml.safe_load((ROOT / "data" / name).read_text(encoding="utf-8"))
        errors = [f"{list(e.absolute_path)}: {e.message}" for e in validator(name).iter_errors(data)]
        assert not errors, f"data/{name} is valid for the build but its editor schema flags it: {errors[:5]}"


def test_the_editor_flags_an_unknown_field_a_bad_slug_and_a_missing_text():
    glossary = yaml.safe_load((ROOT / "data" / "glossary.yml").read_text(encoding="utf-8"))
    entry = dict(glossary[0])
    entry["sorce"] = "x"                         # a typo in a field name
    entry["slug"] = "Mass Violence"              # not a slug
    entry["en"] = {k: v for k, v in entry["en"].items() if k != "definition"}
    messages = " ".join(e.message for e in validator("glossary.yml").iter_errors([entry]))
    assert "'sorce' was unexpected" in messages
    assert "does not match" in messages and "'definition' is a required property" in messages
