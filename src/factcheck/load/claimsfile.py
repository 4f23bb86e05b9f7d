"""Reads a claims file (format 1) into records, collecting every problem with its place.

A file that cannot be read at all (not UTF-8, not TOML, not format 1) raises ClaimsFileError.
Anything else wrong (an unknown key, a bad value, a duplicate id) is collected in
`ClaimsFile.problems` with the file, line, claim id and field, and a claim that cannot be built
becomes a `BrokenClaim`, so one bad claim never hides the others. Never writes files.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from decimal import Decimal
from difflib import get_close_matches
from fractions import Fraction
from pathlib import Path
from typing import TYPE_CHECKING, Any, Final

from factcheck.errors import (
    ClaimsFileError,
    FormulaError,
    PhraseError,
    RankWordsError,
    ReadRefusedError,
    TableError,
    TOMLLimitError,
)
from factcheck.load import toml
from factcheck.load.coverage import coverage_gaps, coverage_problem, fold, misquoted, quote_found
from factcheck.load.lines import Lines
from factcheck.load.paths import read_inside
from factcheck.load.toml import loads as toml_loads
from factcheck.model.claims import (
    CLAIM_TYPES,
    Article,
    BrokenClaim,
    Check,
    Claim,
    ClaimBase,
    ClaimsFile,
    Defaults,
    Figure,
    Location,
    Sentence,
    Source,
    SourceKind,
)
from factcheck.model.formula import parse_formula
from factcheck.model.kinds import Kind
from factcheck.numbers.units import parse_unit
from factcheck.words.stated import parse_stated, parse_tolerance

if TYPE_CHECKING:
    from collections.abc import Mapping

    from factcheck.load.tables import ColumnSpec, TableFigures, TableSpec

__all__ = [
    "MAX_FILE_BYTES",
    "is_template",
    "load_claims_data",
    "load_claims_file",
    "loads_claims_file",
    "parse_claims_toml",
    "read_claims_bytes",
]

#: The largest claims file read. An article's sentences, claims and figures take tens of kilobytes
#: (the largest in claims/ and ../shared/eval, 10 KB); this bounds what a hostile file can cost downstream: rtoml alone holds
#: some 180 bytes for each value it parses, 180 MB for a 2 MB array of ones.
MAX_FILE_BYTES: Final = 2 * 2**20

_TOP_KEYS: Final = {"format", "article", "sources", "tables", "figures", "defaults", "sentences"}
_ARTICLE_KEYS: Final = {"title", "published", "url", "text"}
_SOURCE_KEYS: Final = {"title", "publisher", "url", "table", "retrieved", "kind"}
_FIGURE_KEYS: Final = {"value", "unit", "period", "area", "source", "rounded", "note", "table", "row", "column"}
#: The keys that read a figure from a table, instead of `value` and `unit`.
_CELL_KEYS: Final = ("table", "row", "column")
_TABLE_KEYS: Final = {"path", "sheet", "key", "header", "source", "sha256", "columns"}
_COLUMN_KEYS: Final = {"unit", "period", "rounded", "stored"}
_SHA256: Final = re.compile(r"[0-9a-fA-F]{64}")
_DEFAULT_KEYS: Final = {"rounding", "tolerance"}
_SENTENCE_KEYS: Final = {"text", "claims", "check"}
_CLAIM_COMMON: Final = {"id", "kind", "stated", "tolerance", "direction", "note"}
#: The keys a claim of each kind may have (built once, not per claim).
_CLAIM_KEYS: Final = {
    kind: frozenset(
        _CLAIM_COMMON
        | set(cls.INPUTS)
        | ({"per"} if kind == Kind.RATE else set())
        | ({"exclude", "order"} if kind == Kind.RANK else set())
    )
    for kind, cls in CLAIM_TYPES.items()
}
_NAME: Final = re.compile(r"[A-Za-z0-9_-]+")
#: A float literal's exponent beyond this is refused, and so is one of more digits: no news figure
#: needs them, and turning 1e999999999 (or a million digits) into an exact fraction, then
#: computing with it, would take forever.
_MAX_EXPONENT: Final = 100
#: The longest value echoed in a message; a longer one is cut, so a hostile file cannot make every
#: message (and the report) as long as itself.
_SHOWN: Final = 60
#: `stated` quotes the words for one number ("66 people killed or seriously injured for every 100,000
#: residents"): longer than this, it is refused, which also bounds what reading it costs.
_MAX_STATED: Final = 1000
#: A unit expression is short ("offence / (100000 * person)"); reading one is not linear in its length.
_MAX_UNIT: Final = 200
#: The smallest number too large for a figure: it has more than _MAX_EXPONENT + 1 digits before the point.
_TOO_LARGE: Final = 10 ** (_MAX_EXPONENT + 1)


def read_claims_bytes(path: Path) -> bytes:
    """The claims file's bytes: never more than MAX_FILE_BYTES of it, and one byte (to tell it is too long)."""
    try:
        with path.open("rb") as stream:
            return stream.read(MAX_FILE_BYTES + 1)
    except OSError as exc:
        raise ClaimsFileError(f"cannot read the file: {exc.strerror or exc}", path=str(path)) from None


def load_claims_file(path: str | Path) -> ClaimsFile:
    """Read and check the claims file at `path`."""
    path = Path(path)
    return loads_claims_file(read_claims_bytes(path), str(path), base_dir=path.parent)


def loads_claims_file(data: bytes | str, path: str = "<string>", *, base_dir: Path | None = None) -> ClaimsFile:
    """Read a claims file from its contents; `base_dir` is where `[article] text` is looked up."""
    text, raw = parse_claims_toml(data, path)
    return load_claims_data(raw, text, path, base_dir=base_dir)


