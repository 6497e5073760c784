"""The small data set in tests/fixtures/data, copied for each test to break: shared by the tests
of data mistakes (test_knowledge.py, test_provenance.py) and the loaders' tests."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from kb.knowledge import load_knowledge
from kb.problems import KnowledgeError

FIXTURE = Path(__file__).resolve().parent.parent / "fixtures" / "data"


@pytest.fixture
def data(tmp_path) -> Path:
    """A fresh copy of the fixture data, free to edit."""
    target = tmp_path / "data"
    shutil.copytree(FIXTURE, target)
    return target


def edit(data: Path, name: str, old: str, new: str) -> None:
    """Replace the first `old` in data/`name` with `new`; `old` must be there."""
    path = data / name
    text = path.read_text(encoding="utf-8")
    assert old in text, f"fixture text not found: {old!r}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def problems(data: Path) -> list:
    """The problems loading `data` reports (it must report some)."""
    with pytest.raises(KnowledgeError) as caught:
        load_knowledge(data)
    return caught.value.problems
