"""Every code block of README.md and docs/*.md is run or parsed, so the documentation stays true.

What each kind of fenced block gets (the info string after the language may hold `{…}` words for the
test; GitHub and MyST ignore them):

- ```python: run as a script; one that starts with `>>>`, and ```pycon, run as a doctest (the doctests of
  a page share their names, as in one interactive session).
- ```sh, ```bash, ```console: every command run with the installed `factcheck`, in the page's own
  temporary project (a copy of claims/ plus the files the page writes), in order. A console block's
  `$ ` lines are the commands and the lines under them the output it must print (`...` stands for
  anything: a whole line of its own for any lines, or part of a line). A command is expected to exit
  0, unless a comment at its end starts with `exit N`. `{no-run}` marks a block of set-up commands that
  install things (or a `--watch`, which runs until Ctrl-C: tests/test_cli_watch.py runs it); such a
  block may hold nothing else.
- ```toml, ```text: `{file=NAME}` writes the block as NAME in the project, `{append=NAME}` adds it to
  the end of NAME, `{excerpt=NAME}` checks that NAME holds it, as written, at that point; a TOML
  block is parsed as TOML whatever else it is for.
- ```json: parsed. ```yaml: parsed, and a GitHub Actions workflow, GitLab CI job or pre-commit
  configuration is checked step by step: its install commands install factcheck from a path or a git
  URL (never `pip install factcheck`, an unrelated package), and its other commands are run in the
  page's project as CI would run them.
- ```{eval-rst} holds autodoc directives (docs/api.md); other `{directive}` fences are Sphinx's.

The docs build itself (Sphinx, warnings as errors) runs in CI: `bash scripts/build-docs`.
"""

from __future__ import annotations

import doctest
import json
import os
import re
import shutil
import subprocess
import sys
import tomllib
from collections.abc import Iterator
from pathlib import Path
from typing import Any, NamedTuple

import pytest
import yaml

from tests.conftest import CLAIMS_DIR, REPO

DOCS = REPO / "docs"
PAGES = [REPO / "README.md", *sorted(DOCS.glob("*.md"))]
BIN = str(Path(sys.executable).parent)

_FENCE = re.compile(r"^(?P<indent> *)(?P<fence>`{3,}|~{3,})(?P<info>.*)$")
_EXIT = re.compile(r"(?:^|\s)#\s*exit (\d+)\b")
_INSTALLS = re.compile(r"\bpip install\b|-m venv\b|\bapt-get install\b|scripts/run-tests|scripts/build-docs")
_WATCHES = re.compile(r"^factcheck (?:check|report) --watch\b")
_ACTIVATES = re.compile(r"^(?:\.|source) \S*bin/activate$")
_PLACEHOLDER = re.compile(r"<[a-z][a-z0-9-]*>")


class Block(NamedTuple):
    page: Path
    line: int  # of the opening fence, 1-based
    lang: str
    words: dict[str, str]  # the {…} words of the info string: flags map to ""
    text: str

    @property
    def where(self) -> str:
        return f"{self.page.relative_to(REPO)}:{self.line}"


def blocks(page: Path) -> list[Block]:
    """The fenced code blocks of a Markdown page, in order."""
    found: list[Block] = []
    lines = page.read_text(encoding="utf-8").splitlines()
    number = 0
    while number < len(lines):
        opening = _FENCE.match(lines[number])
        number += 1
        if not opening:
            continue
        fence, info, indent = opening["fence"], opening["info"].strip(), len(opening["indent"])
        start, body = number, []
        while number < len(lines) and not (
            lines[number].strip().startswith(fence) and not lines[number].strip().strip(fence[0])
        ):
            line = lines[number]
            body.append(line[min(indent, len(line) - len(line.lstrip(" "))) :])  # a block inside a list item
            number += 1
        number += 1
        lang = info.split(maxsplit=1)[0] if info else ""
        words: dict[str, str] = {}
        for group in re.findall(r"\{([^}]*)\}", info.removeprefix(lang)):
            for word in group.split():
                key, _, value = word.partition("=")
                words[key] = value
        found.append(Block(page, start, lang, words, "\n".join(body) + "\n"))
    return found


def prose(page: Path) -> str:
    """The page without its code blocks."""
    text = page.read_text(encoding="utf-8")
    for block in blocks(page):
        text = text.replace(block.text, "")
    return text


