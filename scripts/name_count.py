"""Count, for each data file and each list page, the modules of kb/ and hooks/ that name it in code.

Strings are read with ast, so comments and docstrings do not count. A module names a file when one
of its string constants contains the file's name (``glossary.yml``, ``glossary.md``).
Run: .venv/bin/python scripts/name_count.py [ROOT]   (ROOT: another checkout to measure)
"""
from __future__ import annotations

import ast
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGES = ("kb", "hooks")


def _docstring_nodes(tree: ast.AST) -> set[int]:
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, (ast.Module, ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            body = node.body
            if body and isinstance(body[0], ast.Expr) and isinstance(body[0].value, ast.Constant):
                found.add(id(body[0].value))
    return found


def code_strings(source: str) -> list[str]:
    """Every string constant of a module except its docstrings."""
    tree = ast.parse(source)
    docstrings = _docstring_nodes(tree)
    return [node.value for node in ast.walk(tree)
            if isinstance(node, ast.Constant) and isinstance(node.value, str)
            and id(node) not in docstrings]


def watched_names(root: Path = ROOT) -> list[str]:
    """The data files and the English list pages (pages that list a collection)."""
    data = sorted(p.name for p in (root / "data").glob("*.yml"))
    return data + list(LIST_PAGES)


# The docs pages that list a collection (one per collection of the site map).
LIST_PAGES = ("glossary.md", "factors.md", "dimensions/index.md", "organizations.md", "sources.md",
              "editorial-notes.md", "assumptions/index.md", "definitions.md")


def modules_naming(root: Path = ROOT) -> dict[str, list[str]]:
    names = watched_names(root)
    naming: dict[str, list[str]] = {name: [] for name in names}
    for package in PACKAGES:
        for path in sorted((root / package).glob("*.py")):
            strings = code_strings(path.read_text(encoding="utf-8"))
            module = f"{package}/{path.name}"
            for name in names:
                if any(name in s or _names_page(s, name) for s in strings):
                    naming[name].append(module)
    return naming


def _names_page(text: str, name: str) -> bool:
    # A list page is also named by its address ("glossary/") or its Spanish twin ("glossary.es.md").
    if not name.endswith(".md"):
        return False
    stem = name[:-len(".md")]
    address = stem.removesuffix("index").rstrip("/") + "/"
    return text in (address, f"/{address}", f"{stem}.es.md")


def main(argv: list[str]) -> int:
    root = Path(argv[1]) if len(argv) > 1 else ROOT
    for name, modules in modules_naming(root).items():
        print(f"{len(modules):3d}  {name:24s} {' '.join(modules)}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
