"""What a contributor sees when a pull request has mistakes: every one listed, with file, line and
fix, and no traceback. Built the way CI builds the real site, in a copy of the project."""

from __future__ import annotations

import re
import shutil

from conftest import ROOT, build_site


def test_a_build_with_several_mistakes_lists_them_all_plainly(tmp_path):
    project = tmp_path / "project"
    for name in ("docs", "data", "hooks", "kb", "overrides"):
        shutil.copytree(ROOT / name, project / name, ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copy(ROOT / "mkdocs.yml", project / "mkdocs.yml")

    about = project / "docs" / "about.md"
    text = about.read_text(encoding="utf-8")
    text = text.replace("\n## ", "\nSee [the glossary](/glosary.md).\n\n## ", 1)          # broken link
    text = re.sub(r"(\n## [^\n{]*?)\s*\{ #[a-z0-9-]+ \}", r"\1", text, count=1)            # heading id removed
    about.write_text(text, encoding="utf-8")
    spanish = project / "docs" / "state-of-the-field.es.md"
    spanish.write_text(spanish.read_text(encoding="utf-8").replace('description: "', "description: ", 1)
                       .replace('",\n', ",\n", 1), encoding="utf-8")                        # unquoted colon
    factors = project / "data" / "factors.yml"
    factors.write_text(factors.read_text(encoding="utf-8").replace("kind: risk", "kind: riks", 1), encoding="utf-8")

    result = build_site(tmp_path / "site", project)
    output = result.stdout + result.stderr
    assert result.returncode != 0
    assert "Traceback" not in output
    # All four in one run: the data problem and the page problems, each with its line and fix.
    assert re.search(r"data/factors\.yml:\d+ \[risk-[a-z-]+\]: 'riks' is not an allowed value for 'kind'", output)
    assert "How to fix: use one of: 'risk' or 'resilience'" in output
    assert re.search(r"\d+ problems in the site's data or pages", output)
    assert re.search(r"docs/about\.md:\d+: the link '/glosary\.md' leads to a page that does not exist", output)
    assert "did you mean '/glossary.md'?" in output
    assert re.search(r"docs/about\.md:\d+: the heading '.*' has no explicit id", output)
    assert re.search(r"docs/state-of-the-field\.es\.md:2: the front matter cannot be read", output)
