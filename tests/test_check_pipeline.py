"""The check of a claims file, end to end: recomputation and verdicts, kind by kind, and the rules that hold for any claim."""

from __future__ import annotations

import datetime as dt
import re
import time
from collections.abc import Callable
from decimal import Decimal
from fractions import Fraction as F
from pathlib import Path

import attrs
import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from factcheck.check.pipeline import check_file, verify_claim, verify_file
from factcheck.check.verifier import Verifier
from factcheck.load.claimsfile import load_claims_file
from factcheck.model.claims import (
    Article,
    ChangeClaim,
    ClaimsFile,
    ComparisonClaim,
    Defaults,
    Figure,
    FormulaClaim,
    RateClaim,
    Sentence,
    ShareClaim,
    SourceKind,
    ValueClaim,
)
from factcheck.model.results import Outcome
from factcheck.model.verdicts import Verdict
from factcheck.numbers.display import show
from factcheck.numbers.units import parse_unit
from factcheck.words.stated import parse_stated
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
    fields = "\n".join(f"  {k} = {v!r}" if not isinstance(v, str) else f'  {k} = "{v}"' for k, v in inputs.items())
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
        (
            "rate",
            "122 offenders for every 100,000 people",
            {"numerator": "a2020", "denominator": "pop"},
            "supported",
            False,
        ),
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
def test_kinds(
    write_claims: Callable[..., Path], kind: str, stated: str, inputs: dict[str, str], verdict: str, gross: bool
) -> None:
    outcome = outcomes_of(write_claims, FIGURES + sentence(claim("c", kind, stated, **inputs)))["c"]
    assert (outcome.verdict.value, outcome.gross) == (verdict, gross), outcome.explanation  # type: ignore[attr-defined]


def test_explanation_shows_the_arithmetic(write_claims: Callable[..., Path]) -> None:
    outcome = outcomes_of(
        write_claims, FIGURES + sentence(claim("r", "rate", "122 per 100,000", numerator="a2020", denominator="pop"))
    )["r"]
    assert outcome.explanation == "1,405 / 1,151,639 × 100,000 = 122.0, which rounds to 122"  # type: ignore[attr-defined]


def test_references_use_the_other_claims_recomputed_value(write_claims: Callable[..., Path]) -> None:
    outcomes = outcomes_of(
        write_claims,
        FIGURES
        + sentence(
            claim("wm", "rate", "122 per 100,000", numerator="a2020", denominator="pop"),
            claim("ewr", "rate", "119 per 100,000", numerator="ew", denominator="ewpop"),
            claim("above", "comparison", "above", left="wm", right="ewr"),
        ),
    )
    assert outcomes["above"].verdict is Verdict.SUPPORTED  # type: ignore[attr-defined]
    assert "[wm: 122] > [ewr: 119]" in outcomes["above"].explanation  # type: ignore[attr-defined]


def test_the_verifier_keeps_only_the_reading_it_was_asked_for(write_claims: Callable[..., Path]) -> None:
    """The verifier keeps the last reading of a claim's words: asked again for the same claim and reading, it
    gives that back; for a unit that reads the words otherwise (no count: trailing zeros do not round), or for
    another claim, it reads them anew."""
    claims_file = load_claims_file(
        write_claims(
            HEADER
            + FIGURES
            + sentence(claim("v", "value", "1,400", figure="a2020"), claim("w", "value", "1,500", figure="a2019"))
        )
    )
    verifier = Verifier(claims_file)
    v, w = claims_file.claims()
    count = verifier.stated(v, None)
    assert verifier.stated(v, None) is count
    assert count == parse_stated("1,400", "value")
    rate = verifier.stated(v, parse_unit("offender / (100000 * person)"))
    assert rate == parse_stated("1,400", "value", count_like=False) != count
    assert verifier.stated(v, parse_unit("offender")) == count
    assert verifier.stated(w, None) == parse_stated("1,500", "value")
    assert verifier.stated(v, None) == count


def test_rates_per_different_bases_compare_correctly(write_claims: Callable[..., Path]) -> None:
    outcomes = outcomes_of(
        write_claims,
        FIGURES
        + sentence(
            claim("per1k", "rate", "1.2 per 1,000", numerator="a2020", denominator="pop"),
            claim("per100k", "rate", "119 per 100,000", numerator="ew", denominator="ewpop"),
            claim("above", "comparison", "above", left="per1k", right="per100k"),
        ),
    )
    assert outcomes["above"].verdict is Verdict.SUPPORTED  # type: ignore[attr-defined]


