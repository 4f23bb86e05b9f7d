"""The verdict rules: the recomputed value against the interval the stated words allow.

A claim is supported when its value meets the interval the words allow, loose when it meets only the
looser interval the words are true of, and contradicted otherwise; the wrong direction of a change,
the wrong side of 50% for "a majority" and the wrong side of a comparison are gross. Each verdict's
explanation shows the value and the words' interval so that the reader sees why, never a value
that seems inside when it is outside.

"""

from __future__ import annotations

from typing import Final

from factcheck.check.quantity import (
    Quantity,
    conversion_between,
    conversion_text,
    in_unit,
    merge_figures,
    weakest_basis,
    with_unit,
)
from factcheck.errors import ImpossibleValueError
from factcheck.model.claims import Claim, ComparisonClaim
from factcheck.model.kinds import SIGNED_KINDS
from factcheck.model.results import Outcome
from factcheck.model.verdicts import Verdict
from factcheck.numbers.display import decimals_of, show_against, show_interval
from factcheck.numbers.exact import rational
from factcheck.numbers.interval import Interval
from factcheck.words.stated import Stated, parse_tolerance
from factcheck.words.table import Relation

__all__ = [
    "judge_comparison",
    "judge_number",
    "judge_relation",
    "magnitude",
    "may_meet",
    "may_support",
    "relation_text",
    "told_apart",
]


def judge_number(
    claim: Claim, stated: Stated, quantity: Quantity, expression: str, base: Outcome | None = None
) -> Outcome:
    """The verdict on a claim's recomputed value against its words, rule by rule: a change that went the
    wrong way, a "majority" on the wrong side of 50%, then the interval the words allow (supported), the
    looser one they are true of (loose), or neither (contradicted).

    `base`: the outcome whose id, words, place, check, draft and diagnoses the verdict's keeps; by
    default the claim's own (none built to carry them: every claim is judged here).
    """
    judging = _Judgement(claim, stated, quantity, expression, base)
    return judging.wrong_direction() or judging.wrong_side() or judging.by_interval()


