"""Mistakes at the level of the repository's files, as table rows against the kb functions that
refuse them: each row says which file and line the message names and what fix it offers, and
that the contributor sees a message, never a traceback."""

from __future__ import annotations

import sys
import unicodedata
from pathlib import Path

import pytest

from kb.problems import KnowledgeError
from kb.repository_files import check_conflict_markers, check_file_names, check_repository_files

ROOT = Path(__file__).resolve().parent.parent.parent


def one(problems, file, line, *words):
    """The single problem of a row, with its file, line and the words its message or fix must say."""
    assert len(problems) == 1, problems
    problem = problems[0]
    assert (problem.file, problem.line) == (file, line)
    text = f"{problem.message} {problem.fix}"
    for word in words:
        assert word in text, (word, text)
    assert "Traceback" not in KnowledgeError(problems).report()
    return problem


# --- merge-conflict markers ------------------------------------------------------------------
CONFLICTS = [
    # (file, text, lines named)
    ("docs/about.md", "# About\n\n<<<<<<< HEAD\nOld text.\n=======\nNew text.\n>>>>>>> branch\n", [3, 5, 7]),
    ("docs/about.es.md", "# Sobre\n<<<<<<< HEAD\nTexto.\n", [2]),
    ("data/glossary.yml", "- slug: genocide\n>>>>>>> 3f2a1c9 (rename)\n", [2]),
    ("docs/x.md", "intro\n<<<<<<<\nA\n=======\nB\n>>>>>>>\n", [2, 4, 6]),
]


@pytest.mark.parametrize("file, text, lines", CONFLICTS)
def test_conflict_markers_are_refused_with_their_lines(file, text, lines):
    problems = check_conflict_markers(text, file)
    assert [p.line for p in problems] == lines
    assert all(p.file == file and "merge-conflict marker" in p.message and "delete the marker lines" in p.fix
               for p in problems)


@pytest.mark.parametrize("text", [
    "Title\n=======\n\nA heading underlined in the setext way.\n",   # seven '=' alone: a heading
    "> quoted\n>> deeper\n",
    "a <<<<<<< inside a line is text\n",
    "<<<<<<<< eight is not a marker\n",
])
def test_text_that_only_looks_like_a_marker_passes(text):
    assert check_conflict_markers(text, "docs/about.md") == []


def test_conflict_markers_stop_make_check_and_the_build_with_the_file_and_line(tmp_path, monkeypatch):
    for folder in ("data", "docs"):
        (tmp_path / folder).mkdir()
    (tmp_path / "docs" / "about.md").write_text("# About\n\n<<<<<<< HEAD\nA\n=======\nB\n>>>>>>> main\n",
                                                encoding="utf-8")
    problems = check_repository_files(tmp_path)
    assert [(p.file, p.line) for p in problems] == [("docs/about.md", 3), ("docs/about.md", 5), ("docs/about.md", 7)]
    sys.path.insert(0, str(ROOT / "scripts"))
    import check
    found, checked = check.find_problems(tmp_path)
    assert [(p.file, p.line) for p in found] == [("docs/about.md", 3), ("docs/about.md", 5), ("docs/about.md", 7)]
    assert checked == "the files of docs/ and data/"


# --- file names --------------------------------------------------------------------------------
NFD = unicodedata.normalize("NFD", "docs/programación.md")
FILE_NAMES = [
    # (names, file named, words the message and fix must have)
    ([NFD], NFD, ["NFC", "U+0301 COMBINING ACUTE ACCENT", "programación.md"]),
    (["docs/about.md", "docs/About.md"], "docs/about.md", ["docs/About.md", "only in case", "rename"]),
    (["docs/about.md", "docs/ABOUT.es.md", "docs/about.es.md"], "docs/about.es.md", ["docs/ABOUT.es.md"]),
    (["docs/state of the field.md"], "docs/state of the field.md",
     ["U+0020 SPACE", "docs/state-of-the-field.md"]),
    (["docs/tab\tname.md"], "docs/tab\tname.md", ["U+0009", "docs/tab-name.md"]),
    (["docs/\u0430bout.md"], "docs/\u0430bout.md", ["CYRILLIC and LATIN", "U+0430 CYRILLIC SMALL LETTER A",
                                                     "Latin letters only"]),
    (["data/gl\u03bfssary.yml"], "data/gl\u03bfssary.yml", ["GREEK and LATIN", "U+03BF GREEK SMALL LETTER OMICRON"]),
]


