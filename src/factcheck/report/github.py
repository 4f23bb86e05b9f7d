"""GitHub Actions workflow commands: an annotation on the claim's line for everything that needs a look.

`::error file=F,line=N,title=T::MESSAGE` for what fails `factcheck check` (a contradicted claim, a
claim in error, a draft claim and a file that cannot be read); `::warning …` for what fails only
with --strict (a loose claim, a claim left unchecked and a coverage gap). GitHub's escaping applies:
in the message `%`, CR and LF become `%25`, `%0D`, `%0A`; in a property `:` and `,` are escaped too
(`%3A`, `%2C`), so a user's text can never end a command early or start a new one.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Final

from factcheck.report.findings import Finding, findings
from factcheck.report.summary import github_summary_line

if TYPE_CHECKING:
    from factcheck.model.results import FileResult
    from factcheck.model.verdicts import Totals

__all__ = ["OPENING", "closing", "escape_data", "escape_property", "part", "separator"]


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
    message += "".join(f"\n↳ {diagnosis}" for diagnosis in finding.diagnoses)  # a line each, as in the text report
    return f"::{command} {','.join(props)}::{escape_data(message)}"


#: A streamed format (`factcheck.report.formats`): nothing before the first file, nothing between files.
OPENING: Final = ""


def separator(index: int) -> str:
    """Nothing: each annotation is a line of its own."""
    return ""


def part(result: FileResult, colour: bool = False) -> str:
    """One file's annotations, a line each."""
    return "".join(_command(finding) + "\n" for finding in findings([result]))


def closing(totals: Totals) -> str:
    """A plain log line with the run's counts (never a workflow command)."""
    return github_summary_line(totals) + "\n"
