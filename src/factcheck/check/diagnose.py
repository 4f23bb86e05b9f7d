"""What the writer most likely did, when a number is wrong: the usual slips, tried one at a time.

For a contradicted claim each slip below is a variant of the claim (or of its recomputed value),
checked the same way as the claim itself; the ones that reproduce the stated words are reported
("matches if read as percentage points: …"):

- per cent read as percentage points, and back (change <-> point_change);
- a relative change given as an absolute one, and back (change <-> difference);
- `from` and `to` swapped (and numerator and denominator, for a ratio or one-in-N);
- a rate per another power of ten (per 1,000 for per 100,000);
- another figure of the same unit (another year, another area) in place of each input, which
  covers the wrong denominator of a rate or a share (the first three that match, in the file's
  order, and a line saying so when more do: among thousands of figures many fit by chance);
- two neighbouring digits swapped in typing the number ("62,453" for 62,435).

A contradicted rank has slips of its own (`diagnose_rank`): a total row counted among the values it
totals ("true if the total row 'England and Wales' is left out": a key that names a total, first or
last in the list, or the largest value being the sum of the others), another column of the same table
("true of the 'People waiting 31 Mar 2023' column": last year's figures), or the other end (the words
have the direction the wrong way round).

Only contradicted claims are diagnosed, so the check of a sound file never pays for this.

Another figure of the same unit is not tried one by one: the unit's figures are sorted by value
once per file, and a whole range of them is tried at once, as one input spanning all their
values (exact interval arithmetic, by the verifier's own recomputation). When even that cannot
meet the stated words, no figure of the range can, and the range is dropped; otherwise it is
halved. So a claim among thousands of figures tries a few ranges and the figures that fit, not
every figure (the same diagnoses, in the same order, as trying every one).
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Iterable, Iterator, Sequence
from fractions import Fraction
from typing import TYPE_CHECKING, Final, TypeVar

import attrs

from factcheck.check.judge import may_support
from factcheck.check.quantity import Quantity
from factcheck.check.verifier import Verifier
from factcheck.errors import FactcheckError
from factcheck.model.claims import (
    BrokenClaim,
    ChangeClaim,
    Claim,
    ClaimsFile,
    ComparisonClaim,
    DifferenceClaim,
    Figure,
    OneInClaim,
    PointChangeClaim,
    RankClaim,
    RateClaim,
    RatioClaim,
    cell_name,
)
from factcheck.model.kinds import Kind
from factcheck.model.results import Outcome
from factcheck.model.verdicts import Verdict
from factcheck.numbers.display import decimals_of, show
from factcheck.numbers.exact import rational
from factcheck.numbers.interval import Interval, engine
from factcheck.numbers.units import parse_unit
from factcheck.words.stated import parse_stated
from factcheck.words.table import TOTAL_WORDS, End

if TYPE_CHECKING:
    from factcheck.check.ranks import Entry
    from factcheck.words.ranks import RankWords

__all__ = [
    "ColumnAlternative",
    "SameUnit",
    "diagnose",
    "diagnose_outcomes",
    "diagnose_rank",
    "total_rows",
    "true_of_other_columns",
    "true_without_total",
]

_FROM_TO = (ChangeClaim, PointChangeClaim, DifferenceClaim)
_POWERS = (-3, -2, -1, 1, 2, 3)


def diagnose_outcomes(
    claims_file: ClaimsFile, outcomes: Sequence[Outcome], *, figure_quantities: dict[str, Quantity] | None = None
) -> list[Outcome]:
    """The outcomes, each contradicted one with the slips that would explain it.

    `figure_quantities`: the figures' quantities the check of the file has made already, shared.
    """
    claims = {claim.id: claim for claim in claims_file.claims()}
    found = []
    verifier: Verifier | None = None
    same_unit: SameUnit | None = None
    for outcome in outcomes:
        claim = claims.get(outcome.id)
        if outcome.verdict is Verdict.CONTRADICTED and claim is not None:
            verifier = verifier or Verifier(claims_file, figure_quantities)
            same_unit = same_unit if same_unit is not None else SameUnit(claims_file.figures)
            diagnoses = diagnose(claims_file, claim, outcome, verifier, same_unit)
            # most contradicted claims have no slip that explains them: their outcome stands as it is
            found.append(attrs.evolve(outcome, diagnoses=diagnoses) if diagnoses != outcome.diagnoses else outcome)
        else:
            found.append(outcome)
    return found


def diagnose(
    claims_file: ClaimsFile,
    claim: Claim,
    outcome: Outcome | None = None,
    verifier: Verifier | None = None,
    same_unit: SameUnit | None = None,
) -> tuple[str, ...]:
    """The slips that reproduce a claim's stated words, in a readable sentence each.

    `same_unit`: the file's figures by unit (`SameUnit`), when the caller has them already.
    """
    if isinstance(claim, ComparisonClaim):
        return ()
    verifier = verifier or Verifier(claims_file)
    if isinstance(claim, RankClaim):
        return _rank_slips(claims_file, claim, verifier)
    same_unit = same_unit if same_unit is not None else SameUnit(claims_file.figures)
    if outcome is None:
        outcome = verifier.outcome(claim, remember=False)
    found: list[str] = []
    arithmetic: set[str] = set()  # one reading per computation: points and difference agree on percentages

    def supported(variant: Claim) -> str | None:
        """The variant's arithmetic when it reproduces the words (and no earlier reading did it the same way)."""
        if not verifier.could_support(variant):
            return None
        result = verifier.outcome(variant, remember=False)
        if result.verdict is not Verdict.SUPPORTED or result.explanation in arithmetic:
            return None
        arithmetic.add(result.explanation)
        return result.explanation

    for describe, variant in _readings(claim):
        explanation = supported(variant)
        if explanation is not None:
            found.append(f"{describe}: {explanation}")
    for field, name in claim.inputs().items():
        figure = claims_file.figures.get(name)
        if figure is None:
            continue
        role = "denominator" if field in ("denominator", "whole") else f"`{field}`"
        shown = 0
        tried = claim.with_inputs({field: _TRIED})  # one variant an input: each figure tried is put under its name
        for other in same_unit.may_fit(verifier, tried, figure):
            explanation = None if other.name == figure.name else _in_place(verifier, tried, other, supported)
            if explanation is None:
                continue
            if shown == _MOST_OTHERS:  # among many figures of a unit, many fit by chance: a few say enough
                found.append(
                    f"more figures of the same unit match if used as the {role} (the first {_MOST_OTHERS} are listed)"
                )
                break
            found.append(f"{_instead(other, role, figure)}: {explanation}")
            shown += 1
        if figure.cell is not None:
            found.extend(_other_cells(claims_file, tried, figure, verifier, supported))
    found.extend(_other_per(claim, outcome))
    found.extend(_swapped_digits(claim, outcome))
    return tuple(dict.fromkeys(found))


