"""Units of figures: parsing, compatibility and conversion.

Most claims compare like with like ("offender" against "offender"), and those are settled here
without pint: a unit is a product of named dimensions with an exact factor. Only when two units
name different things ("week" against "day", "offender" against "pupil") is pint asked, with a
registry built once, on first need, in which a word pint does not know is a count unit of its own.
Words known to be dimensions of their own (currencies, "person", percentage points) are told
apart without pint. pint is imported nowhere else.

Bounds, so that a hostile unit costs little: at most 100 tokens, brackets nested at most 20
deep, exponents and the numbers in a unit at most 12 (10^12) either way, and a unit's factor
at most 10^100 either way, like the figures' own bound.
"""

from __future__ import annotations

import importlib.util
import re
from fractions import Fraction
from functools import cache, lru_cache
from pathlib import Path
from typing import Any, Final

import attrs

from factcheck.errors import UnitError, UnitMismatchError
from factcheck.numbers.display import plural as plural_of
from factcheck.numbers.exact import exact, rational

__all__ = [
    "CURRENCY_NAMES",
    "MAX_UNIT_NESTING",
    "MAX_UNIT_TOKENS",
    "ONE",
    "PERCENT",
    "POINTS",
    "SAME",
    "Conversion",
    "Unit",
    "canonical_name",
    "conversion",
    "conversion_factor",
    "describe",
    "impossible_when_negative",
    "in_terms_of",
    "is_percent_unit",
    "parse_unit",
    "spoken",
]

#: Aliases to a canonical name, and the factor to it ("percent" is 1/100 of a plain number).
_ALIASES: Final[dict[str, tuple[Fraction, str | None]]] = {
    "%": (rational(1, 100), None),
    "percent": (rational(1, 100), None),
    "per_cent": (rational(1, 100), None),
    "pct": (rational(1, 100), None),
    "percentage": (rational(1, 100), None),
    "permille": (rational(1, 1000), None),
    "1": (rational(1), None),
    "count": (rational(1), None),
    "number": (rational(1), None),
    "dimensionless": (rational(1), None),
    "percentage_point": (rational(1), "percentage_point"),
    "percentage_points": (rational(1), "percentage_point"),
    "pp": (rational(1), "percentage_point"),
    "£": (rational(1), "GBP"),
    "gbp": (rational(1), "GBP"),
    "pound_sterling": (rational(1), "GBP"),
    "pence": (rational(1, 100), "GBP"),
    "penny": (rational(1, 100), "GBP"),
    "$": (rational(1), "USD"),
    "usd": (rational(1), "USD"),
    "€": (rational(1), "EUR"),
    "eur": (rational(1), "EUR"),
    "euro": (rational(1), "EUR"),
    "people": (rational(1), "person"),
    "persons": (rational(1), "person"),
    "children": (rational(1), "child"),
    "men": (rational(1), "man"),
    "women": (rational(1), "woman"),
    # temperatures by their everyday names, as pint spells them (lower case would be a count word)
    "celsius": (rational(1), "degC"),
    "degc": (rational(1), "degC"),
    "degree_celsius": (rational(1), "degC"),
    "degrees_celsius": (rational(1), "degC"),
    "fahrenheit": (rational(1), "degF"),
    "degf": (rational(1), "degF"),
    "degree_fahrenheit": (rational(1), "degF"),
    "degrees_fahrenheit": (rational(1), "degF"),
}
#: Irregular plurals, for explanations ("6 people"): the aliases read backwards.
_HUNDREDTH: Final = rational(1, 100)
CURRENCY_NAMES: Final = frozenset({"GBP", "USD", "EUR"})
#: Words pint knows as something else ("point" is a length, "barn" an area, "unit" a plain
#: number): here, counts.
_COUNT_WORDS_PINT_MISREADS: Final = frozenset(
    {"point", "barn", "are", "pint", "bit", "gal", "case", "cup", "stone", "unit"}
)
#: Names that are dimensions of their own, told apart from every other name without pint.
_OWN_DIMENSIONS: Final = CURRENCY_NAMES | _COUNT_WORDS_PINT_MISREADS | {"person", "percentage_point"}
#: A name pint may be asked about: letters, digits and single underscores, starting with a letter.
_PINT_SAFE: Final = re.compile(r"[A-Za-z][A-Za-z0-9]*(?:_[A-Za-z0-9]+)*")
#: Names pint reads as numbers, not units.
_PINT_NUMBERS: Final = frozenset({"nan", "inf", "infinity"})

