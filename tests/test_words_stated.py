"""The interval each phrase means, checked against claims-format.md, "What `stated` means"."""

from __future__ import annotations

import functools
import re
import time
from decimal import Decimal
from fractions import Fraction as F

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from factcheck.errors import PhraseError
from factcheck.numbers.interval import Interval
from factcheck.words import stated as stated_module
from factcheck.words.stated import (
    MAX_STATED_LENGTH,
    MAX_WHOLE_DIGITS,
    Reading,
    TokenType,
    Tolerance,
    parse_numeral,
    parse_relation,
    parse_stated,
    parse_tolerance,
    scan,
    step_of,
)
from factcheck.words.table import Hedge, Relation
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
        # trailing zeros of a count round, but a plain number keeps two significant figures (second
        # edition: "400" was [350, 450]); not for percentages, rates, multiples, one-in-N
        ("1,640", "value", closed("1635", "1645")),
        ("400", "value", closed("395", "405")),
        ("1,000", "value", closed("950", "1050")),
        ("20,000", "value", closed("19500", "20500")),
        ("10", "value", closed("9.5", "10.5")),
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
        ("one in five", "share", Interval(F(200, 11), F(200, 9))),  # second edition: N in [4.5, 5.5], was ±10%
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
def test_count_step_keeps_two_significant_figures_plain_and_every_trailing_zero_hedged(case: tuple[str, F, F]) -> None:
    text, value, step = case
    digits = text.replace(",", "")
    plain, hedged = step_of(digits, Reading.COUNT), step_of(digits, Reading.COUNT, hedged=True)
    if "." in digits:
        assert plain == hedged == step
    elif value == 0:
        assert plain == hedged == 1
    else:
        assert value % hedged == 0 and (value / hedged) % 10 != 0  # every trailing zero rounds under a hedge
        assert value % plain == 0 and hedged % plain == 0
        assert plain == 1 or value / plain >= 10  # at least two significant figures
        assert plain == hedged or value / plain < 100  # and no more than it takes


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
    [
        ("45p", "value", closed("0.445", "0.455"), "GBP"),
        ("rose by an average of 45p", "difference", closed("0.445", "0.455"), "GBP"),
        ("100p", "value", closed("0.995", "1.005"), "GBP"),
        ("up 2.5pp", "point_change", closed("2.45", "2.55"), "points"),
    ],
)
def test_pence_are_pounds_to_the_penny(text: str, kind: str, expected: Interval, unit: str) -> None:
    stated = parse_stated(text, kind)
    assert stated.interval == expected and stated.unit == unit


def test_time_words_carry_a_direction() -> None:
    assert parse_stated("14 seconds slower", "difference").direction == 1
    assert parse_stated("three minutes shorter", "difference").direction == -1


_SCALE_SUFFIXES = {
    "": 1,
    "k": 1_000,
    "m": 10**6,
    "bn": 10**9,
    " thousand": 1_000,
    " million": 10**6,
    " billion": 10**9,
    " trillion": 10**12,
}


@given(
    st.booleans(),
    st.integers(0, 10**12) | st.integers(10**95, 10**105),
    st.integers(0, 5),
    st.booleans(),
    st.sampled_from(sorted(_SCALE_SUFFIXES)),
    st.sampled_from(list(Reading)),
)
def test_a_number_in_digits_reads_as_its_decimal_value_times_its_scale(
    negative: bool, units: int, decimals: int, commas: bool, suffix: str, reading: Reading
) -> None:
    """The scanner's exact value and step, against Python's own reading of the digits as a Decimal.

    Past the bound (101 digits before the point, or a value of 10^101 or more) the number is a HUGE token.
    """
    whole, part = divmod(units, 10**decimals)
    digits = (f"{whole:,}" if commas else str(whole)) + (f".{part:0{decimals}d}" if decimals else "")
    if decimals and not whole and not commas and part % 2:
        digits = digits[1:]  # ".5" as well as "0.5"
    text = ("-" if negative else "") + digits + suffix
    [token] = scan(text, reading)
    plain = digits.replace(",", "")
    scale = F(_SCALE_SUFFIXES[suffix])
    expected = F(Decimal(plain)) * scale
    if expected >= 10**MAX_WHOLE_DIGITS:
        assert token.type is TokenType.HUGE and token.numeral is None
        return
    assert token.numeral is not None
    assert token.numeral.value == (-expected if negative else expected)
    assert token.numeral.step == step_of(plain, reading) * scale
    assert token.numeral.step_under(Hedge.ABOUT) == step_of(plain, reading, hedged=True) * scale
    assert token.numeral.text == text


