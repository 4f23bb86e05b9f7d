"""Drafts a claims file from an article: every sentence, every number phrase a typed draft claim.

A number phrase is a number (in digits or words), a fraction ("a fifth"), a proportion ("the vast
majority") or a multiple ("doubled"), widened to the words that belong to it: a currency sign, a
hedge ("more than"), a unit ("per cent", "percentage points"), a rate's "for every 1,000 people",
"one in every N", "N times", and a direction ("up", "fell by", "a rise of", "254 more"). Its kind
is guessed from those words: a direction makes a change (per cent), a point change (points) or a
difference (a count or an amount); "per cent of" a share; and so on. Years, dates, labels ("year
7", "level two"), compound adjectives ("11-year-olds") and a bare "one" are not number phrases.
Comparison words that stand on their own ("above the England average") become comparisons.

Drafting takes time proportional to the article's length: the words around a number are read
where they are (a few characters each way), never by searching the whole text before or after
it, and what a comparison's hints need is kept as the article is read (bench/scaling.py).

The inputs of a draft claim are placeholders: "?" or "?HINT" (a name the draft thinks likely).
`factcheck check` reports such a claim as `unchecked` ("draft: fill in …") and `--strict` fails
on it, so a draft never passes as checked. Sentences with no number get a guessed `check`.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from bisect import bisect_left
from collections.abc import Iterable
from fractions import Fraction
from typing import Final

import attrs

from factcheck.drafting.sentences import ArticleText, read_article
from factcheck.errors import PhraseError
from factcheck.model.claims import PLACEHOLDER
from factcheck.model.kinds import INPUTS, Kind
from factcheck.words.stated import Token, TokenType, parse_stated, scan
from factcheck.words.table import (
    ARTICLES,
    AS_MANY_WORDS,
    COMPARATORS,
    COMPARED_NEXT,
    COMPARED_WITH,
    DEFINITION_WORDS,
    DIRECTION_LINKS,
    DIRECTIONS,
    DIRECTIONS_AFTER,
    EXTRA_WORDS,
    FORECAST_WORDS,
    HEDGED_DIRECTIONS_AFTER,
    IN_EVERY_WORDS,
    LABEL_WORDS,
    MONTHS,
    MULTIPLES,
    NOT_A_RATE_AFTER,
    NOUN_DIRECTIONS,
    NOUN_STOP,
    NUMBER_WORDS,
    OPINION_WORDS,
    ORDINALS,
    PARTICLE_DIRECTIONS,
    PARTICLE_VERBS,
    PER_ONE_WORDS,
    RATE_STOP,
    RATIO_AFTER,
    SHARE_PARTICLES,
    SHARE_VERBS,
    WEAK_COMPARATORS,
)

__all__ = [
    "INPUT_FIELDS",
    "Draft",
    "DraftClaim",
    "DraftSentence",
    "draft_article",
    "draft_sentence",
    "guess_check",
]

#: The input fields of each kind (as in the claims file), all placeholders in a draft.
INPUT_FIELDS: Final[dict[str, tuple[str, ...]]] = {kind: INPUTS[kind] for kind in Kind if kind is not Kind.FORMULA}

_T = TokenType
_QUANTITY: Final = (_T.NUMBER, _T.FRACTION, _T.PROPORTION, _T.MULTIPLE)
_SHARE_VERB_PATTERN: Final = re.compile(r"\b(?:" + "|".join(SHARE_VERBS) + r")(?:\s+up|\s+for)?\s*$")
#: How far before a number a share verb can start: the longest verb, and a character to see its word boundary.
_SHARE_VERB_REACH: Final = max(map(len, SHARE_VERBS)) + 1
#: The next word after a comparison word is one of `COMPARED_NEXT` (commas around it aside).
_COMPARED_NEXT_WORD: Final = re.compile(r"\s*,*(?:" + "|".join(sorted(COMPARED_NEXT)) + r"),*(?!\S)")
_QUOTE_MARKS: Final = re.compile(r"[“”\"]|(?:^|\s)‘")


def _any_of(phrases: Iterable[str]) -> re.Pattern[str]:
    """A pattern for any of the phrases as whole words, in any case."""
    alternatives = sorted(phrases, key=len, reverse=True)
    return re.compile(r"\b(?:" + "|".join(map(re.escape, alternatives)) + r")\b", re.IGNORECASE)


_FORECAST: Final = _any_of(FORECAST_WORDS)
_OPINION: Final = _any_of(OPINION_WORDS)
_DEFINITION: Final = _any_of(DEFINITION_WORDS)


@attrs.frozen
class DraftClaim:
    """A claim as drafted: its kind, the article's words, and its (placeholder) fields."""

    id: str
    kind: str
    stated: str
    span: tuple[int, int]  # where `stated` is in the sentence
    fields: tuple[tuple[str, object], ...] = ()  # ("from", "?"), ("per", 1000), …


