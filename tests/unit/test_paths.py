"""The English/Spanish file convention and the site's URL arithmetic (kb/paths.py)."""

from kb.paths import (english_path, is_english, localized_path, relative_url, resolve_href, site_path,
                      translated_path)


def test_files_of_a_page_in_each_language():
    assert is_english("assumptions/evidence.md") and not is_english("assumptions/evidence.es.md")
    assert english_path("assumptions/evidence.es.md") == "assumptions/evidence.md"
    assert english_path("about.md") == "about.md"
    assert translated_path("about.md", "es") == "about.es.md"
    assert localized_path("about.md", "es", "en", {"about.md", "about.es.md"}) == "about.es.md"
    assert localized_path("sources.md", "es", "en", {"sources.md"}) == "sources.md"     # no translation yet
    assert localized_path("about.md", "en", "en", {"about.md", "about.es.md"}) == "about.md"


def test_site_paths_put_the_default_language_at_the_root():
    assert site_path("glossary.md", "en", "en") == "glossary/"
    assert site_path("glossary.md", "es", "en") == "es/glossary/"
    assert site_path("index.md", "es", "en") == "es/"
    assert site_path("index.md", "en", "en") == ""
    assert site_path("dimensions/index.md", "en", "en") == "dimensions/"


def test_relative_urls_between_pages():
    assert relative_url("es/glossary/#genocide", "es/assumptions/evidence/") == "../../glossary/#genocide"
    assert relative_url("glossary/", "") == "glossary/"
    assert relative_url("", "es/") == "../"
    assert relative_url("es/", "es/") == "./"


def test_a_relative_link_resolves_back_to_its_site_path():
    for target, page in (("es/glossary/", "es/assumptions/evidence/"), ("glossary/", ""), ("", "es/"), ("es/", "es/")):
        assert resolve_href(relative_url(target, page), page) == target
    assert resolve_href("", "es/about/") == "es/about/"
