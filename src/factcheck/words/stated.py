"""Reads the article's own words for a number into the interval of values they allow.

"122" is [121.5, 122.5]; "nearly 1,500" is [1,450, 1,500); "the vast majority" is [80%, 100%].
The reader finds the pieces of a phrase (numbers, hedges, unit words, direction words) with one
pattern built from the word table (`words.table`), then puts them together for the claim's kind. Words it cannot
place are an error that quotes them: it never guesses, and it never drops a word that would
change the number (`table.UNREAD_WORDS` states the rule for words it does not know).

A number is bounded as a figure is: at most 101 digits before the point and 100 after, and
below 10^101 in size (written in words too), so that a hostile phrase is a quick, clean error.
"""

from __future__ import annotations

import enum
import math
import re
from collections.abc import Iterable, Mapping
from decimal import Decimal
from fractions import Fraction
from functools import cache, lru_cache
from typing import Final

import attrs

from factcheck.errors import PhraseError, ToleranceError
from factcheck.model.kinds import COUNT_KINDS, SIGNED_KINDS, Kind
from factcheck.numbers.exact import exact, rational
from factcheck.numbers.interval import Interval
from factcheck.words.table import (
    ARTICLES,
    ATTACHED_SCALES,
    COMPARATORS,
    CURRENCIES,
    DASHES,
    DIRECTIONS,
    FILLER_WORDS,
    FOLD_SUFFIX,
    FRACTION_TOLERANCE,
    FRACTIONS,
    HARMLESS_MARKS,
    HEDGES,
    IN_EVERY_WORDS,
    IN_WORDS,
    MULTIPLES,
    NEUTRAL_COMPARISONS,
    NUMBER_WORDS,
    OCCASIONS_WORD,
    ONE_WORDS,
    PER_WORDS,
    PERCENT_WORDS,
    PLUS_SIGN,
    POINT_WORDS,
    PROPORTIONS,
    SCALE_WORDS,
    SCALES,
    SPACED_SCALES,
    TIMES_WORDS,
    UNIT_ABBREVIATIONS,
    UNREAD_WORDS,
    VAGUE_AMOUNTS,
    YEAR_MARKERS,
    Hedge,
    Relation,
    looks_abbreviated,
    looks_like_a_scale_word,
    looks_like_an_acronym,
)

__all__ = [
    "MAX_DECIMALS",
    "MAX_STATED_LENGTH",
    "MAX_WHOLE_DIGITS",
    "Numeral",
    "Reading",
    "Stated",
    "Token",
    "TokenType",
    "Tolerance",
    "parse_numeral",
    "parse_relation",
    "parse_stated",
    "parse_tolerance",
    "scan",
    "step_of",
]

_HUNDRED: Final = rational(100)

#: A number in `stated` (or a tolerance) may have at most this many digits before the point, as
#: a figure may (claimsfile's exponent bound of 100): no news figure needs more, and exact
#: arithmetic on a million digits would take forever.
MAX_WHOLE_DIGITS: Final = 101
#: ... and at most this many after it.
MAX_DECIMALS: Final = 100
#: Every number read is below this in size, however it is written ("a million million …").
_LIMIT: Final = 10**MAX_WHOLE_DIGITS
#: A `stated` phrase is the article's words for one number (or one comparison): no such phrase
#: is this long, and refusing a longer one first keeps a hostile phrase from costing seconds.
MAX_STATED_LENGTH: Final = 1_000
_OUT_OF_RANGE: Final = (
    f"a number too large or too long to read (at most {MAX_WHOLE_DIGITS} digits before "
    f"the point and {MAX_DECIMALS} after)"
)


class Reading(enum.Enum):
    """How the number of a claim is to be read: the kinds differ in their step rules."""

    COUNT = "count"  # value, difference, formula without a unit word: trailing zeros round
    MEASURE = "measure"  # percentages, rates, multiples, one-in-N, changes: last written digit


@attrs.frozen
class Numeral:
    """A number as written: its exact value, its step (the place of its last digit) and text.

    `step` is the number's step when it stands plain; `hedged_step`, where it differs, its step
    under a hedge, which keeps every trailing zero of a count as rounding ("1,000" is to the
    nearest 100, "about 1,000" to the nearest 1,000).
    """

    value: Fraction
    step: Fraction
    text: str
    span: tuple[int, int] = (0, 0)
    hedged_step: Fraction | None = None

    def step_under(self, hedge: Hedge | None) -> Fraction:
        """The step that the number has under `hedge` (None: a plain number)."""
        return self.hedged_step if hedge is not None and self.hedged_step is not None else self.step


@attrs.frozen
class Tolerance:
    """A half-width: absolute (in the stated unit) or relative to the stated value."""

    amount: Fraction
    relative: bool

    def half_width(self, centre: Fraction) -> Fraction:
        return abs(centre) * self.amount if self.relative else self.amount


@attrs.frozen
class Stated:
    """What a `stated` phrase allows.

    `interval` is where the claim is supported; `loose` (a superset) is where it is true as
    worded but looser than the words imply. `direction` is +1/-1 from a direction word or a
    sign, or None. For a change with no direction, `interval` is on the size of the change alone.
    `one_in`: the words are "one in N" (or "one for every N"), and the interval is on N, the
    denominator over the numerator; a rate claim is then judged on N. `neutral`: a comparison in
    words that state no relation ("compared with"), which has no `relation`.
    """

    text: str
    interval: Interval
    loose: Interval
    centre: Fraction | None = None
    step: Fraction | None = None
    shown: str = ""  # the number as written, without its sign, for explanations ("122")
    hedge: Hedge | None = None
    direction: int | None = None
    unit: str | None = None  # "percent", "points" or a currency code named by the words
    per: Fraction | None = None
    side: int = 0  # +1 "a majority", -1 "a minority": the wrong side of 50% is gross
    relation: Relation | None = None
    one_in: bool = False
    neutral: str | None = None


# -- the scanner ----------------------------------------------------------------------------

_DIGITS = r"(?:\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?|\.\d+)"


def _alternatives(phrases: Iterable[str]) -> str:
    """A regex alternation of phrases, longest first, any run of white space between words."""
    words = sorted(phrases, key=len, reverse=True)
    return "|".join(re.escape(p).replace(r"\ ", r"\s+") for p in words)


_SCALE_SUFFIX = (
    rf"(?:(?P<sfx>{_alternatives(ATTACHED_SCALES)})(?![a-z])"
    rf"|\s+(?P<sw>{_alternatives(SPACED_SCALES)})(?![a-z]))"
)


class _T(enum.Enum):
    YEAR = "year"
    CURRENCY = "currency"
    NUMBER = "number"
    NUMWORD = "numword"
    PERCENT = "percent"
    POINTS = "points"
    PER = "per"
    TIMES = "times"
    IN = "in"
    HEDGE = "hedge"
    FRACTION = "fraction"
    PROPORTION = "proportion"
    MULTIPLE = "multiple"
    DIRECTION = "direction"
    AND = "and"
    WORD = "word"
    VAGUE = "vague"  # "dozens", "tens of thousands", "a couple of"
    SIGN = "sign"  # "+" (a minus is part of the number)
    SYMBOL = "symbol"  # a sign the reader does not read ("‰", "¥", "½"): an error in `stated`
    HUGE = "huge"  # a number past the bound: an error in `stated`
    PORTION = "portion"  # made by the assembler: "a quarter of a million"


@attrs.frozen
class _Token:
    type: _T
    text: str
    span: tuple[int, int]
    numeral: Numeral | None = None


