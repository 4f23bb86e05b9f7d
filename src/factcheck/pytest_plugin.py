"""pytest plugin: `pytest claims/` collects every `*.claims.toml` and runs one test item per claim.

Registered through the `pytest11` entry point, so installing factcheck is enough; `-p no:factcheck`
turns it off. The plugin stays cheap for test runs that have no claims files: this module imports
only pytest, the standard library and factcheck's errors (standard library only), and the library
is imported inside the hooks that need it.

- A claim is an item named by its id (`claims/x.claims.toml::wm-rate`), so `-k`, `-x` and
  `--junitxml` work as they do for any test.
- What passes and what fails is `factcheck.model.verdicts.standing`'s rule, the one `factcheck check`
  follows, so the two never disagree: `supported` passes; `contradicted`, `error` and a draft claim
  (inputs still "?") fail with the explanation, the stated and the recomputed values, and the
  claim's file:line; `loose` passes with a `LooseClaimWarning`, and a claim left unchecked (no
  inputs, or words that state no relation) is skipped; both fail with `--factcheck-strict`, as
  `factcheck check --strict` fails them.
- A sentence that states a number but has neither a claim nor a `check` (a coverage gap) is an
  item too, named `sentence-N-gap`, and is treated like a loose claim.
- A file that cannot be read, or whose problems are not confined to one claim (an unknown key at
  the top, sentences that do not match the article text), is a collection error: it never passes.
"""

from __future__ import annotations

import functools
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest

from factcheck.errors import ClaimFailedError

if TYPE_CHECKING:  # pragma: no cover
    from _pytest._code.code import ExceptionInfo, TerminalRepr

    from factcheck.model.claims import ClaimsFile, Gap
    from factcheck.model.results import FileResult, Outcome

__all__ = [
    "SUFFIX",
    "ClaimItem",
    "ClaimsTomlFile",
    "GapItem",
    "LooseClaimWarning",
    "VersionNode",
    "pytest_addoption",
    "pytest_collect_file",
]

SUFFIX = ".claims.toml"


class LooseClaimWarning(UserWarning):
    """A claim that is true as worded but looser than its words imply, or a coverage gap."""


def pytest_addoption(parser: pytest.Parser) -> None:
    group = parser.getgroup("factcheck", "factcheck claims files (*.claims.toml)")
    group.addoption(
        "--factcheck-strict",
        action="store_true",
        default=False,
        help="loose claims, unchecked claims and coverage gaps fail (as `factcheck check --strict` fails them)",
    )


def pytest_collect_file(file_path: Path, parent: pytest.Collector) -> ClaimsTomlFile | None:
    if file_path.name.endswith(SUFFIX) and len(file_path.name) > len(SUFFIX):
        return ClaimsTomlFile.from_parent(parent, path=file_path)
    return None


def _shown_path(node: pytest.Collector | pytest.Item) -> str:
    """The file as the user knows it: relative to the rootdir (or the current folder) when inside it."""
    path = node.path
    for base in (node.config.rootpath, Path.cwd()):
        try:
            return str(path.relative_to(base))
        except ValueError:
            continue
    return str(path)


class _Claims:
    """A node that holds one claims file's items: a claims file, or one version of a template."""

    claims_file: ClaimsFile
    version: str | None = None

    def claim_items(self, shown: str) -> Iterator[pytest.Item]:
        """The claims file's items, or a collection error naming its own problems."""
        assert isinstance(self, pytest.Collector)
        claims_file = self.claims_file
        # Problems that belong to one claim fail that claim's item; any other problem is the file's own.
        in_claims = {id(p) for claim in claims_file.claims() for p in getattr(claim, "problems", ())}
        own = [p for p in claims_file.problems if id(p) not in in_claims]
        if own:
            listed = "\n".join(f"  {problem.at(shown)}" for problem in own)
            from factcheck.report.summary import counted

            raise self.CollectError(_safe(f"{shown}: this claims file has {counted(len(own), 'problem')}\n{listed}"))
        for sentence in claims_file.sentences:
            for claim in sentence.claims:
                yield ClaimItem.from_parent(self, name=claim.id, line=claim.location.line)
        for gap in claims_file.gaps:
            yield GapItem.from_parent(self, name=_gap_name(gap), gap=gap)

    @functools.cached_property
    def result(self) -> FileResult:
        from factcheck.check.pipeline import verify_file

        return verify_file(self.claims_file)

    def outcome(self, claim_id: str) -> Outcome:
        for outcome in self.result.outcomes:
            if outcome.id == claim_id and outcome.is_claim:
                return outcome
        msg = f"no outcome for claim {claim_id!r}"  # the verifier gives every claim one
        raise LookupError(msg)


class ClaimsTomlFile(_Claims, pytest.File):
    """A claims file: loaded when collected, verified (once, for all its claims) when first run.

    A template (one story, every area) holds a `VersionNode` per version, each with its own items:
    `x.claims.toml::Westmarch::rso`.
    """

    def collect(self) -> Iterator[pytest.Item | pytest.Collector]:
        from factcheck.errors import ClaimsFileError
        from factcheck.load.dispatch import load_claims  # keep the plugin light
        from factcheck.load.template import TemplateFile

        shown = _shown_path(self)
        try:
            loaded = load_claims(self.path)
        except ClaimsFileError as exc:  # told with the path as the user knows it: a new error, this one unchanged
            raise self.CollectError(_safe(f"{shown}: cannot read this claims file\n  {exc.at(shown)}")) from None
        if isinstance(loaded, TemplateFile):
            if loaded.problems:
                from factcheck.report.summary import counted

                listed = "\n".join(f"  {problem.at(shown)}" for problem in loaded.problems)
                raise self.CollectError(
                    _safe(f"{shown}: this template has {counted(len(loaded.problems), 'problem')}\n{listed}")
                )
            for version in loaded.versions:
                node = VersionNode.from_parent(self, name=version.name)
                node.claims_file = version.claims_file
                node.version = version.name
                yield node
            return
        self.claims_file = loaded
        yield from self.claim_items(shown)


