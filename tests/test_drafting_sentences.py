from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest
from hypothesis import assume, example, given
from hypothesis import strategies as st

from factcheck.drafting import sentences
from factcheck.drafting.sentences import read_article, split_paragraph, split_sentences
from factcheck.load.claimsfile import load_claims_file
from factcheck.load.coverage import article_body, fold_whitespace
from factcheck.words import table
from tests.conftest import labelled_articles

CASES = [
    # titles and initials never end a sentence
    (
        "Mr. Alan Price said it was bad. Dr. Ruth Okoye agreed.",
        ["Mr. Alan Price said it was bad.", "Dr. Ruth Okoye agreed."],
    ),
    (
        "The report by Prof. A. B. Jones was published. It was long.",
        ["The report by Prof. A. B. Jones was published.", "It was long."],
    ),
    # numbers: a financial year, an amount with a scale at the end of a sentence, "No. 10"
    ("Spending rose in 2018-19. It fell in 2019-20.", ["Spending rose in 2018-19.", "It fell in 2019-20."]),
    (
        "The council spent £1.2m. Residents paid £3.5bn. That is a lot.",
        ["The council spent £1.2m.", "Residents paid £3.5bn.", "That is a lot."],
    ),
    (
        "Services on the No. 10 route run every 40 minutes. Fares rose.",
        ["Services on the No. 10 route run every 40 minutes.", "Fares rose."],
    ),
    ("It was signed on Jan. 5 by the mayor. Work began.", ["It was signed on Jan. 5 by the mayor.", "Work began."]),
    # sentences inside quotation marks; a question in a quote before the speaker
    (
        "She said: “It is bad. We will act.” The council agreed.",
        ["She said: “It is bad.", "We will act.”", "The council agreed."],
    ),
    ("“Why now?” he asked. Nobody knew.", ["“Why now?” he asked.", "Nobody knew."]),
    ("He said the cuts were “deep”. Others disagreed.", ["He said the cuts were “deep”.", "Others disagreed."]),
    # dotted abbreviations: a new sentence only when a usual opener follows
    ("The figure for the U.K. was higher. It rose.", ["The figure for the U.K. was higher.", "It rose."]),
    ("They moved to the U.S. The move was costly.", ["They moved to the U.S.", "The move was costly."]),
    ("Prices rose in the U.K. Treasury figures show.", ["Prices rose in the U.K. Treasury figures show."]),
    ("Fines, e.g. Penalty notices, rose. It was odd.", ["Fines, e.g. Penalty notices, rose.", "It was odd."]),
    ("Wait for it... The answer came! Then silence?", ["Wait for it...", "The answer came!", "Then silence?"]),
    ("A sentence without an end", ["A sentence without an end"]),
]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_news_cases(text: str, expected: list[str]) -> None:
    assert split_paragraph(text) == expected


def test_paragraphs_and_headline_without_full_stop() -> None:
    text = "Bus journeys fell by a quarter\n\nPassengers made 6.2 million journeys.\nThat is fewer.\n\n  \nThe end."
    assert split_sentences(text) == [
        "Bus journeys fell by a quarter",
        "Passengers made 6.2 million journeys.",
        "That is fewer.",
        "The end.",
    ]


def test_date_line_is_metadata_and_headline_follows_it() -> None:
    article = read_article(" date 2023-11-30 Fly-tippers dumped rubbish 4,452 times\n\nThe figures cover April.\n")
    assert article.date == dt.date(2023, 11, 30)
    assert [s.text for s in article.sentences] == ["Fly-tippers dumped rubbish 4,452 times", "The figures cover April."]
    assert [s.paragraph for s in article.sentences] == [0, 1]


def test_headline_on_its_own_line_without_blank_line() -> None:
    article = read_article("Knife crime up by a tenth\nPolice recorded 1,187 offences. That is more.")
    assert [s.text for s in article.sentences] == [
        "Knife crime up by a tenth",
        "Police recorded 1,187 offences.",
        "That is more.",
    ]


def test_no_date_line() -> None:
    assert read_article("Just text.").date is None


