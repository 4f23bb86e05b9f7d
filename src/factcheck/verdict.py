"""The verdicts a claim can get, in the order reports count them.

A module of its own, with nothing but the standard library, so that a run whose report parts all
come from the cache (`factcheck.cache`) can total them without loading the verifier.
"""

from __future__ import annotations

import enum

__all__ = ["Verdict"]


class Verdict(enum.Enum):
    SUPPORTED = "supported"
    LOOSE = "loose"
    CONTRADICTED = "contradicted"
    UNCHECKED = "unchecked"
    ERROR = "error"