@cache
def _phrase_table() -> dict[str, tuple[_T, object]]:
    """Every phrase of the word table, with the token it reads as and its meaning (a later table wins a tie)."""
    table: dict[str, tuple[_T, object]] = {}
    for words in (NUMBER_WORDS, SCALE_WORDS):
        table.update((word, (_T.NUMWORD, value)) for word, value in words.items())
    table.update(_fold_words())
    meanings: tuple[tuple[Mapping[str, object], _T], ...] = (
        (DIRECTIONS, _T.DIRECTION),
        (MULTIPLES, _T.MULTIPLE),
        (FRACTIONS, _T.FRACTION),
        (PROPORTIONS, _T.PROPORTION),
        (VAGUE_AMOUNTS, _T.VAGUE),
        (HEDGES, _T.HEDGE),
    )
    for phrases, kind in meanings:
        table.update((phrase, (kind, value)) for phrase, value in phrases.items())
    words_only = (
        (PERCENT_WORDS, _T.PERCENT),
        (POINT_WORDS, _T.POINTS),
        (PER_WORDS, _T.PER),
        (IN_WORDS, _T.IN),
        (TIMES_WORDS, _T.TIMES),
    )
    for plain, kind in words_only:
        table.update((phrase, (kind, None)) for phrase in plain)
    table["and"] = (_T.AND, None)
    return table


def _fold_words() -> dict[str, tuple[_T, object]]:
    """ "eightfold", "twofold", "hundredfold": a number word, then "fold" (not "zerofold", nor "dozenfold")."""
    return {
        word + FOLD_SUFFIX: (_T.TIMES, word)
        for word in [*NUMBER_WORDS, *SCALE_WORDS]
        if NUMBER_WORDS.get(word) != 0 and word != "dozen"
    }


_Trie = dict[str, "_Trie"]


@cache
def _phrase_pattern() -> str:
    """Every phrase of the table, as a trie: "more(?:\\s+than|)", and so on, then a word boundary.

    A trie, not an alternation of hundreds of phrases, so that a word is matched letter by letter
    rather than tried against each phrase in turn (the scanner runs for every claim). At each point
    a longer phrase is tried before a shorter one that ends there, as longest-first would; the one
    word boundary after the trie is tried at the end of each phrase in that order (backtracking into
    the trie when it fails), as one after every phrase would be, but compiles in half the time (it
    is compiled in every process that reads stated words). "%" needs no word boundary.
    """
    trie: _Trie = {}
    for phrase in _phrase_table():
        if phrase == "%":
            continue
        node = trie
        for char in phrase:
            node = node.setdefault(char, {})
        node[""] = {}  # a phrase ends here

    def pattern(node: _Trie) -> str:
        branches = [
            (r"\s+" if char == " " else re.escape(char)) + pattern(child)
            for char, child in sorted(node.items())
            if char
        ]
        if "" in node:  # after the longer phrases: a phrase ends here
            branches.append("")
        return branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"

    return "(?:" + pattern(trie) + "(?![a-z])|%)"  # "%" last: after any longer phrase that starts with it


def _in_a_class(chars: str) -> str:
    """Characters escaped for a regex character class."""
    return "".join("\\" + c if c in "\\]^-[" else c for c in chars)


@cache
def _scanner() -> re.Pattern[str]:
    currencies = "".join(re.escape(c) for c in CURRENCIES)
    return re.compile(
        rf"(?P<year>(?<![\d,.])(?:19|20)\d{{2}}\s?[-/]\s?(?:\d{{4}}|\d{{2}})(?!\d|,\d))"
        rf"|(?P<cur>[{currencies}])"
        rf"|(?P<num>-?{_DIGITS}){_SCALE_SUFFIX}?"
        rf"|(?<![a-z])(?P<phrase>{_phrase_pattern()})"
        rf"|(?P<word>[^\W\d_](?:[^\W\d_]|['’])*)"
        rf"|(?P<sym>[^\w\s{_in_a_class(HARMLESS_MARKS)}])"
    )


_DASHES: Final = re.compile("[" + DASHES + "]")
_MINUS_BEFORE_CURRENCY: Final = re.compile(rf"(?<![\w.])-([{''.join(map(re.escape, CURRENCIES))}])(?=\d)")
_SPACES: Final = re.compile(r"\s+")


def _normalise(text: str) -> str:
    text = text.lower()
    if not text.isascii():  # each substitution is skipped only where it cannot match
        text = _DASHES.sub("-", text)
    if "-" in text:
        text = _MINUS_BEFORE_CURRENCY.sub(r"\1-", text)  # "-£5" is "£-5"
    if "p" in text:
        text = _PENCE.sub(_pence_as_pounds, text)  # "45p" is "£0.45", to the penny
    return _SPACES.sub(" ", text).strip()


_PENCE: Final = re.compile(r"(?<![\w.,£$€])(\d+(?:\.\d+)?)p(?![a-z])")


def _pence_as_pounds(match: re.Match[str]) -> str:
    return "£" + format(Decimal(match.group(1)).scaleb(-2), "f")


def _digits_numeral(match: re.Match[str], reading: Reading) -> Numeral | None:
    """The number of a run of digits (with its scale), or None past the bound."""
    raw = match.group("num")
    digits = raw.replace(",", "") if "," in raw else raw
    negative = digits.startswith("-")
    if negative:
        digits = digits[1:]
    whole, point, decimals = digits.partition(".")
    if len(whole) > MAX_WHOLE_DIGITS or len(decimals) > MAX_DECIMALS:
        return None  # checked on the text, before any conversion costs time
    if point:
        value = rational(int(whole + decimals), 10 ** len(decimals))
        step = hedged = rational(1, 10 ** len(decimals))
    else:
        value = rational(int(whole))
        step, hedged = _whole_steps(whole, reading)
    scale_word = match.group("sfx") or match.group("sw")
    if scale_word:
        scale = SCALES[scale_word]
        value, step, hedged = value * scale, step * scale, hedged * scale
        if value >= _LIMIT:
            return None
    if negative:
        value = -value
    return Numeral(value, step, match.group(0), match.span(), None if hedged is step or hedged == step else hedged)


_ONE: Final = rational(1)


def _whole_steps(whole: str, reading: Reading) -> tuple[Fraction, Fraction]:
    """(plain, hedged) steps of a whole number's digits: see `step_of`."""
    significant = whole.lstrip("0")
    if reading is not Reading.COUNT or not significant or significant[-1] != "0":
        return _ONE, _ONE
    zeros = len(significant) - len(significant.rstrip("0"))
    return rational(10 ** min(zeros, len(significant) - 2)), rational(10**zeros)


def step_of(digits: str, reading: Reading = Reading.MEASURE, *, hedged: bool = False) -> Fraction:
    """The step of a number written in digits (without commas or sign).

    The place of the last written digit. For a count, the trailing zeros of a whole number
    count as rounding too, but a plain number keeps at least two significant figures ("1,640"
    and "400" are to the nearest 10, "1,000" to the nearest 100, "10" to the nearest 1); under
    a hedge every trailing zero rounds ("about 4,000": 1,000). The step of 0 is 1.
    """
    whole, point, decimals = digits.partition(".")
    if point:
        return rational(1, 10 ** len(decimals))
    plain, every_zero = _whole_steps(whole, reading)
    return every_zero if hedged else plain


