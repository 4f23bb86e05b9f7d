"""The fast TOML reader gives what `tomllib.loads(text, parse_float=Decimal)` gives."""

from __future__ import annotations

import tomllib
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from factcheck import tomlread
from factcheck.claimsfile import loads_claims_file
from factcheck.errors import ClaimsFileError


def test_rtoml_is_used_where_it_is_installed() -> None:
    pytest.importorskip("rtoml")
    assert tomlread.fast_parser() == "rtoml"


DOCUMENT = """
format = 1
a = 8.30
b = [1.5, { c = 0.1 }, [2.25]]
d = 2020-11-10
e = -0.0
f = 1e-5
g = inf
[t.u]
v = 64300
w = "x"
"""


def test_floats_come_back_as_the_decimals_written() -> None:
    assert tomlread.loads(DOCUMENT) == tomllib.loads(DOCUMENT, parse_float=Decimal)
    assert isinstance(tomlread.loads(DOCUMENT)["b"][1]["c"], Decimal)


def test_a_float_with_more_digits_than_a_binary_float_holds_stays_exact() -> None:
    text = "x = 0.1000000000000000055511151231257827\ny = 12345678.123456789"
    assert tomlread.loads(text) == {"x": Decimal("0.1000000000000000055511151231257827"),
                                    "y": Decimal("12345678.123456789")}


@given(st.integers(-(10**17), 10**17), st.integers(1, 9))
def test_any_written_decimal_comes_back_exactly(digits: int, places: int) -> None:
    value = Decimal(digits).scaleb(-places)
    text = f"x = {value:f}\n"
    assert "." in text
    assert tomlread.loads(text)["x"] == value == tomllib.loads(text, parse_float=Decimal)["x"]


def test_a_syntax_error_names_its_line() -> None:
    with pytest.raises(ClaimsFileError) as caught:
        loads_claims_file("format = 1\n[article]\ntitle = \"x\"\nbad = [1,,2]\n[figures]\n")
    assert caught.value.line == 4
    assert "not valid TOML" in str(caught.value)
