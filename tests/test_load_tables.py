"""Tables read from their files (load/tables.py): every format gives the same exact figures, every bad cell,
row, column or file is a located error, and nothing outside the claims file's folder is read."""

from __future__ import annotations

import datetime as dt
import hashlib
import os
import zipfile
from collections.abc import Sequence
from decimal import Decimal
from fractions import Fraction
from pathlib import Path
from typing import Any, TypeVar

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from factcheck.errors import (
    CellError,
    DuplicateRowError,
    TableDigestError,
    TableError,
    TableFileError,
    UnknownColumnError,
    UnknownRowError,
)
from factcheck.load import tables
from factcheck.load.tables import (
    ColumnSpec,
    Stored,
    Table,
    TableFigure,
    TableSpec,
    describe_table,
    read_table,
)
from tests.conftest import REPO, REQUIRE_EVAL, SHARED

DATA = REPO / "tests" / "data" / "tables"
EVAL_TABLES = SHARED / "eval-tables"
CORVALE_CSV = "corvale-care-assessments-2024.csv"

Grid = Sequence[Sequence[Any]]

# -- writing one table in every format -------------------------------------------------------------------
#: The table of tests/data/tables/police-areas.csv, with workbook cells as a spreadsheet stores them:
#: numbers as numbers, text as text (suppression marks stay text).
TITLE = "Table 2: Registered offenders by police force area, 31 March 2020 (fictional figures)"
POLICE_GRID: list[list[Any]] = [
    [TITLE],
    ["Figures are invented for the tests of factcheck; no real area is meant."],
    [
        "Police force area",
        "Registered offenders\n31 Mar 2020",
        "Population aged 10+ (mid-2019)",
        "Rate per 100,000",
        "Share managed at level 2 (%)",
        "Change on a year earlier (%)",
    ],
    ["Avonford", 1405, 1151600, 122.0, 12.5, 4.1],
    ["Brackley", 2113, 1620400, 130.4, 9.75, -3.2],
    ["Cinderford", "[c]", 512300, "[c]", 0.1, ".."],
    [],
    ["Dunmere", 868, 700100, 124.0, 8.25, -0.3],
    ["England and Wales", 64328, 52673400, 122.1, 10, 2.1],
    [],
    ["Note 1: [c] marks a figure suppressed to protect confidentiality."],
    ["Source: Ministry of Fiction, Table 2"],
]
POLICE_COLUMNS = {
    "Registered offenders 31 Mar 2020": ColumnSpec(name="", unit="offender", period="2020-03-31"),
    "Population aged 10+ (mid-2019)": ColumnSpec(name="", unit="person", period="2019", rounded=100),
    "Rate per 100,000": ColumnSpec(name="", unit="offender / (100000 * person)", rounded=Fraction(1, 10)),
    "Share managed at level 2 (%)": ColumnSpec(name="", unit="percent"),
    "Change on a year earlier (%)": ColumnSpec(name="", unit="percent"),
}
POLICE_FIGURES = {  # (row, column) → the figure as published
    ("Avonford", "Registered offenders 31 Mar 2020"): Fraction(1405),
    ("Brackley", "Population aged 10+ (mid-2019)"): Fraction(1620400),
    ("Brackley", "Rate per 100,000"): Fraction("130.4"),
    ("Avonford", "Rate per 100,000"): Fraction(122),
    ("Avonford", "Share managed at level 2 (%)"): Fraction("12.5"),
    ("Brackley", "Share managed at level 2 (%)"): Fraction("9.75"),
    ("Cinderford", "Share managed at level 2 (%)"): Fraction("0.1"),
    ("England and Wales", "Share managed at level 2 (%)"): Fraction(10),
    ("Brackley", "Change on a year earlier (%)"): Fraction("-3.2"),
    ("Dunmere", "Change on a year earlier (%)"): Fraction("-0.3"),
    ("Dunmere", "Registered offenders 31 Mar 2020"): Fraction(868),
}


def police_spec(path: str, **more: Any) -> TableSpec:
    fields: dict[str, Any] = {
        "name": "police",
        "path": path,
        "key": "Police force area",
        "header": 3,
        "columns": POLICE_COLUMNS,
        **more,
    }
    if not path.endswith((".csv", ".tsv")):
        fields.setdefault("sheet", "Table 2")
    return TableSpec(**fields)


def write_text(path: Path, grid: Grid, delimiter: str = ",", encoding: str = "utf-8") -> Path:
    import csv

    with path.open("w", newline="", encoding=encoding) as handle:
        csv.writer(handle, delimiter=delimiter).writerows([[_as_text(cell) for cell in row] for row in grid])
    return path


def _as_text(cell: Any) -> str:
    if cell is None:
        return ""
    if isinstance(cell, float):
        return repr(cell)
    return str(cell)


def write_xlsx(
    path: Path,
    grid: Grid,
    sheet: str = "Table 2",
    *,
    number_formats: dict[str, str] | None = None,
    extra_sheets: Sequence[str] = (),
) -> Path:
    import openpyxl

    book = openpyxl.Workbook()
    first = book.active
    assert first is not None
    first.title = sheet
    for name in extra_sheets:
        book.create_sheet(name)
    for r, row in enumerate(grid, start=1):
        for c, value in enumerate(row, start=1):
            if value is not None:
                first.cell(row=r, column=c, value=value)
    for ref, number_format in (number_formats or {}).items():
        first[ref].number_format = number_format
    book.save(path)
    return path


