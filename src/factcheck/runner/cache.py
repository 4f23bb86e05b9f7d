"""Remembers each claims file's part of the report, so re-checking unchanged files costs about
what reading them costs.

A data desk re-checks every local version of every story on each push, and almost all of them
are unchanged. An entry is used only when a digest of everything its part of the report was
computed from matches: factcheck's own code (every source file, so an edited install never reuses
old verdicts), the Python version and the installed pint and rtoml, the report format and colour,
the path as given, and the file's bytes. The other files a check read (`load.paths.FileRead`: the
`[article] text`, or each version's text and the table of versions of a template) are read again
on every hit (as the loader reads them: only a regular file inside the claims file's folder, of a
bounded size) and compared with what the entry recorded, so an edited article, or one version of
a story edited among forty, is checked again. Nothing is judged by modification times. Each file
has one entry per format, replaced when the file changes, so the cache does not grow with edits.

The cache is a folder (`.factcheck_cache` by default) that factcheck creates and marks as its
own with a `CACHEDIR.TAG` holding factcheck's own words (`_TAG`): that file, exactly, is the
marker. A folder without it (or with another tool's tag) is somebody else's and is left alone:
nothing in it is read, written or deleted. Entries live in one SQLite database in it, written a
transaction each, so parallel workers and interrupted runs never leave a half-written entry.
Each entry is sealed: an HMAC-SHA256 over its fields and its key, so an entry altered on
disk (a flipped byte, a hand edit, another program) or moved to another file's slot is a miss,
never a report. An entry that cannot be read, parsed or unsealed is treated as missing, and a
damaged database is made afresh (only in a folder recognised as ours). Deleting the folder is
always safe.

The seal is not a secret (its key is factcheck's own code fingerprint): it catches alteration by
anything but factcheck, not a user who can run factcheck, who could write entries anyway.

Only the standard library is imported here: a run where every file is a hit never loads the
verifier. Every digest is SHA-256: hashing the files is most of a hit's work, and processors with
SHA extensions (most x86 and ARM chips of the last few years) do it 2 to 3 times as fast as BLAKE2b.
"""

from __future__ import annotations

import hashlib
import hmac
import importlib.util
import json
import os
import sqlite3
import stat
import sys
from collections.abc import Sequence
from functools import cache
from pathlib import Path
from typing import Any, Final, NamedTuple

from factcheck.errors import CacheError, ReadRefusedError
from factcheck.load.paths import FileRead, read_inside

__all__ = ["DEFAULT_FOLDER", "CacheKey", "ResultCache", "article_state", "code_fingerprint", "source_files"]

DEFAULT_FOLDER: Final = ".factcheck_cache"

#: The tag that marks a folder as a cache (https://bford.info/cachedir/): backup tools skip it.
_TAG_NAME: Final = "CACHEDIR.TAG"
_TAG: Final = (
    "Signature: 8a477f597d28d172789f06886806bc55\n"
    "# This folder is factcheck's cache of report parts; deleting it is always safe.\n"
)
#: Bumped when the layout of an entry changes.
_LAYOUT: Final = b"factcheck-cache-5"
_MISSING: Final = "missing"
_DATABASE: Final = "reports.sqlite3"
#: The files of the database (SQLite's write-ahead log and its index beside it).
_DATABASE_FILES: Final = (_DATABASE, _DATABASE + "-wal", _DATABASE + "-shm")
#: The table of entries; the first layout's table (`report`, unsealed) is dropped when found.
_TABLE: Final = "entry"
#: What a seal's message starts with: seals are of entries, and of nothing else factcheck might digest.
_SEALED: Final = b"factcheck-entry\x00"


class CacheKey(NamedTuple):
    """Where a file's entry lives, and what it must have been computed from.

    The slot depends only on the path, format and colour, so a file has one entry per format that
    each new version replaces: the cache holds as many entries as files checked, however often
    they change. The digest adds factcheck's code and the file's bytes.
    """

    slot: str
    digest: str