_FromToClaim = TypeVar("_FromToClaim", ChangeClaim, PointChangeClaim, DifferenceClaim)


def _read_as(kind: type[_FromToClaim], claim: ChangeClaim | PointChangeClaim | DifferenceClaim) -> _FromToClaim:
    """The same words and inputs, read as a claim of another from/to kind."""
    return kind(
        id=claim.id,
        stated=claim.stated,
        tolerance=claim.tolerance,
        direction=claim.direction,
        note=claim.note,
        location=claim.location,
        sentence=claim.sentence,
        from_=claim.from_,
        to=claim.to,
    )


def _readings(claim: Claim) -> Iterator[tuple[str, Claim]]:
    """Each slip's variant of the claim that reads its words or inputs another way, with its description."""
    if isinstance(claim, _FROM_TO):
        if isinstance(claim, ChangeClaim):
            yield "matches if read as percentage points (to − from), not per cent", _read_as(PointChangeClaim, claim)
            yield (
                "matches as an absolute difference (to − from), not a percentage change",
                _read_as(DifferenceClaim, claim),
            )
        elif isinstance(claim, PointChangeClaim):
            yield "matches if read as per cent (a relative change), not percentage points", _read_as(ChangeClaim, claim)
        else:
            yield "matches as a percentage change, not an absolute difference", _read_as(ChangeClaim, claim)
        yield "matches if from and to are swapped", attrs.evolve(claim, from_=claim.to, to=claim.from_)
    if isinstance(claim, (RatioClaim, OneInClaim)):
        yield (
            "matches if numerator and denominator are swapped",
            attrs.evolve(claim, numerator=claim.denominator, denominator=claim.numerator),
        )


