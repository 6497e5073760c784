"""Published slugs that a change removes. A slug is part of an address (/glossary/#genocide,
/dimensions/security-of-livelihoods/): readers, partner sites and citations link to it, so a renamed
slug breaks their links without a sound. `make check` compares the data with the published branch
and warns; removing an entry on purpose is allowed, so this is a warning, not an error."""

from __future__ import annotations

import os
import re
import subprocess
from pathlib import Path

from .problems import Problem

# data file -> where its slugs are published, with {slug} for the slug
ADDRESSES = {
    "data/glossary.yml": "/glossary/#{slug}",
    "data/organizations.yml": "/organizations/#{slug}",
    "data/factors.yml": "/factors/#{slug}",
    "data/sources.yml": "/sources/#{slug}",
    "data/editorial_notes.yml": "/editorial-notes/#{slug}",
    "data/dimensions.yml": "/dimensions/{slug}/",
}
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
    return problems
