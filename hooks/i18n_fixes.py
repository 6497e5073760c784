"""What static-i18n leaves to us (MAINTAINING.md, "static-i18n"): a 404 page per language, absolute
hreflang links with x-default, one search index per language, and honest notices on Spanish
pages that are out of date or not translated yet."""

from __future__ import annotations

import json
import logging
from html import escape
from pathlib import Path

from _shared import default_language, edition, editions, i18n, language
from mkdocs.plugins import event_priority

from kb.knowledge import LANGUAGES
from kb.paths import english_path, site_path
from kb.site_output import (absolute_url, add_edition_texts, add_script_labels, add_x_default, configure_search,
                            drop_from_sitemap, dumps_index, fix_theme_html, gzip_text, mark_english_titles,
                            split_search_index, strip_alternate_links)
from kb.status_page import stale_notes

_saved: dict = {}     # survives from the English build to the Spanish one


# --- 404 pages ----------------------------------------------------------------------------------
NOT_FOUND_KEYS = ("not_found_title", "not_found_text", "not_found_home", "not_found_glossary")


def on_template_context(context, template_name, config):
    """The 404 page's words, in every language (it shows the reader's: overrides/404.html)."""
    if template_name == "404.html":
        k = edition(config).knowledge
        context["kb_404"] = {lang: {key[len("not_found_"):]: k.ui(key, lang) for key in NOT_FOUND_KEYS}
                             for lang in LANGUAGES}   # both, also when only one edition is built
    return context


def on_post_template(output, template_name, config):
    """Each build writes /404.html; keep the English one there and put the Spanish one in /es/."""
    if template_name != "404.html":
        return output
    lang, default = language(config), default_language(config)
    # No hreflang links (Material would fetch sitemaps for them, which fail) and our search worker.
    output = configure_search(fix_theme_html(strip_alternate_links(output)), "" if lang == default else f"{lang}/")
    if lang == default:
        _saved["404"] = output
        return output
    target = Path(config["site_dir"]) / lang / "404.html"
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(output, encoding="utf-8")
    return _saved.get("404", output)


# --- notices on Spanish pages -------------------------------------------------------------------
@event_priority(-10)  # after knowledge_pages has expanded the markers
def on_page_markdown(markdown, page, config, files):
    ed = edition(config)
    if ed.is_default or not page.file.abs_src_path:
        return markdown
    if getattr(page.file, "locale", ed.lang) != ed.lang:          # static-i18n fell back to the English file
        ed.fallback_urls.add(page.url)
        return markdown
    if ed.is_stale(page.file.src_uri):
        return ed.english_notice("page_stale_notice", english_path(page.file.src_uri), page.url) + "\n\n" + markdown
    return markdown


@event_priority(-10)  # after term_links has linked the terms
def on_page_content(html, page, config, files):
    ed = edition(config)
    if ed.is_default:
        return html
    html = html.replace('title="Permanent link"', f'title="{escape(ed.ui("permalink"))}"')
    html = mark_english_titles(html, ed.english_titles)
    if page.url in ed.fallback_urls:
        notice = ed.english_notice("page_missing_notice", page.file.src_uri, page.url)
        return f'{notice}<div lang="{ed.default}">{html}</div>'
    return html


# --- head links and search scope ----------------------------------------------------------------
def on_page_context(context, page, config, nav):
    default = default_language(config)
    if page.url in edition(config).fallback_urls:
        # An untranslated page is the English page: say so to search engines.
        page.canonical_url = absolute_url(config["site_url"], site_path(page.file.src_uri, default, default))
    return context


@event_priority(-10)  # after term_links has filled the backlinks
def on_post_page(output, page, config):
    lang, default = language(config), default_language(config)
    output = strip_alternate_links(output)   # hreflang lives in sitemap.xml (see kb/site_output.py)
    output = add_script_labels(output, {"go-to-entry": edition(config).ui("go_to_entry")})   # the tap popover's link (terms.js)
    output = add_edition_texts(output, edition(config).knowledge, i18n(config).build_languages)
    output = fix_theme_html(output)   # Nu HTML Checker errors in Material's markup
    return configure_search(output, "" if lang == default else f"{lang}/")


@event_priority(-200)  # after static-i18n has built every language and merged the search index
def on_post_build(config):
    plugin = i18n(config)
    if plugin.building:
        return
    site = Path(config["site_dir"])
    default = default_language(config)
    others = [lang for lang in plugin.build_languages if lang != default]
    index_path = site / "search" / "search_index.json"
    if index_path.exists():
        parts = split_search_index(json.loads(index_path.read_text(encoding="utf-8")), {l: f"{l}/" for l in others})
        index_path.write_text(dumps_index(parts["default"]), encoding="utf-8")
        for lang in others:
            target = site / lang / "search" / "search_index.json"
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(dumps_index(parts[lang]), encoding="utf-8")
    sitemap = site / "sitemap.xml"
    if sitemap.exists():
        fallback = {absolute_url(config["site_url"], url)
                    for lang in others if lang in editions for url in editions[lang].fallback_urls}
        xml = drop_from_sitemap(sitemap.read_text(encoding="utf-8"), fallback)
        final = add_x_default(xml, default)
        sitemap.write_text(final, encoding="utf-8")
        (site / "sitemap.xml.gz").write_bytes(gzip_text(final))   # the same content as sitemap.xml
    for lang in others:     # stale translations are allowed, never hidden: say which
        ed = editions.get(lang)
        for note in stale_notes(ed.knowledge, ed.page_translations) if ed else []:
            logging.getLogger("mkdocs.hooks.translation").info("Spanish out of date: %s", note)
