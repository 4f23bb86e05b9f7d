"""One template over many versions against as many separate claims files: the same story, the same checks.

    python bench/template.py [--versions 40] [--repeats 5] [--quick]

The worked example (claims/mappa-every-area.claims.toml, fictional figures) is grown to `--versions`
made-up areas, with an error planted in every fifth version (a figure's digits swapped). It is
written out twice in a temporary folder:

- the example's template claims file as it is, over a generated table of the areas (its
  `mappa-every-area-fictional.csv`, with a total row the template leaves out): a version per row,
  each figure read from the version's row;
- the same story as `--versions` ordinary claims files, each with its own sentences, its figures
  read from its own row of the same table, and `[article] text` (a copy of the very text the
  template's version reads, beside it), written out here by plain text substitution, not by
  factcheck.

Then, in this run, alternating the two so that neither gets a warmer machine: `factcheck check` on
each (the runner's `run`, text report, one process, no cache), the median wall time of `--repeats`
runs of each, and their ratio (template / separate files). Both reports must give the same verdict
counts, the planted errors among them; the script fails otherwise. Target: a ratio of about 1 (the
template pays for matching each version's text against its sentences, the separate files for
reading and parsing forty TOML files); the issue asks for no more than 2.
"""

from __future__ import annotations

import argparse
import io
import re
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
EXAMPLE = REPO / "claims" / "mappa-every-area.claims.toml"
WORDS = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"]
#: The England and Wales rate the versions are compared with (the example's fixed figures).
EW_RATE = 62435 / 52470000 * 100000
_SLOT = re.compile(r"\{([A-Za-z0-9_]+)\}")
#: The example's `[template]` table, which the separate files leave out.
_TEMPLATE = re.compile(r"\n\[template\]\n(?:[a-z]+ = [^\n]*\n)+")
#: Where the example reads its table and its versions, and the table's total row (not a version).
TABLE = "mappa-every-area-fictional.csv"
TEXTS = "mappa-every-area"
TOTAL = "All five areas"


def areas(count: int) -> dict[str, tuple[int, int, int, int, int, int]]:
    """`count` made-up areas: rso 2020, rso 2019, population aged 10+, removed, breaches, violent."""
    found = {}
    for i in range(count):
        rso19 = 500 + (i * 7919) % 2000
        rso = rso19 + rso19 * (1 + i % 5) // 100  # growing by one to five per cent
        pop = 400_000 + ((i * 104729) % 1_500_000) // 100 * 100
        found[f"Area {i + 1:03d}"] = (rso, rso19, pop, 3 + i % 17, 5 + i % 23, 100 + (i * 37) % 400)
    return found


def words(row: str, values: tuple[int, ...]) -> dict[str, str]:
    """The version's own words in each slot."""
    rso, rso19, pop, removed, breaches, violent = values
    rate = rso / pop * 100000
    change = (rso / rso19 - 1) * 100
    return {
        "area": row,
        "rso": f"{rso:,}",
        "rate": f"{round(rate)}",
        "above": "above" if rate > EW_RATE else "below",
        "removed": f"{removed}",
        "growth": f"{'growing' if change > 0 else 'falling'} by {WORDS[round(abs(change))]} per cent",
        "breaches": f"{breaches}",
        "violent": f"{violent:,}",
    }


def planted(index: int, filled: dict[str, str]) -> dict[str, str]:
    """Every fifth version says its count of offenders with two digits swapped."""
    if index % 5 != 4:
        return filled
    digits = filled["rso"]
    return {**filled, "rso": digits[:-2] + digits[-1] + digits[-2]}


def slug(row: str) -> str:
    return re.sub(r"[\W_]+", "-", row.lower()).strip("-")


def _filler(said: dict[str, str]) -> Callable[[re.Match[str]], str]:
    """A slot's replacement: the version's words (a brace that is no slot of the story, in a comment, stays)."""
    return lambda match: said.get(match.group(1), match.group(0))


def _sentences(example: str) -> list[str]:
    return re.findall(r'^text = "(.*)"$', example.split("[[sentences]]", 1)[1], re.MULTILINE)


