"""The claims file loader on bad input: one malformed file per kind of problem (tests/data/bad/).

Each test asserts the message's key words, the exact line, and the claim id and field where the
problem has them; and that the good claim every such file also holds still gets its verdict.
"""

from __future__ import annotations

import json
import os
import string
from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from factcheck.check.pipeline import check_file, verify_file
from factcheck.errors import ClaimsFileError
from factcheck.load.claimsfile import load_claims_file, loads_claims_file
from factcheck.model.claims import BrokenClaim
from factcheck.model.results import FileResult
from factcheck.model.verdicts import Verdict
from tests.conftest import BAD

# -- files that cannot be read at all: loading raises, with the file and line ------------------

UNREADABLE = [
    # name, line, field, words in the message
    ("toml-syntax", 16, None, ["not valid TOML", "Invalid value"]),
    ("missing-format", 1, "format", ["missing `format = 1`"]),
    ("format-2", 1, "format", ["unsupported format 2", "format 1"]),
    ("empty", 1, None, ["the file is empty (no keys or tables)", "`format = 1`"]),
    (
        "value-huge-exponent",
        16,
        None,
        ["the number 1e1000000 is out of range", "its exponent may be at most 100 either way"],
    ),
]


@pytest.mark.parametrize(("name", "line", "field", "words"), UNREADABLE, ids=[c[0] for c in UNREADABLE])
def test_unreadable_file_raises_with_its_place(
    bad_file: Callable[[str], Path], name: str, line: int, field: str | None, words: list[str]
) -> None:
    path = bad_file(name)
    with pytest.raises(ClaimsFileError) as caught:
        load_claims_file(path)
    error = caught.value
    assert error.path == str(path)
    assert error.line == line
    assert error.field == field
    for word in words:
        assert word in error.message
    assert str(error).startswith(f"{path}:{line}")
    result = check_file(path)
    assert not result.readable and result.exit_status() == 2
    assert [(e.message, e.line) for e in result.errors] == [(error.message, line)]


# -- problems of the file outside any claim: collected, with line and field ---------------------

FILE_PROBLEMS = [
    ("missing-article", 1, "article", ["missing the [article] table"]),
    ("published-not-date", 5, "published", ["must be a TOML date", "'last Tuesday'"]),
    ("unknown-top-key", 2, "colour", ["unknown key 'colour'", "the top level"]),
    ("unknown-key-article", 6, "author", ["unknown key 'author'", "[article]"]),
    ("unknown-key-source", 9, "publishr", ["unknown key 'publishr'", "did you mean 'publisher'?"]),
    ("unknown-source-kind", 9, "kind", ["unknown source kind 'rumour'", "official"]),
    ("unknown-source-reference", 21, "source", ["unknown source 'mapa'", "did you mean 'mappa'?"]),
    ("unknown-key-figure", 18, "areas", ["unknown key 'areas'", "figure 'population'", "did you mean 'area'?"]),
    ("figure-missing-value", 15, "value", ["figure 'population'", "missing `value`"]),
    ("figure-missing-unit", 15, "unit", ["missing `unit`"]),
    ("value-string", 16, "value", ["must be a number", "'1,151,600'"]),
    ("value-nan", 16, "value", ["must be a finite number", "NaN"]),
    ("value-inf", 16, "value", ["must be a finite number", "Infinity"]),
    ("value-boolean", 16, "value", ["must be a number", "bool"]),
    ("bad-figure-name", 15, None, ["figure name 'pop 2019'", "letters, digits"]),
    ("bad-unit", 17, "unit", ["exponent", "'person ** /'"]),
    ("unknown-key-sentence", 17, "speaker", ["unknown key 'speaker'", "sentence 1"]),
    ("unknown-check", 26, "check", ["unknown check 'rant'", "quote"]),
    ("text-outside", 6, "text", ["inside the claims file's folder", "'../outside.txt'"]),
    ("text-absolute", 6, "text", ["inside the claims file's folder", "'/etc/passwd'"]),
    ("text-symlink", 6, "text", ["inside the claims file's folder", "'link.txt'"]),
    (
        "coverage-mismatch",
        25,
        "text",
        ["sentence 2 does not match the article text", "'It was a rise of four per cent.'"],
    ),
    ("coverage-short", 6, "text", ["do not cover the end of the article text", "'The end came soon after.'"]),
    # a misnamed table, at its own line (it was line 1), with a did-you-mean
    (
        "misnamed-figure-table",
        15,
        "figure",
        ["unknown table [figure.population]", "the top level has no key 'figure'", "did you mean 'figures'?"],
    ),
    ("misnamed-source-table", 15, "source", ["unknown table [source.mappa]", "did you mean 'sources'?"]),
    ("misnamed-sentence-table", 24, "sentence", ["unknown table [[sentence]]", "did you mean 'sentences'?"]),
    (
        "misnamed-claims-table",
        27,
        "claim",
        ["unknown table [[sentences.claim]]", "sentence 2 has no key 'claim'", "did you mean 'claims'?"],
    ),
    # hostile values: each at its own line
    ("rounded-inf", 18, "rounded", ["`rounded` must be a finite number", "Infinity"]),
    ("defaults-tolerance-nan", 16, "tolerance", ["`tolerance` must be a finite number", "NaN"]),
]


