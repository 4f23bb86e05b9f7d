"""Official tables read straight from their files: CSV, TSV, XLSX, XLS and ODS, every figure exact.

A claims file's `[tables.NAME]` names a published table; its figures are read from the file, so no
figure is copied by hand (the wrong row, last year's column, a suppressed cell read as a number).
`read_table(spec, folder)` reads the file once into a `Table`; `Table.figure(row, column)` reads
one cell as a figure, `Table.column(name, exclude=…)` a whole column; `describe_table(path)` lists a
table's columns, the units it can infer and its suppressed cells (for `factcheck table PATH`).

The file:
- Only a regular file inside the claims file's project is read, by `factcheck.load.paths.read_inside`
  as every file a claims file names: the path is resolved (`..` and symlinks followed) and must stay
  inside the project (the folder above holding .git or factcheck.toml; the claims file's folder when
  there is none); it is opened without following a symlink and without blocking, and must be a
  regular file by its open descriptor (no FIFO, device or folder). At most `MAX_TABLE_BYTES` (64 MiB) are read; a larger file is refused, not read in
  part. A workbook may unpack to at most `MAX_UNPACKED_BYTES` (the sizes its ZIP directory
  declares), and its sheet may span at most `MAX_CELLS` cells; an XLSX sheet's extent is found
  from its cell references before the workbook library lays the sheet out, since a single cell
  placed at XFD1048576 would otherwise ask for hundreds of gigabytes at once.
- `sha256` pins the file: the digest of the bytes read (the same bytes that are parsed) must
  match, or the table is an error naming both digests.
- The extension decides the reader, nothing is sniffed: `.csv` is comma-separated and `.tsv`
  (or `.tab`) tab-separated, read with the standard library's `csv`; `.xlsx`, `.xlsm`, `.xls` and
  `.ods` are workbooks. Text tables are UTF-8, with or without a byte-order mark (what
  government sites publish), or UTF-16 with its byte-order mark (Excel's "Unicode text"); a file
  that is not valid UTF-8 is read as Windows-1252 (Excel's "CSV" on Windows: "£" is byte A3), and
  the description says so. Latin-1 is not tried: it reads any bytes at all, so it would never
  tell a wrong guess. A NUL byte in a text table is an error (a workbook saved under a .csv name,
  or a damaged file), and so are a stray quote, and a cell over the `csv` module's 131,072
  characters.

The workbook reader is python-calamine, one library for XLSX, XLS and ODS, in Rust (bench/tables.py
on a shared 2-core machine, medians of runs: a 5,000-row sheet of 7 columns in 24-36 ms from XLSX and
17-28 ms from ODS, 5-6x the stdlib `csv` on the same table as CSV; openpyxl's read-only mode takes
255-280 ms for the XLSX and odfpy 2,070-2,280 ms for the ODS; importing calamine costs 1-4 ms
against 117-159 ms for openpyxl and 57-95 ms for odfpy; every reader gives every cell as the file
holds it). What calamine cannot do is show a cell's number format:
a percentage that a workbook stores as a fraction (12.5% kept as 0.125 and shown through a "%"
format) comes back as 0.125, the same as the plain number 0.125. So in a column whose unit is
a percentage, a workbook's numbers are refused while they all lie between -1 and 1 (where the
two readings cannot be told apart) unless the column says how they are stored: `stored =
"percent"` (0.125 means 0.125%) or `stored = "fraction"` (0.125 means 12.5%). A column with a
number beyond ±1 is read as percentages, as written.

The rows:
- `header` (from 1, default 1) is the row holding the column names; rows above it (titles,
  notes) are not read. Names are matched with their white space folded (a line break inside a
  header cell is a space) and otherwise exactly; an unknown name is an error with the closest
  names the table has.
- A data row is a row below the header whose key cell is not blank and some other cell is not
  blank. The data end at the last such row: every row after it (footnotes, a source line,
  blank rows) is outside the table, listed by `describe_table`, never read as a figure. Blank
  rows between data rows are skipped. A row between data rows that has a key but nothing else
  is kept (a section title, or an area whose every cell is blank): its cells read as blank, an
  error. A row with figures but no key cannot be looked up; it makes a column that has a
  figure in it an error, so that a list of figures never silently loses one.
- Keys are matched with white space folded, otherwise exactly. A key that names two rows is an
  error when it is looked up or listed, not before, so a table with repeated section totals
  can still be read for its other rows.
- The row number in messages is the row as a spreadsheet shows it (for a text table, the
  record's number: a quoted cell may span lines).

The cells, read as written, as exact fractions:
- "1,405", "1405", " 1,405 " (trimmed) and "1.2E+05" are numbers; thousands separators must
  group by three ("14,05" is refused: it may be a decimal comma). A leading "-", "−" (U+2212)
  or "–" (an en dash used as a minus) is negative; a figure in parentheses, "(3.2)", is refused:
  it is a negative in accounts but a flagged value in many statistical tables, and a wrong sign
  is the gravest error. A leading "£", "$" or "€" is allowed in a column whose unit is that
  currency. A trailing status marker from `STATUS_MARKERS` ("[p]" provisional, "[r]" revised,
  "[note 3]"…) is allowed and kept with the figure.
- "12.5%" is 12.5 in a column whose unit is a percentage; a "%" in any other column is an error.
- A number a workbook stored as binary floating point is read by its shortest decimal form
  (0.1 is 0.1, not 0.1000000000000000055…; a formula's 0.30000000000000004 stays as stored, as
  it is the stored value); an integer stays an integer. A date, a time or a TRUE/FALSE is not a
  number. A formula whose result the file does not hold, or an error value (#DIV/0!), reads as
  blank.
- A blank cell, a suppression or missing-value symbol (`SUPPRESSED`: "..", "[c]", "[x]", "-",
  "*", "n/a", "[z]", "[low]", ":"…) or any other text, read as a figure, is an error naming the
  table, the row (its key and number), the column and the cell's own text.
"""

from __future__ import annotations

import codecs
import csv
import difflib
import enum
import hashlib
import io
import math
import pyexpat
import re
import zipfile
from collections import Counter
from collections.abc import Callable, Iterable, Mapping, Sequence
from decimal import Decimal
from fractions import Fraction
from pathlib import Path
from typing import Any, Final
from xml.etree import ElementTree as ET

import attrs

from factcheck.errors import (
    CellError,
    DuplicateRowError,
    ReadRefusedError,
    TableDigestError,
    TableError,
    TableFileError,
    UnitError,
    UnknownColumnError,
    UnknownRowError,
)
from factcheck.load.paths import read_inside
from factcheck.model.claims import Cell, Figure, Location, cell_name
from factcheck.numbers.units import is_percent_unit, parse_unit
from factcheck.words.table import CURRENCIES

