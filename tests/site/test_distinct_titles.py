"""No two pages of one edition share a browser-tab title: a reader with several tabs open, or a
bookmark list, must tell the assumptions overview from the dimensions overview."""

from __future__ import annotations

from collections import defaultdict

import pytest


@pytest.mark.parametrize("edition", ["", "es/"])
def test_every_page_of_an_edition_has_its_own_title(site, edition):
    pages = defaultdict(list)
    for url in site.pages():
        other_edition = url.startswith("es/") != (edition == "es/")
        if other_edition or url.startswith(("404", "es/404")) or not (url == "" or url.endswith("/")):
            continue
        title = site.soup(url).title
        if title is not None:
            pages[" ".join(title.get_text().split())].append(url)
    shared = {title: urls for title, urls in pages.items() if len(urls) > 1}
    assert not shared, f"pages sharing a tab title: {shared}"
    assert len(pages) > 20
