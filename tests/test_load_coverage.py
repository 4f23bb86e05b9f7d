"""A claim's `stated` must be its sentence's own words (second edition, "Stated words are quoted").

Compared without regard to case, with white space folded and typographic quotes, apostrophes and
dashes read as ASCII; never by cutting a word or a number ("14%" is not a quote of "rose 214%").
"""

from __future__ import annotations

import string

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from factcheck.load import coverage as quoting
from factcheck.load.coverage import coverage_problem, fold, misquoted, quote_found
from factcheck.model.claims import Sentence
from factcheck.words.table import TYPOGRAPHIC


def found(stated: str, sentence: str) -> bool:
    return quote_found(fold(stated), fold(sentence))


# -- folding --------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("typed", "plain"),
    [
        ("‘", "'"),
        ("’", "'"),
        ("‚", "'"),
        ("‛", "'"),
        ("′", "'"),
        ("ʼ", "'"),
        ("＇", "'"),
        ("‹", "'"),
        ("›", "'"),
        ("“", '"'),
        ("”", '"'),
        ("„", '"'),
        ("‟", '"'),
        ("″", '"'),
        ("＂", '"'),
        ("«", '"'),
        ("»", '"'),
        ("\u2010", "-"),
        ("\u2011", "-"),
        ("\u2012", "-"),
        ("–", "-"),
        ("—", "-"),
        ("\u2015", "-"),
        ("−", "-"),
        ("\ufe63", "-"),
        ("\uff0d", "-"),
        ("\ufe58", "-"),
    ],
)
def test_each_typographic_mark_reads_as_its_ascii_form(typed: str, plain: str) -> None:
    assert fold(f"a{typed}b") == f"a{plain}b"
    assert found(f"it{plain}s 5{plain}6", f"So it{typed}s 5{typed}6 now.")


@pytest.mark.parametrize("invisible", ["\u00ad", "\u200b", "\u200c", "\u200d", "\u2060", "\ufeff"])
def test_invisible_characters_are_dropped(invisible: str) -> None:
    assert fold(f"1,4{invisible}05") == "1,405"
    assert found("1,405 offenders", f"There were 1,4{invisible}05 offenders.")


def test_the_table_is_what_the_docstring_lists() -> None:
    assert set(TYPOGRAPHIC.values()) == {"'", '"', "-", None}
    assert all(chr(code) not in string.printable for code in TYPOGRAPHIC)


def test_case_white_space_and_composed_characters_fold() -> None:
    assert fold("  ABOUT\u00a0214\n\tOffenders ") == "about 214 offenders"
    assert fold("Cafe\u0301") == fold("Café") == "café"
    assert found("STRASSE", "In der Straße.")


# -- words and numbers are never cut --------------------------------------------------------------

SENTENCE = "Some 1,405 offenders rose 214% (from 3.5 to −5%), £5bn almost all, up 2.5 percentage points in 2019-20."


@pytest.mark.parametrize(
    "stated",
    [
        "1,405",
        "1,405 offenders",
        "rose 214%",
        "214%",
        "214",
        "3.5",
        "−5%",
        "-5%",
        "£5bn",
        "5bn",
        "almost all",
        "2.5 percentage points",
        "percentage",
        "2019-20",
        "(from 3.5",
        "offenders rose",
        "SOME 1,405",
        "2019",
    ],
)
def test_a_quote_of_whole_words_is_found(stated: str) -> None:
    assert found(stated, SENTENCE)


@pytest.mark.parametrize(
    "stated",
    [
        "14%",  # from 214%: another number
        "21",  # from 214
        "405",  # from 1,405
        "1,40",
        "1,",  # the thousands separator of 1,405
        ",405",
        "1",
        ".5",  # from 3.5
        "3.",
        "5%",  # from −5%: the sign dropped
        "£5",  # from £5bn
        "most",  # from almost
        "2.5 percent",  # from 2.5 percentage
        "20",  # from 2019-20
        "ffenders",
    ],
)
def test_a_quote_that_cuts_a_word_or_a_number_is_not_found(stated: str) -> None:
    assert fold(stated) in fold(SENTENCE)  # the characters are there...
    assert not found(stated, SENTENCE)  # ...but not the words


def test_a_cut_occurrence_does_not_hide_a_whole_one() -> None:
    assert found("21", "It rose 214%, or 21 a week.")


# -- the message: the closest part of the sentence ---------------------------------------------------


