from __future__ import annotations

import datetime as dt
import importlib.util
import itertools
import tomllib
from pathlib import Path
from types import ModuleType

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from factcheck.check.pipeline import verify_file
from factcheck.drafting import extract
from factcheck.drafting.extract import DraftClaim, DraftSentence, draft_article, draft_sentence, guess_check
from factcheck.drafting.toml_writer import PUBLISHED_PLACEHOLDER, draft_toml
from factcheck.load.claimsfile import loads_claims_file
from factcheck.model.verdicts import Verdict
from factcheck.words.ranks import parse_rank_words
from factcheck.words.stated import Token, parse_stated, scan
from factcheck.words.table import COMPARED_NEXT
from tests.conftest import DATA, EVAL, LABELLED_DIR, ROOT, labelled_articles, skip_without_eval

# (sentence, [(kind, stated), …]) in the order of the sentence
PHRASES = [
    (
        "Fly-tippers dumped rubbish 4,452 times last year, up 11 per cent on the year before",
        [("value", "4,452 times"), ("change", "up 11 per cent")],
    ),
    (
        "That works out at 16.6 incidents for every 1,000 people living in the area – above the England average of 19.",
        [("rate", "16.6 incidents for every 1,000 people"), ("comparison", "above"), ("rate", "19")],
    ),
    (
        "The council handed out more than 1,640 fixed penalty notices, and the number of prosecutions more than doubled, "
        "from 17 to 38.",
        [("value", "more than 1,640"), ("change", "more than doubled"), ("value", "17"), ("value", "38")],
    ),
    ("The vast majority of children were offered a place.", [("share", "The vast majority")]),
    (
        "Last year, 212 appeals were heard, and a fifth of them were successful.",
        [("value", "212"), ("share", "a fifth")],
    ),
    ("That was up 3.8 percentage points on January 2023.", [("point_change", "up 3.8 percentage points")]),
    (
        "That is an extra £106.63 a year, or more than £2.50 a week.",
        [("difference", "an extra £106.63"), ("value", "more than £2.50")],
    ),
    (
        "At Eastmarsh County, 1,096 people waited, 254 more than a year earlier.",
        [("value", "1,096"), ("difference", "254 more")],
    ),
    (
        "In total, 2,176 people were hurt, 2.9 per cent fewer than in 2021.",
        [("value", "2,176"), ("change", "2.9 per cent fewer")],
    ),
    (
        "But 97 children were not offered a place – one in every 24 applicants.",
        [("value", "97"), ("one_in", "one in every 24 applicants")],
    ),
    ("Three in five homes had no smoke alarm.", [("share", "Three in five")]),
    ("That is twice as many as in neighbouring Westfell.", [("ratio", "twice as many")]),
    ("The average home now costs 9.2 times the median salary.", [("ratio", "9.2 times")]),
    (
        "Assaults were the most common type, making up 35 per cent of the total.",
        [("rank", "the most common"), ("share", "35 per cent")],
    ),
    ("Cyclists made up 13.0 per cent of all casualties.", [("share", "13.0 per cent")]),
    (
        "Of those, 3,741 children – 90.7 per cent – were offered a place.",
        [("value", "3,741"), ("share", "90.7 per cent")],
    ),
    ("That is above the national figure of 83.3 per cent.", [("comparison", "above"), ("value", "83.3 per cent")]),
    (
        "The police precept is rising by 6 per cent, to £271.17.",
        [("change", "rising by 6 per cent"), ("value", "£271.17")],
    ),
    (
        "The price fell by 12% over the year, a rise of 7.5 per cent in real terms.",
        [("change", "fell by 12%"), ("change", "a rise of 7.5 per cent")],
    ),
    ("The number of people sleeping rough rose by half last autumn.", [("change", "rose by half")]),
    ("The council received £3.1m this year.", [("value", "£3.1m")]),
    ("Nearly 9,000 households are waiting", [("value", "Nearly 9,000")]),
    ("That is 19.4 journeys for every person in the borough.", [("rate", "19.4 journeys")]),
    # the second edition's phrasings (issue 13): vague amounts, number words, measures, multiples, signs
    ("Most people walked.", [("share", "Most")]),
    ("A minority of councils replied.", [("share", "A minority")]),
    ("Fourteen libraries closed.", [("value", "Fourteen")]),
    ("Patients faced an 18-minute wait.", [("value", "18-minute")]),
    ("Visits were down by a tenth.", [("change", "down by a tenth")]),
    ("There was one GP for every 1,847 patients.", [("rate", "one GP for every 1,847 patients")]),
    (
        "One adult was waiting for every 640 residents.",
        [("rate", "One adult was waiting for every 640 residents")],
    ),
    ("Appeals succeeded in one for every 56 decisions.", [("one_in", "one for every 56 decisions")]),
    ("Loans rose eightfold.", [("ratio", "eightfold")]),
    ("Rents rose two and a half times.", [("ratio", "two and a half times")]),
    ("There was a twofold rise in visits.", [("ratio", "twofold")]),
    ("Half a million people visited.", [("value", "Half a million")]),
    ("A quarter of a million books were lent.", [("value", "A quarter of a million")]),
    ("Dozens of people queued.", [("value", "Dozens")]),
    ("Hundreds of people queued.", [("value", "Hundreds")]),
    ("A couple of hundred pupils moved.", [("value", "A couple of hundred")]),
    ("The number fell to 688, a change of -3.2% on a year earlier.", [("value", "688"), ("change", "-3.2%")]),
    ("The net change was -325 jobs, and −40 posts were cut.", [("difference", "-325"), ("difference", "−40")]),
    ("Fewer than one in five casualties were cyclists.", [("share", "Fewer than one in five")]),
    ("Fares rose by 45p, or 12 per cent.", [("difference", "rose by 45p"), ("change", "12 per cent")]),
    ("The response was 14 seconds slower.", [("difference", "14 seconds slower")]),
    ("There was a 12% rise in burglaries.", [("change", "12% rise")]),
    ("There was a 12 per cent increase in thefts.", [("change", "12 per cent increase")]),
    ("There was a 3.2 percentage point drop.", [("point_change", "3.2 percentage point drop")]),
    ("A £150 cut was made.", [("difference", "£150 cut")]),
    ("A 4.9 per cent council tax rise was agreed.", [("change", "4.9 per cent council tax rise")]),
    (
        "Staff got a 5% pay rise, not a 5% pay-rise, and 5% of the rise.",
        [("change", "5% pay rise"), ("value", "5%"), ("share", "5%")],
    ),
    ("There were 40 drop-in sessions in 300 growth areas.", [("value", "40"), ("value", "300")]),
    # comparisons, and words that state no relation (a comparison the format leaves unchecked)
    ("It was 52 days, compared with 31 days.", [("value", "52"), ("comparison", "compared with"), ("value", "31")]),
    ("Its rate was higher than the national average.", [("comparison", "higher than")]),
    (
        "Its median of 40 days was above the six-week target.",
        [("value", "40"), ("comparison", "above"), ("value", "six-week")],
    ),
    # superlatives: rank drafts
    ("Ashby had the highest rate in the county.", [("rank", "the highest rate")]),
    ("Fallowmere had one of the lowest rates.", [("rank", "one of the lowest rates")]),
    ("Dunsworth had the second highest rate.", [("rank", "the second highest rate")]),
    ("Ashby was among the five highest.", [("rank", "among the five highest")]),
    ("Ashby is in the top ten.", [("rank", "in the top ten")]),
    ("Fires fell to the lowest since 2015.", [("rank", "the lowest since 2015")]),
    ("Ashby had the most fires.", [("rank", "the most fires")]),
    ("Ashby had the 12th highest rate.", [("rank", "the 12th highest rate")]),
    ("Ashby was joint highest.", [("rank", "joint highest")]),
    ("Ashby ranked third highest of 42 forces.", [("rank", "third highest"), ("value", "42")]),
    ("It was the largest fall since 2010.", [("rank", "the largest fall since 2010")]),
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
    "Most likely, the areas most affected will see it for the most part.",
    "We are sending the most dangerous offenders to the most recent hearing.",
    "Exam scores were published.",
    "She came 12th overall, and the highest-paid staff left.",
]


