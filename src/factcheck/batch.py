"""Checks many claims files and streams the report, in one process or in several (`-j N`).

Each file is checked and rendered on its own, into a `FileReport`: its part of the report (text,
JSON or GitHub annotations) and the few numbers the summary needs. Only those are kept, so memory
stays flat however many files there are, and with `jobs > 1` only those cross between processes.
Parts are written in the order of the input, so the report is the same, byte for byte, for any
number of jobs; it is also the same as `factcheck.report.render` gives for the whole list of results.

With a `ResultCache`, a file checked before (same bytes, same article text, same factcheck) gets
its stored part back instead of being checked again; the report is the same, byte for byte.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any, Final, NamedTuple

from factcheck.cache import CacheError, ResultCache
from factcheck.report.summary import github_summary_line, summary_lines
from factcheck.verdict import Verdict

if TYPE_CHECKING:
    from factcheck.verify import FileResult

__all__ = ["STREAMED", "FileReport", "Summary", "check_files", "report_file", "run", "stream_report"]

#: Formats written file by file; any other renderer in `factcheck.report.FORMATS` gets all results at once.
STREAMED: Final = frozenset({"text", "json", "github"})

#: Files handed to a worker process at a time: large enough to make the hand-over cheap.
_CHUNK: Final = 8


class FileReport(NamedTuple):
    """One file's part of the report, and what the summary needs from it.

    A NamedTuple rather than an attrs record: it is all a run answered from the cache builds, and
    such a run should not pay for importing attrs (a third of its start-up).
    """

    path: str
    part: str
    counts: tuple[int, ...]  # per Verdict, in its order
    gaps: int
    readable: bool
    article_only: int
    status: int
    strict_status: int


_REPORT_FIELDS: Final = frozenset(FileReport._fields)


class Summary:
    """The running totals over the files reported so far."""

    def __init__(self) -> None:
        self.files = 0
        self.counts = [0] * len(Verdict)
        self.gaps = 0
        self.unread = 0
        self.article_only = 0
        self.status: int | None = None
        self.strict_status: int | None = None

    def add(self, report: FileReport) -> None:
        self.files += 1
        self.counts = [a + b for a, b in zip(self.counts, report.counts, strict=True)]
        self.gaps += report.gaps
        self.unread += not report.readable
        self.article_only += report.article_only
        self.status = max(self.status or 0, report.status)
        self.strict_status = max(self.strict_status or 0, report.strict_status)

    def count_dict(self) -> dict[str, int]:
        return {verdict.value: n for verdict, n in zip(Verdict, self.counts, strict=True)}

    def exit_status(self, *, strict: bool = False) -> int:
        """As `FileResult.exit_status`, over all files; 2 when there were none."""
        status = self.strict_status if strict else self.status
        return 2 if status is None else status


def _json_part(result: FileResult) -> str:
    """The file's entry of the JSON report, indented as it sits in the `files` array."""
    from factcheck.report.json_report import result_to_dict  # noqa: PLC0415 - not needed on a cache hit

    return "  " + json.dumps(result_to_dict(result), ensure_ascii=False, indent=1).replace("\n", "\n  ")


def report_file(path: str, problem: str | None = None, fmt: str = "text", colour: bool = False,
                cache: ResultCache | None = None) -> FileReport:
    """Check one file (or report why it cannot be: `problem`) and render its part of the report.

    With a `cache`, a file whose bytes (and article text) were checked before by the same code is
    not checked again: its stored part is returned.
    """
    if problem is not None or cache is None:
        return _render(_result(path, problem)[0], fmt, colour)
    try:
        data = Path(path).read_bytes()
    except OSError:
        return _render(_result(path, None)[0], fmt, colour)  # the loader says why it cannot be read
    key = cache.key(path, data, fmt, colour)
    stored = _from_stored(cache.get(key, path))
    if stored is not None:  # the path is part of the key
        return stored
    result, internal_error = _result(path, None, data)
    report = _render(result, fmt, colour)
    if not internal_error:  # a bug's message is not a verdict worth keeping
        loaded = result.claims_file
        article = loaded.article.text if loaded is not None and loaded.article is not None else None
        try:
            cache.put(key, path, article, loaded.article_text if loaded is not None else None, report._asdict())
        except CacheError:
            pass  # a full disk, say: the report is still right, the next run checks this file again
    return report


def _render(result: FileResult, fmt: str, colour: bool) -> FileReport:
    from factcheck.report.text import article_only_count, file_lines  # noqa: PLC0415 - not needed on a cache hit

    if fmt == "json":
        part = _json_part(result)
    elif fmt == "github":
        from factcheck.report.github import file_commands  # noqa: PLC0415 - only for this format

        part = file_commands(result)
    else:
        part = "\n".join(file_lines(result, colour)) + "\n"
    counts = result.counts()
    return FileReport(result.path, part, tuple(counts[v.value] for v in Verdict), len(result.gaps), result.readable,
                      article_only_count(result), result.exit_status(), result.exit_status(strict=True))


