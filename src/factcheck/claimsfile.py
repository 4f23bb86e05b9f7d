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
from typing import Any, Final

from factcheck.claims import (
    CLAIM_TYPES,
    Article,
    BrokenClaim,
    Check,
    Claim,
    ClaimsFile,
    Defaults,
    Figure,
    Gap,
    Location,
    Sentence,
    Source,
    SourceKind,
)
from factcheck.errors import ClaimsFileError, FormulaError, PhraseError
from factcheck.files import ReadRefused, read_inside
from factcheck.formula import parse_formula
from factcheck.stated import parse_stated, parse_tolerance
from factcheck.tomlread import TOMLDecodeError
from factcheck.tomlread import loads as toml_loads
from factcheck.units import parse_unit

__all__ = ["load_claims_file", "loads_claims_file", "fold_whitespace", "article_body", "strip_date_line"]

_TOP_KEYS: Final = {"format", "article", "sources", "figures", "defaults", "sentences"}
_ARTICLE_KEYS: Final = {"title", "published", "url", "text"}
_SOURCE_KEYS: Final = {"title", "publisher", "url", "table", "retrieved", "kind"}
_FIGURE_KEYS: Final = {"value", "unit", "period", "area", "source", "rounded", "note"}
_DEFAULT_KEYS: Final = {"rounding", "tolerance"}
_SENTENCE_KEYS: Final = {"text", "claims", "check"}
_CLAIM_COMMON: Final = {"id", "kind", "stated", "tolerance", "direction", "note"}
#: The keys a claim of each kind may have (built once, not per claim).
_CLAIM_KEYS: Final = {kind: frozenset(_CLAIM_COMMON | set(cls.INPUTS) | ({"per"} if kind == "rate" else set()))
                      for kind, cls in CLAIM_TYPES.items()}
_NAME: Final = re.compile(r"[A-Za-z0-9_-]+")
#: A float literal's exponent beyond this is refused: no news figure needs it, and turning
#: 1e999999999 into an exact fraction would take forever.
_MAX_EXPONENT: Final = 100
#: A table header line: blanks, then `[` and the rest of the line (group 1).
_HEADER_LINE: Final = re.compile(r"^[^\S\n]*(\[[^\n]*)", re.MULTILINE)
#: A key line: blanks, a bare or quoted key (group 1), blanks and `=`.
_KEY_LINE: Final = re.compile(r"""^[^\S\n]*("[^"\n]*"|'[^'\n]*'|[A-Za-z0-9_-]+)[^\S\n]*=""", re.MULTILINE)
#: The line breaks of `str.splitlines` other than "\n".
_OTHER_LINE_BREAK_CHARS: Final = "\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029"
_DATE_LINE: Final = re.compile(r"^\s*date\s+(\d{4}-\d{2}-\d{2})\b")
_HAS_NUMBER: Final = re.compile(
    r"\d|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|forty|fifty|"
    r"hundred|thousand|million|billion|half|third|quarter|fifth|majority|minority|most|doubled|trebled|tripled|"
    r"halved|twice)\b",
    re.IGNORECASE,
)


def load_claims_file(path: str | Path) -> ClaimsFile:
    """Read and check the claims file at `path`."""
    path = Path(path)
    shown = str(path)
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise ClaimsFileError(f"cannot read the file: {exc.strerror or exc}", path=shown) from None
    return loads_claims_file(data, shown, base_dir=path.parent)


def loads_claims_file(data: bytes | str, path: str = "<string>", *, base_dir: Path | None = None) -> ClaimsFile:
    """Read a claims file from its contents; `base_dir` is where `[article] text` is looked up."""
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
    except TOMLDecodeError as exc:
        line = _line_of_toml_error(str(exc))
        message = re.sub(r"\s*\(at line \d+, column \d+\)", "", str(exc))
        raise ClaimsFileError(f"not valid TOML: {message}", path=path, line=line) from None
    except _NumberOutOfRange as exc:
        raise ClaimsFileError(f"the number {exc.literal} is out of range (its exponent may be at most "
                              f"{_MAX_EXPONENT} either way)", path=path, line=_line_of(text, exc.literal)) from None
    except RecursionError:
        raise ClaimsFileError("not readable TOML: arrays or tables nested too deeply", path=path) from None
    except ValueError as exc:  # an integer literal with more digits than Python converts
        raise ClaimsFileError(f"not readable TOML: {exc}", path=path) from None
    return _Loader(path, text, raw, base_dir).load()


