"""Every glossary term is used on some page of each edition, so that the auto-linker can lead a
reader from the text to the entry; a term the site keeps on purpose without any use is listed
below with its reason. (The review found "local ownership" used on no page, although Assumption 3
is about it: the pages said "local approaches, ownership and leadership", which no variant
matched.)"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[2]
INTERFACE = yaml.safe_load((ROOT / "data" / "interface.yml").read_text(encoding="utf-8"))
GLOSSARY = yaml.safe_load((ROOT / "data" / "glossary.yml").read_text(encoding="utf-8"))

# slug -> why no page uses the term (none today).
INTENTIONALLY_UNUSED: dict[str, str] = {}


@pytest.mark.parametrize("edition, lang", [("", "en"), ("es/", "es")])
def test_every_glossary_term_is_used_somewhere(site, edition, lang):
    soup = site.soup(edition + "glossary/")
    none = INTERFACE["used_on_none"][lang]
    unused = []
    for entry in GLOSSARY:
        anchor = soup.find(id=entry["slug"])
        assert anchor is not None, f"{entry['slug']} has no entry on the {lang} glossary page"
        block = anchor.find_parent(class_="kb-entry") or anchor
        if none in block.get_text() and entry["slug"] not in INTENTIONALLY_UNUSED:
            unused.append(entry["slug"])
    assert not unused, (f"{lang}: glossary terms used on no page: {unused}. Add the wording the pages "
                        "use to the entry's 'variants' in data/glossary.yml, or list it in INTENTIONALLY_UNUSED")


def test_intentionally_unused_terms_exist():
    slugs = {entry["slug"] for entry in GLOSSARY}
    assert set(INTENTIONALLY_UNUSED) <= slugs


def test_no_variant_is_a_fragment_of_a_phrase_split_at_its_commas():
    """`variants: [local approaches, ownership, and leadership]` is three variants in YAML, and the
    auto-linker then links "and leadership" anywhere. A phrase with commas must be quoted."""
    fragments = re.compile(r"^(and|or|nor|y|e|o|u|ni)\b", re.IGNORECASE)
    for entry in GLOSSARY:
        for lang in ("en", "es"):
            for variant in (entry.get(lang) or {}).get("variants", []):
                assert not fragments.match(str(variant)), (
                    f"data/glossary.yml {entry['slug']} ({lang}): the variant '{variant}' looks like the end of "
                    "a phrase split at a comma; put the whole phrase in quotation marks")
