from __future__ import annotations

import math
from decimal import ROUND_CEILING, ROUND_FLOOR, ROUND_HALF_EVEN, Decimal
from fractions import Fraction as F

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from factcheck.numbers.display import (
    decimals_of,
    plural,
    show,
    show_against,
    show_amount,
    show_exact,
    show_interval,
    show_significant,
)
from factcheck.numbers.exact import rational
from factcheck.numbers.interval import Interval
from factcheck.numbers.units import parse_unit, spoken


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
    units = (
        math.floor(scaled)
        if rounding == ROUND_FLOOR
        else math.ceil(scaled)
        if rounding == ROUND_CEILING
        else round(scaled)
    )
    sign = "-" if units < 0 else ""
    whole, fraction = divmod(abs(units), 10**digits)
    text = f"{sign}{whole:,}" + (f".{fraction:0{digits}d}" if digits else "")
    if places is None and "." in text:
        text = text.rstrip("0").rstrip(".")
    return text or "0"


_VALUES = (
    st.fractions(max_denominator=10**6)
    | st.integers(-(10**7), 10**7).map(lambda n: F(n, 2 * 10**4))
    | st.integers(-(10**7), 10**7).map(lambda n: F(2 * n + 1, 2 * 10**3))
)  # ties at 0-3 places


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


@given(
    st.none()
    | st.fractions(max_denominator=10**15)
    | st.builds(lambda n, k: F(n, 10**k), st.integers(-(10**6), 10**6), st.integers(0, 15))
)
def test_decimals_of_in_whole_numbers_is_the_fraction_loop(step: F | None) -> None:
    assert decimals_of(step) == _reference_decimals_of(step)


@given(
    st.integers(-(10**70), 10**70)
    | st.integers(-(2**200), 2**200)  # around 10^60, where a whole number is first shown in E notation
    | st.sampled_from([10**60 - 1, 10**60, -(10**60) + 1, -(10**60), 2**199, 2**199 - 1])
)
def test_show_exact_writes_a_whole_number_as_show_does(n: int) -> None:
    """show_exact writes a whole number at once (most figures are whole): the text `show` writes, huge or not."""
    assert show_exact(F(n)) == show(F(n))
    assert show_exact(rational(n)) == show(F(n))


def test_huge_values_round_outwards_for_interval_bounds() -> None:
    third = F(10**61, 3)
    assert show(third, rounding=ROUND_FLOOR) == "3.333333E+60"
    assert show(third, rounding=ROUND_CEILING) == "3.333334E+60"
    assert show(third, 8) == "3.3333333333E+60"  # more places asked: more digits, so bounds can be told apart


def test_show_significant() -> None:
    assert show_significant(F(122, 100000)) == "0.00122"
    assert show_significant(F("0.0071")) == "0.0071"
    assert show_significant(F(42)) == "42"
    assert show_significant(F(1, 3)) == "0.3333"
    assert show_significant(F(10, 7)) == "1.4286"


def test_a_value_just_outside_is_shown_outside() -> None:
    """The report once said "= 0.45, but '0.5%' means [0.45, 0.55]" of 0.4499."""
    assert show_against(Interval.point(F("0.4499")), Interval(F("0.45"), F("0.55")), 2) == ("0.4499", "[0.45, 0.55]")
    # the bounds get places too when the value is within their rounding ("one in five": up to 22.2222…%)
    assert show_against(Interval.point(F("22.22225")), Interval(F(18), F(200, 9)), 2) == (
        "22.22225",
        "[18, 22.2222223]",
    )
    # an open end: "more than 1,640" does not hold 1,640.004 shown as 1,640.0
    assert show_against(Interval.point(F("1640.004")), Interval(1640, 1650, True, True), 1) == (
        "1,640.004",
        "(1,640, 1,650)",
    )


def test_nothing_changes_where_nothing_misleads() -> None:
    assert show_against(Interval.point(F("121.96")), Interval(F("121.5"), F("122.5")), 1) == ("122.0", "[121.5, 122.5]")
    assert show_against(Interval.point(F(3, 7)), Interval(F(1, 3), F(2, 3)), None) == ("0.4286", "[0.3333, 0.6667]")


_ENDS = (
    st.fractions(min_value=-(10**4), max_value=10**4, max_denominator=10**5)
    | st.integers(-(10**6), 10**6).map(lambda n: F(n, 10**4))  # ends on round numbers: values touch them
    | st.integers(-(10**4), 10**4).map(lambda n: F(n * 10**58))
)  # beyond 10^60: scientific notation