@pytest.mark.parametrize(("name", "line", "field", "words"), FILE_PROBLEMS, ids=[c[0] for c in FILE_PROBLEMS])
def test_file_problem_is_reported_with_line_and_field(
    bad_file: Callable[[str], Path], name: str, line: int, field: str | None, words: list[str]
) -> None:
    path = bad_file(name)
    claims_file = load_claims_file(path)
    assert len(claims_file.problems) == 1, claims_file.problems
    problem = claims_file.problems[0]
    assert (problem.path, problem.line, problem.field, problem.claim_id) == (str(path), line, field, None)
    for word in words:
        assert word in problem.message
    result = verify_file(claims_file)
    assert result.errors == (problem,)
    assert result.exit_status() == 2
    assert _verdict(result, "good") is Verdict.SUPPORTED  # the file's good claim is still judged


# -- problems inside one claim: the claim is broken, the others are judged ----------------------

CLAIM_PROBLEMS = [
    # name, line, claim id, field, words
    ("unknown-key-claim", 33, "rise", "source", ["unknown key 'source'", "a change claim"]),
    ("unknown-kind", 29, "rise", "kind", ["unknown kind 'percentage'", "one_in"]),
    ("missing-kind", 27, "rise", "kind", ["missing `kind`"]),
    ("missing-id", 27, None, "id", ["a claim needs an `id`"]),
    ("missing-stated", 27, "rise", "stated", ["missing `stated`"]),
    ("duplicate-id", 28, "good", "id", ["duplicate claim id 'good'", "first used on line 18"]),
    ("unknown-direction", 31, "rise", "direction", ['"increase" or "decrease"', "'sideways'"]),
    ("bad-tolerance", 31, "rise", "tolerance", ["tolerance must be a number or a percentage", "'a bit'"]),
    ("formula-import", 31, "sum", "expr", ["Call is not allowed", "__import__"]),
    ("formula-power", 31, "sum", "expr", ["'Pow' is not allowed"]),
    ("formula-call", 31, "sum", "expr", ["Call is not allowed", "f(offenders_2020)"]),
    ("formula-attribute", 31, "sum", "expr", ["Attribute is not allowed"]),
    ("formula-subscript", 31, "sum", "expr", ["Subscript is not allowed"]),
    ("formula-lambda", 31, "sum", "expr", ["Lambda is not allowed"]),
    ("formula-string", 31, "sum", "expr", ["'1405' is not a number"]),
    # stated words are quoted (second edition): the closest words of the sentence are shown
    (
        "stated-not-quoted",
        30,
        "rise",
        "stated",
        ["'about 210' is not in the sentence", "the closest words are 'about 214'"],
    ),
    (
        "stated-part-of-a-number",
        30,
        "rise",
        "stated",
        ["'3%' is in the sentence only as part of '103%'", "a quote may not cut a word or a number"],
    ),
    (
        "stated-comparison-not-quoted",
        30,
        "more",
        "stated",
        ["'higher than' is not in the sentence", "the closest words are 'lower than'"],
    ),
    ("stated-nothing-close", 30, "rise", "stated", ["'up 3%' is not in the sentence, which reads 'It rose again.'"]),
    ("stated-sentence-empty", 30, "rise", "stated", ["'up 3%' is not in the sentence, which has no text"]),
    ("stated-blank", 30, "rise", "stated", ["`stated` is blank"]),
    ("tolerance-inf", 33, "rise", "tolerance", ["`tolerance` must be a finite number", "Infinity"]),
]


