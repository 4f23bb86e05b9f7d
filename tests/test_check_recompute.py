"""Each kind's formula (check/recompute.py): one recompute function per kind, and the bound on computed values."""

from __future__ import annotations

from fractions import Fraction

import pytest
from hypothesis import given
from hypothesis import strategies as st

from factcheck.check.quantity import Quantity
from factcheck.check.recompute import MAX_COMPUTED_BITS, MAX_COMPUTED_EXPONENT, RECOMPUTE, recompute, within_bound
from factcheck.errors import ComputedBoundError, UnknownNameError
from factcheck.model.claims import CLAIM_TYPES, RateClaim, ShareClaim
from factcheck.model.kinds import JUDGED_KINDS, Kind
from factcheck.numbers.interval import Interval
from factcheck.numbers.units import parse_unit
from factcheck.words.stated import parse_stated


def test_every_kind_but_a_judged_one_has_its_formula() -> None:
    """A comparison is judged on its two sides as they are; every other kind is recomputed, by one function."""
    assert set(RECOMPUTE) == set(Kind) - JUDGED_KINDS
    assert {Kind.COMPARISON, Kind.RANK} == JUDGED_KINDS
    assert set(CLAIM_TYPES) == set(Kind)


def _resolve(values: dict[str, tuple[int, str]]) -> object:
    def resolve(name: str) -> Quantity:
        if name not in values:
            raise UnknownNameError(name)
        value, unit = values[name]
        return Quantity(Interval.point(value), parse_unit(unit), f"{value:,}", None, (name,))

    return resolve


def test_a_kind_is_recomputed_from_what_its_names_resolve_to() -> None:
    """The recomputation knows nothing of figures or claims: only of the quantities a name gives."""
    claim = RateClaim(id="r", stated="122 per 100,000", numerator="n", denominator="d")
    quantity, expression = recompute(
        _resolve({"n": (1405, "offender"), "d": (1151600, "person")}),  # type: ignore[arg-type]
        claim,
        parse_stated(claim.stated, claim.kind),
    )
    assert quantity.interval == Interval.point(Fraction(1405, 1151600) * 100000)
    assert expression == "1,405 / 1,151,600 × 100,000"
    assert quantity.figures == ("n", "d")


def test_a_share_of_a_part_above_its_whole_is_impossible() -> None:
    claim = ShareClaim(id="s", stated="half", part="p", whole="w")
    with pytest.raises(Exception, match="a share above 100%"):
        recompute(_resolve({"p": (3, "person"), "w": (2, "person")}), claim, parse_stated("half", "share"))  # type: ignore[arg-type]


def _past_the_bound(value: Fraction) -> bool:
    """The bound on computed values, written out plainly (no shortcut on bit lengths)."""
    n, d = value.numerator, value.denominator
    return n.bit_length() > MAX_COMPUTED_BITS or d.bit_length() > MAX_COMPUTED_BITS or abs(n) >= 10**300 * d


_EDGES = [10**300 - 1, 10**300, 2**996, 2**997, 2**4096 - 1, 2**4096]  # 2^996 < 10^300 < 2^997; bits past 4096


@given(
    st.sampled_from(_EDGES) | st.integers(1, 2**4200),
    st.sampled_from([1, 2, 3, *_EDGES]) | st.integers(1, 2**4200),
    st.booleans(),
)
def test_within_bound_agrees_with_the_plain_rule(numerator: int, denominator: int, negative: bool) -> None:
    """A value whose numerator is short enough is passed on its bit length alone: the same answer as the
    plain rule, near every edge."""
    value = Fraction(-numerator if negative else numerator, denominator)
    for interval in (Interval.point(value), Interval(min(value, Fraction(0)), max(value, Fraction(0)))):
        if any(_past_the_bound(end) for end in (interval.lo, interval.hi) if end is not None):
            with pytest.raises(ComputedBoundError):
                within_bound(interval)
        else:
            within_bound(interval)


def test_the_bound_on_computed_values() -> None:
    within_bound(Interval.point(10**MAX_COMPUTED_EXPONENT - 1))
    with pytest.raises(ComputedBoundError, match="must be below 10\\^300"):
        within_bound(Interval.point(10**MAX_COMPUTED_EXPONENT))
