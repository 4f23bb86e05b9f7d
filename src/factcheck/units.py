"""Units of figures: parsing, compatibility and conversion factors.

Most claims compare like with like ("offender" against "offender"), and those are settled here
without pint: a unit is a product of named dimensions with an exact factor. Only when two units
name different things ("week" against "day", "offender" against "person") is pint asked, with a
registry built once, on first need, in which a word pint does not know is a count unit of its own.
pint is imported nowhere else.
"""

from __future__ import annotations

import re
from fractions import Fraction
from functools import cache, lru_cache
from typing import Any, Final

import attrs

from factcheck.errors import UnitMismatchError

__all__ = ["ONE", "PERCENT", "POINTS", "Unit", "conversion_factor", "describe", "parse_unit"]

#: Aliases to a canonical name, and the factor to it ("percent" is 1/100 of a plain number).
_ALIASES: Final[dict[str, tuple[Fraction, str | None]]] = {
    "%": (Fraction(1, 100), None),
    "percent": (Fraction(1, 100), None),
    "per_cent": (Fraction(1, 100), None),
    "pct": (Fraction(1, 100), None),
    "percentage": (Fraction(1, 100), None),
    "permille": (Fraction(1, 1000), None),
    "1": (Fraction(1), None),
    "count": (Fraction(1), None),
    "number": (Fraction(1), None),
    "dimensionless": (Fraction(1), None),
    "percentage_point": (Fraction(1), "percentage_point"),
    "percentage_points": (Fraction(1), "percentage_point"),
    "pp": (Fraction(1), "percentage_point"),
    "£": (Fraction(1), "GBP"),
    "gbp": (Fraction(1), "GBP"),
    "pound_sterling": (Fraction(1), "GBP"),
    "pence": (Fraction(1, 100), "GBP"),
    "penny": (Fraction(1, 100), "GBP"),
    "$": (Fraction(1), "USD"),
    "usd": (Fraction(1), "USD"),
    "€": (Fraction(1), "EUR"),
    "eur": (Fraction(1), "EUR"),
    "euro": (Fraction(1), "EUR"),
    "people": (Fraction(1), "person"),
    "persons": (Fraction(1), "person"),
    "children": (Fraction(1), "child"),
    "men": (Fraction(1), "man"),
    "women": (Fraction(1), "woman"),
}
_HUNDREDTH: Final = Fraction(1, 100)
CURRENCY_NAMES: Final = frozenset({"GBP", "USD", "EUR"})
#: Words pint knows as something else ("point" is a length, "barn" an area): here, counts.
_COUNT_WORDS_PINT_MISREADS: Final = frozenset({"point", "barn", "are", "pint", "bit", "gal", "case", "cup", "stone"})

_PER = re.compile(r"\bper\b")
_THOUSANDS = re.compile(r"(?<=\d),(?=\d{3})")
#: The largest exponent a unit may carry ("m^3"), and of a number in it ("1e6 GBP").
_MAX_POWER = 12
_TOKEN = re.compile(r"\s*(?:(?P<num>\d+(?:\.\d+)?(?:e-?\d+)?)|(?P<name>[A-Za-z_£$€%][A-Za-z_0-9]*|[£$€%])|(?P<op>\*\*|[*/^()]))")


@attrs.frozen
class Unit:
    """A unit as a product of named dimensions with exact exponents, times an exact factor."""

    factor: Fraction
    dims: tuple[tuple[str, int], ...]
    text: str = attrs.field(eq=False)

    @property
    def is_percent(self) -> bool:
        return not self.dims and self.factor == _HUNDREDTH

    @property
    def is_dimensionless(self) -> bool:
        return not self.dims

    def currency(self) -> str | None:
        return next((name for name, exp in self.dims if name in CURRENCY_NAMES and exp > 0), None)

    def __mul__(self, other: Unit) -> Unit:
        return _combine(self, other, +1)

    def __truediv__(self, other: Unit) -> Unit:
        return _combine(self, other, -1)

    def __str__(self) -> str:
        return self.text


PERCENT: Final = Unit(Fraction(1, 100), (), "percent")
POINTS: Final = Unit(Fraction(1), (("percentage_point", 1),), "percentage points")
ONE: Final = Unit(Fraction(1), (), "1")


@lru_cache(maxsize=4096)
def _combine(a: Unit, b: Unit, sign: int) -> Unit:
    """a × b or a ÷ b, remembered: the result depends only on factors and dims, which key the cache."""
    dims = dict(a.dims)
    for name, exp in b.dims:
        dims[name] = dims.get(name, 0) + sign * exp
    factor = a.factor * b.factor if sign > 0 else a.factor / b.factor
    kept = tuple(sorted((n, e) for n, e in dims.items() if e))
    return Unit(factor, kept, describe(factor, kept))


def describe(factor: Fraction, dims: tuple[tuple[str, int], ...]) -> str:
    """A readable name for a unit built by arithmetic ("GBP / week")."""
    def power(name: str, exp: int) -> str:
        return name if exp == 1 else f"{name}^{exp}"

    top = " * ".join(power(n, e) for n, e in dims if e > 0)
    bottom = " * ".join(power(n, -e) for n, e in dims if e < 0)
    if factor == _HUNDREDTH and not dims:
        return "percent"
    scale = "" if factor == 1 else f"{factor} "
    text = (scale + (top or "1")).strip()
    return f"{text} / {bottom}" if bottom else text


def canonical_name(word: str) -> tuple[Fraction, str | None]:
    """The factor and dimension name a unit word stands for ("people" -> person, "%" -> 1/100)."""
    key = word.lower()
    if key in _ALIASES:
        return _ALIASES[key]
    if word.isupper() and len(word) > 1:
        return Fraction(1), word
    name = key
    if name.endswith("ies") and len(name) > 4:
        name = name[:-3] + "y"
    elif name.endswith("s") and not name.endswith("ss") and len(name) > 3:
        name = name[:-1]
    return Fraction(1), name


