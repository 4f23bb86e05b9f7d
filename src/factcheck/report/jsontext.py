"""JSON text that every reader accepts: standard JSON (no NaN or Infinity) and valid UTF-8.

Non-ASCII text is written as it is, for people reading the report, except lone surrogates: a file
name that is not valid UTF-8 reaches Python as text with surrogates standing for its bytes
(`os.fsdecode`), and these cannot be encoded. They are written as `\\udcXX` escapes, which JSON
allows and which a reader decodes back to the same name (`os.fsencode` gives the bytes). Only the
standard library is used here: the report cache writes its entries with it.
"""

from __future__ import annotations

import json
import re
from typing import Any, Final

__all__ = ["dumps"]

_SURROGATE: Final = re.compile("[\ud800-\udfff]")


def dumps(document: Any, *, indent: int | None = None) -> str:
    """`document` as JSON text; a value JSON cannot hold (NaN, infinity) raises ValueError rather than
    being written as something a strict reader refuses."""
    text = json.dumps(document, ensure_ascii=False, indent=indent, allow_nan=False)
    if text.isascii():
        return text
    try:  # encoding is the quickest test for a surrogate: several times quicker than a regex search
        text.encode("utf-8")
    except UnicodeEncodeError:
        return _SURROGATE.sub(_escape, text)
    return text


def _escape(match: re.Match[str]) -> str:
    # A surrogate can only stand inside a JSON string (all else is ASCII), where this escape is valid.
    return f"\\u{ord(match.group()):04x}"
