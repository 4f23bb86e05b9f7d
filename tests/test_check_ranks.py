"""Rank arithmetic (words/ranks.py, check/ranks.py, check/diagnose.py): the words of the format's Ranks table, places among intervals, ties,
the far half that makes a miss gross, the explanation a sub-editor reads, and the diagnoses."""

from __future__ import annotations

import itertools
import math
from collections.abc import Sequence
from fractions import Fraction

import pytest
from hypothesis import given
from hypothesis import strategies as st

from factcheck.check.diagnose import (
    ColumnAlternative,
    diagnose_rank,
    total_rows,
    true_of_other_columns,
    true_without_total,
)
from factcheck.check.ranks import Entry, judge_rank, place_of
from factcheck.errors import RankWordsError
from factcheck.numbers.display import ordinal
from factcheck.numbers.interval import Interval
from factcheck.words.ranks import RankWords, Reach, one_of_bound, parse_rank_words
from factcheck.words.table import End, Quality

HALF_TENTH = Fraction(1, 20)


def points(*values: int | str) -> list[Entry]:
    """Entries 'v0', 'v1', … with exact values."""
    return [Entry(label=f"v{i}", value=Interval.point(Fraction(value))) for i, value in enumerate(values)]


def rounded(table: dict[str, str], step: Fraction = Fraction(1, 10)) -> list[Entry]:
    """Entries published rounded to `step`: each the interval it stands for, shown as written."""
    return [
        Entry(label=key, value=Interval.around(Fraction(text), step / 2), shown=text) for key, text in table.items()
    ]


def judged(words: str, of: str, among: Sequence[Entry], order: End | None = None) -> tuple[bool, bool, str]:
    entry = next(e for e in among if e.label == of)
    result = judge_rank(parse_rank_words(words), entry, among, order=order)
    return result.holds, result.gross, str(result.place)


