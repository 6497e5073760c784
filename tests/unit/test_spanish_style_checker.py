"""The Spanish style checker (kb/spanish_style.py): each rule can fail, says where, and lets
correct or deliberately cited text through."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from kb.spanish_style import Form, check_text, english_terms_used, mask_data, mask_mkdocs, mask_page

ROOT = Path(__file__).resolve().parent.parent.parent

FORMS = [Form("resiliencias", "factores de resiliencia", "calque", inflected=False), Form("y/o", "o", "RAE"),
         Form("Estados miembros", "Estados Miembros", "UN style", case_sensitive=True),
         Form("supervivientes", "sobrevivientes", "Spain", cited_in=(("data/glossary.yml", "survivors"),))]


@pytest.mark.parametrize("text, expected", [
    ("los riesgos y las\nresiliencias que", "resiliencias"),
    ("del nivel nacional y/o del mundial", "y/o"),
    ("todos los Estados\n  miembros de la ONU", "Estados\n  miembros"),
    ("estará prohibida por la ley.»", ".»"),
    ("un costo de 14,7 millones y 79.5 millones", "79.5"),
    ("unos 14.700 millones", "14.700"),
    ("14 700 millones de dólares", "14 700 millones"),
    ("dice “a core interest” aquí", "“"),
])
def test_each_rule_finds_its_form_and_names_the_line(text, expected):
    problems = check_text("docs/x.es.md", mask_page("título\n\n" + text), FORMS)
    assert problems, text
    assert any(f"«{expected}»" in p.message or (expected == "“" and "“" in p.message) for p in problems), problems
    assert problems[0].line == 3 + text[: text.index(expected)].count("\n")


@pytest.mark.parametrize("text", [
    "los factores de resiliencia",
    "los Estados Miembros",
    "evite <span class=\"kb-cited-form\">«resiliencias»</span> y <span class=\"kb-cited-form\">y/o</span>",
    "<span lang=\"en\">“a core national security interest”</span>",
    "«… prohibida por la ley». Textos del sitio bajo CC BY 4.0; 79,5 millones; 3000; 70 000; A/RES/60/1",
    "[enlace](https://example.org/a.b/1.2.html)",
    "«citado “dentro” de comillas latinas»",
    "14,7 mil millones y 14,76 billones",
])
def test_correct_or_marked_text_passes(text):
    assert check_text("docs/x.es.md", mask_page(text), FORMS) == []


def test_data_checks_only_spanish_and_honours_cited_in():
    data = ("- slug: survivors\n  en:\n    term: survivors and/or y/o resiliencias\n  es:\n    term: sobrevivientes\n"
            "    note: Se prefiere «sobrevivientes» a «supervivientes».\n    translated_from: \"1.5\"\n"
            "- slug: other\n  es:\n    note: Dicen supervivientes.\n"
            "key: {en: resiliencias, es: Falta y/o}\n")
    masked, entries = mask_data(data)
    problems = check_text("data/glossary.yml", masked, FORMS, entries)
    assert sorted((p.line, p.entry, p.message.split(":")[0]) for p in problems) == [(10, "other", "«supervivientes»"), (11, "other", "«y/o»")]


def test_style_list_is_well_formed():
    entries = yaml.safe_load((ROOT / "data/spanish_style.yml").read_text(encoding="utf-8"))
    assert all({"form", "preferred", "reason"} <= set(e) for e in entries)
    forms = [e["form"] if e.get("case_sensitive") else e["form"].casefold() for e in entries]
    assert len(forms) == len(set(forms)), "a form is listed twice"



def test_mkdocs_block_checks_spanish_values_only():
    config = ("plugins:\n  - i18n:\n      languages:\n        - locale: en\n          site_name: Resiliencias y/o\n"
              "        - locale: es\n          nav_translations:\n            Overview and/or: Presentación y/o más\n")
    problems = check_text("mkdocs.yml", mask_mkdocs(config), FORMS)
    assert [(p.line, p.message.split(":")[0]) for p in problems] == [(8, "«y/o»")]


def test_english_terms_left_in_spanish_prose_are_found_unless_mentioned_or_named():
    terms = {"early warning": "alerta temprana", "peacebuilding": "construcción de paz"}
    text = mask_page("Los sistemas de early warning fallan.\n"
                     "El término *early warning* y «peacebuilding»; la Global Alliance for Peacebuilding.\n"
                     "Léxicos (*hate speech lexicons*) y **negrita** con peacebuilding.\n")
    problems = english_terms_used("docs/x.es.md", text, terms)
    assert [(p.line, p.message.split(" is ")[0]) for p in problems] == [(1, "«early warning»"), (3, "«peacebuilding»")]
    assert "alerta temprana" in problems[0].fix
