"""`make serve` and `make serve-en`: the site is served and an edited page shows without a restart."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request

import pytest


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def fetch(url: str) -> str:
    try:
        with urllib.request.urlopen(url, timeout=2) as response:
            return response.read().decode("utf-8")
    except OSError:
        return ""


# The fast lane serves English only (half the build); both languages are a release check.
@pytest.mark.parametrize("only_locale", ["en", pytest.param(None, marks=pytest.mark.release)], ids=["serve-en", "serve"])
def test_serve_rebuilds_an_edited_page(project_copy, only_locale):
    tmp_path = project_copy
    port = free_port()
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    env.pop("BUILD_ONLY_LOCALE", None)
    if only_locale:
        env["BUILD_ONLY_LOCALE"] = only_locale
    server = subprocess.Popen([sys.executable, "-m", "mkdocs", "serve", "--livereload", "--dev-addr", f"127.0.0.1:{port}"],
                              cwd=tmp_path, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    try:
        url = f"http://127.0.0.1:{port}/about/"
        deadline = time.time() + 60
        while time.time() < deadline and "</html>" not in fetch(url):
            assert server.poll() is None, server.stdout.read()
            time.sleep(0.3)
        assert "</html>" in fetch(url)
        # the live-reload script changes on every reload: the preview carries no CSP (the build does)
        assert "Content-Security-Policy" not in fetch(url) and "livereload" in fetch(url)
        about = tmp_path / "docs" / "about.md"
        about.write_text(about.read_text(encoding="utf-8").replace("\n## ", "\nA sentence added while serving.\n\n## ", 1), encoding="utf-8")
        deadline = time.time() + 30
        while time.time() < deadline and "A sentence added while serving." not in fetch(url):
            time.sleep(0.3)
        assert "A sentence added while serving." in fetch(url)
        if not only_locale:
            assert 'lang="es"' in fetch(f"http://127.0.0.1:{port}/es/about/")
        # The preview draws no link-preview cards (the tags stay): each reload stays quick.
        assert 'property="og:image"' in fetch(url)
        assert not (tmp_path / ".cache" / "cards").exists()
    finally:
        server.terminate()
        log = server.communicate(timeout=10)[0]
    assert "WARNING" not in log and "Error" not in log, log
