"""`factcheck report`: one HTML page with each article and every claim marked on it."""

from __future__ import annotations

import argparse
import sys
import time
from typing import TYPE_CHECKING

from factcheck.cli.defaults import apply_project
from factcheck.cli.outputs import article_inputs, claims_inputs, output_is_not_an_input
from factcheck.cli.teaching import examples, refuse_articles

if TYPE_CHECKING:
    from factcheck.model.results import FileResult

__all__ = ["add_arguments", "run"]


def add_arguments(report: argparse.ArgumentParser) -> None:
    report.add_argument(
        "paths",
        nargs="*",
        metavar="PATH",
        help="claims files, or folders searched for *.claims.toml (default: the project file's paths)",
    )
    report.add_argument("--output", "-o", metavar="FILE", required=True, help="the HTML file to write")
    report.add_argument("--force", action="store_true", help="replace FILE if it exists")
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
        "factcheck report story.claims.toml -o story.html   # the article, every sentence marked",
        "factcheck report claims/ -o desk.html --force      # every article below claims/, on one page",
        "factcheck report --watch story.claims.toml -o story.html   # rewritten at every save",
    )


def run(args: argparse.Namespace) -> int:
    """Exit 0 when the page was written with every file on it (whatever its verdicts: `check` is the gate);
    2 when it was not written, or a file could not be read or checked (it is on the page, as an error);
    with --watch, 130 when stopped (Ctrl-C)."""
    if not apply_project(args) or not refuse_articles(args.paths):
        return 2
    if not args.watch:
        return _page(args)[0]
    if args.interval <= 0:
        sys.stderr.write(f"factcheck: --interval must be more than 0, not {args.interval}\n")
        return 2
    from factcheck.cli.watch import watch_report

    status, first = _page(args)
    if first is None:  # not written (it exists, or it would replace an input): nothing to watch
        return status
    args.force = True  # from now on the page is the one this watch wrote
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
    from factcheck.runner.batch import checked, claims_files, render_safely
    from factcheck.runner.output import write_new_file

    found = list(claims_files(args.paths))
    if not output_is_not_an_input(args.output, claims_inputs(found), "page"):
        return 2, None
    page, results = render_safely([checked(path, problem) for path, problem in found], "html")
    read = [
        (
            r.path,
            r.claims_file.article.text if r.claims_file is not None and r.claims_file.article is not None else None,
        )
        for r in results
    ]
    if not output_is_not_an_input(args.output, article_inputs(read), "page"):
        return 2, None
    try:
        write_new_file(args.output, page, force=args.force)
    except OutputError as exc:
        sys.stderr.write(f"factcheck: {one_line(str(exc))}\n")
        return 2, None
    unread = [result for result in results if not result.readable]
    for result in unread:
        reason = "; ".join(one_line(getattr(e, "message", str(e))) for e in result.errors)
        sys.stderr.write(f"factcheck: {one_line(result.path)}: could not be checked ({reason}); the page says so\n")
    return (2 if unread else 0), results
