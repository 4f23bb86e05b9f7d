"""Drafts a claims file from an article: every sentence, every number phrase a typed draft claim.

A sentence states a quantity when the reader's own scanner (`words.stated.scan`) finds in it a
number (in digits or words, "Fourteen" as "14"), a fraction ("a fifth"), a proportion ("most", "the
vast majority"), a vague amount ("dozens") or a multiple ("doubled", "eightfold") that is not a
year, a date, a time, a label ("year 7", "level two"), a name ("Covid-19", "A14"), an age
("11-year-olds") or a bare "one" (`quantity_heads`, `states_a_quantity`). Such a sentence always
gets claims, never a `check`: each quantity is a number phrase, a draft claim, even where its kind
is only a guess. Only a sentence that states no quantity gets a guessed `check`.

A number phrase is the quantity widened to the words that belong to it: a currency sign, a sign,
a hedge ("more than"), a unit ("per cent", "percentage points", "-fold", the "minute" of
"18-minute"), a rate's "for every 1,000 people", "one in every N", "one GP for every N patients",
"N times", a scale word after a fraction ("half a million" is one number), and a direction ("up",
"fell by", "rose by an average of", "a rise of", "254 more", "14 seconds slower"). Its kind is
guessed from those words, as a sub-editor would label it: a direction or a sign makes a change (per
cent), a point change (points) or a difference (a count or an amount); "per cent of" a share; "one
in five" a share and "one in every 24" a one in N; "one for every 56" a one in N and "one GP for
every 1,847 patients" a rate; "eightfold" and "two and a half times" a ratio, "doubled" a change;
", or 12 per cent" after a change or difference the same change in per cent; and so on.

Comparison words that stand on their own ("above the England average", "higher than the national
average") become comparisons, and so do words that state no relation ("compared with": the format
makes such a comparison unchecked) in a sentence with a number. Superlatives ("the highest rate",
"one of the lowest", "the second highest", "in the top ten") become `rank` drafts.

Drafting takes time proportional to the article's length: the words around a number are read
where they are (a few characters each way), never by searching the whole text before or after
it, and what a comparison's hints need is kept as the article is read (bench/scaling.py).

The inputs of a draft claim are placeholders: "?" or "?HINT" (a name the draft thinks likely).
`factcheck check` reports such a claim as `unchecked` ("draft: fill in …") and fails on it, so a
draft never passes as checked; `Draft.unfinished` says why, in words (the command prints it and the
draft's first lines say it). `published` is the article's `date` line or dateline
(`drafting.sentences`); with neither it is left as a placeholder that fails to load, never today's
date passed off as known.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from bisect import bisect_left
from collections.abc import Iterable, Sequence
from fractions import Fraction
from typing import Final

import attrs

from factcheck.drafting.sentences import ArticleText, read_article
from factcheck.errors import FactcheckError, PhraseError
from factcheck.model.claims import PLACEHOLDER
from factcheck.model.kinds import INPUTS, Kind
from factcheck.words.ranks import parse_rank_words
from factcheck.words.stated import Token, TokenType, parse_stated, scan
from factcheck.words.table import (
    AGE_WORDS,
    AMOUNT_LINKS,
    ARTICLES,
    AS_MANY_WORDS,
    CHANGE_WORDS,
    COMPARATORS,
    COMPARED_NEXT,
    COMPARED_WITH,
    COUPLE,
    DASHES,
    DEFINITION_WORDS,
    DIRECTION_LINKS,
    DIRECTIONS,
    DIRECTIONS_AFTER,
    DRAFTED_NEUTRAL_COMPARISONS,
    EXTRA_WORDS,
    FORECAST_WORDS,
    HEDGED_DIRECTIONS_AFTER,
    HIGH_WORDS,
    IN_EVERY_WORDS,
    LABEL_WORDS,
    LOW_WORDS,
    MONTHS,
    MOST_ADJECTIVE_ENDINGS,
    MOST_NOT_A_RANK_AFTER,
    MOST_NOT_A_SHARE_AFTER,
    MOST_RANKED_ADJECTIVES,
    MULTIPLES,
    NOT_A_RATE_AFTER,
    NOUN_DIRECTIONS,
    NOUN_STOP,
    NUMBER_WORDS,
    OCCASIONS_WORD,
    ONE_WORDS,
    ONE_X_VERBS,
    OPINION_WORDS,
    ORDINALS,
    PARTICLE_DIRECTIONS,
    PARTICLE_VERBS,
    PER_ONE_WORDS,
    QUALITY_WORDS,
    RANK_ORDINALS,
    RATE_STOP,
    RATIO_AFTER,
    RESTATING_WORDS,
    SCALE_WORDS,
    SHARE_PARTICLES,
    SHARE_VERBS,
    TOP_WORDS,
    UNIT_DIRECTIONS_AFTER,
    VAGUE_NEEDS_OF,
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
    "quantity_heads",
    "states_a_quantity",
]

#: The input fields of each kind (as in the claims file), all placeholders in a draft.
INPUT_FIELDS: Final[dict[str, tuple[str, ...]]] = {kind: INPUTS[kind] for kind in Kind if kind is not Kind.FORMULA}

_T = TokenType
#: The tokens that can state a quantity: what the reader reads as a number, a fraction, a proportion,
#: a multiple or a vague amount.
_QUANTITY: Final = (_T.NUMBER, _T.FRACTION, _T.PROPORTION, _T.MULTIPLE, _T.VAGUE)
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
    """A whole draft claims file.

    `published` is None when the article says nowhere when it was published (no `date` line, no
    dateline): the claims file then gets a placeholder that fails to load until it is filled in.
    """

    title: str
    published: dt.date | None
    sentences: tuple[DraftSentence, ...]
    text: str | None = None  # the article's path, relative to the claims file
    source: str | None = None  # the article's file name, for the header comment

    def claims(self) -> list[DraftClaim]:
        return [claim for sentence in self.sentences for claim in sentence.claims]

    def unfinished(self, path: str | None = None) -> tuple[str, ...]:
        """Why `factcheck check` fails on the draft as it stands, one reason a line (none when it would pass).

        `path`: the claims file's name, for the command to run (FILE when it is not known).
        """
        reasons = []
        if self.published is None:
            reasons.append(
                "`published` is a placeholder: the article has no `date YYYY-MM-DD` line and no dateline, "
                "so fill in the date it was published (a TOML date such as 2024-03-14)"
            )
        waiting = sum(1 for claim in self.claims() if any(_is_placeholder(value) for _, value in claim.fields))
        if waiting:
            reasons.append(
                f"{waiting} {'claim still needs' if waiting == 1 else 'claims still need'} inputs "
                f"(figures or table cells): run `factcheck suggest {path or 'FILE'}` once the figures are added"
            )
        return tuple(reasons)


def _is_placeholder(value: object) -> bool:
    """A field still to fill in: "?" or "?hint", or a list holding one (a rank's `among = ["?"]`)."""
    if isinstance(value, tuple):
        return any(map(_is_placeholder, value))
    return isinstance(value, str) and value.startswith(PLACEHOLDER)


def draft_article(
    text: str, *, published: dt.date | None = None, text_path: str | None = None, source: str | None = None
) -> Draft:
    """The draft claims file for an article's whole text.

    `published`: the date the caller knows the article was published, used only when the article
    itself says nowhere (its `date` line or dateline wins).
    """
    article = read_article(text)
    return _draft(article, published=published, text_path=text_path, source=source)


def _draft(article: ArticleText, *, published: dt.date | None, text_path: str | None, source: str | None) -> Draft:
    sentences: list[DraftSentence] = []
    used: set[str] = set()
    for number, span in enumerate(article.sentences, start=1):
        sentence = draft_sentence(span.text, number, used)
        sentences.append(sentence)
    sentences = _hint_comparisons(sentences)
    titles = (s.text for s in article.sentences if s.text != article.dateline)
    title = next(titles, "Untitled").rstrip(".")
    return Draft(title, article.date or published, tuple(sentences), text_path, source)


# -- one sentence -----------------------------------------------------------------------------


@attrs.define
class _Phrase:
    start: int  # token indices, inclusive
    end: int
    kind: str = Kind.VALUE
    per: Fraction | None = None
    char_end: int | None = None  # when the phrase ends inside its last token ("more" of "more than")
    unit: TokenType | None = None  # the unit word right after the number ("per cent", "points", "times")
    portion: bool = False  # a fraction of a scale word: "half a million"


def draft_sentence(text: str, number: int = 1, used: set[str] | None = None) -> DraftSentence:
    """The draft of one sentence: a claim per number phrase, comparison and superlative; else a guessed `check`.

    A sentence that states a quantity (`states_a_quantity`) always has a claim: every quantity is
    part of a number phrase or of a superlative's words.
    """
    ids = _Ids(number, set() if used is None else used)
    tokens = scan(text)
    ranks = _ranks(text, tokens)
    phrases = _phrases(text, tokens, ranks)
    claims = _number_claims(text, tokens, phrases, ids)
    claims.extend(_rank_claims(text, tokens, ranks, ids))
    claims.extend(_comparisons(text, tokens, phrases, ids))
    claims.sort(key=lambda c: c.span)
    check = None if claims else guess_check(text)
    return DraftSentence(text, tuple(claims), check)


def _number_claims(text: str, tokens: list[Token], phrases: list[_Phrase], ids: _Ids) -> list[DraftClaim]:
    """A draft claim for each number phrase, its kind read from its words."""
    rate_per = next((p.per for p in phrases if p.kind == Kind.RATE and p.per is not None), None)
    if rate_per is not None and not _writable(rate_per):
        rate_per = None  # a "per" no claims file could hold is no rate to copy
    stated_per = {id(p): p.per for p in phrases if p.kind == Kind.RATE and p.per == 1}
    claims: list[DraftClaim] = []
    previous: DraftClaim | None = None
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
        elif previous is not None and phrase.unit is _T.PERCENT and kind == Kind.VALUE:
            direction = _restated_direction(text, previous, start)
            if direction is not None:  # "rose by 45p, or 12 per cent": the same change, in per cent
                kind = Kind.CHANGE
                fields += [("direction", direction)] if direction else []
        stated = text[start:end]
        kind = _readable(stated, kind)
        claim = DraftClaim(
            ids.new(kind), kind, stated, (start, end), tuple([(f, PLACEHOLDER) for f in INPUT_FIELDS[kind]] + fields)
        )
        claims.append(claim)
        previous = claim
    return claims


def _restated_direction(text: str, previous: DraftClaim, start: int) -> str | None:
    """The direction ("increase", "decrease", or "" when the words give none) of a change or difference that
    the percentage at `start` restates (", or 12 per cent"); None when it restates nothing."""
    between = text[previous.span[1] : start].strip(" ,;:()–—-").lower()
    if between not in RESTATING_WORDS or previous.kind not in (Kind.CHANGE, Kind.DIFFERENCE):
        return None
    try:
        direction = parse_stated(previous.stated, previous.kind).direction
    except FactcheckError:
        return ""
    return {1: "increase", -1: "decrease"}.get(direction or 0, "")


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


def _hyphenated(text: str, left: Token, right: Token) -> bool:
    """Whether two tokens are joined by a hyphen and nothing else: "18-minute", "three-fold"."""
    return right.span[0] == left.span[1] + 1 and text[left.span[1]] in "-" + DASHES


def _word_at(tokens: Sequence[Token], i: int) -> str:
    return tokens[i].text if 0 <= i < len(tokens) else ""


# -- what states a quantity -------------------------------------------------------------------------


def quantity_heads(text: str, tokens: Sequence[Token]) -> list[int]:
    """The indices of the tokens (`scan(text)`) that state a quantity: the heads of the number phrases.

    A number, a fraction, a proportion, a multiple or a vague amount, as the reader scans them, that
    is not a year, a date, a time, a label, a name, an age or a bare "one" (`_is_quantity`). Each is
    looked at where it is, a few tokens and characters each way: a sentence costs its length once.
    """
    return [i for i, token in enumerate(tokens) if token.type in _QUANTITY and _is_quantity(text, tokens, i)]


def states_a_quantity(text: str) -> bool:
    """Whether a sentence states a quantity (`quantity_heads`): such a sentence gets claims, never a `check`."""
    return bool(quantity_heads(text, scan(text)))


def _is_quantity(text: str, tokens: Sequence[Token], i: int) -> bool:
    """Whether token i is the head of a number phrase (not a year, a date, a label or a pronoun)."""
    tok = tokens[i]
    if tok.type is _T.NUMBER:
        return _is_number_quantity(text, tokens, i)
    if tok.type is _T.FRACTION:
        return _word_at(tokens, i - 1) not in ORDINALS  # not "the first half"
    if tok.type is _T.PROPORTION:
        return tok.text != "most" or _most_is_a_share(tokens, i)
    if tok.type is _T.VAGUE:
        return tok.text not in VAGUE_NEEDS_OF or _word_at(tokens, i + 1) == "of"  # "scores of", not "exam scores"
    return tok.type is _T.MULTIPLE


def _most_is_a_share(tokens: Sequence[Token], i: int) -> bool:
    """ "most of them", "most people", "Most were": a share; "the most" (a superlative), "most likely", "the
    areas most affected" (an adverb) are not."""
    after = _word_at(tokens, i + 1)
    if after == "of":
        return True
    if _word_at(tokens, i - 1) == "the" or i + 1 >= len(tokens) or tokens[i + 1].type is not _T.WORD:
        return False
    return after not in MOST_NOT_A_SHARE_AFTER and not after.endswith(("ly", "ed"))


def _is_number_quantity(text: str, tokens: Sequence[Token], i: int) -> bool:
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
        or _is_an_age(text, tokens, i)
        or _is_a_label(tokens, i, small)
        or _is_a_date(text, tokens, i, small)
        or _ends_a_range(text, tok.span[0], raw)
        or _is_a_bare_one(text, tokens, i)
    )


