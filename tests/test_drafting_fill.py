"""`factcheck suggest --write`: the clear best suggestions written in, everything else of the file kept."""

from __future__ import annotations

import difflib
import os
import subprocess
import sys
from pathlib import Path

import pytest

from factcheck.cli.main import main
from factcheck.drafting.fill import Choice, choose, filled_text
from factcheck.drafting.suggest import ClaimSuggestions, Suggestion
from factcheck.errors import ChangedMeanwhileError, FillError
from factcheck.load.claimsfile import load_claims_file
from factcheck.runner import output
from tests.conftest import EVAL_DIR, LABELLED_DIR, REPO, has_eval

sys.path.insert(0, str(REPO / "bench"))
import suggest_write

DRAFT = """# A draft: every comment and blank line below is kept.
format = 1   # the format

[article]
title = "t"
published = 2024-01-01

[figures]
flytip_2023 = { value = 4452, unit = "incident", period = "2023" }
flytip_2022 = { value = 4118, unit = "incident", period = "2022" }
pop = { value = 268930, unit = "person" }
fpn = { value = 1647, unit = "notice" }
fines = { value = 1652, unit = "notice" }

[[sentences]]
text = "16.6 incidents for every 1,000 people, up 8 per cent; 4,452; about 1,650 notices"

  [[sentences.claims]]
  id = "rate"   # the rate
  kind = "rate"
  stated = "16.6 incidents for every 1,000 people"
  numerator = "?"     # to fill
  denominator = "?"

  [[sentences.claims]]
  id = "change"
  kind = "change"
  stated = "up 8 per cent"

  [[sentences.claims]]
  id = "count"
  kind = "value"
  stated = "4,452"
  figure = "?"

  [[sentences.claims]]
  id = "notices"
  kind = "value"
  stated = "about 1,650 notices"
  figure = "?"


[[sentences]]
text = "The end."
check = "context"
"""


def _suggestion(names: tuple[str, ...], fit: int = 0, backwards: int = 0, distance: float = 0.0) -> Suggestion:
    return Suggestion(tuple((f"f{i}", n) for i, n in enumerate(names)), "", distance, fit, backwards)


def _found(*suggestions: Suggestion) -> ClaimSuggestions:
    return ClaimSuggestions("c", "change", "up 8 per cent", 3, suggestions)


def test_the_clear_best_is_chosen_and_anything_close_is_left() -> None:
    assert choose(_found(_suggestion(("a",)))).inputs == (("f0", "a"),)
    assert choose(_found(_suggestion(("a",), fit=1), _suggestion(("b",)))).inputs == (("f0", "a"),)
    assert choose(_found(_suggestion(("a",)), _suggestion(("b",), backwards=1))).inputs == (("f0", "a"),)
    assert choose(_found(_suggestion(("a",)), _suggestion(("b",), distance=1.5))).inputs == (("f0", "a"),)
    close = choose(_found(_suggestion(("a",)), _suggestion(("b",), distance=0.5)))
    assert close.inputs == ()
    assert close.reason.startswith("ambiguous: f0 = 'a' or f0 = 'b'")


def test_periods_that_run_backwards_are_never_written() -> None:
    # "fell by 6 per cent" is reproduced by reading a rise backwards: writing it would turn a slip into a pass
    choice = choose(_found(_suggestion(("later", "earlier"), backwards=1)))
    assert choice.inputs == ()
    assert "later period to an earlier one" in choice.reason


def test_nothing_to_suggest_says_so_and_names_another_kind() -> None:
    assert choose(_found()).reason == "no figure of the file reproduces it"
    other = ClaimSuggestions("c", "value", "35 per cent", 3, (), (("share", _suggestion(("a", "b"))),))
    assert "it reads as a share (f0 = 'a', f1 = 'b')" in choose(other).reason


def test_only_the_filled_lines_change() -> None:
    choices = [Choice("rate", 1, (("numerator", "flytip_2023"), ("denominator", "pop"))), Choice("count", 1, ())]
    text = filled_text(DRAFT, choices)
    changed = [line for line in difflib.ndiff(DRAFT.splitlines(), text.splitlines()) if line[:1] in "+-"]
    assert sorted(changed) == [
        '+   denominator = "pop"',
        '+   numerator = "flytip_2023"     # to fill',
        '-   denominator = "?"',
        '-   numerator = "?"     # to fill',
    ]


def test_a_missing_input_is_added_to_its_claim() -> None:
    text = filled_text(DRAFT, [Choice("change", 1, (("from", "flytip_2022"), ("to", "flytip_2023")))])
    assert 'stated = "up 8 per cent"\n  from = "flytip_2022"\n  to = "flytip_2023"\n' in text
    assert text.startswith(DRAFT[:200])


def test_a_byte_order_mark_is_kept() -> None:
    assert filled_text("\ufeff" + DRAFT, [Choice("count", 1, (("figure", "flytip_2023"),))]).startswith("\ufeff# A")


def test_a_claim_not_in_the_file_writes_nothing() -> None:
    with pytest.raises(FillError, match="'gone' is not where it was read"):
        filled_text(DRAFT, [Choice("gone", 1, (("figure", "x"),))])