# -- the scanner's fast paths against the code they replaced (kept here as the oracle) --


def _reference_normalise(text: str) -> str:
    from factcheck.words import stated

    text = text.lower()
    text = stated._DASHES.sub("-", text)
    text = stated._MINUS_BEFORE_CURRENCY.sub(r"\1-", text)
    text = stated._PENCE.sub(stated._pence_as_pounds, text)
    return stated._SPACES.sub(" ", text).strip()


@functools.cache
def _reference_scanner() -> re.Pattern[str]:
    """The scanner with its phrases as a plain alternation, longest first: the trie must match as it does."""
    from factcheck.words import stated

    phrases = sorted(stated._phrase_table(), key=len, reverse=True)
    alternation = "|".join((re.escape(p).replace(r"\ ", r"\s+") + ("" if p == "%" else r"(?![a-z])")) for p in phrases)
    return re.compile(stated._scanner().pattern.replace(stated._phrase_pattern(), alternation))


def _reference_tokens(text: str, reading: Reading) -> list[stated_module.Token]:
    from factcheck.words import stated

    table = stated._phrase_table()
    found = []
    for match in _reference_scanner().finditer(text):
        span = match.span()
        if match.group("year"):
            found.append(stated._Token(stated._T.YEAR, match.group(0), span))
        elif match.group("cur"):
            found.append(stated._Token(stated._T.CURRENCY, match.group(0), span))
        elif match.group("num"):
            numeral = stated._digits_numeral(match, reading)
            kind = stated._T.NUMBER if numeral is not None else stated._T.HUGE
            found.append(stated._Token(kind, match.group(0), span, numeral))
        elif match.group("phrase"):
            phrase = stated._SPACES.sub(" ", match.group("phrase"))
            kind, value = table[phrase]
            if isinstance(value, str):  # a number word joined to "fold"
                found.append(stated._Token(stated._T.NUMWORD, value, (span[0], span[0] + len(value))))
                found.append(stated._Token(stated._T.TIMES, "fold", (span[0] + len(value), span[1])))
            else:
                found.append(stated._Token(kind, phrase, span))
        elif match.group("word"):
            word = match.group(0)
            letters = all(c.isalpha() or c in "'’" for c in word)
            found.append(stated._Token(stated._T.WORD if letters else stated._T.SYMBOL, word, span))
        else:
            mark = match.group(0)
            found.append(stated._Token(stated._T.SIGN if mark == "+" else stated._T.SYMBOL, mark, span))
    return stated._join_number_words(found, reading)


def _pieces() -> st.SearchStrategy[str]:
    from factcheck.words import stated

    words = sorted(stated._phrase_table())
    return (
        st.sampled_from(words)
        | st.sampled_from(
            [
                "£",
                "$",
                "€",
                "-",
                "−",
                "–",
                "p",
                "45p",
                "-£5",
                "2019-20",
                "1.5m",
                "3bn",
                "12 million",
                "%",
                ",",
                ".",
                "  ",
                "\t",
                "A",
                "Ünder",
                "a",
                "foo",
                "1,405",
                "0.25",
                ".5",
                "2,000,000.5",
                "+",
                "½",
                "‰",
                "¥",
                "²",
                "don't",
                "bn",
                "mln",
                "9" * 120,
            ]
        )
        | st.from_regex(r"-?[0-9]{1,7}(\.[0-9]{1,3})?(bn|m|k| million| thousand)?", fullmatch=True)
    )


@given(st.lists(_pieces(), max_size=8).map(" ".join), st.sampled_from(list(Reading)))
def test_normalise_and_tokens_are_the_plain_code(text: str, reading: Reading) -> None:
    from factcheck.words import stated

    norm = stated._normalise(text)
    assert norm == _reference_normalise(text)
    assert stated._tokens(norm, reading) == _reference_tokens(norm, reading)
    assert stated._tokens(text, reading) == _reference_tokens(text, reading)


