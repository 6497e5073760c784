"""No English-only field reaches a Spanish page: every reader-facing text outside the en:/es: blocks
has a Spanish counterpart or a declared reason to have none, and the Spanish renderers use it."""

from __future__ import annotations

import typing
from pathlib import Path

import pytest
from pydantic import BaseModel, ValidationError

from kb import schema
from kb.context import RenderContext
from kb.glossary_page import render_glossary
from kb.knowledge import load_knowledge
from kb.reference_pages import render_notes_list

ROOT = Path(__file__).resolve().parents[2]

# A text field outside the language blocks: where its Spanish is, or why it needs none.
OUTSIDE_THE_BLOCKS = {
    ("EditorialNote", "evidence"): "spanish: es.evidence, one line for each",
    ("Provenance", "ref"): "spanish: ref_es (not needed when the ref is only document symbols)",
    ("Provenance", "ref_es"): "it is the Spanish",
    ("Source", "evidence"): "a maintainer's record of where a detail was checked, shown on no page",
    ("EvidencedLink", "seen_in"): "a maintainer's record of where an address was seen, shown on no page",
}


def _is_text(annotation) -> bool:
    """A reader-facing text: the schema's Text type (plain text a page shows), alone or in a list."""
    if annotation == schema.Text:
        return True
    return typing.get_origin(annotation) in (list, typing.Union) and any(_is_text(a) for a in typing.get_args(annotation))


def _models(annotation):
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        yield annotation
    for arg in typing.get_args(annotation):
        yield from _models(arg)


def text_fields_outside_blocks():
    found, seen = set(), set()
    todo = [m for m in vars(schema).values() if isinstance(m, type) and issubclass(m, BaseModel)
            and "es" in m.model_fields and "en" in m.model_fields and m is not schema.InterfaceString]
    while todo:
        model = todo.pop()
        if model in seen:
            continue
        seen.add(model)
        for name, info in model.model_fields.items():
            if name in ("en", "es"):
                continue
            if _is_text(info.annotation) or (model is schema.Provenance and name in ("ref", "ref_es")):
                found.add((model.__name__, name))
            todo += list(_models(info.annotation))
    return found


def test_every_text_outside_the_language_blocks_has_its_spanish_or_a_reason():
    undeclared = text_fields_outside_blocks() - set(OUTSIDE_THE_BLOCKS)
    assert not undeclared, (f"{sorted(undeclared)}: text fields that Spanish pages could show in English. Give each "
                            "a Spanish counterpart (as es.evidence or ref_es) and list it in OUTSIDE_THE_BLOCKS")


@pytest.fixture(scope="module")
def spanish():
    k = load_knowledge(ROOT / "data")
    return k, RenderContext(knowledge=k, lang="es")


def test_spanish_notes_show_their_evidence_in_spanish(spanish):
    k, ctx = spanish
    page = render_notes_list(ctx)
    for note in k.notes.values():
        for line in note.evidence:
            if line not in note.es.evidence:      # a line that is the same in both (a symbol) may stay
                assert line not in page, f"editorial note {note.slug}: its evidence reaches the Spanish page in English"
        assert "; ".join(note.es.evidence) in page


def test_spanish_glossary_labels_give_official_references_in_spanish(spanish):
    k, ctx = spanish
    page = render_glossary(ctx)
    for entry in k.glossary.values():
        for provenance in (entry.provenance, entry.quotation_from, entry.context_from):
            if provenance is not None and provenance.kind == "official" and provenance.ref_es:
                assert provenance.ref not in page, f"{entry.slug}: '{provenance.ref}' is shown in English"
    for spanish_ref in ("PIDCP, art. 20, párr. 2", "Objetivo 16", "párr. 139", "Marco de análisis para crímenes atroces"):
        assert spanish_ref in page


@pytest.mark.parametrize("provenance, problem", [
    ({"kind": "official", "ref": "ICCPR, art. 19"}, "Spanish pages would show in English"),
    ({"kind": "official", "ref": "A/RES/70/1, Goal 16"}, "add its Spanish form"),
    ({"kind": "official", "ref": "A/47/277–S/24111"}, None),                    # symbols only: the same in Spanish
    ({"kind": "official", "ref": "A/RES/70/262 and S/RES/2282 (2016)"}, "Spanish pages would show"),
    ({"kind": "official", "ref": "ICCPR, art. 19", "ref_es": "PIDCP, art. 19"}, None),
    ({"kind": "site", "ref_es": "algo"}, "remove ref_es"),
])
def test_an_official_reference_with_words_needs_its_spanish_form(provenance, problem):
    if problem is None:
        schema.Provenance(**provenance)
    else:
        with pytest.raises(ValidationError, match=problem):
            schema.Provenance(**provenance)


def test_a_note_with_a_spanish_block_needs_its_evidence_in_spanish():
    note = {"slug": "x", "page": "about.md", "kind": "nuance", "evidence": ["A", "B"],
            "en": {"title": "T", "text": "Text."}, "es": {"title": "T", "text": "Texto.", "evidence": ["A"]}}
    with pytest.raises(ValidationError, match="one Spanish line for each line of evidence"):
        schema.EditorialNote(**note)
    note["es"]["evidence"] = ["A", "B"]
    schema.EditorialNote(**note)
