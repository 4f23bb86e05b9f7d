"""The progress bar of `factcheck check`: on a terminal, for the text report only; never elsewhere."""

from __future__ import annotations

import io
import os
import pty
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from factcheck.cli.main import main
from factcheck.cli.progress import Progress

REPO = Path(__file__).resolve().parent.parent
CLAIMS = REPO / "claims" / "west-mercia-mappa-2020.claims.toml"


class FakeTerminal(io.StringIO):
    def isatty(self) -> bool:
        return True


@pytest.fixture
def two_files(tmp_path: Path) -> Path:
    for name in ("a", "b"):
        shutil.copy(CLAIMS, tmp_path / f"{name}.claims.toml")
        shutil.copy(CLAIMS.with_name("west-mercia-mappa-2020.txt"), tmp_path)
    return tmp_path


@pytest.mark.parametrize("fmt", ["text", "json", "junit", "sarif", "markdown", "github"])
def test_no_progress_when_stderr_is_not_a_terminal(
    two_files: Path, fmt: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["check", "--format", fmt, str(two_files)]) == 0
    assert capsys.readouterr().err == ""


@pytest.mark.parametrize("fmt", ["json", "junit", "sarif", "markdown", "github"])
def test_no_progress_for_machine_formats_even_on_a_terminal(
    two_files: Path, fmt: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    terminal = FakeTerminal()
    monkeypatch.setattr(sys, "stderr", terminal)
    assert main(["check", "--format", fmt, "-o", str(two_files / "out"), str(two_files)]) == 0
    assert terminal.getvalue() == ""


def test_progress_on_a_terminal_for_the_text_report(
    two_files: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.delenv("TERM", raising=False)
    terminal = FakeTerminal()
    monkeypatch.setattr(sys, "stderr", terminal)
    assert main(["check", str(two_files)]) == 0
    written = terminal.getvalue()
    assert "] 1/2 " in written and "a.claims.toml" in written  # shown as each file is finished
    assert "] 2/2 " in written and "b.claims.toml" in written
    assert "\n" not in written  # one line, rewritten in place…
    assert written.endswith("\r") and written.rsplit("\r", 2)[-2].strip() == ""  # …and cleared at the end
    assert "\r" not in capsys.readouterr().out  # the report itself is untouched


def test_a_real_pseudo_terminal(two_files: Path) -> None:
    """With stderr on a pty (as in a shell), the bar is drawn; with the JSON format it is not."""

    def run(*args: str) -> bytes:
        leader, follower = pty.openpty()
        code = "import sys; from factcheck.cli.main import main; raise SystemExit(main(sys.argv[1:]))"
        env = {k: v for k, v in os.environ.items() if k != "TERM"}
        with subprocess.Popen(
            [sys.executable, "-c", code, "check", *args, str(two_files)],
            stdout=subprocess.PIPE,
            stderr=follower,
            env=env,
        ) as process:
            os.close(follower)
            seen = b""
            while True:
                try:
                    chunk = os.read(leader, 4096)
                except OSError:  # the child closed the pty
                    break
                if not chunk:
                    break
                seen += chunk
            assert process.wait(timeout=60) == 0
        os.close(leader)
        return seen

    assert b"] 1/2 " in run("--format", "text")
    assert run("--format", "json") == b""


def test_long_labels_are_cut_to_the_terminal_width() -> None:
    terminal = FakeTerminal()
    progress = Progress(3, terminal, width=40)
    progress.show(1, "x" * 100 + "\x1b[31m")
    line = terminal.getvalue()
    assert line.startswith("\r[######..............] 1/3 …")
    assert len(line) == 40  # \r plus 39 columns
    assert "\x1b" not in line
    progress.close()
    assert terminal.getvalue().endswith("\r" + " " * 39 + "\r")


def test_nothing_for_a_single_file(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    terminal = FakeTerminal()
    monkeypatch.setattr(sys, "stderr", terminal)
    assert main(["check", str(CLAIMS)]) == 0
    assert terminal.getvalue() == ""
    capsys.readouterr()
