"""Tables in the claims format: `[tables.NAME]` read by the loader, figures from `table`, `row` and
`column`, a whole column as a rank's `among` (less `exclude`), located problems, the SHA-256 pin,
workbooks giving the same verdicts as CSV, and the cache re-reading a table on every hit."""

from __future__ import annotations

import csv
import io
import json
import shutil
import time
from fractions import Fraction
from pathlib import Path

import pytest

from factcheck.check.pipeline import check_file
from factcheck.cli.main import main
from factcheck.load.claimsfile import load_claims_file
from factcheck.model.claims import Cell, RankClaim
from factcheck.model.verdicts import Verdict
from factcheck.report.formats import render
from factcheck.runner.batch import claims_files, run
from factcheck.runner.cache import ResultCache
from tests.conftest import LABELLED_DIR
from tests.test_load_tables import write_ods, write_xlsx

ARTICLE = "wetherholm-school-absence-2024"
TABLE = f"{ARTICLE}.csv"
RATE = "Persistent absence rate 2023/24 (%)"


@pytest.fixture
def article(tmp_path: Path) -> Path:
    """A copy of the labelled table article (claims file, text and table), free to edit."""
    for suffix in (".claims.toml", ".txt", ".csv"):
        shutil.copy(LABELLED_DIR / f"{ARTICLE}{suffix}", tmp_path / f"{ARTICLE}{suffix}")
    return tmp_path / f"{ARTICLE}.claims.toml"


def edit(path: Path, old: str, new: str) -> Path:
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return path


def verdicts(path: Path) -> dict[str, tuple[Verdict, bool, str]]:
    result = check_file(path)
    assert not result.errors, [str(e) for e in result.errors]
    return {o.id: (o.verdict, o.gross, o.explanation) for o in result.outcomes}


def test_a_figure_takes_unit_period_rounded_area_and_source_from_its_table_and_column(article: Path) -> None:
    loaded = load_claims_file(article)
    assert loaded.problems == ()
    rate = loaded.figures["rate_eastwick"]
    assert (rate.value, rate.unit, rate.period, rate.area, rate.source, str(rate.rounded)) == (
        Fraction("23.9"),
        "percent",
        "2023-24",
        "Eastwick",
        "attendance-2024",
        "1/10",
    )
    assert rate.cell == Cell(table="absence", row="Eastwick", column=RATE, row_number=8, text="23.9")
    assert rate.location.line is not None


def test_the_figure_may_say_its_own_unit_period_area_source_and_rounding(article: Path) -> None:
    edit(
        article,
        'rate_eastwick = { table = "absence", row = "Eastwick", column = "Persistent absence rate 2023/24 (%)" }',
        'rate_eastwick = { table = "absence", row = "Eastwick", column = "Persistent absence rate 2023/24 (%)", '
        'period = "2024", area = "East", rounded = 0.5 }',
    )
    rate = load_claims_file(article).figures["rate_eastwick"]
    assert (rate.period, rate.area, str(rate.rounded)) == ("2024", "East", "1/2")


def test_a_rank_among_a_column_lists_its_rows_less_exclude(article: Path) -> None:
    loaded = load_claims_file(article)
    rank = next(c for c in loaded.claims() if c.id == "carrow-highest")
    assert isinstance(rank, RankClaim)
    assert rank.column == f"absence:{RATE}" and rank.exclude == ("Wetherholm total",)
    rows = [loaded.cells[name].area for name in rank.among]
    assert rows == [
        "Ashcombe",
        "Beckfield",
        "Carrow Vale",
        "Dunholme",
        "Eastwick",
        "Fenmoor",
        "Greyhaven",
        "Holloway Cross",
    ]
    assert rank.inputs() == {"of": "rate_carrow", "among": f"absence:{RATE}"}


def test_the_total_row_left_in_changes_the_count_and_a_diagnosis_says_to_leave_it_out(article: Path) -> None:
    edit(article, 'exclude = ["Wetherholm total"]\n  note = "planted error: 4th', 'note = "planted error: 4th')
    result = check_file(article)
    greyhaven = next(o for o in result.outcomes if o.id == "greyhaven-one-of-highest")
    assert greyhaven.verdict is Verdict.CONTRADICTED
    assert "of 9" in greyhaven.explanation  # the total counted as a ninth area


