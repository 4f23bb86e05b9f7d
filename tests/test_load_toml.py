"""The fast TOML reader gives what `tomllib.loads(text, parse_float=Decimal)` gives: the same data, or a refusal.

rtoml reads TOML 1.1, tomllib TOML 1.0; one file must get one answer on every machine, so each
TOML 1.1 construct is refused here as tomllib refuses it, and a property holds the two to the same
answer over generated documents. Texts tomllib would spend unbounded time or memory on are refused
before it sees them (`TOMLLimitError`), which is asserted structurally: tomllib is never called.
"""

from __future__ import annotations

import math
import re
import subprocess
import sys
import tomllib
from collections.abc import Iterator
from decimal import Decimal
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from factcheck.errors import ClaimsFileError, TOMLLimitError
from factcheck.load import toml as tomlread
from factcheck.load.claimsfile import loads_claims_file
from tests.conftest import CLAIMS_DIR, EVAL_DIR


def test_rtoml_is_used_where_it_is_installed() -> None:
    pytest.importorskip("rtoml")
    assert tomlread.fast_parser() == "rtoml"


DOCUMENT = """
format = 1
a = 8.30
b = [1.5, { c = 0.1 }, [2.25]]
d = 2020-11-10
e = -0.0
f = 1e-5
g = inf
[t.u]
v = 64300
w = "x"
"""


def test_floats_come_back_as_the_decimals_written() -> None:
    assert tomlread.loads(DOCUMENT) == tomllib.loads(DOCUMENT, parse_float=Decimal)
    assert isinstance(tomlread.loads(DOCUMENT)["b"][1]["c"], Decimal)


def test_a_float_with_more_digits_than_a_binary_float_holds_stays_exact() -> None:
    text = "x = 0.1000000000000000055511151231257827\ny = 12345678.123456789"
    assert tomlread.loads(text) == {
        "x": Decimal("0.1000000000000000055511151231257827"),
        "y": Decimal("12345678.123456789"),
    }


@given(st.integers(-(10**17), 10**17), st.integers(1, 9))
def test_any_written_decimal_comes_back_exactly(digits: int, places: int) -> None:
    value = Decimal(digits).scaleb(-places)
    text = f"x = {value:f}\n"
    assert "." in text
    assert tomlread.loads(text)["x"] == value == tomllib.loads(text, parse_float=Decimal)["x"]


def test_a_syntax_error_names_its_line() -> None:
    with pytest.raises(ClaimsFileError) as caught:
        loads_claims_file('format = 1\n[article]\ntitle = "x"\nbad = [1,,2]\n[figures]\n')
    assert caught.value.line == 4
    assert "not valid TOML" in str(caught.value)


# -- TOML 1.1, which rtoml reads and tomllib refuses: refused ------------------------------------

TOML_1_1 = {
    "newline in an inline table": "x = { a = 1,\n b = 2 }",
    "newline before the closing brace": "x = { a = 1\n}",
    "trailing comma in an inline table": "x = { a = 1, }",
    "trailing comma, no space": "x = { a = 1,}",
    "comment in an inline table": "x = { a = 1, # why\n b = 2 }",
    "a brace in a string, then a newline": 'x = { a = "}", b = 1,\n}',
    "a hash in a string, then a trailing comma": 'x = { a = "#", b = 1, }',
    "nested, the outer one over two lines": "x = { a = { b = 1 }\n}",
    "nested, trailing comma inside": "x = { a = { b = 1, } }",
    "in a multi-line array": "x = [\n  { a = 1,\n  },\n]",
    "after a quote of the other kind": 'x = { b = \'say "\', a = "x}",\n}',
    "escape \\e": 'x = "\\e"',
    "escape \\xHH": 'x = "\\x41"',
    "escape \\xHH in a multi-line string": 'x = """a\\xff"""',
    "time without seconds": "x = 07:32",
    "date-time without seconds": "x = 1979-05-27T07:32Z",
    "local date-time without seconds": "x = 1979-05-27 07:32",
    "time without seconds, in an inline table": "x = { t = 07:32 }",
    "time without seconds, in an array": "x = [07:32]",
}


@pytest.mark.parametrize("text", TOML_1_1.values(), ids=TOML_1_1.keys())
def test_toml_1_1_is_refused_as_tomllib_refuses_it(text: str) -> None:
    with pytest.raises(tomllib.TOMLDecodeError):
        tomllib.loads(text)
    with pytest.raises(tomllib.TOMLDecodeError):
        tomlread.loads(text)