# -- second edition: plain numbers keep two significant figures ------------------------------------


@pytest.mark.parametrize(
    ("text", "step"),
    [("1,640", 10), ("64,300", 100), ("£1,500", 100), ("400", 10), ("1,000", 100), ("20,000", 1000), ("10", 1),
     ("62,435", 1), ("3.5", F(1, 10)), ("3.50", F(1, 100)), ("0", 1), ("5", 1), ("£20m", 10**6), ("£200m", 10**7),
     ("two hundred", 100), ("a million", 10**6), ("1.5 million", 10**5), ("twenty", 1), ("ten", 1),
     ("two hundred and fifty", 10), ("five dozen", 12), ("a dozen", 12), ("twenty million", 10**6),
     ("two hundred thousand", 100_000), ("two and a half million", 500_000), ("three", 1)],
)  # fmt: skip
def test_the_step_of_a_plain_count(text: str, step: int) -> None:
    assert parse_stated(text, "value").step == step


@pytest.mark.parametrize(
    ("text", "step"),
    [("about 4,000", 1000), ("more than 30,000", 10_000), ("about 10", 10), ("nearly 1,000", 1000),
     ("about twenty", 10), ("about twenty million", 10**7), ("about two hundred", 100), ("about 62,435", 1)],
)  # fmt: skip
def test_a_hedged_count_keeps_every_trailing_zero(text: str, step: int) -> None:
    assert parse_stated(text, "value").step == step


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("10 per cent", "value"),
        ("one in 20", "one_in"),
        ("120 per 100,000", "rate"),
        ("400 times", "ratio"),
        ("up 400%", "change"),
    ],
)
def test_measures_are_read_to_their_last_digit(text: str, kind: str) -> None:
    assert parse_stated(text, kind).step == 1


@pytest.mark.parametrize(("text", "value"), [("10", 14), ("1,000", 501), ("ten", 14), ("20,000", 16_000)])
def test_round_plain_numbers_no_longer_cover_a_wide_range(text: str, value: int) -> None:
    assert not parse_stated(text, "value").interval.contains(value)  # "10 deaths" for 14 is contradicted


@given(st.integers(1, 10**15))
def test_a_plain_count_has_two_significant_figures_and_its_hedged_step_every_zero(n: int) -> None:
    digits = str(n)
    zeros = len(digits) - len(digits.rstrip("0"))
    plain = parse_stated(f"{n:,}", "value")
    hedged = parse_stated(f"about {n:,}", "value")
    assert plain.step == 10 ** min(zeros, max(len(digits) - 2, 0))
    assert hedged.step == 10**zeros
    assert plain.interval.contains(n) and hedged.interval.contains(n)
    assert hedged.interval.width >= plain.interval.width


# -- second edition: signed numbers ----------------------------------------------------------------

_MINUS_SIGNS = ["-", "\u2212", "\u2013", "\u2014", "\u2010", "\u2012"]


@pytest.mark.parametrize(
    ("text", "kind", "expected"),
    [("-5%", "value", closed("-5.5", "-4.5")), ("-5%", "change", closed("-5.5", "-4.5")),
     ("\u22125%", "change", closed("-5.5", "-4.5")), ("-325", "difference", closed("-325.5", "-324.5")),
     ("-2.5 percentage points", "point_change", closed("-2.55", "-2.45")),
     ("-3.2%", "change", closed("-3.25", "-3.15")),
     ("a change of -3.2%", "change", closed("-3.25", "-3.15")), ("+4%", "change", closed("3.5", "4.5")),
     ("-£5", "value", closed("-5.5", "-4.5")), ("fell -5%", "change", closed("-5.5", "-4.5"))],
)  # fmt: skip
def test_a_signed_number_is_the_negative_interval(text: str, kind: str, expected: Interval) -> None:
    assert parse_stated(text, kind).interval == expected


@given(
    written_numbers(), st.sampled_from(_MINUS_SIGNS), st.sampled_from(["value", "share", "ratio", "rate", "formula"])
)
def test_a_minus_sign_negates_the_interval_in_every_kind(case: tuple[str, F, F], minus: str, kind: str) -> None:
    text, value, _ = case
    positive, negative = parse_stated(text, kind), parse_stated(minus + text, kind)
    assert negative.interval == positive.interval.negate()
    assert negative.centre == -value


