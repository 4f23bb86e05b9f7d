"""Recomputes every claim from the base figures and judges it against its stated words.

Each kind has one recompute function (in `_RECOMPUTE`); they work on exact intervals, so a
rounded figure carries its uncertainty through. Where two units of one dimension meet (a
comparison, a change, a share, a ratio, a formula's + − × ÷ …) one is converted into the other
first, and the explanation shows it ("6 weeks = 42 days"). References to other claims use those
claims' recomputed values, computed deepest first without recursion, so a chain may be as long
as a file is; a cycle is an error. A recomputed value past the bound on computed values (below
10^300 in size, its exact fraction's numerator and denominator below 2^4096) is an error too.
A claim that cannot be evaluated becomes an `error` outcome, never an exception, so one bad
claim never hides the others.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Mapping
from difflib import get_close_matches
from fractions import Fraction
from pathlib import Path
from typing import Final

import attrs

from factcheck.model.claims import (
    Article,
    BrokenClaim,
    ChangeClaim,
    Claim,
    ClaimBase,
    ClaimsFile,
    ComparisonClaim,
    Defaults,
    DifferenceClaim,
    Figure,
    FormulaClaim,
    OneInClaim,
    PointChangeClaim,
    RateClaim,
    RatioClaim,
    Sentence,
    ShareClaim,
    Source,
    SourceKind,
    ValueClaim,
)
from factcheck.load.claimsfile import load_claims_file, loads_claims_file
from factcheck.errors import (
    ClaimsFileError,
    CycleError,
    FactcheckError,
    FormulaError,
    PhraseError,
    UnitMismatchError,
    UnknownNameError,
    ZeroDenominatorError,
)
from factcheck.model.formula import evaluate_formula, formula_names, parse_formula
from factcheck.numbers.interval import Interval
from factcheck.numbers.display import decimals_of, show, show_against, show_interval, show_significant
from factcheck.words.stated import Stated, parse_stated, parse_tolerance
from factcheck.numbers.units import (
    ONE,
    PERCENT,
    POINTS,
    Conversion,
    Unit,
    conversion,
    describe,
    impossible_when_negative,
    in_terms_of,
    parse_unit,
    spoken,
)
from factcheck.model.results import FileResult, Outcome
from factcheck.model.verdicts import Verdict
from factcheck.words.table import Relation

__all__ = ["Quantity", "check_file", "verify_claim", "verify_file"]

_HUNDRED: Final = Fraction(100)
#: The bound on computed values: below 10^300 in size (the figures' own bound is 10^101; this
#: leaves room for products of them, and keeps every value within a report's floating point),
#: and exact fractions whose numerator and denominator are below 2^4096 (about 1,233 digits).
MAX_COMPUTED_EXPONENT: Final = 300
MAX_COMPUTED_BITS: Final = 4096
_MAX_COMPUTED: Final = 10**MAX_COMPUTED_EXPONENT


@attrs.frozen
class Quantity:
    """A recomputed value: an interval in a unit, how it was written, and what it rests on."""

    interval: Interval
    unit: Unit
    text: str
    basis: SourceKind | None = None
    figures: tuple[str, ...] = ()
    signed: bool = False  # a difference (to − from, a formula with a minus): below zero is no impossible value


def check_file(path: str | Path, data: bytes | None = None) -> FileResult:
    """Load and verify one claims file; a file that cannot be read gives a result with an error.

    `data`: the file's bytes when the caller has read them already (the cache has, to find them).
    """
    try:
        claims_file = load_claims_file(path) if data is None else \
            loads_claims_file(data, str(path), base_dir=Path(path).parent)
    except ClaimsFileError as exc:
        return FileResult(str(path), errors=(exc,))
    return verify_file(claims_file)


def verify_file(claims_file: ClaimsFile) -> FileResult:
    """Verify every claim of a loaded file; sentences with a `check` become `unchecked` outcomes."""
    verifier = _Verifier(claims_file)
    outcomes: list[Outcome] = []
    for sentence in claims_file.sentences:
        if sentence.check is not None:
            outcomes.append(Outcome(
                id=f"sentence-{sentence.index + 1}", kind="sentence", verdict=Verdict.UNCHECKED,
                explanation=f"nothing to recompute ({sentence.check.value})", location=sentence.location,
                sentence=sentence.index, check=sentence.check.value))
        outcomes.extend(verifier.outcome(claim) for claim in sentence.claims)
    if any(outcome.verdict is Verdict.CONTRADICTED for outcome in outcomes):
        from factcheck.diagnose import diagnose_outcomes  # noqa: PLC0415 - only contradicted claims pay for it

        outcomes = diagnose_outcomes(claims_file, outcomes, figure_quantities=verifier.figure_quantities)
    claim_problems = {id(p) for claim in claims_file.claims() if isinstance(claim, BrokenClaim) for p in claim.problems}
    file_errors = tuple(p for p in claims_file.problems if id(p) not in claim_problems)
    return FileResult(claims_file.path, tuple(outcomes), file_errors, claims_file.gaps, claims_file)


def verify_claim(claim: Claim, figures: Iterable[Figure], *, sources: Mapping[str, Source] | None = None,
                 rounding: str = "nearest") -> Outcome:
    """Check one claim built in code against figures built in code."""
    figure_map = {figure.name: figure for figure in figures}
    claims_file = ClaimsFile("<code>", Article("", dt.date.min), dict(sources or {}), figure_map,
                             Defaults(rounding), (Sentence("", (claim,)),))
    return _Verifier(claims_file).outcome(claim)


class _ClaimFailed(FactcheckError):
    """A claim this one depends on could not be computed.

    `origin` is the claim whose own error it is and `reason` that error, so that a long chain of
    claims says where the trouble is instead of nesting one message in the next.
    """

    def __init__(self, message: str, *, origin: str = "", reason: str = "") -> None:
        super().__init__(message)
        self.origin = origin
        self.reason = reason


def _failed_use(name: str, error: FactcheckError) -> _ClaimFailed:
    """What a claim using claim `name` is told of its error: where the error is, and what it is."""
    if isinstance(error, _ClaimFailed) and error.origin:
        origin, reason = error.origin, error.reason
    else:
        origin, reason = name, str(error)
    if origin == name:
        return _ClaimFailed(f"it uses claim {name!r}, which has an error: {reason}", origin=origin, reason=reason)
    return _ClaimFailed(f"it uses claim {name!r}, which relies on claim {origin!r}, which has an error: {reason}",
                        origin=origin, reason=reason)


class _Cycle(CycleError):
    """A cycle found while settling references, its claims also kept as a set: each of them asks."""

    def __init__(self, chain: tuple[str, ...]) -> None:
        super().__init__(chain)
        self.members = frozenset(chain)


class _InputsMissing(FactcheckError):
    """A claim this one depends on has no inputs, so neither can be checked."""


class _DraftInput(FactcheckError):
    """A claim this one depends on is still a draft (its inputs are placeholders)."""


class _Verifier:
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

    # -- names -------------------------------------------------------------------------------
    def resolve(self, name: str) -> Quantity:
        known = self.figure_quantities.get(name)
        if known is not None:
            return known
        figure = self.figures.get(name)
        if figure is not None:
            quantity = _figure_quantity(figure, self.file)
            _refuse_negative_figure(name, quantity)
            self.figure_quantities[name] = quantity
            return quantity
        claim = self.claims.get(name)
        if claim is not None:
            quantity = self.compute(claim)
            return attrs.evolve(quantity, text=f"[{name}: {show_interval(quantity.interval)}]")
        if name in self.file.broken_figures:  # it exists: say why it cannot be used, not that it is unknown
            line = self.file.broken_figures[name]
            raise _ClaimFailed(f"figure {name!r} has an error" + (f" (line {line})" if line is not None else ""))
        candidates = list(self.figures) + [c for c in self.claims if c not in self.stack]
        raise UnknownNameError(name, tuple(get_close_matches(name, candidates, n=2)))

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
            raise CycleError((*self.stack[self.stack.index(claim.id):], claim.id))
        if isinstance(claim, BrokenClaim):
            raise _ClaimFailed(f"it uses claim {claim.id!r}, which has an error")
        if isinstance(claim, ComparisonClaim):
            raise _ClaimFailed(f"claim {claim.id!r} is a comparison and has no value to use")
        missing = [field for field in claim.INPUTS if field not in claim.inputs()]
        if missing:
            raise _InputsMissing(f"it uses claim {claim.id!r}, whose inputs are missing")
        if claim.placeholders():
            raise _DraftInput(f"draft: it uses claim {claim.id!r}, whose inputs are still to be filled in")
        self.stack.append(claim.id)
        try:
            quantity, _ = _recompute(self, claim, self.stated(claim, None))
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
        if isinstance(error, (_InputsMissing, _DraftInput)) or not self.stack:
            return error  # unchecked or draft, not an error; or asked directly (suggest), not on another's behalf
        members = error.members if isinstance(error, _Cycle) else error.chain if isinstance(error, CycleError) else ()
        if self.stack[0] in members:
            return error  # the claim judged is itself in the cycle: say so, not "uses a claim with an error"
        return _failed_use(name, error)

    def references(self, claim: Claim) -> list[str]:
        """The claims (not figures) this claim's value is computed from."""
        if isinstance(claim, (BrokenClaim, ComparisonClaim)):
            return []
        if isinstance(claim, FormulaClaim):
            try:
                names = formula_names(parse_formula(claim.expr)) if claim.expr is not None else []
            except FormulaError:
                return []
        else:
            names = list(claim.inputs().values())
        return [name for name in names if name in self.claims and name not in self.figures]

    def settle_references(self, claim: Claim) -> None:
        """Compute the claims `claim` refers to, deepest first, with an explicit stack, not recursion.

        Then computing `claim` resolves its references one level deep only, however long the chain
        (`a` uses `b` uses `c` …). A cycle met on the way is recorded against each of its claims.
        """
        path = [claim.id]
        on_path = {claim.id}
        pending = [iter(self.references(claim))]
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
                self.record_cycle((*path[path.index(name):], name))
            elif name not in self.settled and name not in self.computed:
                path.append(name)
                on_path.add(name)
                pending.append(iter(self.references(self.claims[name])))

    def record_cycle(self, chain: tuple[str, ...]) -> None:
        """Each claim of a cycle gets the error, the chain told from where it was found."""
        error = _Cycle(chain)
        for name in chain[:-1]:
            self.computed.setdefault(name, error)

    def stated(self, claim: ClaimBase, unit: Unit | None) -> Stated:
        count_like = unit is None or not (unit.is_percent or unit.dims == POINTS.dims or any(e < 0 for _, e in unit.dims))
        tolerance = parse_tolerance(claim.tolerance) if claim.tolerance is not None else None
        return parse_stated(claim.stated, claim.kind, rounding=self.rounding, tolerance=tolerance, widen=self.widen,
                            direction_given=claim.direction is not None, count_like=count_like)

    def could_support(self, claim: Claim) -> bool:
        """False when the claim certainly is not supported; a cheap sieve before `outcome` (no text).

        Supported needs the recomputed value, or its size or its negation (for a direction given
        apart from the words), to meet the interval the words allow.
        """
        if isinstance(claim, (BrokenClaim, ComparisonClaim)) or len(claim.inputs()) != len(claim.INPUTS):
            return True
        try:
            stated = self.stated(claim, None)
            self.stack.append(claim.id)
            try:
                quantity, _ = _recompute(self, claim, stated)
            finally:
                self.stack.pop()
        except (FactcheckError, ZeroDivisionError):
            return False
        return _may_meet(quantity.interval, stated.interval)

    # -- one claim -----------------------------------------------------------------------------
    def outcome(self, claim: Claim, *, remember: bool = True) -> Outcome:
        """The verdict on one claim; `remember=False` for a variant, whose value no other claim may use."""
        base = Outcome(id=claim.id, kind=claim.kind, verdict=Verdict.UNCHECKED, explanation="", stated=claim.stated,
                       location=claim.location, sentence=claim.sentence)
        if isinstance(claim, BrokenClaim):
            message = "; ".join(f"{p.field}: {p.message}" if p.field else p.message for p in claim.problems)
            return attrs.evolve(base, verdict=Verdict.ERROR, explanation=message)
        inputs = claim.inputs()
        placeholders = claim.placeholders()
        if placeholders:
            wanted = ", ".join(f"{field} (perhaps {value[1:]!r})" if len(value) > 1 else field
                               for field, value in placeholders.items())
            return attrs.evolve(base, draft=True, explanation=f"draft: fill in {wanted}")
        if not inputs:
            return attrs.evolve(base, explanation="inputs missing: nothing to recompute it from")
        missing = [field for field in claim.INPUTS if field not in inputs]
        if missing:
            return attrs.evolve(base, verdict=Verdict.ERROR,
                                explanation=f"missing input field {', '.join(map(repr, missing))}")
        try:
            return self.judge(claim, base, remember=remember)
        except _InputsMissing as exc:
            return attrs.evolve(base, explanation=str(exc))
        except _DraftInput as exc:
            return attrs.evolve(base, draft=True, explanation=str(exc))
        except (FactcheckError, ZeroDivisionError) as exc:
            return attrs.evolve(base, verdict=Verdict.ERROR, explanation=_error_text(exc))

    def judge(self, claim: Claim, base: Outcome, *, remember: bool = True) -> Outcome:
        if claim.id not in self.settled:  # references first, found from the claim judged (a cycle is told from it)
            self.settle_references(claim)
        self.stack.append(claim.id)
        try:
            if isinstance(claim, ComparisonClaim):
                return self.judge_comparison(claim, base)
            probe = self.stated(claim, None)
            quantity, expression = _recompute(self, claim, probe)
        finally:
            self.stack.pop()
        if remember:
            self.computed.setdefault(claim.id, quantity)
        stated = self.stated(claim, quantity.unit) if isinstance(claim, (ValueClaim, DifferenceClaim, FormulaClaim)) \
            else probe
        return _judge_number(claim, stated, quantity, expression, base)

    def judge_comparison(self, claim: ComparisonClaim, base: Outcome) -> Outcome:
        stated = self.stated(claim, None)
        relation = stated.relation
        assert claim.left is not None and claim.right is not None
        left = self.resolve(claim.left)
        right = self.resolve(claim.right)
        if relation is None:  # "compared with", "versus": side by side, with no relation to check
            words = f"{left.text} and {right.text}: {stated.neutral!r} states no relation"
            return attrs.evolve(base, explanation=words, basis=_weakest(left.basis, right.basis),
                                figures=_merge(left.figures, right.figures))
        change = _convert(right.unit, left.unit, "right", "left")
        r = _converted(right.interval, change)
        lq = left.interval
        tolerance = parse_tolerance(claim.tolerance) if claim.tolerance is not None else None
        verdict, gross, words = _compare(lq, r, relation, tolerance)
        relation_text = _relation_text(lq, r)
        if change.is_identity:
            text = f"{left.text} {relation_text} {right.text}"
        else:  # "38 days < 6 weeks = 42 days": the reader sees what was compared
            text = f"{_with_unit(left.text, left.unit)} {relation_text} {_conversion_text(right, r, left.unit)}"
        # a claim's value, or a converted one, is shown rounded (a figure is shown as written)
        if relation_text in ("<", ">") and (left.text.startswith("[") or right.text.startswith("[")
                                            or not change.is_identity):
            text += _told_apart(lq, r)
        basis = _weakest(left.basis, right.basis)
        return attrs.evolve(base, verdict=verdict, gross=gross, explanation=f"{text}: {words}", basis=basis,
                            figures=_merge(left.figures, right.figures))


