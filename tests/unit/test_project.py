"""The project's entry points agree with each other: README, Makefile, CI script, workflow, pins."""

from __future__ import annotations

import re
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent.parent


def test_every_dependency_is_pinned_exactly():
    for name in ("requirements.txt", "requirements-test.txt"):
        lines = [l.split("#")[0].strip() for l in (ROOT / name).read_text().splitlines()]
        specs = [l for l in lines if l]
        assert specs and all(re.fullmatch(r"[A-Za-z0-9_.\-]+==[0-9][0-9A-Za-z.\-]*", s) for s in specs), name
    runtime = "\n".join(l.split("#")[0].strip() for l in (ROOT / "requirements.txt").read_text().splitlines())
    assert "mkdocs==1.6.1" in runtime and "mkdocs-static-i18n==1.3.1" in runtime and "[material]" not in runtime
    assert re.search(r"^mkdocs-material==9\.8\.\d+$", runtime, re.M) and re.search(r"^pymdown-extensions==13\.", runtime, re.M)


def test_readme_quick_start_is_two_make_commands_that_exist():
    readme = (ROOT / "README.md").read_text()
    quick = readme.split("## Quick start", 1)[1].split("##", 1)[0]
    commands = re.findall(r"^make (\w[\w-]*)", quick, re.M)
    assert commands == ["serve", "test"]
    makefile = (ROOT / "Makefile").read_text()
    for target in commands + ["build", "serve-en", "stamp", "benchmark"]:
        assert re.search(rf"^{target}:", makefile, re.M), target
    assert "127.0.0.1:8000" in makefile and "--livereload" in makefile


def test_ci_installs_chromium_then_runs_the_readme_test_command():
    run = (ROOT / ".ci/run").read_text()
    assert "apt-get install" in run and "chromium" in run
    assert run.strip().splitlines()[-1] == "make test"


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


def mkdocs_config() -> dict:
    class Loader(yaml.SafeLoader):
        pass
    Loader.add_multi_constructor("!", lambda loader, suffix, node: None)   # !ENV values
    return yaml.load((ROOT / "mkdocs.yml").read_text(), Loader=Loader)


def test_no_instant_navigation_no_web_fonts_no_github_api():
    config = mkdocs_config()
    assert "navigation.instant" not in config["theme"]["features"]
    assert config["theme"]["font"] is False and "repo_url" not in config
    search = next(p["search"] for p in config["plugins"] if isinstance(p, dict) and "search" in p)
    assert search["pipeline"] == ["stemmer", "stopWordFilter", "trimmer"]