# -- the words --------------------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("stated", "expected"),
    [
        ("the highest", RankWords(text="the highest", reach=Reach.EXACT, place=1, end=End.HIGH)),
        ("the highest rate", RankWords(text="the highest rate", reach=Reach.EXACT, place=1, end=End.HIGH)),
        ("highest", RankWords(text="highest", reach=Reach.EXACT, place=1, end=End.HIGH)),
        ("the largest", RankWords(text="the largest", reach=Reach.EXACT, end=End.HIGH)),
        ("the biggest rise", RankWords(text="the biggest rise", reach=Reach.EXACT, end=End.HIGH)),
        ("the most", RankWords(text="the most", reach=Reach.EXACT, end=End.HIGH)),
        (
            "the greatest number of pupils",
            RankWords(text="the greatest number of pupils", reach=Reach.EXACT, end=End.HIGH),
        ),
        ("the lowest", RankWords(text="the lowest", reach=Reach.EXACT, end=End.LOW)),
        ("the smallest", RankWords(text="the smallest", reach=Reach.EXACT, end=End.LOW)),
        ("the fewest", RankWords(text="the fewest", reach=Reach.EXACT, end=End.LOW)),
        ("the least", RankWords(text="the least", reach=Reach.EXACT, end=End.LOW)),
        ("the best", RankWords(text="the best", reach=Reach.EXACT, quality=Quality.BEST)),
        ("the worst", RankWords(text="the worst", reach=Reach.EXACT, quality=Quality.WORST)),
        (
            "the second highest rate",
            RankWords(text="the second highest rate", reach=Reach.EXACT, place=2, end=End.HIGH),
        ),
        ("the third-lowest", RankWords(text="the third-lowest", reach=Reach.EXACT, place=3, end=End.LOW)),
        ("the third\u2011lowest", RankWords(text="the third\u2011lowest", reach=Reach.EXACT, place=3, end=End.LOW)),
        ("The 2nd-highest", RankWords(text="The 2nd-highest", reach=Reach.EXACT, place=2, end=End.HIGH)),
        ("the 11th highest", RankWords(text="the 11th highest", reach=Reach.EXACT, place=11, end=End.HIGH)),
        ("the second worst", RankWords(text="the second worst", reach=Reach.EXACT, place=2, quality=Quality.WORST)),
        ("joint highest", RankWords(text="joint highest", reach=Reach.EXACT, end=End.HIGH, joint=True)),
        ("the joint lowest", RankWords(text="the joint lowest", reach=Reach.EXACT, end=End.LOW, joint=True)),
        ("one of the highest", RankWords(text="one of the highest", reach=Reach.ONE_OF, place=0, end=End.HIGH)),
        (
            "one of the lowest rates",
            RankWords(text="one of the lowest rates", reach=Reach.ONE_OF, place=0, end=End.LOW),
        ),
        ("one of the worst", RankWords(text="one of the worst", reach=Reach.ONE_OF, place=0, quality=Quality.WORST)),
        (
            "one of the five highest",
            RankWords(text="one of the five highest", reach=Reach.WITHIN, place=5, end=End.HIGH),
        ),
        ("among the five highest", RankWords(text="among the five highest", reach=Reach.WITHIN, place=5, end=End.HIGH)),
        # "among the highest" says what "one of the highest" says (it was refused: common phrasing, now read)
        ("among the highest", RankWords(text="among the highest", reach=Reach.ONE_OF, place=0, end=End.HIGH)),
        (
            "among the lowest in the region",
            RankWords(text="among the lowest in the region", reach=Reach.ONE_OF, place=0, end=End.LOW),
        ),
        ("among the 10 lowest", RankWords(text="among the 10 lowest", reach=Reach.WITHIN, place=10, end=End.LOW)),
        ("in the top ten", RankWords(text="in the top ten", reach=Reach.WITHIN, place=10, end=End.HIGH)),
        ("in the top 20", RankWords(text="in the top 20", reach=Reach.WITHIN, place=20, end=End.HIGH)),
        ("in the bottom five", RankWords(text="in the bottom five", reach=Reach.WITHIN, place=5, end=End.LOW)),
        ("the top three", RankWords(text="the top three", reach=Reach.WITHIN, place=3, end=End.HIGH)),
        (
            "within the twenty five lowest",
            RankWords(text="within the twenty five lowest", reach=Reach.WITHIN, place=25, end=End.LOW),
        ),
        (
            "the highest since 2015",
            RankWords(text="the highest since 2015", reach=Reach.EXACT, end=End.HIGH, since="since 2015"),
        ),
        (
            "the highest level since records began",
            RankWords(
                text="the highest level since records began",
                reach=Reach.EXACT,
                end=End.HIGH,
                since="since records began",
            ),
        ),
        (
            "the lowest for a decade",
            RankWords(text="the lowest for a decade", reach=Reach.EXACT, end=End.LOW, since="for a decade"),
        ),
        (
            "the lowest in at least 20 years",
            RankWords(
                text="the lowest in at least 20 years", reach=Reach.EXACT, end=End.LOW, since="in at least 20 years"
            ),
        ),
        (
            "the highest on record",
            RankWords(text="the highest on record", reach=Reach.EXACT, end=End.HIGH, since="on record"),
        ),
        ("the highest-ever", RankWords(text="the highest-ever", reach=Reach.EXACT, end=End.HIGH, since="ever")),
        ("the highest in the country", RankWords(text="the highest in the country", reach=Reach.EXACT, end=End.HIGH)),
    ],
)
def test_rank_words_read(stated: str, expected: RankWords) -> None:
    assert parse_rank_words(stated) == expected


@pytest.mark.parametrize(
    ("stated", "unknown"),
    [
        ("", ""),
        ("the higher", "higher"),
        ("higher than most", "higher than most"),
        ("had the highest", "had the highest"),
        ("among the many", "many"),
        ("in the top", "top"),
        ("the topmost", "topmost"),
        ("one of the many", "many"),
        ("the highest but one", "but"),
        ("the highest outside London", "outside"),
        ("the highest after Leeds", "after"),
        ("the highest since", "since"),
    ],
)
def test_unknown_rank_words_are_an_error_quoting_them(stated: str, unknown: str) -> None:
    with pytest.raises(RankWordsError) as caught:
        parse_rank_words(stated)
    assert caught.value.phrase == stated and caught.value.unknown == unknown
    assert repr(stated) in str(caught.value)


def test_best_and_worst_need_an_order() -> None:
    among = points(5, 3, 1)
    with pytest.raises(RankWordsError, match="need order"):
        judge_rank(parse_rank_words("the best"), among[0], among)
    assert judged("the best", "v0", among, order=End.HIGH)[:2] == (True, False)
    assert judged("the best", "v2", among, order=End.LOW)[:2] == (True, False)
    assert judged("the worst", "v2", among, order=End.HIGH)[:2] == (True, False)
    assert judged("the worst", "v0", among, order=End.HIGH)[:2] == (False, True)