@given(
    written_numbers(),
    st.sampled_from(_MINUS_SIGNS),
    st.sampled_from(["change", "difference", "point_change"]),
    st.sampled_from(["%", " per cent", "", " percentage points"]),
)
def test_a_minus_sign_is_a_fall_and_reads_as_the_word_for_one(
    case: tuple[str, F, F], minus: str, kind: str, unit: str
) -> None:
    text = case[0] + unit  # "-0%" too: the sign says which way it went, as "down 0%" does
    signed, worded = parse_stated(minus + text, kind), parse_stated("down " + text, kind)
    assert signed.direction == worded.direction == -1
    assert signed.interval == worded.interval
    assert (signed.interval.hi is not None and signed.interval.hi <= 0) or case[1] == 0


@pytest.mark.parametrize(
    ("text", "kind"),
    [("rose -5%", "change"), ("up -325", "difference"), ("-2.5 points more", "point_change"), ("fell +4%", "change")],
)
def test_a_sign_and_a_direction_word_that_disagree_are_an_error(text: str, kind: str) -> None:
    with pytest.raises(PhraseError, match="pull both ways"):
        parse_stated(text, kind)


@pytest.mark.parametrize("text", ["5+", "5 + 3", "+ 5"])
def test_a_plus_that_is_not_a_sign_is_an_error(text: str) -> None:
    with pytest.raises(PhraseError, match="sign"):
        parse_stated(text, "value")


# -- second edition: one in N, the same in every kind ----------------------------------------------


@pytest.mark.parametrize(
    ("text", "kind", "expected"),
    [("one for every 510 people", "one_in", closed("509.5", "510.5")),
     ("one for every 510 people", "rate", closed("509.5", "510.5")),
     ("one adult waiting for every 640 residents", "rate", closed("639.5", "640.5")),
     ("one adult waiting for every 640 residents", "one_in", closed("639.5", "640.5")),
     ("one prisoner per 500 people", "one_in", closed("499.5", "500.5")),
     ("one prisoner per 500 people", "rate", closed("499.5", "500.5")),
     ("1 in 20", "one_in", closed("19.5", "20.5")), ("one in every 20", "rate", closed("19.5", "20.5")),
     ("one in five", "ratio", Interval(F(2, 11), F(2, 9))),
     ("fewer than one in five", "one_in", Interval(F(5), F(6), True, True)),
     ("fewer than one in five", "share", Interval(F(50, 3), F(20), True, True)),
     ("more than one in five", "share", Interval(F(20), F(25), True, True)),
     ("nearly one in five", "share", Interval(F(200, 11), F(20), False, True)),
     ("more than one for every 640", "rate", Interval(F(639), F(640), True, True)),
     ("three in four", "share", closed("67.5", "82.5")),  # K in N with K ≠ 1 stays a fraction, ±10%
     ("8.7 in every 100,000", "rate", closed("8.65", "8.75"))],
)  # fmt: skip
def test_one_in_n_is_rounded_on_n(text: str, kind: str, expected: Interval) -> None:
    assert parse_stated(text, kind).interval == expected


@pytest.mark.parametrize(("text", "one_in", "expected"), [
    ("1 per 100,000", False, closed("0.5", "1.5")), ("1 for every 1,000 people", False, closed("0.5", "1.5")),
    ("one per 100,000", True, closed("99999.5", "100000.5")), ("1 per 640", True, closed("639.5", "640.5")),
    ("1 for every 510 people", True, closed("509.5", "510.5")),
    ("1 in every 100,000", True, closed("99999.5", "100000.5")),
    ("1.0 per 1,000", False, closed("0.95", "1.05")),
])  # fmt: skip
def test_a_digit_one_per_a_power_of_ten_is_a_rate(text: str, one_in: bool, expected: Interval) -> None:
    """ "1 per 100,000" is how a rate is written; "one per 100,000" and "1 for every 510" are one in N."""
    stated = parse_stated(text, "rate")
    assert stated.one_in is one_in
    assert stated.interval == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [("1 per 100,000", closed("99999.5", "100000.5")), ("3 for every 10", Interval(F(19, 6), F(7, 2)))],
)
def test_on_one_in_every_per_phrase_is_k_in_n(text: str, expected: Interval) -> None:
    assert parse_stated(text, "one_in").interval == expected


