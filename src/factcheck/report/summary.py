"""The totals a report ends with, added up file by file, and the closing lines made from them.

Kept apart from the renderers, with nothing but the standard library, so a run whose report parts
all come from the cache can write its summary without loading the verifier.

The summary is honest about everything that decides the exit status, not only the verdict
counts: files that could not be read, problems of a claims file itself (not of one claim), draft
claims still to fill in, and claims left unchecked (which `--strict` fails). Each of these is
mentioned only when there is one, so a run with nothing wrong reads as it always has.
"""

from __future__ import annotations

from typing import Final, NamedTuple

from factcheck.report.jsontext import dumps
from factcheck.model.verdicts import Verdict

__all__ = ["FileTally", "Totals", "github_summary_line", "json_tail", "summary_lines"]

_VERDICTS: Final = len(Verdict)


class FileTally(NamedTuple):
    """What one file adds to the summary. A NamedTuple: it is part of a cache entry, and a run answered
    from the cache should not pay for importing attrs."""

    counts: tuple[int, ...]  # per Verdict, in its order
    gaps: int
    readable: bool
    problems: int  # problems of the file itself, not of one claim (a file that could not be read has one)
    drafts: int  # claims whose inputs are still placeholders
    unchecked: int  # claims (not sentences with a `check`) left unchecked, drafts aside
    article_only: int  # claims resting only on the article's own or unsourced figures
    status: int
    strict_status: int


class Totals:
    """The running totals over the files reported so far."""

    def __init__(self) -> None:
        self.files = 0
        self.counts = [0] * _VERDICTS
        self.gaps = 0
        self.unread = 0
        self.problems = 0  # of files that were read; a file that could not be read is counted in `unread`
        self.drafts = 0
        self.unchecked = 0
        self.article_only = 0
        self.status: int | None = None
        self.strict_status: int | None = None

    def add(self, tally: FileTally) -> None:
        self.files += 1
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
        return {verdict.value: n for verdict, n in zip(Verdict, self.counts, strict=True)}

    def exit_status(self, *, strict: bool = False) -> int:
        """As `FileResult.exit_status`, over all files; 2 when there were none."""
        status = self.strict_status if strict else self.status
        return 2 if status is None else status

    def problem_counts(self) -> dict[str, int]:
        """What fails the run besides the verdict counts, by name, for the JSON report; only those there are."""
        found = {"unreadable_files": self.unread, "file_problems": self.problems, "drafts": self.drafts}
        return {name: n for name, n in found.items() if n}

    def notes(self) -> list[str]:
        """The summary's words for what the verdict counts do not show (each only when there is one)."""
        notes = []
        if self.unread:
            notes.append(f"{_plural(self.unread, 'file')} could not be read")
        if self.problems:
            notes.append(f"{_plural(self.problems, 'file-level problem')}")
        if self.drafts:
            notes.append(f"{_plural(self.drafts, 'draft claim')} to fill in")
        if self.unchecked:
            notes.append(f"{_plural(self.unchecked, 'unchecked claim')} (--strict fails "
                         f"{'it' if self.unchecked == 1 else 'them'})")
        return notes


def _plural(count: int, word: str) -> str:
    return f"{count} {word}{'' if count == 1 else 's'}"


def _files_and_counts(totals: Totals) -> str:
    """ "2 files: 10 supported, 0 loose, …": the start of every summary."""
    return f"{_plural(totals.files, 'file')}: " + ", ".join(f"{n} {v}" for v, n in totals.count_dict().items())


def summary_lines(totals: Totals) -> list[str]:
    """The closing lines: the verdict counts of all files, what else fails the run, and the basis warning."""
    gaps = f", {_plural(totals.gaps, 'coverage gap')}" if totals.gaps else ""
    lines = ["; ".join([_files_and_counts(totals) + gaps, *totals.notes()])]
    if totals.article_only:
        lines.append(f"{totals.article_only} claim{'s rest' if totals.article_only != 1 else ' rests'} only on the "
                     "article's own or unsourced figures (basis: article / unsourced): checked for consistency, "
                     "not against the official tables.")
    return lines


def github_summary_line(totals: Totals) -> str:
    """The last line of the GitHub annotations: a plain log line, which never starts with "::" and so
    cannot be mistaken for a workflow command."""
    return "; ".join([f"factcheck: {_files_and_counts(totals)}, {_plural(totals.gaps, 'coverage gap')}",
                      *totals.notes()])


def json_tail(totals: Totals) -> str:
    """The end of the streamed JSON report after the `files` array: the summary (and the problems, when
    there are any), byte for byte as `render_json` writes them for the whole document."""
    tail = ',\n "summary": ' + dumps(totals.count_dict(), indent=1).replace("\n", "\n ")
    problems = totals.problem_counts()
    if problems:
        tail += ',\n "problems": ' + dumps(problems, indent=1).replace("\n", "\n ")
    return tail + "\n}\n"