@pytest.mark.parametrize(
    ("name", "line", "claim_id", "field", "words"), CLAIM_PROBLEMS, ids=[c[0] for c in CLAIM_PROBLEMS]
)
def test_claim_problem_names_claim_field_and_line(
    bad_file: Callable[[str], Path], name: str, line: int, claim_id: str | None, field: str, words: list[str]
) -> None:
    path = bad_file(name)
    claims_file = load_claims_file(path)
    assert len(claims_file.problems) == 1, claims_file.problems
    problem = claims_file.problems[0]
    assert (problem.path, problem.line, problem.claim_id, problem.field) == (str(path), line, claim_id, field)
    for word in words:
        assert word in problem.message
    assert f"{path}:{line}" in str(problem) and f"field {field!r}" in str(problem)
    broken = [c for c in claims_file.claims() if isinstance(c, BrokenClaim)]
    assert len(broken) == 1 and broken[0].problems == (problem,)
    result = verify_file(claims_file)
    assert result.errors == ()  # reported once, as the claim's verdict, not twice
    error = next(o for o in result.outcomes if o.verdict is Verdict.ERROR)
    assert error.location.line == broken[0].location.line
    assert f"{field}: {problem.message}" in error.explanation
    assert _verdict(result, "good") is Verdict.SUPPORTED
    assert result.exit_status() == 2


def test_a_duplicate_id_is_numbered_by_its_use(bad_file: Callable[[str], Path]) -> None:
    result = check_file(bad_file("duplicate-id"))
    assert [o.id for o in result.outcomes] == ["good", "good#2"]


def test_a_claim_without_an_id_is_named_by_its_line(bad_file: Callable[[str], Path]) -> None:
    result = check_file(bad_file("missing-id"))
    assert [o.id for o in result.outcomes] == ["good", "claim-at-line-27"]


# -- claims that load but cannot be evaluated: an `error` verdict naming the claim ---------------

EVALUATION_ERRORS = [
    # name, claim id, line of the claim, words
    ("unreadable-stated", "many", 27, ["stated:", "'many'"]),
    (
        "unknown-figure-reference",
        "rise",
        27,
        ["no figure or claim is named 'offenders_202'", "did you mean 'offenders_2020'"],
    ),
    ("partial-inputs", "wm-rate", 27, ["missing input field 'denominator'"]),
    ("rate-without-per", "wm-rate", 31, ["a rate needs `per`", "per 100,000"]),
    ("zero-denominator", "wm-rate", 31, ["the denominator 0 is zero"]),
    ("impossible-share", "share", 27, ["larger than the whole", "a share above 100%"]),
    ("unit-mismatch-change", "rise", 31, ["'offender' and 'person' are not compatible"]),
    ("comparison-incompatible-units", "more", 31, ["'GBP' and 'offender' are not compatible"]),
    ("cycle", "first", 27, ["cycle", "first -> second -> first"]),
    ("cycle", "second", 37, ["cycle", "first -> second -> first"]),
]


@pytest.mark.parametrize(
    ("name", "claim_id", "line", "words"), EVALUATION_ERRORS, ids=[f"{c[0]}-{c[1]}" for c in EVALUATION_ERRORS]
)
def test_evaluation_error_names_the_claim(
    bad_file: Callable[[str], Path], name: str, claim_id: str, line: int, words: list[str]
) -> None:
    path = bad_file(name)
    claims_file = load_claims_file(path)
    assert claims_file.problems == ()  # the file itself is well formed
    result = verify_file(claims_file)
    outcome = next(o for o in result.outcomes if o.id == claim_id)
    assert outcome.verdict is Verdict.ERROR
    assert outcome.location.path == str(path) and outcome.location.line == line
    for word in words:
        assert word in outcome.explanation
    assert _verdict(result, "good") is Verdict.SUPPORTED
    assert result.exit_status() == 2


