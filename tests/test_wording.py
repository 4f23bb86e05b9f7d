from __future__ import annotations

from fractions import Fraction

import pytest

from factcheck.stated import parse_stated
from factcheck.wording import FRACTIONS, HEDGES, MULTIPLES, PROPORTIONS, Hedge, table_rows


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


def test_table_rows_cover_every_word() -> None:
    text = " ".join(words for words, _, _ in table_rows())
    for phrase in [*HEDGES, *PROPORTIONS, *MULTIPLES]:
        assert f'"{phrase}"' in text