_PER = re.compile(r"\bper\b")
_THOUSANDS = re.compile(r"(?<=\d),(?=\d{3})")
#: The largest exponent a unit may carry ("m^3"), and of a number in it ("1e6 GBP").
_MAX_POWER = 12
#: A unit's factor may be at most 10^100 and at least 10^-100, the figures' own bound.
_MAX_FACTOR_EXPONENT = 100
_MAX_FACTOR: Final = 10**_MAX_FACTOR_EXPONENT
#: No unit needs more tokens or deeper brackets; the parser recurses once per bracket.
MAX_UNIT_TOKENS = 100
MAX_UNIT_NESTING = 20
_TOKEN = re.compile(
    r"\s*(?:(?P<num>\d+(?:\.\d+)?(?:e-?\d+)?)|(?P<name>[A-Za-z_£$€%][A-Za-z_0-9]*|[£$€%])|(?P<op>\*\*|[*/^()]))"
)


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


PERCENT: Final = Unit(rational(1, 100), (), "percent")
POINTS: Final = Unit(rational(1), (("percentage_point", 1),), "percentage points")
ONE: Final = Unit(rational(1), (), "1")


@attrs.frozen
class Conversion:
    """How a value in one unit reads in another: value × factor + offset.

    The offset is zero but between temperature scales (0 °C is 32 °F).
    """

    factor: Fraction
    offset: Fraction = rational(0)

    @property
    def is_identity(self) -> bool:
        return self is SAME or (self.factor == 1 and not self.offset)


#: The conversion of a unit to itself.
SAME: Final = Conversion(rational(1))


@lru_cache(maxsize=4096)
def _combine(a: Unit, b: Unit, sign: int) -> Unit:
    """A × b or a ÷ b, remembered: the result depends only on factors and dims, which key the cache."""
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
    """The factor and dimension name a unit word stands for ("people" -> person, "%" -> 1/100).

    Case is folded ("Offenders" is "offender") except in an acronym ("GBP") or a name with a
    capital inside it ("degC", "kWh"), where case is part of the name.
    """
    key = word.lower()
    if key in _ALIASES:
        return _ALIASES[key]
    if (word.isupper() and len(word) > 1) or any(c.isupper() for c in word[1:]):
        return rational(1), word
    name = key
    if name.endswith("ies") and len(name) > 4:
        name = name[:-3] + "y"
    elif name.endswith("s") and not name.endswith("ss") and len(name) > 3:
        name = name[:-1]
    return rational(1), name


@lru_cache(maxsize=4096)
def parse_unit(text: str) -> Unit:
    """Read a unit expression: names, numbers, `*`, `/`, `^` and parentheses ("GBP / dwelling").

    Raises UnitError (a ValueError), saying what is wrong, for anything else and for a unit past the
    bounds (the module's docstring): the loader reports it as the figure's `unit`.
    """
    if not isinstance(text, str) or not text.strip():
        msg = 'a unit must be a non-empty expression such as "offender" or "GBP / dwelling"'
        raise UnitError(msg)
    stripped = text.strip()
    shown = text if len(text) <= 60 else text[:57] + "..."
    # "offenders per 100,000 people": "per" divides by everything after it
    parts = _PER.split(stripped, maxsplit=1)
    if len(parts) == 2 and parts[1].strip():
        head, tail = parts[0].strip() or "1", _THOUSANDS.sub("", parts[1].strip())
        stripped = f"({head}) / ({tail})"
    tokens: list[tuple[str, str]] = []
    pos = 0
    depth = 0
    while pos < len(stripped):
        match = _TOKEN.match(stripped, pos)
        if not match or match.end() == pos:
            msg = f"cannot read the unit {shown!r} at {stripped[pos : pos + 20]!r}"
            raise UnitError(msg)
        kind = match.lastgroup or ""
        tokens.append((kind, match.group(kind)))
        if len(tokens) > MAX_UNIT_TOKENS:
            msg = f"the unit {shown!r} is too long (at most {MAX_UNIT_TOKENS} names, numbers and signs)"
            raise UnitError(msg)
        depth += {"(": 1, ")": -1}.get(match.group(kind), 0)
        if depth > MAX_UNIT_NESTING:
            msg = f"brackets are nested more than {MAX_UNIT_NESTING} deep in the unit {shown!r}"
            raise UnitError(msg)
        pos = match.end()
        while pos < len(stripped) and stripped[pos] == " ":
            pos += 1
    parser = _UnitParser(tokens, shown)
    unit = parser.expression()
    if parser.pos != len(tokens):
        msg = f"cannot read the unit {shown!r}"
        raise UnitError(msg)
    return attrs.evolve(unit, text=text.strip())


