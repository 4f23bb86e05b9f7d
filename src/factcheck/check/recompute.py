"""One recompute function per kind of claim: a kind's formula lives here.

Each works on exact intervals, so a rounded figure carries its uncertainty through; where two units
of one dimension meet (a change, a share, a ratio, a formula's + − × ÷ …) one is read in the other
first, and the explanation shows it ("6 weeks = 42 days"). Each takes `resolve`, which gives the
quantity a figure's or another claim's name stands for (the verifier's), so this module knows
nothing of names, references or cycles. A recomputed value past the bound on computed values
(below 10^300 in size, its exact fraction's numerator and denominator below 2^4096) is an error.
"""

from __future__ import annotations

from collections.abc import Callable
from fractions import Fraction
from typing import Final

import attrs

from factcheck.check.quantity import (
    Quantity,
    conversion_between,
    conversion_text,
    in_unit,
    merge_figures,
    weakest_basis,
    with_unit,
)
from factcheck.errors import ComputedBoundError, ImpossibleValueError, UnitMismatchError, ZeroDenominatorError
from factcheck.model.claims import (
    ChangeClaim,
    Claim,
    DifferenceClaim,
    FormulaClaim,
    OneInClaim,
    PointChangeClaim,
    RateClaim,
    RatioClaim,
    ShareClaim,
    ValueClaim,
)
from factcheck.model.formula import evaluate_formula, parse_formula
from factcheck.model.kinds import Kind
from factcheck.numbers.display import show, show_exact, show_interval
from factcheck.numbers.exact import rational
from factcheck.numbers.interval import Interval
from factcheck.numbers.units import (
    ONE,
    PERCENT,
    POINTS,
    Unit,
    conversion,
    describe,
    impossible_when_negative,
    in_terms_of,
)
from factcheck.words.stated import Stated

__all__ = [
    "MAX_COMPUTED_BITS",
    "MAX_COMPUTED_EXPONENT",
    "RECOMPUTE",
    "Recompute",
    "Resolve",
    "recompute",
    "within_bound",
]

_HUNDRED: Final = rational(100)
_ONE: Final = Interval.point(rational(1))

#: The bound on computed values: below 10^300 in size (the figures' own bound is 10^101; this
#: leaves room for products of them, and keeps every value within a report's floating point),
#: and exact fractions whose numerator and denominator are below 2^4096 (about 1,233 digits).
MAX_COMPUTED_EXPONENT: Final = 300
MAX_COMPUTED_BITS: Final = 4096
_MAX_COMPUTED: Final = 10**MAX_COMPUTED_EXPONENT
#: A whole number of at most this many binary digits is below 10^300 (2^996 < 10^300 < 2^997).
_SHORT_BITS: Final = _MAX_COMPUTED.bit_length() - 1

#: What a recompute function is given to look a name up: the quantity of the figure or claim it names.
Resolve = Callable[[str], Quantity]


def recompute(resolve: Resolve, claim: Claim, stated: Stated) -> tuple[Quantity, str]:
    """The claim's kind recomputes it; a value past the bound on computed values is an error."""
    quantity, expression = RECOMPUTE[claim.KIND](resolve, claim, stated)
    within_bound(quantity.interval)
    return quantity, expression


