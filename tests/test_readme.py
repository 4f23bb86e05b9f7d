"""The README's promises: it opens with the two commands, and they are the ones CI runs.

Every other block of the README (the quick start, its output) is run by tests/test_docs.py.
"""

from __future__ import annotations

from tests.conftest import REPO
from tests.test_docs import blocks, shell_commands

README = REPO / "README.md"


def test_readme_opens_with_the_two_commands() -> None:
    first, second = [[c.text for c in shell_commands(b)] for b in blocks(README) if b.lang == "sh"][:2]
    assert first == ["python3 -m venv .venv && .venv/bin/pip install -q -e . && .venv/bin/factcheck check claims/"]
    assert second == ["bash scripts/run-tests"]
    assert "pytest" in (REPO / "scripts" / "run-tests").read_text(encoding="utf-8")
    ci = (REPO / ".ci" / "run").read_text(encoding="utf-8")
    assert "bash scripts/run-tests" in ci and 'factcheck" check claims/' in ci


def test_the_test_command_sets_itself_up() -> None:
    """`bash scripts/run-tests` on a fresh machine: it builds the environment it runs pytest in."""
    script = (REPO / "scripts" / "run-tests").read_text(encoding="utf-8")
    assert "python3 -m venv" in script and "-e '.[test]'" in script and "-m pytest" in script
