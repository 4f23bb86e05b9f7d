"""`factcheck schema`: the JSON Schema of claims files (format 1), for editors."""

from __future__ import annotations

import argparse
import sys

__all__ = ["add_arguments", "run"]


def add_arguments(schema: argparse.ArgumentParser) -> None:
    """No arguments."""


def run(args: argparse.Namespace) -> int:
    from factcheck.schema import schema_text

    sys.stdout.write(schema_text())
    return 0
