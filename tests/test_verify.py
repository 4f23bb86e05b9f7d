"""Recomputation and verdicts, kind by kind, and the rules that hold for any claim."""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable
from fractions import Fraction as F
from pathlib import Path

import attrs
import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from factcheck.claims import (
    ChangeClaim,
    ComparisonClaim,
    Figure,
    RateClaim,
    ShareClaim,
    SourceKind,
    ValueClaim,
)
from factcheck.claimsfile import load_claims_file
from factcheck.interval import Interval
from factcheck.numbers import show
from factcheck.stated import parse_stated
from factcheck.verify import Verdict, _magnitude, _may_meet, _merge, _weakest, check_file, verify_claim, verify_file
from tests.conftest import CLAIMS_DIR, HEADER
from tests.strategies import written_numbers


def outcomes_of(write_claims: Callable[..., Path], body: str) -> dict[str, object]:
    result = check_file(write_claims(HEADER + body))
    assert not result.errors, [str(e) for e in result.errors]
    return {o.id: o for o in result.outcomes}


FIGURES = """
[figures]
a2019 = { value = 1364, unit = "offender" }
a2020 = { value = 1405, unit = "offender" }
pop = { value = 1151639, unit = "person" }
ew = { value = 62435, unit = "offender" }
ewpop = { value = 52466387, unit = "person" }
part = { value = 1389, unit = "offender" }
pct_then = { value = 66.2, unit = "percent" }
pct_now = { value = 68.7, unit = "percent" }
cost = { value = 1214600, unit = "GBP" }
rounded_pop = { value = 64300, unit = "person", rounded = 100 }
"""


def claim(id_: str, kind: str, stated: str, **inputs: str) -> str:
    fields = "\n".join(f'  {k} = {v!r}' if not isinstance(v, str) else f'  {k} = "{v}"' for k, v in inputs.items())
    return f'\n  [[sentences.claims]]\n  id = "{id_}"\n  kind = "{kind}"\n  stated = "{stated}"\n{fields}\n'


def sentence(*claims: str) -> str:
    # a claim's `stated` must be found in its sentence (second edition), so the sentence quotes them all
    said = " and ".join(re.findall(r'stated = "([^"]*)"', "".join(claims))) or "A sentence."
    return f'\n[[sentences]]\ntext = "{said}"\n' + "".join(claims)


