"""Help that teaches: every format in `check --help`, examples in every subcommand's help, and the hint
for an article named where a claims file is wanted."""

from __future__ import annotations

import argparse
import importlib
import re
import shlex
from pathlib import Path

import pytest

from factcheck.cli.main import COMMANDS, main
from factcheck.cli.teaching import article_named
from factcheck.report.formats import FORMATS
from tests.conftest import CLAIMS_DIR


def _help(command: str, capsys: pytest.CaptureFixture[str]) -> str:
    with pytest.raises(SystemExit) as stopped:
        main([command, "--help"])
    assert stopped.value.code == 0
    return capsys.readouterr().out


def _subparser(command: str) -> argparse.ArgumentParser:
    """The subcommand's arguments, as its module builds them, in a parser that raises instead of exiting."""
    parser = argparse.ArgumentParser(prog=f"factcheck {command}", exit_on_error=False)
    importlib.import_module(COMMANDS[command][0]).add_arguments(parser)
    return parser


def test_check_help_lists_every_format_of_the_registry(capsys: pytest.CaptureFixture[str]) -> None:
    shown = " ".join(_help("check", capsys).split())  # argparse wraps the lines
    listed = shown.split("report format: ", 1)[1].split("--output", 1)[0]
    assert re.findall(r"(\w+)(?: \([^)]*\))?(?:,|\s|$)", listed)[: len(FORMATS)] == list(FORMATS)
    assert "html (one page, each article marked)" in shown


@pytest.mark.parametrize("command", sorted(set(COMMANDS) - {"table"}))
def test_every_subcommand_shows_examples_that_parse(command: str, capsys: pytest.CaptureFixture[str]) -> None:
    shown = _help(command, capsys)
    examples = shown.split("\nexamples:\n", 1)[1].splitlines()
    assert 2 <= len(examples) <= 3
    parser = _subparser(command)
    for example in examples:
        words = shlex.split(example, comments=True)
        assert words[:2] == ["factcheck", command], example
        parser.parse_args(words[2 : 2 + _before_pipe(words[2:])])


def _before_pipe(words: list[str]) -> int:
    """The command's own words: a shell redirection or pipe ends them."""
    return next((i for i, word in enumerate(words) if word in {">", "|"}), len(words))


def test_an_article_named_to_check_says_which_command_was_meant(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    Path("story.txt").write_text("Loans rise\n\nLoans rose by 14 per cent.\n", encoding="utf-8")
    for command in (["check", "story.txt"], ["report", "story.txt", "-o", "page.html"]):
        assert main(command) == 2
        out, err = capsys.readouterr()
        assert out == ""
        assert err == (
            "factcheck: story.txt looks like an article, not a claims file: run `factcheck extract story.txt` "
            "to draft its claims file\n"
        )
    assert not Path("page.html").exists()
    Path("my story.md").write_text("# Loans rise\n\nLoans rose.\n", encoding="utf-8")
    assert main(["check", "my story.md"]) == 2
    assert "run `factcheck extract 'my story.md'`" in capsys.readouterr().err  # as a shell takes it


def test_a_claims_file_is_never_taken_for_an_article(tmp_path: Path) -> None:
    example = next(CLAIMS_DIR.glob("*.claims.toml"))
    renamed = tmp_path / "story.claims"
    renamed.write_bytes(example.read_bytes())
    broken = tmp_path / "broken.claims.toml"
    broken.write_text("this is not TOML\n", encoding="utf-8")
    assert not article_named(str(renamed))  # TOML, whatever its name
    assert not article_named(str(broken))  # named as a claims file: the loader says what is wrong
    assert not article_named(str(tmp_path))  # a folder
    assert not article_named(str(tmp_path / "missing.txt"))  # the loader says it is missing
    (tmp_path / "binary.txt").write_bytes(b"\xff\xfe\x00")
    assert not article_named(str(tmp_path / "binary.txt"))  # not text: the loader says so


def test_words_prints_the_table_alone(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["words"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("| words | kind | meaning |\n| --- | --- | --- |\n")
    assert "<!--" not in out and out.endswith("|\n")
