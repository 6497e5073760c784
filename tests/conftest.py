"""Shared fixtures: the site is built once per test session and read from a temporary folder."""

from __future__ import annotations

import contextlib
import functools
import http.server
import os
import re
import shutil
import subprocess
import sys
import threading
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

SITE_URL = "https://kb.example.org/"   # any absolute URL: tests check what the build makes of it
REPO_URL = "https://github.com/example/kb"   # "Report a problem" opens an issue there
CONTACT_EMAIL = "kb@example.org"


# What every test build is given (the published site gets its own values from CI).
BUILD_ENV = {"NO_MKDOCS_2_WARNING": "1", "SITE_URL": SITE_URL, "SITE_EDIT_URI": "https://github.com/example/kb/edit/main/docs/",
             "SITE_REPO_URL": REPO_URL, "SITE_CONTACT_EMAIL": CONTACT_EMAIL,
             # Copies of the project share the real project's preview-card cache (cards are keyed
             # by content), so each test build does not redraw every card.
             "KB_CARDS_CACHE": str(ROOT / ".cache" / "cards")}


def build_site(destination: Path, project: Path = ROOT, extra_env: dict | None = None) -> subprocess.CompletedProcess:
    env = {**os.environ, **BUILD_ENV, **(extra_env or {})}
    env.pop("BUILD_ONLY_LOCALE", None)
    if os.environ.get("KB_COUNT_BUILDS"):   # a file to count whole-site builds per lane (MAINTAINING.md)
        with open(os.environ["KB_COUNT_BUILDS"], "a", encoding="utf-8") as log:
            log.write(os.environ.get("PYTEST_CURRENT_TEST", "?").split(" ")[0] + "\n")
    return subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(destination)],
                          cwd=project, env=env, capture_output=True, text=True, timeout=600)


PROJECT_PARTS = ("docs", "data", "hooks", "kb", "overrides")   # with mkdocs.yml: what a build reads


