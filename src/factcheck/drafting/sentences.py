"""Splits an article's text into sentences, tuned for news copy.

Paragraphs are separated by blank lines, and a paragraph always ends a sentence (so a headline
without a full stop stands alone, and so does the first line of an article when it has no closing
punctuation). Inside a paragraph a sentence ends at `.`, `!`, `?` or `…` (with any closing quote
marks or brackets after it) followed by a space and something that can start a sentence: a capital,
a digit, an opening quote or a currency sign. These do not end a sentence: titles ("Mr.", "Dr.",
"Cllr."), an initial ("A. B. Jones"), "No." / "Fig." / a month before a number ("No. 10", "Jan. 5"),
"e.g.", "i.e.", "vs.", and a dotted abbreviation ("U.K.", "p.m.") unless the next word is one that
usually opens a sentence ("The", "But", "It"). Numbers never end one ("£1.2m" and "2018-19" have no
space after the point). Quoted sentences are sentences too: `He said: “It is bad. We will act.”`
is two, the closing quote staying with the sentence it closes.

Every sentence is an exact slice of its paragraph with white space folded to single spaces, so the
sentences joined with single spaces are the article's text as the claims file loader compares it.

The date an article was published is its first line `date YYYY-MM-DD` (metadata, not text), or
else a dateline among its first lines: a line that is a date and nothing more ("10 November 2020",
"Tuesday 10 November 2020, 10:32 GMT", "November 10, 2020", "2020-11-10"), or one that starts with a
label of publication ("Published: 10 November 2020", "First published on 10 Nov 2020 …"). A dateline
is text, so it stays a sentence of its own. "Updated: …" is not the day a story was published.

Time grows with the length of the text: each full stop's word and the word after it are read
where they are, and a run of marks is matched once from its start (a paragraph of any length, a
run of thousands of full stops, a word of thousands of initials).
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Final

import attrs

from factcheck.load.coverage import fold_whitespace, strip_date_line
from factcheck.words.table import (
    BEFORE_NUMBER,
    DATELINE_LABELS,
    MONTH_NUMBERS,
    NEVER_FINAL,
    OPENERS,
    TITLES,
    WEEKDAYS,
)

__all__ = ["ArticleText", "SentenceSpan", "read_article", "read_dateline", "split_paragraph", "split_sentences"]

#: A run of sentence-ending marks with its closing quotes and brackets, then a space. It starts
#: only where a run starts and never gives back what it took (possessive), so a long run of
#: marks costs its length once, not its length squared (nor, with "..." as an alternative to
#: three ".", exponential time).
_END: Final = re.compile(r"(?<![.!?…])[.!?…]++[”\"’'\)\]]*+(?= )")
_STARTS: Final = re.compile(r"[A-Z0-9“\"‘'(\[£$€]")
_NEXT_WORD: Final = re.compile(r"[“\"‘'(\[]*([A-Za-z0-9]*)")
_DOTTED: Final = re.compile(r"(?:[A-Za-z]\.)+[A-Za-z]")
_TERMINAL: Final = re.compile(r"[.!?…:;,”\"’')\]]$")


@attrs.frozen
class SentenceSpan:
    """A sentence: its exact text (white space folded) and the paragraph it is in (0-based)."""

    text: str
    paragraph: int


@attrs.frozen
class ArticleText:
    """An article's text read for drafting: the date it was published, if it says, and its sentences.

    `dateline`: the line of the text the date was read from, when it was not a `date` line.
    """

    date: dt.date | None
    sentences: tuple[SentenceSpan, ...]
    dateline: str | None = None

    @property
    def body(self) -> str:
        """The sentences joined with single spaces: the text the claims file loader compares."""
        return " ".join(s.text for s in self.sentences)


def read_article(text: str) -> ArticleText:
    """The sentences of a whole article, and its date: a first line `date YYYY-MM-DD` (metadata, not
    text), or else a dateline among its first lines (a sentence of its own)."""
    date_text, rest = strip_date_line(text)
    date = None
    if date_text is not None:
        try:
            date = dt.date.fromisoformat(date_text)
        except ValueError:
            date = None
    dateline = None
    if date is None:
        found = _find_dateline(rest)
        if found is not None:
            date, dateline, start, end = found
            rest = f"{rest[:start]}\n\n{rest[start:end]}\n\n{rest[end:]}"  # its own paragraph: blank lines fold away
    sentences: list[SentenceSpan] = []
    paragraphs = [p for p in re.split(r"\n[ \t\r\f\v]*\n", rest) if p.strip()]
    if paragraphs:
        head, newline, tail = paragraphs[0].strip().partition("\n")
        if newline and tail.strip() and not _TERMINAL.search(head.strip()):
            paragraphs[0:1] = [head, tail]  # a headline line with no full stop
    whole = dateline  # a dateline is one sentence, whatever follows its label ("Published: 10 Nov 2020. Updated …")
    for number, paragraph in enumerate(paragraphs):
        pieces = split_paragraph(paragraph)
        if whole is not None and pieces and paragraph.strip() == whole:
            pieces, whole = [" ".join(pieces)], None
        sentences.extend(SentenceSpan(s, number) for s in pieces)
    return ArticleText(date, tuple(sentences), fold_whitespace(dateline) if dateline else None)


#: How many of an article's first lines (not counting blank ones) are looked at for a dateline.
_DATELINE_LINES: Final = 5


def _alternatives(words: tuple[str, ...] | frozenset[str] | dict[str, int]) -> str:
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(words, key=len, reverse=True))


_MONTH: Final = rf"(?:{_alternatives(MONTH_NUMBERS)})\.?"
_DAY: Final = r"\d{1,2}(?:st|nd|rd|th)?"
_DATE: Final = (
    rf"(?:(?P<d1>{_DAY})\s+(?P<m1>{_MONTH}),?\s+(?P<y1>\d{{4}})"
    rf"|(?P<m2>{_MONTH})\s+(?P<d2>{_DAY}),?\s+(?P<y2>\d{{4}})"
    r"|(?P<iso>\d{4}-\d{2}-\d{2}))(?![\w-])"
)
_DATELINE: Final = re.compile(
    rf"\s*(?:(?P<label>{_alternatives(DATELINE_LABELS)})\b\s*:?\s*(?:on\s+)?)?"
    rf"(?:(?:{_alternatives(WEEKDAYS)})\.?,?\s+)?{_DATE}(?P<rest>.*)",
    re.IGNORECASE,
)
#: What may follow a date on a dateline of its own: a time, perhaps its zone ("10:32 GMT", "at 10.32am").
_TIME_ONLY: Final = re.compile(
    r"\s*(?:(?:,|at|-|\||\u2013|\u2014)\s*)*(?:\d{1,2}[:.]\d{2}\s*(?:[ap]\.?m\.?)?\s*(?:[A-Z]{2,4})?)?\s*",
    re.IGNORECASE,
)


def read_dateline(line: str) -> dt.date | None:
    """The date of publication a dateline states ("Published: 10 November 2020"), or None if the line is none.

    A line with no label must be the date alone (a time may follow it); after a label of publication,
    anything may follow ("Published: 10 November 2020, updated 11 November").
    """
    match = _DATELINE.fullmatch(line.strip())
    if match is None or (match.group("label") is None and not _TIME_ONLY.fullmatch(match.group("rest"))):
        return None
    try:
        if match.group("iso"):
            return dt.date.fromisoformat(match.group("iso"))
        day, month, year = (match.group("d1"), match.group("m1"), match.group("y1"))
        if day is None:
            day, month, year = (match.group("d2"), match.group("m2"), match.group("y2"))
        number = MONTH_NUMBERS[month.rstrip(".").lower()]
        return dt.date(int(year), number, int(day.rstrip("stndrh")))
    except ValueError:
        return None  # "31 February 2020" is no date


def _find_dateline(text: str) -> tuple[dt.date, str, int, int] | None:
    """(date, line, start, end) of the first dateline among the text's first lines, or None."""
    position = seen = 0
    for line in text.splitlines(keepends=True):
        start, position = position, position + len(line)
        if not line.strip():
            continue
        date = read_dateline(line)
        if date is not None:
            return date, line.strip(), start, start + len(line.rstrip("\r\n"))
        seen += 1
        if seen >= _DATELINE_LINES:
            break
    return None


