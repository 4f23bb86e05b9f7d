"""The interval each phrase means, checked against claims-format.md, "What `stated` means"."""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction as F

import pytest
from hypothesis import given
from hypothesis import strategies as st

from factcheck.errors import PhraseError
from factcheck.interval import Interval
from factcheck.stated import (
    Reading,
    Tolerance,
    parse_numeral,
    parse_relation,
    parse_stated,
    parse_tolerance,
    scan,
    step_of,
)
from factcheck.wording import Relation
from tests.strategies import written_numbers


def closed(lo: str, hi: str) -> Interval:
    return Interval(F(lo), F(hi))


@pytest.mark.parametrize(
    ("text", "kind", "expected"),
    [
        # plain numbers: [X − s/2, X + s/2], in digits or words
        ("122", "value", closed("121.5", "122.5")),
        ("3.5%", "value", closed("3.45", "3.55")),
        ("three per cent", "value", closed("2.5", "3.5")),
        ("1.2m", "value", closed("1150000", "1250000")),
        ("£1.2m", "value", closed("1150000", "1250000")),
        ("64,300", "value", closed("64250", "64350")),
        ("62,435", "value", closed("62434.5", "62435.5")),
        # trailing zeros of a count round; not for percentages, rates, multiples, one-in-N
        ("1,640", "value", closed("1635", "1645")),
        ("400", "value", closed("350", "450")),
        ("£1,500", "value", closed("1450", "1550")),
        ("3.50", "value", closed("3.495", "3.505")),
        ("10 per cent", "value", closed("9.5", "10.5")),
        ("120 per 100,000", "rate", closed("119.5", "120.5")),
        ("one in 20", "one_in", closed("19.5", "20.5")),
        ("0", "value", closed("-0.5", "0.5")),
        # number words: the step of the last word
        ("two hundred", "value", closed("150", "250")),
        ("a million", "value", closed("500000", "1500000")),
        ("1.5 million", "value", closed("1450000", "1550000")),
        ("twenty-one", "value", closed("20.5", "21.5")),
        # hedges
        ("more than 1,640", "value", Interval(F(1640), F(1650), True, True)),
        ("nearly 900", "value", Interval(F(850), F(900), False, True)),
        ("about 140", "value", closed("135", "145")),
        ("at least 30", "value", Interval(F(30), F(40), False, True)),
        ("fewer than 400", "value", Interval(F(300), F(400), True, True)),
        ("at most 30", "value", Interval(F(20), F(30), True, False)),
        ("More than 1,000", "value", Interval(F(1000), F(2000), True, True)),
        ("more than £2.50", "formula", Interval(F("2.5"), F("2.51"), True, True)),
        # words for shares and ratios
        ("half", "share", closed("45", "55")),
        ("a fifth", "share", closed("18", "22")),
        ("two-thirds", "share", Interval(F(60), F(220, 3))),
        ("one in five", "share", closed("18", "22")),
        ("three in four", "share", closed("67.5", "82.5")),
        ("most", "share", Interval(F(50), F(100), True, False)),
        ("the majority", "share", Interval(F(50), F(100), True, False)),
        ("the vast majority", "share", closed("80", "100")),
        ("almost all", "share", Interval(F(95), F(100), False, True)),
        ("a minority", "share", Interval(F(0), F(50), False, True)),
        ("more than half", "share", Interval(F(50), F(55), True, False)),
        ("nearly a quarter", "share", Interval(F("22.5"), F(25), False, True)),
        ("twice as many", "ratio", closed("1.95", "2.05")),
        ("three times", "ratio", closed("2.5", "3.5")),
        ("nearly three times", "ratio", Interval(F("2.5"), F(3), False, True)),
        ("9.2 times", "ratio", closed("9.15", "9.25")),
        # changes carry a direction
        ("up 4% on 2018-19", "change", closed("3.5", "4.5")),
        ("an increase of four per cent", "change", closed("3.5", "4.5")),
        ("fell by 12%", "change", closed("-12.5", "-11.5")),
        ("fell by a fifth", "change", closed("-22", "-18")),
        ("doubled", "change", closed("95", "105")),
        ("halved", "change", closed("-52.5", "-47.5")),
        ("more than doubled", "change", Interval(F(100), F(200), True, True)),
        ("more than trebled", "change", Interval(F(200), F(300), True, True)),
        ("up 2.5 percentage points", "point_change", closed("2.45", "2.55")),
        ("325 fewer", "difference", closed("-325.5", "-324.5")),
        ("up £9,380", "difference", closed("9375", "9385")),
        # one in N
        ("one in every 769 people", "one_in", closed("768.5", "769.5")),
        ("more than one in five", "one_in", Interval(F(4), F(5), True, True)),
        ("nearly one in five", "one_in", Interval(F(5), F("5.5"), True, False)),
    ],
)
def test_interval_of_phrase(text: str, kind: str, expected: Interval) -> None:
    assert parse_stated(text, kind).interval == expected