def _is_a_year(text: str, tokens: Sequence[Token], i: int, raw: str) -> bool:
    """ "in 2019", but not "2,019 offences", "£2019" or "more than 2019"."""
    before = tokens[i - 1] if i > 0 else None
    priced = before is not None and before.type in (_T.CURRENCY, _T.HEDGE) and _adjacent(text, before, tokens[i])
    return bool(_YEAR.match(raw.replace(",", "x"))) and not _unit_follows(tokens, i) and not priced


def _is_in_a_name_or_time(text: str, span: tuple[int, int], raw: str) -> bool:
    """ "Covid-19", "A14"; "1st", "10am", "5 pm"; "10:30", "1/2".

    A hyphenated measure ("18-minute") is a quantity; an age ("11-year-olds") is not (`_is_an_age`).
    """
    start, end = span
    if _LETTER_BEFORE.search(text, max(0, start - 3), start):
        return True
    word_after = _space_after(text, end)
    if _ORDINAL_OR_TIME.match(text[word_after : word_after + 4].lower()) and not raw.isalpha():
        return True
    return bool(_SEPARATOR_DIGIT.match(text, end) or _DIGIT_SEPARATOR_BEFORE.search(text, max(0, start - 3), start))


def _is_an_age(text: str, tokens: Sequence[Token], i: int) -> bool:
    """ "11-year-olds", "a 15-year-old": an age, which labels people; not a measure like "18-minute"."""
    return (
        i + 2 < len(tokens)
        and _hyphenated(text, tokens[i], tokens[i + 1])
        and _hyphenated(text, tokens[i + 1], tokens[i + 2])
        and tokens[i + 2].text in AGE_WORDS
    )


