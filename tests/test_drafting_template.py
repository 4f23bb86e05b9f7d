"""drafting/template.py and `factcheck extract A.txt B.txt …`: a template drafted from versions of one story."""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest

from factcheck.check.pipeline import check_path
from factcheck.cli.main import main
from factcheck.drafting.template import draft_template, template_toml
from factcheck.errors import TemplateDraftError
from factcheck.load.dispatch import load_claims
from factcheck.load.template import TemplateFile

EXAMPLE = Path(__file__).parents[1] / "claims" / "mappa-every-area"


def _versions() -> list[tuple[str, str]]:
    return [
        (f"mappa-every-area/{path.name}", path.read_text(encoding="utf-8")) for path in sorted(EXAMPLE.glob("*.txt"))
    ]


def test_the_worked_examples_versions_draft_a_template_that_reads_every_version_back(tmp_path: Path) -> None:
    drafted = draft_template(_versions())
    assert [row for row, _ in drafted.versions] == ["Eastfold", "Harrowdean", "North Rhyn", "Southvale", "Westmarch"]
    texts = [sentence.text for sentence in drafted.draft.sentences]
    assert texts[0] == (
        "Ministry of Justice figures show {s1_n} registered sex offenders were being managed under MAPPA in the "
        "{area} Police area as of March this year."
    )
    assert texts[1].startswith("Police forces, probation services")  # the same in every version: no slot
    first = drafted.draft.sentences[0].claims[0]
    assert (first.kind, first.stated, dict(first.fields)["figure"]) == ("value", "{s1_n}", "?s1_value")
    assert "s1_value" in drafted.figures
    fixed = drafted.draft.sentences[4].claims[0]  # England and Wales: the same in every version
    assert (fixed.stated, dict(fixed.fields)["figure"]) == ("62,435", "?")
    # written out, it is a template whose every version matches (the figures wait for tables)
    shutil_copy(tmp_path)
    path = tmp_path / "story.claims.toml"
    path.write_text(template_toml(drafted), encoding="utf-8")
    text = path.read_text(encoding="utf-8")
    assert "# [figures.s1_value]" in text and '# row = "{row}"' in text  # to fill in and uncomment
    tomllib.loads(text)
    loaded = load_claims(path)
    assert isinstance(loaded, TemplateFile) and not loaded.problems
    for version in loaded.versions:  # every version matches; its claims are drafts, its file has no problem
        assert not version.claims_file.problems, version.claims_file.problems
    results = check_path(path)
    assert [result.exit_status() for result in results] == [1] * 5  # drafts to fill in, not errors


def shutil_copy(folder: Path) -> None:
    (folder / "mappa-every-area").mkdir()
    for path in EXAMPLE.glob("*.txt"):
        (folder / "mappa-every-area" / path.name).write_bytes(path.read_bytes())


def test_without_an_area_the_rows_are_placeholders() -> None:
    drafted = draft_template([("a.txt", "There were 12 cases.\n"), ("b.txt", "There were 15 cases.\n")])
    assert [row for row, _ in drafted.versions] == ["?", "?"]
    assert drafted.draft.sentences[0].text == "There were {s1_n} cases."
    assert 'Set each `row` ("?")' in template_toml(drafted)


def test_a_slot_that_one_version_leaves_empty_takes_in_its_neighbours() -> None:
    drafted = draft_template([("a.txt", "Cases rose by 12 in Eastfold.\n"), ("b.txt", "Cases rose in Westmarch.\n")])
    (sentence,) = drafted.draft.sentences
    assert sentence.text == "Cases rose {s1_n}."
    assert sentence.claims[0].stated == "rose {s1_n}"  # the claim's words, widened to the whole slot


def test_differing_words_side_by_side_are_one_slot() -> None:
    drafted = draft_template([("a.txt", "It had 12 new cases.\n"), ("b.txt", "It had 15 old cases.\n")])
    assert drafted.draft.sentences[0].text == "It had {s1_n} cases."


def test_braces_in_the_story_are_literal() -> None:
    drafted = draft_template([("a.txt", "A {b} of 12.\n"), ("b.txt", "A {b} of 15.\n")])
    assert drafted.draft.sentences[0].text == "A {{b}} of {s1_n}."


def test_versions_with_other_sentences_are_refused() -> None:
    with pytest.raises(TemplateDraftError, match=r"do not have the same sentences: a\.txt has 1, b\.txt has 2"):
        draft_template([("a.txt", "One.\n"), ("b.txt", "One. Two more.\n")])


def test_the_commands_summary_counts_in_english(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    for name, dogs in (("a.txt", 5), ("b.txt", 7)):
        (tmp_path / name).write_text(f"Dogs were counted: {dogs} dogs.\n", encoding="utf-8")
    output = tmp_path / "dogs.claims.toml"
    assert main(["extract", str(tmp_path / "a.txt"), str(tmp_path / "b.txt"), "-o", str(output)]) == 0
    assert f"wrote {output}: a template of 2 versions, 1 sentence, 1 slot, 1 draft claim\n" in capsys.readouterr().err


def test_the_command_writes_the_template(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    shutil_copy(tmp_path)
    versions = sorted(str(path) for path in (tmp_path / "mappa-every-area").glob("*.txt"))
    output = tmp_path / "story.claims.toml"
    assert main(["extract", *versions, "-o", str(output)]) == 0
    assert "a template of 5 versions, 8 sentences" in capsys.readouterr().err
    assert output.read_text(encoding="utf-8") == template_toml(draft_template(_versions()))
    assert main(["extract", *versions, "-o", str(output)]) == 2  # kept unless --force
    assert main(["extract", *versions]) == 2
    assert "say where to write it with --output" in capsys.readouterr().err
    inside = tmp_path / "mappa-every-area" / "deeper" / "x.claims.toml"
    assert main(["extract", *versions, "-o", str(inside)]) == 2
    assert "in its versions' folder or above it" in capsys.readouterr().err


def test_one_article_drafts_as_before(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    from factcheck.drafting.extract import draft_article
    from factcheck.drafting.toml_writer import draft_toml

    article = tmp_path / "a.txt"
    article.write_text(" date 2024-01-02 There were 12 cases in Eastfold.\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    assert main(["extract", str(article), "-o", "-"]) == 0
    text = article.read_text(encoding="utf-8")
    assert capsys.readouterr().out == draft_toml(draft_article(text, text_path="a.txt", source="a.txt"))