@attrs.frozen
class DraftSentence:
    text: str
    claims: tuple[DraftClaim, ...] = ()
    check: str | None = None


@attrs.frozen
class Draft:
    """A whole draft claims file."""

    title: str
    published: dt.date
    sentences: tuple[DraftSentence, ...]
    text: str | None = None  # the article's path, relative to the claims file
    source: str | None = None  # the article's file name, for the header comment

    def claims(self) -> list[DraftClaim]:
        return [claim for sentence in self.sentences for claim in sentence.claims]


def draft_article(
    text: str, *, today: dt.date | None = None, text_path: str | None = None, source: str | None = None
) -> Draft:
    """The draft claims file for an article's whole text."""
    article = read_article(text)
    return _draft(article, today=today, text_path=text_path, source=source)


def _draft(article: ArticleText, *, today: dt.date | None, text_path: str | None, source: str | None) -> Draft:
    sentences: list[DraftSentence] = []
    used: set[str] = set()
    for number, span in enumerate(article.sentences, start=1):
        sentence = draft_sentence(span.text, number, used)
        sentences.append(sentence)
    sentences = _hint_comparisons(sentences)
    title = article.sentences[0].text.rstrip(".") if article.sentences else "Untitled"
    published = article.date or today or dt.date.today()
    return Draft(title, published, tuple(sentences), text_path, source)


# -- one sentence -----------------------------------------------------------------------------


@attrs.define
class _Phrase:
    start: int  # token indices, inclusive
    end: int
    kind: str = Kind.VALUE
    per: Fraction | None = None
    char_end: int | None = None  # when the phrase ends inside its last token ("more" of "more than")


def draft_sentence(text: str, number: int = 1, used: set[str] | None = None) -> DraftSentence:
    """The draft of one sentence: a claim per number phrase, or a guessed `check`."""
    ids = _Ids(number, set() if used is None else used)
    tokens = scan(text)
    phrases = _phrases(text, tokens)
    rate_per = next((p.per for p in phrases if p.kind == Kind.RATE and p.per is not None), None)
    if rate_per is not None and not _writable(rate_per):
        rate_per = None  # a "per" no claims file could hold is no rate to copy
    stated_per = {id(p): p.per for p in phrases if p.kind == Kind.RATE and p.per == 1}
    claims: list[DraftClaim] = []
    for phrase in phrases:
        start = tokens[phrase.start].span[0]
        end = phrase.char_end if phrase.char_end is not None else tokens[phrase.end].span[1]
        while end < len(text) and text[end].isalnum() and text[end - 1].isalnum():
            end += 1  # a quote may not end inside a word (claimsfile): "45p", not "45"
        kind = phrase.kind
        fields: list[tuple[str, object]] = []
        if kind == Kind.VALUE and rate_per is not None and _bare_after_of(text, tokens, phrase):
            kind = Kind.RATE  # "above the England average of 19": a rate like the sentence's own
            fields.append(("per", rate_per))
        elif id(phrase) in stated_per:
            fields.append(("per", 1))  # "19.4 journeys for every person": the words stop before "for every"
        stated = text[start:end]
        kind = _readable(stated, kind)
        claims.append(
            DraftClaim(
                ids.new(kind),
                kind,
                stated,
                (start, end),
                tuple([(f, PLACEHOLDER) for f in INPUT_FIELDS[kind]] + fields),
            )
        )
    claims.extend(_comparisons(text, tokens, phrases, ids))
    claims.sort(key=lambda c: c.span)
    check = None if claims else guess_check(text)
    return DraftSentence(text, tuple(claims), check)


