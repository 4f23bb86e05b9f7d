"""Periods: a figure's `period` and the periods a sentence names, read into one small record.

A period is a span of days, first to last: "2019-20" (a financial year) is 1 April 2019 to
31 March 2020, and so is "2019/20", "2019 to 2020" and "the year to March 2020", which is why
periods are compared as records and never as strings. A date ("2020-03-31", a count at the end
of March) is a span of one day. The words come from the word table (`words.table`); the rule that
compares a claim's words with its figures is `check.periods`.
"""

from __future__ import annotations

import calendar
import datetime as dt
import enum
import re
from collections.abc import Iterable, Iterator
from functools import cache
from typing import Final

import attrs

from factcheck.errors import PeriodError
from factcheck.words.table import (
    FINANCIAL_YEAR_START,
    MONTH_NUMBERS,
    PERIOD_BASE_WORDS,
    PERIOD_CURRENT_WORDS,
    PERIOD_PART_WORDS,
    PERIOD_RANGE_WORDS,
    RELATIVE_YEARS,
    YEAR_EARLIER_WORDS,
    YEAR_TO_WORDS,
)

__all__ = ["Named", "Period", "Role", "named_periods", "parse_period", "period_in_heading"]

_MONTH_NAMES: Final = tuple(calendar.month_name)  # "", "January", … "December"


def _month_end(year: int, month: int) -> dt.date:
    return dt.date(year, month, calendar.monthrange(year, month)[1])


def _next_day(day: dt.date) -> dt.date:
    return day + dt.timedelta(days=1)


@attrs.frozen(order=True)
class Period:
    """A span of days, `start` to `end`, both included. Two spellings of one span are equal records."""

    start: dt.date
    end: dt.date

    def __attrs_post_init__(self) -> None:
        if self.end < self.start:
            msg = f"a period cannot end ({self.end}) before it starts ({self.start})"
            raise PeriodError(msg)

    @classmethod
    def day(cls, day: dt.date) -> Period:
        return cls(day, day)

    @classmethod
    def year(cls, year: int) -> Period:
        return cls(dt.date(year, 1, 1), dt.date(year, 12, 31))

    @classmethod
    def month(cls, year: int, month: int) -> Period:
        return cls(dt.date(year, month, 1), _month_end(year, month))

    @classmethod
    def year_to(cls, year: int, month: int) -> Period:
        """The twelve months ending with this month: the year to March 2020 is April 2019 to March 2020."""
        first = dt.date(year, 1, 1) if month == 12 else dt.date(year - 1, month + 1, 1)
        return cls(first, _month_end(year, month))

    @classmethod
    def financial_year(cls, first: int) -> Period:
        """The financial year that starts in `first`: 2019 gives "2019-20"."""
        return cls.year_to(first + 1, FINANCIAL_YEAR_START - 1) if FINANCIAL_YEAR_START > 1 else cls.year(first)

    @property
    def days(self) -> int:
        return (self.end - self.start).days + 1

    @property
    def shape(self) -> str:
        """ "year", "financial year" or "other": which reading of "last year" a figure of this period answers to."""
        start, end = self.start, self.end
        if (start.month, start.day, end.month, end.day) == (1, 1, 12, 31) and start.year == end.year:
            return "year"
        fy_end = FINANCIAL_YEAR_START - 1 or 12  # a financial year from April ends in March
        if start.day == 1 and start.month == FINANCIAL_YEAR_START and end == _month_end(start.year + 1, fy_end):
            return "financial year"
        return "other"

    def overlaps(self, other: Period) -> bool:
        """Whether the two spans share a day."""
        return self.start <= other.end and other.start <= self.end

    def meets(self, other: Period) -> bool:
        """Whether a reader takes the two for one period: they share at least half of the shorter one's days.

        A count at 31 March 2020 meets "2019-20" and "2020"; the population of 2019 meets "2019-20" (nine
        months shared), but "2018-19" does not meet "2019" (three months): that is the stale figure.
        """
        shared = (min(self.end, other.end) - max(self.start, other.start)).days + 1
        return shared > 0 and 2 * shared >= min(self.days, other.days)

    def shifted(self, years: int) -> Period:
        """The same span `years` later (earlier when negative); 29 February becomes the 28th."""
        return Period(_shift_day(self.start, years, end=False), _shift_day(self.end, years, end=True))

    def __str__(self) -> str:
        return _render(self)