def _is_a_label(tokens: Sequence[Token], i: int, small: int | None) -> bool:
    """ "year 7", "level two": a small number after a label word, with no unit after it."""
    labelled = small is not None or tokens[i].text in NUMBER_WORDS
    return labelled and _word_at(tokens, i - 1) in LABEL_WORDS and not _unit_follows(tokens, i)


def _is_a_date(text: str, tokens: Sequence[Token], i: int, small: int | None) -> bool:
    """ "April 16", "16 April": a day beside its month (a comma between them, as in "the year to June, 6 per
    cent", is no date), with no unit after it."""
    if small is None or small > _DAYS or _unit_follows(tokens, i):
        return False
    before = i > 0 and tokens[i - 1].text in MONTHS and _adjacent(text, tokens[i - 1], tokens[i])
    after = i + 1 < len(tokens) and tokens[i + 1].text in MONTHS and _adjacent(text, tokens[i], tokens[i + 1])
    return before or after


def _ends_a_range(text: str, start: int, raw: str) -> bool:
    """The end of a range: "2024-25", "10-12", "10–12"."""
    return raw[:1] in "-" + DASHES and _DIGIT_BEFORE.search(text, max(0, start - 2), start) is not None


def _is_a_bare_one(text: str, tokens: Sequence[Token], i: int) -> bool:
    """ "one night", "every one of them", "a week": one with no unit after it is no quantity ("one GP for
    every 1,847 patients" has one)."""
    return (
        (tokens[i].text == "one" or tokens[i].text in ARTICLES)
        and not _unit_follows(tokens, i)
        and _one_for_every(text, tokens, i) is None
    )


