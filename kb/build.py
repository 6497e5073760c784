"""One language's build, as one typed object: what every hook reads and adds to.

MkDocs (with static-i18n) builds the site once per language. `start_edition` makes the `Edition`
of a language at the start of its build, in one place (hooks/knowledge_pages.py, on_pre_build);
the hooks then read and fill its attributes, so their order in mkdocs.yml does not matter.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass, field
from pathlib import Path

from . import sitemap
from .autolink import Target, TermMatcher
from .context import RenderContext, translation_notice
from .dimension_pages import dimension_path, render_dimension_page
from .inline import tooltip
from .knowledge import Knowledge, linked_forms
from .page_links import repository_edit_href
from .pages import read_assumptions, read_page_translations, read_sources, read_titles
from .paths import relative_url, site_path
from .problems import Problem
from .reference_pages import AssumptionPage
from .site_output import english_titles
from .status_page import PageTranslation
from .translation import STALE


@dataclass
class Edition:
    lang: str                                  # the language being built: "en" or "es"
    default: str                               # the default language (at the site's root)
    other: str                                 # the language the switcher leads to
    knowledge: Knowledge
    sources: dict[str, str]                    # every page's Markdown by docs path ("about.es.md")
    titles: dict[str, str]                     # English docs path -> page title in this language
    assumptions: list[AssumptionPage]          # ordered by number
    page_translations: list[PageTranslation]   # status of every page's translation
    edit_uri: str = ""                         # mkdocs.yml's edit_uri (absolute) or ""
    extra: dict = field(default_factory=dict)  # mkdocs.yml's `extra:` (e.g. the site's publisher)
    problems: list[Problem] = field(default_factory=list)         # reported together in on_env
    generated: set[str] = field(default_factory=set)              # docs paths of pages made from data
    notes_shown: dict[str, list[str]] = field(default_factory=dict)  # English page -> note slugs it shows
    used_on: dict[str, dict[str, str]] = field(default_factory=dict)  # link target -> {page url: title}
    fallback_urls: set[str] = field(default_factory=set)          # pages shown in English in this edition
    reading_order: list[tuple[str, str, str]] = field(default_factory=list)  # (url, English docs path, nav title) of the nav's pages

    @property
    def is_default(self) -> bool:
        return self.lang == self.default

    def ui(self, key: str) -> str:
        return self.knowledge.ui(key, self.lang)

    def context(self, page_url: str) -> RenderContext:
        """What the renderers need to write Markdown for the page at `page_url`."""
        def other_language_href(path: str, anchor: str = "") -> str:
            target = site_path(path, self.other, self.default) + (f"#{anchor}" if anchor else "")
            return relative_url(target, page_url)

        def same_language_href(path: str, anchor: str = "") -> str:
            return relative_url(site_path(path, self.lang, self.default) + (f"#{anchor}" if anchor else ""), page_url)

        return RenderContext(knowledge=self.knowledge, lang=self.lang, other_language_href=other_language_href,
                             same_language_href=same_language_href,
                             edit_href=self.edit_href, assumptions=self.assumptions, page_titles=self.titles,
                             page_translations=self.page_translations, extra=self.extra)

    def edit_href(self, repo_path: str) -> str:
        """Edit link for any file in the repository ("" without an absolute edit_uri)."""
        return repository_edit_href(self.edit_uri, repo_path)

    def render_dimension_pages(self) -> dict[str, str]:
        """Markdown of each dimension page (made from data/dimensions.yml) by docs path; they
        become this edition's generated pages."""
        pages = {}
        for slug in self.knowledge.dimensions:
            path = dimension_path(slug)
            pages[path] = render_dimension_page(self.context(site_path(path, self.lang, self.default)), slug)
        self.generated |= set(pages)
        return pages

    def english_notice(self, message_key: str, english_docs_path: str, page_url: str) -> str:
        """The translation notice of a whole page, linking to its English original."""
        href = relative_url(site_path(english_docs_path, self.default, self.default), page_url)
        return translation_notice(self.ui(message_key), self.ui("read_english"), href, self.default)

    def is_stale(self, src_uri: str) -> bool:
        """True for a translated page whose English original changed after it was translated."""
        return self.status_by_page.get(src_uri) == STALE

    @functools.cached_property
    def status_by_page(self) -> dict[str, str]:
        """Translation status by the translated file's docs path ("about.es.md")."""
        return {t.spanish_path: t.status for t in self.page_translations}

    @functools.cached_property
    def english_titles(self) -> frozenset[str]:
        return english_titles(self.knowledge)

    @functools.cached_property
    def linker(self) -> tuple[TermMatcher, dict[str, Target], dict[str, str]]:
        """Matcher, targets and target-by-URL for the glossary and organization auto-links."""
        return build_linker(self.knowledge, self.lang, self.default)


def start_edition(knowledge: Knowledge, docs: Path, lang: str, default: str, other: str, edit_uri: str = "",
                  extra: dict | None = None) -> Edition:
    """Read the docs tree once for this language's build."""
    sources = read_sources(docs)
    titles = read_titles(sources, lang, default)
    return Edition(lang=lang, default=default, other=other, knowledge=knowledge, sources=sources, titles=titles,
                   assumptions=read_assumptions(knowledge, sources, lang, default, titles),
                   page_translations=read_page_translations(sources), edit_uri=edit_uri,
                   extra=dict(extra or {}))


def build_linker(k: Knowledge, lang: str, default: str):
    forms, targets = [], {}
    for slug, entry in k.glossary.items():
        text = getattr(entry, lang) or entry.en
        key = f"glossary:{slug}"
        targets[key] = Target(key, site_path(sitemap.BY_KEY["glossary"].list_page, lang, default) + f"#{slug}",
                              tooltip(text.definition), "kb-term")
        forms += [(f, key) for f in linked_forms(entry, "term", lang)]
    for slug, org in k.organizations.items():
        text = getattr(org, lang) or org.en
        key = f"org:{slug}"
        targets[key] = Target(key, site_path(sitemap.BY_KEY["organizations"].list_page, lang, default) + f"#{slug}",
                              tooltip(text.description), "kb-org")
        forms += [(f, key) for f in sorted(set(linked_forms(org, "name", lang)))]
    by_url = {t.href: key for key, t in targets.items()}
    return TermMatcher(forms), targets, by_url
