"""Inputs that grow: long paragraphs and sentences for `extract`, claims files of many figures for
`suggest` and for the diagnoses of `check`.

Everything is written from a seed, so a size always gives the same text. Used by bench/scaling.py
(timings), bench/same_output.py (reference outputs) and the tests (structural bounds), which
import it from this folder by path.

- `paragraph(size)`: one paragraph of news sentences, about `size` characters: every sentence
  ends with a full stop, so the paragraph holds many sentences.
- `long_sentence(size)`: one sentence of about `size` characters, its clauses joined with
  semicolons: every number phrase is in the same sentence.
- `figures_file(areas, drafts=…, wrong_every=…)`: the claims file of a regional round-up, seven
  figures per area (this year's and last year's count, how many of this year's were in the town
  centre, the population, two percentages and the spending). `drafts` claims have placeholders for inputs (what `suggest` fills in), each
  stated from the figures of one area; every area has four checked claims, every
  `wrong_every`-th of them written wrong, so that `check` diagnoses it.
"""

from __future__ import annotations

import random
from decimal import ROUND_HALF_EVEN, Decimal
from fractions import Fraction

__all__ = ["FIGURES_PER_AREA", "figures_file", "long_sentence", "paragraph"]

FIGURES_PER_AREA = 7

_AREAS = (
    "Ashby",
    "Brackley",
    "Calder",
    "Dunmore",
    "Eastmarsh",
    "Fenwick",
    "Greywater",
    "Harrowfield",
    "Ilford",
    "Kestrel Bay",
    "Lowfield",
    "Northvale",
    "Ribble",
    "Southmoor",
    "Westbrook",
)
_WHAT = ("offences", "incidents", "pupils", "households", "attendances", "applications", "arrests")


def _number(rng: random.Random) -> str:
    """A number as articles write it, in digits or words."""
    style = rng.randrange(9)
    if style == 0:
        return f"{rng.randint(1000, 999_999):,}"
    if style == 1:
        return f"{rng.randint(10, 999)}"
    if style == 2:
        return f"{rng.randint(1, 99)}.{rng.randint(0, 9)}"
    if style == 3:
        return rng.choice(("three", "five", "seven", "twelve", "twenty", "two hundred", "a million", "1.5 million"))
    if style == 4:
        return f"£{rng.randint(1, 99)}.{rng.randint(1, 9)}m"
    if style == 5:
        return f"£{rng.randint(100, 99_999):,}"
    if style == 6:
        return f"{rng.randint(1, 40)}bn"
    if style == 7:
        return f"-{rng.randint(1, 30)}"
    return f"{rng.randint(2, 9)}0,000"


def _clause(rng: random.Random) -> str:
    """One clause of a news sentence, with one or two number phrases (or none)."""
    area = rng.choice(_AREAS)
    what = rng.choice(_WHAT)
    n = _number(rng)
    pct = f"{rng.randint(1, 60)}.{rng.randint(0, 9)}"
    forms = (
        f"there were {n} {what} in {area}",
        f"{what} rose by {pct} per cent to {n}",
        f"the number fell {pct}% on the year before",
        f"that is {rng.randint(5, 400)} {what} for every 100,000 people, above the national average of {pct}",
        f"one in every {rng.randint(20, 900)} people was affected",
        f"more than {n} {what} were recorded in {rng.randint(2015, 2024)}",
        f"nearly a fifth of {what} were in the town centre",
        f"the vast majority, {pct} per cent, were dealt with",
        f"the rate moved up {rng.randint(1, 9)}.{rng.randint(0, 9)} percentage points",
        f"it was {rng.randint(2, 9)}.{rng.randint(0, 9)} times the figure for {area}",
        f"the council spent {n}, or £{rng.randint(1, 999)} a week more",
        f"{rng.randint(10, 900)} more {what} than last year, an extra {rng.randint(2, 90)} a month",
        f"numbers have doubled since {rng.randint(2000, 2019)}",
        f"about {n} {what} were waiting in April {rng.randint(2019, 2024)}",
        f"spending in {area} was higher than the average for the region",
        f"a spokesperson for {area} council said the figures were disappointing",
        f"the 2023-24 figures cover {what} from April to March",
        f"the A14 and junction 7 were closed for {rng.randint(2, 18)} hours on 16 March",
        f"Mr. Smith, of the U.K. office, said it was \u201cbad news\u201d for {area}",
        f"fewer than one in five {what} \u2013 {pct} per cent \u2013 were resolved",
    )
    return rng.choice(forms)


