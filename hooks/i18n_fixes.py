"""What static-i18n leaves to us (../shared/stack.md §7): a 404 page per language, absolute
hreflang links with x-default, one search index per language, and honest notices on Spanish
pages that are out of date or not translated yet."""

from __future__ import annotations

import json
from pathlib import Path

from _shared import default_language, i18n, lang_state, language, relative_url, site_path, state
from mkdocs.plugins import event_priority

from kb.site_output import (absolute_url, add_edition_texts, add_x_default, fix_theme_html, configure_search, drop_from_sitemap, dumps_index,
                            english_titles, mark_english_titles, split_search_index,
                            strip_alternate_links)
from kb.translation import STALE

_saved: dict = {}     # survives from the English build to the Spanish one


def on_pre_build(config):
    st = lang_state(config)
    st["fallback_urls"] = set()


def ui(config, key: str) -> str:
    return lang_state(config)["knowledge"].ui(key, language(config))


# --- 404 pages ----------------------------------------------------------------------------------
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
def on_page_markdown(markdown, page, config, files):
    lang, default = language(config), default_language(config)
    if lang == default or not page.file.abs_src_path:
        return markdown
    if getattr(page.file, "locale", lang) != lang:          # static-i18n fell back to the English file
        lang_state(config)["fallback_urls"].add(page.url)
        return markdown
    # Whether this translation is stale was worked out once for the status page (knowledge_pages).
    st = lang_state(config)
    if "status_by_page" not in st:
        st["status_by_page"] = {t.spanish_path: t.status for t in st.get("page_translations", [])}
    if st["status_by_page"].get(page.file.src_uri) == STALE:
        href = relative_url(site_path(page.file.src_uri.replace(f".{lang}.md", ".md"), default, default), page.url)
        notice = (f'<p class="kb-translation-notice" role="note">{ui(config, "page_stale_notice")} '
                  f'<a href="{href}" hreflang="{default}" lang="{default}">{ui(config, "read_english")}</a></p>')
        return notice + "\n\n" + markdown
    return markdown


def on_page_content(html, page, config, files):
    lang, default = language(config), default_language(config)
    if lang == default:
        return html
    html = html.replace('title="Permanent link"', f'title="{ui(config, "permalink")}"')
    st = lang_state(config)
    if "english_titles" not in st:
        st["english_titles"] = english_titles(st["knowledge"])
    html = mark_english_titles(html, st["english_titles"])
    if page.url in lang_state(config)["fallback_urls"]:
        href = relative_url(site_path(page.file.src_uri, default, default), page.url)
        notice = (f'<p class="kb-translation-notice" role="note">{ui(config, "page_missing_notice")} '
                  f'<a href="{href}" hreflang="{default}" lang="{default}">{ui(config, "read_english")}</a></p>')
        return f'{notice}<div lang="{default}">{html}</div>'
    return html


# --- head links and search scope ----------------------------------------------------------------
def on_page_context(context, page, config, nav):
    default = default_language(config)
    if page.url in lang_state(config)["fallback_urls"]:
        # An untranslated page is the English page: say so to search engines.
        page.canonical_url = absolute_url(config["site_url"], site_path(page.file.src_uri, default, default))
    return context


def on_post_page(output, page, config):
    lang, default = language(config), default_language(config)
    output = strip_alternate_links(output)   # hreflang lives in sitemap.xml (see kb/site_output.py)
    output = add_edition_texts(output, lang_state(config)["knowledge"], i18n(config).build_languages)
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
                    for lang in others for url in state.get(lang, {}).get("fallback_urls", set())}
        xml = drop_from_sitemap(sitemap.read_text(encoding="utf-8"), fallback)
        sitemap.write_text(add_x_default(xml, default), encoding="utf-8")
