"""Checking many files: streaming the report, `-j N`, the report cache, and writing files safely.

Nothing here is imported when the package is: each module is loaded by the command that needs it.
"""

__all__: list[str] = []
