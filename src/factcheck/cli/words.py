"""`factcheck words`: the word table as Markdown, as the README and the docs show it."""

from __future__ import annotations

import argparse
import sys

__all__ = ["add_arguments", "run"]


def add_arguments(words: argparse.ArgumentParser) -> None:
    """No arguments."""


def run(args: argparse.Namespace) -> int:
    from factcheck.words.markdown import markdown_table

    sys.stdout.write(markdown_table())
    return 0
