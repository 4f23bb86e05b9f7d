"""Table readers compared: which workbook library factcheck reads XLSX and ODS with, and why.

    python bench/tables.py [--rows 50,5000] [--repeats 5] [--quick]

One table (an area key and six figure columns: counts, a rounded population, a rate with one
decimal, a percentage, a float a formula left with 17 digits) is written as CSV (the stdlib
`csv`), XLSX (openpyxl) and ODS (odfpy), at each size. Then, in this run:

- Speed: the median of `--repeats` whole reads (open the file, every cell of the sheet out), for
  the stdlib `csv` on the CSV (the baseline), python-calamine on XLSX and ODS, openpyxl
  (read-only mode) on XLSX and odfpy on ODS; and factcheck's own `read_table` on each format
  followed by `Table.column` of every column (every cell read into an exact figure).
- Exactness: each reader's cells, read as factcheck reads them (a float by its shortest repr,
  a text by its written digits), compared with the values that were written; the number of
  cells that differ, and whether a percent-formatted cell (12.5% stored as 0.125) can be told
  from the plain number 0.125 (calamine gives the stored number only; openpyxl gives the number
  format; odfpy the ODS value type).
- Import cost: the wall time of `python -c "import X"` in a fresh interpreter, less that of
  `python -c "pass"`, the median of `--repeats` runs.

Writers (openpyxl, odfpy) are the `test` extra; the readers measured other than calamine are
optional here and reported as missing when they are not installed.
"""

from __future__ import annotations

import argparse
import csv
import functools
import io
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from fractions import Fraction
from pathlib import Path
from typing import Any

HEADER = (
    "Area",
    "People waiting",
    "People waiting a year earlier",
    "Adults aged 18+",
    "Waiting per 100k adults",
    "Share waiting over 6 months (%)",
    "Computed ratio",
)


def table_rows(n: int) -> list[tuple[str, int, int, int, Fraction, Fraction, float]]:
    """N rows of made-up figures, the same every run: exact values as they are meant to be written."""
    rows = []
    for i in range(n):
        waiting = 100 + (i * 7919) % 2000
        earlier = 90 + (i * 104729) % 2100
        adults = 50_000 + ((i * 1299709) % 100_000) // 100 * 100
        rate = Fraction(round(Fraction(waiting * 100_000, adults) * 10), 10)
        share = Fraction((i * 37) % 1000, 10)
        computed = waiting / adults * 3  # a formula's float, kept to 17 digits by the workbook
        rows.append((f"Area {i:05d}", waiting, earlier, adults, rate, share, computed))
    return rows