def test_every_problem_of_a_file_is_collected(bad_file: Callable[[str], Path]) -> None:
    path = bad_file("several-problems")
    claims_file = load_claims_file(path)
    found = [(p.line, p.claim_id, p.field) for p in claims_file.problems]
    assert found == [(16, None, "value"), (37, "rise", "sauce"), (44, "other", "kind")]
    result = verify_file(claims_file)
    assert {o.id: o.verdict for o in result.outcomes} == {
        "good": Verdict.SUPPORTED,
        "rise": Verdict.ERROR,
        "other": Verdict.ERROR,
    }
    assert [e.field for e in result.errors] == ["value"]


def test_every_fixture_is_tested() -> None:
    tested = {c[0] for c in UNREADABLE + FILE_PROBLEMS + CLAIM_PROBLEMS + EVALUATION_ERRORS} | {
        "several-problems",
        "no-sentences",
        "sentences-all-empty",
        "broken-figure-used",
    }
    assert {p.stem for p in BAD.glob("*.toml")} == tested


# -- a file that checks nothing never passes ------------------------------------------------------


def test_a_file_without_sentences_checks_nothing_and_fails(bad_file: Callable[[str], Path]) -> None:
    path = bad_file("no-sentences")
    claims_file = load_claims_file(path)
    assert [(p.line, p.field, p.claim_id) for p in claims_file.problems] == [(1, "sentences", None)]
    assert "the file has no [[sentences]], so it checks nothing" in claims_file.problems[0].message
    result = check_file(path)
    assert result.outcomes == () and result.exit_status() == 2


def test_a_file_whose_sentences_are_all_empty_checks_nothing_and_fails(bad_file: Callable[[str], Path]) -> None:
    path = bad_file("sentences-all-empty")
    claims_file = load_claims_file(path)
    assert [(p.line, p.field) for p in claims_file.problems] == [(16, "text")]
    assert "every sentence's `text` is empty, so the file checks nothing" in claims_file.problems[0].message
    assert check_file(path).exit_status() == 2


@pytest.mark.parametrize("sentences", ["sentences = []\n", ""])
def test_an_empty_array_of_sentences_checks_nothing(sentences: str) -> None:
    claims_file = loads_claims_file(_HEAD.replace("format = 1\n", "format = 1\n" + sentences))
    assert [(p.line, p.field) for p in claims_file.problems] == [(2 if sentences else 1, "sentences")]


def test_one_sentence_with_text_is_enough() -> None:
    claims_file = loads_claims_file(_HEAD + '[[sentences]]\ntext = ""\n' + _SENTENCE)
    assert claims_file.problems == ()


# -- a figure that exists but is broken is named as broken, never as unknown ----------------------


def test_a_claim_using_a_broken_figure_says_the_figure_has_an_error(bad_file: Callable[[str], Path]) -> None:
    path = bad_file("broken-figure-used")
    claims_file = load_claims_file(path)
    assert [(p.line, p.field) for p in claims_file.problems] == [(16, "value")]
    assert claims_file.broken_figures == {"population": 16}
    outcomes = {o.id: o for o in verify_file(claims_file).outcomes}
    assert outcomes["good"].verdict is Verdict.SUPPORTED
    assert outcomes["wm-rate"].verdict is Verdict.ERROR
    assert outcomes["wm-rate"].explanation == "figure 'population' has an error (line 16)"
    assert outcomes["uses-the-rate"].verdict is Verdict.ERROR
    assert "figure 'population' has an error (line 16)" in outcomes["uses-the-rate"].explanation
    assert not any("no figure or claim is named" in o.explanation for o in outcomes.values())


BROKEN_FIGURES = [  # a fixture whose figure cannot be read, its name, and the line of its problem
    ("value-string", "population", 16),
    ("value-nan", "population", 16),
    ("value-inf", "population", 16),
    ("value-boolean", "population", 16),
    ("figure-missing-value", "population", 15),
    ("figure-missing-unit", "population", 15),
    ("bad-unit", "population", 17),
    ("rounded-inf", "population", 18),
    ("bad-figure-name", "pop 2019", 15),
]