__all__ = [
    "MAX_CELLS",
    "MAX_TABLE_BYTES",
    "MAX_UNPACKED_BYTES",
    "STATUS_MARKERS",
    "SUPPRESSED",
    "ColumnDescription",
    "ColumnSpec",
    "RawCell",
    "Stored",
    "Table",
    "TableDescription",
    "TableFigure",
    "TableFigures",
    "TableRow",
    "TableSpec",
    "describe_table",
    "fold",
    "read_cell",
    "read_number_text",
    "read_table",
]

#: The most of a table file that is read, in bytes (64 MiB): a national table of every small area
#: is a few megabytes; a larger file is refused whole, not read in part.
MAX_TABLE_BYTES: Final = 64 * 1024 * 1024
#: The most a workbook may unpack to, by the sizes its ZIP directory declares (a ZIP bomb is refused).
MAX_UNPACKED_BYTES: Final = 512 * 1024 * 1024
#: The most cells a sheet may span (its rows times its columns, from A1): 5 million is 100,000 rows
#: of 50 columns, far beyond any published table, and small enough to lay out in memory.
MAX_CELLS: Final = 5_000_000
#: Below 2^53 a whole float is exactly the integer its shortest repr writes (1e23 is not: it is 99…91611392).
_EXACT_INTEGERS: Final = 2.0**53
#: Most digits a number in a cell may have: more is no published figure, and would be slow to read.
_MAX_DIGITS: Final = 50

#: Symbols that statistical tables write for a value that is suppressed, confidential, not
#: available or not applicable (GSS, ONS, Eurostat and NHS conventions), compared case-blind with
#: white space folded. Any other text is refused as well; these only give the message its reason.
SUPPRESSED: Final[frozenset[str]] = frozenset(
    {
        "..",
        "...",
        "…",
        ".",
        "-",
        "–",
        "—",
        "*",
        "**",
        "***",
        "x",
        ":",
        "~",
        "!",
        "?",
        "#",
        "n/a",
        "na",
        "n.a.",
        "n.a",
        "nk",
        "n/k",
        "not available",
        "not applicable",
        "none",
        "null",
        "nan",
        "[c]",
        "[x]",
        "[z]",
        "[low]",
        "[u]",
        "[w]",
        "[d]",
        "[k]",
        "[n]",
        "[v]",
        "[s]",
        "[e]",
        "[a]",
        "c",
        "z",
        "s",
        "u",
        "#n/a",
        "#div/0!",
        "#ref!",
        "#value!",
        "#name?",
        "#num!",
        "#null!",
    }
)
#: Status markers that may follow a number in a cell ("1,405 [p]"): the number is still the figure,
#: and the marker is kept with it. GSS shorthand: provisional, revised, estimated, low reliability,
#: break in series, forecast; and footnote references ("[note 3]").
STATUS_MARKERS: Final[frozenset[str]] = frozenset(
    {"p", "r", "e", "u", "b", "f", "provisional", "revised", "estimate", "estimated"}
)
_Refuse = Callable[[str], "TableFileError"]
_NOTE_MARKER: Final = re.compile(r"note\s*\d{1,4}[a-z]?", re.IGNORECASE)
_TEXT_SUFFIXES: Final[Mapping[str, str]] = {".csv": ",", ".tsv": "\t", ".tab": "\t"}
_WORKBOOK_SUFFIXES: Final = frozenset({".xlsx", ".xlsm", ".xls", ".ods"})
_ZIP_MAGIC: Final = b"PK\x03\x04"
_OLE_MAGIC: Final = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"

_NUMBER: Final = re.compile(
    r"(?P<sign>[-+\u2212\u2013])?(?P<currency>[£$€])?"
    r"(?P<whole>\d{1,3}(?:,\d{3})+|\d+)?(?:\.(?P<decimals>\d+))?"
    r"(?:[eE](?P<exponent>[-+]?\d{1,3}))?"
    r"(?P<percent>\s?%)?"
    r"(?P<markers>(?:\s*\[[^\[\]]{1,20}\])*)"
)
_MARKER: Final = re.compile(r"\[([^\[\]]*)\]")

#: A raw cell as a reader gives it: text (CSV, or a workbook's text cell), a number a workbook
#: stored, or something else a workbook stored (a date, a time, TRUE/FALSE).
RawCell = str | int | float | bool | object


class Stored(enum.Enum):
    """How a workbook stores a percentage column's numbers (`stored` on the column)."""

    PERCENT = "percent"  # 12.5 means 12.5%
    FRACTION = "fraction"  # 0.125 means 12.5% (a "%" number format)


# -- what `[tables.NAME]` says -----------------------------------------------------------------------
def _fraction_or_none(value: Fraction | Decimal | float | str | None) -> Fraction | None:
    if value is None:
        return None
    if isinstance(value, float):
        return Fraction(repr(value))  # as it was written
    return Fraction(value)


def _stored_or_none(value: Stored | str | None) -> Stored | None:
    return None if value is None else Stored(value)


def _folded(text: str) -> str:
    return fold(str(text))


def _digest(text: str | None) -> str | None:
    return None if text is None else str(text).lower()


@attrs.frozen(kw_only=True)
class ColumnSpec:
    """A column figures are read from: its name, unit, period and `rounded`, as `[tables.NAME.columns]` says."""

    name: str = attrs.field(converter=_folded)
    unit: str
    period: str | None = None
    rounded: Fraction | None = attrs.field(default=None, converter=_fraction_or_none)
    stored: Stored | None = attrs.field(default=None, converter=_stored_or_none)

    _percent: bool = attrs.field(init=False, repr=False, eq=False)

    def __attrs_post_init__(self) -> None:
        object.__setattr__(self, "_percent", is_percent_unit(self.unit))  # asked of every cell

    @property
    def is_percent(self) -> bool:
        return self._percent


def _columns(value: Mapping[str, ColumnSpec] | Iterable[ColumnSpec]) -> tuple[ColumnSpec, ...]:
    """Columns from a mapping (name → spec, the name given by the key) or from specs with names."""
    if isinstance(value, Mapping):
        return tuple(attrs.evolve(spec, name=name) for name, spec in value.items())
    return tuple(value)


