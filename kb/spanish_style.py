"""One Spanish voice: the site's terms and typography, checked over every Spanish text.

Reads the Spanish pages (docs/**/*.es.md), the `es:` blocks of data/*.yml, the `es` texts of
data/interface.yml and the Spanish block of mkdocs.yml, and reports each discouraged form
(data/spanish_style.yml) and each typographic slip with its file, line and the form to use.

A form the site cites on purpose (a usage note that says which form to avoid) is skipped:
in a page, wrap it in <span class="kb-cited-form">…</span>; in data, list the entry under the
form's `cited_in` in data/spanish_style.yml.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from . import sitemap
from .problems import Problem

STYLE_FILE = "data/spanish_style.yml"


@dataclass(frozen=True)
class Form:
    form: str
    preferred: str
    reason: str
    case_sensitive: bool = False
    severity: str = "error"
    source: str = ""
    inflected: bool = True
    glossary: str = ""                                 # the glossary entry whose Spanish term is the preferred form
    cited_in: tuple = field(default_factory=tuple)     # ("data/glossary.yml", "slug") pairs where the form is cited
    line: int = 0                                      # its line in data/spanish_style.yml

    def pattern(self) -> re.Pattern:
        parts = self.form.split()
        if self.inflected and not self.case_sensitive:
            parts = [inflections(w) if i in (0, len(parts) - 1) else re.escape(w) for i, w in enumerate(parts)]
        else:
            parts = [re.escape(w) for w in parts]
        words = r"\s+".join(parts)
        start = r"(?<![\w/])" if self.form[:1].isalnum() else ""
        end = r"(?![\w/])" if self.form[-1:].isalnum() else ""
        return re.compile(start + words + end, 0 if self.case_sensitive else re.IGNORECASE)


_GENDER_NUMBER = [("ores", "or(?:es|a|as)?"), ("oras", "or(?:es|a|as)?"), ("or", "or(?:es|a|as)?"),
                  ("os", "(?:o|a|os|as)"), ("as", "(?:o|a|os|as)"), ("o", "(?:o|a|os|as)"), ("a", "(?:o|a|os|as)"),
                  ("es", "(?:e|es)?"), ("e", "(?:e|es)")]


def inflections(word: str) -> str:
    """A regex for the word with its plural and feminine: a rule on «socios» also catches «Socio»,
    one on «perpetradores» also «perpetradoras». Words of fewer than four letters stay as written."""
    if len(word) < 4 or not word.isalpha():
        return re.escape(word)
    lower = word.lower()
    for ending, endings in _GENDER_NUMBER:
        if lower.endswith(ending) and len(lower) - len(ending) >= 3:
            return re.escape(word[:len(word) - len(ending)]) + endings
    return re.escape(word) + "(?:es)?" if lower[-1] not in "sáéíóú" else re.escape(word)


def load_forms(root: Path) -> tuple[list[Form], list[Problem]]:
    """The forms of data/spanish_style.yml, checked against schema.SpanishStyleForm: every mistake
    is a Problem with the file's line, as for the other data files."""
    from .knowledge import validate_item
    from .schema import SpanishStyleForm
    from .yamlsource import load_yaml_file

    loaded = load_yaml_file(root / STYLE_FILE, STYLE_FILE)
    if loaded.problems:
        return [], list(loaded.problems)
    entries = loaded.data
    if entries is None:
        return [], []
    if not isinstance(entries, list):
        return [], [Problem(STYLE_FILE, getattr(entries, "line", 1), "", "the file should be a list of forms",
                            "start each entry with '- form: ...', then 'preferred:' and 'reason:' indented by two spaces")]
    forms, problems = [], []
    for number, item in enumerate(entries, 1):
        line = getattr(item, "line", getattr(entries, "line", 1))
        label = item.get("form") if isinstance(item, dict) and isinstance(item.get("form"), str) else f"entry {number}"
        entry, item_problems = validate_item(STYLE_FILE, item, label, line, SpanishStyleForm,
                                             "write each entry as: - {form: ..., preferred: ..., reason: ...}")
        problems += item_problems
        if entry is None:
            continue
        cited = tuple((c.file, c.entry) for c in entry.cited_in)
        for file, slug in cited:
            path = root / file
            if not path.is_file() or not re.search(rf"^\s*-\s*slug:\s*[\"']?{re.escape(slug)}[\"']?\s*$",
                                                   path.read_text(encoding="utf-8"), re.M):
                problems.append(Problem(STYLE_FILE, line, entry.form, f"'cited_in' names '{slug}' in {file}, which is not an entry there",
                                        f"name a data file (e.g. {sitemap.BY_KEY['glossary'].data_file}) and the slug of the entry whose text cites the form"))
        forms.append(Form(entry.form, entry.preferred, entry.reason, entry.case_sensitive, entry.severity,
                          entry.source, entry.inflected, entry.glossary, cited, line))
    return forms, problems


# --- Spanish text, masked: what is not Spanish prose becomes spaces, so offsets keep their lines.

def _blank(match: re.Match) -> str:
    return re.sub(r"[^\n]", " ", match.group(0))