@pytest.mark.parametrize(("name", "figure", "line"), BROKEN_FIGURES, ids=[c[0] for c in BROKEN_FIGURES])
def test_every_way_a_figure_breaks_is_named_for_the_claims_that_use_it(
    bad_file: Callable[[str], Path], name: str, figure: str, line: int
) -> None:
    path = bad_file(name)
    text = path.read_text(encoding="utf-8") + (
        '\n[[sentences]]\ntext = "That is 122 per 100,000 people."\n\n  [[sentences.claims]]\n  id = "uses"\n'
        f'  kind = "rate"\n  stated = "122 per 100,000"\n  numerator = "offenders_2020"\n  denominator = "{figure}"\n'
    )
    path.write_text(text, encoding="utf-8")
    result = check_file(path)
    uses = next(o for o in result.outcomes if o.id == "uses")
    assert (uses.verdict, uses.explanation) == (Verdict.ERROR, f"figure {figure!r} has an error (line {line})")
    assert result.exit_status() == 2


def test_a_figure_with_a_problem_that_does_not_change_its_number_is_kept(bad_file: Callable[[str], Path]) -> None:
    claims_file = load_claims_file(bad_file("unknown-source-reference"))
    assert claims_file.problems and claims_file.broken_figures == {}


# -- bytes that are not a claims file -----------------------------------------------------------


def test_binary_junk_is_not_a_text_file(tmp_path: Path) -> None:
    path = tmp_path / "junk.claims.toml"
    path.write_bytes(bytes(range(256)) * 4)
    with pytest.raises(ClaimsFileError, match=r"not a text file \(it contains NUL bytes\)") as caught:
        load_claims_file(path)
    assert caught.value.path == str(path)


def test_non_utf8_file_names_the_byte(tmp_path: Path) -> None:
    path = tmp_path / "latin.claims.toml"
    path.write_bytes('format = 1\ntitle = "café"\n'.encode("latin-1"))
    with pytest.raises(ClaimsFileError, match=r"not UTF-8 text \(byte 23 cannot be decoded\)"):
        load_claims_file(path)


@pytest.mark.parametrize("content", [b"", b"\n\n   \n", b"# only a comment\n"])
def test_an_empty_file_is_refused_as_empty(tmp_path: Path, content: bytes) -> None:
    # It checks nothing, so it must never pass (it said "missing `format = 1`", which hid why).
    path = tmp_path / "empty.claims.toml"
    path.write_bytes(content)
    with pytest.raises(ClaimsFileError, match=r"the file is empty \(no keys or tables\)") as caught:
        load_claims_file(path)
    assert caught.value.line == 1
    assert check_file(path).exit_status() == 2


def test_a_directory_is_not_a_claims_file(tmp_path: Path) -> None:
    path = tmp_path / "x.claims.toml"
    path.mkdir()
    with pytest.raises(ClaimsFileError, match="cannot read the file") as caught:
        load_claims_file(path)
    assert caught.value.path == str(path)
    assert check_file(path).exit_status() == 2


def test_a_missing_file(tmp_path: Path) -> None:
    with pytest.raises(ClaimsFileError, match="cannot read the file: No such file"):
        load_claims_file(tmp_path / "nothere.claims.toml")


_HEAD = 'format = 1\n[article]\ntitle = "t"\npublished = 2020-11-10\n'
#: A sentence, so that a file built from _HEAD checks something (a file with none is a problem of its own).
_SENTENCE = '[[sentences]]\ntext = "Nothing to check."\ncheck = "context"\n'


def test_deeply_nested_toml_is_refused_not_a_crash() -> None:
    with pytest.raises(ClaimsFileError, match="nested too deeply"):
        loads_claims_file(_HEAD + "x = " + "[" * 5000 + "]" * 5000 + "\n")


@pytest.mark.parametrize("literal", ["1e999999999", "-1e999999999", "1e-999999999", "1e101"])
def test_a_float_with_a_huge_exponent_is_refused_at_once(literal: str) -> None:
    # Turned into an exact fraction, 1e999999999 would take forever; it is refused with its line.
    text = _HEAD + f'[figures.a]\nvalue = 1\nunit = "offender"\nrounded = {literal}\n'
    with pytest.raises(ClaimsFileError, match=f"the number {literal} is out of range") as caught:
        loads_claims_file(text)
    assert caught.value.line == 8