@pytest.mark.parametrize(
    ("old", "new", "field", "words"),
    [
        (
            'row = "Eastwick"',
            'row = "Eastwik"',
            "row",
            "no row has the key 'Eastwik' in column 'Area' (did you mean 'Eastwick'?)",
        ),
        (
            'row = "Eastwick", column = "Persistent absence rate 2023/24 (%)"',
            'row = "Eastwick", column = "Rate"',
            "column",
            "no column has this name",
        ),
        (
            'absent_ashcombe = { table = "absence"',
            'absent_ashcombe = { table = "absense"',
            "table",
            "unknown table 'absense'; did you mean 'absence'?",
        ),
        (
            'absent_total = { table = "absence", row = "Wetherholm total", column = "Persistently absent pupils 2023/24" }',
            'absent_total = { table = "absence", row = "Fenmoor", column = "Pupils on roll 2023/24" }',
            "row",
            "[c]",
        ),
    ],
    ids=["unknown row", "unknown column", "unknown table", "suppressed cell"],
)
def test_a_figure_that_cannot_be_read_from_its_table_is_a_located_problem(
    article: Path, old: str, new: str, field: str, words: str
) -> None:
    line = next(n for n, text in enumerate(article.read_text(encoding="utf-8").splitlines(), 1) if old in text)
    loaded = load_claims_file(edit(article, old, new))
    problems = [p for p in loaded.problems if words in p.message]
    assert problems, [str(p) for p in loaded.problems]
    assert problems[0].line == line and problems[0].field == field and problems[0].path == str(article)


def test_a_suppressed_cell_names_the_table_row_column_and_cell(article: Path) -> None:
    edit(
        article,
        'roll_total = { table = "absence", row = "Wetherholm total"',
        'roll_total = { table = "absence", row = "Fenmoor"',
    )
    (problem,) = load_claims_file(article).problems
    assert "table 'absence'" in problem.message and "row 'Fenmoor' (row 9)" in problem.message
    assert "column 'Pupils on roll 2023/24'" in problem.message and "[c]" in problem.message
    result = check_file(article)
    assert result.errors and any(o.id == "total-share" and o.verdict is Verdict.ERROR for o in result.outcomes)


def test_a_changed_table_is_an_error_naming_both_digests_never_a_silent_recheck(article: Path) -> None:
    table = article.with_name(TABLE)
    table.write_text(table.read_text(encoding="utf-8").replace("23.9", "24.1"), encoding="utf-8")
    loaded = load_claims_file(article)
    digest = next(p for p in loaded.problems if p.field == "sha256")
    assert "5ecce795" in digest.message and "absence" in digest.message
    assert loaded.broken_figures["rate_eastwick"] == digest.line  # reported once, on the table's lines
    assert "rate_eastwick" not in loaded.figures and None not in loaded.figures.values()
    result = check_file(article)
    assert all(o.verdict in (Verdict.ERROR, Verdict.UNCHECKED) for o in result.outcomes)
    eastwick = next(o for o in result.outcomes if o.id == "eastwick-rate")
    assert eastwick.explanation == f"figure 'rate_eastwick' has an error (line {digest.line})"


@pytest.mark.parametrize(
    ("old", "new", "words"),
    [
        ('path = "wetherholm-school-absence-2024.csv"', 'path = "missing.csv"', "no such file"),
        ('path = "wetherholm-school-absence-2024.csv"', 'path = "../outside.csv"', "outside the claims file's folder"),
        ("header = 3", "header = 0", "`header` must be a row number from 1"),
        ('sha256 = "', 'sha256 = "x', "`sha256` must be 64 hexadecimal digits"),
        ('key = "Area"', 'key = "Area"\nsheets = 2', "unknown key 'sheets' in [tables.absence]"),
        (
            '{ unit = "pupil", period = "2023-24" }',
            '{ unit = "pupil", period = "2023-24", stored = "ratio" }',
            '`stored` must be "percent" or "fraction"',
        ),
        ('source = "attendance-2024"\nsha256', 'source = "attendance"\nsha256', "unknown source 'attendance'"),
    ],
    ids=["missing file", "outside", "header", "sha256", "unknown key", "stored", "source"],
)
def test_a_table_that_cannot_be_read_is_a_problem_on_its_lines_and_its_figures_say_so(
    article: Path, old: str, new: str, words: str
) -> None:
    loaded = load_claims_file(edit(article, old, new))
    messages = [p.message for p in loaded.problems]
    found = [p for p in loaded.problems if words in p.message]
    assert found, messages
    assert found[0].line is not None and found[0].path == str(article)
    assert len(messages) == 1 + sum("`among`" in m or "column 'absence:" in m for m in messages)  # once, not per figure
    outcomes = {o.id: o for o in check_file(article).outcomes}
    assert outcomes["carrow-rate"].verdict is Verdict.ERROR
    assert outcomes["carrow-rate"].explanation.startswith("figure 'rate_carrow' has an error (line ")