class VersionNode(_Claims, pytest.Collector):
    """One version of a template: its claims' items, checked as a claims file of its own."""

    def collect(self) -> Iterator[pytest.Item]:
        yield from self.claim_items(f"{_shown_path(self)} [{self.name}]")


def _gap_name(gap: Gap) -> str:
    import re

    found = re.match(r"sentence (\d+)", gap.message)
    return f"sentence-{found.group(1)}-gap" if found else f"gap-line-{gap.location.line}"


class _FactcheckItem(pytest.Item):
    line: int | None

    @property
    def claims_parent(self) -> ClaimsTomlFile | VersionNode:
        assert isinstance(self.parent, ClaimsTomlFile | VersionNode)
        return self.parent

    @property
    def strict(self) -> bool:
        return bool(self.config.getoption("factcheck_strict"))

    def where(self) -> str:
        shown = _shown_path(self)
        where = f"{shown}:{self.line}" if self.line else shown
        version = self.claims_parent.version
        return where if version is None else f"{where} [{version}]"  # a version: the template's line, and which

    def reportinfo(self) -> tuple[Path, int | None, str]:
        return self.path, None if self.line is None else self.line - 1, self.headline()

    def headline(self) -> str:
        raise NotImplementedError

    def of_version(self) -> str:
        """For an item of a template's version: the version, as reports show it after the path."""
        version = self.claims_parent.version
        return "" if version is None else f" [{version}]"

    def repr_failure(self, excinfo: ExceptionInfo[BaseException], style: Any = None) -> str | TerminalRepr:
        if isinstance(excinfo.value, ClaimFailedError):
            return _safe(str(excinfo.value))
        return super().repr_failure(excinfo, style=style)

    def _loose(self, message: str) -> None:
        """Fail under --factcheck-strict; otherwise warn, at the claims file's line."""
        if self.strict:
            raise ClaimFailedError(f"{self.where()}: {message}\n  (fails because of --factcheck-strict)")
        self.warn(LooseClaimWarning(_safe(message)))


class ClaimItem(_FactcheckItem):
    """One claim: passes when its verdict is supported, see the module's docstring for the rest."""

    def __init__(self, *, line: int | None = None, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.line = line

    def headline(self) -> str:
        return f"claim {self.name}{self.of_version()}"

    def runtest(self) -> None:
        from factcheck.model.verdicts import Standing, Verdict

        outcome = self.claims_parent.outcome(self.name)
        self.user_properties.append(("verdict", outcome.verdict.value + (" (gross)" if outcome.gross else "")))
        standing = outcome.standing
        if standing is Standing.PASSES:
            return
        if standing is Standing.WARNS and outcome.verdict is Verdict.UNCHECKED:
            message = f"claim {self.name!r} unchecked: {_one_line(outcome.explanation)}"
            if self.strict:
                raise ClaimFailedError(f"{self.where()}: {message}\n  (fails because of --factcheck-strict)")
            pytest.skip(_safe(f"{self.where()}: {message}"))
        report = _describe(outcome)
        if standing is Standing.WARNS:
            self._loose(report)
            return
        raise ClaimFailedError(f"{self.where()}: {report}")


class GapItem(_FactcheckItem):
    """A sentence that states a number but has no claim and no `check`."""

    def __init__(self, *, gap: Gap, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.gap = gap
        self.line = gap.location.line

    def headline(self) -> str:
        return f"coverage gap {self.name}{self.of_version()}"

    def runtest(self) -> None:
        self._loose(f"coverage gap: {_one_line(self.gap.message)}")


def _safe(text: str) -> str:
    """A message pytest prints line by line: control and bidirectional characters made visible, and no line
    beginning with what a CI runner reads as a workflow command (a file named `::error …`)."""
    from factcheck.report.text import safe_lines, visible  # the library is imported late

    return safe_lines(visible(text))


def _one_line(text: str) -> str:
    """User text on one line, with control characters made visible (the reports' own rule)."""
    from factcheck.report.text import one_line  # the library is imported late

    return one_line(text)


def _describe(outcome: Outcome) -> str:
    from factcheck.numbers.display import show_interval

    verdict = "a draft" if outcome.draft else outcome.verdict.value + (" (gross)" if outcome.gross else "")
    lines = [f"claim {_one_line(outcome.id)!r} ({outcome.kind}) is {verdict}"]
    if outcome.stated:
        allowed = f"  -> {show_interval(outcome.interval)}" if outcome.interval is not None else ""
        lines.append(f"  stated:     {_one_line(outcome.stated)!r}{allowed}")
    if outcome.computed is not None:
        lines.append(f"  recomputed: {show_interval(outcome.computed)}")
    lines.append(f"  {_one_line(outcome.explanation)}")
    lines.extend(f"  ↳ {_one_line(diagnosis)}" for diagnosis in outcome.diagnoses)  # the slips that fit the words
    if outcome.basis is not None:
        lines.append(f"  basis: {outcome.basis.value}")
    return "\n".join(lines)