def write_ods(path: Path, grid: Grid, sheet: str = "Table 2") -> Path:
    from odf.opendocument import OpenDocumentSpreadsheet
    from odf.table import Table as OdsTable
    from odf.table import TableCell, TableRow
    from odf.text import P

    document = OpenDocumentSpreadsheet()
    table = OdsTable(name=sheet)
    for row in grid:
        element = TableRow()
        for value in row:
            if value is None or value == "":
                cell = TableCell()
            elif isinstance(value, bool):
                cell = TableCell(valuetype="boolean", booleanvalue="true" if value else "false")
                cell.addElement(P(text=str(value).upper()))
            elif isinstance(value, (int, float, Decimal)):
                text = repr(value) if isinstance(value, float) else str(value)
                cell = TableCell(valuetype="float", value=text)
                cell.addElement(P(text=text))
            elif isinstance(value, dt.date):
                cell = TableCell(valuetype="date", datevalue=value.isoformat())
                cell.addElement(P(text=value.isoformat()))
            else:
                cell = TableCell(valuetype="string")
                for line in str(value).split("\n"):
                    cell.addElement(P(text=line))
            element.addElement(cell)
        table.addElement(element)
    document.spreadsheet.addElement(table)
    document.save(str(path))
    return path


def write_xls(path: Path, grid: Grid, sheet: str = "Table 2") -> Path:
    import xlwt

    book = xlwt.Workbook()
    page = book.add_sheet(sheet)
    for r, row in enumerate(grid):
        for c, value in enumerate(row):
            if value is not None:
                page.write(r, c, value)
    book.save(str(path))
    return path


def figures_of(table: Table) -> dict[tuple[str, str], Fraction | str]:
    """Every declared column's figure of every row (a bad cell by its reason): what a format must reproduce."""
    got: dict[tuple[str, str], Fraction | str] = {}
    for column in POLICE_COLUMNS:
        for key, figure in table.column(column):
            got[key, column] = figure.value if isinstance(figure, TableFigure) else f"error: {figure.cell!r}"
    return got


# -- the same table in every format ----------------------------------------------------------------------
def test_the_shipped_csv_reads_with_header_three_and_every_figure_exact() -> None:
    table = read_table(police_spec("police-areas.csv"), DATA)
    for (row, column), value in POLICE_FIGURES.items():
        assert table.value(row, column) == value, (row, column)
    assert table.keys == ("Avonford", "Brackley", "Cinderford", "Dunmere", "England and Wales")
    assert table.encoding == "utf-8-sig"
    assert [text for _, text in table.trailer] == [
        "Note 1: [c] marks a figure suppressed to protect confidentiality.",
        "Source: Ministry of Fiction, Table 2",
    ]


def test_csv_tsv_xlsx_xls_and_ods_of_one_table_give_identical_figures(tmp_path: Path) -> None:
    files = {
        "csv": "police-areas.csv",
        "tsv": write_text(tmp_path / "police.tsv", POLICE_GRID, "\t").name,
        "xlsx": write_xlsx(tmp_path / "police.xlsx", POLICE_GRID).name,
        "ods": write_ods(tmp_path / "police.ods", POLICE_GRID).name,
        "xls": write_xls(tmp_path / "police.xls", POLICE_GRID).name,
    }
    read = {
        fmt: figures_of(read_table(police_spec(name), DATA if fmt == "csv" else tmp_path))
        for fmt, name in files.items()
    }
    for fmt, got in read.items():
        assert got == read["csv"], fmt
    assert read["csv"]["Cinderford", "Rate per 100,000"] == "error: '[c]'"
    assert read["xlsx"]["Avonford", "Registered offenders 31 Mar 2020"] == 1405


def test_a_figure_takes_unit_period_rounded_area_and_source_from_its_table() -> None:
    figure = read_table(police_spec("police-areas.csv", source="mappa-2019-20"), DATA).figure(
        "Brackley", "Population aged 10+ (mid-2019)"
    )
    assert figure == TableFigure(
        table="police",
        row="Brackley",
        row_number=5,
        column="Population aged 10+ (mid-2019)",
        value=Fraction(1620400),
        text="1,620,400",
        unit="person",
        period="2019",
        rounded=Fraction(100),
        source="mappa-2019-20",
    )


def test_the_shared_evaluation_table_reads_with_header_two_and_its_digest_matches() -> None:
    if not (EVAL_TABLES / CORVALE_CSV).exists():
        message = f"the shared table {EVAL_TABLES / CORVALE_CSV} is not there"
        if REQUIRE_EVAL:
            pytest.fail(message)
        pytest.skip(message)
    spec = TableSpec(
        name="care",
        path=CORVALE_CSV,
        key="Area",
        header=2,
        sha256="aa500fb9a980994bf5fa98ee32e264006c9bf976317b65e8951875b687e2159e",
        columns={
            "Waiting per 100k adults": ColumnSpec(name="", unit="person / (100000 * person)", rounded=Fraction(1, 10)),
            "Adults aged 18+ mid-2023": ColumnSpec(name="", unit="person", rounded=100),
            "People waiting 31 Mar 2024": ColumnSpec(name="", unit="person"),
        },
    )
    table = read_table(spec, EVAL_TABLES)
    assert table.value("Mossbridge", "Waiting per 100k adults") == Fraction("767.1")
    assert table.value("Elderfield", "People waiting 31 Mar 2024") == 1046
    assert table.value("Brackwater", "Adults aged 18+ mid-2023") == 121600
    rates = table.column("Waiting per 100k adults", exclude=["Corvale County"])
    assert len(rates) == 12 and all(isinstance(figure, TableFigure) for _, figure in rates)
    assert table.value("Corvale County", "People waiting 31 Mar 2024") == 5742


# -- cells, as written -------------------------------------------------------------------------------------
COUNT = ColumnSpec(name="n", unit="person")
PERCENT = ColumnSpec(name="p", unit="percent")
POUNDS = ColumnSpec(name="£", unit="GBP")


