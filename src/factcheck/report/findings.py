"""What needs a look, in one flat list: the shared input of the CI report formats.

A finding is anything that does not simply pass (`factcheck.model.verdicts.standing`, the rule the exit
status follows): a file that cannot be read or has a problem of its own, a claim that is
contradicted, in error, a draft, loose or left unchecked, or a coverage gap, each with its file
and line. Supported claims and sentences with a `check` are not findings.
"""

from __future__ import annotations

import enum
import re
from collections.abc import Sequence
from typing import TYPE_CHECKING, NamedTuple

from factcheck.model.verdicts import Standing, Verdict
from factcheck.report.text import one_line

if TYPE_CHECKING:
    from factcheck.model.results import FileResult, Outcome

__all__ = ["Finding", "Level", "findings"]


class Level(enum.Enum):
    """How bad a finding is; the order is the order of a report."""

    CONTRADICTED = "contradicted"
    ERROR = "error"
    DRAFT = "draft"
    LOOSE = "loose"
    UNCHECKED = "unchecked"
    GAP = "gap"

    @property
    def standing(self) -> Standing:
        return _STANDING[self]

    @property
    def fails(self) -> bool:
        """Whether it fails `factcheck check` without --strict (with it, every finding fails)."""
        return self.standing.exit_status() > 0


class Finding(NamedTuple):
    """One thing that needs a look. A NamedTuple, not an attrs record: the GitHub format's module, which
    makes these, is loaded by a run answered from the cache (for its closing line), which should not pay
    for importing attrs."""

    level: Level
    path: str
    line: int | None
    message: str  # one line, as written by the library (not yet escaped for any format)
    claim_id: str | None = None
    kind: str | None = None
    gross: bool = False
    stated: str = ""
    #: a contradicted claim's usual slips that reproduce its words ("matches if read as percentage points")
    diagnoses: tuple[str, ...] = ()
    #: the figures a diagnosis puts in place of the claim's own, with the line each is defined on
    related: tuple[tuple[str, int], ...] = ()
    version: str | None = None  # a template's version (one story, every area): its row

    @property
    def title(self) -> str:
        """A short heading: "contradicted (gross): claim wm-rate" (and "[Eastfold]" for a template's version)."""
        label = self.level.value + (" (gross)" if self.gross else "")
        if self.claim_id is not None:
            title = f"{label}: claim {one_line(self.claim_id)}"
        else:
            title = "coverage gap" if self.level is Level.GAP else f"{label}: claims file"
        return title if self.version is None else f"{title} [{one_line(self.version)}]"


_STANDING = {
    Level.CONTRADICTED: Standing.FAILS,
    Level.ERROR: Standing.ERROR,
    Level.DRAFT: Standing.FAILS,
    Level.LOOSE: Standing.WARNS,
    Level.UNCHECKED: Standing.WARNS,
    Level.GAP: Standing.WARNS,
}
_LEVEL_OF = {
    Verdict.CONTRADICTED: Level.CONTRADICTED,
    Verdict.ERROR: Level.ERROR,
    Verdict.LOOSE: Level.LOOSE,
    Verdict.UNCHECKED: Level.UNCHECKED,
}


def findings(results: Sequence[FileResult]) -> list[Finding]:
    """Every finding, file by file in the order given, each file's in the order of its lines."""
    found: list[Finding] = []
    for result in results:
        found.extend(
            Finding(
                Level.ERROR,
                result.path,
                error.line,
                one_line(_error_text(error)),
                claim_id=error.claim_id,
                version=result.version,
            )
            for error in result.errors
        )
        for outcome in result.outcomes:
            if outcome.standing is Standing.PASSES:
                continue
            level = Level.DRAFT if outcome.draft else _LEVEL_OF[outcome.verdict]
            found.append(
                Finding(
                    level,
                    result.path,
                    outcome.location.line,
                    one_line(outcome.explanation),
                    claim_id=outcome.id,
                    kind=outcome.kind,
                    gross=outcome.gross,
                    stated=one_line(outcome.stated),
                    diagnoses=tuple(one_line(d) for d in outcome.diagnoses),
                    related=_related(result, outcome) if outcome.diagnoses else (),
                    version=result.version,
                )
            )
        found.extend(
            Finding(Level.GAP, result.path, gap.location.line, one_line(gap.message), version=result.version)
            for gap in result.gaps
        )
    return found


#: A figure's name, as a claims file may write it (letters, digits, '_' and '-').
_NAME = re.compile(r"[A-Za-z0-9_-]+")


def _related(result: FileResult, outcome: Outcome) -> tuple[tuple[str, int], ...]:
    """The figures the diagnoses name that the claim does not use (the figure it should perhaps have used),
    each with the line it is defined on, in the order the diagnoses name them."""
    claims_file = result.claims_file
    if claims_file is None:
        return ()
    found: dict[str, int] = {}
    for diagnosis in outcome.diagnoses:
        for name in _NAME.findall(diagnosis):
            figure = claims_file.figures.get(name)
            if figure is None or name in outcome.figures or name in found or not figure.location.line:
                continue
            found[name] = figure.location.line
    return tuple(found.items())


def _error_text(error: Exception) -> str:
    """A file's error without the file:line prefix (every format puts the place where it belongs)."""
    message = getattr(error, "message", None)
    if not isinstance(message, str):
        return str(error)
    field = getattr(error, "field", None)
    return f"{message} (field {field!r})" if field and repr(field) not in message else message