def write(folder: Path, count: int) -> tuple[Path, Path, int]:
    """The template and the separate files (in folder/separate), each reading the same table of `count`
    areas (and a total row, which the template leaves out); and how many versions have a planted error."""
    example = EXAMPLE.read_text(encoding="utf-8")
    sentences = _sentences(example)
    by_row = areas(count)
    texts = folder / TEXTS
    texts.mkdir()
    separate = folder / "separate"
    separate.mkdir()
    table = _table(by_row)
    for where in (folder, separate):  # a claims file reads only inside its own folder
        (where / TABLE).write_text(table, encoding="utf-8")
    errors = 0
    for index, (row, values) in enumerate(by_row.items()):
        filled = words(row, values)
        said = planted(index, filled)
        errors += said != filled
        body = "\n\n".join(_SLOT.sub(_filler(said), text) for text in sentences)
        for where in (texts, separate):
            (where / f"{slug(row)}.txt").write_text(f" date 2020-11-10 {body}\n", encoding="utf-8")
        one = _TEMPLATE.sub("\n", example)
        one = one.replace("published = 2020-11-10\n", f'published = 2020-11-10\ntext = "{slug(row)}.txt"\n')
        one = one.replace('row = "{row}"', f'row = "{row}"')
        one = _SLOT.sub(_filler(said), one)
        (separate / f"{slug(row)}.claims.toml").write_text(one, encoding="utf-8")
    path = folder / "story.claims.toml"
    path.write_text(example, encoding="utf-8")
    return path, separate, errors


def _table(by_row: dict[str, tuple[int, int, int, int, int, int]]) -> str:
    """The areas' table as the example's CSV has it: a line saying the figures are made up, the header,
    a row per area and a total row."""
    lines = [
        "# FICTIONAL FIGURES, generated by bench/template.py",
        "Area,Registered sex offenders 2020,Registered sex offenders 2019,Population aged 10+ 2019,"
        "Removed from the register 2019-20,Breaches 2019-20,Violent offenders 2020",
    ]
    lines += [",".join([row, *map(str, values)]) for row, values in by_row.items()]
    totals = [sum(column) for column in zip(*by_row.values(), strict=True)]
    lines.append(",".join([TOTAL, *map(str, totals)]))
    return "\n".join(lines) + "\n"


def check(target: Path) -> tuple[float, str, int]:
    """One `factcheck check` of `target` (text report, one process, no cache): seconds, the report's summary, status."""
    from factcheck.runner.batch import claims_files, run

    out = io.StringIO()
    started = time.perf_counter()
    status = run(claims_files([str(target)]), "text", out.write)
    took = time.perf_counter() - started
    # the verdict counts (a template's summary counts versions, the separate files' count files)
    summary = next(line for line in out.getvalue().splitlines() if re.match(r"\d+ (files?|template versions?)\b", line))
    return took, summary.partition(": ")[2], status


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--versions", type=int, default=40)
    parser.add_argument("--repeats", type=int, default=5)
    parser.add_argument("--quick", action="store_true", help="5 versions, one run each (a smoke test)")
    args = parser.parse_args(argv)
    count, repeats = (5, 1) if args.quick else (args.versions, args.repeats)
    with tempfile.TemporaryDirectory() as temporary:
        template, separate, errors = write(Path(temporary), count)
        check(template)  # both once untimed: imports, first reads
        check(separate)
        times: dict[str, list[float]] = {"template": [], "separate": []}
        summaries: dict[str, set[str]] = {"template": set(), "separate": set()}
        for _ in range(repeats):
            for name, target in (("template", template), ("separate", separate)):
                took, summary, status = check(target)
                times[name].append(took)
                summaries[name].add(f"{summary} (exit {status})")
    print(f"{count} versions, {errors} with a planted error; {repeats} runs each (median)")
    for name in ("template", "separate"):
        print(f"  {name:<9} {statistics.median(times[name]) * 1000:8.1f} ms   {' | '.join(sorted(summaries[name]))}")
    ratio = statistics.median(times["template"]) / statistics.median(times["separate"])
    print(f"ratio template / separate files: {ratio:.2f}")
    if summaries["template"] != summaries["separate"] or len(summaries["template"]) != 1:
        print("the two reports' verdict counts differ", file=sys.stderr)
        return 1
    if f"{errors} contradicted" not in next(iter(summaries["template"])):
        print("the planted errors were not all found", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
