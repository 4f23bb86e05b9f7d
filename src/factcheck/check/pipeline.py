"""Checking a claims file: load → verify → diagnose, the one path every front end takes.

`check_file` loads a file and verifies it; `verify_file` verifies a loaded one, giving each claim
its verdict (`verifier`) and each contradicted claim the usual slips that would explain it
(`diagnose`), so a file that is sound never pays for the diagnoses. A file that cannot be read
gives a result with an error, never an exception.

`check_path` checks any claims file, a template too (one story, every area: `load.template`): it
gives a result per version of a template, each with the version's row, checked as a claims file of
its own. `check_inputs` also says which files the check read besides the claims file (the article
text, each version's text, a table of versions), for the cache to find them unchanged.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from pathlib import Path

import attrs

from factcheck.check.periods import check_periods
from factcheck.check.verifier import Verifier
from factcheck.errors import ClaimsFileError
from factcheck.load.dispatch import load_claims
from factcheck.load.paths import FileRead
from factcheck.model.claims import Article, BrokenClaim, Claim, ClaimsFile, Defaults, Figure, Sentence, Source
from factcheck.model.kinds import SENTENCE
from factcheck.model.results import FileResult, Outcome
from factcheck.model.verdicts import Verdict

__all__ = ["check_file", "check_inputs", "check_path", "verify_claim", "verify_file"]


def check_file(path: str | Path, data: bytes | None = None) -> FileResult:
    """Load and verify one claims file; a file that cannot be read gives a result with an error.

    `data`: the file's bytes when the caller has read them already (the cache has, to find them).
    A template gives a result with an error saying so: its versions are checked by `check_path`.
    """
    try:
        loaded = load_claims(path, data)
    except ClaimsFileError as exc:
        return FileResult(str(path), errors=(exc,))
    if not isinstance(loaded, ClaimsFile):  # a template
        count = len(loaded.versions)
        message = (
            f"this claims file is a template of {count} version{'' if count == 1 else 's'}: check it with "
            "`check_path`, which gives a result for each version"
        )
        return FileResult(str(path), errors=(ClaimsFileError(message, path=str(path), field="template"),))
    return verify_file(loaded)


def check_path(path: str | Path, data: bytes | None = None) -> tuple[FileResult, ...]:
    """Load and verify a claims file: its result, or for a template a result per version (in its order).

    A template that cannot be read, or whose slots or list of versions are wrong, gives one result
    with its problems; a version whose text cannot be read or does not match gives its own.
    """
    return check_inputs(path, data)[0]


def check_inputs(path: str | Path, data: bytes | None = None) -> tuple[tuple[FileResult, ...], tuple[FileRead, ...]]:
    """`check_path`'s results, and the files the check read besides the claims file, as it read them."""
    try:
        loaded = load_claims(path, data)
    except ClaimsFileError as exc:
        return (FileResult(str(path), errors=(exc,)),), ()
    if isinstance(loaded, ClaimsFile):
        return (verify_file(loaded),), _article_read(loaded)
    if loaded.problems:
        return (FileResult(str(path), errors=loaded.problems),), loaded.reads
    results = tuple(attrs.evolve(verify_file(version.claims_file), version=version.name) for version in loaded.versions)
    reads = {read.relative: read for read in loaded.reads}  # a table every version reads: once
    for version in loaded.versions:
        reads.update((read.relative, read) for read in _article_read(version.claims_file))
        reads.setdefault(version.text, FileRead(version.text, version.article_text))
    return results, tuple(reads.values())


def _article_read(claims_file: ClaimsFile) -> tuple[FileRead, ...]:
    """The files the file read besides itself: its article text, if it names one, and its tables (read or
    not: one that could not be read keeps the file out of the cache)."""
    article = claims_file.article
    text = article.text if article is not None else None
    found = [] if text is None else [FileRead(text, claims_file.article_text)]
    found.extend(
        FileRead(relative, sha256=claims_file.digests.get(relative))
        for relative in claims_file.inputs
        if relative != text
    )
    return tuple(found)


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
