"""The closing lines of the streamed reports (text, GitHub annotations), from totals alone.

Kept apart from the renderers, with nothing but the standard library, so a run whose report parts
all come from the cache can write its summary without loading the verifier.
"""

from __future__ import annotations

__all__ = ["github_summary_line", "summary_lines"]


def _files_and_counts(files: int, counts: dict[str, int]) -> str:
    """ "2 files: 10 supported, 0 loose, …": the start of every summary."""
    return f"{files} file{'s' if files != 1 else ''}: " + ", ".join(f"{n} {v}" for v, n in counts.items())


def summary_lines(files: int, counts: dict[str, int], gaps: int, unread: int, article_only: int) -> list[str]:
    """The closing lines: the verdict counts of all files, and the basis warning."""
    lines = [_files_and_counts(files, counts)
             + (f", {gaps} coverage gap{'s' if gaps != 1 else ''}" if gaps else "")
             + (f"; {unread} file{'s' if unread != 1 else ''} could not be read" if unread else "")]
    if article_only:
        lines.append(f"{article_only} claim{'s rest' if article_only != 1 else ' rests'} only on the article's own "
                     "or unsourced figures (basis: article / unsourced): checked for consistency, not against "
                     "the official tables.")
    return lines


def github_summary_line(files: int, counts: dict[str, int], gaps: int) -> str:
    """The last line of the GitHub annotations: a plain log line, which never starts with "::" and so
    cannot be mistaken for a workflow command."""
    return f"factcheck: {_files_and_counts(files, counts)}, {gaps} coverage gap{'s' if gaps != 1 else ''}"