def test_one_in_n_on_a_rate_is_judged_on_n_with_no_per() -> None:
    stated = parse_stated("one adult waiting for every 640 residents", "rate")
    assert stated.one_in and stated.per is None and stated.centre == 640
    assert not parse_stated("122 offenders for every 100,000 people", "rate").one_in


@given(
    st.integers(2, 10**6),
    st.sampled_from(
        [
            "one in {}",
            "1 in {}",
            "one in every {}",
            "one for every {}",
            "one person for every {} people",
            "one adult per {} residents",
        ]
    ),
    st.sampled_from(["", "more than ", "fewer than ", "nearly ", "about ", "at least "]),
)
def test_one_in_n_reads_the_same_in_every_kind(n: int, form: str, hedge: str) -> None:
    text = hedge + form.format(f"{n:,}")
    on_n = parse_stated(text, "one_in").interval
    assert parse_stated(text, "rate").interval == on_n
    share = parse_stated(text, "share").interval
    # the share is 100 / N for N in the interval on N: the same values, whichever way they are written
    for probe in (on_n.lo, on_n.hi, F(n), F(2 * n + 1, 2), F(2 * n - 1, 2)):
        if probe is not None and probe > 0:
            inside = on_n.contains(probe)
            assert share.contains(100 / probe) == inside, (text, probe)


def test_one_in_n_of_a_kind_that_has_no_proportion_is_an_error() -> None:
    with pytest.raises(PhraseError, match="'one in N' needs kind"):
        parse_stated("one in five", "point_change")


# -- second edition: no word silently dropped ------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "same_as"),
    [("£5 bn", "£5bn"), ("5 mln", "5m"), ("5 mn", "5m"), ("£3.4 bn", "£3.4bn"), ("$5b", "$5bn"), ("5 bln", "5bn"),
     ("2 trn", "2tn"), ("£5 m", "£5m"), ("20 k", "20k"), ("five dozen", "60"), ("5 dozen", "60"),
     ("£5 BN", "£5bn"), ("3 hundred", "three hundred")],
)  # fmt: skip
def test_spaced_and_abbreviated_scales_are_read(text: str, same_as: str) -> None:
    stated, expected = parse_stated(text, "value"), parse_stated(same_as, "value")
    assert stated.centre == expected.centre


@pytest.mark.parametrize(
    ("text", "expected"),
    [("a couple of hundred", closed("150", "250")), ("a couple of thousand", closed("1500", "2500")),
     ("a couple of million", closed("1500000", "2500000")), ("a couple of dozen", closed("18", "30")),
     ("a couple of people", closed("1.5", "2.5")), ("five dozen", closed("54", "66"))],
)  # fmt: skip
def test_dozen_and_a_couple_of(text: str, expected: Interval) -> None:
    assert parse_stated(text, "value").interval == expected


_UNIT_NOUNS = [
    "offenders",
    "people",
    "deaths",
    "pupils",
    "applications",
    "households",
    "men",
    "days",
    "cars",
    "knife offences",
    "people killed or seriously injured",
    "rough sleepers",
    "incidents",
    "adults",
]


@pytest.mark.parametrize("noun", _UNIT_NOUNS)
@pytest.mark.parametrize("number", ["1,405", "12", "£5bn", "three", "64,300", "1.5 million"])
def test_a_noun_after_a_number_is_the_thing_counted(number: str, noun: str) -> None:
    assert parse_stated(f"{number} {noun}", "value") == attrs.evolve(
        parse_stated(number, "value"), text=f"{number} {noun}"
    )


