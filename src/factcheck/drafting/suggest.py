"""Proposes inputs for draft claims: the figures of the file that reproduce the stated words.

For each claim whose inputs are placeholders ("?") or missing, every figure of the file (and every
claim with a value) is tried in each input, with the formula of the claim's kind; a candidate is
kept when the verifier itself calls it `supported`. Candidates are ranked by whether their units
fit the words (a "£" value wants money; "offences for every 100,000 people" wants offences over
people), then by the order of periods (a change runs from the earlier to the later), then by how
close the value is to the centre of the stated interval.

A quick exact pre-filter on the figures' central values keeps the verifier's work small: a
candidate is tried only when its value lies within the stated interval widened by its own width.

The candidates are not tried one by one, nor every pair of them: the ranking is walked best
first. The candidates are kept by unit, each unit's sorted by value, once per file; for a claim,
units that fit its words alike form a class, and a search over ranges of sorted values (pairs of
ranges, for two inputs) bounds the value of a whole range at once. A range that cannot reach the
widened interval is dropped, and the others are opened in the order of the best rank any
candidate in them could have, so the candidates come out in the order of the ranking and the
verifier is asked only until `limit` are supported. Bounds are worked out in floats with a margin
far above their error; exact arithmetic decides every candidate that comes near the top. A pair
whose units the format refuses for its kind (a change of offences into people; a point change
of anything but percentages) is never tried. The answers are those of trying every candidate,
in the same order; only the work differs (a test holds the two to each other).

A file that reads tables gets table cells too, for a draft `value` claim: every cell of every
declared column, indexed once per file by its value (sorted), so a claim looks up the cells near
its stated interval by bisection, not by a scan of the tables. Those the verifier calls supported
are ranked: a row whose key the sentence names first, then a column whose period the sentence
names (its year), then by closeness; each is shown as the `[figures]` entry to paste. A file with
no tables gets exactly the suggestions it always did.
"""

from __future__ import annotations

import bisect
import heapq
import json
import math
import re
from collections.abc import Iterator, Mapping
from fractions import Fraction
from typing import Final, Literal, NamedTuple, cast

import attrs

from factcheck.check.verifier import Verifier
from factcheck.errors import FactcheckError, UnitMismatchError
from factcheck.model.claims import (
    CLAIM_TYPES,
    BrokenClaim,
    Claim,
    ClaimsFile,
    ComparisonClaim,
    Figure,
    FormulaClaim,
    RankClaim,
    TableCells,
    ValueClaim,
    is_placeholder,
)
from factcheck.model.kinds import INPUTS, JUDGED_KINDS, Kind
from factcheck.model.verdicts import Verdict
from factcheck.numbers.exact import as_float, parts
from factcheck.numbers.interval import Interval
from factcheck.numbers.units import Unit, conversion, conversion_factor
from factcheck.words.stated import Stated, parse_stated
from factcheck.words.table import CURRENCIES

__all__ = ["CellSuggestion", "ClaimSuggestions", "Suggestion", "suggest_file"]

_FIELDS: Final[dict[str, tuple[str, ...]]] = {
    kind: INPUTS[kind] for kind in Kind if kind not in JUDGED_KINDS and kind != Kind.FORMULA
}
_HUNDRED: Final = Fraction(100)
#: Kinds whose two inputs fit better in the same unit (`_unit_fit`).
_SAME_UNIT_KINDS: Final = (Kind.CHANGE, Kind.DIFFERENCE, Kind.SHARE, Kind.POINT_CHANGE)
#: Kinds whose inputs run from one period to another (`_period_order`).
_PERIOD_KINDS: Final = (Kind.CHANGE, Kind.POINT_CHANGE, Kind.DIFFERENCE)
#: A range pair of at most this many candidates is opened into single candidates at once.
_SMALL: Final = 16


@attrs.frozen
class Suggestion:
    """Inputs that reproduce a claim's words, with the verifier's arithmetic."""

    inputs: tuple[tuple[str, str], ...]
    explanation: str
    distance: float  # from the centre of the stated interval, in half-widths
    #: how well the units fit the words (more is better): the ranking's first key (`_unit_fit`)
    fit: int = attrs.field(default=0, eq=False)
    #: 1 when the inputs run from a later period to an earlier one, else 0: the ranking's second key
    backwards: int = attrs.field(default=0, eq=False)
    #: False for the nearest figures when none reproduces the words (`suggest_file(nearest=True)`)
    reproduces: bool = attrs.field(default=True, eq=False)


@attrs.frozen
class CellSuggestion:
    """A table's cell that reproduces a draft value claim's words, and the `[figures]` entry to paste."""

    table: str
    row: str
    column: str
    explanation: str
    toml: str


@attrs.frozen
class ClaimSuggestions:
    id: str
    kind: str
    stated: str
    line: int | None
    suggestions: tuple[Suggestion, ...]
    #: when no figure reproduces the words as the claim's kind: the kinds that do, each with its best inputs
    other_kinds: tuple[tuple[str, Suggestion], ...] = ()
    sentence: int = 0  # the index of the claim's sentence in the file
    cells: tuple[CellSuggestion, ...] = ()


@attrs.frozen
class _Candidate:
    name: str
    value: Fraction
    unit: str
    period: str | None
    quantity_unit: Unit | None = None  # the unit the verifier reads it in (None: not known)


