"""Quantities and their units (check/quantity.py): the weakest source and the figures a value rests on."""

from __future__ import annotations

import itertools

from factcheck.check.quantity import merge_figures, weakest_basis
from factcheck.model.claims import SourceKind


def test_weakest_and_merge_agree_with_their_plain_definitions() -> None:
    """The two-argument helpers every recompute calls, against the obvious code, exhaustively."""
    kinds = [None, *SourceKind]
    for a, b in itertools.product(kinds, kinds):
        present = [k for k in (a, b) if k is not None]
        assert weakest_basis(a, b) is (max(present, key=lambda k: k.rank) if present else None)
    groups = [tuple(p) for n in range(4) for p in itertools.product("xyz", repeat=n)]
    for g, h in itertools.product(groups, groups):
        assert merge_figures(g, h) == tuple(dict.fromkeys((*g, *h)))