def within_bound(interval: Interval) -> None:
    """Raise when a computed value passes the bound (MAX_COMPUTED_EXPONENT, MAX_COMPUTED_BITS).

    Cheap (two bit lengths and a comparison per end), so it runs after every operation: chained
    products stop at the bound instead of growing for ever.
    """
    lo, hi = interval.lo, interval.hi
    for end in (lo,) if lo is hi else (lo, hi):
        if end is None:
            continue
        numerator, denominator = end.numerator, end.denominator
        numerator_bits, denominator_bits = numerator.bit_length(), denominator.bit_length()
        if numerator_bits <= _SHORT_BITS and denominator_bits <= MAX_COMPUTED_BITS:
            continue  # the usual value: its size is below 10^300 whatever its denominator, with no product to tell
        if numerator_bits > MAX_COMPUTED_BITS or denominator_bits > MAX_COMPUTED_BITS:
            raise ComputedBoundError(
                "the recomputed value is past the bound on computed values: its exact fraction "
                f"needs more than {MAX_COMPUTED_BITS:,} binary digits"
            )
        if abs(numerator) >= _MAX_COMPUTED * denominator:
            raise ComputedBoundError(
                "the recomputed value is past the bound on computed values: it is "
                f"{show(abs(end))} in size, and must be below 10^{MAX_COMPUTED_EXPONENT}"
            )


def _base(quantity: Quantity) -> tuple[Interval, Unit, str]:
    """A value in its unit's own terms ("10" of "1000 person" is 10,000 people), shown if it moved."""
    interval, unit = _in_own_terms(quantity.interval, quantity.unit)
    if unit is quantity.unit:
        return interval, unit, quantity.text
    return interval, unit, f"({conversion_text(quantity, interval, unit)})"


def _in_own_terms(interval: Interval, unit: Unit) -> tuple[Interval, Unit]:
    """A value in a scaled unit of things ("64.3" of "1000 person") in the things themselves (64,300
    people); a plain number or a percentage as it is (the words' "%" reads a percentage)."""
    if unit.factor == 1 or not unit.dims:
        return interval, unit
    return interval.scale(unit.factor), Unit(rational(1), unit.dims, describe(rational(1), unit.dims))


def _is_amount(unit: Unit) -> bool:
    """A count or amount of things (no "per"): its plain number is in the things themselves."""
    return all(exp > 0 for _, exp in unit.dims)


def _nonzero(quantity: Quantity, role: str) -> None:
    interval = quantity.interval
    assert interval.lo is not None and interval.hi is not None
    if interval.lo <= 0 <= interval.hi:
        what = "zero" if interval.is_point else f"possibly zero (it lies in {show_interval(interval)})"
        raise ZeroDenominatorError(f"the {role} {quantity.text} is {what}: nothing can be divided by it")


def _not_negative(quantity: Quantity, role: str, why: str) -> None:
    """An input below zero where the kind needs it positive: an impossible value, an error."""
    if quantity.interval.hi is not None and quantity.interval.hi < 0:
        raise ImpossibleValueError(f"the {role} {quantity.text} is negative: {why}")


def _not_negative_count(quantity: Quantity, role: str) -> None:
    """A count below zero cannot be, unless it is a difference; money, temperatures and the like can."""
    if quantity.signed or quantity.interval.hi is None or quantity.interval.hi >= 0:
        return
    what = impossible_when_negative(quantity.unit)
    if what is not None:
        raise ImpossibleValueError(f"the {role} {quantity.text} is negative, which {what} cannot be")


# -- recomputation, one function per kind ---------------------------------------------------

#: A kind's recomputation: (the value, how it was worked out, as an explanation shows it).
Recompute = Callable[[Resolve, Claim, Stated], tuple[Quantity, str]]


