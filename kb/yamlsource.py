"""Read YAML keeping the line of every mapping and key, for messages that point at a line."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import yaml

from .problems import Problem


class LineDict(dict):
    """A dict that remembers the line of itself and of each of its keys (1-based)."""

    line: int = 0
    key_lines: dict

    def line_of(self, key) -> int:
        return self.key_lines.get(key, self.line)


class LineList(list):
    line: int = 0


class _Loader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):  # libyaml's parser when present: 10x faster
    pass


def _construct_mapping(loader, node):
    loader.flatten_mapping(node)
    result = LineDict()
    result.line = node.start_mark.line + 1
    result.key_lines = {}
    for key_node, value_node in node.value:
        key = loader.construct_object(key_node, deep=True)
        if key in result:
            raise yaml.constructor.ConstructorError(
                None, None, f"the key '{key}' appears twice in the same entry", key_node.start_mark
            )
        result[key] = loader.construct_object(value_node, deep=True)
        result.key_lines[key] = key_node.start_mark.line + 1
    return result


def _construct_sequence(loader, node):
    result = LineList(loader.construct_object(child, deep=True) for child in node.value)
    result.line = node.start_mark.line + 1
    return result


_Loader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)
_Loader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_SEQUENCE_TAG, _construct_sequence)


@dataclass
class Loaded:
    data: object = None
    problems: list[Problem] = field(default_factory=list)


def load_yaml_text(text: str, name: str) -> Loaded:
    """Parse YAML text; a syntax error becomes a Problem with its line, never a traceback."""
    try:
        return Loaded(yaml.load(text, Loader=_Loader))  # noqa: S506 - SafeLoader subclass
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line = mark.line + 1 if mark else 0
        what = error.problem or str(error)
        return Loaded(None, [_explain_syntax(text, name, line, what)])
    except yaml.reader.ReaderError as error:      # a character YAML refuses (NUL and other controls)
        line = text[: error.position].count("\n") + 1
        return Loaded(None, [Problem(name, line, "", f"the YAML cannot be read: the line holds a control character "
                                     f"(U+{error.character:04X}), which is invisible", "delete it (retype the line)")])
    except yaml.YAMLError as error:
        return Loaded(None, [Problem(name, 0, "", f"the YAML cannot be read: {error}", _yaml_hint(""))])


def load_yaml_file(path: Path, name: str) -> Loaded:
    try:
        text = path.read_text(encoding="utf-8-sig")     # a byte-order mark is harmless
    except FileNotFoundError:
        other = path.with_suffix(".yaml" if path.suffix == ".yml" else ".yml")
        hint = f"rename {name[: -len(path.name)]}{other.name} to {path.name}, or " if other.exists() else ""
        return Loaded(None, [Problem(name, 0, "", "the file is missing", f"{hint}restore {name} from the main branch")])
    except UnicodeDecodeError as error:
        return Loaded(None, [Problem(name, 0, "", f"the file is not UTF-8 text ({error.reason})",
                                     "save the file as UTF-8 (the GitHub web editor does this)")])
    return load_yaml_text(text, name)


def _explain_syntax(text: str, name: str, line: int, what: str) -> Problem:
    """A YAML syntax error, pointed at the line a contributor has to change, with the likely fix."""
    lines = text.splitlines()
    here = lines[line - 1] if 0 < line <= len(lines) else ""
    above = next((lines[i] for i in range(line - 2, -1, -1) if lines[i].strip() and not lines[i].strip().startswith("#")), "") \
        if line > 1 else ""
    if "mapping values are not allowed" in what and above and ":" not in above.strip().lstrip("- "):
        number = max(i + 1 for i in range(line - 1) if lines[i] == above)
        return Problem(name, number, "", "the YAML cannot be read: this line has no ':' after its key",
                       f"write it as 'key: value' (e.g. term: genocide); the line reads '{above.strip()}'")
    for bad, label, fix in (("\t", "a tab", "indent with spaces, not tabs"),
                            ("\u00a0", "a non-breaking space", "retype the indentation with ordinary spaces"),
                            ("\u201c", "a curly quotation mark", 'use straight quotes " " around the text'),
                            ("\u201d", "a curly quotation mark", 'use straight quotes " " around the text')):
        if bad in here or (bad in above and bad in "\t\u00a0"):
            return Problem(name, line, "", f"the YAML cannot be read: the line holds {label} ({what})", fix)
    if "control characters are not allowed" in what or "unacceptable character" in what:
        index = next((i for i, l in enumerate(lines) if any(ord(c) < 32 and c not in "\t" for c in l)), None)
        return Problem(name, index + 1 if index is not None else line, "",
                       "the YAML cannot be read: the file holds a control character (invisible)",
                       "delete the invisible character (retype the line)")
    return Problem(name, line, "", f"the YAML cannot be read: {what}", _yaml_hint(what))


def _yaml_hint(what: str) -> str:
    if "could not determine a constructor" in what:
        return "remove the '!' tag: data files hold plain text, lists and fields only"
    if "appears twice" in what:
        return "keep one of the two keys and delete the other"
    if "mapping values are not allowed" in what:
        return "a text containing ': ' must be put in double quotes, e.g. title: \"A: B\""
    if "found character '\\t'" in what or "tab" in what:
        return "indent with spaces, not tabs"
    if "expected <block end>" in what or "did not find expected" in what:
        return "check the indentation of this line against the lines above it (two spaces per level)"
    return "check this line and the one above it: indentation (spaces, not tabs), and quotes around text with ':' or '#'"