# -- the format's Ranks table, row by row ------------------------------------------------------------------
@pytest.mark.parametrize("words", ["the highest", "the largest", "the biggest", "the most", "the greatest"])
def test_highest_words_hold_only_above_every_other(words: str) -> None:
    among = points(10, 40, 25, 30)
    assert judged(words, "v1", among) == (True, False, "1st of 4")
    assert judged(words, "v3", among)[:2] == (False, False)
    assert judged(words, "v0", among)[:2] == (False, True)


@pytest.mark.parametrize("words", ["the lowest", "the smallest", "the fewest", "the least"])
def test_lowest_words_hold_only_below_every_other(words: str) -> None:
    among = points(10, 40, 25, 30)
    assert judged(words, "v0", among) == (True, False, "1st of 4")
    assert judged(words, "v2", among)[:2] == (False, False)
    assert judged(words, "v1", among)[:2] == (False, True)


def test_the_nth_from_an_end_holds_in_that_place_only() -> None:
    among = points(*range(1, 13))  # v0 = 1 … v11 = 12
    assert judged("the second highest", "v10", among) == (True, False, "2nd of 12")
    assert judged("the second highest", "v9", among) == (False, False, "3rd of 12")
    assert judged("the second highest", "v11", among) == (False, False, "1st of 12")
    assert judged("the third-lowest", "v2", among) == (True, False, "3rd of 12")
    assert judged("the third-lowest", "v5", among) == (False, False, "6th of 12")
    assert judged("the third-lowest", "v6", among) == (False, True, "7th of 12")


def test_among_the_n_highest_and_the_top_n_hold_within_that_many_places() -> None:
    among = points(*range(1, 43))  # 42 values
    for words, end_value in (("among the five highest", 42), ("in the top ten", 42)):
        limit = parse_rank_words(words).place
        for place in range(1, 43):
            holds, gross, _ = judged(words, f"v{end_value - place}", among)
            assert holds == (place <= limit), (words, place)
            assert gross == (place > 21), (words, place)


def test_one_of_the_highest_reaches_max_of_three_and_a_quarter() -> None:
    assert [one_of_bound(n) for n in (1, 2, 3, 4, 12, 13, 42)] == [3, 3, 3, 3, 3, 4, 11]
    among = points(*range(1, 43))
    assert judged("one of the highest", "v31", among) == (True, False, "11th of 42")
    assert judged("one of the highest", "v30", among) == (False, False, "12th of 42")
    assert judged("one of the lowest", "v10", among) == (True, False, "11th of 42")


def test_the_highest_since_a_year_is_above_every_value_of_the_periods_listed() -> None:
    years = [
        Entry(label=str(year), value=Interval.point(value))
        for year, value in zip(range(2015, 2025), (40, 42, 39, 44, 47, 45, 41, 43, 46, 48), strict=False)
    ]
    holds, gross, place = judged("the highest since 2015", "2024", years)
    assert (holds, gross, place) == (True, False, "1st of 10")
    result = judge_rank(parse_rank_words("the lowest for a decade"), years[1], years)
    assert not result.holds and "among the 10 values for a decade" in result.explanation
    assert judge_rank(parse_rank_words("the lowest for a decade"), years[0], years[:2] + years[3:]).holds


# -- the evaluation article's rank claims, as plain intervals ----------------------------------------------
CORVALE_RATES = {
    "Ambleford": "488.7",
    "Brackwater": "156.3",
    "Calderholt": "715.2",
    "Dunsworth": "528.0",
    "Elderfield": "727.4",
    "Fallowmere": "212.6",
    "Hathersby": "758.5",
    "Ivelbrook": "352.4",
    "Kelmsworth": "573.2",
    "Larkhollow": "177.1",
    "Mossbridge": "767.1",
    "Pellworth": "583.9",
}


@pytest.mark.parametrize(
    ("of", "words", "holds", "gross", "place"),
    [
        ("Mossbridge", "the highest rate", True, False, "1st of 12"),
        ("Elderfield", "the second highest rate", False, False, "3rd of 12"),
        ("Brackwater", "the lowest rate", True, False, "1st of 12"),
        ("Fallowmere", "one of the lowest", True, False, "3rd of 12"),
        ("Dunsworth", "one of the lowest", False, False, "6th of 12"),
    ],
)
def test_the_evaluation_rank_claims(of: str, words: str, holds: bool, gross: bool, place: str) -> None:
    assert judged(words, of, rounded(CORVALE_RATES)) == (holds, gross, place)