def suggest_file(
    claims_file: ClaimsFile, *, limit: int = 3, other_kinds: bool = False, nearest: bool = False
) -> list[ClaimSuggestions]:
    """Suggestions for every claim of the file that still needs its inputs.

    For a claim that nothing reproduces: with `other_kinds`, it is also tried as every other kind with
    inputs to fill (a drafted `value` that is a share); with `nearest`, the figures that come nearest
    its words (`_nearest`) are its suggestions, marked as not reproducing them (for a share, they follow its
    reproductions).
    """
    verifier = Verifier(claims_file)
    candidates = _candidates(claims_file, verifier)
    pools = _Pools(candidates)
    cells: _CellIndex | None = None  # made on the first draft value claim of a file with tables
    texts = {claim.id: sentence.text for sentence in claims_file.sentences for claim in sentence.claims}
    found = []
    for claim in claims_file.claims():
        if isinstance(claim, (BrokenClaim, ComparisonClaim, FormulaClaim, RankClaim)):
            continue
        if claim.inputs() and not claim.placeholders():
            continue
        ranked = _suggest(claim, pools, verifier, limit)
        from_tables: tuple[CellSuggestion, ...] = ()
        if claims_file.tables and isinstance(claim, ValueClaim):
            cells = cells or _CellIndex(claims_file.tables)
            from_tables = _suggest_cells(claim, texts.get(claim.id, ""), cells, verifier, limit)
        others = _other_kinds(claim, pools, verifier) if other_kinds and not ranked else ()
        if nearest and (not ranked or claim.kind == Kind.SHARE):
            # a share also gets them after its reproductions: its part and whole of one period may be nearest
            # the words while figures of two periods reproduce them by coincidence (`fill.choose` ranks them)
            known = {s.inputs for s in ranked}
            near = _nearest(claim, pools, verifier, _NEAREST_PER_SUGGESTION * limit)
            ranked += [s for s in near if s.inputs not in known]
        found.append(
            ClaimSuggestions(
                claim.id,
                claim.kind,
                claim.stated,
                claim.location.line,
                tuple(ranked),
                others,
                claim.sentence,
                from_tables,
            )
        )
    return found


# -- table cells ---------------------------------------------------------------------------------


class _CellIndex:
    """Every cell of every declared column of a file's tables, sorted by value: the cells near a value are a
    bisection away. A cell that holds no figure (suppressed, blank) is left out."""

    def __init__(self, tables: Mapping[str, TableCells]) -> None:
        found: list[tuple[float, Figure]] = []
        for table in tables.values():
            for column in table.declared:
                for figure in _column_figures(table, column):
                    value = _quick_float(figure.value)
                    if value is not None:
                        found.append((value, figure))
        found.sort(key=lambda item: item[0])
        self.values = [value for value, _ in found]
        self.figures = [figure for _, figure in found]

    def near(self, lo: float, hi: float) -> list[Figure]:
        """The cells whose value lies in [lo, hi]."""
        return self.figures[bisect.bisect_left(self.values, lo) : bisect.bisect_right(self.values, hi)]


def _quick_float(value: Fraction) -> float | None:
    """A cell's value as a float, for indexing only (exact arithmetic decides): None beyond a float's range."""
    numerator, denominator = parts(value)
    try:
        return numerator / denominator
    except OverflowError:
        return None


def _column_figures(table: TableCells, column: str) -> Iterator[Figure]:
    """The figures of a column: read in one pass down it, or cell by cell when the column cannot be listed
    whole (a doubled key, a figure without a key), so that every cell that holds a figure is offered."""
    try:
        listed = table.column(column)
    except FactcheckError:
        listed = None
    if listed is not None:
        yield from (found for _, found in listed if isinstance(found, Figure))
        return
    for row in dict.fromkeys(table.keys):
        try:
            yield table.figure(row, column)
        except FactcheckError:
            continue


#: The most cells near a claim's words that the verifier is asked about (a vague "dozens" may be near
#: thousands of cells of a large table; the best ranked are asked first).
_MOST_CELLS_TRIED: Final = 200


def _suggest_cells(
    claim: ValueClaim, sentence: str, cells: _CellIndex, verifier: Verifier, limit: int
) -> tuple[CellSuggestion, ...]:
    """Cells that reproduce a draft value claim's words, ranked: area named in the sentence, then period, then
    closeness; each checked by the verifier as the claim with that cell as its figure."""
    try:
        stated = parse_stated(claim.stated, claim.kind)
    except FactcheckError:
        return ()
    interval = stated.interval
    if interval.lo is None or interval.hi is None:
        return ()
    lo, hi = _float(interval.lo), _float(interval.hi)
    if lo is None or hi is None:
        return ()
    width = max(hi - lo, abs(hi) * 1e-9, 1e-12)
    scales = (1.0, 100.0, 0.01) if stated.unit == "percent" else (1.0,)  # a share may be stored as a fraction
    near: list[Figure] = []
    for scale in scales:
        near += cells.near(min(lo, hi) / scale - width, max(lo, hi) / scale + width)
    words = _sentence_words(sentence)
    centre = (lo + hi) / 2

    def rank(figure: Figure) -> tuple[int, int, float]:
        area = 0 if figure.area is not None and _names(words, figure.area) else 1
        period = 0 if figure.period is not None and _names_period(words, figure.period) else 1
        return area, period, abs((_quick_float(figure.value) or 0.0) - centre)

    found: list[CellSuggestion] = []
    for figure in sorted(near, key=rank)[:_MOST_CELLS_TRIED]:
        verifier.use_figure(figure)
        outcome = verifier.outcome(claim.with_inputs({"figure": figure.name}), remember=False)
        if outcome.verdict is not Verdict.SUPPORTED or figure.cell is None:
            continue
        cell = figure.cell
        found.append(
            CellSuggestion(cell.table, cell.row, cell.column, outcome.explanation, _figure_toml(claim, figure))
        )
        if len(found) == limit:
            break
    return tuple(found)