def _shift_day(day: dt.date, years: int, *, end: bool) -> dt.date:
    """The day `years` later; a month's last day stays its last day (so a span's shape is kept)."""
    last = day == _month_end(day.year, day.month)
    year = day.year + years
    if last and end:
        return _month_end(year, day.month)
    return dt.date(year, day.month, min(day.day, calendar.monthrange(year, day.month)[1]))


def _render(period: Period) -> str:
    """The period as a reader writes it, and as `parse_period` reads it back to the same record."""
    start, end = period.start, period.end
    if start == end:
        return start.isoformat()
    whole_months = start.day == 1 and end == _month_end(end.year, end.month)
    if whole_months and (start.year, start.month) == (end.year, end.month):
        return f"{_MONTH_NAMES[start.month]} {start.year}"
    if whole_months and period == Period.year(start.year):
        return str(start.year)
    if whole_months and start.month == FINANCIAL_YEAR_START and period == Period.financial_year(start.year):
        return f"{start.year}-{(start.year + 1) % 100:02d}"
    if whole_months and period == Period.year_to(end.year, end.month):
        return f"the year to {_MONTH_NAMES[end.month]} {end.year}"
    return f"{start.isoformat()} to {end.isoformat()}"


_YEAR: Final = r"(?:1[89]|2\d)\d\d"
_MONTH: Final = "|".join(sorted(MONTH_NUMBERS, key=len, reverse=True))
_YEAR_TO: Final = "|".join(sorted(YEAR_TO_WORDS, key=len, reverse=True))
_FY_SPELLING: Final = re.compile(rf"(?:fy\s*)?({_YEAR})\s*(?:[-–/]|\bto\b)\s*(\d\d|{_YEAR})")
_DATE: Final = re.compile(r"(\d{4})-(\d\d)-(\d\d)")
_ISO_MONTH: Final = re.compile(r"(\d{4})-(\d\d)")
_MONTH_YEAR: Final = re.compile(rf"({_MONTH})\.?\s+({_YEAR})")
_YEAR_TO_SPELLING: Final = re.compile(rf"(?:the\s+)?(?:{_YEAR_TO})\s+({_MONTH})\.?\s+({_YEAR})")
_DAY_MONTH_YEAR: Final = re.compile(rf"(\d{{1,2}})\s+({_MONTH})\.?\s+({_YEAR})")
_SPAN: Final = re.compile(r"(\d{4}-\d\d-\d\d)\s+to\s+(\d{4}-\d\d-\d\d)")


