"""The `factcheck` command. The only module that prints or decides an exit status.

Exit status: 0 when nothing is contradicted or in error; 1 when something is contradicted (with
--strict: also loose claims and coverage gaps); 2 when a file cannot be read or a claim is in error.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Iterator, Sequence
from pathlib import Path

from factcheck import __version__

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
    check.add_argument("--format", default="text", help="report format: text (default) or json")
    check.add_argument("--output", "-o", metavar="FILE", help="write the report to FILE instead of standard output")
    check.add_argument("--strict", action="store_true", help="loose claims and coverage gaps fail too (exit 1)")
    check.add_argument("--no-color", action="store_true", help="no colour, even on a terminal")
    check.add_argument("--jobs", "-j", type=int, default=1, metavar="N",
                       help="check files in N processes (the report is the same as with one)")
    commands.add_parser("words", help="print the table of what words mean (Markdown)")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = _parser()
    args = parser.parse_args(argv)
    if args.command == "check":
        return _check(args)
    if args.command == "words":
        from factcheck.wordtable import markdown_table  # noqa: PLC0415

        sys.stdout.write(markdown_table())
        return 0
    parser.print_help(sys.stderr)
    return 2


def claims_files(paths: Sequence[str]) -> Iterator[tuple[str, str | None]]:
    """(path, problem) for every claims file named or found below a named folder, in a stable order."""
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
    if args.jobs < 1:
        sys.stderr.write(f"factcheck: --jobs must be 1 or more, not {args.jobs}\n")
        return 2
    colour = (
        args.output is None and args.format == "text" and not args.no_color
        and "NO_COLOR" not in os.environ and sys.stdout.isatty()
    )
    options = {"colour": colour, "jobs": args.jobs, "strict": args.strict}
    if args.output:
        with Path(args.output).open("w", encoding="utf-8") as out:
            return run(claims_files(args.paths), args.format, out.write, **options)
    return run(claims_files(args.paths), args.format, sys.stdout.write, **options)


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())