def _value(resolve: Resolve, claim: ValueClaim, stated: Stated) -> tuple[Quantity, str]:
    assert claim.figure is not None
    q = resolve(claim.figure)  # a figure that is a negative count was refused there
    interval = q.interval
    unit = q.unit
    if stated.unit == "percent" and not unit.is_percent:
        if not unit.is_dimensionless:
            raise UnitMismatchError("percent", unit.text, "the words say per cent but the figure is not a percentage")
        interval = interval.scale(unit.factor / PERCENT.factor)
        unit = PERCENT
    elif stated.unit == "points" and unit.dims != POINTS.dims and not unit.is_percent:
        raise UnitMismatchError("percentage points", unit.text, "the words say points")
    elif stated.unit not in (None, "percent", "points"):
        interval, unit = _in_currency(interval, unit, stated.unit, "the figure is not")
    elif stated.unit is None and stated.per is None and _is_amount(unit):
        interval, unit = _in_own_terms(interval, unit)  # "64,300" of 64.3 thousand people
    # a figure read in the words' unit says what it was in: "250 pence = 2.50"
    text = q.text if unit.factor == q.unit.factor or unit.dims != q.unit.dims else with_unit(q.text, q.unit)
    if stated.per is not None:
        # "16.6 per 1,000" of a figure published per 100,000 (or per person): expressed per the words' base
        if not any(exp < 0 for _, exp in unit.dims) and not _is_ratio(unit):
            raise UnitMismatchError(
                unit.text, f"per {show(stated.per)}", "the words give a rate but the figure is not one"
            )
        factor = unit.factor * stated.per
        if factor != 1:
            interval = interval.scale(factor)
            text = f"{q.text} {unit.text}, per {show(stated.per)}"
        unit = _per_unit(unit.dims, stated.per, unit)  # the value is now per the words' base, and says so
    return Quantity(interval, unit, q.text, q.basis, q.figures, q.signed), text


def _is_ratio(unit: Unit) -> bool:
    """A unit written as a ratio of like things ("person / (100000 * person)", "percent"): its dimensions
    cancel, and it is a share per some base, which "727.4 per 100,000" may state; a bare "number" is not."""
    return unit.is_dimensionless and (unit.factor != 1 or "/" in unit.text)


def _in_currency(interval: Interval, unit: Unit, currency: str, what: str) -> tuple[Interval, Unit]:
    """A value the words give in a currency ("£2.50"): in that currency's units (pence are read as pounds)."""
    if unit.currency() != currency:
        raise UnitMismatchError(currency, unit.text, f"the words name {currency} but {what}")
    if unit.dims == ((currency, 1),) and unit.factor != 1:
        return interval.scale(unit.factor), Unit(rational(1), unit.dims, currency)
    return interval, unit


def _per_unit(dims: tuple[tuple[str, int], ...], per: Fraction, unit: Unit) -> Unit:
    """The unit of a rate per `per` ("offender per 1,000 person"); `unit` itself when it is that already."""
    if unit.factor * per == 1 and unit.dims == dims:
        return unit
    top = describe(rational(1), tuple((n, e) for n, e in dims if e > 0))
    bottom = describe(rational(1), tuple((n, -e) for n, e in dims if e < 0))
    return Unit(1 / per, dims, f"{top} per {show(per)} {bottom}")


def _rate(resolve: Resolve, claim: RateClaim, stated: Stated) -> tuple[Quantity, str]:
    assert claim.numerator is not None and claim.denominator is not None
    if stated.one_in:  # "one adult for every 640 residents": the rate is 1 per N, judged on N
        if claim.per is not None and claim.per != stated.centre:
            raise ImpossibleValueError(
                f"the words give one in N, judged on N = denominator / numerator; `per` "
                f"({show(claim.per)}) does not apply"
            )
        quantity, expression = _one_in(resolve, claim, stated)
        return quantity, f"one in N, N = {expression}"
    per = stated.per
    if per is not None and claim.per is not None and per != claim.per:
        raise ImpossibleValueError(f"the words say per {show(per)} but `per` is {show(claim.per)}")
    per = per if per is not None else claim.per
    if per is None:
        raise ImpossibleValueError("a rate needs `per` (or words such as 'per 100,000' in stated)")
    num, den = resolve(claim.numerator), resolve(claim.denominator)
    _not_negative_count(num, "numerator")
    _nonzero(den, "denominator")
    _not_negative(den, "denominator", "a rate is per a positive number of something")
    # per 1,000 of what the denominator counts: a figure in thousands ("1000 person") is read in people first
    num_interval, num_unit, num_text = _base(num)
    den_interval, den_unit, den_text = _base(den)
    interval = (num_interval / den_interval).scale(per)
    over = num_unit / den_unit  # a percentage stays one: its factor is kept in the unit
    unit = Unit(over.factor / per, over.dims, f"{num_unit} per {show(per)} {den_unit}")
    return Quantity(
        interval, unit, "", weakest_basis(num.basis, den.basis), merge_figures(num.figures, den.figures)
    ), f"{num_text} / {den_text} × {show(per)}"


