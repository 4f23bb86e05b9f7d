"""The verdict rules (check/judge.py): the recomputed value against the interval the stated words allow."""

from __future__ import annotations

from collections.abc import Callable
from fractions import Fraction

import pytest
from hypothesis import given
from hypothesis import strategies as st

from factcheck.check.judge import judge_number, magnitude, may_meet, may_support
from factcheck.check.quantity import Quantity
from factcheck.errors import ImpossibleValueError
from factcheck.model.claims import ChangeClaim, Claim, DifferenceClaim, PointChangeClaim, ShareClaim, ValueClaim
from factcheck.model.kinds import SIGNED_KINDS
from factcheck.model.results import Outcome
from factcheck.model.verdicts import Verdict
from factcheck.numbers.interval import Interval
from factcheck.numbers.units import PERCENT
from factcheck.words.stated import Stated, parse_stated


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


#: Words of each kind that give a direction, give none, or give the other, about the values drawn below.
_SIEVED_WORDS = {
    "change": ["up 2%", "2%", "down 2%", "a fall of 1.5%", "more than 1%"],
    "point_change": ["up 2 points", "2 points", "down 2 points"],
    "difference": ["2 more", "2", "2 fewer"],
    "share": ["2%", "less than 2.5%", "a majority"],
    "value": ["2%", "-2%", "about 2.5%"],
}


_SIEVED_KINDS: dict[str, Callable[..., Claim]] = {
    "change": ChangeClaim,
    "point_change": PointChangeClaim,
    "difference": DifferenceClaim,
    "share": ShareClaim,
    "value": ValueClaim,
}


@st.composite
def _judged_claims(draw: st.DrawFn) -> tuple[Claim, Stated]:
    kind = draw(st.sampled_from(sorted(_SIEVED_WORDS)))
    words = draw(st.sampled_from(_SIEVED_WORDS[kind]))
    direction = draw(st.sampled_from([None, "increase", "decrease"])) if kind in SIGNED_KINDS else None
    claim = _SIEVED_KINDS[kind](id="c", stated=words, direction=direction)
    return claim, parse_stated(words, kind, direction_given=direction is not None)


@given(_judged_claims(), _touching_intervals(bounded=True))
def test_the_sieve_lets_every_value_the_rules_support_through(judged: tuple[Claim, Stated], computed: Interval) -> None:
    claim, stated = judged
    try:
        verdict = judge_number(claim, stated, Quantity(computed, PERCENT, "", None, ()), "x").verdict
    except ImpossibleValueError:  # the words' direction against the field's: an error, never supported
        verdict = Verdict.ERROR
    if verdict is Verdict.SUPPORTED:
        assert may_support(claim, stated, computed)
    assert not may_support(claim, stated, computed) or may_meet(computed, stated.interval)  # never looser


def test_the_sieve_judges_a_change_with_a_direction_on_its_sign() -> None:
    claim = ChangeClaim(id="c", stated="down 2%")
    stated = parse_stated("down 2%", "change")
    assert not may_support(claim, stated, Interval(Fraction(2), Fraction(2)))  # a rise of 2%: the wrong way
    assert may_meet(Interval(Fraction(2), Fraction(2)), stated.interval)  # which the looser sieve lets through
    assert may_support(claim, stated, Interval(Fraction(-2), Fraction(-2)))


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
