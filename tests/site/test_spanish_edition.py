"""The Spanish edition is complete, uses the field's established terms and keeps the English anchors."""

from __future__ import annotations

import re

import pytest
import yaml

from conftest import ROOT
from kb.knowledge import fold, load_knowledge
from kb.status_page import data_statuses
from kb.translation import CURRENT, MISSING, STALE

from kb.paths import site_path

K = load_knowledge(ROOT / "data")
DOCS = ROOT / "docs"
OFFICIAL = yaml.safe_load((ROOT / "tests/fixtures/official_terms.yml").read_text(encoding="utf-8"))
PAIRS = sorted(p.relative_to(DOCS).as_posix() for p in DOCS.rglob("*.md") if p.name.count(".") == 1)


def url_of(docs_path: str) -> str:
    return site_path(docs_path, "en", "en")     # kb/paths.py, unit-tested in tests/unit/test_paths.py


def heading_ids(soup):
    """Heading ids, without the glossary's letter headings (each language has its own letters;
    in the print edition they carry a page prefix, "p23-letter-a")."""
    return [h["id"] for h in soup.select("article h2[id], article h3[id], article h4[id]")
            if not re.sub(r"^p\d+-", "", h["id"]).startswith("letter-")]


@pytest.mark.parametrize("page", PAIRS)
def test_spanish_page_keeps_the_english_heading_ids(site, page):
    # Same ids, same number; generated lists may order them by each language's alphabet.
    assert sorted(heading_ids(site.soup("es/" + url_of(page)))) == sorted(heading_ids(site.soup(url_of(page))))


@pytest.mark.parametrize("page", PAIRS)
def test_spanish_page_has_the_same_markers(page):
    marker = re.compile(r"<!--\s*kb:[^>]*-->")
    english = marker.findall((DOCS / page).read_text(encoding="utf-8"))
    spanish = marker.findall((DOCS / page.replace(".md", ".es.md")).read_text(encoding="utf-8"))
    assert sorted(spanish) == sorted(english)


def test_every_page_and_data_entry_exists_in_spanish(site):
    """Out-of-date Spanish is allowed (it shows a notice; see test_translation_flow.py); missing is not."""
    from kb.translation import page_status
    from mkdocs.utils.meta import get_data
    pages = {p: page_status((DOCS / p).read_text(encoding="utf-8"),
                            get_data((DOCS / p.replace(".md", ".es.md")).read_text(encoding="utf-8"))[1]
                            if (DOCS / p.replace(".md", ".es.md")).exists() else None) for p in PAIRS}
    assert {p: s for p, s in pages.items() if s == MISSING} == {}
    assert [(f, slug, s) for f, slug, s in data_statuses(K) if s == MISSING] == []
    stale = sum(s == STALE for s in pages.values()) + sum(s == STALE for _, _, s in data_statuses(K))
    notices = "".join(site.html(u) for u in site.pages() if u.startswith("es/")).count('class="kb-translation-notice"')
    assert notices >= stale    # every out-of-date text says so


ENGLISH_WORDS = {"the", "and", "of", "to", "is", "are", "with", "for", "that", "this", "which", "on", "by", "from"}
SPANISH_WORDS = {"el", "la", "de", "que", "y", "los", "las", "en", "con", "para", "por", "una", "del", "se"}


def looks_english(text: str) -> bool:
    words = re.findall(r"[a-záéíóúñü]+", text.lower())
    english = sum(w in ENGLISH_WORDS for w in words)
    spanish = sum(w in SPANISH_WORDS for w in words)
    return english >= 3 and english > spanish


def test_no_english_paragraph_on_spanish_pages_unless_marked(site):
    offenders = []
    for url in (u for u in site.pages() if u.startswith("es/")):
        article = site.soup(url).select_one("article")
        if article is None:
            continue
        for block in article.select("p, li, td, dd, h1, h2, h3, figcaption, .admonition-title"):
            if block.find_parent(attrs={"lang": "en"}) or block.get("lang") == "en":
                continue
            text = " ".join(t for t in block.find_all(string=True, recursive=True)
                            if not t.find_parent(attrs={"lang": "en"}) and not t.find_parent(["em", "cite", "code"]))
            if looks_english(text):
                offenders.append((url, text[:80]))
    assert offenders == []


def test_italic_english_titles_on_spanish_pages_are_marked_english(site):
    english_words = {"the", "and", "of", "to", "for", "on", "in", "a", "an", "with", "from", "at", "our"}
    offenders = []
    for url in (u for u in site.pages() if u.startswith("es/")):
        article = site.soup(url).select_one("article")
        for em in (article.select("em, cite") if article else []):
            if em.find_parent(attrs={"lang": "en"}) or em.get("lang") == "en" or em.find(attrs={"lang": "en"}):
                continue
            words = re.findall(r"[a-záéíóúñ]+", em.get_text().lower())
            english = sum(w in english_words for w in words)
            if len(words) >= 3 and english >= 1 and english > sum(w in SPANISH_WORDS for w in words):
                offenders.append((url, em.get_text()))
    assert offenders == []


@pytest.mark.parametrize("entry", [e for e in OFFICIAL if e["kind"] == "concept" and e["id"] in K.glossary], ids=lambda e: e["id"])
def test_glossary_uses_the_official_spanish_term(entry):
    term = K.glossary[entry["id"]].es
    forms = {fold(term.term), *(fold(v) for v in term.variants), fold(term.abbreviation or "")}
    official = {fold(form) for form in entry["es"].split(" / ")}   # the fixture writes alternatives 'a / b'
    assert official <= forms, (entry["es"], term.term, term.variants)


@pytest.mark.parametrize("entry", [e for e in OFFICIAL if e["kind"] == "organization" and e["id"] in K.organizations], ids=lambda e: e["id"])
def test_organizations_use_their_official_spanish_name(entry):
    org = K.organizations[entry["id"]].es
    assert fold(entry["es"]) in {fold(org.name), *(fold(v) for v in org.variants)}, (entry["es"], org.name, org.variants)


# Calques and Spain-only forms: data/spanish_style.yml, checked over pages and data with file and
# line by tests/site/test_spanish_style.py.


def test_consolidacion_de_la_paz_only_inside_names(site):
    allowed = ("comisión de consolidación de la paz", "consejo de consolidación de la paz", "estructura para la consolidación de la paz",
               "consolidación de la paz después de los conflictos", "alianza internacional para la consolidación de la paz",
               "fondo para la consolidación de la paz", "oficina de apoyo a la consolidación de la paz", "«")
    offenders = []
    # The glossary lists the variants readers meet, with a note on when each is used.
    for url in (u for u in site.pages() if u.startswith("es/") and not u.startswith(("es/glossary/", "es/print/"))):
        text = site.text(url).casefold()
        for match in re.finditer(r"consolidación de la paz", text):
            window = text[max(0, match.start() - 60): match.end() + 40]
            if not any(a in window for a in allowed):
                offenders.append((url, window))
    assert offenders == []
