"""The verdict rules (check/judge.py): the recomputed value against the interval the stated words allow."""

from __future__ import annotations

from fractions import Fraction

import pytest
from hypothesis import given
from hypothesis import strategies as st

from factcheck.check.judge import judge_number, magnitude, may_meet
from factcheck.check.quantity import Quantity
from factcheck.errors import ImpossibleValueError
from factcheck.model.claims import ChangeClaim, Claim, ShareClaim
from factcheck.model.results import Outcome
from factcheck.model.verdicts import Verdict
from factcheck.numbers.interval import Interval
from factcheck.numbers.units import PERCENT
from factcheck.words.stated import parse_stated


@st.composite
def _touching_intervals(draw: st.DrawFn, *, bounded: bool) -> Interval:
    """Intervals on few values, either side of zero, so that ends often touch; open or closed ends."""
    values = st.fractions(min_value=-3, max_value=3, max_denominator=2)
    ends = values if bounded else st.none() | values
    lo, hi = draw(ends), draw(ends)
    if lo is not None and hi is not None and lo > hi:
        lo, hi = hi, lo
    return Interval(lo, hi, draw(st.booleans()) or lo is None, draw(st.booleans()) or hi is None)


@given(_touching_intervals(bounded=True), _touching_intervals(bounded=False))
def test_the_diagnosis_sieve_is_the_value_its_negation_or_its_size_meeting_the_words(
    computed: Interval, tight: Interval
) -> None:
    expected = computed.overlaps(tight) or computed.overlaps(tight.negate()) or magnitude(computed).overlaps(tight)
    assert may_meet(computed, tight) is expected


# -- the verdict rules, one step at a time -------------------------------------------------------


def _judged(kind: str, stated_words: str, value: str, *, direction: str | None = None) -> Outcome:
    """The verdict of `judge_number` on a claim of `kind` whose recomputed value is `value` (a point, in percent)."""
    claim: Claim = (ChangeClaim if kind == "change" else ShareClaim)(id="c", stated=stated_words, direction=direction)
    stated = parse_stated(stated_words, kind, direction_given=direction is not None)
    quantity = Quantity(Interval.point(Fraction(value)), PERCENT, "", None, ())
    base = Outcome(id="c", kind=kind, verdict=Verdict.UNCHECKED, explanation="", stated=stated_words)
    return judge_number(claim, stated, quantity, "x", base)


def test_a_change_that_went_the_other_way_is_grossly_contradicted() -> None:
    outcome = _judged("change", "up 4%", "-4")
    assert (outcome.verdict, outcome.gross) == (Verdict.CONTRADICTED, True)
    assert outcome.explanation == "x = -4, a fall, but 'up 4%' says the opposite"


def test_a_change_worded_without_a_direction_is_judged_on_its_size() -> None:
    assert _judged("change", "4%", "-4").verdict is Verdict.SUPPORTED


def test_a_direction_field_the_words_deny_is_an_impossible_value() -> None:
    with pytest.raises(ImpossibleValueError, match="say the opposite"):
        _judged("change", "up 4%", "4", direction="decrease")


def test_a_majority_on_the_wrong_side_of_half_is_grossly_contradicted() -> None:
    outcome = _judged("share", "most", "40")
    assert (outcome.verdict, outcome.gross) == (Verdict.CONTRADICTED, True)
    assert outcome.explanation.endswith("not a majority, so 'most' is wrong")


@pytest.mark.parametrize(
    ("words", "value", "verdict", "ending"),
    [
        ("12%", "12", Verdict.SUPPORTED, "as stated"),
        ("12%", "12.3", Verdict.SUPPORTED, "which rounds to 12"),
        ("nearly 12%", "11.8", Verdict.SUPPORTED, "which fits 'nearly 12%' ([11.5, 12))"),
        ("more than 10%", "12", Verdict.LOOSE, "true as worded, but 'more than 10%' implies (10, 11)"),
        (
            "12%",
            "12.7",
            Verdict.CONTRADICTED,
            "within one step of 12, so perhaps a rounding slip rather than a wrong number",
        ),
        ("12%", "20", Verdict.CONTRADICTED, "but '12%' means [11.5, 12.5]"),
    ],
)
def test_the_interval_rules(words: str, value: str, verdict: Verdict, ending: str) -> None:
    outcome = _judged("share", words, value)
    assert outcome.verdict is verdict
    assert outcome.explanation.endswith(ending), outcome.explanation
    assert outcome.near_miss is ("rounding slip" in ending)