def _from_stored(stored: dict[str, Any] | None) -> FileReport | None:
    """A FileReport from a cache entry's fields, or None when they are not what one holds."""
    if stored is None or set(stored) != _REPORT_FIELDS:
        return None
    counts = stored["counts"]
    if not (isinstance(counts, list) and len(counts) == len(Verdict) and all(type(n) is int for n in counts)):
        return None
    if not (isinstance(stored["path"], str) and isinstance(stored["part"], str)
            and all(type(stored[name]) is int for name in ("gaps", "article_only", "status", "strict_status"))
            and type(stored["readable"]) is bool):
        return None
    return FileReport(**{**stored, "counts": tuple(counts)})


def _result(path: str, problem: str | None, data: bytes | None = None) -> tuple[FileResult, bool]:
    """The file's result, and whether it is a bug's; a problem found before reading it, or a bug while
    checking it, is its error."""
    from factcheck.errors import ClaimsFileError  # noqa: PLC0415 - not needed on a cache hit
    from factcheck.verify import FileResult, check_file  # noqa: PLC0415

    if problem is not None:
        return FileResult(path, errors=(ClaimsFileError(problem, path=path),)), False
    try:
        return check_file(path, data), False
    except Exception as exc:  # noqa: BLE001 - a bug must not hide the other files' results
        message = f"internal error while checking this file ({type(exc).__name__}: {exc}); please report it"
        return FileResult(path, errors=(ClaimsFileError(message, path=path),)), True


def _report_star(args: tuple[str, str | None, str, bool, ResultCache | None]) -> FileReport:
    return report_file(*args)


def check_files(items: Iterable[tuple[str, str | None]], fmt: str = "text", colour: bool = False,
                jobs: int = 1, cache: ResultCache | None = None) -> Iterator[FileReport]:
    """A FileReport per (path, problem), in the input's order, using `jobs` processes."""
    tasks = ((path, problem, fmt, colour, cache) for path, problem in items)
    if jobs <= 1:
        yield from map(_report_star, tasks)
        return
    from concurrent.futures import ProcessPoolExecutor  # noqa: PLC0415 - only for -j N

    with ProcessPoolExecutor(max_workers=jobs) as pool:
        # map keeps the order of the input; it submits every task up front, but a task is only
        # five short values and a finished one only a file's part of the report.
        yield from pool.map(_report_star, tasks, chunksize=_CHUNK)


def _reporting(reports: Iterable[FileReport], progress: Callable[[int, str], object]) -> Iterator[FileReport]:
    for done, report in enumerate(reports, start=1):
        progress(done, report.path)
        yield report


def stream_report(reports: Iterable[FileReport], fmt: str, write: Callable[[str], object]) -> Summary:
    """Write the report part by part, then the summary; return the totals."""
    summary = Summary()
    if fmt == "json":
        write('{\n "format": 1,\n "files": [')
        for report in reports:
            write(("\n" if summary.files == 0 else ",\n") + report.part)
            summary.add(report)
        totals = json.dumps(summary.count_dict(), indent=1).replace("\n", "\n ")
        write(("\n ]" if summary.files else "]") + f',\n "summary": {totals}\n}}\n')
        return summary
    for report in reports:
        write(report.part)
        summary.add(report)
    counts = summary.count_dict()
    if fmt == "github":
        write(github_summary_line(summary.files, counts, summary.gaps) + "\n")
        return summary
    write("\n".join(summary_lines(summary.files, counts, summary.gaps, summary.unread, summary.article_only)) + "\n")
    return summary


def run(items: Iterable[tuple[str, str | None]], fmt: str, write: Callable[[str], object], *,
        colour: bool = False, jobs: int = 1, strict: bool = False,
        progress: Callable[[int, str], object] | None = None, cache: ResultCache | None = None) -> int:
    """Check the files, write the report in format `fmt`, and return the exit status.

    `progress(done, path)` is called as each file is finished. The `cache` serves the formats
    written file by file (`STREAMED`); the others check every file.
    """
    if fmt in STREAMED:
        reports = check_files(items, fmt, colour, jobs, cache)
        if progress is not None:
            reports = _reporting(reports, progress)
        return stream_report(reports, fmt, write).exit_status(strict=strict)
    from factcheck.report import render  # noqa: PLC0415

    results = []
    for done, (path, problem) in enumerate(items, start=1):
        results.append(_result(path, problem)[0])
        if progress is not None:
            progress(done, path)
    write(render(results, fmt, colour=colour))
    return max((r.exit_status(strict=strict) for r in results), default=2)
