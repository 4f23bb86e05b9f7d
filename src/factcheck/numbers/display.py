"""Showing exact numbers the way a sub-editor reads them: "1,151,639", "122.0", "3.55%"."""

from __future__ import annotations

import re
from decimal import ROUND_CEILING, ROUND_FLOOR, ROUND_HALF_EVEN, Decimal, localcontext
from fractions import Fraction
from math import gcd
from typing import Final

from factcheck.numbers.exact import exact, parts, rational
from factcheck.numbers.interval import Interval

__all__ = [
    "decimals_of",
    "ordinal",
    "plural",
    "show",
    "show_against",
    "show_amount",
    "show_exact",
    "show_interval",
    "show_significant",
]

#: From here on a number is shown in scientific notation.
_HUGE = 10**60
#: A whole number of at most this many binary digits is below _HUGE (2^199 < 10^60 < 2^200).
_SHORT_BITS: Final = _HUGE.bit_length() - 1
#: The most places `show_against` shows: values are bounded, so this is enough to tell them apart, and
#: it stays below Python's limit of 4,300 digits on turning an integer into text.
_MAX_PLACES = 4000


def decimals_of(step: Fraction | None) -> int:
    """How many decimal places a step has: 0.1 -> 1, 100 -> 0."""
    if step is None:
        return 0
    numerator, denominator = parts(step)
    if numerator <= 0 or numerator >= denominator:  # not in (0, 1)
        return 0
    # step × 10 in lowest terms has the denominator d / gcd(d, 10): whole numbers, no Fraction products
    places = 0
    while denominator != 1 and places < 12:
        denominator //= gcd(denominator, 10)
        places += 1
    return places


def ordinal(number: int) -> str:
    """A place as a sub-editor writes it: 1st, 2nd, 3rd, 4th, 11th, 12th, 13th, 21st, 102nd."""
    suffix = "th" if 10 <= number % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(number % 10, "th")
    return f"{number}{suffix}"


def show(value: Fraction, places: int | None = None, *, rounding: str = ROUND_HALF_EVEN) -> str:
    """A number with thousands separators; whole numbers as they are, others to `places` places.

    With no `places`, up to 4 decimals, trailing zeros dropped.
    """
    shown = _shown_units(value, places, rounding)
    if shown is None:  # no reader wants 61 digits, and Python refuses str() of a huge integer
        numerator, denominator = parts(value)  # plain ints: gmpy2's cannot be made Decimals
        digits = 6 if places is None or places <= 4 else places + 2  # more places asked: more digits shown
        with localcontext() as ctx:
            ctx.prec = digits + 24
            ctx.rounding = rounding  # outwards for an interval's bounds, as `_end_texts` asks
            return f"{Decimal(numerator) / Decimal(denominator):.{digits}E}"
    return _units_text(shown, trim=places is None)


def _units_text(shown: tuple[int, int], *, trim: bool) -> str:
    """The text of a number `_shown_units` gave (units of the last place, places); `trim`: trailing zeros dropped."""
    units, digits = shown
    if not digits:
        return _grouped(units)
    sign = ""
    if units < 0:
        sign, units = "-", -units
    whole, fraction = divmod(units, 10**digits)
    # `zfill`, not the format "0{digits}d": a format spec made for every number costs twice as much
    text = f"{sign}{_grouped(whole)}.{str(fraction).zfill(digits)}"
    return text.rstrip("0").rstrip(".") if trim else text


def _grouped(number: int) -> str:
    """A whole number with thousands separators; below a thousand its plain text, half the cost of the format."""
    return str(number) if -1000 < number < 1000 else f"{number:,}"


def show_exact(value: Fraction) -> str:
    """A figure's value with every digit it has (a figure is an exact decimal: 0.00123 is not 0.0012)."""
    numerator, rest = parts(value)
    if rest == 1:  # a whole number, most figures: written at once, unless huge (then `show` says how)
        return _grouped(numerator) if numerator.bit_length() <= _SHORT_BITS else show(value)
    twos = fives = 0
    while rest % 2 == 0:
        rest //= 2
        twos += 1
    while rest % 5 == 0:
        rest //= 5
        fives += 1
    places = max(twos, fives)  # a decimal's denominator is 2^a × 5^b: it has max(a, b) places
    return show(value, places) if rest == 1 and places > 4 else show(value)


