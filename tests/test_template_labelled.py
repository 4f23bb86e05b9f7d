"""The labelled template (tests/data/labelled-template): every planted error is found in its own
version, and no other version is flagged.

Labels: `# expect: VERDICT` before a claim is its verdict in every version, `# expect[ROW]: VERDICT`
its verdict in version ROW; `# expect[ROW]: problem` before `[template]` says version ROW's text does
not match the template, an error of that version alone.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from factcheck.check.pipeline import check_path
from factcheck.load.dispatch import load_claims
from factcheck.load.template import TemplateFile

FOLDER = Path(__file__).parent / "data" / "labelled-template"
TEMPLATES = sorted(FOLDER.glob("*.claims.toml"))

_EXPECT = re.compile(r"^\s*#\s*expect(?:\[(?P<row>[^\]]+)\])?:\s*(?P<verdict>[a-z]+)\s*$")
_CLAIM_ID = re.compile(r'^\s*id\s*=\s*"(?P<id>[^"]+)"')


def expectations(path: Path) -> tuple[dict[str, str], dict[tuple[str, str], str], set[str]]:
    """({claim: verdict in every version}, {(row, claim): verdict in that version}, {rows with a problem})."""
    every: dict[str, str] = {}
    by_row: dict[tuple[str, str], str] = {}
    problems: set[str] = set()
    pending: list[tuple[str | None, str]] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        found = _EXPECT.match(line)
        if found:
            pending.append((found.group("row"), found.group("verdict")))
            continue
        if line.strip() == "[template]":
            problems.update(row for row, verdict in pending if row is not None and verdict == "problem")
            pending = []
        claim = _CLAIM_ID.match(line)
        if claim and pending:
            for row, verdict in pending:
                if row is None:
                    every[claim.group("id")] = verdict
                else:
                    by_row[row, claim.group("id")] = verdict
            pending = []
    return every, by_row, problems


@pytest.mark.parametrize("path", TEMPLATES, ids=lambda path: path.name)
def test_every_planted_error_is_found_in_its_own_version_and_no_other(path: Path) -> None:
    every, by_row, problems = expectations(path)
    loaded = load_claims(path)
    assert isinstance(loaded, TemplateFile)
    rows = [version.row for version in loaded.versions]
    assert {row for row, _ in by_row} | problems <= set(rows), "every label names a version"
    assert by_row and problems, "the labelled template plants errors"
    for result in check_path(path):
        assert result.version is not None
        if result.version in problems:
            assert result.errors and not result.outcomes, result.version
            continue
        assert not result.errors, (result.version, result.errors)
        got = {outcome.id: outcome.verdict.value for outcome in result.outcomes if outcome.is_claim}
        want = {claim: by_row.get((result.version, claim), verdict) for claim, verdict in every.items()}
        assert got == want, result.version
