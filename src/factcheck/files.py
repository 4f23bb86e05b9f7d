"""The files factcheck touches besides claims files: the article text it reads, the reports it writes.

Reading (`read_inside`): the one way any code path reads a file a claims file names. Only a
regular file inside the claims file's folder is read, and at most `MAX_ARTICLE_BYTES` of it, so
a hostile `[article] text` (an absolute path, `..`, a symlink out of the folder, `/dev/zero`, a
FIFO, a huge file) is refused instead of hanging or filling memory.

Writing (`write_new_file`): atomically, and never over an existing file unless asked. The text
goes to a temporary file in the target's folder first, so a reader never sees half a report and
a failure leaves the old file as it was. Without `force`, the new file is put in place with a
hard link, which fails if the name exists, so nothing appears in between the check and the
write either..
"""

from __future__ import annotations

import contextlib
import errno
import os
import stat
from collections.abc import Iterable
from pathlib import Path
from typing import Final

from factcheck.errors import FactcheckError

__all__ = ["MAX_ARTICLE_BYTES", "InputOverwriteError", "OutputError", "ReadRefused", "read_inside", "refuse_inputs",
           "write_new_file"]

#: The most of an article text that is read, in bytes (8 MiB). A long feature is about 100 KB, so
#: this is eighty of them; a file beyond it is refused, not read in part.
MAX_ARTICLE_BYTES: Final = 8 * 1024 * 1024
#: Opened so that nothing can block or follow a link swapped in after the path was resolved: a FIFO
#: opens at once (and is then refused as not a regular file), a symlink in the last place fails.
_READ_FLAGS: Final = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOFOLLOW", 0) \
    | getattr(os, "O_CLOEXEC", 0)
_CHUNK: Final = 1 << 20


class ReadRefused(Exception):
    """A file named by a claims file that is not read, and why; `outside`: it is not inside the folder."""

    def __init__(self, reason: str, *, outside: bool = False) -> None:
        super().__init__(reason)
        self.reason = reason
        self.outside = outside


def read_inside(folder: Path, relative: str, *, limit: int = MAX_ARTICLE_BYTES) -> tuple[Path, bytes]:
    """The resolved path and the bytes of the regular file `relative` names inside `folder`.

    The path is resolved (symlinks and `..` followed) and must still be inside the resolved folder;
    the file is opened without blocking and without following a symlink, checked to be a regular
    file by the open descriptor (not by its name, which could change), and read only if it holds
    at most `limit` bytes. Raises ReadRefused otherwise.
    """
    if not relative.strip() or "\x00" in relative or Path(relative).is_absolute():
        raise ReadRefused("not a path inside the folder", outside=True)
    try:
        base, target = folder.resolve(), (folder / relative).resolve()
    except (OSError, RuntimeError, ValueError) as exc:  # RuntimeError: a symlink loop
        raise ReadRefused(f"cannot be found: {exc}") from None
    if not target.is_relative_to(base):
        raise ReadRefused("outside the folder", outside=True)
    try:
        descriptor = os.open(target, _READ_FLAGS)
    except OSError as exc:
        raise ReadRefused(exc.strerror or str(exc)) from None
    try:
        return target, _read_regular(descriptor, limit)
    finally:
        os.close(descriptor)


def _read_regular(descriptor: int, limit: int) -> bytes:
    status = os.fstat(descriptor)
    if not stat.S_ISREG(status.st_mode):
        raise ReadRefused(f"not a regular file (it is {_kind(status.st_mode)})")
    if status.st_size > limit:
        raise ReadRefused(f"larger than the {limit:,} bytes an article text may have")
    chunks: list[bytes] = []
    size = 0
    while True:  # to the end, but never past the limit: the file may grow while it is read
        try:
            chunk = os.read(descriptor, min(_CHUNK, limit + 1 - size))
        except OSError as exc:
            raise ReadRefused(exc.strerror or str(exc)) from None
        if not chunk:
            return b"".join(chunks)
        chunks.append(chunk)
        size += len(chunk)
        if size > limit:
            raise ReadRefused(f"larger than the {limit:,} bytes an article text may have")


