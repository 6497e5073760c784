"""What every built page carries: one Content-Security-Policy before any script, hashing only the
theme's known inline scripts; and the sitemap's gzip copy matches the sitemap."""

from __future__ import annotations

import gzip
import re
from pathlib import Path

from kb.csp import inline_script_hashes


def test_every_page_carries_the_policy_before_any_script(site):
    pages = [u for u in site.pages() if u.endswith("/") or u.endswith(".html")]
    assert len(pages) > 50
    for url in pages:
        html = site.path(url).read_text(encoding="utf-8")
        metas = re.findall(r'<meta http-equiv="Content-Security-Policy" content="([^"]*)">', html)
        assert len(metas) == 1, url
        policy = metas[0]
        script_src = policy.split("script-src ")[1].split(";")[0].split()
        # Scripts run by hash only: no host, no 'self', nothing inline but the theme's known scripts.
        assert script_src and all(re.fullmatch(r"'sha256-[A-Za-z0-9+/=]+'", s) for s in script_src), (url, script_src)
        for directive in ("object-src 'none'", "base-uri 'none'", "form-action 'none'", "img-src 'self' data:",
                          "worker-src 'self'"):
            assert directive in policy, (url, directive)
        assert "unsafe-inline" not in policy, url
        assert html.index("Content-Security-Policy") < html.index("<script"), url
        # Each script file the page loads is named by its integrity hash, and by nothing else.
        files = re.findall(r'<script\b[^>]*\ssrc="[^"]+" integrity="(sha256-[^"]+)"', html)
        assert len(files) == len(re.findall(r"<script\b[^>]*\ssrc=", html)), url
        assert sorted(script_src) == sorted(set(f"'{h}'" for h in files) | set(inline_script_hashes(html))), url


def test_no_page_has_inline_code_of_its_own(site):
    for url in site.pages():
        if url.endswith("/") or url.endswith(".html"):
            soup = site.soup(url)
            assert not [a for tag in soup.find_all(True) for a in tag.attrs if a.lower().startswith("on")], url
            assert not soup.select('a[href^="javascript:"]'), url


def test_sitemap_gz_has_the_same_content_as_sitemap_xml(built):
    xml = (built / "sitemap.xml").read_bytes()
    assert gzip.decompress((built / "sitemap.xml.gz").read_bytes()) == xml
    assert b"x-default" in xml


def test_every_published_file_passes_the_published_file_check(built):
    """The build ends with this check (hooks/security.on_post_build); here it is run again on what
    the build left, so a step that stopped calling it would show."""
    import material

    from kb.csp import trusted_assets
    from kb.output_safety import published_file_problems

    from conftest import ROOT

    assets = trusted_assets([ROOT / "overrides", Path(material.__file__).parent / "templates"], ROOT / "docs",
                            ROOT / "overrides")
    files = [p for p in sorted(built.rglob("*")) if p.is_file() and p.name != ".build-log"]
    assert len(files) > 100
    kinds = {p.suffix for p in files}
    assert {".html", ".js", ".css", ".csv", ".xlsx", ".zip"} <= kinds, kinds
    problems = [(p.relative_to(built).as_posix(), problem) for p in files
                for problem in published_file_problems(p.relative_to(built).as_posix(), p.read_bytes(), assets)]
    assert problems == []


def test_the_sitemap_dates_each_page_by_its_last_change_not_the_build_day(site, built):
    """<lastmod> is what the page says under "Last updated", so it does not change every day."""
    from conftest import SITE_URL

    xml = (built / "sitemap.xml").read_text(encoding="utf-8")
    entries = re.findall(r"<loc>([^<]+)</loc>\s*<lastmod>([^<]+)</lastmod>", xml)
    assert len(entries) > 40
    dated = 0
    for loc, lastmod in entries:
        time = site.soup(loc.removeprefix(SITE_URL)).select_one(".kb-updated time")
        if time is not None:
            assert lastmod == time["datetime"], loc
            dated += 1
    assert dated > 40