#: The largest integer a TOML file holds (a signed 64-bit one).
_TOML_INTEGER: Final = 2**63 - 1


def _writable(per: Fraction) -> bool:
    """Whether a claims file can hold `per` as a number: a TOML integer, or a float that is not infinite."""
    return abs(per) <= _TOML_INTEGER


def guess_check(text: str) -> str:
    """Why a sentence with no number has nothing to recompute: quote, forecast, opinion, definition or context."""
    if _QUOTE_MARKS.search(text):
        return "quote"
    if _FORECAST.search(text):
        return "forecast"
    if _DEFINITION.search(text):
        return "definition"
    if _OPINION.search(text):
        return "opinion"
    return "context"


class _Ids:
    """New claim ids for sentence `number`: "s3-value", "s3-value-2", …, none of them in `used`.

    Each kind counts on from its last id (names are only ever added to `used`, so every number
    below it is taken): a sentence of a thousand values does not try a thousand names for each.
    """

    def __init__(self, number: int, used: set[str]) -> None:
        self.number = number
        self.used = used
        self.next: dict[str, int] = {}

    def new(self, kind: str) -> str:
        base = f"s{self.number}-{kind.replace('_', '-')}"
        n = self.next.get(base, 1)
        name = base if n == 1 else f"{base}-{n}"
        while name in self.used:
            n += 1
            name = f"{base}-{n}"
        self.used.add(name)
        self.next[base] = n + 1
        return name


def _readable(stated: str, kind: str) -> str:
    """The guessed kind if the stated words read as it; else the first kind they read as."""
    for candidate in (kind, Kind.VALUE, Kind.CHANGE, Kind.SHARE, Kind.RATIO):
        try:
            parse_stated(stated, candidate)
        except PhraseError:
            continue
        return candidate
    return kind


def _gap(text: str, left: Token, right: Token) -> str:
    return text[left.span[1] : right.span[0]]


def _adjacent(text: str, left: Token, right: Token) -> bool:
    return _gap(text, left, right).strip() == ""


def _word_at(tokens: list[Token], i: int) -> str:
    return tokens[i].text if 0 <= i < len(tokens) else ""


def _is_quantity(text: str, tokens: list[Token], i: int) -> bool:
    """Whether token i is the head of a number phrase (not a year, a date, a label or a pronoun)."""
    tok = tokens[i]
    if tok.type is _T.NUMBER:
        return _is_number_quantity(text, tokens, i)
    if tok.type is _T.FRACTION:
        return _word_at(tokens, i - 1) not in ORDINALS  # not "the first half"
    if tok.type is _T.PROPORTION:
        if tok.text == "most":
            return _word_at(tokens, i + 1) == "of" or tokens[i].span[0] == 0
        return True
    return tok.type is _T.MULTIPLE


def _is_number_quantity(text: str, tokens: list[Token], i: int) -> bool:
    """Whether the number at i is a quantity, and not part of a year, a name, a time, a label, a date or a range.

    The text around the number is looked at where it is, a few characters each way, never copied: a
    sentence of any length costs its length once, not once per number.
    """
    tok = tokens[i]
    assert tok.numeral is not None
    raw = text[tok.span[0] : tok.span[1]]
    small = _small_whole(raw)
    return not (
        _is_a_year(text, tokens, i, raw)
        or _is_in_a_name_or_time(text, tok.span, raw)
        or _is_a_label(tokens, i, small)
        or _is_a_date(tokens, i, small)
        or _ends_a_range(text, tok.span[0], raw)
        or _is_a_bare_one(tokens, i)
    )


def _is_a_year(text: str, tokens: list[Token], i: int, raw: str) -> bool:
    """ "in 2019", but not "2,019 offences", "£2019" or "more than 2019"."""
    before = tokens[i - 1] if i > 0 else None
    priced = before is not None and before.type in (_T.CURRENCY, _T.HEDGE) and _adjacent(text, before, tokens[i])
    return bool(_YEAR.match(raw.replace(",", "x"))) and not _unit_follows(tokens, i) and not priced


