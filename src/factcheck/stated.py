"""Reads the article's own words for a number into the interval of values they allow.

"122" is [121.5, 122.5]; "nearly 1,500" is [1,450, 1,500); "the vast majority" is [80%, 100%].
The reader finds the pieces of a phrase (numbers, hedges, unit words, direction words) with one
pattern built from `wording`, then puts them together for the claim's kind. Words it cannot
place are an error that quotes them: it never guesses.
"""

from __future__ import annotations

import enum
import re
from decimal import Decimal
from fractions import Fraction
from functools import cache, lru_cache
from typing import Final

import attrs

from factcheck.errors import PhraseError
from factcheck.interval import Interval
from factcheck.wording import (
    COMPARATORS,
    CURRENCIES,
    DIRECTIONS,
    FILLER_WORDS,
    FRACTION_TOLERANCE,
    FRACTIONS,
    HEDGES,
    MULTIPLES,
    NUMBER_WORDS,
    PER_WORDS,
    PERCENT_WORDS,
    POINT_WORDS,
    PROPORTIONS,
    SCALES,
    YEAR_MARKERS,
    Hedge,
    Relation,
)

__all__ = [
    "Numeral",
    "Reading",
    "Stated",
    "Tolerance",
    "parse_numeral",
    "parse_relation",
    "parse_stated",
    "parse_tolerance",
    "scan",
    "step_of",
    "Token",
    "TokenType",
]

_HUNDRED: Final = Fraction(100)


class Reading(enum.Enum):
    """How the number of a claim is to be read: the kinds differ in their step rules."""

    COUNT = "count"  # value, difference, formula without a unit word: trailing zeros round
    MEASURE = "measure"  # percentages, rates, multiples, one-in-N, changes: last written digit


