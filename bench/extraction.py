"""Extraction benchmark: recall of numeric claims, right kinds, sentences, speed; quantulum3 alongside.

    python bench/extraction.py [FOLDER ...]      (default: ../shared/eval and tests/data)

For each article NAME.txt with a hand-made NAME.claims.toml beside it, the draft of `factcheck
extract` is compared with the hand-made claims:

- The numbers of a `stated` are the quantities the library's own scanner finds in it: every
  number (in digits or words, scale words applied: "£1.2m" is 1,200,000), every fraction word
  ("a fifth" is 1/5), proportion word ("the vast majority") and multiple ("doubled"), as a
  multiset. Years are kept, hedges, units and direction words are not numbers.
- A hand-made claim is numeric when its kind is not `comparison` and its stated has numbers.
- It is found when a drafted claim whose sentence overlaps the hand-made claim's sentence (as
  character ranges of the article's text) has the same multiset of numbers, each drafted claim
  matching at most one hand-made claim. Its kind is right when the kinds are equal; a
  hand-made `formula` (the writer's own arithmetic, which no draft can see) is also reported
  against `value` in a second column.
- Comparisons are found when a drafted comparison in an overlapping sentence states the same
  relation.
- quantulum3 (a baseline for finding numbers, not a dependency): a numeric claim is found when
  every one of its numbers is the value of a quantity quantulum3 finds in that sentence.
- Speed: sentences per second for drafting each sentence (`draft_sentence`) and for
  `quantulum3.parser.parse`, on the same sentences in the same run; medians of repeated runs.
"""

from __future__ import annotations

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
from factcheck.load.claimsfile import load_claims_file
from factcheck.load.coverage import article_body
from factcheck.words.stated import TokenType, parse_relation, scan
from factcheck.words.table import FRACTIONS, MULTIPLES

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_FOLDERS = (ROOT.parent / "shared" / "eval", ROOT / "tests" / "data")


def numbers_of(stated: str) -> tuple[str, ...]:
    """The multiset of quantities in `stated`, as sorted strings (see the module's docstring)."""
    found = []
    for token in scan(stated):
        if token.type is TokenType.NUMBER and token.numeral is not None:
            found.append(str(abs(token.numeral.value)))
        elif token.type is TokenType.FRACTION:
            found.append(str(FRACTIONS[token.text]))
        elif token.type is TokenType.MULTIPLE:
            found.append(str(MULTIPLES[token.text].ratio))
        elif token.type is TokenType.PROPORTION:
            found.append(token.text.removeprefix("the ").removeprefix("a "))
    return tuple(sorted(found))


def _ranges(texts: Sequence[str]) -> list[tuple[int, int]]:
    ranges, position = [], 0
    for text in texts:
        ranges.append((position, position + len(text)))
        position += len(text) + 1
    return ranges


