"""Auto-link glossary terms and organizations on prose pages, and fill in the backlinks.

Backlinks ("Used on", "Cited on") come from the links each page really has after the build,
whether the auto-linker made them or an author wrote them.
"""

from __future__ import annotations

import re
from html import escape

from _shared import default_language, lang_state, language, relative_url, site_path

from kb.autolink import Target, TermMatcher, first_link_anchors, link_first_occurrences, site_paths_linked
from kb.glossary_page import first_sentence
from kb.provenance import mark_external_links

# Pages that are lists of the entries themselves: linking there would only point at itself.
NOT_LINKED = ("glossary.", "organizations.", "factors.", "translation-status.", "sources.")
USED_ON = re.compile(r"<!--\s*kb:used-on\s+([a-z0-9-]+)\s*-->")
H1 = re.compile(r"<h1[^>]*>(.*?)</h1>", re.DOTALL)
PERMALINK = re.compile(r'<a class="headerlink"[^>]*>.*?</a>', re.DOTALL)
TAGS = re.compile(r"<[^>]+>")


def on_pre_build(config):
    st = lang_state(config)
    st["used_on"] = {}          # target key -> {page url: page title}
    st["linker"] = None


def linker(config):
    """Matcher and targets for this language, built once per build."""
    st = lang_state(config)
    if st["linker"] is None:
        st["linker"] = build_linker(st["knowledge"], language(config), default_language(config))
    return st["linker"]


def build_linker(k, lang: str, default: str):
    forms, targets = [], {}
    for slug, entry in k.glossary.items():
        text = getattr(entry, lang) or entry.en
        key = f"glossary:{slug}"
        targets[key] = Target(key, site_path("glossary.md", lang, default) + f"#{slug}",
                              first_sentence(text.definition), "kb-term")
        forms += [(f, key) for f in (text.term, *text.variants, text.abbreviation) if f]
    for slug, org in k.organizations.items():
        text = getattr(org, lang) or org.en
        key = f"org:{slug}"
        targets[key] = Target(key, site_path("organizations.md", lang, default) + f"#{slug}",
                              first_sentence(text.description), "kb-org")
        names = {text.name, *text.variants, text.abbreviation, org.en.name, *org.en.variants, org.en.abbreviation}
        forms += [(f, key) for f in sorted(n for n in names if n)]
    by_url = {t.href: key for key, t in targets.items()}
    return TermMatcher(forms), targets, by_url


def on_page_content(html, page, config, files):
    st = lang_state(config)
    matcher, targets, by_url = linker(config)
    written = {by_url[path] for path in site_paths_linked(html, page.url)
               if path in by_url and not path.startswith(page.url + "#")}   # not its own entries
    linked = set()
    if not page.file.src_uri.startswith(NOT_LINKED):   # generated dimension pages link their terms too
        html, linked = link_first_occurrences(html, matcher, targets, already_linked=written,
                                              url_prefix=relative_url("", page.url))
    heading = H1.search(html)
    title = TAGS.sub("", PERMALINK.sub("", heading.group(1))).strip() if heading else str(page.title)
    html = mark_external_links(html, config.get("site_url") or "", st["knowledge"].ui("external_link", language(config)))
    anchors = first_link_anchors(html, page.url)   # backlinks land at the section that links
    hrefs = {key: t.href for key, t in targets.items()}
    for key in written | linked:
        anchor = anchors.get(hrefs[key], "")
        st["used_on"].setdefault(key, {})[page.url + (f"#{anchor}" if anchor else "")] = title
    return html


def on_post_page(output, page, config):
    """Fill the 'Used on' / 'Cited on' placeholders of the glossary and organizations pages."""
    if "kb:used-on" not in output:
        return output
    st = lang_state(config)
    kind = "glossary" if page.file.src_uri.startswith("glossary.") else "org"
    none = st["knowledge"].ui("used_on_none", language(config))

    def fill(match: re.Match) -> str:
        users = st["used_on"].get(f"{kind}:{match.group(1)}", {})
        if not users:
            return f'<span class="kb-none">{none}</span>'
        links = [f'<a href="{escape(relative_url(url, page.url))}">{title}</a>'
                 for url, title in sorted(users.items(), key=lambda item: str(item[1]))]
        return '<span class="kb-backlinks">' + ", ".join(links) + "</span>"

    return USED_ON.sub(fill, output)
