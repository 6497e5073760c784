"""Generated pages and markers, from data/. A thin adapter: the work is done in ../kb."""

from __future__ import annotations

from pathlib import Path

from _shared import begin_edition, default_language, edition, fail, i18n, knowledge
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File

from kb.front_matter import unreadable_front_matter
from kb.page_checks import check_language_files, check_nav_translations, check_pages_in_nav, check_site_extra, nav_paths
from kb.pages import check_notes_shown, check_pages, expand_page, read_assets, read_sources
from kb.problems import Problem
from kb.page_links import at_line
from kb.paths import english_path, is_english


@event_priority(100)  # first of every hook: the other hooks read the Edition made here
def on_pre_build(config):
    docs = Path(config["docs_dir"])
    k = knowledge(also_report=lambda: check_pages(read_sources(docs), None, read_assets(docs)))
    ed = begin_edition(config, k)
    fail(unreadable_front_matter(ed.sources))   # before MkDocs reads front matter with its own YAML loader
    if ed.is_default:  # every page checked once: the other languages build only if this passes
        ed.problems += check_pages(ed.sources, k, read_assets(docs)) + check_nav(config, ed.sources)


def check_nav(config, sources: dict[str, str]) -> list[Problem]:
    """Every menu title of mkdocs.yml's nav has its translation in each other edition, and every
    English page is in the nav or declared as left out of it."""
    problems = []
    text = Path(config["config_file_path"]).read_text(encoding="utf-8-sig") if config.get("config_file_path") else ""
    for language_config in i18n(config).config.languages:
        if language_config.locale != default_language(config) and language_config.build:
            problems += check_nav_translations(config["nav"], language_config.nav_translations or {}, text,
                                               language_config.locale)
    if config["nav"]:
        left_out = config["not_in_nav"]
        misnamed = {p.file[len("docs/"):] for p in check_language_files(list(sources))}   # named once, as misnamed
        english = [p for p in sources if is_english(p) and p not in misnamed]
        problems += check_pages_in_nav(english, nav_paths(config["nav"]),
                                       lambda path: bool(left_out and left_out.match_file(path)))
    problems += check_site_extra(dict(config.get("extra") or {}), text)
    return problems


@event_priority(-200)  # after static-i18n's on_files (-100), which would drop in-memory files
def on_files(files, config):
    ed = edition(config)
    plugin = i18n(config)
    new_files = [generated_file(config, plugin, path, content, ed.lang, ed.default)
                 for path, content in ed.render_dimension_pages().items()]
    for f in new_files:
        files.append(f)
    plugin.i18n_files_per_language.setdefault(ed.lang, []).extend(new_files)  # -> sitemap.xml
    return files


def generated_file(config, plugin, path: str, content: str, lang: str, default: str) -> File:
    """An in-memory page with the bookkeeping static-i18n expects (MAINTAINING.md, "Generated pages").

    static-i18n 1.3.1 has no public API for generated pages: its on_files only localizes files whose
    abs_src_path lies in docs_dir and rebuilds each File from disk, so an in-memory File would be
    dropped ("Unhandled file case"). Hence this hook runs after it and sets, by hand, the private
    attributes static-i18n reads later: `locale` (template variable i18n_file_locale, and our
    fallback test in i18n_fixes), `locale_alternate_of` and `alternates` (the language switcher,
    reconfigure_page_context; the sitemap template), plus `plugin.i18n_files_per_language`
    (sitemap.xml). `localization` and `norm_src_uri` are not read after on_files: not set.
    """
    def dest(for_lang: str) -> str:
        return ("" if for_lang == default else f"{for_lang}/") + path[:-3] + "/index.html"

    page_file = File.generated(config, path, content=content)
    page_file.dest_uri = dest(lang)
    page_file.locale = page_file.locale_alternate_of = lang
    page_file.alternates = {lang: page_file}
    for other in plugin.build_languages:
        if other != lang:
            twin = File.generated(config, path, content="")
            twin.dest_uri = dest(other)
            page_file.alternates[other] = twin
    return page_file


@event_priority(-200)  # after static-i18n has translated the nav
def on_nav(nav, config, files):
    """Put the generated dimension pages in the nav, right after the dimensions overview."""
    generated_paths = edition(config).generated
    overview = next((p for p in nav.pages if p.file.src_uri.startswith("dimensions/index.")), None)
    generated = [f.page for f in files if f.src_uri in generated_paths and f.page is not None]
    if overview is None or not generated:
        return nav
    section = overview.parent
    siblings = section.children if section else nav.items
    at = siblings.index(overview) + 1
    for offset, page in enumerate(generated):
        page.parent = section
        siblings.insert(at + offset, page)
    pages = [p for p in nav.pages if p not in generated]
    at = pages.index(overview) + 1
    nav.pages = pages[:at] + generated + pages[at:]
    for before, after in zip(nav.pages, nav.pages[1:]):
        before.next_page, after.previous_page = after, before
    return nav


@event_priority(0)  # before i18n_fixes adds its notice (-10): marker lines count from the file's top
def on_page_markdown(markdown, page, config, files):
    ed = edition(config)
    src = page.file.src_uri
    if src in ed.generated:
        line = ed.knowledge.lines.get(("data/dimensions.yml", src.rsplit("/", 1)[-1][:-3]), 0)
        page.edit_url = at_line(ed.edit_href("data/dimensions.yml"), line) or None   # at the entry
        return markdown
    expanded, problems, notes = expand_page(markdown, ed.context(page.url), src, ed.sources)
    ed.problems += problems
    ed.notes_shown.setdefault(english_path(src), []).extend(notes)
    return expanded


# List pages whose entries are headings (for screen readers) but whose table of contents would
# be hundreds of lines long: the contents show the letter or group headings only.
LIST_PAGES = ("glossary.", "factors.", "organizations.", "sources.")


def on_page_context(context, page, config, nav):
    if page.file.src_uri.startswith(LIST_PAGES):
        for item in page.toc:
            for child in item.children:
                child.children = []
    return context


def on_env(env, config, files):
    """Every page has been read: report every problem of every page at once."""
    ed = edition(config)
    pages = {f.src_uri for f in files.documentation_pages()}
    ed.problems += check_notes_shown(ed.knowledge, pages, ed.notes_shown, ed.lang, ed.default)
    fail(ed.problems)
    return env