def is_template(raw: Mapping[str, Any]) -> bool:
    """Whether parsed claims-file TOML is a template (it has a `[template]` table)."""
    return "template" in raw


def load_claims_data(
    raw: dict[str, Any], text: str, path: str = "<string>", *, base_dir: Path | None = None
) -> ClaimsFile:
    """Read a claims file from its parsed TOML (`raw`) and its text (`text`: where problems are placed).

    A template's versions (`factcheck.load.template`) come this way: each is the template's data with
    that version's words filled in, placed on the template's own lines.
    """
    return _Loader(path, text, raw, base_dir).load()


def parse_claims_toml(data: bytes | str, path: str = "<string>") -> tuple[str, dict[str, Any]]:
    """The text of a claims file's contents and its parsed TOML; ClaimsFileError when they are not a
    claims file's TOML (too large, not text, not UTF-8, not TOML, empty)."""
    if len(data) > MAX_FILE_BYTES:  # characters, for a str: near enough for a bound
        raise ClaimsFileError(
            f"the file is larger than {MAX_FILE_BYTES // 2**20} MB: a claims file holds an "
            "article's sentences, claims and figures, which take tens of kilobytes",
            path=path,
        )
    if isinstance(data, bytes):
        if b"\x00" in data:
            raise ClaimsFileError("not a text file (it contains NUL bytes)", path=path)
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            raise ClaimsFileError(f"not UTF-8 text (byte {exc.start} cannot be decoded)", path=path) from None
    else:
        text = data
    try:
        raw = toml_loads(text, parse_float=_parse_float)
    except toml.TOMLDecodeError as exc:  # looked up only when something was raised: tomllib is loaded on demand
        line = _line_of_toml_error(str(exc))
        message = re.sub(r"\s*\(at line \d+, column \d+\)", "", str(exc))
        raise ClaimsFileError(f"not valid TOML: {message}", path=path, line=line) from None
    except _NumberOutOfRangeError as exc:
        raise ClaimsFileError(
            f"the number {_cut(exc.literal)} is out of range ({exc.reason})",
            path=path,
            line=_line_of(text, exc.literal),
        ) from None
    except TOMLLimitError as exc:
        raise ClaimsFileError(f"not readable TOML: {exc.message}", path=path, line=exc.line) from None
    except RecursionError:  # tomlread refuses deep nesting itself; this is the last resort
        raise ClaimsFileError("not readable TOML: arrays or tables nested too deeply", path=path) from None
    if not raw:
        raise ClaimsFileError(
            "the file is empty (no keys or tables): a claims file starts with `format = 1`, "
            "then its [article], [figures] and [[sentences]]",
            path=path,
            line=1,
        )
    return text, raw


class _NumberOutOfRangeError(ValueError):
    def __init__(self, literal: str, reason: str) -> None:
        self.literal = literal
        self.reason = reason
        super().__init__(literal, reason)


def _parse_float(literal: str) -> Decimal:
    """A TOML float as an exact Decimal; refuses exponents and lengths that no exact arithmetic can afford."""
    if len(literal) > _MAX_EXPONENT:  # one length test per float: this runs for every float of every file
        raise _NumberOutOfRangeError(literal, f"it is written with more than {_MAX_EXPONENT} characters")
    value = Decimal(literal)
    if value.is_finite() and value and abs(value.adjusted()) > _MAX_EXPONENT:
        raise _NumberOutOfRangeError(literal, f"its exponent may be at most {_MAX_EXPONENT} either way")
    return value


def _line_of(text: str, literal: str) -> int | None:
    for number, line in enumerate(text.splitlines(), start=1):
        if literal in line:
            return number
    return None


def _line_of_toml_error(message: str) -> int | None:
    match = re.search(r"line (\d+)", message)
    return int(match.group(1)) if match else None


