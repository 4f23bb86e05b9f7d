"""Rank claims: where one value stands among others ("the highest", "the third-lowest", "one of the lowest").

Pure functions over `Interval`s, since a figure published rounded is an interval:

- `parse_rank_words(stated)` reads the rank words of a claim into `RankWords`; the word lists are
  plain data at the top of this module. Words it does not know are an error quoting them.
- `place_of(of, others, end)` is the place of `of` counted from the high or the low end: 1 plus
  the number of other values above it (below it, from the low end). Equal values share the
  better place, so "joint highest" is highest and two values tied for first are both 1st. With
  intervals, a place holds when some values within their intervals make it hold, as for
  comparisons: `Place.places` lists every place that some choice of values gives.
- `judge_rank(words, of, among, order=…)` judges the words. "The highest" and "the Nth
  highest" hold when that place is one `of` can hold; "among the N highest" and "in the top N"
  when its best place is at most N; "one of the highest" when its best place is within
  max(3, ⌈n/4⌉), n the number of values (`of` included); "the highest since 2015" and "the
  lowest for a decade" as "the highest" among `among`, which lists the periods since then.
  "Best" and "worst" need `order`: the end at which a value is good. Words that do not hold are
  `gross` when even the best place `of` can hold from the words' end lies in the far half of the
  values: the last ⌊n/2⌋ places ("the highest" for the lowest; "one of the lowest" for the 6th
  lowest of 12 is not gross, the 7th is). The result names the actual place ("3rd of 12",
  "joint 2nd of 42") and the values above it, in an explanation a sub-editor can follow.
- `diagnose_rank(…)` says what would make contradicted words true: leaving out a total row (a
  key that names a total, first or last in the list, or the largest value being the sum of the
  others), another column of the same table ("true of the 2019 column"), or the other end.
"""

from __future__ import annotations

import bisect
import enum
import itertools
import math
import re
from collections.abc import Iterable, Mapping, Sequence
from decimal import Decimal
from fractions import Fraction
from typing import Final

import attrs

from factcheck.errors import RankWordsError
from factcheck.numbers.interval import Interval

__all__ = [
    "CHANGING_WORDS",
    "EVER_PHRASES",
    "HIGH_WORDS",
    "LOW_WORDS",
    "NUMBER_WORDS",
    "ORDINAL_WORDS",
    "QUALITY_WORDS",
    "SINCE_WORDS",
    "SPAN_QUALIFIERS",
    "SPAN_STARTS",
    "SPAN_WORDS",
    "TOP_WORDS",
    "TOTAL_WORDS",
    "ColumnAlternative",
    "End",
    "Entry",
    "Place",
    "Quality",
    "RankJudgement",
    "RankWords",
    "Reach",
    "diagnose_rank",
    "judge_rank",
    "one_of_bound",
    "ordinal",
    "parse_rank_words",
    "place_of",
    "show",
    "total_rows",
    "true_of_other_columns",
    "true_without_total",
]


class End(enum.Enum):
    """The end a place is counted from."""

    HIGH = "high"
    LOW = "low"

    @property
    def other(self) -> End:
        return End.LOW if self is End.HIGH else End.HIGH


class Quality(enum.Enum):
    """ "the best" and "the worst": which end that is depends on the claim's `order`."""

    BEST = "best"
    WORST = "worst"


class Reach(enum.Enum):
    """What the words claim of the place: exactly the Nth, within the first N, or "one of the"."""

    EXACT = "exact"  # "the highest" (N = 1), "the third-lowest"
    WITHIN = "within"  # "among the five highest", "in the top ten"
    ONE_OF = "one of"  # "one of the highest": within max(3, ⌈n/4⌉)