def is_percent_unit(text: str) -> bool:
    """Whether a unit expression is a percentage ("percent", "%", "pct"): a table's "12.5%" cell needs one, and
    so does reading a workbook's stored fraction as a percentage. A unit that cannot be read is not one."""
    try:
        return parse_unit(text).is_percent
    except UnitError:
        return False


@attrs.define
class _UnitParser:
    """Recursive descent; `parse_unit` has bounded the nesting, so the recursion is bounded too."""

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
                unit = self.bounded(unit * right if tok[1] == "*" else unit / right)
            else:
                unit = self.bounded(unit * self.power())
        return unit

    def power(self) -> Unit:
        base = self.atom()
        tok = self.peek()
        if tok is not None and tok[1] in ("^", "**"):
            self.pos += 1
            exp_tok = self.peek()
            if exp_tok is None or exp_tok[0] != "num" or not exp_tok[1].isdigit():
                msg = f"an exponent must be a whole number in the unit {self.text!r}"
                raise UnitError(msg)
            if int(exp_tok[1]) > _MAX_POWER:
                msg = f"an exponent may be at most {_MAX_POWER} in the unit {self.text!r}"
                raise UnitError(msg)
            self.pos += 1
            result = ONE
            for _ in range(int(exp_tok[1])):
                result = self.bounded(result * base)
            return result
        return base

    def atom(self) -> Unit:
        tok = self.peek()
        if tok is None:
            msg = f"the unit {self.text!r} ends too soon"
            raise UnitError(msg)
        self.pos += 1
        kind, value = tok
        if value == "(":
            inner = self.expression()
            if self.peek() != ("op", ")"):
                msg = f"a bracket is not closed in the unit {self.text!r}"
                raise UnitError(msg)
            self.pos += 1
            return inner
        if kind == "num":
            return Unit(self.number(value), (), value)
        if kind == "name":
            factor, name = canonical_name(value)
            return Unit(factor, ((name, 1),) if name else (), value)
        msg = f"unexpected {value!r} in the unit {self.text!r}"
        raise UnitError(msg)

    def number(self, value: str) -> Fraction:
        """A number in a unit ("100000 person"): positive, and within 10^±12."""
        mantissa, _, exponent = value.partition("e")
        whole, _, decimals = mantissa.partition(".")
        too_long = len(value) > 3 * _MAX_POWER  # before any conversion: a million digits cost time
        if too_long or len(whole.lstrip("0")) + int(exponent or 0) > _MAX_POWER + 1 or len(decimals) > _MAX_POWER:
            msg = f"the number {value[:20]!r} is out of range in the unit {self.text!r} (at most 10^{_MAX_POWER})"
            raise UnitError(msg)
        number = exact(value)
        if not rational(1, 10**_MAX_POWER) <= number <= 10**_MAX_POWER:
            msg = f"the number {value!r} in the unit {self.text!r} must be between 10^-{_MAX_POWER} and 10^{_MAX_POWER}"
            raise UnitError(msg)
        return number

    def bounded(self, unit: Unit) -> Unit:
        """The unit, if its factor and exponents are within the bounds; a UnitError otherwise."""
        factor = unit.factor
        if factor.numerator > _MAX_FACTOR * factor.denominator or factor.denominator > _MAX_FACTOR * factor.numerator:
            msg = f"the unit {self.text!r} scales by more than 10^{_MAX_FACTOR_EXPONENT}"
            raise UnitError(msg)
        if any(abs(exp) > _MAX_POWER for _, exp in unit.dims):
            msg = f"an exponent may be at most {_MAX_POWER} in the unit {self.text!r}"
            raise UnitError(msg)
        return unit


# -- conversion ------------------------------------------------------------------------------


def conversion(source: Unit, target: Unit) -> Conversion:
    """How a value in `source` reads in `target`: exact, with pint only when the names differ.

    Raises UnitMismatchError when the two measure different things.
    """
    if source.dims == target.dims:
        a, b = source.factor, target.factor
        if a.numerator == b.numerator and a.denominator == b.denominator:  # (Fraction's == asks an ABC: slower)
            return SAME  # like with like: the common case, with no arithmetic
        return Conversion(source.factor / target.factor)
    _refuse_without_pint(source, target)
    factor, offset = _pint_conversion(source.dims, target.dims)
    # a value v in `source` is v × source.factor of its dims; read in target's dims, then in target
    return Conversion(factor * source.factor / target.factor, offset / target.factor)