@attrs.frozen(kw_only=True)
class TableSpec:
    """What `[tables.NAME]` says: the file, the sheet, the key column, the header row, the columns.

    `line` is where `[tables.NAME]` starts in the claims file, for messages.
    """

    name: str
    path: str
    key: str = attrs.field(converter=_folded)
    sheet: str | None = None
    header: int = attrs.field(default=1)
    source: str | None = None
    sha256: str | None = attrs.field(default=None, converter=_digest)
    columns: tuple[ColumnSpec, ...] = attrs.field(factory=tuple, converter=_columns)
    line: int | None = None

    @header.validator
    def _header_from_one(self, _attribute: object, value: int) -> None:
        if isinstance(value, bool) or not isinstance(value, int) or value < 1:
            msg = f"table {self.name!r}: header must be a row number from 1, not {value!r}"
            raise ValueError(msg)

    def column_spec(self, name: str) -> ColumnSpec | None:
        folded = fold(name)
        return next((spec for spec in self.columns if spec.name == folded), None)


# -- what is read ------------------------------------------------------------------------------------
@attrs.frozen(kw_only=True)
class TableRow:
    """A data row: its key, its row number in the file (from 1) and its raw cells, one per header column."""

    key: str
    number: int
    cells: tuple[RawCell, ...]
    extra: tuple[str, ...] = ()  # non-blank cells past the header's last column (a misaligned row)


@attrs.frozen(kw_only=True)
class TableFigure:
    """One figure read from a table: the exact value and everything the table says about it."""

    table: str
    row: str  # the row's key: the figure's area
    row_number: int
    column: str
    value: Fraction
    text: str  # the cell as written ("1,405", "12.5%"; a stored number by its shortest form)
    unit: str
    period: str | None
    rounded: Fraction | None
    source: str | None
    markers: tuple[str, ...] = ()  # status markers after the number ("p", "note 3")


@attrs.frozen(kw_only=True)
class Table:
    """A table read from its file: the header, the data rows, and what lay outside them.

    Figures are read from the raw cells when asked for, so one bad cell spoils only the figures
    that use it.
    """

    spec: TableSpec
    path: Path
    sha256: str
    encoding: str | None  # text tables: the encoding the file was read in
    columns: tuple[str, ...]  # the header's names, white space folded ("" for a nameless column)
    rows: tuple[TableRow, ...]
    keyless: tuple[TableRow, ...]  # rows with figures but no key
    trailer: tuple[tuple[int, str], ...]  # rows after the data: (row number, their text)
    workbook: bool
    _percent_ambiguous: frozenset[str] = attrs.field(alias="percent_ambiguous")
    #: key → the indices of its rows in `rows`: a lookup per figure, not a scan (a template reads many)
    _by_key: Mapping[str, tuple[int, ...]] = attrs.field(init=False, repr=False, eq=False)

    def __attrs_post_init__(self) -> None:
        by_key: dict[str, tuple[int, ...]] = {}
        for index, row in enumerate(self.rows):
            by_key[row.key] = (*by_key.get(row.key, ()), index)
        object.__setattr__(self, "_by_key", by_key)

    @property
    def keys(self) -> tuple[str, ...]:
        return tuple(row.key for row in self.rows)

    def _where(self, **more: object) -> dict[str, Any]:
        return {"table": self.spec.name, "file": self.spec.path, "line": self.spec.line, **more}

    def row(self, key: str) -> TableRow:
        """The row whose key is `key` (white space folded)."""
        folded = fold(key)
        found = [self.rows[index] for index in self._by_key.get(folded, ())]
        if len(found) == 1:
            return found[0]
        if found:
            numbers = [row.number for row in found]
            msg = f"the key names {len(found)} rows ({_rows_text(numbers)}); a figure needs one"
            raise DuplicateRowError(msg, row_numbers=numbers, **self._where(row=folded))
        raise self._unknown_row(folded)

    def _unknown_row(self, key: str) -> UnknownRowError:
        close = _close(key, self.keys)
        hint = f" (did you mean {_or_list(close)}?)" if close else ""
        trailer = next((number for number, text in self.trailer if fold(text).startswith(key)), None)
        if trailer is not None and not close:
            hint = f" (row {trailer} has it, below the data, where footnotes are not read)"
        msg = f"no row has the key {key!r} in column {self.spec.key!r}{hint}"
        return UnknownRowError(msg, suggestions=close, **self._where(row=key))

    def _column_index(self, name: str) -> int:
        folded = fold(name)
        indices = [i for i, column in enumerate(self.columns) if column == folded]
        if len(indices) == 1:
            return indices[0]
        if indices:
            msg = f"{len(indices)} columns have this name in the header; a figure needs one"
            raise UnknownColumnError(msg, **self._where(column=folded))
        close = _close(folded, [column for column in self.columns if column])
        hint = f" (did you mean {_or_list(close)}?)" if close else ""
        msg = f"no column has this name in header row {self.spec.header}{hint}"
        raise UnknownColumnError(msg, suggestions=close, **self._where(column=folded))

    def _column_spec(self, name: str) -> ColumnSpec:
        spec = self.spec.column_spec(name)
        if spec is None:
            declared = [column.name for column in self.spec.columns]
            close = _close(fold(name), declared)
            hint = f" (did you mean {_or_list(close)}?)" if close else ""
            self._column_index(name)  # an unknown name is reported as such first
            msg = f"the column is not declared in [tables.{self.spec.name}.columns], which gives its unit{hint}"
            raise UnknownColumnError(msg, suggestions=close, **self._where(column=fold(name)))
        return spec

    def figure(self, row: str, column: str) -> TableFigure:
        """The figure in `row` (a key) and `column` (a declared column's name)."""
        spec = self._column_spec(column)
        index = self._column_index(column)
        return self._figure(self.row(row), spec, index)

    def value(self, row: str, column: str) -> Fraction:
        """The exact value of the figure in `row` and `column`."""
        return self.figure(row, column).value

    def column(self, name: str, exclude: Iterable[str] = ()) -> tuple[tuple[str, TableFigure | TableError], ...]:
        """Every data row's figure in column `name` ("TABLE:COLUMN"), in the table's order, less `exclude`.

        A cell that is not a figure is its error in the list, for the caller to report or forgive; an
        `exclude` key the table does not have, a key that names two rows, and a row with a figure but
        no key are errors of the whole list, since a list of figures must not lose or double one.
        """
        spec = self._column_spec(name)
        index = self._column_index(name)
        left_out = set()
        for key in exclude:
            folded = fold(key)
            if folded not in self._by_key:
                raise self._unknown_row(folded)
            left_out.add(folded)
        for row in self.keyless:  # a units row under the header ("number", "%") has no figure: only figures count
            if index < len(row.cells) and _reads(row.cells[index], spec):
                msg = f"row {row.number} has a figure in this column but no key, so the column cannot be listed"
                raise TableError(
                    msg, **self._where(column=spec.name, row_number=row.number, cell=_cell_text(row.cells[index]))
                )
        counts = Counter(row.key for row in self.rows if row.key not in left_out)
        doubled = sorted(key for key, count in counts.items() if count > 1)
        if doubled:
            numbers = [row.number for row in self.rows if row.key == doubled[0]]
            msg = f"the key names {len(numbers)} rows ({_rows_text(numbers)}): leave them out or tell them apart"
            raise DuplicateRowError(msg, row_numbers=numbers, **self._where(row=doubled[0], column=spec.name))
        listed: list[tuple[str, TableFigure | TableError]] = []
        for row in self.rows:
            if row.key in left_out:
                continue
            try:
                listed.append((row.key, self._figure(row, spec, index)))
            except TableError as exc:
                listed.append((row.key, exc))
        return tuple(listed)

    def _figure(self, row: TableRow, spec: ColumnSpec, index: int) -> TableFigure:
        """One cell as a figure; the hot path of a template over many areas, so the error details wait for an error."""
        raw = row.cells[index] if index < len(row.cells) else ""
        text = _cell_text(raw)
        if row.extra:
            msg = (
                f"the row has {len(row.extra)} more cell(s) than the header has columns "
                f"({', '.join(map(repr, row.extra[:3]))}): is a number with a thousands comma not in quotes?"
            )
            raise CellError(msg, cell=text, **self._where(row=row.key, row_number=row.number, column=spec.name))
        try:
            value, markers = read_cell(raw, spec)
        except CellError as exc:
            where = self._where(row=row.key, row_number=row.number, column=spec.name)
            raise CellError(exc.reason, cell=text, **where) from None
        if spec.name in self._percent_ambiguous and isinstance(raw, (int, float)) and not isinstance(raw, bool):
            msg = (
                "a percentage column whose stored numbers all lie between -1 and 1: the workbook may store "
                '12.5% as 0.125, which the reader cannot tell from 0.125%; say stored = "fraction" '
                'or stored = "percent" on the column'
            )
            raise CellError(msg, cell=text, **self._where(row=row.key, row_number=row.number, column=spec.name))
        return TableFigure(
            table=self.spec.name,
            row=row.key,
            row_number=row.number,
            column=spec.name,
            value=value,
            text=text,
            unit=spec.unit,
            period=spec.period,
            rounded=spec.rounded,
            source=self.spec.source,
            markers=markers,
        )


