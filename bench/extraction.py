"""Extraction benchmark: recall of numeric claims, right kinds, comparisons, ranks, hidden quantities, speed.

    python bench/extraction.py [FOLDER ...]

By default it reads ../shared/eval, ../shared/eval-tables (each when it is there), tests/data,
tests/data/labelled and claims/. For each article NAME.txt with a hand-made NAME.claims.toml
beside it, the draft of `factcheck extract` is compared with the hand-made claims:

- The numbers of a `stated` are the quantities the library's own scanner finds in it: every
  number (in digits or words, scale words applied: "£1.2m" is 1,200,000), every fraction word
  ("a fifth" is 1/5), proportion word ("the vast majority"), vague amount ("dozens") and
  multiple ("doubled"), as a multiset; a fraction of a scale word ("half a million") is one
  number, 500,000, as the reader reads it. Years are kept; hedges, units, signs and direction
  words are not numbers.
- A hand-made claim is numeric when its kind is neither `comparison` nor `rank` and its stated
  has numbers. A hand-made claim whose `stated` is not in its sentence (a planted misquote, which
  the loader calls an error) is left out and counted apart: no draft could quote it.
- It is found when a drafted claim whose sentence overlaps the hand-made claim's sentence (as
  character ranges of the article's text) has the same multiset of numbers, each drafted claim
  matching at most one hand-made claim. Its kind is right when the kinds are equal; a
  hand-made `formula` (the writer's own arithmetic, which no draft can see) is also reported
  against `value` in a second figure.
- Comparisons are found when a drafted comparison in an overlapping sentence states the same
  relation (or, like it, states none: "compared with"); ranks when a drafted rank in an
  overlapping sentence reads as the same place counted from the same end ("the highest rate"
  and "the highest" alike).
- Hidden: a hand-made sentence with a numeric claim whose drafted sentence (any that overlaps
  it) carries a `check` instead of claims. The judged target is none.
- quantulum3 (a baseline for finding numbers, not a dependency): a numeric claim is found when
  every one of its numbers is the value of a quantity quantulum3 finds in that sentence.
- Speed: sentences per second for drafting each sentence (`draft_sentence`) and for
  `quantulum3.parser.parse`, on the same sentences in the same run; medians of repeated runs.
"""

from __future__ import annotations

import os
import statistics
import sys
import time
import warnings
from collections import Counter
from collections.abc import Callable, Sequence
from fractions import Fraction
from pathlib import Path
from typing import Any

from factcheck.drafting.extract import draft_article, draft_sentence
from factcheck.errors import FactcheckError
from factcheck.load.claimsfile import load_claims_file
from factcheck.load.coverage import article_body, fold, quote_found
from factcheck.words.ranks import parse_rank_words
from factcheck.words.stated import Token, TokenType, parse_stated, scan
from factcheck.words.table import ARTICLES, FRACTIONS, MULTIPLES, SCALE_WORDS

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
DEFAULT_FOLDERS = (
    SHARED / "eval",
    SHARED / "eval-tables",
    ROOT / "tests" / "data",
    ROOT / "tests" / "data" / "labelled",
    ROOT / "claims",
)


def _scale_only(token: Token) -> Fraction | None:
    """The value of a number written in scale words alone ("a million", "thousand"), else None."""
    if token.type is not TokenType.NUMBER or token.numeral is None:
        return None
    words = token.text.split()
    if words and words[0] in (*ARTICLES, "one"):
        words = words[1:]
    return token.numeral.value if words and all(word in SCALE_WORDS for word in words) else None


def numbers_of(stated: str) -> tuple[str, ...]:
    """The multiset of quantities in `stated`, as sorted strings (see the module's docstring)."""
    tokens = scan(stated)
    found = []
    i = 0
    while i < len(tokens):
        token = tokens[i]
        i += 1
        if token.type is TokenType.FRACTION:
            j = i + 1 if i < len(tokens) and tokens[i].text == "of" else i
            scale = _scale_only(tokens[j]) if j < len(tokens) else None
            if scale is not None:  # "half a million", "a quarter of a million": one number
                found.append(str(FRACTIONS[token.text] * scale))
                i = j + 1
            else:
                found.append(str(FRACTIONS[token.text]))
        elif token.type is TokenType.NUMBER and token.numeral is not None:
            found.append(str(abs(token.numeral.value)))
        elif token.type is TokenType.MULTIPLE:
            found.append(str(MULTIPLES[token.text].ratio))
        elif token.type is TokenType.PROPORTION:
            found.append(token.text.removeprefix("the ").removeprefix("a "))
        elif token.type is TokenType.VAGUE:
            found.append(token.text)
    return tuple(sorted(found))


def relation_of(stated: str) -> str | None:
    """What a comparison's words state: a relation (">"), "neutral" for words that state none, None if unread."""
    try:
        read = parse_stated(stated, "comparison")
    except FactcheckError:
        return None
    return read.relation.value if read.relation is not None else "neutral"


def rank_of(stated: str) -> tuple[object, ...] | None:
    """The place rank words claim, as (reach, place, end, quality); None if they are not rank words."""
    try:
        words = parse_rank_words(stated)
    except FactcheckError:
        return None
    return (words.reach, words.place, words.end, words.quality)


