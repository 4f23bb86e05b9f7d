from __future__ import annotations

import itertools
import json
import re
import sys
from pathlib import Path

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from factcheck.check.pipeline import verify_file
from factcheck.check.verifier import Verifier
from factcheck.cli.main import main
from factcheck.drafting import suggest
from factcheck.drafting.suggest import Suggestion, _Candidate, suggest_file
from factcheck.errors import FactcheckError
from factcheck.load.claimsfile import load_claims_file, loads_claims_file
from factcheck.model.claims import BrokenClaim, ClaimsFile, ComparisonClaim, FormulaClaim
from factcheck.model.verdicts import Verdict
from factcheck.words.stated import parse_stated
from tests.conftest import EVAL, LABELLED_DIR, REPO, has_eval, quoting, skip_without_eval

sys.path.insert(0, str(REPO / "bench"))
from growing import figures_file

FILE = """format = 1
[article]
title = "t"
published = 2024-01-01
[figures]
flytip_2023 = { value = 4452, unit = "incident", period = "2023" }
flytip_2022 = { value = 4118, unit = "incident", period = "2022" }
pop = { value = 268930, unit = "person" }
cost = { value = 1214600, unit = "GBP" }
[[sentences]]
text = "16.6 incidents for every 1,000 people, up 8 per cent, at £1.2m; 4,452"
  [[sentences.claims]]
  id = "rate"
  kind = "rate"
  stated = "16.6 incidents for every 1,000 people"
  numerator = "?"
  denominator = "?"
  [[sentences.claims]]
  id = "change"
  kind = "change"
  stated = "up 8 per cent"
  from = "?"
  to = "?"
  [[sentences.claims]]
  id = "spend"
  kind = "value"
  stated = "£1.2m"
  [[sentences.claims]]
  id = "done"
  kind = "value"
  stated = "4,452"
  figure = "flytip_2023"
"""


def test_suggests_the_figures_that_reproduce_each_claim() -> None:
    found = {c.id: c for c in suggest_file(loads_claims_file(FILE, "<test>"))}
    assert set(found) == {"rate", "change", "spend"}  # "done" has its inputs
    assert dict(found["rate"].suggestions[0].inputs) == {"numerator": "flytip_2023", "denominator": "pop"}
    assert dict(found["change"].suggestions[0].inputs) == {"from": "flytip_2022", "to": "flytip_2023"}
    assert dict(found["spend"].suggestions[0].inputs) == {"figure": "cost"}
    assert "which rounds to 16.6" in found["rate"].suggestions[0].explanation


def test_nothing_reproduces_a_wrong_number() -> None:
    text = quoting(FILE.replace('stated = "up 8 per cent"', 'stated = "up 50 per cent"'))
    found = {c.id: c for c in suggest_file(loads_claims_file(text, "<test>"))}
    assert found["change"].suggestions == ()


@pytest.mark.parametrize(("folder", "least"), [(LABELLED_DIR, 25), (EVAL, 60)], ids=["labelled", "shared-eval"])
def test_blanked_labelled_files_get_their_own_inputs_back(folder: Path, least: int) -> None:
    """Each supported claim, its inputs blanked, gets them back among its suggestions."""
    if folder == EVAL and not has_eval():
        skip_without_eval()
    total = hits = 0
    for path in sorted(folder.glob("*.claims.toml")):
        text = path.read_text(encoding="utf-8")
        blank = re.sub(
            r'^(\s*(?:figure|from|to|numerator|denominator|part|whole)\s*=\s*)"[^"]*"',
            r'\1"?"',
            text,
            flags=re.MULTILINE,
        )
        original = load_claims_file(path)
        verdicts = {o.id: o.verdict for o in verify_file(original).outcomes}
        inputs = {c.id: c.inputs() for c in original.claims()}
        for claim in suggest_file(loads_claims_file(blank, str(path), base_dir=path.parent)):
            if verdicts.get(claim.id) is not Verdict.SUPPORTED:
                continue
            total += 1
            hits += inputs[claim.id] in [dict(s.inputs) for s in claim.suggestions]
    assert total >= least
    assert hits == total


def test_cli_text_and_json(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "x.claims.toml"
    path.write_text(FILE, encoding="utf-8")
    assert main(["suggest", str(path)]) == 0
    out = capsys.readouterr().out
    assert "1. numerator = 'flytip_2023', denominator = 'pop'" in out
    assert main(["suggest", "--format", "json", str(path)]) == 0
    document = json.loads(capsys.readouterr().out)
    rate = next(c for c in document["claims"] if c["id"] == "rate")
    assert rate["suggestions"][0]["inputs"] == {"numerator": "flytip_2023", "denominator": "pop"}


def test_cli_unreadable_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["suggest", str(tmp_path / "missing.claims.toml")]) == 2
    assert "cannot read" in capsys.readouterr().err


