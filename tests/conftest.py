"""Shared fixtures: where the labelled articles live, and small claims files written on the fly.

The project carries its own labelled articles (tests/data/labelled), checked on every run. The larger
shared evaluation set lives outside the checkout, in ../shared/eval: its tests run whenever it is there
and are skipped, with a reason naming the folder, when it is not, so that a fresh clone passes on its
own. CI sets FACTCHECK_REQUIRE_EVAL=1, which turns its absence into a failure of the whole run.
"""

from __future__ import annotations

import os
import re
import shutil
import textwrap
from collections.abc import Callable
from pathlib import Path
from typing import Any, NoReturn

import pytest

#: tests/data holds fixture claims files for the extractor and malformed inputs: inputs to tests,
#: not suites of their own, so the factcheck pytest plugin must not collect them here.
collect_ignore_glob = ["data/*"]

REPO = Path(__file__).resolve().parent.parent
CLAIMS_DIR = REPO / "claims"
SHARED = REPO.parent / "shared"
EVAL_DIR = SHARED / "eval"
#: The shared evaluation set of tables and ranks (articles whose figures are read from tables).
EVAL_TABLES_DIR = SHARED / "eval-tables"
LABELLED_DIR = REPO / "tests" / "data" / "labelled"

#: Set by CI: the shared evaluation set must be there, and a run without it fails.
REQUIRE_EVAL = os.environ.get("FACTCHECK_REQUIRE_EVAL") == "1"
EVAL_NOT_FOUND = f"the shared evaluation set was not found at {EVAL_DIR} (../shared/eval beside the checkout)"
EVAL_MISSING = f"{EVAL_NOT_FOUND}, so the tests that read it are skipped; FACTCHECK_REQUIRE_EVAL=1 makes this a failure"
EVAL_TABLES_NOT_FOUND = f"the shared evaluation set of tables was not found at {EVAL_TABLES_DIR} (../shared/eval-tables beside the checkout)"
EVAL_TABLES_MISSING = (
    f"{EVAL_TABLES_NOT_FOUND}, so the tests that read it are skipped; FACTCHECK_REQUIRE_EVAL=1 makes this a failure"
)


def pytest_sessionstart(session: pytest.Session) -> None:
    """Under FACTCHECK_REQUIRE_EVAL=1 a missing evaluation set fails the run before any test, rather
    than skipping the tests that need it."""
    if REQUIRE_EVAL and not has_eval():
        pytest.exit(f"FACTCHECK_REQUIRE_EVAL=1, but {EVAL_NOT_FOUND}", returncode=1)
    if REQUIRE_EVAL and not any(EVAL_TABLES_DIR.glob("*.claims.toml")):
        pytest.exit(f"FACTCHECK_REQUIRE_EVAL=1, but {EVAL_TABLES_NOT_FOUND}", returncode=1)


def has_eval() -> bool:
    return any(EVAL_DIR.glob("*.claims.toml"))


def labelled_files() -> list[Path]:
    """The project's own labelled claims files: always there, whatever lies beside the checkout."""
    files = sorted(LABELLED_DIR.glob("*.claims.toml"))
    assert files, f"no labelled claims files in {LABELLED_DIR}"
    return files


def skip_without_eval() -> NoReturn:
    """Inside a test that needs ../shared/eval: say plainly that it is missing (a failure under
    FACTCHECK_REQUIRE_EVAL=1, a skip otherwise)."""
    if REQUIRE_EVAL:
        pytest.fail(EVAL_MISSING)
    pytest.skip(EVAL_MISSING)


def eval_files() -> list[Path]:
    """The shared evaluation set, for use inside a test; the test is skipped (with the reason) without it."""
    files = sorted(EVAL_DIR.glob("*.claims.toml"))
    if not files:
        skip_without_eval()
    return files


def eval_files_if_present() -> list[Path]:
    """The shared evaluation set, or nothing: for tests that read it as extra input beside the labelled files."""
    return sorted(EVAL_DIR.glob("*.claims.toml"))


def eval_params() -> list[Any]:
    """The shared evaluation set as parameters; without it, one parameter skipped with the reason."""
    files = eval_files_if_present()
    if files:
        return [pytest.param(path, id=path.name.removesuffix(".claims.toml")) for path in files]
    return [pytest.param(EVAL_DIR, id="shared-eval-missing", marks=pytest.mark.skip(reason=EVAL_MISSING))]