@attrs.frozen
class Numeral:
    """A number as written: its exact value, its step (the place of its last digit) and text."""

    value: Fraction
    step: Fraction
    text: str
    span: tuple[int, int] = (0, 0)


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
    worded but looser than the words imply. `direction` is +1/-1 from a direction word, or None.
    For a change with no direction, `interval` is on the size of the change alone.
    """

    text: str
    interval: Interval
    loose: Interval
    centre: Fraction | None = None
    step: Fraction | None = None
    shown: str = ""  # the number as written, for explanations ("122")
    hedge: Hedge | None = None
    direction: int | None = None
    unit: str | None = None  # "percent", "points" or a currency code named by the words
    per: Fraction | None = None
    side: int = 0  # +1 "a majority", -1 "a minority": the wrong side of 50% is gross
    relation: Relation | None = None


# -- the scanner ----------------------------------------------------------------------------

_DIGITS = r"(?:\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?|\.\d+)"
_SCALE_SUFFIX = r"(?:(?P<sfx>bn|mn|tn|m|k)(?![a-z])|\s+(?P<sw>million|billion|trillion|thousand)(?![a-z]))"


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


@attrs.frozen
class _Token:
    type: _T
    text: str
    span: tuple[int, int]
    numeral: Numeral | None = None


@cache
def _phrase_table() -> dict[str, tuple[_T, object]]:
    table: dict[str, tuple[_T, object]] = {}
    for word, value in NUMBER_WORDS.items():
        table[word] = (_T.NUMWORD, value)
    for word in ("hundred", "thousand", "million", "billion", "trillion"):
        table[word] = (_T.NUMWORD, SCALES[word])
    for word, sign in DIRECTIONS.items():
        table[word] = (_T.DIRECTION, sign)
    for phrase, mult in MULTIPLES.items():
        table[phrase] = (_T.MULTIPLE, mult)
    for phrase, frac in FRACTIONS.items():
        table[phrase] = (_T.FRACTION, frac)
    for phrase, prop in PROPORTIONS.items():
        table[phrase] = (_T.PROPORTION, prop)
    for phrase, hedge in HEDGES.items():
        table[phrase] = (_T.HEDGE, hedge)
    for phrase in PERCENT_WORDS:
        table[phrase] = (_T.PERCENT, None)
    for phrase in POINT_WORDS:
        table[phrase] = (_T.POINTS, None)
    for phrase in PER_WORDS:
        table[phrase] = (_T.PER, None)
    table["out of every"] = (_T.PER, None)
    table["in"] = (_T.IN, None)
    table["out of"] = (_T.IN, None)
    table["times"] = (_T.TIMES, None)
    table["fold"] = (_T.TIMES, None)
    table["and"] = (_T.AND, None)
    return table


@cache
def _scanner() -> re.Pattern[str]:
    phrases = sorted(_phrase_table(), key=len, reverse=True)
    alternation = "|".join(
        (re.escape(p).replace(r"\ ", r"\s+") + ("" if p == "%" else r"(?![a-z])")) for p in phrases
    )
    return re.compile(
        rf"(?P<year>(?<![\d,.])(?:19|20)\d{{2}}\s?[-/]\s?(?:\d{{4}}|\d{{2}})(?!\d|,\d))"
        rf"|(?P<cur>[£$€])"
        rf"|(?P<num>-?{_DIGITS}){_SCALE_SUFFIX}?"
        rf"|(?<![a-z])(?P<phrase>{alternation})"
        rf"|(?P<word>[a-z][a-z'’]*)"
    )


_DASHES: Final = re.compile(r"[\u2010-\u2015\u2212]")
_MINUS_BEFORE_CURRENCY: Final = re.compile(r"(?<![\w.])-([£$€])(?=\d)")
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


#: Numbers up to this many characters are read with int(), longer ones through Decimal.
_SHORT_DIGITS: Final = 100


_PENCE: Final = re.compile(r"(?<![\w.,£$€])(\d+(?:\.\d+)?)p(?![a-z])")


def _pence_as_pounds(match: re.Match[str]) -> str:
    return "£" + format(Decimal(match.group(1)).scaleb(-2), "f")


def _digits_numeral(match: re.Match[str], reading: Reading) -> Numeral:
    raw = match.group("num")
    digits = raw.replace(",", "")
    negative = digits.startswith("-")
    digits = digits.lstrip("-")
    scale_word = match.group("sfx") or match.group("sw")
    if len(digits) <= _SHORT_DIGITS:
        whole, _, decimals = digits.partition(".")
        value = Fraction(int(whole + decimals), 10 ** len(decimals)) if decimals else Fraction(int(whole))
    else:  # int() refuses strings of thousands of digits; Decimal reads any length
        value = Fraction(Decimal(digits))
    step = step_of(digits, reading)
    if scale_word:
        scale = SCALES[scale_word]
        value, step = value * scale, step * scale
    if negative:
        value = -value
    return Numeral(value, step, match.group(0), match.span())


def step_of(digits: str, reading: Reading = Reading.MEASURE) -> Fraction:
    """The step of a number written in digits (without commas or sign).

    The place of the last written digit; for a count, the trailing zeros of a whole number
    count as rounding too ("1,640" is to the nearest 10). The step of 0 is 1.
    """
    if "." in digits:
        decimals = len(digits.split(".")[1])
        return Fraction(1, 10**decimals)
    whole = digits.lstrip("0")
    if not whole:
        return Fraction(1)
    if reading is Reading.COUNT:
        zeros = len(whole) - len(whole.rstrip("0"))
        return Fraction(10**zeros)
    return Fraction(1)


def _tokens(text: str, reading: Reading) -> list[_Token]:
    table = _phrase_table()
    found: list[_Token] = []
    for match in _scanner().finditer(text):
        span = match.span()
        group = match.lastgroup  # the alternative that matched (a number's scale suffix closes last)
        if group == "year":
            found.append(_Token(_T.YEAR, match.group(0), span))
        elif group == "cur":
            found.append(_Token(_T.CURRENCY, match.group(0), span))
        elif group in ("num", "sfx", "sw"):
            found.append(_Token(_T.NUMBER, match.group(0), span, _digits_numeral(match, reading)))
        elif group == "phrase":
            phrase = _SPACES.sub(" ", match.group("phrase"))
            kind, _ = table[phrase]
            found.append(_Token(kind, phrase, span))
        else:
            found.append(_Token(_T.WORD, match.group(0), span))
    return _join_number_words(found, reading)


#: The scanner's tokens, for readers of whole sentences (`factcheck.extract`).
Token = _Token
TokenType = _T


def scan(text: str, reading: Reading = Reading.COUNT) -> list[_Token]:
    """The tokens of `text` (runs of number words joined into numbers), with spans into `text` itself.

    Letters are lower-cased one by one and dashes made "-", so every span indexes the text as given.
    """
    lowered = "".join(c.lower() if len(c.lower()) == 1 else c for c in text)
    return _tokens(_DASHES.sub("-", lowered), reading)


def _word_value(table: dict[str, tuple[_T, object]], word: str) -> int:
    value = table[word][1]
    assert isinstance(value, int)
    return value


def _join_number_words(tokens: list[_Token], reading: Reading) -> list[_Token]:
    """Turn runs of number words ("two hundred and fifty", "a million", "1.5 million") into numbers."""
    table = _phrase_table()
    out: list[_Token] = []
    i = 0
    while i < len(tokens):
        tok = tokens[i]
        starts_with_a = tok.type is _T.WORD and tok.text in ("a", "an") and i + 1 < len(tokens) and \
            tokens[i + 1].type is _T.NUMWORD and tokens[i + 1].text in ("hundred", "thousand", "million", "billion", "trillion")
        if tok.type is not _T.NUMWORD and not starts_with_a:
            out.append(tok)
            i += 1
            continue
        run = [tok]
        j = i + 1
        while j < len(tokens):
            nxt = tokens[j]
            if nxt.type is _T.NUMWORD:
                run.append(nxt)
                j += 1
            elif nxt.type is _T.AND and j + 1 < len(tokens) and tokens[j + 1].type is _T.NUMWORD and \
                    any(t.text == "hundred" or SCALES.get(t.text, 0) >= 1000 for t in run):
                j += 1
            else:
                break
        total = Fraction(0)
        current: Fraction = Fraction(1) if starts_with_a else Fraction(0)
        words = run[1:] if starts_with_a else run
        for word in words:
            value = Fraction(_word_value(table, word.text))
            if word.text == "hundred":
                current = (current or Fraction(1)) * 100
            elif value >= 1000:
                total += (current or Fraction(1)) * value
                current = Fraction(0)
            else:
                current += value
        value = total + current
        last = words[-1].text
        if reading is Reading.COUNT or last in SCALES:
            step = Fraction(10 ** (len(str(int(value))) - len(str(int(value)).rstrip("0")))) if value else Fraction(1)
            if last not in SCALES and NUMBER_WORDS.get(last, 0) < 10:
                step = Fraction(1)
        else:
            step = Fraction(1)
        span = (run[0].span[0], run[-1].span[1])
        text = " ".join(t.text for t in run)
        out.append(_Token(_T.NUMBER, text, span, Numeral(value, step, text, span)))
        i = j
    return out


# -- putting the pieces together ----------------------------------------------------------

def parse_tolerance(value: object, where: str = "tolerance") -> Tolerance:
    """A claim's or the file's `tolerance`: a number (absolute) or a string like "2%" (relative)."""
    if isinstance(value, bool):
        msg = f"{where} must be a number or a percentage like \"2%\", not {value!r}"
        raise ValueError(msg)
    if isinstance(value, (int, float, Decimal)):
        amount = Fraction(Decimal(str(value)))
        if amount < 0 or not amount == amount:
            msg = f"{where} must not be negative: {value!r}"
            raise ValueError(msg)
        return Tolerance(amount, relative=False)
    if isinstance(value, str):
        match = re.fullmatch(r"\s*(\d+(?:\.\d+)?)\s*(%|per ?cent)?\s*", value)
        if match:
            amount = Fraction(Decimal(match.group(1)))
            if match.group(2):
                return Tolerance(amount / _HUNDRED, relative=True)
            return Tolerance(amount, relative=False)
    msg = f"{where} must be a number or a percentage like \"2%\", not {value!r}"
    raise ValueError(msg)


def parse_numeral(text: str, reading: Reading = Reading.COUNT) -> Numeral:
    """Read a single number ("1,405", "1.2m", "twenty-one", "a million") and nothing else."""
    tokens = [t for t in _tokens(_normalise(text), reading) if t.type is not _T.CURRENCY]
    numbers = [t for t in tokens if t.type is _T.NUMBER]
    if len(numbers) != 1 or len(tokens) != 1:
        raise PhraseError(text, "not a single number")
    numeral = numbers[0].numeral
    assert numeral is not None
    return attrs.evolve(numeral, text=text.strip())


@cache
def _comparator_patterns() -> list[tuple[str, re.Pattern[str]]]:
    """Each comparison phrase with its pattern, longest first."""
    return [
        (phrase, re.compile(r"(?<![a-z])" + re.escape(phrase).replace(r"\ ", r"\s+") + r"(?![a-z])"))
        for phrase in sorted(COMPARATORS, key=len, reverse=True)
    ]


def parse_relation(text: str) -> Relation:
    """The relation a comparison states ("above", "higher than", "the same as")."""
    norm = _normalise(text)
    found: dict[Relation, str] = {}
    for phrase, pattern in _comparator_patterns():
        if pattern.search(norm):
            relation = COMPARATORS[phrase]
            if not any(phrase in longer for longer in found.values()):
                found.setdefault(relation, phrase)
            norm = pattern.sub(" ", norm)
    quantities = [t for t in _tokens(norm, Reading.MEASURE)
                  if t.type in (_T.NUMBER, _T.FRACTION, _T.PROPORTION, _T.MULTIPLE)]
    if quantities:
        raise PhraseError(text, f"a comparison states no amount, but these words do ({quantities[0].text!r}): "
                                "write a ratio, difference or change claim for it")
    if not found:
        raise PhraseError(text, "no comparison word I know (above, below, higher than, the same as, …)")
    if len(found) > 1:
        raise PhraseError(text, "comparison words pull both ways (" + ", ".join(found.values()) + ")")
    return next(iter(found))


_READING_OF_KIND: Final = {
    "value": Reading.COUNT,
    "difference": Reading.COUNT,
    "formula": Reading.COUNT,
}


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
        rounding: "nearest", or "robust" (the writer may have truncated or rounded up).
        tolerance: the claim's own half-width, replacing the one the words imply.
        widen: the file's default tolerance, added on each side.
        direction_given: the claim has a `direction`, so unknown words are not an error.
        count_like: for value, difference and formula: whether the figure is a count or an
            amount (trailing zeros round) rather than a percentage or rate.
    """
    if not isinstance(text, str) or not text.strip():
        raise PhraseError(str(text), "stated is empty")
    return _parse_stated(text, kind, rounding, tolerance, widen, direction_given, count_like)


