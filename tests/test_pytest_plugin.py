"""The pytest plugin, run through pytest's own `pytester`: one item per claim, failures that say why."""

from __future__ import annotations

import re
import shutil
import textwrap
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from factcheck.check.pipeline import check_file
from factcheck.load.claimsfile import load_claims_file
from factcheck.load.dispatch import load_claims
from factcheck.load.template import TemplateFile
from factcheck.model.claims import ClaimsFile
from factcheck.model.verdicts import Verdict
from tests.conftest import eval_files_if_present, labelled_files

pytest_plugins = ["pytester"]

REPO = Path(__file__).resolve().parent.parent

# Loose claims warn; the project's own `filterwarnings = error` would turn that warning into a failure
# inside the inner pytest run too, so the tests that expect the warning let it be shown.
show_loose = pytest.mark.filterwarnings("default::factcheck.pytest_plugin.LooseClaimWarning")

CLAIMS = """\
format = 1

[article]
title = "Test article"
published = 2024-03-01

[figures]
pupils_2023 = { value = 1000, unit = "pupil" }
pupils_2024 = { value = 1100, unit = "pupil" }
places = { value = 3118, unit = "place" }

[[sentences]]
text = "Pupils rose to 1,100, up 10 per cent, and there are more than 3,000 places."

  [[sentences.claims]]
  id = "pupils-now"
  kind = "value"
  stated = "1,100"
  figure = "pupils_2024"

  [[sentences.claims]]
  id = "pupils-up"
  kind = "change"
  stated = "up 10 per cent"
  from = "pupils_2023"
  to = "pupils_2024"

  [[sentences.claims]]
  id = "places-count"
  kind = "value"
  stated = "more than 3,000"
  figure = "places"
"""


@pytest.fixture(autouse=True)
def _quick_inner_runs(pytester: pytest.Pytester, monkeypatch: pytest.MonkeyPatch) -> None:
    """Inner runs leave out hypothesis's plugin: it imports all of hypothesis afresh on every inner run.

    That takes seconds, with bytecode writing off, and the plugin has nothing to do with claims files.
    (Set after `pytester` is made, since it clears PYTEST_ADDOPTS.)
    """
    monkeypatch.setenv("PYTEST_ADDOPTS", "-p no:hypothesispytest")


def write(pytester: pytest.Pytester, body: str, name: str = "news") -> Path:
    path = pytester.path / f"{name}.claims.toml"
    path.write_text(textwrap.dedent(body), encoding="utf-8")
    return path


def line_of(path: Path, needle: str) -> int:
    """The line of the `[[sentences.claims]]` header of the claim whose text contains `needle`."""
    lines = path.read_text(encoding="utf-8").splitlines()
    found = next(i for i, line in enumerate(lines) if needle in line)
    return max(i for i in range(found + 1) if lines[i].strip() == "[[sentences.claims]]") + 1


def test_one_item_per_claim_named_by_its_id(pytester: pytest.Pytester) -> None:
    write(pytester, CLAIMS)
    result = pytester.runpytest("--collect-only", "-q")
    result.stdout.fnmatch_lines(
        [
            "news.claims.toml::pupils-now",
            "news.claims.toml::pupils-up",
            "news.claims.toml::places-count",
            "3 tests collected*",
        ]
    )


def test_claims_that_hold_pass(pytester: pytest.Pytester) -> None:
    write(pytester, CLAIMS)
    result = pytester.runpytest()
    result.assert_outcomes(passed=3)
    assert result.ret == 0


def test_one_wrong_number_fails_exactly_that_claim(pytester: pytest.Pytester) -> None:
    path = write(pytester, CLAIMS.replace("up 10 per cent", "up 12 per cent"))  # the sentence says it too
    result = pytester.runpytest()
    result.assert_outcomes(passed=2, failed=1)
    line = line_of(path, 'stated = "up 12 per cent"')
    result.stdout.fnmatch_lines(
        [
            "*_ claim pupils-up _*",
            f"news.claims.toml:{line}: claim 'pupils-up' (change) is contradicted",
            "  stated:     'up 12 per cent'  -> [11.5, 12.5]",
            "  recomputed: 10",
            "*(1,100 − 1,000) / 1,000 × 100 = 10*",
            "FAILED news.claims.toml::pupils-up*",
        ]
    )
    # No traceback noise: none of the plugin's or the library's source is shown.
    assert "pytest_plugin.py" not in result.stdout.str()
    assert "raise ClaimFailed" not in result.stdout.str()


