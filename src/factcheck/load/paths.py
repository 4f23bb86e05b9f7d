"""Reading a file that a claims file names: only a regular file inside the claims file's folder.

`read_inside` is the one way any code path reads such a file (the article text; the cache asks it
too, to see what the loader would find). At most `MAX_ARTICLE_BYTES` are read, so a hostile
`[article] text` (an absolute path, `..`, a symlink out of the folder, `/dev/zero`, a FIFO, a huge
file) is refused instead of hanging or filling memory. Only the standard library is imported: a
run answered from the cache reads articles through it.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path
from typing import Final, NamedTuple

from factcheck.errors import ReadRefusedError

__all__ = ["MAX_ARTICLE_BYTES", "FileRead", "read_inside"]

#: The most of an article text that is read, in bytes (8 MiB). A long feature is about 100 KB, so
#: this is eighty of them; a file beyond it is refused, not read in part.
MAX_ARTICLE_BYTES: Final = 8 * 1024 * 1024
#: Opened so that nothing can block or follow a link swapped in after the path was resolved: a FIFO
#: opens at once (and is then refused as not a regular file), a symlink in the last place fails.
_READ_FLAGS: Final = (
    os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_CLOEXEC", 0)
)
_CHUNK: Final = 1 << 20


class FileRead(NamedTuple):
    """A file that checking a claims file read besides the claims file itself, as the cache must find it
    again: its path relative to the claims file's folder, and what was read (the text as decoded, or the
    SHA-256 of the bytes). A NamedTuple: a run answered from the cache compares them without attrs."""

    relative: str
    text: str | None = None
    sha256: str | None = None


def read_inside(folder: Path, relative: str, *, limit: int = MAX_ARTICLE_BYTES) -> tuple[Path, bytes]:
    """The resolved path and the bytes of the regular file `relative` names inside `folder`.

    The path is resolved (symlinks and `..` followed) and must still be inside the resolved folder;
    the file is opened without blocking and without following a symlink, checked to be a regular
    file by the open descriptor (not by its name, which could change), and read only if it holds
    at most `limit` bytes. Raises ReadRefusedError otherwise.
    """
    if not relative.strip() or "\x00" in relative or Path(relative).is_absolute():
        raise ReadRefusedError("not a path inside the folder", outside=True)
    try:
        base, target = folder.resolve(), (folder / relative).resolve()
    except (OSError, RuntimeError, ValueError) as exc:  # RuntimeError: a symlink loop
        raise ReadRefusedError(f"cannot be found: {exc}") from None
    if not target.is_relative_to(base):
        raise ReadRefusedError("outside the folder", outside=True)
    try:
        descriptor = os.open(target, _READ_FLAGS)
    except OSError as exc:
        raise ReadRefusedError(exc.strerror or str(exc)) from None
    try:
        return target, _read_regular(descriptor, limit)
    finally:
        os.close(descriptor)


def _read_regular(descriptor: int, limit: int) -> bytes:
    status = os.fstat(descriptor)
    if not stat.S_ISREG(status.st_mode):
        raise ReadRefusedError(f"not a regular file (it is {_kind(status.st_mode)})")
    if status.st_size > limit:
        raise ReadRefusedError(f"larger than the {limit:,} bytes an article text may have")
    chunks: list[bytes] = []
    size = 0
    while True:  # to the end, but never past the limit: the file may grow while it is read
        try:
            chunk = os.read(descriptor, min(_CHUNK, limit + 1 - size))
        except OSError as exc:
            raise ReadRefusedError(exc.strerror or str(exc)) from None
        if not chunk:
            return b"".join(chunks)
        chunks.append(chunk)
        size += len(chunk)
        if size > limit:
            raise ReadRefusedError(f"larger than the {limit:,} bytes an article text may have")


def _kind(mode: int) -> str:
    kinds = (
        (stat.S_ISDIR, "a folder"),
        (stat.S_ISFIFO, "a FIFO"),
        (stat.S_ISCHR, "a device"),
        (stat.S_ISBLK, "a device"),
        (stat.S_ISSOCK, "a socket"),
    )
    return next((name for test, name in kinds if test(mode)), "not a file")