@pytest.mark.parametrize(
    ("stated", "sentence", "message"),
    [
        (
            "about 210",
            "Some 214 offenders, about 214 in total.",
            "'about 210' is not in the sentence; the closest words are 'about 214'",
        ),
        (
            "higher than",
            "Crime here is lower than in the county.",
            "'higher than' is not in the sentence; the closest words are 'lower than'",
        ),
        (
            "up 10 per cent",
            "Pupils rose by 10 per cent, to 1,100.",
            "'up 10 per cent' is not in the sentence; the closest words are 'by 10 per cent,'",
        ),
        (
            "14%",
            "It rose 214% in a year.",
            "'14%' is in the sentence only as part of '214%': a quote may not cut a word or a number",
        ),
        (
            "most",
            "Almost all of them.",
            "'most' is in the sentence only as part of 'Almost': a quote may not cut a word or a number",
        ),
        ("below", "Crime here is up.", "'below' is not in the sentence, which reads 'Crime here is up.'"),
        ("1,405", "   ", "'1,405' is not in the sentence, which has no text"),
    ],
)
def test_a_misquote_quotes_the_closest_words(stated: str, sentence: str, message: str) -> None:
    assert not found(stated, sentence)
    assert misquoted(stated, sentence) == message


def test_the_closest_words_are_quoted_as_written() -> None:
    message = misquoted("THE Majority", "Crime fell: “the  minority” of cases.")
    assert message.endswith("the closest words are '“the minority”'")


def test_long_quotes_and_sentences_are_cut_in_the_message() -> None:
    message = misquoted("x" * 500, "y" * 500)
    assert len(message) < 300 and "…" in message


def test_the_closest_words_are_looked_for_in_bounded_time(monkeypatch: pytest.MonkeyPatch) -> None:
    # Structural: however long the sentence, the search sees its first _SEARCHED characters, in whole
    # words, and slides over them once.
    seen: list[int] = []
    words = quoting._sentence_words

    def spy(sentence: str) -> tuple[list[str], list[str]]:
        seen.append(len(sentence))
        return words(sentence)

    monkeypatch.setattr(quoting, "_sentence_words", spy)
    sentence = " ".join(f"w{i}" for i in range(1_000_000))
    assert misquoted("w12 w13 w1x", sentence).startswith("'w12 w13 w1x' is not in the sentence; the closest")
    assert seen and seen[0] <= quoting._SEARCHED
    assert sentence[seen[0]] == " "  # whole words: the part looked at ends where a word does


# -- the property ---------------------------------------------------------------------------------

_word = st.from_regex(r"[A-Za-zé]{1,8}", fullmatch=True)
_number = st.one_of(
    st.integers(0, 10**7).map(lambda n: f"{n:,}"),
    st.tuples(st.integers(0, 999), st.integers(0, 99)).map(lambda t: f"{t[0]}.{t[1]:02d}"),
    st.integers(1, 999).map(lambda n: f"{n}%"),
    st.integers(1, 999).map(lambda n: f"−{n}%"),
    st.integers(1, 99).map(lambda n: f"£{n}bn"),
    st.integers(2000, 2030).map(lambda y: f"{y}-{(y + 1) % 100:02d}"),
)
_punctuation = st.sampled_from([",", ".", ";", ":", "(", ")", "’", "'", "“", "”", '"', "–", "—", "-"])
_space = st.sampled_from([" ", "  ", "\n", "\t", "\u00a0", " \n "])


@st.composite
def _sentences(draw: st.DrawFn) -> tuple[str, list[tuple[int, int, bool]]]:
    """A sentence of unique words and numbers, with each token's (start, end, is a number)."""
    tokens = draw(
        st.lists(
            st.one_of(_word.map(lambda w: (w, False)), _number.map(lambda n: (n, True))),
            min_size=2,
            max_size=12,
            unique_by=lambda t: t[0].casefold(),
        )
    )
    text, spans = "", []
    for token, is_number in tokens:
        if text:
            text += draw(_space)
        if draw(st.integers(0, 3)) == 0:
            mark = draw(_punctuation)
            if not (is_number and mark in "-–—.'’"):  # a sign, a point or an apostrophe before a number is part of it
                text += mark
        spans.append((len(text), len(text) + len(token), is_number))
        text += token
        if draw(st.integers(0, 3)) == 0:
            text += draw(_punctuation)
    return text, spans


_SWAPS = {
    "'": "'’‘",
    "’": "'’‘",
    "‘": "'’‘",
    '"': '"“”',
    "“": '"“”',
    "”": '"“”',
    "-": "-–—−",
    "–": "-–—−",
    "—": "-–—−",
    "−": "-–—−",
}


@st.composite
def _retyped(draw: st.DrawFn, quote: str) -> str:
    """The quote re-cased, re-spaced, with its quotes and dashes typed another way."""
    out = []
    for char in quote:
        if char in _SWAPS:
            out.append(draw(st.sampled_from(_SWAPS[char])))
        elif char.isspace():
            out.append(draw(_space))
        elif char.isalpha():
            out.append(char.upper() if draw(st.booleans()) else char.lower())
        else:
            out.append(char)
    return draw(st.sampled_from(["", " ", "\n"])) + "".join(out) + draw(st.sampled_from(["", " "]))


