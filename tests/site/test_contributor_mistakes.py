"""What a contributor sees when a pull request has mistakes: every one listed, with file, line and
fix, and no traceback. Decided in-process by make check's find_problems, the checks the build runs
before any page (tests/conftest.project_problems), in a copy of the project; only what the build
alone reads (the hooks listed in mkdocs.yml) is built."""

from __future__ import annotations

import re

import pytest

from conftest import build_site, copy_project, edit, project_problems


@pytest.fixture
def checked_copy(tmp_path):
    return copy_project(tmp_path / "project", parts=("docs", "data"))


def test_several_mistakes_are_listed_together_plainly(checked_copy):
    project = checked_copy

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

    output = project_problems(project)
    # All four in one run: the data problem and the page problems, each with its line and fix.
    assert re.search(r"data/factors\.yml:\d+ \[risk-[a-z-]+\]: 'riks' is not an allowed value for 'kind'", output)
    assert "How to fix: use one of: 'risk' or 'resilience'" in output
    assert re.search(r"docs/about\.md:\d+: the link '/glosary\.md' leads to a page that does not exist", output)
    assert "did you mean '/glossary.md'?" in output
    assert re.search(r"docs/about\.md:\d+: the heading '.*' has no explicit id", output)
    assert re.search(r"docs/state-of-the-field\.es\.md:2: the front matter cannot be read", output)


def test_assumption_mistakes_are_named_with_file_and_line(checked_copy):
    """A page without its entry, a duplicated number and an unknown dimension: no assumption silently
    leaves the overview or the dimension pages."""
    data = checked_copy / "data" / "assumptions.yml"
    edit(data, "- slug: evidence\n  number: 5\n  page: assumptions/evidence.md\n",
         "- slug: evidence\n  number: 4\n  page: assumptions/evidense.md\n")
    edit(data, "security-of-livelihoods]", "security-of-livelihood]")
    interface = checked_copy / "data" / "interface.yml"
    interface.write_text("".join(line for line in interface.read_text(encoding="utf-8").splitlines(keepends=True)
                                 if not line.startswith("org_type_media:")), encoding="utf-8")
    output = project_problems(checked_copy)
    assert re.search(r"data/assumptions\.yml:\d+ \[evidence\]: the number 4 is also given to 'early-action'", output)
    assert re.search(r"data/assumptions\.yml:\d+ \[[a-z-]+\]: 'dimensions' names 'security-of-livelihood', which is not a dimension", output)
    assert "did you mean 'security-of-livelihoods'?" in output
    assert "data/interface.yml:1 [org_type_media]: the interface string 'org_type_media' is missing" in output


def test_an_assumption_page_without_its_entry(checked_copy):
    data = checked_copy / "data" / "assumptions.yml"
    text = data.read_text(encoding="utf-8")
    start = text.index("- slug: evidence")
    data.write_text(text[:start] + text[text.index("- slug:", start + 1):], encoding="utf-8")
    output = project_problems(checked_copy)
    assert "docs/assumptions/evidence.md:1: this assumption page has no entry in data/assumptions.yml" in output


@pytest.mark.release
def test_hooks_listed_in_any_order_build_the_same_site(project_copy, tmp_path, export_site):
    # Compared with the shared build outside git: a copy has no git history either, so no page shows a date.
    config = project_copy / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    hooks = re.search(r"^hooks:\n((?:  - .*\n)+)", text, re.MULTILINE)
    lines = hooks.group(1).splitlines(keepends=True)
    assert len(lines) > 1
    config.write_text(text.replace(hooks.group(1), "".join(reversed(lines))), encoding="utf-8")
    result = build_site(tmp_path / "reversed", project_copy)
    assert result.returncode == 0, result.stdout + result.stderr
    ours, theirs = export_site, tmp_path / "reversed"
    names = sorted(p.relative_to(ours).as_posix() for p in ours.rglob("*") if p.is_file())
    assert sorted(p.relative_to(theirs).as_posix() for p in theirs.rglob("*") if p.is_file()) == names
    changed = [name for name in names if (ours / name).read_bytes() != (theirs / name).read_bytes()]
    assert changed == []


def test_without_the_hook_that_reads_the_data_the_build_says_so(project_copy, tmp_path):
    config = project_copy / "mkdocs.yml"
    edit(config, "  - hooks/knowledge_pages.py", "  # - hooks/knowledge_pages.py")
    result = build_site(tmp_path / "site", project_copy)
    output = result.stdout + result.stderr
    assert result.returncode != 0 and "Traceback" not in output
    assert "list hooks/knowledge_pages.py under 'hooks:'" in output
