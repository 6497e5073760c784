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


# What YAML can do beyond plain keys, texts and lists is refused, with the line: an explicit tag
# (`!!binary` publishes text no reviewer can read in the diff, `!!set` changes order between
# builds, `!!python/...` runs code), an anchor and its aliases (`&x` ... `*x`: twenty lines can
# stand for a billion texts), a merge key (`<<: *x`). Nesting is capped (a list 3,000 deep is a
# RecursionError in Python and, deeper, a crash of libyaml's recursive composer).
MAX_DEPTH = 20          # levels of lists and mappings; the data files use 5
MAX_RAW_NESTING = 200   # brackets or indentation a line may open before the parser is trusted with it


class RefusedYAML(yaml.constructor.ConstructorError):
    """A YAML feature the project does not use, with the fix in `fix`."""

    def __init__(self, message: str, fix: str, mark):
        super().__init__(None, None, message, mark)
        self.fix = fix


def _tag_name(tag: str) -> str:
    return "!!" + tag[len("tag:yaml.org,2002:"):] if tag.startswith("tag:yaml.org,2002:") else tag


class _Loader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):  # libyaml's parser when present: 10x faster
    def __init__(self, stream):
        super().__init__(stream)
        self._lines = stream.splitlines() if isinstance(stream, str) else []
        self._depth = 0

    def _written_at(self, mark) -> str:
        """The source text where a node starts: an anchor or a tag, when it has one, comes first."""
        line = self._lines[mark.line] if 0 <= mark.line < len(self._lines) else ""
        return line[mark.column:]

    def construct_object(self, node, deep=False):
        written = self._written_at(node.start_mark)
        if written.startswith("&"):
            anchor = written[1:].split(maxsplit=1)[0] if written[1:].strip() else ""
            raise RefusedYAML(f"the YAML uses an anchor (&{anchor}), which lets other lines repeat this value "
                              f"with *{anchor}", "write the value out in full wherever it is needed; "
                              "data files and front matter take no anchors (&), aliases (*) or merge keys (<<)", node.start_mark)
        if written.startswith("!"):
            raise RefusedYAML(f"the value has an explicit YAML tag ({_tag_name(node.tag)}), which changes how it is read "
                              "(a !!binary text cannot be read in the diff)",
                              "remove the tag and write the value as plain text; put a text in double quotes "
                              "if it starts with a symbol", node.start_mark)
        self._depth += 1
        try:
            if self._depth > MAX_DEPTH:
                raise RefusedYAML(f"the YAML is nested more than {MAX_DEPTH} levels deep (lists inside lists)",
                                  "write the value as a text or a flat list (see data/README.md for the form each field takes)",
                                  node.start_mark)
            return super().construct_object(node, deep)
        finally:
            self._depth -= 1


def _construct_mapping(loader, node):
    for key_node, _ in node.value:
        if key_node.tag == "tag:yaml.org,2002:merge":
            raise RefusedYAML("the YAML uses a merge key (<<), which copies the fields of another entry",
                              "write the fields out in full in this entry; data files and front matter take no "
                              "anchors (&), aliases (*) or merge keys (<<)", key_node.start_mark)
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


def _raw_nesting(text: str) -> int:
    """The first line (1-based) that opens more than MAX_RAW_NESTING levels, or 0. Checked before
    parsing: libyaml composes recursively, and 100,000 '[' crash the process, not raise."""
    depth = 0
    for number, line in enumerate(text.splitlines(), start=1):
        indent = len(line) - len(line.lstrip(" -?:"))
        depth += line.count("[") + line.count("{") - line.count("]") - line.count("}")
        if depth > MAX_RAW_NESTING or indent > 2 * MAX_RAW_NESTING:
            return number
    return 0


def load_yaml_text(text: str, name: str) -> Loaded:
    """Parse YAML text; a syntax error becomes a Problem with its line, never a traceback."""
    deep = _raw_nesting(text)
    if deep:
        return Loaded(None, [Problem(name, deep, "", f"the YAML is nested more than {MAX_DEPTH} levels deep "
                                     "(lists inside lists)", "write the value as a text or a flat list "
                                     "(see data/README.md for the form each field takes)")])
    loader = _Loader(text)
    try:
        return Loaded(loader.get_single_data())
    except RefusedYAML as error:
        return Loaded(None, [Problem(name, error.problem_mark.line + 1, "", error.problem, error.fix)])
    except RecursionError:      # nesting the checks above did not catch: still a message, not a traceback
        return Loaded(None, [Problem(name, 0, "", "the YAML is nested too deeply (lists inside lists)",
                                     "write the value as a text or a flat list")])
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
    finally:
        loader.dispose()


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
