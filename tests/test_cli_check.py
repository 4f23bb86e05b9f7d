"""`factcheck check`: exit status, the terminal and JSON reports, --strict, --output and colour.

Most tests call `factcheck.cli.main.main` in-process; a few run the installed console script, so that
what a user sees (stdout, stderr, exit status, no traceback) is tested end to end.
"""

from __future__ import annotations

import json
import os
import pty
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TextIO, cast

import pytest

from factcheck.check.pipeline import check_file
from factcheck.cli.check import wants_colour
from factcheck.cli.main import main
from factcheck.model.verdicts import Verdict
from tests.conftest import BAD

ROOT = Path(__file__).parents[1]
CLAIMS = ROOT / "claims"

BAD_NAMES = sorted(p.stem for p in BAD.glob("*.toml"))
SCRIPT = Path(sys.executable).parent / "factcheck"
ANSI = "\x1b["

_HEAD = 'format = 1\n\n[article]\ntitle = "A test"\npublished = 2020-11-10\n\n'
_FIGURES = '[figures.offenders]\nvalue = 1405\nunit = "offender"\n\n'


def _claim(claim_id: str, stated: str, sentence: str | None = None) -> str:
    sentence = sentence if sentence is not None else f"There were {stated}."  # `stated` quotes its sentence
    return (
        f"[[sentences]]\ntext = {json.dumps(sentence)}\n\n  [[sentences.claims]]\n  id = {json.dumps(claim_id)}\n"
        f'  kind = "value"\n  stated = {json.dumps(stated)}\n  figure = "offenders"\n\n'
    )


def _write(folder: Path, name: str, text: str) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


@pytest.fixture
def good(tmp_path: Path) -> Path:
    return _write(tmp_path / "good", "good.claims.toml", _HEAD + _FIGURES + _claim("exact", "1,405"))


@pytest.fixture
def contradicted(tmp_path: Path) -> Path:
    return _write(
        tmp_path / "bad", "wrong.claims.toml", _HEAD + _FIGURES + _claim("exact", "1,405") + _claim("wrong", "1,500")
    )


def _run(argv: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    status = main(argv)
    out, err = capsys.readouterr()
    return status, out, err


def _script(
    *args: str | Path, env: dict[str, str] | None = None, cwd: Path | None = None
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(SCRIPT), *map(str, args)],
        capture_output=True,
        text=True,
        timeout=60,
        env={**os.environ, **(env or {})},
        cwd=cwd,
        check=False,
    )


# -- exit status ---------------------------------------------------------------------------------


