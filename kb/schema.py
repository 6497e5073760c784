"""One schema for every data file. data/README.md documents the same fields for contributors."""

from __future__ import annotations

import re
import unicodedata
from typing import Annotated, Literal, Optional

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, model_validator

from . import sitemap

SLUG_PATTERN = r"^[a-z0-9]+(?:-[a-z0-9]+)*$"

# --- the rules for text in data files -----------------------------------------------------------
# Every text field is plain text or a small inline subset of Markdown: *emphasis* and **strong**
# (also with _underscores_). Nothing that can carry attributes, links, HTML, references,
# abbreviations, footnotes or block structure: links and cross-references in data are structured
# fields (related:, source:, publisher:, page:), never Markdown inside text. Every text is one
# line (a YAML folded block `>-` is fine); invisible, control and bidirectional characters are
# refused everywhere. Names (terms, organization names, abbreviations, variants) are matched in
# pages and used as headings and link texts: they take no emphasis and may not mix alphabets.
# The message and the fix travel in the ValueError as "message\nfix" (kb/knowledge.py splits them).

# Zero-width, joiners, bidirectional embeddings/overrides/isolates, marks, BOM, soft hyphen, fillers.
INVISIBLE = re.compile("[\u00ad\u034f\u061c\u115f\u1160\u17b4\u17b5\u180b-\u180f\u200b-\u200f\u202a-\u202e"
                       "\u2060-\u206f\u3164\ufe00-\ufe0f\ufeff\uffa0\ufff9-\ufffb]")
CONTROL = re.compile("[\x00-\x1f\x7f-\x9f]")
PLACEHOLDER = re.compile(r"\{[a-z_]+\}")      # interface strings only: {count}, filled in by kb code

_MARKUP_RULES: list[tuple[re.Pattern, str, str]] = [
    (re.compile(r"<"), "the text contains '<' (HTML, a web address in <...> or a comment)",
     "write the text without '<'; use words ('less than') if you mean the sign"),
    (re.compile(r"[{}]"), "the text contains '{' or '}', which Markdown reads as attributes (they can carry script)",
     "remove the braces"),
    (re.compile(r"[\[\]]"), "the text contains '[' or ']', which Markdown reads as a link, reference, abbreviation or footnote",
     "remove the brackets, or use parentheses; link entries with the structured fields (related:, source:)"),
    (re.compile(r"`"), "the text contains '`' (Markdown code)", "remove the backticks; use quotation marks"),
    (re.compile(r"&(#\d+|#[xX][0-9a-fA-F]+|[A-Za-z][A-Za-z0-9]*);"),
     "the text contains an HTML character reference such as '&amp;'", "write the character itself (e.g. & or é)"),
    (re.compile(r"(java|vb)script:", re.IGNORECASE), "the text contains a 'javascript:' address", "remove it"),
    (re.compile(r"[a-z][a-z0-9+.-]*://|\bwww\.", re.IGNORECASE),
     "the text contains a web address; links in data are structured fields, never text",
     "remove the address; cite the source with the entry's source or publisher field (see data/README.md)"),
    (re.compile(r"\A(#{1,6}\s|>|[-+*]\s|\d+[.)]\s|\||:\s|!!!|\?\?\?|={3,}|-{3,}|_{3,}|~{3,})"),
     "the text starts like a Markdown block (heading, quote, list, table or rule)",
     "start the text with a word; it is shown as one paragraph"),
]
_EMPHASIS = re.compile(r"[*_]")

# What a spreadsheet opening the CSV or XLSX download runs as a formula: a text that begins with
# '=' or '@', or with '+' or '-' and calls a function ('+HYPERLINK(...', '-2+cmd|...'). A name
# such as '+Peace' is text to every spreadsheet and stays valid. The lookbehind starts a match at
# the first letter of a word only, so the search stays linear on a long word.
_FORMULA_START = re.compile(r"\A[=@]")
_SIGNED_CALL = re.compile(r"\A[+-].*?(?<![\w.])[A-Za-z_][\w.]*\(|\A[+-][^|]*\|", re.DOTALL)


