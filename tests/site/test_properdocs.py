"""The way off MkDocs 1.x stays open: ProperDocs (a drop-in fork of MkDocs 1.6) builds the same site.

Its virtualenv (.properdocs-venv, from requirements-properdocs.txt) is made on first use by
scripts/properdocs_check.py; after that the check costs one build of a few seconds.
"""

from __future__ import annotations

import importlib.util
import sys

import pytest

from conftest import BUILD_ENV, ROOT

sys.path.insert(0, str(ROOT / "scripts"))
import properdocs_check  # noqa: E402


@pytest.mark.release
def test_properdocs_builds_the_same_pages_with_the_same_content(built, tmp_path):
    result = properdocs_check.build_with_properdocs(tmp_path / "properdocs", env=BUILD_ENV)
    assert result.returncode == 0, f"ProperDocs could not build the site:\n{result.stderr}"
    assert properdocs_check.differences(built, tmp_path / "properdocs") == []


def test_properdocs_is_not_in_the_main_virtualenv():
    """Its command redirects `import mkdocs` to itself: beside mkdocs, it could build the site unnoticed."""
    assert importlib.util.find_spec("properdocs") is None