# -- commands ----------------------------------------------------------------------------------------


class Command(NamedTuple):
    text: str
    status: int
    output: str | None  # what a console block shows under the command


def shell_commands(block: Block) -> Iterator[Command]:
    """The commands of a sh/bash block (continued lines and here-documents kept whole) or a console block."""
    if block.lang == "console":
        yield from _console_commands(block.text)
        return
    lines = block.text.splitlines()
    while lines:
        line = lines.pop(0)
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        command = [line]
        while command[-1].endswith("\\") and lines:
            command.append(lines.pop(0))
        heredoc = re.search(r"<<-?\s*'?(\w+)'?", line)
        if heredoc:
            while lines:
                command.append(lines.pop(0))
                if command[-1].strip() == heredoc[1]:
                    break
        yield Command("\n".join(command), _status(command[0], command[-1]), None)


def _console_commands(text: str) -> Iterator[Command]:
    command: list[str] = []
    output: list[str] = []
    for line in text.splitlines():
        if line.startswith("$ ") or (command and not output and command[-1].endswith("\\")):
            if command and line.startswith("$ "):
                yield Command("\n".join(command), _status(command[0], command[-1]), "\n".join(output))
                command, output = [], []
            command.append(line.removeprefix("$ "))
        else:
            output.append(line)
    if command:
        yield Command("\n".join(command), _status(command[0], command[-1]), "\n".join(output))


def _status(first: str, last: str) -> int:
    found = _EXIT.search(last) or _EXIT.search(first)
    return int(found[1]) if found else 0


def matches(expected: str, actual: str) -> bool:
    """Does the output match what the page shows? `...` is any lines (alone on a line) or any text."""
    pattern = []
    for line in expected.rstrip("\n").splitlines():
        if line.strip() == "...":
            pattern.append(r"(?:[^\n]*\n)*?")
        else:
            pattern.append(".*?".join(re.escape(piece) for piece in line.rstrip().split("...")) + r"[ \t]*\n")
    lines = "\n".join(line.rstrip() for line in actual.splitlines()) + "\n"
    return re.fullmatch("".join(pattern), lines, flags=re.DOTALL) is not None


class Project:
    """A page's temporary project: a copy of claims/, the files the page writes, a place for CI's files."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.globs: dict[str, Any] = {}  # the doctests of a page share their names, as one session would
        shutil.copytree(CLAIMS_DIR, folder / "claims")
        (folder / "tools").mkdir()
        (folder / "tools" / "factcheck").symlink_to(REPO)  # where the CI recipes keep factcheck (a submodule)
        self.summary = folder.parent / "step-summary.md"
        self.summary.write_text("", encoding="utf-8")  # GitHub creates the summary file before each step
        self.env = {
            **os.environ,
            "PATH": f"{BIN}{os.pathsep}{os.environ.get('PATH', '')}",
            "NO_COLOR": "1",
            "COLUMNS": "80",  # argparse wraps its usage lines to the terminal's width
            "GITHUB_STEP_SUMMARY": str(self.summary),
            "PYTHONDONTWRITEBYTECODE": "1",
            # the pages' pytest runs need neither hypothesis (a second of start-up) nor a cache folder
            "PYTEST_ADDOPTS": "-p no:hypothesispytest -p no:cacheprovider",
        }

    def run(self, command: str, where: str, status: int = 0, output: str | None = None) -> str:
        done = subprocess.run(
            ["bash", "-c", f"set -o pipefail\n{command}"],
            cwd=self.folder,
            env=self.env,
            capture_output=True,
            text=True,
            timeout=120,
            check=False,
        )
        shown = done.stdout + done.stderr
        assert done.returncode == status, f"{where}: `{command}` exited {done.returncode}, not {status}:\n{shown}"
        if output:
            assert matches(output, shown), f"{where}: `{command}` printed\n{shown}\nbut the page shows\n{output}"
        return shown


# -- one test per page: every block in order ---------------------------------------------------------


@pytest.mark.parametrize("page", PAGES, ids=lambda p: str(p.relative_to(REPO)))
def test_every_code_block_runs_or_parses(page: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "project").mkdir()
    project = Project(tmp_path / "project")
    for block in blocks(page):
        HANDLERS.get(block.lang, _unknown)(block, project, monkeypatch)


def _unknown(block: Block, project: Project, monkeypatch: pytest.MonkeyPatch) -> None:
    pytest.fail(f"{block.where}: no test runs or parses a ```{block.lang} block; give it a language this test knows")


def _python(block: Block, project: Project, monkeypatch: pytest.MonkeyPatch) -> None:
    if block.text.lstrip().startswith(">>>"):
        _doctest(block, project, monkeypatch)
        return
    script = project.folder.parent / f"block_{block.line}.py"
    script.write_text(block.text, encoding="utf-8")
    project.run(f"python {script}", block.where)


def _doctest(block: Block, project: Project, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(project.folder)
    test = doctest.DocTestParser().get_doctest(block.text, project.globs, block.where, str(block.page), block.line)
    runner = doctest.DocTestRunner(optionflags=doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE)
    report: list[str] = []
    runner.run(test, out=report.append, clear_globs=False)
    project.globs.update(test.globs)  # DocTest works on a copy
    assert runner.failures == 0 and test.examples, "".join(report) or f"{block.where}: no examples"


def _placeholders_explained(block: Block) -> None:
    """A value the reader must put in, written `<like-this>`, is said in the page's prose."""
    for placeholder in _PLACEHOLDER.findall(block.text):
        assert f"`{placeholder}`" in prose(block.page), f"{block.where}: {placeholder} is not explained on the page"