@cache
def code_fingerprint() -> bytes:
    """A digest of factcheck's own source and the versions of what can change a verdict."""
    digest = hashlib.sha256(_LAYOUT)
    package = _PACKAGE
    for path in source_files():
        digest.update(path.relative_to(package).as_posix().encode() + b"\0")
        digest.update(path.read_bytes() + b"\0")
    digest.update(sys.version.encode() + b"\0")
    for distribution in ("pint", "rtoml"):  # unit definitions, and the reading of numbers
        digest.update(_installed(distribution).encode() + b"\0")
    return digest.digest()


#: The whole factcheck package (this module is in its `runner` folder): every layer can change a verdict.
_PACKAGE: Final = Path(__file__).resolve().parent.parent


def source_files() -> list[Path]:
    """Every file of factcheck's own code and data that the fingerprint covers, in a stable order."""
    found: list[Path] = []
    for folder, subfolders, names in os.walk(_PACKAGE):
        subfolders[:] = [name for name in subfolders if name != "__pycache__"]  # bytecode only: nothing to read
        found.extend(Path(folder, name) for name in names if name.endswith((".py", ".json")))
    return sorted(path for path in found if path.is_file())


def _installed(package: str) -> str:
    """Which copy of `package` is installed: its files' names, sizes and times, without importing it
    (pint takes a third of a second to import; `importlib.metadata` a tenth of that)."""
    spec = importlib.util.find_spec(package)
    if spec is None or spec.origin is None:
        return _MISSING
    folder = Path(spec.origin).parent
    try:
        files = sorted(
            (entry.name, entry.stat().st_size, entry.stat().st_mtime_ns)
            for entry in os.scandir(folder)
            if entry.is_file()
        )
    except OSError:
        return _MISSING
    return json.dumps([str(folder), files])


def article_state(claims_path: str, relative: str) -> str:
    """What the loader's reading of `[article] text = relative` depends on, as one string.

    The loader reads the article with `files.read_inside` (a regular file inside the folder, of a
    bounded size), and so does this: the resolved target and a digest of its bytes, or why it was
    refused, decide what the loader finds. A version's text and a table are read the same way.
    """
    return _read_article(claims_path, relative)[0]


def _reads_state(claims_path: str, relatives: list[str]) -> str:
    """The state (`article_state`) of every file a check read, as one string."""
    return json.dumps([article_state(claims_path, relative) for relative in relatives])


def _unchanged(data: bytes, read: FileRead) -> bool:
    """Whether a file's bytes are still what the check read: the same text as decoded, or the same SHA-256."""
    if read.text is not None:
        return _as_read(data) == read.text
    if read.sha256 is not None:
        return hashlib.sha256(data).hexdigest() == read.sha256
    return False  # it could not be read then: nothing to compare


def _read_article(claims_path: str, relative: str) -> tuple[str, bytes | None]:
    """The article's state (as `article_state`) and its bytes, when they could be read."""
    folder = Path(claims_path).parent
    try:
        target, data = read_inside(folder, relative)
    except ReadRefusedError as exc:
        return json.dumps(["refused", exc.outside, exc.reason]), None
    return json.dumps([str(target), hashlib.sha256(data).hexdigest()]), data


def _as_read(data: bytes) -> str:
    """The bytes as the loader's `read_text(encoding="utf-8-sig")` gives them (universal newlines)."""
    return data.decode("utf-8-sig", "replace").replace("\r\n", "\n").replace("\r", "\n")


