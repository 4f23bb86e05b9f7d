"""The project's own tooling: every lint rule ignored says why, no `noqa` hides one, CI and pre-commit run
the same checks, and the import contracts name the layers the folders show."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

import yaml

from tests.conftest import REPO

PYPROJECT = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))
PYPROJECT_TEXT = (REPO / "pyproject.toml").read_text(encoding="utf-8")
CI = (REPO / ".ci" / "run").read_text(encoding="utf-8")


def _block(start: str) -> list[str]:
    """The lines of pyproject.toml from `start` to the closing bracket of what it opens."""
    lines = PYPROJECT_TEXT.splitlines()
    first = lines.index(start)
    end = next(k for k in range(first + 1, len(lines)) if lines[k].startswith("]"))
    return lines[first + 1 : end]


def test_every_ignored_rule_says_why() -> None:
    lint = PYPROJECT["tool"]["ruff"]["lint"]
    assert lint["select"] == ["ALL"]
    lines = [line for line in _block("ignore = [") if line.strip() and not line.strip().startswith("#")]
    rules = [code for line in lines for code in re.findall(r'"([A-Z]+[0-9]*)"', line)]
    assert sorted(rules) == sorted(lint["ignore"])
    commented = [line for line in lines if '"' in line]
    assert all("#" in line for line in commented), [line for line in commented if "#" not in line]


def test_every_per_file_ignore_says_why() -> None:
    section = PYPROJECT_TEXT.split("[tool.ruff.lint.per-file-ignores]", 1)[1].split("\n[", 1)[0]
    entries = [line for line in section.splitlines() if re.search(r'"[A-Z]+[0-9]*"', line)]
    assert entries
    uncommented = [line for line in entries if "#" not in line]
    # a rule listed alone on a line of a multi-line entry is covered by the entry's comment above it
    assert all(re.fullmatch(r'\s*"[A-Z]+[0-9]*",\s*', line) for line in uncommented), uncommented


def test_no_noqa_anywhere() -> None:
    files = [
        p
        for folder in ("src", "tests", "bench", "docs", "scripts")
        for p in (REPO / folder).rglob("*")
        if p.is_file() and p.suffix in (".py", "") and "_build" not in p.parts
    ]
    noqa = re.compile(r"#\s*noqa\b", re.IGNORECASE)
    assert [
        str(p.relative_to(REPO)) for p in files if noqa.search(p.read_text(encoding="utf-8", errors="replace"))
    ] == []


def test_complexity_is_capped_at_fifteen() -> None:
    assert PYPROJECT["tool"]["ruff"]["lint"]["mccabe"]["max-complexity"] == 15


def test_ci_and_pre_commit_run_the_same_checks() -> None:
    for command in ("-m mypy", 'ruff" check', 'ruff" format --check', "lint-imports", "bash scripts/build-docs"):
        assert command in CI, command
    config = yaml.safe_load((REPO / ".pre-commit-config.yaml").read_text(encoding="utf-8"))
    hooks = [hook for repo in config["repos"] for hook in repo["hooks"]]
    assert all(repo["repo"] == "local" for repo in config["repos"])  # no hook fetches anything
    assert all(hook["language"] == "system" for hook in hooks)
    assert {hook["id"] for hook in hooks} == {"ruff", "ruff-format", "mypy", "lint-imports"}
    assert PYPROJECT["tool"]["mypy"]["files"] == ["src", "tests", "bench"]


def test_the_import_contracts_name_every_layer_folder() -> None:
    contracts = PYPROJECT["tool"]["importlinter"]["contracts"]
    (layers,) = [c for c in contracts if c["type"] == "layers" and "containers" not in c]
    named = {part.strip() for level in layers["layers"] for part in level.split("|")}
    package = REPO / "src" / "factcheck"
    folders = {f"factcheck.{p.name}" for p in package.iterdir() if p.is_dir() and (p / "__init__.py").exists()}
    assert folders - {"factcheck.schema"} <= named  # schema/ is data, beside the layers
    assert {"factcheck.errors", "factcheck.pytest_plugin"} <= named
    forbidden = {c["forbidden_modules"][0]: c["ignore_imports"] for c in contracts if c["type"] == "forbidden"}
    assert forbidden == {"pint": ["factcheck.numbers.units -> pint"], "pytest": ["factcheck.pytest_plugin -> pytest"]}


def test_the_test_extra_installs_the_tools_ci_runs() -> None:
    extra = " ".join(PYPROJECT["project"]["optional-dependencies"]["test"])
    for tool in ("mypy", "ruff", "import-linter", "pytest"):
        assert tool in extra, tool
    assert Path(REPO / ".pre-commit-config.yaml").is_file()