def _sentence(rng: random.Random) -> str:
    clauses = [_clause(rng) for _ in range(rng.randint(1, 3))]
    text = ", and ".join(clauses)
    return text[0].upper() + text[1:] + rng.choice((".", ".", ".", "!", "?"))


def paragraph(size: int, *, seed: int = 1) -> str:
    """An article of one paragraph, about `size` characters of many sentences, with its date line."""
    rng = random.Random(seed)
    parts: list[str] = []
    length = 0
    while length < size:
        sentence = _sentence(rng)
        parts.append(sentence)
        length += len(sentence) + 1
    return "date 2024-06-19\n\n" + " ".join(parts) + "\n"


def long_sentence(size: int, *, seed: int = 2) -> str:
    """An article of one sentence of about `size` characters: clauses joined by semicolons, one full stop."""
    rng = random.Random(seed)
    parts: list[str] = []
    length = 0
    while length < size:
        clause = _clause(rng)
        parts.append(clause)
        length += len(clause) + 2
    text = "; ".join(parts)
    return "date 2024-06-19\n\n" + text[0].upper() + text[1:] + ".\n"


# -- claims files of many figures --------------------------------------------------------------


def _round(value: Fraction, places: int) -> Decimal:
    exact = Decimal(value.numerator) / Decimal(value.denominator)
    return exact.quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_EVEN)


def _shown(value: Fraction, places: int) -> str:
    return f"{_round(value, places):,.{places}f}"


