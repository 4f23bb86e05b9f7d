"""Watch mode: `check --watch` reprints only what changed, `report --watch` rewrites the page, Ctrl-C ends both.

The commands run as subprocesses, edited by this test the way editors save (in place, by rename, half
written first); the test waits for the expected output with a generous timeout and asserts nothing about
timing.
"""

from __future__ import annotations

import os
import queue
import shutil
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import IO, Final

import pytest

from factcheck.cli.main import main
from factcheck.cli.watch import changed_lines, snapshot
from factcheck.model.results import FileResult
from factcheck.runner.batch import checked_all

BIN: Final = Path(sys.executable).parent
REPO: Final = Path(__file__).resolve().parent.parent
#: How long to wait for an expected line: long, so a slow machine never fails the test, only slows it.
PATIENCE: Final = 60.0

ARTICLE: Final = "Loans rise\n\nLoans rose to 48,210.\n"
CLAIMS: Final = """\
format = 1

[article]
title = "Loans rise"
published = 2024-05-02
text = "story.txt"

[figures]
loans = {{ value = {loans}, unit = "loan" }}

[[sentences]]
text = "Loans rise"
check = "context"

[[sentences]]
text = "Loans rose to 48,210."

  [[sentences.claims]]
  id = "loans-now"
  kind = "value"
  stated = "48,210"
  figure = "loans"
"""


def _story(folder: Path, loans: int = 48210) -> Path:
    (folder / "story.txt").write_text(ARTICLE, encoding="utf-8")
    path = folder / "story.claims.toml"
    path.write_text(CLAIMS.format(loans=loans), encoding="utf-8")
    return path


def _save_by_rename(path: Path, text: str) -> None:
    """As many editors save: a new file beside it, renamed over it."""
    temporary = path.with_name(path.name + ".swp")
    temporary.write_text(text, encoding="utf-8")
    os.replace(temporary, path)


class Watched:
    """A `factcheck … --watch` process, its output lines gathered as they come."""

    def __init__(self, folder: Path, *args: str) -> None:
        self.process = subprocess.Popen(
            [str(BIN / "factcheck"), *args, "--interval", "0.05"],
            cwd=folder,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            env={**os.environ, "NO_COLOR": "1"},
        )
        self.lines: queue.Queue[str] = queue.Queue()
        self.seen: list[str] = []
        assert self.process.stdout is not None and self.process.stderr is not None
        self.readers = [
            threading.Thread(target=self._gather, args=(stream,), daemon=True)
            for stream in (self.process.stdout, self.process.stderr)
        ]
        for reader in self.readers:
            reader.start()

    def _gather(self, stream: IO[str]) -> None:
        for line in stream:
            self.lines.put(line.rstrip("\n"))

    def wait_for(self, text: str) -> list[str]:
        """The lines up to and including the first (not yet seen) one holding `text`."""
        deadline = time.monotonic() + PATIENCE
        got: list[str] = []
        while time.monotonic() < deadline:
            try:
                line = self.lines.get(timeout=1)
            except queue.Empty:
                assert self.process.poll() is None, f"the watch ended ({self.process.returncode}): {self.seen}"
                continue
            got.append(line)
            self.seen.append(line)
            if text in line:
                return got
        pytest.fail(f"no {text!r} in {self.seen}")

    def stop(self) -> int:
        """Ctrl-C, and the exit status."""
        self.process.send_signal(signal.SIGINT)
        return self.process.wait(timeout=PATIENCE)

    def close(self) -> None:
        """End the process if it still runs, and close its pipes once their readers are done."""
        if self.process.poll() is None:
            self.process.kill()
        self.process.wait()
        for reader in self.readers:
            reader.join(timeout=PATIENCE)
        for stream in (self.process.stdout, self.process.stderr):
            if stream is not None:
                stream.close()


@pytest.fixture
def watched() -> Iterator[list[Watched]]:
    """The watches a test starts, each ended (and its pipes closed) after it."""
    started: list[Watched] = []
    yield started
    for process in started:
        process.close()