@pytest.mark.parametrize(
    ("text", "spec", "value"),
    [
        ("1,405", COUNT, Fraction(1405)),
        ("1405", COUNT, Fraction(1405)),
        (" 1,405 ", COUNT, Fraction(1405)),
        ("\u00a01,405\n", COUNT, Fraction(1405)),
        ("12,345,678", COUNT, Fraction(12345678)),
        ("0.1", COUNT, Fraction(1, 10)),
        ("3.50", COUNT, Fraction(7, 2)),
        (".5", COUNT, Fraction(1, 2)),
        ("-3.2", COUNT, Fraction(-16, 5)),
        ("\u22123.2", COUNT, Fraction(-16, 5)),
        ("\u20133.2", COUNT, Fraction(-16, 5)),
        ("+3.2", COUNT, Fraction(16, 5)),
        ("1.2E+05", COUNT, Fraction(120000)),
        ("1.5e-3", COUNT, Fraction(3, 2000)),
        ("12.5%", PERCENT, Fraction(25, 2)),
        ("12.5 %", PERCENT, Fraction(25, 2)),
        ("12.5", PERCENT, Fraction(25, 2)),
        ("£1,405", POUNDS, Fraction(1405)),
        ("-£3.20", POUNDS, Fraction(-16, 5)),
        ("1,405 [p]", COUNT, Fraction(1405)),
        ("1,405[r]", COUNT, Fraction(1405)),
        ("1,405 [note 3]", COUNT, Fraction(1405)),
    ],
)
def test_a_cell_reads_as_written_exactly(text: str, spec: ColumnSpec, value: Fraction) -> None:
    assert tables.read_number_text(text, spec)[0] == value


def test_a_status_marker_is_kept_with_the_figure(tmp_path: Path) -> None:
    write_text(tmp_path / "t.csv", [["Area", "n"], ["A", "1,405 [p]"]])
    figure = read_table(TableSpec(name="t", path="t.csv", key="Area", columns=[COUNT]), tmp_path).figure("A", "n")
    assert (figure.value, figure.markers, figure.text) == (Fraction(1405), ("p",), "1,405 [p]")


@pytest.mark.parametrize(
    ("text", "spec", "reason"),
    [
        ("", COUNT, "blank"),
        ("   ", COUNT, "blank"),
        ("..", COUNT, "suppressed"),
        ("[c]", COUNT, "suppressed"),
        ("[x]", COUNT, "suppressed"),
        ("[z]", COUNT, "suppressed"),
        ("[low]", COUNT, "suppressed"),
        ("-", COUNT, "suppressed"),
        ("\u2013", COUNT, "suppressed"),
        ("*", COUNT, "suppressed"),
        ("n/a", COUNT, "suppressed"),
        ("N/A", COUNT, "suppressed"),
        (":", COUNT, "suppressed"),
        ("x", COUNT, "suppressed"),
        ("#DIV/0!", COUNT, "suppressed"),
        ("[q]", COUNT, "marker with no number"),
        ("(3.2)", COUNT, "parentheses"),
        ("14,05", COUNT, "group the digits by three"),
        ("1,4050", COUNT, "group the digits by three"),
        ("12.5%", COUNT, "a percentage in a column"),
        ("£1,405", COUNT, "an amount in £"),
        ("$5", POUNDS, "an amount in $"),
        ("1,405 [zz]", COUNT, "not a status marker"),
        ("1.2m", COUNT, "is not a number"),
        ("about 40", COUNT, "is not a number"),
        ("1" * 60, COUNT, "60 digits"),
        ("1e5000", COUNT, "is not a number"),
        ("12%%", PERCENT, "is not a number"),
    ],
)
def test_a_cell_that_is_no_figure_is_refused_with_its_reason(text: str, spec: ColumnSpec, reason: str) -> None:
    with pytest.raises(CellError, match=None) as caught:
        tables.read_number_text(text, spec)
    assert reason in caught.value.reason


@pytest.mark.parametrize("symbol", sorted(tables.SUPPRESSED))
def test_every_suppression_symbol_read_as_a_figure_is_an_error_naming_table_row_column_and_cell(
    tmp_path: Path, symbol: str
) -> None:
    write_text(tmp_path / "t.csv", [["Area", "n"], ["Ashby", "12"], ["Bourne", symbol]])
    table = read_table(TableSpec(name="counts", path="t.csv", key="Area", columns=[COUNT]), tmp_path)
    with pytest.raises(CellError) as caught:
        table.figure("Bourne", "n")
    error = caught.value
    assert (error.table, error.row, error.row_number, error.column, error.cell) == ("counts", "Bourne", 3, "n", symbol)
    assert "table 'counts' (t.csv), row 'Bourne' (row 3), column 'n'" in str(error)
    assert repr(symbol) in str(error) or symbol.strip() == ""


def test_a_blank_cell_is_an_error_with_its_place(tmp_path: Path) -> None:
    write_text(tmp_path / "t.csv", [["Area", "n", "m"], ["Ashby", "", "3"]])
    table = read_table(TableSpec(name="t", path="t.csv", key="Area", columns=[COUNT]), tmp_path)
    with pytest.raises(CellError, match=r"row 'Ashby' \(row 2\), column 'n': a blank cell is not a figure"):
        table.figure("Ashby", "n")


