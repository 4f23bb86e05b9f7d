"""How much of a claims file `factcheck suggest --write` fills as a person would, and whether it checks clean.

    python bench/suggest_write.py [FOLDER ...]      (default: ../shared/eval when present, tests/data/labelled, claims/)

For each article NAME.txt with a hand-made NAME.claims.toml beside it: the article is drafted as
`factcheck extract` drafts it, the hand-made file's [sources], [figures] and [tables] are added to the
draft, and the draft is filled as `suggest --write` fills it. Each hand-made claim is matched with a
drafted claim as bench/extraction.py matches them (overlapping sentences, the same numbers); for
every matched claim of the same kind with inputs to suggest (not a comparison, rank or formula),
each input of the hand-made claim counts once, and it is filled exactly when the written file has
the same name there (a hand-made claim id read as the id of its drafted match).

"Checks clean": the written file loads without a problem, and no filled claim gets a verdict
other than the hand-made claim's (a wrong figure written in could turn a planted error into a
pass: the worst outcome, and counted here).
"""

from __future__ import annotations

import sys
import tempfile
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import tomlkit

from extraction import _overlaps, _ranges, numbers_of
from factcheck.check.pipeline import verify_file
from factcheck.drafting.extract import draft_article
from factcheck.drafting.fill import choose_all, filled_text
from factcheck.drafting.suggest import suggest_file
from factcheck.drafting.toml_writer import draft_toml
from factcheck.load.claimsfile import load_claims_file, loads_claims_file
from factcheck.model.claims import Claim, ClaimsFile
from factcheck.model.kinds import INPUTS, Kind

ROOT = Path(__file__).resolve().parents[1]
SHARED_EVAL = ROOT.parent / "shared" / "eval"
DEFAULT_FOLDERS = (SHARED_EVAL, ROOT / "tests" / "data" / "labelled", ROOT / "claims")
#: The kinds `suggest` fills (a comparison, rank or formula has no inputs it suggests).
SUGGESTED = frozenset(INPUTS) - {Kind.COMPARISON, Kind.RANK, Kind.FORMULA}
#: What a draft takes from the hand-made file: everything a person adds before asking for suggestions.
ADDED = ("sources", "figures", "tables", "defaults")


def drafted_with_figures(article: Path, hand_path: Path, folder: Path) -> Path:
    """The draft of `article` written into `folder`, with the hand-made file's figures (and tables) added."""
    text = article.read_text(encoding="utf-8-sig")
    (folder / article.name).write_text(text, encoding="utf-8")
    for table in article.parent.glob(article.name[:-4] + ".*"):
        if table.suffix not in (".txt", ".toml"):
            (folder / table.name).write_bytes(table.read_bytes())
    hand = tomlkit.parse(hand_path.read_text(encoding="utf-8-sig"))
    draft = draft_toml(draft_article(text, text_path=article.name, source=article.name))
    added = "".join("\n" + tomlkit.dumps({key: hand[key]}) for key in ADDED if key in hand)
    path = folder / hand_path.name
    path.write_text(draft + added, encoding="utf-8")
    return path


def write_filled(path: Path) -> dict[str, str]:
    """Fill the file as `factcheck suggest --write` does; the reason each claim left was left."""
    text = path.read_text(encoding="utf-8")
    claims_file = loads_claims_file(text, str(path), base_dir=path.parent)
    choices = choose_all(suggest_file(claims_file, limit=5, other_kinds=True, nearest=True), claims_file)
    path.write_text(filled_text(text, choices), encoding="utf-8")
    return {c.id: c.reason for c in choices if not c.inputs}