def _sentence_words(sentence: str) -> str:
    """The sentence folded for looking names up in it: lower case, white space single, "/" as "-"."""
    return " " + " ".join(sentence.casefold().replace("/", "-").replace("\u2013", "-").split()) + " "


def _names(words: str, name: str) -> bool:
    """Whether the folded sentence names `name` (a row's key) as whole words."""
    folded = " ".join(name.casefold().split())
    return bool(folded) and re.search(rf"(?<![\w]){re.escape(folded)}(?![\w])", words) is not None


def _names_period(words: str, period: str) -> bool:
    """Whether the sentence names the period: the period as written ("2023-24"), or its first year."""
    folded = period.casefold().replace("/", "-")
    year = re.match(r"\d{4}", folded)
    return _names(words, folded) or (year is not None and _names(words, year.group()))


def _figure_toml(claim: ValueClaim, figure: Figure) -> str:
    """The `[figures]` entry for a cell, named as the claim's placeholder suggests (or after the claim)."""
    hint = claim.figure[1:] if claim.figure is not None and is_placeholder(claim.figure) else ""
    name = re.sub(r"[^A-Za-z0-9_-]+", "_", hint or claim.id).strip("_") or "figure"
    cell = figure.cell
    assert cell is not None
    return (
        f"[figures.{name}]\ntable = {json.dumps(cell.table, ensure_ascii=False)}\n"
        f"row = {json.dumps(cell.row, ensure_ascii=False)}\ncolumn = {json.dumps(cell.column, ensure_ascii=False)}\n"
    )


def _other_kinds(claim: Claim, pools: _Pools, verifier: Verifier) -> tuple[tuple[str, Suggestion], ...]:
    """The best inputs of each other kind that reproduces the claim's words (the same id, words and options)."""
    found = []
    for kind, fields in _FIELDS.items():
        if kind == claim.kind:
            continue
        other = CLAIM_TYPES[kind](
            id=claim.id,
            stated=claim.stated,
            tolerance=claim.tolerance,
            direction=claim.direction,
            location=claim.location,
            sentence=claim.sentence,
        ).with_inputs(dict.fromkeys(fields, "?"))
        best = _suggest(cast("Claim", other), pools, verifier, 1)
        if best:
            found.append((str(kind), best[0]))
    return tuple(found)


def _candidates(claims_file: ClaimsFile, verifier: Verifier) -> list[_Candidate]:
    found = [
        _Candidate(f.name, f.value, f.unit, f.period, _unit_of(verifier, f.name)) for f in claims_file.figures.values()
    ]
    for claim in claims_file.claims():
        if isinstance(claim, (BrokenClaim, ComparisonClaim)) or not claim.inputs() or claim.placeholders():
            continue
        try:
            quantity = verifier.compute(claim)
        except (FactcheckError, ZeroDivisionError):
            continue
        if quantity.interval.is_bounded:
            found.append(_Candidate(claim.id, quantity.interval.centre, quantity.unit.text, None, quantity.unit))
    return found


def _unit_of(verifier: Verifier, name: str) -> Unit | None:
    try:
        return verifier.resolve(name).unit
    except (FactcheckError, ValueError):  # pragma: no cover - the loader has checked every figure's unit
        return None


def _read(claim: Claim) -> tuple[tuple[str, ...], Stated] | None:
    """The claim's input fields and its words read, or None when there is nothing to suggest for it."""
    fields = _FIELDS.get(claim.kind)
    if fields is None:
        return None
    try:
        return fields, parse_stated(claim.stated, claim.kind, direction_given=claim.direction is not None)
    except FactcheckError:
        return None


def _suggest(claim: Claim, pools: _Pools, verifier: Verifier, limit: int) -> list[Suggestion]:
    read = _read(claim)
    if read is None:
        return []
    fields, stated = read
    return _walk(claim, fields, stated, stated, pools, verifier, limit, reproduces=True)


#: The nearest figures are ranked on more than their distance (`fill.choose`): more of them are looked at.
_NEAREST_PER_SUGGESTION: Final = 3
#: How far from the stated number `_nearest` looks, relative to it (the search widens it by its own width again).
_NEAR: Final = Fraction(1, 10)


def _nearest(claim: Claim, pools: _Pools, verifier: Verifier, limit: int) -> list[Suggestion]:
    """The figures whose value comes nearest the stated number (within about 30% of it, of either sign for a
    change whatever its direction word), ranked as suggestions are: what a reporter meant when the article
    got it wrong. None of them reproduces the words; the verifier's explanation says by how much."""
    read = _read(claim)
    if read is None:
        return []
    fields, stated = read
    interval = stated.interval
    centre = stated.centre
    if centre is None:
        centre = interval.lo if interval.lo is not None else interval.hi
    if centre is None or centre == 0:
        return []
    size = abs(centre)
    around = attrs.evolve(stated, interval=Interval(size * (1 - _NEAR), size * (1 + _NEAR)), direction=None)
    return _walk(claim, fields, stated, around, pools, verifier, limit, reproduces=False)


