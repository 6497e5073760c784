"""`make check` (scripts/check.py): what a contributor sees before pushing and on the pull request."""

from __future__ import annotations

import functools
import os
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import copy_project
from kb.problems import Problem, github_annotation

ROOT = Path(__file__).resolve().parent.parent.parent


@pytest.fixture
def project(tmp_path) -> Path:
    """The parts of the project `make check` reads, in a folder of their own."""
    return copy_project(tmp_path, parts=("data", "docs", "kb", "hooks", "scripts"))


def run_check(project: Path, github: bool) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if k != "GITHUB_ACTIONS"}
    if github:
        env["GITHUB_ACTIONS"] = "true"
    return subprocess.run([sys.executable, str(project / "scripts" / "check.py")], cwd=project, env=env,
                          capture_output=True, text=True, timeout=120)


def run_check_in_process(project: Path, github: bool, monkeypatch, capsys) -> subprocess.CompletedProcess:
    """scripts/check.py's main() on the copy, in this process: the same output and exit code as
    `make check`, without a subprocess (test_a_clean_project_passes_with_exit_code_0 runs the real one)."""
    sys.path.insert(0, str(ROOT / "scripts"))
    import check
    monkeypatch.setattr(check, "ROOT", project)
    monkeypatch.setattr(check, "find_problems", functools.partial(check.find_problems, project))
    if github:
        monkeypatch.setenv("GITHUB_ACTIONS", "true")
    else:
        monkeypatch.delenv("GITHUB_ACTIONS", raising=False)
    code = check.main()
    out, err = capsys.readouterr()
    return subprocess.CompletedProcess(["make", "check"], code, out, err)


def line_of(path: Path, text: str) -> int:
    return next(n for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1) if text in line)


def test_a_clean_project_passes_with_exit_code_0(project):
    result = run_check(project, github=True)
    assert result.returncode == 0, result.stderr
    assert "No problems in" in result.stdout and "::error" not in result.stdout
    assert "Traceback" not in result.stderr


def test_a_data_mistake_is_an_annotation_on_its_line_under_github_actions(project, monkeypatch, capsys):
    glossary = project / "data" / "glossary.yml"
    line = line_of(glossary, "related: [atrocities, upstream-prevention")
    glossary.write_text(glossary.read_text(encoding="utf-8").replace(
        "related: [atrocities, upstream-prevention", "related: [atrocitiez, upstream-prevention", 1), encoding="utf-8")
    result = run_check_in_process(project, github=True, monkeypatch=monkeypatch, capsys=capsys)
    assert result.returncode == 1
    annotations = [l for l in result.stdout.splitlines() if l.startswith("::error ")]
    assert len(annotations) == 1, result.stdout
    location, message = annotations[0][len("::error "):].split("::", 1)
    assert location.startswith("file=data/glossary.yml,line=")
    assert int(location.split("line=")[1]) == line_of(glossary, "- slug: mass-violence")   # the entry's first line
    assert message.startswith("[mass-violence] ") and "atrocitiez" in message and "How to fix: " in message
    # the ordinary report is printed too, for the log
    assert "data/glossary.yml:" in result.stderr and "How to fix:" in result.stderr
    assert "Traceback" not in result.stderr


def test_a_page_mistake_names_page_and_line_without_annotations_outside_github(project, monkeypatch, capsys):
    page = project / "docs" / "about.md"
    page.write_text(page.read_text(encoding="utf-8") + "\nSee [the glossary](/glossery.md).\n", encoding="utf-8")
    lines = len(page.read_text(encoding="utf-8").splitlines())
    result = run_check_in_process(project, github=False, monkeypatch=monkeypatch, capsys=capsys)
    assert result.returncode == 1
    assert "::error" not in result.stdout + result.stderr
    assert f"docs/about.md:{lines}" in result.stderr and "glossery.md" in result.stderr
    assert "make check" in result.stderr and "Traceback" not in result.stderr


def test_a_page_that_is_not_utf8_is_a_message_not_a_traceback(project, monkeypatch, capsys):
    (project / "docs" / "about.md").write_bytes("---\ndescription: Año\n---\n# Año\n".encode("latin-1"))
    result = run_check_in_process(project, github=True, monkeypatch=monkeypatch, capsys=capsys)
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert "::error file=docs/about.md,line=2::the file is not UTF-8 text" in result.stdout


def test_annotation_escapes_what_github_would_misread():
    problem = Problem("data/a,b.yml", 7, "x", "50% of\nthe text: broken", "write it: again")
    assert github_annotation(problem) == (
        "::error file=data/a%2Cb.yml,line=7::[x] 50%25 of%0Athe text: broken. How to fix: write it: again")
    assert github_annotation(Problem("docs/a.md", 0, "", "m", "f")) == "::error file=docs/a.md::m. How to fix: f"