# -- workbook cells ----------------------------------------------------------------------------------------
def test_workbook_numbers_read_by_their_shortest_form_and_integers_stay_integers(tmp_path: Path) -> None:
    grid: list[list[Any]] = [
        ["Area", "n"],
        ["a", 0.1],
        ["b", 0.30000000000000004],
        ["c", 1405],
        ["d", 1e20],
        ["e", -3.2],
        ["f", 2.5e-7],
        ["g", 7.0],
    ]
    spec = TableSpec(name="t", path="", key="Area", sheet="Table 2", columns=[COUNT])
    for path in (
        write_xlsx(tmp_path / "t.xlsx", grid),
        write_ods(tmp_path / "t.ods", grid),
        write_xls(tmp_path / "t.xls", grid),
    ):
        table = read_table(attrs_evolve(spec, path=path.name), tmp_path)
        got = {key: figure.value for key, figure in table.column("n") if isinstance(figure, TableFigure)}
        assert got == {
            "a": Fraction(1, 10),
            "b": Fraction("0.30000000000000004")
            if path.suffix != ".xlsx"
            else Fraction("0.3"),  # openpyxl writes 16 digits: the file holds 0.3
            "c": 1405,
            "d": 10**20,
            "e": Fraction(-16, 5),
            "f": Fraction(25, 10**8),
            "g": 7,
        }, path.suffix
        assert table.figure("c", "n").text == "1405" and table.figure("a", "n").text == "0.1"


_Record = TypeVar("_Record", TableSpec, ColumnSpec)


def attrs_evolve(record: _Record, **changes: Any) -> _Record:
    import attrs

    return attrs.evolve(record, **changes)


def test_a_float_a_workbook_stored_with_seventeen_digits_keeps_them(tmp_path: Path) -> None:
    write_xlsx(tmp_path / "t.xlsx", [["Area", "n"], ["a", 0.5]])
    _rewrite_xlsx_cell(tmp_path / "t.xlsx", "0.5", "0.30000000000000004")
    table = read_table(TableSpec(name="t", path="t.xlsx", key="Area", columns=[COUNT]), tmp_path)
    assert table.value("a", "n") == Fraction("0.30000000000000004")


def _rewrite_xlsx_cell(path: Path, old: str, new: str) -> None:
    """Put `new` where the sheet's XML holds the number `old` (a writer that keeps every digit)."""
    with zipfile.ZipFile(path) as archive:
        members = {name: archive.read(name) for name in archive.namelist()}
    sheet = "xl/worksheets/sheet1.xml"
    assert f"<v>{old}</v>".encode() in members[sheet]
    members[sheet] = members[sheet].replace(f"<v>{old}</v>".encode(), f"<v>{new}</v>".encode())
    with zipfile.ZipFile(path, "w") as archive:
        for name, data in members.items():
            archive.writestr(name, data)


@pytest.mark.parametrize(
    ("value", "reason"),
    [
        (True, "TRUE is not a number"),
        (dt.date(2020, 3, 31), "a date"),
        ("=1+2", "blank"),  # a formula the file holds no result for
    ],
)
def test_a_workbook_cell_that_is_no_number_is_refused(tmp_path: Path, value: object, reason: str) -> None:
    write_xlsx(tmp_path / "t.xlsx", [["Area", "n"], ["a", value], ["b", 3]])
    table = read_table(TableSpec(name="t", path="t.xlsx", key="Area", columns=[COUNT]), tmp_path)
    with pytest.raises(CellError, match=reason):
        table.figure("a", "n")
    assert table.value("b", "n") == 3


def test_an_ods_date_or_boolean_is_no_number(tmp_path: Path) -> None:
    write_ods(tmp_path / "t.ods", [["Area", "n"], ["a", dt.date(2020, 3, 31)], ["b", True], ["c", 2]])
    table = read_table(TableSpec(name="t", path="t.ods", key="Area", columns=[COUNT]), tmp_path)
    for key in ("a", "b"):
        with pytest.raises(CellError):
            table.figure(key, "n")


def test_percent_stored_as_fractions_is_refused_unless_the_column_says_how_it_is_stored(tmp_path: Path) -> None:
    grid: list[list[Any]] = [["Area", "Share"], ["a", 0.125], ["b", 0.5], ["c", 0]]
    write_xlsx(tmp_path / "t.xlsx", grid, number_formats={"B2": "0.0%", "B3": "0.0%", "B4": "0.0%"})
    share = ColumnSpec(name="Share", unit="percent")
    spec = TableSpec(name="t", path="t.xlsx", key="Area", columns=[share])
    with pytest.raises(CellError, match=r"cannot tell from 0.125%") as caught:
        read_table(spec, tmp_path).figure("a", "Share")
    assert caught.value.row == "a" and caught.value.column == "Share"
    as_fraction = attrs_evolve(spec, columns=[attrs_evolve(share, stored=Stored.FRACTION)])
    assert read_table(as_fraction, tmp_path).value("a", "Share") == Fraction(25, 2)
    as_percent = attrs_evolve(spec, columns=[attrs_evolve(share, stored="percent")])
    assert read_table(as_percent, tmp_path).value("a", "Share") == Fraction(1, 8)


def test_a_workbook_percentage_column_beyond_one_reads_as_written(tmp_path: Path) -> None:
    write_ods(tmp_path / "t.ods", [["Area", "Share"], ["a", 0.5], ["b", 12.5]])
    table = read_table(TableSpec(name="t", path="t.ods", key="Area", columns=[PERCENT]), tmp_path.joinpath())
    with pytest.raises(UnknownColumnError):
        table.figure("a", "p")
    spec = TableSpec(name="t", path="t.ods", key="Area", columns=[ColumnSpec(name="Share", unit="percent")])
    assert read_table(spec, tmp_path).value("a", "Share") == Fraction(1, 2)


def test_a_percentage_written_as_text_in_a_csv_is_never_ambiguous(tmp_path: Path) -> None:
    write_text(tmp_path / "t.csv", [["Area", "Share"], ["a", "0.5%"], ["b", "0.25"]])
    spec = TableSpec(name="t", path="t.csv", key="Area", columns=[ColumnSpec(name="Share", unit="percent")])
    assert read_table(spec, tmp_path).value("b", "Share") == Fraction(1, 4)


