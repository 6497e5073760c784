"""Search in Chromium: the entry named by the query comes first, every result link carries the
query, and the page opened from a result highlights it."""

from __future__ import annotations

import time
from urllib.parse import parse_qs, urlparse

import pytest

from conftest import wait_until

from search_cases import CASES, open_search, rank, run_query

pytestmark = pytest.mark.browser


@pytest.mark.parametrize("lang", ["en", "es"])
def test_the_entry_named_by_the_query_comes_first_for_nine_in_ten(page, server, lang):
    root = open_search(page, server, lang)
    ranks, misses = [], []
    for query, expected in CASES[lang]:
        hits = run_query(page, query)
        assert all(hit.startswith(root) for hit in hits), (query, "results outside the edition", hits)
        ranks.append(rank(hits, expected, root))
        if ranks[-1] != 1:
            misses.append((query, expected, hits[:3]))
    assert len(CASES[lang]) >= 30
    assert sum(r == 1 for r in ranks) >= 0.9 * len(ranks), misses


@pytest.mark.parametrize("lang,query", [("es", "crimenes atroces"), ("en", "hate speech")])
def test_every_result_link_carries_the_query(page, server, lang, query):
    open_search(page, server, lang)
    run_query(page, query)
    hrefs = [a.get_attribute("href") for a in page.locator(".md-search-result__item a").all()]
    assert hrefs
    for href in hrefs:   # group headings (the page itself) included
        assert parse_qs(urlparse(href).query).get("h", [""])[0].strip(), href


def test_the_page_opened_from_a_result_highlights_the_words_and_opens_the_entry(phone, server):
    phone.goto(f"{server}/es/")
    phone.locator('label[for="__search"]').first.tap()
    phone.keyboard.type("crimenes atroces", delay=20)
    first = phone.locator(".md-search-result__item").first.locator(":scope > a").nth(1)
    first.wait_for(timeout=15000)
    assert "#atrocity-crimes" in first.get_attribute("href")
    first.tap()
    phone.wait_for_url("**/es/glossary/?h=*#atrocity-crimes")
    entry = phone.locator(".kb-entry", has=phone.locator("#atrocity-crimes"))
    wait_until(phone, "document.querySelectorAll('article mark').length > 0", timeout=15000)
    assert entry.locator("details").get_attribute("open") is not None
    assert entry.locator("mark").count() >= 2


def test_the_index_is_fetched_as_the_reader_reaches_for_search(phone, server):
    requests = []
    phone.on("request", lambda request: requests.append(request.url))
    phone.goto(f"{server}/es/assumptions/evidence/")
    phone.wait_for_load_state("networkidle")
    assert not [u for u in requests if "search_index" in u]
    phone.dispatch_event('label[for="__search"]', "pointerdown")   # a finger down, before the tap ends
    wait_until(phone, "performance.getEntriesByType('resource').some(e => e.name.includes('search_index'))")
    assert [u for u in requests if "search_index" in u] == [f"{server}/es/search/search_index.json"]


@pytest.mark.parametrize("lang, scripts", [("es", ["lunr.es.min.js", "lunr.stemmer.support.min.js"]), ("en", [])])
def test_the_language_scripts_arrive_while_the_index_downloads_and_only_once(phone, server, lang, scripts):
    """On a slow link, lunr's scripts for the page's language (none for English) come in while the
    index is still on its way, not one round trip after another once it is there."""
    events = []
    phone.on("request", lambda request: events.append(("asked", request.url, time.monotonic())))
    phone.on("requestfinished", lambda request: events.append(("got", request.url, time.monotonic())))
    phone.goto(server + ("/" if lang == "en" else f"/{lang}/"), wait_until="load")
    cdp = phone.context.new_cdp_session(phone)
    cdp.send("Network.enable")
    cdp.send("Network.emulateNetworkConditions", {"offline": False, "latency": 400, "downloadThroughput": 50_000,
                                                  "uploadThroughput": 50_000})   # 400 kbps, 400 ms
    phone.click('label[for="__search"]')
    phone.locator(".md-search__input").press_sequentially("genocid", delay=125)
    phone.wait_for_selector(".md-search-result__item", timeout=30_000)
    index_arrived = next(t for kind, url, t in events if kind == "got" and "search_index.json" in url)
    lunr = [(kind, url.rsplit("/", 1)[-1], t) for kind, url, t in events if "/lunr/" in url]
    assert sorted(name for kind, name, _ in lunr if kind == "asked") == scripts
    assert all(t < index_arrived for kind, _, t in lunr if kind == "got")
