"""The claims file's line index (claimsfile._Lines): its scans of the text must place every
table and key on exactly the line the original line-by-line scan did.

`_line_by_line` below is that original scan, kept here as the oracle.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from factcheck.load.lines import Lines as _Lines
from tests.conftest import BAD, CLAIMS_DIR, EVAL_DIR, REPO

_KEY_LINE = re.compile(r"""\s*("[^"]*"|'[^']*'|[A-Za-z0-9_-]+)\s*=""")


def _line_by_line(text: str) -> tuple[dict[tuple[Any, ...], int], dict[tuple[Any, ...], dict[str, int]]]:
    headers: dict[tuple[Any, ...], int] = {}
    keys: dict[tuple[Any, ...], dict[str, int]] = {}
    block: tuple[Any, ...] = ("top",)
    sentence = -1
    claim = -1
    headers[block] = 1
    for number, line in enumerate(text.splitlines(), start=1):
        stripped = line.strip()
        if stripped.startswith("[[") and stripped.find("]]") > 0:
            name = stripped[2 : stripped.find("]]")].strip()
            if name == "sentences":
                sentence += 1
                claim = -1
                block = ("sentence", sentence)
            elif name == "sentences.claims":
                claim += 1
                block = ("claim", sentence, claim)
            else:
                block = ("table", name)
            headers.setdefault(block, number)
        elif stripped.startswith("["):
            name = stripped[1 : stripped.find("]")].strip() if "]" in stripped else stripped[1:]
            parts = [p.strip().strip('"').strip("'") for p in name.split(".", 1)]
            if parts[0] == "sources" and len(parts) == 2:
                block = ("source", parts[1])
            elif parts[0] == "figures" and len(parts) == 2:
                block = ("figure", parts[1])
            elif parts[0] == "tables" and len(parts) == 2:  # [tables.NAME] and [tables.NAME.columns]
                table = [p.strip().strip('"').strip("'") for p in parts[1].split(".")]
                block = ("columns", table[0]) if table[1:2] == ["columns"] else ("tablespec", table[0])
            else:
                block = (parts[0],)
            headers.setdefault(block, number)
        else:
            match = _KEY_LINE.match(line)
            if match:
                key = match.group(1).strip("\"'")
                keys.setdefault(block, {}).setdefault(key, number)
                if block == ("figures",):
                    headers.setdefault(("figure", key), number)
                if block == ("sources",):
                    headers.setdefault(("source", key), number)
                if block == ("tables",):
                    headers.setdefault(("tablespec", key), number)
    return headers, keys


def _assert_same_index(text: str) -> None:
    lines = _Lines(text)
    headers, keys = _line_by_line(text)
    assert lines.headers == headers
    for block in {*headers, *keys, ("no", "such", "table")}:
        assert lines.keys(block) == keys.get(block, {})
        assert lines.of(block) == headers.get(block)
        assert lines.of(block, "no such key") == headers.get(block)
        for key, line in keys.get(block, {}).items():
            assert lines.of(block, key) == line


def _claims_files() -> list[Path]:
    found = [
        *sorted((REPO / "tests" / "data").glob("*.toml")),
        *sorted(BAD.glob("*.toml")),
        *sorted(CLAIMS_DIR.glob("*.toml")),
        *sorted(EVAL_DIR.glob("*.toml")),
    ]
    assert len(found) > 40
    return found


@pytest.mark.parametrize("path", _claims_files(), ids=lambda p: f"{p.parent.name}/{p.name}")
def test_every_claims_file_is_indexed_as_line_by_line(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    _assert_same_index(text)
    # the same file with other line endings: Windows, old Mac, and Unicode line separators
    for ending in ("\r\n", "\r", "\u2028", "\x0c"):
        _assert_same_index(text.replace("\n", ending))


def test_the_index_finds_tables_keys_and_lines() -> None:
    text = (
        'format = 1\n\n  [article]\ntitle = "x"\n[sources.official]\nkind = "official"\n'
        '[[sentences]]\ntext = "a"\n [[sentences.claims]]\n"id" = "c1"\n'
    )
    lines = _Lines(text)
    assert lines.of(("top",), "format") == 1
    assert lines.of(("article",)) == 3
    assert lines.of(("article",), "title") == 4
    assert lines.of(("source", "official"), "kind") == 6
    assert lines.of(("sentence", 0), "text") == 8
    assert lines.of(("claim", 0, 0), "id") == 10
    assert lines.of(("claim", 0, 0), "missing") == 9


def test_a_figure_is_placed_at_its_first_definition() -> None:
    lines = _Lines("format = 1\n[figures.t0]\nvalue = 1\n[figures]\nt0 = 2\nt1 = 3\n[figures.t1]\n")
    assert lines.of(("figure", "t0")) == 2
    assert lines.of(("figure", "t1")) == 6
    assert lines.of(("figures",), "t0") == 5


_PIECES = st.sampled_from(
    [
        "[article]",
        "[[sentences]]",
        "[[sentences.claims]]",
        "[[other]]",
        "[figures]",
        "[sources]",
        "[figures.t0]",
        "[sources.'official']",
        '[ "figures" . "x y" ]',
        "[[",
        "[",
        "[]",
        "[[]]",
        "[x",
        "key = 1",
        "  value=2",
        '"quoted key" = 3',
        "'single' = 4",
        "a-b_c = 5",
        "= 6",
        "not a key",
        "x.y = 7",
        "t0 = { value = 1 }",
        "official = 2",
        "[sources.official]",
        '"open = 8',
        "",
        " ",
        "\t",
        "#comment",
        'text = """',
        '"""',
        "\u00a0kind = 9",
        "\x1f[article]",
        "\u3000id = 'c'",
    ]
)
_BREAKS = st.sampled_from(["\n", "\r\n", "\r", "\x0b", "\x0c", "\x1c", "\x1d", "\x1e", "\x85", "\u2028", "\u2029"])


@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(_PIECES, _BREAKS), max_size=30), st.text(max_size=20))
def test_any_text_is_indexed_as_line_by_line(pieces: list[tuple[str, str]], tail: str) -> None:
    _assert_same_index("".join(piece + end for piece, end in pieces) + tail)


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("[]\"'= .\t\n\r\x0bak1_-\u2028\u00a0#")), max_size=80))
def test_any_text_of_awkward_characters_is_indexed_as_line_by_line(text: str) -> None:
    _assert_same_index(text)
