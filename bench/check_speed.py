"""How fast is `factcheck check`, against what reading the files costs and the obvious way?

    python bench/check_speed.py            # 2,000 files, 110,000 claims; takes a few minutes
    python bench/check_speed.py --quick    # a tiny corpus: checks that the script works

Generates a corpus (bench/corpus.py: one template, many areas, a known share of wrong claims)
into a temporary folder, then measures in the same run, each a median over repeated runs of a
whole child process (wall time, and peak memory from wait4's ru_maxrss):

  floor      only reading and parsing the same files, with the fastest TOML parser installed
  baseline   the obvious way: tomllib, pint quantities per claim (written below), on a sample
  check      `factcheck check` on the corpus, one process and `-j 2`, every file checked
             (`--no-cache`); then with the report cache: a first run filling an empty cache, a
             re-run with nothing changed, and a re-run after a tenth of the files were edited
  article    `factcheck check` of the one article in claims/, beside a bare `python -c pass` and the start
             floor: an interpreter importing every module outside factcheck that the check imports, and
             defining as many frozen attrs classes (with as many fields) as factcheck does, with no code of ours
  memory     peak memory of `factcheck check` on 200 and on 2,000 files
  Fraction   the cold check of the corpus and of one article again, with FACTCHECK_EXACT=fraction: the
             exact arithmetic in `fractions.Fraction` rather than gmpy2's `mpq` (numbers/exact.py),
             taking turns with the runs above

Every timing is given as wall time and as CPU time (user + system) of the child: on a shared machine
the CPU time is the steadier figure. `--against PYTHON` times the same runs with another
interpreter's factcheck (another checkout's virtual environment, say the main branch's) in the
same run, the two taking turns run by run, so the two columns are comparable.

It checks that the verdict counts are the ones the corpus was written to give (every deliberately
wrong claim contradicted, exit status 1), that pint is never imported for the corpus, and that
`-j 2`, every run answered from the cache and a check without gmpy2 give the report of a fresh
check, byte for byte; it exits 1 if not. Timings are reported, never asserted.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import Any, Final, NamedTuple

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
sys.path.insert(0, str(HERE))

from corpus import write_corpus
from factcheck.runner.batch import usable_processors

_FLOOR = """
import sys
from pathlib import Path
try:
    from rtoml import loads
except ImportError:
    try:
        from tomli import loads
    except ImportError:
        from tomllib import loads
for path in sorted(Path(sys.argv[1]).rglob("*.claims.toml")):
    loads(path.read_bytes().decode("utf-8"))
"""


#: What a check of one article loads that is not factcheck's own: every module it imports from outside the
#: package, and, for each attrs record class the package defines, its number of fields. Printed as JSON.
_START_PROBE = """
import contextlib, io, sys
from factcheck.cli.main import main
with contextlib.redirect_stdout(io.StringIO()):
    try:
        main(["check", "--no-cache", "-j", "1", sys.argv[1]])
    except SystemExit:
        pass
import attrs  # imported by the check already, as json is not: it is imported after the names are taken
ours = [module for name, module in sorted(sys.modules.items()) if name.partition(".")[0] == "factcheck"]
records = [
    len(attrs.fields(value))
    for module in ours
    for value in vars(module).values()
    if isinstance(value, type) and attrs.has(value) and value.__module__ == module.__name__
]
outside = sorted(name for name in sys.modules if name.partition(".")[0] not in ("factcheck", "__main__"))
import json
print(json.dumps({"modules": outside, "records": records}))
"""

#: The least a start of this design costs: the interpreter, those modules, and as many frozen attrs classes
#: with as many fields, empty of any code of factcheck's (argv[1] is the probe's JSON).
_START_FLOOR = """
import importlib, json, sys
import attrs
probe = json.loads(sys.argv[1])
for name in probe["modules"]:
    importlib.import_module(name)
for number, fields in enumerate(probe["records"]):
    attrs.frozen(type(f"Record{number}", (), {"__annotations__": {f"field{k}": "int" for k in range(fields)}}))
