"""Search quality and weight: builds the site, types each query of tests/browser/search_cases.py
into Material's search box in Chromium, and prints per language the share of queries whose
expected entry comes first (top-1), the mean reciprocal rank, and the index's size; then, on a slow
link (400 kbps, 400 ms round trip, pages served with gzip as GitHub Pages does), the time from the
reader's first keystroke in the search box to the first result shown.
Prints figures; asserts nothing (tests/browser/test_search.py holds the requirement).

    python scripts/search_benchmark.py
"""

from __future__ import annotations

import contextlib
import gzip
import os
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "tests"), str(ROOT / "tests" / "browser")]

from conftest import build_site, serving, wait_until  # noqa: E402
from lighthouse import GzipHandler  # noqa: E402  (a static host that compresses, like GitHub Pages)
from search_cases import CASES, open_search, rank, run_query  # noqa: E402

SLOW_LINK = {"offline": False, "latency": 400, "downloadThroughput": 400_000 / 8, "uploadThroughput": 400_000 / 8}
FIRST_QUERY = {"en": "genocide", "es": "genocidio"}
RUNS = 5


# Timestamps taken in the page, not by polling from Playwright (which looks every 500 ms once a
# wait grows long): the reader's first key down, and the first frame in which a result has a box.
STOPWATCH = """
addEventListener("keydown", () => { if (!window.kbFirstKey) window.kbFirstKey = performance.now(); }, true);
(function watch() {
  const item = document.querySelector(".md-search-result__item");
  if (item && item.getBoundingClientRect().height > 0) window.kbFirstResult = performance.now();
  else requestAnimationFrame(watch);
})();
"""


def first_search_seconds(browser, base: str, lang: str) -> float:
    """Seconds from the first keystroke to the first result, on a slow link, typing at 8 keys a
    second right after the tap on the search icon (no pause for the keyboard to open: the worst
    case). The index is fetched only when the reader reaches for the search box."""
    context = browser.new_context(viewport={"width": 360, "height": 740}, is_mobile=True, has_touch=True)
    context.add_init_script(STOPWATCH)
    tab = context.new_page()
    cdp = context.new_cdp_session(tab)
    cdp.send("Network.enable")
    cdp.send("Network.emulateNetworkConditions", SLOW_LINK)
    tab.goto(base + ("/" if lang == "en" else f"/{lang}/"), wait_until="load")
    tab.click('label[for="__search"]')
    tab.locator(".md-search__input").press_sequentially(FIRST_QUERY[lang], delay=125)
    wait_until(tab, "window.kbFirstResult", timeout=30_000)
    seconds = tab.evaluate("(window.kbFirstResult - window.kbFirstKey) / 1000")
    context.close()
    return seconds


def main() -> None:
    from playwright.sync_api import sync_playwright

    with tempfile.TemporaryDirectory() as folder, contextlib.ExitStack() as stack:
        site = Path(folder)
        result = build_site(site)
        if result.returncode:
            sys.exit(result.stderr)
        base = stack.enter_context(serving(site))
        print(f"{'edition':8} {'queries':>7} {'top-1':>6} {'MRR':>5} {'index KB':>9} {'gzip KB':>8}")
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium"),
                                                 args=["--no-sandbox", "--disable-background-networking"])
            misses = []
            for lang, cases in CASES.items():
                tab = browser.new_page(viewport={"width": 1280, "height": 900})
                root = open_search(tab, base, lang)
                ranks = []
                for query, expected in cases:
                    ranks.append(rank(run_query(tab, query), expected, root))
                    if ranks[-1] != 1:
                        misses.append(f"  {lang}: {query!r} -> expected at {ranks[-1] or 'not found'}")
                index = (site / root.lstrip("/") / "search" / "search_index.json").read_bytes()
                top1 = sum(r == 1 for r in ranks) / len(ranks)
                mrr = sum(1 / r for r in ranks if r) / len(ranks)
                print(f"{lang:8} {len(ranks):7} {top1:6.0%} {mrr:5.2f} {len(index) / 1024:9.0f} "
                      f"{len(gzip.compress(index)) / 1024:8.0f}")
                tab.close()
            with serving(site, GzipHandler) as gzip_base:
                for lang in CASES:
                    runs = sorted(first_search_seconds(browser, gzip_base, lang) for _ in range(RUNS))
                    print(f"{lang}: first results {runs[RUNS // 2]:.2f} s after the first keystroke (median of {RUNS}, "
                          f"{runs[0]:.2f}-{runs[-1]:.2f}) on a 400 kbps, 400 ms link ('{FIRST_QUERY[lang]}' typed at "
                          f"8 keys a second)")
            browser.close()
        if misses:
            print("Not first:\n" + "\n".join(misses))


if __name__ == "__main__":
    main()
