"""What a change to mkdocs.yml alone must not do, refused by the build and by `make check`, so no
reviewer has to spot it in a diff of the configuration:

- read files with a Markdown extension (pymdownx.snippets and the like) from outside the
  repository, or without failing on a missing file (`check_paths: false`), or from the network;
- name Python code from the configuration (`!!python/name:`), or a hook outside hooks/;
- read pages or templates from outside docs/ and overrides/ (`docs_dir`, `theme.custom_dir`), or
  load scripts and styles from other sites (`extra_javascript`, `extra_css`);
- send the edit button or the repository link (`edit_uri`, `repo_url`) to another host than the
  repository's own (the host of GITHUB_SERVER_URL, github.com by default);
- print markup or script through `copyright` (the theme prints it raw) or any `extra:` value;
- use a Markdown extension or plugin the site has not been checked with (the allow-lists below are
  today's mkdocs.yml; adding one is a change to this file, which CODEOWNERS gives to maintainers).

`check_config(config, text)` is pure: `config` is mkdocs.yml as loaded (read_config), `text` its
lines, used only to name the line of each problem.
"""

from __future__ import annotations

import os
import re
from html.parser import HTMLParser
from pathlib import Path, PurePosixPath
from urllib.parse import urlsplit

import yaml

from .problems import Problem

FILE = "mkdocs.yml"
# The Markdown extensions and plugins of today's mkdocs.yml (tests/unit/test_repository_mistakes.py
# keeps the lists and the file in step).
MARKDOWN_EXTENSIONS = frozenset({"abbr", "admonition", "attr_list", "def_list", "footnotes", "md_in_html", "tables",
                                 "toc", "pymdownx.details", "pymdownx.superfences"})
PLUGINS = frozenset({"search", "i18n"})
# Extensions that copy files (or addresses) into pages, and the options that say from where.
FILE_READERS = {"pymdownx.snippets": ("base_path",), "markdown_include.include": ("base_path",),
                "mdx_include": ("base_path",), "pymdownx.b64": ("base_path",), "include": ("base_path",)}
# Markup the copyright line may carry: the credit link, as today's mkdocs.yml writes it.
COPYRIGHT_TAGS = {"a": {"class", "href", "hreflang", "lang", "title"}, "cite": {"lang"}, "span": {"class", "lang"},
                  "em": set(), "strong": set(), "abbr": {"title"}}
_SCRIPT_URL = re.compile(r"(?:java|vb)script\s*:", re.IGNORECASE)


class _Loader(yaml.SafeLoader):
    """mkdocs.yml as MkDocs reads it: `!ENV` resolved; Python tags kept as a marker, refused below."""


def _env(loader, node):
    names = [loader.construct_scalar(node)] if isinstance(node, yaml.ScalarNode) else loader.construct_sequence(node)
    for name in names[:-1] if len(names) > 1 else names:
        if str(name) in os.environ:
            return os.environ[str(name)]
    return names[-1] if len(names) > 1 else None


class PythonTag(str):
    """A `!!python/...` value: MkDocs would import and call it."""


_Loader.add_constructor("!ENV", _env)
_Loader.add_multi_constructor("tag:yaml.org,2002:python/", lambda loader, suffix, node: PythonTag(f"!!python/{suffix}"))


def _split(address: str):
    """urlsplit, with an address it cannot read (an unclosed '[') read as one without a host."""
    try:
        return urlsplit(address)
    except ValueError:
        return urlsplit("invalid:")


def read_config(path: Path) -> tuple[dict, str, list[Problem]]:
    """(config, text, problems) of mkdocs.yml; a file YAML cannot read is one problem with its line."""
    try:
        text = path.read_text(encoding="utf-8-sig")
    except UnicodeDecodeError as error:
        return {}, "", [Problem(FILE, 0, "", f"the file is not UTF-8 text ({error.reason})", "save it again as UTF-8")]
    try:
        config = yaml.load(text, Loader=_Loader)  # noqa: S506 (a SafeLoader with two constructors)
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        return {}, text, [Problem(FILE, mark.line + 1 if mark else 0, "", f"YAML cannot read the file ({getattr(error, 'problem', error)})",
                                  "fix the indentation or quoting on that line")]
    return (config if isinstance(config, dict) else {}), text, []


def check_config_file(path: Path, environ=os.environ) -> list[Problem]:
    """The guard on a configuration file (the root's mkdocs.yml), for the build and `make check`
    alike; nothing to check without one."""
    if not path.is_file():
        return []
    config, text, problems = read_config(path)
    return problems or check_config(config, text, repository_host(environ), path.parent)


def line_of(text: str, *needles: str) -> int:
    """The first line holding the first of the needles found (a key, a value), or 0."""
    lines = text.splitlines()
    for needle in needles:
        for number, line in enumerate(lines, start=1):
            if needle and needle in line:
                return number
    return 0