def _told_apart(left: Interval, right: Interval) -> str:
    """" (0.12346 against 0.12345)" when two values that differ look alike as shown; "" otherwise."""
    shown_left, shown_right = show_against(left, right, None)
    if shown_left == show_interval(left) and shown_right == show_interval(right):
        return ""
    return f" ({shown_left} against {shown_right})"


def _error_text(exc: BaseException) -> str:
    if isinstance(exc, PhraseError):
        return f"stated: {exc}"
    return str(exc)


def _figure_quantity(figure: Figure, claims_file: ClaimsFile) -> Quantity:
    source = claims_file.sources.get(figure.source) if figure.source else None
    basis = source.kind if source is not None else SourceKind.UNSOURCED
    value = _as_written(figure.value)
    text = value if not figure.rounded else f"{value} (±{_as_written(figure.rounded / 2)})"
    return Quantity(figure.interval, parse_unit(figure.unit), text, basis, (figure.name,))


def _as_written(value: Fraction) -> str:
    """A figure's value with every digit it has (a figure is an exact decimal: 0.00123 is not 0.0012)."""
    if value.denominator == 1:
        return show(value)
    rest, twos, fives = value.denominator, 0, 0
    while rest % 2 == 0:
        rest //= 2
        twos += 1
    while rest % 5 == 0:
        rest //= 5
        fives += 1
    places = max(twos, fives)  # a decimal's denominator is 2^a × 5^b: it has max(a, b) places
    return show(value, places) if rest == 1 and places > 4 else show(value)