@pytest.mark.parametrize("names, file, words", FILE_NAMES)
def test_misleading_file_names_are_refused_with_the_code_points(names, file, words):
    one(check_file_names(names), file, 0, *words)


def test_an_nfd_twin_of_an_nfc_name_is_both_not_nfc_and_a_duplicate():
    nfc = "docs/programación.md"
    problems = check_file_names([nfc, NFD])
    assert sorted((p.file, "NFC" in p.message, "only in case" in p.message) for p in problems) == [
        (NFD, True, False), (nfc, False, True)]


@pytest.mark.parametrize("names", [
    ["docs/about.md", "docs/about.es.md", "docs/assets/site.css", "data/glossary.yml"],
    ["docs/programación.md"],                         # NFC accents are Latin letters
    ["docs/assumptions/labels.md", "docs/labels.md"],  # the same name in two folders is fine
])
def test_plain_names_pass(names):
    assert check_file_names(names) == []


def test_the_real_repository_has_no_file_level_mistakes():
    assert check_repository_files(ROOT) == []


def test_a_misleading_name_on_disk_stops_make_check(tmp_path):
    for folder in ("data", "docs"):
        (tmp_path / folder).mkdir()
    (tmp_path / "docs" / "about.md").write_text("# About\n", encoding="utf-8")
    (tmp_path / "docs" / "my page.md").write_text("# Mine\n", encoding="utf-8")
    sys.path.insert(0, str(ROOT / "scripts"))
    import check
    found, _ = check.find_problems(tmp_path)
    one(found, "docs/my page.md", 0, "U+0020 SPACE", "docs/my-page.md")


# --- mkdocs.yml ----------------------------------------------------------------------------------
from kb.config_guard import (MARKDOWN_EXTENSIONS, PLUGINS, check_config, check_config_file,  # noqa: E402
                             read_config, repository_host)

REAL_CONFIG = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")


def guarded(tmp_path, text: str) -> list:
    """The guard on a mkdocs.yml holding `text`, read as the build reads it."""
    (tmp_path / "mkdocs.yml").write_text(text, encoding="utf-8")
    return check_config_file(tmp_path / "mkdocs.yml", {})


def with_extension(entry: str) -> str:
    return REAL_CONFIG.replace("  - pymdownx.superfences\n", "  - pymdownx.superfences\n" + entry, 1)


def line_holding(text: str, needle: str) -> int:
    return next(n for n, line in enumerate(text.splitlines(), start=1) if needle in line)


