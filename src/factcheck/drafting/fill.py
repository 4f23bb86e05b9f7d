"""`factcheck suggest --write`: which suggestions are clear enough to write, and the claims file with them.

A claim's inputs are written only when one choice is clearly the best (`choose`): of the claim's own
kind; ranked by whether it reproduces the words, the fit of its units to them, the order of its
periods, how many of its inputs are the figures of its sentence (and of the sentence before), and
whether its two inputs are one series (`flytip_2022`, `flytip_2023`); a share's part and whole of
two periods are never written. The runner-up must rank below it, or be at least half the stated
interval's width further from the centre; anything else is listed as ambiguous, for the reporter.

An article can be wrong, so a claim is also filled with what it is about when nothing reproduces
its words, marked as not reproducing them (`check` then says how far off it is): a change of its
sentence's own figure takes that figure's series (even over a coincidence of other figures, which
would make a wrong sentence pass); words reproduced only backwards in time get the figures in time
order; "10 paramedics" takes the figure in paramedics; else the nearest figures
(`suggest_file(nearest=True)`). The docs (drafting.md) give the rule in words, and
bench/suggest_write.py measures it against hand-made files.

The file is edited with tomlkit, which keeps every comment, blank line and layout it does not touch
byte for byte; it is imported only here, and this module only when a file is to be written.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from typing import Final

import attrs
import tomlkit  # this module is imported only to write: `suggest` without --write, and every check, never are
from tomlkit.exceptions import TOMLKitError

from factcheck.drafting.suggest import ClaimSuggestions, Suggestion
from factcheck.errors import FillError
from factcheck.model.claims import ClaimsFile
from factcheck.model.kinds import Kind

__all__ = ["Choice", "choose", "choose_all", "filled_text"]

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
    reproduces: bool = True  # False: the nearest figures, written though they do not reproduce the words
    note: str = ""  # said of a choice written: why these figures


def choose_all(found: Sequence[ClaimSuggestions], claims_file: ClaimsFile) -> list[Choice]:
    """The choice for every claim: first each alone, then each claim of two inputs again with its sentence's
    figures and the sentence before it's ("That was up 7 per cent on…"), `choose`'s anchors: those the file
    already gives its claims of one input, and those just chosen."""
    first = [choose(f) for f in found]
    anchors: dict[int, set[str]] = {}
    for claim in claims_file.claims():
        if len(claim.INPUTS) == 1 and not claim.placeholders():
            anchors.setdefault(claim.sentence, set()).update(claim.inputs().values())
    for suggestions, choice in zip(found, first, strict=True):
        if len(choice.inputs) == 1 and choice.reproduces:
            anchors.setdefault(suggestions.sentence, set()).add(choice.inputs[0][1])
    times = {name: figure.period for name, figure in claims_file.figures.items()}
    return [_in_its_sentence(f, c, anchors, times, claims_file) for f, c in zip(found, first, strict=True)]


def _in_its_sentence(
    found: ClaimSuggestions,
    alone: Choice,
    anchors: Mapping[int, set[str]],
    times: Mapping[str, str | None],
    claims_file: ClaimsFile,
) -> Choice:
    """The choice for one claim, knowing the figures of its sentence and of the one before."""
    if found.kind == Kind.VALUE and not _a_figure_states_it(found) and not any(s.reproduces for s in found.suggestions):
        return _named_figure(found, claims_file) or alone
    if found.kind not in _TWO_INPUTS:
        return alone
    own = frozenset(anchors.get(found.sentence, ()))
    near = own | anchors.get(found.sentence - 1, set())
    choice = choose(found, near, periods=times)
    if found.kind in _PERIOD_KINDS:
        return _own_series(found, choice, own, near, claims_file)
    return choice


#: The kinds of two inputs that `suggest` fills, and those of them whose inputs run from one period to another.
_TWO_INPUTS: Final = frozenset(
    {Kind.RATE, Kind.ONE_IN, Kind.CHANGE, Kind.POINT_CHANGE, Kind.DIFFERENCE, Kind.RATIO, Kind.SHARE}
)
_PERIOD_KINDS: Final = frozenset({Kind.CHANGE, Kind.POINT_CHANGE, Kind.DIFFERENCE})


_WORD: Final = re.compile(r"[a-z]+")


def _named_figure(found: ClaimSuggestions, claims_file: ClaimsFile) -> Choice | None:
    """For a number that no figure reproduces: the one figure in the unit the sentence gives the number ("10
    paramedics") whose name's words, but for the unit, the sentence has ("More than 300 patients were
    removed": `removed`, of the figures in patients); or the only figure in that unit. None when not one."""
    if not 0 <= found.sentence < len(claims_file.sentences):
        return None
    text = claims_file.sentences[found.sentence].text.lower()
    stated = found.stated.lower()
    at = text.find(stated)
    if at < 0:
        return None
    after = _WORD.search(text, at + len(stated))
    if after is None or text[at + len(stated) : after.start()].strip():
        return None  # the number is not followed by a word
    noun = after.group()
    in_unit = [f for f in claims_file.figures.values() if _unit_is(f.unit, noun)]
    words = {w.rstrip("s") for w in _WORD.findall(text)}
    named = [f for f in in_unit if any(w.rstrip("s") in words for w in _name_words(f.name, f.unit))]
    chosen = named if len(in_unit) > 1 else in_unit
    if len(chosen) != 1:
        return None
    return Choice(found.id, found.line, (("figure", chosen[0].name),), reproduces=False)


def _unit_is(unit: str, noun: str) -> bool:
    unit = unit.lower()
    return noun in (unit, unit + "s", unit + "es") or (unit == "person" and noun == "people")


def _name_words(name: str, unit: str) -> list[str]:
    """The words of a figure's name that may be in a sentence: not its unit, nor a short code (`wm`, `gw`)."""
    unit = unit.lower()
    return [w for w in _WORD.findall(name.lower()) if len(w) > 2 and not _unit_is(unit, w) and w != unit]


def _own_series(
    found: ClaimSuggestions, choice: Choice, own: frozenset[str], near: frozenset[str], claims_file: ClaimsFile
) -> Choice:
    """A change is of its sentence's own figure ("31 people died, down three per cent on 2021"): when that
    figure has one earlier figure in its series, and the choice uses neither (other figures reproduce the words
    by coincidence, or none does), that pair is written instead, in time order. With no figure of its own, a
    change that nothing reproduces takes the series of the sentence before it's ("That was up 7 per cent")."""
    if own and not any(name in own for _, name in choice.inputs):
        series = _anchor_series(found, own, claims_file)
        if series is not None:
            note = f"instead of {_names_of(choice.inputs)}, which reproduce the words" if choice.reproduces else ""
            return attrs.evolve(series, note=note if choice.inputs else "")
    if not own and not any(s.reproduces for s in found.suggestions):
        return _anchor_series(found, near, claims_file) or choice
    return choice


def _anchor_series(found: ClaimSuggestions, anchors: frozenset[str], claims_file: ClaimsFile) -> Choice | None:
    """The one pair of figures (earlier, anchor) of one series (`_one_series`) at consecutive periods, of all the
    anchors' (None when there is not exactly one): not a reproduction, so the check says by how much it differs."""
    figures = claims_file.figures
    pairs = []
    for name in sorted(anchors):
        anchor = figures.get(name)
        if anchor is None or anchor.period is None:
            continue
        earlier = [
            f
            for f in figures.values()
            if f.name != name
            and f.period is not None
            and f.period < anchor.period
            and f.unit == anchor.unit
            and f.area == anchor.area
            and _DIGITS.sub("#", f.name) == _DIGITS.sub("#", name)
        ]
        latest = max((f.period or "" for f in earlier), default=None)
        previous = [f for f in earlier if f.period == latest]
        if len(previous) == 1:
            pairs.append((previous[0].name, name))
    if len(pairs) != 1:
        return None
    before, after = pairs[0]
    return Choice(found.id, found.line, (("from", before), ("to", after)), reproduces=False)


def choose(
    found: ClaimSuggestions,
    anchors: frozenset[str] = frozenset(),
    *,
    periods: Mapping[str, str | None] | None = None,
) -> Choice:
    """The claim's best suggestion when it is clearly ahead (see the module's docstring), else why not.

    `anchors`: the figures the claim's sentence gives its other claims. Two inputs of which one is an
    anchor rank ahead of two that are not, and two of one series (names alike but for their digits:
    `flytip_2022`, `flytip_2023`) ahead of two that are not.
    `periods` (each figure's): a share's part and whole of one period rank ahead of two of different
    periods, which are never written (last year's count as a share of this year's total is a slip).
    """
    suggestions = found.suggestions
    if not suggestions or (_a_figure_states_it(found) and not suggestions[0].reproduces):
        # one figure as it is reproduces the words (a drafted share that is a published percentage): the
        # kind is wrong, not the article; a combination of two figures that does is as often a coincidence
        return Choice(found.id, found.line, (), _none_reason(found))
    periods = periods or {}
    share = found.kind == Kind.SHARE
    ordered = sorted(suggestions, key=lambda s: _rank(s, anchors, share, periods), reverse=True)
    best = ordered[0]
    runner_up = next((s for s in ordered[1:] if not _clearly_behind(best, s, anchors, share, periods)), None)
    if runner_up is not None:
        return Choice(found.id, found.line, (), f"ambiguous: {_names(best)} or {_names(runner_up)}")
    if share and not _one_period(best, periods):
        return Choice(found.id, found.line, (), f"{_names(best)} are figures of different periods: check by hand")
    if best.backwards and len(best.inputs) == 2:
        # the words are reproduced only by reading from the later period to the earlier: the article has the
        # direction wrong, and the figures it is about are these in their order in time (the check will say so)
        (first, a), (second, b) = best.inputs
        return Choice(found.id, found.line, ((first, b), (second, a)), reproduces=False)
    return Choice(found.id, found.line, best.inputs, reproduces=best.reproduces)


def _rank(
    suggestion: Suggestion, anchors: frozenset[str], share: bool, periods: Mapping[str, str | None]
) -> tuple[int, ...]:
    """What decides between suggestions, most important first (the distance comes after)."""
    return (
        not share or _one_period(suggestion, periods),
        suggestion.reproduces,
        suggestion.fit,
        -suggestion.backwards,
        _anchored(suggestion, anchors),
        _one_series(suggestion),
    )


def _clearly_behind(
    best: Suggestion, other: Suggestion, anchors: frozenset[str], share: bool, periods: Mapping[str, str | None]
) -> bool:
    if _rank(other, anchors, share, periods) != _rank(best, anchors, share, periods):
        return True  # sorted: it ranks below
    return other.distance - best.distance >= _CLEAR_DISTANCE


def _one_period(suggestion: Suggestion, periods: Mapping[str, str | None]) -> bool:
    """Whether the inputs are of one period (an input whose period is not known: yes)."""
    known = {periods.get(name) for _, name in suggestion.inputs} - {None}
    return len(known) <= 1


def _anchored(suggestion: Suggestion, anchors: frozenset[str]) -> int:
    """How many of the inputs are the sentence's own figures."""
    return sum(name in anchors for _, name in suggestion.inputs)


_DIGITS: Final = re.compile(r"\d+")


def _one_series(suggestion: Suggestion) -> bool:
    """Whether two inputs are one series at two times: their names differ, and only in digits."""
    if len(suggestion.inputs) != 2:
        return False
    (_, a), (_, b) = suggestion.inputs
    return a != b and _DIGITS.sub("#", a) == _DIGITS.sub("#", b)


def _a_figure_states_it(found: ClaimSuggestions) -> bool:
    return any(kind == Kind.VALUE for kind, _ in found.other_kinds)


def _names(suggestion: Suggestion) -> str:
    return _names_of(suggestion.inputs)


def _names_of(inputs: tuple[tuple[str, str], ...]) -> str:
    return ", ".join(f"{field} = {name!r}" for field, name in inputs)


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
