from __future__ import annotations

import subprocess
import sys
from fractions import Fraction

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from factcheck.errors import UnitError, UnitMismatchError
from factcheck.numbers.units import (
    PERCENT,
    Conversion,
    _registry,
    _unknown_to_pint,
    conversion,
    conversion_factor,
    impossible_when_negative,
    in_terms_of,
    is_percent_unit,
    parse_unit,
    spoken,
)


def test_plurals_and_aliases_are_one_unit() -> None:
    assert parse_unit("offenders") == parse_unit("offender")
    assert parse_unit("people") == parse_unit("person")
    assert parse_unit("%") == PERCENT == parse_unit("percent")
    assert parse_unit("£") == parse_unit("GBP")


def test_expressions() -> None:
    unit = parse_unit("GBP / dwelling")
    assert unit.dims == (("GBP", 1), ("dwelling", -1))
    assert (unit * parse_unit("dwelling")).dims == (("GBP", 1),)
    per_100k = parse_unit("offender / (100000 person)")
    assert per_100k.factor == Fraction(1, 100000)
    assert parse_unit("km^2").dims == (("km", 2),)


def test_same_units_need_no_pint() -> None:
    assert conversion_factor(parse_unit("offender"), parse_unit("offenders")) == 1
    assert conversion_factor(PERCENT, parse_unit("1")) == Fraction(1, 100)


def test_different_units_ask_pint() -> None:
    assert conversion_factor(parse_unit("week"), parse_unit("day")) == 7
    assert "pint" in sys.modules


@pytest.mark.parametrize(
    ("a", "b"), [("offender", "person"), ("incident", "notice"), ("GBP", "person"), ("day", "GBP"), ("point", "metre")]
)
def test_unknown_words_are_count_units_of_their_own(a: str, b: str) -> None:
    with pytest.raises(UnitMismatchError, match="not compatible"):
        conversion_factor(parse_unit(a), parse_unit(b))


@pytest.mark.parametrize("text", ["", "GBP /", "(person", "person ^ x", "a + b", "offender & person"])
def test_unreadable_units(text: str) -> None:
    with pytest.raises(UnitError):
        parse_unit(text)


def test_currency_detection() -> None:
    assert parse_unit("GBP / dwelling").currency() == "GBP"
    assert parse_unit("pence").currency() == "GBP"
    assert parse_unit("pence").factor == Fraction(1, 100)
    assert parse_unit("dwelling / GBP").currency() is None


def test_per_divides_by_everything_after_it() -> None:
    unit = parse_unit("offenders per 100,000 people")
    assert unit.factor == Fraction(1, 100000)
    assert unit.dims == (("offender", 1), ("person", -1))
    assert parse_unit("per 1,000 person").dims == (("person", -1),)


# -- bounds: a hostile unit is a clean ValueError (the loader reports it as the figure's `unit`) -------


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("(" * 5000 + "pupil" + ")" * 5000, "nested more than"),
        ("(" * 21 + "pupil" + ")" * 21, "nested more than"),
        (" * ".join(f"w{i}" for i in range(200)), "too long"),
        ("((((((1e12^12)^12)^12)^12)^12)^12) pupil", "scales by more than"),
        ("(pupil^12)^12", "exponent may be at most"),
        ("pupil / 0", "between"),
        ("1" * 1_000_000 + " pupil", "out of range"),
        ("0." + "0" * 1_000_000 + "1 pupil", "out of range"),
        ("1e999999999 pupil", "out of range"),
        ("1e13 pupil", "out of range"),
    ],
)
def test_hostile_units_are_refused_cleanly(text: str, message: str) -> None:
    with pytest.raises(ValueError, match=message):
        parse_unit(text)


def test_units_within_the_bounds_still_read() -> None:
    assert parse_unit("(" * 20 + "pupil" + ")" * 20).dims == (("pupil", 1),)
    assert parse_unit("offender / (1e12 person)").factor == Fraction(1, 10**12)
    assert parse_unit("m^12").dims == (("m", 12),)


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="()*/^ .e0123456789abcGBP%£per,", max_size=60))
def test_any_unit_text_reads_or_is_a_value_error(text: str) -> None:
    try:
        unit = parse_unit(text)
    except ValueError:
        return
    assert abs(unit.factor.numerator) <= 10**100 * unit.factor.denominator


# -- conversion ---------------------------------------------------------------------------------


def test_temperatures_convert_with_their_offset() -> None:
    assert conversion(parse_unit("degC"), parse_unit("degF")) == Conversion(Fraction(9, 5), Fraction(32))
    assert conversion(parse_unit("celsius"), parse_unit("kelvin")) == Conversion(Fraction(1), Fraction(27315, 100))
    # a size (a difference of temperatures) scales without the offset
    assert conversion_factor(parse_unit("degC"), parse_unit("degF")) == Fraction(9, 5)
    assert conversion(parse_unit("week"), parse_unit("day")) == Conversion(Fraction(7))


def test_mixed_case_names_keep_their_case() -> None:
    assert parse_unit("degC").dims == (("degC", 1),)
    assert parse_unit("kWh").dims == (("kWh", 1),)
    assert parse_unit("Offenders") == parse_unit("offender")


@pytest.mark.parametrize("name", ["__class__", "_", "nan", "inf", "Infinity", "fc_GBP", "x_1", "factcheck_count_0"])
def test_odd_names_are_count_words_not_pint_errors(name: str) -> None:
    with pytest.raises(UnitMismatchError):
        conversion_factor(parse_unit(name), parse_unit("day"))
    assert impossible_when_negative(parse_unit(name)) == "a count"