MKDOCS_MISTAKES = [
    # (the changed mkdocs.yml, the line's text, the entry, words the message and fix must say)
    (with_extension("  - pymdownx.snippets:\n      base_path: [/etc]\n      check_paths: true\n"), "base_path: [/etc]",
     "pymdownx.snippets", ["outside the repository", "docs/snippets"]),
    (with_extension("  - pymdownx.snippets:\n      base_path: ../..\n      check_paths: true\n"), "base_path: ../..",
     "pymdownx.snippets", ["'../..'", "outside the repository"]),
    (with_extension("  - pymdownx.snippets:\n      base_path: docs\n"), "- pymdownx.snippets",
     "pymdownx.snippets", ["check_paths: true"]),
    (with_extension("  - pymdownx.snippets:\n      base_path: docs\n      check_paths: true\n      url_download: true\n"),
     "url_download: true", "pymdownx.snippets", ["downloads nothing"]),
    (with_extension("  - pymdownx.snippets:\n      base_path: docs\n      check_paths: true\n      restrict_base_path: false\n"),
     "restrict_base_path: false", "pymdownx.snippets", ["'../'"]),
    (with_extension("  - pymdownx.emoji:\n      emoji_index: !!python/name:os.system\n"), "!!python/name:os.system",
     "markdown_extensions[10].pymdownx.emoji.emoji_index", ["Python code", "kb/ and hooks/"]),
    (with_extension("  - pymdownx.tasklist\n"), "- pymdownx.tasklist", "pymdownx.tasklist",
     ["not one the site is checked with", "MARKDOWN_EXTENSIONS in kb/config_guard.py"]),
    (REAL_CONFIG.replace("  - search:\n", "  - macros\n  - search:\n", 1), "- macros", "macros",
     ["plugin 'macros'", "not one the site is checked with", "PLUGINS in kb/config_guard.py"]),
    (REAL_CONFIG.replace("  - hooks/security.py", "  - docs/assets/build.py", 1), "- docs/assets/build.py", "hooks",
     ["outside hooks/", "move the code there"]),
    (REAL_CONFIG.replace("strict: true\n", "strict: true\ndocs_dir: /etc\n", 1), "docs_dir: /etc", "docs_dir",
     ["outside the repository", "remove the docs_dir line"]),
    (REAL_CONFIG.replace("strict: true\n", "strict: true\nsite_dir: ../../var/www\n", 1), "site_dir:", "site_dir",
     ["outside the repository"]),
    (REAL_CONFIG.replace("custom_dir: overrides", "custom_dir: docs/assets", 1), "custom_dir: docs/assets",
     "theme.custom_dir", ["not overrides/", "custom_dir: overrides"]),
    (REAL_CONFIG.replace("  - assets/edition.js\n", "  - assets/edition.js\n  - https://evil.example/x.js\n", 1),
     "- https://evil.example/x.js", "extra_javascript", ["not a file of the site", "no https:, // or .."]),
    (REAL_CONFIG.replace("  - assets/site.css\n", "  - assets/site.css\n  - //evil.example/x.css\n", 1),
     "- //evil.example/x.css", "extra_css", ["not a file of the site"]),
    (REAL_CONFIG.replace('edit_uri: !ENV [SITE_EDIT_URI, ""]', "edit_uri: https://evil.example/edit/", 1),
     "edit_uri: https://evil.example", "edit_uri", ["evil.example", "not to the repository's host github.com",
                                                    "https://github.com/ORG/REPO"]),
    (REAL_CONFIG.replace("strict: true\n", "repo_url: http://github.com.evil.example/x\nstrict: true\n", 1),
     "repo_url:", "repo_url", ["github.com.evil.example", "https://github.com/ORG/REPO"]),
    (REAL_CONFIG.replace('report_repo_url: !ENV [SITE_REPO_URL, ""]', "report_repo_url: https://gitlab.example/x", 1),
     "report_repo_url:", "extra.report_repo_url", ["gitlab.example", "Report a problem", "SITE_REPO_URL"]),
    (REAL_CONFIG.replace("  (September 2020).", "  (September 2020).<script>alert(1)</script>", 1),
     "copyright: >-", "copyright", ["the element <script>", "credit link"]),
    (REAL_CONFIG.replace('<a class="kb-external kb-credit" href="https://stanleycenter',
                         '<a onmouseover="alert(1)" href="https://stanleycenter', 1),
     "copyright: >-", "copyright", ["the attribute onmouseover= on <a>"]),
    (REAL_CONFIG.replace('href="https://stanleycenter.org/publications/strategy-mass-violence-prevention/"><cite>Strategy',
                         'href="javascript:alert(1)"><cite>Strategy', 1),
     "copyright: >-", "copyright", ["only https:// addresses", "javascript:"]),
    (REAL_CONFIG.replace("(septiembre de 2020).", "(septiembre de 2020).<style>body{display:none}</style>", 1),
     "          copyright: >-", "plugins.i18n.es.copyright", ["the element <style>"]),
    (REAL_CONFIG.replace("  generator: false", "  generator: false\n  status:\n    new: '\"><img src=x onerror=alert(1)>'", 1),
     "new: '", "extra.status.new", ["markup", "plain text"]),
]


