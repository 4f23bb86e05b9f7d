"""Reading files into records: TOML with exact decimals, the lines things start on, the loader, coverage.

Nothing here is imported when the package is: a run answered from the cache reads only `paths`.
"""

__all__: list[str] = []
