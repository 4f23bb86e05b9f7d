from __future__ import annotations

import math
from decimal import ROUND_CEILING, ROUND_FLOOR, ROUND_HALF_EVEN
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


def _show_with_fraction_arithmetic(value: F, places: int | None = None, rounding: str = ROUND_HALF_EVEN) -> str:
    """The first `show`, on Fraction arithmetic, kept as the oracle for the integer-only one."""
    if abs(value) >= 10**60:
        return "huge"
    if places is None and value.denominator == 1:
        return f"{value.numerator:,}"
    digits = 4 if places is None else places
    scaled = value * 10**digits
    units = math.floor(scaled) if rounding == ROUND_FLOOR else math.ceil(scaled) if rounding == ROUND_CEILING \
        else round(scaled)
    sign = "-" if units < 0 else ""
    whole, fraction = divmod(abs(units), 10**digits)
    text = f"{sign}{whole:,}" + (f".{fraction:0{digits}d}" if digits else "")
    if places is None and "." in text:
        text = text.rstrip("0").rstrip(".")
    return text or "0"


_VALUES = (st.fractions(max_denominator=10**6) | st.integers(-10**7, 10**7).map(lambda n: F(n, 2 * 10**4))
           | st.integers(-10**7, 10**7).map(lambda n: F(2 * n + 1, 2 * 10**3)))  # ties at 0-3 places


@given(_VALUES, st.none() | st.integers(0, 8), st.sampled_from([ROUND_HALF_EVEN, ROUND_FLOOR, ROUND_CEILING]))
def test_show_rounds_exactly_as_fraction_arithmetic(value: F, places: int | None, rounding: str) -> None:
    assert show(value, places, rounding=rounding) == _show_with_fraction_arithmetic(value, places, rounding)


def test_show_ties_and_huge_values() -> None:
    assert [show(F(n, 2), 0) for n in (-5, -3, -1, 1, 3, 5)] == ["-2", "-2", "0", "0", "2", "2"]
    assert show(F(-1, 2), 0, rounding=ROUND_FLOOR) == "-1" and show(F(-1, 2), 0, rounding=ROUND_CEILING) == "0"
    assert show(F(10**60)) == "1.000000E+60" and show(F(-(10**61) - 1, 3)) == "-3.333333E+60"
    assert show(F(10**60 - 1, 1)) == f"{10**60 - 1:,}"


def _reference_decimals_of(step: F | None) -> int:
    """`decimals_of` as it was written, multiplying the Fraction by ten."""
    if step is None or step <= 0 or step >= 1:
        return 0
    places = 0
    while step.denominator != 1 and places < 12:
        step *= 10
        places += 1
    return places


@given(st.none() | st.fractions(max_denominator=10**15) | st.builds(lambda n, k: F(n, 10**k), st.integers(-10**6, 10**6),
                                                                   st.integers(0, 15)))
def test_decimals_of_in_whole_numbers_is_the_fraction_loop(step: F | None) -> None:
    assert decimals_of(step) == _reference_decimals_of(step)
