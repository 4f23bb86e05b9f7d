"""A file's contribution to a report's summary (`FileTally`), worked out from its result."""

from __future__ import annotations

from collections.abc import Iterable

from factcheck.claims import SourceKind
from factcheck.report.summary import FileTally, Totals
from factcheck.verdict import Standing, Verdict
from factcheck.verify import FileResult, outcome_standing

__all__ = ["article_only_count", "file_tally", "totals_of"]


def article_only_count(result: FileResult) -> int:
    """Claims resting only on the article's own or unsourced figures (errors aside)."""
    return sum(1 for outcome in result.outcomes
               if outcome.basis in (SourceKind.ARTICLE, SourceKind.UNSOURCED) and outcome.verdict is not Verdict.ERROR)


def file_tally(result: FileResult) -> FileTally:
    counts = result.counts()
    drafts = unchecked = 0
    for outcome in result.outcomes:
        if outcome.draft:
            drafts += 1
        elif outcome.verdict is Verdict.UNCHECKED and outcome_standing(outcome) is Standing.WARNS:
            unchecked += 1
    return FileTally(tuple(counts[v.value] for v in Verdict), len(result.gaps), result.readable, len(result.errors),
                     drafts, unchecked, article_only_count(result), result.exit_status(),
                     result.exit_status(strict=True))


def totals_of(results: Iterable[FileResult]) -> Totals:
    totals = Totals()
    for result in results:
        totals.add(file_tally(result))
    return totals
