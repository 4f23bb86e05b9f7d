"""Helpers shared by the tests: placing the malformed claims files of tests/data/bad/ in tmp_path.

The files there are named NAME.toml, not NAME.claims.toml, so that nothing that collects claims files
(`factcheck check tests/`, a pytest plugin) picks them up by accident; a test copies one into a
folder of its own as NAME.claims.toml, with any article text it names beside it.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

BAD = Path(__file__).parent / "data" / "bad"


def place_bad(folder: Path, name: str) -> Path:
    """Copy tests/data/bad/NAME.toml into `folder`/sub/ as NAME.claims.toml; return its path.

    It goes one level down so that `text = "../outside.txt"` has somewhere to point: `folder`
    also gets an outside.txt (a real file, so the rule refused is the folder rule, not "missing").
    """
    sub = folder / "sub"
    sub.mkdir(parents=True, exist_ok=True)
    (folder / "outside.txt").write_text("There were 1,405.\n", encoding="utf-8")
    for text in BAD.glob("*.txt"):
        shutil.copy(text, sub / text.name)
    target = sub / f"{name}.claims.toml"
    shutil.copy(BAD / f"{name}.toml", target)
    link = sub / "link.txt"
    if not link.exists():
        link.symlink_to(folder / "outside.txt")
    return target


@pytest.fixture
def bad_file(tmp_path: Path):  # type: ignore[no-untyped-def]
    """`bad_file("unknown-kind")` -> the path of that malformed file, placed in tmp_path."""
    return lambda name: place_bad(tmp_path, name)
