"""Results for the report-format tests: a file with one claim of each verdict, and hostile user text."""

from __future__ import annotations

from pathlib import Path

from factcheck.check.pipeline import check_file
from factcheck.errors import ClaimsFileError
from factcheck.model.claims import ClaimsFile, Gap, Location
from factcheck.model.results import FileResult, Outcome
from factcheck.model.verdicts import Verdict

DATA = Path(__file__).resolve().parent / "data"
MIXED = DATA / "mixed-verdicts.toml"  # not *.claims.toml, so the pytest plugin never collects it

#: What tests/data/mixed-verdicts.toml holds: claim id -> verdict.
MIXED_VERDICTS = {
    "pupils-now": "supported",
    "pupils-up": "supported",
    "pupils-more": "contradicted",
    "places-loose": "loose",
    "staff-count": "error",
    "staff-unsourced": "unchecked",
}

#: Text that breaks every format that does not escape: markup, quotes, separators, control characters.
HOSTILE = "a<b>&\"c' %25 ,: | `x` *y* @team $x$ ::error::boom\r\n::warning::two\x1b[31m\x00"


def mixed() -> FileResult:
    return check_file(MIXED)


def unreadable(path: str = "broken.claims.toml") -> FileResult:
    return FileResult(path, errors=(ClaimsFileError("not valid TOML: Expected ']'", path=path, line=2),))


def hostile(path: str = "dir, with: colon/100% <x>.claims.toml") -> FileResult:
    """A result whose every piece of user text is HOSTILE, with a contradicted, a loose and an error claim."""
    outcomes = tuple(
        Outcome(
            id=f"{verdict.value}-{HOSTILE}",
            kind="value",
            verdict=verdict,
            explanation=f"why: {HOSTILE}",
            stated=HOSTILE,
            location=Location(path, line),
        )
        for verdict, line in (
            (Verdict.CONTRADICTED, 7),
            (Verdict.LOOSE, 9),
            (Verdict.ERROR, 11),
            (Verdict.SUPPORTED, 13),
        )
    )
    gaps = (Gap(f"gap: {HOSTILE}", Location(path, 15)),)
    return FileResult(path, outcomes, gaps=gaps, claims_file=ClaimsFile(path, None))


def claim_line(claim_id: str, path: Path = MIXED) -> int:
    """The line of the `[[sentences.claims]]` header of a claim, found by reading the file."""
    lines = path.read_text(encoding="utf-8").splitlines()
    at = lines.index(f'  id = "{claim_id}"')
    return max(i for i in range(at) if lines[i].strip() == "[[sentences.claims]]") + 1


def gap_line(path: Path = MIXED) -> int:
    """The line of the `[[sentences]]` header of the mixed file's sentence with no claim and no check."""
    lines = path.read_text(encoding="utf-8").splitlines()
    return lines.index('text = "There were 12 schools."')
