"""A change that removes a published slug is flagged: links to its address would break."""

from __future__ import annotations

from published_clone import published_clone

from kb.published import lost_slugs, published_warnings, slugs_with_lines

PUBLISHED = "# header\n- slug: genocide\n  en: {}\n- slug: 'war-crimes'\n  en: {}\n"


def test_slugs_are_read_with_their_lines():
    assert slugs_with_lines(PUBLISHED) == {"genocide": 2, "war-crimes": 4}


def test_a_renamed_slug_is_named_with_its_likely_new_name_and_address():
    current = PUBLISHED.replace("slug: genocide", "slug: genocide-crime")
    [warning] = lost_slugs("data/glossary.yml", PUBLISHED, current, "origin/main")
    assert (warning.file, warning.line, warning.entry) == ("data/glossary.yml", 2, "genocide")
    assert "renamed to 'genocide-crime'" in warning.message and "/glossary/#genocide " in warning.message
    assert "keep the slug" in warning.fix


def test_a_removed_dimension_names_its_page_address():
    [warning] = lost_slugs("data/dimensions.yml", "- slug: security-of-livelihoods\n", "", "origin/main")
    assert warning.line == 0 and "/dimensions/security-of-livelihoods/" in warning.message


def test_added_and_kept_slugs_are_fine():
    assert lost_slugs("data/glossary.yml", PUBLISHED, PUBLISHED + "- slug: impunity\n", "origin/main") == []


def test_the_data_is_compared_with_the_published_branch_of_the_clone(tmp_path):
    origin, clone = published_clone(tmp_path, {"data/glossary.yml": PUBLISHED})
    assert published_warnings(clone) == []
    (clone / "data" / "glossary.yml").write_text(PUBLISHED.replace("- slug: 'war-crimes'", "- slug: war-crime"),
                                                encoding="utf-8")
    [warning] = published_warnings(clone)
    assert warning.entry == "war-crimes" and "origin/main" in warning.message
    assert published_warnings(origin) == []      # no published branch to compare with: nothing to say