def _tokens(text: str, reading: Reading) -> list[_Token]:
    table = _phrase_table()
    found: list[_Token] = []
    joins = False  # number words or "and" to join: most phrases have neither, and skip the pass
    for match in _scanner().finditer(text):
        span = match.span()
        group = match.lastgroup  # the alternative that matched (a number's scale suffix closes last)
        if group == "year":
            found.append(_Token(_T.YEAR, match.group(0), span))
        elif group == "cur":
            found.append(_Token(_T.CURRENCY, match.group(0), span))
        elif group in ("num", "sfx", "sw"):
            numeral = _digits_numeral(match, reading)
            found.append(
                _Token(_T.NUMBER, match.group(0), span, numeral)
                if numeral is not None
                else _Token(_T.HUGE, match.group(0), span)
            )
        elif group == "phrase":
            phrase = _SPACES.sub(" ", match.group("phrase"))
            kind, value = table[phrase]
            if kind is _T.TIMES and isinstance(value, str):  # "eightfold" is "eight" "fold"
                cut = span[0] + len(value)
                found.append(_Token(_T.NUMWORD, value, (span[0], cut)))
                found.append(_Token(_T.TIMES, FOLD_SUFFIX, (cut, span[1])))
                joins = True
            else:
                found.append(_Token(kind, phrase, span))
                joins = joins or kind is _T.NUMWORD or kind is _T.AND
        elif group == "word":
            word = match.group(0)
            letters = word.isalpha() or word.replace("'", "").replace("’", "").isalpha()
            found.append(_Token(_T.WORD if letters else _T.SYMBOL, word, span))  # "½", "²" are not letters
        else:
            mark = match.group(0)
            found.append(_Token(_T.SIGN if mark == PLUS_SIGN else _T.SYMBOL, mark, span))
    return _join_number_words(found, reading) if joins else found


#: The scanner's tokens, for readers of whole sentences (`factcheck.drafting.extract`).
Token = _Token
TokenType = _T


def scan(text: str, reading: Reading = Reading.COUNT) -> list[_Token]:
    """The tokens of `text` (runs of number words joined into numbers), with spans into `text` itself.

    Letters are lower-cased one by one and dashes made "-", so every span indexes the text as given.
    """
    lowered = "".join(c.lower() if len(c.lower()) == 1 else c for c in text)
    return _tokens(_DASHES.sub("-", lowered), reading)


def _join_number_words(tokens: list[_Token], reading: Reading) -> list[_Token]:
    """Turn runs of number words ("two hundred and fifty", "a million", "two and a half") into numbers."""
    out: list[_Token] = []
    i, n = 0, len(tokens)
    while i < n:
        tok = tokens[i]
        if tok.type is _T.NUMWORD or (
            tok.type is _T.WORD
            and tok.text in ARTICLES
            and i + 1 < n
            and tokens[i + 1].type is _T.NUMWORD
            and tokens[i + 1].text in SCALE_WORDS
        ):
            i = _join_words_at(tokens, i, reading, out)
        elif (
            tok.numeral is not None
            and i + 2 < n
            and tokens[i + 1].type is _T.AND
            and tokens[i + 2].type is _T.FRACTION
            and tok.text.isdigit()
        ):  # "2 and a half"
            i = _join_fraction_at(tokens, i + 1, [tok], tok.numeral.value, rational(1), out)
        else:
            out.append(tok)
            i += 1
    return out


def _join_words_at(tokens: list[_Token], i: int, reading: Reading, out: list[_Token]) -> int:
    """Join the run of number words that starts at `i` into one number; returns where the run ends."""
    n = len(tokens)
    run = [tokens[i]]
    has_scale = tokens[i].text in SCALE_WORDS  # kept as it goes: a hostile run may be a million words long
    j = i + 1
    while j < n:
        nxt = tokens[j]
        if nxt.type is _T.NUMWORD:
            run.append(nxt)
            has_scale = has_scale or nxt.text in SCALE_WORDS
            j += 1
        elif nxt.type is _T.AND and j + 1 < n and tokens[j + 1].type is _T.NUMWORD and has_scale:
            j += 1  # "two hundred and fifty"
        else:
            break
    read = _words_value([t.text for t in run], reading)
    if read is None:
        text = " ".join(t.text for t in run)
        out.append(_Token(_T.HUGE, text, (run[0].span[0], run[-1].span[1])))
        return j
    value, step, hedged = read
    if j + 1 < n and tokens[j].type is _T.AND and tokens[j + 1].type is _T.FRACTION:
        place = exact(SCALE_WORDS.get(run[-1].text, 1))  # "a million and a half": half a million more
        return _join_fraction_at(tokens, j, run, value, place, out)
    span = (run[0].span[0], run[-1].span[1])
    text = " ".join(t.text for t in run)
    out.append(_Token(_T.NUMBER, text, span, Numeral(value, step, text, span, hedged if hedged != step else None)))
    return j


def _join_fraction_at(
    tokens: list[_Token], j: int, run: list[_Token], value: Fraction, place: Fraction, out: list[_Token]
) -> int:
    """ "two and a half" (at `j`: "and", then the fraction): 2.5, to the nearest 0.5; then perhaps "million"."""
    start = j
    fraction = FRACTIONS[tokens[j + 1].text]
    value += fraction * place
    step = place / fraction.denominator
    j += 2
    if j < len(tokens) and tokens[j].type is _T.NUMWORD and tokens[j].text in SCALE_WORDS:  # "two and a half million"
        scale = SCALE_WORDS[tokens[j].text]
        value, step = value * scale, step * scale
        j += 1
    span = (run[0].span[0], tokens[j - 1].span[1])
    text = " ".join(t.text for t in [*run, *tokens[start:j]])
    if abs(value) >= _LIMIT:
        out.append(_Token(_T.HUGE, text, span))
    else:
        out.append(_Token(_T.NUMBER, text, span, Numeral(value, step, text, span)))
    return j


def _count_steps(value: Fraction, reading: Reading) -> tuple[Fraction, Fraction]:
    """(plain, hedged) steps of a whole number in words, as if written in digits ("twenty": 1, or 10 hedged)."""
    if value.denominator != 1:
        return _ONE, _ONE
    return _whole_steps(str(value.numerator), reading)


def _words_value(words: list[str], reading: Reading) -> tuple[Fraction, Fraction, Fraction] | None:
    """(value, plain step, hedged step) of number words, or None past the bound.

    A number has the step of its last word: a scale word's value times the step of the number it
    multiplies ("two hundred": 100; "1.5 million" is digits; "twenty million": 1 million, or 10
    million hedged); any other word, the step the same number has in digits. "A thousand million"
    multiplies, as in British usage.
    """
    total = rational(0)
    current = rational(0)
    current_steps: tuple[Fraction, Fraction] | None = None  # when `current` ends in "hundred" or "dozen"
    total_steps: tuple[Fraction, Fraction] | None = None
    last_steps: tuple[Fraction, Fraction] | None = None
    previous_scale = 0  # the large scale (a thousand or more) of the word before, if it was one
    for word in words:
        if word in ARTICLES:
            current = rational(1)
            continue
        scale = SCALE_WORDS.get(word)
        if scale is None:
            current += NUMBER_WORDS[word]
            current_steps = last_steps = None
            previous_scale = 0
        elif scale < 1_000:  # "hundred", "dozen": multiply the group so far
            factor = current or rational(1)
            plain, hedged = current_steps or _count_steps(factor, reading)
            current = factor * scale
            current_steps = last_steps = (plain * scale, hedged * scale)
            previous_scale = 0
        else:
            if not current and previous_scale and previous_scale <= scale:  # "a thousand million"
                assert total_steps is not None
                plain, hedged = total_steps
                total *= scale
            else:
                factor = current or rational(1)
                plain, hedged = current_steps or _count_steps(factor, reading)
                total += factor * scale
            total_steps = last_steps = (plain * scale, hedged * scale)
            current, current_steps, previous_scale = rational(0), None, scale
        if total + current >= _LIMIT:
            return None
    value = total + current
    plain, hedged = last_steps or _count_steps(value, reading)
    return value, plain, hedged


# -- putting the pieces together ----------------------------------------------------------

_TOLERANCE_TEXT: Final = re.compile(r"\s*(\d+(?:\.\d+)?)\s*(%|per ?cent)?\s*")


