from __future__ import annotations

from fractions import Fraction as F

from hypothesis import given
from hypothesis import strategies as st

from factcheck.interval import Interval
from factcheck.numbers import decimals_of, show, show_interval


def test_show() -> None:
    assert show(F(1151639)) == "1,151,639"
    assert show(F(122), 1) == "122.0"
    assert show(F(1, 3)) == "0.3333"
    assert show(F(5, 2), 0) == "2"  # ties to even, exactly
    assert show(F(7, 2), 0) == "4"


def test_show_interval_tells_bounds_apart() -> None:
    assert show_interval(Interval(F("121.9989"), F("122.0095")), 1) == "[121.9, 122.1]"
    assert show_interval(Interval(F("122.01"), F("122.02")), 1) == "[122.0, 122.1]"
    assert show_interval(Interval(1640, 1650, True, True)) == "(1,640, 1,650)"
    assert show_interval(Interval(1000, None, True, True)) == "(1,000, ∞)"


@given(st.integers(0, 8))
def test_decimals_of_a_power_of_ten(places: int) -> None:
    assert decimals_of(F(1, 10**places)) == places