def test_the_explanation_names_the_place_and_the_values_above_it() -> None:
    among = rounded(CORVALE_RATES)
    elder = next(e for e in among if e.label == "Elderfield")
    result = judge_rank(parse_rank_words("the second highest rate"), elder, among)
    assert result.explanation == (
        "727.4 is 3rd of 12 from the high end (Mossbridge 767.1 and Hathersby 758.5 above "
        "it); 'the second highest rate' needs 2nd"
    )
    moss = next(e for e in among if e.label == "Mossbridge")
    assert judge_rank(parse_rank_words("the highest rate"), moss, among).explanation == (
        "767.1 is 1st of 12 from the high end (next: Hathersby 758.5)"
    )
    duns = next(e for e in among if e.label == "Dunsworth")
    assert judge_rank(parse_rank_words("one of the lowest"), duns, among).explanation == (
        "528.0 is 6th of 12 from the low end (5 values below it, the nearest Ambleford 488.7, Ivelbrook 352.4 and "
        "Fallowmere 212.6); 'one of the lowest' needs at most 3rd (max(3, ⌈12/4⌉) places)"
    )
    brack = next(e for e in among if e.label == "Brackwater")
    gross = judge_rank(parse_rank_words("the highest"), brack, among)
    assert gross.gross and gross.explanation.endswith("'the highest' needs 1st; it is in the lower half")


# -- ties, intervals, sizes --------------------------------------------------------------------------------
def test_equal_values_share_the_better_place_so_joint_highest_is_highest() -> None:
    among = points(7, 9, 9, 3)
    assert judged("the highest", "v1", among) == (True, False, "joint 1st of 4")
    assert judged("joint highest", "v2", among) == (True, False, "joint 1st of 4")
    assert judged("the second highest", "v0", among) == (False, True, "3rd of 4")  # the lower half of 4
    assert judged("the third highest", "v0", among)[:2] == (True, False)
    explanation = judge_rank(parse_rank_words("the highest"), among[1], among).explanation
    assert "level with v2 9" in explanation


def test_overlapping_intervals_give_a_range_of_places_and_the_words_hold_if_some_values_make_them() -> None:
    # published to the nearest whole number, 122 is [121.5, 122.5] and 121.6 is [121.1, 122.1]: either may be highest
    among = rounded({"a": "122", "b": "121.6", "c": "100"}, step=Fraction(1))
    assert judged("the highest", "a", among) == (True, False, "1st to 2nd of 3")
    assert judged("the highest", "b", among) == (True, False, "1st to 2nd of 3")
    assert judged("the second highest", "a", among)[:2] == (True, False)
    assert judged("the highest", "c", among) == (False, True, "3rd of 3")
    assert judged("the highest", "c", among + rounded({"d": "50", "e": "40"}))[:2] == (False, False)  # 3rd of 5


def test_a_place_between_the_best_and_the_worst_may_still_be_impossible() -> None:
    # `of` is [1, 3]; the others are both exactly 2: it is 1st (v ≥ 2, ties share) or 3rd, never 2nd
    among = [Entry(label="of", value=Interval(Fraction(1), Fraction(3))), *points(2, 2)]
    place = place_of(among[0].value, [e.value for e in among[1:]], End.HIGH)
    assert place.places == (1, 3)
    assert not judge_rank(parse_rank_words("the second highest"), among[0], among).holds


def test_open_ends_are_respected() -> None:
    above = Interval(Fraction(10), Fraction(11), lo_open=True)
    at_most = Interval(Fraction(9), Fraction(10))
    assert place_of(at_most, [above], End.HIGH).places == (2,)
    assert place_of(above, [at_most], End.HIGH).places == (1,)


@pytest.mark.parametrize(("n", "top_place_gross_from"), [(1, None), (2, 2), (3, 3), (4, 3), (12, 7), (13, 8), (42, 22)])
def test_sizes_and_the_far_half(n: int, top_place_gross_from: int | None) -> None:
    among = points(*range(1, n + 1))
    for place in range(1, n + 1):
        holds, gross, shown = judged("the highest", f"v{n - place}", among)
        assert shown == f"{ordinal(place)} of {n}"
        assert holds == (place == 1)
        assert gross == (top_place_gross_from is not None and place >= top_place_gross_from), (n, place)