class _Judgement:
    """One claim being judged: the value and the words' intervals as the rules adjust them, and how both are
    shown. A class, not closures over locals, so that each rule is a step of its own (`judge_number`)."""

    __slots__ = ("base", "claim", "computed", "expression", "last", "loose", "places", "quantity", "stated", "tight")

    def __init__(self, claim: Claim, stated: Stated, quantity: Quantity, expression: str, base: Outcome | None) -> None:
        self.claim, self.stated, self.quantity, self.expression, self.base = claim, stated, quantity, expression, base
        self.computed = quantity.interval  # the value's size when a change has no direction (`wrong_direction`)
        self.tight, self.loose = stated.interval, stated.loose
        self.places = _places(stated, self.computed)
        #: the words are built, then the outcome, from one showing: (the interval shown against, the texts)
        self.last: tuple[Interval, tuple[str, str]] | None = None

    def shown(self, *, bounds: bool = True) -> tuple[str, str]:
        """The value and the words' interval (as they stand now) as shown: never seeming inside when outside."""
        last, tight = self.last, self.tight
        if last is not None and last[0] is tight and (last[1][1] or not bounds):
            return last[1]
        # `computed` is the value's size when a change has no direction: the shown size is compared then
        interval = self.quantity.interval
        texts = show_against(interval, tight, self.places, size=self.computed is not interval, with_bounds=bounds)
        self.last = (tight, texts)
        return texts

    def outcome(self, verdict: Verdict, words: str, *, gross: bool = False, near: bool = False) -> Outcome:
        """The outcome, with `tight` and `computed` as they stand when the verdict is given."""
        base, quantity = self.base, self.quantity
        head = f"{self.expression} = {self.shown(bounds=False)[0]}"
        carried = self.claim if base is None else base  # id, kind, words and place: the claim's, or the base's
        # a direct call, not attrs.evolve: every claim is judged here
        return Outcome(
            id=carried.id,
            kind=carried.kind,
            verdict=verdict,
            explanation=f"{head}, {words}",
            stated=carried.stated,
            gross=gross,
            interval=self.tight,
            computed=self.computed,
            basis=quantity.basis,
            location=carried.location,
            sentence=carried.sentence,
            near_miss=near,
            figures=quantity.figures,
            check=None if base is None else base.check,
            draft=False if base is None else base.draft,
            diagnoses=() if base is None else base.diagnoses,
        )

    def wrong_direction(self) -> Outcome | None:
        """For a signed kind: contradicted (gross) when it moved the other way than the words or `direction`
        say, or did not move at all. With no direction given, the value's size is what is judged next."""
        claim, stated = self.claim, self.stated
        if claim.KIND not in SIGNED_KINDS:
            return None
        word_direction = stated.direction
        field_direction = _field_direction(claim)
        if word_direction and field_direction and word_direction != field_direction:
            raise ImpossibleValueError(
                f"`direction` is {claim.direction!r} but the words {stated.text!r} say the opposite"
            )
        direction = word_direction or field_direction
        if direction is None:
            self.computed = magnitude(self.computed)
            return None
        if word_direction is None and direction < 0:  # `direction = "decrease"`: the words give the size of a fall
            self.tight, self.loose = self.tight.negate(), self.loose.negate()
        computed = self.computed
        assert computed.lo is not None and computed.hi is not None
        if (direction > 0 and computed.hi < 0) or (direction < 0 and computed.lo > 0):
            moved = "a rise" if computed.lo > 0 else "a fall"
            return self.outcome(Verdict.CONTRADICTED, f"{moved}, but {stated.text!r} says the opposite", gross=True)
        if computed.lo == computed.hi == 0:
            return self.outcome(Verdict.CONTRADICTED, f"no change at all, but {stated.text!r} says there was one")
        return None

    def wrong_side(self) -> Outcome | None:
        """ "A majority" that is not one (or "a minority"): contradicted, and gross."""
        side, computed = self.stated.side, self.computed
        if not side:
            return None
        assert computed.lo is not None and computed.hi is not None
        if (side > 0 and computed.hi <= 50) or (side < 0 and computed.lo >= 50):
            which = "not a majority" if side > 0 else "not a minority"
            return self.outcome(Verdict.CONTRADICTED, f"{which}, so {self.stated.text!r} is wrong", gross=True)
        return None

    def by_interval(self) -> Outcome:
        """Supported where the value meets the words' interval, loose where it meets only the looser one."""
        stated, computed = self.stated, self.computed
        if computed.overlaps(self.tight):
            return self.outcome(Verdict.SUPPORTED, self.supported_words())
        if computed.overlaps(self.loose):
            return self.outcome(Verdict.LOOSE, f"true as worded, but {stated.text!r} implies {self.shown()[1]}")
        return self.contradicted()

    def supported_words(self) -> str:
        """ "as stated", "which rounds to 122" for a plain number; "which fits 'nearly 1,500' ([1,450, 1,500))"."""
        stated, computed = self.stated, self.computed
        if stated.hedge is None and stated.step is not None and computed.is_point and not stated.side:
            if stated.centre is not None and computed.lo == stated.centre:
                return "as stated"
            sign = "−" if stated.centre is not None and stated.centre < 0 else ""
            return f"which rounds to {sign}{stated.shown}"
        return f"which fits {stated.text!r} ({self.shown()[1]})"

    def contradicted(self) -> Outcome:
        """Contradicted; a near miss when the value is within one step of a plain stated number."""
        stated = self.stated
        near = False
        if stated.step is not None and stated.centre is not None and stated.hedge is None:
            one_step = Interval(stated.centre - stated.step, stated.centre + stated.step, True, True)
            near = self.computed.overlaps(one_step) and self.claim.tolerance is None
        words = f"but {stated.text!r} means {self.shown()[1]}"
        if near:
            words += f"; within one step of {stated.shown}, so perhaps a rounding slip rather than a wrong number"
        return self.outcome(Verdict.CONTRADICTED, words, near=near)


def _places(stated: Stated, computed: Interval) -> int | None:
    """Decimal places to show a computed value with: one more than the stated number has."""
    lo, hi = computed.lo, computed.hi  # each end tested on its own: no list nor generator for every claim
    if (lo is None or lo.denominator == 1) and (hi is None or hi.denominator == 1):
        return None
    step = stated.step
    if step is None:
        return 2
    places = decimals_of(step)
    return places if computed.is_point and lo == stated.centre else places + 1


def _field_direction(claim: Claim) -> int | None:
    """+1 or -1 for a claim's `direction` field ("increase", "decrease"); None without one."""
    return _DIRECTIONS.get(claim.direction or "")


_DIRECTIONS: Final = {"increase": +1, "decrease": -1}


def may_support(claim: Claim, stated: Stated, computed: Interval) -> bool:
    """Whether the rules could find the value `computed` supported by the words `stated` read (a cheap sieve).

    Supported needs the value to meet the interval the words allow, as `judge_number` adjusts the two:
    only a signed kind (a change) whose words give no direction is judged on the value's negation
    (`direction = "decrease"`: the words give the size of a fall) or on its size (no direction at all).
    Any other claim's value is judged as it is.
    """
    tight = stated.interval
    if claim.KIND in SIGNED_KINDS and not stated.direction:
        field_direction = _field_direction(claim)
        if field_direction is None:
            return may_meet(computed, tight)  # the size is judged: the value or its negation, as it lies
        return computed.overlaps(tight if field_direction > 0 else tight.negate())
    return computed.overlaps(tight)


