"""The streamed report and `-j N`: the same bytes and exit status as one process and as `render`."""

from __future__ import annotations

import io
import json
import multiprocessing
import os
import sys
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from factcheck.check.pipeline import check_file
from factcheck.cli.check import jobs_option
from factcheck.cli.main import main
from factcheck.errors import ClaimsFileError
from factcheck.model.results import FileResult
from factcheck.model.verdicts import Tally, Verdict
from factcheck.report.formats import FORMATS, render
from factcheck.runner import batch
from factcheck.runner.batch import check_files, claims_files, run, stream_report, usable_processors
from factcheck.runner.cache import ResultCache

#: The formats written file by file (the registry says which), the ones the cache serves.
STREAMED = sorted(name for name, fmt in FORMATS.items() if fmt.streams)

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "bench"))

from corpus import Corpus, write_corpus


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Corpus:
    """300 small generated files (one topic, 11 claims each), a tenth of the claims wrong."""
    return write_corpus(tmp_path_factory.mktemp("corpus"), 300, topics=1)


def _report(paths: list[str], fmt: str, jobs: int) -> tuple[str, int]:
    out = io.StringIO()
    status = run(claims_files(paths), fmt, out.write, jobs=jobs)
    return out.getvalue(), status


@pytest.mark.parametrize("fmt", sorted(STREAMED))
def test_two_jobs_give_the_same_report_as_one(corpus: Corpus, fmt: str) -> None:
    one, status_one = _report([str(corpus.folder)], fmt, 1)
    two, status_two = _report([str(corpus.folder)], fmt, 2)
    assert two == one
    assert status_two == status_one == 1
    assert len(one.splitlines()) > (300 * 10 if fmt != "github" else corpus.expected["contradicted"])


def test_the_streamed_report_is_what_render_gives(corpus: Corpus, tmp_path: Path) -> None:
    missing = str(tmp_path / "missing.claims.toml")
    paths = [str(p) for p in corpus.files[:40]] + [missing]
    results = [check_file(p) for p in paths[:-1]]
    results.append(FileResult(missing, errors=(ClaimsFileError("no such file or folder", path=missing),)))
    for fmt in sorted(STREAMED):
        streamed, _ = _report(paths, fmt, 1)
        assert streamed == render(results, fmt)


def test_the_verdict_counts_are_the_ones_the_corpus_was_written_to_give(corpus: Corpus) -> None:
    out, status = _report([str(corpus.folder)], "json", 2)
    summary = json.loads(out)["summary"]
    assert summary == {verdict: corpus.expected[verdict] for verdict in summary}
    assert summary["contradicted"] > 0 and summary["error"] == 0
    assert status == 1


def test_reports_come_back_in_the_order_of_the_input(corpus: Corpus) -> None:
    items = [(str(p), None) for p in reversed(corpus.files[:30])]
    parts = list(check_files(items, "json", jobs=2))
    paths = [json.loads(part.part)["path"] for part in parts]
    assert paths == [path for path, _ in items]


def test_an_empty_list_of_files_gives_the_json_of_no_files_and_status_2() -> None:
    out = io.StringIO()
    summary = stream_report([], "json", out.write)
    assert out.getvalue() == render([], "json")
    assert summary.exit_status() == 2