@pytest.mark.parametrize(
    ("text", "kind", "direction"),
    [
        ("up 4%", "change", 1), ("rose by 6 per cent", "change", 1), ("a rise of 9 per cent", "change", 1),
        ("4.99 per cent more", "change", 1), ("fell by 9 per cent", "change", -1),
        ("down three per cent", "change", -1), ("2.9 per cent fewer", "change", -1),
        ("13 more than last year", "difference", 1), ("an extra £106.63", "difference", 1),
        ("halved", "change", -1), ("doubled", "change", 1), ("4 per cent", "change", None),
    ],
)  # fmt: skip
def test_direction_words(text: str, kind: str, direction: int | None) -> None:
    assert parse_stated(text, kind).direction == direction


def test_hedges_have_a_loose_side() -> None:
    stated = parse_stated("more than 1,000", "value")
    assert stated.loose.contains(3118) and not stated.interval.contains(3118)
    assert not stated.loose.contains(1000)
    nearly = parse_stated("almost 400", "value")
    assert nearly.loose.contains(344) and not nearly.interval.contains(344)
    assert not nearly.loose.contains(400)


def test_rate_reads_per() -> None:
    assert parse_stated("122 offenders for every 100,000 people", "rate").per == 100_000
    assert parse_stated("16.6 per 1,000", "rate").per == 1_000
    assert parse_stated("8.7 in every 100,000", "rate").per == 100_000
    assert parse_stated("19", "rate").per is None


def test_units_named_by_words() -> None:
    assert parse_stated("£2,243.61", "value").unit == "GBP"
    assert parse_stated("83.3 per cent", "value").unit == "percent"
    assert parse_stated("up 3.8 percentage points", "point_change").unit == "points"


def test_robust_rounding_is_open_and_one_step_wide() -> None:
    assert parse_stated("39", "value", rounding="robust").interval == Interval(F(38), F(40), True, True)
    # hedges are unchanged by robust rounding
    assert parse_stated("more than 30", "value", rounding="robust").interval == Interval(F(30), F(40), True, True)


def test_claim_tolerance_replaces_the_half_width_and_keeps_a_hedges_side() -> None:
    absolute = Tolerance(F(2), relative=False)
    assert parse_stated("122", "rate", tolerance=absolute).interval == closed("120", "124")
    assert parse_stated("nearly 900", "value", tolerance=absolute).interval == Interval(F(898), F(900), False, True)
    relative = parse_tolerance("2%")
    assert parse_stated("100", "rate", tolerance=relative).interval == closed("98", "102")


def test_default_tolerance_widens_each_side() -> None:
    assert parse_stated("122", "rate", widen=Tolerance(F(1), relative=False)).interval == closed("120.5", "123.5")


@pytest.mark.parametrize(
    ("text", "kind", "message"),
    [
        ("many", "value", "no number"),
        ("", "value", "empty"),
        ("rose from 17 to 38", "change", "more than one number"),
        ("ballooned 40%", "change", "ballooned"),
        ("the vast majority", "value", "needs kind 'share'"),
        ("doubled", "value", "needs kind 'ratio' or 'change'"),
        ("up 4% and down 2%", "change", "more than one number"),
        ("122 per", "rate", "no number after"),
        ("more than about 4", "value", "two qualifiers"),
    ],
)
def test_unreadable_phrases_are_errors_that_quote_them(text: str, kind: str, message: str) -> None:
    with pytest.raises(PhraseError, match=message) as info:
        parse_stated(text, kind)
    if text:
        assert repr(text) in str(info.value)