def _walk(
    claim: Claim,
    fields: tuple[str, ...],
    stated: Stated,
    searched: Stated,
    pools: _Pools,
    verifier: Verifier,
    limit: int,
    *,
    reproduces: bool,
) -> list[Suggestion]:
    """The first `limit` combinations of figures the search for `searched` ranks that the verifier accepts:
    those that reproduce the words (`reproduces`), or else any it can compute (the nearest figures)."""
    kind = _arithmetic_kind(claim, stated)
    pool = pools.for_kind(kind)
    found: list[Suggestion] = []
    for leaf in _Search(claim, searched, pool, len(fields)).ranked():
        combo = tuple(pool.candidates[p] for p in leaf.positions)
        inputs = tuple((f, c.name) for f, c in zip(fields, combo, strict=True))
        # remember=False: a variant's value is not the claim's, and one verifier serves every claim of the file
        outcome = verifier.outcome(claim.with_inputs(dict(inputs)), remember=False)
        accepted = outcome.verdict is Verdict.SUPPORTED if reproduces else outcome.verdict is not Verdict.ERROR
        if not accepted:
            continue
        found.append(
            Suggestion(
                inputs,
                outcome.explanation,
                leaf.distance,
                _unit_fit(claim.stated, kind, combo),
                _period_order(kind, combo),
                reproduces=reproduces,
            )
        )
        if len(found) == limit:
            break
    return found


# -- the candidates of a file --------------------------------------------------------------------

#: Floats stand in for exact values only inside these magnitudes, where they are normal numbers.
_FLOAT_RANGE: Final = (1e-300, 1e300)


def _float(value: Fraction) -> float | None:
    """`value` as a float, when it is one whose error is relative (not too large, not vanishingly small)."""
    if value == 0:
        return 0.0
    if not _FLOAT_RANGE[0] < abs(value) < _FLOAT_RANGE[1]:
        return None
    return as_float(value)


class _Pool:
    """The candidates of a file: their positions by unit, each unit's in order of value, and merged classes."""

    def __init__(self, candidates: list[_Candidate]) -> None:
        self.candidates = candidates
        self.values = [c.value for c in candidates]
        self.floats = [_float(c.value) for c in candidates]
        by_unit: dict[str, list[int]] = {}
        for position, candidate in enumerate(candidates):
            by_unit.setdefault(candidate.unit, []).append(position)
        self.by_unit = {unit: sorted(positions, key=self.values.__getitem__) for unit, positions in by_unit.items()}
        self.merged: dict[tuple[str, ...], list[int]] = {}
        self.compatible: dict[tuple[object, object], bool] = {}
        # small numbers standing for each candidate's unit (as written) and dimensions, compared in the hot loop
        unit_ids: dict[str, int] = {}
        dims_ids: dict[object, int] = {}
        self.unit_id = [unit_ids.setdefault(c.unit, len(unit_ids)) for c in candidates]
        self.dims_id = [
            -1 - p if c.quantity_unit is None else dims_ids.setdefault(c.quantity_unit.dims, len(dims_ids))
            for p, c in enumerate(candidates)
        ]
        #: each unit's dimensions, as a small number, where all its candidates share them
        self.dims_of_unit: dict[str, int | None] = {}
        for unit, positions in self.by_unit.items():
            ids = {self.dims_id[p] for p in positions}
            self.dims_of_unit[unit] = ids.pop() if len(ids) == 1 else None
        self.named: dict[str, list[int]] = {}
        for position, candidate in enumerate(candidates):
            self.named.setdefault(candidate.name, []).append(position)

    def sorted_positions(self, units: tuple[str, ...]) -> list[int]:
        """The positions of every candidate in these units, in order of value (remembered: claims share classes)."""
        known = self.merged.get(units)
        if known is None:
            known = self.merged[units] = sorted(
                (p for unit in units for p in self.by_unit[unit]), key=self.values.__getitem__
            )
        return known

    def may_pair(self, kind: str, a: int, b: int) -> bool:
        """False when the format makes the pair an error for its units alone: a change, difference or share
        of units that measure different things (asked of `units` once for each pair of dimensions)."""
        return kind not in _COMPATIBLE_KINDS or self.dims_id[a] == self.dims_id[b] or self.compatible_at(a, b)

    def compatible_at(self, a: int, b: int) -> bool:
        """Whether the units of candidates `a` and `b` measure the same thing (not known: yes)."""
        unit_a, unit_b = self.candidates[a].quantity_unit, self.candidates[b].quantity_unit
        if unit_a is None or unit_b is None:
            return True
        key = (unit_a.dims, unit_b.dims)
        known = self.compatible.get(key)
        if known is None:
            try:
                conversion_factor(unit_a, unit_b)
            except UnitMismatchError:
                known = False
            else:
                known = True
            self.compatible[key] = known
        return known


#: Kinds whose value does not change when both inputs are read in one unit of what they measure (the
#: verifier reads one side in the other's unit): their candidates are compared in one unit per dimension.
_RATIO_LIKE: Final = frozenset({Kind.RATIO, Kind.ONE_IN, Kind.CHANGE, Kind.SHARE})


class _Pools:
    """The candidates as written, and (made when first needed) read in one unit per thing measured."""

    def __init__(self, candidates: list[_Candidate]) -> None:
        self.candidates = candidates
        self.as_written = _Pool(candidates)
        self._common: _Pool | None = None

    def for_kind(self, kind: str) -> _Pool:
        if kind not in _RATIO_LIKE:
            return self.as_written
        if self._common is None:
            self._common = _Pool(_in_common_units(self.candidates))
        return self._common