_PAGE_SKIPS = [
    re.compile(r"<!--.*?-->", re.S),                                           # comments and kb: markers
    re.compile(r"<(\w+)[^>]*\blang=\"en\"[^>]*>.*?</\1>", re.S),               # English, marked as such
    re.compile(r"<span class=\"kb-cited-form\">.*?</span>", re.S),             # a form cited on purpose
    re.compile(r"`[^`\n]*`"),                                                  # code
    re.compile(r"\]\([^)\s]*\)"),                                              # link targets
    re.compile(r"https?://\S+"),                                               # addresses
    re.compile(r"\{\s*[:#.][^}\n]*\}"),                                        # attribute lists
    re.compile(r"<[^>\n]+>"),                                                  # the tags themselves
]

# Names that contain what would otherwise read as an English number: licence versions.
_NAMES = re.compile(r"CC BY(?:-[A-Z]+)* \d\.\d")


def mask_page(text: str) -> str:
    for skip in _PAGE_SKIPS:
        text = skip.sub(_blank, text)
    return text


def mask_data(text: str) -> tuple[str, list[tuple[int, str]]]:
    """Keep only the Spanish of a data file: `es:` blocks, and `es:` values of one-line mappings.
    Also returns (offset, slug) where each entry starts, to name the entry of a finding."""
    out, entries, offset = [], [], 0
    es_indent = None
    for line in text.splitlines(keepends=True):
        stripped = line.lstrip(" ")
        indent = len(line) - len(stripped)
        slug = re.match(r"-\s+slug:\s*(\S+)", stripped)
        if slug:
            entries.append((offset, slug.group(1).strip("\"'")))
        if es_indent is not None and stripped.strip() and indent <= es_indent:
            es_indent = None
        if re.match(r"(-\s+)?es:\s*(#.*)?$", stripped.rstrip("\n")):
            es_indent = indent
            kept = ""
        elif es_indent is not None:
            kept = "" if re.match(r"(translated_from|rendering|source_hash):", stripped) else line
        else:
            inline = re.search(r"\bes:\s*(.*?)\s*\}?\s*$", line.rstrip("\n")) if "{" in line else None
            kept = (" " * inline.start(1) + inline.group(1)) if inline else ""
        kept = kept.rstrip("\n")
        out.append(kept + " " * (len(line.rstrip("\n")) - len(kept)) + ("\n" if line.endswith("\n") else ""))
        offset += len(line)
    masked = "".join(out)
    return re.sub(r"https?://\S+", _blank, masked), entries


def mask_mkdocs(text: str) -> str:
    """The Spanish language block of mkdocs.yml, values only (nav_translations keys are English)."""
    out, inside, block_indent = [], False, 0
    for line in text.splitlines(keepends=True):
        stripped = line.lstrip(" ")
        indent = len(line) - len(stripped)
        if re.match(r"-\s+locale:\s*es\b", stripped):
            inside, block_indent = True, indent
        elif inside and stripped.strip() and indent <= block_indent:
            inside = False
        kept = ""
        if inside and not stripped.lstrip("- ").startswith(("locale", "#", "media", "scheme", "primary", "accent", "language")):
            value = re.match(r"(\s*(?:-\s+)?[^:#]*:\s*)(.*)$", line.rstrip("\n"))
            kept = " " * len(value.group(1)) + value.group(2) if value and ":" in stripped else line.rstrip("\n")
            kept = re.sub(r"\b(icon|name|toggle):", lambda m: " " * len(m.group(0)), kept)
        out.append(kept + " " * (len(line.rstrip("\n")) - len(kept)) + ("\n" if line.endswith("\n") else ""))
    return "".join(out)


# --- Typography the site holds to in Spanish (mechanical, so a test can hold it).

TYPOGRAPHY = [
    (re.compile(r"[.,;:]»"), "punctuation inside the closing «»",
     "put the full stop, comma, semicolon or colon after the closing »: «…prohibida por la ley»."),
    (re.compile(r"(?<![\w./\-–])\d{1,3}(?:\.\d{3})+(?![\w./])"), "a thousands point in a Spanish number",
     "write 14 700 or 3000 (a non-breaking space from five digits, none in four-digit numbers)."),
    # (a licence or version number, "CC BY 4.0", "Atribución 4.0", keeps its point)
    (re.compile(r"(?<![\w./\-–§])(?<!BY )(?<!Atribución )\d+\.\d{1,2}(?!\d)(?![\w/])(?!\.\d)"), "a decimal point in a Spanish number",
     "use the decimal comma: 14,7 (the site's policy for Spanish; see CONTRIBUTING.md, «Spanish»)."),
    (re.compile(r"(?<![\d,])(?:\d{1,3}\s\d{3}|\d{4})\s+millones"), "thousands of millions written as «… millones»",
     "write English *billion* as «mil millones» (14,7 mil millones) and *trillion* as «billones», as the site does throughout."),
]

_QUOTED = re.compile(r"«[^«»]*»")


def _english_quotes(text: str):
    """“…” is for a quotation inside «…»; on its own it is English typography."""
    yield from re.finditer(r"“", _QUOTED.sub(_blank, text))


