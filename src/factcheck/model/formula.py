"""The `expr` of a formula claim: arithmetic on names and numbers, and nothing else.

It is parsed with `ast` and every node is checked against a short list (names, numbers,
+ − × ÷, unary minus, brackets), so a formula can never call, import or look anything up.
No `eval`. What is kept is its steps in postfix order, with each number read exactly as written
("0.1" is 1/10, not the float nearest it) and within the figures' bound: below 10^101 and,
unless zero, at least 10^-100 ("1e400" and "1e-400" are errors, never infinity or zero).
"""

from __future__ import annotations

import ast
from collections.abc import Callable
from decimal import Decimal, InvalidOperation
from fractions import Fraction
from functools import lru_cache
from typing import TypeVar

import attrs

from factcheck.errors import FormulaError
from factcheck.numbers.exact import exact, is_exact, rational

__all__ = ["MAX_DEPTH", "MAX_NUMBER_EXPONENT", "Formula", "Step", "evaluate_formula", "formula_names", "parse_formula"]

_T = TypeVar("_T")

_OPERATORS = {ast.Add: "+", ast.Sub: "-", ast.Mult: "*", ast.Div: "/"}

#: How deeply operators may nest ("a + b + c" is two deep): far beyond any real formula, well
#: within Python's recursion limit for vetting the tree (working it out needs no recursion).
MAX_DEPTH = 200
#: A number in a formula obeys the figures' bound: at most 101 digits before the point, and an
#: exponent of at most 100 either way.
MAX_NUMBER_EXPONENT = 100
_LIMIT = 10 ** (MAX_NUMBER_EXPONENT + 1)
_SMALLEST = rational(1, 10**MAX_NUMBER_EXPONENT)


#: One step of a formula in postfix order: ("number", value), ("name", name), an operator
#: ("+", None) … ("/", None) on the two values before it, or ("minus", None) on the one before.
Step = tuple[str, Fraction | str | None]


@attrs.frozen
class Formula:
    """A vetted formula: its text and its steps in postfix order, with each number exact.

    Postfix, so that evaluating it needs a stack of values and no recursion ("a + b * c" is a,
    b, c, *, +).
    """

    text: str
    steps: tuple[Step, ...] = attrs.field(repr=False)


def parse_formula(expr: str) -> Formula:
    """Parse and vet `expr`; raise FormulaError naming what is not allowed."""
    if not isinstance(expr, str) or not expr.strip():
        raise FormulaError(str(expr), "an empty formula")
    if len(expr) > 2000:
        raise FormulaError(expr[:40] + "…", "a formula longer than 2,000 characters")
    return _parse(expr)


@lru_cache(maxsize=4096)
def _parse(expr: str) -> Formula:
    """parse_formula, remembered: the loader vets each formula and the verifier reads it again."""
    source = expr.strip()
    try:
        tree = ast.parse(source, mode="eval")
    except SyntaxError as exc:
        raise FormulaError(expr, f"not arithmetic ({exc.msg})") from None
    except (RecursionError, MemoryError, ValueError):  # ValueError: an integer of more digits than Python reads
        raise FormulaError(expr, "nested too deeply or too long a number") from None
    steps: list[Step] = []
    _vet(tree.body, expr, source, steps)
    return Formula(expr, tuple(steps))


def _vet(node: ast.AST, expr: str, source: str, steps: list[Step], depth: int = 0) -> None:
    """Check one node and append its steps (its operands' first); recursion is bounded by MAX_DEPTH."""
    if depth > MAX_DEPTH:
        raise FormulaError(expr, f"operators nested more than {MAX_DEPTH} deep")
    if isinstance(node, ast.BinOp):
        if type(node.op) not in _OPERATORS:
            raise FormulaError(expr, f"the operator {type(node.op).__name__!r} is not allowed (only + - * /)")
        _vet(node.left, expr, source, steps, depth + 1)
        _vet(node.right, expr, source, steps, depth + 1)
        steps.append((_OPERATORS[type(node.op)], None))
    elif isinstance(node, ast.UnaryOp):
        if not isinstance(node.op, (ast.USub, ast.UAdd)):
            raise FormulaError(expr, f"the operator {type(node.op).__name__!r} is not allowed")
        _vet(node.operand, expr, source, steps, depth + 1)
        if isinstance(node.op, ast.USub):
            steps.append(("minus", None))
    elif isinstance(node, ast.Constant):
        if isinstance(node.value, bool) or not isinstance(node.value, (int, float)):
            raise FormulaError(expr, f"{node.value!r} is not a number")
        steps.append(("number", _exact_number(node, expr, source)))
    elif isinstance(node, ast.Name):
        steps.append(("name", node.id))
    else:
        raise FormulaError(expr, f"{type(node).__name__} is not allowed (only names, numbers, + - * / and brackets)")


def _exact_number(node: ast.Constant, expr: str, source: str) -> Fraction:
    """The number as written (not as a float holds it), within the figures' bound."""
    written = ast.get_source_segment(source, node) or ""
    if isinstance(node.value, int):
        value = rational(node.value)
    else:
        try:
            decimal = Decimal(written.replace("_", ""))
        except InvalidOperation:  # pragma: no cover - Python read it as a float, so Decimal can
            raise FormulaError(expr, f"cannot read the number {written!r}") from None
        if not decimal.is_finite() or (decimal and abs(decimal.adjusted()) > MAX_NUMBER_EXPONENT):
            raise FormulaError(
                expr,
                f"the number {written} is out of range (its exponent may be at most {MAX_NUMBER_EXPONENT} either way)",
            )
        value = exact(decimal)
    if abs(value) >= _LIMIT or (value and abs(value) < _SMALLEST):
        shown = written if len(written) <= 20 else written[:17] + "..."
        raise FormulaError(
            expr, f"the number {shown} is out of range (at most {MAX_NUMBER_EXPONENT + 1} digits before the point)"
        )
    return value


def formula_names(formula: Formula) -> list[str]:
    """The names a formula uses, in order of first use."""
    return list(dict.fromkeys(str(operand) for kind, operand in formula.steps if kind == "name"))


def evaluate_formula(
    formula: Formula,
    *,
    name: Callable[[str], _T],
    number: Callable[[Fraction], _T],
    apply: Callable[[str, _T, _T], _T],
    negate: Callable[[_T], _T],
) -> _T:
    """Work the formula out with the caller's arithmetic (intervals with units, or text), left first."""
    values: list[_T] = []
    for kind, operand in formula.steps:
        if kind == "number":
            assert is_exact(operand)
            values.append(number(operand))
        elif kind == "name":
            values.append(name(str(operand)))
        elif kind == "minus":
            values.append(negate(values.pop()))
        else:
            right = values.pop()
            values.append(apply(kind, values.pop(), right))
    return values.pop()
