"""What the three hooks share: the project's kb package, the loaded data, the build language.

MkDocs loads each hook file by path and runs the build once per language (static-i18n), so
state here is kept per language and reset at the start of each language's build.
"""

from __future__ import annotations

import functools
import posixpath
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))  # the kb package lives beside hooks/

from mkdocs.exceptions import PluginError  # noqa: E402

from kb.knowledge import Knowledge, load_knowledge  # noqa: E402
from kb.problems import KnowledgeError  # noqa: E402

DATA_DIR = ROOT / "data"
_cache: dict = {"stamp": None, "knowledge": None}
state: dict[str, dict] = {}   # language -> that language's build state


def knowledge(also_report=lambda: []) -> Knowledge:
    """The validated data, read once and again only when a data file changes (mkdocs serve).

    If the data has problems, `also_report()` adds the problems found elsewhere (in pages), so
    that a contributor sees every problem in one run.
    """
    stamp = tuple((p.name, p.stat().st_mtime_ns, p.stat().st_size) for p in sorted(DATA_DIR.glob("*.yml")))
    if stamp != _cache["stamp"]:
        try:
            _cache["knowledge"] = load_knowledge(DATA_DIR)
        except KnowledgeError as error:
            _cache["stamp"] = None
            raise PluginError("\n" + KnowledgeError(error.problems + also_report()).report()) from None
        _cache["stamp"] = stamp
    return _cache["knowledge"]


def i18n(config):
    return config.plugins["i18n"]


def language(config) -> str:
    return i18n(config).current_language or i18n(config).default_language


def default_language(config) -> str:
    return i18n(config).default_language


def lang_state(config) -> dict:
    return state.setdefault(language(config), {})


def reset_state(config) -> dict:
    state[language(config)] = {}
    return state[language(config)]


@functools.lru_cache(maxsize=65536)
def relative_url(target: str, from_page_url: str) -> str:
    """URL of `target` (site-relative, e.g. 'es/glossary/#x') as seen from a page at `from_page_url`."""
    anchor = ""
    if "#" in target:
        target, anchor = target.split("#", 1)
        anchor = "#" + anchor
    base = posixpath.dirname(from_page_url.rstrip("/") + "/x") if from_page_url else ""
    rel = posixpath.relpath("/" + target, "/" + base)
    if (target.endswith("/") or not target) and not rel.endswith("/"):
        rel = "./" if rel == "." else rel + "/"
    return rel + anchor


def site_path(docs_path: str, lang: str, default: str) -> str:
    """Site-relative URL of a docs page in a language: 'glossary.md' -> 'es/glossary/'."""
    stem = docs_path[:-3]
    if stem == "index" or stem.endswith("/index"):
        stem = stem[: -len("index")]
    else:
        stem += "/"
    prefix = "" if lang == default else f"{lang}/"
    return (prefix + stem).replace("//", "/")


def fail(problems) -> None:
    if problems:
        raise PluginError("\n" + KnowledgeError(list(problems)).report())
