"""`factcheck extract`: a draft claims file from an article's text, written beside it (or where asked)."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from factcheck.cli.outputs import output_is_not_an_input
from factcheck.cli.teaching import examples

__all__ = ["add_arguments", "run"]


def add_arguments(extract: argparse.ArgumentParser) -> None:
    extract.add_argument("article", metavar="ARTICLE", help="the article's text (UTF-8)")
    extract.add_argument(
        "--output",
        "-o",
        metavar="FILE",
        help="where to write the draft (default: ARTICLE with .claims.toml; '-' for standard output)",
    )
    extract.add_argument("--force", action="store_true", help="replace FILE if it exists")
    examples(
        extract,
        "factcheck extract story.txt              # writes story.claims.toml beside it",
        "factcheck extract articles/story.txt -o claims/story.claims.toml",
        "factcheck extract story.txt -o -         # the draft on standard output",
    )


def _default_output(article: Path) -> Path:
    name = article.name.removesuffix(".txt")
    return article.with_name(name + ".claims.toml")


def run(args: argparse.Namespace) -> int:
    """Exit 0 with the draft written; 2 when the article cannot be read or the draft cannot be written."""
    from factcheck.drafting.extract import draft_article
    from factcheck.drafting.toml_writer import draft_toml
    from factcheck.errors import DraftExistsError, OutputError
    from factcheck.report.summary import counted
    from factcheck.runner.output import write_draft

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
        sys.stderr.write(
            f"factcheck: {output}: a claims file must be in the article's folder or above it, "
            f"so that `[article] text` can point at {article}\n"
        )
        return 2
    if not to_stdout and not output_is_not_an_input(output, [(article, f"the article {str(article)!r}")], "draft"):
        return 2
    draft = draft_article(text, text_path=Path(relative).as_posix(), source=article.name)
    shown = "FILE" if to_stdout else str(output)
    toml = draft_toml(draft, shown)
    if to_stdout:
        sys.stdout.write(toml)
    else:
        try:
            write_draft(toml, output, force=args.force)
        except (FileExistsError, OSError) as exc:
            reason = (
                str(exc) if isinstance(exc, (DraftExistsError, OutputError)) else f"{output}: {exc.strerror or exc}"
            )
            sys.stderr.write(f"factcheck: {reason}\n")
            return 2
    claims = draft.claims()
    checks = sum(1 for s in draft.sentences if s.check is not None)
    sys.stderr.write(
        f"{'drafted' if to_stdout else 'wrote ' + str(output)}: {counted(len(draft.sentences), 'sentence')}, "
        f"{counted(len(claims), 'draft claim')}, {counted(checks, 'sentence')} with a guessed check\n"
    )
    for reason in draft.unfinished(shown):  # why `factcheck check` fails on the draft as it stands
        sys.stderr.write(f"  {reason}\n")
    return 0