def _divide_like(top: Quantity, bottom: Quantity) -> tuple[Interval, Unit, str, str]:
    """Top / bottom for a ratio or one-in-N: bottom read in top's unit when they measure one thing.

    "10 days / 1 week" is 10 / 7, so 1.43; an offender per person stays a quotient of units.
    (interval, unit, top's text, bottom's text).
    """
    try:
        change = conversion(bottom.unit, top.unit)
    except UnitMismatchError:  # two different things ("offender" and "person"): a quotient of units, as the spec allows
        # each side in its things themselves: 52 of "1000 doctor" is 52,000 doctors, never 52
        top_interval, top_unit, top_text = _base(top)
        bottom_interval, bottom_unit, bottom_text = _base(bottom)
        _nonzero(Quantity(bottom_interval, bottom_unit, bottom.text), "denominator")
        return top_interval / bottom_interval, top_unit / bottom_unit, top_text, bottom_text
    bottom_interval = in_unit(bottom.interval, change)
    _nonzero(Quantity(bottom_interval, top.unit, bottom.text), "denominator")
    interval = top.interval / bottom_interval
    if change.is_identity:
        return interval, ONE, top.text, bottom.text
    return interval, ONE, with_unit(top.text, top.unit), f"({conversion_text(bottom, bottom_interval, top.unit)})"


def _one_in(resolve: Resolve, claim: OneInClaim | RateClaim, stated: Stated) -> tuple[Quantity, str]:
    assert claim.numerator is not None and claim.denominator is not None
    num, den = resolve(claim.numerator), resolve(claim.denominator)
    _not_negative(den, "denominator", "'one in N' needs positive numbers")
    _nonzero(num, "numerator")
    _not_negative(num, "numerator", "'one in N' needs positive numbers")
    interval, unit, den_text, num_text = _divide_like(den, num)
    return Quantity(
        interval, unit, "", weakest_basis(num.basis, den.basis), merge_figures(num.figures, den.figures)
    ), f"{den_text} / {num_text}"


def _from_to(
    resolve: Resolve, claim: ChangeClaim | PointChangeClaim | DifferenceClaim
) -> tuple[Quantity, Quantity, Interval, str, str]:
    """from, to, to's interval in from's unit, and how each is shown (with units when one was converted)."""
    assert claim.from_ is not None and claim.to is not None
    old, new = resolve(claim.from_), resolve(claim.to)
    change = conversion_between(new.unit, old.unit, "to", "from")
    new_interval = in_unit(new.interval, change)
    if change.is_identity:
        return old, new, new_interval, old.text, new.text
    return old, new, new_interval, with_unit(old.text, old.unit), f"({conversion_text(new, new_interval, old.unit)})"


def _change(resolve: Resolve, claim: ChangeClaim, stated: Stated) -> tuple[Quantity, str]:
    old, new, new_interval, old_text, new_text = _from_to(resolve, claim)
    _nonzero(old, "starting value (from)")
    _not_negative(old, "starting value (from)", "a percentage change from a value below zero has no meaning")
    interval = (new_interval / old.interval - _ONE).scale(_HUNDRED)
    return Quantity(
        interval, PERCENT, "", weakest_basis(old.basis, new.basis), merge_figures(old.figures, new.figures), signed=True
    ), f"({new_text} − {old_text}) / {old_text} × 100"


