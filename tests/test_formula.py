from __future__ import annotations

from fractions import Fraction

import pytest

from factcheck.errors import FormulaError
from factcheck.formula import evaluate_formula, formula_names, parse_formula


def evaluate(expr: str, values: dict[str, Fraction]) -> Fraction:
    return evaluate_formula(
        parse_formula(expr),
        name=values.__getitem__,
        number=lambda v: v,
        apply=lambda op, a, b: {"+": a + b, "-": a - b, "*": a * b, "/": a / b}[op],
        negate=lambda a: -a,
    )


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