# -- best first: the answers of trying every candidate, for a fraction of the work -----------------------


def _unit_fit_as_written(stated: str, kind: str, combo: tuple[_Candidate, ...]) -> int:
    """`_unit_fit` as it was before the units were classed (a check on the classing)."""
    words = {w.rstrip("s") for w in re.findall(r"[a-z]+", stated.lower())}
    fit = 0
    for candidate in combo:
        unit = candidate.unit.lower()
        if unit.rstrip("s") in words or (unit == "person" and "people" in words):
            fit += 1
        if re.search(r"[£$€]", stated) and unit in ("gbp", "usd", "eur", "£", "$", "€"):
            fit += 1
    if kind in ("change", "difference", "share", "point_change") and len(combo) == 2 and combo[0].unit == combo[1].unit:
        fit += 1
    if kind == "change" and any(c.unit.strip() in ("percent", "%") for c in combo):
        fit -= 1
    return fit


def _every_candidate(claims_file: ClaimsFile, limit: int = 3) -> list[tuple[str, list[Suggestion]]]:
    """Suggestions the way they were first found: every candidate and every ordered pair tried, then ranked."""
    candidates = suggest._candidates(claims_file, Verifier(claims_file))
    found: list[tuple[str, list[Suggestion]]] = []
    for claim in claims_file.claims():
        if isinstance(claim, (BrokenClaim, ComparisonClaim, FormulaClaim)) or (
            claim.inputs() and not claim.placeholders()
        ):
            continue
        fields = suggest._FIELDS[claim.kind]
        try:
            stated = parse_stated(claim.stated, claim.kind, direction_given=claim.direction is not None)
        except FactcheckError:
            found.append((claim.id, []))
            continue
        # a ratio-like kind compares its inputs read in one unit, as the verifier does (10 days / 1 week)
        common = suggest._arithmetic_kind(claim, stated) in suggest._RATIO_LIKE
        pool = [c for c in (suggest._in_common_units(candidates) if common else candidates) if c.name != claim.id]
        combos = ((c,) for c in pool) if len(fields) == 1 else itertools.permutations(pool, 2)
        verifier = Verifier(claims_file)
        ranked = []
        for combo in combos:
            value = suggest._value(claim, stated, combo)
            if value is None or not suggest._near(value, stated):
                continue
            outcome = verifier.outcome(claim.with_inputs({f: c.name for f, c in zip(fields, combo, strict=True)}))
            if outcome.verdict is not Verdict.SUPPORTED:
                continue
            distance = suggest._distance(value, stated)
            score = (
                -_unit_fit_as_written(claim.stated, claim.kind, combo),
                suggest._period_order(claim.kind, combo),
                distance,
            )
            ranked.append(
                (
                    score,
                    Suggestion(
                        tuple((f, c.name) for f, c in zip(fields, combo, strict=True)), outcome.explanation, distance
                    ),
                )
            )
        ranked.sort(key=lambda pair: pair[0])
        found.append((claim.id, [s for _, s in ranked[:limit]]))
    return found


_UNITS = st.sampled_from(["incident", "incidents", "person", "percent", "GBP", "1", "day", "week", "thousand person"])
_VALUES = st.sampled_from(
    [
        0,
        1,
        2,
        3,
        5,
        7,
        10,
        12,
        20,
        25,
        40,
        50,
        99,
        100,
        101,
        120,
        250,
        1000,
        1001,
        4452,
        4118,
        -3,
        -40,
        "0.5",
        "2.5",
        "12.5",
        "33.3",
        "66.7",
        "1e-99",
        "1e99",
    ]
)
_STATED = {
    "value": ["4,452", "about 100", "50%", "more than 20", "nearly 1,000", "£1,000", "0.5", "12"],
    "rate": ["16.6 per 1,000", "4 incidents for every 10 people", "500 per 1,000", "more than 10 per 100"],
    "one_in": ["one in 20", "one in every 2 people", "one in 40", "fewer than one in five"],
    "change": ["up 8 per cent", "down 50%", "more than doubled", "a change of 25 per cent", "up 100%", "halved"],
    "point_change": ["up 2.5 percentage points", "down 33.3 points", "a change of 1 point"],
    "difference": ["13 more", "250 fewer", "an extra £1,000", "about 20 more", "a difference of 5"],
    "ratio": ["twice as many", "2.5 times", "0.5 times", "ten times", "1.01 times"],
    "share": ["half", "most", "the vast majority", "12.5%", "a fifth", "99 per cent", "1%"],
}