@cache
def parse_unit(text: str) -> Unit:
    """Read a unit expression: names, numbers, `*`, `/`, `^` and parentheses ("GBP / dwelling")."""
    if not isinstance(text, str) or not text.strip():
        msg = "a unit must be a non-empty expression such as \"offender\" or \"GBP / dwelling\""
        raise ValueError(msg)
    stripped = text.strip()
    # "offenders per 100,000 people": "per" divides by everything after it
    parts = _PER.split(stripped, maxsplit=1)
    if len(parts) == 2 and parts[1].strip():
        head, tail = parts[0].strip() or "1", _THOUSANDS.sub("", parts[1].strip())
        stripped = f"({head}) / ({tail})"
    tokens: list[tuple[str, str]] = []
    pos = 0
    while pos < len(stripped):
        match = _TOKEN.match(stripped, pos)
        if not match or match.end() == pos:
            msg = f"cannot read the unit {text!r} at {stripped[pos:]!r}"
            raise ValueError(msg)
        kind = match.lastgroup or ""
        tokens.append((kind, match.group(kind)))
        pos = match.end()
        while pos < len(stripped) and stripped[pos] == " ":
            pos += 1
    parser = _UnitParser(tokens, text)
    unit = parser.expression()
    if parser.pos != len(tokens):
        msg = f"cannot read the unit {text!r}"
        raise ValueError(msg)
    return attrs.evolve(unit, text=text.strip())


@attrs.define
class _UnitParser:
    tokens: list[tuple[str, str]]
    text: str
    pos: int = 0

    def peek(self) -> tuple[str, str] | None:
        return self.tokens[self.pos] if self.pos < len(self.tokens) else None

    def expression(self) -> Unit:
        unit = self.power()
        while (tok := self.peek()) is not None and (tok[1] in ("*", "/") or tok[0] in ("name", "num") or tok[1] == "("):
            if tok[1] in ("*", "/"):
                self.pos += 1
                right = self.power()
                unit = unit * right if tok[1] == "*" else unit / right
            else:
                unit = unit * self.power()
        return unit

    def power(self) -> Unit:
        base = self.atom()
        tok = self.peek()
        if tok is not None and tok[1] in ("^", "**"):
            self.pos += 1
            exp_tok = self.peek()
            if exp_tok is None or exp_tok[0] != "num" or not exp_tok[1].isdigit():
                msg = f"an exponent must be a whole number in the unit {self.text!r}"
                raise ValueError(msg)
            if int(exp_tok[1]) > _MAX_POWER:
                msg = f"an exponent may be at most {_MAX_POWER} in the unit {self.text!r}"
                raise ValueError(msg)
            self.pos += 1
            result = ONE
            for _ in range(int(exp_tok[1])):
                result = result * base
            return result
        return base

    def atom(self) -> Unit:
        tok = self.peek()
        if tok is None:
            msg = f"the unit {self.text!r} ends too soon"
            raise ValueError(msg)
        self.pos += 1
        kind, value = tok
        if value == "(":
            inner = self.expression()
            if self.peek() != ("op", ")"):
                msg = f"a bracket is not closed in the unit {self.text!r}"
                raise ValueError(msg)
            self.pos += 1
            return inner
        if kind == "num":
            exponent = value.partition("e")[2]
            if exponent and abs(int(exponent)) > _MAX_POWER:
                msg = f"the number {value!r} is out of range in the unit {self.text!r}"
                raise ValueError(msg)
            return Unit(Fraction(value), (), value)
        if kind == "name":
            factor, name = canonical_name(value)
            return Unit(factor, ((name, 1),) if name else (), value)
        msg = f"unexpected {value!r} in the unit {self.text!r}"
        raise ValueError(msg)


def conversion_factor(source: Unit, target: Unit) -> Fraction:
    """The number to multiply a value in `source` by to express it in `target`.

    Raises UnitMismatchError when the two measure different things.
    """
    if source.dims == target.dims:
        return source.factor / target.factor
    return _pint_factor(source, target)


def _pint_expression(unit: Unit) -> str:
    parts = [f"{_pint_name(name)} ** {exp}" for name, exp in unit.dims]
    return " * ".join(parts) if parts else "dimensionless"


def _pint_name(name: str) -> str:
    return f"fc_{name}" if name in _COUNT_WORDS_PINT_MISREADS or name in CURRENCY_NAMES else name


def _pint_factor(source: Unit, target: Unit) -> Fraction:
    registry = _registry()
    import pint  # noqa: PLC0415 - pint is loaded only when two different units meet

    for name, _ in (*source.dims, *target.dims):
        pname = _pint_name(name)
        if pname not in registry:
            registry.define(f"{pname} = [{pname}]")
    try:
        quantity: Any = registry.Quantity(Fraction(1), _pint_expression(source))
        magnitude = quantity.to(_pint_expression(target)).magnitude
    except pint.DimensionalityError as exc:
        raise UnitMismatchError(source.text, target.text, "they measure different things") from exc
    except pint.PintError as exc:  # pragma: no cover - defensive: pint rejected a name
        raise UnitMismatchError(source.text, target.text, str(exc)) from exc
    return Fraction(magnitude) * source.factor / target.factor


@cache
def _registry() -> Any:
    import pint  # noqa: PLC0415

    registry: Any = pint.UnitRegistry(non_int_type=Fraction, autoconvert_offset_to_baseunit=True)
    registry.define("person = [person]")
    return registry
