"""`factcheck extract`: a draft claims file from an article's text, written beside it (or where asked).

Given two or more versions of one story (one per area), it drafts a template claims file that checks
them all (`drafting.template`), written where `--output` says.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from factcheck.cli.outputs import output_is_not_an_input
from factcheck.cli.teaching import examples

__all__ = ["add_arguments", "run"]


def add_arguments(extract: argparse.ArgumentParser) -> None:
    extract.add_argument(
        "article",
        metavar="ARTICLE",
        nargs="+",
        help="the article's text (UTF-8); two or more versions of one story (one per area) draft a template",
    )
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


def _read(article: Path) -> str | None:
    """The article's text; None (said on standard error) when it cannot be read."""
    try:
        return article.read_bytes().decode("utf-8-sig")
    except OSError as exc:
        sys.stderr.write(f"factcheck: {article}: cannot read the article: {exc.strerror or exc}\n")
    except UnicodeDecodeError as exc:
        sys.stderr.write(f"factcheck: {article}: not UTF-8 text (byte {exc.start} cannot be decoded)\n")
    return None


def run(args: argparse.Namespace) -> int:
    """Exit 0 with the draft written; 2 when the article cannot be read or the draft cannot be written."""
    from factcheck.drafting.extract import draft_article
    from factcheck.drafting.toml_writer import draft_toml
    from factcheck.report.summary import counted

    if len(args.article) > 1:
        return _run_template(args)
    article = Path(args.article[0])
    text = _read(article)
    if text is None:
        return 2
    to_stdout = args.output == "-"
    output = Path.cwd() / "-" if to_stdout else Path(args.output) if args.output else _default_output(article)
    relative = _pointing_at(article, output, "a claims file must be in the article's folder", "`[article] text`")
    if relative is None:
        return 2
    if not to_stdout and not output_is_not_an_input(output, [(article, f"the article {str(article)!r}")], "draft"):
        return 2
    draft = draft_article(text, text_path=Path(relative).as_posix(), source=article.name)
    shown = "FILE" if to_stdout else str(output)
    toml = draft_toml(draft, shown)
    if not _emit(toml, output, to_stdout=to_stdout, force=args.force):
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


def _run_template(args: argparse.Namespace) -> int:
    """A template drafted from several versions of one story, written to `--output` (required)."""
    from factcheck.drafting.template import draft_template, template_toml
    from factcheck.errors import TemplateDraftError
    from factcheck.report.summary import counted

    articles = [Path(name) for name in args.article]
    if args.output is None:
        sys.stderr.write(
            "factcheck: several versions draft one template: say where to write it with --output FILE "
            "(in the versions' folder or above it), or '-' for standard output\n"
        )
        return 2
    to_stdout = args.output == "-"
    output = Path.cwd() / "-" if to_stdout else Path(args.output)
    versions = []
    for article in articles:
        text = _read(article)
        if text is None:
            return 2
        relative = _pointing_at(
            article, output, "a template must be in its versions' folder", "its `[template] versions`"
        )
        if relative is None:
            return 2
        versions.append((Path(relative).as_posix(), text))
    inputs = [(article, f"the version {str(article)!r}") for article in articles]
    if not to_stdout and not output_is_not_an_input(output, inputs, "draft"):
        return 2
    try:
        drafted = draft_template(versions)
    except TemplateDraftError as exc:
        sys.stderr.write(f"factcheck: {exc}\n")
        return 2
    toml = template_toml(drafted)
    if not _emit(toml, output, to_stdout=to_stdout, force=args.force):
        return 2
    draft = drafted.draft
    slots = len({name for sentence in draft.sentences for name in _slots(sentence.text)})
    sys.stderr.write(
        f"{'drafted' if to_stdout else 'wrote ' + str(output)}: a template of {counted(len(versions), 'version')}, "
        f"{counted(len(draft.sentences), 'sentence')}, {counted(slots, 'slot')}, "
        f"{counted(len(draft.claims()), 'draft claim')}\n"
    )
    return 0


def _pointing_at(article: Path, output: Path, rule: str, field: str) -> str | None:
    """The article's path from the draft's folder, as the draft's `field` gives it; None (said on standard
    error) when the draft would be outside the article's folder and could not point at it."""
    relative = os.path.relpath(article.resolve(), output.resolve().parent)
    if relative.startswith(os.pardir) or os.path.isabs(relative):
        sys.stderr.write(f"factcheck: {output}: {rule} or above it, so that {field} can point at {article}\n")
        return None
    return relative


def _emit(toml: str, output: Path, *, to_stdout: bool, force: bool) -> bool:
    """Write the draft to standard output or to `output` (never over a file unless `force`); False (said on
    standard error) when it could not be written."""
    from factcheck.errors import DraftExistsError, OutputError
    from factcheck.runner.output import write_draft

    if to_stdout:
        sys.stdout.write(toml)
        return True
    try:
        write_draft(toml, output, force=force)
    except (FileExistsError, OSError) as exc:
        reason = str(exc) if isinstance(exc, (DraftExistsError, OutputError)) else f"{output}: {exc.strerror or exc}"
        sys.stderr.write(f"factcheck: {reason}\n")
        return False
    return True


def _slots(text: str) -> list[str]:
    from factcheck.load.slots import Slot, parse_slots

    return [piece.name for piece in parse_slots(text)[0] if isinstance(piece, Slot)]
