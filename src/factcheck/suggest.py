"""Proposes inputs for draft claims: the figures of the file that reproduce the stated words.

For each claim whose inputs are placeholders ("?") or missing, every figure of the file (and every
claim with a value) is tried in each input, with the formula of the claim's kind; a candidate is
kept when the verifier itself calls it `supported`. Candidates are ranked by whether their units
fit the words (a "£" value wants money; "offences for every 100,000 people" wants offences over
people), then by the order of periods (a change runs from the earlier to the later), then by how
close the value is to the centre of the stated interval.

A quick exact pre-filter on the figures' central values keeps the verifier's work small.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterator
from fractions import Fraction
from typing import Final

import attrs

from factcheck.claims import CLAIM_TYPES, BrokenClaim, Claim, ClaimsFile, ComparisonClaim, FormulaClaim
from factcheck.errors import FactcheckError
from factcheck.stated import Stated, parse_stated
from factcheck.verify import Verdict, _Verifier

__all__ = ["ClaimSuggestions", "Suggestion", "suggest_file"]

_FIELDS: Final[dict[str, tuple[str, ...]]] = {
    kind: cls.INPUTS for kind, cls in CLAIM_TYPES.items() if kind not in ("comparison", "formula")
}
_HUNDRED: Final = Fraction(100)


@attrs.frozen
class Suggestion:
    """Inputs that reproduce a claim's words, with the verifier's arithmetic."""

    inputs: tuple[tuple[str, str], ...]
    explanation: str
    distance: float  # from the centre of the stated interval, in half-widths


@attrs.frozen
class ClaimSuggestions:
    id: str
    kind: str
    stated: str
    line: int | None
    suggestions: tuple[Suggestion, ...]


@attrs.frozen
class _Candidate:
    name: str
    value: Fraction
    unit: str
    period: str | None


def suggest_file(claims_file: ClaimsFile, *, limit: int = 3) -> list[ClaimSuggestions]:
    """Suggestions for every claim of the file that still needs its inputs."""
    verifier = _Verifier(claims_file)
    candidates = _candidates(claims_file, verifier)
    found = []
    for claim in claims_file.claims():
        if isinstance(claim, (BrokenClaim, ComparisonClaim, FormulaClaim)):
            continue
        if claim.inputs() and not claim.placeholders():
            continue
        ranked = _suggest(claim, candidates, claims_file, limit)
        found.append(ClaimSuggestions(claim.id, claim.kind, claim.stated, claim.location.line, tuple(ranked)))
    return found


def _candidates(claims_file: ClaimsFile, verifier: _Verifier) -> list[_Candidate]:
    found = [_Candidate(f.name, f.value, f.unit, f.period) for f in claims_file.figures.values()]
    for claim in claims_file.claims():
        if isinstance(claim, (BrokenClaim, ComparisonClaim)) or not claim.inputs() or claim.placeholders():
            continue
        try:
            quantity = verifier.compute(claim)
        except (FactcheckError, ZeroDivisionError):
            continue
        if quantity.interval.is_bounded:
            found.append(_Candidate(claim.id, quantity.interval.centre, quantity.unit.text, None))
    return found


def _suggest(claim: Claim, candidates: list[_Candidate], claims_file: ClaimsFile, limit: int) -> list[Suggestion]:
    fields = _FIELDS.get(claim.kind)
    if fields is None:
        return []
    try:
        stated = parse_stated(claim.stated, claim.kind, direction_given=claim.direction is not None)
    except FactcheckError:
        return []
    pool = [c for c in candidates if c.name != claim.id]
    ranked: list[tuple[tuple[float, ...], Suggestion]] = []
    verifier = _Verifier(claims_file)
    for combo in _combinations(fields, pool):
        value = _value(claim, stated, combo)
        if value is None or not _near(value, stated):
            continue
        variant = claim.with_inputs({f: c.name for f, c in zip(fields, combo, strict=True)})
        outcome = verifier.outcome(variant)
        if outcome.verdict is not Verdict.SUPPORTED:
            continue
        distance = _distance(value, stated)
        score = (-_unit_fit(claim.stated, claim.kind, combo), _period_order(claim.kind, combo), distance)
        ranked.append((score, Suggestion(tuple((f, c.name) for f, c in zip(fields, combo, strict=True)),
                                         outcome.explanation, distance)))
    ranked.sort(key=lambda pair: pair[0])
    return [suggestion for _, suggestion in ranked[:limit]]


def _combinations(fields: tuple[str, ...], pool: list[_Candidate]) -> Iterator[tuple[_Candidate, ...]]:
    if len(fields) == 1:
        yield from ((c,) for c in pool)
        return
    yield from itertools.permutations(pool, 2)


def _value(claim: Claim, stated: Stated, combo: tuple[_Candidate, ...]) -> Fraction | None:
    """The claim's value from the candidates' centres, by the formula of its kind (None: cannot be)."""
    kind = claim.kind
    if kind == "value":
        value = combo[0].value
        return value * _HUNDRED if stated.unit == "percent" and _unit_is_fraction(combo[0].unit) else value
    a, b = combo[0].value, combo[1].value
    if kind == "rate":
        per = stated.per or getattr(claim, "per", None)
        return None if per is None or b == 0 else a / b * per
    if kind == "one_in":
        return None if a == 0 else b / a
    if kind == "change":
        return None if a == 0 else (b - a) / a * _HUNDRED
    if kind in ("point_change", "difference"):
        return b - a
    if kind == "ratio":
        return None if b == 0 else a / b
    if kind == "share":
        return None if b == 0 or a > b or a < 0 else a / b * _HUNDRED
    return None


def _unit_is_fraction(unit: str) -> bool:
    return unit.strip() in ("1", "", "dimensionless")


def _near(value: Fraction, stated: Stated) -> bool:
    """Within the stated interval widened by its own width (the verifier decides exactly)."""
    interval = stated.interval
    if stated.direction is None and interval.lo is not None and interval.lo >= 0:
        value = abs(value)
    lo, hi = interval.lo, interval.hi
    width = (hi - lo) if lo is not None and hi is not None else Fraction(0)
    return (lo is None or value >= lo - width) and (hi is None or value <= hi + width)


def _distance(value: Fraction, stated: Stated) -> float:
    interval = stated.interval
    if stated.direction is None and interval.lo is not None and interval.lo >= 0:
        value = abs(value)
    if interval.lo is None or interval.hi is None or interval.hi == interval.lo:
        return 0.0
    half = (interval.hi - interval.lo) / 2
    return float(abs(value - (interval.lo + half)) / half)


def _unit_fit(stated: str, kind: str, combo: tuple[_Candidate, ...]) -> int:
    """How well the candidates' units fit the words: unit nouns named in `stated`, money for "£"."""
    words = {w.rstrip("s") for w in re.findall(r"[a-z]+", stated.lower())}
    fit = 0
    for candidate in combo:
        unit = candidate.unit.lower()
        if unit.rstrip("s") in words or (unit == "person" and "people" in words):
            fit += 1
        if re.search(r"[£$€]", stated) and unit in ("gbp", "usd", "eur", "£", "$", "€"):
            fit += 1
    if kind in ("change", "difference", "share", "point_change") and len(combo) == 2 and combo[0].unit == combo[1].unit:
        fit += 1
    if kind == "change" and any(c.unit.strip() in ("percent", "%") for c in combo):
        fit -= 1  # a change of percentages is usually given in points
    return fit


def _period_order(kind: str, combo: tuple[_Candidate, ...]) -> int:
    """0 when a change runs from the earlier period to the later one (or periods are unknown), else 1."""
    if kind not in ("change", "point_change", "difference") or len(combo) != 2:
        return 0
    first, second = combo[0].period, combo[1].period
    if first is None or second is None:
        return 0
    return 0 if first < second else 1
