"""Checks many claims files and streams the report, in one process or in several (`-j N`).

Each file is checked and rendered on its own, into a `FileReport`: its part of the report (text,
JSON or GitHub annotations: the formats the registry, `factcheck.report.formats`, says are streamed)
and the few numbers the summary needs (its `Tally`). Only those are kept, so memory stays flat however
many files there are, and with `jobs > 1` only those cross between processes. Parts are written in
the order of the input, so the report is the same, byte for byte, for any number of jobs; it is also
the same as `Format.render` gives for the whole list of results (the same pieces, by construction).

With a `ResultCache`, a file checked before (same bytes, same article text, same factcheck) gets
its stored part back instead of being checked again; the report is the same, byte for byte.

A template (one story, every area) is one claims file that gives a result per version: each version
is a `FileReport` of its own (counted as a file, as its own claims file would be), and the whole
template is checked, cached and handed between processes as one group of them, so progress counts
claims files and a template's entry in the cache covers every version's text.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Callable, Iterable, Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Final, NamedTuple

from factcheck.errors import CacheError
from factcheck.model.verdicts import Tally, Totals, Verdict
from factcheck.report.formats import FORMATS, groups, stream

if TYPE_CHECKING:
    from concurrent.futures import Future, ProcessPoolExecutor

    from factcheck.load.paths import FileRead
    from factcheck.model.results import FileResult
    from factcheck.runner.cache import CacheKey, ResultCache  # a run without the cache never loads it (nor sqlite3)

__all__ = [
    "CLAIMS_GLOB",
    "FileReport",
    "check_files",
    "checked_all",
    "claims_files",
    "render_safely",
    "report_file",
    "run",
    "stream_report",
    "usable_processors",
]

#: The files a folder named on the command line is searched for.
CLAIMS_GLOB: Final = "*.claims.toml"

#: Files to check (not answered from the cache) before worker processes are started: starting them costs
#: about what checking a few files does, so a run that checks fewer is quicker without them.
_WORTH_WORKERS: Final = 8
#: Files handed to the workers ahead of the one being written, per worker: enough to keep every worker
#: busy while one slow file holds up the report's order, few enough that memory stays flat.
_AHEAD_PER_WORKER: Final = 16


class FileReport(NamedTuple):
    """One file's part of the report, what the summary needs from it, and the article text it read.

    A NamedTuple rather than an attrs record: it is all a run answered from the cache builds, and
    such a run should not pay for importing attrs (a third of its start-up).
    """

    path: str
    part: str
    tally: Tally
    article: str | None  # `[article] text` as written (relative to the file's folder): an input of the run
    tables: tuple[str, ...] = ()  # each `[tables.NAME] path` as written: inputs of the run too


_TALLY_TYPES: Final = (tuple, int, bool, int, int, int, int, int, int, bool)


def report_file(
    path: str, problem: str | None = None, fmt: str = "text", colour: bool = False, cache: ResultCache | None = None
) -> tuple[FileReport, ...]:
    """Check one file (or report why it cannot be: `problem`) and render its part of the report: one
    part, or one per version of a template.

    With a `cache`, a file whose bytes (and the other files it read) were checked before by the same
    code is not checked again: its stored parts are returned.
    """
    looked = _look_up(path, problem, fmt, colour, cache)
    if looked is None:  # no cache, a problem found before reading, or a file that cannot be read (the loader says why)
        return _render(_results(path, problem)[0], fmt, colour)[0]
    if looked.stored is not None:  # the path is part of the key
        return looked.stored
    return _checked_and_stored(path, fmt, colour, looked)


class _Looked(NamedTuple):
    """A file looked up in the cache: its bytes, its key, and its stored parts (None when it must be checked)."""

    data: bytes
    cache: ResultCache
    key: CacheKey
    stored: tuple[FileReport, ...] | None


def _look_up(path: str, problem: str | None, fmt: str, colour: bool, cache: ResultCache | None) -> _Looked | None:
    """The file looked up in `cache`; None when there is no cache to look in, the file has a `problem`, or it cannot
    be read."""
    if problem is not None or cache is None:
        return None
    try:
        data = Path(path).read_bytes()
    except OSError:
        return None
    key = cache.key(path, data, fmt, colour)
    return _Looked(data, cache, key, _from_entry(cache.get(key, path)))


def _checked_and_stored(path: str, fmt: str, colour: bool, looked: _Looked) -> tuple[FileReport, ...]:
    """The file's FileReports, checked from the bytes it was looked up with, and stored under their key."""
    results, reads, internal_error = _results(path, None, looked.data)
    reports, render_error = _render(results, fmt, colour)
    if not (internal_error or render_error):  # a bug's message is not a verdict worth keeping
        try:
            looked.cache.put(looked.key, path, reads, _entry(reports))
        except CacheError:
            pass  # a full disk, say: the report is still right, the next run checks this file again
    return reports


