"""The paper's substance is on the site: its key facts, in the pages where a reader looks for them."""

from __future__ import annotations

import pytest

# (page, facts that page must state). Figures and names come from the paper; corrections from
# the project's fact-check of the paper's sources appear in the editorial notes.
ENGLISH_FACTS = {
    "": ["Stanley Center for Peace and Security", "September 2020", "nine"],
    "about/": ["COVID-19", "upstream", "resilience", "1956"],
    "state-of-the-field/": ["30-year high", "79.5 million", "$14.7 billion", "US$14.76 trillion", "Pathways for Peace",
                            "$5 billion", "$70 billion", "Institute for Economics and Peace", "#MeToo", "#AidToo",
                            "Security Council", "civic space"],
    "programming/": ["mid-2017", "Auschwitz Institute", "CRIES", "Peace in Our Cities", "Peace Direct",
                     "Social Science Research Council", "Protection Approaches", "Impact:Peace", "Kroc Institute",
                     "October 2017", "Strategy for Peace Conference", "Positive Peace Conference",
                     "War Stories Peace Stories", "300", "Pulitzer Center", "Beyond War", "midstream", "downstream"],
    "definitions/": ["2017", "Bellamy", "2016", "Framework of Analysis", "corruption", "pluralistic",
                     "genocide", "war crimes", "crimes against humanity", "ethnic cleansing"],
    "assumptions/": ["Wilton Park", "October 2018", "November 2019", "Schaeffer Center", "300", "FAS Research",
                     "December 2019", "Eirene", "GAAMAC", "EPLO", "+Peace", "Life & Peace Institute"],
    "assumptions/labels/": ["Peace Direct", "2018", "Atrocity Prevention and Peacebuilding"],
    "assumptions/collaboration/": ["whole-of-society", "youth", "LGBTQ", "parliamentarians", "metanarrative"],
    "assumptions/local-ownership/": ["Life & Peace Institute", "July 2020", "Global Peacebuilding Policy"],
    "assumptions/early-action/": ["Agenda for Peace", "1991", "1992", "Peacebuilding Commission", "2005 World Summit",
                                  "Responsibility to Protect", "2015", "Sustaining Peace", "2016", "Guterres",
                                  "Global Partnership for the Prevention of Armed Conflict", "Economic Community of West African States",
                                  "Organization of American States", "Association of Southeast Asian Nations",
                                  "Great Lakes Region"],
    "assumptions/evidence/": ["Eirene", "3,000", "Design, Monitoring", "three types of evidence", "Pathways for Peace",
                              "Pathfinders", "Roadmap for Peaceful, Just and Inclusive Societies", "SDG16+",
                              "One Earth Future", "Better Evidence Project", "George Mason University", "Liberia",
                              "Guatemala", "Timor-Leste", "negative peace"],
    "assumptions/every-country-at-risk/": ["Protection Approaches", "2019", "R2P Focal Points", "60",
                                           "Latin American Network", "Black Lives Matter", "Syria", "Yemen",
                                           "Myanmar", "Venezuela", "Central America"],
    "assumptions/hate-speech/": ["no international legal definition", "Yugoslavia", "Rwanda", "Reddit", "Facebook",
                                 "Twitter", "2019", "Strategy and Plan of Action on Hate Speech", "Over Zero",
                                 "PeaceTech Lab", "ten countries", "Dangerous Speech Project", "counter speech",
                                 "Ethical Journalism Network", "Turning the Page of Hate", "five-point test",
                                 "#MediaAgainstHate", "#SpreadNoHate"],
    "assumptions/multilateralism/": ["Security Council", "Kleinfeld", "Muggah", "November 2019", "veto", "UN@75",
                                     "Peacebuilding Council", "Conducive Space for Peace"],
    "assumptions/funding/": ["Radical Flexibility", "Pathfinders", "politicization", "flexible"],
    "endnotes/": ["Goal 16", "2015", "Peace, Justice and Strong Institutions", "Interpeace", "2016",
                  "Atrocities Prevention Board", "2011", "2012", "Article 20", "International Covenant on Civil and Political Rights",
                  "States parties", "small arms and light weapons"],
    "editorial-notes/": ["US$14.76 trillion", "1992", "23 April 2012", "3,381"],
}

SPANISH_FACTS = {
    "es/state-of-the-field/": ["79,5 millones", "14,76 billones", "Opciones de paz", "30 años"],
    "es/assumptions/early-action/": ["Un programa de paz", "1992", "responsabilidad de proteger", "Comisión de Consolidación de la Paz"],
    "es/definitions/": ["Marco de análisis para crímenes atroces", "crímenes de lesa humanidad", "limpieza étnica"],
    "es/endnotes/": ["Pacto Internacional de Derechos Civiles y Políticos", "Estados partes", "Paz, justicia e instituciones sólidas"],
    "es/assumptions/hate-speech/": ["discurso de odio", "Estrategia y Plan de Acción de las Naciones Unidas"],
    "es/programming/": ["Red Latinoamericana para la Prevención del Genocidio y Atrocidades Masivas", "Instituto Auschwitz", "mediano plazo"],
}


def normalized(text: str) -> str:
    return " ".join(text.replace("\u00a0", " ").replace("\u202f", " ").split()).casefold()


@pytest.mark.parametrize("url,facts", sorted({**ENGLISH_FACTS, **SPANISH_FACTS}.items()))
def test_key_facts_are_on_the_page(site, url, facts):
    text = normalized(site.text(url))
    missing = [fact for fact in facts if normalized(fact) not in text]
    assert missing == [], f"{url or 'home'} lacks {missing}"


def test_the_paper_is_credited_and_linked_on_both_home_pages(site):
    for url in ("", "es/"):
        links = [a["href"] for a in site.soup(url).select("article a[href]")]
        assert "https://stanleycenter.org/publications/strategy-mass-violence-prevention/" in links


def test_no_dead_placeholder_links(site):
    for url in site.pages():
        assert not site.soup(url).select('article a[href="#"]'), url


def test_any_assumption_definition_or_source_is_two_clicks_from_home(site):
    import posixpath

    def links(url):
        out = set()
        for a in site.soup(url).select("article a[href], nav a[href]"):
            href = a["href"].split("#")[0]
            if href.startswith(("http", "mailto:")) or not href:
                continue
            out.add(posixpath.normpath(posixpath.join(url or ".", href)).lstrip("./") + "/")
        return {u.replace("//", "/") for u in out}

    reachable = set()
    for first in links(""):
        reachable |= {first} | (links(first) if site.path(first).exists() else set())
    targets = [f"assumptions/{s}/" for s in ("labels", "collaboration", "local-ownership", "early-action", "evidence",
                                             "every-country-at-risk", "hate-speech", "multilateralism", "funding")]
    targets += ["definitions/", "sources/", "glossary/", "organizations/", "endnotes/"]
    assert [t for t in targets if t not in reachable] == []