# -- reading a cell ----------------------------------------------------------------------------------
def read_cell(raw: RawCell, spec: ColumnSpec) -> tuple[Fraction, tuple[str, ...]]:
    """The exact value of one cell in a column (and its status markers), or CellError (not yet located) saying why not."""
    if isinstance(raw, bool):
        raise CellError(f"{'TRUE' if raw else 'FALSE'} is not a number")
    if isinstance(raw, int):
        return _stored_scale(Fraction(raw), spec), ()
    if isinstance(raw, float):
        if raw.is_integer() and -_EXACT_INTEGERS < raw < _EXACT_INTEGERS:  # a whole number: exactly itself
            return _stored_scale(Fraction(int(raw)), spec), ()
        if not math.isfinite(raw):
            raise CellError("not a number")
        return _stored_scale(Fraction(repr(raw)), spec), ()  # the shortest repr is what was typed
    if not isinstance(raw, str):
        raise CellError(f"{_kind_of(raw)}, not a number")
    return read_number_text(raw, spec)


def _reads(raw: RawCell, spec: ColumnSpec) -> bool:
    try:
        read_cell(raw, spec)
    except CellError:
        return False
    return True


def _stored_scale(value: Fraction, spec: ColumnSpec) -> Fraction:
    return value * 100 if spec.is_percent and spec.stored is Stored.FRACTION else value


def read_number_text(text: str, spec: ColumnSpec) -> tuple[Fraction, tuple[str, ...]]:
    """A number as a cell's text writes it, exactly; see the module's docstring for what is accepted."""
    written = text.strip()
    if written.isdigit() and written.isascii() and len(written) <= _MAX_DIGITS:  # "1405": the common case
        return Fraction(int(written)), ()
    written = fold(written)
    if not written:
        raise CellError("a blank cell is not a figure")
    if written.casefold() in SUPPRESSED:
        raise CellError(f"{written!r} marks a suppressed or missing value, not a figure")
    if "\x00" in written:
        raise CellError("the cell holds a NUL character")
    match = _NUMBER.fullmatch(written)
    if match is None or (match["whole"] is None and match["decimals"] is None):
        return _refuse_text(written)
    digits = len(match["whole"] or "") + len(match["decimals"] or "")
    if digits > _MAX_DIGITS:
        raise CellError(f"a number of {digits} digits is not a published figure")
    markers = tuple(_markers(match["markers"], written)) if match["markers"] else ()
    if match["percent"] and not spec.is_percent:
        raise CellError(f"a percentage in a column whose unit is {spec.unit!r}, not a percentage")
    if match["currency"] and not _in_currency(spec.unit, match["currency"]):
        raise CellError(f"an amount in {match['currency']} in a column whose unit is {spec.unit!r}")
    decimals = match["decimals"] or ""
    numerator = int((match["whole"] or "").replace(",", "") + decimals or "0")
    exponent = int(match["exponent"] or 0) - len(decimals)
    value = Fraction(numerator * 10**exponent) if exponent >= 0 else Fraction(numerator, 10**-exponent)
    if match["sign"] and match["sign"] != "+":
        value = -value
    return value, markers


def _refuse_text(written: str) -> tuple[Fraction, tuple[str, ...]]:
    if re.fullmatch(r"\(\s*[\d.,]+\s*%?\s*\)", written):
        raise CellError(
            f"{written!r}: a number in parentheses may be a negative (in accounts) or a flagged "
            "value (in statistics); the table must write it with a sign"
        )
    if re.fullmatch(r"[-+\u2212]?\d+(?:,\d+)+(?:\.\d+)?%?", written):
        raise CellError(f"{written!r}: its commas do not group the digits by three (a decimal comma?)")
    marker = _MARKER.fullmatch(written)
    if marker is not None or (written.startswith("[") and written.endswith("]")):
        raise CellError(f"{written!r} is a marker with no number, not a figure")
    raise CellError(f"{written!r} is not a number")