def _in_common_units(candidates: list[_Candidate]) -> list[_Candidate]:
    """Each candidate with its value read in the first unit seen of what it measures: 10 days and 2 weeks are
    10 and 14 (days), as the verifier compares them. A scale with an offset (temperatures) is left as written."""
    leaders: list[Unit] = []
    factors: dict[Unit, Fraction] = {}
    out = []
    for candidate in candidates:
        unit = candidate.quantity_unit
        if unit is None:
            out.append(candidate)
            continue
        factor = factors.get(unit)
        if factor is None:
            factor = factors[unit] = _factor_to_leader(unit, leaders)
        out.append(candidate if factor == 1 else attrs.evolve(candidate, value=candidate.value * factor))
    return out


def _factor_to_leader(unit: Unit, leaders: list[Unit]) -> Fraction:
    """The factor that reads `unit` in the first of `leaders` measuring the same thing (`unit` leads if none)."""
    for leader in leaders:
        try:
            change = conversion(unit, leader)
        except UnitMismatchError:
            continue
        return change.factor if not change.offset and change.factor > 0 else Fraction(1)
    leaders.append(unit)
    return Fraction(1)


# -- the best-first walk ----------------------------------------------------------------------------

_Bounds = tuple[float, float]
#: A range of a class's sorted positions: (the sorted positions, first, one past the last).
_Range = tuple[list[int], int, int]
#: Slack, relative to the magnitudes involved, on every float bound: far above the error of float
#: arithmetic (about 1e-16 an operation), far below any difference that matters; exact arithmetic
#: decides every candidate that a bound does not rule out by more than it.
_SLACK: Final = 1e-9


class _Node(NamedTuple):
    """Ranges of candidates not opened yet, with the unit fit they all share (a tuple: thousands are made)."""

    fit: int
    ranges: tuple[_Range, ...]
    one_unit: bool  # a unit's own range pair (`_roots`)
    unchecked: bool = False  # two classes of different dimensions, not yet asked whether they are compatible


#: What the heap holds, under the best rank anything in it can have (`_Search`): an exact candidate,
#: a candidate whose distance is known only from below (its positions), a range (pair) not opened.
_LEAF, _GUESS, _RANGES = 0, 1, 2


@attrs.frozen
class _Leaf:
    """A candidate that passes the pre-filter, with its exact distance."""

    positions: tuple[int, ...]
    distance: float