@st.composite
def _values(draw: st.DrawFn) -> Interval:
    a = draw(_ENDS)
    nudge = draw(st.sampled_from([0, 0, 1, -1])) * F(1, draw(st.sampled_from([10**3, 10**5, 10**9, 10**15])))
    a += nudge
    if draw(st.booleans()):
        return Interval.point(a)
    b = draw(_ENDS)
    return Interval(min(a, b), max(a, b))


@st.composite
def _bounds(draw: st.DrawFn) -> Interval:
    a, b = draw(st.none() | _ENDS), draw(_ENDS)
    if a is not None and a > b:
        a, b = b, a
    if a == b:  # a single value: closed, as every interval the words give is
        return Interval(a, b)
    return Interval(a, b, draw(st.booleans()) or a is None, draw(st.booleans()))


@settings(max_examples=1000, deadline=None)
@given(_values(), _bounds(), st.none() | st.integers(0, 4), st.booleans())
def test_a_shown_value_seems_inside_the_shown_interval_exactly_when_it_is(
    value: Interval, bounds: Interval, places: int | None, size: bool
) -> None:
    shown_value, shown_bounds = show_against(value, bounds, places, size=size)
    seen_value, seen_bounds = _read(shown_value), _read(shown_bounds)
    judged = _size(value) if size else value
    seen = _size(seen_value) if size else seen_value
    assert seen.overlaps(seen_bounds) == judged.overlaps(bounds), (shown_value, shown_bounds)


def _size(interval: Interval) -> Interval:
    assert interval.lo is not None and interval.hi is not None
    if interval.lo >= 0:
        return interval
    if interval.hi <= 0:
        return interval.negate()
    return Interval(0, max(-interval.lo, interval.hi))


def _read(text: str) -> Interval:
    """What a reader takes from the text: written independently of numbers.py's own reading."""

    def number(part: str) -> F | None:
        return None if "∞" in part else F(Decimal(part.replace(",", "")))

    if text[0] not in "[(":
        value = number(text)
        return Interval(value, value)
    lo, hi = (number(part) for part in text[1:-1].split(", "))
    return Interval(lo, hi, text[0] == "(", text[-1] == ")")


# -- a number with its unit, as a reader says it ----------------------------------------------------


@pytest.mark.parametrize(
    ("value", "unit", "said"),
    [
        (F(1104), "burglary", "1,104 burglaries"),
        (F(1), "burglary", "1 burglary"),
        (F(268930), "person", "268,930 people"),
        (F(4452), "incidents", "4,452 incidents"),
        (F(17), "week", "17 weeks"),
        (F(3), "bus", "3 buses"),
        (F(3_400_000_000), "GBP", "£3.4bn"),
        (F(1_200_000), "gbp", "£1.2m"),
        (F(1_214_600), "GBP", "£1,214,600"),
        (F("2243.61"), "GBP", "£2,243.61"),
        (F("2243.6"), "£", "£2,243.60"),
        (F(-5), "USD", "-$5"),
        (F("7.1"), "incident per 1000 person", "7.1 incidents per 1,000 people"),
        (F(122), "offender / (100000 * person)", "122 offenders per 100,000 people"),
        (F(45), "GBP / dwelling", "£45 per dwelling"),
        (F("12.5"), "percent", "12.5%"),
        (F("2.5"), "percentage_point", "2.5 percentage points"),
        (F(10), "1000 person", "10 × 1,000 people"),
        (F(5), "km", "5 km"),
        (F(42), "1", "42"),
    ],
)
def test_amounts_are_shown_as_a_reader_says_them(value: F, unit: str, said: str) -> None:
    assert show_amount(value, unit) == said


@given(st.fractions(min_value=-(10**12), max_value=10**12), st.sampled_from(["case", "person", "km", "percent", "1"]))
def test_an_amount_not_in_money_begins_with_its_number(value: F, unit: str) -> None:
    assert show_amount(value, unit).startswith(show(value))


def test_the_units_module_makes_plurals_by_the_same_rule() -> None:
    assert spoken(parse_unit("burglary"), plural=True) == plural("burglary") == "burglaries"
    assert spoken(parse_unit("person"), plural=True) == "people"
