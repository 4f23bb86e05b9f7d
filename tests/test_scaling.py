"""The scaling benchmark and the reference-output tool run (no timings asserted: the tests of the
modules check the structure that makes the work grow linearly)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from tests.conftest import REPO

sys.path.insert(0, str(REPO / "bench"))
from factcheck.drafting.extract import draft_article
from factcheck.load.claimsfile import loads_claims_file
from growing import FIGURES_PER_AREA, figures_file, long_sentence, paragraph
from same_output import write_outputs


def test_the_scaling_benchmark_runs_quick() -> None:
    done = subprocess.run(
        [sys.executable, str(REPO / "bench" / "scaling.py"), "--quick"],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    for workload in ("extract, one paragraph", "extract, one sentence", "suggest", "diagnose"):
        assert workload in done.stdout
    assert "result: OK" in done.stdout


def test_growing_inputs_have_the_size_asked_for() -> None:
    assert 5_000 <= len(paragraph(5_000)) <= 5_500
    assert len(draft_article(paragraph(5_000)).sentences) > 20
    assert len(draft_article(long_sentence(5_000)).sentences) == 1
    claims_file = loads_claims_file(figures_file(30, drafts=8, wrong_every=4), "<growing>")
    assert claims_file.problems == ()
    assert len(claims_file.figures) == 30 * FIGURES_PER_AREA
    assert len(claims_file.claims()) == 8 + 4 * 30


def test_reference_outputs_are_written(tmp_path: Path) -> None:
    assert write_outputs(tmp_path, "extract-claims") == 1
    (written,) = tmp_path.iterdir()
    assert written.read_text(encoding="utf-8").startswith("exit 0\n--- stdout\n# Drafted by `factcheck extract`")
