"""Every public error is in errors.py, under FactcheckError, built once and never changed after it is raised."""

from __future__ import annotations

import ast
import inspect
from pathlib import Path

import pytest

import factcheck
from factcheck import errors
from factcheck.errors import (
    ClaimInputError,
    ClaimsFileError,
    FactcheckError,
    IntervalError,
    ToleranceError,
    UnitError,
)
from factcheck.model.claims import RateClaim
from factcheck.numbers.interval import Interval
from factcheck.numbers.units import parse_unit
from factcheck.words.stated import parse_tolerance

PACKAGE = Path(factcheck.__file__).resolve().parent


def test_every_error_is_a_factcheck_error() -> None:
    classes = [getattr(errors, name) for name in errors.__all__]
    assert classes and all(inspect.isclass(cls) and issubclass(cls, FactcheckError) for cls in classes)
    defined = {
        name
        for name, value in vars(errors).items()
        if inspect.isclass(value) and issubclass(value, BaseException) and value.__module__ == errors.__name__
    }
    assert defined == set(errors.__all__)


def _exception_classes(path: Path) -> list[str]:
    """The public classes a module defines whose bases name an error or exception."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.ClassDef) and not node.name.startswith("_"):
            bases = [ast.unparse(base) for base in node.bases]
            if any(base.endswith(("Error", "Exception")) for base in bases):
                found.append(node.name)
    return found


def test_no_public_error_is_defined_anywhere_else() -> None:
    elsewhere = {
        str(path.relative_to(PACKAGE)): _exception_classes(path)
        for path in PACKAGE.rglob("*.py")
        if path.name != "errors.py"
    }
    assert {path: names for path, names in elsewhere.items() if names} == {}


@pytest.mark.parametrize(
    ("raise_it", "error"),
    [
        (lambda: parse_unit("offender / ("), UnitError),
        (lambda: parse_unit("m^99"), UnitError),
        (lambda: Interval(2, 1), IntervalError),
        (lambda: Interval(None, 1).width, IntervalError),
        (lambda: Interval(None, 1) + Interval.point(1), IntervalError),
        (lambda: parse_tolerance("-2%"), ToleranceError),
        (lambda: parse_tolerance(float("inf")), ToleranceError),
        (lambda: RateClaim(id="r", stated="1 per 10").with_inputs({"from": "x"}), ClaimInputError),
    ],
)
def test_the_bare_value_errors_are_factcheck_errors_and_still_value_errors(raise_it: object, error: type) -> None:
    with pytest.raises(error) as caught:
        raise_it()  # type: ignore[operator]
    assert isinstance(caught.value, FactcheckError) and isinstance(caught.value, ValueError)


def test_an_error_told_of_another_path_is_a_new_error() -> None:
    """The pytest plugin shows a file's problem at the path the user knows, without changing the problem."""
    problem = ClaimsFileError("unknown key 'x'", path="/abs/story.claims.toml", line=3, claim_id="c", field="x")
    shown = problem.at("story.claims.toml")
    assert str(shown) == "story.claims.toml:3, claim 'c', field 'x': unknown key 'x'"
    assert str(problem) == "/abs/story.claims.toml:3, claim 'c', field 'x': unknown key 'x'"
    assert shown is not problem and problem.path == "/abs/story.claims.toml"


def test_the_plugin_changes_no_error() -> None:
    """No code of the plugin assigns to an attribute of an error (it used to rewrite `exc.path`)."""
    tree = ast.parse((PACKAGE / "pytest_plugin.py").read_text(encoding="utf-8"))
    assigned = [
        ast.unparse(target)
        for node in ast.walk(tree)
        if isinstance(node, ast.Assign)
        for target in node.targets
        if isinstance(target, ast.Attribute)
    ]
    assert not [name for name in assigned if name.startswith(("exc.", "problem.", "error."))]