@pytest.mark.parametrize(("sentence", "expected"), PHRASES)
def test_number_phrases_and_kinds(sentence: str, expected: list[tuple[str, str]]) -> None:
    drafted = draft_sentence(sentence)
    assert [(c.kind, c.stated) for c in drafted.claims] == expected
    for claim in drafted.claims:
        assert sentence[claim.span[0] : claim.span[1]] == claim.stated
        _read_as_its_kind(claim)
    assert drafted.check is None


def _read_as_its_kind(claim: DraftClaim) -> None:
    """The draft's words read as its kind: the rank reader's words for a rank, the stated reader's for the rest."""
    if claim.kind == "rank":
        parse_rank_words(claim.stated)
    else:
        parse_stated(claim.stated, claim.kind)


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


@pytest.mark.parametrize(
    ("sentence", "check"),
    [
        ("Council leader Sandra Holt said: “Nobody wants to put bills up.”", "quote"),
        ("NHS England said it expects demand to stay high into February.", "forecast"),
        ("The council will consult on a new strategy.", "forecast"),
        ("The figures cover only collisions reported to the police.", "definition"),
        ("Charities say the true number is likely to be much higher.", "opinion"),
        ("Residents can report fly-tipping through the council's website.", "context"),
    ],
)
def test_guessed_checks(sentence: str, check: str) -> None:
    assert guess_check(sentence) == check
    assert draft_sentence(sentence).check == check


