"""`factcheck schema`: the JSON Schema of claims files (format 1), for editors."""

from __future__ import annotations

import argparse
import sys

__all__ = ["add_arguments", "run"]


def add_arguments(schema: argparse.ArgumentParser) -> None:
    """No arguments."""
    from factcheck.cli.teaching import examples

    examples(
        schema,
        "factcheck schema > claims.schema.json    # for an editor's TOML language server",
        "factcheck schema | python -m json.tool   # read it",
    )


def run(args: argparse.Namespace) -> int:
    from factcheck.schema import schema_text

    sys.stdout.write(schema_text())
    return 0
