"""Problems found in contributors' files, reported all at once and in plain words."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, order=True)
class Problem:
    file: str          # path relative to the project root, e.g. "data/glossary.yml"
    line: int          # 1-based; 0 when the whole file is concerned
    entry: str         # the slug (or "entry 3" when the slug itself is missing)
    message: str       # what is wrong
    fix: str           # how to fix it

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}" if self.line else self.file
        subject = f" [{self.entry}]" if self.entry else ""
        return f"{where}{subject}: {self.message}\n    How to fix: {self.fix}"


class KnowledgeError(Exception):
    """Raised with every problem found, so a contributor can fix them in one go."""

    def __init__(self, problems: list[Problem]):
        self.problems = sorted(set(problems))
        super().__init__(self.report())

    def report(self) -> str:
        count = len(self.problems)
        head = f"{count} problem{'s' if count != 1 else ''} in the site's data or pages:"
        return "\n".join([head, *(f"- {p}" for p in self.problems)])


def github_annotation(problem: Problem, level: str = "error") -> str:
    """The problem as a GitHub Actions workflow command ("error" or "warning"): the message then
    shows on the contributor's line in the pull request's "Files changed" view."""
    def data(text: str) -> str:
        return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")

    def prop(text: str) -> str:
        return data(text).replace(":", "%3A").replace(",", "%2C")

    where = f"file={prop(problem.file)}" + (f",line={problem.line}" if problem.line else "")
    subject = f"[{problem.entry}] " if problem.entry else ""
    return f"::{level} {where}::{data(subject + problem.message + '. How to fix: ' + problem.fix)}"
