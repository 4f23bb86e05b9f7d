"""Reference outputs of `extract`, `suggest` and `check`, to show that a change leaves them byte for byte.

    python bench/same_output.py OUT_DIR          # then, after the change: python bench/same_output.py OUT_DIR2
    diff -r OUT_DIR OUT_DIR2                     # nothing, if nothing changed
    python bench/same_output.py OUT_DIR suggest  # only the cases whose names start with "suggest"

Writes one file per case into OUT_DIR (exit status, standard output and standard error of the
command, in that order):

- `extract -o -` on every article of claims/, ../shared/eval and tests/data, on long paragraphs
  and long sentences (bench/growing.py, and the real articles run together into one paragraph),
  and the draft of 400 random texts made of the pieces of news copy the drafter reads;
- `suggest`, text and JSON, on the hand-made claims files, on the same files with their inputs
  blanked to "?", on blanked files of the bench corpus and on claims files of many figures;
- `check --no-cache`, text and JSON, on claims/, ../shared/eval, tests/data, the bench corpus
  and claims files of many figures with wrong claims (the diagnoses).

The inputs are written to a scratch folder (a new one each run, removed after) that is the working
directory of every command, so the paths in the outputs are the same from run to run.
"""

from __future__ import annotations

import contextlib
import functools
import io
import random
import re
import shutil
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
sys.path.insert(0, str(HERE))

from corpus import write_corpus
from factcheck.cli.main import main
from factcheck.drafting.extract import draft_article
from factcheck.drafting.toml_writer import draft_toml
from growing import figures_file, long_sentence, paragraph

EVAL = REPO.parent / "shared" / "eval"
#: The folders of hand-made articles; the shared evaluation set only where it is beside the checkout.
ARTICLE_FOLDERS = {
    label: folder
    for label, folder in (("claims", REPO / "claims"), ("eval", EVAL), ("data", REPO / "tests" / "data"))
    if folder.is_dir()
}
_INPUT_FIELD = re.compile(r'^(\s*(?:figure|from|to|numerator|denominator|part|whole)\s*=\s*)"[^"]*"', re.MULTILINE)

#: Pieces of news copy for random texts: numbers in every form, the words around them, punctuation.
_PIECES = (
    "1,405",
    "3.5",
    "3.50",
    "-5%",
    "−325",
    "£1.2m",
    "£5 bn",
    "2019-20",
    "2023",
    "10:30",
    "1st",
    "10am",
    "64,300",
    "0.5%",
    "45p",
    "1,000",
    "one",
    "a",
    "an",
    "two hundred",
    "a million",
    "half a million",
    "fourteen",
    "Fourteen",
    "per cent",
    "percent",
    "%",
    "percentage points",
    "points",
    "per",
    "per 100,000",
    "for every 1,000 people",
    "one in five",
    "one in every 769 people",
    "out of",
    "in",
    "times",
    "fold",
    "tenfold",
    "twice",
    "doubled",
    "halved",
    "a fifth",
    "two-thirds",
    "half",
    "most",
    "the majority",
    "the vast majority",
    "almost all",
    "more than",
    "nearly",
    "about",
    "around",
    "at least",
    "fewer than",
    "under",
    "over",
    "up",
    "down",
    "rose",
    "fell",
    "fell by",
    "a rise of",
    "an increase of",
    "extra",
    "more",
    "fewer",
    "higher than",
    "lower than",
    "above",
    "below",
    "compared with",
    "the same as",
    "than",
    "year",
    "level",
    "No.",
    "Mr.",
    "Dr.",
    "U.K.",
    "e.g.",
    "April",
    "March",
    "Covid-19",
    "A14",
    "11-year-olds",
    "made up",
    "accounting for",
    "of",
    "the",
    "and",
    "offences",
    "people",
    "pupils",
    "households",
    "said",
    "will",
    "expected",
    "means",
    "council",
    "Police",
    "The",
    "It",
    "But",
    ".",
    ".",
    ",",
    ",",
    ";",
    ":",
    "!",
    "?",
    "…",
    "...",
    "–",
    "—",
    "-",
    "(",
    ")",
    "“",
    "”",
    '"',
    "'",
    "‘",
    "’",
    "\n",
    "\n\n",
    "12345678901234567890",
    "٣",
    "Ⅻ",
    "ﬁ",
    "İ",
)


def _run(argv: list[str], cwd: Path) -> str:
    out, err = io.StringIO(), io.StringIO()
    before = Path.cwd()
    try:
        import os

        os.chdir(cwd)
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            try:
                status = main(argv)
            except SystemExit as exc:
                status = exc.code if isinstance(exc.code, int) else 2
    finally:
        os.chdir(before)
    return f"exit {status}\n--- stdout\n{out.getvalue()}--- stderr\n{err.getvalue()}"


def _random_text(rng: random.Random) -> str:
    words = [rng.choice(_PIECES) for _ in range(rng.randint(1, 120))]
    seps = [rng.choice((" ", " ", " ", "", "  ")) for _ in words]
    head = "date 2024-06-19\n\n" if rng.random() < 0.8 else ""
    return head + "".join(w + s for w, s in zip(words, seps, strict=True))


def _blank(text: str) -> str:
    return _INPUT_FIELD.sub(r'\1"?"', text)


