"""Hostile claims files: each a clean error naming the file and line, exit 2, in bounded time and memory.

The files are too large to keep in tests/data/bad/, so each is generated here. No test times the
loader: each asserts that the work is bounded by how it is done (a limit checked before anything
is converted, a search over a bounded part, a hint looked for among a bounded number of names).
The small hostile fixtures (`value = inf`, `rounded = inf`, `tolerance = inf`, `1e1000000`) are in
tests/data/bad/ and tests/test_load_claimsfile.py.
"""

from __future__ import annotations

import sys
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path

import pytest

from factcheck.check.pipeline import check_file, verify_file
from factcheck.errors import ClaimsFileError
from factcheck.load import claimsfile
from factcheck.load import coverage as quoting
from factcheck.load.claimsfile import load_claims_file, loads_claims_file
from factcheck.model.claims import BrokenClaim
from factcheck.model.verdicts import Verdict

HEAD = 'format = 1\n[article]\ntitle = "t"\npublished = 2020-11-10\n'  # lines 1-4
GOOD = (
    '[figures.a]\nvalue = 1405\nunit = "offender"\n'  # lines 5-7
    '[[sentences]]\ntext = "There were 1,405."\n'  # lines 8-9
    '[[sentences.claims]]\nid = "good"\nkind = "value"\nstated = "1,405"\nfigure = "a"\n'
)  # lines 10-14


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "hostile.claims.toml"
    path.write_text(text, encoding="utf-8")
    return path


def refused(tmp_path: Path, text: str) -> ClaimsFileError:
    """The error a file that cannot be read raises; `factcheck check` exits 2 on it, with it."""
    path = write(tmp_path, text)
    with pytest.raises(ClaimsFileError) as caught:
        load_claims_file(path)
    result = check_file(path)
    assert not result.readable and result.exit_status() == 2
    assert [(e.message, e.line) for e in result.errors] == [(caught.value.message, caught.value.line)]
    assert caught.value.path == str(path)
    return caught.value


@pytest.fixture
def int_limit_lifted() -> Iterator[None]:
    limit = sys.get_int_max_str_digits()
    sys.set_int_max_str_digits(0)
    yield
    sys.set_int_max_str_digits(limit)


# -- numbers ---------------------------------------------------------------------------------------


@pytest.mark.usefixtures("int_limit_lifted")
def test_an_integer_of_a_million_digits(tmp_path: Path) -> None:
    # It was "not readable TOML: …" with no line (or, with Python's limit lifted, seconds of work).
    error = refused(tmp_path, HEAD + GOOD + "[figures.b]\nvalue = " + "9" * 1_000_000 + '\nunit = "x"\n')
    assert error.message == "not readable TOML: a number of more than 4,300 digits"
    assert error.line == 16
    assert sys.get_int_max_str_digits() == 0  # the reader's limit was its own, and is gone


def test_an_integer_of_a_hundred_and_two_digits_is_out_of_range(tmp_path: Path) -> None:
    claims_file = load_claims_file(
        write(tmp_path, HEAD + GOOD + "[figures.b]\nvalue = 1" + "0" * 101 + '\nunit = "x"\n')
    )
    assert [(p.line, p.field) for p in claims_file.problems] == [(16, "value")]
    assert "out of range" in claims_file.problems[0].message
    assert claims_file.broken_figures == {"b": 16}


@pytest.mark.parametrize(
    ("literal", "reason"),
    [
        ("1e1000000", "its exponent may be at most 100 either way"),  # a value of 10^1,000,000
        ("-1e1000000", "its exponent may be at most 100 either way"),
        ("1." + "0" * 1_000_000 + "1", "it is written with more than 100 characters"),  # a million digits
    ],
)
def test_a_float_beyond_any_figure_is_refused_before_it_is_converted(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, literal: str, reason: str
) -> None:
    made: list[int] = []

    class Watched(Decimal):
        def __new__(cls, value: object = "0", context: object = None) -> Decimal:  # type: ignore[misc]
            made.append(len(str(value)))
            return Decimal(value)  # type: ignore[arg-type]

    monkeypatch.setattr(claimsfile, "Decimal", Watched)
    with pytest.raises(ClaimsFileError) as caught:
        loads_claims_file(HEAD + GOOD + f'[figures.b]\nvalue = {literal}\nunit = "x"\n', "<hostile>")
    assert caught.value.message.endswith(f"is out of range ({reason})")
    assert caught.value.line == 16
    assert len(caught.value.message) < 200  # the literal is cut in the message
    assert all(length <= 100 for length in made)  # nothing long was ever made into a number