def _is_in_a_name_or_time(text: str, span: tuple[int, int], raw: str) -> bool:
    """ "Covid-19", "A14", "11-year-olds", "24-hour"; "1st", "10am", "5 pm"; "10:30", "1/2"."""
    start, end = span
    if _LETTER_BEFORE.search(text, max(0, start - 3), start) or _DASH_LETTER.match(text, end):
        return True
    word_after = _space_after(text, end)
    if _ORDINAL_OR_TIME.match(text[word_after : word_after + 4].lower()) and not raw.isalpha():
        return True
    return bool(_SEPARATOR_DIGIT.match(text, end) or _DIGIT_SEPARATOR_BEFORE.search(text, max(0, start - 3), start))


def _is_a_label(tokens: list[Token], i: int, small: int | None) -> bool:
    """ "year 7", "level two": a small number after a label word, with no unit after it."""
    labelled = small is not None or tokens[i].text in NUMBER_WORDS
    return labelled and _word_at(tokens, i - 1) in LABEL_WORDS and not _unit_follows(tokens, i)


def _is_a_date(tokens: list[Token], i: int, small: int | None) -> bool:
    """ "April 16", "16 April"."""
    return (
        small is not None and small <= 31 and (_word_at(tokens, i - 1) in MONTHS or _word_at(tokens, i + 1) in MONTHS)
    )


def _ends_a_range(text: str, start: int, raw: str) -> bool:
    """The end of a range: "2024-25", "10-12"."""
    return raw.startswith("-") and _DIGIT_BEFORE.search(text, max(0, start - 2), start) is not None


def _is_a_bare_one(tokens: list[Token], i: int) -> bool:
    """ "one night", "every one of them", "a week": one with no unit after it is no quantity."""
    return (tokens[i].text == "one" or tokens[i].text in ARTICLES) and not _unit_follows(tokens, i)


_YEAR: Final = re.compile(r"-?(?:19|20)\d\d$")
# Each pattern below that ends in `$` is searched only in the few characters before a number
# (`pos`, `endpos`): it can match nothing longer, so the answer is the one the whole text before
# it would give.
_LETTER_BEFORE: Final = re.compile(r"[A-Za-z]-?$")
_DASH_LETTER: Final = re.compile(r"-[A-Za-z]")
_ORDINAL_OR_TIME: Final = re.compile(r"(?:st|nd|rd|th|am|pm|a\.m|p\.m)\b")
_SEPARATOR_DIGIT: Final = re.compile(r"[:/]\d")
_DIGIT_SEPARATOR_BEFORE: Final = re.compile(r"\d[:/]$")
_DIGIT_BEFORE: Final = re.compile(r"\d$")
#: Labels and days are numbers up to this: "year 7", "April 16".
_SMALL: Final = 100


def _small_whole(raw: str) -> int | None:
    """The value of a run of digits when it is at most 100 (a label's or a day's number); else None.

    Only the last three digits are converted: int() refuses a run of 4,301 digits or more, and a
    long run is never small unless every digit before those three is a zero.
    """
    if not raw.isdigit() or any(unicodedata.digit(c) for c in raw[:-3]):
        return None
    value = int(raw[-3:])
    return value if value <= _SMALL else None


def _unit_follows(tokens: list[Token], i: int) -> bool:
    nxt = tokens[i + 1].type if i + 1 < len(tokens) else None
    return nxt in (_T.PERCENT, _T.POINTS, _T.PER, _T.IN, _T.TIMES) or (nxt is _T.NUMWORD)


def _phrases(text: str, tokens: list[Token]) -> list[_Phrase]:
    phrases: list[_Phrase] = []
    taken = -1
    first_number = next((k for k, tok in enumerate(tokens) if tok.type is _T.NUMBER), len(tokens))
    for i, tok in enumerate(tokens):
        if i <= taken or tok.type not in _QUANTITY or not _is_quantity(text, tokens, i):
            continue
        phrase = _grow(text, tokens, i, first_number)
        if phrases and phrase.start <= phrases[-1].end:
            phrase.start = phrases[-1].end + 1
        taken = phrase.end
        phrases.append(phrase)
    return phrases


