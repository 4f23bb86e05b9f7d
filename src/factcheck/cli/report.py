"""`factcheck report`: one HTML page with each article and every claim marked on it."""

from __future__ import annotations

import argparse
import sys

from factcheck.cli.outputs import article_inputs, claims_inputs, output_is_not_an_input

__all__ = ["add_arguments", "run"]


def add_arguments(report: argparse.ArgumentParser) -> None:
    report.add_argument("paths", nargs="+", metavar="PATH", help="claims files, or folders searched for *.claims.toml")
    report.add_argument("--output", "-o", metavar="FILE", required=True, help="the HTML file to write")
    report.add_argument("--force", action="store_true", help="replace FILE if it exists")


def run(args: argparse.Namespace) -> int:
    """Exit 0 when the page was written with every file on it (whatever its verdicts: `check` is the gate);
    2 when it was not written, or a file could not be read or checked (it is on the page, as an error)."""
    from factcheck.errors import OutputError
    from factcheck.report.text import one_line
    from factcheck.runner.batch import checked_all, claims_files, render_safely
    from factcheck.runner.output import write_new_file

    found = list(claims_files(args.paths))
    if not output_is_not_an_input(args.output, claims_inputs(found), "page"):
        return 2
    page, results = render_safely([result for path, problem in found for result in checked_all(path, problem)], "html")
    read = [
        (
            r.path,
            r.claims_file.article.text if r.claims_file is not None and r.claims_file.article is not None else None,
        )
        for r in results
    ]
    if not output_is_not_an_input(args.output, article_inputs(read), "page"):
        return 2
    try:
        write_new_file(args.output, page, force=args.force)
    except OutputError as exc:
        sys.stderr.write(f"factcheck: {one_line(str(exc))}\n")
        return 2
    unread = [result for result in results if not result.readable]
    for result in unread:
        reason = "; ".join(one_line(getattr(e, "message", str(e))) for e in result.errors)
        sys.stderr.write(f"factcheck: {one_line(result.path)}: could not be checked ({reason}); the page says so\n")
    return 2 if unread else 0