@pytest.mark.parametrize(
    ("kind", "stated", "inputs", "verdict", "gross"),
    [
        ("value", "1,405", {"figure": "a2020"}, "supported", False),
        ("value", "nearly 1,500", {"figure": "a2020"}, "loose", False),
        ("value", "nearly 1,410", {"figure": "a2020"}, "supported", False),
        ("value", "more than 1,400", {"figure": "a2020"}, "supported", False),
        ("value", "more than 1,405", {"figure": "a2020"}, "contradicted", False),
        ("value", "£1.2m", {"figure": "cost"}, "supported", False),
        ("value", "64,300", {"figure": "rounded_pop"}, "supported", False),
        ("value", "64,250", {"figure": "rounded_pop"}, "supported", False),
        ("value", "64,000", {"figure": "rounded_pop"}, "supported", False),
        ("value", "64,100", {"figure": "rounded_pop"}, "contradicted", False),
        ("rate", "122 per 100,000", {"numerator": "a2020", "denominator": "pop"}, "supported", False),
        ("rate", "122 offenders for every 100,000 people", {"numerator": "a2020", "denominator": "pop"},
         "supported", False),
        ("rate", "1.2 per 1,000", {"numerator": "a2020", "denominator": "pop"}, "supported", False),
        ("rate", "130 per 100,000", {"numerator": "a2020", "denominator": "pop"}, "contradicted", False),
        ("one_in", "one in every 820 people", {"numerator": "a2020", "denominator": "pop"}, "supported", False),
        ("one_in", "one in every 769 people", {"numerator": "a2020", "denominator": "pop"}, "contradicted", False),
        ("change", "up three per cent", {"from": "a2019", "to": "a2020"}, "supported", False),
        ("change", "down three per cent", {"from": "a2019", "to": "a2020"}, "contradicted", True),
        ("change", "three per cent", {"from": "a2019", "to": "a2020"}, "supported", False),
        ("change", "up 5%", {"from": "a2019", "to": "a2020"}, "contradicted", False),
        ("change", "fell by 3%", {"from": "a2020", "to": "a2019"}, "supported", False),
        ("point_change", "up 2.5 percentage points", {"from": "pct_then", "to": "pct_now"}, "supported", False),
        ("point_change", "up 3.8 percentage points", {"from": "pct_then", "to": "pct_now"}, "contradicted", False),
        ("difference", "41 more", {"from": "a2019", "to": "a2020"}, "supported", False),
        ("difference", "41 fewer", {"from": "a2019", "to": "a2020"}, "contradicted", True),
        ("ratio", "nearly 50 times", {"numerator": "ew", "denominator": "a2020"}, "loose", False),
        ("ratio", "nearly 23 times", {"numerator": "ew", "denominator": "a2020"}, "contradicted", False),
        ("ratio", "44 times", {"numerator": "ew", "denominator": "a2020"}, "supported", False),
        ("share", "the vast majority", {"part": "part", "whole": "a2020"}, "supported", False),
        ("share", "almost all", {"part": "part", "whole": "a2020"}, "supported", False),
        ("share", "a minority", {"part": "part", "whole": "a2020"}, "contradicted", True),
        ("share", "98.9%", {"part": "part", "whole": "a2020"}, "supported", False),
        ("share", "half", {"part": "part", "whole": "a2020"}, "contradicted", False),
        ("comparison", "above", {"left": "a2020", "right": "a2019"}, "supported", False),
        ("comparison", "below", {"left": "a2020", "right": "a2019"}, "contradicted", True),
        ("comparison", "the same as", {"left": "a2020", "right": "a2020"}, "supported", False),
        ("comparison", "above", {"left": "a2020", "right": "a2020"}, "contradicted", False),
        ("comparison", "at least", {"left": "a2020", "right": "a2020"}, "supported", False),
        ("formula", "41", {"expr": "a2020 - a2019"}, "supported", False),
        ("formula", "£1.21m", {"expr": "cost * 1"}, "supported", False),
    ],
)
def test_kinds(write_claims: Callable[..., Path], kind: str, stated: str, inputs: dict[str, str], verdict: str,
               gross: bool) -> None:
    outcome = outcomes_of(write_claims, FIGURES + sentence(claim("c", kind, stated, **inputs)))["c"]
    assert (outcome.verdict.value, outcome.gross) == (verdict, gross), outcome.explanation  # type: ignore[attr-defined]


def test_explanation_shows_the_arithmetic(write_claims: Callable[..., Path]) -> None:
    outcome = outcomes_of(write_claims, FIGURES + sentence(
        claim("r", "rate", "122 per 100,000", numerator="a2020", denominator="pop")))["r"]
    assert outcome.explanation == "1,405 / 1,151,639 × 100,000 = 122.0, which rounds to 122"  # type: ignore[attr-defined]


def test_references_use_the_other_claims_recomputed_value(write_claims: Callable[..., Path]) -> None:
    outcomes = outcomes_of(write_claims, FIGURES + sentence(
        claim("wm", "rate", "122 per 100,000", numerator="a2020", denominator="pop"),
        claim("ewr", "rate", "119 per 100,000", numerator="ew", denominator="ewpop"),
        claim("above", "comparison", "above", left="wm", right="ewr"),
    ))
    assert outcomes["above"].verdict is Verdict.SUPPORTED  # type: ignore[attr-defined]
    assert "[wm: 122] > [ewr: 119]" in outcomes["above"].explanation  # type: ignore[attr-defined]


