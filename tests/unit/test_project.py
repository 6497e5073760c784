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
    jobs = workflow["jobs"]
    build, deploy = jobs["build"], jobs["deploy"]
    runs = " ".join(str(s.get("run", "")) for s in build["steps"])
    assert "make check" in runs and "make test" in runs and "make pdf" in runs   # pdf: the site, PDFs included
    # Pull requests: the built site is attached for reviewers to download.
    attach = next(s for s in build["steps"] if s.get("uses", "").startswith("actions/upload-artifact@"))
    assert "pull_request" in attach["if"] and attach["with"]["path"] == "site"
    # main: packaged for Pages, and deployed by a job that needs the build.
    package = next(s for s in build["steps"] if s.get("uses", "").startswith("actions/upload-pages-artifact@"))
    assert "refs/heads/main" in package["if"] and package["with"]["path"] == "site"
    assert deploy["needs"] == "build" and "refs/heads/main" in deploy["if"]
    # The published build knows its address and where to edit and report.
    assert "configure-pages" in str(jobs["address"]["steps"]) and "needs.address.outputs.base_url" in str(build)
    assert "SITE_URL" in runs and {"SITE_EDIT_URI", "SITE_REPO_URL"} <= set(build["env"])


def test_github_workflow_runs_project_code_only_without_write_access():
    """A pull request's code runs in the build job: read-only token, not kept in .git/config. The
    job that may deploy runs none of the project's code: no checkout, no make, only the deploy action."""
    workflow = yaml.load((ROOT / ".github/workflows/site.yml").read_text(), Loader=yaml.BaseLoader)
    assert workflow["permissions"] == {}
    for name, job in workflow["jobs"].items():
        steps = job["steps"]
        runs_code = any("run" in s or s.get("uses", "").startswith("actions/checkout@") for s in steps)
        writes = {k for k, v in job.get("permissions", {}).items() if v == "write"}
        assert not (runs_code and writes), f"job '{name}' runs project code with write permissions {writes}"
        for step in steps:
            if step.get("uses", "").startswith("actions/checkout@"):
                assert step["with"]["persist-credentials"] == "false", f"job '{name}' keeps the token in .git/config"
    assert workflow["jobs"]["build"]["permissions"] == {"contents": "read"}
    deploy = workflow["jobs"]["deploy"]
    assert deploy["permissions"] == {"pages": "write", "id-token": "write"}
    assert [s["uses"].split("@")[0] for s in deploy["steps"]] == ["actions/deploy-pages"]



def test_pre_commit_runs_make_check_locally_and_every_documented_target_exists():
    config = yaml.safe_load((ROOT / ".pre-commit-config.yaml").read_text())
    hook = config["repos"][0]
    assert hook["repo"] == "local" and hook["hooks"][0]["entry"] == "make check"
    assert hook["hooks"][0]["pass_filenames"] is False   # make check reads the whole project
    makefile = (ROOT / "Makefile").read_text()
    readme = (ROOT / "README.md").read_text()
    for target in set(re.findall(r"`make (\w[\w-]*)`", readme)):
        assert re.search(rf"^{target}:", makefile, re.M), f"README names `make {target}`, which the Makefile lacks"
