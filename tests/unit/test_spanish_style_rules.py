"""The style list itself: each rule says whether it is an error or a house preference and what it
rests on, catches the form's plural and feminine, and covers the field's common errors."""

from pathlib import Path

import pytest
import yaml

from kb.spanish_style import Form, check_text, inflections, load_forms

ROOT = Path(__file__).resolve().parents[2]
RULES = yaml.safe_load((ROOT / "data" / "spanish_style.yml").read_text(encoding="utf-8"))


def test_every_rule_says_error_or_preference_and_its_source():
    forms, problems = load_forms(ROOT)
    assert problems == [] and len(forms) == len(RULES)
    assert {f.severity for f in forms} == {"error", "preference"}
    assert all(f.source for f in forms)


@pytest.mark.parametrize("rule, text, found", [
    (Form("socios", "aliados", "one rendering"), "Socio del centro en varias líneas", "Socio"),
    (Form("socios", "aliados", "one rendering"), "sus socias locales", "socias"),
    (Form("perpetradores", "autores", "the glossary's term"), "víctimas o perpetradoras.", "perpetradoras"),
    (Form("perpetradores", "autores", "the glossary's term"), "un perpetrador", "perpetrador"),
    (Form("resiliencias", "factores de resiliencia", "calque", inflected=False), "la resiliencia de las sociedades", None),
    (Form("Estados Partes", "Estados partes", "UN", case_sensitive=True), "los Estados partes", None),
    (Form("violencia en masa", "violencia masiva", "term"), "formas de violencia en masa", "violencia en masa"),
])
def test_a_rule_catches_the_form_s_inflections(rule, text, found):
    problems = check_text("docs/x.es.md", text, [rule])
    assert [p.message.split("»")[0].lstrip("«") for p in problems] == ([found] if found else [])


def test_a_message_says_whether_the_form_is_an_error_or_the_house_style():
    error = Form("en base a", "con base en", "DPD", severity="error", inflected=False)
    preference = Form("socios", "aliados", "one rendering", severity="preference")
    [e] = check_text("docs/x.es.md", "en base a eso", [error])
    [p] = check_text("docs/x.es.md", "sus socios", [preference])
    assert "an error" in e.message and "the house style" in p.message


def test_short_words_and_names_are_not_inflected():
    assert inflections("ONG") == "ONG" and inflections("2005") == "2005"


@pytest.mark.parametrize("form", ["violencia en masa", "Objetivos de Desarrollo Sustentable", "responsabilidad para proteger",
                                  "Estado de Derecho", "en base a", "ha dejado de actuar", "fracasado en reconocer",
                                  "acción política eficaz"])
def test_the_list_covers_the_field_s_common_errors(form):
    assert any(r["form"] == form and r["severity"] == "error" for r in RULES)


def test_the_list_does_not_call_current_un_spanish_an_error():
    assert not any(r["form"] == "Estados partes" for r in RULES)