def _markers(text: str, written: str) -> Iterable[str]:
    for found in _MARKER.finditer(text):
        marker = fold(found.group(1)).casefold()
        if marker in STATUS_MARKERS or _NOTE_MARKER.fullmatch(marker):
            yield marker
        else:
            raise CellError(f"{written!r}: the marker [{found.group(1)}] is not a status marker the reader knows")


def _kind_of(raw: object) -> str:
    name = type(raw).__name__
    return {"date": "a date", "datetime": "a date and time", "time": "a time of day", "timedelta": "a duration"}.get(
        name, f"a {name}"
    )


def _in_currency(unit: str, sign: str) -> bool:
    """Whether a column's unit is an amount in the currency of `sign` ("£": GBP), as the units module reads it."""
    try:
        return parse_unit(unit).dims == ((CURRENCIES[sign], 1),)
    except UnitError:
        return False


def fold(text: str) -> str:
    """Text with its white space (line breaks, no-break spaces, tabs) folded to single spaces, trimmed."""
    return " ".join(text.split())


def _is_blank(raw: RawCell) -> bool:
    return raw is None or (isinstance(raw, str) and not raw.strip())


def _cell_text(raw: RawCell) -> str:
    """A raw cell as written: a text trimmed, a stored number by its shortest decimal form."""
    if raw is None:
        return ""
    if isinstance(raw, bool):
        return "TRUE" if raw else "FALSE"
    if isinstance(raw, float):
        written = repr(raw)
        if "e" in written and math.isfinite(raw):
            return _decimal_text(Decimal(written))  # 1e+20 as a sub-editor writes it
        return written.removesuffix(".0")
    if isinstance(raw, int):
        return str(raw)
    if isinstance(raw, str):
        return fold(raw)
    return str(raw)


def _decimal_text(number: Decimal) -> str:
    text = format(number, "f")
    return text.rstrip("0").rstrip(".") if "." in text else text


# -- reading the file --------------------------------------------------------------------------------
def read_table(spec: TableSpec, folder: Path) -> Table:
    """Read the table `spec` names, inside `folder` (the claims file's folder).

    Raises TableFileError (TableDigestError for a changed file) when the file cannot be read as a
    table; a bad row, column or cell is an error only when a figure is read from it.
    """
    where = {"table": spec.name, "file": spec.path, "line": spec.line}
    path, data = _read_inside(folder, spec.path, where)
    digest = hashlib.sha256(data).hexdigest()
    if spec.sha256 is not None and spec.sha256 != digest:
        raise TableDigestError(expected=spec.sha256, actual=digest, table=spec.name, file=spec.path, line=spec.line)
    grid, encoding = _grid(path, data, spec.sheet, where)
    return _table(spec, path, digest, grid, encoding, where)


def _read_inside(folder: Path, relative: str, where: Mapping[str, Any]) -> tuple[Path, bytes]:
    """The resolved path and bytes of the regular file `relative` names inside the claims file's project, as
    `factcheck.load.paths.read_inside` reads every file a claims file names (see the docstring)."""
    try:
        return read_inside(folder, relative, limit=MAX_TABLE_BYTES, what="a table")
    except ReadRefusedError as exc:
        raise TableFileError(_refusal(relative, exc), **where) from None


def _refusal(relative: str, refused: ReadRefusedError) -> str:
    """Why the table's file was not read, in the words of a table's errors."""
    if refused.outside and (not relative.strip() or "\x00" in relative or Path(relative).is_absolute()):
        return f"the path must name a file inside {refused.within}"
    if refused.outside:
        return f"the file is outside {refused.within}, where tables must be"
    if refused.missing:
        return "no such file"
    if refused.reason.startswith(("not a regular file", "larger than")):
        return refused.reason
    return f"the file cannot be read: {refused.reason}"


def _grid(
    path: Path, data: bytes, sheet: str | None, where: Mapping[str, Any]
) -> tuple[list[list[RawCell]], str | None]:
    suffix = path.suffix.lower()
    if suffix in _TEXT_SUFFIXES:
        if sheet is not None:
            raise TableFileError(f"a {suffix} file has no sheets, but sheet = {sheet!r}", **where)
        return _text_grid(data, _TEXT_SUFFIXES[suffix], where)
    if suffix in _WORKBOOK_SUFFIXES:
        return _workbook_grid(data, suffix, sheet, where), None
    known = ", ".join(sorted({*_TEXT_SUFFIXES, *_WORKBOOK_SUFFIXES}))
    raise TableFileError(f"a table must be one of {known}, by its extension; not {suffix or 'no extension'!r}", **where)


def _decode(data: bytes, where: Mapping[str, Any]) -> tuple[str, str]:
    if data.startswith(codecs.BOM_UTF8):
        encodings = ["utf-8-sig"]
    elif data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        encodings = ["utf-16"]
    else:
        encodings = ["utf-8", "cp1252"]
    for encoding in encodings:
        try:
            return data.decode(encoding), encoding
        except UnicodeDecodeError as exc:
            failure = exc
    msg = f"the file is not UTF-8 (byte {failure.start}: {data[failure.start : failure.start + 1]!r}) nor Windows-1252"
    raise TableFileError(msg, **where)


def _text_grid(data: bytes, delimiter: str, where: Mapping[str, Any]) -> tuple[list[list[RawCell]], str]:
    text, encoding = _decode(data, where)
    if "\x00" in text:
        line = text.count("\n", 0, text.index("\x00")) + 1
        msg = f"the file holds a NUL byte (line {line}): it is not a text table (a workbook under a text name?)"
        raise TableFileError(msg, **where)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=True)
    grid: list[list[RawCell]] = []
    try:
        for record in reader:
            grid.append(list(record))
            if len(grid) * max(len(record), 1) > MAX_CELLS:
                raise TableFileError(f"the table has more than {MAX_CELLS:,} cells", **where)
    except csv.Error as exc:
        msg = f"line {reader.line_num}: not a well-formed {'CSV' if delimiter == ',' else 'TSV'} file ({exc})"
        raise TableFileError(msg, **where) from None
    return grid, encoding


