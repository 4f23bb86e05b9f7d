from __future__ import annotations

from decimal import Decimal
from fractions import Fraction

import pytest
from hypothesis import given
from hypothesis import strategies as st

from factcheck.errors import FormulaError
from factcheck.model.formula import evaluate_formula, formula_names, parse_formula


def evaluate(expr: str, values: dict[str, Fraction]) -> Fraction:
    result: Fraction = evaluate_formula(
        parse_formula(expr),
        name=values.__getitem__,
        number=lambda v: v,
        apply=lambda op, a, b: {"+": a + b, "-": a - b, "*": a * b, "/": a / b}[op],
        negate=lambda a: -a,
    )
    return result


def test_arithmetic_with_names_and_numbers() -> None:
    values = {"a": Fraction(2243.61).limit_denominator(100), "b": Fraction("2136.98"), "weeks": Fraction(52)}
    assert evaluate("(a - b) / weeks", values) == (values["a"] - values["b"]) / 52
    assert evaluate("-a + 2.5 * b", values) == -values["a"] + Fraction("2.5") * values["b"]
    assert formula_names(parse_formula("x * y - x")) == ["x", "y"]


def test_decimal_constants_are_exact() -> None:
    assert evaluate("0.1 + 0.2", {}) == Fraction(3, 10)


@pytest.mark.parametrize(
    ("expr", "reason"),
    [
        ("__import__('os').system('true')", "Call"),
        ("a ** 2", "Pow"),
        ("a // 2", "FloorDiv"),
        ("a % 2", "Mod"),
        ("f(x)", "Call"),
        ("a.b", "Attribute"),
        ("a[0]", "Subscript"),
        ("lambda: 1", "Lambda"),
        ("'text'", "not a number"),
        ("True", "not a number"),
        ("a if b else c", "IfExp"),
        ("a < b", "Compare"),
        ("not a", "Not"),
        ("", "empty"),
        ("a +", "not arithmetic"),
        ("x = 1", "not arithmetic"),
        ("[a, b]", "List"),
    ],
)
def test_anything_but_arithmetic_is_refused(expr: str, reason: str) -> None:
    with pytest.raises(FormulaError, match=reason):
        parse_formula(expr)


@pytest.mark.parametrize(
    "expr",
    ["1e400", "1e-400 * a", "1e1000000", "9" * 102, "1" + "0" * 150 + " + a", "0.1e-101", "1_0e200", "a / 1e101"],
)
def test_numbers_past_the_figures_bound_are_refused(expr: str) -> None:
    """Never infinity, never a silent zero, never a traceback: the figures' bound holds in a formula."""
    with pytest.raises(FormulaError, match="out of range"):
        parse_formula(expr)


def test_a_number_of_more_digits_than_a_formula_may_hold() -> None:
    with pytest.raises(FormulaError, match="longer than 2,000"):
        parse_formula("1" * 1_000_000)


def test_numbers_are_read_as_written_not_as_floats() -> None:
    assert evaluate("0.1000000000000000000001", {}) == Fraction("0.1000000000000000000001")
    assert evaluate("1e100 * 1e-100", {}) == 1
    assert evaluate("9" * 101, {}) == int("9" * 101)
    assert evaluate("1_000.5", {}) == Fraction("1000.5")


@given(st.integers(-(10**30), 10**30), st.integers(0, 30), st.integers(-60, 60))
def test_any_decimal_within_the_bound_reads_exactly(units: int, places: int, exponent: int) -> None:
    text = (
        f"{abs(units) // 10**places}.{abs(units) % 10**places:0{places}d}e{exponent}"
        if places
        else f"{abs(units)}e{exponent}"
    )
    assert evaluate(text, {}) == Fraction(Decimal(text))


def test_names_in_order_of_first_use() -> None:
    assert formula_names(parse_formula("(a - b) / c + a * -d")) == ["a", "b", "c", "d"]
