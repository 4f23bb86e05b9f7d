"""The machine-readable report, exactly as claims-format.md specifies (plus a few extra keys).

A streamed format (`factcheck.report.formats`): the document is written as its pieces come (the
opening, each file's entry, the summary), and a report rendered at once is made of the same pieces,
so the two are one implementation. Each piece is `json.dumps` output, indented as it sits in the
document; `tests/test_report_json.py` holds the whole to `json.loads` and back.
"""

from __future__ import annotations

from decimal import MAX_EMAX, MIN_EMIN, Context, Decimal
from fractions import Fraction
from typing import TYPE_CHECKING, Any, Final

from factcheck.report.jsontext import dumps

if TYPE_CHECKING:
    from factcheck.model.results import FileResult, Outcome
    from factcheck.model.verdicts import Totals
    from factcheck.numbers.interval import Interval

__all__ = ["OPENING", "closing", "outcome_to_dict", "part", "result_to_dict", "scientific", "separator"]

#: Bits of a value's numerator and denominator kept when writing it as text: far more than 17 digits need.
_LEADING_BITS: Final = 128


def _number(value: Fraction | None) -> float | None:
    """The value as a JSON number; None when there is none, or when a float cannot hold its size (beyond
    the largest float, or a non-zero value so small that it would be written as 0.0)."""
    if value is None:
        return None
    try:
        # through plain ints, as numbers.exact.as_float does (float() of gmpy2 2.2's mpq truncates); not imported
        # from there, as a run answered from the cache imports this module and must not load the engine's numbers
        number = int(value.numerator) / int(value.denominator)
    except OverflowError:
        return None
    return None if number == 0 and value != 0 else number


def _interval(interval: Interval | None) -> list[float | None] | None:
    if interval is None:
        return None
    return [_number(interval.lo), _number(interval.hi)]


def scientific(value: Fraction) -> str:
    """The value in scientific notation with 17 significant digits (as many as a float carries), for a
    value no float can hold. Worked out from the leading bits of its numerator and denominator, so a
    value of a million digits costs what a small one does."""
    numerator, denominator = abs(int(value.numerator)), int(value.denominator)  # plain ints: Decimal() takes them
    if numerator == 0:
        return "0"
    shift_n = max(numerator.bit_length() - _LEADING_BITS, 0)
    shift_d = max(denominator.bit_length() - _LEADING_BITS, 0)
    context = Context(prec=24, Emax=MAX_EMAX, Emin=MIN_EMIN)
    leading = context.divide(Decimal(numerator >> shift_n), Decimal(denominator >> shift_d))
    magnitude = context.multiply(leading, context.power(Decimal(2), shift_n - shift_d))
    return ("-" if value < 0 else "") + format(magnitude, ".16e")


def _lost(numbers: list[float | None] | None, interval: Interval | None) -> bool:
    return (
        numbers is not None
        and interval is not None
        and ((numbers[0] is None and interval.lo is not None) or (numbers[1] is None and interval.hi is not None))
    )


def _beyond_float(outcome: Outcome, entry: dict[str, Any]) -> dict[str, Any]:
    """The outcome's numbers as text when any of them is beyond what a float (and so a JSON number) can
    hold: they are null in their usual fields, and here, all of them, as `scientific` writes them."""
    computed, interval = outcome.computed, outcome.interval
    lost = (
        (entry["computed"] is None and computed is not None and computed.is_bounded)
        or _lost(entry["interval"], interval)
        or _lost(entry.get("computed_interval"), computed)
    )
    if not lost:
        return {}

    def text(value: Fraction | None) -> str | None:
        return None if value is None else scientific(value)

    found: dict[str, Any] = {}
    if computed is not None and computed.is_bounded:
        found["computed"] = text(computed.centre)
        if not computed.is_point:
            found["computed_interval"] = [text(computed.lo), text(computed.hi)]
    if interval is not None:
        found["interval"] = [text(interval.lo), text(interval.hi)]
    return {"beyond_float": found}


def outcome_to_dict(outcome: Outcome) -> dict[str, Any]:
    computed = outcome.computed
    entry: dict[str, Any] = {
        "id": outcome.id,
        "kind": outcome.kind,
        "verdict": outcome.verdict.value,
        "gross": outcome.gross,
        "stated": outcome.stated,
        "computed": None if computed is None or not computed.is_bounded else _number(computed.centre),
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
    if outcome.place is not None:  # a rank: the place its value holds, and what the words need
        place = outcome.place
        entry["place"] = {
            "best": place.best,
            "worst": place.worst,
            "of": place.n,
            "end": place.end,
            "text": place.text,
            "needs": place.needs,
        }
    if outcome.period:
        entry["period"] = outcome.period
    entry.update(_beyond_float(outcome, entry))
    return entry


def result_to_dict(result: FileResult) -> dict[str, Any]:
    version = {} if result.version is None else {"version": result.version}  # a template's version: an added key
    return {
        "path": result.path,
        **version,
        "claims": [outcome_to_dict(o) for o in result.outcomes],
        "errors": [
            {"message": e.message, "line": e.line, "claim": e.claim_id, "field": e.field} for e in result.errors
        ],
        "gaps": [{"message": g.message, "line": g.location.line} for g in result.gaps],
    }


#: A streamed format (`factcheck.report.formats`): the document's start, up to its `files` array.
OPENING: Final = '{\n "format": 1,\n "files": ['


def separator(index: int) -> str:
    """Before the entry of file `index` of the `files` array (a comma after every entry but the last)."""
    return "\n" if index == 0 else ",\n"


def part(result: FileResult, colour: bool = False) -> str:
    """The file's entry of the `files` array, indented as it sits there."""
    return "  " + dumps(result_to_dict(result), indent=1).replace("\n", "\n  ")


def closing(totals: Totals) -> str:
    """The end of the `files` array, then the summary (and the problems, when there are any) and the end."""
    tail = (
        ("\n ]" if totals.files else "]")
        + ',\n "summary": '
        + dumps(totals.count_dict(), indent=1).replace("\n", "\n ")
    )
    problems = totals.problem_counts()
    if problems:  # only when there are any: a run with nothing wrong gives the JSON it always has
        tail += ',\n "problems": ' + dumps(problems, indent=1).replace("\n", "\n ")
    return tail + "\n}\n"
