"""The Spanish contributor guide explains the build messages a contributor meets most, in the
words the code writes them: a message reworded in the code fails here until the guide follows."""

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
GUIDE = (ROOT / "CONTRIBUTING.es.md").read_text(encoding="utf-8")

# (a phrase of the English message as the guide quotes it, the module that writes it)
MESSAGES = [
    ("is missing", "kb/knowledge.py"),
    ("is not a field this file knows", "kb/knowledge.py"),
    ("which is not a slug in", "kb/knowledge.py"),
    ("leads to a page that does not exist", "kb/page_checks.py"),
    ("the text contains '<'", "kb/schema.py"),
    ("evidence lines for the note's", "kb/schema.py"),
    ("has words that Spanish pages would show in English", "kb/schema.py"),
    ("the Spanish text (es:) is older than the English or was never checked", "kb/status_page.py"),
    ("How to fix:", "kb/problems.py"),
]


@pytest.mark.parametrize("phrase, module", MESSAGES)
def test_the_spanish_guide_explains_the_message_the_code_writes(phrase, module):
    assert phrase in (ROOT / module).read_text(encoding="utf-8"), f"{module} no longer writes '{phrase}': update MESSAGES and the guide"
    section = GUIDE.split("## Los mensajes de la compilación, en español", 1)[1].split("\n## ", 1)[0]
    assert phrase in section, f"CONTRIBUTING.es.md does not explain the message '{phrase}'"