@pytest.mark.parametrize("text, line_text, entry, words", MKDOCS_MISTAKES, ids=[row[2] + "-" + row[1][:30]
                                                                              for row in MKDOCS_MISTAKES])
def test_a_dangerous_mkdocs_yml_is_refused_with_its_line_and_fix(tmp_path, text, line_text, entry, words):
    problems = guarded(tmp_path, text)
    # an extension the site does not use is also named as such: the row is about the other message
    unknown = "not one the site is checked with"
    about_the_row = [p for p in problems if p.entry == entry and (unknown in " ".join(words) or unknown not in p.message)]
    one(about_the_row, "mkdocs.yml", line_holding(text, line_text), *words)


def test_every_problem_of_one_change_is_named_at_once(tmp_path):
    text = with_extension("  - pymdownx.snippets:\n      base_path: /\n")
    found = sorted((p.line, p.message.split(" with")[0].split(" reads")[0][:40]) for p in guarded(tmp_path, text))
    extension = line_holding(text, "- pymdownx.snippets")
    assert found == [(extension, "pymdownx.snippets"), (extension, "the Markdown extension 'pymdownx.snippet"),
                     (line_holding(text, "base_path: /"), "pymdownx.snippets")]


def test_todays_mkdocs_yml_passes_and_the_allow_lists_are_exactly_what_it_uses():
    config, text, problems = read_config(ROOT / "mkdocs.yml")
    assert problems == [] and check_config(config, text, "github.com", ROOT) == []
    used = {next(iter(e)) if isinstance(e, dict) else e for e in config["markdown_extensions"]}
    assert used == set(MARKDOWN_EXTENSIONS)
    assert {next(iter(p)) if isinstance(p, dict) else p for p in config["plugins"]} == set(PLUGINS)


def test_the_workflow_addresses_pass_and_the_host_follows_github_actions(tmp_path, monkeypatch):
    monkeypatch.setenv("SITE_EDIT_URI", "https://github.com/ORG/REPO/edit/main/docs/")
    monkeypatch.setenv("SITE_REPO_URL", "https://github.com/ORG/REPO")
    (tmp_path / "mkdocs.yml").write_text(REAL_CONFIG, encoding="utf-8")
    assert check_config_file(tmp_path / "mkdocs.yml") == []
    assert repository_host({"GITHUB_SERVER_URL": "https://git.example.org"}) == "git.example.org"
    assert repository_host({}) == "github.com"
    problems = check_config_file(tmp_path / "mkdocs.yml", {"GITHUB_SERVER_URL": "https://git.example.org"})
    assert {p.entry for p in problems} == {"edit_uri", "extra.report_repo_url"}


def test_a_mkdocs_yml_yaml_cannot_read_is_one_message_with_its_line(tmp_path):
    one(guarded(tmp_path, "site_name: x\nnav:\n  - a: [\n"), "mkdocs.yml", 4, "YAML cannot read")


def test_make_check_runs_the_guard(tmp_path):
    for folder in ("data", "docs"):
        (tmp_path / folder).mkdir()
    (tmp_path / "mkdocs.yml").write_text(with_extension("  - pymdownx.tasklist\n"), encoding="utf-8")
    sys.path.insert(0, str(ROOT / "scripts"))
    import check
    found, _ = check.find_problems(tmp_path)
    assert any(p.file == "mkdocs.yml" and p.entry == "pymdownx.tasklist" for p in found)


# --- pages that a change deletes or renames ------------------------------------------------------
from kb.published import lost_pages, published_warnings  # noqa: E402