_YEAR: Final = re.compile(r"-?(?:19|20)\d\d$")
# Each pattern below that ends in `$` is searched only in the few characters before a number
# (`pos`, `endpos`): it can match nothing longer, so the answer is the one the whole text before
# it would give.
_LETTER_BEFORE: Final = re.compile(r"[A-Za-z]-?$")
_ORDINAL_OR_TIME: Final = re.compile(r"(?:st|nd|rd|th|am|pm|a\.m|p\.m)\b")
_SEPARATOR_DIGIT: Final = re.compile(r"[:/]\d")
_DIGIT_SEPARATOR_BEFORE: Final = re.compile(r"\d[:/]$")
_DIGIT_BEFORE: Final = re.compile(r"\d$")
#: Labels are numbers up to this: "year 7".
_SMALL: Final = 100
#: ... and days up to this: "April 16".
_DAYS: Final = 31


def _small_whole(raw: str) -> int | None:
    """The value of a run of digits when it is at most 100 (a label's or a day's number); else None.

    Only the last three digits are converted: int() refuses a run of 4,301 digits or more, and a
    long run is never small unless every digit before those three is a zero.
    """
    if not raw.isdigit() or any(unicodedata.digit(c) for c in raw[:-3]):
        return None
    value = int(raw[-3:])
    return value if value <= _SMALL else None


def _unit_follows(tokens: Sequence[Token], i: int) -> bool:
    nxt = tokens[i + 1].type if i + 1 < len(tokens) else None
    return nxt in (_T.PERCENT, _T.POINTS, _T.PER, _T.IN, _T.TIMES) or (nxt is _T.NUMWORD)


# -- number phrases -----------------------------------------------------------------------------------


def _phrases(text: str, tokens: list[Token], ranks: Sequence[tuple[int, int]] = ()) -> list[_Phrase]:
    """The number phrases of a sentence, one for each quantity not already part of one (or of a superlative's
    words, `ranks`: "among the five highest")."""
    phrases: list[_Phrase] = []
    taken = -1
    heads = quantity_heads(text, tokens)
    in_ranks = {k for start, end in ranks for k in range(start, end + 1)}
    first_quantity = heads[0] if heads else len(tokens)
    for i in heads:
        if i <= taken or i in in_ranks:
            continue
        phrase = _grow(text, tokens, i, first_quantity)
        if phrases and phrase.start <= phrases[-1].end:
            phrase.start = phrases[-1].end + 1
        taken = phrase.end
        phrases.append(phrase)
    return phrases


def _grow(text: str, tokens: list[Token], head: int, first_quantity: int) -> _Phrase:
    """The number phrase around a quantity token, with its kind guessed from its words.

    `first_quantity`: the index of the sentence's first quantity (a share may follow a count).
    """
    tok = tokens[head]
    phrase = _Phrase(head, head)
    if tok.type is _T.NUMBER:
        whole = _k_in_n(text, tokens, phrase) or _one_for_every_phrase(text, tokens, phrase)
        if whole is not None:
            return whole
        phrase.unit = _unit_after(text, tokens, phrase)
        if phrase.unit is None:
            rate = _rate(text, tokens, phrase)
            if rate is not None:
                return rate
            _take_hyphenated_unit(text, tokens, phrase)
    elif tok.type is _T.MULTIPLE:
        _take_as_many(tokens, phrase)
    elif tok.type is _T.FRACTION:
        _take_scale(text, tokens, phrase)
    elif tok.text == COUPLE:
        _take_couple_of(text, tokens, phrase)
    phrase = _widen_left(text, tokens, phrase)
    nouns = tok.type is _T.NUMBER and (
        phrase.unit in (_T.PERCENT, _T.POINTS) or tokens[phrase.start].type is _T.CURRENCY
    )  # "a 12% rise", "a £150 cut"; a count before a noun is seldom a change ("300 growth areas")
    direction = _direction_before(tokens, phrase) or _direction_after(text, tokens, phrase, nouns)
    phrase.kind = _guessed_kind(text, tokens, phrase, head, direction, first_quantity)
    if phrase.unit is _T.TIMES:  # "three times": from the number, or a hedge or currency sign before it
        phrase.start = max(
            phrase.start,
            next(k for k in range(phrase.start, head + 1) if k == head or tokens[k].type in (_T.HEDGE, _T.CURRENCY)),
        )
    return phrase


def _k_in_n(text: str, tokens: list[Token], phrase: _Phrase) -> _Phrase | None:
    """ "one in five", "3 in 10", "one in every 769 households": a share or a one in N, whole; None if not.

    "One in every N" (and "one out of every N") is a one in N, with the noun it counts; "one in N"
    without "every", like "three in five", is a share, as a sub-editor writes it.
    """
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
    every = tokens[j].type is _T.PER
    phrase.kind = Kind.ONE_IN if k_value == 1 and every else Kind.SHARE
    if phrase.kind == Kind.ONE_IN:  # "one in every 769 households", as the format writes it
        phrase.end = _noun_after(text, tokens, phrase.end)
    return _widen_left(text, tokens, phrase)


#: At most this many words name the one of "one GP for every 1,847 patients".
_ONE_X_WORDS: Final = 3