def test_one_value_alone_is_the_highest_and_the_lowest() -> None:
    only = points(5)
    for words in ("the highest", "the lowest", "one of the highest", "among the three lowest"):
        assert judged(words, "v0", only) == (True, False, "1st of 1")


def test_of_is_counted_once_whether_or_not_among_names_it() -> None:
    among = points(1, 2, 3)
    of = Entry(label="mine", value=Interval.point(5))
    assert str(judge_rank(parse_rank_words("the highest"), of, among).place) == "1st of 4"
    assert str(judge_rank(parse_rank_words("the highest"), of, [*among, of]).place) == "1st of 4"


# -- diagnoses ----------------------------------------------------------------------------------------------
def test_true_if_the_total_row_is_left_out_by_its_key() -> None:
    among = [*points(120, 131, 118), Entry(label="England and Wales", value=Interval.point(135))]
    assert not judged("the highest", "v1", among)[0]
    found = true_without_total(parse_rank_words("the highest"), among[1], among)
    assert found == (
        "true if the total row 'England and Wales' is left out (its key names a total): 1st of 3; "
        'exclude = ["England and Wales"]'
    )


def test_true_if_the_total_row_is_left_out_by_its_sum() -> None:
    among = [Entry(label="Sum of areas", value=Interval.point(60)), *points(10, 20, 30)]
    assert total_rows(among) == ((among[0], "it is the sum of the others"),)
    diagnoses = diagnose_rank(parse_rank_words("the highest"), among[3], among)
    assert diagnoses[0].startswith("true if the total row 'Sum of areas' is left out (it is the sum of the others)")


def test_a_total_word_in_the_middle_of_the_list_is_no_total() -> None:
    among = [*points(1, 2), Entry(label="Total", value=Interval.point(2)), *points(3)]
    assert total_rows(among) == ()


def test_true_of_another_column() -> None:
    words = parse_rank_words("the highest")
    of_2020 = Entry(label="a", value=Interval.point(5))
    among_2020 = [of_2020, *points(7, 6)]
    alternative = ColumnAlternative(
        name="2019", of=Entry(label="a", value=Interval.point(9)), among=tuple(points(7, 6))
    )
    assert true_of_other_columns(words, [alternative]) == ("true of the '2019' column (9: 1st of 3 from the high end)",)
    assert "true of the '2019' column (9: 1st of 3 from the high end)" in diagnose_rank(
        words, of_2020, among_2020, alternatives=[alternative]
    )


def test_nothing_is_diagnosed_for_words_that_hold() -> None:
    among = points(3, 2, 1)
    assert diagnose_rank(parse_rank_words("the highest"), among[0], among) == ()


# -- properties --------------------------------------------------------------------------------------------
values = st.lists(st.fractions(min_value=-1000, max_value=1000, max_denominator=100), min_size=1, max_size=30)


@given(values)
def test_the_maximum_is_first_from_the_high_end(numbers: list[Fraction]) -> None:
    top = max(numbers)
    rest = list(numbers)
    rest.remove(top)
    place = place_of(Interval.point(top), [Interval.point(v) for v in rest], End.HIGH)
    assert place.places == (1,)


@given(values, st.data())
def test_reversing_the_order_swaps_the_ends(numbers: list[Fraction], data: st.DataObject) -> None:
    index = data.draw(st.integers(0, len(numbers) - 1))
    of = Interval.point(numbers[index])
    others = [Interval.point(v) for i, v in enumerate(numbers) if i != index]
    assert place_of(of, others, End.HIGH).places == place_of(of.negate(), [o.negate() for o in others], End.LOW).places
    assert place_of(of, others, End.LOW).places == place_of(of.negate(), [o.negate() for o in others], End.HIGH).places
    entry = Entry(label="of", value=of)
    among = [Entry(label=str(i), value=o) for i, o in enumerate(others)]
    best = judge_rank(parse_rank_words("the best"), entry, among, order=End.HIGH)
    worst = judge_rank(parse_rank_words("the worst"), entry, among, order=End.LOW)
    assert (best.holds, best.gross, best.place) == (worst.holds, worst.gross, worst.place)


@given(st.integers(1, 60), st.data())
def test_one_of_the_highest_holds_for_every_place_within_the_bound(n: int, data: st.DataObject) -> None:
    among = points(*range(1, n + 1))
    place = data.draw(st.integers(1, n))
    holds, _, _ = judged("one of the highest", f"v{n - place}", among)
    assert holds == (place <= max(3, math.ceil(n / 4)))