def _shell(block: Block, project: Project, monkeypatch: pytest.MonkeyPatch) -> None:
    _placeholders_explained(block)
    commands = list(shell_commands(block))
    assert commands, f"{block.where}: an empty command block"
    if "no-run" in block.words:
        for command in commands:
            assert _INSTALLS.search(command.text) or _ACTIVATES.match(command.text) or _WATCHES.match(command.text), (
                f"{block.where}: only set-up commands that install things (or a watch, which runs until Ctrl-C and "
                f"is run by tests/test_cli_watch.py) may be left unrun: {command.text!r}"
            )
        return
    for command in commands:
        project.run(command.text, block.where, command.status, command.output)


def _file(block: Block, project: Project, monkeypatch: pytest.MonkeyPatch) -> None:
    if block.lang == "toml":
        tomllib.loads(block.text)
    if "file" in block.words:
        target = project.folder / block.words["file"]
        target.parent.mkdir(parents=True, exist_ok=True)  # `{file=articles/story.txt}`
        target.write_text(block.text, encoding="utf-8")
    elif "append" in block.words:
        with (project.folder / block.words["append"]).open("a", encoding="utf-8") as file:
            file.write(block.text)
    elif "excerpt" in block.words:
        assert block.text in (project.folder / block.words["excerpt"]).read_text(encoding="utf-8"), (
            f"{block.where}: {block.words['excerpt']} does not hold this excerpt at this point"
        )
    else:
        assert block.lang == "toml", f"{block.where}: a ```text block must say which file it is ({{file=NAME}})"


def _json(block: Block, project: Project, monkeypatch: pytest.MonkeyPatch) -> None:
    json.loads(block.text)


def _directive(block: Block, project: Project, monkeypatch: pytest.MonkeyPatch) -> None:
    """Sphinx directives: the build checks them (autodoc in docs/api.md is checked below as well)."""


def _yaml(block: Block, project: Project, monkeypatch: pytest.MonkeyPatch) -> None:
    document = yaml.safe_load(block.text)
    _placeholders_explained(block)
    if isinstance(document, dict) and "jobs" in document:
        _github_workflow(block, document, project)
    elif isinstance(document, dict) and "repos" in document:
        _pre_commit(block, document, project)
    elif isinstance(document, dict) and any(isinstance(job, dict) and "script" in job for job in document.values()):
        _gitlab(block, document, project)
    else:
        pytest.fail(f"{block.where}: a YAML block this test cannot tell the kind of")


HANDLERS: dict[str, Any] = {
    "python": _python,
    "pycon": _doctest,
    "sh": _shell,
    "bash": _shell,
    "console": _shell,
    "toml": _file,
    "text": _file,
    "json": _json,
    "yaml": _yaml,
}
HANDLERS.update(dict.fromkeys(("{eval-rst}", "{include}", "{toctree}"), _directive))


# -- CI recipes ----------------------------------------------------------------------------------------