def _financial_year(first: str, second: str) -> Period | None:
    """ "2019-20", "2019/2020", "2019 to 2020": consecutive years are a financial year; anything else is not."""
    start = int(first)
    end = int(second) if len(second) == 4 else (start // 100) * 100 + int(second)
    if len(second) == 2 and end < start:  # "1999-00"
        end += 100
    return Period.financial_year(start) if end == start + 1 else None


def parse_period(text: str) -> Period:
    """A figure's period as written: a date, a year, a financial year, a month, or "the year to March 2020".

    "2011-12" is the financial year, not December 2011 (write "December 2011" or "2011-12-31" for a
    month or a day): a financial year is what a table headed "2011-12" means.
    """
    spelt = " ".join(text.strip().lower().split())
    try:
        return _parse(spelt)
    except ValueError as exc:  # an impossible date ("2019-02-30")
        msg = f"period {text!r}: {exc}"
        raise PeriodError(msg) from None


def _parse(spelt: str) -> Period:
    if re.fullmatch(_YEAR, spelt):
        return Period.year(int(spelt))
    if match := _SPAN.fullmatch(spelt):
        return Period(dt.date.fromisoformat(match[1]), dt.date.fromisoformat(match[2]))
    if match := _DATE.fullmatch(spelt):
        return Period.day(dt.date(int(match[1]), int(match[2]), int(match[3])))
    if match := _FY_SPELLING.fullmatch(spelt):
        found = _financial_year(match[1], match[2])
        if found is not None:
            return found
    if (match := _ISO_MONTH.fullmatch(spelt)) and 1 <= int(match[2]) <= 12:
        return Period.month(int(match[1]), int(match[2]))
    if match := _MONTH_YEAR.fullmatch(spelt):
        return Period.month(int(match[2]), MONTH_NUMBERS[match[1]])
    if match := _DAY_MONTH_YEAR.fullmatch(spelt):
        return Period.day(dt.date(int(match[3]), MONTH_NUMBERS[match[2]], int(match[1])))
    if match := _YEAR_TO_SPELLING.fullmatch(spelt):
        return Period.year_to(int(match[2]), MONTH_NUMBERS[match[1]])
    msg = (
        f"period {spelt!r} is not read: write a date (2020-03-31), a year (2019), a financial year (2019-20), "
        "a month (March 2020) or the year to a month (the year to March 2020)"
    )
    raise PeriodError(msg)


class Role(enum.Enum):
    """What a period named in a sentence is to its claims."""

    CURRENT = "current"  # the claim's own period: "in 2019-20", "last year"
    BASE = "base"  # the period a change is measured from: "up 4% on 2018-19"
    YEAR_EARLIER = "year earlier"  # the base is a year before the current period: "up 7% on a year earlier"


@attrs.frozen
class Named:
    """A period a sentence names: the words as written, the span (none for "a year earlier") and its role.

    `alternatives` are the other spans the words may mean: "last year" is the calendar year before
    publication, or the last financial year that had ended by then.
    """

    words: str
    role: Role
    period: Period | None = None
    alternatives: tuple[Period, ...] = ()

    @property
    def readings(self) -> tuple[Period, ...]:
        return () if self.period is None else (self.period, *self.alternatives)

    def met_by(self, period: Period) -> bool:
        """Whether a figure of `period` is of the period the words name. Of several readings, a calendar year
        answers only to the calendar year and a financial year only to the financial year: "last year" in
        November 2020 is 2019 or 2019-20, and a figure of 2018 is neither, nor is one of 2019-20 read as 2019."""
        readings = [r for r in self.readings if r.shape == period.shape] or self.readings
        return any(period.meets(reading) for reading in readings)

    def __str__(self) -> str:
        if self.period is None:
            return self.words
        return f"{' or '.join(str(p) for p in self.readings)} ({self.words!r})"


def _phrases(words: tuple[str, ...] | frozenset[str] | list[str]) -> str:
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(words, key=len, reverse=True))


