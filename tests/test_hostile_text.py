"""Text a claims file controls (its name, ids, sentences) cannot become a CI workflow command, and cannot
reorder what a reader sees (bidirectional-text controls), in any output."""

from __future__ import annotations

import json
import os
import re
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from factcheck.cli.main import main
from factcheck.report.formats import FORMATS
from factcheck.report.markdown import escape_markdown
from factcheck.report.text import one_line, safe_lines, shown_path

pytest_plugins = ["pytester"]

#: File names that a CI runner would read as a command if a line began with them.
COMMAND_NAMES = [
    "::error title=pwned::boom",
    "::set-env name=X::1",
    "##vso[task.setvariable variable=x]1",
    "##[error]boom",
    "  ::warning::indented",
]
#: What a runner takes for a command: the line, its leading blanks skipped, begins with one of these.
_COMMAND = re.compile(r"^\s*(::|##\w*\[)")

_BODY = """\
format = 1

[article]
title = "A test"
published = 2020-11-10

[figures.offenders]
value = 1405
unit = "offender"

[[sentences]]
text = "There were 1,500 offenders \u202eso it says."

  [[sentences.claims]]
  id = "{claim_id}"
  kind = "value"
  stated = "1,500"
  figure = "offenders"
"""


def _write(folder: Path, name: str, claim_id: str = "wrong") -> Path:
    path = folder / f"{name}.claims.toml"
    path.write_text(_BODY.format(claim_id=claim_id), encoding="utf-8")
    return path


def _commands(text: str) -> list[str]:
    return [line for line in text.splitlines() if _COMMAND.match(line)]


@pytest.mark.parametrize("name", COMMAND_NAMES)
@pytest.mark.parametrize("fmt", list(FORMATS))
def test_no_format_begins_a_line_with_a_command_from_a_file_name(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], fmt: str, name: str
) -> None:
    """The text report began a line with the path as given: a file named `::error title=…` became a command."""
    monkeypatch.chdir(tmp_path)
    _write(tmp_path, name)
    assert main(["check", "--no-cache", "--format", fmt, f"{name}.claims.toml"]) == 1
    out = capsys.readouterr().out
    found = _commands(out)
    if fmt == "github":  # its own commands, and nothing else: the user's text is escaped inside them
        assert [line.split(" ", 1)[0] for line in found] == ["::error"]
        assert "::" not in found[0].split("::", 2)[2].replace("%3A", "")  # the message holds no separator
    else:
        assert found == [], found
    if fmt == "text":
        assert out.startswith(f"./{name.strip()}.claims.toml — A test\n")  # the same file, named safely


def test_the_text_report_still_begins_with_the_path_as_given(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = _write(tmp_path, "ordinary")
    main(["check", "--no-cache", str(path)])
    assert capsys.readouterr().out.startswith(f"{path} — A test\n")


@given(st.text(st.sampled_from([":", "#", "[", "a", " ", "\t", "\n", "\\", "é"])) | st.text())
def test_safe_lines_leaves_no_command_and_changes_nothing_else(text: str) -> None:
    safe = safe_lines(text)
    before, after = text.split("\n"), safe.split("\n")  # a runner reads lines between line feeds
    assert len(after) == len(before)
    for old, new in zip(before, after, strict=True):
        assert not re.match(r"\s*(::|##\w*\[)", new)
        blanks = len(old) - len(old.lstrip())
        assert new in (old, old[:blanks] + "\\" + old[blanks:])  # at most a backslash, before the command


@given(st.text())
def test_a_shown_path_never_begins_a_command(path: str) -> None:
    shown = shown_path(path)
    assert not _COMMAND.match(shown) and "\n" not in shown


def test_suggest_lines_cannot_begin_a_command(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    _write(tmp_path, "::error::x", claim_id="::error::id").write_text(
        _BODY.format(claim_id="::error::id").replace('  figure = "offenders"\n', ""), encoding="utf-8"
    )
    assert main(["suggest", "::error::x.claims.toml"]) == 0
    out = capsys.readouterr().out
    assert _commands(out) == []
    assert out.splitlines()[:2] == ["./::error::x.claims.toml", "  \\::error::id, line 14 (value): '1,500'"]


def test_junit_text_cannot_begin_a_command(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(tmp_path)
    _write(tmp_path, "::error::x")
    main(["check", "--no-cache", "--format", "junit", "::error::x.claims.toml"])
    out = capsys.readouterr().out
    assert _commands(out) == [] and "\\::error::x.claims.toml:14: claim 'wrong'" in out


# -- bidirectional-text controls ------------------------------------------------------------------------


@pytest.mark.parametrize("fmt", list(FORMATS))
def test_a_bidi_control_is_made_visible_in_every_format(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], fmt: str
) -> None:
    """U+202E in a sentence reversed what a reader of the HTML report saw."""
    path = _write(tmp_path, "bidi", claim_id="id\u202ewrong")
    main(["check", "--no-cache", "--format", fmt, str(path)])
    out = capsys.readouterr().out
    if fmt in ("json", "sarif"):  # JSON keeps the exact text; a JSON reader decides how to show it
        json.loads(out)
        return
    assert "\u202e" not in out
    assert "\\u202e" in out.replace("\\\\u202e", "\\u202e")


@pytest.mark.parametrize(
    "char",
    [
        "\u202a",
        "\u202b",
        "\u202c",
        "\u202d",
        "\u202e",
        "\u2066",
        "\u2067",
        "\u2068",
        "\u2069",
        "\u200e",
        "\u200f",
        "\u061c",
    ],
)
def test_every_bidi_control_is_escaped_in_html_and_markdown(tmp_path: Path, char: str) -> None:
    from factcheck.report.html import _e  # the escaping function itself

    assert char not in _e(f"a{char}b") and f"\\u{ord(char):04x}" in _e(f"a{char}b")
    assert char not in escape_markdown(f"a{char}b")
    del tmp_path


def test_markdown_still_folds_control_characters_to_blanks() -> None:
    assert escape_markdown("a\tb\nc\x1bd") == "a b c d"


# -- the pytest plugin ---------------------------------------------------------------------------------


def test_the_plugins_messages_cannot_begin_a_command(
    pytester: pytest.Pytester, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("PYTEST_ADDOPTS", "-p no:hypothesispytest")
    _write(pytester.path, "##vso[task.complete]x")
    result = pytester.runpytest("-p", "no:cacheprovider")
    result.assert_outcomes(failed=1)
    ours = [line for line in result.stdout.lines if "claim 'wrong'" in line or "recomputed" in line]
    assert ours and not any(_COMMAND.match(line) for line in ours)
    assert any(line.startswith("\\##vso[task.complete]x.claims.toml:14: claim 'wrong'") for line in ours)
    assert os.sep  # the file's own node id is pytest's to print, as for any test file


@given(
    st.text(st.sampled_from([*"ab ,.1", " ", "\t", "\n", "\r", "\x1b", "\u202e", "\xa0", "\u2028", "\u3000", "\x1c"]))
    | st.text()
)
def test_one_line_gives_a_line_already_one_as_it_is_and_folds_any_other(text: str) -> None:
    """The quick return of a line that is already one (printable, single blanks, none at an end) gives what
    folding its blanks and showing its controls gives."""
    folded = " ".join(text.split())
    assert one_line(text) == "".join(ch if ch.isprintable() else repr(ch)[1:-1] for ch in folded)
