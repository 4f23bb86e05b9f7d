"""The `extract` and `suggest` subcommands: their arguments and what they do (cli.py dispatches here)."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from factcheck.model.claims import ClaimsFile

__all__ = ["add_extract", "add_suggest", "run_extract", "run_suggest"]


def add_extract(commands: Any) -> None:
    extract = commands.add_parser("extract", help="draft a claims file from an article's text")
    extract.add_argument("article", metavar="ARTICLE", help="the article's text (UTF-8)")
    extract.add_argument("--output", "-o", metavar="FILE",
                         help="where to write the draft (default: ARTICLE with .claims.toml; '-' for standard output)")
    extract.add_argument("--force", action="store_true", help="replace FILE if it exists")


def add_suggest(commands: Any) -> None:
    suggest = commands.add_parser("suggest", help="propose the figures that reproduce each draft claim")
    suggest.add_argument("path", metavar="FILE", help="a claims file")
    suggest.add_argument("--format", default="text", choices=("text", "json"), help="text (default) or json")
    suggest.add_argument("--limit", type=int, default=3, help="suggestions per claim (default 3)")


def _default_output(article: Path) -> Path:
    name = article.name[: -len(".txt")] if article.name.endswith(".txt") else article.name
    return article.with_name(name + ".claims.toml")


def run_extract(args: argparse.Namespace) -> int:
    from factcheck.drafting.toml_writer import draft_toml  # noqa: PLC0415
    from factcheck.errors import DraftExistsError
    from factcheck.runner.output import write_draft
    from factcheck.drafting.extract import draft_article  # noqa: PLC0415
    from factcheck.errors import OutputError  # noqa: PLC0415

    article = Path(args.article)
    try:
        text = article.read_bytes().decode("utf-8-sig")
    except OSError as exc:
        sys.stderr.write(f"factcheck: {article}: cannot read the article: {exc.strerror or exc}\n")
        return 2
    except UnicodeDecodeError as exc:
        sys.stderr.write(f"factcheck: {article}: not UTF-8 text (byte {exc.start} cannot be decoded)\n")
        return 2
    to_stdout = args.output == "-"
    output = Path.cwd() / "-" if to_stdout else Path(args.output) if args.output else _default_output(article)
    relative = os.path.relpath(article.resolve(), output.resolve().parent)
    if relative.startswith(os.pardir) or os.path.isabs(relative):
        sys.stderr.write(f"factcheck: {output}: a claims file must be in the article's folder or above it, "
                         f"so that `[article] text` can point at {article}\n")
        return 2
    if not to_stdout and not _output_is_not_the_article(output, article):
        return 2
    draft = draft_article(text, text_path=Path(relative).as_posix(), source=article.name)
    toml = draft_toml(draft)
    if to_stdout:
        sys.stdout.write(toml)
    else:
        try:
            write_draft(toml, output, force=args.force)
        except (FileExistsError, OSError) as exc:
            reason = str(exc) if isinstance(exc, (DraftExistsError, OutputError)) else f"{output}: {exc.strerror or exc}"
            sys.stderr.write(f"factcheck: {reason}\n")
            return 2
    claims = draft.claims()
    checks = sum(1 for s in draft.sentences if s.check is not None)
    sys.stderr.write(f"{'drafted' if to_stdout else 'wrote ' + str(output)}: {len(draft.sentences)} sentences, "
                     f"{len(claims)} draft claims, {checks} sentences with a guessed check\n")
    return 0


def _output_is_not_the_article(output: Path, article: Path) -> bool:
    """`extract -o FILE --force` replaced whatever FILE was, even the article it had just read."""
    from factcheck.errors import InputOverwriteError  # noqa: PLC0415
    from factcheck.runner.output import refuse_inputs

    try:
        refuse_inputs(output, [(article, f"the article {str(article)!r}")])
    except InputOverwriteError as exc:
        sys.stderr.write(f"factcheck: will not write the draft over {exc.what}: this run reads it\n")
        return False
    return True


def run_suggest(args: argparse.Namespace) -> int:
    """Exit 0 with the suggestions; 2 when the file cannot be read, or a bug stopped the suggestions (said
    on standard error, never as a traceback)."""
    from factcheck.load.claimsfile import load_claims_file  # noqa: PLC0415
    from factcheck.errors import ClaimsFileError  # noqa: PLC0415
    from factcheck.report.text import one_line  # noqa: PLC0415

    if args.limit < 1:
        sys.stderr.write("factcheck: --limit must be at least 1\n")
        return 2
    try:
        claims_file = load_claims_file(args.path)
        text = _suggestions(claims_file, args)
    except ClaimsFileError as exc:
        sys.stderr.write(f"factcheck: {one_line(str(exc))}\n")
        return 2
    except Exception as exc:  # noqa: BLE001 - a hostile file must give a message, not a traceback
        sys.stderr.write(f"factcheck: {one_line(args.path)}: internal error while suggesting inputs for this file "
                         f"({type(exc).__name__}: {one_line(str(exc))[:300]}); please report it\n")
        return 2
    sys.stdout.write(text)
    return 0


def _suggestions(claims_file: ClaimsFile, args: argparse.Namespace) -> str:
    """The whole output, made before any of it is written: a failure part way never leaves half of it."""
    from factcheck.jsontext import dumps  # noqa: PLC0415
    from factcheck.report.text import one_line, safe_lines, shown_path  # noqa: PLC0415
    from factcheck.drafting.suggest import suggest_file  # noqa: PLC0415

    found = suggest_file(claims_file, limit=args.limit)
    if args.format == "json":
        document = {"format": 1, "path": args.path, "claims": [
            {"id": c.id, "kind": c.kind, "stated": c.stated, "line": c.line,
             "suggestions": [{"inputs": dict(s.inputs), "explanation": s.explanation, "distance": s.distance}
                             for s in c.suggestions]}
            for c in found]}
        return dumps(document, indent=1) + "\n"
    lines = [shown_path(args.path)]
    for claim in found:
        where = f":{claim.line}" if claim.line else ""
        lines.append(f"  {one_line(claim.id)}{where} ({claim.kind}) {claim.stated!r}")
        if not claim.suggestions:
            lines.append("      no figure of the file reproduces it")
        for number, suggestion in enumerate(claim.suggestions, start=1):
            inputs = ", ".join(f"{field} = {name!r}" for field, name in suggestion.inputs)
            lines.append(f"    {number}. {inputs}: {one_line(suggestion.explanation)}")
    if not found:
        lines.append("  no claim needs inputs")
    # every line may begin with user text (a claim id, a figure name): none may begin a CI workflow command
    return safe_lines("\n".join(lines)) + "\n"