#: One scan of a sentence, longest forms first: a year earlier (which holds "last year"), the year to a
#: month, a month this or last year, last or this year, a financial year, a month and year, a bare year.
_NAMED: Final = re.compile(
    rf"\b(?:(?P<earlier>{_phrases(YEAR_EARLIER_WORDS)})"
    rf"|(?:the\s+)?(?:{_YEAR_TO})\s+(?P<to_month>{_MONTH})\.?(?:\s+(?P<to_year>{_YEAR}))?"
    rf"|(?P<rel_month>{_MONTH})\.?\s+(?P<rel_month_year>{_phrases(tuple(RELATIVE_YEARS))})"
    rf"|(?P<relative>{_phrases(tuple(RELATIVE_YEARS))})"
    rf"|(?P<fy1>{_YEAR})\s*(?:[-–/]|\s+to\s+)\s*(?P<fy2>{_YEAR}|\d\d)(?![\d,.]*\d)"
    rf"|(?P<month>{_MONTH})\.?\s+(?P<month_year>{_YEAR})"
    rf"|(?P<bare_month>{'|'.join(_MONTH_NAMES[1:])})"
    rf"|(?<![£$€\d.,])(?P<year>{_YEAR}))\b(?![.,]\d|%|-\d)",
    re.IGNORECASE,
)
#: The words a period's words may start with: a period is looked for only there (and at a year's digits).
_FIRST_WORDS: Final = {
    phrase.split()[0].lower()
    for phrase in (*YEAR_EARLIER_WORDS, *YEAR_TO_WORDS, *RELATIVE_YEARS, *MONTH_NUMBERS, "the", *_MONTH_NAMES[1:])
}
_WORD: Final = re.compile(r"\w+")
_BASE: Final = re.compile(rf"(?:^|\s)(?:{_phrases(PERIOD_BASE_WORDS)})\s*$", re.IGNORECASE)
_FROM_TO: Final = re.compile(r"\sto\s", re.IGNORECASE)
_FROM: Final = re.compile(r"\bfrom\s*$", re.IGNORECASE)
_PART: Final = re.compile(rf"(?:{_phrases(PERIOD_PART_WORDS)})\s*$", re.IGNORECASE)
#: Characters before a period that its role is read from: enough for "fewer than during the end of".
_LOOK_BACK: Final = 40
_DAY_AFTER: Final = re.compile(r"\s*\d")
_LAST_WORD: Final = re.compile(r"([a-z]+)\W*$", re.IGNORECASE)


def named_periods(sentence: str, published: dt.date | None, numbers: Iterable[str] = ()) -> tuple[Named, ...]:
    """The periods a sentence names, with their roles; ranges ("since 2015", "between 2010 and 2020") left out.

    `published` is the article's date, which "last year" and "this year" are read against (without
    it they are left out). A bare year counts only after a word that makes it the claim's period or
    its base ("in 2019", "on 2018"), and never inside `numbers`, the stated words of the sentence's
    claims: "homes for 2019 families" states a number.
    """
    if not _may_name_a_period(sentence):
        return ()
    stated = [(at, at + len(words)) for words in numbers if words for at in _occurrences(sentence, words)]
    found: list[Named] = []
    for match in _matches(sentence):
        if match["year"] and any(lo <= match.start() and match.end() <= hi for lo, hi in stated):
            continue
        before = sentence[max(0, match.start() - _LOOK_BACK) : match.start()]
        named = _named(match, before, sentence[match.end() :], published)
        if named is not None:
            found.append(named)
    return tuple(found)


def _matches(sentence: str) -> Iterator[re.Match[str]]:
    """`_NAMED`'s matches, tried only where one may start (a year's digits, or the first word of a period's
    words): trying its every branch at every word costs tens of microseconds a sentence."""
    end = 0
    for word in _WORD.finditer(sentence):
        text = word[0]
        if word.start() < end or not (text.lower() in _FIRST_WORDS or (len(text) >= 4 and text[:4].isdigit())):
            continue
        match = _NAMED.match(sentence, word.start())
        if match is not None:
            end = match.end()
            yield match


def _occurrences(text: str, words: str) -> Iterator[int]:
    at = text.find(words)
    while at >= 0:
        yield at
        at = text.find(words, at + 1)


_YEAR_DIGITS: Final = re.compile(_YEAR)
#: The first three letters of every month's name and abbreviation: a sieve, so "market" may pass it.
_MONTH_STEMS: Final = tuple(sorted({name[:3] for name in MONTH_NUMBERS}))


def _may_name_a_period(sentence: str) -> bool:
    """A cheap sieve, run on every sentence with claims: most hold no year, no month and no "year"."""
    lowered = sentence.lower()
    return "year" in lowered or any(stem in lowered for stem in _MONTH_STEMS) or bool(_YEAR_DIGITS.search(sentence))


def _role(before: str, *, bare: bool) -> Role | None:
    """The role the words before a period give it; None for a range, or for a bare year with no marker."""
    before = _PART.sub("", before)  # "at the end of March": the role is the word before "the end of"
    if _BASE.search(before):
        return Role.BASE
    last = _LAST_WORD.search(before)
    word = last[1].lower() if last else ""
    if word in PERIOD_RANGE_WORDS:
        return None
    if word in PERIOD_CURRENT_WORDS:
        return Role.CURRENT
    return None if bare else Role.CURRENT


