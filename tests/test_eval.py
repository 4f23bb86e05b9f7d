"""Every `# expect:` comment holds: in the project's own labelled articles (always) and in the shared
evaluation sets (../shared/eval and ../shared/eval-tables, whenever they are beside the checkout)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from factcheck.check.pipeline import check_file
from factcheck.model.verdicts import Verdict
from tests.conftest import eval_params, eval_tables_params, labelled_files

_EXPECT = re.compile(r"^\s*#\s*expect:\s*(?P<verdict>[a-z]+)(?P<gross>\s+gross)?\s*$")
_ID = re.compile(r'^\s*id\s*=\s*"(?P<id>[^"]+)"')
_CHECK = re.compile(r"^\s*check\s*=")
_SENTENCE = re.compile(r"^\s*\[\[sentences\]\]\s*$")


def expectations(path: Path) -> dict[str, tuple[str, bool]]:
    """{claim id or sentence-N: (verdict, gross)} from the `# expect:` comments of a claims file."""
    expected: dict[str, tuple[str, bool]] = {}
    pending: tuple[str, bool] | None = None
    sentence = 0
    for line in path.read_text(encoding="utf-8").splitlines():
        if _SENTENCE.match(line):
            sentence += 1
        if match := _EXPECT.match(line):
            pending = (match.group("verdict"), bool(match.group("gross")))
        elif pending is not None and (match := _ID.match(line)):
            expected[match.group("id")] = pending
            pending = None
        elif pending is not None and _CHECK.match(line):
            expected[f"sentence-{sentence}"] = pending
            pending = None
    return expected


def _check_expectations(path: Path) -> None:
    expected = expectations(path)
    assert expected, f"no `# expect:` comments in {path}"
    result = check_file(path)
    assert not result.errors, [str(e) for e in result.errors]
    got = {o.id: (o.verdict.value, o.gross) for o in result.outcomes}
    mismatches = {
        key: (want, got.get(key), next((o.explanation for o in result.outcomes if o.id == key), None))
        for key, want in expected.items()
        if got.get(key) != want
    }
    assert not mismatches
    assert set(got) == set(expected), "every claim and check-sentence has an expectation"


@pytest.mark.parametrize("path", labelled_files(), ids=lambda p: p.name.removesuffix(".claims.toml"))
def test_expected_verdicts_of_the_labelled_articles(path: Path) -> None:
    _check_expectations(path)


@pytest.mark.parametrize("path", [*eval_params(), *eval_tables_params()])
def test_expected_verdicts_of_the_shared_evaluation_set(path: Path) -> None:
    _check_expectations(path)
    # The shared set plants its errors in the articles, never in the claims files: nothing there is an error.
    assert all(o.verdict is not Verdict.ERROR for o in check_file(path).outcomes)


def test_the_labelled_articles_cover_every_verdict() -> None:
    """The project's own articles plant every kind of error the format defines, so a fresh clone tests them all."""
    seen = {want for path in labelled_files() for want in expectations(path).values()}
    assert {
        ("supported", False),
        ("loose", False),
        ("contradicted", False),
        ("contradicted", True),
        ("unchecked", False),
        ("error", False),
    } <= seen