def _one_for_every(text: str, tokens: Sequence[Token], head: int) -> tuple[int, bool] | None:
    """(the token of N, whether words name the one) when "one" at `head` starts "one for every 56 decisions"
    or "one GP for every 1,847 patients", which the reader reads as one in N; else None.

    "1 per 100,000" is how a rate is written, per a power of ten, and is none: the reader itself says
    which is which (`Stated.one_in`).
    """
    if tokens[head].text not in ONE_WORDS:
        return None
    j = head + 1
    while j < len(tokens) and j - head - 1 <= _ONE_X_WORDS:
        tok = tokens[j]
        if not _adjacent(text, tokens[j - 1], tok):
            return None
        if tok.type is _T.PER:
            break
        stop = (tok.text in NOUN_STOP and tok.text not in ONE_X_VERBS) or tok.text in RATE_STOP
        if tok.type is not _T.WORD or stop:
            return None
        j += 1
    else:
        return None
    if j + 1 >= len(tokens) or tokens[j + 1].type is not _T.NUMBER or not _adjacent(text, tokens[j], tokens[j + 1]):
        return None
    named = j > head + 1
    words = text[tokens[head].span[0] : tokens[j + 1].span[1]]
    try:
        one_in = parse_stated(words, Kind.RATE).one_in
    except FactcheckError:
        return None
    return (j + 1, named) if one_in else None


def _one_for_every_phrase(text: str, tokens: list[Token], phrase: _Phrase) -> _Phrase | None:
    """ "one for every 56 decisions" (a one in N) and "one GP for every 1,847 patients" (a rate, read as one in
    N: the one names what is counted), whole with the noun after N; None if the number starts neither."""
    found = _one_for_every(text, tokens, phrase.start)
    if found is None:
        return None
    last, named = found
    phrase.end = _noun_after(text, tokens, last)
    phrase.kind = Kind.RATE if named else Kind.ONE_IN
    return _widen_left(text, tokens, phrase)


def _unit_after(text: str, tokens: list[Token], phrase: _Phrase) -> TokenType | None:
    """The unit right after the number ("per cent", "points", "times", "-fold"), taken into the phrase; None if none."""
    j = phrase.end + 1
    if j >= len(tokens) or tokens[j].type not in (_T.PERCENT, _T.POINTS, _T.TIMES):
        return None
    joined = _adjacent(text, tokens[phrase.end], tokens[j])
    if joined or (tokens[j].type is _T.TIMES and _hyphenated(text, tokens[phrase.end], tokens[j])):
        phrase.end = j
        return tokens[j].type
    return None


def _take_hyphenated_unit(text: str, tokens: list[Token], phrase: _Phrase) -> None:
    """ "an 18-minute wait", "the six-week target": a measure takes its unit word after the hyphen."""
    j = phrase.end + 1
    if j < len(tokens) and tokens[j].type is _T.WORD and _hyphenated(text, tokens[phrase.end], tokens[j]):
        phrase.end = j


def _take_scale(text: str, tokens: list[Token], phrase: _Phrase) -> None:
    """ "half a million", "a quarter of a million": a fraction of a scale word is one number, read whole."""
    j = phrase.end + 1
    if j < len(tokens) and tokens[j].text == "of" and _adjacent(text, tokens[phrase.end], tokens[j]):
        j += 1
    if j < len(tokens) and _adjacent(text, tokens[j - 1], tokens[j]) and _scale_only(tokens[j]):
        phrase.end = j
        phrase.portion = True


def _take_couple_of(text: str, tokens: list[Token], phrase: _Phrase) -> None:
    """ "a couple of hundred": the number "a couple of" counts is one amount with it (the reader's [150, 250])."""
    j = phrase.end + 1
    if j < len(tokens) and tokens[j].type is _T.NUMBER and _adjacent(text, tokens[phrase.end], tokens[j]):
        phrase.end = j


def _scale_only(token: Token) -> bool:
    """Whether a number is written in scale words alone: "a million", "a thousand", "one hundred"."""
    if token.type is not _T.NUMBER:
        return False
    words = token.text.split()
    if words and words[0] in (*ARTICLES, "one"):
        words = words[1:]
    return bool(words) and all(word in SCALE_WORDS for word in words)


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
    text: str, tokens: list[Token], phrase: _Phrase, head: int, direction: bool, first_quantity: int
) -> str:
    """The kind the phrase's words call for: its head's (a multiple, a fraction, a proportion, a vague amount),
    its unit's, a direction's or a sign's, or a share's ("35 per cent of")."""
    tok = tokens[head]
    if tok.type is _T.MULTIPLE:
        return Kind.CHANGE if MULTIPLES[tok.text].direction or direction else Kind.RATIO
    if tok.type is _T.FRACTION and not phrase.portion:
        return Kind.CHANGE if direction else Kind.SHARE
    if tok.type is _T.PROPORTION:
        return Kind.SHARE
    unit = phrase.unit
    if unit is _T.POINTS:
        return Kind.POINT_CHANGE
    if unit is _T.TIMES:
        return Kind.RATIO if _is_a_ratio(tokens, phrase, head, direction) else Kind.VALUE
    if tok.type is _T.NUMBER and (_signed(tokens, head) or _changed_before(tokens, phrase)):
        if unit is _T.PERCENT:
            return Kind.CHANGE  # "a change of -4.1%", "+4%"
        return Kind.DIFFERENCE  # "-325": a count has no sign of its own, a difference has (to − from)
    if direction:
        return Kind.CHANGE if unit is _T.PERCENT else Kind.DIFFERENCE
    if unit is _T.PERCENT and _is_share(text, tokens, phrase, first_quantity):
        return Kind.SHARE
    return Kind.VALUE


def _is_a_ratio(tokens: list[Token], phrase: _Phrase, head: int, direction: bool) -> bool:
    """Whether "N times" (or "N-fold") is a multiple rather than a count of occasions ("4,452 times last year").

    "-fold" and "x" always are; so is a multiple that is no whole number ("two and a half times"), one
    after a direction ("have grown three times") and one before "the", "as", "more" ("three times the
    target").
    """
    numeral = tokens[head].numeral
    whole = numeral is not None and numeral.value.denominator == 1
    return (
        tokens[phrase.end].text != OCCASIONS_WORD
        or not whole
        or direction
        or _word_at(tokens, phrase.end + 1) in RATIO_AFTER
    )