def may_meet(computed: Interval, tight: Interval) -> bool:
    """Whether the value, its negation or its size meets the interval the words allow."""
    if computed.overlaps(tight) or computed.overlaps(tight.negate()):
        return True
    # the size of a value wholly on one side of zero is the value or its negation, both tried above
    straddles = computed.lo is None or computed.hi is None or computed.lo < 0 < computed.hi
    return straddles and magnitude(computed).overlaps(tight)


def magnitude(interval: Interval) -> Interval:
    assert interval.lo is not None and interval.hi is not None
    if interval.lo >= 0:
        return interval
    if interval.hi <= 0:
        return interval.negate()
    return Interval(rational(0), max(-interval.lo, interval.hi))


def relation_text(left: Interval, right: Interval) -> str:
    if left.entirely_above(right):
        return ">"
    if left.entirely_below(right):
        return "<"
    if left.is_point and right.is_point:
        return "="
    return "≈"


def judge_relation(left: Interval, right: Interval, relation: Relation, tolerance: object) -> tuple[Verdict, bool, str]:
    """(verdict, gross, words) for `left relation right`, giving rounded inputs the benefit of the doubt."""
    if relation is Relation.EQUAL:
        half = rational(0)
        if tolerance is not None:
            half = tolerance.half_width(right.centre)  # type: ignore[attr-defined]
        if left.overlaps(right.widen(half)):
            return Verdict.SUPPORTED, False, "the same, as stated"
        return Verdict.CONTRADICTED, False, "they differ"
    greater = relation in (Relation.GREATER, Relation.AT_LEAST)
    strict = relation in (Relation.GREATER, Relation.LESS)
    if greater:
        right_side, wrong_side = left.entirely_above(right), left.entirely_below(right)
    else:
        right_side, wrong_side = left.entirely_below(right), left.entirely_above(right)
    equal = left.is_point and right.is_point and left.lo == right.lo
    side = "above" if greater else "below"
    if right_side:
        return Verdict.SUPPORTED, False, f"{side}, as stated"
    if wrong_side:
        other = "below" if greater else "above"
        return Verdict.CONTRADICTED, True, f"{other}, the wrong side: the words say {side}"
    if equal:
        if strict:
            return Verdict.CONTRADICTED, False, f"they are equal, so neither is {side} the other"
        return Verdict.SUPPORTED, False, "equal, which the words allow"
    return Verdict.SUPPORTED, False, f"the rounded figures overlap, so {side} cannot be ruled out"


def told_apart(left: Interval, right: Interval) -> str:
    """ " (0.12346 against 0.12345)" when two values that differ look alike as shown; "" otherwise."""
    shown_left, shown_right = show_against(left, right, None)
    if shown_left == show_interval(left) and shown_right == show_interval(right):
        return ""
    return f" ({shown_left} against {shown_right})"


def judge_comparison(claim: ComparisonClaim, stated: Stated, left: Quantity, right: Quantity) -> Outcome:
    """The verdict on `left relation right`, the relation the words state (none: unchecked)."""
    relation = stated.relation
    if relation is None:  # "compared with", "versus": side by side, with no relation to check
        words = f"{left.text} and {right.text}: {stated.neutral!r} states no relation"
        return _compared(claim, Verdict.UNCHECKED, words, left, right)
    change = conversion_between(right.unit, left.unit, "right", "left")
    r = in_unit(right.interval, change)
    lq = left.interval
    tolerance = parse_tolerance(claim.tolerance) if claim.tolerance is not None else None
    verdict, gross, words = judge_relation(lq, r, relation, tolerance)
    shown_relation = relation_text(lq, r)
    if change.is_identity:
        text = f"{left.text} {shown_relation} {right.text}"
    else:  # "38 days < 6 weeks = 42 days": the reader sees what was compared
        text = f"{with_unit(left.text, left.unit)} {shown_relation} {conversion_text(right, r, left.unit)}"
    # a claim's value, or a converted one, is shown rounded (a figure is shown as written)
    if shown_relation in ("<", ">") and (
        left.text.startswith("[") or right.text.startswith("[") or not change.is_identity
    ):
        text += told_apart(lq, r)
    return _compared(claim, verdict, f"{text}: {words}", left, right, gross=gross)


def _compared(
    claim: ComparisonClaim, verdict: Verdict, explanation: str, left: Quantity, right: Quantity, *, gross: bool = False
) -> Outcome:
    """A comparison's outcome, resting on both sides' figures (built directly: every comparison comes here)."""
    return Outcome(
        id=claim.id,
        kind=claim.kind,
        verdict=verdict,
        explanation=explanation,
        stated=claim.stated,
        gross=gross,
        basis=weakest_basis(left.basis, right.basis),
        location=claim.location,
        sentence=claim.sentence,
        figures=merge_figures(left.figures, right.figures),
    )
