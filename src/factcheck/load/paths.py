"""Reading a file that a claims file names: only a regular file inside the claims file's project.

The project is the repository that holds the claims file: the nearest folder at or above the
claims file's folder that holds `.git` or a `factcheck.toml` project file (`project_root`), so a
newsroom can keep articles in `articles/` and claims in `claims/` (`text = "../articles/x.txt"`).
A claims file in no project may name only files inside its own folder. Nothing under `.git` is read.

`read_inside` is the one way any code path reads such a file (the article text, a table; the cache
asks it too, to see what the loader would find). At most `limit` bytes are read, so a hostile
`[article] text` (an absolute path, `..` out of the project, a symlink out of it, `/dev/zero`, a
FIFO, a huge file) is refused instead of hanging or filling memory. Only the standard library is
imported: a run answered from the cache reads articles through it.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path
from typing import Final, NamedTuple

from factcheck.errors import ReadRefusedError

__all__ = ["MAX_ARTICLE_BYTES", "PROJECT_MARKERS", "FileRead", "boundary_words", "project_root", "read_inside"]

#: The most of an article text that is read, in bytes (8 MiB). A long feature is about 100 KB, so
#: this is eighty of them; a file beyond it is refused, not read in part.
MAX_ARTICLE_BYTES: Final = 8 * 1024 * 1024
#: Opened so that nothing can block or follow a link swapped in after the path was resolved: a FIFO
#: opens at once (and is then refused as not a regular file), a symlink in the last place fails.
_READ_FLAGS: Final = (
    os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_CLOEXEC", 0)
)
_CHUNK: Final = 1 << 20
#: What marks the top of a project: a git repository (a folder, or a file in a worktree or submodule), or
#: factcheck's project file.
PROJECT_MARKERS: Final = (".git", "factcheck.toml")


class FileRead(NamedTuple):
    """A file that checking a claims file read besides the claims file itself, as the cache must find it
    again: its path relative to the claims file's folder, and what was read (the text as decoded, or the
    SHA-256 of the bytes). A NamedTuple: a run answered from the cache compares them without attrs."""

    relative: str
    text: str | None = None
    sha256: str | None = None


def project_root(folder: Path) -> Path | None:
    """The nearest folder at or above `folder` (resolved) that holds a `PROJECT_MARKERS` entry; None if none does."""
    for candidate in (folder, *folder.parents):
        if any(os.path.lexists(candidate / marker) for marker in PROJECT_MARKERS):
            return candidate
    return None


def boundary_words(root: Path | None) -> str:
    """Where a claims file's paths must lead, for a message: its project, or its own folder."""
    if root is None:
        return "the claims file's folder (no folder above it holds .git or factcheck.toml)"
    return (
        f"the project {root.name or str(root)!r} (the folder above the claims file that holds .git or factcheck.toml)"
    )


def read_inside(
    folder: Path, relative: str, *, limit: int = MAX_ARTICLE_BYTES, what: str = "an article text"
) -> tuple[Path, bytes]:
    """The resolved path and the bytes of the regular file `relative` (relative to `folder`, the claims file's).

    The path is resolved (symlinks and `..` followed) and must still be inside the project that holds
    `folder` (`project_root`), or inside `folder` itself when none does, and not under `.git`; the
    file is opened without blocking and without following a symlink, checked to be a regular file by
    the open descriptor (not by its name, which could change), and read only if it holds at most
    `limit` bytes (`what` names the file in that message). Raises ReadRefusedError otherwise (`outside`, with the boundary's words, for a path
    that leads out).
    """
    base = folder.resolve()
    root = project_root(base)
    within = boundary_words(root)
    if not relative.strip() or "\x00" in relative or Path(relative).is_absolute():
        raise ReadRefusedError(f"not a path inside {within}", outside=True, within=within)
    try:
        target = (folder / relative).resolve()
    except (OSError, RuntimeError, ValueError) as exc:  # RuntimeError: a symlink loop
        raise ReadRefusedError(f"cannot be found: {exc}") from None
    inside = root or base
    if not target.is_relative_to(inside) or inside / ".git" in (target, *target.parents):
        raise ReadRefusedError(f"outside {within}", outside=True, within=within)
    try:
        descriptor = os.open(target, _READ_FLAGS)
    except FileNotFoundError as exc:
        raise ReadRefusedError(exc.strerror or str(exc), missing=True) from None
    except OSError as exc:
        raise ReadRefusedError(exc.strerror or str(exc)) from None
    try:
        return target, _read_regular(descriptor, limit, what)
    finally:
        os.close(descriptor)


def _read_regular(descriptor: int, limit: int, what: str) -> bytes:
    status = os.fstat(descriptor)
    if not stat.S_ISREG(status.st_mode):
        raise ReadRefusedError(f"not a regular file (it is {_kind(status.st_mode)})")
    if status.st_size > limit:
        raise ReadRefusedError(f"larger than the {limit:,} bytes {what} may have")
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
            raise ReadRefusedError(f"larger than the {limit:,} bytes {what} may have")


def _kind(mode: int) -> str:
    kinds = (
        (stat.S_ISDIR, "a folder"),
        (stat.S_ISFIFO, "a FIFO"),
        (stat.S_ISCHR, "a device"),
        (stat.S_ISBLK, "a device"),
        (stat.S_ISSOCK, "a socket"),
    )
    return next((name for test, name in kinds if test(mode)), "not a file")
