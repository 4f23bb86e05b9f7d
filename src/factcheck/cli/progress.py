"""A one-line progress bar on standard error while `factcheck check` reads many files.

Shown only for the text report and only when standard error is a terminal, so it never reaches a
log, a pipe, a JSON report or CI output. Plain `\\r` and spaces; no colour, no dependency.
"""

from __future__ import annotations

import os
import shutil
from typing import Final, TextIO

__all__ = ["Progress"]

_BAR: Final = 20


class Progress:
    """`show(done, label)` before each file, `close()` at the end (it clears the line)."""

    def __init__(self, total: int, stream: TextIO | None, width: int = 80) -> None:
        self.total = total
        self.stream = stream  # None: show nothing
        self.width = max(width, 20)
        self.shown = False

    @classmethod
    def for_check(cls, total: int, stream: TextIO, *, fmt: str) -> Progress:
        """Enabled only for the text format, on a terminal that is not "dumb", for more than one file."""
        enabled = fmt == "text" and total > 1 and _isatty(stream) and os.environ.get("TERM") != "dumb"
        return cls(total, stream if enabled else None, shutil.get_terminal_size().columns)

    def show(self, done: int, label: str) -> None:
        if self.stream is None:
            return
        filled = _BAR * done // self.total if self.total else _BAR
        head = f"[{'#' * filled}{'.' * (_BAR - filled)}] {done}/{self.total} "
        room = self.width - 1 - len(head)
        label = "".join(ch if ch.isprintable() else "?" for ch in label)
        if len(label) > room:
            label = "…" + label[-(room - 1) :] if room > 1 else ""
        self.stream.write("\r" + (head + label).ljust(self.width - 1))
        self.stream.flush()
        self.shown = True

    def close(self) -> None:
        if self.stream is None or not self.shown:
            return
        self.stream.write("\r" + " " * (self.width - 1) + "\r")
        self.stream.flush()
        self.shown = False


def _isatty(stream: TextIO) -> bool:
    try:
        return stream.isatty()
    except (AttributeError, ValueError):  # a closed or stand-in stream
        return False