LOST_PAGES = [
    # (published pages, current pages, file named, line, words)
    (["about.md", "glossary.md"], ["glossary.md"], "docs/about.md", 0, ["'docs/about.md' is published (origin/main)",
                                                                        "/about/ and /es/about/", "keep the file's name"]),
    (["about.md", "glossary.md"], ["about-the-paper.md", "glossary.md"], "docs/about-the-paper.md", 1,
     ["renamed to 'docs/about-the-paper.md'?", "/about/ and /es/about/"]),
    (["assumptions/labels.md"], ["labels.md"], "docs/labels.md", 1, ["renamed to 'docs/labels.md'?",
                                                                     "/assumptions/labels/"]),
    (["about.md", "about.es.md"], ["about.md"], "docs/about.es.md", 0, ["/es/about/ would get the English page"]),
    (["index.md"], [], "docs/index.md", 0, ["links to / and /es/ from other sites"]),
]


@pytest.mark.parametrize("published, current, file, line, words", LOST_PAGES)
def test_a_deleted_or_renamed_page_is_warned_about_with_its_addresses(published, current, file, line, words):
    one(lost_pages(published, current, "origin/main"), file, line, *words)


def test_kept_and_added_pages_are_fine():
    assert lost_pages(["about.md", "about.es.md"], ["about.md", "about.es.md", "new.md"], "origin/main") == []


def test_pages_are_compared_with_the_published_branch_of_the_clone(tmp_path):
    from published_clone import published_clone
    _, clone = published_clone(tmp_path, {f"docs/{name}": "# Page\n" for name in ("about.md", "about.es.md", "glossary.md")})
    assert published_warnings(clone) == []
    (clone / "docs" / "about.md").rename(clone / "docs" / "about-us.md")
    one(published_warnings(clone), "docs/about-us.md", 1, "'docs/about.md' is published (origin/main)",
        "renamed to 'docs/about-us.md'?")


# --- make stamp on a Spanish page nobody touched -------------------------------------------------
def stamp_project(tmp_path) -> Path:
    """A clone-like folder: data/ and two page pairs committed, then the English pages changed."""
    import shutil
    import subprocess
    shutil.copytree(ROOT / "data", tmp_path / "data")
    (tmp_path / "docs").mkdir()
    for name in ("about.md", "about.es.md", "programming.md", "programming.es.md"):
        shutil.copy(ROOT / "docs" / name, tmp_path / "docs" / name)
    for args in (["init", "-q"], ["add", "-A"], ["commit", "-q", "-m", "start"]):
        subprocess.run(["git", "-c", "user.name=t", "-c", "user.email=t@example.org", *args], cwd=tmp_path,
                       check=True, capture_output=True)
    for name in ("about.md", "programming.md"):
        page = tmp_path / "docs" / name
        page.write_text(page.read_text(encoding="utf-8") + "\nOne new sentence.\n", encoding="utf-8")
    return tmp_path


def test_make_stamp_refuses_spanish_pages_unchanged_since_head(tmp_path, capsys):
    from kb.stamp import main
    project = stamp_project(tmp_path)
    before = {p.name: p.read_text(encoding="utf-8") for p in (project / "docs").glob("*.es.md")}
    assert main(["docs/about.es.md", "docs/programming.es.md"], project) == 2
    err = capsys.readouterr().err
    assert "- docs/about.es.md: this Spanish page is the same as in the last commit (HEAD)" in err
    assert "docs/programming.es.md" in err and 'make stamp FILES="--force docs/about.es.md"' in err
    assert "Nothing was stamped" in err and "Traceback" not in err
    assert {p.name: p.read_text(encoding="utf-8") for p in (project / "docs").glob("*.es.md")} == before


