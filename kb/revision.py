"""When each page last changed, from git history, and how to show it in the edition's language.

One `git log` call per build reads the last commit date of every file under the folders asked
for; a page's date is the latest of its source file and the data files it draws on. Outside a
git checkout (a tarball, an export) or when git is missing, every date is unknown and pages show
none: never the build date, which would be a wrong date.

Reusable: `last_change(repo_root, files)` gives the date for anything (for example the version
date of a citation).
"""

from __future__ import annotations

import datetime as dt
import html
import subprocess
from functools import lru_cache
from pathlib import Path

from babel.dates import format_date

from . import sitemap

# The data file each page marker draws on: a page with `<!-- kb:glossary -->` changes when
# data/glossary.yml does.
MARKER_DATA = {f"kb:{marker}": c.data_file for c in sitemap.COLLECTIONS for marker in c.markers}

# Babel locales for the editions: Latin American Spanish, US English.
BABEL_LOCALES = {"en": "en_US", "es": "es_419"}


@lru_cache(maxsize=4)
def file_dates(repo_root: Path, head: str = "") -> dict[str, dt.date]:
    """Last commit date of every file in the repository's history, by repository path.

    `head` is only part of the cache key (pass the current commit to re-read after a commit in
    a long `mkdocs serve`). Returns {} outside git.
    """
    try:
        result = subprocess.run(
            ["git", "-c", "core.quotepath=off", "log", "--format=%x00%H %cI", "--name-only", "--no-renames", "HEAD"],
            cwd=repo_root, capture_output=True, text=True, encoding="utf-8", timeout=60)
    except (OSError, subprocess.SubprocessError):
        return {}
    if result.returncode != 0:
        return {}
    return parse_log(result.stdout, shallow_boundary(repo_root))


def parse_log(log: str, boundary: frozenset[str] = frozenset()) -> dict[str, dt.date]:
    """{path: date} from `git log --format=%x00%H %cI --name-only` output (newest commit first).

    In a shallow clone the oldest fetched commits (`boundary`) seem to add every file at once;
    a file whose newest commit is one of them has an unknown date, not that commit's.
    """
    dates: dict[str, dt.date] = {}
    unknown: set[str] = set()
    for block in log.split("\x00")[1:]:
        lines = block.strip("\n").splitlines()
        if not lines:
            continue
        commit, _, when = lines[0].strip().partition(" ")
        day = dt.datetime.fromisoformat(when).date()   # the committer's own calendar day
        for path in lines[1:]:
            path = path.strip()
            if commit in boundary and path not in dates:
                unknown.add(path)
                continue
            if path and path not in dates and path not in unknown:
                dates[path] = day
    return dates


def shallow_boundary(repo_root: Path) -> frozenset[str]:
    """The commits where a shallow clone's history is cut off (none in a full clone)."""
    git = _git_dir(repo_root)
    if git is None:
        return frozenset()
    shallow = _common_dir(git) / "shallow"
    try:
        return frozenset(shallow.read_text(encoding="utf-8").split()) if shallow.exists() else frozenset()
    except OSError:
        return frozenset()


def _git_dir(repo_root: Path) -> Path | None:
    git = repo_root / ".git"
    try:
        if git.is_file():   # a worktree or submodule: "gitdir: <path>"
            path = Path(git.read_text(encoding="utf-8").split(":", 1)[1].strip())
            return path if path.is_absolute() else (repo_root / path).resolve()
    except (OSError, IndexError):
        return None
    return git if git.is_dir() else None


def is_git_checkout(repo_root: Path) -> bool:
    return (repo_root / ".git").exists()


def current_head(repo_root: Path) -> str:
    """The checked-out commit, or "" outside git (cheap: read from .git, no subprocess)."""
    git = _git_dir(repo_root)
    if git is None:
        return ""
    try:
        head = (git / "HEAD").read_text(encoding="utf-8").strip()
        if head.startswith("ref:"):
            ref = head.split(" ", 1)[1]
            for candidate in (git / ref, _common_dir(git) / ref):
                if candidate.exists():
                    return candidate.read_text(encoding="utf-8").strip()
            return ref
        return head
    except (OSError, IndexError):
        return ""


def _common_dir(git: Path) -> Path:
    common = git / "commondir"
    if common.exists():
        return (git / common.read_text(encoding="utf-8").strip()).resolve()
    return git


# Pages generated from data alone (no file in docs/), by folder, and the data files they show.
GENERATED_DATA = {c.generated_prefix: [c.data_file, *(sitemap.BY_KEY[k].data_file for k in c.generated_with)]
                  for c in sitemap.COLLECTIONS if c.generated_with}


def page_files(src_uri: str, markdown: str, generated: bool = False) -> list[str]:
    """The repository files a page is made from: its own file in docs/ and the data its markers
    show; for a generated page, its data files. `markdown` is the page before markers expand."""
    if generated:
        return next((paths for prefix, paths in GENERATED_DATA.items() if src_uri.startswith(prefix)), [])
    return [f"docs/{src_uri}", *data_files_of(markdown)]


def data_files_of(markdown: str) -> list[str]:
    """The data files a page's markers draw on."""
    return sorted({path for marker, path in MARKER_DATA.items() if marker in markdown})


def last_change(repo_root: Path, files: list[str]) -> dt.date | None:
    """The latest commit date among `files` (repository paths), or None if git knows none of them."""
    if not is_git_checkout(repo_root):
        return None
    dates = file_dates(repo_root, current_head(repo_root))
    known = [dates[f] for f in files if f in dates]
    return max(known) if known else None


def format_day(day: dt.date, lang: str) -> str:
    """'November 24, 2026' / '24 de noviembre de 2026'."""
    return format_date(day, format="long", locale=BABEL_LOCALES.get(lang, lang))


def time_element(day: dt.date, lang: str) -> str:
    return f'<time datetime="{day.isoformat()}">{html.escape(format_day(day, lang))}</time>'