class _Search:
    """The candidates of one claim that pass the pre-filter, in the order of the ranking (`ranked`).

    A heap holds range (pair)s, guesses and exact candidates, each under the best rank anything in
    it can have: a range's fit is its candidates' own; its period order at least 0; its distance
    at least the least its float bounds allow; its positions at least 0. A guess has its exact fit,
    period order and positions, and a distance from below. So an exact candidate leaves the heap
    only when nothing left can rank before it, and exact arithmetic is done only for candidates
    that come near the top.
    """

    def __init__(self, claim: Claim, stated: Stated, pool: _Pool, inputs: int) -> None:
        self.claim = claim
        self.kind = _arithmetic_kind(claim, stated)
        self.stated = stated
        self.pool = pool
        self.inputs = inputs
        self.heap: list[tuple[tuple[float, ...], int, int, object]] = []
        self.excluded = frozenset(pool.named.get(claim.id, ()))  # the claim itself, when it has a value
        self.pushed = 0
        self.opened = 0  # ranges opened and candidates made exact: the work, for tests
        per = (stated.per or getattr(claim, "per", None)) if self.kind == Kind.RATE else Fraction(1)
        self.has_value = per is not None  # a rate with no `per` has none
        self.per = 0.0 if per is None else _float(per)
        interval = stated.interval
        lo, hi = interval.lo, interval.hi
        width = (hi - lo) if lo is not None and hi is not None else Fraction(0)
        self.size_only = stated.direction is None and lo is not None and lo >= 0
        self.low = None if lo is None else _float(lo - width)
        self.high = None if hi is None else _float(hi + width)
        self.centre: float | None = None  # None: every distance is 0, or (no float for it) at least 0
        self.half = 1.0
        if lo is not None and hi is not None and hi != lo:
            centre, half = _float(lo + (hi - lo) / 2), _float((hi - lo) / 2)
            if centre is not None and half:
                self.centre, self.half = centre, half
        # floats stand in for the claim's own numbers only where each is one (else every bound is "not known")
        self.floats_usable = (
            self.per is not None and (lo is None or self.low is not None) and (hi is None or self.high is not None)
        )
        self.window_slack = _SLACK * (abs(self.low or 0.0) + abs(self.high or 0.0))

    def ranked(self) -> Iterator[_Leaf]:
        if not self.has_value:
            return  # a rate with no `per`: no candidate has a value
        for root in _roots(self.claim, self.stated, self.pool, self.inputs):
            self.consider(root)
        heap = self.heap
        while heap:
            key, _, what, item = heapq.heappop(heap)
            self.opened += 1
            if what == _LEAF:
                yield item  # type: ignore[misc]
            elif what == _GUESS:
                self.make_exact(-int(key[0]), item)  # type: ignore[arg-type]
            else:
                node: _Node = item  # type: ignore[assignment]
                if node.unchecked:
                    if self.pool.compatible_at(node.ranges[0][0][0], node.ranges[1][0][0]):
                        self.consider(node._replace(unchecked=False))
                    continue
                if _count(node.ranges) <= _SMALL:
                    self.open(node)
                else:
                    for half in _halves(node.ranges):
                        self.consider(_Node(node.fit, half, node.one_unit))

    def push(self, key: tuple[float, ...], what: int, item: object) -> None:
        heapq.heappush(self.heap, (key, self.pushed, what, item))
        self.pushed += 1

    # -- ranges --------------------------------------------------------------------------------
    def consider(self, node: _Node) -> None:
        """Push a range (pair) under the best rank its candidates can have, unless none can pass."""
        bounds = self.range_bounds(node.ranges) if self.floats_usable else None
        if bounds is False:
            return
        if bounds is not None and not self.meets(bounds):
            return
        self.push((-node.fit, 0, self.nearest(bounds), 0, 0), _RANGES, node)

    def range_bounds(self, ranges: tuple[_Range, ...]) -> _Bounds | Literal[False] | None:
        """Bounds (with slack) on the kind's value over the ranges' candidates; None: not known; False: none has one."""
        hulls = []
        floats = self.pool.floats
        for positions, first, end in ranges:
            low, high = floats[positions[first]], floats[positions[end - 1]]
            if low is None or high is None:
                return None
            hulls.append((low, high))
        a = hulls[0]
        kind = self.kind
        extra = 0.0
        if kind == Kind.VALUE:
            scale = self.value_scale(ranges[0][0][ranges[0][1]])
            bounds: _Bounds | None = (a[0] * scale, a[1] * scale)
        else:
            b = hulls[1]
            if kind == Kind.SHARE and (a[1] < 0 or a[0] > b[1]):
                return False  # every part negative, or larger than every whole: `_value` gives none a value
            if kind in (Kind.RATE, Kind.RATIO, Kind.SHARE):
                factor = self.per if kind == Kind.RATE else _PERCENT_FLOAT if kind == Kind.SHARE else 1.0
                bounds = _scaled(_quotient(a, b), factor or 0.0)
            elif kind == Kind.ONE_IN:
                bounds = _quotient(b, a)
            elif kind == Kind.CHANGE:
                ratio = _quotient(b, a)
                bounds = None if ratio is None else ((ratio[0] - 1) * 100, (ratio[1] - 1) * 100)
                extra = 0.0 if ratio is None else 100 * (abs(ratio[0]) + abs(ratio[1]) + 1)
            else:  # point_change, difference
                bounds = (b[0] - a[1], b[1] - a[0])
                extra = abs(a[0]) + abs(a[1]) + abs(b[0]) + abs(b[1])
        if bounds is None or not (math.isfinite(bounds[0]) and math.isfinite(bounds[1])):
            return None
        slack = _SLACK * (abs(bounds[0]) + abs(bounds[1]) + extra)
        return bounds[0] - slack, bounds[1] + slack

    def meets(self, bounds: _Bounds) -> bool:
        """Whether some value in `bounds` (or its size) may pass the pre-filter (`_near`)."""
        lo, hi = _size(*bounds) if self.size_only else bounds
        slack = self.window_slack
        return (self.low is None or hi >= self.low - slack) and (self.high is None or lo <= self.high + slack)

    def nearest(self, bounds: _Bounds | None) -> float:
        """At most the least distance any value in `bounds` has (0 when not known)."""
        if self.centre is None or bounds is None:
            return 0.0
        lo, hi = _size(*bounds) if self.size_only else bounds
        if lo <= self.centre <= hi:
            return 0.0
        gap = min(abs(lo - self.centre), abs(hi - self.centre)) - _SLACK * abs(self.centre)
        return max(0.0, gap / self.half * (1 - _SLACK))

    def value_scale(self, position: int) -> float:
        """A value in percent of a fraction is × 100 (`_value`); a class's units are alike in this."""
        fraction = self.stated.unit == "percent" and _unit_is_fraction(self.pool.candidates[position].unit)
        return _PERCENT_FLOAT if fraction else 1.0

    # -- single candidates ---------------------------------------------------------------------
    def open(self, node: _Node) -> None:
        """Push each candidate of a small range (pair), its distance bounded from below by floats (exact if need be).

        The hot loop of the walk: what it compares is looked up by position in the pool's lists.
        """
        pool = self.pool
        kind = self.kind
        excluded = self.excluded
        unit_id = pool.unit_id
        fit = node.fit
        one_unit_pairs_elsewhere = not node.one_unit and kind in _SAME_UNIT_KINDS
        periods = kind in _PERIOD_KINDS
        low, high, centre, half = self.low, self.high, self.centre, self.half
        size_only = self.size_only
        for combo in _combos(node.ranges):
            if excluded and not excluded.isdisjoint(combo):
                continue
            period = 0
            if len(combo) == 2:
                a, b = combo
                if a == b or (one_unit_pairs_elsewhere and unit_id[a] == unit_id[b]):
                    continue  # a pair in one unit is found in that unit's own range pair, where it ranks higher
                if not pool.may_pair(kind, a, b):
                    continue
                if periods:
                    period = _period_order(kind, (pool.candidates[a], pool.candidates[b]))
            point = self.point_value(combo) if self.floats_usable else None
            if point is False:
                continue
            if point is None:
                self.make_exact(fit, combo)
                continue
            value, error = point
            size = abs(value) if size_only else value
            slack = error + self.window_slack
            if (low is not None and size < low - slack) or (high is not None and size > high + slack):
                continue
            distance = 0.0
            if centre is not None:
                gap = abs(size - centre) - error - _SLACK * abs(centre)
                distance = max(0.0, gap / half * (1 - _SLACK))
            self.push((-fit, period, distance, *combo), _GUESS, combo)

    def point_value(self, combo: tuple[int, ...]) -> tuple[float, float] | Literal[False] | None:
        """The kind's value of one candidate in floats, with a bound on its error.

        None: floats will not do (exact arithmetic decides); False: `_value` gives it no value (a
        zero denominator, a share's part negative or above its whole), which floats tell exactly as
        every nonzero candidate's float is a normal number of its sign and order.
        """
        floats = self.pool.floats
        a = floats[combo[0]]
        kind = self.kind
        if a is None:
            return None
        if kind == Kind.VALUE:
            value = a * self.value_scale(combo[0])
            return value, _SLACK * abs(value)
        b = floats[combo[1]]
        if b is None:
            return None
        error = 0.0
        if kind in (Kind.RATE, Kind.RATIO, Kind.SHARE):
            if b == 0 or (kind == Kind.SHARE and (a > b or a < 0)):
                return False
            factor = self.per if kind == Kind.RATE else _PERCENT_FLOAT if kind == Kind.SHARE else 1.0
            value = a / b * (factor or 0.0)
        elif kind in (Kind.ONE_IN, Kind.CHANGE):
            if a == 0:
                return False
            value = b / a
            if kind == Kind.CHANGE:
                error = 100 * (abs(value) + 1)
                value = (value - 1) * 100
        else:  # point_change, difference
            value = b - a
            error = abs(a) + abs(b)
        if not math.isfinite(value):
            return None
        return value, _SLACK * (abs(value) + error)

    def make_exact(self, fit: int, combo: tuple[int, ...]) -> None:
        """Push a candidate under its exact rank, when it passes the pre-filter exactly as trying it would."""
        chosen = tuple(self.pool.candidates[p] for p in combo)
        value = _value(self.claim, self.stated, chosen)
        if value is None or not _near(value, self.stated):
            return
        distance = _distance(value, self.stated)
        self.push((-fit, _period_order(self.kind, chosen), distance, *combo), _LEAF, _Leaf(combo, distance))


