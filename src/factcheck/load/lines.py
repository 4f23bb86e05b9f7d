"""Where each table and key of a claims file starts: the lines its problems are reported on.

`tomllib` gives no line numbers, so the loader asks `Lines`, which reads the raw text once for its
table headers and, only when a problem needs one, for the keys of a table.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator
from typing import Any, Final

__all__ = ["Lines", "lines_holding"]

#: A key line: blanks, a bare or quoted key (group 1), blanks and `=`.
_KEY: Final = r"""[^\S\n]*("[^"\n]*"|'[^'\n]*'|[A-Za-z0-9_-]+)[^\S\n]*="""
#: It, at the start of the text, and after a line break. A scan for lines that start with a
#: "\n" is 3.5 times as fast as one for `^` in MULTILINE mode, which the regex engine tries at every
#: character: the literal lets it skip from one line break to the next.
_KEY_FIRST: Final = re.compile(_KEY)
_KEY_LINE: Final = re.compile("\n" + _KEY)
#: The line breaks of `str.splitlines` other than "\n".
_OTHER_LINE_BREAK_CHARS: Final = "\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029"


class Lines:
    """Where each table and key of the file starts (lines as `str.splitlines` counts them).

    A line is a table header if it starts (after blanks) with `[`, and a key line if it starts with
    a bare or quoted key and `=`. One regex scan finds the headers; the keys of a table are found
    only when one is asked for (a problem's place), except those of `[figures]`, `[sources]` and
    `[tables]`, which also place the figures, sources and tables they define. `[tables.NAME]` is the
    block ("tablespec", NAME) and `[tables.NAME.columns]` the block ("columns", NAME). A key that is written as a table header
    (`[figure.x]` is the top-level key "figure", `[[sentences.claim]]` the key "claim" of the
    sentence above it) is placed at that header: `subtables`.
    """

    def __init__(self, text: str) -> None:
        if any(brk in text for brk in _OTHER_LINE_BREAK_CHARS):  # nine fast `in` scans beat one regex scan
            text = "\n".join(text.splitlines())  # the same lines, each ended by "\n" alone
        self._text = text
        self.headers: dict[tuple[Any, ...], int] = {("top",): 1}
        #: every header: (where its line starts, where the header ends, its line, as written, the index of
        #: the sentence and the claim it is in, the table it opens); the rest is made from these when asked
        self._all_headers: list[tuple[int, int, int, str, int, int, tuple[Any, ...]]] = []
        self._segments_found: dict[tuple[Any, ...], list[tuple[int, int, int]]] | None = None
        self._keys: dict[tuple[Any, ...], dict[str, int]] = {}
        self._subtables: dict[tuple[tuple[Any, ...], str], tuple[int, str]] | None = None
        headers, all_headers = self.headers, self._all_headers
        sentence = -1
        claim = -1
        number = 1
        previous = 0
        for start, end, header in _header_lines(text):
            number += text.count("\n", previous, start)
            previous = start
            stripped = header.rstrip()
            block = _block_of(stripped)
            if block is _SENTENCE:
                sentence += 1
                claim = -1
                block = ("sentence", sentence)
            elif block is _CLAIM:
                claim += 1
                block = ("claim", sentence, claim)
            headers.setdefault(block, number)
            all_headers.append((start, end, number, stripped, sentence, claim, block))
        for table, kind in ((("figures",), "figure"), (("sources",), "source"), (("tables",), "tablespec")):
            if table not in headers:
                continue  # no `[figures]` table: its figures are tables of their own, placed at their headers
            for key, line in self.keys(table).items():  # a key `name = {...}` in [figures] places that figure
                headers[(kind, key)] = min(line, headers.get((kind, key), line))

    @property
    def _segments(self) -> dict[tuple[Any, ...], list[tuple[int, int, int]]]:
        """Each table's stretches of text after its header: (start, end, line number of the header).

        Made on first use, from the headers: only the keys of a table need them.
        """
        if self._segments_found is None:
            found: dict[tuple[Any, ...], list[tuple[int, int, int]]] = {}
            block: tuple[Any, ...] = ("top",)
            segment_start, segment_line = 0, 1
            for line_start, header_end, number, _, _, _, opened in self._all_headers:
                found.setdefault(block, []).append((segment_start, line_start, segment_line))
                block, segment_start, segment_line = opened, header_end, number
            found.setdefault(block, []).append((segment_start, len(self._text), segment_line))
            self._segments_found = found
        return self._segments_found

    def keys(self, block: tuple[Any, ...]) -> dict[str, int]:
        """The line of each key of this table (its first, if it is repeated)."""
        found = self._keys.get(block)
        if found is None:
            found = self._keys[block] = {}
            text = self._text
            for start, end, header_line in self._segments.get(block, ()):
                previous, number = start, header_line
                for line_start, match in _line_matches(_KEY_FIRST, _KEY_LINE, text, start, end):
                    number += text.count("\n", previous, line_start)
                    previous = line_start
                    found.setdefault(match.group(1).strip("\"'"), number)
        return found

    def of(self, block: tuple[Any, ...], key: str | None = None) -> int | None:
        if key is not None:
            line = self.keys(block).get(key)
            if line is None:
                line = self.subtables.get((block, key), (None, ""))[0]
            if line is not None:
                return line
        return self.headers.get(block)

    @property
    def subtables(self) -> dict[tuple[tuple[Any, ...], str], tuple[int, str]]:
        """(a table, a key of it written as a table header) -> (the header's line, the header as written).

        Built on first use: only a problem's place needs it, and most files have none.
        """
        if self._subtables is None:
            self._subtables = {}
            for _, _, number, header, sentence, claim, _ in self._all_headers:
                self._subtables.setdefault(_subtable(header, sentence, claim), (number, _header_as_written(header)))
        return self._subtables

    def header(self, block: tuple[Any, ...], key: str) -> str | None:
        """The header (as written) that wrote `key` of this table as a table, if it was not a `key = …` line."""
        if key in self.keys(block):
            return None
        found = self.subtables.get((block, key))
        return found[1] if found else None


