"""The benchmark script runs on a tiny corpus and finds the verdict counts right (no timings asserted)."""

from __future__ import annotations

import json
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
    assert "(d) start floor:" in done.stdout
    assert "-j 2 report identical to -j 1: True" in done.stdout
    assert "report without gmpy2 identical: True" in done.stdout
    assert "reports answered from the cache identical to a fresh check: True" in done.stdout
    assert "result: OK" in done.stdout


def test_start_floor_loads_what_a_check_loads_without_its_code() -> None:
    """The start floor imports the modules a check of one article imports from outside factcheck, attrs among them,
    and defines one class per attrs record of factcheck's, and none of factcheck's own modules."""
    sys.path.insert(0, str(REPO / "bench"))
    try:
        from check_speed import start_floor
    finally:
        sys.path.remove(str(REPO / "bench"))
    command, modules, records = start_floor(sys.executable)
    probe = json.loads(command[-1])
    assert "attrs" in probe["modules"]
    assert "fractions" in probe["modules"]
    assert not any(name.startswith("factcheck") for name in probe["modules"])
    assert (modules, records) == (len(probe["modules"]), len(probe["records"]))
    assert records >= 20  # claims, figures, intervals, results... each an attrs record
    python, flag, floor, argument = command
    tail = "\nprint(sorted(name for name in sys.modules if name.startswith('factcheck')), number + 1)"
    loaded = subprocess.run([python, flag, floor + tail, argument], capture_output=True, text=True, check=True)
    assert loaded.stdout.split() == ["[]", str(records)]