@st.composite
def interval_lists(draw: st.DrawFn) -> list[Interval]:
    centres = draw(st.lists(st.integers(-20, 20), min_size=2, max_size=8))
    return [
        Interval(
            Fraction(c) - draw(st.sampled_from([Fraction(0), Fraction(1, 2), Fraction(1), Fraction(3)])),
            Fraction(c) + draw(st.sampled_from([Fraction(0), Fraction(1, 2), Fraction(1), Fraction(3)])),
        )
        for c in centres
    ]


@given(interval_lists(), st.data())
def test_every_choice_of_values_within_the_intervals_gives_a_place_listed(
    intervals: list[Interval], data: st.DataObject
) -> None:
    chosen = [data.draw(st.fractions(min_value=i.lo, max_value=i.hi)) for i in intervals]
    place = place_of(intervals[0], intervals[1:], End.HIGH)
    actual = 1 + sum(1 for v in chosen[1:] if v > chosen[0])
    assert actual in place.places
    low = place_of(intervals[0], intervals[1:], End.LOW)
    assert 1 + sum(1 for v in chosen[1:] if v < chosen[0]) in low.places


@given(interval_lists())
def test_every_place_listed_is_reached_by_some_choice_of_values(intervals: list[Interval]) -> None:
    # brute force: `of` at every end and midpoint inside it, each other value at its lowest or its highest
    of, others = intervals[0], intervals[1:]
    ends = sorted({bound for i in intervals for bound in (i.lo, i.hi) if bound is not None})
    trials = [v for v in (*ends, *((x + y) / 2 for x, y in itertools.pairwise(ends))) if of.contains(v)]
    reached = set()
    for v in trials:
        for choice in itertools.product(*[(o.lo, o.hi) for o in others]):
            reached.add(1 + sum(1 for value in choice if value is not None and value > v))
    assert place_of(of, others, End.HIGH).places == tuple(sorted(reached))


@st.composite
def open_interval_lists(draw: st.DrawFn) -> list[Interval]:
    found = []
    for _ in range(draw(st.integers(2, 7))):
        lo = Fraction(draw(st.integers(-6, 6)))
        hi = lo + draw(st.sampled_from([0, 1, 2]))
        lo_open, hi_open = (False, False) if lo == hi else (draw(st.booleans()), draw(st.booleans()))
        found.append(Interval(lo, hi, lo_open, hi_open))
    return found


@given(open_interval_lists())
def test_places_with_open_ends_match_a_direct_count(intervals: list[Interval]) -> None:
    # at each trial value v of `of` (ends, midpoints and quarter points), count directly: certainly above when
    # every value of the other is above v, possibly above when some value is
    of, others = intervals[0], intervals[1:]
    ends = sorted({bound for i in intervals for bound in (i.lo, i.hi) if bound is not None})
    steps = [x + (y - x) * k / 4 for x, y in itertools.pairwise(ends) for k in (1, 2, 3)]
    expected: set[int] = set()
    for v in (v for v in (*ends, *steps) if of.contains(v)):
        certain = sum(1 for o in others if o.lo is not None and (o.lo > v or (o.lo == v and o.lo_open)))
        possible = sum(1 for o in others if o.hi is None or o.hi > v)
        expected.update(range(1 + certain, 2 + possible))
    assert place_of(of, others, End.HIGH).places == tuple(sorted(expected))


@given(interval_lists(), st.lists(st.tuples(st.booleans(), st.booleans()), min_size=8, max_size=8))
def test_places_over_huge_denominators_are_those_over_small_ones(
    intervals: list[Interval], open_ends: list[tuple[bool, bool]]
) -> None:
    """Ends with a common denominator are counted as integers; beyond 10**40 as fractions (the first way the
    module counted): the same places, with open ends too."""
    intervals = [
        i if i.is_point else Interval(i.lo, i.hi, lo_open, hi_open)
        for i, (lo_open, hi_open) in zip(intervals, open_ends, strict=False)
    ]
    tiny = Fraction(1, 10**45) + Fraction(1, 3 * 10**44)  # a denominator beyond the integer path's reach
    scaled = [
        Interval(None if i.lo is None else i.lo * tiny, None if i.hi is None else i.hi * tiny, i.lo_open, i.hi_open)
        for i in intervals
    ]
    for end in End:
        assert place_of(scaled[0], scaled[1:], end).places == place_of(intervals[0], intervals[1:], end).places
