"""THE format registry: every output format of `factcheck check`, and how each is written.

The command (is the format known? does it take colour?), the runner (is it written file by file?)
and the cache (only such a format is served from it) all ask `FORMATS`, so a format is added in one
place: its renderer module, and its entry here.

A format is one of two shapes:

- **streamed** (text, JSON, GitHub annotations): its module gives each file's `part(result, colour)`
  (and may give `parts(results, colour)`, the parts of a template's versions, which are checked and
  cached together: the text report ends them with their table of versions × claims) and the text
  around the parts: `OPENING`, `separator(index)` before the part of file `index`,
  and `closing(totals)`. `stream` writes them as the files are checked (and the cache stores the
  parts), and `Format.render` makes the whole document with the very same pieces, so the report of
  a run is one implementation, byte for byte, whether it was streamed, cached or rendered at once;
- **whole** (JUnit, SARIF, Markdown, HTML): its module's `render(results)` makes the document from
  every result at once.

Renderer modules are imported on first use, so a text report never pays for the HTML renderer. This
module imports only the standard library: a run answered from the cache asks it too.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Iterable, Sequence
from types import ModuleType
from typing import TYPE_CHECKING, Final, NamedTuple

from factcheck.model.verdicts import Tally, Totals

if TYPE_CHECKING:
    from factcheck.model.results import FileResult

__all__ = ["FORMATS", "Format", "groups", "render", "stream"]


class Format(NamedTuple):
    """An output format: the module that renders it, and how it is written."""

    name: str
    module: str  # the renderer's module, imported on first use
    streams: bool  # written file by file (parts, then a closing made from the totals): the cache serves it
    colour: bool  # takes the colour flag (the terminal's report)

    def renderer(self) -> ModuleType:
        return importlib.import_module(self.module)

    def part(self, result: FileResult, colour: bool = False) -> str:
        """One file's part of a streamed report."""
        part: str = self.renderer().part(result, colour and self.colour)
        return part

    def parts(self, results: Sequence[FileResult], colour: bool = False) -> list[str]:
        """The parts of one claims file's results: one, or one per version of a template (in order)."""
        renderer = self.renderer()
        colour = colour and self.colour
        if len(results) > 1 or any(result.version is not None for result in results):
            many = getattr(renderer, "parts", None)
            if many is not None:
                found: list[str] = many(results, colour)
                return found
        return [renderer.part(result, colour) for result in results]

    def render(self, results: Sequence[FileResult], *, colour: bool = False) -> str:
        """The whole report of these results."""
        if not self.streams:
            whole: str = self.renderer().render(results)
            return whole
        written: list[str] = []
        pieces = (
            (part, result.tally())
            for group in groups(results)
            for result, part in zip(group, self.parts(group, colour), strict=True)
        )
        stream(self, pieces, written.append)
        return "".join(written)


#: Every format, by the name `--format` takes, in the order `--help` lists them.
FORMATS: Final[dict[str, Format]] = {
    fmt.name: fmt
    for fmt in (
        Format("text", "factcheck.report.text", streams=True, colour=True),
        Format("json", "factcheck.report.json", streams=True, colour=False),
        Format("html", "factcheck.report.html", streams=False, colour=False),
        Format("junit", "factcheck.report.junit", streams=False, colour=False),
        Format("sarif", "factcheck.report.sarif", streams=False, colour=False),
        Format("markdown", "factcheck.report.markdown", streams=False, colour=False),
        Format("github", "factcheck.report.github", streams=True, colour=False),
    )
}


def stream(fmt: Format, parts: Iterable[tuple[str, Tally]], write: Callable[[str], object]) -> Totals:
    """Write a streamed report: its opening, each file's part (with its tally) as it comes, then the closing.

    Returns the run's totals, whose `exit_status` is the run's.
    """
    renderer = fmt.renderer()
    totals = Totals()
    if renderer.OPENING:
        write(renderer.OPENING)
    for part, tally in parts:
        write(renderer.separator(totals.files) + part)
        totals.add(tally)
    write(renderer.closing(totals))
    return totals


def groups(results: Iterable[FileResult]) -> list[list[FileResult]]:
    """The results by claims file: each alone, a template's versions (one after another, of one path) together."""
    found: list[list[FileResult]] = []
    for result in results:
        last = found[-1][-1] if found else None
        if last is not None and result.version is not None and last.version is not None and last.path == result.path:
            found[-1].append(result)
        else:
            found.append([result])
    return found


def render(results: Sequence[FileResult], fmt: str = "text", *, colour: bool = False) -> str:
    """The whole report of these results in the format named `fmt`."""
    return FORMATS[fmt].render(results, colour=colour)
