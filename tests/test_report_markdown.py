"""The Markdown summary: counts, then only what needs a look, with user text escaped."""

from __future__ import annotations

import re
import unicodedata

from hypothesis import given
from hypothesis import strategies as st

from factcheck.check.pipeline import check_file
from factcheck.report.formats import render
from factcheck.report.markdown import escape_markdown
from factcheck.report.markdown import render as render_markdown
from tests.report_data import MIXED, claim_line, gap_line, hostile, mixed, unreadable

_CELL_SPLIT = re.compile(r"(?<!\\)\|")


def cells(row: str) -> list[str]:
    """The cells of a table row, split at the `|` that are not escaped."""
    assert row.startswith("| ") and row.endswith(" |"), row
    return [cell.strip() for cell in _CELL_SPLIT.split(row)[1:-1]]


def unescape(text: str) -> str:
    return re.sub(r"\\(.)", r"\1", text)


def test_counts_table_then_the_findings_in_order_of_gravity() -> None:
    lines = render_markdown([mixed()]).splitlines()
    assert lines[0] == "### factcheck: ❌ claims need fixing"
    header, rule, counts = lines[2:5]
    assert cells(header) == ["files", "supported", "loose", "contradicted", "unchecked", "error", "coverage gaps"]
    assert cells(counts) == ["1", "2", "1", "1", "2", "1", "1"]  # unchecked: a claim and a quote
    assert set(rule) <= set("|-:")
    start = lines.index("| | where | claim | stated | why |") + 2
    rows = [cells(line) for line in lines[start:]]
    # an unchecked claim is listed (after loose ones): `--strict` fails it
    assert [row[0] for row in rows] == ["❌ contradicted", "⛔ error", "⚠️ loose", "⚪ unchecked", "❔ gap"]
    assert [unescape(row[1]) for row in rows] == [
        f"{MIXED}:{claim_line('pupils-more')}",
        f"{MIXED}:{claim_line('staff-count')}",
        f"{MIXED}:{claim_line('places-loose')}",
        f"{MIXED}:{claim_line('staff-unsourced')}",
        f"{MIXED}:{gap_line()}",
    ]
    assert [unescape(row[2]) for row in rows] == ["pupils-more", "staff-count", "places-loose", "staff-unsourced", ""]
    assert "1 unchecked claim (--strict fails it)." in lines
    assert unescape(rows[0][3]) == "150 more"
    assert unescape(rows[0][4]) == "1,100 − 1,000 = 100, but '150 more' means [145, 155]"


def test_supported_claims_and_check_sentences_are_not_listed() -> None:
    text = unescape(render_markdown([mixed()]))
    for claim_id in ("pupils-now", "pupils-up"):
        assert claim_id not in text
    assert "quote" not in text and "crisis" not in text


def test_all_well_says_so_and_lists_nothing(tmp_path: object) -> None:
    from tests.report_data import DATA

    del tmp_path
    result = check_file(DATA.parent.parent / "claims" / "west-mercia-mappa-2020.claims.toml")
    text = render_markdown([result])
    assert text.splitlines()[0] == "### factcheck: ✅ all claims hold"
    assert text.rstrip().endswith("Nothing needs a look.")
    assert "| where |" not in text


def test_an_unreadable_file_is_counted_and_listed() -> None:
    text = render_markdown([unreadable("x.claims.toml")])
    assert "1 of 1 file could not be read." in text
    assert any(
        cells(line)[0] == "⛔ error" and "not valid TOML" in unescape(cells(line)[4])
        for line in text.splitlines()
        if line.startswith("| ⛔")
    )


def test_hostile_text_cannot_break_the_table_or_mention_anyone() -> None:
    result = hostile()
    lines = render_markdown([result]).splitlines()
    rows = [line for line in lines if line.startswith(("| ❌", "| ⛔", "| ⚠️", "| ❔"))]
    assert len(rows) == 4  # the line breaks in the text did not make new rows
    for row in rows:
        assert len(cells(row)) == 5
        assert not re.search(r"(?<!\\)[@<>|`*$]", row.replace(" | ", "  ").strip("| "))  # all escaped
        assert "\\@team" in row and "\\<b\\>" in row
        assert "\x1b" not in row and "\x00" not in row


@given(st.text(max_size=60))
def test_escaped_text_is_one_cell_and_reads_back(text: str) -> None:
    escaped = escape_markdown(text)
    assert "\n" not in escaped and "\r" not in escaped
    assert len(cells(f"| {escaped} | x |")) == 2
    # blanks and control characters fold to one space; other invisible characters (a bidi control, an
    # unassigned code point) are shown as escapes rather than dropped
    shown = " ".join("".join(" " if ch.isspace() or unicodedata.category(ch) == "Cc" else ch for ch in text).split())
    assert unescape(escaped) == "".join(ch if ch.isprintable() else repr(ch)[1:-1] for ch in shown)


def test_render_through_the_formats_table() -> None:
    assert render([mixed()], "markdown") == render_markdown([mixed()])
