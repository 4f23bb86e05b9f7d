"""Reading the words of a rank claim: "the highest", "the third-lowest", "one of the lowest", "in the top ten".

`parse_rank_words(stated)` reads them into `RankWords`: which place they claim, counted from which end,
and the span of time they name ("since 2015"). Every word it knows is the word table's (superlatives,
ordinals, "top" and "bottom", spans of time); any other word where a rank word should be is a
`RankWordsError` quoting it, never dropped. Words after the superlative name the thing ranked ("rate",
"number of people waiting") and may end in a span of time; words that would change what is ranked or
which place is meant ("the highest but one", "the highest outside London") are refused, so that the
claim says it with a place or with `exclude`.

What the words claim, for n values (`RankWords.bound`): "the highest" and "the Nth highest" that
place exactly; "among the N highest" and "in the top N" at most the Nth place; "one of the highest"
(and "among the highest", which says the same) at most the max(3, ⌈n/4⌉)th place.
"""

from __future__ import annotations

import enum
import math
import re
from collections.abc import Sequence
from typing import Final

import attrs

from factcheck.errors import RankWordsError
from factcheck.words.table import (
    EVER_PHRASES,
    HIGH_WORDS,
    LOW_WORDS,
    NUMBER_WORDS,
    QUALITY_WORDS,
    RANK_CHANGING_WORDS,
    RANK_ORDINALS,
    SCALE_WORDS,
    SINCE_WORDS,
    SPAN_QUALIFIERS,
    SPAN_STARTS,
    SPAN_WORDS,
    TOP_WORDS,
    TYPOGRAPHIC,
    End,
    Quality,
)

__all__ = ["RankWords", "Reach", "one_of_bound", "parse_rank_words", "rank_normal"]

_ORDINAL_DIGITS: Final = re.compile(r"(\d{1,4})(?:st|nd|rd|th)")
#: The most places "among the N highest" may count (a number beyond is no rank anyone writes).
_MOST_PLACES: Final = 100_000


class Reach(enum.Enum):
    """What the words claim of the place: exactly the Nth, within the first N, or "one of the"."""

    EXACT = "exact"  # "the highest" (N = 1), "the third-lowest"
    WITHIN = "within"  # "among the five highest", "in the top ten"
    ONE_OF = "one of"  # "one of the highest": within max(3, ⌈n/4⌉)


@attrs.frozen(kw_only=True)
class RankWords:
    """The rank words of a claim, read: what place they claim, counted from which end."""

    text: str
    reach: Reach
    place: int = 1  # N of "the Nth highest" (1 for "the highest") or of "among the N highest"; 0 for "one of"
    end: End | None = None  # None for "the best"/"the worst", whose end is the claim's order
    quality: Quality | None = None
    joint: bool = False
    since: str | None = None  # "since 2015", "for a decade", "on record"

    def end_for(self, order: End | None) -> End:
        """The end the words count from; "best" is `order`'s end (where a value is good), "worst" the other."""
        if self.end is not None:
            return self.end
        if order is None:
            reason = "'best' and 'worst' need order = \"high\" or \"low\" on the claim (is a high value good?)"
            raise RankWordsError(self.text, self.text, reason)
        return order if self.quality is Quality.BEST else order.other

    def bound(self, n: int) -> int:
        """The last place from the words' end that the words allow, among `n` values."""
        return one_of_bound(n) if self.reach is Reach.ONE_OF else self.place


def one_of_bound(n: int) -> int:
    """How many places from an end "one of the highest" reaches among n values: max(3, ⌈n/4⌉)."""
    return max(3, math.ceil(n / 4))


def parse_rank_words(stated: str) -> RankWords:
    """Read rank words: "the highest rate", "the third-lowest", "one of the lowest", "among the five highest",
    "in the top ten", "the highest since 2015", "the lowest for a decade", "the best", "joint highest", ….

    Raises RankWordsError for anything else, quoting the words it could not read.
    """
    words = rank_normal(stated).split()
    if not words:
        raise RankWordsError(stated, stated, "no rank words")
    position = 1 if words[0] == "the" else 0
    if words[position : position + 3] == ["one", "of", "the"]:
        return _one_of(stated, words, position + 3)
    if words[position : position + 2] in (["among", "the"], ["in", "the"], ["within", "the"]):
        return _within(stated, words, position + 2)
    if position < len(words) and words[position] in TOP_WORDS:
        return _within(stated, words, position)
    joint = position < len(words) and words[position] == "joint"
    position += joint
    place = 1
    ordinal = _ordinal(words[position]) if position < len(words) else None
    if ordinal is not None:
        place = ordinal
        position += 1
    end, quality = _superlative(stated, words, position)
    return RankWords(
        text=stated,
        reach=Reach.EXACT,
        place=place,
        end=end,
        quality=quality,
        joint=joint,
        since=_since(stated, words[position + 1 :]),
    )


def rank_normal(text: str) -> str:
    """Lower case, typographic dashes and quotes as ASCII, hyphens as spaces ("third-lowest"), white space folded."""
    return " ".join(text.translate(TYPOGRAPHIC).casefold().replace("-", " ").split())


def _ordinal(word: str) -> int | None:
    if word in RANK_ORDINALS:
        return RANK_ORDINALS[word]
    match = _ORDINAL_DIGITS.fullmatch(word)
    return int(match.group(1)) if match and int(match.group(1)) >= 1 else None


