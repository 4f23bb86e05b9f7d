"""Mutations of every real claims file here: a wrong number, a flipped sign and a rescaled unit are never supported.

Each claim of the example (claims/), of the labelled articles (tests/data) and of the shared evaluation set
(when it is beside the checkout) is changed one way at a time, and the claim is judged again:

- its number pushed out of its interval (the sentence says the new words too, so the words are still quoted);
- its direction word, or its sign, turned round;
- the unit of one figure it rests on read per thousand ("person" -> "1000 person"), or the base of a rate's
  words moved to another power of ten ("per 100,000" -> "per 1,000").

Only claims that held (supported, or loose) are mutated: a planted error turned round may well become true.
A mutated claim may be contradicted, loose (for a hedge pushed to its true side) or an error; never supported.
A value claim whose words name no base ("16.6" of a figure per 1,000 people) is read in its figure's own unit,
as the words cannot say otherwise, so rescaling such a figure is caught only when the words name the base.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from fractions import Fraction as F
from pathlib import Path

import pytest

from factcheck.check.pipeline import verify_file
from factcheck.load.claimsfile import load_claims_file, loads_claims_file
from factcheck.model.claims import Claim, ClaimsFile, ComparisonClaim, Figure, RankClaim
from factcheck.model.results import Outcome
from factcheck.model.verdicts import Verdict
from factcheck.numbers.display import show
from tests.conftest import CLAIMS_DIR, DATA, EVAL_DIR, EVAL_TABLES_DIR, has_eval

_NUMBER = re.compile(r"(?<![\w.])[-−]?\d[\d,]*(?:\.\d+)?")
_SIGNED_KINDS = ("change", "difference", "point_change")
_FLIPS = {
    "above": "below",
    "below": "above",
    "higher than": "lower than",
    "lower than": "higher than",
    "more than": "fewer than",
    "growing": "falling",
    "increase": "decrease",
    "decrease": "increase",
    "up": "down",
    "down": "up",
    "rose": "fell",
    "fell": "rose",
    "rise": "fall",
    "rising": "falling",
    "falling": "rising",
    "more": "fewer",
    "fewer": "more",
    "extra": "fewer",
    "grew": "shrank",
    "higher": "lower",
    "lower": "higher",
    "jumped": "dropped",
    "dropped": "jumped",
    "climbed": "fell",
    "the vast majority": "a minority",
    "most": "a minority",
    "a minority": "most",
}
_PER = re.compile(r"\b(per|for every|in every)\s+(\d[\d,]*)")


def _files() -> list[Path]:
    files = [
        *sorted(CLAIMS_DIR.glob("*.claims.toml")),
        *sorted(DATA.glob("*.claims.toml")),
        *sorted((DATA / "labelled").glob("*.claims.toml")),
    ]
    if has_eval():
        files += sorted(EVAL_DIR.glob("*.claims.toml"))
    return files + sorted(EVAL_TABLES_DIR.glob("*.claims.toml"))


def _ids(path: Path) -> str:
    return f"{path.parent.name}/{path.name.removesuffix('.claims.toml')}"


class _Mutator:
    """A claims file as text, and its claims judged again after one change to its words or figures."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.text = path.read_text(encoding="utf-8")
        self.original: ClaimsFile = load_claims_file(path)
        self.baseline = {o.id: o for o in verify_file(self.original).outcomes}

    def judged(self) -> Iterator[tuple[Claim, Outcome]]:
        """Every claim that held (supported, or loose), with its outcome."""
        for claim in self.original.claims():
            outcome = self.baseline.get(claim.id)
            if outcome is not None and outcome.verdict in (Verdict.SUPPORTED, Verdict.LOOSE):
                yield claim, outcome

    def with_stated(self, claim: Claim, new: str) -> Outcome:
        """The claim judged with new words, which its sentence now says too."""
        line = f'stated = "{claim.stated}"'
        index = self.text.index(line, self.text.index(f'id = "{claim.id}"'))
        text = self.text[:index] + f'stated = "{new}"' + self.text[index + len(line) :]
        said = text.rindex("\ntext = ", 0, index)
        said_end = text.index("\n", said + 1)
        text = text[:said] + text[said:said_end].replace(claim.stated, new, 1) + text[said_end:]
        return self._judge(text, claim.id)

    def with_unit(self, figure: Figure, new_unit: str, claim: Claim) -> Outcome:
        """The claim judged with one figure's unit changed."""
        line = figure.location.line
        assert line is not None
        lines = self.text.split("\n")
        if figure.cell is not None:  # read from a table: the figure says its own unit, over its column's
            if lines[line - 1].rstrip().endswith("}"):
                lines[line - 1] = lines[line - 1].rstrip()[:-1].rstrip() + f', unit = "{new_unit}" }}'
            else:
                lines.insert(line, f'unit = "{new_unit}"')
            return self._judge("\n".join(lines), claim.id)
        for number in range(line - 1, min(line + 12, len(lines))):
            found = re.search(r'unit = "([^"]*)"', lines[number])
            if found and found.group(1) == figure.unit:
                lines[number] = lines[number][: found.start(1)] + new_unit + lines[number][found.end(1) :]
                return self._judge("\n".join(lines), claim.id)
        pytest.fail(f"the unit of figure {figure.name!r} was not found near line {line}")

    def _judge(self, text: str, claim_id: str) -> Outcome:
        # read beside nothing: the article's text no longer matches the mutated sentence (a file-level
        # problem only); the claim is judged all the same
        mutated = loads_claims_file(text, str(self.path), base_dir=self.path.parent)  # its tables are read
        return {o.id: o for o in verify_file(mutated).outcomes}[claim_id]


