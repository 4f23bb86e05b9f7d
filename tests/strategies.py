"""Hypothesis strategies shared by the tests: numbers as a journalist writes them, intervals."""

from __future__ import annotations

from fractions import Fraction

from hypothesis import strategies as st

from factcheck.numbers.interval import Interval

fractions = st.fractions(min_value=-(10**9), max_value=10**9, max_denominator=10**6)


@st.composite
def intervals(draw: st.DrawFn) -> Interval:
    a, b = draw(fractions), draw(fractions)
    return Interval(min(a, b), max(a, b))


@st.composite
def written_numbers(draw: st.DrawFn) -> tuple[str, Fraction, Fraction]:
    """(text, value, step) of a non-negative number written with commas at some decimal precision."""
    decimals = draw(st.integers(0, 3))
    units = draw(st.integers(0, 10**9))
    value = Fraction(units, 10**decimals)
    whole, frac = divmod(units, 10**decimals)
    text = f"{whole:,}" + (f".{frac:0{decimals}d}" if decimals else "")
    return text, value, Fraction(1, 10**decimals)
