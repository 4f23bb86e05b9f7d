from __future__ import annotations

from fractions import Fraction

import pytest
from hypothesis import given
from hypothesis import strategies as st

from factcheck.errors import ZeroDenominatorError
from factcheck.numbers.interval import Interval, _compare
from tests.strategies import fractions, intervals


def test_closed_interval_accepts_its_boundaries() -> None:
    interval = Interval(Fraction("121.5"), Fraction("122.5"))
    assert interval.contains(Fraction("121.5"))
    assert interval.contains(Fraction("122.5"))
    assert not interval.contains(Fraction("122.5000001"))


def test_open_ends_reject_their_boundary() -> None:
    interval = Interval(1640, 1650, lo_open=True, hi_open=True)
    assert not interval.contains(1640)
    assert interval.contains(1641)
    assert not interval.contains(1650)


def test_unbounded_side() -> None:
    above = Interval(1000, None, lo_open=True, hi_open=True)
    assert above.contains(10**12)
    assert not above.contains(1000)


def test_wrong_order_is_refused() -> None:
    with pytest.raises(ValueError, match="wrong order"):
        Interval(2, 1)


def test_division_by_an_interval_holding_zero_raises() -> None:
    with pytest.raises(ZeroDenominatorError, match="may be zero"):
        Interval.point(1) / Interval(-1, 1)
    with pytest.raises(ZeroDenominatorError, match="division by zero"):
        Interval.point(1) / Interval.point(0)


def test_overlap_respects_open_ends() -> None:
    assert not Interval(0, 1, hi_open=True).overlaps(Interval(1, 2))
    assert Interval(0, 1).overlaps(Interval(1, 2))
    assert Interval(0, 1).entirely_below(Interval(1, 2, lo_open=True))
    assert not Interval(0, 1).entirely_below(Interval(1, 2))


def test_exact_tie_is_not_a_float_accident() -> None:
    # 0.1 + 0.2 is exactly 0.3 here, so the boundary is accepted on every machine
    total = Interval.point(Fraction("0.1")) + Interval.point(Fraction("0.2"))
    assert total.lo is not None
    assert Interval(Fraction("0.25"), Fraction("0.3")).contains(total.lo)


@given(intervals(), intervals(), st.data())
def test_arithmetic_contains_every_pointwise_result(a: Interval, b: Interval, data: st.DataObject) -> None:
    x = data.draw(st.fractions(min_value=a.lo, max_value=a.hi))
    y = data.draw(st.fractions(min_value=b.lo, max_value=b.hi))
    assert (a + b).contains(x + y)
    assert (a - b).contains(x - y)
    assert (a * b).contains(x * y)
    if not b.contains(0):
        assert (a / b).contains(x / y)


@given(fractions, fractions.filter(lambda f: f >= 0))
def test_around_is_centred(centre: Fraction, half: Fraction) -> None:
    interval = Interval.around(centre, half)
    assert interval.centre == centre
    assert interval.width == 2 * half


@given(intervals())
def test_negate_twice_is_identity(a: Interval) -> None:
    assert a.negate().negate() == a


@st.composite
def _any_intervals(draw: st.DrawFn) -> Interval:
    """Intervals with open, closed and unbounded ends, on few values so that ends often touch."""
    values = st.none() | st.fractions(min_value=-3, max_value=3, max_denominator=2)
    lo, hi = draw(values), draw(values)
    if lo is not None and hi is not None and lo > hi:
        lo, hi = hi, lo
    return Interval(lo, hi, draw(st.booleans()) or lo is None, draw(st.booleans()) or hi is None)


@given(_any_intervals(), _any_intervals())
def test_overlaps_exactly_when_there_is_an_intersection(a: Interval, b: Interval) -> None:
    common = a.intersection(b)
    assert a.overlaps(b) is (common is not None)
    if common is not None and common.lo is not None:
        assert common.lo_open or (a.contains(common.lo) and b.contains(common.lo))


@given(_any_intervals())
def test_negate_mirrors_every_end(a: Interval) -> None:
    mirrored = Interval(None if a.hi is None else -a.hi, None if a.lo is None else -a.lo, a.hi_open, a.lo_open)
    assert a.negate() == mirrored
    assert all(isinstance(bound, Fraction) for bound in (a.negate().lo, a.negate().hi) if bound is not None)


# -- the whole-number fast paths against Fraction's own arithmetic (the slow path, kept as the oracle) --


def _reference_overlaps(a: Interval, b: Interval) -> bool:
    """`overlaps` as it was written with Fraction comparisons."""
    if a.lo is None or (b.lo is not None and b.lo > a.lo):
        lo, lo_open = b.lo, b.lo_open
    elif b.lo is None or a.lo > b.lo:
        lo, lo_open = a.lo, a.lo_open
    else:
        lo, lo_open = a.lo, a.lo_open or b.lo_open
    if a.hi is None or (b.hi is not None and b.hi < a.hi):
        hi, hi_open = b.hi, b.hi_open
    elif b.hi is None or a.hi < b.hi:
        hi, hi_open = a.hi, a.hi_open
    else:
        hi, hi_open = a.hi, a.hi_open or b.hi_open
    return lo is None or hi is None or not (lo > hi or (lo == hi and (lo_open or hi_open)))


@given(st.fractions() | st.integers(), st.fractions() | st.integers())
def test_compare_is_fraction_comparison(a: Fraction, b: Fraction) -> None:
    assert _compare(Fraction(a), Fraction(b)) == (a > b) - (a < b)


@given(_any_intervals() | intervals(), _any_intervals() | intervals())
def test_overlaps_is_the_fraction_comparison(a: Interval, b: Interval) -> None:
    assert a.overlaps(b) is _reference_overlaps(a, b)
    assert b.overlaps(a) is _reference_overlaps(b, a)


@given(fractions, fractions, fractions, st.booleans(), st.booleans())
def test_arithmetic_on_exact_figures_is_the_general_formula(
    x: Fraction, y: Fraction, f: Fraction, same_x: bool, same_y: bool
) -> None:
    """A point made as (v, v) takes the one-operation path; a point with equal but distinct bounds the general one."""
    a = Interval.point(x) if same_x else Interval(x, Fraction(x.numerator, x.denominator))
    b = Interval.point(y) if same_y else Interval(y, Fraction(y.numerator, y.denominator))
    assert a + b == Interval(x + y, x + y)
    assert a - b == Interval(x - y, x - y)
    assert a.scale(f) == Interval(x * f, x * f)
    assert a * b == Interval(x * y, x * y)
    if y != 0:
        assert a / b == Interval(x / y, x / y)
    for result in (a + b, a - b, a.scale(f), a * b):
        assert isinstance(result.lo, Fraction) and isinstance(result.hi, Fraction)


@given(st.fractions() | st.integers(), st.fractions() | st.integers())
def test_point_and_around_skip_no_check_that_matters(value: Fraction, half: Fraction) -> None:
    """Unchecked construction gives what the checked constructor gives; is_point answers as Fraction equality."""
    v, h = Fraction(value), abs(Fraction(half))
    assert Interval.point(value) == Interval(v, v)
    assert Interval.around(value, half) == Interval(v - h, v + h)
    assert Interval.point(value).is_point and Interval(v, Fraction(v.numerator, v.denominator)).is_point
    assert Interval.around(value, half).is_point is (h == 0)
    assert not Interval(None, v, True, False).is_point and not Interval(v, None, False, True).is_point
