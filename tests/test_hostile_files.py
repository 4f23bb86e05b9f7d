"""Every malformed or hostile claims file, run through the installed `factcheck check` beside a good one:
exit 2, a message naming the file (and its line, where it has one), the good file still reported, no
traceback, and bounded resources (an address-space limit of 300 MB and a timeout on the child process,
never a timing assertion)."""

from __future__ import annotations

import json
import os
import re
from collections.abc import Callable
from pathlib import Path

import pytest

from factcheck.check.pipeline import check_file
from factcheck.load.paths import MAX_ARTICLE_BYTES
from tests.bounded import run_bounded
from tests.conftest import BAD, place_bad

BAD_NAMES = sorted(p.stem for p in BAD.glob("*.toml"))

_HEAD = """\
format = 1

[article]
title = "A test"
published = 2020-11-10
{article}
[figures.offenders]
value = {value}
unit = "{unit}"

"""
_CLAIM = """\
[[sentences]]
text = "There were 1,405."

  [[sentences.claims]]
  id = "{id}"
  kind = "{kind}"
  stated = "1,405"
  {inputs}
"""


def _file(*, article: str = "", value: str = "1405", unit: str = "offender", claims: str = "") -> str:
    return _HEAD.format(article=article, value=value, unit=unit) + (claims or _claim())


def _fifo_and_link(folder: Path, fifo: str, link: str) -> None:
    os.mkfifo(folder / fifo)
    (folder / link).symlink_to(folder / fifo)


def _claim(claim_id: str = "exact", kind: str = "value", inputs: str = 'figure = "offenders"') -> str:
    return _CLAIM.format(id=claim_id, kind=kind, inputs=inputs)


def _sparse(path: Path, size: int) -> None:
    with path.open("wb") as handle:
        handle.truncate(size)


#: name -> (claims file text or bytes, what else the folder needs). Each is a malformed or hostile file.
HOSTILE: dict[str, tuple[str | bytes, Callable[[Path], object]]] = {
    "text-dev-zero": (_file(article='text = "/dev/zero"\n'), lambda folder: None),
    "text-up-to-dev-zero": (_file(article='text = "../../../../../../../../../../dev/zero"\n'), lambda folder: None),
    "text-link-to-dev-zero": (
        _file(article='text = "zero.txt"\n'),
        lambda folder: (folder / "zero.txt").symlink_to("/dev/zero"),
    ),
    "text-fifo": (_file(article='text = "pipe.txt"\n'), lambda folder: os.mkfifo(folder / "pipe.txt")),
    "text-link-to-fifo": (
        _file(article='text = "pipe-link.txt"\n'),
        lambda folder: _fifo_and_link(folder, "pipe2.txt", "pipe-link.txt"),
    ),
    "text-huge": (
        _file(article='text = "huge.txt"\n'),
        lambda folder: _sparse(folder / "huge.txt", MAX_ARTICLE_BYTES + 1),
    ),
    "text-folder": (_file(article='text = "."\n'), lambda folder: None),
    "tolerance-inf": (_file(claims=_claim(inputs='figure = "offenders"\n  tolerance = inf')), lambda folder: None),
    "tolerance-inf-percent": (
        _file(claims=_claim(inputs='figure = "offenders"\n  tolerance = "inf%"')),
        lambda folder: None,
    ),
    "formula-1e400": (_file(claims=_claim(kind="formula", inputs='expr = "1e400 * offenders"')), lambda folder: None),
    "unit-nested-parens": (_file(unit="(" * 5000 + "offender" + ")" * 5000), lambda folder: None),
    "value-1e1000000": (_file(value="1e1000000"), lambda folder: None),
    "value-million-digits": (_file(value="9" * 1_000_000), lambda folder: None),
    "arrays-nested-deep": (_file() + "\n[defaults]\nx = " + "[" * 100_000 + "]" * 100_000 + "\n", lambda folder: None),
    "ids-all-the-same": (_file(claims=_claim() * 3000), lambda folder: None),
    "binary": (bytes(range(256)) * 64, lambda folder: None),
    "empty": ("", lambda folder: None),
    "stated-million-digits": (_file(claims=_claim().replace("1,405", "9" * 1_000_000)), lambda folder: None),
    "stated-near-the-limit": (_file(claims=_claim().replace("1,405", "9" * 999)), lambda folder: None),
    "chained-products": (
        _file(
            value="99999.99",
            claims="".join(
                _claim(
                    f"c{i}",
                    "formula",
                    f'expr = "{"offenders" if i == 0 else f"c{i - 1}"} * {"offenders" if i == 0 else f"c{i - 1}"}"',
                )
                for i in range(40)
            ),
        ),
        lambda folder: None,
    ),
}