def write_outputs(out: Path, only: str = "") -> int:
    """Write every case whose name starts with `only` into `out`; the number of cases."""
    out.mkdir(parents=True, exist_ok=True)
    scratch = Path(tempfile.mkdtemp(prefix="factcheck-same-output-"))
    try:
        return _write_cases(out, scratch, only)
    finally:
        shutil.rmtree(scratch, ignore_errors=True)


class _Cases:
    """Writes each case whose name starts with `only` into `out`, and counts them."""

    def __init__(self, out: Path, only: str) -> None:
        self.out, self.only, self.count = out, only, 0

    def save(self, name: str, make: Callable[[], str]) -> None:
        if not name.startswith(self.only):
            return
        (self.out / name).write_text(make(), encoding="utf-8")
        self.count += 1


def _write_cases(out: Path, scratch: Path, only: str) -> int:
    cases = _Cases(out, only)
    _write_inputs(scratch)
    _extract_cases(cases, scratch)
    _suggest_cases(cases, scratch)
    _check_cases(cases, scratch)
    return cases.count


def _write_inputs(scratch: Path) -> None:
    """The hand-made articles and claims files, as they are and blanked; a corpus; files of many figures."""
    for label, folder in ARTICLE_FOLDERS.items():
        target = scratch / label
        target.mkdir()
        blank = scratch / f"{label}-blank"
        blank.mkdir()
        for path in sorted(folder.iterdir()):
            if path.suffix == ".txt" or path.name.endswith(".toml"):
                shutil.copy(path, target / path.name)
                shutil.copy(path, blank / path.name)
                if path.name.endswith(".claims.toml"):
                    (blank / path.name).write_text(_blank(path.read_text(encoding="utf-8")), encoding="utf-8")
    corpus = write_corpus(scratch / "corpus", 12)
    (scratch / "corpus-blank").mkdir()
    for path in corpus.files[:6]:
        (scratch / "corpus-blank" / path.name).write_text(_blank(path.read_text(encoding="utf-8")), encoding="utf-8")
    many = scratch / "many"
    many.mkdir()
    (many / "drafts-40.claims.toml").write_text(figures_file(40, drafts=24, checked=False), encoding="utf-8")
    (many / "drafts-150.claims.toml").write_text(figures_file(150, drafts=16, checked=False, seed=5), encoding="utf-8")
    (many / "wrong-60.claims.toml").write_text(figures_file(60, wrong_every=3), encoding="utf-8")
    (many / "wrong-200.claims.toml").write_text(figures_file(200, wrong_every=5, seed=7), encoding="utf-8")


def _extract_cases(cases: _Cases, scratch: Path) -> None:
    for label in ARTICLE_FOLDERS:
        for path in sorted((scratch / label).glob("*.txt")):
            cases.save(
                f"extract-{label}-{path.stem}", functools.partial(_run, ["extract", path.name, "-o", "-"], path.parent)
            )
    real = " ".join(
        " ".join(re.sub(r"^date \S+\n", "", p.read_text(encoding="utf-8")).split())
        for label in ARTICLE_FOLDERS
        for p in sorted((scratch / label).glob("*.txt"))
    )
    generated = {
        "paragraph-real": "date 2024-06-19\n\n" + real + "\n",
        "sentence-real": "date 2024-06-19\n\n" + re.sub(r"([.!?…][”\"’']*) ", r"\1; ", real) + "\n",
    }
    for size in (300, 3_000, 20_000):
        generated[f"paragraph-{size}"] = paragraph(size)
        generated[f"sentence-{size}"] = long_sentence(size)
    for name, text in generated.items():
        cases.save(f"extract-{name}", functools.partial(_drafted, text))
    cases.save("extract-random", _random_drafts)


def _drafted(text: str) -> str:
    return draft_toml(draft_article(text, text_path="a.txt", source="a.txt"))


def _random_drafts() -> str:
    rng = random.Random(20240619)
    drafts = []
    for number in range(400):
        text = _random_text(rng)
        drafts.append(f"=== {number}\n{draft_toml(draft_article(text, text_path='a.txt', source='a.txt'))}")
    return "".join(drafts)


def _suggest_cases(cases: _Cases, scratch: Path) -> None:
    folders = [*ARTICLE_FOLDERS, *(f"{label}-blank" for label in ARTICLE_FOLDERS), "corpus-blank", "many"]
    for label in folders:
        for path in sorted((scratch / label).glob("*.claims.toml")):
            for fmt in ("text", "json"):
                cases.save(
                    f"suggest-{label}-{path.stem}-{fmt}",
                    functools.partial(_run, ["suggest", f"{path.parent.name}/{path.name}", "--format", fmt], scratch),
                )


def _check_cases(cases: _Cases, scratch: Path) -> None:
    for label in (*ARTICLE_FOLDERS, "corpus", "many"):
        for fmt in ("text", "json"):
            cases.save(
                f"check-{label}-{fmt}",
                functools.partial(_run, ["check", "--no-cache", "--format", fmt, label], scratch),
            )


if __name__ == "__main__":
    if len(sys.argv) not in (2, 3):
        sys.exit(__doc__)
    print(f"{write_outputs(Path(sys.argv[1]), *sys.argv[2:])} cases written to {sys.argv[1]}")