@pytest.mark.parametrize(
    ("body", "message"),
    [
        (sentence(claim("c", "value", "1", figure="a2002")), "no figure or claim is named 'a2002'; did you mean"),
        (
            sentence(
                claim("x", "share", "half", part="y", whole="a2020"),
                claim("y", "share", "half", part="x", whole="a2020"),
            ),
            "cycle",
        ),
        (sentence(claim("c", "share", "half", part="a2020", whole="pop")), "not compatible"),
        (sentence(claim("c", "change", "up 4%", **{"from": "a2020", "to": "pop"})), "not compatible"),
        (sentence(claim("c", "share", "half", part="ew", whole="a2020")), "above 100%"),
        (sentence(claim("c", "value", "many", figure="a2020")), "stated: no number"),
        (sentence(claim("c", "value", "4%", figure="a2020")), "per cent"),
        (sentence(claim("c", "value", "£4", figure="a2020")), "GBP"),
        (sentence(claim("c", "rate", "4", numerator="a2020", denominator="pop")), "needs `per`"),
        (sentence(claim("c", "point_change", "up 2 points", **{"from": "a2019", "to": "a2020"})), "percentages"),
        (sentence(claim("c", "change", "up 4%", direction="decrease", **{"from": "a2019", "to": "a2020"})), "opposite"),
    ],
)
def test_errors_name_the_problem(write_claims: Callable[..., Path], body: str, message: str) -> None:
    outcomes = outcomes_of(write_claims, FIGURES + body)
    errors = [o for o in outcomes.values() if o.verdict is Verdict.ERROR]  # type: ignore[attr-defined]
    assert errors
    assert message in errors[0].explanation  # type: ignore[attr-defined]


def test_zero_denominator_is_an_error(write_claims: Callable[..., Path]) -> None:
    outcomes = outcomes_of(
        write_claims,
        '[figures]\nz = { value = 0, unit = "person" }\n'
        'n = { value = 5, unit = "offender" }\n'
        + sentence(
            claim("c", "rate", "5 per 100", numerator="n", denominator="z"), claim("ok", "value", "5", figure="n")
        ),
    )
    assert outcomes["c"].verdict is Verdict.ERROR  # type: ignore[attr-defined]
    assert "zero" in outcomes["c"].explanation  # type: ignore[attr-defined]
    assert outcomes["ok"].verdict is Verdict.SUPPORTED  # type: ignore[attr-defined]