def _other_cells(
    claims_file: ClaimsFile,
    tried: Claim,
    figure: Figure,
    verifier: Verifier,
    supported: Callable[[Claim], str | None],
) -> Iterator[str]:
    """The wrong row and the wrong column of a table: the same column's other rows, then the same row's
    other columns in a like unit (another year), each tried in place of a figure read from the table (the
    input that `tried` names `_TRIED`)."""
    cell = figure.cell
    table = claims_file.tables.get(cell.table) if cell is not None else None
    if cell is None or table is None:
        return
    unit = parse_unit(figure.unit)
    tries = [(row, cell.column) for row in table.keys if row != cell.row][:_MOST_ROWS]
    tries += [(cell.row, column) for column in table.declared if column != cell.column]
    shown = 0
    for row, column in tries:
        try:
            other = table.figure(row, column)
        except FactcheckError:
            continue  # a suppressed cell, a doubled key: nothing to try
        if parse_unit(other.unit).dims != unit.dims:
            continue
        verifier.use_figure(other)
        explanation = _in_place(verifier, tried, other, supported)
        if explanation is None:
            continue
        if shown == _MOST_OTHERS:
            yield f"more cells of table {cell.table!r} match (the first {_MOST_OTHERS} are listed)"
            return
        where = f"row {row!r}" if column == cell.column else f"column {column!r}"
        instead = f"row {cell.row!r}" if column == cell.column else f"column {cell.column!r}"
        period = f" ({other.period})" if column != cell.column and other.period else ""
        yield f"matches if read from {where}{period} of table {cell.table!r} instead of {instead}: {explanation}"
        shown += 1


def _in_place(verifier: Verifier, tried: Claim, figure: Figure, supported: Callable[[Claim], str | None]) -> str | None:
    """`supported` for the claim with `figure` as the input that `tried` names `_TRIED`.

    The figure's quantity is put under that name for the one try: the verdict and its explanation
    depend on the inputs' quantities, never on their names, so this is the claim with the figure's
    name as that input, without building a claim for every figure tried.
    """
    quantities = verifier.figure_quantities
    try:
        quantities[_TRIED] = verifier.resolve(figure.name)
    except (FactcheckError, ValueError):
        return None  # a figure that cannot be used supports nothing (as an input, it is an error)
    try:
        return supported(tried)
    finally:
        del quantities[_TRIED]


def _instead(other: Figure, role: str, figure: Figure) -> str:
    return f"matches if {_describe(other)} is used as the {role} instead of {_describe(figure)}"


def _unit_groups(figures: dict[str, Figure]) -> dict[str, tuple[Figure, ...]]:
    """Each figure's name -> every figure in its unit (itself too), in file order.

    Built once per file: each contradicted claim asks it again for each of its inputs.
    Units are the same when their dimensions and factors are (Unit's equality compares names first).
    """
    groups: dict[object, list[Figure]] = {}
    of_figure: dict[str, list[Figure]] = {}
    for figure in figures.values():
        try:
            unit = parse_unit(figure.unit)
        except ValueError:  # pragma: no cover - the loader has checked every unit
            continue
        group = groups.setdefault((unit.dims, unit.factor), [])
        group.append(figure)
        of_figure[figure.name] = group
    shared = {id(group): tuple(group) for group in groups.values()}  # one tuple a unit: its figures share it
    return {name: shared[id(group)] for name, group in of_figure.items()}


#: A range of at most this many figures that may fit is not split: its figures are tried one by one.
_FEW: Final = 8
#: A unit of at most this many figures (the figure itself and one other) is tried figure by figure; a
#: larger one is tried as a range first, even when it is small: a range costs what one figure costs to
#: try, and most contradicted claims have no other figure that fits.
_ALONE: Final = 2
#: Other figures listed for one input (then a line saying that more match).
_MOST_OTHERS: Final = 3
#: The most other rows of a table tried in place of a figure read from it (a table of thousands of rows
#: would make the diagnosis of one claim cost thousands of checks; the rows are tried in the table's order).
_MOST_ROWS: Final = 2000
#: The name under which a figure tried in place of an input, or a range of them, is resolved: no figure
#: or claim can have it.
_TRIED: Final = "\x00tried"