def _refuse_negative_figure(name: str, quantity: Quantity) -> None:
    """A figure below zero in a unit that cannot be (a count, kelvin) is an impossible value: an error."""
    hi = quantity.interval.hi
    if hi is None or hi >= 0:
        return
    what = impossible_when_negative(quantity.unit)
    if what == "a count":
        raise _Impossible(f"the figure {name!r} is {quantity.text}, a negative count of {quantity.unit.text}, "
                          "which cannot be")
    if what is not None:
        raise _Impossible(f"the figure {name!r} is {quantity.text} {quantity.unit.text}, but {what} cannot be "
                          "negative")


def _weakest(a: SourceKind | None, b: SourceKind | None) -> SourceKind | None:
    """The weaker of two sources (the first on a tie); two arguments, no key function: every recompute asks."""
    if a is None:
        return b
    return a if b is None or a.rank >= b.rank else b


def _merge(a: tuple[str, ...], b: tuple[str, ...]) -> tuple[str, ...]:
    """Both groups' names, each once, in order of first use (no generator: every recompute asks)."""
    return tuple({**dict.fromkeys(a), **dict.fromkeys(b)})


def _convert(source: Unit, target: Unit, source_role: str, target_role: str) -> Conversion:
    try:
        return conversion(source, target)
    except UnitMismatchError as exc:
        raise UnitMismatchError(source.text, target.text,
                                f"{source_role} is in {source.text!r}, {target_role} in {target.text!r}") from exc


