"""What a claim's recomputation works on: a `Quantity` (an interval in a unit, with how it was written
and what it rests on), and the conversions between units that an explanation shows ("6 weeks = 42 days").
"""

from __future__ import annotations

import attrs

from factcheck.errors import UnitMismatchError
from factcheck.model.claims import SourceKind
from factcheck.numbers.display import show_interval, show_significant
from factcheck.numbers.interval import Interval
from factcheck.numbers.units import Conversion, Unit, conversion, spoken

__all__ = [
    "Quantity",
    "conversion_between",
    "conversion_text",
    "in_unit",
    "merge_figures",
    "weakest_basis",
    "with_unit",
]


@attrs.frozen
class Quantity:
    """A recomputed value: an interval in a unit, how it was written, and what it rests on."""

    interval: Interval
    unit: Unit
    text: str
    basis: SourceKind | None = None
    figures: tuple[str, ...] = ()
    signed: bool = False  # a difference (to − from, a formula with a minus): below zero is no impossible value


def weakest_basis(a: SourceKind | None, b: SourceKind | None) -> SourceKind | None:
    """The weaker of two sources (the first on a tie); two arguments, no key function: every recompute asks."""
    if a is None:
        return b
    if b is None or a is b:  # one kind of source, the usual case: no ranks looked up
        return a
    return a if a.rank >= b.rank else b


def merge_figures(a: tuple[str, ...], b: tuple[str, ...]) -> tuple[str, ...]:
    """Both groups' names, each once, in order of first use (no generator: every recompute asks)."""
    if len(a) == 1 and len(b) == 1:  # two figures, the usual case: no dictionaries
        return a if a[0] == b[0] else a + b
    return tuple({**dict.fromkeys(a), **dict.fromkeys(b)})


def conversion_between(source: Unit, target: Unit, source_role: str, target_role: str) -> Conversion:
    try:
        return conversion(source, target)
    except UnitMismatchError as exc:
        raise UnitMismatchError(
            source.text, target.text, f"{source_role} is in {source.text!r}, {target_role} in {target.text!r}"
        ) from exc


def in_unit(interval: Interval, change: Conversion) -> Interval:
    """The interval read in the other unit (identity costs nothing: the common case)."""
    if change.is_identity:
        return interval
    scaled = interval.scale(change.factor)
    return scaled.shift(change.offset) if change.offset else scaled


def with_unit(text: str, unit: Unit) -> str:
    """A value with its unit, as a conversion is shown: "6 weeks", "12%", "10 × 1000 person"."""
    if unit.is_percent:
        return f"{text}%"
    if unit.is_dimensionless and unit.factor == 1:
        return text
    label = spoken(unit, plural=text != "1")
    return f"{text} × {label}" if label[:1].isdigit() else f"{text} {label}"


def conversion_text(quantity: Quantity, converted: Interval, unit: Unit) -> str:
    """'6 weeks = 42 days': a value as it was given and as it is used."""
    shown = (
        show_significant(converted.lo) if converted.is_point and converted.lo is not None else show_interval(converted)
    )
    return f"{with_unit(quantity.text, quantity.unit)} = {with_unit(shown, unit)}"
