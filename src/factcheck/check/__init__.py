"""The engine: load → verify → diagnose. Names resolved to quantities, each kind's formula, the verdict
rules, the usual slips of a contradicted claim, and the pipeline every front end takes.

Nothing here is imported when the package is: a run answered from the cache never loads the engine.
"""

__all__: list[str] = []
