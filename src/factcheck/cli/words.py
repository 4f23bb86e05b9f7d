"""`factcheck words`: the word table as Markdown, as the README and the docs show it."""

from __future__ import annotations

import argparse
import sys

__all__ = ["add_arguments", "run"]


def add_arguments(words: argparse.ArgumentParser) -> None:
    """No arguments."""
    from factcheck.cli.teaching import examples

    examples(
        words,
        "factcheck words                          # the table, as Markdown",
        "factcheck words > words.md               # to read it rendered",
    )


def run(args: argparse.Namespace) -> int:
    """The table alone: the markers that once framed the README's copy are not part of it."""
    from factcheck.words.markdown import BEGIN, END, markdown_table

    table = markdown_table().replace(BEGIN, "").replace(END, "").strip()
    sys.stdout.write(table + "\n")
    return 0
