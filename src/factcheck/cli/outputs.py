"""The command's rule for the files it writes: never over a file the same run reads, and say why.

`check -o`, `report -o` and `extract -o` all refuse to write over an input (a claims file, an
article text one names, the article drafted from); each says so on standard error and exits 2.
"""

from __future__ import annotations

import sys
from collections.abc import Iterable, Iterator
from pathlib import Path

__all__ = ["article_inputs", "claims_inputs", "output_is_not_an_input"]


def claims_inputs(found: Iterable[tuple[str, str | None]]) -> Iterator[tuple[str, str]]:
    """The claims files of a run, each with what it is, as `output_is_not_an_input` names them."""
    return ((path, f"the claims file {path!r}") for path, problem in found if problem is None)


def article_inputs(read: Iterable[tuple[str, str | None]]) -> Iterator[tuple[Path, str]]:
    """The article texts and tables the claims files name (as the loader finds them: relative to the file's
    folder); a name with a table's extension is called a table, in the message only."""
    for path, article in read:
        if article is not None:
            what = "table" if Path(article).suffix.lower() in _TABLE_SUFFIXES else "article text"
            yield Path(path).parent / article, f"the {what} {article!r} of {path!r}"


#: The extensions the table reader reads (load/tables.py): a file named with one is called a table.
_TABLE_SUFFIXES = frozenset({".csv", ".tsv", ".tab", ".xlsx", ".xlsm", ".xls", ".ods"})


def output_is_not_an_input(output: str | Path, inputs: Iterable[tuple[str | Path, str]], what: str = "report") -> bool:
    """True when `output` is none of `inputs`; otherwise says so on standard error (the caller exits 2)."""
    from factcheck.errors import InputOverwriteError
    from factcheck.runner.output import refuse_inputs

    try:
        refuse_inputs(output, inputs)
    except InputOverwriteError as exc:
        sys.stderr.write(f"factcheck: will not write the {what} over {exc.what}: this run reads it\n")
        return False
    return True
