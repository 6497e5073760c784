"""Every built page passes the Nu HTML Checker (vnu), run once over the whole site.

vnu is pinned in tests/vnu/package.json and installed by `make test` (npm ci); it needs Java 17.
"""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest

VNU = Path(__file__).resolve().parent.parent / "vnu" / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"


@pytest.mark.release
def test_every_page_passes_the_nu_html_checker(built):
    assert VNU.exists(), "vnu is not installed: run `make test` (or `npm ci --ignore-scripts --prefix tests/vnu`)"
    java = shutil.which("java")
    assert java, "the Nu HTML Checker needs Java 17 (Debian: apt-get install openjdk-17-jre-headless)"
    result = subprocess.run([java, "-jar", str(VNU), "--errors-only", "--format", "json", "--skip-non-html", str(built)],
                            capture_output=True, text=True, timeout=600)
    messages = json.loads(result.stderr or '{"messages": []}')["messages"]
    errors = [f"{m.get('url', '').replace('file:' + str(built), '')}:{m.get('lastLine')}: {m['message']}"
              for m in messages if m.get("type") == "error"]
    assert not errors, f"{len(errors)} errors:\n" + "\n".join(errors[:40])