# -- rows, columns, keys ---------------------------------------------------------------------------------
def test_column_names_match_with_white_space_folded_and_an_unknown_name_suggests_the_nearest() -> None:
    table = read_table(police_spec("police-areas.csv"), DATA)
    assert table.value("Avonford", "Registered  offenders 31 Mar\n2020") == 1405
    with pytest.raises(UnknownColumnError, match="did you mean 'Rate per 100,000'") as caught:
        table.figure("Avonford", "Rate per 100000")
    assert caught.value.suggestions == ("Rate per 100,000",)


def test_an_unknown_row_suggests_the_nearest_key() -> None:
    table = read_table(police_spec("police-areas.csv"), DATA)
    with pytest.raises(UnknownRowError, match=r"no row has the key 'Avonforde'.*did you mean 'Avonford'") as caught:
        table.figure("Avonforde", "Rate per 100,000")
    assert caught.value.row == "Avonforde" and caught.value.table == "police"
    with pytest.raises(UnknownRowError, match="did you mean 'England and Wales'"):
        table.figure("england and wales", "Rate per 100,000")


def test_a_key_is_matched_with_white_space_folded(tmp_path: Path) -> None:
    write_text(tmp_path / "t.csv", [["Area", "n"], ["  West\u00a0 Mercia ", "1"]])
    table = read_table(TableSpec(name="t", path="t.csv", key="Area", columns=[COUNT]), tmp_path)
    assert table.value("West Mercia", "n") == 1


def test_a_column_not_declared_is_an_error_saying_so() -> None:
    spec = police_spec("police-areas.csv", columns={"Rate per 100,000": POLICE_COLUMNS["Rate per 100,000"]})
    table = read_table(spec, DATA)
    with pytest.raises(UnknownColumnError, match=r"not declared in \[tables.police.columns\]"):
        table.figure("Avonford", "Population aged 10+ (mid-2019)")


def test_a_declared_column_missing_from_the_file_spoils_only_its_own_figures() -> None:
    columns = {**POLICE_COLUMNS, "Rate per 1,000": ColumnSpec(name="", unit="1")}
    table = read_table(police_spec("police-areas.csv", columns=columns), DATA)
    with pytest.raises(UnknownColumnError, match="no column has this name"):
        table.figure("Avonford", "Rate per 1,000")
    assert table.value("Avonford", "Rate per 100,000") == 122


def test_a_duplicate_key_is_an_error_when_used_and_not_before(tmp_path: Path) -> None:
    write_text(tmp_path / "t.csv", [["Area", "n"], ["Ashby", "1"], ["Total", "3"], ["Bourne", "2"], ["Total", "3"]])
    table = read_table(TableSpec(name="t", path="t.csv", key="Area", columns=[COUNT]), tmp_path)
    assert table.value("Ashby", "n") == 1
    with pytest.raises(DuplicateRowError, match="rows 3, 5") as caught:
        table.figure("Total", "n")
    assert caught.value.row_numbers == (3, 5)
    with pytest.raises(DuplicateRowError):
        table.column("n")
    assert [key for key, _ in table.column("n", exclude=["Total"])] == ["Ashby", "Bourne"]


def test_the_key_column_missing_or_doubled_is_an_error(tmp_path: Path) -> None:
    write_text(tmp_path / "t.csv", [["Area", "Area", "n"], ["a", "b", "1"]])
    with pytest.raises(UnknownColumnError, match="appears 2 times"):
        read_table(TableSpec(name="t", path="t.csv", key="Area", columns=[COUNT]), tmp_path)
    with pytest.raises(UnknownColumnError, match=r"no column named 'Areas' .*did you mean 'Area'"):
        read_table(TableSpec(name="t", path="t.csv", key="Areas", columns=[COUNT]), tmp_path)


def test_a_header_row_beyond_the_file_is_an_error(tmp_path: Path) -> None:
    write_text(tmp_path / "t.csv", [["Area", "n"], ["a", "1"]])
    with pytest.raises(TableFileError, match="header = 5, but the file has 2 row"):
        read_table(TableSpec(name="t", path="t.csv", key="Area", header=5, columns=[COUNT]), tmp_path)


@pytest.mark.parametrize("header", [0, -1, True, 1.5])
def test_a_header_is_a_row_number_from_one(header: Any) -> None:
    with pytest.raises(ValueError, match="header must be a row number from 1"):
        TableSpec(name="t", path="t.csv", key="Area", header=header)


def test_rows_below_the_data_are_footnotes_and_blank_rows_between_data_are_skipped() -> None:
    table = read_table(police_spec("police-areas.csv"), DATA)
    assert [row.number for row in table.rows] == [4, 5, 6, 8, 9]
    with pytest.raises(UnknownRowError, match="below the data"):
        table.figure("Source: Ministry of Fiction", "Rate per 100,000")


def test_a_row_with_a_key_and_nothing_else_between_data_rows_reads_as_blank_never_skipped(tmp_path: Path) -> None:
    write_text(tmp_path / "t.csv", [["Area", "n"], ["North", ""], ["Ashby", "1"], ["Bourne", "2"], ["Note: x", ""]])
    table = read_table(TableSpec(name="t", path="t.csv", key="Area", columns=[COUNT]), tmp_path)
    listed = dict(table.column("n"))
    assert list(listed) == ["North", "Ashby", "Bourne"]
    assert isinstance(listed["North"], CellError)


def test_a_row_with_a_figure_but_no_key_makes_its_column_an_error(tmp_path: Path) -> None:
    write_text(
        tmp_path / "t.csv",
        [["Area", "n", "m"], ["", "number", "number"], ["Ashby", "1", "5"], ["", "7", ""], ["Bourne", "2", "6"]],
    )
    table = read_table(
        TableSpec(name="t", path="t.csv", key="Area", columns=[COUNT, ColumnSpec(name="m", unit="1")]), tmp_path
    )
    with pytest.raises(TableError, match="row 4 has a figure in this column but no key"):
        table.column("n")
    assert [key for key, _ in table.column("m")] == ["Ashby", "Bourne"]  # the units row holds no figure
    assert table.value("Bourne", "n") == 2


