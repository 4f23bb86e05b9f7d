"""The closing lines of a report, made from the run's totals (`factcheck.model.verdicts.Totals`).

The text report ends with them, the GitHub annotations with one line of them, the Markdown summary
takes their notes. Only the standard library is imported: a run whose report parts all come from
the cache writes its summary without loading attrs or the verifier.

The summary is honest about everything that decides the exit status, not only the verdict
counts: files that could not be read, problems of a claims file itself (not of one claim), draft
claims still to fill in, and claims left unchecked (which `--strict` fails). Each of these is
mentioned only when there is one, so a run with nothing wrong reads as it always has.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from factcheck.model.verdicts import Totals

__all__ = ["github_summary_line", "notes", "summary_lines"]


def notes(totals: Totals) -> list[str]:
    """The summary's words for what the verdict counts do not show (each only when there is one)."""
    found = []
    if totals.unread:
        found.append(f"{_plural(totals.unread, 'file')} could not be read")
    if totals.problems:
        found.append(f"{_plural(totals.problems, 'file-level problem')}")
    if totals.drafts:
        found.append(f"{_plural(totals.drafts, 'draft claim')} to fill in")
    if totals.unchecked:
        found.append(
            f"{_plural(totals.unchecked, 'unchecked claim')} (--strict fails "
            f"{'it' if totals.unchecked == 1 else 'them'})"
        )
    return found


def _plural(count: int, word: str) -> str:
    return f"{count} {word}{'' if count == 1 else 's'}"


def _files_and_counts(totals: Totals) -> str:
    """The start of every summary: "2 files: 10 supported, 0 loose, …"."""
    return f"{_plural(totals.files, 'file')}: " + ", ".join(f"{n} {v}" for v, n in totals.count_dict().items())


def summary_lines(totals: Totals) -> list[str]:
    """The closing lines: the verdict counts of all files, what else fails the run, and the basis warning."""
    gaps = f", {_plural(totals.gaps, 'coverage gap')}" if totals.gaps else ""
    lines = ["; ".join([_files_and_counts(totals) + gaps, *notes(totals)])]
    if totals.article_only:
        lines.append(
            f"{totals.article_only} claim{'s rest' if totals.article_only != 1 else ' rests'} only on the "
            "article's own or unsourced figures (basis: article / unsourced): checked for consistency, "
            "not against the official tables."
        )
    return lines


def github_summary_line(totals: Totals) -> str:
    """The last line of the GitHub annotations: a plain log line, which never starts with "::" and so
    cannot be mistaken for a workflow command."""
    return "; ".join(
        [f"factcheck: {_files_and_counts(totals)}, {_plural(totals.gaps, 'coverage gap')}", *notes(totals)]
    )
