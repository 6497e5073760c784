"""One Spanish voice: the site's terms, the discouraged forms of data/spanish_style.yml and the
mechanical typography rules hold over every Spanish page and every Spanish data field, and
the three places that name an assumption (its page, the nav, the home page) agree."""

from __future__ import annotations

import re

import yaml

from conftest import ROOT
from kb.knowledge import load_knowledge
from kb.spanish_style import check_project, mask_data

K = load_knowledge(ROOT / "data")


def glossary_english_terms() -> dict[str, str]:
    """English term and variants -> the glossary's Spanish term (not where the forms coincide, or
    for short forms and abbreviations that Spanish shares)."""
    terms = {}
    for entry in K.glossary.values():
        spanish = {f.casefold() for f in (entry.es.term, *entry.es.variants)}
        for english in (entry.en.term, *entry.en.variants):
            if len(english) >= 6 and english.casefold() not in spanish:
                terms[english] = entry.es.term
    return terms


def test_the_spanish_edition_follows_the_style_list_the_glossary_and_typography():
    problems = check_project(ROOT, {slug: entry.es.term for slug, entry in K.glossary.items()}, glossary_english_terms())
    assert problems == [], "Spanish style (file:line [entry]: problem; how to fix):\n" + "\n".join(map(str, problems))


# --- Titles: each assumption has one Spanish title (page, home page, assumptions overview).

def assumption_titles(site):
    titles = {}
    for page in sorted((ROOT / "docs/assumptions").glob("*.es.md")):
        if page.name == "index.es.md":
            continue
        heading = re.search(r"^# Supuesto (\d): (.+)$", page.read_text(encoding="utf-8"), re.M)
        titles[page.name.replace(".es.md", "")] = (int(heading.group(1)), heading.group(2).strip())
    return titles


def test_home_page_names_each_assumption_by_its_page_title(site):
    home = site.soup("es/")
    for slug, (number, title) in assumption_titles(site).items():
        links = [a.get_text(" ", strip=True) for a in home.select(f'article a[href$="assumptions/{slug}/"]')]
        assert title in links, (slug, title, links)


def test_spanish_nav_title_names_the_same_assumption(site):
    nav = yaml.safe_load(re.sub(r"!ENV \[[^\]]*\]", "''", (ROOT / "mkdocs.yml").read_text(encoding="utf-8")))
    spanish = next(l for l in nav["plugins"][1]["i18n"]["languages"] if l["locale"] == "es")["nav_translations"]
    numbered = {v.split(" · ")[0]: v.split(" · ")[1] for v in spanish.values() if " · " in v}
    for slug, (number, title) in assumption_titles(site).items():
        short = numbered[str(number)]
        # The nav's short form takes its words from the page title (no second wording of the
        # same assumption): each word shares its stem (first five letters) with a title word.
        stems = {w[:5] for w in re.findall(r"\w+", title.casefold())}
        words = {w for w in re.findall(r"\w+", short.casefold()) if len(w) > 3}
        assert {w for w in words if w[:5] not in stems} == set(), (number, short, title)


# --- Organization names: the official Spanish name, or the original name with a Spanish gloss.

def test_a_spanish_rendering_of_a_name_comes_with_the_original_name_on_the_page():
    """Where an organization has no official Spanish name (data: es.name is the English name),
    a page that uses a Spanish rendering also gives the original name (first mention: "European
    Peacebuilding Liaison Office (EPLO; Oficina Europea de Enlace…)"). A name the site translates
    itself, pending confirmation, says so in its gloss ("traducción de este sitio") and is exempt.
    The same holds for each data entry's Spanish text (glossary, directory, sources, notes)."""
    from kb.knowledge import fold
    # Each Spanish page, and each data entry's Spanish text, is one place a name must be clear in.
    pages = {p.relative_to(ROOT).as_posix(): " ".join(p.read_text(encoding="utf-8").split())
             for p in (ROOT / "docs").rglob("*.es.md")}
    for data in sorted((ROOT / "data").glob("*.yml")):
        masked, entries = mask_data(data.read_text(encoding="utf-8"))
        ends = [start for start, _ in entries[1:]] + [len(masked)]
        for (start, slug), end in zip(entries, ends):
            pages[f"data/{data.name} [{slug}]"] = " ".join(masked[start:end].split())
    pages = {file: fold(text) for file, text in pages.items()}
    offenders = []
    for slug, org in K.organizations.items():
        if org.es.name != org.en.name or "traducción de este sitio" in (org.es.gloss or ""):
            continue
        originals = [n for n in (org.en.name, *org.en.variants, org.en.abbreviation) if n and len(n) > 2]
        for rendering in org.es.variants:
            if fold(rendering) in {fold(n) for n in originals}:
                continue
            for file, text in pages.items():
                if file == f"data/organizations.yml [{slug}]":
                    continue      # the directory entry gives the name and the gloss in their own fields
                if fold(rendering) in text and not any(fold(n) in text for n in originals):
                    offenders.append((file, slug, rendering))
    assert offenders == [], "Spanish rendering without the original name (file, organization, rendering):\n" + "\n".join(map(str, offenders))


def test_dimension_pages_count_in_words(site):
    """Generated text, so checked in the built pages: «Dimensión 1 de 5», not «1 / 5»."""
    kickers = [site.soup(f"es/dimensions/{slug}/").select_one(".kb-kicker").get_text(" ", strip=True) for slug in K.dimensions]
    assert kickers == [f"Dimensión {n} de {len(K.dimensions)}" for n in range(1, len(K.dimensions) + 1)]