def test_exclude_naming_a_row_the_table_lacks_is_a_problem(article: Path) -> None:
    loaded = load_claims_file(edit(article, 'exclude = ["Wetherholm total"]', 'exclude = ["Wetherholm"]'))
    (problem,) = loaded.problems
    assert problem.claim_id == "carrow-highest" and "'Wetherholm'" in problem.message


def test_a_rank_among_a_list_of_names(write_claims: object, tmp_path: Path) -> None:
    path = tmp_path / "list.claims.toml"
    path.write_text(
        """format = 1
[article]
title = "t"
published = 2024-01-01
[figures]
a = { value = 5, unit = "person" }
b = { value = 9, unit = "person" }
c = { value = 7, unit = "person" }
total = { value = 21, unit = "person" }
[[sentences]]
text = "A had the lowest number, B the highest, and C was among the two highest."
  [[sentences.claims]]
  id = "a-low"
  kind = "rank"
  stated = "the lowest"
  of = "a"
  among = ["a", "b", "c", "total"]
  exclude = ["total"]
  [[sentences.claims]]
  id = "b-high"
  kind = "rank"
  stated = "the highest"
  of = "b"
  among = ["a", "c", "total"]
  [[sentences.claims]]
  id = "c-two"
  kind = "rank"
  stated = "among the two highest"
  of = "c"
  among = ["a", "b"]
""",
        encoding="utf-8",
    )
    got = verdicts(path)
    assert got["a-low"][:2] == (Verdict.SUPPORTED, False) and "1st of 3 from the low end" in got["a-low"][2]
    assert got["b-high"][:2] == (Verdict.CONTRADICTED, False) and "2nd of 4" in got["b-high"][2]
    assert got["c-two"][:2] == (Verdict.SUPPORTED, False)
    outcome = next(o for o in check_file(path).outcomes if o.id == "b-high")
    assert any("true if the total row 'total' is left out" in d for d in outcome.diagnoses)


def test_a_rank_in_words_the_reader_does_not_know_is_a_located_problem(article: Path) -> None:
    loaded = load_claims_file(
        edit(article, 'stated = "the highest rate"', 'stated = "the highest rate"\n  order = "up"')
    )
    assert any(p.field == "order" and p.claim_id == "carrow-highest" for p in loaded.problems)


def _grid(path: Path) -> list[list[object]]:
    """The CSV's rows, numbers as numbers (as a workbook stores them), text as text."""
    rows: list[list[object]] = []
    for row in csv.reader(io.StringIO(path.read_text(encoding="utf-8-sig"))):
        cells: list[object] = []
        for cell in row:
            plain = cell.replace(",", "")
            try:
                cells.append(int(plain))
            except ValueError:
                try:
                    cells.append(float(plain))
                except ValueError:
                    cells.append(cell)
        rows.append(cells)
    return rows