def _converted(interval: Interval, change: Conversion) -> Interval:
    """The interval read in the other unit (identity costs nothing: the common case)."""
    if change.is_identity:
        return interval
    scaled = interval.scale(change.factor)
    return scaled.shift(change.offset) if change.offset else scaled


def _with_unit(text: str, unit: Unit) -> str:
    """A value with its unit, as a conversion is shown: "6 weeks", "12%", "10 × 1000 person"."""
    if unit.is_percent:
        return f"{text}%"
    if unit.is_dimensionless and unit.factor == 1:
        return text
    label = spoken(unit, plural=text != "1")
    return f"{text} × {label}" if label[:1].isdigit() else f"{text} {label}"


def _conversion_text(quantity: Quantity, converted: Interval, unit: Unit) -> str:
    """'6 weeks = 42 days': a value as it was given and as it is used."""
    shown = show_significant(converted.lo) if converted.is_point and converted.lo is not None \
        else show_interval(converted)
    return f"{_with_unit(quantity.text, quantity.unit)} = {_with_unit(shown, unit)}"


def _base(quantity: Quantity) -> tuple[Interval, Unit, str]:
    """A value in its unit's own terms ("10" of "1000 person" is 10,000 people), shown if it moved."""
    interval, unit = _in_own_terms(quantity.interval, quantity.unit)
    if unit is quantity.unit:
        return interval, unit, quantity.text
    return interval, unit, f"({_conversion_text(quantity, interval, unit)})"


def _in_own_terms(interval: Interval, unit: Unit) -> tuple[Interval, Unit]:
    """A value in a scaled unit of things ("64.3" of "1000 person") in the things themselves (64,300
    people); a plain number or a percentage as it is (the words' "%" reads a percentage)."""
    if unit.factor == 1 or not unit.dims:
        return interval, unit
    return interval.scale(unit.factor), Unit(Fraction(1), unit.dims, describe(Fraction(1), unit.dims))


def _is_amount(unit: Unit) -> bool:
    """A count or amount of things (no "per"): its plain number is in the things themselves."""
    return all(exp > 0 for _, exp in unit.dims)


def _recompute(v: _Verifier, claim: Claim, stated: Stated) -> tuple[Quantity, str]:
    """The claim's kind recomputes it; a value past the bound on computed values is an error."""
    quantity, expression = _RECOMPUTE[type(claim)](v, claim, stated)
    _within_bound(quantity.interval)
    return quantity, expression


def _within_bound(interval: Interval) -> None:
    """Raise when a computed value passes the bound (MAX_COMPUTED_EXPONENT, MAX_COMPUTED_BITS).

    Cheap (two bit lengths and a comparison per end), so it runs after every operation: chained
    products stop at the bound instead of growing for ever.
    """
    lo, hi = interval.lo, interval.hi
    for end in (lo,) if lo is hi else (lo, hi):
        if end is None:
            continue
        numerator, denominator = end.numerator, end.denominator
        if numerator.bit_length() > MAX_COMPUTED_BITS or denominator.bit_length() > MAX_COMPUTED_BITS:
            raise _OutOfBounds("the recomputed value is past the bound on computed values: its exact fraction "
                               f"needs more than {MAX_COMPUTED_BITS:,} binary digits")
        if abs(numerator) >= _MAX_COMPUTED * denominator:
            raise _OutOfBounds("the recomputed value is past the bound on computed values: it is "
                               f"{show(abs(end))} in size, and must be below 10^{MAX_COMPUTED_EXPONENT}")


def _nonzero(quantity: Quantity, role: str) -> None:
    interval = quantity.interval
    assert interval.lo is not None and interval.hi is not None
    if interval.lo <= 0 <= interval.hi:
        what = "zero" if interval.is_point else f"possibly zero (it lies in {show_interval(interval)})"
        raise ZeroDenominatorError(f"the {role} {quantity.text} is {what}: nothing can be divided by it")


def _not_negative(quantity: Quantity, role: str, why: str) -> None:
    """An input below zero where the kind needs it positive: an impossible value, an error."""
    if quantity.interval.hi is not None and quantity.interval.hi < 0:
        raise _Impossible(f"the {role} {quantity.text} is negative: {why}")


