"""Exact intervals of rational numbers: what a rounded figure or a stated phrase can mean.

A figure published as 64,300 (to the nearest 100) is every value in [64,250, 64,350]; a
recomputation carries such intervals through, so a rounded input never raises a false alarm.
Bounds are exact rationals, never floats, so a value on a boundary is judged the same everywhere:
`Fraction`s for an interval built from ordinary numbers, and in the engine the type `numbers.exact`
chooses (gmpy2's `mpq` where installed), kept as they are given; `public` gives an interval back with
`Fraction` bounds, as the public API returns it.
"""

from __future__ import annotations

from fractions import Fraction

import attrs

from factcheck.errors import IntervalError, ZeroDenominatorError
from factcheck.numbers.exact import as_float, compare, exact, is_exact, to_fraction

__all__ = ["Interval", "Number", "as_fraction", "engine", "engine_figure", "public"]

#: What an interval's bound may be given as: exact, or written ("1.5").
Number = int | Fraction | str


def as_fraction(value: Number | float) -> Fraction:
    """Exact value of a number; a float is read through its shortest repr, as it was written.

    An exact number (a `Fraction`, or the engine's type) is kept as it is: a user's interval has
    `Fraction` bounds, the engine's the type it computes in.
    """
    if is_exact(value) or isinstance(value, Fraction):  # the engine's type first: Fraction's check asks an ABC
        return value
    if isinstance(value, float):
        return Fraction(repr(value))
    return Fraction(value)


def _fraction(value: object) -> Fraction | None:
    return None if value is None else as_fraction(value)  # type: ignore[arg-type]