def conversion_factor(source: Unit, target: Unit) -> Fraction:
    """The number to multiply a value in `source` by to express it in `target` (a size, not a reading).

    Raises UnitMismatchError when the two measure different things.
    """
    return conversion(source, target).factor


def in_terms_of(unit: Unit, other: Unit) -> tuple[Fraction, Unit]:
    """`unit` with each name that measures what one of `other`'s names measures read in that name.

    For × and ÷: "10 days / 1 week" is 10 days / 7 days, so 10/7. (the factor a value in `unit`
    is multiplied by, the unit it is then in); `unit` itself when nothing was read anew. Same
    names, or names known to differ (a currency, "person"), need no pint.
    """
    own = [name for name, _ in other.dims]
    free = [name for name in own if all(name != mine for mine, _ in unit.dims)]
    if not free:
        return rational(1), unit
    factor = rational(1)
    dims: dict[str, int] = {}
    moved = False
    for name, exp in unit.dims:
        target = None if name in own else next((o for o in free if _same_dimension(name, o)), None)
        if target is None:
            dims[name] = dims.get(name, 0) + exp
            continue
        step, _ = _pint_conversion(((name, 1),), ((target, 1),))
        factor *= step**exp
        dims[target] = dims.get(target, 0) + exp
        moved = True
    if not moved:
        return rational(1), unit
    kept = tuple(sorted((n, e) for n, e in dims.items() if e))
    return factor, Unit(unit.factor, kept, describe(unit.factor, kept))


def impossible_when_negative(unit: Unit) -> str | None:
    """What a value in `unit` is, if it can never be negative ("a count"); None if it can.

    Only a count (a word pint does not know: "offender", "pupil") and an absolute temperature
    (kelvin) cannot be below zero; money, temperatures in °C, durations and anything else can.
    Asked only of negative values, so pint is loaded only then.
    """
    if len(unit.dims) != 1 or unit.dims[0][1] != 1:
        return None
    name = unit.dims[0][0]
    if name in CURRENCY_NAMES or name == "percentage_point":
        return None
    if not _pint_knows(name):
        return "a count"
    if _absolute_temperature(name):
        return "an absolute temperature"
    return None


def _refuse_without_pint(source: Unit, target: Unit) -> None:
    """UnitMismatchError when the names that differ are all dimensions of their own ("person", "GBP")."""
    exponents = dict(source.dims)
    for name, exp in target.dims:
        exponents[name] = exponents.get(name, 0) - exp
    differing = [name for name, exp in exponents.items() if exp]
    if differing and (all(name in _OWN_DIMENSIONS for name in differing) or all(map(_own_dimension, differing))):
        raise UnitMismatchError(source.text, target.text, "they measure different things")


def _same_dimension(a: str, b: str) -> bool:
    """Whether two different names measure one thing ("day" and "week"); pint only when it may be so."""
    if a in _OWN_DIMENSIONS or b in _OWN_DIMENSIONS:  # first the set: pint's files need not be read for "GBP"
        return False
    if _unknown_to_pint(a) or _unknown_to_pint(b):
        return False
    try:
        _pint_conversion(((a, 1),), ((b, 1),))
    except UnitMismatchError:
        return False
    return True


def _pint_knows(name: str) -> bool:
    """Whether pint has a unit of this name (then it is not a count word of its own)."""
    if _own_dimension(name) or not _PINT_SAFE.fullmatch(name) or name.lower() in _PINT_NUMBERS:
        return False
    return _pint_has(name)


def _own_dimension(name: str) -> bool:
    """A name that is a dimension of its own, known without importing pint: ours, or one pint cannot know."""
    return name in _OWN_DIMENSIONS or _unknown_to_pint(name)


@cache
def _unknown_to_pint(name: str) -> bool:
    """Whether pint surely has no unit of this name ("offender", "household"), settled without pint.

    pint reads a name as a prefix, a unit and a plural "s"; if no way of splitting the name so
    leaves a word of pint's own definition files, pint cannot know it. (Loading pint costs more
    than checking a whole file, and two count words meet often: "one offender in 769 people".)
    """
    vocabulary = _pint_vocabulary()
    if vocabulary is None:
        return False  # then pint is asked
    words, prefixes = vocabulary
    for prefix in prefixes:
        if not name.startswith(prefix):
            continue
        rest = name[len(prefix) :]
        for suffix in ("", "s", "es"):
            if rest.endswith(suffix) and rest[: len(rest) - len(suffix)] in words:
                return False
    return True