def parse_tolerance(value: object, where: str = "tolerance") -> Tolerance:
    """A claim's or the file's `tolerance`: a number (absolute) or a string like "2%" (relative).

    Raises:
        ToleranceError: (a ValueError) not a finite, non-negative number within the bound that numbers have.
    """
    if isinstance(value, bool) or not isinstance(value, (int, float, Decimal, str)):
        msg = f'{where} must be a number or a percentage like "2%", not {_brief(value)}'
        raise ToleranceError(msg)
    if isinstance(value, str):
        match = _TOLERANCE_TEXT.fullmatch(value)
        if match is None:
            msg = f'{where} must be a number or a percentage like "2%", not {_brief(value)}'
            raise ToleranceError(msg)
        digits = match.group(1)
        whole, _, decimals = digits.partition(".")
        if len(whole) > MAX_WHOLE_DIGITS or len(decimals) > MAX_DECIMALS:
            raise ToleranceError(f"{where} is out of range: {_OUT_OF_RANGE}")
        amount = exact(Decimal(digits))
        relative = match.group(2) is not None
    else:
        amount = _finite(value, where)
        relative = False
    if amount < 0:
        raise ToleranceError(f"{where} must not be negative: {_brief(value)}")
    if amount >= _LIMIT:
        raise ToleranceError(f"{where} is out of range: {_OUT_OF_RANGE}")
    return Tolerance(amount / _HUNDRED if relative else amount, relative=relative)


def _finite(value: float | Decimal, where: str) -> Fraction:
    """A number as an exact fraction, refusing infinities, NaN and sizes past the bound before converting."""
    if isinstance(value, int):
        if abs(value) >= _LIMIT:
            raise ToleranceError(f"{where} is out of range: {_OUT_OF_RANGE}")
        return rational(value)
    if isinstance(value, float):
        if not math.isfinite(value):
            raise ToleranceError(f"{where} must be a finite number, not {value}")
        return exact(Decimal(str(value)))  # as written: 0.1 is 1/10, not the binary float nearest it
    if not value.is_finite():
        raise ToleranceError(f"{where} must be a finite number, not {value}")
    exponent = value.as_tuple().exponent  # an int for a finite Decimal
    if value and (value.adjusted() >= MAX_WHOLE_DIGITS or (isinstance(exponent, int) and exponent < -MAX_DECIMALS)):
        raise ToleranceError(f"{where} is out of range: {_OUT_OF_RANGE}")
    return exact(value)


def _brief(value: object) -> str:
    """A value for an error message, shortened: a hostile tolerance may be a million characters."""
    if isinstance(value, int) and not isinstance(value, bool) and abs(value) >= _LIMIT:
        return "a number of more than 101 digits"
    text = repr(value)
    return text if len(text) <= 60 else text[:40] + "…" + text[-10:]


def parse_numeral(text: str, reading: Reading = Reading.COUNT) -> Numeral:
    """Read a single number ("1,405", "1.2m", "twenty-one", "a million") and nothing else."""
    _refuse_long(text)
    tokens = [t for t in _tokens(_normalise(text), reading) if t.type is not _T.CURRENCY]
    if any(t.type is _T.HUGE for t in tokens):
        raise PhraseError(_quotable(text), _OUT_OF_RANGE)
    numbers = [t for t in tokens if t.type is _T.NUMBER]
    if len(numbers) != 1 or len(tokens) != 1:
        raise PhraseError(_quotable(text), "not a single number")
    numeral = numbers[0].numeral
    assert numeral is not None
    return attrs.evolve(numeral, text=text.strip())


#: Phrases longer than this are quoted shortened in errors (a hostile phrase may be megabytes).
_QUOTE_LIMIT: Final = 200


def _quotable(text: str) -> str:
    if len(text) <= _QUOTE_LIMIT:
        return text
    return f"{text[: _QUOTE_LIMIT // 2]}… ({len(text):,} characters) …{text[-20:]}"


def _patterns(phrases: Iterable[str]) -> list[tuple[str, re.Pattern[str]]]:
    """Each phrase with its pattern, longest first."""
    return [
        (phrase, re.compile(r"(?<![a-z])" + re.escape(phrase).replace(r"\ ", r"\s+") + r"(?![a-z])"))
        for phrase in sorted(phrases, key=len, reverse=True)
    ]


@cache
def _comparator_patterns() -> list[tuple[str, re.Pattern[str]]]:
    return _patterns(COMPARATORS)


@cache
def _neutral_patterns() -> list[tuple[str, re.Pattern[str]]]:
    return _patterns(NEUTRAL_COMPARISONS)


def _read_comparison(text: str) -> tuple[Relation | None, str | None]:
    """(relation, None) for "above", "higher than"; (None, phrase) for words that state none ("compared with")."""
    _refuse_long(text)
    norm = _normalise(text)
    found: dict[Relation, str] = {}
    for phrase, pattern in _comparator_patterns():
        if pattern.search(norm):
            relation = COMPARATORS[phrase]
            if not any(phrase in longer for longer in found.values()):
                found.setdefault(relation, phrase)
            norm = pattern.sub(" ", norm)
    quantities = [
        t
        for t in _tokens(norm, Reading.MEASURE)
        if t.type in (_T.NUMBER, _T.FRACTION, _T.PROPORTION, _T.MULTIPLE, _T.VAGUE, _T.HUGE)
    ]
    if quantities:
        raise PhraseError(
            _quotable(text),
            f"a comparison states no amount, but these words do "
            f"({quantities[0].text[:40]!r}): write a ratio, difference or change "
            "claim for it",
        )
    if len(found) > 1:
        raise PhraseError(text, "comparison words pull both ways (" + ", ".join(found.values()) + ")")
    if found:
        return next(iter(found)), None
    for phrase, pattern in _neutral_patterns():
        if pattern.search(norm):
            return None, phrase
    raise PhraseError(_quotable(text), "no comparison word I know (above, below, higher than, the same as, …)")


def parse_relation(text: str) -> Relation:
    """The relation a comparison states ("above", "higher than", "the same as").

    Raises:
        PhraseError: no comparison word, words that pull both ways, or words that state no
            relation ("compared with", "versus"), which `parse_stated` reads as `neutral`.
    """
    relation, neutral = _read_comparison(text)
    if relation is None:
        raise PhraseError(text, f"{neutral!r} states no relation")
    return relation


_QUANTITIES: Final = (_T.NUMBER, _T.FRACTION, _T.PROPORTION, _T.MULTIPLE, _T.VAGUE, _T.PORTION)


def parse_stated(
    text: str,
    kind: str,
    *,
    rounding: str = "nearest",
    tolerance: Tolerance | None = None,
    widen: Tolerance | None = None,
    direction_given: bool = False,
    count_like: bool = True,
) -> Stated:
    """The interval the words `text` allow, for a claim of `kind`.

    Args:
        text: the article's words for the number, as the claim's `stated` quotes them.
        kind: the claim's `Kind` (or its name): a phrase reads differently on a rate than on a share.
        rounding: "nearest", or "robust" (the writer may have truncated or rounded up).
        tolerance: the claim's own half-width, replacing the one the words imply.
        widen: the file's default tolerance, added on each side.
        direction_given: the claim has a `direction`, so unknown words are not an error.
        count_like: for value, difference and formula: whether the figure is a count or an
            amount (trailing zeros round) rather than a percentage or rate.
    """
    if not isinstance(text, str) or not text.strip():
        raise PhraseError(str(text), "stated is empty")
    _refuse_long(text)
    # a `Kind` or its name alike: as a plain name, the kind reads the same in an error message
    return _parse_stated(text, str(kind), rounding, tolerance, widen, direction_given, count_like)


def _refuse_long(text: str) -> None:
    """A phrase past `MAX_STATED_LENGTH` is an error before any reading costs time."""
    if len(text) > MAX_STATED_LENGTH:
        raise PhraseError(
            _quotable(text),
            f"too long to read as the words for one number ({len(text):,} characters; at most {MAX_STATED_LENGTH:,})",
        )