def test_check_watch_reprints_only_what_changed(tmp_path: Path, watched: list[Watched]) -> None:
    path = _story(tmp_path)
    watch = Watched(tmp_path, "check", "--watch", "story.claims.toml")
    watched.append(watch)
    first = watch.wait_for("watching 2 files for changes (Ctrl-C to stop)")
    assert any("✓ supported            loans-now, line 18" in line for line in first)
    assert any("sentence-1, line" in line for line in first)  # the whole report, once

    _save_by_rename(path, CLAIMS.format(loans=48310))
    changed = watch.wait_for("1 file: 0 supported, 0 loose, 1 contradicted")
    assert any(line.endswith(": story.claims.toml changed") for line in changed)
    assert any("✗ contradicted         loans-now, line 18: 48,310 = 48,310" in line for line in changed)
    assert not any("sentence-1" in line for line in changed)  # unchanged: not reprinted

    path.write_text(CLAIMS.format(loans=48210)[:60], encoding="utf-8")  # half written, then the rest
    path.write_text(CLAIMS.format(loans=48210), encoding="utf-8")
    changed = watch.wait_for("1 file: 1 supported, 0 loose, 0 contradicted")
    assert any("✓ supported            loans-now, line 18" in line for line in changed)

    (tmp_path / "story.txt").write_text(ARTICLE.replace("rose", "grew"), encoding="utf-8")
    changed = watch.wait_for("1 file-level problem")
    assert any(": story.txt changed" in line for line in changed)
    assert any("! error" in line and "does not match the article text" in line for line in changed)

    touched = path.stat().st_mtime_ns + 10**9
    os.utime(path, ns=(touched, touched))  # a save that changes nothing
    (tmp_path / "story.txt").write_text(ARTICLE, encoding="utf-8")
    changed = watch.wait_for("1 file: 1 supported, 0 loose, 0 contradicted")
    assert any(line.endswith(": story.txt changed") for line in changed)  # the touch alone is no change

    assert watch.stop() == 130
    assert watch.wait_for("factcheck: stopped watching")
    assert not any("Traceback" in line for line in watch.seen)


def test_check_watch_follows_a_template_version_by_version(tmp_path: Path, watched: list[Watched]) -> None:
    """A template is watched as `check` reads it: every version's text and the table are inputs, and a
    change to one version's text reprints that version's changed lines only."""
    shutil.copytree(REPO / "claims", tmp_path / "claims")
    watch = Watched(tmp_path / "claims", "check", "--watch", "mappa-every-area.claims.toml")
    watched.append(watch)
    first = watch.wait_for("watching 7 files for changes (Ctrl-C to stop)")  # the template, 5 texts, the table
    assert any(line.startswith("mappa-every-area.claims.toml [Eastfold]") for line in first)
    assert any("5 versions × 10 claims" in line for line in first)
    assert not any("check_path" in line or "! error" in line for line in first)

    text = tmp_path / "claims" / "mappa-every-area" / "eastfold.txt"
    text.write_text(text.read_text(encoding="utf-8").replace("980 registered", "990 registered"), encoding="utf-8")
    changed = watch.wait_for("0 loose, 1 contradicted")
    assert any(line.endswith("eastfold.txt changed") for line in changed)
    assert "mappa-every-area.claims.toml [Eastfold]" in changed
    assert any("✗ contradicted" in line and "rso, line" in line for line in changed)
    assert not any("[Westmarch]" in line for line in changed)  # the other versions did not change
    assert watch.stop() == 130


def test_check_watch_picks_up_a_new_claims_file_and_one_gone(tmp_path: Path, watched: list[Watched]) -> None:
    (tmp_path / "desk").mkdir()
    _story(tmp_path / "desk")
    watch = Watched(tmp_path, "check", "--watch", "desk")
    watched.append(watch)
    watch.wait_for("watching 2 files")
    (tmp_path / "desk" / "other.claims.toml").write_text(CLAIMS.format(loans=1), encoding="utf-8")
    changed = watch.wait_for("2 files: 1 supported, 0 loose, 1 contradicted")
    assert any(line == "desk/other.claims.toml" for line in changed)
    (tmp_path / "desk" / "other.claims.toml").unlink()
    changed = watch.wait_for("1 file: 1 supported")
    assert any("desk/other.claims.toml: no longer checked" in line for line in changed)
    assert watch.stop() == 130


