"""The period rule: a claim whose sentence names a period its figures are not of is contradicted.

A stale figure is the commonest error in these stories: the article says "in 2019-20" and the
number is last year's, so the arithmetic agrees. So when a sentence names a period ("in 2019-20",
"last year", "March 2024", "up 4% on 2018-19") and the claim's figures carry periods, the words
must meet them (`Named.met_by`: they share at least half of the shorter span):

- each period the sentence names as a claim's own or as a base must meet some figure used by the
  sentence's claims (`absent_period`);
- when the sentence names a period of its own, each claim must have a figure that meets one of
  the sentence's periods, or the year before one after "the year before" (`own_period`);
- a change whose words name its base must have its `from` of that base, or of the year before its
  `to` for "a year earlier", and its `to` not of the base; a change stated as over a year ("rose by 14
  per cent last year") is from the year before its `to` (`wrong_base`, `change_over`);
- a range ("since 2015", "between 2010 and 2020") is not the claim's period and is not compared;
- a figure with no period cannot be checked against the words: the outcome says so and keeps its
  verdict.

The verdict is `contradicted` (not gross: the value may be right for another period), so it fails
a run like any contradiction (`verdicts.standing`), and the reason leads the explanation; the
outcome's `period` holds the reason, or the note that the period was not checked.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from functools import cache
from typing import Final

import attrs

from factcheck.errors import PeriodError
from factcheck.model.claims import BrokenClaim, Claim, ClaimsFile, Figure
from factcheck.model.results import Outcome
from factcheck.model.verdicts import Verdict
from factcheck.words.periods import Named, Period, Role, named_periods, parse_period

__all__ = ["check_periods", "figure_period"]

#: What may stand between a change's words and the year it names: "rose by 14 per cent, in 2023".
_LINK: Final = re.compile(r"^\s*,?\s*(?:(?:in|during|over|for)\s+)?", re.IGNORECASE)
#: A change over a period this long or longer is a change from the year before (365 days or more).
_A_YEAR: Final = 365


def figure_period(figure: Figure) -> Period | None:
    """The figure's period as a record; None when it has none or when it is not read (the note says which)."""
    return None if figure.period is None else _period(figure.period)


@cache
def _period(text: str) -> Period | None:
    """A period's spelling read once per run: a file's figures share a handful of them."""
    try:
        return parse_period(text)
    except PeriodError:
        return None


def check_periods(claims_file: ClaimsFile, outcomes: Sequence[Outcome]) -> list[Outcome]:
    """The outcomes with the period rule applied to each claim whose sentence names a period."""
    published = claims_file.article.published if claims_file.article is not None else None
    by_id = {outcome.id: index for index, outcome in enumerate(outcomes) if outcome.is_claim}
    checked = list(outcomes)
    for sentence in claims_file.sentences:
        if not sentence.claims:
            continue
        named = named_periods(sentence.text, published, (claim.stated for claim in sentence.claims))
        if not named:
            continue
        used = [checked[by_id[c.id]] for c in sentence.claims if c.id in by_id]
        changes = any(hasattr(claim, "from_") for claim in sentence.claims)
        rule = _SentenceRule(claims_file, named, used, changes=changes, text=sentence.text)
        for claim in sentence.claims:
            index = by_id.get(claim.id)
            if index is not None:
                checked[index] = rule.apply(claim, checked[index], checked, by_id)
    return checked


