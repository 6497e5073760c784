"""What readers type into search, and the result that must come first: shared by the browser test
(tests/browser/test_search.py) and the benchmark (scripts/search_benchmark.py).

Each case is (query, expected), the expected result as a path under the edition's root: a section
("glossary/#genocide") must be the first result itself; a page ("assumptions/evidence/") may be
reached through any of its sections. Where two results are equally right (the working definition
and the glossary entry of the same term), they are both given, separated by a space.
"""

from __future__ import annotations

from urllib.parse import urlparse

ENGLISH = [
    ("genocide", "glossary/#genocide"),
    ("atrocity crimes", "glossary/#atrocity-crimes"),
    ("mass violence", "glossary/#mass-violence"),
    ("hate speech", "glossary/#hate-speech"),
    ("early warning", "glossary/#early-warning"),
    ("early action", "glossary/#early-action"),
    ("upstream prevention", "glossary/#upstream-prevention definitions/#upstream-prevention"),
    ("structural prevention", "glossary/#structural-prevention"),
    ("ethnic cleansing", "glossary/#ethnic-cleansing"),
    ("crimes against humanity", "glossary/#crimes-against-humanity"),
    ("war crimes", "glossary/#war-crimes"),
    ("Responsibility to Protect", "glossary/#responsibility-to-protect"),
    ("rule of law", "glossary/#rule-of-law"),
    ("impunity", "glossary/#impunity"),
    ("social cohesion", "glossary/#social-cohesion"),
    ("civil society organizations", "glossary/#civil-society-organizations"),
    ("preventive diplomacy", "glossary/#preventive-diplomacy"),
    ("dangerous speech", "glossary/#dangerous-speech"),
    ("local ownership", "glossary/#local-ownership"),
    ("multilateralism", "glossary/#multilateralism"),
    ("GAAMAC", "organizations/#gaamac"),
    ("Peace Direct", "organizations/#peace-direct"),
    ("Auschwitz Institute", "organizations/#auschwitz-institute"),
    ("World Bank", "organizations/#world-bank"),
    ("Interpeace", "organizations/#interpeace"),
    ("Constructive management of diversity", "dimensions/constructive-management-of-diversity/"),
    ("Security of livelihoods", "dimensions/security-of-livelihoods/"),
    ("Guarantees of nonrecurrence", "dimensions/guarantees-of-nonrecurrence/"),
    ("legitimate and capable authority", "dimensions/legitimate-and-capable-authority/"),
    ("assumption 6", "assumptions/every-country-at-risk/"),
    ("assumption 9", "assumptions/funding/"),
]

SPANISH = [
    ("genocidio", "glossary/#genocide"),
    ("crímenes atroces", "glossary/#atrocity-crimes"),
    ("crimenes atroces", "glossary/#atrocity-crimes"),
    ("atrocidades", "glossary/#atrocities"),
    ("violencia masiva", "glossary/#mass-violence"),
    ("discurso de odio", "glossary/#hate-speech"),
    ("alerta temprana", "glossary/#early-warning"),
    ("prevención estructural", "glossary/#structural-prevention"),
    ("prevencion temprana", "glossary/#upstream-prevention definitions/#upstream-prevention"),
    ("limpieza etnica", "glossary/#ethnic-cleansing"),
    ("crímenes de lesa humanidad", "glossary/#crimes-against-humanity"),
    ("crimenes de guerra", "glossary/#war-crimes"),
    ("responsabilidad de proteger", "glossary/#responsibility-to-protect"),
    ("Estado de derecho", "glossary/#rule-of-law"),
    ("impunidad", "glossary/#impunity"),
    ("cohesion social", "glossary/#social-cohesion"),
    ("sociedad civil", "glossary/#civil-society-organizations dimensions/vibrant-civil-society-active-private-sectors/"),
    ("diplomacia preventiva", "glossary/#preventive-diplomacy"),
    ("rendicion de cuentas", "glossary/#accountability"),
    ("apropiación local", "glossary/#local-ownership"),
    ("GAAMAC", "organizations/#gaamac"),
    ("Banco Mundial", "organizations/#world-bank"),
    ("Red Latinoamericana", "organizations/#latin-american-network"),
    ("Instituto Auschwitz", "organizations/#auschwitz-institute"),
    ("CRIES", "organizations/#cries"),
    ("Gestión constructiva de la diversidad", "dimensions/constructive-management-of-diversity/"),
    ("seguridad de los medios de vida", "dimensions/security-of-livelihoods/"),
    ("garantias de no repeticion", "dimensions/guarantees-of-nonrecurrence/"),
    ("autoridad legitima y capaz", "dimensions/legitimate-and-capable-authority/"),
    ("supuesto 6", "assumptions/every-country-at-risk/"),
    ("supuesto 9", "assumptions/funding/"),
]

CASES = {"en": ENGLISH, "es": SPANISH}


def result_hits(tab) -> list[str]:
    """The results in the order shown: each group's sections, or the page when it has none.
    Paths are made relative to the edition's root and lose their ?h= query."""
    hits = []
    for group in tab.locator(".md-search-result__item").all():
        links = [a.get_attribute("href") for a in group.locator(":scope > a").all()]
        for href in (links[1:] or links[:1]):
            url = urlparse(href)
            hits.append(url.path + ("#" + url.fragment if url.fragment else ""))
    return hits


def rank(hits: list[str], expected: str, root: str) -> int:
    """1-based position of the expected result among the hits, or 0 when it is absent."""
    wanted = [root + one for one in expected.split()]
    for position, hit in enumerate(hits, 1):
        if any(hit == want or ("#" not in want and hit.split("#")[0] == want) for want in wanted):
            return position
    return 0


def run_query(tab, query: str) -> list[str]:
    """Type a query into Material's search box, as a reader does, and wait for its results."""
    field = tab.locator(".md-search__input")
    field.fill("")
    field.press("End")
    tab.wait_for_function("() => !document.querySelector('.md-search-result__item')")
    field.fill(query)
    field.press("End")   # Material reads the query on key events
    tab.wait_for_selector(".md-search-result__item", timeout=15000)
    tab.wait_for_timeout(150)   # let Material render the whole first page of results
    return result_hits(tab)


def open_search(tab, base: str, lang: str) -> str:
    root = "/" if lang == "en" else f"/{lang}/"
    tab.goto(base + root)
    tab.click(".md-search__input") if tab.locator(".md-search__input").is_visible() else tab.click('label[for="__search"]')
    return urlparse(base).path.rstrip("/") + root
