"""Rank claims judged: where one value stands among others, the places it can hold over exact intervals,
and whether rank words hold there.

A figure published rounded is an interval, so a place is too: `place_of(of, others, end)` gives every
place `of` can hold, counted from the high or the low end, for some choice of values within the
intervals (as a comparison of rounded figures gives them the benefit of the doubt). The place is 1
plus the number of other values above it (below it, from the low end); equal values share the
better place, so "joint highest" is highest and two values tied for first are both 1st. The counts
are kept sorted, so a place costs O(log n) per value tried, and a list of n values O(n log n).

A rank's words hold when the place its value can hold is one they allow (`judge_rank`): "the highest"
and "the Nth highest" that place; "among the N highest" and "in the top N" at most the Nth; "one of
the highest" at most the max(3, ⌈n/4⌉)th, n the number of values. A miss is gross when even the best
place the value can hold, from the words' end, lies in the far half: the last ⌊n/2⌋ places ("the
highest" for the lowest; "one of the lowest" for the 6th lowest of 12 is not gross, the 7th is).
The explanation names the actual place ("3rd of 12") and the values above it.

The verifier imports this module only when it judges a rank, so a file without ranks never pays for it.
"""

from __future__ import annotations

import bisect
import itertools
import math
from collections.abc import Sequence
from fractions import Fraction
from typing import Final

import attrs

from factcheck.model.claims import SourceKind
from factcheck.model.results import Outcome, RankPlace
from factcheck.model.verdicts import Verdict
from factcheck.numbers.display import ordinal, show_exact, show_interval
from factcheck.numbers.exact import rational
from factcheck.numbers.interval import Interval
from factcheck.words.ranks import RankWords, Reach
from factcheck.words.table import End

