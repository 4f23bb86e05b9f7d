"""The command's entry (cli/main.py): arguments, dispatch, and a start-up that imports only what it uses."""

from __future__ import annotations

import importlib.metadata
import subprocess
import sys

import pytest

from factcheck.cli.main import COMMANDS, main


def test_version_is_the_installed_package_s(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exited:
        main(["--version"])
    assert exited.value.code == 0
    assert capsys.readouterr().out == f"factcheck {importlib.metadata.version('factcheck')}\n"


def test_no_command_prints_the_help_and_exits_2(capsys: pytest.CaptureFixture[str]) -> None:
    assert main([]) == 2
    help_text = capsys.readouterr().err
    assert all(name in help_text for name in COMMANDS)


def _loaded_by(argv: list[str]) -> list[str]:
    probe = (
        "import sys; from factcheck.cli.main import main\n"
        "try:\n    main(sys.argv[1:])\nexcept SystemExit:\n    pass\n"
        "sys.stderr.write(' '.join(sorted(m for m in sys.modules if m.startswith('factcheck.') "
        "or m in ('attr', 'pint'))))"
    )
    done = subprocess.run([sys.executable, "-c", probe, *argv], capture_output=True, text=True, check=True)
    return done.stderr.split()


def test_version_and_help_import_nothing_of_the_library() -> None:
    for argv in (["--version"], ["--help"]):
        assert _loaded_by(argv) == ["factcheck.cli", "factcheck.cli.main"]


def test_only_the_subcommand_asked_for_is_imported() -> None:
    loaded = _loaded_by(["schema"])
    assert "factcheck.cli.schema" in loaded
    assert not {"factcheck.cli.check", "factcheck.cli.extract", "factcheck.cli.report", "attr"} & set(loaded)


@pytest.mark.parametrize("name", sorted(COMMANDS))
def test_each_subcommand_has_its_module(name: str) -> None:
    module = importlib.import_module(COMMANDS[name][0])
    assert callable(module.add_arguments) and callable(module.run)


def test_a_one_article_check_imports_only_what_checking_needs() -> None:
    """One article checked afresh (the start-up the cold path is measured by) loads no pint, no cache (sqlite3),
    no process pool, no tomllib (rtoml reads the file; tomllib is for what rtoml cannot read the same way, and
    for telling an article from a claims file not named .toml), and compiles no table-heading pattern."""
    from pathlib import Path

    claims = Path(__file__).resolve().parent.parent / "claims"
    probe = (
        "import sys; from factcheck.cli.main import main; status = main(sys.argv[1:])\n"
        "from factcheck.words import periods\n"
        "heavy = ('pint', 'sqlite3', 'factcheck.runner.cache', 'concurrent.futures', 'tomllib')\n"
        "sys.stderr.write(repr([m for m in heavy if m in sys.modules] + [periods._heading.cache_info().currsize]))\n"
        "raise SystemExit(status)"
    )
    done = subprocess.run(
        [sys.executable, "-c", probe, "check", "--no-cache", str(claims)], capture_output=True, text=True, check=False
    )
    assert (done.returncode, done.stderr) == (0, "[0]")


def test_an_ordinary_claims_file_never_imports_the_template_or_table_readers() -> None:
    """A claims file with neither `[template]` nor `[tables]` is checked without the modules that read them."""
    from pathlib import Path

    story = Path(__file__).resolve().parent.parent / "claims" / "west-mercia-mappa-2020.claims.toml"
    probe = (
        "import sys; from factcheck.cli.main import main; status = main(sys.argv[1:])\n"
        "readers = ('factcheck.load.template', 'factcheck.load.slots', 'factcheck.load.tables')\n"
        "sys.stderr.write(repr([m for m in readers if m in sys.modules]))\n"
        "raise SystemExit(status)"
    )
    done = subprocess.run(
        [sys.executable, "-c", probe, "check", "--no-cache", str(story)], capture_output=True, text=True, check=False
    )
    assert (done.returncode, done.stderr) == (0, "[]")
