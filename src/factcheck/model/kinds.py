"""The kinds of claim a claims file can hold, and what each kind takes: one place for both.

A claim's `kind` is written in the file as one of these names; `Kind` is a `StrEnum`, so a kind
compares equal to its name and a name read from a file finds its kind. Which kinds are signed (a
value below zero is a fall, and the words may say which way it went), which are read as counts
(trailing zeros round), and the input fields each kind takes are defined here and nowhere else. A
kind's formula is `check/recompute.py`'s.
"""

from __future__ import annotations

import enum
from typing import Final

__all__ = ["COUNT_KINDS", "INPUTS", "JUDGED_KINDS", "SENTENCE", "SIGNED_KINDS", "Kind"]


class Kind(enum.StrEnum):
    """What a claim states, as the claims format names it."""

    VALUE = "value"  # a figure as it is
    RATE = "rate"  # numerator per `per` of denominator
    ONE_IN = "one_in"  # one in N: N = denominator / numerator
    CHANGE = "change"  # a relative change, in per cent
    POINT_CHANGE = "point_change"  # a change of a percentage, in points
    DIFFERENCE = "difference"  # an absolute change: to − from
    RATIO = "ratio"  # numerator / denominator, or a multiple ("doubled")
    SHARE = "share"  # part / whole, in per cent
    COMPARISON = "comparison"  # left against right: above, below, the same
    RANK = "rank"  # where `of` stands among `among`: the highest, the third-lowest, one of the lowest
    FORMULA = "formula"  # any arithmetic on names and numbers


#: Kinds judged on their inputs as they are, with no recomputed value of their own that another claim could use.
JUDGED_KINDS: Final = frozenset({Kind.COMPARISON, Kind.RANK})
#: Kinds whose value has a sign of its own: a change, a point change and a difference can be a fall.
SIGNED_KINDS: Final = frozenset({Kind.CHANGE, Kind.POINT_CHANGE, Kind.DIFFERENCE})
#: Kinds whose words are read as a count or an amount when the figure is one: trailing zeros round.
COUNT_KINDS: Final = frozenset({Kind.VALUE, Kind.DIFFERENCE, Kind.FORMULA})

#: The input fields of each kind, in the claims file's spelling and order.
INPUTS: Final[dict[Kind, tuple[str, ...]]] = {
    Kind.VALUE: ("figure",),
    Kind.RATE: ("numerator", "denominator"),
    Kind.ONE_IN: ("numerator", "denominator"),
    Kind.CHANGE: ("from", "to"),
    Kind.POINT_CHANGE: ("from", "to"),
    Kind.DIFFERENCE: ("from", "to"),
    Kind.RATIO: ("numerator", "denominator"),
    Kind.SHARE: ("part", "whole"),
    Kind.COMPARISON: ("left", "right"),
    Kind.RANK: ("of", "among"),
    Kind.FORMULA: ("expr",),
}

#: The `kind` of an outcome that is a sentence with a `check` (nothing to recompute), not a claim.
SENTENCE: Final = "sentence"