class SameUnit:
    """The file's figures by unit, each unit's sorted by value (built once per file, when first asked).

    `may_fit` gives the figures of a figure's unit that could make a claim supported in its place.
    """

    def __init__(self, figures: dict[str, Figure]) -> None:
        self.groups = _unit_groups(figures)
        self.sorted: dict[int, _SortedGroup | None] = {}

    def may_fit(self, verifier: Verifier, tried: Claim, figure: Figure) -> tuple[Figure, ...]:
        """The figures of `figure`'s unit (itself too) that could make the claim supported as the input that
        `tried` names `_TRIED`, in file order: every one whose value might, by the verifier's own arithmetic
        on ranges of them."""
        group = self.groups.get(figure.name, ())
        if len(group) <= _ALONE:
            return group
        key = id(group)
        if key not in self.sorted:
            self.sorted[key] = _SortedGroup.of(group, verifier)
        ordered = self.sorted[key]
        if ordered is None:
            return group
        return tuple(group[k] for k in sorted(ordered.search(verifier, tried)))


@attrs.frozen
class _SortedGroup:
    """A unit's figures sorted by the low end of their values, with the hull of every range the search makes."""

    order: tuple[int, ...]  # positions in the group (file order), by value
    quantity: Quantity  # one figure's, for its unit
    hulls: dict[tuple[int, int], tuple[Fraction, Fraction]]

    @classmethod
    def of(cls, group: tuple[Figure, ...], verifier: Verifier) -> _SortedGroup | None:
        """None when the figures are not all read in one unit, or a value is unbounded: then every one is tried."""
        try:
            quantities = [verifier.resolve(figure.name) for figure in group]
        except (FactcheckError, ValueError):  # pragma: no cover - the loader has checked every figure
            return None
        unit = quantities[0].unit
        bounds: list[tuple[Fraction, Fraction]] = []
        for quantity in quantities:
            lo, hi = quantity.interval.lo, quantity.interval.hi
            if quantity.unit != unit or lo is None or hi is None:
                return None
            bounds.append((lo, hi))
        # the order only makes the ranges narrow; each range's hull is its own least and greatest end
        order = sorted(range(len(group)), key=lambda k: _rough(bounds[k][0]))
        hulls: dict[tuple[int, int], tuple[Fraction, Fraction]] = {}

        def hull(start: int, end: int) -> tuple[Fraction, Fraction]:
            """The least low end and the greatest high end of the figures order[start:end]."""
            if end - start <= _FEW:
                found = (min(bounds[k][0] for k in order[start:end]), max(bounds[k][1] for k in order[start:end]))
            else:
                middle = (start + end) // 2
                left, right = hull(start, middle), hull(middle, end)
                found = (min(left[0], right[0]), max(left[1], right[1]))
            hulls[start, end] = found
            return found

        hull(0, len(group))
        return cls(tuple(order), quantities[0], hulls)

    def search(self, verifier: Verifier, tried: Claim) -> list[int]:
        """The positions (in the group) of the figures that might make the claim supported as the input that
        `tried` names `_TRIED`."""
        found: list[int] = []
        ranges = [(0, len(self.order))]
        quantities = verifier.figure_quantities
        try:
            while ranges:
                start, end = ranges.pop()
                if end - start > 1:  # a range; one figure is tried on its own, which costs what a range does
                    lo, hi = self.hulls[start, end]
                    quantities[_TRIED] = Quantity(Interval(lo, hi), self.quantity.unit, "", None, ())
                    if not _may_support(verifier, tried):
                        continue  # no figure of the range can
                if end - start <= _FEW:
                    found.extend(self.order[start:end])
                else:
                    middle = (start + end) // 2
                    ranges += [(middle, end), (start, middle)]
        finally:
            quantities.pop(_TRIED, None)
        return found


def _rough(value: Fraction) -> float:
    """A float in the order of `value`, for sorting quickly (beyond floats: infinite, of its sign)."""
    try:
        return float(value)
    except OverflowError:
        return math.inf if value > 0 else -math.inf


