"""Recomputes every claim from the base figures and judges it against its stated words.

Each kind has one recompute function (in `_RECOMPUTE`); they work on exact intervals, so a
rounded figure carries its uncertainty through. References to other claims use those claims'
recomputed values; a cycle is an error. A claim that cannot be evaluated becomes an `error`
outcome, never an exception, so one bad claim never hides the others.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Mapping
from difflib import get_close_matches
from fractions import Fraction
from pathlib import Path
from typing import Final

import attrs

from factcheck.claims import (
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
    Gap,
    Location,
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
from factcheck.claimsfile import load_claims_file, loads_claims_file
from factcheck.errors import (
    ClaimsFileError,
    CycleError,
    FactcheckError,
    PhraseError,
    UnitMismatchError,
    UnknownNameError,
    ZeroDenominatorError,
)
from factcheck.formula import evaluate_formula, parse_formula
from factcheck.interval import Interval
from factcheck.numbers import decimals_of, show, show_interval
from factcheck.stated import Stated, parse_stated, parse_tolerance
from factcheck.units import ONE, PERCENT, POINTS, Unit, conversion_factor, parse_unit
from factcheck.verdict import Verdict
from factcheck.wording import Relation

__all__ = ["FileResult", "Outcome", "Quantity", "Verdict", "check_file", "verify_claim", "verify_file"]

_HUNDRED: Final = Fraction(100)


@attrs.frozen
class Outcome:
    """The verdict on one claim (or on a sentence with nothing to recompute), with its reasons."""

    id: str
    kind: str
    verdict: Verdict
    explanation: str
    stated: str = ""
    gross: bool = False
    interval: Interval | None = None  # what the stated words allow
    computed: Interval | None = None  # the recomputed value (a point unless inputs were rounded)
    basis: SourceKind | None = None  # the weakest source among the figures used
    location: Location = Location()
    sentence: int = 0
    near_miss: bool = False  # contradicted, but within one step of the stated number
    figures: tuple[str, ...] = ()
    check: str | None = None  # for a sentence: why it has nothing to recompute
    draft: bool = False  # unchecked because inputs are still placeholders ("?"): `--strict` fails on it
    diagnoses: tuple[str, ...] = ()  # for a contradicted claim: the usual slips that reproduce the words


@attrs.frozen
class FileResult:
    """Everything `factcheck check` says about one claims file."""

    path: str
    outcomes: tuple[Outcome, ...] = ()
    errors: tuple[ClaimsFileError, ...] = ()  # problems of the file itself (it may not have been read)
    gaps: tuple[Gap, ...] = ()
    claims_file: ClaimsFile | None = None

    def counts(self) -> dict[str, int]:
        counts = {verdict.value: 0 for verdict in Verdict}
        for outcome in self.outcomes:
            counts[outcome.verdict.value] += 1
        return counts

    @property
    def readable(self) -> bool:
        return self.claims_file is not None

    def exit_status(self, *, strict: bool = False) -> int:
        """0 all well; 1 something contradicted or still a draft (or, strict, loose or a gap); 2 an error.

        A draft claim (inputs still "?") is never checked, so a file holding one never passes.
        """
        verdicts = {outcome.verdict for outcome in self.outcomes}
        if self.errors or Verdict.ERROR in verdicts or not self.readable:
            return 2
        if Verdict.CONTRADICTED in verdicts or any(o.draft for o in self.outcomes):
            return 1
        if strict and (Verdict.LOOSE in verdicts or self.gaps):
            return 1
        return 0


@attrs.frozen
class Quantity:
    """A recomputed value: an interval in a unit, how it was written, and what it rests on."""

    interval: Interval
    unit: Unit
    text: str
    basis: SourceKind | None = None
    figures: tuple[str, ...] = ()


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
    """A claim this one depends on could not be computed."""


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
            quantity = self.figure_quantities[name] = _figure_quantity(figure, self.file)
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
        if isinstance(known, Quantity):
            return known
        if isinstance(known, CycleError) and self.stack and self.stack[0] in known.chain:
            raise known  # the claim being judged is itself in the cycle: say so, not "uses a claim with an error"
        if isinstance(known, _DraftInput):
            raise known
        if known is not None:
            raise _ClaimFailed(f"it uses claim {claim.id!r}, which has an error: {known}")
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
            quantity, _ = _RECOMPUTE[type(claim)](self, claim, self.stated(claim, None))
        except FactcheckError as exc:
            self.computed[claim.id] = exc
            raise
        finally:
            self.stack.pop()
        self.computed[claim.id] = quantity
        return quantity

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
                quantity, _ = _RECOMPUTE[type(claim)](self, claim, stated)
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
        self.stack.append(claim.id)
        try:
            if isinstance(claim, ComparisonClaim):
                return self.judge_comparison(claim, base)
            probe = self.stated(claim, None)
            quantity, expression = _RECOMPUTE[type(claim)](self, claim, probe)
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
        assert relation is not None and claim.left is not None and claim.right is not None
        left = self.resolve(claim.left)
        right = self.resolve(claim.right)
        factor = _convert(right.unit, left.unit, "right", "left")
        r = right.interval.scale(factor)
        lq = left.interval
        tolerance = parse_tolerance(claim.tolerance) if claim.tolerance is not None else None
        verdict, gross, words = _compare(lq, r, relation, tolerance)
        text = f"{left.text} {_relation_text(lq, r)} {right.text}"
        basis = _weakest(left.basis, right.basis)
        return attrs.evolve(base, verdict=verdict, gross=gross, explanation=f"{text}: {words}", basis=basis,
                            figures=_merge(left.figures, right.figures))


def _error_text(exc: BaseException) -> str:
    if isinstance(exc, PhraseError):
        return f"stated: {exc}"
    return str(exc)


def _figure_quantity(figure: Figure, claims_file: ClaimsFile) -> Quantity:
    source = claims_file.sources.get(figure.source) if figure.source else None
    basis = source.kind if source is not None else SourceKind.UNSOURCED
    text = show(figure.value) if not figure.rounded else f"{show(figure.value)} (±{show(figure.rounded / 2)})"
    return Quantity(figure.interval, parse_unit(figure.unit), text, basis, (figure.name,))


def _weakest(a: SourceKind | None, b: SourceKind | None) -> SourceKind | None:
    """The weaker of two sources (the first on a tie); two arguments, no key function: every recompute asks."""
    if a is None:
        return b
    return a if b is None or a.rank >= b.rank else b


def _merge(a: tuple[str, ...], b: tuple[str, ...]) -> tuple[str, ...]:
    """Both groups' names, each once, in order of first use (no generator: every recompute asks)."""
    return tuple({**dict.fromkeys(a), **dict.fromkeys(b)})


