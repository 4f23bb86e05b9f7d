"""What words mean: the one word table, the reader of `stated` phrases, and the table as Markdown.

A word's meaning is looked up in `table`; nothing else in the library keeps a list of words.
"""

__all__: list[str] = []