TOML_1_0_THAT_LOOKS_LIKE_1_1 = {
    "one-line inline table": 'x = { a = 1, b = "}" }',
    "multi-line array in an inline table": "x = { a = [\n1,\n2,\n] }",
    "multi-line string in an inline table": 'x = { a = """\nb""" }',
    "backslash-e in a literal string": "x = 'C:\\e'",
    "an escaped backslash before x": 'x = "\\\\x"',
    "a time with seconds": "x = 07:32:00",
    "a date": "x = 1979-05-27",
    "a trailing comma in an array": "x = [1, 2,]",
    "braces in a comment": "# { a = 1,\nx = 1",
    "a brace in a string on its own line": 'x = "{"\ny = 2',
}


@pytest.mark.parametrize("text", TOML_1_0_THAT_LOOKS_LIKE_1_1.values(), ids=TOML_1_0_THAT_LOOKS_LIKE_1_1.keys())
def test_toml_1_0_that_looks_like_1_1_is_read(text: str) -> None:
    assert tomlread.loads(text) == tomllib.loads(text, parse_float=Decimal)


def test_windows_line_ends_in_a_multi_line_string_are_read_as_tomllib_reads_them() -> None:
    for text in ('x = """a\r\nb"""\r\n', "x = '''a\r\nb'''\r\n"):
        assert tomlread.loads(text) == tomllib.loads(text) == {"x": "a\nb"}


def test_a_byte_order_mark_is_refused_as_tomllib_refuses_it() -> None:
    with pytest.raises(tomllib.TOMLDecodeError):
        tomlread.loads("\ufeffx = 1")


def test_a_negative_nan_keeps_its_sign() -> None:
    assert (
        tomlread.loads("x = -nan")["x"].is_signed() == tomllib.loads("x = -nan", parse_float=Decimal)["x"].is_signed()
    )


@pytest.fixture
def tomllib_never_called(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*_args: object, **_kwargs: object) -> dict[str, Any]:
        raise AssertionError("tomllib was called")

    monkeypatch.setattr(tomllib, "loads", refuse)  # the very module the reader calls


@pytest.mark.usefixtures("tomllib_never_called")
def test_ordinary_claims_files_take_the_fast_path() -> None:
    pytest.importorskip("rtoml")
    paths = sorted(CLAIMS_DIR.glob("*.claims.toml")) + sorted(EVAL_DIR.glob("*.claims.toml"))
    assert paths
    for path in paths:
        assert tomlread.loads(path.read_text(encoding="utf-8"))


@pytest.mark.usefixtures("tomllib_never_called")
def test_a_file_of_inline_figures_takes_the_fast_path() -> None:
    pytest.importorskip("rtoml")
    text = "[figures]\n" + "".join(f'f{i} = {{ value = {i}.5, unit = "offender", note = "a, b" }}\n' for i in range(50))
    assert len(tomlread.loads(text)["figures"]) == 50


#: The long-number guard as a plain regex over the whole text, kept here as the oracle of its cheap scan.
_LONG_NUMBER_ORACLE = re.compile(r"[0-9](?:[0-9_.]{15}|[eE][+-]?[0-9]{3})")
#: Texts near the guard's edge: runs of number characters broken anywhere, exponents of any sign and
#: length, and characters UTF-8 writes in several bytes (or cannot: a lone surrogate).
_NUMBERISH = st.lists(
    st.sampled_from([*"0123456789", "0" * 8, "_", ".", "e", "E", "+", "-", " ", "x", "é", "\u0663", "\ud800", "\n"]),
    max_size=40,
).map("".join)


@given(_NUMBERISH)
def test_the_long_number_scan_agrees_with_the_regex(text: str) -> None:
    assert tomlread._has_long_number(text) == (_LONG_NUMBER_ORACLE.search(text) is not None)


@pytest.mark.parametrize(
    ("text", "long"),
    [
        ("x = 1234567890123456", True),  # sixteen digits
        ("x = 123456789012345", False),
        ("x = 1_234_567.890_12", True),  # underscores and a point sit in the run
        ("x = 1e300", True),
        ("x = 1.5E-300", True),
        ("x = 1e30", False),
        ("note = 'e000'", False),  # an exponent needs a digit before it
        ("x = 2024-06-19", False),
    ],
)
def test_the_long_number_scan_finds_what_only_tomllib_may_read(text: str, long: bool) -> None:
    assert tomlread._has_long_number(text) is long


# -- the property: one answer ---------------------------------------------------------------------

