"""Renderers of verification results, one per output format, chosen from `FORMATS`.

Renderers return text; they never print, and they escape everything a user wrote.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Final

from factcheck.report.github import render_github
from factcheck.report.html import render_html
from factcheck.report.json_report import render_json, result_to_dict, summary_counts
from factcheck.report.junit import render_junit
from factcheck.report.markdown import render_markdown
from factcheck.report.sarif import render_sarif
from factcheck.report.text import render_text
from factcheck.verify import FileResult

__all__ = ["FORMATS", "Renderer", "render", "render_html", "render_json", "render_text", "result_to_dict", "summary_counts"]

#: A renderer takes the results and whether colour is wanted, and returns the report.
Renderer = Callable[[Sequence[FileResult], bool], str]

FORMATS: Final[dict[str, Renderer]] = {
    "text": render_text,
    "json": lambda results, colour: render_json(results),
    "html": render_html,
    "junit": lambda results, colour: render_junit(results),
    "sarif": lambda results, colour: render_sarif(results),
    "markdown": lambda results, colour: render_markdown(results),
    "github": lambda results, colour: render_github(results),
}


def render(results: Sequence[FileResult], fmt: str = "text", *, colour: bool = False) -> str:
    return FORMATS[fmt](results, colour)