def eval_tables_params() -> list[Any]:
    """The shared evaluation set of tables as parameters; without it, one parameter skipped with the reason."""
    files = sorted(EVAL_TABLES_DIR.glob("*.claims.toml"))
    if files:
        return [pytest.param(path, id=path.name.removesuffix(".claims.toml")) for path in files]
    return [
        pytest.param(
            EVAL_TABLES_DIR, id="shared-eval-tables-missing", marks=pytest.mark.skip(reason=EVAL_TABLES_MISSING)
        )
    ]


@pytest.fixture(autouse=True)
def own_cache(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Each test's `factcheck check` gets a cache of its own (in a temporary folder, never the
    checkout), so no test is answered from another test's run."""
    folder = tmp_path_factory.mktemp("cache") / "cache"
    monkeypatch.setenv("FACTCHECK_CACHE_DIR", str(folder))
    return folder


@pytest.fixture
def write_claims(tmp_path: Path) -> Callable[..., Path]:
    """Write a claims file from TOML text (dedented) and return its path."""

    def write(body: str, name: str = "test.claims.toml", article: str | None = None) -> Path:
        path = tmp_path / name
        path.write_text(textwrap.dedent(body), encoding="utf-8")
        if article is not None:
            (tmp_path / "article.txt").write_text(article, encoding="utf-8")
        return path

    return write


HEADER = """\
format = 1

[article]
title = "Test"
published = 2024-01-01
"""
ROOT = REPO
DATA = ROOT / "tests" / "data"
EVAL = EVAL_DIR


def labelled_articles() -> list[Path]:
    """Articles with a hand-made claims file: the fixtures, the example, the project's labelled articles
    and the evaluation set if present."""
    folders = [DATA, ROOT / "claims", LABELLED_DIR, EVAL]
    return [
        p
        for f in folders
        if f.is_dir()
        for p in sorted(f.glob("*.txt"))
        if p.with_name(p.name[:-4] + ".claims.toml").exists()
    ]


BAD = Path(__file__).parent / "data" / "bad"


def place_bad(folder: Path, name: str) -> Path:
    """Copy tests/data/bad/NAME.toml into `folder`/sub/ as NAME.claims.toml, with the texts it names.

    The fixtures are named NAME.toml so that nothing collecting *.claims.toml picks them up by
    accident. A file goes one level down so that `text = "../outside.txt"` has a real file to point
    at (the rule refused is then the folder rule, not "missing"); link.txt is a symlink to it.
    """
    sub = folder / "sub"
    sub.mkdir(parents=True, exist_ok=True)
    (folder / "outside.txt").write_text("There were 1,405.\n", encoding="utf-8")
    for text in BAD.glob("*.txt"):
        shutil.copy(text, sub / text.name)
    target = sub / f"{name}.claims.toml"
    shutil.copy(BAD / f"{name}.toml", target)
    link = sub / "link.txt"
    if not link.is_symlink():
        link.symlink_to(folder / "outside.txt")
    return target


@pytest.fixture
def bad_file(tmp_path: Path) -> Callable[[str], Path]:
    """`bad_file("unknown-kind")`: the path of that malformed file, placed in tmp_path."""
    return lambda name: place_bad(tmp_path, name)


_STATED_LINE = re.compile(r'^\s*stated\s*=\s*"((?:[^"\\]|\\.)*)"\s*$')
_TEXT_LINE = re.compile(r'^(\s*text\s*=\s*)"(?:[^"\\]|\\.)*"(\s*)$')


def quoting(claims_toml: str) -> str:
    """A claims file's TOML with each sentence's `text` made the words its claims state, joined by "and".

    For tests that build a small file to judge claims, not sentences: the second edition requires a
    claim's `stated` to be found in its sentence ("Stated words are quoted"). A sentence whose
    claims state nothing, or whose text is not a one-line basic string, is left as it is.
    """
    lines = claims_toml.split("\n")
    text_line: int | None = None
    said: list[str] = []

    def settle() -> None:
        if text_line is not None and said:
            match = _TEXT_LINE.match(lines[text_line])
            if match:
                lines[text_line] = f'{match.group(1)}"{" and ".join(said)}"{match.group(2)}'

    for number, line in enumerate(lines):
        if line.strip() == "[[sentences]]":
            settle()
            text_line, said = None, []
        elif text_line is None and _TEXT_LINE.match(line):
            text_line = number
        elif (stated := _STATED_LINE.match(line)) is not None:
            said.append(stated.group(1))
    settle()
    return "\n".join(lines)
