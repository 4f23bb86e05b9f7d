"""The records every renderer reads: an `Outcome` per claim, a `FileResult` per claims file.

The verifier makes them and every report format, the pytest plugin and the command read them, so
they live below all of those, with nothing but the claims file's records beneath them.
"""

from __future__ import annotations

import attrs

from factcheck.errors import ClaimsFileError
from factcheck.model.claims import ClaimsFile, Gap, Location, SourceKind
from factcheck.model.verdicts import Standing, Verdict, standing
from factcheck.numbers.interval import Interval

__all__ = ["FileResult", "Outcome", "outcome_standing"]


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


@attrs.frozen
class FileResult:
    """Everything `factcheck check` says about one claims file."""

    path: str
    outcomes: tuple[Outcome, ...] = ()
    errors: tuple[ClaimsFileError, ...] = ()  # problems of the file itself (it may not have been read)
    gaps: tuple[Gap, ...] = ()
    claims_file: ClaimsFile | None = None

    def counts(self) -> dict[str, int]:
        counts = {verdict.value: 0 for verdict in Verdict}
        for outcome in self.outcomes:
            counts[outcome.verdict.value] += 1
        return counts

    @property
    def readable(self) -> bool:
        return self.claims_file is not None

    def exit_status(self, *, strict: bool = False) -> int:
        """0 all well; 1 something contradicted or a draft (strict: also loose, unchecked or a gap); 2 an error.

        Each claim counts as `outcome_standing` says, the rule every front end asks; a file that could
        not be read, or that has a problem of its own, is an error.
        """
        return max((found.exit_status(strict=strict) for found in self.standings()), default=0)

    def standings(self) -> set[Standing]:
        """How the file's outcomes, gaps and problems stand, each distinct standing once."""
        if self.errors or not self.readable:
            return {Standing.ERROR}
        # the rule is asked once per distinct (verdict, draft, claim), not per outcome: a file has hundreds
        found = {standing(verdict, draft=draft, claim=claim)
                 for verdict, draft, claim in {(o.verdict, o.draft, o.kind != "sentence") for o in self.outcomes}}
        if self.gaps:
            found.add(Standing.WARNS)
        return found


def outcome_standing(outcome: Outcome) -> Standing:
    """How one outcome stands for passing (`factcheck.model.verdicts.standing`); a sentence with a `check` is no claim."""
    return standing(outcome.verdict, draft=outcome.draft, claim=outcome.kind != "sentence")
