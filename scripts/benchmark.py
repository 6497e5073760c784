"""How much the hooks cost, on a synthetic corpus. Prints figures; asserts nothing.

    python scripts/benchmark.py [--pages 1000] [--terms 1000]

1. Builds a synthetic site (N pages per language, T glossary terms) twice, with and without
   the hooks, and prints the hooks' share of the build time.
2. Times the auto-linker alone as pages and terms grow tenfold.
3. Builds the real site without preview cards, then with cards from an empty cache (cold) and
   again with the cache filled (warm).
Targets (issue 4): hooks <= 10% of build time at 1,000 pages/lang x 1,000 terms; ten times the
terms costs <= 1.3x the linking time. Issue 13: a warm build with cards costs <= 1 s more than
a build without them.

    python scripts/benchmark.py --cards-only     # only part 3 (about a minute)
"""

from __future__ import annotations

import argparse
import os
import random
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from kb.autolink import Target, TermMatcher, link_first_occurrences  # noqa: E402

WORDS = ("policy network prevention resilience society violence community state institution region "
         "council report evidence funding local global program risk action dialogue media justice "
         "security rights peace crisis analysis partner support capacity conflict government").split()


def synthetic_terms(count: int, rng: random.Random) -> list[str]:
    """Distinct two- or three-word terms, each with its own invented first word."""
    terms = []
    for i in range(count):
        head = "".join(rng.choice("bcdfghjklmnprstvz") + rng.choice("aeiou") for _ in range(3)) + str(i)
        terms.append(" ".join([head] + rng.sample(WORDS, rng.choice((1, 2)))))
    return terms


def paragraph(rng: random.Random, terms: list[str], length: int = 90) -> str:
    words = [rng.choice(WORDS) for _ in range(length)]
    for _ in range(6):
        words.insert(rng.randrange(len(words)), rng.choice(terms))
    return " ".join(words).capitalize() + "."


def write_project(target: Path, pages: int, terms: list[str], rng: random.Random, with_hooks: bool) -> None:
    for folder in ("hooks", "kb", "overrides"):
        shutil.copytree(ROOT / folder, target / folder, ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copytree(ROOT / "docs" / "assets", target / "docs" / "assets")
    data = target / "data"
    data.mkdir()
    shutil.copy(ROOT / "data" / "interface.yml", data / "interface.yml")
    glossary = [{"slug": f"t{i}", "source": "site", "related": [],
                 "en": {"term": term, "definition": f"Definition {i}. More."},
                 "es": {"term": term, "definition": f"Definición {i}.", "rendering": "site", "translated_from": ""}}
                for i, term in enumerate(terms)]
    yaml.safe_dump(glossary, (data / "glossary.yml").open("w"), allow_unicode=True)
    block = lambda **kw: {"en": dict(kw), "es": {**kw, "translated_from": ""}}  # noqa: E731
    yaml.safe_dump([{"slug": "risk-a", "kind": "risk", **block(label="Risk A")},
                    {"slug": "res-a", "kind": "resilience", **block(label="Resilience A")}], (data / "factors.yml").open("w"))
    yaml.safe_dump([{"slug": "dim-a", "risks": ["risk-a"], "resiliencies": ["res-a"], **block(title="Dimension A", summary="Summary.")}],
                   (data / "dimensions.yml").open("w"))
    yaml.safe_dump([{"slug": "org-a", "type": "ngo", "scope": "global", **block(name="Organization Alpha", description="Does things.")}],
                   (data / "organizations.yml").open("w"))
    yaml.safe_dump([{"slug": "src-a", "kind": "report", "year": 2020, **block(title="A report", publisher="A publisher")}],
                   (data / "sources.yml").open("w"))
    (data / "editorial_notes.yml").write_text("[]\n")
    (data / "assumptions.yml").write_text("[]\n")
    docs = target / "docs"
    for lang_suffix in ("", ".es"):
        (docs / f"index{lang_suffix}.md").write_text("---\ndescription: Home\n---\n\n# Home\n\n" + paragraph(rng, terms) + "\n")
        (docs / f"glossary{lang_suffix}.md").write_text("---\ndescription: Glossary\n---\n\n# Glossary\n\n<!-- kb:glossary -->\n")
        for i in range(pages):
            folder = docs / f"section{i // 100}"
            folder.mkdir(exist_ok=True)
            body = "\n\n".join(f"## Part {j} {{ #part-{j} }}\n\n{paragraph(rng, terms)}\n\n{paragraph(rng, terms)}" for j in range(3))
            (folder / f"page{i}{lang_suffix}.md").write_text(f"---\ndescription: Page {i}\n---\n\n# Page {i}\n\n{body}\n")
    config = yaml.safe_load((ROOT / "mkdocs.yml").read_text().replace("!ENV", "").replace("[SITE_URL, ", "[").replace("[SITE_EDIT_URI, ", "[").replace("[BUILD_ONLY_LOCALE]", "null"))
    config.pop("nav", None)
    config["site_url"] = "http://127.0.0.1:8000/"
    config["edit_uri"] = ""
    config["strict"] = False
    config["validation"] = {"omitted_files": "info", "anchors": "info", "unrecognized_links": "info", "absolute_links": "relative_to_docs"}
    for plugin in config["plugins"]:
        if isinstance(plugin, dict) and "i18n" in plugin:
            plugin["i18n"]["build_only_locale"] = None
            plugin["i18n"]["languages"][1].pop("nav_translations", None)
    if not with_hooks:
        config.pop("hooks")
    (target / "mkdocs.yml").write_text(yaml.safe_dump(config, allow_unicode=True, sort_keys=False))


def timed_build(project: Path) -> tuple[float, float]:
    """(whole build, time inside the hooks' own event functions), in seconds, in a fresh process."""
    # Preview cards are measured on the real site (real_site_cards): here they would only add
    # drawing 2,000 synthetic cards to the hooks' share.
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "KB_PREVIEW_CARDS": "off"}
    start = time.perf_counter()
    result = subprocess.run([sys.executable, str(Path(__file__).resolve()), "--build-in-process", str(project)],
                            cwd=project, env=env, capture_output=True, text=True)
    elapsed = time.perf_counter() - start
    if result.returncode != 0:
        raise SystemExit(f"build failed in {project}:\n{result.stdout}\n{result.stderr}")
    return elapsed, float(result.stdout.strip().splitlines()[-1])