_bare_key = st.sampled_from(["a", "b", "k-1", "x_y", "1", '"q k"', "'lit'", "a.b", '"a.b".c'])
_string = st.sampled_from(
    [
        '"s"',
        '"it\'s"',
        '"a # b"',
        '"{"',
        '"}"',
        '"a, b"',
        '"\\n"',
        '"\\u00e9"',
        '"\\e"',
        '"\\x41"',
        '"\\\\x"',
        "'lit'",
        "'C:\\e'",
        "'say \"'",
        '"""m\nl"""',
        '"""a\r\nb"""',
        "'''x\n'''",
        '"""a\\\n  b"""',
        '""',
    ]
)
_scalar = st.one_of(
    _string,
    st.sampled_from(
        [
            "1",
            "-0",
            "+5",
            "1_000",
            "0x1F",
            "0o7",
            "0b1",
            "9223372036854775807",
            "9223372036854775808",
            "1.5",
            "-0.0",
            "1e5",
            "1E-5",
            "inf",
            "-inf",
            "nan",
            "-nan",
            "1e400",
            "8.30",
            "0.1000000000000000055511151231257827",
            "1234567890.1234567",
            "true",
            "false",
            "1979-05-27",
            "1979-05-27T07:32:00Z",
            "1979-05-27T07:32Z",
            "1979-05-27 07:32",
            "07:32:00",
            "07:32",
            "07:32:00.5",
            "1979-05-27T00:32:00.999999-07:00",
            "01",
            "1__0",
            ".5",
            "5.",
        ]
    ),
    st.integers(-(10**20), 10**20).map(str),
)
_space = st.sampled_from(["", " ", "  ", "\t"])
_newline = st.sampled_from(["\n", "\r\n"])


def _values(children: st.SearchStrategy[str]) -> st.SearchStrategy[str]:
    def array(items: list[str], sep: str, trailing: bool, nl: str) -> str:
        return "[" + nl + ("," + sep + nl).join(items) + ("," if trailing else "") + nl + "]"

    def inline(pairs: list[tuple[str, str]], sep: str, trailing: bool, nl: str, comment: bool) -> str:
        body = ("," + sep + nl).join(f"{k} = {v}" for k, v in pairs)
        return "{" + sep + body + ("," if trailing else "") + (" # c" if comment else "") + nl + sep + "}"

    return st.one_of(
        st.builds(array, st.lists(children, max_size=3), _space, st.booleans(), st.sampled_from(["", "", "\n"])),
        st.builds(
            inline,
            st.lists(st.tuples(_bare_key, children), max_size=3),
            _space,
            st.sampled_from([False, False, False, True]),
            st.sampled_from(["", "", "", "\n"]),
            st.sampled_from([False, False, False, True]),
        ),
    )


_value = st.recursive(_scalar, _values, max_leaves=6)
_line = st.one_of(
    st.builds(lambda k, s, v, c: f"{k}{s}={s}{v}{c}", _bare_key, _space, _value, st.sampled_from(["", " # note"])),
    st.sampled_from(["[t]", "[t.u]", "[[arr]]", "[ a . b ]", "# comment", "", "[t] # c", "[[arr]] x"]),
)


@st.composite
def _documents(draw: st.DrawFn) -> str:
    lines = draw(st.lists(_line, min_size=1, max_size=6))
    return draw(_newline).join(lines) + draw(st.sampled_from(["", "\n"]))


_PIECES = st.sampled_from(
    [
        "a",
        "=",
        " = ",
        "\n",
        "\r\n",
        "#",
        "[",
        "]",
        "{",
        "}",
        ",",
        ".",
        "1",
        "e",
        "_",
        "5",
        "1.5",
        '"',
        "'",
        '"s"',
        '"\\e"',
        '"\\x4',
        "0x",
        "inf",
        "nan",
        "T",
        "07:32",
        ":00",
        "1979-05-27",
        "\\",
        "\t",
        "x",
        "é",
        '"""',
        "'''",
        "\ufeff",
        "\x7f",
        "-",
        "+",
    ]
)


def _answer(read: Any, text: str) -> tuple[str, object]:
    try:
        return "data", _comparable(read(text))
    except tomllib.TOMLDecodeError:
        return "refused", None