def test_an_exclude_the_table_does_not_have_is_an_error() -> None:
    table = read_table(police_spec("police-areas.csv"), DATA)
    with pytest.raises(UnknownRowError, match="did you mean 'England and Wales'"):
        table.column("Rate per 100,000", exclude=["England & Wales"])
    listed = table.column("Rate per 100,000", exclude=["England and Wales"])
    assert [key for key, _ in listed] == ["Avonford", "Brackley", "Cinderford", "Dunmere"]
    assert isinstance(dict(listed)["Cinderford"], CellError)


# -- files -------------------------------------------------------------------------------------------------
def test_sha256_pins_the_file_and_names_both_digests(tmp_path: Path) -> None:
    path = write_text(tmp_path / "t.csv", [["Area", "n"], ["a", "1"]])
    actual = hashlib.sha256(path.read_bytes()).hexdigest()
    spec = TableSpec(name="t", path="t.csv", key="Area", columns=[COUNT], sha256=actual.upper())
    assert read_table(spec, tmp_path).sha256 == actual
    path.write_text("Area,n\na,2\n")
    with pytest.raises(TableDigestError) as caught:
        read_table(spec, tmp_path)
    assert caught.value.expected == actual and caught.value.actual == hashlib.sha256(path.read_bytes()).hexdigest()
    assert actual in str(caught.value) and caught.value.actual in str(caught.value)


def test_a_missing_file_or_sheet_is_an_error(tmp_path: Path) -> None:
    with pytest.raises(TableFileError, match=r"table 't' \(nope.csv\): no such file"):
        read_table(TableSpec(name="t", path="nope.csv", key="Area"), tmp_path)
    write_xlsx(tmp_path / "t.xlsx", [["Area", "n"], ["a", 1]], extra_sheets=["Notes"])
    with pytest.raises(TableFileError, match=r"no sheet named 'Table 3' .*did you mean 'Table 2'"):
        read_table(TableSpec(name="t", path="t.xlsx", key="Area", sheet="Table 3"), tmp_path)
    assert read_table(TableSpec(name="t", path="t.xlsx", key="Area", columns=[COUNT]), tmp_path).value("a", "n") == 1
    write_text(tmp_path / "t.csv", [["Area"]])
    with pytest.raises(TableFileError, match="no sheets, but sheet"):
        read_table(TableSpec(name="t", path="t.csv", key="Area", sheet="Table 2"), tmp_path)


def test_the_sheet_by_name_is_read(tmp_path: Path) -> None:
    import openpyxl

    book = openpyxl.Workbook()
    cover = book.active
    assert cover is not None
    cover.title = "Cover"
    cover.append(["This workbook holds fictional figures"])
    data = book.create_sheet("Table 1")
    data.append(["Area", "n"])
    data.append(["a", 5])
    book.save(tmp_path / "t.xlsx")
    spec = TableSpec(name="t", path="t.xlsx", key="Area", sheet="Table 1", columns=[COUNT])
    assert read_table(spec, tmp_path).value("a", "n") == 5


@pytest.mark.parametrize("path", ["../t.csv", "/etc/passwd.csv", "", "a\x00.csv"])
def test_only_a_file_inside_the_folder_is_read(tmp_path: Path, path: str) -> None:
    inner = tmp_path / "claims"
    inner.mkdir()
    write_text(tmp_path / "t.csv", [["Area", "n"], ["a", "1"]])
    with pytest.raises(TableFileError, match=r"inside the claims file's folder|outside the claims file's folder"):
        read_table(TableSpec(name="t", path=path, key="Area"), inner)


def test_a_symlink_out_of_the_folder_is_refused(tmp_path: Path) -> None:
    inner = tmp_path / "claims"
    inner.mkdir()
    write_text(tmp_path / "t.csv", [["Area", "n"], ["a", "1"]])
    (inner / "t.csv").symlink_to(tmp_path / "t.csv")
    with pytest.raises(TableFileError, match="outside the claims file's folder"):
        read_table(TableSpec(name="t", path="t.csv", key="Area"), inner)


def test_a_fifo_or_a_folder_is_refused_without_blocking(tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "pipe.csv")
    (tmp_path / "dir.csv").mkdir()
    for name in ("pipe.csv", "dir.csv"):
        with pytest.raises(TableFileError, match=r"not a regular file|cannot be opened"):
            read_table(TableSpec(name="t", path=name, key="Area"), tmp_path)


