"""load/template.py: a template claims file's slots, its versions, and each version's claims file."""

from __future__ import annotations

from pathlib import Path

import pytest

from factcheck.load.claimsfile import loads_claims_file
from factcheck.load.dispatch import load_claims
from factcheck.load.slots import slug
from factcheck.load.template import TemplateFile
from factcheck.model.claims import ClaimsFile

#: Fictional areas and figures, for these tests only.
AREAS = {"Westmarch": "1,405", "Eastfold": "980", "North Rhyn": "2,310"}

TEMPLATE = """\
format = 1

[article]
title = "Sex offenders being monitored in {{area}}"
published = 2020-11-10

[template]
versions = [
{versions}
]

[figures.offenders]
values = {{ {values} }}
unit = "offender"

[[sentences]]
text = "Figures show {{rso}} registered sex offenders were being managed in {{area}} in March."

  [[sentences.claims]]
  id = "rso"
  kind = "value"
  stated = "{{rso}}"
  figure = "offenders"

[[sentences]]
text = "The figures for {{area}} are published every year."
check = "context"
"""


def _text(area: str, stated: str) -> str:
    return (
        f"Figures show {stated} registered sex offenders were being managed in {area} in March.\n\n"
        f"The figures for {area} are published every year.\n"
    )


def write_template(
    folder: Path,
    areas: dict[str, str] | None = None,
    texts: dict[str, str] | None = None,
    template: str = TEMPLATE,
) -> Path:
    """A template over `areas` (row -> the stated figure, which is also the true one) in `folder`;
    `texts` replaces a version's text."""
    areas = AREAS if areas is None else areas
    (folder / "versions").mkdir(parents=True, exist_ok=True)
    versions = ",\n".join(f'  {{ row = "{row}", text = "versions/{slug(row)}.txt" }}' for row in areas)
    values = ", ".join(f'"{row}" = {stated.replace(",", "")}' for row, stated in areas.items())
    for row, stated in areas.items():
        text = (texts or {}).get(row, _text(row, stated))
        (folder / "versions" / f"{slug(row)}.txt").write_text(text, encoding="utf-8")
    path = folder / "story.claims.toml"
    path.write_text(template.format(versions=versions, values=values), encoding="utf-8")
    return path


def _load(path: Path) -> TemplateFile:
    loaded = load_claims(path)
    assert isinstance(loaded, TemplateFile)
    return loaded


# -- versions ------------------------------------------------------------------------------------


def test_each_version_is_a_claims_file_of_its_own(tmp_path: Path) -> None:
    loaded = _load(write_template(tmp_path))
    assert not loaded.problems
    assert [version.row for version in loaded.versions] == list(AREAS)
    eastfold = loaded.versions[1].claims_file
    assert isinstance(eastfold, ClaimsFile) and not eastfold.problems
    assert eastfold.article is not None and eastfold.article.title == "Sex offenders being monitored in Eastfold"
    assert eastfold.sentences[0].text.startswith("Figures show 980 registered")
    assert eastfold.sentences[0].claims[0].stated == "980"
    assert eastfold.figures["offenders"].value == 980
    assert eastfold.article.text == "versions/eastfold.txt"


def test_a_version_that_differs_names_its_sentence_and_its_own_words(tmp_path: Path) -> None:
    texts = {"Eastfold": _text("Eastfold", "980").replace("are published every year", "came out in June")}
    loaded = _load(write_template(tmp_path, texts=texts))
    westmarch, eastfold, rhyn = (version.claims_file for version in loaded.versions)
    assert not westmarch.problems and not rhyn.problems
    (problem,) = eastfold.problems
    assert "sentence 2 differs" in problem.message
    assert "came out in June" in problem.message
    assert problem.line == 28  # the second sentence's text, in the template


def test_a_version_without_a_value_for_its_row_is_an_error_of_that_version(tmp_path: Path) -> None:
    path = write_template(tmp_path)
    path.write_text(path.read_text(encoding="utf-8").replace('"Eastfold" = 980, ', ""), encoding="utf-8")
    loaded = _load(path)
    problems = [version.claims_file.problems for version in loaded.versions]
    assert problems[0] == problems[2] == ()
    assert "no value for the row 'Eastfold'" in problems[1][0].message
    assert problems[1][0].field == "values"


