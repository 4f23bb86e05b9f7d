"""Running the installed `factcheck` with bounded memory and time, for inputs meant to exhaust them.

The bound is set on the child process (an address-space limit and a timeout), never measured:
a run that would hang or grow until killed fails the test instead of the machine.
"""

from __future__ import annotations

import os
import resource
import subprocess
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Final

SCRIPT: Final = Path(sys.executable).parent / "factcheck"
#: The issue's bounds for a hostile file: 300 MB of address space, and seconds, not minutes.
MEMORY: Final = 300 * 1024 * 1024
TIMEOUT: Final = 30


def _limit_memory() -> None:  # pragma: no cover - runs in the child, between fork and exec
    resource.setrlimit(resource.RLIMIT_AS, (MEMORY, MEMORY))


def run_bounded(
    args: Sequence[str | Path], *, cwd: Path | None = None, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    """`factcheck ARGS` under the bounds; raises subprocess.TimeoutExpired if it runs past the timeout."""
    return subprocess.run(
        [str(SCRIPT), *map(str, args)],
        capture_output=True,
        text=True,
        timeout=TIMEOUT,
        cwd=cwd,
        env={**os.environ, **(env or {})},
        preexec_fn=_limit_memory,
        check=False,
    )
