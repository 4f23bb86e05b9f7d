"""Whether a claims file accounts for its article, sentence by sentence and quote by quote.

The sentences, joined with spaces, must be the article's text (white space folded, a first line
`date YYYY-MM-DD` aside): `coverage_problem`. A sentence with neither a claim nor a `check` is a
coverage gap: `coverage_gaps`. And each claim's `stated` words must be its sentence's own (if
not, the sentence's closest words are quoted): `quote_found`, `misquoted`.

The claims format (second edition, "Stated words are quoted"): `stated` must be found in its
sentence's text, compared without regard to case, with white space folded to single spaces and
typographic quotes, apostrophes and dashes read as their ASCII forms. So the claims file cannot put
words in the article's mouth ("about 210" for a sentence that says "about 214").

A quote may start or end anywhere in the sentence except inside a word or a number: "14%" is not
found in "rose 214%", "most" not in "almost all", "£5" not in "£5bn", "5%" not in "-5%", "2.5
percent" not in "2.5 percentage points". Each is the article's characters but not its words, and
read as a claim it means something else.

`quote_found` runs for every claim of every file, so it is a fold (`lower` and a split for ASCII
text; `casefold`, NFC and a `translate` only where a typographic mark is found, for any other) and
a substring search, with a closer look at the ends only where they are not spaces. The closest
words are looked for only when a quote is not found, in time linear in the sentence's length.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Sequence
from typing import Final

from factcheck.model.claims import Gap, Sentence
from factcheck.words.table import STATES_A_NUMBER, TYPOGRAPHIC

__all__ = [
    "article_body",
    "coverage_gaps",
    "coverage_problem",
    "fold",
    "fold_whitespace",
    "misquoted",
    "quote_found",
    "quote_start",
    "strip_date_line",
]

#: Any character of TYPOGRAPHIC.
_MARKED: Final = re.compile("[" + "".join(map(chr, TYPOGRAPHIC)) + "]")
#: Characters that continue a number after a digit when a digit follows them ("1,405", "3.5").
_INSIDE_NUMBER: Final = ",."
#: Characters that belong to the number after them: a sign ("-5%", "+3"), a decimal point (".5"),
#: a hyphen joining two numbers ("2019-20").
_BEFORE_NUMBER: Final = "-+."
#: The longest quote shown in a message.
_SHOWN: Final = 80
#: A misquote is explained from the sentence's first this many characters (whole words): a bound on
#: the time and memory a hostile sentence of millions of words can cost a message.
_SEARCHED: Final = 100_000


def fold(text: str) -> str:
    """The text as quotes are compared: case folded, typographic marks read as ASCII, white space folded.

    Also in Unicode's composed form (NFC), so that "é" typed as one character or as two is one.
    """
    if text.isascii():
        return " ".join(text.lower().split())
    text = text.casefold()
    if _MARKED.search(text) is not None:  # a scan in C; `translate` looks every character up (3x slower)
        text = text.translate(TYPOGRAPHIC)
    return " ".join(unicodedata.normalize("NFC", text).split())


def quote_found(quote: str, sentence: str) -> bool:
    """Whether the folded `quote` occurs in the folded `sentence` without cutting a word or a number."""
    return quote_start(quote, sentence) != -1


def quote_start(quote: str, sentence: str) -> int:
    """Where the folded `quote` first occurs in the folded `sentence` without cutting a word or a number
    (-1: nowhere); the HTML report marks the stated words there."""
    start = sentence.find(quote)
    size, length = len(quote), len(sentence)
    while start != -1:
        end = start + size
        # the usual quote is bounded by spaces or the sentence's ends: clean without a closer look
        if ((start == 0 or sentence[start - 1] == " ") and (end == length or sentence[end] == " ")) or (
            _clean_start(quote, sentence, start) and _clean_end(quote, sentence, end)
        ):
            return start
        start = sentence.find(quote, start + 1)
    return -1


def _clean_start(quote: str, sentence: str, start: int) -> bool:
    """Whether a quote that starts at `start` starts a word or a number of the sentence (or none)."""
    if start == 0 or not quote:
        return True
    before, first = sentence[start - 1], quote[0]
    if first.isalnum() and before.isalnum():
        return False  # "14%" from "214%", "most" from "almost"
    if first.isdigit():
        if before in _BEFORE_NUMBER:
            return False  # "5%" from "-5%", "5" from ".5", "20" from "2019-20"
        if before in _INSIDE_NUMBER and start >= 2 and sentence[start - 2].isdigit():
            return False  # "405" from "1,405"
    # ".5" from "10.5"
    return not (first in _INSIDE_NUMBER and before.isdigit() and len(quote) > 1 and quote[1].isdigit())


def _clean_end(quote: str, sentence: str, end: int) -> bool:
    """Whether a quote that ends at `end` ends a word or a number of the sentence (or none)."""
    if end == len(sentence) or not quote:
        return True
    after, last = sentence[end], quote[-1]
    if last.isalnum() and after.isalnum():
        return False  # "21" from "214", "£5" from "£5bn", "percent" from "percentage"
    if last.isdigit() and after in _INSIDE_NUMBER and end + 1 < len(sentence) and sentence[end + 1].isdigit():
        return False  # "1" from "1,405", "3" from "3.5"
    # "1," from "1,405"
    return not (last in _INSIDE_NUMBER and after.isdigit() and len(quote) > 1 and quote[-2].isdigit())


def misquoted(stated: str, sentence: str) -> str:
    """Why `stated` is not a quote of the sentence, quoting the sentence's closest words (for a problem's message).

    Runs only when a quote is not found, in time linear in the sentence's length (and bounded: only
    its first `_SEARCHED` characters are looked at); the folded sentence's words are matched to the
    written ones by position, not folded one by one.
    """
    shown = _quoted(stated.strip())
    if len(sentence) > _SEARCHED:
        sentence = sentence[:_SEARCHED].rsplit(None, 1)[0]  # whole words only
    written, folded = _sentence_words(sentence)
    if not written:
        return f"{shown} is not in the sentence, which has no text"
    part = _part_of_word(fold(stated), written, " ".join(folded))
    if part is not None:
        return f"{shown} is in the sentence only as part of {_quoted(part)}: a quote may not cut a word or a number"
    closest = _closest_words(fold(stated), written, folded)
    if closest is None:
        return f"{shown} is not in the sentence, which reads {_quoted(' '.join(written))}"
    return f"{shown} is not in the sentence; the closest words are {_quoted(closest)}"


def _sentence_words(sentence: str) -> tuple[list[str], list[str]]:
    """The sentence's words as written and as folded, position by position (words that fold to nothing left out)."""
    written = sentence.split()
    folded = fold(sentence).split(" ") if written else []
    if len(folded) != len(written):  # a word of invisible characters only: fold word by word
        kept = [(word, fold(word)) for word in written]
        written = [word for word, folded_word in kept if folded_word]
        folded = [folded_word for _, folded_word in kept if folded_word]
    return written, folded