def test_an_integer_too_large_for_any_figure_is_a_problem() -> None:
    claims_file = loads_claims_file(_HEAD + "[figures.a]\nvalue = " + "9" * 200 + '\nunit = "offender"\n' + _SENTENCE)
    assert [(p.line, p.field) for p in claims_file.problems] == [(6, "value")]
    assert "out of range" in claims_file.problems[0].message


def test_an_integer_literal_beyond_python_limit_is_refused() -> None:
    with pytest.raises(ClaimsFileError, match="not readable TOML"):
        loads_claims_file(_HEAD + "x = " + "9" * 5000 + "\n")


@pytest.mark.parametrize("fmt", ["1.0", '"1"', "true"])
def test_format_must_be_the_integer_1(fmt: str) -> None:
    with pytest.raises(ClaimsFileError, match="unsupported format") as caught:
        loads_claims_file(_HEAD.replace("format = 1", f"format = {fmt}"))
    assert caught.value.field == "format"


def test_a_unit_with_a_huge_power_is_refused() -> None:
    claims_file = loads_claims_file(_HEAD + '[figures.a]\nvalue = 1\nunit = "m**99999999"\n' + _SENTENCE)
    assert [(p.line, p.field) for p in claims_file.problems] == [(7, "unit")]
    assert "exponent may be at most" in claims_file.problems[0].message


def test_a_deeply_nested_formula_is_an_error_not_a_crash() -> None:
    claims = (
        '[figures.a]\nvalue = 1\nunit = "offender"\n[[sentences]]\ntext = "There was 1."\n'
        '[[sentences.claims]]\nid = "v"\nkind = "formula"\nstated = "1"\nexpr = "{}"\n'
    )
    for expr in ["-" * 1990 + "a", "a+" * 900 + "a", "(" * 300 + "a" + ")" * 300]:
        claims_file = loads_claims_file(_HEAD + claims.format(expr))
        assert [(p.claim_id, p.field) for p in claims_file.problems] == [("v", "expr")]
        assert verify_file(claims_file).outcomes[0].verdict is Verdict.ERROR


def test_a_long_but_plain_formula_is_evaluated() -> None:
    claims = (
        '[figures.a]\nvalue = 1\nunit = "offender"\n[[sentences]]\ntext = "There were 150."\n'
        '[[sentences.claims]]\nid = "v"\nkind = "formula"\nstated = "150"\nexpr = "{}"\n'
    )
    outcome = verify_file(loads_claims_file(_HEAD + claims.format("a+" * 149 + "a"))).outcomes[0]
    assert outcome.verdict is Verdict.SUPPORTED


def test_a_stated_number_with_many_digits_is_a_clean_error_not_a_crash() -> None:
    # second edition: a stated number past the figures' bound (101 digits) is an error, not a verdict
    digits = "9" * 900
    text = _HEAD + (
        '[figures.a]\nvalue = 1\nunit = "offender"\n[[sentences]]\ntext = "There were ' + digits + '."\n'
        '[[sentences.claims]]\nid = "v"\nkind = "value"\nstated = "' + digits + '"\nfigure = "a"\n'
    )
    outcome = verify_file(loads_claims_file(text)).outcomes[0]
    assert outcome.verdict is Verdict.ERROR
    assert "too long" in outcome.explanation
    assert len(outcome.explanation) < 500  # the phrase is quoted shortened, not 900 digits


def test_a_stated_longer_than_any_quote_of_a_number_is_refused_at_its_line() -> None:
    # 5,000 digits were judged (slowly); a million took seconds. `stated` quotes the words for one number.
    digits = "9" * 100_000
    text = _HEAD + (
        '[figures.a]\nvalue = 1\nunit = "offender"\n[[sentences]]\ntext = "There were ' + digits + '."\n'
        '[[sentences.claims]]\nid = "v"\nkind = "value"\nstated = "' + digits + '"\nfigure = "a"\n'
    )
    claims_file = loads_claims_file(text)
    assert [(p.line, p.claim_id, p.field) for p in claims_file.problems] == [(13, "v", "stated")]
    assert "`stated` is longer than 1,000 characters" in claims_file.problems[0].message
    assert len(str(claims_file.problems[0])) < 200


# -- the article's text --------------------------------------------------------------------------


