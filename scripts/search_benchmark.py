"""Search quality and weight: builds the site, types each query of tests/browser/search_cases.py
into Material's search box in Chromium, and prints per language the share of queries whose
expected entry comes first (top-1), the mean reciprocal rank, and the index's size.
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

from conftest import build_site, serving  # noqa: E402
from search_cases import CASES, open_search, rank, run_query  # noqa: E402


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
            browser.close()
        if misses:
            print("Not first:\n" + "\n".join(misses))


if __name__ == "__main__":
    main()
