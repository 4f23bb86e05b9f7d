"""The `expr` of a formula claim: arithmetic on names and numbers, and nothing else.

It is parsed with `ast` and every node is checked against a short list (names, numbers,
+ − × ÷, unary minus, brackets), so a formula can never call, import or look anything up.
No `eval`.
"""

from __future__ import annotations

import ast
from collections.abc import Callable
from decimal import Decimal
from fractions import Fraction
from functools import lru_cache
from typing import TypeVar

from factcheck.errors import FormulaError

__all__ = ["formula_names", "parse_formula", "evaluate_formula"]

T = TypeVar("T")

_OPERATORS = {ast.Add: "+", ast.Sub: "-", ast.Mult: "*", ast.Div: "/"}

#: How deeply operators may nest ("a + b + c" is two deep): far beyond any real formula, well
#: within Python's recursion limit for vetting and evaluating the tree.
MAX_DEPTH = 200


def parse_formula(expr: str) -> ast.expr:
    """Parse and vet `expr`; raise FormulaError naming what is not allowed."""
    if not isinstance(expr, str) or not expr.strip():
        raise FormulaError(str(expr), "an empty formula")
    if len(expr) > 2000:
        raise FormulaError(expr[:40] + "…", "a formula longer than 2,000 characters")
    return _parse(expr)


@lru_cache(maxsize=4096)
def _parse(expr: str) -> ast.expr:
    """parse_formula, remembered: the loader vets each formula and the verifier reads it again.

    The tree is shared, so no caller may change it (none does: they only read and fold it).
    """
    try:
        tree = ast.parse(expr.strip(), mode="eval")
    except SyntaxError as exc:
        raise FormulaError(expr, f"not arithmetic ({exc.msg})") from None
    except (RecursionError, MemoryError):
        raise FormulaError(expr, "nested too deeply") from None
    _vet(tree.body, expr)
    return tree.body


def _vet(node: ast.AST, expr: str, depth: int = 0) -> None:
    if depth > MAX_DEPTH:
        raise FormulaError(expr, f"operators nested more than {MAX_DEPTH} deep")
    if isinstance(node, ast.BinOp):
        if type(node.op) not in _OPERATORS:
            raise FormulaError(expr, f"the operator {type(node.op).__name__!r} is not allowed (only + - * /)")
        _vet(node.left, expr, depth + 1)
        _vet(node.right, expr, depth + 1)
    elif isinstance(node, ast.UnaryOp):
        if not isinstance(node.op, (ast.USub, ast.UAdd)):
            raise FormulaError(expr, f"the operator {type(node.op).__name__!r} is not allowed")
        _vet(node.operand, expr, depth + 1)
    elif isinstance(node, ast.Constant):
        if isinstance(node.value, bool) or not isinstance(node.value, (int, float)):
            raise FormulaError(expr, f"{node.value!r} is not a number")
    elif isinstance(node, ast.Name):
        return
    else:
        raise FormulaError(expr, f"{type(node).__name__} is not allowed (only names, numbers, + - * / and brackets)")


def formula_names(tree: ast.expr) -> list[str]:
    """The names a formula uses, in order of first use."""
    seen: dict[str, None] = {}
    for node in ast.walk(tree):
        if isinstance(node, ast.Name):
            seen.setdefault(node.id, None)
    return list(seen)


def evaluate_formula(
    tree: ast.expr,
    *,
    name: Callable[[str], T],
    number: Callable[[Fraction], T],
    apply: Callable[[str, T, T], T],
    negate: Callable[[T], T],
) -> T:
    """Fold the vetted tree with the caller's arithmetic (intervals with units, or text)."""

    def fold(node: ast.expr) -> T:
        if isinstance(node, ast.BinOp):
            return apply(_OPERATORS[type(node.op)], fold(node.left), fold(node.right))
        if isinstance(node, ast.UnaryOp):
            inner = fold(node.operand)
            return negate(inner) if isinstance(node.op, ast.USub) else inner
        if isinstance(node, ast.Constant):
            return number(Fraction(Decimal(repr(node.value))))
        if isinstance(node, ast.Name):
            return name(node.id)
        raise AssertionError(node)  # pragma: no cover - _vet admits nothing else

    return fold(tree)