def _workbook_grid(data: bytes, suffix: str, sheet: str | None, where: Mapping[str, Any]) -> list[list[RawCell]]:
    def refuse(reason: str) -> TableFileError:
        return TableFileError(reason, **where)

    kind = "XLS" if suffix == ".xls" else suffix[1:].upper()
    if suffix == ".xls" and not data.startswith(_OLE_MAGIC):
        raise refuse("not an XLS workbook (it does not start as one does)")
    if suffix != ".xls":
        if not data.startswith(_ZIP_MAGIC):
            raise refuse(f"not an {kind} workbook (it is not a ZIP file, as an {kind} file is)")
        _check_zip(data, sheet, refuse)
    from python_calamine import CalamineError, CalamineWorkbook  # imported here: only workbooks need it

    try:
        with CalamineWorkbook.from_filelike(io.BytesIO(data)) as book:
            names = list(book.sheet_names)
            if not names:
                raise refuse("the workbook has no sheets")
            if sheet is not None and sheet not in names:
                close = _close(sheet, names)
                hint = f"did you mean {_or_list(close)}?" if close else f"it has {_or_list(names[:8])}"
                raise refuse(f"the workbook has no sheet named {sheet!r} ({hint})")
            found = book.get_sheet_by_name(sheet if sheet is not None else names[0])
            end = found.end
            if end is not None and (end[0] + 1) * (end[1] + 1) > MAX_CELLS:
                raise refuse(f"the sheet spans more than {MAX_CELLS:,} cells")
            grid: list[list[RawCell]] = [list(row) for row in found.to_python(skip_empty_area=False)]
            return grid
    except CalamineError as exc:
        raise refuse(f"the {kind} workbook cannot be read: {exc}") from None


#: expat 2.4.1 and newer refuse the billion-laughs and quadratic blow-ups a hostile workbook's XML may hold.
_EXPAT_REFUSES_BLOWUPS: Final = pyexpat.version_info >= (2, 4, 1)


def _check_zip(data: bytes, sheet: str | None, refuse: _Refuse) -> None:
    """Refuse a ZIP bomb, and an XLSX sheet whose cells span more than MAX_CELLS (see the docstring)."""
    if not _EXPAT_REFUSES_BLOWUPS:
        raise refuse(f"this Python's XML parser (expat {pyexpat.EXPAT_VERSION}) is too old to read a workbook safely")
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            infos = archive.infolist()
            if sum(info.file_size for info in infos) > MAX_UNPACKED_BYTES:
                raise refuse(f"the workbook unpacks to more than {MAX_UNPACKED_BYTES:,} bytes")
            part = _xlsx_sheet_part(archive, sheet)
            if part is not None:
                _check_extent(archive.read(part), refuse)
    except (
        zipfile.BadZipFile,
        zipfile.LargeZipFile,
        KeyError,
        OSError,
        EOFError,
        NotImplementedError,
        ET.ParseError,
    ) as exc:
        raise refuse(f"the workbook is not a well-formed ZIP archive ({exc})") from None


_MAIN_NS: Final = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
_REL_NS: Final = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"
_PKG_REL_NS: Final = "{http://schemas.openxmlformats.org/package/2006/relationships}"
#: A cell or row reference past column Z or row 9,999: only then is the whole sheet scanned.
_FAR_REFERENCE: Final = re.compile(rb"\sr\s*=\s*[\"']\s*(?:[A-Za-z]{2}|[A-Za-z]?[0-9]{5})")
_REFERENCE: Final = re.compile(rb"\sr\s*=\s*[\"']\s*([A-Za-z]{0,3})([0-9]{1,7})")


def _xlsx_sheet_part(archive: zipfile.ZipFile, sheet: str | None) -> str | None:
    """The ZIP member holding the XLSX sheet that will be read (None for ODS, or a sheet not found)."""
    names = set(archive.namelist())
    if "xl/workbook.xml" not in names or "xl/_rels/workbook.xml.rels" not in names:
        return None
    book = ET.fromstring(archive.read("xl/workbook.xml"))
    sheets = [(element.get("name"), element.get(f"{_REL_NS}id")) for element in book.iter(f"{_MAIN_NS}sheet")]
    chosen = next((rid for name, rid in sheets if sheet is None or name == sheet), None)
    if chosen is None:
        return None
    rels = ET.fromstring(archive.read("xl/_rels/workbook.xml.rels"))
    target = next(
        (rel.get("Target") for rel in rels.iter(f"{_PKG_REL_NS}Relationship") if rel.get("Id") == chosen), None
    )
    if target is None:
        return None
    part = target.lstrip("/") if target.startswith("/") else f"xl/{target}"
    return part if part in names else None


def _check_extent(xml: bytes, refuse: _Refuse) -> None:
    """Refuse a sheet whose cell references reach past MAX_CELLS cells from A1.

    Most sheets have no reference past column Z or row 9,999 (one quick search); only the others
    are scanned reference by reference.
    """
    if _FAR_REFERENCE.search(xml) is None:
        return
    rows = columns = 0
    for letters, digits in _REFERENCE.findall(xml):
        rows = max(rows, int(digits))
        columns = max(columns, _column_number(letters))
    if rows * max(columns, 1) > MAX_CELLS:
        raise refuse(f"the sheet's cells reach row {rows:,} and column {columns:,}: more than {MAX_CELLS:,} cells")


def _column_number(letters: bytes) -> int:
    number = 0
    for letter in letters.upper():
        number = number * 26 + letter - ord("A") + 1
    return number


# -- from a grid to a table --------------------------------------------------------------------------
def _table(
    spec: TableSpec, path: Path, digest: str, grid: list[list[RawCell]], encoding: str | None, where: Mapping[str, Any]
) -> Table:
    if spec.header > len(grid):
        msg = f"header = {spec.header}, but the {'sheet' if encoding is None else 'file'} has {len(grid)} row(s)"
        raise TableFileError(msg, **where)
    columns = tuple(_cell_text(cell) for cell in grid[spec.header - 1])
    key_indices = [i for i, name in enumerate(columns) if name == spec.key]
    if len(key_indices) != 1:
        if key_indices:
            msg = f"the key column {spec.key!r} appears {len(key_indices)} times in header row {spec.header}"
            raise UnknownColumnError(msg, **where)
        close = _close(spec.key, [name for name in columns if name])
        hint = f"did you mean {_or_list(close)}?" if close else f"it has {_or_list([c for c in columns if c][:8])}"
        msg = f"no column named {spec.key!r} (the key) in header row {spec.header} ({hint})"
        raise UnknownColumnError(msg, suggestions=close, **where)
    rows, keyless, trailer = _split_rows(grid, spec.header, key_indices[0], len(columns))
    workbook = encoding is None
    ambiguous = _percent_ambiguous(spec, columns, rows) if workbook else frozenset()
    return Table(
        spec=spec,
        path=path,
        sha256=digest,
        encoding=encoding,
        columns=columns,
        rows=rows,
        keyless=keyless,
        trailer=trailer,
        workbook=workbook,
        percent_ambiguous=ambiguous,
    )