def test_the_cli_takes_jobs_and_rejects_zero(
    corpus: Corpus, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "report.json"
    files = [str(p) for p in corpus.files[:20]]
    assert main(["check", "-j", "2", "--format", "json", "-o", str(target), *files]) == 1
    assert target.read_text(encoding="utf-8") == render([check_file(p) for p in files], "json")
    assert main(["check", "-j", "0", *files]) == 2
    assert "--jobs must be 1 or more" in capsys.readouterr().err


# -- workers: only for files to check, and only when there are enough of them -------------------


def _counting_workers(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """Record each start of worker processes (the number asked for) in the returned list."""
    started: list[int] = []
    start = batch._workers

    def counted(jobs: int) -> ProcessPoolExecutor:
        started.append(jobs)
        return start(jobs)

    monkeypatch.setattr(batch, "_workers", counted)
    return started


def test_files_answered_from_the_cache_start_no_workers(
    corpus: Corpus, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    cache = ResultCache(tmp_path / "cache")
    cache.prepare()
    paths = [str(p) for p in corpus.files[:60]]
    out = io.StringIO()
    run(claims_files(paths), "text", out.write, cache=cache)
    started = _counting_workers(monkeypatch)
    again = io.StringIO()
    run(claims_files(paths), "text", again.write, cache=cache, jobs=2)
    assert again.getvalue() == out.getvalue()
    assert started == []


def test_a_few_files_to_check_start_no_workers(corpus: Corpus, monkeypatch: pytest.MonkeyPatch) -> None:
    started = _counting_workers(monkeypatch)
    few = [str(p) for p in corpus.files[: batch._WORTH_WORKERS]]
    assert _report(few, "text", 2) == _report(few, "text", 1)
    assert started == []


def test_changed_files_among_cached_ones_are_shared_among_workers(
    corpus: Corpus, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "files"
    folder.mkdir()
    copies = [folder / p.name for p in corpus.files[:80]]
    for source, copy in zip(corpus.files, copies, strict=False):
        copy.write_bytes(source.read_bytes())
    cache = ResultCache(tmp_path / "cache")
    cache.prepare()
    run(claims_files([str(folder)]), "json", io.StringIO().write, cache=cache)
    for copy in copies[::3]:  # every third file edited: a mix of hits and files to check, in order
        copy.write_bytes(copy.read_bytes().replace(b"Figures published today", b"Figures out today"))
    started = _counting_workers(monkeypatch)
    two = io.StringIO()
    status = run(claims_files([str(folder)]), "json", two.write, cache=cache, jobs=2)
    one, status_one = _report([str(folder)], "json", 1)
    assert (two.getvalue(), status) == (one, status_one)
    assert started == [2]
    again = io.StringIO()  # what the workers checked, they stored: every file is now answered from the cache
    run(claims_files([str(folder)]), "json", again.write, cache=cache, jobs=2)
    assert again.getvalue() == one
    assert started == [2]


def test_no_more_workers_are_started_than_there_are_files(
    corpus: Corpus, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """On a machine with many processors, `--jobs auto` (or a large -j) checking a few files starts a worker per file
    at most, not one per processor, each of which would hold its own copy of the engine."""
    started = _counting_workers(monkeypatch)
    files = [str(p) for p in corpus.files[:12]]
    assert main(["check", "--no-cache", "-j", "64", "-o", str(tmp_path / "report.txt"), *files]) == 1
    assert started == [12]


# -- where workers cannot start, or stop: the files are checked here, and the report is the same ----


def test_where_workers_cannot_be_started_the_files_are_checked_here(
    corpus: Corpus, monkeypatch: pytest.MonkeyPatch
) -> None:
    tried: list[int] = []

    def refused(jobs: int) -> ProcessPoolExecutor:  # as where sem_open does not work, or fork is refused
        tried.append(jobs)
        raise OSError(38, "Function not implemented")

    paths = [str(p) for p in corpus.files[:40]]
    one = _report(paths, "text", 1)
    monkeypatch.setattr(batch, "_workers", refused)
    assert _report(paths, "text", 2) == one
    assert tried == [2]  # tried once, not once a file


#: The file whose worker `_stopping_in_a_worker` stops dead.
_DEADLY = "area-00050.claims.toml"


def _stopping_in_a_worker(task: tuple[str, str | None, str, bool, ResultCache | None]) -> tuple[batch.FileReport, ...]:
    """Stands for `batch._report_star`: a worker process given the deadly file ends at once, as one the kernel
    kills for want of memory would; anywhere else, the file is checked as usual."""
    if multiprocessing.parent_process() is not None and task[0].endswith(_DEADLY):
        os._exit(1)
    return batch.report_file(*task)


def test_a_worker_that_stops_abruptly_costs_no_file_its_report(corpus: Corpus, monkeypatch: pytest.MonkeyPatch) -> None:
    paths = [str(p) for p in corpus.files[:120]]
    assert any(path.endswith(_DEADLY) for path in paths[batch._WORTH_WORKERS :])
    one = _report(paths, "json", 1)
    monkeypatch.setattr(batch, "_report_star", _stopping_in_a_worker)
    assert _report(paths, "json", 2) == one


@pytest.mark.parametrize(("given", "expected"), [("auto", "auto"), ("3", 3), ("1", 1)])
def test_jobs_is_a_number_or_auto(given: str, expected: int | str) -> None:
    assert jobs_option(given) == expected


def test_jobs_that_are_neither_are_refused(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exited:
        main(["check", "--jobs", "many", "claims"])
    assert exited.value.code == 2
    assert "a whole number or 'auto', not 'many'" in capsys.readouterr().err


def test_auto_is_the_processors_this_process_may_use() -> None:
    assert 1 <= usable_processors() <= (os.cpu_count() or 1)


# -- cache entries: a file's reports written and read back ----------------------------------------

_TEXT = st.text(st.characters(exclude_categories=["Cs"]), max_size=40)  # SQLite holds UTF-8 text only
_TALLIES = st.builds(
    Tally,
    st.tuples(*[st.integers(0, 10**6)] * len(Verdict)),
    st.integers(0, 99),
    st.booleans(),
    st.integers(0, 9),
    st.integers(0, 9),
    st.integers(0, 9),
    st.integers(0, 9),
    st.integers(0, 2),
    st.integers(0, 2),
    st.booleans(),
)
_REPORTS = st.lists(
    st.builds(
        batch.FileReport,
        _TEXT,
        _TEXT,  # a part may hold line breaks, braces and quotes: it is stored as it is
        _TALLIES,
        st.none() | _TEXT,
        st.lists(_TEXT, max_size=3).map(tuple),
    ),
    min_size=1,
    max_size=4,
).map(tuple)


@given(_REPORTS)
def test_a_cache_entry_gives_back_the_reports_it_was_made_of(reports: tuple[batch.FileReport, ...]) -> None:
    assert batch._from_entry(batch._entry(reports)) == reports


@given(_REPORTS, st.data())
def test_a_cut_or_lengthened_entry_is_no_entry(reports: tuple[batch.FileReport, ...], data: st.DataObject) -> None:
    entry = batch._entry(reports)
    cut = data.draw(st.integers(0, len(entry) - 1))
    assert batch._from_entry(entry[:cut]) is None
    assert batch._from_entry(entry + data.draw(st.text(min_size=1, max_size=3))) is None


@pytest.mark.parametrize("entry", ["", "[]\n", "not json\n", "[[1, [], null, [], 0]]\n", '{"a": 1}\nx', "[[]]\n"])
def test_an_entry_that_is_not_one_is_none(entry: str) -> None:
    assert batch._from_entry(entry) is None


def test_files_found_in_a_folder_come_in_the_order_paths_sort_in(tmp_path: Path) -> None:
    names = ["a-b/x", "a/x", "a.b/x", "a/b/y", "A/x", "a/x-1", "a/x.1", "ä/x", "z"]
    for name in names:
        file = tmp_path / f"{name}.claims.toml"
        file.parent.mkdir(parents=True, exist_ok=True)
        file.write_text("", encoding="utf-8")
    (tmp_path / "a" / "folder.claims.toml").mkdir()  # a folder with a claims file's name is no claims file
    found = [path for path, _ in claims_files([str(tmp_path)])]
    expected = sorted(tmp_path.rglob("*.claims.toml"))
    assert found == [str(path) for path in expected if path.is_file()]
    assert len(found) == len(names)
