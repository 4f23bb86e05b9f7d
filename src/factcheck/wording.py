"""What words mean: the one table.

Every rule for reading a phrase lives here as plain data: hedges ("nearly", "more than"),
number words, fractions ("a fifth"), proportion words ("the vast majority"), multiples
("doubled"), direction words ("rose", "fell") and comparison words ("above"). The reader in
`stated` only looks words up here; the README's table is generated from `table_rows()`
(and a test keeps the two the same).
"""

from __future__ import annotations

import enum
from fractions import Fraction
from typing import Final

import attrs

from factcheck.interval import Interval

__all__ = [
    "COMPARATORS",
    "CURRENCIES",
    "DIRECTIONS",
    "FRACTION_TOLERANCE",
    "FILLER_WORDS",
    "FRACTIONS",
    "HEDGES",
    "MONTHS",
    "MULTIPLES",
    "NUMBER_WORDS",
    "PERCENT_WORDS",
    "PER_WORDS",
    "POINT_WORDS",
    "PROPORTIONS",
    "SCALES",
    "YEAR_MARKERS",
    "Hedge",
    "Multiple",
    "Proportion",
    "Relation",
    "table_rows",
]


class Hedge(enum.Enum):
    """How a qualifier moves the interval of the number X (step s) it governs."""

    ABOVE = "above"  # (X, X + s): the writer truncated
    NEARLY = "nearly"  # [X − s/2, X): rounds to X and is below it
    ABOUT = "about"  # [X − s/2, X + s/2]
    AT_LEAST = "at least"  # [X, X + s)
    UNDER = "under"  # (X − s, X)
    AT_MOST = "at most"  # (X − s, X]


#: Qualifiers, longest phrase first when matched.
HEDGES: Final[dict[str, Hedge]] = {
    "more than": Hedge.ABOVE,
    "over": Hedge.ABOVE,
    "above": Hedge.ABOVE,
    "just over": Hedge.ABOVE,
    "in excess of": Hedge.ABOVE,
    "upwards of": Hedge.ABOVE,
    "nearly": Hedge.NEARLY,
    "almost": Hedge.NEARLY,
    "just under": Hedge.NEARLY,
    "just short of": Hedge.NEARLY,
    "about": Hedge.ABOUT,
    "around": Hedge.ABOUT,
    "roughly": Hedge.ABOUT,
    "some": Hedge.ABOUT,
    "approximately": Hedge.ABOUT,
    "an estimated": Hedge.ABOUT,
    "at least": Hedge.AT_LEAST,
    "no fewer than": Hedge.AT_LEAST,
    "no less than": Hedge.AT_LEAST,
    "fewer than": Hedge.UNDER,
    "less than": Hedge.UNDER,
    "under": Hedge.UNDER,
    "below": Hedge.UNDER,
    "at most": Hedge.AT_MOST,
    "no more than": Hedge.AT_MOST,
    "up to": Hedge.AT_MOST,
}

#: Number words: value, and whether the word multiplies what came before it (a scale word).
NUMBER_WORDS: Final[dict[str, int]] = {
    "zero": 0, "nil": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
    "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60,
    "seventy": 70, "eighty": 80, "ninety": 90,
}  # fmt: skip

#: Scale words and suffixes: "1.2m", "£3.4bn", "a hundred", "1.5 million".
SCALES: Final[dict[str, int]] = {
    "hundred": 100,
    "thousand": 1_000,
    "k": 1_000,
    "million": 1_000_000,
    "m": 1_000_000,
    "mn": 1_000_000,
    "billion": 1_000_000_000,
    "bn": 1_000_000_000,
    "trillion": 1_000_000_000_000,
    "tn": 1_000_000_000_000,
}

PERCENT_WORDS: Final = ("per cent", "percent", "%")
POINT_WORDS: Final = ("percentage points", "percentage point", "points", "point", "pp")
#: "122 per 100,000", "for every 1,000 people", "in every 100".
PER_WORDS: Final = ("for every", "in every", "for each", "per")
#: Currency signs and the unit a figure must have for them.
CURRENCIES: Final[dict[str, str]] = {"£": "GBP", "$": "USD", "€": "EUR"}