def _count(words: Sequence[str], position: int) -> tuple[int, int] | None:
    """A number of places at `position` ("five", "10", "twenty five", "a hundred") and how many words it took."""
    first = words[position].replace(",", "") if position < len(words) else ""
    following = words[position + 1] if position + 1 < len(words) else ""
    if first == "a" and following in SCALE_WORDS:  # "the top hundred": "a hundred"
        return _counted(SCALE_WORDS[following], 2)
    if first in SCALE_WORDS:
        return _counted(SCALE_WORDS[first], 1)
    if first in NUMBER_WORDS:
        tens, units = NUMBER_WORDS[first], NUMBER_WORDS.get(following)
        if tens >= 20 and tens % 10 == 0 and units is not None and 1 <= units <= 9:  # "twenty five"
            return _counted(tens + units, 2)
        return _counted(tens, 1)
    if first.isdigit():
        return _counted(int(first), 1)
    return None


def _counted(number: int, used: int) -> tuple[int, int] | None:
    return (number, used) if 1 <= number <= _MOST_PLACES else None


def _superlative(stated: str, words: Sequence[str], position: int) -> tuple[End | None, Quality | None]:
    word = words[position] if position < len(words) else ""
    if word in HIGH_WORDS:
        return End.HIGH, None
    if word in LOW_WORDS:
        return End.LOW, None
    if word in QUALITY_WORDS:
        return None, QUALITY_WORDS[word]
    unknown = " ".join(words[position : position + 3]) or stated
    raise RankWordsError(
        stated,
        unknown,
        "not rank words the reader knows (such as 'the highest', "
        "'the third-lowest', 'one of the lowest', 'among the five highest')",
    )


def _one_of(stated: str, words: Sequence[str], position: int) -> RankWords:
    counted = _count(words, position)
    if counted is not None:  # "one of the five highest": among the five highest
        return _counted_within(stated, words, position, counted)
    end, quality = _superlative(stated, words, position)
    return RankWords(
        text=stated, reach=Reach.ONE_OF, place=0, end=end, quality=quality, since=_since(stated, words[position + 1 :])
    )


def _within(stated: str, words: Sequence[str], position: int) -> RankWords:
    if position < len(words) and words[position] in TOP_WORDS:  # "in the top ten", "the bottom five"
        counted = _count(words, position + 1)
        if counted is None:
            unknown = " ".join(words[position : position + 2])
            raise RankWordsError(stated, unknown, "'top' and 'bottom' need a number of places ('the top ten')")
        number, used = counted
        return RankWords(
            text=stated,
            reach=Reach.WITHIN,
            place=number,
            end=TOP_WORDS[words[position]],
            since=_since(stated, words[position + 1 + used :]),
        )
    counted = _count(words, position)
    if counted is None and position < len(words) and words[position] in (*HIGH_WORDS, *LOW_WORDS, *QUALITY_WORDS):
        return _one_of(stated, words, position)  # "among the highest": one of the highest
    if counted is None:
        unknown = " ".join(words[position : position + 2]) or stated
        raise RankWordsError(stated, unknown, "'among the' needs a number of places ('among the five highest')")
    return _counted_within(stated, words, position, counted)


def _counted_within(stated: str, words: Sequence[str], position: int, counted: tuple[int, int]) -> RankWords:
    """A number of places and a superlative at `position` ("the five highest", `counted` being the number and the
    words it took): within that many places of the end the superlative names."""
    number, used = counted
    end, quality = _superlative(stated, words, position + used)
    return RankWords(
        text=stated,
        reach=Reach.WITHIN,
        place=number,
        end=end,
        quality=quality,
        since=_since(stated, words[position + used + 1 :]),
    )


def _since(stated: str, tail: Sequence[str]) -> str | None:
    """The span of time at the end of the words, if any: the words before it name the thing ranked."""
    changing = next((word for word in tail if word in RANK_CHANGING_WORDS), None)
    if changing is not None:
        raise RankWordsError(
            stated,
            changing,
            "words that change what is ranked or which place is meant; "
            "write the place ('the second highest') or leave rows out with exclude",
        )
    text = " ".join(tail)
    for phrase in EVER_PHRASES:
        if text == phrase or text.endswith(" " + phrase):
            return phrase
    for index, word in enumerate(tail):
        if word in SINCE_WORDS:
            if index + 1 == len(tail):
                raise RankWordsError(stated, word, "'since' needs a time ('since 2015')")
            return " ".join(tail[index:])
        if word in SPAN_STARTS and _is_span(tail[index + 1 :]):
            return " ".join(tail[index:])
    return None


def _is_span(words: Sequence[str]) -> bool:
    """ "a decade", "20 years", "at least a decade", "more than ten years", "a generation"."""
    rest = tuple(words)
    while rest:
        qualifier = next((q for q in SPAN_QUALIFIERS if rest[: len(q)] == q), None)
        if qualifier is None:
            break
        rest = rest[len(qualifier) :]
    if len(rest) < 2 or rest[1] not in SPAN_WORDS:
        return False
    return rest[0] in ("a", "an", "one") or rest[0] in NUMBER_WORDS or rest[0].isdigit()
