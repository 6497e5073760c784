"""`make check`: the data files and the pages checked in a second or two, without building the site.

It runs the checks the build runs first (every data file against the schema and across files;
every page's front matter, headings and links) and prints every problem with its file, line and
fix. Under GitHub Actions (GITHUB_ACTIONS=true) each problem is also printed as an annotation, so
it shows on the contributor's line in the pull request. Exit code: 0 when all is well, 1 otherwise.

What it does not do: render pages. Markers, editorial notes and the nav are checked by the build
(`make build`), which the pull request runs too.
"""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from kb.config_guard import check_config_file  # noqa: E402
from kb.knowledge import load_knowledge  # noqa: E402
from kb.page_safety import check_sources_safety, check_tree  # noqa: E402
from kb.pages import check_pages, read_assets, read_sources  # noqa: E402  (the page checks the build runs)
from kb.problems import KnowledgeError, Problem, github_annotation  # noqa: E402
from kb.published import published_warnings  # noqa: E402
from kb.repository_files import check_repository_files  # noqa: E402


def find_problems(root: Path = ROOT) -> tuple[list[Problem], str]:
    """Every problem in data/ and docs/, and a one-line summary of what was checked: the same
    checks as the build, in the same order (files first: a symlink, a non-UTF-8 file, a misleading
    file name or a merge-conflict marker stops there)."""
    configuration = check_config_file(root / "mkdocs.yml")
    problems = check_tree(root) + check_repository_files(root)
    docs = root / "docs"
    if problems:
        return sorted(set(problems + configuration)), "the files of docs/ and data/"
    problems += configuration
    try:
        knowledge = load_knowledge(root / "data")
    except KnowledgeError as error:
        knowledge = None
        problems += list(error.problems)
    sources = read_sources(docs)
    problems += check_sources_safety(sources)
    problems += check_pages(sources, knowledge, read_assets(docs))
    data_files = len(list((root / "data").glob("*.yml")))
    return sorted(set(problems)), f"{data_files} data files and {len(sources)} pages"


def main() -> int:
    started = time.perf_counter()
    problems, checked = find_problems()
    warnings = published_warnings(ROOT)
    seconds = time.perf_counter() - started
    if os.environ.get("GITHUB_ACTIONS") == "true":
        for problem in problems:
            print(github_annotation(problem))
        for warning in warnings:
            print(github_annotation(warning, "warning"))
    for warning in warnings:
        print(f"Warning: {warning}", file=sys.stderr)
    if problems:
        print(KnowledgeError(problems).report(), file=sys.stderr)
        print(f"\nChecked {checked} in {seconds:.1f} s. Fix the lines above, then run `make check` again.",
              file=sys.stderr)
        return 1
    print(f"No problems in {checked} (checked in {seconds:.1f} s).")
    return 0


if __name__ == "__main__":
    sys.exit(main())
