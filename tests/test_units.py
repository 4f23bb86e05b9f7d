from __future__ import annotations

import sys
from fractions import Fraction

import pytest

from factcheck.errors import UnitMismatchError
from factcheck.units import PERCENT, conversion_factor, parse_unit


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


@pytest.mark.parametrize(("a", "b"), [("offender", "person"), ("incident", "notice"), ("GBP", "person"),
                                      ("day", "GBP"), ("point", "metre")])
def test_unknown_words_are_count_units_of_their_own(a: str, b: str) -> None:
    with pytest.raises(UnitMismatchError, match="not compatible"):
        conversion_factor(parse_unit(a), parse_unit(b))


@pytest.mark.parametrize("text", ["", "GBP /", "(person", "person ^ x", "a + b", "offender & person"])
def test_unreadable_units(text: str) -> None:
    with pytest.raises(ValueError):
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
