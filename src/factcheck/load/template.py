"""One story, every area: a template claims file checks every version of a story.

A data desk writes one story and publishes a version per area. The template claims file is an
ordinary claims file (format 1) with a `[template]` table naming the versions, and slots, `{name}`,
where the versions' words differ: in `[article] title`, in a sentence's `text` and in a claim's
`stated`. A figure's `row = "{row}"` is the version's row of a table.

Expansion happens before the ordinary loader and knows nothing of figures, tables or kinds: the
template's parsed TOML and one version's text give that version's claims-file data (the slots
filled with the version's own words, `[article] text` set to the version's text, `row = "{row}"`
made the version's row, a figure's `values = { ROW = value, … }` made the version's `value`),
and `claimsfile.load_claims_data` loads it as any other file. So tables, ranks, periods, quoting and coverage work per version with no special case, and every problem is
placed on the template's own lines.

Matching a version's text (`load.slots`, which knows nothing of claims files):
- The template's sentences, white space folded and joined with single spaces, are a pattern of
  literal words and slots; the version's text (its `date` line aside, white space folded) must be
  that pattern with each slot a run of 1 to `MAX_SLOT` characters, a slot used twice saying the
  same both times, found in bounded time. Slots with nothing but white space between them are
  refused: they cannot be told apart ("West Mercia 1,405" could split anywhere).
- A version whose text does not match is an error of that version naming the first sentence that
  differs, with the template's words and the version's own words there.
"""

from __future__ import annotations

import datetime as dt
import itertools
import re
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any, Final

import attrs

from factcheck.errors import ClaimsFileError, ReadRefusedError, TableError
from factcheck.load.claimsfile import load_claims_data
from factcheck.load.coverage import article_body, fold_whitespace
from factcheck.load.lines import Lines
from factcheck.load.paths import FileRead, read_inside
from factcheck.load.slots import MAX_STEPS, Miss, Pattern, Piece, Slot, cut, fill, match_pattern, parse_slots, slug
from factcheck.model.claims import Article, ClaimsFile, is_placeholder

__all__ = ["MAX_VERSIONS", "ROW", "TemplateFile", "Version", "load_template"]

#: The most versions one template checks (the largest sets of areas, wards, are some 9,000).
MAX_VERSIONS: Final = 10_000
#: A figure's `row = "{row}"` is the version's row; the name is reserved for that.
ROW: Final = "row"
_ROW_VALUE: Final = "{row}"
#: A figure's value per version, by row key (`values = { "Westmarch" = 1405 }`): a template without a table.
_VALUES: Final = "values"
_TEMPLATE_KEYS: Final = frozenset({"versions", "rows", "text", "exclude"})
_VERSION_KEYS: Final = frozenset({"row", "text"})


# -- the template's own records ----------------------------------------------------------------------


@attrs.frozen
class Version:
    """One version of the story: its row, its text's path, and the claims file it makes.

    `claims_file` always exists: a version whose text cannot be read or does not match the template has
    one with no sentences and the problem, so it is reported (and fails) as a file with a problem of its own.
    """

    row: str
    text: str
    claims_file: ClaimsFile
    article_text: str | None = None  # the version's text as read, when it was

    @property
    def name(self) -> str:
        """What reports call the version: its row, or its text's path while the row is still "?"."""
        return self.text if is_placeholder(self.row) or not self.row else self.row


@attrs.frozen
class TemplateFile:
    """A template claims file: its versions, or the problems that keep any version from being made.

    `reads` are the files the versions' list was made from (a `rows` table), which the cache must find
    unchanged; each version's text is its own `article_text`.
    """

    path: str
    versions: tuple[Version, ...] = ()
    problems: tuple[ClaimsFileError, ...] = ()
    reads: tuple[FileRead, ...] = ()
    title: str = ""


def load_template(
    raw: dict[str, Any], text: str, path: str = "<string>", *, base_dir: Path | None = None
) -> TemplateFile:
    """A template's versions, each loaded as a claims file of its own; or the template's problems."""
    reader = _Template(raw, text, path, base_dir)
    return reader.load()


@attrs.frozen
class _Entry:
    """A version as the template lists it, with the line that lists it."""

    row: str
    text: str
    line: int | None


