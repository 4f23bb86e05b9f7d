"""What words mean: the one table. Every word list the library uses is here, and nowhere else.

Every rule for reading a phrase lives here as plain data: hedges ("nearly", "more than"),
number words and scale words ("twenty-one", "a million", "5 bn"), fractions ("a fifth"),
proportion words ("the vast majority"), multiples ("doubled", "eightfold"), vague amounts
("dozens"), direction words ("rose", "fell"), comparison words ("above"), words that state no
relation ("compared with"), and the rule for words the reader does not know (`UNREAD_WORDS`,
`UNIT_ABBREVIATIONS`). The reader in `stated` only looks words up here; the README's table is
generated from it by `markdown.table_rows()` (and a test keeps the two the same).

The words of rank claims are here too: superlatives ("the highest", "the fewest"), ordinals ("the
third-lowest"), "top" and "bottom", the spans of time of "the highest since 2015", and the row keys
that name a total. So are the other word lists, each with the rule it serves: the marks a reader sees as one
(`DASHES`, `TYPOGRAPHIC`: quotes are compared through them), the words that make a sentence state
a number (`STATES_A_NUMBER`: coverage gaps), the cues that guide drafting (labels, particles, share
verbs, the words of a forecast or an opinion) and the abbreviations that do not end a sentence.
"""

from __future__ import annotations

import enum
from fractions import Fraction
from typing import Final

import attrs

from factcheck.numbers.exact import rational
from factcheck.numbers.interval import Interval

__all__ = [
    "AGE_WORDS",
    "AMOUNT_LINKS",
    "ARTICLES",
    "AS_MANY_WORDS",
    "ATTACHED_SCALES",
    "BEFORE_NUMBER",
    "CHANGE_WORDS",
    "COMPARATORS",
    "COMPARED_NEXT",
    "COMPARED_WITH",
    "COUPLE",
    "CURRENCIES",
    "DASHES",
    "DATELINE_LABELS",
    "DEFINITION_WORDS",
    "DIRECTIONS",
    "DIRECTIONS_AFTER",
    "DIRECTION_LINKS",
    "DRAFTED_NEUTRAL_COMPARISONS",
    "EVER_PHRASES",
    "EXTRA_WORDS",
    "FILLER_WORDS",
    "FINANCIAL_YEAR_START",
    "FOLD_SUFFIX",
    "FORECAST_WORDS",
    "FRACTIONS",
    "FRACTION_TOLERANCE",
    "HARMLESS_MARKS",
    "HEDGED_DIRECTIONS_AFTER",
    "HEDGES",
    "HIGH_WORDS",
    "IN_EVERY_WORDS",
    "IN_WORDS",
    "LABEL_WORDS",
    "LOW_WORDS",
    "MONTHS",
    "MONTH_NUMBERS",
    "MOST_ADJECTIVE_ENDINGS",
    "MOST_NOT_A_RANK_AFTER",
    "MOST_NOT_A_SHARE_AFTER",
    "MOST_RANKED_ADJECTIVES",
    "MULTIPLES",
    "NEUTRAL_COMPARISONS",
    "NEVER_FINAL",
    "NOT_A_RATE_AFTER",
    "NOUN_DIRECTIONS",
    "NOUN_STOP",
    "NUMBER_WORDS",
    "OCCASIONS_WORD",
    "ONE_WORDS",
    "ONE_X_VERBS",
    "OPENERS",
    "OPINION_WORDS",
    "ORDINALS",
    "PARTICLE_DIRECTIONS",
    "PARTICLE_VERBS",
    "PERCENT_WORDS",
    "PERIOD_BASE_WORDS",
    "PERIOD_CURRENT_WORDS",
    "PERIOD_PART_WORDS",
    "PERIOD_RANGE_WORDS",
    "PER_ONE_WORDS",
    "PER_WORDS",
    "PLUS_SIGN",
    "POINT_WORDS",
    "PROPORTIONS",
    "QUALITY_WORDS",
    "RANK_CHANGING_WORDS",
    "RANK_ORDINALS",
    "RATE_STOP",
    "RATIO_AFTER",
    "RELATIVE_YEARS",
    "RESTATING_WORDS",
    "SCALES",
    "SCALE_ABBREVIATIONS",
    "SCALE_WORDS",
    "SHARE_PARTICLES",
    "SHARE_VERBS",
    "SINCE_WORDS",
    "SPACED_SCALES",
    "SPAN_QUALIFIERS",
    "SPAN_STARTS",
    "SPAN_WORDS",
    "STATES_A_NUMBER",
    "TIMES_WORDS",
    "TITLES",
    "TOP_WORDS",
    "TOTAL_WORDS",
    "TYPOGRAPHIC",
    "UNIT_ABBREVIATIONS",
    "UNIT_DIRECTIONS_AFTER",
    "UNREAD_WORDS",
    "VAGUE_AMOUNTS",
    "VAGUE_NEEDS_OF",
    "WEAK_COMPARATORS",
    "WEEKDAYS",
    "YEAR_EARLIER_WORDS",
    "YEAR_MARKERS",
    "YEAR_TO_WORDS",
    "End",
    "Hedge",
    "Multiple",
    "Proportion",
    "Quality",
    "Relation",
    "VagueAmount",
    "looks_abbreviated",
    "looks_like_a_scale_word",
    "looks_like_an_acronym",
]


