"""Watch mode for the sub-editor's desk: re-check when a claims file or its article changes, until Ctrl-C.

`factcheck check --watch` prints the whole text report once, then, each time an input changes, only
what changed: a claim whose line in the report is new or different (its verdict, its numbers), a
new file-level error or coverage gap, a claim that is gone; then the summary of every file.
`factcheck report --watch` rewrites the HTML page instead (the page does not reload itself: reload
it in the browser).

The inputs are the claims files (found again from the PATHs at every look, so a new file is picked
up) and the files each one names: its article text (and its tables, where the claims file lists them). They are polled: a file's modification time and size
every `interval` seconds, and a digest of its bytes only when those moved, so an editor that saves
without changing anything (or touches the file) causes no re-check. A change is acted on only when
two looks in a row agree: an editor's save-by-rename (the file gone for a moment, then back) or a
file still being written is waited out, and a file that cannot be read at that moment is looked at
again rather than failing the watch. Polling needs no dependency and behaves the same on every
system and file system (network shares and containers' bind mounts included, where change
notifications often never arrive); a few dozen `stat` calls a second cost nothing measurable.
"""

from __future__ import annotations

import hashlib
import os
import sys
import time
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Final

if TYPE_CHECKING:
    from factcheck.model.results import FileResult

__all__ = ["DEFAULT_INTERVAL", "Snapshot", "changed_lines", "inputs_of", "snapshot", "watch_check", "watch_report"]

#: Seconds between two looks at the inputs.
DEFAULT_INTERVAL: Final = 0.5

#: Each input's state: (modification time in ns, size, digest of its bytes), or None when it cannot be read now.
Snapshot = dict[str, tuple[int, int, str] | None]


def snapshot(paths: Iterable[str], before: Snapshot | None = None) -> Snapshot:
    """The state of each path; the digest is read again only when the time or size moved since `before`."""
    state: Snapshot = {}
    for path in paths:
        try:
            status = os.stat(path)
        except OSError:
            state[path] = None  # gone (perhaps for a moment, in a save-by-rename)
            continue
        old = (before or {}).get(path)
        if old is not None and old[:2] == (status.st_mtime_ns, status.st_size):
            state[path] = old
            continue
        try:
            with open(path, "rb") as file:  # the user's own inputs (named, or found below the PATHs)
                digest = hashlib.blake2b(file.read(), digest_size=16).hexdigest()
        except OSError:
            state[path] = None
            continue
        state[path] = (status.st_mtime_ns, status.st_size, digest)
    return state


def _content(state: Snapshot, path: str) -> tuple[int, str] | None:
    """A path's size and digest in a snapshot (its time aside: a touch is no change); None when unreadable."""
    found = state.get(path)
    return None if found is None else found[1:]


def _same(a: Snapshot, b: Snapshot) -> bool:
    """Whether two snapshots hold the same files with the same contents."""
    return a.keys() == b.keys() and all(_content(a, path) == _content(b, path) for path in a)


def inputs_of(result: FileResult) -> list[str]:
    """The files a claims file's check read: the claims file, and the files it names (its article text; its
    tables too, where the claims file lists them as `inputs`)."""
    claims_file = result.claims_file
    if claims_file is None:
        return [result.path]
    return [result.path, *(os.path.normpath(Path(result.path).parent / name) for name in claims_file.inputs)]


def _lines_by_key(result: FileResult) -> dict[str, list[str]]:
    """The file's report lines, keyed by what they are about (a claim id, an error, a gap)."""
    from factcheck.report.text import error_line, gap_line, outcome_lines

    keyed: dict[str, list[str]] = {}
    for error in result.errors:
        line = error_line(error)
        keyed[f"error {line}"] = [line]
    for outcome in result.outcomes:
        keyed[f"claim {outcome.id}"] = outcome_lines(outcome)
    for gap in result.gaps:
        line = gap_line(result.path, gap)
        keyed[f"gap {line}"] = [line]
    return keyed


def changed_lines(before: FileResult | None, after: FileResult | None, path: str) -> list[str]:
    """What a re-check changed in one file's report (or a template's version: `path` names it as reports do):
    its new or different lines, and the claims gone."""
    from factcheck.report.text import one_line, shown_path

    old = _lines_by_key(before) if before is not None else {}
    new = _lines_by_key(after) if after is not None else {}
    lines = [lines for key, lines in new.items() if old.get(key) != lines]
    shown = [line for group in lines for line in group]
    shown += [
        f"  – {one_line(key.removeprefix('claim '))}: gone" for key in old if key not in new and key[:6] == "claim "
    ]
    if after is None:
        return [f"{shown_path(path)}: no longer checked (gone, or no longer found below the PATHs)"]
    return [shown_path(path), *shown] if shown else []