"""


def start_floor(python: str) -> tuple[list[str], int, int]:
    """The command of the start floor for `python`'s factcheck (`_START_FLOOR`), with the numbers of modules
    and of records it loads."""
    probe = subprocess.run([python, "-c", _START_PROBE, ARTICLE], capture_output=True, text=True, check=True)
    found = json.loads(probe.stdout)
    return [python, "-c", _START_FLOOR, probe.stdout], len(found["modules"]), len(found["records"])


#: One article and its claims file (claims/ also holds a template of five versions over a table).
ARTICLE = str(REPO / "claims" / "west-mercia-mappa-2020.claims.toml")


def fastest_parser() -> str:
    for name in ("rtoml", "tomli"):
        try:
            __import__(name)
        except ImportError:
            continue
        return name
    return "tomllib"


# -- the obvious way ------------------------------------------------------------------------


def baseline(folder: Path) -> dict[str, int]:
    """Check the claims files the obvious way: tomllib, then pint quantities for every claim."""
    return _Obvious().check(folder)


_WORDS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10}


class _Obvious:
    """The obvious way, a step a method: read each file with tomllib, make every figure a pint quantity,
    compute each claim with pint, and compare it with the number its words state."""

    def __init__(self) -> None:
        import pint  # the baseline's own dependency, loaded only when it runs

        self.pint = pint
        self.ureg: Any = pint.UnitRegistry()
        self.ureg.define("person = [person] = people")
        self.ureg.define("GBP = [currency]")
        self.counts = {"supported": 0, "contradicted": 0, "unchecked": 0, "error": 0}

    def check(self, folder: Path) -> dict[str, int]:
        import tomllib
        from decimal import Decimal

        for path in sorted(folder.rglob("*.claims.toml")):
            data = tomllib.loads(path.read_text(encoding="utf-8"), parse_float=Decimal)
            values = {name: self.quantity(figure) for name, figure in data.get("figures", {}).items()}
            for sentence in data.get("sentences", []):
                if "check" in sentence:
                    self.counts["unchecked"] += 1
                for claim in sentence.get("claims", []):
                    try:
                        self.claim(claim, values)
                    except (KeyError, ValueError, ZeroDivisionError, self.pint.PintError):
                        self.counts["error"] += 1
        return self.counts

    def quantity(self, figure: dict[str, Any]) -> Any:
        import re

        unit = figure["unit"]
        for name in re.findall(r"[A-Za-z_]+", unit):
            if name not in self.ureg:
                self.ureg.define(f"{name} = [{name}]")
        return float(figure["value"]) * self.ureg(unit)  # ureg(): "offence / (100000 * person)" has a factor

    def claim(self, claim: dict[str, Any], values: dict[str, Any]) -> None:
        """Count one claim's verdict (a comparison's straight away; any other kind's from its value)."""
        kind = claim["kind"]
        if kind == "comparison":
            left, right = values[claim["left"]], values[claim["right"]].to(values[claim["left"]].units)
            above = any(w in claim["stated"] for w in ("above", "higher", "more"))
            self.counts["supported" if (left > right) == above else "contradicted"] += 1
            return
        value = self.value(kind, claim, values)
        if value is None:
            self.counts["error"] += 1
            return
        values[claim["id"]] = value
        magnitude = (
            float(value.to_reduced_units().magnitude)
            if not value.dimensionless
            else float(value.to("dimensionless").magnitude)
        )
        self.counts["supported" if self.holds(kind, claim["stated"], magnitude) else "contradicted"] += 1

    def value(self, kind: str, claim: dict[str, Any], values: dict[str, Any]) -> Any:
        """The claim's value by its kind's formula; None for a kind the obvious way does not know."""
        import ast

        def get(key: str) -> Any:
            return values[claim[key]]

        formulas = {
            "value": lambda: get("figure"),
            "rate": lambda: (
                get("numerator") / get("denominator") * (100_000 if "100,000" in claim["stated"] else 1_000)
            ),
            "one_in": lambda: get("denominator") / get("numerator"),
            "change": lambda: (get("to") - get("from")) / get("from") * 100,
            "point_change": lambda: get("to") - get("from"),
            "difference": lambda: get("to") - get("from"),
            "ratio": lambda: get("numerator") / get("denominator"),
            "share": lambda: get("part") / get("whole") * 100,
            "formula": lambda: self.evaluate(ast.parse(claim["expr"], mode="eval").body, values),
        }
        formula = formulas.get(kind)
        return None if formula is None else formula()

    def evaluate(self, node: Any, values: dict[str, Any]) -> Any:
        import ast

        if isinstance(node, ast.BinOp):
            a, b = self.evaluate(node.left, values), self.evaluate(node.right, values)
            return (
                {ast.Add: a + b, ast.Sub: a - b}.get(type(node.op))
                if isinstance(node.op, (ast.Add, ast.Sub))
                else (a * b if isinstance(node.op, ast.Mult) else a / b)
            )
        if isinstance(node, ast.Name):
            return values[node.id]
        if isinstance(node, ast.Constant):
            return self.ureg.Quantity(node.value, "dimensionless")
        raise ValueError(ast.dump(node))

    def holds(self, kind: str, words: str, magnitude: float) -> bool:
        """Whether the value is what the words state, read the obvious way (a few hedges, the last digit's step)."""
        number, step, text = _stated_number(words)
        if "vast majority" in text:
            return magnitude >= 80
        if text == "most":
            return magnitude > 50
        if any(w in text for w in ("down", "fall", "fell", "fewer")):
            number = -number
        if kind in ("value", "difference", "formula") and step == 1.0 and number == int(number):
            digits = str(abs(int(number)))
            step = 10.0 ** (len(digits) - len(digits.rstrip("0")))
        if "nearly" in text:
            return number - step / 2 <= magnitude < number
        if "more than" in text:
            return number < magnitude < number + step
        return abs(magnitude - number) <= step / 2 + 1e-9