# -- nesting ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("nested", "words"),
    [
        ("x = " + "[" * 100_000 + "]" * 100_000, "arrays or inline tables nested too deeply"),
        ("x = " + "{a=" * 100_000 + "1" + "}" * 100_000, "arrays or inline tables nested too deeply"),
        ("[x" + ".a" * 200_000 + "]", "a key or table name of more than 100 dotted parts (nested too deeply)"),
        ("x" + ".a" * 200_000 + " = 1", "a key or table name of more than 100 dotted parts (nested too deeply)"),
        ("[[x" + ".a" * 200_000 + "]]", "a key or table name of more than 100 dotted parts (nested too deeply)"),
    ],
)
def test_deep_nesting_is_refused_at_its_line(tmp_path: Path, nested: str, words: str) -> None:
    error = refused(tmp_path, HEAD + GOOD + nested + "\n")
    assert error.message == f"not readable TOML: {words}"
    assert error.line == 15


def test_nesting_a_claims_file_may_have_is_read(tmp_path: Path) -> None:
    claims_file = load_claims_file(write(tmp_path, HEAD + "x = " + "[" * 60 + "]" * 60 + "\n" + GOOD))
    assert [(p.line, p.field) for p in claims_file.problems] == [(5, "x")]  # an unknown key, no more


# -- long strings ----------------------------------------------------------------------------------


