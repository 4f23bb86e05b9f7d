"""The claims-file JSON Schema: every real file validates; each malformed one fails for its reason."""

from __future__ import annotations

import datetime as dt
import json
import tomllib
from pathlib import Path
from typing import Any

import jsonschema
import pytest

from factcheck.check.pipeline import verify_file
from factcheck.cli.main import main
from factcheck.errors import ClaimsFileError
from factcheck.load.claimsfile import (
    _ARTICLE_KEYS,
    _CLAIM_COMMON,
    _COLUMN_KEYS,
    _DEFAULT_KEYS,
    _FIGURE_KEYS,
    _SENTENCE_KEYS,
    _SOURCE_KEYS,
    _TABLE_KEYS,
    _TOP_KEYS,
    loads_claims_file,
)
from factcheck.model.claims import CLAIM_TYPES, Check, SourceKind
from factcheck.model.verdicts import Verdict
from factcheck.schema import load_schema
from tests.conftest import EVAL_TABLES_DIR, eval_files_if_present, labelled_files

REPO = Path(__file__).resolve().parent.parent

SCHEMA = load_schema()
VALIDATOR = jsonschema.Draft7Validator(SCHEMA, format_checker=jsonschema.Draft7Validator.FORMAT_CHECKER)


def as_json(value: Any) -> Any:
    """The TOML data as a TOML-aware editor hands it to a JSON Schema validator: dates as ISO strings."""
    if isinstance(value, dict):
        return {key: as_json(item) for key, item in value.items()}
    if isinstance(value, list):
        return [as_json(item) for item in value]
    if isinstance(value, (dt.date, dt.time)):  # dt.datetime is a dt.date
        return value.isoformat()
    return value


def errors(toml_text: str) -> list[jsonschema.ValidationError]:
    return sorted(VALIDATOR.iter_errors(as_json(tomllib.loads(toml_text))), key=lambda e: list(e.absolute_path))


def test_the_schema_is_a_valid_draft_7_schema() -> None:
    jsonschema.Draft7Validator.check_schema(SCHEMA)


def claims_files() -> list[Path]:
    """The example, the project's labelled articles, and the shared evaluation set when it is there."""
    found = sorted((REPO / "claims").glob("*.claims.toml"))
    assert found
    return found + labelled_files() + eval_files_if_present() + sorted(EVAL_TABLES_DIR.glob("*.claims.toml"))


def test_every_real_claims_file_validates() -> None:
    for path in claims_files():
        problems = [f"{list(e.absolute_path)}: {e.message}" for e in errors(path.read_text(encoding="utf-8"))]
        assert problems == [], path


# -- the schema says what the loader reads ------------------------------------------------------


def _props(name: str) -> set[str]:
    return set(SCHEMA["definitions"][name]["properties"])


def test_the_tables_allow_exactly_the_loaders_keys() -> None:
    # a template's own keys (`[template]`, a figure's `values`) are read by load/template.py, before the loader
    assert set(SCHEMA["properties"]) == _TOP_KEYS | {"template"}
    assert _props("article") == _ARTICLE_KEYS
    assert _props("source") == _SOURCE_KEYS
    assert _props("table") == _TABLE_KEYS
    assert _props("column") == _COLUMN_KEYS
    assert _props("figure") == _FIGURE_KEYS | {"values"}
    assert _props("defaults") == _DEFAULT_KEYS
    assert _props("sentence") == _SENTENCE_KEYS
    assert _props("claim") == _CLAIM_COMMON


def test_each_kind_allows_exactly_its_inputs() -> None:
    claim = SCHEMA["definitions"]["claim"]
    assert claim["properties"]["kind"]["enum"] == list(CLAIM_TYPES)
    by_kind = {rule["if"]["properties"]["kind"]["const"]: rule["then"] for rule in claim["allOf"]}
    assert set(by_kind) == set(CLAIM_TYPES)
    for kind, cls in CLAIM_TYPES.items():
        extra = {"per"} if kind == "rate" else {"exclude", "order"} if kind == "rank" else set()
        assert set(by_kind[kind]["properties"]) == _CLAIM_COMMON | set(cls.INPUTS) | extra, kind
        assert by_kind[kind]["additionalProperties"] is False


def test_the_enums_are_the_libraries() -> None:
    definitions = SCHEMA["definitions"]
    assert set(definitions["source"]["properties"]["kind"]["enum"]) == {
        k.value for k in SourceKind if k is not SourceKind.UNSOURCED
    }
    assert set(definitions["sentence"]["properties"]["check"]["enum"]) == {c.value for c in Check}