def _point_change(resolve: Resolve, claim: PointChangeClaim, stated: Stated) -> tuple[Quantity, str]:
    assert claim.from_ is not None and claim.to is not None
    old, new = resolve(claim.from_), resolve(claim.to)
    intervals, texts = [], []
    for q, role in ((old, "from"), (new, "to")):
        if not (q.unit.is_percent or (q.unit.is_dimensionless and q.unit.factor != 1)):
            raise UnitMismatchError(q.unit.text, "percent", f"a point change needs percentages; {role} is not one")
        if q.unit.is_percent:
            intervals.append(q.interval)
            texts.append(q.text)
        else:  # per mille, say: read as a percentage
            interval = q.interval.scale(q.unit.factor / PERCENT.factor)
            intervals.append(interval)
            texts.append(f"({conversion_text(q, interval, PERCENT)})")
    interval = intervals[1] - intervals[0]
    return Quantity(
        interval, POINTS, "", weakest_basis(old.basis, new.basis), merge_figures(old.figures, new.figures), signed=True
    ), f"{texts[1]} − {texts[0]}"


def _difference(resolve: Resolve, claim: DifferenceClaim, stated: Stated) -> tuple[Quantity, str]:
    old, new, new_interval, old_text, new_text = _from_to(resolve, claim)
    interval = new_interval - old.interval
    unit = old.unit
    expression = f"{new_text} − {old_text}"
    if stated.unit not in (None, "percent", "points"):
        interval, unit = _in_currency(interval, unit, stated.unit, f"the figures are in {old.unit.text!r}")
    elif stated.unit is None and _is_amount(unit):
        interval, unit = _in_own_terms(interval, unit)
    if unit.factor != old.unit.factor and unit.dims == old.unit.dims:  # "(100 − 250) pence = -1.50"
        expression = with_unit(f"({expression})", old.unit)
    return Quantity(
        interval, unit, "", weakest_basis(old.basis, new.basis), merge_figures(old.figures, new.figures), signed=True
    ), expression


def _ratio(resolve: Resolve, claim: RatioClaim, stated: Stated) -> tuple[Quantity, str]:
    assert claim.numerator is not None and claim.denominator is not None
    num, den = resolve(claim.numerator), resolve(claim.denominator)
    _nonzero(den, "denominator")
    interval, unit, num_text, den_text = _divide_like(num, den)
    return Quantity(
        interval, unit, "", weakest_basis(num.basis, den.basis), merge_figures(num.figures, den.figures)
    ), f"{num_text} / {den_text}"


def _share(resolve: Resolve, claim: ShareClaim, stated: Stated) -> tuple[Quantity, str]:
    assert claim.part is not None and claim.whole is not None
    part, whole = resolve(claim.part), resolve(claim.whole)
    change = conversion_between(part.unit, whole.unit, "part", "whole")
    part_interval = in_unit(part.interval, change)
    _nonzero(whole, "whole")
    _not_negative(whole, "whole", "a share of it has no meaning")
    interval = (part_interval / whole.interval).scale(_HUNDRED)
    assert interval.lo is not None and interval.hi is not None
    if interval.lo > _HUNDRED:
        raise ImpossibleValueError(f"the part {part.text} is larger than the whole {whole.text}: a share above 100%")
    if interval.hi < 0:
        raise ImpossibleValueError("a negative share")
    part_text, whole_text = part.text, whole.text
    if not change.is_identity:
        part_text, whole_text = (
            f"({conversion_text(part, part_interval, whole.unit)})",
            with_unit(whole.text, whole.unit),
        )
    return Quantity(
        interval, PERCENT, "", weakest_basis(part.basis, whole.basis), merge_figures(part.figures, whole.figures)
    ), f"{part_text} / {whole_text} × 100"


