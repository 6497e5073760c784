"""Build the site with ProperDocs (a drop-in fork of MkDocs 1.6) and compare it with the MkDocs build.

Why: MkDocs 1.x is no longer developed; ProperDocs is the nearest way off it. This check keeps that
way open: the same mkdocs.yml, hooks and plugins must give the same pages with the same content.

ProperDocs lives in its own virtualenv (.properdocs-venv, or $PROPERDOCS_VENV), made from
requirements-properdocs.txt. It is never installed in .venv: its `properdocs` command redirects
every `import mkdocs...` to its own package, and the main build must keep running on MkDocs itself.

    python scripts/properdocs_check.py [MKDOCS_SITE_DIR]      (make properdocs)

Without MKDOCS_SITE_DIR it builds the MkDocs site too. Exit status 1 and a list when they differ.
"""

from __future__ import annotations

import hashlib
import io
import os
import re
import subprocess
import sys
import sysconfig
import tempfile
import zipfile
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
REQUIREMENTS = ROOT / "requirements-properdocs.txt"
GENERATOR = re.compile(r'<meta name="generator" content="[^"]*">')
ARTICLE = re.compile(r"<article\b.*?</article>", re.DOTALL)


def venv_dir() -> Path:
    return Path(os.environ.get("PROPERDOCS_VENV") or ROOT / ".properdocs-venv")


def ensure_venv() -> Path:
    """The ProperDocs virtualenv, made or updated when requirements-properdocs.txt (or requirements.txt) changes.

    It sees the running virtualenv's packages through a .pth file (the runtime pinned in
    requirements.txt, already installed), so pip installs only ProperDocs into it: no second copy
    of the whole runtime, which cost a fresh CI machine half a minute."""
    target = venv_dir()
    wanted = hashlib.sha256(REQUIREMENTS.read_bytes() + (ROOT / "requirements.txt").read_bytes()).hexdigest()
    stamp = target / ".requirements-sha256"
    if stamp.exists() and stamp.read_text().strip() == wanted and (target / "bin" / "properdocs").exists():
        return target
    if not (target / "bin" / "python").exists():
        venv.create(target, with_pip=False)
    site_packages = subprocess.run([str(target / "bin" / "python"), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
                                   capture_output=True, text=True, check=True).stdout.strip()
    (Path(site_packages) / "kb-runtime.pth").write_text(sysconfig.get_paths()["purelib"] + "\n", encoding="utf-8")
    subprocess.run([sys.executable, "-m", "pip", "--python", str(target / "bin" / "python"), "install", "--quiet",
                    "--disable-pip-version-check", "-r", str(REQUIREMENTS)], cwd=ROOT, check=True)
    stamp.write_text(wanted + "\n")
    return target


def build(command: list[str], site_dir: Path, env: dict | None = None) -> subprocess.CompletedProcess:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", **(env or {})}
    env.pop("BUILD_ONLY_LOCALE", None)
    return subprocess.run([*command, "build", "--strict", "-f", str(ROOT / "mkdocs.yml"), "--site-dir", str(site_dir)],
                          cwd=ROOT, env=env, capture_output=True, text=True, timeout=600)


def build_with_properdocs(site_dir: Path, env: dict | None = None) -> subprocess.CompletedProcess:
    return build([str(ensure_venv() / "bin" / "properdocs")], site_dir, env)


# The Data page lists each download's size; the offline copies hold every page, generator line
# included, so their sizes differ by a few bytes between the engines.
SIZE = re.compile(r'(<span class="kb-size" data-kb-size="[^"]+">)[^<]*(</span>)')


def differences(mkdocs_site: Path, properdocs_site: Path) -> list[str]:
    """What differs between the two builds: missing or extra files, and files whose content differs
    (for HTML pages: the <article>, i.e. the page's main content; for other files: every byte)."""
    def files(root: Path) -> set[str]:
        return {p.relative_to(root).as_posix() for p in root.rglob("*") if p.is_file() and not p.name.startswith(".")}

    ours, theirs = files(mkdocs_site), files(properdocs_site)
    found = [f"only in the MkDocs build: {f}" for f in sorted(ours - theirs)]
    found += [f"only in the ProperDocs build: {f}" for f in sorted(theirs - ours)]
    for name in sorted(ours & theirs):
        a, b = (mkdocs_site / name).read_bytes(), (properdocs_site / name).read_bytes()
        if a == b:
            continue
        if name.endswith(".zip"):      # the offline copies: the same pages, compared the same way
            found += [f"{name}: {d}" for d in zip_differences(a, b)]
        elif name.endswith(".html"):
            text_a, text_b = (SIZE.sub("", t.decode("utf-8")) for t in (a, b))
            if ARTICLE.findall(text_a) != ARTICLE.findall(text_b):
                found.append(f"main content differs: {name}")
            elif GENERATOR.sub("", text_a) != GENERATOR.sub("", text_b):
                found.append(f"page frame differs (not only the generator line): {name}")
        else:
            found.append(f"content differs: {name}")
    return found


def zip_differences(a: bytes, b: bytes) -> list[str]:
    """What differs between two zips of a built site: member names, then each member as above."""
    with zipfile.ZipFile(io.BytesIO(a)) as za, zipfile.ZipFile(io.BytesIO(b)) as zb:
        if za.namelist() != zb.namelist():
            return ["different files"]
        with tempfile.TemporaryDirectory() as tmp:
            za.extractall(Path(tmp) / "a")
            zb.extractall(Path(tmp) / "b")
            return differences(Path(tmp) / "a", Path(tmp) / "b")


def main(argv: list[str]) -> int:
    with tempfile.TemporaryDirectory() as tmp:
        mkdocs_site = Path(argv[0]) if argv else Path(tmp) / "mkdocs"
        if not argv:
            result = build([sys.executable, "-m", "mkdocs"], mkdocs_site)
            if result.returncode:
                print(result.stderr, file=sys.stderr)
                return 1
        properdocs_site = Path(tmp) / "properdocs"
        result = build_with_properdocs(properdocs_site)
        if result.returncode:
            print("ProperDocs could not build the site:\n" + result.stderr, file=sys.stderr)
            return 1
        found = differences(mkdocs_site, properdocs_site)
    for line in found:
        print(line)
    print("ProperDocs and MkDocs build the same site." if not found else f"{len(found)} differences.")
    return 1 if found else 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