def _line(text: str, offset: int) -> int:
    return text.count("\n", 0, offset) + 1


_MENTIONS = [
    re.compile(r"«[^«»]*»"),                                          # quoted: a form mentioned, not used
    re.compile(r"(?<![*\w])\*(?!\*)[^*\n]+?(?<!\*)\*(?![*\w])"),     # italics: titles and foreign words
    re.compile(r"(?<![_\w])_[^_\n]+_(?![_\w])"),
]


def english_terms_used(file: str, masked: str, english_terms: dict[str, str], entries=()) -> list[Problem]:
    """An English glossary term in Spanish prose, where the glossary gives the Spanish term.

    Quoted and italic text is a mention (a title, a foreign word), not a use, and a term that
    starts with a capital is taken as part of a name (Global Centre for the Responsibility to
    Protect), so neither is reported."""
    for mention in _MENTIONS:
        masked = mention.sub(_blank, masked)
    problems = []
    for english, spanish in english_terms.items():
        words = r"\s+".join(re.escape(w) for w in english.split())
        for match in re.finditer(r"(?<![\w-])" + words + r"(?![\w-])", masked):
            if match.group(0)[:1].isupper():
                continue
            slug = ""
            for start, name in entries:
                if start > match.start():
                    break
                slug = name
            problems.append(Problem(file, _line(masked, match.start()), slug,
                                    f"«{match.group(0)}» is English; the glossary's Spanish term is «{spanish}»",
                                    f"write «{spanish}», or put the English in italics (*{english}*) if you mention it as a word"))
    return problems


def check_text(file: str, masked: str, forms: list[Form], entries=()) -> list[Problem]:
    """Problems in one file's masked Spanish text."""
    problems = []
    masked = _NAMES.sub(_blank, masked)

    def entry_at(offset: int) -> str:
        slug = ""
        for start, name in entries:
            if start > offset:
                break
            slug = name
        return slug

    for form in forms:
        for match in form.pattern().finditer(masked):
            entry = entry_at(match.start())
            if (file, entry) in form.cited_in:
                continue
            problems.append(Problem(file, _line(masked, match.start()), entry,
                                    f"«{match.group(0)}»: {'an error' if form.severity == 'error' else 'the house style'}: {form.reason}",
                                    f"write «{form.preferred}» (or, to cite the form on purpose, "
                                    + ("wrap it in <span class=\"kb-cited-form\">…</span>)" if file.endswith(".md")
                                       else f"add this entry to the form's cited_in in {STYLE_FILE})")))
    for pattern, what, fix in TYPOGRAPHY:
        for match in pattern.finditer(masked):
            problems.append(Problem(file, _line(masked, match.start()), entry_at(match.start()), f"«{match.group(0)}»: {what}", fix))
    for match in _english_quotes(masked):
        problems.append(Problem(file, _line(masked, match.start()), entry_at(match.start()),
                                "English quotation marks “…” outside «…»", "use «…»; keep “…” for a quotation inside «…»."))
    return problems


def spanish_sources(root: Path):
    """(file, masked text, entries) for every Spanish text of the project."""
    for page in sorted((root / "docs").rglob("*.es.md")):
        yield page.relative_to(root).as_posix(), mask_page(page.read_text(encoding="utf-8")), ()
    for data in sorted((root / "data").glob("*.yml")):
        if data.name == Path(STYLE_FILE).name:
            continue
        masked, entries = mask_data(data.read_text(encoding="utf-8"))
        yield data.relative_to(root).as_posix(), masked, entries
    mkdocs = root / "mkdocs.yml"
    if mkdocs.exists():
        yield "mkdocs.yml", mask_mkdocs(mkdocs.read_text(encoding="utf-8")), ()


def check_project(root: Path, glossary_terms: dict[str, str] | None = None,
                  english_terms: dict[str, str] | None = None) -> list[Problem]:
    """Every style problem of the Spanish edition. glossary_terms: slug -> Spanish term, to hold
    forms that name a glossary entry to the glossary's current term; english_terms: English
    form -> Spanish term (the glossary's), to find English terms left untranslated."""
    forms, problems = load_forms(root)
    for form in forms:
        if form.glossary and glossary_terms is not None:
            term = glossary_terms.get(form.glossary)
            if term is None:
                problems.append(Problem(STYLE_FILE, form.line, form.form, f"names the unknown glossary entry '{form.glossary}'",
                                        f"use a slug from {sitemap.BY_KEY['glossary'].data_file}"))
            elif term.casefold() not in form.preferred.casefold() and form.preferred.casefold() not in term.casefold():
                problems.append(Problem(STYLE_FILE, form.line, form.form,
                                        f"prefers «{form.preferred}», but the glossary's Spanish term is «{term}»",
                                        "make the two agree: the glossary decides the site's terms"))
    for file, masked, entries in spanish_sources(root):
        problems += check_text(file, masked, forms, entries)
        if english_terms:
            problems += english_terms_used(file, masked, english_terms, entries)
    return sorted(set(problems))