class Hedge(enum.Enum):
    """How a qualifier moves the interval of the number X (step s) it governs."""

    ABOVE = "above"  # (X, X + s): the writer truncated
    NEARLY = "nearly"  # [X − s/2, X): rounds to X and is below it
    ABOUT = "about"  # [X − s/2, X + s/2]
    AT_LEAST = "at least"  # [X, X + s)
    UNDER = "under"  # (X − s, X)
    AT_MOST = "at most"  # (X − s, X]


#: Qualifiers, longest phrase first when matched. The signs (">", "~", …) are qualifiers too:
#: dropping one would turn "<5%" into "5%".
HEDGES: Final[dict[str, Hedge]] = {
    "more than": Hedge.ABOVE,
    "over": Hedge.ABOVE,
    "above": Hedge.ABOVE,
    "just over": Hedge.ABOVE,
    "in excess of": Hedge.ABOVE,
    "upwards of": Hedge.ABOVE,
    "north of": Hedge.ABOVE,
    ">": Hedge.ABOVE,
    "nearly": Hedge.NEARLY,
    "almost": Hedge.NEARLY,
    "just under": Hedge.NEARLY,
    "just short of": Hedge.NEARLY,
    "about": Hedge.ABOUT,
    "around": Hedge.ABOUT,
    "roughly": Hedge.ABOUT,
    "some": Hedge.ABOUT,
    "approximately": Hedge.ABOUT,
    "an estimated": Hedge.ABOUT,
    "~": Hedge.ABOUT,
    "≈": Hedge.ABOUT,
    "at least": Hedge.AT_LEAST,
    "no fewer than": Hedge.AT_LEAST,
    "no less than": Hedge.AT_LEAST,
    "a minimum of": Hedge.AT_LEAST,
    "≥": Hedge.AT_LEAST,
    "fewer than": Hedge.UNDER,
    "less than": Hedge.UNDER,
    "under": Hedge.UNDER,
    "below": Hedge.UNDER,
    "south of": Hedge.UNDER,
    "<": Hedge.UNDER,
    "at most": Hedge.AT_MOST,
    "no more than": Hedge.AT_MOST,
    "up to": Hedge.AT_MOST,
    "a maximum of": Hedge.AT_MOST,
    "≤": Hedge.AT_MOST,
}

#: Number words and their values. A number in words has the step of its last word: "three" is
#: to the nearest 1, "two hundred" to the nearest 100 (see `SCALE_WORDS`); a tens word in a
#: hedged count rounds like the digits would ("about twenty" is to the nearest 10, as "about 20").
NUMBER_WORDS: Final[dict[str, int]] = {
    "zero": 0, "nil": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
    "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60,
    "seventy": 70, "eighty": 80, "ninety": 90,
}  # fmt: skip

#: Scale words: they multiply the number before them ("two hundred", "five dozen", "1.5 million",
#: "a thousand million"), and a number that ends in one has its step: "two hundred" is to the
#: nearest 100, "five dozen" to the nearest 12, "a million" to the nearest million.
SCALE_WORDS: Final[dict[str, int]] = {
    "dozen": 12,
    "hundred": 100,
    "thousand": 1_000,
    "million": 1_000_000,
    "billion": 1_000_000_000,
    "trillion": 1_000_000_000_000,
}

#: Abbreviated scales, read joined to the digits or after a space ("1.2m", "£3.4bn", "£5 bn",
#: "5 mln"). Single letters are read as scales too: news copy writes "£5 m" for millions.
SCALE_ABBREVIATIONS: Final[dict[str, int]] = {
    "k": 1_000,
    "m": 1_000_000,
    "mn": 1_000_000,
    "mln": 1_000_000,
    "b": 1_000_000_000,
    "bn": 1_000_000_000,
    "bln": 1_000_000_000,
    "tn": 1_000_000_000_000,
    "trn": 1_000_000_000_000,
}

#: Every scale word and abbreviation, with its value.
SCALES: Final[dict[str, int]] = {**SCALE_WORDS, **SCALE_ABBREVIATIONS}
#: Scales read joined to the digits: "1.2m", "£3.4bn", "5k".
ATTACHED_SCALES: Final = tuple(SCALE_ABBREVIATIONS)
#: Scales read after digits and a space: "1.5 million", "£5 bn", "5 mln", "three dozen" (in words too).
SPACED_SCALES: Final = tuple(SCALES)

#: "a" and "an" stand for one before a scale word: "a million", "a dozen", "an eightfold rise".
ARTICLES: Final = ("a", "an")

