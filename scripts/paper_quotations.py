"""Write the hashes of the site's quotations that the paper contains, word for word:
scripts/paper_quotations.py PAPER.md > tests/fixtures/paper-quotations.txt

Run it after adding or correcting a quotation of the paper; it prints (on stderr) the quotations
it could not find in the paper, which the tests will then report until they are corrected or, if
they quote another text, listed with that text in tests/fixtures/other-quotations.yml.
"""

import sys
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
from kb.quotations import in_text, pieces, quote_hash, site_quotations  # noqa: E402


def data_files() -> dict:
    return {p.name: yaml.safe_load(p.read_text(encoding="utf-8")) or []
            for p in sorted((ROOT / "data").glob("*.yml")) if p.name not in ("interface.yml", "spanish_style.yml")}


if __name__ == "__main__":
    paper = Path(sys.argv[1]).read_text(encoding="utf-8")
    hashes = set()
    for where, kind, text in site_quotations(ROOT, data_files()):
        for piece in pieces(text):
            if in_text(piece, paper):
                hashes.add(quote_hash(piece))
            elif kind != "official":
                print(f"not in the paper: {where}: {piece}", file=sys.stderr)
    print("\n".join(sorted(hashes)))