def test_rates_per_different_bases_compare_correctly(write_claims: Callable[..., Path]) -> None:
    outcomes = outcomes_of(write_claims, FIGURES + sentence(
        claim("per1k", "rate", "1.2 per 1,000", numerator="a2020", denominator="pop"),
        claim("per100k", "rate", "119 per 100,000", numerator="ew", denominator="ewpop"),
        claim("above", "comparison", "above", left="per1k", right="per100k"),
    ))
    assert outcomes["above"].verdict is Verdict.SUPPORTED  # type: ignore[attr-defined]


@pytest.mark.parametrize(
    ("body", "message"),
    [
        (sentence(claim("c", "value", "1", figure="a2002")), "no figure or claim is named 'a2002'; did you mean"),
        (sentence(claim("x", "share", "half", part="y", whole="a2020"),
                  claim("y", "share", "half", part="x", whole="a2020")), "cycle"),
        (sentence(claim("c", "share", "half", part="a2020", whole="pop")), "not compatible"),
        (sentence(claim("c", "change", "up 4%", **{"from": "a2020", "to": "pop"})), "not compatible"),
        (sentence(claim("c", "share", "half", part="ew", whole="a2020")), "above 100%"),
        (sentence(claim("c", "value", "many", figure="a2020")), "stated: no number"),
        (sentence(claim("c", "value", "4%", figure="a2020")), "per cent"),
        (sentence(claim("c", "value", "£4", figure="a2020")), "GBP"),
        (sentence(claim("c", "rate", "4", numerator="a2020", denominator="pop")), "needs `per`"),
        (sentence(claim("c", "point_change", "up 2 points", **{"from": "a2019", "to": "a2020"})), "percentages"),
        (sentence(claim("c", "change", "up 4%", direction="decrease", **{"from": "a2019", "to": "a2020"})),
         "opposite"),
    ],
)
def test_errors_name_the_problem(write_claims: Callable[..., Path], body: str, message: str) -> None:
    outcomes = outcomes_of(write_claims, FIGURES + body)
    errors = [o for o in outcomes.values() if o.verdict is Verdict.ERROR]  # type: ignore[attr-defined]
    assert errors
    assert message in errors[0].explanation  # type: ignore[attr-defined]


def test_zero_denominator_is_an_error(write_claims: Callable[..., Path]) -> None:
    outcomes = outcomes_of(write_claims, '[figures]\nz = { value = 0, unit = "person" }\n'
                           'n = { value = 5, unit = "offender" }\n'
                           + sentence(claim("c", "rate", "5 per 100", numerator="n", denominator="z"),
                                      claim("ok", "value", "5", figure="n")))
    assert outcomes["c"].verdict is Verdict.ERROR  # type: ignore[attr-defined]
    assert "zero" in outcomes["c"].explanation  # type: ignore[attr-defined]
    assert outcomes["ok"].verdict is Verdict.SUPPORTED  # type: ignore[attr-defined]


def test_near_miss_is_flagged_as_a_rounding_slip(write_claims: Callable[..., Path]) -> None:
    # 1,405 / 1,151,639 × 100,000 = 122.0; "123" misses by less than one step
    outcome = outcomes_of(write_claims, FIGURES + sentence(
        claim("c", "rate", "123 per 100,000", numerator="a2020", denominator="pop")))["c"]
    assert outcome.verdict is Verdict.CONTRADICTED and outcome.near_miss  # type: ignore[attr-defined]
    assert "rounding slip" in outcome.explanation  # type: ignore[attr-defined]
    far = outcomes_of(write_claims, FIGURES + sentence(
        claim("c", "rate", "125 per 100,000", numerator="a2020", denominator="pop")))["c"]
    assert far.verdict is Verdict.CONTRADICTED and not far.near_miss  # type: ignore[attr-defined]