class _NumberOutOfRange(ValueError):
    def __init__(self, literal: str) -> None:
        self.literal = literal
        super().__init__(literal)


def _parse_float(literal: str) -> Decimal:
    """A TOML float as an exact Decimal; refuses exponents that no exact arithmetic can afford."""
    value = Decimal(literal)
    if value.is_finite() and value and abs(value.adjusted()) > _MAX_EXPONENT:
        raise _NumberOutOfRange(literal)
    return value


def _line_of(text: str, literal: str) -> int | None:
    for number, line in enumerate(text.splitlines(), start=1):
        if literal in line:
            return number
    return None


def _line_of_toml_error(message: str) -> int | None:
    match = re.search(r"line (\d+)", message)
    return int(match.group(1)) if match else None


def fold_whitespace(text: str) -> str:
    return " ".join(text.split())


def article_body(text: str) -> str:
    """The article's text without a first-line `date YYYY-MM-DD` (metadata), whitespace folded."""
    return fold_whitespace(strip_date_line(text)[1])


def strip_date_line(text: str) -> tuple[str | None, str]:
    """(the date as written, the rest) for a text that starts `date YYYY-MM-DD`; (None, text) otherwise."""
    match = _DATE_LINE.match(text)
    if match is None:
        return None, text
    return match.group(1), text[match.end():]


class _Lines:
    """Where each table and key of the file starts (lines as `str.splitlines` counts them).

    A line is a table header if it starts (after blanks) with `[`, and a key line if it starts with
    a bare or quoted key and `=`. One regex scan finds the headers; the keys of a table are found
    only when one is asked for (a problem's place), except those of `[figures]` and `[sources]`,
    which also place the figures and sources they define.
    """

    def __init__(self, text: str) -> None:
        if any(brk in text for brk in _OTHER_LINE_BREAK_CHARS):  # nine fast `in` scans beat one regex scan
            text = "\n".join(text.splitlines())  # the same lines, each ended by "\n" alone
        self._text = text
        self.headers: dict[tuple[Any, ...], int] = {("top",): 1}
        #: each table's stretches of text after its header: (start, end, line number of the header)
        self._segments: dict[tuple[Any, ...], list[tuple[int, int, int]]] = {}
        self._keys: dict[tuple[Any, ...], dict[str, int]] = {}
        block: tuple[Any, ...] = ("top",)
        sentence = -1
        claim = -1
        number = 1
        previous = 0
        segment_start, segment_line = 0, 1
        for match in _HEADER_LINE.finditer(text):
            start = match.start()
            number += text.count("\n", previous, start)
            previous = start
            self._segments.setdefault(block, []).append((segment_start, start, segment_line))
            stripped = match.group(1).rstrip()
            if stripped.startswith("[[") and stripped.find("]]") > 0:
                name = stripped[2 : stripped.find("]]")].strip()
                if name == "sentences":
                    sentence += 1
                    claim = -1
                    block = ("sentence", sentence)
                elif name == "sentences.claims":
                    claim += 1
                    block = ("claim", sentence, claim)
                else:
                    block = ("table", name)
            else:
                name = stripped[1 : stripped.find("]")].strip() if "]" in stripped else stripped[1:]
                parts = [p.strip().strip('"').strip("'") for p in name.split(".", 1)]
                if parts[0] == "sources" and len(parts) == 2:
                    block = ("source", parts[1])
                elif parts[0] == "figures" and len(parts) == 2:
                    block = ("figure", parts[1])
                else:
                    block = (parts[0],)
            self.headers.setdefault(block, number)
            segment_start, segment_line = match.end(), number
        self._segments.setdefault(block, []).append((segment_start, len(text), segment_line))
        for table, kind in ((("figures",), "figure"), (("sources",), "source")):
            for key, line in self.keys(table).items():  # a key `name = {...}` in [figures] places that figure
                self.headers[(kind, key)] = min(line, self.headers.get((kind, key), line))

    def keys(self, block: tuple[Any, ...]) -> dict[str, int]:
        """The line of each key of this table (its first, if it is repeated)."""
        found = self._keys.get(block)
        if found is None:
            found = self._keys[block] = {}
            text = self._text
            for start, end, number in self._segments.get(block, ()):
                previous = start
                for match in _KEY_LINE.finditer(text, start, end):
                    number += text.count("\n", previous, match.start())
                    previous = match.start()
                    found.setdefault(match.group(1).strip("\"'"), number)
        return found

    def of(self, block: tuple[Any, ...], key: str | None = None) -> int | None:
        if key is not None:
            line = self.keys(block).get(key)
            if line is not None:
                return line
        return self.headers.get(block)


