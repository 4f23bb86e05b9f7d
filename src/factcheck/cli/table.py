"""`factcheck table PATH`: what a published table holds, and its `[tables.NAME]` ready to paste.

For someone about to read figures from a table: its columns, the units their names suggest, its
suppressed or blank cells (row, column and the cell's own text), what lies below the data, and the
table's SHA-256, written as a `[tables.NAME]` entry to paste into a claims file and finish by hand.
"""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from factcheck.load.tables import TableDescription

__all__ = ["add_arguments", "run"]

_EXAMPLES = """\
examples:
  factcheck table mappa-2019-20.csv
      the columns, units, suppressed cells and sha256 of a CSV table (header row guessed)
  factcheck table mappa.ods --sheet "Table 2" --header 3 --key "Police force area"
      one sheet of a workbook, its header on row 3, rows named by that column
  factcheck table care.xlsx --format json
      the same as JSON, for a program
"""


def add_arguments(table: argparse.ArgumentParser) -> None:
    table.description = "List a table's columns, the units they suggest, its suppressed cells and its sha256."
    table.epilog = _EXAMPLES
    table.formatter_class = argparse.RawDescriptionHelpFormatter
    table.add_argument("path", metavar="PATH", help="a CSV, TSV, XLSX, XLS or ODS table")
    table.add_argument("--sheet", metavar="S", help="a workbook's sheet, by name (default: the first)")
    table.add_argument("--header", metavar="N", type=int, help="the row (from 1) holding the column names")
    table.add_argument("--key", metavar="K", help="the column that names each row (default: the first)")
    table.add_argument("--format", default="text", choices=("text", "json"), help="text (default) or json")


def run(args: argparse.Namespace) -> int:
    """Exit 0 with the description; 2 when the table cannot be read (said on standard error, never a traceback)."""
    from factcheck.errors import FactcheckError
    from factcheck.load.tables import describe_table
    from factcheck.report.text import internal_error_line, one_line, safe_lines

    if args.header is not None and args.header < 1:
        sys.stderr.write("factcheck: --header counts rows from 1\n")
        return 2
    path = Path(args.path)
    try:
        described = describe_table(path, sheet=args.sheet, header=args.header, key=args.key)
        # text lines may begin with user text (a path, a column's name): none may begin a CI workflow command
        text = (
            _json(described)
            if args.format == "json"
            else safe_lines(described.render() + "\n" + _paste(described, path))
        )
    except FactcheckError as exc:
        sys.stderr.write(f"factcheck: {one_line(str(exc))}\n")
        return 2
    except Exception as exc:  # a hostile file must give a message, not a traceback
        sys.stderr.write(internal_error_line(args.path, "reading this table", exc))
        return 2
    sys.stdout.write(text)
    return 0


def _table_name(path: Path) -> str:
    """A bare TOML key from the file's name: "MAPPA 2019-20.csv" is mappa-2019-20."""
    return re.sub(r"[^a-z0-9_-]+", "-", path.stem.lower()).strip("-") or "table"


def _paste(described: TableDescription, path: Path) -> str:
    """The `[tables.NAME]` entry for this table: every column with the unit (and period) its heading suggests."""
    from factcheck.drafting.toml_writer import toml_string
    from factcheck.words.periods import period_in_heading

    name = _table_name(path)
    lines = [
        "# ready to paste into a claims file beside the table (check every unit and period):",
        f"[tables.{name}]",
        f"path = {toml_string(path.name)}",
    ]
    if described.sheet is not None:
        lines.append(f"sheet = {toml_string(described.sheet)}")
    lines.append(f"key = {toml_string(described.key)}")
    if described.header != 1:
        lines.append(f"header = {described.header}")
    lines += [f'sha256 = "{described.sha256}"', "", f"[tables.{name}.columns]"]
    for column in described.columns:
        period = period_in_heading(column.name)
        fields = [f"unit = {toml_string(column.unit or '?')}"]
        if period is not None:
            fields.append(f"period = {toml_string(str(period))}")
        entry = f"{toml_string(column.name)} = {{ {', '.join(fields)} }}"
        if column.unit is None or "THING" in column.unit:
            entry += "  # the unit is yours to write" if column.unit is None else "  # THING: what is counted"
        lines.append(entry)
    return "\n".join(lines) + "\n"


def _json(described: TableDescription) -> str:
    from factcheck.report.jsontext import dumps
    from factcheck.words.periods import period_in_heading

    document: dict[str, Any] = {
        "format": 1,
        "path": described.path,
        "sha256": described.sha256,
        "sheet": described.sheet,
        "sheets": list(described.sheets),
        "header": described.header,
        "header_guessed": described.header_guessed,
        "key": described.key,
        "encoding": described.encoding,
        "rows": described.rows,
        "columns": [
            {
                "name": column.name,
                "numbers": column.numbers,
                "texts": column.texts,
                "unit": column.unit,
                "unit_reason": column.unit_reason,
                "period": None if (period := period_in_heading(column.name)) is None else str(period),
                "suppressed": [
                    {"row": key, "row_number": number, "text": text} for key, number, text in column.suppressed
                ],
            }
            for column in described.columns
        ],
        "below_the_data": [{"row_number": number, "text": text} for number, text in described.trailer],
    }
    return dumps(document, indent=1) + "\n"
