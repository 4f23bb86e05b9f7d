"""The records a claims file becomes: sources, figures, sentences and one class per claim kind.

Plain frozen data with no I/O: the loader (`claimsfile`) builds them, the verifier reads them.
"""

from __future__ import annotations

import datetime as dt
import enum
from collections.abc import Iterable, Mapping
from fractions import Fraction
from typing import ClassVar, Final, Protocol, Self

import attrs

from factcheck.errors import ClaimInputError, ClaimsFileError, FactcheckError
from factcheck.model.kinds import INPUTS, Kind
from factcheck.numbers.interval import Interval

__all__ = [
    "CLAIM_TYPES",
    "PLACEHOLDER",
    "Article",
    "BrokenClaim",
    "Cell",
    "ChangeClaim",
    "Check",
    "Claim",
    "ClaimBase",
    "ClaimsFile",
    "ComparisonClaim",
    "Defaults",
    "DifferenceClaim",
    "Figure",
    "FormulaClaim",
    "Gap",
    "Location",
    "OneInClaim",
    "PointChangeClaim",
    "RankClaim",
    "RateClaim",
    "RatioClaim",
    "Sentence",
    "ShareClaim",
    "Source",
    "SourceKind",
    "TableCells",
    "ValueClaim",
    "cell_name",
    "is_placeholder",
]

#: An input still to be filled in, in a draft (`factcheck extract`): "?" alone, or "?hint".
PLACEHOLDER: Final = "?"


def is_placeholder(value: object) -> bool:
    """Whether an input field is a draft's placeholder ("?" or "?hint", a guess at the name)."""
    return isinstance(value, str) and value.startswith(PLACEHOLDER)


class SourceKind(enum.Enum):
    """How far a figure can be trusted, strongest first."""

    OFFICIAL = "official"  # the publisher's own table
    SECONDARY = "secondary"  # another report quoting it
    ESTIMATE = "estimate"  # worked out by hand
    ARTICLE = "article"  # only the article itself says so
    UNSOURCED = "unsourced"  # the figure names no source

    @property
    def rank(self) -> int:
        """Higher is weaker; a result's basis is its weakest input."""
        return _RANK[self]


_RANK: Final = {kind: number for number, kind in enumerate(SourceKind)}


class Check(enum.Enum):
    """Why a sentence has nothing to recompute."""

    QUOTE = "quote"
    CONTEXT = "context"
    OPINION = "opinion"
    FORECAST = "forecast"
    DEFINITION = "definition"


@attrs.frozen
class Location:
    """Where something was written: a file and, when known, a line (1-based)."""

    path: str | None = None
    line: int | None = None

    def __str__(self) -> str:
        if self.path is None:
            return "" if self.line is None else f"line {self.line}"
        return self.path if self.line is None else f"{self.path}:{self.line}"


@attrs.frozen
class Source:
    key: str
    title: str
    publisher: str | None = None
    url: str | None = None
    table: str | None = None
    retrieved: dt.date | None = None
    kind: SourceKind = SourceKind.OFFICIAL


@attrs.frozen(kw_only=True)
class Cell:
    """Where a figure read from a table was read: the table (its name in the claims file), the row's key and
    number (as a spreadsheet shows it), the column, and the cell as written ("1,405")."""

    table: str
    row: str
    column: str
    row_number: int
    text: str


def cell_name(table: str, column: str, row: str) -> str:
    """The name under which the figure in a table's cell is used when no `[figures]` entry names it (a row of a
    column a rank counts among, a suggestion): "care:Rate per 100,000[Mossbridge]". No figure can have it
    (a figure's name is letters, digits, '_' and '-')."""
    return f"{table}:{column}[{row}]"


@attrs.frozen
class Figure:
    """A base figure: a value with its unit, period, area and source (and its cell, when read from a table)."""

    name: str
    value: Fraction
    unit: str
    period: str | None = None
    area: str | None = None
    source: str | None = None
    rounded: Fraction | None = None
    note: str | None = None
    location: Location = Location()
    cell: Cell | None = None

    @property
    def interval(self) -> Interval:
        """The values the figure may stand for: itself, or ± half its rounding step."""
        if self.rounded:
            return Interval.around(self.value, self.rounded / 2)
        return Interval.point(self.value)


@attrs.frozen
class Defaults:
    rounding: str = "nearest"
    tolerance: object = None  # as written: a number or "1%"


@attrs.frozen
class Article:
    title: str
    published: dt.date
    url: str | None = None
    text: str | None = None  # path of the article's text, relative to the claims file