PERCENT_WORDS: Final = ("per cent", "percent", "pc", "pct", "%")
POINT_WORDS: Final = ("percentage points", "percentage point", "points", "point", "pts", "ppts", "pp")
#: "122 per 100,000", "for every 1,000 people", "in every 100", "out of every 10".
PER_WORDS: Final = ("for every", "in every", "out of every", "for each", "per")
#: Of those, the ones that are also the "in" of one in N ("one in every 769"), except in a rate.
IN_EVERY_WORDS: Final = ("in every", "out of every")
#: The "in" of "one in five", "three out of four".
IN_WORDS: Final = ("in", "out of")
#: The words for the one of "one in N" ("one for every 640", "1 in 20"): exactly one.
ONE_WORDS: Final = ("one", "1")
#: Words that make the number before them a multiple: "three times", "three-fold", "10x".
TIMES_WORDS: Final = ("times", "fold", "x", "×")
#: The one multiple word that is also a count of occasions in a value ("16 times during 2019-20").
OCCASIONS_WORD: Final = "times"
#: The sign of a positive number ("+4%"); the minus signs and dashes ("-", "−", "–") are a negative one.
PLUS_SIGN: Final = "+"
#: Marks that carry no meaning for a number: punctuation, quotes, a degree sign. Any other sign that
#: is not a letter or a digit ("‰", "¥", "±", "=", "½", "²") is refused where it stands in `stated`.
HARMLESS_MARKS: Final = ".,;:!?'\"’‘“”()[]{}/\\&*#@…·°′″_-"
#: A number word joined to this is a multiple, a number like any other: "eightfold", "tenfold".
FOLD_SUFFIX: Final = "fold"
#: Currency signs and the unit a figure must have for them.
CURRENCIES: Final[dict[str, str]] = {"£": "GBP", "$": "USD", "€": "EUR"}

#: A fraction in words is its value within ±10% of it: "half" is [45%, 55%].
FRACTION_TOLERANCE: Final = rational(1, 10)

_ORDINALS: Final = {
    "half": 2, "halves": 2, "third": 3, "thirds": 3, "quarter": 4, "quarters": 4,
    "fifth": 5, "fifths": 5, "sixth": 6, "sixths": 6, "seventh": 7, "sevenths": 7,
    "eighth": 8, "eighths": 8, "ninth": 9, "ninths": 9, "tenth": 10, "tenths": 10,
}  # fmt: skip


def _fraction_words() -> dict[str, Fraction]:
    words: dict[str, Fraction] = {"half": rational(1, 2), "a half": rational(1, 2), "one half": rational(1, 2)}
    for ordinal, denominator in _ORDINALS.items():
        if ordinal.endswith("s") or ordinal == "half":
            continue
        words[f"a {ordinal}"] = rational(1, denominator)
        words[f"one {ordinal}"] = rational(1, denominator)
    for plural, denominator in _ORDINALS.items():
        if not plural.endswith("s") or plural == "halves":
            continue
        for word, numerator in NUMBER_WORDS.items():
            if 2 <= numerator < denominator:
                words[f"{word}-{plural}"] = rational(numerator, denominator)
                words[f"{word} {plural}"] = rational(numerator, denominator)
    return words


#: Fractions in words: "half", "a fifth", "two-thirds", "three quarters". Of a scale word they
#: are an amount, ±10% as fractions are: "half a million", "a quarter of a million". After a
#: number and "and" they are part of it: "two and a half" is 2.5, to the nearest 0.5.
#: ("three in four" is read as a number K in N, with the same tolerance; "one in N" is not.)
FRACTIONS: Final[dict[str, Fraction]] = _fraction_words()


@attrs.frozen
class Proportion:
    """A proportion word: its interval in percent and which side of 50% it asserts."""

    interval: Interval
    side: int  # +1: a majority; -1: a minority; a value on the other side of 50% is gross


_PCT = rational(100)


def _exact(lo: int, hi: int, *, lo_open: bool = False, hi_open: bool = False) -> Interval:
    """[lo, hi] in the engine's exact numbers (`numbers.exact`), as the words' numbers are computed with."""
    return Interval(rational(lo), rational(hi), lo_open, hi_open)


#: Proportion words, as shares in percent.
PROPORTIONS: Final[dict[str, Proportion]] = {
    "most": Proportion(_exact(50, 100, lo_open=True), +1),
    "the majority": Proportion(_exact(50, 100, lo_open=True), +1),
    "a majority": Proportion(_exact(50, 100, lo_open=True), +1),
    "the vast majority": Proportion(_exact(80, 100), +1),
    "a vast majority": Proportion(_exact(80, 100), +1),
    "the overwhelming majority": Proportion(_exact(80, 100), +1),
    "the great majority": Proportion(_exact(80, 100), +1),
    "almost all": Proportion(_exact(95, 100, hi_open=True), +1),
    "nearly all": Proportion(_exact(95, 100, hi_open=True), +1),
    "virtually all": Proportion(_exact(95, 100, hi_open=True), +1),
    "a minority": Proportion(_exact(0, 50, hi_open=True), -1),
    "a small minority": Proportion(_exact(0, 20), -1),
    "a tiny minority": Proportion(_exact(0, 5), -1),
}


@attrs.frozen
class VagueAmount:
    """A vague amount, as a count: "dozens" is [24, 100).

    `scalable`: a scale word after it multiplies the interval ("a couple of hundred" is
    [150, 250]); with none it counts ones ("a couple of people" is [1.5, 2.5]).
    """

    interval: Interval
    scalable: bool = False


def _from(lo: int, hi: int) -> Interval:
    return _exact(lo, hi, hi_open=True)


#: "A couple of" N is [1.5N, 2.5N].
COUPLE: Final = "a couple of"

