"""Load every data file, check it against the schema and across files, and hand back typed data.

`load_knowledge(data_dir)` either returns a `Knowledge` or raises `KnowledgeError` listing every
problem in every file, each with its file, line, entry and fix.
"""

from __future__ import annotations

import difflib
import functools
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from pydantic import TypeAdapter, ValidationError

from . import interface, schema, sitemap
from .common_words import COMMON_WORDS
from .problems import KnowledgeError, Problem
from .see_links import see_phrases
from .yamlsource import LineDict, load_yaml_file

LANGUAGES = ("en", "es")
MAY_BE_EMPTY = {c.data_name for c in sitemap.COLLECTIONS if c.may_be_empty}


@dataclass(frozen=True)
class Knowledge:
    glossary: dict[str, schema.GlossaryEntry]
    factors: dict[str, schema.Factor]
    dimensions: dict[str, schema.Dimension]
    organizations: dict[str, schema.Organization]
    sources: dict[str, schema.Source]
    notes: dict[str, schema.EditorialNote]
    assumptions: dict[str, schema.Assumption]     # in the file's order; see assumptions_in_order
    interface: dict[str, schema.InterfaceString]
    lines: dict[tuple[str, str], int]     # (file, slug) -> line, for later messages

    def ui(self, key: str, lang: str) -> str:
        if key not in interface.KEYS:   # a programming slip, caught by tests/unit: declare the key
            raise KeyError(f"the interface key '{key}' is not declared in kb/interface.py")
        return getattr(self.interface[key], lang)

    def assumptions_in_order(self) -> list[schema.Assumption]:
        return sorted(self.assumptions.values(), key=lambda a: a.number)

    def dimensions_of(self, factor_slug: str) -> list[schema.Dimension]:
        return [d for d in self.dimensions.values() if factor_slug in d.risks or factor_slug in d.resiliencies]


