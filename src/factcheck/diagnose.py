"""What the writer most likely did, when a number is wrong: the usual slips, tried one at a time.

For a contradicted claim each slip below is a variant of the claim (or of its recomputed value),
checked the same way as the claim itself; the ones that reproduce the stated words are reported
("matches if read as percentage points: …"):

- per cent read as percentage points, and back (change <-> point_change);
- a relative change given as an absolute one, and back (change <-> difference);
- `from` and `to` swapped (and numerator and denominator, for a ratio or one-in-N);
- a rate per another power of ten (per 1,000 for per 100,000);
- another figure of the same unit (another year, another area) in place of each input, which
  covers the wrong denominator of a rate or a share;
- two neighbouring digits swapped in typing the number ("62,453" for 62,435).

Only contradicted claims are diagnosed, so the check of a sound file never pays for this.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from fractions import Fraction
from functools import partial
from typing import TypeVar

import attrs

from factcheck.claims import (
    ChangeClaim,
    Claim,
    ClaimsFile,
    ComparisonClaim,
    DifferenceClaim,
    Figure,
    OneInClaim,
    PointChangeClaim,
    RateClaim,
    RatioClaim,
)
from factcheck.errors import FactcheckError
from factcheck.numbers import decimals_of, show
from factcheck.stated import parse_stated
from factcheck.units import parse_unit
from factcheck.verify import Outcome, Quantity, Verdict, _Verifier

__all__ = ["diagnose", "diagnose_outcomes"]

_FROM_TO = (ChangeClaim, PointChangeClaim, DifferenceClaim)
_POWERS = (-3, -2, -1, 1, 2, 3)


def diagnose_outcomes(claims_file: ClaimsFile, outcomes: Sequence[Outcome], *,
                      figure_quantities: dict[str, Quantity] | None = None) -> list[Outcome]:
    """The outcomes, each contradicted one with the slips that would explain it.

    `figure_quantities`: the figures' quantities the check of the file has made already, shared.
    """
    claims = {claim.id: claim for claim in claims_file.claims()}
    found = []
    verifier: _Verifier | None = None
    same_unit: dict[str, tuple[Figure, ...]] | None = None
    for outcome in outcomes:
        claim = claims.get(outcome.id)
        if outcome.verdict is Verdict.CONTRADICTED and claim is not None:
            verifier = verifier or _Verifier(claims_file, figure_quantities)
            same_unit = same_unit if same_unit is not None else _unit_groups(claims_file.figures)
            outcome = attrs.evolve(outcome, diagnoses=diagnose(claims_file, claim, outcome, verifier, same_unit))
        found.append(outcome)
    return found


def diagnose(claims_file: ClaimsFile, claim: Claim, outcome: Outcome | None = None,
             verifier: _Verifier | None = None, same_unit: dict[str, tuple[Figure, ...]] | None = None,
             ) -> tuple[str, ...]:
    """The slips that reproduce a claim's stated words, in a readable sentence each.

    `same_unit`: the file's figures grouped by unit (`_unit_groups`), when the caller has them already.
    """
    if isinstance(claim, ComparisonClaim):
        return ()
    verifier = verifier or _Verifier(claims_file)
    same_unit = same_unit if same_unit is not None else _unit_groups(claims_file.figures)
    if outcome is None:
        outcome = verifier.outcome(claim, remember=False)
    found: list[str] = []
    arithmetic: set[str] = set()  # one reading per computation: points and difference agree on percentages
    for describe, variant in _variants(claim, claims_file.figures, same_unit):
        if not verifier.could_support(variant):
            continue
        result = verifier.outcome(variant, remember=False)
        if result.verdict is Verdict.SUPPORTED and result.explanation not in arithmetic:
            arithmetic.add(result.explanation)
            found.append(f"{describe()}: {result.explanation}")
    found.extend(_other_per(claim, outcome))
    found.extend(_swapped_digits(claim, outcome))
    return tuple(dict.fromkeys(found))


_FromToClaim = TypeVar("_FromToClaim", ChangeClaim, PointChangeClaim, DifferenceClaim)


def _read_as(kind: type[_FromToClaim], claim: ChangeClaim | PointChangeClaim | DifferenceClaim) -> _FromToClaim:
    """The same words and inputs, read as a claim of another from/to kind."""
    return kind(id=claim.id, stated=claim.stated, tolerance=claim.tolerance, direction=claim.direction,
                note=claim.note, location=claim.location, sentence=claim.sentence, from_=claim.from_, to=claim.to)


def _variants(claim: Claim, figures: dict[str, Figure],
              same_unit: dict[str, tuple[Figure, ...]]) -> Iterator[tuple[Callable[[], str], Claim]]:
    """Each slip's variant of the claim, with a function giving its description (most are never shown)."""
    if isinstance(claim, _FROM_TO):
        if isinstance(claim, ChangeClaim):
            yield _said("matches if read as percentage points (to − from), not per cent"), \
                _read_as(PointChangeClaim, claim)
            yield _said("matches as an absolute difference (to − from), not a percentage change"), \
                _read_as(DifferenceClaim, claim)
        elif isinstance(claim, PointChangeClaim):
            yield _said("matches if read as per cent (a relative change), not percentage points"), \
                _read_as(ChangeClaim, claim)
        else:
            yield _said("matches as a percentage change, not an absolute difference"), _read_as(ChangeClaim, claim)
        yield _said("matches if from and to are swapped"), attrs.evolve(claim, from_=claim.to, to=claim.from_)
    if isinstance(claim, (RatioClaim, OneInClaim)):
        yield _said("matches if numerator and denominator are swapped"), \
            attrs.evolve(claim, numerator=claim.denominator, denominator=claim.numerator)
    for field, name in claim.inputs().items():
        figure = figures.get(name)
        if figure is None:
            continue
        for other in same_unit.get(figure.name, ()):
            if other.name == figure.name:
                continue
            role = "denominator" if field in ("denominator", "whole") else f"`{field}`"
            yield partial(_instead, other, role, figure), claim.with_inputs({field: other.name})


