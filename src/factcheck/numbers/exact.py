"""The one place that chooses what an exact rational number is: gmpy2's `mpq`, or `fractions.Fraction`.

Why: a cold check spends about a sixth of its time in `fractions`, whose every product and comparison is
Python code; gmpy2's `mpq` is the same exact arithmetic in C, 10 to 20 times as fast, and gives the same
numbers, so every verdict and report stays the same. `Fraction` is used where gmpy2 is not installed, or
when the environment variable `FACTCHECK_EXACT` is `fraction` (the tests and the bench compare the two).
The choice is made once, when this module is first imported: by the engine, never by a run answered from
the cache or by `factcheck --version`.

The engine's code is annotated with `Fraction`, the interface it relies on, and `mpq` provides that part
of it: the four operations, comparisons, `abs`, `numerator` and `denominator`, and the hash of the equal
`Fraction`. Where the two differ, the functions here are used, never the builtins:

- `as_float`: `float()` of gmpy2 2.2's `mpq` truncates, where `Fraction` rounds to nearest;
- `parts`: plain ints for display code (`format(mpz, ",")` and `Decimal(mpz)` fail);
- `to_fraction`: what the public API gives back is a `Fraction`, never an `mpq`.
"""

from __future__ import annotations

import os
from decimal import Decimal
from fractions import Fraction
from typing import Any, Final, TypeGuard, TypeVar

__all__ = [
    "BACKEND",
    "ENVIRONMENT",
    "as_float",
    "compare",
    "exact",
    "is_exact",
    "parts",
    "rational",
    "to_fraction",
    "to_public",
]

_T = TypeVar("_T")

#: The environment variable that forces `Fraction` (`FACTCHECK_EXACT=fraction`), even where gmpy2 is installed.
ENVIRONMENT: Final = "FACTCHECK_EXACT"


def _compare_fractions(a: Fraction, b: Fraction) -> int:
    """-1, 0 or 1 as a <, = or > b, in whole numbers, without Fraction's type dispatch (hot).

    Denominators are positive, so a < b exactly when a.numerator × b.denominator is the smaller.
    """
    left, right = a.numerator * b.denominator, b.numerator * a.denominator
    return (left > right) - (left < right)


def _compare_native(a: Fraction, b: Fraction) -> int:
    """-1, 0 or 1 as a <, = or > b: mpq's own comparisons are C, cheaper than products of numerators."""
    return (a > b) - (a < b)


def _gmpy_rational() -> type[Fraction] | None:
    """gmpy2's `mpq`, unless switched off or not installed.

    Typed as Fraction: the engine is typed against Fraction's interface, which mpq provides (the
    module's docstring says where the two differ, and which function here to use there).
    """
    if os.environ.get(ENVIRONMENT, "").strip().lower() == "fraction":
        return None
    try:
        from gmpy2 import mpq
    except ImportError:
        return None
    made: type[Fraction] = mpq
    return made


_MPQ: Final = _gmpy_rational()
#: Which type was chosen: "gmpy2" or "fraction".
BACKEND: Final = "fraction" if _MPQ is None else "gmpy2"
#: -1, 0 or 1 as a <, = or > b, the cheapest way for the chosen type.
compare: Final = _compare_fractions if _MPQ is None else _compare_native
#: Makes an exact number of the chosen type from whole numbers: rational(3), rational(1, 3).
rational: Final = Fraction if _MPQ is None else _MPQ

#: The type of the chosen numbers, to tell them from what must be converted.
_TYPE: Final[type] = type(rational(0))


def is_exact(value: object) -> TypeGuard[Fraction]:
    """Whether `value` is already a number of the chosen type."""
    return type(value) is _TYPE


def exact(value: Fraction | Decimal | int | str) -> Fraction:
    """`value` as a number of the chosen type (a string as `Fraction` reads it: "1.25", "3/4", "-2")."""
    if is_exact(value):
        return value
    if isinstance(value, Decimal):  # through its ratio: gmpy2 reads a Decimal slowly, and it is exact
        numerator, denominator = value.as_integer_ratio()
        return rational(numerator, denominator)
    if isinstance(value, str) and _TYPE is not Fraction:
        return rational(Fraction(value))  # the syntax Fraction accepts ("1e3", "1_000"), read by Fraction
    return rational(value)


def parts(value: Fraction) -> tuple[int, int]:
    """The numerator and denominator as plain ints, for display code (`format`, `Decimal`, `divmod`)."""
    return int(value.numerator), int(value.denominator)


def as_float(value: Fraction) -> float:
    """The float nearest to `value`, as `float(Fraction)` gives it (gmpy2 2.2's `float(mpq)` truncates)."""
    numerator, denominator = parts(value)
    return numerator / denominator


def to_fraction(value: Fraction) -> Fraction:
    """`value` as a `Fraction`: what the public API gives back."""
    if type(value) is Fraction:
        return value
    numerator, denominator = parts(value)
    return Fraction(numerator, denominator)


def to_public(value: _T) -> _T:
    """`value` with every number of the engine's type in it a `Fraction`: a result as the public API gives it.

    Walks records (attrs classes), tuples, lists and dicts; what holds no such number is given back as it is.
    With `Fraction` chosen there is nothing to convert.
    """
    if _TYPE is Fraction:
        return value
    converted: _T = _public(value)
    return converted


def _public(value: Any) -> Any:
    if is_exact(value):
        return to_fraction(value)
    kind = type(value)
    if kind is tuple or kind is list:
        items = [_public(item) for item in value]
        return value if all(new is old for new, old in zip(items, value, strict=True)) else kind(items)
    if kind is dict:
        pairs = {key: _public(item) for key, item in value.items()}
        return value if all(pairs[key] is item for key, item in value.items()) else pairs
    if hasattr(kind, "__attrs_attrs__"):
        import attrs  # the records' own library: the engine has imported it already

        changes = {}
        for field in attrs.fields(kind):
            old = getattr(value, field.name)
            new = _public(old)
            if new is not old:
                changes[field.alias] = new
        return attrs.evolve(value, **changes) if changes else value
    return value