def _signed(tokens: list[Token], head: int) -> bool:
    """Whether the number at `head` has a sign of its own: "-3.2%", "–4.1%", "+4%"."""
    numeral = tokens[head].numeral
    if numeral is not None and numeral.text.startswith("-"):
        return True
    return head > 0 and tokens[head - 1].type is _T.SIGN and tokens[head - 1].span[1] == tokens[head].span[0]


def _changed_before(tokens: list[Token], phrase: _Phrase) -> bool:
    """ "a change of 4%", "changed by 12": a change with no direction word (its size, or its sign, says it)."""
    return _word_at(tokens, phrase.start - 1) in DIRECTION_LINKS and _word_at(tokens, phrase.start - 2) in CHANGE_WORDS


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
    """Take a currency sign, a sign, a hedge and a direction ("a rise of", "fell by", "up", "rose by an average
    of") before the number."""
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
    if i > 0 and tokens[i - 1].type is _T.SIGN and tokens[i - 1].span[1] == tokens[i].span[0]:
        i -= 1  # "+4%": the sign is the number's own
    take((_T.HEDGE,))
    take((_T.CURRENCY,))
    mark = i
    i = linked = _amount_link_start(text, tokens, i)
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
    if i == linked:
        i = mark  # "an average of" belongs to the phrase only after a direction: "rose by an average of 45p"
    if i == mark and phrase.start == mark and take((_T.DIRECTION,), EXTRA_WORDS):
        take((_T.WORD,), ARTICLES)
    phrase.start = i
    return phrase


def _amount_link_start(text: str, tokens: list[Token], i: int) -> int:
    """Where words like "an average of" that end right before token `i` start; `i` itself if there are none."""
    for link in AMOUNT_LINKS:
        words = link.split()
        start = i - len(words)
        if (
            start >= 0
            and all(tokens[start + k].text == word for k, word in enumerate(words))
            and all(_adjacent(text, tokens[k], tokens[k + 1]) for k in range(start, i))
        ):
            return start
    return i


def _direction_before(tokens: list[Token], phrase: _Phrase) -> bool:
    return any(tokens[k].type is _T.DIRECTION for k in range(phrase.start, phrase.end + 1))


def _direction_after(text: str, tokens: list[Token], phrase: _Phrase, nouns: bool = False) -> bool:
    """ "4.99 per cent more", "254 more than a year earlier", "14 seconds slower": take the direction word after
    the number (or after the number and its unit word); with `nouns`, a direction noun too ("a 12% rise", "a £150
    cut", but not "a 5% drop-in rate")."""
    j = phrase.end + 1
    if j >= len(tokens) or not _adjacent(text, tokens[phrase.end], tokens[j]):
        return False
    if _takes_direction(tokens[j], DIRECTIONS_AFTER, phrase, j):
        return True
    if nouns and _noun_direction_after(text, tokens, phrase, j):
        return True
    unit_word = tokens[j]
    if unit_word.type is not _T.WORD or unit_word.text in NOUN_STOP or j + 1 >= len(tokens):
        return False
    return _adjacent(text, unit_word, tokens[j + 1]) and _takes_direction(
        tokens[j + 1], UNIT_DIRECTIONS_AFTER, phrase, j + 1
    )


#: At most this many words stand between a number and its direction noun: "a 4.9 per cent council tax rise".
_NOUN_DIRECTION_WORDS: Final = 2


def _noun_direction_after(text: str, tokens: list[Token], phrase: _Phrase, j: int) -> bool:
    """A direction noun at token `j` ("a 12% rise"), or, after "a" or "an", a few words further on ("a 5% pay
    rise", "a 4.9 per cent council tax increase"); taken if so. Not "a 5% drop-in rate"."""
    introduced = _word_at(tokens, phrase.start - 1) in ARTICLES
    last = min(len(tokens) - 1, j + (_NOUN_DIRECTION_WORDS if introduced else 0))
    for k in range(j, last + 1):
        if k > j and (tokens[k - 1].type is not _T.WORD or tokens[k - 1].text in NOUN_STOP):
            return False  # only plain words between: "a 5% pay rise", not "5% of the rise"
        if k > j and not _adjacent(text, tokens[k - 1], tokens[k]):
            return False
        hyphenated = text.startswith(("-", *DASHES), tokens[k].span[1])
        if tokens[k].text in NOUN_DIRECTIONS:
            return not hyphenated and _takes_direction(tokens[k], tuple(NOUN_DIRECTIONS), phrase, k)
    return False


def _takes_direction(tok: Token, words: Sequence[str], phrase: _Phrase, j: int) -> bool:
    """Whether token `j` is a direction word of `words` (or a hedge starting with one: "more than"); taken if so."""
    if tok.type is _T.DIRECTION and tok.text in words:
        phrase.end = j
        return True
    first = tok.text.split()[0] if tok.type is _T.HEDGE else ""
    if first in HEDGED_DIRECTIONS_AFTER and first in words:
        phrase.end = j
        phrase.char_end = tok.span[0] + len(first)
        return True
    return False


def _is_share(text: str, tokens: list[Token], phrase: _Phrase, first_quantity: int) -> bool:
    """ "35 per cent of the total", "making up 35 per cent", "3,741 children – 90.7 per cent –", "almost a
    quarter of appointments – 24 per cent –"."""
    after = _word_at(tokens, phrase.end + 1)
    if after == "of" and _adjacent(text, tokens[phrase.end], tokens[phrase.end + 1]):
        return True
    start = tokens[phrase.start].span[0]
    if _share_verb_before(text, start):
        return True
    earlier = first_quantity < phrase.start
    return earlier and _DASH_BEFORE.search(text, max(0, _space_before(text, start) - 2), start) is not None


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