def test_in_terms_of_reads_a_name_in_the_other_units_name() -> None:
    assert in_terms_of(parse_unit("week"), parse_unit("day")) == (Fraction(7), parse_unit("day"))
    factor, unit = in_terms_of(parse_unit("GBP / week"), parse_unit("day"))
    assert (factor, unit.dims) == (Fraction(1, 7), (("GBP", 1), ("day", -1)))
    same = parse_unit("dwelling")
    assert in_terms_of(same, parse_unit("GBP / dwelling")) == (Fraction(1), same)


@pytest.mark.parametrize(
    ("unit", "expected"),
    [
        ("offender", "a count"),
        ("1000 person", "a count"),
        ("people", "a count"),
        ("case", "a count"),
        ("kelvin", "an absolute temperature"),
        ("degC", None),
        ("GBP", None),
        ("pence", None),
        ("day", None),
        ("offender / person", None),
        ("percent", None),
        ("percentage_points", None),
        ("1", None),
    ],
)
def test_what_cannot_be_negative(unit: str, expected: str | None) -> None:
    assert impossible_when_negative(parse_unit(unit)) == expected


@pytest.mark.parametrize(
    ("unit", "plural", "expected"),
    [
        ("week", True, "weeks"),
        ("week", False, "week"),
        ("person", True, "people"),
        ("casualty", True, "casualties"),
        ("offence", True, "offences"),
        ("GBP", True, "GBP"),
        ("km", True, "km"),
        ("pence", True, "pence"),
        ("incident / person", True, "incident / person"),
        ("degC", True, "degC"),
    ],
)
def test_spoken(unit: str, plural: bool, expected: str) -> None:
    assert spoken(parse_unit(unit), plural=plural) == expected


_TIMES = ["second", "minute", "hour", "day", "week", "fortnight", "year"]


@settings(max_examples=100, deadline=None)
@given(st.sampled_from(_TIMES), st.sampled_from(_TIMES), st.sampled_from(_TIMES), st.integers(-3, 3).filter(bool))
def test_conversions_compose_and_invert(a: str, b: str, c: str, exp: int) -> None:
    ua, ub, uc = (parse_unit(f"{name}^{abs(exp)}" if exp > 0 else f"1 / {name}^{-exp}") for name in (a, b, c))
    ab, bc, ac = conversion_factor(ua, ub), conversion_factor(ub, uc), conversion_factor(ua, uc)
    assert ab * bc == ac
    assert ab * conversion_factor(ub, ua) == 1


_PINT_FREE = """
import sys
from factcheck.errors import UnitMismatchError
from factcheck.numbers.units import conversion, in_terms_of, parse_unit
assert conversion(parse_unit("offenders"), parse_unit("offender")).factor == 1
assert conversion(parse_unit("offender / (1000 person)"), parse_unit("offender / person")).factor * 1000 == 1
for a, b in [("GBP", "person"), ("percent", "percentage_points"), ("GBP / person", "USD / person")]:
    try:
        conversion(parse_unit(a), parse_unit(b))
    except UnitMismatchError:
        pass
    else:
        raise AssertionError((a, b))
assert in_terms_of(parse_unit("week"), parse_unit("GBP"))[0] == 1
assert in_terms_of(parse_unit("person"), parse_unit("offender / person"))[0] == 1
# two count words pint cannot know, told apart from its definition files, read as text
for a, b in [("offender", "pupil"), ("household", "incident / dwelling")]:
    try:
        conversion(parse_unit(a), parse_unit(b))
    except UnitMismatchError:
        pass
    else:
        raise AssertionError((a, b))
assert in_terms_of(parse_unit("appeal"), parse_unit("application"))[0] == 1
assert "pint" not in sys.modules, "pint was loaded"
"""


def test_like_units_and_own_dimensions_need_no_pint() -> None:
    """Same names, scale factors, and names known to be dimensions of their own: settled without pint."""
    subprocess.run([sys.executable, "-c", _PINT_FREE], check=True)


_REAL_UNITS = [
    "day",
    "days",
    "week",
    "hour",
    "hours",
    "km",
    "kilometre",
    "kWh",
    "degC",
    "tonne",
    "ms",
    "mile",
    "Mm",
    "point",
    "unit",
    "percent",
    "year",
    "month",
    "minute",
    "second",
    "litre",
    "gallon",
    "acre",
    "hectare",
]


@settings(max_examples=500, deadline=None)
@given(st.sampled_from(_REAL_UNITS) | st.text(alphabet="abcdeghiklmnoprstuyACGKMT", min_size=1, max_size=6))
def test_a_name_told_apart_without_pint_is_one_pint_does_not_know(name: str) -> None:
    """The cheap reading of pint's definition files errs only towards asking pint."""
    if _unknown_to_pint(name) and name != "person":  # "person" is ours: the one name factcheck defines in pint
        try:
            known = name in _registry()
        except ValueError:  # "nAn": pint reads a number, not a unit
            known = False
        assert not known


def test_everyday_count_words_are_told_apart_without_pint() -> None:
    for word in ("offender", "household", "incident", "attendance", "casualty", "pupil", "application", "person"):
        assert _unknown_to_pint(word)
    for unit in ("day", "week", "km", "kWh", "degC"):
        assert not _unknown_to_pint(unit)


@pytest.mark.parametrize(
    ("unit", "percent"),
    [("percent", True), ("%", True), ("pct", True), ("Percentage", True), ("per_cent", True), ("percentage_point", False),
     ("1", False), ("person", False), ("GBP", False), ("percent / person", False), ("", False), ("(", False)],
)  # fmt: skip
def test_the_percent_unit_test_is_the_units_modules(unit: str, percent: bool) -> None:
    """Tables ask it of a column's unit (a "12.5%" cell, a workbook's stored fraction): one test, here."""
    assert is_percent_unit(unit) is percent
