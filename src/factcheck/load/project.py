"""The project file: a newsroom's defaults for `factcheck check` and `report`, kept beside its claims.

`factcheck.toml` (its keys at the top level), or `[tool.factcheck]` in `pyproject.toml`, found in the
current folder or the nearest folder above it (the search stops at the top of a git repository).
When a folder holds both, `factcheck.toml` is the project file. The keys:

- `paths`: the claims files and folders to check when the command names none;
- `strict`: `--strict` by default (`--no-strict` turns it off for one run);
- `format`: the report format of `check`;
- `cache-dir`: the report cache's folder;
- `jobs`: how many processes check files, or "auto" (one per processor; the default).

Paths are relative to the project file's folder, whatever folder the command runs in. An option on
the command line wins over the file. An unknown key, a value of the wrong type or a file that is not
TOML is a `ProjectFileError` naming the file, the line and the key: a project file that says what it
does not mean is never half-applied.
"""

from __future__ import annotations

import os
import re
from pathlib import Path
from typing import Any, Final, NamedTuple

from factcheck.errors import ProjectFileError

__all__ = ["AUTO_JOBS", "KEYS", "PROJECT_FILE", "Project", "find_project", "read_project"]

PROJECT_FILE: Final = "factcheck.toml"
#: `jobs = "auto"` (and `--jobs auto`): one process per processor this process may use.
AUTO_JOBS: Final = "auto"
_PYPROJECT: Final = "pyproject.toml"
#: Each key of the project file, and what its value must be (for the message when it is not).
KEYS: Final = {
    "paths": "a list of paths (strings)",
    "strict": "true or false",
    "format": "a format's name (a string)",
    "cache-dir": "a folder's path (a string)",
    "jobs": f"a whole number, 1 or more, or {AUTO_JOBS!r}",
}


class Project(NamedTuple):
    """The defaults a project file sets (None where it sets none), with where each key was written.

    A named tuple, not an attrs record: a run answered from the cache reads the project file too, and
    loads nothing but the standard library.
    """

    path: Path  # the file: factcheck.toml, or pyproject.toml
    paths: tuple[str, ...] | None
    strict: bool | None
    format: str | None
    cache_dir: str | None
    jobs: int | str | None  # a number of processes, or AUTO_JOBS
    lines: dict[str, int]  # each key's line in the file

    @property
    def folder(self) -> Path:
        return self.path.parent

    def located(self, key: str) -> str:
        """`factcheck.toml:3, key 'jobs'`: where a key was written, for a message."""
        line = self.lines.get(key)
        return f"{_shown(self.path)}{f':{line}' if line else ''}, key {key!r}"

    def resolved(self, relative: str) -> str:
        """A path of the file, as the command in the current folder names it (relative when it can be)."""
        target = os.path.normpath(self.folder / relative)
        try:
            return os.path.relpath(target)
        except ValueError:  # another drive, on Windows
            return target


def find_project(start: Path | None = None) -> Project | None:
    """The project file of the folder `start` (the current folder by default) or the nearest above it."""
    folder = (start or Path.cwd()).resolve()
    for candidate in (folder, *folder.parents):
        own = candidate / PROJECT_FILE
        if own.is_file():
            return read_project(own)
        pyproject = candidate / _PYPROJECT
        if pyproject.is_file() and "[tool.factcheck]" in _text(pyproject):
            return read_project(pyproject)
        if (candidate / ".git").exists():  # the top of the repository: a project file above it is not its
            return None
    return None


def read_project(path: Path) -> Project:
    """The project file at `path`; ProjectFileError when it cannot be read or says what it cannot mean."""
    import tomllib  # only when there is a project file: a run without one never loads it

    text = _text(path)
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        found = re.search(r"\(at line (\d+), column \d+\)", str(exc))
        line = int(found.group(1)) if found else None
        raise ProjectFileError(f"not valid TOML: {exc}", path=_shown(path), line=line) from None
    table, header = data, None
    if path.name == _PYPROJECT:
        table, header = data.get("tool", {}).get("factcheck", {}), "[tool.factcheck]"
        if not isinstance(table, dict):
            raise ProjectFileError("[tool.factcheck] must be a table", path=_shown(path), line=_line(text, "tool"))
    lines = {key: _line(text, key, header) or 0 for key in table}
    values = {key: _checked(key, value, path, lines[key]) for key, value in table.items()}
    return Project(
        path=path,
        paths=values.get("paths"),
        strict=values.get("strict"),
        format=values.get("format"),
        cache_dir=values.get("cache-dir"),
        jobs=values.get("jobs"),
        lines={key: line for key, line in lines.items() if line},
    )


def _shown(path: Path) -> str:
    """The file's path for a message: relative to the current folder when it is below it, else as found."""
    relative = os.path.relpath(path)
    return str(path) if relative.startswith("..") else relative


def _text(path: Path) -> str:
    try:
        return path.read_bytes().decode("utf-8-sig")
    except OSError as exc:
        raise ProjectFileError(f"cannot read the project file: {exc.strerror or exc}", path=_shown(path)) from None
    except UnicodeDecodeError as exc:
        raise ProjectFileError(f"not UTF-8 text (byte {exc.start})", path=_shown(path)) from None


def _checked(key: str, value: Any, path: Path, line: int) -> Any:
    """The value, if it is what the key takes; otherwise a ProjectFileError at the key's line."""
    if key not in KEYS:
        import difflib

        close = difflib.get_close_matches(key, list(KEYS), n=1)
        hint = f" (did you mean {close[0]!r}?)" if close else f" (the keys: {', '.join(KEYS)})"
        raise ProjectFileError(f"unknown key {key!r}{hint}", path=_shown(path), line=line or None, key=key)
    fits = {
        "paths": isinstance(value, list) and bool(value) and all(isinstance(p, str) and p.strip() for p in value),
        "strict": isinstance(value, bool),
        "format": isinstance(value, str) and bool(value),
        "cache-dir": isinstance(value, str) and bool(value.strip()),
        "jobs": value == AUTO_JOBS or (isinstance(value, int) and not isinstance(value, bool) and value >= 1),
    }[key]
    if not fits:
        raise ProjectFileError(f"must be {KEYS[key]}, not {value!r}", path=_shown(path), line=line or None, key=key)
    return tuple(value) if key == "paths" else value


def _line(text: str, key: str, header: str | None = None) -> int | None:
    """The line a key is written on: at the top level, or in the table `header` (the first such line)."""
    start = 0
    if header is not None:
        found = re.search(rf"^[^\S\n]*{re.escape(header)}[^\S\n]*(?:#.*)?$", text, re.MULTILINE)
        if found is None:
            return None
        start = found.end()
    written = re.compile(rf"""^[^\S\n]*(?:{re.escape(key)}|"{re.escape(key)}"|'{re.escape(key)}')[^\S\n]*[=.]""")
    for number, line in enumerate(text[start:].split("\n"), start=text.count("\n", 0, start) + 1):
        if header is None and line.lstrip().startswith("["):
            return None  # past the top level
        if written.match(line):
            return number
    return None
