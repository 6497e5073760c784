"""`python -m kb.stamp [path ...]`: record that Spanish texts are up to date with their English.

Run it after you have brought a Spanish page or data entry up to date. Without arguments it
stamps everything; with paths (data/glossary.yml, docs/about.es.md) only those files.
"""

from __future__ import annotations

import sys
from pathlib import Path

from pydantic import TypeAdapter

from .problems import KnowledgeError
from .paths import english_path
from .schema import DATA_FILES
from .translation import block_fingerprint, page_fingerprint, stamp_front_matter, stamp_yaml_lines
from .yamlsource import load_yaml_file

ROOT = Path(__file__).resolve().parent.parent


def stamp_data_file(path: Path, model) -> int:
    loaded = load_yaml_file(path, str(path.relative_to(ROOT)))
    if loaded.problems:
        raise KnowledgeError(loaded.problems)
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    adapter = TypeAdapter(model)
    changes = 0
    # Bottom-up, so that inserted lines do not shift the lines still to be edited.
    for raw in reversed(loaded.data or []):
        if not isinstance(raw, dict) or not isinstance(raw.get("es"), dict):
            continue
        entry = adapter.validate_python(dict(raw))
        fingerprint = block_fingerprint(entry.en)
        es_block = raw["es"]
        if es_block.get("translated_from") == fingerprint:
            continue
        existing = es_block.key_lines.get("translated_from")
        lines = stamp_yaml_lines(lines, raw.line_of("es"), existing, fingerprint)
        changes += 1
    path.write_text("".join(lines), encoding="utf-8")
    return changes


def stamp_page(spanish: Path) -> bool:
    english = spanish.with_name(english_path(spanish.name))
    if not english.exists():
        return False
    text = spanish.read_text(encoding="utf-8")
    stamped = stamp_front_matter(text, page_fingerprint(english.read_text(encoding="utf-8")))
    if stamped != text:
        spanish.write_text(stamped, encoding="utf-8")
        return True
    return False


def main(argv: list[str]) -> int:
    wanted = {(ROOT / a).resolve() for a in argv}
    total = 0
    try:
        for name, model in DATA_FILES.items():
            path = ROOT / "data" / name
            if path.exists() and (not wanted or path.resolve() in wanted):
                total += stamp_data_file(path, model)
    except KnowledgeError as error:
        print(error.report(), file=sys.stderr)
        return 1
    for spanish in sorted((ROOT / "docs").rglob("*.es.md")):
        if (not wanted or spanish.resolve() in wanted) and stamp_page(spanish):
            total += 1
    print(f"Stamped {total} Spanish text{'s' if total != 1 else ''} as up to date with the English.")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