class _Template:
    """Reads a template: its slots, its list of versions, then each version."""

    def __init__(self, raw: dict[str, Any], text: str, path: str, base_dir: Path | None) -> None:
        self.raw = raw
        self.text = text
        self.path = path
        self.base_dir = base_dir
        self.lines = Lines(text)
        self.problems: list[ClaimsFileError] = []
        self.reads: list[FileRead] = []
        #: each sentence's pieces, by its index (sentences whose text is not a string are left to the loader)
        self.sentences: dict[int, tuple[Piece, ...]] = {}
        #: each claim's `stated` pieces, by (sentence, claim)
        self.stated: dict[tuple[int, int], tuple[Piece, ...]] = {}
        self.title: tuple[Piece, ...] | None = None

    def problem(
        self,
        message: str,
        block: tuple[Any, ...],
        key: str | None = None,
        *,
        line: int | None = None,
        field: str | None = None,
        claim_id: str | None = None,
    ) -> None:
        """A problem of the template, on the line of `key` in `block` (or on `line`), its field `key` (or `field`)."""
        self.problems.append(
            ClaimsFileError(
                message,
                path=self.path,
                line=line or self.lines.of(block, key),
                claim_id=claim_id,
                field=field or key,
            )
        )

    def load(self) -> TemplateFile:
        entries = self.entries(self.raw["template"])
        self.read_slots()
        pattern = self.pattern() if not self.problems else None
        shown_title = self.raw.get("article", {}).get("title") if isinstance(self.raw.get("article"), dict) else None
        title = shown_title if isinstance(shown_title, str) else ""
        if self.problems or pattern is None:
            return TemplateFile(self.path, problems=tuple(self.problems), reads=tuple(self.reads), title=title)
        versions = []
        for entry in entries:
            version = self.version(entry, pattern)
            if version is None:  # the loader refused the file itself: the same for every version
                return TemplateFile(self.path, problems=tuple(self.problems), reads=tuple(self.reads), title=title)
            versions.append(version)
        return TemplateFile(self.path, tuple(versions), reads=tuple(self.reads), title=title)

    # -- [template] ------------------------------------------------------------------------------
    def entries(self, table: object) -> list[_Entry]:
        """The versions `[template]` lists: `versions = [...]`, or one per row of a table (`rows`)."""
        block = ("template",)
        if not isinstance(table, dict):
            self.problem("[template] must be a table: `versions = [...]`, or `rows` and `text`", ("top",), "template")
            return []
        unknown = sorted(set(table) - _TEMPLATE_KEYS)
        for key in unknown:
            allowed = ", ".join(sorted(_TEMPLATE_KEYS))
            self.problem(f"unknown key {cut(key)!r} in [template] (allowed: {allowed})", block, key)
        article = self.raw.get("article")
        if isinstance(article, dict) and "text" in article:
            self.problem(
                "a template's versions each have their own text, listed in [template]: remove `text` from [article]",
                ("article",),
                "text",
            )
        if "versions" in table:
            if {"rows", "exclude"} & set(table) or "text" in table:
                self.problem(
                    "[template] lists its versions either as `versions = [...]` or as `rows` with `text`, not both",
                    block,
                    "versions",
                )
            entries = self.listed(table["versions"])
        elif "rows" in table:
            entries = self.from_rows(table)
        else:
            self.problem(
                '[template] must list its versions: `versions = [{ row = "…", text = "…" }, …]`, '
                'or `rows = "TABLE"` with `text = "versions/{slug}.txt"`',
                block,
            )
            return []
        if not entries and not self.problems:
            self.problem("[template] lists no versions, so it checks nothing", block, "versions")
        if len(entries) > MAX_VERSIONS:
            self.problem(f"[template] lists {len(entries):,} versions; at most {MAX_VERSIONS:,} are checked", block)
            return []
        self.no_doubles(entries)
        return entries

    def listed(self, versions: object) -> list[_Entry]:
        block = ("template",)
        if not isinstance(versions, list):
            self.problem('`versions` must be an array of tables: [{ row = "…", text = "…" }, …]', block, "versions")
            return []
        entries = []
        after = self.lines.of(block) or 1
        for number, item in enumerate(versions, start=1):
            if not isinstance(item, dict):
                self.problem(f'version {number} must be a table: {{ row = "…", text = "…" }}', block, "versions")
                continue
            row, text = item.get("row"), item.get("text")
            line = self.line_of(text if isinstance(text, str) else row if isinstance(row, str) else None, after)
            at = line or self.lines.of(block, "versions")
            for key in sorted(set(item) - _VERSION_KEYS):
                self.problem(
                    f"unknown key {cut(key)!r} in version {number} (a version has `row` and `text`)",
                    block,
                    line=at,
                    field="versions",
                )
            if not isinstance(row, str) or not row.strip():
                self.problem(
                    f"version {number} needs a `row`: the key of its row in the table, as a string",
                    block,
                    line=at,
                    field="versions",
                )
                continue
            if not isinstance(text, str) or not text.strip():
                self.problem(
                    f"version {number} needs a `text`: the path of its text file, as a string",
                    block,
                    line=at,
                    field="versions",
                )
                continue
            entries.append(_Entry(row, text, line))
            after = line or after
        return entries

    def line_of(self, value: str | None, after: int) -> int | None:
        """The first line at or after `after` that holds `value` as a TOML string (a version's place)."""
        if value is None:
            return None
        lines = self.text.splitlines()
        for wanted in (f'"{value}"', f"'{value}'"):
            for number in range(max(after, 1), len(lines) + 1):
                if wanted in lines[number - 1]:
                    return number
        return None

    def from_rows(self, table: dict[str, Any]) -> list[_Entry]:
        """One version per row of the table `rows` names, less `exclude`, its text `text` with `{slug}` filled."""
        block = ("template",)
        name, pattern, exclude = table.get("rows"), table.get("text"), table.get("exclude", [])
        if not isinstance(name, str):
            self.problem("`rows` must name a table of [tables] (a string)", block, "rows")
            return []
        if not isinstance(pattern, str) or "{slug}" not in pattern:
            self.problem('`text` must be a path with {slug} in it, such as "versions/{slug}.txt"', block, "text")
            return []
        if not isinstance(exclude, list) or not all(isinstance(row, str) for row in exclude):
            self.problem("`exclude` must be an array of row keys (strings)", block, "exclude")
            return []
        keys = self.row_keys(name)
        if keys is None:
            return []
        folded = {fold_whitespace(key): key for key in keys}
        for row in exclude:
            if fold_whitespace(row) not in folded:
                self.problem(f"`exclude` names {cut(row)!r}, which is no row of the table {name!r}", block, "exclude")
        left_out = {fold_whitespace(row) for row in exclude}
        line = self.lines.of(block, "rows")
        return [
            _Entry(key, pattern.replace("{slug}", slug(key)), line)
            for key in keys
            if fold_whitespace(key) not in left_out
        ]

    def row_keys(self, name: str) -> tuple[str, ...] | None:
        """The keys of the rows of table `name`, read as the loader reads the table; None (a problem) if it cannot be."""
        from factcheck.load.tables import TableSpec, read_table  # only a template over a whole table reads it here

        block = ("template",)
        tables = self.raw.get("tables")
        spec = tables.get(name) if isinstance(tables, dict) else None
        if not isinstance(spec, dict):
            self.problem(f"`rows` names the table {cut(name)!r}, but there is no [tables.{cut(name)}]", block, "rows")
            return None
        path, key = spec.get("path"), spec.get("key")
        if not isinstance(path, str) or not isinstance(key, str) or self.base_dir is None:
            self.problem(f"the table {name!r} that `rows` names needs `path` and `key` (strings)", block, "rows")
            return None
        try:
            read = read_table(
                TableSpec(
                    name=name,
                    path=path,
                    key=key,
                    sheet=spec.get("sheet") if isinstance(spec.get("sheet"), str) else None,
                    header=spec.get("header", 1),
                    sha256=spec.get("sha256") if isinstance(spec.get("sha256"), str) else None,
                ),
                self.base_dir,
            )
            keys = read.keys
        except (TableError, ValueError, TypeError) as exc:
            self.problem(f"the rows of the table {name!r} cannot be read: {exc}", block, "rows")
            return None
        self.reads.append(FileRead(path, sha256=read.sha256))
        doubled = sorted({k for k in keys if keys.count(k) > 1})
        if doubled:
            self.problem(
                f"the table {name!r} has the key {cut(doubled[0])!r} on more than one row: a version needs a row "
                "of its own (leave the others out with `exclude`)",
                block,
                "rows",
            )
            return None
        return keys

    def no_doubles(self, entries: Sequence[_Entry]) -> None:
        """Two versions of one row, or of one text, are a slip (a row checked twice, another never)."""
        block = ("template",)
        for attribute, what in (("row", "row"), ("text", "text")):
            seen: dict[str, _Entry] = {}
            for entry in entries:
                value = getattr(entry, attribute)
                if attribute == "row" and is_placeholder(value):
                    continue
                folded = fold_whitespace(value) if attribute == "row" else value
                if folded in seen:
                    first = seen[folded]
                    where = f" (first on line {first.line})" if first.line else ""
                    self.problem(
                        f"two versions have the {what} {cut(value)!r}{where}", block, line=entry.line, field="versions"
                    )
                else:
                    seen[folded] = entry

    # -- the slots -------------------------------------------------------------------------------
    def read_slots(self) -> None:
        """Each sentence's, claim's and the title's pieces; a problem for each text whose braces cannot be read."""
        article = self.raw.get("article")
        if isinstance(article, dict) and isinstance(article.get("title"), str):
            self.title = self.pieces(article["title"], ("article",), "title")
        sentences = self.raw.get("sentences")
        if not isinstance(sentences, list):
            return
        for index, sentence in enumerate(sentences):
            if not isinstance(sentence, dict) or not isinstance(sentence.get("text"), str):
                continue
            block = ("sentence", index)
            pieces = self.pieces(sentence["text"], block, "text")
            if pieces is None:
                continue
            self.sentences[index] = pieces
            claims = sentence.get("claims")
            for number, claim in enumerate(claims if isinstance(claims, list) else []):
                if isinstance(claim, dict) and isinstance(claim.get("stated"), str):
                    self.claim_slots(claim, (index, number), pieces)

    def pieces(
        self, text: str, block: tuple[Any, ...], key: str, claim_id: str | None = None
    ) -> tuple[Piece, ...] | None:
        pieces, problem = parse_slots(text)
        if problem is not None:
            self.problem(problem, block, key, claim_id=claim_id)
            return None
        for piece in pieces:
            if isinstance(piece, Slot) and piece.name == ROW:
                self.problem(
                    "{row} is the version's row, and only a figure's `row` may say it: give this slot "
                    "a name of its own, such as {area}",
                    block,
                    key,
                    claim_id=claim_id,
                )
                return None
        return pieces

    def claim_slots(self, claim: dict[str, Any], place: tuple[int, int], sentence: tuple[Piece, ...]) -> None:
        """A claim's `stated` may use only the slots of its sentence, whose words the version gives."""
        block = ("claim", *place)
        claim_id = claim.get("id") if isinstance(claim.get("id"), str) else None
        pieces = self.pieces(claim["stated"], block, "stated", claim_id)
        if pieces is None:
            return
        known = {piece.name for piece in sentence if isinstance(piece, Slot)}
        for piece in pieces:
            if isinstance(piece, Slot) and piece.name not in known:
                self.problem(
                    f"`stated` uses the slot {piece} that its sentence does not have, so no version's words fill it",
                    block,
                    "stated",
                    claim_id=claim_id,
                )
                return
        self.stated[place] = pieces

    def pattern(self) -> Pattern | None:
        """The sentences as one pattern; None (a problem) where two slots have nothing but white space between."""
        pieces: list[Piece] = []
        starts: list[tuple[int, int]] = []
        length = 0
        for index, sentence in sorted(self.sentences.items()):
            folded = _folded(sentence)
            if not folded:
                continue
            if pieces:
                pieces.append(" ")
                length += 1
            starts.append((length, index))
            pieces.extend(folded)
            length += sum(len(str(piece)) for piece in folded)
        merged = _merged(pieces)
        for before, between, after in zip(merged, merged[1:], merged[2:], strict=False):
            if (
                isinstance(before, Slot)
                and isinstance(after, Slot)
                and isinstance(between, str)
                and not between.strip()
            ):
                self.side_by_side(before, after)
                return None
        for before, after in itertools.pairwise(merged):
            if isinstance(before, Slot) and isinstance(after, Slot):
                self.side_by_side(before, after)
                return None
        if self.title is not None:
            named = {piece.name for piece in merged if isinstance(piece, Slot)}
            missing = [piece for piece in self.title if isinstance(piece, Slot) and piece.name not in named]
            if missing:
                self.problem(
                    f"the title's slot {missing[0]} is in no sentence, so no version's words fill it",
                    ("article",),
                    "title",
                )
                return None
        return Pattern.of(merged, starts)

    def side_by_side(self, before: Slot, after: Slot) -> None:
        where = next(
            (index for index, pieces in sorted(self.sentences.items()) if before in pieces or after in pieces), None
        )
        block = ("sentence", where) if where is not None else ("top",)
        self.problem(
            f"the slots {before} and {after} have nothing but white space between them, so a version's words "
            "cannot be told apart: put the words between them in the template, or make them one slot",
            block,
            "text",
        )

    # -- one version -----------------------------------------------------------------------------
    def version(self, entry: _Entry, pattern: Pattern) -> Version | None:
        """The version's claims file: its text matched and its words filled in (None: the loader refused the file)."""
        text = self.read_text(entry)
        if isinstance(text, ClaimsFileError):
            return Version(entry.row, entry.text, self.failed(text))
        if is_placeholder(entry.row):
            problem = ClaimsFileError(
                f"the version {entry.text!r} has the row {entry.row!r}: name its row of the table (the figures "
                'with row = "{row}" are read from it)',
                path=self.path,
                line=entry.line,
                field="versions",
            )
            return Version(entry.row, entry.text, self.failed(problem), text)
        body = article_body(text)
        found = match_pattern(pattern, body)
        if isinstance(found, Miss):
            return Version(entry.row, entry.text, self.failed(self.mismatch(found, pattern, body)), text)
        data = self.data(entry, found)
        if isinstance(data, ClaimsFileError):
            return Version(entry.row, entry.text, self.failed(data), text)
        try:
            claims_file = load_claims_data(data, self.text, self.path, base_dir=self.base_dir)
        except ClaimsFileError as exc:
            self.problems.append(exc)
            return None
        return Version(entry.row, entry.text, claims_file, text)

    def read_text(self, entry: _Entry) -> str | ClaimsFileError:
        """The version's text, read as the loader reads `[article] text`; or why it cannot be."""

        def refused(reason: str) -> ClaimsFileError:
            return ClaimsFileError(
                f"cannot read the version's text {entry.text!r}: {reason}",
                path=self.path,
                line=entry.line,
                field="versions",
            )

        if self.base_dir is None:
            return refused("the claims file was not loaded from a folder")
        try:
            _, data = read_inside(self.base_dir, entry.text)
        except ReadRefusedError as exc:
            return refused(f"it must be inside {exc.within}" if exc.outside else exc.reason)
        try:
            decoded = data.decode("utf-8-sig")
        except UnicodeDecodeError:
            return refused("not UTF-8 text")
        return decoded.replace("\r\n", "\n").replace("\r", "\n")

    def failed(self, problem: ClaimsFileError) -> ClaimsFile:
        """A version's claims file that has only its problem: it fails, and the others are still checked."""
        article = self.raw.get("article")
        title = article.get("title") if isinstance(article, dict) else None
        published = article.get("published") if isinstance(article, dict) else None
        if not isinstance(published, dt.date):
            published = dt.date.min  # a problem of the template, which every other version reports
        if self.title is not None:  # its words are not known: its slots are shown as "…"
            title = fill(self.title, {piece.name: "…" for piece in self.title if isinstance(piece, Slot)})
        shown = Article(title if isinstance(title, str) else "", published)
        return ClaimsFile(self.path, shown, problems=(problem,))

    def mismatch(self, miss: Miss, pattern: Pattern, body: str) -> ClaimsFileError:
        """The version's coverage problem: the first sentence that differs, the template's words and the version's there."""
        at = miss.pattern_at
        while at < len(pattern.shown) and pattern.shown[at] == " ":  # the gap between two sentences: the next one
            at += 1
        index = pattern.sentence_at(min(at, max(len(pattern.shown) - 1, 0)))
        template = _words_from(pattern.shown, at, pattern.sentence_end(at))
        if miss.reason == "goes on":
            message = f"this version goes on after the template's last sentence: {cut(body[miss.text_at :].strip())!r}"
        elif miss.reason == "ends":
            message = f"this version's text ends where sentence {index + 1} of the template has {template!r}"
        elif miss.reason == "steps":
            message = (
                f"sentence {index + 1}: the template's slots are too ambiguous to read this version within "
                f"{MAX_STEPS:,} steps; put more of the words between the slots in the template"
            )
        else:
            version = _words_from(body, miss.text_at, len(body))
            message = (
                f"sentence {index + 1} differs from the template: where the template has {template!r}, "
                f"this version has {version!r}"
            )
        line = self.lines.of(("sentence", index), "text")
        return ClaimsFileError(message, path=self.path, line=line, field="text")

    def data(self, entry: _Entry, values: Mapping[str, str]) -> dict[str, Any] | ClaimsFileError:
        """The version's claims-file data: the template's, with the version's words, text and row (and each
        figure's `values` its value for the version's row); or why the version has none (a figure lacks it)."""
        data = {key: value for key, value in self.raw.items() if key != "template"}
        article = data.get("article")
        if isinstance(article, dict):
            article = dict(article)
            if self.title is not None:
                article["title"] = fill(self.title, values)
            article["text"] = entry.text
            data["article"] = article
        sentences = data.get("sentences")
        if isinstance(sentences, list):
            data["sentences"] = [self.sentence_data(index, item, values) for index, item in enumerate(sentences)]
        figures = data.get("figures")
        if isinstance(figures, dict) and any(_uses_row(figure) or _by_row(figure) for figure in figures.values()):
            chosen: dict[str, Any] = {}
            for name, figure in figures.items():
                if _uses_row(figure):
                    chosen[name] = {**figure, "row": entry.row}
                elif _by_row(figure):
                    value = self.value_of(name, figure, entry)
                    if isinstance(value, ClaimsFileError):
                        return value
                    chosen[name] = {**{k: v for k, v in figure.items() if k != _VALUES}, "value": value}
                else:
                    chosen[name] = figure
            data["figures"] = chosen
        return data

    def value_of(self, name: str, figure: dict[str, Any], entry: _Entry) -> object:
        """A figure's value for the version: its `values` entry for the version's row; or why there is none."""
        by_row = figure[_VALUES]
        block = ("figure", name)
        if "value" in figure:
            problem = f"the figure {name!r} has both `value` and `values`: a figure given per version has `values` only"
        elif entry.row in by_row:
            return by_row[entry.row]
        else:
            problem = f"the figure {name!r} has no value for the row {cut(entry.row)!r} in its `values`"
        return ClaimsFileError(problem, path=self.path, line=self.lines.of(block, _VALUES), field=_VALUES)

    def sentence_data(self, index: int, sentence: object, values: Mapping[str, str]) -> object:
        pieces = self.sentences.get(index)
        if pieces is None or not isinstance(sentence, dict):
            return sentence
        filled = {**sentence, "text": fill(pieces, values)}
        claims = sentence.get("claims")
        if isinstance(claims, list):
            filled["claims"] = [
                {**claim, "stated": fill(self.stated[index, number], values)}
                if (index, number) in self.stated
                else claim
                for number, claim in enumerate(claims)
            ]
        return filled