def _split_rows(
    grid: list[list[RawCell]], header: int, key: int, width: int
) -> tuple[tuple[TableRow, ...], tuple[TableRow, ...], tuple[tuple[int, str], ...]]:
    """Data rows, keyless rows with figures, and the trailer after the last data row (module docstring)."""
    body = grid[header:]
    last = next((index for index in range(len(body) - 1, -1, -1) if _is_data(body[index], key)), -1)
    rows, keyless = [], []
    for index, cells in enumerate(body[: last + 1]):
        number = header + index + 1
        extra = tuple(_cell_text(c) for c in cells[width:] if not _is_blank(c)) if len(cells) > width else ()
        row = TableRow(
            key=_cell_text(cells[key]) if key < len(cells) else "",
            number=number,
            cells=tuple(cells[:width]),
            extra=extra,
        )
        if row.key:
            rows.append(row)
        elif any(not _is_blank(c) for c in cells):
            keyless.append(row)
    trailer = tuple(
        (header + index + 1, " | ".join(_cell_text(c) for c in cells if not _is_blank(c)))
        for index, cells in enumerate(body[last + 1 :], start=last + 1)
        if any(not _is_blank(c) for c in cells)
    )
    return tuple(rows), tuple(keyless), trailer


def _is_data(cells: Sequence[RawCell], key: int) -> bool:
    """A data row: its key cell is not blank, and some other cell is not blank."""
    return _has_key(cells, key) and any(not _is_blank(c) for i, c in enumerate(cells) if i != key)


def _has_key(cells: Sequence[RawCell], key: int) -> bool:
    return key < len(cells) and not _is_blank(cells[key])


def _percent_ambiguous(spec: TableSpec, columns: tuple[str, ...], rows: Sequence[TableRow]) -> frozenset[str]:
    """Declared percentage columns (no `stored`) whose stored numbers all lie in [-1, 1] (module docstring)."""
    ambiguous = set()
    for column in spec.columns:
        if not column.is_percent or column.stored is not None or columns.count(column.name) != 1:
            continue
        index = columns.index(column.name)
        numbers = [
            row.cells[index]
            for row in rows
            if index < len(row.cells)
            and isinstance(row.cells[index], (int, float))
            and not isinstance(row.cells[index], bool)
        ]
        if numbers and all(-1 <= n <= 1 for n in numbers) and any(n != 0 for n in numbers):  # type: ignore[operator]
            ambiguous.add(column.name)
    return frozenset(ambiguous)


def _close(word: str, candidates: Sequence[str]) -> list[str]:
    """The nearest candidates: one that differs only in case or spacing first, then by similarity."""
    same = [c for c in candidates if c.casefold().replace(" ", "") == word.casefold().replace(" ", "")]
    return same[:1] or difflib.get_close_matches(word, list(dict.fromkeys(candidates)), n=2, cutoff=0.6)


def _or_list(names: Sequence[str]) -> str:
    quoted = [repr(name) for name in names]
    return quoted[0] if len(quoted) == 1 else ", ".join(quoted[:-1]) + " or " + quoted[-1]


def _rows_text(numbers: Sequence[int]) -> str:
    return "rows " + ", ".join(map(str, numbers))


# -- a table's figures, as the claims file's records ------------------------------------------------
@attrs.frozen
class TableFigures:
    """A table read for a claims file, giving its cells as `Figure`s: the loader reads the figures a claims
    file names through it, and the checks above the loader ask it for other cells (`model.claims.TableCells`).

    A cell's figure takes its column's unit, period and `rounded`, its row's key as its area, the table's
    source, and the name `cell_name(table, column, row)`; `location` is where `[tables.NAME]` is.
    """

    table: Table
    location: Location = Location()

    @property
    def name(self) -> str:
        return self.table.spec.name

    @property
    def keys(self) -> tuple[str, ...]:
        return self.table.keys

    @property
    def declared(self) -> tuple[str, ...]:
        return tuple(column.name for column in self.table.spec.columns)

    def figure(self, row: str, column: str) -> Figure:
        """The figure in a cell; TableError (located) when there is none."""
        return self.as_figure(self.table.figure(row, column))

    def column(self, name: str, exclude: Iterable[str] = ()) -> tuple[tuple[str, Figure | TableError], ...]:
        """Every data row's figure in column `name`, less `exclude`, as `Table.column` lists them."""
        return tuple(
            (key, found if isinstance(found, TableError) else self.as_figure(found))
            for key, found in self.table.column(name, exclude)
        )

    def as_figure(self, found: TableFigure) -> Figure:
        return Figure(
            cell_name(found.table, found.column, found.row),
            found.value,
            found.unit,
            found.period,
            found.row,
            found.source,
            found.rounded,
            None,
            self.location,
            Cell(table=found.table, row=found.row, column=found.column, row_number=found.row_number, text=found.text),
        )


# -- describing a table (`factcheck table PATH`) -----------------------------------------------------
@attrs.frozen(kw_only=True)
class ColumnDescription:
    """One column of a described table: what its cells hold and the unit its name or cells suggest."""

    name: str
    numbers: int  # cells that read as numbers
    suppressed: tuple[tuple[str, int, str], ...]  # (row key, row number, cell text) of suppressed/blank cells
    texts: int  # cells that are other text
    unit: str | None  # the unit the name or cells suggest, or None
    unit_reason: str  # why (or "" when none is suggested)


@attrs.frozen(kw_only=True)
class TableDescription:
    """What `factcheck table PATH` shows: the table's shape, columns, inferred units and suppressed cells."""

    path: str
    sha256: str
    sheet: str | None
    sheets: tuple[str, ...]
    header: int
    header_guessed: bool
    key: str
    encoding: str | None
    rows: int
    columns: tuple[ColumnDescription, ...]
    trailer: tuple[tuple[int, str], ...]

    def render(self) -> str:
        lines = [f"{self.path}", f'  sha256 = "{self.sha256}"']
        if self.sheets:
            lines.append(f"  sheets: {', '.join(map(repr, self.sheets))}; read: {self.sheet!r}")
        if self.encoding is not None and self.encoding not in {"utf-8", "utf-8-sig"}:
            lines.append(f"  encoding: {self.encoding} (not UTF-8)")
        guessed = " (guessed: the first row as wide as the table; say --header N)" if self.header_guessed else ""
        lines.append(f"  header = {self.header}{guessed}; key = {self.key!r}; {self.rows} data rows")
        lines.append("  columns:")
        for column in self.columns:
            kinds = [f"{column.numbers} numbers"]
            if column.suppressed:
                kinds.append(f"{len(column.suppressed)} blank or suppressed")
            if column.texts:
                kinds.append(f"{column.texts} text")
            unit = f'unit = "{column.unit}" ({column.unit_reason})' if column.unit else "unit: not inferred"
            lines.append(f"    {column.name!r}: {', '.join(kinds)}; {unit}")
        suppressed = [(column.name, *cell) for column in self.columns for cell in column.suppressed]
        if suppressed:
            lines.append("  suppressed or blank cells:")
            lines.extend(
                f"    row {number} ({key!r}), column {name!r}: {text or '(blank)'!r}"
                for name, key, number, text in suppressed
            )
        if self.trailer:
            lines.append("  below the data (not read):")
            lines.extend(f"    row {number}: {text[:100]}" for number, text in self.trailer)
        return "\n".join(lines) + "\n"

    def __str__(self) -> str:
        return self.render()


