"""Every count the command prints reads as English does: "1 file", "2 files", "0 errors", "1 sentence".

The rule is one function (`factcheck.report.summary.counted`, and `verdict_count` for the verdicts,
of which only "error" is a noun); the tests below also run every output that prints a count (each
report format, `extract`'s summary, the pytest plugin's collection error) with one and with two of
everything it counts, and look for a count that disagrees with its noun.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path
from typing import Final

import pytest
from hypothesis import given
from hypothesis import strategies as st

from factcheck.model.verdicts import Tally, Totals, Verdict
from factcheck.report.summary import counted, github_summary_line, summary_lines, verdict_count, verdict_word

pytest_plugins = ["pytester"]

BIN = Path(sys.executable).parent

#: The nouns the outputs count, singular and plural, longest first ("claims file" before "claim").
_NOUNS: Final = [
    ("claims file", "claims files"),
    ("file-level problem", "file-level problems"),
    ("coverage gap", "coverage gaps"),
    ("draft claim", "draft claims"),
    ("unchecked claim", "unchecked claims"),
    ("sentence", "sentences"),
    ("problem", "problems"),
    ("article", "articles"),
    ("error", "errors"),
    ("claim", "claims"),
    ("draft", "drafts"),
    ("file", "files"),
    ("gap", "gaps"),
]
_ALTERNATIVES: Final = "|".join(f"{re.escape(s)}|{re.escape(p)}" for s, p in sorted(_NOUNS, key=lambda n: -len(n[1])))
#: A count (not part of a larger number, a version or a line number) and the noun after it.
_COUNT: Final = re.compile(rf"(?<![\d.,:\w-])(\d+) (?:of (?P<of>\d+) )?(?P<noun>{_ALTERNATIVES})(?![\w-])")


def wrong_counts(text: str) -> list[str]:
    """Every "1 files", "2 file" or "1 of 3 file" in the text (after "of", the noun agrees with the total)."""
    singular = {s for s, _ in _NOUNS}
    wrong = []
    for match in _COUNT.finditer(text):
        count, noun = int(match["of"] or match.group(1)), match["noun"]
        if (count == 1) != (noun in singular):
            wrong.append(match.group(0))
    return wrong


def test_the_checker_of_this_test_finds_what_it_should() -> None:
    assert wrong_counts("1 sentences, 2 file, 0 error, 1 claims file, 3 coverage gap") == [
        "1 sentences",
        "2 file",
        "0 error",
        "3 coverage gap",
    ]
    assert wrong_counts("1 claims file, 2 claims files, 1 of 3 errors, 1 of 2 files, line 1: 5 claims") == []
    assert wrong_counts("1 of 3 error") == ["1 of 3 error"]
    assert wrong_counts("1 sentences")


@given(st.integers(min_value=0, max_value=10**6), st.sampled_from(_NOUNS))
def test_counted_agrees_with_its_count(count: int, noun: tuple[str, str]) -> None:
    singular, plural = noun
    shown = counted(count, singular)
    assert shown == f"{count} {singular if count == 1 else plural}"
    assert not wrong_counts(shown)


def test_verdicts_that_are_nouns_take_a_plural() -> None:
    assert [verdict_count(n, "error") for n in (0, 1, 2)] == ["0 errors", "1 error", "2 errors"]
    assert [verdict_count(n, "supported") for n in (0, 1, 2)] == ["0 supported", "1 supported", "2 supported"]
    assert verdict_word(2, "draft") == "drafts"
    assert counted(2, "claim", "claims rest") == "2 claims rest"


@pytest.mark.parametrize("each", [0, 1, 2, 11])
def test_the_summary_lines_agree_with_their_counts(each: int) -> None:
    totals = Totals()
    totals.files = totals.gaps = totals.unread = totals.problems = totals.drafts = totals.unchecked = each
    totals.article_only = each
    totals.counts = [each] * len(Verdict)
    lines = "\n".join([*summary_lines(totals), github_summary_line(totals)])
    assert not wrong_counts(lines), lines
    assert f"{each} error{'' if each == 1 else 's'}" in lines


# -- every output, with one and with two of everything ------------------------------------------

_ONE_OF_EACH: Final = """\
format = 1

[article]
title = "Counting"
published = 2024-01-01
text = "{name}.txt"

[figures]
pupils = {{ value = 1100, unit = "pupil" }}
staff = {{ value = 0, unit = "person" }}

[[sentences]]
text = "Counting"
check = "context"