def _grow(text: str, tokens: list[Token], head: int, first_number: int) -> _Phrase:
    """The number phrase around a quantity token, with its kind guessed from its words.

    `first_number`: the index of the sentence's first number token (a share may follow a count).
    """
    tok = tokens[head]
    phrase = _Phrase(head, head)
    unit = None
    if tok.type is _T.NUMBER:
        whole = _k_in_n(text, tokens, phrase)
        if whole is not None:
            return whole
        unit = _unit_after(text, tokens, phrase)
        if unit is None:
            rate = _rate(text, tokens, phrase)
            if rate is not None:
                return rate
    elif tok.type is _T.MULTIPLE:
        _take_as_many(tokens, phrase)
    phrase = _widen_left(text, tokens, phrase)
    direction = _direction_before(tokens, phrase) or _direction_after(text, tokens, phrase)
    phrase.kind = _guessed_kind(text, tokens, phrase, tok, unit, direction, first_number)
    if unit is _T.TIMES:  # "three times": from the number, or a hedge or currency sign before it
        phrase.start = max(
            phrase.start,
            next(k for k in range(phrase.start, head + 1) if k == head or tokens[k].type in (_T.HEDGE, _T.CURRENCY)),
        )
    return phrase


def _k_in_n(text: str, tokens: list[Token], phrase: _Phrase) -> _Phrase | None:
    """ "one in five", "3 in 10", "one in every 769 households": a one in N or a share, whole; None if not."""
    head, n = phrase.start, len(tokens)
    j = head + 1
    if not (
        j + 1 < n
        and _adjacent(text, tokens[head], tokens[j])
        and _adjacent(text, tokens[j], tokens[j + 1])
        and tokens[j + 1].type is _T.NUMBER
        and (tokens[j].type is _T.IN or (tokens[j].type is _T.PER and tokens[j].text in IN_EVERY_WORDS))
    ):
        return None
    k_numeral, n_numeral = tokens[head].numeral, tokens[j + 1].numeral
    assert k_numeral is not None and n_numeral is not None
    k_value, n_value = k_numeral.value, n_numeral.value
    n_raw = text[tokens[j + 1].span[0] : tokens[j + 1].span[1]]
    year = re.fullmatch(r"(?:19|20)\d\d", n_raw) is not None and tokens[j].type is _T.IN  # "1 in 2019"
    if not (
        0 < k_value < n_value
        and k_value.denominator == 1
        and not year
        and (head == 0 or tokens[head - 1].type is not _T.CURRENCY)
    ):
        return None
    phrase.end = j + 1
    phrase.kind = Kind.ONE_IN if k_value == 1 else Kind.SHARE
    if phrase.kind == Kind.ONE_IN:  # "one in every 769 households", as the format writes it
        phrase.end = _noun_after(text, tokens, phrase.end)
    return _widen_left(text, tokens, phrase)


def _unit_after(text: str, tokens: list[Token], phrase: _Phrase) -> TokenType | None:
    """The unit right after the number ("per cent", "points", "times"), taken into the phrase; None if none."""
    j = phrase.end + 1
    if (
        j < len(tokens)
        and _adjacent(text, tokens[phrase.end], tokens[j])
        and tokens[j].type in (_T.PERCENT, _T.POINTS, _T.TIMES)
    ):
        phrase.end = j
        return tokens[j].type
    return None


def _rate(text: str, tokens: list[Token], phrase: _Phrase) -> _Phrase | None:
    """ "122 offenders for every 100,000 people": a rate, whole; None if the number is none."""
    tail = _rate_tail(text, tokens, phrase.start)
    if tail is None:
        return None
    phrase.end, phrase.per = tail
    phrase.kind = Kind.RATE
    if tokens[phrase.end].type is _T.NUMBER:
        phrase.end = _noun_after(text, tokens, phrase.end)
    return _widen_left(text, tokens, phrase)


def _take_as_many(tokens: list[Token], phrase: _Phrase) -> None:
    """ "twice as many", "three times as likely": the multiple takes "as" and its word."""
    j = phrase.end + 1
    if j + 1 < len(tokens) and tokens[j].text == "as" and tokens[j + 1].text in AS_MANY_WORDS:
        phrase.end = j + 1


