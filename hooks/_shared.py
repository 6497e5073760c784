"""What the three hooks share: the project's kb package, the loaded data, and each language's
`Edition` (kb/build.py), the one typed object a language's build reads and fills.

MkDocs loads each hook file by path and runs the build once per language (static-i18n). The
Edition of a language is made in one place, `begin_edition`, called by hooks/knowledge_pages.py's
on_pre_build at a high priority, so it exists before any other hook's event, whatever the order
of `hooks:` in mkdocs.yml.
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))  # the kb package lives beside hooks/

from mkdocs.exceptions import PluginError  # noqa: E402

from kb.build import Edition, start_edition  # noqa: E402
from kb.knowledge import Knowledge, load_knowledge  # noqa: E402
from kb.problems import KnowledgeError  # noqa: E402

DATA_DIR = ROOT / "data"
_cache: dict = {"stamp": None, "knowledge": None}
editions: dict[str, Edition] = {}   # language -> the Edition of its latest build


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
    try:
        return config.plugins["i18n"]
    except KeyError:
        raise PluginError("The hooks need the i18n plugin (mkdocs-static-i18n): keep '- i18n:' under "
                          "'plugins:' in mkdocs.yml.") from None


def language(config) -> str:
    return i18n(config).current_language or i18n(config).default_language


def default_language(config) -> str:
    return i18n(config).default_language


def begin_edition(config, k: Knowledge) -> Edition:
    """Make this language's Edition: the only place it is created."""
    lang, default = language(config), default_language(config)
    other = next(l for l in [*i18n(config).build_languages, "en", "es"] if l != lang)
    editions[lang] = start_edition(k, Path(config["docs_dir"]), lang, default, other,
                                   edit_uri=config.get("edit_uri") or "", extra=config.get("extra"))
    return editions[lang]


def edition(config) -> Edition:
    """This language's Edition; a plain message if the hook that makes it is not listed."""
    found = editions.get(language(config))
    if found is None:
        raise PluginError("No build state for this language: list hooks/knowledge_pages.py under 'hooks:' "
                          "in mkdocs.yml (it reads the data and the pages for the other hooks).")
    return found


def fail(problems) -> None:
    if problems:
        raise PluginError("\n" + KnowledgeError(list(problems)).report())
