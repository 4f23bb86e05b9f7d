"""The period rule: a claim whose words name a period its figures are not of is contradicted, never a silent pass."""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from factcheck.check.pipeline import check_file, verify_file
from factcheck.load.claimsfile import loads_claims_file
from factcheck.model.results import FileResult, Outcome
from factcheck.model.verdicts import Standing, Verdict
from factcheck.report import html, text
from factcheck.report import json as json_report
from factcheck.words.periods import Period
from tests.conftest import HEADER  # published = 2024-01-01


def _file(
    write_claims: Callable[..., Path], figures: Mapping[str, tuple[int, str | None]], *sentences: str
) -> FileResult:
    lines = ["[figures]"]
    for name, (value, period) in figures.items():
        when = "" if period is None else f', period = "{period}"'
        lines.append(f'{name} = {{ value = {value}, unit = "offender"{when} }}')
    result = check_file(write_claims(HEADER + "\n".join(lines) + "\n" + "".join(sentences)))
    assert not result.errors, [str(e) for e in result.errors]
    return result


def _sentence(text_: str, *claims: str) -> str:
    return f'\n[[sentences]]\ntext = "{text_}"\n' + "".join(claims)


def _value(id_: str, stated: str, figure: str) -> str:
    return f'\n  [[sentences.claims]]\n  id = "{id_}"\n  kind = "value"\n  stated = "{stated}"\n  figure = "{figure}"\n'


def _change(id_: str, stated: str, from_: str, to: str) -> str:
    return (
        f'\n  [[sentences.claims]]\n  id = "{id_}"\n  kind = "change"\n  stated = "{stated}"\n'
        f'  from = "{from_}"\n  to = "{to}"\n'
    )


def _outcomes(result: FileResult) -> dict[str, Outcome]:
    return {o.id: o for o in result.outcomes}


def test_a_stale_figure_whose_number_agrees_is_contradicted(write_claims: Callable[..., Path]) -> None:
    """The commonest error: the words say 2019-20, the number is 2018-19's, so the arithmetic agrees."""
    result = _file(
        write_claims,
        {"rso": (1405, "2018-19")},
        _sentence("There were 1,405 offenders in 2019-20.", _value("c", "1,405", "rso")),
    )
    outcome = _outcomes(result)["c"]
    assert outcome.verdict is Verdict.CONTRADICTED
    assert not outcome.gross
    assert outcome.standing is Standing.FAILS
    assert result.exit_status() == 1
    assert "2019-20 ('2019-20')" in outcome.period
    assert "rso (2018-19)" in outcome.period
    assert outcome.explanation.startswith(outcome.period)
    assert "1,405" in outcome.explanation  # the arithmetic is still shown after the reason


@pytest.mark.parametrize(
    ("words", "period"),
    [
        ("in 2019-20", "2019/20"),
        ("in 2019/20", "2019-20"),
        ("in the year to March 2020", "2019-20"),
        ("in 2019 to 2020", "2019-2020"),
        ("as of March this year", "2024-03-31"),  # published 2024-01-01: this year is 2024
        ("last year", "2022-23"),  # published 2024-01-01: the last financial year that had ended
        ("last year", "2023"),
        ("last year", "2023-06-30"),
        ("in 2020", "2020-03-31"),  # a day within the year
        ("in 2019", "2019-20"),  # nine months of the twelve
        ("in March", "2023-03-31"),  # the last March before publication
        ("the highest since 2015, in 2019-20", "2019-20"),  # a range is not the claim's period
    ],
)
def test_periods_that_meet_pass(write_claims: Callable[..., Path], words: str, period: str) -> None:
    result = _file(
        write_claims,
        {"rso": (1405, period)},
        _sentence(f"There were 1,405 offenders {words}.", _value("c", "1,405", "rso")),
    )
    outcome = _outcomes(result)["c"]
    assert outcome.verdict is Verdict.SUPPORTED, outcome.explanation
    assert outcome.period == ""


