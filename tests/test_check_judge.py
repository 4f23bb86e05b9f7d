"""The verdict rules (check/judge.py): the recomputed value against the interval the stated words allow."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from factcheck.check.judge import magnitude, may_meet
from factcheck.numbers.interval import Interval


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
        computed: Interval, tight: Interval) -> None:
    expected = computed.overlaps(tight) or computed.overlaps(tight.negate()) or magnitude(computed).overlaps(tight)
    assert may_meet(computed, tight) is expected
