"""`factcheck suggest --write`: which suggestions are clear enough to write, and the claims file with them.

A claim's inputs are written only when one suggestion is clearly the best (`choose`): it is of the
claim's own kind, its periods do not run backwards, and the runner-up (if any) ranks below it on
the fit of its units to the words or on the order of its periods, or is at least half the stated
interval's width further from the centre. Anything else is listed, not written: a guess between
two figures that both reproduce the words is the reporter's to make, not ours.

The file is edited with tomlkit, which keeps every comment, blank line and layout it does not touch
byte for byte; it is imported only here, and this module only when a file is to be written.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Final

import attrs
import tomlkit  # this module is imported only to write: `suggest` without --write, and every check, never are
from tomlkit.exceptions import TOMLKitError

from factcheck.drafting.suggest import ClaimSuggestions, Suggestion
from factcheck.errors import FillError

__all__ = ["Choice", "choose", "filled_text"]

#: The runner-up must be at least this much further from the centre of the stated interval (in half-widths)
#: when it ranks alike on units and periods.
_CLEAR_DISTANCE: Final = 1.0
_BOM: Final = "\ufeff"


@attrs.frozen
class Choice:
    """What `--write` does with one claim: the inputs it writes, or why it writes none."""

    id: str
    line: int | None
    inputs: tuple[tuple[str, str], ...]  # empty: nothing written
    reason: str = ""  # why nothing is written


def choose(found: ClaimSuggestions) -> Choice:
    """The claim's best suggestion when it is clearly ahead (see the module's docstring), else why not."""
    suggestions = found.suggestions
    if not suggestions:
        return Choice(found.id, found.line, (), _none_reason(found))
    best = suggestions[0]
    if best.backwards:
        return Choice(
            found.id, found.line, (), "the only figures that reproduce it run from a later period to an earlier one"
        )
    runner_up = next((s for s in suggestions[1:] if not _clearly_behind(best, s)), None)
    if runner_up is not None:
        return Choice(found.id, found.line, (), f"ambiguous: {_names(best)} or {_names(runner_up)}")
    return Choice(found.id, found.line, best.inputs)


def _clearly_behind(best: Suggestion, other: Suggestion) -> bool:
    if (other.fit, -other.backwards) != (best.fit, -best.backwards):
        return (other.fit, -other.backwards) < (best.fit, -best.backwards)
    return other.distance - best.distance >= _CLEAR_DISTANCE


def _names(suggestion: Suggestion) -> str:
    return ", ".join(f"{field} = {name!r}" for field, name in suggestion.inputs)


def _none_reason(found: ClaimSuggestions) -> str:
    if found.other_kinds:
        kinds = " or ".join(f"a {kind} ({_names(s)})" for kind, s in found.other_kinds)
        return f"no figure reproduces it as a {found.kind}; it reads as {kinds}: change its kind first"
    return "no figure of the file reproduces it"


def filled_text(text: str, choices: Sequence[Choice]) -> str:
    """`text` (a claims file) with the chosen inputs written into their claims, and nothing else changed.

    Raises FillError when tomlkit would not give the file back byte for byte, or a claim is not found.
    """
    bom = _BOM if text.startswith(_BOM) else ""
    body = text.removeprefix(_BOM)
    try:
        document = tomlkit.parse(body)
    except TOMLKitError as exc:
        raise FillError(f"cannot be edited in place: {exc}") from None
    if tomlkit.dumps(document) != body:
        raise FillError("cannot be edited without changing its layout; fill the inputs by hand")
    wanted = {c.id: c.inputs for c in choices if c.inputs}
    done: set[str] = set()
    for sentence in _tables(document.get("sentences")):
        for claim in _tables(sentence.get("claims")):
            claim_id = claim.get("id")
            if not isinstance(claim_id, str) or claim_id not in wanted:
                continue
            for field, name in wanted[claim_id]:
                claim[field] = name
            done.add(claim_id)
    missing = sorted(set(wanted) - done)
    if missing:
        raise FillError(f"claim {missing[0]!r} is not where it was read; nothing written")
    return bom + tomlkit.dumps(document)


def _tables(value: object) -> list[dict[str, object]]:
    """The tables of an array of tables (or of inline tables); anything else has none."""
    if not isinstance(value, list):
        return []
    return [item for item in value if isinstance(item, dict)]
