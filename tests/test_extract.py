from __future__ import annotations

import datetime as dt
import importlib.util
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from factcheck.claimsfile import loads_claims_file
from factcheck.draft import draft_toml
from factcheck.extract import draft_article, draft_sentence, guess_check
from factcheck.stated import parse_stated
from factcheck.verify import Verdict, verify_file
from tests.conftest import DATA, EVAL, ROOT, labelled_articles, skip_without_eval

# (sentence, [(kind, stated), …]) in the order of the sentence
PHRASES = [
    ("Fly-tippers dumped rubbish 4,452 times last year, up 11 per cent on the year before",
     [("value", "4,452 times"), ("change", "up 11 per cent")]),
    ("That works out at 16.6 incidents for every 1,000 people living in the area – above the England average of 19.",
     [("rate", "16.6 incidents for every 1,000 people"), ("comparison", "above"), ("rate", "19")]),
    ("The council handed out more than 1,640 fixed penalty notices, and the number of prosecutions more than doubled, "
     "from 17 to 38.", [("value", "more than 1,640"), ("change", "more than doubled"), ("value", "17"), ("value", "38")]),
    ("The vast majority of children were offered a place.", [("share", "The vast majority")]),
    ("Last year, 212 appeals were heard, and a fifth of them were successful.", [("value", "212"), ("share", "a fifth")]),
    ("That was up 3.8 percentage points on January 2023.", [("point_change", "up 3.8 percentage points")]),
    ("That is an extra £106.63 a year, or more than £2.50 a week.",
     [("difference", "an extra £106.63"), ("value", "more than £2.50")]),
    ("At Eastmarsh County, 1,096 people waited, 254 more than a year earlier.",
     [("value", "1,096"), ("difference", "254 more")]),
    ("In total, 2,176 people were hurt, 2.9 per cent fewer than in 2021.",
     [("value", "2,176"), ("change", "2.9 per cent fewer")]),
    ("But 97 children were not offered a place – one in every 24 applicants.",
     [("value", "97"), ("one_in", "one in every 24 applicants")]),
    ("Three in five homes had no smoke alarm.", [("share", "Three in five")]),
    ("That is twice as many as in neighbouring Westfell.", [("ratio", "twice as many")]),
    ("The average home now costs 9.2 times the median salary.", [("ratio", "9.2 times")]),
    ("Assaults were the most common type, making up 35 per cent of the total.", [("share", "35 per cent")]),
    ("Cyclists made up 13.0 per cent of all casualties.", [("share", "13.0 per cent")]),
    ("Of those, 3,741 children – 90.7 per cent – were offered a place.", [("value", "3,741"), ("share", "90.7 per cent")]),
    ("That is above the national figure of 83.3 per cent.", [("comparison", "above"), ("value", "83.3 per cent")]),
    ("The police precept is rising by 6 per cent, to £271.17.", [("change", "rising by 6 per cent"), ("value", "£271.17")]),
    ("The price fell by 12% over the year, a rise of 7.5 per cent in real terms.",
     [("change", "fell by 12%"), ("change", "a rise of 7.5 per cent")]),
    ("The number of people sleeping rough rose by half last autumn.", [("change", "rose by half")]),
    ("The council received £3.1m this year.", [("value", "£3.1m")]),
    ("Nearly 9,000 households are waiting", [("value", "Nearly 9,000")]),
    ("That is 19.4 journeys for every person in the borough.", [("rate", "19.4 journeys")]),
]

# years, dates, labels, compound adjectives and a bare "one" are not number phrases
NOT_NUMBERS = [
    "The figures cover April 2022 to March 2023.",
    "Offers will be sent out on April 16.",
    "The number of 11-year-olds is expected to peak in 2026.",
    "Harrowfield Council received applications for places in year 7.",
    "Offenders are classed as level one or level two.",
    "One death is one too many, and every one of them matters.",
    "A Band D charge applies in 2024-25, and Covid-19 rules ended.",
]


@pytest.mark.parametrize(("sentence", "expected"), PHRASES)
def test_number_phrases_and_kinds(sentence: str, expected: list[tuple[str, str]]) -> None:
    drafted = draft_sentence(sentence)
    assert [(c.kind, c.stated) for c in drafted.claims] == expected
    for claim in drafted.claims:
        assert sentence[claim.span[0]:claim.span[1]] == claim.stated
        parse_stated(claim.stated, claim.kind)  # the draft's words read as its kind
    assert drafted.check is None


@pytest.mark.parametrize("sentence", NOT_NUMBERS)
def test_not_number_phrases(sentence: str) -> None:
    assert [c.stated for c in draft_sentence(sentence).claims] == []


def test_bare_rate_copies_per_of_the_sentence_rate() -> None:
    claims = draft_sentence("There were 131 knife offences for every 100,000 people, above the average of 84.").claims
    assert dict(claims[-1].fields)["per"] == 100000
    comparison = claims[1]
    assert comparison.kind == "comparison"