def fold(text: str) -> str:
    """Case- and accent-insensitive form, to catch near-duplicates such as 'Genocidio'/'genocidio'."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c)).strip()


def load_knowledge(data_dir: Path) -> Knowledge:
    problems: list[Problem] = []
    entries: dict[str, dict] = {}
    lines: dict[tuple[str, str], int] = {}
    for filename, model in schema.DATA_FILES.items():
        parsed, file_problems, file_lines = _load_entries(data_dir, filename, model)
        problems += file_problems
        entries[filename] = parsed
        lines.update(file_lines)
    strings, interface_problems, key_lines = _load_interface(data_dir)
    problems += interface_problems
    # Missing or unused interface keys do not make other data half-loaded: reported with the rest.
    key_problems = (interface.check_keys(key_lines) + interface.check_placeholders(strings, key_lines)
                    if not interface_problems else [])
    if problems:
        problems += key_problems
        # Cross-file checks on half-loaded data would only add noise.
        raise KnowledgeError(problems)
    knowledge = Knowledge(
        **{c.key: entries[c.data_name] for c in sitemap.COLLECTIONS},
        interface=strings,
        lines=lines,
    )
    problems = check_references(knowledge) + key_problems
    if problems:
        raise KnowledgeError(problems)
    return knowledge


def _load_entries(data_dir: Path, filename: str, model) -> tuple[dict, list[Problem], dict]:
    name = f"data/{filename}"
    loaded = load_yaml_file(data_dir / filename, name)
    if loaded.problems:
        return {}, loaded.problems, {}
    raw = loaded.data
    if raw is None or (raw == [] and filename not in MAY_BE_EMPTY):
        # Say so once, rather than report every entry of other files that names this one's slugs.
        return {}, [Problem(name, 1, "", "the file has no entries (it is empty or holds only comments)",
                            f"restore {name} from the main branch, or undo the change that emptied it")], {}
    if not isinstance(raw, list):
        return {}, [Problem(name, getattr(raw, "line", 1), "", "the file should be a list of entries",
                            "start each entry with '- slug: ...' (see data/README.md)")], {}
    problems: list[Problem] = []
    parsed: dict[str, object] = {}
    lines: dict[tuple[str, str], int] = {}
    seen_folded: dict[str, str] = {}
    for index, item in enumerate(raw):
        label = _entry_label(item, index)
        line = getattr(item, "line", getattr(raw, "line", 1))
        entry, item_problems = validate_item(name, item, label, line, model,
                                             "write the entry as '- slug: ...' followed by its fields, indented by two spaces")
        problems += item_problems
        if entry is None:
            continue
        folded = fold(entry.slug)
        if folded in seen_folded:
            first_line = lines.get((name, seen_folded[folded]), 0)
            problems.append(Problem(name, line, entry.slug, f"the slug '{entry.slug}' is used twice (first by '{seen_folded[folded]}'"
                                    f"{f' on line {first_line}' if first_line else ''})",
                                    "give one of the two entries another slug, or merge them"))
            continue
        seen_folded[folded] = entry.slug
        parsed[entry.slug] = entry
        lines[(name, entry.slug)] = line
    return parsed, problems, lines


@functools.lru_cache(maxsize=None)
def _adapter(model) -> TypeAdapter:
    return TypeAdapter(model)


def validate_item(name: str, item, label: str, line: int, model, shape_fix: str):
    """One entry of a data file's list, checked against `model`: (the entry, []) or (None, problems),
    each problem with the file, the line and the fix."""
    if not isinstance(item, dict):
        return None, [Problem(name, line, label, "this entry is not a set of 'key: value' fields", shape_fix)]
    try:
        return _adapter(model).validate_python(dict(item)), []
    except ValidationError as error:
        return None, [_explain(name, item, label, e, model) for e in error.errors()]


def _load_interface(data_dir: Path) -> tuple[dict, list[Problem], dict[str, int]]:
    """The strings, the problems in them, and the line of each key."""
    name = "data/interface.yml"
    loaded = load_yaml_file(data_dir / "interface.yml", name)
    if loaded.problems:
        return {}, loaded.problems, {}
    raw = loaded.data or {}
    if not isinstance(raw, dict):
        return {}, [Problem(name, 1, "", "the file should map each key to its 'en' and 'es' text",
                            "write each string as 'key:' followed by indented 'en: ...' and 'es: ...' lines")], {}
    problems, strings = [], {}
    adapter = TypeAdapter(schema.InterfaceString)
    for key, value in raw.items():
        line = raw.line_of(key) if isinstance(raw, LineDict) else 1
        try:
            strings[key] = adapter.validate_python(dict(value) if isinstance(value, dict) else value)
        except ValidationError as error:
            for e in error.errors():
                field = str(e["loc"][0]) if e["loc"] else key
                if e["type"] == "extra_forbidden":
                    problems.append(Problem(name, line, key, f"'{field}' is read as a separate key, not as part of a text",
                                            "a text with a comma inside { } must be in double quotes: {en: \"a, b\", es: \"c, d\"}"))
                elif e["type"] == "missing":
                    problems.append(Problem(name, line, key, f"the '{field}' text is missing", f"add '{field}: ...' to this string"))
                else:
                    message, _, fix = str(e.get("ctx", {}).get("error", e["msg"])).partition("\n")
                    problems.append(Problem(name, line, key, f"'{field}': {message}", fix or "write the text in plain words"))
    return strings, problems, {key: (raw.line_of(key) if isinstance(raw, LineDict) else 1) for key in raw}


def _entry_label(item, index: int) -> str:
    if isinstance(item, dict) and isinstance(item.get("slug"), str) and item["slug"].strip():
        return item["slug"]
    return f"entry {index + 1}"


def _locate(item: LineDict, loc: tuple) -> tuple[int, LineDict | None, object]:
    """Follow a pydantic error location through the raw YAML to the line it concerns."""
    node, line, parent, key = item, getattr(item, "line", 0), None, None
    for step in loc:
        parent, key = node, step
        if isinstance(node, LineDict):
            line = node.line_of(step)
            node = node.get(step)
        elif isinstance(node, list) and isinstance(step, int) and step < len(node):
            node = node[step]
            line = getattr(node, "line", line)
        else:
            break
    return line, parent, key


def _explain(name: str, item: LineDict, label: str, error: dict, model) -> Problem:
    loc = tuple(error["loc"])
    line, parent, key = _locate(item, loc)
    field = ".".join(str(p) for p in loc) or "entry"
    kind = error["type"]
    value = error.get("input")
    if kind == "missing":
        return Problem(name, line, label, f"the field '{field}' is missing",
                       f"add '{loc[-1]}:' to this entry with its value (see data/README.md for what it holds)")
    if kind == "extra_forbidden":
        known = sorted(_known_fields(model, loc[:-1]))
        guess = difflib.get_close_matches(str(loc[-1]), known, n=1)
        hint = f"did you mean '{guess[0]}'? " if guess else ""
        return Problem(name, line, label, f"'{field}' is not a field this file knows",
                       f"{hint}remove or rename it; the fields here are: {', '.join(known)}")
    if kind == "literal_error":
        allowed = error.get("ctx", {}).get("expected", "")
        return Problem(name, line, label, f"'{value}' is not an allowed value for '{field}'",
                       f"use one of: {allowed}")
    if kind == "string_pattern_mismatch":
        if loc[-1] == "translated_from":
            return Problem(name, line, label, "'translated_from' is not a fingerprint made by 'make stamp'",
                           "leave it empty (translated_from: \"\") and run 'make stamp'")
        if loc[-1] == "page":
            return Problem(name, line, label, f"'{value}' is not a page path",
                           "write the page's path inside docs/, e.g. assumptions/evidence.md")
        odd = next((c for c in str(value) if not (c.isascii() and c.isprintable())), None)
        named = (f" (it contains U+{ord(odd):04X} {unicodedata.name(odd, 'an invisible character')}, "
                 "which is not a plain ASCII letter)") if odd else ""
        return Problem(name, line, label, f"'{value}' is not a valid slug (in '{field}'){named}",
                       f"use lower-case ASCII letters, digits and hyphens only, e.g. '{suggest_slug(str(value))}'")
    if kind == "string_type":
        key = loc[-1]
        if value is None:
            return Problem(name, line, label, f"'{field}' is empty", f"write the text after '{key}: '")
        if isinstance(value, bool):
            return Problem(name, line, label, f"'{field}' was read as {str(value).lower()}: YAML reads yes, no, on, off, "
                           "true and false as a yes/no value, not as text", f'put the text in double quotes, e.g. {key}: "NO"')
        if isinstance(value, (int, float)):
            return Problem(name, line, label, f"'{field}' was read as a number, not as text",
                           f'put it in double quotes, e.g. {key}: "{value}"')
        if isinstance(value, list):
            return Problem(name, line, label, f"'{field}' should be one text, not a list",
                           f"write the text after '{key}: ' without '- ' or [ ]")
        if isinstance(value, dict):
            return Problem(name, line, label, f"'{field}' should be one text, not a block of fields",
                           f"write the text after '{key}: ' on the same line (put it in double quotes if it holds ': ')")
        return Problem(name, line, label, f"'{field}' should be text",
                       f"write the text after '{key}: ' (put it in double quotes if it starts with a symbol)")
    if kind == "list_type":
        return Problem(name, line, label, f"'{field}' should be a list",
                       "write it as [first, second] or as indented lines starting with '- '")
    if kind in ("model_type", "model_attributes_type", "dict_type"):
        return Problem(name, line, label, f"'{field}' should be a block of fields",
                       f"put the fields of '{loc[-1] if loc else 'the entry'}' on the lines below it, indented by two more spaces")
    if kind == "too_short":
        return Problem(name, line, label, f"'{field}' is empty", "list at least one item")
    if kind == "value_error":
        message = str(error.get("ctx", {}).get("error", error["msg"]))
        message, _, fix = message.partition("\n")     # the schema's rules carry their own fix
        return Problem(name, line, label, f"'{field}': {message}", fix or "see data/README.md for what the text may contain")
    if kind in ("int_type", "int_parsing", "greater_than_equal", "less_than_equal") and loc[-1] == "number":
        return Problem(name, line, label, f"'{field}' should be the number the paper gives, 1 to 99, not '{value}'",
                       "write the number alone, e.g. number: 5")
    if kind in ("int_type", "int_parsing", "greater_than_equal", "less_than_equal"):
        return Problem(name, line, label, f"'{field}' should be a year such as 2018, not '{value}'",
                       "write the year as four digits, or remove the field if the year is unknown")
    if kind in ("bool_type", "bool_parsing"):
        return Problem(name, line, label, f"'{field}' should be true or false", "write true or false")
    return Problem(name, line, label, f"'{field}': {error['msg']}", "see data/README.md for the form this field takes")


def _known_fields(model, path: tuple) -> set[str]:
    """The field names allowed at `path` inside an entry of `model` (e.g. ('es',) for the es block)."""
    current = model
    for step in path:
        if isinstance(step, int):
            continue
        field = current.model_fields.get(step)
        if field is None:
            return set()
        annotation = field.annotation
        args = getattr(annotation, "__args__", ())
        candidates = [a for a in (annotation, *args) if isinstance(a, type) and issubclass(a, schema.Strict)]
        if not candidates:
            return set()
        current = candidates[0]
    return set(current.model_fields)


def suggest_slug(text: str) -> str:
    ascii_only = schema.INVISIBLE.sub("", fold(text)).encode("ascii", "ignore").decode()   # look-alikes dropped
    cleaned = "".join(c if c.isalnum() else "-" for c in ascii_only)
    return "-".join(part for part in cleaned.split("-") if part) or "my-entry"


# --- checks across entries and files ---------------------------------------------------------

def check_references(k: Knowledge) -> list[Problem]:
    problems: list[Problem] = []

    def ref(file: str, slug: str, field: str, target: str, pool: dict, pool_name: str, extra=()) -> None:
        if target and target not in pool and target not in extra:
            guess = difflib.get_close_matches(target, [*pool, *extra], n=1)
            hint = f"did you mean '{guess[0]}'? " if guess else ""
            problems.append(Problem(file, k.lines.get((file, slug), 0), slug,
                                    f"'{field}' names '{target}', which is not a slug in {pool_name}",
                                    f"{hint}use a slug that exists in {pool_name}, or add that entry there"))

    for slug, entry in k.glossary.items():
        ref("data/glossary.yml", slug, "source", entry.source, k.sources, "data/sources.yml", extra=("site",))
        for other in entry.related:
            ref("data/glossary.yml", slug, "related", other, k.glossary, "data/glossary.yml")
            if other == slug:
                problems.append(Problem("data/glossary.yml", k.lines[("data/glossary.yml", slug)], slug,
                                        "the entry lists itself under 'related'", f"remove '{slug}' from its own 'related' list"))
        for duplicate in sorted({s for s in entry.related if entry.related.count(s) > 1}):
            problems.append(Problem("data/glossary.yml", k.lines[("data/glossary.yml", slug)], slug,
                                    f"'{duplicate}' is listed twice under 'related'", "keep it once"))
    for slug, factor in k.factors.items():
        ref("data/factors.yml", slug, "glossary", factor.glossary, k.glossary, "data/glossary.yml")
        if not k.dimensions_of(slug):
            problems.append(Problem("data/factors.yml", k.lines[("data/factors.yml", slug)], slug,
                                    "no dimension lists this factor",
                                    "add its slug to the 'risks' or 'resiliencies' of a dimension in data/dimensions.yml, or delete the factor"))
    for slug, dimension in k.dimensions.items():
        file = "data/dimensions.yml"
        ref(file, slug, "glossary", dimension.glossary, k.glossary, "data/glossary.yml")
        for field, wanted in (("risks", "risk"), ("resiliencies", "resilience")):
            listed = getattr(dimension, field)
            for factor_slug in listed:
                ref(file, slug, field, factor_slug, k.factors, "data/factors.yml")
                factor = k.factors.get(factor_slug)
                if factor and factor.kind != wanted:
                    problems.append(Problem(file, k.lines[(file, slug)], slug,
                                            f"'{factor_slug}' is a {factor.kind} factor but is listed under '{field}'",
                                            f"move it to '{'resiliencies' if field == 'risks' else 'risks'}', or change its kind in data/factors.yml"))
            for duplicate in sorted({s for s in listed if listed.count(s) > 1}):
                problems.append(Problem(file, k.lines[(file, slug)], slug, f"'{duplicate}' is listed twice under '{field}'",
                                        "keep it once"))
    for slug, source in k.sources.items():
        for org in source.publisher:
            ref("data/sources.yml", slug, "publisher", org, k.organizations, "data/organizations.yml")
    for file, table in (("data/organizations.yml", k.organizations), ("data/sources.yml", k.sources)):
        for slug, entry in table.items():
            urls = [link.url for link in entry.links]
            for duplicate in sorted({u for u in urls if urls.count(u) > 1}):
                problems.append(Problem(file, k.lines.get((file, slug), 0), slug, f"the address '{duplicate}' is listed twice under 'links'",
                                        "keep it once (with the seen_in that says where it was seen)"))
    problems += _check_assumptions(k)
    problems += _duplicate_names(k)
    problems += _common_word_names(k)
    problems += _provenance_problems(k)
    return problems


def _provenance_problems(k: Knowledge) -> list[Problem]:
    """Each quoted or contextual text says whose it is; per-table wordings name the table's factors."""
    problems = []
    file = "data/glossary.yml"
    for slug, entry in k.glossary.items():
        line = k.lines.get((file, slug), 0)
        for field, origin in (("quotation", "quotation_from"), ("context", "context_from")):
            has_text = any(getattr(getattr(entry, lang) or entry.en, field) for lang in LANGUAGES)
            if has_text and getattr(entry, origin) is None:
                problems.append(Problem(file, line, slug, f"the entry has a '{field}' but no '{origin}'",
                                        f"add '{origin}: {{kind: paper, ref: \"page.md#anchor\"}}' (or kind: official with the "
                                        "document symbol) saying where that text comes from"))
            if not has_text and getattr(entry, origin) is not None:
                problems.append(Problem(file, line, slug, f"'{origin}' is set but the entry has no '{field}' text",
                                        f"add the '{field}' text in en: and es:, or remove '{origin}'"))
        if entry.en.quotation and entry.es is not None and not entry.es.quotation:
            problems.append(Problem(file, line, slug, "the English block quotes a text but the Spanish block does not",
                                    "add 'quotation:' to the es: block with a faithful translation of the quoted text"))
    for file, table in (("data/organizations.yml", k.organizations), ("data/sources.yml", k.sources)):
        problems += _context_problems(k, file, table)
    file = "data/sources.yml"
    for slug, source in k.sources.items():
        for lang in LANGUAGES:
            block = getattr(source, lang)
            found = len(see_phrases(block.note)) if block else len(source.see)
            if found != len(source.see):
                problems.append(Problem(file, k.lines.get((file, slug), 0), slug,
                                        f"the {lang} note has {found} 'See …' reference(s) but 'see' lists {len(source.see)} page(s)",
                                        "list in 'see' one page.md#anchor for each 'See …' (en) / 'Ver …' (es) phrase, in order"))
    file = "data/dimensions.yml"
    for slug, dimension in k.dimensions.items():
        listed = set(dimension.risks) | set(dimension.resiliencies)
        for lang in LANGUAGES:
            block = getattr(dimension, lang)
            for factor_slug in (block.wording if block else {}):
                if factor_slug not in listed:
                    problems.append(Problem(file, k.lines.get((file, slug), 0), slug,
                                            f"'wording' in {lang} names '{factor_slug}', which this dimension does not list",
                                            "use the slug of one of this dimension's risks or resiliencies"))
    return problems