@pytest.mark.parametrize(
    ("text", "word"),
    [("20-odd", "odd"), ("20 odd", "odd"), ("a few hundred", "few"), ("5 lakh", "lakh"), ("2 crore", "crore"),
     ("5 grand", "grand"), ("50 basis points", "basis"), ("20-plus", "plus"), ("5 mil", "mil"), ("3 mio", "mio"),
     ("12th", "th"), ("5e6", "e"), ("1990s", "s"), ("5zz", "zz"), ("5 bps", "bps"), ("5 BPS", "bps"),
     ("5 xqz", "xqz"), ("5  xqz", "xqz"), ("5 Xq", "xq"), ("£5 milion", "milion"), ("3 thousnad", "thousnad"),
     ("2 bilion people", "bilion"), ("4 hundreds", "hundreds"), ("5 millions", "millions"), ("6 dozens", "dozens"),
     ("£5 bl", "bl"), ("five bn", "bn"), ("five mln", "mln"), ("10 squared", "squared"), ("three score", "score"),
     ("5‰", "‰"), ("¥5bn", "¥"), ("2½ times", "½"), ("10²", "²"), ("5 ± 2", "±"), ("= 5", "=")],
)  # fmt: skip
def test_a_word_that_would_change_the_number_is_an_error_quoting_it(text: str, word: str) -> None:
    with pytest.raises(PhraseError) as info:
        parse_stated(text, "value")
    assert repr(word) in str(info.value)


@pytest.mark.parametrize(
    "text",
    ["an 18-minute wait", "seven-minute", "a 12-week course", "3 hrs", "25 mph", "5 km", "10kg", "1.5C", "£5,000 pa",
     "a grand total of 500", "10 years", "15 years", "30 months", "38 days", "16 times", "12 NHS trusts", "40 MPs",
     "three GPs", "5 CCTV cameras", "12  NHS trusts", " 12 NHS trusts "],
)  # fmt: skip
def test_harmless_words_around_a_number_are_read_past(text: str) -> None:
    assert parse_stated(text, "value").interval.is_bounded


@given(
    st.sampled_from(["1,405", "12", "3.5", "£64,300", "twenty-one"]),
    st.text(alphabet="bcdfghjklmnpqrstvwxz", min_size=1, max_size=4),
)
def test_an_unknown_abbreviation_after_a_number_is_never_dropped(number: str, word: str) -> None:
    """A word without a vowel after a number is read (a known scale or unit) or refused, never dropped."""
    from factcheck.words.table import PERCENT_WORDS, POINT_WORDS, SCALES, TIMES_WORDS, UNIT_ABBREVIATIONS

    text = f"{number} {word}"
    try:
        stated = parse_stated(text, "value")
    except PhraseError as exc:
        refused = str(exc)
    else:
        refused = ""
    if refused:
        assert repr(word) in refused  # refused, quoting the word
        return
    if word in SCALES and number[-1].isdigit():
        assert stated.centre == parse_stated(number, "value").centre * SCALES[word]  # type: ignore[operator]
    else:
        assert word in UNIT_ABBREVIATIONS | {*PERCENT_WORDS, *POINT_WORDS, *TIMES_WORDS}


@given(
    st.sampled_from(_UNIT_NOUNS),
    st.sampled_from(["1,405", "12", "3.5", "64,300", "twenty-one", "a million"]),
    st.sampled_from(["value", "rate", "share", "ratio"]),
)
def test_unit_nouns_never_change_the_interval(noun: str, number: str, kind: str) -> None:
    assert parse_stated(f"{number} {noun}", kind).interval == parse_stated(number, kind).interval


# -- second edition: language the second edition adds --------------------------------------------


