"""The repository stands alone: a person who clones it has everything the text refers to."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent.parent

# Written in pieces so that this file does not match itself.
MACHINE_PATH = re.compile("|".join([
    r"\.\./" + "shared",                 # a folder beside the clone
    r"(?<![\w.~-])/" + r"(?:work|tmp|home|root|Users|mnt|srv|opt)/",   # absolute paths on a machine
    r"\b[A-Z]:\\" + r"\\?(?:Users|work)",   # Windows paths
]))


def tracked_files() -> list[Path]:
    try:
        names = subprocess.run(["git", "ls-files", "-z"], cwd=ROOT, capture_output=True, text=True,
                               check=True).stdout.split("\0")
        return [ROOT / n for n in names if n]
    except (OSError, subprocess.CalledProcessError):   # a copy without .git
        skip = {".git", ".venv", "site", "build", "__pycache__", ".pytest_cache"}
        return [p for p in ROOT.rglob("*") if p.is_file() and not skip & set(p.relative_to(ROOT).parts)]


def machine_paths(files: list[Path]) -> list[str]:
    found = []
    for path in files:
        try:
            text = path.read_text(encoding="utf-8")
        except (UnicodeDecodeError, FileNotFoundError, IsADirectoryError):
            continue   # images and other binary files
        for number, line in enumerate(text.splitlines(), 1):
            if MACHINE_PATH.search(line):
                found.append(f"{path.relative_to(ROOT)}:{number}: {line.strip()}")
    return found


def test_the_repository_names_no_folder_outside_itself():
    found = machine_paths(tracked_files())
    assert not found, ("these lines point at a folder outside the repository or at a path on one machine; "
                       "a person who clones the repository has neither. Write what the reader needs into "
                       "MAINTAINING.md (or the file itself) and refer to that instead:\n" + "\n".join(found))


def test_the_check_finds_a_shelf_reference_and_a_machine_path(tmp_path):
    (tmp_path / "a.md").write_text("See ../" + "shared/stack.md.\nfine\n", encoding="utf-8")
    (tmp_path / "b.yml").write_text("# built on /" + "work/main\nurl: https://example.org/" + "tmp/x\n", encoding="utf-8")
    global ROOT
    saved, ROOT = ROOT, tmp_path
    try:
        found = machine_paths([tmp_path / "a.md", tmp_path / "b.yml"])
    finally:
        ROOT = saved
    assert found == ["a.md:1: See ../" + "shared/stack.md.", "b.yml:1: # built on /" + "work/main"]


def test_maintaining_names_only_tests_that_exist():
    """Every test MAINTAINING.md cites as a guard is a real test function."""
    text = (ROOT / "MAINTAINING.md").read_text(encoding="utf-8")
    cited = set(re.findall(r"`(test_[a-z0-9_]+)`", text))
    assert len(cited) >= 15
    defined = set()
    for test_file in (ROOT / "tests").rglob("test_*.py"):
        defined |= set(re.findall(r"^def (test_[a-z0-9_]+)", test_file.read_text(encoding="utf-8"), re.M))
    missing = sorted(cited - defined)
    assert not missing, f"MAINTAINING.md cites tests that do not exist (renamed or removed?): {missing}"
