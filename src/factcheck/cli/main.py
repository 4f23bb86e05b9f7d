"""The `factcheck` command: its arguments, and which subcommand runs.

Exit status: 0 when nothing is contradicted or in error; 1 when something is contradicted or a
draft (with --strict: also loose claims, unchecked claims and coverage gaps); 2 when a file cannot
be read, has a problem of its own, or a claim is in error. The rule is the totals record's
(`factcheck.model.verdicts.Totals`), which every front end asks.

Each subcommand is a module of this package with `add_arguments(parser)` and `run(args)`. Only the
module of the subcommand asked for is imported, and only then are its arguments built, so that
`factcheck --version` and `factcheck --help` import nothing of the library.
"""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Sequence
from typing import Any

__all__ = ["COMMANDS", "main"]

#: Each subcommand: the module that builds its arguments and runs it, and its line in `--help`.
COMMANDS: dict[str, tuple[str, str]] = {
    "check": ("factcheck.cli.check", "verify claims files and report a verdict per claim"),
    "words": ("factcheck.cli.words", "print the table of what words mean (Markdown)"),
    "report": ("factcheck.cli.report", "write an HTML page: each article with every claim marked"),
    "extract": ("factcheck.cli.extract", "draft a claims file from an article's text"),
    "suggest": ("factcheck.cli.suggest", "propose the figures that reproduce each draft claim"),
    "schema": ("factcheck.cli.schema", "print the JSON Schema of claims files (format 1), for editors"),
    "table": ("factcheck.cli.table", "list a table's columns, units, suppressed cells and sha256"),
}


class _Version(argparse.Action):
    """`--version`: the installed version, read from the package's metadata only when asked for."""

    def __init__(self, option_strings: Sequence[str], dest: str = argparse.SUPPRESS, **kwargs: Any) -> None:
        super().__init__(option_strings, dest, nargs=0, default=argparse.SUPPRESS, **kwargs)

    def __call__(
        self,
        parser: argparse.ArgumentParser,
        namespace: argparse.Namespace,
        values: Any,
        option_string: str | None = None,
    ) -> None:
        from factcheck import __version__

        sys.stdout.write(f"factcheck {__version__}\n")
        parser.exit()


def _parser(argv: Sequence[str]) -> argparse.ArgumentParser:
    """The parser, with the arguments of the one subcommand `argv` names (the others are named only)."""
    parser = argparse.ArgumentParser(
        prog="factcheck",
        description="Recompute the numbers in news articles from their base figures.",
    )
    parser.add_argument("--version", action=_Version, help="show program's version number and exit")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    chosen = next((arg for arg in argv if not arg.startswith("-")), None)
    for name, (module, words) in COMMANDS.items():
        command = commands.add_parser(name, help=words)
        if name == chosen:
            importlib.import_module(module).add_arguments(command)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command `argv` (the process's arguments when None) and return its exit status."""
    arguments = sys.argv[1:] if argv is None else list(argv)
    parser = _parser(arguments)
    args = parser.parse_args(arguments)
    if args.command is None:
        parser.print_help(sys.stderr)
        return 2
    status: int = importlib.import_module(COMMANDS[args.command][0]).run(args)
    return status


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())
