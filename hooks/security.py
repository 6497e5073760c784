"""Safety of what the build reads and publishes. A thin adapter: the rules are in ../kb.

- before anything is read: symlinks under docs/ or data/ and files that are not UTF-8 stop the
  build (kb/page_safety.py), as do pages that carry script, misleading file names and merge-conflict
  markers (kb/repository_files.py);
- every built page is held to the output allow-list (kb/output_safety.py), then gets its
  Content-Security-Policy <meta> and integrity hashes (kb/csp.py), except under `mkdocs serve`,
  whose live-reload script changes on every reload;
- once the whole site is written (downloads, print edition and all), every published file is read
  as readers receive it and held to the published-file allow-list (kb/output_safety.py).
"""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urlparse

from _shared import ROOT, default_language, editions, fail, i18n, language
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

from kb import sitemap
from kb.csp import UnknownInlineScript, add_content_security_policy, file_hash, trusted_assets
from kb.output_safety import FIX, check_published_site, page_output_problems, site_path_of, source_line
from kb.page_checks import check_entry_anchors
from kb.page_safety import check_sources_safety, check_tree
from kb.pages import page_text, read_sources
from kb.problems import Problem
from kb.repository_files import check_repository_files

_serving = {"on": False}
_assets: dict = {}   # per build: site path -> trusted bytes of the scripts and styles pages may load


def on_startup(command, dirty):
    _serving["on"] = command == "serve"


@event_priority(110)   # before any hook reads a page or a data file (knowledge_pages reads at 100)
def on_pre_build(config):
    _assets.clear()
    _assets.update(trusted_assets([Path(d) for d in config["theme"].dirs], Path(config["docs_dir"]),
                                  config["theme"].custom_dir))
    if language(config) != default_language(config) and default_language(config) in i18n(config).build_languages:
        return      # static-i18n builds the default language first; its build already checked the files
    fail(check_tree(ROOT) or check_repository_files(ROOT) or check_sources_safety(read_sources(Path(config["docs_dir"]))))


@event_priority(110)   # before any hook reads the page's Markdown
def on_page_markdown(markdown, page, config, files):
    """Pages are published, checked and linked in NFC (kb/pages.page_text)."""
    return page_text(markdown)


def _with_policy(html: str, where: str, config, page_url: str = "", source: str = "") -> str:
    if _serving["on"]:
        return html
    base = urlparse(config["site_url"] or "/").path or "/"
    scripts = frozenset(p for p in _assets if p.endswith(".js"))
    styles = frozenset(p for p in _assets if p.endswith(".css"))
    problems, found = [], page_output_problems(html, page_url, scripts, styles, base)
    config_text = Path(config["config_file_path"]).read_text(encoding="utf-8") if found and config["config_file_path"] else ""
    for p in found:
        # The contributor's line: in the page's source, else in mkdocs.yml (copyright, extra values).
        file, line = where, source_line(source, p.needle)
        if not line and source_line(config_text, p.needle):
            file, line = "mkdocs.yml", source_line(config_text, p.needle)
        problems.append(Problem(file, line, "", f"{p.message} (line {p.line} of the built {page_url or 'home page'})", FIX))
    fail(problems)
    try:
        return add_content_security_policy(
            html, lambda src: file_hash(_assets[site_path_of(src, page_url, base)]))
    except UnknownInlineScript as error:
        raise PluginError(f"\n{where}: {error}") from None


@event_priority(-1000)  # last: after every hook that changes the page
def on_post_page(output, page, config):
    ed = editions.get(language(config))
    k = ed.knowledge if ed else None
    for c in sitemap.COLLECTIONS:   # the auto-linked entries: their anchors are link targets
        if c.auto_linked and k is not None and page.file.src_uri.startswith(c.list_page_prefix):
            fail(check_entry_anchors(output, getattr(k, c.key), c.data_file, k.lines, c.key))
    return _with_policy(output, f"docs/{page.file.src_uri}", config, page.url, page.file.content_string)


@event_priority(100)    # before i18n_fixes keeps the English 404 page and writes the Spanish one
def on_post_template(output, template_name, config):
    if not template_name.endswith(".html"):
        return output
    return _with_policy(output, f"overrides/{template_name}", config, template_name)


@event_priority(-1000)  # last: after every hook that writes into the site (open_data at -300)
def on_post_build(config):
    if _serving["on"] or i18n(config).building:
        return
    fail(check_published_site(Path(config["site_dir"]), _assets, urlparse(config["site_url"] or "/").path or "/"))