@st.composite
def _claims_files(draw: st.DrawFn) -> str:
    figures = draw(
        st.lists(
            st.tuples(
                _VALUES, _UNITS, st.sampled_from([None, "2022", "2023", "2021"]), st.sampled_from([None, 1, 100])
            ),
            min_size=1,
            max_size=14,
        )
    )
    lines = ["format = 1", "[article]", 'title = "t"', "published = 2024-01-01", "[figures]"]
    for n, (value, unit, period, rounded) in enumerate(figures):
        extra = (f', period = "{period}"' if period else "") + (f", rounded = {rounded}" if rounded else "")
        lines.append(f'f{n} = {{ value = {value}, unit = "{unit}"{extra} }}')
    lines += ["[[sentences]]", 'text = "x"']
    sentence = len(lines) - 1
    quoted = ["2 times", "2"]  # the words of the claims with values below
    for n, kind in enumerate(draw(st.lists(st.sampled_from(sorted(_STATED)), min_size=1, max_size=4))):
        stated = draw(st.sampled_from(_STATED[kind]))
        quoted.append(stated)
        lines += ["[[sentences.claims]]", f'id = "c{n}"', f'kind = "{kind}"', f'stated = "{stated}"']
        lines += [f'{field} = "?"' for field in suggest._FIELDS[kind]]
    if draw(st.booleans()):  # a claim with a value is a candidate too
        lines += [
            "[[sentences.claims]]",
            'id = "done"',
            'kind = "ratio"',
            'stated = "2 times"',
            'numerator = "f0"',
            f'denominator = "f{len(figures) - 1}"',
        ]
    if draw(st.booleans()):  # ... and one whose value no float holds (1e99 to the fourth): exact arithmetic decides
        lines += [
            "[[sentences.claims]]",
            'id = "huge"',
            'kind = "formula"',
            'stated = "2"',
            'expr = "f0 * f0 * f0 * f0"',
        ]
    lines[sentence] = f'text = "It says {"; ".join(quoted)}."'  # the sentence quotes every claim's words
    return "\n".join(lines) + "\n"


@settings(max_examples=150, deadline=None)
@given(_claims_files(), st.integers(1, 4))
def test_suggestions_are_those_of_trying_every_candidate(text: str, limit: int) -> None:
    claims_file = loads_claims_file(text, "<test>")
    assume(not claims_file.problems)
    fast = [(c.id, list(c.suggestions)) for c in suggest_file(claims_file, limit=limit)]
    assert fast == _every_candidate(claims_file, limit)


def test_suggestions_for_thousands_of_figures_ask_the_verifier_a_few_times(monkeypatch: pytest.MonkeyPatch) -> None:
    """The walk is best first: the verifier sees about `limit` candidates a claim, and the walk's own work
    grows with the figures, not with their pairs."""
    asked = 0
    outcome = Verifier.outcome

    def counted(self: Verifier, claim: object, **kwargs: bool) -> object:
        nonlocal asked
        asked += 1
        return outcome(self, claim, **kwargs)  # type: ignore[arg-type]

    searches: list[suggest._Search] = []

    class Remembered(suggest._Search):
        def __init__(self, *args: object) -> None:
            super().__init__(*args)  # type: ignore[arg-type]
            searches.append(self)

    monkeypatch.setattr(Verifier, "outcome", counted)
    monkeypatch.setattr(suggest, "_Search", Remembered)
    work = {}
    for areas in (100, 400):
        claims_file = loads_claims_file(figures_file(areas, drafts=16, checked=False), "<many>")
        asked = 0
        searches.clear()
        found = suggest_file(claims_file)
        assert all(c.suggestions for c in found)
        assert asked <= 16 * 3 * 2  # every pair of 700 or 2,800 figures would be 490,000 or 7.8 million
        work[areas] = sum(search.opened for search in searches)
    assert work[400] <= 8 * work[100]  # four times the figures: about four times the work (pairs: sixteen)


def test_a_ratio_of_days_to_weeks_is_suggested_as_the_verifier_reads_it() -> None:
    """21 days / 1 week is three times (the verifier reads the week as 7 days); the raw 21 / 1 is not."""
    text = quoting("""format = 1
[article]
title = "t"
published = 2024-01-01
[figures]
wait = { value = 21, unit = "day" }
target = { value = 1, unit = "week" }
other = { value = 7, unit = "day" }
[[sentences]]
text = "x"
[[sentences.claims]]
id = "c"
kind = "ratio"
stated = "three times"
numerator = "?"
denominator = "?"
""")
    (claim,) = suggest_file(loads_claims_file(text, "<test>"))
    assert dict(claim.suggestions[0].inputs) in (
        {"numerator": "wait", "denominator": "target"},
        {"numerator": "wait", "denominator": "other"},
    )
    assert {"numerator": "wait", "denominator": "target"} in [dict(s.inputs) for s in claim.suggestions]