def _stated_number(text: str) -> tuple[float, float, str]:
    """The first number of the words (digits, or a number word up to ten), its step, and the words lowered."""
    import re

    lowered = text.lower()
    match = re.search(r"\d[\d,]*(?:\.\d+)?", lowered)
    if match:
        digits = match.group(0).replace(",", "")
        decimals = len(digits.split(".")[1]) if "." in digits else 0
        return float(digits), 10.0**-decimals, lowered
    for word, value in _WORDS.items():
        if re.search(rf"\b{word}\b", lowered):
            return float(value), 1.0, lowered
    return float("nan"), 0.0, lowered


# -- measuring ------------------------------------------------------------------------------


class Timing(NamedTuple):
    """One measurement: median wall and CPU seconds, the last exit status, the peak memory (KiB)."""

    wall: float
    status: int
    memory: int
    cpu: float


#: The environment that makes factcheck compute in `fractions.Fraction` rather than gmpy2's `mpq`.
WITHOUT_GMPY: Final = {"FACTCHECK_EXACT": "fraction"}


def run_child(
    command: Sequence[str], *, stdout: int | None = subprocess.DEVNULL, environ: Mapping[str, str] | None = None
) -> Timing:
    """Wall seconds, exit status, peak memory in KiB and CPU seconds (user + system) of one child process;
    `environ`: variables set for it."""
    start = time.perf_counter()
    env = None if environ is None else {**os.environ, **environ}
    process = subprocess.Popen(command, stdout=stdout, stderr=subprocess.PIPE, env=env)
    _, status, usage = os.wait4(process.pid, 0)
    wall = time.perf_counter() - start
    process.returncode = os.waitstatus_to_exitcode(status)
    if process.stderr is not None:
        err = process.stderr.read()
        process.stderr.close()
        if process.returncode not in (0, 1) and err:
            sys.stderr.write(err.decode("utf-8", "replace"))
    return Timing(wall, process.returncode, usage.ru_maxrss, usage.ru_utime + usage.ru_stime)


_PEAK = (
    "import resource, subprocess, sys; subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL); "
    "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)"
)


def peak_memory(command: Sequence[str]) -> int:
    """Peak memory (KiB) of `command`, run from a small wrapper: a child forked straight from this
    process would count this process's own memory (held reports) in its ru_maxrss."""
    done = subprocess.run([sys.executable, "-c", _PEAK, *command], capture_output=True, text=True, check=True)
    return int(done.stdout.split()[-1])


def median_run(
    command: Sequence[str],
    repeat: int,
    before: Callable[[int], object] | None = None,
) -> Timing:
    """Median wall and CPU time, last exit status and peak memory of `repeat` runs; `before(i)`
    (untimed) prepares run i."""
    runs = []
    for i in range(repeat):
        if before is not None:
            before(i)
        runs.append(run_child(command))
    return Timing(
        statistics.median(r.wall for r in runs),
        runs[-1].status,
        max(r.memory for r in runs),
        statistics.median(r.cpu for r in runs),
    )