class _Loader:
    def __init__(self, path: str, text: str, raw: dict[str, Any], base_dir: Path | None) -> None:
        self.path = path
        self.text = text
        self.raw = raw
        self.base_dir = base_dir
        self.lines = Lines(text)
        self.problems: list[ClaimsFileError] = []
        #: figures that are defined but could not be read: name -> the line of the first problem
        self.broken_figures: dict[str, int | None] = {}
        #: the tables read, by name, and those that could not be (name -> the line of the problem)
        self.tables: dict[str, TableFigures] = {}
        self.broken_tables: dict[str, int | None] = {}
        #: figures of whole table columns a rank counts among, by `cell_name`
        self.cells: dict[str, Figure] = {}
        self.columns_listed: dict[tuple[str, tuple[str, ...]], tuple[str, ...]] = {}
        #: the files the claims file names besides itself, and the SHA-256 of each as read
        self.input_files: list[str] = []
        self.digests: dict[str, str] = {}

    def problem(
        self,
        message: str,
        block: tuple[Any, ...] = ("top",),
        key: str | None = None,
        claim_id: str | None = None,
        field: str | None = None,
    ) -> ClaimsFileError:
        error = ClaimsFileError(
            message,
            path=self.path,
            line=self.lines.of(block, key),
            claim_id=claim_id,
            field=field if field is not None else key,
        )
        self.problems.append(error)
        return error

    def unknown_keys(
        self,
        table: dict[str, Any],
        allowed: set[str] | frozenset[str],
        block: tuple[Any, ...],
        what: str,
        claim_id: str | None = None,
    ) -> list[ClaimsFileError]:
        if table.keys() <= allowed:  # the usual case, settled in one C loop: every figure and claim asks
            return []
        found = []
        for key in table:
            if key not in allowed:
                close = get_close_matches(key, sorted(allowed), n=1)
                hint = f"; did you mean {close[0]!r}?" if close else f" (allowed: {', '.join(sorted(allowed))})"
                header = self.lines.header(block, key)
                message = (
                    f"unknown key {_name(key)} in {what}{hint}"
                    if header is None
                    else f"unknown table {_cut(header)}: {what} has no key {_name(key)}{hint}"
                )
                found.append(self.problem(message, block, key, claim_id))
        return found

    # -- the whole file ----------------------------------------------------------------------
    def load(self) -> ClaimsFile:
        raw = top = self.raw
        if is_template(raw):  # its versions are loaded one by one (`load.template`), each without it
            self.problem(
                "this claims file is a template ([template]): it is checked version by version, by "
                "`factcheck check` or `factcheck.check_path`, not loaded as one article",
                ("template",),
                field="template",
            )
            top = {key: value for key, value in raw.items() if key != "template"}
        self.unknown_keys(top, _TOP_KEYS, ("top",), "the top level")
        fmt = raw.get("format")
        if fmt is None:
            raise ClaimsFileError("missing `format = 1` at the top", path=self.path, line=1, field="format")
        if isinstance(fmt, bool) or not isinstance(fmt, int) or fmt != 1:
            shown = _cut(str(fmt)) if isinstance(fmt, (int, Decimal)) else _show(fmt)
            raise ClaimsFileError(
                f"unsupported format {shown}: this version reads format 1",
                path=self.path,
                line=self.lines.of(("top",), "format"),
                field="format",
            )
        article = self.article(raw.get("article"))
        sources = self.sources(raw.get("sources", {}))
        self.read_tables(raw.get("tables", {}), sources)
        figures = self.figures(raw.get("figures", {}), sources)
        defaults = self.defaults(raw.get("defaults", {}))
        sentences = self.sentences(raw.get("sentences", []), figures)
        self.something_to_check(sentences)
        article_text, gaps = None, []
        if article is not None and article.text is not None:
            article_text = self.article_text(article.text)
            if article_text is not None:
                self.coverage(article_text, sentences)
        gaps = coverage_gaps(sentences)
        return ClaimsFile(
            self.path,
            article,
            sources,
            figures,
            defaults,
            tuple(sentences),
            tuple(self.problems),
            tuple(gaps),
            article_text,
            self.broken_figures,
            dict(self.tables),
            self.cells,
            tuple(self.input_files),
            self.digests,
        )

    def something_to_check(self, sentences: list[Sentence]) -> None:
        """A file with no sentences, or none with any text, checks nothing: a problem, never a pass."""
        if "sentences" not in self.raw or self.raw["sentences"] == []:
            self.problem(
                "the file has no [[sentences]], so it checks nothing: every sentence of the article "
                "needs an entry, with its claims or a `check` saying why it has none",
                ("top",),
                "sentences",
            )
        elif sentences and all(not sentence.text.strip() for sentence in sentences):
            self.problem(
                "every sentence's `text` is empty, so the file checks nothing: each [[sentences]] entry "
                "holds a sentence of the article",
                ("sentence", sentences[0].index),
                "text",
            )

    def article(self, table: object) -> Article | None:
        block = ("article",)
        if table is None:
            self.problem("missing the [article] table (title and published are required)", ("top",), field="article")
            return None
        if not isinstance(table, dict):
            self.problem("[article] must be a table", ("top",), "article")
            return None
        self.unknown_keys(table, _ARTICLE_KEYS, block, "[article]")
        title = self.string(table, "title", block, required=True)
        published = table.get("published")
        if published is None:
            self.problem("missing `published` (a TOML date such as 2020-11-10)", block, field="published")
        elif not isinstance(published, dt.date) or isinstance(published, dt.datetime):
            self.problem(f"`published` must be a TOML date such as 2020-11-10, not {published!r}", block, "published")
            published = None
        url = self.string(table, "url", block)
        text = self.string(table, "text", block)
        return Article(title or "", published or dt.date.min, url, text)

    def string(
        self,
        table: dict[str, Any],
        key: str,
        block: tuple[Any, ...],
        *,
        required: bool = False,
        claim_id: str | None = None,
    ) -> str | None:
        value = table.get(key)
        if value is None:
            if required:
                self.problem(f"missing `{key}`", block, None, claim_id, key)
            return None
        if not isinstance(value, str):
            self.problem(f"`{key}` must be a string, not {_show(value)}", block, key, claim_id)
            return None
        return value

    def sources(self, table: object) -> dict[str, Source]:
        if not isinstance(table, dict):
            self.problem("[sources] must be a table of tables", ("top",), "sources")
            return {}
        sources = {}
        for key, entry in table.items():
            block = ("source", key)
            if not isinstance(entry, dict):
                self.problem(f"source {key!r} must be a table", block)
                continue
            self.unknown_keys(entry, _SOURCE_KEYS, block, f"source {key!r}")
            title = self.string(entry, "title", block, required=True)
            kind_text = entry.get("kind", "official")
            try:
                kind = SourceKind(kind_text)
            except (ValueError, TypeError):
                kind = SourceKind.UNSOURCED
            if kind is SourceKind.UNSOURCED:  # a figure with no source is unsourced; a source cannot say it is
                allowed = ", ".join(k.value for k in SourceKind if k is not SourceKind.UNSOURCED)
                self.problem(f"unknown source kind {_show(kind_text)} (one of: {allowed})", block, "kind")
                kind = SourceKind.OFFICIAL
            retrieved = entry.get("retrieved")
            if retrieved is not None and not isinstance(retrieved, dt.date):
                self.problem(f"`retrieved` must be a TOML date, not {_show(retrieved)}", block, "retrieved")
                retrieved = None
            sources[key] = Source(
                key,
                title or "",
                self.string(entry, "publisher", block),
                self.string(entry, "url", block),
                self.string(entry, "table", block),
                retrieved,
                kind,
            )
        return sources

    # -- tables ------------------------------------------------------------------------------
    def read_tables(self, entries: object, sources: dict[str, Source]) -> None:
        """Each `[tables.NAME]`, read from its file: a table that cannot be read is a problem on its line,
        and the figures read from it say so, not that no table has that name."""
        if not isinstance(entries, dict):
            self.problem("[tables] must be a table of tables ([tables.NAME])", ("top",), "tables")
            return
        if not entries:
            return
        # only a file that reads tables pays for the table reader (csv, zipfile, the XML parser, the digest)
        from factcheck.load.tables import TableFigures, read_table

        for name, entry in entries.items():
            block = ("tablespec", name)
            before = len(self.problems)
            spec = self.table_spec(name, entry, block, sources)
            if spec is not None:
                self.input_files.append(spec.path)
                try:
                    table = read_table(spec, self.base_dir) if self.base_dir is not None else None
                except TableError as exc:
                    self.problem(str(exc), block, "sha256" if exc.__class__.__name__ == "TableDigestError" else "path")
                else:
                    if table is None:
                        self.problem(
                            f"table {name!r} cannot be read: the claims file was not loaded from a folder",
                            block,
                            "path",
                        )
                    else:
                        self.digests[spec.path] = table.sha256
                        self.tables[name] = TableFigures(table, Location(self.path, self.lines.of(block)))
            if name not in self.tables:
                self.broken_tables[name] = self.problems[before].line if len(self.problems) > before else None

    def table_spec(
        self, name: str, entry: object, block: tuple[Any, ...], sources: dict[str, Source]
    ) -> TableSpec | None:
        """What `[tables.NAME]` says, or None when it cannot be used (each fault a problem on its line)."""
        if not _NAME.fullmatch(name):
            self.problem(f"table name {_name(name)} may use only letters, digits, '_' and '-'", block)
            return None
        if not isinstance(entry, dict):
            self.problem(f"table {_name(name)} must be a table with at least `path` and `key`", block)
            return None
        before = len(self.problems)
        what = f"[tables.{name}]"
        self.unknown_keys(entry, _TABLE_KEYS, block, what)
        path = self.string(entry, "path", block, required=True)
        if path is not None and (not path.strip() or "\x00" in path):
            self.problem(f"`path` must name the table's file, not {_name(path)}", block, "path")
        key = self.string(entry, "key", block, required=True)
        sheet = self.string(entry, "sheet", block)
        header = entry.get("header", 1)
        if isinstance(header, bool) or not isinstance(header, int) or not 1 <= header <= 1_000_000:
            self.problem(f"`header` must be a row number from 1, not {_show(header)}", block, "header")
        source = self.string(entry, "source", block)
        if source is not None and source not in sources:
            hint = _did_you_mean(source, sources)
            self.problem(f"table {_name(name)} names an unknown source {_name(source)}{hint}", block, "source")
        sha256 = self.string(entry, "sha256", block)
        if sha256 is not None and not _SHA256.fullmatch(sha256):
            self.problem(f"`sha256` must be 64 hexadecimal digits, not {_name(sha256)}", block, "sha256")
        columns = self.table_columns(name, entry.get("columns", {}))
        if len(self.problems) > before or path is None or key is None or columns is None:
            return None
        from factcheck.load.tables import TableSpec

        return TableSpec(
            name=name,
            path=path,
            key=key,
            sheet=sheet,
            header=header,
            source=source,
            sha256=sha256,
            columns=columns,
            line=self.lines.of(block),
        )

    def table_columns(self, name: str, entries: object) -> tuple[ColumnSpec, ...] | None:
        """`[tables.NAME.columns]`: each column's unit, period, `rounded` and `stored`."""
        from factcheck.load.tables import ColumnSpec, Stored

        block = ("columns", name)
        if not isinstance(entries, dict):
            self.problem(f"[tables.{name}.columns] must be a table of columns", ("tablespec", name), "columns")
            return None
        before = len(self.problems)
        columns = []
        for column, entry in entries.items():
            if not isinstance(entry, dict):
                self.problem(f'column {_name(column)} must be a table such as {{ unit = "person" }}', block, column)
                continue
            what = f"column {_name(column)} of table {_name(name)}"
            for key in entry:
                if key not in _COLUMN_KEYS:
                    allowed = ", ".join(sorted(_COLUMN_KEYS))
                    self.problem(f"unknown key {_name(key)} in {what} (allowed: {allowed})", block, column)
            unit = self.unit(entry, block, column)
            if unit is None and "unit" not in entry:
                self.problem(f"{what} is missing `unit`", block, column, field="unit")
            period = entry.get("period")
            if period is not None and not isinstance(period, (str, dt.date)):
                self.problem(f'`period` must be a string such as "2019-20", not {_show(period)}', block, column)
            rounded = self.number(entry, "rounded", block, what) if "rounded" in entry else None
            if rounded is not None and rounded <= 0:
                self.problem(f"`rounded` must be a positive step, not {_cut(str(entry['rounded']))}", block, column)
            stored = entry.get("stored")
            if stored is not None and stored not in {s.value for s in Stored}:
                self.problem(f'`stored` must be "percent" or "fraction", not {_show(stored)}', block, column)
                stored = None
            if unit is not None and "\x00" not in column:
                columns.append(
                    ColumnSpec(
                        name=column,
                        unit=unit,
                        period=None if period is None else str(period),
                        rounded=rounded,
                        stored=stored,
                    )
                )
        return None if len(self.problems) > before else tuple(columns)

    def unit(self, entry: dict[str, Any], block: tuple[Any, ...], key: str = "unit") -> str | None:
        """`unit` as a unit expression the units module reads, or None (a problem) when it is not one."""
        unit = entry.get("unit")
        if unit is None:
            return None
        if not isinstance(unit, str):
            self.problem(f"`unit` must be a string, not {_show(unit)}", block, key, field="unit")
            return None
        if len(unit) > _MAX_UNIT:
            self.problem(
                f"`unit` is longer than {_MAX_UNIT} characters: a unit expression is short, such as "
                '"offence / (100000 * person)"',
                block,
                key,
                field="unit",
            )
            return None
        try:
            parse_unit(unit)
        except ValueError as exc:
            self.problem(str(exc), block, key, field="unit")
            return None
        return unit

    def table_figure(self, name: str, entry: dict[str, Any], block: tuple[Any, ...]) -> Figure | None:
        """A figure read from a table's cell (`table`, `row`, `column`); None when it cannot be (a problem)."""
        where = [self.string(entry, key, block, required=True) for key in _CELL_KEYS]
        for key in ("value",):
            if key in entry:
                self.problem(f"figure {_name(name)} is read from a table, so it has no `{key}`", block, key)
        table_name, row, column = where
        if table_name is None or row is None or column is None:
            return None
        table = self.tables.get(table_name)
        if table is None:
            if table_name in self.broken_tables:
                # the table's problem is reported once, on its own lines; each claim that uses the figure
                # is told that the figure has an error there
                self.broken_figures[name] = self.broken_tables[table_name]
            else:
                hint = _did_you_mean(table_name, self.tables)
                self.problem(f"figure {_name(name)} names an unknown table {_name(table_name)}{hint}", block, "table")
            return None
        try:
            return table.figure(row, column)
        except TableError as exc:
            self.problem(f"figure {_name(name)}: {exc}", block, "row" if exc.column is None or exc.row else "column")
            return None

    def figures(self, table: object, sources: dict[str, Source]) -> dict[str, Figure]:
        if not isinstance(table, dict):
            self.problem("[figures] must be a table", ("top",), "figures")
            return {}
        figures = {}
        for name, entry in table.items():
            block = ("figure", name)
            before = len(self.problems)
            figure = self.figure(name, entry, block, sources)
            if figure is not None:
                figures[name] = figure
            elif name not in self.broken_figures:  # claims that use it say so, not "no such figure"
                self.broken_figures[name] = self.problems[before].line if len(self.problems) > before else None
        return figures

    def figure(self, name: str, entry: object, block: tuple[Any, ...], sources: dict[str, Source]) -> Figure | None:
        """One figure, or None when its name, value, unit or rounding cannot be read (each a problem)."""
        if not _NAME.fullmatch(name):
            self.problem(f"figure name {_name(name)} may use only letters, digits, '_' and '-'", block)
            return None
        what = f"figure {_name(name)}"  # once: the messages below name it, and every figure comes here
        if not isinstance(entry, dict):
            self.problem(f"{what} must be a table with at least `value` and `unit`", block)
            return None
        self.unknown_keys(entry, _FIGURE_KEYS, block, what)
        cell: Figure | None = None
        if not entry.keys().isdisjoint(_CELL_KEYS):
            cell = self.table_figure(name, entry, block)
            if cell is None:
                return None
            value: Fraction | None = cell.value
        else:
            value = self.number(entry, "value", block, what, required=True)
        unit = self.unit(entry, block)
        if unit is None and "unit" not in entry:
            if cell is not None:
                unit = cell.unit
            else:
                self.problem("missing `unit`", block, field="unit")
        rounded = self.number(entry, "rounded", block, what)
        if rounded is not None and rounded <= 0:
            self.problem(f"`rounded` must be a positive step, not {_cut(str(entry['rounded']))}", block, "rounded")
            rounded = None
        rounding_unread = rounded is None and entry.get("rounded") is not None  # read as exact, it would mislead
        source = self.string(entry, "source", block)
        if source is not None and source not in sources:
            hint = _did_you_mean(source, sources)
            self.problem(f"{what} names an unknown source {_name(source)}{hint}", block, "source")
        period = entry.get("period")
        if period is not None and not isinstance(period, (str, dt.date)):
            self.problem(f'`period` must be a string such as "2019-20", not {_show(period)}', block, "period")
        if value is None or unit is None or rounding_unread:
            return None
        area = self.string(entry, "area", block)
        if cell is not None:  # the table gives what the figure does not say itself
            period = cell.period if period is None else period
            area = cell.area if area is None else area
            source = cell.source if "source" not in entry else source
            rounded = cell.rounded if "rounded" not in entry else rounded
        return Figure(
            name,
            value,
            unit,
            None if period is None else str(period),
            area,
            source,
            rounded,
            self.string(entry, "note", block),
            Location(self.path, self.lines.of(block)),
            None if cell is None else cell.cell,
        )

    def number(
        self,
        table: dict[str, Any],
        key: str,
        block: tuple[Any, ...],
        what: str,
        *,
        required: bool = False,
        claim_id: str | None = None,
    ) -> Fraction | None:
        value = table.get(key)
        if value is None:
            if required:
                self.problem(f"{what} is missing `{key}`", block, None, claim_id, key)
            return None
        if isinstance(value, bool) or not isinstance(value, (int, Decimal, float)):
            self.problem(f"`{key}` must be a number, not {_show(value)}", block, key, claim_id)
            return None
        if (isinstance(value, Decimal) and not value.is_finite()) or (
            isinstance(value, float) and not math.isfinite(value)
        ):
            self.problem(f"`{key}` must be a finite number, not {value}", block, key, claim_id)
            return None
        if isinstance(value, float):  # from code, not a file: its shortest repr is what was meant
            value = Decimal(repr(value))
        # compared before it becomes a fraction (cheaper, and nothing huge is ever built)
        if abs(value) >= _TOO_LARGE if isinstance(value, int) else value and value.adjusted() > _MAX_EXPONENT:
            self.problem(
                f"`{key}` is out of range (at most {_MAX_EXPONENT + 1} digits before the point)", block, key, claim_id
            )
            return None
        return Fraction(value)

    def defaults(self, table: object) -> Defaults:
        block = ("defaults",)
        if not isinstance(table, dict):
            self.problem("[defaults] must be a table", ("top",), "defaults")
            return Defaults()
        self.unknown_keys(table, _DEFAULT_KEYS, block, "[defaults]")
        rounding = table.get("rounding", "nearest")
        if rounding not in ("nearest", "robust"):
            self.problem(f'`rounding` must be "nearest" or "robust", not {_show(rounding)}', block, "rounding")
            rounding = "nearest"
        tolerance = table.get("tolerance")
        if tolerance is not None and not self.tolerance(table, block, "[defaults] tolerance"):
            tolerance = None
        return Defaults(rounding, tolerance)

    def tolerance(self, table: dict[str, Any], block: tuple[Any, ...], what: str, claim_id: str | None = None) -> bool:
        """Whether the table's `tolerance` can be read; if not, a problem on its line.

        A number must be finite and in range before the tolerance rule reads it (`inf` would
        widen every interval to everything: a pass for any value).
        """
        value = table["tolerance"]
        if (
            isinstance(value, (int, float, Decimal))
            and not isinstance(value, bool)
            and self.number(table, "tolerance", block, what, claim_id=claim_id) is None
        ):
            return False
        try:
            parse_tolerance(value, what)
        except (ValueError, ArithmeticError) as exc:
            self.problem(str(exc), block, "tolerance", claim_id)
            return False
        return True

    # -- sentences and claims ----------------------------------------------------------------
    def sentences(self, entries: object, figures: dict[str, Figure]) -> list[Sentence]:
        if not isinstance(entries, list):
            self.problem("`sentences` must be an array of tables ([[sentences]])", ("top",), "sentences")
            return []
        sentences: list[Sentence] = []
        seen_ids: dict[str, int | None] = {}
        uses: dict[str, int] = {}
        for index, entry in enumerate(entries):
            block = ("sentence", index)
            location = Location(self.path, self.lines.of(block))
            if not isinstance(entry, dict):
                self.problem("each [[sentences]] entry must be a table", block)
                continue
            if not entry.keys() <= _SENTENCE_KEYS:  # the message's words are made only for a problem
                self.unknown_keys(entry, _SENTENCE_KEYS, block, f"sentence {index + 1}")
            text = self.string(entry, "text", block, required=True) or ""
            folded = fold(text)  # once per sentence: every claim's `stated` is looked for in it
            check = None
            if "check" in entry:
                try:
                    check = Check(entry["check"])
                except (ValueError, TypeError):
                    allowed = ", ".join(c.value for c in Check)
                    self.problem(f"unknown check {_show(entry['check'])} (one of: {allowed})", block, "check")
            raw_claims = entry.get("claims", [])
            if not isinstance(raw_claims, list):
                self.problem("`claims` must be an array of tables ([[sentences.claims]])", block, "claims")
                raw_claims = []
            claims: list[Claim] = []
            for number, raw in enumerate(raw_claims):
                claim = self.claim(raw, ("claim", index, number), index, (text, folded))
                if claim.id in seen_ids:
                    first = seen_ids[claim.id]
                    uses[claim.id] = uses.get(claim.id, 1) + 1
                    self.problem(
                        f"duplicate claim id {_name(claim.id)} (first used on line {first})",
                        ("claim", index, number),
                        "id",
                        claim.id,
                    )
                    claim = BrokenClaim(
                        id=f"{claim.id}#{uses[claim.id]}",
                        stated=claim.stated,
                        location=claim.location,
                        sentence=index,
                        written_kind=claim.kind,
                        problems=(self.problems[-1],),
                    )
                else:
                    seen_ids[claim.id] = claim.location.line
                claims.append(claim)
            sentences.append(Sentence(text, tuple(claims), check, location, index))
        clashes = sorted(set(seen_ids) & (set(figures) | set(self.broken_figures)))
        for name in clashes:
            self.problem(
                f"{_name(name)} is both a figure and a claim id, so references to it are ambiguous",
                ("figure", name),
                field=None,
                claim_id=name,
            )
        return sentences

    def claim(self, raw: object, block: tuple[Any, ...], sentence: int, text: tuple[str, str]) -> Claim:
        """One claim of sentence number `sentence`, whose text is `text` (as written, and folded for quotes)."""
        location = Location(self.path, self.lines.of(block))
        before = len(self.problems)
        if not isinstance(raw, dict):
            self.problem("each [[sentences.claims]] entry must be a table", block)
            return BrokenClaim(
                id=f"claim-at-line-{location.line}",
                stated="",
                location=location,
                sentence=sentence,
                problems=tuple(self.problems[before:]),
            )
        claim_id = self.claim_id(raw, block, location)
        kind = raw.get("kind")
        cls = CLAIM_TYPES.get(kind) if isinstance(kind, str) else None
        if cls is None:
            allowed = ", ".join(CLAIM_TYPES)
            self.problem(
                f"unknown kind {_show(kind)} (one of: {allowed})"
                if kind is not None
                else f"missing `kind` (one of: {allowed})",
                block,
                "kind",
                claim_id,
            )
            stated = raw.get("stated")
            return BrokenClaim(
                id=claim_id,
                stated=stated if isinstance(stated, str) else "",
                location=location,
                sentence=sentence,
                written_kind=_cut(str(kind)),
                problems=tuple(self.problems[before:]),
            )
        known_keys = _CLAIM_KEYS[cls.KIND]
        if not raw.keys() <= known_keys:  # the message's words are made only for a problem
            self.unknown_keys(raw, known_keys, block, f"a {kind} claim", claim_id)
        stated = self.string(raw, "stated", block, required=True, claim_id=claim_id) or ""
        if isinstance(raw.get("stated"), str):
            self.quoted(stated, text, block, claim_id)
        fields = self.inputs(raw, cls, block, claim_id)
        direction = self.direction(raw, block, claim_id)
        tolerance = raw.get("tolerance")
        if tolerance is not None:
            self.tolerance(raw, block, "tolerance", claim_id)
        note = self.string(raw, "note", block, claim_id=claim_id)
        if stated and kind == Kind.COMPARISON:
            try:
                parse_stated(stated, kind)
            except PhraseError as exc:
                self.problem(str(exc), block, "stated", claim_id)
        elif stated and kind == Kind.RANK:
            from factcheck.words.ranks import parse_rank_words  # only a file with ranks reads rank words

            try:
                parse_rank_words(stated)
            except RankWordsError as exc:
                self.problem(str(exc), block, "stated", claim_id)
        common: dict[str, Any] = {
            "id": claim_id,
            "stated": stated,
            "tolerance": tolerance,
            "direction": direction,
            "note": note,
            "location": location,
            "sentence": sentence,
        }
        if len(self.problems) > before:
            return BrokenClaim(**common, written_kind=str(kind), problems=tuple(self.problems[before:]))
        claim: Claim = cls(**common, **fields)  # type: ignore[assignment]  # cls is one of the Claim classes
        return claim

    def claim_id(self, raw: dict[str, Any], block: tuple[Any, ...], location: Location) -> str:
        """The claim's `id`; a problem, and a name from its line, when it has none."""
        claim_id = raw.get("id")
        if not isinstance(claim_id, str) or not claim_id.strip():
            self.problem("a claim needs an `id` (a non-empty string)", block, "id")
            return f"claim-at-line-{location.line}"
        return claim_id

    def inputs(
        self, raw: dict[str, Any], cls: type[ClaimBase], block: tuple[Any, ...], claim_id: str
    ) -> dict[str, Any]:
        """The claim's input fields that name something (a problem for each that does not), a formula's
        `expr` vetted, and a rate's `per`, as the claim class's fields."""
        fields: dict[str, Any] = {}
        if cls.KIND == Kind.RANK:
            return self.rank_inputs(raw, block, claim_id)
        for name in cls.INPUTS:
            value = raw.get(name)
            if value is None:
                continue
            if not isinstance(value, str) or not value.strip():
                self.problem(
                    f"`{name}` must name a figure or a claim id (a string), not {_show(value)}", block, name, claim_id
                )
                continue
            fields["from_" if name == "from" else name] = value
        if cls.KIND == Kind.FORMULA and "expr" in fields:
            try:
                parse_formula(fields["expr"])
            except FormulaError as exc:
                self.problem(str(exc), block, "expr", claim_id)
        if cls.KIND == Kind.RATE and "per" in raw:
            per = self.number(raw, "per", block, f"claim {claim_id!r}", claim_id=claim_id)
            if per is not None and per <= 0:
                self.problem(f"`per` must be a positive number, not {raw['per']}", block, "per", claim_id)
            fields["per"] = per
        return fields

    def rank_inputs(self, raw: dict[str, Any], block: tuple[Any, ...], claim_id: str) -> dict[str, Any]:
        """A rank's `of`, `among` (names, or a table column "TABLE:COLUMN" listed as its rows' figures),
        `exclude` and `order`, as the claim's fields; a problem for each that cannot be read."""
        fields: dict[str, Any] = {}
        of = raw.get("of")
        if of is not None:
            if isinstance(of, str) and of.strip():
                fields["of"] = of
            else:
                self.problem(
                    f"`of` must name a figure or a claim id (a string), not {_show(of)}", block, "of", claim_id
                )
        exclude = raw.get("exclude", [])
        if not isinstance(exclude, list) or not all(isinstance(item, str) for item in exclude):
            self.problem("`exclude` must be a list of row keys or names (strings)", block, "exclude", claim_id)
            exclude = []
        fields["exclude"] = tuple(exclude)
        order = raw.get("order")
        if order is not None and order not in ("high", "low"):
            self.problem(
                f'`order` must be "high" or "low" (the end where a value is good), not {_show(order)}',
                block,
                "order",
                claim_id,
            )
        elif order is not None:
            fields["order"] = order
        among = raw.get("among")
        if among is None:
            return fields
        if isinstance(among, list) and among and all(isinstance(item, str) and item.strip() for item in among):
            left_out = set(exclude)
            fields["among"] = tuple(name for name in among if name not in left_out)
            unknown = sorted(left_out - set(among))
            if unknown:
                self.problem(
                    f"`exclude` names {_name(unknown[0])}, which `among` does not list", block, "exclude", claim_id
                )
        elif isinstance(among, str) and ":" in among:
            names = self.table_column(among, tuple(exclude), block, claim_id)
            if names is not None:
                fields["among"], fields["column"] = names, among
        else:
            self.problem(
                '`among` must be a list of figure or claim names, or a table column "TABLE:COLUMN", '
                f"not {_show(among)}",
                block,
                "among",
                claim_id,
            )
        return fields

    def table_column(
        self, among: str, exclude: tuple[str, ...], block: tuple[Any, ...], claim_id: str
    ) -> tuple[str, ...] | None:
        """The names of the figures of a whole column ("TABLE:COLUMN"), less the rows `exclude` names; a column
        listed once per file however many ranks name it (a problem is reported for each claim)."""
        known = self.columns_listed.get((among, exclude))
        if known is not None:
            return known
        table_name, _, column = among.partition(":")
        table = self.tables.get(table_name.strip())
        if table is None:
            if table_name.strip() in self.broken_tables:
                reason = f"table {_name(table_name)} has an error"
                line = self.broken_tables[table_name.strip()]
                reason += f" (line {line})" if line is not None else ""
            else:
                reason = f"no table is named {_name(table_name)}{_did_you_mean(table_name, self.tables)}"
            self.problem(f"the column {_name(among)} cannot be listed: {reason}", block, "among", claim_id)
            return None
        try:
            listed = table.column(column, exclude)
        except TableError as exc:
            self.problem(
                f"the column {_name(among)}: {exc}",
                block,
                "exclude" if exc.row and exc.column is None else "among",
                claim_id,
            )
            return None
        names = []
        for _, found in listed:
            if isinstance(found, TableError):  # a list of figures must not silently lose one
                self.problem(
                    f"the column {_name(among)}: {found}; leave the row out with `exclude` if it is not one of the values ranked",
                    block,
                    "among",
                    claim_id,
                )
                return None
            self.cells[found.name] = found
            names.append(found.name)
        if not names:
            self.problem(f"the column {_name(among)} lists no rows", block, "among", claim_id)
            return None
        self.columns_listed[(among, exclude)] = tuple(names)
        return tuple(names)

    def direction(self, raw: dict[str, Any], block: tuple[Any, ...], claim_id: str) -> str | None:
        """The claim's `direction`: "increase", "decrease" or none (a problem for anything else)."""
        direction = raw.get("direction")
        if direction is not None and direction not in ("increase", "decrease"):
            self.problem(
                f'`direction` must be "increase" or "decrease", not {_show(direction)}', block, "direction", claim_id
            )
            return None
        return direction

    def quoted(self, stated: str, text: tuple[str, str], block: tuple[Any, ...], claim_id: str) -> None:
        """`stated` must be the sentence's own words (folded as `quoting.fold` says); a problem quoting the closest if not."""
        sentence, folded = text
        quote = fold(stated)
        if not quote:
            self.problem(
                "`stated` is blank: it must quote the sentence's words for the number", block, "stated", claim_id
            )
        elif len(stated) > _MAX_STATED:
            self.problem(
                f"`stated` is longer than {_MAX_STATED:,} characters: it quotes the article's words for one "
                "number, not a passage",
                block,
                "stated",
                claim_id,
            )
        elif not quote_found(quote, folded):
            self.problem(misquoted(stated, sentence), block, "stated", claim_id)

    # -- the article's text ------------------------------------------------------------------
    def article_text(self, relative: str) -> str | None:
        """The article's text, read as `paths.read_inside` allows (a regular file inside the claims file's
        project, of a bounded size), decoded as `read_text` would (UTF-8, BOM dropped, universal newlines)."""
        block = ("article",)
        if self.base_dir is None:
            self.problem("`text` cannot be read: the claims file was not loaded from a folder", block, "text")
            return None
        if not relative.strip() or "\x00" in relative:
            self.problem(f"`text` must name the article's text file, not {relative!r}", block, "text")
            return None
        self.input_files.insert(0, relative)
        try:
            _, data = read_inside(self.base_dir, relative)
        except ReadRefusedError as exc:
            if exc.outside:
                self.problem(f"`text` must point inside {exc.within}, not {relative!r}", block, "text")
            else:
                self.problem(f"cannot read the article text {relative!r}: {exc.reason}", block, "text")
            return None
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError:
            self.problem(f"cannot read the article text {relative!r}: not UTF-8 text", block, "text")
            return None
        return text.replace("\r\n", "\n").replace("\r", "\n")

    def coverage(self, article_text: str, sentences: list[Sentence]) -> None:
        """The sentences, joined with spaces, must be the article's text (white space folded)."""
        found = coverage_problem(article_text, sentences)
        if found is not None:
            message, sentence = found
            line = sentence.location.line if sentence is not None else self.lines.of(("article",), "text")
            self.problems.append(ClaimsFileError(message, path=self.path, line=line, field="text"))


def _show(value: object) -> str:
    """A value for a message: a string quoted, anything else with its TOML type, all cut to a readable length.

    A table or an array is named, not printed: it may be nested hundreds deep, or hold a whole file.
    """
    if isinstance(value, str):
        return _name(value)
    if isinstance(value, dict):
        return "a table"
    if isinstance(value, list):
        return "an array"
    return f"{_cut(repr(value))} ({type(value).__name__})"


def _name(text: str) -> str:
    """A name or a string from the file, quoted for a message, cut to a readable length."""
    return repr(_cut(text))


def _cut(text: str) -> str:
    return text if len(text) <= _SHOWN else text[: _SHOWN - 1] + "…"


def _did_you_mean(name: str, candidates: dict[str, Any]) -> str:
    """ "; did you mean 'x'?" for the closest candidate, if one is close; never a search over a huge file's names
    (each comparison costs, and a file of 100,000 figures would make the hints quadratic)."""
    if not candidates or len(candidates) > _MAX_HINTED:
        return ""
    close = get_close_matches(name, list(candidates), n=1)
    return f"; did you mean {close[0]!r}?" if close else ""


#: Did-you-mean hints are looked for among at most this many names.
_MAX_HINTED: Final = 1000