def _line_matches(
    first: re.Pattern[str], after_break: re.Pattern[str], text: str, start: int, end: int
) -> Iterator[tuple[int, re.Match[str]]]:
    """(where the line starts, the match) of each line in text[start:end] that `first` matches at its start.

    `start` is 0 or a line break (where a table's stretch begins: the end of its header line), as for
    `^` in MULTILINE mode, which matches at the start of the text and after each "\n" only.
    """
    if start == 0 and (match := first.match(text, 0, end)):
        yield 0, match
    for match in after_break.finditer(text, start, end):
        yield match.start() + 1, match


def _header_lines(text: str) -> Iterator[tuple[int, int, str]]:
    """(where the line starts, where it ends, the line from its `[`) of each line that starts, after blanks
    (white space other than a line break), with `[`: a table header. Only the first `[` of a line can open one.
    """
    for index, line_start, line_end in lines_holding(text, "["):
        if index == line_start or text[line_start:index].isspace():  # `isspace` is the `\s` of a str pattern
            yield line_start, line_end, text[index:line_end]


def lines_holding(text: str, char: str) -> Iterator[tuple[int, int, int]]:
    """(where `char` first is on the line, where the line starts, where it ends) of each line of `text` (lines
    end at line feeds) that holds `char`.

    Found by string searches in C, not by trying a pattern at every line: the search goes on from the end of
    each line it looks at, so a line is looked at once however many times it holds `char`.
    """
    index = text.find(char)
    while index != -1:
        line_start = text.rfind("\n", 0, index) + 1
        line_end = text.find("\n", index)
        if line_end == -1:
            line_end = len(text)
        yield index, line_start, line_end
        index = text.find(char, line_end)


#: What `_block_of` gives for a sentence's header and a claim's: their blocks are counted, not named.
_SENTENCE: Final = ("sentence",)
_CLAIM: Final = ("claim",)


@functools.lru_cache(maxsize=4096)
def _block_of(header: str) -> tuple[Any, ...]:
    """The table a header line opens (`_SENTENCE` or `_CLAIM` for those, which the caller numbers).

    Remembered: a file has hundreds of headers, nearly all `[[sentences]]`, `[[sentences.claims]]` and
    figures' names, which files written from one template share.
    """
    if header.startswith("[[") and header.find("]]") > 0:
        name = header[2 : header.find("]]")].strip()
        if name == "sentences":
            return _SENTENCE
        if name == "sentences.claims":
            return _CLAIM
        return ("table", name)
    name = header[1 : header.find("]")].strip() if "]" in header else header[1:]
    parts = [p.strip().strip('"').strip("'") for p in name.split(".", 1)]
    if parts[0] == "sources" and len(parts) == 2:
        return ("source", parts[1])
    if parts[0] == "figures" and len(parts) == 2:
        return ("figure", parts[1])
    if parts[0] == "tables" and len(parts) == 2:
        return _table_block(parts[1])
    return (parts[0],)


def _subtable(header: str, sentence: int, claim: int) -> tuple[tuple[Any, ...], str]:
    """(the table, its key) that a header names, as `_Lines` calls tables: `[figure.x]` is (("top",), "figure").

    `sentence` and `claim` are the indexes of the sentence and claim the header is in.
    """
    if header.startswith("[[") and header.find("]]") > 0:
        inside = header[2 : header.find("]]")]
    else:
        inside = header[1 : header.find("]")] if "]" in header else header[1:]
    path = [part.strip().strip('"').strip("'") for part in inside.split(".")]
    if len(path) == 1:
        return ("top",), path[0]
    if path[0] == "sentences":
        if path[1] == "claims" and len(path) > 2:
            return ("claim", sentence, claim), path[2]
        return ("sentence", sentence), path[1]
    if path[0] in ("figures", "sources"):
        if len(path) == 2:
            return (path[0],), path[1]
        return ("figure" if path[0] == "figures" else "source", path[1]), path[2]
    if path[0] == "tables":
        if len(path) == 2:
            return ("tables",), path[1]
        if len(path) == 3 or path[2] != "columns":
            return ("tablespec", path[1]), path[2]
        return ("columns", path[1]), path[3]
    if path[0] in ("article", "defaults"):
        return (path[0],), path[1]
    return ("top",), path[0]  # `[figure.x]`: an unknown top-level table


def _table_block(name: str) -> tuple[Any, ...]:
    """`[tables.NAME]` is ("tablespec", NAME) and `[tables.NAME.columns]` is ("columns", NAME)."""
    parts = [part.strip().strip('"').strip("'") for part in name.split(".")]
    if len(parts) >= 2 and parts[1] == "columns":
        return ("columns", parts[0])
    return ("tablespec", parts[0])


def _header_as_written(header: str) -> str:
    """A header line without what follows its closing bracket (a comment)."""
    close = "]]" if header.startswith("[[") else "]"
    end = header.find(close)
    return header if end == -1 else header[: end + len(close)]
