"""Both exact types give every report byte for byte, and the public API gives back only Fractions.

The engine computes in gmpy2's `mpq` where it is installed, in `Fraction` with FACTCHECK_EXACT=fraction
(`numbers.exact`). The choice is made once per process, so each runs in a process of its own: one
process per type runs every command below in turn (the command's own `main`, its output captured),
and the two must print the same bytes. The fallback runs here even where gmpy2 is installed.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import EVAL_DIR, EVAL_TABLES_DIR, REPO, eval_files

_FORMATS = ("text", "json", "junit", "sarif", "markdown", "github", "html")

#: Runs the commands it reads (a JSON list of argument lists) with the command's own `main`, and prints
#: a JSON object: the exact type chosen, and each command's output and exit status.
_RUNNER = """
import contextlib, io, json, sys
from factcheck.cli.main import main
from factcheck.numbers import exact
runs = []
for arguments in json.load(sys.stdin):
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        try:
            status = main(arguments)
        except SystemExit as stop:
            status = stop.code
    runs.append([arguments, out.getvalue(), err.getvalue(), status])
json.dump({"backend": exact.BACKEND, "runs": runs}, sys.stdout)
"""


def _environment(backend: str | None) -> dict[str, str]:
    environment = {key: value for key, value in os.environ.items() if key != "FACTCHECK_EXACT"}
    environment["NO_COLOR"] = "1"
    if backend is not None:
        environment["FACTCHECK_EXACT"] = backend
    return environment


def _run(commands: list[list[str]], backend: str | None, cwd: Path) -> dict[str, object]:
    done = subprocess.run(
        [sys.executable, "-c", _RUNNER],
        input=json.dumps(commands),
        capture_output=True,
        text=True,
        cwd=cwd,
        env=_environment(backend),
        check=True,
        timeout=900,
    )
    result: dict[str, object] = json.loads(done.stdout)
    return result


@pytest.fixture(scope="module")
def workspace(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """claims/, tests/data and the shared evaluation sets, copied so that nothing is written beside them."""
    folder = tmp_path_factory.mktemp("backends")
    shutil.copytree(REPO / "claims", folder / "claims")
    shutil.copytree(REPO / "tests" / "data", folder / "data")
    eval_files()  # a failure under FACTCHECK_REQUIRE_EVAL=1 when the shared set is missing, a skip otherwise
    shutil.copytree(EVAL_DIR, folder / "eval")
    if EVAL_TABLES_DIR.is_dir():
        shutil.copytree(EVAL_TABLES_DIR, folder / "eval-tables")
    return folder


def _commands(workspace: Path) -> list[list[str]]:
    """Every report format of a check, with --strict, over each group; a draft of every article, and the
    suggestions for every claims file."""
    groups = [
        ["claims"],
        sorted(str(path.relative_to(workspace)) for path in (workspace / "data").glob("*.toml")),
        ["data/labelled", "data/labelled-template"],
        sorted(str(path.relative_to(workspace)) for path in (workspace / "data" / "bad").glob("*.toml")),
        ["eval"],
    ]
    if (workspace / "eval-tables").is_dir():
        groups.append(["eval-tables"])
    commands = [["check", "--no-cache", "--format", fmt, *paths] for paths in groups for fmt in _FORMATS]
    commands += [["check", "--no-cache", "--strict", *paths] for paths in groups]
    articles = sorted(workspace.glob("*/*.txt")) + sorted(workspace.glob("data/labelled/*.txt"))
    commands += [["extract", "-o", "-", str(article.relative_to(workspace))] for article in articles]
    claims = sorted(workspace.glob("*/*.claims.toml")) + sorted(workspace.glob("data/labelled/*.claims.toml"))
    for path in claims:
        commands += [["suggest", "--format", fmt, str(path.relative_to(workspace))] for fmt in ("text", "json")]
    return commands


def test_every_report_is_byte_identical_with_mpq_and_with_fraction(workspace: Path) -> None:
    commands = _commands(workspace)
    with_gmpy = _run(commands, None, workspace)
    with_fraction = _run(commands, "fraction", workspace)
    assert with_gmpy["backend"] == "gmpy2"  # gmpy2 is a dependency wherever CPython runs the tests
    assert with_fraction["backend"] == "fraction"
    runs_gmpy, runs_fraction = with_gmpy["runs"], with_fraction["runs"]
    assert isinstance(runs_gmpy, list) and isinstance(runs_fraction, list)
    assert len(runs_gmpy) == len(runs_fraction) == len(commands)
    statuses = {run[3] for run in runs_gmpy}
    assert {0, 1, 2} <= statuses  # supported, contradicted and broken files were all among them
    for gmpy_run, fraction_run in zip(runs_gmpy, runs_fraction, strict=True):
        assert gmpy_run == fraction_run, f"`factcheck {' '.join(gmpy_run[0])}` differs between mpq and Fraction"


#: Calls every function of the public API that gives back numbers, over claims/ and tests/data, and counts
#: the numbers in what it gave back by type (records, tuples, lists and dicts walked).
_PUBLIC = """
import json, sys
from pathlib import Path
import attrs
import factcheck
from factcheck.numbers import exact

found = {}

