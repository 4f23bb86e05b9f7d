"""`factcheck check`: verify claims files and write the report, to standard output or a file.

The format is looked up in the format registry (`factcheck.report.formats`), which also says
whether it takes colour and whether it is streamed, and so served from the cache; the exit status
is the run's totals' (`factcheck.model.verdicts.Totals.exit_status`).
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TextIO

from factcheck.cli.defaults import apply_project
from factcheck.cli.outputs import article_inputs, claims_inputs, output_is_not_an_input
from factcheck.cli.teaching import examples, refuse_articles
from factcheck.load.project import AUTO_JOBS

if TYPE_CHECKING:
    from factcheck.runner.cache import ResultCache

__all__ = ["add_arguments", "jobs_option", "run", "wants_colour"]


#: What a format is for, in `--help`; the formats themselves are the registry's (a new one is listed unexplained).
_FORMAT_WORDS = {
    "json": "the JSON report of the claims format",
    "html": "one page, each article marked",
    "junit": "JUnit XML",
    "sarif": "SARIF 2.1.0, for code scanning",
    "markdown": "a pull request comment or job summary",
    "github": "GitHub Actions annotations",
}


def _formats_help() -> str:
    """Every format of the registry, in its order, each with what it is for."""
    from factcheck.report.formats import FORMATS

    named = [f"{name} ({_FORMAT_WORDS[name]})" if name in _FORMAT_WORDS else name for name in FORMATS if name != "text"]
    return "report format: text (the default), " + ", ".join(named)


def add_arguments(check: argparse.ArgumentParser) -> None:
    check.add_argument(
        "paths",
        nargs="*",
        metavar="PATH",
        help="claims files, or folders searched for *.claims.toml (default: the project file's paths)",
    )
    check.add_argument("--format", help=_formats_help())
    check.add_argument("--output", "-o", metavar="FILE", help="write the report to FILE instead of standard output")
    check.add_argument("--force", action="store_true", help="with --output: replace the file if it exists")
    check.add_argument(
        "--strict",
        action=argparse.BooleanOptionalAction,
        help="loose claims, unchecked claims (no inputs, or words that state no relation) and coverage "
        "gaps fail too (exit 1)",
    )
    check.add_argument("--no-color", action="store_true", help="no colour, even on a terminal")
    check.add_argument(
        "--jobs",
        "-j",
        type=jobs_option,
        metavar="N",
        help="check files in N processes, or 'auto': one per processor (the default); the report is the same "
        "as with one",
    )
    check.add_argument(
        "--cache-dir",
        metavar="DIR",
        help="where to remember the report of each checked file, so unchanged files are not checked "
        "again (default: $FACTCHECK_CACHE_DIR, else .factcheck_cache)",
    )
    check.add_argument("--no-cache", action="store_true", help="check every file, neither using nor writing the cache")
    check.add_argument(
        "--watch",
        action="store_true",
        help="after the report, check again whenever a claims file or its article changes and print only what "
        "changed, until Ctrl-C (the text report only)",
    )
    check.add_argument(
        "--interval", type=float, default=0.5, metavar="SECONDS", help="with --watch: how often to look (default 0.5)"
    )
    examples(
        check,
        "factcheck check story.claims.toml        # one article's claims: exit 0 when they hold",
        "factcheck check claims/                  # every *.claims.toml below claims/",
        "factcheck check --watch story.claims.toml   # again at every save, until Ctrl-C",
    )


def jobs_option(text: str) -> int | str:
    """`--jobs`: a whole number, or "auto" (one process per processor this process may use)."""
    if text == AUTO_JOBS:
        return text
    try:
        return int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"a whole number or {AUTO_JOBS!r}, not {text!r}") from None


def run(args: argparse.Namespace) -> int:
    """Check the files; 130 when interrupted, 0 when the reader of standard output went away."""
    try:
        return _check(args)
    except KeyboardInterrupt:
        sys.stderr.write("factcheck: interrupted\n")
        return 130
    except BrokenPipeError:  # the reader went away (`factcheck check … | head`): not an error of ours
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0


def wants_colour(stream: TextIO, *, no_color: bool = False, environ: Mapping[str, str] | None = None) -> bool:
    """Colour only on a terminal, and never when asked not to (--no-color, or NO_COLOR set at all)."""
    environ = os.environ if environ is None else environ
    if no_color or "NO_COLOR" in environ:
        return False
    try:
        return stream.isatty()
    except (AttributeError, ValueError):  # a closed or file-like stream
        return False


def _check(args: argparse.Namespace) -> int:
    from factcheck.cli.progress import Progress
    from factcheck.report.formats import FORMATS
    from factcheck.runner.batch import claims_files, run

    if not apply_project(args) or not refuse_articles(args.paths):
        return 2
    fmt = FORMATS.get(args.format)
    if fmt is None:
        sys.stderr.write(f"factcheck: unknown format {args.format!r} (one of: {', '.join(FORMATS)})\n")
        return 2
    if args.jobs == AUTO_JOBS:
        from factcheck.runner.batch import usable_processors

        args.jobs = usable_processors()
    if args.jobs < 1:
        sys.stderr.write(f"factcheck: --jobs must be 1 or more, not {args.jobs}\n")
        return 2
    if args.watch:
        return _watch(args)
    found = list(claims_files(args.paths))
    if args.output and not output_is_not_an_input(args.output, claims_inputs(found)):
        return 2
    colour = args.output is None and fmt.colour and wants_colour(sys.stdout, no_color=args.no_color)
    progress = Progress.for_check(len(found), sys.stderr, fmt=args.format)
    options = {
        "colour": colour,
        "jobs": min(args.jobs, max(1, len(found))),  # a worker per file at most: on many processors, few files
        "strict": args.strict,
        "progress": progress.show,
        "cache": _cache(args, streams=fmt.streams),
    }
    try:
        if args.output:
            return _check_into_file(found, args, options)
        if hasattr(sys.stdout, "reconfigure"):  # a terminal that cannot show "✓" gets "\u2713", not a crash
            sys.stdout.reconfigure(errors="backslashreplace")
        return run(found, args.format, sys.stdout.write, **options)
    finally:
        progress.close()


def _watch(args: argparse.Namespace) -> int:
    """`--watch`: the text report on the terminal, then what changes (no cache: each re-check is of a change)."""
    from factcheck.cli.watch import watch_check

    if args.format != "text" or args.output:
        sys.stderr.write("factcheck: --watch prints the text report to the terminal: without --format or --output\n")
        return 2
    if args.interval <= 0:
        sys.stderr.write(f"factcheck: --interval must be more than 0, not {args.interval}\n")
        return 2
    colour = wants_colour(sys.stdout, no_color=args.no_color)
    return watch_check(args.paths, interval=args.interval, colour=colour)


def _cache(args: argparse.Namespace, *, streams: bool) -> ResultCache | None:
    """The cache for this run, or None (with a warning when it was wanted but cannot be used).

    Only a format written file by file is served from the cache: the others render all results at once.
    """
    if args.no_cache or not streams:
        return None
    from factcheck.errors import CacheError
    from factcheck.runner.cache import DEFAULT_FOLDER, ResultCache  # only for a run that uses it: it loads sqlite3

    cache = ResultCache(args.cache_dir or os.environ.get("FACTCHECK_CACHE_DIR") or DEFAULT_FOLDER)
    try:
        cache.prepare()
    except CacheError as exc:
        sys.stderr.write(f"factcheck: checking without a cache: {exc}\n")
        return None
    return cache


def _check_into_file(found: list[tuple[str, str | None]], args: argparse.Namespace, options: dict[str, Any]) -> int:
    """Write the report to --output atomically, never over an existing file without --force, and never
    over a file the run read (a claims file, or an article text one names)."""
    from factcheck.errors import OutputError
    from factcheck.runner.batch import run
    from factcheck.runner.output import write_new_file

    parts: list[str] = []
    read: list[tuple[str, str | None]] = []
    status = run(found, args.format, parts.append, inputs=read, **options)
    if not output_is_not_an_input(args.output, article_inputs(read)):
        return 2
    try:
        write_new_file(args.output, "".join(parts), force=args.force)
    except OutputError as exc:
        sys.stderr.write(f"factcheck: cannot write the report: {exc}\n")
        return 2
    return status