def _check_assumptions(k: Knowledge) -> list[Problem]:
    """Dimensions exist; numbers and pages are not used twice. (Entry <-> page: kb/pages.py.)"""
    file, problems = "data/assumptions.yml", []
    numbers: dict[int, str] = {}
    pages: dict[str, str] = {}
    for slug, assumption in k.assumptions.items():
        line = k.lines.get((file, slug), 0)
        for dimension in assumption.dimensions:
            if dimension not in k.dimensions:
                guess = difflib.get_close_matches(dimension, list(k.dimensions), n=1)
                hint = f"did you mean '{guess[0]}'? " if guess else ""
                problems.append(Problem(file, line, slug, f"'dimensions' names '{dimension}', which is not a dimension",
                                        f"{hint}use slugs from data/dimensions.yml: {', '.join(k.dimensions)}"))
        for duplicate in sorted({d for d in assumption.dimensions if assumption.dimensions.count(d) > 1}):
            problems.append(Problem(file, line, slug, f"'{duplicate}' is listed twice under 'dimensions'", "keep it once"))
        if assumption.number in numbers:
            problems.append(Problem(file, line, slug,
                                    f"the number {assumption.number} is also given to '{numbers[assumption.number]}'",
                                    "give each assumption the number the paper gives it (1 to 9), once"))
        numbers.setdefault(assumption.number, slug)
        if assumption.page in pages:
            problems.append(Problem(file, line, slug, f"the page '{assumption.page}' is also the page of '{pages[assumption.page]}'",
                                    "each assumption has its own page in docs/assumptions/"))
        pages.setdefault(assumption.page, slug)
        if assumption.en is not None and assumption.heading_from is None:
            problems.append(Problem(file, line, slug, "the paper's heading ('en: heading:') has no 'heading_from'",
                                    "add 'heading_from: {kind: paper, ref: " + assumption.page + "}'"))
        if assumption.es is not None and assumption.en is None:
            problems.append(Problem(file, line, slug, "there is a Spanish heading but no English one",
                                    "add 'en: {heading: ...}' with the paper's heading, word for word"))
    return problems


