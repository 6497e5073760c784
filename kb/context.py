"""What every renderer needs to know about the page it writes for."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Callable

from .knowledge import Knowledge
from .translation import MISSING, STALE, entry_status


@dataclass(frozen=True)
class RenderContext:
    knowledge: Knowledge
    lang: str                                   # the edition being built: "en" or "es"
    # (docs path, anchor) -> href of that page in the OTHER language, relative to the current page.
    other_language_href: Callable[[str, str], str] = lambda path, anchor="": ""
    # (data file) -> URL to edit it, or "" when the site has no edit URL configured.
    edit_href: Callable[[str], str] = lambda path: ""
    # (docs path, anchor) -> href of that page in THIS language, relative to the current page, for
    # links inside raw HTML (which MkDocs does not resolve).
    same_language_href: Callable[[str, str], str] = lambda path, anchor="": "/" + path + (f"#{anchor}" if anchor else "")
    assumptions: list = field(default_factory=list)  # AssumptionPage items, ordered by number
    page_titles: dict = field(default_factory=dict)  # English docs path -> page title in this edition
    page_translations: list = field(default_factory=list)  # PageTranslation items (translation status page)
    extra: dict = field(default_factory=dict)        # mkdocs.yml `extra:` (e.g. the site's publisher)

    @property
    def other_lang(self) -> str:
        return "es" if self.lang == "en" else "en"

    def ui(self, key: str) -> str:
        return self.knowledge.ui(key, self.lang)

    def text(self, entry):
        """The entry's block in this edition's language, or the English one when Spanish is missing."""
        block = getattr(entry, self.lang)
        return block if block is not None else entry.en

    def is_fallback(self, entry) -> bool:
        return getattr(entry, self.lang) is None

    def status(self, entry) -> str:
        """current / stale / missing, for the Spanish edition; English is always current."""
        return entry_status(entry) if self.lang == "es" else "current"

    def lang_attr(self, entry) -> str:
        """An attribute declaring English text on a Spanish page, so screen readers switch voice."""
        return ' lang="en"' if self.is_fallback(entry) else ""

    def paragraph(self, entry, text: str) -> str:
        """Markdown for a text of the entry; English fallback text is marked lang="en"."""
        if not self.is_fallback(entry):
            return text + "\n"
        return f'<div lang="en" markdown>\n\n{text}\n\n</div>\n'

    def translation_notice(self, entry, anchor_path: str, anchor: str) -> str:
        status = self.status(entry)
        if status not in (STALE, MISSING):
            return ""
        key = "entry_missing_translation" if status == MISSING else "entry_stale_translation"
        if status == STALE and not getattr(entry.es, "translated_from", ""):
            key = "entry_unstamped_translation"   # a new entry: nothing "changed", it was never checked
        return translation_notice(self.ui(key), self.ui("read_english"), self.other_language_href(anchor_path, anchor))


def translation_notice(message: str, link_text: str, english_href: str, english: str = "en") -> str:
    """The one notice that says a text is out of date or not translated, with a link to the English."""
    return (f'<p class="kb-translation-notice" role="note">{message} '
            f'<a href="{english_href}" hreflang="{english}" lang="{english}">{link_text}</a></p>')