def test_claim_without_inputs_is_unchecked(write_claims: Callable[..., Path]) -> None:
    outcome = outcomes_of(write_claims, sentence(claim("c", "value", "about 140")))["c"]
    assert outcome.verdict is Verdict.UNCHECKED  # type: ignore[attr-defined]


def test_basis_is_the_weakest_source(write_claims: Callable[..., Path]) -> None:
    body = """
[sources.off]
title = "Table"
[sources.art]
title = "The article"
kind = "article"
[figures]
a = { value = 10, unit = "offender", source = "off" }
b = { value = 20, unit = "offender", source = "art" }
c = { value = 30, unit = "offender" }
""" + sentence(claim("ab", "difference", "10 more", **{"from": "a", "to": "b"}), claim("aa", "value", "10", figure="a"),
               claim("ac", "difference", "20 more", **{"from": "a", "to": "c"}))
    outcomes = outcomes_of(write_claims, body)
    assert outcomes["aa"].basis is SourceKind.OFFICIAL  # type: ignore[attr-defined]
    assert outcomes["ab"].basis is SourceKind.ARTICLE  # type: ignore[attr-defined]
    assert outcomes["ac"].basis is SourceKind.UNSOURCED  # type: ignore[attr-defined]


def test_verify_claim_in_code() -> None:
    figures = [Figure("rso", F(1405), "offender"), Figure("pop", F(1151600), "person", rounded=F(100))]
    good = RateClaim(id="rate", stated="122 per 100,000", numerator="rso", denominator="pop")
    assert verify_claim(good, figures).verdict is Verdict.SUPPORTED
    bad = attrs.evolve(good, stated="112 per 100,000")
    assert verify_claim(bad, figures).verdict is Verdict.CONTRADICTED


# -- rules over many inputs --------------------------------------------------------------------

counts = st.integers(min_value=1, max_value=10**8)


@settings(max_examples=150, deadline=None)
@given(counts, counts, st.integers(0, 3))
def test_a_rate_written_from_its_figures_verifies_and_one_step_out_does_not(num: int, den: int, places: int) -> None:
    value = F(num, den) * 100_000
    step = F(1, 10**places)
    written = _round_half_even(value, step)
    text = show(written, places) if places else f"{int(written):,}"
    figures = [Figure("n", F(num), "offender"), Figure("d", F(den), "person")]
    rate = RateClaim(id="r", stated=f"{text} per 100,000", numerator="n", denominator="d")
    assert verify_claim(rate, figures).verdict is Verdict.SUPPORTED
    for pushed in (written + 2 * step, written - 2 * step):
        assume(pushed > 0)
        text = show(pushed, places) if places else f"{int(pushed):,}"
        outside = attrs.evolve(rate, stated=f"{text} per 100,000")
        assert verify_claim(outside, figures).verdict is Verdict.CONTRADICTED


@settings(max_examples=150, deadline=None)
@given(counts, counts)
def test_a_change_written_from_its_figures_verifies_with_its_direction(old: int, new: int) -> None:
    assume(old != new)
    change = (F(new, old) - 1) * 100
    written = _round_half_even(abs(change), F(1, 10))
    word = "up" if change > 0 else "down"
    figures = [Figure("old", F(old), "offender"), Figure("new", F(new), "offender")]
    claim_ = ChangeClaim(id="c", stated=f"{word} {show(written, 1)}%", from_="old", to="new")
    assume(written > 0)
    assert verify_claim(claim_, figures).verdict is Verdict.SUPPORTED
    flipped = attrs.evolve(claim_, stated=f"{'down' if word == 'up' else 'up'} {show(written, 1)}%")
    outcome = verify_claim(flipped, figures)
    assert outcome.verdict is Verdict.CONTRADICTED and outcome.gross