def _character_problem(value: str) -> str | None:
    if "\t" in value:
        return (f"the text contains a tab (at position {value.index(chr(9)) + 1}), which spreadsheets read as "
                "a break between cells when the downloads are imported or pasted\n"
                "replace the tab with a space")
    if "\n" in value or "\r" in value or "\u2028" in value or "\u2029" in value:
        return ("the text runs over more than one line\n"
                "write it on one line, or as a folded block ('>-' on the key's line, then indented lines "
                "with no empty line between them)")
    bad = CONTROL.search(value) or INVISIBLE.search(value)
    if bad:
        char = bad.group(0)
        name = unicodedata.name(char, "a control character")
        return (f"the text contains an invisible character, U+{ord(char):04X} {name}, at position {bad.start() + 1}\n"
                "delete it (retype the text around it); such characters hide differences and reverse text")
    return None


# Caps well above the real data (the longest text has about 800 characters, the longest name
# about 160): a 5 MB definition would be copied into every page that links its term.
MAX_TEXT = 5_000
MAX_NAME = 300


def _plain_text(value: str, placeholders: bool = False) -> str:
    if not value.strip():
        raise ValueError("the text is empty\nwrite the text (it may not be empty)")
    if len(value) > MAX_TEXT:
        raise ValueError(f"the text is {len(value):,} characters long; a text field holds at most {MAX_TEXT:,}\n"
                         "shorten it to a few sentences; longer explanations belong on a page in docs/")
    problem = _character_problem(value)
    if problem:
        raise ValueError(problem)
    formula = _formula_problem(value)
    if formula:
        raise ValueError(formula)
    checked = PLACEHOLDER.sub("x", value) if placeholders else value
    squeezed = re.sub(r"\s+", "", checked)
    for pattern, message, fix in _MARKUP_RULES:
        if pattern.search(checked) or (pattern.pattern.startswith("(java") and pattern.search(squeezed)):
            raise ValueError(f"{message}\n{fix}")
    return value


def _formula_problem(value: str) -> str | None:
    if _FORMULA_START.match(value) or _SIGNED_CALL.match(value):
        return (f"the text starts with '{value[0]}' and reads as a spreadsheet formula: the CSV and XLSX downloads "
                "would run it in the reader's spreadsheet\n"
                "start the text with a word (a name such as +Peace is fine, a function call such as +HYPERLINK( is not)")
    return None


def _optional_plain_text(value: str) -> str:
    return _plain_text(value) if value.strip() else ""


def _interface_text(value: str) -> str:
    return _plain_text(value, placeholders=True)


def _alphabets(word: str) -> set[str]:
    return {unicodedata.name(c, "?").split()[0] for c in word if c.isalpha()}


def _name(value: str) -> str:
    """A term, name, abbreviation or variant: plain text with no emphasis and one alphabet per word."""
    if len(value) > MAX_NAME:
        raise ValueError(f"the name is {len(value):,} characters long; a name holds at most {MAX_NAME}\n"
                         "write the name only; a description goes in its own field")
    _plain_text(value)
    if _EMPHASIS.search(value):
        raise ValueError("a name may not contain '*' or '_' (emphasis)\n"
                         "write the name as plain text; the site sets its style")
    for word in re.findall(r"\w+", value):
        scripts = _alphabets(word)
        if len(scripts) > 1:
            odd = next(c for c in word if c.isalpha() and unicodedata.name(c, "?").split()[0] != "LATIN") \
                if "LATIN" in scripts else word[0]
            raise ValueError(f"the word '{word}' mixes alphabets ({', '.join(sorted(scripts)).lower()}): "
                             f"'{odd}' is U+{ord(odd):04X} {unicodedata.name(odd, '?')}, a look-alike\n"
                             "retype the word with a Latin keyboard")
    return value