def _named(items) -> dict[str, object]:
    """A list of extensions or plugins ('abbr', {'toc': {...}}) as name -> options."""
    named: dict[str, object] = {}
    for item in items or []:
        if isinstance(item, dict):
            for name, options in item.items():
                named[str(name)] = options
        else:
            named[str(item)] = {}
    return named


def _strings(value, path: str):
    """(dotted key, text) of every text inside a value."""
    if isinstance(value, str):
        yield path, value
    elif isinstance(value, dict):
        for key, inner in value.items():
            yield from _strings(inner, f"{path}.{key}")
    elif isinstance(value, list):
        for index, inner in enumerate(value):
            yield from _strings(inner, f"{path}[{index}]")


class _Markup(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.refused: list[str] = []

    def handle_starttag(self, tag, attrs):
        allowed = COPYRIGHT_TAGS.get(tag)
        if allowed is None:
            self.refused.append(f"the element <{tag}>")
            return
        for name, value in attrs:
            if name not in allowed:
                self.refused.append(f"the attribute {name}= on <{tag}>")
            elif name == "href" and not (value or "").strip().lower().startswith("https://"):
                self.refused.append(f"the link href=\"{(value or '')[:40]}\" (only https:// addresses)")

    def handle_comment(self, data):
        self.refused.append("an HTML comment")


def copyright_markup(value: str) -> list[str]:
    """What the copyright line carries beyond the credit link: elements, attributes, addresses."""
    parser = _Markup()
    parser.feed(value)
    parser.close()
    if _SCRIPT_URL.search(value):
        parser.refused.append(f"the address '{_SCRIPT_URL.search(value).group(0)}'")
    return list(dict.fromkeys(parser.refused))


def repository_host(environ=os.environ) -> str:
    """The host the repository lives on: GitHub Actions' GITHUB_SERVER_URL, else github.com."""
    return _split(environ.get("GITHUB_SERVER_URL") or "https://github.com").hostname or "github.com"


def check_config(config: dict, text: str, host: str, root: Path) -> list[Problem]:
    """Every way the configuration above reaches outside what maintainers checked."""
    problems: list[Problem] = []

    def add(line: int, entry: str, message: str, fix: str) -> None:
        problems.append(Problem(FILE, line, entry, message, fix))

    for key, value in _strings(config, ""):
        if isinstance(value, PythonTag):
            add(line_of(text, value), key.lstrip("."), f"'{value}' makes MkDocs import and run Python code named in the configuration",
                "remove it; code the site needs goes in kb/ and hooks/, where it is reviewed and tested")

    extensions = _named(config.get("markdown_extensions"))
    for name, options in extensions.items():
        short = name.removeprefix("markdown.extensions.")
        where = line_of(text, f"- {name}", name)
        if name in FILE_READERS:
            problems += _file_reader(name, options if isinstance(options, dict) else {}, text, where, root)
        if short not in MARKDOWN_EXTENSIONS:
            add(where, name, f"the Markdown extension '{name}' is not one the site is checked with",
                f"remove it, or have a maintainer add it to MARKDOWN_EXTENSIONS in kb/config_guard.py after checking "
                f"what it reads and prints (today: {', '.join(sorted(MARKDOWN_EXTENSIONS))})")
    for name in _named(config.get("plugins")):
        if name not in PLUGINS:
            add(line_of(text, f"- {name}"), name, f"the plugin '{name}' is not one the site is checked with",
                f"remove it, or have a maintainer add it to PLUGINS in kb/config_guard.py (today: {', '.join(sorted(PLUGINS))})")
    for key, default in (("docs_dir", "docs"), ("site_dir", "site")):
        folder = str(config.get(key) or default)
        if not (root / folder).resolve().is_relative_to(root.resolve()) or (root / folder).resolve() == root.resolve():
            add(line_of(text, f"{key}:"), key, f"{key} '{folder}' is outside the repository (or is the repository itself)",
                f"remove the {key} line: the site reads docs/ and writes site/")
    theme = config.get("theme") if isinstance(config.get("theme"), dict) else {}
    custom = theme.get("custom_dir")
    if custom and not (root / str(custom)).resolve().is_relative_to((root / "overrides").resolve()):
        add(line_of(text, "custom_dir:"), "theme.custom_dir", f"the theme's templates would come from '{custom}', not overrides/",
            "keep custom_dir: overrides (its templates are reviewed by maintainers)")
    for key in ("extra_javascript", "extra_css"):
        for item in config.get(key) or []:
            address = str(item.get("path", "") if isinstance(item, dict) else item)
            parts = _split(address)
            if parts.scheme or parts.netloc or address.startswith("/") or ".." in PurePosixPath(address).parts:
                add(line_of(text, address), key, f"{key} '{address[:80]}' is not a file of the site: every page would "
                    "load it from elsewhere", "list a file inside docs/, e.g. assets/site.css (no https:, // or ..)")
    for hook in config.get("hooks") or []:
        path = PurePosixPath(str(hook))
        if path.is_absolute() or ".." in path.parts or path.parts[:1] != ("hooks",):
            add(line_of(text, str(hook)), "hooks", f"the hook '{hook}' is outside hooks/: MkDocs would run it on every build",
                "hooks live in hooks/ (reviewed by maintainers); move the code there")

    for key in ("repo_url", "edit_uri"):
        address = config.get(key)
        if not address:
            continue
        parts = _split(str(address))
        if key == "edit_uri" and not parts.scheme and not parts.netloc:
            continue                                    # relative to repo_url, checked above
        if parts.scheme != "https" or (parts.hostname or "") != host:
            add(line_of(text, f"{key}:"), key, f"{key} '{str(address)[:80]}' leads to {parts.hostname or 'no host'}, "
                f"not to the repository's host {host}: every page's edit or repository link would go there",
                f"write an https://{host}/ORG/REPO address (the workflow sets SITE_EDIT_URI and SITE_REPO_URL)")
    repo = (config.get("extra") or {}).get("report_repo_url") if isinstance(config.get("extra"), dict) else None
    if repo and (_split(str(repo)).hostname or "") != host:
        add(line_of(text, "report_repo_url:"), "extra.report_repo_url",
            f"report_repo_url '{str(repo)[:80]}' is not on the repository's host {host}: every \"Report a problem\" link would go there",
            f"write the repository's address, https://{host}/ORG/REPO (or set SITE_REPO_URL)")

    copyrights = [("copyright", config.get("copyright"))]
    for plugin, options in _named(config.get("plugins")).items():
        for language in (options or {}).get("languages", []) if isinstance(options, dict) else []:
            if isinstance(language, dict) and "copyright" in language:
                copyrights.append((f"plugins.{plugin}.{language.get('locale')}.copyright", language["copyright"]))
    after = 0
    for entry, value in copyrights:
        if not value:
            continue
        line = line_of("\n".join(text.splitlines()[after:]), "copyright:")
        line, after = (line + after, line + after) if line else (0, after)
        refused = copyright_markup(str(value))
        if refused:
            add(line, entry, f"the copyright line (printed on every page as it is) carries {'; '.join(refused)}",
                "keep it to text and the credit link: <a href=\"https://...\">, <cite>, <span class=\"...\">, "
                "without scripts, styles, event handlers or other elements")
    extra = config.get("extra") if isinstance(config.get("extra"), dict) else {}
    for key, value in _strings(extra, "extra"):
        if key in ("extra.report_repo_url", "extra.contact_email") or key.startswith("extra.publisher"):
            continue                                    # kb/page_checks.check_site_extra checks these
        if re.search(r"[<>]", value) or _SCRIPT_URL.search(value):
            add(line_of(text, value[:40], key.rsplit(".", 1)[-1] + ":"), key,
                f"{key} holds markup or a script address ('{value[:60]}'); templates print it as it is",
                "write plain text (no <, > or javascript:)")
    return problems


def _file_reader(name: str, options: dict, text: str, where: int, root: Path) -> list[Problem]:
    problems = []
    bases = options.get("base_path", ["."])
    bases = list(bases) if isinstance(bases, (list, tuple)) else [bases]
    repository = root.resolve()
    for base in bases:
        resolved = (repository / str(base)).resolve()
        if not resolved.is_relative_to(repository) or resolved == Path("/"):
            problems.append(Problem(FILE, line_of(text, "base_path") or where, name,
                                    f"{name} reads files from '{base}', outside the repository: any file of the build "
                                    "machine could be published", "set base_path to a folder inside the repository, "
                                    "e.g. docs/snippets, or remove the extension"))
    if name == "pymdownx.snippets":
        if not options.get("check_paths", False):
            problems.append(Problem(FILE, line_of(text, "check_paths") or where, name,
                                    f"{name} without check_paths: true publishes a page with the snippet silently missing",
                                    "add check_paths: true under the extension's options"))
        if options.get("restrict_base_path", True) is False:
            problems.append(Problem(FILE, line_of(text, "restrict_base_path") or where, name,
                                    f"{name} with restrict_base_path: false follows '../' out of its base path",
                                    "remove restrict_base_path: false"))
        if options.get("url_download"):
            problems.append(Problem(FILE, line_of(text, "url_download") or where, name,
                                    f"{name} with url_download: true makes the build download pages from the web",
                                    "remove url_download; a build downloads nothing"))
    return problems