def _guessed_kind(
    text: str,
    tokens: list[Token],
    phrase: _Phrase,
    head: Token,
    unit: TokenType | None,
    direction: bool,
    first_number: int,
) -> str:
    """The kind the phrase's words call for: its head's (a multiple, a fraction, a proportion), its unit's, a
    direction's, or a share's ("35 per cent of")."""
    if head.type is _T.MULTIPLE:
        return Kind.CHANGE if MULTIPLES[head.text].direction or direction else Kind.RATIO
    if head.type is _T.FRACTION:
        return Kind.CHANGE if direction else Kind.SHARE
    if head.type is _T.PROPORTION:
        return Kind.SHARE
    if unit is _T.POINTS:
        return Kind.POINT_CHANGE
    if unit is _T.TIMES:
        return Kind.RATIO if _word_at(tokens, phrase.end + 1) in RATIO_AFTER else Kind.VALUE
    if direction:
        return Kind.CHANGE if unit is _T.PERCENT else Kind.DIFFERENCE
    if unit is _T.PERCENT and _is_share(text, tokens, phrase, first_number):
        return Kind.SHARE
    return Kind.VALUE


def _rate_tail(text: str, tokens: list[Token], head: int) -> tuple[int, Fraction] | None:
    """(last token, per) when the number at `head` is a rate: "122 offenders for every 100,000 people".

    "19.4 journeys for every person" is a rate per 1: the phrase stops before "for every", whose
    words `stated` cannot read, and the draft sets `per = 1`.
    """
    j = head + 1
    words = 0
    while j < len(tokens) and words <= 8:
        tok = tokens[j]
        if not _adjacent(text, tokens[j - 1], tok):
            return None
        if tok.type is _T.PER:
            nxt = tokens[j + 1] if j + 1 < len(tokens) else None
            if nxt is not None and _adjacent(text, tok, nxt) and nxt.type is _T.NUMBER and nxt.numeral is not None:
                return j + 1, nxt.numeral.value
            if (
                nxt is not None
                and _adjacent(text, tok, nxt)
                and nxt.type is _T.WORD
                and nxt.text not in NOUN_STOP
                and tok.text in PER_ONE_WORDS
            ):
                return j - 1, Fraction(1)
            return None
        if tok.type not in (_T.WORD, _T.DIRECTION, _T.AND) or tok.text in RATE_STOP:
            return None
        words += 1
        j += 1
    return None


def _noun_after(text: str, tokens: list[Token], end: int) -> int:
    """Take the noun after "for every 1,000" or "one in every 24": "people", "applicants"."""
    j = end + 1
    if (
        j < len(tokens)
        and tokens[j].type is _T.WORD
        and tokens[j].text not in NOUN_STOP
        and _adjacent(text, tokens[end], tokens[j])
    ):
        return j
    return end


def _widen_left(text: str, tokens: list[Token], phrase: _Phrase) -> _Phrase:
    """Take a currency sign, a hedge and a direction ("a rise of", "fell by", "up") before the number."""
    i = phrase.start

    def take(types: tuple[TokenType, ...], words: Iterable[str] | None = None) -> bool:
        nonlocal i
        k = i - 1
        if k < 0 or tokens[k].type not in types or not _adjacent(text, tokens[k], tokens[i]):
            return False
        if words is not None and tokens[k].text not in words:
            return False
        i = k
        return True

    take((_T.CURRENCY,))
    take((_T.HEDGE,))
    take((_T.CURRENCY,))
    mark = i
    took_by = take((_T.WORD,), DIRECTION_LINKS)
    if (
        i > 0
        and tokens[i - 1].type is _T.DIRECTION
        and tokens[i - 1].text in PARTICLE_DIRECTIONS
        and _word_at(tokens, i - 2) in PARTICLE_VERBS
    ):
        i = mark  # "made up 13 per cent": a particle, not a direction
    elif take((_T.DIRECTION,)):
        if tokens[i].text in NOUN_DIRECTIONS:
            take((_T.WORD,), ARTICLES)
        elif took_by and tokens[i].text not in DIRECTIONS:
            i = mark
    elif took_by:
        i = mark
    if i == mark and phrase.start == mark and take((_T.DIRECTION,), EXTRA_WORDS):
        take((_T.WORD,), ARTICLES)
    phrase.start = i
    return phrase