def paired_runs(
    commands: Sequence[Sequence[str]],
    repeat: int,
    before: Callable[[int], object] | None = None,
    environs: Sequence[Mapping[str, str] | None] = (),
) -> list[Timing]:
    """`median_run` of several commands, taking turns (a, b; then b, a; ...) so that a slow spell of a
    shared machine, and whatever the one run first leaves behind, fall on each of them alike;
    `before(i)` prepares round i; `environs[k]`, when given, are variables set for command k."""
    runs: list[list[Timing]] = [[] for _ in commands]
    for i in range(repeat):
        if before is not None:
            before(i)
        order = range(len(commands)) if i % 2 == 0 else reversed(range(len(commands)))
        for which in order:
            runs[which].append(run_child(commands[which], environ=environs[which] if environs else None))
    return [
        Timing(
            statistics.median(r.wall for r in timings),
            timings[-1].status,
            max(r.memory for r in timings),
            statistics.median(r.cpu for r in timings),
        )
        for timings in runs
    ]


def factcheck(*args: str, cache: Path | None = None, python: str = sys.executable) -> list[str]:
    """`factcheck check ARGS` (with `python`'s factcheck): every file checked, or with the report cache in `cache`;
    in one process unless ARGS say otherwise (the default is one per processor)."""
    caching = ["--cache-dir", str(cache)] if cache is not None else ["--no-cache"]
    jobs = [] if "-j" in args else ["-j", "1"]
    return [python, "-m", "factcheck.cli.main", "check", *caching, *jobs, *args]


def output(command: Sequence[str], environ: Mapping[str, str] | None = None) -> tuple[str, int]:
    env = None if environ is None else {**os.environ, **environ}
    done = subprocess.run(command, capture_output=True, text=True, check=False, env=env)
    return done.stdout, done.returncode


def exact_numbers(environ: Mapping[str, str] | None = None) -> str:
    """The exact type this interpreter's factcheck computes in: "gmpy2 2.2.2" or "fraction"."""
    probe = (
        "from factcheck.numbers import exact\n"
        "if exact.BACKEND == 'gmpy2':\n    import gmpy2\n    print('gmpy2', gmpy2.version())\n"
        "else:\n    print(exact.BACKEND)"
    )
    return output([sys.executable, "-c", probe], environ)[0].strip()


def edit_a_tenth(files: list[Path], run: int) -> None:
    """Change the bytes of every tenth file (a comment, so the verdicts stay), a different tenth each run."""
    for path in files[run % 10 :: 10]:
        with path.open("a", encoding="utf-8") as stream:
            stream.write(f"# revised in run {run}\n")