def _round(numerator: int, denominator: int, rounding: str) -> int:
    """Numerator / denominator (denominator > 0) rounded to a whole number, in integers only:
    half to even (as `round` of a Fraction), or floor, or ceiling (outward for intervals)."""
    if rounding == ROUND_FLOOR:
        return numerator // denominator
    if rounding == ROUND_CEILING:
        return -(-numerator // denominator)
    floor, remainder = divmod(numerator, denominator)
    twice = remainder * 2
    if twice < denominator or (twice == denominator and floor % 2 == 0):
        return floor
    return floor + 1


def show_interval(interval: Interval, places: int | None = None) -> str:
    if interval.is_point and interval.lo is not None:
        return show(interval.lo, places)
    lo, hi, _ = _end_texts(interval, places)
    return _bracketed(interval, lo, hi)


def _bracketed(interval: Interval, lo: str, hi: str) -> str:
    left = "(" if interval.lo_open or interval.lo is None else "["
    right = ")" if interval.hi_open or interval.hi is None else "]"
    return f"{left}{lo}, {hi}{right}"


def _end_texts(interval: Interval, places: int | None) -> tuple[str, str, int | None]:
    """The ends of an interval as shown, and the places they were shown to."""
    while True:  # show enough places to tell the bounds apart
        # bounds are rounded outwards, so the interval shown always holds the true one
        lo = "−∞" if interval.lo is None else show(interval.lo, places, rounding=ROUND_FLOOR)
        hi = "∞" if interval.hi is None else show(interval.hi, places, rounding=ROUND_CEILING)
        if lo != hi or places is None or places >= 8:
            return lo, hi, places
        places += 1


def show_significant(value: Fraction, figures: int = 4) -> str:
    """A value to 4 decimals, or more where it needs them for `figures` significant digits ("0.00122").

    For a value converted to another unit, which may be small ("122 per 100,000" is 0.00122 per person).
    """
    if value.denominator == 1 or abs(value) >= 1 or not value:
        return show(value)
    places = 4
    while abs(value) * 10**places < 10 ** (figures - 1) and places < 100:
        places += 1
    text = show(value, places)
    return text.rstrip("0").rstrip(".") if "." in text and "E" not in text else text


def show_against(
    value: Interval, bounds: Interval, places: int | None, *, size: bool = False, with_bounds: bool = True
) -> tuple[str, str]:
    """(value, bounds) as an explanation shows them, never seeming inside when outside or the reverse.

    The value is shown to `places` and the bounds as `show_interval` shows them; only when that
    would put the shown value inside the shown bounds while the value is outside them (or the
    reverse), both get more places, until the reader sees why. An end the value shares with the
    bounds is shown alike on both sides, so that whether the bound is open decides, as it does.
    `size`: the verdict compared the value's size (a change worded with no direction), so the
    shown size is compared too. `with_bounds=False`: the bounds' text is not wanted ("" if it
    was not needed to decide).
    """
    truly = _size(value, size).overlaps(bounds)
    shown = _faithful_as_shown(value, bounds, places, size, truly)
    if shown is not None:  # the common case, settled in whole numbers, and its text written from them
        return _units_text(shown, trim=places is None), show_interval(bounds) if with_bounds else ""
    extra = 0
    while True:
        value_places = places if not extra else min((4 if places is None else places) + extra, _MAX_PLACES)
        bound_places = None if not extra else min(4 + extra, _MAX_PLACES)
        bounds_text = show_interval(bounds, bound_places)
        value_text = _shown_beside(value, value_places, bounds, bound_places)
        if extra:  # the places added are for the digits that differ: zeros after them say nothing
            value_text, bounds_text = _without_trailing_zeros(value_text), _without_trailing_zeros(bounds_text)
        seen = _size(_read_shown(value_text), size).overlaps(_read_shown(bounds_text))
        if seen == truly or value_places == bound_places == _MAX_PLACES:
            return value_text, bounds_text
        extra = extra + 1 if extra < 8 else extra * 2  # a few more places, then many: values may differ far out


def _faithful_as_shown(
    value: Interval, bounds: Interval, places: int | None, size: bool, truly: bool
) -> tuple[int, int] | None:
    """The single value as `show_interval(value, places)` writes it (`_shown_units`), when it seems beside
    `bounds` as shown as it truly is; None sends the caller the long way.

    Worked out in whole numbers on the rounded numbers `show` writes, for the common case (a
    single value, no end shared with the bounds, nothing huge).
    """
    v = value.lo
    if v is None or not (v is value.hi or _equal(v, value.hi)) or _equal(v, bounds.lo) or _equal(v, bounds.hi):
        return None
    written = _shown_units(v, places, ROUND_HALF_EVEN)
    point = bounds.is_point
    lo = None if bounds.lo is None else _shown_units(bounds.lo, None, ROUND_HALF_EVEN if point else ROUND_FLOOR)
    hi = None if bounds.hi is None else _shown_units(bounds.hi, None, ROUND_HALF_EVEN if point else ROUND_CEILING)
    if written is None or (bounds.lo is not None and lo is None) or (bounds.hi is not None and hi is None):
        return None
    shown = (-written[0], written[1]) if size and written[0] < 0 else written
    above_lo = lo is None or _order(shown, lo) > 0 or (_order(shown, lo) == 0 and not bounds.lo_open)
    below_hi = hi is None or _order(shown, hi) < 0 or (_order(shown, hi) == 0 and not bounds.hi_open)
    return written if (above_lo and below_hi) == truly else None


def _equal(a: Fraction, b: Fraction | None) -> bool:
    """A == b, in whole numbers (Fractions are kept in lowest terms; Fraction's == asks an ABC first)."""
    return b is not None and a.numerator == b.numerator and a.denominator == b.denominator


def _shown_units(value: Fraction, places: int | None, rounding: str) -> tuple[int, int] | None:
    """The number `show(value, places, rounding=...)` writes, as (units, places); None for a huge one.

    `show` writes its text from these; the quick tests of `show_against` compare them in whole numbers.
    """
    numerator, denominator = parts(value)  # plain ints: gmpy2's cannot be formatted with ","
    # a short numerator is never huge: its bit length spares the product in nearly every call
    if numerator.bit_length() > _SHORT_BITS and abs(numerator) >= _HUGE * denominator:
        return None
    if places is None and denominator == 1:
        return numerator, 0
    digits = 4 if places is None else places
    return _round(numerator * 10**digits, denominator, rounding), digits


def _order(a: tuple[int, int], b: tuple[int, int]) -> int:
    """-1, 0 or 1 as the number a (units, places) is below, at or above b, in whole numbers."""
    to_b: int = 10 ** b[1]
    to_a: int = 10 ** a[1]
    left, right = a[0] * to_b, b[0] * to_a
    return (left > right) - (left < right)


def _shown_beside(value: Interval, places: int | None, bounds: Interval, bound_places: int | None) -> str:
    """`value` as `show_interval` shows it, but an end equal to an end of `bounds` shown as that end is."""
    ends = [bounds.lo, bounds.hi]
    if value.lo not in ends and value.hi not in ends:
        return show_interval(value, places)  # the common case, as it always was
    if bounds.is_point and bounds.lo is not None:
        shared = {bounds.lo: show(bounds.lo, bound_places)}
    else:
        lo_text, hi_text, _ = _end_texts(bounds, bound_places)
        shared = {end: text for end, text in ((bounds.lo, lo_text), (bounds.hi, hi_text)) if end is not None}
    if value.is_point and value.lo is not None:
        return shared.get(value.lo) or show(value.lo, places)
    lo, hi, _ = _end_texts(value, places)
    return _bracketed(
        value,
        shared.get(value.lo, lo) if value.lo is not None else lo,
        shared.get(value.hi, hi) if value.hi is not None else hi,
    )


def _without_trailing_zeros(text: str) -> str:
    """ "[0.450000, 0.550000]" as "[0.45, 0.55]": the same numbers (numbers in E notation kept as they are)."""
    return _TRAILING_ZEROS.sub(lambda match: f".{match.group(1)}" if match.group(1) else "", text)


_TRAILING_ZEROS = re.compile(r"\.(\d*?)0+(?=$|[,)\]])")


def _size(interval: Interval, size: bool) -> Interval:
    """The interval, or with `size` the sizes of its values."""
    lo, hi = interval.lo, interval.hi
    if not size or lo is None or hi is None or lo >= 0:
        return interval
    if hi <= 0:
        return interval.negate()
    return Interval(rational(0), max(-lo, hi))


def _read_shown(text: str) -> Interval:
    """The interval a reader takes from a shown number or interval ("[1,640, 1,650)", "0.45")."""
    if text[:1] not in "[(":
        return Interval.point(_read_number(text))
    lo_text, hi_text = text[1:-1].split(", ")
    lo = None if "∞" in lo_text else _read_number(lo_text)
    hi = None if "∞" in hi_text else _read_number(hi_text)
    return Interval(lo, hi, text[0] == "(", text[-1] == ")")


def _read_number(text: str) -> Fraction:
    return exact(Decimal(text.replace(",", "")))


# -- a number with its unit, as a reader says it ------------------------------------------------------

_IRREGULAR: Final = {
    "person": "people",
    "child": "children",
    "man": "men",
    "woman": "women",
    "pence": "pence",
    "penny": "pence",
}
#: A currency's code or sign (as a claims file writes the unit), and the sign a reader sees.
_CURRENCY_SIGNS: Final = {"gbp": "£", "£": "£", "usd": "$", "$": "$", "eur": "€", "€": "€"}
#: Millions and billions of money as a newspaper writes them, when the amount is that round.
_MONEY_SCALES: Final = ((exact(10**9), "bn"), (exact(10**6), "m"))
#: The most decimals a scaled amount may need to be shown ("£1.214m", not "£1.2146m": that is "£1,214,600").
_SCALED_PLACES: Final = 3
_PERCENT_UNITS: Final = frozenset({"percent", "%", "per cent", "pct"})
_POINT_UNITS: Final = frozenset({"percentage_point", "percentage_points", "percentage point", "percentage points"})
_NO_UNIT: Final = frozenset({"", "1", "dimensionless"})
_PER_WORD: Final = re.compile(r"\s+per\s+|\s*/\s*")
_LEADING_NUMBER: Final = re.compile(r"(\d+(?:\.\d+)?)\s*\*?\s*(.*)")


def plural(word: str) -> str:
    """A unit word made plural by the usual English rules ("burglary" -> "burglaries", "person" -> "people");
    anything that is not a plain lower-case word (a symbol, a code, "m^3") is left as written, and so is a word
    already plural ("incidents")."""
    if word in _IRREGULAR:
        return _IRREGULAR[word]
    if not word.isalpha() or not word.islower() or len(word) < 3 or not set(word) & set("aeiouy"):
        return word
    if word.endswith("s") and not word.endswith(("ss", "us", "is")):
        return word
    if word.endswith(("s", "x", "ch", "sh")):
        return word + "es"
    if word.endswith("y") and word[-2] not in "aeiou":
        return word[:-1] + "ies"
    return word + "s"


def show_amount(value: Fraction, unit: str, places: int | None = None) -> str:
    """`value` in `unit` (as a claims file writes it) the way a reader says it: "1,104 burglaries",
    "£3.4bn", "£2,243.61", "12.5%", "2.5 percentage points", "7.1 incidents per 1,000 people".

    The one rule for a number shown with its unit; the number is `show(value, places)`, or a round amount of
    money in millions or billions.
    """
    written = unit.strip()
    key = written.lower()
    if key in _NO_UNIT:
        return show(value, places)
    if key in _PERCENT_UNITS:
        return f"{show(value, places)}%"
    if key in _POINT_UNITS:
        return f"{show(value, places)} percentage point{'' if abs(value) == 1 else 's'}"
    sign = _CURRENCY_SIGNS.get(key)
    if sign is not None:
        return _money(value, sign, places)
    parts = _PER_WORD.split(written, maxsplit=1)
    if len(parts) == 2 and parts[0].strip() and parts[1].strip():
        return f"{show_amount(value, parts[0], places)} per {_per(parts[1])}"
    scaled = _LEADING_NUMBER.fullmatch(written)
    if scaled is not None and scaled.group(2):  # "1000 person": the figure counts thousands of people
        return f"{show(value, places)} × {_per(written)}"
    word = written if abs(value) == 1 else plural(written)
    return f"{show(value, places)} {word}"


def _money(value: Fraction, sign: str, places: int | None) -> str:
    minus = "-" if value < 0 else ""
    size = abs(value)
    if places is None:
        for scale, suffix in _MONEY_SCALES:
            scaled = size / scale
            if scaled >= 1 and (scaled * 10**_SCALED_PLACES).denominator == 1:
                return f"{minus}{sign}{show(scaled)}{suffix}"
    if places is None and size.denominator != 1:
        places = 2  # pence: "£2,243.60", not "£2,243.6"
    return f"{minus}{sign}{show(size, places)}"


def _per(what: str) -> str:
    """What a rate is per, as said: "1000 person" -> "1,000 people", "dwelling" -> "dwelling"."""
    text = what.strip().strip("()").strip()
    found = _LEADING_NUMBER.fullmatch(text)
    if found is None or not found.group(2):
        return text
    count = exact(found.group(1))
    return f"{show(count)} {found.group(2) if count == 1 else plural(found.group(2))}"