def _decimal_text(value: Fraction) -> str:
    whole, rest = divmod(abs(value.numerator) * 10 // value.denominator, 10)
    return f"{'-' if value < 0 else ''}{whole}.{rest}"


def write_csv(path: Path, rows: Sequence[tuple[Any, ...]]) -> None:
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(HEADER)
        for area, waiting, earlier, adults, rate, share, computed in rows:
            writer.writerow(
                [
                    area,
                    f"{waiting:,}",
                    f"{earlier:,}",
                    f"{adults:,}",
                    _decimal_text(rate),
                    _decimal_text(share),
                    repr(computed),
                ]
            )


def write_xlsx(path: Path, rows: Sequence[tuple[Any, ...]]) -> None:
    import openpyxl

    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(HEADER)
    for area, waiting, earlier, adults, rate, share, computed in rows:
        sheet.append([area, waiting, earlier, adults, float(rate), float(share), computed])
    book.save(path)


def write_ods(path: Path, rows: Sequence[tuple[Any, ...]]) -> None:
    from odf.opendocument import OpenDocumentSpreadsheet
    from odf.table import Table, TableCell, TableRow
    from odf.text import P

    document = OpenDocumentSpreadsheet()
    table = Table(name="Sheet1")

    def add_row(cells: Sequence[object]) -> None:
        row = TableRow()
        for cell in cells:
            if isinstance(cell, str):
                element, shown = TableCell(valuetype="string"), cell
            else:
                shown = (
                    repr(cell)
                    if isinstance(cell, float)
                    else (str(cell) if isinstance(cell, int) else _decimal_text(Fraction(str(cell))))
                )
                element = TableCell(valuetype="float", value=shown)
            element.addElement(P(text=shown))
            row.addElement(element)
        table.addElement(row)

    add_row(HEADER)
    for values in rows:
        add_row(values)
    document.spreadsheet.addElement(table)
    document.save(str(path))


# -- readers: every cell of the sheet out, as the library gives it -------------------------------
def read_csv(path: Path) -> list[list[Any]]:
    text = path.read_bytes().decode("utf-8-sig")
    return list(csv.reader(io.StringIO(text, newline="")))


def read_calamine(path: Path) -> list[list[Any]]:
    from python_calamine import CalamineWorkbook

    with CalamineWorkbook.from_path(str(path)) as book:
        return [list(row) for row in book.get_sheet_by_index(0).to_python(skip_empty_area=False)]


def read_openpyxl(path: Path) -> list[list[Any]]:
    import openpyxl

    book = openpyxl.load_workbook(path, read_only=True, data_only=True)
    try:
        sheet = book.worksheets[0]
        return [[cell.value for cell in row] for row in sheet.iter_rows()]
    finally:
        book.close()


def read_odfpy(path: Path) -> list[list[Any]]:
    from odf.namespaces import OFFICENS, TABLENS
    from odf.opendocument import load
    from odf.table import Table, TableCell, TableRow

    document = load(str(path))
    sheet = document.spreadsheet.getElementsByType(Table)[0]
    out = []
    for row in sheet.getElementsByType(TableRow):
        cells = []
        for cell in row.getElementsByType(TableCell):
            repeat = int(cell.attributes.get((TABLENS, "number-columns-repeated"), 1))
            kind = cell.attributes.get((OFFICENS, "value-type"))
            value = (
                cell.attributes.get((OFFICENS, "value")) if kind in {"float", "percentage", "currency"} else str(cell)
            )
            cells.extend([value] * min(repeat, 100))
        out.append(cells)
    return out


def exact(cell: object) -> Fraction | str | None:
    """A cell as factcheck reads it: a float by its shortest repr, a numeric text by its digits."""
    if cell is None or cell == "":
        return None
    if isinstance(cell, bool):
        return str(cell)
    if isinstance(cell, float):
        return Fraction(repr(cell))
    if isinstance(cell, int):
        return Fraction(cell)
    text = str(cell).strip().replace(",", "")
    try:
        return Fraction(text)
    except ValueError:
        return str(cell)


def expected_grid(rows: Sequence[tuple[Any, ...]], fmt: str) -> list[list[Fraction | str | None]]:
    """The cells as the file holds them: openpyxl writes a float with 16 significant digits (%.16g), so the
    17-digit floats of the last column are stored rounded in the XLSX, by the writer, before any reader."""
    grid: list[list[Fraction | str | None]] = [list(HEADER)]
    for area, waiting, earlier, adults, rate, share, computed in rows:
        stored = float(f"{computed:.16g}") if fmt == "xlsx" else computed
        grid.append([area, Fraction(waiting), Fraction(earlier), Fraction(adults), rate, share, Fraction(repr(stored))])
    return grid


def mismatches(got: list[list[Any]], want: list[list[Fraction | str | None]]) -> int:
    count = 0
    for i, row in enumerate(want):
        have = got[i] if i < len(got) else []
        for j, value in enumerate(row):
            cell = exact(have[j]) if j < len(have) else None
            count += cell != value
    return count


def median_seconds(action: Callable[[], object], repeats: int) -> float:
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        action()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def import_cost(module: str, repeats: int) -> float | None:
    def run(code: str) -> float:
        start = time.perf_counter()
        subprocess.run([sys.executable, "-c", code], check=True, capture_output=True)
        return time.perf_counter() - start

    try:
        run(f"import {module}")
    except subprocess.CalledProcessError:
        return None
    base = statistics.median(run("pass") for _ in range(repeats))
    return statistics.median(run(f"import {module}") for _ in range(repeats)) - base


def percent_format_visible() -> dict[str, bool]:
    """Whether each reader can tell a cell shown as 12.5% (stored 0.125) from the number 0.125."""
    import openpyxl
    from python_calamine import CalamineWorkbook

    seen: dict[str, bool] = {}
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "p.xlsx"
        book = openpyxl.Workbook()
        sheet = book.active
        assert sheet is not None
        sheet.append(["plain", "percent"])
        sheet.append([0.125, 0.125])
        sheet["B2"].number_format = "0.0%"
        book.save(path)
        with CalamineWorkbook.from_path(str(path)) as calamine_book:
            plain, percent = calamine_book.get_sheet_by_index(0).to_python()[1]
        seen["calamine"] = type(plain) is not type(percent) or plain != percent
        loaded = openpyxl.load_workbook(path, read_only=True)
        cells = next(iter(loaded.worksheets[0].iter_rows(min_row=2)))
        seen["openpyxl"] = cells[0].number_format != cells[1].number_format
        loaded.close()
    seen["odfpy"] = True  # the ODS value type "percentage" is an attribute of the cell odfpy returns
    return seen


def _available(module: str) -> bool:
    try:
        __import__(module)
    except ImportError:
        return False
    return True


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", default="50,5000", help="table sizes, comma-separated (default 50,5000)")
    parser.add_argument("--repeats", type=int, default=5)
    parser.add_argument("--quick", action="store_true", help="one small table, one repeat (for the tests)")
    args = parser.parse_args(argv)
    sizes = [20] if args.quick else [int(n) for n in args.rows.split(",")]
    repeats = 1 if args.quick else args.repeats

    try:
        from factcheck.load.tables import ColumnSpec, TableSpec, read_table
    except ImportError:
        read_table = None  # type: ignore[assignment]

    print(f"python {sys.version.split()[0]}, {repeats} repeats, medians")
    print(f"{'reader':<22} {'format':<6} {'rows':>6} {'ms':>9} {'x csv':>7} {'wrong cells':>12}")
    all_exact = True
    with tempfile.TemporaryDirectory() as folder:
        base = Path(folder)
        for n in sizes:
            rows = table_rows(n)
            paths = {"csv": base / f"t{n}.csv", "xlsx": base / f"t{n}.xlsx", "ods": base / f"t{n}.ods"}
            write_csv(paths["csv"], rows)
            write_xlsx(paths["xlsx"], rows)
            write_ods(paths["ods"], rows)
            readers: list[tuple[str, str, Callable[[Path], list[list[Any]]]]] = [
                ("csv (stdlib)", "csv", read_csv),
                ("python-calamine", "xlsx", read_calamine),
                ("python-calamine", "ods", read_calamine),
            ]
            if _available("openpyxl"):
                readers.append(("openpyxl read-only", "xlsx", read_openpyxl))
            if _available("odf"):
                readers.append(("odfpy", "ods", read_odfpy))
            baseline = None
            for name, fmt, reader in readers:
                seconds = median_seconds(functools.partial(reader, paths[fmt]), repeats)
                baseline = seconds if baseline is None else baseline
                wrong = mismatches(reader(paths[fmt]), expected_grid(rows, fmt))
                all_exact &= wrong == 0
                print(f"{name:<22} {fmt:<6} {n:>6} {seconds * 1000:>9.2f} {seconds / baseline:>7.1f} {wrong:>12}")
            if read_table is not None:
                columns = [ColumnSpec(name=name, unit="1") for name in HEADER[1:]]
                for fmt in ("csv", "xlsx", "ods"):
                    spec = TableSpec(name="bench", path=paths[fmt].name, key="Area", columns=columns)

                    def read_every_figure(spec: TableSpec = spec) -> None:
                        table = read_table(spec, base)
                        for name in HEADER[1:]:
                            table.column(name)

                    seconds = median_seconds(read_every_figure, repeats)
                    assert baseline is not None
                    print(
                        f"{'factcheck read_table':<22} {fmt:<6} {n:>6} {seconds * 1000:>9.2f} "
                        f"{seconds / baseline:>7.1f} {'':>12}"
                    )

    print()
    print("import cost (ms, a fresh interpreter, less `pass`):")
    for module in ("csv", "python_calamine", "openpyxl", "odf.opendocument"):
        cost = import_cost(module, repeats if repeats > 2 else 3)
        print(f"  {module:<20} {'not installed' if cost is None else f'{cost * 1000:.1f}'}")
    print()
    print("a percent-formatted cell (12.5% stored as 0.125) told from the number 0.125:")
    for name, seen in percent_format_visible().items():
        print(f"  {name:<20} {'yes' if seen else 'no'}")
    print()
    print(f"result: {'OK' if all_exact else 'CELLS DIFFER'}")
    return 0 if all_exact else 1


if __name__ == "__main__":
    sys.exit(main())
