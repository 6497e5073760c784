"""Spanish pages speak Spanish in their chrome: header, footer, navigation, buttons, and the
aria-labels, titles, placeholders and alt texts screen readers announce."""

from __future__ import annotations

import re

# English words that are not also Spanish words ("no", "a", "me" are left out on purpose).
ENGLISH = set("""
the and of to is are was with for this that these your you on by from at as be or not an
switch mode dark light search skip content back top previous next type copy copied clipboard
table contents edit page pages share clear close results result match matches made footer header
navigation menu open view source last update updated initializing more read report problem go
entry english spanish language select home overview about glossary sources endnotes settings
toggle theme sidebar scroll link permanent permalink show hide expand collapse tooltip
""".split())

# Names that stay in English on Spanish pages (with the reason in the comment).
PROPER_NAMES = (
    "English",                                   # the language switcher names each language in itself
    "Stanley Center for Peace and Security",     # the publisher's own name
    "Conducive Space for Peace",                 # an organization's own name (no Spanish form)
    "CC BY",                                     # the licence's name
)

CHROME = ("header", "footer", "nav", ".md-sidebar", "button", "label", ".md-search", ".md-dialog", ".md-banner")
ATTRIBUTES = ("aria-label", "title", "placeholder", "alt")


def english_words(text: str) -> list[str]:
    for name in PROPER_NAMES:
        text = text.replace(name, "")
    return [w for w in re.findall(r"[^\W\d_]+", text) if w.lower() in ENGLISH]


def chrome_texts(soup):
    """The interface's words on one page: chrome text nodes, attribute texts, the tab title."""
    yield "<title>", soup.title.get_text() if soup.title else ""
    for selector in CHROME:
        for element in soup.select(selector):
            for text in element.find_all(string=True):
                if not text.find_parent(attrs={"lang": "en"}) and not text.find_parent(["script", "style"]):
                    yield selector, str(text)
    # Words handed to scripts (docs/assets/*.js) as data-kb-* attributes on <html>.
    for name, value in (soup.html.attrs.items() if soup.html else []):
        if name.startswith("data-kb-"):
            yield f"html[{name}]", value
    for element in soup.select(",".join(f"[{a}]" for a in ATTRIBUTES)):
        if element.get("lang") == "en" or element.find_parent(attrs={"lang": "en"}):
            continue
        # Glossary links carry the entry's definition as their title: that is content, checked elsewhere.
        if element.name == "a" and {"kb-term", "kb-org"} & set(element.get("class", [])):
            continue
        for attribute in ATTRIBUTES:
            if element.get(attribute):
                yield f"{element.name}[{attribute}]", element[attribute]


def test_english_word_detector_finds_the_palette_toggle():
    assert english_words("Switch to dark mode") == ["Switch", "to", "dark", "mode"]
    assert english_words("Cambiar al modo oscuro") == []
    assert english_words("Textos bajo CC BY 4.0; Stanley Center for Peace and Security") == []


def test_spanish_chrome_has_no_english(site):
    pages = [u for u in site.pages() if u.startswith("es/")]
    assert "es/404.html" in pages
    offenders = sorted({(url, where, text.strip()[:80]) for url in pages
                        for where, text in chrome_texts(site.soup(url)) if english_words(text)})
    assert offenders == [], "English in the Spanish interface (page, element, text):\n" + "\n".join(map(str, offenders))


def test_palette_toggle_is_spanish_on_spanish_pages_and_english_on_english_pages(site):
    spanish = site.soup("es/")
    english = site.soup("")
    labels = lambda soup: {label.get("title") for label in soup.select("form[data-md-component=palette] label")}
    assert labels(spanish) == {"Cambiar al modo oscuro", "Cambiar al modo claro"}
    assert labels(english) == {"Switch to dark mode", "Switch to light mode"}