# -- the words (plain data: the lead moves them into the one word table) --------------------------------
#: Superlatives that count from the high end, and from the low end.
HIGH_WORDS: Final[tuple[str, ...]] = (
    "highest",
    "largest",
    "biggest",
    "most",
    "greatest",
    "longest",
    "heaviest",
    "steepest",
    "sharpest",
)
LOW_WORDS: Final[tuple[str, ...]] = ("lowest", "smallest", "fewest", "least", "shortest", "lightest")
#: Superlatives of quality: their end is the claim's `order` (the end at which a value is good) or its other end.
QUALITY_WORDS: Final[Mapping[str, Quality]] = {"best": Quality.BEST, "worst": Quality.WORST}
#: "the top ten" and "the bottom five".
TOP_WORDS: Final[Mapping[str, End]] = {"top": End.HIGH, "bottom": End.LOW}
ORDINAL_WORDS: Final[Mapping[str, int]] = {
    "first": 1,
    "second": 2,
    "third": 3,
    "fourth": 4,
    "fifth": 5,
    "sixth": 6,
    "seventh": 7,
    "eighth": 8,
    "ninth": 9,
    "tenth": 10,
    "eleventh": 11,
    "twelfth": 12,
    "thirteenth": 13,
    "fourteenth": 14,
    "fifteenth": 15,
    "sixteenth": 16,
    "seventeenth": 17,
    "eighteenth": 18,
    "nineteenth": 19,
    "twentieth": 20,
}
NUMBER_WORDS: Final[Mapping[str, int]] = {
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
    "twenty": 20,
    "twenty five": 25,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "hundred": 100,
    "a hundred": 100,
}
#: Words that start "the highest since 2015" or "the lowest for a decade": the time they speak of.
SINCE_WORDS: Final[tuple[str, ...]] = ("since",)
SPAN_STARTS: Final[tuple[str, ...]] = ("for", "in", "over")
#: What may follow "for", "in" or "over" to make a span of time ("for a decade", "in 20 years").
SPAN_WORDS: Final[tuple[str, ...]] = (
    "decade",
    "decades",
    "year",
    "years",
    "month",
    "months",
    "generation",
    "century",
    "quarter",
    "quarters",
)
#: Words that may come before a span ("for at least a decade"), as word lists.
SPAN_QUALIFIERS: Final[tuple[list[str], ...]] = (
    ["at", "least"],
    ["more", "than"],
    ["over"],
    ["almost"],
    ["nearly"],
    ["well", "over"],
)
#: Words after a superlative that change which values are ranked or which place is meant ("the highest but
#: one" is the second highest; "the highest outside London" leaves London out): refused, so that the claim
#: says it with a place or with `exclude`.
CHANGING_WORDS: Final[tuple[str, ...]] = (
    "but",
    "bar",
    "except",
    "excluding",
    "outside",
    "apart",
    "besides",
    "after",
    "behind",
    "other",
    "save",
    "barring",
)
#: Whole phrases that speak of every period there is.
EVER_PHRASES: Final[tuple[str, ...]] = ("on record", "ever", "in history", "since records began")
#: Row keys that name a total rather than one of the things ranked (as words of the key, lower case).
TOTAL_WORDS: Final[tuple[str, ...]] = (
    "total",
    "totals",
    "all",
    "overall",
    "average",
    "mean",
    "national",
    "england and wales",
    "england",
    "united kingdom",
    "uk",
    "great britain",
    "gb",
    "all areas",
    "all forces",
    "country",
)
_ORDINAL_DIGITS: Final = re.compile(r"(\d{1,4})(?:st|nd|rd|th)")
_DASHES: Final = str.maketrans(
    {
        "\u2010": "-",
        "\u2011": "-",
        "\u2012": "-",
        "\u2013": "-",
        "\u2014": "-",
        "\u2019": "'",
        "\u2018": "'",
        "\u201c": '"',
        "\u201d": '"',
    }
)


@attrs.frozen(kw_only=True)
class RankWords:
    """The rank words of a claim, read: what place they claim, counted from which end."""

    text: str
    reach: Reach
    place: int = 1  # N of "the Nth highest" (1 for "the highest") or of "among the N highest"; 0 for "one of"
    end: End | None = None  # None for "the best"/"the worst", whose end is the claim's order
    quality: Quality | None = None
    joint: bool = False
    since: str | None = None  # "since 2015", "for a decade", "on record"

    def end_for(self, order: End | None) -> End:
        """The end the words count from; "best" is `order`'s end (where a value is good), "worst" the other."""
        if self.end is not None:
            return self.end
        if order is None:
            reason = "'best' and 'worst' need order = \"high\" or \"low\" on the claim (is a high value good?)"
            raise RankWordsError(self.text, self.text, reason)
        return order if self.quality is Quality.BEST else order.other

    def bound(self, n: int) -> int:
        """The last place from the words' end that the words allow, among `n` values."""
        return one_of_bound(n) if self.reach is Reach.ONE_OF else self.place


def one_of_bound(n: int) -> int:
    """How many places from an end "one of the highest" reaches among n values: max(3, ⌈n/4⌉)."""
    return max(3, math.ceil(n / 4))