#: Vague amounts, as counts; "thousands", "tens of thousands", "hundreds of thousands" and the
#: like for a thousand, a million and a billion.
VAGUE_AMOUNTS: Final[dict[str, VagueAmount]] = {
    COUPLE: VagueAmount(Interval(rational(3, 2), rational(5, 2)), scalable=True),
    "a handful": VagueAmount(_from(2, 10)),
    "several": VagueAmount(_from(3, 10)),
    "dozens": VagueAmount(_from(24, 100)),
    "scores": VagueAmount(_from(40, 200)),
    "hundreds": VagueAmount(_from(200, 1_000)),
    **{
        phrase.format(scale=scale): VagueAmount(_from(lo * SCALE_WORDS[scale], hi * SCALE_WORDS[scale]))
        for scale in ("thousand", "million", "billion")
        for phrase, lo, hi in (("{scale}s", 2, 10), ("tens of {scale}s", 20, 100), ("hundreds of {scale}s", 200, 1_000))
    },
}


@attrs.frozen
class Multiple:
    """A multiple word: the ratio it states (new / old) and its interval."""

    ratio: Fraction
    interval: Interval
    direction: int  # +1 for growth words, -1 for "halved", 0 for "twice as many"


def _times(n: int) -> Interval:
    return Interval(rational(n) - rational(1, 20), rational(n) + rational(1, 20))


_HALVED: Final = Interval(rational(475, 1000), rational(525, 1000))

#: Multiples in words. "N times", "N-fold" and "eightfold" are numbers like any other, read in `stated`.
MULTIPLES: Final[dict[str, Multiple]] = {
    "doubled": Multiple(rational(2), _times(2), +1),
    "double": Multiple(rational(2), _times(2), +1),
    "doubling": Multiple(rational(2), _times(2), +1),
    "twice": Multiple(rational(2), _times(2), 0),
    "trebled": Multiple(rational(3), _times(3), +1),
    "tripled": Multiple(rational(3), _times(3), +1),
    "treble": Multiple(rational(3), _times(3), +1),
    "triple": Multiple(rational(3), _times(3), +1),
    "trebling": Multiple(rational(3), _times(3), +1),
    "tripling": Multiple(rational(3), _times(3), +1),
    "thrice": Multiple(rational(3), _times(3), 0),
    "quadrupled": Multiple(rational(4), _times(4), +1),
    "quadruple": Multiple(rational(4), _times(4), +1),
    "quadrupling": Multiple(rational(4), _times(4), +1),
    "halved": Multiple(rational(1, 2), _HALVED, -1),
    "halving": Multiple(rational(1, 2), _HALVED, -1),
}

#: Direction words of a change or a difference.
DIRECTIONS: Final[dict[str, int]] = {
    **dict.fromkeys(
        "up rise rises rising rose risen increase increases increased increasing grew grow grows "
        "growing grown growth higher more extra jump jumps jumped jumping climb climbs climbed climbing "
        "gain gains gained additional surge surged surging soar soared soaring rocketed leapt leaped "
        "spiked swelled hike hikes hiked boost boosted longer slower".split(),
        +1,
    ),
    **dict.fromkeys(
        "down fall falls falling fell fallen drop drops dropped dropping decrease decreases "
        "decreased decreasing decline declines declined declining lower fewer less cut cuts "
        "reduction reduced shrank shrunk slump slumped dip dipped plunged plummeted tumbled slid "
        "eased shorter".split(),
        -1,
    ),
}


#: Month names and their abbreviations ("March 2019", "Jan 2024").
MONTHS: Final = frozenset(
    "january february march april may june july august september october november december "
    "jan feb mar apr jun jul aug sep sept oct nov dec".split()
)

#: Words after which a bare four-digit number is a year, not an amount ("up 4% on 2019", "since
#: March 2015"), when another number in the phrase is the amount.
YEAR_MARKERS: Final = (
    frozenset(
        "in on since from than of during by to between with against for before after and until through year fy".split()
    )
    | MONTHS
)

#: Words that carry no meaning for the number ("an increase *of* 4%"). In a change or difference
#: with no direction word, any other unknown word is an error that asks for `direction`.
FILLER_WORDS: Final = frozenset(
    "a an the of by on from to than in at was were is are be been being has have had with compared "
    "against last year years previous prior month months week weeks its their this that and or as "
    "many much for since before after same period".split()
)

#: Words the reader does not know are the thing counted ("offenders", "people", "killed or
#: seriously injured"), and harmless, except where they would change the number:
#:
#: - these words, right before or after a number: they change it in a way the reader does not
#:   read ("20-odd", "a few hundred", "5 lakh", "50 basis points", "5 grand");
#: - a word joined to the digits ("12th", "5e6", "1990s"), unless it is one of `UNIT_ABBREVIATIONS`;
#: - a word after a number that is a scale word misspelt (`looks_like_a_scale_word`: "£5 milion");
#: - a word after a number (or its hyphen) that looks abbreviated (`looks_abbreviated`: no vowel,
#:   as "bn", "mln", "bps"), unless it is one of `UNIT_ABBREVIATIONS` or written as an acronym in
#:   capitals ("12 NHS trusts", "40 MPs": the thing counted); a scale abbreviation is read where it
#:   can be ("£5 bn" is £5bn) and refused where it cannot ("five bn").
#:
#: Each of these is an error quoting the word, never dropped: "£5 bn" is never read as £5.
UNREAD_WORDS: Final = frozenset(
    "odd plus few lakh lakhs lac lacs crore crores mil mill mio bil thou grand score basis bps mille "
    "squared cubed hundredths thousandths millionths".split()
)

