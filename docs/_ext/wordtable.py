"""A Sphinx extension: the word table of words.md, generated from factcheck's own code at build time.

The table is what `factcheck words` prints, so the documentation can never disagree with the code. It
is asked for through the installed `factcheck` console script's entry point, not a module path, so it
keeps working while the package is reorganised inside.
"""

from __future__ import annotations

import contextlib
import io
from importlib.metadata import entry_points
from typing import Any

#: The line in a page that the generated table replaces.
PLACEHOLDER = "<!-- the word table, generated from the code by docs/_ext/wordtable.py -->"


def word_table() -> str:
    """The Markdown table `factcheck words` prints, without the markers it may wrap it in."""
    (script,) = entry_points(group="console_scripts", name="factcheck")
    main = script.load()
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        status = main(["words"])
    if status:
        msg = f"`factcheck words` exited with status {status}"
        raise RuntimeError(msg)
    lines = [line for line in out.getvalue().splitlines() if not line.startswith("<!-- words:")]
    return "\n".join(lines).strip() + "\n"


def _insert_table(app: Any, docname: str, source: list[str]) -> None:
    if PLACEHOLDER in source[0]:
        source[0] = source[0].replace(PLACEHOLDER, word_table())


def setup(app: Any) -> dict[str, Any]:
    app.connect("source-read", _insert_table)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