@attrs.frozen(slots=True)
class Interval:
    """The numbers between `lo` and `hi`; `None` is an unbounded side; each end open or closed."""

    lo: Fraction | None = attrs.field(converter=_fraction)
    hi: Fraction | None = attrs.field(converter=_fraction)
    lo_open: bool = False
    hi_open: bool = False

    def __attrs_post_init__(self) -> None:
        if self.lo is not None and self.hi is not None and _compare(self.lo, self.hi) > 0:
            msg = f"interval bounds in the wrong order: {self.lo} > {self.hi}"
            raise IntervalError(msg)

    # -- construction ---------------------------------------------------------------------
    @classmethod
    def point(cls, value: Number | float) -> Interval:
        v = as_fraction(value)
        return _closed(v, v) if cls is Interval else cls(v, v)

    @classmethod
    def around(cls, centre: Number, half_width: Number) -> Interval:
        """[centre − half_width, centre + half_width]: a number rounded to a step of 2 × half_width."""
        c, h = as_fraction(centre), abs(as_fraction(half_width))
        return _closed(c - h, c + h) if cls is Interval else cls(c - h, c + h)  # in order, as h >= 0

    @classmethod
    def everything(cls) -> Interval:
        return cls(None, None, True, True)

    # -- questions ------------------------------------------------------------------------
    @property
    def is_point(self) -> bool:
        lo, hi = self.lo, self.hi
        return lo is not None and (lo is hi or (hi is not None and _compare(lo, hi) == 0))

    @property
    def is_bounded(self) -> bool:
        return self.lo is not None and self.hi is not None

    @property
    def centre(self) -> Fraction:
        if self.lo is None or self.hi is None:
            msg = "an unbounded interval has no centre"
            raise IntervalError(msg)
        return (self.lo + self.hi) / 2

    @property
    def width(self) -> Fraction:
        if self.lo is None or self.hi is None:
            msg = "an unbounded interval has no width"
            raise IntervalError(msg)
        return self.hi - self.lo

    def contains(self, value: Number | float) -> bool:
        v = as_fraction(value)
        if self.lo is not None and (v < self.lo or (self.lo_open and v == self.lo)):
            return False
        return not (self.hi is not None and (v > self.hi or (self.hi_open and v == self.hi)))

    def overlaps(self, other: Interval) -> bool:
        """Whether some number lies in both intervals (whether `intersection` is not None).

        The tighter end of each side as `_tighter_lo` and `_tighter_hi` find it, written out here: every
        claim asks this several times, and two calls fewer each time are a tenth of a check's comparisons.
        """
        lo, lo_open, other_lo = self.lo, self.lo_open, other.lo
        if lo is None:
            lo, lo_open = other_lo, other.lo_open
        elif other_lo is not None:
            order = _compare(lo, other_lo)
            if order < 0:
                lo, lo_open = other_lo, other.lo_open
            elif order == 0:
                lo_open = lo_open or other.lo_open
        hi, hi_open, other_hi = self.hi, self.hi_open, other.hi
        if hi is None:
            hi, hi_open = other_hi, other.hi_open
        elif other_hi is not None:
            order = _compare(hi, other_hi)
            if order > 0:
                hi, hi_open = other_hi, other.hi_open
            elif order == 0:
                hi_open = hi_open or other.hi_open
        if lo is None or hi is None:
            return True
        order = _compare(lo, hi)
        return order < 0 or (order == 0 and not (lo_open or hi_open))

    def intersection(self, other: Interval) -> Interval | None:
        lo, lo_open = _tighter_lo(self, other)
        hi, hi_open = _tighter_hi(self, other)
        if lo is not None and hi is not None and (lo > hi or (lo == hi and (lo_open or hi_open))):
            return None
        return Interval(lo, hi, lo_open, hi_open)

    def entirely_above(self, other: Interval) -> bool:
        """Every number here is greater than every number there."""
        if self.lo is None or other.hi is None:
            return False
        return self.lo > other.hi or (self.lo == other.hi and (self.lo_open or other.hi_open))

    def entirely_below(self, other: Interval) -> bool:
        return other.entirely_above(self)

    def widen(self, by_lo: Fraction, by_hi: Fraction | None = None) -> Interval:
        by_hi = by_lo if by_hi is None else by_hi
        lo = None if self.lo is None else self.lo - by_lo
        hi = None if self.hi is None else self.hi + by_hi
        return Interval(lo, hi, self.lo_open, self.hi_open)

    def negate(self) -> Interval:
        lo = None if self.hi is None else -self.hi
        hi = None if self.lo is None else -self.lo
        return _made(lo, hi, self.hi_open, self.lo_open)

    # -- arithmetic (bounded, closed operands: recomputation works on figures) -------------
    def _bounds(self) -> tuple[Fraction, Fraction]:
        if self.lo is None or self.hi is None:
            msg = "arithmetic needs a bounded interval"
            raise IntervalError(msg)
        return self.lo, self.hi

    def __add__(self, other: Interval) -> Interval:
        a, b = self._bounds()
        c, d = other._bounds()
        if a is b and c is d:  # two exact figures: one sum
            total = a + c
            return _closed(total, total)
        return _closed(a + c, b + d)

    def __sub__(self, other: Interval) -> Interval:
        a, b = self._bounds()
        c, d = other._bounds()
        if a is b and c is d:  # two exact figures: one difference
            difference = a - c
            return _closed(difference, difference)
        return _closed(a - d, b - c)

    def __mul__(self, other: Interval) -> Interval:
        a, b = self._bounds()
        c, d = other._bounds()
        if (a is b or a == b) and (c is d or c == d):  # two exact figures: the common case
            product = a * c
            return _closed(product, product)
        products = (a * c, a * d, b * c, b * d)
        return _closed(min(products), max(products))

    def __truediv__(self, other: Interval) -> Interval:
        a, b = self._bounds()
        c, d = other._bounds()
        if c.numerator <= 0 <= d.numerator:  # the sign of a Fraction is its numerator's
            msg = "division by zero" if c == d == 0 else f"the denominator may be zero (it lies in [{c}, {d}])"
            raise ZeroDenominatorError(msg)
        if (a is b or a == b) and (c is d or c == d):
            quotient = a / c
            return _closed(quotient, quotient)
        return self * _closed(1 / d, 1 / c)

    def __neg__(self) -> Interval:
        return self.negate()

    def shift(self, by: Fraction) -> Interval:
        """Every value plus `by` (exact): a reading on another temperature scale."""
        a, b = self._bounds()
        return _closed(a + by, b + by)

    def scale(self, factor: Number) -> Interval:
        """Every value times `factor` (exact)."""
        a, b = self._bounds()
        f = as_fraction(factor)
        if a is b:  # an exact figure: one product
            product = a * f
            return _closed(product, product)
        return _closed(a * f, b * f) if f.numerator >= 0 else _closed(b * f, a * f)

    def __str__(self) -> str:
        left = "(" if self.lo_open or self.lo is None else "["
        right = ")" if self.hi_open or self.hi is None else "]"
        lo = "-inf" if self.lo is None else str(as_float(self.lo))
        hi = "inf" if self.hi is None else str(as_float(self.hi))
        return f"{left}{lo}, {hi}{right}"