def _run_ci_command(block: Block, project: Project, line: str) -> None:
    """An install line is checked (a path or a git URL); any other line runs in the project, as CI runs it."""
    if _INSTALLS.search(line):
        target = line.split("pip install", 1)[1].rsplit(maxsplit=1)[-1].strip("'\"")
        assert target != "factcheck", f"{block.where}: `pip install factcheck` installs an unrelated package"
        assert target.startswith(("git+", "factcheck @ git+")) or (project.folder / target).exists(), (
            f"{block.where}: {line!r} installs from neither a path in the project nor a git URL"
        )
        return
    project.run(line, block.where)


def _run_lines(script: str | list[str]) -> list[str]:
    lines = script if isinstance(script, list) else script.replace("\\\n", " ").splitlines()
    return [line for line in lines if line.strip() and not line.lstrip().startswith("#")]


def _github_workflow(block: Block, workflow: dict[Any, Any], project: Project) -> None:
    assert workflow.get("on", workflow.get(True)), f"{block.where}: a workflow needs `on:`"  # YAML 1.1 reads on as True
    for job in workflow["jobs"].values():
        for step in job["steps"]:
            assert ("uses" in step) != ("run" in step), f"{block.where}: a step either uses an action or runs"
            if "uses" in step:
                assert re.fullmatch(r"[\w-]+/[\w-]+@v\d+", step["uses"]), f"{block.where}: {step['uses']}"
            for line in _run_lines(step.get("run", [])):
                assert "${{" not in line, f"{block.where}: an expression in a command: pass it through env"
                project.summary.write_text("", encoding="utf-8")  # each step gets a summary file of its own
                _run_ci_command(block, project, line)
                if "GITHUB_STEP_SUMMARY" in line:
                    assert project.summary.read_text(encoding="utf-8").strip(), f"{block.where}: no summary written"


def _gitlab(block: Block, pipeline: dict[str, Any], project: Project) -> None:
    for job in (job for job in pipeline.values() if isinstance(job, dict) and "script" in job):
        for line in _run_lines(job.get("before_script", [])) + _run_lines(job["script"]):
            _run_ci_command(block, project, line)
        for line in _run_lines(job.get("after_script", [])):
            _run_ci_command(block, project, line)
        for report in job.get("artifacts", {}).get("reports", {}).values():
            assert (project.folder / report).is_file(), f"{block.where}: the job writes no {report}"


def _pre_commit(block: Block, config: dict[str, Any], project: Project) -> None:
    offered = {hook["id"] for hook in yaml.safe_load((REPO / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))}
    for repo in config["repos"]:
        for hook in repo["hooks"]:
            if repo["repo"] == "local":
                files = sorted(
                    p.relative_to(project.folder).as_posix()
                    for p in project.folder.rglob("*")
                    if re.search(hook["files"], p.as_posix())
                )
                assert files, f"{block.where}: the hook matches no file of the project"
                project.run(f"{hook['entry']} {' '.join(files)}", block.where)
            else:
                assert hook["id"] in offered, f"{block.where}: .pre-commit-hooks.yaml offers no hook {hook['id']!r}"


# -- what the pages must cover ---------------------------------------------------------------------


def test_no_block_installs_the_unrelated_package_or_leaves_a_placeholder() -> None:
    """`pip install factcheck` installs another project from PyPI; `OWNER` was a placeholder nobody explained."""
    for page in PAGES:
        for block in blocks(page):
            assert not re.search(r"pip install (-\S+ )*factcheck\b(?! @)", block.text), block.where
            assert "OWNER" not in block.text, block.where


def _factcheck_help(*args: str) -> str:
    return subprocess.run([f"{BIN}/factcheck", *args, "--help"], capture_output=True, text=True, check=True).stdout


def test_the_cli_page_has_every_subcommand_and_option() -> None:
    page = (DOCS / "cli.md").read_text(encoding="utf-8")
    subcommands = re.findall(r"^ {4}([a-z]+) ", _factcheck_help(), flags=re.MULTILINE)
    assert "check" in subcommands
    for subcommand in subcommands:
        assert f"## `factcheck {subcommand}`" in page, subcommand
        for option in set(re.findall(r"(?<![\w-])--[a-z][a-z-]*", _factcheck_help(subcommand))) - {"--help"}:
            assert f"`{option}" in page, (subcommand, option)