def _not_negative_count(quantity: Quantity, role: str) -> None:
    """A count below zero cannot be, unless it is a difference; money, temperatures and the like can."""
    if quantity.signed or quantity.interval.hi is None or quantity.interval.hi >= 0:
        return
    what = impossible_when_negative(quantity.unit)
    if what is not None:
        raise _Impossible(f"the {role} {quantity.text} is negative, which {what} cannot be")


class _Impossible(FactcheckError):
    """A value that cannot be: a share above 100%, a negative count."""


class _OutOfBounds(FactcheckError):
    """A recomputed value past the bound on computed values."""


# -- recomputation, one function per kind ---------------------------------------------------

Recompute = Callable[[_Verifier, Claim, Stated], tuple[Quantity, str]]


def _value(v: _Verifier, claim: ValueClaim, stated: Stated) -> tuple[Quantity, str]:
    assert claim.figure is not None
    q = v.resolve(claim.figure)  # a figure that is a negative count was refused there
    interval = q.interval
    unit = q.unit
    if stated.unit == "percent" and not unit.is_percent:
        if not unit.is_dimensionless:
            raise UnitMismatchError("percent", unit.text, "the words say per cent but the figure is not a percentage")
        interval = interval.scale(unit.factor / PERCENT.factor)
        unit = PERCENT
    elif stated.unit == "points" and unit.dims != POINTS.dims and not unit.is_percent:
        raise UnitMismatchError("percentage points", unit.text, "the words say points")
    elif stated.unit not in (None, "percent", "points"):
        interval, unit = _in_currency(interval, unit, stated.unit, "the figure is not")
    elif stated.unit is None and stated.per is None and _is_amount(unit):
        interval, unit = _in_own_terms(interval, unit)  # "64,300" of 64.3 thousand people
    # a figure read in the words' unit says what it was in: "250 pence = 2.50"
    text = q.text if unit.factor == q.unit.factor or unit.dims != q.unit.dims else _with_unit(q.text, q.unit)
    if stated.per is not None:
        # "16.6 per 1,000" of a figure published per 100,000 (or per person): expressed per the words' base
        if not any(exp < 0 for _, exp in unit.dims):
            raise UnitMismatchError(unit.text, f"per {show(stated.per)}", "the words give a rate but the figure is not one")
        factor = unit.factor * stated.per
        if factor != 1:
            interval = interval.scale(factor)
            text = f"{q.text} {unit.text}, per {show(stated.per)}"
        unit = _per_unit(unit.dims, stated.per, unit)  # the value is now per the words' base, and says so
    return Quantity(interval, unit, q.text, q.basis, q.figures, q.signed), text


def _in_currency(interval: Interval, unit: Unit, currency: str, what: str) -> tuple[Interval, Unit]:
    """A value the words give in a currency ("£2.50"): in that currency's units (pence are read as pounds)."""
    if unit.currency() != currency:
        raise UnitMismatchError(currency, unit.text, f"the words name {currency} but {what}")
    if unit.dims == ((currency, 1),) and unit.factor != 1:
        return interval.scale(unit.factor), Unit(Fraction(1), unit.dims, currency)
    return interval, unit


def _per_unit(dims: tuple[tuple[str, int], ...], per: Fraction, unit: Unit) -> Unit:
    """The unit of a rate per `per` ("offender per 1,000 person"); `unit` itself when it is that already."""
    if unit.factor * per == 1 and unit.dims == dims:
        return unit
    top = describe(Fraction(1), tuple((n, e) for n, e in dims if e > 0))
    bottom = describe(Fraction(1), tuple((n, -e) for n, e in dims if e < 0))
    return Unit(1 / per, dims, f"{top} per {show(per)} {bottom}")


def _rate(v: _Verifier, claim: RateClaim, stated: Stated) -> tuple[Quantity, str]:
    assert claim.numerator is not None and claim.denominator is not None
    if stated.one_in:  # "one adult for every 640 residents": the rate is 1 per N, judged on N
        if claim.per is not None and claim.per != stated.centre:
            raise _Impossible(f"the words give one in N, judged on N = denominator / numerator; `per` "
                              f"({show(claim.per)}) does not apply")
        quantity, expression = _one_in(v, claim, stated)
        return quantity, f"one in N, N = {expression}"
    per = stated.per
    if per is not None and claim.per is not None and per != claim.per:
        raise _Impossible(f"the words say per {show(per)} but `per` is {show(claim.per)}")
    per = per if per is not None else claim.per
    if per is None:
        raise _Impossible("a rate needs `per` (or words such as 'per 100,000' in stated)")
    num, den = v.resolve(claim.numerator), v.resolve(claim.denominator)
    _not_negative_count(num, "numerator")
    _nonzero(den, "denominator")
    _not_negative(den, "denominator", "a rate is per a positive number of something")
    # per 1,000 of what the denominator counts: a figure in thousands ("1000 person") is read in people first
    num_interval, num_unit, num_text = _base(num)
    den_interval, den_unit, den_text = _base(den)
    interval = (num_interval / den_interval).scale(per)
    over = num_unit / den_unit  # a percentage stays one: its factor is kept in the unit
    unit = Unit(over.factor / per, over.dims, f"{num_unit} per {show(per)} {den_unit}")
    return Quantity(interval, unit, "", _weakest(num.basis, den.basis), _merge(num.figures, den.figures)), \
        f"{num_text} / {den_text} × {show(per)}"