def _context_problems(k: Knowledge, file: str, table: dict) -> list[Problem]:
    """What the paper says about an entry (`context`) says whose it is (`context_from`), and back."""
    problems = []
    for slug, entry in table.items():
        has_context = any(getattr(getattr(entry, lang) or entry.en, "context") for lang in LANGUAGES)
        if has_context != (entry.context_from is not None):
            problems.append(Problem(file, k.lines.get((file, slug), 0), slug,
                                    "the entry has a 'context' but no 'context_from'" if has_context
                                    else "'context_from' is set but the entry has no 'context' text",
                                    "add 'context_from: {kind: paper, ref: \"page.md#anchor\"}' saying where the paper says it"
                                    if has_context else "add the 'context' text in en: and es:, or remove 'context_from'"))
    return problems


def _common_word_names(k: Knowledge) -> list[Problem]:
    """A term, name, variant or abbreviation may not be a function word ("the", "de")."""
    problems = []
    for file, table, field in (("data/glossary.yml", k.glossary, "term"), ("data/organizations.yml", k.organizations, "name")):
        for slug, entry in table.items():
            for lang in LANGUAGES:
                for form in linked_forms(entry, field, lang):
                    if form.strip().lower() in COMMON_WORDS[lang]:
                        problems.append(Problem(file, k.lines[(file, slug)], slug,
                                                f"the {lang} form '{form}' is one of the most common words: every page would "
                                                "link it to this entry", "write the whole term (for example 'the state' "
                                                "rather than 'the'), or remove the form"))
    return problems