def walk(value, seen):
    if id(value) in seen:
        return
    seen.add(id(value))
    name = type(value).__module__ + "." + type(value).__qualname__
    if name in ("fractions.Fraction", "gmpy2.mpq", "gmpy2.mpz"):
        found[name] = found.get(name, 0) + 1
    elif isinstance(value, (tuple, list, set, frozenset)):
        for item in value:
            walk(item, seen)
    elif isinstance(value, dict):
        for item in value.values():
            walk(item, seen)
    elif attrs.has(type(value)):
        for field in attrs.fields(type(value)):
            walk(getattr(value, field.name), seen)

paths = [Path(p) for p in sys.argv[1:]]
for path in paths:
    for result in factcheck.check_path(path):
        walk(result, set())
    walk(factcheck.check_file(path), set())
    try:
        claims_file = factcheck.load_claims_file(path)
    except factcheck.FactcheckError:
        continue
    if not isinstance(claims_file, factcheck.ClaimsFile):
        continue
    walk(factcheck.verify_file(claims_file), set())
    verifier = factcheck.Verifier(claims_file)
    for claim in claims_file.claims():
        walk(verifier.outcome(claim, remember=False), set())
        for ask in (lambda: verifier.compute(claim), lambda: verifier.stated(claim, None)):
            try:
                walk(ask(), set())
            except Exception:  # a probe: some claims have no value to ask for
                pass
        try:
            stated = verifier.stated(claim, None)
            walk(verifier.recompute(claim, stated), set())
        except Exception:  # a comparison or a rank has no formula of its own
            pass
    for name in list(claims_file.figures)[:20]:
        walk(verifier.resolve(name), set())
for text, kind in [("nearly 1,500", "value"), ("the vast majority", "share"), ("one in five", "rate"),
                   ("up 12.5%", "change"), ("£3.4bn", "value"), ("122 per 100,000", "rate")]:
    walk(factcheck.parse_stated(text, kind), set())
from fractions import Fraction
figures = [
    factcheck.Figure("rso", Fraction(1405), "offender"),
    factcheck.Figure("pop", Fraction(1151600), "person", rounded=Fraction(100)),
]
claim = factcheck.RateClaim(id="rate", stated="122 per 100,000", numerator="rso", denominator="pop")
walk(factcheck.verify_claim(claim, figures), set())
print(json.dumps({"backend": exact.BACKEND, "found": found}))
"""


def test_nothing_the_public_api_gives_back_is_an_mpq() -> None:
    paths = [str(REPO / "claims" / name) for name in sorted(os.listdir(REPO / "claims")) if name.endswith(".toml")]
    paths += [str(path) for path in sorted((REPO / "tests" / "data").glob("*.toml"))]
    paths += [str(path) for path in sorted((REPO / "tests" / "data" / "labelled").glob("*.claims.toml"))]
    done = subprocess.run(
        [sys.executable, "-c", _PUBLIC, *paths],
        capture_output=True,
        text=True,
        env=_environment(None),
        check=False,
        timeout=600,
    )
    assert done.returncode == 0, done.stderr
    report = json.loads(done.stdout)
    assert report["backend"] == "gmpy2"  # the engine computed in mpq ...
    assert report["found"].get("fractions.Fraction", 0) > 1000  # ... and the results are full of numbers ...
    assert "gmpy2.mpq" not in report["found"]  # ... every one of them a Fraction
    assert "gmpy2.mpz" not in report["found"]


def _gmpy_loaded(arguments: list[str], backend: str | None, cwd: Path) -> tuple[int, bool]:
    """The exit status of `factcheck ARGUMENTS`, and whether the process imported gmpy2."""
    probe = (
        "import sys; from factcheck.cli.main import main\n"
        "try:\n    status = main(sys.argv[1:])\nexcept SystemExit as stop:\n    status = stop.code\n"
        "sys.stderr.write(repr('gmpy2' in sys.modules)); raise SystemExit(status)"
    )
    done = subprocess.run(
        [sys.executable, "-c", probe, *arguments],
        capture_output=True,
        text=True,
        cwd=cwd,
        env=_environment(backend),
        check=False,
    )
    return done.returncode, done.stderr.endswith("True")


def test_gmpy2_is_imported_only_to_check_a_file(tmp_path: Path) -> None:
    """Not by `--version`, `import factcheck` or a run answered from the cache (start-up stays cheap);
    by a check, unless FACTCHECK_EXACT=fraction switches it off."""
    shutil.copytree(REPO / "claims", tmp_path / "claims")
    article = "claims/west-mercia-mappa-2020.claims.toml"
    cached = ["check", "--cache-dir", str(tmp_path / "cache"), article]
    assert _gmpy_loaded(["--version"], None, tmp_path) == (0, False)
    assert _gmpy_loaded(cached, None, tmp_path) == (0, True)  # the first run checks the file, and fills the cache
    assert _gmpy_loaded(cached, None, tmp_path) == (0, False)  # the second is answered from the cache
    assert _gmpy_loaded(["check", "--no-cache", article], None, tmp_path) == (0, True)
    assert _gmpy_loaded(["check", "--no-cache", article], "fraction", tmp_path) == (0, False)
    plain = subprocess.run(
        [sys.executable, "-c", "import sys, factcheck; print('gmpy2' in sys.modules)"],
        capture_output=True,
        text=True,
        env=_environment(None),
        check=True,
    )
    assert plain.stdout.strip() == "False"