@lru_cache(maxsize=16384)
def _parse_stated(
    text: str,
    kind: str,
    rounding: str,
    tolerance: Tolerance | None,
    widen: Tolerance | None,
    direction_given: bool,
    count_like: bool,
) -> Stated:
    """parse_stated, remembered: a claim's words are read twice, and a template's words repeat."""
    if kind == Kind.COMPARISON:
        relation, neutral = _read_comparison(text)
        everything = Interval.everything()
        return Stated(text, everything, everything, relation=relation, neutral=neutral)
    norm = _normalise(text)
    reading = Reading.COUNT if count_like and kind in COUNT_KINDS else Reading.MEASURE
    tokens = _tokens(norm, reading)
    if reading is Reading.COUNT and any(t.type in (_T.PERCENT, _T.POINTS, _T.PER, _T.TIMES) for t in tokens):
        reading = Reading.MEASURE
        tokens = _tokens(norm, reading)
    return _Assembler(text, norm, kind, tokens, rounding, tolerance, widen, direction_given).build()


def _is_power_of_ten(value: Fraction) -> bool:
    """10, 100, 1,000, …: the bases rates are written per."""
    if value.denominator != 1 or value < 10:
        return False
    digits = str(value.numerator)
    return digits[0] == "1" and not digits[1:].strip("0")


def _is_one(tok: _Token) -> bool:
    """The "one" of "one in five", "one for every 640", "1 in 20": exactly one, as a word or a digit."""
    return tok.type is _T.NUMBER and tok.text in ONE_WORDS


class _Words:
    """What the assembler has gathered from a phrase's tokens so far (`_Assembler._gather`).

    A plain class with slots, not an attrs record: defining an attrs class costs more at import than
    this one costs in all the phrases of a file.
    """

    __slots__ = ("directions", "hedge", "per", "per_words", "plus", "quantity", "unit", "unknown")

    def __init__(self) -> None:
        self.unit: str | None = None
        self.per: Fraction | None = None
        self.per_words: list[_Token] = []  # "for every", "640": a "one for every 640" may be one in 640
        self.hedge: Hedge | None = None
        self.plus = False
        self.directions: list[int] = []
        self.unknown: list[_Token] = []
        self.quantity: list[_Token] = []