#: Abbreviated units that may follow a number (they name what is measured, not a scale).
UNIT_ABBREVIATIONS: Final = frozenset(
    "g kg mg lb lbs oz mm cm km nm ft ml cl l h hr hrs ms w kw mw gw kwh mwh gwh twh mph kph kmh bhp "
    "sq sqm sqft ha pw pcm ppm cc c f gbp".split()
)


def looks_abbreviated(word: str) -> bool:
    """Whether a word has no vowel ("bn", "mln", "bps", "km"): an abbreviation, perhaps of a scale."""
    return not any(c in "aeiouy" for c in word.lower())


def looks_like_a_scale_word(word: str) -> bool:
    """Whether a word not in the table is one letter away from a scale word ("milion", "thousnad",
    "bilion"): misspelt, it would be dropped and the number read a million times too small."""
    for scale in SCALE_WORDS:
        if abs(len(word) - len(scale)) <= 1 and word[:1] == scale[:1] and _one_edit_apart(word, scale):
            return True
    return False


def _one_edit_apart(a: str, b: str) -> bool:
    """One letter added, dropped, changed, or two neighbours swapped (and not the same word)."""
    if a == b:
        return False
    if len(a) == len(b):
        diffs = [i for i, (x, y) in enumerate(zip(a, b, strict=True)) if x != y]
        return len(diffs) == 1 or (
            len(diffs) == 2 and diffs[1] == diffs[0] + 1 and a[diffs[0]] == b[diffs[1]] and a[diffs[1]] == b[diffs[0]]
        )
    short, long = (a, b) if len(a) < len(b) else (b, a)
    return any(long[:i] + long[i + 1 :] == short for i in range(len(long)))


def looks_like_an_acronym(written: str) -> bool:
    """Whether a word as written has two capitals or more ("NHS", "MPs", "CCTV"): a name, not a scale."""
    return sum(c.isupper() for c in written) >= 2


#: Words that put two figures side by side without saying which is larger: a comparison in these
#: words is `unchecked`, never read as above or below.
NEUTRAL_COMPARISONS: Final = (
    "compared with", "compared to", "in comparison with", "by comparison with", "against", "as against",
    "set against", "versus", "vs", "while", "whereas", "alongside", "relative to",
)  # fmt: skip


class Relation(enum.Enum):
    """What a comparison asserts of left against right."""

    GREATER = ">"
    LESS = "<"
    EQUAL = "="
    AT_LEAST = ">="
    AT_MOST = "<="


#: Comparison words.
COMPARATORS: Final[dict[str, Relation]] = {
    **dict.fromkeys(
        ["above", "higher than", "more than", "greater than", "larger than", "bigger than",
         "over", "exceeds", "exceeded", "ahead of", "up on"],
        Relation.GREATER,
    ),
    **dict.fromkeys(
        ["below", "lower than", "less than", "fewer than", "smaller than", "under",
         "short of", "behind", "down on"],
        Relation.LESS,
    ),
    **dict.fromkeys(
        ["the same as", "equal to", "level with", "as many as", "unchanged from", "same as"],
        Relation.EQUAL,
    ),
    **dict.fromkeys(["at least", "no lower than", "no fewer than", "no less than"], Relation.AT_LEAST),
    **dict.fromkeys(["at most", "no higher than", "no more than", "not above"], Relation.AT_MOST),
}  # fmt: skip


# -- rank words ("the highest", "the third-lowest", "one of the lowest", "the highest since 2015") -----


class End(enum.Enum):
    """The end of a list of values that a rank counts its places from."""

    HIGH = "high"
    LOW = "low"

    @property
    def other(self) -> End:
        return End.LOW if self is End.HIGH else End.HIGH


class Quality(enum.Enum):
    """ "The best" and "the worst": which end that is depends on the claim's `order` (is a high value good?)."""

    BEST = "best"
    WORST = "worst"


