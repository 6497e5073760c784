"""`python -m kb.stamp NAME ...` (or `make stamp FILES="NAME ..."`): record that the named
Spanish texts are up to date with their English.

Run it only after you have brought those Spanish texts up to date. Name what you checked:
- a Spanish page, `docs/about.es.md` (its English twin `docs/about.md` is accepted too);
- one data entry, `data/glossary.yml:genocide` (FILE:SLUG);
- a whole data file, `data/glossary.yml` (every entry in it: only when you checked them all).
Without a name it refuses: stamping everything would hide other people's out-of-date texts.
A Spanish page that is the same as in the last commit (HEAD) is refused too, since nobody brought
it up to date (`make stamp FILES='docs/*.es.md'` would name every page); after checking that such
a page needs no change, add --force: `make stamp FILES="--force docs/about.es.md"`.
It prints every text it stamped.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from pydantic import TypeAdapter, ValidationError

from .problems import KnowledgeError, Problem
from .paths import english_path
from .schema import DATA_FILES
from .translation import block_fingerprint, page_fingerprint, stamp_front_matter, stamp_yaml_lines
from .yamlsource import load_yaml_file

ROOT = Path(__file__).resolve().parent.parent
USAGE = ("Name what you brought up to date, e.g.\n"
         "  make stamp FILES=docs/about.es.md\n"
         "  make stamp FILES=data/glossary.yml:genocide\n"
         "  make stamp FILES=\"docs/about.es.md data/glossary.yml:genocide\"\n"
         "(a whole data file, data/glossary.yml, stamps every entry in it; --force stamps a Spanish page\n"
         "that is unchanged since the last commit). Nothing was stamped.")


def stamp_data_file(path: Path, model, slugs: set[str] | None = None, root: Path | None = None) -> list[str]:
    """Stamp the entries of a data file (only `slugs`, if given); returns the slugs stamped."""
    root = root or ROOT
    if "es" not in model.model_fields:      # e.g. assumptions.yml: its texts live in the pages
        return []
    name = path.relative_to(root).as_posix()
    loaded = load_yaml_file(path, name)
    if loaded.problems:
        raise KnowledgeError(loaded.problems)
    lines = path.read_text(encoding="utf-8-sig").splitlines(keepends=True)
    adapter = TypeAdapter(model)
    stamped, found = [], set()
    # Bottom-up, so that inserted lines do not shift the lines still to be edited.
    for raw in reversed(loaded.data or []):
        if not isinstance(raw, dict):
            continue
        slug = str(raw.get("slug", ""))
        if slugs is not None and slug not in slugs:
            continue
        found.add(slug)
        if not isinstance(raw.get("es"), dict):
            raise KnowledgeError([Problem(name, raw.line, slug, "the entry has no 'es' block to stamp",
                                          "write the Spanish text first (see data/README.md)")])
        try:
            entry = adapter.validate_python(dict(raw))
        except ValidationError as error:
            first = error.errors()[0]
            field = ".".join(str(p) for p in first["loc"])
            raise KnowledgeError([Problem(name, raw.line, slug, f"the entry cannot be read ('{field}': {first['msg']})",
                                          "run 'make build' to see every problem with its fix, then stamp again")]) from None
        fingerprint = block_fingerprint(entry.en)
        es_block = raw["es"]
        if es_block.get("translated_from") == fingerprint:
            continue
        existing = es_block.key_lines.get("translated_from")
        lines = stamp_yaml_lines(lines, raw.line_of("es"), existing, fingerprint)
        stamped.append(slug)
    missing = sorted((slugs or set()) - found)
    if missing:
        raise KnowledgeError([Problem(name, 0, slug, "no entry has this slug", "check the slug after the colon")
                              for slug in missing])
    path.write_text("".join(lines), encoding="utf-8")
    return list(reversed(stamped))


def stamp_page(spanish: Path) -> bool:
    english = spanish.with_name(english_path(spanish.name))
    if not english.exists():
        return False
    text = spanish.read_text(encoding="utf-8-sig")
    stamped = stamp_front_matter(text, page_fingerprint(english.read_text(encoding="utf-8-sig")))
    if stamped != text:
        spanish.write_text(stamped, encoding="utf-8")
        return True
    return False


def unchanged_since_head(path: Path, root: Path) -> bool:
    """Whether git has the file at HEAD exactly as it is now; False when git cannot tell (a new
    file, a folder outside git), so that stamping outside a clone still works."""
    def git(*args: str) -> int:
        try:
            return subprocess.run(["git", *args, "--", str(path)], cwd=root, capture_output=True, timeout=10).returncode
        except (OSError, subprocess.SubprocessError):
            return -1
    return git("ls-files", "--error-unmatch") == 0 and git("diff", "--quiet", "HEAD") == 0


def untouched_pages(pages: list[Path], root: Path) -> list[Problem]:
    """The Spanish pages nobody changed since HEAD, each as a problem with the fix."""
    return [Problem(page.relative_to(root).as_posix(), 0, "", "this Spanish page is the same as in the last commit "
                    "(HEAD): stamping it would mark it current although nobody brought it up to date",
                    "bring the Spanish text up to date first and stamp it then; if you checked it and it needs no "
                    f"change, stamp it with --force: make stamp FILES=\"--force {page.relative_to(root).as_posix()}\"")
            for page in pages if unchanged_since_head(page, root)]


def parse_names(argv: list[str], root: Path) -> tuple[dict[str, set[str] | None], list[Path], list[str]]:
    """Data files (with their slugs, or None for all), Spanish pages, and names not understood."""
    data: dict[str, set[str] | None] = {}
    pages: list[Path] = []
    unknown: list[str] = []
    for name in argv:
        file, _, slug = name.partition(":")
        path = (root / file).resolve()
        relative = path.relative_to(root.resolve()).as_posix() if path.is_relative_to(root.resolve()) else file
        if relative.startswith("data/") and Path(relative).name in DATA_FILES and path.exists():
            if (":" in name and not slug) or "es" not in DATA_FILES[Path(relative).name].model_fields:
                unknown.append(name)        # "file:" with no slug would stamp every entry; no es: nothing to stamp
            elif slug:
                current = data.setdefault(relative, set())
                if current is not None:
                    current.add(slug)
            else:
                data[relative] = None
        elif relative.startswith("docs/") and relative.endswith(".md") and not slug:
            spanish = path if path.name.endswith(".es.md") else path.with_name(path.name[:-3] + ".es.md")
            (pages if spanish.exists() else unknown).append(spanish if spanish.exists() else name)
        else:
            unknown.append(name)
    return data, pages, unknown


def main(argv: list[str], root: Path | None = None) -> int:
    root = root or ROOT
    force = "--force" in argv
    argv = [name for name in argv if name != "--force"]
    if not argv:
        print(USAGE, file=sys.stderr)
        return 2
    data, pages, unknown = parse_names(argv, root)
    if unknown:
        print("Not a Spanish page or a data file (or entry) the site has: " + ", ".join(map(str, unknown))
              + "\n" + USAGE, file=sys.stderr)
        return 2
    untouched = [] if force else untouched_pages(pages, root)
    if untouched:
        print(KnowledgeError(untouched).report() + "\nNothing was stamped.", file=sys.stderr)
        return 2
    done: list[str] = []
    try:
        for relative, slugs in data.items():
            model = DATA_FILES[Path(relative).name]
            done += [f"{relative}:{slug}" for slug in stamp_data_file(root / relative, model, slugs, root)]
    except KnowledgeError as error:
        print(error.report(), file=sys.stderr)
        return 1
    for spanish in pages:
        if stamp_page(spanish):
            done.append(spanish.relative_to(root).as_posix())
    for item in done:
        print(f"stamped {item}")
    print(f"Stamped {len(done)} Spanish text{'s' if len(done) != 1 else ''} as up to date with the English"
          + ("." if done else " (the named texts were already up to date)."))
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