def subset(corpus_files: list[Path], count: int, folder: Path) -> Path:
    """A folder of links to the first `count` files of the corpus."""
    folder.mkdir()
    for path in corpus_files[:count]:
        (folder / path.name).symlink_to(path)
    return folder


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--quick", action="store_true", help="a tiny corpus and single runs: a smoke test")
    parser.add_argument("--files", type=int, default=2000, help="claims files in the corpus (default 2000)")
    parser.add_argument("--repeat", type=int, default=5, help="runs per measurement (default 5)")
    parser.add_argument(
        "--baseline-files",
        type=int,
        default=200,
        help="files the slow baseline is run on, with `factcheck check` beside it (default 200)",
    )
    parser.add_argument(
        "--against",
        metavar="PYTHON",
        help="another interpreter whose factcheck is timed beside this one's, e.g. ../main/.venv/bin/python",
    )
    parser.add_argument("--baseline-worker", metavar="DIR", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.baseline_worker:
        print(json.dumps(baseline(Path(args.baseline_worker))))
        return 0
    if args.quick:
        args.files, args.repeat, args.baseline_files = 12, 1, 4
    # A normal installation caches compiled modules; this sandbox sets PYTHONDONTWRITEBYTECODE, which
    # would make every child process recompile factcheck's sources (an editable install has no .pyc).
    # The children measured here run as on a user's machine: with the cache, warmed by one run first.
    os.environ.pop("PYTHONDONTWRITEBYTECODE", None)
    subprocess.run(factcheck(ARTICLE), capture_output=True, check=False)
    # every measured run names its cache folder or --no-cache; nothing is written into the checkout
    small = min(200, args.files // 10) if not args.quick else 4

    with tempfile.TemporaryDirectory(prefix="factcheck-bench-") as tmp:
        tmp_path = Path(tmp)
        started = time.perf_counter()
        corpus = write_corpus(tmp_path / "corpus", args.files)
        folder = str(corpus.folder)
        size = sum(p.stat().st_size for p in corpus.files)
        print(
            f"corpus: {len(corpus.files)} files, {corpus.claims} claims, {size / 1e6:.1f} MB, "
            f"{corpus.expected['contradicted']} deliberately wrong "
            f"({corpus.expected['contradicted'] / corpus.claims:.1%}); written in {time.perf_counter() - started:.1f} s"
        )
        ok = True

        # the verdicts, and whether pint was imported
        probe = [
            sys.executable,
            "-c",
            "import sys; from factcheck.cli.main import main; status = main(sys.argv[1:]); "
            "sys.stderr.write('pint imported: %s\\n' % ('pint' in sys.modules)); raise SystemExit(status)",
            "check",
            "--no-cache",
            "--format",
            "json",
            folder,
        ]
        done = subprocess.run(probe, capture_output=True, text=True, check=False)
        summary = json.loads(done.stdout)["summary"]
        expected = {v: corpus.expected[v] for v in summary}
        counts_ok = summary == expected and done.returncode == 1
        pint_line = done.stderr.strip().splitlines()[-1] if done.stderr.strip() else "pint imported: ?"
        print(
            f"verdict counts: {'OK' if counts_ok else 'WRONG'}: {summary} (expected {expected}), "
            f"exit status {done.returncode} (expected 1); {pint_line}"
        )
        ok &= counts_ok and pint_line.endswith("False")
        parallel = subprocess.run(
            factcheck("--format", "json", "-j", "2", folder), capture_output=True, text=True, check=False
        )
        same = parallel.stdout == done.stdout and parallel.returncode == done.returncode
        print(f"-j 2 report identical to -j 1: {same}")
        ok &= same
        without = subprocess.run(
            factcheck("--format", "json", folder),
            capture_output=True,
            text=True,
            check=False,
            env={**os.environ, **WITHOUT_GMPY},
        )
        same_without = without.stdout == done.stdout and without.returncode == done.returncode
        print(
            f"exact numbers: {exact_numbers()}; with FACTCHECK_EXACT=fraction: {exact_numbers(WITHOUT_GMPY)}; "
            f"report without gmpy2 identical: {same_without}"
        )
        ok &= same_without
        del done, parallel, without

        pythons = [sys.executable] + ([args.against] if args.against else [])
        if args.against:  # warm the other checkout's bytecode cache too
            subprocess.run(factcheck(ARTICLE, python=args.against), capture_output=True, check=False)

        def both(
            make: Callable[[str], list[str]],
            repeat: int = args.repeat,
            before: Callable[[int], object] | None = None,
            *,
            fraction: bool = False,
        ) -> list[Timing]:
            """The same measurement with each interpreter, interleaved; `fraction`: and with this interpreter
            computing in Fraction (FACTCHECK_EXACT=fraction), last in the list."""
            commands = [make(python) for python in pythons] + ([make(sys.executable)] if fraction else [])
            environs = [None] * len(pythons) + ([WITHOUT_GMPY] if fraction else [])
            return paired_runs(commands, repeat, before, environs)

        def caches(name: str) -> list[Path]:
            return [tmp_path / f"{name}-{i}" for i in range(len(pythons))]

        def emptied(folders: list[Path]) -> Callable[[int], object]:
            def empty(_: int) -> None:
                for folder in folders:
                    shutil.rmtree(folder, ignore_errors=True)

            return empty

        # (a) the floor, (c) the check, single process and -j 2, every file checked
        floor_command = [sys.executable, "-c", _FLOOR, folder]
        floor = median_run(floor_command, args.repeat)
        check1_runs = both(lambda py: factcheck(folder, python=py), fraction=True)
        check1, check1_fraction = check1_runs[:-1], [check1_runs[-1], *check1_runs[1:-1]]
        check2 = both(lambda py: factcheck("-j", "2", folder, python=py))
        processors = usable_processors()
        check_auto = (  # what `check` does unless told: a process per processor
            check2 if processors == 2 else both(lambda py: factcheck("-j", str(processors), folder, python=py))
        )
        ok &= check1[0].status == check2[0].status == check_auto[0].status == 1

        # (c) with the report cache: filling an empty one, nothing changed, a tenth of the files edited
        cache = caches("cache")
        fresh = output(factcheck(folder))
        fill = both(lambda py: factcheck(folder, cache=cache[pythons.index(py)], python=py), before=emptied(cache))
        # the floor again, taking turns with these runs: a ratio near 1 × the floor should not depend on how
        # the machine's speed drifted since the floor was first timed
        *warm, floor_beside_warm = paired_runs(
            [*(factcheck(folder, cache=cache[i], python=python) for i, python in enumerate(pythons)), floor_command],
            args.repeat,
        )
        same_warm = output(factcheck(folder, cache=cache[0])) == fresh
        tenth = both(
            lambda py: factcheck(folder, cache=cache[pythons.index(py)], python=py),
            before=lambda i: edit_a_tenth(corpus.files, i),
        )
        same_tenth = output(factcheck(folder, cache=cache[0])) == output(factcheck(folder))
        print(f"reports answered from the cache identical to a fresh check: {same_warm and same_tenth}")
        ok &= same_warm and same_tenth and fill[0].status == warm[0].status == tenth[0].status == 1
        del fresh

        # (b) the obvious way, on a sample, with the check on the same sample
        sample = subset(corpus.files, args.baseline_files, tmp_path / "sample")
        base = median_run(
            [sys.executable, __file__, "--baseline-worker", str(sample)], max(1, min(args.repeat, 3))
        ).wall
        base_counts = (
            json.loads(
                subprocess.run(
                    [sys.executable, __file__, "--baseline-worker", str(sample)],
                    capture_output=True,
                    text=True,
                    check=True,
                ).stdout
            )
            if args.quick
            else None
        )
        check_sample = both(lambda py: factcheck(str(sample), python=py))
        sample_cache = caches("sample-cache")
        for i, python in enumerate(pythons):
            output(factcheck(str(sample), cache=sample_cache[i], python=python))
        warm_sample = both(lambda py: factcheck(str(sample), cache=sample_cache[pythons.index(py)], python=py))
        floor_sample = median_run([sys.executable, "-c", _FLOOR, str(sample)], args.repeat)

        # (d) one article, beside a bare interpreter
        article_repeat = max(args.repeat, 11) if not args.quick else 1
        bare = median_run([sys.executable, "-c", "pass"], article_repeat)
        start_command, start_modules, start_records = start_floor(sys.executable)
        start = median_run(start_command, article_repeat)
        article_runs = both(lambda py: factcheck(ARTICLE, python=py), article_repeat, fraction=True)
        article, article_fraction = article_runs[:-1], [article_runs[-1], *article_runs[1:-1]]
        article_cache = caches("article-cache")
        for i, python in enumerate(pythons):
            output(factcheck(ARTICLE, cache=article_cache[i], python=python))
        article_warm = both(
            lambda py: factcheck(ARTICLE, cache=article_cache[pythons.index(py)], python=py),
            article_repeat,
        )
        ok &= article[0].status == 0 and article_warm[0].status == 0 and article_fraction[0].status == 0
        ok &= check1_fraction[0].status == 1

        # (e) peak memory at a tenth and at all of the corpus
        small_folder = subset(corpus.files, small, tmp_path / "small")
        mem_small = [peak_memory(factcheck(str(small_folder), python=py)) for py in pythons]
        mem_full = [peak_memory(factcheck(folder, python=py)) for py in pythons]
        floor_mem = peak_memory([sys.executable, "-c", _FLOOR, folder])
        article_mem = [peak_memory(factcheck(ARTICLE, python=py)) for py in pythons]
        mem_warm = [peak_memory(factcheck(folder, cache=cache[i], python=py)) for i, py in enumerate(pythons)]

    print_table(
        args,
        corpus,
        {
            "floor": [floor],
            "check1": check1,
            "check1_fraction": check1_fraction,
            "check2": check2,
            "check_auto": check_auto,
            "fill": fill,
            "warm": warm,
            "floor_beside_warm": [floor_beside_warm],
            "tenth": tenth,
            "check_sample": check_sample,
            "warm_sample": warm_sample,
            "floor_sample": [floor_sample],
            "bare": [bare],
            "start": [start],
            "article": article,
            "article_fraction": article_fraction,
            "article_warm": article_warm,
        },
        base,
        (start_modules, start_records),
    )
    for i, python in enumerate(pythons):
        print(
            f"(e) peak memory{'' if i == 0 else f' ({python})'}: {small} files {mem_small[i] / 1024:.1f} MiB, "
            f"{len(corpus.files)} files {mem_full[i] / 1024:.1f} MiB ({mem_full[i] / mem_small[i]:.2f} ×); "
            f"floor {floor_mem / 1024:.1f} MiB; one article {article_mem[i] / 1024:.1f} MiB; "
            f"{len(corpus.files)} files from the cache {mem_warm[i] / 1024:.1f} MiB"
        )
    if base_counts is not None:
        print(f"baseline verdict counts (not checked): {base_counts}")
    print("result:", "OK" if ok else "FAILED (see above)")
    return 0 if ok else 1


def print_table(
    args: argparse.Namespace, corpus: Any, t: dict[str, list[Timing]], base: float, start_counts: tuple[int, int]
) -> None:
    """The table: each measurement's median wall and CPU time, its ratio to its baseline, and with
    `--against` the other interpreter's times beside it (and this one's as a share of them); `start_counts`: the
    numbers of modules and of records the start floor loads."""
    start_modules, start_records = start_counts
    floor, check1 = t["floor"][0].wall, t["check1"][0].wall
    per_claim = check1 / corpus.claims * 1e6
    n, b = len(corpus.files), args.baseline_files
    rows: list[tuple[str, str, str]] = [
        ("floor", f"(a) floor: read + parse {n} files with {fastest_parser()} (process)", "1.00 × floor"),
        ("check1", f"(c) check --no-cache, 1 process ({per_claim:.0f} µs a claim)", f"{check1 / floor:.2f} × floor"),
        (
            "check1_fraction",
            "(c) the same without gmpy2 (FACTCHECK_EXACT=fraction)",
            f"{t['check1_fraction'][0].wall / floor:.2f} × floor; gmpy2 {check1 / t['check1_fraction'][0].wall:.2f} × this",
        ),
        ("check2", "(c) check --no-cache -j 2", f"{check1 / t['check2'][0].wall:.2f} × faster than -j 1"),
        (
            "check_auto",
            f"(c) check --no-cache as by default ({usable_processors()} processes)",
            f"{t['check_auto'][0].wall / floor:.2f} × floor",
        ),
        ("fill", "(c) first run, filling an empty cache", f"{t['fill'][0].wall / check1:.2f} × no cache"),
        (
            "warm",
            "(c) re-run, nothing changed (all from the cache)",
            f"{t['warm'][0].wall / t['floor_beside_warm'][0].wall:.2f} × floor timed in turn",
        ),
        ("floor_beside_warm", "(a) the floor, timed in turn with the re-runs", ""),
        ("tenth", "(c) re-run, a tenth of the files edited", f"{t['tenth'][0].wall / floor:.2f} × floor"),
        ("check_sample", f"(b) check --no-cache, {b} files", f"{base / t['check_sample'][0].wall:.2f} × faster"),
        (
            "warm_sample",
            f"(b) check, same {b} files, from the cache",
            f"{base / t['warm_sample'][0].wall:.1f} × faster",
        ),
        ("floor_sample", f"(b) floor, same {b} files", ""),
        ("bare", "(d) python -c pass", ""),
        (
            "start",
            f"(d) start floor: {start_modules} modules, {start_records} attrs records",
            f"{t['start'][0].wall / t['bare'][0].wall:.1f} × bare",
        ),
        (
            "article",
            "(d) check --no-cache, one article",
            f"{t['article'][0].wall / t['bare'][0].wall:.1f} × bare; {t['article'][0].wall / t['start'][0].wall:.2f} × start floor",
        ),
        (
            "article_fraction",
            "(d) the same without gmpy2 (FACTCHECK_EXACT=fraction)",
            f"gmpy2 {t['article'][0].wall / t['article_fraction'][0].wall:.2f} × this",
        ),
        ("article_warm", "(d) check, one article, from the cache", ""),
    ]
    against = " against: wall    cpu  this/against" if args.against else ""
    print()
    print(f"(b) the obvious way, tomllib + pint, {b} files: {base * 1000:.0f} ms (wall)")
    print(f"{'measurement':<56} {'wall':>8} {'cpu':>8}  {'ratio':<28}{against}")
    for key, name, ratio in rows:
        this = t[key][0]
        line = f"{name:<56} {this.wall * 1000:>5.0f} ms {this.cpu * 1000:>5.0f} ms  {ratio:<28}"
        if args.against and len(t[key]) > 1:
            other = t[key][1]
            line += f" {other.wall * 1000:>6.0f} ms {other.cpu * 1000:>5.0f} ms  {this.wall / other.wall:.2f} ×"
        print(line)


if __name__ == "__main__":
    raise SystemExit(main())