#: Superlatives that count from the high end, and from the low end.
HIGH_WORDS: Final = (
    "highest", "largest", "biggest", "most", "greatest", "longest", "heaviest", "steepest", "sharpest",
)  # fmt: skip
LOW_WORDS: Final = ("lowest", "smallest", "fewest", "least", "shortest", "lightest")
#: Superlatives of quality: their end is the claim's `order` (where a value is good) or its other end.
QUALITY_WORDS: Final[dict[str, Quality]] = {"best": Quality.BEST, "worst": Quality.WORST}
#: "the top ten", "the bottom five".
TOP_WORDS: Final[dict[str, End]] = {"top": End.HIGH, "bottom": End.LOW}
#: Ordinals of a place: "the third-lowest". A place in digits is read too ("the 12th highest").
RANK_ORDINALS: Final[dict[str, int]] = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7, "eighth": 8,
    "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13, "fourteenth": 14,
    "fifteenth": 15, "sixteenth": 16, "seventeenth": 17, "eighteenth": 18, "nineteenth": 19, "twentieth": 20,
}  # fmt: skip
#: Words that start the span of time of "the highest since 2015".
SINCE_WORDS: Final = ("since",)
#: ... and of "the lowest for a decade", "the highest in 20 years", "the most over a generation".
SPAN_STARTS: Final = ("for", "in", "over")
#: What may follow "for", "in" or "over" (after "a", "an", "one", a number word or digits) to make a span of time.
SPAN_WORDS: Final = (
    "decade", "decades", "year", "years", "month", "months", "generation", "century", "quarter", "quarters",
)  # fmt: skip
#: Words that may come before a span ("for at least a decade"), as word lists.
SPAN_QUALIFIERS: Final = (("at", "least"), ("more", "than"), ("over",), ("almost",), ("nearly",), ("well", "over"))
#: Words after a superlative that change which values are ranked or which place is meant ("the highest but one"
#: is the second highest; "the highest outside London" leaves London out): refused, so that the claim says it
#: with a place or with `exclude`.
RANK_CHANGING_WORDS: Final = (
    "but", "bar", "except", "excluding", "outside", "apart", "besides", "after", "behind", "other", "save", "barring",
)  # fmt: skip
#: Whole phrases after a superlative that speak of every period there is ("the highest on record").
EVER_PHRASES: Final = ("on record", "ever", "in history", "since records began")
#: Row keys that name a total rather than one of the things ranked (whole words of the key, lower case): a
#: diagnosis of a rank tries the list without such a row ("true if the total row is left out").
TOTAL_WORDS: Final = (
    "total", "totals", "all", "overall", "average", "mean", "national", "england and wales", "england",
    "united kingdom", "uk", "great britain", "gb", "all areas", "all forces", "country",
)  # fmt: skip


# -- the article's marks, as a reader sees them ----------------------------------------------------

#: Dashes and the minus sign that the reader of `stated` reads as "-": the hyphen and non-breaking
#: hyphen (U+2010, U+2011), the figure dash, en dash, em dash and horizontal bar (U+2012-2015) and
#: the minus sign (U+2212).
DASHES: Final = "\u2010\u2011\u2012\u2013\u2014\u2015\u2212"

#: Characters read as another (or as nothing) before a quote is compared with its sentence: what a
#: reader sees as the same mark. Quotation marks and apostrophes: ‘ ’ ‚ ‛ ′ ʼ ＇ and ‹ › are ', “ ” „ ‟
#: ″ ＂ and « » are ". Dashes: `DASHES`, and also the small and full-width hyphen-minus and the small
#: em dash (U+FE63, U+FF0D, U+FE58), are -. (The reader of `stated` does not read those three as a
#: minus: a quote may hold them, a number may not.) Invisible characters are dropped: the soft hyphen
#: (U+00AD), zero-width space, non-joiner and joiner (U+200B-200D), word joiner (U+2060) and the
#: zero-width no-break space (U+FEFF).
TYPOGRAPHIC: Final[dict[int, str | None]] = {
    **{ord(c): "'" for c in "\u2018\u2019\u201a\u201b\u2032\u02bc\uff07\u2039\u203a"},
    **{ord(c): '"' for c in "\u201c\u201d\u201e\u201f\u2033\uff02\u00ab\u00bb"},
    **{ord(c): "-" for c in DASHES + "\ufe63\uff0d\ufe58"},
    **{ord(c): None for c in "\u00ad\u200b\u200c\u200d\u2060\ufeff"},
}


# -- words that guide coverage and drafting (not the reading of `stated`) -------------------------

#: A sentence with a digit or one of these words states a number: with no claim and no `check`, a
#: coverage gap says so ("… states a number but has no claim").
STATES_A_NUMBER: Final = (
    "one two three four five six seven eight nine ten eleven twelve twenty thirty forty fifty hundred thousand "
    "million billion half third quarter fifth majority minority most doubled trebled tripled halved twice".split()
)

