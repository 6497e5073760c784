"""The offline copies opened from the file system, and the print editions, in Chromium."""

from __future__ import annotations

import re
import zipfile
from collections import Counter

import pytest

from conftest import ROOT, SITE_URL
from kb.inline import tooltip as inline_tooltip
from kb.knowledge import load_knowledge

pytestmark = pytest.mark.browser

FOLDER = "atrocity-prevention-kb"


@pytest.fixture(scope="module")
def unzipped(built, tmp_path_factory):
    root = tmp_path_factory.mktemp("offline")
    for lang in ("en", "es"):
        with zipfile.ZipFile(built / "downloads" / f"offline-{lang}.zip") as archive:
            assert archive.namelist() == sorted(archive.namelist()), "entries are sorted"
            assert not any("/assets/cards/" in n or n.endswith(".map") for n in archive.namelist())
            archive.extractall(root)
    return root


@pytest.mark.parametrize("lang, home_heading, glossary_word", [
    ("en", "Atrocity Prevention Knowledge Base", "Glossary"),
    ("es", "Base de conocimientos sobre prevención de atrocidades", "Glosario"),
])
def test_the_offline_copy_opens_from_disk_and_its_links_work(page, unzipped, lang, home_heading, glossary_word):
    requests = []
    page.on("request", lambda r: requests.append(r.url))
    page.goto((unzipped / f"{FOLDER}-{lang}" / "index.html").as_uri())
    page.wait_for_load_state()
    assert page.locator("article h1").first.inner_text().startswith(home_heading)
    # Styles loaded: Material's header is coloured and fixed, not an unstyled list.
    assert page.evaluate("getComputedStyle(document.querySelector('.md-header')).position") in ("sticky", "fixed")
    # Follow the navigation to the glossary, then a term link back into a page.
    link = page.locator('nav.md-nav--primary a[href$="glossary/index.html"]').first
    assert link.inner_text().strip() == glossary_word
    link.focus()   # the sidebar scrolls inside itself: follow the link as a keyboard user does
    page.keyboard.press("Enter")
    page.wait_for_url("**/glossary/index.html")
    assert page.url.startswith("file://") and page.url.endswith("/glossary/index.html")
    assert page.locator("article h3[id]").count() > 50
    # Search says it is unavailable instead of failing.
    assert not page.locator(".md-search").is_visible()
    assert "Ctrl+F" in page.locator(".kb-offline-notice").inner_text()
    # Every link into the copy names a file that exists in it.
    broken = page.evaluate("""() => [...document.querySelectorAll('a[href]')].map(a => a.href)
        .filter(h => h.startsWith('file:') && !/\\.html(#.*)?$|\\.(css|js|png|svg)$/.test(h))""")
    assert broken == []
    assert all(r.startswith("file://") for r in requests), [r for r in requests if not r.startswith("file://")]


def test_the_factor_chart_and_term_tooltips_work_offline(page, unzipped):
    page.goto((unzipped / f"{FOLDER}-en" / "assumptions" / "hate-speech" / "index.html").as_uri())
    term = page.locator("article a.kb-term").first
    term.hover()
    tooltip = page.locator(".md-tooltip2--active, .md-tooltip--active, [role=tooltip]").first
    tooltip.wait_for(state="visible", timeout=5000)
    # The term's own definition, as the build wrote it: its first sentence in plain words.
    slug = term.get_attribute("href").rsplit("#", 1)[1]
    assert " ".join(tooltip.inner_text().split()) == inline_tooltip(load_knowledge(ROOT / "data").glossary[slug].en.definition)
    term.click()
    page.wait_for_url(re.compile(r"/glossary/index\.html#"))
    assert re.search(r"/glossary/index\.html#", page.url)
    page.goto((unzipped / f"{FOLDER}-es" / "es" / "dimensions" / "index.html").as_uri())
    assert page.locator("article svg, article table").first.is_visible()


@pytest.mark.release
def test_offline_copies_are_byte_identical_across_builds(built, built_again):
    again = built_again
    for lang in ("en", "es"):
        name = f"downloads/offline-{lang}.zip"
        assert (built / name).read_bytes() == (again / name).read_bytes(), name


