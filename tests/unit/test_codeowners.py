""".github/CODEOWNERS covers every file that runs code or decides what runs (in the build, in CI,
in `make check` and pre-commit, in readers' browsers), derived from the repository's files rather
than from a hand list, and leaves pages and data open to every reviewer."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent.parent
CODEOWNERS = ROOT / ".github" / "CODEOWNERS"
# What runs or configures what runs: code, styles, templates, configuration and manifests. Images
# (SVG included) are contributors' files: the build parses an SVG and refuses script in it.
CODE_SUFFIXES = (".py", ".js", ".mjs", ".cjs", ".ts", ".css", ".scss", ".sh", ".bash", ".html", ".htm", ".jinja",
                 ".j2", ".json", ".toml", ".cfg", ".ini", ".yml", ".yaml")
CONFIG_NAMES = re.compile(r"(^|/)(Makefile|requirements[^/]*\.txt|pytest\.ini|\.pre-commit-config\.yaml|\.gitignore|"
                          r"\.gitattributes|CODEOWNERS|Dockerfile|package(-lock)?\.json)$")
# Contributors' content: read by the build as data, checked by it, reviewed by anyone.
CONTENT = re.compile(r"^(data/[^/]+\.ya?ml|docs/.*\.md)$")


def repository_files() -> list[str]:
    """Tracked files and new files not ignored, so a file added in the working tree counts too."""
    listed = subprocess.run(["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"], cwd=ROOT,
                            capture_output=True, check=True, timeout=30).stdout.decode()
    return sorted({name for name in listed.split("\0") if name and (ROOT / name).is_file()})


def executable(name: str) -> bool:
    return (ROOT / name).stat().st_mode & 0o111 != 0


def runs_code(name: str) -> bool:
    if CONTENT.match(name):
        return False
    return name.endswith(CODE_SUFFIXES) or bool(CONFIG_NAMES.search(name)) or executable(name)


def pattern_regex(pattern: str) -> re.Pattern:
    """A CODEOWNERS pattern (gitignore syntax, as GitHub reads it) as a regular expression over a
    path from the root: '/x' is anchored, 'x/' a folder and all below it, '*' stays within one
    folder, '**' crosses folders; a pattern names a folder's contents as well as the folder."""
    anchored = pattern.startswith("/") or "/" in pattern.rstrip("/")
    body = pattern.strip("/")
    out = ""
    i = 0
    while i < len(body):
        if body.startswith("**/", i):
            out, i = out + "(?:.*/)?", i + 3
        elif body.startswith("**", i):
            out, i = out + ".*", i + 2
        elif body[i] == "*":
            out, i = out + "[^/]*", i + 1
        elif body[i] == "?":
            out, i = out + "[^/]", i + 1
        else:
            out, i = out + re.escape(body[i]), i + 1
    return re.compile(("" if anchored else "(?:.*/)?") + out + "(?:/.*)?$")


def rules() -> list[tuple[int, str, re.Pattern, list[str]]]:
    found = []
    for number, line in enumerate(CODEOWNERS.read_text(encoding="utf-8").splitlines(), start=1):
        if line.strip() and not line.lstrip().startswith("#"):
            pattern, *owners = line.split()
            found.append((number, pattern, pattern_regex(pattern), owners))
    return found


def owners_of(name: str) -> list[str]:
    """The owners of a file: the last rule that matches wins, as on GitHub."""
    owners: list[str] = []
    for _, _, regex, rule_owners in rules():
        if regex.match(name):
            owners = rule_owners
    return owners


@pytest.mark.parametrize("pattern, path, matches", [
    ("/kb/", "kb/fonts/x.woff2", True),
    ("/kb/", "tests/kb/x.py", False),
    ("/requirements*.txt", "requirements-test.txt", True),
    ("/requirements*.txt", "sub/requirements.txt", False),
    ("/docs/**/*.js", "docs/x.js", True),
    ("/docs/**/*.js", "docs/assets/javascripts/workers/kb-search.js", True),
    ("/docs/**/*.js", "docs/about.md", False),
    ("*.py", "deep/in/tree.py", True),
    ("/mkdocs.yml", "mkdocs.yml", True),
])
def test_the_pattern_reader_follows_github(pattern, path, matches):
    assert bool(pattern_regex(pattern).match(path)) is matches


def test_every_file_that_runs_code_has_a_code_owner():
    code = [name for name in repository_files() if runs_code(name)]
    assert len(code) > 100 and "docs/assets/terms.js" in code and ".ci/run" in code and "mkdocs.yml" in code
    unowned = [name for name in code if not owners_of(name)]
    assert unowned == [], f"add a line for these to .github/CODEOWNERS: {unowned}"


@pytest.mark.parametrize("name", ["docs/assets/new-widget.js", "docs/extra/style.css", "docs/assets/x.css",
                                  "scripts/new.py", "tests/unit/test_new.py", ".ci/run", "hooks/new.py",
                                  "kb/new.py", "overrides/main.html", ".github/workflows/new.yml",
                                  "requirements-extra.txt", ".pre-commit-config.yaml", "pytest.ini"])
def test_a_new_file_that_runs_code_would_be_owned(name):
    assert owners_of(name), name


@pytest.mark.parametrize("name", ["docs/about.md", "docs/assumptions/labels.es.md", "data/glossary.yml"])
def test_pages_and_data_stay_open_to_every_reviewer(name):
    assert owners_of(name) == []


def test_every_rule_names_an_owner_and_matches_a_file():
    files = repository_files()
    for number, pattern, regex, owners in rules():
        assert owners and all(o.startswith("@") for o in owners), f".github/CODEOWNERS:{number}: '{pattern}' has no owner"
        assert any(regex.match(name) for name in files), f".github/CODEOWNERS:{number}: '{pattern}' matches no file"