def _comparable(value: object) -> object:
    """Decimals by value (8.30 and 8.3 are one number), NaN by its sign: what a claims file reads from them."""
    if isinstance(value, dict):
        return {key: _comparable(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_comparable(item) for item in value]
    if isinstance(value, Decimal):
        return ("nan", value.is_signed()) if value.is_nan() else ("number", value.normalize() if value else 0)
    if isinstance(value, float) and math.isnan(value):
        return ("nan", math.copysign(1, value) < 0)
    return value


def _one_answer(text: str) -> None:
    expected = _answer(lambda t: tomllib.loads(t, parse_float=Decimal), text)
    assert _answer(tomlread.loads, text) == expected, repr(text)


@settings(max_examples=600, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_documents())
def test_any_document_is_read_as_tomllib_reads_it(text: str) -> None:
    _one_answer(text)


@settings(max_examples=600, deadline=None)
@given(st.lists(_PIECES, min_size=1, max_size=14).map("".join), st.booleans())
def test_any_run_of_toml_pieces_is_read_as_tomllib_reads_it(text: str, as_value: bool) -> None:
    _one_answer("k = " + text if as_value else text)


# -- what tomllib cannot read in bounded time and memory: refused before it is called ------------


@pytest.mark.usefixtures("tomllib_never_called")
@pytest.mark.parametrize(
    "text",
    [
        "x" + ".a" * 100_000 + " = 1\n",  # tomllib: 5e9 tuple entries, memory exhausted
        "[x" + ".a" * 100_000 + "]\n",
        "x.\"a\".'b'" + " . c" * 200 + " = 1\n",
    ],
)
def test_a_key_of_too_many_parts_is_refused_before_tomllib_sees_it(text: str) -> None:
    with pytest.raises(TOMLLimitError, match="more than 100 dotted parts") as caught:
        tomlread.loads("a = 1\n\n" + text)
    assert caught.value.line == 3


def test_a_key_of_many_parts_but_not_too_many_is_read() -> None:
    text = "x" + ".a" * 99 + " = 1\n"
    assert tomlread.loads(text) == tomllib.loads(text)


@pytest.fixture
def int_limit_lifted() -> Iterator[None]:
    """Python's limit on turning digits into an int lifted, as PYTHONINTMAXSTRDIGITS=0 does."""
    limit = sys.get_int_max_str_digits()
    sys.set_int_max_str_digits(0)
    yield
    sys.set_int_max_str_digits(limit)


@pytest.mark.usefixtures("int_limit_lifted")
@pytest.mark.parametrize("digits", [4301, 1_000_000])
def test_an_integer_of_too_many_digits_is_refused_before_it_is_converted(
    monkeypatch: pytest.MonkeyPatch, digits: int
) -> None:
    # Structural: tomllib reads with Python's limit in force, so int() refuses the digits before
    # converting them (a million digits would otherwise take seconds); the limit is put back after.
    limits_seen = []
    reference = tomllib.loads

    def watched(text: str, **kwargs: Any) -> dict[str, Any]:
        limits_seen.append(sys.get_int_max_str_digits())
        return reference(text, **kwargs)

    monkeypatch.setattr(tomllib, "loads", watched)
    text = 'a = 1\nnote = "' + "1" * 5000 + '"\nvalue = ' + "9" * digits + "\n"  # digits in a string are no integer
    with pytest.raises(TOMLLimitError, match="more than 4,300 digits") as caught:
        tomlread.loads(text)
    assert caught.value.line == 3
    assert limits_seen == [4300]
    assert sys.get_int_max_str_digits() == 0


@pytest.mark.usefixtures("int_limit_lifted")
def test_digits_in_a_string_are_no_integer() -> None:
    text = 'note = "' + "1" * 5000 + '"\n'
    assert tomlread.loads(text) == {"note": "1" * 5000}


def test_an_integer_of_4300_digits_is_read() -> None:
    assert tomlread.loads("x = " + "9" * 4300) == {"x": int("9" * 4300)}


@pytest.mark.parametrize("opening", ["[", "{a="])
def test_nesting_too_deep_for_tomllib_is_refused_with_its_line(opening: str) -> None:
    closing = "]" if opening == "[" else "}"
    text = "a = 1\nx = " + opening * 5000 + "1" * (opening != "[") + closing * 5000 + "\n"
    with pytest.raises(TOMLLimitError, match="nested too deeply") as caught:
        tomlread.loads(text)
    assert caught.value.line == 2


def test_nesting_over_lines_is_placed_where_it_runs_deep() -> None:
    text = "a = 1\nx = [\n" + "[\n" * 5000 + "]\n" * 5000 + "]\n"
    with pytest.raises(TOMLLimitError) as caught:
        tomlread.loads(text)
    assert caught.value.line == 101  # the 100th bracket


def test_the_syntax_error_is_tomllib_s_loaded_only_when_asked_for() -> None:
    """`factcheck.load.toml.TOMLDecodeError` is tomllib's class (what `loads` raises), but reading the module
    does not import tomllib: a file rtoml reads never needs it."""
    from factcheck.load import toml

    assert toml.TOMLDecodeError is tomllib.TOMLDecodeError
    probe = "import sys, factcheck.load.toml; print('tomllib' in sys.modules)"
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "False"
    with pytest.raises(AttributeError):
        _ = toml.NoSuchName  # type: ignore[attr-defined]
