"""A file's contribution to a report's summary (`FileTally`), worked out from its result."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Final

from factcheck.model.claims import SourceKind
from factcheck.report.summary import FileTally, Totals
from factcheck.model.verdicts import Standing, Verdict
from factcheck.model.results import FileResult, outcome_standing

__all__ = ["article_only_count", "file_tally", "totals_of"]


_WEAK: Final = frozenset({SourceKind.ARTICLE, SourceKind.UNSOURCED})


def article_only_count(result: FileResult) -> int:
    """Claims resting only on the article's own or unsourced figures (errors aside)."""
    return sum(1 for outcome in result.outcomes if outcome.basis in _WEAK and outcome.verdict is not Verdict.ERROR)


def file_tally(result: FileResult) -> FileTally:
    """The file's numbers for the summary, in one pass over its outcomes."""
    counts = dict.fromkeys(Verdict, 0)
    drafts = unchecked = article_only = 0
    for outcome in result.outcomes:
        verdict = outcome.verdict
        counts[verdict] += 1
        if outcome.draft:
            drafts += 1
        elif verdict is Verdict.UNCHECKED and outcome_standing(outcome) is Standing.WARNS:
            unchecked += 1
        if outcome.basis in _WEAK and verdict is not Verdict.ERROR:
            article_only += 1
    standings = result.standings()
    return FileTally(tuple(counts.values()), len(result.gaps), result.readable, len(result.errors), drafts, unchecked,
                     article_only, max((s.exit_status() for s in standings), default=0),
                     max((s.exit_status(strict=True) for s in standings), default=0))


def totals_of(results: Iterable[FileResult]) -> Totals:
    totals = Totals()
    for result in results:
        totals.add(file_tally(result))
    return totals