def test_the_example_article_passes(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, err = _run(["check", str(CLAIMS)], capsys)
    assert status == 0
    assert "west-mercia-mappa-2020.claims.toml" in out
    assert "0 contradicted" in out and "0 errors" in out
    assert err == ""


def test_a_contradicted_claim_exits_1(contradicted: Path, capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = _run(["check", str(contradicted)], capsys)
    assert status == 1
    assert "✗ contradicted" in out and "wrong, line " in out
    assert "1 supported, 0 loose, 1 contradicted, 0 unchecked, 0 errors" in out


@pytest.mark.parametrize("name", BAD_NAMES)
def test_each_malformed_file_exits_2_naming_file_line_and_claim(
    bad_file: Callable[[str], Path], name: str, capsys: pytest.CaptureFixture[str]
) -> None:
    path = bad_file(name)
    status, out, err = _run(["check", str(path)], capsys)
    assert status == 2
    assert "Traceback" not in out + err
    assert out.startswith(str(path))  # the file's heading
    result = check_file(path)
    shown = [str(e) for e in result.errors] + [
        f"{o.id}, line {o.location.line}: " for o in result.outcomes if o.verdict is Verdict.ERROR
    ]
    assert shown, "every malformed file has a problem or an error verdict"
    for text in shown:
        assert text in out
    for error in result.errors:
        if error.line is not None:
            assert f"{path}:{error.line}" in out


@pytest.mark.parametrize("name", BAD_NAMES)
def test_each_malformed_file_in_json(
    bad_file: Callable[[str], Path], name: str, capsys: pytest.CaptureFixture[str]
) -> None:
    path = bad_file(name)
    status, out, _ = _run(["check", "--format", "json", str(path)], capsys)
    assert status == 2
    report = json.loads(out)
    [entry] = report["files"]
    assert entry["path"] == str(path)
    errors = [(e["message"], e["line"]) for e in entry["errors"]]
    claim_errors = [(c["id"], c["line"], c["explanation"]) for c in entry["claims"] if c["verdict"] == "error"]
    assert errors or claim_errors
    assert report["summary"]["error"] == len(claim_errors)
    assert all(message for message, _ in errors)


def test_a_missing_path_exits_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = _run(["check", str(tmp_path / "nothere.claims.toml")], capsys)
    assert status == 2
    assert "no such file or folder" in out


def test_an_empty_folder_exits_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = _run(["check", str(tmp_path)], capsys)
    assert status == 2
    assert "no *.claims.toml files found" in out


def test_binary_junk_exits_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    junk = tmp_path / "junk.claims.toml"
    junk.write_bytes(bytes(range(256)))
    status, out, _ = _run(["check", str(junk)], capsys)
    assert status == 2
    assert f"{junk}: not a text file" in out


def test_a_folder_is_searched_recursively(
    tmp_path: Path, good: Path, contradicted: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "notes.toml").write_text("not a claims file at all", encoding="utf-8")
    (tmp_path / "dir.claims.toml").mkdir()  # a folder with a claims file's name is not a file
    status, out, _ = _run(["check", str(tmp_path)], capsys)
    assert status == 1
    assert str(good) in out and str(contradicted) in out and "notes.toml" not in out
    assert out.index(str(contradicted)) < out.index(str(good))  # sorted: bad/ before good/


def test_a_file_named_twice_is_checked_once(good: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _, out, _ = _run(["check", str(good), str(good.parent), str(good)], capsys)
    assert "1 file: 1 supported" in out


def test_a_file_reached_through_a_link_is_checked_once(
    good: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    link = tmp_path / "link.claims.toml"
    link.symlink_to(good)
    _, out, _ = _run(["check", str(good), str(link)], capsys)
    assert "1 file: 1 supported" in out


def test_two_copies_of_a_file_are_two_files(good: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    copy = good.parent / "copy.claims.toml"
    copy.write_bytes(good.read_bytes())
    _, out, _ = _run(["check", str(good), str(copy)], capsys)
    assert "2 files: 2 supported" in out


def test_an_unknown_format_exits_2(good: Path, capsys: pytest.CaptureFixture[str]) -> None:
    status, out, err = _run(["check", "--format", "yaml", str(good)], capsys)
    assert status == 2 and out == ""
    assert "unknown format 'yaml'" in err


# -- one bad file does not hide a good one -------------------------------------------------------


def test_a_malformed_and_a_good_file_in_one_run(
    bad_file: Callable[[str], Path], good: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bad = bad_file("toml-syntax")
    status, out, _ = _run(["check", str(bad), str(good)], capsys)
    assert status == 2
    assert f"{bad}:16: not valid TOML" in out
    assert "✓ supported" in out and "exact, line " in out
    assert "2 files: 1 supported" in out and "1 file could not be read" in out

    status, out, _ = _run(["check", "--format", "json", str(bad), str(good)], capsys)
    assert status == 2
    files = json.loads(out)["files"]
    assert [f["path"] for f in files] == [str(bad), str(good)]
    assert files[0]["claims"] == [] and files[0]["errors"][0]["line"] == 16
    assert [(c["id"], c["verdict"]) for c in files[1]["claims"]] == [("exact", "supported")]


def test_the_console_script_on_every_malformed_file_at_once(tmp_path: Path, good: Path) -> None:
    folder = tmp_path / "all"
    paths = []
    for name in BAD_NAMES:
        placed = _place(folder / name, name)
        paths.append(placed)
    junk = folder / "junk.claims.toml"
    junk.write_bytes(os.urandom(64) + b"\x00")
    done = _script("check", folder, good)
    assert done.returncode == 2
    assert "Traceback" not in done.stdout + done.stderr
    for path in [*paths, junk, good]:
        assert str(path) in done.stdout
    assert "✓ supported            exact, line " in done.stdout  # the good file's claim, reported

    done = _script("check", "--format", "json", folder, good)
    assert done.returncode == 2 and "Traceback" not in done.stderr
    files = {f["path"]: f for f in json.loads(done.stdout)["files"]}
    assert set(files) == {str(p) for p in [*paths, junk, good]}
    assert files[str(good)]["claims"][0]["verdict"] == "supported"


def test_the_console_script_exit_statuses(tmp_path: Path, good: Path, contradicted: Path) -> None:
    assert _script("check", CLAIMS).returncode == 0
    assert _script("check", good).returncode == 0
    assert _script("check", contradicted).returncode == 1
    missing = _script("check", tmp_path / "nothere")
    assert missing.returncode == 2 and "Traceback" not in missing.stderr
    assert _script("check", tmp_path / "good", tmp_path / "nothere").returncode == 2


def test_the_console_script_survives_an_ascii_only_terminal(good: Path) -> None:
    done = _script("check", good, env={"PYTHONIOENCODING": "ascii"})
    assert done.returncode == 0, done.stderr
    assert "\\u2713 supported" in done.stdout


# -- the JSON report's shape, as claims-format.md gives it ---------------------------------------


def test_json_report_has_the_spec_shape(contradicted: Path, capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = _run(["check", "--format", "json", str(contradicted)], capsys)
    assert status == 1
    report = json.loads(out)
    assert report["format"] == 1
    assert set(report["summary"]) == {"supported", "loose", "contradicted", "unchecked", "error"}
    assert report["summary"] == {"supported": 1, "loose": 0, "contradicted": 1, "unchecked": 0, "error": 0}
    [entry] = report["files"]
    assert entry["path"] == str(contradicted)
    assert entry["errors"] == []
    for claim in entry["claims"]:
        assert {"id", "kind", "verdict", "gross", "stated", "computed", "interval", "basis", "explanation"} <= set(
            claim
        )
        assert isinstance(claim["gross"], bool)
        assert claim["verdict"] in report["summary"]
    wrong = next(c for c in entry["claims"] if c["id"] == "wrong")
    assert (wrong["kind"], wrong["verdict"], wrong["stated"], wrong["computed"]) == (
        "value",
        "contradicted",
        "1,500",
        1405.0,
    )
    assert wrong["interval"] == [1450.0, 1550.0]
    assert wrong["basis"] == "unsourced"
    assert "1,405" in wrong["explanation"]


def test_json_errors_have_message_and_line(bad_file: Callable[[str], Path], capsys: pytest.CaptureFixture[str]) -> None:
    _, out, _ = _run(["check", "--format", "json", str(bad_file("several-problems"))], capsys)
    [entry] = json.loads(out)["files"]
    assert [(e["message"], e["line"]) for e in entry["errors"]] == [("`value` must be a number, not 'lots'", 16)]
    assert {c["id"]: c["verdict"] for c in entry["claims"]} == {"good": "supported", "rise": "error", "other": "error"}


# -- --strict ------------------------------------------------------------------------------------


def test_strict_fails_a_loose_claim(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = _write(tmp_path, "loose.claims.toml", _HEAD + _FIGURES + _claim("loose", "more than 1,100"))
    status, out, _ = _run(["check", str(path)], capsys)
    assert status == 0 and "~ loose" in out
    assert _run(["check", "--strict", str(path)], capsys)[0] == 1


def test_strict_fails_a_coverage_gap(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = _write(
        tmp_path,
        "gap.claims.toml",
        _HEAD + _FIGURES + _claim("exact", "1,405") + '[[sentences]]\ntext = "It rose by 3%."\n',
    )
    status, out, _ = _run(["check", str(path)], capsys)
    assert status == 0
    assert f"? gap {path}:" in out and "states a number but has no claim" in out
    assert _run(["check", "--strict", str(path)], capsys)[0] == 1


def test_strict_does_not_soften_an_error(bad_file: Callable[[str], Path], capsys: pytest.CaptureFixture[str]) -> None:
    assert _run(["check", "--strict", str(bad_file("unknown-kind"))], capsys)[0] == 2


# -- --output ------------------------------------------------------------------------------------


def test_output_writes_the_report_to_a_file(tmp_path: Path, good: Path, capsys: pytest.CaptureFixture[str]) -> None:
    target = tmp_path / "report.json"
    status, out, _ = _run(["check", "--format", "json", "--output", str(target), str(good)], capsys)
    assert status == 0 and out == ""
    assert json.loads(target.read_text(encoding="utf-8"))["summary"]["supported"] == 1
    text_target = tmp_path / "report.txt"
    assert _run(["check", "-o", str(text_target), str(good)], capsys)[0] == 0
    assert "✓ supported" in text_target.read_text(encoding="utf-8")
    assert ANSI not in text_target.read_text(encoding="utf-8")


def test_output_never_overwrites_a_claims_file_being_checked(good: Path, capsys: pytest.CaptureFixture[str]) -> None:
    before = good.read_bytes()
    status, _, err = _run(["check", "--output", str(good), str(good)], capsys)
    assert status == 2
    assert "will not write the report over the claims file" in err
    assert good.read_bytes() == before


@pytest.mark.parametrize("where", ["missing-folder/report.txt", "."])
def test_an_unwritable_output_is_an_error_not_a_traceback(
    tmp_path: Path, good: Path, where: str, capsys: pytest.CaptureFixture[str]
) -> None:
    status, _, err = _run(["check", "--output", str(tmp_path / where), str(good)], capsys)
    assert status == 2
    assert "cannot write the report" in err


def test_output_replaces_an_existing_file_only_with_force(
    tmp_path: Path, good: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "notes.txt"
    target.write_text("an editor's notes", encoding="utf-8")
    status, _, err = _run(["check", "-o", str(target), str(good)], capsys)
    assert status == 2 and "already exists; give --force" in err
    assert target.read_text(encoding="utf-8") == "an editor's notes"
    assert _run(["check", "-o", str(target), "--force", str(good)], capsys)[0] == 0
    assert "✓ supported" in target.read_text(encoding="utf-8")


# -- colour, and text a claims file cannot smuggle onto the terminal -----------------------------


class _Stream:
    def __init__(self, tty: bool) -> None:
        self.tty = tty

    def isatty(self) -> bool:
        return self.tty


def test_colour_only_on_a_terminal_without_no_color() -> None:
    assert wants_colour(cast("TextIO", _Stream(True)), environ={})
    assert not wants_colour(cast("TextIO", _Stream(False)), environ={})
    assert not wants_colour(cast("TextIO", _Stream(True)), environ={"NO_COLOR": "1"})
    assert not wants_colour(cast("TextIO", _Stream(True)), no_color=True, environ={})


def test_piped_output_has_no_colour(good: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _, out, _ = _run(["check", str(good)], capsys)
    assert ANSI not in out
    done = _script("check", good, env={"NO_COLOR": ""})
    assert ANSI not in done.stdout


def _on_a_pty(*args: str, env: dict[str, str]) -> tuple[int, str]:
    """Run the console script with its stdout on a pseudo-terminal; return its status and output."""
    controller, terminal = pty.openpty()
    with subprocess.Popen([str(SCRIPT), *args], stdout=terminal, stderr=subprocess.PIPE, env=dict(env)) as process:
        os.close(terminal)
        chunks = []
        while True:
            try:
                chunk = os.read(controller, 4096)
            except OSError:  # EIO: the terminal's other end is closed
                break
            if not chunk:
                break
            chunks.append(chunk)
        status = process.wait(timeout=60)
    os.close(controller)
    return status, b"".join(chunks).decode("utf-8")


def test_colour_on_a_terminal_and_not_with_no_color(good: Path) -> None:
    env = {k: v for k, v in os.environ.items() if k != "NO_COLOR"}
    status, out = _on_a_pty("check", str(good), env=env)
    assert status == 0
    assert f"{ANSI}32m✓ supported" in out
    status, out = _on_a_pty("check", str(good), env={**env, "NO_COLOR": "1"})
    assert status == 0 and "✓ supported" in out and ANSI not in out
    status, out = _on_a_pty("check", "--no-color", str(good), env=env)
    assert ANSI not in out


def test_escapes_in_a_claims_file_do_not_reach_the_terminal(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    text = (
        _HEAD.replace('"A test"', '"Title \\u001b]0;pwned\\u0007"')
        + _FIGURES
        + _claim("id\u001b[2J\u001b[31m", "1,405\u001b[0m", "There \u009b31m were \u202e1,405.")
        + _claim("fine", "1,405")
    )
    folder = tmp_path / "esc\u001b[1m"
    path = _write(folder, "x\u001b[32m.claims.toml", text)
    status, out, _ = _run(["check", str(folder)], capsys)
    assert status == 2  # the stated words cannot be read
    assert "\x1b" not in out and "\x07" not in out and "\x9b" not in out and "\u202e" not in out
    assert "\\x1b[2J" in out  # shown, made visible
    assert "fine, line " in out
    _, out, _ = _run(["check", "--format", "json", str(path)], capsys)
    assert "\x1b" not in out  # JSON escapes them too
    assert json.loads(out)["files"][0]["claims"][0]["id"] == "id\u001b[2J\u001b[31m"
    # The same on a real terminal, where colour is on.
    env = {k: v for k, v in os.environ.items() if k != "NO_COLOR"}
    _, out = _on_a_pty("check", str(path), env=env)
    assert "\x1b[2J" not in out and "\x1b]0;" not in out and "\x1b[31m" not in out.replace(f"{ANSI}31m✗", "")


def _place(folder: Path, name: str) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for text in BAD.glob("*.txt"):
        shutil.copy(text, folder / text.name)
    target = folder / f"{name}.claims.toml"
    shutil.copy(BAD / f"{name}.toml", target)
    return target


@pytest.mark.parametrize("fmt", ["text", "json", "junit", "sarif", "markdown", "github", "html"])
def test_a_file_name_that_is_not_utf8_is_reported_in_every_format(
    tmp_path: Path, good: Path, fmt: str, capsys: pytest.CaptureFixture[str]
) -> None:
    """Such a name crashed the SARIF report (its URI) and every report written with --output."""
    odd = os.fsdecode(os.fsencode(good.parent) + b"/odd\xff.claims.toml")
    shutil.copy(good, odd)
    status, _, err = _run(["check", "--format", fmt, odd, str(good)], capsys)
    assert (status, err) == (0, "")
    target = tmp_path / f"report.{fmt}"
    assert _run(["check", "--format", fmt, "-o", str(target), odd, str(good)], capsys)[0] == 0
    written = target.read_text(encoding="utf-8")
    if fmt not in ("github", "markdown"):  # these list only what needs a look
        assert "odd" in written and str(good) in written
    if fmt == "sarif":
        uris = [a["location"]["uri"] for a in json.loads(written)["runs"][0]["artifacts"]]
        assert uris[0].endswith("/odd%FF.claims.toml")
