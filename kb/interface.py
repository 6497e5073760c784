"""Every interface string the code asks for, declared once and checked against data/interface.yml.

Keys built from a data value ("org_type_" + the organization's type) are derived from the schema's
allowed values, so a new organization type, scope or source kind needs its words before it builds.
A key missing from data/interface.yml, or one there that nothing uses, is a Problem with the file
and the line, never a traceback.
"""

from __future__ import annotations

import difflib
from typing import get_args

from . import schema, sitemap
from .problems import Problem

FILE = "data/interface.yml"


def _each(prefix: str, values, suffix: str = "") -> set[str]:
    return {prefix + str(v).replace("-", "_") + suffix for v in values}


def _allowed(model, field: str) -> tuple:
    return get_args(model.model_fields[field].annotation)


FACTOR_KINDS = _allowed(schema.Factor, "kind")                 # risk, resilience
PROVENANCE_KINDS = _allowed(schema.Provenance, "kind")         # paper, official, site
STATUS_TABLES = tuple(c.key for c in sitemap.COLLECTIONS if c.in_status)

KEYS: frozenset[str] = frozenset({
    # glossary page and entries
    "glossary_letters", "note", "abbreviation", "also", "related", "rendering",
    "in_other_language", "used_on", "cited_on", "used_on_none", "glossary", "glossary_entry",
    # translation notices
    "entry_missing_translation", "entry_stale_translation", "entry_unstamped_translation", "read_english",
    "page_stale_notice", "page_missing_notice", "permalink",
    # dimensions and factors
    "dimension", "assumptions_touching", "about_this_page", "dimension_page_source", "all_dimensions",
    "factor_index", "also_under", "also_phrased", "matrix_title", "matrix_factor", "dimensions_touched",
    # organizations, sources, notes
    "scope", "english_name", "site_addition", "editorial_note", "note_added_by_site", "all_notes",
    "appears_on", "the_page",
    # translation status page
    "status_current", "status_stale", "status_missing", "status_summary", "status_pages", "status_gaps",
    "status_no_gaps", "status_item", "status_state", "status_edit",
    # "Report a problem", contributor guides, entry edit links (kb/page_links.py)
    "report_problem", "report_issue_title", "report_issue_page", "report_issue_prompt", "report_or_write",
    "guide_in_english", "guide_in_spanish", "edit_entry",
    # last-updated date (kb/revision.py)
    "last_updated",
    # "Dimension 1 of 5"; the popover's link to the entry (docs/assets/terms.js reads it from <html>)
    "dimension_of", "go_to_entry",
    # whose words a text is (kb/provenance.py), external links, the About page's credits (kb/credits.py)
    "provenance_based_on", "provenance_site_gloss", "provenance_site_note", "provenance_annex",
    "provenance_site_mapping", "paper_heading", "original_in_english", "external_link", "evidence", "official_site", "online", "glossary_terms",
    "credits_heading", "credits_publisher", "credits_report", "credits_report_link",
    "licence_heading", "licence_text", "privacy_heading", "privacy_text",
    # open data: the Data page, citations, the print edition, offline copies (kb/data_page.py,
    # kb/citation.py, kb/print_edition.py, hooks/open_data.py)
    "glossary_title", "cite_this_page", "cite_the_paper", "cite_based_on", "cite_paper_genre", "cite_formats",
    "download_file", "download_format", "download_size", "download_licence", "download_contents",
    "download_both_languages", "download_licence_site", "download_licence_mixed", "download_schema_of",
    "download_language", "print_edition", "offline_copy", "offline_search_unavailable", "print_contents",
    "print_link", "data_link", "language_name_en", "language_name_es",
    # reading on a phone: the glossary filter, the other-edition hint (docs/assets/glossary.js, edition.js)
    "glossary_filter_label", "glossary_filter_count", "glossary_filter_none",
    "edition_hint", "edition_hint_link", "edition_hint_close",
    # the 404 page (overrides/404.html, through hooks/i18n_fixes.py)
    "not_found_title", "not_found_text", "not_found_home", "not_found_glossary",
}
    | set(FACTOR_KINDS)                                                     # "risk", "resilience"
    | _each("", FACTOR_KINDS, "_factors")                                   # "risk_factors"
    | _each("", FACTOR_KINDS, "_factor_one") | _each("", FACTOR_KINDS, "_factor_many")
    | _each("named_as_", FACTOR_KINDS)
    | _each("rendering_", _allowed(schema.GlossaryTextEs, "rendering"))
    | _each("org_type_", get_args(schema.OrganizationType))
    | _each("scope_", get_args(schema.Scope))
    | _each("source_kind_", get_args(schema.SourceKind))
    | _each("note_kind_", _allowed(schema.EditorialNote, "kind"))
    | _each("status_table_", STATUS_TABLES)
    | _each("provenance_", PROVENANCE_KINDS)                                 # "provenance_paper"
    | _each("provenance_quote_", PROVENANCE_KINDS[:2]) | _each("provenance_quote_", PROVENANCE_KINDS[:2], "_translated")
)


def check_keys(present: dict[str, int]) -> list[Problem]:
    """`present` maps each key of data/interface.yml to its line."""
    problems = []
    for key in sorted(KEYS - set(present)):
        problems.append(Problem(FILE, 1, key, f"the interface string '{key}' is missing (the site uses it)",
                                f"add '{key}:' with an 'en:' and an 'es:' line below it, indented by two spaces"))
    for key in sorted(set(present) - KEYS, key=lambda k: present[k]):
        guess = difflib.get_close_matches(key, sorted(KEYS - set(present)) or sorted(KEYS), n=1)
        hint = f"did you mean '{guess[0]}'? " if guess else ""
        problems.append(Problem(FILE, present[key], key, f"'{key}' is not an interface string the site uses",
                                f"{hint}remove it, or correct its name"))
    return problems


# The {placeholders} each string needs, filled in by the code (kb/credits.py, docs/assets/glossary.js).
# Every other string has none: a missing one drops the link or the name from the page without a
# word, a misspelt one stopped the build with a traceback.
PLACEHOLDERS: dict[str, frozenset[str]] = {
    "credits_publisher": frozenset({"publisher", "paper"}),
    "credits_report": frozenset({"link"}),
    "glossary_filter_count": frozenset({"n", "total"}),
    "paper_heading": frozenset({"number"}),
}


def check_placeholders(strings: dict, present: dict[str, int]) -> list[Problem]:
    """Each text of `strings` (key -> InterfaceString) has exactly the placeholders its key needs."""
    problems = []
    for key, value in strings.items():
        wanted = PLACEHOLDERS.get(key, frozenset())
        for lang in ("en", "es"):
            found = set(schema.PLACEHOLDER.findall(getattr(value, lang)))
            found = {name[1:-1] for name in found}
            for name in sorted(wanted - found):
                problems.append(Problem(FILE, present.get(key, 1), key, f"the {lang} text has lost its placeholder {{{name}}}",
                                        f"put {{{name}}} back where the site fills it in (the {lang} text of the other "
                                        "language shows where); the placeholders of this string are "
                                        + ", ".join(f"{{{n}}}" for n in sorted(wanted))))
            for name in sorted(found - wanted):
                guess = difflib.get_close_matches(name, sorted(wanted), n=1)
                hint = f"did you mean {{{guess[0]}}}? " if guess else ""
                allowed = ", ".join(f"{{{n}}}" for n in sorted(wanted)) or "none"
                problems.append(Problem(FILE, present.get(key, 1), key, f"the {lang} text has {{{name}}}, which the site does not fill in",
                                        f"{hint}the placeholders of this string are: {allowed}; remove the others"))
    return problems