class ResultCache:
    """Report parts stored under a digest of what they were computed from, in one SQLite file.

    One database rather than a file per entry: writing thousands of small files costs more than
    checking some of them, and SQLite's write-ahead log lets `-j N` workers write side by side.
    Each process opens its own connection on first use; none crosses a fork or a pickle.
    """

    def __init__(self, folder: str | Path) -> None:
        self.folder = Path(folder)
        self.ready = False  # until `prepare` has made or recognised the folder and its database
        self._connection: sqlite3.Connection | None = None

    def __getstate__(self) -> dict[str, Any]:
        return {"folder": self.folder, "ready": self.ready}

    def __setstate__(self, state: dict[str, Any]) -> None:
        self.folder, self.ready, self._connection = state["folder"], state["ready"], None

    def key(self, path: str, data: bytes, fmt: str, colour: bool) -> CacheKey:
        """The slot and digest of the claims file at `path` with contents `data`, in a format."""
        head = hashlib.sha256()
        for part in (fmt.encode(), b"1" if colour else b"0", os.fsencode(path)):
            head.update(len(part).to_bytes(8, "little") + part)
        digest = head.copy()
        digest.update(code_fingerprint())
        digest.update(data)
        return CacheKey(head.hexdigest(), digest.hexdigest())

    def get(self, key: CacheKey, path: str) -> str | None:
        """The stored report for `key`, if its slot holds that digest and every other file it read is unchanged."""
        if not self.ready:
            return None
        try:
            row = (
                self._database()
                .execute(
                    f"SELECT digest, article, article_state, report, seal FROM {_TABLE} WHERE slot = ?", (key.slot,)
                )
                .fetchone()
            )
        except sqlite3.Error:
            return None
        if row is None or row[0] != key.digest:
            return None
        _, article, state, report, seal = row
        if not (
            isinstance(report, str)
            and isinstance(seal, str)
            and (article is None or isinstance(article, str))
            and (state is None or isinstance(state, str))
        ):
            return None
        if not hmac.compare_digest(seal, _seal(key, article, state, report)):
            return None  # altered since factcheck wrote it
        if article is not None:
            try:
                relatives = json.loads(article)
            except ValueError:
                return None
            if not (isinstance(relatives, list) and all(isinstance(r, str) for r in relatives)):
                return None
            if _reads_state(path, relatives) != state:
                return None
        return report

    def put(self, key: CacheKey, path: str, reads: Sequence[FileRead], report: str) -> None:
        """Store `report` (a text the caller reads back) of a check that read the files `reads` (besides the
        claims file) as they say.

        Nothing is stored when one of them could not be read, or is not now what the check read
        (it changed while the file was checked): the entry must record what its report saw; nor when
        the text holds a lone surrogate (from a file name that is not UTF-8), which SQLite cannot hold.
        Raises CacheError when the entry cannot be written; the caller carries on without it.
        """
        if not self.ready or not _is_utf8(report):
            return
        article = state = None
        if reads:
            states = []
            for read in reads:
                found, data = _read_article(path, read.relative)
                if data is None or not _unchanged(data, read):
                    return
                states.append(found)
            article, state = json.dumps([read.relative for read in reads]), json.dumps(states)
        try:
            self._database().execute(
                f"INSERT OR REPLACE INTO {_TABLE} VALUES (?, ?, ?, ?, ?, ?)",
                (key.slot, key.digest, article, state, report, _seal(key, article, state, report)),
            )
        except sqlite3.Error as exc:
            self.ready = False
            raise CacheError(f"cannot write to the cache {str(self.folder)!r}: {exc}") from None

    def __len__(self) -> int:
        """How many entries the cache holds."""
        if not self.ready:
            return 0
        count: int = self._database().execute(f"SELECT COUNT(*) FROM {_TABLE}").fetchone()[0]
        return count

    def _database(self) -> sqlite3.Connection:
        if self._connection is None:
            self._connection = _connect(self.folder / _DATABASE)
        return self._connection

    def prepare(self) -> None:
        """Create the folder with its tag and database, or check that an existing one is factcheck's;
        until this has succeeded, nothing is read or stored. A database that is damaged (not SQLite,
        or not ours) is made afresh. Raises CacheError when the folder cannot be used."""
        if not self._is_ours():
            if self.folder.exists() and (not self.folder.is_dir() or any(self.folder.iterdir())):
                raise CacheError(
                    f"{str(self.folder)!r} exists and is not factcheck's cache (it has no {_TAG_NAME} "
                    "written by factcheck); not using it"
                )
            try:
                self.folder.mkdir(parents=True, exist_ok=True)
                (self.folder / ".gitignore").write_text("# factcheck's cache: never committed\n*\n", encoding="utf-8")
                (self.folder / _TAG_NAME).write_text(_TAG, encoding="utf-8")
            except OSError as exc:
                raise CacheError(f"cannot create the cache {str(self.folder)!r}: {exc.strerror or exc}") from None
        database = self.folder / _DATABASE
        for name in _DATABASE_FILES:  # SQLite would follow a link and write wherever it points
            if _exists_but_is_not_a_file(self.folder / name):
                raise CacheError(f"{str(self.folder / name)!r} is not a regular file; not using the cache")
        try:
            try:
                _forget_the_first_layout(_connect(database))
            except sqlite3.DatabaseError:
                for name in _DATABASE_FILES:  # only ever in a folder that is ours, and only these regular files
                    (self.folder / name).unlink(missing_ok=True)
                _connect(database).close()
        except (sqlite3.Error, OSError) as exc:
            raise CacheError(f"cannot open the cache database {str(database)!r}: {exc}") from None
        self.ready = True

    def _is_ours(self) -> bool:
        """Whether the folder carries factcheck's marker: a CACHEDIR.TAG (a regular file, not a link) holding
        exactly what factcheck writes there. Another tool's tag marks a cache, but not ours."""
        tag = self.folder / _TAG_NAME
        try:
            if not stat.S_ISREG(tag.lstat().st_mode):
                return False
            with tag.open("rb") as handle:
                return handle.read(len(_TAG_BYTES) + 1) == _TAG_BYTES
        except OSError:
            return False


