"""The report cache: a hit gives the bytes a fresh check gives, and anything that could change them
(the file, its article text, factcheck's code, the format) makes a miss."""

from __future__ import annotations

import io
import json
import os
import pickle
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

import factcheck.check.pipeline
import factcheck.runner.cache
from factcheck.cli.main import main
from factcheck.errors import CacheError
from factcheck.report.formats import FORMATS
from factcheck.runner import batch
from factcheck.runner.batch import claims_files, run
from factcheck.runner.cache import ResultCache
from tests.conftest import CLAIMS_DIR, eval_files_if_present, labelled_files

#: The formats written file by file (the registry says which), the ones the cache serves.
STREAMED = sorted(name for name, fmt in FORMATS.items() if fmt.streams)

EXAMPLE = "west-mercia-mappa-2020"


def _check(paths: list[Path], cache: ResultCache | None, fmt: str = "text", jobs: int = 1) -> tuple[str, int]:
    out = io.StringIO()
    status = run(claims_files([str(p) for p in paths]), fmt, out.write, cache=cache, jobs=jobs)
    return out.getvalue(), status


def _no_checking(monkeypatch: pytest.MonkeyPatch) -> None:
    """From here on, any file actually checked fails the test: every report part must be a hit."""

    def refuse(path: object, data: object = None) -> None:
        raise AssertionError(f"{path} was checked, not answered from the cache")

    monkeypatch.setattr(factcheck.check.pipeline, "check_inputs", refuse)


@pytest.fixture
def cache(tmp_path: Path) -> ResultCache:
    made = ResultCache(tmp_path / "cache")
    made.prepare()
    return made


@pytest.fixture
def example(tmp_path: Path) -> Path:
    """A copy of the example claims file and its article, free to edit."""
    folder = tmp_path / "example"
    folder.mkdir()
    for name in (f"{EXAMPLE}.claims.toml", f"{EXAMPLE}.txt"):
        shutil.copy(CLAIMS_DIR / name, folder / name)
    return folder / f"{EXAMPLE}.claims.toml"


@pytest.mark.parametrize("fmt", sorted(STREAMED))
def test_a_hit_gives_the_same_bytes_and_status_as_checking(
    cache: ResultCache, monkeypatch: pytest.MonkeyPatch, fmt: str
) -> None:
    paths = [*labelled_files(), *eval_files_if_present(), CLAIMS_DIR / f"{EXAMPLE}.claims.toml"]
    fresh = _check(paths, None, fmt)
    assert _check(paths, cache, fmt) == fresh  # the first run fills the cache
    _no_checking(monkeypatch)
    assert _check(paths, cache, fmt) == fresh