@settings(max_examples=100, deadline=None)
@given(counts, counts)
def test_a_share_and_comparison_from_figures(part: int, extra: int) -> None:
    whole = part + extra
    share = F(part, whole) * 100
    figures = [Figure("p", F(part), "case"), Figure("w", F(whole), "case")]
    written = _round_half_even(share, F(1, 10))
    assert verify_claim(ShareClaim(id="s", stated=f"{show(written, 1)}%", part="p", whole="w"),
                        figures).verdict is Verdict.SUPPORTED
    above = ComparisonClaim(id="c", stated="above", left="w", right="p")
    assert verify_claim(above, figures).verdict is Verdict.SUPPORTED
    below = attrs.evolve(above, stated="below")
    outcome = verify_claim(below, figures)
    assert outcome.verdict is Verdict.CONTRADICTED and outcome.gross


def _round_half_even(value: F, step: F) -> F:
    return round(value / step) * step  # Fraction.__round__ is exact, ties to even


@given(st.integers(min_value=0, max_value=10**12))
def test_a_value_always_verifies_against_itself(value: int) -> None:
    figure = Figure("f", F(value), "pupil")
    assert verify_claim(ValueClaim(id="v", stated=f"{value:,}", figure="f"), [figure]).verdict is Verdict.SUPPORTED


# -- the example article, and mutations of it -----------------------------------------------------

EXAMPLE = CLAIMS_DIR / "west-mercia-mappa-2020.claims.toml"


def test_example_article_is_fully_checked() -> None:
    result = check_file(EXAMPLE)
    assert not result.errors and not result.gaps
    numeric = [o for o in result.outcomes if o.kind != "sentence"]
    assert len(numeric) >= 12
    assert {o.verdict for o in numeric} == {Verdict.SUPPORTED}
    assert result.exit_status(strict=True) == 0


_NUMBER = re.compile(r"\d[\d,]*(?:\.\d+)?|\b(?:one|two|three|four|five|six|seven|eight|nine|ten)\b")
_WORD_VALUES = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
                "ten": 10}


def _push_outside(stated: str, computed_hi: F, computed_lo: F) -> str | None:
    """The stated words with their number moved just far enough that the computed value falls outside."""
    match = _NUMBER.search(stated)
    if match is None:
        return None
    raw = match.group(0)
    decimals = len(raw.split(".")[1]) if "." in raw else 0
    step = F(1, 10**decimals)
    value = F(_WORD_VALUES[raw]) if raw in _WORD_VALUES else F(raw.replace(",", ""))
    pushed = value
    while pushed - step / 2 <= computed_hi:
        pushed += step
    pushed += step  # clear of any rounding-step widening
    text = show(pushed, decimals) if decimals else f"{int(pushed):,}"
    return stated[: match.start()] + text + stated[match.end():]


def _mutated_results(tmp_path: Path, source: Path, mutate: Callable[[dict[str, object]], str | None]) -> list[tuple[str, object]]:
    original = load_claims_file(source)
    baseline = {o.id: o for o in verify_file(original).outcomes}
    text = source.read_text(encoding="utf-8")
    results = []
    for claim_ in original.claims():
        new_stated = mutate({"claim": claim_, "outcome": baseline[claim_.id]})
        if new_stated is None:
            continue
        line = f'stated = "{claim_.stated}"'
        index = text.index(line, text.index(f'id = "{claim_.id}"'))
        mutated = text[:index] + f'stated = "{new_stated}"' + text[index + len(line):]
        # the sentence says the mutated words too: `stated` must be found in it (second edition)
        said = mutated.rindex("\ntext = ", 0, index)
        said_end = mutated.index("\n", said + 1)
        mutated = mutated[:said] + mutated[said:said_end].replace(claim_.stated, new_stated, 1) + mutated[said_end:]
        path = tmp_path / source.name
        path.write_text(mutated, encoding="utf-8")
        for name in ("west-mercia-mappa-2020.txt",):
            if (source.parent / name).exists() and not (tmp_path / name).exists():
                (tmp_path / name).write_text((source.parent / name).read_text(encoding="utf-8"), encoding="utf-8")
        outcome = {o.id: o for o in check_file(path).outcomes}[claim_.id]
        results.append((f"{claim_.id}: {new_stated!r}", outcome))
    return results