#: A fraction in words is its value within ±10% of it: "half" is [45%, 55%].
FRACTION_TOLERANCE: Final = Fraction(1, 10)

_ORDINALS: Final = {
    "half": 2, "halves": 2, "third": 3, "thirds": 3, "quarter": 4, "quarters": 4,
    "fifth": 5, "fifths": 5, "sixth": 6, "sixths": 6, "seventh": 7, "sevenths": 7,
    "eighth": 8, "eighths": 8, "ninth": 9, "ninths": 9, "tenth": 10, "tenths": 10,
}  # fmt: skip


def _fraction_words() -> dict[str, Fraction]:
    words: dict[str, Fraction] = {"half": Fraction(1, 2), "a half": Fraction(1, 2), "one half": Fraction(1, 2)}
    for ordinal, denominator in _ORDINALS.items():
        if ordinal.endswith("s") or ordinal == "half":
            continue
        words[f"a {ordinal}"] = Fraction(1, denominator)
        words[f"one {ordinal}"] = Fraction(1, denominator)
    for plural, denominator in _ORDINALS.items():
        if not plural.endswith("s") or plural == "halves":
            continue
        for word, numerator in NUMBER_WORDS.items():
            if 2 <= numerator < denominator:
                words[f"{word}-{plural}"] = Fraction(numerator, denominator)
                words[f"{word} {plural}"] = Fraction(numerator, denominator)
    return words


#: Fractions in words: "half", "a fifth", "two-thirds", "three quarters".
#: ("one in five" and "three in four" are read as numbers K in N, with the same tolerance.)
FRACTIONS: Final[dict[str, Fraction]] = _fraction_words()


@attrs.frozen
class Proportion:
    """A proportion word: its interval in percent and which side of 50% it asserts."""

    interval: Interval
    side: int  # +1: a majority; -1: a minority; a value on the other side of 50% is gross


_PCT = Fraction(100)

#: Proportion words, as shares in percent.
PROPORTIONS: Final[dict[str, Proportion]] = {
    "most": Proportion(Interval(50, 100, lo_open=True), +1),
    "the majority": Proportion(Interval(50, 100, lo_open=True), +1),
    "a majority": Proportion(Interval(50, 100, lo_open=True), +1),
    "the vast majority": Proportion(Interval(80, 100), +1),
    "a vast majority": Proportion(Interval(80, 100), +1),
    "the overwhelming majority": Proportion(Interval(80, 100), +1),
    "the great majority": Proportion(Interval(80, 100), +1),
    "almost all": Proportion(Interval(95, 100, hi_open=True), +1),
    "nearly all": Proportion(Interval(95, 100, hi_open=True), +1),
    "virtually all": Proportion(Interval(95, 100, hi_open=True), +1),
    "a minority": Proportion(Interval(0, 50, hi_open=True), -1),
    "a small minority": Proportion(Interval(0, 20), -1),
    "a tiny minority": Proportion(Interval(0, 5), -1),
}


@attrs.frozen
class Multiple:
    """A multiple word: the ratio it states (new / old) and its interval."""

    ratio: Fraction
    interval: Interval
    direction: int  # +1 for growth words, -1 for "halved", 0 for "twice as many"


def _times(n: int) -> Interval:
    return Interval(Fraction(n) - Fraction(1, 20), Fraction(n) + Fraction(1, 20))


_HALVED: Final = Interval(Fraction(475, 1000), Fraction(525, 1000))

