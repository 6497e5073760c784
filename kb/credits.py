"""Who publishes the site, how to report an error, the licence and privacy: the About page block."""

from __future__ import annotations

import re
from html import escape

from .context import RenderContext
from .paper import PAPER_URL
from .provenance import external_link


def issues_url(edit_url: str) -> str:
    """The repository's issue tracker, from an edit link such as https://github.com/o/r/edit/main/x."""
    match = re.match(r"^(https://github\.com/[^/\s]+/[^/\s]+)/edit/", edit_url)
    return match.group(1) + "/issues" if match else ""


def paper_title(ctx: RenderContext) -> str:
    """The paper's English title; on Spanish pages it is marked as English for screen readers."""
    lang = ' lang="en"' if ctx.lang != "en" else ""
    return f"<cite{lang}>Strategy Consultation on Mass Violence and Atrocity Prevention</cite>"


def publisher_name(extra: dict, lang: str) -> str:
    """mkdocs.yml's `extra.publisher` in the edition's language (English when it has none)."""
    publisher = extra.get("publisher", {})
    publisher = publisher.get(lang) or publisher.get("en", "") if isinstance(publisher, dict) else str(publisher)
    return publisher if isinstance(publisher, str) else ""   # anything else: kb/page_checks.py reports it


def render_credits(ctx: RenderContext) -> str:
    publisher = publisher_name(ctx.extra, ctx.lang)
    publisher_html = f'<span class="kb-nolink">{escape(publisher)}</span>'   # a name, not terms to link
    paper = external_link(ctx, PAPER_URL, paper_title(ctx), "en")
    issues = issues_url(ctx.edit_href("README.md"))
    report = ctx.ui("credits_report").format(
        link=external_link(ctx, issues, ctx.ui("credits_report_link")) if issues else ctx.ui("credits_report_link"))
    return "\n".join([
        f"## {ctx.ui('credits_heading')} {{ #who-publishes-this-site }}", "",
        f'<p data-provenance="site">{ctx.ui("credits_publisher").format(publisher=publisher_html, paper=paper)}</p>', "",
        f"<p>{report}</p>", "",
        f"## {ctx.ui('licence_heading')} {{ #licence }}", "",
        f"<p>{ctx.ui('licence_text')}</p>", "",
        f"## {ctx.ui('privacy_heading')} {{ #privacy }}", "",
        f"<p>{ctx.ui('privacy_text')}</p>", "",
    ])