def _convert(source: Unit, target: Unit, source_role: str, target_role: str) -> Fraction:
    try:
        return conversion_factor(source, target)
    except UnitMismatchError as exc:
        raise UnitMismatchError(source.text, target.text,
                                f"{source_role} is in {source.text!r}, {target_role} in {target.text!r}") from exc


def _nonzero(quantity: Quantity, role: str) -> None:
    interval = quantity.interval
    assert interval.lo is not None and interval.hi is not None
    if interval.lo <= 0 <= interval.hi:
        what = "zero" if interval.is_point else f"possibly zero (it lies in {show_interval(interval)})"
        raise ZeroDenominatorError(f"the {role} {quantity.text} is {what}: nothing can be divided by it")


def _is_count(unit: Unit) -> bool:
    """A plain count of things ("offender", "incident"): one name, to the power one, not money."""
    return unit.factor == 1 and len(unit.dims) == 1 and unit.dims[0][1] == 1 and unit.currency() is None \
        and unit.dims[0][0] != "percentage_point"


def _not_negative(quantity: Quantity, role: str) -> None:
    if quantity.interval.hi is not None and quantity.interval.hi < 0:
        raise _Impossible(f"the {role} {quantity.text} is negative, which a count cannot be")


class _Impossible(FactcheckError):
    """A value that cannot be: a share above 100%, a negative count."""


# -- recomputation, one function per kind ---------------------------------------------------

Recompute = Callable[[_Verifier, Claim, Stated], tuple[Quantity, str]]