def test_a_failure_says_which_slip_reproduces_the_words(pytester: pytest.Pytester) -> None:
    """1,000 to 1,100 is up 10 per cent, or up 100: "up 100 per cent" is the absolute difference."""
    write(pytester, CLAIMS.replace("up 10 per cent", "up 100 per cent"))
    result = pytester.runpytest()
    result.assert_outcomes(passed=2, failed=1)
    result.stdout.fnmatch_lines(["*(1,100 − 1,000) / 1,000 × 100 = 10*", "  ↳ matches as an absolute difference*"])


@show_loose
def test_a_loose_claim_passes_with_a_warning_at_its_line(pytester: pytest.Pytester) -> None:
    path = write(pytester, CLAIMS.replace("more than 3,000", "more than 1,000"))
    result = pytester.runpytest()
    result.assert_outcomes(passed=3, warnings=1)
    line = line_of(path, 'stated = "more than 1,000"')
    result.stdout.fnmatch_lines(
        [
            "*warnings summary*",
            "news.claims.toml::places-count",
            f"  news.claims.toml:{line}: LooseClaimWarning: claim 'places-count' (value) is loose",
        ]
    )


def test_a_loose_claim_fails_with_factcheck_strict(pytester: pytest.Pytester) -> None:
    write(pytester, CLAIMS.replace("more than 3,000", "more than 1,000"))
    result = pytester.runpytest("--factcheck-strict")
    result.assert_outcomes(passed=2, failed=1)
    result.stdout.fnmatch_lines(
        ["*claim 'places-count' (value) is loose*", "*--factcheck-strict*", "FAILED news.claims.toml::places*"]
    )


def test_a_claim_in_error_fails(pytester: pytest.Pytester) -> None:
    write(pytester, CLAIMS.replace('figure = "places"', 'figure = "placez"'))
    result = pytester.runpytest()
    result.assert_outcomes(passed=2, failed=1)
    result.stdout.fnmatch_lines(["*claim 'places-count' (value) is error*", "*no figure or claim is named 'placez'*"])


def test_a_broken_claim_fails_alone_and_the_others_still_run(pytester: pytest.Pytester) -> None:
    write(pytester, CLAIMS.replace('kind = "value"\n  stated = "more than', 'kind = "valu"\n  stated = "more than'))
    result = pytester.runpytest()
    result.assert_outcomes(passed=2, failed=1)
    result.stdout.fnmatch_lines(["*claim 'places-count' (valu) is error", "*unknown kind 'valu'*"])


def test_a_claim_with_no_inputs_is_skipped(pytester: pytest.Pytester) -> None:
    write(pytester, CLAIMS.replace('  figure = "places"\n', ""))
    result = pytester.runpytest("-rs")
    result.assert_outcomes(passed=2, skipped=1)
    result.stdout.fnmatch_lines(["SKIPPED*claim 'places-count' unchecked: inputs missing*"])


@show_loose
def test_a_coverage_gap_is_an_item_that_warns(pytester: pytest.Pytester) -> None:
    write(pytester, CLAIMS + '\n[[sentences]]\ntext = "There were 12 schools."\n')
    result = pytester.runpytest("-v")
    result.assert_outcomes(passed=4, warnings=1)
    result.stdout.fnmatch_lines(
        ["*news.claims.toml::sentence-2-gap PASSED*", "*coverage gap: sentence 2 states a number*"]
    )
    strict = pytester.runpytest("--factcheck-strict")
    strict.assert_outcomes(passed=3, failed=1)


