"""gmpy2's `mpq` gives the engine the answers `Fraction` gives: arithmetic, comparisons, rounding and display.

The engine computes in the type `numbers.exact` chooses; these properties hold the two types to each other
in one process, whichever was chosen for it (gmpy2 is a dependency wherever CPython runs the tests).
"""

from __future__ import annotations

import operator
from collections.abc import Callable
from decimal import ROUND_CEILING, ROUND_FLOOR, ROUND_HALF_EVEN, Decimal
from fractions import Fraction
from typing import Any

import attrs
import pytest
from gmpy2 import mpq
from hypothesis import given
from hypothesis import strategies as st

from factcheck.numbers import display, exact
from factcheck.numbers.interval import Interval, _made, engine, engine_figure, public

#: Numbers of every size the engine meets, and beyond: huge, tiny, negative, and whole.
numbers = st.one_of(
    st.fractions(min_value=-(10**9), max_value=10**9, max_denominator=10**6),
    st.builds(Fraction, st.integers(-(10**80), 10**80), st.integers(1, 10**40)),
    st.builds(Fraction, st.integers(-(10**12), 10**12)),
)
nonzero = numbers.filter(bool)
#: Ties in rounding: a value exactly halfway between two numbers shown to `places` places.
ties = st.builds(
    lambda units, places, sign: Fraction(sign * (2 * units + 1), 2 * 10**places),
    st.integers(0, 10**12),
    st.integers(0, 6),
    st.sampled_from([1, -1]),
)
places = st.one_of(st.none(), st.integers(0, 8))
roundings = st.sampled_from([ROUND_HALF_EVEN, ROUND_FLOOR, ROUND_CEILING])


def q(value: Fraction) -> Any:
    return mpq(value.numerator, value.denominator)


def as_mpq(interval: Interval) -> Interval:
    """The same interval with mpq bounds (a point's two ends one number, as the engine makes them)."""
    lo = None if interval.lo is None else q(interval.lo)
    hi = lo if interval.hi is interval.lo else (None if interval.hi is None else q(interval.hi))
    return _made(lo, hi, interval.lo_open, interval.hi_open)


@st.composite
def intervals(draw: st.DrawFn) -> Interval:
    a, b = draw(numbers), draw(numbers)
    if draw(st.booleans()):
        return Interval.point(a)
    lo_open, hi_open = (draw(st.booleans()), draw(st.booleans())) if a != b else (False, False)
    return Interval(min(a, b), max(a, b), lo_open, hi_open)


_OPERATIONS: list[Callable[[Any, Any], Any]] = [operator.add, operator.sub, operator.mul]


@given(numbers, numbers, st.sampled_from(_OPERATIONS))
def test_arithmetic_agrees_with_fraction(a: Fraction, b: Fraction, operation: Callable[[Any, Any], Any]) -> None:
    result = operation(q(a), q(b))
    assert type(result) is type(mpq(0))
    assert exact.to_fraction(result) == operation(a, b)


@given(numbers, nonzero)
def test_division_agrees_with_fraction(a: Fraction, b: Fraction) -> None:
    assert exact.to_fraction(q(a) / q(b)) == a / b
    assert exact.to_fraction(1 / q(b)) == 1 / b
    assert exact.to_fraction(abs(q(a))) == abs(a)
    assert exact.to_fraction(-q(a)) == -a


@given(numbers, numbers)
def test_comparisons_agree_with_fraction(a: Fraction, b: Fraction) -> None:
    x, y = q(a), q(b)
    assert (x < y, x <= y, x == y, x > y, x >= y) == (a < b, a <= b, a == b, a > b, a >= b)
    assert exact._compare_native(x, y) == exact._compare_fractions(a, b) == (a > b) - (a < b)
    assert exact.compare(exact.exact(a), exact.exact(b)) == (a > b) - (a < b)
    # one of each, as a user's Fraction may meet the engine's number: the same answers
    assert (x < b, a < y, x == b, a == y) == (a < b, a < b, a == b, a == b)


@given(numbers)
def test_hash_and_equality_match_fraction(a: Fraction) -> None:
    """Dict and cache keys find the same entries whichever type the number is."""
    x = q(a)
    assert hash(x) == hash(a)
    assert x == a
    assert {a: "found"}[x] == "found"
    assert exact.parts(x) == (a.numerator, a.denominator)
    assert all(type(part) is int for part in exact.parts(x))


@given(numbers)
def test_float_rounds_to_nearest_as_fraction_does(a: Fraction) -> None:
    try:
        expected = float(a)
    except OverflowError:
        with pytest.raises(OverflowError):
            exact.as_float(q(a))
        return
    assert exact.as_float(q(a)) == expected
    assert exact.as_float(a) == expected


def test_float_of_mpq_truncates_so_as_float_is_needed() -> None:
    """The trap `as_float` avoids: gmpy2 2.2's float() of an mpq truncates where Fraction rounds."""
    value = Fraction(1, 5)
    assert exact.as_float(q(value)) == float(value) == 0.2
    assert float(q(value)) == 0.19999999999999998


