from __future__ import annotations

import json
from fractions import Fraction as F
from pathlib import Path

import pytest

from factcheck.claims import Figure, Location
from factcheck.claimsfile import loads_claims_file
from factcheck.diagnose import _unit_groups, diagnose
from factcheck.report import render
from factcheck.verify import Verdict, check_file, verify_file
from tests.conftest import EVAL, LABELLED_DIR, quoting, skip_without_eval

HEAD = """format = 1
[article]
title = "t"
published = 2024-01-01
[figures]
pct_2022 = { value = 11.2, unit = "percent", period = "2022" }
pct_2023 = { value = 13.0, unit = "percent", period = "2023" }
n_2022 = { value = 377, unit = "handover", period = "2022" }
n_2023 = { value = 402, unit = "handover", period = "2023" }
n_2021 = { value = 365, unit = "handover", period = "2021" }
cases = { value = 412, unit = "case", area = "district" }
pop_district = { value = 620400, unit = "person", area = "district" }
pop_county = { value = 1240800, unit = "person", area = "county" }
[[sentences]]
text = "x"
"""


def _outcome(claim: str):  # type: ignore[no-untyped-def]
    result = verify_file(loads_claims_file(quoting(HEAD + claim), "<test>"))
    (outcome,) = result.outcomes
    return outcome


@pytest.mark.parametrize(("claim", "words"), [
    ('[[sentences.claims]]\nid = "c"\nkind = "change"\nstated = "up 1.8 per cent"\nfrom = "pct_2022"\nto = "pct_2023"',
     "matches if read as percentage points"),
    ('[[sentences.claims]]\nid = "c"\nkind = "point_change"\nstated = "up 16.1 percentage points"\n'
     'from = "pct_2022"\nto = "pct_2023"', "matches if read as per cent"),
    ('[[sentences.claims]]\nid = "c"\nkind = "change"\nstated = "fell by 6 per cent"\nfrom = "n_2022"\nto = "n_2023"',
     "matches if from and to are swapped"),
    ('[[sentences.claims]]\nid = "c"\nkind = "difference"\nstated = "up 6.6"\nfrom = "n_2022"\nto = "n_2023"',
     "matches as a percentage change"),
    ('[[sentences.claims]]\nid = "c"\nkind = "change"\nstated = "up 25"\nfrom = "n_2022"\nto = "n_2023"',
     "matches as an absolute difference"),
    ('[[sentences.claims]]\nid = "c"\nkind = "rate"\nstated = "6.6 cases for every 100,000 people"\n'
     'numerator = "cases"\ndenominator = "pop_district"', "per 10,000 instead of per 100,000"),
    ('[[sentences.claims]]\nid = "c"\nkind = "rate"\nstated = "33 cases for every 100,000 people"\n'
     'numerator = "cases"\ndenominator = "pop_district"', "pop_county (1,240,800; county) is used as the denominator"),
    ('[[sentences.claims]]\nid = "c"\nkind = "change"\nstated = "up 10 per cent"\nfrom = "n_2022"\nto = "n_2023"',
     "n_2021 (365; 2021) is used as the `from`"),
])
def test_each_slip_is_diagnosed(claim: str, words: str) -> None:
    outcome = _outcome(claim)
    assert outcome.verdict is Verdict.CONTRADICTED
    assert any(words in d for d in outcome.diagnoses), outcome.diagnoses


def test_supported_and_unexplained_claims_get_no_diagnosis() -> None:
    supported = _outcome('[[sentences.claims]]\nid = "c"\nkind = "value"\nstated = "402"\nfigure = "n_2023"')
    assert supported.verdict is Verdict.SUPPORTED and supported.diagnoses == ()
    wrong = _outcome('[[sentences.claims]]\nid = "c"\nkind = "value"\nstated = "999"\nfigure = "n_2023"')
    assert wrong.verdict is Verdict.CONTRADICTED and wrong.diagnoses == ()


def test_points_and_difference_readings_are_not_both_listed() -> None:
    outcome = _outcome('[[sentences.claims]]\nid = "c"\nkind = "change"\nstated = "up 1.8 per cent"\n'
                       'from = "pct_2022"\nto = "pct_2023"')
    assert len(outcome.diagnoses) == 1