def _render(results: tuple[FileResult, ...], fmt: str, colour: bool) -> tuple[tuple[FileReport, ...], bool]:
    """The file's parts of the report (a part per version of a template), and whether rendering them hit a
    bug (then the file's one part says so instead)."""
    try:
        parts = FORMATS[fmt].parts(results, colour)
        return tuple(
            FileReport(result.path, part, result.tally(), _article_of(result), _tables_of(result))
            for result, part in zip(results, parts, strict=True)
        ), False
    except Exception as exc:  # a bug must not hide the other files' results
        result = _internal_error(results[0].path, exc, "writing the report of")
        return (FileReport(result.path, FORMATS[fmt].part(result, colour), result.tally(), None),), True


def _entry(reports: tuple[FileReport, ...]) -> str:
    """The cache entry of a file's reports: a line of JSON with each report's fields and the length of its
    part, then the parts as they are (reading a part back from a JSON string cost more than the rest of
    a hit)."""
    from factcheck.report.jsontext import dumps  # only for a run with the cache

    head = [
        [report.path, list(report.tally), report.article, list(report.tables), len(report.part)] for report in reports
    ]
    return dumps(head) + "\n" + "".join(report.part for report in reports)


def _from_entry(entry: str | None) -> tuple[FileReport, ...] | None:
    """The FileReports of a cache entry (`_entry`), or None when it does not hold what one holds."""
    import json  # only for a run with the cache

    if entry is None:
        return None
    head_text, newline, parts = entry.partition("\n")  # JSON text holds no line break of its own
    try:
        head = json.loads(head_text)
    except ValueError:
        return None
    if not (newline and isinstance(head, list) and head and all(isinstance(f, list) and len(f) == 5 for f in head)):
        return None
    lengths = [fields[4] for fields in head]
    if not (all(type(length) is int and length >= 0 for length in lengths) and sum(lengths) == len(parts)):
        return None
    reports = []
    start = 0
    for path, tally, article, tables, length in head:
        report = _report_from_stored(path, parts[start : start + length], tally, article, tables)
        if report is None:
            return None
        reports.append(report)
        start += length
    return tuple(reports)


def _report_from_stored(path: object, part: str, tally: object, article: object, tables: object) -> FileReport | None:
    """A FileReport from a cache entry's fields, or None when they are not what one holds."""
    if not (isinstance(path, str) and (article is None or isinstance(article, str))):
        return None
    if not (isinstance(tables, list) and all(isinstance(table, str) for table in tables)):
        return None
    if not (isinstance(tally, list) and len(tally) == len(_TALLY_TYPES)):
        return None
    tally[0] = tuple(tally[0]) if isinstance(tally[0], list) else None
    if not all(type(value) is kind for value, kind in zip(tally, _TALLY_TYPES, strict=True)):
        return None
    counts = tally[0]
    if not (len(counts) == len(Verdict) and all(type(n) is int for n in counts)):
        return None
    return FileReport(path, part, Tally(*tally), article, tuple(tables))


def _internal_error(path: str, exc: Exception, doing: str) -> FileResult:
    from factcheck.errors import ClaimsFileError  # not needed on a cache hit
    from factcheck.model.results import FileResult

    message = f"internal error while {doing} this file ({type(exc).__name__}: {exc}); please report it"
    return FileResult(path, errors=(ClaimsFileError(message, path=path),))