@pytest.mark.parametrize(
    ("text", "kind", "expected"),
    [("eightfold", "ratio", closed("7.5", "8.5")), ("tenfold", "ratio", closed("9.5", "10.5")),
     ("a twofold rise", "ratio", closed("1.5", "2.5")),
     ("almost eightfold", "ratio", Interval(F("7.5"), F(8), False, True)),
     ("almost threefold", "ratio", Interval(F("2.5"), F(3), False, True)),
     ("two and a half times", "ratio", closed("2.25", "2.75")), ("three-fold", "ratio", closed("2.5", "3.5")),
     ("10x", "ratio", closed("9.5", "10.5")), ("an eightfold increase", "change", closed("650", "750")),
     ("a twofold rise", "change", closed("50", "150")), ("rose threefold", "change", closed("150", "250")),
     ("one and a half times", "ratio", closed("1.25", "1.75")),
     ("half a million", "value", closed("450000", "550000")),
     ("a quarter of a million", "value", closed("225000", "275000")),
     ("three-quarters of a billion", "value", closed("675000000", "825000000")),
     ("half a dozen", "value", closed("5.4", "6.6")),
     ("nearly half a million", "value", Interval(F(450_000), F(500_000), False, True)),
     ("more than a quarter of a million", "value", Interval(F(250_000), F(275_000), True, False)),
     ("two and a half million", "value", closed("2250000", "2750000")),
     ("a handful", "value", Interval(F(2), F(10), False, True)),
     ("several", "value", Interval(F(3), F(10), False, True)),
     ("dozens", "value", Interval(F(24), F(100), False, True)),
     ("scores", "value", Interval(F(40), F(200), False, True)),
     ("hundreds", "value", Interval(F(200), F(1000), False, True)),
     ("thousands", "value", Interval(F(2000), F(10_000), False, True)),
     ("tens of thousands", "value", Interval(F(20_000), F(100_000), False, True)),
     ("hundreds of thousands", "value", Interval(F(200_000), F(1_000_000), False, True)),
     ("millions", "value", Interval(F(2_000_000), F(10_000_000), False, True)),
     ("dozens of adults", "value", Interval(F(24), F(100), False, True)),
     ("hundreds more", "difference", Interval(F(200), F(1000), False, True)),
     ("hundreds fewer", "difference", Interval(F(-1000), F(-200), True, False)),
     ("Fourteen", "value", closed("13.5", "14.5")), ("Twenty-one", "value", closed("20.5", "21.5")),
     ("an 18-minute wait", "value", closed("17.5", "18.5")), ("seven-minute", "value", closed("6.5", "7.5")),
     ("a 12-week course", "value", closed("11.5", "12.5"))],
)  # fmt: skip
def test_language_the_second_edition_adds(text: str, kind: str, expected: Interval) -> None:
    assert parse_stated(text, kind).interval == expected


@pytest.mark.parametrize(("text", "kind", "message"), [
    ("dozens", "share", "needs kind 'value'"), ("more than dozens", "value", "qualifier on a vague amount"),
    ("half a million", "share", "needs kind 'value'"), ("several hundred", "value", "vague amount with a number"),
    ("fell threefold", "change", "a fall by a multiple"), ("eightfold", "value", "needs kind 'ratio' or 'change'"),
])  # fmt: skip
def test_the_new_words_in_kinds_they_do_not_fit_are_errors(text: str, kind: str, message: str) -> None:
    with pytest.raises(PhraseError, match=message):
        parse_stated(text, kind)


@pytest.mark.parametrize(
    "text", ["compared with", "compared to", "versus", "vs", "against", "while", "whereas", "Compared With"]
)
def test_words_that_state_no_relation_make_a_neutral_comparison(text: str) -> None:
    stated = parse_stated(text, "comparison")
    assert stated.relation is None and stated.neutral == text.lower()
    with pytest.raises(PhraseError, match="states no relation"):
        parse_relation(text)


def test_a_relation_word_beside_a_neutral_one_is_the_relation() -> None:
    assert parse_stated("higher than, compared with", "comparison").relation is Relation.GREATER
    with pytest.raises(PhraseError, match="states no amount"):
        parse_stated("compared with 31 days", "comparison")


# -- hostile phrases: bounded, quick and clean -----------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "9" * 1_000_000,
        "1" + "0" * 1_000_000,
        "1" + ",000" * 300_000,
        "0." + "0" * 1_000 + "1",
        "£" + "9" * 200 + "bn",
        "a " + "million " * 20,
        "a " + "thousand " * 40,
        "0" * 1_000_000 + "1" + "0" * 102,
        "1" + "0" * 99 + " trillion",
    ],
    ids=[
        "million-nines",
        "ten-to-the-million",
        "commas",
        "tiny",
        "money",
        "million-million",
        "thousand-thousand",
        "leading-zeros",
        "scaled-past",
    ],
)
def test_a_number_past_the_bound_is_a_quick_clean_error(text: str) -> None:
    started = time.perf_counter()
    with pytest.raises(PhraseError, match="too long") as info:
        parse_stated(text, "value")
    assert time.perf_counter() - started < 2
    assert len(str(info.value)) < 500  # quoted shortened, never a megabyte


