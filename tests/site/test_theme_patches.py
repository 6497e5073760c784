"""Guards for theme patches that had no test of their own (MAINTAINING.md lists every patch)."""

from __future__ import annotations

import json
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent.parent


def test_spanish_permalinks_are_titled_in_spanish(site):
    """Python-Markdown's toc writes title="Permanent link"; the Spanish build retitles it."""
    spanish = [url for url in site.pages() if url.startswith("es/") and url.endswith("/")]
    for url in spanish:
        html = site.html(url)
        assert 'title="Permanent link"' not in html, url
    assert 'class="headerlink" href="#' in site.html("es/about/") and 'title="Enlace permanente"' in site.html("es/about/")


def test_list_pages_table_of_contents_shows_group_headings_only(site):
    """The glossary's contents list its letters, not its hundreds of entries."""
    glossary = yaml.safe_load((ROOT / "data" / "glossary.yml").read_text(encoding="utf-8"))
    slugs = {f"#{entry['slug']}" for entry in glossary}
    for url in ("glossary/", "es/glossary/"):
        toc = [a["href"] for a in site.soup(url).select("nav.md-nav--secondary a.md-nav__link")]
        assert toc and all(href.startswith("#letter-") for href in toc), (url, toc[:5])
        assert not slugs & set(toc)


def test_spanish_interface_uses_the_latin_american_wording(site):
    """overrides/partials/languages/es-latam.html rewords Material's Spanish strings."""
    soup = site.soup("es/about/")
    assert soup.select_one(".md-skip").get_text(strip=True) == "Ir al contenido"
    translations = json.loads(soup.select_one("script#__config").string)["translations"]
    assert translations["search.result.placeholder"] == "Escriba para buscar"
    assert soup.select_one("input.md-search__input")["placeholder"] == "Buscar"
    assert "Teclee" not in site.html("es/about/")
    assert soup.html["lang"] == "es"