def _ranges(texts: Sequence[str]) -> list[tuple[int, int]]:
    ranges, position = [], 0
    for text in texts:
        ranges.append((position, position + len(text)))
        position += len(text) + 1
    return ranges


def _overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


class _Drafted:
    """The drafted claims of an article, with their sentences' ranges; each may match one hand-made claim."""

    def __init__(self, draft: Any) -> None:
        ranges = _ranges([s.text for s in draft.sentences])
        self.claims = [(ranges[i], c) for i, s in enumerate(draft.sentences) for c in s.claims]
        self.checked = [ranges[i] for i, s in enumerate(draft.sentences) if s.check is not None]
        self.used: set[int] = set()

    def take(self, where: tuple[int, int], fits: Callable[[Any], bool]) -> Any | None:
        """The first unused drafted claim in a sentence overlapping `where` that `fits`, marked used."""
        for k, (span, claim) in enumerate(self.claims):
            if k not in self.used and _overlaps(span, where) and fits(claim):
                self.used.add(k)
                return claim
        return None

    def hides(self, where: tuple[int, int]) -> bool:
        """Whether a drafted sentence overlapping `where` carries a `check`."""
        return any(_overlaps(span, where) for span in self.checked)


def _row(claim: Any, where: tuple[int, int], drafted: _Drafted) -> dict[str, Any] | None:
    """The comparison of one hand-made claim with the draft; None when it is no numeric, comparison or rank claim."""
    if claim.kind == "comparison":
        relation = relation_of(claim.stated)
        got = drafted.take(where, lambda c: c.kind == "comparison" and relation_of(c.stated) == relation)
        return {"kind": "comparison", "numeric": False, "found": got is not None, "stated": claim.stated}
    if claim.kind == "rank":
        place = rank_of(claim.stated)
        got = drafted.take(where, lambda c: c.kind == "rank" and rank_of(c.stated) == place)
        return {"kind": "rank", "numeric": False, "found": got is not None, "stated": claim.stated}
    key = numbers_of(claim.stated)
    if not key:
        return None
    got = drafted.take(where, lambda c: c.kind not in ("comparison", "rank") and numbers_of(c.stated) == key)
    row: dict[str, Any] = {"kind": claim.kind, "stated": claim.stated, "numeric": True, "found": got is not None}
    row["key"] = key
    if got is not None:
        row["drafted_kind"] = str(got.kind)
        row["drafted"] = got.stated
    return row


def evaluate(article: Path, claims: Path) -> dict[str, Any]:
    """The comparison of one article's draft with its hand-made claims file."""
    text = article.read_text(encoding="utf-8-sig")
    hand = load_claims_file(claims)
    draft = draft_article(text)
    hand_ranges = _ranges([s.text for s in hand.sentences])
    drafted = _Drafted(draft)
    rows: list[dict[str, Any]] = []
    misquoted = hidden = 0
    for index, sentence in enumerate(hand.sentences):
        numeric_here = False
        for claim in sentence.claims:
            if not quote_found(fold(claim.stated), fold(sentence.text)):
                misquoted += 1  # a planted misquote: not the article's words, so no draft can find it
                continue
            row = _row(claim, hand_ranges[index], drafted)
            if row is not None:
                row["sentence"] = sentence.text
                rows.append(row)
                numeric_here = numeric_here or row["numeric"]
        hidden += numeric_here and drafted.hides(hand_ranges[index])
    hand_texts = [s.text for s in hand.sentences]
    return {
        "rows": rows,
        "sentences": [s.text for s in draft.sentences],
        "hand_sentences": len(hand_texts),
        "exact_sentences": sum(1 for s in draft.sentences if s.text in hand_texts),
        "same_body": " ".join(s.text for s in draft.sentences) == article_body(text),
        "misquoted": misquoted,
        "hidden": hidden,
    }


def _q3_found(parse: Callable[[str], list[Any]], sentence: str, key: tuple[str, ...]) -> bool:
    values = []
    for quantity in parse(sentence):
        try:
            values.append(Fraction(str(quantity.value)).limit_denominator(1000))
        except (ValueError, TypeError):
            continue
    for item in key:
        try:
            wanted = Fraction(item)
        except ValueError:
            return False  # a proportion word or a vague amount: quantulum3 has no number for it
        if not any(abs(v - wanted) <= abs(wanted) / 1000 for v in values):
            return False
    return True


def _median_rate(function: Callable[[str], object], sentences: list[str], repeats: int) -> float:
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        for sentence in sentences:
            function(sentence)
        times.append(time.perf_counter() - start)
    return len(sentences) / statistics.median(times)


