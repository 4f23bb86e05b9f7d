"""The terminal report: a line per claim, problems with their places, and a summary.

A streamed format (`factcheck.report.formats`): each file's part as it is checked, then the summary.

User text never shapes the report: it stays on its line (`one_line`), control and bidirectional
characters are shown as escapes, and no line can begin with what a CI runner reads as a
workflow command (`shown_path`, `safe_lines`), such as a file named `::error title=…::`.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Final

from factcheck.model.verdicts import Verdict
from factcheck.report.summary import summary_lines

if TYPE_CHECKING:
    from collections.abc import Sequence

    from factcheck.model.claims import Gap
    from factcheck.model.results import FileResult, Outcome
    from factcheck.model.verdicts import Totals

__all__ = [
    "OPENING",
    "closing",
    "error_line",
    "file_lines",
    "gap_line",
    "internal_error_line",
    "matrix_lines",
    "one_line",
    "outcome_lines",
    "part",
    "parts",
    "safe_lines",
    "separator",
    "shown_path",
    "visible",
]

_MARK: Final = {
    Verdict.SUPPORTED: ("✓", "32"),
    Verdict.LOOSE: ("~", "33"),
    Verdict.CONTRADICTED: ("✗", "31"),
    Verdict.UNCHECKED: ("·", "2"),
    Verdict.ERROR: ("!", "35"),
}


#: Each verdict's head, its label padded as a line shows it: (plain, gross, colour code); made once, not per line.
_HEADS: Final = {
    verdict: (f"{mark} {verdict.value:<20}", f"{mark} {verdict.value + ' (gross)':<20}", code)
    for verdict, (mark, code) in _MARK.items()
}


def _paint(text: str, code: str, colour: bool) -> str:
    return f"\033[{code}m{text}\033[0m" if colour else text


#: What a CI runner reads as a command at the start of a line, after any blanks: GitHub Actions'
#: `::name …::` and `##[name]`, Azure Pipelines' `##vso[…]`, TeamCity's `##teamcity[…]`.
_COMMAND: Final = re.compile(r"(?:::|##\w*\[)")


def internal_error_line(path: str, doing: str, exc: BaseException) -> str:
    """What a command says on standard error for a bug met while `doing` something to the file at `path`:
    a message to report, never a traceback (a hostile file must not make one)."""
    return (
        f"factcheck: {one_line(path)}: internal error while {doing} "
        f"({type(exc).__name__}: {one_line(str(exc))[:300]}); please report it\n"
    )


def one_line(text: str) -> str:
    """User text on one line, with control characters (escape sequences) made visible (`\\x1b`), so that
    a report line stays one line and cannot carry terminal escape sequences. Bidirectional-text
    controls (U+202E) and the stand-ins for a file name's undecodable bytes are shown the same way."""
    if text.isprintable() and "  " not in text and text[:1] != " " and text[-1:] != " ":
        return text  # printable, its one blank is " ", never doubled nor at an end: already one line (most lines)
    folded = " ".join(text.split())
    if folded.isprintable():
        return folded
    return "".join(ch if ch.isprintable() else repr(ch)[1:-1] for ch in folded)


def visible(text: str) -> str:
    """As `one_line`, but keeping the line breaks and blanks: for a block of several lines."""
    if text.isprintable():
        return text
    return "".join(ch if ch.isprintable() or ch == "\n" else repr(ch)[1:-1] for ch in text)


def shown_path(path: str) -> str:
    """A path as a line of the report begins with it: `one_line`, and never the start of a CI workflow
    command (a file named `::error title=…` is shown as `./::error title=…`, the same file)."""
    shown = one_line(path)
    return "./" + shown if _COMMAND.match(shown) else shown


def safe_lines(text: str) -> str:
    """Text whose lines may begin with user text, each made unable to begin a CI workflow command: a `\\`
    goes before a leading `::` or `##…[` (after the line's blanks, which runners skip)."""
    if "::" not in text and "##" not in text:
        return text
    return "\n".join(_safe_line(line) for line in text.split("\n"))


def _safe_line(line: str) -> str:
    body = line.lstrip()
    return line[: len(line) - len(body)] + "\\" + body if _COMMAND.match(body) else line


def _line(outcome: Outcome, colour: bool) -> str:
    """ "✓ supported   s2-value, line 22: 48,210 = 48,210, as stated  [basis: official]"."""
    plain, gross, code = _HEADS[outcome.verdict]
    where = f", line {outcome.location.line}" if outcome.location.line else ""
    basis = f"  [basis: {outcome.basis.value}]" if outcome.basis is not None else ""
    head = _paint(gross if outcome.gross else plain, code, colour)
    return f"  {head} {one_line(outcome.id)}{where}: {one_line(outcome.explanation)}{basis}"


def outcome_lines(outcome: Outcome, colour: bool = False) -> list[str]:
    """A claim's line in the report, a line for each usual slip that would explain it, and the period rule's
    note (a flag already leads the explanation)."""
    lines = [_line(outcome, colour)]
    if outcome.diagnoses:  # most claims have none: no generator for them
        lines.extend(f"      ↳ {one_line(diagnosis)}" for diagnosis in outcome.diagnoses)
    if outcome.period and not outcome.explanation.startswith(outcome.period):
        lines.append(f"      ↳ {one_line(outcome.period)}")
    return lines


#: A streamed format (`factcheck.report.formats`): nothing before the first file, nothing between files.
OPENING: Final = ""


