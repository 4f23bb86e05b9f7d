"""Renderers of verification results, one per output format, chosen from `FORMATS`.

Renderers return text; they never print, and they escape everything a user wrote. Each lives in
its own module, imported only when its format is asked for, so a text report never pays for the
HTML or SARIF renderer.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Iterator, Mapping, Sequence
from typing import TYPE_CHECKING, Any, Final

if TYPE_CHECKING:
    from factcheck.report.json_report import render_json, result_to_dict, summary_counts
    from factcheck.report.text import render_text
    from factcheck.model.results import FileResult

__all__ = ["FORMATS", "Renderer", "render", "render_json", "render_text", "result_to_dict", "summary_counts"]

#: Names re-exported from the renderers' modules, imported on first use: the package itself stays
#: free of the verifier, so `factcheck.report.summary` serves a run answered from the cache.
_LAZY: Final = {
    "render_json": "factcheck.report.json_report",
    "result_to_dict": "factcheck.report.json_report",
    "summary_counts": "factcheck.report.json_report",
    "render_text": "factcheck.report.text",
}


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        msg = f"module 'factcheck.report' has no attribute {name!r}"
        raise AttributeError(msg)
    return getattr(importlib.import_module(module), name)

#: A renderer takes the results and whether colour is wanted, and returns the report.
Renderer = Callable[[Sequence["FileResult"], bool], str]

#: Each format: the module and function that render it, and whether it takes the colour flag.
_RENDERERS: Final[dict[str, tuple[str, str, bool]]] = {
    "text": ("factcheck.report.text", "render_text", True),
    "json": ("factcheck.report.json_report", "render_json", False),
    "html": ("factcheck.report.html", "render_html", False),
    "junit": ("factcheck.report.junit", "render_junit", False),
    "sarif": ("factcheck.report.sarif", "render_sarif", False),
    "markdown": ("factcheck.report.markdown", "render_markdown", False),
    "github": ("factcheck.report.github", "render_github", False),
}


class _Formats(Mapping[str, Renderer]):
    """The format table, loading each renderer's module on first use."""

    def __getitem__(self, name: str) -> Renderer:
        module, function, takes_colour = _RENDERERS[name]
        renderer = getattr(importlib.import_module(module), function)
        if takes_colour:
            return renderer  # type: ignore[no-any-return]
        return lambda results, colour: renderer(results)

    def __contains__(self, name: object) -> bool:  # without importing the renderer, as Mapping's would
        return name in _RENDERERS

    def __iter__(self) -> Iterator[str]:
        return iter(_RENDERERS)

    def __len__(self) -> int:
        return len(_RENDERERS)


FORMATS: Final[Mapping[str, Renderer]] = _Formats()


def render(results: Sequence[FileResult], fmt: str = "text", *, colour: bool = False) -> str:
    return FORMATS[fmt](results, colour)