def _with_text(folder: Path, text: str, relative: str) -> Path:
    path = folder / "a.claims.toml"
    path.write_text(
        _HEAD.replace('title = "t"', f'title = "t"\ntext = {json.dumps(relative)}')
        + '[[sentences]]\ntext = "There were 1,405."\ncheck = "context"\n',
        encoding="utf-8",
    )
    return path


def test_text_inside_a_subfolder_is_allowed(tmp_path: Path) -> None:
    (tmp_path / "texts").mkdir()
    (tmp_path / "texts" / "a.txt").write_text("date 2020-11-10\n\n  There were\n1,405.\n", encoding="utf-8")
    claims_file = load_claims_file(_with_text(tmp_path, "", "texts/a.txt"))
    assert claims_file.problems == ()
    assert claims_file.article_text is not None


def test_text_through_a_symlink_out_of_the_folder_is_refused(tmp_path: Path) -> None:
    inside = tmp_path / "claims"
    inside.mkdir()
    (tmp_path / "secret.txt").write_text("There were 1,405.\n", encoding="utf-8")
    (inside / "a.txt").symlink_to(tmp_path / "secret.txt")
    claims_file = load_claims_file(_with_text(inside, "", "a.txt"))
    assert [(p.line, p.field) for p in claims_file.problems] == [(4, "text")]
    assert "must point inside the claims file's folder" in claims_file.problems[0].message
    assert claims_file.article_text is None  # never read


def test_text_through_a_dotdot_that_comes_back_in_is_allowed(tmp_path: Path) -> None:
    inside = tmp_path / "claims"
    inside.mkdir()
    (inside / "a.txt").write_text("There were 1,405.\n", encoding="utf-8")
    claims_file = load_claims_file(_with_text(inside, "", "../claims/a.txt"))
    assert claims_file.problems == ()


@pytest.mark.parametrize(
    ("relative", "words"),
    [
        ("", "must name the article's text file"),
        ("a\x00b", "must name the article's text file"),
        ("missing.txt", "cannot read the article text 'missing.txt'"),
        ("loop.txt", "loop.txt"),
    ],
)
def test_text_that_cannot_be_read_is_a_problem_not_a_crash(tmp_path: Path, relative: str, words: str) -> None:
    (tmp_path / "loop.txt").symlink_to(tmp_path / "loop.txt")
    claims_file = load_claims_file(_with_text(tmp_path, "", relative))
    assert [(p.line, p.field) for p in claims_file.problems] == [(4, "text")]
    assert words in claims_file.problems[0].message


