"""The JSON Schema of claims files (format 1), shipped for editors and CI; `factcheck schema` prints it.

The schema describes the TOML file as a TOML-aware tool sees it as JSON: TOML dates are ISO date
strings (`"format": "date"`). The library does not validate with it at run time (the loader checks
everything itself, with file:line messages); it is for editors (taplo, Even Better TOML) and tests.
"""

from __future__ import annotations

import json
from importlib.resources import files
from typing import Any, Final

__all__ = ["SCHEMA_NAME", "load_schema", "schema_text"]

SCHEMA_NAME: Final = "claims-format-1.schema.json"


def schema_text() -> str:
    """The schema, as the JSON text shipped in the package."""
    return files(__name__).joinpath(SCHEMA_NAME).read_text(encoding="utf-8")


def load_schema() -> dict[str, Any]:
    schema: dict[str, Any] = json.loads(schema_text())
    return schema