def checked_all(path: str, problem: str | None = None) -> tuple[FileResult, ...]:
    """The file's results (one, or one per version of a template); a problem found before reading it
    (`problem`), or a bug while checking it, is its error.

    Every front end that checks files asks this, so one file never stops the others being reported.
    """
    return _results(path, problem)[0]


def _results(
    path: str, problem: str | None, data: bytes | None = None
) -> tuple[tuple[FileResult, ...], tuple[FileRead, ...], bool]:
    """The file's results, the other files the check read, and whether the results are a bug's."""
    from factcheck.check.pipeline import check_inputs
    from factcheck.errors import ClaimsFileError  # not needed on a cache hit
    from factcheck.model.results import FileResult

    if problem is not None:
        return (FileResult(path, errors=(ClaimsFileError(problem, path=path),)),), (), False
    try:
        results, reads = check_inputs(path, data)
    except Exception as exc:  # a bug must not hide the other files' results
        return (_internal_error(path, exc, "checking"),), (), True
    return results, reads, False


def render_safely(results: list[FileResult], fmt: str, colour: bool = False) -> tuple[str, list[FileResult]]:
    """The whole report in `fmt`, and the results it reports: a file whose part cannot be rendered (a bug)
    is reported as that file's error instead, and the others as they are. Costs nothing extra unless
    rendering fails."""
    from factcheck.report.formats import render

    try:
        return render(results, fmt, colour=colour), results
    except Exception:  # find the file that breaks it, below
        pass
    safe: list[FileResult] = []
    for group in groups(results):
        try:
            render(group, fmt, colour=colour)
        except Exception as exc:  # this file's part is the bug's message instead
            safe.append(_internal_error(group[0].path, exc, "writing the report of"))
        else:
            safe.extend(group)
    return render(safe, fmt, colour=colour), safe


#: One file's work: its path, a problem found before reading it, the format, colour, and the cache.
_Task = tuple[str, str | None, str, bool, "ResultCache | None"]


def _report_star(args: _Task) -> tuple[FileReport, ...]:
    return report_file(*args)


def check_files(
    items: Iterable[tuple[str, str | None]],
    fmt: str = "text",
    colour: bool = False,
    jobs: int = 1,
    cache: ResultCache | None = None,
) -> Iterator[FileReport]:
    """A FileReport per (path, problem), or per version of a template, in the input's order, using `jobs` processes."""
    for group in _check_groups(items, fmt, colour, jobs, cache):
        yield from group


def _check_groups(
    items: Iterable[tuple[str, str | None]], fmt: str, colour: bool, jobs: int, cache: ResultCache | None
) -> Iterator[tuple[FileReport, ...]]:
    """The FileReports of each (path, problem), in the input's order, using `jobs` processes."""
    tasks = ((path, problem, fmt, colour, cache) for path, problem in items)
    if jobs <= 1:
        yield from map(_report_star, tasks)
    else:
        yield from _with_workers(tasks, jobs)


