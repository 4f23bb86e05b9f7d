"""The word table: every entry is read by `stated` as the table says, and `factcheck words` shows them all."""

from __future__ import annotations

import re
from collections.abc import Iterable
from fractions import Fraction

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from factcheck.errors import PhraseError
from factcheck.words.markdown import table_rows
from factcheck.words.stated import parse_stated
from factcheck.words.table import (
    ATTACHED_SCALES,
    COMPARATORS,
    COUPLE,
    CURRENCIES,
    DASHES,
    DEFINITION_WORDS,
    DIRECTIONS,
    FILLER_WORDS,
    FORECAST_WORDS,
    FRACTION_TOLERANCE,
    FRACTIONS,
    HEDGES,
    IN_WORDS,
    MULTIPLES,
    NEUTRAL_COMPARISONS,
    NUMBER_WORDS,
    OPINION_WORDS,
    PER_WORDS,
    PERCENT_WORDS,
    POINT_WORDS,
    PROPORTIONS,
    SCALE_WORDS,
    SCALES,
    SPACED_SCALES,
    STATES_A_NUMBER,
    TIMES_WORDS,
    TYPOGRAPHIC,
    UNIT_ABBREVIATIONS,
    UNREAD_WORDS,
    VAGUE_AMOUNTS,
    Hedge,
    looks_abbreviated,
    looks_like_a_scale_word,
)


@pytest.mark.parametrize("word", sorted(FRACTIONS))
def test_every_fraction_word_contains_its_own_value(word: str) -> None:
    stated = parse_stated(word, "share")
    assert stated.interval.contains(FRACTIONS[word] * 100)
    # within ±10% of its value
    assert stated.interval.lo == FRACTIONS[word] * 100 * Fraction(9, 10)


@pytest.mark.parametrize("word", sorted(PROPORTIONS))
def test_every_proportion_word_reads_as_its_table_entry(word: str) -> None:
    stated = parse_stated(word, "share")
    assert stated.interval == PROPORTIONS[word].interval
    assert stated.side == PROPORTIONS[word].side


@pytest.mark.parametrize("word", sorted(MULTIPLES))
def test_every_multiple_contains_its_own_ratio(word: str) -> None:
    multiple = MULTIPLES[word]
    assert multiple.interval.contains(multiple.ratio)
    assert parse_stated(word, "ratio").interval == multiple.interval
    change = parse_stated(word, "change").interval
    assert change.contains((multiple.ratio - 1) * 100)


@pytest.mark.parametrize("phrase", sorted(HEDGES))
def test_every_hedge_is_read(phrase: str) -> None:
    stated = parse_stated(f"{phrase} 40", "value")
    assert stated.hedge is HEDGES[phrase]
    if HEDGES[phrase] is Hedge.ABOUT:
        assert stated.interval.contains(40)


@pytest.mark.parametrize("phrase", sorted(VAGUE_AMOUNTS))
def test_every_vague_amount_reads_as_its_table_entry(phrase: str) -> None:
    amount = VAGUE_AMOUNTS[phrase]
    for text in (phrase, f"about {phrase}", f"{phrase} of people"):
        stated = parse_stated(text, "value")
        assert stated.interval == amount.interval
        assert stated.interval.contains(amount.interval.centre)


@pytest.mark.parametrize("scale", sorted(w for w in SCALE_WORDS if w != "dozen"))
def test_a_couple_of_a_scale_word_is_one_and_a_half_to_two_and_a_half_of_it(scale: str) -> None:
    stated = parse_stated(f"{COUPLE} {scale}", "value")
    value = SCALE_WORDS[scale]
    assert (stated.interval.lo, stated.interval.hi) == (value * Fraction(3, 2), value * Fraction(5, 2))


@pytest.mark.parametrize("scale", sorted(SCALE_WORDS))
@pytest.mark.parametrize(
    "fraction", ["half a", "a quarter of a", "three-quarters of a", "a third of a", "two-thirds of a"]
)
def test_every_fraction_of_every_scale_word_is_within_a_tenth(fraction: str, scale: str) -> None:
    words = {
        "half a": "half",
        "a quarter of a": "a quarter",
        "three-quarters of a": "three-quarters",
        "a third of a": "a third",
        "two-thirds of a": "two-thirds",
    }
    value = FRACTIONS[words[fraction]] * SCALE_WORDS[scale]
    stated = parse_stated(f"{fraction} {scale}", "value")
    assert stated.interval.lo == value * (1 - FRACTION_TOLERANCE)
    assert stated.interval.hi == value * (1 + FRACTION_TOLERANCE)