def _part_of_word(quote: str, written: list[str], folded_text: str) -> str | None:
    """The written words around the first place the (folded) quote occurs in the folded sentence, if it does."""
    start = folded_text.find(quote) if quote else -1
    if start == -1:
        return None
    first = folded_text.count(" ", 0, start)
    last = folded_text.count(" ", 0, start + len(quote) - 1)
    return " ".join(written[first : last + 1])


def _closest_words(quote: str, written: list[str], folded: list[str]) -> str | None:
    """The run of written words most like the (folded) quote; None when no run shares a character pair with it.

    Every run of as many words as the quote has is scored by the character pairs it shares with the
    quote (Dice's coefficient over bigrams, each word padded with a space); the first best run wins. The window slides a word at a time, adding one word's pairs
    and dropping another's; only pairs the quote has are counted one by one, the rest by length.
    """
    wanted: Counter[str] = Counter()
    for word in quote.split():
        wanted.update(_pairs(word))
    size = max(1, min(len(folded), len(quote.split())))
    known: dict[str, tuple[str, ...]] = {}
    relevant = []
    for word in folded:
        pairs = known.get(word)
        if pairs is None:
            pairs = known[word] = tuple(pair for pair in _pairs(word) if pair in wanted)
        relevant.append(pairs)
    have: Counter[str] = Counter()
    shared = total = 0
    wanted_total = wanted.total()
    best, best_at = 0.0, None
    for index, word in enumerate(folded):
        for pair in relevant[index]:
            if have[pair] < wanted[pair]:
                shared += 1
            have[pair] += 1
        total += len(word) + 1
        if index >= size:
            for pair in relevant[index - size]:
                have[pair] -= 1
                if have[pair] < wanted[pair]:
                    shared -= 1
            total -= len(folded[index - size]) + 1
        if index >= size - 1 and shared:
            score = 2 * shared / (total + wanted_total)
            if score > best:
                best, best_at = score, index - size + 1
    return None if best_at is None else " ".join(written[best_at : best_at + size])


