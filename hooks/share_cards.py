"""Link previews and dates: Open Graph/Twitter tags, a preview card per page, "Last updated".

A thin adapter: the tags come from kb/share.py, the cards from kb/cards.py, the dates from
kb/revision.py. overrides/main.html prints the tags (`kb_share_tags`) in <head>; Material's
source-file partial prints the date (`page.meta.revision_date`).

Other features can reuse the date: `page.kb_last_changed` (a datetime.date, or None when unknown)
is set before any other hook's on_page_markdown runs.
"""

from __future__ import annotations

import html
import os
import shutil
from pathlib import Path

from _shared import ROOT, edition, i18n, language
from mkdocs.plugins import event_priority

from kb.cards import CardText, cached_card
from kb.revision import last_change, page_files, time_element
from kb.share import SharedPage, absolute, card_path, meta_tags

CACHE = Path(os.environ.get("KB_CARDS_CACHE") or ROOT / ".cache" / "cards")
_run = {"cards": True}


def on_startup(command, dirty):
    # `mkdocs serve` is for writing: cards would only slow each reload down. KB_PREVIEW_CARDS=off
    # skips them in a build too (the benchmark's baseline).
    _run["cards"] = command != "serve" and os.environ.get("KB_PREVIEW_CARDS", "on") != "off"


@event_priority(100)   # before the markers are expanded: they tell which data files a page uses
def on_page_markdown(markdown, page, config, files):
    page.kb_last_changed = last_change(ROOT, page_files(page.file.src_uri, markdown, generated=not page.file.abs_src_path))
    if page.kb_last_changed is not None:
        # The sitemap's <lastmod>: the day the page (or data it shows) last changed, not the build day.
        page.update_date = page.kb_last_changed.isoformat()
    return markdown


@event_priority(-100)  # after the other hooks have settled the page's canonical URL
def on_page_context(context, page, config, nav):
    lang = language(config)
    day = getattr(page, "kb_last_changed", None)
    if day is not None:
        label = edition(config).ui("last_updated")
        page.meta["revision_date"] = f'<span class="kb-updated">{label}: {time_element(day, lang)}</span>'

    plugin = i18n(config)
    title = page_title(page)
    site_name = config["site_name"]
    language_name = plugin.current_language_config.name
    image = card_path(lang, page.url)
    shared = SharedPage(
        title=title,
        description=str(page.meta.get("description") or config.get("site_description") or ""),
        url=page.canonical_url or absolute(config["site_url"], page.url),
        site_name=site_name, lang=lang,
        other_langs=tuple(l for l in plugin.build_languages if l != lang),
        image_url=absolute(config["site_url"], image),
        image_alt=f"{title} · {site_name} · {language_name}",
        is_home=page.is_homepage or page.url in ("", f"{lang}/"),
    )
    context["kb_share_tags"] = meta_tags(shared)
    if _run["cards"]:
        publish_card(CardText(title, site_name, language_name), Path(config["site_dir"]) / image)
    return context


def page_title(page) -> str:
    """The page's own heading (its H1), not the shorter nav label ("Overview")."""
    for item in page.toc or []:
        if item.level == 1 and item.title:
            return html.unescape(item.title)
    return page.title or ""


def publish_card(text: CardText, target: Path) -> None:
    cached = cached_card(text, CACHE)
    target.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(cached, target)
