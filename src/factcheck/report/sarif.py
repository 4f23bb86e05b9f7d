"""SARIF 2.1.0 (the OASIS standard code hosts read): a result on the claim's line for each finding.

One run, with one rule per kind of finding. What fails `factcheck check` (a contradicted claim,
an error, a draft claim) is level "error"; what fails only with --strict (a loose claim, a claim
left unchecked, a coverage gap) is "warning". The rules for drafts and unchecked claims are listed
only in a run that has such findings, so a report of a run without them is what it always was.
Each result is located at its claims file (a URI relative to the current folder when the path
is, so a code host annotates the file in the repository) and line, and carries a fingerprint
made of the file and claim id, so that a finding keeps its identity when lines move. JSON
escapes all user text.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from pathlib import Path, PurePosixPath
from typing import Any, Final
from urllib.parse import quote

from factcheck import __version__
from factcheck.model.results import FileResult
from factcheck.report.findings import Finding, Level, findings
from factcheck.report.jsontext import dumps

__all__ = ["INFORMATION_URI", "RULES", "SCHEMA_URI", "render"]

SCHEMA_URI: Final = "https://json.schemastore.org/sarif-2.1.0.json"
INFORMATION_URI: Final = "https://github.com/factcheck/factcheck"

#: rule id, level, short description, full description; the first four are always listed, in this order
RULES: Final[dict[Level, tuple[str, str, str, str]]] = {
    Level.CONTRADICTED: (
        "contradicted",
        "error",
        "A claim is contradicted by its base figures",
        "The recomputed value lies outside the interval the stated words allow.",
    ),
    Level.ERROR: (
        "error",
        "error",
        "A claim or claims file cannot be evaluated",
        "An unknown name, a unit mismatch, a division by zero, or a file that cannot be read.",
    ),
    Level.LOOSE: (
        "loose",
        "warning",
        "A claim is true as worded but looser than its words imply",
        "The recomputed value is on the side the words say, but outside the interval they imply.",
    ),
    Level.GAP: (
        "coverage-gap",
        "warning",
        "A sentence states a number but has no claim and no check",
        "Every sentence that states a number needs a claim, or a `check` saying why it has none.",
    ),
    Level.DRAFT: (
        "draft",
        "error",
        "A draft claim's inputs are still to be filled in",
        'A claim whose inputs are placeholders ("?") was never checked, so it cannot pass.',
    ),
    Level.UNCHECKED: (
        "unchecked",
        "warning",
        "A claim was left unchecked",
        "A claim with no inputs, or whose words state no relation, was not checked; --strict fails it.",
    ),
}
#: Listed in every run, whatever its findings (the rules of the first edition of this report).
_ALWAYS: Final = (Level.CONTRADICTED, Level.ERROR, Level.LOOSE, Level.GAP)


def _uri(path: str) -> tuple[str, bool]:
    """A URI reference for the path, and whether it is relative (to the folder factcheck ran in)."""
    p = Path(path)
    if p.is_absolute():
        return p.as_uri(), False
    # A name that is not valid UTF-8 carries its bytes as surrogates: percent-encode those bytes.
    return quote(PurePosixPath(*p.parts).as_posix(), safe="/", errors="surrogateescape"), True


def _result(finding: Finding, rule_index: dict[Level, int]) -> dict[str, Any]:
    rule_id, level, _, _ = RULES[finding.level]
    uri, relative = _uri(finding.path)
    artifact: dict[str, Any] = {"uri": uri}
    if relative:
        artifact["uriBaseId"] = "%SRCROOT%"
    physical: dict[str, Any] = {"artifactLocation": artifact}
    if finding.line and finding.line > 0:
        physical["region"] = {"startLine": finding.line}
    text = finding.message
    if finding.stated and finding.stated not in text:
        text = f"stated {finding.stated!r}: {text}"
    if finding.claim_id is not None:
        text = f"claim {finding.claim_id!r}: {text}"
    if finding.diagnoses:
        text += "".join(f"\n↳ {diagnosis}" for diagnosis in finding.diagnoses)
    if finding.version is not None:  # a template's version: the template's file and line, and which version
        text = f"version {finding.version!r}, {text}"
    result: dict[str, Any] = {
        "ruleId": rule_id,
        "ruleIndex": rule_index[finding.level],
        "level": level,
        "message": {"text": text},
        "locations": [{"physicalLocation": physical}],
    }
    if finding.related:
        result["relatedLocations"] = [
            {
                "id": number,
                "physicalLocation": {"artifactLocation": artifact, "region": {"startLine": line}},
                "message": {"text": f"figure {name!r}, which a diagnosis puts in place of the claim's"},
            }
            for number, (name, line) in enumerate(finding.related, start=1)
        ]
    identity = f"{finding.path}\0{finding.claim_id or finding.message}"
    if finding.version is not None:
        identity += f"\0{finding.version}"
    fingerprint = hashlib.sha256(identity.encode("utf-8", "surrogatepass")).hexdigest()  # a name's bytes, as they are
    result["partialFingerprints"] = {"factcheckFinding/v1": fingerprint}
    properties: dict[str, Any] = {}
    if finding.version is not None:
        properties["version"] = finding.version
    if finding.claim_id is not None:
        properties["claimId"] = finding.claim_id
    if finding.kind is not None:
        properties["kind"] = finding.kind
    if finding.gross:
        properties["gross"] = True
    if properties:
        result["properties"] = properties
    return result


def render(results: Sequence[FileResult]) -> str:
    found = findings(results)
    used = {finding.level for finding in found}
    listed = [*_ALWAYS, *(level for level in RULES if level not in _ALWAYS and level in used)]
    rule_index = {level: index for index, level in enumerate(listed)}
    rules = [
        {
            "id": rule_id,
            "name": rule_id.title().replace("-", ""),
            "shortDescription": {"text": short},
            "fullDescription": {"text": full},
            "defaultConfiguration": {"level": level},
        }
        for rule_id, level, short, full in (RULES[listed_level] for listed_level in listed)
    ]
    document = {
        "$schema": SCHEMA_URI,
        "version": "2.1.0",
        "runs": [
            {
                "tool": {
                    "driver": {
                        "name": "factcheck",
                        "version": __version__,
                        "informationUri": INFORMATION_URI,
                        "rules": rules,
                    }
                },
                "originalUriBaseIds": {"%SRCROOT%": {"uri": Path.cwd().as_uri() + "/"}},
                # a template's versions are one file: listed once
                "artifacts": [_artifact(path) for path in dict.fromkeys(result.path for result in results)],
                "results": [_result(finding, rule_index) for finding in found],
                "columnKind": "unicodeCodePoints",
            }
        ],
    }
    return dumps(document, indent=1) + "\n"


def _artifact(path: str) -> dict[str, Any]:
    uri, relative = _uri(path)
    location: dict[str, Any] = {"uri": uri}
    if relative:
        location["uriBaseId"] = "%SRCROOT%"
    return {"location": location, "mimeType": "application/toml"}
