"""A generated corpus in the one-template-many-areas shape, with a known share of wrong claims.

A wire story is localised for many areas: the same sentences and claim kinds, each area's own
figures. Every claim's `stated` words are worked out here from the exact figures, so the verdict
of each claim is known in advance: `supported` when written from the figures, `contradicted` when
deliberately made wrong (a number off by a quarter or more, a direction or a side flipped).

Used by bench/check_speed.py and by the tests (imported from this folder by path).
"""

from __future__ import annotations

import random
from collections import Counter
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal
from fractions import Fraction
from pathlib import Path

__all__ = ["CLAIMS_PER_FILE", "TOPICS", "Corpus", "write_corpus"]

#: Each topic gives eleven claims per file; five topics give 55 claims per file.
TOPICS = (
    ("crime", "offence", "recorded offences"),
    ("fly-tipping", "incident", "fly-tipping incidents"),
    ("homelessness", "household", "households owed a duty"),
    ("a-and-e", "attendance", "A&E attendances"),
    ("school", "pupil", "pupils"),
)
CLAIMS_PER_TOPIC = 11
CLAIMS_PER_FILE = CLAIMS_PER_TOPIC * len(TOPICS)
CHECK_SENTENCES_PER_FILE = 2
_NUMBER_WORDS = ("zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten")


@dataclass
class Corpus:
    """What was written, and the verdict counts `factcheck check` must give for it."""

    folder: Path
    files: list[Path] = field(default_factory=list)
    expected: Counter[str] = field(default_factory=Counter)

    @property
    def claims(self) -> int:
        return self.expected["supported"] + self.expected["contradicted"]


def _round(value: Fraction, step: Fraction) -> Fraction:
    """`value` to the nearest multiple of `step`, ties away from zero (exact)."""
    q = Decimal(value.numerator) / Decimal(value.denominator) / Decimal(step.numerator) * Decimal(step.denominator)
    return Fraction(int(q.quantize(Decimal(1), rounding=ROUND_HALF_UP))) * step


def _count_step(x: Fraction) -> Fraction:
    """The step of a whole number read as a count: its trailing zeros round ("1,400" -> 100)."""
    n, step = abs(int(x)), 1
    while n and n % 10 == 0:
        n //= 10
        step *= 10
    return Fraction(step)


def _wrong_count(value: Fraction, factor: Fraction, step: Fraction = Fraction(1)) -> Fraction:
    """A whole number near `value` × `factor` whose own interval, trailing zeros and all, misses `value`."""
    x = _round(value * factor, step)
    while abs(x - value) <= _count_step(x) / 2:
        x += step if x > 0 else -step
    return x


def _digits(value: Fraction, places: int) -> str:
    """A number with thousands separators and exactly `places` decimals ("1,405", "2,243.61")."""
    text = f"{Decimal(value.numerator) / Decimal(value.denominator):,.{places}f}"
    return "0" if text in ("-0", "-0.0") else text


def _percent_words(value: Fraction, rng: random.Random) -> str:
    """A percentage in one of the ways articles write it."""
    if value == int(value) and 0 < value <= 10 and rng.random() < 0.3:
        return f"{_NUMBER_WORDS[int(value)]} per cent"
    places = 0 if value == int(value) else 1
    return _digits(value, places) + rng.choice((" per cent", "%", " per cent"))


