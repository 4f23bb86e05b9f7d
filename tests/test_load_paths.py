"""Reading what a claims file names: only a regular file inside its project (or, in none, its folder), of a
bounded size, by every path (the loader, the tables and the cache alike), and never hanging on a FIFO or
growing on /dev/zero."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from factcheck.errors import ReadRefusedError, TableFileError
from factcheck.load.claimsfile import load_claims_file
from factcheck.load.paths import MAX_ARTICLE_BYTES, project_root, read_inside
from factcheck.load.tables import TableSpec, read_table
from factcheck.runner.cache import ResultCache, article_state
from tests.bounded import run_bounded

_CLAIMS = """\
format = 1

[article]
title = "A test"
published = 2020-11-10
text = "{text}"

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


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    inside = tmp_path / "inside"
    inside.mkdir()
    (inside / "article.txt").write_text("There were 1,405.\n", encoding="utf-8")
    (tmp_path / "outside.txt").write_text("There were 1,405.\n", encoding="utf-8")
    return inside


def _claims(folder: Path, text: str, name: str = "x") -> Path:
    path = folder / f"{name}.claims.toml"
    path.write_text(_CLAIMS.format(text=text), encoding="utf-8")
    return path


# -- read_inside ---------------------------------------------------------------------------------


def test_a_regular_file_inside_is_read(folder: Path) -> None:
    target, data = read_inside(folder, "article.txt")
    assert (target, data) == ((folder / "article.txt").resolve(), b"There were 1,405.\n")
    (folder / "sub").mkdir()
    (folder / "sub" / "link.txt").symlink_to(folder / "article.txt")  # a link that stays inside is fine
    assert read_inside(folder, "sub/link.txt")[1] == data
    assert read_inside(folder, "sub/../article.txt")[1] == data


@pytest.mark.parametrize("relative", ["/etc/passwd", "../outside.txt", "link-out.txt", "", " ", "a\x00b"])
def test_anything_outside_the_folder_is_refused(folder: Path, relative: str) -> None:
    (folder / "link-out.txt").symlink_to(folder.parent / "outside.txt")
    with pytest.raises(ReadRefusedError) as refused:
        read_inside(folder, relative)
    assert refused.value.outside


def test_a_fifo_is_refused_without_waiting_for_a_writer(folder: Path) -> None:
    os.mkfifo(folder / "pipe.txt")
    (folder / "link-pipe.txt").symlink_to(folder / "pipe.txt")
    for name in ("pipe.txt", "link-pipe.txt"):
        with pytest.raises(ReadRefusedError, match="not a regular file \\(it is a FIFO\\)") as refused:
            read_inside(folder, name)
        assert not refused.value.outside


def test_a_device_or_a_folder_is_refused(folder: Path) -> None:
    (folder / "zero.txt").symlink_to("/dev/zero")  # outside the folder, once resolved
    with pytest.raises(ReadRefusedError) as refused:
        read_inside(folder, "zero.txt")
    assert refused.value.outside
    (folder / "sub").mkdir()
    with pytest.raises(ReadRefusedError, match="it is a folder"):
        read_inside(folder, "sub")
    with pytest.raises(ReadRefusedError, match="No such file"):
        read_inside(folder, "missing.txt")


