"""How long `make check` takes to turn the slowest hostile sources into a message (issue 18):
a 20 KB heading, a heading of 6,000 '#', a 30,000-character title, a 5 MB definition, a list
3,000 deep in a data file and in front matter, and an alias bomb in front matter. Each runs on
a copy of docs/ and data/ in a temporary folder; the figures are printed, not asserted.

    .venv/bin/python scripts/hostile_benchmark.py
"""

from __future__ import annotations

import shutil
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "scripts"))

from check import find_problems  # noqa: E402

BOMB = "title: &l0 [x]\n" + "".join(f"l{i}: &l{i} [" + ", ".join([f"*l{i - 1}"] * 9) + "]\n" for i in range(1, 10))


def _h1(text: str) -> str:
    lines = text.splitlines(keepends=True)
    at = next(n for n, line in enumerate(lines) if line.startswith("# "))
    lines[at] = "# " + "A" * 30_000 + " { #about }\n"
    return "".join(lines)


CASES = {
    "heading of 20 KB": ("docs/about.md", lambda t: t + "\n## Hashes {" + "#" * 20_000 + "\n"),
    "heading of 6,000 '#'": ("docs/about.md", lambda t: t + "\n## Hashes {" + "#" * 6_000 + "\n"),
    "title of 30,000 characters": ("docs/about.md", _h1),
    "definition of 5 MB": ("data/glossary.yml", lambda t: t.replace("    definition: ", "    definition: " + "Acts. " * 870_000, 1)),
    "list 3,000 deep in data": ("data/glossary.yml", lambda t: t.replace("    definition: ", "    note: " + "[" * 3_000 + "]" * 3_000 + "\n    definition: ", 1)),
    "list 3,000 deep in front matter": ("docs/about.md", lambda t: t.replace("---\n", "---\ntitle: " + "[" * 3_000 + "]" * 3_000 + "\n", 1)),
    "alias bomb in front matter": ("docs/about.md", lambda t: t.replace("---\n", "---\n" + BOMB, 1)),
}


def main() -> None:
    for name, (file, change) in CASES.items():
        with tempfile.TemporaryDirectory() as folder:
            root = Path(folder)
            for part in ("docs", "data"):
                shutil.copytree(ROOT / part, root / part)
            path = root / file
            path.write_text(change(path.read_text(encoding="utf-8")), encoding="utf-8")
            started = time.perf_counter()
            problems, _ = find_problems(root)
            seconds = time.perf_counter() - started
        first = str(problems[0]).splitlines()[0][:110] if problems else "NO MESSAGE"
        print(f"{name:34} {seconds:5.2f} s  {len(problems)} message(s): {first}")


if __name__ == "__main__":
    main()