def test_make_stamp_stamps_a_spanish_page_someone_changed_and_a_forced_one(tmp_path, capsys):
    from kb.stamp import main
    project = stamp_project(tmp_path)
    spanish = project / "docs" / "about.es.md"
    spanish.write_text(spanish.read_text(encoding="utf-8") + "\nUna oración nueva.\n", encoding="utf-8")
    assert main(["docs/about.es.md"], project) == 0
    assert "stamped docs/about.es.md" in capsys.readouterr().out
    assert main(["--force", "docs/programming.es.md"], project) == 0
    assert "stamped docs/programming.es.md" in capsys.readouterr().out


def test_make_stamp_outside_git_stamps_as_before(tmp_path, capsys):
    import shutil
    from kb.stamp import main
    shutil.copytree(ROOT / "data", tmp_path / "data")
    (tmp_path / "docs").mkdir()
    for name in ("about.md", "about.es.md"):
        shutil.copy(ROOT / "docs" / name, tmp_path / "docs" / name)
    (tmp_path / "docs" / "about.md").write_text("# Changed\n", encoding="utf-8")
    assert main(["docs/about.es.md"], tmp_path) == 0


# --- page text in NFD (an accent stored as its own character) --------------------------------------
from kb.pages import page_text, read_sources  # noqa: E402


def spanish_linker():
    from kb.build import build_linker
    from kb.knowledge import load_knowledge
    return build_linker(load_knowledge(ROOT / "data"), "es", "en")


@pytest.mark.parametrize("phrase", ["crímenes de guerra", "prevención temprana"])
def test_nfd_page_text_still_gets_its_auto_links(phrase):
    from kb.autolink import link_first_occurrences
    matcher, targets, _ = spanish_linker()
    nfc = f"<p>Hablamos de {phrase} aquí.</p>"
    nfd = unicodedata.normalize("NFD", nfc)
    assert nfd != nfc
    linked_nfc, keys_nfc = link_first_occurrences(nfc, matcher, targets, url_prefix="../")
    linked_nfd, keys_nfd = link_first_occurrences(nfd, matcher, targets, url_prefix="../")
    assert keys_nfc and keys_nfd == keys_nfc and linked_nfd == linked_nfc and "<a " in linked_nfd


def test_pages_are_read_in_nfc_for_the_checks(tmp_path):
    (tmp_path / "about.es.md").write_text(unicodedata.normalize("NFD", "# Sobre el documento\n\nPrevención.\n"),
                                          encoding="utf-8")
    assert read_sources(tmp_path) == {"about.es.md": "# Sobre el documento\n\nPrevención.\n"}
    assert page_text("e\u0301") == "\u00e9"


@pytest.mark.parametrize("text", [
    "markdown_extensions: {abbr: {}}\n", "markdown_extensions: [[a]]\n", "plugins: {i18n: {languages: 3}}\n",
    "plugins: [{i18n: {languages: [3, {copyright: 5}]}}]\n", "hooks: [3, {a: b}]\n", "extra: [1]\n", "theme: material\n",
    "extra_javascript: [{path: x.js}, 3]\n", "copyright: [a]\n", "repo_url: 5\n", "edit_uri: 'http://[::1'\n", "- a\n",
    "docs_dir: [x]\n", "theme: {custom_dir: [a]}\n", "markdown_extensions: [{pymdownx.snippets: {base_path: 5}}]\n",
    "markdown_extensions: [{pymdownx.snippets: [1]}]\n", "extra: {report_repo_url: 'http://[x'}\n", "",
])
def test_a_malformed_mkdocs_yml_gives_messages_not_a_traceback(tmp_path, text):
    for problem in guarded(tmp_path, text):
        assert problem.file == "mkdocs.yml" and problem.fix


def test_a_mkdocs_yml_that_is_not_utf8_is_one_message(tmp_path):
    (tmp_path / "mkdocs.yml").write_bytes(b"site_name: caf\xe9\n")
    one(check_config_file(tmp_path / "mkdocs.yml", {}), "mkdocs.yml", 0, "not UTF-8", "save it again as UTF-8")