def _value(v: _Verifier, claim: ValueClaim, stated: Stated) -> tuple[Quantity, str]:
    assert claim.figure is not None
    q = v.resolve(claim.figure)
    interval = q.interval
    unit = q.unit
    if _is_count(unit) and interval.hi is not None and interval.hi < 0:
        raise _Impossible(f"the figure {q.text} is a negative count of {unit.text}")
    if stated.unit == "percent" and not unit.is_percent:
        if not unit.is_dimensionless:
            raise UnitMismatchError("percent", unit.text, "the words say per cent but the figure is not a percentage")
        interval = interval.scale(unit.factor / PERCENT.factor)
        unit = PERCENT
    elif stated.unit == "points" and unit.dims != POINTS.dims and not unit.is_percent:
        raise UnitMismatchError("percentage points", unit.text, "the words say points")
    elif stated.unit not in (None, "percent", "points"):
        currency = unit.currency()
        if currency != stated.unit:
            raise UnitMismatchError(stated.unit, unit.text, f"the words name {stated.unit} but the figure is not")
        if unit.dims == ((currency, 1),) and unit.factor != 1:
            interval = interval.scale(unit.factor)
    text = q.text
    if stated.per is not None:
        # "16.6 per 1,000" of a figure published per 100,000 (or per person): expressed per the words' base
        if not any(exp < 0 for _, exp in unit.dims):
            raise UnitMismatchError(unit.text, f"per {show(stated.per)}", "the words give a rate but the figure is not one")
        factor = unit.factor * stated.per
        if factor != 1:
            interval = interval.scale(factor)
            text = f"{q.text} {unit.text}, per {show(stated.per)}"
    return Quantity(interval, unit, q.text, q.basis, q.figures), text


def _rate(v: _Verifier, claim: RateClaim, stated: Stated) -> tuple[Quantity, str]:
    assert claim.numerator is not None and claim.denominator is not None
    per = stated.per
    if per is not None and claim.per is not None and per != claim.per:
        raise _Impossible(f"the words say per {show(per)} but `per` is {show(claim.per)}")
    per = per if per is not None else claim.per
    if per is None:
        raise _Impossible("a rate needs `per` (or words such as 'per 100,000' in stated)")
    num, den = v.resolve(claim.numerator), v.resolve(claim.denominator)
    _not_negative(num, "numerator")
    _nonzero(den, "denominator")
    interval = (num.interval / den.interval).scale(per)
    unit = Unit(num.unit.factor / den.unit.factor / per, (num.unit / den.unit).dims, f"{num.unit} per {show(per)} {den.unit}")
    return Quantity(interval, unit, "", _weakest(num.basis, den.basis), _merge(num.figures, den.figures)), \
        f"{num.text} / {den.text} × {show(per)}"


def _one_in(v: _Verifier, claim: OneInClaim, stated: Stated) -> tuple[Quantity, str]:
    assert claim.numerator is not None and claim.denominator is not None
    num, den = v.resolve(claim.numerator), v.resolve(claim.denominator)
    _not_negative(den, "denominator")
    _nonzero(num, "numerator")
    interval = den.interval / num.interval
    return Quantity(interval, den.unit / num.unit, "", _weakest(num.basis, den.basis), _merge(num.figures, den.figures)), \
        f"{den.text} / {num.text}"


def _from_to(v: _Verifier, claim: ChangeClaim | PointChangeClaim | DifferenceClaim) -> tuple[Quantity, Quantity, Interval]:
    assert claim.from_ is not None and claim.to is not None
    old, new = v.resolve(claim.from_), v.resolve(claim.to)
    factor = _convert(new.unit, old.unit, "to", "from")
    return old, new, new.interval.scale(factor)


def _change(v: _Verifier, claim: ChangeClaim, stated: Stated) -> tuple[Quantity, str]:
    old, new, new_interval = _from_to(v, claim)
    _nonzero(old, "starting value (from)")
    interval = (new_interval / old.interval - Interval.point(1)).scale(_HUNDRED)
    return Quantity(interval, PERCENT, "", _weakest(old.basis, new.basis), _merge(old.figures, new.figures)), \
        f"({new.text} − {old.text}) / {old.text} × 100"


def _point_change(v: _Verifier, claim: PointChangeClaim, stated: Stated) -> tuple[Quantity, str]:
    assert claim.from_ is not None and claim.to is not None
    old, new = v.resolve(claim.from_), v.resolve(claim.to)
    for q, role in ((old, "from"), (new, "to")):
        if not q.unit.is_percent:
            raise UnitMismatchError(q.unit.text, "percent", f"a point change needs percentages; {role} is not one")
    interval = new.interval - old.interval
    return Quantity(interval, POINTS, "", _weakest(old.basis, new.basis), _merge(old.figures, new.figures)), \
        f"{new.text} − {old.text}"


def _difference(v: _Verifier, claim: DifferenceClaim, stated: Stated) -> tuple[Quantity, str]:
    old, new, new_interval = _from_to(v, claim)
    if stated.unit not in (None, "percent", "points") and old.unit.currency() != stated.unit:
        raise UnitMismatchError(stated.unit, old.unit.text, f"the words name {stated.unit}")
    interval = new_interval - old.interval
    return Quantity(interval, old.unit, "", _weakest(old.basis, new.basis), _merge(old.figures, new.figures)), \
        f"{new.text} − {old.text}"