def _optional_name(value: str) -> str:
    return _name(value) if value.strip() else ""


# Cyrillic and Greek letters that look like Latin ones (a word wholly in them is not "mixed").
_LOOK_ALIKES = str.maketrans("асеіјоорсхуѕԁɡαβεικνορτυχ", "aceijoopcxysdgabeiknoptux")


def comparable(text: str) -> str:
    """The form two names are compared in for duplicates: NFKC, case folded, accents and invisible
    characters removed, look-alike letters read as Latin, spaces collapsed ('Géno\u200bcide ',
    'gеnocide' with a Cyrillic е, and 'genocide' are the same)."""
    text = INVISIBLE.sub("", unicodedata.normalize("NFKC", text)).casefold()
    decomposed = unicodedata.normalize("NFKD", text)
    plain = "".join(c for c in decomposed if not unicodedata.combining(c)).translate(_LOOK_ALIKES)
    return " ".join(plain.split())


Slug = Annotated[str, Field(pattern=SLUG_PATTERN)]
OptionalSlug = Annotated[str, Field(pattern=SLUG_PATTERN + "|^$")]
Text = Annotated[str, AfterValidator(_plain_text)]          # a paragraph or a title: inline subset
OptionalText = Annotated[str, AfterValidator(_optional_plain_text)]
Name = Annotated[str, AfterValidator(_name)]                # a term, a name, an abbreviation, a variant
OptionalName = Annotated[str, AfterValidator(_optional_name)]
InterfaceText = Annotated[str, AfterValidator(_interface_text)]
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
    # official: the same reference as Spanish pages show it ("PIDCP, art. 20, párr. 2"); not needed
    # when the ref is only document symbols, which are the same in every language.
    ref_es: str = ""

    @model_validator(mode="after")
    def _ref_fits_kind(self):
        if self.kind == "paper" and not PAGE_REF.match(self.ref):
            got = f" ('{self.ref}' is not one)" if self.ref else ""
            raise ValueError(f"a 'paper' provenance needs 'ref: page.md#anchor', the site's section that presents that part of the paper{got}\n"
                             'write e.g. {kind: paper, ref: "definitions.md#mass-violence"} (a page inside docs/ and a heading id on it)')
        if self.kind == "site" and self.ref and not PAGE_REF.match(self.ref):
            raise ValueError(f"a 'site' provenance takes no ref, or the page.md#anchor its summary draws on ('{self.ref}' is neither)\n"
                             'remove the ref, or write e.g. {kind: site, ref: "programming.md#four-shifts"}')
        if self.kind == "official" and not self.ref.strip():
            raise ValueError("an 'official' provenance needs 'ref:', the document symbol and place\n"
                             'write e.g. {kind: official, ref: "A/RES/60/1, paras. 138-139"}')
        if self.kind == "official":
            _plain_text(self.ref)      # shown to readers: the rules of every text (no markup, no address)
            if self.ref_es:
                _plain_text(self.ref_es)
            elif not symbols_only(self.ref):
                raise ValueError(f"the official reference '{self.ref}' has words that Spanish pages would show in English\n"
                                 'add its Spanish form, e.g. {kind: official, ref: "ICCPR, art. 19", ref_es: "PIDCP, art. 19"}')
        if self.ref_es and self.kind != "official":
            raise ValueError("'ref_es' is the Spanish form of an official reference; a paper or site provenance "
                             "points at a page of the site, which has its own Spanish title\nremove ref_es")
        return self


DOCUMENT_SYMBOL = re.compile(r"\b(?:A|S|E)/(?:RES/)?[0-9]+(?:/[0-9]+)*(?:\s\([0-9]{4}\))?")


def symbols_only(ref: str) -> bool:
    """A reference made only of UN document symbols (and the dashes between them) reads the same in
    every language: the declared reason for having no Spanish form."""
    return not re.search(r"[^\W\d_]", DOCUMENT_SYMBOL.sub("", ref))