@attrs.frozen(kw_only=True)
class ClaimBase:
    """What every claim has; each kind adds the names of its inputs."""

    #: The claim's `Kind` (a broken claim's is "?": it has none).
    KIND: ClassVar[str] = ""
    #: The claim's input fields, in the claims file's spelling (`kinds.INPUTS`).
    INPUTS: ClassVar[tuple[str, ...]] = ()

    id: str
    stated: str
    tolerance: object = None
    direction: str | None = None
    note: str | None = None
    location: Location = Location()
    sentence: int = 0  # index of its sentence in the file

    @property
    def kind(self) -> str:
        return self.KIND

    def placeholders(self) -> dict[str, str]:
        """The input fields still to be filled in (a draft): {"from": "?", "left": "?s3-rate"}."""
        return {name: value for name, value in self.inputs().items() if is_placeholder(value)}

    def with_inputs(self, inputs: Mapping[str, str]) -> Self:
        """The same claim with some inputs renamed: {"denominator": "pop_2021"}, {"from": "x_2019"}."""
        unknown = set(inputs) - set(self.INPUTS)
        if unknown:
            msg = f"a {self.kind} claim has no input {', '.join(sorted(unknown))}"
            raise ClaimInputError(msg)
        return attrs.evolve(self, **{_attr_name(field): name for field, name in inputs.items()})  # type: ignore[arg-type]  # names checked against INPUTS above

    def inputs(self) -> dict[str, str]:
        """The input fields that are set: {"numerator": "rso_wm_2020", …}."""
        found = {}
        for name in self.INPUTS:
            value = getattr(self, _attr_name(name))
            if value is not None:
                found[name] = value
        return found


def _attr_name(field: str) -> str:
    return "from_" if field == "from" else field


@attrs.frozen(kw_only=True)
class ValueClaim(ClaimBase):
    KIND: ClassVar[str] = Kind.VALUE
    INPUTS: ClassVar[tuple[str, ...]] = INPUTS[Kind.VALUE]
    figure: str | None = None


@attrs.frozen(kw_only=True)
class RateClaim(ClaimBase):
    KIND: ClassVar[str] = Kind.RATE
    INPUTS: ClassVar[tuple[str, ...]] = INPUTS[Kind.RATE]
    numerator: str | None = None
    denominator: str | None = None
    per: Fraction | None = None


@attrs.frozen(kw_only=True)
class OneInClaim(ClaimBase):
    KIND: ClassVar[str] = Kind.ONE_IN
    INPUTS: ClassVar[tuple[str, ...]] = INPUTS[Kind.ONE_IN]
    numerator: str | None = None
    denominator: str | None = None


@attrs.frozen(kw_only=True)
class ChangeClaim(ClaimBase):
    KIND: ClassVar[str] = Kind.CHANGE
    INPUTS: ClassVar[tuple[str, ...]] = INPUTS[Kind.CHANGE]
    from_: str | None = None
    to: str | None = None


@attrs.frozen(kw_only=True)
class PointChangeClaim(ClaimBase):
    KIND: ClassVar[str] = Kind.POINT_CHANGE
    INPUTS: ClassVar[tuple[str, ...]] = INPUTS[Kind.POINT_CHANGE]
    from_: str | None = None
    to: str | None = None


@attrs.frozen(kw_only=True)
class DifferenceClaim(ClaimBase):
    KIND: ClassVar[str] = Kind.DIFFERENCE
    INPUTS: ClassVar[tuple[str, ...]] = INPUTS[Kind.DIFFERENCE]
    from_: str | None = None
    to: str | None = None


@attrs.frozen(kw_only=True)
class RatioClaim(ClaimBase):
    KIND: ClassVar[str] = Kind.RATIO
    INPUTS: ClassVar[tuple[str, ...]] = INPUTS[Kind.RATIO]
    numerator: str | None = None
    denominator: str | None = None


@attrs.frozen(kw_only=True)
class ShareClaim(ClaimBase):
    KIND: ClassVar[str] = Kind.SHARE
    INPUTS: ClassVar[tuple[str, ...]] = INPUTS[Kind.SHARE]
    part: str | None = None
    whole: str | None = None


@attrs.frozen(kw_only=True)
class ComparisonClaim(ClaimBase):
    KIND: ClassVar[str] = Kind.COMPARISON
    INPUTS: ClassVar[tuple[str, ...]] = INPUTS[Kind.COMPARISON]
    left: str | None = None
    right: str | None = None