def test_near_miss_is_flagged_as_a_rounding_slip(write_claims: Callable[..., Path]) -> None:
    # 1,405 / 1,151,639 × 100,000 = 122.0; "123" misses by less than one step
    outcome = outcomes_of(
        write_claims, FIGURES + sentence(claim("c", "rate", "123 per 100,000", numerator="a2020", denominator="pop"))
    )["c"]
    assert outcome.verdict is Verdict.CONTRADICTED and outcome.near_miss  # type: ignore[attr-defined]
    assert "rounding slip" in outcome.explanation  # type: ignore[attr-defined]
    far = outcomes_of(
        write_claims, FIGURES + sentence(claim("c", "rate", "125 per 100,000", numerator="a2020", denominator="pop"))
    )["c"]
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
""" + sentence(
        claim("ab", "difference", "10 more", **{"from": "a", "to": "b"}),
        claim("aa", "value", "10", figure="a"),
        claim("ac", "difference", "20 more", **{"from": "a", "to": "c"}),
    )
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
    assert (
        verify_claim(ShareClaim(id="s", stated=f"{show(written, 1)}%", part="p", whole="w"), figures).verdict
        is Verdict.SUPPORTED
    )
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
_WORD_VALUES = {
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
}


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
    return stated[: match.start()] + text + stated[match.end() :]


def _mutated_results(
    tmp_path: Path, source: Path, mutate: Callable[[dict[str, object]], str | None]
) -> list[tuple[str, Outcome]]:
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
        mutated = text[:index] + f'stated = "{new_stated}"' + text[index + len(line) :]
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
        assert outcome.verdict is Verdict.CONTRADICTED, (label, outcome.explanation)


_FLIPS = {
    "above": "below",
    "below": "above",
    "higher than": "lower than",
    "lower than": "higher than",
    "more than": "fewer than",
    "growing": "falling",
    "increase": "decrease",
    "decrease": "increase",
    "up": "down",
    "down": "up",
    "rose": "fell",
    "fell": "rose",
    "rise": "fall",
    "rising": "falling",
    "more": "fewer",
    "fewer": "more",
    "extra": "fewer",
    "the vast majority": "a minority",
}


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
        assert outcome.verdict is Verdict.CONTRADICTED and outcome.gross, (label, outcome.explanation)


def test_a_claim_using_an_unchecked_claim_is_unchecked_too(write_claims: Callable[..., Path]) -> None:
    outcomes = outcomes_of(
        write_claims,
        FIGURES
        + sentence(
            claim("helped", "value", "about 140"),
            claim("share", "share", "a fifth", part="helped", whole="a2020"),
        ),
    )
    assert outcomes["share"].verdict is Verdict.UNCHECKED  # type: ignore[attr-defined]
    assert "helped" in outcomes["share"].explanation  # type: ignore[attr-defined]


@pytest.mark.parametrize(
    ("stated", "expected"),
    [
        ("an increase of 3% compared with 2019", "supported"),
        ("up 3% on March 2019", "supported"),
        ("plummeted by 3%", "contradicted"),
    ],
)
def test_years_beside_the_number_are_not_numbers(write_claims: Callable[..., Path], stated: str, expected: str) -> None:
    outcome = outcomes_of(
        write_claims, FIGURES + sentence(claim("c", "change", stated, **{"from": "a2019", "to": "a2020"}))
    )["c"]
    assert outcome.verdict.value == expected  # type: ignore[attr-defined]


def test_a_negative_count_is_an_error(write_claims: Callable[..., Path]) -> None:
    outcomes = outcomes_of(
        write_claims,
        '[figures]\nn = { value = -5, unit = "offender" }\n'
        'm = { value = -5, unit = "GBP" }\n'
        + sentence(claim("c", "value", "5", figure="n"), claim("money", "value", "-£5", figure="m")),
    )
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
    [
        ("incident per 100,000 person", "1,660 per 100,000", "supported"),
        ("incident per 100,000 person", "16.6 per 1,000", "supported"),
        ("incident per 100,000 person", "1,660", "supported"),
        ("incident / person", "16.6 per 1,000", "contradicted"),
        ("incident", "16.6 per 1,000", "error"),
    ],
)
def test_a_value_stated_per_another_base_is_converted(
    write_claims: Callable[..., Path], unit: str, stated: str, verdict: str
) -> None:
    outcome = outcomes_of(
        write_claims,
        f'[figures]\nr = {{ value = 1660, unit = "{unit}" }}\n' + sentence(claim("c", "value", stated, figure="r")),
    )["c"]
    assert outcome.verdict.value == verdict, outcome.explanation  # type: ignore[attr-defined]


# -- units are converted wherever two of one dimension meet (second edition) ---------------------

UNITS = """
[figures]
val_k = { value = 931, unit = "incident per 100,000 person" }
per_person = { value = 0.0071, unit = "incident / person" }
b = { value = 71, unit = "incident" }
popb = { value = 10000, unit = "person" }
a = { value = 93, unit = "incident" }
pop_k = { value = 10, unit = "1000 person" }
ten_days = { value = 10, unit = "day" }
one_week = { value = 1, unit = "week" }
six_weeks = { value = 6, unit = "week" }
d38 = { value = 38, unit = "day" }
d40 = { value = 40, unit = "day" }
d7 = { value = 7, unit = "day" }
cost_week = { value = 70, unit = "GBP / week" }
t_c = { value = 10, unit = "degC" }
t_f = { value = 50, unit = "degF" }
permille = { value = 5, unit = "permille" }
pct = { value = 0.7, unit = "percent" }
pence = { value = 250, unit = "pence" }
pence2 = { value = 100, unit = "pence" }
"""


@pytest.mark.parametrize(
    ("kind", "stated", "inputs", "verdict", "shown"),
    [
        # the report once said "[val: 9.31] < [rate-b: 7.1]: below, the wrong side" (gross) of these
        ("comparison", "above", {"left": "val", "right": "rate-b"}, "supported", "[val: 9.31] > [rate-b: 7.1]"),
        (
            "comparison",
            "above",
            {"left": "val", "right": "per_person"},
            "supported",
            "[val: 9.31] incident per 1,000 person > 0.0071 incident / person = 7.1 incident per 1,000 person",
        ),
        ("comparison", "below", {"left": "d38", "right": "six_weeks"}, "supported", "38 days < 6 weeks = 42 days"),
        ("comparison", "above", {"left": "d40", "right": "six_weeks"}, "contradicted", "40 days < 6 weeks = 42 days"),
        ("comparison", "the same as", {"left": "t_f", "right": "t_c"}, "supported", "50 degF = 10 degC = 50 degF"),
        (
            "ratio",
            "ten times",
            {"numerator": "ten_days", "denominator": "one_week"},
            "contradicted",
            "10 days / (1 week = 7 days) = 1.4",
        ),
        (
            "ratio",
            "1.43 times",
            {"numerator": "ten_days", "denominator": "one_week"},
            "supported",
            "10 days / (1 week = 7 days) = 1.429",
        ),
        (
            "one_in",
            "one in six",
            {"numerator": "d7", "denominator": "six_weeks"},
            "supported",
            "6 weeks / (7 days = 1 week) = 6",
        ),
        ("formula", "1.43", {"expr": "ten_days / one_week"}, "supported", "(10 days / (1 week = 7 days)) = 1.429"),
        ("formula", "£70", {"expr": "cost_week * d7"}, "supported", "(70 GBP / week × (7 days = 1 week)) = 70"),
        ("formula", "52", {"expr": "d38 + one_week * 2"}, "supported", "(38 days + ((1 × 2) weeks = 14 days)) = 52"),
        (
            "rate",
            "9.3 per 1,000",
            {"numerator": "a", "denominator": "pop_k"},
            "supported",
            "93 / (10 × 1000 person = 10,000 people) × 1,000 = 9.3",
        ),
        (
            "change",
            "up 10.5%",
            {"from": "d38", "to": "six_weeks"},
            "supported",
            "((6 weeks = 42 days) − 38 days) / 38 days × 100 = 10.53",
        ),
        ("difference", "4 more", {"from": "d38", "to": "six_weeks"}, "supported", "(6 weeks = 42 days) − 38 days = 4"),
        (
            "share",
            "16.7%",
            {"part": "d7", "whole": "six_weeks"},
            "supported",
            "(7 days = 1 week) / 6 weeks × 100 = 16.67",
        ),
        (
            "point_change",
            "up 0.2 points",
            {"from": "permille", "to": "pct"},
            "supported",
            "0.7 − (5 permilles = 0.5%) = 0.2",
        ),
        ("difference", "£1.50 less", {"from": "pence", "to": "pence2"}, "supported", "(100 − 250) pence = -1.50"),
        ("value", "£2.50", {"figure": "pence"}, "supported", "250 pence = 2.50"),
    ],
)
def test_units_are_converted_where_they_meet(
    write_claims: Callable[..., Path], kind: str, stated: str, inputs: dict[str, str], verdict: str, shown: str
) -> None:
    outcome = outcomes_of(
        write_claims,
        UNITS
        + sentence(
            claim("val", "value", "9.31 per 1,000", figure="val_k"),
            claim("rate-b", "rate", "7.1 per 1,000", numerator="b", denominator="popb"),
            claim("c", kind, stated, **inputs),
        ),
    )["c"]
    assert outcome.verdict.value == verdict, outcome.explanation  # type: ignore[attr-defined]
    assert outcome.explanation.startswith((shown + ",", shown + ":")), outcome.explanation  # type: ignore[attr-defined]
    assert not outcome.gross or verdict != "supported"  # type: ignore[attr-defined]


def test_the_wrong_side_after_conversion_is_gross(write_claims: Callable[..., Path]) -> None:
    outcome = outcomes_of(
        write_claims, UNITS + sentence(claim("c", "comparison", "above", left="d40", right="six_weeks"))
    )["c"]
    assert outcome.verdict is Verdict.CONTRADICTED and outcome.gross  # type: ignore[attr-defined]


@pytest.mark.parametrize("kind", ["comparison", "change", "difference", "share"])
def test_incompatible_units_are_an_error_never_a_verdict(write_claims: Callable[..., Path], kind: str) -> None:
    inputs, stated = {
        "comparison": (("left", "right"), "above"),
        "change": (("from", "to"), "up 5%"),
        "difference": (("from", "to"), "5 more"),
        "share": (("part", "whole"), "half"),
    }[kind]
    outcome = outcomes_of(
        write_claims, UNITS + sentence(claim("c", kind, stated, **{inputs[0]: "d7", inputs[1]: "a"}))
    )["c"]
    assert outcome.verdict is Verdict.ERROR and "not compatible" in outcome.explanation  # type: ignore[attr-defined]


_BASES = {"person": 1, "(1000 person)": 1000, "(100000 person)": 100000}


@settings(max_examples=200, deadline=None)
@given(
    st.integers(1, 10**6),
    st.integers(1, 10**6),
    st.sampled_from(sorted(_BASES)),
    st.sampled_from(sorted(_BASES)),
    st.sampled_from(["above", "below", "the same as"]),
)
def test_a_comparison_of_rates_is_judged_on_what_they_mean_whatever_their_bases(
    left: int, right: int, left_base: str, right_base: str, words: str
) -> None:
    """A rate per person, per 1,000 or per 100,000 people: the verdict is that of the rates per person."""
    figures = [Figure("l", F(left), f"incident / {left_base}"), Figure("r", F(right), f"incident / {right_base}")]
    outcome = verify_claim(ComparisonClaim(id="c", stated=words, left="l", right="r"), figures)
    per_person_left, per_person_right = F(left, _BASES[left_base]), F(right, _BASES[right_base])
    plain = verify_claim(
        ComparisonClaim(id="c", stated=words, left="l", right="r"),
        [Figure("l", per_person_left, "incident / person"), Figure("r", per_person_right, "incident / person")],
    )
    assert (outcome.verdict, outcome.gross) == (plain.verdict, plain.gross)


@settings(max_examples=150, deadline=None)
@given(st.integers(1, 10**6), st.integers(1, 10**6), st.sampled_from([10, 100, 1000, 100000]))
def test_a_rate_rescaled_to_another_base_is_never_supported(num: int, den: int, scale: int) -> None:
    """The mutation "per 1,000 → per person": the same words for a figure read per another base fail."""
    value = F(num, den)
    written = _round_half_even(value * 1000, F(1, 100))
    assume(written > 0)
    stated = f"{show(written, 2)} per 1,000"
    right = verify_claim(ValueClaim(id="v", stated=stated, figure="f"), [Figure("f", value, "incident / person")])
    assert right.verdict is Verdict.SUPPORTED
    for unit in (f"incident / ({scale} person)", f"{scale} incident / person"):
        wrong = verify_claim(ValueClaim(id="v", stated=stated, figure="f"), [Figure("f", value, unit)])
        assert wrong.verdict is not Verdict.SUPPORTED, (unit, wrong.explanation)


# -- bounds on computed values ------------------------------------------------------------------


def _chain_of_products(count: int) -> str:
    claims = "".join(
        claim(f"c{i}", "formula", "1", expr=f"{'f' if i == 0 else f'c{i - 1}'} * {'f' if i == 0 else f'c{i - 1}'}")
        for i in range(count)
    )
    return '[figures]\nf = { value = 99999.99, unit = "pupil" }\n' + sentence(claims)


def test_chained_products_stop_at_the_bound(write_claims: Callable[..., Path]) -> None:
    """A 778-byte file of chained products once ran 17 s, then failed inside; now an error names each claim."""
    started = time.perf_counter()
    outcomes = outcomes_of(write_claims, _chain_of_products(40))
    assert time.perf_counter() - started < 5
    assert outcomes["c4"].verdict is Verdict.CONTRADICTED  # type: ignore[attr-defined]
    assert outcomes["c5"].verdict is Verdict.ERROR  # type: ignore[attr-defined]
    assert "past the bound on computed values" in outcomes["c5"].explanation  # type: ignore[attr-defined]
    assert "must be below 10^300" in outcomes["c5"].explanation  # type: ignore[attr-defined]
    last = outcomes["c39"].explanation  # type: ignore[attr-defined]
    assert outcomes["c39"].verdict is Verdict.ERROR and "relies on claim 'c5'" in last  # type: ignore[attr-defined]
    assert len(last) < 300  # one message, not forty nested


def test_a_product_within_one_formula_stops_at_the_bound(write_claims: Callable[..., Path]) -> None:
    expr = " * ".join(["f"] * 150)
    outcome = outcomes_of(
        write_claims, '[figures]\nf = { value = 1e50, unit = "1" }\n' + sentence(claim("c", "formula", "1", expr=expr))
    )["c"]
    assert outcome.verdict is Verdict.ERROR and "bound" in outcome.explanation  # type: ignore[attr-defined]


def test_denominators_that_grow_without_bound_are_an_error(write_claims: Callable[..., Path]) -> None:
    expr = " / ".join(["1"] + ["f"] * 150)  # near 1 in size, but its exact fraction grows 70 bits a step
    outcome = outcomes_of(
        write_claims,
        '[figures]\nf = { value = 0.999999999999999999997, unit = "1" }\n'
        + sentence(claim("c", "formula", "1", expr=expr)),
    )["c"]
    assert outcome.verdict is Verdict.ERROR  # type: ignore[attr-defined]
    assert "4,096 binary digits" in outcome.explanation  # type: ignore[attr-defined]


@settings(max_examples=100, deadline=None)
@given(st.integers(0, 100), st.integers(0, 100), st.integers(0, 100))
def test_the_bound_is_ten_to_the_three_hundred(a: int, b: int, c: int) -> None:
    figures = [Figure("x", F(10**a), "1"), Figure("y", F(10**b), "1"), Figure("z", F(10**c), "1")]
    outcome = verify_claim(FormulaClaim(id="p", stated="1", expr="x * y * z"), figures)
    assert (outcome.verdict is Verdict.ERROR) == (a + b + c >= 300)


# -- references: no recursion limit, cycles stay errors -------------------------------------------


@pytest.mark.parametrize("forwards", [True, False])
def test_long_chains_of_references_are_computed(write_claims: Callable[..., Path], forwards: bool) -> None:
    count = 2000
    names = [f"r{i}" for i in range(count)]
    claims = "".join(
        claim(
            name,
            "formula",
            "1,405",
            expr=(names[i - 1] if i else "a2020") if forwards else (names[i + 1] if i + 1 < count else "a2020"),
        )
        for i, name in enumerate(names)
    )
    outcomes = outcomes_of(write_claims, FIGURES + sentence(claims))
    assert {o.verdict for o in outcomes.values()} == {Verdict.SUPPORTED}  # type: ignore[attr-defined]


def test_a_long_cycle_is_an_error_for_each_of_its_claims(write_claims: Callable[..., Path]) -> None:
    count = 1000
    claims = "".join(claim(f"y{i}", "formula", "1", expr=f"y{(i + 1) % count}") for i in range(count))
    outcomes = outcomes_of(
        write_claims, FIGURES + sentence(claims, claim("user", "share", "half", part="y5", whole="a2020"))
    )
    for i in range(count):
        outcome = outcomes[f"y{i}"]
        assert outcome.verdict is Verdict.ERROR and "cycle" in outcome.explanation  # type: ignore[attr-defined]
        assert len(outcome.explanation) < 200  # type: ignore[attr-defined]
    assert outcomes["user"].verdict is Verdict.ERROR  # type: ignore[attr-defined]
    used = outcomes["user"].explanation  # type: ignore[attr-defined]
    assert "it uses claim 'y5', which has an error: claims refer" in used


def test_a_short_cycle_names_every_claim(write_claims: Callable[..., Path]) -> None:
    outcomes = outcomes_of(
        write_claims,
        FIGURES
        + sentence(
            claim("x", "formula", "1", expr="y + 1"),
            claim("y", "formula", "1", expr="z"),
            claim("z", "formula", "1", expr="x"),
            claim("self", "formula", "1", expr="self"),
        ),
    )
    for name in "xyz":
        assert "x -> y -> z -> x" in outcomes[name].explanation  # type: ignore[attr-defined]
    assert "self -> self" in outcomes["self"].explanation  # type: ignore[attr-defined]


def test_a_hostile_unit_is_located_at_the_figures_unit(write_claims: Callable[..., Path]) -> None:
    path = write_claims(
        HEADER
        + '[figures]\nf = { value = 1, unit = "'
        + "(" * 50
        + "pupil"
        + ")" * 50
        + '" }\n'
        + sentence(claim("c", "value", "1", figure="f"))
    )
    result = check_file(path)
    assert [(e.line, e.field) for e in result.errors] == [(7, "unit")]
    assert "nested more than" in str(result.errors[0])


def test_a_formula_literal_past_the_bound_is_located(write_claims: Callable[..., Path]) -> None:
    path = write_claims(
        HEADER + sentence(claim("big", "formula", "1", expr="1e400"), claim("ok", "formula", "2", expr="1 + 1"))
    )
    result = check_file(path)
    assert result.claims_file is not None
    assert [(e.line, e.claim_id, e.field) for e in result.claims_file.problems] == [(14, "big", "expr")]
    outcomes = {o.id: o for o in result.outcomes}
    assert outcomes["big"].verdict is Verdict.ERROR and "out of range" in outcomes["big"].explanation
    assert outcomes["ok"].verdict is Verdict.SUPPORTED


# -- negative values: impossible only where the spec says so --------------------------------------

NEGATIVES = """
[figures]
t_c = { value = -5, unit = "degC" }
t_k = { value = -3, unit = "kelvin" }
count = { value = -3, unit = "offender" }
debt = { value = -120, unit = "GBP" }
base_neg = { value = -50, unit = "GBP" }
later = { value = 25, unit = "GBP" }
a = { value = 100, unit = "offender" }
b = { value = 80, unit = "offender" }
pop = { value = 10000, unit = "person" }
neg_den = { value = -10000, unit = "GBP" }
neg_whole = { value = -10, unit = "GBP" }
neg_part = { value = -5, unit = "GBP" }
"""


@pytest.mark.parametrize(
    ("kind", "stated", "inputs", "verdict", "words"),
    [
        ("value", "-5", {"figure": "t_c"}, "supported", "as stated"),
        ("value", "-3", {"figure": "t_k"}, "error", "absolute temperature cannot be negative"),
        ("value", "-3", {"figure": "count"}, "error", "negative count"),
        ("comparison", "above", {"left": "a", "right": "count"}, "error", "negative count"),
        ("value", "-£120", {"figure": "debt"}, "supported", "as stated"),
        (
            "change",
            "up 150%",
            {"from": "base_neg", "to": "later"},
            "error",
            "percentage change from a value below zero",
        ),
        (
            "rate",
            "10 per 1,000",
            {"numerator": "a", "denominator": "neg_den"},
            "error",
            "denominator -10,000 is negative",
        ),
        ("rate", "-2 per 1,000", {"numerator": "fell", "denominator": "pop"}, "supported", "as stated"),
        ("share", "half", {"part": "neg_part", "whole": "neg_whole"}, "error", "whole -10 is negative"),
        ("one_in", "one in two", {"numerator": "neg_part", "denominator": "neg_whole"}, "error", "is negative"),
        ("difference", "20 fewer", {"from": "a", "to": "b"}, "supported", "as stated"),
    ],
)
def test_negative_values(
    write_claims: Callable[..., Path], kind: str, stated: str, inputs: dict[str, str], verdict: str, words: str
) -> None:
    outcome = outcomes_of(
        write_claims,
        NEGATIVES
        + sentence(
            claim("fell", "difference", "20 fewer", **{"from": "a", "to": "b"}), claim("c", kind, stated, **inputs)
        ),
    )["c"]
    assert outcome.verdict.value == verdict, outcome.explanation  # type: ignore[attr-defined]
    assert words in outcome.explanation  # type: ignore[attr-defined]


# -- explanations: a value outside is shown outside ----------------------------------------------


def test_a_value_just_outside_is_never_shown_inside(write_claims: Callable[..., Path]) -> None:
    outcome = outcomes_of(
        write_claims,
        '[figures]\np = { value = 0.4499, unit = "percent" }\n' + sentence(claim("c", "value", "0.5%", figure="p")),
    )["c"]
    assert outcome.verdict is Verdict.CONTRADICTED  # type: ignore[attr-defined]
    explanation = outcome.explanation  # type: ignore[attr-defined]
    assert explanation.startswith("0.4499 = 0.4499, but '0.5%' means [0.45, 0.55]")


def test_figures_are_shown_with_every_digit(write_claims: Callable[..., Path]) -> None:
    outcome = outcomes_of(
        write_claims,
        '[figures]\np = { value = 0.00123, unit = "tonne" }\n' + sentence(claim("c", "value", "0.0012", figure="p")),
    )["c"]
    assert outcome.explanation == "0.00123 = 0.00123, which rounds to 0.0012"  # type: ignore[attr-defined]


@settings(max_examples=300, deadline=None)
@given(st.integers(1, 10**7), st.integers(1, 10**7), st.integers(0, 3))
def test_a_contradicted_rate_never_shows_its_value_inside_the_words(num: int, den: int, places: int) -> None:
    value = F(num, den) * 100_000
    step = F(1, 10**places)
    for written in (_round_half_even(value, step) + step, _round_half_even(value, step) - step):
        assume(written > 0)
        text = show(written, places) if places else f"{int(written):,}"
        outcome = verify_claim(
            RateClaim(id="r", stated=f"{text} per 100,000", numerator="n", denominator="d"),
            [Figure("n", F(num), "offender"), Figure("d", F(den), "person")],
        )
        if outcome.verdict is not Verdict.CONTRADICTED:
            continue
        match = re.search(r"= (\S+), but .* means ([\[(])(\S+), (\S+)([\])])", outcome.explanation)
        assert match, outcome.explanation
        shown, lo, hi = (F(Decimal(g.replace(",", ""))) for g in match.group(1, 3, 4))
        inside = (lo < shown or (lo == shown and match.group(2) == "[")) and (
            shown < hi or (shown == hi and match.group(5) == "]")
        )
        assert not inside, outcome.explanation


SCALED = """
[figures]
pop_k = { value = 64.3, unit = "1000 person" }
pop_k2 = { value = 64.0, unit = "1000 person" }
people = { value = 5, unit = "person" }
cost_m = { value = 5.2, unit = "1e6 GBP" }
"""


@pytest.mark.parametrize(
    ("kind", "stated", "inputs", "verdict", "shown"),
    [
        ("value", "64,300", {"figure": "pop_k"}, "supported", "64.3 × 1000 person = 64,300"),
        ("value", "64.3", {"figure": "pop_k"}, "contradicted", "64.3 × 1000 person = 64,300"),
        ("difference", "300 more", {"from": "pop_k2", "to": "pop_k"}, "supported", "(64.3 − 64) × 1000 person = 300"),
        ("formula", "128,300", {"expr": "pop_k + pop_k2"}, "supported", "(64.3 + 64) × 1000 person = 128,300"),
        ("formula", "0.0000778", {"expr": "people / pop_k"}, "supported", "(5 / 64.3) × 0.001 = 0.00007776"),
        ("value", "5.2m", {"figure": "cost_m"}, "supported", "5.2 × 1e6 GBP = 5,200,000"),
        ("value", "£5.2m", {"figure": "cost_m"}, "supported", "5.2 × 1e6 GBP = 5,200,000"),
    ],
)
def test_a_figure_in_thousands_is_read_in_the_things_themselves(
    write_claims: Callable[..., Path], kind: str, stated: str, inputs: dict[str, str], verdict: str, shown: str
) -> None:
    outcome = outcomes_of(write_claims, SCALED + sentence(claim("c", kind, stated, **inputs)))["c"]
    assert outcome.verdict.value == verdict, outcome.explanation  # type: ignore[attr-defined]
    assert outcome.explanation.startswith(shown + ","), outcome.explanation  # type: ignore[attr-defined]


def test_values_that_look_alike_as_shown_are_told_apart() -> None:
    figures = [Figure("n1", F(1234567), "x"), Figure("n2", F(1234566), "x"), Figure("d", F(10**7), "person")]
    claims = (
        RateClaim(id="r1", stated="12.35 per 100", numerator="n1", denominator="d"),
        RateClaim(id="r2", stated="12.35 per 100", numerator="n2", denominator="d"),
        ComparisonClaim(id="c", stated="above", left="r1", right="r2"),
    )
    claims_file = ClaimsFile(
        "<code>", Article("", dt.date.min), {}, {f.name: f for f in figures}, Defaults(), (Sentence("", claims),)
    )
    outcome = {o.id: o for o in verify_file(claims_file).outcomes}["c"]
    assert outcome.explanation == "[r1: 12.3457] > [r2: 12.3457] (12.34567 against 12.34566): above, as stated"
    plain = verify_claim(
        ComparisonClaim(id="c", stated="above", left="a", right="b"),
        [Figure("a", F("0.123456"), "x"), Figure("b", F("0.123455"), "x")],
    )
    assert plain.explanation == "0.123456 > 0.123455: above, as stated"  # figures are shown as written already


def test_a_rate_of_a_percentage_keeps_its_percent() -> None:
    """Only units of things are read in their own terms before dividing: 2% a year is below 0.03 a year."""
    figures = [Figure("p", F(2), "percent"), Figure("y", F(1), "year"), Figure("q", F("0.03"), "1 / year")]
    claims = (
        RateClaim(id="r", stated="2 per 1", numerator="p", denominator="y"),
        ComparisonClaim(id="c", stated="below", left="r", right="q"),
    )
    claims_file = ClaimsFile(
        "<code>", Article("", dt.date.min), {}, {f.name: f for f in figures}, Defaults(), (Sentence("", claims),)
    )
    outcomes = {o.id: o for o in verify_file(claims_file).outcomes}
    assert outcomes["r"].verdict is Verdict.SUPPORTED
    assert outcomes["c"].verdict is Verdict.SUPPORTED and not outcomes["c"].gross, outcomes["c"].explanation


@pytest.mark.parametrize(("kind", "stated"), [("one_in", "one in every 1,847"), ("ratio", "1,847 times")])
def test_a_quotient_of_different_things_reads_each_in_the_things_themselves(
    write_claims: Callable[..., Path], kind: str, stated: str
) -> None:
    """52 GPs and 96,040 patients: one GP for every 1,847 patients. With the GPs in thousands (52,000), the same
    words are wrong: each side is read in its things themselves before dividing."""
    figures = '[figures]\npatients = { value = 96040, unit = "patient" }\n'
    fields = (
        {"numerator": "gps", "denominator": "patients"}
        if kind == "one_in"
        else {"numerator": "patients", "denominator": "gps"}
    )
    right = outcomes_of(
        write_claims, figures + 'gps = { value = 52, unit = "doctor" }\n' + sentence(claim("c", kind, stated, **fields))
    )["c"]
    assert right.verdict is Verdict.SUPPORTED, right.explanation  # type: ignore[attr-defined]
    wrong = outcomes_of(
        write_claims,
        figures + 'gps = { value = 52, unit = "1000 doctor" }\n' + sentence(claim("c", kind, stated, **fields)),
    )["c"]
    assert wrong.verdict is Verdict.CONTRADICTED, wrong.explanation  # type: ignore[attr-defined]
    assert "52,000" in wrong.explanation  # type: ignore[attr-defined]