@pytest.mark.parametrize("suffix", ["xlsx", "ods"])
def test_a_workbook_of_the_same_table_gives_the_same_verdicts_as_the_csv(article: Path, suffix: str) -> None:
    csv_verdicts = verdicts(article)
    csv_figures = load_claims_file(article).figures
    grid = _grid(article.with_name(TABLE))
    book = article.with_name(f"{ARTICLE}.{suffix}")
    (write_xlsx if suffix == "xlsx" else write_ods)(book, grid, sheet="Table 4")
    text = article.read_text(encoding="utf-8")
    text = text.replace(f'path = "{TABLE}"', f'path = "{book.name}"\nsheet = "Table 4"')
    text = "\n".join(line for line in text.splitlines() if not line.startswith("sha256")) + "\n"
    article.write_text(text, encoding="utf-8")
    figures = {name: figure.value for name, figure in load_claims_file(article).figures.items()}
    assert figures == {name: figure.value for name, figure in csv_figures.items()}
    # the same verdicts; an explanation shows a cell as the file holds it ("22.0" in the CSV, 22 in a workbook)
    assert {key: got[:2] for key, got in verdicts(article).items()} == {
        key: got[:2] for key, got in csv_verdicts.items()
    }


def _run(path: Path, cache: ResultCache) -> tuple[str, int]:
    out = io.StringIO()
    status = run(claims_files([str(path)]), "text", out.write, cache=cache)
    return out.getvalue(), status


def test_a_changed_table_is_never_answered_from_the_cache(article: Path, tmp_path: Path) -> None:
    cache = ResultCache(tmp_path / "cache")
    cache.prepare()
    first, status = _run(article, cache)
    assert status == 1 and "contradicted" in first
    assert _run(article, cache) == (first, status)
    table = article.with_name(TABLE)
    table.write_text(table.read_text(encoding="utf-8").replace("23.9", "24.1"), encoding="utf-8")
    changed, status = _run(article, cache)
    assert status == 2 and "sha256" in changed.lower() and changed != first
    # without the pin, an edited table is read again: the stale-year claim now passes
    edit(article, 'sha256 = "', '# sha256 = "')
    unpinned, _ = _run(article, cache)
    table.write_text(table.read_text(encoding="utf-8").replace("24.1", "23.9"), encoding="utf-8")
    assert _run(article, cache)[0] != unpinned
    table.unlink()
    missing, status = _run(article, cache)
    assert status == 2 and "no such file" in missing


@pytest.mark.parametrize("command", ["check", "check-cached", "report"])
def test_no_report_is_written_over_a_table_the_run_reads(
    article: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], command: str
) -> None:
    table = article.with_name(TABLE)
    before = table.read_bytes()
    cache = ["--cache-dir", str(tmp_path / "cache")]
    if command == "check-cached":
        assert main(["check", *cache, str(article)]) == 1  # fills the cache: the next run is a hit
    args = ["report"] if command == "report" else ["check", *cache]
    assert main([*args, "-o", str(table), "--force", str(article)]) == 2
    assert f"over the table {TABLE!r}" in capsys.readouterr().err
    assert table.read_bytes() == before


def test_every_report_shows_a_ranks_place_and_what_the_words_need(article: Path) -> None:
    result = check_file(article)
    entry = next(
        e for e in json.loads(render([result], "json"))["files"][0]["claims"] if e["id"] == "greyhaven-one-of-highest"
    )
    assert entry["kind"] == "rank" and entry["verdict"] == "contradicted" and entry["gross"] is False
    assert entry["place"] == {"best": 4, "worst": 4, "of": 8, "end": "high", "text": "4th of 8", "needs": "at most 3rd"}
    page = render([result], "html")
    assert "4th of 8 from the high end" in page and "at most 3rd from the high end" in page
    assert "table &#x27;absence&#x27;, row 8, column" in page or "table 'absence', row 8, column" in page
    for fmt in ("text", "markdown", "github", "junit", "sarif"):
        assert "4th of 8" in render([result], fmt), fmt


def test_a_wrong_row_and_a_stale_column_are_diagnosed(article: Path) -> None:
    outcomes = {o.id: o for o in check_file(article).outcomes}
    (stale,) = outcomes["eastwick-rate"].diagnoses
    assert stale.startswith(
        "matches if read from column 'Persistent absence rate 2022/23 (%)' (2022-23) of table 'absence' instead of "
        "column 'Persistent absence rate 2023/24 (%)'"
    )
    (row,) = outcomes["ashcombe-count"].diagnoses
    assert row.startswith("matches if read from row 'Beckfield' of table 'absence' instead of row 'Ashcombe'")