@pytest.mark.parametrize("article", labelled_articles(), ids=lambda p: p.name)
def test_draft_is_a_valid_claims_file_covering_the_article(article: Path, tmp_path: Path) -> None:
    (tmp_path / article.name).write_bytes(article.read_bytes())
    draft = draft_article(article.read_text(encoding="utf-8"), text_path=article.name, source=article.name)
    path = tmp_path / "draft.claims.toml"
    path.write_text(draft_toml(draft), encoding="utf-8")
    from factcheck.load.claimsfile import load_claims_file

    loaded = load_claims_file(path)
    assert loaded.problems == ()
    assert loaded.gaps == ()
    assert loaded.article is not None and loaded.article_text is not None
    result = verify_file(loaded)
    claims = [o for o in result.outcomes if o.kind != "sentence"]
    assert claims and all(o.verdict is Verdict.UNCHECKED and o.draft for o in claims)
    assert result.exit_status() == 1  # a draft never passes as checked
    assert result.exit_status(strict=True) == 1


#: A date for drafts whose article gives none, where a test is about something else.
PUBLISHED = dt.date(2024, 1, 1)


def test_published_from_the_date_line_or_a_dateline_else_a_placeholder_that_fails_to_load() -> None:
    assert draft_article("date 2021-02-03 Headline\n\nText.").published == dt.date(2021, 2, 3)
    dated = draft_article("Headline\n\nPublished: 10 November 2020\n\nThere were 5 fires.")
    assert dated.published == dt.date(2020, 11, 10)
    assert dated.title == "Headline"
    assert draft_article("Headline\n\nText.", published=dt.date(2020, 1, 1)).published == dt.date(2020, 1, 1)
    undated = draft_article("Headline\n\nThere were 5 fires.")
    assert undated.published is None  # never today's date passed off as known
    toml = draft_toml(undated)
    assert f'published = "{PUBLISHED_PLACEHOLDER}"' in toml
    problems = [str(p) for p in loads_claims_file(toml, "<draft>").problems]
    assert any("`published`" in p and "FILL IN" in p for p in problems), problems
    assert any("`published` is a placeholder" in reason for reason in undated.unfinished())


def test_a_rank_draft_is_written_with_placeholders_for_of_and_among() -> None:
    draft = draft_article("date 2024-01-01 Ranks\n\nAshby had the highest rate, and the best results.")
    toml = draft_toml(draft, "ranks.claims.toml")
    assert '  id = "s2-rank"\n  kind = "rank"\n  stated = "the highest rate"\n  of = "?"\n  among = ["?"]\n' in toml
    assert '  stated = "the best results"\n  of = "?"\n  among = ["?"]\n  note = "add order = \\"high\\" or' in toml
    (rank,) = [s for s in tomllib.loads(toml)["sentences"][1]["claims"] if s["stated"] == "the highest rate"]
    assert rank == {"id": "s2-rank", "kind": "rank", "stated": "the highest rate", "of": "?", "among": ["?"]}
    assert draft.unfinished()[0].startswith("2 claims still need inputs")
    loaded = loads_claims_file(toml, "<draft>")
    assert loaded.problems == ()