def test_report_watch_rewrites_the_page(tmp_path: Path, watched: list[Watched]) -> None:
    path = _story(tmp_path)
    watch = Watched(tmp_path, "report", "--watch", "story.claims.toml", "-o", "story.html")
    watched.append(watch)
    watch.wait_for("factcheck: watching 2 files for changes (Ctrl-C to stop)")
    page = tmp_path / "story.html"
    assert "48,310" not in page.read_text(encoding="utf-8")
    _save_by_rename(path, CLAIMS.format(loans=48310))
    watch.wait_for("factcheck: wrote story.html at")
    assert "48,310" in page.read_text(encoding="utf-8")
    assert watch.stop() == 130
    watch.wait_for("factcheck: stopped watching")


def test_report_watch_never_replaces_a_page_it_did_not_write(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _story(tmp_path)
    (tmp_path / "story.html").write_text("mine", encoding="utf-8")
    done = subprocess.run(
        [str(BIN / "factcheck"), "report", "--watch", "story.claims.toml", "-o", "story.html"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        check=False,
        timeout=PATIENCE,
    )
    assert done.returncode == 2 and "watching" not in done.stderr
    assert (tmp_path / "story.html").read_text(encoding="utf-8") == "mine"


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (
            ["--format", "json"],
            "factcheck: --watch prints the text report to the terminal: without --format or --output\n",
        ),
        (["-o", "x.txt"], "factcheck: --watch prints the text report to the terminal: without --format or --output\n"),
        (["--interval", "0"], "factcheck: --interval must be more than 0, not 0.0\n"),
    ],
)
def test_check_watch_misused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, args: list[str], message: str
) -> None:
    monkeypatch.chdir(tmp_path)
    _story(tmp_path)
    assert main(["check", "--watch", *args, "story.claims.toml"]) == 2
    assert capsys.readouterr() == ("", message)


# -- the parts ------------------------------------------------------------------------------------------------


def test_a_touch_keeps_the_digest_and_a_change_moves_it(tmp_path: Path) -> None:
    path = _story(tmp_path)
    first = snapshot([str(path), str(tmp_path / "missing.txt")])
    assert first[str(tmp_path / "missing.txt")] is None
    os.utime(path, ns=(1, 1))
    touched = snapshot([str(path)], first)[str(path)]
    before = first[str(path)]
    assert touched is not None and before is not None and touched[1:] == before[1:] and touched[0] == 1
    path.write_text(CLAIMS.format(loans=1), encoding="utf-8")
    changed = snapshot([str(path)], first)[str(path)]
    assert changed is not None and changed[2] != before[2]


def _result(folder: Path, loans: int) -> FileResult:
    _story(folder, loans)
    return checked_all(str(folder / "story.claims.toml"))[0]


def test_changed_lines_are_the_new_and_different_ones(tmp_path: Path) -> None:
    before, after = _result(tmp_path, 48210), _result(tmp_path, 48310)
    path = str(tmp_path / "story.claims.toml")
    lines = changed_lines(before, after, path)
    assert lines[0] == path and len(lines) == 2 and "✗ contradicted         loans-now, line 18" in lines[1]
    assert changed_lines(after, after, path) == []
    assert changed_lines(before, None, path) == [
        f"{path}: no longer checked (gone, or no longer found below the PATHs)"
    ]
    (tmp_path / "story.claims.toml").write_text(CLAIMS.format(loans=1).split("  [[sentences.claims]]")[0], "utf-8")
    gone = changed_lines(before, checked_all(path)[0], path)
    assert "  – loans-now: gone" in gone
