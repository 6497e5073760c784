"""Safety of what the build reads and publishes. A thin adapter: the rules are in ../kb.

- before anything is read: symlinks under docs/ or data/ and files that are not UTF-8 stop the
  build (kb/page_safety.py), as do pages that carry script, misleading file names and merge-conflict
  markers (kb/repository_files.py);
- every built page gets its Content-Security-Policy <meta> (kb/csp.py), except under
  `mkdocs serve`, whose live-reload script changes on every reload.
"""

from __future__ import annotations

from pathlib import Path

from _shared import ROOT, default_language, editions, fail, i18n, language
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

from kb.csp import UnknownInlineScript, add_content_security_policy
from kb.page_checks import check_entry_anchors
from kb.page_safety import check_sources_safety, check_tree
from kb.pages import page_text, read_sources
from kb.repository_files import check_repository_files

_serving = {"on": False}


def on_startup(command, dirty):
    _serving["on"] = command == "serve"


@event_priority(110)   # before any hook reads a page or a data file (knowledge_pages reads at 100)
def on_pre_build(config):
    if language(config) != default_language(config) and default_language(config) in i18n(config).build_languages:
        return      # static-i18n builds the default language first; its build already checked the files
    fail(check_tree(ROOT) or check_repository_files(ROOT) or check_sources_safety(read_sources(Path(config["docs_dir"]))))


@event_priority(110)   # before any hook reads the page's Markdown
def on_page_markdown(markdown, page, config, files):
    """Pages are published, checked and linked in NFC (kb/pages.page_text)."""
    return page_text(markdown)


def _with_policy(html: str, where: str) -> str:
    if _serving["on"]:
        return html
    try:
        return add_content_security_policy(html)
    except UnknownInlineScript as error:
        raise PluginError(f"\n{where}: {error}") from None


@event_priority(-1000)  # last: after every hook that changes the page
def on_post_page(output, page, config):
    ed = editions.get(language(config))
    k = ed.knowledge if ed else None
    for prefix, table, data_file in (("glossary.", "glossary", "data/glossary.yml"),
                                     ("organizations.", "organizations", "data/organizations.yml")):
        if k is not None and page.file.src_uri.startswith(prefix):
            fail(check_entry_anchors(output, getattr(k, table), data_file, k.lines, prefix.rstrip(".")))
    return _with_policy(output, f"docs/{page.file.src_uri}")


@event_priority(100)    # before i18n_fixes keeps the English 404 page and writes the Spanish one
def on_post_template(output, template_name, config):
    if not template_name.endswith(".html"):
        return output
    return _with_policy(output, f"overrides/{template_name}")