@pytest.mark.parametrize(
    ("body", "message"),
    [
        ("format = 1\n[article\ntitle = 'x'\n", "*news.claims.toml:2: not valid TOML*"),
        ("format = 2\n", "*unsupported format 2*"),
        (CLAIMS.replace("format = 1", "format = 1\nauthor = 'me'"), "*news.claims.toml:2*unknown key 'author'*"),
        ("\x00binary", "*not a text file*"),
    ],
    ids=["not-toml", "wrong-format", "unknown-top-level-key", "binary"],
)
def test_a_malformed_file_is_a_collection_error(pytester: pytest.Pytester, body: str, message: str) -> None:
    (pytester.path / "news.claims.toml").write_bytes(body.encode())
    result = pytester.runpytest()
    assert result.ret == pytest.ExitCode.INTERRUPTED
    result.assert_outcomes(errors=1)
    result.stdout.fnmatch_lines(["*ERROR collecting news.claims.toml*", message])
    assert "Traceback" not in result.stdout.str()


def test_an_unreadable_file_never_passes_even_when_collection_errors_are_tolerated(pytester: pytest.Pytester) -> None:
    (pytester.path / "news.claims.toml").write_text("format = 1\n[article\n", encoding="utf-8")
    result = pytester.runpytest("--continue-on-collection-errors")
    assert result.ret != 0
    result.assert_outcomes(errors=1)


def test_k_selects_claims_by_id(pytester: pytest.Pytester) -> None:
    write(pytester, CLAIMS.replace('stated = "up 10 per cent"', 'stated = "up 12 per cent"'))
    result = pytester.runpytest("-k", "pupils-now or places-count")
    result.assert_outcomes(passed=2, deselected=1)
    assert result.ret == 0


def test_x_stops_at_the_first_failing_claim(pytester: pytest.Pytester) -> None:
    body = CLAIMS.replace('stated = "1,100"', 'stated = "1,200"').replace("up 10 per cent", "up 20 per cent")
    write(pytester, body)
    result = pytester.runpytest("-x")
    result.assert_outcomes(failed=1)
    result.stdout.fnmatch_lines(["*stopping after 1 failures*"])


def test_junitxml_has_a_testcase_per_claim_with_the_failure_text(pytester: pytest.Pytester) -> None:
    write(pytester, CLAIMS.replace("up 10 per cent", "up 12 per cent"))  # the sentence says it too
    pytester.runpytest("--junitxml=out.xml")
    root = ET.parse(pytester.path / "out.xml").getroot()
    cases = {case.get("name"): case for case in root.iter("testcase")}
    assert set(cases) == {"pupils-now", "pupils-up", "places-count"}
    failure = cases["pupils-up"].find("failure")
    assert failure is not None
    assert "claim 'pupils-up' (change) is contradicted" in failure.get("message", "")
    assert "stated:     'up 12 per cent'" in (failure.text or "")
    assert cases["pupils-now"].find("failure") is None
    verdicts = {p.get("name"): p.get("value") for p in cases["pupils-up"].iter("property")}
    assert verdicts == {"verdict": "contradicted"}


def test_reportinfo_gives_the_claims_file_and_the_claims_line(pytester: pytest.Pytester) -> None:
    path = write(pytester, CLAIMS)
    items, _ = pytester.inline_genitems()
    assert [item.name for item in items] == ["pupils-now", "pupils-up", "places-count"]
    place_path, line, title = items[1].reportinfo()
    assert Path(place_path) == path
    assert line == line_of(path, 'stated = "up 10 per cent"') - 1  # pytest counts from 0
    assert title == "claim pupils-up"
    assert items[1].location == ("news.claims.toml", line, "claim pupils-up")


def test_only_claims_files_are_collected(pytester: pytest.Pytester) -> None:
    write(pytester, CLAIMS)
    (pytester.path / "pyproject.toml").write_text("[tool.other]\nx = 1\n", encoding="utf-8")
    (pytester.path / "notes.toml").write_text("not = 'claims'\n", encoding="utf-8")
    (pytester.path / ".claims.toml").write_text("not a claims file", encoding="utf-8")
    pytester.makepyfile(test_plain="def test_plain():\n    assert True\n")
    result = pytester.runpytest()
    result.assert_outcomes(passed=4)


def test_the_plugin_can_be_turned_off(pytester: pytest.Pytester) -> None:
    write(pytester, CLAIMS)
    result = pytester.runpytest("-p", "no:factcheck")
    assert result.ret == pytest.ExitCode.NO_TESTS_COLLECTED