PAGE_REF = re.compile(r"^[a-z0-9/\-]+\.md(#[a-z0-9-]+)?$")


def _page_ref(value: str) -> str:
    if not PAGE_REF.match(value):
        raise ValueError(f"'{value}' is not a page.md#anchor (a page inside docs/, then an optional heading id)\n"
                         'write e.g. "endnotes.md#iccpr-article-20"; addresses of other sites go in links: with url and seen_in')
    return value


def _https_address(value: str) -> str:
    """A web address shown as a link: https only, a real host name, nothing that can leave the attribute."""
    if re.match(r"(?i)^\s*(javascript|vbscript|data):", value.replace(" ", "")):
        raise ValueError(f"'{value[:60]}' is a script or data address, not a web page\nremove it; links may only lead to https:// pages")
    if not value.startswith("https://"):
        raise ValueError(f"'{value[:60]}' does not start with https:// (plain http: can be read or changed on the way)\n"
                         "write the https:// address of the page (check that it opens)")
    host = value[len("https://"):].split("/", 1)[0]
    if re.search(r"[\s<>\"'`\\]", value) or not re.match(r"^[a-z0-9.-]+\.[a-z]{2,}(:\d+)?$", host, re.IGNORECASE):
        raise ValueError(f"'{value[:60]}' is not a plain web address (it needs a host name such as example.org, "
                         "and no spaces, quotes, '<', '>' or '@' before the first '/')\n"
                         "copy the address from the browser's address bar")
    return value


PageRef = Annotated[str, AfterValidator(_page_ref)]
HttpsAddress = Annotated[str, AfterValidator(_https_address)]


# --- glossary.yml -----------------------------------------------------------------------
class GlossaryText(Strict):
    term: Name
    quotation: OptionalText = ""   # the exact words of the paper/official text (es: the site's translation)
    attribution: OptionalText = "" # whose words the quotation is, e.g. "The Stanley Center's 2017 working definition ..."
    definition: Text               # the site's definition or gloss; its first sentence is the tooltip
    context: OptionalText = ""     # what the paper (or an official text) says about the term
    variants: list[Name] = []
    abbreviation: OptionalName = ""
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
    name: Name
    abbreviation: OptionalName = ""
    variants: list[Name] = []
    description: Text
    context: OptionalText = ""     # what the paper says about the organization (its own provenance)


class OrganizationTextEs(OrganizationText):
    gloss: OptionalText = ""
    translated_from: Fingerprint = ""


class Organization(Strict):
    slug: Slug
    type: OrganizationType
    scope: Scope
    provenance: Provenance                 # of `description`
    context_from: Optional[Provenance] = None     # of `context`, required when there is one
    links: list["EvidencedLink"] = []      # official pages, each with where the address was seen
    en: OrganizationText
    es: Optional[OrganizationTextEs] = None


# --- sources.yml --------------------------------------------------------------------------
SourceKind = Literal["report", "study", "brief", "document", "resolution", "database", "treaty", "paper"]


class SourceText(Strict):
    title: Text
    publisher: Text
    note: OptionalText = ""
    context: OptionalText = ""     # what the paper says about or takes from the source (its own provenance)


class SourceTextEs(SourceText):
    translated_from: Fingerprint = ""


class Source(Strict):
    slug: Slug
    kind: SourceKind
    year: Optional[int] = Field(default=None, ge=1900, le=2100)
    publisher: list[Slug] = []
    site_addition: bool = False
    provenance: Provenance                 # of `note`
    context_from: Optional[Provenance] = None     # of `context`, required when there is one
    evidence: list[Text] = []              # where the site's added details were checked
    links: list["EvidencedLink"] = []      # official pages, each with where the address was seen
    # targets of the note's "See …" / "Ver …" phrases, in order: page.md#anchor each
    see: list[PageRef] = []
    en: SourceText
    es: Optional[SourceTextEs] = None


