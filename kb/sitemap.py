"""The site map: one row per collection of the knowledge base, and every fact about where it lives.

Each collection is a data file of entries (data/<file>.yml, validated by a model of kb/schema.py)
shown on a list page of docs/. The other tables of kb/ (schema.DATA_FILES, published.ADDRESSES,
page_links.ENTRY_PAGES, status_page.DATA_TABLES, interface.STATUS_TABLES, ...) are derived from
these rows, so adding a collection is one row here plus its renderer.
"""

from __future__ import annotations

from dataclasses import dataclass

# The editions, the default (at the site's root) first; each page.md has its page.es.md twin.
LANGUAGES: tuple[str, ...] = ("en", "es")


@dataclass(frozen=True)
class Collection:
    key: str                 # the Knowledge attribute and status-table key ("notes")
    data_file: str           # repository path of the data ("data/editorial_notes.yml")
    model: str               # the kb.schema model of one entry, by name (schema imports this table)
    list_page: str           # English docs page that lists the entries ("editorial-notes.md")
    entry_url: str = ""      # where an entry is published, {slug} for its slug; "" = no address of its own
    edit_links: bool = False  # each entry on the list page gets an "edit this entry" link
    in_status: bool = True   # counted on the translation-status page
    markers: tuple[str, ...] = ()  # the kb: markers that show the data (a page with one is made from it)
    marker_home: bool = False  # the first marker fills the list page and belongs there only
    generated_with: tuple[str, ...] = ()  # entry pages are generated, from this data and these collections'
    export_name: str = ""    # name of its downloads (downloads/<name>.json, .csv); "" = not exported
    may_be_empty: bool = False  # an empty list is allowed (a site may have no editorial notes)
    auto_linked: bool = False  # its names in page text link to its entries (kb.build.build_linker)
    # The list page shows each entry under its own heading: its names are not auto-linked there (it
    # is the entries), and its table of contents shows the group headings only.
    lists_each_entry: bool = False
    list_json_ld: str = "Article"  # the list page's JSON-LD type: WebPage for a page that lists, not argues

    @property
    def generated_prefix(self) -> str:
        """Where the generated entry pages live in docs/ ("dimensions/"), or ""."""
        return self.entry_url.lstrip("/").split("{", 1)[0] if self.generated_with else ""

    @property
    def list_page_prefix(self) -> str:
        """The list page's docs path without its language ending: "glossary." (glossary.md, glossary.es.md)."""
        return self.list_page[:-len("md")]

    @property
    def data_name(self) -> str:
        """The data file's name without its folder ("glossary.yml")."""
        return self.data_file.rsplit("/", 1)[-1]


COLLECTIONS: tuple[Collection, ...] = (
    Collection("glossary", "data/glossary.yml", "GlossaryEntry", "glossary.md",
               "/glossary/#{slug}", edit_links=True, markers=("glossary", "definition"), marker_home=True,
               export_name="glossary", lists_each_entry=True, auto_linked=True, list_json_ld="WebPage"),
    Collection("factors", "data/factors.yml", "Factor", "factors.md",
               "/factors/#{slug}", edit_links=True, markers=("factors", "dimension-matrix"), marker_home=True,
               export_name="factors", lists_each_entry=True, list_json_ld="WebPage"),
    Collection("dimensions", "data/dimensions.yml", "Dimension", "dimensions/index.md",
               "/dimensions/{slug}/", markers=("dimensions-list",), generated_with=("factors",),
               export_name="dimensions"),
    Collection("organizations", "data/organizations.yml", "Organization", "organizations.md",
               "/organizations/#{slug}", edit_links=True, markers=("organizations",), marker_home=True,
               export_name="organizations", lists_each_entry=True, auto_linked=True, list_json_ld="WebPage"),
    Collection("sources", "data/sources.yml", "Source", "sources.md",
               "/sources/#{slug}", edit_links=True, markers=("sources-list",), marker_home=True,
               export_name="sources", lists_each_entry=True, list_json_ld="WebPage"),
    Collection("notes", "data/editorial_notes.yml", "EditorialNote", "editorial-notes.md",
               "/editorial-notes/#{slug}", markers=("notes-list", "note"),
               export_name="editorial-notes", may_be_empty=True, list_json_ld="WebPage"),
    # Each assumption is a docs page of its own (docs/assumptions/), so its address is the page's.
    Collection("assumptions", "data/assumptions.yml", "Assumption", "assumptions/index.md",
               in_status=False),
)
BY_KEY = {collection.key: collection for collection in COLLECTIONS}
