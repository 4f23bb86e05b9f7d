"""Nothing passes without being checked, and every front end says so alike.

`factcheck.model.verdicts.standing` is the one rule; `FileResult.exit_status`, `factcheck check` in every
format and the pytest plugin must all follow it: a draft claim fails, a claim left unchecked fails
under --strict, and a file with a problem of its own never passes.
"""

from __future__ import annotations

import json
import re
import textwrap
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from factcheck.check.pipeline import check_file
from factcheck.cli.main import main
from factcheck.model.verdicts import Standing, Verdict, standing
from factcheck.report.formats import FORMATS

pytest_plugins = ["pytester"]

_HEAD = """\
format = 1

[article]
title = "A test"
published = 2020-11-10

[figures.offenders]
value = 1405
unit = "offender"

[[sentences]]
text = "There were {stated} offenders."
"""

_GOOD = """
  [[sentences.claims]]
  id = "exact"
  kind = "value"
  stated = "1,405"
  figure = "offenders"
"""

#: name -> (claims, exit status without --strict, with it)
CASES = {
    "good": (_GOOD, 0, 0),
    "draft": (_GOOD.replace('figure = "offenders"', 'figure = "?offenders"'), 1, 1),
    "no-inputs": (_GOOD.replace('  figure = "offenders"\n', ""), 0, 1),
    "contradicted": (_GOOD.replace('stated = "1,405"', 'stated = "1,500"'), 1, 1),
    "loose": (_GOOD.replace('stated = "1,405"', 'stated = "more than 1,100"'), 0, 1),
    "file-problem": (_GOOD + '\n[[sentences]]\ntext = "More."\ncheck = "context"\nunknown = 1\n', 2, 2),
}


def _write(folder: Path, name: str) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{name}.claims.toml"
    claims = textwrap.dedent(CASES[name][0])
    stated = re.search(r'stated = "([^"]*)"', claims)
    assert stated is not None
    # the sentence says what the claim quotes (second edition: stated words are found in their sentence)
    path.write_text(_HEAD.format(stated=stated.group(1)) + claims, encoding="utf-8")
    return path


# -- the rule --------------------------------------------------------------------------------------


def test_the_rule_for_every_verdict() -> None:
    assert standing(Verdict.SUPPORTED) is Standing.PASSES
    assert standing(Verdict.UNCHECKED, claim=False) is Standing.PASSES  # a sentence with a `check`
    assert standing(Verdict.UNCHECKED) is Standing.WARNS  # a claim nobody checked
    assert standing(Verdict.UNCHECKED, draft=True) is Standing.FAILS
    assert standing(Verdict.LOOSE) is Standing.WARNS
    assert standing(Verdict.CONTRADICTED) is Standing.FAILS
    assert standing(Verdict.ERROR) is Standing.ERROR
    assert [s.exit_status() for s in Standing] == [0, 0, 1, 2]
    assert [s.exit_status(strict=True) for s in Standing] == [0, 1, 1, 2]


@given(st.sampled_from(Verdict), st.booleans(), st.booleans())
def test_only_a_checked_claim_or_a_check_sentence_passes_strict(verdict: Verdict, draft: bool, claim: bool) -> None:
    found = standing(verdict, draft=draft, claim=claim)
    assert found.exit_status(strict=True) >= found.exit_status()
    passes_strict = found.exit_status(strict=True) == 0
    checked_or_a_check = verdict is Verdict.SUPPORTED or (verdict is Verdict.UNCHECKED and not claim)
    assert passes_strict == (not draft and checked_or_a_check)


# -- the Python API ----------------------------------------------------------------------------------


@pytest.mark.parametrize("name", sorted(CASES))
def test_file_result_exit_status(tmp_path: Path, name: str) -> None:
    result = check_file(_write(tmp_path, name))
    _, status, strict_status = CASES[name]
    assert (result.exit_status(), result.exit_status(strict=True)) == (status, strict_status)


def test_a_draft_fails_and_a_claim_with_no_inputs_fails_strict(tmp_path: Path) -> None:
    """The regressions: the API let both pass (the draft only outside the CLI, the other even under strict)."""
    assert check_file(_write(tmp_path, "draft")).exit_status() == 1
    assert check_file(_write(tmp_path, "no-inputs")).exit_status(strict=True) == 1


# -- the command line, every format --------------------------------------------------------------------


@pytest.mark.parametrize("fmt", list(FORMATS))
@pytest.mark.parametrize("name", sorted(CASES))
@pytest.mark.parametrize("strict", [False, True], ids=["plain", "strict"])
def test_every_format_exits_as_the_rule_says(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], fmt: str, name: str, strict: bool
) -> None:
    path = _write(tmp_path, name)
    status = main(["check", "--no-cache", "--format", fmt, *(["--strict"] if strict else []), str(path)])
    capsys.readouterr()
    assert status == CASES[name][2 if strict else 1]


def _report(fmt: str, path: Path, capsys: pytest.CaptureFixture[str]) -> str:
    main(["check", "--no-cache", "--format", fmt, str(path)])
    return capsys.readouterr().out


def _summary(text: str) -> str:
    return next(line for line in text.splitlines() if line.startswith("1 file: "))


