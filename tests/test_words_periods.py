"""Periods as records: every spelling of one span is one record, and the periods a sentence names, with roles."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from factcheck.errors import PeriodError
from factcheck.words.periods import Named, Period, Role, named_periods, parse_period, period_in_heading

PUBLISHED = dt.date(2020, 11, 10)
years = st.integers(1900, 2098)
months = st.integers(1, 12)


@st.composite
def periods(draw: st.DrawFn) -> Period:
    """A period of every shape a figure or a sentence gives: a day, a month, a year, a financial year, a year to a
    month, and any other span."""
    shape = draw(st.sampled_from(["day", "month", "year", "fy", "year_to", "span"]))
    year, month = draw(years), draw(months)
    if shape == "day":
        return Period.day(draw(st.dates(dt.date(1900, 1, 1), dt.date(2098, 12, 31))))
    if shape == "month":
        return Period.month(year, month)
    if shape == "year":
        return Period.year(year)
    if shape == "fy":
        return Period.financial_year(year)
    if shape == "year_to":
        return Period.year_to(year, month)
    start = draw(st.dates(dt.date(1900, 1, 1), dt.date(2098, 12, 31)))
    return Period(start, start + dt.timedelta(days=draw(st.integers(0, 2000))))


@given(periods())
def test_a_period_read_from_its_own_rendering_is_itself(period: Period) -> None:
    assert parse_period(str(period)) == period


@given(years)
def test_spellings_of_a_financial_year_are_one_period(year: int) -> None:
    short = f"{year}-{(year + 1) % 100:02d}"
    spellings = [short, short.replace("-", "/"), f"{year}/{year + 1}", f"{year}-{year + 1}", f"{year} to {year + 1}"]
    spellings += [f"{year}–{(year + 1) % 100:02d}", f"the year to March {year + 1}", f"year ending Mar {year + 1}"]
    assert {parse_period(spelling) for spelling in spellings} == {Period.financial_year(year)}


@given(years, months)
def test_spellings_of_a_month_are_one_period(year: int, month: int) -> None:
    assume(month != (year + 1) % 100)  # "2011-12" is the financial year (test_figure_periods)
    name = dt.date(year, month, 1).strftime("%B")
    assert (
        parse_period(f"{year}-{month:02d}") == parse_period(f"{name} {year}") == parse_period(f"{name.upper()} {year}")
    )


@given(periods(), periods())
def test_overlap_is_symmetric_and_a_period_meets_itself(a: Period, b: Period) -> None:
    assert a.overlaps(b) == b.overlaps(a)
    assert a.overlaps(a)


@given(
    st.one_of(
        st.builds(Period.year, years), st.builds(Period.financial_year, years), st.builds(Period.month, years, months)
    )
)
def test_a_year_later_and_back_is_the_same_period(period: Period) -> None:
    assert period.shifted(1).shifted(-1) == period
    assert not period.shifted(1).overlaps(period) or period.end - period.start > dt.timedelta(days=366)


@pytest.mark.parametrize(
    ("text", "start", "end"),
    [
        ("2019", dt.date(2019, 1, 1), dt.date(2019, 12, 31)),
        ("2019-20", dt.date(2019, 4, 1), dt.date(2020, 3, 31)),
        ("2020-03-31", dt.date(2020, 3, 31), dt.date(2020, 3, 31)),
        ("2011-12", dt.date(2011, 4, 1), dt.date(2012, 3, 31)),  # a financial year, not December 2011
        ("1999-00", dt.date(1999, 4, 1), dt.date(2000, 3, 31)),
        ("the year to June 2024", dt.date(2023, 7, 1), dt.date(2024, 6, 30)),
        ("year to December 2023", dt.date(2023, 1, 1), dt.date(2023, 12, 31)),
    ],
)
def test_figure_periods(text: str, start: dt.date, end: dt.date) -> None:
    assert parse_period(text) == Period(start, end)


@pytest.mark.parametrize("text", ["2019-21", "Q5 2020", "2019-02-30", "last year", "", "2020-13"])
def test_a_period_not_read_is_an_error_that_says_what_is(text: str) -> None:
    with pytest.raises(PeriodError, match="period"):
        parse_period(text)


def _named(sentence: str) -> list[tuple[str, Role, str | None]]:
    return [(n.words, n.role, None if n.period is None else str(n.period)) for n in named_periods(sentence, PUBLISHED)]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("1,405 offenders in 2019-20", [("2019-20", Role.CURRENT, "2019-20")]),
        ("1,405 offenders in 2019/20", [("2019/20", Role.CURRENT, "2019-20")]),
        ("removed 13 people last year", [("last year", Role.CURRENT, "2019")]),
        ("as of March this year", [("March this year", Role.CURRENT, "March 2020")]),
        ("an increase of four per cent on 2018-19", [("2018-19", Role.BASE, "2018-19")]),
        ("growing by three per cent from 2018-19", [("2018-19", Role.BASE, "2018-19")]),
        ("9 per cent fewer than in 2021", [("2021", Role.BASE, "2021")]),
        ("down 3% compared with 2019", [("2019", Role.BASE, "2019")]),
        ("up 7 per cent on the same month last year", [("the same month last year", Role.YEAR_EARLIER, None)]),
        ("254 more than a year earlier", [("a year earlier", Role.YEAR_EARLIER, None)]),
        ("in the year to March 2020", [("the year to March 2020", Role.CURRENT, "2019-20")]),
        ("in the year to June, 6 per cent fewer", [("the year to June", Role.CURRENT, "the year to June 2020")]),
        ("18,642 people in January 2024", [("January 2024", Role.CURRENT, "January 2024")]),
        # ranges are not the claim's period
        ("the highest January total since 2015", []),
        ("the fewest since records began", []),
        ("it rose from 2019 to 2020", []),
        ("between 2010 and 2020 it doubled", []),
        ("expected to peak by 2026", []),
        # a bare year with no word that makes it a period is a number
        ("2019 offenders were seen", []),
        ("£2019 was paid", []),
        ("a rate of 2019.5", []),
        ("nothing here at all", []),
    ],
)
def test_named_periods(sentence: str, expected: list[tuple[str, Role, str | None]]) -> None:
    assert _named(sentence) == expected


def test_relative_periods_need_the_date_of_publication() -> None:
    assert named_periods("removed 13 people last year", None) == ()
    assert named_periods("13 in 2019-20", None) == (Named("2019-20", Role.CURRENT, Period.financial_year(2019)),)


@given(st.dates(dt.date(1950, 1, 1), dt.date(2090, 12, 31)))
def test_last_year_is_the_calendar_year_before_publication(published: dt.date) -> None:
    (named,) = named_periods("There were 13 last year.", published)
    assert named.period == Period.year(published.year - 1)


@pytest.mark.parametrize(
    ("heading", "period"),
    [
        ("Registered offenders 31 Mar 2020", "2020-03-31"),
        ("Population aged 10+ (mid-2019)", "2019"),
        ("Rate per 100,000 (2019/20)", "2019-20"),
        ("Households, March 2024", "March 2024"),
        ("Rate per 100,000", None),
        ("Sales 2019 and 2020", None),  # two periods: none is suggested
        ("Count of 12,019", None),
    ],
)
def test_the_period_a_column_heading_names(heading: str, period: str | None) -> None:
    found = period_in_heading(heading)
    assert (None if found is None else str(found)) == period


def test_a_day_may_be_written_in_words() -> None:
    assert parse_period("31 March 2020") == parse_period("2020-03-31") == Period.day(dt.date(2020, 3, 31))


def test_a_bare_year_in_the_stated_words_is_the_number_not_a_period() -> None:
    assert named_periods("homes for 2019 families", PUBLISHED, ["2019 families"]) == ()
    assert named_periods("homes for 2019 families", PUBLISHED)[0].period == Period.year(2019)  # without them
    (named,) = named_periods("homes for 2,019 families in 2019", PUBLISHED, ["2,019 families"])
    assert named.period == Period.year(2019)


@pytest.mark.parametrize(
    ("sentence", "readings"),
    [
        ("18,642 people turned up in January", ["January 2020", "January 2021"]),  # published 2020-11-10
        ("171 households at the end of September", ["September 2020", "September 2021"]),
        ("bills will rise in December", ["December 2019", "December 2020"]),
        ("bills will rise from April", None),  # the start of something
        ("offers will be sent out on April 16", None),  # a day
        ("the target is to be met by the end of March", None),  # a deadline
        ("it may rise", None),
    ],
)
def test_a_month_without_a_year_is_the_last_or_the_next(sentence: str, readings: list[str] | None) -> None:
    found = named_periods(sentence, PUBLISHED)
    assert ([str(p) for p in found[0].readings] if found else None) == readings


@pytest.mark.parametrize(
    ("words", "published", "readings"),
    [
        ("last year", dt.date(2020, 11, 10), ["2019", "2019-20"]),
        ("last year", dt.date(2024, 3, 1), ["2023", "2022-23"]),  # 2023-24 had not ended
        ("this year", dt.date(2024, 3, 7), ["2024", "2023-24"]),
        ("this year", dt.date(2024, 4, 1), ["2024", "2024-25"]),
    ],
)
def test_last_and_this_year_are_a_calendar_or_a_financial_year(
    words: str, published: dt.date, readings: list[str]
) -> None:
    (named,) = named_periods(f"There were 13 {words}.", published)
    assert [str(p) for p in named.readings] == readings


def test_a_reading_answers_to_a_figure_of_its_own_shape() -> None:
    (named,) = named_periods("There were 13 last year.", dt.date(2020, 11, 10))
    assert named.met_by(Period.year(2019)) and named.met_by(Period.financial_year(2019))
    assert named.met_by(Period.day(dt.date(2020, 3, 31)))  # in 2019-20
    assert not named.met_by(Period.year(2018)) and not named.met_by(Period.financial_year(2018))
    assert not named.met_by(Period.year(2020))  # 2020 shares nine months with 2019-20, but is a calendar year


@given(periods(), periods())
def test_meeting_is_symmetric_and_implies_sharing_a_day(a: Period, b: Period) -> None:
    assert a.meets(b) == b.meets(a)
    assert not a.meets(b) or a.overlaps(b)
    assert a.meets(a)


def test_last_year_as_a_base_is_a_year_earlier() -> None:
    """ "up four per cent on last year" compares with the year before the claim's own, whenever it was published."""
    (named,) = named_periods("up four per cent on last year", PUBLISHED)
    assert named == Named("last year", Role.YEAR_EARLIER)