def test_a_missing_version_text_is_an_error_of_that_version(tmp_path: Path) -> None:
    path = write_template(tmp_path)
    (tmp_path / "versions" / "eastfold.txt").unlink()
    loaded = _load(path)
    (problem,) = loaded.versions[1].claims_file.problems
    assert "cannot read the version's text 'versions/eastfold.txt'" in problem.message
    assert problem.line == 10


@pytest.mark.parametrize(
    ("before", "after", "says", "line"),
    [
        ("in {{area}} in March", "in {{area}}{{month}} in March", "nothing but white space between", 19),
        ("in {{area}} in March", "in {{area}} {{month}} in March", "nothing but white space between", 19),
        ('stated = "{{rso}}"', 'stated = "{{count}}"', "its sentence does not have", 24),
        ("in {{area}} in March", "in {{area}} in {{March", "never closed", 19),
        ('title = "Sex offenders being monitored in {{area}}"', 'title = "In {{place}}"', "in no sentence", 4),
        ("in {{area}} in March", "in {{row}} in March", "only a figure's `row`", 19),
    ],
)
def test_a_wrong_slot_is_an_error_of_the_template_on_its_line(
    tmp_path: Path, before: str, after: str, says: str, line: int
) -> None:
    template = TEMPLATE.replace(before, after)
    assert template != TEMPLATE
    loaded = _load(write_template(tmp_path, template=template))
    assert loaded.versions == ()
    (problem,) = loaded.problems
    assert says in problem.message
    assert problem.line == line


@pytest.mark.parametrize(
    ("versions", "says"),
    [
        ('versions = [\n{versions}\n]\nrows = "x"', "not both"),
        ("versions = []", "lists no versions"),
        ('versions = [{{ row = "A" }}]', "needs a `text`"),
        ('versions = [{{ text = "a.txt" }}]', "needs a `row`"),
        ('versions = [{{ row = "A", text = "a.txt", colour = 1 }}]', "unknown key 'colour'"),
        ('versions = [{{ row = "A", text = "a.txt" }}, {{ row = "A", text = "b.txt" }}]', "two versions have the row"),
        ('rows = "mappa"\ntext = "versions/{{slug}}.txt"', "no [tables.mappa]"),
        ('text = "x"', "must list its versions"),
    ],
)
def test_a_wrong_list_of_versions_is_an_error_of_the_template(tmp_path: Path, versions: str, says: str) -> None:
    template = TEMPLATE.replace("versions = [\n{versions}\n]", versions)
    loaded = _load(write_template(tmp_path, template=template))
    assert loaded.versions == ()
    assert any(says in problem.message for problem in loaded.problems), loaded.problems


def test_versions_from_the_rows_of_a_table(tmp_path: Path) -> None:
    (tmp_path / "areas.csv").write_text(
        "Area,Offenders\nWestmarch,1405\nEastfold,980\nNorth Rhyn,2310\nAll areas,4695\n", encoding="utf-8"
    )
    template = TEMPLATE.replace(
        "[template]\nversions = [\n{versions}\n]",
        '[tables.areas]\npath = "areas.csv"\nkey = "Area"\n\n'
        '[template]\nrows = "areas"\ntext = "versions/{{slug}}.txt"\nexclude = ["All areas"]',
    )
    loaded = _load(write_template(tmp_path, template=template))
    assert [version.row for version in loaded.versions] == list(AREAS)
    assert [read.relative for read in loaded.reads] == ["areas.csv"]
    assert all(not version.claims_file.problems for version in loaded.versions)  # the loader reads [tables] too


def test_an_ordinary_loader_refuses_a_template(tmp_path: Path) -> None:
    path = write_template(tmp_path)
    loaded = loads_claims_file(path.read_bytes(), str(path), base_dir=tmp_path)
    assert any(problem.field == "template" for problem in loaded.problems)


def test_an_ordinary_file_loads_as_before(tmp_path: Path) -> None:
    example = Path(__file__).parents[1] / "claims" / "west-mercia-mappa-2020.claims.toml"
    loaded = load_claims(example)
    assert isinstance(loaded, ClaimsFile) and not loaded.problems
