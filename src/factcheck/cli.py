"""The `factcheck` command. The only module that prints or decides an exit status.

Exit status: 0 when nothing is contradicted or in error; 1 when something is contradicted or a
draft (with --strict: also loose claims, unchecked claims and coverage gaps); 2 when a file cannot
be read, has a problem of its own, or a claim is in error. The rule is `factcheck.model.verdicts.standing`.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Iterable, Iterator, Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO

from factcheck import __version__

if TYPE_CHECKING:
    from factcheck.cache import ResultCache

__all__ = ["main"]

CLAIMS_GLOB = "*.claims.toml"


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="factcheck",
        description="Recompute the numbers in news articles from their base figures.",
    )
    parser.add_argument("--version", action="version", version=f"factcheck {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    check = commands.add_parser("check", help="verify claims files and report a verdict per claim")
    check.add_argument("paths", nargs="+", metavar="PATH", help="claims files, or folders searched for *.claims.toml")
    check.add_argument("--format", default="text", help="report format: text (default), json, junit (JUnit XML), sarif (SARIF 2.1.0), "
                       "markdown (a pull request comment) or github (GitHub Actions annotations)")
    check.add_argument("--output", "-o", metavar="FILE", help="write the report to FILE instead of standard output")
    check.add_argument("--force", action="store_true", help="with --output: replace the file if it exists")
    check.add_argument("--strict", action="store_true",
                       help="loose claims, unchecked claims (no inputs, or words that state no relation) and coverage "
                            "gaps fail too (exit 1)")
    check.add_argument("--no-color", action="store_true", help="no colour, even on a terminal")
    check.add_argument("--jobs", "-j", type=int, default=1, metavar="N",
                       help="check files in N processes (the report is the same as with one)")
    check.add_argument("--cache-dir", metavar="DIR",
                       help="where to remember the report of each checked file, so unchanged files are not checked "
                            "again (default: $FACTCHECK_CACHE_DIR, else .factcheck_cache)")
    check.add_argument("--no-cache", action="store_true", help="check every file, neither using nor writing the cache")
    commands.add_parser("words", help="print the table of what words mean (Markdown)")
    report = commands.add_parser("report", help="write an HTML page: each article with every claim marked")
    report.add_argument("paths", nargs="+", metavar="PATH", help="claims files, or folders searched for *.claims.toml")
    report.add_argument("--output", "-o", metavar="FILE", required=True, help="the HTML file to write")
    report.add_argument("--force", action="store_true", help="replace FILE if it exists")
    from factcheck.commands import add_extract, add_suggest  # noqa: PLC0415

    add_extract(commands)
    add_suggest(commands)
    commands.add_parser("schema", help="print the JSON Schema of claims files (format 1), for editors")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = _parser()
    args = parser.parse_args(argv)
    if args.command == "check":
        try:
            return _check(args)
        except KeyboardInterrupt:
            sys.stderr.write("factcheck: interrupted\n")
            return 130
        except BrokenPipeError:  # the reader went away (`factcheck check … | head`): not an error of ours
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
            return 0
    if args.command == "report":
        return _report(args)
    if args.command in ("extract", "suggest"):
        from factcheck import commands  # noqa: PLC0415

        return commands.run_extract(args) if args.command == "extract" else commands.run_suggest(args)
    if args.command == "words":
        from factcheck.words.markdown import markdown_table  # noqa: PLC0415

        sys.stdout.write(markdown_table())
        return 0
    if args.command == "schema":
        from factcheck.schema import schema_text  # noqa: PLC0415

        sys.stdout.write(schema_text())
        return 0
    parser.print_help(sys.stderr)
    return 2


def claims_files(paths: Sequence[str]) -> Iterator[tuple[str, str | None]]:
    """(path, problem) for every claims file named or found below a named folder, in a stable order.

    A file named twice (or named and also found in a named folder) is checked once.
    """
    seen: set[Path] = set()
    for path, problem in _claims_files(paths):
        if problem is None:
            key = Path(path).resolve()
            if key in seen:
                continue
            seen.add(key)
        yield path, problem


def wants_colour(stream: TextIO, *, no_color: bool = False, environ: Mapping[str, str] | None = None) -> bool:
    """Colour only on a terminal, and never when asked not to (--no-color, or NO_COLOR set at all)."""
    environ = os.environ if environ is None else environ
    if no_color or "NO_COLOR" in environ:
        return False
    try:
        return stream.isatty()
    except (AttributeError, ValueError):  # a closed or file-like stream
        return False


def _claims_files(paths: Sequence[str]) -> Iterator[tuple[str, str | None]]:
    for name in paths:
        path = Path(name)
        if path.is_dir():
            found = sorted(p for p in path.rglob(CLAIMS_GLOB) if p.is_file())
            if not found:
                yield name, f"no {CLAIMS_GLOB} files found in the folder {name!r}"
            for file in found:
                yield str(file), None
        elif path.exists():
            yield name, None
        else:
            yield name, "no such file or folder"


def _check(args: argparse.Namespace) -> int:
    from factcheck.batch import run  # noqa: PLC0415 - keep --version and --help fast
    from factcheck.report import FORMATS  # noqa: PLC0415

    if args.format not in FORMATS:
        sys.stderr.write(f"factcheck: unknown format {args.format!r} (one of: {', '.join(FORMATS)})\n")
        return 2
    from factcheck.progress import Progress  # noqa: PLC0415

    if args.jobs < 1:
        sys.stderr.write(f"factcheck: --jobs must be 1 or more, not {args.jobs}\n")
        return 2
    found = list(claims_files(args.paths))
    if args.output and not _output_is_not_an_input(args.output, _claims_inputs(found)):
        return 2
    colour = args.output is None and args.format == "text" and wants_colour(sys.stdout, no_color=args.no_color)
    progress = Progress.for_check(len(found), sys.stderr, fmt=args.format)
    options = {"colour": colour, "jobs": args.jobs, "strict": args.strict, "progress": progress.show,
               "cache": _cache(args)}
    try:
        if args.output:
            return _check_into_file(found, args, options)
        if hasattr(sys.stdout, "reconfigure"):  # a terminal that cannot show "✓" gets "\u2713", not a crash
            sys.stdout.reconfigure(errors="backslashreplace")
        return run(found, args.format, sys.stdout.write, **options)
    finally:
        progress.close()


def _cache(args: argparse.Namespace) -> ResultCache | None:
    """The cache for this run, or None (with a warning when it was wanted but cannot be used)."""
    from factcheck.batch import STREAMED  # noqa: PLC0415
    from factcheck.cache import DEFAULT_FOLDER, CacheError, ResultCache  # noqa: PLC0415

    if args.no_cache or args.format not in STREAMED:  # the other formats are rendered from all results at once
        return None

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
    from factcheck.batch import run  # noqa: PLC0415
    from factcheck.errors import OutputError  # noqa: PLC0415
    from factcheck.runner.output import write_new_file

    parts: list[str] = []
    read: list[tuple[str, str | None]] = []
    status = run(found, args.format, parts.append, inputs=read, **options)
    if not _output_is_not_an_input(args.output, _article_inputs(read)):
        return 2
    try:
        write_new_file(args.output, "".join(parts), force=args.force)
    except OutputError as exc:
        sys.stderr.write(f"factcheck: cannot write the report: {exc}\n")
        return 2
    return status


def _claims_inputs(found: Iterable[tuple[str, str | None]]) -> Iterator[tuple[str, str]]:
    return ((path, f"the claims file {path!r}") for path, problem in found if problem is None)


def _article_inputs(read: Iterable[tuple[str, str | None]]) -> Iterator[tuple[Path, str]]:
    """The article texts the claims files name (as the loader finds them: relative to the file's folder)."""
    for path, article in read:
        if article is not None:
            yield Path(path).parent / article, f"the article text {article!r} of {path!r}"


def _output_is_not_an_input(output: str, inputs: Iterable[tuple[str | Path, str]], what: str = "report") -> bool:
    """True when `output` is none of `inputs`; otherwise says so on standard error (the caller exits 2)."""
    from factcheck.errors import InputOverwriteError  # noqa: PLC0415
    from factcheck.runner.output import refuse_inputs

    try:
        refuse_inputs(output, inputs)
    except InputOverwriteError as exc:
        sys.stderr.write(f"factcheck: will not write the {what} over {exc.what}: this run reads it\n")
        return False
    return True


def _report(args: argparse.Namespace) -> int:
    """Exit 0 when the page was written with every file on it (whatever its verdicts: `check` is the gate);
    2 when it was not written, or a file could not be read or checked (it is on the page, as an error)."""
    from factcheck.batch import checked, render_safely  # noqa: PLC0415
    from factcheck.errors import OutputError  # noqa: PLC0415
    from factcheck.runner.output import write_new_file
    from factcheck.report.text import one_line  # noqa: PLC0415

    found = list(claims_files(args.paths))
    if not _output_is_not_an_input(args.output, _claims_inputs(found), "page"):
        return 2
    page, results = render_safely([checked(path, problem) for path, problem in found], "html")
    read = [(r.path, r.claims_file.article.text if r.claims_file is not None and r.claims_file.article is not None
             else None) for r in results]
    if not _output_is_not_an_input(args.output, _article_inputs(read), "page"):
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


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())
