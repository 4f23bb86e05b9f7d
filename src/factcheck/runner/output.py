"""Writing a report or a draft claims file: atomically, never over an existing file unless asked,
and never over a file the same run reads.

The text goes to a temporary file in the target's folder first, so a reader never sees half a
report and a failure leaves the old file as it was. Without `force`, the new file is put in place
with a hard link, which fails if the name exists, so nothing appears in between the check and the
write either.
"""

from __future__ import annotations

import contextlib
import errno
import os
from collections.abc import Callable, Iterable
from pathlib import Path

from factcheck.errors import ChangedMeanwhileError, DraftExistsError, InputOverwriteError, OutputError

__all__ = ["digest", "refuse_inputs", "replace_unchanged", "write_draft", "write_new_file"]


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

    def put_in_place(temporary: Path) -> None:
        os.chmod(temporary, 0o666 & ~_umask())
        if force:
            os.replace(temporary, target)
        else:
            _link_new(temporary, target, shown)

    # backslashreplace, as on standard output: a file name that is not UTF-8 is shown, not a crash
    _write_beside(target, shown, text, put_in_place, newline="\n", errors="backslashreplace")


def _write_beside(
    target: Path, shown: str, text: str, put_in_place: Callable[[Path], None], *, newline: str, errors: str = "strict"
) -> None:
    """Write `text` (UTF-8) to a temporary file in `target`'s folder, synced to disk, then `put_in_place(it)`:
    a reader never sees half a file, and a failure leaves the old one as it was. The temporary file never
    outlives the call; an OSError is an OutputError naming `shown`."""
    import tempfile  # only when writing: reading an article (on every cache hit) does not need it

    try:
        handle = tempfile.NamedTemporaryFile(  # closed below, before it is put in place
            "w",
            encoding="utf-8",
            errors=errors,
            newline=newline,
            dir=target.parent,
            prefix=f".{target.name}.",
            suffix=".tmp",
            delete=False,
        )
    except OSError as exc:
        raise OutputError(shown, f"cannot write here: {exc.strerror or exc}") from None
    temporary = Path(handle.name)
    try:
        with handle:
            handle.write(text)
            handle.flush()
            os.fsync(handle.fileno())
        put_in_place(temporary)
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


def write_draft(text: str, path: str | Path, *, force: bool = False) -> Path:
    """Save `text` at `path` atomically; an existing file is an error unless `force`."""
    target = Path(path)
    if not force and (target.exists() or target.is_symlink()):
        msg = f"{target} already exists; use --force to replace it"
        raise DraftExistsError(msg)
    write_new_file(target, text, force=force)  # refuses, even in a race, to replace what appeared meanwhile
    return target


def digest(data: bytes) -> str:
    """The SHA-256 of a file's bytes, to tell later whether it changed."""
    import hashlib

    return hashlib.sha256(data).hexdigest()


def replace_unchanged(path: str | Path, text: str, read_digest: str) -> None:
    """Replace the file at `path` with `text`, atomically, only if its bytes are still those whose digest
    was `read_digest`: a file someone changed after it was read (an editor saving it) is kept.

    The new text is written to a temporary file beside it first, and the digest compared just before the
    temporary file takes its name, so the window in which a change could be lost is a single rename.
    """
    target = Path(path)
    shown = str(path)
    if target.is_symlink():
        raise OutputError(shown, "is a symbolic link; not replaced (name the file it points at)")

    def put_in_place(temporary: Path) -> None:
        os.chmod(temporary, os.stat(target).st_mode & 0o7777)  # the file keeps its permissions
        if digest(target.read_bytes()) != read_digest:
            raise ChangedMeanwhileError(shown, "was changed after it was read; kept as it is, nothing written")
        os.replace(temporary, target)

    _write_beside(target, shown, text, put_in_place, newline="")