@attrs.define
class _Assembler:
    text: str
    norm: str
    kind: str
    tokens: list[_Token]
    rounding: str
    tolerance: Tolerance | None
    widen: Tolerance | None
    direction_given: bool

    def fail(self, reason: str, token: _Token | None = None) -> PhraseError:
        span = None
        if token is not None and len(self.norm) == len(self.text) and len(self.text) <= _QUOTE_LIMIT:
            span = token.span
        if token is None:
            return PhraseError(_quotable(self.text), reason)
        quoted = token.text if len(token.text) <= 40 else token.text[:30] + "…"
        return PhraseError(_quotable(self.text), f"{reason} {quoted!r}", span)

    def build(self) -> Stated:
        """The Stated of the phrase: its words gathered (`_gather`), its one quantity and direction found,
        then read by what was written (`_interpret`). Each step raises the phrase's first problem."""
        words = self._gather(self._combine(self._drop_years(self.tokens)))
        group, per = self._the_quantity(words)
        direction = self._the_direction(words.directions)
        self._refuse_unknown_direction_words(words, group, direction)
        return self._interpret(group, words.hedge, direction, words.unit, per, words.plus)

    # -- gathering the words, token by token -------------------------------------------------
    def _gather(self, toks: list[_Token]) -> _Words:
        """Every token read into its place: the unit, the rate's base, the hedge, the signs, the directions,
        the words not known, and the tokens of the quantity."""
        words = _Words()
        i = 0
        while i < len(toks):
            i = self._take(toks, i, words)
        return words

    def _take(self, toks: list[_Token], i: int, words: _Words) -> int:
        """Read the token at `i` into `words`; where the next token to read is."""
        tok = toks[i]
        t = tok.type
        if t is _T.PER:
            return self._take_per(toks, i, words)
        if t in _QUANTITIES:
            return self._take_quantity(toks, i, words)
        if t is _T.CURRENCY:
            words.unit = CURRENCIES[tok.text]
        elif t is _T.PERCENT:
            words.unit = "percent"
        elif t is _T.POINTS:
            words.unit = "points"
        elif t is _T.HEDGE:
            self._take_hedge(toks, i, words)
        elif t is _T.DIRECTION:
            words.directions.append(DIRECTIONS[tok.text])
        elif t is _T.WORD:
            self._refuse_unread(toks, i)
            if tok.text not in FILLER_WORDS:
                words.unknown.append(tok)
        elif t is _T.SIGN:
            if not self._signs_a_number(toks, i):
                raise self.fail("a sign that is not before a number, which I do not read:", tok)
            words.plus = True
        elif t is _T.SYMBOL:
            raise self.fail("a sign I do not read (it would change the number or its unit):", tok)
        elif t is _T.HUGE:
            raise self.fail(_OUT_OF_RANGE + ":", tok)
        return i + 1

    def _take_per(self, toks: list[_Token], i: int, words: _Words) -> int:
        """ "per 100,000": the base of a rate, which must be a positive number."""
        tok = toks[i]
        nxt = toks[i + 1] if i + 1 < len(toks) else None
        if nxt is None or nxt.type is not _T.NUMBER:
            raise self.fail("no number after", tok)
        assert nxt.numeral is not None
        if nxt.numeral.value <= 0:
            raise self.fail("a rate must be per a positive number, not", nxt)
        words.per = nxt.numeral.value
        words.per_words = [tok, nxt]
        return i + 2

    def _take_quantity(self, toks: list[_Token], i: int, words: _Words) -> int:
        """A quantity's tokens: a number, a fraction word …, with "in N" ("one in five") or "times" after it."""
        tok = toks[i]
        words.quantity.append(tok)
        if tok.type is not _T.NUMBER:
            return i + 1
        if i + 2 < len(toks) and self._is_in(toks[i + 1]) and toks[i + 2].type is _T.NUMBER:
            words.quantity += [toks[i + 1], toks[i + 2]]
            return i + 3
        if i + 1 < len(toks) and toks[i + 1].type is _T.TIMES:
            words.quantity.append(toks[i + 1])
            return i + 2
        return i + 1

    def _take_hedge(self, toks: list[_Token], i: int, words: _Words) -> None:
        """A hedge before the quantity qualifies it; elsewhere its first word may be a direction ("up to")."""
        tok = toks[i]
        if self._governs_quantity(toks, i):
            if words.hedge is not None:
                raise self.fail("two qualifiers in one phrase:", tok)
            words.hedge = HEDGES[tok.text]
            return
        first = tok.text.split()[0]
        if first in DIRECTIONS:
            words.directions.append(DIRECTIONS[first])

    # -- the one quantity and its direction ------------------------------------------------------
    def _the_quantity(self, words: _Words) -> tuple[list[_Token], Fraction | None]:
        """The phrase's one quantity (its tokens) and the rate's base; "one for every 640" is one in 640."""
        if not words.quantity:
            raise self.fail("no number or proportion word I can read")
        groups = self._group(words.quantity)
        if len(groups) > 1:
            if any(g[0].type is _T.VAGUE for g in groups):
                raise self.fail("a vague amount with a number is not defined (keep one of them):", groups[1][0])
            raise self.fail("more than one number; keep only the claim's own:", groups[1][0])
        group = groups[0]
        if words.per_words and len(group) == 1 and self._reads_one_in(group[0], *words.per_words):
            return [group[0], *words.per_words], None  # "one for every 640 residents" is one in 640
        return group, words.per

    def _the_direction(self, directions: list[int]) -> int | None:
        if not directions:
            return None
        if len(set(directions)) > 1:
            raise self.fail("direction words pull both ways")
        return directions[0]

    def _refuse_unknown_direction_words(self, words: _Words, group: list[_Token], direction: int | None) -> None:
        """A change or difference with no direction (no word, no sign, no `direction`) and a word the reader
        does not know: the word may be a direction, so it is an error that asks for `direction`."""
        signed = words.plus or (
            group[0].numeral is not None and group[0].numeral.text.startswith("-") and len(group) == 1
        )
        if (
            self.kind in SIGNED_KINDS
            and direction is None
            and words.unknown
            and not signed
            and not self.direction_given
            and group[0].type is not _T.MULTIPLE
        ):
            raise self.fail("a word I do not know as a direction (add `direction` to the claim):", words.unknown[0])

    def _reads_one_in(self, head: _Token, per_word: _Token, n: _Token) -> bool:
        """Whether "K <per word> N" is K in N rather than a rate of K per N.

        "One for every 640", "one adult per 500 residents", "1 in every 20" are one in N (the one
        exact, the N rounded as written). So is "1 for every 510"; but "1 per 100,000", per a power
        of ten, is how a rate is written, and is read as one (rounded) per 100,000 on a rate. On
        `one_in` every such phrase is K in N ("1 per 100,000", "3 for every 10").
        """
        if head.type is not _T.NUMBER or n.numeral is None:
            return False
        if head.text == "one" or self.kind == Kind.ONE_IN:
            return True
        if head.text != "1":
            return False
        return per_word.text in IN_EVERY_WORDS or not _is_power_of_ten(n.numeral.value)

    def _combine(self, toks: list[_Token]) -> list[_Token]:
        """Join a fraction of a scale word ("a quarter of a million") and "a couple of" a scale word."""
        if not any(t.type in (_T.FRACTION, _T.VAGUE) for t in toks):  # the common path
            return toks
        out: list[_Token] = []
        i = 0
        while i < len(toks):
            tok = toks[i]
            j = i + 1
            if tok.type is _T.FRACTION and j < len(toks) and toks[j].type is _T.WORD and toks[j].text == "of":
                j += 1
            scale = self._scale_only(toks[j]) if j < len(toks) else None
            if scale is not None and tok.type is _T.FRACTION:
                value = FRACTIONS[tok.text] * scale
                span = (tok.span[0], toks[j].span[1])
                text = self.norm[span[0] : span[1]]
                out.append(_Token(_T.PORTION, text, span, Numeral(value, value * FRACTION_TOLERANCE, text, span)))
                i = j + 1
            elif scale is not None and tok.type is _T.VAGUE and VAGUE_AMOUNTS[tok.text].scalable:
                span = (tok.span[0], toks[j].span[1])
                text = self.norm[span[0] : span[1]]
                out.append(_Token(_T.VAGUE, tok.text, span, Numeral(scale, scale, text, span)))
                i = j + 1
            else:
                out.append(tok)
                i += 1
        return out

    @staticmethod
    def _scale_only(tok: _Token) -> Fraction | None:
        """The value of a number in scale words alone ("a million", "hundred thousand"), else None."""
        if tok.type is not _T.NUMBER or tok.numeral is None:
            return None
        words = tok.text.split()
        if words and words[0] in (*ARTICLES, "one"):
            words = words[1:]
        if words and all(w in SCALE_WORDS for w in words):
            return tok.numeral.value
        return None

    def _refuse_unread(self, toks: list[_Token], i: int) -> None:
        """An unknown word that would change the number is an error quoting it (`table.UNREAD_WORDS`)."""
        tok = toks[i]
        prev = toks[i - 1] if i else None
        after = self.norm[prev.span[1] : tok.span[0]] if prev is not None and prev.type is _T.NUMBER else None
        if tok.text in UNREAD_WORDS:
            nxt = toks[i + 1] if i + 1 < len(toks) else None
            before = nxt is not None and nxt.type is _T.NUMBER and self.norm[tok.span[1] : nxt.span[0]] in (" ", "-")
            if before or after in ("", " ", "-"):
                raise self.fail("a word that changes the number in a way I do not read:", tok)
        if after is None or tok.text in UNIT_ABBREVIATIONS:
            return
        if after == "":
            raise self.fail("a word joined to a number that I do not know:", tok)
        if after in (" ", "-") and looks_like_a_scale_word(tok.text):
            raise self.fail('a word that looks like a scale word misspelt ("million", "thousand", …):', tok)
        if after in (" ", "-") and looks_abbreviated(tok.text):
            if tok.text in SCALES:
                raise self.fail('a scale I read only after digits ("£5bn", "5 bn"), not here:', tok)
            if not looks_like_an_acronym(self._as_written(tok)):  # "12 NHS trusts", "40 MPs": the thing counted
                raise self.fail("an abbreviation after a number that I do not know:", tok)

    def _as_written(self, tok: _Token) -> str:
        """A word as the article wrote it, in its own case (the reader works on the lower-cased text)."""
        if len(self.norm) == len(self.text):  # normalising kept every place: the span indexes the text
            return self.text[tok.span[0] : tok.span[1]]
        found = re.search(rf"(?<![^\W\d_]){re.escape(tok.text)}(?![^\W\d_])", self.text, re.IGNORECASE)
        return found.group(0) if found else tok.text

    def _signs_a_number(self, toks: list[_Token], i: int) -> bool:
        """Whether the "+" at `i` is joined to a number, perhaps across a currency sign ("+4%", "+£5")."""
        end = toks[i].span[1]
        for tok in toks[i + 1 : i + 3]:
            if tok.span[0] != end:
                return False
            if tok.type is _T.NUMBER:
                return True
            if tok.type is not _T.CURRENCY:
                return False
            end = tok.span[1]
        return False

    def _is_in(self, tok: _Token) -> bool:
        """ "in" of "one in five"; "in every" too, except in a rate, where it means "per"."""
        if tok.type is _T.IN:
            return True
        return tok.type is _T.PER and tok.text in IN_EVERY_WORDS and self.kind != Kind.RATE

    @staticmethod
    def _drop_years(toks: list[_Token]) -> list[_Token]:
        """Financial years ("2018-19") always; a bare year ("on 2019", "March 2019") beside another number."""
        toks = [t for t in toks if t.type is not _T.YEAR]
        numbers = [t for t in toks if t.type is _T.NUMBER]
        if len(numbers) < 2:
            return toks
        out = []
        for k, tok in enumerate(toks):
            prev = toks[k - 1] if k else None
            is_year = (
                tok.type is _T.NUMBER
                and re.fullmatch(r"(?:19|20)\d\d", tok.text) is not None
                and prev is not None
                and prev.type in (_T.WORD, _T.IN)
                and prev.text in YEAR_MARKERS
            )
            if not is_year:
                out.append(tok)
        return out

    @staticmethod
    def _governs_quantity(toks: list[_Token], i: int) -> bool:
        j = i + 1
        while j < len(toks) and toks[j].type in (_T.CURRENCY, _T.DIRECTION, _T.HEDGE, _T.SIGN):
            j += 1
        return j < len(toks) and toks[j].type in _QUANTITIES

    @staticmethod
    def _group(quantity: list[_Token]) -> list[list[_Token]]:
        groups: list[list[_Token]] = []
        for tok in quantity:
            if tok.type in (_T.IN, _T.PER, _T.TIMES) or (groups and groups[-1][-1].type in (_T.IN, _T.PER)):
                groups[-1].append(tok)
            else:
                groups.append([tok])
        return groups

    # -- interpretation by what was written ------------------------------------------------
    def _interpret(
        self,
        group: list[_Token],
        hedge: Hedge | None,
        direction: int | None,
        unit: str | None,
        per: Fraction | None,
        plus: bool,
    ) -> Stated:
        """The quantity read by what was written: a proportion, a multiple, a vague amount, a fraction of a
        scale, "K in N", a fraction word, or a number."""
        head = group[0]
        if head.type is _T.PROPORTION:
            return self._proportion(head, hedge)
        if head.type is _T.MULTIPLE:
            return self._multiple(head, hedge, direction)
        if head.type is _T.VAGUE:
            return self._vague(head, hedge, direction, unit)
        if head.type is _T.PORTION:
            return self._portion(head, hedge, direction, unit)
        if len(group) == 3:
            return self._k_in_n(group, hedge, direction, unit, plus)
        if head.type is _T.FRACTION:
            return self._fraction(FRACTIONS[head.text], hedge, direction, head)
        return self._number(group, hedge, direction, unit, per, plus)

    def _proportion(self, head: _Token, hedge: Hedge | None) -> Stated:
        """ "the vast majority": a share in the word table's interval, on its side of 50%."""
        if self.kind != Kind.SHARE:
            raise self.fail(f"a proportion word needs kind 'share', not {self.kind!r}:", head)
        if hedge is not None:
            raise self.fail("a qualifier on a proportion word is not defined:", head)
        prop = PROPORTIONS[head.text]
        interval = self._widen(prop.interval, prop.interval.centre)
        return Stated(self.text, interval, interval, shown=head.text, side=prop.side, unit="percent")

    def _k_in_n(
        self, group: list[_Token], hedge: Hedge | None, direction: int | None, unit: str | None, plus: bool
    ) -> Stated:
        """ "K in N": one in N on one_in (or one in N in any kind), a rate per N, or the proportion K/N."""
        k, n = group[0].numeral, group[2].numeral
        assert k is not None and n is not None
        if self.kind == Kind.ONE_IN:
            return self._one_in(k, n, hedge, group)
        if _is_one(group[0]):
            return self._one_in_of_kind(k, n, hedge, direction, group)
        if self.kind == Kind.RATE:  # "3 in 1,000": a rate per 1,000
            return self._number(group[:1], hedge, direction, unit, n.value, plus)
        if n.value == 0 or k.value > n.value or k.value < 0:
            raise self.fail("not a proportion:", group[0])
        return self._fraction(k.value / n.value, hedge, direction, group[0])

    def _number(
        self,
        group: list[_Token],
        hedge: Hedge | None,
        direction: int | None,
        unit: str | None,
        per: Fraction | None,
        plus: bool,
    ) -> Stated:
        """A number X ("122", "-5%", "up 4%", "three times"): X with its step, after its qualifier and sign."""
        head = group[0]
        kind = self.kind
        numeral = head.numeral
        assert numeral is not None
        if len(group) == 2 and group[1].type is _T.TIMES and kind not in (Kind.RATIO, Kind.CHANGE):
            if kind not in COUNT_KINDS or group[1].text != OCCASIONS_WORD:
                raise self.fail(f"a multiple needs kind 'ratio' or 'change', not {kind!r}:", group[1])
            group = group[:1]  # "16 times during 2019-20": a count of occasions
        if kind == Kind.ONE_IN:
            raise self.fail("one_in needs 'one in N':", head)
        step = numeral.step_under(hedge)
        if len(group) == 2 and kind == Kind.CHANGE:
            # "rose three-fold", "an eightfold increase": a multiple N is a change of (N − 1) × 100%
            if direction == -1 or numeral.value < 0:
                raise self.fail(
                    "a fall by a multiple is not defined (write the change as a share or a ratio):", group[1]
                )
            ratio = self._around(numeral.value, step, hedge)
            return self._change_from_ratio(ratio, numeral, hedge, +1)
        signed = kind in SIGNED_KINDS
        sign = -1 if numeral.value < 0 or numeral.text.startswith("-") else (+1 if plus else 0)  # "-0.0%" fell
        shown = numeral.text.lstrip("+-")
        if signed and sign:
            if direction is not None and direction != sign:
                raise self.fail("a sign and a direction word that pull both ways:", head)
            direction = sign
        tight, loose = self._around(numeral.value, step, hedge)
        centre = numeral.value
        if signed and direction == -1 and numeral.value >= 0:
            tight, loose, centre = tight.negate(), loose.negate(), -centre
        if not signed:
            direction = None
        return Stated(self.text, tight, loose, centre, step, shown, hedge, direction, unit, per)

    def _half(self, centre: Fraction, step: Fraction) -> Fraction:
        if self.tolerance is not None:
            return self.tolerance.half_width(centre)
        return step / 2

    def _around(
        self, x: Fraction, step: Fraction, hedge: Hedge | None, *, widen: bool = True
    ) -> tuple[Interval, Interval]:
        """(supported, loose) intervals of a number X with step s, after its qualifier."""
        h = self._half(x, step)
        if hedge is None:
            if self.rounding == "robust" and self.tolerance is None:
                tight = Interval(x - step, x + step, lo_open=True, hi_open=True)
            else:
                tight = Interval.around(x, h)
            loose = tight
        else:
            tight, loose = _hedged(hedge, x, Interval(x - h, x + h))
        if not widen:
            return tight, loose
        return self._widen(tight, x), self._widen(loose, x)

    def _widen(self, interval: Interval, centre: Fraction) -> Interval:
        if self.widen is None:
            return interval
        return interval.widen(self.widen.half_width(centre))

    def _fraction(self, fraction: Fraction, hedge: Hedge | None, direction: int | None, head: _Token) -> Stated:
        kind = self.kind
        if kind not in (Kind.SHARE, Kind.CHANGE, Kind.RATIO):
            raise self.fail(f"a fraction needs kind 'share', 'change' or 'ratio', not {kind!r}:", head)
        scale = rational(1) if kind == Kind.RATIO else _HUNDRED
        value = fraction * scale
        base = Interval(value * (1 - FRACTION_TOLERANCE), value * (1 + FRACTION_TOLERANCE))
        if self.tolerance is not None:
            base = Interval.around(value, self.tolerance.half_width(value))
        tight, loose = (base, base) if hedge is None else _hedged(hedge, value, base, cut=True)
        tight, loose = self._widen(tight, value), self._widen(loose, value)
        if kind == Kind.CHANGE and direction == -1:
            tight, loose = tight.negate(), loose.negate()
        if kind != Kind.CHANGE:
            direction = None
        unit = None if kind == Kind.RATIO else "percent"
        return Stated(
            self.text, tight, loose, value if direction != -1 else -value, None, head.text, hedge, direction, unit
        )

    def _multiple(self, head: _Token, hedge: Hedge | None, direction: int | None) -> Stated:
        kind = self.kind
        mult = MULTIPLES[head.text]
        if kind not in (Kind.RATIO, Kind.CHANGE):
            raise self.fail(f"a multiple needs kind 'ratio' or 'change', not {kind!r}:", head)
        if mult.direction and direction and mult.direction != direction:
            raise self.fail("direction words pull both ways:", head)
        word_direction = mult.direction or direction or (+1 if mult.ratio > 1 else -1)
        if hedge is Hedge.ABOVE and mult.ratio > 1:
            tight = Interval(mult.ratio, mult.ratio + 1, lo_open=True, hi_open=True)
            loose = Interval(mult.ratio, None, lo_open=True, hi_open=True)
        elif hedge is not None and mult.ratio < 1:
            # "nearly halved" fell almost as far as half: the hedge speaks of the fall
            tight, loose = _hedged(hedge, -mult.ratio, mult.interval.negate(), cut=True)
            tight, loose = tight.negate(), loose.negate()
        elif hedge is not None:
            tight, loose = _hedged(hedge, mult.ratio, mult.interval, cut=True)
        else:
            tight = loose = mult.interval
        if self.tolerance is not None and hedge is None:
            tight = loose = Interval.around(mult.ratio, self.tolerance.half_width(mult.ratio))
        tight, loose = self._widen(tight, mult.ratio), self._widen(loose, mult.ratio)
        if kind == Kind.RATIO:
            return Stated(self.text, tight, loose, mult.ratio, None, head.text, hedge, None, None)
        numeral = Numeral(mult.ratio, rational(0), head.text, head.span)
        return self._change_from_ratio((tight, loose), numeral, hedge, word_direction)

    def _change_from_ratio(
        self, ratios: tuple[Interval, Interval], numeral: Numeral, hedge: Hedge | None, direction: int
    ) -> Stated:
        def to_change(r: Interval) -> Interval:
            lo = None if r.lo is None else (r.lo - 1) * _HUNDRED
            hi = None if r.hi is None else (r.hi - 1) * _HUNDRED
            return Interval(lo, hi, r.lo_open, r.hi_open)

        tight, loose = ratios
        centre = (numeral.value - 1) * _HUNDRED
        return Stated(
            self.text, to_change(tight), to_change(loose), centre, None, numeral.text, hedge, direction, "percent"
        )

    def _one_in_interval(
        self, k: Numeral, n: Numeral, hedge: Hedge | None, group: list[_Token], *, widen: bool = True
    ) -> tuple[Fraction, Fraction, Interval, Interval]:
        """(N/K, its step, supported, loose) of "K in N": the hedge speaks of the proportion K/N."""
        if k.value <= 0 or n.value <= 0:
            raise self.fail("'K in N' needs positive numbers:", group[0])
        value, step = n.value / k.value, n.step / k.value
        if hedge is None:
            tight, loose = self._around(value, step, None, widen=widen)
        else:  # "more than one in five" is a share above 1/5, so N below 5
            tight, loose = self._around(-value, step, hedge, widen=widen)
            tight, loose = tight.negate(), loose.negate()
        return value, step, tight, loose

    def _one_in(self, k: Numeral, n: Numeral, hedge: Hedge | None, group: list[_Token]) -> Stated:
        """ "one in every 769" on one_in (or a rate): an interval on N, the one exact."""
        value, step, tight, loose = self._one_in_interval(k, n, hedge, group)
        shown = " ".join(t.text for t in group)
        return Stated(self.text, tight, loose, value, step, shown, hedge, None, None, one_in=True)

    def _one_in_of_kind(
        self, k: Numeral, n: Numeral, hedge: Hedge | None, direction: int | None, group: list[_Token]
    ) -> Stated:
        """ "one in five" read the same in every kind: N rounded as written, then 1/N as the kind wants it."""
        kind = self.kind
        if kind == Kind.RATE:
            return self._one_in(k, n, hedge, group)
        if kind not in (Kind.SHARE, Kind.RATIO, Kind.CHANGE):
            raise self.fail(f"'one in N' needs kind 'one_in', 'rate', 'share' or 'ratio', not {kind!r}:", group[0])
        scale = rational(1) if kind == Kind.RATIO else _HUNDRED
        n_value, _, n_tight, n_loose = self._one_in_interval(k, n, hedge, group, widen=False)
        value = scale / n_value
        if self.tolerance is None:
            tight, loose = _reciprocal(n_tight, scale), _reciprocal(n_loose, scale)
        else:  # the claim's own half-width, on the share it states (as for "a fifth")
            base = Interval.around(value, self.tolerance.half_width(value))
            tight, loose = (base, base) if hedge is None else _hedged(hedge, value, base, cut=True)
        tight, loose = self._widen(tight, value), self._widen(loose, value)
        if kind == Kind.CHANGE and direction == -1:
            tight, loose, value = tight.negate(), loose.negate(), -value
        shown = " ".join(t.text for t in group)
        return Stated(
            self.text,
            tight,
            loose,
            value,
            None,
            shown,
            hedge,
            direction if kind == Kind.CHANGE else None,
            None if kind == Kind.RATIO else "percent",
        )

    def _vague(self, head: _Token, hedge: Hedge | None, direction: int | None, unit: str | None) -> Stated:
        """ "dozens", "tens of thousands", "a couple of hundred": a count in the word table's interval."""
        if self.kind not in COUNT_KINDS:
            raise self.fail(f"a vague amount needs kind 'value', 'difference' or 'formula', not {self.kind!r}:", head)
        if hedge not in (None, Hedge.ABOUT):  # "about dozens" says no more than "dozens"
            raise self.fail("a qualifier on a vague amount is not defined:", head)
        base = VAGUE_AMOUNTS[head.text].interval
        n = head.numeral.value if head.numeral is not None else rational(1)
        assert base.lo is not None and base.hi is not None
        interval = self._widen(Interval(base.lo * n, base.hi * n, base.lo_open, base.hi_open), base.centre * n)
        if self.kind == Kind.DIFFERENCE and direction == -1:
            interval = interval.negate()
        direction = direction if self.kind == Kind.DIFFERENCE else None
        shown = head.numeral.text if head.numeral is not None else head.text
        return Stated(self.text, interval, interval, None, None, shown, None, direction, unit)

    def _portion(self, head: _Token, hedge: Hedge | None, direction: int | None, unit: str | None) -> Stated:
        """ "a quarter of a million": that fraction of the scale word, ±10% as fractions are."""
        if self.kind not in COUNT_KINDS:
            raise self.fail(
                f"a fraction of a number needs kind 'value', 'difference' or 'formula', not {self.kind!r}:", head
            )
        assert head.numeral is not None
        value = head.numeral.value
        base = Interval(value * (1 - FRACTION_TOLERANCE), value * (1 + FRACTION_TOLERANCE))
        if self.tolerance is not None:
            base = Interval.around(value, self.tolerance.half_width(value))
        tight, loose = (base, base) if hedge is None else _hedged(hedge, value, base, cut=True)
        tight, loose = self._widen(tight, value), self._widen(loose, value)
        if self.kind == Kind.DIFFERENCE and direction == -1:
            tight, loose, value = tight.negate(), loose.negate(), -value
        direction = direction if self.kind == Kind.DIFFERENCE else None
        return Stated(self.text, tight, loose, value, None, head.text, hedge, direction, unit)