[[sentences]]
text = "There are 1,100 pupils, 1,200 places, 12 pupils per teacher and 5 rooms."

  [[sentences.claims]]
  id = "count"
  kind = "value"
  stated = "1,100"
  figure = "pupils"

  [[sentences.claims]]
  id = "places"
  kind = "value"
  stated = "1,200"
  figure = "pupils"

  [[sentences.claims]]
  id = "ratio"
  kind = "rate"
  stated = "12 pupils per teacher"
  numerator = "pupils"
  denominator = "staff"
  per = 1

  [[sentences.claims]]
  id = "rooms"
  kind = "value"
  stated = "5"
  figure = "?"

[[sentences]]
text = "It has 3 halls."
"""
_ARTICLE: Final = (
    "Counting\n\nThere are 1,100 pupils, 1,200 places, 12 pupils per teacher and 5 rooms.\n\nIt has 3 halls.\n"
)


def _write(folder: Path, name: str) -> Path:
    """A claims file with one claim of each verdict, one draft, one coverage gap and one sentence left unchecked."""
    folder.mkdir(parents=True, exist_ok=True)
    (folder / f"{name}.txt").write_text(_ARTICLE, encoding="utf-8")
    path = folder / f"{name}.claims.toml"
    path.write_text(_ONE_OF_EACH.format(name=name), encoding="utf-8")
    return path


def _factcheck(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(BIN / "factcheck"), *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        check=False,
        env={**os.environ, "NO_COLOR": "1"},
    )


@pytest.mark.parametrize("files", [1, 2])
def test_every_report_format_counts_right(tmp_path: Path, files: int) -> None:
    for number in range(files):
        _write(tmp_path / "claims", f"story-{number}")
    (tmp_path / "claims" / "unreadable.claims.toml").write_text("format = \n", encoding="utf-8")
    for fmt in ("text", "json", "github", "markdown", "junit", "sarif", "html"):
        done = _factcheck("check", "--no-cache", "--format", fmt, "claims", cwd=tmp_path)
        assert done.returncode == 2, done.stderr
        shown = done.stdout + done.stderr
        assert not wrong_counts(shown), (fmt, wrong_counts(shown))
    text = _factcheck("check", "--no-cache", "claims", cwd=tmp_path).stdout
    assert f"{files + 1} files: {files} supported" in text
    assert f"{files} contradicted, {files + files} unchecked, {files} error{'s' if files > 1 else ''}" in text
    assert f"{counted(files, 'coverage gap')}; 1 file could not be read; {counted(files, 'draft claim')}" in text


def test_extract_counts_right(tmp_path: Path) -> None:
    (tmp_path / "one.txt").write_text("Pupils\n\nThere are 1,100 pupils.\n", encoding="utf-8")
    done = _factcheck("extract", "one.txt", cwd=tmp_path)
    assert done.returncode == 0
    assert "2 sentences, 1 draft claim, 1 sentence with a guessed check" in done.stderr
    assert not wrong_counts(done.stderr)


def test_the_pytest_plugins_collection_error_counts_right(pytester: pytest.Pytester) -> None:
    body = _ONE_OF_EACH.format(name="x").replace(
        '[[sentences]]\ntext = "Counting"', 'unknown = 1\n\n[[sentences]]\ntext = "Counting"', 1
    )
    pytester.makefile(".claims.toml", x=body)
    (pytester.path / "x.txt").write_text(_ARTICLE, encoding="utf-8")
    result = pytester.runpytest("-p", "no:randomly", "-p", "no:hypothesispytest")
    output = result.stdout.str()
    assert "this claims file has 1 problem\n" in output
    assert not wrong_counts(output)


def _tally(*, version: bool) -> Tally:
    return Tally((1,) + (0,) * (len(Verdict) - 1), 0, True, 0, 0, 0, 0, 0, 0, version=version)


@pytest.mark.parametrize(
    ("files", "versions", "start"),
    [
        (2, 0, "2 files: "),
        (0, 5, "5 template versions: "),
        (1, 1, "1 file and 1 template version: "),
        (2, 40, "2 files and 40 template versions: "),
        (0, 0, "0 files: "),
    ],
)
def test_a_templates_versions_are_counted_as_versions(files: int, versions: int, start: str) -> None:
    totals = Totals.of([_tally(version=False)] * files + [_tally(version=True)] * versions)
    assert summary_lines(totals)[0].startswith(start)
    assert github_summary_line(totals).startswith("factcheck: " + start)
    assert totals.files == files + versions  # every version is a file of the run for the exit status and JSON
