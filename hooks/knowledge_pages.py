"""Generated pages and markers, from data/. A thin adapter: the work is done in ../kb."""

from __future__ import annotations

import re
from pathlib import Path

from _shared import (default_language, fail, i18n, knowledge, lang_state, language,
                     relative_url, reset_state, site_path)
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File
from mkdocs.utils.meta import get_data

from kb.context import RenderContext
from kb.dimension_pages import dimension_path, render_dimension_page
from kb.front_matter import check_front_matter
from kb.page_checks import check_headings, check_links, heading_ids
from kb.markers import expand_markers
from kb.problems import Problem
from kb.reference_pages import AssumptionPage, render_assumption_dimensions
from kb.status_page import PageTranslation, render_status
from kb.translation import page_status

STATUS_MARKER = "<!-- kb:translation-status -->"


def on_pre_build(config):
    st = reset_state(config)
    st["problems"] = []
    st["notes_shown"] = {}
    st["knowledge"] = knowledge(also_report=lambda: check_pages(read_sources(Path(config["docs_dir"])), None))


@event_priority(-200)  # after static-i18n's on_files (-100), which would drop in-memory files
def on_files(files, config):
    st = lang_state(config)
    lang, default = language(config), default_language(config)
    docs = Path(config["docs_dir"])
    st["sources"] = read_sources(docs)   # every page's Markdown, read once for all that follows
    if lang == default:  # every page checked once: the other languages build only if this passes
        st["problems"] += check_pages(st["sources"], st["knowledge"])
    st["titles"] = read_titles(st["sources"], lang, default)
    st["assumptions"] = read_assumptions(st["sources"], lang, default, st["titles"])
    st["page_translations"] = read_page_translations(st["sources"])
    st["generated"] = set()
    plugin = i18n(config)
    new_files = []
    for slug in st["knowledge"].dimensions:
        path = dimension_path(slug)
        content = render_dimension_page(context(config, site_path(path, lang, default)), slug)
        new_files.append(generated_file(config, plugin, path, content, lang, default))
        st["generated"].add(path)
    for f in new_files:
        files.append(f)
    plugin.i18n_files_per_language.setdefault(lang, []).extend(new_files)  # -> sitemap.xml
    return files


def read_sources(docs: Path) -> dict[str, str]:
    """Every page's Markdown by its path inside docs/ ("about.es.md")."""
    return {p.relative_to(docs).as_posix(): p.read_text(encoding="utf-8") for p in sorted(docs.rglob("*.md"))}


def localized_path(english_path: str, lang: str, default: str, sources: dict[str, str]) -> str:
    """The page's file in the edition's language, or the English one when there is no translation."""
    localized = english_path[:-3] + f".{lang}.md"
    return localized if lang != default and localized in sources else english_path


def check_pages(sources: dict[str, str], k) -> list[Problem]:
    """Front matter, headings and links of every page, with the line and the fix for each problem.

    `k` is None when the data itself could not be loaded: the checks that need it are skipped.
    """
    english = {path: text for path, text in sources.items() if path.count(".") == 1}
    dimensions = list(k.dimensions) if k else []
    pages = set(english) | {dimension_path(slug) for slug in dimensions}
    anchors = known_anchors(english, k) if k else {}
    problems = []
    for path, text in sources.items():
        name = f"docs/{path}"
        english_path = re.sub(r"\.[a-z]{2}\.md$", ".md", path)
        problems += check_front_matter(text, name, dimensions)
        twin = english.get(english_path) if path != english_path else None
        problems += check_headings(text, name, heading_ids(twin) if twin is not None else None)
        links = check_links(text, name, english_path, pages, anchors)
        if not k:   # generated pages are unknown without the data: keep only certain problems
            links = [p for p in links if "/dimensions/" not in p.message]
        problems += links
    return problems


def known_anchors(english: dict[str, str], k) -> dict[str, set[str]]:
    """Ids each page is known to have: its headings, its attribute ids, and what its markers add."""
    from_markers = {
        "kb:glossary": set(k.glossary), "kb:factors": set(k.factors) | {"risk-factors", "resilience-factors"},
        "kb:organizations": set(k.organizations) | {f"type-{o.type}" for o in k.organizations.values()},
        "kb:sources-list": set(k.sources) | {f"kind-{s.kind}" for s in k.sources.values()},
        "kb:notes-list": set(k.notes), "kb:dimensions-list": set(k.dimensions),
        "kb:translation-status": {"summary", "gaps"},
    }
    anchors = {}
    for path, text in english.items():
        ids = set(heading_ids(text)) | set(re.findall(r'(?:\{\s*#|\bid=")([A-Za-z0-9_-]+)', text))
        for marker, extra in from_markers.items():
            if marker in text:
                ids |= extra
        if "kb:glossary" in text:
            ids |= {"letter-" + c for c in "abcdefghijklmnopqrstuvwxyz"} | {"letter-enye", "letter-other"}
        if "[^" in text:      # footnotes: MkDocs checks their anchors itself
            continue
        if path == "assumptions/index.md":
            count = sum(1 for p in english if p.startswith("assumptions/") and p != path)
            ids |= {f"assumption-{n}" for n in range(1, count + 1)}
        anchors[path] = ids
    for slug in k.dimensions:
        anchors[dimension_path(slug)] = {"risks", "resiliencies", "assumptions", "about-this-page"}
    return anchors