def _named(match: re.Match[str], before: str, after: str, published: dt.date | None) -> Named | None:
    words = " ".join(match[0].split())
    if match["earlier"]:
        return Named(words, Role.YEAR_EARLIER)
    role = _role(before, bare=match["year"] is not None or match["bare_month"] is not None)
    if role is Role.BASE and match["fy1"] and _FROM_TO.search(words) and _FROM.search(before):
        role = None  # "from 2019 to 2020" is a range of years, not the financial year "2019 to 2020"
    if role is None:
        return None
    if match["bare_month"] and (role is not Role.CURRENT or _DAY_AFTER.match(after)):
        return None  # "from April" starts something, "on April 16" is a day: neither is the claim's month
    period = _period_of(match, published)
    if period is None:
        return None
    if match["relative"] and role is Role.BASE:  # "up 4% on last year": on the year before the claim's own
        return Named(words, Role.YEAR_EARLIER)
    if match["relative"] and published is not None:
        return Named(words, role, period, (_financial_year_of(match["relative"], published),))
    if match["bare_month"]:  # the last such month, or the next: "bills rise in April", written in March
        return Named(words, role, period, (period.shifted(1),))
    return Named(words, role, period)


def _financial_year_of(relative: str, published: dt.date) -> Period:
    """ "this year" as a financial year: the one in progress at publication; "last year": the one before it."""
    current = published.year if published.month >= FINANCIAL_YEAR_START else published.year - 1
    return Period.financial_year(current + RELATIVE_YEARS[" ".join(relative.lower().split())])


def _period_of(match: re.Match[str], published: dt.date | None) -> Period | None:
    if match["to_month"]:
        month = MONTH_NUMBERS[match["to_month"].lower()]
        if match["to_year"]:
            return Period.year_to(int(match["to_year"]), month)
        if published is None:
            return None
        # "the year to June" with no year: the latest such year that had ended when the article was published
        year = published.year if _month_end(published.year, month) <= published else published.year - 1
        return Period.year_to(year, month)
    if match["rel_month"]:
        if published is None:
            return None
        year = published.year + RELATIVE_YEARS[" ".join(match["rel_month_year"].lower().split())]
        return Period.month(year, MONTH_NUMBERS[match["rel_month"].lower()])
    if match["relative"]:
        if published is None:
            return None
        return Period.year(published.year + RELATIVE_YEARS[" ".join(match["relative"].lower().split())])
    if match["fy1"]:
        return _financial_year(match["fy1"], match["fy2"])
    if match["month"]:
        return Period.month(int(match["month_year"]), MONTH_NUMBERS[match["month"].lower()])
    if match["bare_month"]:
        if published is None:
            return None
        # "at the end of March" with no year: the latest March that had begun when the article was published
        month = MONTH_NUMBERS[match["bare_month"].lower()]
        return Period.month(published.year if month <= published.month else published.year - 1, month)
    return Period.year(int(match["year"]))


#: The periods a table's column heading may hold, most precise first: "31 Mar 2020", "2019-20", "March 2020",
#: "mid-2019", "2019".
@cache
def _heading() -> re.Pattern[str]:
    """Compiled on first use: only `factcheck table` reads headings, and a check should not pay for it."""
    return re.compile(
        rf"(?<![\d,.])(?:{_DAY_MONTH_YEAR.pattern}|{_FY_SPELLING.pattern}|{_MONTH_YEAR.pattern}|({_YEAR}))(?![\d,.]*\d)",
        re.IGNORECASE,
    )


def period_in_heading(heading: str) -> Period | None:
    """The one period a column heading names ("Registered offenders 31 Mar 2020", "Population (mid-2019)"),
    for `factcheck table` to suggest; None when it names none, or more than one."""
    found = set()
    for match in _heading().finditer(heading):
        try:
            found.add(parse_period(match[0]))
        except PeriodError:
            continue
    return found.pop() if len(found) == 1 else None