def test_every_stated_number_pushed_outside_is_caught(tmp_path: Path) -> None:
    def mutate(case: dict[str, object]) -> str | None:
        outcome = case["outcome"]
        computed = outcome.computed  # type: ignore[attr-defined]
        if computed is None:
            return None
        return _push_outside(case["claim"].stated, computed.hi, computed.lo)  # type: ignore[attr-defined]

    results = _mutated_results(tmp_path, EXAMPLE, mutate)
    assert len(results) >= 12
    for label, outcome in results:
        assert outcome.verdict is Verdict.CONTRADICTED, (label, outcome.explanation)  # type: ignore[attr-defined]


_FLIPS = {"above": "below", "below": "above", "higher than": "lower than", "lower than": "higher than",
          "more than": "fewer than", "growing": "falling", "increase": "decrease", "decrease": "increase",
          "up": "down", "down": "up", "rose": "fell", "fell": "rose", "rise": "fall", "rising": "falling",
          "more": "fewer", "fewer": "more", "extra": "fewer", "the vast majority": "a minority"}


def _flip(stated: str) -> str | None:
    for word, opposite in sorted(_FLIPS.items(), key=lambda kv: -len(kv[0])):
        pattern = re.compile(rf"\b{re.escape(word)}\b", re.IGNORECASE)
        if pattern.search(stated):
            return pattern.sub(opposite, stated, count=1)
    return None


def test_every_direction_word_flipped_is_gross(tmp_path: Path) -> None:
    def mutate(case: dict[str, object]) -> str | None:
        claim_ = case["claim"]
        if claim_.kind not in ("change", "difference", "point_change", "comparison", "share"):  # type: ignore[attr-defined]
            return None
        return _flip(claim_.stated)  # type: ignore[attr-defined]

    results = _mutated_results(tmp_path, EXAMPLE, mutate)
    assert len(results) >= 3
    for label, outcome in results:
        assert outcome.verdict is Verdict.CONTRADICTED and outcome.gross, (label, outcome.explanation)  # type: ignore[attr-defined]


def test_a_claim_using_an_unchecked_claim_is_unchecked_too(write_claims: Callable[..., Path]) -> None:
    outcomes = outcomes_of(write_claims, FIGURES + sentence(
        claim("helped", "value", "about 140"),
        claim("share", "share", "a fifth", part="helped", whole="a2020"),
    ))
    assert outcomes["share"].verdict is Verdict.UNCHECKED  # type: ignore[attr-defined]
    assert "helped" in outcomes["share"].explanation  # type: ignore[attr-defined]


@pytest.mark.parametrize(
    ("stated", "expected"),
    [("an increase of 3% compared with 2019", "supported"), ("up 3% on March 2019", "supported"),
     ("plummeted by 3%", "contradicted")],
)
def test_years_beside_the_number_are_not_numbers(write_claims: Callable[..., Path], stated: str, expected: str) -> None:
    outcome = outcomes_of(write_claims, FIGURES + sentence(
        claim("c", "change", stated, **{"from": "a2019", "to": "a2020"})))["c"]
    assert outcome.verdict.value == expected  # type: ignore[attr-defined]


def test_a_negative_count_is_an_error(write_claims: Callable[..., Path]) -> None:
    outcomes = outcomes_of(write_claims, '[figures]\nn = { value = -5, unit = "offender" }\n'
                           'm = { value = -5, unit = "GBP" }\n'
                           + sentence(claim("c", "value", "5", figure="n"), claim("money", "value", "-£5", figure="m")))
    assert outcomes["c"].verdict is Verdict.ERROR and "negative count" in outcomes["c"].explanation  # type: ignore[attr-defined]
    assert outcomes["money"].verdict is Verdict.SUPPORTED  # type: ignore[attr-defined]