def generated_file(config, plugin, path: str, content: str, lang: str, default: str) -> File:
    """An in-memory page with the bookkeeping static-i18n expects (stack.md, section 3.2)."""
    def dest(for_lang: str) -> str:
        return ("" if for_lang == default else f"{for_lang}/") + path[:-3] + "/index.html"

    page_file = File.generated(config, path, content=content)
    page_file.dest_uri = dest(lang)
    page_file.locale = page_file.locale_alternate_of = lang
    page_file.localization = None if lang == default else lang
    page_file.norm_src_uri = page_file.src_uri
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
    st = lang_state(config)
    overview = next((p for p in nav.pages if p.file.src_uri.startswith("dimensions/index.")), None)
    generated = [f.page for f in files if f.src_uri in st["generated"] and f.page is not None]
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


def on_page_markdown(markdown, page, config, files):
    st = lang_state(config)
    src = page.file.src_uri
    if src in st["generated"]:
        page.edit_url = edit_href(config, "data/dimensions.yml") or None
        return markdown
    english_path = re.sub(r"\.[a-z]{2}\.md$", ".md", src)
    ctx = context(config, page.url)
    if STATUS_MARKER in markdown:
        markdown = markdown.replace(STATUS_MARKER, render_status(ctx, st["page_translations"]))
    expanded, problems, notes = expand_markers(markdown, ctx, src, line_offset=front_matter_lines(st["sources"], src))
    st["problems"] += problems
    st["notes_shown"].setdefault(english_path, []).extend(notes)
    assumption = next((a for a in st["assumptions"] if a.path == english_path), None)
    if assumption:
        expanded = insert_before_related(expanded, render_assumption_dimensions(ctx, assumption))
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
    st = lang_state(config)
    lang, default = language(config), default_language(config)
    k = st["knowledge"]
    pages = {f.src_uri for f in files.documentation_pages()}
    for slug, note in k.notes.items():
        line = k.lines.get(("data/editorial_notes.yml", slug), 0)
        localized = note.page if lang == default else note.page[:-3] + f".{lang}.md"
        if note.page not in pages and localized not in pages:
            st["problems"].append(Problem("data/editorial_notes.yml", line, slug, f"the page '{note.page}' does not exist",
                                          "write the path of a page inside docs/, e.g. assumptions/evidence.md"))
        elif slug not in st["notes_shown"].get(note.page, []):
            shown = localized if localized in pages else note.page
            st["problems"].append(Problem(f"docs/{shown}", 0, slug, f"the editorial note '{slug}' is not shown on this page",
                                          f"add the line <!-- kb:note {slug} --> after the paragraph it comments on"))
    fail(st["problems"])
    return env


def context(config, page_url: str) -> RenderContext:
    st = lang_state(config)
    lang, default = language(config), default_language(config)
    other = next(l for l in i18n(config).build_languages + ["en", "es"] if l != lang)

    def other_language_href(path: str, anchor: str = "") -> str:
        target = site_path(path, other, default) + (f"#{anchor}" if anchor else "")
        return relative_url(target, page_url)

    def same_language_href(path: str, anchor: str = "") -> str:
        return relative_url(site_path(path, lang, default) + (f"#{anchor}" if anchor else ""), page_url)

    return RenderContext(knowledge=st["knowledge"], lang=lang, other_language_href=other_language_href,
                         same_language_href=same_language_href,
                         edit_href=lambda path: edit_href(config, path), assumptions=st.get("assumptions", []),
                         page_titles=st.get("titles", {}))


def edit_href(config, repo_path: str) -> str:
    """Edit link for any file in the repository, derived from the absolute edit_uri (…/edit/main/docs/)."""
    edit_uri = config.get("edit_uri") or ""
    if not edit_uri.startswith("http"):
        return ""
    root = edit_uri[: -len("docs/")] if edit_uri.endswith("docs/") else edit_uri
    return root + repo_path


def read_assumptions(sources: dict[str, str], lang: str, default: str, titles: dict[str, str]) -> list[AssumptionPage]:
    """Number, title, description and dimensions of each assumption page, in the edition's language."""
    found = []
    for path, text in sources.items():
        if not path.startswith("assumptions/") or path.count(".") > 1 or path == "assumptions/index.md":
            continue
        meta = get_data(text)[1]
        if "assumption" not in meta:
            continue
        local_meta = get_data(sources[localized_path(path, lang, default, sources)])[1]
        found.append(AssumptionPage(number=int(meta["assumption"]), path=path, title=titles.get(path, path),
                                    description=str(local_meta.get("description", meta.get("description", ""))),
                                    dimensions=tuple(meta.get("dimensions") or ())))
    return sorted(found, key=lambda a: a.number)


def read_titles(sources: dict[str, str], lang: str, default: str) -> dict[str, str]:
    """Each page's title (its H1) in the edition's language, by English docs path."""
    titles = {}
    for path in (p for p in sources if p.count(".") == 1):
        body = get_data(sources[localized_path(path, lang, default, sources)])[0]
        heading = next((line[2:].strip() for line in body.splitlines() if line.startswith("# ")), None)
        if heading:
            titles[path] = heading
    return titles


def read_page_translations(sources: dict[str, str]) -> list[PageTranslation]:
    result = []
    for path in (p for p in sources if p.count(".") == 1):
        spanish = path[:-3] + ".es.md"
        spanish_meta = get_data(sources[spanish])[1] if spanish in sources else None
        result.append(PageTranslation(path, spanish, page_status(sources[path], spanish_meta)))
    return result


def front_matter_lines(sources: dict[str, str], src_uri: str) -> int:
    match = re.match(r"\A---\s*\n.*?\n---\s*\n", sources.get(src_uri, ""), re.DOTALL)
    return match.group(0).count("\n") if match else 0


def insert_before_related(markdown: str, section: str) -> str:
    if not section:
        return markdown
    match = re.search(r"^## .*\{\s*#related\s*\}", markdown, re.MULTILINE)
    if not match:
        return markdown.rstrip() + "\n\n" + section
    return markdown[: match.start()] + section + "\n" + markdown[match.start():]