def usable_processors() -> int:
    """How many processors this process may run on (`--jobs auto`): those the system lets it use, which on a
    shared machine or in a container can be fewer than the machine has."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not on every system (macOS, Windows)
        return os.cpu_count() or 1


def _with_workers(tasks: Iterable[_Task], jobs: int) -> Iterator[tuple[FileReport, ...]]:
    """Each task's FileReports, in order, the files to check shared among `jobs` worker processes.

    A file answered from the cache is answered here (handing it to a worker would cost more than the
    answer); the first few files to check are checked here too, and workers are started only when
    more come (`_WORTH_WORKERS`), so that a run of a few changed files among many does not pay for them.
    Where workers cannot be started, or one stops abruptly, the files are checked here (`_Workers`).
    """
    from collections import deque

    workers = _Workers(jobs)
    ahead: deque[tuple[FileReport, ...] | _Handed] = deque()
    to_check = 0
    try:
        for task in tasks:
            looked = _look_up(*task)
            if looked is not None and looked.stored is not None:
                ahead.append(looked.stored)
            else:
                to_check += 1
                ahead.append(_checked_here(task, looked) if to_check <= _WORTH_WORKERS else workers.hand(task, looked))
            while ahead and (len(ahead) > jobs * _AHEAD_PER_WORKER or _ready(ahead[0])):
                yield workers.answer(ahead.popleft())
        while ahead:
            yield workers.answer(ahead.popleft())
    finally:
        workers.close()


class _Handed(NamedTuple):
    """A task handed to a worker, kept with what it was looked up with, to be checked here if the worker stops."""

    future: Future[tuple[FileReport, ...]]
    task: _Task
    looked: _Looked | None


class _Workers:
    """Worker processes, started when first needed; where they cannot be, or the pool breaks, files are checked here.

    `--jobs auto` is the default, so a system that cannot run a process pool (no working semaphores, a
    refused fork) or a worker killed from outside (the kernel short of memory) must cost only time: the
    files are then checked in this process, from the same bytes, and the report is the same.
    """

    def __init__(self, jobs: int) -> None:
        self.jobs = jobs
        self.pool: ProcessPoolExecutor | None = None
        self.usable = True

    def hand(self, task: _Task, looked: _Looked | None) -> tuple[FileReport, ...] | _Handed:
        """The task handed to a worker; or, when there are none to hand it to, checked here."""
        from concurrent.futures import BrokenExecutor  # a pool exists only for a run that checks enough files

        if self.usable:
            try:
                self.pool = self.pool or _workers(self.jobs)
                return _Handed(_checked_by(self.pool, task, looked), task, looked)
            except (OSError, ImportError, NotImplementedError, BrokenExecutor):
                self.usable = False
        return _checked_here(task, looked)

    def answer(self, item: tuple[FileReport, ...] | _Handed) -> tuple[FileReport, ...]:
        """The item's FileReports: a worker's answer, or, when the worker stopped before giving it, checked here."""
        if not isinstance(item, _Handed):  # a NamedTuple is a tuple too: asked this way round
            return item
        from concurrent.futures import BrokenExecutor

        try:
            return item.future.result()
        except BrokenExecutor:  # a worker stopped: every file still with the pool is checked here instead
            self.usable = False
            return _checked_here(item.task, item.looked)

    def close(self) -> None:
        if self.pool is not None:
            self.pool.shutdown(cancel_futures=True)


def _checked_here(task: _Task, looked: _Looked | None) -> tuple[FileReport, ...]:
    """The task's FileReports, checked in this process, from the bytes already looked up when there are some."""
    if looked is None:
        return _report_star(task)
    path, _, fmt, colour, _ = task
    return _checked_and_stored(path, fmt, colour, looked)


def _checked_by(pool: ProcessPoolExecutor, task: _Task, looked: _Looked | None) -> Future[tuple[FileReport, ...]]:
    """The task handed to a worker, with the bytes already looked up when there are some (so that the worker checks
    what was looked up, and neither reads nor looks it up again)."""
    if looked is None:
        return pool.submit(_report_star, task)
    path, _, fmt, colour, _ = task
    return pool.submit(_checked_and_stored, path, fmt, colour, looked)


def _workers(jobs: int) -> ProcessPoolExecutor:
    from concurrent.futures import ProcessPoolExecutor  # only for a run that checks enough files

    return ProcessPoolExecutor(max_workers=jobs)


def _ready(item: tuple[FileReport, ...] | _Handed) -> bool:
    return not isinstance(item, _Handed) or item.future.done()


def _reporting(
    groups: Iterable[tuple[FileReport, ...]], progress: Callable[[int, str], object]
) -> Iterator[tuple[FileReport, ...]]:
    for done, group in enumerate(groups, start=1):
        progress(done, group[0].path)
        yield group


def _flat(groups: Iterable[tuple[FileReport, ...]]) -> Iterator[FileReport]:
    for group in groups:
        yield from group


def stream_report(reports: Iterable[FileReport], fmt: str, write: Callable[[str], object]) -> Totals:
    """Write the report part by part, then its closing (`formats.stream`); return the run's totals."""
    return stream(FORMATS[fmt], ((report.part, report.tally) for report in reports), write)


