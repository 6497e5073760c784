"""'Report a problem' on every page: the words come from data/interface.yml, the repository and the
e-mail address from mkdocs.yml `extra:`; overrides/partials/feedback.html shows the paragraph."""

from __future__ import annotations

from _shared import edition

from kb.page_links import ENTRY_PAGES, ReportWords, add_entry_edit_links, report_problem_html
from kb.provenance import mark_external_links
from kb.site_output import absolute_url

WORDS = {"link": "report_problem", "issue_title": "report_issue_title", "page": "report_issue_page",
         "prompt": "report_issue_prompt", "or_write": "report_or_write"}


def words(k, lang: str) -> ReportWords:
    return ReportWords(**{field: k.ui(key, lang) for field, key in WORDS.items()})


def on_page_context(context, page, config, nav):
    ed = edition(config)
    k, lang, other = ed.knowledge, ed.lang, ed.other
    extra = config.get("extra") or {}
    context["kb_report"] = mark_external_links(report_problem_html(
        repo_url=str(extra.get("report_repo_url") or ""), email=str(extra.get("contact_email") or ""),
        page_title=str(page.title or config["site_name"]), page_url=absolute_url(config["site_url"] or "", page.url),
        words=words(k, lang), other=words(k, other)), config["site_url"] or "", ed.ui("external_link"))
    return context


def on_post_page(html, page, config):
    """On the glossary, organizations, factors and sources pages, each entry links to its line.
    Added to the written page, after search has indexed it: results never show "Edit this entry"."""
    kind = page.file.src_uri.split(".", 1)[0]
    if kind not in ENTRY_PAGES:
        return html
    ed = edition(config)
    data_file = ENTRY_PAGES[kind]
    return add_entry_edit_links(html, data_file, ed.knowledge.lines, ed.edit_href(data_file), ed.ui("edit_entry"),
                                ed.ui("external_link"))
