"""JSON Schemas of the data files, for editors: VS Code's YAML extension (and others that read a
`# yaml-language-server: $schema=…` comment) then completes field names and underlines mistakes
while a contributor types. The schemas are generated from kb/schema.py, never edited by hand:
`make schemas` (python -m kb.editor_schemas) rewrites schemas/, and a test fails when they differ.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from pydantic import TypeAdapter

from . import interface, schema

ROOT = Path(__file__).resolve().parent.parent
SCHEMA_DIR = "schemas"
INTERFACE_FILE = Path(interface.FILE).name


def schema_name(data_file: str) -> str:
    """'glossary.yml' -> 'glossary.schema.json'."""
    return data_file.rsplit(".", 1)[0] + ".schema.json"


def schema_comment(data_file: str) -> str:
    """The first line of a data file, which tells the editor where its schema is."""
    return f"# yaml-language-server: $schema=../{SCHEMA_DIR}/{schema_name(data_file)}"


def data_files() -> dict[str, TypeAdapter]:
    """Every data file and the shape of its whole content (every file the loader reads)."""
    files = {name: TypeAdapter(list[model]) for name, model in schema.DATA_FILES.items()}
    files[INTERFACE_FILE] = TypeAdapter(dict[str, schema.InterfaceString])
    return files


def editor_schemas() -> dict[str, str]:
    """schema file name -> its JSON text."""
    out = {}
    for name, adapter in data_files().items():
        generated = adapter.json_schema()
        document = {"$schema": "https://json-schema.org/draft/2020-12/schema",
                    "title": f"data/{name}",
                    "description": f"Generated from kb/schema.py by `make schemas`; do not edit. "
                                   f"Fields are explained in data/README.md.",
                    **generated}
        out[schema_name(name)] = json.dumps(document, indent=2, ensure_ascii=False, sort_keys=False) + "\n"
    return out


def write(root: Path = ROOT) -> list[str]:
    """Write every schema into schemas/; return the names of the files that changed."""
    folder = root / SCHEMA_DIR
    folder.mkdir(exist_ok=True)
    changed = []
    for name, text in editor_schemas().items():
        target = folder / name
        if not target.exists() or target.read_text(encoding="utf-8") != text:
            target.write_text(text, encoding="utf-8")
            changed.append(name)
    return changed


if __name__ == "__main__":
    changed = write()
    print(f"Rewrote {', '.join(changed)} in {SCHEMA_DIR}/." if changed else f"{SCHEMA_DIR}/ is up to date.")
    missing = [name for name in data_files()
               if not (ROOT / "data" / name).read_text(encoding="utf-8").startswith(schema_comment(name))]
    for name in missing:
        print(f"data/{name}: add this first line so editors find its schema:\n    {schema_comment(name)}")
    sys.exit(0)
