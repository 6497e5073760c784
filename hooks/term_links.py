"""Auto-link glossary terms and organizations on prose pages, and fill in the backlinks.

Backlinks ("Used on", "Cited on") come from the links each page really has after the build,
whether the auto-linker made them or an author wrote them.
"""

from __future__ import annotations

import re
from html import escape

from _shared import edition
from mkdocs.plugins import event_priority

from kb import sitemap
from kb.autolink import first_link_anchors, link_first_occurrences, site_paths_linked
from kb.paths import relative_url
from kb.provenance import mark_external_links

# Pages that are lists of the entries themselves: linking there would only point at itself.
NOT_LINKED = (*(c.list_page_prefix for c in sitemap.COLLECTIONS if c.lists_each_entry), "translation-status.")
USED_ON = re.compile(r"<!--\s*kb:used-on\s+([a-z0-9-]+)\s*-->")
H1 = re.compile(r"<h1[^>]*>(.*?)</h1>", re.DOTALL)
PERMALINK = re.compile(r'<a class="headerlink"[^>]*>.*?</a>', re.DOTALL)
TAGS = re.compile(r"<[^>]+>")


@event_priority(0)  # before i18n_fixes (-10) wraps and marks the page: the order of hooks: does not matter
def on_page_content(html, page, config, files):
    ed = edition(config)
    matcher, targets, by_url = ed.linker
    written = {by_url[path] for path in site_paths_linked(html, page.url)
               if path in by_url and not path.startswith(page.url + "#")}   # not its own entries
    linked = set()
    if not page.file.src_uri.startswith(NOT_LINKED):   # generated dimension pages link their terms too
        html, linked = link_first_occurrences(html, matcher, targets, already_linked=written,
                                              url_prefix=relative_url("", page.url))
    heading = H1.search(html)
    title = TAGS.sub("", PERMALINK.sub("", heading.group(1))).strip() if heading else str(page.title)
    html = mark_external_links(html, config.get("site_url") or "", ed.ui("external_link"))
    anchors = first_link_anchors(html, page.url)   # backlinks land at the section that links
    hrefs = {key: t.href for key, t in targets.items()}
    for key in written | linked:
        anchor = anchors.get(hrefs[key], "")
        ed.used_on.setdefault(key, {})[page.url + (f"#{anchor}" if anchor else "")] = title
    return html


def on_post_page(output, page, config):
    """Fill the 'Used on' / 'Cited on' placeholders of the glossary and organizations pages."""
    if "kb:used-on" not in output:
        return output
    ed = edition(config)
    kind = "glossary" if page.file.src_uri.startswith(sitemap.BY_KEY["glossary"].list_page_prefix) else "org"
    none = ed.ui("used_on_none")

    def fill(match: re.Match) -> str:
        users = ed.used_on.get(f"{kind}:{match.group(1)}", {})
        if not users:
            return f'<span class="kb-none">{none}</span>'
        links = [f'<a href="{escape(relative_url(url, page.url))}">{title}</a>'
                 for url, title in sorted(users.items(), key=lambda item: str(item[1]))]
        return '<span class="kb-backlinks">' + ", ".join(links) + "</span>"

    return USED_ON.sub(fill, output)
