"""load/slots.py: a text with slots, and matching a text against it in bounded time."""

from __future__ import annotations

import time

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from factcheck.load.slots import MAX_SLOT, Miss, Pattern, Slot, fill, match_pattern, parse_slots, slug

# -- slots ---------------------------------------------------------------------------------------


def test_slots_and_literal_braces() -> None:
    pieces, problem = parse_slots("In {area}, {{not a slot}} {n_2}")
    assert problem is None
    assert pieces == ("In ", Slot("area"), ", {not a slot} ", Slot("n_2"))
    assert fill(pieces, {"area": "Eastfold", "n_2": "7"}) == "In Eastfold, {not a slot} 7"


@pytest.mark.parametrize(
    ("text", "says"),
    [
        ("a {area", "never closed"),
        ("a } b", "closes no slot"),
        ("a {two words} b", "is not a slot"),
        ("{" + "x" * 61 + "}", "longer than"),
    ],
)
def test_a_stray_brace_is_an_error(text: str, says: str) -> None:
    pieces, problem = parse_slots(text)
    assert pieces == ()
    assert problem is not None and says in problem


def test_slug() -> None:
    assert slug("North Rhyn & Vale (2020)") == "north-rhyn-vale-2020"


# -- matching ------------------------------------------------------------------------------------


def _pattern(text: str) -> Pattern:
    pieces, problem = parse_slots(text)
    assert problem is None
    return Pattern.of(pieces, [(0, 0)])


def test_match_fills_each_slot_shortest_first() -> None:
    found = match_pattern(
        _pattern("In {area} there were {n} cases in {area}."), "In North Rhyn there were 1,405 cases in North Rhyn."
    )
    assert found == {"area": "North Rhyn", "n": "1,405"}


def test_a_slot_used_twice_must_say_the_same() -> None:
    found = match_pattern(
        _pattern("In {area} there were {n} cases in {area}."), "In Eastfold there were 9 cases in Westmarch."
    )
    assert isinstance(found, Miss)


def test_a_slot_spans_at_most_max_slot_characters() -> None:
    pattern = _pattern("A {x} B")
    assert match_pattern(pattern, "A " + "y" * MAX_SLOT + " B") == {"x": "y" * MAX_SLOT}
    assert isinstance(match_pattern(pattern, "A " + "y" * (MAX_SLOT + 1) + " B"), Miss)


def test_an_ambiguous_template_is_matched_in_bounded_time() -> None:
    """Slots separated by one repeated letter: a backtracking regex would take exponential time."""
    pattern = _pattern(" a ".join(f"{{s{i}}}" for i in range(12)) + " end")
    text = " a ".join(["a a"] * 12) + " finish"
    started = time.perf_counter()
    assert isinstance(match_pattern(pattern, text), Miss)
    assert time.perf_counter() - started < 5


_WORD = st.text(alphabet="abcdefgh ,.0123456789", min_size=1, max_size=12).filter(lambda w: w.strip() == w and w != "")


@settings(max_examples=200, deadline=None)
@given(
    literals=st.lists(st.text(alphabet="xyz;:", min_size=1, max_size=6), min_size=1, max_size=6),
    fillings=st.data(),
)
def test_random_templates_and_fillings_match_back(literals: list[str], fillings: st.DataObject) -> None:
    """Slots between literals that their words never contain: the match gives back the very words filled in."""
    pieces: list[str | Slot] = []
    for index, literal in enumerate(literals):
        pieces += [literal, Slot(f"s{index}")]
    pieces.append(".")
    pattern = Pattern.of(pieces, [(0, 0)])
    values = {f"s{index}": fillings.draw(_WORD) for index in range(len(literals))}
    assert match_pattern(pattern, fill(pieces, values)) == values
