"""`factcheck suggest`: the figures of a claims file that reproduce each draft claim's words."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from factcheck.model.claims import ClaimsFile

__all__ = ["add_arguments", "run"]


def add_arguments(suggest: argparse.ArgumentParser) -> None:
    suggest.add_argument("path", metavar="FILE", help="a claims file")
    suggest.add_argument("--format", default="text", choices=("text", "json"), help="text (default) or json")
    suggest.add_argument("--limit", type=int, default=3, help="suggestions per claim (default 3)")
    suggest.add_argument(
        "--write",
        action="store_true",
        help="write each claim's best suggestion into FILE where it is clearly the best (comments and layout kept); "
        "list the rest",
    )
    from factcheck.cli.teaching import examples

    examples(
        suggest,
        "factcheck suggest story.claims.toml      # after adding the [figures] the story was written from",
        "factcheck suggest --write story.claims.toml   # fill each claim's clearly best suggestion in place",
        "factcheck suggest --format json story.claims.toml",
    )


def run(args: argparse.Namespace) -> int:
    """Exit 0 with the suggestions; 2 when the file cannot be read, or a bug stopped the suggestions (said
    on standard error, never as a traceback)."""
    from factcheck.errors import ClaimsFileError, FillError, OutputError
    from factcheck.load.claimsfile import load_claims_file
    from factcheck.report.text import internal_error_line, one_line

    if args.limit < 1:
        sys.stderr.write("factcheck: --limit must be at least 1\n")
        return 2
    if args.write and args.format != "text":
        sys.stderr.write("factcheck: --write prints text; leave out --format\n")
        return 2
    try:
        if args.write:
            return _write(args)
        claims_file = load_claims_file(args.path)
        text = _suggestions(claims_file, args)
    except (FillError, OutputError) as exc:
        sys.stderr.write(f"factcheck: {one_line(args.path)}: {one_line(str(exc))}\n")
        return 2
    except ClaimsFileError as exc:
        sys.stderr.write(f"factcheck: {one_line(str(exc))}\n")
        return 2
    except Exception as exc:  # a hostile file must give a message, not a traceback
        sys.stderr.write(internal_error_line(args.path, "suggesting inputs for this file", exc))
        return 2
    sys.stdout.write(text)
    return 0


def _suggestions(claims_file: ClaimsFile, args: argparse.Namespace) -> str:
    """The whole output, made before any of it is written: a failure part way never leaves half of it."""
    from factcheck.drafting.suggest import suggest_file
    from factcheck.report.jsontext import dumps
    from factcheck.report.text import one_line, safe_lines, shown_path

    if not claims_file.figures and not claims_file.tables:  # a table's cells are suggested too
        return safe_lines(f"{shown_path(args.path)}\n  {_NO_FIGURES}") + "\n"
    found = suggest_file(claims_file, limit=args.limit, other_kinds=True)
    if args.format == "json":
        document = {
            "format": 1,
            "path": args.path,
            "claims": [
                {
                    "id": c.id,
                    "kind": c.kind,
                    "stated": c.stated,
                    "line": c.line,
                    "suggestions": [
                        {"inputs": dict(s.inputs), "explanation": s.explanation, "distance": s.distance}
                        for s in c.suggestions
                    ],
                    "other_kinds": [
                        {"kind": kind, "inputs": dict(s.inputs), "explanation": s.explanation}
                        for kind, s in c.other_kinds
                    ],
                    **(
                        {
                            "cells": [
                                {
                                    "table": t.table,
                                    "row": t.row,
                                    "column": t.column,
                                    "explanation": t.explanation,
                                    "toml": t.toml,
                                }
                                for t in c.cells
                            ]
                        }
                        if claims_file.tables
                        else {}
                    ),
                }
                for c in found
            ],
        }
        return dumps(document, indent=1) + "\n"
    lines = [shown_path(args.path)]
    for claim in found:
        where = f", line {claim.line}" if claim.line else ""
        lines.append(f"  {one_line(claim.id)}{where} ({claim.kind}): {claim.stated!r}")
        if not claim.suggestions:
            lines.append("      no figure of the file reproduces it")
        for kind, suggestion in claim.other_kinds:
            inputs = ", ".join(f"{field} = {name!r}" for field, name in suggestion.inputs)
            lines.append(f"      as a {kind}: {inputs}: {one_line(suggestion.explanation)}")
        for number, suggestion in enumerate(claim.suggestions, start=1):
            inputs = ", ".join(f"{field} = {name!r}" for field, name in suggestion.inputs)
            lines.append(f"    {number}. {inputs}: {one_line(suggestion.explanation)}")
        for number, cell in enumerate(claim.cells, start=1):
            lines.append(
                f"    table {number}. row {one_line(cell.row)!r} of column {one_line(cell.column)!r} in table "
                f"{one_line(cell.table)!r}: {one_line(cell.explanation)}"
            )
            lines.extend(f"         {line}" for line in cell.toml.splitlines())
    if not found:
        lines.append("  no claim needs inputs")
    # every line may begin with user text (a claim id, a figure name): none may begin a CI workflow command
    return safe_lines("\n".join(lines)) + "\n"


_NO_FIGURES = "the file has no figures to suggest from: add figures (or a table) first"


def _write(args: argparse.Namespace) -> int:
    """Fill the inputs that have one clear best suggestion, in place; list the rest. The file is read once,
    its digest kept, and replaced only if it is still those bytes (`replace_unchanged`)."""
    from factcheck.drafting.fill import choose_all, filled_text
    from factcheck.drafting.suggest import suggest_file
    from factcheck.errors import ClaimsFileError
    from factcheck.load.claimsfile import loads_claims_file
    from factcheck.report.text import one_line, safe_lines, shown_path
    from factcheck.runner.output import digest, replace_unchanged

    path = Path(args.path)
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise ClaimsFileError(f"cannot read the file: {exc.strerror or exc}", path=args.path) from None
    claims_file = loads_claims_file(data, args.path, base_dir=path.parent)  # refuses what is not UTF-8 text
    text = data.decode("utf-8")
    lines = [shown_path(args.path)]
    if not claims_file.figures:
        lines.append(f"  {_NO_FIGURES}; nothing written")
        sys.stdout.write(safe_lines("\n".join(lines)) + "\n")
        return 0
    found = suggest_file(claims_file, limit=max(args.limit, 5), other_kinds=True, nearest=True)
    choices = choose_all(found, claims_file)
    written = [c for c in choices if c.inputs]
    if written:
        replace_unchanged(path, filled_text(text, choices), digest(data))
    for choice in choices:
        where = f":{choice.line}" if choice.line else ""
        if choice.inputs:
            inputs = ", ".join(f"{field} = {name!r}" for field, name in choice.inputs)
            nearest = "" if choice.reproduces else " (not a reproduction of the words: `check` says how far off)"
            note = f"; {one_line(choice.note)}" if choice.note else ""
            lines.append(f"  filled {one_line(choice.id)}{where}: {inputs}{nearest}{note}")
    for choice in choices:
        where = f":{choice.line}" if choice.line else ""
        if not choice.inputs:
            lines.append(f"  left {one_line(choice.id)}{where}: {one_line(choice.reason)}")
    total = sum(len(c.inputs) for c in written)
    if not choices:
        lines.append("  no claim needs inputs; nothing written")
    else:
        lines.append(
            f"{len(written)} of {len(choices)} claims filled ({total} input{'' if total == 1 else 's'})"
            + (f"; wrote {shown_path(args.path)}" if written else "; nothing written")
        )
    sys.stdout.write(safe_lines("\n".join(lines)) + "\n")
    return 0
