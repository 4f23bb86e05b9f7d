"""Shared paths for the tests: the repository's example, the fixtures, and the labelled set beside it."""

from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "tests" / "data"
EVAL = ROOT.parent / "shared" / "eval"


def labelled_articles() -> list[Path]:
    """Articles with a hand-made claims file: the fixtures, the example and the evaluation set if present."""
    folders = [DATA, ROOT / "claims", EVAL]
    return [p for f in folders if f.is_dir() for p in sorted(f.glob("*.txt"))
            if p.with_name(p.name[:-4] + ".claims.toml").exists()]