#: Words before a number that make it a label, not a quantity: "year 7", "level two", "No. 10".
LABEL_WORDS: Final = frozenset(
    "year level no number stage phase section band grade tier page article clause route junction platform "
    "ward key division league round chapter schedule part".split()
)
#: Words before a fraction word that make it an ordinal, not a fraction: "the first half".
ORDINALS: Final = frozenset({"first", "second", "last", "next", "final", "third", "fourth"})
#: Words after "N times as" that make it a multiple: "twice as many", "three times as likely".
AS_MANY_WORDS: Final = frozenset({"many", "much", "high", "likely", "big", "large", "often", "long"})
#: Words before "up"/"down" that make it a particle, not a direction: "made up", "bedding down".
PARTICLE_VERBS: Final = frozenset(
    "made make makes making turned turn turns turning set sets setting end ends ended ending pick picked take "
    "takes took taking break broke broken bedding bed step stepped stepping sign signed back backed split "
    "shut shuts close closed closes sat sit sits stand stood stands stands run ran runs slow slowed".split()
)
#: ... the directions they would make particles of.
PARTICLE_DIRECTIONS: Final = ("up", "down")
#: Direction words that name the change itself and take "a"/"an": "a rise of", "an extra".
NOUN_DIRECTIONS: Final = frozenset(
    "rise increase fall drop decrease decline reduction cut jump climb surge gain growth extra dip slump".split()
)
#: Direction words that may follow a number: "4.99 per cent more", "254 more than a year earlier".
DIRECTIONS_AFTER: Final = ("more", "fewer", "less", "higher", "lower", "up", "down", "extra")
#: ... and the hedges whose first word is one: "254 more than", read as "254 more".
HEDGED_DIRECTIONS_AFTER: Final = ("more", "fewer", "less")
#: Words between a direction and its number: "fell by 4%", "a rise of 4%".
DIRECTION_LINKS: Final = ("by", "of")
#: Words that add to a number without a direction word before them: "an extra 254", "an additional 254".
EXTRA_WORDS: Final = ("extra", "additional")
#: Verbs that make "N per cent" a share: "making up 35 per cent", "accounting for 46 per cent".
SHARE_VERBS: Final = (
    "made making make makes accounting accounted accounts account comprising comprised represented representing "
    "represents constituted constituting took takes take taking".split()
)
#: ... with or without one of these after them.
SHARE_PARTICLES: Final = ("up", "for")
#: Words after "N times" that make it a ratio ("9.2 times the salary"), not a count of occasions.
RATIO_AFTER: Final = frozenset(
    "the as that what more higher larger bigger greater lower smaller his her their its".split()
)
#: Words that are not the noun a rate or a "one in N" counts ("for every 1,000 *people*").
NOUN_STOP: Final = frozenset(
    "of the a an and or in on at to for by from with than as is are was were that which who this these those "
    "its their his her".split()
)
#: Words that end a rate's words before its "per": "122 offenders *than*" is no rate.
RATE_STOP: Final = ("than", "from", "to")
#: Per words after which a noun, not a number, makes a rate per one: "19.4 journeys for every person".
PER_ONE_WORDS: Final = ("for every", "per", "for each")
#: Words that introduce a bare number as a comparison's other side: "compared with 84", "against 84".
COMPARED_WITH: Final = ("compared", "against")
#: Words after a bare number that make it no rate of the sentence's: "84 per", "84 people", "84 times".
NOT_A_RATE_AFTER: Final = ("per", "people", "times")
#: Comparison words that are too often plain prepositions ("over the year", "under the law") to draft.
WEAK_COMPARATORS: Final = frozenset(
    {"over", "under", "behind", "up on", "down on", "as many as", "at least", "at most", "exceeded", "exceeds"}
)
#: A comparison word is drafted when one of these comes next: "above *the* England average".
COMPARED_NEXT: Final = frozenset("the that those its their in".split())

#: Words that make a sentence with no number a forecast (its guessed `check`).
FORECAST_WORDS: Final = (
    *"will shall expect expects expected expecting forecast forecasts predict predicts predicted projected".split(),
    *[
        "plan to",
        "plans to",
        "planning to",
        "is set to",
        "are set to",
        "aim to",
        "aims to",
        "intend to",
        "intends to",
        "due to be",
        "next year",
        "next month",
        "next week",
        "next winter",
        "next summer",
        "next spring",
    ],
)
#: ... an opinion.
OPINION_WORDS: Final = (
    *"say says said claim claims claimed argue argues argued believe believes believed warn warns warned".split(),
    *["call for", "calls for", "called for", "calling for"],
    *"urge urges urged urging insist insists insisted likely should".split(),
    "must do",
)
#: ... a definition.
DEFINITION_WORDS: Final = (
    "cover",
    "covers",
    "cover only",
    "is based on",
    "are based on",
    "based on",
    "means",
    "meaning",
    "is defined",
    "are defined",
    "defined as",
    "refer to",
    "refers to",
    "known as",
    "are supposed to",
    "is supposed to",
    "have to",
    "has to",
    "are required",
    "is required",
    "count",
    "counts",
    "include",
    "includes",
    "excluding",
    "exclude",
    "excludes",
)

#: Titles before a name: "Mr.", "Dr.", "Cllr." never end a sentence.
TITLES: Final = frozenset(
    "mr mrs ms mx dr prof st rev revd gen sgt insp supt cllr det con lt col capt maj cpl pc dc ds di fr hon rt "
    "sen rep gov supt cmdr adm brig".split()
)
#: Abbreviations that never end a sentence when a capital follows (a name, usually).
NEVER_FINAL: Final = frozenset("vs v e.g i.e cf dept govt corp bros assn univ approx viz".split())
#: Abbreviations that do not end a sentence when a number follows: "No. 10", "Fig. 3", "Jan. 5".
BEFORE_NUMBER: Final = frozenset(
    "no nos vol p pp fig figs para paras art ch sec sect tel op ref pt "
    "jan feb mar apr jun jul aug sep sept oct nov dec".split()
)
#: Words that usually open a sentence: after "U.K." or "p.m." they mark a new one.
OPENERS: Final = frozenset(
    "the a an it its this that these those he she they we i you there their his her our my but and so yet "
    "however in on at for if when while after before since as meanwhile last next figures police".split()
)


# -- periods (issue 12): the words that name when a figure is of ----------------------------------------------------
# Read by `words.periods`; the rule that compares them with the figures' periods is `check.periods`.

