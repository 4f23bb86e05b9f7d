"""The JSON report is always valid JSON, whatever the values: beyond float range, tiny, or named in bytes."""

from __future__ import annotations

import json
import os
from decimal import Decimal
from fractions import Fraction
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from factcheck.cli.main import main
from factcheck.model.claims import ClaimsFile
from factcheck.model.results import FileResult, Outcome
from factcheck.model.verdicts import Verdict
from factcheck.numbers.interval import Interval
from factcheck.report.formats import FORMATS
from factcheck.report.json import scientific
from factcheck.report.jsontext import dumps

_HEAD = 'format = 1\n\n[article]\ntitle = "A test"\npublished = 2020-11-10\n\n'
_HUGE = (
    _HEAD
    + """\
[figures.big]
value = 1e100
unit = "offender"

[[sentences]]
text = "There were 1,405."

  [[sentences.claims]]
  id = "huge"
  kind = "formula"
  stated = "1,405"
  expr = "big * big * big * big"
"""
)


def _strict(text: str) -> Any:
    """Parse as a strict reader does: NaN and Infinity are not JSON."""

    def refuse(constant: str) -> None:
        pytest.fail(f"{constant} is not JSON")

    return json.loads(text, parse_constant=refuse)


def _result(computed: Fraction, lo: Fraction, hi: Fraction) -> FileResult:
    outcome = Outcome(
        id="x",
        kind="value",
        verdict=Verdict.CONTRADICTED,
        explanation="e",
        stated="1",
        interval=Interval(lo, hi),
        computed=Interval.point(computed),
    )
    return FileResult("f.claims.toml", (outcome,), claims_file=ClaimsFile("f.claims.toml", None))


def _fits(value: Fraction) -> bool:
    """A float holds it: no overflow, and not a non-zero value that would be written as 0.0."""
    try:
        return float(value) != 0 or value == 0
    except OverflowError:
        return False


def _close(text: str, value: Fraction) -> bool:
    """The text holds the value to 16 significant digits."""
    return abs(Fraction(Decimal(text)) - value) <= abs(value) / 10**15


_MAGNITUDES = st.sampled_from([0, 1, 300, 307, 308, 309, 400, 5000, 100_000])
_VALUES = st.builds(
    lambda sign, mantissa, power, down: sign * Fraction(mantissa) * (Fraction(1, 10**power) if down else 10**power),
    st.sampled_from([1, -1]),
    st.integers(1, 10**20),
    _MAGNITUDES,
    st.booleans(),
)


@given(_VALUES, _VALUES, _VALUES)
def test_any_value_gives_valid_json(computed: Fraction, a: Fraction, b: Fraction) -> None:
    """Values beyond a float's range raised OverflowError in the middle of the report."""
    lo, hi = min(a, b), max(a, b)
    (entry,) = _strict(FORMATS["json"].render([_result(computed, lo, hi)]))["files"][0]["claims"]
    numbers = {"computed": computed, "interval": [lo, hi]}
    if all(_fits(v) for v in (computed, lo, hi)):
        assert entry["computed"] == float(computed)
        assert entry["interval"] == [float(lo), float(hi)]
        assert "beyond_float" not in entry
        return
    beyond = entry["beyond_float"]
    assert set(beyond) == set(numbers)
    assert entry["computed"] == (float(computed) if _fits(computed) else None)
    assert _close(beyond["computed"], computed)
    for text, bound, shown in zip(beyond["interval"], (lo, hi), entry["interval"], strict=True):
        assert _close(text, bound)
        assert shown == (float(bound) if _fits(bound) else None)


def test_a_value_of_a_million_digits_is_written_from_its_leading_digits() -> None:
    value = Fraction(10**1_000_000 + 1, 3)
    assert scientific(value) == "3.3333333333333333e+999999"
    assert scientific(-1 / value) == "-3.0000000000000000e-1000000"
    assert scientific(Fraction(0)) == "0"


def test_json_text_is_strict_and_encodable() -> None:
    assert dumps({"path": "bad\udcff.toml", "ok": "✓"}) == '{"path": "bad\\udcff.toml", "ok": "✓"}'
    assert json.loads(dumps("bad\udcff")) == "bad\udcff"  # the same name back, and its bytes with os.fsencode
    with pytest.raises(ValueError, match="JSON"):
        dumps(float("inf"))


@pytest.mark.parametrize("fmt", list(FORMATS))
def test_every_format_renders_a_value_beyond_float_range(fmt: str) -> None:
    """The verifier bounds computed values below 10^300, but a renderer must not depend on it."""
    huge = Fraction(10**400)
    text = FORMATS[fmt].render([_result(huge, huge - 1, huge + 1)])
    assert "f.claims.toml" in text
    if fmt in ("json", "sarif"):
        document = _strict(text)
        if fmt == "json":
            assert document["files"][0]["claims"][0]["beyond_float"]["computed"] == "1.0000000000000000e+400"


def test_a_product_past_the_bound_is_an_error_and_the_next_file_is_still_reported(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    huge = tmp_path / "huge.claims.toml"
    huge.write_text(_HUGE, encoding="utf-8")
    good = tmp_path / "good.claims.toml"
    good.write_text(_HUGE.replace('expr = "big * big * big * big"', 'expr = "1405"'), encoding="utf-8")
    for fmt in FORMATS:
        assert main(["check", "--no-cache", "--format", fmt, str(huge), str(good)]) == 2
        out = capsys.readouterr().out
        if fmt == "json":
            files = _strict(out)["files"]
            assert files[0]["claims"][0]["verdict"] == "error"
            assert files[1]["claims"][0]["verdict"] == "supported"


def test_a_file_name_that_is_not_utf8_round_trips_through_the_json(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = os.fsencode(tmp_path)
    path = os.fsdecode(folder + b"/bad\xff.claims.toml")
    Path(path).write_text(_HUGE.replace('expr = "big * big * big * big"', 'expr = "1405"'), encoding="utf-8")
    assert main(["check", "--format", "json", path]) == 0
    (entry,) = _strict(capsys.readouterr().out)["files"]
    assert os.fsencode(entry["path"]) == folder + b"/bad\xff.claims.toml"
