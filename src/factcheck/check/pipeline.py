"""Checking a claims file: load → verify → diagnose, the one path every front end takes.

`check_file` loads a file and verifies it; `verify_file` verifies a loaded one, giving each claim
its verdict (`verifier`) and each contradicted claim the usual slips that would explain it
(`diagnose`), so a file that is sound never pays for the diagnoses. A file that cannot be read
gives a result with an error, never an exception.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from pathlib import Path

from factcheck.check.periods import check_periods
from factcheck.check.verifier import Verifier
from factcheck.errors import ClaimsFileError
from factcheck.load.claimsfile import load_claims_file, loads_claims_file
from factcheck.model.claims import Article, BrokenClaim, Claim, ClaimsFile, Defaults, Figure, Sentence, Source
from factcheck.model.kinds import SENTENCE
from factcheck.model.results import FileResult, Outcome
from factcheck.model.verdicts import Verdict

__all__ = ["check_file", "verify_claim", "verify_file"]


def check_file(path: str | Path, data: bytes | None = None) -> FileResult:
    """Load and verify one claims file; a file that cannot be read gives a result with an error.

    `data`: the file's bytes when the caller has read them already (the cache has, to find them).
    """
    try:
        claims_file = (
            load_claims_file(path) if data is None else loads_claims_file(data, str(path), base_dir=Path(path).parent)
        )
    except ClaimsFileError as exc:
        return FileResult(str(path), errors=(exc,))
    return verify_file(claims_file)


def verify_file(claims_file: ClaimsFile) -> FileResult:
    """Verify every claim of a loaded file; sentences with a `check` become `unchecked` outcomes."""
    verifier = Verifier(claims_file)
    outcomes: list[Outcome] = []
    for sentence in claims_file.sentences:
        if sentence.check is not None:
            outcomes.append(
                Outcome(
                    id=f"sentence-{sentence.index + 1}",
                    kind=SENTENCE,
                    verdict=Verdict.UNCHECKED,
                    explanation=f"nothing to recompute ({sentence.check.value})",
                    location=sentence.location,
                    sentence=sentence.index,
                    check=sentence.check.value,
                )
            )
        outcomes.extend(verifier.outcome(claim) for claim in sentence.claims)
    if any(outcome.verdict is Verdict.CONTRADICTED for outcome in outcomes):
        from factcheck.check.diagnose import diagnose_outcomes  # only a file with a contradicted claim pays for it

        outcomes = diagnose_outcomes(claims_file, outcomes, figure_quantities=verifier.figure_quantities)
    outcomes = check_periods(claims_file, outcomes)  # after the diagnoses: they explain the arithmetic alone
    claim_problems = {id(p) for claim in claims_file.claims() if isinstance(claim, BrokenClaim) for p in claim.problems}
    file_errors = tuple(p for p in claims_file.problems if id(p) not in claim_problems)
    return FileResult(claims_file.path, tuple(outcomes), file_errors, claims_file.gaps, claims_file)


def verify_claim(
    claim: Claim, figures: Iterable[Figure], *, sources: Mapping[str, Source] | None = None, rounding: str = "nearest"
) -> Outcome:
    """Check one claim built in code against figures built in code."""
    figure_map = {figure.name: figure for figure in figures}
    claims_file = ClaimsFile(
        "<code>",
        Article("", dt.date.min),
        dict(sources or {}),
        figure_map,
        Defaults(rounding),
        (Sentence("", (claim,)),),
    )
    return Verifier(claims_file).outcome(claim)