class _Loader:
    def __init__(self, path: str, text: str, raw: dict[str, Any], base_dir: Path | None) -> None:
        self.path = path
        self.text = text
        self.raw = raw
        self.base_dir = base_dir
        self.lines = _Lines(text)
        self.problems: list[ClaimsFileError] = []

    def problem(self, message: str, block: tuple[Any, ...] = ("top",), key: str | None = None,
                claim_id: str | None = None, field: str | None = None) -> ClaimsFileError:
        error = ClaimsFileError(message, path=self.path, line=self.lines.of(block, key), claim_id=claim_id,
                                field=field if field is not None else key)
        self.problems.append(error)
        return error

    def unknown_keys(self, table: dict[str, Any], allowed: set[str] | frozenset[str], block: tuple[Any, ...],
                     what: str, claim_id: str | None = None) -> list[ClaimsFileError]:
        found = []
        for key in table:
            if key not in allowed:
                close = get_close_matches(key, sorted(allowed), n=1)
                hint = f"; did you mean {close[0]!r}?" if close else f" (allowed: {', '.join(sorted(allowed))})"
                found.append(self.problem(f"unknown key {key!r} in {what}{hint}", block, key, claim_id))
        return found

    # -- the whole file ----------------------------------------------------------------------
    def load(self) -> ClaimsFile:
        raw = self.raw
        self.unknown_keys(raw, _TOP_KEYS, ("top",), "the top level")
        fmt = raw.get("format")
        if fmt is None:
            raise ClaimsFileError("missing `format = 1` at the top", path=self.path, line=1, field="format")
        if isinstance(fmt, bool) or not isinstance(fmt, int) or fmt != 1:
            shown = str(fmt) if isinstance(fmt, Decimal) else repr(fmt)
            raise ClaimsFileError(f"unsupported format {shown}: this version reads format 1", path=self.path,
                                  line=self.lines.of(("top",), "format"), field="format")
        article = self.article(raw.get("article"))
        sources = self.sources(raw.get("sources", {}))
        figures = self.figures(raw.get("figures", {}), sources)
        defaults = self.defaults(raw.get("defaults", {}))
        sentences = self.sentences(raw.get("sentences", []), figures, defaults)
        article_text, gaps = None, []
        if article is not None and article.text is not None:
            article_text = self.article_text(article.text)
            if article_text is not None:
                self.coverage(article_text, sentences)
        gaps = self.gaps(sentences)
        return ClaimsFile(self.path, article, sources, figures, defaults, tuple(sentences), tuple(self.problems),
                          tuple(gaps), article_text)

    def article(self, table: object) -> Article | None:
        block = ("article",)
        if table is None:
            self.problem("missing the [article] table (title and published are required)", ("top",),
                         field="article")
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

    def string(self, table: dict[str, Any], key: str, block: tuple[Any, ...], *, required: bool = False,
               claim_id: str | None = None) -> str | None:
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
                if kind is SourceKind.UNSOURCED:
                    raise ValueError
            except (ValueError, TypeError):
                allowed = ", ".join(k.value for k in SourceKind if k is not SourceKind.UNSOURCED)
                self.problem(f"unknown source kind {kind_text!r} (one of: {allowed})", block, "kind")
                kind = SourceKind.OFFICIAL
            retrieved = entry.get("retrieved")
            if retrieved is not None and not isinstance(retrieved, dt.date):
                self.problem(f"`retrieved` must be a TOML date, not {_show(retrieved)}", block, "retrieved")
                retrieved = None
            sources[key] = Source(key, title or "", self.string(entry, "publisher", block),
                                  self.string(entry, "url", block), self.string(entry, "table", block),
                                  retrieved, kind)
        return sources

    def figures(self, table: object, sources: dict[str, Source]) -> dict[str, Figure]:
        if not isinstance(table, dict):
            self.problem("[figures] must be a table", ("top",), "figures")
            return {}
        figures = {}
        for name, entry in table.items():
            block = ("figure", name)
            if not _NAME.fullmatch(name):
                self.problem(f"figure name {name!r} may use only letters, digits, '_' and '-'", block)
                continue
            if not isinstance(entry, dict):
                self.problem(f"figure {name!r} must be a table with at least `value` and `unit`", block)
                continue
            self.unknown_keys(entry, _FIGURE_KEYS, block, f"figure {name!r}")
            value = self.number(entry, "value", block, f"figure {name!r}", required=True)
            unit = self.string(entry, "unit", block, required=True)
            if unit is not None:
                try:
                    parse_unit(unit)
                except ValueError as exc:
                    self.problem(str(exc), block, "unit")
                    unit = None
            rounded = self.number(entry, "rounded", block, f"figure {name!r}")
            if rounded is not None and rounded <= 0:
                self.problem(f"`rounded` must be a positive step, not {entry['rounded']}", block, "rounded")
                rounded = None
            source = self.string(entry, "source", block)
            if source is not None and source not in sources:
                close = get_close_matches(source, list(sources), n=1)
                hint = f"; did you mean {close[0]!r}?" if close else ""
                self.problem(f"figure {name!r} names an unknown source {source!r}{hint}", block, "source")
            period = entry.get("period")
            if period is not None and not isinstance(period, (str, dt.date)):
                self.problem(f"`period` must be a string such as \"2019-20\", not {_show(period)}", block, "period")
            if value is None or unit is None:
                continue
            figures[name] = Figure(name, value, unit, None if period is None else str(period),
                                   self.string(entry, "area", block), source, rounded,
                                   self.string(entry, "note", block), Location(self.path, self.lines.of(block)))
        return figures

    def number(self, table: dict[str, Any], key: str, block: tuple[Any, ...], what: str, *,
               required: bool = False, claim_id: str | None = None) -> Fraction | None:
        value = table.get(key)
        if value is None:
            if required:
                self.problem(f"{what} is missing `{key}`", block, None, claim_id, key)
            return None
        if isinstance(value, bool) or not isinstance(value, (int, Decimal, float)):
            self.problem(f"`{key}` must be a number, not {_show(value)}", block, key, claim_id)
            return None
        if isinstance(value, Decimal) and not value.is_finite() or isinstance(value, float) and not math.isfinite(value):
            self.problem(f"`{key}` must be a finite number, not {value}", block, key, claim_id)
            return None
        number = Fraction(value) if not isinstance(value, float) else Fraction(repr(value))
        if abs(number) >= 10 ** (_MAX_EXPONENT + 1):
            self.problem(f"`{key}` is out of range (at most {_MAX_EXPONENT + 1} digits before the point)",
                         block, key, claim_id)
            return None
        return number

    def defaults(self, table: object) -> Defaults:
        block = ("defaults",)
        if not isinstance(table, dict):
            self.problem("[defaults] must be a table", ("top",), "defaults")
            return Defaults()
        self.unknown_keys(table, _DEFAULT_KEYS, block, "[defaults]")
        rounding = table.get("rounding", "nearest")
        if rounding not in ("nearest", "robust"):
            self.problem(f"`rounding` must be \"nearest\" or \"robust\", not {_show(rounding)}", block, "rounding")
            rounding = "nearest"
        tolerance = table.get("tolerance")
        if tolerance is not None:
            try:
                parse_tolerance(tolerance, "[defaults] tolerance")
            except ValueError as exc:
                self.problem(str(exc), block, "tolerance")
                tolerance = None
        return Defaults(rounding, tolerance)

    # -- sentences and claims ----------------------------------------------------------------
    def sentences(self, entries: object, figures: dict[str, Figure], defaults: Defaults) -> list[Sentence]:
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
            self.unknown_keys(entry, _SENTENCE_KEYS, block, f"sentence {index + 1}")
            text = self.string(entry, "text", block, required=True) or ""
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
                claim = self.claim(raw, ("claim", index, number), index, figures, defaults)
                if claim.id in seen_ids:
                    first = seen_ids[claim.id]
                    uses[claim.id] = uses.get(claim.id, 1) + 1
                    self.problem(f"duplicate claim id {claim.id!r} (first used on line {first})",
                                 ("claim", index, number), "id", claim.id)
                    claim = BrokenClaim(id=f"{claim.id}#{uses[claim.id]}", stated=claim.stated, location=claim.location,
                                        sentence=index, written_kind=claim.kind,
                                        problems=(self.problems[-1],))
                else:
                    seen_ids[claim.id] = claim.location.line
                claims.append(claim)
            sentences.append(Sentence(text, tuple(claims), check, location, index))
        clashes = sorted(set(seen_ids) & set(figures))
        for name in clashes:
            self.problem(f"{name!r} is both a figure and a claim id, so references to it are ambiguous",
                         ("figure", name), field=None, claim_id=name)
        return sentences

    def claim(self, raw: object, block: tuple[Any, ...], sentence: int, figures: dict[str, Figure],
              defaults: Defaults) -> Claim:
        location = Location(self.path, self.lines.of(block))
        before = len(self.problems)
        if not isinstance(raw, dict):
            self.problem("each [[sentences.claims]] entry must be a table", block)
            return BrokenClaim(id=f"claim-at-line-{location.line}", stated="", location=location, sentence=sentence,
                               problems=tuple(self.problems[before:]))
        claim_id = raw.get("id")
        if not isinstance(claim_id, str) or not claim_id.strip():
            self.problem("a claim needs an `id` (a non-empty string)", block, "id")
            claim_id = f"claim-at-line-{location.line}"
        kind = raw.get("kind")
        cls = CLAIM_TYPES.get(kind) if isinstance(kind, str) else None
        if cls is None:
            allowed = ", ".join(CLAIM_TYPES)
            self.problem(f"unknown kind {_show(kind)} (one of: {allowed})" if kind is not None else
                         f"missing `kind` (one of: {allowed})", block, "kind", claim_id)
            return BrokenClaim(id=claim_id, stated=str(raw.get("stated", "")), location=location, sentence=sentence,
                               written_kind=str(kind), problems=tuple(self.problems[before:]))
        self.unknown_keys(raw, _CLAIM_KEYS[cls.KIND], block, f"a {kind} claim", claim_id)
        stated = self.string(raw, "stated", block, required=True, claim_id=claim_id) or ""
        fields: dict[str, Any] = {}
        for name in cls.INPUTS:
            value = raw.get(name)
            if value is None:
                continue
            if not isinstance(value, str) or not value.strip():
                self.problem(f"`{name}` must name a figure or a claim id (a string), not {_show(value)}",
                             block, name, claim_id)
                continue
            fields["from_" if name == "from" else name] = value
        if kind == "formula" and "expr" in fields:
            try:
                parse_formula(fields["expr"])
            except FormulaError as exc:
                self.problem(str(exc), block, "expr", claim_id)
        if kind == "rate" and "per" in raw:
            per = self.number(raw, "per", block, f"claim {claim_id!r}", claim_id=claim_id)
            if per is not None and per <= 0:
                self.problem(f"`per` must be a positive number, not {raw['per']}", block, "per", claim_id)
            fields["per"] = per
        direction = raw.get("direction")
        if direction is not None and direction not in ("increase", "decrease"):
            self.problem(f"`direction` must be \"increase\" or \"decrease\", not {_show(direction)}", block,
                         "direction", claim_id)
            direction = None
        tolerance = raw.get("tolerance")
        if tolerance is not None:
            try:
                parse_tolerance(tolerance)
            except ValueError as exc:
                self.problem(str(exc), block, "tolerance", claim_id)
        note = self.string(raw, "note", block, claim_id=claim_id)
        if stated and kind == "comparison":
            try:
                parse_stated(stated, kind)
            except PhraseError as exc:
                self.problem(str(exc), block, "stated", claim_id)
        common: dict[str, Any] = {"id": claim_id, "stated": stated, "tolerance": tolerance, "direction": direction,
                                  "note": note, "location": location, "sentence": sentence}
        if len(self.problems) > before:
            return BrokenClaim(**common, written_kind=str(kind), problems=tuple(self.problems[before:]))
        claim: Claim = cls(**common, **fields)  # type: ignore[assignment]  # cls is one of the Claim classes
        return claim

    # -- the article's text ------------------------------------------------------------------
    def article_text(self, relative: str) -> str | None:
        """The article's text, read as `files.read_inside` allows (a regular file inside the claims file's
        folder, of a bounded size), decoded as `read_text` would (UTF-8, BOM dropped, universal newlines)."""
        block = ("article",)
        if self.base_dir is None:
            self.problem("`text` cannot be read: the claims file was not loaded from a folder", block, "text")
            return None
        if not relative.strip() or "\x00" in relative:
            self.problem(f"`text` must name the article's text file, not {relative!r}", block, "text")
            return None
        try:
            _, data = read_inside(self.base_dir, relative)
        except ReadRefused as exc:
            if exc.outside:
                self.problem(f"`text` must point inside the claims file's folder, not {relative!r}", block, "text")
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
        body = article_body(article_text)
        position = 0
        for sentence in sentences:
            piece = fold_whitespace(sentence.text)
            if not piece:
                continue
            prefix = " " if position else ""
            if body.startswith(prefix + piece, position):
                position += len(prefix + piece)
                continue
            expected = body[position + len(prefix): position + len(prefix) + 80]
            self.problems.append(ClaimsFileError(
                f"sentence {sentence.index + 1} does not match the article text; the article has here: "
                f"{expected!r}" if expected else
                f"sentence {sentence.index + 1} is not in the article text (the article ends before it)",
                path=self.path, line=sentence.location.line, field="text"))
            return
        if position < len(body):
            rest = body[position:].strip()
            self.problems.append(ClaimsFileError(
                f"the sentences do not cover the end of the article text; it goes on: {rest[:80]!r}",
                path=self.path, line=self.lines.of(("article",), "text"), field="text"))

    def gaps(self, sentences: list[Sentence]) -> list[Gap]:
        gaps = []
        for sentence in sentences:
            if sentence.claims or sentence.check is not None:
                continue
            if _HAS_NUMBER.search(sentence.text):
                message = f"sentence {sentence.index + 1} states a number but has no claim and no `check`"
            else:
                message = f"sentence {sentence.index + 1} has no claims and no `check` saying why"
            gaps.append(Gap(message, sentence.location))
        return gaps


def _show(value: object) -> str:
    if isinstance(value, str):
        return repr(value)
    return f"{value!r} ({type(value).__name__})"