class _SentenceRule:
    """The periods one sentence names, and the periods of every figure its claims use (the pool)."""

    def __init__(
        self,
        claims_file: ClaimsFile,
        named: tuple[Named, ...],
        outcomes: Iterable[Outcome],
        *,
        changes: bool,
        text: str = "",
    ) -> None:
        """`changes`: whether a claim of the sentence has a `from`; a base ("on 2018-19") is the `from` of a
        change, so in a sentence with none it is left alone (a change claimed elsewhere has it)."""
        self.figures = claims_file.figures
        self.named = named
        self.text = text
        self.spans = [n for n in named if n.period is not None and (changes or n.role is not Role.BASE)]
        self.bases = [n for n in named if n.role is Role.BASE and n.period is not None]
        self.year_earlier = any(n.role is Role.YEAR_EARLIER for n in named)
        self.pool = [p for outcome in outcomes for p in self.periods(outcome.figures).values() if p is not None]
        self.absent = self.absent_period()  # the same for every claim of the sentence

    def periods(self, names: Iterable[str]) -> dict[str, Period | None]:
        """The figures among `names` (claims are left out: their figures are listed too) and their periods."""
        return {name: figure_period(self.figures[name]) for name in names if name in self.figures}

    def apply(self, claim: Claim, outcome: Outcome, outcomes: Sequence[Outcome], by_id: dict[str, int]) -> Outcome:
        if isinstance(claim, BrokenClaim) or outcome.verdict is Verdict.ERROR or outcome.draft:
            return outcome
        used = self.periods(outcome.figures)
        if not used:
            return outcome  # nothing was recomputed (inputs missing): there is no figure to hold to the words
        missing = [name for name, period in used.items() if period is None]
        if len(missing) == len(used):
            return attrs.evolve(outcome, period=self.unchecked_note(missing))
        reason = self.absent or self.own_period(used) or self.wrong_base(claim, outcomes, by_id)
        if reason is None:
            return outcome
        shown = ", ".join(f"{name} ({'no period' if p is None else p})" for name, p in used.items())
        reason = f"period: {reason} (figures used: {shown})"
        return attrs.evolve(
            outcome, verdict=Verdict.CONTRADICTED, explanation=f"{reason}; {outcome.explanation}", period=reason
        )

    def unchecked_note(self, missing: list[str]) -> str:
        words = "; ".join(str(n) for n in self.named)
        why = []
        for name in missing:
            spelt = self.figures[name].period
            why.append(f"{name} has no period" if spelt is None else f"the period of {name}, {spelt!r}, is not read")
        return f"period not checked: the words name {words}, but {', and '.join(why)}"

    def absent_period(self) -> str | None:
        """A period the words name that no figure of the sentence is of: the stale figure."""
        for named in self.spans:
            if not any(named.met_by(period) for period in self.pool):
                kind = "compare with" if named.role is Role.BASE else "name"
                return f"the words {kind} {named}, but no figure used is of that period"
        return None

    def own_period(self, used: dict[str, Period | None]) -> str | None:
        """A claim none of whose figures is of any period the sentence names, when it names the claims' own.

        Each period named may be carried by another claim of the sentence ("412 in 2022, compared with 515
        the year before"); this holds each claim to the sentence's periods: its own, its bases, and the
        year before its own when the words say "the year before".
        """
        current = [n for n in self.spans if n.role is Role.CURRENT]
        if not current:
            return None  # "down 3% on 2021" alone: the claim's own period is in another sentence
        periods = [p for p in used.values() if p is not None]
        if any(named.met_by(p) for named in self.spans for p in periods):
            return None
        if self.year_earlier and any(named.met_by(p.shifted(1)) for named in current for p in periods):
            return None
        words = " or ".join(str(n) for n in self.spans)
        return f"the words name {words}, but no figure of this claim is of those periods"

    def wrong_base(self, claim: Claim, outcomes: Sequence[Outcome], by_id: dict[str, int]) -> str | None:
        """A change measured from another period than its words say: its `from` is of neither a base the words
        name nor (for "a year earlier") the year before its `to`; or its `to` is of the base itself."""
        if not hasattr(claim, "from_"):
            return None
        start = self.side_periods(getattr(claim, "from_", None), outcomes, by_id)
        end = self.side_periods(getattr(claim, "to", None), outcomes, by_id)
        if self.bases and end and all(any(base.met_by(q) for base in self.bases) for q in end):
            shown = " or ".join(str(q) for q in end)
            return (
                f"the words compare with {' or '.join(map(str, self.bases))}, but the change's end (to) is of {shown}"
            )
        if not self.bases and not self.year_earlier:
            return self.change_over(claim, start, end)
        if not start or any(base.met_by(p) for p in start for base in self.bases):
            return None
        if self.year_earlier and (not end or any(p.shifted(1).meets(q) for p in start for q in end)):
            return None
        if not self.bases and not end:
            return None
        wanted = [str(base) for base in self.bases]
        if self.year_earlier:
            wanted.append("the year before " + " or ".join(str(q) for q in end))
        shown = " or ".join(str(p) for p in start)
        return f"the words compare with {' or '.join(wanted)}, but the base (from) is of {shown}"

    def change_over(self, claim: Claim, start: list[Period], end: list[Period]) -> str | None:
        """A change whose words end with the year it happened in ("rose by 14 per cent last year", "fell by a
        fifth in 2022") is a change over that year: from the year before its `to`, not from an older figure."""
        over = self.period_after(claim.stated)
        if over is None or not start or not end:
            return None
        if any(p.shifted(1).meets(q) for p in start for q in end):
            return None
        shown = " or ".join(str(p) for p in start)
        before = " or ".join(str(q.shifted(-1)) for q in end)
        return f"the words put the change in {over}, so its base (from) is of {before}, but it is of {shown}"

    def period_after(self, stated: str) -> Named | None:
        """The year-long period named right after the claim's stated words ("…per cent last year"), if any."""
        at = self.text.find(stated) if stated else -1
        if at < 0:
            return None
        after = _LINK.sub("", self.text[at + len(stated) :], count=1)
        lowered = after.lower()
        year_long = (
            n for n in self.spans if n.role is Role.CURRENT and n.period is not None and n.period.days >= _A_YEAR
        )
        return next((named for named in year_long if lowered.startswith(named.words.lower())), None)

    def side_periods(self, name: str | None, outcomes: Sequence[Outcome], by_id: dict[str, int]) -> list[Period]:
        """The periods of one input of a change: a figure's own, or those of the figures a claim used."""
        if name is None:
            return []
        names: Iterable[str] = (name,) if name in self.figures else ()
        if name in by_id:
            names = outcomes[by_id[name]].figures
        return [p for p in self.periods(names).values() if p is not None]