#: Month names and abbreviations, with their numbers ("March 2020", "Sept 2023").
MONTH_NUMBERS: Final[dict[str, int]] = {
    **{
        name: number
        for number, name in enumerate(
            "january february march april may june july august september october november december".split(), 1
        )
    },
    **{name: number for number, name in enumerate("jan feb mar apr may jun jul aug sep oct nov dec".split(), 1)},
    "sept": 9,
}
#: The month a financial year starts in: "2019-20" runs from April 2019 to March 2020 (UK public finances).
FINANCIAL_YEAR_START: Final = 4
#: Words before a period that make it the claim's own period ("in 2019-20", "during March 2024").
PERIOD_CURRENT_WORDS: Final = frozenset("in during for of throughout over at".split())
#: Words before a period that make it the base of a change, the period compared with ("up 4% on 2018-19",
#: "down from 2021", "than in 2021", "compared with 2022"): an input carries it, the `from` of a change.
PERIOD_BASE_WORDS: Final = ("compared with", "compared to", "than in", "than during", "on", "from", "than", "against")
#: Words before a period that make it a range, not the claim's period ("the highest since 2015", "between 2010
#: and 2020", "by 2026"): not compared with the figures.
PERIOD_RANGE_WORDS: Final = frozenset("since between and until till before after by to".split())
#: Words between a marker and its period that leave its role to the marker: "at the end of March" is the
#: claim's period ("at"), "by the end of March" a deadline, a range ("by").
PERIOD_PART_WORDS: Final = ("the end of", "the start of", "the beginning of", "the middle of", "the close of")
#: Periods named relative to `[article] published`, in years from its calendar year ("last year" in an article
#: of November 2020 is 2020 − 1 = 2019; "March this year" is March 2020).
RELATIVE_YEARS: Final[dict[str, int]] = {"last year": -1, "this year": 0}
#: Words for the year before the claim's own period: the base of a change is a year before its end.
YEAR_EARLIER_WORDS: Final = (
    "the same month last year",
    "the same period last year",
    "the same quarter last year",
    "the same time last year",
    "the previous year",
    "the year before",
    "the year earlier",
    "a year earlier",
    "a year before",
    "12 months earlier",
    "twelve months earlier",
)
#: Words that make a month the end of a year ("the year to March 2020" is April 2019 to March 2020).
YEAR_TO_WORDS: Final = ("year to", "year ending", "year ended", "12 months to", "12 months ending", "twelve months to")


# -- drafting: the words `factcheck extract` reads in an article (issue 13; kept apart from the rest) --------

#: Vague amounts that state a number only before "of": "scores of people", never "exam scores".
VAGUE_NEEDS_OF: Final = frozenset({"scores"})
#: Words after "most" that make it an adverb, not a share: "most likely", "the areas most affected" (a word
#: ending in "-ly" or "-ed" too). "Most people" and "most of them" are shares.
MOST_NOT_A_SHARE_AFTER: Final = frozenset(
    "likely recent common popular important serious often at in to for when where with".split()
)
#: Words after "the most" that make it no rank of figures: "the most recent", "for the most part".
MOST_NOT_A_RANK_AFTER: Final = frozenset({"recent", "recently", "part", "of", "likely", "important", "notably"})
#: Endings of the adjectives after "the most" that judge rather than count ("the most dangerous", "the most
#: vulnerable", "the most effective"): no rank of figures ...
MOST_ADJECTIVE_ENDINGS: Final = ("ous", "ive", "ful", "able", "ible", "ant", "ent", "ic", "al", "ing", "ly")
#: ... except these, which say how many or how much: "the most deprived", "the most expensive".
MOST_RANKED_ADJECTIVES: Final = frozenset({"deprived", "expensive", "populous", "frequent", "affordable"})
#: The words stating no relation that a draft turns into a comparison claim (the format makes it
#: unchecked). "While", "against" and "alongside" are left out: too often plain words.
DRAFTED_NEUTRAL_COMPARISONS: Final = (
    "compared with", "compared to", "in comparison with", "by comparison with", "versus", "relative to",
)  # fmt: skip
#: Words between a direction's "by"/"of" and its number: "rose by an average of 45p".
AMOUNT_LINKS: Final = ("an average of", "a total of", "a median of", "a mean of")
#: Words that make the number after "of" or "by" a change with no direction word: "a change of -4.1%".
CHANGE_WORDS: Final = frozenset({"change", "changes", "changed"})
#: Direction words that may follow a number and its unit word: "14 seconds slower", "300 people fewer".
UNIT_DIRECTIONS_AFTER: Final = ("slower", "longer", "shorter", "more", "fewer", "less", "higher", "lower")
#: The last word of an age ("11-year-olds", "a 15-year-old"): a label of people, not a quantity.
AGE_WORDS: Final = frozenset({"old", "olds"})
#: Verbs that may stand among the words naming the one of "one adult was waiting for every 640 residents".
ONE_X_VERBS: Final = ("is", "are", "was", "were")
#: Words that restate the number before them in another unit: "45p, or 12 per cent".
RESTATING_WORDS: Final = ("or",)

#: Days of the week, which a dateline may name before its date ("Tuesday 10 November 2020").
WEEKDAYS: Final = frozenset(
    "monday tuesday wednesday thursday friday saturday sunday mon tue tues wed thu thur thurs fri sat sun".split()
)
#: Labels before the date of publication in a dateline ("Published: 10 November 2020"). "Updated" is
#: not one of them: the day a story was changed is not the day it was published.
DATELINE_LABELS: Final = ("first published", "published", "posted", "dated", "date")
