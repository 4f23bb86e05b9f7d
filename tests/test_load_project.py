"""The project file: every key read and applied (the command line winning), and every error located."""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import pytest

from factcheck.cli.main import main
from factcheck.errors import ProjectFileError
from factcheck.load.project import KEYS, Project, find_project, read_project
from tests.conftest import CLAIMS_DIR

#: A claims file that passes, but not with --strict: a sentence states a number and has no claim.
GAP = """\
format = 1

[article]
title = "Gap"
published = 2024-01-01

[[sentences]]
text = "There were 12 of them."
"""

ALL_KEYS = """\
# the desk's defaults
paths = ["claims"]
strict = true
format = "json"
cache-dir = "cache"
jobs = 2
"""


def _desk(tmp_path: Path, project: str, name: str = "factcheck.toml") -> Path:
    """A repository with the example claims (and their article texts) in claims/, and a project file."""
    desk = tmp_path / "desk"
    (desk / ".git").mkdir(parents=True)
    shutil.copytree(CLAIMS_DIR, desk / "claims")  # with the template's versions, in a folder of their own
    (desk / "claims" / "gap.claims.toml").write_text(GAP, encoding="utf-8")
    (desk / name).write_text(project, encoding="utf-8")
    return desk


def test_every_key_is_read(tmp_path: Path) -> None:
    desk = _desk(tmp_path, ALL_KEYS)
    project = read_project(desk / "factcheck.toml")
    assert project == Project(
        path=desk / "factcheck.toml",
        paths=("claims",),
        strict=True,
        format="json",
        cache_dir="cache",
        jobs=2,
        lines={"paths": 2, "strict": 3, "format": 4, "cache-dir": 5, "jobs": 6},
    )
    assert set(project.lines) == set(KEYS)


def test_it_is_found_from_any_folder_below_and_not_past_the_repository(tmp_path: Path) -> None:
    desk = _desk(tmp_path, ALL_KEYS)
    (desk / "claims" / "deep").mkdir()
    found = find_project(desk / "claims" / "deep")
    assert found is not None and found.path == desk / "factcheck.toml"
    (tmp_path / "factcheck.toml").write_text(ALL_KEYS, encoding="utf-8")
    (desk / "factcheck.toml").unlink()
    assert find_project(desk / "claims") is None  # the repository's top is as far as the search goes


def test_pyproject_tool_factcheck_is_a_project_file(tmp_path: Path) -> None:
    desk = _desk(tmp_path, '[project]\nname = "desk"\n\n[tool.factcheck]\nstrict = true\njobs = 3\n', "pyproject.toml")
    found = find_project(desk)
    assert found is not None and (found.strict, found.jobs, found.lines) == (True, 3, {"strict": 5, "jobs": 6})
    (desk / "pyproject.toml").write_text('[project]\nname = "desk"\n', encoding="utf-8")
    assert find_project(desk) is None  # a pyproject.toml without [tool.factcheck] is not one
    (desk / "pyproject.toml").write_text("[tool.factcheck]\njobs = 3\n", encoding="utf-8")
    (desk / "factcheck.toml").write_text("jobs = 4\n", encoding="utf-8")
    found = find_project(desk)
    assert found is not None and found.jobs == 4  # factcheck.toml first


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("strickt = true\n", "factcheck.toml:1, key 'strickt': unknown key 'strickt' (did you mean 'strict'?)"),
        ("\ncolour = 1\n", "factcheck.toml:2, key 'colour': unknown key 'colour' (the keys: paths, strict, format, "),
        ('paths = "claims"\n', "factcheck.toml:1, key 'paths': must be a list of paths (strings), not 'claims'"),
        ("paths = []\n", "factcheck.toml:1, key 'paths': must be a list of paths (strings), not []"),
        ("paths = [1]\n", "factcheck.toml:1, key 'paths': must be a list of paths (strings), not [1]"),
        ('strict = "yes"\n', "factcheck.toml:1, key 'strict': must be true or false, not 'yes'"),
        ("format = 1\n", "factcheck.toml:1, key 'format': must be a format's name (a string), not 1"),
        ('cache-dir = " "\n', "factcheck.toml:1, key 'cache-dir': must be a folder's path (a string), not ' '"),
        ("jobs = 0\n", "factcheck.toml:1, key 'jobs': must be a whole number, 1 or more, or 'auto', not 0"),
        ("jobs = true\n", "factcheck.toml:1, key 'jobs': must be a whole number, 1 or more, or 'auto', not True"),
        ("jobs = 1.5\n", "factcheck.toml:1, key 'jobs': must be a whole number, 1 or more, or 'auto', not 1.5"),
        ("jobs = \n", "factcheck.toml:1: not valid TOML: "),
        ("[paths]\nx = 1\n", "factcheck.toml, key 'paths': must be a list of paths (strings), not {'x': 1}"),
    ],
)
def test_every_error_is_located(tmp_path: Path, text: str, message: str) -> None:
    (tmp_path / "factcheck.toml").write_text(text, encoding="utf-8")
    with pytest.raises(ProjectFileError) as raised:
        read_project(tmp_path / "factcheck.toml")
    assert str(raised.value).startswith(f"{tmp_path / message.split(':', 1)[0].split(',', 1)[0]}")
    assert str(raised.value).removeprefix(str(tmp_path) + os.sep).startswith(message)