_PERCENT_FLOAT: Final = 100.0
#: Kinds whose two inputs must measure the same thing (the format: an error otherwise).
_COMPATIBLE_KINDS: Final = (Kind.CHANGE, Kind.DIFFERENCE, Kind.SHARE)
#: Above this many dimensions in a file, classes are not split by them (pairs are still checked one by one).
_MANY_DIMENSIONS: Final = 32


def _size(lo: float, hi: float) -> _Bounds:
    """The sizes of the values in [lo, hi]."""
    if lo >= 0:
        return lo, hi
    if hi <= 0:
        return -hi, -lo
    return 0.0, max(-lo, hi)


def _quotient(a: _Bounds, b: _Bounds) -> _Bounds | None:
    if b[0] <= 0 <= b[1]:
        return None
    quotients = (a[0] / b[0], a[0] / b[1], a[1] / b[0], a[1] / b[1])
    return min(quotients), max(quotients)


def _scaled(bounds: _Bounds | None, factor: float) -> _Bounds | None:
    if bounds is None:
        return None
    lo, hi = bounds[0] * factor, bounds[1] * factor
    return (lo, hi) if lo <= hi else (hi, lo)


def _count(ranges: tuple[_Range, ...]) -> int:
    total = 1
    for _, first, end in ranges:
        total *= end - first
    return total


def _combos(ranges: tuple[_Range, ...]) -> Iterator[tuple[int, ...]]:
    if len(ranges) == 1:
        positions, first, end = ranges[0]
        yield from ((p,) for p in positions[first:end])
        return
    (left, l_first, l_end), (right, r_first, r_end) = ranges
    for a in left[l_first:l_end]:
        for b in right[r_first:r_end]:
            yield a, b


def _halves(ranges: tuple[_Range, ...]) -> tuple[tuple[_Range, ...], ...]:
    """The two halves of a range pair, split on its longer side."""
    widest = max(range(len(ranges)), key=lambda k: ranges[k][2] - ranges[k][1])
    positions, first, end = ranges[widest]
    middle = (first + end) // 2
    return tuple(
        (*ranges[:widest], (positions, lo, hi), *ranges[widest + 1 :]) for lo, hi in ((first, middle), (middle, end))
    )


def _roots(claim: Claim, stated: Stated, pool: _Pool, inputs: int) -> Iterator[_Node]:
    """The starting range (pairs), each with the unit fit all its candidates share.

    Units are classed by what `_unit_fit` sees of them alone; a pair's fit is then its classes',
    and one more for a pair in one unit where that counts (those pairs come from each unit's own
    range pair, and are left out of the classes' pairs). For a change, difference or share the
    classes are also split by dimensions, and a pair of classes that measure different things is
    dropped when it is reached (the format makes such a claim an error). A point change takes
    percentages only (the format: its figures are in percent; anything else is an error).
    """
    kind = _arithmetic_kind(claim, stated)
    words = _words(claim.stated)
    money = _MONEY.search(claim.stated) is not None
    scaled = inputs == 1 and stated.unit == "percent"  # a value in percent of a fraction: × 100, an order kept
    by_dims = kind in _COMPATIBLE_KINDS and len(pool.dims_of_unit) <= _MANY_DIMENSIONS
    classes: dict[tuple[int, bool, int | None], list[str]] = {}
    for unit, positions in pool.by_unit.items():
        if kind == Kind.POINT_CHANGE and not _all_percent(pool, positions):
            continue
        mark = _unit_is_fraction(unit) if scaled else (kind == Kind.CHANGE and _is_percent(unit))
        dims = pool.dims_of_unit[unit] if by_dims else None
        classes.setdefault((_named(unit, words, money), mark, dims), []).append(unit)
    ranges = {key: _whole(pool.sorted_positions(tuple(units))) for key, units in classes.items()}
    if inputs == 1:
        for (named, _, _), whole in ranges.items():
            yield _Node(named, (whole,), False)
        return
    for (named_a, percent_a, dims_a), left in ranges.items():
        for (named_b, percent_b, dims_b), right in ranges.items():
            unchecked = dims_a is not None and dims_b is not None and dims_a != dims_b
            yield _Node(named_a + named_b - (percent_a or percent_b), (left, right), False, unchecked)
    if kind in _SAME_UNIT_KINDS:
        for (named, percent, _), units in classes.items():
            for unit in units:
                whole = _whole(pool.by_unit[unit])
                yield _Node(2 * named + 1 - percent, (whole, whole), True)