def test_write_fills_what_is_clear_and_lists_the_rest(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "x.claims.toml"
    path.write_text(DRAFT, encoding="utf-8")
    assert main(["suggest", "--write", str(path)]) == 0
    out = capsys.readouterr().out
    assert "filled rate:18: numerator = 'flytip_2023', denominator = 'pop'" in out
    assert "filled change:25: from = 'flytip_2022', to = 'flytip_2023'" in out
    assert "left notices:36: ambiguous: figure = 'fines' or figure = 'fpn'" in out
    assert out.endswith(f"3 of 4 claims filled (5 inputs); wrote {path}\n")
    claims = {c.id: c for c in load_claims_file(path).claims()}
    assert claims["count"].inputs() == {"figure": "flytip_2023"}
    assert claims["notices"].inputs() == {"figure": "?"}
    assert "# A draft: every comment" in path.read_text(encoding="utf-8")


def test_write_without_figures_says_to_add_them(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "x.claims.toml"
    text = DRAFT.replace("[figures]", "[figures_gone]").replace("flytip_20", "# flytip_20")
    text = "\n".join(line for line in text.splitlines() if not line.startswith(("pop =", "fpn =", "fines =")))
    path.write_text(text, encoding="utf-8")
    assert main(["suggest", "--write", str(path)]) in (0, 2)
    captured = capsys.readouterr()
    assert "add figures (or a table) first" in captured.out + captured.err
    assert path.read_text(encoding="utf-8") == text


def test_suggest_without_figures_says_to_add_them(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "x.claims.toml"
    kept = [line for line in DRAFT.splitlines() if not line.startswith(("flytip", "pop =", "fpn =", "fines ="))]
    path.write_text("\n".join(kept) + "\n", encoding="utf-8")
    assert main(["suggest", str(path)]) == 0
    assert "the file has no figures to suggest from: add figures (or a table) first" in capsys.readouterr().out


def test_another_kind_is_suggested_when_it_reproduces_the_words(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "x.claims.toml"
    text = DRAFT.replace('stated = "4,452"', 'stated = "16.6 incidents for every 1,000 people"').replace(
        'kind = "value"\n  stated = "16.6', 'kind = "value"\n  stated = "16.6'
    )
    path.write_text(text, encoding="utf-8")
    assert main(["suggest", str(path)]) == 0
    assert "as a rate: numerator = 'flytip_2023', denominator = 'pop'" in capsys.readouterr().out


def test_a_file_changed_meanwhile_is_kept(tmp_path: Path) -> None:
    path = tmp_path / "x.claims.toml"
    path.write_text("before\n", encoding="utf-8")
    read = output.digest(path.read_bytes())
    path.write_text("the user's edit\n", encoding="utf-8")
    with pytest.raises(ChangedMeanwhileError, match="was changed after it was read"):
        output.replace_unchanged(path, "ours\n", read)
    assert path.read_text(encoding="utf-8") == "the user's edit\n"
    assert [p.name for p in tmp_path.iterdir()] == ["x.claims.toml"]  # no temporary file left


def test_replacing_keeps_the_permissions(tmp_path: Path) -> None:
    path = tmp_path / "x.claims.toml"
    path.write_text("before\n", encoding="utf-8")
    path.chmod(0o640)
    output.replace_unchanged(path, "after\n", output.digest(b"before\n"))
    assert path.read_text(encoding="utf-8") == "after\n"
    assert path.stat().st_mode & 0o777 == 0o640


def test_a_symlink_is_not_replaced(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    real = tmp_path / "real.claims.toml"
    real.write_text(DRAFT, encoding="utf-8")
    link = tmp_path / "link.claims.toml"
    link.symlink_to(real)
    assert main(["suggest", "--write", str(link)]) == 2
    assert "symbolic link" in capsys.readouterr().err
    assert real.read_text(encoding="utf-8") == DRAFT and link.is_symlink()


def test_tomlkit_is_imported_only_to_write() -> None:
    code = (
        "import sys\n"
        "from factcheck.cli.main import main\n"
        f"main(['suggest', {str(REPO / 'claims' / 'west-mercia-mappa-2020.claims.toml')!r}])\n"
        "print('tomlkit' in sys.modules)\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, env={**os.environ}, timeout=120
    )
    assert done.stdout.strip().endswith("False")


def _measured(folders: list[Path]) -> tuple[int, int, int]:
    total = exact = problems = 0
    for article, hand in suggest_write.pairs_in(folders):
        result = suggest_write.evaluate(article, hand)
        total += result["total"]
        exact += result["exact"]
        problems += result["problems"]
    return total, exact, problems


def test_write_fills_the_drafts_of_the_labelled_articles_as_their_hand_made_files() -> None:
    """The measurement of bench/suggest_write.py on the articles the repository carries. The issue's goal is
    90% of inputs; this holds what is reached today (see the report), so that it can only go up."""
    total, exact, problems = _measured([LABELLED_DIR, REPO / "claims"])
    assert total >= 75
    assert problems == 0
    assert exact / total >= 0.70


def test_write_on_the_shared_evaluation_set() -> None:
    if not has_eval():
        pytest.skip("the shared evaluation set is not beside the checkout")
    total, exact, problems = _measured([EVAL_DIR])
    assert total >= 130
    assert problems == 0
    assert exact / total >= 0.60