def test_the_repository_claims_pass_with_one_item_per_claim(pytester: pytest.Pytester) -> None:
    shutil.copytree(REPO / "claims", pytester.path / "claims")
    claims = 0
    for path in (pytester.path / "claims").glob("*.claims.toml"):
        loaded = load_claims(path)
        versions = loaded.versions if isinstance(loaded, TemplateFile) else ()
        files = [version.claims_file for version in versions] if versions else [loaded]
        claims += sum(len(claims_file.claims()) for claims_file in files if isinstance(claims_file, ClaimsFile))
    result = pytester.runpytest("claims")
    result.assert_outcomes(passed=claims)
    assert claims > 0


def test_a_template_has_an_item_per_claim_per_version(pytester: pytest.Pytester) -> None:
    from tests.test_load_template import _text, write_template

    write_template(pytester.path, texts={"Eastfold": _text("Eastfold", "1,980")})
    result = pytester.runpytest("-v", "story.claims.toml")
    result.assert_outcomes(passed=2, failed=1)
    result.stdout.fnmatch_lines(
        [
            "story.claims.toml::Westmarch::rso PASSED*",
            "story.claims.toml::Eastfold::rso FAILED*",
            "story.claims.toml::North Rhyn::rso PASSED*",
            "*_ claim rso [[]Eastfold[]] _*",
            "story.claims.toml:21 [[]Eastfold[]]: claim 'rso' (value) is contradicted",
        ]
    )


def test_a_version_that_does_not_match_is_its_own_collection_error(pytester: pytest.Pytester) -> None:
    from tests.test_load_template import write_template

    write_template(pytester.path, texts={"Eastfold": "Something else.\n"})
    result = pytester.runpytest("--continue-on-collection-errors", "story.claims.toml")
    result.assert_outcomes(passed=2, errors=1)
    result.stdout.fnmatch_lines(["*story.claims.toml [[]Eastfold[]]: this claims file has 1 problem*"])


@show_loose
def test_every_item_agrees_with_factcheck_check_on_the_labelled_articles(pytester: pytest.Pytester) -> None:
    """The project's own labelled articles, and the shared evaluation set when it is beside the checkout."""
    files = [*labelled_files(), *eval_files_if_present()]
    expected: dict[str, str] = {}
    for path in files:
        shutil.copy(path, pytester.path)
        for name in load_claims_file(path).inputs:  # its article text and its tables
            shutil.copy(path.parent / name, pytester.path)
        for outcome in check_file(path).outcomes:
            if outcome.kind != "sentence":
                status = {Verdict.SUPPORTED: "passed", Verdict.LOOSE: "passed", Verdict.UNCHECKED: "skipped"}
                expected[f"{path.name}::{outcome.id}"] = status.get(outcome.verdict, "failed")
    reprec = pytester.inline_run()
    got = {}
    for report in reprec.getreports("pytest_runtest_logreport"):
        if report.when == "call" or report.outcome == "skipped":
            got[report.nodeid] = report.outcome
    assert got == expected
    assert set(expected.values()) == {"passed", "failed", "skipped"}


def test_the_plugin_module_does_not_import_the_library_when_loaded(pytester: pytest.Pytester) -> None:
    pytester.makepyfile(
        test_light="""
        import sys

        def test_light():
            assert "factcheck.pytest_plugin" in sys.modules
            assert "factcheck.check.pipeline" not in sys.modules
            assert "factcheck.load.claimsfile" not in sys.modules
    """
    )
    result = pytester.runpytest_subprocess("-p", "no:hypothesispytest", "-p", "no:cacheprovider")
    result.assert_outcomes(passed=1)


def test_failure_lines_are_one_line_even_for_user_text_with_line_breaks(pytester: pytest.Pytester) -> None:
    body = CLAIMS.replace('stated = "1,100"', 'stated = """1,200\nor so"""')
    write(pytester, body)
    result = pytester.runpytest()
    result.assert_outcomes(passed=2, failed=1)
    assert re.search(r"stated:\s+'1,200 or so'", result.stdout.str())