def test_the_pytest_page_has_every_plugin_option() -> None:
    import factcheck.pytest_plugin

    options: list[str] = []

    class Group:
        def addoption(self, *names: str, **_: Any) -> None:
            options.extend(names)

    class Parser:
        def getgroup(self, *_: Any) -> Group:
            return Group()

    factcheck.pytest_plugin.pytest_addoption(Parser())  # type: ignore[arg-type]
    page = (DOCS / "pytest.md").read_text(encoding="utf-8")
    assert options
    assert all(f"`{option}" in page for option in options), options


def test_the_api_page_documents_every_public_name() -> None:
    import factcheck

    page = (DOCS / "api.md").read_text(encoding="utf-8")
    documented = set(re.findall(r"^\.\. auto(?:class|function|exception|data):: factcheck\.(\w+)$", page, re.MULTILINE))
    assert documented == set(factcheck.__all__) - {"__version__"}
    assert "__version__" in page


def test_the_word_table_is_generated_from_the_code_when_the_docs_are_built() -> None:
    sys.path.insert(0, str(DOCS / "_ext"))
    try:
        import wordtable
    finally:
        sys.path.remove(str(DOCS / "_ext"))
    page = (DOCS / "words.md").read_text(encoding="utf-8")
    assert page.count(wordtable.PLACEHOLDER) == 1
    source = [page]
    wordtable._insert_table(None, "words", source)
    table = wordtable.word_table()
    assert table in source[0] and wordtable.PLACEHOLDER not in source[0]
    printed = subprocess.run([f"{BIN}/factcheck", "words"], capture_output=True, text=True, check=True).stdout
    rows = [line for line in printed.splitlines() if line.startswith("|")]
    assert table.splitlines() == rows
    assert rows[0] == "| words | kind | meaning |" and len(rows) > 20
    assert "wordtable" in (DOCS / "conf.py").read_text(encoding="utf-8")
    assert "words:begin" not in (REPO / "README.md").read_text(encoding="utf-8")  # generated in the docs now


def test_the_readme_is_short_and_links_into_the_docs() -> None:
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    assert len(readme.encode("utf-8")) <= 8192
    links = re.findall(r"\]\((docs/[^)#]+)(?:#[^)]*)?\)", readme)
    assert len(links) >= 5
    for link in links:
        assert (REPO / link).is_file(), link
    assert ". .venv/bin/activate" in readme


def test_the_docs_build_script_warns_as_errors() -> None:
    script = (REPO / "scripts" / "build-docs").read_text(encoding="utf-8")
    assert "sphinx -W --keep-going -b html docs docs/_build/html" in script
    assert re.search(r"^docs = \[", (REPO / "pyproject.toml").read_text(encoding="utf-8"), re.MULTILINE)


# -- the test's own rules, on small pages ----------------------------------------------------------


def test_matching_shown_output() -> None:
    assert matches("a\n...\nd\n", "a\nb\nc\nd\n")
    assert matches("a ... c\n", "a b c\n")
    assert matches("[1, 2]\n", "[1, 2]   \n")
    assert not matches("a\nd\n", "a\nb\nd\n")
    assert not matches("a\n", "a\nb\n")


def test_commands_of_a_block(tmp_path: Path) -> None:
    page = tmp_path / "page.md"
    page.write_text(
        "- a list item:\n\n  ```sh {no-run}\n  pip install .\n  ```\n\n```sh\nfactcheck check a \\\n  b   # exit 1: contradicted\n"
        "cat > x <<'EOF'\n$ not a prompt\nEOF\n```\n\n```console\n$ factcheck words\n| words |\n...\n"
        "$ true   # exit 0\n```\n",
        encoding="utf-8",
    )
    first, second, third = blocks(page)
    assert first.words == {"no-run": ""} and first.line == 3 and first.text == "pip install .\n"
    assert [c[:2] for c in shell_commands(second)] == [
        ("factcheck check a \\\n  b   # exit 1: contradicted", 1),
        ("cat > x <<'EOF'\n$ not a prompt\nEOF", 0),
    ]
    assert list(shell_commands(third)) == [
        Command("factcheck words", 0, "| words |\n..."),
        Command("true   # exit 0", 0, ""),
    ]