def test_every_format_shows_a_draft_as_failing(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = _write(tmp_path, "draft")
    assert _summary(_report("text", path, capsys)).endswith("; 1 draft claim to fill in")
    document = json.loads(_report("json", path, capsys))
    assert document["problems"] == {"drafts": 1} and document["files"][0]["claims"][0]["draft"] is True
    (case,) = ET.fromstring(_report("junit", path, capsys)).iter("testcase")
    failure = case.find("failure")
    assert failure is not None and failure.get("type") == "draft" and case.find("skipped") is None
    (result,) = json.loads(_report("sarif", path, capsys))["runs"][0]["results"]
    assert (result["ruleId"], result["level"]) == ("draft", "error")
    github = _report("github", path, capsys)
    assert github.startswith("::error ") and "title=draft%3A claim exact" in github
    assert _report("markdown", path, capsys).startswith("### factcheck: ❌ claims need fixing")
    html = _report("html", path, capsys)
    assert "✎</span> draft" in html and "1 draft claim to fill in." in html


def test_every_format_shows_an_unchecked_claim(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = _write(tmp_path, "no-inputs")
    assert _summary(_report("text", path, capsys)).endswith("; 1 unchecked claim (--strict fails it)")
    (result,) = json.loads(_report("sarif", path, capsys))["runs"][0]["results"]
    assert (result["ruleId"], result["level"]) == ("unchecked", "warning")
    assert _report("github", path, capsys).startswith("::warning ")
    assert "⚪ unchecked" in _report("markdown", path, capsys)
    (case,) = ET.fromstring(_report("junit", path, capsys)).iter("testcase")
    assert case.find("skipped") is not None


def test_a_file_level_problem_is_counted_in_every_summary(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """The summaries said "0 error" while the exit status was 2 (and "0 error" now reads "0 errors")."""
    path = _write(tmp_path, "file-problem")
    assert _summary(_report("text", path, capsys)).endswith("0 errors; 1 file-level problem")
    assert json.loads(_report("json", path, capsys))["problems"] == {"file_problems": 1}
    assert _report("github", path, capsys).splitlines()[-1].endswith("; 1 file-level problem")
    assert "1 file-level problem." in _report("markdown", path, capsys)
    assert "1 file-level problem." in _report("html", path, capsys)


def test_a_clean_run_has_no_problems_key(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    document = json.loads(_report("json", _write(tmp_path, "good"), capsys))
    assert set(document) == {"format", "files", "summary"}


# -- the pytest plugin ---------------------------------------------------------------------------------


@pytest.fixture
def _quick_inner_runs(pytester: pytest.Pytester, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PYTEST_ADDOPTS", "-p no:hypothesispytest")


@pytest.mark.usefixtures("_quick_inner_runs")
@pytest.mark.filterwarnings("default::factcheck.pytest_plugin.LooseClaimWarning")
@pytest.mark.parametrize("name", sorted(CASES))
def test_the_pytest_plugin_fails_what_check_fails(pytester: pytest.Pytester, name: str) -> None:
    _write(pytester.path, name)
    _, status, strict_status = CASES[name]
    for option, expected in (([], status), (["--factcheck-strict"], strict_status)):
        result = pytester.runpytest(*option)
        assert (result.ret != 0) == (expected != 0), (option, result.stdout.str())


@pytest.mark.usefixtures("_quick_inner_runs")
def test_the_pytest_plugin_fails_a_draft_and_says_why(pytester: pytest.Pytester) -> None:
    path = _write(pytester.path, "draft")
    result = pytester.runpytest()
    result.assert_outcomes(failed=1)
    result.stdout.fnmatch_lines([f"{path.name}:*: claim 'exact' (value) is a draft", "*draft: fill in figure*"])


@pytest.mark.usefixtures("_quick_inner_runs")
def test_the_pytest_plugin_fails_an_unchecked_claim_under_strict(pytester: pytest.Pytester) -> None:
    _write(pytester.path, "no-inputs")
    pytester.runpytest().assert_outcomes(skipped=1)
    strict = pytester.runpytest("--factcheck-strict")
    strict.assert_outcomes(failed=1)
    strict.stdout.fnmatch_lines(["*claim 'exact' unchecked: inputs missing*", "*--factcheck-strict*"])


_NO_SENTENCES = 'format = 1\n\n[article]\ntitle = "A test"\npublished = 2020-11-10\n'


@pytest.mark.usefixtures("_quick_inner_runs")
def test_a_file_with_no_sentences_gets_one_answer_from_every_front_end(
    pytester: pytest.Pytester, capsys: pytest.CaptureFixture[str]
) -> None:
    """It checked nothing; the loader makes that a problem of the file (exit 2). Whatever the loader says,
    the API, every format and the plugin say the same."""
    empty = pytester.path / "empty.claims.toml"
    empty.write_text(_NO_SENTENCES, encoding="utf-8")
    _write(pytester.path, "good")
    status = check_file(empty).exit_status()
    for fmt in FORMATS:
        assert main(["check", "--no-cache", "--format", fmt, str(empty)]) == status
    capsys.readouterr()
    result = pytester.runpytest()
    assert (result.ret != 0) == (status != 0)