@pytest.mark.parametrize("word", sorted(w for w, v in NUMBER_WORDS.items() if v))
def test_every_number_word_joined_to_fold_is_that_multiple(word: str) -> None:
    assert parse_stated(f"{word}fold", "ratio").interval == parse_stated(f"{word} times", "ratio").interval
    assert parse_stated(f"almost {word}fold", "ratio").interval.hi == NUMBER_WORDS[word]


@pytest.mark.parametrize("scale", sorted(ATTACHED_SCALES))
@given(st.integers(1, 999), st.sampled_from(["", "£", "$"]))
def test_every_scale_abbreviation_is_read_joined_or_spaced(scale: str, n: int, currency: str) -> None:
    joined = parse_stated(f"{currency}{n}{scale}", "value")
    spaced = parse_stated(f"{currency}{n} {scale}", "value")
    assert joined.centre == spaced.centre == n * SCALES[scale]
    assert joined.interval == spaced.interval


@pytest.mark.parametrize("scale", sorted(SPACED_SCALES))
def test_every_scale_is_read_after_digits_and_a_space(scale: str) -> None:
    assert parse_stated(f"3 {scale}", "value").centre == 3 * SCALES[scale]


@pytest.mark.parametrize("word", sorted(UNREAD_WORDS))
@pytest.mark.parametrize("where", ["5 {}", "5-{}", "a {} 500"])
def test_every_unread_word_beside_a_number_is_an_error_quoting_it(word: str, where: str) -> None:
    with pytest.raises(PhraseError) as info:
        parse_stated(where.format(word), "value")
    assert repr(word) in str(info.value)


@pytest.mark.parametrize("word", sorted(UNIT_ABBREVIATIONS))
def test_every_unit_abbreviation_is_harmless_after_a_number(word: str) -> None:
    plain = parse_stated("1,405", "value").interval
    assert parse_stated(f"1,405 {word}", "value").interval == plain
    assert parse_stated(f"1,405{word}", "value").interval == plain


def test_the_abbreviation_rule_counts_y_as_a_vowel() -> None:
    assert looks_abbreviated("bn") and looks_abbreviated("mln") and looks_abbreviated("bps")
    assert not looks_abbreviated("gyms") and not looks_abbreviated("people")


@pytest.mark.parametrize(("word", "expected"), [
    ("milion", True), ("millon", True), ("miilion", True), ("thousnad", True), ("bilion", True), ("hundered", True),
    ("dozne", True), ("million", False), ("millions", True), ("people", False), ("offenders", False), ("mills", False),
    ("hundreds", True), ("dozens", True), ("trillions", True), ("billions", True), ("thousands", True),
])  # fmt: skip
def test_a_scale_word_misspelt_is_caught(word: str, expected: bool) -> None:
    # the plurals are vague amounts, read before this is asked: refused after a number either way
    assert looks_like_a_scale_word(word) is expected


@given(st.sampled_from(sorted(SCALE_WORDS)), st.integers(0, 20), st.sampled_from("abcdefghijklmnopqrstuvwxyz"))
def test_every_one_letter_slip_in_a_scale_word_is_caught(scale: str, at: int, letter: str) -> None:
    at %= len(scale) + 1
    for slip in (scale[:at] + letter + scale[at:], scale[:at] + scale[at + 1 :], scale[:at] + letter + scale[at + 1 :]):
        if slip != scale and slip[:1] == scale[:1]:
            assert looks_like_a_scale_word(slip), slip


def test_no_word_is_both_read_past_and_refused_or_read_as_a_scale() -> None:
    read_past = FILLER_WORDS | UNIT_ABBREVIATIONS
    assert not UNREAD_WORDS & read_past
    assert not UNIT_ABBREVIATIONS & set(SCALES)
    assert not UNREAD_WORDS & set(SCALES)


@pytest.mark.parametrize("phrase", NEUTRAL_COMPARISONS)
def test_every_neutral_comparison_states_no_relation(phrase: str) -> None:
    stated = parse_stated(phrase, "comparison")
    assert stated.relation is None and stated.neutral == phrase