def _ratio(v: _Verifier, claim: RatioClaim, stated: Stated) -> tuple[Quantity, str]:
    assert claim.numerator is not None and claim.denominator is not None
    num, den = v.resolve(claim.numerator), v.resolve(claim.denominator)
    _nonzero(den, "denominator")
    unit = num.unit / den.unit
    interval = num.interval / den.interval
    if not unit.dims:
        interval, unit = interval.scale(unit.factor), ONE
    return Quantity(interval, unit, "", _weakest(num.basis, den.basis), _merge(num.figures, den.figures)), \
        f"{num.text} / {den.text}"


def _share(v: _Verifier, claim: ShareClaim, stated: Stated) -> tuple[Quantity, str]:
    assert claim.part is not None and claim.whole is not None
    part, whole = v.resolve(claim.part), v.resolve(claim.whole)
    factor = _convert(part.unit, whole.unit, "part", "whole")
    _not_negative(part, "part")
    _nonzero(whole, "whole")
    interval = (part.interval.scale(factor) / whole.interval).scale(_HUNDRED)
    assert interval.lo is not None and interval.hi is not None
    if interval.lo > _HUNDRED:
        raise _Impossible(f"the part {part.text} is larger than the whole {whole.text}: a share above 100%")
    if interval.hi < 0:
        raise _Impossible("a negative share")
    return Quantity(interval, PERCENT, "", _weakest(part.basis, whole.basis), _merge(part.figures, whole.figures)), \
        f"{part.text} / {whole.text} × 100"


def _formula(v: _Verifier, claim: FormulaClaim, stated: Stated) -> tuple[Quantity, str]:
    assert claim.expr is not None
    tree = parse_formula(claim.expr)

    def number(value: Fraction) -> Quantity:
        return Quantity(Interval.point(value), ONE, show(value))

    def apply(op: str, a: Quantity, b: Quantity) -> Quantity:
        if op in "+-":
            factor = _convert(b.unit, a.unit, "one side", "the other")
            b_interval = b.interval.scale(factor)
            interval = a.interval + b_interval if op == "+" else a.interval - b_interval
            unit = a.unit
        elif op == "*":
            interval, unit = a.interval * b.interval, a.unit * b.unit
        else:
            _nonzero(b, "divisor")
            interval, unit = a.interval / b.interval, a.unit / b.unit
        symbol = {"*": "×", "-": "−"}.get(op, op)
        return Quantity(interval, unit, f"({a.text} {symbol} {b.text})", _weakest(a.basis, b.basis),
                        _merge(a.figures, b.figures))

    def negate(a: Quantity) -> Quantity:
        return attrs.evolve(a, interval=a.interval.negate(), text=f"−{a.text}")

    result = evaluate_formula(tree, name=v.resolve, number=number, apply=apply, negate=negate)
    unit, interval = result.unit, result.interval
    if stated.unit == "percent" and not (unit.is_percent or unit.is_dimensionless):
        raise UnitMismatchError("percent", unit.text, "the words say per cent")
    if stated.unit == "percent" and unit.is_dimensionless and not unit.is_percent and unit.factor != 1:
        interval = interval.scale(unit.factor / PERCENT.factor)
    if stated.unit not in (None, "percent", "points") and unit.currency() != stated.unit:
        raise UnitMismatchError(stated.unit, unit.text, f"the words name {stated.unit} but the formula gives {unit.text}")
    return attrs.evolve(result, interval=interval, text=""), result.text


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
    shown = show_interval(computed, places)
    head = f"{expression} = {shown}"

    def outcome(verdict: Verdict, words: str, *, gross: bool = False, near: bool = False) -> Outcome:
        # `tight` and `computed` as they stand when the verdict is given; a direct call, not attrs.evolve (hot)
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
        return outcome(Verdict.SUPPORTED, f"which fits {stated.text!r} ({show_interval(tight)})")
    if computed.overlaps(loose):
        return outcome(Verdict.LOOSE, f"true as worded, but {stated.text!r} implies {show_interval(tight)}")
    near = False
    if stated.step is not None and stated.centre is not None and stated.hedge is None:
        one_step = Interval(stated.centre - stated.step, stated.centre + stated.step, True, True)
        near = computed.overlaps(one_step) and claim.tolerance is None
    words = f"but {stated.text!r} means {show_interval(tight)}"
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
