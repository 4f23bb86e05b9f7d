"""What the command says to teach its user: each subcommand's examples, and the hint for a common slip.

Every subcommand's `--help` ends with two or three examples (an argparse epilog), so the help shows
the command as it is used, not only its options. Naming an article where a claims file is wanted
(`factcheck check story.txt`) is the newcomer's first slip: the command says which command they
meant instead of reporting that a text is not TOML.
"""

from __future__ import annotations

import argparse
import shlex
import sys
from collections.abc import Sequence
from pathlib import Path

__all__ = ["article_named", "examples", "refuse_articles"]

#: A named file larger than this is left to the loader (which says what is wrong with it), unread here.
_LARGEST = 4 * 1024 * 1024


def examples(parser: argparse.ArgumentParser, *lines: str) -> None:
    """End the subcommand's help with these example command lines (each `command  # what it does`)."""
    parser.formatter_class = argparse.RawDescriptionHelpFormatter
    parser.epilog = "examples:\n" + "\n".join(f"  {line}" for line in lines)


def article_named(path: str) -> bool:
    """True when `path` is a file that is not a claims file but plain text: an article, most likely.

    A file whose name ends in .toml is a claims file, whatever it holds (the loader says what is wrong
    with it); any other file is an article unless its start reads as TOML.
    """
    file = Path(path)
    try:
        if file.name.endswith(".toml") or not file.is_file() or file.stat().st_size > _LARGEST:
            return False
        text = file.read_bytes().decode("utf-8-sig")
    except (OSError, UnicodeDecodeError):
        return False  # the loader reports a file it cannot read
    import tomllib  # only for a file not named .toml: a check of claims files and folders never loads it

    try:
        tomllib.loads(text)
    except tomllib.TOMLDecodeError:
        return True
    return False


def refuse_articles(paths: Sequence[str]) -> bool:
    """False (having said which command was meant) when a path named is an article, not a claims file."""
    from factcheck.report.text import one_line

    articles = [path for path in paths if article_named(path)]
    for path in articles:
        sys.stderr.write(
            f"factcheck: {one_line(path)} looks like an article, not a claims file: run "
            f"`factcheck extract {one_line(shlex.quote(path))}` to draft its claims file\n"
        )
    return not articles