def build_in_process(project: Path) -> None:
    """Build like `mkdocs build`, timing every event function of our hooks (and what they call)."""
    import logging
    from mkdocs.commands.build import build
    from mkdocs.config import load_config
    logging.getLogger("mkdocs").setLevel(logging.ERROR)
    os.chdir(project)
    config = load_config(str(project / "mkdocs.yml"), site_dir=str(project / "site"))
    spent = [0.0]

    def timed(method):
        def wrapper(*args, **kwargs):
            start = time.perf_counter()
            try:
                return method(*args, **kwargs)
            finally:
                spent[0] += time.perf_counter() - start
        return wrapper

    hook_files = {str((project / "hooks" / name).resolve()) for name in os.listdir(project / "hooks")}
    for event, methods in config.plugins.events.items():
        config.plugins.events[event] = [timed(m) if getattr(getattr(m, "__code__", None), "co_filename", "") in hook_files else m
                                        for m in methods]
    config.plugins.run_event("startup", command="build", dirty=False)
    build(config)
    config.plugins.run_event("shutdown")
    print(spent[0])


def linking_time(pages: int, term_count: int, rng: random.Random) -> float:
    """Seconds to auto-link `pages` pages of HTML with `term_count` terms in the matcher."""
    terms = synthetic_terms(term_count, rng)
    used = terms[:100]  # pages mention the same 100 terms whatever the size of the glossary
    matcher = TermMatcher((term, f"t{i}") for i, term in enumerate(terms))
    targets = {f"t{i}": Target(f"t{i}", f"glossary/#t{i}", "Definition.", "kb-term") for i in range(term_count)}
    html_pages = ["".join(f"<h2>Part {j}</h2><p>{paragraph(rng, used)}</p><p>{paragraph(rng, used)}</p>" for j in range(3))
                  for _ in range(pages)]
    start = time.perf_counter()
    for html in html_pages:
        link_first_occurrences(html, matcher, targets, url_prefix="../../")
    return time.perf_counter() - start


