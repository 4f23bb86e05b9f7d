"""Parses TOML text fast, with every float given back as the exact Decimal that was written.

The standard library's `tomllib` is the reference; `rtoml` (a compiled parser) reads claims files
about ten times faster and is used when it is installed. rtoml gives floats, so each float is
turned back into a Decimal through its shortest repr, which is the written decimal whenever that
has at most 15 significant digits (what a binary float always keeps). A text with a longer run of
digits, any text rtoml rejects, and every machine without rtoml go to `tomllib` with
`parse_float=Decimal`: the result is the same, and a syntax error is always tomllib's, with its
line number.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Callable
from decimal import Decimal
from typing import Any, Final

__all__ = ["TOMLDecodeError", "loads", "fast_parser"]

TOMLDecodeError = tomllib.TOMLDecodeError

#: 16 or more digits in a row (underscores and a decimal point may sit between them): a float
#: written like that may hold more than a binary float keeps, so it is read by tomllib.
#: So is a float with an exponent of three digits or more, which a binary float would round to 0 or inf.
_LONG_NUMBER: Final = re.compile(r"[0-9][0-9_.]{15}|[0-9][eE][+-]?[0-9]{3}")


def _rtoml() -> Any:
    try:
        import rtoml  # noqa: PLC0415 - optional, and only needed once a file is read
    except ImportError:  # pragma: no cover - depends on the machine
        return None
    return rtoml


_FAST: Final = _rtoml()


def fast_parser() -> str:
    """The parser used for ordinary files: "rtoml", or "tomllib" where rtoml is not installed."""
    return "tomllib" if _FAST is None else "rtoml"


def loads(text: str, parse_float: Callable[[str], Any] = Decimal) -> dict[str, Any]:
    """Parse TOML as `tomllib.loads(text, parse_float=parse_float)` does; raises TOMLDecodeError.

    `parse_float` gets each float as written (from rtoml: its shortest repr) and may raise
    ValueError to refuse it, as with tomllib.
    """
    if _FAST is not None and not _LONG_NUMBER.search(text):
        try:
            data = _FAST.loads(text)
        except ValueError:
            pass  # tomllib gives the reference error, with its line and column
        else:
            _exact_floats(data, parse_float)
            return data  # type: ignore[no-any-return]
    return tomllib.loads(text, parse_float=parse_float)


def _exact_floats(table: dict[str, Any] | list[Any], parse_float: Callable[[str], Any]) -> None:
    """Replace, in place, every float in the parsed tables and arrays by its written value."""
    items = table.items() if isinstance(table, dict) else enumerate(table)
    for key, value in items:
        kind = type(value)
        if kind is float:
            table[key] = parse_float(_written(value))  # type: ignore[index]
        elif kind is dict or kind is list:
            _exact_floats(value, parse_float)


def _written(value: float) -> str:
    """A float as TOML would write it: its shortest repr, with TOML's names for the specials."""
    if value != value:  # noqa: PLR0124 - NaN
        return "nan"
    if value in (float("inf"), float("-inf")):
        return "inf" if value > 0 else "-inf"
    return repr(value)