def test_a_device_inside_the_folder_is_refused_by_its_descriptor(folder: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A device node cannot be made without privileges; stand /dev/null in for the target's resolution."""
    monkeypatch.setattr(
        Path,
        "resolve",
        lambda self, strict=False: Path("/dev/null") if self.name == "null" else Path(os.path.realpath(self)),
    )
    monkeypatch.setattr(Path, "is_relative_to", lambda self, other: True)
    with pytest.raises(ReadRefusedError, match="it is a device"):
        read_inside(folder, "null")


@settings(max_examples=20, deadline=None)
@given(size=st.integers(0, 64), limit=st.integers(0, 64))
def test_the_size_is_capped(tmp_path_factory: pytest.TempPathFactory, size: int, limit: int) -> None:
    folder = tmp_path_factory.mktemp("cap")
    (folder / "a.txt").write_bytes(b"x" * size)
    if size <= limit:
        assert read_inside(folder, "a.txt", limit=limit)[1] == b"x" * size
    else:
        with pytest.raises(ReadRefusedError, match=f"larger than the {limit:,} bytes"):
            read_inside(folder, "a.txt", limit=limit)


def test_a_missing_file_says_so_and_the_size_message_names_the_file(folder: Path) -> None:
    """Tables read through the same function: they say "no such file" and "a table" where an article says its own."""
    with pytest.raises(ReadRefusedError) as refused:
        read_inside(folder, "missing.csv")
    assert refused.value.missing and not refused.value.outside
    (folder / "t.csv").write_bytes(b"x" * 10)
    with pytest.raises(ReadRefusedError, match="larger than the 5 bytes a table may have"):
        read_inside(folder, "t.csv", limit=5, what="a table")


def test_the_default_cap_refuses_a_huge_file_without_reading_it(folder: Path) -> None:
    with (folder / "huge.txt").open("wb") as huge:
        huge.truncate(MAX_ARTICLE_BYTES + 1)  # sparse: no disk, and not read (the size is seen first)
    with pytest.raises(ReadRefusedError, match="larger than the 8,388,608 bytes"):
        read_inside(folder, "huge.txt")


# -- the loader and the cache use it ---------------------------------------------------------------


def test_the_loader_refuses_a_fifo_and_a_huge_file(folder: Path) -> None:
    os.mkfifo(folder / "pipe.txt")
    problems = load_claims_file(_claims(folder, "pipe.txt")).problems
    assert [p.message for p in problems] == [
        "cannot read the article text 'pipe.txt': not a regular file (it is a FIFO)"
    ]
    with (folder / "huge.txt").open("wb") as huge:
        huge.truncate(MAX_ARTICLE_BYTES + 1)
    (problem,) = load_claims_file(_claims(folder, "huge.txt")).problems
    assert "larger than the 8,388,608 bytes an article text may have" in problem.message
    assert (problem.line, problem.field) == (6, "text")


def test_the_loader_reads_line_ends_as_before(folder: Path) -> None:
    (folder / "article.txt").write_bytes(b"\xef\xbb\xbfThere were\r\n1,405.\r")
    loaded = load_claims_file(_claims(folder, "article.txt"))
    assert loaded.article_text == "There were\n1,405.\n"
    assert not loaded.problems


@pytest.mark.parametrize(
    "text", ["/dev/zero", "../../../../../../dev/zero", "zero-link.txt", "pipe.txt", "pipe-link.txt"]
)
def test_the_cache_reads_nothing_the_loader_refuses(folder: Path, text: str) -> None:
    """The cache read `[article] text` itself, whatever it named: /dev/zero grew until killed, a FIFO hung."""
    (folder / "zero-link.txt").symlink_to("/dev/zero")
    os.mkfifo(folder / "pipe.txt")
    (folder / "pipe-link.txt").symlink_to(folder / "pipe.txt")
    path = _claims(folder, text)
    state = article_state(str(path), text)
    assert state.startswith('["refused"')
    done = run_bounded(["check", "--cache-dir", folder.parent / "cache", path, _claims(folder, "article.txt", "good")])
    assert done.returncode == 2, done.stderr
    assert "Traceback" not in done.stderr
    assert f"{path}:6, field 'text'" in done.stdout
    good = done.stdout[done.stdout.index("good.claims.toml") :]
    assert "✓ supported            exact, line " in good  # the good file, beside it, is still reported
    cache = ResultCache(folder.parent / "cache")
    cache.prepare()
    assert len(cache) == 1  # the good file's entry only: a refused article is never remembered


# -- the project: articles/ and claims/ side by side, inside a repository ---------------------------------


@pytest.fixture(params=[".git", "factcheck.toml", ".git file"])
def newsroom(request: pytest.FixtureRequest, tmp_path: Path) -> Path:
    """A newsroom's repository: `articles/story.txt`, `claims/`, `tables/`, marked by .git (a folder, or the file
    a worktree or submodule has) or by a factcheck.toml project file; a secret beside the repository."""
    root = tmp_path / "desk"
    (root / "articles").mkdir(parents=True)
    (root / "claims").mkdir()
    (root / "articles" / "story.txt").write_text("There were 1,405.\n", encoding="utf-8")
    marker = str(request.param)
    if marker == ".git":
        (root / ".git").mkdir()
        (root / ".git" / "config").write_text("[core]\n", encoding="utf-8")
    elif marker == ".git file":
        (root / ".git").write_text("gitdir: /elsewhere/.git/worktrees/desk\n", encoding="utf-8")
    else:
        (root / "factcheck.toml").write_text("", encoding="utf-8")
    (tmp_path / "secret.txt").write_text("There were 1,405.\n", encoding="utf-8")
    return root


def test_a_file_anywhere_in_the_project_is_read(newsroom: Path) -> None:
    claims = newsroom / "claims"
    assert project_root(claims) == newsroom == project_root(newsroom)
    assert read_inside(claims, "../articles/story.txt")[0] == newsroom / "articles" / "story.txt"
    path = _claims(claims, "../articles/story.txt")
    loaded = load_claims_file(path)
    assert loaded.problems == () and loaded.article_text == "There were 1,405.\n"
    assert json.loads(article_state(str(path), "../articles/story.txt"))[0] == str(newsroom / "articles" / "story.txt")


@pytest.mark.parametrize("text", ["../../secret.txt", "/etc/passwd", "link.txt", "../.git/config", "../.git"])
def test_nothing_outside_the_project_nor_in_git_is_read(newsroom: Path, text: str) -> None:
    claims = newsroom / "claims"
    (claims / "link.txt").symlink_to(newsroom.parent / "secret.txt")
    with pytest.raises(ReadRefusedError) as refused:
        read_inside(claims, text)
    if not (text == "../.git" and (newsroom / ".git").is_file()):
        assert refused.value.outside
        assert refused.value.within == (
            "the project 'desk' (the folder above the claims file that holds .git or factcheck.toml)"
        )
        (problem,) = load_claims_file(_claims(claims, text)).problems
        assert problem.message == (
            f"`text` must point inside the project 'desk' (the folder above the claims file that holds .git or "
            f"factcheck.toml), not {text!r}"
        )


def test_without_a_project_only_the_claims_files_folder_is_inside(tmp_path: Path) -> None:
    (tmp_path / "articles").mkdir()
    (tmp_path / "claims").mkdir()
    (tmp_path / "articles" / "story.txt").write_text("There were 1,405.\n", encoding="utf-8")
    assert project_root(tmp_path / "claims") is None
    (problem,) = load_claims_file(_claims(tmp_path / "claims", "../articles/story.txt")).problems
    assert problem.message == (
        "`text` must point inside the claims file's folder (no folder above it holds .git or factcheck.toml), "
        "not '../articles/story.txt'"
    )


def test_the_nearest_project_is_the_boundary(newsroom: Path) -> None:
    """A project inside a repository (a folder with its own factcheck.toml) keeps its files to itself."""
    inner = newsroom / "sections" / "sport"
    (inner / "claims").mkdir(parents=True)
    (inner / "factcheck.toml").write_text("", encoding="utf-8")
    assert project_root(inner / "claims") == inner
    with pytest.raises(ReadRefusedError, match="outside the project 'sport'"):
        read_inside(inner / "claims", "../../../articles/story.txt")


def test_a_table_anywhere_in_the_project_is_read(newsroom: Path) -> None:
    (newsroom / "tables").mkdir()
    (newsroom / "tables" / "t.csv").write_text("Area,n\na,5\n", encoding="utf-8")
    table = read_table(TableSpec(name="t", path="../tables/t.csv", key="Area"), newsroom / "claims")
    assert table.path == newsroom / "tables" / "t.csv"
    with pytest.raises(TableFileError, match="the file is outside the project 'desk'"):
        read_table(TableSpec(name="t", path="../../t.csv", key="Area"), newsroom / "claims")
