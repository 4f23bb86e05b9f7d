"""Showing exact numbers the way a sub-editor reads them: "1,151,639", "122.0", "3.55%"."""

from __future__ import annotations

from decimal import ROUND_CEILING, ROUND_FLOOR, ROUND_HALF_EVEN, Decimal, localcontext
from fractions import Fraction
from math import gcd

from factcheck.interval import Interval

__all__ = ["decimals_of", "show", "show_interval"]

#: From here on a number is shown in scientific notation.
_HUGE = 10**60


def decimals_of(step: Fraction | None) -> int:
    """How many decimal places a step has: 0.1 -> 1, 100 -> 0."""
    if step is None or step.numerator <= 0 or step.numerator >= step.denominator:  # not in (0, 1)
        return 0
    # step × 10 in lowest terms has the denominator d / gcd(d, 10): whole numbers, no Fraction products
    places = 0
    denominator = step.denominator
    while denominator != 1 and places < 12:
        denominator //= gcd(denominator, 10)
        places += 1
    return places


def show(value: Fraction, places: int | None = None, *, rounding: str = ROUND_HALF_EVEN) -> str:
    """A number with thousands separators; whole numbers as they are, others to `places` places.

    With no `places`, up to 4 decimals, trailing zeros dropped.
    """
    numerator, denominator = value.numerator, value.denominator
    if abs(numerator) >= _HUGE * denominator:  # no reader wants 61 digits, and Python refuses str() of a huge integer
        with localcontext() as ctx:
            ctx.prec = 30
            return f"{Decimal(numerator) / Decimal(denominator):.6E}"
    if places is None and denominator == 1:
        return f"{numerator:,}"
    digits = 4 if places is None else places
    units = _round(numerator * 10**digits, denominator, rounding)  # exact: the value in units of the last place shown
    sign = "-" if units < 0 else ""
    whole, fraction = divmod(abs(units), 10**digits)
    text = f"{sign}{whole:,}" + (f".{fraction:0{digits}d}" if digits else "")
    if places is None and "." in text:
        text = text.rstrip("0").rstrip(".")
    return text or "0"


def _round(numerator: int, denominator: int, rounding: str) -> int:
    """numerator / denominator (denominator > 0) rounded to a whole number, in integers only:
    half to even (as `round` of a Fraction), or floor, or ceiling (outward for intervals)."""
    if rounding == ROUND_FLOOR:
        return numerator // denominator
    if rounding == ROUND_CEILING:
        return -(-numerator // denominator)
    floor, remainder = divmod(numerator, denominator)
    twice = remainder * 2
    if twice < denominator or (twice == denominator and floor % 2 == 0):
        return floor
    return floor + 1


def show_interval(interval: Interval, places: int | None = None) -> str:
    if interval.is_point and interval.lo is not None:
        return show(interval.lo, places)
    left = "(" if interval.lo_open or interval.lo is None else "["
    right = ")" if interval.hi_open or interval.hi is None else "]"
    while True:  # show enough places to tell the bounds apart
        # bounds are rounded outwards, so the interval shown always holds the true one
        lo = "−∞" if interval.lo is None else show(interval.lo, places, rounding=ROUND_FLOOR)
        hi = "∞" if interval.hi is None else show(interval.hi, places, rounding=ROUND_CEILING)
        if lo != hi or places is None or places >= 8:
            return f"{left}{lo}, {hi}{right}"
        places += 1
