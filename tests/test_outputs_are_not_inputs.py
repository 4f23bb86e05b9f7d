"""`check -o`, `report -o` and `extract -o --force` never write over a file the same run reads, under any
name: the claims files, the article texts they name, through a symlink, `..` or a hard link."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

import pytest

from factcheck.cli.main import main
from factcheck.errors import InputOverwriteError
from factcheck.runner.output import refuse_inputs

_CLAIMS = """\
format = 1

[article]
title = "A test"
published = 2020-11-10
text = "story.txt"

[figures.offenders]
value = 1405
unit = "offender"

[[sentences]]
text = "There were 1,405."

  [[sentences.claims]]
  id = "exact"
  kind = "value"
  stated = "1,405"
  figure = "offenders"
"""
_ARTICLE = "There were 1,405.\n"


@pytest.fixture
def story(tmp_path: Path) -> Path:
    folder = tmp_path / "news"
    folder.mkdir()
    (folder / "story.txt").write_text(_ARTICLE, encoding="utf-8")
    path = folder / "story.claims.toml"
    path.write_text(_CLAIMS, encoding="utf-8")
    return path


def _symlink(target: Path, at: Path) -> Path:
    at.symlink_to(target)
    return at


def _dotdot(target: Path, folder: Path) -> Path:
    del folder
    (target.parent / "x").mkdir()
    return target.parent / "x" / ".." / target.name


def _hard_link(target: Path, at: Path) -> Path:
    os.link(target, at)
    return at


#: Other names for a file: how an output path can be an input without being spelt the same.
ALIASES: dict[str, Callable[[Path, Path], Path]] = {
    "same": lambda target, folder: target,
    "dotdot": _dotdot,
    "symlink": lambda target, folder: _symlink(target, folder / "alias"),
    "hard-link": lambda target, folder: _hard_link(target, folder / "alias"),
}


def _unchanged(story: Path) -> None:
    assert story.read_text(encoding="utf-8") == _CLAIMS
    assert story.with_name("story.txt").read_text(encoding="utf-8") == _ARTICLE


@pytest.mark.parametrize("alias", sorted(ALIASES))
@pytest.mark.parametrize("which", ["claims file", "article text"])
@pytest.mark.parametrize("fmt", ["text", "json", "github", "junit", "html"])
def test_check_never_writes_its_report_over_an_input(
    story: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], alias: str, which: str, fmt: str
) -> None:
    """`check -o story.txt --force` replaced the article the check had just read."""
    target = story if which == "claims file" else story.with_name("story.txt")
    output = ALIASES[alias](target, tmp_path)
    assert main(["check", "--format", fmt, "-o", str(output), "--force", str(story)]) == 2
    err = capsys.readouterr().err
    assert f"will not write the report over the {which}" in err and "this run reads it" in err
    _unchanged(story)
    assert output.exists() and (alias != "symlink" or output.is_symlink())


def test_check_knows_the_article_of_a_file_answered_from_the_cache(
    story: Path, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    cache = str(tmp_path / "cache")
    assert main(["check", "--cache-dir", cache, str(story)]) == 0
    assert main(["check", "--cache-dir", cache, "-o", str(story.with_name("story.txt")), "--force", str(story)]) == 2
    assert "over the article text 'story.txt'" in capsys.readouterr().err
    _unchanged(story)


def test_check_writes_a_new_report_beside_its_inputs(story: Path, capsys: pytest.CaptureFixture[str]) -> None:
    output = story.with_name("report.txt")
    assert main(["check", "-o", str(output), str(story)]) == 0
    assert "✓ supported" in output.read_text(encoding="utf-8")
    assert main(["check", "-o", str(output), "--force", str(story)]) == 0  # a report is not an input
    del capsys


@pytest.mark.parametrize("alias", sorted(ALIASES))
@pytest.mark.parametrize("which", ["claims file", "article text"])
def test_report_never_writes_its_page_over_an_input(
    story: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], alias: str, which: str
) -> None:
    target = story if which == "claims file" else story.with_name("story.txt")
    output = ALIASES[alias](target, tmp_path)
    assert main(["report", str(story), "-o", str(output), "--force"]) == 2
    assert f"will not write the page over the {which}" in capsys.readouterr().err
    _unchanged(story)


@pytest.mark.parametrize("alias", sorted(ALIASES))
def test_extract_never_writes_its_draft_over_the_article(
    story: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], alias: str
) -> None:
    article = story.with_name("story.txt")
    output = ALIASES[alias](article, tmp_path)
    assert main(["extract", str(article), "-o", str(output), "--force"]) == 2
    assert "will not write the draft over the article" in capsys.readouterr().err
    _unchanged(story)


def test_refuse_inputs_lets_other_files_and_missing_ones_be(tmp_path: Path) -> None:
    a, b = tmp_path / "a", tmp_path / "b"
    a.write_text("a", encoding="utf-8")
    b.write_text("b", encoding="utf-8")
    refuse_inputs(b, [(a, "a"), (tmp_path / "missing", "missing")])
    refuse_inputs(tmp_path / "new", [(a, "a")])
    with pytest.raises(InputOverwriteError, match="is the input 'a', which this run reads"):
        refuse_inputs(a, [(b, "b"), (a, "the input 'a'")])