_TAG_BYTES: Final = _TAG.encode("utf-8")


def _is_utf8(text: str) -> bool:
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def _exists_but_is_not_a_file(path: Path) -> bool:
    try:
        return not stat.S_ISREG(path.lstat().st_mode)
    except FileNotFoundError:
        return False


def _seal(key: CacheKey, article: str | None, state: str | None, report: str) -> str:
    """A digest of an entry's fields and its key, keyed with factcheck's code fingerprint: an entry altered on
    disk, or moved to another slot, does not match it."""
    fields = (key.slot, key.digest, "\x00" if article is None else article, "\x00" if state is None else state, report)
    message = "".join(f"{len(field)}:{field}" for field in fields)  # each field's length first: none runs into the next
    return hmac.digest(code_fingerprint(), _SEALED + message.encode("utf-8", "surrogatepass"), "sha256").hex()


def _forget_the_first_layout(connection: sqlite3.Connection) -> None:
    """Drop the first layout's table (`report`, entries without a seal), once per run, and close."""
    try:
        connection.execute("DROP TABLE IF EXISTS report")
    finally:
        connection.close()


def _connect(database: Path) -> sqlite3.Connection:
    """A connection in autocommit mode, with the write-ahead log (readers never wait for a writer;
    a crash loses at most the last entries, never the database) and the table made if missing."""
    connection = sqlite3.connect(database, timeout=30, isolation_level=None)
    try:
        connection.execute("PRAGMA journal_mode=WAL")
        connection.execute("PRAGMA synchronous=NORMAL")
        connection.execute(
            f"CREATE TABLE IF NOT EXISTS {_TABLE} (slot TEXT PRIMARY KEY, digest TEXT NOT NULL, "
            "article TEXT, article_state TEXT, report TEXT NOT NULL, seal TEXT NOT NULL)"
        )
    except BaseException:
        connection.close()
        raise
    return connection