@pytest.mark.parametrize("prefix", ["", "es/"])
def test_the_print_edition_holds_the_whole_edition_with_unique_ids(site, page, server, prefix):
    soup = site.soup(prefix + "print/")
    assert soup.select_one('meta[name="robots"][content="noindex"]')
    ids = [t["id"] for t in soup.select("[id]")]
    assert [i for i, n in Counter(ids).items() if n > 1] == []
    sections = soup.select("section.kb-print-page")
    assert len(sections) >= 27
    for link in soup.select('article a[href^="#"]'):
        assert link["href"][1:] in ids, link["href"]
    toc = [a["href"] for a in soup.select(".kb-print-contents a")]
    assert toc == [f"#{s['id']}" for s in sections]
    titles = [s.select_one("h1").get_text() for s in sections]
    assert any("Glos" in t for t in titles) and any("5" in t for t in titles)
    sitemap = (site.root / "sitemap.xml").read_text(encoding="utf-8")
    assert "/print/" not in sitemap
    index = (site.root / prefix / "search" / "search_index.json").read_text(encoding="utf-8")
    assert '"print/' not in index
    # In Chromium, printed: no site chrome, each page starts on a new sheet, outside links show their address.
    page.goto(f"{server}/{prefix}print/")
    page.emulate_media(media="print")
    assert not page.locator(".md-header").is_visible()
    assert page.evaluate("getComputedStyle(document.querySelector('.kb-print-page')).breakBefore") == "auto"   # pages run on, a rule between them (the print budgets)
    after = page.evaluate("""() => { const a = document.querySelector('article a[href^="https://stanleycenter"]');
        return a && getComputedStyle(a, '::after').content; }""")
    assert after and "stanleycenter.org" in after
    pdf = page.pdf(format="A4", tagged=True, outline=True)
    assert pdf.startswith(b"%PDF") and len(pdf) > 100_000


def test_the_footer_links_the_print_edition_and_the_data(site):
    for url in ("", "es/glossary/"):
        links = [a["href"] for a in site.soup(url).select(".kb-footer-links a")]
        assert any(h.endswith("print/") for h in links) and any(h.endswith("data/") for h in links)
        assert SITE_URL


@pytest.mark.release
def test_make_pdf_prints_both_editions_tagged_with_an_outline(built, tmp_path):
    import subprocess
    import sys
    from conftest import ROOT
    result = subprocess.run([sys.executable, str(ROOT / "scripts" / "print_pdf.py"), str(built), str(tmp_path)],
                            capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, result.stderr
    for lang in ("en", "es"):
        pdf = (tmp_path / f"print-{lang}.pdf").read_bytes()
        assert pdf.startswith(b"%PDF") and len(pdf) > 200_000
        assert b"/StructTreeRoot" in pdf, "tagged PDF"
        assert b"/Outlines" in pdf, "with an outline of the headings"
        check_printed(tmp_path / f"print-{lang}.pdf", "print/" if lang == "en" else "es/print/")


# A4 sheets as `make pdf` prints them: the print editions and, printed on their own, the glossaries.
PRINT_BUDGETS = {"print/": 130, "es/print/": 130, "glossary/": 30, "es/glossary/": 30}


def check_printed(pdf_file, url: str) -> None:
    """The review printed the Spanish glossary on 66 sheets and the Spanish edition on 215, with
    the filter, the letter buttons and citation code on paper."""
    import pypdf
    pages = pypdf.PdfReader(pdf_file).pages
    assert len(pages) <= PRINT_BUDGETS[url], f"{url}: {len(pages)} A4 pages"
    # Reading every sheet's text is slow in pure Python: the footer on the first, middle and last
    # sheets (one template prints them all), the interface words in the whole text.
    for page in (pages[0], pages[len(pages) // 2], pages[-1]):
        text = page.extract_text()
        assert SITE_URL + url in text and re.search(r"\d{4}-\d{2}-\d{2}", text), "address and date at the foot"
    whole = "\n".join(page.extract_text() for page in pages)
    for interface in ("Filtrar el glosario", "Filter the glossary", "@online{", "TY  - ELEC", "Chicago:"):
        assert interface not in whole, (url, interface)


@pytest.mark.release
@pytest.mark.parametrize("url", ["glossary/", "es/glossary/"])
def test_a_printed_glossary_keeps_its_page_budget_and_carries_the_address_on_every_sheet(browser, server, tmp_path, url):
    import importlib.util
    spec = importlib.util.spec_from_file_location("print_pdf", ROOT / "scripts" / "print_pdf.py")
    print_pdf = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(print_pdf)
    tab = browser.new_page()
    print_pdf.print_page(tab, f"{server}/{url}", tmp_path / "out.pdf")
    tab.close()
    check_printed(tmp_path / "out.pdf", url)