def _divide_like(top: Quantity, bottom: Quantity) -> tuple[Interval, Unit, str, str]:
    """top / bottom for a ratio or one-in-N: bottom read in top's unit when they measure one thing.

    "10 days / 1 week" is 10 / 7, so 1.43; an offender per person stays a quotient of units.
    (interval, unit, top's text, bottom's text).
    """
    try:
        change = conversion(bottom.unit, top.unit)
    except UnitMismatchError:  # two different things ("offender" and "person"): a quotient of units, as the spec allows
        # each side in its things themselves: 52 of "1000 doctor" is 52,000 doctors, never 52
        top_interval, top_unit, top_text = _base(top)
        bottom_interval, bottom_unit, bottom_text = _base(bottom)
        _nonzero(Quantity(bottom_interval, bottom_unit, bottom.text), "denominator")
        return top_interval / bottom_interval, top_unit / bottom_unit, top_text, bottom_text
    bottom_interval = _converted(bottom.interval, change)
    _nonzero(Quantity(bottom_interval, top.unit, bottom.text), "denominator")
    interval = top.interval / bottom_interval
    if change.is_identity:
        return interval, ONE, top.text, bottom.text
    return interval, ONE, _with_unit(top.text, top.unit), f"({_conversion_text(bottom, bottom_interval, top.unit)})"


def _one_in(v: _Verifier, claim: OneInClaim | RateClaim, stated: Stated) -> tuple[Quantity, str]:
    assert claim.numerator is not None and claim.denominator is not None
    num, den = v.resolve(claim.numerator), v.resolve(claim.denominator)
    _not_negative(den, "denominator", "'one in N' needs positive numbers")
    _nonzero(num, "numerator")
    _not_negative(num, "numerator", "'one in N' needs positive numbers")
    interval, unit, den_text, num_text = _divide_like(den, num)
    return Quantity(interval, unit, "", _weakest(num.basis, den.basis), _merge(num.figures, den.figures)), \
        f"{den_text} / {num_text}"


def _from_to(v: _Verifier, claim: ChangeClaim | PointChangeClaim | DifferenceClaim) \
        -> tuple[Quantity, Quantity, Interval, str, str]:
    """from, to, to's interval in from's unit, and how each is shown (with units when one was converted)."""
    assert claim.from_ is not None and claim.to is not None
    old, new = v.resolve(claim.from_), v.resolve(claim.to)
    change = _convert(new.unit, old.unit, "to", "from")
    new_interval = _converted(new.interval, change)
    if change.is_identity:
        return old, new, new_interval, old.text, new.text
    return old, new, new_interval, _with_unit(old.text, old.unit), f"({_conversion_text(new, new_interval, old.unit)})"


def _change(v: _Verifier, claim: ChangeClaim, stated: Stated) -> tuple[Quantity, str]:
    old, new, new_interval, old_text, new_text = _from_to(v, claim)
    _nonzero(old, "starting value (from)")
    _not_negative(old, "starting value (from)", "a percentage change from a value below zero has no meaning")
    interval = (new_interval / old.interval - Interval.point(1)).scale(_HUNDRED)
    return Quantity(interval, PERCENT, "", _weakest(old.basis, new.basis), _merge(old.figures, new.figures),
                    signed=True), f"({new_text} − {old_text}) / {old_text} × 100"


def _point_change(v: _Verifier, claim: PointChangeClaim, stated: Stated) -> tuple[Quantity, str]:
    assert claim.from_ is not None and claim.to is not None
    old, new = v.resolve(claim.from_), v.resolve(claim.to)
    intervals, texts = [], []
    for q, role in ((old, "from"), (new, "to")):
        if not (q.unit.is_percent or (q.unit.is_dimensionless and q.unit.factor != 1)):
            raise UnitMismatchError(q.unit.text, "percent", f"a point change needs percentages; {role} is not one")
        if q.unit.is_percent:
            intervals.append(q.interval)
            texts.append(q.text)
        else:  # per mille, say: read as a percentage
            interval = q.interval.scale(q.unit.factor / PERCENT.factor)
            intervals.append(interval)
            texts.append(f"({_conversion_text(q, interval, PERCENT)})")
    interval = intervals[1] - intervals[0]
    return Quantity(interval, POINTS, "", _weakest(old.basis, new.basis), _merge(old.figures, new.figures),
                    signed=True), f"{texts[1]} − {texts[0]}"


def _difference(v: _Verifier, claim: DifferenceClaim, stated: Stated) -> tuple[Quantity, str]:
    old, new, new_interval, old_text, new_text = _from_to(v, claim)
    interval = new_interval - old.interval
    unit = old.unit
    expression = f"{new_text} − {old_text}"
    if stated.unit not in (None, "percent", "points"):
        interval, unit = _in_currency(interval, unit, stated.unit, f"the figures are in {old.unit.text!r}")
    elif stated.unit is None and _is_amount(unit):
        interval, unit = _in_own_terms(interval, unit)
    if unit.factor != old.unit.factor and unit.dims == old.unit.dims:  # "(100 − 250) pence = -1.50"
        expression = _with_unit(f"({expression})", old.unit)
    return Quantity(interval, unit, "", _weakest(old.basis, new.basis), _merge(old.figures, new.figures),
                    signed=True), expression


def _ratio(v: _Verifier, claim: RatioClaim, stated: Stated) -> tuple[Quantity, str]:
    assert claim.numerator is not None and claim.denominator is not None
    num, den = v.resolve(claim.numerator), v.resolve(claim.denominator)
    _nonzero(den, "denominator")
    interval, unit, num_text, den_text = _divide_like(num, den)
    return Quantity(interval, unit, "", _weakest(num.basis, den.basis), _merge(num.figures, den.figures)), \
        f"{num_text} / {den_text}"


