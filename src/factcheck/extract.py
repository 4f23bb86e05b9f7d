"""Drafts a claims file from an article: every sentence, every number phrase a typed draft claim.

A number phrase is a number (in digits or words), a fraction ("a fifth"), a proportion ("the vast
majority") or a multiple ("doubled"), widened to the words that belong to it: a currency sign, a
hedge ("more than"), a unit ("per cent", "percentage points"), a rate's "for every 1,000 people",
"one in every N", "N times", and a direction ("up", "fell by", "a rise of", "254 more"). Its kind
is guessed from those words: a direction makes a change (per cent), a point change (points) or a
difference (a count or an amount); "per cent of" a share; and so on. Years, dates, labels ("year
7", "level two"), compound adjectives ("11-year-olds") and a bare "one" are not number phrases.
Comparison words that stand on their own ("above the England average") become comparisons.

The inputs of a draft claim are placeholders: "?" or "?HINT" (a name the draft thinks likely).
`factcheck check` reports such a claim as `unchecked` ("draft: fill in …") and `--strict` fails
on it, so a draft never passes as checked. Sentences with no number get a guessed `check`.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from fractions import Fraction
from typing import Final

import attrs

from factcheck.claims import CLAIM_TYPES, PLACEHOLDER, is_placeholder
from factcheck.errors import PhraseError
from factcheck.sentences import ArticleText, read_article
from factcheck.stated import Token, TokenType, parse_stated, scan
from factcheck.wording import COMPARATORS, DIRECTIONS, MONTHS, MULTIPLES, NUMBER_WORDS

__all__ = ["INPUT_FIELDS", "PLACEHOLDER", "Draft", "DraftClaim", "DraftSentence", "draft_article", "draft_sentence", "guess_check", "is_placeholder"]

#: The input fields of each kind (as in the claims file), all placeholders in a draft.
INPUT_FIELDS: Final[dict[str, tuple[str, ...]]] = {
    kind: cls.INPUTS for kind, cls in CLAIM_TYPES.items() if kind != "formula"
}

_T = TokenType
_QUANTITY: Final = (_T.NUMBER, _T.FRACTION, _T.PROPORTION, _T.MULTIPLE)
#: Words before a number that make it a label, not a quantity: "year 7", "level two", "No. 10".
_LABELS: Final = frozenset(
    "year level no number stage phase section band grade tier page article clause route junction platform "
    "ward key division league round chapter schedule part".split()
)
#: Words before "up"/"down" that make it a particle, not a direction: "made up", "bedding down".
_PARTICLE_VERBS: Final = frozenset(
    "made make makes making turned turn turns turning set sets setting end ends ended ending pick picked take "
    "takes took taking break broke broken bedding bed step stepped stepping sign signed back backed split "
    "shut shuts close closed closes sat sit sits stand stood stands stands run ran runs slow slowed".split()
)
#: Direction words that name the change itself and take "a"/"an": "a rise of", "an extra".
_NOUN_DIRECTIONS: Final = frozenset(
    "rise increase fall drop decrease decline reduction cut jump climb surge gain growth extra dip slump".split()
)
#: Words that make "N per cent" a share: "making up 35 per cent", "accounting for 46 per cent".
_SHARE_VERBS: Final = re.compile(
    r"\b(?:made|making|make|makes|accounting|accounted|accounts|account|comprising|comprised|represented|"
    r"representing|represents|constituted|constituting|took|takes|take|taking)(?:\s+up|\s+for)?\s*$"
)
#: Words after "N times" that make it a ratio ("9.2 times the salary"), not a count of occasions.
_RATIO_AFTER: Final = frozenset("the as that what more higher larger bigger greater lower smaller his her their its".split())
_NOUN_STOP: Final = frozenset(
    "of the a an and or in on at to for by from with than as is are was were that which who this these those "
    "its their his her".split()
)
#: Comparison words that are too often plain prepositions ("over the year", "under the law") to draft.
_WEAK_COMPARATORS: Final = frozenset({"over", "under", "behind", "up on", "down on", "as many as", "at least",
                                     "at most", "exceeded", "exceeds"})
_COMPARED_NEXT: Final = frozenset("the that those its their in".split())
_QUOTE_MARKS: Final = re.compile(r"[“”\"]|(?:^|\s)‘")
_FORECAST: Final = re.compile(
    r"\b(?:will|shall|expects?|expected|expecting|forecasts?|forecast|predicts?|predicted|projected|plans? to|"
    r"planning to|is set to|are set to|aims? to|intends? to|due to be|next (?:year|month|week|winter|summer|spring))\b",
    re.IGNORECASE,
)
_OPINION: Final = re.compile(
    r"\b(?:says?|said|claims?|claimed|argues?|argued|believes?|believed|warns?|warned|call(?:s|ed|ing)? for|"
    r"urg(?:es?|ed|ing)|insists?|insisted|likely|should|must do)\b",
    re.IGNORECASE,
)
_DEFINITION: Final = re.compile(
    r"\b(?:covers?|cover only|is based on|are based on|based on|means|meaning|is defined|are defined|defined as|"
    r"refers? to|known as|are supposed to|is supposed to|have to|has to|are required|is required|counts?|"
    r"include|includes|excluding|excludes?)\b",
    re.IGNORECASE,
)


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


def draft_article(text: str, *, today: dt.date | None = None, text_path: str | None = None,
                  source: str | None = None) -> Draft:
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
    kind: str = "value"
    per: Fraction | None = None
    char_end: int | None = None  # when the phrase ends inside its last token ("more" of "more than")


def draft_sentence(text: str, number: int = 1, used: set[str] | None = None) -> DraftSentence:
    """The draft of one sentence: a claim per number phrase, or a guessed `check`."""
    used = set() if used is None else used
    tokens = scan(text)
    phrases = _phrases(text, tokens)
    rate_per = next((p.per for p in phrases if p.kind == "rate" and p.per is not None), None)
    stated_per = {id(p): p.per for p in phrases if p.kind == "rate" and p.per == 1}
    claims: list[DraftClaim] = []
    for phrase in phrases:
        start = tokens[phrase.start].span[0]
        end = phrase.char_end if phrase.char_end is not None else tokens[phrase.end].span[1]
        while end < len(text) and text[end].isalnum() and text[end - 1].isalnum():
            end += 1  # a quote may not end inside a word (claimsfile): "45p", not "45"
        kind = phrase.kind
        fields: list[tuple[str, object]] = []
        if kind == "value" and rate_per is not None and _bare_after_of(text, tokens, phrase):
            kind = "rate"  # "above the England average of 19": a rate like the sentence's own
            fields.append(("per", rate_per))
        elif id(phrase) in stated_per:
            fields.append(("per", 1))  # "19.4 journeys for every person": the words stop before "for every"
        stated = text[start:end]
        kind = _readable(stated, kind)
        claims.append(DraftClaim(_new_id(number, kind, used), kind, stated, (start, end),
                                 tuple([(f, PLACEHOLDER) for f in INPUT_FIELDS[kind]] + fields)))
    claims.extend(_comparisons(text, tokens, phrases, number, used))
    claims.sort(key=lambda c: c.span)
    check = None if claims else guess_check(text)
    return DraftSentence(text, tuple(claims), check)


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


def _new_id(number: int, kind: str, used: set[str]) -> str:
    base = f"s{number}-{kind.replace('_', '-')}"
    name, n = base, 1
    while name in used:
        n += 1
        name = f"{base}-{n}"
    used.add(name)
    return name


def _readable(stated: str, kind: str) -> str:
    """The guessed kind if the stated words read as it; else the first kind they read as."""
    for candidate in (kind, "value", "change", "share", "ratio"):
        try:
            parse_stated(stated, candidate)
        except PhraseError:
            continue
        return candidate
    return kind


def _gap(text: str, left: Token, right: Token) -> str:
    return text[left.span[1]:right.span[0]]


def _adjacent(text: str, left: Token, right: Token) -> bool:
    return _gap(text, left, right).strip() == ""


def _word_at(tokens: list[Token], i: int) -> str:
    return tokens[i].text if 0 <= i < len(tokens) else ""


def _is_quantity(text: str, tokens: list[Token], i: int) -> bool:
    """Whether token i is the head of a number phrase (not a year, a date, a label or a pronoun)."""
    tok = tokens[i]
    if tok.type is _T.NUMBER:
        assert tok.numeral is not None
        start, end = tok.span
        raw = text[start:end]
        before = text[:start]
        after = text[end:]
        if re.match(r"-?(?:19|20)\d\d$", raw.replace(",", "x")) and not _unit_follows(tokens, i) \
                and not (i > 0 and tokens[i - 1].type in (_T.CURRENCY, _T.HEDGE) and _adjacent(text, tokens[i - 1], tok)):
            return False  # a year
        if re.search(r"[A-Za-z]-?$", before) or re.match(r"-[A-Za-z]", after):
            return False  # "Covid-19", "A14", "11-year-olds", "24-hour"
        if re.match(r"(?:st|nd|rd|th|am|pm|a\.m|p\.m)\b", after.lstrip()[:4].lower()) and not raw.isalpha():
            return False  # "1st", "10am", "5 pm"
        if re.match(r"[:/]\d", after) or re.search(r"\d[:/]$", before):
            return False  # "10:30", "1/2"
        small = raw.isdigit() and int(raw) <= 100
        if small and _word_at(tokens, i - 1) in _LABELS and not _unit_follows(tokens, i):
            return False  # "year 7", "level two" is a number word and caught below
        if tok.text in NUMBER_WORDS and _word_at(tokens, i - 1) in _LABELS and not _unit_follows(tokens, i):
            return False
        if small and int(raw) <= 31 and (_word_at(tokens, i - 1) in MONTHS or _word_at(tokens, i + 1) in MONTHS):
            return False  # "April 16", "16 April"
        if raw.startswith("-") and re.search(r"\d$", before):
            return False  # the end of a range: "2024-25", "10-12"
        if tok.text in ("one", "a", "an") and not _unit_follows(tokens, i):
            return False  # "one night", "every one of them"
        return True
    if tok.type is _T.FRACTION:
        return _word_at(tokens, i - 1) not in ("first", "second", "last", "next", "final", "third", "fourth")
    if tok.type is _T.PROPORTION:
        if tok.text == "most":
            return _word_at(tokens, i + 1) == "of" or tokens[i].span[0] == 0
        return True
    return tok.type is _T.MULTIPLE


def _unit_follows(tokens: list[Token], i: int) -> bool:
    nxt = tokens[i + 1].type if i + 1 < len(tokens) else None
    return nxt in (_T.PERCENT, _T.POINTS, _T.PER, _T.IN, _T.TIMES) or (nxt is _T.NUMWORD)


def _phrases(text: str, tokens: list[Token]) -> list[_Phrase]:
    phrases: list[_Phrase] = []
    taken = -1
    for i, tok in enumerate(tokens):
        if i <= taken or tok.type not in _QUANTITY or not _is_quantity(text, tokens, i):
            continue
        phrase = _grow(text, tokens, i)
        if phrases and phrase.start <= phrases[-1].end:
            phrase.start = phrases[-1].end + 1
        taken = phrase.end
        phrases.append(phrase)
    return phrases


def _grow(text: str, tokens: list[Token], head: int) -> _Phrase:
    """The number phrase around a quantity token, with its kind guessed from its words."""
    tok = tokens[head]
    phrase = _Phrase(head, head)
    n = len(tokens)

    def adjacent(a: int, b: int) -> bool:
        return 0 <= a < n and 0 <= b < n and _adjacent(text, tokens[a], tokens[b])

    unit = None
    if tok.type is _T.NUMBER:
        j = head + 1
        if j + 1 < n and adjacent(head, j) and adjacent(j, j + 1) and tokens[j + 1].type is _T.NUMBER and (
                tokens[j].type is _T.IN or (tokens[j].type is _T.PER and tokens[j].text in ("in every", "out of every"))):
            n_numeral = tokens[j + 1].numeral
            assert tok.numeral is not None and n_numeral is not None
            k_value, n_value = tok.numeral.value, n_numeral.value
            n_raw = text[tokens[j + 1].span[0]:tokens[j + 1].span[1]]
            year = re.fullmatch(r"(?:19|20)\d\d", n_raw) is not None and tokens[j].type is _T.IN
            if 0 < k_value < n_value and k_value.denominator == 1 and not year \
                    and (head == 0 or tokens[head - 1].type is not _T.CURRENCY):
                phrase.end = j + 1
                phrase.kind = "one_in" if k_value == 1 else "share"
                if phrase.kind == "one_in":  # "one in every 769 households", as the format writes it
                    phrase.end = _noun_after(text, tokens, phrase.end)
                return _widen_left(text, tokens, phrase)
        if j < n and adjacent(head, j) and tokens[j].type in (_T.PERCENT, _T.POINTS, _T.TIMES):
            unit = tokens[j].type
            phrase.end = j
        else:
            tail = _rate_tail(text, tokens, head)
            if tail is not None:
                phrase.end, phrase.per = tail
                phrase.kind = "rate"
                if tokens[phrase.end].type is _T.NUMBER:
                    phrase.end = _noun_after(text, tokens, phrase.end)
                return _widen_left(text, tokens, phrase)
    elif tok.type is _T.MULTIPLE:
        j = head + 1
        if j + 1 < n and tokens[j].text == "as" and tokens[j + 1].text in ("many", "much", "high", "likely", "big",
                                                                            "large", "often", "long"):
            phrase.end = j + 1
    phrase = _widen_left(text, tokens, phrase)
    direction = _direction_before(tokens, phrase) or _direction_after(text, tokens, phrase)
    if tok.type is _T.MULTIPLE:
        multiple = MULTIPLES[tok.text]
        phrase.kind = "change" if multiple.direction or direction else "ratio"
    elif tok.type is _T.FRACTION:
        phrase.kind = "change" if direction else "share"
    elif tok.type is _T.PROPORTION:
        phrase.kind = "share"
    elif unit is _T.POINTS:
        phrase.kind = "point_change"
    elif unit is _T.TIMES:
        phrase.kind = "ratio" if _word_at(tokens, phrase.end + 1) in _RATIO_AFTER else "value"
        phrase.start = max(phrase.start, next(k for k in range(phrase.start, head + 1)
                                              if k == head or tokens[k].type in (_T.HEDGE, _T.CURRENCY)))
    elif direction:
        phrase.kind = "change" if unit is _T.PERCENT else "difference"
    elif unit is _T.PERCENT and _is_share(text, tokens, phrase):
        phrase.kind = "share"
    else:
        phrase.kind = "value"
    return phrase


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
            if nxt is not None and _adjacent(text, tok, nxt) and nxt.type is _T.WORD and nxt.text not in _NOUN_STOP \
                    and tok.text in ("for every", "per", "for each"):
                return j - 1, Fraction(1)
            return None
        if tok.type not in (_T.WORD, _T.DIRECTION, _T.AND) or tok.text in ("than", "from", "to"):
            return None
        words += 1
        j += 1
    return None


def _noun_after(text: str, tokens: list[Token], end: int) -> int:
    """Take the noun after "for every 1,000" or "one in every 24": "people", "applicants"."""
    j = end + 1
    if j < len(tokens) and tokens[j].type is _T.WORD and tokens[j].text not in _NOUN_STOP \
            and _adjacent(text, tokens[end], tokens[j]):
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
    took_by = take((_T.WORD,), ("by", "of"))
    if i > 0 and tokens[i - 1].type is _T.DIRECTION and tokens[i - 1].text in ("up", "down") \
            and _word_at(tokens, i - 2) in _PARTICLE_VERBS:
        i = mark  # "made up 13 per cent": a particle, not a direction
    elif take((_T.DIRECTION,)):
        if tokens[i].text in _NOUN_DIRECTIONS:
            take((_T.WORD,), ("a", "an"))
        elif took_by and tokens[i].text not in DIRECTIONS:
            i = mark
    elif took_by:
        i = mark
    if i == mark and phrase.start == mark and take((_T.DIRECTION,), ("extra", "additional")):
        take((_T.WORD,), ("a", "an"))
    phrase.start = i
    return phrase


def _direction_before(tokens: list[Token], phrase: _Phrase) -> bool:
    return any(tokens[k].type is _T.DIRECTION for k in range(phrase.start, phrase.end + 1))


def _direction_after(text: str, tokens: list[Token], phrase: _Phrase) -> bool:
    """"4.99 per cent more", "254 more than a year earlier": take the direction word after the number."""
    j = phrase.end + 1
    if j >= len(tokens) or not _adjacent(text, tokens[phrase.end], tokens[j]):
        return False
    tok = tokens[j]
    if tok.type is _T.DIRECTION and tok.text in ("more", "fewer", "less", "higher", "lower", "up", "down", "extra"):
        phrase.end = j
        return True
    if tok.type is _T.HEDGE and tok.text.split()[0] in ("more", "fewer", "less"):
        phrase.end = j
        phrase.char_end = tok.span[0] + len(tok.text.split()[0])
        return True
    return False


def _is_share(text: str, tokens: list[Token], phrase: _Phrase) -> bool:
    """"35 per cent of the total", "making up 35 per cent", "3,741 children – 90.7 per cent –"."""
    after = _word_at(tokens, phrase.end + 1)
    if after == "of" and _adjacent(text, tokens[phrase.end], tokens[phrase.end + 1]):
        return True
    start = tokens[phrase.start].span[0]
    before = text[:start]
    if _SHARE_VERBS.search(before.lower()):
        return True
    earlier_count = any(t.type is _T.NUMBER for t in tokens[:phrase.start])
    return earlier_count and re.search(r"[–—(]\s*$|\s-\s*$", before) is not None


def _bare_after_of(text: str, tokens: list[Token], phrase: _Phrase) -> bool:
    """A bare number introduced by "of" ("the average for England of 84"): no unit, no hedge."""
    first = tokens[phrase.start]
    if first.type is not _T.NUMBER or phrase.start != phrase.end:
        return False
    before = _word_at(tokens, phrase.start - 1)
    introduced = before == "of" or (before == "with" and _word_at(tokens, phrase.start - 2) in ("compared", "against"))
    return introduced and _word_at(tokens, phrase.end + 1) not in ("per", "people", "times")


# -- comparisons ------------------------------------------------------------------------------

def _comparator_pattern() -> re.Pattern[str]:
    phrases = sorted((p for p in COMPARATORS if p not in _WEAK_COMPARATORS), key=len, reverse=True)
    return re.compile(r"(?<![a-z])(?:" + "|".join(re.escape(p).replace(r"\ ", r"\s+") for p in phrases) + r")(?![a-z])")


_COMPARATOR: Final = _comparator_pattern()


def _comparisons(text: str, tokens: list[Token], phrases: list[_Phrase], number: int,
                 used: set[str]) -> list[DraftClaim]:
    """Comparison words standing on their own: "above the England average", "higher than the rate"."""
    taken = []
    for phrase in phrases:
        start = tokens[phrase.start].span[0]
        end = phrase.char_end if phrase.char_end is not None else tokens[phrase.end].span[1]
        taken.append((start, end))
    lowered = "".join(c.lower() if len(c.lower()) == 1 else c for c in text)
    found = []
    for match in _COMPARATOR.finditer(lowered):
        start, end = match.span()
        if any(s < end + 2 and start < e + 1 for s, e in taken):
            continue  # part of a number phrase, or right next to one ("fewer than", "more than 1,640")
        following = lowered[end:].split()
        if not following or following[0].strip(",") not in _COMPARED_NEXT:
            continue
        if not phrases:
            continue
        stated = text[start:end]
        found.append(DraftClaim(_new_id(number, "comparison", used), "comparison", stated, (start, end),
                                tuple((f, PLACEHOLDER) for f in INPUT_FIELDS["comparison"])))
    return found


_COMPARABLE: Final = {"rate": "rate", "one_in": "one_in", "ratio": "ratio", "share": "percent",
                      "change": "change", "point_change": "points", "difference": "count", "value": "count"}


def _hint_comparisons(sentences: list[DraftSentence]) -> list[DraftSentence]:
    """Fill a comparison's placeholders with hints: the claims it most likely compares ("?s3-rate")."""
    out: list[DraftSentence] = []
    earlier: list[DraftClaim] = []
    for sentence in sentences:
        claims = list(sentence.claims)
        for k, claim in enumerate(claims):
            if claim.kind != "comparison":
                continue
            after = [c for c in claims[k + 1:] if c.kind != "comparison"]
            right = after[0] if after else None
            group = _group(right) if right is not None else None
            before = [c for c in claims[:k] if c.kind != "comparison"]
            pool = [c for c in (before[::-1] + earlier[::-1]) if group is None or _group(c) == group]
            left = pool[0] if pool else None
            hinted = tuple(
                (f, PLACEHOLDER + (ref.id if ref is not None else ""))
                for f, ref in (("left", left), ("right", right))
            )
            claims[k] = attrs.evolve(claim, fields=hinted)
        earlier.extend(c for c in claims if c.kind != "comparison")
        out.append(attrs.evolve(sentence, claims=tuple(claims)))
    return out


def _group(claim: DraftClaim) -> str:
    if claim.kind == "value" and re.search(r"%|per\s*cent", claim.stated, re.IGNORECASE):
        return "percent"
    if claim.kind == "value" and re.search(r"[£$€]", claim.stated):
        return "money"
    return _COMPARABLE.get(claim.kind, claim.kind)


