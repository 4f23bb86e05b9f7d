"""`factcheck suggest` from tables: the cells that reproduce a draft value claim, ranked by the area and the
period the sentence names, shown as the `[figures]` entry to paste; fast on a large table; and nothing
changes for a file without tables."""

from __future__ import annotations

import random
import time
from pathlib import Path

import pytest

from factcheck.cli.main import main
from factcheck.drafting.suggest import suggest_file
from factcheck.load.claimsfile import load_claims_file, loads_claims_file

_HEAD = """format = 1
[article]
title = "t"
published = 2024-06-01
[tables.t]
path = "t.csv"
key = "Area"
[tables.t.columns]
"Count 2023" = { unit = "person", period = "2023" }
"Count 2024" = { unit = "person", period = "2024" }
"""


def _claims(tmp_path: Path, sentence: str, stated: str, rows: str) -> Path:
    (tmp_path / "t.csv").write_text("Area,Count 2023,Count 2024\n" + rows, encoding="utf-8")
    path = tmp_path / "t.claims.toml"
    path.write_text(
        _HEAD
        + f'[[sentences]]\ntext = "{sentence}"\n  [[sentences.claims]]\n  id = "c"\n  kind = "value"\n'
        + f'  stated = "{stated}"\n  figure = "?count_x"\n',
        encoding="utf-8",
    )
    return path


def test_the_cell_of_the_area_and_period_the_sentence_names_comes_first(tmp_path: Path) -> None:
    path = _claims(
        tmp_path, "Brook had 120 people waiting in 2024.", "120", "Avon,120,120\nBrook,120,120\nCole,131,99\n"
    )
    (claim,) = suggest_file(load_claims_file(path), limit=5)
    assert [(c.row, c.column) for c in claim.cells][:2] == [("Brook", "Count 2024"), ("Brook", "Count 2023")]
    assert claim.cells[0].toml == '[figures.count_x]\ntable = "t"\nrow = "Brook"\ncolumn = "Count 2024"\n'
    assert {(c.row, c.column) for c in claim.cells} == {
        ("Brook", "Count 2024"),
        ("Brook", "Count 2023"),
        ("Avon", "Count 2024"),
        ("Avon", "Count 2023"),
    }  # 131 is not "120"


def test_the_pasted_entry_reads_the_cell(tmp_path: Path) -> None:
    path = _claims(tmp_path, "Cole had 99 people waiting.", "99", "Avon,120,120\nCole,121,99\n")
    (claim,) = suggest_file(load_claims_file(path))
    (cell,) = claim.cells
    text = path.read_text(encoding="utf-8").replace('figure = "?count_x"', 'figure = "count_x"') + cell.toml
    loaded = loads_claims_file(text, str(path), base_dir=tmp_path)
    assert loaded.problems == () and loaded.figures["count_x"].value == 99


def test_suggest_prints_the_entry_to_paste(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = _claims(tmp_path, "Cole had 99 people waiting.", "99", "Avon,120,120\nCole,121,99\n")
    assert main(["suggest", str(path)]) == 0
    out = capsys.readouterr().out
    assert "row 'Cole' of column 'Count 2024' in table 't'" in out and '         column = "Count 2024"' in out
    assert main(["suggest", "--format", "json", str(path)]) == 0
    assert '"cells"' in capsys.readouterr().out


def test_a_file_without_tables_gets_the_same_output_as_before(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "f.claims.toml"
    path.write_text(
        'format = 1\n[article]\ntitle = "t"\npublished = 2024-06-01\n[figures]\na = { value = 99, unit = "person" }\n'
        '[[sentences]]\ntext = "There were 99."\n  [[sentences.claims]]\n  id = "c"\n  kind = "value"\n'
        '  stated = "99"\n  figure = "?"\n',
        encoding="utf-8",
    )
    assert main(["suggest", "--format", "json", str(path)]) == 0
    assert '"cells"' not in capsys.readouterr().out
    assert main(["suggest", str(path)]) == 0
    assert "in table" not in capsys.readouterr().out


def test_a_table_of_400_rows_and_30_columns_is_suggested_from_quickly(tmp_path: Path) -> None:
    generator = random.Random(12)
    columns = [f"Count {year}" for year in range(1995, 2025)]
    rows = [[f"Area {n}", *(str(generator.randrange(100, 1_000_000)) for _ in columns)] for n in range(400)]
    rows[217][columns.index("Count 2019") + 1] = "123457"
    (tmp_path / "big.csv").write_text(
        "\n".join(",".join(row) for row in [["Area", *columns], *rows]) + "\n", encoding="utf-8"
    )
    claims = "\n".join(
        f'  [[sentences.claims]]\n  id = "c{n}"\n  kind = "value"\n  stated = "{value}"\n  figure = "?"\n'
        for n, value in enumerate(["123,457", "about 500,000", "more than 999,000", "12"])
    )
    declared = "\n".join(f'"{column}" = {{ unit = "person", period = "{column[-4:]}" }}' for column in columns)
    path = tmp_path / "big.claims.toml"
    path.write_text(
        'format = 1\n[article]\ntitle = "t"\npublished = 2024-06-01\n[tables.big]\npath = "big.csv"\nkey = "Area"\n'
        f"[tables.big.columns]\n{declared}\n"
        '[[sentences]]\ntext = "Area 217 had 123,457 in 2019, about 500,000, more than 999,000 and 12."\n' + claims,
        encoding="utf-8",
    )
    loaded = load_claims_file(path)
    start = time.perf_counter()
    found = suggest_file(loaded)
    elapsed = time.perf_counter() - start
    first = found[0].cells[0]
    assert (first.row, first.column) == ("Area 217", "Count 2019")
    assert elapsed < 10, elapsed  # measured: well under a second on a shared 2-core machine
