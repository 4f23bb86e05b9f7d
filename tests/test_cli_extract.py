from __future__ import annotations

import os
from pathlib import Path

import pytest

from factcheck.cli.main import main
from factcheck.load.claimsfile import load_claims_file

ARTICLE = (
    "date 2023-11-30 Fly-tipping rose by 11 per cent\n\n"
    "Westbrook had 4,452 incidents. That is 16.6 for every 1,000 people.\n\n"
    "Councillor Pryce said: “We will act.”\n"
)


@pytest.fixture
def article(tmp_path: Path) -> Path:
    path = tmp_path / "story.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    return path


def test_extract_writes_a_draft_beside_the_article(article: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["extract", str(article)]) == 0
    output = article.with_name("story.claims.toml")
    err = capsys.readouterr().err
    assert "4 sentences, 3 draft claims" in err
    assert f"3 claims still need inputs (figures or table cells): run `factcheck suggest {output}`" in err
    assert "`published` is a placeholder" not in err
    loaded = load_claims_file(output)
    assert loaded.problems == () and loaded.gaps == ()
    assert loaded.article is not None and str(loaded.article.published) == "2023-11-30"
    assert main(["check", str(output)]) == 1  # a draft never passes
    assert main(["check", "--strict", str(output)]) == 1


def test_extract_refuses_to_overwrite_unless_forced(article: Path, capsys: pytest.CaptureFixture[str]) -> None:
    output = article.with_name("mine.claims.toml")
    output.write_text("my own work\n", encoding="utf-8")
    assert main(["extract", str(article), "-o", str(output)]) == 2
    assert "already exists; use --force" in capsys.readouterr().err
    assert output.read_text(encoding="utf-8") == "my own work\n"
    assert main(["extract", str(article), "-o", str(output), "--force"]) == 0
    assert output.read_text(encoding="utf-8").startswith("# Drafted by `factcheck extract`")


def test_extract_to_standard_output(article: Path, capsys: pytest.CaptureFixture[str]) -> None:
    cwd = os.getcwd()
    os.chdir(article.parent)
    try:
        assert main(["extract", article.name, "-o", "-"]) == 0
    finally:
        os.chdir(cwd)
    assert 'text = "story.txt"' in capsys.readouterr().out


def test_extract_output_must_see_the_article(article: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    elsewhere = tmp_path / "sub"
    elsewhere.mkdir()
    assert main(["extract", str(article), "-o", str(elsewhere / "x.claims.toml")]) == 2
    assert "must be in the article's folder or above it" in capsys.readouterr().err


def test_extract_unreadable_article(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["extract", str(tmp_path / "missing.txt")]) == 2
    assert "cannot read the article" in capsys.readouterr().err
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"\xff\xfe\x00")
    assert main(["extract", str(bad)]) == 2
    assert "not UTF-8" in capsys.readouterr().err


def test_an_undated_article_gets_a_published_that_asks_to_be_filled_in(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    article = tmp_path / "undated.txt"
    article.write_text("Fires fell\n\nThere were 212 fires.\n", encoding="utf-8")
    assert main(["extract", str(article)]) == 0
    assert "`published` is a placeholder: the article has no `date YYYY-MM-DD` line" in capsys.readouterr().err
    output = article.with_name("undated.claims.toml")
    assert "FILL IN" in output.read_text(encoding="utf-8")
    assert main(["check", str(output)]) == 2  # it fails to load, saying what to fill in
    captured = capsys.readouterr()
    assert "`published` must be a TOML date such as 2020-11-10, not 'FILL IN: the date" in captured.out + captured.err