@given(st.data(), _sentences())
def test_any_part_of_a_sentence_in_whole_words_is_found_however_it_is_typed(
    data: st.DataObject, sentence: tuple[str, list[tuple[int, int, bool]]]
) -> None:
    text, spans = sentence
    first = data.draw(st.integers(0, len(spans) - 1))
    last = data.draw(st.integers(first, len(spans) - 1))
    # from the start of a token (or the punctuation before it) to the end of one (or what follows it)
    start = data.draw(st.sampled_from(sorted({spans[first][0], max(0, spans[first][0] - 1)})))
    end = data.draw(st.sampled_from(sorted({spans[last][1], min(len(text), spans[last][1] + 1)})))
    quote = text[start:end]
    assume(fold(quote))
    assume(not (start < spans[first][0] and text[start].isalnum()))  # the character before is punctuation
    assume(not (end > spans[last][1] and text[end - 1].isalnum()))
    assert found(data.draw(_retyped(quote)), text)


@given(st.data(), _sentences())
def test_a_number_changed_in_a_quote_is_not_found(
    data: st.DataObject, sentence: tuple[str, list[tuple[int, int, bool]]]
) -> None:
    text, spans = sentence
    numbers = [i for i, span in enumerate(spans) if span[2]]
    assume(numbers)
    at = data.draw(st.sampled_from(numbers))
    # a quote of the number and a word beside it (the words are unique, so the quote is in one place)
    first, last = (at - 1, at) if (at > 0 and data.draw(st.booleans())) or at == len(spans) - 1 else (at, at + 1)
    start, end = spans[first][0], spans[last][1]
    number_start, number_end, _ = spans[at]
    number = text[number_start:number_end]
    digits = [i for i, char in enumerate(number) if char.isdigit()]
    how = data.draw(st.sampled_from(["digit", "drop first", "drop last", "append"]))
    if how == "digit":
        i = data.draw(st.sampled_from(digits))
        changed = (
            number[:i] + data.draw(st.sampled_from([d for d in string.digits if d != number[i]])) + number[i + 1 :]
        )
    elif how == "drop first":
        changed = number[: digits[0]] + number[digits[0] + 1 :]
    elif how == "drop last":
        changed = number[: digits[-1]] + number[digits[-1] + 1 :]
    else:
        changed = number[: digits[-1] + 1] + data.draw(st.sampled_from(string.digits)) + number[digits[-1] + 1 :]
    assume(any(char.isdigit() for char in changed))  # "0" dropped is no number changed, but a number left out
    quote = text[start:number_start] + changed + text[number_end:end]
    assert not found(quote, text), (quote, text)


# -- a look-alike character where the sentence differs from the article: pointed at --------------------------


@pytest.mark.parametrize(
    ("mine", "theirs", "said"),
    [
        ("'", "\u2019", "the claims file has ' (U+0027) where the article has \u2019 (U+2019)"),
        ('"', "\u201c", 'the claims file has " (U+0022) where the article has \u201c (U+201C)'),
        ("-", "\u2013", "the claims file has - (U+002D) where the article has \u2013 (U+2013)"),
        ("\u2014", "-", "the claims file has \u2014 (U+2014) where the article has - (U+002D)"),
        ("5", "\uff15", "the claims file has 5 (U+0035) where the article has \uff15 (U+FF15)"),
    ],
)
def test_a_look_alike_character_is_named_with_its_code_point(mine: str, theirs: str, said: str) -> None:
    article = f"Title\n\nThe council{theirs}s budget rose by 5 per cent."
    sentences = [Sentence("Title", index=0), Sentence(f"The council{mine}s budget rose by 5 per cent.", index=1)]
    found = coverage_problem(article, sentences)
    assert found is not None
    message, sentence = found
    assert sentence is sentences[1]
    assert message.startswith(f"sentence 2 does not match the article text; {said}, at: ")
    assert f"council{theirs}s budget" in message  # the article's words around it, as the article has them


def test_an_invisible_character_is_named() -> None:
    article = "Title\n\nThe budget\u200b rose."
    found = coverage_problem(article, [Sentence("Title", index=0), Sentence("The budget rose.", index=1)])
    assert found is not None
    assert "the article has an invisible U+200B (ZERO WIDTH SPACE)" in found[0]


def test_a_different_word_is_quoted_as_before() -> None:
    article = "Title\n\nThe budget fell by 5 per cent."
    found = coverage_problem(article, [Sentence("Title", index=0), Sentence("The budget rose by 5 per cent.", index=1)])
    assert found is not None
    assert (
        found[0] == "sentence 2 does not match the article text; the article has here: 'The budget fell by 5 per cent.'"
    )
