"""The verdicts a claim can get, what each means for passing, and the totals that decide the exit status.

`standing` is the one rule for what passes: `factcheck check` (its exit status and every report
format), the pytest plugin and `FileResult.exit_status` all ask it, so no front end can let
through what another fails. `Tally` is what one file adds up to (`FileResult.tally` makes it) and
`Totals` the run's sum of them: the counts by verdict, and the exit status, `Totals.exit_status`,
the one place it is decided for a run.

Only the standard library is imported here (`Tally` is a NamedTuple, not an attrs record): a run
whose report parts all come from the cache totals them without loading attrs or the verifier.
"""

from __future__ import annotations

import enum
from collections.abc import Iterable
from typing import Final, NamedTuple

__all__ = ["Standing", "Tally", "Totals", "Verdict", "standing"]


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


class Tally(NamedTuple):
    """What one file adds to a run's totals. A NamedTuple: it is part of a cache entry, and a run answered
    from the cache should not pay for importing attrs."""

    counts: tuple[int, ...]  # per Verdict, in its order
    gaps: int
    readable: bool
    problems: int  # problems of the file itself, not of one claim (a file that could not be read has one)
    drafts: int  # claims whose inputs are still placeholders
    unchecked: int  # claims (not sentences with a `check`) left unchecked, drafts aside
    article_only: int  # claims resting only on the article's own or unsourced figures
    status: int  # the file's exit status, as `factcheck check` would exit for it alone
    strict_status: int  # the same with --strict
    version: bool = False  # one version of a template (one story, every area): summaries count it as such


class Totals:
    """The totals over the files of a run so far: counts by verdict, what else fails it, and its exit status."""

    def __init__(self) -> None:
        self.files = 0
        self.versions = 0  # of the files, those that are versions of a template
        self.counts = [0] * len(Verdict)
        self.gaps = 0
        self.unread = 0
        self.problems = 0  # of files that were read; a file that could not be read is counted in `unread`
        self.drafts = 0
        self.unchecked = 0
        self.article_only = 0
        self.status: int | None = None
        self.strict_status: int | None = None

    @classmethod
    def of(cls, tallies: Iterable[Tally]) -> Totals:
        """The totals of these files."""
        totals = cls()
        for tally in tallies:
            totals.add(tally)
        return totals

    def add(self, tally: Tally) -> None:
        self.files += 1
        self.versions += tally.version
        self.counts = [a + b for a, b in zip(self.counts, tally.counts, strict=True)]
        self.gaps += tally.gaps
        if tally.readable:
            self.problems += tally.problems
        else:
            self.unread += 1
        self.drafts += tally.drafts
        self.unchecked += tally.unchecked
        self.article_only += tally.article_only
        self.status = max(self.status or 0, tally.status)
        self.strict_status = max(self.strict_status or 0, tally.strict_status)

    def count_dict(self) -> dict[str, int]:
        """The counts by verdict, by the verdict's name, in the order reports give them."""
        return {verdict.value: n for verdict, n in zip(Verdict, self.counts, strict=True)}

    def exit_status(self, *, strict: bool = False) -> int:
        """0 all well; 1 something contradicted or a draft (strict: also loose, unchecked or a gap); 2 an
        error, or a file that could not be read, or no file at all."""
        status = self.strict_status if strict else self.status
        return 2 if status is None else status

    def problem_counts(self) -> dict[str, int]:
        """What fails the run besides the verdict counts, by name, for the JSON report; only those there are."""
        found = {"unreadable_files": self.unread, "file_problems": self.problems, "drafts": self.drafts}
        return {name: n for name, n in found.items() if n}