_GOOD = _file()


@pytest.fixture
def good(tmp_path: Path) -> Path:
    folder = tmp_path / "good"
    folder.mkdir()
    path = folder / "good.claims.toml"
    path.write_text(_GOOD, encoding="utf-8")
    return path


def _place(folder: Path, name: str) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    body, setup = HOSTILE[name]
    path = folder / f"{name}.claims.toml"
    if isinstance(body, bytes):
        path.write_bytes(body)
    else:
        path.write_text(body, encoding="utf-8")
    setup(folder)
    return path


def _section(out: str, path: Path) -> str:
    """The report's lines for one file: from its heading (the path, then its title if it was read) to the
    blank line that ends them."""
    heading = re.search(rf"^{re.escape(str(path))}( — .*)?$", out, re.MULTILINE)
    assert heading, f"{path} has no heading"
    return out[heading.start() : out.index("\n\n", heading.start())]


def _assert_reported(out: str, path: Path, good: Path) -> None:
    assert "! error" in _section(out, path)  # said why, in its own section
    assert "✓ supported            exact, line " in _section(out, good)


@pytest.mark.parametrize("name", sorted(HOSTILE))
def test_a_hostile_file_is_an_error_beside_a_good_one(tmp_path: Path, good: Path, name: str) -> None:
    path = _place(tmp_path / "hostile", name)
    cache = tmp_path / "cache"
    for run in ("first", "answered from the cache where it can be"):
        done = run_bounded(["check", "--cache-dir", cache, path, good])
        assert (done.returncode, done.stderr) == (2, ""), (run, done.stderr[-2000:])
        _assert_reported(done.stdout, path, good)
    done = run_bounded(["check", "--no-cache", "--format", "json", path, good])
    assert done.returncode == 2
    files = json.loads(done.stdout)["files"]  # valid JSON, whatever the values
    assert [f["path"] for f in files] == [str(path), str(good)]
    assert files[0]["errors"] or any(c["verdict"] == "error" for c in files[0]["claims"])
    assert [c["verdict"] for c in files[1]["claims"]] == ["supported"]


def test_every_malformed_and_hostile_file_at_once(tmp_path: Path, good: Path) -> None:
    """All of tests/data/bad and every generated hostile file in one run, with the good file last: each is
    named, with its line where it has one, and none hides the good file."""
    folder = tmp_path / "all"
    placed = {name: place_bad(folder / name, name) for name in BAD_NAMES}
    hostile = {name: _place(folder / "hostile" / name, name) for name in HOSTILE}
    odd = Path(os.fsdecode(os.fsencode(folder) + b"/odd\xff.claims.toml"))  # a name that is not UTF-8
    odd.write_text(_GOOD.replace("[[sentences]]", "unknown = 1\n\n[[sentences]]"), encoding="utf-8")
    paths = [*placed.values(), *hostile.values(), odd, good]
    done = run_bounded(["check", "--no-cache", *paths])
    assert done.returncode == 2 and done.stderr == "", done.stderr[-2000:]
    for path in [*placed.values(), *hostile.values()]:
        _assert_reported(done.stdout, path, good)
    for name, path in placed.items():  # the small fixtures can be checked here, to find their lines
        for error in check_file(path).errors:
            if error.line is not None:
                assert f"{path}:{error.line}" in done.stdout, (name, str(error))
    assert "odd\\udcff.claims.toml" in done.stdout
    summary = done.stdout.splitlines()[-2:]
    assert any("could not be read" in line or "file-level problem" in line for line in summary)


def test_heavy_but_valid_files_are_bounded_too(tmp_path: Path, good: Path) -> None:
    """Not malformed, only large: a chain of claims by reference, a value beyond float range."""
    folder = tmp_path / "heavy"
    folder.mkdir()
    chain = _file(
        claims="".join(
            _claim(f"c{i}", "formula", f'expr = "{"offenders" if i == 0 else f"c{i - 1}"}"') for i in range(2000)
        )
    )
    (folder / "chain.claims.toml").write_text(chain, encoding="utf-8")
    beyond = _file(
        value="1e100", claims=_claim(kind="formula", inputs='expr = "offenders * offenders * offenders * offenders"')
    )
    (folder / "beyond.claims.toml").write_text(beyond, encoding="utf-8")
    for fmt in ("text", "json", "sarif", "junit", "html"):
        done = run_bounded(["check", "--no-cache", "--format", fmt, folder, good])
        assert done.returncode in (0, 1, 2) and done.stderr == "", (fmt, done.stderr[-2000:])
        if fmt in ("json", "sarif"):
            json.loads(done.stdout)