def _reciprocal(interval: Interval, scale: Fraction) -> Interval:
    """Scale / N for every N > 0 in `interval`: one in [4.5, 5.5] is a share of [18.18%, 22.22%]."""
    lo, hi = interval.lo, interval.hi
    new_hi = None if lo is None or lo <= 0 else scale / lo  # the smallest N is the largest share
    new_lo = rational(0) if hi is None else scale / hi
    return Interval(new_lo, new_hi, hi is None or interval.hi_open, new_hi is None or interval.lo_open)


def _hedged(hedge: Hedge, x: Fraction, base: Interval, *, cut: bool = False) -> tuple[Interval, Interval]:
    """(supported, loose) for a qualifier on X whose plain interval is `base`.

    A number X with half-width h: "more than X" is (X, X + 2h), "nearly X" [X − h, X), and so on.
    A word (`cut`): the matching side of its interval, cut at its value ("more than half": (50%, 55%]).
    """
    assert base.lo is not None and base.hi is not None
    lo, hi = base.lo, base.hi
    width = hi - lo
    if hedge is Hedge.ABOVE:
        tight = Interval(x, hi, True, False) if cut else Interval(x, x + width, True, True)
        return tight, Interval(x, None, True, True)
    if hedge is Hedge.NEARLY:
        return Interval(lo, x, False, True), Interval(None, x, True, True)
    if hedge is Hedge.AT_LEAST:
        tight = Interval(x, hi) if cut else Interval(x, x + width, False, True)
        return tight, Interval(x, None, False, True)
    if hedge is Hedge.UNDER:
        tight = Interval(lo, x, False, True) if cut else Interval(x - width, x, True, True)
        return tight, Interval(None, x, True, True)
    if hedge is Hedge.AT_MOST:
        tight = Interval(lo, x) if cut else Interval(x - width, x, True, False)
        return tight, Interval(None, x, True, False)
    return base, base