def test_diagnosis_in_text_and_json_reports() -> None:
    result = verify_file(loads_claims_file(quoting(
        HEAD + '[[sentences.claims]]\nid = "c"\nkind = "change"\nstated = "fell by 6 per cent"\n'
        'from = "n_2022"\nto = "n_2023"'), "<test>"))
    assert "↳ matches if from and to are swapped" in render([result], "text")
    entry = json.loads(render([result], "json"))["files"][0]["claims"][0]
    assert entry["diagnoses"][0].startswith("matches if from and to are swapped")


def test_diagnose_on_its_own_for_a_claim() -> None:
    claims_file = loads_claims_file(quoting(
        HEAD + '[[sentences.claims]]\nid = "c"\nkind = "change"\nstated = "fell by 6 per cent"\n'
        'from = "n_2022"\nto = "n_2023"'), "<test>")
    (claim,) = claims_file.claims()
    assert diagnose(claims_file, claim)[0].startswith("matches if from and to are swapped")


# The planted slips of the labelled articles that one of the alternatives explains (the claims' notes;
# LABELS.md for the shared evaluation set, which is skipped, saying so, when it is not beside the checkout).
PLANTED = {
    LABELLED_DIR / "tarnwick-gp-waits-2024.claims.toml": {"tw-home-visits-change": "swapped"},
    LABELLED_DIR / "quillhaven-road-casualties-2023.claims.toml": {"qh-cyclists-change": "percentage points"},
    EVAL / "eastmarsh-ae-waits-2024.claims.toml": {"em-4h-points": "read as per cent", "em-handover-change": "swapped"},
    EVAL / "greywater-road-casualties-2023.claims.toml": {"gw-cyclist-change": "percentage points",
                                                          "gw-slight-change": "swapped"},
}


@pytest.mark.parametrize("path", sorted(PLANTED), ids=lambda p: p.name.removesuffix(".claims.toml"))
def test_planted_slips_are_diagnosed(path: Path) -> None:
    if not path.exists() and path.parent == EVAL:
        skip_without_eval()
    result = check_file(path)
    by_id = {o.id: o for o in result.outcomes}
    for claim_id, words in PLANTED[path].items():
        assert any(words in d for d in by_id[claim_id].diagnoses), (claim_id, by_id[claim_id].diagnoses)


def test_swapped_digits_are_diagnosed(tmp_path: Path) -> None:
    path = tmp_path / "typo.claims.toml"
    path.write_text(
        'format = 1\n[article]\ntitle = "t"\npublished = 2024-01-01\n'
        '[figures]\nn = { value = 62435, unit = "offender" }\np = { value = 3.55, unit = "percent" }\n'
        '[[sentences]]\ntext = "62,453 and 62,999 and 5.35%"\n'
        '  [[sentences.claims]]\n  id = "typo"\n  kind = "value"\n  stated = "62,453"\n  figure = "n"\n'
        '  [[sentences.claims]]\n  id = "not-a-typo"\n  kind = "value"\n  stated = "62,999"\n  figure = "n"\n'
        '  [[sentences.claims]]\n  id = "decimals"\n  kind = "value"\n  stated = "5.35%"\n  figure = "p"\n',
        encoding="utf-8")
    by_id = {o.id: o for o in check_file(path).outcomes}
    assert any("digits were swapped" in d and "62,435" in d for d in by_id["typo"].diagnoses)
    assert not any("swapped" in d for d in by_id["not-a-typo"].diagnoses)
    assert any("digits were swapped" in d and "3.55" in d for d in by_id["decimals"].diagnoses)


def test_another_figure_is_tried_only_in_the_same_unit_with_the_same_factor() -> None:
    def figure(name: str, unit: str) -> Figure:
        return Figure(name, F(1), unit, None, None, None, None, None, Location("f", 1))

    per_100k = figure("a", "offence / (100000 * person)")
    others = [per_100k, figure("b", "offence / person"), figure("c", "offences per 100,000 people"),
              figure("d", "offence / (1000 * person)"), figure("e", "GBP"), figure("f", "offence / (100000*person)")]
    groups = _unit_groups({f.name: f for f in others})
    assert [f.name for f in groups["a"]] == ["a", "c", "f"]  # the figure itself too: diagnose skips it
    assert [f.name for f in groups["b"]] == ["b"]