def _formula(resolve: Resolve, claim: FormulaClaim, stated: Stated) -> tuple[Quantity, str]:
    assert claim.expr is not None
    formula = parse_formula(claim.expr)

    def number(value: Fraction) -> Quantity:
        return Quantity(Interval.point(value), ONE, show_exact(value))

    def apply(op: str, a: Quantity, b: Quantity) -> Quantity:
        a_text, b_text = a.text, b.text
        if op in "+-":
            change = conversion_between(b.unit, a.unit, "one side", "the other")
            b_interval = in_unit(b.interval, change)
            interval = a.interval + b_interval if op == "+" else a.interval - b_interval
            unit = a.unit
            if not change.is_identity:
                a_text, b_text = with_unit(a.text, a.unit), f"({conversion_text(b, b_interval, a.unit)})"
        else:
            # a name of b that measures what one of a's does is read in a's ("10 days / 1 week" is 10/7)
            factor, b_unit = in_terms_of(b.unit, a.unit)
            b_interval = b.interval.scale(factor) if factor != 1 else b.interval
            if b_unit is not b.unit:
                a_text, b_text = with_unit(a.text, a.unit), f"({conversion_text(b, b_interval, b_unit)})"
            if op == "*":
                interval, unit = a.interval * b_interval, a.unit * b_unit
            else:
                _nonzero(Quantity(b_interval, b_unit, b.text), "divisor")
                interval, unit = a.interval / b_interval, a.unit / b_unit
        within_bound(interval)  # at every step: a chain of products stops at the bound, not at the end
        symbol = {"*": "×", "-": "−"}.get(op, op)
        return Quantity(
            interval,
            unit,
            f"({a_text} {symbol} {b_text})",
            weakest_basis(a.basis, b.basis),
            merge_figures(a.figures, b.figures),
            a.signed or b.signed or op == "-",
        )

    def negate(a: Quantity) -> Quantity:
        return attrs.evolve(a, interval=a.interval.negate(), text=f"−{a.text}", signed=True)

    result = evaluate_formula(formula, name=resolve, number=number, apply=apply, negate=negate)
    unit, interval, expression = result.unit, result.interval, result.text
    if stated.unit == "percent" and not (unit.is_percent or unit.is_dimensionless):
        raise UnitMismatchError("percent", unit.text, "the words say per cent")
    if stated.unit == "percent" and unit.is_dimensionless and not unit.is_percent and unit.factor != 1:
        interval = interval.scale(unit.factor / PERCENT.factor)
    elif stated.unit is None and unit.is_dimensionless and not unit.is_percent and unit.factor != 1:
        interval, unit = interval.scale(unit.factor), ONE  # people / thousands of people: a plain number
        expression = f"{expression} × {show(result.unit.factor)}"
    elif stated.unit is None and _is_amount(unit):
        interval, unit = _in_own_terms(interval, unit)  # thousands of people: people
    if stated.unit not in (None, "percent", "points"):
        interval, unit = _in_currency(interval, unit, stated.unit, f"the formula gives {unit.text}")
    if unit.dims and unit.dims == result.unit.dims and unit.factor != result.unit.factor:
        expression = with_unit(expression, result.unit)  # "(64.3 + 1) × 1000 person = 65,300"
    return attrs.evolve(result, interval=interval, unit=unit, text=""), expression


#: The recomputation of each kind but a comparison, which is judged on its two sides as they are.
RECOMPUTE: Final[dict[str, Recompute]] = {
    Kind.VALUE: _value,  # type: ignore[dict-item]
    Kind.RATE: _rate,  # type: ignore[dict-item]
    Kind.ONE_IN: _one_in,  # type: ignore[dict-item]
    Kind.CHANGE: _change,  # type: ignore[dict-item]
    Kind.POINT_CHANGE: _point_change,  # type: ignore[dict-item]
    Kind.DIFFERENCE: _difference,  # type: ignore[dict-item]
    Kind.RATIO: _ratio,  # type: ignore[dict-item]
    Kind.SHARE: _share,  # type: ignore[dict-item]
    Kind.FORMULA: _formula,  # type: ignore[dict-item]
}