def _direction_before(tokens: list[Token], phrase: _Phrase) -> bool:
    return any(tokens[k].type is _T.DIRECTION for k in range(phrase.start, phrase.end + 1))


def _direction_after(text: str, tokens: list[Token], phrase: _Phrase) -> bool:
    """ "4.99 per cent more", "254 more than a year earlier": take the direction word after the number."""
    j = phrase.end + 1
    if j >= len(tokens) or not _adjacent(text, tokens[phrase.end], tokens[j]):
        return False
    tok = tokens[j]
    if tok.type is _T.DIRECTION and tok.text in DIRECTIONS_AFTER:
        phrase.end = j
        return True
    if tok.type is _T.HEDGE and tok.text.split()[0] in HEDGED_DIRECTIONS_AFTER:
        phrase.end = j
        phrase.char_end = tok.span[0] + len(tok.text.split()[0])
        return True
    return False


def _is_share(text: str, tokens: list[Token], phrase: _Phrase, first_number: int) -> bool:
    """ "35 per cent of the total", "making up 35 per cent", "3,741 children – 90.7 per cent –"."""
    after = _word_at(tokens, phrase.end + 1)
    if after == "of" and _adjacent(text, tokens[phrase.end], tokens[phrase.end + 1]):
        return True
    start = tokens[phrase.start].span[0]
    if _share_verb_before(text, start):
        return True
    earlier_count = first_number < phrase.start
    return earlier_count and _DASH_BEFORE.search(text, max(0, _space_before(text, start) - 2), start) is not None


_DASH_BEFORE: Final = re.compile(r"[–—(]\s*$|\s-\s*$")


def _space_after(text: str, start: int) -> int:
    """Where the run of white space that starts at `start` ends (`start` itself if there is none)."""
    while start < len(text) and text[start].isspace():
        start += 1
    return start


def _space_before(text: str, end: int) -> int:
    """Where the run of white space that ends at `end` starts (`end` itself if there is none)."""
    while end > 0 and text[end - 1].isspace():
        end -= 1
    return end


def _share_verb_before(text: str, start: int) -> bool:
    """Whether a share verb, perhaps with "up" or "for", and white space end the text before `start`.

    `_SHARE_VERBS` is searched in the last words only (lowered as the whole would be): the verb
    right before the white space, or before a particle and its white space. The runs of white
    space before different numbers do not overlap, so the whole sentence is read about once.
    """
    space = _space_before(text, start)
    if _SHARE_VERB_PATTERN.search(text[max(0, space - _SHARE_VERB_REACH) : start].lower()):
        return True
    word = space
    while word > 0 and space - word <= max(map(len, SHARE_PARTICLES)) and not text[word - 1].isspace():
        word -= 1
    if word == 0 or not text[word - 1].isspace() or text[word:space].lower() not in SHARE_PARTICLES:
        return False
    verb_end = _space_before(text, word)
    return _SHARE_VERB_PATTERN.search(text[max(0, verb_end - _SHARE_VERB_REACH) : start].lower()) is not None


def _bare_after_of(text: str, tokens: list[Token], phrase: _Phrase) -> bool:
    """A bare number introduced by "of" ("the average for England of 84"): no unit, no hedge."""
    first = tokens[phrase.start]
    if first.type is not _T.NUMBER or phrase.start != phrase.end:
        return False
    before = _word_at(tokens, phrase.start - 1)
    introduced = before == "of" or (before == "with" and _word_at(tokens, phrase.start - 2) in COMPARED_WITH)
    return introduced and _word_at(tokens, phrase.end + 1) not in NOT_A_RATE_AFTER


# -- comparisons ------------------------------------------------------------------------------