@attrs.frozen(kw_only=True)
class RankClaim(ClaimBase):
    """Where `of` stands among `among`: "the highest", "the third-lowest", "one of the lowest".

    `among` names figures or claims; for a table column ("TABLE:COLUMN", kept in `column`) the loader
    lists the names of its rows' figures (`cell_name`), less `exclude`. `order` ("high" or "low") is
    the end at which a value is good, which "the best" and "the worst" need.
    """

    KIND: ClassVar[str] = Kind.RANK
    INPUTS: ClassVar[tuple[str, ...]] = INPUTS[Kind.RANK]
    of: str | None = None
    among: tuple[str, ...] = ()
    column: str | None = None
    exclude: tuple[str, ...] = ()
    order: str | None = None

    def inputs(self) -> dict[str, str]:
        """`of`, and `among` as written: the column ("care:Rate per 100,000") or the names, comma-separated."""
        found = {} if self.of is None else {"of": self.of}
        if self.column is not None:
            found["among"] = self.column
        elif self.among:
            found["among"] = ", ".join(self.among)
        return found

    def with_inputs(self, inputs: Mapping[str, str]) -> Self:
        """The same claim with `of` or `among` renamed (`among` as `inputs` writes it: names, comma-separated)."""
        unknown = set(inputs) - set(self.INPUTS)
        if unknown:
            msg = f"a rank claim has no input {', '.join(sorted(unknown))}"
            raise ClaimInputError(msg)
        claim = attrs.evolve(self, of=inputs["of"]) if "of" in inputs else self
        if "among" in inputs:
            names = tuple(name.strip() for name in inputs["among"].split(","))
            claim = attrs.evolve(claim, among=names, column=None)
        return claim


@attrs.frozen(kw_only=True)
class FormulaClaim(ClaimBase):
    KIND: ClassVar[str] = Kind.FORMULA
    INPUTS: ClassVar[tuple[str, ...]] = INPUTS[Kind.FORMULA]
    expr: str | None = None


@attrs.frozen(kw_only=True)
class BrokenClaim(ClaimBase):
    """A claim the loader could not build; it is reported as an error, and the rest go on."""

    KIND: ClassVar[str] = "?"
    written_kind: str = "?"
    problems: tuple[ClaimsFileError, ...] = ()

    @property
    def kind(self) -> str:
        return self.written_kind


#: Any claim the loader builds (a broken one too).
Claim = (
    ValueClaim
    | RateClaim
    | OneInClaim
    | ChangeClaim
    | PointChangeClaim
    | DifferenceClaim
    | RatioClaim
    | ShareClaim
    | ComparisonClaim
    | RankClaim
    | FormulaClaim
    | BrokenClaim
)

#: The claim class of each `Kind` (looked up by the name a file writes: a Kind equals its name).
CLAIM_TYPES: Final[dict[str, type[ClaimBase]]] = {
    cls.KIND: cls
    for cls in (
        ValueClaim, RateClaim, OneInClaim, ChangeClaim, PointChangeClaim, DifferenceClaim,
        RatioClaim, ShareClaim, ComparisonClaim, RankClaim, FormulaClaim,
    )
}  # fmt: skip


@attrs.frozen
class Sentence:
    """One sentence of the article, with its claims or the reason it has none."""

    text: str
    claims: tuple[Claim, ...] = ()
    check: Check | None = None
    location: Location = Location()
    index: int = 0


@attrs.frozen
class Gap:
    """A sentence that the file does not account for (a number with no claim and no check)."""

    message: str
    location: Location = Location()


class TableCells(Protocol):
    """A table a claims file reads, as the checks above the loader ask it (`load.tables.TableFigures` is one):
    its rows' keys, its declared columns, the figure in a cell (a `TableError` when the cell holds none),
    and a whole column's figures, row by row (each a figure or its cell's error).
    The diagnoses try other rows and columns of a table figure's table; `factcheck suggest` proposes cells."""

    @property
    def name(self) -> str: ...

    @property
    def keys(self) -> tuple[str, ...]: ...

    @property
    def declared(self) -> tuple[str, ...]: ...

    def figure(self, row: str, column: str) -> Figure: ...

    def column(self, name: str, exclude: Iterable[str] = ()) -> tuple[tuple[str, Figure | FactcheckError], ...]: ...


@attrs.frozen
class ClaimsFile:
    """A whole claims file, with the problems found while reading it."""

    path: str
    article: Article | None
    sources: dict[str, Source] = attrs.field(factory=dict)
    figures: dict[str, Figure] = attrs.field(factory=dict)
    defaults: Defaults = Defaults()
    sentences: tuple[Sentence, ...] = ()
    problems: tuple[ClaimsFileError, ...] = ()
    gaps: tuple[Gap, ...] = ()
    article_text: str | None = None  # the article's text, when `[article] text` was given and read
    #: figures the file defines but that could not be read (a problem each): name -> line of the problem.
    #: A claim that uses one is told so, not that no figure has that name.
    broken_figures: dict[str, int | None] = attrs.field(factory=dict)
    #: the tables the file reads, by name (those that could be read)
    tables: Mapping[str, TableCells] = attrs.field(factory=dict)
    #: figures in the rows of whole table columns (a rank's `among`), by `cell_name`
    cells: dict[str, Figure] = attrs.field(factory=dict)
    #: the files the file names besides itself (`[article] text`, then each table's `path`), as written
    inputs: tuple[str, ...] = ()
    #: the SHA-256 of each table's file as read, for those that could be read (the cache compares them)
    digests: Mapping[str, str] = attrs.field(factory=dict)

    def claims(self) -> list[Claim]:
        return [claim for sentence in self.sentences for claim in sentence.claims]
