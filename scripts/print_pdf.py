"""Print each edition's print page to PDF with Debian's Chromium: `make pdf`.

    python scripts/print_pdf.py [SITE_DIR] [OUT_DIR]

Serves SITE_DIR (default site/) on 127.0.0.1 and writes OUT_DIR/print-en.pdf and print-es.pdf
(default build/pdf/): tagged PDF with an outline of the headings. The next `mkdocs build` copies
them into downloads/ and lists them, with their size, on the Data page (hooks/open_data.py).
"""

from __future__ import annotations

import functools
import html
import http.server
import os
import sys
import threading
from pathlib import Path

from playwright.sync_api import sync_playwright

EDITIONS = {"en": "print/", "es": "es/print/"}
MARGINS = {"top": "18mm", "bottom": "18mm", "left": "16mm", "right": "16mm"}


def print_page(tab, url: str, target: Path) -> None:
    """One page to an A4 PDF, as a reader's Chromium prints it, with the page's published address
    and its date at the foot of every sheet (the paper leaves the site; the address brings it back)."""
    tab.goto(url, wait_until="load")
    tab.emulate_media(media="print")
    address = tab.evaluate("document.querySelector('link[rel=canonical]')?.href || location.href")
    # the newest "Last updated" on the page (the print edition holds every page's)
    day = tab.evaluate("[...document.querySelectorAll('.kb-updated time')].map(t => t.getAttribute('datetime')).sort().pop() || ''")
    foot = html.escape(" · ".join(part for part in (address, day) if part))
    tab.pdf(path=str(target), format="A4", print_background=False, tagged=True, outline=True, margin=MARGINS,
            display_header_footer=True, header_template="<span></span>",
            footer_template=f'<div style="font-size:8px;width:100%;padding:0 16mm;display:flex;justify-content:space-between">'
                            f'<span>{foot}</span><span><span class="pageNumber"></span> / <span class="totalPages"></span></span></div>')


def main(site: Path, out: Path) -> None:
    out.mkdir(parents=True, exist_ok=True)
    class Quiet(http.server.SimpleHTTPRequestHandler):
        def log_message(self, *args):
            pass
    handler = functools.partial(Quiet, directory=str(site))
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{httpd.server_address[1]}/"
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(
                executable_path=os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium"), headless=True,
                args=["--no-sandbox", "--disable-background-networking", "--disable-gpu"])
            tab = browser.new_page()
            for lang, path in EDITIONS.items():
                if not (site / path / "index.html").exists():
                    sys.exit(f"{site / path / 'index.html'} is missing: run `make build` first")
                target = out / f"print-{lang}.pdf"
                print_page(tab, base + path, target)
                print(f"{target}: {target.stat().st_size // 1024} KB")
            browser.close()
    finally:
        httpd.shutdown()


if __name__ == "__main__":
    main(Path(sys.argv[1] if len(sys.argv) > 1 else "site"), Path(sys.argv[2] if len(sys.argv) > 2 else "build/pdf"))