def copy_project(target: Path, parts: tuple[str, ...] = PROJECT_PARTS) -> Path:
    """A copy of the project that a test may change and build (never the real one); `parts`
    narrows it to the folders a test reads (docs and data for make check's checks)."""
    for name in parts:
        shutil.copytree(ROOT / name, target / name, ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copy(ROOT / "mkdocs.yml", target / "mkdocs.yml")
    return target


def project_problems(root: Path) -> str:
    """The problems `make check` and the build find before any page is built, one per line, as a
    contributor reads them: decided in-process, without a whole-site build."""
    if str(ROOT / "scripts") not in sys.path:
        sys.path.insert(0, str(ROOT / "scripts"))
    from check import find_problems
    return "\n".join(map(str, find_problems(root)[0]))


def edit(path: Path, old: str, new: str, count: int = 1) -> None:
    """Replace text in a file of a project copy; the text must be there (else the test proves nothing)."""
    text = path.read_text(encoding="utf-8")
    assert old in text, f"text not found in {path.name}: {old!r}"
    path.write_text(text.replace(old, new, count), encoding="utf-8")


@pytest.fixture
def project_copy(tmp_path) -> Path:
    return copy_project(tmp_path / "project")


@pytest.fixture(scope="session")
def built(tmp_path_factory) -> Path:
    site = tmp_path_factory.mktemp("site")
    result = build_site(site)
    assert result.returncode == 0, f"the strict build failed:\n{result.stdout}\n{result.stderr}"
    (site / ".build-log").write_text(result.stderr, encoding="utf-8")
    return site


CHANGED_PAGE = "about.md"
# Payloads that build and must leave the HTML inert (tests/site/test_hostile_input.py).
INERT_PAYLOADS = """

Shown-not-run: code shows markup: `<script>alert(1)</script>` and `<img src=x onerror=alert(2)>`.

```html
<a href="javascript:alert(3)" onclick="alert(4)">x</a>
```

Escaped text: &lt;script&gt;alert(5)&lt;/script&gt;. A link title: [home](/index.md "onclick=alert(6)").
"""


@pytest.fixture(scope="session")
def changed_site(tmp_path_factory) -> Path:
    """One build of a changed copy of the project, shared by the tests of what a change does:
    the translation flow (an English sentence added to about.md, a page only in English, a
    glossary definition reworded in English: tests/site/test_translation_flow.py) and hostile
    payloads that pass (about.md with a byte-order mark and code that shows markup, interface
    strings with quotes that try to close an attribute: tests/site/test_hostile_input.py)."""
    project = copy_project(tmp_path_factory.mktemp("changed-project"))
    about = project / "docs" / CHANGED_PAGE
    text = about.read_text(encoding="utf-8")
    first_paragraph = next(p for p in text.split("\n\n") if p and not p.startswith(("---", "#")) and "description:" not in p)
    text = text.replace(first_paragraph, first_paragraph + " One new English sentence.", 1)
    about.write_text("\ufeff" + text + INERT_PAYLOADS, encoding="utf-8")   # a BOM is accepted too
    (project / "docs" / "only-english.md").write_text(
        "---\ndescription: A page written in English only.\n---\n\n# Only in English\n\nThis page has no Spanish version yet.\n",
        encoding="utf-8")
    edit(project / "data" / "glossary.yml", "Acts committed with intent", "Acts, as newly worded here, committed with intent")
    edit(project / "mkdocs.yml", "not_in_nav: |\n", "not_in_nav: |\n  /only-english.md\n")
    # Quotes are text, so a data text can try to close an attribute: renderers escape them.
    interface = project / "data" / "interface.yml"
    edit(interface, "glossary_letters: {en: Glossary letters, es: Letras del glosario}",
         """glossary_letters: {en: 'Letters" onmouseover="alert(1)', es: 'Letras" onmouseover="alert(1)'}""")
    edit(interface, "permalink: {en: Permanent link, es: Enlace permanente}",
         """permalink: {en: Permanent link, es: 'Enlace" onclick="alert(1)'}""")
    site = tmp_path_factory.mktemp("changed-site")
    result = build_site(site, project)
    assert result.returncode == 0, result.stdout + result.stderr
    (site / ".build-log").write_text(result.stderr, encoding="utf-8")
    return site


@pytest.fixture(scope="session")
def built_again(built, tmp_path_factory) -> Path:
    """A second build of the real site, for the release checks that compare two builds (the
    downloads and their JSON-LD, the offline copies): one build shared, not one each."""
    again = tmp_path_factory.mktemp("site-again")
    result = build_site(again)
    assert result.returncode == 0, f"the second strict build failed:\n{result.stdout}\n{result.stderr}"
    return again


@pytest.fixture(scope="session")
def export_site(tmp_path_factory) -> Path:
    """The project as a tarball would hold it (no .git), built with an empty card cache: shared by
    the release checks of a build outside git, of cards drawn again and of the hooks' order."""
    tmp = tmp_path_factory.mktemp("export")
    project = tmp / "project"
    # Virtualenvs and the Nu checker's node_modules are installs, not the project (and large).
    shutil.copytree(ROOT, project, ignore=shutil.ignore_patterns(".git", ".venv", ".properdocs-venv", "node_modules", ".cache",
                                                                  "site", "build", "__pycache__", ".pytest_cache"))
    result = build_site(tmp / "site", project, extra_env={"KB_CARDS_CACHE": str(tmp / "cards")})
    assert result.returncode == 0, result.stdout + result.stderr
    return tmp / "site"


class Site:
    def __init__(self, root: Path):
        self.root = root

    def path(self, url: str) -> Path:
        url = url.lstrip("/")
        return self.root / url / "index.html" if url == "" or url.endswith("/") else self.root / url

    def html(self, url: str) -> str:
        return self.path(url).read_text(encoding="utf-8")

    @functools.lru_cache(maxsize=None)
    def soup(self, url: str) -> BeautifulSoup:
        return BeautifulSoup(self.html(url), "html.parser")

    def pages(self):
        """Every HTML page of the site, as URLs."""
        for file in sorted(self.root.rglob("*.html")):
            relative = file.relative_to(self.root).as_posix()
            yield relative[: -len("index.html")] if relative.endswith("index.html") else relative

    def text(self, url: str) -> str:
        """The article's text as a reader sees it (no space is added around links or emphasis)."""
        article = self.soup(url).select_one("article") or self.soup(url)
        text = " ".join(article.get_text(" ").split())
        return re.sub(r"\s+([,.;:!?»)%])", r"\1", re.sub(r"([«(])\s+", r"\1", text))


@pytest.fixture(scope="session")
def site(built) -> Site:
    return Site(built)


class SiteHandler(http.server.SimpleHTTPRequestHandler):
    """Serves a built site quietly; a missing address gets the site's root 404.html with status
    404, as a static host (GitHub Pages) does."""

    def log_message(self, *args):
        pass

    def send_error(self, code, message=None, explain=None):
        not_found = Path(self.directory) / "404.html"
        if code != 404 or not not_found.exists():
            return super().send_error(code, message, explain)
        body = not_found.read_bytes()
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


@contextlib.contextmanager
def serving(site: Path, handler: type = SiteHandler):
    """`site` served on 127.0.0.1 (a free port) from a thread, for the tests and scripts/: yields
    the base URL, without a trailing slash."""
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(handler, directory=str(site)))
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}"
    finally:
        httpd.shutdown()
        httpd.server_close()


@pytest.fixture(scope="session")
def server(built):
    """The built site on 127.0.0.1, with a 404 page like a static host's."""
    with serving(built) as base:
        yield base


def tap_first_term(tab, url: str):
    """Open `url` and tap the article's first auto-linked glossary term, as a phone reader does;
    returns the term's locator."""
    tab.goto(url)
    term = tab.locator("article a.kb-term").first
    term.scroll_into_view_if_needed()
    term.tap()
    return term


@pytest.fixture(scope="session")
def browser():
    """Debian's Chromium through Playwright. If it cannot start, the test fails: never skipped."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(
            executable_path=os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium"), headless=True,
            args=["--no-sandbox", "--disable-background-networking", "--disable-component-update",
                  "--disable-sync", "--no-first-run", "--disable-gpu", "--disable-quic"])
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    tab = context.new_page()
    yield tab
    context.close()


@pytest.fixture
def phone(browser):
    context = browser.new_context(viewport={"width": 390, "height": 844}, is_mobile=True, has_touch=True,
                                  device_scale_factor=2)
    tab = context.new_page()
    yield tab
    context.close()


def wait_until(page, expression: str, timeout: float = 10_000) -> None:
    """Wait until a JavaScript expression is true on the page. Playwright's wait_for_function
    evaluates a string with eval(), which the pages' Content-Security-Policy forbids; evaluate()
    goes through the DevTools protocol, which the policy does not govern."""
    import time
    deadline = time.monotonic() + timeout / 1000
    while not page.evaluate(f"() => Boolean({expression})"):
        if time.monotonic() > deadline:
            raise AssertionError(f"still false after {timeout / 1000:.0f} s: {expression}")
        page.wait_for_timeout(100)