class _Area:
    """One area's six figures, drawn from the seed."""

    def __init__(self, index: int, rng: random.Random) -> None:
        self.index = index
        self.name = f"Area {index:05d}"
        self.pop = rng.randint(600, 15_000) * 100
        self.now = rng.randint(300, 40_000)
        self.prev = max(100, int(self.now / (1 + Fraction(rng.randint(-300, 300), 1000))))
        self.centre = rng.randint(self.now // 10, self.now * 9 // 10)
        self.pct_now = Fraction(rng.randint(300, 900), 10)
        self.pct_prev = Fraction(rng.randint(300, 900), 10)
        self.spend = Fraction(rng.randint(5_000_000, 90_000_000), 100)

    def figures(self) -> str:
        p = f"a{self.index}"
        rows = (
            (f"{p}_now", self.now, "incident", "2023", ""),
            (f"{p}_prev", self.prev, "incident", "2022", ""),
            (f"{p}_centre", self.centre, "incident", "2023", ""),
            (f"{p}_pop", self.pop, "person", "2023", "rounded = 100, "),
            (f"{p}_pct_now", self.pct_now, "percent", "2023", ""),
            (f"{p}_pct_prev", self.pct_prev, "percent", "2022", ""),
            (f"{p}_spend", self.spend, "GBP", "2023", ""),
        )
        return "".join(
            f'{name} = {{ value = {value if isinstance(value, int) else _round(value, 2)}, unit = "{unit}", '
            f'{rounded}period = "{period}", area = "{self.name}" }}\n'
            for name, value, unit, period, rounded in rows
        )


def _stated(area: _Area, kind: str, factor: Fraction) -> str:
    """The words of a claim of `kind` about `area`, its number times `factor` (1: right)."""
    if kind == "value":
        return f"{_shown(area.now * factor, 0)}"
    if kind == "rate":
        return f"{_shown(Fraction(area.now * 1000, area.pop) * factor, 1)} incidents for every 1,000 people"
    if kind == "one_in":
        return f"one in every {_shown(Fraction(area.pop, area.now) * factor, 0)} people"
    if kind == "change":
        change = (Fraction(area.now, area.prev) - 1) * 100 * factor
        return f"{'up' if change >= 0 else 'down'} {_shown(abs(change), 1)} per cent"
    if kind == "point_change":
        points = (area.pct_now - area.pct_prev) * factor
        return f"{'up' if points >= 0 else 'down'} {_shown(abs(points), 1)} percentage points"
    if kind == "difference":
        diff = (area.now - area.prev) * factor
        return f"{_shown(abs(diff), 0)} {'more' if diff >= 0 else 'fewer'}"
    if kind == "ratio":
        return f"{_shown(Fraction(area.now, area.prev) * factor, 2)} times"
    if kind == "share":
        return f"{_shown(Fraction(area.centre * 100, area.now) * factor, 1)} per cent"
    msg = f"no words for a {kind} claim"
    raise ValueError(msg)


_INPUTS = {
    "value": ("figure",),
    "rate": ("numerator", "denominator"),
    "one_in": ("numerator", "denominator"),
    "change": ("from", "to"),
    "point_change": ("from", "to"),
    "difference": ("from", "to"),
    "ratio": ("numerator", "denominator"),
    "share": ("part", "whole"),
}
_DRAFT_KINDS = tuple(_INPUTS)


def _inputs(area: _Area, kind: str) -> tuple[str, ...]:
    p = f"a{area.index}"
    return {
        "value": (f"{p}_now",),
        "rate": (f"{p}_now", f"{p}_pop"),
        "one_in": (f"{p}_now", f"{p}_pop"),
        "change": (f"{p}_prev", f"{p}_now"),
        "point_change": (f"{p}_pct_prev", f"{p}_pct_now"),
        "difference": (f"{p}_prev", f"{p}_now"),
        "ratio": (f"{p}_now", f"{p}_prev"),
        "share": (f"{p}_centre", f"{p}_now"),
    }[kind]


def _claim(claim_id: str, kind: str, stated: str, inputs: tuple[str, ...]) -> str:
    lines = ["", "  [[sentences.claims]]", f'  id = "{claim_id}"', f'  kind = "{kind}"', f'  stated = "{stated}"']
    lines += [f'  {field} = "{name}"' for field, name in zip(_INPUTS[kind], inputs, strict=True)]
    return "\n".join(lines) + "\n"


def figures_file(areas: int, *, drafts: int = 0, wrong_every: int = 0, checked: bool = True, seed: int = 3) -> str:
    """A claims file with `areas` × 7 figures (see the module's docstring); no article text."""
    rng = random.Random(seed)
    all_areas = [_Area(i, rng) for i in range(areas)]
    out = ['format = 1\n\n[article]\ntitle = "A regional round-up"\npublished = 2024-06-19\n\n[figures]\n']
    out.extend(area.figures() for area in all_areas)
    picker = random.Random(seed + 1)
    for d in range(drafts):
        area = all_areas[picker.randrange(areas)]
        kind = _DRAFT_KINDS[d % len(_DRAFT_KINDS)]
        stated = _stated(area, kind, Fraction(1))
        out.append(f'\n[[sentences]]\ntext = "{stated}"\n')
        out.append(_claim(f"draft-{d}", kind, stated, ("?",) * len(_INPUTS[kind])))
    if checked:
        count = 0
        for area in all_areas:
            claims = []
            for kind in ("value", "rate", "change", "one_in"):
                count += 1
                wrong = wrong_every > 0 and count % wrong_every == 0
                stated = _stated(area, kind, Fraction(13, 10) if wrong else Fraction(1))
                claims.append((f"c{area.index}-{kind}", kind, stated, _inputs(area, kind)))
            text = "; ".join(stated for _, _, stated, _ in claims)
            out.append(f'\n[[sentences]]\ntext = "{text}"\n')
            out.extend(_claim(*claim) for claim in claims)
    return "".join(out)