def test_a_rank_true_of_another_column_says_so(article: Path) -> None:
    # Eastwick was the highest in 2022/23 (24.1%), second in 2023/24
    edit(article, 'stated = "the second highest rate"', 'stated = "the highest rate"')
    edit(article, "Eastwick had the second highest rate", "Eastwick had the highest rate")
    edit(article.with_name(f"{ARTICLE}.txt"), "Eastwick had the second highest rate", "Eastwick had the highest rate")
    outcome = next(o for o in check_file(article).outcomes if o.id == "eastwick-second")
    assert outcome.verdict is Verdict.CONTRADICTED
    assert outcome.diagnoses == (
        "true of the 'Persistent absence rate 2022/23 (%)' column (24.1: 1st of 8 from the high end)",
    )


def test_of_written_by_hand_for_an_area_of_the_column_is_that_row_counted_once(article: Path) -> None:
    edit(
        article,
        'rate_carrow = { table = "absence", row = "Carrow Vale", column = "Persistent absence rate 2023/24 (%)" }',
        'rate_carrow = { value = 25.4, unit = "percent", area = "Carrow Vale", rounded = 0.1 }',
    )
    outcome = next(o for o in check_file(article).outcomes if o.id == "carrow-highest")
    assert outcome.verdict is Verdict.SUPPORTED and outcome.place is not None
    assert (outcome.place.text, outcome.place.best) == ("1st of 8", 1)  # not "joint 1st of 9"


def test_many_ranks_over_a_large_column_are_checked_quickly(tmp_path: Path) -> None:
    rows = [f"Area {n}" for n in range(400)]
    (tmp_path / "t.csv").write_text(
        "Area,Rate\n" + "".join(f"{row},{(n * 7919) % 4001 / 10}\n" for n, row in enumerate(rows)), encoding="utf-8"
    )
    figures = "".join(f'f{n} = {{ table = "t", row = "Area {n}", column = "Rate" }}\n' for n in range(400))
    claims = "".join(
        f'  [[sentences.claims]]\n  id = "r{n}"\n  kind = "rank"\n  stated = "the highest"\n  of = "f{n}"\n'
        '  among = "t:Rate"\n'
        for n in range(200)
    )
    path = tmp_path / "many.claims.toml"
    path.write_text(
        'format = 1\n[article]\ntitle = "t"\npublished = 2024-01-01\n[tables.t]\npath = "t.csv"\nkey = "Area"\n'
        '[tables.t.columns]\nRate = { unit = "person" }\n[figures]\n' + figures + '[[sentences]]\ntext = "It was the '
        'highest."\n' + claims,
        encoding="utf-8",
    )
    start = time.perf_counter()
    result = check_file(path)
    elapsed = time.perf_counter() - start
    assert result.claims_file is not None and len(result.claims_file.cells) == 400  # the column listed once
    assert sum(o.verdict is Verdict.SUPPORTED for o in result.outcomes) == 1
    assert elapsed < 60, elapsed  # measured: about 3 s (diagnoses included) on a shared 2-core machine


def test_of_a_claim_computed_from_one_areas_figures_is_that_row_counted_once(article: Path) -> None:
    """ "the highest rate", of the rate the claim beside it computes from Carrow Vale's counts."""
    edit(
        article,
        'of = "rate_carrow"\n  among',
        'of = "carrow-computed"\n  among',
    )
    edit(
        article,
        '  # expect: supported\n  [[sentences.claims]]\n  id = "carrow-rate"',
        '  [[sentences.claims]]\n  id = "carrow-computed"\n  kind = "share"\n  stated = "25.4%"\n'
        '  part = "absent_carrow"\n  whole = "roll_carrow"\n\n  # expect: supported\n  [[sentences.claims]]\n'
        '  id = "carrow-rate"',
    )
    edit(
        article,
        "absent_carrow_before = {",
        'roll_carrow = { table = "absence", row = "Carrow Vale", column = "Pupils on roll 2023/24" }\n'
        "absent_carrow_before = {",
    )
    outcomes = {o.id: o for o in check_file(article).outcomes}
    assert outcomes["carrow-computed"].verdict is Verdict.SUPPORTED  # 1,530 / 6,020 = 25.42%
    rank = outcomes["carrow-highest"]
    assert rank.verdict is Verdict.SUPPORTED and rank.place is not None and rank.place.text == "1st of 8"
