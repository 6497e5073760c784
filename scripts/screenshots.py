"""Screenshots of key pages, at phone and desktop width, in both languages.

Usage: python scripts/screenshots.py [SITE_DIR] [OUT_DIR]. Without SITE_DIR, the site is built
first into build/site. Pages are served on 127.0.0.1 and shot with Debian's Chromium.
"""

from __future__ import annotations

import functools
import http.server
import os
import subprocess
import sys
import threading
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PAGES = ["", "definitions/", "assumptions/", "assumptions/hate-speech/", "dimensions/",
         "dimensions/vibrant-civil-society-active-private-sectors/", "glossary/", "organizations/",
         "translation-status/", "404.html"]
SIZES = {"phone": (390, 844), "desktop": (1280, 900)}


def main() -> None:
    site = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "build" / "site"
    out = Path(sys.argv[2]) if len(sys.argv) > 2 else ROOT / "build" / "screenshots"
    if len(sys.argv) <= 1:
        subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(site)],
                       cwd=ROOT, check=True, env={**os.environ, "NO_MKDOCS_2_WARNING": "1"})
    out.mkdir(parents=True, exist_ok=True)
    handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=str(site))
    handler.log_message = lambda *a: None
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{httpd.server_address[1]}/"
    from playwright.sync_api import sync_playwright
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium"),
                                    args=["--no-sandbox", "--disable-background-networking", "--disable-gpu"])
        for size, (width, height) in SIZES.items():
            context = browser.new_context(viewport={"width": width, "height": height}, device_scale_factor=1)
            tab = context.new_page()
            for lang in ("", "es/"):
                for page in PAGES:
                    tab.goto(base + lang + page)
                    name = f"{size}-{(lang + page).strip('/').replace('/', '_').replace('.html', '') or 'home'}.png"
                    tab.screenshot(path=str(out / name), full_page=False)
            context.close()
        browser.close()
    httpd.shutdown()
    print(f"Screenshots in {out}")


if __name__ == "__main__":
    main()