def separator(index: int) -> str:
    """Nothing: each file's part ends with an empty line."""
    return ""


def part(result: FileResult, colour: bool = False) -> str:
    """One file's lines, ending with an empty line."""
    return "\n".join(file_lines(result, colour)) + "\n"


def parts(results: Sequence[FileResult], colour: bool = False) -> list[str]:
    """The parts of a template's versions: each version's lines, the last followed by the table of
    versions × claims (`matrix_lines`)."""
    found = [part(result, colour) for result in results]
    if found:
        found[-1] += "\n".join(matrix_lines(results, colour)) + "\n"
    return found


#: The mark of a version with a problem of its own (its text does not match the template, say).
_PROBLEM: Final = "!"
#: The most characters of a version's name the table shows.
_NAME_WIDTH: Final = 28
#: The most characters of a version's problem the table shows (the version's own lines say it all).
_NOTE_WIDTH: Final = 70


def matrix_lines(results: Sequence[FileResult], colour: bool = False) -> list[str]:
    """A template's versions × claims: a line per version (those that fail on top, then in order), a
    mark per claim (✓ ~ ✗ · !), and what fails it; the claims numbered, their ids listed under the table.

    Compact for forty versions of twenty claims: two characters a claim, a version's name cut to
    `_NAME_WIDTH` characters, the problem of a version that could not be checked on its own line.
    """
    ids: list[str] = []
    for result in results:
        for outcome in result.outcomes:
            if outcome.is_claim and outcome.id not in ids:
                ids.append(outcome.id)
    width = len(str(len(ids))) if ids else 1
    names = [_cut_name(one_line(result.version or result.path)) for result in results]
    name_width = max((len(name) for name in names), default=0)
    order = sorted(range(len(results)), key=lambda index: -results[index].exit_status())  # the worst on top
    failing = sum(1 for result in results if result.exit_status() != 0)
    head = f"{len(results)} version{'' if len(results) == 1 else 's'} × {len(ids)} claim{'' if len(ids) == 1 else 's'}"
    if failing:
        head += f", {failing} failing"
    lines = [_paint(shown_path(results[0].path), "1", colour) + f" — {head}"]
    lines.append("  " + " " * name_width + "  " + " ".join(f"{number:>{width}}" for number in range(1, len(ids) + 1)))
    for index in order:
        result = results[index]
        marks = {outcome.id: outcome for outcome in result.outcomes if outcome.is_claim}
        cells = []
        for claim in ids:
            found = marks.get(claim)
            if found is None:
                cells.append(" " * (width - 1) + _paint(_PROBLEM if result.errors else " ", "35", colour))
            else:
                mark, code = _MARK[found.verdict]
                cells.append(" " * (width - 1) + _paint(mark, code, colour))
        line = f"  {names[index]:<{name_width}}  " + " ".join(cells)
        note = _failing(result)
        lines.append((line + ("  " + note if note else "")).rstrip())
    listed = [f"{number} {one_line(claim)}" for number, claim in enumerate(ids, start=1)]
    lines.extend("  claims: " + ", ".join(listed[start : start + 8]) for start in range(0, len(listed), 8))
    lines.append("")
    return lines


def _cut_name(name: str) -> str:
    return name if len(name) <= _NAME_WIDTH else name[: _NAME_WIDTH - 1] + "…"


def _failing(result: FileResult) -> str:
    """What fails a version, in a few words: its problem, or its verdicts other than supported."""
    if result.errors:
        message = one_line(result.errors[0].message)
        return f"{_PROBLEM} {message if len(message) <= _NOTE_WIDTH else message[: _NOTE_WIDTH - 1] + '…'}"
    counts = dict.fromkeys(Verdict, 0)
    for outcome in result.outcomes:
        if outcome.is_claim:
            counts[outcome.verdict] += 1
    shown = [
        f"{counts[verdict]} {verdict.value}"
        for verdict in (Verdict.ERROR, Verdict.CONTRADICTED, Verdict.LOOSE, Verdict.UNCHECKED)
        if counts[verdict]
    ]
    return ", ".join(shown)


def closing(totals: Totals) -> str:
    """The summary: the verdict counts of all files, what else fails the run, and the basis warning."""
    return "\n".join(summary_lines(totals)) + "\n"


def file_lines(result: FileResult, colour: bool = False) -> list[str]:
    """The report's lines for one file, ending with an empty line."""
    lines: list[str] = []
    title = ""
    if result.claims_file is not None and result.claims_file.article is not None:
        title = f" — {one_line(result.claims_file.article.title)}"
    lines.append(_paint(shown_path(result.shown), "1", colour) + title)
    lines.extend(error_line(error, colour) for error in result.errors)
    for outcome in result.outcomes:
        lines.extend(outcome_lines(outcome, colour))
    lines.extend(gap_line(result.path, gap, colour) for gap in result.gaps)
    lines.append("")
    return lines


def error_line(error: Exception, colour: bool = False) -> str:
    """A problem of the file itself (not of one claim): "! error claims/x.claims.toml:12, field 'text': …"."""
    return "  " + _paint("! error", "35", colour) + " " + one_line(str(error))


def gap_line(path: str, gap: Gap, colour: bool = False) -> str:
    """A sentence the file does not account for, at `path:line` (the form editors and terminals open)."""
    where = f":{gap.location.line}" if gap.location.line else ""
    return "  " + _paint("? gap", "33", colour) + f" {one_line(path)}{where}: {one_line(gap.message)}"