def _comparator_pattern() -> re.Pattern[str]:
    phrases = sorted((p for p in COMPARATORS if p not in WEAK_COMPARATORS), key=len, reverse=True)
    return re.compile(r"(?<![a-z])(?:" + "|".join(re.escape(p).replace(r"\ ", r"\s+") for p in phrases) + r")(?![a-z])")


_COMPARATOR: Final = _comparator_pattern()


def _comparisons(text: str, tokens: list[Token], phrases: list[_Phrase], ids: _Ids) -> list[DraftClaim]:
    """Comparison words standing on their own: "above the England average", "higher than the rate"."""
    if not phrases:
        return []  # nothing to compare
    # the phrases' spans are in order and do not overlap (each starts after the last one ends),
    # so the one a comparison word could touch is found by bisection
    starts, ends = [], []
    for phrase in phrases:
        starts.append(tokens[phrase.start].span[0])
        ends.append(phrase.char_end if phrase.char_end is not None else tokens[phrase.end].span[1])
    lowered = "".join(c.lower() if len(c.lower()) == 1 else c for c in text)
    found = []
    for match in _COMPARATOR.finditer(lowered):
        start, end = match.span()
        nearest = bisect_left(ends, start)  # the first phrase that does not end before the word
        if nearest < len(starts) and starts[nearest] < end + 2:
            continue  # part of a number phrase, or right next to one ("fewer than", "more than 1,640")
        if not _COMPARED_NEXT_WORD.match(lowered, end):
            continue
        stated = text[start:end]
        found.append(
            DraftClaim(
                ids.new(Kind.COMPARISON),
                Kind.COMPARISON,
                stated,
                (start, end),
                tuple((f, PLACEHOLDER) for f in INPUT_FIELDS[Kind.COMPARISON]),
            )
        )
    return found


_COMPARABLE: Final[dict[str, str]] = {
    Kind.RATE: "rate",
    Kind.ONE_IN: "one_in",
    Kind.RATIO: "ratio",
    Kind.SHARE: "percent",
    Kind.CHANGE: "change",
    Kind.POINT_CHANGE: "points",
    Kind.DIFFERENCE: "count",
    Kind.VALUE: "count",
}


def _hint_comparisons(sentences: list[DraftSentence]) -> list[DraftSentence]:
    """Fill a comparison's placeholders with hints: the claims it most likely compares ("?s3-rate").

    The right side is the next claim of the sentence; the left, the latest claim before the
    comparison (in this sentence or an earlier one) of the right side's group. The latest claim
    of each group is kept as the article is read, so each comparison costs the same however
    many claims came before it.
    """
    if not any(claim.kind == Kind.COMPARISON for sentence in sentences for claim in sentence.claims):
        return sentences
    out: list[DraftSentence] = []
    latest: dict[str, DraftClaim] = {}  # group -> the latest claim (not a comparison) so far
    last: DraftClaim | None = None
    for sentence in sentences:
        claims = list(sentence.claims)
        following: list[DraftClaim | None] = [None] * len(claims)  # the next claim after each
        upcoming = None
        for k in range(len(claims) - 1, -1, -1):
            following[k] = upcoming
            if claims[k].kind != Kind.COMPARISON:
                upcoming = claims[k]
        for k, claim in enumerate(claims):
            if claim.kind != Kind.COMPARISON:
                last = latest[_group(claim)] = claim
                continue
            right = following[k]
            left = last if right is None else latest.get(_group(right))
            hinted = tuple(
                (f, PLACEHOLDER + (ref.id if ref is not None else "")) for f, ref in (("left", left), ("right", right))
            )
            claims[k] = attrs.evolve(claim, fields=hinted)
        out.append(attrs.evolve(sentence, claims=tuple(claims)))
    return out


_PERCENT_WORDS: Final = re.compile(r"%|per\s*cent", re.IGNORECASE)
_CURRENCY_SIGN: Final = re.compile(r"[£$€]")


def _group(claim: DraftClaim) -> str:
    if claim.kind == Kind.VALUE and _PERCENT_WORDS.search(claim.stated):
        return "percent"
    if claim.kind == Kind.VALUE and _CURRENCY_SIGN.search(claim.stated):
        return "money"
    return _COMPARABLE.get(claim.kind, claim.kind)
