r"""Parses TOML 1.0 fast, with every float given back as the exact Decimal that was written.

The standard library's `tomllib` is the reference: a text is accepted exactly when tomllib accepts
it, with the same data, so that one file gets one answer on every machine. `rtoml` (a compiled
parser) reads claims files about ten times faster and is used where it is installed, but it reads
TOML 1.1, which tomllib refuses: inline tables over several lines or with a trailing comma, the
escapes `\e` and `\xHH`, times without seconds. A file that may hold one of those goes to tomllib,
which decides. So does a file with a run of 16 digits or more (rtoml gives floats, and a float
written with more digits than a binary float keeps would come back changed); a multi-line string in
a file with Windows line ends (tomllib reads them as "\n", rtoml keeps "\r\n"); any text rtoml
rejects; and every file on a machine without rtoml. The checks err towards tomllib: a false alarm
costs speed, never a different answer. (Measured on 500 generated claims files of 18 KB: rtoml
alone 0.30 ms a file, tomllib 3.1 ms, this reader 0.47 ms, 0.01 ms more than before the TOML 1.1
checks; 0.07 ms more for a file of 50 inline tables.)

Each float is turned back into a Decimal through its shortest repr, which is the written decimal
whenever that has at most 15 significant digits (what a binary float always keeps).

What tomllib would spend unbounded time or memory on is refused with `TOMLLimitError`, with a line:
a dotted key or table name of more than `MAX_KEY_PARTS` parts, before tomllib sees the text (it is
quadratic in them: a 200 KB key exhausts memory); an integer of more than `MAX_INTEGER_DIGITS` digits,
by Python's own limit on converting digits, kept in force while tomllib reads even where it has been
lifted (a million digits would take seconds); arrays and inline tables nested deeper than tomllib
can recurse.
"""

from __future__ import annotations

import datetime as dt
import math
import re
import sys
from collections.abc import Callable
from decimal import Decimal
from typing import TYPE_CHECKING, Any, Final

from factcheck.errors import TOMLLimitError
from factcheck.load.lines import lines_holding

__all__ = ["MAX_INTEGER_DIGITS", "MAX_KEY_PARTS", "fast_parser", "loads"]

if TYPE_CHECKING:
    import tomllib

    TOMLDecodeError = tomllib.TOMLDecodeError
else:

    def __getattr__(name: str) -> Any:
        """`TOMLDecodeError` (what `loads` raises for a syntax error) is tomllib's, imported only when asked for:
        most files never need tomllib (rtoml reads them), and importing it costs a one-file check about 4% of its
        start-up. Not in `__all__`, which lists what the module defines at import."""
        if name == "TOMLDecodeError":
            import tomllib

            return tomllib.TOMLDecodeError
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


#: A dotted key or table name may have at most this many parts (a claims file needs five).
MAX_KEY_PARTS: Final = 100
#: An integer literal may have at most this many digits: Python's own default limit for turning
#: decimal text into an int, kept whatever the interpreter is configured to allow.
MAX_INTEGER_DIGITS: Final = 4300
#: Nesting of arrays and inline tables reported as "too deep" starts here (tomllib's own limit
#: depends on the interpreter's recursion limit; this only places the error on a line).
_DEEP: Final = 100


#: Numbers only tomllib may read: 16 or more digits in a row (underscores and a decimal point may
#: sit between them), as a float written like that may hold more than a binary float keeps; and
#: an exponent of three digits or more, which a binary float would round to 0 or inf. (One leading
#: `[0-9]` for both: the regex engine then tries the rest only at digits, 1.5x faster.)
_LONG_NUMBER: Final = re.compile(r"[0-9](?:[0-9_.]{15}|[eE][+-]?[0-9]{3})")
#: A line's strings and its comment, removed before its braces are counted.
_STRINGS_AND_COMMENT: Final = re.compile(r""""(?:[^"\\\n]|\\.)*"|'[^'\n]*'|#.*""")
_COMMA_BEFORE_BRACE: Final = re.compile(r",[ \t]*\}")
#: A part of a dotted key: bare, "basic" or 'literal'.
_KEY_PART: Final = r"""(?:[A-Za-z0-9_-]+|"(?:[^"\\\n]|\\.)*"|'[^'\n]*')"""
#: A dotted key of more than MAX_KEY_PARTS parts, from its first part (anchored there, so that
#: the search stays linear).
_LONG_KEY: Final = re.compile(rf"""(?<![A-Za-z0-9_\-"'.]){_KEY_PART}(?:[ \t]*\.[ \t]*{_KEY_PART}){{{MAX_KEY_PARTS}}}""")


