"""Exceptions, kept in a leaf module so that every layer can raise them without import cycles."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

__all__ = [
    "CacheError",
    "CellError",
    "ChangedMeanwhileError",
    "ClaimFailedError",
    "ClaimInputError",
    "ClaimsFileError",
    "ComputedBoundError",
    "CycleError",
    "DraftExistsError",
    "DraftInputError",
    "DuplicateRowError",
    "FactcheckError",
    "FillError",
    "FormulaError",
    "ImpossibleValueError",
    "InputOverwriteError",
    "InputsMissingError",
    "IntervalError",
    "OutputError",
    "PeriodError",
    "PhraseError",
    "ProjectFileError",
    "RankWordsError",
    "ReadRefusedError",
    "TOMLLimitError",
    "TableDigestError",
    "TableError",
    "TableFileError",
    "TemplateDraftError",
    "ToleranceError",
    "UnitError",
    "UnitMismatchError",
    "UnknownColumnError",
    "UnknownNameError",
    "UnknownRowError",
    "UnusableNameError",
    "ZeroDenominatorError",
]


class FactcheckError(Exception):
    """Root of every error factcheck raises on purpose."""


class PhraseError(FactcheckError, ValueError):
    """Words in `stated` (or an article) that the reader cannot turn into an interval.

    It quotes the whole phrase and points at the part it could not read, never guessing.
    """

    def __init__(self, phrase: str, reason: str, span: tuple[int, int] | None = None) -> None:
        self.phrase = phrase
        self.reason = reason
        self.span = span
        super().__init__(phrase, reason, span)

    def __str__(self) -> str:
        if self.span is not None:
            start, end = self.span
            return f"{self.reason}: {self.phrase!r} (at {self.phrase[start:end]!r})"
        return f"{self.reason}: {self.phrase!r}"


class ClaimsFileError(FactcheckError, ValueError):
    """A problem in a claims file, located by file, line, claim id and field where known."""

    def __init__(
        self,
        message: str,
        *,
        path: str | None = None,
        line: int | None = None,
        claim_id: str | None = None,
        field: str | None = None,
    ) -> None:
        self.message = message
        self.path = path
        self.line = line
        self.claim_id = claim_id
        self.field = field
        super().__init__(message)

    def at(self, path: str) -> ClaimsFileError:
        """The same problem, told of the file as `path` (a path relative to where the user is): a new error,
        this one unchanged (an error is never changed once raised)."""
        return ClaimsFileError(self.message, path=path, line=self.line, claim_id=self.claim_id, field=self.field)

    def where(self) -> str:
        """`file:line` followed by the claim and field, as far as they are known."""
        parts = []
        if self.path is not None:
            parts.append(self.path if self.line is None else f"{self.path}:{self.line}")
        if self.claim_id is not None:
            parts.append(f"claim {self.claim_id!r}")
        if self.field is not None:
            parts.append(f"field {self.field!r}")
        return ", ".join(parts)

    def __str__(self) -> str:
        where = self.where()
        return f"{where}: {self.message}" if where else self.message


class UnknownNameError(FactcheckError, KeyError):
    """A claim names a figure or claim that the file does not define."""

    def __init__(self, name: str, suggestions: tuple[str, ...] = ()) -> None:
        self.name = name
        self.suggestions = suggestions
        super().__init__(name)

    def __str__(self) -> str:
        hint = f"; did you mean {' or '.join(map(repr, self.suggestions))}?" if self.suggestions else ""
        return f"no figure or claim is named {self.name!r}{hint}"


class UnitMismatchError(FactcheckError, ValueError):
    """Two sides of a change, share, difference or comparison are in units that cannot be compared."""

    def __init__(self, left: str, right: str, why: str = "") -> None:
        self.left = left
        self.right = right
        self.why = why
        super().__init__(left, right, why)

    def __str__(self) -> str:
        tail = f" ({self.why})" if self.why else ""
        return f"units {self.left!r} and {self.right!r} are not compatible{tail}"


class ZeroDenominatorError(FactcheckError, ZeroDivisionError):
    """A division whose denominator is, or may be, zero."""

    def __str__(self) -> str:
        return self.args[0] if self.args else "division by zero"


class CycleError(FactcheckError, ValueError):
    """Claims that refer to each other in a circle, so none of them can be computed."""

    def __init__(self, chain: tuple[str, ...]) -> None:
        self.chain = chain
        self.members = frozenset(chain)  # each claim of the cycle asks whether it is one of them
        super().__init__(chain)

    def __str__(self) -> str:
        chain = self.chain
        if len(chain) > 12:  # a long cycle is named by its ends: every claim of it reports it
            chain = (*chain[:6], f"… ({len(chain) - 1} claims) …", *chain[-3:])
        return "claims refer to each other in a cycle: " + " -> ".join(chain)


class IntervalError(FactcheckError, ValueError):
    """An interval that cannot be: bounds in the wrong order, or a centre, width or sum of an unbounded one."""


class UnitError(FactcheckError, ValueError):
    """A unit that cannot be read: not a unit expression, or past the bounds on units (the loader reports it
    as the figure's `unit`)."""


class ToleranceError(FactcheckError, ValueError):
    """A `tolerance` that is not a finite, non-negative number or percentage within the bound on numbers."""


class ClaimInputError(FactcheckError, ValueError):
    """An input field that a claim of its kind does not have ("a rate claim has no input from")."""


class TOMLLimitError(FactcheckError, ValueError):
    """Valid TOML that is refused because reading it would take unbounded time or memory.

    `line` is the line (1-based) where it happens, when known.
    """

    def __init__(self, message: str, line: int | None) -> None:
        self.message = message
        self.line = line
        super().__init__(message, line)

    def __str__(self) -> str:
        return self.message if self.line is None else f"{self.message} (line {self.line})"


class ReadRefusedError(FactcheckError):
    """A file named by a claims file that is not read, and why; `outside`: it is not inside the claims file's
    project (or, in no project, its folder), which `within` names for a message; `missing`: there is no such file."""

    def __init__(
        self, reason: str, *, outside: bool = False, missing: bool = False, within: str = "the claims file's folder"
    ) -> None:
        super().__init__(reason)
        self.reason = reason
        self.outside = outside
        self.missing = missing
        self.within = within


class ProjectFileError(FactcheckError, ValueError):
    """A project file (factcheck.toml, or [tool.factcheck] in pyproject.toml) that cannot be read or says what it
    cannot mean: "factcheck.toml:3, key 'jobs': must be a whole number, 1 or more, not 0"."""

    def __init__(self, message: str, *, path: str, line: int | None = None, key: str | None = None) -> None:
        where = path + (f":{line}" if line else "") + (f", key {key!r}" if key else "")
        super().__init__(f"{where}: {message}")
        self.message = message
        self.path = path
        self.line = line
        self.key = key


class ClaimFailedError(FactcheckError):
    """Raised by the pytest plugin's item for a claim that does not hold; its message is the whole report."""


class UnusableNameError(FactcheckError):
    """A name that exists but stands for no value: a figure or claim with an error, or a comparison.

    For a claim that uses another with an error, `origin` is the claim whose own error it is and
    `reason` that error, so that a long chain of claims says where the trouble is instead of
    nesting one message in the next.
    """

    def __init__(self, message: str, *, origin: str = "", reason: str = "") -> None:
        super().__init__(message)
        self.origin = origin
        self.reason = reason


class InputsMissingError(FactcheckError):
    """A claim this one uses has no inputs, so neither can be checked (unchecked, not an error)."""


class DraftInputError(FactcheckError):
    """A claim this one uses is still a draft: its inputs are placeholders."""


class ImpossibleValueError(FactcheckError):
    """A value that cannot be: a share above 100%, a negative count, a direction the words deny."""


class ComputedBoundError(FactcheckError):
    """A recomputed value past the bound on computed values."""


class FormulaError(FactcheckError, ValueError):
    """An `expr` that is not plain arithmetic on names and numbers."""

    def __init__(self, expr: str, reason: str) -> None:
        self.expr = expr
        self.reason = reason
        super().__init__(expr, reason)

    def __str__(self) -> str:
        return f"{self.reason} in formula {self.expr!r}"


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


class CacheError(FactcheckError):
    """The report cache cannot be used (its folder is somebody else's, or cannot be created or written);
    the run goes on without it."""


class TemplateDraftError(FactcheckError, ValueError):
    """Versions of a story that no template can be drafted from (their sentences differ in number, say)."""


class DraftExistsError(FactcheckError, FileExistsError):
    """The claims file to write already exists and `force` was not given."""


class FillError(FactcheckError, ValueError):
    """`suggest --write` cannot write the chosen inputs into the claims file without changing anything else."""


class ChangedMeanwhileError(OutputError):
    """The file to rewrite was changed by someone else after it was read: it is kept, not replaced."""


class TableError(FactcheckError, ValueError):
    """A table that cannot be read, or a figure that cannot be read from it, located as far as known.

    Fields: `table` (its name in the claims file), `file` (the table's path as given), `line` (the
    claims file line of `[tables.NAME]`, when the spec carries it), `row` (the row's key),
    `row_number` (the row as a spreadsheet numbers it), `column`, `cell` (the cell's own text).
    """

    def __init__(
        self,
        message: str,
        *,
        table: str | None = None,
        file: str | None = None,
        line: int | None = None,
        row: str | None = None,
        row_number: int | None = None,
        column: str | None = None,
        cell: str | None = None,
    ) -> None:
        self.message = message
        self.table = table
        self.file = file
        self.line = line
        self.row = row
        self.row_number = row_number
        self.column = column
        self.cell = cell
        super().__init__(message)

    def where(self) -> str:
        """ "table 'care' (care.csv), row 'Mossbridge' (row 13), column 'Rate'", as far as known."""
        parts = []
        if self.table is not None:
            parts.append(f"table {self.table!r}" + (f" ({self.file})" if self.file else ""))
        elif self.file is not None:
            parts.append(self.file)
        if self.row is not None:
            parts.append(f"row {self.row!r}" + (f" (row {self.row_number})" if self.row_number else ""))
        elif self.row_number is not None:
            parts.append(f"row {self.row_number}")
        if self.column is not None:
            parts.append(f"column {self.column!r}")
        return ", ".join(parts)

    def __str__(self) -> str:
        where = self.where()
        return f"{where}: {self.message}" if where else self.message


class TableFileError(TableError):
    """The table's file cannot be read as a table: missing, refused, malformed, no such sheet."""


class TableDigestError(TableFileError):
    """The file is not the one `sha256` pins: it changed since the claims were written."""

    def __init__(
        self, *, expected: str, actual: str, table: str | None, file: str | None, line: int | None = None
    ) -> None:
        super().__init__(
            f"the file has changed: its SHA-256 is {actual}, but sha256 pins {expected}",
            table=table,
            file=file,
            line=line,
        )
        self.expected = expected
        self.actual = actual


class UnknownRowError(TableError):
    """No row has that key; `suggestions` are the closest keys the table has."""

    def __init__(self, message: str, *, suggestions: Sequence[str] = (), **where: Any) -> None:
        super().__init__(message, **where)
        self.suggestions = tuple(suggestions)


class UnknownColumnError(TableError):
    """No column has that name (or it is not declared); `suggestions` are the closest names."""

    def __init__(self, message: str, *, suggestions: Sequence[str] = (), **where: Any) -> None:
        super().__init__(message, **where)
        self.suggestions = tuple(suggestions)


class DuplicateRowError(TableError):
    """A key names more than one row; `row_numbers` are where they are."""

    def __init__(self, message: str, *, row_numbers: Sequence[int], **where: Any) -> None:
        super().__init__(message, **where)
        self.row_numbers = tuple(row_numbers)


class CellError(TableError):
    """A cell read as a figure that is not one: blank, suppressed, text, a date; `reason` says which."""

    def __init__(self, reason: str, **where: Any) -> None:
        super().__init__(reason, **where)
        self.reason = reason


class RankWordsError(FactcheckError, ValueError):
    """Rank words the reader does not know: `phrase` is the whole stated text, `unknown` the part it could not read."""

    def __init__(self, phrase: str, unknown: str, reason: str) -> None:
        self.phrase = phrase
        self.unknown = unknown
        self.reason = reason
        super().__init__(phrase, unknown, reason)

    def __str__(self) -> str:
        return f"{self.reason}: {self.phrase!r} (at {self.unknown!r})"


class PeriodError(FactcheckError, ValueError):
    """A period spelt in a way that is not read ("2019-21", "Q5 2020"): a figure's `period` or a table column's."""