# -- superlatives: rank drafts ----------------------------------------------------------------------

_SUPERLATIVES: Final = frozenset({*HIGH_WORDS, *LOW_WORDS, *QUALITY_WORDS})
#: The words before "the" that a rank's words may start with: "one of the lowest", "among the five highest".
_RANK_LEADS: Final = ("among", "in", "within")
#: Words that start the span of time after a superlative: "the highest since 2015", "the lowest for a decade".
_SPAN_STARTS: Final = ("since", "for", "in", "over")
#: Words after a superlative that bring its span of time: "on record", "ever".
_EVER: Final = ("ever", "on record")


def _ranks(text: str, tokens: list[Token]) -> list[tuple[int, int]]:
    """The superlatives of a sentence as token ranges, in order: "the highest rate", "one of the lowest",
    "the second highest", "the third-lowest", "among the five highest", "in the top ten", "the highest
    since 2015". Each is words the rank reader (`parse_rank_words`) reads; "the most recent" and "for the
    most part" are none."""
    found: list[tuple[int, int]] = []
    for i, tok in enumerate(tokens):
        if found and i <= found[-1][1]:
            continue
        if tok.text in _SUPERLATIVES and tok.type in (_T.WORD, _T.PROPORTION):
            span = _rank_around(text, tokens, i)
        elif tok.text in TOP_WORDS and tok.type is _T.WORD:
            span = _top_around(text, tokens, i)
        else:
            continue
        if span is not None:
            found.append(span)
    return found


def _rank_around(text: str, tokens: list[Token], i: int) -> tuple[int, int] | None:
    """The rank words around the superlative at `i`, or None when it is none ("at the most", "most likely")."""
    if i + 1 < len(tokens) and _hyphenated(text, tokens[i], tokens[i + 1]):
        return None  # "the highest-paid staff", "the best-performing school": a compound, not the place of a figure
    start = i
    if start > 0 and (_ordinal_at(tokens, start - 1) or tokens[start - 1].text == "joint"):
        joined = _adjacent(text, tokens[start - 1], tokens[start]) or _hyphenated(text, tokens[start - 1], tokens[i])
        start -= joined  # "the second highest", "the third-lowest", "the joint highest"
    elif _ordinal_in_digits_at(text, tokens, start - 1):
        start -= 2  # "the 12th highest"
    elif start > 0 and tokens[start - 1].type is _T.NUMBER and _adjacent(text, tokens[start - 1], tokens[start]):
        start -= 1  # "among the five highest"
    if start == 0 or tokens[start - 1].text != "the" or not _adjacent(text, tokens[start - 1], tokens[start]):
        if start < i and tokens[start].type is _T.WORD:
            return _rank_tail(text, tokens, start, i)  # "ranked third highest", "joint highest": a place says it
        return None
    start -= 1
    if _word_at(tokens, start - 1) == "at" or (tokens[i].text == "most" and not _most_ranks(_word_at(tokens, i + 1))):
        return None  # "at the most", "the most recent", "for the most part", "the most dangerous"
    start = _rank_lead(text, tokens, start, counted=start + 1 < i and tokens[i - 1].type is _T.NUMBER)
    return _rank_tail(text, tokens, start, i)


#: The letters after the digits of an ordinal: "12th", "21st".
_ORDINAL_SUFFIXES: Final = ("st", "nd", "rd", "th")


def _ordinal_in_digits_at(text: str, tokens: list[Token], k: int) -> bool:
    """Whether tokens k-1 and k are an ordinal in digits ("12th") right before the next token."""
    return (
        k >= 1
        and k + 1 < len(tokens)
        and tokens[k].text in _ORDINAL_SUFFIXES
        and tokens[k - 1].type is _T.NUMBER
        and tokens[k - 1].span[1] == tokens[k].span[0]
        and _adjacent(text, tokens[k], tokens[k + 1])
    )


def _most_ranks(after: str) -> bool:
    """Whether "the most" before the word `after` ranks figures: "the most common", "the most fires", but not
    "the most recent" nor an adjective of judgement ("the most dangerous", "the most vulnerable")."""
    if after in MOST_NOT_A_RANK_AFTER:
        return False
    return after in MOST_RANKED_ADJECTIVES or not after.endswith(MOST_ADJECTIVE_ENDINGS)


def _ordinal_at(tokens: list[Token], k: int) -> bool:
    return tokens[k].type is _T.WORD and tokens[k].text in RANK_ORDINALS


def _rank_lead(text: str, tokens: list[Token], the: int, *, counted: bool) -> int:
    """Where the rank words start, given their "the": "one of the", or "among the" before a count of places."""
    if (
        the >= 2
        and (tokens[the - 2].text, tokens[the - 1].text) == ("one", "of")
        and _adjacent(text, tokens[the - 2], tokens[the - 1])
        and _adjacent(text, tokens[the - 1], tokens[the])
    ):
        return the - 2
    if counted and the >= 1 and tokens[the - 1].text in _RANK_LEADS and _adjacent(text, tokens[the - 1], tokens[the]):
        return the - 1
    return the


def _top_around(text: str, tokens: list[Token], i: int) -> tuple[int, int] | None:
    """ "in the top ten", "the bottom five": a rank within that many places."""
    if i + 1 >= len(tokens) or tokens[i + 1].type is not _T.NUMBER or not _adjacent(text, tokens[i], tokens[i + 1]):
        return None
    if i == 0 or tokens[i - 1].text != "the" or not _adjacent(text, tokens[i - 1], tokens[i]):
        return None
    start = _rank_lead(text, tokens, i - 1, counted=True)
    return _rank_tail(text, tokens, start, i + 1)