# --- editorial_notes.yml ------------------------------------------------------------------
class NoteText(Strict):
    title: Text
    text: Text


class NoteTextEs(NoteText):
    evidence: list[Text] = []          # the note's evidence lines in Spanish, one for each English line
    translated_from: Fingerprint = ""


class EditorialNote(Strict):
    slug: Slug
    page: Annotated[str, Field(pattern=r"^[a-z0-9/\-]+\.md$")]
    kind: Literal["correction", "nuance", "naming"]
    evidence: list[Text] = Field(min_length=1)   # what each claim of the note rests on
    en: NoteText
    es: Optional[NoteTextEs] = None

    @model_validator(mode="after")
    def _spanish_evidence(self):
        if self.es is not None and len(self.es.evidence) != len(self.evidence):
            raise ValueError(f"the es: block has {len(self.es.evidence)} evidence lines for the note's {len(self.evidence)}: "
                             "Spanish pages show the note's evidence too\n"
                             "add es: evidence: with one Spanish line for each line of evidence:, in the same order")
        return self


# --- links to official pages -------------------------------------------------------------
class EvidencedLink(Strict):
    """An address shown as a link only because it was seen in a citable place."""
    url: HttpsAddress
    lang: Literal["en", "es", "any"] = "any"   # which edition shows it
    seen_in: Text                            # where the address was seen: the paper, the fact-check, a page read


# --- interface.yml ------------------------------------------------------------------------
class InterfaceString(Strict):
    en: InterfaceText
    es: InterfaceText


# --- assumptions.yml ----------------------------------------------------------------------
class AssumptionText(Strict):
    # The paper's own heading for the assumption, word for word (es: the site's translation of it).
    # The page's H1 is the site's shorter title; the heading is shown under it as a quotation.
    heading: Text


class AssumptionTextEs(AssumptionText):
    translated_from: Fingerprint = ""


class Assumption(Strict):
    """One of the paper's nine assumptions. Its title and summary are the page's H1 and
    description; this entry is the authority for its number and the dimensions it touches."""
    slug: Slug
    number: int = Field(ge=1, le=99)
    page: Annotated[str, Field(pattern=r"^assumptions/[a-z0-9\-]+\.md$")]
    dimensions: list[Slug] = []
    # Where the assumption-to-dimension mapping comes from (the paper does not state it: "site").
    provenance: Provenance
    heading_from: Optional[Provenance] = None     # of `heading`: the paper, and the page presenting it
    en: Optional[AssumptionText] = None
    es: Optional[AssumptionTextEs] = None


# --- spanish_style.yml (checked by kb/spanish_style.py, not loaded into Knowledge) ----------------
class StyleCitation(Strict):
    file: Annotated[str, Field(pattern=r"^data/[a-z_]+\.yml$")]
    entry: Slug


class SpanishStyleForm(Strict):
    """A Spanish form the site does not use, the form it uses, and why."""
    form: Text
    preferred: Text
    reason: Text
    # error: wrong Spanish, or a meaning the English does not have; preference: correct Spanish the
    # site does not use, for one voice across the site
    severity: Literal["error", "preference"]
    source: Text                             # what the rule rests on: RAE/DPD, the UN's Spanish, the glossary, ...
    case_sensitive: bool = False
    inflected: bool = True                   # also match the form's plural and feminine (socio: socia, socios, socias)
    glossary: OptionalSlug = ""              # the glossary entry whose Spanish term is `preferred`
    cited_in: list[StyleCitation] = []       # data entries that cite the form on purpose


# File name -> the model of one entry, in the site map's order (the order of loading and of messages).
DATA_FILES: dict[str, type[Strict]] = {c.data_name: globals()[c.model] for c in sitemap.COLLECTIONS}


Organization.model_rebuild()
Source.model_rebuild()