def _pairs(word: str) -> list[str]:
    padded = f" {word} "
    return [padded[i : i + 2] for i in range(len(padded) - 1)]


def _quoted(text: str) -> str:
    """Text for a message, quoted, cut to a readable length."""
    return repr(text if len(text) <= _SHOWN else text[: _SHOWN - 1] + "…")


# -- the article's text ------------------------------------------------------------------------

_DATE_LINE: Final = re.compile(r"^\s*date\s+(\d{4}-\d{2}-\d{2})\b")
#: A digit or a word that states a number (`table.STATES_A_NUMBER`): a sentence with one needs a claim.
_HAS_NUMBER: Final = re.compile(r"\d|\b(?:" + "|".join(STATES_A_NUMBER) + r")\b", re.IGNORECASE)


def fold_whitespace(text: str) -> str:
    return " ".join(text.split())


def article_body(text: str) -> str:
    """The article's text without a first-line `date YYYY-MM-DD` (metadata), whitespace folded."""
    return fold_whitespace(strip_date_line(text)[1])


def strip_date_line(text: str) -> tuple[str | None, str]:
    """(the date as written, the rest) for a text that starts `date YYYY-MM-DD`; (None, text) otherwise."""
    match = _DATE_LINE.match(text)
    if match is None:
        return None, text
    return match.group(1), text[match.end() :]


def coverage_problem(article_text: str, sentences: Sequence[Sentence]) -> tuple[str, Sentence | None] | None:
    """Where the sentences, joined with spaces, stop being the article's text (white space folded).

    (the problem, the sentence it is at; None past the last sentence), or None when they are the text.
    """
    body = article_body(article_text)
    position = 0
    for sentence in sentences:
        piece = fold_whitespace(sentence.text)
        if not piece:
            continue
        prefix = " " if position else ""
        if body.startswith(prefix + piece, position):
            position += len(prefix + piece)
            continue
        here = body[position + len(prefix) :]
        expected = here[:80]
        lookalike = _lookalike(piece, here)
        return (
            f"sentence {sentence.index + 1} does not match the article text; {lookalike}"
            if lookalike is not None
            else f"sentence {sentence.index + 1} does not match the article text; the article has here: {expected!r}"
            if expected
            else f"sentence {sentence.index + 1} is not in the article text (the article ends before it)"
        ), sentence
    if position < len(body):
        rest = body[position:].strip()
        return f"the sentences do not cover the end of the article text; it goes on: {rest[:80]!r}", None
    return None


def _lookalike(sentence: str, article: str) -> str | None:
    """Where the sentence differs from the article only by a look-alike character (a straight quote for a curly
    one, a hyphen for a dash), the two characters named, and the article's words around them; else None.

    A reader cannot see the difference, so the message points at it: "the claims file has ' (U+0027) where
    the article has ’ (U+2019), at: …".
    """
    at = next((i for i, (mine, theirs) in enumerate(zip(sentence, article, strict=False)) if mine != theirs), None)
    if at is None:
        return None
    mine, theirs = sentence[at], article[at]
    context = f"at: {article[max(0, at - 30) : at + 30]!r}"
    if not _plain(theirs):
        return f"the article has an invisible U+{ord(theirs):04X} ({unicodedata.name(theirs, 'no name')}) {context}"
    if not _plain(mine):
        return f"the claims file has an invisible U+{ord(mine):04X} ({unicodedata.name(mine, 'no name')}) {context}"
    if _plain(mine) != _plain(theirs):
        return None
    return f"the claims file has {mine} (U+{ord(mine):04X}) where the article has {theirs} (U+{ord(theirs):04X}), {context}"


def _plain(character: str) -> str:
    """A character as a reader sees it: typographic marks as their ASCII forms, compatibility forms composed."""
    return unicodedata.normalize("NFKC", character).translate(TYPOGRAPHIC)


def coverage_gaps(sentences: Sequence[Sentence]) -> list[Gap]:
    """The sentences the file does not account for: no claim and no `check` saying why."""
    gaps = []
    for sentence in sentences:
        if sentence.claims or sentence.check is not None:
            continue
        if _HAS_NUMBER.search(sentence.text):
            message = f"sentence {sentence.index + 1} states a number but has no claim and no `check`"
        else:
            message = f"sentence {sentence.index + 1} has no claims and no `check` saying why"
        gaps.append(Gap(message, sentence.location))
    return gaps
