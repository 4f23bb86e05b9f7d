from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from factcheck.claimsfile import load_claims_file, loads_claims_file
from factcheck.cli import main
from factcheck.suggest import suggest_file
from factcheck.verify import Verdict, verify_file
from tests.conftest import EVAL, LABELLED_DIR, has_eval, quoting, skip_without_eval

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
        blank = re.sub(r'^(\s*(?:figure|from|to|numerator|denominator|part|whole)\s*=\s*)"[^"]*"', r'\1"?"', text,
                       flags=re.M)
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