@pytest.mark.parametrize(
    ("words", "period"),
    [
        ("in 2019-20", "2017-18"),
        ("in 2019-20", "2018-19"),
        ("last year", "2021-22"),
        ("last year", "2022"),
        ("last year", "2023-24"),  # published 2024-01-01: 2023-24 had not ended
        ("in March 2024", "2023-03-31"),
        ("in 2023", "2021"),
        ("in 2020", "2019-20"),  # three months of the twelve: the financial year is not the calendar year
        ("in January", "2022-01-31"),
    ],
)
def test_periods_that_do_not_meet_are_flagged(write_claims: Callable[..., Path], words: str, period: str) -> None:
    result = _file(
        write_claims,
        {"rso": (1405, period)},
        _sentence(f"There were 1,405 offenders {words}.", _value("c", "1,405", "rso")),
    )
    assert _outcomes(result)["c"].verdict is Verdict.CONTRADICTED


def test_a_figure_with_no_period_is_not_checked_and_says_so(write_claims: Callable[..., Path]) -> None:
    result = _file(
        write_claims,
        {"rso": (1405, None)},
        _sentence("There were 1,405 offenders in 2019-20.", _value("c", "1,405", "rso")),
    )
    outcome = _outcomes(result)["c"]
    assert outcome.verdict is Verdict.SUPPORTED
    assert outcome.period.startswith("period not checked")
    assert "rso has no period" in outcome.period
    assert result.exit_status() == 0


def test_the_base_of_a_change_is_the_from_period(write_claims: Callable[..., Path]) -> None:
    """ "up 3% on 2018-19" names the base: carried by `from`, the current period being `to`'s."""
    figures = {"then": (1364, "2018-19"), "now": (1405, "2019-20")}
    said = "There were 1,405 offenders in 2019-20, up 3 per cent on 2018-19."
    result = _file(
        write_claims,
        figures,
        _sentence(said, _value("v", "1,405", "now"), _change("c", "up 3 per cent", "then", "now")),
    )
    assert {o.id: o.verdict for o in result.outcomes} == {"v": Verdict.SUPPORTED, "c": Verdict.SUPPORTED}


def test_a_year_earlier_must_be_the_year_before(write_claims: Callable[..., Path]) -> None:
    figures = {"then": (1364, "2017-18"), "now": (1405, "2019-20"), "right": (1364, "2018-19")}
    stale = _file(
        write_claims,
        figures,
        _sentence("That was up 3 per cent on a year earlier.", _change("c", "up 3 per cent", "then", "now")),
    )
    outcome = _outcomes(stale)["c"]
    assert outcome.verdict is Verdict.CONTRADICTED
    assert "the year before 2019-20" in outcome.period
    assert "base (from) is of 2017-18" in outcome.period
    good = _file(
        write_claims,
        figures,
        _sentence("That was up 3 per cent on a year earlier.", _change("c", "up 3 per cent", "right", "now")),
    )
    assert _outcomes(good)["c"].verdict is Verdict.SUPPORTED


def test_a_change_from_the_wrong_base_is_flagged(write_claims: Callable[..., Path]) -> None:
    figures = {"old": (1364, "2017-18"), "base": (1364, "2018-19"), "now": (1405, "2019-20")}
    said = "There were 1,405 offenders in 2019-20, up 3 per cent on 2018-19, when there were 1,364."
    claims = (_value("v", "1,405", "now"), _value("b", "1,364", "base"), _change("c", "up 3 per cent", "old", "now"))
    result = _file(write_claims, figures, _sentence(said, *claims))
    verdicts = {o.id: o.verdict for o in result.outcomes}
    assert verdicts == {"v": Verdict.SUPPORTED, "b": Verdict.SUPPORTED, "c": Verdict.CONTRADICTED}