def _rtoml() -> Any:
    try:
        import rtoml  # optional, and only needed once a file is read
    except ImportError:  # pragma: no cover - depends on the machine
        return None
    return rtoml


_FAST: Final = _rtoml()


def fast_parser() -> str:
    """The parser used for ordinary files: "rtoml", or "tomllib" where rtoml is not installed."""
    return "tomllib" if _FAST is None else "rtoml"


def loads(text: str, parse_float: Callable[[str], Any] = Decimal) -> dict[str, Any]:
    """Parse TOML as `tomllib.loads(text, parse_float=parse_float)` does.

    Raises TOMLDecodeError where tomllib would, and TOMLLimitError for the texts above that tomllib
    cannot read in bounded time and memory. `parse_float` gets each float as written (from rtoml:
    its shortest repr) and may raise ValueError to refuse it, as with tomllib.
    """
    if _FAST is not None and not _reference_only(text):
        try:
            data = _FAST.loads(text)
        except ValueError:  # a syntax error (tomllib gives the reference one, with its line), or too deep
            pass
        else:
            try:
                timeless = _exact_floats(data, parse_float)
            except ValueError:  # `parse_float` refused a number: tomllib says so, or finds an earlier error
                timeless = False
            if timeless and _inline_tables_on_one_line(text):
                return data  # type: ignore[no-any-return]
    return _reference(text, parse_float)


def _reference_only(text: str) -> bool:
    """Whether the text holds what only tomllib may read the same way.

    A long number; a TOML 1.1 escape; a byte-order mark (tomllib refuses it); a multi-line string
    in a file with Windows line ends (tomllib reads its line ends as "\\n", rtoml keeps "\\r\\n").
    """
    return (
        text.startswith("\ufeff")
        or _has_new_escape(text)
        or ("\r" in text and ('"""' in text or "'''" in text))
        or _has_long_number(text)
    )


def _has_long_number(text: str) -> bool:
    """Whether `_LONG_NUMBER` matches the text, the regex asked only when a cheap scan finds what it needs.

    Once digits, `_` and `.` are "0", `E` is "e" and `-` is "+", a match leaves sixteen "0" in a row,
    "e000" or "e+000". One `bytes.translate` and three `in` scans (loops in C) look for those, in a
    third of the regex's time over a claims file, and find none in nearly every file. (UTF-8 writes
    any other character in bytes from 0x80 up, which the table leaves alone.)
    """
    runs = text.encode("utf-8", "surrogatepass").translate(_NUMBER_RUNS)
    if b"0" * 16 in runs or b"e000" in runs or b"e+000" in runs:
        return _LONG_NUMBER.search(text) is not None
    return False


_NUMBER_RUNS: Final = bytes.maketrans(b"0123456789_.E-", b"000000000000e+")


def _has_new_escape(text: str) -> bool:
    """Whether a backslash comes before `e` or `x` (TOML 1.1's `\\e` and `\\xHH`; in a literal string, a false alarm).

    A loop over the backslashes, which are few (an escaped quote or two): faster than a regex or two
    `in` scans over the whole text.
    """
    index = text.find("\\")
    while index != -1:
        if text[index + 1 : index + 2] in _NEW_ESCAPES:
            return True
        index = text.find("\\", index + 1)
    return False


_NEW_ESCAPES: Final = frozenset({"e", "x"})


def _reference(text: str, parse_float: Callable[[str], Any]) -> dict[str, Any]:
    """Tomllib's reading, refusing what it cannot read in bounded time and memory."""
    _refuse_long_keys(text)
    limit = sys.get_int_max_str_digits()
    lifted = limit == 0 or limit > MAX_INTEGER_DIGITS
    if lifted:  # Python then refuses a longer integer before converting it, as it does by default
        sys.set_int_max_str_digits(MAX_INTEGER_DIGITS)
    import tomllib  # here, not at the top: see `__getattr__`

    try:
        return tomllib.loads(text, parse_float=parse_float)
    except RecursionError:
        msg = "arrays or inline tables nested too deeply"
        raise TOMLLimitError(msg, _deep_line(text)) from None
    except ValueError as exc:
        if isinstance(exc, tomllib.TOMLDecodeError) or "integer string conversion" not in str(exc):
            raise  # tomllib's own error, or `parse_float` refusing a number
        digits = MAX_INTEGER_DIGITS if lifted else limit
        msg = f"a number of more than {digits:,} digits"
        raise TOMLLimitError(msg, _long_integer_line(text, digits)) from None
    finally:
        if lifted:
            sys.set_int_max_str_digits(limit)