def test_factcheck_schema_prints_the_shipped_schema(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["schema"]) == 0
    assert json.loads(capsys.readouterr().out) == SCHEMA


# -- malformed files ----------------------------------------------------------------------------

GOOD = """\
format = 1

[article]
title = "Test"
published = 2024-03-01

[sources.dfe]
title = "School census"
kind = "official"
retrieved = 2024-02-01

[figures]
pupils_2023 = { value = 1000, unit = "pupil", source = "dfe" }
pupils_2024 = { value = 1100, unit = "pupil", source = "dfe", period = 2024-01-18 }

[defaults]
rounding = "nearest"
tolerance = "1%"

[[sentences]]
text = "Pupils rose by 10 per cent, to 1,100."

  [[sentences.claims]]
  id = "pupils-up"
  kind = "change"
  stated = "rose by 10 per cent"
  from = "pupils_2023"
  to = "pupils_2024"
  direction = "increase"

  [[sentences.claims]]
  id = "pupils-now"
  kind = "value"
  stated = "1,100"
  figure = "pupils_2024"
  tolerance = 5

[[sentences]]
text = "\\"It matters,\\" she said."
check = "quote"
"""


def test_the_good_example_is_valid_for_the_schema_and_the_loader() -> None:
    assert errors(GOOD) == []
    claims_file = loads_claims_file(GOOD)
    assert claims_file.problems == ()


# (what to change, the path of the error, the validator that fails, words in the message)
MALFORMED = {
    "unknown top-level key": (
        ("format = 1", "format = 1\nauthor = 'me'"),
        [],
        "additionalProperties",
        "'author' was unexpected",
    ),
    "unknown key in a figure": (
        ('source = "dfe" }', 'source = "dfe", valu = 3 }'),
        ["figures", "pupils_2023"],
        "additionalProperties",
        "'valu' was unexpected",
    ),
    "input of another kind": (
        ('figure = "pupils_2024"', 'figure = "pupils_2024"\n  numerator = "x"'),
        ["sentences", 0, "claims", 1],
        "additionalProperties",
        "'numerator' was unexpected",
    ),
    "unknown kind": (
        ('kind = "value"', 'kind = "count"'),
        ["sentences", 0, "claims", 1, "kind"],
        "enum",
        "'count' is not one of",
    ),
    "missing stated": (
        ('  stated = "1,100"\n', ""),
        ["sentences", 0, "claims", 1],
        "required",
        "'stated' is a required property",
    ),
    "missing article title": (('title = "Test"\n', ""), ["article"], "required", "'title' is a required property"),
    "missing unit": (
        (', unit = "pupil", source = "dfe" }\npupils_2024', ', source = "dfe" }\npupils_2024'),
        ["figures", "pupils_2023"],
        "required",
        "'unit' is a required property",
    ),
    "value of the wrong type": (
        ("value = 1000", 'value = "1,000"'),
        ["figures", "pupils_2023", "value"],
        "type",
        "'1,000' is not of type 'number'",
    ),
    "published not a date": (
        ("published = 2024-03-01", 'published = "1 March 2024"'),
        ["article", "published"],
        "format",
        "is not a 'date'",
    ),
    "published a date-time": (
        ("published = 2024-03-01", "published = 2024-03-01T09:00:00Z"),
        ["article", "published"],
        "format",
        "is not a 'date'",
    ),
    "bad figure name": (
        ("pupils_2023 = {", '"pupils 2023!" = {'),
        ["figures"],
        "pattern",
        "'pupils 2023!' does not match",
    ),
    "bad source kind": (
        ('kind = "official"', 'kind = "blog"'),
        ["sources", "dfe", "kind"],
        "enum",
        "'blog' is not one of ['official', 'secondary', 'article', 'estimate']",
    ),
    "bad check": (('check = "quote"', 'check = "rumour"'), ["sentences", 1, "check"], "enum", "'rumour' is not one of"),
    "bad direction": (
        ('direction = "increase"', 'direction = "up"'),
        ["sentences", 0, "claims", 0, "direction"],
        "enum",
        "'up' is not one of ['increase', 'decrease']",
    ),
    "bad tolerance": (
        ('tolerance = "1%"', 'tolerance = "about 1%"'),
        ["defaults", "tolerance"],
        "anyOf",
        "'about 1%' is not valid under any of the given schemas",
    ),
    "negative rounding step": (
        (
            'unit = "pupil", source = "dfe" }\npupils_2024',
            'unit = "pupil", source = "dfe", rounded = -10 }\npupils_2024',
        ),
        ["figures", "pupils_2023", "rounded"],
        "exclusiveMinimum",
        "less than or equal to the minimum of 0",
    ),
    "from without to": (
        ('  to = "pupils_2024"\n', ""),
        ["sentences", 0, "claims", 0],
        "dependencies",
        "'to' is a dependency of 'from'",
    ),
    "wrong format": (("format = 1", "format = 2"), ["format"], "const", "1 was expected"),
    "empty claim id": (
        ('id = "pupils-now"', 'id = " "'),
        ["sentences", 0, "claims", 1, "id"],
        "pattern",
        "does not match",
    ),
    "sentence without text": (
        ('text = "Pupils rose by 10 per cent, to 1,100."\n', ""),
        ["sentences", 0],
        "required",
        "'text' is a required property",
    ),
    "claims not an array": (
        ('check = "quote"', 'claims = "none"'),
        ["sentences", 1, "claims"],
        "type",
        "'none' is not of type 'array'",
    ),
    # the second edition
    "blank stated": (
        ('stated = "1,100"', 'stated = "  "'),
        ["sentences", 0, "claims", 1, "stated"],
        "pattern",
        "does not match",
    ),
    "stated longer than a quote of a number": (
        ('stated = "1,100"', 'stated = "' + "1" * 1001 + '"'),
        ["sentences", 0, "claims", 1, "stated"],
        "maxLength",
        "is too long",
    ),
    "unit longer than a unit expression": (
        ('unit = "pupil", source = "dfe" }\npupils_2024', 'unit = "' + "p" * 201 + '", source = "dfe" }\npupils_2024'),
        ["figures", "pupils_2023", "unit"],
        "maxLength",
        "is too long",
    ),
    "empty unit": (
        ('unit = "pupil", source = "dfe" }\npupils_2024', 'unit = "", source = "dfe" }\npupils_2024'),
        ["figures", "pupils_2023", "unit"],
        "minLength",
        "should be non-empty",
    ),
}