def test_claims_of_two_periods_in_one_sentence(write_claims: Callable[..., Path]) -> None:
    """ "412 in 2022, compared with 515 the year before": each figure is of a period the sentence names."""
    figures = {"now": (412, "2022"), "then": (515, "2021")}
    said = "There were 412 casualties in 2022, compared with 515 the year before."
    result = _file(write_claims, figures, _sentence(said, _value("a", "412", "now"), _value("b", "515", "then")))
    assert {o.verdict for o in result.outcomes} == {Verdict.SUPPORTED}


def test_a_claim_contradicted_by_its_value_keeps_its_arithmetic(write_claims: Callable[..., Path]) -> None:
    result = _file(
        write_claims,
        {"rso": (1300, "2017-18")},
        _sentence("There were 1,405 offenders in 2019-20.", _value("c", "1,405", "rso")),
    )
    outcome = _outcomes(result)["c"]
    assert outcome.verdict is Verdict.CONTRADICTED
    assert outcome.period
    assert "1,300" in outcome.explanation


def test_every_report_shows_the_period(write_claims: Callable[..., Path]) -> None:
    stale = _file(
        write_claims,
        {"rso": (1405, "2018-19")},
        _sentence("There were 1,405 offenders in 2019-20.", _value("c", "1,405", "rso")),
    )
    note = _file(
        write_claims,
        {"rso": (1405, None)},
        _sentence("There were 1,405 offenders in 2019-20.", _value("c", "1,405", "rso")),
    )
    for result in (stale, note):
        period = result.outcomes[0].period
        assert period in text.part(result)
        assert json.loads(json_report.part(result))["claims"][0]["period"] == period
        assert html.render([result]).count("Period") >= 1


@settings(max_examples=30, deadline=None)
@given(st.integers(2000, 2030), st.integers(-3, 3))
def test_a_figure_of_another_year_is_always_flagged(year: int, offset: int) -> None:
    """Whatever the years, the words' financial year and the figure's meet only when they are the same."""
    period = f"{year + offset}-{(year + offset + 1) % 100:02d}"
    said = f"There were 1,405 offenders in {year}-{(year + 1) % 100:02d}."
    body = HEADER + f'[figures]\nrso = {{ value = 1405, unit = "offender", period = "{period}" }}\n'
    body += _sentence(said, _value("c", "1,405", "rso"))
    result = verify_file(loads_claims_file(body.encode(), "periods.claims.toml"))
    expected = Verdict.SUPPORTED if offset == 0 else Verdict.CONTRADICTED
    assert result.outcomes[0].verdict is expected


def test_a_year_that_is_the_stated_number_is_not_a_period(write_claims: Callable[..., Path]) -> None:
    result = _file(write_claims, {"n": (2019, "2023")}, _sentence("Homes for 2019 families.", _value("c", "2019", "n")))
    assert result.outcomes[0].verdict is Verdict.SUPPORTED and result.outcomes[0].period == ""


def test_each_claim_of_a_sentence_is_held_to_its_periods(write_claims: Callable[..., Path]) -> None:
    """Another claim carrying the period named does not cover a claim whose figure is of none of them."""
    said = "There were 412 casualties in 2022, compared with 515 the year before, and 31 deaths."
    claims = (_value("a", "412", "now"), _value("b", "515", "then"), _value("d", "31", "deaths"))
    fine = _file(
        write_claims, {"now": (412, "2022"), "then": (515, "2021"), "deaths": (31, "2022")}, _sentence(said, *claims)
    )
    assert {o.verdict for o in fine.outcomes} == {Verdict.SUPPORTED}
    stale = _file(
        write_claims, {"now": (412, "2022"), "then": (515, "2021"), "deaths": (31, "2019")}, _sentence(said, *claims)
    )
    verdicts = {o.id: o.verdict for o in stale.outcomes}
    assert verdicts == {"a": Verdict.SUPPORTED, "b": Verdict.SUPPORTED, "d": Verdict.CONTRADICTED}
    assert "no figure of this claim is of those periods" in _outcomes(stale)["d"].period


