"""bench/template.py runs on a few versions and both ways find the same verdicts (no timings asserted)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]


def test_the_template_benchmark_runs_quick_and_both_ways_agree() -> None:
    done = subprocess.run(
        [
            sys.executable,
            str(
                REPO / "bench" / "template.py",
            ),
            "--quick",
        ],
        capture_output=True,
        text=True,
        check=False,
        timeout=300,
    )
    assert done.returncode == 0, done.stderr
    assert "5 versions, 1 with a planted error" in done.stdout
    assert "ratio template / separate files: " in done.stdout