def parse_rank_words(stated: str) -> RankWords:
    """Read rank words: "the highest rate", "the third-lowest", "one of the lowest", "among the five highest",
    "in the top ten", "the highest since 2015", "the lowest for a decade", "the best", "joint highest", ….

    Words after the superlative name the thing ("rate", "number of people waiting") and may end in a
    span of time ("since 2015", "for a decade", "on record"). Raises RankWordsError for anything else.
    """
    words = _normal(stated).split()
    if not words:
        raise RankWordsError(stated, stated, "no rank words")
    position = 1 if words[0] == "the" else 0
    if words[position : position + 3] == ["one", "of", "the"]:
        return _one_of(stated, words, position + 3)
    if words[position : position + 2] in (["among", "the"], ["in", "the"], ["within", "the"]):
        return _within(stated, words, position + 2)
    if position < len(words) and words[position] in TOP_WORDS:
        return _within(stated, words, position)
    joint = position < len(words) and words[position] == "joint"
    position += joint
    place = 1
    if position < len(words) and _ordinal(words[position]) is not None:
        place = _ordinal(words[position]) or 1
        position += 1
    end, quality = _superlative(stated, words, position)
    return RankWords(
        text=stated,
        reach=Reach.EXACT,
        place=place,
        end=end,
        quality=quality,
        joint=joint,
        since=_since(stated, words[position + 1 :]),
    )


def _normal(text: str) -> str:
    """Lower case, typographic dashes and quotes as ASCII, hyphens as spaces ("third-lowest"), white space folded."""
    return " ".join(text.translate(_DASHES).casefold().replace("-", " ").split())


def _ordinal(word: str) -> int | None:
    if word in ORDINAL_WORDS:
        return ORDINAL_WORDS[word]
    match = _ORDINAL_DIGITS.fullmatch(word)
    return int(match.group(1)) if match and int(match.group(1)) >= 1 else None


def _count(words: Sequence[str], position: int) -> tuple[int, int] | None:
    """A number of places at `position` ("five", "10", "twenty five") and how many words it took."""
    two = " ".join(words[position : position + 2])
    if two in NUMBER_WORDS:
        return NUMBER_WORDS[two], 2
    if position < len(words):
        word = words[position].replace(",", "")
        if word in NUMBER_WORDS:
            return NUMBER_WORDS[word], 1
        if word.isdigit() and 1 <= int(word) <= 100_000:
            return int(word), 1
    return None


def _superlative(stated: str, words: Sequence[str], position: int) -> tuple[End | None, Quality | None]:
    word = words[position] if position < len(words) else ""
    if word in HIGH_WORDS:
        return End.HIGH, None
    if word in LOW_WORDS:
        return End.LOW, None
    if word in QUALITY_WORDS:
        return None, QUALITY_WORDS[word]
    unknown = " ".join(words[position : position + 3]) or stated
    raise RankWordsError(
        stated,
        unknown,
        "not rank words the reader knows (such as 'the highest', "
        "'the third-lowest', 'one of the lowest', 'among the five highest')",
    )


def _one_of(stated: str, words: Sequence[str], position: int) -> RankWords:
    counted = _count(words, position)
    if counted is not None:  # "one of the five highest": among the five highest
        number, used = counted
        end, quality = _superlative(stated, words, position + used)
        return RankWords(
            text=stated,
            reach=Reach.WITHIN,
            place=number,
            end=end,
            quality=quality,
            since=_since(stated, words[position + used + 1 :]),
        )
    end, quality = _superlative(stated, words, position)
    return RankWords(
        text=stated, reach=Reach.ONE_OF, place=0, end=end, quality=quality, since=_since(stated, words[position + 1 :])
    )


def _within(stated: str, words: Sequence[str], position: int) -> RankWords:
    if position < len(words) and words[position] in TOP_WORDS:  # "in the top ten", "the bottom five"
        counted = _count(words, position + 1)
        if counted is None:
            unknown = " ".join(words[position : position + 2])
            raise RankWordsError(stated, unknown, "'top' and 'bottom' need a number of places ('the top ten')")
        number, used = counted
        return RankWords(
            text=stated,
            reach=Reach.WITHIN,
            place=number,
            end=TOP_WORDS[words[position]],
            since=_since(stated, words[position + 1 + used :]),
        )
    counted = _count(words, position)
    if counted is None:
        unknown = " ".join(words[position : position + 2]) or stated
        raise RankWordsError(stated, unknown, "'among the' needs a number of places ('among the five highest')")
    number, used = counted
    end, quality = _superlative(stated, words, position + used)
    return RankWords(
        text=stated,
        reach=Reach.WITHIN,
        place=number,
        end=end,
        quality=quality,
        since=_since(stated, words[position + used + 1 :]),
    )


