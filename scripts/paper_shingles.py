"""Write the hashes of the paper's 13-word sequences: scripts/paper_shingles.py PAPER.md > tests/fixtures/paper-shingles.txt

The fixture lets tests find copied wording without the repository holding the paper's text.
"""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from kb.verbatim import paper_shingles  # noqa: E402

if __name__ == "__main__":
    print("\n".join(sorted(paper_shingles(Path(sys.argv[1]).read_text(encoding="utf-8")))))
