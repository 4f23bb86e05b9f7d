"""JSON text that every reader accepts: standard JSON (no NaN or Infinity). Only the standard library
is used here: the streamed report's summary is written with it on a run answered from the cache.
"""

from __future__ import annotations

import json
from typing import Any

__all__ = ["dumps"]


def dumps(document: Any, *, indent: int | None = None) -> str:
    """`document` as JSON text; a value JSON cannot hold (NaN, infinity) raises ValueError rather than
    being written as something a strict reader refuses."""
    return json.dumps(document, ensure_ascii=False, indent=indent, allow_nan=False)
