"""Published slugs and pages that a change removes. A slug is part of an address (/glossary/#genocide,
/dimensions/security-of-livelihoods/): readers, partner sites and citations link to it, so a renamed
slug breaks their links without a sound. `make check` compares the data with the published branch
and warns; removing an entry on purpose is allowed, so this is a warning, not an error. A page of
docs/ is an address in the same way (/about/, /es/about/), and a deleted or renamed page is warned
about like a removed slug."""

from __future__ import annotations

import difflib
import os
import posixpath
import re
import subprocess
from pathlib import Path

from . import sitemap
from .paths import english_path, is_english, site_path
from .problems import Problem

# data file -> where its slugs are published, with {slug} for the slug
ADDRESSES = {c.data_file: c.entry_url for c in sitemap.COLLECTIONS if c.entry_url}
_SLUG = re.compile(r"^- slug:\s*[\"']?([A-Za-z0-9_-]+)[\"']?\s*(?:#.*)?$", re.MULTILINE)


def slugs_with_lines(yaml_text: str) -> dict[str, int]:
    """The entries' slugs of a data file (a list of '- slug: x' entries) and the line of each."""
    return {m.group(1): yaml_text.count("\n", 0, m.start()) + 1 for m in _SLUG.finditer(yaml_text)}


def lost_slugs(file: str, published: str, current: str, base: str) -> list[Problem]:
    """A warning for each slug of the published text that the current text no longer has. Where new
    slugs appeared in the same change, the first is named: most likely the same entry, renamed."""
    before, after = slugs_with_lines(published), slugs_with_lines(current)
    new = [slug for slug in after if slug not in before]
    problems = []
    for slug in before:
        if slug in after:
            continue
        address = ADDRESSES[file].format(slug=slug)
        renamed = f" (renamed to '{new[0]}'?)" if new else ""
        problems.append(Problem(file, after[new[0]] if new else 0, slug,
                                f"the slug '{slug}' is published ({base}) and this change removes it{renamed}: "
                                f"links to {address} from other sites and citations would stop working",
                                "keep the slug as it was (to change what readers see, change the term or title, "
                                "not the slug); if the entry is meant to go, this warning can stay"))
    return problems


PAGE_FIX = ("keep the file's name and folder (to change what readers see, change its title); if the page is "
            "meant to go, this warning can stay")


def lost_pages(published: list[str], current: list[str], base: str) -> list[Problem]:
    """A warning for each page of the published branch (a path in docs/, 'about.md') that the
    working tree no longer has. The likely new name is the new page of the same language whose
    path is closest. An English page's address goes in both editions; a Spanish page's address
    still answers, with the English text."""
    before, after = set(published), set(current)
    new = sorted(after - before)
    problems = []
    for page in sorted(before - after):
        lang = "en" if is_english(page) else page.rsplit(".", 2)[-2]
        candidates = [p for p in new if is_english(p) == is_english(page)]
        guess = ([p for p in candidates if posixpath.basename(p) == posixpath.basename(page)]
                 or difflib.get_close_matches(page, candidates, n=1, cutoff=0.6))[:1]
        renamed = f" (renamed to 'docs/{guess[0]}'?)" if guess else ""
        where = f"docs/{guess[0]}" if guess else f"docs/{page}"
        if lang == "en":
            addresses = f"/{site_path(page, 'en', 'en')} and /{site_path(page, 'es', 'en')}"
            loss = f"links to {addresses} from other sites, citations and search engines would stop working"
        else:
            loss = (f"readers of /{site_path(english_path(page), lang, 'en')} would get the English page "
                    "instead of the translation")
        problems.append(Problem(where, 1 if guess else 0, "", f"the page 'docs/{page}' is published ({base}) and this "
                                f"change removes it{renamed}: {loss}", PAGE_FIX))
    return problems


def docs_pages(names) -> list[str]:
    """The pages among paths from the root ('docs/about.md' -> 'about.md')."""
    return sorted(n[len("docs/"):] for n in names if n.startswith("docs/") and n.endswith(".md"))


def published_ref(root: Path, base: str = "") -> str:
    """The branch the site is published from, as this clone knows it ('origin/main'), or '' when the
    clone has no such branch (an archive, a clone without its remote)."""
    ref = f"origin/{base or os.environ.get('GITHUB_BASE_REF') or 'main'}"
    try:
        found = subprocess.run(["git", "rev-parse", "--verify", "--quiet", ref + "^{commit}"], cwd=root,
                               capture_output=True, text=True, timeout=10)
    except (OSError, subprocess.SubprocessError):
        return ""
    return ref if found.returncode == 0 else ""


def published_warnings(root: Path) -> list[Problem]:
    """Slugs of the published branch that the data files in `root` no longer have."""
    ref = published_ref(root)
    if not ref:
        return []
    problems = []
    for file in ADDRESSES:
        shown = subprocess.run(["git", "show", f"{ref}:{file}"], cwd=root, capture_output=True, timeout=10)
        path = root / file
        if shown.returncode == 0 and path.is_file():
            problems += lost_slugs(file, shown.stdout.decode("utf-8", "replace"),
                                   path.read_text(encoding="utf-8-sig"), ref)
    listed = subprocess.run(["git", "ls-tree", "-r", "-z", "--name-only", ref, "--", "docs/"], cwd=root,
                            capture_output=True, timeout=10)
    if listed.returncode == 0:
        current = [p.relative_to(root).as_posix() for p in (root / "docs").rglob("*.md")] if (root / "docs").is_dir() else []
        problems += lost_pages(docs_pages(listed.stdout.decode("utf-8", "replace").split("\0")), docs_pages(current), ref)
    return problems