def test_a_file_over_the_size_cap_is_refused_not_read_in_part(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    write_text(tmp_path / "t.csv", [["Area", "n"]] + [[f"a{i}", str(i)] for i in range(100)])
    monkeypatch.setattr(tables, "MAX_TABLE_BYTES", 200)
    with pytest.raises(TableFileError, match="larger than the 200 bytes"):
        read_table(TableSpec(name="t", path="t.csv", key="Area"), tmp_path)


@pytest.mark.parametrize("name", ["t.txt", "t", "t.json", "t.xlsb"])
def test_the_extension_decides_the_reader_and_an_unknown_one_is_refused(tmp_path: Path, name: str) -> None:
    write_text(tmp_path / name, [["Area", "n"], ["a", "1"]])
    with pytest.raises(TableFileError, match=r"must be one of .csv, .ods, .tab, .tsv, .xls, .xlsm, .xlsx"):
        read_table(TableSpec(name="t", path=name, key="Area"), tmp_path)


def test_a_windows_1252_csv_reads_with_its_pound_signs_and_says_so() -> None:
    spec = TableSpec(
        name="t", path="spending-cp1252.csv", key="Area", columns=[ColumnSpec(name="Spending (£)", unit="GBP")]
    )
    table = read_table(spec, DATA)
    assert table.encoding == "cp1252"
    assert table.value("Ashby £ward", "Spending (£)") == 1200
    assert "encoding: cp1252" in describe_table(DATA / "spending-cp1252.csv").render()


def test_utf16_with_its_byte_order_mark_reads(tmp_path: Path) -> None:
    write_text(tmp_path / "t.tsv", [["Area", "n"], ["Ashby", "1,405"]], "\t", encoding="utf-16")
    table = read_table(TableSpec(name="t", path="t.tsv", key="Area", columns=[COUNT]), tmp_path)
    assert (table.encoding, table.value("Ashby", "n")) == ("utf-16", Fraction(1405))


def test_bytes_neither_utf8_nor_windows_1252_are_an_error(tmp_path: Path) -> None:
    (tmp_path / "t.csv").write_bytes(b"Area,n\nA\x81,1\n")
    with pytest.raises(TableFileError, match=r"not UTF-8 .*nor Windows-1252"):
        read_table(TableSpec(name="t", path="t.csv", key="Area"), tmp_path)


# -- malformed tables --------------------------------------------------------------------------------------
def test_a_short_row_reads_its_missing_cells_as_blank(tmp_path: Path) -> None:
    (tmp_path / "t.csv").write_text("Area,n,m\nAshby,1\nBourne,2,3\n")
    spec = TableSpec(name="t", path="t.csv", key="Area", columns=[COUNT, ColumnSpec(name="m", unit="1")])
    table = read_table(spec, tmp_path)
    assert table.value("Ashby", "n") == 1
    with pytest.raises(CellError, match="blank"):
        table.figure("Ashby", "m")


def test_a_long_row_is_an_error_naming_its_extra_cells(tmp_path: Path) -> None:
    (tmp_path / "t.csv").write_text("Area,n\nAshby,1,405\nBourne,2\n")
    table = read_table(TableSpec(name="t", path="t.csv", key="Area", columns=[COUNT]), tmp_path)
    with pytest.raises(CellError, match="thousands comma not in quotes"):
        table.figure("Ashby", "n")
    assert table.value("Bourne", "n") == 2


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b'Area,n\nAshby,"1,4"05\n', "not a well-formed CSV"),
        (b'Area,n\nAshby,"1,405\n', "not a well-formed CSV"),
        (b"Area,n\nAsh\x00by,1\n", "NUL byte"),
        (b"Area,n\nAshby," + b"9" * 200_000 + b"\n", "not a well-formed CSV"),
    ],
)
def test_a_malformed_text_table_is_a_clean_error(tmp_path: Path, content: bytes, message: str) -> None:
    (tmp_path / "t.csv").write_bytes(content)
    with pytest.raises(TableFileError, match=message):
        read_table(TableSpec(name="t", path="t.csv", key="Area", columns=[COUNT]), tmp_path)


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("t.xlsx", b"Area,n\nAshby,1\n", "not a ZIP file"),
        ("t.ods", b"", "not a ZIP file"),
        ("t.xls", b"PK\x03\x04", "not an XLS workbook"),
        ("t.xlsx", b"PK\x03\x04broken", "not a well-formed ZIP|cannot be read"),
    ],
)
def test_a_file_that_is_no_workbook_is_a_clean_error(tmp_path: Path, name: str, content: bytes, message: str) -> None:
    (tmp_path / name).write_bytes(content)
    with pytest.raises(TableFileError, match=message):
        read_table(TableSpec(name="t", path=name, key="Area"), tmp_path)


def test_a_zip_that_is_no_workbook_is_a_clean_error(tmp_path: Path) -> None:
    with zipfile.ZipFile(tmp_path / "t.xlsx", "w") as archive:
        archive.writestr("hello.txt", "not a workbook")
    with pytest.raises(TableFileError, match="cannot be read"):
        read_table(TableSpec(name="t", path="t.xlsx", key="Area"), tmp_path)


def test_a_workbook_that_unpacks_past_the_cap_is_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    write_xlsx(tmp_path / "t.xlsx", [["Area", "n"], ["a", 1]])
    monkeypatch.setattr(tables, "MAX_UNPACKED_BYTES", 1000)
    with pytest.raises(TableFileError, match="unpacks to more than 1,000 bytes"):
        read_table(TableSpec(name="t", path="t.xlsx", key="Area"), tmp_path)


def test_a_cell_placed_at_the_last_column_and_row_is_refused_before_the_sheet_is_laid_out(tmp_path: Path) -> None:
    # calamine would ask for 2^39 bytes at once and abort the process; the references are checked first
    import openpyxl

    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["Area", "n"])
    sheet.append(["a", 1])
    sheet["XFD1048576"] = 1
    book.save(tmp_path / "t.xlsx")
    with pytest.raises(TableFileError, match="reach row 1,048,576 and column 16,384"):
        read_table(TableSpec(name="t", path="t.xlsx", key="Area"), tmp_path)


def test_a_wide_or_long_sheet_within_the_cap_reads(tmp_path: Path) -> None:
    import openpyxl

    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["Area", "n"])
    sheet.append(["a", 1])
    sheet["AB12000"] = "a note far down and to the right"
    book.save(tmp_path / "t.xlsx")
    table = read_table(TableSpec(name="t", path="t.xlsx", key="Area", columns=[COUNT]), tmp_path)
    assert table.value("a", "n") == 1


