"""The verdicts a claim can get, in the order reports count them, and what each means for passing.

A module of its own, with nothing but the standard library, so that a run whose report parts all
come from the cache (`factcheck.runner.cache`) can total them without loading the verifier.

`standing` is the one rule for what passes: `factcheck check` (its exit status and every report
format), the pytest plugin and `FileResult.exit_status` all ask it, so no front end can let
through what another fails.
"""

from __future__ import annotations

import enum
from typing import Final

__all__ = ["Standing", "Verdict", "standing"]


class Verdict(enum.Enum):
    SUPPORTED = "supported"
    LOOSE = "loose"
    CONTRADICTED = "contradicted"
    UNCHECKED = "unchecked"
    ERROR = "error"


class Standing(enum.Enum):
    """What one result means for a run: whether it passes, with or without `--strict`."""

    PASSES = "passes"  # supported; a sentence whose `check` says why it has nothing to recompute
    WARNS = "warns"  # loose, a coverage gap, a claim left unchecked: passes, but fails under --strict
    FAILS = "fails"  # contradicted, or a draft claim whose inputs are still placeholders: exit 1
    ERROR = "error"  # a claim in error, or a problem of the file itself (it may not have been read): exit 2

    def exit_status(self, *, strict: bool = False) -> int:
        """0, 1 or 2, as `factcheck check` exits for a run holding only this."""
        return _STATUS[self][strict]


_STATUS: Final = {Standing.PASSES: (0, 0), Standing.WARNS: (0, 1), Standing.FAILS: (1, 1), Standing.ERROR: (2, 2)}


def standing(verdict: Verdict, *, draft: bool = False, claim: bool = True) -> Standing:
    """How a verdict stands. `draft`: the claim's inputs are still "?"; `claim`: False for a sentence
    with a `check`, which is unchecked by design.

    A claim that was never checked never passes as if it had been: a draft fails, and any other
    unchecked claim (no inputs, or words that state no relation) fails under --strict, which
    promises that everything that passed was checked.
    """
    if verdict is Verdict.ERROR:
        return Standing.ERROR
    if verdict is Verdict.CONTRADICTED or draft:
        return Standing.FAILS
    if verdict is Verdict.LOOSE or (verdict is Verdict.UNCHECKED and claim):
        return Standing.WARNS
    return Standing.PASSES