#: Units suggested by words in a column's name, in order (the first that matches).
_UNIT_HINTS: Final[tuple[tuple[re.Pattern[str], str, str], ...]] = (
    (re.compile(r"%|\bper ?cent\b|\bpercentage\b"), "percent", "a percentage by its name"),
    (
        re.compile(r"\bper (?:100,?000|100k|100 thousand)\b"),
        "THING / (100000 * THING)",
        "a rate per 100,000 by its name",
    ),
    (re.compile(r"\bper (?:10,?000|10k)\b"), "THING / (10000 * THING)", "a rate per 10,000 by its name"),
    (re.compile(r"\bper (?:1,?000|1k|thousand)\b"), "THING / (1000 * THING)", "a rate per 1,000 by its name"),
    (re.compile(r"£|\(gbp\)|\bin pounds\b"), "GBP", "an amount in pounds by its name"),
    (re.compile(r"\((?:in )?days?\)|\bin days\b"), "day", "days by its name"),
    (re.compile(r"\((?:in )?weeks?\)|\bin weeks\b"), "week", "weeks by its name"),
    (re.compile(r"\((?:in )?months?\)|\bin months\b"), "month", "months by its name"),
    (re.compile(r"\((?:in )?years?\)|\bin years\b"), "year", "years by its name"),
    (
        re.compile(r"\b(?:people|persons?|adults?|children|population|residents|patients)\b"),
        "person",
        "people by its name",
    ),
)
#: What a rate's THING is when the name says (a rate of people per 100,000 people).
_PEOPLE: Final = re.compile(r"\b(?:people|persons?|adults?|children|population|residents|patients)\b")


def describe_table(
    path: Path, *, sheet: str | None = None, header: int | None = None, key: str | None = None
) -> TableDescription:
    """Describe the table at `path` for someone about to write `[tables.NAME]`.

    Without `header`, the header is guessed as the first row as wide as the widest of the first 30
    rows (titles above it are narrower); without `key`, the key is the first column. The units are
    suggestions from the column's name (and a "%" or currency sign in its cells); the counts say
    how many cells read as numbers, are blank or suppressed, or are other text.
    """
    folder, name = path.parent, path.name
    where: dict[str, Any] = {"file": str(path)}
    target, data = _read_inside(folder, name, where)
    digest = hashlib.sha256(data).hexdigest()
    grid, encoding = _grid(target, data, sheet, where)
    sheets: tuple[str, ...] = ()
    if encoding is None:
        sheets = _sheet_names(data)
        sheet = sheet if sheet is not None else (sheets[0] if sheets else None)
    guessed = header is None
    header = _guess_header(grid) if header is None else header
    if header > len(grid):
        raise TableFileError(f"header = {header}, but the table has {len(grid)} row(s)", **where)
    names = [_cell_text(cell) for cell in grid[header - 1]]
    key = fold(key) if key is not None else next((n for n in names if n), "")
    loose = TableSpec(
        name=name,
        path=name,
        key=key,
        header=header,
        columns=[
            ColumnSpec(name=n, unit="percent" if _percent_cells(grid, header, i) else "1")
            for i, n in enumerate(names)
            if n and n != key
        ],
    )
    table = _table(loose, target, digest, grid, encoding, where)
    described = [_describe_column(table, spec, grid) for spec in loose.columns if names.count(spec.name) == 1]
    return TableDescription(
        path=str(path),
        sha256=digest,
        sheet=sheet,
        sheets=sheets,
        header=header,
        header_guessed=guessed,
        key=key,
        encoding=encoding,
        rows=len(table.rows),
        columns=tuple(described),
        trailer=table.trailer,
    )


def _sheet_names(data: bytes) -> tuple[str, ...]:
    from python_calamine import CalamineWorkbook

    with CalamineWorkbook.from_filelike(io.BytesIO(data)) as book:
        return tuple(book.sheet_names)


def _guess_header(grid: Sequence[Sequence[RawCell]]) -> int:
    widths = [sum(not _is_blank(c) for c in row) for row in grid[:30]]
    widest = max(widths, default=0)
    return next((i + 1 for i, width in enumerate(widths) if width == widest), 1)


def _percent_cells(grid: Sequence[Sequence[RawCell]], header: int, index: int) -> bool:
    return any(
        isinstance(row[index], str) and row[index].strip().endswith("%")  # type: ignore[union-attr]
        for row in grid[header:]
        if index < len(row)
    )


def _describe_column(table: Table, spec: ColumnSpec, grid: Sequence[Sequence[RawCell]]) -> ColumnDescription:
    numbers = texts = 0
    suppressed = []
    currency = False
    index = table.columns.index(spec.name)
    for row in table.rows:
        raw = row.cells[index] if index < len(row.cells) else ""
        try:
            read_cell(raw, spec)
            numbers += 1
        except CellError:
            text = _cell_text(raw)
            stripped = text.lstrip("-+\u2212\u2013")
            if stripped[:1] in CURRENCIES:
                currency, numbers = True, numbers + 1
            elif not text or text.casefold() in SUPPRESSED or _MARKER.fullmatch(text):
                suppressed.append((row.key, row.number, text))
            else:
                texts += 1
    unit, reason = _suggest_unit(spec, currency)
    return ColumnDescription(
        name=spec.name, numbers=numbers, suppressed=tuple(suppressed), texts=texts, unit=unit, unit_reason=reason
    )


def _suggest_unit(spec: ColumnSpec, currency: bool) -> tuple[str | None, str]:
    if spec.is_percent:
        return "percent", "its cells end in %"
    lowered = spec.name.casefold()
    for pattern, unit, reason in _UNIT_HINTS:
        if pattern.search(lowered):
            thing = "person" if _PEOPLE.search(lowered) else "THING"
            return unit.replace("THING", thing), reason
    if currency:
        return "GBP", "its cells start with a currency sign"
    return None, ""