def split_sentences(text: str) -> list[str]:
    """The sentences of a text with no metadata: paragraphs (blank lines) first, then within each."""
    return [s for p in re.split(r"\n[ \t\r\f\v]*\n", text) for s in split_paragraph(p)]


def split_paragraph(paragraph: str) -> list[str]:
    """The sentences of one paragraph, each an exact slice of the paragraph with white space folded."""
    text = fold_whitespace(paragraph)
    if not text:
        return []
    found: list[str] = []
    start = 0
    # every look is at a position in `text`, never at a copy of what comes before or after it,
    # so a paragraph of any length is split in time proportional to its length
    for match in _END.finditer(text):
        end = match.end()
        if end + 1 >= len(text) or not _STARTS.match(text, end + 1):
            continue
        marks = match.group(0)
        if marks[0] == "." and marks[:3] != "..." and not _ends_here(text, match.start(), end + 1):
            continue
        found.append(text[start:end])
        start = end + 1
    found.append(text[start:])
    return [s for s in found if s]


def _ends_here(text: str, stop: int, following: int) -> bool:
    """Whether the full stop at `text[stop]` ends a sentence, given the text from `following` (after the space).

    The word before it is the run of non-spaces up to it (the paragraph's white space is folded
    to single spaces); the runs of different full stops do not overlap, so finding them all
    reads the paragraph once.
    """
    word = text[text.rfind(" ", 0, stop) + 1 : stop].lstrip("“\"‘'([")
    lower = word.lower()
    next_word = _NEXT_WORD.match(text, following)
    next_text = next_word.group(1) if next_word else ""
    if lower in TITLES or lower in NEVER_FINAL:
        return False
    if lower in BEFORE_NUMBER and next_text[:1].isdigit():
        return False
    if len(word) == 1 and word.isupper():
        return False  # an initial: "A. B. Jones", "George W. Bush"
    if _DOTTED.fullmatch(word):
        return next_text.lower() in OPENERS
    return True
