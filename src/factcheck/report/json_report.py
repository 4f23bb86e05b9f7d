"""The machine-readable report, exactly as claims-format.md specifies (plus a few extra keys)."""

from __future__ import annotations

from collections.abc import Sequence
from fractions import Fraction
from typing import Any

from factcheck.interval import Interval
from factcheck.jsontext import dumps
from factcheck.report.totals import totals_of
from factcheck.verify import FileResult, Outcome, Verdict

__all__ = ["dumps", "outcome_to_dict", "render_json", "result_to_dict", "summary_counts"]

def _number(value: Fraction | None) -> float | None:
    return None if value is None else float(value)


def _interval(interval: Interval | None) -> list[float | None] | None:
    if interval is None:
        return None
    return [_number(interval.lo), _number(interval.hi)]


def outcome_to_dict(outcome: Outcome) -> dict[str, Any]:
    computed = outcome.computed
    entry: dict[str, Any] = {
        "id": outcome.id,
        "kind": outcome.kind,
        "verdict": outcome.verdict.value,
        "gross": outcome.gross,
        "stated": outcome.stated,
        "computed": None if computed is None or not computed.is_bounded else float(computed.centre),
        "interval": _interval(outcome.interval),
        "basis": None if outcome.basis is None else outcome.basis.value,
        "explanation": outcome.explanation,
        "line": outcome.location.line,
    }
    if computed is not None and not computed.is_point:
        entry["computed_interval"] = _interval(computed)
    if outcome.interval is not None:
        entry["interval_open"] = [outcome.interval.lo_open, outcome.interval.hi_open]
    if outcome.near_miss:
        entry["near_miss"] = True
    if outcome.check is not None:
        entry["check"] = outcome.check
    if outcome.figures:
        entry["figures"] = list(outcome.figures)
    if outcome.draft:
        entry["draft"] = True
    if outcome.diagnoses:
        entry["diagnoses"] = list(outcome.diagnoses)
    return entry


def result_to_dict(result: FileResult) -> dict[str, Any]:
    return {
        "path": result.path,
        "claims": [outcome_to_dict(o) for o in result.outcomes],
        "errors": [
            {"message": e.message, "line": e.line, "claim": e.claim_id, "field": e.field} for e in result.errors
        ],
        "gaps": [{"message": g.message, "line": g.location.line} for g in result.gaps],
    }


def summary_counts(results: Sequence[FileResult]) -> dict[str, int]:
    counts = {verdict.value: 0 for verdict in Verdict}
    for result in results:
        for key, value in result.counts().items():
            counts[key] += value
    return counts


def render_json(results: Sequence[FileResult]) -> str:
    totals = totals_of(results)
    document: dict[str, Any] = {
        "format": 1,
        "files": [result_to_dict(r) for r in results],
        "summary": totals.count_dict(),
    }
    problems = totals.problem_counts()
    if problems:  # only when there are any: a run with nothing wrong gives the JSON it always has
        document["problems"] = problems
    return dumps(document, indent=1) + "\n"