def test_a_bad_pyproject_table_and_bad_bytes_are_located(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text("[tool.factcheck]\n\njobs = -1\n", encoding="utf-8")
    with pytest.raises(ProjectFileError, match=r"pyproject.toml:3, key 'jobs': must be a whole number"):
        find_project(tmp_path)
    (tmp_path / "factcheck.toml").write_bytes(b"jobs = \xff\n")
    with pytest.raises(ProjectFileError, match=r"factcheck.toml: not UTF-8 text \(byte 7\)"):
        find_project(tmp_path)


# -- the command: defaults from the project file, the command line winning --------------------------------------


def _run(args: list[str], cwd: Path, capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    old = Path.cwd()
    os.chdir(cwd)
    try:
        status = main(args)
    finally:
        os.chdir(old)
    out, err = capsys.readouterr()
    return status, out, err


def test_check_with_no_path_uses_every_default(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("FACTCHECK_CACHE_DIR", raising=False)
    desk = _desk(tmp_path, ALL_KEYS.replace('format = "json"', 'format = "text"'))
    (desk / "claims" / "deep").mkdir()
    status, out, _ = _run(["check"], desk / "claims" / "deep", capsys)  # paths are the project file's folder's
    assert status == 1  # strict: the example's loose or unchecked claims fail
    assert out.startswith(os.path.join("..", "gap.claims.toml"))
    assert (desk / "cache" / "CACHEDIR.TAG").is_file()  # cache-dir, relative to the project file

    status, out, _ = _run(["check", "--no-strict", "--format", "json", "--cache-dir", "elsewhere"], desk, capsys)
    assert status == 0  # the command line wins
    assert json.loads(out)["files"][0]["path"] == os.path.join("claims", "gap.claims.toml")
    assert (desk / "elsewhere").is_dir()

    (desk / "factcheck.toml").write_text(ALL_KEYS, encoding="utf-8")
    status, out, _ = _run(["check", "--no-strict"], desk, capsys)
    assert status == 0 and json.loads(out)["files"]  # format = "json"


def _jobs_checked_with(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """The returned list gets the `jobs` of each `factcheck check` run from here on, as the check goes on with it
    (after the project file and `auto` are applied)."""
    from factcheck.cli import check

    seen: list[int] = []
    real = check._check

    def spy(args: object) -> int:
        status = real(args)  # type: ignore[arg-type]
        seen.append(args.jobs)  # type: ignore[attr-defined]
        return status

    monkeypatch.setattr(check, "_check", spy)
    return seen


def test_jobs_from_the_project_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    desk = _desk(tmp_path, 'paths = ["claims"]\njobs = 2\n')
    seen = _jobs_checked_with(monkeypatch)
    assert _run(["check", "--no-cache"], desk, capsys)[0] == 0
    assert _run(["check", "--no-cache", "-j", "1"], desk, capsys)[0] == 0
    assert seen == [2, 1]


def test_report_with_no_path_uses_the_project_files_paths(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    desk = _desk(tmp_path, 'paths = ["claims"]\n')
    status, _, err = _run(["report", "-o", "desk.html"], desk, capsys)
    assert status == 0, err
    assert "west-mercia-mappa-2020" in (desk / "desk.html").read_text(encoding="utf-8")


@pytest.mark.parametrize("command", [["check"], ["report", "-o", "x.html"]])
def test_no_path_and_no_project_paths_says_what_to_do(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], command: list[str]
) -> None:
    (tmp_path / ".git").mkdir()
    status, out, err = _run(command, tmp_path, capsys)
    assert (status, out) == (2, "")
    assert err == (
        "factcheck: name the claims files or folders to check (PATH), or list them as `paths` in a factcheck.toml "
        "project file\n"
    )


def test_a_bad_project_file_stops_the_command(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    desk = _desk(tmp_path, 'format = "htm"\n')
    status, out, err = _run(["check", "claims"], desk, capsys)
    assert (status, out) == (2, "")
    assert err == (
        "factcheck: factcheck.toml:1, key 'format': unknown format 'htm' "
        "(one of: text, json, html, junit, sarif, markdown, github)\n"
    )
    (desk / "factcheck.toml").write_text("jobs = 0\n", encoding="utf-8")
    status, _, err = _run(["check", "claims"], desk, capsys)
    assert status == 2 and err.endswith(
        "factcheck.toml:1, key 'jobs': must be a whole number, 1 or more, or 'auto', not 0\n"
    )


def test_a_run_answered_from_the_cache_with_a_project_file_loads_only_the_standard_library(tmp_path: Path) -> None:
    """The project file is read on every run, so it must not bring attrs (nor the verifier) onto the cached path."""
    import subprocess
    import sys

    desk = _desk(tmp_path, 'paths = ["claims/west-mercia-mappa-2020.claims.toml"]\ncache-dir = "cache"\n')
    probe = (
        "import sys; from factcheck.cli.main import main; status = main(sys.argv[1:]); "
        "sys.stderr.write(repr(sorted(m for m in ('factcheck.check.pipeline', 'attr', 'pint') if m in sys.modules))); "
        "raise SystemExit(status)"
    )
    command = [sys.executable, "-c", probe, "check"]
    first = subprocess.run(command, cwd=desk, capture_output=True, text=True, check=False)
    assert first.returncode == 0 and "'attr'" in first.stderr
    again = subprocess.run(command, cwd=desk, capture_output=True, text=True, check=False)
    assert (again.returncode, again.stderr, again.stdout) == (0, "[]", first.stdout)


@pytest.mark.parametrize("project", ['paths = ["claims"]\njobs = "auto"\n', 'paths = ["claims"]\n'])
def test_jobs_auto_is_a_process_per_processor(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, project: str
) -> None:
    from factcheck.runner.batch import usable_processors

    desk = _desk(tmp_path, project)
    seen = _jobs_checked_with(monkeypatch)
    assert _run(["check", "--no-cache"], desk, capsys)[0] == 0
    assert _run(["check", "--no-cache", "-j", "auto"], desk, capsys)[0] == 0
    assert seen == [usable_processors()] * 2


def test_jobs_that_are_neither_a_number_nor_auto_are_refused(tmp_path: Path) -> None:
    (tmp_path / "factcheck.toml").write_text('jobs = "many"\n', encoding="utf-8")
    with pytest.raises(ProjectFileError, match=r"key 'jobs': must be a whole number, 1 or more, or 'auto', not 'many'"):
        read_project(tmp_path / "factcheck.toml")