@cache
def _pint_vocabulary() -> tuple[frozenset[str], tuple[str, ...]] | None:
    """Every word of pint's definition files, and every prefix they define, read as text.

    A superset of the names pint knows (comments add words, never remove any), found where pint
    keeps its files without importing it; None when they cannot be read, and then pint is asked.
    """
    try:
        spec = importlib.util.find_spec("pint")
    except (ImportError, ValueError):  # pragma: no cover - pint is a dependency
        return None
    folders = list(spec.submodule_search_locations or ()) if spec is not None else []
    words: set[str] = set()
    prefixes = {""}
    for folder in folders:
        for path in sorted(Path(folder).glob("*.txt")):
            try:
                text = path.read_text(encoding="utf-8")
            except (OSError, UnicodeDecodeError):  # pragma: no cover - a damaged installation
                return None
            words.update(_DEFINED_WORD.findall(text))
            prefixes.update(_DEFINED_PREFIX.findall(text))
    if "meter" not in words:  # not the files expected: let pint answer
        return None
    return frozenset(words), tuple(sorted(prefixes, key=len))


_DEFINED_WORD: Final = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")
#: "kilo- = 1e3 = k-": a prefix is a word ending in "-" before blanks, "=" or the end of a line.
_DEFINED_PREFIX: Final = re.compile(r"([A-Za-z_]+)-(?=[ \t]*(?:=|$))", re.MULTILINE)


@cache
def _pint_has(name: str) -> bool:
    registry = _registry()
    try:
        return name in registry and name not in _COUNT_NAMES.values()
    except Exception:  # pint's lookup of an odd name may fail in its own ways; then it is ours
        return False


@cache
def _absolute_temperature(name: str) -> bool:
    """Kelvin and rankine: temperatures whose zero is absolute zero."""
    registry = _registry()
    try:
        quantity: Any = registry.Quantity(Fraction(0), name)
        return bool(quantity.dimensionality == registry.kelvin.dimensionality and quantity.to("kelvin").magnitude == 0)
    except Exception:  # not a temperature pint can convert
        return False


#: The pint name given to each count word of our own (a word pint does not know, or misreads).
_COUNT_NAMES: Final[dict[str, str]] = {}


def _pint_name(name: str) -> str:
    """The name pint is given: its own, or a generated one defined as a dimension of its own."""
    if name == "person" or _pint_knows(name):
        return name
    generated = _COUNT_NAMES.get(name)
    if generated is None:
        generated = _COUNT_NAMES[name] = f"factcheck_count_{len(_COUNT_NAMES)}"
        _registry().define(f"{generated} = [{generated}]")
    return generated


def _pint_expression(dims: tuple[tuple[str, int], ...]) -> str:
    parts = [_pint_name(name) if exp == 1 else f"{_pint_name(name)} ** {exp}" for name, exp in dims]
    return " * ".join(parts) if parts else "dimensionless"


@lru_cache(maxsize=1024)
def _pint_conversion(
    source: tuple[tuple[str, int], ...], target: tuple[tuple[str, int], ...]
) -> tuple[Fraction, Fraction]:
    """(factor, offset) from source's dims to target's, by pint; remembered, as units recur."""
    registry = _registry()
    import pint  # pint is loaded only when two different units meet

    shown_source, shown_target = describe(rational(1), source), describe(rational(1), target)
    try:
        from_expr, to_expr = _pint_expression(source), _pint_expression(target)
        zero: Any = registry.Quantity(Fraction(0), from_expr).to(to_expr).magnitude
        one: Any = registry.Quantity(Fraction(1), from_expr).to(to_expr).magnitude
    except pint.DimensionalityError as exc:
        raise UnitMismatchError(shown_source, shown_target, "they measure different things") from exc
    except Exception as exc:  # pint refused a name or an operation (an offset unit multiplied)
        raise UnitMismatchError(shown_source, shown_target, f"pint cannot convert them: {exc}") from exc
    offset = exact(Fraction(zero))
    return exact(Fraction(one)) - offset, offset


@cache
def _registry() -> Any:
    import pint

    registry: Any = pint.UnitRegistry(non_int_type=Fraction, autoconvert_offset_to_baseunit=True)
    registry.define("person = [person]")
    return registry


# -- showing ---------------------------------------------------------------------------------


def spoken(unit: Unit, *, plural: bool) -> str:
    """The unit as a reader says it after a number: "6 weeks", "1 week", "7.1 incident / person".

    A single word is made plural by the usual English rules; anything else is shown as written.
    """
    text = unit.text
    if not plural or not text.isalpha() or not text.islower() or len(text) < 3 or not set(text) & set("aeiouy"):
        return text
    return plural_of(text)