def _all_percent(pool: _Pool, positions: list[int]) -> bool:
    """Whether every candidate of a unit is read as a percentage (None, not known: kept)."""
    units = [pool.candidates[p].quantity_unit for p in positions]
    return all(unit is None or unit.is_percent for unit in units)


def _whole(positions: list[int]) -> _Range:
    return positions, 0, len(positions)


# -- one candidate, exactly as before ---------------------------------------------------------------


def _arithmetic_kind(claim: Claim, stated: Stated) -> str:
    """The kind whose arithmetic the claim's words call for: "one adult for every 640 residents" on a rate
    is one in N (N = denominator / numerator), as the verifier judges it."""
    return Kind.ONE_IN if claim.kind == Kind.RATE and stated.one_in else claim.kind


def _value(claim: Claim, stated: Stated, combo: tuple[_Candidate, ...]) -> Fraction | None:
    """The claim's value from the candidates' centres, by the formula of its kind (None: cannot be)."""
    kind = _arithmetic_kind(claim, stated)
    if kind == Kind.VALUE:
        value = combo[0].value
        return value * _HUNDRED if stated.unit == "percent" and _unit_is_fraction(combo[0].unit) else value
    a, b = combo[0].value, combo[1].value
    if kind == Kind.RATE:
        per = stated.per or getattr(claim, "per", None)
        return None if per is None or b == 0 else a / b * per
    if kind == Kind.ONE_IN:
        return None if a == 0 else b / a
    if kind == Kind.CHANGE:
        return None if a == 0 else (b - a) / a * _HUNDRED
    if kind in (Kind.POINT_CHANGE, Kind.DIFFERENCE):
        return b - a
    if kind == Kind.RATIO:
        return None if b == 0 else a / b
    if kind == Kind.SHARE:
        return None if b == 0 or a > b or a < 0 else a / b * _HUNDRED
    return None


def _unit_is_fraction(unit: str) -> bool:
    return unit.strip() in ("1", "", "dimensionless")


def _is_percent(unit: str) -> bool:
    return unit.strip() in ("percent", "%")


def _near(value: Fraction, stated: Stated) -> bool:
    """Within the stated interval widened by its own width (the verifier decides exactly)."""
    interval = stated.interval
    if stated.direction is None and interval.lo is not None and interval.lo >= 0:
        value = abs(value)
    lo, hi = interval.lo, interval.hi
    width = (hi - lo) if lo is not None and hi is not None else Fraction(0)
    return (lo is None or value >= lo - width) and (hi is None or value <= hi + width)


def _distance(value: Fraction, stated: Stated) -> float:
    interval = stated.interval
    if stated.direction is None and interval.lo is not None and interval.lo >= 0:
        value = abs(value)
    if interval.lo is None or interval.hi is None or interval.hi == interval.lo:
        return 0.0
    half = (interval.hi - interval.lo) / 2
    return as_float(abs(value - (interval.lo + half)) / half)


_MONEY: Final = re.compile(r"[£$€]")
_WORD: Final = re.compile(r"[a-z]+")
#: A unit that is money, as a figure may write it: a currency's code (in lower case) or its sign.
_CURRENCY_UNITS: Final = frozenset({code.lower() for code in CURRENCIES.values()} | set(CURRENCIES))


def _words(stated: str) -> frozenset[str]:
    return frozenset(w.rstrip("s") for w in _WORD.findall(stated.lower()))


def _named(unit: str, words: frozenset[str], money: bool) -> int:
    """What a candidate's unit alone adds to the fit: named in the words, and money for "£"."""
    unit = unit.lower()
    fit = 0
    if unit.rstrip("s") in words or (unit == "person" and "people" in words):
        fit += 1
    if money and unit in _CURRENCY_UNITS:
        fit += 1
    return fit


def _unit_fit(stated: str, kind: str, combo: tuple[_Candidate, ...]) -> int:
    """How well the candidates' units fit the words: unit nouns named in `stated`, money for "£"."""
    words = _words(stated)
    money = _MONEY.search(stated) is not None
    fit = sum(_named(candidate.unit, words, money) for candidate in combo)
    if kind in _SAME_UNIT_KINDS and len(combo) == 2 and combo[0].unit == combo[1].unit:
        fit += 1
    if kind == Kind.CHANGE and any(_is_percent(c.unit) for c in combo):
        fit -= 1  # a change of percentages is usually given in points
    return fit


def _period_order(kind: str, combo: tuple[_Candidate, ...]) -> int:
    """0 when a change runs from the earlier period to the later one (or periods are unknown), else 1."""
    if kind not in _PERIOD_KINDS or len(combo) != 2:
        return 0
    first, second = combo[0].period, combo[1].period
    if first is None or second is None:
        return 0
    return 0 if first < second else 1
