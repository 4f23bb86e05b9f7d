"""Checking a template: a result per version, named by its row in every report, its table of
versions × claims, the exit status of that many files, and a cache that covers every version's text."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

import factcheck.check.pipeline
from factcheck.check.pipeline import check_file, check_path
from factcheck.report.formats import FORMATS, render
from factcheck.runner.batch import claims_files, run
from factcheck.runner.cache import ResultCache
from tests.test_load_template import AREAS, _text, write_template

STREAMED = sorted(name for name, fmt in FORMATS.items() if fmt.streams)


def _check(paths: list[Path], fmt: str = "text", cache: ResultCache | None = None, jobs: int = 1) -> tuple[str, int]:
    out = io.StringIO()
    status = run(claims_files([str(p) for p in paths]), fmt, out.write, cache=cache, jobs=jobs)
    return out.getvalue(), status


@pytest.fixture
def story(tmp_path: Path) -> Path:
    """A template of three versions; Eastfold's text says 1,980 where its figure is 980."""
    return write_template(tmp_path, texts={"Eastfold": _text("Eastfold", "1,980")})


def test_every_version_is_checked_and_named_by_its_row(story: Path) -> None:
    results = check_path(story)
    assert [result.version for result in results] == list(AREAS)
    assert [result.exit_status() for result in results] == [0, 1, 0]
    assert results[1].shown == f"{story} [Eastfold]"


def test_check_file_says_a_template_has_versions(story: Path) -> None:
    (problem,) = check_file(story).errors
    assert "template of 3 versions" in problem.message


def test_the_text_report_names_each_version_and_ends_with_the_table(story: Path) -> None:
    report, status = _check([story])
    assert status == 1
    assert f"{story} [Westmarch] — Sex offenders being monitored in Westmarch\n" in report
    assert f"{story} [Eastfold] — Sex offenders being monitored in Eastfold\n  ✗ contradicted" in report
    table = report[report.index(f"{story} — 3 versions × 1 claim, 1 failing") :]
    rows = table.splitlines()[2:5]
    assert rows[0].split() == ["Eastfold", "✗", "1", "contradicted"]  # the failing version on top
    assert [row.split()[:-1] for row in rows[1:]] == [["Westmarch"], ["North", "Rhyn"]]
    assert "  claims: 1 rso\n" in table
    assert "\n3 template versions: 2 supported, 0 loose, 1 contradicted" in report


def test_the_table_is_compact_for_forty_versions_of_twenty_claims() -> None:
    from factcheck.model.results import FileResult, Outcome
    from factcheck.model.verdicts import Verdict
    from factcheck.report.text import matrix_lines

    outcomes = tuple(Outcome(f"claim_{n}", "value", Verdict.SUPPORTED, "") for n in range(20))
    results = [FileResult("x.claims.toml", outcomes, version=f"Area number {n}") for n in range(40)]
    lines = matrix_lines(results)
    assert len(lines) == 1 + 1 + 40 + 3 + 1
    assert max(len(line) for line in lines[1:42]) <= 80


def test_a_json_entry_per_version_with_its_row(story: Path) -> None:
    report, _ = _check([story], "json")
    files = json.loads(report)["files"]
    assert [(entry["path"], entry["version"]) for entry in files] == [(str(story), row) for row in AREAS]
    assert [entry["claims"][0]["verdict"] for entry in files] == ["supported", "contradicted", "supported"]


def test_an_ordinary_file_has_no_version_key(tmp_path: Path) -> None:
    example = Path(__file__).parents[1] / "claims" / "west-mercia-mappa-2020.claims.toml"
    report, _ = _check([example], "json")
    assert "version" not in json.loads(report)["files"][0]


@pytest.mark.parametrize("fmt", sorted(FORMATS))
def test_every_format_names_the_version(story: Path, fmt: str) -> None:
    report, status = _check([story], fmt)
    assert status == 1
    assert "Eastfold" in report


@pytest.mark.parametrize("fmt", STREAMED)
def test_streamed_cached_and_rendered_at_once_are_the_same(story: Path, tmp_path: Path, fmt: str) -> None:
    fresh = _check([story], fmt)
    cache = ResultCache(tmp_path / "cache")
    cache.prepare()
    assert _check([story], fmt, cache) == fresh
    assert _check([story], fmt, cache) == fresh
    assert render(list(check_path(story)), fmt) == fresh[0]
    assert _check([story, story.parent], fmt, jobs=2)[0] == _check([story, story.parent], fmt)[0]