def _uses_row(figure: object) -> bool:
    return isinstance(figure, dict) and figure.get("row") == _ROW_VALUE


def _by_row(figure: object) -> bool:
    """Whether a figure gives its value per version: `values = { "Westmarch" = 1405, … }`, by row key."""
    return isinstance(figure, dict) and isinstance(figure.get(_VALUES), dict)


_WHITE: Final = re.compile(r"\s+")


def _folded(pieces: Sequence[Piece]) -> list[Piece]:
    """A sentence's pieces as the article's text is compared: white space folded, the sentence's ends trimmed."""
    folded: list[Piece] = [_WHITE.sub(" ", piece) if isinstance(piece, str) else piece for piece in pieces]
    if folded and isinstance(folded[0], str):
        folded[0] = folded[0].lstrip()
    if folded and isinstance(folded[-1], str):
        folded[-1] = folded[-1].rstrip()
    return [piece for piece in folded if piece != ""]


def _merged(pieces: Sequence[Piece]) -> list[Piece]:
    """Neighbouring literals made one."""
    merged: list[Piece] = []
    for piece in pieces:
        if isinstance(piece, str) and merged and isinstance(merged[-1], str):
            merged[-1] += piece
        else:
            merged.append(piece)
    return merged


def _words_from(text: str, at: int, end: int) -> str:
    """The words of `text` from the one `at` is in, up to `end`, cut to a quotable length."""
    start = text.rfind(" ", 0, at) + 1 if at < len(text) else at
    return cut(text[start:end])