def _share(v: _Verifier, claim: ShareClaim, stated: Stated) -> tuple[Quantity, str]:
    assert claim.part is not None and claim.whole is not None
    part, whole = v.resolve(claim.part), v.resolve(claim.whole)
    change = _convert(part.unit, whole.unit, "part", "whole")
    part_interval = _converted(part.interval, change)
    _nonzero(whole, "whole")
    _not_negative(whole, "whole", "a share of it has no meaning")
    interval = (part_interval / whole.interval).scale(_HUNDRED)
    assert interval.lo is not None and interval.hi is not None
    if interval.lo > _HUNDRED:
        raise _Impossible(f"the part {part.text} is larger than the whole {whole.text}: a share above 100%")
    if interval.hi < 0:
        raise _Impossible("a negative share")
    part_text, whole_text = part.text, whole.text
    if not change.is_identity:
        part_text, whole_text = f"({_conversion_text(part, part_interval, whole.unit)})", \
            _with_unit(whole.text, whole.unit)
    return Quantity(interval, PERCENT, "", _weakest(part.basis, whole.basis), _merge(part.figures, whole.figures)), \
        f"{part_text} / {whole_text} × 100"


def _formula(v: _Verifier, claim: FormulaClaim, stated: Stated) -> tuple[Quantity, str]:
    assert claim.expr is not None
    formula = parse_formula(claim.expr)

    def number(value: Fraction) -> Quantity:
        return Quantity(Interval.point(value), ONE, _as_written(value))

    def apply(op: str, a: Quantity, b: Quantity) -> Quantity:
        a_text, b_text = a.text, b.text
        if op in "+-":
            change = _convert(b.unit, a.unit, "one side", "the other")
            b_interval = _converted(b.interval, change)
            interval = a.interval + b_interval if op == "+" else a.interval - b_interval
            unit = a.unit
            if not change.is_identity:
                a_text, b_text = _with_unit(a.text, a.unit), f"({_conversion_text(b, b_interval, a.unit)})"
        else:
            # a name of b that measures what one of a's does is read in a's ("10 days / 1 week" is 10/7)
            factor, b_unit = in_terms_of(b.unit, a.unit)
            b_interval = b.interval.scale(factor) if factor != 1 else b.interval
            if b_unit is not b.unit:
                a_text, b_text = _with_unit(a.text, a.unit), f"({_conversion_text(b, b_interval, b_unit)})"
            if op == "*":
                interval, unit = a.interval * b_interval, a.unit * b_unit
            else:
                _nonzero(Quantity(b_interval, b_unit, b.text), "divisor")
                interval, unit = a.interval / b_interval, a.unit / b_unit
        _within_bound(interval)  # at every step: a chain of products stops at the bound, not at the end
        symbol = {"*": "×", "-": "−"}.get(op, op)
        return Quantity(interval, unit, f"({a_text} {symbol} {b_text})", _weakest(a.basis, b.basis),
                        _merge(a.figures, b.figures), a.signed or b.signed or op == "-")

    def negate(a: Quantity) -> Quantity:
        return attrs.evolve(a, interval=a.interval.negate(), text=f"−{a.text}", signed=True)

    result = evaluate_formula(formula, name=v.resolve, number=number, apply=apply, negate=negate)
    unit, interval, expression = result.unit, result.interval, result.text
    if stated.unit == "percent" and not (unit.is_percent or unit.is_dimensionless):
        raise UnitMismatchError("percent", unit.text, "the words say per cent")
    if stated.unit == "percent" and unit.is_dimensionless and not unit.is_percent and unit.factor != 1:
        interval = interval.scale(unit.factor / PERCENT.factor)
    elif stated.unit is None and unit.is_dimensionless and not unit.is_percent and unit.factor != 1:
        interval, unit = interval.scale(unit.factor), ONE  # people / thousands of people: a plain number
        expression = f"{expression} × {show(result.unit.factor)}"
    elif stated.unit is None and _is_amount(unit):
        interval, unit = _in_own_terms(interval, unit)  # thousands of people: people
    if stated.unit not in (None, "percent", "points"):
        interval, unit = _in_currency(interval, unit, stated.unit, f"the formula gives {unit.text}")
    if unit.dims and unit.dims == result.unit.dims and unit.factor != result.unit.factor:
        expression = _with_unit(expression, result.unit)  # "(64.3 + 1) × 1000 person = 65,300"
    return attrs.evolve(result, interval=interval, unit=unit, text=""), expression


_RECOMPUTE: Final[dict[type, Recompute]] = {
    ValueClaim: _value,  # type: ignore[dict-item]
    RateClaim: _rate,  # type: ignore[dict-item]
    OneInClaim: _one_in,  # type: ignore[dict-item]
    ChangeClaim: _change,  # type: ignore[dict-item]
    PointChangeClaim: _point_change,  # type: ignore[dict-item]
    DifferenceClaim: _difference,  # type: ignore[dict-item]
    RatioClaim: _ratio,  # type: ignore[dict-item]
    ShareClaim: _share,  # type: ignore[dict-item]
    FormulaClaim: _formula,  # type: ignore[dict-item]
}


# -- judging ---------------------------------------------------------------------------------

_SIGNED_KINDS: Final = ("change", "difference", "point_change")