def _since(stated: str, tail: Sequence[str]) -> str | None:
    """The span of time at the end of the words, if any: the words before it name the thing ranked."""
    changing = next((word for word in tail if word in CHANGING_WORDS), None)
    if changing is not None:
        raise RankWordsError(
            stated,
            changing,
            "words that change what is ranked or which place is meant; "
            "write the place ('the second highest') or leave rows out with exclude",
        )
    text = " ".join(tail)
    for phrase in EVER_PHRASES:
        if text == phrase or text.endswith(" " + phrase):
            return phrase
    for index, word in enumerate(tail):
        if word in SINCE_WORDS:
            if index + 1 == len(tail):
                raise RankWordsError(stated, word, "'since' needs a time ('since 2015')")
            return " ".join(tail[index:])
        if word in SPAN_STARTS and _is_span(tail[index + 1 :]):
            return " ".join(tail[index:])
    return None


def _is_span(words: Sequence[str]) -> bool:
    """ "a decade", "20 years", "at least a decade", "more than ten years", "a generation"."""
    rest = list(words)
    while rest:
        qualifier = next((q for q in SPAN_QUALIFIERS if rest[: len(q)] == q), None)
        if qualifier is None:
            break
        rest = rest[len(qualifier) :]
    if len(rest) < 2 or rest[1] not in SPAN_WORDS:
        return False
    return rest[0] in ("a", "an", "one") or rest[0] in NUMBER_WORDS or rest[0].isdigit()


# -- places ----------------------------------------------------------------------------------------------
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


def ordinal(number: int) -> str:
    """1st, 2nd, 3rd, 4th, 11th, 12th, 13th, 21st, 102nd."""
    suffix = "th" if 10 <= number % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(number % 10, "th")
    return f"{number}{suffix}"


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


# -- judging the words -----------------------------------------------------------------------------------
@attrs.frozen(kw_only=True)
class Entry:
    """One value ranked: its label (a row key, a figure name, a period), its value, and how it is written."""

    label: str
    value: Interval
    shown: str | None = None  # as published ("767.1"); when None, the value is shown in decimals

    @property
    def text(self) -> str:
        return self.shown if self.shown is not None else show(self.value)


@attrs.frozen(kw_only=True)
class RankJudgement:
    """Whether rank words hold, whether a miss is gross, the actual place, and why, for a sub-editor."""

    holds: bool
    gross: bool
    words: RankWords
    place: Place
    bound: int  # the last place the words allow, from their end
    explanation: str


def judge_rank(words: RankWords, of: Entry, among: Sequence[Entry], *, order: End | None = None) -> RankJudgement:
    """Judge rank `words` for `of` among `among` (entries labelled as `of` are `of` itself, counted once)."""
    others = [entry for entry in among if entry.label != of.label]
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
        explanation=_explain(words, of, others, place, bound, holds, gross),
    )


def _explain(
    words: RankWords, of: Entry, others: Sequence[Entry], place: Place, bound: int, holds: bool, gross: bool
) -> str:
    """ "727.4 is 3rd of 12 from the high end (Mossbridge 767.1 and Hathersby 758.5 above it); 'the second
    highest rate' needs 2nd"."""
    side = "above" if place.end is End.HIGH else "below"
    text = f"{of.text} is {place} from the {place.end.value} end"
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
        after = _sorted_from(place.end, [e for e in others if e not in either])
        if after:
            notes.append(f"next: {after[0].label} {after[0].text}")
    if either:
        notes.append(f"{_names(either[:3])}{' and others' if len(either) > 3 else ''} may be either side")
    ties = [e for e in others if e.value.is_point and of.value.is_point and e.value == of.value]
    if ties:
        notes.append(f"level with {_names(ties[:3])}")
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


def _beyond(value: Interval, of: Interval, end: End) -> bool:
    """`value` is nearer `end` than `of` for certain."""
    return value.entirely_above(of) if end is End.HIGH else value.entirely_below(of)


def _sorted_from(end: End, entries: Sequence[Entry]) -> list[Entry]:
    def key(entry: Entry) -> Fraction:
        bound = entry.value.hi if end is End.HIGH else entry.value.lo
        return bound if bound is not None else Fraction(0)

    return sorted(entries, key=key, reverse=end is End.HIGH)


def _listing(entries: Sequence[Entry], side: str) -> str:
    if len(entries) <= 3:
        return f"{_names(entries)} {side} it"
    return f"{len(entries)} values {side} it, the nearest {_names(entries[:-4:-1])}"