def main() -> None:
    if len(sys.argv) == 3 and sys.argv[1] == "--build-in-process":
        return build_in_process(Path(sys.argv[2]))
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, default=1000, help="pages per language (default 1000)")
    parser.add_argument("--terms", type=int, default=1000, help="glossary terms (default 1000)")
    parser.add_argument("--cards-only", action="store_true", help="only the real site's build with and without cards")
    parser.add_argument("--runs", type=int, default=3, help="builds per measure for the real site (the fastest counts)")
    args = parser.parse_args()
    if args.cards_only:
        return real_site_cards(args.runs)
    rng = random.Random(2020)
    terms = synthetic_terms(args.terms, rng)

    print(f"Synthetic site: {args.pages} pages per language (x2 languages), {args.terms} glossary terms")
    times = {}
    with tempfile.TemporaryDirectory() as tmp:
        for with_hooks in (False, True):
            project = Path(tmp) / ("with" if with_hooks else "without")
            write_project(project, args.pages, terms, random.Random(7), with_hooks)
            times[with_hooks] = timed_build(project)
            print(f"  build {'with' if with_hooks else 'without'} hooks: {times[with_hooks][0]:7.1f} s")
    total_with, own = times[True]
    print(f"  time inside the hooks' own code: {own:7.1f} s = {own / total_with:.1%} of the build   (target <= 10%)")
    extra = (total_with - times[False][0]) / total_with
    print(f"  whole difference with/without hooks: {extra:.1%} of the build (adds rendering the generated "
          f"glossary of {args.terms} entries and indexing the auto-links for search)")

    print("Auto-linking alone (3 sections, ~600 words per page):")
    base = linking_time(100, 100, random.Random(1))
    for pages, term_count in ((100, 100), (1000, 100), (100, 1000), (100, 10000)):
        seconds = linking_time(pages, term_count, random.Random(1))
        print(f"  {pages:5d} pages x {term_count:5d} terms: {seconds * 1000:8.1f} ms  ({seconds / base:5.2f}x the 100 x 100 time)")
    ratio = linking_time(100, 1000, random.Random(1)) / linking_time(100, 100, random.Random(1))
    print(f"  ten times the terms (100 -> 1000) costs {ratio:.2f}x the linking time   (target <= 1.3x)")
    real_site_cards(args.runs)


def real_build(cache: Path, cards: bool) -> float:
    """Seconds for `mkdocs build --strict` of the real site, in a fresh process, cards on or off."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "KB_CARDS_CACHE": str(cache),
           "KB_PREVIEW_CARDS": "on" if cards else "off"}
    env.pop("BUILD_ONLY_LOCALE", None)
    with tempfile.TemporaryDirectory() as site:
        start = time.perf_counter()
        result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", site],
                                cwd=ROOT, env=env, capture_output=True, text=True)
        elapsed = time.perf_counter() - start
    if result.returncode != 0:
        raise SystemExit(f"the real site's build failed:\n{result.stdout}\n{result.stderr}")
    return elapsed


def real_site_cards(runs: int = 3) -> None:
    """The real site (both languages): without cards, cards drawn from scratch, cards from the cache."""
    print(f"Real site, both languages, preview cards (fastest of {runs} builds each):")
    with tempfile.TemporaryDirectory() as tmp:
        without = min(real_build(Path(tmp) / "unused", cards=False) for _ in range(runs))
        cold = min(real_build(Path(tmp) / f"cold{i}", cards=True) for i in range(runs))
        warm_cache = Path(tmp) / "warm"
        real_build(warm_cache, cards=True)              # fills the cache
        warm = min(real_build(warm_cache, cards=True) for _ in range(runs))
        count = len(list(warm_cache.glob("*.png")))
    print(f"  build without cards:               {without:6.2f} s")
    print(f"  build with cards, empty cache:     {cold:6.2f} s  ({cold - without:+.2f} s to draw {count} cards)")
    print(f"  build with cards, cache filled:    {warm:6.2f} s  ({warm - without:+.2f} s)   (target <= +1 s)")


if __name__ == "__main__":
    main()