def test_coverage_folds_white_space_and_skips_the_date_line(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("date 2020-11-10\n\nThere   were\n\n1,405.", encoding="utf-8")
    assert load_claims_file(_with_text(tmp_path, "", "a.txt")).problems == ()


def test_coverage_reports_an_extra_sentence(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("", encoding="utf-8")
    claims_file = load_claims_file(_with_text(tmp_path, "", "a.txt"))
    assert [p.message for p in claims_file.problems] == [
        "sentence 1 is not in the article text (the article ends before it)"
    ]
    assert claims_file.problems[0].line == 6


def test_text_given_without_a_folder_is_a_problem() -> None:
    claims_file = loads_claims_file(_HEAD.replace('title = "t"', 'title = "t"\ntext = "a.txt"') + _SENTENCE)
    assert [(p.line, p.field) for p in claims_file.problems] == [(4, "text")]


# -- a property: whatever the bytes, loading and verifying never crash ---------------------------

_NAMES = ["a", "b", "c", "offenders", "x-y", "first", "second", ""]
_KINDS = [
    "value",
    "rate",
    "one_in",
    "change",
    "point_change",
    "difference",
    "ratio",
    "share",
    "comparison",
    "formula",
    "nope",
]
_FIELDS = [
    "id",
    "kind",
    "stated",
    "figure",
    "numerator",
    "denominator",
    "per",
    "from",
    "to",
    "part",
    "whole",
    "left",
    "right",
    "expr",
    "tolerance",
    "direction",
    "note",
    "bogus",
]
_scalar = st.one_of(
    st.sampled_from(_NAMES),
    st.sampled_from(_KINDS),
    st.sampled_from(
        [
            "1,405",
            "up 3%",
            "most",
            "twice",
            "above",
            "nearly 1,500",
            "122 per 100,000",
            "a + b",
            "a / 0",
            "increase",
            "2%",
            "many",
            "one in 5",
        ]
    ),
    st.text(alphabet=string.printable, max_size=12),
    st.integers(min_value=-(10**6), max_value=10**6),
    st.booleans(),
    st.floats(allow_nan=True, allow_infinity=True),
)


def _toml(value: object) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float):
        return {"nan": "nan", "inf": "inf", "-inf": "-inf"}.get(repr(value), repr(value))
    if isinstance(value, int):
        return str(value)
    return json.dumps(value, ensure_ascii=False).replace("\x7f", "\\u007f")


@st.composite
def _claims_documents(draw: st.DrawFn) -> str:
    lines = ["format = 1", "[article]", 'title = "t"', "published = 2020-11-10"]
    for name in draw(st.lists(st.sampled_from(_NAMES[:5]), max_size=4, unique=True)):
        lines += [
            f"[figures.{name}]",
            f"value = {_toml(draw(_scalar))}",
            f"unit = {_toml(draw(st.sampled_from(['offender', 'person', 'percent', 'GBP', '', 'm^2'])))}",
        ]
    for _ in range(draw(st.integers(0, 3))):
        claims = [
            draw(st.dictionaries(st.sampled_from(_FIELDS), _scalar, max_size=6)) for _ in range(draw(st.integers(0, 3)))
        ]
        # mostly a sentence that quotes every claim's words, so that the claims go on to be verified
        quoted = " and ".join(c["stated"] for c in claims if isinstance(c.get("stated"), str))
        lines += ["[[sentences]]", f"text = {_toml(draw(st.sampled_from([quoted, quoted, 'x'])))}"]
        for fields in claims:
            lines.append("[[sentences.claims]]")
            lines += [f"{key} = {_toml(value)}" for key, value in fields.items()]
    return "\n".join(lines) + "\n"


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_claims_documents())
def test_any_claims_document_loads_and_verifies_without_crashing(text: str) -> None:
    try:
        claims_file = loads_claims_file(text)
    except ClaimsFileError as exc:
        message = exc.message
    else:
        message = ""
    if message:  # a file that cannot be read says why
        return
    result = verify_file(claims_file)
    assert len(result.outcomes) == sum(len(s.claims) for s in claims_file.sentences)
    for problem in claims_file.problems:
        assert problem.line is not None  # every problem of a parsed file has a line
    assert result.exit_status() in (0, 1, 2)


@settings(max_examples=100, deadline=None)
@given(st.binary(max_size=300))
def test_any_bytes_load_or_raise_a_claims_file_error(data: bytes) -> None:
    message = "loaded"
    try:
        loads_claims_file(data)
    except ClaimsFileError as exc:
        message = exc.message
    assert message  # loaded, or a ClaimsFileError that says why


def _verdict(result: FileResult, claim_id: str) -> Verdict:
    return next(o.verdict for o in result.outcomes if o.id == claim_id)


def test_the_fixtures_are_not_named_as_claims_files() -> None:
    # tests/data/bad/ must never be picked up by `factcheck check tests/` or a collecting plugin.
    assert not list(BAD.rglob("*.claims.toml"))
    assert all(not name.endswith(".claims.toml") for _, _, names in os.walk(BAD) for name in names)


def test_a_claims_inputs_are_read_field_by_field_with_a_problem_each() -> None:
    """The loader's steps for a claim's inputs: every input that names nothing is a problem of its own,
    on its field, and the claim is broken; the others are read as they are."""
    text = HEADER_FOR_INPUTS + (
        '[[sentences.claims]]\nid = "r"\nkind = "rate"\nstated = "122 per 100,000"\n'
        'numerator = ""\ndenominator = 5\nper = -1\ndirection = "up"\n'
    )
    claims_file = loads_claims_file(text, "<test>")
    (claim,) = claims_file.claims()
    assert isinstance(claim, BrokenClaim)
    fields = sorted(str(p.field) for p in claim.problems)
    assert fields == ["denominator", "direction", "numerator", "per"]


HEADER_FOR_INPUTS = """format = 1
[article]
title = "t"
published = 2024-01-01
[[sentences]]
text = "It was 122 per 100,000."
"""