@pytest.mark.parametrize("text", ["word " * 300_000, "one " * 300_000, "ten " + "million " * 166_667, "1 " * 300_000])
@pytest.mark.parametrize("kind", ["value", "comparison", "rate"])
def test_a_phrase_too_long_to_be_the_words_for_a_number_is_refused_first(text: str, kind: str) -> None:
    started = time.perf_counter()
    with pytest.raises(PhraseError, match="too long to read") as info:
        parse_stated(text, kind)
    assert time.perf_counter() - started < 1
    assert len(str(info.value)) < 500
    assert parse_stated("x" * (MAX_STATED_LENGTH - 4) + " 122", "value").centre == 122  # the bound, not below it


def test_the_bound_is_that_of_figures() -> None:
    assert parse_stated("9" * MAX_WHOLE_DIGITS, "value").centre == 10**MAX_WHOLE_DIGITS - 1
    assert parse_stated("0." + "0" * 99 + "1", "value").step == F(1, 10**100)
    assert parse_stated("00" + "9" * (MAX_WHOLE_DIGITS - 2), "value").interval.contains(
        10 ** (MAX_WHOLE_DIGITS - 2) - 1
    )
    with pytest.raises(PhraseError):  # the digits as written are bounded, leading zeros too
        parse_stated("0" * 5000 + "5", "value")
    with pytest.raises(PhraseError):
        parse_numeral("9" * (MAX_WHOLE_DIGITS + 1))
    huge = scan("about " + "9" * 5000 + " people")
    assert [t.type for t in huge] == [TokenType.HEDGE, TokenType.HUGE, TokenType.WORD]  # a reader of articles goes on


@pytest.mark.parametrize(
    "value",
    [
        float("inf"),
        float("-inf"),
        float("nan"),
        Decimal("Infinity"),
        Decimal("NaN"),
        "inf%",
        "inf",
        "nan",
        "1e400",
        10**500,
        -(10**500),
        Decimal("1E+400"),
        Decimal("1E-400"),
        "9" * 5000,
        "9" * 5000 + "%",
        "0." + "0" * 200 + "1",
        -1,
        "-1%",
        True,
        None,
        [1],
    ],
    ids=lambda v: type(v).__name__ + ":" + (repr(v)[:12] if not isinstance(v, int) or abs(v) < 10**20 else "huge"),
)
def test_a_hostile_tolerance_is_a_clean_value_error(value: object) -> None:
    with pytest.raises(ValueError, match="tolerance") as info:
        parse_tolerance(value)
    assert len(str(info.value)) < 300


@pytest.mark.parametrize(("value", "expected"), [
    (2, Tolerance(F(2), relative=False)), (0.1, Tolerance(F(1, 10), relative=False)),
    (Decimal("0.25"), Tolerance(F(1, 4), relative=False)), ("2%", Tolerance(F(1, 50), relative=True)),
    ("2 per cent", Tolerance(F(1, 50), relative=True)), ("1.5", Tolerance(F(3, 2), relative=False)),
])  # fmt: skip
def test_a_tolerance_reads_exactly(value: object, expected: Tolerance) -> None:
    assert parse_tolerance(value) == expected


# -- the assembler's steps, one at a time ------------------------------------------------------------


def _assembler(text: str, kind: str = "change") -> stated_module._Assembler:
    norm = stated_module._normalise(text)
    tokens = stated_module._tokens(norm, stated_module.Reading.MEASURE)
    return stated_module._Assembler(text, norm, kind, tokens, "nearest", None, None, False)


def test_gathering_puts_each_word_in_its_place() -> None:
    assembler = _assembler("up nearly £5 per 1,000")
    words = assembler._gather(assembler.tokens)
    assert (words.unit, words.per, words.plus, words.directions) == ("GBP", F(1000), False, [1])
    assert words.hedge is not None and [t.text for t in words.quantity] == ["5"]
    assert [t.text for t in words.per_words] == ["per", "1,000"]


def test_the_one_quantity_and_one_direction() -> None:
    assembler = _assembler("one for every 640 residents", "rate")
    words = assembler._gather(assembler.tokens)
    group, per = assembler._the_quantity(words)
    assert [t.text for t in group] == ["one", "for every", "640"] and per is None  # one in 640, not a rate per 640
    with pytest.raises(PhraseError, match="direction words pull both ways"):
        assembler._the_direction([1, -1])
    two = _assembler("4% and 5%")
    with pytest.raises(PhraseError, match="more than one number"):
        two._the_quantity(two._gather(two.tokens))