_BELOW_WORDS = re.compile(r"\b(nearly|almost|under|fewer than|less than|at most|up to|just short of)\b", re.IGNORECASE)


def _pushed(stated: str, outcome: Outcome) -> str | None:
    """The words with their number moved well past the recomputed value, on the side that makes them false:
    up for a plain number and for "more than", "about"; down for "nearly", "under" and their like."""
    computed = outcome.computed
    match = _NUMBER.search(stated)
    if match is None or computed is None or computed.lo is None or computed.hi is None:
        return None
    raw = match.group(0)
    sign = raw[0] if raw[0] in "-−" else ""
    digits = raw.lstrip("-−").replace(",", "")
    decimals = len(digits.split(".")[1]) if "." in digits else 0
    written = F(digits)
    size = max(abs(computed.lo), abs(computed.hi), written)
    pushed = size / 4 if _BELOW_WORDS.search(stated) else size * 2 + 2 * F(1, 10**decimals)
    text = show(pushed, decimals) if decimals else f"{int(pushed):,}"
    return stated[: match.start()] + sign + text + stated[match.end() :]


def _flipped(stated: str) -> str | None:
    for word, opposite in sorted(_FLIPS.items(), key=lambda kv: -len(kv[0])):
        pattern = re.compile(rf"(?<![\w-]){re.escape(word)}(?![\w-])", re.IGNORECASE)
        if pattern.search(stated):
            return pattern.sub(opposite, stated, count=1)
    signed = re.match(r"([-−+])(\d)", stated.strip())
    if signed:
        opposite = "+" if signed.group(1) in "-−" else "-"
        return stated.replace(signed.group(1) + signed.group(2), opposite + signed.group(2), 1)
    return None


def _rebased(stated: str) -> str | None:
    match = _PER.search(stated)
    if match is None:
        return None
    base = int(match.group(2).replace(",", ""))
    other = base * 100 if base < 1000 else base // 100
    return stated[: match.start(2)] + f"{other:,}" + stated[match.end(2) :]


def _rests_on(mutator: _Mutator, claim: Claim) -> list[Figure]:
    """The figures a claim is recomputed from (through the claims it uses too)."""
    figures = mutator.original.figures
    return [figures[name] for name in mutator.baseline[claim.id].figures if name in figures]


def _never_supported(results: list[tuple[str, Outcome]]) -> None:
    wrong = [(label, o.verdict.value, o.explanation) for label, o in results if o.verdict is Verdict.SUPPORTED]
    assert not wrong


