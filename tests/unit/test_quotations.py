"""Every quotation of the English edition carries the exact words of what it quotes: the paper's
(by hash, tests/fixtures/paper-quotations.txt) or another text's (tests/fixtures/other-quotations.yml)."""

from pathlib import Path

import pytest
import yaml

from kb.quotations import in_text, pieces, quote_hash, quoted_spans, site_quotations

ROOT = Path(__file__).resolve().parents[2]
FIXTURES = ROOT / "tests" / "fixtures"
PAPER_HASHES = set((FIXTURES / "paper-quotations.txt").read_text(encoding="utf-8").split())
OTHER = yaml.safe_load((FIXTURES / "other-quotations.yml").read_text(encoding="utf-8"))
DATA = {p.name: yaml.safe_load(p.read_text(encoding="utf-8")) or []
        for p in sorted((ROOT / "data").glob("*.yml")) if p.name not in ("interface.yml", "spanish_style.yml")}
QUOTATIONS = site_quotations(ROOT, DATA)


def matches_paper(text: str) -> bool:
    return all(quote_hash(p) in PAPER_HASHES for p in pieces(text))


def matches_other(text: str, source: str = "") -> bool:
    return any(in_text(text, o["text"]) for o in OTHER if not source or o["source"] == source)


def test_the_site_s_quotations_are_found():
    kinds = {kind for _, kind, _ in QUOTATIONS}
    assert len(QUOTATIONS) > 40 and {"paper", "official", "quoted"} <= kinds


@pytest.mark.parametrize("where, kind, text", QUOTATIONS, ids=[f"{w}:{t[:30]}" for w, _, t in QUOTATIONS])
def test_every_quotation_has_the_exact_words_of_its_source(where, kind, text):
    if kind == "paper":
        assert matches_paper(text), (f"{where}: the quotation labelled as the paper's is not the paper's text "
                                     f"word for word: «{text}». Copy it from the paper, commas included")
    elif kind == "official":
        ref = next(e["quotation_from"]["ref"] for e in DATA["glossary.yml"]
                   if f":{e['slug']}." in where)
        assert matches_other(text, ref), (f"{where}: the quotation of {ref} is not that paragraph's exact words "
                                          "(tests/fixtures/other-quotations.yml holds them)")
    else:
        assert matches_paper(text) or matches_other(text), (
            f"{where}: «{text}» is in quotation marks but is neither the paper's words nor a text listed "
            "in tests/fixtures/other-quotations.yml. Copy the words exactly, or do not quote them")


# The check itself: a one-word or one-comma change fails, and what is not a quotation is not read as one.
GOAL_2 = "Different policy sectors work effectively together to develop and promote a resilience agenda"


@pytest.mark.parametrize("quotation, exact", [
    (GOAL_2, True),
    ("Different policy sectors work together effectively to develop and promote a resilience agenda", False),
    ("Prevention-focused regional networks support effective policy action at the national, regional, and "
     "international levels to build resilience", True),
    ("Prevention-focused regional networks support effective policy action at the national, regional and "
     "international levels to build resilience", False),
    ("Evidence of “what works” in building societal resilience at the regional, national, and local levels "
     "is fed into policy processes", True),
    ("Evidence of ‘what works’ in building societal resilience at the regional, national, and local levels "
     "feeds into policy processes", False),
])
def test_a_changed_word_or_comma_fails(quotation, exact):
    assert matches_paper(quotation) is exact


R2P_139 = next(o["text"] for o in OTHER if o["source"] == "A/RES/60/1, para. 139")


@pytest.mark.parametrize("quotation, exact", [
    ("we are prepared to take collective action, in a timely and decisive manner, through the Security Council", True),
    ("we take collective action, in a timely and decisive manner, through the Security Council", False),
    ("on a case-by-case basis … should peaceful means be inadequate", True),
    ("on a case by case basis, should peaceful means be inadequate", False),
])
def test_an_official_quotation_keeps_its_paragraph_s_words(quotation, exact):
    assert in_text(quotation, R2P_139) is exact


def test_the_r2p_entry_keeps_paragraph_139_s_conditions():
    entry = next(e for e in DATA["glossary.yml"] if e["slug"] == "responsibility-to-protect")
    quotation = entry["en"]["quotation"]
    for condition in ("prepared to", "case-by-case basis", "should peaceful means be inadequate", "manifestly failing"):
        assert condition in quotation
    assert entry["quotation_from"]["ref"] == "A/RES/60/1, para. 139"


@pytest.mark.parametrize("text, spans", [
    ('---\ndescription: "A page about three words"\n---\nHe said "one two three" and "no"', ["one two three"]),
    ('!!! note "List as the paper gives it"\n    body', []),
    ("```\n\"inside a code block here\"\n```", []),
    ("“curly quoted words here” and 'single'", ["curly quoted words here"]),
])
def test_quoted_spans_are_the_texts_in_quotation_marks(text, spans):
    assert quoted_spans(text) == spans
