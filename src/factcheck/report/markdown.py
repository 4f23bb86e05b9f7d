"""A Markdown summary for a pull request comment (or a CI job summary).

The counts first, in one table, with a line for each thing besides them that fails the run (files
that could not be read, problems of a file itself, drafts, claims left unchecked); then only what
needs a look (contradicted claims, errors, drafts, loose and unchecked claims, coverage gaps), one
row each with its file and line. Every piece of user text is escaped
so that it renders as the text it is: Markdown and HTML punctuation are backslash-escaped, `|`
cannot end a cell, a line break cannot end a row, and `@name` cannot mention anyone.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Final

from factcheck.model.results import FileResult, totals_of
from factcheck.report.findings import Level, findings
from factcheck.report.summary import counted
from factcheck.report.summary import notes as summary_notes
from factcheck.report.text import one_line

__all__ = ["escape_markdown", "render"]

# ASCII punctuation that could start markup inside a table cell (CommonMark lets a backslash escape
# any of it): emphasis, code, links, HTML and entities, cell ends, strikethrough, GitHub's math
# ($), emoji shortcodes (:) and mentions (@).
_SPECIAL: Final = re.compile(r"([\\`*_{}\[\]<>()#+!|~&@$:])")

_ICON: Final = {
    Level.CONTRADICTED: "❌",
    Level.ERROR: "⛔",
    Level.DRAFT: "📝",
    Level.LOOSE: "⚠️",
    Level.UNCHECKED: "⚪",
    Level.GAP: "❔",
}


def escape_markdown(text: str) -> str:
    """User text as one line of literal Markdown text, safe inside a table cell. Control characters become
    blanks; other invisible ones (bidirectional-text controls such as U+202E) are shown as `\\u202e`."""
    return _SPECIAL.sub(r"\\\1", one_line("".join(" " if ch.isspace() or _is_control(ch) else ch for ch in text)))


def _is_control(ch: str) -> bool:
    return ch < " " or "\x7f" <= ch <= "\x9f"


def render(results: Sequence[FileResult]) -> str:
    totals = totals_of(results)
    counts = totals.count_dict()
    gaps = totals.gaps
    found = findings(results)
    failing = any(f.level.fails for f in found)
    status = "❌ claims need fixing" if failing else ("⚠️ claims need a look" if found else "✅ all claims hold")
    files = counted(len(results), "file")
    lines = [f"### factcheck: {status}", ""]
    header = ["files", *counts, "coverage gaps"]
    values = [str(len(results)), *(str(n) for n in counts.values()), str(gaps)]
    lines += ["| " + " | ".join(header) + " |", "|" + "---:|" * len(header), "| " + " | ".join(values) + " |", ""]
    if totals.unread:
        lines += [f"{totals.unread} of {files} could not be read.", ""]
    notes = summary_notes(totals)[1 if totals.unread else 0 :]  # the files not read are said just above, with the total
    if notes:  # the library's own words: nothing to escape
        lines += [" ".join(f"{note[:1].upper()}{note[1:]}." for note in notes), ""]
    if not found:
        lines.append("Nothing needs a look.")
        return "\n".join(lines) + "\n"
    lines += ["| | where | claim | stated | why |", "|---|---|---|---|---|"]
    for level in Level:  # contradicted first, then errors, drafts, loose and unchecked claims, gaps
        for finding in (f for f in found if f.level is level):
            label = level.value + (" (gross)" if finding.gross else "")
            where = finding.path + (f":{finding.line}" if finding.line else "")
            if finding.version is not None:  # a template's version
                where += f" [{finding.version}]"
            cells = [
                f"{_ICON[level]} {label}",
                escape_markdown(where),
                escape_markdown(finding.claim_id) if finding.claim_id is not None else "",
                escape_markdown(finding.stated),
                escape_markdown(finding.message) + "".join(f"<br>↳ {escape_markdown(d)}" for d in finding.diagnoses),
            ]
            lines.append("| " + " | ".join(cells) + " |")
    return "\n".join(lines) + "\n"
