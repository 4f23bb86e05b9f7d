"""JUnit XML, as CI servers read it: a test suite per claims file, a test case per claim.

supported: a passing case; contradicted, and a draft claim (inputs still "?"): `<failure>`; error:
`<error>`; unchecked: `<skipped>`; loose: a passing case whose verdict is in its properties and
output (JUnit has no "warning"). Which is which is `factcheck.model.verdicts.standing`'s rule, the one the
exit status follows.
A file that cannot be read, or has problems of its own, gets an `<error>` case named after the
file, so it never passes; a coverage gap gets a case of its own, passing like a loose claim.
Built with ElementTree, so all user text is escaped; characters XML 1.0 cannot hold at all
(control characters) are written as `\\xNN`, bidirectional-text controls as `\\u202e`, and no line
of an element's text begins with what a CI runner reads as a workflow command (a path such as
`::error title=…` gets a `\\` before it), since a CI log may show the file.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections.abc import Sequence
from typing import Final

from factcheck.model.results import FileResult, Outcome
from factcheck.model.verdicts import Standing, Verdict
from factcheck.report.text import one_line, safe_lines, visible

__all__ = ["render", "xml_safe"]

_NOT_XML: Final = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")


def xml_safe(text: str) -> str:
    """Text that XML 1.0 can hold: a character it cannot (even escaped) is shown as `\\xNN`."""
    return _NOT_XML.sub(lambda m: f"\\x{ord(m.group()):02x}", text)


def _element(parent: ET.Element, tag: str, text: str | None = None, **attributes: str) -> ET.Element:
    element = ET.SubElement(parent, tag, {k: xml_safe(visible(v)) for k, v in attributes.items()})
    if text is not None:
        element.text = xml_safe(safe_lines(visible(text)))
    return element


def _details(outcome: Outcome, path: str) -> str:
    where = f"{path}:{outcome.location.line}" if outcome.location.line else path
    lines = [
        f"{where}: claim {outcome.id!r} ({outcome.kind}) is {outcome.verdict.value}"
        + (" (gross)" if outcome.gross else "")
        + (", a draft" if outcome.draft else "")
    ]
    if outcome.stated:
        lines.append(f"stated: {outcome.stated!r}")
    lines.append(outcome.explanation)
    if outcome.basis is not None:
        lines.append(f"basis: {outcome.basis.value}")
    return "\n".join(lines)


def _case(suite: ET.Element, outcome: Outcome, path: str, classname: str) -> str:
    """Adds the case; returns its status for the suite's counts."""
    case = _element(
        suite, "testcase", classname=classname, name=outcome.id, file=path, line=str(outcome.location.line or 0)
    )
    properties = _element(case, "properties")
    verdict = outcome.verdict.value + (" (gross)" if outcome.gross else "")
    _element(properties, "property", name="verdict", value=verdict)
    _element(properties, "property", name="kind", value=outcome.kind)
    if outcome.basis is not None:
        _element(properties, "property", name="basis", value=outcome.basis.value)
    message = one_line(outcome.explanation)
    details = _details(outcome, path)
    standing = outcome.standing
    if standing is Standing.ERROR:
        _element(case, "error", details, message=message, type="error")
        return "error"
    if standing is Standing.FAILS:
        _element(case, "failure", details, message=message, type="draft" if outcome.draft else verdict)
        return "failure"
    if outcome.verdict is Verdict.UNCHECKED:
        _element(case, "skipped", message=message)
        return "skipped"
    if outcome.verdict is Verdict.LOOSE:
        _element(case, "system-out", details)
    return "passed"


def render(results: Sequence[FileResult]) -> str:
    root = ET.Element("testsuites", {"name": "factcheck"})
    totals = {"tests": 0, "failures": 0, "errors": 0, "skipped": 0}
    for result in results:
        path = result.path
        suite = _element(root, "testsuite", name=result.shown)  # a template's version: "x.claims.toml [Eastfold]"
        counts = {"tests": 0, "failures": 0, "errors": 0, "skipped": 0}
        if result.errors or not result.readable:
            counts["tests"] += 1
            counts["errors"] += 1
            case = _element(
                suite,
                "testcase",
                classname=result.shown,
                name="(claims file)",
                file=path,
                line=str(result.errors[0].line or 0) if result.errors else "0",
            )
            text = "\n".join(str(e) for e in result.errors) or f"{path}: the file could not be read"
            message = "; ".join(one_line(str(e)) for e in result.errors) or "the file could not be read"
            _element(case, "error", text, message=message, type="claims file")
        for outcome in result.outcomes:
            if not outcome.is_claim:  # a sentence with `check = …`
                continue
            status = _case(suite, outcome, path, result.shown)
            counts["tests"] += 1
            if status == "failure":
                counts["failures"] += 1
            elif status == "error":
                counts["errors"] += 1
            elif status == "skipped":
                counts["skipped"] += 1
        for gap in result.gaps:
            counts["tests"] += 1
            line = gap.location.line
            case = _element(
                suite,
                "testcase",
                classname=result.shown,
                name=f"coverage gap, line {line}",
                file=path,
                line=str(line or 0),
            )
            _element(_element(case, "properties"), "property", name="verdict", value="gap")
            _element(case, "system-out", f"{path}:{line}: {gap.message}" if line else f"{path}: {gap.message}")
        for key, value in counts.items():
            suite.set(key, str(value))
            totals[key] += value
    for key, value in totals.items():
        root.set(key, str(value))
    ET.indent(root)
    return '<?xml version="1.0" encoding="utf-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"