def test_comparison_hints_name_likely_claims() -> None:
    draft = draft_article("Sales rose to £287,412.\n\nThat is higher than the UK average of £281,373.")
    comparison = draft.sentences[1].claims[0]
    assert dict(comparison.fields) == {"left": "?s1-value", "right": "?s2-value"}


@pytest.mark.parametrize(("sentence", "check"), [
    ("Council leader Sandra Holt said: “Nobody wants to put bills up.”", "quote"),
    ("NHS England said it expects demand to stay high into February.", "forecast"),
    ("The council will consult on a new strategy.", "forecast"),
    ("The figures cover only collisions reported to the police.", "definition"),
    ("Charities say the true number is likely to be much higher.", "opinion"),
    ("Residents can report fly-tipping through the council's website.", "context"),
])
def test_guessed_checks(sentence: str, check: str) -> None:
    assert guess_check(sentence) == check
    assert draft_sentence(sentence).check == check


@pytest.mark.parametrize("article", labelled_articles(), ids=lambda p: p.name)
def test_draft_is_a_valid_claims_file_covering_the_article(article: Path, tmp_path: Path) -> None:
    (tmp_path / article.name).write_bytes(article.read_bytes())
    draft = draft_article(article.read_text(encoding="utf-8"), text_path=article.name, source=article.name)
    path = tmp_path / "draft.claims.toml"
    path.write_text(draft_toml(draft), encoding="utf-8")
    from factcheck.claimsfile import load_claims_file

    loaded = load_claims_file(path)
    assert loaded.problems == ()
    assert loaded.gaps == ()
    assert loaded.article is not None and loaded.article_text is not None
    result = verify_file(loaded)
    claims = [o for o in result.outcomes if o.kind != "sentence"]
    assert claims and all(o.verdict is Verdict.UNCHECKED and o.draft for o in claims)
    assert result.exit_status() == 1  # a draft never passes as checked
    assert result.exit_status(strict=True) == 1


def test_published_from_date_line_else_today() -> None:
    assert draft_article("date 2021-02-03 Headline\n\nText.").published == dt.date(2021, 2, 3)
    assert draft_article("Headline\n\nText.", today=dt.date(2020, 1, 1)).published == dt.date(2020, 1, 1)


def _bench():  # type: ignore[no-untyped-def]
    spec = importlib.util.spec_from_file_location("bench_extraction", ROOT / "bench" / "extraction.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _recall(articles: list[Path]) -> tuple[int, int, int]:
    """(numeric claims in the hand-made files, found by the extractor, found with the right kind)."""
    bench = _bench()
    rows = []
    for article in articles:
        rows += bench.evaluate(article, article.with_name(article.name[:-4] + ".claims.toml"))["rows"]
    numeric = [r for r in rows if r["numeric"]]
    found = [r for r in numeric if r["found"]]
    right = [r for r in found if r["drafted_kind"] == r["kind"]]
    return len(numeric), len(found), len(right)


def test_recall_and_kinds_on_the_fixture_articles() -> None:
    # tests/data/labelled is left out on purpose: its articles use the second edition's phrasings ("dozens",
    # "eightfold", "half a million"), which the extractor does not draft yet (issue 13).
    numeric, found, right = _recall([a for a in labelled_articles() if a.parent in (DATA, ROOT / "claims")])
    assert numeric >= 50
    assert found >= 0.95 * numeric
    assert right >= 0.90 * found


def test_recall_and_kinds_on_the_shared_evaluation_set() -> None:
    numeric, found, right = _recall([a for a in labelled_articles() if a.parent == EVAL])
    if not numeric:
        skip_without_eval()
    assert numeric >= 100
    assert found >= 0.95 * numeric
    assert right >= 0.90 * found


def test_numbers_of_for_matching() -> None:
    numbers_of = _bench().numbers_of
    assert numbers_of("4,452 times") == numbers_of("4,452") == ("4452",)
    assert numbers_of("£1.2m") == ("1200000",)
    assert numbers_of("one in every 11") == ("1", "11")
    assert numbers_of("a fifth") == ("1/5",)
    assert numbers_of("the vast majority") == ("vast majority",)
    assert numbers_of("above") == ()


_PIECES = st.sampled_from(["4,452", "up", "11", "per cent", "more than", "£1.2m", "for every", "1,000", "people",
                           "one in", "a fifth", "of", "the", "fell by", "doubled", "2018-19", "–", ",", "and", "half"])


@given(st.lists(_PIECES, min_size=1, max_size=20))
def test_drafted_spans_are_the_sentence_words(pieces: list[str]) -> None:
    sentence = " ".join(pieces) + "."
    claims = draft_sentence(sentence).claims
    for claim in claims:
        assert sentence[claim.span[0]:claim.span[1]] == claim.stated
    spans = [c.span for c in claims if c.kind != "comparison"]
    assert all(a[1] <= b[0] for a, b in zip(spans, spans[1:]))  # number phrases never overlap
    assert len({c.id for c in claims}) == len(claims)
    assert loads_claims_file(draft_toml(draft_article(sentence)), "<draft>").problems == ()
