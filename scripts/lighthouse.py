"""Lighthouse (mobile) on the home pages and glossaries of both editions. Prints figures;
asserts nothing. Installs Lighthouse 12.8.2 with npm into build/lighthouse the first time.

    python scripts/lighthouse.py [/es/glossary/ ...]

The site is built into a temporary folder and served on 127.0.0.1 with gzip, as GitHub Pages
serves it. Needs Node 20 and Chromium (CHROME_PATH, default /usr/bin/chromium).
"""

from __future__ import annotations

import contextlib
import gzip
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "tests")]

from conftest import SiteHandler, build_site, serving  # noqa: E402

VERSION = "12.8.2"
TOOL = ROOT / "build" / "lighthouse"
PAGES = ["/", "/glossary/", "/es/", "/es/glossary/"]
CATEGORIES = ["accessibility", "best-practices", "seo", "performance"]


class GzipHandler(SiteHandler):
    """A static host that compresses text, like GitHub Pages."""

    def send_head(self):
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            path = path / "index.html"
        if "gzip" not in self.headers.get("Accept-Encoding", "") or path.suffix not in {".html", ".css", ".js", ".json", ".xml", ".svg"} \
                or not path.is_file():
            return super().send_head()
        body = gzip.compress(path.read_bytes())
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        return __import__("io").BytesIO(body)


def lighthouse() -> Path:
    binary = TOOL / "node_modules" / ".bin" / "lighthouse"
    if not binary.exists():
        TOOL.mkdir(parents=True, exist_ok=True)
        subprocess.run(["npm", "install", "--prefix", str(TOOL), "--no-audit", "--no-fund", f"lighthouse@{VERSION}"],
                       check=True)
    return binary


def main() -> None:
    binary = lighthouse()
    with tempfile.TemporaryDirectory() as folder, contextlib.ExitStack() as stack:
        site = Path(folder)
        result = build_site(site)
        if result.returncode:
            sys.exit(result.stderr)
        base = stack.enter_context(serving(site, GzipHandler))
        env = {**os.environ, "CHROME_PATH": os.environ.get("CHROME_PATH", "/usr/bin/chromium")}
        print(f"Lighthouse {VERSION}, mobile (simulated slow 4G, 4x CPU slowdown), gzip")
        print(f"{'page':16}" + "".join(f"{c:>16}" for c in CATEGORIES))
        for page in sys.argv[1:] or PAGES:
            out = site / "report.json"
            subprocess.run([str(binary), base + page, "--quiet", "--output=json", f"--output-path={out}",
                            "--only-categories=" + ",".join(CATEGORIES),
                            "--chrome-flags=--headless=new --no-sandbox --disable-gpu"], env=env, check=True)
            report = json.loads(out.read_text(encoding="utf-8"))
            scores = [report["categories"][c]["score"] for c in CATEGORIES]
            print(f"{page:16}" + "".join(f"{round(s * 100) if s is not None else '-':>16}" for s in scores))
            failing = [a["title"] for c in CATEGORIES[:3] for ref in report["categories"][c]["auditRefs"]
                       if (a := report["audits"][ref["id"]]).get("score") is not None and a["score"] < 1 and ref["weight"] > 0]
            for title in failing:
                print(f"    not passed: {title}")
            metrics = ("first-contentful-paint", "largest-contentful-paint", "total-blocking-time",
                       "cumulative-layout-shift", "speed-index")
            print("    " + ", ".join(f"{m.replace('-', ' ')} {report['audits'][m]['displayValue']}" for m in metrics))


if __name__ == "__main__":
    main()