@pytest.mark.parametrize("path", _files(), ids=_ids)
def test_a_number_pushed_out_of_its_interval_is_never_supported(path: Path) -> None:
    mutator = _Mutator(path)
    results = []
    for claim, outcome in mutator.judged():
        if isinstance(claim, ComparisonClaim):
            continue
        new = _pushed(claim.stated, outcome)
        if new is not None and new != claim.stated:
            results.append((f"{claim.id}: {claim.stated!r} -> {new!r}", mutator.with_stated(claim, new)))
    _never_supported(results)
    for label, mutated in results:  # a plain number pushed out is wrong outright
        if not re.search(
            r"more than|over|above|at least|nearly|almost|under|fewer than|less than|at most|up to|about",
            label.split(" -> ")[1],
            re.IGNORECASE,
        ):
            assert mutated.verdict in (Verdict.CONTRADICTED, Verdict.ERROR), (label, mutated.explanation)


@pytest.mark.parametrize("path", _files(), ids=_ids)
def test_a_direction_or_sign_turned_round_is_never_supported(path: Path) -> None:
    mutator = _Mutator(path)
    results = []
    for claim, outcome in mutator.judged():
        if claim.kind not in (*_SIGNED_KINDS, "comparison", "share"):
            continue
        new = _flipped(claim.stated)
        if new is None:
            continue
        mutated = mutator.with_stated(claim, new)
        results.append((f"{claim.id}: {claim.stated!r} -> {new!r}", mutated))
        if outcome.verdict is Verdict.SUPPORTED and claim.kind in (*_SIGNED_KINDS, "comparison"):
            computed = outcome.computed
            moved = computed is not None and computed.lo is not None and (computed.lo > 0 or (computed.hi or 0) < 0)
            if moved or claim.kind == "comparison":  # a real rise, fall or side, now said the other way: gross
                assert mutated.verdict in (Verdict.CONTRADICTED, Verdict.ERROR), (claim.id, mutated.explanation)
    _never_supported(results)


@pytest.mark.parametrize("path", _files(), ids=_ids)
def test_a_unit_rescaled_is_never_supported(path: Path) -> None:
    mutator = _Mutator(path)
    results = []
    for claim, _ in mutator.judged():
        if isinstance(claim, (ComparisonClaim, RankClaim)):
            # a side that holds at any scale still holds; a value rescaled a thousandfold truly moves to
            # another place (a thousandth of the lowest is still the lowest): not a false pass
            continue
        new = _rebased(claim.stated) if claim.kind == "rate" or "per " in claim.stated else None
        if new is not None:
            results.append((f"{claim.id}: {claim.stated!r} -> {new!r}", mutator.with_stated(claim, new)))
        for figure in _rests_on(mutator, claim):
            if figure.unit in ("percent", "%") or figure.value == 0:
                continue
            if claim.kind == "value" and "/" in figure.unit and not _PER.search(claim.stated):
                continue  # the words name no base: read in the figure's own unit (see the module's docstring)
            rescaled = f"1000 {figure.unit}" if "/" not in figure.unit else f"({figure.unit}) / 1000"
            results.append((f"{claim.id}: {figure.name} in {rescaled!r}", mutator.with_unit(figure, rescaled, claim)))
    _never_supported(results)


def test_the_mutations_reach_every_kind_of_file() -> None:
    """The three mutations are not vacuous: they change many claims of the example and the labelled set."""
    counts: dict[str, int] = {}
    for path in _files():
        mutator = _Mutator(path)
        for claim, outcome in mutator.judged():
            if _pushed(claim.stated, outcome) is not None:
                counts["pushed"] = counts.get("pushed", 0) + 1
            if _flipped(claim.stated) is not None:
                counts["flipped"] = counts.get("flipped", 0) + 1
            if _rests_on(mutator, claim):
                counts["rescaled"] = counts.get("rescaled", 0) + 1
    assert counts["pushed"] >= 40 and counts["flipped"] >= 10 and counts["rescaled"] >= 40, counts