@pytest.mark.parametrize(
    ("line", "date"),
    [
        ("10 November 2020", dt.date(2020, 11, 10)),
        ("Tuesday 10 November 2020, 10:32 GMT", dt.date(2020, 11, 10)),
        ("November 10, 2020", dt.date(2020, 11, 10)),
        ("2020-11-10", dt.date(2020, 11, 10)),
        ("Published: 10 November 2020", dt.date(2020, 11, 10)),
        ("First published on 3rd Nov. 2020, updated 5 November", dt.date(2020, 11, 3)),
        ("Posted 1 Feb 2024 at 9.15am", dt.date(2024, 2, 1)),
        # no dateline: a sentence with a date in it, a date that does not exist, the day a story was changed
        ("Crime fell on 10 November 2020.", None),
        ("10 November 2020 was a Tuesday and crime fell.", None),
        ("31 February 2020", None),
        ("Updated: 10 November 2020", None),
        ("10 Novembre 2020", None),
    ],
)
def test_a_dateline_gives_the_date_published(line: str, date: dt.date | None) -> None:
    assert sentences.read_dateline(line) == date


def test_a_dateline_among_the_first_lines_dates_the_article_and_stays_a_sentence_of_its_own() -> None:
    text = "Libraries lent fewer books\nBy Ann Lee\nPublished: 5 October 2023 - 10:00\nLoans fell by 12 per cent."
    article = read_article(text)
    assert article.date == dt.date(2023, 10, 5)
    assert article.dateline == "Published: 5 October 2023 - 10:00"
    assert [s.text for s in article.sentences] == [
        "Libraries lent fewer books",
        "By Ann Lee",
        "Published: 5 October 2023 - 10:00",
        "Loans fell by 12 per cent.",
    ]
    assert " ".join(s.text for s in article.sentences) == article_body(text)


def test_a_date_line_wins_over_a_dateline_and_a_late_date_is_no_dateline() -> None:
    assert read_article("date 2021-02-03 Headline\n\n10 November 2020\n\nText.").date == dt.date(2021, 2, 3)
    late = "Headline\nOne.\nTwo.\nThree.\nFour.\n10 November 2020"
    assert read_article(late).date is None


@pytest.mark.parametrize("article", labelled_articles(), ids=lambda p: p.name)
def test_sentences_are_the_hand_made_ones(article: Path) -> None:
    hand = load_claims_file(article.with_name(article.name[:-4] + ".claims.toml"))
    text = article.read_text(encoding="utf-8")
    drafted = [s.text for s in read_article(text).sentences]
    assert drafted == [s.text for s in hand.sentences]
    assert " ".join(drafted) == article_body(text)


_WORDS = st.sampled_from(
    [
        "Mr.",
        "Dr.",
        "£1.2m.",
        "2018-19",
        "No.",
        "10",
        "U.K.",
        "“Yes.”",
        "he",
        "said",
        "The",
        "figure",
        "rose",
        "4.5",
        "per",
        "cent.",
        "?",
        "!",
        "…",
        "A.",
        "e.g.",
        "\n",
        "\n\n",
        "  ",
    ]
)


@given(st.lists(_WORDS, max_size=40))
def test_sentences_always_cover_the_text_exactly(words: list[str]) -> None:
    text = " ".join(words)
    sentences = split_sentences(text)
    assert " ".join(sentences) == fold_whitespace(text)
    assert all(s and s == s.strip() for s in sentences)


# -- linear time: the splitter looks at positions, never at copies of what is before or after -----

#: The pattern for the end of a sentence before it was made linear: "..." or one mark, repeated.
_OLD_END = re.compile(r"(?:\.\.\.|[.!?…])+[”\"’'\)\]]*(?= )")
_OLD_WORD_BEFORE = re.compile(r"(\S*?)\.$")


def _old_split_paragraph(paragraph: str) -> list[str]:
    """split_paragraph as it was (slicing the text before and after every full stop), for comparison."""
    text = fold_whitespace(paragraph)
    if not text:
        return []
    found: list[str] = []
    start = 0
    for match in _OLD_END.finditer(text):
        end = match.end()
        following = text[end + 1 :]
        if not following or not sentences._STARTS.match(following):
            continue
        if (
            match.group(0)[0] == "."
            and match.group(0)[:3] != "..."
            and not _old_ends_here(text[: match.start() + 1], following)
        ):
            continue
        found.append(text[start:end])
        start = end + 1
    found.append(text[start:])
    return [s for s in found if s]


