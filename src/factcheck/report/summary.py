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

from typing import TYPE_CHECKING, Final

if TYPE_CHECKING:
    from factcheck.model.verdicts import Totals

__all__ = ["counted", "github_summary_line", "notes", "summary_lines", "verdict_count", "verdict_word"]


def notes(totals: Totals) -> list[str]:
    """The summary's words for what the verdict counts do not show (each only when there is one)."""
    found = []
    if totals.unread:
        found.append(f"{counted(totals.unread, 'file')} could not be read")
    if totals.problems:
        found.append(f"{counted(totals.problems, 'file-level problem')}")
    if totals.drafts:
        found.append(f"{counted(totals.drafts, 'draft claim')} to fill in")
    if totals.unchecked:
        found.append(
            f"{counted(totals.unchecked, 'unchecked claim')} (--strict fails "
            f"{'it' if totals.unchecked == 1 else 'them'})"
        )
    return found


def counted(count: int, word: str, plural: str | None = None) -> str:
    """ "1 file", "2 files", "0 files": every count the command prints reads as English does.

    `plural` for a word that does not take an "s" ("1 claim rests", "2 claims rest" are two calls).
    """
    return f"{count} {word if count == 1 else plural or word + 's'}"


#: The verdicts (and the HTML page's "draft") that are nouns, and so take a plural ("2 errors"); the others are
#: adjectives ("2 supported").
_NOUN_VERDICTS: Final = frozenset({"error", "draft"})


def verdict_word(count: int, verdict: str) -> str:
    """The verdict's word after a count: "supported" whatever the count, "error" for one, "errors" for more."""
    return verdict + "s" if count != 1 and verdict in _NOUN_VERDICTS else verdict


def verdict_count(count: int, verdict: str) -> str:
    """ "3 supported", "1 error", "2 errors": a verdict's count in a summary."""
    return f"{count} {verdict_word(count, verdict)}"


def _files_and_counts(totals: Totals) -> str:
    """The start of every summary: "2 files: 10 supported, 0 loose, …"; a template's versions are named as such
    ("1 file and 5 template versions: …")."""
    files = totals.files - totals.versions
    checked = [counted(files, "file")] if files or not totals.versions else []
    if totals.versions:
        checked.append(counted(totals.versions, "template version"))
    return " and ".join(checked) + ": " + ", ".join(verdict_count(n, v) for v, n in totals.count_dict().items())


def summary_lines(totals: Totals) -> list[str]:
    """The closing lines: the verdict counts of all files, what else fails the run, and the basis warning."""
    gaps = f", {counted(totals.gaps, 'coverage gap')}" if totals.gaps else ""
    lines = ["; ".join([_files_and_counts(totals) + gaps, *notes(totals)])]
    if totals.article_only:
        rest = "rests" if totals.article_only == 1 else "rest"
        lines.append(
            f"{counted(totals.article_only, 'claim')} {rest} only on the "
            "article's own or unsourced figures (basis: article / unsourced): checked for consistency, "
            "not against the official tables."
        )
    return lines


def github_summary_line(totals: Totals) -> str:
    """The last line of the GitHub annotations: a plain log line, which never starts with "::" and so
    cannot be mistaken for a workflow command."""
    return "; ".join(
        [f"factcheck: {_files_and_counts(totals)}, {counted(totals.gaps, 'coverage gap')}", *notes(totals)]
    )