def _rank_tail(text: str, tokens: list[Token], start: int, last: int) -> tuple[int, int] | None:
    """The longest reading rank words from `start`: through the superlative at `last`, then the thing ranked
    ("rate") and a span of time ("since 2015", "for a decade", "on record") where they are there."""
    ends = [last]
    noun = last + 1
    named = noun < len(tokens) and (
        (tokens[noun].type is _T.WORD and tokens[noun].text not in (*NOUN_STOP, *_SPAN_STARTS))
        or tokens[noun].text in NOUN_DIRECTIONS  # "the largest fall since 2010"
    )
    if named and _adjacent(text, tokens[last], tokens[noun]):
        ends.append(noun)
    span_end = _span_of_time(text, tokens, ends[-1])
    if span_end is not None:
        ends.append(span_end)
    for end in reversed(ends):
        try:
            parse_rank_words(_words(text, tokens, start, end))
        except FactcheckError:
            continue
        return start, end
    return None


def _span_of_time(text: str, tokens: list[Token], end: int) -> int | None:
    """The last token of a span of time right after token `end` ("since 2015", "in 16 years", "for a decade",
    "on record", "ever"), or None."""
    j = end + 1
    if j >= len(tokens) or not _adjacent(text, tokens[end], tokens[j]):
        return None
    if tokens[j].text in _EVER:
        return j
    if tokens[j].text == "on" and _word_at(tokens, j + 1) == "record":
        return j + 1
    if tokens[j].text not in _SPAN_STARTS or j + 1 >= len(tokens):
        return None
    if tokens[j + 1].type in (_T.NUMBER, _T.YEAR) and tokens[j].text == "since":
        return j + 1
    k = j + 1
    if tokens[k].text in ARTICLES or tokens[k].type is _T.NUMBER:
        k += 1
    return k if k < len(tokens) and tokens[k].type is _T.WORD and k > j + 1 else None


def _words(text: str, tokens: list[Token], start: int, end: int) -> str:
    return text[tokens[start].span[0] : tokens[end].span[1]]


def _rank_claims(text: str, tokens: list[Token], ranks: Sequence[tuple[int, int]], ids: _Ids) -> list[DraftClaim]:
    """A `rank` draft for each superlative, its inputs placeholders ("best" and "worst" ask for `order`)."""
    claims = []
    for start, end in ranks:
        span = (tokens[start].span[0], tokens[end].span[1])
        stated = text[span[0] : span[1]]
        # `among` is a list of names (or a "TABLE:COLUMN" string): a list holding the placeholder is its draft
        fields: list[tuple[str, object]] = [
            (field, (PLACEHOLDER,) if field == "among" else PLACEHOLDER) for field in INPUT_FIELDS[Kind.RANK]
        ]
        if any(tokens[k].text in QUALITY_WORDS for k in range(start, end + 1)):
            fields.append(("note", 'add order = "high" or "low": is a high value good?'))
        claims.append(DraftClaim(ids.new(Kind.RANK), Kind.RANK, stated, span, tuple(fields)))
    return claims


# -- comparisons ------------------------------------------------------------------------------


def _comparator_pattern() -> re.Pattern[str]:
    phrases = sorted((p for p in COMPARATORS if p not in WEAK_COMPARATORS), key=len, reverse=True)
    return re.compile(r"(?<![a-z])(?:" + "|".join(re.escape(p).replace(r"\ ", r"\s+") for p in phrases) + r")(?![a-z])")


def _neutral_pattern() -> re.Pattern[str]:
    phrases = sorted(DRAFTED_NEUTRAL_COMPARISONS, key=len, reverse=True)
    return re.compile(r"(?<![a-z])(?:" + "|".join(re.escape(p).replace(r"\ ", r"\s+") for p in phrases) + r")(?![a-z])")


_COMPARATOR: Final = _comparator_pattern()
_NEUTRAL: Final = _neutral_pattern()


def _comparisons(text: str, tokens: list[Token], phrases: list[_Phrase], ids: _Ids) -> list[DraftClaim]:
    """Comparison words standing on their own ("above the England average", "higher than the national average"),
    and words that state no relation ("compared with 31 per cent") in a sentence with a number phrase."""
    # the phrases' spans are in order and do not overlap (each starts after the last one ends),
    # so the one a comparison word could touch is found by bisection
    starts, ends = [], []
    for phrase in phrases:
        starts.append(tokens[phrase.start].span[0])
        ends.append(phrase.char_end if phrase.char_end is not None else tokens[phrase.end].span[1])
    lowered = "".join(c.lower() if len(c.lower()) == 1 else c for c in text)

    def free(start: int, end: int, reach: int = 2) -> bool:
        """No number phrase within `reach` characters after the words (0: none that overlaps them)."""
        nearest = bisect_left(ends, start)  # the first phrase that does not end before the words
        return not (nearest < len(starts) and starts[nearest] < end + reach)

    found = []
    for match in _COMPARATOR.finditer(lowered):
        start, end = match.span()
        # not part of a number phrase, nor right next to one ("fewer than", "more than 1,640")
        if free(start, end) and _COMPARED_NEXT_WORD.match(lowered, end):
            found.append(_comparison(text, start, end, ids))
    if phrases:  # words that state no relation compare numbers; with none there is nothing to compare
        # "52 days, compared with 31 days": words that state no relation stand right before a number
        found += [_comparison(text, *m.span(), ids) for m in _NEUTRAL.finditer(lowered) if free(*m.span(), reach=0)]
    return found


def _comparison(text: str, start: int, end: int, ids: _Ids) -> DraftClaim:
    return DraftClaim(
        ids.new(Kind.COMPARISON),
        Kind.COMPARISON,
        text[start:end],
        (start, end),
        tuple((f, PLACEHOLDER) for f in INPUT_FIELDS[Kind.COMPARISON]),
    )


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
