"""The JUnit XML report: parsed with xml.etree, one test case per claim, user text escaped."""

from __future__ import annotations

import xml.etree.ElementTree as ET

from hypothesis import given
from hypothesis import strategies as st

from factcheck.model.claims import ClaimsFile, Location
from factcheck.model.results import FileResult, Outcome
from factcheck.model.verdicts import Verdict
from factcheck.report.formats import render
from factcheck.report.junit import render as render_junit
from factcheck.report.junit import xml_safe
from factcheck.report.text import safe_lines, visible
from tests.report_data import HOSTILE, MIXED, MIXED_VERDICTS, claim_line, gap_line, hostile, mixed, unreadable


def parse(text: str) -> ET.Element:
    return ET.fromstring(text.encode("utf-8"))


def test_one_testcase_per_claim_with_its_verdict() -> None:
    root = parse(render_junit([mixed()]))
    (suite,) = root.findall("testsuite")
    cases = suite.findall("testcase")
    names = [case.get("name") for case in cases]
    # The claims in file order, then the coverage gap; the sentence with `check = "quote"` is not a claim.
    assert names[:-1] == list(MIXED_VERDICTS)
    assert names[-1] == f"coverage gap, line {gap_line()}"
    by_name = {case.get("name"): case for case in cases}
    for claim_id, verdict in MIXED_VERDICTS.items():
        props = {p.get("name"): p.get("value") for p in by_name[claim_id].iter("property")}
        assert props["verdict"] == verdict


def test_contradicted_fails_error_errs_unchecked_skips_loose_passes() -> None:
    root = parse(render_junit([mixed()]))
    cases = {case.get("name"): case for case in root.iter("testcase")}
    failure = cases["pupils-more"].find("failure")
    assert failure is not None
    assert failure.get("message") == "1,100 − 1,000 = 100, but '150 more' means [145, 155]"
    assert failure.get("type") == "contradicted"
    line = claim_line("pupils-more")
    assert (failure.text or "").splitlines() == [
        f"{MIXED}:{line}: claim 'pupils-more' (difference) is contradicted",
        "stated: '150 more'",
        "1,100 − 1,000 = 100, but '150 more' means [145, 155]",
        "basis: official",
    ]
    assert cases["pupils-more"].get("line") == str(line)
    assert cases["pupils-more"].get("file") == str(MIXED)
    error = cases["staff-count"].find("error")
    assert error is not None and "teachers_2024" in error.get("message", "")
    assert cases["staff-unsourced"].find("skipped") is not None
    loose = cases["places-loose"]
    assert loose.find("failure") is None and loose.find("error") is None and loose.find("skipped") is None
    assert "true as worded" in (loose.findtext("system-out") or "")
    for name in ("pupils-now", "pupils-up"):
        assert [child.tag for child in cases[name]] == ["properties"]


def test_counts_on_suite_and_root() -> None:
    root = parse(render_junit([mixed(), unreadable()]))
    suites = root.findall("testsuite")
    assert [(s.get("tests"), s.get("failures"), s.get("errors"), s.get("skipped")) for s in suites] == [
        ("7", "1", "1", "1"),
        ("1", "0", "1", "0"),
    ]
    assert (root.get("tests"), root.get("failures"), root.get("errors"), root.get("skipped")) == ("8", "1", "2", "1")
    assert len(root.findall("./testsuite/testcase")) == 8


def test_an_unreadable_file_is_an_error_case_never_a_pass() -> None:
    root = parse(render_junit([unreadable("x.claims.toml")]))
    (case,) = root.iter("testcase")
    error = case.find("error")
    assert error is not None
    assert "not valid TOML" in error.get("message", "")
    assert case.get("line") == "2"


def test_hostile_text_is_escaped_and_comes_back_intact() -> None:
    result = hostile()
    root = parse(render_junit([result]))
    assert root.find("testsuite").get("name") == result.path  # type: ignore[union-attr]
    names = [case.get("name") for case in root.iter("testcase")]
    assert names[:4] == [xml_safe(visible(o.id)) for o in result.outcomes]
    assert names[0] is not None
    assert "\\x1b" in names[0] and "\\x00" in names[0]  # control characters XML cannot hold are shown
    failure = root.find(".//failure")
    assert failure is not None
    # The message is one line (white space folded); the text keeps the lines (a CR, which can hide text in
    # a log, is shown as \r); both come back as written, and no line begins with a workflow command.
    assert failure.get("message") == xml_safe(" ".join(f"why: {HOSTILE}".split()))
    assert safe_lines(visible(f"why: {HOSTILE}")) in (failure.text or "")
    assert "\n\\::warning::two" in (failure.text or "")


def test_render_through_the_formats_table() -> None:
    assert render([mixed()], "junit") == render_junit([mixed()])


_text = st.text(st.characters(codec="utf-8"), max_size=40)


@given(claim_id=_text, explanation=_text, stated=_text, path=_text)
def test_any_user_text_gives_well_formed_xml(claim_id: str, explanation: str, stated: str, path: str) -> None:
    outcome = Outcome(
        id=claim_id,
        kind="value",
        verdict=Verdict.CONTRADICTED,
        explanation=explanation,
        stated=stated,
        location=Location(path, 3),
    )
    root = parse(render_junit([FileResult(path, (outcome,), claims_file=ClaimsFile(path, None))]))
    (case,) = root.iter("testcase")
    assert case.get("name") == xml_safe(visible(claim_id))
    assert root.find("testsuite").get("name") == xml_safe(visible(path))  # type: ignore[union-attr]