@given(
    st.one_of(
        st.decimals(allow_nan=False, allow_infinity=False, places=6, min_value=-(10**20), max_value=10**20),
        st.integers(-(10**40), 10**40),
        numbers,
        st.from_regex(r"-?[0-9]{1,12}(\.[0-9]{1,8})?", fullmatch=True),
    )
)
def test_exact_reads_what_fraction_reads(value: Decimal | int | Fraction | str) -> None:
    made = exact.exact(value)
    assert exact.is_exact(made)
    assert made == Fraction(value)
    assert type(exact.to_fraction(made)) is Fraction


@given(st.one_of(numbers, ties), places, roundings)
def test_show_agrees_with_fraction(value: Fraction, shown_places: int | None, rounding: str) -> None:
    assert display.show(q(value), shown_places, rounding=rounding) == display.show(
        value, shown_places, rounding=rounding
    )


@given(ties, st.integers(0, 6))
def test_ties_round_half_to_even_alike(value: Fraction, extra: int) -> None:
    for shown_places in (None, extra):
        assert display.show(q(value), shown_places) == display.show(value, shown_places)


@given(numbers)
def test_other_displays_agree_with_fraction(value: Fraction) -> None:
    x = q(value)
    assert display.show_exact(x) == display.show_exact(value)
    assert display.show_significant(x) == display.show_significant(value)
    assert display.decimals_of(x) == display.decimals_of(value)
    for unit in ("", "%", "percentage points", "gbp", "burglary", "offence per 1000 person", "1000 person"):
        assert display.show_amount(x, unit) == display.show_amount(value, unit)


@given(intervals(), intervals(), places)
def test_intervals_agree_with_fraction(a: Interval, b: Interval, shown_places: int | None) -> None:
    x, y = as_mpq(a), as_mpq(b)
    assert x.overlaps(y) == a.overlaps(b)
    assert x.entirely_above(y) == a.entirely_above(b)
    assert x.is_point == a.is_point
    assert str(x) == str(a)
    meet, meet_fraction = x.intersection(y), a.intersection(b)
    assert (meet is None) == (meet_fraction is None)
    assert meet is None or public(meet) == meet_fraction
    assert display.show_interval(x, shown_places) == display.show_interval(a, shown_places)
    for size in (False, True):
        assert display.show_against(x, y, shown_places, size=size) == display.show_against(
            a, b, shown_places, size=size
        )
    if a.lo is not None:
        assert x.contains(a.lo) == a.contains(a.lo)
    operations: list[Callable[[Interval, Interval], Interval]] = [operator.add, operator.sub, operator.mul]
    if b.lo is not None and b.hi is not None and not (b.lo <= 0 <= b.hi):
        operations.append(operator.truediv)
    if a.is_bounded and b.is_bounded and not (a.lo_open or a.hi_open or b.lo_open or b.hi_open):
        for operation in operations:
            assert public(operation(x, y)) == operation(a, b)


@given(intervals())
def test_engine_and_public_convert_both_ways(interval: Interval) -> None:
    inside = engine(interval)
    assert all(exact.is_exact(bound) for bound in (inside.lo, inside.hi) if bound is not None)
    back = public(inside)
    assert back == interval
    assert all(type(bound) is Fraction for bound in (back.lo, back.hi) if bound is not None)
    if interval.lo is interval.hi:  # a point stays one number: the exact-figure fast paths ask `a is b`
        assert inside.lo is inside.hi
        assert back.lo is back.hi


@given(numbers, st.one_of(st.none(), st.just(Fraction(0)), numbers))
def test_a_figure_enters_the_engine_as_its_interval(value: Fraction, rounded: Fraction | None) -> None:
    """`engine_figure` is `Figure.interval` in the engine's numbers."""
    expected = Interval.around(value, rounded / 2) if rounded else Interval.point(value)
    made = engine_figure(value, rounded)
    assert made == engine(expected)
    assert all(exact.is_exact(bound) for bound in (made.lo, made.hi))
    assert (made.lo is made.hi) == (not rounded)


@attrs.frozen
class _Record:
    interval: Interval
    values: tuple[Fraction, ...]
    by_name: dict[str, Fraction]
    text: str = "kept"


@given(intervals(), st.lists(numbers, max_size=3))
def test_to_public_leaves_no_engine_number_in_a_record(interval: Interval, values: list[Fraction]) -> None:
    record = _Record(as_mpq(interval), tuple(q(v) for v in values), {"a": q(values[0])} if values else {})
    converted = exact.to_public(record)
    assert converted == _Record(interval, tuple(values), {"a": values[0]} if values else {})
    if exact.BACKEND == "gmpy2":
        assert not _holds_mpq(converted)
    plain = _Record(interval, tuple(values), {})
    assert exact.to_public(plain) is plain  # nothing to convert: the same record, not a copy


def _holds_mpq(value: object) -> bool:
    if type(value) is type(mpq(0)):
        return True
    if isinstance(value, (tuple, list)):
        return any(_holds_mpq(item) for item in value)
    if isinstance(value, dict):
        return any(_holds_mpq(item) for item in value.values())
    kind = type(value)
    if attrs.has(kind):
        return any(_holds_mpq(getattr(value, field.name)) for field in attrs.fields(kind))
    return False