def _names(entries: Sequence[Entry]) -> str:
    shown = [f"{entry.label} {entry.text}" for entry in entries]
    return shown[0] if len(shown) == 1 else ", ".join(shown[:-1]) + " and " + shown[-1]


def show(value: Interval) -> str:
    """A value for an explanation: exact decimals where they end soon, else four significant figures."""
    if value.lo is not None and value.is_point:
        return _decimal(value.lo)
    lo = "-inf" if value.lo is None else _decimal(value.lo)
    hi = "inf" if value.hi is None else _decimal(value.hi)
    return f"{lo} to {hi}"


def _decimal(number: Fraction) -> str:
    denominator = number.denominator
    for factor in (2, 5):
        while denominator % factor == 0:
            denominator //= factor
    if denominator == 1 and len(str(number.denominator)) <= 7:  # a terminating decimal of at most 6 places
        text = format(Decimal(number.numerator) / Decimal(number.denominator), "f")
        return text.rstrip("0").rstrip(".") if "." in text else text
    return f"{float(number):.4g}"


# -- diagnoses ---------------------------------------------------------------------------------------------
def _entries(entries: Iterable[Entry]) -> tuple[Entry, ...]:
    return tuple(entries)


@attrs.frozen(kw_only=True)
class ColumnAlternative:
    """The same values in another column of the table (another year, say): `of` and `among` read from it."""

    name: str
    of: Entry
    among: tuple[Entry, ...] = attrs.field(converter=_entries)


def total_rows(among: Sequence[Entry]) -> tuple[tuple[Entry, str], ...]:
    """Entries that look like a total, with the reason: a total's key first or last, or the sum of the others."""
    found: list[tuple[Entry, str]] = []
    for index in {0, len(among) - 1} if among else set():
        label = _normal(among[index].label)
        if any(label == word or re.search(rf"\b{re.escape(word)}\b", label) for word in TOTAL_WORDS):
            found.append((among[index], "its key names a total"))
    if len(among) >= 3:
        largest = _sorted_from(End.HIGH, among)[0]
        rest = [entry.value for entry in among if entry is not largest]
        if all(value.is_bounded for value in rest) and largest.value.is_bounded:
            total = rest[0]
            for value in rest[1:]:
                total = total + value
            if total.overlaps(largest.value) and all(found_entry is not largest for found_entry, _ in found):
                found.append((largest, "it is the sum of the others"))
    return tuple(found)


def true_without_total(words: RankWords, of: Entry, among: Sequence[Entry], *, order: End | None = None) -> str | None:
    """ "true if the total row 'England and Wales' is left out (…)", when leaving a total out makes the words hold."""
    for candidate, reason in total_rows(among):
        if candidate.label == of.label:
            continue
        rest = [entry for entry in among if entry is not candidate]
        judged = judge_rank(words, of, rest, order=order)
        if judged.holds:
            return (
                f"true if the total row {candidate.label!r} is left out ({reason}): {judged.place}; "
                f"exclude = [{_toml_string(candidate.label)}]"
            )
    return None


def true_of_other_columns(
    words: RankWords, alternatives: Iterable[ColumnAlternative], *, order: End | None = None
) -> tuple[str, ...]:
    """ "true of the 2019 column (1st of 42)" for each other column in which the words hold."""
    found = []
    for alternative in alternatives:
        judged = judge_rank(words, alternative.of, alternative.among, order=order)
        if judged.holds:
            found.append(
                f"true of the {alternative.name!r} column ({alternative.of.text}: {judged.place} "
                f"from the {judged.place.end.value} end)"
            )
    return tuple(found)


def diagnose_rank(
    words: RankWords,
    of: Entry,
    among: Sequence[Entry],
    *,
    order: End | None = None,
    alternatives: Iterable[ColumnAlternative] = (),
) -> tuple[str, ...]:
    """What would make contradicted rank words true (nothing when they hold)."""
    if judge_rank(words, of, among, order=order).holds:
        return ()
    found = []
    without_total = true_without_total(words, of, among, order=order)
    if without_total is not None:
        found.append(without_total)
    found.extend(true_of_other_columns(words, alternatives, order=order))
    end = words.end_for(order)
    flipped = attrs.evolve(words, end=end.other, quality=None)
    judged = judge_rank(flipped, of, among)
    if judged.holds:
        found.append(
            f"true counted from the {end.other.value} end ({judged.place} from the {end.other.value} end): "
            f"the words may have the direction the wrong way round"
        )
    return tuple(found)


def _toml_string(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'