def _overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def evaluate(article: Path, claims: Path) -> dict[str, Any]:
    """The comparison of one article's draft with its hand-made claims file."""
    text = article.read_text(encoding="utf-8-sig")
    hand = load_claims_file(claims)
    draft = draft_article(text)
    hand_ranges = _ranges([s.text for s in hand.sentences])
    draft_ranges = _ranges([s.text for s in draft.sentences])
    drafted = [(draft_ranges[i], c) for i, s in enumerate(draft.sentences) for c in s.claims]
    used: set[int] = set()
    rows = []
    for index, sentence in enumerate(hand.sentences):
        for claim in sentence.claims:
            if claim.kind == "comparison":
                match = next(
                    (
                        k
                        for k, (r, c) in enumerate(drafted)
                        if k not in used
                        and c.kind == "comparison"
                        and _overlaps(r, hand_ranges[index])
                        and parse_relation(c.stated) == parse_relation(claim.stated)
                    ),
                    None,
                )
                if match is not None:
                    used.add(match)
                rows.append({"kind": "comparison", "found": match is not None, "numeric": False})
                continue
            key = numbers_of(claim.stated)
            if not key:
                continue
            match = next(
                (
                    k
                    for k, (r, c) in enumerate(drafted)
                    if k not in used
                    and c.kind != "comparison"
                    and _overlaps(r, hand_ranges[index])
                    and numbers_of(c.stated) == key
                ),
                None,
            )
            row = {
                "kind": claim.kind,
                "stated": claim.stated,
                "numeric": True,
                "found": match is not None,
                "sentence": sentence.text,
                "key": key,
            }
            if match is not None:
                used.add(match)
                got = drafted[match][1]
                row["drafted_kind"] = got.kind
                row["drafted"] = got.stated
            rows.append(row)
    hand_texts = [s.text for s in hand.sentences]
    exact = sum(1 for s in draft.sentences if s.text in hand_texts)
    return {
        "rows": rows,
        "sentences": [s.text for s in draft.sentences],
        "hand_sentences": len(hand_texts),
        "exact_sentences": exact,
        "same_body": " ".join(s.text for s in draft.sentences) == article_body(text),
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
            return False  # a proportion word: quantulum3 has no number for it
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


def main(argv: Sequence[str]) -> int:
    folders = [Path(a) for a in argv] or [f for f in DEFAULT_FOLDERS if f.is_dir()]
    pairs = [(p, p.with_name(p.name[:-4] + ".claims.toml")) for f in folders for p in sorted(f.glob("*.txt"))]
    pairs = [(a, c) for a, c in pairs if c.exists()]
    try:
        from quantulum3 import parser as q3
    except ImportError:
        q3 = None
    print(f"{'article':42} {'numeric':>7} {'found':>5} {'kind ok':>7} {'cmp':>5} {'sent. exact':>11} {'q3 found':>8}")
    totals: Counter[str] = Counter()
    sentences: list[str] = []
    misses = []
    for article, claims in pairs:
        result = evaluate(article, claims)
        rows = result["rows"]
        numeric = [r for r in rows if r["numeric"]]
        found = [r for r in numeric if r["found"]]
        kind_ok = [r for r in found if r["drafted_kind"] == r["kind"]]
        kind_ok_formula = [
            r
            for r in found
            if r["drafted_kind"] == r["kind"] or (r["kind"] == "formula" and r["drafted_kind"] == "value")
        ]
        comparisons = [r for r in rows if r["kind"] == "comparison"]
        q3_found = 0
        if q3 is not None:
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                q3_found = sum(_q3_found(q3.parse, r["sentence"], r["key"]) for r in numeric)
        sentences.extend(result["sentences"])
        totals.update(
            numeric=len(numeric),
            found=len(found),
            kind_ok=len(kind_ok),
            kind_ok_formula=len(kind_ok_formula),
            comparisons=len(comparisons),
            comparisons_found=sum(r["found"] for r in comparisons),
            hand_sentences=result["hand_sentences"],
            exact=result["exact_sentences"],
            same_body=int(result["same_body"]),
            files=1,
            q3=q3_found,
        )
        misses += [
            (article.name, r["kind"], r["stated"], r.get("drafted_kind"), r.get("drafted"))
            for r in numeric
            if not r["found"] or r["drafted_kind"] != r["kind"]
        ]
        print(
            f"{article.name[:42]:42} {len(numeric):7} {len(found):5} {len(kind_ok):7} "
            f"{sum(r['found'] for r in comparisons):>2}/{len(comparisons):<2} "
            f"{result['exact_sentences']:>5}/{result['hand_sentences']:<5} {q3_found if q3 else '-':>8}"
        )
    t = totals
    print()
    print(f"numeric claims found (recall): {t['found']}/{t['numeric']} = {t['found'] / max(t['numeric'], 1):.1%}")
    print(
        f"right kind, of those found: {t['kind_ok']}/{t['found']} = {t['kind_ok'] / max(t['found'], 1):.1%}"
        f"  (a hand-made formula counted right as value: {t['kind_ok_formula'] / max(t['found'], 1):.1%})"
    )
    print(f"comparisons found: {t['comparisons_found']}/{t['comparisons']}")
    print(
        f"sentences with the hand-made file's exact text: {t['exact']}/{t['hand_sentences']}; "
        f"drafts whose sentences join to the article's text: {t['same_body']}/{t['files']}"
    )
    if q3 is not None:
        print(
            f"quantulum3 finds every number of the claim: {t['q3']}/{t['numeric']} = {t['q3'] / max(t['numeric'], 1):.1%}"
        )
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
