"""The project's entry points agree with each other: README, Makefile, CI script, workflow, pins."""

from __future__ import annotations

import re
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent.parent


def test_every_dependency_is_pinned_exactly():
    """A rule of the project (the same versions on every machine), not a record of which versions."""
    for name in ("requirements.txt", "requirements-test.txt", "requirements-properdocs.txt"):
        lines = [l.split("#")[0].strip() for l in (ROOT / name).read_text().splitlines()]
        specs = [l for l in lines if l and not l.startswith("-r ")]
        assert specs and all(re.fullmatch(r"[A-Za-z0-9_.\-]+==[0-9][0-9A-Za-z.\-]*", s) for s in specs), name


def test_readme_quick_start_is_two_make_commands_that_exist():
    readme = (ROOT / "README.md").read_text()
    quick = readme.split("## Quick start", 1)[1].split("##", 1)[0]
    commands = re.findall(r"^make (\w[\w-]*)", quick, re.M)
    assert commands == ["serve", "test"]
    makefile = (ROOT / "Makefile").read_text()
    for target in commands + ["build", "serve-en", "stamp", "benchmark"]:
        assert re.search(rf"^{target}:", makefile, re.M), target
    assert "127.0.0.1:8000" in makefile and "--livereload" in makefile


def test_github_workflow_tests_pull_requests_and_publishes_main_to_pages():
    workflow = yaml.load((ROOT / ".github/workflows/site.yml").read_text(), Loader=yaml.BaseLoader)
    assert "pull_request" in workflow["on"] and workflow["on"]["push"]["branches"] == ["main"]
    test_steps = " ".join(str(s.get("run", "")) for s in workflow["jobs"]["test"]["steps"])
    assert "make test" in test_steps
    publish = workflow["jobs"]["publish"]
    uses = [s.get("uses", "") for s in publish["steps"]]
    assert any(u.startswith("actions/upload-pages-artifact@") for u in uses)
    assert any(u.startswith("actions/deploy-pages@") for u in uses)
    assert "make build" in " ".join(str(s.get("run", "")) for s in publish["steps"])
    assert publish["needs"] == "test" and publish["permissions"] == {"pages": "write", "id-token": "write"}