class _Watcher:
    """The polling loop both commands share: the inputs' snapshot, and what to do when it settles changed."""

    def __init__(self, paths: Sequence[str], interval: float, sleep: Callable[[float], None] = time.sleep) -> None:
        self.paths = paths
        self.interval = interval
        self.sleep = sleep
        #: each claims file's results: one, or one per version of a template
        self.results: dict[str, tuple[FileResult, ...]] = {}
        # what the first check reads, as it was before it read it: an edit made while it runs is a change
        self.started = time.time_ns()
        self.before = snapshot(path for path, _ in self.found())

    def found(self) -> list[tuple[str, str | None]]:
        from factcheck.runner.batch import claims_files

        return list(claims_files(self.paths))

    def inputs(self, found: list[tuple[str, str | None]]) -> list[str]:
        paths = [path for path, _ in found]
        for results in self.results.values():
            for result in results:
                paths.extend(inputs_of(result)[1:])
        return sorted(set(paths))

    def changes(self) -> Iterable[tuple[list[tuple[str, str | None]], set[str]]]:
        """Forever: the claims files found and the inputs that changed, each time a change has settled."""
        state = dict(self.before)  # the claims files as they were before the first check
        for path, seen in snapshot(p for p in self.inputs(self.found()) if p not in self.before).items():
            # an article, first seen after the check read it: if it changed since the start, look again
            state[path] = None if seen is not None and seen[0] >= self.started else seen
        while True:
            self.sleep(self.interval)
            found = self.found()
            look = snapshot(self.inputs(found), state)
            if _same(look, state):
                state = look
                continue
            self.sleep(self.interval)  # let a save-by-rename or a write finish, then look again
            settled = snapshot(self.inputs(self.found()), look)
            while not _same(settled, look):
                look = settled
                self.sleep(self.interval)
                settled = snapshot(self.inputs(self.found()), look)
            moved = {p for p in settled.keys() | state.keys() if _content(settled, p) != _content(state, p)}
            state = settled
            yield self.found(), moved


def _claims_affected(
    results: dict[str, tuple[FileResult, ...]], found: list[tuple[str, str | None]], moved: set[str]
) -> list[tuple[str, str | None]]:
    """The claims files to check again: those whose own file, article or table moved (a version's text, for a
    template), and any new ones."""
    affected = []
    for path, problem in found:
        known = results.get(path)
        if known is None or path in moved or any(p in moved for result in known for p in inputs_of(result)):
            affected.append((path, problem))
    return affected


def _changed_versions(before: tuple[FileResult, ...], after: tuple[FileResult, ...], path: str) -> list[str]:
    """What a re-check changed in a claims file's results, version by version for a template."""
    old = {result.version: result for result in before}
    new = {result.version: result for result in after}
    lines: list[str] = []
    for version, result in new.items():
        lines += changed_lines(old.get(version), result, result.shown)
    for version, result in old.items():
        if version not in new:
            lines += changed_lines(result, None, result.shown)
    return lines


def _all(results: dict[str, tuple[FileResult, ...]]) -> list[FileResult]:
    return [result for group in results.values() for result in group]


def watch_check(paths: Sequence[str], *, interval: float, colour: bool) -> int:
    """`check --watch`: the whole report, then what changes, until Ctrl-C (exit 130)."""
    from factcheck.model.results import totals_of
    from factcheck.report.text import closing, parts
    from factcheck.runner.batch import checked_all

    watcher = _Watcher(paths, interval)
    out = sys.stdout
    try:
        for path, problem in watcher.found():
            watcher.results[path] = checked_all(path, problem)
            out.writelines(parts(watcher.results[path], colour))
        out.write(closing(totals_of(_all(watcher.results))))
        out.write(f"watching {_count(watcher)} for changes (Ctrl-C to stop)\n")
        out.flush()
        for found, moved in watcher.changes():
            lines: list[str] = []
            names = {path for path, _ in found}
            for path in [p for p in watcher.results if p not in names]:
                lines += _changed_versions(watcher.results.pop(path), (), path)
            for path, problem in _claims_affected(watcher.results, found, moved):
                before, after = watcher.results.get(path, ()), checked_all(path, problem)
                watcher.results[path] = after
                lines += _changed_versions(before, after, path)
            out.write(f"\n— {time.strftime('%H:%M:%S')}: {', '.join(sorted(moved)) or 'a file'} changed\n")
            out.write("\n".join(lines) + "\n" if lines else "no claim's line changed\n")
            out.write(closing(totals_of(_all(watcher.results))))
            out.flush()
    except KeyboardInterrupt:
        sys.stderr.write("factcheck: stopped watching\n")
        return 130
    return 0  # pragma: no cover - the loop ends only by Ctrl-C


def watch_report(paths: Sequence[str], write: Callable[[], list[FileResult]], *, interval: float) -> int:
    """`report --watch`: write the page, then write it again whenever an input changes, until Ctrl-C.

    `write` checks the files, writes the page (saying so on standard error) and returns the results.
    """
    watcher = _Watcher(paths, interval)
    try:
        watcher.results = _by_path(write())
        sys.stderr.write(f"factcheck: watching {_count(watcher)} for changes (Ctrl-C to stop)\n")
        for _ in watcher.changes():
            watcher.results = _by_path(write())
    except KeyboardInterrupt:
        sys.stderr.write("factcheck: stopped watching\n")
        return 130
    return 0  # pragma: no cover - the loop ends only by Ctrl-C


def _by_path(results: list[FileResult]) -> dict[str, tuple[FileResult, ...]]:
    """Results as the watcher keeps them: by claims file, a template's versions together."""
    grouped: dict[str, list[FileResult]] = {}
    for result in results:
        grouped.setdefault(result.path, []).append(result)
    return {path: tuple(group) for path, group in grouped.items()}


def _count(watcher: _Watcher) -> str:
    from factcheck.report.summary import counted

    return counted(len(watcher.inputs(watcher.found())), "file")
