"""Exact numbers, without words or files: intervals, units and how a number is shown.

The lowest layer but `errors`: everything above reads its numbers through these modules.
"""

__all__: list[str] = []