def test_a_claim_is_never_suggested_as_its_own_input(write_claims: Callable[..., Path]) -> None:
    outcome = outcomes_of(write_claims, FIGURES + sentence(claim("teachers", "value", "5", figure="teachers_2024")))
    assert "did you mean 'teachers'" not in outcome["teachers"].explanation  # type: ignore[attr-defined]


@settings(max_examples=200, deadline=None)
@given(written_numbers(), st.sampled_from([1, -1]))
def test_a_figure_one_step_outside_the_words_is_contradicted(case: tuple[str, F, F], side: int) -> None:
    text, value, step = case
    assume(value - step >= 0)
    stated = ValueClaim(id="v", stated=text, figure="f")
    assert verify_claim(stated, [Figure("f", value, "pupil")]).verdict is Verdict.SUPPORTED
    # a count's trailing zeros widen its step ("1,000" is to the nearest 1,000): use the words' own step
    own_step = parse_stated(text, "value").step
    assert own_step is not None
    one_step_out = verify_claim(stated, [Figure("f", value + side * own_step, "pupil")])
    assert one_step_out.verdict is Verdict.CONTRADICTED and not one_step_out.near_miss
    # between half a step and a step away: contradicted, but flagged as a likely rounding slip
    slip = verify_claim(stated, [Figure("f", value + side * own_step * F(3, 4), "pupil")])
    assert slip.verdict is Verdict.CONTRADICTED and slip.near_miss


@pytest.mark.parametrize(
    ("unit", "stated", "verdict"),
    [("incident per 100,000 person", "1,660 per 100,000", "supported"),
     ("incident per 100,000 person", "16.6 per 1,000", "supported"),
     ("incident per 100,000 person", "1,660", "supported"),
     ("incident / person", "16.6 per 1,000", "contradicted"),
     ("incident", "16.6 per 1,000", "error")],
)
def test_a_value_stated_per_another_base_is_converted(write_claims: Callable[..., Path], unit: str, stated: str,
                                                      verdict: str) -> None:
    outcome = outcomes_of(write_claims, f'[figures]\nr = {{ value = 1660, unit = "{unit}" }}\n'
                          + sentence(claim("c", "value", stated, figure="r")))["c"]
    assert outcome.verdict.value == verdict, outcome.explanation  # type: ignore[attr-defined]


@st.composite
def _touching_intervals(draw: st.DrawFn, *, bounded: bool) -> Interval:
    """Intervals on few values, either side of zero, so that ends often touch; open or closed ends."""
    values = st.fractions(min_value=-3, max_value=3, max_denominator=2)
    ends = values if bounded else st.none() | values
    lo, hi = draw(ends), draw(ends)
    if lo is not None and hi is not None and lo > hi:
        lo, hi = hi, lo
    return Interval(lo, hi, draw(st.booleans()) or lo is None, draw(st.booleans()) or hi is None)


@given(_touching_intervals(bounded=True), _touching_intervals(bounded=False))
def test_the_diagnosis_sieve_is_the_value_its_negation_or_its_size_meeting_the_words(
        computed: Interval, tight: Interval) -> None:
    expected = computed.overlaps(tight) or computed.overlaps(tight.negate()) or _magnitude(computed).overlaps(tight)
    assert _may_meet(computed, tight) is expected


def test_weakest_and_merge_agree_with_their_plain_definitions() -> None:
    """The two-argument helpers every recompute calls, against the obvious code, exhaustively."""
    kinds = [None, *SourceKind]
    for a, b in itertools.product(kinds, kinds):
        present = [k for k in (a, b) if k is not None]
        assert _weakest(a, b) is (max(present, key=lambda k: k.rank) if present else None)
    groups = [tuple(p) for n in range(4) for p in itertools.product("xyz", repeat=n)]
    for g, h in itertools.product(groups, groups):
        assert _merge(g, h) == tuple(dict.fromkeys((*g, *h)))