def test_two_jobs_fill_and_use_the_cache_with_the_same_report(
    cache: ResultCache, example: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    paths = [*labelled_files(), *eval_files_if_present(), example]
    fresh = _check(paths, None)
    assert _check(paths, cache, jobs=2) == fresh
    _no_checking(monkeypatch)
    assert _check(paths, cache) == fresh


def test_an_edited_claims_file_is_checked_again(cache: ResultCache, example: Path) -> None:
    before, status = _check([example], cache)
    assert status == 0
    text = example.read_text(encoding="utf-8")
    example.write_text(text.replace("value = 1405\n", "value = 1450\n", 1), encoding="utf-8")  # a figure corrected
    after, status = _check([example], cache)
    assert status == 1
    assert after == _check([example], None)[0] != before


def test_an_edited_article_text_is_checked_again(cache: ResultCache, example: Path) -> None:
    assert _check([example], cache)[1] == 0
    article = example.with_name(f"{EXAMPLE}.txt")
    article.write_text(article.read_text(encoding="utf-8").replace("1,405", "1,406", 1), encoding="utf-8")
    report, status = _check([example], cache)
    assert status == 2
    assert "does not match the article text" in report
    assert report == _check([example], None)[0]
    article.unlink()
    report, status = _check([example], cache)
    assert status == 2
    assert "cannot read the article text" in report


def test_a_change_in_factcheck_itself_is_a_miss(
    cache: ResultCache, example: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _check([example], cache)
    monkeypatch.setattr(factcheck.runner.cache, "code_fingerprint", lambda: b"another version of factcheck")
    checked: list[object] = []
    real = factcheck.check.pipeline.check_inputs

    def counting(path: str, data: bytes | None = None) -> object:
        checked.append(path)
        return real(path, data)

    monkeypatch.setattr(factcheck.check.pipeline, "check_inputs", counting)
    _check([example], cache)
    assert checked == [str(example)]


def test_the_format_and_colour_have_entries_of_their_own(cache: ResultCache, example: Path) -> None:
    text, _ = _check([example], cache, "text")
    assert _check([example], cache, "json") == _check([example], None, "json")
    out = io.StringIO()
    run(claims_files([str(example)]), "text", out.write, colour=True, cache=cache)
    assert "\033[" in out.getvalue()
    assert _check([example], cache, "text")[0] == text  # and colour did not leak into the plain entry


def _database(cache: ResultCache) -> sqlite3.Connection:
    return sqlite3.connect(cache.folder / "reports.sqlite3", isolation_level=None)


@pytest.mark.parametrize(
    ("column", "garbage"),
    [
        ("report", ""),
        ("report", "not json"),
        ("report", "[1, 2]"),
        ("report", '{"path": 1}'),
        ("report", '{"article": null}'),
        ("report", b"\xff"),
        ("article", 7),
        ("article_state", "something else"),
        ("digest", "0" * 40),
        ("seal", "0" * 40),
        ("seal", 7),
    ],
)
def test_a_damaged_entry_is_a_miss(cache: ResultCache, example: Path, column: str, garbage: object) -> None:
    fresh = _check([example], None)
    _check([example], cache)
    assert len(cache) == 1
    with _database(cache) as database:
        database.execute(f"UPDATE entry SET {column} = ?", (garbage,))  # a test's own column names
    assert _check([example], cache) == fresh
    with _database(cache) as database:
        (report,) = database.execute("SELECT report FROM entry").fetchone()
    assert json.loads(report.partition("\n")[0])[0][0] == str(example)  # and the entry is written afresh


@pytest.mark.parametrize("garbage", [b"", b"not a database at all", b"SQLite format 3\x00" + b"\x00" * 200])
def test_a_damaged_database_is_made_afresh(
    tmp_path: Path, example: Path, garbage: bytes, monkeypatch: pytest.MonkeyPatch
) -> None:
    cache = ResultCache(tmp_path / "cache")
    cache.prepare()
    (cache.folder / "reports.sqlite3").write_bytes(garbage)
    fresh = _check([example], None)
    again = ResultCache(cache.folder)
    again.prepare()
    assert _check([example], again) == fresh
    _no_checking(monkeypatch)
    assert _check([example], again) == fresh


def test_an_entry_written_by_a_worker_is_read_by_another_process(cache: ResultCache, example: Path) -> None:
    copy = pickle.loads(pickle.dumps(cache))
    assert (copy.folder, copy.ready) == (cache.folder, True)
    _check([example], copy)
    assert len(cache) == 1


def test_a_bug_while_checking_is_not_remembered(
    cache: ResultCache, example: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(path: object, data: object = None) -> None:
        raise RuntimeError("a bug")

    with monkeypatch.context() as patch:
        patch.setattr(factcheck.check.pipeline, "check_inputs", broken)
        assert "internal error" in _check([example], cache)[0]
    assert _check([example], cache) == _check([example], None)


def test_an_unreadable_file_is_never_answered_from_the_cache(cache: ResultCache, example: Path) -> None:
    _check([example], cache)
    example.write_bytes(b"\xff\xfe not utf-8")
    report, status = _check([example], cache)
    assert status == 2
    assert "not UTF-8" in report


def test_a_folder_that_is_not_factchecks_is_left_alone(tmp_path: Path) -> None:
    folder = tmp_path / "mine"
    folder.mkdir()
    (folder / "notes.txt").write_text("my notes\n", encoding="utf-8")
    with pytest.raises(CacheError, match="not factcheck's cache"):
        ResultCache(folder).prepare()
    assert sorted(p.name for p in folder.iterdir()) == ["notes.txt"]


def test_a_folder_that_cannot_be_made_is_reported(tmp_path: Path) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("", encoding="utf-8")
    with pytest.raises(CacheError, match="cannot create the cache"):
        ResultCache(blocker / "cache").prepare()


def test_the_folder_is_tagged_and_ignored_by_git(cache: ResultCache) -> None:
    assert (
        (cache.folder / "CACHEDIR.TAG")
        .read_text(encoding="utf-8")
        .startswith("Signature: 8a477f597d28d172789f06886806bc55")
    )
    assert (cache.folder / ".gitignore").read_text(encoding="utf-8").splitlines()[-1] == "*"
    ResultCache(cache.folder).prepare()  # and is recognised as ours the next time


def test_nothing_is_stored_before_the_folder_is_prepared(tmp_path: Path, example: Path) -> None:
    unprepared = ResultCache(tmp_path / "cache")
    _check([example], unprepared)
    assert not unprepared.folder.exists()


# -- the command line ----------------------------------------------------------------------------
def test_the_cli_uses_the_cache_folder_it_is_given(
    tmp_path: Path, example: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "given"
    assert main(["check", "--cache-dir", str(folder), str(example)]) == 0
    first = capsys.readouterr().out
    assert (folder / "CACHEDIR.TAG").is_file()
    _no_checking(monkeypatch)
    assert main(["check", "--cache-dir", str(folder), str(example)]) == 0
    assert capsys.readouterr().out == first


def test_the_cli_takes_the_folder_from_the_environment(own_cache: Path, example: Path) -> None:
    assert main(["check", str(example)]) == 0
    assert (own_cache / "CACHEDIR.TAG").is_file()


def test_no_cache_neither_reads_nor_writes(tmp_path: Path, example: Path) -> None:
    folder = tmp_path / "unused"
    assert main(["check", "--no-cache", "--cache-dir", str(folder), str(example)]) == 0
    assert not folder.exists()


def test_a_cache_that_cannot_be_used_is_a_warning_not_a_failure(
    tmp_path: Path, example: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "mine"
    folder.mkdir()
    (folder / "notes.txt").write_text("my notes\n", encoding="utf-8")
    assert main(["check", "--cache-dir", str(folder), str(example)]) == 0
    captured = capsys.readouterr()
    assert "checking without a cache" in captured.err
    assert "supported" in captured.out
    assert sorted(p.name for p in folder.iterdir()) == ["notes.txt"]


def test_formats_rendered_all_at_once_do_not_touch_the_cache(tmp_path: Path, example: Path) -> None:
    folder = tmp_path / "unused"
    assert (
        main(["check", "--format", "sarif", "--cache-dir", str(folder), "-o", str(tmp_path / "r.sarif"), str(example)])
        == 0
    )
    assert not folder.exists()


def test_a_changed_file_replaces_its_entry_rather_than_adding_one(cache: ResultCache, example: Path) -> None:
    original = example.read_text(encoding="utf-8")
    for edit in range(3):
        example.write_text(original + f"# edit {edit}\n", encoding="utf-8")
        _check([example], cache)
    assert len(cache) == 1
    assert _check([example], cache) == _check([example], None)


@pytest.mark.parametrize("fmt", STREAMED)
def test_a_run_answered_from_the_cache_never_loads_the_verifier(tmp_path: Path, example: Path, fmt: str) -> None:
    """Nor attrs, nor the word table: the parts, the totals and each format's closing are standard library only."""
    folder = str(tmp_path / "cache")
    probe = (
        "import sys; from factcheck.cli.main import main; status = main(sys.argv[1:]); "
        "sys.stderr.write(repr(sorted(m for m in ('factcheck.check.pipeline', 'factcheck.words.stated', 'attr', 'pint') "
        "if m in sys.modules))); raise SystemExit(status)"
    )
    command = [sys.executable, "-c", probe, "check", "--format", fmt, "--cache-dir", folder, str(example)]
    first = subprocess.run(command, capture_output=True, text=True, check=False)
    assert (first.returncode, first.stderr) == (0, "['attr', 'factcheck.check.pipeline', 'factcheck.words.stated']")
    again = subprocess.run(command, capture_output=True, text=True, check=False)
    assert (again.returncode, again.stderr, again.stdout) == (0, "[]", first.stdout)


def test_a_file_whose_article_cannot_be_read_is_not_remembered(cache: ResultCache, example: Path) -> None:
    example.with_name(f"{EXAMPLE}.txt").unlink()
    assert _check([example], cache)[1] == 2
    assert len(cache) == 0


def test_an_article_edited_while_its_file_is_checked_is_not_remembered(
    cache: ResultCache, example: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    article = example.with_name(f"{EXAMPLE}.txt")
    real = factcheck.check.pipeline.check_inputs

    def check_then_edit(path: object, data: object = None) -> object:
        result = real(path, data)  # type: ignore[arg-type]
        article.write_text(article.read_text(encoding="utf-8") + "\nA new paragraph.\n", encoding="utf-8")
        return result

    monkeypatch.setattr(factcheck.check.pipeline, "check_inputs", check_then_edit)
    _check([example], cache)
    assert len(cache) == 0


def test_an_article_with_windows_line_ends_and_a_bom_is_remembered(
    cache: ResultCache, example: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    article = example.with_name(f"{EXAMPLE}.txt")
    article.write_bytes(b"\xef\xbb\xbf" + article.read_bytes().replace(b"\n", b"\r\n"))
    fresh = _check([example], None)
    assert _check([example], cache) == fresh
    _no_checking(monkeypatch)
    assert _check([example], cache) == fresh


def test_a_file_name_that_is_not_utf8_is_cached_and_loses_no_other_result(
    cache: ResultCache, example: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Such a name crashed the cache (sqlite cannot store the surrogates that stand for its bytes), and the
    run lost every other file's result."""
    odd = Path(os.fsdecode(os.fsencode(example.parent) + b"/odd\xff.claims.toml"))
    shutil.copy(example, odd)
    paths = [odd, example]
    fresh = {fmt: _check(paths, None, fmt) for fmt in sorted(STREAMED)}
    for fmt, (report, status) in fresh.items():
        assert status == 0 and (str(example) in report or fmt == "github")  # GitHub lists only findings
        assert _check(paths, cache, fmt) == (report, status)
    assert len(cache) == 2 * len(STREAMED)
    _no_checking(monkeypatch)
    for fmt, expected in fresh.items():
        assert _check(paths, cache, fmt) == expected


# -- integrity: an entry is served only as factcheck wrote it, from a folder that is factcheck's -----


def test_an_entry_altered_on_disk_is_a_miss_even_when_it_still_parses(cache: ResultCache, example: Path) -> None:
    """A contradicted claim shown as supported, exit 0, from a hand-edited entry: now a miss, checked afresh."""
    text = example.read_text(encoding="utf-8")
    example.write_text(text.replace("value = 1405", "value = 1450", 1), encoding="utf-8")
    fresh = _check([example], None)
    assert fresh[1] == 1 and "✗ contradicted" in fresh[0]
    assert _check([example], cache) == fresh
    with _database(cache) as database:
        (report,) = database.execute("SELECT report FROM entry").fetchone()
        head_text, _, part = report.partition("\n")  # the fields of each part, then the parts
        head = json.loads(head_text)
        head[0][1][-3:-1] = [0, 0]  # the tally's status and strict status
        part = part.replace("✗ contradicted", "✓ supported   ")  # as long as it was
        edited = json.dumps(head, ensure_ascii=False) + "\n" + part
        passing = batch._from_entry(edited)
        assert passing is not None and passing[0].tally.status == 0  # it reads as a pass: only the seal stops it
        database.execute("UPDATE entry SET report = ?", (edited,))
    assert _check([example], cache) == fresh


def test_an_entry_moved_to_another_files_slot_is_a_miss(cache: ResultCache, example: Path) -> None:
    other = example.with_name("other.claims.toml")
    text = example.read_text(encoding="utf-8")
    other.write_text(text.replace("value = 1405", "value = 1450", 1), encoding="utf-8")
    fresh = _check([example, other], None)
    _check([example, other], cache)
    with _database(cache) as database:
        rows = database.execute("SELECT slot, digest, article, article_state, report, seal FROM entry").fetchall()
        (slot_a, digest_a, *rest_a), (slot_b, digest_b, *rest_b) = rows
        database.execute("DELETE FROM entry")
        database.execute("INSERT INTO entry VALUES (?, ?, ?, ?, ?, ?)", (slot_a, digest_a, *rest_b))
        database.execute("INSERT INTO entry VALUES (?, ?, ?, ?, ?, ?)", (slot_b, digest_b, *rest_a))
    assert _check([example, other], cache) == fresh


def _listing(folder: Path) -> dict[str, bytes]:
    return {p.name: (p.read_bytes() if p.is_file() and not p.is_symlink() else b"link") for p in folder.iterdir()}


@pytest.mark.parametrize(
    "tag",
    [
        "Signature: 8a477f597d28d172789f06886806bc55\n",
        "Signature: 8a477f597d28d172789f06886806bc55\n# This file is a cache directory tag created by another tool.\n",
        "Signature: 8a477f597d28d172789f06886806bc55\n# This folder is factcheck's cache of report parts; deleting it is "
        "always safe.\nand more\n",
    ],
)
def test_another_tools_cache_is_not_ours_and_nothing_in_it_is_touched(tmp_path: Path, example: Path, tag: str) -> None:
    """Any CACHEDIR.TAG made a folder ours, and a damaged database in it was deleted."""
    folder = tmp_path / "theirs"
    folder.mkdir()
    (folder / "CACHEDIR.TAG").write_text(tag, encoding="utf-8")
    (folder / "reports.sqlite3").write_bytes(b"their own data, not SQLite")
    (folder / "reports.sqlite3-wal").write_bytes(b"more of theirs")
    before = _listing(folder)
    with pytest.raises(CacheError, match="not factcheck's cache"):
        ResultCache(folder).prepare()
    assert main(["check", "--cache-dir", str(folder), str(example)]) == 0
    assert _listing(folder) == before


def test_a_tag_that_is_a_link_does_not_make_a_folder_ours(tmp_path: Path, cache: ResultCache) -> None:
    folder = tmp_path / "linked"
    folder.mkdir()
    (folder / "CACHEDIR.TAG").symlink_to(cache.folder / "CACHEDIR.TAG")
    (folder / "reports.sqlite3").write_bytes(b"theirs")
    before = _listing(folder)
    with pytest.raises(CacheError, match="not factcheck's cache"):
        ResultCache(folder).prepare()
    assert _listing(folder) == before


def test_a_database_that_is_a_link_is_not_followed(cache: ResultCache, tmp_path: Path) -> None:
    """SQLite would write through it wherever it points (and a damaged target was deleted by name)."""
    target = tmp_path / "precious.db"
    target.write_bytes(b"precious, and not SQLite")
    for name in ("reports.sqlite3", "reports.sqlite3-wal", "reports.sqlite3-shm"):
        (cache.folder / name).unlink(missing_ok=True)
    (cache.folder / "reports.sqlite3").symlink_to(target)
    with pytest.raises(CacheError, match="not a regular file"):
        ResultCache(cache.folder).prepare()
    assert target.read_bytes() == b"precious, and not SQLite"
    assert (cache.folder / "reports.sqlite3").is_symlink()


def test_the_first_layouts_unsealed_entries_are_dropped(cache: ResultCache, example: Path) -> None:
    with _database(cache) as database:
        database.execute(
            "CREATE TABLE report (slot TEXT PRIMARY KEY, digest TEXT NOT NULL, article TEXT, "
            "article_state TEXT, report TEXT NOT NULL)"
        )
    ResultCache(cache.folder).prepare()
    with _database(cache) as database:
        tables = {name for (name,) in database.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    assert tables == {"entry"}


def test_the_fingerprint_covers_every_layer_of_the_package() -> None:
    """The cache lives in runner/, but every layer can change a verdict: the whole package is hashed."""
    package = Path(factcheck.__file__).resolve().parent
    covered = {path.relative_to(package).as_posix() for path in factcheck.runner.cache.source_files()}
    expected = {path.relative_to(package).as_posix() for path in package.rglob("*.py")}
    assert expected <= covered
    assert {"words/table.py", "check/judge.py", "schema/claims-format-1.schema.json"} <= covered
