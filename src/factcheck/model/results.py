"""The records every renderer reads: an `Outcome` per claim, a `FileResult` per claims file.

The verifier makes them and every report format, the pytest plugin and the command read them, so
they live below all of those, with nothing but the claims file's records beneath them.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Final

import attrs

from factcheck.errors import ClaimsFileError
from factcheck.model.claims import ClaimsFile, Gap, Location, SourceKind
from factcheck.model.kinds import SENTENCE
from factcheck.model.verdicts import Standing, Tally, Totals, Verdict, standing
from factcheck.numbers.interval import Interval

__all__ = ["FileResult", "Outcome", "RankPlace", "totals_of"]

#: Sources that are not the publisher's tables: a claim resting only on these is flagged in the summary.
_WEAK: Final = frozenset({SourceKind.ARTICLE, SourceKind.UNSOURCED})


@attrs.frozen(kw_only=True)
class RankPlace:
    """Where a rank claim's value stands: the places it can hold (one, unless inputs were rounded), among how
    many values, counted from which end, and what the words need ("1st", "at most 3rd")."""

    best: int
    worst: int
    n: int
    end: str  # "high" or "low"
    text: str  # "3rd of 12", "joint 1st of 12", "2nd to 4th of 42"
    needs: str  # "2nd", "at most 3rd"


@attrs.frozen
class Outcome:
    """The verdict on one claim (or on a sentence with nothing to recompute), with its reasons."""

    id: str
    kind: str
    verdict: Verdict
    explanation: str
    stated: str = ""
    gross: bool = False
    interval: Interval | None = None  # what the stated words allow
    computed: Interval | None = None  # the recomputed value (a point unless inputs were rounded)
    basis: SourceKind | None = None  # the weakest source among the figures used
    location: Location = Location()
    sentence: int = 0
    near_miss: bool = False  # contradicted, but within one step of the stated number
    figures: tuple[str, ...] = ()
    check: str | None = None  # for a sentence: why it has nothing to recompute
    draft: bool = False  # unchecked because inputs are still placeholders ("?"): `--strict` fails on it
    diagnoses: tuple[str, ...] = ()  # for a contradicted claim: the usual slips that reproduce the words
    place: RankPlace | None = None  # for a rank claim: the place its value holds
    period: str = ""  # the period rule (`check.periods`): why the words' period is not the figures', or why unchecked

    @property
    def standing(self) -> Standing:
        """How the outcome stands for passing (`verdicts.standing`); a sentence with a `check` is no claim."""
        return standing(self.verdict, draft=self.draft, claim=self.is_claim)

    @property
    def is_claim(self) -> bool:
        """False for a sentence with a `check`, which has an outcome too (unchecked, by design)."""
        return self.kind != SENTENCE


@attrs.frozen
class FileResult:
    """Everything `factcheck check` says about one claims file."""

    path: str
    outcomes: tuple[Outcome, ...] = ()
    errors: tuple[ClaimsFileError, ...] = ()  # problems of the file itself (it may not have been read)
    gaps: tuple[Gap, ...] = ()
    claims_file: ClaimsFile | None = None
    #: for a version of a template (one story, every area): the version's row, which reports show after the path
    version: str | None = None

    @property
    def shown(self) -> str:
        """The file as reports name it: its path, and for a version of a template the version too
        (`x.claims.toml [Westmarch]`)."""
        return self.path if self.version is None else f"{self.path} [{self.version}]"

    @property
    def readable(self) -> bool:
        return self.claims_file is not None

    def tally(self) -> Tally:
        """What the file adds to a run's totals, in one pass over its outcomes: the one place a file's
        counts and exit status are worked out (`counts` and `exit_status` read them from here)."""
        counts = dict.fromkeys(Verdict, 0)
        drafts = unchecked = article_only = 0
        for outcome in self.outcomes:
            verdict = outcome.verdict
            counts[verdict] += 1
            if outcome.draft:
                drafts += 1
            elif verdict is Verdict.UNCHECKED and outcome.standing is Standing.WARNS:
                unchecked += 1
            if outcome.basis in _WEAK and verdict is not Verdict.ERROR:
                article_only += 1
        standings = self._standings()
        return Tally(
            tuple(counts.values()),
            len(self.gaps),
            self.readable,
            len(self.errors),
            drafts,
            unchecked,
            article_only,
            max((s.exit_status() for s in standings), default=0),
            max((s.exit_status(strict=True) for s in standings), default=0),
            version=self.version is not None,
        )

    def counts(self) -> dict[str, int]:
        """The file's claims by verdict, by the verdict's name."""
        return dict(zip((verdict.value for verdict in Verdict), self.tally().counts, strict=True))

    def exit_status(self, *, strict: bool = False) -> int:
        """0 all well; 1 something contradicted or a draft (strict: also loose, unchecked or a gap); 2 an error.

        Each claim counts as its `Outcome.standing` says, the rule every front end asks; a file that
        could not be read, or that has a problem of its own, is an error.
        """
        tally = self.tally()
        return tally.strict_status if strict else tally.status

    def _standings(self) -> set[Standing]:
        """How the file's outcomes, gaps and problems stand, each distinct standing once."""
        if self.errors or not self.readable:
            return {Standing.ERROR}
        # the rule is asked once per distinct (verdict, draft, claim), not per outcome: a file has hundreds
        found = {
            standing(verdict, draft=draft, claim=claim)
            for verdict, draft, claim in {(o.verdict, o.draft, o.is_claim) for o in self.outcomes}
        }
        if self.gaps:
            found.add(Standing.WARNS)
        return found


def totals_of(results: Iterable[FileResult]) -> Totals:
    """The totals of these files' results: what a report's summary says and the run's exit status."""
    return Totals.of(result.tally() for result in results)