def tally(result: dict[str, Any], q3_found: int = 0) -> Counter[str]:
    """The counts of one article's comparison (`evaluate`), to be added up over articles."""
    rows = result["rows"]
    numeric = [r for r in rows if r["numeric"]]
    found = [r for r in numeric if r["found"]]
    counts: Counter[str] = Counter(
        numeric=len(numeric),
        found=len(found),
        kind_ok=sum(r["drafted_kind"] == r["kind"] for r in found),
        kind_ok_formula=sum(r["drafted_kind"] in (r["kind"], "value" if r["kind"] == "formula" else "") for r in found),
        comparisons=sum(r["kind"] == "comparison" for r in rows),
        comparisons_found=sum(r["found"] for r in rows if r["kind"] == "comparison"),
        ranks=sum(r["kind"] == "rank" for r in rows),
        ranks_found=sum(r["found"] for r in rows if r["kind"] == "rank"),
        hand_sentences=result["hand_sentences"],
        exact=result["exact_sentences"],
        same_body=int(result["same_body"]),
        misquoted=result["misquoted"],
        hidden=result["hidden"],
        files=1,
        q3=q3_found,
    )
    return counts


def _percent(part: int, whole: int) -> str:
    return f"{part}/{whole} = {part / max(whole, 1):.1%}"


def _summary(title: str, t: Counter[str], quantulum: bool) -> list[str]:
    lines = [
        f"{title}:",
        f"  numeric claims found (recall): {_percent(t['found'], t['numeric'])}",
        f"  right kind, of those found: {_percent(t['kind_ok'], t['found'])}"
        f"  (a hand-made formula counted right as value: {t['kind_ok_formula'] / max(t['found'], 1):.1%})",
        f"  comparisons found: {t['comparisons_found']}/{t['comparisons']}; ranks found: {t['ranks_found']}/{t['ranks']}",
        f"  sentences with a numeric claim drafted as a `check` (hidden): {t['hidden']}",
        f"  hand-made claims not quoted from their sentence (planted misquotes, left out): {t['misquoted']}",
        f"  sentences with the hand-made file's exact text: {t['exact']}/{t['hand_sentences']}; "
        f"drafts whose sentences join to the article's text: {t['same_body']}/{t['files']}",
    ]
    if quantulum:
        lines.append(f"  quantulum3 finds every number of the claim: {_percent(t['q3'], t['numeric'])}")
    return lines


def main(argv: Sequence[str]) -> int:
    folders = [Path(a) for a in argv] or [f for f in DEFAULT_FOLDERS if f.is_dir()]
    try:
        from quantulum3 import parser as q3
    except ImportError:
        q3 = None
    print(
        f"{'article':42} {'numeric':>7} {'found':>5} {'kind ok':>7} {'cmp':>5} {'rank':>5} {'hidden':>6} "
        f"{'sent. exact':>11} {'q3 found':>8}"
    )
    totals: Counter[str] = Counter()
    by_folder: dict[Path, Counter[str]] = {}
    sentences: list[str] = []
    misses = []
    for folder in folders:
        pairs = [(p, p.with_name(p.name[:-4] + ".claims.toml")) for p in sorted(folder.glob("*.txt"))]
        for article, claims in [(a, c) for a, c in pairs if c.exists()]:
            result = evaluate(article, claims)
            numeric = [r for r in result["rows"] if r["numeric"]]
            q3_found = 0
            if q3 is not None:
                with warnings.catch_warnings():
                    warnings.simplefilter("ignore")
                    q3_found = sum(_q3_found(q3.parse, r["sentence"], r["key"]) for r in numeric)
            counts = tally(result, q3_found)
            totals.update(counts)
            by_folder.setdefault(folder, Counter()).update(counts)
            sentences.extend(result["sentences"])
            misses += [
                (article.name, r["kind"], r["stated"], r.get("drafted_kind"), r.get("drafted"))
                for r in result["rows"]
                if not r["found"] or (r["numeric"] and r["drafted_kind"] != r["kind"])
            ]
            print(
                f"{article.name[:42]:42} {counts['numeric']:7} {counts['found']:5} {counts['kind_ok']:7} "
                f"{counts['comparisons_found']:>2}/{counts['comparisons']:<2} {counts['ranks_found']:>2}/{counts['ranks']:<2} "
                f"{counts['hidden']:6} {counts['exact']:>5}/{counts['hand_sentences']:<5} {q3_found if q3 else '-':>8}"
            )
    print()
    for folder, counts in by_folder.items():
        print("\n".join(_summary(os.path.relpath(folder, ROOT), counts, q3 is not None)))
    print("\n".join(_summary("all", totals, q3 is not None)))
    repeats = 7
    ours = _median_rate(draft_sentence, sentences, repeats)
    print()
    print(f"speed on the same {len(sentences)} sentences, median of {repeats} runs:")
    print(f"  factcheck draft_sentence   {ours:10.0f} sentences/s")
    if q3 is not None:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            q3.parse(sentences[0])  # load its models before timing
            theirs = _median_rate(q3.parse, sentences, repeats)
        print(f"  quantulum3 parser.parse    {theirs:10.0f} sentences/s   (factcheck is {ours / theirs:.1f}× as fast)")
    else:
        print("  quantulum3 is not installed (pip install quantulum3) - no baseline")
    if misses:
        print()
        print("misses (hand kind, hand stated, drafted kind, drafted stated):")
        for miss in misses:
            print("  ", *miss)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