@lru_cache(maxsize=16384)
def _parse_stated(text: str, kind: str, rounding: str, tolerance: Tolerance | None, widen: Tolerance | None,
                  direction_given: bool, count_like: bool) -> Stated:
    """parse_stated, remembered: a claim's words are read twice, and a template's words repeat."""
    if kind == "comparison":
        relation = parse_relation(text)
        everything = Interval.everything()
        return Stated(text, everything, everything, relation=relation)
    norm = _normalise(text)
    reading = _READING_OF_KIND.get(kind, Reading.MEASURE) if count_like else Reading.MEASURE
    tokens = _tokens(norm, reading)
    if reading is Reading.COUNT and any(t.type in (_T.PERCENT, _T.POINTS, _T.PER, _T.TIMES) for t in tokens):
        reading = Reading.MEASURE
        tokens = _tokens(norm, reading)
    return _Assembler(text, norm, kind, tokens, rounding, tolerance, widen, direction_given).build()


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
        if token is not None and self.norm == _normalise(self.text) and len(self.norm) == len(self.text):
            span = token.span
        return PhraseError(self.text, reason if token is None else f"{reason} {token.text!r}", span)

    def build(self) -> Stated:
        toks = self._drop_years(self.tokens)
        unit: str | None = None
        per: Fraction | None = None
        hedge: Hedge | None = None
        directions: list[int] = []
        unknown: list[_Token] = []
        quantity: list[_Token] = []
        i = 0
        while i < len(toks):
            tok = toks[i]
            t = tok.type
            if t is _T.CURRENCY:
                unit = CURRENCIES[tok.text]
            elif t is _T.PERCENT:
                unit = "percent"
            elif t is _T.POINTS:
                unit = "points"
            elif t is _T.PER:
                nxt = toks[i + 1] if i + 1 < len(toks) else None
                if nxt is None or nxt.type is not _T.NUMBER:
                    raise self.fail("no number after", tok)
                assert nxt.numeral is not None
                if nxt.numeral.value <= 0:
                    raise self.fail("a rate must be per a positive number, not", nxt)
                per = nxt.numeral.value
                i += 2
                continue
            elif t is _T.HEDGE:
                if self._governs_quantity(toks, i):
                    if hedge is not None:
                        raise self.fail("two qualifiers in one phrase:", tok)
                    hedge = HEDGES[tok.text]
                else:
                    first = tok.text.split()[0]
                    if first in DIRECTIONS:
                        directions.append(DIRECTIONS[first])
            elif t is _T.DIRECTION:
                directions.append(DIRECTIONS[tok.text])
            elif t in (_T.NUMBER, _T.FRACTION, _T.PROPORTION, _T.MULTIPLE):
                quantity.append(tok)
                if t is _T.NUMBER and i + 2 < len(toks) and self._is_in(toks[i + 1]) and toks[i + 2].type is _T.NUMBER:
                    quantity.append(toks[i + 1])
                    quantity.append(toks[i + 2])
                    i += 3
                    continue
                if t is _T.NUMBER and i + 1 < len(toks) and toks[i + 1].type is _T.TIMES:
                    quantity.append(toks[i + 1])
                    i += 2
                    continue
            elif t is _T.WORD and tok.text not in FILLER_WORDS:
                unknown.append(tok)
            i += 1

        if not quantity:
            raise self.fail("no number or proportion word I can read")
        groups = self._group(quantity)
        if len(groups) > 1:
            raise self.fail("more than one number; keep only the claim's own:", groups[1][0])
        group = groups[0]
        direction = None
        if directions:
            if len(set(directions)) > 1:
                raise self.fail("direction words pull both ways")
            direction = directions[0]
        if self.kind in ("change", "difference", "point_change") and direction is None and unknown \
                and not self.direction_given and group[0].type is not _T.MULTIPLE:
            raise self.fail("a word I do not know as a direction (add `direction` to the claim):", unknown[0])
        return self._interpret(group, hedge, direction, unit, per)

    def _is_in(self, tok: _Token) -> bool:
        """"in" of "one in five"; "in every" too, except in a rate, where it means "per"."""
        if tok.type is _T.IN:
            return True
        return tok.type is _T.PER and tok.text in ("in every", "out of every") and self.kind != "rate"

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
                tok.type is _T.NUMBER and re.fullmatch(r"(?:19|20)\d\d", tok.text) is not None
                and prev is not None and prev.type in (_T.WORD, _T.IN) and prev.text in YEAR_MARKERS
            )
            if not is_year:
                out.append(tok)
        return out

    @staticmethod
    def _governs_quantity(toks: list[_Token], i: int) -> bool:
        j = i + 1
        while j < len(toks) and toks[j].type in (_T.CURRENCY, _T.DIRECTION, _T.HEDGE):
            j += 1
        return j < len(toks) and toks[j].type in (_T.NUMBER, _T.FRACTION, _T.PROPORTION, _T.MULTIPLE)

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
        self, group: list[_Token], hedge: Hedge | None, direction: int | None, unit: str | None, per: Fraction | None
    ) -> Stated:
        head = group[0]
        kind = self.kind
        if head.type is _T.PROPORTION:
            if kind != "share":
                raise self.fail(f"a proportion word needs kind 'share', not {kind!r}:", head)
            if hedge is not None:
                raise self.fail("a qualifier on a proportion word is not defined:", head)
            prop = PROPORTIONS[head.text]
            return Stated(self.text, prop.interval, prop.interval, shown=head.text, side=prop.side, unit="percent")
        if head.type is _T.MULTIPLE:
            return self._multiple(head, hedge, direction)
        if head.type is _T.FRACTION or len(group) == 3:
            if len(group) == 3:
                k, n = group[0].numeral, group[2].numeral
                assert k is not None and n is not None
                if kind == "one_in":
                    return self._one_in(k, n, hedge, group)
                if n.value == 0 or k.value > n.value:
                    raise self.fail("not a proportion:", group[0])
                fraction = k.value / n.value
            else:
                fraction = FRACTIONS[head.text]
            return self._fraction(fraction, hedge, direction, head)
        numeral = head.numeral
        assert numeral is not None
        if len(group) == 2 and group[1].type is _T.TIMES and kind not in ("ratio", "change"):
            if _READING_OF_KIND.get(kind) is not Reading.COUNT:
                raise self.fail(f"a multiple needs kind 'ratio' or 'change', not {kind!r}:", group[1])
            group = group[:1]  # "16 times during 2019-20": a count of occasions
        if kind == "one_in":
            raise self.fail("one_in needs 'one in N':", head)
        if kind == "rate" and per is None:
            per = None  # the claim's `per` field may supply it
        if len(group) == 2 and kind == "change":
            # "rose three-fold": a multiple N is a change of (N − 1) × 100%
            ratio = self._around(numeral.value, numeral.step, hedge)
            return self._change_from_ratio(ratio, numeral, hedge, direction or +1)
        tight, loose = self._around(numeral.value, numeral.step, hedge)
        shown = numeral.text if numeral.text else head.text
        if numeral.value < 0 and kind in ("change", "difference", "point_change"):
            if direction == +1:
                raise self.fail("a negative number with a word for a rise:", head)
            direction = -1
            tight, loose = tight.negate(), loose.negate()
        if direction == -1 and kind in ("change", "difference", "point_change") and numeral.value >= 0:
            tight, loose = tight.negate(), loose.negate()
        if kind not in ("change", "difference", "point_change"):
            direction = None
        return Stated(self.text, tight, loose, numeral.value if direction != -1 else -numeral.value, numeral.step,
                      shown, hedge, direction, unit, per)

    def _half(self, centre: Fraction, step: Fraction) -> Fraction:
        if self.tolerance is not None:
            return self.tolerance.half_width(centre)
        return step / 2

    def _around(self, x: Fraction, step: Fraction, hedge: Hedge | None) -> tuple[Interval, Interval]:
        """(supported, loose) intervals of a number X with step s, after its qualifier."""
        h = self._half(x, step)
        if hedge is None:
            if self.rounding == "robust" and self.tolerance is None:
                tight = Interval(x - step, x + step, lo_open=True, hi_open=True)
            else:
                tight = Interval(x - h, x + h)
            return self._widen(tight, x), self._widen(tight, x)
        tight, loose = _hedged(hedge, x, Interval(x - h, x + h))
        return self._widen(tight, x), self._widen(loose, x)

    def _widen(self, interval: Interval, centre: Fraction) -> Interval:
        if self.widen is None:
            return interval
        return interval.widen(self.widen.half_width(centre))

    def _fraction(self, fraction: Fraction, hedge: Hedge | None, direction: int | None, head: _Token) -> Stated:
        kind = self.kind
        if kind not in ("share", "change", "ratio"):
            raise self.fail(f"a fraction needs kind 'share', 'change' or 'ratio', not {kind!r}:", head)
        scale = Fraction(1) if kind == "ratio" else _HUNDRED
        value = fraction * scale
        base = Interval(value * (1 - FRACTION_TOLERANCE), value * (1 + FRACTION_TOLERANCE))
        if self.tolerance is not None:
            base = Interval.around(value, self.tolerance.half_width(value))
        tight, loose = (base, base) if hedge is None else _hedged(hedge, value, base, cut=True)
        tight, loose = self._widen(tight, value), self._widen(loose, value)
        if kind == "change" and direction == -1:
            tight, loose = tight.negate(), loose.negate()
        if kind != "change":
            direction = None
        unit = None if kind == "ratio" else "percent"
        return Stated(self.text, tight, loose, value if direction != -1 else -value, None, head.text, hedge,
                      direction, unit)

    def _multiple(self, head: _Token, hedge: Hedge | None, direction: int | None) -> Stated:
        kind = self.kind
        mult = MULTIPLES[head.text]
        if kind not in ("ratio", "change"):
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
        if kind == "ratio":
            return Stated(self.text, tight, loose, mult.ratio, None, head.text, hedge, None, None)
        numeral = Numeral(mult.ratio, Fraction(0), head.text, head.span)
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
        return Stated(self.text, to_change(tight), to_change(loose), centre, None, numeral.text, hedge, direction,
                      "percent")

    def _one_in(self, k: Numeral, n: Numeral, hedge: Hedge | None, group: list[_Token]) -> Stated:
        if k.value <= 0 or n.value <= 0:
            raise self.fail("'K in N' needs positive numbers:", group[0])
        # the hedge speaks of the proportion K/N: "more than one in five" is N below 5
        value, step = n.value / k.value, n.step / k.value
        if hedge is None:
            tight, loose = self._around(value, step, None)
        else:
            tight, loose = self._around(-value, step, hedge)
            tight, loose = tight.negate(), loose.negate()
        shown = " ".join(t.text for t in group)
        return Stated(self.text, tight, loose, n.value / k.value, n.step, shown, hedge, None, None)


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