def test_an_ods_repeating_a_value_past_the_cap_is_refused(tmp_path: Path) -> None:
    from odf.opendocument import OpenDocumentSpreadsheet
    from odf.table import Table as OdsTable
    from odf.table import TableCell, TableRow

    document = OpenDocumentSpreadsheet()
    table = OdsTable(name="S")
    row = TableRow(numberrowsrepeated=1_000_000)
    row.addElement(TableCell(valuetype="float", value="1", numbercolumnsrepeated=1000))
    table.addElement(row)
    document.spreadsheet.addElement(table)
    document.save(str(tmp_path / "t.ods"))
    with pytest.raises(TableFileError, match=r"cannot be read|more than"):
        read_table(TableSpec(name="t", path="t.ods", key="Area"), tmp_path)


# -- hypothesis: a number written into a cell reads back exactly ----------------------------------------
@st.composite
def written_decimals(draw: st.DrawFn, max_digits: int = 15) -> Decimal:
    """A decimal as a table writes it: up to `max_digits` significant digits (Excel keeps 15)."""
    digits = draw(st.integers(1, max_digits))
    units = draw(st.integers(-(10**digits) + 1, 10**digits - 1))
    exponent = draw(st.integers(-12, 6))
    return Decimal(units).scaleb(exponent)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(values=st.lists(written_decimals(), min_size=1, max_size=12), commas=st.booleans())
def test_any_decimal_written_into_a_csv_reads_back_exactly(tmp_path: Path, values: list[Decimal], commas: bool) -> None:
    def written(value: Decimal) -> str:
        whole, _, rest = format(abs(value), "f").partition(".")
        grouped = f"{int(whole):,}" if commas else whole
        return ("-" if value < 0 else "") + grouped + ("." + rest if rest else "")

    write_text(tmp_path / "h.csv", [["Area", "n"]] + [[f"r{i}", written(v)] for i, v in enumerate(values)])
    table = read_table(TableSpec(name="h", path="h.csv", key="Area", columns=[COUNT]), tmp_path)
    assert [table.value(f"r{i}", "n") for i in range(len(values))] == [Fraction(v) for v in values]


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(values=st.lists(written_decimals(), min_size=1, max_size=12))
def test_any_decimal_a_workbook_stores_as_a_float_reads_back_as_its_shortest_form(
    tmp_path: Path, values: list[Decimal]
) -> None:
    floats = [float(v) for v in values]
    grid = [["Area", "n"]] + [[f"r{i}", f] for i, f in enumerate(floats)]
    for path in (write_xlsx(tmp_path / "h.xlsx", grid), write_ods(tmp_path / "h.ods", grid)):
        table = read_table(TableSpec(name="h", path=path.name, key="Area", columns=[COUNT]), tmp_path)
        got = [table.value(f"r{i}", "n") for i in range(len(values))]
        # a decimal of at most 15 significant digits survives the float: its shortest form is itself
        assert got == [Fraction(v) for v in values], path.suffix
        assert got == [Fraction(repr(f)) for f in floats]


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(values=st.lists(st.floats(allow_nan=False, allow_infinity=False, width=64), min_size=1, max_size=12))
def test_any_float_an_ods_stores_reads_back_as_its_shortest_repr(tmp_path: Path, values: list[float]) -> None:
    grid = [["Area", "n"]] + [[f"r{i}", f] for i, f in enumerate(values)]
    write_ods(tmp_path / "h.ods", grid)
    table = read_table(TableSpec(name="h", path="h.ods", key="Area", columns=[COUNT]), tmp_path)
    assert [table.value(f"r{i}", "n") for i in range(len(values))] == [Fraction(repr(f)) for f in values]


# -- describing a table ------------------------------------------------------------------------------------
def test_describe_lists_columns_units_suppressed_cells_and_what_lies_below_the_data() -> None:
    described = describe_table(DATA / "police-areas.csv")
    assert described.header == 3 and described.header_guessed and described.key == "Police force area"
    by_name = {column.name: column for column in described.columns}
    assert by_name["Share managed at level 2 (%)"].unit == "percent"
    assert by_name["Rate per 100,000"].unit == "THING / (100000 * THING)"
    assert by_name["Population aged 10+ (mid-2019)"].unit == "person"
    assert by_name["Registered offenders 31 Mar 2020"].unit is None
    assert by_name["Registered offenders 31 Mar 2020"].suppressed == (("Cinderford", 6, "[c]"),)
    assert by_name["Change on a year earlier (%)"].suppressed == (("Cinderford", 6, ".."),)
    text = described.render()
    assert f'sha256 = "{hashlib.sha256((DATA / "police-areas.csv").read_bytes()).hexdigest()}"' in text
    assert "row 6 ('Cinderford'), column 'Rate per 100,000': '[c]'" in text
    assert "row 12: Source: Ministry of Fiction, Table 2" in text
    assert "header = 3 (guessed" in text and "5 data rows" in text


def test_describe_a_workbook_names_its_sheets_and_takes_a_header_and_key(tmp_path: Path) -> None:
    write_ods(tmp_path / "t.ods", POLICE_GRID)
    described = describe_table(tmp_path / "t.ods", header=3, key="Police force area")
    assert described.sheets == ("Table 2",) and not described.header_guessed
    assert {c.name: c.numbers for c in described.columns}["Rate per 100,000"] == 4
    assert "sheets: 'Table 2'; read: 'Table 2'" in described.render()


def test_describe_refuses_what_read_table_refuses(tmp_path: Path) -> None:
    with pytest.raises(TableFileError, match="no such file"):
        describe_table(tmp_path / "nope.csv")
    write_text(tmp_path / "t.csv", [["Area", "n"]])
    with pytest.raises(TableFileError, match="header = 4"):
        describe_table(tmp_path / "t.csv", header=4)


def test_the_table_benchmark_runs_quick_and_every_reader_reads_every_cell_as_written() -> None:
    import subprocess
    import sys

    done = subprocess.run(
        [sys.executable, str(REPO / "bench" / "tables.py"), "--quick"],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    assert "factcheck read_table   ods" in done.stdout and "result: OK" in done.stdout
