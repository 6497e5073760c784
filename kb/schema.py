"""One schema for every data file. data/README.md documents the same fields for contributors."""

from __future__ import annotations

import re
from typing import Annotated, Literal, Optional

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, model_validator

SLUG_PATTERN = r"^[a-z0-9]+(?:-[a-z0-9]+)*$"
_MARKUP = re.compile(r"<\s*/?\s*[a-zA-Z!]|javascript:|\]\(|\{\{|\{%", re.IGNORECASE)


def _plain_text(value: str) -> str:
    if not value.strip():
        raise ValueError("the text is empty")
    if _MARKUP.search(value):
        raise ValueError("the text contains HTML, a script or a link; only plain text is allowed")
    return value


def _optional_plain_text(value: str) -> str:
    return _plain_text(value) if value.strip() else ""


Slug = Annotated[str, Field(pattern=SLUG_PATTERN)]
OptionalSlug = Annotated[str, Field(pattern=SLUG_PATTERN + "|^$")]
Text = Annotated[str, AfterValidator(_plain_text)]
OptionalText = Annotated[str, AfterValidator(_optional_plain_text)]
Fingerprint = Annotated[str, Field(pattern=r"^([0-9a-f]{10})?$")]


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True, frozen=True)


# --- provenance: whose words or claim a text is --------------------------------------------
class Provenance(Strict):
    """Where a text comes from. Shown to readers ("From the paper", "From an official text", "Site
    summary") and written into the HTML as data-provenance="paper|official|site"."""
    kind: Literal["paper", "official", "site"]
    # paper: the docs page and #anchor of the site's section that presents that part of the
    #        paper, e.g. "definitions.md#mass-violence";
    # official: the document and place, e.g. "A/RES/60/1, paras. 138-139" (a UN symbol first
    #        becomes a link to undocs.org);
    # site: empty, or the docs page#anchor the site's synthesis draws on.
    ref: str = ""

    @model_validator(mode="after")
    def _ref_fits_kind(self):
        if self.kind == "paper" and not PAGE_REF.match(self.ref):
            raise ValueError("a 'paper' provenance needs 'ref: page.md#anchor', the site's section that presents that part of the paper")
        if self.kind == "site" and self.ref and not PAGE_REF.match(self.ref):
            raise ValueError("a 'site' provenance takes no ref, or the page.md#anchor its summary draws on")
        if self.kind == "official" and not self.ref.strip():
            raise ValueError("an 'official' provenance needs 'ref:', the document symbol and place, e.g. A/RES/60/1, paras. 138-139")
        return self


PAGE_REF = re.compile(r"^[a-z0-9/\-]+\.md(#[a-z0-9-]+)?$")


# --- glossary.yml -----------------------------------------------------------------------
class GlossaryText(Strict):
    term: Text
    quotation: OptionalText = ""   # the exact words of the paper/official text (es: the site's translation)
    attribution: OptionalText = "" # whose words the quotation is, e.g. "The Stanley Center's 2017 working definition ..."
    definition: Text               # the site's definition or gloss; its first sentence is the tooltip
    context: OptionalText = ""     # what the paper (or an official text) says about the term
    variants: list[Text] = []
    abbreviation: OptionalText = ""
    note: OptionalText = ""


class GlossaryTextEs(GlossaryText):
    rendering: Literal["official", "widely-used", "site"]
    translated_from: Fingerprint = ""


class GlossaryEntry(Strict):
    slug: Slug
    source: Slug
    provenance: Provenance                 # of `definition`
    quotation_from: Optional[Provenance] = None   # of `quotation`, required when there is one
    context_from: Optional[Provenance] = None     # of `context`, required when there is one
    related: list[Slug] = []
    en: GlossaryText
    es: Optional[GlossaryTextEs] = None


# --- factors.yml --------------------------------------------------------------------------
class FactorText(Strict):
    label: Text
    also_phrased: list[Text] = []


class FactorTextEs(FactorText):
    translated_from: Fingerprint = ""


class Factor(Strict):
    slug: Slug
    kind: Literal["risk", "resilience"]
    glossary: OptionalSlug = ""
    en: FactorText
    es: Optional[FactorTextEs] = None