def _judge_number(claim: Claim, stated: Stated, quantity: Quantity, expression: str, base: Outcome) -> Outcome:
    computed = quantity.interval
    tight, loose = stated.interval, stated.loose
    places = _places(stated, computed)

    last: tuple[Interval, tuple[str, str]] | None = None  # the words are built, then the outcome, from one showing

    def shown(*, bounds: bool = True) -> tuple[str, str]:
        """The value and the words' interval (as they stand now) as shown: never seeming inside when outside."""
        nonlocal last
        if last is not None and last[0] is tight and (last[1][1] or not bounds):
            return last[1]
        # `computed` is the value's size when a change has no direction: the shown size is compared then
        texts = show_against(quantity.interval, tight, places, size=computed is not quantity.interval,
                             with_bounds=bounds)
        last = (tight, texts)
        return texts

    def outcome(verdict: Verdict, words: str, *, gross: bool = False, near: bool = False) -> Outcome:
        # `tight` and `computed` as they stand when the verdict is given; a direct call, not attrs.evolve (hot)
        head = f"{expression} = {shown(bounds=False)[0]}"
        return Outcome(id=base.id, kind=base.kind, verdict=verdict, explanation=f"{head}, {words}",
                       stated=base.stated, gross=gross, interval=tight, computed=computed, basis=quantity.basis,
                       location=base.location, sentence=base.sentence, near_miss=near, figures=quantity.figures,
                       check=base.check, draft=base.draft, diagnoses=base.diagnoses)

    if claim.kind in _SIGNED_KINDS:
        word_direction = stated.direction
        field_direction = {"increase": +1, "decrease": -1}.get(claim.direction or "")
        if word_direction and field_direction and word_direction != field_direction:
            raise _Impossible(f"`direction` is {claim.direction!r} but the words {stated.text!r} say the opposite")
        direction = word_direction or field_direction
        if direction is None:
            computed = _magnitude(computed)
        else:
            if word_direction is None and direction < 0:
                tight, loose = tight.negate(), loose.negate()
            assert computed.lo is not None and computed.hi is not None
            if (direction > 0 and computed.hi < 0) or (direction < 0 and computed.lo > 0):
                moved = "a rise" if computed.lo > 0 else "a fall"
                return outcome(Verdict.CONTRADICTED, f"{moved}, but {stated.text!r} says the opposite", gross=True)
            if computed.lo == computed.hi == 0:
                return outcome(Verdict.CONTRADICTED, f"no change at all, but {stated.text!r} says there was one")
    if stated.side:
        assert computed.lo is not None and computed.hi is not None
        if (stated.side > 0 and computed.hi <= 50) or (stated.side < 0 and computed.lo >= 50):
            which = "not a majority" if stated.side > 0 else "not a minority"
            return outcome(Verdict.CONTRADICTED, f"{which}, so {stated.text!r} is wrong", gross=True)
    if computed.overlaps(tight):
        if stated.hedge is None and stated.step is not None and computed.is_point and not stated.side:
            if stated.centre is not None and computed.lo == stated.centre:
                return outcome(Verdict.SUPPORTED, "as stated")
            sign = "−" if stated.centre is not None and stated.centre < 0 else ""
            return outcome(Verdict.SUPPORTED, f"which rounds to {sign}{stated.shown}")
        return outcome(Verdict.SUPPORTED, f"which fits {stated.text!r} ({shown()[1]})")
    if computed.overlaps(loose):
        return outcome(Verdict.LOOSE, f"true as worded, but {stated.text!r} implies {shown()[1]}")
    near = False
    if stated.step is not None and stated.centre is not None and stated.hedge is None:
        one_step = Interval(stated.centre - stated.step, stated.centre + stated.step, True, True)
        near = computed.overlaps(one_step) and claim.tolerance is None
    words = f"but {stated.text!r} means {shown()[1]}"
    if near:
        words += f"; within one step of {stated.shown}, so perhaps a rounding slip rather than a wrong number"
    return outcome(Verdict.CONTRADICTED, words, near=near)


def _places(stated: Stated, computed: Interval) -> int | None:
    """Decimal places to show a computed value with: one more than the stated number has."""
    bounds = [b for b in (computed.lo, computed.hi) if b is not None]
    if all(b.denominator == 1 for b in bounds):
        return None
    if stated.step is None:
        return 2
    if computed.is_point and computed.lo == stated.centre:
        return decimals_of(stated.step)
    return decimals_of(stated.step) + 1


def _may_meet(computed: Interval, tight: Interval) -> bool:
    """Whether the value, its negation or its size meets the interval the words allow."""
    if computed.overlaps(tight) or computed.overlaps(tight.negate()):
        return True
    # the size of a value wholly on one side of zero is the value or its negation, both tried above
    straddles = computed.lo is None or computed.hi is None or computed.lo < 0 < computed.hi
    return straddles and _magnitude(computed).overlaps(tight)


def _magnitude(interval: Interval) -> Interval:
    assert interval.lo is not None and interval.hi is not None
    if interval.lo >= 0:
        return interval
    if interval.hi <= 0:
        return interval.negate()
    return Interval(0, max(-interval.lo, interval.hi))


def _relation_text(left: Interval, right: Interval) -> str:
    if left.entirely_above(right):
        return ">"
    if left.entirely_below(right):
        return "<"
    if left.is_point and right.is_point:
        return "="
    return "≈"


def _compare(left: Interval, right: Interval, relation: Relation,
             tolerance: object) -> tuple[Verdict, bool, str]:
    """(verdict, gross, words) for `left relation right`, giving rounded inputs the benefit of the doubt."""
    if relation is Relation.EQUAL:
        half = Fraction(0)
        if tolerance is not None:
            half = tolerance.half_width(right.centre)  # type: ignore[attr-defined]
        if left.overlaps(right.widen(half)):
            return Verdict.SUPPORTED, False, "the same, as stated"
        return Verdict.CONTRADICTED, False, "they differ"
    greater = relation in (Relation.GREATER, Relation.AT_LEAST)
    strict = relation in (Relation.GREATER, Relation.LESS)
    if greater:
        right_side, wrong_side = left.entirely_above(right), left.entirely_below(right)
    else:
        right_side, wrong_side = left.entirely_below(right), left.entirely_above(right)
    equal = left.is_point and right.is_point and left.lo == right.lo
    side = "above" if greater else "below"
    if right_side:
        return Verdict.SUPPORTED, False, f"{side}, as stated"
    if wrong_side:
        other = "below" if greater else "above"
        return Verdict.CONTRADICTED, True, f"{other}, the wrong side: the words say {side}"
    if equal:
        if strict:
            return Verdict.CONTRADICTED, False, f"they are equal, so neither is {side} the other"
        return Verdict.SUPPORTED, False, "equal, which the words allow"
    return Verdict.SUPPORTED, False, f"the rounded figures overlap, so {side} cannot be ruled out"