_SENTENCES = GOOD[GOOD.index("[[sentences]]") :]


@pytest.mark.parametrize(
    ("sentences", "validator"),
    [
        ("", "required"),  # no sentences at all
        ("sentences = []\n", "minItems"),
        ('[[sentences]]\ntext = ""\n[[sentences]]\ntext = " "\ncheck = "quote"\n', "contains"),  # none with text
    ],
)
def test_a_file_that_checks_nothing_fails_the_schema_and_the_loader(sentences: str, validator: str) -> None:
    head = GOOD.replace(_SENTENCES, "")
    text = (
        head.replace("format = 1\n", "format = 1\n" + sentences)
        if sentences.startswith("sentences")
        else head + sentences
    )
    assert validator in {e.validator for e in errors(text)}
    assert any("checks nothing" in p.message for p in loads_claims_file(text).problems)


def test_the_schema_cannot_see_that_stated_is_quoted_but_the_loader_does() -> None:
    text = GOOD.replace('stated = "1,100"', 'stated = "1,200"')
    assert errors(text) == []
    assert [p.field for p in loads_claims_file(text).problems] == ["stated"]


@pytest.mark.parametrize("case", list(MALFORMED))
def test_a_malformed_file_fails_for_its_reason(case: str) -> None:
    (old, new), path, validator, words = MALFORMED[case]
    assert GOOD.count(old) >= 1, f"the edit for {case!r} does not apply"
    text = GOOD.replace(old, new, 1)
    found = errors(text)
    assert found, f"{case}: the schema accepted it"
    reasons = [(list(e.absolute_path), e.validator, e.message) for e in found]
    assert any(p == path and v == validator and words in m for p, v, m in reasons), reasons
    # …and the library rejects it too (the schema is not stricter or looser than the loader here).
    try:
        claims_file = loads_claims_file(text)
    except ClaimsFileError:
        return
    broken = [c for c in claims_file.claims() if getattr(c, "problems", ())]
    if not (claims_file.problems or broken):  # a claim with half its inputs is an error when verified
        assert any(o.verdict is Verdict.ERROR for o in verify_file(claims_file).outcomes), f"{case}: accepted"