def _said(description: str) -> Callable[[], str]:
    return lambda: description


def _instead(other: Figure, role: str, figure: Figure) -> str:
    return f"matches if {_describe(other)} is used as the {role} instead of {_describe(figure)}"


def _unit_groups(figures: dict[str, Figure]) -> dict[str, tuple[Figure, ...]]:
    """Each figure's name -> every figure in its unit (itself too), in file order.

    Built once per file: each contradicted claim asks it again for each of its inputs.
    Units are the same when their dimensions and factors are (Unit's equality compares names first).
    """
    groups: dict[object, list[Figure]] = {}
    of_figure: dict[str, list[Figure]] = {}
    for figure in figures.values():
        try:
            unit = parse_unit(figure.unit)
        except ValueError:  # pragma: no cover - the loader has checked every unit
            continue
        group = groups.setdefault((unit.dims, unit.factor), [])
        group.append(figure)
        of_figure[figure.name] = group
    return {name: tuple(group) for name, group in of_figure.items()}


def _describe(figure: Figure) -> str:
    where = ", ".join(part for part in (figure.period, figure.area) if part)
    return f"{figure.name} ({show(figure.value)}{'; ' + where if where else ''})"


def _swapped_digits(claim: Claim, outcome: Outcome) -> Iterator[str]:
    """A typing slip: the stated number is the right one with two neighbouring digits swapped."""
    computed = outcome.computed
    if computed is None or not computed.is_point or computed.lo is None:
        return
    try:
        stated = parse_stated(claim.stated, claim.kind)
    except FactcheckError:
        return
    if stated.centre is None or stated.step is None or stated.hedge is not None:
        return
    right = round(abs(computed.lo) / stated.step)  # the right number, in steps of the stated one
    written = abs(stated.centre) / stated.step
    if written.denominator != 1 or right == written or not 10 <= written < 10**30:  # a typist's number
        return
    a, b = str(right), str(int(written))
    if len(a) == len(b) and any(
        a[:i] + a[i + 1] + a[i] + a[i + 2:] == b for i in range(len(a) - 1)
    ):
        yield (f"matches if two neighbouring digits were swapped in writing it: the figure gives "
               f"{show(right * stated.step, decimals_of(stated.step))}")


def _other_per(claim: Claim, outcome: Outcome) -> Iterator[str]:
    """A rate per 1,000 written as per 100,000, and so on: the recomputed value × 10^k in the words."""
    if not isinstance(claim, RateClaim) or outcome.computed is None or outcome.interval is None:
        return
    try:
        per = parse_stated(claim.stated, "rate").per or claim.per
    except FactcheckError:
        return
    if per is None:
        return
    for power in _POWERS:
        factor = Fraction(10) ** power
        if outcome.computed.scale(factor).overlaps(outcome.interval):
            yield (f"matches if the rate is per {show(per * factor)} instead of per {show(per)}: "
                   f"{show(outcome.computed.centre * factor, 2)} per {show(per * factor)}")