#: Multiples in words. "N times" and "N-fold" are numbers like any other, read in `stated`.
MULTIPLES: Final[dict[str, Multiple]] = {
    "doubled": Multiple(Fraction(2), _times(2), +1),
    "double": Multiple(Fraction(2), _times(2), +1),
    "doubling": Multiple(Fraction(2), _times(2), +1),
    "twice": Multiple(Fraction(2), _times(2), 0),
    "trebled": Multiple(Fraction(3), _times(3), +1),
    "tripled": Multiple(Fraction(3), _times(3), +1),
    "treble": Multiple(Fraction(3), _times(3), +1),
    "triple": Multiple(Fraction(3), _times(3), +1),
    "thrice": Multiple(Fraction(3), _times(3), 0),
    "quadrupled": Multiple(Fraction(4), _times(4), +1),
    "halved": Multiple(Fraction(1, 2), _HALVED, -1),
    "halving": Multiple(Fraction(1, 2), _HALVED, -1),
}

#: Direction words of a change or a difference.
DIRECTIONS: Final[dict[str, int]] = {
    **dict.fromkeys(
        "up rise rises rising rose risen increase increases increased increasing grew grow grows "
        "growing grown growth higher more extra jump jumps jumped jumping climb climbs climbed climbing "
        "gain gains gained additional surge surged surging soar soared soaring rocketed leapt leaped "
        "spiked swelled hike hikes hiked boost boosted longer slower".split(),
        +1,
    ),
    **dict.fromkeys(
        "down fall falls falling fell fallen drop drops dropped dropping decrease decreases "
        "decreased decreasing decline declines declined declining lower fewer less cut cuts "
        "reduction reduced shrank shrunk slump slumped dip dipped plunged plummeted tumbled slid "
        "eased shorter".split(),
        -1,
    ),
}


#: Month names and their abbreviations ("March 2019", "Jan 2024").
MONTHS: Final = frozenset(
    "january february march april may june july august september october november december "
    "jan feb mar apr jun jul aug sep sept oct nov dec".split()
)

#: Words after which a bare four-digit number is a year, not an amount ("up 4% on 2019", "since
#: March 2015"), when another number in the phrase is the amount.
YEAR_MARKERS: Final = frozenset(
    "in on since from than of during by to between with against for before after and until through "
    "year fy".split()
) | MONTHS

#: Words that carry no meaning for the number ("an increase *of* 4%"). In a change or difference
#: with no direction word, any other unknown word is an error that asks for `direction`.
FILLER_WORDS: Final = frozenset(
    "a an the of by on from to than in at was were is are be been being has have had with compared "
    "against last year years previous prior month months week weeks its their this that and or as "
    "many much for since before after same period".split()
)


class Relation(enum.Enum):
    """What a comparison asserts of left against right."""

    GREATER = ">"
    LESS = "<"
    EQUAL = "="
    AT_LEAST = ">="
    AT_MOST = "<="


#: Comparison words.
COMPARATORS: Final[dict[str, Relation]] = {
    **dict.fromkeys(
        ["above", "higher than", "more than", "greater than", "larger than", "bigger than",
         "over", "exceeds", "exceeded", "ahead of", "up on"],
        Relation.GREATER,
    ),
    **dict.fromkeys(
        ["below", "lower than", "less than", "fewer than", "smaller than", "under",
         "short of", "behind", "down on"],
        Relation.LESS,
    ),
    **dict.fromkeys(
        ["the same as", "equal to", "level with", "as many as", "unchanged from", "same as"],
        Relation.EQUAL,
    ),
    **dict.fromkeys(["at least", "no lower than", "no fewer than", "no less than"], Relation.AT_LEAST),
    **dict.fromkeys(["at most", "no higher than", "no more than", "not above"], Relation.AT_MOST),
}  # fmt: skip


def _interval_text(interval: Interval, unit: str = "%") -> str:
    def bound(v: Fraction | None) -> str:
        if v is None:
            return "∞"
        return f"{float(v):.3f}".rstrip("0").rstrip(".") + unit

    left = "(" if interval.lo_open else "["
    right = ")" if interval.hi_open else "]"
    return f"{left}{bound(interval.lo)}, {bound(interval.hi)}{right}"


_HEDGE_MEANING: Final = {
    Hedge.ABOVE: "(X, X + s): above X, and truncated to it",
    Hedge.NEARLY: "[X − s/2, X): rounds to X and is below it",
    Hedge.ABOUT: "[X − s/2, X + s/2]: rounds to X",
    Hedge.AT_LEAST: "[X, X + s)",
    Hedge.UNDER: "(X − s, X)",
    Hedge.AT_MOST: "(X − s, X]",
}


