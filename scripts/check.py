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

from kb.knowledge import load_knowledge  # noqa: E402
from kb.pages import check_pages  # noqa: E402  (the page checks the build runs)
from kb.problems import KnowledgeError, Problem, github_annotation  # noqa: E402


def read_pages(docs: Path) -> tuple[dict[str, str], list[Problem]]:
    """Every page's Markdown by its path inside docs/, and a problem for each page that is not UTF-8."""
    sources, problems = {}, []
    for path in sorted(docs.rglob("*.md")):
        name = path.relative_to(docs).as_posix()
        try:
            sources[name] = path.read_text(encoding="utf-8")
        except UnicodeDecodeError:
            problems.append(Problem(f"docs/{name}", 0, "", "the file is not saved as UTF-8 text",
                                    "save it again with the encoding UTF-8 (the GitHub web editor always does)"))
    return sources, problems


def find_problems(root: Path = ROOT) -> tuple[list[Problem], str]:
    """Every problem in data/ and docs/, and a one-line summary of what was checked."""
    problems: list[Problem] = []
    try:
        knowledge = load_knowledge(root / "data")
    except KnowledgeError as error:
        knowledge, problems = None, list(error.problems)
    sources, unreadable = read_pages(root / "docs")
    problems += unreadable + check_pages(sources, knowledge)
    data_files = len(list((root / "data").glob("*.yml")))
    return sorted(set(problems)), f"{data_files} data files and {len(sources)} pages"


def main() -> int:
    started = time.perf_counter()
    problems, checked = find_problems()
    seconds = time.perf_counter() - started
    if os.environ.get("GITHUB_ACTIONS") == "true":
        for problem in problems:
            print(github_annotation(problem))
    if problems:
        print(KnowledgeError(problems).report(), file=sys.stderr)
        print(f"\nChecked {checked} in {seconds:.1f} s. Fix the lines above, then run `make check` again.",
              file=sys.stderr)
        return 1
    print(f"No problems in {checked} (checked in {seconds:.1f} s).")
    return 0


if __name__ == "__main__":
    sys.exit(main())