def _may_support(verifier: Verifier, variant: Claim) -> bool:
    """`could_support` for a variant whose input is a range of figures: False only when none of them can.

    The recomputation is exact interval arithmetic, so its value for the range holds its value for
    each figure, and a range whose value cannot meet the stated words has no figure that can. A
    failure on a range proves nothing of its figures (a range of denominators may hold zero where
    none of them does, or pass a bound none of them passes): it drops nothing, and the range is split.
    """
    if isinstance(variant, (BrokenClaim, ComparisonClaim)) or len(variant.inputs()) != len(variant.INPUTS):
        return True
    try:
        stated = verifier.stated(variant, None)
        quantity, _ = verifier.recompute(variant, stated, bounded=False)
    except Exception:  # any failure on a range prunes nothing (see the docstring)
        return True
    return may_support(variant, stated, quantity.interval)


def _describe(figure: Figure) -> str:
    where = ", ".join(part for part in (figure.period, figure.area) if part)
    return f"{figure.name} ({show(figure.value)}{'; ' + where if where else ''})"


def _swapped_digits(claim: Claim, outcome: Outcome) -> Iterator[str]:
    """A typing slip: the stated number is the right one with two neighbouring digits swapped."""
    computed = outcome.computed
    if computed is None or not computed.is_point or computed.lo is None:
        return
    try:
        stated = parse_stated(claim.stated, claim.kind)
    except FactcheckError:
        return
    if stated.centre is None or stated.step is None or stated.hedge is not None:
        return
    right = round(abs(computed.lo) / stated.step)  # the right number, in steps of the stated one
    written = abs(stated.centre) / stated.step
    if written.denominator != 1 or right == written or not 10 <= written < 10**30:  # a typist's number
        return
    a, b = str(right), str(int(written))
    if len(a) == len(b) and any(a[:i] + a[i + 1] + a[i] + a[i + 2 :] == b for i in range(len(a) - 1)):
        yield (
            f"matches if two neighbouring digits were swapped in writing it: the figure gives "
            f"{show(right * stated.step, decimals_of(stated.step))}"
        )


def _other_per(claim: Claim, outcome: Outcome) -> Iterator[str]:
    """A rate per 1,000 written as per 100,000, and so on: the recomputed value × 10^k in the words."""
    if not isinstance(claim, RateClaim) or outcome.computed is None or outcome.interval is None:
        return
    try:
        per = parse_stated(claim.stated, Kind.RATE).per or claim.per
    except FactcheckError:
        return
    if per is None:
        return
    for power in _POWERS:
        factor = rational(10) ** power
        if outcome.computed.scale(factor).overlaps(outcome.interval):
            yield (
                f"matches if the rate is per {show(per * factor)} instead of per {show(per)}: "
                f"{show(outcome.computed.centre * factor, 2)} per {show(per * factor)}"
            )


# -- ranks ------------------------------------------------------------------------------------------------
def _entries(entries: Iterable[Entry]) -> tuple[Entry, ...]:
    return tuple(entries)


@attrs.frozen(kw_only=True)
class ColumnAlternative:
    """The same values in another column of the table (another year, say): `of` and `among` read from it."""

    name: str
    of: Entry
    among: tuple[Entry, ...] = attrs.field(converter=_entries)


def total_rows(among: Sequence[Entry]) -> tuple[tuple[Entry, str], ...]:
    """Entries that look like a total, with the reason: a total's key first or last, or the sum of the others."""
    from factcheck.words.ranks import rank_normal

    found: list[tuple[Entry, str]] = []
    for index in sorted({0, len(among) - 1}) if among else []:
        label = rank_normal(among[index].label)
        if any(label == word or re.search(rf"\b{re.escape(word)}\b", label) for word in TOTAL_WORDS):
            found.append((among[index], "its key names a total"))
    if len(among) >= 3:
        largest = max(among, key=lambda entry: entry.value.hi if entry.value.hi is not None else rational(0))
        rest = [entry.value for entry in among if entry is not largest]
        if all(value.is_bounded for value in rest) and largest.value.is_bounded:
            total = rest[0]
            for value in rest[1:]:
                total = total + value
            if total.overlaps(largest.value) and all(found_entry is not largest for found_entry, _ in found):
                found.append((largest, "it is the sum of the others"))
    return tuple(found)


