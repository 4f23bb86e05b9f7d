"""The engine as the public API gives it: the same functions and verifier, every number in a result a `Fraction`.

The engine computes in the exact type `numbers.exact` chooses (gmpy2's `mpq` where it is installed);
its results are rendered by the command straight from that type. What the library hands to its users
is converted here, once, at the edge (`numbers.exact.to_public`): the names of the public API that
give back numbers (`check_file`, `check_path`, `verify_file`, `verify_claim`, `parse_stated` and the
`Verifier`) are these, so a user never holds an `mpq`, whichever type the engine used.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import ParamSpec, TypeVar

from factcheck.check import pipeline
from factcheck.check import verifier as engine
from factcheck.check.quantity import Quantity
from factcheck.model.claims import Claim, ClaimBase, ClaimsFile
from factcheck.model.results import Outcome
from factcheck.numbers.exact import to_public
from factcheck.numbers.units import Unit
from factcheck.words import stated as words
from factcheck.words.stated import Stated

__all__ = ["Verifier", "check_file", "check_path", "parse_stated", "verify_claim", "verify_file"]

_P = ParamSpec("_P")
_R = TypeVar("_R")


def _public(function: Callable[_P, _R]) -> Callable[_P, _R]:
    """`function` with its result converted for the public API (`to_public`); its name, docstring and signature
    kept, so that help() and the API docs show the engine's own."""

    @wraps(function)
    def converted(*args: _P.args, **kwargs: _P.kwargs) -> _R:
        return to_public(function(*args, **kwargs))

    return converted


check_file = _public(pipeline.check_file)
check_path = _public(pipeline.check_path)
verify_file = _public(pipeline.verify_file)
verify_claim = _public(pipeline.verify_claim)
parse_stated = _public(words.parse_stated)


class Verifier:
    """Resolves the names of one claims file (figures and claims) to quantities, and gives claims their verdicts.

    One verifier serves a whole file: each figure's quantity and each claim's recomputed value is
    worked out once and remembered, so a claim used by many others costs one recomputation.

    - `resolve(name)`: the quantity a figure's or a claim's name stands for;
    - `compute(claim)`: a claim's recomputed value (an error when it has none);
    - `outcome(claim)`: the verdict on a claim, never an exception (`remember=False` for a variant
      of a claim, whose value no other claim may use);
    - `could_support(claim)`: a cheap sieve, False when the claim is certainly not supported;
    - `recompute(claim, stated)`: the claim's value for given stated words, as its kind computes it;
    - `stated(claim, unit)`: the interval the claim's words allow, read as the verifier reads them.

    The engine's verifier (`check.verifier`) does the work; this one gives its results with
    `Fraction` numbers.
    """

    def __init__(self, claims_file: ClaimsFile, figure_quantities: dict[str, Quantity] | None = None) -> None:
        """`figure_quantities`: those another verifier of the same file has made (they depend on the file alone)."""
        self.file = claims_file
        self._engine = engine.Verifier(claims_file, figure_quantities)

    def resolve(self, name: str) -> Quantity:
        return to_public(self._engine.resolve(name))

    def compute(self, claim: Claim) -> Quantity:
        """The claim's recomputed value, computed once; a reference cycle is an error."""
        return to_public(self._engine.compute(claim))

    def outcome(self, claim: Claim, *, remember: bool = True) -> Outcome:
        """The verdict on one claim; `remember=False` for a variant, whose value no other claim may use."""
        return to_public(self._engine.outcome(claim, remember=remember))

    def could_support(self, claim: Claim) -> bool:
        """False when the claim certainly is not supported; a cheap sieve before `outcome` (no text)."""
        return self._engine.could_support(claim)

    def recompute(self, claim: Claim, stated: Stated, *, bounded: bool = True) -> tuple[Quantity, str]:
        """The claim's value for the words `stated` (its kind's formula) and how it was worked out."""
        return to_public(self._engine.recompute(claim, stated, bounded=bounded))

    def stated(self, claim: ClaimBase, unit: Unit | None) -> Stated:
        """The interval the claim's words allow, as the verifier reads them (its file's rounding and tolerance)."""
        return to_public(self._engine.stated(claim, unit))
