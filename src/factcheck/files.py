"""Writing a file for the user (a report, a draft): atomically, and never over an existing file unless asked.

The text goes to a temporary file in the target's folder first, so a reader never sees half a
report and a failure leaves the old file as it was. Without `force`, the new file is put in
place with a hard link, which fails if the name exists, so nothing appears in between the check
and the write either.
"""

from __future__ import annotations

import contextlib
import errno
import os
import tempfile
from pathlib import Path

from factcheck.errors import FactcheckError

__all__ = ["OutputError", "write_new_file"]


class OutputError(FactcheckError, OSError):
    """The report could not be written where it was asked to go."""

    def __init__(self, path: str, reason: str) -> None:
        self.path = path
        self.reason = reason
        super().__init__(path, reason)

    def __str__(self) -> str:
        return f"{self.path}: {self.reason}"


def write_new_file(path: str | Path, text: str, *, force: bool = False) -> None:
    """Write `text` (UTF-8) to `path`; an existing file there is replaced only when `force` is true."""
    target = Path(path)
    shown = str(path)
    if target.is_dir():
        raise OutputError(shown, "is a folder; name the report file to write")
    if not force and (target.exists() or target.is_symlink()):
        raise OutputError(shown, "already exists; give --force to replace it")
    try:
        handle = tempfile.NamedTemporaryFile(  # noqa: SIM115 - closed below, before it is moved
            # backslashreplace, as on standard output: a file name that is not UTF-8 is shown, not a crash
            "w", encoding="utf-8", errors="backslashreplace", newline="\n", dir=target.parent, prefix=f".{target.name}.", suffix=".tmp",
            delete=False)
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
