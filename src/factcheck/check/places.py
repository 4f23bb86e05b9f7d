"""Where one value stands among others: the places it can hold, counted over exact intervals.

A figure published rounded is an interval, so a place is too: `place_of(of, others, end)` gives every
place `of` can hold, counted from the high or the low end, for some choice of values within the
intervals (as a comparison of rounded figures gives them the benefit of the doubt). The place is 1
plus the number of other values above it (below it, from the low end); equal values share the
better place, so "joint highest" is highest and two values tied for first are both 1st. The counts
are kept sorted, so a place costs O(log n) per value tried, and a list of n values O(n log n).
"""

from __future__ import annotations

import bisect
import itertools
from collections.abc import Sequence
from fractions import Fraction

import attrs

from factcheck.numbers.display import ordinal, show_exact, show_interval
from factcheck.numbers.interval import Interval
from factcheck.words.table import End

__all__ = ["Entry", "Place", "place_of"]


@attrs.frozen(kw_only=True)
class Entry:
    """One value ranked: what it is (`key`, so that `of` is counted once), how it is named in an explanation
    (`label`: a row's key, a period, a figure's name), its value, and how it is written."""

    label: str
    value: Interval
    shown: str | None = None  # as published ("767.1"); when None, the value is shown in decimals
    key: str = attrs.field()  # the label, unless told

    @key.default
    def _key_is_label(self) -> str:
        return self.label

    @property
    def text(self) -> str:
        if self.shown is not None:
            return self.shown
        if self.value.is_point and self.value.lo is not None:
            return show_exact(self.value.lo)
        return show_interval(self.value)


@attrs.frozen(kw_only=True)
class Place:
    """The places `of` can hold among `n` values, counted from `end`: `places` every one some values give."""

    places: tuple[int, ...]
    n: int
    end: End
    tied: bool = False  # `of` is a figure equal to another: it shares its place

    @property
    def best(self) -> int:
        return self.places[0]

    @property
    def worst(self) -> int:
        return self.places[-1]

    def __str__(self) -> str:
        """ "3rd of 12", "joint 1st of 12", "2nd to 4th of 42"."""
        if self.best == self.worst:
            return f"{'joint ' if self.tied else ''}{ordinal(self.best)} of {self.n}"
        return f"{ordinal(self.best)} to {ordinal(self.worst)} of {self.n}"


def place_of(of: Interval, others: Sequence[Interval], end: End) -> Place:
    """The places `of` can hold among itself and `others`, counted from `end` (see the module's docstring).

    At a value v of `of`, an other value is above it for certain when every value of its interval is
    above v, and may be above it when some value is; ties are never above. So v gives every place
    from 1 + (the certain ones) to 1 + (the possible ones), the undecided ones falling either way
    independently. These counts change only at the ends of the intervals, so it is enough to try v
    at each end that lies in `of` and between each two neighbouring ends.
    """
    if end is End.LOW:  # the low end of the values is the high end of their negatives
        of, others = of.negate(), [other.negate() for other in others]
    counter = _AboveCounter(others)
    achievable: set[int] = set()
    for v in _trial_points(of, others):
        achievable.update(range(1 + counter.surely_above(v), 2 + counter.maybe_above(v)))
    tied = of.is_point and any(other.is_point and other.lo == of.lo for other in others)
    return Place(places=tuple(sorted(achievable)), n=len(others) + 1, end=end, tied=tied)


class _AboveCounter:
    """How many intervals are above a value for certain, and how many may be, in O(log n) per value.

    An interval is above v for certain when its low end is above v (or at v and open); it may be above
    v when its high end is above v (or it has none). Ties are never above: they share the better place.
    """

    def __init__(self, intervals: Sequence[Interval]) -> None:
        self._closed_lows = sorted(i.lo for i in intervals if i.lo is not None and not i.lo_open)
        self._open_lows = sorted(i.lo for i in intervals if i.lo is not None and i.lo_open)
        self._highs = sorted(i.hi for i in intervals if i.hi is not None)
        self._unbounded_above = sum(1 for i in intervals if i.hi is None)

    def surely_above(self, v: Fraction) -> int:
        closed = len(self._closed_lows) - bisect.bisect_right(self._closed_lows, v)
        return closed + len(self._open_lows) - bisect.bisect_left(self._open_lows, v)

    def maybe_above(self, v: Fraction) -> int:
        return len(self._highs) - bisect.bisect_right(self._highs, v) + self._unbounded_above


def _trial_points(of: Interval, others: Sequence[Interval]) -> list[Fraction]:
    """Values of `of` at which the counts of `place_of` take every value they can (its docstring)."""
    if of.is_point:
        assert of.lo is not None
        return [of.lo]
    ends = {bound for interval in (of, *others) for bound in (interval.lo, interval.hi) if bound is not None}
    if of.lo is None:
        ends.add(min(ends, default=Fraction(0)) - 1)
    if of.hi is None:
        ends.add(max(ends, default=Fraction(0)) + 1)
    ordered = sorted(ends)
    middles = [(a + b) / 2 for a, b in itertools.pairwise(ordered)]
    return [v for v in (*ordered, *middles) if of.contains(v)]