# --- dimensions.yml -----------------------------------------------------------------------
class DimensionText(Strict):
    title: Text
    summary: Text                          # the site's synthesis of the annex table (shown as such)
    # factor slug -> the label exactly as THIS dimension's table in the annex words it, where it
    # differs from the factor's main label (the factor index keeps every phrasing)
    wording: dict[str, Text] = {}


class DimensionTextEs(DimensionText):
    translated_from: Fingerprint = ""


class Dimension(Strict):
    slug: Slug
    glossary: OptionalSlug = ""
    risks: list[Slug] = Field(min_length=1)
    resiliencies: list[Slug] = Field(min_length=1)
    en: DimensionText
    es: Optional[DimensionTextEs] = None


# --- organizations.yml --------------------------------------------------------------------
OrganizationType = Literal[
    "un-system", "intergovernmental", "government", "network", "ngo", "research",
    "academic", "media", "initiative", "stanley-center",
]
Scope = Literal[
    "global", "latin-america-and-caribbean", "americas", "europe", "africa", "asia",
    "united-states", "united-kingdom",
]


class OrganizationText(Strict):
    name: Text
    abbreviation: OptionalText = ""
    variants: list[Text] = []
    description: Text


class OrganizationTextEs(OrganizationText):
    gloss: OptionalText = ""
    translated_from: Fingerprint = ""


class Organization(Strict):
    slug: Slug
    type: OrganizationType
    scope: Scope
    provenance: Provenance                 # of `description`
    links: list["EvidencedLink"] = []      # official pages, each with where the address was seen
    en: OrganizationText
    es: Optional[OrganizationTextEs] = None


# --- sources.yml --------------------------------------------------------------------------
SourceKind = Literal["report", "study", "brief", "document", "resolution", "database", "treaty", "paper"]


class SourceText(Strict):
    title: Text
    publisher: Text
    note: OptionalText = ""


class SourceTextEs(SourceText):
    translated_from: Fingerprint = ""


class Source(Strict):
    slug: Slug
    kind: SourceKind
    year: Optional[int] = Field(default=None, ge=1900, le=2100)
    publisher: list[Slug] = []
    site_addition: bool = False
    provenance: Provenance                 # of `note`
    evidence: list[Text] = []              # where the site's added details were checked
    links: list["EvidencedLink"] = []      # official pages, each with where the address was seen
    # targets of the note's "See …" / "Ver …" phrases, in order: page.md#anchor each
    see: list[Annotated[str, Field(pattern=r"^[a-z0-9/\-]+\.md(#[a-z0-9-]+)?$")]] = []
    en: SourceText
    es: Optional[SourceTextEs] = None


# --- editorial_notes.yml ------------------------------------------------------------------
class NoteText(Strict):
    title: Text
    text: Text


class NoteTextEs(NoteText):
    translated_from: Fingerprint = ""


class EditorialNote(Strict):
    slug: Slug
    page: Annotated[str, Field(pattern=r"^[a-z0-9/\-]+\.md$")]
    kind: Literal["correction", "nuance", "naming"]
    evidence: list[Text] = Field(min_length=1)   # what each claim of the note rests on
    en: NoteText
    es: Optional[NoteTextEs] = None


# --- links to official pages -------------------------------------------------------------
class EvidencedLink(Strict):
    """An address shown as a link only because it was seen in a citable place."""
    url: Annotated[str, Field(pattern=r"^https://[^\s<>\"']+$")]
    lang: Literal["en", "es", "any"] = "any"   # which edition shows it
    seen_in: Text                            # where the address was seen: the paper, the fact-check, a page read


# --- interface.yml ------------------------------------------------------------------------
class InterfaceString(Strict):
    en: Text
    es: Text


# File name -> the model of one entry. The order is the order of loading and of messages.
DATA_FILES: dict[str, type[Strict]] = {
    "glossary.yml": GlossaryEntry,
    "factors.yml": Factor,
    "dimensions.yml": Dimension,
    "organizations.yml": Organization,
    "sources.yml": Source,
    "editorial_notes.yml": EditorialNote,
}


Organization.model_rebuild()
Source.model_rebuild()