_new = object.__new__
_set = object.__setattr__


def _closed(lo: Fraction, hi: Fraction) -> Interval:
    """[lo, hi] from exact bounds already in order: arithmetic's results skip conversion and checks."""
    return _made(lo, hi, False, False)


def _made(lo: Fraction | None, hi: Fraction | None, lo_open: bool, hi_open: bool) -> Interval:
    """An interval from bounds that are already `Fraction`s (or None) and in order, unchecked."""
    interval: Interval = _new(Interval)
    _set(interval, "lo", lo)
    _set(interval, "hi", hi)
    _set(interval, "lo_open", lo_open)
    _set(interval, "hi_open", hi_open)
    return interval


#: -1, 0 or 1 as a <, = or > b, exact, the cheapest way for the engine's numbers (hot).
_compare = compare


def engine(interval: Interval) -> Interval:
    """The interval with bounds of the engine's type (`numbers.exact`): a figure's, as the verifier uses it."""
    lo, hi = interval.lo, interval.hi
    if (lo is None or is_exact(lo)) and (hi is None or is_exact(hi)):
        return interval
    lo_exact = None if lo is None else exact(lo)
    hi_exact = lo_exact if hi is lo else (None if hi is None else exact(hi))  # a point stays one number: `a is b`
    return _made(lo_exact, hi_exact, interval.lo_open, interval.hi_open)


def engine_figure(value: Fraction, rounded: Fraction | None) -> Interval:
    """A figure published as `value`, rounded to a step of `rounded` (none: exact), in the engine's numbers:
    what `engine(Figure.interval)` gives, without the Fractions in between (every figure of a check asks)."""
    exact_value = exact(value)
    if rounded:
        return Interval.around(exact_value, exact(rounded) / 2)
    return _closed(exact_value, exact_value)


def public(interval: Interval) -> Interval:
    """The interval with `Fraction` bounds: what the public API gives back, whatever the engine computed in."""
    lo, hi = interval.lo, interval.hi
    if (lo is None or type(lo) is Fraction) and (hi is None or type(hi) is Fraction):
        return interval
    lo_fraction = None if lo is None else to_fraction(lo)
    hi_fraction = lo_fraction if hi is lo else (None if hi is None else to_fraction(hi))
    return _made(lo_fraction, hi_fraction, interval.lo_open, interval.hi_open)


def _tighter_lo(x: Interval, y: Interval) -> tuple[Fraction | None, bool]:
    if x.lo is None:
        return y.lo, y.lo_open
    if y.lo is None:
        return x.lo, x.lo_open
    order = _compare(x.lo, y.lo)
    if order > 0:
        return x.lo, x.lo_open
    if order < 0:
        return y.lo, y.lo_open
    return x.lo, x.lo_open or y.lo_open


def _tighter_hi(x: Interval, y: Interval) -> tuple[Fraction | None, bool]:
    if x.hi is None:
        return y.hi, y.hi_open
    if y.hi is None:
        return x.hi, x.hi_open
    order = _compare(x.hi, y.hi)
    if order < 0:
        return x.hi, x.hi_open
    if order > 0:
        return y.hi, y.hi_open
    return x.hi, x.hi_open or y.hi_open