def matches(hand: ClaimsFile, draft: ClaimsFile) -> list[tuple[Claim, Claim]]:
    """(hand-made, drafted) pairs, as bench/extraction.py pairs them."""
    hand_ranges = _ranges([s.text for s in hand.sentences])
    draft_ranges = _ranges([s.text for s in draft.sentences])
    drafted = [(draft_ranges[i], c) for i, s in enumerate(draft.sentences) for c in s.claims]
    used: set[int] = set()
    pairs = []
    for index, sentence in enumerate(hand.sentences):
        for claim in sentence.claims:
            key = numbers_of(claim.stated)
            if claim.kind == Kind.COMPARISON or not key:
                continue
            match = next(
                (
                    k
                    for k, (where, c) in enumerate(drafted)
                    if k not in used
                    and c.kind != Kind.COMPARISON
                    and _overlaps(where, hand_ranges[index])
                    and numbers_of(c.stated) == key
                ),
                None,
            )
            if match is not None:
                used.add(match)
                pairs.append((claim, drafted[match][1]))
    return pairs


def evaluate(article: Path, hand_path: Path) -> dict[str, Any]:
    """The inputs filled as the hand-made file has them, and whether the written file checks clean."""
    with tempfile.TemporaryDirectory() as folder:
        path = drafted_with_figures(article, hand_path, Path(folder))
        reasons = write_filled(path)
        written = load_claims_file(path)
        hand = load_claims_file(hand_path)
        pairs = matches(hand, written)
        ids = {h.id: d.id for h, d in pairs}
        total = exact = 0
        misses = []
        for hand_claim, drafted in pairs:
            if hand_claim.kind != drafted.kind or hand_claim.kind not in SUGGESTED:
                continue
            got = drafted.inputs()
            for field, name in hand_claim.inputs().items():
                total += 1
                if got.get(field) == ids.get(name, name):
                    exact += 1
                else:
                    misses.append(
                        (
                            drafted.id,
                            drafted.stated,
                            field,
                            ids.get(name, name),
                            got.get(field),
                            reasons.get(drafted.id),
                        )
                    )
        hand_verdicts = {o.id: o.verdict for o in verify_file(hand).outcomes}
        written_verdicts = {o.id: o.verdict for o in verify_file(written).outcomes}
        wrong = [
            (d.id, hand_verdicts.get(h.id), written_verdicts.get(d.id))
            for h, d in pairs
            if d.inputs() and not d.placeholders() and written_verdicts.get(d.id) != hand_verdicts.get(h.id)
        ]
        return {"total": total, "exact": exact, "misses": misses, "problems": len(written.problems), "wrong": wrong}


def pairs_in(folders: Sequence[Path]) -> list[tuple[Path, Path]]:
    found = [(p, p.with_name(p.name[:-4] + ".claims.toml")) for f in folders for p in sorted(f.glob("*.txt"))]
    return [(a, c) for a, c in found if c.exists()]


def main(argv: Sequence[str]) -> int:
    folders = [Path(a) for a in argv] or [f for f in DEFAULT_FOLDERS if f.is_dir()]
    total = exact = problems = 0
    wrong: list[tuple[str, object, object]] = []
    print(f"{'article':44} {'inputs':>6} {'exact':>5} {'problems':>8} {'verdict changed':>15}")
    for article, hand_path in pairs_in(folders):
        result = evaluate(article, hand_path)
        total += result["total"]
        exact += result["exact"]
        problems += result["problems"]
        wrong += result["wrong"]
        print(
            f"{article.name[:44]:44} {result['total']:6} {result['exact']:5} {result['problems']:8} "
            f"{len(result['wrong']):15}"
        )
        for miss in result["misses"]:
            print("    miss:", *miss)
        for claim_id, before, after in result["wrong"]:
            print(f"    verdict: {claim_id} {before} by hand, {after} as written")
    print()
    print(f"inputs filled as the hand-made files have them: {exact}/{total} = {exact / max(total, 1):.1%}")
    print(
        f"written files with problems: {problems}; filled claims whose verdict differs from the hand-made: {len(wrong)}"
    )
    return 0


if __name__ == "__main__":
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    raise SystemExit(main(sys.argv[1:]))
