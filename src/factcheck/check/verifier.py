"""The verifier of one claims file: names resolved to quantities, claims given their verdicts.

A name in a claim is a figure of the file or another claim; a claim's value is computed once,
its references first and deepest first without recursion (so a chain may be as long as a file
is), and a cycle is an error for each claim in it. A claim that cannot be evaluated gets an
`error` outcome, never an exception, so one bad claim never hides the others.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from difflib import get_close_matches
from typing import TYPE_CHECKING

import attrs

from factcheck.check.judge import judge_comparison, judge_number, may_support
from factcheck.check.quantity import Quantity, conversion_between, in_unit, weakest_basis
from factcheck.check.recompute import RECOMPUTE, recompute
from factcheck.errors import (
    CycleError,
    DraftInputError,
    FactcheckError,
    FormulaError,
    ImpossibleValueError,
    InputsMissingError,
    PhraseError,
    UnknownNameError,
    UnusableNameError,
)
from factcheck.model.claims import (
    BrokenClaim,
    Claim,
    ClaimBase,
    ClaimsFile,
    ComparisonClaim,
    DifferenceClaim,
    Figure,
    FormulaClaim,
    RankClaim,
    SourceKind,
    ValueClaim,
    cell_name,
    is_placeholder,
)
from factcheck.model.formula import formula_names, parse_formula
from factcheck.model.results import Outcome
from factcheck.model.verdicts import Verdict
from factcheck.numbers.display import show_exact, show_interval
from factcheck.numbers.exact import exact
from factcheck.numbers.interval import Interval, engine_figure
from factcheck.numbers.units import POINTS, Conversion, Unit, impossible_when_negative, parse_unit
from factcheck.words.stated import Stated, parse_stated, parse_tolerance

if TYPE_CHECKING:
    from factcheck.check.ranks import Entry

__all__ = ["Verifier"]


def _failed_use(name: str, error: FactcheckError) -> UnusableNameError:
    """What a claim using claim `name` is told of its error: where the error is, and what it is."""
    if isinstance(error, UnusableNameError) and error.origin:
        origin, reason = error.origin, error.reason
    else:
        origin, reason = name, str(error)
    if origin == name:
        return UnusableNameError(f"it uses claim {name!r}, which has an error: {reason}", origin=origin, reason=reason)
    return UnusableNameError(
        f"it uses claim {name!r}, which relies on claim {origin!r}, which has an error: {reason}",
        origin=origin,
        reason=reason,
    )


class Verifier:
    """Resolves the names of one claims file (figures and claims) to quantities, and gives claims their verdicts.

    One verifier serves a whole file: each figure's quantity and each claim's recomputed value is
    worked out once and remembered, so a claim used by many others costs one recomputation. The
    check of a file (`pipeline.verify_file`), the diagnoses of its contradicted claims and the
    suggestions for its drafts all ask a verifier, so that all three read the file alike.

    - `resolve(name)`: the quantity a figure's or a claim's name stands for;
    - `compute(claim)`: a claim's recomputed value (an error when it has none);
    - `outcome(claim)`: the verdict on a claim, never an exception (`remember=False` for a variant
      of a claim, such as a diagnosis tries, whose value no other claim may use);
    - `could_support(claim)`: a cheap sieve, False when the claim is certainly not supported;
    - `recompute(claim, stated)`: the claim's value for given stated words, as its kind computes it.

    `figure_quantities` holds the figures' quantities by name, made on first use; the check of a
    file passes its own to the diagnoses (they depend on the file alone), and the diagnoses put a
    whole range of figures there, under a name no figure can have, to try them all at once.
    """

    def __init__(self, claims_file: ClaimsFile, figure_quantities: dict[str, Quantity] | None = None) -> None:
        """`figure_quantities`: those another verifier of the same file has made (they depend on the file alone)."""
        self.file = claims_file
        self.figures = claims_file.figures
        self.claims: dict[str, Claim] = {claim.id: claim for claim in claims_file.claims()}
        self.computed: dict[str, Quantity | FactcheckError] = {}
        self.stack: list[str] = []
        self.settled: set[str] = set()  # claims whose references have been computed first
        self.figure_quantities: dict[str, Quantity] = {} if figure_quantities is None else figure_quantities
        defaults = claims_file.defaults
        self.widen = parse_tolerance(defaults.tolerance) if defaults.tolerance is not None else None
        self.rounding = defaults.rounding
        #: the last words read (`stated`): the claim (itself, not an equal one), whether read as a count's, the reading
        self.last_words: tuple[ClaimBase, bool, Stated] | None = None

    # -- names -------------------------------------------------------------------------------
    def resolve(self, name: str) -> Quantity:
        known = self.figure_quantities.get(name)
        if known is not None:
            return known
        figure = self.figures.get(name) or self.file.cells.get(name)
        if figure is not None:
            quantity = _figure_quantity(figure, self.file)
            _refuse_negative_figure(name, quantity)
            self.figure_quantities[name] = quantity
            return quantity
        claim = self.claims.get(name)
        if claim is not None:
            quantity = self.compute(claim)
            # the quantity shown by its claim's name (built directly, not by attrs.evolve: every use of a claim asks)
            text = f"[{name}: {show_interval(quantity.interval)}]"
            return Quantity(quantity.interval, quantity.unit, text, quantity.basis, quantity.figures, quantity.signed)
        if name in self.file.broken_figures:  # it exists: say why it cannot be used, not that it is unknown
            line = self.file.broken_figures[name]
            raise UnusableNameError(f"figure {name!r} has an error" + (f" (line {line})" if line is not None else ""))
        candidates = list(self.figures) + [c for c in self.claims if c not in self.stack]
        raise UnknownNameError(name, tuple(get_close_matches(name, candidates, n=2)))

    def use_figure(self, figure: Figure) -> None:
        """Let `figure` be resolved by its name (a table's cell a diagnosis tries, under `cell_name`)."""
        if figure.name not in self.figure_quantities:
            self.figure_quantities[figure.name] = _figure_quantity(figure, self.file)

    def compute(self, claim: Claim) -> Quantity:
        """The claim's recomputed value, computed once; a reference cycle is an error."""
        known = self.computed.get(claim.id)
        if known is None and claim.id not in self.settled:
            self.settle_references(claim)
            known = self.computed.get(claim.id)
        if isinstance(known, Quantity):
            return known
        if known is not None:
            raise self.failure(claim.id, known)
        if claim.id in self.stack:
            raise CycleError((*self.stack[self.stack.index(claim.id) :], claim.id))
        if isinstance(claim, BrokenClaim):
            raise UnusableNameError(f"it uses claim {claim.id!r}, which has an error")
        if isinstance(claim, (ComparisonClaim, RankClaim)):
            raise UnusableNameError(f"claim {claim.id!r} is a {claim.kind} and has no value to use")
        missing = [field for field in claim.INPUTS if field not in claim.inputs()]
        if missing:
            raise InputsMissingError(f"it uses claim {claim.id!r}, whose inputs are missing")
        if claim.placeholders():
            raise DraftInputError(f"draft: it uses claim {claim.id!r}, whose inputs are still to be filled in")
        self.stack.append(claim.id)
        try:
            quantity, _ = recompute(self.resolve, claim, self.stated(claim, None))
        except FactcheckError as exc:
            self.computed[claim.id] = exc
            failure: FactcheckError | None = exc
        else:
            failure = None
        finally:
            self.stack.pop()
        if failure is not None:
            raise self.failure(claim.id, failure)
        self.computed[claim.id] = quantity
        return quantity

    def failure(self, name: str, error: FactcheckError) -> FactcheckError:
        """What the claim being judged (the bottom of `stack`) is told of claim `name`'s error."""
        if isinstance(error, (InputsMissingError, DraftInputError)) or not self.stack:
            return error  # unchecked or draft, not an error; or asked directly (suggest), not on another's behalf
        members = error.members if isinstance(error, CycleError) else ()
        if self.stack[0] in members:
            return error  # the claim judged is itself in the cycle: say so, not "uses a claim with an error"
        return _failed_use(name, error)

    def references(self, claim: Claim, inputs: Mapping[str, str] | None = None) -> list[str]:
        """The claims (not figures) this claim's value is computed from (`inputs`: its `inputs()`, if read already)."""
        if isinstance(claim, (BrokenClaim, ComparisonClaim)):
            return []
        names: Iterable[str]
        if isinstance(claim, RankClaim):
            names = [*([] if claim.of is None else [claim.of]), *claim.among]
        elif isinstance(claim, FormulaClaim):
            try:
                names = formula_names(parse_formula(claim.expr)) if claim.expr is not None else []
            except FormulaError:
                return []
        else:
            names = (claim.inputs() if inputs is None else inputs).values()
        claims = self.claims
        if claims.keys().isdisjoint(names):  # one C loop: every claim asks, and most name figures alone
            return []
        return [name for name in names if name in claims and name not in self.figures]

    def settle_references(self, claim: Claim, inputs: Mapping[str, str] | None = None) -> None:
        """Compute the claims `claim` refers to, deepest first, with an explicit stack, not recursion.

        Then computing `claim` resolves its references one level deep only, however long the chain
        (`a` uses `b` uses `c` …). A cycle met on the way is recorded against each of its claims.
        `inputs`: the claim's `inputs()`, when the caller has read them already.
        """
        references = self.references(claim, inputs)
        if not references:  # most claims use figures alone: nothing to settle first
            self.settled.add(claim.id)
            return
        path = [claim.id]
        on_path = {claim.id}
        pending = [iter(references)]
        while pending:
            name = next(pending[-1], None)
            if name is None:  # every reference of path[-1] is settled: compute it (the root is the caller's)
                pending.pop()
                done = path.pop()
                on_path.discard(done)
                self.settled.add(done)
                if pending and done not in self.computed:
                    try:
                        self.compute(self.claims[done])
                    except (FactcheckError, ZeroDivisionError):
                        pass  # remembered, or found again, when a claim that uses it asks
                continue
            if name in on_path:
                self.record_cycle((*path[path.index(name) :], name))
            elif name not in self.settled and name not in self.computed:
                path.append(name)
                on_path.add(name)
                pending.append(iter(self.references(self.claims[name])))

    def record_cycle(self, chain: tuple[str, ...]) -> None:
        """Each claim of a cycle gets the error, the chain told from where it was found."""
        error = CycleError(chain)
        for name in chain[:-1]:
            self.computed.setdefault(name, error)

    def stated(self, claim: ClaimBase, unit: Unit | None) -> Stated:
        """The claim's words as read for a value in `unit` (None: not known yet, read as a count's).

        The last reading is kept: a claim judged asks again once its value's unit is known, and a
        diagnosis asks for one variant with each figure it tries, with the same answer.
        """
        count_like = _count_like(unit)
        last = self.last_words
        if last is not None and last[0] is claim and last[1] is count_like:
            return last[2]
        tolerance = parse_tolerance(claim.tolerance) if claim.tolerance is not None else None
        stated = parse_stated(
            claim.stated,
            claim.KIND,  # the class constant, not the `kind` property: every claim asks
            rounding=self.rounding,
            tolerance=tolerance,
            widen=self.widen,
            direction_given=claim.direction is not None,
            count_like=count_like,
        )
        self.last_words = (claim, count_like, stated)
        return stated

    def could_support(self, claim: Claim) -> bool:
        """False when the claim certainly is not supported; a cheap sieve before `outcome` (no text).

        Supported needs the recomputed value (or, for a change whose words give no direction, its size
        or its negation) to meet the interval the words allow: `judge.may_support`.
        """
        if isinstance(claim, (BrokenClaim, ComparisonClaim, RankClaim)) or len(claim.inputs()) != len(claim.INPUTS):
            return True
        try:
            stated = self.stated(claim, None)
            quantity, _ = self.recompute(claim, stated)
        except (FactcheckError, ZeroDivisionError):
            return False
        return may_support(claim, stated, quantity.interval)

    def recompute(self, claim: Claim, stated: Stated, *, bounded: bool = True) -> tuple[Quantity, str]:
        """The claim's value for the words `stated` (its kind's formula) and how it was worked out.

        `bounded=False` skips the bound on computed values: for a range of figures, which proves
        nothing when it fails (a range may pass a bound that none of its figures passes).
        """
        self.stack.append(claim.id)
        try:
            if bounded:
                return recompute(self.resolve, claim, stated)
            return RECOMPUTE[claim.KIND](self.resolve, claim, stated)
        finally:
            self.stack.pop()

    # -- one claim -----------------------------------------------------------------------------
    def outcome(self, claim: Claim, *, remember: bool = True) -> Outcome:
        """The verdict on one claim; `remember=False` for a variant, whose value no other claim may use."""
        if isinstance(claim, BrokenClaim):
            message = "; ".join(f"{p.field}: {p.message}" if p.field else p.message for p in claim.problems)
            return _unjudged(claim, Verdict.ERROR, message)
        inputs = claim.inputs()
        for value in inputs.values():  # a plain loop: no comprehension's frame for every claim, most have none
            if is_placeholder(value):
                return _draft(claim, inputs)
        if not inputs:
            return _unjudged(claim, explanation="inputs missing: nothing to recompute it from")
        if len(inputs) != len(claim.INPUTS):  # `inputs` holds those of INPUTS that are set
            missing = [field for field in claim.INPUTS if field not in inputs]
            return _unjudged(claim, Verdict.ERROR, f"missing input field {', '.join(map(repr, missing))}")
        try:
            return self.judge(claim, remember=remember, inputs=inputs)
        except InputsMissingError as exc:
            return _unjudged(claim, explanation=str(exc))
        except DraftInputError as exc:
            return _unjudged(claim, explanation=str(exc), draft=True)
        except (FactcheckError, ZeroDivisionError) as exc:
            return _unjudged(claim, Verdict.ERROR, _error_text(exc))

    def judge(self, claim: Claim, *, remember: bool = True, inputs: Mapping[str, str] | None = None) -> Outcome:
        """The verdict on a claim whose inputs are all given (`inputs`: its `inputs()`, if read already)."""
        if claim.id not in self.settled:  # references first, found from the claim judged (a cycle is told from it)
            self.settle_references(claim, inputs)
        self.stack.append(claim.id)
        try:
            if isinstance(claim, ComparisonClaim):
                return self.judge_comparison(claim)
            if isinstance(claim, RankClaim):
                return self.judge_rank(claim, _unjudged(claim))
            probe = self.stated(claim, None)
            quantity, expression = recompute(self.resolve, claim, probe)
        finally:
            self.stack.pop()
        if remember:
            self.computed.setdefault(claim.id, quantity)
        stated = (
            self.stated(claim, quantity.unit)
            if isinstance(claim, (ValueClaim, DifferenceClaim, FormulaClaim))
            else probe
        )
        return judge_number(claim, stated, quantity, expression)

    def judge_comparison(self, claim: ComparisonClaim) -> Outcome:
        """A comparison's verdict: its two sides resolved here, judged by `judge.judge_comparison`."""
        stated = self.stated(claim, None)
        assert claim.left is not None and claim.right is not None
        left = self.resolve(claim.left)
        right = self.resolve(claim.right)
        return judge_comparison(claim, stated, left, right)

    def judge_rank(self, claim: RankClaim, base: Outcome) -> Outcome:
        """A rank's verdict: `of` and `among` resolved here, judged by `ranks.judge_rank`."""
        # the rank machinery is imported by the first rank judged: a file without ranks never pays for it
        from factcheck.check.ranks import judge_rank, rank_outcome
        from factcheck.words.ranks import parse_rank_words
        from factcheck.words.table import End

        words = parse_rank_words(claim.stated)
        of, among, used = self.rank_entries(claim)
        judgement = judge_rank(words, of, among, order=None if claim.order is None else End(claim.order))
        basis = used[0].basis
        figures: dict[str, None] = {}  # each name once, in order of first use: one dict, not a merge per value
        for quantity in used:
            basis = weakest_basis(basis, quantity.basis)
            figures.update(dict.fromkeys(quantity.figures))
        return rank_outcome(judgement, base, basis=basis, figures=tuple(figures))

    def rank_entries(self, claim: RankClaim) -> tuple[Entry, list[Entry], list[Quantity]]:
        """`of` and each of `among` as values to rank, in `of`'s unit (another unit of the same kind is
        converted; one of another kind is an error), and the quantities they came from."""
        assert claim.of is not None
        of_quantity = self.resolve(claim.of)
        of = self.rank_entry(claim.of, of_quantity.interval, of_quantity.text)
        among, used = [], [of_quantity]
        changes: dict[Unit, Conversion] = {}  # a column's values share one unit: one conversion for all
        for name in claim.among:
            quantity = self.resolve(name)
            change = changes.get(quantity.unit)
            if change is None:
                change = conversion_between(quantity.unit, of_quantity.unit, f"{self.rank_label(name)!r}", "`of`")
                changes[quantity.unit] = change
            interval = quantity.interval if change.is_identity else in_unit(quantity.interval, change)
            among.append(self.rank_entry(name, interval, quantity.text))
            used.append(quantity)
        return self.as_its_row(claim, of, of_quantity, among), among, used

    def as_its_row(self, claim: RankClaim, of: Entry, of_quantity: Quantity, among: list[Entry]) -> Entry:
        """`of` for an area a ranked column has a row for is that row, counted once (its value, not the row's,
        is the one ranked): a figure written by hand with that `area`, or a claim computed from figures of
        that area alone ("767 for every 100,000" from Mossbridge's counts). `of` is counted among the values
        whether or not they name it, so it must not be counted twice."""
        figure = self.figures.get(claim.of) if claim.of is not None else None
        if claim.column is None or (figure is not None and figure.cell is not None):
            return of
        names = (figure.name,) if figure is not None else of_quantity.figures
        areas = {self.area_of(name) for name in names}
        if len(areas) != 1 or None in areas:
            return of
        (area,) = areas
        rows = [entry for entry in among if " ".join(entry.label.casefold().split()) == area]
        return attrs.evolve(of, key=rows[0].key, label=rows[0].label) if len(rows) == 1 else of

    def area_of(self, name: str) -> str | None:
        """The area of a figure (a table's row key, or its `area`), white space folded and lower case."""
        figure = self.figures.get(name) or self.file.cells.get(name)
        if figure is None or figure.area is None:
            return None
        return " ".join(figure.area.casefold().split())

    def rank_entry(self, name: str, value: Interval, text: str) -> Entry:
        """One value ranked: a table's cell is the same entry however it is named (`of` is counted once)."""
        from factcheck.check.ranks import Entry

        figure = self.figures.get(name) or self.file.cells.get(name)
        if figure is not None and figure.cell is not None:
            cell = figure.cell
            return Entry(
                key=cell_name(cell.table, cell.column, cell.row),
                label=cell.row,
                value=value,
                shown=cell.text,
            )
        if figure is not None:
            return Entry(key=name, label=name, value=value, shown=show_exact(figure.value))
        return Entry(key=name, label=name, value=value, shown=text)

    def rank_label(self, name: str) -> str:
        figure = self.file.cells.get(name)
        return figure.cell.row if figure is not None and figure.cell is not None else name


def _unjudged(
    claim: Claim, verdict: Verdict = Verdict.UNCHECKED, explanation: str = "", *, draft: bool = False
) -> Outcome:
    """The outcome of a claim the verdict rules do not judge: an error, a draft, unchecked (or a rank's, to fill in)."""
    return Outcome(
        id=claim.id,
        kind=claim.kind,
        verdict=verdict,
        explanation=explanation,
        stated=claim.stated,
        location=claim.location,
        sentence=claim.sentence,
        draft=draft,
    )


def _draft(claim: Claim, inputs: dict[str, str]) -> Outcome:
    """The outcome of a draft's claim: the inputs still to be filled in, with the guess at each name."""
    wanted = ", ".join(
        f"{field} (perhaps {value[1:]!r})" if len(value) > 1 else field
        for field, value in inputs.items()
        if is_placeholder(value)
    )
    return _unjudged(claim, explanation=f"draft: fill in {wanted}", draft=True)


def _count_like(unit: Unit | None) -> bool:
    """Whether words are read as a count's for a value in `unit` (None: not known yet): not a percentage,
    points, nor a rate (a unit with a negative exponent)."""
    return unit is None or not (unit.is_percent or unit.dims == POINTS.dims or any(e < 0 for _, e in unit.dims))


def _error_text(exc: BaseException) -> str:
    if isinstance(exc, PhraseError):
        return f"stated: {exc}"
    return str(exc)


def _figure_quantity(figure: Figure, claims_file: ClaimsFile) -> Quantity:
    source = claims_file.sources.get(figure.source) if figure.source else None
    basis = source.kind if source is not None else SourceKind.UNSOURCED
    # in the engine's numbers first: the interval and the text are made from them, not from Fraction's
    value = exact(figure.value)
    rounded = exact(figure.rounded) if figure.rounded else None
    shown = show_exact(value)
    text = shown if rounded is None else f"{shown} (±{show_exact(rounded / 2)})"
    return Quantity(engine_figure(value, rounded), parse_unit(figure.unit), text, basis, (figure.name,))


def _refuse_negative_figure(name: str, quantity: Quantity) -> None:
    """A figure below zero in a unit that cannot be (a count, kelvin) is an impossible value: an error."""
    hi = quantity.interval.hi
    if hi is None or hi >= 0:
        return
    what = impossible_when_negative(quantity.unit)
    if what == "a count":
        raise ImpossibleValueError(
            f"the figure {name!r} is {quantity.text}, a negative count of {quantity.unit.text}, which cannot be"
        )
    if what is not None:
        raise ImpossibleValueError(
            f"the figure {name!r} is {quantity.text} {quantity.unit.text}, but {what} cannot be negative"
        )
