"""`factcheck report`: one HTML page with each article and every claim marked on it."""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path
from typing import TYPE_CHECKING

from factcheck.cli.defaults import apply_project
from factcheck.cli.outputs import article_inputs, claims_inputs, output_is_not_an_input
from factcheck.cli.teaching import examples, refuse_articles

if TYPE_CHECKING:
    from factcheck.model.results import FileResult

__all__ = ["DEFAULT_OUTPUT", "add_arguments", "run"]

#: Where the page goes when no --output is given: the current folder.
DEFAULT_OUTPUT = "report.html"


def add_arguments(report: argparse.ArgumentParser) -> None:
    report.add_argument(
        "paths",
        nargs="*",
        metavar="PATH",
        help="claims files, or folders searched for *.claims.toml (default: the project file's paths)",
    )
    report.add_argument(
        "--output",
        "-o",
        metavar="FILE",
        default=DEFAULT_OUTPUT,
        help=f"the HTML file to write (default {DEFAULT_OUTPUT})",
    )
    report.add_argument("--force", action="store_true", help="replace FILE even if it is not a report of factcheck's")
    report.add_argument("--open", action="store_true", help="open the page in the web browser once it is written")
    report.add_argument(
        "--watch",
        action="store_true",
        help="write the page again whenever a claims file or its article changes, until Ctrl-C (the page does "
        "not reload itself: reload it in the browser)",
    )
    report.add_argument(
        "--interval", type=float, default=0.5, metavar="SECONDS", help="with --watch: how often to look (default 0.5)"
    )
    examples(
        report,
        "factcheck report story.claims.toml --open         # writes report.html and opens it in the browser",
        "factcheck report claims/ -o desk.html             # every article below claims/, on one page",
        "factcheck report --watch story.claims.toml -o story.html   # rewritten at every save",
    )


def run(args: argparse.Namespace) -> int:
    """Exit 0 when the page was written with every file on it (whatever its verdicts: `check` is the gate);
    2 when it was not written, or a file could not be read or checked (it is on the page, as an error);
    with --watch, 130 when stopped (Ctrl-C)."""
    if not apply_project(args) or not refuse_articles(args.paths):
        return 2
    if not args.watch:
        status, results = _page(args)
        if results is not None:
            _written(args)
        return status
    if args.interval <= 0:
        sys.stderr.write(f"factcheck: --interval must be more than 0, not {args.interval}\n")
        return 2
    from factcheck.cli.watch import watch_report

    status, first = _page(args)
    if first is None:  # not written (it exists, or it would replace an input): nothing to watch
        return status
    _written(args)
    pages = iter([first])

    def write() -> list[FileResult]:
        results = next(pages, None) or _page(args)[1] or []
        sys.stderr.write(f"factcheck: wrote {args.output} at {time.strftime('%H:%M:%S')}\n")
        return results

    return watch_report(args.paths, write, interval=args.interval)


def _page(args: argparse.Namespace) -> tuple[int, list[FileResult] | None]:
    """Check the files and write the page: the exit status, and the results (None when no page was written)."""
    from factcheck.errors import OutputError
    from factcheck.report.text import one_line
    from factcheck.runner.batch import checked_all, claims_files, render_safely

    found = list(claims_files(args.paths))
    if not output_is_not_an_input(args.output, claims_inputs(found), "page"):
        return 2, None
    page, results = render_safely([result for path, problem in found for result in checked_all(path, problem)], "html")
    read = [
        (
            r.path,
            r.claims_file.article.text if r.claims_file is not None and r.claims_file.article is not None else None,
        )
        for r in results
    ]
    read += [(r.path, name) for r in results if r.claims_file is not None for name in r.claims_file.inputs]
    if not output_is_not_an_input(args.output, article_inputs(read), "page"):
        return 2, None
    try:
        _write_page(args.output, page, force=args.force)
    except OutputError as exc:
        sys.stderr.write(f"factcheck: {one_line(str(exc))}\n")
        return 2, None
    unread = [result for result in results if not result.readable]
    for result in unread:
        reason = "; ".join(one_line(getattr(e, "message", str(e))) for e in result.errors)
        sys.stderr.write(f"factcheck: {one_line(result.path)}: could not be checked ({reason}); the page says so\n")
    return (2 if unread else 0), results


def _written(args: argparse.Namespace) -> None:
    """Say where the page went, and open it when asked."""
    from factcheck.report.text import one_line

    sys.stdout.write(f"wrote {one_line(args.output)}\n")
    if args.open:
        _open(args.output)


def _write_page(output: str, page: str, *, force: bool) -> None:
    """Write the page at `output`: a new file, or in place of a page of ours (the same run written again);
    any other file is replaced only with `force`. A page of ours that changes meanwhile is kept."""
    from factcheck.errors import OutputError
    from factcheck.report.html import is_report
    from factcheck.runner.output import digest, replace_unchanged, write_new_file

    target = Path(output)
    if not force and target.is_file() and not target.is_symlink():
        try:
            with target.open("rb") as stream:
                old = stream.read()
        except OSError:
            old = b""
        if is_report(old):
            replace_unchanged(target, page, digest(old))
            return
    if not force and (target.exists() or target.is_symlink()):
        raise OutputError(output, "already exists and is not a page of factcheck's; give --force to replace it")
    write_new_file(output, page, force=force)


def _open(output: str) -> None:
    """Open the page in the user's web browser (the `BROWSER` variable chooses one); a machine with none is
    told so, and the page stays written."""
    import webbrowser

    uri = Path(output).resolve().as_uri()
    try:
        opened = webbrowser.open(uri)
    except webbrowser.Error:
        opened = False
    if not opened:
        sys.stderr.write(f"factcheck: no web browser could be opened; open {uri} yourself\n")
