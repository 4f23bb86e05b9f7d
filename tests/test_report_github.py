"""GitHub Actions workflow commands: one annotation per finding, escaped as GitHub specifies."""

from __future__ import annotations

import re

from hypothesis import given
from hypothesis import strategies as st

from factcheck.report.formats import FORMATS, render
from factcheck.report.github import escape_data, escape_property
from factcheck.report.text import one_line
from tests.report_data import HOSTILE, MIXED, claim_line, gap_line, hostile, mixed, unreadable

# A workflow command as the runner reads it: ::name key=value,key=value::message
_COMMAND = re.compile(r"^::(?P<name>[a-z]+)(?: (?P<props>[^:]*))?::(?P<message>.*)$")


def unescape(text: str) -> str:
    return text.replace("%0D", "\r").replace("%0A", "\n").replace("%3A", ":").replace("%2C", ",").replace("%25", "%")


def commands(text: str) -> list[tuple[str, dict[str, str], str]]:
    found = []
    for line in text.splitlines():
        if not line.startswith("::"):
            continue
        match = _COMMAND.match(line)
        assert match, line
        props = dict(prop.split("=", 1) for prop in match.group("props").split(","))
        found.append(
            (match.group("name"), {k: unescape(v) for k, v in props.items()}, unescape(match.group("message")))
        )
    return found


def test_an_error_or_warning_per_finding_at_its_line() -> None:
    found = commands(render([mixed()], "github"))
    assert [(name, props["file"], props["line"], props["title"]) for name, props, _ in found] == [
        ("error", str(MIXED), str(claim_line("pupils-more")), "contradicted: claim pupils-more"),
        ("warning", str(MIXED), str(claim_line("places-loose")), "loose: claim places-loose"),
        ("error", str(MIXED), str(claim_line("staff-count")), "error: claim staff-count"),
        # an unchecked claim warns: `--strict` fails it (it was a silent pass before)
        ("warning", str(MIXED), str(claim_line("staff-unsourced")), "unchecked: claim staff-unsourced"),
        ("warning", str(MIXED), str(gap_line()), "coverage gap"),
    ]
    assert found[0][2] == "1,100 − 1,000 = 100, but '150 more' means [145, 155]"


def test_the_last_line_is_a_plain_summary() -> None:
    last = render([mixed()], "github").splitlines()[-1]
    assert last == (
        "factcheck: 1 file: 2 supported, 1 loose, 1 contradicted, 2 unchecked, 1 error, "
        "1 coverage gap; 1 unchecked claim (--strict fails it)"
    )


def test_an_unreadable_file_is_an_error() -> None:
    ((name, props, message),) = commands(render([unreadable("x.claims.toml")], "github"))
    assert (name, props["file"], props["line"]) == ("error", "x.claims.toml", "2")
    assert message.startswith("not valid TOML")


def test_hostile_text_stays_in_its_command() -> None:
    result = hostile()
    text = render([result], "github")
    lines = text.splitlines()
    assert len(lines) == 5  # contradicted, loose, error, gap, summary: no line break got through
    found = commands(text)
    assert [name for name, _, _ in found] == ["error", "warning", "error", "warning"]
    for _, props, message in found:
        assert set(props) == {"file", "line", "title"}  # the ',' and ':' in the text made no new property
        assert props["file"] == result.path
        assert message.endswith(one_line(HOSTILE))
        assert "\x1b" not in message and "\\x1b" in message  # no terminal escape sequence reaches the log
    assert found[0][1]["title"] == f"contradicted: claim {one_line(result.outcomes[0].id)}"
    assert found[0][2] == f"why: {one_line(HOSTILE)}"


def test_github_escaping_rules() -> None:
    assert escape_data("50%\r\nnext") == "50%25%0D%0Anext"
    assert escape_property("a,b:c%") == "a%2Cb%3Ac%25"
    assert escape_data("a,b:c") == "a,b:c"  # in the message, ',' and ':' are fine


@given(st.text())
def test_escaping_round_trips_and_leaves_no_separator(text: str) -> None:
    data, prop = escape_data(text), escape_property(text)
    assert "\r" not in data and "\n" not in data
    assert not set(prop) & {"\r", "\n", ",", ":"}
    assert unescape(data) == text and unescape(prop) == text


def test_the_whole_report_is_the_parts_then_the_closing() -> None:
    """One implementation: a report rendered at once is each file's part, then the closing line."""
    results = [mixed(), unreadable("x.claims.toml")]
    github = FORMATS["github"]
    whole = render(results, "github")
    assert whole == "".join(github.part(r) for r in results) + whole.splitlines(keepends=True)[-1]
    assert whole.splitlines()[-1].startswith("factcheck: 2 files: ")