def run(
    items: Iterable[tuple[str, str | None]],
    fmt: str,
    write: Callable[[str], object],
    *,
    colour: bool = False,
    jobs: int = 1,
    strict: bool = False,
    progress: Callable[[int, str], object] | None = None,
    cache: ResultCache | None = None,
    inputs: list[tuple[str, str | None]] | None = None,
) -> int:
    """Check the files, write the report in format `fmt`, and return the exit status.

    `progress(done, path)` is called as each file is finished. The `cache` serves the formats
    written file by file (`Format.streams`); the others check every file. `inputs`, when given, gets
    (path, `[article] text` as written) for every file: what the run read, so that a report is
    never written over it.
    """
    if FORMATS[fmt].streams:
        groups = _check_groups(items, fmt, colour, jobs, cache)
        if progress is not None:
            groups = _reporting(groups, progress)
        found = _flat(groups)
        if inputs is not None:
            found = _noting_inputs(found, inputs)
        return stream_report(found, fmt, write).exit_status(strict=strict)
    results: list[FileResult] = []
    for done, (path, problem) in enumerate(items, start=1):
        results.extend(checked_all(path, problem))
        if progress is not None:
            progress(done, path)
    if inputs is not None:
        for result in results:
            inputs.append((result.path, _article_of(result)))
            inputs.extend((result.path, table) for table in _tables_of(result))
    text, reported = render_safely(results, fmt, colour)
    write(text)
    from factcheck.model.results import totals_of  # not needed on a cache hit

    return totals_of(reported).exit_status(strict=strict)


def _noting_inputs(found: Iterable[FileReport], inputs: list[tuple[str, str | None]]) -> Iterator[FileReport]:
    for report in found:
        inputs.append((report.path, report.article))
        inputs.extend((report.path, table) for table in report.tables)
        yield report


def _tables_of(result: FileResult) -> tuple[str, ...]:
    """The files of the file's `[tables.NAME]`, as written, as far as it was read."""
    loaded = result.claims_file
    if loaded is None:
        return ()
    article = loaded.article.text if loaded.article is not None else None
    return tuple(relative for relative in loaded.inputs if relative != article)


def _article_of(result: FileResult) -> str | None:
    """The file's `[article] text` as written, if it was read far enough to have one."""
    loaded = result.claims_file
    return loaded.article.text if loaded is not None and loaded.article is not None else None


def claims_files(paths: Sequence[str]) -> Iterator[tuple[str, str | None]]:
    """(path, problem) for every claims file named or found below a named folder, in a stable order.

    A file named twice (or named and also found in a named folder, or reached through a link) is checked
    once.
    """
    seen: set[_Identity] = set()
    for path, problem, identity in _claims_files(paths):
        if problem is None:
            if identity in seen:
                continue
            seen.add(identity)
        yield path, problem


_Identity = tuple[int, int] | str


def _identity(path: str) -> _Identity:
    """Which file `path` is: its device and inode (one system call, where resolving the path costs one per
    folder on the way), or the path itself when it cannot be looked at (the loader then says why)."""
    try:
        found = os.stat(path)
    except (OSError, ValueError):
        return path
    return found.st_dev, found.st_ino


def _claims_files(paths: Sequence[str]) -> Iterator[tuple[str, str | None, _Identity]]:
    for name in paths:
        path = Path(name)
        if path.is_dir():
            found = [(str(p), _regular_file(p)) for p in sorted(path.rglob(CLAIMS_GLOB), key=_parts)]
            files = [(file, identity) for file, identity in found if identity is not None]
            if not files:
                yield name, f"no {CLAIMS_GLOB} files found in the folder {name!r}", name
            for file, identity in files:
                yield file, None, identity
        elif path.exists():
            yield name, None, _identity(name)
        else:
            yield name, "no such file or folder", name


def _parts(path: Path) -> tuple[str, ...]:
    """The order paths sort in (as `Path`s compare on POSIX), found a few times quicker than by comparing `Path`s."""
    return path.parts


def _regular_file(path: Path) -> _Identity | None:
    """The identity of the file at `path` (`_identity`) if it is a regular file (or a link to one), else None:
    one system call for both questions."""
    try:
        found = os.stat(path)
    except OSError:
        return None
    return (found.st_dev, found.st_ino) if stat.S_ISREG(found.st_mode) else None