def _kind(mode: int) -> str:
    kinds = ((stat.S_ISDIR, "a folder"), (stat.S_ISFIFO, "a FIFO"), (stat.S_ISCHR, "a device"),
             (stat.S_ISBLK, "a device"), (stat.S_ISSOCK, "a socket"))
    return next((name for test, name in kinds if test(mode)), "not a file")


class OutputError(FactcheckError, OSError):
    """The report could not be written where it was asked to go."""

    def __init__(self, path: str, reason: str) -> None:
        self.path = path
        self.reason = reason
        super().__init__(path, reason)

    def __str__(self) -> str:
        return f"{self.path}: {self.reason}"


class InputOverwriteError(OutputError):
    """The output is a file the same run reads: `what` it is ("the claims file 'x.claims.toml'")."""

    def __init__(self, path: str, what: str) -> None:
        super().__init__(path, f"is {what}, which this run reads; not writing over it")
        self.what = what


def refuse_inputs(output: str | Path, inputs: Iterable[tuple[str | Path, str]]) -> None:
    """Raise InputOverwriteError when `output` is one of the `inputs` ((path, what it is) pairs): the same
    path once resolved (symlinks, `..`), or the same file under another name (a hard link, or a link to
    it). An output that does not exist yet cannot be an input; one that cannot be looked at is left to
    the writing to refuse."""
    target = Path(output)
    try:
        resolved = target.resolve()
        found = os.stat(target)
    except (OSError, RuntimeError, ValueError):  # not there (so no input), or not to be looked at (nor written)
        return
    for path, what in inputs:
        try:
            same = Path(path).resolve() == resolved or os.path.samestat(found, os.stat(path))
        except (OSError, RuntimeError, ValueError):  # an input that is not there is not overwritten
            continue
        if same:
            raise InputOverwriteError(str(output), what)


def write_new_file(path: str | Path, text: str, *, force: bool = False) -> None:
    """Write `text` (UTF-8) to `path`; an existing file there is replaced only when `force` is true."""
    target = Path(path)
    shown = str(path)
    if target.is_dir():
        raise OutputError(shown, "is a folder; name the report file to write")
    if not force and (target.exists() or target.is_symlink()):
        raise OutputError(shown, "already exists; give --force to replace it")
    import tempfile  # noqa: PLC0415 - only when writing: reading an article (on every cache hit) does not need it

    try:
        handle = tempfile.NamedTemporaryFile(  # noqa: SIM115 - closed below, before it is moved
            # backslashreplace, as on standard output: a file name that is not UTF-8 is shown, not a crash
            "w", encoding="utf-8", errors="backslashreplace", newline="\n", dir=target.parent,
            prefix=f".{target.name}.", suffix=".tmp", delete=False)
    except OSError as exc:
        raise OutputError(shown, f"cannot write here: {exc.strerror or exc}") from None
    temporary = Path(handle.name)
    try:
        with handle:
            handle.write(text)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(temporary, 0o666 & ~_umask())
        if force:
            os.replace(temporary, target)
        else:
            _link_new(temporary, target, shown)
    except OSError as exc:
        if isinstance(exc, OutputError):
            raise
        raise OutputError(shown, f"cannot write: {exc.strerror or exc}") from None
    finally:
        with contextlib.suppress(FileNotFoundError):
            temporary.unlink()


def _link_new(temporary: Path, target: Path, shown: str) -> None:
    """Give the finished file its name, refusing (even in a race) if the name is taken."""
    try:
        os.link(temporary, target)
    except FileExistsError:
        raise OutputError(shown, "already exists; give --force to replace it") from None
    except OSError as exc:
        if exc.errno not in (errno.EPERM, errno.ENOTSUP, errno.EOPNOTSUPP, errno.EXDEV):
            raise
        # A file system without hard links: check, then move (a narrow window, but the best it allows).
        if target.exists() or target.is_symlink():
            raise OutputError(shown, "already exists; give --force to replace it") from None
        os.replace(temporary, target)


def _umask() -> int:
    mask = os.umask(0o022)
    os.umask(mask)
    return mask
