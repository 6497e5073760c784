"""The ProperDocs comparison tells a changed page from a changed generator line."""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent.parent / "scripts"))
from properdocs_check import differences  # noqa: E402

PAGE = '<html><head><meta name="generator" content="{}"></head><body><article>{}</article></body></html>'


def write(root: Path, files: dict[str, str]) -> Path:
    for name, text in files.items():
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text(text)
    return root


def test_only_the_generator_line_may_differ(tmp_path):
    a = write(tmp_path / "a", {"index.html": PAGE.format("mkdocs-1.6.1", "Hi"), "sitemap.xml": "<x/>"})
    b = write(tmp_path / "b", {"index.html": PAGE.format("ProperDocs 1.6.7", "Hi"), "sitemap.xml": "<x/>"})
    assert differences(a, b) == []


def test_a_missing_page_or_changed_content_is_reported(tmp_path):
    a = write(tmp_path / "a", {"index.html": PAGE.format("m", "Hi"), "es/index.html": PAGE.format("m", "Hola")})
    b = write(tmp_path / "b", {"index.html": PAGE.format("p", "Hello")})
    assert differences(a, b) == ["only in the MkDocs build: es/index.html", "main content differs: index.html"]
