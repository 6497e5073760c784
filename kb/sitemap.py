"""The site map: one row per collection of the knowledge base, and every fact about where it lives.

Each collection is a data file of entries (data/<file>.yml, validated by a model of kb/schema.py)
shown on a list page of docs/. The other tables of kb/ (schema.DATA_FILES, published.ADDRESSES,
page_links.ENTRY_PAGES, status_page.DATA_TABLES, interface.STATUS_TABLES, ...) are derived from
these rows, so adding a collection is one row here plus its renderer.
"""

from __future__ import annotations

from dataclasses import dataclass


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

    @property
    def generated_prefix(self) -> str:
        """Where the generated entry pages live in docs/ ("dimensions/"), or ""."""
        return self.entry_url.lstrip("/").split("{", 1)[0] if self.generated_with else ""

    @property
    def data_name(self) -> str:
        """The data file's name without its folder ("glossary.yml")."""
        return self.data_file.rsplit("/", 1)[-1]


COLLECTIONS: tuple[Collection, ...] = (
    Collection("glossary", "data/glossary.yml", "GlossaryEntry", "glossary.md",
               "/glossary/#{slug}", edit_links=True, markers=("glossary", "definition"), marker_home=True,
               export_name="glossary"),
    Collection("factors", "data/factors.yml", "Factor", "factors.md",
               "/factors/#{slug}", edit_links=True, markers=("factors", "dimension-matrix"), marker_home=True,
               export_name="factors"),
    Collection("dimensions", "data/dimensions.yml", "Dimension", "dimensions/index.md",
               "/dimensions/{slug}/", markers=("dimensions-list",), generated_with=("factors",),
               export_name="dimensions"),
    Collection("organizations", "data/organizations.yml", "Organization", "organizations.md",
               "/organizations/#{slug}", edit_links=True, markers=("organizations",), marker_home=True,
               export_name="organizations"),
    Collection("sources", "data/sources.yml", "Source", "sources.md",
               "/sources/#{slug}", edit_links=True, markers=("sources-list",), marker_home=True,
               export_name="sources"),
    Collection("notes", "data/editorial_notes.yml", "EditorialNote", "editorial-notes.md",
               "/editorial-notes/#{slug}", markers=("notes-list", "note"),
               export_name="editorial-notes", may_be_empty=True),
    # Each assumption is a docs page of its own (docs/assumptions/), so its address is the page's.
    Collection("assumptions", "data/assumptions.yml", "Assumption", "assumptions/index.md",
               in_status=False),
)
BY_KEY = {collection.key: collection for collection in COLLECTIONS}