def _refuse_long_keys(text: str) -> None:
    """Raise TOMLLimitError for a key or table name of too many parts (tomllib is quadratic in them)."""
    if text.count(".") > MAX_KEY_PARTS:  # one fast count spares the search in every ordinary file
        match = _LONG_KEY.search(text)
        if match is not None:
            msg = f"a key or table name of more than {MAX_KEY_PARTS} dotted parts (nested too deeply)"
            raise TOMLLimitError(msg, _line_at(text, match.start()))


def _long_integer_line(text: str, digits: int) -> int | None:
    """The line of the first integer value (after `=`, `[`, `,` or `{`) of more than `digits` digits.

    Only for the message: digits in a string are no integer, so the search looks for a value.
    """
    match = re.search(rf"[=\[,{{][ \t]*[+-]?[0-9](?:_?[0-9]){{{digits}}}", text)
    return None if match is None else _line_at(text, match.start())


def _line_at(text: str, index: int) -> int:
    """The line (1-based, as TOML and tomllib count them) of a position in the text."""
    return text.count("\n", 0, index) + 1


def _deep_line(text: str) -> int | None:
    """The first line where brackets and braces run `_DEEP` deep (strings are not told apart: it only places an error)."""
    depth = 0
    for number, line in enumerate(text.split("\n"), start=1):
        opened = line.count("[") + line.count("{")
        if depth + opened >= _DEEP:  # it may run that deep on this line: follow it bracket by bracket
            for char in line:
                depth += (char in "[{") - (char in "]}")
                if depth >= _DEEP:
                    return number
        else:
            depth += opened - line.count("]") - line.count("}")
    return None


_DATETIME: Final = dt.datetime  # module constants: the walk below meets every value of every file
_TIME: Final = dt.time


def _exact_floats(table: dict[str, Any] | list[Any], parse_float: Callable[[str], Any]) -> bool:
    """Replace, in place, every float in the parsed tables and arrays by its written value.

    False when a time or a date-time was found: TOML 1.1 lets them leave out the seconds, so the
    text goes to tomllib (claims files hold dates, which have no seconds to leave out).
    """
    items = table.items() if isinstance(table, dict) else enumerate(table)
    for key, value in items:
        kind = type(value)
        if kind is str:  # most values: told first
            continue
        if kind is float:
            table[key] = parse_float(_written(value))  # type: ignore[index]
        elif kind is dict or kind is list:
            if not _exact_floats(value, parse_float):
                return False
        elif kind is _DATETIME or kind is _TIME:
            return False
    return True


def _written(value: float) -> str:
    """A float as TOML would write it: its shortest repr, with TOML's names for the specials."""
    if math.isnan(value):
        return "-nan" if math.copysign(1.0, value) < 0 else "nan"  # tomllib hands parse_float the sign too
    if value in (float("inf"), float("-inf")):
        return "inf" if value > 0 else "-inf"
    return repr(value)


def _inline_tables_on_one_line(text: str) -> bool:
    """Whether every inline table of a text rtoml accepted is on one line, with no trailing comma.

    Only the lines holding a `{` are looked at. Given that the text is valid TOML 1.1, an inline
    table that spans lines leaves its opening line with more `{` than `}` outside strings and
    comments, and one that ends in a comma has one before a `}`. A line that opens or closes a
    multi-line string is not looked into: it counts as a table that may span lines.
    """
    return all(
        _line_of_whole_inline_tables(text[line_start:line_end]) for _, line_start, line_end in lines_holding(text, "{")
    )


def _line_of_whole_inline_tables(line: str) -> bool:
    body = line.rstrip()
    if '"""' in body or "'''" in body:
        return False
    if body.endswith("}") and body.count("{") == 1 and body.count("}") == 1 and "#" not in body:
        # the usual `name = { value = 1, unit = "x" }`: the one `}` ends the line, so it is outside
        # any string (a one-line string cannot run on), and so is a comma just before it
        return not body[:-1].rstrip().endswith(",")
    bare = _STRINGS_AND_COMMENT.sub("", body)
    if '"' in bare or "'" in bare:
        return False
    return bare.count("{") == bare.count("}") and _COMMA_BEFORE_BRACE.search(bare) is None
