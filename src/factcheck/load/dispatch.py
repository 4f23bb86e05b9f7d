"""Which reader a claims file needs: the loader for an ordinary one, the template reader for one with a
`[template]` table (one story, every area).

It sits above both, so that neither imports the other back, and a check of ordinary claims files
never imports the template reader: it is imported only for a file that is a template.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from factcheck.load.claimsfile import is_template, load_claims_data, parse_claims_toml, read_claims_bytes

if TYPE_CHECKING:
    from factcheck.load.template import TemplateFile
    from factcheck.model.claims import ClaimsFile

__all__ = ["load_claims"]


def load_claims(path: str | Path, data: bytes | None = None) -> ClaimsFile | TemplateFile:
    """The claims file at `path` (its bytes `data`, when read already): an ordinary one, or a template."""
    path = Path(path)
    shown = str(path)
    text, raw = parse_claims_toml(read_claims_bytes(path) if data is None else data, shown)
    if is_template(raw):
        from factcheck.load.template import load_template

        return load_template(raw, text, shown, base_dir=path.parent)
    return load_claims_data(raw, text, shown, base_dir=path.parent)
