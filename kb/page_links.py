"""Links every page carries for people who want to fix it: "edit this page" at the right line of a
data file, and "Report a problem", a prefilled issue on the repository plus an e-mail address."""

from __future__ import annotations

import re
from dataclasses import dataclass
from html import escape
from urllib.parse import quote, urlencode

from . import sitemap
from .provenance import mark_external_links


def repository_edit_href(edit_uri: str, repo_path: str) -> str:
    """Edit link for any file in the repository, from the absolute edit_uri (…/edit/main/docs/);
    "" when the site has no absolute edit_uri (a local build)."""
    if not (edit_uri or "").startswith("http"):
        return ""
    root = edit_uri[: -len("docs/")] if edit_uri.endswith("docs/") else edit_uri
    return root + repo_path


def at_line(edit_href: str, line: int) -> str:
    """An edit link that opens at a line: GitHub's editor puts the cursor at `#L<line>`."""
    return f"{edit_href}#L{line}" if edit_href and line > 0 else edit_href


@dataclass(frozen=True)
class ReportWords:
    """The interface words of the report link, in the page's language and in the other one."""
    link: str            # "Report a problem"
    issue_title: str     # "Problem on the page"
    page: str            # "Page" (the issue body's first line, in both languages)
    prompt: str          # "What is wrong, and what should it say?" (both languages)
    or_write: str        # "or write to"


def issue_url(repo_url: str, title: str, body: str) -> str:
    """A new-issue URL with title and body filled in (GitHub, Forgejo and GitLab read these)."""
    return repo_url.rstrip("/") + "/issues/new?" + urlencode({"title": title, "body": body}, quote_via=quote)


def report_problem_html(repo_url: str, email: str, page_title: str, page_url: str,
                        words: ReportWords, other: ReportWords) -> str:
    """The "Report a problem" paragraph, or "" when the site has neither a repository nor an address.

    The issue is prefilled in both languages: a reader writes in theirs, maintainers read either.
    """
    if not repo_url and not email:
        return ""
    parts = []
    if repo_url:
        body = (f"{words.page} / {other.page}: {page_url}\n\n"
                f"{words.prompt}\n{other.prompt}\n\n")
        href = issue_url(repo_url, f"{words.issue_title}: {page_title}", body)
        parts.append(f'<a href="{escape(href)}" rel="nofollow">{escape(words.link)}</a>')
    if email:
        subject = quote(f"{words.issue_title}: {page_title}")
        mail = f'<a href="mailto:{escape(email)}?subject={escape(subject)}">{escape(email)}</a>'
        parts.append(f"{escape(words.or_write)} {mail}" if repo_url else f"{escape(words.link)}: {mail}")
    return '<p class="kb-report">' + " ".join(parts) + "</p>"


GUIDES = (("CONTRIBUTING.md", "en", "guide_in_english"), ("CONTRIBUTING.es.md", "es", "guide_in_spanish"))


def render_contributor_guides(ctx) -> str:
    """`<!-- kb:contributor-guides -->`: the contributor guides in both languages, on the repository.

    The reading address is the edit address with GitHub's `/blob/` for `/edit/`; without an edit
    address (a local build) the file names are shown instead of links.
    """
    items = []
    for path, lang, key in sorted(GUIDES, key=lambda guide: guide[1] != ctx.lang):   # own language first
        href = ctx.edit_href(path).replace("/edit/", "/blob/", 1)
        label = ctx.ui(key)
        target = f'<a href="{escape(href)}" hreflang="{lang}">{escape(label)}</a>' if href else f"{escape(label)}: <code>{path}</code>"
        items.append(f"<li>{target}</li>")
    return '<ul class="kb-guides">\n' + "\n".join(items) + "\n</ul>\n"


# List pages whose entries carry their own edit link, and the data file each entry comes from.
ENTRY_PAGES = {c.key: c.data_file for c in sitemap.COLLECTIONS if c.edit_links}
_ELEMENT_WITH_ID = re.compile(r'<(?P<tag>h[2-6]|div|section|article|li)\b(?P<attrs>[^>]*\bid="(?P<id>[a-z0-9-]+)"[^>]*)>')


def add_entry_edit_links(html: str, data_file: str, lines: dict, edit_href: str, label: str,
                         external_words: str = "") -> str:
    """Give each entry of a list page (an element whose id is the entry's slug) a small link that
    opens its data file at the entry's line. Headings get it after the heading, other entries
    as their first child; nothing changes when the site has no edit link. The link leaves the site,
    so it is marked as external like every other (`external_words` for screen readers)."""
    if not edit_href:
        return html
    out, last = [], 0
    for match in _ELEMENT_WITH_ID.finditer(html):
        line = lines.get((data_file, match.group("id")), 0)
        if not line:
            continue
        link = f'<a class="kb-entry-edit" href="{escape(at_line(edit_href, line))}">{escape(label)}</a>'
        if external_words:
            link = mark_external_links(link, "", external_words)
        if match.group("tag").startswith("h"):
            close = html.find(f"</{match.group('tag')}>", match.end())
            if close == -1:
                continue
            at = close + len(match.group("tag")) + 3
        else:
            at = match.end()
        out += [html[last:at], link]
        last = at
    return "".join(out) + html[last:]
