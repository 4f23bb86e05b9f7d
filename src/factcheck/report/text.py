"""The terminal report: a line per claim, problems with their places, and a summary."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Final

from factcheck.report.summary import summary_lines
from factcheck.report.totals import article_only_count, totals_of
from factcheck.verify import FileResult, Outcome, Verdict

__all__ = ["article_only_count", "file_lines", "one_line", "render_text", "summary_lines"]

_MARK: Final = {
    Verdict.SUPPORTED: ("✓", "32"),
    Verdict.LOOSE: ("~", "33"),
    Verdict.CONTRADICTED: ("✗", "31"),
    Verdict.UNCHECKED: ("·", "2"),
    Verdict.ERROR: ("!", "35"),
}


def _paint(text: str, code: str, colour: bool) -> str:
    return f"\033[{code}m{text}\033[0m" if colour else text


def one_line(text: str) -> str:
    """User text on one line, with control characters (escape sequences) made visible (`\\x1b`), so that
    a report line stays one line and cannot carry terminal escape sequences."""
    folded = " ".join(text.split())
    if folded.isprintable():
        return folded
    return "".join(ch if ch.isprintable() else repr(ch)[1:-1] for ch in folded)


def _line(outcome: Outcome, colour: bool) -> str:
    mark, code = _MARK[outcome.verdict]
    label = outcome.verdict.value + (" (gross)" if outcome.gross else "")
    where = f":{outcome.location.line}" if outcome.location.line else ""
    basis = f"  [basis: {outcome.basis.value}]" if outcome.basis is not None else ""
    head = _paint(f"{mark} {label:<20}", code, colour)
    return f"  {head} {one_line(outcome.id)}{where}  {one_line(outcome.explanation)}{basis}"


def render_text(results: Sequence[FileResult], colour: bool = False) -> str:
    lines: list[str] = []
    for result in results:
        lines.extend(file_lines(result, colour))
    lines.extend(summary_lines(totals_of(results)))
    return "\n".join(lines) + "\n"


def file_lines(result: FileResult, colour: bool = False) -> list[str]:
    """The report's lines for one file, ending with an empty line."""
    lines: list[str] = []
    title = ""
    if result.claims_file is not None and result.claims_file.article is not None:
        title = f" — {one_line(result.claims_file.article.title)}"
    lines.append(_paint(one_line(result.path), "1", colour) + title)
    for error in result.errors:
        lines.append("  " + _paint("! error", "35", colour) + " " + one_line(str(error)))
    for outcome in result.outcomes:
        lines.append(_line(outcome, colour))
        lines.extend(f"      ↳ {one_line(diagnosis)}" for diagnosis in outcome.diagnoses)
    for gap in result.gaps:
        where = f":{gap.location.line}" if gap.location.line else ""
        lines.append("  " + _paint("? gap", "33", colour) + f" {one_line(result.path)}{where}: {one_line(gap.message)}")
    lines.append("")
    return lines