def test_a_change_whose_end_is_of_its_base_is_flagged(write_claims: Callable[..., Path]) -> None:
    """ "down 3% on 2021" with both ends of 2021: the current figure is the stale one."""
    said = "Deaths were down 3 per cent on 2021."
    stale = _file(
        write_claims,
        {"then": (32, "2021"), "now": (31, "2021")},
        _sentence(said, _change("c", "down 3 per cent", "then", "now")),
    )
    assert "the change's end (to) is of 2021" in _outcomes(stale)["c"].period
    fine = _file(
        write_claims,
        {"then": (32, "2021"), "now": (31, "2022")},
        _sentence(said, _change("c", "down 3 per cent", "then", "now")),
    )
    assert _outcomes(fine)["c"].verdict is Verdict.SUPPORTED


def test_a_period_not_read_is_said_so_and_checks_nothing(write_claims: Callable[..., Path]) -> None:
    result = _file(
        write_claims,
        {"rso": (1405, "Q3 2019")},
        _sentence("There were 1,405 offenders in 2019-20.", _value("c", "1,405", "rso")),
    )
    outcome = result.outcomes[0]
    assert outcome.verdict is Verdict.SUPPORTED
    assert "the period of rso, 'Q3 2019', is not read" in outcome.period


def test_a_base_in_a_sentence_without_a_change_is_left_alone(write_claims: Callable[..., Path]) -> None:
    """ "on 2021" names the `from` of a change; with no change in the sentence there is nothing it belongs to."""
    result = _file(
        write_claims,
        {"n": (31, "2022")},
        _sentence("Of those, 31 people died, down three per cent on 2021.", _value("c", "31", "n")),
    )
    assert result.outcomes[0].verdict is Verdict.SUPPORTED


@pytest.mark.parametrize(
    ("said", "from_period", "verdict"),
    [
        ("Library loans rose by 14 per cent last year, to 48,210.", "2022", Verdict.SUPPORTED),
        ("Library loans rose by 14 per cent last year, to 48,210.", "2021", Verdict.CONTRADICTED),
        ("Library loans rose by 14 per cent in 2023, to 48,210.", "2021", Verdict.CONTRADICTED),
        # a base named, or a range, says what the change is from: this rule stands aside
        ("Library loans rose by 14 per cent in 2023, compared with 2021.", "2021", Verdict.SUPPORTED),
        ("Library loans rose by 14 per cent since 2021.", "2021", Verdict.SUPPORTED),
    ],
)
def test_a_change_in_a_year_is_from_the_year_before(
    write_claims: Callable[..., Path], said: str, from_period: str, verdict: Verdict
) -> None:
    """The README's story: 14% is 2021 to 2023, but the words say last year (published 2024-01-01)."""
    figures = {"then": (42290, from_period), "now": (48210, "2023")}
    result = _file(write_claims, figures, _sentence(said, _change("c", "rose by 14 per cent", "then", "now")))
    outcome = result.outcomes[0]
    assert outcome.verdict is verdict, outcome.explanation


_SHAPES = st.one_of(
    st.builds(Period.year, st.integers(1990, 2040)),
    st.builds(Period.financial_year, st.integers(1990, 2040)),
    st.builds(Period.month, st.integers(1990, 2040), st.integers(1, 12)),
    st.builds(Period.year_to, st.integers(1990, 2040), st.integers(1, 12)),
)


@settings(max_examples=60, deadline=None)
@given(_SHAPES, st.integers(-3, 3))
def test_a_figure_of_the_period_named_passes_and_of_another_year_fails(period: Period, years: int) -> None:
    """Whatever the shape, the words "in P" with a figure of P pass, and with a figure of P a year or more away fail."""
    said = f"There were 1,405 offenders in {period}."
    body = HEADER + f'[figures]\nrso = {{ value = 1405, unit = "offender", period = "{period.shifted(years)}" }}\n'
    body += _sentence(said, _value("c", "1,405", "rso"))
    outcome = verify_file(loads_claims_file(body.encode(), "periods.claims.toml")).outcomes[0]
    assert outcome.verdict is (Verdict.SUPPORTED if years == 0 else Verdict.CONTRADICTED), outcome.explanation