def table_rows() -> list[tuple[str, str, str]]:
    """(words, kind of word, meaning) for every entry above: the README's table."""
    rows: list[tuple[str, str, str]] = [
        ("a plain number X, step s", "number", "[X − s/2, X + s/2]; `robust` rounding: (X − s, X + s)"),
    ]
    by_hedge: dict[Hedge, list[str]] = {}
    for phrase, hedge in HEDGES.items():
        by_hedge.setdefault(hedge, []).append(phrase)
    rows += [(", ".join(f'"{p}"' for p in phrases), "hedge", _HEDGE_MEANING[h]) for h, phrases in by_hedge.items()]
    rows.append((
        ", ".join(f'"{w}"' for w in ["half", "a fifth", "two-thirds", "three quarters", "one in five", "three in four"])
        + " (any K/N in words)",
        "fraction",
        "within ±10% of K/N: half is [45%, 55%]; a hedge takes the matching side, cut at K/N",
    ))
    by_proportion: dict[Proportion, list[str]] = {}
    for phrase, proportion in PROPORTIONS.items():
        by_proportion.setdefault(proportion, []).append(phrase)
    for proportion, phrases in by_proportion.items():
        side = "a majority" if proportion.side > 0 else "a minority"
        rows.append((", ".join(f'"{p}"' for p in phrases), "proportion",
                     f"share {_interval_text(proportion.interval)}; gross on the wrong side of 50% ({side})"))
    by_multiple: dict[Multiple, list[str]] = {}
    for phrase, multiple in MULTIPLES.items():
        by_multiple.setdefault(multiple, []).append(phrase)
    for multiple, phrases in by_multiple.items():
        change = _interval_text(Interval(
            (multiple.interval.lo - 1) * _PCT,  # type: ignore[operator]
            (multiple.interval.hi - 1) * _PCT,  # type: ignore[operator]
        ))
        rows.append((", ".join(f'"{p}"' for p in phrases), "multiple",
                     f"ratio {_interval_text(multiple.interval, '')}, a change of {change}"))
    rows.append(('"more than doubled", "more than trebled"', "multiple",
                 "ratio (N, N + 1): up to the next whole multiple; loose beyond"))
    rows.append(('"N times", "N-fold", "N times more"', "multiple", "the ratio N, a number like any other"))
    for sign, label in ((+1, "up (an increase)"), (-1, "down (a decrease)")):
        words = sorted(w for w, d in DIRECTIONS.items() if d == sign)
        rows.append((", ".join(f'"{w}"' for w in words), "direction", f"a change or difference that goes {label}"))
    by_relation: dict[Relation, list[str]] = {}
    for phrase, relation in COMPARATORS.items():
        by_relation.setdefault(relation, []).append(phrase)
    for relation, phrases in by_relation.items():
        rows.append((", ".join(f'"{p}"' for p in phrases), "comparison", f"left {relation.value} right"))
    rows.append((", ".join(f'"{w}"' for w in PERCENT_WORDS), "unit", "percent"))
    rows.append((", ".join(f'"{w}"' for w in POINT_WORDS), "unit", "percentage points"))
    rows.append((", ".join(f'"{w} N"' for w in PER_WORDS), "unit", "a rate per N"))
    rows.append((", ".join(f'"{w}"' for w in sorted(YEAR_MARKERS - MONTHS)) + ", and month names", "year marker",
                 "a bare four-digit number after these words is a year, when the phrase has another number"))
    rows.append((", ".join(f'"{w}"' for w in sorted(FILLER_WORDS)), "filler",
                 "ignored; any other unknown word in a change with no direction word is an error"))
    rows.append((", ".join(f'"{k}"' for k in SCALES), "scale", "× " + ", ".join(
        f"{k}={v:,}" for k, v in SCALES.items() if len(k) > 2)))
    return rows