def test_unknown_direction_word_is_fine_when_direction_is_given() -> None:
    assert parse_stated("ballooned 40%", "change", direction_given=True).interval == closed("39.5", "40.5")


@pytest.mark.parametrize(
    ("text", "relation"),
    [("above", Relation.GREATER), ("higher than", Relation.GREATER), ("below", Relation.LESS),
     ("fewer than", Relation.LESS), ("the same as", Relation.EQUAL), ("at least", Relation.AT_LEAST)],
)  # fmt: skip
def test_comparison_words(text: str, relation: Relation) -> None:
    assert parse_relation(text) is relation


@pytest.mark.parametrize("text", ["more than double", "twice as high as", "3 points above", "above half"])
def test_a_comparison_that_states_an_amount_is_not_read_as_a_bare_comparison(text: str) -> None:
    with pytest.raises(PhraseError, match="states no amount"):
        parse_relation(text)


def test_comparison_words_that_disagree_or_are_unknown() -> None:
    with pytest.raises(PhraseError, match="no comparison word"):
        parse_relation("sideways of")
    with pytest.raises(PhraseError, match="both ways"):
        parse_relation("above and below")


@given(written_numbers())
def test_written_number_reads_back_with_its_value_and_step(case: tuple[str, F, F]) -> None:
    text, value, step = case
    numeral = parse_numeral(text, Reading.MEASURE)
    assert numeral.value == value
    assert numeral.step == step


@given(written_numbers())
def test_count_step_counts_trailing_zeros_only_for_whole_numbers(case: tuple[str, F, F]) -> None:
    text, value, step = case
    digits = text.replace(",", "")
    count_step = step_of(digits, Reading.COUNT)
    if "." in digits:
        assert count_step == step
    elif value == 0:
        assert count_step == 1
    else:
        assert value % count_step == 0 and (value / count_step) % 10 != 0


@given(written_numbers(), st.sampled_from(["value", "rate", "share", "ratio"]))
def test_a_plain_number_contains_itself_and_not_one_step_away(case: tuple[str, F, F], kind: str) -> None:
    text, value, _ = case
    if kind == "share" and value > 100:
        text, value = "50", F(50)
    stated = parse_stated(text, kind)
    assert stated.interval.contains(value)
    assert stated.step is not None
    assert not stated.interval.contains(value + stated.step)
    assert not stated.interval.contains(value - stated.step)


@pytest.mark.parametrize(
    ("value", "expected"),
    [(2.5, True), (F("2.5"), True), (F("3.5"), True), (F("3.5000001"), False), (F("-3.5"), False)],
)
def test_exact_boundaries_with_fractions(value: F, expected: bool) -> None:
    assert parse_stated("three per cent", "share").interval.contains(value) is expected


def test_very_large_numbers_are_exact() -> None:
    stated = parse_stated("£3.4bn", "value")
    assert stated.interval == closed("3350000000", "3450000000")
    big = parse_stated("123,456,789,012,345", "value")
    assert big.interval.contains(F(123456789012345))


@pytest.mark.parametrize(
    ("text", "kind", "expected", "unit"),
    [("45p", "value", closed("0.445", "0.455"), "GBP"),
     ("rose by an average of 45p", "difference", closed("0.445", "0.455"), "GBP"),
     ("100p", "value", closed("0.995", "1.005"), "GBP"),
     ("up 2.5pp", "point_change", closed("2.45", "2.55"), "points")],
)
def test_pence_are_pounds_to_the_penny(text: str, kind: str, expected: Interval, unit: str) -> None:
    stated = parse_stated(text, kind)
    assert stated.interval == expected and stated.unit == unit


