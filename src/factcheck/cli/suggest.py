"""`factcheck suggest`: the figures of a claims file that reproduce each draft claim's words."""

from __future__ import annotations

import argparse
import sys
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from factcheck.model.claims import ClaimsFile

__all__ = ["add_arguments", "run"]


def add_arguments(suggest: argparse.ArgumentParser) -> None:
    suggest.add_argument("path", metavar="FILE", help="a claims file")
    suggest.add_argument("--format", default="text", choices=("text", "json"), help="text (default) or json")
    suggest.add_argument("--limit", type=int, default=3, help="suggestions per claim (default 3)")
    from factcheck.cli.teaching import examples

    examples(
        suggest,
        "factcheck suggest story.claims.toml      # after adding the [figures] the story was written from",
        "factcheck suggest --limit 1 story.claims.toml",
        "factcheck suggest --format json story.claims.toml",
    )


def run(args: argparse.Namespace) -> int:
    """Exit 0 with the suggestions; 2 when the file cannot be read, or a bug stopped the suggestions (said
    on standard error, never as a traceback)."""
    from factcheck.errors import ClaimsFileError
    from factcheck.load.claimsfile import load_claims_file
    from factcheck.report.text import one_line

    if args.limit < 1:
        sys.stderr.write("factcheck: --limit must be at least 1\n")
        return 2
    try:
        claims_file = load_claims_file(args.path)
        text = _suggestions(claims_file, args)
    except ClaimsFileError as exc:
        sys.stderr.write(f"factcheck: {one_line(str(exc))}\n")
        return 2
    except Exception as exc:  # a hostile file must give a message, not a traceback
        sys.stderr.write(
            f"factcheck: {one_line(args.path)}: internal error while suggesting inputs for this file "
            f"({type(exc).__name__}: {one_line(str(exc))[:300]}); please report it\n"
        )
        return 2
    sys.stdout.write(text)
    return 0


def _suggestions(claims_file: ClaimsFile, args: argparse.Namespace) -> str:
    """The whole output, made before any of it is written: a failure part way never leaves half of it."""
    from factcheck.drafting.suggest import suggest_file
    from factcheck.report.jsontext import dumps
    from factcheck.report.text import one_line, safe_lines, shown_path

    found = suggest_file(claims_file, limit=args.limit)
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
        for number, suggestion in enumerate(claim.suggestions, start=1):
            inputs = ", ".join(f"{field} = {name!r}" for field, name in suggestion.inputs)
            lines.append(f"    {number}. {inputs}: {one_line(suggestion.explanation)}")
    if not found:
        lines.append("  no claim needs inputs")
    # every line may begin with user text (a claim id, a figure name): none may begin a CI workflow command
    return safe_lines("\n".join(lines)) + "\n"