def test_table_rows_cover_every_word() -> None:
    text = " ".join(words for words, _, _ in table_rows())
    lists: list[Iterable[str]] = [
        HEDGES,
        PROPORTIONS,
        MULTIPLES,
        VAGUE_AMOUNTS,
        NEUTRAL_COMPARISONS,
        NUMBER_WORDS,
        SCALES,
        UNREAD_WORDS,
        UNIT_ABBREVIATIONS,
        PERCENT_WORDS,
        POINT_WORDS,
        DIRECTIONS,
        COMPARATORS,
        CURRENCIES,
        FILLER_WORDS,
    ]
    for words in lists:
        for phrase in words:
            assert f'"{phrase}"' in text, phrase
    meanings = " ".join(meaning for _, _, meaning in table_rows())
    for phrase in TIMES_WORDS:
        assert f'"{phrase}"' in meanings
    for phrase in [*PER_WORDS, *IN_WORDS]:
        assert phrase in text


# -- every word list in the one table: the lists that moved here read exactly as they did ----------

#: The rules as they were written where the lists used to be (extract.py, claimsfile.py, quoting.py,
#: stated.py), before the lists moved into the table: the moved lists must read every text alike.
_OLD_FORECAST = re.compile(
    r"\b(?:will|shall|expects?|expected|expecting|forecasts?|forecast|predicts?|predicted|projected|plans? to|"
    r"planning to|is set to|are set to|aims? to|intends? to|due to be|next (?:year|month|week|winter|summer|spring))\b",
    re.IGNORECASE,
)
_OLD_OPINION = re.compile(
    r"\b(?:says?|said|claims?|claimed|argues?|argued|believes?|believed|warns?|warned|call(?:s|ed|ing)? for|"
    r"urg(?:es?|ed|ing)|insists?|insisted|likely|should|must do)\b",
    re.IGNORECASE,
)
_OLD_DEFINITION = re.compile(
    r"\b(?:covers?|cover only|is based on|are based on|based on|means|meaning|is defined|are defined|defined as|"
    r"refers? to|known as|are supposed to|is supposed to|have to|has to|are required|is required|counts?|"
    r"include|includes|excluding|excludes?)\b",
    re.IGNORECASE,
)
_OLD_HAS_NUMBER = re.compile(
    r"\d|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|forty|fifty|"
    r"hundred|thousand|million|billion|half|third|quarter|fifth|majority|minority|most|doubled|trebled|tripled|"
    r"halved|twice)\b",
    re.IGNORECASE,
)
_OLD_DASHES = re.compile(r"[\u2010-\u2015\u2212]")
_OLD_TYPOGRAPHIC = {
    **{ord(c): "'" for c in "\u2018\u2019\u201a\u201b\u2032\u02bc\uff07\u2039\u203a"},
    **{ord(c): '"' for c in "\u201c\u201d\u201e\u201f\u2033\uff02\u00ab\u00bb"},
    **{ord(c): "-" for c in "\u2010\u2011\u2012\u2013\u2014\u2015\u2212\ufe63\uff0d\ufe58"},
    **{ord(c): None for c in "\u00ad\u200b\u200c\u200d\u2060\ufeff"},
}
_PIECES = sorted(
    {
        *FORECAST_WORDS,
        *OPINION_WORDS,
        *DEFINITION_WORDS,
        *STATES_A_NUMBER,
        "plans",
        "to",
        "next",
        "urg",
        "urgent",
        "call",
        "calls",
        "forecaster",
        "counted",
        "one-off",
        "2",
        "Will",
        "SAID",
        "ten",
        "tennis",
        "halve",
        "covert",
        "set",
    }
)


@settings(max_examples=300)
@given(st.lists(st.sampled_from(_PIECES) | st.text(alphabet="abcdefghij -.,", max_size=6), max_size=8))
def test_the_drafting_and_coverage_words_read_as_before(words: list[str]) -> None:
    from factcheck.drafting import extract  # the patterns built from the table
    from factcheck.load import coverage

    text = " ".join(words)
    for new, old in (
        (extract._FORECAST, _OLD_FORECAST),
        (extract._OPINION, _OLD_OPINION),
        (extract._DEFINITION, _OLD_DEFINITION),
        (coverage._HAS_NUMBER, _OLD_HAS_NUMBER),
    ):
        assert (new.search(text) is None) == (old.search(text) is None), (new.pattern, text)


def test_the_marks_read_as_before() -> None:
    from factcheck.words import stated

    assert TYPOGRAPHIC == _OLD_TYPOGRAPHIC and list(TYPOGRAPHIC) == list(_OLD_TYPOGRAPHIC)
    every = "".join(map(chr, range(0x2000, 0x2300))) + "\ufe58\ufe63\uff0d-"
    assert stated._DASHES.sub("-", every) == _OLD_DASHES.sub("-", every)
    assert set(DASHES) < {chr(code) for code, to in TYPOGRAPHIC.items() if to == "-"}
