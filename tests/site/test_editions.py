"""Two editions, built strictly: twins, languages, 404s, hreflang, sitemap, nothing from elsewhere."""

from __future__ import annotations

import re
from urllib.parse import urlparse

from conftest import ROOT, SITE_URL

from kb.paths import site_path

DOCS = ROOT / "docs"
ENGLISH_PAGES = sorted(p.relative_to(DOCS).as_posix() for p in DOCS.rglob("*.md") if p.name.count(".") == 1)


def url_of(docs_path: str) -> str:
    return site_path(docs_path, "en", "en")     # kb/paths.py, unit-tested in tests/unit/test_paths.py


def test_the_strict_build_passed_without_warnings(built):
    log = (built / ".build-log").read_text(encoding="utf-8")
    assert "WARNING" not in log


def test_every_english_page_has_a_spanish_twin_in_the_sources():
    missing = [p for p in ENGLISH_PAGES if not (DOCS / p.replace(".md", ".es.md")).exists()]
    assert missing == []


def test_every_english_page_is_built_in_both_editions(site):
    for page in ENGLISH_PAGES:
        assert site.path(url_of(page)).exists(), page
        assert site.path("es/" + url_of(page)).exists(), page


def test_html_lang_matches_the_edition_on_every_page(site):
    for url in site.pages():
        lang = site.soup(url).html["lang"]
        assert lang == ("es" if url.startswith("es/") else "en"), url


def test_each_edition_has_its_own_404(site):
    english, spanish = site.soup("404.html"), site.soup("es/404.html")
    assert english.html["lang"] == "en" and english.h1.get_text() == "Page not found"
    assert spanish.html["lang"] == "es" and spanish.h1.get_text() == "Página no encontrada"
    # Static hosts serve /404.html for every missing address: it holds the Spanish text too, which
    # assets/not-found.js keeps under /es/ (both show without JavaScript), and leads home.
    spanish_part = english.select_one('.kb-not-found[lang="es"]')
    assert spanish_part.h1.get_text() == "Página no encontrada"
    assert spanish_part.select_one('a[href$="/es/"]') is not None


def test_hreflang_cluster_is_in_the_sitemap_with_absolute_urls_and_x_default(site):
    import re as _re
    sitemap = (site.root / "sitemap.xml").read_text(encoding="utf-8")
    block = _re.search(rf"<url>\s*<loc>{_re.escape(SITE_URL)}es/about/</loc>.*?</url>", sitemap, _re.DOTALL).group(0)
    links = dict(_re.findall(r'hreflang="([^"]+)" href="([^"]+)"', block))
    assert links == {"en": SITE_URL + "about/", "es": SITE_URL + "es/about/", "x-default": SITE_URL + "about/"}


def test_head_has_no_alternate_links_that_would_make_material_fetch_sitemaps(site):
    # Material 9.8 fetches <alternate>/sitemap.xml for each of them: 404s on every page view.
    for url in ("about/", "es/about/", "dimensions/security-of-livelihoods/"):
        assert site.soup(url).head.select('link[rel="alternate"][hreflang]') == []


def test_sitemap_lists_both_editions_including_generated_pages(site):
    sitemap = (site.root / "sitemap.xml").read_text(encoding="utf-8")
    for url in ("about/", "es/about/", "dimensions/security-of-livelihoods/", "es/dimensions/security-of-livelihoods/", "es/glossary/"):
        assert f"<loc>{SITE_URL}{url}</loc>" in sitemap, url


SUBRESOURCES = [("script", "src"), ("link", "href"), ("img", "src"), ("iframe", "src"), ("source", "src"),
                ("video", "src"), ("audio", "src"), ("embed", "src"), ("object", "data"), ("image", "href")]


def test_no_page_loads_anything_from_another_host(site):
    own = urlparse(SITE_URL).netloc
    offenders = []
    for url in site.pages():
        soup = site.soup(url)
        for tag, attribute in SUBRESOURCES:
            for element in soup.find_all(tag):
                if tag == "link" and not set(element.get("rel", [])) & {"stylesheet", "preload", "icon", "modulepreload", "prefetch", "manifest"}:
                    continue
                value = element.get(attribute) or ""
                host = urlparse(value).netloc
                if host and host != own:
                    offenders.append((url, tag, value))
        for style in soup.find_all(style=True):
            if re.search(r"url\(\s*['\"]?(https?:)?//", style["style"]):
                offenders.append((url, "style", style["style"]))
    assert offenders == []


def test_no_stylesheet_imports_from_another_host(site):
    for css in site.root.rglob("*.css"):
        text = css.read_text(encoding="utf-8")
        assert not re.search(r"@import\s+(url\()?['\"]?(https?:)?//", text), css
        assert not re.search(r"url\(\s*['\"]?(https?:)?//", text), css


def test_search_is_one_index_per_language(site):
    import json
    english = json.loads((site.root / "search/search_index.json").read_text(encoding="utf-8"))
    spanish = json.loads((site.root / "es/search/search_index.json").read_text(encoding="utf-8"))
    assert english["config"]["lang"] == ["en"] and spanish["config"]["lang"] == ["es"]
    assert english["config"]["pipeline"] == ["stemmer", "stopWordFilter", "trimmer"]
    assert not any(d["location"].startswith("es/") for d in english["docs"])
    assert {d["location"].split("#")[0] for d in spanish["docs"]} >= {"", "about/", "glossary/"}
    spanish_text = " ".join(d["text"] for d in spanish["docs"])
    assert "impunidad" in spanish_text.lower()


def test_spanish_pages_point_search_at_the_spanish_index(site):
    import json
    config = json.loads(site.soup("es/assumptions/evidence/").select_one("#__config").string)
    assert config["base"] == "../../../es/"
    folder, _, worker = config["search"].partition("kb-search.js?worker=")
    assert (site.root / "assets/javascripts/workers" / worker).exists()
    assert (site.root / "assets/javascripts/workers/kb-search.js").exists()
    assert json.loads(site.soup("assumptions/evidence/").select_one("#__config").string)["base"] == "../.."


def test_language_switcher_leads_to_the_same_page(site):
    for url in ("assumptions/evidence/", "dimensions/security-of-livelihoods/", "glossary/"):
        english = {a["hreflang"]: a["href"] for a in site.soup(url).select("a.md-select__link[hreflang]")}
        spanish = {a["hreflang"]: a["href"] for a in site.soup("es/" + url).select("a.md-select__link[hreflang]")}
        depth = url.count("/")
        assert english["es"] == "../" * depth + "es/" + url and english["en"] == "./"
        assert spanish["en"] == "../" * (depth + 1) + url and spanish["es"] == "./"


def test_every_page_has_its_own_meta_description(site):
    seen = {}
    for url in site.pages():
        meta = site.soup(url).select_one('meta[name="description"]')
        assert meta is not None and meta["content"].strip(), url
        if url.endswith("404.html"):
            continue
        assert meta["content"] not in seen, f"{url} has the same description as {seen.get(meta['content'])}"
        seen[meta["content"]] = url