class _File:
    """The claims file of one area, built sentence by sentence."""

    def __init__(self, index: int, rng: random.Random, wrong_share: float) -> None:
        self.index = index
        self.rng = rng
        self.wrong_share = wrong_share
        self.area = f"Area {index:05d}"
        self.figures: list[str] = []
        self.sentences: list[str] = []
        self.expected: Counter[str] = Counter()
        self.pending: list[str] = []  # the verdicts of the claims made but not yet written, in order

    def figure(
        self,
        name: str,
        value: Fraction | int | str,
        unit: str,
        source: str = "official",
        *,
        rounded: int | None = None,
        period: str = "2023-24",
    ) -> str:
        shown = value if isinstance(value, str) else (str(int(value)) if value == int(value) else str(float(value)))
        lines = [
            f"[figures.{name}]",
            f"value = {shown}",
            f'unit = "{unit}"',
            f'period = "{period}"',
            f'area = "{self.area}"',
            f'source = "{source}"',
        ]
        if rounded:
            lines.append(f"rounded = {rounded}")
        self.figures.append("\n".join(lines) + "\n")
        return name

    def wrong(self) -> bool:
        wrong = self.rng.random() < self.wrong_share
        verdict = "contradicted" if wrong else "supported"
        self.expected[verdict] += 1
        self.pending.append(verdict)
        return wrong

    def sentence(self, text: str, claims: list[dict[str, object]] | None = None, check: str | None = None) -> None:
        lines = ["[[sentences]]", f"text = {_toml_string(text)}"]
        if check:
            lines.append(f'check = "{check}"')
            self.expected["unchecked"] += 1
        for claim in claims or []:
            lines.append("")
            lines.append(f"  # expect: {self.pending.pop(0)}")
            lines.append("  [[sentences.claims]]")
            for key, value in claim.items():
                shown = _toml_string(value) if isinstance(value, str) else str(value)
                lines.append(f"  {key} = {shown}")
        self.sentences.append("\n".join(lines) + "\n")

    # -- the ten claims of one topic --------------------------------------------------------
    def topic(self, t: int, slug: str, unit: str, what: str) -> None:
        rng = self.rng
        p = f"t{t}"
        pop = rng.randint(60_000, 1_500_000) // 100 * 100
        now = rng.randint(300, min(40_000, pop // 20))
        change = Fraction(rng.randint(25, 300), 10) * rng.choice((1, -1))  # 2.5% to 30%, up or down
        prev = max(100, int(now / (1 + change / 100)))
        national_rate = Fraction(now * 100_000, pop) * Fraction(rng.choice((70, 80, 125, 140)), 100)
        part = rng.randint(now // 10, now * 97 // 100)
        pct_now = Fraction(rng.randint(300, 900), 10)
        pct_prev = pct_now - Fraction(rng.randint(5, 60), 10) * rng.choice((1, -1))
        spend_now = Fraction(rng.randint(50_000, 900_000), 100)
        spend_prev = spend_now * Fraction(rng.randint(80, 95), 100)
        spend_prev = Fraction(int(spend_prev * 100), 100)
        other = max(1, int(now / (Fraction(rng.randint(15, 60), 10))))

        f_now = self.figure(f"{p}_now", now, unit)
        f_prev = self.figure(f"{p}_prev", prev, unit, period="2022-23")  # "the year before": the period rule holds
        f_pop = self.figure(f"{p}_pop", pop, "person", rounded=100)
        f_nat = self.figure(
            f"{p}_national_rate", _round(national_rate, Fraction(1, 10)), f"{unit} / (100000 * person)", "national"
        )
        f_part = self.figure(f"{p}_part", part, unit)
        f_pct_now = self.figure(f"{p}_pct_now", pct_now, "percent")
        f_pct_prev = self.figure(f"{p}_pct_prev", pct_prev, "percent", period="2022-23")
        f_spend_now = self.figure(f"{p}_spend_now", spend_now, "GBP")
        f_spend_prev = self.figure(f"{p}_spend_prev", spend_prev, "GBP", "article", period="2022-23")
        f_other = self.figure(f"{p}_other", other, unit)

        # 1. the count, plainly or hedged
        style = rng.choice(("plain", "nearly", "more than", "about", "some"))
        wrong = self.wrong()
        step = Fraction(100) if now >= 1000 else Fraction(10)
        if style in ("nearly", "more than") and now % step == 0 and not wrong:
            style = "plain"  # on a multiple of the step, "nearly" and "more than" would be loose
        if style in ("plain", "some"):
            x = _wrong_count(Fraction(now), Fraction(5, 4)) if wrong else Fraction(now)
            stated = ("some " if style == "some" else "") + _digits(x, 0)
        elif style == "nearly":  # [X - s/2, X): the next multiple above, or far below when wrong
            x = _round(Fraction(now) * Fraction(4, 5), step) if wrong else (now // step + 1) * step
            stated = f"nearly {_digits(Fraction(x), 0)}" if wrong or now >= x - step / 2 else _digits(Fraction(now), 0)
        elif style == "more than":  # (X, X + s): the multiple below, or far above when wrong
            x = (Fraction(now) * Fraction(5, 4)) // step * step if wrong else now // step * step
            stated = f"more than {_digits(Fraction(x), 0)}"
        else:
            x = _wrong_count(Fraction(now), Fraction(5, 4), step) if wrong else _round(Fraction(now), step)
            stated = f"about {_digits(x, 0)}"
        claims: list[dict[str, object]] = [{"id": f"{p}-count", "kind": "value", "stated": stated, "figure": f_now}]

        # 2. the change on last year
        wrong = self.wrong()
        exact = (Fraction(now) - prev) / prev * 100
        flip = wrong and rng.random() < 0.5
        size = abs(exact) * (Fraction(8, 5) if wrong and not flip else 1)
        places = rng.choice((0, 1))
        shown = _round(size, Fraction(1, 10**places))
        up = (exact > 0) != flip
        words = _percent_words(shown, rng)
        stated = (
            rng.choice((f"up {words}", f"a rise of {words}", f"an increase of {words}"))
            if up
            else rng.choice((f"down {words}", f"a fall of {words}", f"fell by {words}"))
        )
        claims.append({"id": f"{p}-change", "kind": "change", "stated": stated, "from": f_prev, "to": f_now})
        self.sentence(f"There were {claims[0]['stated']} {what} in {self.area}, {stated} on the year before.", claims)

        # 3. the rate per 100,000 and 4. its side of the national rate
        wrong = self.wrong()
        rate = Fraction(now * 100_000, pop) * (Fraction(5, 4) if wrong else 1)
        rate_shown = _digits(_round(rate, Fraction(1)), 0)
        stated = rng.choice((f"{rate_shown} per 100,000", f"{rate_shown} {unit}s for every 100,000 people"))
        claims = [{"id": f"{p}-rate", "kind": "rate", "stated": stated, "numerator": f_now, "denominator": f_pop}]
        wrong = self.wrong()
        above = (Fraction(now * 100_000, pop) > national_rate) != wrong
        claims.append(
            {
                "id": f"{p}-vs-national",
                "kind": "comparison",
                "stated": rng.choice(("above", "higher than")) if above else rng.choice(("below", "lower than")),
                "left": f"{p}-rate" if rng.random() < 0.5 else f"{p}-rate-fig",
                "right": f_nat,
            }
        )
        if claims[1]["left"] == f"{p}-rate-fig":
            self.figure(
                f"{p}-rate-fig", _round(Fraction(now * 100_000, pop), Fraction(1, 10)), f"{unit} / (100000 * person)"
            )
        self.sentence(f"That is {stated}, {claims[1]['stated']} the national rate.", claims)

        # 5. one in N
        wrong = self.wrong()
        n = Fraction(pop, now) * (Fraction(13, 10) if wrong else 1)
        stated = rng.choice(("one in every {} people", "one in {} residents")).format(
            _digits(_round(n, Fraction(1)), 0)
        )
        self.sentence(
            f"Put another way, {stated} was affected.",
            [{"id": f"{p}-one-in", "kind": "one_in", "stated": stated, "numerator": f_now, "denominator": f_pop}],
        )

        # 6. a share, in numbers or words
        wrong = self.wrong()
        share = Fraction(part * 100, now)
        if not wrong and share >= 82 and rng.random() < 0.5:
            stated = "the vast majority"
        elif not wrong and share > 55 and rng.random() < 0.3:
            stated = "most"
        else:
            factor = (Fraction(3, 4) if share > 60 else Fraction(5, 4)) if wrong else 1
            stated = _percent_words(_round(share * factor, Fraction(1, 10)), rng)
        self.sentence(
            f"Of those, {stated} were in the town centre.",
            [{"id": f"{p}-share", "kind": "share", "stated": stated, "part": f_part, "whole": f_now}],
        )

        # 7. a change in percentage points
        wrong = self.wrong()
        points = (pct_now - pct_prev) * (-1 if wrong else 1)
        stated = (
            ("up " if points > 0 else "down ") + _digits(abs(points), 1) + rng.choice((" percentage points", " points"))
        )
        self.sentence(
            f"The rate dealt with within target moved {stated}.",
            [{"id": f"{p}-points", "kind": "point_change", "stated": stated, "from": f_pct_prev, "to": f_pct_now}],
        )

        # 8. a difference in counts
        wrong = self.wrong()
        diff = Fraction(now - prev)
        diff = _wrong_count(diff, Fraction(3, 2)) if wrong else diff
        if diff == 0:
            diff = Fraction(1)
        word = rng.choice(("more", "extra")) if diff > 0 else "fewer"
        amount = _digits(abs(diff), 0)
        stated = f"an extra {amount}" if word == "extra" else f"{amount} {word}"
        # the wrong one keeps the right direction, so is never judged on the side alone
        self.sentence(
            f"That is {stated} than last year.",
            [{"id": f"{p}-difference", "kind": "difference", "stated": stated, "from": f_prev, "to": f_now}],
        )

        # 9. money, with pence, and 10. a formula on it
        wrong = self.wrong()
        money = spend_now * (Fraction(5, 4) if wrong else 1)
        claims = [
            {
                "id": f"{p}-spend",
                "kind": "value",
                "stated": "£" + _digits(_round(money, Fraction(1, 100)), 2),
                "figure": f_spend_now,
            }
        ]
        wrong = self.wrong()
        weekly = (spend_now - spend_prev) / 52 * (Fraction(3, 2) if wrong else 1)
        claims.append(
            {
                "id": f"{p}-weekly",
                "kind": "formula",
                "stated": "£" + _digits(_round(weekly, Fraction(1, 100)), 2),
                "expr": f"({f_spend_now} - {f_spend_prev}) / 52",
            }
        )
        self.sentence(f"The council spent {claims[0]['stated']}, or {claims[1]['stated']} a week more.", claims)

        # 11 (counted as the tenth claim's pair): a ratio to the other kind of case
        ratio_wrong = self.wrong()
        ratio = Fraction(now, other) * (Fraction(3, 2) if ratio_wrong else 1)
        stated = _digits(_round(ratio, Fraction(1, 10)), 1) + " times"
        self.sentence(
            f"It was {stated} the figure for the rest of the county.",
            [{"id": f"{p}-ratio", "kind": "ratio", "stated": stated, "numerator": f_now, "denominator": f_other}],
        )

    def text(self) -> str:
        head = (
            f'format = 1\n\n[article]\ntitle = "Figures for {self.area}"\npublished = 2024-06-19\n\n'
            '[sources.official]\ntitle = "Local statistics (generated figures)"\nkind = "official"\n\n'
            '[sources.national]\ntitle = "National statistics (generated figures)"\nkind = "official"\n\n'
            '[sources.article]\ntitle = "The article itself"\nkind = "article"\n\n'
        )
        return head + "\n".join(self.figures) + "\n" + "\n".join(self.sentences)


def _toml_string(value: str) -> str:
    return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'


def write_corpus(
    folder: Path, files: int, *, wrong_share: float = 0.1, seed: int = 20240619, topics: int = len(TOPICS)
) -> Corpus:
    """Write `files` claims files of 11 claims per topic (55 with all five) into `folder`."""
    folder.mkdir(parents=True, exist_ok=True)
    corpus = Corpus(folder)
    for index in range(files):
        rng = random.Random(seed * 100_003 + index)
        file = _File(index, rng, wrong_share)
        file.sentence(f"Figures published today show how {file.area} compares.", check="context")
        for t, (slug, unit, what) in enumerate(TOPICS[:topics]):
            file.topic(t, slug, unit, what)
        file.sentence('"We are working hard to bring these numbers down," a spokesperson said.', check="quote")
        path = folder / f"area-{index:05d}.claims.toml"
        path.write_text(file.text(), encoding="utf-8")
        corpus.files.append(path)
        corpus.expected.update(file.expected)
    for verdict in ("supported", "loose", "contradicted", "unchecked", "error"):
        corpus.expected.setdefault(verdict, 0)
    return corpus
