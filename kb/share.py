"""Link-preview metadata: the Open Graph and Twitter card tags a messaging app or social site
reads when someone shares a page.

Pure: the hook gives the page's facts, this returns the `<meta>` tags as HTML. Every value is
escaped for an attribute (MkDocs' templates do not escape), and every URL is absolute, because
link-preview parsers do not resolve relative ones.
"""

from __future__ import annotations

import html
from dataclasses import dataclass
from urllib.parse import urljoin

CARD_WIDTH, CARD_HEIGHT = 1200, 630
CARDS_FOLDER = "assets/cards"   # every card under one folder, so offline copies can leave them out

# Open Graph wants language_TERRITORY from the list link-preview readers follow, which names
# Latin American Spanish es_LA (the CLDR code es_419, used for dates, is not on it).
OG_LOCALES = {"en": "en_US", "es": "es_LA"}


@dataclass(frozen=True)
class SharedPage:
    """What a preview shows of one page, in its edition's language."""
    title: str            # the page's own title, without the site name
    description: str      # the page's meta description (or the site's, if the page has none)
    url: str              # absolute URL of the page
    site_name: str        # in the edition's language
    lang: str             # "en", "es"
    other_langs: tuple[str, ...]
    image_url: str        # absolute URL of the page's preview card
    image_alt: str
    is_home: bool = False


def og_locale(lang: str) -> str:
    return OG_LOCALES.get(lang, lang)


def absolute(site_url: str, path: str) -> str:
    """`path` (site-relative, e.g. "es/glossary/") as an absolute URL under `site_url`."""
    return urljoin(site_url if site_url.endswith("/") else site_url + "/", path.lstrip("/"))


def card_path(lang: str, page_url: str) -> str:
    """Where a page's card is published, site-relative: "es/glossary/" -> assets/cards/es/glossary.png.

    The home page of each edition is "index"; English cards get their own "en" folder too, so
    both editions sit side by side under CARDS_FOLDER.
    """
    default_prefix = f"{lang}/"
    stem = page_url[len(default_prefix):] if page_url.startswith(default_prefix) else page_url
    stem = stem.strip("/")
    if stem.endswith(".html"):
        stem = stem[: -len(".html")]
    return f"{CARDS_FOLDER}/{lang}/{stem or 'index'}.png"


def meta_tags(page: SharedPage) -> str:
    """The `<meta>` tags for one page, one per line, values escaped."""
    def prop(name: str, value: str) -> str:
        return f'<meta property="{name}" content="{html.escape(value, quote=True)}">'

    def named(name: str, value: str) -> str:
        return f'<meta name="{name}" content="{html.escape(value, quote=True)}">'

    tags = [
        prop("og:type", "website" if page.is_home else "article"),
        prop("og:site_name", page.site_name),
        prop("og:title", page.title),
        prop("og:description", page.description),
        prop("og:url", page.url),
        prop("og:locale", og_locale(page.lang)),
        *(prop("og:locale:alternate", og_locale(other)) for other in page.other_langs),
        prop("og:image", page.image_url),
        prop("og:image:type", "image/png"),
        prop("og:image:width", str(CARD_WIDTH)),
        prop("og:image:height", str(CARD_HEIGHT)),
        prop("og:image:alt", page.image_alt),
        named("twitter:card", "summary_large_image"),
        named("twitter:title", page.title),
        named("twitter:description", page.description),
        named("twitter:image", page.image_url),
        named("twitter:image:alt", page.image_alt),
    ]
    return "\n".join(tags)
