"""How do `extract`, `suggest` and the diagnoses of `check` grow with their input?

    python bench/scaling.py            # sizes up to a 640 KB article and 11,200 figures; a few minutes
    python bench/scaling.py --quick    # small sizes: checks that the script works
    PYTHONPATH=old/src python bench/scaling.py --max-chars 40000 --max-figures 700   # an older factcheck

For each workload, on inputs of growing size (bench/growing.py), it measures in the same run the
median time of the work and of a baseline that reads the same input, and reports their ratio and
the growth exponent of each (the slope of log time against log size, least squares): near 1 is
linear, near 2 quadratic.

  extract    `draft_article` + `draft_toml` on one paragraph of many sentences, and on one long
             sentence; baseline: `stated.scan` of the same text (the tokens every draft reads)
  suggest    `suggest_file` on a claims file of N figures with 16 draft claims; baseline: loading
             the file (`loads_claims_file`, TOML and all)
  diagnose   `diagnose_outcomes` on a claims file of N figures, four claims an area, every fourth
             wrong; baseline: loading the file

Medians of repeated runs (fewer for the largest inputs), in-process, after one warm-up run. It
asserts nothing about time; the tests check structure (bench/growing.py, tests/test_*.py).
It runs against whichever factcheck is importable (PYTHONPATH=old/src for an older one).
"""

from __future__ import annotations

import argparse
import functools
import math
import statistics
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import cast

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from factcheck.check.diagnose import diagnose_outcomes
from factcheck.check.pipeline import verify_file
from factcheck.drafting.extract import draft_article
from factcheck.drafting.suggest import suggest_file
from factcheck.drafting.toml_writer import draft_toml
from factcheck.load.claimsfile import loads_claims_file
from factcheck.model.claims import ClaimsFile
from factcheck.model.results import Outcome
from factcheck.words.stated import scan
from growing import FIGURES_PER_AREA, figures_file, long_sentence, paragraph

FULL = {"extract": (10_000, 20_000, 40_000, 160_000, 640_000), "figures": (50, 100, 200, 400, 1_600)}
QUICK = {"extract": (2_000, 8_000), "figures": (10, 40)}


def median_time(work: Callable[[], object], repeats: int) -> float:
    """The median wall time of `repeats` runs of `work`, after one warm-up run."""
    work()
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        work()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def exponent(sizes: Sequence[float], times: Sequence[float]) -> float:
    """The slope of log(time) against log(size), least squares (nan with fewer than two sizes)."""
    if len(sizes) < 2:
        return math.nan
    xs = [math.log(s) for s in sizes]
    ys = [math.log(max(t, 1e-9)) for t in times]
    mx, my = statistics.fmean(xs), statistics.fmean(ys)
    return sum((x - mx) * (y - my) for x, y in zip(xs, ys, strict=True)) / sum((x - mx) ** 2 for x in xs)


def repeats_for(size_rank: int, sizes: int, quick: bool, fixed: int | None) -> int:
    """More runs for the small sizes, whose times are the noisiest; fewer for the largest two."""
    if fixed is not None:
        return fixed
    return 3 if quick or size_rank >= sizes - 2 else 7


def measure(
    name: str,
    unit: str,
    sizes: Sequence[int],
    make: Callable[[int], object],
    work: Callable[[object], object],
    baseline: Callable[[object], object],
    quick: bool,
    repeats: int | None = None,
) -> dict[str, float]:
    print(f"\n{name}")
    print(f"  {unit:>10}  {'work (s)':>10}  {'baseline (s)':>12}  {'ratio':>7}")
    rows = []
    for rank, size in enumerate(sizes):
        data = make(size)
        runs = repeats_for(rank, len(sizes), quick, repeats)
        spent = median_time(functools.partial(work, data), runs)
        base = median_time(functools.partial(baseline, data), runs)
        rows.append((size, spent, base))
        print(f"  {size:>10,}  {spent:>10.4f}  {base:>12.4f}  {spent / base:>7.1f}")
    work_exp = exponent([r[0] for r in rows], [r[1] for r in rows])
    base_exp = exponent([r[0] for r in rows], [r[2] for r in rows])
    print(f"  growth exponent: work {work_exp:.2f}, baseline {base_exp:.2f}")
    return {"work": work_exp, "baseline": base_exp}


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="small sizes, to check that the script works")
    parser.add_argument("--max-chars", type=int, default=None, help="the largest article to extract from")
    parser.add_argument("--max-figures", type=int, default=None, help="the most figures in a claims file")
    parser.add_argument("--repeats", type=int, default=None, help="runs of each size (default: 7, or 3 for large)")
    args = parser.parse_args(argv)
    sizes = dict(QUICK if args.quick else FULL)
    if args.max_chars is not None:
        sizes["extract"] = tuple(n for n in sizes["extract"] if n <= args.max_chars)
    if args.max_figures is not None:
        sizes["figures"] = tuple(a for a in sizes["figures"] if a * FIGURES_PER_AREA <= args.max_figures)
    results = {}

    def drafted(text: object) -> object:
        return draft_toml(draft_article(str(text)))

    def scanned(text: object) -> object:
        return scan(str(text))

    results["extract, one paragraph"] = measure(
        "extract: one paragraph of many sentences",
        "characters",
        sizes["extract"],
        paragraph,
        drafted,
        scanned,
        args.quick,
        args.repeats,
    )
    results["extract, one sentence"] = measure(
        "extract: one long sentence",
        "characters",
        sizes["extract"],
        long_sentence,
        drafted,
        scanned,
        args.quick,
        args.repeats,
    )

    def loaded(text: object) -> object:
        return loads_claims_file(str(text), "<bench>")

    def suggested(text: object) -> object:
        return suggest_file(loads_claims_file(str(text), "<bench>"))

    results["suggest"] = measure(
        "suggest: 16 draft claims among N figures",
        "figures",
        [a * FIGURES_PER_AREA for a in sizes["figures"]],
        lambda n: figures_file(n // FIGURES_PER_AREA, drafts=16, checked=False),
        suggested,
        loaded,
        args.quick,
        args.repeats,
    )

    def checked(text: object) -> object:
        claims_file = loads_claims_file(str(text), "<bench>")
        return claims_file, verify_file(claims_file).outcomes

    def diagnosed(pair: object) -> object:
        claims_file, outcomes = cast("tuple[ClaimsFile, list[Outcome]]", pair)
        return diagnose_outcomes(claims_file, outcomes)

    texts: dict[int, str] = {}

    def wrong_file(n: int) -> object:
        texts[n] = figures_file(n // FIGURES_PER_AREA, wrong_every=4)
        return checked(texts[n])

    results["diagnose"] = measure(
        "diagnose: the contradicted claims (a quarter) among N figures, four claims an area",
        "figures",
        [a * FIGURES_PER_AREA for a in sizes["figures"]],
        wrong_file,
        diagnosed,
        lambda pair: loads_claims_file(texts[len(pair[0].figures)], "<bench>"),  # type: ignore[index]
        args.quick,
        args.repeats,
    )
    print("\ngrowth exponents (1: linear, 2: quadratic):")
    for name, found in results.items():
        print(f"  {name:<24} work {found['work']:.2f}   baseline {found['baseline']:.2f}")
    print("result: OK")
    return 0


if __name__ == "__main__":
    sys.exit(main())