def true_without_total(words: RankWords, of: Entry, among: Sequence[Entry], *, order: End | None = None) -> str | None:
    """ "true if the total row 'England and Wales' is left out (…)", when leaving a total out makes the words hold."""
    from factcheck.check.ranks import judge_rank  # the rank machinery, only for a contradicted rank

    for candidate, reason in total_rows(among):
        if candidate.key == of.key:
            continue
        rest = [entry for entry in among if entry is not candidate]
        judged = judge_rank(words, of, rest, order=order)
        if judged.holds:
            return (
                f"true if the total row {candidate.label!r} is left out ({reason}): {judged.place}; "
                f"exclude = [{_toml_string(candidate.label)}]"
            )
    return None


def true_of_other_columns(
    words: RankWords, alternatives: Iterable[ColumnAlternative], *, order: End | None = None
) -> tuple[str, ...]:
    """ "true of the '2019' column (…: 1st of 42 …)" for each other column in which the words hold."""
    from factcheck.check.ranks import judge_rank

    found = []
    for alternative in alternatives:
        judged = judge_rank(words, alternative.of, alternative.among, order=order)
        if judged.holds:
            found.append(
                f"true of the {alternative.name!r} column ({alternative.of.text}: {judged.place} "
                f"from the {judged.place.end.value} end)"
            )
    return tuple(found)


def diagnose_rank(
    words: RankWords,
    of: Entry,
    among: Sequence[Entry],
    *,
    order: End | None = None,
    alternatives: Iterable[ColumnAlternative] = (),
) -> tuple[str, ...]:
    """What would make contradicted rank words true (nothing when they hold)."""
    from factcheck.check.ranks import judge_rank

    if judge_rank(words, of, among, order=order).holds:
        return ()
    found = []
    without_total = true_without_total(words, of, among, order=order)
    if without_total is not None:
        found.append(without_total)
    found.extend(true_of_other_columns(words, alternatives, order=order))
    end = words.end_for(order)
    flipped = attrs.evolve(words, end=end.other, quality=None)
    judged = judge_rank(flipped, of, among)
    if judged.holds:
        found.append(
            f"true counted from the {end.other.value} end ({judged.place} from the {end.other.value} end): "
            f"the words may have the direction the wrong way round"
        )
    return tuple(found)


def _rank_slips(claims_file: ClaimsFile, claim: RankClaim, verifier: Verifier) -> tuple[str, ...]:
    """A rank's diagnoses, from the values the verifier ranks and the other columns of its table."""
    from factcheck.words.ranks import parse_rank_words

    try:
        words = parse_rank_words(claim.stated)
        of, among, _ = verifier.rank_entries(claim)
        order = None if claim.order is None else End(claim.order)
        return diagnose_rank(words, of, among, order=order, alternatives=_other_columns(claims_file, claim))
    except (FactcheckError, ZeroDivisionError):
        return ()


def _other_columns(claims_file: ClaimsFile, claim: RankClaim) -> Iterator[ColumnAlternative]:
    """The rank's values read from each other declared column of their table in a like unit (another year)."""
    from factcheck.check.ranks import Entry

    cells = [claims_file.cells.get(name) or claims_file.figures.get(name) for name in (claim.of, *claim.among) if name]
    if not cells or any(figure is None or figure.cell is None for figure in cells):
        return
    first = cells[0].cell  # type: ignore[union-attr]  # every one has a cell, as checked above
    assert first is not None
    table = claims_file.tables.get(first.table)
    places = [figure.cell for figure in cells if figure is not None and figure.cell is not None]
    if table is None or any(cell.table != first.table or cell.column != first.column for cell in places):
        return
    unit = parse_unit(cells[0].unit)  # type: ignore[union-attr]
    for column in table.declared:
        if column == first.column:
            continue
        try:
            figures = [table.figure(cell.row, column) for cell in places]
        except FactcheckError:
            continue
        if parse_unit(figures[0].unit).dims != unit.dims:
            continue
        entries = [
            Entry(
                key=cell_name(table.name, column, cell.row),
                label=cell.row,
                value=engine(figure.interval),
                shown=figure.cell.text if figure.cell is not None else None,
            )
            for cell, figure in zip(places, figures, strict=True)
        ]
        yield ColumnAlternative(name=column, of=entries[0], among=entries[1:])


def _toml_string(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'
