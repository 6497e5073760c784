"""No output carries Markdown or attribute-list syntax: titles are read once, cleaned
(kb/pages.plain_heading), and every output uses them. Scans every built page's text, meta tags
and JSON-LD (citations and the preview cards' text, og:image:alt, included) and every download."""

from __future__ import annotations

import io
import json
import re
import zipfile

from bs4 import BeautifulSoup

# `{ #id }`, `{: .class }`, `{ .class }`, a Markdown link `[text](url)`, `**bold**`.
LEFTOVER = re.compile(r"\{\s*[#.:]|\{:|\]\([^)\s]*\)|\*\*\S")


def leftovers(text: str) -> list[str]:
    return [text[max(0, m.start() - 40): m.end() + 40] for m in LEFTOVER.finditer(text)]


def page_outputs(html: str):
    soup = BeautifulSoup(html, "html.parser")
    for script in soup.find_all("script", type="application/ld+json"):
        yield "JSON-LD", json.dumps(json.loads(script.string), ensure_ascii=False)
    for tag in soup.find_all(["script", "style"]):
        tag.decompose()
    yield "text", soup.get_text(" ")
    for meta in soup.find_all("meta", content=True):
        yield f"meta {meta.get('property') or meta.get('name')}", meta["content"]
    yield "title", soup.title.get_text() if soup.title else ""


def download_texts(path):
    data = path.read_bytes()
    if path.suffix == ".xlsx":
        with zipfile.ZipFile(io.BytesIO(data)) as book:
            for name in book.namelist():
                if name.endswith(".xml"):
                    yield name, book.read(name).decode("utf-8")
    elif path.suffix in {".json", ".jsonld", ".csv", ".txt", ".xml", ".ris", ".bib"}:
        yield path.name, data.decode("utf-8-sig")


def test_no_page_output_carries_markdown_or_attribute_syntax(site):
    found = []
    for url in site.pages():
        for where, text in page_outputs(site.html(url)):
            found += [f"/{url} ({where}): …{hit}…" for hit in leftovers(text)]
    assert not found, "\n".join(found[:20])


def test_no_download_carries_markdown_or_attribute_syntax(site):
    found = []
    downloads = sorted((site.root / "downloads").iterdir())
    assert any(p.suffix == ".xlsx" for p in downloads) and any(p.suffix == ".csv" for p in downloads)
    for path in downloads:
        for name, text in download_texts(path):
            found += [f"{path.name} {name}: …{hit}…" for hit in leftovers(text)]
    assert not found, "\n".join(found[:20])


def test_the_print_edition_is_cited_by_its_clean_title(site):
    for url, title in [("print/", "Atrocity Prevention Knowledge Base: print edition"),
                       ("es/print/", "Base de conocimientos sobre prevención de atrocidades: edición para imprimir")]:
        soup = BeautifulSoup(site.html(url), "html.parser")
        data = [json.loads(s.string) for s in soup.find_all("script", type="application/ld+json")]
        assert data[0]["headline"] == title
        assert f"title = {{{title}}}" in soup.get_text() and f"TI  - {title}" in soup.get_text()
