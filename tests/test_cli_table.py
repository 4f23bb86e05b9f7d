"""`factcheck table PATH`: a table's columns, units, suppressed cells and sha256, as text or JSON, and clean errors."""

from __future__ import annotations

import hashlib
import json
import shutil
import tomllib
from pathlib import Path

import pytest

from factcheck.cli.main import main
from tests.test_load_tables import POLICE_GRID, write_ods, write_text, write_xlsx

POLICE = Path(__file__).parent / "data" / "tables" / "police-areas.csv"


def _run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    status = main(["table", *argv])
    out, err = capsys.readouterr()
    return status, out, err


def _pasted(out: str) -> dict[str, object]:
    """The `[tables.NAME]` entry the output ends with, read as TOML."""
    snippet = out[out.index("# ready to paste") :]
    return tomllib.loads(snippet)


def test_a_csv_table_with_its_header_on_row_3(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    table = shutil.copy(POLICE, tmp_path / "police-areas.csv")
    status, out, err = _run(capsys, str(table))
    assert status == 0 and err == ""
    digest = hashlib.sha256(POLICE.read_bytes()).hexdigest()
    assert "header = 3 (guessed" in out and "5 data rows" in out
    assert "row 6 ('Cinderford'), column 'Registered offenders 31 Mar 2020': '[c]'" in out
    assert "row 6 ('Cinderford'), column 'Change on a year earlier (%)': '..'" in out
    entry = _pasted(out)["tables"]["police-areas"]  # type: ignore[index]
    assert entry["sha256"] == digest and entry["header"] == 3 and entry["key"] == "Police force area"
    assert entry["path"] == "police-areas.csv"
    columns = entry["columns"]
    assert columns["Share managed at level 2 (%)"] == {"unit": "percent"}
    assert columns["Population aged 10+ (mid-2019)"] == {"unit": "person", "period": "2019"}
    # a unit it cannot infer is left for the writer, as a placeholder the loader will refuse, never a guess
    assert columns["Registered offenders 31 Mar 2020"] == {"unit": "?", "period": "2020-03-31"}


@pytest.mark.parametrize("writer", [write_xlsx, write_ods])
def test_a_workbook_built_here(capsys: pytest.CaptureFixture[str], tmp_path: Path, writer: object) -> None:
    path = tmp_path / ("t.xlsx" if writer is write_xlsx else "t.ods")
    writer(path, POLICE_GRID)  # type: ignore[operator]
    status, out, _ = _run(capsys, str(path), "--sheet", "Table 2", "--header", "3", "--key", "Police force area")
    assert status == 0
    assert "sheets: 'Table 2'; read: 'Table 2'" in out
    assert "row 6 ('Cinderford'), column 'Rate per 100,000': '[c]'" in out
    entry = _pasted(out)["tables"]["t"]  # type: ignore[index]
    assert entry["sheet"] == "Table 2" and entry["sha256"] == hashlib.sha256(path.read_bytes()).hexdigest()


def test_json(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    path = write_text(tmp_path / "t.csv", [["Area", "Rate per 100,000 (2019-20)"], ["A", "12.5"], ["B", "[x]"]])
    status, out, _ = _run(capsys, str(path), "--format", "json")
    assert status == 0
    document = json.loads(out)
    assert document["header"] == 1 and document["key"] == "Area" and document["rows"] == 2
    (column,) = document["columns"]
    assert column["period"] == "2019-20" and column["unit"] == "THING / (100000 * THING)"
    assert column["suppressed"] == [{"row": "B", "row_number": 3, "text": "[x]"}]


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["nope.csv"], "nope.csv: no such file"),
        (["t.csv", "--header", "9"], "header = 9, but the table has 2 row(s)"),
        (["t.csv", "--header", "0"], "--header counts rows from 1"),
        (["t.ods"], "no such file"),
    ],
)
def test_errors_exit_2_with_a_clean_message(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch, argv: list[str], message: str
) -> None:
    write_text(tmp_path / "t.csv", [["Area", "n"], ["A", "1"]])
    monkeypatch.chdir(tmp_path)
    status, out, err = _run(capsys, *argv)
    assert status == 2 and out == ""
    assert err.startswith("factcheck: ") and message in err and "Traceback" not in err


def test_a_sheet_or_key_the_workbook_lacks_is_a_clean_error(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    path = write_xlsx(tmp_path / "t.xlsx", POLICE_GRID)
    status, out, err = _run(capsys, str(path), "--sheet", "Nope")
    assert (status, out) == (2, "") and "no sheet named 'Nope' (it has 'Table 2')" in err
    status, out, err = _run(capsys, str(path), "--key", "Nope")
    assert (status, out) == (2, "") and "no column named 'Nope' (the key)" in err


def test_the_help_gives_examples(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        main(["table", "--help"])
    out = capsys.readouterr().out
    assert out.count("factcheck table ") >= 3 and "--sheet" in out and "--header" in out


def test_a_bug_while_reading_a_table_is_a_message_not_a_traceback(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from factcheck.load import tables

    path = write_text(tmp_path / "grid.csv", POLICE_GRID)

    def broken(*_: object, **__: object) -> None:
        raise ZeroDivisionError("a bug\nover two lines")

    monkeypatch.setattr(tables, "describe_table", broken)
    status, out, err = _run(capsys, str(path))
    assert (status, out) == (2, "")
    assert err == (
        f"factcheck: {path}: internal error while reading this table (ZeroDivisionError: a bug over two lines); "
        "please report it\n"
    )