__all__ = ["Entry", "Place", "RankJudgement", "judge_rank", "place_of", "rank_outcome"]


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

    Fractions compare slowly (a sort of 400 takes milliseconds), so when the ends share a common
    denominator of reasonable size (a table's decimals do) they are kept as whole multiples of it,
    which sort and compare as plain integers; the value asked about is compared exactly all the same.
    """

    def __init__(self, intervals: Sequence[Interval]) -> None:
        closed = [i.lo for i in intervals if i.lo is not None and not i.lo_open]
        opened = [i.lo for i in intervals if i.lo is not None and i.lo_open]
        highs = [i.hi for i in intervals if i.hi is not None]
        self._scale = _common_denominator([*closed, *opened, *highs])
        self._closed_lows = self._sorted(closed)
        self._open_lows = self._sorted(opened)
        self._highs = self._sorted(highs)
        self._unbounded_above = sum(1 for i in intervals if i.hi is None)

    def _sorted(self, values: list[Fraction]) -> list[Fraction] | list[int]:
        if self._scale is None:
            return sorted(values)
        scale = self._scale
        return sorted(v.numerator * (scale // v.denominator) for v in values)

    def _at_most(self, ends: list[Fraction] | list[int], v: Fraction) -> int:
        """How many ends are at most v."""
        if self._scale is None:
            return bisect.bisect_right(ends, v)
        return bisect.bisect_right(ends, math.floor(v * self._scale))

    def _below(self, ends: list[Fraction] | list[int], v: Fraction) -> int:
        """How many ends are below v."""
        if self._scale is None:
            return bisect.bisect_left(ends, v)
        scaled = v * self._scale
        return bisect.bisect_left(ends, scaled.numerator) if scaled.denominator == 1 else self._at_most(ends, v)

    def surely_above(self, v: Fraction) -> int:
        closed = len(self._closed_lows) - self._at_most(self._closed_lows, v)
        return closed + len(self._open_lows) - self._below(self._open_lows, v)

    def maybe_above(self, v: Fraction) -> int:
        return len(self._highs) - self._at_most(self._highs, v) + self._unbounded_above


#: A common denominator beyond this is not used: the values are sorted as fractions instead.
_MOST_SCALE: Final = 10**40


def _common_denominator(values: Sequence[Fraction]) -> int | None:
    """The least common denominator of `values`, or None when it is beyond `_MOST_SCALE`."""
    common = 1
    for value in values:
        denominator = value.denominator
        if common % denominator:
            common = common * denominator // math.gcd(common, denominator)
            if common > _MOST_SCALE:
                return None
    return common


def _trial_points(of: Interval, others: Sequence[Interval]) -> list[Fraction]:
    """Values of `of` at which the counts of `place_of` take every value they can (its docstring)."""
    if of.is_point:
        assert of.lo is not None
        return [of.lo]
    ends = {bound for interval in (of, *others) for bound in (interval.lo, interval.hi) if bound is not None}
    if of.lo is None:
        ends.add(min(ends, default=rational(0)) - 1)
    if of.hi is None:
        ends.add(max(ends, default=rational(0)) + 1)
    ordered = sorted(ends)
    middles = [(a + b) / 2 for a, b in itertools.pairwise(ordered)]
    return [v for v in (*ordered, *middles) if of.contains(v)]


# -- ranks ----------------------------------------------------------------------------------------------
@attrs.frozen(kw_only=True)
class RankJudgement:
    """Whether rank words hold, whether a miss is gross, the actual place, and why, for a sub-editor."""

    holds: bool
    gross: bool
    words: RankWords
    place: Place
    bound: int  # the last place the words allow, from their end
    explanation: str

    @property
    def needs(self) -> str:
        """What the words need of the place: "2nd", "at most 3rd"."""
        if self.words.reach is Reach.EXACT:
            return ordinal(self.words.place)
        return f"at most {ordinal(self.bound)}"


def judge_rank(words: RankWords, of: Entry, among: Sequence[Entry], *, order: End | None = None) -> RankJudgement:
    """Judge rank `words` for `of` among `among` (an entry with `of`'s key is `of` itself, counted once)."""
    others = [entry for entry in among if entry.key != of.key]
    end = words.end_for(order)
    place = place_of(of.value, [entry.value for entry in others], end)
    n = place.n
    bound = words.bound(n)
    holds = words.place in place.places if words.reach is Reach.EXACT else place.best <= bound
    gross = not holds and place.best > n - n // 2
    return RankJudgement(
        holds=holds,
        gross=gross,
        words=words,
        place=place,
        bound=bound,
        explanation=_rank_explanation(words, of, others, place, bound, holds=holds, gross=gross),
    )


def rank_outcome(
    judgement: RankJudgement, base: Outcome, *, basis: SourceKind | None, figures: tuple[str, ...]
) -> Outcome:
    """The outcome of a judged rank: supported or contradicted (gross at the far end), with the place it holds."""
    place = judgement.place
    return attrs.evolve(
        base,
        verdict=Verdict.SUPPORTED if judgement.holds else Verdict.CONTRADICTED,
        gross=judgement.gross,
        explanation=judgement.explanation,
        interval=_allowed_places(judgement),
        computed=Interval(place.best, place.worst),
        basis=basis,
        figures=figures,
        place=RankPlace(
            best=place.best,
            worst=place.worst,
            n=place.n,
            end=place.end.value,
            text=str(place),
            needs=judgement.needs,
        ),
    )


def _allowed_places(judgement: RankJudgement) -> Interval:
    """The places the words allow, as an interval of places: [2, 2] for "the second highest", [1, 3] for "one of"."""
    if judgement.words.reach is Reach.EXACT:
        return Interval.point(rational(judgement.words.place))
    return Interval(rational(1), rational(judgement.bound))


def _rank_explanation(
    words: RankWords, of: Entry, others: Sequence[Entry], place: Place, bound: int, *, holds: bool, gross: bool
) -> str:
    """ "727.4 is 3rd of 12 from the high end (Mossbridge 767.1 and Hathersby 758.5 above it); 'the second
    highest rate' needs 2nd"."""
    side = "above" if place.end is End.HIGH else "below"
    text = f"{of.text} is {place} from the {place.end.value} end"
    notes = _rank_notes(of, others, place, side)
    if notes:
        text += f" ({'; '.join(notes)})"
    if words.since is not None:
        text += f", among the {place.n} values {words.since}"
    if holds:
        return text
    need = {
        Reach.EXACT: ordinal(words.place),
        Reach.WITHIN: f"at most {ordinal(bound)}",
        Reach.ONE_OF: f"at most {ordinal(bound)} (max(3, ⌈{place.n}/4⌉) places)",
    }[words.reach]
    far = f"; it is in the {'lower' if place.end is End.HIGH else 'upper'} half" if gross else ""
    return f"{text}; {words.text!r} needs {need}{far}"


def _rank_notes(of: Entry, others: Sequence[Entry], place: Place, side: str) -> list[str]:
    """The values nearer the end than `of` (or the next one after it), those that may be either side, its ties."""
    nearer = _sorted_from(place.end, [e for e in others if _beyond(e.value, of.value, place.end)])
    either = [
        e
        for e in others
        if not _beyond(e.value, of.value, place.end)
        and not _beyond(of.value, e.value, place.end)
        and not (e.value.is_point and e.value == of.value)
    ]
    notes = []
    if nearer:
        notes.append(_listing(nearer, side))
    elif others:
        undecided = {id(e) for e in either}  # by identity: comparing entries compares their fractions
        after = _sorted_from(place.end, [e for e in others if id(e) not in undecided])
        if after:
            notes.append(f"next: {after[0].label} {after[0].text}")
    if either:
        notes.append(f"{_names(either[:3])}{' and others' if len(either) > 3 else ''} may be either side")
    ties = [e for e in others if e.value.is_point and of.value.is_point and e.value == of.value]
    if ties:
        notes.append(f"level with {_names(ties[:3])}")
    return notes


def _beyond(value: Interval, of: Interval, end: End) -> bool:
    """`value` is nearer `end` than `of` for certain."""
    return value.entirely_above(of) if end is End.HIGH else value.entirely_below(of)


def _sorted_from(end: End, entries: Sequence[Entry]) -> list[Entry]:
    """In order of nearness to `end`, for naming the nearest in an explanation (floats: only the order shown)."""

    def key(entry: Entry) -> float:
        bound = entry.value.hi if end is End.HIGH else entry.value.lo
        return float(bound) if bound is not None else 0.0

    return sorted(entries, key=key, reverse=end is End.HIGH)


def _listing(entries: Sequence[Entry], side: str) -> str:
    if len(entries) <= 3:
        return f"{_names(entries)} {side} it"
    return f"{len(entries)} values {side} it, the nearest {_names(entries[:-4:-1])}"


def _names(entries: Sequence[Entry]) -> str:
    shown = [f"{entry.label} {entry.text}" for entry in entries]
    return shown[0] if len(shown) == 1 else ", ".join(shown[:-1]) + " and " + shown[-1]
