"""Sphinx configuration: Markdown pages (MyST), the Python API from docstrings (autodoc), the furo theme.

Build with `bash scripts/build-docs` (or `python -m sphinx -W --keep-going -b html docs docs/_build/html`):
every warning is an error, so a broken link, a page left out of the table of contents or a docstring
that does not parse fails the build.
"""

from __future__ import annotations

import sys
from importlib.metadata import version as _version
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent / "_ext"))

project = "factcheck"
author = "factcheck developers"
copyright = "factcheck developers"  # the name Sphinx reads
release = _version("factcheck")
version = release

extensions = [
    "myst_parser",
    "sphinx.ext.autodoc",
    "sphinx.ext.napoleon",  # the "Raises:" sections of the docstrings
    "wordtable",  # docs/_ext/wordtable.py: the word table, generated from the code
]

source_suffix = {".md": "markdown"}
root_doc = "index"
exclude_patterns = ["_build", "_ext"]
myst_heading_anchors = 3  # links to a section of another page: claims-format.md#ranks

autodoc_member_order = "bysource"
autodoc_typehints = "description"

html_theme = "furo"
html_title = "factcheck"
html_static_path: list[str] = []
autodoc_inherit_docstrings = False  # a record without a docstring of its own would show its base class's

# Quotes stay as written: the pages quote words and TOML exactly, and "…" must not become “…”.
smartquotes = False
