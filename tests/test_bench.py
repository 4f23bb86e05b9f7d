"""The benchmark script runs on a tiny corpus and finds the verdict counts right (no timings asserted)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent


def test_the_benchmark_runs_quick_and_the_counts_are_right() -> None:
    done = subprocess.run(
        [sys.executable, str(REPO / "bench" / "check_speed.py"), "--quick"],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    assert "verdict counts: OK" in done.stdout
    assert "pint imported: False" in done.stdout
    assert "-j 2 report identical to -j 1: True" in done.stdout
    assert "report without gmpy2 identical: True" in done.stdout
    assert "reports answered from the cache identical to a fresh check: True" in done.stdout
    assert "result: OK" in done.stdout