def linked_forms(entry, field: str, lang: str) -> list[str]:
    """The forms the auto-linker links to an entry on the `lang` pages (kb/build.build_linker), and
    which two entries may not share: its term or name, variants and abbreviation; an
    organization's English forms too on every page."""
    blocks = [getattr(entry, lang) or entry.en]
    if field == "name" and blocks[0] is not entry.en:
        blocks.append(entry.en)
    return [form for block in blocks for form in (getattr(block, field), *block.variants, block.abbreviation) if form]


def _duplicate_names(k: Knowledge) -> list[Problem]:
    """Two entries may not claim the same linked form: the auto-linker could not choose."""
    problems = []
    tables = (("data/glossary.yml", k.glossary, "term"), ("data/organizations.yml", k.organizations, "name"))
    for lang in LANGUAGES:
        owner: dict[str, tuple[str, str]] = {}
        for file, table, field in tables:
            for slug, entry in table.items():
                for form in dict.fromkeys(linked_forms(entry, field, lang)):
                    key = schema.comparable(form)
                    if key in owner and owner[key] != (file, slug):
                        first_file, first_slug = owner[key]
                        problems.append(Problem(file, k.lines[(file, slug)], slug,
                                                f"the {lang} form '{form}' is also used by '{first_slug}' in {first_file}",
                                                "keep the form in one entry only, so that the auto-linker knows where it leads"))
                    owner.setdefault(key, (file, slug))
    return problems