def test_time_words_carry_a_direction() -> None:
    assert parse_stated("14 seconds slower", "difference").direction == 1
    assert parse_stated("three minutes shorter", "difference").direction == -1
_SCALE_SUFFIXES = {"": 1, "k": 1_000, "m": 10**6, "bn": 10**9, " thousand": 1_000, " million": 10**6,
                   " billion": 10**9, " trillion": 10**12}


@given(st.booleans(), st.integers(0, 10**12) | st.integers(10**95, 10**105), st.integers(0, 5), st.booleans(),
       st.sampled_from(sorted(_SCALE_SUFFIXES)), st.sampled_from(list(Reading)))
def test_a_number_in_digits_reads_as_its_decimal_value_times_its_scale(
        negative: bool, units: int, decimals: int, commas: bool, suffix: str, reading: Reading) -> None:
    """The scanner's exact value and step, against Python's own reading of the digits as a Decimal."""
    whole, part = divmod(units, 10**decimals)
    digits = (f"{whole:,}" if commas else str(whole)) + (f".{part:0{decimals}d}" if decimals else "")
    if decimals and not whole and not commas and part % 2:
        digits = digits[1:]  # ".5" as well as "0.5"
    text = ("-" if negative else "") + digits + suffix
    [token] = scan(text, reading)
    assert token.numeral is not None
    plain = digits.replace(",", "")
    scale = F(_SCALE_SUFFIXES[suffix])
    expected = F(Decimal(plain)) * scale
    assert token.numeral.value == (-expected if negative else expected)
    assert token.numeral.step == step_of(plain, reading) * scale
    assert token.numeral.text == text


# -- the scanner's fast paths against the code they replaced (kept here as the oracle) --

def _reference_normalise(text: str) -> str:
    from factcheck import stated  # noqa: PLC0415

    text = text.lower()
    text = stated._DASHES.sub("-", text)
    text = stated._MINUS_BEFORE_CURRENCY.sub(r"\1-", text)
    text = stated._PENCE.sub(stated._pence_as_pounds, text)
    return stated._SPACES.sub(" ", text).strip()


def _reference_tokens(text: str, reading: Reading) -> list[object]:
    from factcheck import stated  # noqa: PLC0415

    table = stated._phrase_table()
    found = []
    for match in stated._scanner().finditer(text):
        span = match.span()
        if match.group("year"):
            found.append(stated._Token(stated._T.YEAR, match.group(0), span))
        elif match.group("cur"):
            found.append(stated._Token(stated._T.CURRENCY, match.group(0), span))
        elif match.group("num"):
            found.append(stated._Token(stated._T.NUMBER, match.group(0), span, stated._digits_numeral(match, reading)))
        elif match.group("phrase"):
            phrase = stated._SPACES.sub(" ", match.group("phrase"))
            kind, _ = table[phrase]
            found.append(stated._Token(kind, phrase, span))
        else:
            found.append(stated._Token(stated._T.WORD, match.group(0), span))
    return stated._join_number_words(found, reading)


def _pieces() -> st.SearchStrategy[str]:
    from factcheck import stated  # noqa: PLC0415

    words = sorted(stated._phrase_table())
    return st.sampled_from(words) | st.sampled_from(["£", "$", "€", "-", "−", "–", "p", "45p", "-£5", "2019-20", "1.5m",
                                                     "3bn", "12 million", "%", ",", ".", "  ", "\t", "A", "Ünder",
                                                     "a", "foo", "1,405", "0.25", ".5", "2,000,000.5"]) \
        | st.from_regex(r"-?[0-9]{1,7}(\.[0-9]{1,3})?(bn|m|k| million| thousand)?", fullmatch=True)


@given(st.lists(_pieces(), max_size=8).map(" ".join), st.sampled_from(list(Reading)))
def test_normalise_and_tokens_are_the_plain_code(text: str, reading: Reading) -> None:
    from factcheck import stated  # noqa: PLC0415

    norm = stated._normalise(text)
    assert norm == _reference_normalise(text)
    assert stated._tokens(norm, reading) == _reference_tokens(norm, reading)
    assert stated._tokens(text, reading) == _reference_tokens(text, reading)