def test_a_long_sentence_and_a_misquote_costs_a_bounded_search(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    looked_at: list[int] = []
    words = quoting._sentence_words

    def spy(sentence: str) -> tuple[list[str], list[str]]:
        looked_at.append(len(sentence))
        return words(sentence)

    monkeypatch.setattr(quoting, "_sentence_words", spy)
    sentence = " ".join(f"w{i}" for i in range(200_000))  # 1.3 MB
    text = (
        HEAD
        + GOOD
        + (
            f'[[sentences]]\ntext = "{sentence}"\n[[sentences.claims]]\nid = "s"\nkind = "value"\n'
            'stated = "w12 w13 about 2,100"\nfigure = "a"\n'
        )
    )
    claims_file = load_claims_file(write(tmp_path, text))
    (problem,) = claims_file.problems
    assert (problem.line, problem.claim_id, problem.field) == (20, "s", "stated")
    assert problem.message.startswith("'w12 w13 about 2,100' is not in the sentence; the closest words are '")
    assert "w12 w13" in problem.message.split("closest words are")[1]
    assert looked_at == [max(looked_at)] and looked_at[0] <= quoting._SEARCHED


@pytest.mark.parametrize(
    ("table", "line", "field", "words"),
    [
        ('[figures.b]\nvalue = 1\nunit = "{long}"\n', 7, "unit", "`unit` is longer than 200 characters"),
        ('[figures]\n"{long}" = {{ value = 1, unit = "x" }}\n', 6, None, "may use only letters, digits"),
        ('[sources."s"]\ntitle = "t"\nkind = "{long}"\n', 7, "kind", "unknown source kind"),
        ('[article.x]\n"{long}" = 1\n', 5, "x", "unknown table [article.x]"),
    ],
)
def test_a_long_string_is_an_error_with_a_short_message(
    tmp_path: Path, table: str, line: int, field: str | None, words: str
) -> None:
    long = "m*" * 500_000 + "m"  # a unit that reading would take a minute over
    text = HEAD + table.format(long=long) + GOOD
    claims_file = load_claims_file(write(tmp_path, text))
    problem = claims_file.problems[0]
    assert (problem.line, problem.field) == (line, field) and words in problem.message
    assert len(problem.message) < 300
    assert check_file(write(tmp_path, text)).exit_status() == 2


def test_a_long_claim_id_is_cut_in_messages(tmp_path: Path) -> None:
    long_id = "i" * 1_000_000
    claim = f'[[sentences.claims]]\nid = "{long_id}"\nkind = "value"\nstated = "1,405"\nfigure = "a"\n'
    claims_file = load_claims_file(write(tmp_path, HEAD + GOOD + claim + claim))
    (problem,) = claims_file.problems
    assert problem.line == 21 and problem.field == "id"
    assert len(problem.message) < 200


# -- many things -----------------------------------------------------------------------------------


def test_thousands_of_claims_with_one_id(tmp_path: Path) -> None:
    claim = '[[sentences.claims]]\nid = "good"\nkind = "value"\nstated = "1,405"\nfigure = "a"\n'  # 5 lines each
    claims_file = load_claims_file(write(tmp_path, HEAD + GOOD + claim * 5_000))
    assert len(claims_file.problems) == 5_000
    assert [p.line for p in claims_file.problems[:3]] == [16, 21, 26]
    assert all(p.message == "duplicate claim id 'good' (first used on line 10)" for p in claims_file.problems)
    result = verify_file(claims_file)
    assert [o.id for o in result.outcomes[:3]] == ["good", "good#2", "good#3"]
    assert result.outcomes[0].verdict is Verdict.SUPPORTED
    assert all(isinstance(c, BrokenClaim) for c in claims_file.claims()[1:])
    assert result.exit_status() == 2


def test_twenty_thousand_figures_are_each_placed(tmp_path: Path) -> None:
    figures = "[figures]\n" + "".join(f'f{i} = {{ value = {i}, unit = "offender" }}\n' for i in range(20_000))
    claims_file = load_claims_file(write(tmp_path, HEAD + figures + GOOD))
    assert claims_file.problems == ()
    assert len(claims_file.figures) == 20_001
    assert claims_file.figures["f19999"].location.line == 6 + 19_999
    assert check_file(write(tmp_path, HEAD + figures + GOOD)).exit_status() == 0


def test_a_file_larger_than_any_claims_file_is_refused_unread(tmp_path: Path) -> None:
    figures = "[figures]\n" + "".join(f'f{i} = {{ value = {i}, unit = "offender" }}\n' for i in range(100_000))
    error = refused(tmp_path, HEAD + figures + GOOD)  # 4.5 MB
    assert error.message.startswith("the file is larger than 2 MB")
    assert error.line is None  # the whole file, as "not UTF-8" is


def test_an_endless_file_is_read_no_further_than_the_bound(tmp_path: Path) -> None:
    # Structural: a device that never ends is refused after MAX_FILE_BYTES + 1 bytes.
    endless = tmp_path / "zero.claims.toml"
    endless.symlink_to("/dev/zero")
    with pytest.raises(ClaimsFileError, match="the file is larger than 2 MB"):
        load_claims_file(endless)


def test_did_you_mean_is_looked_for_among_a_bounded_number_of_names(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Each hint compares a name with every candidate: over 100,000 figures naming 100,000 sources
    # that would be quadratic. Beyond _MAX_HINTED candidates there is no hint.
    calls: list[int] = []
    monkeypatch.setattr(claimsfile, "get_close_matches", lambda word, names, n: calls.append(len(names)) or [])  # type: ignore[func-returns-value]
    sources = "".join(f'[sources.s{i}]\ntitle = "t"\n' for i in range(claimsfile._MAX_HINTED + 1))
    figures = "".join(f'[figures.f{i}]\nvalue = 1\nunit = "x"\nsource = "nope"\n' for i in range(50))
    claims_file = load_claims_file(write(tmp_path, HEAD + sources + figures + GOOD))
    assert len(claims_file.problems) == 50
    assert calls == []
    few = "".join(f'[sources.s{i}]\ntitle = "t"\n' for i in range(3))
    load_claims_file(write(tmp_path, HEAD + few + figures + GOOD))
    assert calls == [3] * 50