def test_a_changed_version_text_is_never_answered_from_the_cache(
    story: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    cache = ResultCache(tmp_path / "cache")
    cache.prepare()
    assert _check([story], cache=cache)[1] == 1
    (story.parent / "versions" / "eastfold.txt").write_text(_text("Eastfold", "980"), encoding="utf-8")
    assert _check([story], cache=cache)[1] == 0
    checked: list[object] = []
    real = factcheck.check.pipeline.check_inputs

    def counting(path: object, data: object = None) -> object:
        checked.append(path)
        return real(path, data)  # type: ignore[arg-type]

    monkeypatch.setattr(factcheck.check.pipeline, "check_inputs", counting)
    assert _check([story], cache=cache)[1] == 0
    assert checked == []  # unchanged: every version from the cache


def test_a_problem_of_the_template_is_one_result(tmp_path: Path) -> None:
    from tests.test_load_template import TEMPLATE

    story = write_template(tmp_path, template=TEMPLATE.replace("in {{area}} in March", "in {{area}}{{x}} in March"))
    report, status = _check([story])
    assert status == 2
    assert report.startswith(f"{story}\n  ! error {story}:19")
    assert "1 file: " in report


def test_a_version_that_does_not_match_fails_alone(tmp_path: Path) -> None:
    texts = {"North Rhyn": "Something else entirely.\n"}
    story = write_template(tmp_path, texts=texts)
    report, status = _check([story])
    assert status == 2
    assert f"{story} [North Rhyn]\n  ! error" in report or f"{story} [North Rhyn] — " in report
    table = report[report.index("3 versions × 1 claim, 1 failing") :]
    assert table.splitlines()[2].split()[:4] == ["North", "Rhyn", "!", "!"]


def test_the_html_report_has_the_table_of_versions(story: Path) -> None:
    report, _ = _check([story], "html")
    assert report.count('<table class="matrix">') == 1
    table = report[report.index('<table class="matrix">') : report.index("</table>", report.index('class="matrix"'))]
    assert table.index(">Eastfold<") < table.index(">Westmarch<")  # the failing version on top
    assert "3 versions × 1 claim, 1 failing" in table


def test_an_ordinary_report_has_no_table_of_versions() -> None:
    example = Path(__file__).parents[1] / "claims" / "west-mercia-mappa-2020.claims.toml"
    for fmt in ("html", "text"):
        report, _ = _check([example], fmt)
        assert "matrix" not in report and "versions ×" not in report


def test_a_version_whose_words_are_unknown_shows_its_title_without_them(tmp_path: Path) -> None:
    story = write_template(tmp_path, texts={"Eastfold": "Something else.\n"})
    report, _ = _check([story])
    assert f"{story} [Eastfold] — Sex offenders being monitored in …\n" in report


def test_sarif_lists_a_template_once_among_its_artifacts(story: Path) -> None:
    report, _ = _check([story], "sarif")
    (run,) = json.loads(report)["runs"]
    assert len(run["artifacts"]) == 1
    assert {result["properties"]["version"] for result in run["results"]} >= {"Eastfold"}


TABLE_TEMPLATE = """\
format = 1

[article]
title = "Offenders in {area}"
published = 2020-11-10

[tables.areas]
path = "areas.csv"
key = "Area"
source = "fictional"

[tables.areas.columns]
"Offenders" = { unit = "offender", period = "2020-03-31" }

[sources.fictional]
title = "Fictional figures, for a test"
kind = "official"

[template]
rows = "areas"
text = "versions/{slug}.txt"
exclude = ["All areas"]

[figures.offenders]
table = "areas"
row = "{row}"
column = "Offenders"

[figures.total]
table = "areas"
row = "All areas"
column = "Offenders"

[[sentences]]
text = "There were {n} offenders in {area}, of {total} in all areas."

  [[sentences.claims]]
  id = "n"
  kind = "value"
  stated = "{n}"
  figure = "offenders"

  [[sentences.claims]]
  id = "all"
  kind = "value"
  stated = "{total}"
  figure = "total"
"""


@pytest.fixture
def table_story(tmp_path: Path) -> Path:
    """A template over a table's rows (a total row left out); North Rhyn says 2,130 where its row has 2,310."""
    (tmp_path / "areas.csv").write_text(
        "Area,Offenders\nWestmarch,1405\nEastfold,980\nNorth Rhyn,2310\nAll areas,4695\n", encoding="utf-8"
    )
    (tmp_path / "versions").mkdir()
    for row, said in (("Westmarch", "1,405"), ("Eastfold", "980"), ("North Rhyn", "2,130")):
        text = f"There were {said} offenders in {row}, of 4,695 in all areas.\n"
        (tmp_path / "versions" / f"{row.lower().replace(' ', '-')}.txt").write_text(text, encoding="utf-8")
    path = tmp_path / "story.claims.toml"
    path.write_text(TABLE_TEMPLATE, encoding="utf-8")
    return path


def test_each_version_reads_its_own_row_of_the_table(table_story: Path) -> None:
    results = check_path(table_story)
    assert [result.version for result in results] == ["Westmarch", "Eastfold", "North Rhyn"]
    verdicts = [{o.id: o.verdict.value for o in result.outcomes} for result in results]
    assert verdicts == [
        {"n": "supported", "all": "supported"},
        {"n": "supported", "all": "supported"},
        {"n": "contradicted", "all": "supported"},
    ]
    rhyn = results[2].claims_file
    assert rhyn is not None and rhyn.figures["offenders"].value == 2310


def test_a_changed_table_is_never_answered_from_the_cache(table_story: Path, tmp_path: Path) -> None:
    cache = ResultCache(tmp_path / "cache")
    cache.prepare()
    assert _check([table_story], cache=cache)[1] == 1
    table = table_story.parent / "areas.csv"
    table.write_text(table.read_text(encoding="utf-8").replace("North Rhyn,2310", "North Rhyn,2130"), encoding="utf-8")
    assert _check([table_story], cache=cache)[1] == 0
    assert _check([table_story], cache=cache) == _check([table_story])
