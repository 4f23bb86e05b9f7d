"""GitHub Actions workflow commands: an annotation on the claim's line for everything that needs a look.

`::error file=F,line=N,title=T::MESSAGE` for what fails `factcheck check` (a contradicted claim, a
claim in error, a draft claim and a file that cannot be read); `::warning …` for what fails only
with --strict (a loose claim, a claim left unchecked and a coverage gap). GitHub's escaping applies:
in the message `%`, CR and LF become `%25`, `%0D`, `%0A`; in a property `:` and `,` are escaped too
(`%3A`, `%2C`), so a user's text can never end a command early or start a new one.
"""

from __future__ import annotations

from collections.abc import Sequence

from factcheck.report.findings import Finding, findings
from factcheck.report.summary import github_summary_line
from factcheck.report.totals import totals_of
from factcheck.model.results import FileResult

__all__ = ["escape_data", "escape_property", "file_commands", "render_github"]


def escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def _command(finding: Finding) -> str:
    command = "error" if finding.level.fails else "warning"
    props = [f"file={escape_property(finding.path)}"]
    if finding.line:
        props.append(f"line={finding.line}")
    props.append(f"title={escape_property(finding.title)}")
    message = finding.message
    if finding.stated and finding.stated not in message:
        message = f"stated {finding.stated!r}: {message}"
    return f"::{command} {','.join(props)}::{escape_data(message)}"


def file_commands(result: FileResult) -> str:
    """One file's annotations, a line each: the report is streamed (and cached) file by file."""
    return "".join(_command(finding) + "\n" for finding in findings([result]))


def render_github(results: Sequence[FileResult]) -> str:
    return "".join(map(file_commands, results)) + github_summary_line(totals_of(results)) + "\n"
