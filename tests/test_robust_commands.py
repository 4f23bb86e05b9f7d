"""`report`, `suggest` and every `check` format: a bug on one file is that file's error, never a traceback
that loses the others' results."""

from __future__ import annotations

from pathlib import Path
from typing import cast

import attrs
import pytest

import factcheck.check.pipeline
import factcheck.drafting.suggest
import factcheck.report.html
from factcheck.cli.main import main
from factcheck.report.formats import FORMATS
from tests.bounded import run_bounded

_GOOD = """\
format = 1

[article]
title = "A good one"
published = 2020-11-10

[figures.offenders]
value = 1405
unit = "offender"

[[sentences]]
text = "There were 1,405."

  [[sentences.claims]]
  id = "exact"
  kind = "value"
  stated = "1,405"
  figure = "offenders"
"""


@pytest.fixture
def two(tmp_path: Path) -> tuple[Path, Path]:
    bad, good = tmp_path / "bad.claims.toml", tmp_path / "good.claims.toml"
    bad.write_text(_GOOD.replace("A good one", "A bad one"), encoding="utf-8")
    good.write_text(_GOOD, encoding="utf-8")
    return bad, good


def _bug_on(path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Checking `path` (and only it) hits a bug."""
    real = factcheck.check.pipeline.check_inputs

    def check_inputs(checked: object, data: object = None) -> object:
        if str(checked) == str(path):
            raise ZeroDivisionError("a bug")
        return real(checked, data)  # type: ignore[arg-type]

    monkeypatch.setattr(factcheck.check.pipeline, "check_inputs", check_inputs)


def test_report_writes_the_other_files_when_checking_one_hits_a_bug(
    two: tuple[Path, Path], tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """`report` called check_file unguarded: a bug on one file was a traceback and no page at all."""
    bad, good = two
    _bug_on(bad, monkeypatch)
    target = tmp_path / "r.html"
    assert main(["report", str(bad), str(good), "-o", str(target)]) == 2
    page = target.read_text(encoding="utf-8")
    assert "A good one" in page and "internal error while checking this file (ZeroDivisionError: a bug)" in page
    err = capsys.readouterr().err
    assert "bad.claims.toml: could not be checked (internal error" in err and "Traceback" not in err


def test_report_writes_the_other_files_when_rendering_one_hits_a_bug(
    two: tuple[Path, Path], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    bad, good = two
    real = factcheck.report.html._article

    def article(result: factcheck.model.results.FileResult, number: int) -> str:
        if result.path == str(bad) and result.readable:
            raise OverflowError("a rendering bug")
        return real(result, number)

    monkeypatch.setattr(factcheck.report.html, "_article", article)
    target = tmp_path / "r.html"
    assert main(["report", str(bad), str(good), "-o", str(target)]) == 2
    page = target.read_text(encoding="utf-8")
    assert "A good one" in page
    assert "internal error while writing the report of this file (OverflowError: a rendering bug)" in page


class _Unwritable:
    """A value no renderer can write (as a value beyond float range was for JSON): every use of it raises."""

    def __str__(self) -> str:
        raise OverflowError("a rendering bug")

    def __getattr__(self, name: str) -> object:
        raise OverflowError("a rendering bug")


@pytest.mark.parametrize("fmt", list(FORMATS))
def test_every_check_format_survives_a_rendering_bug_on_one_file(
    two: tuple[Path, Path], monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], fmt: str
) -> None:
    """The streamed formats rendered each part unguarded: a bug there stopped the whole run."""
    bad, good = two
    real = factcheck.check.pipeline.check_inputs

    def check_inputs(path: object, data: object = None) -> object:
        results, reads = real(path, data)  # type: ignore[arg-type]
        if str(path) != str(bad):
            return results, reads
        result = results[0]
        broken = attrs.evolve(
            result.outcomes[0],
            id=cast("str", _Unwritable()),
            explanation=cast("str", _Unwritable()),
            verdict=factcheck.model.verdicts.Verdict.CONTRADICTED,
        )
        return (attrs.evolve(result, outcomes=(broken,)),), reads

    monkeypatch.setattr(factcheck.check.pipeline, "check_inputs", check_inputs)
    assert main(["check", "--no-cache", "--format", fmt, str(bad), str(good)]) == 2
    out = capsys.readouterr().out
    assert "internal error while writing the report of this file" in out.replace("%3A", ":")
    if fmt not in ("github", "markdown", "sarif"):  # those list only what needs a look
        assert str(good) in out


def test_suggest_says_which_file_hit_a_bug_and_exits_2(
    two: tuple[Path, Path], monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    bad, _ = two

    def broken(*args: object, **kwargs: object) -> None:
        raise RecursionError("maximum recursion depth exceeded")

    monkeypatch.setattr(factcheck.drafting.suggest, "suggest_file", broken)
    for fmt in ("text", "json"):
        assert main(["suggest", "--format", fmt, str(bad)]) == 2
        out, err = capsys.readouterr()
        assert out == ""
        assert err == (
            f"factcheck: {bad}: internal error while suggesting inputs for this file "
            "(RecursionError: maximum recursion depth exceeded); please report it\n"
        )


@pytest.mark.parametrize("extra", ["tolerance = inf", 'tolerance = "inf%"'])
def test_report_and_suggest_on_a_hostile_file_give_no_traceback(
    two: tuple[Path, Path], tmp_path: Path, extra: str
) -> None:
    """`tolerance = inf` was a traceback from `report` (no page) and from `suggest`."""
    bad, good = two
    bad.write_text(_GOOD.replace('  figure = "offenders"\n', f'  figure = "offenders"\n  {extra}\n'), encoding="utf-8")
    target = tmp_path / "r.html"
    done = run_bounded(["report", bad, good, "-o", target])
    assert "Traceback" not in done.stderr and done.returncode in (0, 2)
    assert "A good one" in target.read_text(encoding="utf-8")
    done = run_bounded(["suggest", bad])
    assert "Traceback" not in done.stderr and done.returncode in (0, 2)
    assert done.returncode == 0 or "bad.claims.toml" in done.stderr
