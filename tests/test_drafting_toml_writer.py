from __future__ import annotations

import datetime as dt
import tomllib
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from factcheck.check.pipeline import verify_file
from factcheck.drafting.extract import Draft, DraftClaim, DraftSentence
from factcheck.drafting.toml_writer import draft_toml, toml_string
from factcheck.errors import DraftExistsError
from factcheck.load.claimsfile import loads_claims_file
from factcheck.model.verdicts import Verdict
from factcheck.runner.output import write_draft


@given(st.text())
def test_toml_strings_round_trip(text: str) -> None:
    assert tomllib.loads(f"x = {toml_string(text)}")["x"] == text


@given(st.text(min_size=1), st.text(min_size=1))
def test_draft_round_trips_through_the_loader(title: str, sentence: str) -> None:
    said = f"{sentence} 4,452"  # the claim's `stated` is the sentence's own words
    claim = DraftClaim("s1-value", "value", "4,452", (len(sentence) + 1, len(said)), (("figure", "?"),))
    draft = Draft(title, dt.date(2024, 1, 2), (DraftSentence(said, (claim,)), DraftSentence(sentence, (), "quote")))
    loaded = loads_claims_file(draft_toml(draft), "<draft>")
    assert loaded.problems == ()
    assert loaded.article is not None and loaded.article.title == title
    assert loaded.article.published == dt.date(2024, 1, 2)
    assert [s.text for s in loaded.sentences] == [said, sentence]
    assert loaded.sentences[1].check is not None and loaded.sentences[1].check.value == "quote"


def test_placeholders_are_unchecked_drafts_and_references_to_drafts_too() -> None:
    text = """format = 1
[article]
title = "t"
published = 2024-01-01
[figures]
a = { value = 5, unit = "case" }
[[sentences]]
text = "It was up 5 per cent, above the 5 of a year before."
  [[sentences.claims]]
  id = "draft"
  kind = "change"
  stated = "up 5 per cent"
  from = "?"
  to = "?a"
  [[sentences.claims]]
  id = "uses-draft"
  kind = "comparison"
  stated = "above"
  left = "draft"
  right = "a"
  [[sentences.claims]]
  id = "fine"
  kind = "value"
  stated = "5"
  figure = "a"
"""
    result = verify_file(loads_claims_file(text, "<t>"))
    by_id = {o.id: o for o in result.outcomes}
    assert by_id["draft"].verdict is Verdict.UNCHECKED and by_id["draft"].draft
    assert by_id["draft"].explanation == "draft: fill in from, to (perhaps 'a')"
    assert by_id["uses-draft"].verdict is Verdict.UNCHECKED and by_id["uses-draft"].draft
    assert by_id["fine"].verdict is Verdict.SUPPORTED and not by_id["fine"].draft
    assert result.exit_status() == 1  # a draft never passes as checked
    assert result.exit_status(strict=True) == 1


def test_write_never_overwrites_unless_forced(tmp_path: Path) -> None:
    target = tmp_path / "a.claims.toml"
    write_draft("one\n", target)
    with pytest.raises(DraftExistsError, match="already exists; use --force"):
        write_draft("two\n", target)
    assert target.read_text(encoding="utf-8") == "one\n"
    write_draft("two\n", target, force=True)
    assert target.read_text(encoding="utf-8") == "two\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.claims.toml"]  # no temporary file left
