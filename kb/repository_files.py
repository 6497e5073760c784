"""Mistakes at the level of whole files in docs/ and data/, which no page or data check sees.

- Merge-conflict markers (`<<<<<<<`, `=======`, `>>>>>>>` at a line's start) left by a merge done
  in an editor: Markdown would publish `>>>>>>>` as seven nested quotations.
- File names: not in NFC (an "é" stored as "e" plus a combining accent, as macOS may write it),
  with spaces (the print edition and the addresses break on them), two names that differ only in
  case (`About.md` beside `about.md`: one file on Windows and macOS, two on Linux), or letters from
  two scripts in one name (a Cyrillic "а" in place of the Latin "a" looks the same and is another
  file). Each message names the code points.
"""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path

from .problems import Problem

_MARKER = re.compile(r"^(<{7}|>{7})(?:\s|$)|^={7}\s*$", re.MULTILINE)
_SIDE_MARKER = re.compile(r"^(<{7}|>{7})(?:\s|$)", re.MULTILINE)
CONFLICT_FIX = ("resolve the merge: keep the text that should stay, then delete the marker lines "
                "(<<<<<<<, ======= and >>>>>>>) and the text that should go")
TEXT_SUFFIXES = (".md", ".yml", ".yaml", ".json", ".txt", ".css", ".js", ".svg")


def check_conflict_markers(text: str, file: str) -> list[Problem]:
    """Every conflict-marker line, with its line. A line of seven '=' alone is also a Markdown
    heading underline, so it counts only in a file that has one of the other two markers."""
    if not _SIDE_MARKER.search(text):
        return []
    return [Problem(file, text.count("\n", 0, m.start()) + 1, "",
                    f"a merge-conflict marker '{m.group(0).strip()[:7]}' is left in the file", CONFLICT_FIX)
            for m in _MARKER.finditer(text)]


def code_points(text: str) -> str:
    """'é' -> 'U+00E9 LATIN SMALL LETTER E WITH ACUTE', for the characters a message is about."""
    return ", ".join(f"U+{ord(c):04X} {unicodedata.name(c, 'UNNAMED')}" for c in text)


def _script(char: str) -> str:
    """The script of a letter as Unicode names it ('LATIN', 'CYRILLIC', 'GREEK'); '' for others."""
    if not char.isalpha():
        return ""
    return unicodedata.name(char, "UNKNOWN").split()[0]


def _safe_name(name: str) -> str:
    return re.sub(r"\s+", "-", unicodedata.normalize("NFC", name))


def check_file_names(names: list[str]) -> list[Problem]:
    """The names of the files (paths from the project root, 'docs/about.md') that would mislead:
    not NFC, with spaces, equal but for case, or mixing scripts."""
    problems = []
    seen: dict[str, str] = {}
    for name in sorted(names):
        nfc = unicodedata.normalize("NFC", name)
        if nfc != name:
            decomposed = "".join(sorted({c for c in name if unicodedata.combining(c)}))
            problems.append(Problem(name, 0, "", "the file name is not in Unicode NFC form: it has the combining "
                                    f"character(s) {code_points(decomposed)} where one accented letter belongs",
                                    f"rename the file to '{nfc}' typed again (or to plain ASCII letters)"))
        if re.search(r"\s", name):
            spaces = "".join(sorted(set(re.findall(r"\s", name))))
            problems.append(Problem(name, 0, "", f"the file name has a space ({code_points(spaces)}); addresses "
                                    "and the print edition break on it",
                                    f"rename it with hyphens: '{_safe_name(name)}'"))
        for part in nfc.split("/"):
            scripts: dict[str, list[str]] = {}
            for char in part:
                if _script(char):
                    scripts.setdefault(_script(char), []).append(char)
            if len(scripts) > 1:
                foreign = "".join(dict.fromkeys(c for s, chars in scripts.items() if s != "LATIN" for c in chars))
                problems.append(Problem(name, 0, "", f"the name '{part}' mixes letters of {' and '.join(sorted(scripts))} "
                                        f"scripts ({code_points(foreign)}): it looks like another name and is not",
                                        "type the name again with Latin letters only"))
        key = nfc.casefold()
        if key in seen:
            problems.append(Problem(name, 0, "", f"the file name differs from '{seen[key]}' only in case or accents "
                                    "form: on Windows and macOS both are the same file, and one overwrites the other",
                                    f"merge the two into one file named in lower case, or rename one of them"))
        else:
            seen[key] = name
    return problems


def repository_files(root: Path, folders=("docs", "data")) -> list[str]:
    """Every file under the folders, as a path from the root ('docs/about.md'), symlinks left out
    (kb/page_safety.check_tree refuses them)."""
    return [p.relative_to(root).as_posix() for folder in folders if (root / folder).is_dir()
            for p in sorted((root / folder).rglob("*")) if p.is_file() and not p.is_symlink()]


def check_repository_files(root: Path, folders=("docs", "data")) -> list[Problem]:
    """File names and conflict markers of every file under docs/ and data/."""
    names = repository_files(root, folders)
    problems = check_file_names(names)
    for name in names:
        if name.lower().endswith(TEXT_SUFFIXES):
            text = (root / name).read_bytes().decode("utf-8-sig", "replace")
            problems += check_conflict_markers(text, name)
    return problems