def _old_ends_here(before: str, following: str) -> bool:
    match = _OLD_WORD_BEFORE.search(before)
    word = (match.group(1) if match else "").lstrip("“\"‘'([")
    lower = word.lower()
    next_word = re.match(r"[“\"‘'(\[]*([A-Za-z0-9]*)", following)
    next_text = next_word.group(1) if next_word else ""
    if lower in table.TITLES or lower in table.NEVER_FINAL:
        return False
    if lower in table.BEFORE_NUMBER and next_text[:1].isdigit():
        return False
    if len(word) == 1 and word.isupper():
        return False
    if sentences._DOTTED.fullmatch(word):
        return next_text.lower() in table.OPENERS
    return True


_MARKS = st.text(alphabet=".!?…”\"’')] aA(", max_size=24)  # short: the old pattern is exponential in a run of "."


@given(_MARKS)
def test_the_end_pattern_finds_what_the_old_one_found(text: str) -> None:
    assert [m.span() for m in sentences._END.finditer(text)] == [m.span() for m in _OLD_END.finditer(text)]


_PIECES_OF_PARAGRAPHS = st.sampled_from(
    [
        "Mr.",
        "mr.",
        "Dr.",
        "No.",
        "no.",
        "Jan.",
        "10",
        "U.K.",
        "p.m.",
        "e.g.",
        "vs.",
        "A.",
        "B.",
        "£1.2m.",
        "2018-19",
        "The",
        "But",
        "it",
        "Police",
        "figures",
        "rose",
        "4.5",
        "...",
        "…",
        "!",
        "?",
        ".",
        "?!",
        "“Yes.”",
        "(",
        ")",
        "“",
        "”",
        "'",
        "‘",
        "’",
        "[",
        "]",
        '"',
        "said",
        "£",
        "$",
        "7",
        "\n",
        "  ",
        "\t",
        "\u00a0",
        "x.",
        "“Why?”",
    ]
)


@given(st.lists(st.tuples(_PIECES_OF_PARAGRAPHS, st.sampled_from([" ", "", " "])), max_size=50))
def test_sentences_are_the_ones_the_quadratic_splitter_found(pieces: list[tuple[str, str]]) -> None:
    paragraph = "".join(piece + gap for piece, gap in pieces)
    assume(not re.search(r"[.!?…]{13}", paragraph))  # the old pattern takes exponential time on a long run
    assert split_paragraph(paragraph) == _old_split_paragraph(paragraph)


def test_a_long_run_of_full_stops_is_read_at_once() -> None:
    """The old pattern tried every way of cutting a run of "." into "..." and "." (35 took 0.3 s, 60 hours)."""
    assert split_paragraph("Wait" + "." * 5_000 + "x") == ["Wait" + "." * 5_000 + "x"]
    assert split_paragraph("Wait" + "." * 5_000 + " Then") == ["Wait" + "." * 5_000, "Then"]
    assert split_paragraph("!?" * 5_000 + "x. Y") == ["!?" * 5_000 + "x.", "Y"]


def test_the_word_before_a_full_stop_is_read_once() -> None:
    """The old pattern for the word before a full stop tried every start in a long word (20,000 initials: minutes)."""
    small = "It rose. " + "A." * 200 + " Then it fell. The end."
    assert (
        split_paragraph(small) == _old_split_paragraph(small) == ["It rose.", "A." * 200 + " Then it fell.", "The end."]
    )
    initials = "A." * 20_000
    assert split_paragraph(f"It rose. {initials} Then it fell. The end.") == [
        "It rose.",
        initials + " Then it fell.",
        "The end.",
    ]
    assert split_paragraph(f"It rose. {initials} The end.") == ["It rose.", initials, "The end."]


_DATED_PIECES = st.sampled_from(
    ["10 November 2020", "Published:", "Updated:", "Tuesday", "2020-11-10", "Nov", "10:32", "GMT", "Text.", "It", ","]
)


@given(st.lists(st.tuples(_DATED_PIECES, st.sampled_from([" ", "\n", "\n\n", "  \n"])), max_size=20))
@example(  # a labelled dateline with a full stop after the date is still one sentence
    [
        ("10 November 2020", " "),
        ("10 November 2020", "\n"),
        ("Published:", " "),
        ("10 November 2020", " "),
        ("Text.", " "),
        ("10 November 2020", " "),
    ]
)
def test_an_article_with_a_dateline_is_still_covered_exactly(pieces: list[tuple[str, str]]) -> None:
    text = "".join(piece + gap for piece, gap in pieces)
    article = read_article(text)
    assert " ".join(s.text for s in article.sentences) == article_body(text)
    assert (article.dateline is None) or article.dateline in [s.text for s in article.sentences]