def test_a_draft_says_why_check_fails_on_it() -> None:
    draft = draft_article("date 2021-02-03 Headline\n\nThere were 5 fires and 7 floods.\n\nCrime rose 4 per cent.")
    assert draft.unfinished("fires.claims.toml") == (
        "3 claims still need inputs (figures or table cells): run `factcheck suggest fires.claims.toml` once the "
        "figures are added",
    )
    toml = draft_toml(draft, "fires.claims.toml")
    assert "# `factcheck check` fails (exit 1) on this draft until it is finished:\n#   - 3 claims still need" in toml
    one = draft_article("date 2021-02-03 Headline\n\nThere were 5 fires.")
    assert one.unfinished() == (
        "1 claim still needs inputs (figures or table cells): run `factcheck suggest FILE` once the figures are added",
    )
    assert draft_article("date 2021-02-03 Headline\n\nNothing happened.").unfinished() == ()


def _bench() -> ModuleType:
    spec = importlib.util.spec_from_file_location("bench_extraction", ROOT / "bench" / "extraction.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _recall(articles: list[Path]) -> tuple[int, int, int, int]:
    """(numeric claims in the hand-made files, found by the extractor, found with the right kind, sentences with a
    numeric claim that the draft marks `check`)."""
    bench = _bench()
    rows, hidden = [], 0
    for article in articles:
        result = bench.evaluate(article, article.with_name(article.name[:-4] + ".claims.toml"))
        rows += result["rows"]
        hidden += result["hidden"]
    numeric = [r for r in rows if r["numeric"]]
    found = [r for r in numeric if r["found"]]
    right = [r for r in found if r["drafted_kind"] == r["kind"]]
    return len(numeric), len(found), len(right), hidden


def _meets_the_judged_targets(numeric: int, found: int, right: int, hidden: int) -> None:
    """Issue 13's targets on hidden articles: recall ≥ 97%, the right kind ≥ 93% of those, nothing hidden."""
    assert found >= 0.97 * numeric
    assert right >= 0.93 * found
    assert hidden == 0


def test_recall_and_kinds_on_the_fixture_and_labelled_articles() -> None:
    # tests/data/labelled counts too: its articles use the second edition's phrasings ("dozens", "eightfold",
    # "half a million", "one GP for every 1,847 patients", "-4.1%")
    counts = _recall([a for a in labelled_articles() if a.parent in (DATA, ROOT / "claims", LABELLED_DIR)])
    assert counts[0] >= 110
    _meets_the_judged_targets(*counts)
    labelled = _recall([a for a in labelled_articles() if a.parent == LABELLED_DIR])
    assert labelled[0] >= 60
    _meets_the_judged_targets(*labelled)


def test_recall_and_kinds_on_the_shared_evaluation_sets() -> None:
    counts = _recall([a for a in labelled_articles() if a.parent == EVAL])
    if not counts[0]:
        skip_without_eval()
    assert counts[0] >= 100
    _meets_the_judged_targets(*counts)
    tables = EVAL.parent / "eval-tables"  # the tables and ranks set (issue 12), beside the other
    with_tables = _recall(
        [p for p in sorted(tables.glob("*.txt")) if p.with_name(p.name[:-4] + ".claims.toml").exists()]
    )
    if with_tables[0]:
        _meets_the_judged_targets(*with_tables)


def test_numbers_of_for_matching() -> None:
    numbers_of = _bench().numbers_of
    assert numbers_of("4,452 times") == numbers_of("4,452") == ("4452",)
    assert numbers_of("£1.2m") == ("1200000",)
    assert numbers_of("one in every 11") == ("1", "11")
    assert numbers_of("a fifth") == ("1/5",)
    assert numbers_of("the vast majority") == ("vast majority",)
    assert numbers_of("above") == ()


_PIECES = st.sampled_from(
    [
        "4,452",
        "up",
        "11",
        "per cent",
        "more than",
        "£1.2m",
        "for every",
        "1,000",
        "people",
        "one in",
        "a fifth",
        "of",
        "the",
        "fell by",
        "doubled",
        "2018-19",
        "–",
        ",",
        "and",
        "half",
    ]
)


@given(st.lists(_PIECES, min_size=1, max_size=20))
def test_drafted_spans_are_the_sentence_words(pieces: list[str]) -> None:
    sentence = " ".join(pieces) + "."
    claims = draft_sentence(sentence).claims
    for claim in claims:
        assert sentence[claim.span[0] : claim.span[1]] == claim.stated
    spans = [c.span for c in claims if c.kind != "comparison"]
    assert all(a[1] <= b[0] for a, b in itertools.pairwise(spans))  # number phrases never overlap
    assert len({c.id for c in claims}) == len(claims)
    assert loads_claims_file(draft_toml(draft_article(sentence, published=PUBLISHED)), "<draft>").problems == ()


# -- any text, in time proportional to its length --------------------------------------------------


def test_a_run_of_thousands_of_digits_is_not_a_crash() -> None:
    """int() refuses 4,301 digits or more; a label's number was read with it."""
    sentence = "There were " + "1" * 4_301 + " offences."
    claims = draft_sentence(sentence).claims  # a value claim, or none where the reader bounds numbers
    assert len(claims) <= 1 and all(sentence[c.span[0] : c.span[1]] == c.stated for c in claims)
    assert draft_sentence("Pupils in year " + "0" * 5_000 + "7 sat it.").claims == ()  # a label: year 7
    assert draft_sentence("It opened on April " + "0" * 5_000 + "16.").claims == ()  # a day


def test_a_rate_per_more_than_a_claims_file_holds_is_not_copied() -> None:
    """The bare "of 19" takes the sentence's "per", written as a TOML integer: 64 bits at most."""
    sentence = f"That is 5 offences for every 1{'0' * 30} people, above the average of 19."
    claims = draft_sentence(sentence).claims
    assert [c.kind for c in claims] == ["rate", "comparison", "value"]
    assert not any(field == "per" for claim in claims for field, _ in claim.fields)
    tomllib.loads(draft_toml(draft_article(sentence)))
    long_per = f"That is 5 offences for every 1{'0' * 5_000} people, above the average of 19."
    draft_toml(draft_article(long_per))  # str() refused the 5,001 digits of the copied "per"
    ordinary = draft_sentence("That is 5 offences for every 1,000 people, above the average of 19.").claims
    assert ordinary[2].kind == "rate" and ("per", 1000) in ordinary[2].fields


_ANY_PIECE = st.one_of(
    _PIECES,
    st.sampled_from(
        [
            "Mr.",
            "U.K.",
            "...",
            "….",
            ".",
            "!",
            "?",
            "“",
            "”",
            "(",
            ")",
            "\n",
            "\n\n",
            "   ",
            "-5%",
            "−325",
            "10:30",
            "1st",
            "Covid-19",
            "A14",
            "year",
            "April",
            "16",
            "above",
            "higher than",
            "compared with",
            "making up",
            "35 per cent",
            "per 100,000",
            "two hundred and",
            "a million",
            "1" * 50,
            "0" * 30,
            "Most",
            "most",
            "the vast majority",
            "a minority",
            "dozens",
            "scores of",
            "Fourteen",
            "18-minute",
            "eightfold",
            "two and a half times",
            "half a million",
            "a quarter of a",
            "-3.2%",
            "the highest",
            "one of the lowest",
            "the second",
            "one GP for every",
            "compared with",
        ]
    ),
    st.text(max_size=8),
)


@settings(max_examples=300)
@given(st.lists(st.tuples(_ANY_PIECE, st.sampled_from([" ", "", "  ", "\n"])), max_size=60))
def test_any_text_is_drafted_without_an_error_into_a_bounded_draft(pieces: list[tuple[str, str]]) -> None:
    text = "".join(piece + gap for piece, gap in pieces)
    draft = draft_article(text, published=PUBLISHED)
    assert len(draft.sentences) <= len(text)
    ids = [claim.id for claim in draft.claims()]
    assert len(set(ids)) == len(ids)
    for sentence in draft.sentences:
        assert sentence.claims or sentence.check is not None
        assert len(sentence.claims) <= len(sentence.text)
        for claim in sentence.claims:
            assert sentence.text[claim.span[0] : claim.span[1]] == claim.stated
        _hides_no_quantity(sentence)
    written = tomllib.loads(draft_toml(draft))
    assert [s["text"] for s in written.get("sentences", [])] == [s.text for s in draft.sentences]


def _hides_no_quantity(sentence: DraftSentence) -> None:
    """A sentence that states a quantity has claims and no `check`, and each quantity is in a claim's words."""
    tokens = scan(sentence.text)
    heads = extract.quantity_heads(sentence.text, tokens)
    assert extract.states_a_quantity(sentence.text) == bool(heads)
    if heads:
        assert sentence.check is None and sentence.claims
    for head in heads:
        start, end = tokens[head].span
        assert any(c.span[0] <= start and end <= c.span[1] for c in sentence.claims), (sentence.text, tokens[head])


@pytest.mark.parametrize("article", labelled_articles(), ids=lambda p: p.name)
def test_no_drafted_sentence_that_states_a_quantity_carries_a_check(article: Path) -> None:
    for sentence in draft_article(article.read_text(encoding="utf-8")).sentences:
        _hides_no_quantity(sentence)


# -- the helpers that look at a few characters, against the whole text they used to search ---------

_NEAR = st.text(alphabet="aZ-9:/ \n\t\u00a0.,İK" + "madeupfortakingrsc", max_size=30)


@given(_NEAR, st.data())
def test_patterns_searched_near_a_number_answer_as_on_the_whole_text(text: str, data: st.DataObject) -> None:
    start = data.draw(st.integers(0, len(text)))
    before = text[:start]
    for pattern, reach in (
        (extract._LETTER_BEFORE, 3),
        (extract._DIGIT_SEPARATOR_BEFORE, 3),
        (extract._DIGIT_BEFORE, 2),
    ):
        assert bool(pattern.search(text, max(0, start - reach), start)) == bool(pattern.search(before))
    dash = extract._DASH_BEFORE.search(text, max(0, extract._space_before(text, start) - 2), start)
    assert bool(dash) == bool(extract._DASH_BEFORE.search(before))
    assert extract._share_verb_before(text, start) == bool(extract._SHARE_VERB_PATTERN.search(before.lower()))
    after = text[start:]
    word = extract._space_after(text, start)
    assert text[word : word + 4].lower() == after.lstrip()[:4].lower()
    following = after.split()
    old = bool(following) and following[0].strip(",") in COMPARED_NEXT
    assert bool(extract._COMPARED_NEXT_WORD.match(text, start)) == old


@given(st.text(alphabet=" \t,madeupfortakingaccountsthe\n", max_size=40), st.data())
def test_share_verbs_found_near_the_number_as_in_the_whole_text(text: str, data: st.DataObject) -> None:
    start = data.draw(st.integers(0, len(text)))
    assert extract._share_verb_before(text, start) == bool(extract._SHARE_VERB_PATTERN.search(text[:start].lower()))


@given(st.text(alphabet="0123456789٠٣", min_size=1, max_size=12))
def test_small_whole_numbers_as_int_read_them(raw: str) -> None:
    value = int(raw)
    assert extract._small_whole(raw) == (value if value <= 100 else None)


def _old_new_id(number: int, kind: str, used: set[str]) -> str:
    base = f"s{number}-{kind.replace('_', '-')}"
    name, n = base, 1
    while name in used:
        n += 1
        name = f"{base}-{n}"
    used.add(name)
    return name


@given(
    st.lists(st.sampled_from(["value", "rate", "one_in", "comparison"]), max_size=30),
    st.sets(st.sampled_from(["s1-value", "s1-value-3", "s1-rate-2", "s1-comparison", "s2-value"])),
)
def test_ids_count_on_as_the_old_search_did(kinds: list[str], taken: set[str]) -> None:
    new_used, old_used = set(taken), set(taken)
    ids = extract._Ids(1, new_used)
    assert [ids.new(kind) for kind in kinds] == [_old_new_id(1, kind, old_used) for kind in kinds]
    assert new_used == old_used


def _old_hint_comparisons(sentences: list[DraftSentence]) -> list[DraftSentence]:
    """The hints as they were found: every earlier claim looked at again for each comparison."""
    out: list[DraftSentence] = []
    earlier: list[DraftClaim] = []
    for sentence in sentences:
        claims = list(sentence.claims)
        for k, claim in enumerate(claims):
            if claim.kind != "comparison":
                continue
            after = [c for c in claims[k + 1 :] if c.kind != "comparison"]
            right = after[0] if after else None
            group = extract._group(right) if right is not None else None
            before = [c for c in claims[:k] if c.kind != "comparison"]
            pool = [c for c in (before[::-1] + earlier[::-1]) if group is None or extract._group(c) == group]
            left = pool[0] if pool else None
            hinted = tuple(
                (f, "?" + (ref.id if ref is not None else "")) for f, ref in (("left", left), ("right", right))
            )
            claims[k] = attrs.evolve(claim, fields=hinted)
        earlier.extend(c for c in claims if c.kind != "comparison")
        out.append(attrs.evolve(sentence, claims=tuple(claims)))
    return out


_DRAFTED = st.sampled_from(
    [
        ("value", "5%"),
        ("value", "£5"),
        ("value", "5"),
        ("rate", "5 per 1,000"),
        ("share", "half"),
        ("change", "up 5%"),
        ("comparison", "above"),
        ("comparison", "below"),
    ]
)


@given(st.lists(st.lists(_DRAFTED, max_size=6), max_size=6))
def test_comparison_hints_are_the_ones_found_by_looking_back(sentences: list[list[tuple[str, str]]]) -> None:
    drafted = [
        DraftSentence(
            "x", tuple(DraftClaim(f"s{n}-{k}", kind, stated, (k, k + 1)) for k, (kind, stated) in enumerate(claims))
        )
        for n, claims in enumerate(sentences)
    ]
    assert extract._hint_comparisons(drafted) == _old_hint_comparisons(drafted)


# -- the named steps of finding a number phrase ---------------------------------------------------


def _at(text: str, word: str) -> tuple[list[Token], int]:
    tokens = scan(text)
    return tokens, next(k for k, tok in enumerate(tokens) if tok.text == word)


@pytest.mark.parametrize(
    ("text", "word", "year"),
    [
        ("Crime fell in 2019.", "2019", True),
        ("There were 2,019 offences.", "2,019", False),
        ("It cost £2019.", "2019", False),
        ("It rose 2019 per cent.", "2019", False),
    ],
)
def test_a_year_is_no_quantity(text: str, word: str, year: bool) -> None:
    tokens, i = _at(text, word)
    raw = text[tokens[i].span[0] : tokens[i].span[1]]
    assert extract._is_a_year(text, tokens, i, raw) is year


@pytest.mark.parametrize(
    ("text", "word", "step"),
    [
        ("Pupils in year 7 did well.", "7", "label"),
        ("She is at level two now.", "two", "label"),
        ("It opened on April 16 at noon.", "16", "date"),
        ("Covid-19 cases rose.", "-19", "name"),
        ("It opened at 10am today.", "10", "name"),
        ("Children aged 10-12 were asked.", "-12", "range"),
        ("It took one night.", "one", "one"),
        ("Year 7 had 40 per cent more pupils.", "40", None),
    ],
)
def test_each_reason_a_number_is_no_quantity(text: str, word: str, step: str | None) -> None:
    tokens, i = _at(text, word)
    start, end = tokens[i].span
    raw = text[start:end]
    small = extract._small_whole(raw.lstrip("-"))
    found = {
        "label": extract._is_a_label(tokens, i, small),
        "date": extract._is_a_date(text, tokens, i, small),
        "name": extract._is_in_a_name_or_time(text, (start, end), raw),
        "range": extract._ends_a_range(text, start, raw),
        "one": extract._is_a_bare_one(text, tokens, i),
    }
    assert {name for name, hit in found.items() if hit} == ({step} if step else set())
    assert extract._is_number_quantity(text, tokens, i) is (step is None)


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("Crime rose 4 per cent.", "change"),
        ("Crime rose 4 percentage points.", "point_change"),
        ("Crime rose by 254.", "difference"),
        ("It was 35 per cent of the total.", "share"),
        ("Rents doubled.", "change"),
        ("It is three times the salary.", "ratio"),
        ("He was stopped 16 times.", "value"),
        ("There were 1,405 offenders.", "value"),
    ],
)
def test_the_kind_a_phrase_is_guessed_to_be(text: str, kind: str) -> None:
    (claim,) = draft_sentence(text).claims
    assert claim.kind == kind
